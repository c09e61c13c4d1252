"""Claims read from war reporting's usual turns (issue 12, fourth round): a place given by a
definite description, a month that is no verb, ...  Each test is a rule of English or of war
reporting, written here with made-up sentences."""

from __future__ import annotations

from dataclasses import replace

import pytest
from test_claims import BY_ID, brief, claims_of, entry, mentions_of, read

from geo.claims import extract_claims_report, load_actions
from geo.claims import model as claims_model
from geo.factions import load_lexicon

needs_model = pytest.mark.skipif(claims_model.load_parser() is None,
                                 reason=f"no parser: {claims_model.parser_status()}")


def test_a_definite_description_points_back_to_a_place_its_noun_can_mean():
    claims = claims_of("IS took Khan Tuman. The SAA recaptured the village the next day.")
    assert ("saa", "capture", ("khan_tuman",)) in brief(claims)
    # a town is no village; a village of another name, unresolved, is no antecedent
    assert "saa" not in {c.actor for c in claims_of(
        "IS took Azaz. The SAA recaptured the village the next day.")}
    assert "saa" not in {c.actor for c in claims_of(
        "IS took Khan Tuman and the village of Um Mayyal. The SAA retook the village.")}


def test_the_village_of_x_names_x_and_points_back_to_nothing():
    assert "saa" not in {c.actor for c in claims_of(
        "IS took Khan Tuman. The SAA recaptured the village of Qabasin.")}


def test_the_month_march_is_no_march():
    actions = load_actions()
    assert actions.cues("The city was recaptured on 27 March.")[1:] == []
    assert [c.action for c in actions.cues("the troops marched on Raqqa; they march")] == \
        ["advance", "advance"]


def test_a_noun_of_fighting_with_no_agent_is_the_topic_sides():
    claims = claims_of("The SDF captured Azaz. Heavy fighting continued in Manbij.")
    assert ("sdf", "attack", ("manbij",)) in brief(claims)
    assert not claims_of("Heavy fighting continued in Manbij.")


def test_as_well_as_x_gives_the_clause_its_place():
    claims = claims_of("The SDF took Azaz. Later that day, the hill was captured, as well as Nubl.")
    assert ("sdf", "capture", ("nubl",)) in brief(claims)


def test_this_with_a_verb_is_the_event_before_it():
    claims = claims_of("The SAA captured Nubl. This effectively cut off Aleppo.")
    assert ("saa", "cut_road", ("aleppo",)) in brief(claims)


def test_a_holder_the_lexicon_does_not_know_holds_nothing():
    claims = claims_of("Rebel forces attacked the Druze-held areas of Aleppo.")
    assert [(c.actor, c.action) for c in claims] == [("rebels", "attack")]


def test_a_side_named_by_a_wide_word_glued_to_held_holds_the_place():
    claims = claims_of("Rebel forces attacked the Kurdish-held areas of Aleppo.")
    assert ("sdf", "control", ("aleppo",)) in brief(claims)
    claims = claims_of("The rebels cut the road into the government-held part of Idlib.")
    assert ("saa", "control", ("idlib",)) in brief(claims)
    # the word alone names no side ("the government" unqualified is Syria's: armies.py reads
    # it as another state's when that state's government was named before it)
    assert not load_lexicon().find("a government of the Kurdish parties", entry=0)


def test_almost_done_is_not_done_but_nearly_there_is_an_advance():
    assert not [c for c in claims_of("The SDF captured Nubl, with Manbij almost fully "
                                     "surrounded.") if c.action == "besiege"]
    assert ("is", "advance", ("azaz",)) in brief(claims_of("IS is nearly at the gates of Azaz."))


@needs_model
def test_what_a_verb_of_bringing_moves_advanced():
    for text in ("The advance brought the SDF within 12 kilometers of Manbij.",
                 "This advancement put the SDF within 15 kilometres of Manbij."):
        assert ("sdf", "advance", ("manbij",)) in brief(claims_of(text)), text


def test_the_nominal_topic_ignores_actors_of_later_clauses():
    claims = claims_of("The SAA took Nubl. Observers confirmed the capture of Azaz, with IS "
                       "attacking advancing government forces.")
    assert ("saa", "capture", ("azaz",)) in brief(claims)


def test_an_action_on_a_held_place_hits_that_place():
    claims = claims_of("Shelling carried out by the SAA and Hezbollah on IS-held Azaz.")
    assert {("saa", "attack", ("azaz",)), ("hezbollah", "attack", ("azaz",)),
            ("is", "control", ("azaz",))} <= set(brief(claims))


@needs_model
def test_an_offensive_to_take_a_place_is_an_attack_on_it_not_a_capture():
    for text in ("The Manbij offensive was a military operation by the SDF to capture Manbij.",
                 "The SAA launched an offensive to take Azaz."):
        got = [(c.actor, c.action, c.places) for c in claims_of(text)
               if c.modality == "reported"]
        assert not [g for g in got if g[1] == "capture"], text
        assert any(g[1] == "attack" for g in got), text
    # an attempt is no attack: nothing happened
    assert not [c for c in claims_of("The SDF attempted to capture Manbij.")
                if c.modality == "reported"]


def test_a_side_remaining_in_a_place_holds_it():
    assert ("rebels", "control", ("azaz",)) in brief(claims_of(
        "The SAA took Nubl, cutting off the rebels remaining in Azaz."))


def test_an_actor_right_before_a_cue_of_holding_holds_even_after_a_preposition():
    assert ("is", "control", ("azaz",)) in brief(claims_of(
        "The SAA attacked Nubl, with IS controlling Azaz."))


def test_a_participle_opening_its_sentence_takes_the_main_subject():
    claims = claims_of("On 17 August, after capturing Nubl, the SAA stormed Azaz.")
    assert ("saa", "capture", ("nubl",)) in brief(claims)
    # a dangling participle whose main subject is a passive's patient gives no claim
    assert "is" not in {c.actor for c in claims_of(
        "After seizing Nubl, the IS fighters in Azaz were left besieged.")
        if c.action == "capture"}


def _blocks(*texts: str):
    entries = [replace(entry(n, t), kind="block", author="") for n, t in enumerate(texts)]
    lex = load_lexicon()
    mentions = [m for e in entries for m in mentions_of(e)]
    actors = [a for e in entries for a in lex.find(e.text, entry=e.id)]
    return extract_claims_report(entries, mentions, actors, places=BY_ID).claims


def test_the_blocks_of_one_text_are_one_discourse():
    claims = _blocks("IS took Khan Tuman after a week.",
                     "On 3 May, the SAA recaptured the village.")
    assert ("saa", "capture", ("khan_tuman",)) in brief(claims)
    recaptured = next(c for c in claims if c.entry == 1)
    assert recaptured.quote.endswith("the village")  # the place is read at its description
    # comments of others are not one discourse
    others = read(entry(0, "IS took Khan Tuman after a week."),
                  entry(1, "On 3 May, the SAA recaptured the village.")).claims
    assert [c.entry for c in others] == [0]


def test_the_besiegers_siege_broken_was_broken_by_another():
    claims = claims_of("The rebels advanced and announced the SAA's siege of Aleppo had been "
                       "broken.")
    assert ("saa", "lift_siege", ("aleppo",)) not in brief(claims)


def test_a_result_clause_is_the_main_subjects():
    claims = claims_of("The SAA captured the villages that IS held, thus clearing the road to "
                       "Aleppo.")
    assert "is" not in {c.actor for c in claims if c.action == "capture"}


def test_cutting_a_sides_only_supply_route_is_cutting_a_road():
    assert [c.action for c in load_actions().cues(
        "cutting the Syrian government's only supply route")] == ["cut_road"]


def test_a_journey_told_in_two_sentences_leaves_no_first_leg_behind():
    claims = claims_of("The Turks brought 6,000 men north out of Azaz. They trucked them to "
                       "Aleppo.")
    moves = [(c.origin, c.destination) for c in claims if c.action == "redeploy"]
    assert moves == [("azaz", "aleppo")]
    assert [c.id for c in claims] == [f"e0c{n}" for n in range(len(claims))]


def test_where_the_moved_men_are_now_is_not_where_they_left():
    claims = claims_of("IS attacked Azaz, from which the Turks removed the 6,000 men now in "
                       "the Aleppo area.")
    assert ("turkey", "withdraw", ("aleppo",)) not in brief(claims)


def test_a_future_or_potential_event_named_by_a_noun_is_not_reported():
    claims = claims_of("The SDF took Nubl, paving the way for a future offensive on Manbij.")
    assert [c.modality for c in claims if c.places == ("manbij",)] == ["predicted"]
    claims = claims_of("An IS defeat at Azaz was seen as a potential blow; a potential attack "
                       "on Aleppo worried the SAA.")
    assert all(c.modality != "reported" for c in claims if c.places == ("aleppo",))


@needs_model
def test_leaving_one_front_to_reinforce_another_is_a_redeployment():
    claims = claims_of("IS started to abandon its frontline north of Aleppo to reinforce Manbij.")
    assert "redeploy" in {c.action for c in claims if c.modality == "reported"}


@needs_model
def test_the_one_congratulated_on_a_capture_made_it():
    claims = claims_of("Putin congratulated the SAA on regaining Azaz.")
    assert [(c.actor, c.action) for c in claims] == [("saa", "capture")]


def test_a_moving_participle_names_its_mover_after_it():
    claims = claims_of("On 8 October, advancing rebel forces ran into mines near Azaz.")
    assert ("rebels", "advance", ("azaz",)) in brief(claims)
    claims = claims_of("The SAA cleared Azaz of explosives left by retreating IS forces.")
    assert ("is", "withdraw", ("azaz",)) in brief(claims)


def test_a_clause_saying_whom_an_attack_was_against_gives_its_place():
    claims = claims_of("The SAA launched several counter-attacks, primarily against Nubl.")
    assert ("saa", "attack", ("nubl",)) in brief(claims)


def test_within_a_distance_west_and_south_of_a_place():
    assert [c.action for c in load_actions().cues(
        "to within four kilometers west and south of Palmyra")] == ["advance"]


# --- round 5 -------------------------------------------------------------------------------


def test_a_capture_of_unnamed_places_is_not_of_the_place_named_before_it():
    claims = claims_of("The SAA made a deep push into Raqqa, capturing several villages.")
    assert ("saa", "capture", ("raqqa",)) not in brief(claims)
    assert ("saa", "advance", ("raqqa",)) in brief(claims)
    claims = claims_of("Regime troops gained ground south of Idlib, taking a few sites.")
    assert "capture" not in {c.action for c in claims}
    # the unnamed places with a place of their own, or "nearby" the one named, stay
    assert ("sdf", "capture", ("nubl",)) in brief(claims_of(
        "The SDF moved on Manbij, capturing 13 villages near Nubl."))
    assert ("is", "capture", ("azaz",)) in brief(claims_of(
        "IS broke out of Azaz, retaking two nearby villages."))
    assert ("saa", "capture", ("nubl",)) in brief(claims_of(
        "The SAA seized Nubl and several villages."))


@needs_model
def test_a_holder_named_inside_an_aim_is_not_reported():
    claims = claims_of("The SDF struck near Azaz in a bid to break the siege of the IS-held "
                       "parts of Manbij.")
    assert ("is", "control") not in {(c.actor, c.action) for c in claims}
    claims = claims_of("The SAA launched an assault to retake rebel-held Nubl.")
    assert ("rebels", "control") not in {(c.actor, c.action) for c in claims}
    # a holder in what was done stays
    claims = claims_of("The SAA shelled rebel-held Nubl and managed to take IS-held Azaz.")
    assert {("rebels", "control"), ("is", "control")} <= {(c.actor, c.action) for c in claims}


def test_a_force_named_by_its_allegiance_is_on_that_side():
    lexicon = load_lexicon()
    found = lexicon.find("the pro-government Palestinian militia Liwa X and pro-regime Iraqi "
                         "Shia militias", entry=0)
    assert [m.actor for m in found] == ["saa", "saa"]
    assert not lexicon.find("a pro-government newspaper", entry=0)


@needs_model
def test_a_group_made_up_of_a_force_is_that_force():
    from geo.claims import syntax
    text = "A column consisting of the pro-government Iraqi militia Kataib Y was sent to Azaz."
    doc = claims_model.load_parser()(text)
    column = next(t for t in doc if t.text == "column")
    assert text[slice(*syntax._phrase(column))].endswith("Kataib Y")
    claims = claims_of("IS took Nubl. A column made up of pro-regime Iraqi militias was sent "
                       "to Azaz.")
    assert ("saa", "redeploy", ("azaz",)) in brief(claims)


@needs_model
def test_a_side_wanted_to_act_did_not_act_even_when_its_name_looks_like_a_verb():
    # the tagger reads the capitals "IS" as the verb "is"; the wish still governs
    claims = claims_of("Their theory is that the Pentagon wants IS to take control of Azaz.")
    assert not [c for c in claims if c.actor == "is" and c.modality == "reported"]


def test_a_taking_aimed_at_an_enemy_is_an_attack():
    claims = claims_of("The rebels used Azaz as a base for their campaign of conquest against "
                       "IS.")
    assert ("rebels", "attack", ("azaz",)) in brief(claims)
    assert "capture" not in {c.action for c in claims}


def test_forces_thrown_at_a_place_attack_it_and_into_it_are_moved():
    actions = load_actions()
    assert [c.action for c in actions.cues("IS threw more fighters at Kobani")] == ["attack"]
    assert [c.action for c in actions.cues("the SAA threw its reserves into Homs")] == \
        ["redeploy"]


def test_what_a_theory_or_rumour_says_is_speculative():
    for text in ("Their theory is that the SDF took Manbij.", "The rumour was that IS fled Azaz."):
        assert [c.modality for c in claims_of(text)] == ["speculative"], text


@needs_model
def test_the_last_holding_taken_is_no_control():
    for text in ("The SAA took Nubl, thus expelling IS from its last stronghold in Idlib.",
                 "The SAA seized the remaining three villages that IS held near Nubl.",
                 "After taking the last few rebel-held houses in Azaz, the SAA advanced."):
        assert "control" not in {c.action for c in claims_of(text)}, text
    # a holding named without "last", or besieged, or still held, stays
    for text in ("The SAA took the rebel-held parts of Azaz.",
                 "The SAA besieged the remaining IS-held area in Idlib.",
                 "IS still holds its last stronghold in Idlib."):
        assert "control" in {c.action for c in claims_of(text)}, text


def test_the_side_that_repelled_an_attack_told_without_agent_defended():
    claims = claims_of("The SAA captured Nubl. Repeated rebel counter-attacks to retake Nubl "
                       "were eventually repulsed.")
    assert ("saa", "defend", ("nubl",)) in brief(claims)
    assert ("rebels", "defend") not in {(c.actor, c.action) for c in claims}
    # the attack told in the sentence is the attacker's; its places are the defence's
    claims = claims_of("The rebels took Azaz. An IS assault a day later briefly retook Azaz, "
                       "before reportedly being repelled.")
    assert ("rebels", "defend", ("azaz",)) in brief(claims)
    assert ("is", "defend") not in {(c.actor, c.action) for c in claims}
    # a holder named in the attack defends it
    claims = claims_of("IS took Nubl. Rebel forces stormed the Kurdish-held parts of Afrin, "
                       "although their assault was repelled.")
    assert ("sdf", "defend", ("afrin",)) in brief(claims)


def test_the_city_is_the_latest_city_and_a_town_only_failing_one():
    claims = claims_of("The SAA entered Aleppo. The rebels shelled Nubl. Russia resumed its air "
                       "raids on rebels in the city.")
    assert ("russia", "attack", ("aleppo",)) in brief(claims)
    claims = claims_of("The rebels shelled Nubl. Russia resumed its air raids on rebels in the "
                       "city.")
    assert ("russia", "attack", ("nubl",)) in brief(claims)


def test_without_the_parse_words_of_aim_before_a_cue_keep_it_from_being_reported():
    def rules_only(text):
        e = entry(0, text)
        actors = load_lexicon().find(text, entry=0)
        return extract_claims_report([e], mentions_of(e), actors, places=BY_ID,
                                     parse=False).claims
    for text in ("The rebels struck near Azaz in a bid to break the siege of Nubl.",
                 "The SDF moved on Nubl with the goal of capturing Manbij.",
                 "IS tried to cut the Castello road near Nubl."):
        assert not [c for c in rules_only(text) if (c.places == ("nubl",) and
                    c.action in ("lift_siege", "capture", "cut_road"))
                    or c.places == ("manbij",)], text
    assert ("saa", "capture", ("nubl",)) in brief(rules_only("The SAA took Nubl."))
    assert ("is", "redeploy") in {(c.actor, c.action) for c in rules_only(
        "IS left Azaz to reinforce Manbij.")}
