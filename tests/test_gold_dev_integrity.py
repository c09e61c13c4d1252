"""Checks every gold annotation of a real text (tests/gold/dev/*.json) against its text and itself.

Why: these files score the geoparser and the claim reader on writing not made for the project, so
one shifted offset, a dangling place key or an unknown actor would silently turn a right answer into
a wrong one.  The checks are generic (any annotator's file in the folder, format in
tests/gold/dev/README.md) and look at the annotation files only, never at the project code.
"""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest

from tests.gold_schema import ACTIONS, MODALITIES, check_place, check_span, load_actors

ROOT = Path(__file__).resolve().parents[1]
DEV_DIR = ROOT / "tests" / "gold" / "dev"
GOLD_PATHS = sorted(DEV_DIR.glob("*.json"))

SPLITS = {"tune", "heldout", "calib"}
PLACE_KINDS = {
    "city",
    "town",
    "village",
    "quarter",
    "district",
    "governorate",
    "region",
    "country",
    "facility",
    "road",
    "crossing",
    "river",
    "dam",
    "lake",
    "hill",
}


ACTORS = load_actors()


def load(path: Path) -> tuple[dict, str]:
    gold = json.loads(path.read_text(encoding="utf-8"))
    text = (DEV_DIR / gold["text"]).read_text(encoding="utf-8")
    return gold, text


@pytest.fixture(params=GOLD_PATHS, ids=[p.stem for p in GOLD_PATHS])
def gold_and_text(request: pytest.FixtureRequest) -> tuple[dict, str]:
    return load(request.param)


def test_the_folder_holds_gold_files() -> None:
    # Without this, an empty folder would make every parametrised check vanish silently.
    assert GOLD_PATHS, f"no gold files in {DEV_DIR}"


def test_text_path_and_split(gold_and_text: tuple[dict, str]) -> None:
    gold, _ = gold_and_text
    assert gold["text"].startswith("texts/") and gold["text"].endswith(".txt")
    assert gold["split"] in SPLITS
    assert isinstance(gold.get("annotator"), str) and gold["annotator"].strip()


@pytest.mark.parametrize(
    ("section", "field"),
    [("mentions", "surface"), ("not_places", "surface"), ("claims", "quote"), ("traps", "quote")],
)
def test_spans_repeat_the_text(gold_and_text: tuple[dict, str], section: str, field: str) -> None:
    gold, text = gold_and_text
    for item in gold.get(section, []):
        check_span(text, item, field)


def test_places_have_real_coordinates(gold_and_text: tuple[dict, str]) -> None:
    gold, _ = gold_and_text
    for key, place in gold["places"].items():
        check_place(key, place, PLACE_KINDS)
        assert place.get("coord_source"), key


def test_mentions_point_at_places(gold_and_text: tuple[dict, str]) -> None:
    gold, _ = gold_and_text
    for m in gold["mentions"]:
        assert m["place"] in gold["places"], m
        assert m["precision"] in (1, 2, 3), m


def test_no_two_mentions_overlap(gold_and_text: tuple[dict, str]) -> None:
    gold, _ = gold_and_text
    spans = sorted((m["start"], m["end"]) for m in gold["mentions"])
    for (_, end_a), (start_b, end_b) in itertools.pairwise(spans):
        assert end_a <= start_b, ("overlapping mentions", end_a, start_b, end_b)


def test_claims_use_known_actors_actions_modalities_places(gold_and_text: tuple[dict, str]) -> None:
    gold, _ = gold_and_text
    for c in gold["claims"]:
        assert c["actor"] in ACTORS, c
        assert c["action"] in ACTIONS, c
        assert c["modality"] in MODALITIES, c
        assert c["places"], c
        for key in c["places"]:
            assert key in gold["places"], (key, c["quote"])
        for end in ("origin", "destination"):
            if c.get(end) is not None:
                assert c[end] in c["places"], (end, c)


def test_traps_and_not_places_say_why(gold_and_text: tuple[dict, str]) -> None:
    gold, _ = gold_and_text
    for item in gold.get("traps", []) + gold.get("not_places", []):
        assert isinstance(item.get("why"), str) and item["why"].strip(), item
