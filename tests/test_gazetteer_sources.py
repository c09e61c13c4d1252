"""The regional gazetteer: folding, the source loaders and their merge, the committed file."""

from __future__ import annotations

import csv

import pytest

from geo.cli import main as cli
from geo.gazetteer import REGIONAL_PATH, load_gazetteer, skeleton
from geo.gazetteer.sources import load_airports, load_ocha, load_wof, merge, read_regional

WOF_COLUMNS = ["wof_id", "placetype", "name", "name_gn", "lat", "lon", "gn_id",
               "gn_feature_code", "gn_population", "names_eng", "names_ara", "names_und_variant",
               "names_other_latin", "region", "county", "region_id", "county_id", "parent_id",
               "is_current", "deprecated", "superseded_by", "country", "src_geom", "path"]
OCHA_COLUMNS = ["pcode", "name_en", "ref_name", "alt1_en", "alt2_en", "class", "lat", "lon",
                "adm4_en", "adm4_pcode", "adm3_en", "adm3_ar", "adm3_pcode", "adm2_en",
                "adm2_ar", "adm2_pcode", "adm1_en", "adm1_ar", "adm1_pcode"]


@pytest.mark.parametrize(("a", "b"), [
    ("Tall Sha'ir", "Tal Sha'er"), ("Dayr Hafir", "Deir Hafer"), ("Tishrin", "Tishreen"),
    ("Shaykh Maqsud", "Sheikh Maqsoud"), ("Khmeimim", "Hmeimim"), ("Raqqah", "Raqqa"),
    ("al-Qubtan", "Qabtan"), ("Ziadiyah", "Az Ziyadiyah"), ("Qara Qozak", "Qara Qawzak"),
])
def test_transliterations_share_a_skeleton(a, b):
    assert skeleton(a) == skeleton(b)


@pytest.mark.parametrize(("a", "b"), [("Manbij", "Mambo"), ("Aleppo", "Azaz"), ("Hama", "Homs")])
def test_other_names_do_not(a, b):
    assert skeleton(a) != skeleton(b)


def _write(path, columns, rows, delimiter):
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, delimiter=delimiter,
                                lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({c: row.get(c, "") for c in columns})


def test_an_ocha_community_merges_into_the_wof_village_it_is(tmp_path):
    wof, ocha = tmp_path / "wof.tsv", tmp_path / "ocha.csv"
    _write(wof, WOF_COLUMNS, [
        {"wof_id": "1", "placetype": "locality", "name": "Tall Sha`ir", "lat": "36.50",
         "lon": "37.30", "gn_id": "99", "gn_population": "0", "names_ara": "تل شعير",
         "country": "SY"},
        {"wof_id": "2", "placetype": "county", "name": "Menbij", "names_eng": "Manbij",
         "lat": "36.4", "lon": "37.9", "country": "SY"},
    ], "\t")
    _write(ocha, OCHA_COLUMNS, [
        {"pcode": "C1", "name_en": "Tal Sha'er", "lat": "36.505", "lon": "37.301",
         "adm1_en": "Aleppo", "adm2_en": "A'zaz", "adm3_en": "Akhtrin", "adm3_pcode": "SY1"},
        {"pcode": "C2", "name_en": "Tal Sha'er (far)", "lat": "35.0", "lon": "39.0",
         "adm1_en": "Raqqa", "adm2_en": "Raqqa", "adm3_en": "Raqqa", "adm3_pcode": "SY2"},
    ], ",")
    communities, subdistricts = load_ocha(ocha)
    places = {p.id: p for p in merge(load_wof(wof), communities, subdistricts)}
    village = places["geonames:99"]
    assert "OCHA C1" in village.sources and "Tal Sha'er" in village.names
    assert village.admin == "Aleppo > A'zaz > Akhtrin"
    assert "ocha:C2" in places  # 170 km away: another village of that name
    assert places["wof:2"].kind == "region" and places["wof:2"].name == "Manbij District"
    assert "Manbij" not in places["wof:2"].names  # a bare "Manbij" is the town


def test_air_bases_come_from_airportsdata():
    bases = {p.id: p for p in load_airports()}
    jirah = bases["icao:OS62"]
    assert jirah.kind == "facility" and "Jirah airbase" in jirah.names
    assert not any(p.country == "TR" and p.lat < 35.8 for p in bases.values())


def test_the_committed_regional_file_carries_villages_pcodes_and_bases():
    rows = {r["id"]: r for r in read_regional(REGIONAL_PATH)}
    assert len(rows) > 30_000
    assert sum(r["source"].count("OCHA") for r in rows.values()) > 7000
    assert "icao:OS62" in rows
    assert all(r["source"] for r in rows.values())


def test_the_index_finds_villages_geonames_cities500_lacks():
    gazetteer = load_gazetteer()
    dabiq_area = [c.place for c in gazetteer.candidates("Ehteimlat")]
    assert dabiq_area and all(abs(p.lat - 36.56) < 0.05 for p in dabiq_area)
    assert "OCHA" in dabiq_area[0].source


def test_sources_command_needs_a_folder(tmp_path, capsys):
    assert cli(["sources", str(tmp_path / "missing")]) == 2
    assert "not a folder" in capsys.readouterr().err
