"""Features, regions and quarters written the way war reports write them (the failures
bench/audit_features.py showed, each tested here on sentences written for the test)."""

from __future__ import annotations

import pytest

from geo.gazetteer import load_gazetteer
from geo.gazetteer.heads import head_spellings
from tests.geoparse_text import geoparse_text, places_by_surface


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


def test_heads_of_each_kind():
    assert "Tiyas military airport" in head_spellings("facility", ["Tiyas air base"])
    assert "Tiyas airfield" in head_spellings("facility", ["Tiyas air base"])
    assert "River Sajur" in head_spellings("river", ["Sajur"])
    assert "Sajur River" in head_spellings("river", ["Sajur river"]) or \
        "River Sajur" in head_spellings("river", ["Sajur river"])
    assert "Nasib border crossing" in head_spellings("crossing", ["Nasib crossing"])
    assert "Ithriya-Tabqa highway" in head_spellings("road", ["Ithriya-Tabqa road"])
    # a head of another kind is not given: a dam is no air base, a town no river
    assert head_spellings("dam", ["Tishrin Dam"]) == []
    assert head_spellings("town", ["Manbij"]) == []
    assert head_spellings("facility", ["Division 17 base"]) == []


@pytest.mark.parametrize(("text", "surface", "place_id"), [
    ("Regime jets took off from the Tiyas airport at dawn.", "Tiyas airport",
     "supplement:tiyas_air_base"),
    ("Rebels shelled Khalkhalah military airport overnight.", "Khalkhalah military airport",
     "supplement:khalkhalah_air_base"),
    ("Kurdish units crossed the River Khabur under fire.", "River Khabur",
     "supplement:khabur"),
    ("The Tigris River marks the border there.", "Tigris River", "supplement:tigris"),
    ("Trucks queued at the Bab al-Hawa Border Crossing all week.",
     "Bab al-Hawa Border Crossing", "supplement:bab_al_hawa"),
])
def test_feature_heads_find_the_row(gazetteer, text, surface, place_id):
    places = places_by_surface(gazetteer, text)
    assert surface in places, places
    assert places[surface].id == place_id


@pytest.mark.parametrize(("text", "surface", "quarter"), [
    ("Rebels captured Aleppo's Haydariyah district on 3 May.", "Haydariyah",
     "quarter:aleppo_al_haydariyah"),
    ("Snipers fired on Raqqa's al-Nahdah district.", "al-Nahdah", "quarter:raqqa_al_nahdah"),
    ("In Aleppo the army entered al-Shaar after heavy bombing.", "al-Shaar",
     "quarter:aleppo_al_shaar"),
])
def test_quarters_after_a_possessive_or_a_lower_case_article(gazetteer, text, surface,
                                                             quarter):
    places = places_by_surface(gazetteer, text)
    assert surface in places, places
    assert places[surface].id == quarter
    city = text.split("'s")[0].rsplit(" ", 1)[-1] if "'s" in text else "Aleppo"
    assert city in places  # the city is read too, not swallowed into a longer name


def test_a_possessive_that_is_part_of_an_arabic_name_is_kept(gazetteer):
    # "Ra's" (head, cape) is no English possessive: the name runs on
    assert "Ra's" not in places_by_surface(gazetteer, "Fighting went on around Ra's al-Ayn.")


def test_a_lower_case_article_opens_no_name_that_is_not_a_place(gazetteer):
    places = places_by_surface(gazetteer, "Fighters of al-Nusra and al-Qaeda attacked Idlib.")
    assert set(places) == {"Idlib"}


@pytest.mark.parametrize(("text", "surface", "ends"), [
    ("The Manbij–Jarabulus road was cut by the SDF.", "Manbij–Jarabulus road",
     ("Manbij", "Jarabulus")),
    ("Convoys used the Raqqa–Deir ez-Zor highway again.", "Raqqa–Deir ez-Zor highway",
     ("Raqqa", "Deir ez-Zor")),
])
def test_roads_between_towns(gazetteer, text, surface, ends):
    result = geoparse_text(gazetteer, text)
    roads = [m for m in result.mentions if result.places[m.place].kind == "road"]
    assert [m.surface for m in roads] == [surface]  # without a sentence's "The"
    place = result.places[roads[0].place]
    assert all(end.split()[0] in place.name for end in ends), place.name
    # the road replaces the mentions of its ends
    assert not [m for m in result.mentions if result.places[m.place].kind != "road"]


def test_a_road_joins_the_nearest_pair_of_its_ends(gazetteer):
    from geo.gazetteer import Candidate
    from geo.geoparse.road_ends import road_ends
    from geo.records import Place

    def place(pid, lat, lon, population):
        return Candidate(Place(id=pid, name=pid, kind="town", country="SY", lat=lat, lon=lon,
                               gazetteer_id=pid, population=population), curated=False)

    far_big, near_small = place("far", 32.1, 35.0, 70000), place("near", 36.85, 40.07, 0)
    other = place("other", 36.66, 40.37, 0)
    biggest = lambda found: max(found, key=lambda c: c.place.population).place  # noqa: E731
    a, b = road_ends([far_big, near_small], [other], gazetteer, biggest)
    assert (a.id, b.id) == ("near", "other")
    # ends that are near already are kept as ``best`` chose them
    a, b = road_ends([near_small, far_big], [other], gazetteer, biggest)
    assert (a.id, b.id) == ("near", "other")
    a, b = road_ends([far_big], [place("beside", 32.2, 35.1, 10)], gazetteer, biggest)
    assert (a.id, b.id) == ("far", "beside")


def test_ras_al_ayn_is_the_syrian_border_town(gazetteer):
    place = places_by_surface(gazetteer, "The YPG withdrew from Ras al-Ayn in October.")
    assert place["Ras al-Ayn"].country == "SY"
    assert abs(place["Ras al-Ayn"].lat - 36.85) < 0.1


def _point(gazetteer, text: str, surface: str):
    return places_by_surface(gazetteer, text)[surface]


def test_a_river_is_placed_on_the_reach_the_text_is_about(gazetteer):
    north = _point(gazetteer, "SDF units crossed the Euphrates between Jarabulus and Qara "
                              "Qozak.", "Euphrates")
    south = _point(gazetteer, "The army held Deir ez-Zor and al-Mayadin, both on the "
                              "Euphrates.", "Euphrates")
    assert north.id == south.id == "supplement:euphrates"
    assert gazetteer.distance_km(north.lat, north.lon, 36.73, 38.11) < 25  # by Jarabulus
    assert gazetteer.distance_km(south.lat, south.lon, 35.18, 40.30) < 30  # Deir ez-Zor's reach
    assert gazetteer.distance_km(north.lat, north.lon, south.lat, south.lon) > 150


def test_a_highway_is_placed_on_the_reach_beside_its_towns(gazetteer):
    road = _point(gazetteer, "Fighting closed the M4 highway near Manbij and Ain Issa.",
                  "M4 highway")
    assert gazetteer.distance_km(road.lat, road.lon, 36.45, 38.40) < 50
    assert "reach" in road.source


def test_a_line_with_no_place_near_it_keeps_its_point(gazetteer):
    # Homs and Damascus lie far from the Euphrates: the river stays at its row's point
    river = _point(gazetteer, "Refugees from Homs and Damascus spoke of the Euphrates.",
                   "Euphrates")
    assert (river.lat, river.lon) == (36.1, 38.3)


@pytest.mark.parametrize(("text", "surface"), [
    ("Barrel bombs fell on the al-Zahraa neighbourhood of Aleppo at noon.", "al-Zahraa"),
    ("Shells landed in Aleppo's al-Zahraa district overnight.", "al-Zahraa district"),
])
def test_a_name_called_a_quarter_is_the_quarter_not_the_town_of_that_name(gazetteer, text,
                                                                           surface):
    places = places_by_surface(gazetteer, text)
    assert surface in places, places
    assert places[surface].id == "quarter:aleppo_al_zahraa"


def test_the_town_of_that_name_stays_the_town_without_a_quarter_word(gazetteer):
    places = places_by_surface(gazetteer, "Militias held Nubl and al-Zahraa, north of Aleppo.")
    assert places["al-Zahraa"].id == "supplement:zahraa"


def test_a_quarter_opening_a_sentence_after_the_is_read(gazetteer):
    text = "The Ansari quarter of Aleppo was shelled again on Friday."
    places = places_by_surface(gazetteer, text)
    assert "Ansari" in places, places
    quarter = gazetteer.places["quarter:aleppo_al_ansari"]
    place = places["Ansari"]
    assert gazetteer.distance_km(place.lat, place.lon, quarter.lat, quarter.lon) <= 5.0
