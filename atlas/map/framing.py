"""What the first view of the map frames: the box the browser fits, and what it leaves out.

Apart from atlas/map/geometry.py because it reads the map's plan (atlas/map/plan.py), which
itself uses the geometry: so the edges run one way, geometry → plan → framing.
"""

from __future__ import annotations

import math
from typing import Any

from atlas.map.geometry import _line
from atlas.map.model import _is_region
from atlas.map.plan import _plan
from atlas.view import View
from geo.records import Place

__all__ = ["fit_bounds", "outside_first_view"]


def _framed(view: View) -> tuple[list[Any], list[Any]]:
    """The pins the first view frames, and the drawn pins it may leave outside.

    Framed: every place a claim is about or the thread names twice or more, and every
    movement arrow.  A place named once in passing, with no claim ("Crimea", "Fallujah" in
    a thread about Aleppo), is drawn but does not pull the first view out until the front
    is a few pixels wide; the page says which places that leaves outside.  Only a few are
    left out so (under a quarter of the drawn places): where most places are named once
    (an archive of short threads), they are what the map is about, and all are framed.
    """
    plan = _plan(view, any_selection=True)
    ends = {p.id for a in plan.arrows for p in (a.origin, a.destination, a.via) if p}
    core = [pin for pin in plan.pins
            if pin.claims or pin.mentions >= 2 or pin.place.id in ends]
    rest = [pin for pin in plan.pins if pin not in core]
    if not core or len(rest) * 4 >= len(plan.pins):
        return plan.pins, []
    return core, rest


def fit_bounds(view: View) -> list[list[float]] | None:
    """``[[south, west], [north, east]]`` around what the first view of ``view`` shows.

    The framed places (:func:`_framed`): each one's anchor, a region's whole circle, a
    road's whole line, and every point of every movement arrow (so a bend through a
    waypoint such as Hatay stays on screen).  The browser fits the map to this box at its
    real size (``fitBounds``), so the first view shows all of it on any screen.  ``None``
    when nothing is drawn.
    """
    core, _ = _framed(view)
    plan = _plan(view, any_selection=True)
    lats: list[float] = []
    lons: list[float] = []
    for pin in core:
        lat, lon = pin.anchor
        reach = pin.place.extent_km if _is_region(pin.place) else 0.0
        dlat = reach / 111.2
        dlon = reach / max(1e-6, 111.2 * math.cos(math.radians(lat)))
        lats += [lat - dlat, lat + dlat]
        lons += [lon - dlon, lon + dlon]
        for point in _line(pin.place) if pin.place.kind == "road" else ():
            lats.append(point[0])
            lons.append(point[1])
    for arrow in plan.arrows:
        for lat, lon in arrow.points:
            lats.append(lat)
            lons.append(lon)
    if not lats:
        return None
    south, north = max(-85.0, min(lats)), min(85.0, max(lats))
    west, east = max(-180.0, min(lons)), min(180.0, max(lons))
    # rounded outwards, so that the box still holds every point it was made from
    return [[math.floor(south * 1e4) / 1e4, math.floor(west * 1e4) / 1e4],
            [math.ceil(north * 1e4) / 1e4, math.ceil(east * 1e4) / 1e4]]


def outside_first_view(view: View) -> list[Place]:
    """Drawn places outside the box of :func:`fit_bounds` (see :func:`_framed`), by name."""
    _, rest = _framed(view)
    box = fit_bounds(view)
    if box is None:
        return []
    (south, west), (north, east) = box
    return sorted((pin.place for pin in rest
                   if not (south <= pin.anchor[0] <= north and west <= pin.anchor[1] <= east)),
                  key=lambda p: p.name)
