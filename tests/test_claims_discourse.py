"""The actor from beyond the sentence (issue 12, recall; ``geo/claims/discourse.py``): a force
named by a common noun takes a side named before that the noun can mean, an agentless
passive the side its paragraph follows (none when two sides act), a noun of fighting the
side of the clause after it.  Each test is a rule of English written with made-up
sentences, run on both paths: with the English model (when the machine has it) and with the
rules alone (``FRONTLINE_NO_PARSER=1``'s path)."""

from __future__ import annotations

import pytest
from test_claims import BOTH, BY_ID, brief, mentions_of

from geo.claims import extract_claims_report
from geo.factions import load_lexicon
from geo.records import Entry

PATHS = pytest.mark.parametrize("parse", [True, False], ids=["default", "rules"])


def article(*paragraphs: str, parse: bool):
    """The claim report of an authorless text whose blocks are ``paragraphs``."""
    blocks = [Entry(id=number, kind="block", author="", posted_at=None, text=text, start=0,
                    end=len(text)) for number, text in enumerate(paragraphs)]
    lexicon = load_lexicon()
    mentions = [m for b in blocks for m in mentions_of(b)]
    actors = [a for b in blocks for a in lexicon.find(b.text, entry=b.id)]
    return extract_claims_report(blocks, mentions, actors, places=BY_ID, parse=parse)


# --- a force named by a common noun ------------------------------------------------------


@BOTH
def test_the_militants_are_the_armed_group_named_before(read):
    text = "IS held Manbij. The SDF advanced on Azaz. The militants withdrew from Manbij."
    claims = read(text)
    assert ("is", "withdraw", ("manbij",)) in brief(claims), brief(claims)
    assert ("sdf", "withdraw", ("manbij",)) not in brief(claims)


@BOTH
def test_a_noun_that_cannot_mean_the_side_named_before_has_no_actor(read):
    # the SDF is no "militants" here: the withdrawal is nobody's the text names
    claims = read("The SDF advanced on Manbij. The militants withdrew from Manbij.")
    assert [c for c in claims if c.action == "withdraw"] == [], brief(claims)
    # nor is IS "the troops"
    claims = read("IS advanced on Azaz. The troops withdrew from Nubl.")
    assert [c for c in claims if "nubl" in c.places] == [], brief(claims)


@BOTH
def test_the_troops_skip_an_armed_group_for_the_army_named_before(read):
    claims = read("The Army advanced on Nubl. IS attacked Azaz. "
                  "The troops recaptured Azaz the next day.")
    assert ("saa", "capture", ("azaz",)) in brief(claims), brief(claims)
    assert ("is", "capture", ("azaz",)) not in brief(claims)


@PATHS
def test_a_carried_actor_points_at_the_sentence_that_named_it(parse):
    text = "IS held Manbij. The SDF advanced on Azaz. The militants withdrew from Manbij."
    report = article(text, parse=parse)
    withdrawal = next(c for c in report.claims if c.action == "withdraw")
    assert withdrawal.actor == "is"
    start, end = report.carried[withdrawal.id]
    assert text[start: end] == "IS held Manbij."
    assert report.features[withdrawal.id]["pronoun"] == 1.0  # no word of the clause names it
    # a named subject is carried from nowhere
    named = next(c for c in report.claims if c.action == "advance")
    assert named.id not in report.carried


# --- an agentless passive ---------------------------------------------------------------


@PATHS
def test_an_agentless_capture_takes_the_side_its_paragraph_follows(parse):
    report = article("The SDF advanced on Manbij on 2 May. Azaz was captured on 3 May.",
                     parse=parse)
    assert ("sdf", "capture", ("azaz",)) in brief(report.claims), brief(report.claims)
    capture = next(c for c in report.claims if c.action == "capture")
    assert capture.id in report.carried


@PATHS
def test_an_agentless_capture_with_two_sides_acting_has_no_carried_actor(parse):
    report = article("The SDF took Azaz on 1 May. IS attacked Manbij on 2 May. "
                     "Nubl was captured on 3 May.", parse=parse)
    assert [c for c in report.claims if "nubl" in c.places] == [], brief(report.claims)


@PATHS
def test_a_paragraph_that_switches_sides_hands_on_its_own_side(parse):
    report = article("The SDF took Azaz on 1 May.",
                     "IS attacked Manbij on 2 May. Nubl was captured on 3 May.", parse=parse)
    nubl = [c.actor for c in report.claims if "nubl" in c.places]
    assert "sdf" not in nubl, brief(report.claims)


# --- a noun of fighting -----------------------------------------------------------------


@PATHS
def test_a_dated_fight_takes_the_side_of_the_clause_after_it(parse):
    report = article("The Army took Nubl on 2 June.",
                     "On 17 June, heavy clashes were reported at the western entrance of "
                     "Manbij, while SDF forces continued to advance.", parse=parse)
    assert ("sdf", "attack", ("manbij",)) in brief(report.claims), brief(report.claims)
    assert ("saa", "attack", ("manbij",)) not in brief(report.claims)


@PATHS
def test_a_fight_opening_a_paragraph_is_no_side_named_only_before_it(parse):
    report = article("The Army took Nubl on 2 June.",
                     "On 17 June, heavy clashes were reported in Manbij.", parse=parse)
    assert [c for c in report.claims if "manbij" in c.places] == [], brief(report.claims)


# --- ground taken back --------------------------------------------------------------------


@PATHS
def test_ground_taken_back_is_where_the_other_side_took_it(parse):
    report = article("IS captured Azaz on 2 May.",
                     "On 5 May, the rebels recaptured the lost territory.", parse=parse)
    assert ("rebels", "capture", ("azaz",)) in brief(report.claims), brief(report.claims)
    report = article("Early on 21 May, the Army seized most of Azaz. Later that day, the rebels "
                     "retook the positions they lost.", parse=parse)
    assert ("rebels", "capture", ("azaz",)) in brief(report.claims), brief(report.claims)


@PATHS
def test_ground_a_side_took_itself_is_not_taken_back_by_it(parse):
    report = article("IS captured Azaz on 2 May.",
                     "On 5 May, IS recaptured the lost territory.", parse=parse)
    assert [c.action for c in report.claims] == ["capture"], brief(report.claims)


# --- forces sent with no place named ------------------------------------------------------


@BOTH
def test_forces_sent_go_where_the_clause_before_says(read):
    claims = read("Later, as Russian troops guarding Nubl came under fire, the SDF redeployed "
                  "its soldiers once again.")
    assert ("sdf", "redeploy", ("nubl",)) in brief(claims), brief(claims)
    # a clause before that names no place gives none
    claims = read("Later, as the ceasefire collapsed, the SDF redeployed its soldiers.")
    assert claims == [], brief(claims)


# --- "the town" of the text's topic ---------------------------------------------------------


@PATHS
def test_the_town_with_no_antecedent_is_the_town_the_text_is_about(parse):
    report = article("The battle of Azaz was fought in 2016.",
                     "IS held Azaz until May. Azaz was besieged by the SDF.",
                     "Heavy fighting",
                     "The following day, the SDF attacked the town from the north.",
                     parse=parse)
    attack = [c for c in report.claims if c.action == "attack"]
    assert [(c.actor, c.places) for c in attack] == [("sdf", ("azaz",))], brief(report.claims)


@PATHS
def test_the_town_named_in_its_paragraph_is_not_the_topic(parse):
    report = article("The battle of Azaz was fought in 2016.",
                     "IS held Azaz until May. Azaz was besieged by the SDF.",
                     "Heavy fighting",
                     "The SDF then reached the town of Dabiq and attacked the town.",
                     parse=parse)
    assert not [c for c in report.claims if c.action == "attack" and "azaz" in c.places], \
        brief(report.claims)


@PATHS
def test_bare_troops_opening_a_paragraph_are_the_army_of_the_one_before(parse):
    report = article("The Army advanced on Nubl.", "Troops took Azaz on 3 May.", parse=parse)
    assert ("saa", "capture", ("azaz",)) in brief(report.claims), brief(report.claims)
    capture = next(c for c in report.claims if c.action == "capture")
    assert report.carried[capture.id] == (-1, -1)  # named in the block before
    report = article("IS advanced on Nubl.", "Troops took Azaz on 3 May.", parse=parse)
    assert [c for c in report.claims if "azaz" in c.places] == [], brief(report.claims)
