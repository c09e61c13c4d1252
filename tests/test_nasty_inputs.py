"""Real-world inputs that break naive parsers: each parses correctly or fails clearly.

The inputs are built by code (so the repository holds no binary blobs) and written to files,
then read the way the command line and the Ingest page read them.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from geo.gazetteer import load_gazetteer
from geo.geoparse import geoparse
from geo.pipeline import build_corpus, read_thread_file
from geo.thread import ThreadError, parse_thread

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_c3b9a48d73eaee79.txt"
FOOTER = "Posted by: {name} | 07 June 2016 at 05:{minute:02d} PM"


def thread(*comments: tuple[str, str]) -> str:
    return "".join(f"{body}\n{FOOTER.format(name=name, minute=i)}\n"
                   for i, (name, body) in enumerate(comments))


def write(tmp_path: Path, data: bytes) -> Path:
    path = tmp_path / "input.txt"
    path.write_bytes(data)
    return path


def test_windows_line_endings_and_a_bom(tmp_path):
    text = "\ufeff" + SEED.read_text(encoding="utf-8").replace("\n", "\r\n")
    parsed = parse_thread(read_thread_file(write(tmp_path, text.encode("utf-8"))))
    assert len(parsed.entries) == 26
    assert parsed.entries[1].author == "BrotherJoe"
    assert not any("\r" in e.author or e.text.endswith("\r") for e in parsed.entries)


def test_utf16_with_a_bom_is_read(tmp_path):
    text = thread(("Ann", "Aleppo holds."), ("Bob", "Azaz falls."))
    parsed = parse_thread(read_thread_file(write(tmp_path, text.encode("utf-16"))))
    assert [e.author for e in parsed.entries] == ["Ann", "Bob"]


def test_latin1_is_refused_with_its_line(tmp_path):
    data = thread(("Ann", "fine"), ("Bob", "café in Aleppo")).encode("latin-1")
    with pytest.raises(ThreadError) as caught:
        read_thread_file(write(tmp_path, data))
    assert caught.value.line == 3 and "not UTF-8" in caught.value.message


@pytest.mark.parametrize(
    ("footer", "problem"),
    [("Posted by: Ann | 07 June 2016", "has no time"),
     ("Posted by: Ann | 30 February 2016 at 05:06 PM", "not a real date")],
)
def test_bad_footers_fail_clearly_or_keep_the_comment(footer, problem):
    text = f"First comment.\n{footer}\nSecond.\n{FOOTER.format(name='Bob', minute=9)}\n"
    with pytest.raises(ThreadError, match=problem):
        parse_thread(text, strict=True)
    kept = parse_thread(text)
    assert [e.text for e in kept.entries] == ["First comment.", "Second."]
    assert kept.entries[0].author == "Ann" and kept.entries[0].posted_at is None


def test_names_with_bars():
    parsed = parse_thread(thread(("A | B", "x"), ("|pipe|", "y")))
    assert [e.author for e in parsed.entries] == ["A | B", "|pipe|"]


def test_five_thousand_comments_by_one_author():
    text = "".join(f"Comment {i} about Manbij.\nPosted by: Solo | 07 June 2016 at 05:06 PM\n"
                   for i in range(5000))
    started = time.perf_counter()
    corpus = build_corpus(text, source="solo")
    elapsed = time.perf_counter() - started
    assert len(corpus.entries) == 5000
    assert {e.author for e in corpus.entries} == {"Solo"}
    assert len(corpus.mentions) == 5000
    print(f"\n5,000 comments: {elapsed:.2f} s")


def test_a_two_megabyte_single_line():
    line = "Aleppo " + "x" * (2 * 1024 * 1024) + " Azaz"
    corpus = build_corpus(line, source="long")
    assert corpus.mode == "single" and len(corpus.entries) == 1
    assert {m.surface for m in corpus.mentions} == {"Aleppo", "Azaz"}


@pytest.mark.parametrize(("data", "message"), [(b"", "is empty"), (b" \n\n ", "is empty"),
                                               (b"\x89PNG\r\n\x1a\n\x00\x00", "looks binary")])
def test_empty_and_binary_files(tmp_path, data, message):
    with pytest.raises(ThreadError, match=message):
        read_thread_file(write(tmp_path, data))


def test_right_to_left_arabic_place_names():
    text = thread(("Ann", "القتال في حلب ومنبج مستمر"), ("Bob", "Fighting near Aleppo."))
    entries = parse_thread(text).entries
    result = geoparse(entries, load_gazetteer())
    names = {result.places[m.place].name for m in result.mentions}
    assert {"Aleppo", "Manbij"} <= names
    for m in result.mentions:
        assert entries[m.entry].text[m.start:m.end] == m.surface


def test_a_file_over_the_limit_is_refused(tmp_path):
    path = write(tmp_path, b"Aleppo\n" * 10)
    with pytest.raises(ThreadError, match="over the"):
        read_thread_file(path, max_bytes=20)
