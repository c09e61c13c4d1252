"""Control areas and front lines from a control state: pure geometry (shapely 2), no drawing.

Each held place gets a cell: its Voronoi cell (the ground nearer to it than to any other held
place), clipped to the country outline it lies in (``data/countries.geojson``) and to a reach
of ``reach_km`` around it, so that empty desert between far-apart towns stays blank.  The
cells of one side merge into its area.  A front line is the shared edge of two neighbouring
cells (neighbours: the Delaunay edges between their places) held by different sides, within
both reaches; each line carries the two places, so the claims behind it are one step away,
and an offset copy on each side in that side's colour shows which side faces which way.

Contested cells (attacked, besieged or disputed) get hatching lines, besieged places a ring,
and places a predicted or speculative claim would give to another side the outline of their
cell (drawn dashed).  Work is done in a local equirectangular plane in kilometres (accurate
to well under 1 % over a few hundred km) and returned in longitude/latitude.
"""

from __future__ import annotations

import json
import math
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
import shapely
from shapely.geometry import LineString, MultiLineString, Point, box, mapping
from shapely.geometry.base import BaseGeometry

from geo.control import Change, ControlState, PlaceControl
from geo.paths import BASEMAP_PATH

__all__ = [
    "DEFAULT_REACH_KM",
    "Area",
    "ControlGeometry",
    "FrontSegment",
    "Marked",
    "control_geometry",
    "to_features",
]

COUNTRIES_PATH = BASEMAP_PATH
DEFAULT_REACH_KM = 25.0
KM_PER_DEGREE = 111.32
FACING_OFFSET_KM = 1.2  # how far each side's coloured edge sits from the line
HATCH_SPACING_KM = 3.0
SIEGE_RING_KM = 6.0
MIN_FRONT_KM = 1.0  # shorter shared edges are corners, not fronts


@dataclass(frozen=True, slots=True)
class Area:
    """One side's merged cells."""

    side: str
    geometry: BaseGeometry
    keys: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class FrontSegment:
    """The edge between two cells held by different sides, with each side's facing edge."""

    sides: tuple[str, str]
    keys: tuple[str, str]
    geometry: BaseGeometry
    facing: tuple[BaseGeometry, BaseGeometry]  # offset toward keys[0], toward keys[1]


@dataclass(frozen=True, slots=True)
class Marked:
    """A cell-bound mark: hatching of a contested cell, a siege ring, a predicted outline or
    a change between two moments; ``sides`` are the sides it is about."""

    kind: str  # "contested" | "siege" | "predicted" | "changed"
    key: str
    sides: tuple[str, ...]
    geometry: BaseGeometry
    claim_ids: tuple[str, ...] = ()


@dataclass(slots=True)
class ControlGeometry:
    as_of: str | None
    cells: dict[str, BaseGeometry] = field(default_factory=dict)
    areas: list[Area] = field(default_factory=list)
    fronts: list[FrontSegment] = field(default_factory=list)
    marks: list[Marked] = field(default_factory=list)


# --- the plane ---------------------------------------------------------------------------


class _Plane:
    """Longitude/latitude <-> kilometres around a reference latitude."""

    def __init__(self, lat0: float) -> None:
        self.kx = KM_PER_DEGREE * math.cos(math.radians(lat0))

    def to_km(self, geometry):
        return shapely.transform(geometry, lambda xy: xy * (self.kx, KM_PER_DEGREE))

    def line_degrees(self, geometry):
        """Lines back to degrees (lines need no repair)."""
        return shapely.transform(geometry, lambda xy: xy / (self.kx, KM_PER_DEGREE))

    def to_degrees(self, geometry):
        # scaling can fold parts that touched at a point onto each other: make valid again
        return shapely.make_valid(
            shapely.transform(geometry, lambda xy: xy / (self.kx, KM_PER_DEGREE)))


def _polygonal(geometry: BaseGeometry) -> BaseGeometry:
    """Only the polygons of ``geometry`` (making valid can leave slivers as lines)."""
    if geometry.geom_type in ("Polygon", "MultiPolygon"):
        return geometry
    parts = [g for g in shapely.get_parts(geometry) if g.geom_type in ("Polygon", "MultiPolygon")]
    return shapely.union_all(parts) if parts else shapely.Polygon()


def _side_union(cells: np.ndarray) -> BaseGeometry:
    """One side's cells merged: a coverage union, or a general one where GEOS finds the
    coverage not clean (cells clipped by the border may not meet exactly)."""
    try:
        return _polygonal(shapely.make_valid(shapely.coverage_union_all(cells)))
    except shapely.errors.GEOSException:
        return _polygonal(shapely.make_valid(shapely.union_all(cells)))


@lru_cache(maxsize=2)
def _countries(path: str = str(COUNTRIES_PATH)) -> tuple[np.ndarray, shapely.STRtree]:
    with Path(path).open(encoding="utf-8") as handle:
        features = json.load(handle)["features"]
    shapes = np.array([shapely.make_valid(shapely.geometry.shape(f["geometry"]))
                       for f in features], dtype=object)
    return shapes, shapely.STRtree(shapes)


def _outline(points_deg: np.ndarray, plane: _Plane) -> BaseGeometry | None:
    """The union of the countries that hold any of the points, in km (None: no country)."""
    _, tree = _countries()
    hits = np.unique(tree.query(shapely.points(points_deg), predicate="within")[1])
    if hits.size == 0:
        return None
    return _cached_outline(tuple(int(i) for i in hits), round(plane.kx, 6))


@lru_cache(maxsize=8)
def _cached_outline(indices: tuple[int, ...], kx: float) -> BaseGeometry:
    shapes, _ = _countries()
    union = shapely.union_all(shapes[list(indices)])
    outline = shapely.transform(union, lambda xy: xy * (kx, KM_PER_DEGREE))
    shapely.prepare(outline)
    return outline


# --- cells, areas, fronts ------------------------------------------------------------------


def _unique_points(held: Sequence[PlaceControl]) -> tuple[list[PlaceControl], np.ndarray]:
    """One place per coordinate (two parts of a city at one point would give no cell)."""
    seen: dict[tuple[float, float], int] = {}
    kept: list[PlaceControl] = []
    for place in held:
        spot = (round(place.lon, 4), round(place.lat, 4))
        if spot not in seen:
            seen[spot] = len(kept)
            kept.append(place)
    return kept, np.array([(p.lon, p.lat) for p in kept], dtype=float).reshape(-1, 2)


def _cells_km(points_km: np.ndarray, reach_km: float, outline: BaseGeometry | None
              ) -> tuple[np.ndarray, np.ndarray]:
    """(clipped cells, unclipped Voronoi cells) in km, one per point, in point order."""
    pts = shapely.points(points_km)
    if len(points_km) == 1:
        voronoi = np.array([shapely.buffer(pts[0], reach_km * 4)], dtype=object)
    else:
        lo, hi = points_km.min(axis=0) - reach_km * 4, points_km.max(axis=0) + reach_km * 4
        frame = box(lo[0], lo[1], hi[0], hi[1])
        collection = shapely.voronoi_polygons(shapely.multipoints(points_km), extend_to=frame,
                                              ordered=True)
        voronoi = np.asarray(shapely.get_parts(collection), dtype=object)
    cells = shapely.intersection(voronoi, shapely.buffer(pts, reach_km, quad_segs=6))
    if outline is not None:
        # most cells lie well inside the country: clip only those that cross its border, each
        # against the piece of the outline under it (cheaper than the whole outline)
        crossing = np.flatnonzero(~shapely.contains_properly(outline, cells))
        for i in crossing:
            piece = shapely.make_valid(shapely.clip_by_rect(outline, *cells[i].bounds))
            cells[i] = shapely.make_valid(shapely.intersection(cells[i], piece))
    return cells, voronoi


_CELLS: OrderedDict[tuple, tuple[np.ndarray, np.ndarray, list[tuple[int, int]]]] = OrderedDict()
_KEEP_CELLS = 8


def _cells_cached(points: np.ndarray, points_km: np.ndarray, plane: _Plane, reach_km: float
                  ) -> tuple[np.ndarray, np.ndarray, list[tuple[int, int]]]:
    """:func:`_cells_km`, remembered per set of held points: a slider step that changes who
    holds a place, not which places are held, reuses the cells (only unions and fronts redo)."""
    key = (points.tobytes(), reach_km)
    if key in _CELLS:
        _CELLS.move_to_end(key)
        return _CELLS[key]
    found = (*_cells_km(points_km, reach_km, _outline(points, plane)), _neighbours(points_km))
    _CELLS[key] = found
    while len(_CELLS) > _KEEP_CELLS:
        _CELLS.popitem(last=False)
    return found


def _neighbours(points_km: np.ndarray) -> list[tuple[int, int]]:
    """Pairs of points whose Voronoi cells may touch: the Delaunay edges."""
    if len(points_km) < 2:
        return []
    if len(points_km) == 2:
        return [(0, 1)]
    edges = shapely.delaunay_triangles(shapely.multipoints(points_km), only_edges=True)
    index = {xy: i for i, xy in enumerate(map(tuple, points_km.tolist()))}
    ends = [index.get(tuple(xy)) for xy in shapely.get_coordinates(edges).tolist()]
    pairs = set()
    for a, b in zip(ends[0::2], ends[1::2], strict=True):  # each edge is a two-point line
        if a is not None and b is not None and a != b:
            pairs.add((min(a, b), max(a, b)))
    return sorted(pairs)


def _fronts_km(kept: list[PlaceControl], neighbours: list[tuple[int, int]], voronoi: np.ndarray,
               cells: np.ndarray) -> list[tuple[int, int, BaseGeometry]]:
    """(a, b, shared edge in km) for neighbouring cells of different sides."""
    pairs = [(a, b) for a, b in neighbours if kept[a].holder != kept[b].holder]
    if not pairs:
        return []
    ia, ib = np.array([p[0] for p in pairs]), np.array([p[1] for p in pairs])
    # the unclipped cells share their edge vertex for vertex; clip the edge afterwards
    shared = shapely.intersection(shapely.boundary(voronoi[ia]), shapely.boundary(voronoi[ib]))
    clipped = shapely.intersection(shapely.intersection(shared, shapely.buffer(cells[ia], 1e-6)),
                                   shapely.buffer(cells[ib], 1e-6))
    keep = shapely.length(clipped) >= MIN_FRONT_KM
    out = []
    for a, b, line in zip(ia[keep], ib[keep], clipped[keep], strict=True):
        if line.geom_type != "LineString":  # pieces (and stray points): one merged line
            parts = [g for g in shapely.get_parts(line) if g.geom_type == "LineString"]
            line = shapely.line_merge(shapely.union_all(parts))
        out.append((int(a), int(b), line))
    return out


def _facing(lines: np.ndarray, toward: np.ndarray) -> np.ndarray:
    """Each line moved ``FACING_OFFSET_KM`` toward its point in ``toward`` (one per line)."""
    if len(lines) == 0:
        return lines
    left = shapely.offset_curve(lines, FACING_OFFSET_KM)
    right = shapely.offset_curve(lines, -FACING_OFFSET_KM)
    targets = shapely.points(toward.reshape(-1, 2))
    nearer_left = shapely.distance(left, targets) <= shapely.distance(right, targets)
    return np.where(nearer_left, left, right)


def _hatch(cell: BaseGeometry) -> BaseGeometry:
    """Diagonal lines across ``cell``, ``HATCH_SPACING_KM`` apart (a fill Leaflet can draw)."""
    x0, y0, x1, y1 = cell.bounds
    span = (x1 - x0) + (y1 - y0)
    lines = [((x0 + t, y0), (x0 + t - span, y0 + span))
             for t in np.arange(0.0, 2 * span, HATCH_SPACING_KM)]
    return shapely.intersection(MultiLineString(lines), cell)


def _marks(kept: list[PlaceControl], cells: np.ndarray, points_km: np.ndarray,
           state: ControlState, hidden: set[str]) -> list[Marked]:
    index = {p.key: i for i, p in enumerate(kept)}
    marks: list[Marked] = []
    for place in state.places.values():
        i = index.get(place.key)
        cell = cells[i] if i is not None else None
        ids = tuple(place.claim_ids())
        if place.contested and cell is not None and not cell.is_empty:
            sides = tuple(dict.fromkeys(s for s in (*place.attackers, *place.besiegers)
                                        if s not in hidden))
            marks.append(Marked("contested", place.key, sides or (place.holder or "",),
                                _hatch(cell), ids))
        if place.besiegers and i is not None:
            ring = LineString(Point(points_km[i]).buffer(SIEGE_RING_KM, quad_segs=16).exterior)
            marks.append(Marked("siege", place.key, tuple(place.besiegers), ring, ids))
        for side in dict.fromkeys(s for s, _ in place.predicted):
            if side == place.holder or side in hidden or cell is None or cell.is_empty:
                continue
            which = tuple(c for s, c in place.predicted if s == side)
            marks.append(Marked("predicted", place.key, (side,), cell.boundary, which))
    return marks


def control_geometry(state: ControlState, *, hidden_sides: Iterable[str] = (),
                     reach_km: float = DEFAULT_REACH_KM,
                     changes: Sequence[Change] = ()) -> ControlGeometry:
    """Cells, areas per side, front lines and marks for ``state`` (see the module doc).

    ``hidden_sides`` are left out (their places hold no cell, and draw no line); ``changes``
    (from :func:`geo.control.diff_states`) add a "changed" mark on each cell that changed hands.
    """
    hidden = set(hidden_sides)
    result = ControlGeometry(as_of=state.as_of)
    kept, points = _unique_points(state.held(hidden))
    if not kept:
        return result
    plane = _Plane(float(points[:, 1].mean()))
    points_km = points * (plane.kx, KM_PER_DEGREE)
    cells, voronoi, neighbours = _cells_cached(points, points_km, plane, reach_km)
    sides = np.array([p.holder for p in kept], dtype=object)
    for side in dict.fromkeys(sides):
        mask = sides == side
        # the cells tile the plane without overlap (a Voronoi coverage): a coverage union is
        # ten times faster than a general one; making it valid drops the hairline slivers
        union = _side_union(cells[mask])
        if not union.is_empty:
            result.areas.append(Area(side, _polygonal(plane.to_degrees(union)),
                                     tuple(p.key for p, m in zip(kept, mask, strict=True) if m)))
    fronts = _fronts_km(kept, neighbours, voronoi, cells)
    lines = np.array([line for _, _, line in fronts], dtype=object)
    toward_a = _facing(lines, points_km[[a for a, _, _ in fronts]])
    toward_b = _facing(lines, points_km[[b for _, b, _ in fronts]])
    lines, toward_a, toward_b = (plane.line_degrees(x) for x in (lines, toward_a, toward_b))
    for n, (a, b, _) in enumerate(fronts):
        result.fronts.append(FrontSegment((kept[a].holder or "", kept[b].holder or ""),
                                          (kept[a].key, kept[b].key), lines[n],
                                          (toward_a[n], toward_b[n])))
    for mark in _marks(kept, cells, points_km, state, hidden):
        result.marks.append(Marked(mark.kind, mark.key, mark.sides,
                                   plane.to_degrees(mark.geometry), mark.claim_ids))
    index = {p.key: i for i, p in enumerate(kept)}
    for change in changes:
        if change.key in index:
            cell = cells[index[change.key]]
            result.marks.append(Marked("changed", change.key,
                                       tuple(s or "nobody" for s in (change.before, change.after)),
                                       _polygonal(plane.to_degrees(cell)), change.claim_ids))
    in_degrees = plane.to_degrees(cells)
    result.cells = {p.key: _polygonal(in_degrees[i]) for i, p in enumerate(kept)}
    return result


# --- GeoJSON -----------------------------------------------------------------------------


def _rounded(geometry: BaseGeometry) -> dict:
    """GeoJSON of ``geometry`` on a 1e-5 degree grid (about a metre), kept valid."""
    return mapping(shapely.make_valid(shapely.set_precision(geometry, 1e-5)))


def to_features(geometry: ControlGeometry, state: ControlState) -> list[dict]:
    """GeoJSON features: areas, front lines and marks, each with its sides, as-of time,
    claim ids and reference row ids (what ``python -m geo extract --format geojson`` adds)."""
    def provenance(keys: Iterable[str]) -> dict[str, list[str]]:
        places = [state.places[k] for k in keys if k in state.places]
        return {"places": [p.name for p in places],
                "claims": sorted({i for p in places for i in p.claim_ids()}),
                "reference": sorted({i for p in places for i in p.reference_ids()})}

    features = []
    for area in geometry.areas:
        features.append({"type": "Feature", "geometry": _rounded(area.geometry), "properties": {
            "layer": "control-area", "name": f"{area.side} control area", "sides": [area.side],
            "as_of": geometry.as_of,
            **provenance(area.keys)}})
    for front in geometry.fronts:
        features.append({"type": "Feature", "geometry": _rounded(front.geometry), "properties": {
            "layer": "front-line", "name": "front line: " + " | ".join(front.sides),
            "sides": list(front.sides), "as_of": geometry.as_of,
            **provenance(front.keys)}})
    for mark in geometry.marks:
        features.append({"type": "Feature", "geometry": _rounded(mark.geometry), "properties": {
            "layer": mark.kind, "name": f"{mark.kind}: {state.places[mark.key].name}"
            if mark.key in state.places else mark.kind, "sides": list(mark.sides),
            "as_of": geometry.as_of,
            **provenance([mark.key])}})
    return [f for f in features if f["geometry"]["type"] != "GeometryCollection"
            or f["geometry"].get("geometries")]
