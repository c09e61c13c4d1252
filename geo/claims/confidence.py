"""A claim's confidence: the chance, 0 to 1, that it is read right (side, action, a place).

A logistic model over what the reader knows of each claim (how its actor was found, whether a
parse checked it, how far the subject stands from the cue, its modality, action and places),
fitted on the claims of an annotated text no rule was written from (the "calib" split of
tests/gold/dev; a fit on the "tune" texts and the seed, which the rules were written from, was
overconfident on held-out text) by ``bench/fit_confidence.py --fit calib``, and kept with its
source in ``data/claim_confidence.json``.  Without that file every claim gets the prior 0.5.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

from geo.claims.results import Evidence
from geo.paths import CLAIM_CONFIDENCE_PATH as MODEL_PATH
from geo.records import Claim

ACTION_FEATURES = ("capture", "advance", "attack", "control", "redeploy", "withdraw")
WORD = re.compile(r"[\w'-]+")


def features(claim: Claim, evidence: Evidence | None, text: str) -> dict[str, float]:
    """The numbers the model weighs, each in [0, 1]."""
    out = {f"action_{a}": float(claim.action == a) for a in ACTION_FEATURES}
    out["reported"] = float(claim.modality == "reported")
    out["places"] = min(len(claim.places), 4) / 4
    out["precision"] = (claim.precision - 1) / 2
    out["quote_words"] = min(len(WORD.findall(claim.quote)), 60) / 60
    if evidence is None:
        return out
    out["parsed"] = float(evidence.parsed)
    out["named_subject"] = float(evidence.subject is not None and not evidence.pronoun)
    out["pronoun"] = float(evidence.pronoun)
    out["borrowed_place"] = float(evidence.borrowed)
    out["co_actor"] = float(bool(evidence.co_actor))
    if evidence.subject is not None and evidence.subject.end <= evidence.cue[0]:
        gap = len(WORD.findall(text[evidence.subject.end: evidence.cue[0]]))
        out["subject_gap"] = min(gap, 20) / 20
    else:
        out["subject_gap"] = 1.0
    start, end = evidence.sentence
    out["sentence_words"] = min(len(WORD.findall(text[start:end])), 80) / 80
    return out


@lru_cache(maxsize=4)
def _model(path: str, mtime_ns: int) -> tuple[dict[str, float], float]:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return {k: float(v) for k, v in data["weights"].items()}, float(data["bias"])


def load_model(path: Path = MODEL_PATH) -> tuple[Mapping[str, float], float] | None:
    try:
        return _model(str(path), path.stat().st_mtime_ns)
    except (OSError, ValueError, KeyError):
        return None


def score(values: Mapping[str, float], model: tuple[Mapping[str, float], float] | None) -> float:
    """The model's probability for these features, rounded to 0.01 (0.5 without a model)."""
    if model is None:
        return 0.5
    weights, bias = model
    z = bias + sum(weights.get(name, 0.0) * value for name, value in values.items())
    return round(1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z)))), 2)
