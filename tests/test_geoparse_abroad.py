"""Names a Syrian text means in Syria: a feature named after a town abroad, hundreds of km from
every place the text names, is not put in that country (sentences written for the test)."""

from __future__ import annotations

import pytest

from geo.gazetteer import load_gazetteer
from tests.geoparse_text import places_by_surface


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


def test_a_hill_named_like_a_town_abroad_is_not_placed_abroad(gazetteer):
    text = ("After taking al-Mayadin, the army stormed Jabal Irbid and Jabal Nablus in the "
            "desert south of Deir ez-Zor, then pushed on toward al-Bukamal.")
    places = places_by_surface(gazetteer, text)
    assert places["al-Mayadin"].country == "SY", places
    for surface, place in places.items():
        assert place.country == "SY", (surface, place)


def test_a_city_abroad_the_text_names_stays_abroad(gazetteer):
    text = "Turkish troops gathered in Gaziantep before they crossed into Jarablus and al-Rai."
    places = places_by_surface(gazetteer, text)
    assert places["Gaziantep"].country == "TR", places


def test_a_variant_spelling_does_not_cross_the_border_to_a_village_abroad(gazetteer):
    # spellings no gazetteer has, whose skeletons are those of Iraqi villages some 35 km
    # east of al-Bukamal: in a text about Syria's side they are no evidence for Iraq
    text = ("After al-Bukamal and al-Mayadin fell, militias raided the village of Matardaleya "
            "and the village of Shaqaqiya near al-Bukamal.")
    places = places_by_surface(gazetteer, text)
    assert places["al-Bukamal"].country == "SY", places
    assert all(place.country == "SY" for place in places.values()), places


def test_a_name_known_only_as_a_village_far_abroad_anchors_nothing_and_is_not_placed(gazetteer):
    # the one place of this (invented) name in the data is an Iraqi village some 200 km from
    # the Syrian towns the sentence names: not the place meant, and no anchor for the text
    text = ("ISIL fighters retreated from al-Mayadin and Muhasan to Shananik, east of "
            "Deir ez-Zor, after losing al-Quriyah.")
    places = places_by_surface(gazetteer, text)
    assert places["al-Mayadin"].country == "SY", places
    assert "Shananik" not in places, places
