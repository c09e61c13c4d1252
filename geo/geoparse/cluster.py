"""Joint context: the namesakes a sentence means lie together.

"Rebels took al-Zahraa, Abbad and Tall Sultan": each of the three names has namesakes
across Syria and none anchors the text alone, so the anchors of ``geo.geoparse.local`` say
nothing.  But a war text lists places of one front: of the twelve al-Zahraas, the one meant
is the one with an Abbad and a Tall Sultan beside it.  ``Cluster.support`` weighs each
candidate of a name by how close it lies to some candidate of each other name written near
it in the same entry (``LOCAL_CHARS``, the ``CLUSTER_NEIGHBOURS`` nearest in the text):
``CLUSTER_WEIGHT`` times ``exp(-km / CLUSTER_KM)`` per neighbouring name, so that a
candidate near the namesakes of three neighbours outweighs one near a single neighbour, and
a chance coincidence (a neighbour's namesake that happens to lie beside a wrong candidate)
outweighs nothing alone.  A neighbour's namesake counts only in the candidate's own country
(a front lies on one side of a border).

Only the region's settlements take part (a country or a governorate is near everything), a
name with over ``MAX_NAMESAKES`` regional candidates gives no evidence (it is near
everything too), and a town of ``PROMINENT`` people is not overtaken by a namesake a tenth
its size: prominence decides only where the text does not.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Sequence

from geo.gazetteer import QUARTER_PREFIX, Gazetteer
from geo.geoparse.local import LOCAL_CHARS, PROMINENT, LocalPlaces, reranked
from geo.geoparse.local import people as _people
from geo.records import Place

__all__ = ["CLUSTER_KM", "CLUSTER_WEIGHT", "Cluster", "in_context", "joint_anchors"]

CLUSTER_KM = 20.0  # villages of one front lie this close together
CLUSTER_WEIGHT = 1.5
CLUSTER_NEIGHBOURS = 4
MAX_NAMESAKES = 25
SETTLEMENTS = frozenset({"city", "town", "village"})


class Cluster:
    """The regional settlements each spot of a text may stand for, by entry and offset."""

    def __init__(self, spots: Sequence, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        # by the candidate list's id (the gazetteer's list of a name, shared by its spots;
        # the list is kept, so no other takes its id): a thread repeats its names
        self._settled: dict[int, tuple[list, tuple[Place, ...]]] = {}
        by_entry: dict[int, list[tuple[int, str, tuple[Place, ...]]]] = {}
        for spot in spots:
            if spot.feature:
                continue
            places = self.settlements(spot.candidates)
            if places and len(places) <= MAX_NAMESAKES:
                by_entry.setdefault(spot.entry.id, []).append((spot.start, spot.surface, places))
        for found in by_entry.values():
            found.sort(key=lambda f: f[0])
        self._by_entry = by_entry
        self._starts = {e: [f[0] for f in found] for e, found in by_entry.items()}
        # by (entry, start, end, surface): the anchors and the ranking ask for each spot's
        self._neighbours: dict[tuple, tuple[tuple[str, tuple[Place, ...]], ...]] = {}
        self._variants: dict[str, list] = {}

    def settlements(self, candidates: list) -> tuple[Place, ...]:
        """``_settlements(candidates)``, remembered by list."""
        known = self._settled.get(id(candidates))
        if known is None:
            known = self._settled[id(candidates)] = (
                candidates, _settlements(candidates, self.gazetteer))
        return known[1]

    def neighbours(self, spot) -> tuple[tuple[str, tuple[Place, ...]], ...]:
        """The other names written near the spot: (surface, its regional settlements)."""
        found = self._by_entry.get(spot.entry.id)
        if not found:
            return ()
        at = (spot.entry.id, spot.start, spot.end, spot.surface)
        near = self._neighbours.get(at)
        if near is None:
            near = self._neighbours[at] = self._near(spot, found)
        return near

    def _near(self, spot, found) -> tuple[tuple[str, tuple[Place, ...]], ...]:
        starts = self._starts[spot.entry.id]
        lo = bisect.bisect_left(starts, spot.start - LOCAL_CHARS)
        hi = bisect.bisect_right(starts, spot.end + LOCAL_CHARS)
        near: dict[str, tuple[int, tuple[Place, ...]]] = {}
        for at, surface, places in found[lo:hi]:
            if surface != spot.surface:
                gap = abs(at - spot.start)
                if surface not in near or gap < near[surface][0]:
                    near[surface] = (gap, places)
        nearest = sorted(near.items(), key=lambda item: item[1][0])[:CLUSTER_NEIGHBOURS]
        return tuple((surface, places) for surface, (_, places) in nearest)

    def settlement_variants(self, surface: str) -> list:
        """``gazetteer.variants(surface)`` that are settlements, remembered by name."""
        found = self._variants.get(surface)
        if found is None:
            found = self._variants[surface] = [c for c in self.gazetteer.variants(surface)
                                               if c.place.kind in SETTLEMENTS]
        return found

    def nearness(self, place: Place,
                 neighbours: Sequence[tuple[str, tuple[Place, ...]]]) -> float:
        """Summed over the neighbouring names, ``exp(-km / CLUSTER_KM)`` of the nearest of
        each one's candidates in ``place``'s country (other than ``place`` itself): the
        places of one front lie on one side of a border, so a village across it ("Ash
        Shajarah" in Jordan, beside the Syrian one) is not supported by the Syrian names."""
        distance = self.gazetteer.distance_km
        total = 0.0
        for _, places in neighbours:
            km = min((distance(place.lat, place.lon, p.lat, p.lon) for p in places
                      if p.id != place.id and p.country == place.country), default=math.inf)
            total += math.exp(-km / CLUSTER_KM)
        return total

    def reranked(self, ranked: list, neighbours: Sequence[tuple[str, tuple[Place, ...]]],
                 ) -> list:
        """``ranked`` ((score, candidate) best first) with each score raised by the support
        of the ``neighbours``, best first again."""
        # the town a name means unless the text says otherwise: the region's town that the
        # ranking puts first (a town abroad, or one already outranked, guards no village)
        first = ranked[0][1].place
        top = _people(first) if self.gazetteer.in_region(first) else 0

        def support(place: Place) -> float:
            if (top >= PROMINENT and _people(place) * 10 < top
                    and place.country == first.country):
                return 0.0  # (a town abroad guards no namesake of the text's country)
            if place.kind not in SETTLEMENTS or not self.gazetteer.in_region(place):
                return 0.0
            return CLUSTER_WEIGHT * self.nearness(place, neighbours)

        return sorted(((score + support(c.place), c) for score, c in ranked),
                      key=lambda sc: sc[0], reverse=True)


def _settlements(candidates, gazetteer: Gazetteer) -> tuple[Place, ...]:
    return tuple(c.place for c in candidates if c.place.kind in SETTLEMENTS
                 and not c.place.id.startswith(QUARTER_PREFIX) and gazetteer.in_region(c.place))


def in_context(spot, ranked: list, kept: Sequence, anchors, gazetteer: Gazetteer,
               rankings: dict, heads: dict) -> list:
    """A name's ranking (``ranked``, best first) raised by the text around it: a namesake's
    by nearness to the places anchored beside it (``geo.geoparse.local``), then to the
    candidates of the other names beside it (``Cluster``); any name's by a transliteration
    variant that lies among those names where its own places do not (``_nearer_variant``).
    ``rankings`` remembers each ranking by the name and its context; ``heads`` holds the
    text's ``LocalPlaces`` of anchors and ``Cluster``, built on first use."""
    key: tuple = (spot.surface, len(spot.candidates))
    if anchors and len(ranked) > 1:
        if "local" not in heads:
            heads["local"] = LocalPlaces.anchored(kept, anchors.ids)
        local = heads["local"].around(spot.entry.id, spot.start, spot.end, spot.surface)
        if local:
            key = (*key, *(p.id for p in local))
            ranked = rankings.get(key) or rankings.setdefault(
                key, reranked(ranked, local, gazetteer))
    if "cluster" not in heads:
        heads["cluster"] = Cluster(kept, gazetteer)
    cluster = heads["cluster"]
    near = cluster.neighbours(spot)
    if near:
        key = (*key, "", *(surface for surface, _ in near))
        if len(ranked) > 1:
            ranked = rankings.get(key) or rankings.setdefault(
                key, cluster.reranked(ranked, near))
        if len(near) > 1 and not spot.feature:  # (``_anchored`` keeps one row per name)
            key = (*key, "variant")
            ranked = rankings.get(key) or rankings.setdefault(
                key, _nearer_variant(spot.surface, ranked, _anchored(near, anchors), cluster))
    return ranked


def _anchored(near, anchors) -> tuple:
    """The neighbouring names, each that anchors the text with its anchored places only."""
    ids = getattr(anchors, "ids", frozenset())
    return tuple((surface, tuple(p for p in places if p.id in ids) or places)
                 for surface, places in near)


def _nearer_variant(surface: str, ranked: list, near, cluster: Cluster) -> list:
    """``ranked``, or first a transliteration variant of the name ("Tannuza" for the
    Tannuzah beside the other names, when the gazetteer spells "Tannuza" only a Tannuzah
    100 km away) that the anchored places of the names beside it (``near``) support clearly
    (``JOINT_MIN``, ``JOINT_MARGIN``) while the name's own best place lies far from them.
    A curated place or a town of ``PROMINENT`` people keeps its name."""
    best = ranked[0][1]
    place = best.place
    if best.curated or _people(place) >= PROMINENT or place.kind not in SETTLEMENTS:
        return ranked
    own = cluster.nearness(place, near)
    if own >= JOINT_MIN:
        return ranked
    ids = {c.place.id for _, c in ranked}
    scored = [(cluster.nearness(c.place, near), c) for c in cluster.settlement_variants(surface)
              if c.place.id not in ids]
    if not scored:
        return ranked
    support, variant = max(scored, key=lambda sc: sc[0])
    if support >= JOINT_MIN and support - own >= JOINT_MARGIN:
        return [(ranked[0][0] + CLUSTER_WEIGHT * support, variant), *ranked]
    return ranked


JOINT_MIN = 1.0  # summed nearness (exp(-km / CLUSTER_KM) per neighbour) that anchors a name
JOINT_MARGIN = 0.5  # ... over its next namesake


def joint_anchors(spots: Sequence, gazetteer: Gazetteer, anchors,
                  cluster: Cluster | None = None):
    """``anchors`` and the namesakes the names beside them choose jointly: a name that no
    prior anchors ("Shammah": a village in Hasakah, one in Iraq) anchors the text at the
    candidate that lies among the candidates of the names written beside it, when that one
    is clearly closer to them than the name's other namesakes (``JOINT_MIN``,
    ``JOINT_MARGIN``); never against a town of ``PROMINENT`` people of the region.
    ``cluster``: the ``Cluster`` of ``spots``, if the caller has built it."""
    cluster = Cluster(spots, gazetteer) if cluster is None else cluster
    extra: dict[str, Place] = {}
    seen: set[tuple] = set()
    ids = anchors.ids
    anchored: dict[int, bool] = {}  # by candidate list (kept by its spots: ids stay unique)
    for spot in spots:
        if spot.feature:
            continue
        known = anchored.get(id(spot.candidates))
        if known is None:
            known = anchored[id(spot.candidates)] = any(c.place.id in ids
                                                        for c in spot.candidates)
        if known:
            continue
        near = cluster.neighbours(spot)
        key = (spot.surface, *(surface for surface, _ in near))
        if not near or key in seen:
            continue
        seen.add(key)
        places = cluster.settlements(spot.candidates)
        if not places or max(_people(p) for p in places) >= PROMINENT:
            continue
        scored = sorted(((cluster.nearness(p, near), p) for p in places),
                        key=lambda sp: sp[0], reverse=True)
        best, place = scored[0]
        runner_up = scored[1][0] if len(scored) > 1 else 0.0
        if best >= JOINT_MIN and best - runner_up >= JOINT_MARGIN:
            extra[place.id] = place
    if not extra:
        return anchors
    return type(anchors)([*anchors, *extra.values()], anchors.areas)
