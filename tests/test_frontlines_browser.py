"""Front lines in a real browser (1440x900, network cut): they appear on the seed, a mouse click
on a line opens the claims and sources behind it, and the picture changes with the timeline."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from tests.browser import (
    MAP,
    WAIT_MS,
    BrowserSession,
    chromium_page,
    save_screenshot,
    screenshot_if_test_fails,
    seeded_app,
)

pytestmark = pytest.mark.browser

LINES = "path.atlas-front-line"
AZAZ_LINE = "path.atlas-front-geonames-172082"
CLAIM_ID = re.compile(r"\be\d+c\d+\b")

# The on-screen centre of the first line matching the selector whose middle point is not
# covered by anything else (a pin, a label): the point half way along the SVG path.
_VISIBLE_MIDDLE = """
(selector) => {
  for (const path of document.querySelectorAll(selector)) {
    const length = path.getTotalLength();
    const p = path.getPointAtLength(length / 2);
    const m = path.getScreenCTM();
    const x = m.a * p.x + m.c * p.y + m.e, y = m.b * p.x + m.d * p.y + m.f;
    if (x < 5 || y < 5 || x > innerWidth - 5 || y > innerHeight - 5) continue;
    if (document.elementFromPoint(x, y) === path) return [x, y];
  }
  return null;
}
"""


@pytest.fixture(scope="module")
def app_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with seeded_app(tmp_path_factory.mktemp("frontlines")) as url:
        yield url


@pytest.fixture
def browser(request: pytest.FixtureRequest) -> Iterator[BrowserSession]:
    with chromium_page(viewport=(1440, 900)) as session, screenshot_if_test_fails(
            request, session.page):
        yield session


def _signature(frame) -> list[str]:
    """What the front-line layer draws: each path's class and outline, sorted."""
    return sorted(frame.locator("path.atlas-front-line, path.atlas-contested, path.atlas-siege, "
                                "path.atlas-control-area, path.atlas-predicted").evaluate_all(
        "els => els.map(e => e.getAttribute('class') + e.getAttribute('stroke') + "
        "e.getAttribute('d').length)"))


def _click_line(page, selector: str) -> None:
    frame_box = page.locator(MAP).bounding_box()
    handle = page.locator(MAP).element_handle().content_frame()
    point = handle.evaluate(_VISIBLE_MIDDLE, selector)
    assert point is not None, f"no {selector} visible on the map"
    page.mouse.click(frame_box["x"] + point[0], frame_box["y"] + point[1])


def _slider_to_start(page) -> None:
    """Home on the timeline; again if a rerun (the map click may select a place) swallowed it."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    for _ in range(4):
        page.wait_for_timeout(1500)
        thumb = page.get_by_test_id("stMain").get_by_role("slider").first
        thumb.focus()
        thumb.press("Home")
        try:
            page.wait_for_function("() => location.search.includes('t=post')", timeout=10_000)
            return
        except PlaywrightTimeout:
            continue
    raise AssertionError("the timeline did not go back to the post: "
                         + page.evaluate("() => location.search"))


def test_front_lines_appear_open_their_claims_and_change_with_the_timeline(app_url, browser):
    from playwright.sync_api import expect

    page = browser.page
    page.goto(app_url)
    frame = page.frame_locator(MAP)
    expect(frame.locator(LINES).first).to_be_attached(timeout=WAIT_MS)
    page.locator(MAP).scroll_into_view_if_needed()
    assert frame.locator(LINES).count() >= 5
    at_end = _signature(frame)
    save_screenshot(page, "frontlines_seed_end")

    _click_line(page, AZAZ_LINE)
    popup = frame.locator(".atlas-front-popup")
    expect(popup).to_be_visible(timeout=WAIT_MS)
    words = popup.inner_text()
    assert "Front line" in words and "Azaz" in words
    assert CLAIM_ID.search(words), words  # the claims behind the line, by id
    assert "ref-azaz" in words  # and the reference row that holds Azaz for the rebels
    assert popup.locator('a[href*="Thread?"][href*="#entry-"]').count() >= 1
    assert popup.locator('a[href*="place="]').count() == 0  # nothing selected: no place
    page.wait_for_timeout(3000)  # the click stays in the map: no rerun closes the popup
    expect(popup).to_be_visible()
    assert "place=" not in page.evaluate("() => location.search")
    save_screenshot(page, "frontlines_popup")

    _slider_to_start(page)
    page.wait_for_function(
        """([sel, before]) => {
             const f = document.querySelector(sel).contentDocument;
             const n = f.querySelectorAll('path.atlas-contested, path.atlas-siege').length;
             const lines = f.querySelectorAll('path.atlas-front-line').length;
             return n > 0 && lines > 0 && n !== before; }""",
        arg=[MAP, sum(1 for s in at_end if "contested" in s or "siege" in s)],
        timeout=WAIT_MS)
    assert _signature(frame) != at_end
    assert frame.locator(LINES).count() >= 1
    save_screenshot(page, "frontlines_seed_post")
    assert browser.network.non_local() == []


def test_front_line_links_keep_the_selected_place(app_url, browser):
    """The front-line layer is drawn once per view, yet its popup links carry the place the
    reader has selected, like every other Thread link (atlas.state.entry_link)."""
    from playwright.sync_api import expect

    page = browser.page
    raqqa = "geonames:172955"  # selected, and far from the Azaz line clicked
    page.goto(f"{app_url}/?place={raqqa}")
    frame = page.frame_locator(MAP)
    expect(frame.locator(LINES).first).to_be_attached(timeout=WAIT_MS)
    expect(page.get_by_role("heading", name="Raqqa")).to_be_visible(timeout=WAIT_MS)
    page.wait_for_timeout(1500)
    _click_line(page, AZAZ_LINE)
    popup = frame.locator(".atlas-front-popup")
    expect(popup).to_be_visible(timeout=WAIT_MS)
    hrefs = popup.locator('a[href*="Thread?"]').evaluate_all(
        "links => links.map(a => a.getAttribute('href'))")
    assert hrefs and all("place=geonames%3A172955&" in h for h in hrefs), hrefs
    assert raqqa in page.evaluate("() => decodeURIComponent(location.search)")
    assert browser.network.non_local() == []
