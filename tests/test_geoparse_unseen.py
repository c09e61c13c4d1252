"""Places as texts nobody in the project has seen write them (issue 9): admin seats that
GeoNames counts no people in, border towns under their Turkish and Kurdish names, misspelt
well-known towns, and villages no gazetteer has, placed only where the text gives an anchor.

The sentences are written for these tests, in the styles of comment threads and news reports.
"""

from __future__ import annotations

import pytest

from geo.gazetteer import load_gazetteer
from geo.gazetteer.sources import _kind
from tests.geoparse_text import geoparse_text


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


def found(gazetteer, text: str) -> dict[str, object]:
    """The place each surface resolved to (the last mention of a surface wins)."""
    result = geoparse_text(gazetteer, text)
    return {m.surface: result.places[m.place] for m in result.mentions}


def km(gazetteer, place, lat: float, lon: float) -> float:
    return gazetteer.distance_km(place.lat, place.lon, lat, lon)


RAS_AL_AYN = (36.8503, 40.0706)  # GeoNames 165509, OCHA C4988
TALL_ABYAD = (36.6962, 38.9537)  # GeoNames 163750
JARABULUS = (36.8175, 38.0111)  # WOF 1125967369, OCHA C2227
MANBIJ = (36.5281, 37.9549)  # GeoNames 167357
KOBANI = (36.8906, 38.3535)  # GeoNames 172256
RAQQA = (35.9528, 39.0079)  # GeoNames 172955


# -- admin seats ------------------------------------------------------------------------------


def test_the_seat_of_a_district_or_sub_district_is_a_town_whatever_its_count():
    assert _kind(0, "PPLA2") == _kind(0, "PPLA3") == "town"
    assert _kind(0, "PPL") == "village" and _kind(12_000, "PPL") == "town"


def test_a_district_seat_counted_empty_is_not_a_far_namesake(gazetteer):
    # Ras al-Ayn (a district seat GeoNames counts 0 people in) has a dozen village namesakes
    # and a town of 70,000 in Israel whose Arabic name it is
    places = found(gazetteer, "The SDF withdrew from Ras al-Ayn and Tal Abyad on Sunday.")
    assert km(gazetteer, places["Ras al-Ayn"], *RAS_AL_AYN) < 5
    assert km(gazetteer, places["Tal Abyad"], *TALL_ABYAD) < 5
    assert places["Ras al-Ayn"].kind == places["Tal Abyad"].kind == "town"


def test_a_syrian_town_is_not_merged_into_its_turkish_twin_across_the_border(gazetteer):
    # GeoNames gives Karkamış (Turkey) the alternate name "Jarabulus": the Syrian town keeps
    # its own record, its names and its country
    for text in ("Turkish tanks entered Jarabulus on 24 August.",
                 "Turkish forces entered Cerablus."):
        place = next(iter(found(gazetteer, text).values()))
        assert place.country == "SY", (text, place)
        assert km(gazetteer, place, *JARABULUS) < 3
