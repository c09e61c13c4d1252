"""Fit the claim confidence model (geo/claims/confidence.py) on annotated texts.

    python bench/fit_confidence.py --gold tests/gold/dev [--gold OTHER_DIR ...] [--seed]

Runs the whole pipeline on every ``split: tune`` gold file of the folders given (held-out
files are never read here) and, with ``--seed``, on the seed thread; labels each claim right
or wrong with the scorer of bench/score_claims.py (side, action and a place agree with an
overlapping gold claim); fits an L2-regularised logistic regression on the claims' features;
writes ``data/claim_confidence.json`` with the weights, the files it was fitted on and its
calibration (predicted vs observed rate per fifth of the claims).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import score_claims as sc  # noqa: E402

from geo.claims import extract_claims_report  # noqa: E402
from geo.claims.confidence import MODEL_PATH  # noqa: E402
from geo.factions import load_lexicon  # noqa: E402
from geo.pipeline import build_corpus  # noqa: E402


def labelled(gold: dict, text: str, name: str) -> list[tuple[dict[str, float], int]]:
    """(features, 1 if right) for every claim the pipeline reads in one annotated text."""
    corpus = build_corpus(text, source=name, strict=False)
    lexicon = load_lexicon()
    places = {p.id: p for p in corpus.places}
    report = extract_claims_report(corpus.entries, corpus.mentions, corpus.actor_mentions,
                                   places=places)
    by_id = {e.id: e for e in corpus.entries}
    table = sc._system_places(corpus.mentions, by_id, places, gold)
    reads = sc._reads(report.claims, by_id, lambda p: table.get(p, set()), lexicon.side_of,
                      text)
    right, _, _ = sc.match(reads, gold.get("claims", []), lexicon.side_of)
    good = set(right)
    return [(report.features[c.id], int(i in good)) for i, c in enumerate(report.claims)]


def fit(rows: list[tuple[dict[str, float], int]], l2: float = 1.0,
        steps: int = 4000) -> tuple[dict[str, float], float]:
    names = sorted({k for f, _ in rows for k in f})
    x = np.array([[f.get(n, 0.0) for n in names] for f, _ in rows])
    y = np.array([label for _, label in rows], dtype=float)
    w = np.zeros(len(names))
    b = 0.0
    rate = 0.5
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(x @ w + b)))
        grad_w = x.T @ (p - y) / len(y) + l2 * w / len(y)
        grad_b = float(np.mean(p - y))
        w -= rate * grad_w
        b -= rate * grad_b
    return {n: round(float(v), 4) for n, v in zip(names, w, strict=True)}, round(b, 4)


def calibration(rows, weights, bias) -> list[dict[str, float]]:
    from geo.claims.confidence import score
    scored = sorted((score(f, (weights, bias)), label) for f, label in rows)
    out = []
    for part in range(5):
        chunk = scored[part * len(scored) // 5:(part + 1) * len(scored) // 5]
        if chunk:
            out.append({"predicted": round(sum(s for s, _ in chunk) / len(chunk), 2),
                        "observed": round(sum(lab for _, lab in chunk) / len(chunk), 2),
                        "claims": len(chunk)})
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gold", type=Path, action="append", default=[])
    parser.add_argument("--seed", action="store_true")
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    args = parser.parse_args()
    rows: list[tuple[dict[str, float], int]] = []
    used: list[str] = []
    for folder in args.gold or [sc.DEV_GOLD]:
        for path, gold in sc.gold_files(folder, "tune"):
            rows += labelled(gold, sc.text_of(path, gold), path.stem)
            used.append(f"tests/gold/dev/{path.name}")
    if args.seed:
        gold, text = sc.seed_gold_as_dev()
        rows += labelled(gold, text, "seed")
        used.append("tests/gold/seed.json (stated claims)")
    if not rows:
        print("no tune gold files: nothing to fit")
        return 1
    weights, bias = fit(rows)
    model = {
        "source": "fitted by bench/fit_confidence.py (L2 logistic regression) on the claims the "
                  "pipeline reads in these hand-annotated texts; label: side, action and a "
                  "place agree with an overlapping gold claim",
        "fitted_on": used, "claims": len(rows), "right": sum(lab for _, lab in rows),
        "weights": weights, "bias": bias,
        "calibration": calibration(rows, weights, bias),
    }
    args.out.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    print(f"{len(rows)} claims ({model['right']} right) from {len(used)} texts")
    for row in model["calibration"]:
        print(f"  predicted {row['predicted']:.2f}  observed {row['observed']:.2f}  "
              f"({row['claims']} claims)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
