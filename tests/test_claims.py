"""The claim extractor on small made-up comments: actor, action, places, roles, modality,
quotes and disputes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from geo.claims import (
    RulesError,
    extract_claims,
    extract_claims_report,
    load_actions,
    load_modality,
    split_clauses,
)
from geo.factions import load_lexicon
from geo.records import Entry, Mention, Place, Quote

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_c3b9a48d73eaee79.txt"

PLACES = {
    "Azaz": Place("azaz", "Azaz", "town", "SY", 36.586, 37.046, "t:1"),
    "Aleppo": Place("aleppo", "Aleppo", "city", "SY", 36.201, 37.161, "t:2"),
    "Manbij": Place("manbij", "Manbij", "city", "SY", 36.527, 37.955, "t:3"),
    "Idlib": Place("idlib", "Idlib", "city", "SY", 35.931, 36.633, "t:4"),
    "Hatay": Place("hatay", "Hatay", "region", "TR", 36.4, 36.35, "t:5"),
    "Raqqa": Place("raqqa", "Raqqa", "city", "SY", 35.95, 39.01, "t:6"),
    "Khan Tuman": Place("khan_tuman", "Khan Tuman", "village", "SY", 36.117, 37.067, "t:7"),
    "Castello road": Place("castello_road", "Castello road", "road", "SY", 36.25, 37.15,
                           "t:8"),
    "Nubl": Place("nubl", "Nubl", "town", "SY", 36.375, 37.0, "t:9"),
    "Syria": Place("syria", "Syria", "country", "SY", 35.0, 38.5, "t:10"),
    "Yemen": Place("yemen", "Yemen", "country", "YE", 15.5, 47.5, "t:11"),
    "Afrin": Place("afrin", "Afrin", "town", "SY", 36.51, 36.87, "t:12"),
}
BY_ID = {p.id: p for p in PLACES.values()}
NAMES = re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, PLACES), key=len, reverse=True))
                   + r")\b")


def entry(number: int, text: str, author: str = "", quotes: tuple[Quote, ...] = ()) -> Entry:
    return Entry(id=number, kind="comment", author=author or f"author{number}",
                 posted_at=f"2016-06-07T1{number}:00:00", text=text, start=0, end=len(text),
                 quotes=quotes)


def mentions_of(e: Entry, precision: int = 1) -> list[Mention]:
    return [Mention(PLACES[m.group()].id, e.id, m.start(), m.end(), m.group(), 1.0, precision)
            for m in NAMES.finditer(e.text)]


def read(*entries: Entry, precision: int = 1):
    lex = load_lexicon()
    mentions = [m for e in entries for m in mentions_of(e, precision)]
    actors = [a for e in entries for a in lex.find(e.text, entry=e.id)]
    return extract_claims_report(entries, mentions, actors, places=BY_ID)


def claims_of(text: str, **kwargs):
    return read(entry(0, text), **kwargs).claims


def brief(claims) -> list[tuple[str, str, tuple[str, ...]]]:
    return [(c.actor, c.action, c.places) for c in claims]


def rules_only(text: str):
    """The claims of one entry read by the rules alone (``FRONTLINE_NO_PARSER=1``'s path)."""
    e = entry(0, text)
    actors = load_lexicon().find(text, entry=0)
    return extract_claims_report([e], mentions_of(e), actors, places=BY_ID, parse=False).claims


# A reading test run on both paths: with the English model (when the machine has it) and
# with the rules alone.
def reported_by(claims, actor: str, action: str) -> bool:
    """Whether one of ``claims`` is a reported ``action`` of ``actor``."""
    return any(c.actor == actor and c.action == action and c.modality == "reported"
               for c in claims)


BOTH = pytest.mark.parametrize("read", [claims_of, rules_only], ids=["default", "rules"])


# --- clauses ------------------------------------------------------------------------------


def test_clauses_keep_offsets_and_split_on_sentences_lines_and_breaks():
    text = "IS took Azaz. Mr. Smith said no; the SDF, however, moved\nNew line - here"
    clauses = split_clauses(text)
    assert [text[c.start:c.end] for c in clauses] == [
        "IS took Azaz", "Mr. Smith said no", "the SDF", "however", "moved", "New line",
        "here"]
    assert len({c.sentence for c in clauses}) == 3
    assert clauses[-1].paragraph == 1 and clauses[0].paragraph == 0


def test_a_quotation_edge_ends_a_sentence():
    text = '"IS took Azaz" That is wrong.'
    quote = Quote(start=1, end=13, entry=0, source_start=0, source_end=12)
    pieces = [text[c.start:c.end] for c in split_clauses(text, (quote,))]
    assert pieces == ["IS took Azaz", "That is wrong"]


# --- actor, action, places ----------------------------------------------------------------


def test_a_plain_claim_and_its_provenance():
    text = "Yesterday IS captured Azaz after a long fight."
    (claim,) = claims_of(text)
    assert (claim.actor, claim.action, claim.places) == ("is", "capture", ("azaz",))
    assert claim.modality == "reported"
    assert claim.id == "e0c0" and claim.entry == 0 and claim.author == "author0"
    assert text[claim.start:claim.end] == claim.quote
    assert "IS captured Azaz" in claim.quote


def test_no_claim_without_a_place_a_cue_or_an_actor():
    assert claims_of("IS captured the town.") == []
    assert claims_of("IS likes Azaz.") == []
    assert claims_of("Somebody captured Azaz.") == []


def test_the_object_of_a_preposition_is_not_the_subject():
    """An associate ("with the agreement of the US") is not a second agent (issue 12)."""
    claims = claims_of("The Turks, presumably with the agreement of the US, moved 6,000 men "
                       "to Aleppo.")
    assert brief(claims) == [("turkey", "redeploy", ("aleppo",))]
    assert claims[0].destination == "aleppo"


def test_the_agent_of_a_passive():
    (claim,) = claims_of("The siege on Nubl was lifted by the SAA last week.")
    assert (claim.actor, claim.action, claim.places) == ("saa", "lift_siege", ("nubl",))


def test_an_agentless_passive_takes_the_actor_of_its_paragraph():
    (claim,) = claims_of("Raqqa will be heavily defended. IS cannot afford to lose it.")
    assert (claim.actor, claim.action, claim.modality) == ("is", "defend", "predicted")


def test_they_means_the_latest_subject_not_an_object():
    claims = claims_of("The Turks favoured the jihadis. They trucked them through Hatay "
                       "into Aleppo.")
    assert brief(claims) == [("turkey", "redeploy", ("hatay", "aleppo"))]


def test_these_men_are_the_latest_armed_group():
    claims = claims_of("The Turks brought the rebels north. These men have been used in "
                       "capturing Khan Tuman.")
    assert brief(claims) == [("rebels", "capture", ("khan_tuman",))]


def test_a_participle_clause_inherits_the_subject_of_its_sentence():
    claims = claims_of("Even if the SAA can't take Raqqa, just taking Azaz will do.")
    assert brief(claims) == [("saa", "capture", ("raqqa",)), ("saa", "capture", ("azaz",))]


def test_a_second_subject_in_a_clause_is_a_second_claim():
    claims = claims_of("IS was able to capture the territory the rebels occupied around Azaz.")
    assert brief(claims) == [("is", "capture", ("azaz",)), ("rebels", "control", ("azaz",))]


def test_coordinated_actions_are_separate_claims_of_one_actor():
    claims = claims_of("IS has now taken most of that area and is at the gates of Azaz.")
    assert brief(claims) == [("is", "capture", ("azaz",)), ("is", "advance", ("azaz",))]


def test_there_takes_the_latest_place_named_before():
    claims = claims_of("Azaz had become useless, so they pulled what insurgents they can "
                       "from there.", )
    assert claims == []  # no actor: "they" has no antecedent and "insurgents" is the object
    claims = claims_of("The Turks ran Azaz. Then they pulled what insurgents they can from "
                       "there.")
    assert brief(claims) == [("turkey", "withdraw", ("azaz",))]
    assert claims[0].origin == "azaz"


def test_a_place_inside_the_actor_name_is_kept():
    (claim,) = claims_of("Perhaps the Afrin YPG may push to Azaz.")
    assert claim.actor == "sdf" and claim.places == ("afrin", "azaz")
    assert claim.origin == "afrin" and claim.destination == "azaz"
    assert claim.modality == "speculative"


# --- origin, destination, precision -------------------------------------------------------


def test_origin_and_destination_come_from_prepositions():
    (claim,) = claims_of("The rebels moved from Idlib to Aleppo.")
    assert (claim.origin, claim.destination) == ("idlib", "aleppo")
    (claim,) = claims_of("There are reports of IS forces fleeing Manbij to the west.")
    assert (claim.actor, claim.action, claim.origin, claim.destination) == (
        "is", "flee", "manbij", None)
    siege, claim = claims_of("Other IS forces are leaving the siege of Azaz to reinforce "
                             "Manbij.")
    assert (siege.action, siege.places, siege.origin) == ("besiege", ("azaz",), None)
    assert (claim.action, claim.origin, claim.destination) == ("redeploy", "azaz", "manbij")
    assert claim.places == ("azaz", "manbij")
    (claim,) = claims_of("The Turks trucked them through Hatay.")
    assert claim.places == ("hatay",) and (claim.origin, claim.destination) == (None, None)


def test_roles_only_for_movements():
    (claim,) = claims_of("The SAA captured the road from Aleppo.")
    assert claim.action == "capture" and claim.origin is None


def test_driving_someone_out_of_a_place_is_not_leaving_it():
    (claim,) = claims_of("The rebels succeeded in driving the YPG out of Aleppo.")
    assert (claim.actor, claim.action, claim.origin) == ("rebels", "capture", None)


def test_list_of_origins_and_destinations():
    (claim,) = claims_of("The Saudis rerouted jihadis from Syria/Aleppo to Yemen.")
    assert claim.actor == "saudi"
    assert claim.origin == "aleppo"  # the most specific of the origins
    assert claim.destination == "yemen"


def test_precision_is_the_best_mention_and_a_country_counts_as_3():
    (claim,) = claims_of("IS launched attacks in Syria.")
    assert claim.precision == 3
    (claim,) = claims_of("IS launched attacks in Syria and Azaz.", precision=2)
    assert claim.precision == 2


# --- modality -----------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "modality"), [
    ("The SDF captured Manbij.", "reported"),
    ("There are unconfirmed reports the SDF captured Manbij.", "reported"),
    ("The SDF will capture Manbij.", "predicted"),
    ("Perhaps the SDF may capture Manbij.", "speculative"),
    ("I think the SDF captured Manbij.", "speculative"),
    ("Will the SDF capture Manbij?", "questioned"),
    ("I wonder whether the SDF will capture Manbij?", "questioned"),
])
def test_modality_cues_in_order(text, modality):
    (claim,) = claims_of(text)
    assert claim.modality == modality


def test_a_condition_only_colours_its_own_clause():
    claims = claims_of("Even if the SAA can't take Raqqa, taking Azaz will cut off IS.")
    assert [(c.places, c.modality) for c in claims] == [
        (("raqqa",), "speculative"), (("azaz",), "predicted")]


# --- quotes and disputes ------------------------------------------------------------------


POST = "The rebels captured Khan Tuman and drove the YPG out of Aleppo."


def quoting(text: str, quoted: str = POST) -> tuple[Entry, Entry]:
    first = entry(0, quoted, author="pl")
    words = quoted.rstrip(".")
    body = f'"{words}"\n{text}'
    quote = Quote(start=1, end=1 + len(words), entry=0, source_start=0,
                  source_end=len(words))
    return first, entry(1, body, author="Barish", quotes=(quote,))


def test_a_quoted_claim_is_linked_not_counted_twice():
    report = read(*quoting("Interesting."))
    assert [c.entry for c in report.claims] == [0]
    (duplicate,) = report.duplicates
    assert (duplicate.entry, duplicate.author, duplicate.original) == (1, "pl", "e0c0")


def test_a_claim_found_only_in_the_quote_belongs_to_the_quoted_author():
    first, second = quoting("Interesting.")
    lex = load_lexicon()
    mentions = mentions_of(second)  # the post's own mentions are missing
    actors = [a for e in (first, second) for a in lex.find(e.text, entry=e.id)]
    (claim,) = extract_claims([first, second], mentions, actors, places=BY_ID)
    assert (claim.entry, claim.author, claim.posted_at) == (1, "pl", first.posted_at)
    assert second.text[claim.start:claim.end] == claim.quote


def test_a_correction_after_a_quote_disputes_the_quoted_claim():
    report = read(*quoting("As far as I understand it, the jihadis merely succeeded in "
                           "driving the YPG out of a complex south of the Castello road."))
    original, correction = report.claims
    assert (correction.actor, correction.action) == ("rebels", "capture")
    assert correction.places == ("castello_road",)
    assert correction.disputes == (original.id,)
    assert original.disputed_by == (correction.id,)
    assert correction.modality == "disputed"
    assert original.modality == "reported"


def test_agreement_is_not_a_dispute():
    report = read(*quoting("Indeed the jihadis succeeded in driving the YPG out of a complex "
                           "south of the Castello road."))
    assert all(not c.disputes and not c.disputed_by for c in report.claims)


def test_a_contradicting_next_sentence_disputes_the_previous_claim():
    claims = claims_of("There are some reports of IS forces fleeing Manbij. These are "
                       "unconfirmed and don't make sense in light of reports of other IS "
                       "forces leaving Azaz to reinforce Manbij.")
    assert len(claims) == 2
    fled, came = claims
    assert (fled.action, came.action) == ("flee", "redeploy")
    assert came.disputes == (fled.id,) and fled.disputed_by == (came.id,)
    assert came.modality == "reported"


def test_ids_are_stable_and_spans_exact():
    text = ("IS took Azaz. The SDF advanced towards Manbij and the SAA took Raqqa. "
            "Will IS attack Aleppo?")
    first, again = claims_of(text), claims_of(text)
    assert first == again
    assert [c.id for c in first] == [f"e0c{n}" for n in range(len(first))]
    assert all(text[c.start:c.end] == c.quote for c in first)


# --- the rule files -----------------------------------------------------------------------


def test_the_one_regex_finds_what_each_row_finds_alone():
    """The letter-dispatched regex must agree with trying the CSV rows one by one."""
    import csv

    from geo.claims.cue_regex import loosen, whole_words
    from geo.claims.rules import ACTIONS_PATH
    actions = load_actions()
    text = SEED.read_text(encoding="utf-8")
    with ACTIONS_PATH.open(encoding="utf-8") as handle:
        rows = [(r["action"], whole_words(loosen(r["pattern"]))) for r in csv.DictReader(handle)]
    naive = re.compile("|".join(f"(?P<g{i}>{p})" for i, (_, p) in enumerate(rows)), re.I)
    expected = [(rows[int(m.lastgroup[1:])][0], m.start(), m.end())
                for m in naive.finditer(text)]
    got = [(c.action, c.start, c.end) for c in actions.cues(text)]
    assert got == expected
    assert len(got) > 50


def test_bad_rule_rows_name_their_line(tmp_path):
    path = tmp_path / "actions.csv"
    path.write_text("action,pattern,source\ncapture,took,test\nloot,stole,test\n",
                    encoding="utf-8")
    with pytest.raises(RulesError, match="line 3: unknown action 'loot'"):
        load_actions(path)
    path.write_text("action,pattern,source\ncapture,took(,test\n", encoding="utf-8")
    with pytest.raises(RulesError, match="line 2: pattern 'took\\('"):
        load_actions(path)
    path = tmp_path / "modality.csv"
    path.write_text("modality,cue,source\nsure,certainly,test\n", encoding="utf-8")
    with pytest.raises(RulesError, match="line 2: unknown modality 'sure'"):
        load_modality(path)


def test_a_journey_told_in_two_sentences_is_one_movement():
    text = ("The Turks brought 6,000 men out of Azaz. This is the area to the east. "
            "They trucked them through Hatay to Aleppo.")
    claims = claims_of(text)
    journey = [c for c in claims if c.destination == "aleppo"]
    assert len(journey) == 1
    assert journey[0].actor == "turkey" and journey[0].origin == "azaz"
    assert journey[0].places[:1] == ("azaz",) and "hatay" in journey[0].places
    assert text[journey[0].start:journey[0].end] == text.rstrip(".")  # both sentences


@pytest.mark.parametrize("reader", [claims_of, rules_only])
def test_a_journey_from_an_area_located_by_a_place_is_one_movement(reader):
    # the place only locates the area left ("out of the ... area along X") and is the origin;
    # the parse does not read the first leg again once the whole journey holds it
    text = ("The Turks brought 900 men out of the rebel area around Azaz. This is the area to "
            "the east. They trucked them through Hatay to Aleppo.")
    moves = [c for c in reader(text) if c.actor == "turkey" and c.action == "redeploy"]
    assert len(moves) == 1, brief(moves)
    assert moves[0].origin == "azaz" and moves[0].destination == "aleppo"


def test_a_movement_in_another_paragraph_does_not_borrow_an_origin():
    text = "The Turks brought 6,000 men out of Azaz.\nThey trucked them through Hatay to Aleppo."
    journey = [c for c in claims_of(text) if c.destination == "aleppo"]
    assert len(journey) == 1 and journey[0].origin is None


def test_actors_named_together_act_together():
    claims = claims_of("On 3 July the Army and Hezbollah reached the Castello road.")
    assert {(c.actor, c.action, c.places) for c in claims} == {
        ("saa", "advance", ("castello_road",)), ("hezbollah", "advance", ("castello_road",))}


def test_a_clause_that_only_says_where_gives_its_place():
    claims = claims_of("The SAA captured two villages and two hills, near Nubl.")
    assert [(c.actor, c.action, c.places) for c in claims] == [("saa", "capture", ("nubl",))]


def test_a_cue_without_a_place_gives_way_to_the_next_that_has_one():
    claims = claims_of("The rebels once again advanced and took control of Khan Tuman.")
    assert [(c.actor, c.action, c.places) for c in claims] == [
        ("rebels", "capture", ("khan_tuman",))]


def test_a_holder_lends_its_actor_to_no_later_cue():
    claims = claims_of("Army advances, rebel-held Aleppo surrounded")
    assert ("rebels", "besiege") not in {(c.actor, c.action) for c in claims}


def test_every_alternative_of_a_dispatched_cue_ends_a_word():
    # "surround(s|ed)?|surrounding the": "surroundings" is no siege, "fighters" no fight
    actions = load_actions()
    assert actions.cues("Palmyra and its surroundings") == []
    assert actions.cues("SDF fighters were near Manbij") == []


def test_a_town_part_the_gazetteer_lacks_falls_back_to_its_town():
    claims = claims_of("Fighting raged in Aleppo. The SAA captured the Castillo Complex.")
    capture = [c for c in claims if c.action == "capture"]
    assert [(c.actor, c.places, c.precision) for c in capture] == [("saa", ("aleppo",), 2)]
    assert not [c for c in claims_of("The SAA captured the Castillo Complex.")
                if c.action == "capture"]


def test_ground_taken_is_never_a_whole_country():
    assert not [c for c in claims_of("The SAA captured Syria.") if c.action == "capture"]
    assert [c.action for c in claims_of("The SAA attacked IS in Syria.")] == ["attack"]
