"""Guards that spare the geoparser work give what the work they skip would give.

Session 23's shortcuts: the marks of the lower-case names kept only where the thread writes
one of their names, the distinct words holding a hyphen found by ``str.find``, the compass
word before a name told from the window's end before the pattern is asked, and each name's
regional settlements remembered by candidate list.  Each property compares a shortcut with
what it replaces, on generated text or invented sentences.
"""

from __future__ import annotations

import functools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geo.gazetteer import load_gazetteer
from geo.geoparse.cluster import Cluster, _settlements
from geo.geoparse.directions import COMPASS_BEFORE, _may_end_with_compass
from geo.geoparse.lower_names import (
    _CACHE,
    _written_forms,
    lower_case_places,
    lower_case_table,
    thread_marks,
)
from geo.geoparse.spot import _Spotter
from geo.geoparse.words import ThreadWords
from geo.records import Entry

SETTINGS = settings(max_examples=300, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


@functools.lru_cache(maxsize=1)
def _table():
    gazetteer = load_gazetteer()
    lower_case_table(gazetteer)
    _, by_mark, _, _ = _CACHE[id(gazetteer)]
    # a name of several words and its mark, a word of its own ("border" of "x y border")
    several = sorted((key, mark) for mark, keys in by_mark.items() for key in keys
                     if " " in key and key != mark)
    return gazetteer, several


COMPASS_PARTS = ["north", "South", "eastern", "WEST", "\u017fouth", "ern", "northeast", " ",
                 "\t", "\n", "-", "Syria", "in ", "x", "the "]


@SETTINGS
@given(st.lists(st.sampled_from(COMPASS_PARTS), max_size=12).map("".join))
def test_a_window_said_to_end_without_a_compass_word_has_none(text: str) -> None:
    for at in range(len(text) + 1):
        cut = max(0, at - 16)
        if not _may_end_with_compass(text[cut:at]):
            assert COMPASS_BEFORE.search(text, cut, at) is None


@SETTINGS
@given(st.lists(st.lists(st.sampled_from(["al-Bab", "a", "-", " ", "\n", "x-y", "Tal",
                                          "--", "b"]), max_size=10).map("".join), max_size=5))
def test_the_hyphened_words_are_the_split_words_holding_a_hyphen(texts: list[str]) -> None:
    words = ThreadWords(texts)
    assert words.hyphened() == {w for w in words.split if "-" in w}


def test_a_name_s_forms_put_a_space_or_a_hyphen_between_its_words() -> None:
    assert set(_written_forms("tal abu zayd")) == {"tal abu zayd", "tal-abu zayd",
                                                   "tal abu-zayd", "tal-abu-zayd"}
    assert _written_forms("raqqa") == ("raqqa",)


def test_a_mark_stays_only_where_the_thread_writes_one_of_its_names() -> None:
    gazetteer, several = _table()
    key, mark = several[0]
    alone = [f"Nobody went to the {mark} that day.", "Quiet, they said."]
    written = [f"Fighting was reported along the {key.replace(' ', '-', 1)} last night.",
               f"The {mark} itself was calm."]
    assert mark not in thread_marks(gazetteer, ThreadWords(alone))
    assert mark in thread_marks(gazetteer, ThreadWords(written))


def test_lower_case_places_are_the_same_with_the_thread_s_marks() -> None:
    gazetteer, several = _table()
    texts = []
    for key, mark in several[:40]:
        texts += [f"They fled to {key} in the spring.", f"It was {mark} of here, they said.",
                  f"shelling near {key.replace(' ', '-')}, and then the {mark} again"]
    marks = thread_marks(gazetteer, ThreadWords(texts))
    found = 0
    for text in texts:
        with_marks = list(lower_case_places(text, gazetteer, marks))
        assert with_marks == list(lower_case_places(text, gazetteer))
        found += len(with_marks)
    assert found  # (the sentences do name places)


def test_a_name_s_settlements_are_remembered_as_they_are_found() -> None:
    gazetteer = load_gazetteer()
    text = ("Clashes in Tal Rifaat and Azaz; later in Tal Rifaat again, then Mare'a, "
            "Azaz and Aleppo. Al-Bab and Manbij were quiet, Azaz too.")
    spots = _Spotter(gazetteer).spots(Entry(1, "comment", "a", None, text, 0, len(text)))
    cluster = Cluster(spots, gazetteer)
    assert len(spots) >= 8
    for spot in spots:
        assert cluster.settlements(spot.candidates) == _settlements(spot.candidates, gazetteer)
