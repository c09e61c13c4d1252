"""Time the dashboard: server-side script runs, and the browser's first visible map.

    python bench/bench_app.py            # the seed, then a 10k-comment archive; server + browser
    python bench/bench_app.py --no-browser --archive 0   # the seed, server side only

Server-side figures come from Streamlit's AppTest, which runs the page script in-process as
the server does (st_folium renders nothing there, so the folium layers are built but not sent):
the cold start (the process's first script run: database already built, caches empty, so the
corpus is read from SQLite), a new session's first run (caches warm), a timeline step and a
filter change.  The browser figures are from Debian chromium (network cut) against
`streamlit run app.py`: from navigation to the first visible marker; and click to panel, at
each screen size the browser tests use: a real mouse click at the on-screen centre of a
place's symbol until its panel's heading is visible (server run + render).

The archive (``--archive N`` comments, synthetic: see ``bench/make_archive.py``) is built into
its own database first (``python -m geo build --jobs 2``, not timed) and the same figures are
taken on its "all threads" view (``?thread=all``): the timeline then spans every thread's
dates and the markers aggregate the whole archive.  Prints; asserts nothing.
"""

from __future__ import annotations

import argparse
import logging
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

RUNS = 7


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def _app(query: dict[str, str]):
    from streamlit.testing.v1 import AppTest

    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300)
    for key, value in query.items():
        app.query_params[key] = value
    return app


def server_side(label: str, query: dict[str, str], step_target: str) -> None:
    from atlas.ui.data import ensure_database  # noqa: F401 - imported so the cost is not counted

    first = _app(query)
    first.run()  # the process's first run: loads the corpus into the empty caches
    process_cold = first.session_state["_atlas_run_ms"] / 1000
    cold, steps, filters, selections = [], [], [], []

    def timed(app) -> float:
        # The script's own measure of its run (AppTest's wall time is mostly its polling).
        app.run()
        assert not app.exception, app.exception
        return app.session_state["_atlas_run_ms"] / 1000

    for _ in range(RUNS):
        app = _app(query)
        cold.append(timed(app))
        slider = app.select_slider(key="w_t")
        slider.set_value(slider.value - 5)
        steps.append(timed(app))
        app.multiselect(key="w_sides").set_value(["IS"])
        filters.append(timed(app))
        app.session_state["w_place"] = "geonames:170063"  # what a click on Aleppo sets
        selections.append(timed(app))
    print(f"server, {label}: cold start (a fresh server's first script run, empty caches) "
          f"{_ms(process_cold)} (target 1.5 s); a new session's first run median "
          f"{_ms(statistics.median(cold))}; timeline step {_ms(statistics.median(steps))} (target "
          f"{step_target}); filter change {_ms(statistics.median(filters))} (target "
          f"{step_target}); a selection (panel and feed of a place) "
          f"{_ms(statistics.median(selections))}; {RUNS} runs each; load average "
          f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


def browser(label: str, query: dict[str, str]) -> None:
    from tests.browser import chromium_page, streamlit_server

    search = "?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else ""
    with streamlit_server(ROOT / "app.py", env=dict(os.environ), timeout=300) as url:
        times = []
        for _ in range(5):
            with chromium_page(viewport=(1440, 900)) as session:
                started = time.perf_counter()
                session.page.goto(url + "/" + search)
                frame = session.page.frame_locator('iframe[title="streamlit_folium.st_folium"]')
                frame.locator("[data-place]").first.wait_for(state="visible", timeout=60_000)
                times.append(time.perf_counter() - started)
    print(f"browser, {label}: first visible map median {statistics.median(times):.2f} s, "
          f"best {min(times):.2f} s over {len(times)} fresh sessions (target 3 s); "
          f"the first includes the server's first script run")


SIZES = ((1280, 720), (1440, 900), (1920, 1080), (390, 844))
#: Places clicked in turn (seed thread): Azaz, Aleppo, Manbij, Raqqa.
CLICKED = (("geonames:172082", "Azaz"), ("geonames:170063", "Aleppo"),
           ("geonames:167357", "Manbij"), ("geonames:172955", "Raqqa"))


def click_to_panel() -> None:
    """Seconds from a mouse click on a place's symbol to its panel's heading, per size."""
    from tests.browser import chromium_page, streamlit_server

    with streamlit_server(ROOT / "app.py", env=dict(os.environ), timeout=300) as url:
        for width, height in SIZES:
            times, missed = [], 0
            with chromium_page(viewport=(width, height)) as session:
                page = session.page
                page.goto(url)
                frame = page.frame_locator('iframe[title="streamlit_folium.st_folium"]')
                frame.locator("[data-place]").first.wait_for(state="visible", timeout=60_000)
                page.wait_for_timeout(1500)  # the first view settles (fitBounds)
                for place, name in CLICKED:
                    symbol = frame.locator(f'[data-place="{place}"]').first
                    if not symbol.count():
                        missed += 1
                        continue
                    box = symbol.bounding_box()
                    started = time.perf_counter()
                    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
                    try:
                        page.get_by_role("heading", name=name).wait_for(timeout=10_000)
                    except Exception:
                        missed += 1
                        continue
                    times.append(time.perf_counter() - started)
            shown = (f"median {statistics.median(times):.2f} s, worst {max(times):.2f} s"
                     if times else "no panel opened")
            print(f"browser, seed, {width}x{height}: click to panel {shown} over {len(times)} "
                  f"first clicks ({missed} missed; target 1 s); load average "
                  f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


def _build_archive(comments: int, folder: Path) -> None:
    """An archive of ``comments`` synthetic comments and its database, named by environment."""
    import make_archive

    threads = folder / "threads"
    figures = make_archive.write_archive(threads, comments, seed=1)
    db = folder / "atlas.sqlite"
    subprocess.run([sys.executable, "-m", "geo", "build", str(threads), "--db", str(db),
                    "--jobs", "2"], cwd=ROOT, check=True,
                   env={**os.environ, "FRONTLINE_QUIET": "1"})
    os.environ["FRONTLINE_DB"], os.environ["FRONTLINE_SEEDS"] = str(db), str(threads)
    print(f"archive: {figures['comments']} comments in {figures['threads']} threads "
          f"({figures['bytes'] / 1e6:.1f} MB, synthetic), built into {db}")


def main() -> None:
    logging.getLogger("streamlit").setLevel(logging.ERROR)  # AppTest's bare-mode warnings
    options = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    options.add_argument("--no-browser", action="store_true")
    options.add_argument("--archive", type=int, default=10_000,
                         help="comments in the synthetic archive (0: the seed only)")
    args = options.parse_args()
    server_side("seed", {}, "150 ms")
    if not args.no_browser:
        browser("seed", {})
        click_to_panel()
    if args.archive <= 0:
        return
    with tempfile.TemporaryDirectory(prefix="frontline-app-archive-") as tmp:
        _build_archive(args.archive, Path(tmp))
        server_side(f"{args.archive} comments, all threads", {"thread": "all"}, "500 ms")
        if not args.no_browser:
            browser(f"{args.archive} comments, all threads", {"thread": "all"})


if __name__ == "__main__":
    main()
