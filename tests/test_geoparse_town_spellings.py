"""Well-known towns whose names of several words the press spells its own way ("Maaret
al-Nouman", "Khan Shaykhoun", "Jisr Shughour"): read after a cue as the one prominent town
with that skeleton (``geo.geoparse.misspelt.misspelt_town_name``), in a text that names no
other place as in one that does.  The sentences are written for these tests; the points
are GeoNames' (rounded)."""

from __future__ import annotations

import pytest

from geo.gazetteer import load_gazetteer
from tests.geoparse_text import geoparse_text, km
from tests.geoparse_text import places_by_surface as found


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


MAARAT = (35.648, 36.677)
KHAN_SHAYKHUN = (35.442, 36.651)
JISR = (35.814, 36.320)


def test_two_towns_spelt_their_own_way_in_a_text_that_names_nothing_else(gazetteer):
    places = found(gazetteer, "Warplanes struck targets in Maaret al-Nouman and Khan "
                              "Shaykhoun again.")
    assert km(gazetteer, places["Maaret al-Nouman"], MAARAT) < 3
    assert km(gazetteer, places["Khan Shaykhoun"], KHAN_SHAYKHUN) < 3


def test_a_town_spelt_its_own_way_beside_a_place_far_from_it(gazetteer):
    places = found(gazetteer, "After Aleppo fell, the army turned to Jisr Shughour.")
    assert km(gazetteer, places["Jisr Shughour"], JISR) < 3


@pytest.mark.parametrize("text", [
    "Fighters of Ahrar al-Sham crossed to Jaish al-Islam positions at night.",
    "The envoy flew to Staffan de Mistura's office after the talks.",
])
def test_names_of_groups_and_people_are_no_misspelt_towns(gazetteer, text):
    result = geoparse_text(gazetteer, text)
    assert not result.mentions
