"""Holding told by a noun with its holder after it (geo/claims/holders.py): "under the
control of", "in the hands of", ", a stronghold of"; and a side that "still holds" a place or
"withstood" an attack (data/actions.csv).  Made-up sentences, read on both paths; each rule
has sentences that must give no claim."""

from __future__ import annotations

from test_claims import BOTH, brief


def _reported(claims):
    return [(c.actor, c.action, c.places) for c in claims if c.modality == "reported"]


@BOTH
def test_the_side_after_under_the_control_of_holds_the_place_before(read):
    assert brief(read("Azaz remained under the control of the Islamic State.")) == \
        [("is", "control", ("azaz",))]
    assert brief(read("By June, Nubl was under the full control of the SDF.")) == \
        [("sdf", "control", ("nubl",))]


@BOTH
def test_the_side_after_in_the_hands_of_or_a_stronghold_of_holds_the_place(read):
    assert brief(read("Azaz is still in the hands of the rebels.")) == \
        [("rebels", "control", ("azaz",))]
    assert brief(read("Nubl, a stronghold of Hezbollah, was quiet on Monday.")) == \
        [("hezbollah", "control", ("nubl",))]


@BOTH
def test_coming_or_falling_under_a_side_is_a_capture(read):
    assert brief(read("Azaz came under the control of the SDF on Monday.")) == \
        [("sdf", "capture", ("azaz",))]
    assert brief(read("Nubl fell into the hands of the rebels.")) == \
        [("rebels", "capture", ("nubl",))]


@BOTH
def test_no_holding_when_negated_former_or_across_another_side(read):
    assert not _reported(read("Azaz never came under the control of the SDF."))
    assert not _reported(read("Azaz was not in the hands of the rebels."))
    assert not brief(read("Nubl, a former stronghold of the rebels, was quiet."))
    assert ("is", "control", ("azaz",)) not in brief(read(
        "The SDF took Azaz from the rebels under the control of IS commanders."))


@BOTH
def test_a_side_that_still_holds_a_place_controls_it(read):
    assert brief(read("The rebels still hold Azaz.")) == [("rebels", "control", ("azaz",))]
    assert not brief(read("The SAA still holds talks with the rebels in Azaz."))


@BOTH
def test_a_side_that_withstood_an_attack_defends(read):
    claims = brief(read("The YPG withstood an ISIL offensive on Afrin."))
    assert ("sdf", "defend", ("afrin",)) in claims
    assert ("is", "attack", ("afrin",)) in claims
    assert not [c for c in _reported(read("The YPG could not withstand the ISIL offensive on "
                                          "Afrin.")) if c[1] == "defend"]


@BOTH
def test_a_side_that_holds_a_named_place_or_keeps_its_grip_on_it_controls_it(read):
    assert brief(read("The SDF now holds Manbij.")) == [("sdf", "control", ("manbij",))]
    assert brief(read("IS kept its grip on Raqqa.")) == [("is", "control", ("raqqa",))]
    assert not [c for c in read("The SAA holds Erdogan responsible for the shelling of Azaz.")
                if c.action == "control"]


@BOTH
def test_stopping_an_attack_or_preventing_a_taking_is_defence(read):
    assert ("saa", "defend", ("nubl",)) in brief(read(
        "The SAA halted the ISIL offensive near Nubl."))
    assert ("sdf", "defend", ("manbij",)) in brief(read(
        "The SDF prevented ISIL from retaking Manbij."))
    # halting one's own offensive is no defence
    assert not [c for c in read("The SAA halted its offensive near Nubl.")
                if c.action == "defend"]


@BOTH
def test_a_sides_garrison_in_a_place_or_its_bastion_holds_it(read):
    assert brief(read("The SAA garrison in Nubl numbered 5,000 soldiers.")) == \
        [("saa", "control", ("nubl",))]
    assert brief(read("Raqqa was an ISIL bastion.")) == [("is", "control", ("raqqa",))]
    assert not [c for c in read("The SAA sent a garrison to Nubl.") if c.action == "control"]


@BOTH
def test_a_list_shorthand_without_of_names_the_holder_after_control(read):
    assert ("is", "control", ("nubl",)) in brief(read("Nubl under control IS, 2014-2016."))
    # the phrase with no side after it holds nothing
    assert not brief(read("The fire near Nubl was brought under control by evening."))
