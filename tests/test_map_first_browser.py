"""Map first, on the screens people use: layout and first clicks at four sizes, real mouse.

Debian chromium against ``streamlit run app.py`` on the seed thread, network cut, at
1280x720, 1440x900, 1920x1080 and 390x844.  Every click is ``page.mouse.click`` at the
on-screen centre of what a reader would aim at, after the page has settled, with the page
scrolled or not; the first click must select.  The screens are kept as test artifacts
(``test-artifacts/map-first-<size>.png``) to be looked at.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator

import pytest

from tests.browser import (
    MAP,
    WAIT_MS,
    centre,
    save_screenshot,
    seeded_app,
    settled_map_page,
)

pytestmark = pytest.mark.browser

AZAZ, ALEPPO = "geonames:172082", "geonames:170063"
#: Towns of the seed's front, north to south: what a reader clicks first.
FRONT = ((AZAZ, "Azaz"), (ALEPPO, "Aleppo"), ("geonames:172955", "Raqqa"))
SIZES = [(1280, 720), (1440, 900), (1920, 1080), (390, 844)]
IDS = [f"{w}x{h}" for w, h in SIZES]


@pytest.fixture(scope="module")
def app_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with seeded_app(tmp_path_factory.mktemp("mapfirst")) as url:
        yield url


def on_screen(page, box: dict) -> float:
    """The share of the viewport that ``box`` covers where it is visible."""
    width, height = page.viewport_size["width"], page.viewport_size["height"]
    seen_w = max(0.0, min(box["x"] + box["width"], width) - max(box["x"], 0.0))
    seen_h = max(0.0, min(box["y"] + box["height"], height) - max(box["y"], 0.0))
    return seen_w * seen_h / (width * height)


def in_sight(page, locator) -> bool:
    """Whether ``locator``'s centre is on the screen and the map is what shows there (not
    the page's header, which stays on top when the page is scrolled)."""
    x, y = centre(locator)
    return 0 <= y <= page.viewport_size["height"] and page.evaluate(
        "([x, y]) => (document.elementFromPoint(x, y) || {}).tagName === 'IFRAME'", [x, y])


def scroll_main(page, pixels: int) -> None:
    page.evaluate("(px) => { document.querySelector('[data-testid=stMain]').scrollTop = px; }",
                  pixels)
    page.wait_for_timeout(400)


def click_selects(page, target, heading: str) -> float:
    """Mouse-click ``target``'s on-screen centre; seconds until ``heading`` shows (or fail)."""
    from playwright.sync_api import expect

    x, y = centre(target)
    height = page.viewport_size["height"]
    assert 0 <= y <= height, f"{heading} is off screen at y={y:.0f}"
    started = time.perf_counter()
    page.mouse.click(x, y)
    expect(page.get_by_role("heading", name=heading)).to_be_visible(timeout=15_000)
    return time.perf_counter() - started


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_the_map_fills_the_first_screen_with_the_timeline_under_it(app_url, size):
    from playwright.sync_api import expect

    width, height = size
    with settled_map_page(app_url, size, f"map-first-layout-{width}x{height}") as session:
        page = session.page
        map_box = page.locator(MAP).bounding_box()
        share = on_screen(page, map_box)
        print(f"\n{width}x{height}: the map covers {share:.0%} of the first screen")
        assert share >= 0.55
        for control in (page.locator(".st-key-play button").filter(visible=True).first,
                        page.locator(".st-key-atlas-timeline").get_by_role("slider").filter(
                            visible=True).first):
            box = control.bounding_box()
            assert box is not None and box["y"] >= map_box["y"] + map_box["height"] - 1
            if width >= 1280:  # on a phone the row stacks; its play button still shows
                assert box["y"] + box["height"] <= height, "timeline below the first screen"
        play = page.locator(".st-key-play button").filter(visible=True).first.bounding_box()
        assert play["y"] + play["height"] <= height
        side = page.locator(".st-key-atlas-side").bounding_box()
        if width >= 1280:
            assert side["x"] >= map_box["x"] + map_box["width"] - 1  # beside the map
        else:
            assert side["y"] >= map_box["y"] + map_box["height"]  # the map first, then it
        frame = page.frame_locator(MAP)
        legend = frame.locator(".atlas-legend-control summary")
        expect(legend).to_be_visible()
        legend.click()
        expect(frame.locator(".atlas-legend").first).to_be_visible()
        assert frame.locator('[data-place]').count() >= 15
        save_screenshot(page, f"map-first-{width}x{height}", full_page=False)


@pytest.mark.parametrize("scroll", [0, 140], ids=["top", "scrolled"])
@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_the_first_click_on_a_symbol_selects_it(app_url, size, scroll):
    width, height = size
    with settled_map_page(app_url, size, f"first-click-{width}x{height}-{scroll}") as session:
        page = session.page
        scroll_main(page, scroll)
        # Azaz, or (the page scrolled it under the page's header or off the screen) the first
        # of the front's towns a reader still sees
        frame = page.frame_locator(MAP)
        place, name = next(((p, n) for p, n in FRONT
                            if in_sight(page, frame.locator(f'[data-place="{p}"]').first)),
                           FRONT[0])
        seconds = click_selects(page, frame.locator(f'[data-place="{place}"]').first, name)
        print(f"\n{width}x{height}, page scrolled {scroll}px: {name} selected by the first "
              f"click, panel in {seconds:.2f} s")
        page.wait_for_function("(id) => new URLSearchParams(location.search).get('place') "
                               "=== id", arg=place, timeout=WAIT_MS)
        if scroll == 0:
            save_screenshot(page, f"map-first-selected-{width}x{height}", full_page=False)


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_a_click_on_a_name_or_under_an_arrowhead_selects_the_place(app_url, size):
    width, height = size
    with settled_map_page(app_url, size, f"name-click-{width}x{height}") as session:
        page = session.page
        frame = page.frame_locator(MAP)
        label = frame.locator(f'.atlas-pin:has([data-place="{ALEPPO}"]) .atlas-label').filter(
            visible=True).first
        click_selects(page, label, "Aleppo")
        # Azaz's symbol: an arrowhead (Azaz -> Aleppo runs the other way, others end here)
        # or a badge may sit over it; the click must still reach Azaz
        heads = frame.locator(".atlas-arrowhead")
        assert heads.count() >= 1
        assert all(re.search(r"\bleaflet-interactive\b", h.get_attribute("class") or "") is None
                   for h in heads.all())
        aleppo_head = min(heads.all(), key=lambda h: _distance(centre(h), centre(
            frame.locator(f'[data-place="{ALEPPO}"]').first)))
        assert _distance(centre(aleppo_head), centre(
            frame.locator(f'[data-place="{ALEPPO}"]').first)) < 30
        click_selects(page, frame.locator(f'[data-place="{AZAZ}"]').first, "Azaz")


def _distance(a: tuple[float, float], b: tuple[float, float]) -> float:
    return ((a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2) ** 0.5


def test_a_feed_item_selects_and_highlights_its_places(app_url):
    from playwright.sync_api import expect

    with settled_map_page(app_url, (1440, 900), "feed-click") as session:
        page = session.page
        side = page.locator(".st-key-atlas-side")
        expect(side.get_by_text(re.compile(r"Feed · .*\d+ items")).first).to_be_visible()
        # the newest item that names two places or more
        items = side.locator('[class*="st-key-feed-"] button').filter(visible=True)
        item = next(b for b in items.all() if ", " in b.inner_text())
        item.scroll_into_view_if_needed()
        page.mouse.click(*centre(item))
        # the item names places in the comment's words; the panel is headed by the gazetteer's
        about = side.get_by_text(re.compile(r"^Feed about ")).first
        expect(about).to_be_visible(timeout=15_000)
        name = about.inner_text().split("Feed about ", 1)[1].split("·")[0].strip()
        expect(page.get_by_role("heading", name=name)).to_be_visible(timeout=15_000)
        frame = page.frame_locator(MAP)
        expect(frame.locator(".atlas-selected").first).to_be_attached(timeout=15_000)
        save_screenshot(page, "map-first-feed-pick", full_page=False)


def test_a_feed_items_long_list_of_places_wraps_flush_left(app_url):
    with settled_map_page(app_url, (1280, 720), "feed-wrap") as session:
        page = session.page
        page.get_by_test_id("stSidebarCollapsedControl").or_(
            page.get_by_test_id("stExpandSidebarButton")).first.click()  # a narrower feed
        page.wait_for_timeout(1000)
        side = page.locator(".st-key-atlas-side")
        items = side.locator('[class*="st-key-feed-"] button p').filter(visible=True)
        wrapped = [p for p in items.all() if p.bounding_box()["height"] > 30]  # two lines
        assert wrapped, "no feed item wraps at this size: pick a narrower screen"
        assert all(p.evaluate("e => getComputedStyle(e).textAlign") in ("left", "start")
                   for p in wrapped)


def test_a_map_frame_that_lost_its_layers_gets_them_back(app_url):
    """After the first run the place and front-line layers are sent by name only (the map
    frame keeps what it built, atlas/ui/frozen.py).  A frame that does not hold them (here:
    its store wiped; in use: a new frame the page did not see coming) asks for them, and a
    page left and come back to draws them again."""
    from playwright.sync_api import expect

    with settled_map_page(app_url, (1440, 900), "map-first-lost-layers") as session:
        page, frame = session.page, session.page.frame_locator(MAP)
        click_selects(page, frame.locator(f'[data-place="{AZAZ}"]').first, "Azaz")
        page.wait_for_timeout(1000)
        frame.locator("body").evaluate("() => { window.atlasKept = undefined; }")
        click_selects(page, frame.locator(f'[data-place="{ALEPPO}"]').first, "Aleppo")
        expect(frame.locator("[data-place]").nth(5)).to_be_attached(timeout=WAIT_MS)
        page.wait_for_timeout(1500)  # the layers came back and stay
        assert frame.locator("[data-place]").count() > 5
        assert frame.locator("path.atlas-front-line").count() >= 1

        page.get_by_test_id("stSidebarCollapsedControl").or_(
            page.get_by_test_id("stExpandSidebarButton")).first.click()
        page.get_by_role("link", name="Places").click()
        expect(page.get_by_role("heading", name="Places")).to_be_visible(timeout=WAIT_MS)
        page.get_by_role("link", name="Map").click()
        expect(frame.locator("[data-place]").nth(5)).to_be_attached(timeout=WAIT_MS)
        assert frame.locator("path.atlas-front-line").count() >= 1
        save_screenshot(page, "map-first-back-from-places")


def _whole(button) -> bool:
    """Whether a button's words show whole (Streamlit cuts a squeezed label to "P…")."""
    return button.locator("[data-testid=stMarkdownContainer]").first.evaluate(
        "e => e.scrollWidth <= e.clientWidth")


@pytest.mark.parametrize("size", SIZES[:2], ids=IDS[:2])
def test_the_timeline_row_keeps_its_words_and_its_ticks_on_screen(app_url, size):
    """With the sidebar open the row narrows: Play and Playback keep their words, on one row;
    the slider's end labels (shown while it has the focus) stay on the first screen."""
    from playwright.sync_api import expect

    width, height = size
    with settled_map_page(app_url, size, f"timeline-row-{width}x{height}") as session:
        page = session.page
        page.get_by_test_id("stSidebarCollapsedControl").or_(
            page.get_by_test_id("stExpandSidebarButton")).first.click()
        expect(page.get_by_test_id("stSidebar")).to_be_visible()
        page.wait_for_timeout(800)
        play = page.locator(".st-key-play button").filter(visible=True).first
        options = page.locator(".st-key-atlas-timeline [data-testid=stPopover] button").filter(
            visible=True).first
        assert _whole(play) and _whole(options)
        assert abs(play.bounding_box()["y"] - options.bounding_box()["y"]) < 10  # one row
        slider = page.locator(".st-key-atlas-timeline").get_by_role("slider").filter(
            visible=True).first
        slider.focus()
        page.keyboard.press("ArrowLeft")
        ends = page.locator(".st-key-atlas-timeline").get_by_test_id("stSliderTickBar")
        expect(ends.filter(visible=True).first).to_be_visible(timeout=15_000)
        page.wait_for_timeout(800)
        box = ends.filter(visible=True).first.bounding_box()
        assert box["y"] + box["height"] <= height, f"end labels cut at y={box['y']:.0f}"
        save_screenshot(page, f"timeline-row-{width}x{height}", full_page=False)


@pytest.mark.parametrize("size", [(390, 844), (1440, 900)], ids=["390x844", "1440x900"])
def test_a_tap_on_a_phone_shows_a_way_down_to_the_panel(app_url, size):
    """On a phone the panel opens far below the map: under the map a link names the place
    and leads down to it.  Beside the map (a wide screen) there is no such line, and the
    timeline row does not move when a place is selected."""
    from playwright.sync_api import expect

    width, height = size
    with settled_map_page(app_url, size, f"tap-to-panel-{width}x{height}") as session:
        page = session.page
        play = page.locator(".st-key-play button").filter(visible=True).first
        before = play.bounding_box()["y"]
        click_selects(page, page.frame_locator(MAP).locator(f'[data-place="{AZAZ}"]').first,
                      "Azaz")
        link = page.get_by_role("link", name=re.compile("Azaz: what the thread says"))
        if width > 640:
            expect(link).to_be_hidden()
            assert play.bounding_box()["y"] == pytest.approx(before, abs=1)
            return
        expect(link).to_be_visible()
        assert link.bounding_box()["y"] + link.bounding_box()["height"] <= height
        heading = page.get_by_role("heading", name="Azaz")
        assert heading.bounding_box()["y"] > height  # the panel is out of sight ...
        link.click()
        page.wait_for_timeout(800)
        box = heading.bounding_box()
        assert 0 <= box["y"] < height  # ... and the link brings it into sight
        save_screenshot(page, "tap-to-panel-390x844", full_page=False)
