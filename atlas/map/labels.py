"""Where each place's name goes, zoom by zoom, so that no two labels overlap."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

from atlas.map.basemap import MAX_ZOOM, MIN_ZOOM
from atlas.map.declutter import boxes_overlap
from atlas.map.geometry import world_px
from atlas.map.model import _CLUSTER_PX, _LABEL_PLACES, _LABEL_ZOOMS, _OPEN, _UNCLUSTER_ZOOM, _Pin
from atlas.map.symbols import BADGE_PX, _badges, _label_rect


class _Grid:
    """Rectangles bucketed in 64 px cells, so a label checks only its neighbours."""

    CELL = 64.0

    def __init__(self) -> None:
        self.cells: dict[tuple[int, int], list[tuple[tuple[float, ...], float, int]]] = {}

    def _keys(self, rect: tuple[float, ...]) -> Iterable[tuple[int, int]]:
        for cx in range(int(rect[0] // self.CELL), int(rect[2] // self.CELL) + 1):
            for cy in range(int(rect[1] // self.CELL), int(rect[3] // self.CELL) + 1):
                yield cx, cy

    def add(self, rect: tuple[float, ...], weight: float = math.inf, owner: int = 0) -> None:
        for key in self._keys(rect):
            self.cells.setdefault(key, []).append((rect, weight, owner))

    def hits(self, rect: tuple[float, ...], *, owner: int, ignore_below: float = -1.0) -> bool:
        """Whether ``rect`` overlaps something not ``owner``'s and weighing ``ignore_below``+."""
        return any(who != owner and weight >= ignore_below and boxes_overlap(rect, other)
                   for key in self._keys(rect) for other, weight, who in self.cells.get(key, ()))


def _clusterable(pin: _Pin, selected: str | None) -> bool:
    """Whether a clustered view puts ``pin`` into the cluster (roads, regions and the
    selected place stay on their own)."""
    return pin.place.id != selected and pin.place.kind not in ("road", "region")




def _cluster_levels(pins: Sequence[_Pin]) -> tuple[dict[int, int], dict[int, list[tuple]]]:
    """Where Leaflet.markercluster will gather ``pins`` (added in this order), zoom by zoom.

    Returns, for each pin (by ``id``) that a cluster takes in, the highest zoom at which it
    is inside a cluster (it is drawn on its own above that zoom), and for each zoom the
    clusters' grid positions in px.  A replay of the plugin's ``_addLayer``: from the map's
    highest zoom down, a marker joins the nearest cluster within ``maxClusterRadius``, else
    pairs with the nearest lone marker within it (a new cluster at that marker's position,
    and one at each zoom down to where that marker was kept before), else stays alone.  Why:
    so labels are placed for the markers that will be drawn, around the cluster symbols.
    """
    zooms = range(MAX_ZOOM, MIN_ZOOM - 1, -1)
    reach = _CLUSTER_PX * _CLUSTER_PX
    clusters: dict[int, dict[tuple[int, int], list[tuple[float, float]]]] = {z: {} for z in zooms}
    alone: dict[int, dict[tuple[int, int], dict[int, tuple[float, float]]]] = {
        z: {} for z in zooms}
    levels: dict[int, int] = {}
    kept_at: dict[int, int] = {}  # pin -> zoom of the cluster it was put in (MIN_ZOOM - 1: top)
    positions: dict[int, list[tuple]] = {z: [] for z in zooms}
    by_id = {id(pin): pin for pin in pins}

    def cell(xy: tuple[float, float]) -> tuple[int, int]:
        return int(xy[0] // _CLUSTER_PX), int(xy[1] // _CLUSTER_PX)

    def near(grid: dict, xy: tuple[float, float]) -> object | None:
        cx, cy = cell(xy)
        best, best_d = None, reach
        for key in ((cx + dx, cy + dy) for dx in (-1, 0, 1) for dy in (-1, 0, 1)):
            items = grid.get(key, ())
            for item in (items.items() if isinstance(items, dict) else enumerate(items)):
                where = item[1]
                d = (where[0] - xy[0]) ** 2 + (where[1] - xy[1]) ** 2
                if d <= best_d:
                    best, best_d = item[0], d
        return best

    def add_cluster(zoom: int, xy: tuple[float, float]) -> None:
        clusters[zoom].setdefault(cell(xy), []).append(xy)
        positions[zoom].append(xy)

    for pin in pins:
        me = id(pin)
        kept_at[me] = MIN_ZOOM - 1
        for zoom in zooms:
            xy = world_px(*pin.anchor, zoom)
            if near(clusters[zoom], xy) is not None:
                levels[me], kept_at[me] = zoom, zoom
                break
            other = near(alone[zoom], xy)
            if other is not None:
                levels[me] = levels[other] = zoom
                for z in range(zoom, kept_at[other], -1):  # the new cluster and its parents
                    at = world_px(*by_id[other].anchor, z)
                    add_cluster(z, at)
                    alone[z].get(cell(at), {}).pop(other, None)
                kept_at[me] = kept_at[other] = zoom
                break
            alone[zoom].setdefault(cell(xy), {})[me] = xy
    return levels, positions


def _place_labels(pins: list[_Pin], selected: str | None,
                  heads: Sequence[tuple[_Pin | None, float]] = (), *,
                  clusterable: Sequence[_Pin] = ()) -> None:
    """Choose, for every zoom level, where each label goes, or that it is not shown.

    At each zoom the labels are placed greedily, most-mentioned places first: right of the
    marker, else left, above or below it, wherever it overlaps no marker, no arrowhead and
    no label placed before it.  A well-mentioned place whose label fits nowhere may cover a
    marker of a place mentioned under a quarter as often (at low zoom, "Aleppo" matters more
    than the village under it), and as a last resort the marker of any place mentioned less
    often; labels never overlap each other.  The result is a few runs
    of zoom levels per label; the browser shows the run matching the current zoom (CSS
    classes per zoom, kept by a small script).  The selected place's label is always shown.

    ``clusterable``: in a clustered view, the pins that go into the cluster; below the zoom
    where clustering stops, those a cluster gathers get no label and the cluster symbol near
    them counts as a marker (see :func:`_cluster_levels`).
    """
    order = sorted(pins, key=lambda p: (p.place.id != selected, -p.mentions,
                                        -len(p.claims), p.label))
    chosen: dict[int, list[str | None]] = {id(p): [] for p in pins}
    levels, symbols = _cluster_levels(clusterable) if clusterable else ({}, {})
    for zoom in _LABEL_ZOOMS:
        px = {id(p): world_px(*p.anchor, zoom) for p in pins}
        hidden: set[int] = set()
        if zoom < _UNCLUSTER_ZOOM:
            hidden = {pin for pin, level in levels.items() if zoom <= level}
        clustered = symbols.get(zoom, ()) if zoom < _UNCLUSTER_ZOOM else ()
        grid = _obstacles(pins, px, hidden, clustered, heads)
        for p in order:
            if id(p) in hidden:
                chosen[id(p)].append(None)
                continue
            before = chosen[id(p)][-1] if chosen[id(p)] else None
            choice = _choose(p, grid, px[id(p)], before)
            if choice is None and p.place.id == selected:
                choice = "right"
            if choice:
                grid.add(_label_rect(p, px[id(p)], choice), owner=id(p))
            chosen[id(p)].append(choice)
    for p in pins:
        p.label_runs = _runs(chosen[id(p)], selected=p.place.id == selected)


def _obstacles(pins: Sequence[_Pin], px: dict[int, tuple[float, float]], hidden: set[int],
               cluster_symbols: Sequence[tuple[float, float]],
               heads: Sequence[tuple[_Pin | None, float]]) -> _Grid:
    """What a label must not cover at one zoom: cluster symbols, markers and their badges
    (weighed by their place's mentions), arrowheads."""
    grid = _Grid()
    for x, y in cluster_symbols:  # a cluster symbol is at most ~56 px wide
        grid.add((x - 24, y - 24, x + 24, y + 24))
    for p in pins:
        if id(p) in hidden:
            continue
        x, y = px[id(p)]
        half = p.size / 2
        grid.add((x - half, y - half, x + half, y + half), p.mentions, id(p))
        for *_, left, top in _badges(p):
            grid.add((x + left, y + top, x + left + BADGE_PX, y + top + BADGE_PX),
                     p.mentions, id(p))
    for target, bearing in heads:
        if target is not None:
            x, y = px[id(target)]
            reach = target.size / 2 + 8
            hx = x - math.sin(math.radians(bearing)) * reach
            hy = y + math.cos(math.radians(bearing)) * reach
            grid.add((hx - 8, hy - 8, hx + 8, hy + 8))
    return grid


def _choose(p: _Pin, grid: _Grid, xy: tuple[float, float], before: str | None) -> str | None:
    """Where ``p``'s label goes at one zoom, or None: right of the marker reads best, else
    the place it had one zoom out, else left, above or below."""
    # a place named often may, as a last resort, cover the markers of places named less
    # often (on a phone's low zoom "Aleppo" otherwise finds no room at all)
    limits = (-1.0, p.mentions / 4, p.mentions - 0.5) if p.mentions >= 4 else (-1.0,)
    places = dict.fromkeys(("right", before, *_LABEL_PLACES) if before else _LABEL_PLACES)
    for limit in limits:
        choice = next((w for w in places
                       if not grid.hits(_label_rect(p, xy, w), owner=id(p), ignore_below=limit)),
                      None)
        if choice:
            return choice
    return None


def _runs(chosen: Sequence[str | None], *, selected: bool) -> list[tuple[str, int, int]]:
    """Zoom by zoom choices as runs of zooms; the last run goes on to any higher zoom, and
    the selected place's first run starts at zoom 0."""
    runs: list[tuple[str, int, int]] = []
    last = _LABEL_ZOOMS[-1]
    for zoom, where in zip(_LABEL_ZOOMS, chosen, strict=True):
        top = _OPEN if zoom == last else zoom
        if where and runs and runs[-1][0] == where and runs[-1][2] == zoom - 1:
            runs[-1] = (where, runs[-1][1], top)
        elif where:
            runs.append((where, zoom, top))
    if selected and runs:
        runs[0] = (runs[0][0], 0, runs[0][2])
    return runs


def always_labelled(runs: Sequence[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Label runs that show a name at every zoom: ``runs`` as they are, the zooms between
    them right of the marker, the first run from zoom 0 on and the last to any zoom."""
    out: list[tuple[str, int, int]] = []
    for where, first, last in sorted(runs, key=lambda run: run[1]):
        if out and first > out[-1][2] + 1:
            out.append(("right", out[-1][2] + 1, first - 1))
        out.append((where, first, last))
    if not out:
        return [("right", 0, _OPEN)]
    out[0] = (out[0][0], 0, out[0][2])
    out[-1] = (out[-1][0], out[-1][1], _OPEN)
    return out


def label_boxes(pins: Sequence[_Pin], zoom: int) -> list[tuple[float, float, float, float]]:
    """The boxes (px, at ``zoom``) of the labels the pins show at that zoom."""
    boxes = []
    for pin in pins:
        run = next((r for r in pin.label_runs if r[1] <= zoom <= r[2]), None)
        if run is not None:
            boxes.append(_label_rect(pin, world_px(*pin.anchor, zoom), run[0]))
    return boxes
