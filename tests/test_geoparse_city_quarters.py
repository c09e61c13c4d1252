"""Quarters of Syrian cities (``data/city_quarters.csv``) in texts about their city, and their
namesakes elsewhere when the text is about another place (sentences written for the test).
A quarter resolves near the city the text names (within a quarter's 5 km); the same name in a
text about a far region keeps its namesake there."""

from __future__ import annotations

import pytest

from geo.gazetteer import load_gazetteer
from tests.geoparse_text import places_by_surface

QUARTER_KM = 5.0


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


def _near(gazetteer, place, city: str) -> float:
    town = max((c.place for c in gazetteer.candidates(city)
                if c.place.kind in {"city", "town"} and c.place.country == "SY"),
               key=lambda p: p.population)
    return gazetteer.distance_km(place.lat, place.lon, town.lat, town.lon)


@pytest.mark.parametrize(("text", "surface", "city"), [
    ("Snipers in Homs fired on Bab Dreib and al-Qarabis all night.", "Bab Dreib", "Homs"),
    ("Snipers in Homs fired on Bab Dreib and al-Qarabis all night.", "al-Qarabis", "Homs"),
    ("Shelling of Homs hit the al-Ghouta neighbourhood and the Old City.", "al-Ghouta", "Homs"),
    ("In Hama, protesters gathered in al-Hader and Bab Qibli.", "al-Hader", "Hama"),
    ("Clashes in Hasakah spread from Ghuwayran to al-Nashwa.", "al-Nashwa", "Hasakah"),
    ("The SDF pushed into al-Yarmouk as the battle for Raqqa went on.", "al-Yarmouk", "Raqqa"),
    ("A car bomb went off in Baramkeh, central Damascus.", "Baramkeh", "Damascus"),
])
def test_a_quarter_of_the_city_the_text_names(gazetteer, text, surface, city):
    places = places_by_surface(gazetteer, text)
    assert surface in places, places
    assert _near(gazetteer, places[surface], city) <= QUARTER_KM, places[surface]


def test_a_quarter_name_in_a_text_about_another_city_is_not_that_quarter(gazetteer):
    # Yarmouk, the camp south of Damascus, in a text about Damascus: not Raqqa's quarter
    places = places_by_surface(gazetteer, "Food reached Yarmouk camp and Tadamon, south of "
                                          "Damascus, after the truce.")
    assert _near(gazetteer, places["Yarmouk camp"], "Raqqa") > 100, places
    # the Ghouta of a text about Damascus is the Eastern Ghouta, not Homs's quarter
    places = places_by_surface(gazetteer, "Rebels in the Ghouta shelled Damascus from Douma.")
    assert "Ghouta" in places, places
    assert _near(gazetteer, places["Ghouta"], "Homs") > 100, places["Ghouta"]
