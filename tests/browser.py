"""Browser-test harness: a throwaway Streamlit server and a Chromium page with the network cut.

Not a test module; browser tests import it. Why it exists: the dashboard must work on a machine
without internet, and the only honest check is a real browser that is *refused* anything but
this machine. :func:`chromium_page` routes every request of the browser context through a
handler that lets ``127.0.0.1``/``localhost`` through and aborts (and records) everything else,
so a stray CDN URL shows up as a named failure instead of a silently blank map.

Chromium is Debian's ``/usr/bin/chromium`` driven by Playwright's Python API (never a
browser that Playwright downloads itself). Without it, tests skip with a reason, unless
``FRONTLINE_REQUIRE_BROWSER=1`` makes a missing browser a failure (for CI, where a skip would
hide a broken setup).

Typical use::

    with streamlit_server(APP) as url, chromium_page() as browser:
        with screenshot_on_failure(browser.page, request.node.name):
            browser.page.goto(url)
            ...
        assert browser.network.non_local() == []
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Page, Request, Response, Route

REPO_ROOT = Path(__file__).resolve().parents[1]
APP = REPO_ROOT / "app.py"
#: The seed thread every browser test serves (copied into a folder of the test's own).
SEED = REPO_ROOT / "seeds" / "000_c3b9a48d73eaee79.txt"
#: The map's frame on the map page (streamlit-folium's component).
MAP = 'iframe[title="streamlit_folium.st_folium"]'
#: How long a browser test waits for the page to draw (ms): a first start builds the database.
WAIT_MS = 60_000
ARTIFACTS_DIR = REPO_ROOT / "test-artifacts"
CHROMIUM_PATH = Path("/usr/bin/chromium")
CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-gpu",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)
REQUIRE_BROWSER_ENV = "FRONTLINE_REQUIRE_BROWSER"
LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
# Schemes that never touch the network.
_OFFLINE_SCHEMES = frozenset({"data", "blob", "about"})


def require_browser() -> None:
    """Skip the calling test when Chromium or Playwright is missing (fail if it is required)."""
    problem = None
    if not CHROMIUM_PATH.exists():
        problem = f"{CHROMIUM_PATH} not found (Debian package 'chromium')"
    else:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            problem = "python package 'playwright' not installed"
    if problem is None:
        return
    if os.environ.get(REQUIRE_BROWSER_ENV) == "1":
        pytest.fail(f"browser required ({REQUIRE_BROWSER_ENV}=1) but {problem}")
    pytest.skip(f"browser test skipped: {problem}; set {REQUIRE_BROWSER_ENV}=1 to fail instead")


def free_port() -> int:
    """Ask the OS for a free TCP port on 127.0.0.1 (released at once; a small race is fine)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _no_proxy_opener() -> urllib.request.OpenerDirector:
    # A proxy from the environment must not intercept a request to our own server.
    return urllib.request.build_opener(urllib.request.ProxyHandler({}))


def _tail(path: Path, limit: int = 4000) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace")[-limit:]
    except OSError:
        return "<no log>"


def _stop(proc: subprocess.Popen[bytes]) -> None:
    """Terminate the server's whole process group: SIGTERM, then SIGKILL after 10 s."""
    if proc.poll() is not None:
        return
    try:
        os.killpg(proc.pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        with suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)


@contextmanager
def streamlit_server(
    app_path: str | Path,
    *,
    env: Mapping[str, str] | None = None,
    timeout: float = 60,
    prefix: Sequence[str] = (),
    address: str | None = "127.0.0.1",
) -> Iterator[str]:
    """Run ``streamlit run APP`` on a free port and yield its base URL (``http://127.0.0.1:P``).

    The server runs with the repository root as working directory (so ``.streamlit/config.toml``
    applies and ``atlas``/``geo`` import), listens on 127.0.0.1 only, and is ready once
    ``/_stcore/health`` answers. It is always stopped on exit, children included (own process
    group). Its output goes to a log file whose tail is printed if startup or the body fails.
    ``prefix`` is put before the command (a tracer such as ``strace -f -o LOG``);
    ``address=None`` leaves the listening address to the config, as ``streamlit run`` does.
    """
    app = Path(app_path)
    if not app.is_absolute():
        app = REPO_ROOT / app
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    cmd = [
        *prefix,
        sys.executable, "-m", "streamlit", "run", str(app),
        "--server.port", str(port),
        *(("--server.address", address) if address else ()),
        "--server.headless", "true",
        "--browser.gatherUsageStats", "false",
    ]  # fmt: skip
    full_env = dict(os.environ)
    full_env["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(REPO_ROOT), full_env.get("PYTHONPATH", "")) if p
    )
    full_env.update(env or {})

    log_fd, log_name = tempfile.mkstemp(prefix="streamlit-", suffix=".log")
    log_path = Path(log_name)
    proc = subprocess.Popen(
        cmd,
        cwd=REPO_ROOT,
        env=full_env,
        stdin=subprocess.DEVNULL,
        stdout=log_fd,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    os.close(log_fd)
    try:
        _wait_healthy(proc, f"{base_url}/_stcore/health", timeout, log_path)
        try:
            yield base_url
        except BaseException:
            print(f"--- streamlit log tail ({log_path}) ---\n{_tail(log_path)}", file=sys.stderr)
            raise
    finally:
        _stop(proc)
        log_path.unlink(missing_ok=True)


def _wait_healthy(
    proc: subprocess.Popen[bytes], health_url: str, timeout: float, log_path: Path
) -> None:
    opener = _no_proxy_opener()
    deadline = time.monotonic() + timeout
    while True:
        if proc.poll() is not None:
            raise RuntimeError(
                f"streamlit exited with {proc.returncode} before it was healthy:\n{_tail(log_path)}"
            )
        try:
            with opener.open(health_url, timeout=2) as resp:
                if resp.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        if time.monotonic() > deadline:
            raise TimeoutError(
                f"streamlit not healthy at {health_url} after {timeout:.0f}s:\n{_tail(log_path)}"
            )
        time.sleep(0.2)


@contextmanager
def seeded_app(folder: Path, *, extra: Mapping[str, str] | None = None) -> Iterator[str]:
    """``streamlit run app.py`` on the seed thread (plus ``extra`` threads: file name ->
    text) in ``folder``'s own database and seeds folder, so the user's data/ is never
    touched; yields the base URL.  One per test module (a module-scoped fixture)."""
    require_browser()
    seeds = folder / "seeds"
    seeds.mkdir(parents=True, exist_ok=True)
    shutil.copy(SEED, seeds / SEED.name)
    for name, text in (extra or {}).items():
        (seeds / name).write_text(text, encoding="utf-8")
    env = {"FRONTLINE_DB": str(folder / "atlas.sqlite"), "FRONTLINE_SEEDS": str(seeds)}
    with streamlit_server(APP, env=env, timeout=120) as url:
        yield url


def centre(locator) -> tuple[float, float]:
    """The on-screen centre of ``locator`` (page coordinates, frames included): where a
    reader's mouse clicks it."""
    box = locator.bounding_box()
    assert box is not None, "not on the page"
    return box["x"] + box["width"] / 2, box["y"] + box["height"] / 2


def is_local_url(url: str) -> bool:
    """True for URLs that stay on this machine (127.0.0.1, localhost, ::1, data:, blob:...)."""
    parts = urlsplit(url)
    if parts.scheme in _OFFLINE_SCHEMES:
        return True
    return (parts.hostname or "") in LOCAL_HOSTS


@dataclass
class NetworkLog:
    """What the browser asked for: every request, and what was refused or went wrong.

    ``blocked`` holds the non-local URLs the route aborted; ``websockets`` every WebSocket URL
    opened (routes do not see those, so they are checked here); ``bad_responses`` local
    responses with status >= 400 as ``"STATUS URL"``; ``errors`` uncaught page errors and
    console errors, for diagnosis.
    """

    requests: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    websockets: list[str] = field(default_factory=list)
    bad_responses: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def non_local(self) -> list[str]:
        """Every URL that tried to leave the machine (blocked requests and WebSockets)."""
        leaks = self.blocked + [u for u in self.websockets if not is_local_url(u)]
        return list(dict.fromkeys(leaks))

    def matching(self, pattern: str) -> list[str]:
        """Requested URLs matching the regular expression ``pattern``."""
        rx = re.compile(pattern)
        return [u for u in self.requests if rx.search(u)]


@dataclass
class BrowserSession:
    page: Page
    network: NetworkLog


@contextmanager
def chromium_page(
    *,
    viewport: tuple[int, int] = (1280, 900),
    cut_network: bool = True,
) -> Iterator[BrowserSession]:
    """Launch Debian Chromium headless and yield a fresh page plus its :class:`NetworkLog`.

    With ``cut_network`` (the default) every request to a host other than this machine is
    aborted and recorded in ``network.blocked``; service workers are blocked so that no request
    escapes the route. Skips (or fails, see :func:`require_browser`) without a browser.
    """
    require_browser()
    from playwright.sync_api import sync_playwright

    log = NetworkLog()

    def on_route(route: Route) -> None:
        url = route.request.url
        if is_local_url(url):
            route.continue_()
        else:
            log.blocked.append(url)
            route.abort("blockedbyclient")

    def on_request(request: Request) -> None:
        log.requests.append(request.url)

    def on_response(response: Response) -> None:
        if response.status >= 400:
            log.bad_responses.append(f"{response.status} {response.url}")

    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=str(CHROMIUM_PATH), args=list(CHROMIUM_ARGS), headless=True
        )
        try:
            context = browser.new_context(
                viewport={"width": viewport[0], "height": viewport[1]},
                service_workers="block",
            )
            context.on("request", on_request)
            context.on("response", on_response)
            if cut_network:
                context.route("**/*", on_route)
            page = context.new_page()
            page.on("websocket", lambda ws: log.websockets.append(ws.url))
            page.on("pageerror", lambda exc: log.errors.append(f"pageerror: {exc}"))
            page.on(
                "console",
                lambda msg: (
                    log.errors.append(f"console: {msg.text}") if msg.type == "error" else None
                ),
            )
            yield BrowserSession(page=page, network=log)
        finally:
            browser.close()


def artifact_path(name: str, suffix: str = ".png") -> Path:
    """``test-artifacts/<name><suffix>``, with characters unsafe in file names replaced."""
    safe = re.sub(r"[^A-Za-z0-9_.-]+", "_", name).strip("_") or "artifact"
    ARTIFACTS_DIR.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS_DIR / f"{safe}{suffix}"


def save_screenshot(page: Page, name: str, *, full_page: bool = True) -> Path | None:
    """Save a screenshot to ``test-artifacts/<name>.png`` (the whole page, or with
    ``full_page=False`` the screen as the reader sees it); None if the page is gone."""
    path = artifact_path(name)
    try:
        page.screenshot(path=str(path), full_page=full_page)
    except Exception as exc:  # a dead page must not mask the test's own failure
        print(f"screenshot {path} failed: {exc}", file=sys.stderr)
        return None
    return path


@contextmanager
def screenshot_on_failure(page: Page, name: str) -> Iterator[None]:
    """Run the body; if it raises (an assertion, a timeout), save ``test-artifacts/<name>.png``."""
    try:
        yield
    except BaseException:
        path = save_screenshot(page, name)
        if path is not None:
            print(f"failure screenshot: {path}", file=sys.stderr)
        raise


@contextmanager
def screenshot_if_test_fails(request: pytest.FixtureRequest, page: Page) -> Iterator[None]:
    """For a fixture: after the test, save ``test-artifacts/<test name>.png`` if it failed.

    Pytest does not raise a test's failure inside its fixtures, so :func:`screenshot_on_failure`
    cannot see it there; instead this compares the session's failure count before and after
    (the call phase is reported before fixture teardown runs).
    """
    before = request.session.testsfailed
    yield
    if request.session.testsfailed > before:
        path = save_screenshot(page, request.node.name)
        if path is not None:
            print(f"failure screenshot: {path}", file=sys.stderr)


@contextmanager
def settled_map_page(url: str, size: tuple[int, int], name: str) -> Iterator[BrowserSession]:
    """The map page at ``size``, settled: markers drawn and the first view fitted; a
    screenshot named ``name`` if the block fails, and no request outside this machine."""
    from playwright.sync_api import expect

    with chromium_page(viewport=size) as session, screenshot_on_failure(session.page, name):
        session.page.goto(url)
        expect(session.page.frame_locator(MAP).locator("[data-place]").first).to_be_visible(
            timeout=WAIT_MS)
        session.page.wait_for_timeout(1500)
        yield session
        assert session.network.non_local() == [], session.network.non_local()
