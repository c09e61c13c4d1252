"""Longer sentences of bench/audit_frames_long.py that the reader once failed, as rules of
English with made-up sentences, on both claim paths: several clauses, several claims."""

from __future__ import annotations

import re

import pytest
from test_claims import BOTH, brief

from geo.claims import extract_claims_report
from geo.factions import load_lexicon
from geo.records import Entry, Mention, Place


@BOTH
def test_a_list_of_places_taken_from_a_side_is_one_capture_of_all(read):
    claims = read("The SDF captured Azaz, Nubl and Afrin from ISIL.")
    assert ("sdf", "capture", ("azaz", "nubl", "afrin")) in brief(claims), brief(claims)
    # the side they were taken from took nothing
    assert not [c for c in claims if c.actor == "is" and c.action == "capture"]
    # a list's next clause that acts on its own is not part of the list
    split = brief(read("The SDF captured Azaz, while the rebels withdrew from Nubl."))
    assert ("sdf", "capture", ("azaz",)) in split and \
        ("rebels", "withdraw", ("nubl",)) in split, split


@BOTH
def test_a_participle_clause_with_control_of_is_the_main_subjects_act(read):
    for text in ("Having taken control of Azaz, the SAA advanced on Nubl.",
                 "After taking full control of Azaz, the SAA pushed towards Nubl."):
        claims = brief(read(text))
        assert ("saa", "capture", ("azaz",)) in claims, (text, claims)
        assert ("saa", "advance", ("nubl",)) in claims, (text, claims)


@BOTH
def test_a_passive_verb_takes_the_subject_named_before_what_describes_it(read):
    for text, agent, action in (
            ("Azaz, a town north of Aleppo, was captured by the SDF.", "sdf", "capture"),
            ("Azaz, which the rebels had taken in May, was shelled by the SAA.", "saa",
             "attack")):
        claims = brief(read(text))
        assert (agent, action, ("azaz",)) in claims, (text, claims)
    # a place named only in a time phrase before the subject is not the subject
    claims = brief(read("After the fall of Azaz, Nubl was captured by the SDF."))
    assert ("sdf", "capture", ("nubl",)) in claims and \
        not [c for c in claims if "azaz" in c[2]], claims



@BOTH
def test_a_place_that_came_under_a_sides_control_or_was_lost_to_it_changed_hands(read):
    for text, agent in (("Azaz came under the control of the SDF on Monday.", "sdf"),
                        ("Azaz fell under ISIL control in 2014.", "is"),
                        ("Azaz was lost to the rebels.", "rebels"),
                        ("Azaz had been lost to IS two days earlier.", "is")):
        claims = brief(read(text))
        assert (agent, "capture", ("azaz",)) in claims, (text, claims)
    # a place that stays under a side's control did not change hands
    assert [c[1] for c in brief(read("Azaz remained under SDF control."))] == ["control"]
    # the side that lost it took nothing
    assert not [c for c in read("The rebels lost Azaz to the SDF.")
                if c.actor == "rebels" and c.action == "capture"]


def _read_with(text: str, names: tuple[str, ...], parse: bool):
    """Claims of ``text`` with each of ``names`` a village mention."""
    places = {n: Place(n.lower().replace(" ", "_"), n, "village", "SY", 36.3, 37.3, "t")
              for n in names}
    mentions = sorted((Mention(places[n].id, 0, m.start(), m.end(), n, 1.0, 1)
                       for n in names for m in re.finditer(re.escape(n), text)),
                      key=lambda m: m.start)
    e = Entry(id=0, kind="comment", author="a", posted_at=None, text=text, start=0,
              end=len(text))
    return extract_claims_report([e], mentions, load_lexicon().find(text, entry=0),
                                 places={p.id: p for p in places.values()}, parse=parse).claims


@pytest.mark.parametrize("parse", [True, False], ids=["default", "rules"])
def test_a_subject_the_parse_hangs_on_a_village_name_still_acts(parse):
    # the small English model reads an unknown village name and the side after it as one
    # phrase ("Sabhah, Jabhat al-Nusra": a conjunction; "Yadi Qabu, Turkish-backed rebels":
    # an apposition) and splits "Jabhat al-Nusra"; the main verb after it has no subject
    for text, names, agent in (
            ("Having taken Sabhah, Jabhat al-Nusra advanced on Al Matallah.",
             ("Sabhah", "Al Matallah"), "nusra"),
            ("After capturing Yadi Qabu, Turkish-backed rebels pushed towards Abu Hjera.",
             ("Yadi Qabu", "Abu Hjera"), "rebels"),
            ("Jabhat al-Nusra captured Zyaret Elbab, Qaraqol and Raie from the SAA.",
             ("Zyaret Elbab", "Qaraqol", "Raie"), "nusra")):
        claims = [(c.actor, c.action) for c in _read_with(text, names, parse)]
        assert (agent, "capture") in claims, (text, claims)
    # a side joined by "and" to the object of a verb is still what was hit
    hit = _read_with("The SDF attacked Sabhah and the rebels.", ("Sabhah",), parse)
    assert not [c for c in hit if c.actor == "rebels" and c.action == "attack"]
