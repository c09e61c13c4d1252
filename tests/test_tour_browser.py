"""A thread that is not the seed, toured as a reader would: its first view on the four
screens, its title beside the map, a click on a marker.

The thread is ``tests/fixtures/archive_thread.txt``, the second thread of
``python bench/make_archive.py --comments 120 --seed 7`` (synthetic: the seed's sentences
reshuffled, other places, other commenters); its places run from Crimea to Sinai, a tall
frame that a phone fits by its height.  Debian chromium against ``streamlit run app.py``,
network cut; clicks are ``page.mouse.click`` at the on-screen centre.  Screens are kept as
test artifacts (``test-artifacts/tour-*.png``).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser import MAP, WAIT_MS, centre, save_screenshot, seeded_app, settled_map_page

pytestmark = pytest.mark.browser

THREAD = Path(__file__).parent / "fixtures" / "archive_thread.txt"
NAME = "archive_thread.txt"
SIZES = [(1280, 720), (1440, 900), (1920, 1080), (390, 844)]
#: Place symbols and labels that lie under one of the map's controls (zoom buttons, legend,
#: scale bar) in page coordinates inside the map's frame.
UNDER_CONTROLS_JS = """root => {
    const controls = Array.from(root.querySelectorAll('.leaflet-control'))
        .filter(c => c.offsetParent && !c.closest('.leaflet-right'))  // the attribution: no
        .map(c => c.getBoundingClientRect());
    const hidden = [];
    root.querySelectorAll('[data-place], .atlas-label').forEach(e => {
        if (!e.offsetParent || getComputedStyle(e).visibility === 'hidden') { return; }
        const r = e.getBoundingClientRect();
        if (controls.some(c => r.left < c.right && c.left < r.right
                               && r.top < c.bottom && c.top < r.bottom)) {
            hidden.push(e.dataset.place || e.textContent);
        }
    });
    return hidden;
}"""

#: The first point place whose name shows and whose symbol's centre a click reaches: its
#: id and its name.
CLICKABLE_JS = """root => {
    for (const pin of root.querySelectorAll('.atlas-pin')) {
        const symbol = pin.querySelector('.atlas-dot[data-place], .atlas-diamond[data-place]');
        const label = Array.from(pin.querySelectorAll('.atlas-label'))
            .find(l => l.offsetParent && !l.classList.contains('atlas-cut'));
        if (!symbol || !label) { continue; }
        const r = symbol.getBoundingClientRect();
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        if (hit && pin.contains(hit)) { return [symbol.dataset.place, label.textContent]; }
    }
    return [null, null];
}"""


@pytest.fixture(scope="module")
def app_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    extra = {NAME: THREAD.read_text(encoding="utf-8")}
    with seeded_app(tmp_path_factory.mktemp("tour"), extra=extra) as url:
        yield f"{url}/?thread={NAME}"


def test_the_first_view_puts_no_place_under_the_maps_controls(app_url):
    """The first view fitted the thread's places to the map's edges, 24 px in: on a phone
    the southernmost town and its name lay under the folded legend."""
    for width, height in SIZES:
        name = f"tour-first-view-{width}x{height}"
        with settled_map_page(app_url, (width, height), name) as session:
            page = session.page
            root = page.frame_locator(MAP).locator(".leaflet-container").first
            assert root.evaluate(UNDER_CONTROLS_JS) == [], f"{width}x{height}"
            if width == 1280:  # the title beside the map, whole, with the sidebar open too
                title = page.locator(".atlas-thread-title")
                page.get_by_test_id("stSidebarCollapsedControl").or_(
                    page.get_by_test_id("stExpandSidebarButton")).first.click()
                page.wait_for_timeout(1000)
                shown = title.evaluate("e => e.scrollHeight <= e.clientHeight + 1 "
                                       "&& e.scrollWidth <= e.clientWidth + 1")
                assert shown and not title.inner_text().endswith("\u2026"), title.inner_text()
            save_screenshot(page, name, full_page=False)


def test_a_selected_place_shows_its_name_once(app_url):
    """The selection draws its marker again over the map's, its name in bold; the map's own
    name of it showed round the bold letters, a blurred double."""
    from playwright.sync_api import expect

    with settled_map_page(app_url, (1280, 720), "tour-selected") as session:
        page = session.page
        frame = page.frame_locator(MAP)
        # a town with its name shown, its symbol what a click at its centre reaches
        place, label = frame.locator(".leaflet-container").first.evaluate(CLICKABLE_JS)
        assert place, "no named place a click reaches"
        page.mouse.click(*centre(frame.locator(f'[data-place="{place}"]').first))
        page.wait_for_function("(id) => new URLSearchParams(location.search).get('place') "
                               "=== id", arg=place, timeout=WAIT_MS)
        expect(frame.locator(".atlas-selected").first).to_be_attached(timeout=WAIT_MS)
        page.wait_for_timeout(1000)
        seen = frame.locator(f'.atlas-pin:has([data-place="{place}"]) .atlas-label').evaluate_all(
            "labels => labels.filter(l => l.offsetParent"
            " && getComputedStyle(l).visibility !== 'hidden').map(l => l.textContent)")
        assert seen == [label], seen
        save_screenshot(page, "tour-selected", full_page=False)
