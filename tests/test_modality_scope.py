"""Modality is read per clause, on both paths: a modal, hedge or condition colours its own
clause or verb phrase, not the sentence; "would" said or narrated is no hedge (invented
sentences; ``geo.claims.modal_scope`` and ``geo.claims.scope.modality``)."""

from __future__ import annotations

import pytest
from test_claims import BY_ID, entry, mentions_of

from geo.claims import extract_claims_report
from geo.claims import model as claims_model
from geo.claims.modal_scope import carried, modal_of
from geo.claims.rules import RulesError, load_modality
from geo.factions import load_lexicon

PATHS = [pytest.param(False, id="rules"),
         pytest.param(True, id="parse", marks=pytest.mark.skipif(
             claims_model.load_parser() is None, reason="no parser"))]


def modalities(text: str, parse: bool) -> dict[tuple[str, str], str]:
    e = entry(0, text)
    actors = load_lexicon().find(text, entry=0)
    claims = extract_claims_report([e], mentions_of(e), actors, places=BY_ID,
                                   parse=parse).claims
    return {(c.actor, c.action): c.modality for c in claims}


@pytest.mark.parametrize("parse", PATHS)
def test_a_modal_later_in_the_sentence_does_not_colour_an_earlier_clause(parse):
    got = modalities("After capturing Manbij in June, the SDF announced that the offensive "
                     "would continue towards Raqqa.", parse)
    assert got.get(("sdf", "capture")) == "reported"


@pytest.mark.parametrize("parse", PATHS)
def test_would_under_a_verb_of_saying_predicts(parse):
    got = modalities("The rebels said that they would capture Idlib within a week.", parse)
    assert got.get(("rebels", "capture")) == "predicted"


@pytest.mark.parametrize("parse", PATHS)
def test_would_in_past_narration_reports(parse):
    got = modalities("The Syrian Army would later capture Raqqa in 2017.", parse)
    assert got.get(("saa", "capture")) == "reported"


@pytest.mark.parametrize("parse", PATHS)
@pytest.mark.parametrize("text", [
    "If they had enough men, the rebels would capture Idlib.",
    "The rebels would have captured Idlib without the airstrikes.",
    "The rebels could capture Idlib.",
    "The rebels might capture Idlib.",
    "The rebels may capture Idlib.",
])
def test_conditional_and_hedging_modals_stay_speculative(text, parse):
    assert modalities(text, parse).get(("rebels", "capture")) == "speculative", text


@pytest.mark.parametrize("parse", PATHS)
def test_the_month_may_is_no_modal(parse):
    got = modalities("From May the rebels captured Idlib.", parse)
    assert got.get(("rebels", "capture")) == "reported"


@pytest.mark.parametrize("parse", PATHS)
def test_a_modal_of_the_next_clause_leaves_a_reported_one(parse):
    got = modalities("The rebels captured Azaz, and IS could attack Manbij.", parse)
    assert got.get(("rebels", "capture")) == "reported"
    assert got.get(("is", "attack")) == "speculative"


@pytest.mark.parametrize("parse", PATHS)
def test_expected_to_predicts(parse):
    got = modalities("The SDF is expected to capture Raqqa.", parse)
    assert got.get(("sdf", "capture")) == "predicted"


def test_the_nearest_modal_before_the_cue_governs_and_a_boundary_stops_it():
    verb = load_modality().verb
    text = "The SDF announced that they would take Raqqa, which might anger IS."
    assert modal_of(text, 0, text.index("take"), len(text), verb) == "predicted"
    text = "The SDF could hold out until IS took Raqqa."
    assert modal_of(text, 0, text.index("took"), len(text), verb) == ""


def test_a_modal_after_the_cue_reaches_only_its_own_subject():
    verb = load_modality().verb
    text = "An attack on Azaz would end the truce."
    assert modal_of(text, 0, text.index("attack"), len(text), verb) == "speculative"
    text = "The rebels took Azaz and would advance on Afrin."
    assert modal_of(text, 0, text.index("took"), len(text), verb) == ""


def test_a_non_finite_clause_shares_the_modality_before_it():
    verb = load_modality().verb
    text = "The army might push north, cutting the road."
    assert carried(text, 0, text.index(","), verb) == "speculative"
    text = "The army might push north, and the rebels cut the road."
    assert carried(text, 0, text.index(","), verb) == ""


def test_an_unknown_scope_names_its_line(tmp_path):
    path = tmp_path / "modality.csv"
    path.write_text("modality,cue,scope,source\nspeculative,perhaps,everywhere,test\n",
                    encoding="utf-8")
    with pytest.raises(RulesError, match="line 2: unknown scope 'everywhere'"):
        load_modality(path)


@pytest.mark.parametrize("parse", PATHS)
def test_a_modal_does_not_reach_a_finite_conjunct(parse):
    got = modalities("The rebels could not hold Azaz and withdrew to Manbij.", parse)
    assert got.get(("rebels", "withdraw")) == "reported"
    got = modalities("The rebels might attack Azaz and take Manbij.", parse)
    assert got.get(("rebels", "capture")) == "speculative"
    got = modalities("The rebels would have attacked Azaz and captured Manbij.", parse)
    assert got.get(("rebels", "capture")) == "speculative"
