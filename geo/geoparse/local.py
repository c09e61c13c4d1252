"""Local context: a namesake is the one near the places named beside it.

"The regime retook Deir Hafer and Maskanah": three villages are called Maskanah (near Homs,
near Damascus, east of Aleppo), and a thread that also talks about Homs would place it there
by the whole text's anchors alone.  The places anchored in the same entry within
``LOCAL_CHARS`` of the name (the same sentence or the next) are better evidence: each
candidate gains ``LOCAL_WEIGHT`` as it lies near them, falling off over ``LOCAL_KM``.

Only names with more than one candidate are re-ranked, and a name's local anchors are found
by bisection in its entry's anchored spots: the cost is a few distances per ambiguous name.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Sequence

from geo.gazetteer import Gazetteer
from geo.records import Place

__all__ = ["LOCAL_CHARS", "LocalAnchors", "reranked"]

LOCAL_CHARS = 250  # about a sentence either side
LOCAL_KM = 75.0
LOCAL_WEIGHT = 3.0
LOCAL_NEAREST = 3
PROMINENT = 10_000  # people: a town the name means unless the text says otherwise


class LocalAnchors:
    """The text's anchors by entry and offset: ``around(spot)`` gives those near a spot."""

    def __init__(self, spots: Sequence, anchor_ids: frozenset[str]) -> None:
        by_entry: dict[int, list[tuple[int, str, Place]]] = {}
        for spot in spots:
            for candidate in spot.candidates:
                if candidate.place.id in anchor_ids:
                    by_entry.setdefault(spot.entry.id, []).append(
                        (spot.start, spot.surface, candidate.place))
                    break
        for found in by_entry.values():
            found.sort(key=lambda f: f[0])
        self._by_entry = by_entry
        self._starts = {e: [f[0] for f in found] for e, found in by_entry.items()}

    def around(self, spot) -> tuple[Place, ...]:
        """Anchored places within ``LOCAL_CHARS`` of the spot, in its entry, other names."""
        found = self._by_entry.get(spot.entry.id)
        if not found:
            return ()
        starts = self._starts[spot.entry.id]
        lo = bisect.bisect_left(starts, spot.start - LOCAL_CHARS)
        hi = bisect.bisect_right(starts, spot.end + LOCAL_CHARS)
        near = sorted((abs(at - spot.start), i) for i, (at, surface, _) in
                      enumerate(found[lo:hi], lo) if surface != spot.surface)
        return tuple(found[i][2] for _, i in near[:LOCAL_NEAREST])


def reranked(ranked: list, local: Sequence[Place], gazetteer: Gazetteer) -> list:
    """``ranked`` ((score, candidate) best first) with each score raised by nearness to the
    ``local`` places, best first again.  A town of ``PROMINENT`` people or more is not
    overtaken by a namesake a tenth its size for being nearer: "Basra, Irbid, Aleppo" in one
    line are the cities, not the villages of those names near Aleppo."""
    top = max(c.place.population for _, c in ranked)

    def bonus(place: Place) -> float:
        if top >= PROMINENT and place.population * 10 < top:
            return 0.0
        km = min(gazetteer.distance_km(place.lat, place.lon, p.lat, p.lon) for p in local)
        return LOCAL_WEIGHT * math.exp(-km / LOCAL_KM)

    return sorted(((score + bonus(c.place), c) for score, c in ranked),
                  key=lambda sc: sc[0], reverse=True)


def places_by_entry(mentions: Sequence, places: dict[str, Place],
                    ) -> dict[int, list[tuple[int, Place]]]:
    """The settlements the mentions resolved to, by entry, in text order (no countries or
    regions: they are near everything and tell no namesake apart)."""
    by_entry: dict[int, list[tuple[int, Place]]] = {}
    for m in mentions:
        place = places[m.place]
        if place.kind not in {"country", "region"}:
            by_entry.setdefault(m.entry, []).append((m.start, place))
    for found in by_entry.values():
        found.sort(key=lambda f: f[0])
    return by_entry


def places_around(by_entry: dict[int, list[tuple[int, Place]]], entry: int,
                  start: int) -> list[Place]:
    """The places of ``places_by_entry`` within ``LOCAL_CHARS`` of ``start`` in ``entry``,
    the ``LOCAL_NEAREST`` nearest in the text (a list names one area at a time)."""
    near = sorted((abs(at - start), i) for i, (at, _) in enumerate(by_entry.get(entry, ()))
                  if abs(at - start) <= LOCAL_CHARS)
    return [by_entry[entry][i][1] for _, i in near[:LOCAL_NEAREST]]
