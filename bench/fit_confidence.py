"""Fit the claim confidence model (geo/claims/confidence.py) on annotated texts.

    python bench/fit_confidence.py --fit calib                                # the stored model
    python bench/fit_confidence.py --gold tests/gold/dev [--gold OTHER_DIR ...] [--seed]
    python bench/fit_confidence.py --evaluate heldout [--out MODEL.json]      # fits nothing

Runs the whole pipeline on every gold file of the split named by ``--fit`` (``tune`` by
default, or ``calib``: the text no rule, cue or data row was written from, so that the
confidences are not fitted on text the reader was tuned to) in the folders given (held-out
files are never fitted on) and, with ``--seed``, on the seed thread; labels each claim right
or wrong with the scorer of bench/score_claims.py (side, action and a place agree with an
overlapping gold claim); fits an L2-regularised logistic regression on the claims' features;
writes ``data/claim_confidence.json`` (or ``--out``) with the weights, the files it was fitted
on and its calibration (predicted vs observed rate per fifth of the claims).
``--evaluate SPLIT`` fits nothing: it prints the model in ``--out``'s Brier score (and a
constant base rate's), reliability by bin and precision above/below thresholds on that
split's texts, totals only.
"""

from __future__ import annotations

import argparse
import itertools
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


def cross_validate(groups: list[list[tuple[dict[str, float], int]]]) -> None:
    """Leave one text out: fit on the others, Brier score on it, per L2 strength."""
    from geo.claims.confidence import score
    for l2 in (0.3, 1.0, 3.0, 10.0, 30.0, 100.0):
        errors = []
        for held, group in enumerate(groups):
            rest = [row for other, g in enumerate(groups) if other != held for row in g]
            model = fit(rest, l2=l2)
            errors += [(score(f, model) - label) ** 2 for f, label in group]
        print(f"  l2 {l2:g}: leave-one-text-out Brier {sum(errors) / len(errors):.4f}")


THRESHOLDS = (0.7, 0.8, 0.9)
BINS = (0.0, 0.6, 0.7, 0.8, 0.9, 1.01)


def evaluate(rows: list[tuple[dict[str, float], int]], model) -> None:
    """Totals only: Brier score, observed share right per bin of confidence, and precision
    of the claims at or above / below each threshold (nothing is fitted here)."""
    from geo.claims.confidence import score
    scored = [(score(f, model), label) for f, label in rows]
    n = len(scored)
    right = sum(lab for _, lab in scored)
    brier = sum((p - lab) ** 2 for p, lab in scored) / max(1, n)
    base = right / max(1, n)
    print(f"{n} claims, {right} right (precision {base:.3f}); Brier {brier:.3f} "
          f"(a constant {base:.2f} would score {base * (1 - base):.3f})")
    gap = 0.0
    for lo, hi in itertools.pairwise(BINS):
        part = [(p, lab) for p, lab in scored if lo <= p < hi]
        gap += abs(sum(p - lab for p, lab in part))
        if part:
            print(f"  confidence {lo:.1f}-{min(hi, 1.0):.1f}: {len(part):3d} claims, predicted "
                  f"{sum(p for p, _ in part) / len(part):.2f}, observed "
                  f"{sum(lab for _, lab in part) / len(part):.2f}")
    print(f"  calibration error (|predicted - observed| per bin, weighted by claims) "
          f"{gap / max(1, n):.3f}")
    for t in THRESHOLDS:
        above = [lab for p, lab in scored if p >= t]
        below = [lab for p, lab in scored if p < t]
        print(f"  threshold {t:.1f}: {len(above)} claims at or above, precision "
              f"{sum(above) / max(1, len(above)):.3f}; {len(below)} below, precision "
              f"{sum(below) / max(1, len(below)):.3f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gold", type=Path, action="append", default=[])
    parser.add_argument("--seed", action="store_true")
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    parser.add_argument("--l2", type=float, default=1.0,
                        help="L2 strength (1 was best of 0.3-100, 3 within 0.0003, in "
                             "leave-one-text-out cross-validation on the tune texts and the "
                             "seed with the round-5 reader: see --cv)")
    parser.add_argument("--cv", action="store_true",
                        help="fit nothing: leave-one-text-out Brier score per L2 strength")
    parser.add_argument("--fit", choices=("tune", "calib"), default="tune",
                        help="the split to fit on (default tune; calib: the text no rule was "
                             "written from)")
    parser.add_argument("--evaluate", choices=sc.SPLITS,
                        help="fit nothing: report the calibration of the model in --out on "
                             "this split's texts (totals only)")
    args = parser.parse_args()
    if args.evaluate:
        from geo.claims.confidence import load_model
        model = load_model(args.out)
        if model is None:
            print(f"no model in {args.out}")
            return 1
        rows = []
        for folder in args.gold or [sc.DEV_GOLD]:
            for path, gold in sc.gold_files(folder, args.evaluate):
                rows += labelled(gold, sc.text_of(path, gold), path.stem)
        evaluate(rows, model)
        return 0
    groups: list[list[tuple[dict[str, float], int]]] = []
    used: list[str] = []
    for folder in args.gold or [sc.DEV_GOLD]:
        for path, gold in sc.gold_files(folder, args.fit):
            groups.append(labelled(gold, sc.text_of(path, gold), path.stem))
            used.append(f"tests/gold/dev/{path.name}")
    if args.seed:
        gold, text = sc.seed_gold_as_dev()
        groups.append(labelled(gold, text, "seed"))
        used.append("tests/gold/seed.json (stated claims)")
    rows = [row for group in groups for row in group]
    if not rows:
        print(f"no {args.fit} gold files: nothing to fit")
        return 1
    if args.cv:
        cross_validate(groups)
        return 0
    weights, bias = fit(rows, l2=args.l2)
    model = {
        "source": "fitted by bench/fit_confidence.py (L2 logistic regression) on the claims the "
                  "pipeline reads in these hand-annotated texts; label: side, action and a "
                  "place agree with an overlapping gold claim",
        "split": args.fit, "fitted_on": used, "claims": len(rows),
        "right": sum(lab for _, lab in rows),
        "l2": args.l2, "weights": weights, "bias": bias,
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
