"""``python -m geo``: extract formats, build, and one-line errors with exit status 2."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_c3b9a48d73eaee79.txt"


def geo(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    env = {"PYTHONPATH": str(ROOT), "FRONTLINE_QUIET": "1", "PATH": "/usr/bin:/bin"}
    return subprocess.run([sys.executable, "-m", "geo", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=300, env=env)


@pytest.fixture(scope="module")
def extracted():
    done = geo("extract", str(SEED), "--format", "json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_extract_json_has_the_documented_shape(extracted):
    assert set(extracted) >= {"source", "entries", "places", "mentions", "unresolved", "actors",
                              "claims"}
    assert set(extracted["entries"][0]) >= {"id", "kind", "author", "posted_at", "text", "start",
                                            "end", "replies_to", "quotes"}
    assert set(extracted["places"][0]) >= {"id", "name", "kind", "country", "lat", "lon",
                                           "geometry", "gazetteer_id", "confidence"}
    assert set(extracted["mentions"][0]) >= {"place", "entry", "start", "end", "surface",
                                             "confidence"}
    assert set(extracted["claims"][0]) >= {"id", "entry", "author", "posted_at", "actor",
                                           "action", "places", "origin", "destination",
                                           "modality", "start", "end", "quote", "disputes"}


def test_extract_spans_point_into_entry_text(extracted):
    entries = {e["id"]: e for e in extracted["entries"]}
    for mention in extracted["mentions"]:
        text = entries[mention["entry"]]["text"]
        assert text[mention["start"]:mention["end"]] == mention["surface"]
    for claim in extracted["claims"]:
        assert entries[claim["entry"]]["text"][claim["start"]:claim["end"]] == claim["quote"]


def _post_signature() -> tuple[str, str]:
    """The post's signature as the text writes it ("pl"), and the account behind it."""
    from geo.thread import parse_thread, signature_owners

    thread = parse_thread(SEED.read_text(encoding="utf-8"))
    sign = thread.entries[0].author
    return sign, signature_owners(thread.entries)[sign]


def test_extract_names_each_person_as_the_app_does(extracted):
    """The post signed "pl" is turcopolier's, in the export as on every page of the app."""
    from atlas.view import authors
    from geo.pipeline import build_corpus

    sign, account = _post_signature()
    assert sign and account and sign != account
    assert extracted["entries"][0]["author"] == account
    named = ({e["author"] for e in extracted["entries"]}
             | {c["author"] for c in extracted["claims"]}
             | {m["speaker"] for m in extracted["mentions"]})
    assert account in named and sign not in named
    # the commenters in the order the app's commenter filter lists them
    app = authors(build_corpus(SEED.read_text(encoding="utf-8"), source=SEED.name))
    assert list(dict.fromkeys(e["author"] for e in extracted["entries"] if e["author"])) == app


def test_extract_geojson_and_csv():
    done = geo("extract", str(SEED), "--format", "geojson")
    assert done.returncode == 0, done.stderr
    collection = json.loads(done.stdout)
    names = {f["properties"]["name"] for f in collection["features"]}
    assert {"Aleppo", "Manbij", "Castello road"} <= names
    road = next(f for f in collection["features"] if f["properties"]["name"] == "Castello road")
    assert road["geometry"]["type"] == "LineString"
    done = geo("extract", str(SEED), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    assert rows and {"actor1", "location", "latitude", "geo_precision", "modality"} <= set(rows[0])
    sign, account = _post_signature()
    authors = {row["source_author"] for row in rows}
    assert account in authors and sign not in authors  # one name, as in the app


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty"),
        (b"\x00\x01\x02binary\x00", "looks binary"),
        (b"caf\xe9 Aleppo\n", "not UTF-8"),
        (b"Hi\nPosted by: X | 31 February 2016 at 05:06 PM\n", "line 2: the date"),
        (b"Hi\nPosted by: X\n", "line 2: the 'Posted by' line has no date"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(tmp_path, content, message):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    done = geo("extract", str(bad), "--strict")
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and str(bad) in lines[0] and message in lines[0], done.stderr


def test_missing_file(tmp_path):
    done = geo("extract", str(tmp_path / "nope.txt"))
    assert done.returncode == 2 and "no such file" in done.stderr


def test_build_is_resumable(tmp_path):
    folder = tmp_path / "threads"
    folder.mkdir()
    (folder / "seed.txt").write_bytes(SEED.read_bytes())
    db = tmp_path / "atlas.sqlite"
    first = geo("build", str(folder), "--db", str(db), "--jobs", "1")
    assert first.returncode == 0, first.stderr
    assert "1 thread(s) built, 0 unchanged" in first.stderr
    second = geo("build", str(folder), "--db", str(db), "--jobs", "1")
    assert "0 thread(s) built, 1 unchanged" in second.stderr


def test_build_rebuilds_a_thread_built_by_another_pipeline(tmp_path):
    import sqlite3

    folder = tmp_path / "threads"
    folder.mkdir()
    (folder / "seed.txt").write_bytes(SEED.read_bytes())
    db = tmp_path / "atlas.sqlite"
    assert geo("build", str(folder), "--db", str(db), "--jobs", "1").returncode == 0
    with sqlite3.connect(db) as con:  # as if built before the code or data files changed
        con.execute("UPDATE threads SET digest = 'older000pipe-' || substr(digest, 14)")
    again = geo("build", str(folder), "--db", str(db), "--jobs", "1")
    assert "1 thread(s) built, 0 unchanged" in again.stderr, again.stderr


FORMATS = ROOT / "tests" / "fixtures" / "formats"


def test_a_malformed_footer_keeps_the_thread_by_default(tmp_path):
    odd = tmp_path / "odd.txt"
    odd.write_text("Azaz holds.\nPosted by: X | 31 February 2016 at 05:06 PM\n"
                   "Aleppo too.\nPosted by: Y | 07 June 2016 at 05:06 PM\n", encoding="utf-8")
    done = geo("extract", str(odd))
    assert done.returncode == 0, done.stderr
    corpus = json.loads(done.stdout)
    assert [e["author"] for e in corpus["entries"]] == ["X", "Y"]
    assert [e["posted_at"] for e in corpus["entries"]] == [None, "2016-06-07T17:06:00"]
    assert "line 2" in done.stderr


def test_extract_reports_the_family_and_reads_relative_times_as_of(tmp_path):
    done = geo("extract", str(FORMATS / "disqus.txt"), "--as-of", "2016-06-08T12:00")
    assert done.returncode == 0, done.stderr
    assert "Disqus comments copied from the page (name above, then the date): 6 entries" \
        in done.stderr
    corpus = json.loads(done.stdout)
    assert corpus["family"] == "disqus" and corpus["title"] == "Syria: The Race For Raqqa Is On"
    assert corpus["entries"][-1]["posted_at"] == "2016-06-08T11:00:00"
    unresolved = json.loads(geo("extract", str(FORMATS / "disqus.txt")).stdout)
    assert all(e["posted_at"] is None for e in unresolved["entries"])
    assert geo("extract", str(FORMATS / "disqus.txt"), "--as-of", "soon").returncode == 2


def test_extract_text_prints_what_the_offsets_index():
    done = geo("extract", str(FORMATS / "wordpress.html"), "--format", "text")
    assert done.returncode == 0, done.stderr
    corpus = json.loads(geo("extract", str(FORMATS / "wordpress.html")).stdout)
    for entry in corpus["entries"]:
        assert done.stdout[entry["start"]:entry["end"]] == entry["text"]
    assert "class=" not in done.stdout and "<p>" not in done.stdout  # markup gone
    assert "<script>alert(1)</script> is what" in done.stdout  # a comment's words kept


def test_build_takes_every_family_from_a_folder(tmp_path):
    db = tmp_path / "atlas.sqlite"
    done = geo("build", str(FORMATS), "--db", str(db), "--jobs", "1")
    assert done.returncode == 0, done.stderr
    assert "10 thread(s) built" in done.stderr and "reddit 1" in done.stderr
    from geo.corpus import thread_titles

    assert thread_titles(db)["reddit.json"] == "SDF closes on Manbij from three sides"


def test_streamed_json_is_the_documented_corpus():
    from geo.jsonstream import write_json
    from geo.pipeline import build_corpus

    corpus = build_corpus(SEED.read_text(encoding="utf-8"), source=SEED.name)
    out = io.StringIO()
    write_json(corpus, out)
    assert json.loads(out.getvalue()) == json.loads(json.dumps(corpus.to_dict()))
