"""Comment-thread writing: lower-case cities and countries, long names and nicknames."""

from __future__ import annotations

import pytest

from geo.gazetteer import load_gazetteer
from geo.geoparse.lower_case import prominent_cities
from tests.geoparse_text import geoparse_text


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


def found(gazetteer, text: str) -> dict[str, str]:
    result = geoparse_text(gazetteer, text)
    return {m.surface: result.places[m.place].name for m in result.mentions}


def test_a_large_city_in_lower_case_after_a_locative(gazetteer):
    places = found(gazetteer, "the rebels in idlib are trapped, i was in damascus and raqqa.")
    assert places["idlib"] == "Idlib"
    assert places["damascus"] == "Damascus"
    assert places["raqqa"] == "Raqqa"


def test_a_lower_case_city_word_without_a_locative_is_not_read(gazetteer):
    places = found(gazetteer, "aleppo is a word here, and the homs remark too.")
    assert "aleppo" not in places
    assert "homs" not in places


def test_a_capitalised_country_or_city_stays_a_place_when_the_thread_also_writes_it_lower(
        gazetteer):
    text = ("syria is finished.\n\nThe army shelled Idlib yesterday. the rebels in idlib hold "
            "out. Russian jets flew over Syria.")
    result = geoparse_text(gazetteer, text)
    surfaces = [m.surface for m in result.mentions]
    assert "Idlib" in surfaces
    assert "Syria" in surfaces
    assert not any("lower case" in r[4] for r in result.rejected)


def test_the_lower_case_cities_are_large_regional_cities_and_no_english_words(gazetteer):
    names = prominent_cities(gazetteer)
    assert {"aleppo", "damascus", "mosul"} <= set(names)
    assert "batman" not in names
    assert all(len(key) >= 4 and gazetteer.in_region(place) for key, place in names.items())


def test_official_long_names_and_nicknames_of_states_and_regions(gazetteer):
    text = ("Talks in the Syrian Arab Republic, in Türkiye and in Persia. The Caliphate in "
            "the Sham is done; jets flew over the Golan.")
    places = found(gazetteer, text)
    assert places["Syrian Arab Republic"] == "Syria"
    assert places["Türkiye"] == "Turkey"
    assert places["Persia"] == "Iran"
    assert places["Sham"] == "Levant"
    assert places["Golan"] == "Golan Heights"


def test_a_given_name_written_alone_is_no_village(gazetteer):
    result = geoparse_text(gazetteer, "Comment by Ahmad: Khalid is right, Manbij fell.")
    surfaces = {m.surface for m in result.mentions}
    assert "Manbij" in surfaces
    assert not surfaces & {"Ahmad", "Khalid"}


def test_a_misspelt_large_city_after_a_locative_is_the_city(gazetteer):
    # the thread names Damascus nowhere else: the region's large cities are the reference
    places = found(gazetteer, "The rebels fled to Damscus. He was in Batmann.")
    assert places["Damscus"] == "Damascus"
    assert "Batmann" not in places  # no large city of the region is spelt like that
