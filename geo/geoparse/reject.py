"""Reject: names that are places somewhere, but not here (people, actors, agreements)."""

from __future__ import annotations

import csv
import functools
from collections.abc import Container
from dataclasses import dataclass
from pathlib import Path

from geo.gazetteer import name_key
from geo.geoparse.lower_case import PROMINENT_POPULATION
from geo.geoparse.name_parts import name_part_reason
from geo.geoparse.patterns import (
    AGENT_AFTER,
    AGREEMENT_AFTER,
    CONJUNCTION,
    LOCATIVE,
    ORGANISATION_AFTER,
    POSSESSIVE,
    SPEAKER_AFTER,
    TITLES,
)
from geo.geoparse.spot import _previous_word, _Spot
from geo.paths import NOT_PLACES_PATH


@dataclass(frozen=True, slots=True)
class NotPlace:
    surface: str
    kind: str
    why: str


@functools.cache
def load_not_places(path: Path = NOT_PLACES_PATH) -> dict[str, NotPlace]:
    """``data/not_places.csv`` by name key: names that are places somewhere, but not here."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = [NotPlace(r["surface"], r["kind"], r.get("why", "")) for r in csv.DictReader(handle)]
    return {name_key(r.surface): r for r in rows if r.surface}



def _reject_reason(
    spot: _Spot,
    *,
    not_places: dict[str, NotPlace],
    authors: set[str],
    lowercase_words: Container[str],
    actor_aliases: set[str],
) -> str | None:
    text, key = spot.entry.text, name_key(spot.surface)
    after = text[spot.end:spot.end + 30]
    listed = not_places.get(key)
    if listed is not None:
        return f"listed in not_places.csv as {listed.kind}"
    if key in authors:
        return "a commenter's name"
    if reason := name_part_reason(spot):
        return reason
    if SPEAKER_AFTER.match(after) and not any(
            c.curated or c.place.kind in {"city", "country"} for c in spot.candidates):
        return "a speaker (a village's name before 'said' is a person's)"
    if AGREEMENT_AFTER.match(after) and not any(c.curated for c in spot.candidates):
        return "names an agreement or meeting"
    previous = _previous_word(text, spot.start)
    if previous in TITLES and text[spot.start - len(previous) - 1:spot.start].strip()[:1].isupper():
        return f"follows the title {previous!r}"
    if previous in {"a", "an"}:
        return "follows an indefinite article (a person or a type, not a place)"
    # a name that is also an actor ('Turkey', 'Moscow') is a place only after a locative
    if previous == "the":  # "in the USA", "to the Emirates": the locative before the article
        cut = max(0, spot.start - 12)
        previous = _previous_word(text, cut + text[cut:spot.start].lower().rfind("the"))
    if key in actor_aliases and (ORGANISATION_AFTER.match(after) or previous not in LOCATIVE):
        return "stands for an actor here (no locative preposition before it)"
    # (a country or a large city is never asked: the thread's text is searched for a word)
    if spot.tokens == 1 and not _prominent(spot) and key in lowercase_words:
        return "a word the thread also writes in lower case"
    return None


def _prominent(spot: _Spot) -> bool:
    """Whether the name's first candidate is a country or a large city: a commenter's
    lower-case "syria" or "aleppo" is no sign that "Syria" or "Aleppo" is a word."""
    best = spot.candidates[0].place if spot.candidates else None
    return best is not None and (best.kind == "country" or (
        best.kind == "city" and best.population >= PROMINENT_POPULATION))


def _state_as_actor(spot: _Spot, actor_spans: dict[int, set[tuple[int, int]]]) -> bool:
    """'Syria will control its oil', 'with Russia and Syria': the state, not the territory.

    ``actor_spans`` holds, by entry, the spans of names rejected as actors.
    """
    text = spot.entry.text
    if text.startswith(":", spot.end) and _opens_line(text, spot.start):
        return True  # "* Egypt: The spokesman ...": a list of reactions, labelled by state
    if _previous_word(text, spot.start) in LOCATIVE:
        return False
    if AGENT_AFTER.match(text[spot.end:spot.end + 20]) or POSSESSIVE.match(
            text[spot.end:spot.end + 3]):
        return True  # "Syria will", "France's defence minister": the state
    for start, end in actor_spans.get(spot.entry.id, ()):
        between = text[end:spot.start] if end <= spot.start else text[spot.end:start]
        if len(between) <= 6 and CONJUNCTION.match(between):
            return True
    return False



def _opens_line(text: str, start: int) -> bool:
    """Whether only bullets, flags and spaces stand before ``start`` on its line."""
    line = text[text.rfind("\n", 0, start) + 1:start]
    return not any(ch.isalnum() for ch in line)
