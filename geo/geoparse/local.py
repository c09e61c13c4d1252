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
from collections.abc import Iterable, Iterator, Sequence

from geo.gazetteer import Gazetteer
from geo.records import Place

__all__ = ["LOCAL_CHARS", "LocalPlaces", "reranked"]

LOCAL_CHARS = 250  # about a sentence either side
LOCAL_KM = 75.0
LOCAL_WEIGHT = 3.0
LOCAL_NEAREST = 3
PROMINENT = 10_000  # people: a town the name means unless the text says otherwise
# A town with no population figure is an admin seat (GeoNames PPLA2/PPLA3: Ras al-Ayn,
# Tall Abyad, Khanasir count 0 people there): weighed as a town of the size that makes a
# town, so that it outranks its village namesakes and a far town of a few thousand people.
SEAT_POPULATION = 10_000


class LocalPlaces:
    """Places the text names, by entry and offset: ``around(...)`` gives those named near a
    name, found by bisection in its entry's names.  Built from the spots that name one of the
    text's anchors (``anchored``), or from the settlements the mentions resolved to
    (``settled``)."""

    def __init__(self, named: Iterable[tuple[int, int, str, Place]]) -> None:
        """``named``: (entry, offset, surface, place) of each name, in the text's order."""
        by_entry: dict[int, list[tuple[int, str, Place]]] = {}
        for entry, start, surface, place in named:
            by_entry.setdefault(entry, []).append((start, surface, place))
        for found in by_entry.values():
            found.sort(key=lambda f: f[0])
        self._by_entry = by_entry
        self._starts = {e: [f[0] for f in found] for e, found in by_entry.items()}

    @classmethod
    def anchored(cls, spots: Sequence, anchor_ids: frozenset[str]) -> LocalPlaces:
        """The spots with a candidate the text anchors (the first such candidate's place)."""
        def named() -> Iterator[tuple[int, int, str, Place]]:
            for spot in spots:
                for candidate in spot.candidates:
                    if candidate.place.id in anchor_ids:
                        yield spot.entry.id, spot.start, spot.surface, candidate.place
                        break
        return cls(named())

    @classmethod
    def settled(cls, mentions: Sequence, places: dict[str, Place]) -> LocalPlaces:
        """The settlements the mentions resolved to (no countries or regions: they are near
        everything and tell no namesake apart)."""
        return cls((m.entry, m.start, m.surface, places[m.place]) for m in mentions
                   if places[m.place].kind not in {"country", "region"})

    def around(self, entry: int, start: int, end: int,
               other_than: str | None = None) -> tuple[Place, ...]:
        """The ``LOCAL_NEAREST`` places named nearest to ``start`` in ``entry`` (a list names
        one area at a time), from ``LOCAL_CHARS`` before ``start`` to as far after ``end``,
        under another name than ``other_than``."""
        found = self._by_entry.get(entry)
        if not found:
            return ()
        starts = self._starts[entry]
        lo = bisect.bisect_left(starts, start - LOCAL_CHARS)
        hi = bisect.bisect_right(starts, end + LOCAL_CHARS)
        near = sorted((abs(at - start), i) for i, (at, surface, _) in
                      enumerate(found[lo:hi], lo) if surface != other_than)
        return tuple(found[i][2] for _, i in near[:LOCAL_NEAREST])


def people(place: Place) -> int:
    """A place's population, an admin seat counted empty as a town (``SEAT_POPULATION``)."""
    return place.population or (SEAT_POPULATION if place.kind == "town" else 0)


def reranked(ranked: list, local: Sequence[Place], gazetteer: Gazetteer) -> list:
    """``ranked`` ((score, candidate) best first) with each score raised by nearness to the
    ``local`` places, best first again.  A town of ``PROMINENT`` people or more is not
    overtaken by a namesake a tenth its size for being nearer: "Basra, Irbid, Aleppo" in one
    line are the cities, not the villages of those names near Aleppo."""
    top = max(c.place.population for _, c in ranked)

    def bonus(place: Place) -> float:
        if top >= PROMINENT and place.population * 10 < top:
            return 0.0
        km = gazetteer.nearest_km(place.lat, place.lon, ((p.lat, p.lon) for p in local))
        return LOCAL_WEIGHT * math.exp(-km / LOCAL_KM)

    return sorted(((score + bonus(c.place), c) for score, c in ranked),
                  key=lambda sc: sc[0], reverse=True)
