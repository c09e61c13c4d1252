"""Town histories written as rows (issue 12): a heading naming the town, on its own line or as
a block of its own above the history, and sentences under it that name no place, or call the
town "it". Made-up sentences; each reading runs on both paths."""

from __future__ import annotations

from dataclasses import replace

import pytest
from test_claims import BOTH, BY_ID, brief, claims_of, entry, mentions_of, reported_by, rules_only

from geo.claims import extract_claims_report
from geo.factions import load_lexicon


def _blocks(*texts: str, parse: bool):
    """The claims of an authorless text whose paragraphs are ``texts`` (blocks)."""
    entries = []
    at = 0
    for number, text in enumerate(texts):
        entries.append(replace(entry(number, text), kind="block", author="", start=at,
                               end=at + len(text)))
        at += len(text) + 2
    mentions = [m for e in entries for m in mentions_of(e)]
    lexicon = load_lexicon()
    actors = [a for e in entries for a in lexicon.find(e.text, entry=e.id)]
    return extract_claims_report(entries, mentions, actors, places=BY_ID, parse=parse).claims


PARSE = pytest.mark.parametrize("parse", [True, False], ids=["default", "rules"])


@BOTH
def test_a_sentence_of_a_row_naming_no_place_is_about_the_row_town(read):
    text = ("Nubl\nThe town was shelled for months in 2013. "
            "The rebels surrendered to the Syrian Army in May 2016.")
    claims = [c for c in read(text) if c.action == "capture"]
    assert claims and all(c.places == ("nubl",) for c in claims), brief(claims)
    assert reported_by(claims, "saa", "capture"), brief(claims)


@BOTH
def test_a_row_sentence_naming_its_own_place_keeps_it(read):
    text = "Nubl\nThe town was quiet in 2013. The rebels surrendered Azaz to the Syrian Army."
    assert not [c for c in read(text) if "nubl" in c.places], brief(read(text))


@BOTH
def test_without_a_heading_a_sentence_naming_no_place_gives_no_claim(read):
    text = ("Background and aftermath\nThe town was quiet in 2013. "
            "The rebels surrendered to the Syrian Army in May 2016.")
    assert not [c for c in read(text) if c.action == "capture"], brief(read(text))


@PARSE
def test_a_heading_written_as_a_block_of_its_own_heads_the_block_after(parse):
    history = ("Heavy fighting was reported in Aleppo in 2012. "
               "The rebels surrendered to the Syrian Army in May 2016.")
    claims = _blocks("Nubl", history, parse=parse)
    assert ("saa", "capture", ("nubl",)) in brief(claims), brief(claims)
    # a section title is no place: the history's sentence naming no place has none
    untitled = _blocks("Aftermath", history, parse=parse)
    assert not [c for c in untitled if c.action == "capture"], brief(untitled)


@BOTH
def test_it_as_the_object_of_a_verb_under_a_heading_is_the_town(read):
    for text in ("Azaz\nIn 2013 Aleppo was quiet; government forces retook it in 2014.",
                 "Azaz\nIn 2015 clashes reached Aleppo; the army laid siege to it."):
        claims = [c for c in read(text) if c.action in ("capture", "besiege")]
        assert claims and all(c.places == ("azaz",) for c in claims), (text, brief(claims))


@BOTH
def test_a_car_bomb_is_not_the_act_of_the_side_named_before(read):
    text = "The SAA shelled Azaz on 2 May. A car bomb exploded in Azaz on 31 October."
    claims = read(text)
    bombed = [c for c in claims if "car bomb" in text[c.start:c.end]]
    assert not bombed, brief(claims)
    # a bomb whose side is named is still that side's attack
    assert reported_by(read("IS fighters detonated a car bomb in Azaz."), "is", "attack")


@BOTH
def test_fighting_back_is_a_defence(read):
    claims = read("The SAA attacked Nubl, but the rebels fought back in Azaz.")
    assert reported_by(claims, "rebels", "defend"), brief(claims)
    assert not reported_by(claims, "rebels", "attack"), brief(claims)


def test_both_paths_read_the_row_alike():
    text = "Nubl\nThe rebels surrendered to the Syrian Army in May 2016."
    assert set(brief(claims_of(text))) == set(brief(rules_only(text)))


@BOTH
def test_the_government_unqualified_is_the_syrian_government(read):
    for text in ("The government has maintained control of Azaz since 2012.",
                 "The government's army took Azaz in 2016."):
        assert [c for c in read(text) if c.actor == "saa"], (text, brief(read(text)))


def test_the_government_after_another_states_government_is_that_state():
    from geo.claims.armies import resolve_armies
    text = "The Turkish government denied it. Later the government sent troops to Azaz."
    mentions = load_lexicon().find(text, entry=0)
    resolved = resolve_armies(mentions, {0: entry(0, text)})
    last = [m for m in resolved if m.surface.lower() == "the government"]
    assert last and last[-1].actor == "turkey", resolved


def test_the_article_before_a_holders_word_is_no_actor_of_its_own():
    text = "The rebels shelled the government-held part of Aleppo."
    surfaces = [m.surface for m in load_lexicon().find(text, entry=0)]
    assert "the government" not in surfaces, surfaces


@BOTH
def test_a_place_that_only_locates_the_row_town_is_not_the_claims_place(read):
    text = "Nubl\nThe government has maintained control of this town located in Aleppo."
    claims = [c for c in read(text) if c.action == "control"]
    assert claims and all(c.places == ("nubl",) for c in claims), brief(claims)


@BOTH
def test_a_place_handed_over_or_surrendered_to_a_side_is_taken_by_it(read):
    for text in ("In 2018 Azaz was handed over to the Syrian Army in a reconciliation deal.",
                 "The rebels handed Azaz over to the Syrian Army.",
                 "The rebels handed over their positions in Azaz to the Syrian Army.",
                 "The rebels surrendered Azaz to the Syrian Army in 2018."):
        claims = read(text)
        assert ("saa", "capture", ("azaz",)) in brief(claims), (text, brief(claims))
        assert not [c for c in claims if c.actor == "rebels" and c.action == "capture"], \
            (text, brief(claims))


@BOTH
def test_hands_of_a_holder_are_no_hand_over(read):
    claims = read("Azaz remained in rebel hands until 2018.")
    assert ("rebels", "control", ("azaz",)) in brief(claims), brief(claims)
    assert not [c for c in claims if c.action == "capture"], brief(claims)


@BOTH
def test_a_cross_reference_after_a_lost_full_stop_is_a_sentence_of_its_own(read):
    text = "Nubl\nSince 2013 this town was under rebel control See also: Battle of Aleppo (2012)."
    claims = [c for c in read(text) if c.action == "control"]
    assert claims and all(c.places == ("nubl",) for c in claims), brief(claims)


def test_the_singular_name_of_the_national_defence_forces_is_an_actor_not_a_defence():
    text = "Azaz was retaken by the National Defense Force in 2014."
    found = load_lexicon().find(text, entry=0)
    assert [m.surface for m in found] == ["National Defense Force"], found
    assert not [c for c in claims_of(text) if c.action == "defend"], brief(claims_of(text))


@PARSE
def test_a_heading_block_heads_every_block_up_to_the_next_heading(parse):
    intro = "The town lies on a plain and had 20,000 inhabitants in 2004."
    event = "In 2016 the rebels surrendered to the Syrian Army."
    claims = _blocks("Nubl", intro, event, parse=parse)
    assert ("saa", "capture", ("nubl",)) in brief(claims), brief(claims)
    # a heading that names no place ends the town's section
    later = _blocks("Nubl", intro, "Aftermath", event, parse=parse)
    assert not [c for c in later if c.action == "capture"], brief(later)


@BOTH
def test_a_year_after_by_is_no_agent_of_holding(read):
    claims = read("Azaz was under rebel control by 2014.")
    assert ("rebels", "control", ("azaz",)) in brief(claims), brief(claims)


@BOTH
def test_a_place_returned_to_a_sides_control_is_taken_back_by_it(read):
    for text, side in (("Azaz returned to government control in 2016.", "saa"),
                       ("Azaz was returned to rebel control in 2013.", "rebels"),
                       ("Azaz came back under government control in 2016.", "saa")):
        claims = read(text)
        assert (side, "capture", ("azaz",)) in brief(claims), (text, brief(claims))
    # returning to a place is no change of its hands
    assert not [c for c in read("The rebels returned to Azaz in 2016.")
                if c.action == "capture"]


@BOTH
def test_the_opposition_as_an_actor_is_the_armed_opposition(read):
    claims = read("The opposition captured Azaz in 2014.")
    assert ("rebels", "capture", ("azaz",)) in brief(claims), brief(claims)


def test_a_sides_name_as_an_adjective_of_speakers_is_no_actor():
    text = "The opposition activist group confirmed the capture of Azaz by the SAA."
    surfaces = [m.surface.lower() for m in load_lexicon().find(text, entry=0)]
    assert "the opposition" not in surfaces, surfaces
    assert not [c for c in claims_of(text) if c.actor == "rebels"], brief(claims_of(text))


@BOTH
def test_a_side_that_lost_the_town_to_another_gave_it_to_that_side(read):
    claims = read("Azaz\nThe regime lost the town to the rebels in 2012.")
    assert ("rebels", "capture", ("azaz",)) in brief(claims), brief(claims)
    assert not [c for c in claims if c.actor == "saa" and c.action == "capture"], brief(claims)


@BOTH
def test_the_side_that_gave_a_place_up_withdrew_from_it(read):
    for text in ("The rebels surrendered Azaz to the Syrian Army in 2018.",
                 "The rebels handed Azaz over to the Syrian Army."):
        claims = read(text)
        assert ("rebels", "withdraw", ("azaz",)) in brief(claims), (text, brief(claims))
        assert ("saa", "capture", ("azaz",)) in brief(claims), (text, brief(claims))
    # a place given up by no side named: only the taker's claim
    claims = read("Azaz was handed over to the Syrian Army in 2018.")
    assert not [c for c in claims if c.action == "withdraw"], brief(claims)


@BOTH
def test_a_wider_area_after_the_town_in_its_heading_only_locates_it(read):
    claims = read("Nubl (Hatay)\nIn 2016 the rebels surrendered to the Syrian Army.")
    assert ("saa", "capture", ("nubl",)) in brief(claims), brief(claims)
    # a thing of the town (a road) heading its row is no row of the town
    claims = read("Aleppo – Castello road\nIn 2016 the rebels surrendered to the Syrian Army.")
    assert not [c for c in claims if c.places == ("aleppo",)], brief(claims)


@BOTH
def test_complete_control_achieved_when_a_side_entered_is_its_capture(read):
    text = ("The rebels attacked Azaz in May. Complete control of Azaz was achieved on 30 June "
            "when Syrian Army troops entered the town.")
    claims = read(text)
    assert ("saa", "capture", ("azaz",)) in brief(claims), brief(claims)
    assert not [c for c in claims if c.actor == "rebels" and c.action == "capture"], brief(claims)


@BOTH
def test_this_suburb_of_a_city_under_a_heading_is_the_row_town(read):
    claims = read("Nubl\nIn 2012, this suburb of Aleppo was controlled by the FSA.")
    assert ("rebels", "control", ("nubl",)) in brief(claims), brief(claims)
    assert not [c for c in claims if "aleppo" in c.places], brief(claims)
    # "the town of X" names a town of its own
    claims = read("Nubl\nIn 2012, the town of Azaz was controlled by the FSA.")
    assert ("rebels", "control", ("azaz",)) in brief(claims), brief(claims)


@BOTH
def test_an_attack_in_a_row_takes_the_town_only_from_its_named_subject(read):
    claims = read("Nubl\nIn 2013 the rebels stormed two army checkpoints.")
    assert ("rebels", "attack", ("nubl",)) in brief(claims), brief(claims)
    claims = read("Nubl\nThe rebels were tired and wanted their destroyed homes rebuilt.")
    assert not [c for c in claims if c.action == "attack"], brief(claims)


@BOTH
def test_government_advances_are_the_governments_advance(read):
    claims = read("By 2014 Azaz was under rebel control with government advances into the town.")
    assert ("saa", "advance", ("azaz",)) in brief(claims), brief(claims)
    assert ("rebels", "control", ("azaz",)) in brief(claims), brief(claims)
    assert not [c for c in claims if c.actor == "rebels" and c.action == "advance"], \
        brief(claims)


@BOTH
def test_a_places_possessive_before_a_noun_of_taking_leaves_the_by_agent(read):
    claims = read("Azaz's capture by the rebels in 2012 was followed by months of shelling.")
    assert ("rebels", "capture", ("azaz",)) in brief(claims), brief(claims)
    # a side's possessive is still the agent
    assert ("saa", "capture", ("azaz",)) in brief(read("The SAA's capture of Azaz ended it."))
