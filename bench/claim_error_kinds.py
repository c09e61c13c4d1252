"""False claims by kind and by action class, counts only (safe on held-out and calib texts).

    python bench/claim_error_kinds.py                    # heldout and calib
    FRONTLINE_NO_PARSER=1 python bench/claim_error_kinds.py tune heldout calib
    python bench/claim_error_kinds.py --misses heldout calib  # gold claims missed, by class

A false claim (one that matches no gold claim, ``score_claims.match``) is, against the gold
claims its span overlaps: *wrong place* (same side and action), *wrong action* (same side),
*wrong side* (same action), *wrong side+action*, or, overlapping none, *no gold claim*;
"(trap)" marks a reported claim over a gold trap.  It also counts the false claims by action
class and modality, and the confusions (the system's action -> the gold actions of the same
side; the system's side -> the gold sides of the same action).  No text is printed, so the
split rule of tests/gold/dev/README.md (held-out and calib: totals only) holds.
"""

from __future__ import annotations

import os
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import score_claims as s

from geo.factions import load_lexicon
from geo.pipeline import build_corpus


def _kind(read, golds, side_of, trap: bool, confusions: Counter) -> str:
    if not golds:
        return "trap" if trap else "no gold claim"
    sides = [g for g in golds if side_of(g["actor"]) == read.side]
    acts = [g for g in golds if g["action"] == read.action]
    if any(g["action"] == read.action for g in sides):
        kind = "wrong place"
    elif sides:
        kind = "wrong action"
        confusions[("action", read.action, tuple(sorted({g["action"] for g in sides})))] += 1
    elif acts:
        kind = "wrong side"
        confusions[("side", read.side, tuple(sorted({side_of(g["actor"]) for g in acts})))] += 1
    else:
        kind = "wrong side+action"
    return kind + (" (trap)" if trap else "")


def count(split: str) -> tuple[Counter, Counter, Counter, Counter]:
    side_of = load_lexicon().side_of
    kinds, actions, modalities, confusions = Counter(), Counter(), Counter(), Counter()
    for path, gold in s.gold_files(s.DEV_GOLD, split):
        text = s.text_of(path, gold)
        corpus = build_corpus(text, source=path.stem, strict=False)
        entries = {e.id: e for e in corpus.entries}
        table = s._system_places(corpus.mentions, entries,
                                 {p.id: p for p in corpus.places}, gold)
        reads = s._reads(corpus.claims, entries, lambda p, t=table: t.get(p, set()), side_of,
                         text)
        right, _, _ = s.match(reads, gold["claims"], side_of, gold.get("traps", []))
        for index, read in enumerate(reads):
            if index in set(right):
                continue
            golds = [g for g in gold["claims"]
                     if s._overlaps(read.start, read.end, g["start"], g["end"])]
            trap = read.modality == "reported" and any(
                s._overlaps(read.start, read.end, t["start"], t["end"])
                for t in gold.get("traps", []))
            kinds[_kind(read, golds, side_of, trap, confusions)] += 1
            actions[read.action] += 1
            modalities[read.modality] += 1
    return kinds, actions, modalities, confusions


def misses(split: str) -> tuple[Counter, Counter]:
    """Gold claims by action class: all of them, and those no system claim matches."""
    every, missed = Counter(), Counter()
    for path, gold in s.gold_files(s.DEV_GOLD, split):
        score = s.score_text(gold, s.text_of(path, gold), path.stem, given_places=False)
        every.update(g["action"] for g in gold["claims"])
        missed.update(line.split(" ", 1)[0].rsplit("/", 1)[1] for line in score.misses)
    return every, missed


def main(argv: list[str]) -> int:
    path = "rules" if os.environ.get("FRONTLINE_NO_PARSER") else "parse"
    if argv and argv[0] == "--misses":
        for split in argv[1:] or ["heldout", "calib"]:
            every, missed = misses(split)
            found = {a: every[a] - missed[a] for a in every}
            print(f"{path} {split}: found/gold by class",
                  ", ".join(f"{a} {found[a]}/{n}" for a, n in every.most_common()))
        return 0
    for split in argv or ["heldout", "calib"]:
        kinds, actions, modalities, confusions = count(split)
        print(f"{path} {split}: {sum(kinds.values())} false claims")
        print("  by kind    ", dict(kinds.most_common()))
        print("  by action  ", dict(actions.most_common()))
        print("  by modality", dict(modalities.most_common()))
        for (what, mine, theirs), n in confusions.most_common():
            print(f"    {n:2} {what}: {mine} where gold says {', '.join(theirs)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
