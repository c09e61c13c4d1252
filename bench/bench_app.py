"""Time the dashboard: server-side script runs, and the browser's first visible map.

    python bench/bench_app.py            # server-side runs (AppTest) and the browser (chromium)
    python bench/bench_app.py --no-browser

Server-side figures come from Streamlit's AppTest, which runs the page script in-process as
the server does (st_folium renders nothing there, so the folium layers are built but not sent):
the cold run (first script run of a fresh session, database already built), a timeline step and
a filter change.  The browser figure is from Debian chromium (network cut) against
`streamlit run app.py`: from navigation to the first visible marker.  Prints; asserts nothing.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

RUNS = 7


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def server_side() -> None:
    from streamlit.testing.v1 import AppTest

    from atlas.data import ensure_database  # noqa: F401 - imported so the cost is not counted

    AppTest.from_file(str(ROOT / "app.py"), default_timeout=300).run()  # build + warm caches
    cold, steps, filters = [], [], []

    def timed(app: AppTest) -> float:
        # The script's own measure of its run (AppTest's wall time is mostly its polling).
        app.run()
        assert not app.exception, app.exception
        return app.session_state["_atlas_run_ms"] / 1000

    for _ in range(RUNS):
        app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
        cold.append(timed(app))
        slider = app.select_slider(key="w_t")
        slider.set_value(slider.value - 5)
        steps.append(timed(app))
        app.multiselect(key="w_sides").set_value(["IS"])
        filters.append(timed(app))
    print(f"server, seed: cold script run median {_ms(statistics.median(cold))} "
          f"(target 1.5 s); timeline step {_ms(statistics.median(steps))} (target 150 ms); "
          f"filter change {_ms(statistics.median(filters))} (target 150 ms); {RUNS} runs each")


def browser() -> None:
    from tests.browser import chromium_page, streamlit_server

    with streamlit_server(ROOT / "app.py", timeout=120) as url:
        times = []
        for _ in range(5):
            with chromium_page(viewport=(1400, 1600)) as session:
                started = time.perf_counter()
                session.page.goto(url)
                frame = session.page.frame_locator('iframe[title="streamlit_folium.st_folium"]')
                frame.locator("[data-place]").first.wait_for(state="visible", timeout=60_000)
                times.append(time.perf_counter() - started)
    print(f"browser, seed: first visible map median {statistics.median(times):.2f} s, "
          f"best {min(times):.2f} s over {len(times)} fresh sessions (target 3 s); "
          f"the first includes the server's first script run")


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    options.add_argument("--no-browser", action="store_true")
    args = options.parse_args()
    server_side()
    if not args.no_browser:
        browser()


if __name__ == "__main__":
    main()
