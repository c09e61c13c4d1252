"""Accuracy on the gold annotations of real texts in tests/gold/dev (issue 9).

Each ``tests/gold/dev/*.json`` (format in ``tests/gold/dev/README.md``) is scored by
``bench/score_places.py``: recall and precision by span overlap, and geocoding within each gold
place's ``tolerance_km``, over the tune and held-out texts together.  With no gold file present the
tests skip.

Two levels: the issue's targets (recall 0.85, precision 0.90, geocoded 0.95), checked on the
held-out texts only (the fair estimate for unseen text; over every split the tune texts would
carry them), and a floor just under what this code reaches over every split (2026-12-03, session
22, thirteen texts of which six held out: recall 0.920, precision 0.990, geocoded 0.964; session
21's eleven texts 0.917 / 0.992 / 0.956; session 20's 0.913 / 0.992 / 0.954; session 19's 0.893 /
0.990 / 0.950), which a change must not go below. Precision and held-out recall (0.878 on six
held-out texts, 0.874 on the five earlier ones; 0.869 in session 20) meet the targets; the
held-out geocoding target is not met yet (0.937 on six texts; 0.917 on the five earlier ones) and
is marked as an expected failure, so that it turns into a pass (``XPASS``) when it is.

The ``calib`` text (tests/gold/dev/README.md: kept for fitting claim confidence, totals only) is
left out of that total, so that the floors above keep meaning what they were measured on; it has
its own floors, just under what this code reaches on it (2026-12-03, session 21, 200 gold
mentions: recall 0.910, precision 0.989, geocoded 0.857; session 22 0.910 / 0.989 / 0.874;
session 23 0.910 / 0.989 / 0.885;
session 20 0.905 / 0.989 / 0.829;
session 19 0.900 / 0.989 / 0.789;
session 18 0.895 / 0.989 / 0.726;
0.910 / 0.989 / 0.681 before session 18's place rules).
"""

from __future__ import annotations

import pytest

from bench.score_places import DEFAULT_GOLD, Score, gold_files, score_folder

TARGET_RECALL, TARGET_PRECISION, TARGET_WITHIN = 0.85, 0.90, 0.95
FLOOR_RECALL, FLOOR_WITHIN = 0.91, 0.96  # session 23, tune + held out: 0.921 / 0.972
CALIB_FLOOR_RECALL, CALIB_FLOOR_WITHIN = 0.90, 0.88

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
        if split != "calib":
            total.add(score)
    print(f"  tune + heldout: {total.line()}")
    return total


@pytest.fixture(scope="module")
def heldout(scores) -> Score:
    return scores.get("heldout", Score())


@pytest.fixture(scope="module")
def calib(scores) -> Score | None:
    return scores.get("calib")


def test_place_precision_meets_the_target(total):
    assert total.precision >= TARGET_PRECISION


def test_place_recall_stays_above_the_floor(total):
    assert total.recall >= FLOOR_RECALL


def test_geocoding_stays_above_the_floor(total):
    assert total.within >= FLOOR_WITHIN


def test_the_calib_text_stays_above_its_floors(calib):
    if calib is None:
        pytest.skip("no calib gold file")
    assert calib.precision >= TARGET_PRECISION, calib.line()
    assert calib.recall >= CALIB_FLOOR_RECALL, calib.line()
    assert calib.within >= CALIB_FLOOR_WITHIN, calib.line()


def test_place_recall_meets_the_target_on_held_out_texts(heldout):
    assert heldout.recall >= TARGET_RECALL


def test_geocoding_meets_the_target_on_held_out_texts(heldout):
    assert heldout.within >= TARGET_WITHIN, heldout.line()
