"""Accuracy on the gold annotations of real texts in tests/gold/dev (issue 9's targets).

Each ``tests/gold/dev/*.json`` (format in ``tests/gold/dev/README.md``) is scored by
``bench/score_places.py``: recall and precision by span overlap, and geocoding within each gold
place's ``tolerance_km``.  The targets hold on every split together and on the held-out texts
alone; with no gold file present the tests skip.
"""

from __future__ import annotations

import pytest

from bench.score_places import DEFAULT_GOLD, Score, gold_files, score_folder

RECALL, PRECISION, WITHIN = 0.85, 0.90, 0.95

pytestmark = pytest.mark.skipif(not gold_files(DEFAULT_GOLD),
                                reason="no gold annotations in tests/gold/dev yet")


@pytest.fixture(scope="module")
def scores() -> dict[str, Score]:
    return score_folder(DEFAULT_GOLD)


def _all(scores: dict[str, Score]) -> Score:
    total = Score()
    for score in scores.values():
        total.add(score)
    return total


def test_place_recall(scores):
    total = _all(scores)
    print(f"\nall dev gold: {total.line()}")
    for split, score in sorted(scores.items()):
        print(f"  {split}: {score.line()}")
    assert total.recall >= RECALL


def test_place_precision(scores):
    assert _all(scores).precision >= PRECISION


def test_geocoded_within_tolerance(scores):
    assert _all(scores).within >= WITHIN
