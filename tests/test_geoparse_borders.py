"""A namesake across a border (``geo.geoparse.cluster``): the places of one front lie on one
side of it, so a village beside the others of the sentence is not given to a namesake in
Jordan or Lebanon, however close or however large.  The sentences are written for these
tests; the points are GeoNames' (rounded)."""

from __future__ import annotations

import pytest

from geo.gazetteer import load_gazetteer
from tests.geoparse_text import km
from tests.geoparse_text import places_by_surface as found


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


SHAJARAH_DARAA = (32.774, 35.882)  # Ash Shajarah of the Yarmouk basin; a Jordanian one 16 km off
SAYDA_DARAA = (32.629, 36.226)  # the village east of Daraa, not Sidon in Lebanon


def test_a_border_village_is_the_one_on_the_side_of_the_other_places(gazetteer):
    places = found(gazetteer, "The army took Zayzun, Abdin, Sayda, Sheikh Hussein and "
                              "al-Shajarah before dawn.")
    assert places["al-Shajarah"].country == "SY"
    assert km(gazetteer, places["al-Shajarah"], SHAJARAH_DARAA) < 5


def test_a_large_town_abroad_does_not_take_a_village_named_among_syrian_ones(gazetteer):
    places = found(gazetteer, "Rebels regrouped in Nasib, al-Jizah, Kahil and Sayda after the "
                              "ceasefire collapsed.")
    assert places["Sayda"].country == "SY"
    assert km(gazetteer, places["Sayda"], SAYDA_DARAA) < 5


def test_a_large_town_abroad_still_wins_where_no_namesake_lies_near_the_others(gazetteer):
    places = found(gazetteer, "Refugees crossed from Sayda to Beirut by bus.")
    assert places["Sayda"].country == "LB"
