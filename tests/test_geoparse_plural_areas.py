"""Governorates listed before one plural area word (``geo.geoparse.plural_areas``): "the
Homs and Hama governorates" names two governorates, not two cities.  The sentences are
written for these tests."""

from __future__ import annotations

import pytest

from geo.gazetteer import load_gazetteer
from tests.geoparse_text import places_by_surface as found


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


@pytest.mark.parametrize(("text", "names"), [
    ("Shelling spread across the Homs and Hama governorates overnight.", ["Homs", "Hama"]),
    ("Drones struck the Idlib, Latakia and Hama provinces.", ["Idlib", "Latakia", "Hama"]),
    ("Curfews were lifted in Daraa and Quneitra governorates.", ["Daraa", "Quneitra"]),
])
def test_each_name_of_the_list_is_its_governorate(gazetteer, text, names):
    places = found(gazetteer, text)
    for name in names:
        assert places[name].kind == "region", name


def test_a_city_before_a_list_that_starts_again_stays_the_city(gazetteer):
    places = found(gazetteer, "Convoys ran between Aleppo and the Idlib and Hama provinces.")
    assert places["Aleppo"].kind == "city"
    assert places["Idlib"].kind == places["Hama"].kind == "region"


def test_a_list_without_an_area_word_names_the_cities(gazetteer):
    places = found(gazetteer, "Convoys ran from Homs and Hama to the coast.")
    assert places["Homs"].kind == places["Hama"].kind == "city"
