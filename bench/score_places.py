"""Score the geoparser against gold annotations of real texts (``tests/gold/dev/*.json``).

    python bench/score_places.py                       # tests/gold/dev, totals per split
    python bench/score_places.py GOLD_DIR --errors     # and each miss / false place (tune only)

The format is ``tests/gold/dev/README.md``'s.  Per split (``tune``, ``heldout``, ``calib``):

* recall: gold mentions that some mention of ours overlaps (span overlap);
* precision: our mentions that overlap a gold mention (our "the city" anaphors count: a
  phrase that is not a name is a false place unless the gold marks it);
* geocoded: of the gold mentions found, those whose place we put within the gold place's
  ``tolerance_km`` of its point.

``--errors`` never lists a ``heldout`` or ``calib`` file's errors: those texts stay a fair
estimate (``calib`` is kept for fitting claim confidence, totals only).
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

DEFAULT_GOLD = ROOT / "tests" / "gold" / "dev"


@dataclass(slots=True)
class Score:
    """Counts for one split (or one file)."""

    gold: int = 0
    found: int = 0
    ours: int = 0
    right: int = 0
    geocoded: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def precision(self) -> float:
        return self.right / self.ours if self.ours else 0.0

    @property
    def within(self) -> float:
        return self.geocoded / self.found if self.found else 0.0

    def add(self, other: Score) -> None:
        self.gold += other.gold
        self.found += other.found
        self.ours += other.ours
        self.right += other.right
        self.geocoded += other.geocoded
        self.errors += other.errors

    def line(self) -> str:
        return (f"recall {self.recall:.3f} ({self.found}/{self.gold})  precision "
                f"{self.precision:.3f} ({self.right}/{self.ours})  geocoded within tolerance "
                f"{self.within:.3f} ({self.geocoded}/{self.found})")


def gold_files(folder: Path = DEFAULT_GOLD) -> list[Path]:
    """The annotated texts of ``folder``: every ``*.json`` with ``mentions``."""
    files = []
    for path in sorted(folder.glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if isinstance(data, dict) and "mentions" in data and "text" in data:
            files.append(path)
    return files


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


def system_mentions(text: str) -> list[tuple[int, int, str, float, float, str]]:
    """Our mentions of a text as (start, end, surface, lat, lon, evidence), source offsets."""
    from geo.factions import load_lexicon
    from geo.gazetteer import load_gazetteer
    from geo.geoparse import geoparse
    from geo.thread import parse_thread

    thread = parse_thread(text, source="gold", strict=False)
    result = geoparse(thread.entries, load_gazetteer(),
                      actor_aliases=[a.text for a in load_lexicon().aliases])
    starts = {e.id: e.start for e in thread.entries}
    out = []
    for m in result.mentions:
        place = result.places[m.place]
        out.append((starts[m.entry] + m.start, starts[m.entry] + m.end, m.surface, place.lat,
                    place.lon, f"{place.name} [{place.gazetteer_id}] {m.evidence}"))
    return out


def score_file(path: Path) -> tuple[str, Score]:
    """(split, score) of one gold file."""
    gold = json.loads(path.read_text(encoding="utf-8"))
    text = (path.parent / gold["text"]).read_text(encoding="utf-8")
    ours = system_mentions(text)
    places = gold["places"]
    score = Score(gold=len(gold["mentions"]), ours=len(ours))
    for g in gold["mentions"]:
        place = places[g["place"]]
        hits = [m for m in ours if m[0] < g["end"] and g["start"] < m[1]]
        if not hits:
            score.errors.append(f"{path.stem}: MISSED {g['surface']!r} ({place['kind']})")
            continue
        score.found += 1
        best = min(_km(m[3], m[4], place["lat"], place["lon"]) for m in hits)
        if best <= float(place.get("tolerance_km", 5)):
            score.geocoded += 1
        else:
            score.errors.append(f"{path.stem}: FAR {g['surface']!r} {best:.0f} km "
                                f"(tolerance {place.get('tolerance_km')}): {hits[0][5]}")
    for m in ours:
        if any(m[0] < g["end"] and g["start"] < m[1] for g in gold["mentions"]):
            score.right += 1
        else:
            score.errors.append(f"{path.stem}: FALSE {m[2]!r}: {m[5]}")
    return gold.get("split", "tune"), score


def score_folder(folder: Path = DEFAULT_GOLD) -> dict[str, Score]:
    """Scores by split, for every gold file of ``folder``."""
    totals: dict[str, Score] = {}
    for path in gold_files(folder):
        split, score = score_file(path)
        totals.setdefault(split, Score()).add(score)
    return totals


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folders", nargs="*", type=Path, default=[DEFAULT_GOLD])
    parser.add_argument("--errors", action="store_true", help="list the tune files' errors")
    options = parser.parse_args(argv)
    from geo.gazetteer import ensure_index

    ensure_index()
    for folder in options.folders:
        totals = score_folder(folder)
        if not totals:
            print(f"{folder}: no gold files")
        for split, score in sorted(totals.items()):
            print(f"{folder} [{split}] {score.line()}")
            if options.errors and split == "tune":
                print("\n".join(f"    {e}" for e in score.errors))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
