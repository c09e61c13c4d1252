"""Scans of the geoparser made cheaper give what the patterns they stand for give.

Each shortcut below replaces a regex scan of a whole text (the engine tries the pattern at
every position) by ``str.find`` or a pattern that opens with a literal; these properties
compare them with the plain patterns on generated text, so a shortcut that drifts from its
pattern fails here rather than changing a mention.
"""

from __future__ import annotations

import re
import string
import sys

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geo.gazetteer import Gazetteer
from geo.geoparse.digits import DIGIT, _digit_words, has_digit, number_matches
from geo.geoparse.patterns import ANAPHOR, ARTICLE_PREFIX, LOCATIVE, LOCATIVE_LAST_LETTERS
from geo.geoparse.phrases import BOILERPLATE_LINE, _boilerplate_lines
from geo.geoparse.repair import ANAPHOR_LOWER, CASE_ODD, _anaphors, _may_hold_anaphor
from geo.geoparse.spot import _article_before
from geo.geoparse.variants import THE_CAPITAL, _the_capitals
from geo.geoparse.words import ThreadWords, _may_hold_url, present_words, texts_holding

SETTINGS = settings(max_examples=400, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])
ODD = st.sampled_from(["\u0130", "\u0131", "\u017f", "\u212a", "\u00e9", "\u2019", "\u0645"])


def _text(parts: list[str]) -> st.SearchStrategy[str]:
    """Texts made of ``parts`` and odd characters, or any text."""
    return st.one_of(st.lists(st.one_of(st.sampled_from(parts), ODD), max_size=16).map("".join),
                     st.text(max_size=40))


NUMBER_PARTS = ["4", "5", "137", "1070", "10700", "41", "T", "T-", " ", "km", "\u0664", "2015",
                "Brigade ", "\n"]


@SETTINGS
@given(_text(NUMBER_PARTS), st.lists(st.sampled_from(
    ["t4 air base", "brigade 137", "m5", "1070 housing", "5", "x\u00b2", "4th 1"]), max_size=4))
def test_numbers_are_found_where_the_pattern_finds_them(text: str, names: list[str]) -> None:
    _, numbers, _, firsts = _digit_words(tuple(names))
    found = [m.span() for m in number_matches(text, numbers, firsts)]
    assert found == ([m.span() for m in numbers.finditer(text)] if DIGIT.search(text) else [])


@SETTINGS
@given(_text(NUMBER_PARTS))
def test_a_digit_is_found_as_the_pattern_finds_one(text: str) -> None:
    assert has_digit(text) == (DIGIT.search(text) is not None)


ANAPHOR_PARTS = ["the", "The", "THIS", "that", "tha", "th", "this", "these", " ", "  ", "\n",
                 "city", "City", "town", "TOWN", "towns", "large", "besieged", "xthe", "-",
                 "_", "t\u0131s", "th\u0130s", "\u017fmall", "Th\u0131s", "th\u0130s city",
                 "Th\u0131s town", "the \u017fmall city", "This large town", "that city"]


@SETTINGS
@given(_text(ANAPHOR_PARTS))
def test_anaphors_are_found_where_the_pattern_finds_them(text: str) -> None:
    assert [m.span() for m in _anaphors(text)] == [m.span() for m in ANAPHOR.finditer(text)]
    assert [m.group(1) for m in _anaphors(text)] == [m.group(1) for m in ANAPHOR.finditer(text)]


@SETTINGS
@given(_text([*ANAPHOR_PARTS, "\u00e9", "\u0645", "Ci\u0307ty", "TOWN", "\u212a"]))
def test_a_text_said_to_hold_no_anaphor_holds_none(text: str) -> None:
    assert _may_hold_anaphor(text) or ANAPHOR.search(text) is None


def test_only_the_odd_characters_lower_to_other_than_ignorecase_reads_them() -> None:
    # every character of the basic plane outside CASE_ODD lowers to one character that
    # matches each letter of the pattern exactly when IGNORECASE would, and keeps its class
    words = re.sub(r"\\[sbw]", "", ANAPHOR_LOWER.pattern)
    letters = sorted(set(words) & set(string.ascii_lowercase))
    ignorecase = {x: re.compile("(?i)" + x) for x in letters}
    for c in map(chr, range(min(sys.maxunicode, 0xFFFF) + 1)):
        if c in CASE_ODD:
            continue
        low = c.lower()
        assert len(low) == 1, hex(ord(c))
        assert (re.match(r"\w", c) is None) == (re.match(r"\w", low) is None), hex(ord(c))
        assert c.isspace() == low.isspace(), hex(ord(c))
        for x in letters:
            assert (ignorecase[x].match(c) is not None) == (low == x), (hex(ord(c)), x)


BOILERPLATE_PARTS = ["Categories", "categories:", "Tags", "Home", "home", "HOME | About", " ",
                     "\t", "\n", "\n\n", "Syria", "See also", "Related posts", "x", ":"]


@SETTINGS
@given(_text(BOILERPLATE_PARTS))
def test_boilerplate_lines_are_the_pattern_s(text: str) -> None:
    assert _boilerplate_lines(text) == [m.span() for m in BOILERPLATE_LINE.finditer(text)]


URL_PARTS = ["www.", "WWW.", "Www.", "w.", "W.", "ww", "\u0130", "http://", "x", " ", "."]


@SETTINGS
@given(_text(URL_PARTS))
def test_a_url_is_looked_for_as_the_lower_cased_test_does(text: str) -> None:
    assert _may_hold_url(text) == ("://" in text or "www." in text.lower())


ARTICLE_PARTS = ["al-", "Al-", "az-", "el\u2010", "an-\n", "al", " ", "-", "\n", "Zahra", "x"]


@SETTINGS
@given(_text(ARTICLE_PARTS), st.integers(min_value=0, max_value=40))
def test_an_article_is_looked_for_as_the_pattern_finds_one(text: str, start: int) -> None:
    start = min(start, len(text))
    found = _article_before(text, start)
    wanted = ARTICLE_PREFIX.search(text[max(0, start - 4):start])
    assert (found and found.group()) == (wanted and wanted.group())


# Literal words, some overlapping ("Al Bab" holds "Bab", "Hill" opens "Hills"), some not
# capitalised, and the geoparser's own guards.
WORD_PARTS = ["Hill", "Hills", "ill", "Al Bab", "Bab", "Al", "State ", "Station", "il F", "hill",
              "Fall", "Sack", "x", " ", "\n", "\x00", "\u0130", "H", "Ba"]


@SETTINGS
@given(_text(WORD_PARTS), st.lists(st.one_of(st.sampled_from(WORD_PARTS),
                                             st.text(min_size=1, max_size=4)), max_size=8))
def test_words_are_present_where_a_substring_test_finds_them(text: str, words: list) -> None:
    assert present_words(tuple(words), text) == tuple(w for w in words if w in text)


@SETTINGS
@given(_text(WORD_PARTS))
def test_the_geoparser_s_guard_words_are_found_as_substrings(text: str) -> None:
    from geo.geoparse.features import FEATURE_LITERALS
    from geo.geoparse.phrases import EVENT_WORDS, LOWER_COUNTRIES, ROAD_WORDS
    from geo.geoparse.variants import CUE_WORDS
    for words in (FEATURE_LITERALS, EVENT_WORDS, LOWER_COUNTRIES, ROAD_WORDS, CUE_WORDS):
        for word in words:  # each word alone, and amid the others
            assert present_words(words, text + word) == tuple(
                w for w in words if w in text + word)


def test_the_locatives_last_letters_match_what_their_branches_match() -> None:
    # LOCATIVE_BEFORE_REVERSED tests a case-insensitive set of the letters a locative ends
    # with before its case-insensitive branches: the set must pass every character a branch's
    # first letter passes ("\u212a", the Kelvin sign, is a "k"; "\u017f" an "s")
    assert set(LOCATIVE_LAST_LETTERS) == {word[-1] for word in LOCATIVE}
    letters = re.compile(f"(?i:[{LOCATIVE_LAST_LETTERS}])")
    branches = re.compile("(?i:" + "|".join(LOCATIVE_LAST_LETTERS) + ")")
    for c in map(chr, range(sys.maxunicode + 1)):
        assert (letters.match(c) is None) == (branches.match(c) is None), hex(ord(c))


LATITUDES = st.floats(min_value=-90, max_value=90, allow_nan=False)
LONGITUDES = st.floats(min_value=-180, max_value=180, allow_nan=False)


@SETTINGS
@given(LATITUDES, LONGITUDES, st.lists(st.tuples(LATITUDES, LONGITUDES), max_size=6))
def test_the_nearest_distance_is_the_least_of_the_distances(lat, lon, others) -> None:
    # the same figure to the last bit: rankings compare these distances
    wanted = min((Gazetteer.distance_km(lat, lon, *other) for other in others), default=None)
    assert Gazetteer.nearest_km(lat, lon, iter(others)) == wanted
    assert Gazetteer.nearest_km(lat, lon, [], default=0.0) == 0.0


@SETTINGS
@given(LATITUDES, LONGITUDES, st.lists(st.tuples(st.sampled_from("abc"), LATITUDES, LONGITUDES),
                                       max_size=6), st.sampled_from("abz"))
def test_the_nearest_prepared_distance_is_the_nearest_distance(lat, lon, points, skip) -> None:
    # each point's terms computed once: the same figure to the last bit, the skipped id left out
    wanted = Gazetteer.nearest_km(lat, lon, [(a, b) for i, a, b in points if i != skip])
    prepared = Gazetteer.prepared(points)
    assert Gazetteer.nearest_prepared_km(lat, lon, prepared, skip) == wanted


FEATURE_PARTS = ["Hill", "hill", "Mount", "Mountain", "mountain", "Oil Field", "oil field",
                 "Oil station", "Gas Field", "gas f", "was fired", "as f", "il F", "Jabal",
                 "Jebel", "Technical Base", "Roundabout", "roundabout", "Road", "road",
                 "railroad", "Highway", "motorways", "xHill", "_Hill", "é", "Hotel", "Plant",
                 " ", "-", "\n", "Broad"]


@SETTINGS
@given(_text(FEATURE_PARTS))
def test_feature_and_road_words_open_with_their_letters_as_the_boundary_first_patterns(
        text: str) -> None:
    from geo.geoparse.features import FEATURE_LITERALS, FEATURE_WORD
    from geo.geoparse.phrases import ROAD_WORD, ROAD_WORDS
    plain_feature = re.compile(
        r"\b(?:Hill|Point|Height|Brigade|Jabal|Jebel|Jabel|Mount|Qasr|hill|[Mm]ountain|"
        r"[Oo]il [FfSs]|[Gg]as [Ff]|Housing|Academy|Hotel|Palace|Amusement|Technical Base|"
        r"Factory|Complex|Station|Bridge|Valley|[Rr]oundabout|Junction|Silos|Checkpoint|"
        r"Prison|Hospital|Plant)")
    plain_road = re.compile(r"\b(?:[Rr]oad|[Hh]ighway|[Mm]otorway)\b")
    for pattern, plain, literals in ((FEATURE_WORD, plain_feature, FEATURE_LITERALS),
                                     (ROAD_WORD, plain_road, ROAD_WORDS)):
        found = [m.span() for m in pattern.finditer(text)]
        assert found == [m.span() for m in plain.finditer(text)]
        # the literal guard: no match where no literal is
        assert not found or any(literal in text for literal in literals)


QUARTER_PARTS = ["Al-", "al ", "Um ", "Arab", "Al-Arab", "Salum", "Jami'a", "Sheikh ", "Maqsoud",
                 " ", "\t", "  ", "area", "areas", "areax", " area", " areas.", "quarter",
                 " quarter", "neighbourhood", " neighborhoods", "district", "s", ",", ".", "\n",
                 "-", "'", "\u2010", "\u02bf", "9", "_", "the ", "of ", "AREA", "x", "\u00c9",
                 "\u0645", "Al-Arab area", "Arab Salum area", "Al-Arab Salum areas",
                 "Sheikh Maqsoud-quarter", "Um\u2010Salum neighbourhood", "Arab\tSalum\tarea"]


@SETTINGS
@given(_text(QUARTER_PARTS))
def test_quarter_names_before_a_cue_are_found_in_the_runs_that_hold_one(text: str) -> None:
    from geo.geoparse.features import QUARTER_BEFORE_CUE, QUARTERS_OF, _before_cues
    assert [(m.span(), m.span(1)) for m in _before_cues(text)] == [
        (m.span(), m.span(1)) for m in QUARTER_BEFORE_CUE.finditer(text)]
    # the "of" cue is never "area": quarter_names skips it in a text whose one cue word that is
    if not any(word in text for word in ("neighbo", "quarter", "district")):
        assert QUARTERS_OF.search(text) is None


THE_PARTS = [" the ", "the ", " ", "t", "he", "A", "Z", "a", "The", "[", "\u00c9", "the", "\n"]


@SETTINGS
@given(_text(THE_PARTS))
def test_the_before_a_capital_is_found_where_the_pattern_finds_it(text: str) -> None:
    assert list(_the_capitals(text)) == [m.start() for m in THE_CAPITAL.finditer(text)]


@SETTINGS
@given(st.lists(_text(WORD_PARTS), min_size=1, max_size=5),
       st.lists(st.one_of(st.sampled_from(WORD_PARTS), st.text(min_size=1, max_size=4)),
                max_size=6))
def test_the_texts_holding_a_word_are_those_a_substring_test_finds(texts, words) -> None:
    assert texts_holding(texts, words) == {
        i for i, t in enumerate(texts) if any(w in t for w in words)}


@SETTINGS
@given(st.lists(_text(WORD_PARTS), min_size=1, max_size=5),
       st.lists(st.one_of(st.sampled_from(WORD_PARTS), st.text(min_size=1, max_size=6)),
                min_size=1, max_size=6))
def test_thread_words_are_those_some_entry_holds(texts, words) -> None:
    thread = "\x00".join(texts)  # (a word with "\x00" may be found across two entries)
    assert ThreadWords(texts)(tuple(words)) == tuple(w for w in words if w in thread)
