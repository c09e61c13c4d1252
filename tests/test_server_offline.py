"""The server process itself never reaches outside the machine, from start to stop.

The browser's requests are checked by every browser test (tests/browser.py cuts them); this
checks the other half: ``streamlit run app.py`` with the repository's ``.streamlit/config.toml``
runs under ``strace``, a browser opens the map, the server is stopped, and every socket the
server (or any child) connected or sent to must be a Unix socket, netlink, or loopback.
Why it matters: with ``server.headless = true`` Streamlit looks up the machine's external IP
(a DNS query to an outside host) unless ``browser.serverAddress`` is set.
"""

from __future__ import annotations

import re
import shutil

import pytest

from tests.browser import REPO_ROOT, chromium_page, require_browser, streamlit_server

pytestmark = pytest.mark.browser

SEED = REPO_ROOT / "seeds" / "000_c3b9a48d73eaee79.txt"
MAP = 'iframe[title="streamlit_folium.st_folium"]'
# connect(3, {sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr("8.8.8.8")}, 16)
_INET = re.compile(r'inet_addr\("([^"]+)"\)')
_INET6 = re.compile(r'inet_pton\(AF_INET6, "([^"]+)"')


def outside_addresses(trace: str) -> list[str]:
    """Every address in a ``connect``/``sendto``/``sendmsg`` line that is not this machine."""
    outside = []
    for line in trace.splitlines():
        if not re.search(r"\b(connect|sendto|sendmsg)\(", line):
            continue
        for address in _INET.findall(line):
            if not address.startswith("127.") and address != "0.0.0.0":
                outside.append(f"{address}: {line.strip()[:160]}")
        for address in _INET6.findall(line):
            if address not in ("::1", "::") and not address.startswith("::ffff:127."):
                outside.append(f"{address}: {line.strip()[:160]}")
    return outside


def test_outside_addresses_reads_strace_lines():
    trace = (
        '12 connect(5, {sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr("8.8.8.8")}, 16)'
        ' = 0\n'
        '12 connect(6, {sa_family=AF_UNIX, sun_path="/run/x"}, 110) = 0\n'
        '12 connect(7, {sa_family=AF_INET, sin_port=htons(80), sin_addr=inet_addr("127.0.0.1")}'
        ', 16) = 0\n'
        '12 sendto(8, "x", 1, 0, {sa_family=AF_INET6, sin6_port=htons(53), '
        'sin6_flowinfo=htonl(0), inet_pton(AF_INET6, "2001:4860::8888", &sin6_addr)}, 28) = 1\n'
    )
    found = outside_addresses(trace)
    assert [f.split(":")[0] for f in found[:1]] == ["8.8.8.8"]
    assert any(f.startswith("2001:4860::8888") for f in found)
    assert len(found) == 2


def test_the_server_makes_no_outside_request_from_start_to_stop(tmp_path):
    from playwright.sync_api import expect

    require_browser()
    strace = shutil.which("strace")
    if strace is None:
        pytest.skip("strace not installed (Debian package 'strace'; .ci/run installs it)")
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(SEED, seeds / SEED.name)
    log = tmp_path / "strace.log"
    env = {"FRONTLINE_DB": str(tmp_path / "atlas.sqlite"), "FRONTLINE_SEEDS": str(seeds)}
    prefix = [strace, "-f", "-qq", "-e", "trace=connect,sendto,sendmsg", "-o", str(log)]
    with streamlit_server(REPO_ROOT / "app.py", env=env, timeout=180, prefix=prefix,
                          address=None) as url, \
            chromium_page(viewport=(1280, 720)) as browser:
        browser.page.goto(url)
        expect(browser.page.frame_locator(MAP).locator("[data-place]").first).to_be_visible(
            timeout=120_000)
    trace = log.read_text(encoding="utf-8", errors="replace")
    # the server answered the browser over its sockets: the trace saw the process's network
    assert re.search(r"sendto\(\d+, \"HTTP/1.1 200", trace), "strace traced nothing"
    assert outside_addresses(trace) == []
