"""Who did it (issue 12, the wrong actor): not the speaker of a report, not the side an action
was done to, not what a verb hit.  Each test is a rule of English written with made-up
sentences, and runs on both paths: with the English model (when the machine has it) and
with the rules alone (``FRONTLINE_NO_PARSER=1``'s path)."""

from __future__ import annotations

import pytest
from test_claims import BOTH, brief, claims_of

from geo.claims import model as claims_model
from geo.claims.rules import load_intent

needs_model = pytest.mark.skipif(claims_model.load_parser() is None,
                                 reason=f"no parser: {claims_model.parser_status()}")


def _actors(claims) -> set[str]:
    return {c.actor for c in claims}


# --- the speaker is the source, not the agent -------------------------------------------


@BOTH
def test_who_says_a_place_was_taken_did_not_take_it(read):
    for text in ("The SDF said Azaz was captured.",
                 "The SDF spokesman said Azaz was captured.",
                 "Azaz, the SDF said, was captured on Tuesday.",
                 "SDF officials announced that Azaz had been captured."):
        assert "sdf" not in _actors(read(text)), (text, brief(read(text)))


@BOTH
def test_the_agent_of_a_report_is_the_subject_of_the_reported_clause(read):
    assert brief(read("SOHR reported that rebels took Manbij.")) == \
        [("rebels", "capture", ("manbij",))]
    claims = read("Turkey claimed IS had withdrawn from Azaz.")
    assert brief(claims) == [("is", "withdraw", ("azaz",))]
    assert brief(read("The SDF said IS captured Azaz.")) == [("is", "capture", ("azaz",))]


@BOTH
def test_a_speaker_that_tells_its_own_act_is_its_agent(read):
    for text in ("The SDF said it had captured Azaz.",
                 "The SDF said they captured Azaz.",
                 "The SAA claimed that it had retaken Manbij."):
        assert len({c.actor for c in read(text)}) == 1 and \
            read(text)[0].action == "capture", (text, brief(read(text)))
    assert brief(read("IS claimed to have captured Azaz.")) == [("is", "capture", ("azaz",))]


@BOTH
def test_a_source_set_off_by_a_comma_is_not_named_with_the_agent(read):
    assert brief(read("According to the SDF, IS withdrew from Manbij.")) == \
        [("is", "withdraw", ("manbij",))]


@BOTH
def test_an_agent_no_one_states_comes_from_the_text_not_the_speaker(read):
    claims = read("The rebels took Manbij. The SDF said Azaz was captured.")
    assert ("rebels", "capture", ("azaz",)) in brief(claims)
    assert "sdf" not in _actors(claims)


@needs_model
def test_the_parse_knows_a_speaker_the_rules_miss():
    """A speaker set off from its verb by commas: the rules take it for the subject, the
    parse sees that it only says what the clause under its verb tells."""
    assert "sdf" not in _actors(claims_of(
        "The SDF, in a statement on Tuesday, said Azaz was captured."))
    assert brief(claims_of("The SDF, in a statement on Tuesday, said it had captured Azaz.")) \
        == [("sdf", "capture", ("azaz",))]


# --- the side an action was done to is not its agent -------------------------------------


@BOTH
def test_the_side_expelled_is_not_the_one_that_took_the_place(read):
    for text, agent in (("IS was expelled from Manbij by the SDF.", "sdf"),
                        ("IS was ousted from Azaz by the rebels.", "rebels"),
                        ("IS was pushed out of Manbij by the SDF.", "sdf"),
                        ("Manbij was retaken from IS by the SAA.", "saa"),
                        ("All rebel positions in Aleppo were overrun by pro-government forces.",
                         "saa")):
        claims = read(text)
        assert [(c.actor, c.action) for c in claims] == [(agent, "capture")], (text,
                                                                                brief(claims))


@BOTH
def test_a_place_lost_to_a_side_was_taken_by_it(read):
    assert brief(read("IS lost Manbij to the SAA.")) == [("saa", "capture", ("manbij",))]
    assert brief(read("The rebels lost Azaz to IS.")) == [("is", "capture", ("azaz",))]


@BOTH
def test_the_side_driven_out_with_no_taker_named_withdrew(read):
    """ACLED codes a gain as the winner's only: with no winner named or in the text, the
    side named as driven out withdrew from the place (its origin)."""
    claims = read("IS was driven out of Manbij.")
    assert [(c.actor, c.action, c.origin) for c in claims] == [("is", "withdraw", "manbij")]
    # the subject of the clause before a bare passive is what it was done to
    claims = read("IS attacked Azaz, but was expelled from Manbij.")
    assert brief(claims) == [("is", "attack", ("azaz",)), ("is", "withdraw", ("manbij",))]
    # a side earlier in the text that is the loser's own is no taker either
    claims = read("IS attacked Manbij. IS was driven out of Azaz.")
    assert ("is", "withdraw", ("azaz",)) in brief(claims)
    assert ("is", "capture") not in {(c.actor, c.action) for c in claims}


@BOTH
def test_the_taker_no_one_names_is_the_text_s_other_side(read):
    for text in ("The rebels took Manbij. IS was expelled from Azaz.",
                 "The rebels took Manbij. IS was driven out of Azaz."):
        claims = read(text)
        assert ("rebels", "capture", ("azaz",)) in brief(claims), text
        assert "is" not in _actors(claims), text
    # "X was taken from IS": a sentence about the place; its taker unsaid, IS took nothing
    claims = read("IS took Manbij. Azaz was retaken from IS.")
    assert brief(claims) == [("is", "capture", ("manbij",))]
    assert brief(read("Manbij was retaken from IS.")) == []


@BOTH
def test_the_besieged_and_the_attacked_did_not_besiege_or_attack(read):
    assert brief(read("The rebels were besieged in Azaz by the SAA.")) == \
        [("saa", "besiege", ("azaz",))]
    assert brief(read("The rebels were besieged in Azaz.")) == []
    assert brief(read("IS was attacked in Manbij by the SDF.")) == \
        [("sdf", "attack", ("manbij",))]
    # who is bogged down in a war is the one fighting it
    assert ("saa", "attack", ("manbij",)) in brief(read("The SAA was bogged down in Manbij."))


# --- what a verb hit is not the subject of the next cue ---------------------------------


@BOTH
def test_what_a_verb_hit_is_not_the_subject_after_it(read):
    assert brief(read("Turkish jets killed a senior IS commander in air-strikes near Azaz.")) \
        == [("turkey", "attack", ("azaz",))]
    assert brief(read("The SDF reversed the recent IS gains, but also captured two more "
                      "villages near Manbij.")) == [("sdf", "capture", ("manbij",))]
    claims = read("ISIL claimed to have killed six Syrian soldiers, five Russian soldiers and "
                  "several Hezbollah fighters in the defense of Azaz.")
    assert brief(claims) == [("is", "defend", ("azaz",))]
    # "repelled IS attacks": IS names the attacks, whose agent it is
    assert ("is", "attack", ("manbij",)) in brief(read("The SAA repelled IS attacks on Manbij."))


@BOTH
def test_a_result_clause_is_the_main_subject_s_act(read):
    claims = read("The Syrian Army captured Azaz after IS fighters withdrew from the area, "
                  "thus expelling IS from its last stronghold in Aleppo.")
    assert ("saa", "capture", ("aleppo",)) in brief(claims)
    assert ("is", "capture") not in {(c.actor, c.action) for c in claims}
    assert ("is", "control") not in {(c.actor, c.action) for c in claims}


@BOTH
def test_a_force_is_the_side_it_is_made_of(read):
    claims = read("IS attacked Aleppo. A convoy of reinforcements from Aleppo, consisting of "
                  "the pro-government Palestinian militia Liwa Al-Quds, was sent to Manbij.")
    assert {(c.actor, c.action) for c in claims if c.action == "redeploy"} == \
        {("saa", "redeploy")}


@BOTH
def test_with_a_side_retaking_it_is_that_side_s_act(read):
    claims = read("ISIL took Aleppo, with the SAA retaking it in 2017.")
    assert brief(claims) == [("is", "capture", ("aleppo",)), ("saa", "capture", ("aleppo",))]


@BOTH
def test_a_possessor_across_a_preposition_is_not_the_agent(read):
    claims = read("The U.S. asked for Turkey's support for the Manbij offensive.")
    assert "turkey" not in _actors(claims)


# --- one screen of intent, one word list -------------------------------------------------


def test_the_words_of_aim_are_one_list_read_on_both_paths():
    intent = load_intent()
    for words, nouns, rules in (("the attempt by IS to ", True, True),
                                ("Their goal was the ", True, True),
                                ("The SAA hopes to ", True, True),  # ("hopes": a noun too)
                                ("The SAA vowed to ", False, True),
                                ("IS tried to advance on Manbij and ", False, True),
                                ("in a bid to ", True, True),
                                ("The SAA attacked ", False, False)):
        assert intent.before(words, 0, len(words), parsed=True) is nouns, words
        assert intent.before(words, 0, len(words), parsed=False) is rules, words


@BOTH
def test_what_was_only_aimed_at_is_not_done_on_either_path(read):
    for text in ("The attempt by IS to take Azaz failed.",
                 "The SDF crossed the river in a renewed bid to encircle Manbij.",
                 "The SAA is determined to recapture Manbij."):
        assert not [c for c in read(text) if c.action in ("capture", "besiege")
                    and c.modality == "reported"], (text, brief(read(text)))


@BOTH
def test_a_side_that_announces_a_capture_is_its_agent(read):
    # a side's own statement of a gain, no other capturer named: its press release
    assert brief(read("The SDF announced the capture of Manbij.")) == \
        [("sdf", "capture", ("manbij",))]
    assert brief(read("The SAA announced the liberation of Manbij from IS.")) == \
        [("saa", "capture", ("manbij",))]
    # but not a report of an attack, nor a passive it tells
    assert "sdf" not in _actors(read("The SDF reported an attack on Manbij."))


@BOTH
def test_a_joint_agent_whose_second_name_opens_with_the_arabic_article(read):
    # the alias is "Nusra Front"; "al-" before it still joins the two names
    claims = brief(read("In June, the Islamic State and al-Nusra Front militants seized "
                        "control of Azaz."))
    assert ("is", "capture", ("azaz",)) in claims
    assert ("nusra", "capture", ("azaz",)) in claims
