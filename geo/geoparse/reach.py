"""A long river or road is placed on the reach the text is about, not at one fixed point.

"The Euphrates" in a report on Deir ez-Zor and in one on Jarabulus is the same river 250 km
apart; a curated river or highway has its course (a LineString), and a mention is geocoded,
as ACLED and the annotators of ``tests/gold/dev`` do, at a representative point of the reach
the text names places along.  The text's settlements within ``REACH_KM`` of the course are
projected onto it, and the line's place is moved to the median projection (by distance along
the course; the middle of the two middle ones).  A text that names no place near the
course keeps the row's point.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import replace

from geo.records import Mention, Place

__all__ = ["REACH_KM", "place_on_reach"]

REACH_KM = 30.0  # a settlement this close to a river's or road's course is on its reach
LINE_KINDS = frozenset({"river", "road"})
SETTLEMENTS = frozenset({"city", "town", "village", "quarter", "district", "facility", "dam"})
_KM = 111.2  # km per degree of latitude


def _project(lat: float, lon: float, line: list[list[float]]) -> tuple[float, float, float, float]:
    """(km from the course, km along it, lat, lon) of the course's point nearest a point."""
    scale = math.cos(math.radians(lat))
    best = (math.inf, 0.0, lat, lon)
    along = 0.0
    for (x1, y1), (x2, y2) in itertools.pairwise(line):
        ax, ay, bx, by = x1 * scale, y1, x2 * scale, y2
        px, py = lon * scale, lat
        dx, dy = bx - ax, by - ay
        length = math.hypot(dx, dy)
        t = 0.0 if length == 0 else max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy)
                                                 / (length * length)))
        qx, qy = ax + t * dx, ay + t * dy
        km = math.hypot(px - qx, py - qy) * _KM
        if km < best[0]:
            best = (km, (along + t * length) * _KM, qy, qx / scale)
        along += length
    return best


def place_on_reach(mentions: list[Mention], places: dict[str, Place]) -> None:
    """Move each curated river's or road's place in ``places`` to the reach its text is
    about (in place); its mentions keep its id."""
    lines = [p for p in places.values() if p.kind in LINE_KINDS and p.geometry
             and p.geometry.get("type") == "LineString" and p.id.startswith("supplement:")
             and len(p.geometry.get("coordinates", ())) > 2]
    if not lines:
        return
    points = {(places[m.place].lat, places[m.place].lon) for m in mentions
              if places[m.place].kind in SETTLEMENTS and m.precision <= 2}
    for line in lines:
        course = line.geometry["coordinates"]
        near = sorted((p for p in (_project(lat, lon, course) for lat, lon in points)
                       if p[0] <= REACH_KM), key=lambda p: p[1])
        if not near:
            continue
        middle = near[(len(near) - 1) // 2: len(near) // 2 + 1]  # one, or the middle two
        lat = sum(p[2] for p in middle) / len(middle)
        lon = sum(p[3] for p in middle) / len(middle)
        places[line.id] = replace(line, lat=round(lat, 5), lon=round(lon, 5),
                                  source=f"{line.source}; placed on the reach the text names "
                                         f"places along ({len(near)} within {REACH_KM:.0f} km)")
