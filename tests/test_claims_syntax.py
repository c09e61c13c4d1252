"""The parse-checked claim reader: negation, intent, modality per clause, agent and target,
clause-local places; the model's pins; and the rule path when the model is off."""

from __future__ import annotations

import json

import pytest
from test_claims import BY_ID, entry, mentions_of

from geo.claims import extract_claims_report
from geo.claims import model as claims_model
from geo.factions import load_lexicon

needs_model = pytest.mark.skipif(claims_model.load_parser() is None,
                                 reason=f"no parser: {claims_model.parser_status()}")


def read(text: str, *, parse: bool = True):
    e = entry(0, text)
    actors = load_lexicon().find(text, entry=0)
    return extract_claims_report([e], mentions_of(e), actors, places=BY_ID, parse=parse).claims


def reported(text: str) -> list[tuple[str, str, tuple[str, ...]]]:
    return [(c.actor, c.action, c.places) for c in read(text) if c.modality == "reported"]


@needs_model
@pytest.mark.parametrize("text", [
    "The SDF did not capture Manbij.",
    "The SDF failed to capture Manbij.",
    "The SDF attempted to capture Manbij.",
    "The SDF is aiming to take Manbij.",
    "The SDF moved north in order to capture Manbij.",
    "Even if the SAA can't take Raqqa, nothing changes.",
    "If the SAA takes Raqqa, IS is finished.",
])
def test_negated_intended_and_hypothetical_actions_are_not_reported(text):
    assert not [r for r in reported(text) if r[1] == "capture"], text


@needs_model
def test_an_offensive_to_take_a_town_is_no_reported_capture():
    claims = reported("The SDF launched an offensive to capture Manbij.")
    assert ("sdf", "capture", ("manbij",)) not in claims


@needs_model
def test_a_target_is_not_the_agent():
    claims = read("The SAA began an operation against IS near Raqqa.")
    assert all(c.actor != "is" for c in claims)


@needs_model
def test_the_month_may_is_not_the_modal_may():
    (claim,) = read("In May the SDF captured Manbij.")
    assert claim.modality == "reported"
    (claim,) = read("The SDF may capture Manbij.")
    assert claim.modality == "speculative"


@needs_model
def test_a_place_of_another_clause_is_not_the_claims():
    claims = read("The SAA captured Raqqa after IS fighters withdrew from Manbij.")
    capture = [c for c in claims if c.action == "capture"]
    assert capture and all(c.places == ("raqqa",) for c in capture)


@needs_model
def test_a_hedge_on_another_clause_does_not_colour_the_claim():
    (claim,) = read("The Turks, presumably with the agreement of the US, moved 6,000 men to "
                    "Aleppo.")
    assert (claim.actor, claim.modality) == ("turkey", "reported")


@needs_model
def test_ids_stay_sequential_after_the_parse_drops_claims():
    claims = read("The SDF did not capture Manbij. IS took Azaz. The SAA took Raqqa.")
    assert [c.id for c in claims] == [f"e0c{n}" for n in range(len(claims))]
    assert ("is", "capture", ("azaz",)) in [(c.actor, c.action, c.places) for c in claims]


def test_the_rule_path_reads_claims_with_the_model_off(monkeypatch):
    monkeypatch.setenv(claims_model.OFF_SWITCH, "1")
    assert claims_model.load_parser() is None
    assert claims_model.parser_status().startswith("off")
    claims = read("IS took Azaz. The SDF advanced towards Manbij.")
    assert [(c.actor, c.action) for c in claims] == [("is", "capture"), ("sdf", "advance")]
    assert claims == read("IS took Azaz. The SDF advanced towards Manbij.", parse=False)


def test_the_pins_name_every_file_of_the_model_and_only_a_standard_loader():
    pins = claims_model.read_pins()
    assert pins["version"] == "3.8.0" and "MIT" in pins["upstream"]
    code = [name for name in pins["files"] if name.endswith(".py")]
    assert code == ["__init__.py"]  # the loader, no other code
    assert all(len(digest) == 64 for digest in pins["files"].values())


@needs_model
def test_the_installed_model_matches_its_pins_and_a_changed_file_is_refused(tmp_path):
    pins = claims_model.read_pins()
    root, why = claims_model.verify(pins)
    assert root is not None, why
    init = (root / "__init__.py").read_text(encoding="utf-8")
    from spacy.cli.package import TEMPLATE_INIT
    assert init == TEMPLATE_INIT.format(imports="")  # spaCy's own package loader
    meta = json.loads((root / "meta.json").read_text(encoding="utf-8"))
    assert meta["license"] == "MIT" and meta["version"] == pins["version"]
    tampered = {**pins, "files": {**pins["files"], "__init__.py": "0" * 64}}
    assert claims_model.verify(tampered)[0] is None
    extra = {**pins, "files": {k: v for k, v in pins["files"].items() if k != "meta.json"}}
    assert claims_model.verify(extra)[0] is None


@needs_model
@pytest.mark.parametrize("text", [
    "The remaining rebel forces in Aleppo were left almost completely besieged.",
    "Two ISIL leaders were killed by airstrikes on Manbij.",
])
def test_the_patient_of_a_passive_did_not_act(text):
    assert not [c for c in read(text) if c.action in ("besiege", "attack")], text


@needs_model
def test_a_moved_party_of_a_passive_still_moved():
    claims = reported("IS fighters were evacuated from Manbij.")
    assert ("is", "withdraw", ("manbij",)) in claims


@needs_model
@pytest.mark.parametrize("text", [
    "The SDF attacked Raqqa, but the assault on Manbij was thwarted before it began.",
    "The SAA seized Nubl, thus being on the verge of recapturing Azaz.",
    "The SDF was trying to complete its siege on Manbij.",
    "Six factions formed a council in preparation for the SDF attack on Manbij.",
])
def test_failed_and_prospective_actions_are_not_reported(text):
    assert not [r for r in reported(text) if r[2] in (("manbij",), ("azaz",))], text


@needs_model
def test_each_side_of_a_fight_between_two_fights():
    claims = reported("Heavy fighting continued near Manbij between the SDF and ISIL fighters.")
    assert {(c[0], c[1]) for c in claims} == {("sdf", "attack"), ("is", "attack")}
