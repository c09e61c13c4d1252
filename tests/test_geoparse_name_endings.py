"""A name whose last word ends in the ta marbuta, spelt "-a", "-ah" or "-eh" by different
writers (``Gazetteer.candidates``: the other endings are candidates too, flagged ``ending``,
and ranked below the name as written by ``rank.ENDING_PENALTY``): the village among the
text's other places is found under the press's spelling, and a name spelt as the gazetteer
spells it is not given away.  The sentences are written for these tests; the points are
GeoNames' (rounded)."""

from __future__ import annotations

import pytest

from geo.gazetteer import load_gazetteer
from tests.geoparse_text import km
from tests.geoparse_text import places_by_surface as found


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


HAJJAH_QUNEITRA = (33.022, 35.948)
MALAH_SUWAYDA = (32.507, 36.854)


def test_the_other_endings_of_a_name_are_weaker_candidates(gazetteer):
    candidates = gazetteer.candidates("al-Hajja")
    assert any(c.ending and km(gazetteer, c.place, HAJJAH_QUNEITRA) < 2 for c in candidates)
    assert not any(c.ending for c in gazetteer.candidates("Al Hajjah")
                   if km(gazetteer, c.place, HAJJAH_QUNEITRA) < 2)


def test_a_village_spelt_with_a_is_the_one_among_the_other_places(gazetteer):
    places = found(gazetteer, "Rebels shelled Zubeidah, Kalidiyeh, Buraykah and al-Hajja "
                              "overnight.")
    assert places["al-Hajja"].country == "SY"
    assert km(gazetteer, places["al-Hajja"], HAJJAH_QUNEITRA) < 3


def test_a_village_spelt_with_a_beside_its_town_is_found_at_all(gazetteer):
    places = found(gazetteer, "The army entered Tuleilin and Salkhad, then Mala.")
    assert km(gazetteer, places["Mala"], MALAH_SUWAYDA) < 3

