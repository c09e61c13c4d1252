"""Where things go: Web-Mercator pixels, distances, road lines, the first view, clicks.

Pure (no folium): :func:`map_center` frames the view and :func:`place_at` maps a click back
to a place, both from the same anchors the markers are drawn at."""

from __future__ import annotations

import itertools
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from atlas.map.model import _DEFAULT_CENTER, _MAP_PX, _is_off_map, _is_region
from atlas.view import View
from geo.records import Place


def world_px(lat: float, lon: float, zoom: float) -> tuple[float, float]:
    """Web-Mercator pixel position at ``zoom`` (what Leaflet draws), y growing southwards."""
    scale = 256.0 * 2.0**zoom
    lat = max(-85.0, min(85.0, lat))
    s = math.sin(math.radians(lat))
    y = 0.5 - math.log((1 + s) / (1 - s)) / (4 * math.pi)
    return (lon + 180.0) / 360.0 * scale, y * scale


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in km between two (lat, lon) points."""
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    h = (math.sin((la2 - la1) / 2) ** 2
         + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2)
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _line(place: Place) -> list[tuple[float, float]]:
    """A road's line as (lat, lon) points, [] when the place has no usable line geometry."""
    geometry = place.geometry or {}
    kind = geometry.get("type")
    coords: Iterable[Any] = ()
    if kind == "LineString":
        coords = geometry.get("coordinates") or ()
    elif kind == "MultiLineString":
        coords = [pt for part in geometry.get("coordinates") or () for pt in part]
    points = []
    for pt in coords:
        try:
            points.append((float(pt[1]), float(pt[0])))
        except (TypeError, ValueError, IndexError):
            continue
    return points if len(points) >= 2 else []


def _midpoint(points: Sequence[tuple[float, float]]) -> tuple[float, float]:
    """The point half-way along a line (by length), where its label marker sits."""
    lengths = [_km(a, b) for a, b in itertools.pairwise(points)]
    half = sum(lengths) / 2
    for (a, b), length in zip(itertools.pairwise(points), lengths, strict=True):
        if half <= length and length > 0:
            t = half / length
            return (round(a[0] + (b[0] - a[0]) * t, 6), round(a[1] + (b[1] - a[1]) * t, 6))
        half -= length
    return points[len(points) // 2]


def _segment_km(p: tuple[float, float], a: tuple[float, float], b: tuple[float, float]) -> float:
    """Distance in km from ``p`` to the segment a-b (flat approximation, fine below 100 km)."""
    k = math.cos(math.radians(p[0]))
    ax, ay, bx, by = (a[1] - p[1]) * k, a[0] - p[0], (b[1] - p[1]) * k, b[0] - p[0]
    dx, dy = bx - ax, by - ay
    t = 0.0 if dx == dy == 0 else max(0.0, min(1.0, -(ax * dx + ay * dy) / (dx * dx + dy * dy)))
    return math.hypot(ax + t * dx, ay + t * dy) * 111.2




def _anchor(place: Place) -> tuple[float, float]:
    """Where a place's clickable marker sits: a road's midpoint, else its point.

    :func:`place_layers` puts the marker here and :func:`place_at` looks here, so the two
    cannot drift apart.
    """
    if place.kind == "road":
        points = _line(place)
        if points:
            return _midpoint(points)
    return (place.lat, place.lon)




def _curve(a: Place, b: Place, bend: float, *, via: Place | None = None
           ) -> list[tuple[float, float]]:
    """A gentle arc from a to b (quadratic Bezier in Mercator), bent by ``bend`` x length,
    or, with ``via``, the arc whose midpoint is that place (control point 2W - (A+B)/2)."""
    x0, y0 = world_px(a.lat, a.lon, 0)
    x1, y1 = world_px(b.lat, b.lon, 0)
    if via is not None:
        wx, wy = world_px(via.lat, via.lon, 0)
        cx, cy = 2 * wx - (x0 + x1) / 2, 2 * wy - (y0 + y1) / 2
    else:
        cx, cy = (x0 + x1) / 2 - (y1 - y0) * bend, (y0 + y1) / 2 + (x1 - x0) * bend
    points = []
    for i in range(17):
        t = i / 16
        x = (1 - t) ** 2 * x0 + 2 * (1 - t) * t * cx + t**2 * x1
        y = (1 - t) ** 2 * y0 + 2 * (1 - t) * t * cy + t**2 * y1
        lon = x / 256 * 360 - 180
        lat = math.degrees(math.atan(math.sinh(math.pi * (1 - 2 * y / 256))))
        points.append((round(lat, 5), round(lon, 5)))
    points[0], points[-1] = (a.lat, a.lon), (b.lat, b.lon)
    return points


def _bearing(points: list[tuple[float, float]]) -> float:
    """Screen bearing of the last segment, degrees clockwise from up (CSS rotate)."""
    (la0, lo0), (la1, lo1) = points[-2], points[-1]
    x0, y0 = world_px(la0, lo0, 10)
    x1, y1 = world_px(la1, lo1, 10)
    return math.degrees(math.atan2(x1 - x0, -(y1 - y0))) % 360






def off_map_places(view: View) -> list[Place]:
    """Visible places that are not drawn: countries and continent-sized regions.

    Why not drawn: a country dot at its centroid (Syria's is in the desert south of Raqqa)
    would read as a place on the front, and a 150 km wash over it says nothing the border
    lines do not; the reader still sees them named in the legend and the panel, with counts.
    """
    return [p for p in view.places if _is_off_map(p)]


def map_center(view: View, *, size: tuple[int, int] = _MAP_PX) -> tuple[tuple[float, float], int]:
    """The centre ``(lat, lon)`` and zoom that frame where the thread's fighting is.

    The frame is the 10th to 90th weighted percentile of the drawn places' latitudes and
    longitudes, each place weighted by mentions plus claims: one mention of Germany, Yemen
    or Fallujah does not pull the view off Aleppo and Raqqa, and countries are left out
    altogether.  ``size`` is the map's size in px.  Call it on the *unfiltered* view and
    keep it for the thread: a base map whose centre changes is a new map to st_folium, which
    then rebuilds it (a flash, and the reader's pan and zoom are lost).
    """
    claims = Counter(p for c in view.claims for p in {*c.places, c.origin, c.destination} if p)
    points = [(p.lat, p.lon, view.counts.get(p.id, 0) + claims.get(p.id, 0) or 1)
              for p in view.places if not _is_off_map(p)]
    if not points:
        points = [(p.lat, p.lon, 1) for p in view.places]
    if not points:
        return _DEFAULT_CENTER, 6

    def spread(values: list[tuple[float, int]]) -> tuple[float, float]:
        values.sort()
        total = sum(w for _, w in values)
        low = high = values[0][0]
        seen = 0.0
        for value, weight in values:
            if seen <= 0.1 * total:
                low = value
            if seen < 0.9 * total:
                high = value
            seen += weight
        return low, high

    south, north = spread([(lat, w) for lat, _, w in points])
    west, east = spread([(lon, w) for _, lon, w in points])
    center = (round((south + north) / 2, 4), round((west + east) / 2, 4))
    width, height = size
    zoom = 9
    while zoom > 3:
        x0, y0 = world_px(north, west, zoom)
        x1, y1 = world_px(south, east, zoom)
        # the core must fit in 60 % of the map, leaving room for labels and the rest
        if x1 - x0 <= 0.6 * width and y1 - y0 <= 0.6 * height:
            break
        zoom -= 1
    return center, zoom


def place_at(view: View, lat: float, lng: float, *, tolerance_km: float = 1.0) -> str | None:
    """The id of the place drawn at ``(lat, lng)``: st_folium's ``last_object_clicked``.

    Leaflet reports a click on a marker at the marker's own position, so an exact match on a
    marker's anchor (its point; a road's midpoint; a region's centre) comes first, then the
    nearest anchor within ``tolerance_km``.  A click on a vector shape is reported where the
    mouse was: so a point within ``tolerance_km`` (at least 3 km) of a road's line is that
    road, one near a region's dashed outline is that region, and one inside a region's
    circle is the smallest such region.  Countries are not drawn and never returned.
    """
    point = (float(lat), float(lng))
    drawn = [p for p in view.places if not _is_off_map(p)]
    best: tuple[float, str] | None = None
    for place in drawn:
        anchor = _anchor(place)
        if abs(anchor[0] - point[0]) < 1e-6 and abs(anchor[1] - point[1]) < 1e-6:
            return place.id
        distance = _km(anchor, point)
        if distance <= tolerance_km and (best is None or distance < best[0]):
            best = (distance, place.id)
    if best is not None:
        return best[1]
    line_tolerance = max(3.0, tolerance_km)
    for place in drawn:
        points = _line(place) if place.kind == "road" else []
        if any(_segment_km(point, a, b) <= line_tolerance
               for a, b in itertools.pairwise(points)):
            return place.id
    regions = sorted((p for p in drawn if _is_region(p)), key=lambda p: p.extent_km)
    for place in regions:
        distance = _km((place.lat, place.lon), point)
        if abs(distance - place.extent_km) <= max(line_tolerance, 0.05 * place.extent_km):
            return place.id
    for place in regions:
        if _km((place.lat, place.lon), point) <= place.extent_km:
            return place.id
    return None
