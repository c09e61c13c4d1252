"""Forms of agents and verbs of attack that unseen reports use (issue 12, recall): a
coalition strike in the singular, the government's air force by its abbreviation, groups
named by their own names, "to pound".  Made-up sentences, read on both paths; each form has a
sentence that must give no claim."""

from __future__ import annotations

from test_claims import BOTH, brief

from geo.factions import load_lexicon


@BOTH
def test_a_single_coalition_airstrike_is_the_coalition_attacking(read):
    assert brief(read("A coalition airstrike on Raqqa killed twelve people.")) == \
        [("us", "attack", ("raqqa",))]
    assert not brief(read("The coalition government in Ankara met on Monday."))


@BOTH
def test_the_government_air_force_by_its_abbreviation_attacks(read):
    assert brief(read("The SAAF bombed Azaz.")) == [("saa", "attack", ("azaz",))]


@BOTH
def test_to_pound_a_place_is_to_attack_it(read):
    assert brief(read("Turkish artillery continued to pound Azaz.")) == \
        [("turkey", "attack", ("azaz",))]
    assert not brief(read("The price of bread in Azaz rose by a pound."))


def test_groups_named_by_their_own_names_have_their_side():
    lexicon = load_lexicon()
    for text, actor in (("HTS", "nusra"), ("Hay'at Tahrir al-Sham", "nusra"),
                        ("Liwa al-Quds", "saa"), ("the Hamza Division", "rebels"),
                        ("Wagner Group", "russia"), ("Syrian troops", "saa"),
                        ("the Syrian National Army", "rebels"), ("PMF", "iraq")):
        assert [m.actor for m in lexicon.find(text, entry=0)] == [actor], text
    # an abbreviation is matched in capitals only
    assert not lexicon.find("hts and saaf", entry=0)


@BOTH
def test_a_side_named_by_its_adjective_and_noun_acts_with_the_side_joined_to_it(read):
    claims = brief(read("Turkish forces and the rebels attacked Azaz."))
    assert ("turkey", "attack", ("azaz",)) in claims
    assert ("rebels", "attack", ("azaz",)) in claims
    assert ("russia", "attack", ("azaz",)) in brief(read("Russian jets and the SAA bombed Azaz."))
    # a backer set off by commas is no co-agent
    assert [c.actor for c in read("Turkish forces, backed by the rebels, attacked Azaz.")
            if c.action == "attack"] == ["turkey"]


@BOTH
def test_an_attack_made_in_an_attempt_to_take_a_place_is_an_attack_on_it(read):
    for text in ("IS launched an offensive in an attempt to capture Azaz.",
                 "The rebels launched an assault in an effort to retake Nubl."):
        got = [(c.action, c.modality) for c in read(text)]
        assert ("attack", "reported") in got, text
        assert ("capture", "reported") not in got, text
    # an attempt with no attack made is nothing
    for text in ("IS attempted to capture Azaz.", "IS made an attempt to capture Azaz."):
        assert not [c for c in read(text) if c.modality == "reported"], text


@BOTH
def test_clearing_a_named_place_of_a_side_takes_it_and_a_presence_holds_it(read):
    assert brief(read("The SDF cleared Manbij of IS fighters.")) == \
        [("sdf", "capture", ("manbij",))]
    assert not [c for c in read("The SAA cleared Manbij of mines.") if c.action == "capture"]
    assert brief(read("Government forces maintained a presence in Azaz.")) == \
        [("saa", "control", ("azaz",))]
    assert not [c for c in read("The SAA regretted its presence in Azaz.")
                if c.action == "control"]


@BOTH
def test_more_verbs_of_attack(read):
    for text, actor in (("The SAA hammered Azaz with artillery.", "saa"),
                        ("The SDF began a drive against IS in Manbij.", "sdf"),
                        ("The SDF engaged IS fighters near Manbij.", "sdf"),
                        ("IS hit back at the SDF in Manbij.", "is"),
                        ("IS used chemical weapons against the SDF in Manbij.", "is")):
        assert (actor, "attack") in [(c.actor, c.action) for c in read(text)], text
    assert not read("The SDF was engaged in talks in Manbij.")


@BOTH
def test_a_backer_after_a_preposition_and_an_adjective_of_degree_is_no_agent(read):
    claims = brief(read("The SDF, supported by heavy US airstrikes, encircled Manbij."))
    assert ("sdf", "besiege", ("manbij",)) in claims
    assert not [c for c in claims if c[0] == "us" and c[1] == "besiege"]
    claims = brief(read("The SDF advanced against fierce IS resistance near Manbij."))
    assert ("sdf", "advance", ("manbij",)) in claims
    assert not [c for c in claims if c[0] == "is" and c[1] == "advance"]


@BOTH
def test_an_attack_whose_aim_follows_a_comma_is_still_an_attack(read):
    got = [(c.actor, c.action, c.modality) for c in read(
        "The SAA launched a counter-attack against IS, in an attempt to retake Azaz.")]
    assert ("saa", "attack", "reported") in got
    assert ("saa", "capture", "reported") not in got


@BOTH
def test_a_place_that_fell_after_fighting_fell_to_the_side_named(read):
    for text in ("Azaz fell to the SDF after heavy fighting.",
                 "Azaz fell to the SDF after a week-long battle.",
                 "Azaz fell to the SDF after several days of fighting."):
        assert brief(read(text)) == [("sdf", "capture", ("azaz",))], text
    # a battle that is its own event, joined by "and", is not a circumstance
    assert ("is", "attack", ("nubl",)) in brief(read(
        "Azaz fell to the SDF, and IS attacked Nubl."))


@BOTH
def test_approaching_making_gains_and_crossing_into_are_advances(read):
    assert brief(read("The SDF approached Manbij from the north.")) == \
        [("sdf", "advance", ("manbij",))]
    assert brief(read("The SDF made gains north of Manbij.")) == \
        [("sdf", "advance", ("manbij",))]
    assert brief(read("Turkish troops crossed into Azaz.")) == [("turkey", "advance", ("azaz",))]
    assert not read("The approaches to Manbij were mined.")
