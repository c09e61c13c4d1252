"""What a fresh reader meets in a real browser: titles at the top of every page, a Play
button whose tooltip does not stay over the map, map labels inside the map on a phone.

Debian chromium against ``streamlit run app.py`` on the seed thread, network cut; clicks are
``page.mouse.click`` at the on-screen centre of what a reader aims at.  Screens are kept as
test artifacts (``test-artifacts/reader-*.png``).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import suppress

import pytest

from tests.browser import (
    MAP,
    WAIT_MS,
    BrowserSession,
    centre,
    save_screenshot,
    seeded_app,
    settled_map_page,
)

pytestmark = pytest.mark.browser

SECONDARY = ["Places", "Thread", "Claims", "Commenters", "Ingest"]
#: Every label the map shows, with its box, whether the page hid it, and the map's box
#: (page coordinates inside the map's frame).
LABELS_JS = """root => {
    const edge = root.getBoundingClientRect();
    return {edge: [edge.left, edge.top, edge.right, edge.bottom],
            labels: Array.from(root.querySelectorAll('.atlas-label'))
                .filter(l => l.offsetParent)
                .map(l => { const r = l.getBoundingClientRect();
                            return {text: l.textContent, cut: l.classList.contains('atlas-cut'),
                                    box: [r.left, r.top, r.right, r.bottom]}; })};
}"""


@pytest.fixture(scope="module")
def app_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with seeded_app(tmp_path_factory.mktemp("reader")) as url:
        yield url


@pytest.mark.parametrize("name", SECONDARY)
def test_a_secondary_pages_title_sits_at_the_top_as_the_map_does(app_url, name):
    from playwright.sync_api import expect

    with settled_map_page(app_url, (1280, 720), f"reader-top-{name}") as session:
        page = session.page
        map_top = page.locator(MAP).bounding_box()["y"]
        page.goto(f"{app_url}/{name}")
        title = page.get_by_test_id("stMainBlockContainer").locator("h1").first
        expect(title).to_be_visible(timeout=WAIT_MS)
        # the page's styles come in as its run goes on: wait (up to WAIT_MS) for the title to
        # come up to the map's height; before the fix it never did
        from playwright.sync_api import TimeoutError as Timeout

        with suppress(Timeout):
            page.wait_for_function(
                "top => document.querySelector('[data-testid=stMainBlockContainer] h1')"
                ".getBoundingClientRect().top <= top", arg=map_top, timeout=WAIT_MS)
        top = title.bounding_box()["y"]
        save_screenshot(page, f"reader-top-{name}", full_page=False)
        assert top <= map_top, f"{name}: title at {top:.0f} px, the map at {map_top:.0f} px"


def test_the_play_buttons_tooltip_does_not_stay_after_a_click(app_url):
    from playwright.sync_api import expect

    with settled_map_page(app_url, (1280, 720), "reader-play-tooltip") as session:
        page = session.page
        play = page.get_by_role("button", name="Play", exact=True)
        x, y = centre(play)
        page.mouse.move(x, y)
        page.wait_for_timeout(1200)  # long enough for a tooltip to show, if there is one
        page.mouse.click(x, y)
        pause = page.get_by_role("button", name="Pause", exact=True)
        expect(pause).to_be_visible(timeout=WAIT_MS)
        page.wait_for_timeout(1200)
        tips = [t for t in page.get_by_test_id("stTooltipContent").all() if t.is_visible()]
        save_screenshot(page, "reader-play-tooltip", full_page=False)
        page.mouse.click(*centre(pause))  # stop playing
        assert tips == [], [t.inner_text() for t in tips]


def _labels(session: BrowserSession) -> dict:
    return session.page.frame_locator(MAP).locator(".leaflet-container").evaluate(LABELS_JS)


def _inside(box, edge) -> bool:
    return box[0] >= edge[0] and box[1] >= edge[1] and box[2] <= edge[2] and box[3] <= edge[3]


@pytest.mark.parametrize("size", [(390, 844), (1280, 720)], ids=["390x844", "1280x720"])
def test_map_labels_stay_inside_the_map(app_url, size):
    """Every label shown lies inside the map; one is hidden only where it would have been
    cut (it is hidden at its placed position), at the first view and one zoom in."""
    name = f"reader-labels-{size[0]}x{size[1]}"
    with settled_map_page(app_url, size, name) as session:
        for step in ("first view", "zoomed in"):
            if step == "zoomed in":
                zoom = session.page.frame_locator(MAP).locator(".leaflet-control-zoom-in")
                session.page.mouse.click(*centre(zoom))
                session.page.wait_for_timeout(1500)
            found = _labels(session)
            edge, labels = found["edge"], found["labels"]
            shown = [lab for lab in labels if not lab["cut"]]
            assert shown, f"{step}: no label shown"
            for label in shown:
                assert _inside(label["box"], edge), (step, label, edge)
            for label in labels:
                if label["cut"]:
                    assert not _inside(label["box"], edge), (step, "hidden but fits", label)
        save_screenshot(session.page, name, full_page=False)
