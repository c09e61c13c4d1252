"""Rank: which candidate a name stands for, how sure, and how precise (ACLED)."""

from __future__ import annotations

import math
from collections.abc import Sequence

from geo.gazetteer import Candidate, Gazetteer
from geo.geoparse.patterns import AREA_AFTER, AREA_BEFORE, FORCE_AFTER, NEAR_BEFORE
from geo.records import Place


def _score(candidate: Candidate, gazetteer: Gazetteer, anchors: Sequence[Place],
           nearest_km: dict[tuple[float, float], float]) -> float:
    """How likely ``candidate`` is the place meant; ``nearest_km`` remembers, for the
    thread's fixed anchors, each point's distance to the nearest (so a thread that names an
    ambiguous town a thousand times measures its distances once)."""
    place = candidate.place
    score = 0.0
    if candidate.curated:
        score += 3.0
    if gazetteer.in_region(place):
        score += 2.0
    if anchors:
        point = (place.lat, place.lon)
        nearest = nearest_km.get(point)
        if nearest is None:
            nearest = min(gazetteer.distance_km(place.lat, place.lon, a.lat, a.lon)
                          for a in anchors)
            nearest_km[point] = nearest
        score += 2.0 * math.exp(-nearest / 200.0)
    if candidate.article_dropped:
        score -= 0.5
    score += math.log10(place.population + 1) / 7.0
    return score


def _confidence(
    best: Candidate, runner_up: float | None, best_score: float, in_region: bool
) -> float:
    confidence = 0.95 if best.curated else 0.85
    if not in_region:
        confidence -= 0.25
    if runner_up is not None and best_score - runner_up < 1.0:
        confidence -= 0.2
    if best.article_dropped:
        confidence -= 0.05
    return round(max(0.1, confidence), 2)


def _precision(text: str, start: int, end: int, place: Place) -> tuple[int, str]:
    before, after = text[max(0, start - 40):start], text[end:end + 25]
    if AREA_AFTER.match(after):
        return 3, f"area word after the name: {after.split()[0] if after.split() else ''!r}"
    if AREA_BEFORE.search(before):
        return 3, "area word before the name"
    if FORCE_AFTER.match(text[end:end + 12]):
        return 3, "the name qualifies a force (the area it holds)"
    if NEAR_BEFORE.search(before):
        return 2, "a word of nearness before the name"
    return 1, "the place itself"

