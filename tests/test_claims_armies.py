"""geo/claims/armies.py: "the Army" is the army last named in the entry."""

from __future__ import annotations

from geo.claims.armies import resolve_armies
from geo.factions import load_lexicon
from geo.records import Entry


def actors(text: str) -> list[tuple[str, str]]:
    e = Entry(id=0, kind="post", author="a", posted_at=None, text=text, start=0, end=len(text))
    return [(m.actor, m.surface) for m in resolve_armies(load_lexicon().find(text, entry=0),
                                                         {0: e})]


def test_the_army_is_the_army_last_named():
    found = actors("Turkish troops and rebels attacked Dabiq. The Army then shelled it. "
                   "Syrian Army units took Palmyra; the military then advanced.")
    assert ("turkey", "The Army") in found
    assert ("saa", "the military") in found


def test_with_no_army_named_before_the_lexicon_reading_stands():
    assert actors("The Army took Palmyra from IS.")[0] == ("saa", "The Army")


def test_a_state_named_without_its_army_does_not_lend_it():
    found = actors("Turkey condemned it. The Army took Palmyra.")
    assert ("saa", "The Army") in found
