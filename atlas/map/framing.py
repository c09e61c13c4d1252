"""What the first view of the map frames: the box the browser fits, and what it leaves out.

Apart from atlas/map/geometry.py because it reads the map's plan (atlas/map/plan.py), which
itself uses the geometry: so the edges run one way, geometry → plan → framing.
"""

from __future__ import annotations

import math
from typing import Any

from atlas.map.geometry import _km, _line, world_px
from atlas.map.model import _is_region
from atlas.map.plan import _plan
from atlas.view import View
from geo.records import Place

__all__ = ["fit_bounds", "outside_first_view"]


#: A place named once is left out of the first view only when framing it would cost the
#: rest more than this many zoom levels (half a level: everything else drawn at under 70%
#: of its size).  In the seed thread about Aleppo, "Crimea" and "Fallujah" do (with them the
#: front shrank to a 20 px knot on a phone, where no click found its place); Damascus does
#: not.  Claimed places, places named twice and arrows are always framed.
FAR_ZOOMS = 0.5
#: The map's size on a phone (390x844 screen; tests/test_map_first_browser.py), the smallest
#: first view the page draws: where an outlier costs the rest most (its width binds).
PHONE_MAP_PX = (358, 560)


def _fit_zoom(points: list[tuple[float, float]]) -> float:
    """The (fractional) zoom at which ``points`` just fit a phone's map."""
    xs, ys = zip(*(world_px(lat, lon, 0) for lat, lon in points), strict=True)
    width, height = PHONE_MAP_PX
    return math.log2(min(width / max(max(xs) - min(xs), 1e-6),
                         height / max(max(ys) - min(ys), 1e-6)))


def _framed(view: View) -> tuple[list[Any], list[Any]]:
    """The pins the first view frames, and the drawn pins it leaves outside (far off).

    Everything drawn is framed (every place, every arrow with its bend), except a place
    the thread names once, with no claim and no arrow, whose framing would cost what is
    framed already more than :data:`FAR_ZOOMS` of a zoom level on a phone's map (the
    nearest such place weighed first, each against what was framed before it).  The map
    names those ("far off, named once: Crimea") under the legend, which is always in sight.
    Where they would be a quarter of the drawn places or more (an archive of short
    threads), they are what the map is about and all are framed.
    """
    plan = _plan(view, any_selection=True)
    ends = {p.id for a in plan.arrows for p in (a.origin, a.destination, a.via) if p}
    loose = [pin for pin in plan.pins
             if not pin.claims and pin.mentions < 2 and pin.place.id not in ends]
    framed = [pin.anchor for pin in plan.pins if pin not in loose]
    framed += [point for arrow in plan.arrows for point in arrow.points]
    if not framed:
        return plan.pins, []
    centre = (sum(p[0] for p in framed) / len(framed), sum(p[1] for p in framed) / len(framed))
    far: list[Any] = []
    for pin in sorted(loose, key=lambda p: _km(p.anchor, centre)):  # the nearest first
        if _fit_zoom(framed) - _fit_zoom([*framed, pin.anchor]) > FAR_ZOOMS:
            far.append(pin)
        else:
            framed.append(pin.anchor)
    if len(far) * 4 >= len(plan.pins):
        return plan.pins, []
    return [pin for pin in plan.pins if pin not in far], far


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
    """Drawn places the first view leaves out, far off (see :func:`_framed`), by name."""
    _, rest = _framed(view)
    box = fit_bounds(view)
    if box is None:
        return []
    (south, west), (north, east) = box
    return sorted((pin.place for pin in rest
                   if not (south <= pin.anchor[0] <= north and west <= pin.anchor[1] <= east)),
                  key=lambda p: p.name)
