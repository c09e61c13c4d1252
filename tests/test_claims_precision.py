"""Claim precision by class of error (issue 12): what was not done, what is only to come,
what the writer disputes, and an aim read as a success.  Each test is a rule of English
written with made-up sentences, run on the path the machine has and on the rule path."""

from __future__ import annotations

from test_claims import BOTH, brief, reported_by

from geo.claims.traps import ASSAULT_FOR

# --- negated or failed, taken as done ------------------------------------------------------


@BOTH
def test_what_is_still_to_be_done_was_not_done(read):
    for text in ("The SAA has yet to capture Khan Tuman.",
                 "The rebels had yet to break the siege of Aleppo.",
                 "The SDF was still far from capturing Manbij."):
        claims = read(text)
        assert not [c for c in claims if c.modality == "reported"], (text, brief(claims))
    assert reported_by(read("The SAA captured Khan Tuman."), "saa", "capture")


@BOTH
def test_a_taking_that_came_close_did_not_happen_but_an_advance_did(read):
    for text in ("The SAA almost captured Khan Tuman.",
                 "IS nearly encircled Azaz.",
                 "The rebels came close to capturing Aleppo."):
        claims = read(text)
        assert not [c for c in claims if c.action in ("capture", "besiege")
                    and c.modality == "reported"], (text, brief(claims))
    # who nearly reached a town did advance on it
    assert reported_by(read("IS fighters nearly reached Azaz."), "is", "advance")


@BOTH
def test_no_before_a_noun_cue_negates_it(read):
    assert not reported_by(read("No rebel attack on Aleppo took place."), "rebels", "attack")
    # "no" that does not stand on the cue
    assert reported_by(read("With no warning, IS attacked Azaz."), "is", "attack")


@BOTH
def test_a_failed_advance_or_taking_is_not_done_but_an_attack_beaten_back_was_made(read):
    for text in ("After a failed advance on Azaz, IS fighters were killed.",
                 "The SAA unsuccessfully tried to take Khan Tuman."):
        claims = read(text)
        assert not [c for c in claims if c.action in ("advance", "capture")
                    and c.modality == "reported"], (text, brief(claims))
    assert reported_by(read("The rebels attacked Aleppo, but were repelled."), "rebels", "attack")


# --- ordered, demanded, warned, prepared: not done --------------------------------------


@BOTH
def test_what_a_side_was_ordered_required_or_warned_to_do_was_not_done(read):
    for text in ("The SDF was ordered to withdraw from Manbij.",
                 "The ceasefire required the SAA to pull back from Azaz.",
                 "Turkey warned the SDF not to enter Manbij.",
                 "The rebels were asked to leave Aleppo."):
        claims = read(text)
        assert not [c for c in claims if c.modality == "reported"], (text, brief(claims))
    # forced to do it: it was done
    assert reported_by(read("The SAA was forced to withdraw from Khan Tuman."), "saa", "withdraw")


@BOTH
def test_an_attack_still_ahead_is_not_reported(read):
    claims = read("The SAA massed troops near Aleppo ahead of an attack on Khan Tuman.")
    assert not [c for c in claims if c.action == "attack" and "khan_tuman" in c.places
                and c.modality == "reported"], brief(claims)


# --- modality: about to, should have, hedges, a report called false --------------------------


@BOTH
def test_poised_or_set_to_take_is_a_prediction(read):
    for text in ("The SAA was poised to capture Raqqa.",
                 "The SDF is set to take Manbij."):
        claims = read(text)
        assert claims and all(c.modality == "predicted" for c in claims), (text, brief(claims))


@BOTH
def test_what_should_or_could_have_been_done_is_speculative(read):
    for text in ("The SAA should have attacked Raqqa.",
                 "The rebels could have taken Aleppo."):
        claims = read(text)
        assert claims and all(c.modality == "speculative" for c in claims), (text, brief(claims))


@BOTH
def test_hearsay_and_belief_are_speculative(read):
    for text in ("Rumours say IS took Azaz.",
                 "IS is believed to have taken Azaz.",
                 "IS allegedly took Azaz."):
        claims = read(text)
        assert claims and not reported_by(claims, "is", "capture"), (text, brief(claims))
    assert reported_by(read("IS reportedly took Azaz."), "is", "capture")


@BOTH
def test_a_claim_someone_denies_after_it_or_that_proved_false_is_disputed(read):
    for text in ("The SAA claimed to have captured Khan Tuman, but the rebels denied it.",
                 "The SAA said it had taken Khan Tuman, though IS quickly denied the claim.",
                 "The SAA was reported to have captured Khan Tuman, which later proved false."):
        claims = read(text)
        assert claims and all(c.modality == "disputed" for c in claims), (text, brief(claims))
    # a denial of something else does not dispute the claim
    assert reported_by(read("The SAA captured Khan Tuman, but the rebels denied losing Aleppo."),
                     "saa", "capture")


# --- intent taken as success -------------------------------------------------------------


@BOTH
def test_an_offensive_launched_to_take_a_place_is_an_attack_on_it(read):
    for text, actor, place in (("The SAA launched an offensive to capture Raqqa.", "saa", "raqqa"),
                               ("IS launched an attack to take Azaz.", "is", "azaz"),
                               ("The SDF launched an assault in order to capture Manbij.",
                                "sdf", "manbij")):
        claims = read(text)
        assert not [c for c in claims if c.action in ("capture", "lift_siege")
                    and c.modality == "reported"], (text, brief(claims))
        assert [c for c in claims if (c.actor, c.action) == (actor, "attack")
                and place in c.places], (text, brief(claims))
    # a result is not an aim: "the attack on X allowed the SAA to take Y" is no attack on Y
    assert not ASSAULT_FOR.search("The attack on Nubl allowed the SAA to ")
    assert not ASSAULT_FOR.search("The offensive on Nubl, which led the SAA to ")
    assert ASSAULT_FOR.search("The SAA launched a major offensive on Nubl in order to ")


@BOTH
def test_an_attack_for_an_aim_that_was_beaten_back_is_no_claim(read):
    claims = read("Rebel counter-attacks to retake Khan Tuman were repelled.")
    assert not [c for c in claims if c.modality == "reported"], brief(claims)


@BOTH
def test_hoping_to_take_is_not_taking(read):
    for text in ("The rebels hoped to take Aleppo.", "IS hoped to capture Azaz."):
        assert not [c for c in read(text) if c.modality == "reported"], text


# --- wrong place: a nearness that only locates a noun --------------------------------------


@BOTH
def test_a_nearness_set_off_by_a_comma_locates_a_noun_and_is_no_advance(read):
    for text in ("IS shelled the old hospital, two kilometers from Manbij.",
                 "The SAA stormed the grain silos, on the outskirts of Raqqa."):
        claims = read(text)
        assert not [c for c in claims if c.action == "advance"], (text, brief(claims))
    assert reported_by(read("The SDF was within two kilometers of Manbij."), "sdf", "advance")


# --- wrong actor: who backs an act named by a noun did not do it ----------------------------


@BOTH
def test_who_backs_an_offensive_is_not_its_agent(read):
    assert brief(read("Turkey backed the rebel offensive on Azaz.")) == \
        [("rebels", "attack", ("azaz",))]
    claims = read("Iranian advisers accompanied the SAA during the capture of Aleppo.")
    assert "iran" not in {c.actor for c in claims}, brief(claims)
    # who launched it did it
    assert brief(read("Turkey launched an offensive on Afrin.")) == \
        [("turkey", "attack", ("afrin",))]


# --- feared, unlikely, granted time to, what a deal would see: not reported ---------------


@BOTH
def test_what_is_feared_unlikely_or_a_deal_would_bring_is_not_reported(read):
    for text in ("There are fears of an IS attack on Azaz.",
                 "Turkey warned of an IS attack on Azaz.",
                 "IS was unlikely to capture Azaz.",
                 "The deal would see the rebels withdraw from Aleppo."):
        claims = read(text)
        assert claims and not [c for c in claims if c.modality == "reported"], \
            (text, brief(claims))
    assert not [c for c in read("The rebels were given 48 hours to withdraw from Aleppo.")
                if c.modality == "reported"]
    # a fight that happened, told after a fear, stays reported
    assert reported_by(read("Despite fears in Turkey, IS attacked Azaz."), "is", "attack")


# --- wrong place: a relative clause's act keeps its own place --------------------------------


@BOTH
def test_a_relative_clause_s_act_does_not_take_the_main_verb_s_place(read):
    claims = read("IS fighters who had fled Manbij attacked Azaz.")
    assert [c.places for c in claims if c.action == "flee"] == [("manbij",)], brief(claims)
    assert [c for c in claims if (c.actor, c.action) == ("is", "attack") and "azaz" in c.places]


# --- prepared, planned or waited for: not done ------------------------------------------------


@BOTH
def test_what_was_prepared_planned_or_waited_for_was_not_done(read):
    for text in ("The SAA waited before entering Raqqa.",
                 "The SDF started preparing for a new assault on Manbij.",
                 "The SDF drew up a plan for an operation to take Raqqa."):
        claims = read(text)
        assert not [c for c in claims if c.modality == "reported"], (text, brief(claims))
    assert reported_by(read("After a short pause, the SAA entered Raqqa."), "saa", "advance")


@BOTH
def test_a_denial_told_after_the_claim_or_of_a_loss_disputes_it(read):
    for text in ("The SAA captured Khan Tuman, a claim the rebels denied.",
                 "The rebels claimed to have shot down a jet over Aleppo, which the SAA denied."):
        claims = read(text)
        assert claims and all(c.modality == "disputed" for c in claims), (text, brief(claims))
    assert not [c for c in read("IS denied losing Azaz to the rebels.")
                if c.modality == "reported"]
    # "which ... denied" with an object of its own is no denial of the claim
    assert [c.modality for c in read(
        "The SDF cut the road to Manbij, which effectively denied IS its supply line.")] == \
        ["reported"]


@BOTH
def test_an_attack_beaten_back_was_made_but_an_assault_repulsed_names_no_claim(read):
    assert reported_by(read("IS attacked Azaz but was beaten back."), "is", "attack")
    assert not [c for c in read("The rebel assault on Aleppo was repulsed.")
                if c.modality == "reported"]


# --- people taken, not a place ---------------------------------------------------------------


@BOTH
def test_the_capture_of_people_is_no_place_taken(read):
    for text in ("The rebels captured 40 soldiers near Azaz.",
                 "Manbij was shelled after the capture of two reporters by IS near the town.",
                 "IS captured several aid workers outside Raqqa."):
        claims = read(text)
        assert not [c for c in claims if c.action == "capture"], (text, brief(claims))
    # a place taken stays, also when its defenders' things are named after the cue
    for text in ("The rebels captured Azaz.", "The rebels captured the soldiers' base at Azaz."):
        assert reported_by(read(text), "rebels", "capture"), text


# --- an agreement reached, not a place ------------------------------------------------------


@BOTH
def test_an_agreement_reached_is_no_advance(read):
    for text in ("Officials said a deal had been reached in Azaz.",
                 "The SAA and the rebels reached a truce in Khan Tuman.",
                 "The SDF reached a new agreement with the council of Manbij."):
        claims = read(text)
        assert not [c for c in claims if c.action == "advance"], (text, brief(claims))
    assert reported_by(read("The SAA reached Khan Tuman."), "saa", "advance")
    assert reported_by(read("Khan Tuman was reached by the SAA on 4 May."), "saa", "advance")


# --- a later passive names its own agent -----------------------------------------------------


@BOTH
def test_a_later_passive_cue_is_done_by_its_by_phrase(read):
    claims = read("The rebels withdrew to Azaz with the town being shelled by the SAA.")
    assert reported_by(claims, "saa", "attack"), brief(claims)
    assert not reported_by(claims, "rebels", "attack"), brief(claims)
    assert reported_by(claims, "rebels", "withdraw"), brief(claims)


# --- an existential sentence names no side ---------------------------------------------------


@BOTH
def test_there_was_fighting_names_no_side_but_fighting_continued_keeps_the_topic(read):
    told = "The SDF took Azaz on 2 July. "
    for text in ("In November, there was heavy fighting in the town.",
                 "There were still ongoing clashes in Manbij."):
        claims = [c for c in read(told + text) if c.start >= len(told)]
        assert not [c for c in claims if c.modality == "reported"], (text, brief(claims))
    # a noun of fighting heading its clause is the topic side's (the rule the above narrows)
    claims = read(told + "Heavy fighting continued in Manbij.")
    assert [c for c in claims if c.start >= len(told)], brief(claims)


# --- pushing a side back is an attack on it ----------------------------------------------------


@BOTH
def test_pushing_a_side_back_is_an_attack_not_an_advance(read):
    claims = read("The SDF pushed back IS fighters near Manbij.")
    assert reported_by(claims, "sdf", "attack"), brief(claims)
    assert not [c for c in claims if c.action == "advance"], brief(claims)
    # pushing into or back into a place is still a move
    assert reported_by(read("The SDF pushed back into Manbij."), "sdf", "advance")
    assert reported_by(read("The SDF pushed into Manbij."), "sdf", "advance")


# --- words that only look like cues ------------------------------------------------------------


@BOTH
def test_an_office_or_a_weapon_named_defence_is_no_defending(read):
    for text in ("The SAA air defense battalion in Azaz was shelled by IS.",
                 "The Defense Ministry said the SAA captured Azaz."):
        claims = read(text)
        assert not [c for c in claims if c.action == "defend"], (text, brief(claims))
    assert reported_by(read("The SAA defended Azaz."), "saa", "defend")



# --- a holding the taking ended ------------------------------------------------------------------


@BOTH
def test_who_held_what_was_taken_holds_it_no_more(read):
    for text in ("The SAA captured the last post on the Azaz road that was held by IS.",
                 "The SDF took Manbij, which had been held by IS since 2014."):
        claims = read(text)
        assert not [c for c in claims if c.actor == "is"], (text, brief(claims))
        assert [c for c in claims if c.action == "capture"], (text, brief(claims))
    # with no taking, the holding stands
    assert reported_by(read("The SAA shelled Azaz, which was held by IS."), "is", "control")


# --- the name of a battle as the time of the clause -------------------------------------------


@BOTH
def test_a_battle_named_as_the_time_of_the_clause_is_no_attack(read):
    told = "The rebels took Azaz in May. "
    claims = [c for c in read(told + "When the Battle of Aleppo started, the town was calm.")
              if c.start >= len(told)]
    assert not [c for c in claims if c.action == "attack"], brief(claims)
    # a battle told as an event, or a battle's name that is the subject, stays
    assert [c for c in read(told + "A battle for Manbij began the next day.")
            if c.start >= len(told) and c.action == "attack"]


# --- a plural noun after "after" is no verb in the present -------------------------------------


@BOTH
def test_a_plural_noun_of_fighting_after_after_is_told_not_foreseen(read):
    claims = read("On 9 May, IS took over Azaz, after violent clashes against the SAA.")
    assert claims and all(c.modality == "reported" for c in claims), brief(claims)
    # a verb in the present after "once" or "after" is still what is to come
    claims = read("After the SAA captures Azaz, it will move on.")
    assert [c.modality for c in claims if c.action == "capture"] == ["predicted"], brief(claims)


# --- a strike from the air is the act of a side that flies ---------------------------------------


@BOTH
def test_an_air_strike_is_not_given_to_a_side_without_an_air_force(read):
    told = "The rebels took Azaz. "
    claims = [c for c in read(told + "Airstrikes killed 20 people in Azaz.")
              if c.start >= len(told)]
    assert not [c for c in claims if c.actor == "rebels"], brief(claims)
    # a side with warplanes keeps its strikes, and a ground attack after air strikes stays
    assert reported_by(read("Russian airstrikes hit Manbij."), "russia", "attack")
    assert reported_by(read("After heavy airstrikes, IS attacked Azaz."), "is", "attack")


def test_every_listed_air_force_is_an_actor_of_the_lexicon():
    import csv

    from geo.claims.airpower import air_forces
    from geo.paths import FACTIONS_PATH
    with FACTIONS_PATH.open(encoding="utf-8", newline="") as handle:
        actors = {row["actor"] for row in csv.DictReader(handle)}
    assert air_forces() and air_forces() <= actors, sorted(air_forces() - actors)


@BOTH
def test_the_by_agent_of_a_passive_is_the_actor_not_a_side_named_in_its_subject(read):
    claims = read("A convoy of the SAA heading to Azaz was ambushed by IS.")
    assert reported_by(claims, "is", "attack"), brief(claims)
    assert not reported_by(claims, "saa", "attack"), brief(claims)


@BOTH
def test_an_attack_made_with_the_aim_of_a_taking_is_an_attack(read):
    for text in ("IS launched an attack with the aim of capturing the town of Azaz.",
                 "IS launched an attack on Azaz with the intention of taking the town."):
        claims = read(text)
        assert reported_by(claims, "is", "attack"), (text, brief(claims))
        assert not reported_by(claims, "is", "capture"), (text, brief(claims))


@BOTH
def test_complete_control_achieved_or_all_parts_entered_is_a_taking(read):
    for text in ("The SDF achieved full control over Manbij.",
                 "The SAA entered all parts of Azaz on 30 June."):
        assert reported_by(read(text), text.split()[1].lower(), "capture"), brief(read(text))
    # entering a town is still only an advance
    claims = read("The SAA entered Azaz on 30 June.")
    assert reported_by(claims, "saa", "advance") and not reported_by(claims, "saa", "capture")
