"""An attack told with its side and no place happened where the account is (geo/claims/
scene.py): the place of the fighting told in the sentence before.  Made-up sentences, read
on both paths; each rule has accounts that must give no such claim."""

from __future__ import annotations

from test_claims import BOTH, brief


@BOTH
def test_an_attack_with_no_place_is_at_the_place_of_the_sentence_before(read):
    claims = brief(read("On 3 May, the SDF advanced into Manbij. "
                        "Two days later, IS counter-attacked, killing 14 fighters."))
    assert ("sdf", "advance", ("manbij",)) in claims
    assert ("is", "attack", ("manbij",)) in claims
    assert ("turkey", "attack", ("azaz",)) in brief(read(
        "Turkish troops captured Azaz on Monday. "
        "The next day, Turkish jets carried out dozens of airstrikes."))


@BOTH
def test_no_scene_for_a_side_hit_a_noun_of_fighting_or_another_front(read):
    for text in ("The SDF advanced into Manbij. Twenty IS fighters were killed in airstrikes.",
                 "The SDF advanced into Manbij. Heavy clashes with IS followed.",
                 "The SDF advanced into Manbij. Meanwhile, Russian jets bombed rebel positions.",
                 "The SDF advanced into Manbij. The IS counter-attack involved 300 fighters."):
        claims = brief(read(text))
        assert claims == [("sdf", "advance", ("manbij",))], (text, claims)


@BOTH
def test_no_scene_from_a_holding_or_from_two_sentences_back(read):
    assert [c for c in brief(read("IS held Manbij. Russian jets bombed the rebels."))
            if c[1] == "attack"] == []
    claims = brief(read("The SDF advanced into Manbij. The weather was bad. "
                        "Russian jets bombed the rebels."))
    assert [c for c in claims if c[1] == "attack"] == []


@BOTH
def test_an_attack_into_a_sides_unnamed_part_of_the_town_is_on_the_town(read):
    claims = brief(read("The battle for Manbij began in July. On 22 September, the SDF "
                        "launched an offensive into the IS-held eastern neighbourhoods."))
    assert ("sdf", "attack", ("manbij",)) in claims
    assert ("is", "control", ("manbij",)) in claims
    # no part of a town named after the holder: no place borrowed
    assert not [c for c in read("The battle for Manbij began in July. Later, the SDF launched "
                                "an offensive into IS-held territory.")
                if c.actor == "sdf" and c.action == "attack"]
