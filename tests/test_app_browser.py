"""The dashboard in a real browser: Debian chromium against `streamlit run app.py`, network cut.

The server gets its own database and seeds folder (FRONTLINE_DB, FRONTLINE_SEEDS): the seed
thread plus a hostile thread full of markup, so the user's data/ is never touched.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator

import pytest

from tests.browser import (
    MAP,
    WAIT_MS,
    BrowserSession,
    centre,
    chromium_page,
    save_screenshot,
    screenshot_if_test_fails,
    seeded_app,
)

pytestmark = pytest.mark.browser

PINS = ".atlas-pin"
ALEPPO = "geonames:170063"
HOSTILE = (
    "IS fighters <img src=x onerror=alert(1)> entered Manbij <script>alert(2)</script> today.\n"
    "Posted by: <b>Mallory</b> | 07 June 2016 at 05:06 PM\n"
    "The SDF took Azaz ${alert(3)} `x` {{7*7}} [link](javascript:alert(4)).\n"
    "Posted by: Eve | 07 June 2016 at 05:10 PM\n"
)


@pytest.fixture(scope="module")
def app_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with seeded_app(tmp_path_factory.mktemp("frontline"), extra={"hostile.txt": HOSTILE}) as url:
        yield url


@pytest.fixture
def browser(request: pytest.FixtureRequest) -> Iterator[BrowserSession]:
    with chromium_page(viewport=(1440, 900)) as session, screenshot_if_test_fails(
            request, session.page):
        dialogs: list[str] = []
        session.page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        session.dialogs = dialogs  # type: ignore[attr-defined]
        yield session


def open_map(session: BrowserSession, url: str) -> float:
    from playwright.sync_api import expect

    started = time.perf_counter()
    session.page.goto(url)
    expect(session.page.frame_locator(MAP).locator("[data-place]").first).to_be_visible(
        timeout=WAIT_MS)
    return time.perf_counter() - started


def settle(page) -> None:
    """Let the first view settle (the map fits its bounds, labels and fonts are laid out)."""
    page.wait_for_timeout(1500)


def pin_count(session: BrowserSession) -> int:
    return session.page.frame_locator(MAP).locator(PINS).count()


def test_map_renders_markers_and_base_layer_offline(app_url, browser):
    from playwright.sync_api import expect

    elapsed = open_map(browser, app_url)
    print(f"\ntime from goto to visible markers: {elapsed:.2f} s")
    frame = browser.page.frame_locator(MAP)
    expect(frame.locator(".atlas-country").first).to_be_attached()
    assert pin_count(browser) >= 15
    expect(frame.locator(f'[data-place="{ALEPPO}"]')).to_be_visible()
    expect(browser.page.get_by_text("Made with Natural Earth").first).to_be_attached()
    save_screenshot(browser.page, "app-map")
    assert browser.network.non_local() == [], browser.network.non_local()


def test_the_scale_bar_text_fits_its_bar(app_url, browser):
    open_map(browser, app_url)
    settle(browser.page)
    lines = browser.page.frame_locator(MAP).locator(".leaflet-control-scale-line")
    assert lines.count() == 2  # km and mi
    for i in range(lines.count()):
        text, needed, width = lines.nth(i).evaluate(
            "e => [e.textContent, e.scrollWidth, e.clientWidth]")
        assert needed <= width, f"scale '{text}' is {needed}px wide in a {width}px bar"


def test_clicking_a_marker_lists_its_comments_and_claims(app_url, browser):
    from playwright.sync_api import expect

    open_map(browser, app_url)
    page = browser.page
    settle(page)
    page.mouse.click(*centre(page.frame_locator(MAP).locator(f'[data-place="{ALEPPO}"]').first))
    expect(page.get_by_role("heading", name="Aleppo")).to_be_visible(timeout=WAIT_MS)
    expect(page.get_by_role("tab", name=re.compile(r"Comments \(\d+\)"))).to_be_visible()
    page.get_by_role("tab", name=re.compile(r"Comments")).click()
    expect(page.get_by_text("Lavrov's pledge to up support of SAA").filter(visible=True).first
           ).to_be_visible()
    page.wait_for_function("() => location.search.includes('place=geonames')", timeout=WAIT_MS)
    save_screenshot(page, "app-selected")


def test_moving_the_timeline_back_removes_markers(app_url, browser):
    from playwright.sync_api import expect

    open_map(browser, app_url)
    everything = pin_count(browser)
    thumb = browser.page.get_by_test_id("stMain").get_by_role("slider").first
    thumb.focus()
    thumb.press("Home")
    frame = browser.page.frame_locator(MAP)
    expect(frame.locator(f'[data-place="{"geonames:167357"}"]')).to_have_count(0,
                                                                              timeout=WAIT_MS)
    assert pin_count(browser) < everything
    browser.page.wait_for_function("() => location.search.includes('t=post')", timeout=WAIT_MS)


def test_a_shared_link_restores_the_view(app_url, browser):
    from playwright.sync_api import expect

    page = browser.page
    open_map(browser, f"{app_url}/?t=2016-06-07T20:00&side=is&place=geonames:172082")
    expect(page.get_by_role("heading", name="Azaz")).to_be_visible(timeout=WAIT_MS)
    expect(page.get_by_text("2016-06-07 20:00 · Babak Makkinejad").first).to_be_visible()
    expect(page.get_by_text("only: IS").first).to_be_visible()  # the sidebar starts folded
    # the 10 comments posted by 20:00 (the post, shown too, is not counted as a comment)
    expect(page.get_by_test_id("stMetricValue").first).to_have_text("10")


def test_a_nonsense_link_gives_a_note_not_an_error(app_url, browser):
    from playwright.sync_api import expect

    page = browser.page
    open_map(browser, f"{app_url}/?side=martians&conf=lots&t=banana")
    expect(page.get_by_text("ignored side=martians").first).to_be_visible(timeout=WAIT_MS)
    expect(page.get_by_text("ignored conf=lots").first).to_be_visible()
    expect(page.get_by_test_id("stException")).to_have_count(0)


def test_a_links_note_sits_beside_the_map_and_goes_with_the_first_click(app_url, browser):
    """The note about a bad parameter must not push the map down, nor outstay the reader's
    first click (a click reruns only the selection fragment, not the page)."""
    from playwright.sync_api import expect

    page = browser.page
    open_map(browser, f"{app_url}/?side=martians&t=banana")
    note = page.get_by_text("ignored side=martians").first
    expect(note).to_be_visible(timeout=WAIT_MS)
    settle(page)
    map_box = page.locator(MAP).bounding_box()
    assert note.bounding_box()["x"] >= map_box["x"] + map_box["width"] - 1  # beside the map
    assert map_box["y"] < 100, "the note pushed the map down"
    page.mouse.click(*centre(page.frame_locator(MAP).locator(
        f'[data-place="{ALEPPO}"]').first))
    expect(page.get_by_role("heading", name="Aleppo")).to_be_visible(timeout=WAIT_MS)
    expect(page.get_by_text("ignored side=martians")).to_have_count(0)


def test_the_share_link_at_the_root_has_a_slash_before_its_query(app_url, browser):
    from playwright.sync_api import expect

    page = browser.page
    open_map(browser, f"{app_url}/?side=is")
    page.get_by_text("Share this view").click()
    code = page.get_by_test_id("stCode").first
    expect(code).to_contain_text("side=is", timeout=WAIT_MS)
    assert code.inner_text().strip().startswith(f"{app_url}/?"), code.inner_text()


def test_markup_in_a_comment_stays_text(app_url, browser):
    from playwright.sync_api import expect

    page = browser.page
    open_map(browser, f"{app_url}/?thread=hostile.txt")
    frame = page.frame_locator(MAP)
    manbij = frame.locator('[data-place="geonames:167357"]').first
    settle(page)
    page.mouse.click(*centre(manbij))
    expect(page.get_by_role("heading", name="Manbij")).to_be_visible(timeout=WAIT_MS)
    page.get_by_role("tab", name=re.compile(r"Comments")).click()
    expect(page.get_by_text("<img src=x onerror=alert(1)>").filter(visible=True).first
           ).to_be_visible()
    expect(page.get_by_text("<script>alert(2)</script>").filter(visible=True).first
           ).to_be_visible()
    page.wait_for_timeout(1000)
    assert browser.dialogs == []  # type: ignore[attr-defined]
    assert page.locator("img[onerror]").count() == 0
    assert frame.locator("img[onerror]").count() == 0
    assert page.locator("script", has_text="alert(2)").count() == 0
    save_screenshot(page, "app-hostile")


@pytest.mark.parametrize("page_path", ["Places", "Thread", "Claims", "Commenters", "Ingest"])
def test_no_page_runs_markup_from_a_comment(app_url, browser, page_path):
    from playwright.sync_api import expect

    page = browser.page
    page.goto(f"{app_url}/{page_path}?thread=hostile.txt")
    expect(page.get_by_test_id("stSidebar")).to_be_visible(timeout=WAIT_MS)
    page.wait_for_timeout(3000)  # let every element render
    expect(page.get_by_test_id("stException")).to_have_count(0)
    if page_path == "Thread":
        expect(page.get_by_text("<img src=x onerror=alert(1)>").first).to_be_visible()
    assert browser.dialogs == []  # type: ignore[attr-defined]
    for frame in page.frames:
        assert frame.locator("img[onerror]").count() == 0
        assert frame.locator("script", has_text="alert(").count() == 0
        assert frame.locator('a[href^="javascript:"]').count() == 0
    assert browser.network.non_local() == [], browser.network.non_local()


def shown_comments(page) -> int:
    return int(page.get_by_test_id("stMetricValue").first.inner_text())


def test_play_steps_through_the_thread_and_pause_stops_it(app_url, browser):
    from playwright.sync_api import expect

    page = browser.page
    open_map(browser, f"{app_url}/?t=post&speed=4")
    button = page.locator(".st-key-play button").filter(visible=True).first
    assert shown_comments(page) == 0  # the post alone: no comment yet
    expect(button).to_contain_text("Play")
    button.click()
    expect(button).to_contain_text("Pause", timeout=WAIT_MS)
    save_screenshot(page, "app-playing", full_page=False)  # the pause glyph, Debian's fonts
    page.wait_for_function(
        "() => Number(document.querySelector('[data-testid=stMetricValue]').innerText) >= 4",
        timeout=WAIT_MS)
    button.click()
    expect(button).to_contain_text("Play", timeout=WAIT_MS)  # after a pause: play again
    page.wait_for_timeout(1500)  # a step already under way may still land
    paused = shown_comments(page)
    page.wait_for_timeout(2500)
    assert shown_comments(page) == paused
    save_screenshot(page, "app-paused", full_page=False)


def test_play_ends_on_play_and_a_press_starts_again(app_url, browser):
    from playwright.sync_api import expect

    page = browser.page
    open_map(browser, f"{app_url}/?t=23&speed=4")  # three steps before the end
    button = page.locator(".st-key-play button").filter(visible=True).first
    button.click()  # to the last of the seed's 25 comments
    page.wait_for_function(
        "() => Number(document.querySelector('[data-testid=stMetricValue]').innerText) >= 25",
        timeout=WAIT_MS)
    expect(button).to_contain_text("Play", timeout=WAIT_MS)  # the end: not stuck on pause
    button.click()  # starts again from the beginning
    page.wait_for_function(
        "() => Number(document.querySelector('[data-testid=stMetricValue]').innerText) <= 3",
        timeout=WAIT_MS)
    button.click()
    expect(button).to_contain_text("Play", timeout=WAIT_MS)


def test_a_sliding_window_from_the_link(app_url, browser):
    from playwright.sync_api import expect

    page = browser.page
    page.goto(f"{app_url}/?t=2016-06-07T20:00&window=3")  # three comments naming countries
    expect(page.get_by_text("showing the last 3 comments").first).to_be_visible(timeout=WAIT_MS)
    expect(page.get_by_test_id("stMetricValue").first).to_have_text("3")
    expect(page.get_by_text("Feed · 3 items").first).to_be_visible()


def test_the_sidebar_names_every_page_and_keeps_the_view_across_them(app_url, browser):
    from playwright.sync_api import expect

    open_map(browser, f"{app_url}/?side=is&t=2016-06-07T20:30")
    page = browser.page
    page.get_by_test_id("stExpandSidebarButton").click()  # folded on the map page
    links = page.get_by_test_id("stSidebarNavLink")
    expect(links).to_have_count(6, timeout=WAIT_MS)
    titles = [t.split("\n")[-1].strip() for t in links.all_inner_texts()]  # after the icon
    assert titles == ["Map", "Places", "Thread", "Claims", "Commenters", "Ingest"]
    page.locator("[data-testid=stSidebarNavLink][href$='/Thread']").click()
    expect(page).to_have_url(re.compile(r"/Thread\?.*side=is"), timeout=WAIT_MS)
    expect(page.get_by_role("heading", name="Thread")).to_be_visible()


@pytest.mark.parametrize("name, size, message", [
    ("big.txt", 5 * 1024 * 1024 + 10, "over the 5 MB limit"),
    ("thread.pdf", 100, "is not a thread file"),
])
def test_a_refused_upload_says_why_on_the_page(app_url, browser, name, size, message):
    from playwright.sync_api import expect

    page = browser.page
    page.goto(f"{app_url}/Ingest")
    chooser = page.locator("input[type=file]")
    expect(chooser).to_be_attached(timeout=WAIT_MS)
    chooser.set_input_files({"name": name, "mimeType": "text/plain", "buffer": b"x" * size})
    expect(page.get_by_text(message).first).to_be_visible(timeout=WAIT_MS)
    save_screenshot(page, f"ingest-refused-{name}", full_page=False)


def test_the_upload_box_gives_one_size_limit(app_url, browser):
    """The label says 5 MB; the uploader's own "50MB per file" must not contradict it."""
    from playwright.sync_api import expect

    page = browser.page
    page.goto(f"{app_url}/Ingest")
    expect(page.locator("input[type=file]")).to_be_attached(timeout=WAIT_MS)
    expect(page.get_by_text("at most 5 MB").first).to_be_visible()
    expect(page.get_by_text(re.compile(r"\d+ ?MB per file"))).to_be_hidden()
