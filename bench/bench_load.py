"""Load: many browser sessions at once against one `streamlit run app.py`, each its own view.

    python bench/bench_load.py                      # 20 sessions for 60 s
    python bench/bench_load.py --sessions 5 --seconds 20

Why: the map page keeps each visitor's view in the URL and in the session; under load a shared
cache or a module-level variable would leak one visitor's filters into another's page, and a
server that keeps what every rerun built would grow until it dies.  This drives the real thing:
one Debian chromium (Playwright, async API) with one browser context per session, against one
`streamlit run` on 127.0.0.1 with its own database built from the seed thread, the network cut
(every request to another host is aborted and counted; it must be 0).

Each session has one of the screens people use (1280x720, 1440x900, 1920x1080, 390x844, in
turn) and opens its own link (session k at timeline step 3+k: its own view), then, until the
time is up, repeats a random step that changes its view: a key on the timeline slider (Left,
Right, Home, End), a faction added or removed in the sidebar's "Faction" box, a key on the
sidebar's "Minimum confidence" slider (kept within 0..0.30), or a mouse click at the on-screen
centre of a visible marker of a place in view on the map (``page.mouse.click``, as a reader's
hand; picked once the map shows the session's view and has stopped
moving, from the markers not under an open popup: a wait that is no part of any step).  The
session keeps its own model of what it asked for (timeline step, factions, confidence, selected
place) and works out, with the dashboard's own pure functions (``atlas.view.apply_filters``,
``atlas.state.to_query``), what its page must show.

Step time: from just before Playwright sends the key press or click until the page is idle and
shows that session's expected view, polled in the page every 50 ms.  Idle: no element is
marked ``data-stale="true"`` (Streamlit marks every element stale when a script run starts and
clears the marks when the run ends) and no running icon (``stStatusWidgetRunningIcon``).  The
expected view: the URL query (``location.search``) equals ``to_query`` of the session's state;
the four metrics (comments shown, places, place mentions, claims) equal those of
``apply_filters``; both sliders show the session's values; the panel's heading is the selected
place's name when it is in view, else no panel heading at all (the map page shows a panel only
for a selected place).  Every step changes the view, so an
idle page with the old view is never mistaken for a finished step.  The map iframe's own
redraw, which follows the run, is not part of the step.  A step not done within 30 s counts as
an error ("state mismatch" if the page was idle with another view, "timeout" if still running),
and the session reloads its own link to go on (at most 3 times).  A step under way at the
deadline is finished, so the load lasts a little longer than ``--seconds``.  Open time: from
``goto`` of the session's link until the same check passes, all sessions at once, cold server.

Errors counted: ``stException`` elements, uncaught page errors, console errors, HTTP responses
>= 400 and failed local requests, step timeouts and mismatches, requests to other hosts, and
tracebacks in the server's log.  Memory: the RSS of the server's process tree, sampled every
second with psutil; printed before the sessions, at the start and end of the load, at its peak,
after the sessions closed, and as the least-squares slope over the last half of the load (MB
per minute: near 0 means no unbounded growth).  Prints figures; asserts no timings.  Exit
status 1 when there was an error or a leak between sessions.

Streamlit's file watcher is off for the server (``--watch-files`` turns it on): a load test
measures one version of the code, and with the watcher on, a module edited during the run is
dropped from ``sys.modules`` while other sessions' reruns are importing it, which fails those
reruns (seen: ``KeyError: 'atlas.map.basemap'`` raised from ``import`` in app.py).
"""

from __future__ import annotations

import argparse
import asyncio
import math
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Awaitable, Callable
from contextlib import suppress
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from atlas.state import ViewState, to_query  # noqa: E402
from atlas.view import (  # noqa: E402
    Filters,
    apply_filters,
    sides_in_order,
    timeline,
    timeline_stops,
)
from geo.corpus import load_corpus  # noqa: E402
from geo.factions import SIDE_ORDER  # noqa: E402
from tests.browser import CHROMIUM_ARGS, CHROMIUM_PATH, is_local_url, streamlit_server  # noqa: E402

if TYPE_CHECKING:
    from playwright.async_api import BrowserContext, Page, Route

SEED = ROOT / "seeds" / "000_c3b9a48d73eaee79.txt"
MAP = 'iframe[title="streamlit_folium.st_folium"]'
#: The screens people use (issue 10): session k gets the k-th, in turn.
SIZES = ((1280, 720), (1440, 900), (1920, 1080), (390, 844))
OPEN_TIMEOUT_S = 180.0  # 20 cold pages on 2 cores
STEP_TIMEOUT_S = 30.0
MAP_REDRAW_TIMEOUT_S = 15.0  # before a click: the map shows the session's view (not timed)
POLL_MS = 50
MAX_STEPS = 5_000  # per session; the deadline ends the loop long before
MAX_RECOVERIES = 3  # reloads of a session's own link after a failed step
MAX_CONF_STEPS = 6  # minimum confidence kept within 0 .. 0.30 so that markers remain
CONF_STEP = 0.05
SAMPLE_S = 1.0
SETTLE_AFTER_CLOSE_S = 5.0
MAX_SIDES = 2

# What a page shows, read in the page.  Idle and the view are checked in one poll.
OBSERVE_JS = """() => {
  const params = new URLSearchParams(location.search);
  const query = {};
  for (const key of new Set(params.keys())) query[key] = params.getAll(key).sort();
  const main = document.querySelector('[data-testid="stMain"]');
  const side = document.querySelector('[data-testid="stSidebar"]');
  const timeline = main && main.querySelector('input[type="range"]');
  const conf = side && side.querySelector('input[type="range"]');
  return {
    query,
    stale: document.querySelectorAll('[data-stale="true"]').length,
    running: !!document.querySelector('[data-testid="stStatusWidgetRunningIcon"]'),
    exceptions: [...document.querySelectorAll('[data-testid="stException"]')]
      .map(e => e.innerText.slice(0, 300)),
    metrics: main ? [...main.querySelectorAll('[data-testid="stMetricValue"]')]
      .map(e => e.innerText.trim()) : [],
    headings: main ? [...main.querySelectorAll('h3')].map(h => h.innerText.trim()) : [],
    t: timeline ? timeline.value : null,
    conf: conf ? conf.value : null,
  };
}"""

SETTLED_JS = """(want) => {
  const seen = (OBSERVE)();
  if (seen.exceptions.length) return seen;
  if (seen.stale || seen.running) return false;
  const canon = q => JSON.stringify(Object.keys(q).sort().map(k => [k, q[k]]));
  const ok = canon(seen.query) === canon(want.query)
    && seen.metrics.join('|') === want.metrics.join('|')
    && (want.heading === null ? !seen.headings.length : seen.headings.includes(want.heading))
    && seen.t === want.t
    && seen.conf !== null && Math.abs(Number(seen.conf) - want.conf) < 1e-6;
  return ok ? seen : false;
}""".replace("OBSERVE", OBSERVE_JS)

# Once the map shows the session's view (only markers of places in view; the selected place's
# marker drawn as selected) and has stopped moving (the same marker positions as at the last
# poll: a popup pans the map), the other places' markers that are inside the map, not under an
# open popup and not covered at their centre; false (keep polling) before that.
CLICKABLE_JS = """({inView, selected}) => {
  const markers = [...document.querySelectorAll('[data-place]')];
  const drawn = new Set(markers.map(el => el.dataset.place));
  if (!drawn.size || [...drawn].some(id => !inView.includes(id))) return false;
  if (selected && drawn.has(selected)
      && !markers.some(el => el.dataset.place === selected && el.closest('.atlas-selected')))
    return false;
  const rects = markers.map(el => el.getBoundingClientRect());
  const where = rects.map(r => `${Math.round(r.left)},${Math.round(r.top)}`).join(' ');
  const moved = window.__benchLastMarkers !== where;
  window.__benchLastMarkers = where;
  if (moved) return false;
  const popups = [...document.querySelectorAll('.leaflet-popup')]
    .map(p => p.getBoundingClientRect());
  const ids = new Set();
  markers.forEach((el, i) => {
    const id = el.dataset.place, r = rects[i];
    if (id === selected || r.width < 4 || r.height < 4) return;
    const x = r.left + r.width / 2, y = r.top + r.height / 2;
    if (x < 8 || y < 8 || x > innerWidth - 8 || y > innerHeight - 8) return;
    if (popups.some(p => r.left < p.right + 4 && p.left - 4 < r.right
                         && r.top < p.bottom + 12 && p.top - 4 < r.bottom)) return;
    const hit = document.elementFromPoint(x, y);
    const icon = hit && hit.closest('.leaflet-marker-icon, [data-place]');
    if (icon && (icon === el || icon.contains(el) || el.contains(icon))) ids.add(id);
  });
  return [...ids].sort();
}"""


# --- what a session expects -----------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Want:
    """One session's view as its own actions made it."""

    step: int  # position of the timeline slider (an index into the slider's stops)
    sides: frozenset[str] = frozenset()
    conf_steps: int = 0  # minimum confidence in CONF_STEP units
    place: str | None = None


class Model:
    """The thread as the server has it, to say what a page must show for a ``Want``."""

    def __init__(self, db: Path, source: str) -> None:
        self.corpus = load_corpus(db, source)
        self.steps = timeline(self.corpus)
        self.stops = timeline_stops(self.steps).indices  # the slider's options: step indices
        self.last = len(self.stops) - 1  # the slider's last position
        self.side_names = sides_in_order(self.corpus, SIDE_ORDER)
        self._cache: dict[Want, dict[str, Any]] = {}

    def filters(self, want: Want) -> Filters:
        until = self.stops[want.step]
        return Filters(until=None if until >= len(self.steps) - 1 else until, sides=want.sides,
                       min_confidence=round(want.conf_steps * CONF_STEP, 2))

    def page(self, want: Want) -> dict[str, Any]:
        """The page for ``want``: query, metrics, heading, slider values, places in view."""
        if want not in self._cache:
            filters = self.filters(want)
            view = apply_filters(self.corpus, filters)
            state = ViewState(thread=self.corpus.source, filters=filters, place=want.place)
            selected = view.place(want.place) if want.place else None
            self._cache[want] = {
                "query": {k: sorted(v) for k, v in to_query(state, steps=self.steps).items()},
                "metrics": [str(len(view.entries)), str(len(view.places)),
                            str(len(view.mentions)), str(len(view.claims))],
                "heading": selected.name if selected else None,
                "t": str(want.step),
                "conf": filters.min_confidence,
                "in_view": [p.id for p in view.places],
            }
        return self._cache[want]


# --- what happened --------------------------------------------------------------------------

@dataclass
class Tally:
    """Everything the sessions saw, shared (one event loop, so no locks)."""

    steps: list[tuple[int, str, float]] = field(default_factory=list)  # session, kind, seconds
    opens: list[float] = field(default_factory=list)  # first opens only
    reloads: int = 0
    clicks_skipped: int = 0  # map not redrawn in 15 s, or no uncovered marker: another step
    errors: list[tuple[str, int, str]] = field(default_factory=list)  # kind, session, detail
    blocked: list[str] = field(default_factory=list)
    http_requests: int = 0
    ws_sent: int = 0
    closing: bool = False
    navigating: set[int] = field(default_factory=set)  # sessions loading their link

    def error(self, kind: str, session: int, detail: str) -> None:
        if not self.closing:
            self.errors.append((kind, session, detail[:300]))


@dataclass
class Session:
    index: int
    context: BrowserContext
    page: Page
    want: Want
    rng: random.Random
    opened: bool = False
    recoveries: int = 0
    last_seen: dict[str, Any] | None = None


def _watch(context: BrowserContext, page: Page, k: int, tally: Tally
           ) -> Callable[[Route], Awaitable[None]]:
    """Count requests and record every browser-side error of session ``k``; the route."""

    async def on_route(route: Route) -> None:
        url = route.request.url
        if is_local_url(url):
            await route.continue_()
        else:
            tally.blocked.append(url)
            await route.abort("blockedbyclient")

    def on_request(_request) -> None:
        tally.http_requests += 1

    def on_response(response) -> None:
        if response.status >= 400:
            tally.error("http", k, f"{response.status} {response.url}")

    def on_failed(request) -> None:
        aborted = "ERR_ABORTED" in str(request.failure)  # a reload cancels what was loading
        if is_local_url(request.url) and not (aborted and k in tally.navigating):
            tally.error("request failed", k, f"{request.failure} {request.url}")

    def on_websocket(ws) -> None:
        if not is_local_url(ws.url):
            tally.blocked.append(ws.url)

        def on_sent(_payload) -> None:
            tally.ws_sent += 1

        ws.on("framesent", on_sent)

    def on_console(msg) -> None:
        if msg.type == "error":
            tally.error("console", k, msg.text)

    context.on("request", on_request)
    context.on("response", on_response)
    context.on("requestfailed", on_failed)
    page.on("websocket", on_websocket)
    page.on("pageerror", lambda exc: tally.error("pageerror", k, str(exc)))
    page.on("console", on_console)
    return on_route


def _link(base: str, model: Model, want: Want) -> str:
    query = model.page(want)["query"]
    return f"{base}/?{urlencode(query, doseq=True)}"


async def _settle(s: Session, model: Model, timeout_s: float) -> tuple[bool, dict[str, Any]]:
    """Wait until the page is idle and shows ``s.want``; (done, what the page showed)."""
    from playwright.async_api import Error as PlaywrightError

    want = model.page(s.want)
    try:
        handle = await s.page.wait_for_function(SETTLED_JS, arg=want, polling=POLL_MS,
                                                timeout=timeout_s * 1000)
        seen = await handle.json_value()
        return not seen["exceptions"], seen
    except PlaywrightError:
        try:
            seen = await s.page.evaluate(OBSERVE_JS)
        except PlaywrightError as exc:
            seen = {"error": str(exc)[:200]}
        return False, seen


def _difference(seen: dict[str, Any], want: dict[str, Any]) -> str:
    if "error" in seen:
        return seen["error"]
    if seen.get("exceptions"):
        return "stException: " + seen["exceptions"][0]
    parts = [f"{key}: saw {seen.get(key)!r}, expected {want[key]!r}"
             for key in ("query", "metrics", "t") if seen.get(key) != want[key]]
    headings = seen.get("headings", [])
    if (want["heading"] not in headings) if want["heading"] else headings:
        parts.append(f"headings: saw {seen.get('headings')!r}, expected {want['heading']!r}")
    if seen.get("stale") or seen.get("running"):
        parts.append(f"still running ({seen.get('stale')} stale elements)")
    return "; ".join(parts) or "no difference at the end (slow)"


async def _open(s: Session, base: str, model: Model, tally: Tally, *, first: bool) -> None:
    """Load the session's own link and wait for its view (``first``: time it)."""
    from playwright.async_api import Error as PlaywrightError

    s.opened = False
    started = time.perf_counter()
    tally.navigating.add(s.index)
    try:
        await s.page.goto(_link(base, model, s.want), timeout=OPEN_TIMEOUT_S * 1000)
        # The first marker, or an exception on the page instead (no use waiting for markers).
        marker = asyncio.ensure_future(s.page.frame_locator(MAP).locator("[data-place]").first
                                       .wait_for(state="visible", timeout=OPEN_TIMEOUT_S * 1000))
        broken = asyncio.ensure_future(s.page.get_by_test_id("stException").first.wait_for(
            state="attached", timeout=OPEN_TIMEOUT_S * 1000))
        done, pending = await asyncio.wait({marker, broken}, return_when=asyncio.FIRST_COMPLETED)
        for task in pending:
            task.cancel()
            with suppress(asyncio.CancelledError, PlaywrightError):
                await task
        if marker not in done:
            with suppress(PlaywrightError):
                await broken
            text = await s.page.get_by_test_id("stException").first.inner_text(timeout=5_000)
            raise PlaywrightError("stException: " + " ".join(text.split())[:250])
        await marker  # re-raises its timeout
    except PlaywrightError as exc:
        tally.error("open", s.index, str(exc).splitlines()[0])
        return
    finally:
        tally.navigating.discard(s.index)
    done, seen = await _settle(s, model, OPEN_TIMEOUT_S)
    s.last_seen = seen
    if not done:
        tally.error("open", s.index, _difference(seen, model.page(s.want)))
        return
    if first:
        tally.opens.append(time.perf_counter() - started)
    s.opened = True


# --- the steps ------------------------------------------------------------------------------

Action = Callable[[], Awaitable[Any]]


def _timeline_step(s: Session, model: Model) -> tuple[Want, Action]:
    step = s.want.step
    keys = (["ArrowLeft"] * 3 + ["Home"] if step > 0 else []) + (
        ["ArrowRight"] * 3 + ["End"] if step < model.last else [])
    key = s.rng.choice(keys)
    moved = {"ArrowLeft": step - 1, "Home": 0, "ArrowRight": step + 1, "End": model.last}[key]
    slider = s.page.get_by_test_id("stMain").get_by_role("slider").first
    return replace(s.want, step=moved), lambda: slider.press(key)


def _confidence_step(s: Session, model: Model) -> tuple[Want, Action]:
    n = s.want.conf_steps
    up = n == 0 or (n < MAX_CONF_STEPS and s.rng.random() < 0.5)
    slider = s.page.get_by_test_id("stSidebar").get_by_role("slider").first
    return (replace(s.want, conf_steps=n + 1 if up else n - 1),
            lambda: slider.press("ArrowRight" if up else "ArrowLeft"))


def _faction_step(s: Session, model: Model) -> tuple[Want, Action]:
    box = s.page.get_by_test_id("stSidebar").get_by_test_id("stMultiSelect").filter(
        has_text="Faction")
    chosen = s.want.sides
    if not chosen or (len(chosen) < MAX_SIDES and s.rng.random() < 0.5):
        side = s.rng.choice(sorted(set(model.side_names) - chosen))

        async def add() -> None:
            await _open_sidebar(s.page)
            field_ = box.locator("input")
            await field_.click()
            await s.page.get_by_role("option", name=side, exact=True).click()
            await field_.press("Escape")
            await _close_sidebar(s.page)

        return replace(s.want, sides=chosen | {side}), add
    side = s.rng.choice(sorted(chosen))
    remove = box.get_by_role("button", name=f"Remove {side}", exact=True)

    async def drop() -> None:
        await _open_sidebar(s.page)
        await remove.click()
        await _close_sidebar(s.page)

    return replace(s.want, sides=chosen - {side}), drop


async def _open_sidebar(page: Page) -> None:
    """The map page starts with its sidebar folded: a reader opens it to pick a faction."""
    button = page.get_by_test_id("stExpandSidebarButton")
    if await button.count() and await button.first.is_visible():
        await button.first.click()


async def _close_sidebar(page: Page) -> None:
    """Fold it again (on a phone it covers the map the next click aims at)."""
    button = page.get_by_test_id("stSidebarCollapseButton")
    if await button.count():
        await button.first.click(force=True)


async def _place_step(s: Session, model: Model) -> tuple[Want, Action] | None:
    """A click on a marker the session can see, once the map shows the session's view."""
    from playwright.async_api import Error as PlaywrightError

    in_view = model.page(s.want)["in_view"]
    try:
        element = await s.page.query_selector(MAP)
        frame = element and await element.content_frame()
        if frame is None:
            return None
        ready = await frame.wait_for_function(
            CLICKABLE_JS, arg={"inView": in_view, "selected": s.want.place},
            polling=POLL_MS * 2, timeout=MAP_REDRAW_TIMEOUT_S * 1000)
        candidates = await ready.json_value()
    except PlaywrightError:  # the map was not redrawn in time, or is being replaced
        return None
    if not candidates:
        return None
    place = s.rng.choice(candidates)
    box = await frame.locator(f'[data-place="{place}"]').first.bounding_box()
    screen = s.page.viewport_size or {"width": 0, "height": 0}
    if box is None:
        return None
    # a reader's click: the mouse at the symbol's centre on the screen (the page not scrolled
    # for it; a symbol below the fold is not a candidate)
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    if not (0 <= x < screen["width"] and 0 <= y < screen["height"]):
        return None
    return replace(s.want, place=place), lambda: s.page.mouse.click(x, y)


async def _choose(s: Session, model: Model, tally: Tally) -> tuple[str, Want, Action]:
    roll = s.rng.random()
    if roll < 0.3:
        chosen = await _place_step(s, model)
        if chosen:
            return "place", *chosen
        tally.clicks_skipped += 1
    elif roll < 0.45:
        return "confidence", *_confidence_step(s, model)
    elif roll < 0.6:
        return "faction", *_faction_step(s, model)
    return "timeline", *_timeline_step(s, model)


def _playwright_message(exc: Exception) -> str:
    """The first line of a Playwright error and the last lines of its call log (the why)."""
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    return " | ".join(lines[:1] + [x for x in lines[-3:] if x not in lines[:1]])


async def _drive(s: Session, base: str, model: Model, tally: Tally, deadline: float) -> None:
    """Step until the deadline; each step is timed and its page checked against ``s.want``."""
    from playwright.async_api import Error as PlaywrightError

    for _ in range(MAX_STEPS):
        if time.monotonic() >= deadline or not s.opened:
            return
        before = s.want
        try:
            kind, s.want, act = await _choose(s, model, tally)
        except PlaywrightError as exc:
            kind, done, seen = "choose", False, {"error": _playwright_message(exc)}
        else:
            started = time.perf_counter()
            try:
                await act()
            except PlaywrightError as exc:
                done, seen = False, {"error": _playwright_message(exc)}
            else:
                done, seen = await _settle(s, model, STEP_TIMEOUT_S)
            elapsed = time.perf_counter() - started
        s.last_seen = seen
        if done:
            tally.steps.append((s.index, kind, elapsed))
            continue
        idle = "error" not in seen and not seen.get("stale") and not seen.get("running")
        label = ("stException" if seen.get("exceptions") else "action failed" if "error" in seen
                 else "state mismatch" if idle else "timeout")
        tally.error(label, s.index, f"{kind} from {before} to {s.want}: "
                    f"{_difference(seen, model.page(s.want))}")
        s.recoveries += 1
        if s.recoveries > MAX_RECOVERIES:
            s.opened = False
            return
        tally.reloads += 1
        await _open(s, base, model, tally, first=False)  # its own link: the view it should have


# --- memory ---------------------------------------------------------------------------------

class MemorySampler(threading.Thread):
    """RSS of a process and its children, every ``SAMPLE_S`` seconds, in a thread."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        import psutil

        self._psutil = psutil
        self.root = psutil.Process(pid)
        self.samples: list[tuple[float, int]] = []
        self._stop_event = threading.Event()

    def tree(self) -> list[Any]:
        try:
            return [self.root, *self.root.children(recursive=True)]
        except self._psutil.NoSuchProcess:
            return []

    def rss(self) -> int:
        total = 0
        for proc in self.tree():
            with suppress(self._psutil.NoSuchProcess):
                total += proc.memory_info().rss
        return total

    def cpu_seconds(self) -> float:
        total = 0.0
        for proc in self.tree():
            with suppress(self._psutil.NoSuchProcess):
                times = proc.cpu_times()
                total += times.user + times.system
        return total

    def sample(self) -> int:
        value = self.rss()
        self.samples.append((time.monotonic(), value))
        return value

    def run(self) -> None:
        while not self._stop_event.is_set():
            self.sample()
            self._stop_event.wait(SAMPLE_S)

    def stop(self) -> None:
        self._stop_event.set()
        self.join(timeout=10)

    def between(self, start: float, end: float) -> list[tuple[float, int]]:
        return [(t, v) for t, v in self.samples if start <= t <= end]


def _slope_mb_per_min(points: list[tuple[float, int]]) -> float | None:
    if len(points) < 3:
        return None
    xs = [t / 60 for t, _ in points]
    ys = [v / 2**20 for _, v in points]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    sxx = sum((x - mx) ** 2 for x in xs)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sxx if sxx else None


# --- the run --------------------------------------------------------------------------------

@dataclass
class Run:
    tally: Tally
    sessions: list[Session]
    model: Model
    load_start: float = 0.0
    load_end: float = 0.0
    closed_at: float = 0.0
    rss_before: int = 0
    cpu_load: float = 0.0  # the server's CPU seconds per second of load
    cpu_clients: float = 0.0  # the same for everything else this script started (browsers)
    machine_cpu: float = 0.0


async def _load(base: str, args: argparse.Namespace, model: Model, memory: MemorySampler
                ) -> Run:
    import psutil
    from playwright.async_api import async_playwright

    tally = Tally()
    run = Run(tally=tally, sessions=[], model=model, rss_before=memory.sample())
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=str(CHROMIUM_PATH),
                                           args=list(CHROMIUM_ARGS), headless=True)
        try:
            for k in range(args.sessions):
                width, height = SIZES[k % len(SIZES)]
                context = await browser.new_context(viewport={"width": width, "height": height},
                                                    service_workers="block")
                page = await context.new_page()
                await context.route("**/*", _watch(context, page, k, tally))
                start = min(3 + k, model.last - 1)  # a different point in the thread each
                run.sessions.append(Session(k, context, page, Want(step=start),
                                            random.Random(args.seed * 1000 + k)))
            await asyncio.gather(*(_open(s, base, model, tally, first=True)
                                   for s in run.sessions))
            run.load_start = time.monotonic()
            cpu_before, clients_before = memory.cpu_seconds(), _client_cpu_seconds(memory)
            psutil.cpu_percent(None)
            deadline = run.load_start + args.seconds
            await asyncio.gather(*(_drive(s, base, model, tally, deadline)
                                   for s in run.sessions))
            run.load_end = time.monotonic()
            span = run.load_end - run.load_start
            run.cpu_load = (memory.cpu_seconds() - cpu_before) / span
            run.cpu_clients = (_client_cpu_seconds(memory) - clients_before) / span
            run.machine_cpu = psutil.cpu_percent(None)
            memory.sample()
            for s in run.sessions:  # what each page shows now, idle or not
                try:
                    s.last_seen = await s.page.evaluate(OBSERVE_JS)
                except Exception as exc:
                    s.last_seen = {"error": str(exc)[:200]}
        finally:
            tally.closing = True
            await browser.close()
    run.closed_at = time.monotonic()
    return run


def _client_cpu_seconds(memory: MemorySampler) -> float:
    """CPU seconds of this script and what it started, the server excepted."""
    import psutil

    server = {p.pid for p in memory.tree()}
    me = psutil.Process()
    total = 0.0
    for proc in [me, *me.children(recursive=True)]:
        if proc.pid in server:
            continue
        with suppress(psutil.Error):
            times = proc.cpu_times()
            total += times.user + times.system
    return total


def _find_server(base: str) -> int:
    """The `streamlit run` child of this process listening on ``base``'s port."""
    import psutil

    port = base.rsplit(":", 1)[1]
    for child in psutil.Process().children():
        try:
            cmd = child.cmdline()
        except psutil.Error:
            continue
        if "streamlit" in " ".join(cmd) and port in cmd:
            return child.pid
    raise RuntimeError(f"no streamlit process on port {port} among this process's children")


def _server_log(pid: int) -> Path | None:
    """The file the server writes its output to (the harness's temporary log)."""
    import psutil

    try:
        for handle in psutil.Process(pid).open_files():
            if handle.fd == 1:
                return Path(handle.path)
    except psutil.Error:
        return None
    return None


def _tracebacks(log: Path | None, offset: int) -> list[list[str]]:
    """Each traceback the server logged after ``offset``, as its lines (the error line last)."""
    if log is None or not log.exists():
        return []
    lines = log.read_text(encoding="utf-8", errors="replace")[offset:].splitlines()
    found = []
    for i, line in enumerate(lines):
        if line.startswith("Traceback"):
            block = [line]
            for more in lines[i + 1:i + 200]:
                block.append(more)
                if more and not more.startswith(" "):
                    break
            found.append(block)
    return found


def _pct(values: list[float], q: float) -> float:
    """The nearest-rank percentile (a value that was measured, not an interpolation)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(q * len(ordered)) - 1))]


def _mb(value: int) -> str:
    return f"{value / 2**20:.0f} MB"


def _state_line(model: Model, want: Want) -> str:
    q = model.page(want)["query"]
    parts = [f"{k}={','.join(v)}" for k, v in q.items() if k != "thread"]
    return " ".join(parts) or "(defaults)"


def report(run: Run, memory: MemorySampler, args: argparse.Namespace,
           server_errors: list[list[str]]) -> int:
    import psutil

    tally, model = run.tally, run.model
    times = [t for _, _, t in tally.steps]
    window = max(run.load_end - run.load_start, 1e-9)
    print(f"load: {args.sessions} chromium sessions at once for {args.seconds:.0f} s against one "
          f"`streamlit run app.py` on 127.0.0.1 (the seed thread, file watcher "
          f"{'on' if args.watch_files else 'off'}); {len(tally.opens)} opened, "
          f"{tally.reloads} reloads after a failed step")
    if tally.opens:
        print(f"  open (link to idle page with the session's view): median "
              f"{statistics.median(tally.opens):.1f} s, slowest {max(tally.opens):.1f} s")
    per_session = Counter(k for k, _, _ in tally.steps)
    counts = [per_session.get(s.index, 0) for s in run.sessions]
    print(f"  steps done: {len(times)} in {window:.0f} s ({len(times) / window:.1f}/s); per "
          f"session min {min(counts)}, median {statistics.median(counts):.0f}, max {max(counts)}")
    print(f"  clicks skipped (map not redrawn within {MAP_REDRAW_TIMEOUT_S:.0f} s, or no uncovered "
          f"marker; a timeline step instead): {tally.clicks_skipped}")
    print(f"  requests: {tally.http_requests} HTTP, {tally.ws_sent} WebSocket messages to the "
          f"server; to other hosts (blocked): {len(tally.blocked)}")
    if times:
        print(f"  step time: p50 {_pct(times, 0.5):.2f} s, p95 {_pct(times, 0.95):.2f} s, "
              f"max {max(times):.2f} s")
        for kind in ("timeline", "faction", "confidence", "place"):
            these = [t for _, k, t in tally.steps if k == kind]
            if these:
                print(f"    {kind:<10} n={len(these):<4} p50 {_pct(these, 0.5):.2f} s  "
                      f"p95 {_pct(these, 0.95):.2f} s")
    cores = psutil.cpu_count() or 1
    others = max(0.0, run.machine_cpu / 100 * cores - run.cpu_load - run.cpu_clients)
    print(f"  CPU during the load (in cores): server {run.cpu_load:.2f}, chromium and this "
          f"script {run.cpu_clients:.2f}, other processes {others:.2f}; machine "
          f"{run.machine_cpu:.0f}% busy of {cores} cores, load average {os.getloadavg()[0]:.1f}")

    load = memory.between(run.load_start, run.load_end)
    half = run.load_start + window / 2
    slope = _slope_mb_per_min(memory.between(half, run.load_end))
    peak_t, peak = max(memory.samples, key=lambda s: s[1])
    after = memory.between(run.closed_at, float("inf"))
    print(f"  server memory (RSS, process tree): before the sessions {_mb(run.rss_before)}, "
          f"load start {_mb(load[0][1]) if load else '?'}, load end "
          f"{_mb(load[-1][1]) if load else '?'}, peak {_mb(peak)} "
          f"({peak_t - run.load_start:+.0f} s from load start), after closing "
          f"{_mb(after[-1][1]) if after else '?'}")
    print("  slope over the last half of the load: "
          + (f"{slope:+.1f} MB/min" if slope is not None else "too few samples"))

    mismatched, leaked = [], []
    wants = {s.index: s.want for s in run.sessions}
    for s in run.sessions:
        seen = s.last_seen or {}
        want = model.page(s.want)
        own = seen.get("query") == want["query"] and seen.get("metrics") == want["metrics"]
        if not own:
            mismatched.append(s.index)
            others = [o for o, w in wants.items() if o != s.index
                      and model.page(w)["query"] == seen.get("query")]
            if others:
                leaked.append((s.index, others))
    distinct = len({_state_line(model, w) for w in wants.values()})
    print(f"  own state: {len(run.sessions) - len(mismatched)} of {len(run.sessions)} pages "
          f"show exactly their own session's view at the end ({distinct} distinct views); "
          f"pages showing another session's view: {len(leaked)}")
    for s in run.sessions:
        mark = "ok" if s.index not in mismatched else "DIFFERS"
        print(f"    s{s.index:02d} {per_session.get(s.index, 0):>3} steps  {mark:<7} "
              f"{_state_line(model, s.want)}")

    for block in server_errors:
        tally.errors.append(("server log", -1, block[-1]))
    kinds = Counter(kind for kind, _, _ in tally.errors)
    print(f"  errors: {len(tally.errors)}"
          + (" (" + ", ".join(f"{k} {n}" for k, n in kinds.most_common()) + ")" if kinds else ""))
    shown: set[str] = set()
    for kind, k, detail in tally.errors:
        key = f"{kind}: {detail[:120]}"
        if key not in shown and len(shown) < 12:
            shown.add(key)
            print(f"    s{k:02d} {kind}: {detail}" if k >= 0 else f"    {kind}: {detail}")
    distinct_tracebacks = {block[-1]: block for block in server_errors}
    for block in list(distinct_tracebacks.values())[:3]:
        print("  server traceback (last frames):")
        frames = [line for line in block if line.startswith('  File "')]
        for line in frames[-6:] + block[-1:]:
            print(f"    {line.strip()}")
    return 1 if tally.errors or tally.blocked or leaked or mismatched else 0


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    options.add_argument("--sessions", type=int, default=20, help="browser sessions at once")
    options.add_argument("--seconds", type=float, default=60.0, help="how long they step")
    options.add_argument("--seed", type=int, default=0, help="random seed of the sessions")
    options.add_argument("--watch-files", action="store_true",
                         help="keep Streamlit's file watcher on (off by default: see the notes)")
    args = options.parse_args()
    if not 1 <= args.sessions <= 200 or not 0 < args.seconds <= 3600:
        options.error("--sessions must be 1..200 and --seconds 0..3600")
    if not CHROMIUM_PATH.exists():
        print(f"{CHROMIUM_PATH} not found (Debian package 'chromium')", file=sys.stderr)
        return 2

    folder = Path(tempfile.mkdtemp(prefix="bench-load-"))
    try:
        seeds = folder / "seeds"
        seeds.mkdir()
        shutil.copy(SEED, seeds / SEED.name)
        db = folder / "atlas.sqlite"
        subprocess.run([sys.executable, "-m", "geo", "build", str(seeds), "--db", str(db)],
                       cwd=ROOT, check=True, capture_output=True, timeout=600)
        model = Model(db, SEED.name)
        env = {"FRONTLINE_DB": str(db), "FRONTLINE_SEEDS": str(seeds)}
        if not args.watch_files:
            env["STREAMLIT_SERVER_FILE_WATCHER_TYPE"] = "none"
        hard_limit = OPEN_TIMEOUT_S * 2 + args.seconds + STEP_TIMEOUT_S * (MAX_RECOVERIES + 2)
        with streamlit_server(ROOT / "app.py", env=env, timeout=180) as base:
            pid = _find_server(base)
            log = _server_log(pid)
            offset = len(log.read_text(errors="replace")) if log and log.exists() else 0
            memory = MemorySampler(pid)
            memory.start()
            try:
                run = asyncio.run(asyncio.wait_for(_load(base, args, model, memory),
                                                   timeout=hard_limit))
                time.sleep(SETTLE_AFTER_CLOSE_S)
                memory.sample()
            finally:
                memory.stop()
            server_errors = _tracebacks(log, offset)
        return report(run, memory, args, server_errors)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
