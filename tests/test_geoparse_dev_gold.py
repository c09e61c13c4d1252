"""Accuracy on the gold annotations of real texts in tests/gold/dev (issue 9).

Each ``tests/gold/dev/*.json`` (format in ``tests/gold/dev/README.md``) is scored by
``bench/score_places.py``: recall and precision by span overlap, and geocoding within each gold
place's ``tolerance_km``, over every split together.  With no gold file present the tests skip.

Two levels: the issue's targets (recall 0.85, precision 0.90, geocoded 0.95), checked on the
held-out texts only (the fair estimate for unseen text; over every split the tune texts would
carry them), and a floor just under what this code reaches over every split (2026-12-03,
session 18, eleven texts of which five held out: recall 0.883, precision 0.990, geocoded
0.953; session 16b's 0.885 fell with the curated rows that cited held-out texts), which a
change must not go below.  Precision meets the target; the held-out recall and geocoding
targets are not met yet (0.812 and 0.904 on five held-out texts) and are
marked as expected failures, so that they turn into passes (``XPASS``) when they are.
"""

from __future__ import annotations

import pytest

from bench.score_places import DEFAULT_GOLD, Score, gold_files, score_folder

TARGET_RECALL, TARGET_PRECISION, TARGET_WITHIN = 0.85, 0.90, 0.95
FLOOR_RECALL, FLOOR_WITHIN = 0.88, 0.95

pytestmark = pytest.mark.skipif(not gold_files(DEFAULT_GOLD),
                                reason="no gold annotations in tests/gold/dev yet")


@pytest.fixture(scope="module")
def scores() -> dict[str, Score]:
    return score_folder(DEFAULT_GOLD)


@pytest.fixture(scope="module")
def total(scores) -> Score:
    total = Score()
    for split, score in sorted(scores.items()):
        print(f"\n  {split}: {score.line()}")
        total.add(score)
    print(f"  all: {total.line()}")
    return total


@pytest.fixture(scope="module")
def heldout(scores) -> Score:
    return scores.get("heldout", Score())


def test_place_precision_meets_the_target(total):
    assert total.precision >= TARGET_PRECISION


def test_place_recall_stays_above_the_floor(total):
    assert total.recall >= FLOOR_RECALL


def test_geocoding_stays_above_the_floor(total):
    assert total.within >= FLOOR_WITHIN


@pytest.mark.xfail(reason="issue 9 target not met yet (held-out recall 0.81)", strict=False)
def test_place_recall_meets_the_target_on_held_out_texts(heldout):
    assert heldout.recall >= TARGET_RECALL


@pytest.mark.xfail(reason="issue 9 target not met yet (held-out 0.90)", strict=False)
def test_geocoding_meets_the_target_on_held_out_texts(heldout):
    assert heldout.within >= TARGET_WITHIN
