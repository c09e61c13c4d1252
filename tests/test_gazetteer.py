"""The offline gazetteer: the index, the supplement, the aliases people write."""

from __future__ import annotations

import csv
import gzip

import pytest

from geo.gazetteer import (
    ALIASES_PATH,
    INDEX_PATH,
    QUARTER_PREFIX,
    SUPPLEMENT_PATH,
    index_is_current,
    load_gazetteer,
    name_key,
    strip_article,
)
from geo.paths import QUARTERS_PATH


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


def test_index_is_current_and_compact():
    assert index_is_current(), "run: python -m geo index"
    assert INDEX_PATH.stat().st_size < 10_000_000


@pytest.mark.parametrize(
    ("name", "key"),
    [("Deir ez-Zor", "deir ez zor"), ("Māri‘", "mari"), ("Mare'", "mare"),
     ("I‘zāz", "izaz"), ("Qara  Qawzak", "qara qawzak"), ("ALEPPO", "aleppo")],
)
def test_name_key_folds_case_accents_and_marks(name, key):
    assert name_key(name) == key


def test_strip_article():
    assert strip_article("az zahra") == "zahra"
    assert strip_article("al bab") == "bab"
    assert strip_article("aleppo") == "aleppo"


@pytest.mark.parametrize(
    ("surface", "expected"),
    [
        ("Halab", "Aleppo"), ("Tabaqa", "Al-Tabqa"), ("Deir Ezzor", "Deir ez-Zor"),
        ("Nubbl", "Nubl"), ("az-Zahra", "Zahraa"), ("Mareah", "Mare'"),
        ("Khan Touman", "Khan Tuman"), ("Qara Qawzak", "Qara Qozak bridge"),
        ("Aleppo Province", "Aleppo Governorate"), ("Tabqa air base", "Tabqa air base"),
        ("Castello road", "Castello road"), ("Hatay Province", "Hatay Province"),
    ],
)
def test_spelling_variants_reach_the_place(gazetteer, surface, expected):
    names = {c.place.name for c in gazetteer.candidates(surface)}
    assert expected in names


def test_roads_are_lines_and_regions_have_an_extent(gazetteer):
    road = gazetteer.places["supplement:castello_road"]
    assert road.kind == "road"
    assert road.geometry["type"] == "LineString"
    assert len(road.geometry["coordinates"]) >= 2
    assert gazetteer.places["supplement:aleppo_governorate"].extent_km > 0


def test_every_supplement_row_has_a_source_and_sane_coordinates():
    with SUPPLEMENT_PATH.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert rows
    for row in rows:
        assert row["source"].strip(), row["id"]
        assert -90 <= float(row["lat"]) <= 90 and -180 <= float(row["lon"]) <= 180
        assert row["kind"] in {"village", "town", "city", "facility", "road", "crossing",
                               "region", "district", "river", "dam", "lake", "hill"}, row["id"]


def test_every_city_quarter_has_a_source_and_lies_in_its_city(gazetteer):
    with QUARTERS_PATH.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert rows
    for row in rows:
        assert row["source"].strip() and row["kind"] in {"district", "facility"}, row["id"]
        place = gazetteer.places[QUARTER_PREFIX + row["id"]]
        # (a city GeoNames classes as a town, as Daraa, is one too)
        cities = [c.place for c in gazetteer.candidates(row["city"])
                  if c.place.kind in {"city", "town"}]
        assert min(gazetteer.distance_km(place.lat, place.lon, city.lat, city.lon)
                   for city in cities) < 15, row["id"]


def test_every_alias_points_at_a_place_in_the_index(gazetteer):
    with ALIASES_PATH.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            assert row["gazetteer_id"] in gazetteer.places, row


def test_index_keeps_the_region_villages_geonames_has():
    with gzip.open(INDEX_PATH, "rt", encoding="utf-8") as handle:
        text = handle.read()
    for name in ("Nubl", "Jarābulus", "Māri‘", "Al-Tabqa"):
        assert f"\t{name}\t" in text


def test_a_hill_name_is_found_under_each_spelling_of_tall(gazetteer):
    ids = {c.place.id for c in gazetteer.candidates("Tall Abyad")}
    assert ids
    for spelling in ("Tal Abyad", "Tell Abyad", "Tel Abyad"):
        assert ids <= {c.place.id for c in gazetteer.candidates(spelling)}, spelling


def test_a_glued_article_of_ocha_is_also_found_written_apart():
    from geo.gazetteer.index import _unglued

    assert "tal al aghar" in _unglued({"tal elaghar"})  # OCHA "Tal Elaghar"
    assert "bir al qasr" in _unglued({"bir alqasr"})
    # a name's first word, and words that only open with the letters, are left alone
    assert _unglued({"aleppo", "elbeyli", "alma"}) == set()
    assert _unglued({"tal alawi"}) == set()  # al + a vowel: a name of its own (Alawi)
