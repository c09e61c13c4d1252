"""The map works with no internet: local Leaflet/jQuery, an outline base map, clickable markers.

The browser tests run tests/fixtures/offline_map_app.py in a real Streamlit server and load it
in Chromium with every non-local request refused (tests/browser.py). The map is drawn by
streamlit-folium inside a component iframe, hence the frame locator.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path

import folium
import folium.plugins
import pytest

from atlas.map.assets import (
    install_static_assets,
    remote_asset_urls,
    use_local_assets,
    vendor_files,
)
from atlas.map.basemap import COUNTRY_CLASS, SEA_COLOR, base_map, countries_geojson
from tests.browser import (
    REPO_ROOT,
    BrowserSession,
    artifact_path,
    chromium_page,
    require_browser,
    save_screenshot,
    screenshot_if_test_fails,
    streamlit_server,
)

APP = REPO_ROOT / "tests" / "fixtures" / "offline_map_app.py"
MAP_IFRAME = 'iframe[src*="streamlit_folium.st_folium"]'
MARKERS = ".leaflet-overlay-pane path.leaflet-interactive"
COUNTRIES = f".leaflet-overlay-pane path.{COUNTRY_CLASS}"
WAIT_MS = 30_000


def _rgb(hex_color: str) -> str:
    r, g, b = (int(hex_color[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgb({r}, {g}, {b})"


# --- without a browser ------------------------------------------------------------------


def test_local_assets_leave_no_remote_url_on_the_map() -> None:
    use_local_assets()
    m = base_map(center=(36.2, 37.16), zoom=7)
    folium.CircleMarker((36.2, 37.16), popup="x", tooltip="y").add_to(m)
    folium.LayerControl().add_to(m)
    assert remote_asset_urls(m) == []
    html = m.get_root().render()
    assert "/app/static/vendor/leaflet/leaflet.js" in html
    assert "/app/static/vendor/jquery/jquery.min.js" in html
    assert "https://" not in html.split("<body>")[0]  # no CDN link in the page head


def test_remote_asset_urls_flags_cdn_assets() -> None:
    use_local_assets()
    m = base_map(center=(36.2, 37.16), zoom=7)
    folium.plugins.MiniMap().add_to(m)  # a plugin that still loads from a CDN
    remote = remote_asset_urls(m)
    assert remote and all(url.startswith("https://") for url in remote)
    assert any("minimap" in url.lower() for url in remote)


def test_base_map_is_offline_unless_asked() -> None:
    offline = base_map(center=(36.2, 37.16), zoom=7)
    assert not any(isinstance(c, folium.TileLayer) for c in offline._children.values())
    online = base_map(center=(36.2, 37.16), zoom=7, online_tiles=True)
    tiles = [c for c in online._children.values() if isinstance(c, folium.TileLayer)]
    assert len(tiles) == 1 and "openstreetmap" in tiles[0].tiles
    assert tiles[0].show is True  # asked for: shown, with a control to switch back
    assert any(isinstance(c, folium.LayerControl) for c in online._children.values())


def test_base_map_does_not_mutate_cached_countries() -> None:
    before = [dict(f) for f in countries_geojson()["features"]]
    base_map(center=(0, 0), zoom=2).get_root().render()
    assert countries_geojson()["features"] == before


def test_install_static_assets_copies_once(tmp_path: Path) -> None:
    vendor = install_static_assets(tmp_path)
    assert vendor == tmp_path / "static" / "vendor"
    for rel, src in vendor_files().items():
        assert (vendor / rel).read_bytes() == src.read_bytes(), rel
    leaflet = vendor / "leaflet" / "leaflet.js"
    stamp = leaflet.stat().st_mtime_ns
    os.utime(leaflet, ns=(stamp, stamp))  # unchanged file: must not be rewritten
    install_static_assets(tmp_path)
    assert leaflet.stat().st_mtime_ns == stamp
    leaflet.write_text("tampered")  # changed file: must be restored
    install_static_assets(tmp_path)
    assert leaflet.read_bytes() == vendor_files()["leaflet/leaflet.js"].read_bytes()


# --- in Chromium, network cut -------------------------------------------------------------


@pytest.fixture(scope="module")
def app_url() -> Iterator[str]:
    require_browser()
    with streamlit_server(APP) as url:
        yield url


@pytest.fixture
def browser(request: pytest.FixtureRequest) -> Iterator[BrowserSession]:
    with chromium_page() as session, screenshot_if_test_fails(request, session.page):
        yield session


def _open_map(session: BrowserSession, url: str) -> float:
    """Load the app; return seconds from goto until the first marker is visible."""
    from playwright.sync_api import expect

    started = time.perf_counter()
    session.page.goto(url)
    frame = session.page.frame_locator(MAP_IFRAME)
    expect(frame.locator(MARKERS).first).to_be_visible(timeout=WAIT_MS)
    return time.perf_counter() - started


@pytest.mark.browser
def test_map_renders_with_network_cut(app_url: str, browser: BrowserSession) -> None:
    from playwright.sync_api import expect

    page = browser.page
    try:
        elapsed = _open_map(browser, app_url)
        print(f"time from goto to visible markers: {elapsed:.2f} s")
        frame = page.frame_locator(MAP_IFRAME)

        expect(frame.locator(".leaflet-container")).to_have_count(1)
        expect(frame.locator(MARKERS)).to_have_count(2)
        # One SVG path per country; those in view have real geometry, not Leaflet's "M0 0".
        countries = frame.locator(COUNTRIES)
        expect(countries).to_have_count(len(countries_geojson()["features"]))
        # The outlines arrive by a fetch after the markers: poll until they are drawn.
        deadline = time.monotonic() + WAIT_MS / 1000
        while True:
            drawn = countries.evaluate_all(
                "ps => ps.filter(p => (p.getAttribute('d') || '').length > 50).length"
            )
            if drawn >= 3 or time.monotonic() > deadline:
                break
            time.sleep(0.25)
        assert drawn >= 3, f"only {drawn} country outlines drawn in view"
        sea = frame.locator(".leaflet-container").evaluate(
            "e => getComputedStyle(e).backgroundColor"
        )
        assert sea == _rgb(SEA_COLOR)
        expect(frame.locator(".leaflet-tile")).to_have_count(0)  # no tile layer offline
    finally:
        save_screenshot(page, "offline_map")
    print("offline_map screenshot:", artifact_path("offline_map"))

    net = browser.network
    assert net.non_local() == [], f"requests tried to leave the machine: {net.non_local()}"
    assert net.matching(r"/app/static/vendor/leaflet/leaflet\.js$"), "leaflet not served locally"
    assert net.matching(r"/app/static/vendor/jquery/jquery\.min\.js$"), "jquery not served"
    assert net.bad_responses == [], net.bad_responses


@pytest.mark.browser
def test_marker_click_opens_popup_and_reaches_streamlit(
    app_url: str, browser: BrowserSession
) -> None:
    from playwright.sync_api import expect

    page = browser.page
    _open_map(browser, app_url)
    frame = page.frame_locator(MAP_IFRAME)
    expect(page.get_by_text("no marker clicked yet")).to_be_visible(timeout=WAIT_MS)

    frame.locator(MARKERS).first.click()  # Aleppo, added first

    popup = frame.locator(".leaflet-popup-content")
    expect(popup).to_be_visible(timeout=WAIT_MS)
    expect(popup.locator("b")).to_have_text("Aleppo")
    expect(popup).to_contain_text("<script>")  # escaped markup shows as text...
    expect(popup.locator("script")).to_have_count(0)  # ...and is not an element

    clicked = page.get_by_test_id("stJson")
    expect(clicked).to_contain_text("36.2", timeout=WAIT_MS)
    expect(clicked).to_contain_text("37.16")
    expect(page.get_by_text("no marker clicked yet")).to_have_count(0)
    assert browser.network.non_local() == [], browser.network.non_local()
