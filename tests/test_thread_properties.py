"""Property-based tests of the thread parser: any text in, no exception, nothing lost."""

from __future__ import annotations

from datetime import datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geo.formats.chrome import is_chrome
from geo.formats.links import fold_quotes
from geo.thread import FOOTER_START, QUOTE_CHARS, ThreadError, parse_thread

SETTINGS = settings(max_examples=300, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])

# Text that looks like threads: footers, near-footers, quotes, names, blank lines, CRLF.
PIECES = st.sampled_from([
    "Posted by: Ann | 07 June 2016 at 05:06 PM", "Posted by: B | C | 31 February 2016 at 1:00 AM",
    "Posted by:", "Posted by: X", "posted by: y | 1 May 2016 at 10:00 AM", "pl", "fredW",
    '"quoted words from an earlier comment"', "In reply to Ann.", "\r", "\ufeff", "Aleppo",
    "IS took Azaz.", "حلب", "|", "",
])
LINE = st.one_of(PIECES, st.text(max_size=40))
TEXT = st.lists(LINE, max_size=30).map("\n".join)


def _covered_characters(text: str, entries) -> None:
    """Every entry is an exact slice; entries are disjoint; the rest is footers, page
    furniture ("Reply", "|", a vote count) or blanks."""
    last_end = 0
    for entry in entries:
        assert text[entry.start:entry.end] == entry.text
        assert entry.start >= last_end
        last_end = entry.end
    outside = list(text)
    for entry in entries:
        outside[entry.start:entry.end] = [""] * (entry.end - entry.start)
    for line in "".join(outside).splitlines():
        assert not line.replace("\ufeff", "").strip() or FOOTER_START.match(line) \
            or is_chrome(line), repr(line)


@SETTINGS
@given(TEXT)
def test_any_text_parses_leniently_without_losing_a_character(text):
    thread = parse_thread(text, strict=False)
    _covered_characters(text, thread.entries)


@SETTINGS
@given(TEXT)
def test_strict_parsing_either_succeeds_the_same_way_or_names_a_line(text):
    try:
        strict = parse_thread(text, strict=True)
    except ThreadError as error:
        assert error.line is not None and 1 <= error.line <= len(text.splitlines())
        return
    lenient = parse_thread(text, strict=False)
    assert [e.text for e in strict.entries] == [e.text for e in lenient.entries]


NAME = st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1,
               max_size=20).map(str.strip).filter(lambda s: s and "\n" not in s
                                                  and not s.startswith("Posted by"))
BODY = st.lists(st.text(st.characters(blacklist_categories=("Cs",)), max_size=60)
                .map(lambda s: s.replace("\r", " ").replace("\x0b", " ").replace("\x0c", " ")
                     .replace("\x1c", " ").replace("\x1d", " ").replace("\x1e", " ")
                     .replace("\x85", " ").replace("\u2028", " ").replace("\u2029", " "))
                # no line of a body is a footer or page furniture ("0", a vote count, is):
                # a text may hold newlines, so each of its lines is checked
                .filter(lambda s: not any(FOOTER_START.match(line) or is_chrome(line)
                                          for line in s.split("\n"))),
                min_size=1, max_size=4) \
    .map("\n".join).filter(lambda s: s.strip())
MOMENT = st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2030, 12, 31)) \
    .map(lambda d: d.replace(second=0, microsecond=0))


@SETTINGS
@given(st.lists(st.tuples(NAME, MOMENT, BODY), min_size=1, max_size=12))
def test_generated_threads_round_trip(comments):
    text = "".join(
        f"{body}\nPosted by: {author} | {moment.strftime('%d %B %Y at %I:%M %p')}\n"
        for author, moment, body in comments)
    thread = parse_thread(text, signature="\x00no-post\x00")
    assert thread.mode == "footers"
    assert len(thread.entries) == len(comments)
    for entry, (author, moment, body) in zip(thread.entries, comments, strict=True):
        assert entry.author == author
        assert entry.posted_at == moment.isoformat()
        assert entry.text == body.strip(" \t\r\n\ufeff")
    _covered_characters(text, thread.entries)


def _reference_normalise(text: str) -> tuple[str, list[int]]:
    """The quote matcher's normalisation spelled out one character at a time, as the parser
    first did it: the fast version must give the same text and the same offsets back."""
    out: list[str] = []
    where: list[int] = []
    space = False
    for index, char in enumerate(text):
        if char.isspace():
            if not space and out:
                out.append(" ")
                where.append(index)
            space = True
            continue
        space = False
        if char in QUOTE_CHARS:
            char = '"'
        elif char in "\u2018\u2019":
            char = "'"
        folded = char.casefold()
        out.append(folded)
        where.extend([index] * len(folded))
    return "".join(out), where


@SETTINGS
@given(st.lists(st.one_of(st.text(max_size=12), st.sampled_from(
    ["  ", "\n\n", "\t \r\n", '"', "\u201c", "\u2019", "ß", "İ", "Ǆ", " x "])), max_size=20)
    .map("".join))
def test_normalised_offsets_match_the_character_by_character_reference(text: str) -> None:
    folded, where = fold_quotes(text)
    expected, expected_where = _reference_normalise(text)
    assert folded == expected
    assert len(where) == len(expected_where)
    assert list(where) == expected_where


HEADER_NAME = st.from_regex(r"[A-Z][a-z]{2,8}(?: [A-Z][a-z]{2,8})?", fullmatch=True) \
    .filter(lambda s: not is_chrome(s) and not s.lower().startswith(("posted", "reply")))
SENTENCE = st.from_regex(r"[A-Z][a-z ,]{4,60}\.", fullmatch=True) \
    .filter(lambda s: not s.lower().startswith(("posted", "reply", "in reply", "re")))


@SETTINGS
@given(st.lists(st.tuples(HEADER_NAME, MOMENT, st.lists(SENTENCE, min_size=1, max_size=3)),
                min_size=2, max_size=8))
def test_names_above_threads_round_trip(comments):
    """A WordPress-style copy: name, date line, the words, "Reply" -- read back exactly."""
    text = "A post about the front.\n\n" + "".join(
        f"{name} says:\n{moment:%B} {moment.day}, {moment.year} at "
        f"{moment.hour % 12 or 12}:{moment:%M} {'pm' if moment.hour >= 12 else 'am'}\n"
        + "\n".join(body) + "\nReply\n\n"
        for name, moment, body in comments)
    thread = parse_thread(text)
    assert thread.family == "wordpress"
    assert [(e.author, e.posted_at, e.text) for e in thread.entries[1:]] == [
        (name, moment.isoformat(), "\n".join(body)) for name, moment, body in comments]
    for entry in thread.entries:
        assert text[entry.start:entry.end] == entry.text
