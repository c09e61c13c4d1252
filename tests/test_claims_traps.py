"""Claims that must not be reported as done (issue 12, precision and traps): what the writer
calls false, what was only aimed at or could not be done, and an actor that was only hit.
Each test is a rule of English, written here with made-up sentences; each runs on the path
the machine has and, where the rule is the rules', on the rule path too."""

from __future__ import annotations

import pytest
from test_claims import BOTH, brief, claims_of, reported_by, rules_only

from geo.claims import model as claims_model

needs_model = pytest.mark.skipif(claims_model.load_parser() is None,
                                 reason=f"no parser: {claims_model.parser_status()}")


@BOTH
def test_a_report_the_writer_calls_false_is_disputed(read):
    for text in ("Reports that IS captured Manbij are false.",
                 "Claims that the SDF took Azaz turned out to be lies.",
                 "The SAA said it had captured Manbij, which is not true.",
                 "The SDF falsely claimed to have taken Azaz."):
        claims = read(text)
        assert claims and all(c.modality == "disputed" for c in claims), (text, brief(claims))
    # a report that nobody calls false stays reported
    assert reported_by(read("Reports say that IS captured Manbij."), "is", "capture")


@BOTH
def test_sarcasm_says_the_sentence_is_not_meant(read):
    for text in ("Yeah right, the rebels took Aleppo.",
                 "Sure, the SAA captured Raqqa. And pigs fly."):
        assert not reported_by(read(text), "rebels" if "rebels" in text else "saa", "capture")


@BOTH
def test_an_aim_named_by_a_noun_is_not_done(read):
    for text in ("The attempt by IS to take Azaz failed.",
                 "Their goal was the capture of Manbij.",
                 "The SDF crossed the river in a renewed bid to encircle Manbij."):
        assert not [c for c in read(text) if c.action in ("capture", "besiege")
                    and c.modality == "reported"], text
    assert reported_by(read("IS took Azaz after a long fight."), "is", "capture")


@BOTH
def test_could_not_is_a_failure_but_even_if_it_cannot_stays_a_hypothesis(read):
    assert not read("The SAA could not capture Manbij.")
    assert not read("The SAA has not yet captured Manbij.")
    kept = read("Even if the SAA can't take Raqqa, Turkey will stay.")
    assert [(c.actor, c.modality) for c in kept if c.action == "capture"] == \
        [("saa", "speculative")]


@BOTH
def test_who_came_under_attack_did_not_attack(read):
    assert not [c for c in read("SDF positions near Manbij came under heavy fire.")
                if c.actor == "sdf"]


@needs_model
def test_the_agent_of_coming_under_attack_is_its_by_phrase():
    assert ("is", "attack", ("manbij",)) in brief(claims_of(
        "The SDF came under attack by IS in Manbij."))
    assert ("is", "attack", ("manbij",)) in brief(claims_of(
        "The SDF came under fire from IS near Manbij."))


@BOTH
def test_the_one_killed_in_an_air_strike_is_no_agent_of_it(read):
    for text in ("Turkish jets killed a senior IS commander in airstrikes near Azaz.",
                 "Two IS leaders were killed by airstrikes on Azaz."):
        assert not [c for c in read(text) if c.actor == "is"], text


@needs_model
def test_the_killer_in_an_air_strike_is_its_agent():
    assert ("turkey", "attack", ("azaz",)) in brief(claims_of(
        "Turkey killed a senior IS commander in airstrikes near Azaz."))
    # "a wave of airstrikes" is the airstrikes: its modifier still names the agent
    assert ("russia", "attack", ("azaz",)) in brief(claims_of(
        "Russia launched a wave of airstrikes on Azaz."))


def test_without_the_parse_wanting_and_failing_are_not_doing():
    for text in ("The SAA hopes to capture Manbij by June.",
                 "Turkey agreed to withdraw from Azaz.",
                 "The SAA vowed to retake Manbij.",
                 "The SAA was unable to capture Manbij.",
                 "IS failed to take Azaz.",
                 "The SAA assault on Azaz was thwarted before it began."):
        assert not [c for c in rules_only(text) if c.modality == "reported"], text
    assert reported_by(rules_only("The SAA managed to capture Manbij."), "saa", "capture")


@BOTH
def test_a_town_that_only_locates_a_facility_is_told_near(read):
    claims = read("The SAA captured the airbase near Aleppo.")
    assert [(c.actor, c.places, c.precision) for c in claims] == [("saa", ("aleppo",), 2)]
    claims = read("The SAA captured three villages near Aleppo.")
    assert [c.precision for c in claims] == [1]


@BOTH
def test_a_denied_report_is_disputed(read):
    for text in ("The SAA denied reports that IS had captured Manbij.",
                 "IS claimed to have captured Manbij, but this was denied by the SDF."):
        claims = [c for c in read(text) if c.action == "capture"]
        assert claims and all(c.modality == "disputed" for c in claims), text


@BOTH
def test_what_was_demanded_prevented_or_only_prepared_was_not_done(read):
    for text in ("Turkey demanded that the SDF withdraw from Manbij.",
                 "The US called on the SDF to withdraw from Manbij.",
                 "IS was prevented from reaching Manbij.",
                 "The SAA advanced without capturing Manbij.",
                 "The SDF was reportedly preparing an offensive on Raqqa."):
        assert not [c for c in read(text) if c.modality == "reported" and
                    c.places != () and c.action in ("withdraw", "advance", "capture", "attack")
                    and not (c.actor == "saa" and c.action == "advance")], text
    assert reported_by(read("The SDF withdrew from Manbij, as Turkey had demanded."),
                     "sdf", "withdraw")


@needs_model
def test_is_before_its_fighters_is_the_name_not_the_verb():
    assert ("is", "attack", ("azaz",)) in brief(claims_of("IS forces attacked Azaz."))
    assert ("is", "capture", ("azaz",)) in brief(claims_of(
        "IS militants captured Azaz after the rebels withdrew."))


@needs_model
def test_a_pronoun_subject_of_a_joined_verb_is_the_first_verbs_subject():
    claims = claims_of("The SDF attacked IS positions in Manbij, and then it took Azaz.")
    assert ("sdf", "capture", ("azaz",)) in brief(claims)
    assert ("is", "capture") not in {(c.actor, c.action) for c in claims}
    claims = claims_of("IS attacked the SDF in Manbij, and it then withdrew to Azaz.")
    assert ("is", "withdraw", ("azaz",)) in brief(claims)


@needs_model
def test_is_tagged_as_a_verb_before_its_attacks_is_their_agent():
    claims = claims_of("The SAA repulsed IS attacks on Manbij.")
    assert ("is", "attack", ("manbij",)) in brief(claims)
    assert ("saa", "attack") not in {(c.actor, c.action) for c in claims}


@needs_model
def test_a_hedge_stays_in_its_clause_but_covers_a_shared_subject():
    modality = {(c.actor, c.action): c.modality for c in claims_of(
        "The SAA presumably retook Manbij, and the rebels withdrew from the city.")}
    assert modality == {("saa", "capture"): "speculative", ("rebels", "withdraw"): "reported"}
    modality = {(c.actor, c.action): c.modality for c in claims_of(
        "The SAA perhaps took Manbij and then moved to Azaz.")}
    assert set(modality.values()) == {"speculative"}


@BOTH
def test_an_imagined_headline_or_a_supposition_is_not_reported(read):
    for text in ('Next headline: "SAA liberates Raqqa".',
                 "Let's say IS captures Aleppo.",
                 "The SAA ought to attack Raqqa.",
                 "Once the SAA takes Raqqa, the war is over."):
        claims = read(text)
        assert claims and not [c for c in claims if c.modality == "reported"], text
    assert reported_by(read("Once the SAA took Raqqa, IS fled."), "saa", "capture")


@BOTH
def test_a_comment_that_mocks_the_claim_disputes_it(read):
    for text in ("Yes, of course the rebels took Aleppo, and I am the Queen of England.",
                 "The SDF will take Raqqa when hell freezes over."):
        claims = read(text)
        assert claims and all(c.modality == "disputed" for c in claims), text


@BOTH
def test_reports_denied_after_the_clause_by_a_plural_are_disputed(read):
    for text in ("There were reports that IS had withdrawn from Azaz, but these were denied.",
                 "Reports said that the SDF took Manbij, though the SAA rejected those."):
        claims = read(text)
        assert claims and all(c.modality == "disputed" for c in claims), (text, brief(claims))
    # a denial of something else leaves the report as it is
    assert reported_by(read("IS took Azaz, but they denied killing civilians."), "is", "capture")


@BOTH
def test_an_accusation_is_an_allegation_not_a_report(read):
    for text in ("The rebels were accused of shelling Aleppo.",
                 "The SAA accused the rebels of shelling Aleppo."):
        claims = read(text)
        assert not [c for c in claims if c.modality == "reported"], (text, brief(claims))
    assert reported_by(read("The rebels shelled Aleppo."), "rebels", "attack")


@BOTH
def test_what_a_side_was_warned_against_was_not_done(read):
    for text in ("Turkey warned the SDF against entering Manbij.",
                 "The US cautioned Turkey against attacking Azaz."):
        claims = read(text)
        assert not [c for c in claims if c.modality == "reported"], (text, brief(claims))
    assert reported_by(read("The SDF fought against IS in Manbij."), "sdf", "attack")


@BOTH
def test_to_prevent_a_move_is_a_purpose_not_a_defence(read):
    claims = read("IS used civilians as human shields to prevent the SDF from entering Raqqa.")
    assert not [c for c in claims if c.action == "defend"], brief(claims)
    # a prevention that was made, or managed, is a defence
    for text in ("IS prevented the SDF from entering Raqqa.",
                 "IS managed to prevent the SDF from entering Raqqa."):
        assert reported_by(read(text), "is", "defend"), (text, brief(read(text)))
