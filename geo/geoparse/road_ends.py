"""The two places a road a text names by its ends joins ("the A-B road", read by
``geo.geoparse.phrases.road_between``)."""

from __future__ import annotations

from collections.abc import Callable

from geo.gazetteer import Candidate, Gazetteer
from geo.records import Place

__all__ = ["ROAD_KM", "road_ends"]

ROAD_KM = 300.0  # the ends of a road a text names by them lie within this of each other


def road_ends(first: list[Candidate], second: list[Candidate], gazetteer: Gazetteer,
              best: Callable[[list[Candidate]], Place]) -> tuple[Place, Place]:
    """The two places a road joins: each end's ``best`` candidate, unless the two lie over
    ``ROAD_KM`` apart while other candidates of the ends do not ("the Ras al-Ayn-Tell Tamer
    road" joins the Syrian town, not an Israeli namesake of it): then the nearest pair."""
    a, b = best(first), best(second)
    if gazetteer.distance_km(a.lat, a.lon, b.lat, b.lon) <= ROAD_KM:
        return a, b
    pairs = [(gazetteer.distance_km(x.place.lat, x.place.lon, y.place.lat, y.place.lon),
              x.place, y.place) for x in first[:12] for y in second[:12]
             if x.place.id != y.place.id]
    near = [p for p in pairs if p[0] <= ROAD_KM]
    if not near:
        return a, b
    return min(near, key=lambda p: (p[0] > ROAD_KM / 3, -(p[1].population + p[2].population),
                                    p[0]))[1:]
