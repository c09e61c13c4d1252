"""Geoparse a thread written in a test, as the pipeline does: every actor alias of the lexicon."""

from __future__ import annotations

from geo.factions import load_lexicon
from geo.geoparse import geoparse
from geo.thread import parse_thread


def geoparse_text(gazetteer, text: str):
    """The geoparse result of ``text`` read as a thread (a bare text is one entry)."""
    entries = parse_thread(text, strict=False).entries
    return geoparse(entries, gazetteer, actor_aliases=[a.text for a in load_lexicon().aliases])


def places_by_surface(gazetteer, text: str) -> dict[str, object]:
    """The place each surface of ``text`` resolved to (the last mention of a surface wins)."""
    result = geoparse_text(gazetteer, text)
    return {m.surface: result.places[m.place] for m in result.mentions}


def km(gazetteer, place, point: tuple[float, float]) -> float:
    """How far a found place lies from a point (lat, lon) the test knows."""
    return gazetteer.distance_km(place.lat, place.lon, *point)
