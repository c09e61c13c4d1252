"""geo/claims/cue_regex.py: how a cue row of the rule files becomes a regular expression."""

from __future__ import annotations

import re

from geo.claims.cue_regex import alternatives, closing, heads, loosen, starts_word, whole_words


def test_a_space_matches_any_whitespace_and_groups_do_not_capture():
    assert loosen("took( over)?") == r"took(?:\s+over)?"
    assert loosen(r"a\ b[ (]") == r"a\ b[ (]"  # escaped and in-class chars stay as written
    assert re.fullmatch(loosen("fell to"), "fell \n to")


def test_a_cue_is_whole_words():
    took = re.compile(whole_words(loosen("took")))
    assert took.search("IS took Azaz")
    assert not took.search("overtook") and not took.search("tooks")
    assert starts_word("(re)?took") and not starts_word("-held")
    assert whole_words("-held").startswith("(?:")


def test_one_walker_reads_parentheses_and_alternatives():
    pattern = r"(a(b)|\(c)|[|)]d|e"
    assert closing(pattern, 0) == 9
    assert closing(pattern, 2) == 4
    assert closing("(a", 0) == -1
    assert alternatives(pattern) == [r"(a(b)|\(c)", "[|)]d", "e"]
    assert alternatives("plain") == ["plain"]


def test_heads_are_the_letters_a_cue_can_start_with():
    assert heads("took|Seized|(?:fell|fall)s?") == {"t", "s", "f"}
    assert heads("(?:re)?took") == {"r", "t"}
    assert heads("a?b") is None  # not plain to see: the cue is tried at every letter
    assert heads(r"\w+ed") is None


def test_every_action_cue_but_a_glued_one_is_dispatched_on_its_first_letter():
    # a cue whose first letters cannot be read is tried at every position of every text
    import csv

    from geo.paths import ACTIONS_PATH
    with ACTIONS_PATH.open(encoding="utf-8") as handle:
        rows = [r["pattern"] for r in csv.DictReader(handle)]
    assert [p for p in rows if heads(p) is None] == ["-held"]
