"""A frontier named by a country's adjective (``geo.geoparse.frontier``): "the Turkish
border" is the Syria–Turkey line, placed at its point nearest the place the sentence names
beside it, not at Turkey's middle.  The sentences are invented for these tests."""

from __future__ import annotations

import pytest

from geo.gazetteer import load_gazetteer
from tests.geoparse_text import km
from tests.geoparse_text import places_by_surface as found

TURKEY_MIDDLE = (39.0, 35.0)


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


def test_the_turkish_border_is_the_line_nearest_the_town_beside_it(gazetteer):
    places = found(gazetteer, "Convoys ran from Qamishli to the Turkish border every night.")
    qamishli, border = places["Qamishli"], places["Turkish border"]
    assert border.kind == "region"
    assert km(gazetteer, border, (qamishli.lat, qamishli.lon)) < 15
    assert km(gazetteer, border, TURKEY_MIDDLE) > 400


def test_two_towns_give_two_stretches_of_the_same_border(gazetteer):
    west = found(gazetteer, "Rebels in Azaz fled to the Turkish border.")["Turkish border"]
    east = found(gazetteer, "Rebels in Qamishli fled to the Turkish border.")["Turkish border"]
    assert km(gazetteer, west, (east.lat, east.lon)) > 200


def test_a_border_crossing_or_guard_is_not_the_line(gazetteer):
    text = "Turkish border guards fired on refugees near Azaz."
    assert "Turkish border" not in found(gazetteer, text)


def test_the_jordanian_border_lies_south_of_daraa(gazetteer):
    places = found(gazetteer, "Families left Daraa for the Jordanian border.")
    daraa, border = places["Daraa"], places["Jordanian border"]
    assert border.lat < daraa.lat + 0.05
    assert km(gazetteer, border, (daraa.lat, daraa.lon)) < 30
