"""A heading that is a name alone (``geo.geoparse.variants.HEADING``): a text written town
by town heads each paragraph with the town's name, so a heading is read as a place cue, like
"the village of X", and a spelling the gazetteer lacks is matched by its skeleton.  The
texts are invented for these tests."""

from __future__ import annotations

import pytest

from geo.gazetteer import load_gazetteer
from tests.geoparse_text import km
from tests.geoparse_text import places_by_surface as found

URUM_AL_KUBRA = (36.15, 36.95)  # GeoNames 'Urum al Kubra', west of Aleppo (rounded)


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


def test_a_heading_spelt_another_way_is_the_village(gazetteer):
    text = ("Atarib\nRebels held Atarib from 2012.\n\n"
            "Urum al-Kubrah\nThe village changed hands twice in 2013.\n")
    places = found(gazetteer, text)
    assert km(gazetteer, places["Urum al-Kubrah"], URUM_AL_KUBRA) < 5


def test_the_same_spelling_in_running_text_without_a_cue_is_not_read(gazetteer):
    text = "Rebels held Atarib from 2012. Urum al-Kubrah changed hands twice in 2013."
    assert "Urum al-Kubrah" not in found(gazetteer, text)


def test_a_heading_that_names_no_place_stays_a_heading(gazetteer):
    text = ("Background\nRebels held Atarib from 2012.\n\n"
            "Later Events\nThe town changed hands twice in 2013.\n")
    assert set(found(gazetteer, text)) == {"Atarib"}
