"""Claims scored against gold annotations of real texts (tests/gold/dev/*.json) and the seed.

    python bench/score_claims.py                          # tests/gold/dev, every split
    python bench/score_claims.py --gold DIR --split tune  # another folder, one split
    python bench/score_claims.py --errors                 # list misses and false claims (tune only)
    python bench/score_claims.py --seed                   # the seed thread (tests/gold/seed.json)

A claim is right (issue 12) when the actor's side, the action class and at least one place
agree with a gold claim whose span it overlaps; each gold claim is matched at most once.
Places are compared in two ways:

* end to end: the pipeline's own places; a system place is a gold place when one of its
  mentions overlaps a gold mention of that place, or when it lies within the gold place's
  ``tolerance_km`` of the gold point;
* given gold places: the gold mentions and places stand in for the geoparser's, so a miss is
  the claim reader's alone.

A *trap claim* is a claim with modality ``reported`` whose span overlaps a gold trap (a
negated, failed, intended, hypothetical or pledged action) and that matches no gold claim.

Held-out and calib files (``split: heldout`` / ``calib``) print totals only; ``--errors`` never
lists their claims.  ``calib`` is the split that claim confidence is fitted on
(``bench/fit_confidence.py --fit calib``); no rule, cue or data row is written from it.
"""

from __future__ import annotations

import argparse
import bisect
import json
import math
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from geo.claims import extract_claims  # noqa: E402
from geo.factions import load_lexicon  # noqa: E402
from geo.pipeline import build_corpus  # noqa: E402
from geo.records import Claim, Entry, Mention, Place  # noqa: E402
from geo.thread import parse_thread  # noqa: E402

DEV_GOLD = ROOT / "tests" / "gold" / "dev"
SEED_GOLD = ROOT / "tests" / "gold" / "seed.json"
DEFAULT_TOLERANCE_KM = 25.0
# A country or region is matched by its mentions only: within its wide tolerance lie
# towns that are other places.
MAX_COORD_TOLERANCE_KM = 50.0
# tune: errors read to improve the code; heldout: totals only, the estimate on unseen text;
# calib: totals only, the text claim confidence is fitted on (tests/gold/dev/README.md).
SPLITS = ("tune", "heldout", "calib")


@dataclass(frozen=True, slots=True)
class Read:
    """A system claim in source offsets, with the gold place keys its places stand for."""

    start: int
    end: int
    side: str
    action: str
    modality: str
    places: frozenset[str]
    text: str


@dataclass(slots=True)
class Score:
    """Counts for one text (or a sum of texts)."""

    name: str
    split: str = ""
    gold: int = 0
    out: int = 0
    right: int = 0  # system claims that match a gold claim
    found: int = 0  # gold claims matched
    traps: int = 0
    trap_spans: int = 0
    misses: list[str] = field(default_factory=list)
    false: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.right / self.out if self.out else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 1.0

    def add(self, other: Score) -> None:
        for name in ("gold", "out", "right", "found", "traps", "trap_spans"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def line(self) -> str:
        return (f"{self.name:34} {self.split:8} gold {self.gold:3}  out {self.out:3}  "
                f"P {self.precision:.2f}  R {self.recall:.2f}  trap claims {self.traps}"
                f"/{self.trap_spans}")


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _overlaps(a0: int, a1: int, b0: int, b1: int) -> bool:
    return a0 < b1 and b0 < a1


def match(reads: Sequence[Read], gold_claims: Sequence[dict], side_of,
          traps: Sequence[dict] = ()) -> tuple[list[int], list[int], int]:
    """Indices of right reads, of found gold claims, and the number of trap claims.

    One-to-one, greedily: each gold claim takes the first unused read that overlaps its span
    with the same side, action and a shared place.
    """
    used: set[int] = set()
    found: list[int] = []
    for number, gold in enumerate(gold_claims):
        side = side_of(gold["actor"])
        for index, read in enumerate(reads):
            if index in used or not _overlaps(read.start, read.end, gold["start"], gold["end"]):
                continue
            if read.side == side and read.action == gold["action"] and \
                    read.places & set(gold["places"]):
                used.add(index)
                found.append(number)
                break
    trapped = sum(1 for index, read in enumerate(reads)
                  if index not in used and read.modality == "reported"
                  and any(_overlaps(read.start, read.end, t["start"], t["end"]) for t in traps))
    return sorted(used), found, trapped


def _gold_place_of(gold: dict) -> dict[str, list[tuple[int, int]]]:
    spans: dict[str, list[tuple[int, int]]] = {}
    for mention in gold.get("mentions", []):
        spans.setdefault(mention["place"], []).append((mention["start"], mention["end"]))
    return spans


def _system_places(corpus_mentions: Iterable[Mention], entries: dict[int, Entry],
                   places: dict[str, Place], gold: dict) -> dict[str, set[str]]:
    """System place id -> the gold place keys it stands for (span overlap or coordinates)."""
    gold_spans = _gold_place_of(gold)
    out: dict[str, set[str]] = {}
    for mention in corpus_mentions:
        base = entries[mention.entry].start
        a, b = base + mention.start, base + mention.end
        keys = out.setdefault(mention.place, set())
        for key, spans in gold_spans.items():
            if any(_overlaps(a, b, s, e) for s, e in spans):
                keys.add(key)
    for place_id, keys in out.items():
        place = places.get(place_id)
        if place is None:
            continue
        for key, info in gold["places"].items():
            tolerance = float(info.get("tolerance_km") or DEFAULT_TOLERANCE_KM)
            near = _km(place.lat, place.lon, info["lat"], info["lon"])
            if tolerance <= MAX_COORD_TOLERANCE_KM and near <= tolerance:
                keys.add(key)
    return out


def _reads(claims: Sequence[Claim], entries: dict[int, Entry], keys_of, side_of,
           text: str) -> list[Read]:
    out = []
    for claim in claims:
        base = entries[claim.entry].start
        keys: set[str] = set()
        for place in claim.places:
            keys |= keys_of(place)
        out.append(Read(base + claim.start, base + claim.end, side_of(claim.actor),
                        claim.action, claim.modality, frozenset(keys),
                        text[base + claim.start: base + claim.end]))
    return out


def _gold_mentions(gold: dict, entries: Sequence[Entry]) -> tuple[list[Mention], dict]:
    """The gold mentions as the pipeline's, entry-relative, and the gold places as Places."""
    starts = [e.start for e in entries]
    mentions = []
    for m in gold.get("mentions", []):
        index = bisect.bisect_right(starts, m["start"]) - 1
        if index < 0 or m["end"] > entries[index].end:
            continue
        entry = entries[index]
        mentions.append(Mention(m["place"], entry.id, m["start"] - entry.start,
                                m["end"] - entry.start, m["surface"], 1.0,
                                int(m.get("precision", 1))))
    kinds = {"quarter": "village", "district": "region", "governorate": "region",
             "river": "region", "lake": "region", "dam": "facility", "hill": "village"}
    places = {key: Place(key, p.get("name", key), kinds.get(p.get("kind", ""), p.get("kind", "")),
                         "", float(p["lat"]), float(p["lon"]), f"gold:{key}")
              for key, p in gold["places"].items()}
    return sorted(mentions, key=lambda m: (m.entry, m.start)), places


def score_text(gold: dict, text: str, name: str, *, given_places: bool) -> Score:
    lexicon = load_lexicon()
    side_of = lexicon.side_of
    if given_places:
        thread = parse_thread(text, source=name, strict=False)
        entries = thread.entries
        mentions, places = _gold_mentions(gold, entries)
        actors = [m for e in entries for m in lexicon.find(e.text, entry=e.id)]
        claims = extract_claims(entries, mentions, actors, places=places)

        def keys_of(place: str) -> set[str]:
            return {place}
    else:
        corpus = build_corpus(text, source=name, strict=False)
        entries, claims = corpus.entries, corpus.claims
        table = _system_places(corpus.mentions, {e.id: e for e in entries},
                               {p.id: p for p in corpus.places}, gold)

        def keys_of(place: str) -> set[str]:
            return table.get(place, set())
    by_id = {e.id: e for e in entries}
    reads = _reads(claims, by_id, keys_of, side_of, text)
    right, found, trapped = match(reads, gold.get("claims", []), side_of, gold.get("traps", []))
    result = Score(name, gold.get("split", ""), len(gold.get("claims", [])), len(reads),
                   len(right), len(found), trapped, len(gold.get("traps", [])))
    found_set, right_set = set(found), set(right)
    for number, claim in enumerate(gold.get("claims", [])):
        if number not in found_set:
            result.misses.append(f"{claim['actor']}/{claim['action']} {claim['places']} "
                                 f"{claim['quote'][:110]!r}")
    traps = gold.get("traps", [])
    for index, read in enumerate(reads):
        if index not in right_set:
            trap = read.modality == "reported" and any(
                _overlaps(read.start, read.end, t["start"], t["end"]) for t in traps)
            result.false.append(f"{'TRAP ' if trap else ''}{read.side}/{read.action}/"
                                f"{read.modality} {sorted(read.places)} {read.text[:110]!r}")
    return result


def gold_files(folder: Path, split: str | None = None) -> list[tuple[Path, dict]]:
    out = []
    for path in sorted(folder.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        if "claims" not in data or "text" not in data:
            continue
        if split is None or data.get("split") == split:
            out.append((path, data))
    return out


def text_of(path: Path, gold: dict) -> str:
    """A gold file's text: beside it, or in this tree's tests/gold/dev/."""
    for base in (path.parent, DEV_GOLD):
        candidate = base / gold["text"]
        if candidate.exists():
            return candidate.read_text(encoding="utf-8")
    raise FileNotFoundError(f"{path.name}: no {gold['text']}")


def score_folder(folder: Path, *, split: str | None = None,
                 given_places: bool = False) -> tuple[Score, list[Score]]:
    scores = [score_text(gold, text_of(path, gold), path.stem, given_places=given_places)
              for path, gold in gold_files(folder, split)]
    total = Score("total", split or "all")
    for one in scores:
        total.add(one)
    return total, scores


def seed_gold_as_dev() -> tuple[dict, str]:
    """The seed's gold in the dev format (source offsets), and the seed's text."""
    seed = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    text = (ROOT / seed["source"]).read_text(encoding="utf-8")
    gold = {"split": "seed", "places": seed["places"],
            "mentions": [m for m in seed["mentions"] if m.get("entry") is not None],
            "claims": [c for c in seed["claims"] if c.get("stated", True)],
            "traps": seed.get("traps", [])}
    return gold, text


def score_seed() -> Score:
    gold, text = seed_gold_as_dev()
    return score_text(gold, text, "seed (stated claims)", given_places=False)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gold", type=Path, default=DEV_GOLD)
    parser.add_argument("--split", choices=SPLITS)
    parser.add_argument("--errors", action="store_true", help="list errors (tune files only)")
    parser.add_argument("--seed", action="store_true")
    args = parser.parse_args(argv)
    if args.seed:
        seed = score_seed()
        print(seed.line())
        if args.errors:
            for line in seed.misses:
                print("  miss ", line)
            for line in seed.false:
                print("  false", line)
        return 0
    for given in (False, True):
        total, scores = score_folder(args.gold, split=args.split, given_places=given)
        print("given gold places" if given else "end to end")
        for one in scores:
            print("  " + one.line())
            if args.errors and one.split == "tune":
                for line in one.misses:
                    print("      miss ", line)
                for line in one.false:
                    print("      false", line)
        print("  " + total.line())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
