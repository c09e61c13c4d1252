"""A place's name inside another name (``geo.geoparse.name_parts``): a kunya ("Abu X") is a
person, "Liwa/Jaysh/Harakat + name" is an armed unit, a country's name with a bare number after
it is a broadcaster; and a numbered brigade without "Base" is a unit, not a feature to place.
The sentences are invented for these tests."""

from __future__ import annotations

import pytest

from geo.gazetteer import load_gazetteer
from tests.geoparse_text import places_by_surface as found


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


def test_a_kunya_is_a_person_but_the_same_name_alone_is_a_place(gazetteer):
    assert "Manbij" not in found(gazetteer, "Abu Manbij was killed in an air strike.")
    assert "Manbij" in found(gazetteer, "An air strike hit Manbij at night.")


def test_a_unit_named_after_a_place_is_not_the_place(gazetteer):
    assert "al-Bab" not in found(gazetteer, "Harakat al-Bab fighters attacked the checkpoint.")
    assert "al-Bab" in found(gazetteer, "Fighters from al-Bab attacked the checkpoint.")


def test_a_country_before_a_bare_number_is_a_broadcaster(gazetteer):
    assert "Germany" not in found(gazetteer, "Germany 24 broadcast the footage on Monday.")
    assert "Germany" in found(gazetteer, "The family reached Germany 12 days later.")


def test_a_numbered_brigade_is_not_placed_at_the_town_beside_it(gazetteer):
    places = found(gazetteer, "Brigade 91 withdrew toward Raqqa in the night.")
    assert "Raqqa" in places
    assert not any(surface.startswith("Brigade") for surface in places)

