"""Phrases, variants and disambiguation: what the regional gazetteer lets the geoparser read."""

from __future__ import annotations

import pytest

from geo.gazetteer import load_gazetteer
from tests.geoparse_text import geoparse_text


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


def run(gazetteer, text: str):
    result = geoparse_text(gazetteer, text)
    return result, {m.surface: result.places[m.place] for m in result.mentions}


def test_a_dam_is_the_dam_not_the_town(gazetteer):
    _, found = run(gazetteer, "The SDF captured the Tishrin Dam and crossed the Euphrates.")
    assert found["Tishrin Dam"].kind == "dam"
    assert found["Euphrates"].kind == "river"
    assert "Tishrin" not in found


def test_an_airbase_written_as_one_word(gazetteer):
    _, found = run(gazetteer, "The army reached Jirah Airbase east of Aleppo.")
    assert found["Jirah Airbase"].gazetteer_id == "icao:OS62"


def test_organisations_events_and_people_named_after_places_are_not_places(gazetteer):
    text = ("The Manbij Military Council attacked. The Battle of Marj Dabiq was in 1516. "
            "The Islamic State of Iraq and the Levant lost Manbij. Salih Haji Mohammed said so.")
    result, found = run(gazetteer, text)
    assert set(found) == {"Manbij"}
    reasons = " ".join(r[4] for r in result.rejected)
    assert "organisation" in reasons or "fragment" in reasons


def test_a_road_between_two_places(gazetteer):
    _, found = run(gazetteer, "The SDF cut the Jarabulus-Manbij road on 5 June.")
    road = found["Jarabulus-Manbij road"]
    assert road.kind == "road" and 36.5 < road.lat < 36.8
    assert road.geometry["type"] == "LineString"


def test_a_region_phrase_and_a_border(gazetteer):
    _, found = run(gazetteer, "Fighters escaped across the Syria-Turkey border into Rojava.")
    assert found["Syria-Turkey border"].kind == "region"
    assert found["Rojava"].extent_km > 100


def test_country_in_lower_case_after_a_locative(gazetteer):
    _, found = run(gazetteer, "they came back to syria last week; we ate turkey and gravy")
    assert found["syria"].kind == "country"
    assert "turkey" not in found


def test_an_unambiguous_country_in_lower_case_is_a_place_unless_the_state_acts(gazetteer):
    _, found = run(gazetteer, "honestly syria is a mess, and iraq too. syria will never "
                              "agree; see www.syria.com and iran's proxies. turkey is tasty")
    surfaces = sorted(found)
    assert surfaces == ["iraq", "syria"], surfaces
    _, acting = run(gazetteer, "syria will never agree")
    assert not acting


def test_navigation_lines_of_a_copied_page_are_not_text(gazetteer):
    text = "Home | Syria | Iraq | Turkey\n\nThe rebels entered Azaz on Monday."
    _, found = run(gazetteer, text)
    assert set(found) == {"Azaz"}


def test_a_cued_variant_resolves_only_near_the_texts_places(gazetteer):
    near = "Rebels captured Akhtarin and Dabiq, then took control of Mushrifah village."
    _, found = run(gazetteer, near)
    assert "Mushrifah" in found
    place = found["Mushrifah"]
    assert gazetteer.distance_km(place.lat, place.lon, 36.51, 37.34) < 60
    _, alone = run(gazetteer, "He took control of Mushrifah village.")
    assert "Mushrifah" not in alone  # no place in the text to say which of the namesakes


def test_a_syrian_village_beats_its_namesake_abroad(gazetteer):
    _, found = run(gazetteer, "The SDF advanced from Tabqa towards Resafa and Raqqa.")
    resafa = found["Resafa"]
    assert gazetteer.distance_km(resafa.lat, resafa.lon, 35.63, 38.76) < 10


def test_a_numbered_highway(gazetteer):
    _, found = run(gazetteer, "The SDF advanced along the M4 Highway east of Manbij.")
    assert found["M4 Highway"].kind == "road"
