"""The geoparser's regex shortcuts find what the word-by-word rules they replace would find.

The spotter and the misspelling scan skip most of a text inside the regex engine; these
properties compare them, on generated text, with the plain rules: every capitalised token, and
every capitalised token whose previous word is a locative.
"""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geo.gazetteer import name_key
from geo.geoparse import (
    AFTER_LOCATIVE,
    CAPITAL_TOKEN,
    LOCATIVE,
    TOKEN,
    URL,
    _is_capitalised,
    _previous_word,
)
from geo.geoparse.patterns import JOINED_NEXT
from geo.geoparse.phrases import MENU_LINE, ROAD_NUMBER, _menu_lines
from geo.geoparse.repair import after_locatives
from geo.geoparse.spot import _joined_key
from geo.geoparse.words import LowerCaseWords, ThreadWords

SETTINGS = settings(max_examples=400, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])
WORDS = st.sampled_from([
    "in", "In", "into", "Reach", "near", "towards", "inside", "Aleppo", "Mabij", "Deir",
    "ez-Zor", "Mare'", "Qal'at", "Russia's", "حلب", "ومنبج", "élan", "Édessa", "x", "I",
    "the", "TO", "2016",
])
GAPS = st.sampled_from([" ", "  ", ", ", ". ", "\n", " \n", "-", "'", "(", "\u2019", ""])
TEXT = st.lists(st.tuples(WORDS, GAPS), max_size=25).map(
    lambda parts: "".join(w + g for w, g in parts))
ANY_TEXT = st.one_of(TEXT, st.text(max_size=60))


def _reference_tokens(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in TOKEN.finditer(text) if _is_capitalised(m.group())]


@SETTINGS
@given(ANY_TEXT)
def test_capital_token_finds_every_capitalised_token(text: str) -> None:
    found = [m.span() for m in CAPITAL_TOKEN.finditer(text) if _is_capitalised(m.group())]
    assert found == _reference_tokens(text)


@SETTINGS
@given(ANY_TEXT)
def test_after_locative_finds_every_token_after_a_locative(text: str) -> None:
    found = {m.span(1) for m in AFTER_LOCATIVE.finditer(text)}
    wanted = {(s, e) for s, e in _reference_tokens(text) if _previous_word(text, s) in LOCATIVE}
    assert wanted <= found


@SETTINGS
@given(ANY_TEXT)
def test_after_locatives_read_backwards_as_the_forward_scan(text: str) -> None:
    assert after_locatives(text) == [m.span(1) for m in AFTER_LOCATIVE.finditer(text)]


@SETTINGS
@given(st.lists(ANY_TEXT, max_size=3), st.lists(st.one_of(WORDS, st.text(max_size=6)),
                                                  max_size=8))
def test_lower_case_words_answer_as_the_whole_word_set(texts: list[str], asked: list[str]) -> None:
    urls = [t + " http://x.org/in" if i == 1 else t for i, t in enumerate(texts)]
    every = set(TOKEN.findall(URL.sub(" ", "\n".join(urls))))
    wanted = {w for w in every if w.islower()}
    # alone, and with the thread's distinct words to rule a word out first
    for words in (LowerCaseWords(urls), LowerCaseWords(urls, ThreadWords(urls).distinct)):
        for word in [*asked, *every, *(w.lower() for w in every), "in", "s"]:
            assert (word in words) == (word in wanted), word


MENU_PARTS = st.sampled_from([" | ", "|", " \u00b7 ", "\u00b7", " \u00bb ", "\t|\t", "Home", " ",
                              "\n", " |", "| ", " \u2022 ", " || ", "Syria"])


@SETTINGS
@given(st.one_of(st.lists(MENU_PARTS, max_size=14).map("".join), ANY_TEXT))
def test_menu_lines_are_the_menu_line_pattern_s(text: str) -> None:
    assert _menu_lines(text) == [m.span() for m in MENU_LINE.finditer(text)]


def test_a_long_table_row_is_answered_without_backtracking() -> None:
    # MENU_LINE itself took minutes on such a row of a Markdown table (a wiki article)
    cells = " | ".join(f"Town {i} | 2016 | SDF" for i in range(400))
    assert _menu_lines(f"| {cells} |\n" * 3) == []  # a "|" after the last separator
    assert _menu_lines(f"{cells}\nnext") == [(0, len(cells))]


NAME_WORDS = st.sampled_from([
    "Deir", "ez", "Zor", "Mare'a", "Qal\u2019at", "\u0130dlib", "\u0131", "\u00c9dessa",
    "Stra\u00dfe",
    "\u0645\u0646\u0628\u062c", "\ufe70", "\ufdfa", "\u00bd", "\u0149", "Tell", "al", "\u00c5",
])
NAME_GAPS = st.sampled_from([" ", "-", " - ", "\t", "\n", " \n", "\u2010", "\u2011 ", "-\n"])


@SETTINGS
@given(st.lists(st.tuples(NAME_GAPS, st.one_of(NAME_WORDS, st.from_regex(TOKEN, fullmatch=True))),
                min_size=1, max_size=5))
def test_a_name_key_grows_a_word_at_a_time(words: list[tuple[str, str]]) -> None:
    name, key = words[0][1], name_key(words[0][1])
    for gap, word in words[1:]:
        name, key = name + gap + word, _joined_key(key, name_key(word))
    assert key == name_key(name)


@SETTINGS
@given(st.lists(ANY_TEXT, max_size=4), st.lists(st.one_of(WORDS, st.text(min_size=1, max_size=4)),
                                                  max_size=6))
def test_thread_words_guard_each_entry_as_the_whole_list(texts: list[str], asked: list) -> None:
    words = tuple(asked)
    present = ThreadWords(texts)(words)
    for text in texts:
        assert any(w in text for w in present) == any(w in text for w in words)


@SETTINGS
@given(st.lists(ANY_TEXT, max_size=4), st.lists(st.one_of(WORDS, st.text(min_size=1, max_size=4)),
                                                  max_size=6), st.lists(WORDS, max_size=6))
def test_thread_words_looked_for_at_once_are_those_the_thread_has(
        texts: list[str], asked: list, expected: list) -> None:
    words = ThreadWords(texts, expected)
    for question in (tuple(asked), tuple(expected), tuple(asked[::-1])):
        assert words(question) == tuple(w for w in question if w in "\x00".join(texts))
    # the distinct words: each text's ``str.split``, all of them (a text none of whose words
    # is a city's is asked nothing)
    assert words.split == {w for text in texts for w in text.split()}


ROAD_PARTS = st.sampled_from(["M", "M4", "M-5", "M 45", "Route 47", "Highway 4", " highway",
                              " Road", "xM4", "_M4", "4", " ", "-", "\n", "Highway", "Route"])


@SETTINGS
@given(st.one_of(st.lists(ROAD_PARTS, max_size=10).map("".join), ANY_TEXT))
def test_road_numbers_as_the_word_boundary_first_pattern(text: str) -> None:
    plain = re.compile(r"\b(?:M[- ]?\d{1,2}|Route \d{1,3}|Highway \d{1,3})"
                       r"(?:[ \t]+(?:[Hh]ighway|[Mm]otorway|[Rr]oad))?\b")
    assert [m.span() for m in ROAD_NUMBER.finditer(text)] == [
        m.span() for m in plain.finditer(text)]


@SETTINGS
@given(st.lists(st.tuples(NAME_GAPS, st.one_of(NAME_WORDS, GAPS)), max_size=4).map(
    lambda parts: "".join(g + w for g, w in parts)), st.integers(min_value=0, max_value=20))
def test_the_next_word_of_a_name_is_the_token_after_the_joiner(text: str, at: int) -> None:
    # JOINED_NEXT reads the gap and the next word's TOKEN in one match; it was the gap alone,
    # up to a letter, then TOKEN matched there
    gap = re.compile(r"[ \t]?[-\u2010\u2011]?[ \t]?\n?(?=[^\W\d_])").match(text, at)
    found = JOINED_NEXT.match(text, at)
    assert (found and found.span(1)) == (gap and TOKEN.match(text, gap.end()).span())
