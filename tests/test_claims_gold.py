"""The claim extractor alone, scored against the hand-made gold (tests/gold/seed.json).

Why in isolation: the entries and place mentions are the gold's own (text = source[start:end],
offsets made entry-relative, the gold place key and precision), so a miss here is the claim
reader's, not the thread parser's or the geoparser's.  Actor mentions come from our lexicon.

A gold claim is *found* when a claim of the same entry overlaps its span, has the same actor
and shares at least one place.  A claim inside a quotation counts as found when the reader
linked it to the quoted entry's claim (``ClaimReport.duplicates``) instead of repeating it.
Precision is the share of emitted claims that find a gold claim; action accuracy the share of
found gold claims for which a matching claim also has the gold action.  ``pytest -s`` prints
the figures and every miss.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from geo.claims import extract_claims_report
from geo.claims.model import load_parser
from geo.factions import load_lexicon
from geo.records import Entry, Mention, Place, Quote

ROOT = Path(__file__).resolve().parent.parent
GOLD = json.loads((ROOT / "tests" / "gold" / "seed.json").read_text(encoding="utf-8"))
SOURCE = (ROOT / GOLD["source"]).read_text(encoding="utf-8")
# The four readings issue 12 lists as wrong (an associate, c9; a pledge, c21; sarcasm, c43;
# an imagined headline, c55) are the gold's `traps`, not claims (tests/gold/README.md).
# Recall on the stated claims: 0.885 (46/52).  Below the 0.929 of the seed-tuned reader because the
# cue files no longer hold cues written for one seed sentence ("throwing the dice in Halab",
# c35; "under surveillance", c12) and a purpose clause is not a done action (c54).
TARGET_RECALL_WITHOUT_SEED_CUES = 0.88


@dataclass(frozen=True)
class Read:
    """An emitted claim, or a quoted repetition standing for its original."""

    id: str
    entry: int
    start: int
    end: int
    actor: str
    action: str
    places: frozenset[str]


@dataclass
class Scores:
    recall: float = 0.0
    recall_stated: float = 0.0
    recall_emitted_only: float = 0.0
    precision: float = 0.0
    action_accuracy: float = 0.0
    agreement: dict[str, float] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)
    found_disputes: int = 0
    gold_disputes: int = 0


def _gold_inputs():
    offset = {e["id"]: e["start"] for e in GOLD["entries"]}
    entries = []
    for e in GOLD["entries"]:
        quotes = tuple(
            Quote(start=q["start"] - e["start"], end=q["end"] - e["start"],
                  entry=q["quoted_entry"],
                  source_start=q["quoted_start"] - offset[q["quoted_entry"]],
                  source_end=q["quoted_end"] - offset[q["quoted_entry"]])
            for q in e["quotes"])
        entries.append(Entry(id=e["id"], kind=e["kind"], author=e["author"],
                             posted_at=e["posted_at"], text=SOURCE[e["start"]:e["end"]],
                             start=e["start"], end=e["end"], line=e["line"],
                             replies_to=e["replies_to"], quotes=quotes))
    mentions = [Mention(place=m["place"], entry=m["entry"], start=m["start"] - offset[m["entry"]],
                        end=m["end"] - offset[m["entry"]], surface=m["surface"], confidence=1.0,
                        precision=m["precision"])
                for m in GOLD["mentions"] if m["entry"] is not None]
    places = {key: Place(id=key, name=p["name"], kind=p["kind"], country="", lat=p["lat"],
                         lon=p["lon"], gazetteer_id=f"gold:{key}")
              for key, p in GOLD["places"].items()}
    return entries, mentions, places, offset


def _matches(gold: dict, read: Read, offset: dict[int, int]) -> bool:
    start = gold["start"] - offset[gold["entry"]]
    end = gold["end"] - offset[gold["entry"]]
    return (read.entry == gold["entry"] and read.start < end and start < read.end
            and read.actor == gold["actor"] and bool(read.places & set(gold["places"])))


@pytest.fixture(scope="module")
def scores() -> Scores:
    entries, mentions, places, offset = _gold_inputs()
    lexicon = load_lexicon()
    actors = [a for e in entries for a in lexicon.find(e.text, entry=e.id)]
    report = extract_claims_report(entries, mentions, actors, places=places)
    by_id = {c.id: c for c in report.claims}
    emitted = [Read(c.id, c.entry, c.start, c.end, c.actor, c.action, frozenset(c.places))
               for c in report.claims]
    repeated = [Read(d.original, d.entry, d.start, d.end, by_id[d.original].actor,
                     by_id[d.original].action, frozenset(by_id[d.original].places))
                for d in report.duplicates]
    result = Scores()
    found = found_emitted = right_action = found_stated = 0
    used: set[str] = set()
    matched: dict[str, list[Read]] = {}
    for gold in GOLD["claims"]:
        hits = [r for r in emitted + repeated if _matches(gold, r, offset)]
        matched[gold["id"]] = hits
        if not hits:
            result.misses.append(f"{gold['id']} e{gold['entry']} {gold['actor']} "
                                 f"{gold['action']} {gold['places']}: {gold['quote'][:70]!r}")
            continue
        found += 1
        found_stated += gold["stated"]
        found_emitted += any(r in emitted for r in hits)
        right_action += any(r.action == gold["action"] for r in hits)
        used.update(r.id for r in hits if r in emitted)
    total = len(GOLD["claims"])
    result.recall = found / total
    kept = [g for g in GOLD["claims"] if g["stated"]]
    result.recall_stated = sum(bool(matched[g["id"]]) for g in kept) / len(kept)
    result.recall_emitted_only = found_emitted / total
    result.precision = len(used) / max(1, len(emitted))
    result.action_accuracy = right_action / max(1, found)

    agree = dict.fromkeys(("origin", "destination", "modality", "speaker", "precision"), 0)
    pairs = 0
    for gold in GOLD["claims"]:
        claims = [by_id[r.id] for r in matched[gold["id"]] if r in emitted]
        if not claims:
            continue
        claim = sorted(claims, key=lambda c: c.action != gold["action"])[0]
        pairs += 1
        values = {"origin": claim.origin, "destination": claim.destination,
                  "modality": claim.modality, "speaker": claim.author,
                  "precision": claim.precision}
        for key, value in values.items():
            agree[key] += value == gold[key]
    result.agreement = {k: v / max(1, pairs) for k, v in agree.items()}

    for gold in GOLD["claims"]:
        for target in gold["disputes"]:
            result.gold_disputes += 1
            sources = {r.id for r in matched[gold["id"]] if r in emitted}
            targets = {r.id for r in matched[target]}
            result.found_disputes += any(set(by_id[s].disputes) & targets for s in sources)

    print(f"\ngold claims: {total}, emitted: {len(emitted)}, quoted repeats linked: "
          f"{len(repeated)}")
    print(f"recall (actor+place) on stated claims {result.recall_stated:.3f}; on all "
          f"{result.recall:.3f}  (emitted claims only "
          f"{result.recall_emitted_only:.3f})")
    print(f"precision {result.precision:.3f}  action accuracy {result.action_accuracy:.3f}")
    print("agreement on found claims: "
          + ", ".join(f"{k} {v:.2f}" for k, v in result.agreement.items()))
    print(f"dispute links found: {result.found_disputes}/{result.gold_disputes}")
    for miss in result.misses:
        print("  missed", miss)
    return result


def test_recall_reaches_the_target(scores):
    """On the claims the text states (tests/gold/README.md)."""
    assert scores.recall_stated >= TARGET_RECALL_WITHOUT_SEED_CUES


def test_recall_precision_and_action_do_not_regress(scores):
    # 48/59 = 0.81 over every gold claim, the implied ones included.
    assert scores.recall >= 0.81
    assert scores.recall_emitted_only >= 0.74  # the 4 quoted repeats are linked, not emitted
    # issue 12: 0.95 with the parse; the rule path alone (no model) reads 0.93
    assert scores.precision >= (0.95 if load_parser() is not None else 0.92)
    assert scores.action_accuracy >= 0.85


def test_speakers_and_disputes_agree_with_the_gold(scores):
    assert scores.agreement["speaker"] == 1.0
    assert scores.found_disputes == scores.gold_disputes
    assert scores.agreement["origin"] >= 0.85
    assert scores.agreement["destination"] >= 0.80
