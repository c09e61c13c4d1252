"""What every gold file may say, and the span check both gold integrity tests apply.

The seed's gold (``tests/gold/seed.json``) and the real texts' gold (``tests/gold/dev/*.json``)
are read by the same scorers, so they share one vocabulary of actions and modalities, one list of
actors (``data/factions.csv``) and one rule for a span: it repeats the text it points at.
"""

from __future__ import annotations

import csv

from geo.paths import FACTIONS_PATH

ACTIONS = frozenset({
    "capture", "advance", "attack", "besiege", "lift_siege", "defend", "withdraw", "flee",
    "redeploy", "cut_road", "control",
})
MODALITIES = frozenset({"reported", "predicted", "speculative", "questioned", "disputed"})


def load_actors() -> frozenset[str]:
    """Every actor the project knows: a gold file may name no other."""
    with FACTIONS_PATH.open(encoding="utf-8", newline="") as f:
        return frozenset(row["actor"] for row in csv.DictReader(f))


def check_span(text: str, item: dict, field: str, *, whole_words: bool = False) -> None:
    """``item``'s [start, end) lies in ``text`` and repeats ``item[field]``.

    With ``whole_words`` the span is never a piece of a longer word ("US" inside "USSR").
    """
    start, end = item["start"], item["end"]
    assert 0 <= start < end <= len(text), item
    assert text[start:end] == item[field], (item[field], text[start:end])
    if whole_words:
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        assert not before.isalnum() and not after.isalnum(), item


def check_place(key: str, place: dict, kinds: set[str] | frozenset[str]) -> None:
    """A gold place has a name, a known kind, coordinates in range and a positive tolerance."""
    assert place.get("name", "").strip(), key
    assert place["kind"] in kinds, (key, place["kind"])
    assert -90 <= place["lat"] <= 90 and -180 <= place["lon"] <= 180, key
    assert place["tolerance_km"] > 0, key
