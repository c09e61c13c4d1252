"""A thread's title is what a reader expects: the page's or the export's, else the first
sentence of its first line, cut at a word with an ellipsis when long (geo/formats/titles.py)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from geo.formats.titles import MAX_TITLE_CHARS, headline, shorten, title_of
from geo.thread import parse_thread

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_c3b9a48d73eaee79.txt"
FORMATS = ROOT / "tests" / "fixtures" / "formats"
DEV_TEXTS = sorted((ROOT / "tests" / "gold" / "dev" / "texts").glob("*.txt"))


def _is_a_cut_at_a_word(title: str, line: str) -> bool:
    """``title`` is ``line``'s first words, whole, then an ellipsis."""
    kept = title.removesuffix("\u2026")
    return (title.endswith("\u2026") and line.startswith(kept) and len(line) > len(kept)
            and not line[len(kept)].isalnum())


def test_the_seed_is_named_by_its_first_sentence_cut_at_a_word():
    text = SEED.read_text(encoding="utf-8")
    first = text.splitlines()[0]
    title = parse_thread(text).title
    assert title == title_of(text) and len(title) <= MAX_TITLE_CHARS
    assert not title.startswith("1.")  # the post's list number is no part of a title
    assert _is_a_cut_at_a_word(title, first.removeprefix("1. ")), title
    # it was the line's first 97 characters (cut where the count fell)
    assert title == ('Unless the US JCS are once again "off the reservation" and talking to '
                     "the\u2026")


def test_a_first_sentence_that_fits_is_the_whole_title():
    line = ("Someone said to me that the border crossings from Hatay are under surveillance. "
            "And the recent NATO moves go well beyond anything done in the days of the USSR.")
    assert headline(line) == ("Someone said to me that the border crossings from Hatay are "
                              "under surveillance")
    # a list number, "Gen." and "U.S." end no sentence; a short first one takes the next
    assert headline("2. What now? Gen. Hassan says the U.S. forces took Manbij on 7 June. "
                    "IS fled north towards Jarabulus.") == (
        "What now? Gen. Hassan says the U.S. forces took Manbij on 7 June")


@pytest.mark.parametrize("line", [
    "x" * 30 + " " + "Aleppo " * 20,
    "Aleppo, Manbij, Azaz, al-Bab, Jarabulus, Raqqa, Tabqa, Deir ez-Zor, Palmyra, Homs, Hama, "
    "Idlib and Latakia all changed hands in the war",
    "A sentence with no stop that runs on and on past the title's length without ending here",
])
def test_a_long_sentence_is_cut_at_a_word_with_an_ellipsis(line):
    title = headline(line)
    assert len(title) <= MAX_TITLE_CHARS and _is_a_cut_at_a_word(title, line), title
    assert not title.removesuffix("\u2026").endswith((",", " ")), title


def test_titles_of_real_texts_are_whole_words():
    """The development texts (Wikipedia articles, long first lines) and every format
    sample: no title runs over the length or ends inside a word."""
    for path in [*DEV_TEXTS, SEED]:
        text = path.read_text(encoding="utf-8")
        title = title_of(text)
        assert 0 < len(title) <= MAX_TITLE_CHARS, (path.name, title)
        if title.endswith("\u2026"):
            lines = (re.sub(r"^\d+\. ", "", " ".join(line.split())) for line in text.splitlines())
            first = next(line for line in lines if line.startswith(title[:-1]))
            assert _is_a_cut_at_a_word(title, first), (path.name, title)


def test_a_title_the_format_gives_is_kept_and_only_cut_when_long():
    expected = json.loads((ROOT / "tests" / "fixtures" / "formats_expected.json")
                          .read_text(encoding="utf-8"))
    for name in ("reddit.json", "disqus.xml", "typepad.html", "wordpress.html"):
        thread = parse_thread((FORMATS / name).read_text(encoding="utf-8"), source=name)
        assert thread.title == expected[name]["title"]
    long = "The Castello road, the siege of eastern Aleppo and what the summer campaign " \
           "changed for the rebels"
    page = f"<html><head><title>{long}</title></head><body><p>Aleppo.</p></body></html>"
    title = parse_thread(page, source="page.html").title
    assert title == shorten(long) and _is_a_cut_at_a_word(title, long), title
