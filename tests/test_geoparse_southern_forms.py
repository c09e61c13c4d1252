"""The forms the English press uses for places of southern Syria (curated rows of
``data/gazetteer_supplement.csv`` and ``data/gazetteer_aliases.csv``): regions ("the Hauran",
"the Lajat"), the quarters of Daraa, and spellings of towns the sources write otherwise
("Bosra al-Sham", "Sayyida Zeinab", "Babbila").  The sentences are written for these tests;
the points are GeoNames' (rounded)."""

from __future__ import annotations

import pytest

from geo.gazetteer import load_gazetteer
from tests.geoparse_text import geoparse_text, km
from tests.geoparse_text import places_by_surface as found


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


DARAA = (32.619, 36.102)
BUSRA = (32.517, 36.482)
IZRA = (32.867, 36.251)
SAYYIDA_ZAYNAB = (33.447, 36.336)
BABILA_DAMASCUS = (33.471, 36.331)


def test_the_regions_of_the_south_are_found_where_they_lie(gazetteer):
    places = found(gazetteer, "Tribal fighters from the Hauran joined the battle, and the army "
                              "pushed into the Lajat the following week.")
    hauran, lajat = places["Hauran"], places["Lajat"]
    assert hauran.kind == lajat.kind == "region"
    assert km(gazetteer, hauran, DARAA) < 40  # not Harran in Turkey or its namesakes
    assert km(gazetteer, lajat, IZRA) < 30


def test_a_quarter_of_daraa_is_placed_in_daraa(gazetteer):
    places = found(gazetteer, "Residents of Daraa al-Balad refused the settlement.")
    assert km(gazetteer, places["Daraa al-Balad"], DARAA) < 3


def test_bosra_al_sham_is_one_place_and_not_damascus(gazetteer):
    result = geoparse_text(gazetteer, "The Eighth Brigade was based in Bosra al-Sham.")
    surfaces = {m.surface: result.places[m.place] for m in result.mentions}
    assert list(surfaces) == ["Bosra al-Sham"]
    assert km(gazetteer, surfaces["Bosra al-Sham"], BUSRA) < 3


def test_the_shrine_town_and_babbila_south_of_damascus(gazetteer):
    places = found(gazetteer, "Militias guarding Sayyida Zeinab shelled Babbila overnight.")
    assert km(gazetteer, places["Sayyida Zeinab"], SAYYIDA_ZAYNAB) < 3
    assert km(gazetteer, places["Babbila"], BABILA_DAMASCUS) < 3


@pytest.mark.parametrize("phrase", ["Daraa Governorate", "Deraa province", "Sweida province",
                                    "Suwayda Governorate", "Tartous province",
                                    "Daraa countryside", "Sweida countryside",
                                    "Quneitra countryside", "Al-Hasakeh province"])
def test_the_southern_and_coastal_governorates_under_the_press_spellings(gazetteer, phrase):
    places = found(gazetteer, f"Curfews were declared in {phrase} after the attack.")
    assert places[phrase].kind == "region" and places[phrase].country == "SY"
