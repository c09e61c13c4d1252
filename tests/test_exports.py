"""Export what you see (atlas/exports.py, geo/export.py): the view's places and claims as files.

Every coordinate a file holds must be a valid WGS84 one; the all-threads CSV must name, on
every row, the real file and ids that exist in it; the post's claims get a date and say where
it came from; a file's name says which thread and which moment it holds.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from atlas.archive import merge
from atlas.exports import export_name, view_export
from atlas.playback import Window
from atlas.view import Filters, apply_filters, timeline
from geo.export import valid_lon

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_c3b9a48d73eaee79.txt"
TWO = """The SDF took Manbij from IS, and the SAA shelled Aleppo.
Posted by: Ann | 09 June 2016 at 10:00 AM
IS fighters fled Manbij towards Jarabulus.
Posted by: Bob | 09 June 2016 at 11:30 AM
"""


@pytest.fixture(scope="module")
def seed():
    from geo.pipeline import build_corpus

    return build_corpus(SEED.read_text(encoding="utf-8"), source=SEED.name)


@pytest.fixture(scope="module")
def second():
    from geo.pipeline import build_corpus

    return build_corpus(TWO, source="second.txt")


def coordinates(value):
    if isinstance(value, list) and value and isinstance(value[0], int | float):
        yield value
    elif isinstance(value, list):
        for part in value:
            yield from coordinates(part)


def assert_valid(lon: float, lat: float) -> None:
    assert -180.0 <= float(lon) <= 180.0 and -90.0 <= float(lat) <= 90.0, (lon, lat)


def test_valid_lon_wraps_round_the_antimeridian():
    assert valid_lon(202.79) == pytest.approx(-157.21)
    assert valid_lon(-190.0) == pytest.approx(170.0)
    assert valid_lon(37.16) == 37.16


def test_every_exported_coordinate_is_valid(seed, second):
    for corpus in (seed, merge([seed, second])):
        view = apply_filters(corpus, Filters())
        exported = view_export(view, timeline(corpus))
        features = json.loads(exported.geojson)["features"]
        assert len(features) == len(view.places) > 0
        for feature in features:
            points = list(coordinates(feature["geometry"]["coordinates"]))
            assert points
            for lon, lat, *_ in points:
                assert_valid(lon, lat)
            assert_valid(feature["properties"]["lon"], feature["properties"]["lat"])
        rows = list(csv.DictReader(io.StringIO(exported.csv)))
        assert len(rows) == len(view.claims) > 0
        for row in rows:
            if row["longitude"]:
                assert_valid(row["longitude"], row["latitude"])


def test_the_export_is_the_view_filters_and_time_applied(seed):
    steps = timeline(seed)
    early = apply_filters(seed, Filters(until=8, sides=frozenset({"IS"})))
    exported = view_export(early, steps)
    assert {f["id"] for f in json.loads(exported.geojson)["features"]} == {
        p.id for p in early.places}
    assert [r["event_id"] for r in csv.DictReader(io.StringIO(exported.csv))] == [
        c.id for c in early.claims]
    assert len(early.claims) < len(apply_filters(seed, Filters()).claims)


def test_all_threads_csv_names_the_real_file_and_ids_that_exist(seed, second):
    archive = merge([seed, second])
    exported = view_export(apply_filters(archive, Filters()), timeline(archive))
    rows = list(csv.DictReader(io.StringIO(exported.csv)))
    by_source = {seed.source: seed, second.source: second}
    assert {r["source"] for r in rows} == set(by_source)
    for row in rows:
        corpus = by_source[row["source"]]
        claim = next(c for c in corpus.claims if c.id == row["event_id"])
        assert int(row["source_entry"]) == claim.entry < len(corpus.entries)
        assert row["notes"] == claim.quote


def test_the_posts_claims_get_the_threads_first_time_and_say_so(seed):
    rows = list(csv.DictReader(io.StringIO(view_export(
        apply_filters(seed, Filters()), timeline(seed)).csv)))
    first = min(e.posted_at for e in seed.entries if e.posted_at)
    post_rows = [r for r in rows if r["source_entry"] == "0"]
    assert post_rows, "the seed's post states claims"
    for row in post_rows:
        assert f"{row['event_date']}T{row['event_time']}" == first
        assert row["date_basis"] == "thread's first comment"
    assert all(r["date_basis"] == "comment" for r in rows if r["source_entry"] != "0")


def test_file_names_say_the_thread_and_the_moment(seed, second):
    steps = timeline(seed)
    at_ten = apply_filters(seed, Filters(until=10))
    name = export_name(at_ten, steps)
    assert name.startswith("000_c3b9a48d73eaee79_")
    assert steps[10].posted_at[:10] in name
    assert export_name(apply_filters(seed, Filters(until=0)), steps).endswith("_post")
    windowed = export_name(at_ten, steps, Window(6, "hours"))
    assert windowed.endswith("_last-6h") and windowed != name
    archive = merge([seed, second])
    assert export_name(apply_filters(archive, Filters()), timeline(archive)).startswith(
        "all-threads_")
