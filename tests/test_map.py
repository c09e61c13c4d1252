"""The folium drawing of a View (atlas/map/): markers, arrows, areas, escaping, clicks.

Most tests use a small hand-made corpus whose every place, claim and precision is known, so each
assertion names the exact symbol it expects; the last ones run the seed thread through the real
pipeline and check the properties that must hold for any thread.
"""

from __future__ import annotations

import re
from pathlib import Path

import folium
import pytest

import atlas.map as mapview
from atlas.map import geometry, plan
from atlas.map.assets import remote_asset_urls, use_local_assets
from atlas.map.basemap import base_map
from atlas.map.declutter import badge_boxes, boxes_overlap
from atlas.map.labels import label_boxes
from atlas.view import Filters, apply_filters
from geo.records import Actor, Claim, Corpus, Entry, Mention, Place

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_c3b9a48d73eaee79.txt"
PAYLOAD = "<img src=x onerror=alert(1)> `${alert(2)}`"

ACTORS = [
    Actor("is", "Islamic State (IS)", "IS", "#222222"),
    Actor("rebels", "Rebels", "Nusra and other rebels", "#117733"),
    Actor("sdf", "Syrian Democratic Forces / YPG", "SDF/YPG", "#DDAA33"),
    Actor("saa", "Syrian Arab Army", "SAA and allies", "#CC3311"),
]

ALEPPO = Place("aleppo", "Aleppo", "city", "SY", 36.20124, 37.16117, "g:1")
AZAZ = Place("azaz", "I‘zāz", "town", "SY", 36.58662, 37.04628, "g:2")
MANBIJ = Place("manbij", "Manbij", "town", "SY", 36.52815, 37.95495, "g:3")
RAQQA = Place("raqqa", "Ar Raqqah", "city", "SY", 35.95283, 39.00788, "g:4")
TABQA = Place("tabqa", "Tabqa air base", "facility", "SY", 35.7547, 38.5667, "s:1")
QARA = Place("qara", "Qara Qozak bridge", "crossing", "SY", 36.639, 38.215, "s:2")
CASTELLO = Place(
    "castello", "Castello road", "road", "SY", 36.26, 37.148, "s:3",
    geometry={"type": "LineString",
              "coordinates": [[37.136, 36.233], [37.14, 36.248], [37.148, 36.262],
                              [37.156, 36.276], [37.165, 36.287]]},
)
GOVERNORATE = Place("aleppo_gov", "Aleppo Governorate", "region", "SY", 36.22, 37.55, "s:4",
                    extent_km=75)
JARABULUS = Place("jarabulus", "Jarābulus", "town", "SY", 36.8175, 38.01111, "g:5")
AFRIN = Place("afrin", "‘Afrīn", "town", "SY", 36.51194, 36.86954, "g:6")
SYRIA = Place("syria", "Syria", "country", "SY", 35.0229, 38.5045, "g:7")
GERMANY = Place("germany", "Germany", "country", "DE", 51.1338, 10.2885, "g:8")
EUROPE = Place("europe", "Europe", "region", "EU", 50.0, 15.0, "s:5", extent_km=1500)
PLACES = [ALEPPO, AZAZ, MANBIJ, RAQQA, TABQA, QARA, CASTELLO, GOVERNORATE, JARABULUS, AFRIN,
          SYRIA, GERMANY, EUROPE]
OFF_MAP = {"syria", "germany", "europe"}


def _entry(i: int, author: str, posted_at: str | None, text: str) -> Entry:
    return Entry(id=i, kind="post" if i == 0 else "comment", author=author, posted_at=posted_at,
                 text=text, start=0, end=len(text))


def _mention(place: Place, entry: int, text: str, surface: str, precision: int = 1) -> Mention:
    start = text.index(surface)
    return Mention(place=place.id, entry=entry, start=start, end=start + len(surface),
                   surface=surface, confidence=0.9, precision=precision)


def _claim(cid: str, entry: Entry, clause: str, actor: str, action: str,
           places: tuple[str, ...], *, origin: str | None = None, destination: str | None = None,
           modality: str = "reported", disputes: tuple[str, ...] = (),
           disputed_by: tuple[str, ...] = ()) -> Claim:
    start = entry.text.index(clause)
    return Claim(id=cid, entry=entry.id, author=entry.author, posted_at=entry.posted_at,
                 actor=actor, action=action, places=places, origin=origin,
                 destination=destination, modality=modality, start=start,
                 end=start + len(clause), quote=clause, disputes=disputes,
                 disputed_by=disputed_by)


def small_corpus() -> Corpus:
    """Post: Aleppo, Azaz, Syria, Germany. Comment 1 (Barish): movements, Raqqa, the road.
    Comment 2 (a hostile name): the rest, with markup in the text and in the author."""
    post = ("IS took Azaz. Rebels hold Aleppo. Syria is a mess, and Germany says so. "
            "Somewhere near Jarabulus and in the Afrin area there is fighting.")
    one = ("IS moved from Azaz to Aleppo. SAA will advance from Tabqa air base to Raqqa. "
           "Rebels took the Castello road. SDF took Raqqa. Aleppo Province is quiet. "
           "Europe watches. Manbij is besieged by IS.")
    two = f"Qara Qozak bridge {PAYLOAD} Aleppo again."
    entries = [_entry(0, "pl", None, post),
               _entry(1, "Barish", "2016-06-07T17:26:00", one),
               _entry(2, PAYLOAD, "2016-06-07T18:00:00", two)]
    mentions = [
        _mention(AZAZ, 0, post, "Azaz"), _mention(ALEPPO, 0, post, "Aleppo"),
        _mention(SYRIA, 0, post, "Syria", 3), _mention(GERMANY, 0, post, "Germany", 3),
        _mention(JARABULUS, 0, post, "Jarabulus", 2), _mention(AFRIN, 0, post, "Afrin", 3),
        _mention(AZAZ, 1, one, "Azaz"), _mention(ALEPPO, 1, one, "Aleppo"),
        _mention(TABQA, 1, one, "Tabqa air base"), _mention(RAQQA, 1, one, "Raqqa"),
        _mention(CASTELLO, 1, one, "Castello road"),
        _mention(GOVERNORATE, 1, one, "Aleppo Province", 3),
        _mention(EUROPE, 1, one, "Europe", 3), _mention(MANBIJ, 1, one, "Manbij"),
        _mention(QARA, 2, two, "Qara Qozak bridge"),
        Mention(place=ALEPPO.id, entry=2, start=two.index("Aleppo"),
                end=two.index("Aleppo") + 6, surface=f"Aleppo{PAYLOAD}", confidence=0.9),
    ]
    e0, e1, e2 = entries
    claims = [
        _claim("c1", e0, "IS took Azaz", "is", "capture", ("azaz",)),
        _claim("c2", e0, "Rebels hold Aleppo", "rebels", "control", ("aleppo",),
               disputed_by=("c5",)),
        _claim("c3", e1, "IS moved from Azaz to Aleppo", "is", "redeploy", ("azaz", "aleppo"),
               origin="azaz", destination="aleppo"),
        _claim("c4", e1, "SAA will advance from Tabqa air base to Raqqa", "saa", "advance",
               ("tabqa", "raqqa"), origin="tabqa", destination="raqqa", modality="predicted"),
        _claim("c5", e1, "Rebels took the Castello road", "rebels", "capture", ("castello",),
               modality="disputed", disputes=("c2",)),
        _claim("c6", e1, "SDF took Raqqa", "sdf", "capture", ("raqqa",)),
        _claim("c7", e1, "Manbij is besieged by IS", "is", "besiege", ("manbij",)),
        _claim("c8", e1, "IS moved from Azaz to Aleppo", "is", "attack", ("aleppo",)),
        _claim("c9", e2, "Qara Qozak bridge", "sdf", "advance", ("qara",), destination="qara"),
    ]
    return Corpus(source="small", entries=entries, places=list(PLACES), mentions=mentions,
                  actors=list(ACTORS), claims=claims)


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return small_corpus()


@pytest.fixture(scope="module")
def view(corpus):
    return apply_filters(corpus, Filters())


def children(group: folium.FeatureGroup, kind: type) -> list:
    return [c for c in group._children.values() if type(c) is kind]


def classed(group: folium.FeatureGroup, kind: type, css: str) -> list:
    """Vector shapes of one kind drawn with one CSS class (the role mapview gives them)."""
    return [c for c in children(group, kind) if c.options.get("className") == css]


def pins(group: folium.FeatureGroup) -> list[folium.Marker]:
    """The place markers (not the arrowheads): Markers whose DivIcon is an atlas-pin."""
    return [m for m in children(group, folium.Marker)
            if m.icon is not None and "atlas-pin" in m.icon.options.get("class_name", "")]


def pin_place(marker: folium.Marker) -> str:
    found = re.search(r'data-place="([^"]+)"', marker.icon.options["html"])
    assert found, marker.icon.options["html"]
    return found.group(1)


def pin_of(group: folium.FeatureGroup, place_id: str) -> folium.Marker:
    return next(m for m in pins(group) if pin_place(m) == place_id)


def render(group: folium.FeatureGroup) -> str:
    use_local_assets()
    m = base_map(center=(36.2, 37.16), zoom=8)
    group.add_to(m)
    return m.get_root().render()


# --- markers ------------------------------------------------------------------------------


def test_one_marker_per_drawn_place_and_countries_listed_instead(view):
    group = mapview.place_layers(view)
    assert group.layer_name == mapview.LAYER_NAME == "Thread"
    drawn = sorted(pin_place(m) for m in pins(group))
    assert drawn == sorted(p.id for p in view.places if p.id not in OFF_MAP)
    assert {p.id for p in mapview.off_map_places(view)} == OFF_MAP


def test_marker_size_grows_with_mentions(view):
    group = mapview.place_layers(view)

    def width(place_id: str) -> int:
        html = pin_of(group, place_id).icon.options["html"]
        return int(re.search(r'class="atlas-sym[^"]*" style="width:(\d+)px', html).group(1))

    assert view.counts["aleppo"] == 3 and view.counts["jarabulus"] == 1
    assert width("aleppo") > width("jarabulus")


def test_colours_come_from_the_sides(view):
    group = mapview.place_layers(view)
    # Aleppo: rebels hold it (a reported control claim) -> rebels' green fill, then attacked
    # by IS -> contested split green/black
    aleppo = pin_of(group, "aleppo").icon.options["html"]
    assert "linear-gradient(90deg,#117733 50%,#222222 50%)" in aleppo
    # Jarabulus: no side named anywhere near it -> neutral grey
    assert f"background:{mapview.NEUTRAL}" in pin_of(group, "jarabulus").icon.options["html"]


def test_kinds_have_their_own_symbols(view):
    group = mapview.place_layers(view)
    assert "atlas-dot" in pin_of(group, "azaz").icon.options["html"]
    assert "atlas-diamond" in pin_of(group, "tabqa").icon.options["html"]
    assert "✈" in pin_of(group, "tabqa").icon.options["html"]
    assert "atlas-bridge" in pin_of(group, "qara").icon.options["html"]
    assert "atlas-roadmark" in pin_of(group, "castello").icon.options["html"]


def test_road_is_a_polyline_with_its_marker_half_way(view):
    group = mapview.place_layers(view)
    roads = classed(group, folium.PolyLine, "atlas-road")
    assert len(roads) == 1
    coords = CASTELLO.geometry["coordinates"]
    assert roads[0].locations == [[lat, lon] for lon, lat in coords]
    lat, lon = pin_of(group, "castello").location
    assert 36.233 < lat < 36.287 and 37.136 < lon < 37.165  # on the line, not at place.lat/lon
    assert (lat, lon) != (CASTELLO.lat, CASTELLO.lon)


def test_region_is_a_dashed_circle_of_its_extent_not_a_pin_in_its_capital(view):
    group = mapview.place_layers(view)
    outlines = classed(group, folium.Circle, "atlas-region")
    assert len(outlines) == 1
    assert outlines[0].location == [GOVERNORATE.lat, GOVERNORATE.lon]
    assert outlines[0].options["radius"] == 75_000
    assert outlines[0].options["dashArray"]
    assert "atlas-regionmark" in pin_of(group, "aleppo_gov").icon.options["html"]
    # Europe is a continent: listed, not drawn as a 1500 km circle
    assert all(c.options["radius"] < 400_000 for c in children(group, folium.Circle))


def test_imprecise_places_get_halos_of_their_precision(view):
    group = mapview.place_layers(view)
    halos = {c.options["className"]: c for c in children(group, folium.Circle)
             if "atlas-halo" in c.options.get("className", "")}
    assert set(halos) == {"atlas-halo atlas-halo-2", "atlas-halo atlas-halo-3"}
    assert halos["atlas-halo atlas-halo-2"].location == [JARABULUS.lat, JARABULUS.lon]
    assert halos["atlas-halo atlas-halo-2"].options["radius"] == 5_000
    assert halos["atlas-halo atlas-halo-3"].location == [AFRIN.lat, AFRIN.lon]
    assert halos["atlas-halo atlas-halo-3"].options["radius"] == 15_000
    # Aleppo is named exactly: no halo; the governorate is an area already: no halo either
    assert all(h.location != [ALEPPO.lat, ALEPPO.lon] for h in halos.values())


def test_status_symbols(view):
    group = mapview.place_layers(view)
    manbij = pin_of(group, "manbij").icon.options["html"]
    assert "atlas-siege" in manbij and "border-color:#222222" in manbij  # besieged by IS
    aleppo = pin_of(group, "aleppo").icon.options["html"]
    assert "✸" in aleppo  # attacked
    castello_casing = classed(group, folium.PolyLine, "atlas-road-casing")
    assert castello_casing[0].options["color"] == mapview.DISPUTED  # disputed capture
    assert 'atlas-q"' in aleppo or "atlas-q " in aleppo  # the control claim it disputes
    qara = pin_of(group, "qara").icon.options["html"]
    assert "↗" in qara  # SDF advance to it, from where not said
    assert "✸" not in pin_of(group, "jarabulus").icon.options["html"]


# --- arrows -------------------------------------------------------------------------------


def arrows(group: folium.FeatureGroup) -> list[folium.PolyLine]:
    return classed(group, folium.PolyLine, "atlas-arrow")


def heads(group: folium.FeatureGroup) -> list[folium.Marker]:
    return [m for m in children(group, folium.Marker)
            if m.icon is not None and m.icon.options.get("class_name") == "atlas-arrowhead"]


def test_movement_claims_are_arrows_from_origin_to_destination(view):
    group = mapview.place_layers(view)
    lines = arrows(group)
    assert len(lines) == 2
    by_end = {tuple(line.locations[-1]): line for line in lines}
    is_arrow = by_end[(ALEPPO.lat, ALEPPO.lon)]
    assert tuple(is_arrow.locations[0]) == (AZAZ.lat, AZAZ.lon)
    assert is_arrow.options["color"] == "#222222"  # IS
    assert is_arrow.options["dashArray"] is None  # reported
    saa_arrow = by_end[(RAQQA.lat, RAQQA.lon)]
    assert tuple(saa_arrow.locations[0]) == (TABQA.lat, TABQA.lon)
    assert saa_arrow.options["dashArray"]  # predicted: dashed
    # one arrowhead per arrow, at the destination, turned the way the arrow goes:
    # Azaz -> Aleppo runs south (~165 deg), Tabqa -> Raqqa north-east (~50 deg)
    angles = {}
    for head in heads(group):
        angle = float(re.search(r"rotate\(([\d.]+)deg\)", head.icon.options["html"]).group(1))
        angles[tuple(head.location)] = angle
    assert set(angles) == {(ALEPPO.lat, ALEPPO.lon), (RAQQA.lat, RAQQA.lon)}
    assert 135 < angles[(ALEPPO.lat, ALEPPO.lon)] < 200
    assert 20 < angles[(RAQQA.lat, RAQQA.lon)] < 80


def test_moving_back_in_time_removes_places_and_arrows(corpus):
    steps_post_only = apply_filters(corpus, Filters(until=0))
    group = mapview.place_layers(steps_post_only)
    drawn = {pin_place(m) for m in pins(group)}
    assert drawn == {"azaz", "aleppo", "jarabulus", "afrin"}
    assert arrows(group) == []
    later = {pin_place(m) for m in pins(mapview.place_layers(apply_filters(corpus, Filters())))}
    assert {"raqqa", "tabqa", "qara", "castello"} <= later - drawn


def test_a_side_filter_keeps_only_that_sides_arrows(corpus):
    group = mapview.place_layers(apply_filters(corpus, Filters(sides=frozenset({"IS"}))))
    assert [line.options["color"] for line in arrows(group)] == ["#222222"]


# --- escaping and offline -----------------------------------------------------------------


def test_thread_text_is_escaped_in_the_rendered_map(view):
    html = render(mapview.place_layers(view, selected="aleppo"))
    assert "<img src=x" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html  # the author, in Aleppo's summary
    # folium puts popups and tooltips in JavaScript template literals: none may hold "${"
    literals = re.findall(r"`([^`]*)`", html)
    assert literals and not any("${" in literal for literal in literals)
    assert "&#36;{alert(2)}" in html


def test_a_label_taken_from_the_thread_is_escaped_too():
    """A gazetteer name with marks gives way to the thread's spelling, which is thread text."""
    text = "Ab`${alert(3)}`<img src=x> is far."
    surface = text[: text.index(" is")]
    place = Place("ab", "‘Āb", "town", "SY", 36.0, 37.0, "g:9")
    corpus = Corpus(source="x", entries=[_entry(0, "pl", None, text)], places=[place],
                    mentions=[_mention(place, 0, text, surface)], actors=list(ACTORS))
    view = apply_filters(corpus, Filters())
    group = mapview.place_layers(view)
    html = pin_of(group, "ab").icon.options["html"]
    assert "Ab&#96;&#36;{alert(3)}&#96;&lt;img src=x&gt;" in html
    rendered = render(group)
    assert "<img src=x" not in rendered
    assert not any("${" in literal for literal in re.findall(r"`([^`]*)`", rendered))


def test_the_map_loads_nothing_from_the_internet(view):
    use_local_assets()
    m = base_map(center=(36.2, 37.16), zoom=8)
    mapview.place_layers(view, selected="azaz").add_to(m)
    assert remote_asset_urls(m) == []


def test_every_marker_has_a_summary_on_hover_and_no_popup_over_its_neighbours(view):
    group = mapview.place_layers(view)
    for marker in pins(group):
        kinds = {type(c) for c in marker._children.values()}
        assert folium.Tooltip in kinds and folium.Popup not in kinds, pin_place(marker)
    text = next(c for c in pin_of(group, "aleppo")._children.values()
                if isinstance(c, folium.Tooltip)).text
    # mentions: post, Barish, the hostile comment; claims: held, moved to, attacked
    assert "<b>3</b> mentions" in text and "<b>3</b> claims" in text
    assert "<b>3</b> commenters" in text


def test_the_selected_place_is_emphasised(view):
    group = mapview.place_layers(view, selected="raqqa")
    raqqa = pin_of(group, "raqqa")
    assert "atlas-selected" in raqqa.icon.options["class_name"]
    assert "atlas-sel" in raqqa.icon.options["html"]
    assert "atlas-selected" not in pin_of(group, "aleppo").icon.options["class_name"]


# --- clicks -------------------------------------------------------------------------------


def test_place_at_finds_each_place_at_its_marker(view):
    group = mapview.place_layers(view)
    for marker in pins(group):
        lat, lng = marker.location
        assert mapview.place_at(view, lat, lng) == pin_place(marker)


def test_place_at_resolves_clicks_on_lines_and_areas(view):
    # Leaflet reports a click on a vector shape where the mouse was
    assert mapview.place_at(view, 36.248, 37.14) == "castello"  # a vertex of the road
    east_edge = (GOVERNORATE.lat, GOVERNORATE.lon + 75 / (111.32 * 0.8066))
    assert mapview.place_at(view, *east_edge) == "aleppo_gov"  # on its dashed outline
    assert mapview.place_at(view, 36.05, 37.70) == "aleppo_gov"  # inside it
    assert mapview.place_at(view, 33.0, 30.0) is None  # the sea
    assert mapview.place_at(view, SYRIA.lat, SYRIA.lon) is None  # countries are not drawn


# --- framing and legend -------------------------------------------------------------------


def test_map_center_frames_the_front_not_far_countries(view):
    (lat, lon), zoom = mapview.map_center(view)
    assert 35.5 < lat < 37.0 and 36.8 < lon < 39.2  # between Aleppo and Raqqa, not Germany
    assert 7 <= zoom <= 9


def test_map_center_of_an_empty_view_is_syria(corpus):
    empty = apply_filters(corpus, Filters(commenters=frozenset({"nobody"})))
    assert mapview.map_center(empty) == ((35.0, 38.5), 6)


def test_legend_lists_what_the_map_shows(view):
    items = mapview.legend_items(view)
    symbols = {item["symbol"] for item in items}
    assert {"side", "neutral", "town", "facility", "crossing", "road", "region", "arrow",
            "arrow-dashed", "move-in", "attacked", "besieged", "contested", "disputed",
            "halo-near", "halo-area", "off-map"} <= symbols
    sides = [item["label"] for item in items if item["symbol"] == "side"]
    assert sides == ["IS", "Nusra and other rebels", "SDF/YPG", "SAA and allies"]
    colours = {item["label"]: item["colour"] for item in items if item["symbol"] == "side"}
    assert colours["SDF/YPG"] == "#DDAA33"
    off_map = next(item["label"] for item in items if item["symbol"] == "off-map")
    assert "Syria" in off_map and "Germany" in off_map


def test_legend_is_small_escaped_html(corpus):
    hostile = Corpus(source="x", entries=corpus.entries, places=corpus.places,
                     mentions=corpus.mentions, claims=corpus.claims,
                     actors=[*ACTORS[:3], Actor("saa", "SAA", "<b>SAA</b>", "javascript:x")])
    items = mapview.legend_items(apply_filters(hostile, Filters()))
    html = mapview.legend_html(items)
    assert "&lt;b&gt;SAA&lt;/b&gt;" in html and "<b>SAA" not in html
    assert "javascript" not in html  # a colour that is not a colour is not written out
    assert mapview.legend_html([]).startswith("<div")


def test_legend_of_the_post_alone_has_no_arrows(corpus):
    symbols = {i["symbol"] for i in mapview.legend_items(apply_filters(corpus, Filters(until=0)))}
    assert "arrow" not in symbols and "road" not in symbols


# --- the seed thread ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_view():
    from geo.pipeline import build_corpus

    seed = build_corpus(SEED.read_text(encoding="utf-8"), source=SEED.name)
    return apply_filters(seed, Filters())


def test_seed_map_has_a_clickable_marker_for_every_drawn_place(seed_view):
    group = mapview.place_layers(seed_view)
    drawn = {p.id for p in seed_view.places} - {p.id for p in mapview.off_map_places(seed_view)}
    assert {pin_place(m) for m in pins(group)} == drawn
    for marker in pins(group):
        assert mapview.place_at(seed_view, *marker.location) == pin_place(marker)
    html = render(group)
    assert "Aleppo" in html and "Manbij" in html


def test_seed_map_is_framed_on_northern_syria(seed_view):
    (lat, lon), zoom = mapview.map_center(seed_view)
    assert 35.5 < lat < 37.0 and 36.5 < lon < 39.5
    assert zoom >= 7


def test_seed_labels_never_overlap_at_the_default_zoom(seed_view):
    """The label layout's promise, checked on its own geometry at the default zoom."""
    drawn = plan.map_plan(seed_view)
    _, zoom = mapview.map_center(seed_view)
    boxes = label_boxes(drawn.pins, zoom)
    assert len(boxes) >= 8
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert not boxes_overlap(a, b)


def test_badges_show_only_where_they_clear_every_other_place(seed_view):
    """Badges never pile up on a neighbour: from the zoom they show at, each badge clears
    every other place's symbol and badges; the places at the front get theirs back on zoom."""
    drawn = plan.map_plan(seed_view)
    badged = [pin for pin in drawn.pins if badge_boxes(pin, (0.0, 0.0))]
    _, first = mapview.map_center(seed_view)
    assert any(pin.badges_from <= first for pin in badged)  # some show in the first view
    assert all(pin.badges_from < 13 for pin in badged)  # and every one on zooming in
    for zoom in range(3, 14):
        shown = [pin for pin in badged if pin.badges_from <= zoom]
        for pin in shown:
            mine = badge_boxes(pin, geometry.world_px(*pin.anchor, zoom))
            for other in drawn.pins:
                if other is pin:
                    continue
                xy = geometry.world_px(*other.anchor, zoom)
                half = other.size / 2
                theirs = [(xy[0] - half, xy[1] - half, xy[0] + half, xy[1] + half),
                          *badge_boxes(other, xy)]
                assert not any(boxes_overlap(a, b) for a in mine for b in theirs), (
                    pin.label, other.label, zoom)



def test_a_movement_through_a_place_bends_through_it(seed_view):
    """pl: the Turks brought the men out of the Azaz area "through Hatay Province in Turkey
    to be sent back into ... the city of Aleppo": the arrow goes round by Hatay."""
    from geopy.distance import geodesic

    places = {p.name: p for p in seed_view.corpus.places}
    azaz, aleppo, hatay = places["Azaz"], places["Aleppo"], places["Hatay Province"]
    group = mapview.place_layers(seed_view)
    journey = [line for line in arrows(group)
               if tuple(line.locations[0]) == (azaz.lat, azaz.lon)
               and tuple(line.locations[-1]) == (aleppo.lat, aleppo.lon)]
    assert journey, "no Azaz -> Aleppo arrow"
    middle = journey[0].locations[len(journey[0].locations) // 2]
    assert geodesic(tuple(middle), (hatay.lat, hatay.lon)).km < 10
    words = [t.text for line in journey for t in children(line, folium.Tooltip)]
    assert any("(through Hatay)" in text for text in words), words


def test_arrowheads_never_take_a_click_meant_for_the_place_under_them(seed_view):
    """The head sits on the destination's marker: it must let the click through."""
    group = mapview.place_layers(seed_view)
    assert heads(group)
    for head in heads(group):
        assert head.options.get("interactive") is False
        assert not children(head, folium.Tooltip)
    css = render(group)
    assert ".atlas-arrowhead,.atlas-arrowhead *" in css and "pointer-events:none" in css


def test_the_first_view_fits_everything_drawn_but_a_far_off_outlier(seed_view):
    """Hatay's bend, every arrow point and every drawn place are inside the first view
    (Damascus, named once, included); left out only a place named once, with no claim,
    whose framing would cost the rest over half a zoom level on a phone (Crimea, Fallujah:
    with them the front was a 20 px knot on a phone), and the
    legend names them where they are always in sight."""
    (south, west), (north, east) = mapview.fit_bounds(seed_view)
    drawn = plan.map_plan(seed_view)
    assert drawn.arrows
    for arrow in drawn.arrows:
        for lat, lon in arrow.points:
            assert south <= lat <= north and west <= lon <= east
    outside = mapview.outside_first_view(seed_view)
    left_out = {p.id for p in outside}
    for pin in drawn.pins:
        if pin.place.id not in left_out:
            assert south <= pin.anchor[0] <= north and west <= pin.anchor[1] <= east, pin.label
        else:
            assert not pin.claims and pin.mentions == 1
            assert not (south <= pin.anchor[0] <= north and west <= pin.anchor[1] <= east)
    names = {p.name for p in seed_view.places}
    assert "Damascus" in names and "Damascus" not in {p.name for p in outside}
    assert len(outside) <= 2  # the far-off outliers only
    html = mapview.legend_control(mapview.legend_items(seed_view),
                                  outside=[p.name for p in outside]).html
    assert "<details" in html and "Legend" in html
    assert all(p.name in html.split("</details>")[1] for p in outside)  # outside the fold


def test_the_places_of_a_picked_feed_item_are_ringed(view):
    group = mapview.place_layers(view, selected="aleppo", highlight={"aleppo", "raqqa"})
    assert "atlas-hl" in pin_of(group, "raqqa").icon.options["html"]
    assert "atlas-hl" not in pin_of(group, "aleppo").icon.options["html"]  # selected instead
    assert "atlas-sel" in pin_of(group, "aleppo").icon.options["html"]


def test_the_selection_is_drawn_over_the_place_layer_with_its_name_at_every_zoom(view):
    """A click changes only the selection layer: the place layer is drawn without it."""
    from atlas.map.labels import always_labelled

    group = mapview.selection_layer(view, selected="aleppo", highlight={"raqqa"})
    assert {pin_place(m) for m in pins(group)} == {"aleppo", "raqqa"}
    assert "atlas-sel" in pin_of(group, "aleppo").icon.options["html"]
    assert "atlas-hl" in pin_of(group, "raqqa").icon.options["html"]
    assert "atlas-sel" not in pin_of(group, "raqqa").icon.options["html"]
    assert pins(mapview.selection_layer(view)) == []
    # named from zoom 0 to any zoom, where the place layer put the name and right of it between
    runs = always_labelled([("left", 5, 6), ("above", 9, 13)])
    assert runs == [("left", 0, 6), ("right", 7, 8), ("above", 9, 99)]
    assert always_labelled([]) == [("right", 0, 99)]
