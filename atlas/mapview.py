"""The folium drawing of a View: what the thread says, as a front-line map.

Why a module of its own: the map page should read like a description of the page, and the
drawing rules (which symbol means what, which colour wins, where a label goes) are easier to
judge, test and change in one place.  The symbols follow the two maps readers already know:
Wikipedia's Syrian civil war map (one dot per town in the colour of whoever holds it, a ring
for a siege, a split dot when two sides fight over it) and Liveuamap (an event symbol per
place, movement arrows).

Everything that changes with the filters, the timeline or the selection is in ONE
``FeatureGroup`` (:func:`place_layers`), so the page can keep a constant base map and pass the
group as ``st_folium(base, feature_group_to_add=...)``: streamlit-folium then swaps the group
in the browser without rebuilding the map (no flash, the reader's pan and zoom are kept).

Offline: only core Leaflet objects are used (``Marker`` with a ``DivIcon``, ``Circle``,
``PolyLine`` and one small script element of our own), plus ``folium.plugins.MarkerCluster``
when a view has more than :data:`CLUSTER_ABOVE` drawn places (the all-threads view of an
archive), whose assets :mod:`atlas.assets` serves locally; no ``folium.Icon``, no colormap, no
web font; the glyphs (✈ ✸ ↗ ?) are in DejaVu Sans, which ships with the browser's system
fonts.  Thread text reaches HTML only through :mod:`atlas.markup`.

Clustering: towns, facilities and crossings are gathered into clusters (a circle with the
number of places, sized by their mentions) until the reader zooms in; roads, regions, arrows
and the selected place stay outside, so lines and areas keep their markers and the selection
is always visible.

Place markers are ``DivIcon`` markers rather than ``CircleMarker``s: Leaflet reports a click
on a marker at the marker's own position (a click on a large vector circle is reported where
the mouse was), so :func:`place_at` can map ``last_object_clicked`` back to a place exactly;
and one HTML element can carry the symbol, its status badges and its label.
"""

from __future__ import annotations

import itertools
import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import folium
import folium.plugins
from branca.element import MacroElement
from folium.elements import JSCSSMixin
from folium.template import Template

from atlas.basemap import MAX_ZOOM, MIN_ZOOM
from atlas.markup import for_folium
from atlas.markup import text as html_text
from atlas.view import View, side_of
from geo.records import Claim, Place

__all__ = [
    "CLUSTER_ABOVE",
    "LAYER_NAME",
    "MAX_ARROWS",
    "MAX_CLUSTERED_ARROWS",
    "cluster_assets",
    "clusters",
    "legend_html",
    "legend_items",
    "map_center",
    "off_map_places",
    "place_at",
    "place_layers",
]

#: The name of the FeatureGroup (what a LayerControl would show).
LAYER_NAME = "Thread"

#: Colour of a place no side is named with; lighter than the "Others" grey (#999999), which
#: means Israel, Saudi Arabia and other outside states.
NEUTRAL = "#d6d2c8"
NEUTRAL_EDGE = "#6f6a61"
DISPUTED = "#d62728"
SELECTED = "#111111"

#: Side order when nothing else decides it (the faction filter's order).
_SIDE_ORDER = (
    "IS", "Nusra and other rebels", "SDF/YPG", "SAA and allies", "Turkey", "Russia", "US",
    "Others",
)

#: Kinds drawn as a town dot; "district" is a quarter of a city (supplement gazetteer).
POINT_KINDS = frozenset({"city", "town", "village", "district"})
#: A region wider than this is a continent or a world region ("Europe", "Middle East"): a
#: circle that size would cover the whole front, so it is listed, not drawn.
MAX_REGION_KM = 400.0

MOVES = frozenset({"redeploy", "advance", "withdraw", "flee"})
FIGHTS = frozenset({"capture", "attack", "control", "besiege"})
HOLDS = frozenset({"capture", "control"})
UNCERTAIN = frozenset({"predicted", "speculative", "questioned"})
#: Modalities that count as "it happened" for control colour and the contested split.
FIRM = frozenset({"reported", "disputed"})

HALO_KM = {2: 5.0, 3: 15.0}

#: Above this many drawn places a view clusters its markers (the seed thread draws about 25).
CLUSTER_ABOVE = 60
#: At most this many movement arrows (the most-claimed); an archive has hundreds of movements,
#: and a map of spaghetti says nothing (the seed thread has a handful).  Fewer on a clustered
#: map, where most arrow ends sit inside a cluster.
MAX_ARROWS = 40
MAX_CLUSTERED_ARROWS = 15
#: From this zoom on every marker is drawn on its own (a province fills the map by then).
_UNCLUSTER_ZOOM = 10

#: How a popup says an action (the claim's own words are in the panel, with provenance).
ACTION_WORDS = {
    "capture": "took", "advance": "advanced", "attack": "attacked", "besiege": "besieged",
    "lift_siege": "lifted the siege", "defend": "defended", "withdraw": "withdrew",
    "flee": "fled", "redeploy": "moved forces", "cut_road": "cut the road", "control": "holds",
}

# Map size the default view is fitted to: the page's map (height 620) in a wide column.
_MAP_PX = (820, 620)
_DEFAULT_CENTER = (35.0, 38.5)  # Syria, when a view has nothing to show
_LABEL_ZOOMS = range(3, 14)  # zoom levels at which label collisions are checked
_OPEN = 99  # the last run of a label goes on to any higher zoom
_LABEL_PLACES = ("right", "left", "above", "below")
_HEX = re.compile(r"^#[0-9A-Fa-f]{3}(?:[0-9A-Fa-f]{3})?$")


# --- geometry ---------------------------------------------------------------------------


def _world_px(lat: float, lon: float, zoom: float) -> tuple[float, float]:
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


def _is_region(place: Place) -> bool:
    return place.kind == "region" and 0 < place.extent_km <= MAX_REGION_KM


def _is_off_map(place: Place) -> bool:
    """Countries and continent-sized regions: named in the panel, not drawn (see legend)."""
    return place.kind == "country" or (place.kind == "region" and not _is_region(place))


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


# --- what to draw (no folium here) --------------------------------------------------------


@dataclass(slots=True)
class _Status:
    """A symbol backed by claims: its colour and whether every backing claim is uncertain."""

    colour: str
    side: str
    uncertain: bool


@dataclass(slots=True)
class _Pin:
    place: Place
    anchor: tuple[float, float]
    label: str
    mentions: int
    claims: list[Claim]
    commenters: list[str]
    sides: list[str]
    fill: str
    ring: str | None
    split: tuple[str, str] | None = None
    besieged: _Status | None = None
    attacked: _Status | None = None
    moving_in: _Status | None = None
    moving_out: _Status | None = None
    disputed: bool = False
    precision: int = 1
    size: int = 12
    # (where, first zoom, last zoom): right/left/above/below the marker, per run of zooms
    label_runs: list[tuple[str, int, int]] = field(default_factory=list)


@dataclass(slots=True)
class _Arrow:
    origin: Place
    destination: Place
    side: str
    colour: str
    claims: list[Claim] = field(default_factory=list)
    inferred: bool = False  # one end taken from the claim's other places
    via: Place | None = None  # a place the movement is said to pass through
    points: list[tuple[float, float]] = field(default_factory=list)
    bearing: float = 0.0  # screen direction at the arrowhead, degrees clockwise from up

    @property
    def dashed(self) -> bool:
        return all(c.modality in UNCERTAIN for c in self.claims)

    @property
    def disputed(self) -> bool:
        return any(_is_disputed(c) for c in self.claims)


@dataclass(slots=True)
class _Plan:
    pins: list[_Pin]
    arrows: list[_Arrow]
    off_map: list[Place]
    colours: dict[str, str]
    hidden_arrows: int = 0  # movements not drawn (over MAX_ARROWS)


def _safe_colour(value: str | None, default: str = NEUTRAL) -> str:
    """A CSS hex colour or ``default``: colours go into style attributes and scripts."""
    return value if value and _HEX.match(value) else default


def _side_colours(view: View) -> dict[str, str]:
    return {a.side: _safe_colour(a.colour, "#999999") for a in view.corpus.actors}


def _is_disputed(claim: Claim) -> bool:
    return bool(claim.disputes or claim.disputed_by or claim.modality == "disputed")


def _claim_key(claim: Claim) -> tuple[str, int, int]:
    return (claim.posted_at or "", claim.entry, claim.start)


def _fold(name: str) -> str:
    """Lower-case ASCII letters only: 'I‘zāz' -> 'izaz', 'Deir ez-Zor' -> 'deirezzor'."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in decomposed.casefold() if "a" <= ch <= "z")


def _label_for(place: Place, surfaces: Counter[str]) -> str:
    """The name a reader knows: the gazetteer's when plain, the thread's when it is shorter.

    'Raqqa' (thread) beats 'Ar Raqqah' (gazetteer) because it is the same name cut short;
    'Nubbl' (a typo in the thread) does not beat 'Nubl'.  A gazetteer name with
    transliteration marks ('I‘zāz') gives way to the thread's spelling ('Azaz'), or else to
    the name with its marks dropped.
    """
    name = place.name
    key = _fold(name)
    forms = []
    for surface, _ in surfaces.most_common():
        form = " ".join(surface.split())
        if form.casefold().startswith("the "):
            form = form[4:]
        if form and form[0].isupper() and len(form) <= 40:
            forms.append(form)
    if name.isascii():
        short = next((f for f in forms if _fold(f) != key and _fold(f) and _fold(f) in key),
                     None)
        return short or name
    if forms:
        return forms[0]
    plain = "".join(ch for ch in unicodedata.normalize("NFKD", name)
                    if ch.isascii() and (ch.isalnum() or ch in " -'"))
    return plain.strip() or name


def _status(claims: list[Claim], sides: dict[str, str], colours: dict[str, str]) -> _Status:
    latest = max(claims, key=_claim_key)
    side = sides.get(latest.actor, "Others")
    return _Status(colours.get(side, "#999999"), side,
                   all(c.modality in UNCERTAIN for c in claims))


_PLANS: list[tuple[View, str | None, _Plan]] = []


def _plan(view: View, selected: str | None = None, *, any_selection: bool = False) -> _Plan:
    """The plan of ``view``, made once: the page draws the layers and the legend from it.

    ``any_selection``: any recent plan of the view will do (the legend ignores labels, the
    only thing the selection changes).
    """
    for known, chosen, plan in _PLANS:
        if known is view and (chosen == selected or any_selection):
            return plan
    plan = _make_plan(view, selected)
    _PLANS.insert(0, (view, selected, plan))
    del _PLANS[4:]
    return plan


def _make_plan(view: View, selected: str | None = None) -> _Plan:
    """Decide every symbol, colour, arrow and label of the view, once, without folium."""
    colours = _side_colours(view)
    sides = side_of(view.corpus)
    by_id = {p.id: p for p in view.places}
    off_map = [p for p in view.places if _is_off_map(p)]

    # counted over (place, value) pairs first: an archive view has tens of thousands of mentions
    entries = view.corpus.entries
    surfaces: dict[str, Counter[str]] = defaultdict(Counter)
    for (place_id, surface), times in Counter((m.place, m.surface)
                                              for m in view.mentions).items():
        surfaces[place_id][surface] = times
    precisions: dict[str, set[int]] = defaultdict(set)
    for place_id, precision in {(m.place, m.precision) for m in view.mentions}:
        precisions[place_id].add(precision)
    speakers: dict[str, set[str]] = defaultdict(set)
    for place_id, who in {(m.place, m.speaker or entries[m.entry].author)
                          for m in view.mentions}:
        speakers[place_id].add(who)
    touching: dict[str, list[Claim]] = defaultdict(list)
    for claim in sorted(view.claims, key=_claim_key):
        for pid in dict.fromkeys((*claim.places, claim.origin, claim.destination)):
            if pid:
                touching[pid].append(claim)
                speakers[pid].add(claim.author)

    arrows, one_ended = _arrows(view.claims, by_id, sides, colours, _waypoints(view))
    limit = MAX_CLUSTERED_ARROWS if clusters(view) else MAX_ARROWS
    hidden_arrows = max(0, len(arrows) - limit)
    if hidden_arrows:  # the most-claimed movements, then the latest; drawn in their own order
        ranked = sorted(arrows, key=lambda a: (len(a.claims), max(map(_claim_key, a.claims))),
                        reverse=True)
        kept = {id(a) for a in ranked[:limit]}
        arrows = [a for a in arrows if id(a) in kept]

    pins: list[_Pin] = []
    for place in view.places:
        if _is_off_map(place):
            continue
        claims = touching.get(place.id, [])
        involved = list(view.sides_by_place.get(place.id, []))
        holds = [c for c in claims if c.action in HOLDS and c.modality in FIRM
                 and place.id in c.places]
        holder = sides.get(max(holds, key=_claim_key).actor, "Others") if holds else None
        ordered = ([holder] if holder else []) + [s for s in involved if s != holder]
        fill = colours.get(ordered[0], NEUTRAL) if ordered else NEUTRAL
        ring = colours.get(ordered[1]) if len(ordered) > 1 else None
        pin = _Pin(place=place, anchor=_anchor(place), label=_label_for(place, surfaces[place.id]),
                   mentions=view.counts.get(place.id, 0), claims=claims,
                   commenters=sorted(speakers.get(place.id, set()) - {""}), sides=ordered,
                   fill=fill, ring=ring)

        fighting = [c for c in claims if c.action in FIGHTS and place.id in c.places]
        firm_sides = list(dict.fromkeys(sides.get(c.actor, "Others") for c in fighting
                                        if c.modality in FIRM))
        if len(firm_sides) >= 2:
            first = holder if holder in firm_sides else firm_sides[0]
            second = next(s for s in firm_sides if s != first)
            pin.split = (colours.get(first, NEUTRAL), colours.get(second, NEUTRAL))
        sieges = [c for c in claims if c.action == "besiege" and place.id in c.places]
        lifted = [c for c in claims if c.action == "lift_siege" and c.modality in FIRM]
        if sieges and not (lifted and _claim_key(lifted[-1]) > _claim_key(sieges[-1])):
            pin.besieged = _status(sieges, sides, colours)
        attacks = [c for c in claims if c.action == "attack" and place.id in c.places
                   and c.origin != place.id]
        if attacks:
            pin.attacked = _status(attacks, sides, colours)
        if one_ended.get((place.id, "in")):
            pin.moving_in = _status(one_ended[(place.id, "in")], sides, colours)
        if one_ended.get((place.id, "out")):
            pin.moving_out = _status(one_ended[(place.id, "out")], sides, colours)
        pin.disputed = any(_is_disputed(c) for c in claims)

        if place.kind not in ("road", "region"):
            levels = precisions.get(place.id) or {c.precision for c in claims}
            pin.precision = min(levels) if levels and min(levels) >= 2 else 1
        pin.size = _size(place, pin.mentions)
        pins.append(pin)

    pins_by_id = {pin.place.id: pin for pin in pins}
    for index, arrow in enumerate(arrows):
        pair = {arrow.origin.id, arrow.destination.id}
        twins = sum(1 for a in arrows[:index] if {a.origin.id, a.destination.id} == pair)
        bend = (0.12 + 0.1 * (twins // 2)) * (1 if twins % 2 == 0 else -1)
        arrow.points = _curve(arrow.origin, arrow.destination, bend, via=arrow.via)
        arrow.bearing = _bearing(arrow.points)
    clusterable = [p for p in pins if _clusterable(p, selected)] if clusters(view) else []
    _place_labels(pins, selected, [(pins_by_id.get(a.destination.id), a.bearing)
                                   for a in arrows], clusterable=clusterable)
    return _Plan(pins=pins, arrows=arrows, off_map=off_map, colours=colours,
                 hidden_arrows=hidden_arrows)


def _size(place: Place, mentions: int) -> int:
    """Marker diameter in px: sqrt of the mention count (area grows with it), clamped."""
    if place.kind == "region":
        return 10
    if place.kind == "road":
        return 12
    floor = {"city": 12, "town": 11, "facility": 17, "crossing": 16}.get(place.kind, 10)
    return max(floor, min(28, round(8 + 3.6 * math.sqrt(max(mentions, 0)))))


# "through Hatay", "via the Bab al-Hawa crossing": the words before a place a movement passes.
THROUGH = re.compile(r"\b(?:through|via|by way of|across)\s+(?:the\s+)?$", re.IGNORECASE)


def _waypoints(view: View) -> dict[str, str]:
    """Claim id -> the place its movement passes through, read from the claim's own words.

    Only a place the claim names between its ends, right after "through" or "via", counts
    ("brought them through Hatay Province in Turkey to be sent back into ... Aleppo"): the
    arrow then bends through it instead of cutting across the front line.
    """
    journeys = [c for c in view.claims if c.origin and c.destination]
    if not journeys:  # most views: nothing to read, and no pass over the thread's mentions
        return {}
    wanted = {c.entry for c in journeys}
    entries = {e.id: e for e in view.corpus.entries if e.id in wanted}
    by_entry: dict[int, list[Any]] = defaultdict(list)
    for mention in view.corpus.mentions:
        if mention.entry in wanted:
            by_entry[mention.entry].append(mention)
    found: dict[str, str] = {}
    for claim in journeys:
        if claim.entry not in entries:
            continue
        text = entries[claim.entry].text
        for mention in sorted(by_entry[claim.entry], key=lambda m: m.start):
            if not claim.start <= mention.start < claim.end or mention.place in (
                    claim.origin, claim.destination) or mention.place not in claim.places:
                continue
            if THROUGH.search(text[max(0, mention.start - 20):mention.start]):
                found[claim.id] = mention.place
                break
    return found


def _near(place: Place, other: Place) -> bool:
    """The same spot, or one inside the other's area: no detour to draw."""
    distance = _km((place.lat, place.lon), (other.lat, other.lon))
    return distance < 10 or any(_is_region(p) and distance <= p.extent_km
                                for p in (place, other))


def _arrows(claims: list[Claim], by_id: dict[str, Place], sides: dict[str, str],
            colours: dict[str, str], waypoints: dict[str, str] | None = None,
            ) -> tuple[list[_Arrow], dict[tuple[str, str], list[Claim]]]:
    """Movement arrows (merged per origin, destination and side) and one-ended movements.

    A movement needs both ends to be an arrow.  With one end stated ("IS forces fleeing
    Manbij"), the other end is taken from the claim's other places when there is a drawable
    one that is not the same spot or the region around it ("brought ... through Hatay ... to
    Aleppo"); otherwise the place gets a "moving in" or "leaving" badge instead of an arrow
    pointing nowhere in particular.  Countries and continents are never arrow ends: an arrow
    from Syria's centroid to Libya's says nothing a reader can place.  ``waypoints`` (claim id
    -> place id, see ``_waypoints``) bends an arrow through where the movement passed.
    """
    waypoints = waypoints or {}
    merged: dict[tuple[str, str, str], _Arrow] = {}
    one_ended: dict[tuple[str, str], list[Claim]] = defaultdict(list)

    def drawable(pid: str | None) -> Place | None:
        place = by_id.get(pid or "")
        return place if place is not None and not _is_off_map(place) else None

    def other_end(claim: Claim, fixed: Place) -> Place | None:
        for pid in claim.places:
            place = drawable(pid)
            if place is None or place.id == fixed.id or _near(place, fixed):
                continue
            return place
        return None

    for claim in sorted(claims, key=_claim_key):
        both = claim.origin and claim.destination and claim.origin != claim.destination
        if not both and claim.action not in MOVES:
            continue
        origin, destination = drawable(claim.origin), drawable(claim.destination)
        if claim.action not in MOVES and not (origin and destination):
            continue  # e.g. an attack "from Syria": not a movement, and no arrow to draw
        inferred = False
        if origin and not destination and claim.action in MOVES:
            destination, inferred = other_end(claim, origin), True
        elif destination and not origin and claim.action in MOVES:
            origin, inferred = other_end(claim, destination), True
        if origin and destination and origin.id != destination.id:
            side = sides.get(claim.actor, "Others")
            key = (origin.id, destination.id, side)
            arrow = merged.setdefault(key, _Arrow(origin, destination, side,
                                                  colours.get(side, "#999999"),
                                                  inferred=inferred))
            arrow.claims.append(claim)
            arrow.inferred = arrow.inferred and inferred
            via = drawable(waypoints.get(claim.id))
            if arrow.via is None and via is not None and not inferred and not (
                    _near(via, origin) or _near(via, destination)):
                arrow.via = via
        elif destination:
            one_ended[(destination.id, "in")].append(claim)
        elif origin:
            one_ended[(origin.id, "out")].append(claim)
    return list(merged.values()), one_ended


def _label_box(pin: _Pin) -> tuple[float, float]:
    """Approximate label size in px (DejaVu Sans at 11-12 px)."""
    bold = pin.mentions >= 5
    return len(pin.label) * (7.0 if bold else 6.4) + 8, 15.0


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
        return any(who != owner and weight >= ignore_below and _overlap(rect, other)
                   for key in self._keys(rect) for other, weight, who in self.cells.get(key, ()))


def _clusterable(pin: _Pin, selected: str | None) -> bool:
    """Whether a clustered view puts ``pin`` into the cluster (roads, regions and the
    selected place stay on their own)."""
    return pin.place.id != selected and pin.place.kind not in ("road", "region")


#: Leaflet.markercluster's ``maxClusterRadius`` (px) as :func:`place_layers` sets it.
_CLUSTER_PX = 48


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
            xy = _world_px(*pin.anchor, zoom)
            if near(clusters[zoom], xy) is not None:
                levels[me], kept_at[me] = zoom, zoom
                break
            other = near(alone[zoom], xy)
            if other is not None:
                levels[me] = levels[other] = zoom
                for z in range(zoom, kept_at[other], -1):  # the new cluster and its parents
                    at = _world_px(*by_id[other].anchor, z)
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
    than the village under it); labels never overlap each other.  The result is a few runs
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
        grid = _Grid()
        px = {id(p): _world_px(*p.anchor, zoom) for p in pins}
        hidden: set[int] = set()
        if zoom < _UNCLUSTER_ZOOM:
            hidden = {pin for pin, level in levels.items() if zoom <= level}
            for x, y in symbols.get(zoom, ()):  # a cluster symbol is at most ~56 px wide
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
        for p in order:
            if id(p) in hidden:
                chosen[id(p)].append(None)
                continue
            choice = None
            limits = (-1.0, p.mentions / 4) if p.mentions >= 4 else (-1.0,)
            before = chosen[id(p)][-1] if chosen[id(p)] else None
            # right of the marker reads best; else keep the place it had one zoom out
            places = dict.fromkeys(("right", before, *_LABEL_PLACES) if before else _LABEL_PLACES)
            for limit in limits:
                choice = next((w for w in places
                               if not grid.hits(_label_rect(p, px[id(p)], w), owner=id(p),
                                                ignore_below=limit)),
                              None)
                if choice:
                    break
            if choice is None and p.place.id == selected:
                choice = "right"
            if choice:
                grid.add(_label_rect(p, px[id(p)], choice), owner=id(p))
            chosen[id(p)].append(choice)
    last = _LABEL_ZOOMS[-1]
    for p in pins:
        runs: list[tuple[str, int, int]] = []
        for zoom, where in zip(_LABEL_ZOOMS, chosen[id(p)], strict=True):
            top = _OPEN if zoom == last else zoom
            if where and runs and runs[-1][0] == where and runs[-1][2] == zoom - 1:
                runs[-1] = (where, runs[-1][1], top)
            elif where:
                runs.append((where, zoom, top))
        if p.place.id == selected and runs:
            runs[0] = (runs[0][0], 0, runs[0][2])
        p.label_runs = runs


def _label_offset(pin: _Pin, where: str) -> tuple[float, float]:
    """Top-left corner of the label relative to the marker's centre, in px.

    The label keeps clear of the marker and of its own badges on that side.
    """
    width, height = _label_box(pin)
    gap = pin.size / 2 + 3
    for _, _, _, left, top in _badges(pin):
        if where == "right" and left > 0:
            gap = max(gap, left + BADGE_PX + 2)
        elif where == "left" and left < 0:
            gap = max(gap, -left + 2)
        elif where == "above" and top < 0:
            gap = max(gap, -top + 1)
        elif where == "below" and top > 0:
            gap = max(gap, top + BADGE_PX + 1)
    if where == "left":
        return -gap - width, -height / 2
    if where == "above":
        return -width / 2, -gap - height
    if where == "below":
        return -width / 2, gap
    return gap, -height / 2


def _label_rect(pin: _Pin, xy: tuple[float, float], where: str
                ) -> tuple[float, float, float, float]:
    width, height = _label_box(pin)
    dx, dy = _label_offset(pin, where)
    return (xy[0] + dx, xy[1] + dy, xy[0] + dx + width, xy[1] + dy + height)


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


# --- public API ---------------------------------------------------------------------------


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
        x0, y0 = _world_px(north, west, zoom)
        x1, y1 = _world_px(south, east, zoom)
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


def clusters(view: View) -> bool:
    """Whether :func:`place_layers` clusters the markers of ``view`` (many drawn places)."""
    return sum(1 for p in view.places if not _is_off_map(p)) > CLUSTER_ABOVE


class _ClusterAssets(JSCSSMixin):
    """Leaflet.markercluster's script and styles alone, for a base map that may cluster later.

    Why: streamlit-folium loads a map's scripts once, when it first draws the map, and later
    swaps only the place layer; a layer that starts clustering at some timeline step needs
    the plugin already loaded.  The URLs are MarkerCluster's own (local after
    :func:`atlas.assets.use_local_assets`).
    """

    _template = Template("")

    def __init__(self) -> None:
        super().__init__()
        self._name = "ClusterAssets"
        self.default_js = list(folium.plugins.MarkerCluster.default_js)
        self.default_css = list(folium.plugins.MarkerCluster.default_css)


def cluster_assets() -> MacroElement:
    """An element to add to a base map so that it can show clustered place layers."""
    return _ClusterAssets()


#: The cluster's symbol: a dark disc with the number of places, sized by their mentions.
_CLUSTER_ICON = """
function (cluster) {
    var markers = cluster.getAllChildMarkers();
    var mentions = 0;
    for (var i = 0; i < markers.length; i++) { mentions += markers[i].options.mentions || 0; }
    var size = Math.round(Math.min(56, 24 + 2.2 * Math.sqrt(mentions)));
    var places = cluster.getChildCount();
    return L.divIcon({
        html: '<div title="' + places + ' places, ' + mentions + ' mentions: click to zoom in"'
            + ' style="width:' + size + 'px;height:' + size + 'px;line-height:' + size + 'px">'
            + places + '</div>',
        className: 'atlas-cluster',
        iconSize: L.point(size, size)
    });
}
"""


class _ClusteredPins(MacroElement):
    """The point markers of a clustered view, made in the browser from one list of data.

    Why not one ``folium.Marker`` each: folium renders every marker, icon, tooltip and popup
    through jinja templates of its own (a few milliseconds a marker, twice per rerun in
    streamlit-folium), which for an archive's hundreds of places would be most of a timeline
    step.  The browser gets exactly what folium would have made (a ``DivIcon`` marker with
    the same HTML, tooltip and popup; see :func:`_draw_pin`), added to the cluster at once.
    Thread text is in the data only as escaped HTML, and ``tojson`` escapes ``<`` and ``>``.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function () {
            var cluster = {{ this._parent.get_name() }};
            var pins = {{ this.pins|tojson }};
            var markers = [];
            for (var i = 0; i < pins.length; i++) {
                var p = pins[i];
                var marker = L.marker(p.at, {
                    icon: L.divIcon({html: p.html, className: p.css, iconSize: [0, 0],
                                     iconAnchor: [0, 0], popupAnchor: [0, p.lift]}),
                    zIndexOffset: p.z, keyboard: true, mentions: p.mentions
                });
                marker.bindTooltip("<div>" + p.tip + "</div>", {sticky: false});
                marker.bindPopup(p.popup, {maxWidth: 300, autoPan: true, placeId: p.id});
                markers.push(marker);
            }
            cluster.addLayers(markers);
        })();
        {% endmacro %}
        """
    )

    def __init__(self, pins: list[dict[str, Any]]) -> None:
        super().__init__()
        self._name = "ClusteredPins"
        self.pins = pins


def _cluster_layer(group: folium.FeatureGroup) -> folium.plugins.MarkerCluster:
    cluster = folium.plugins.MarkerCluster(
        control=False, icon_create_function=_CLUSTER_ICON, showCoverageOnHover=False,
        maxClusterRadius=_CLUSTER_PX, disableClusteringAtZoom=_UNCLUSTER_ZOOM,
        spiderfyOnMaxZoom=False, chunkedLoading=True)
    cluster.add_to(group)
    return cluster


def place_layers(view: View, *, selected: str | None = None) -> folium.FeatureGroup:
    """Everything that changes with the filters, the timeline and the selection, in one group.

    Draw order (bottom to top): region areas, precision halos, roads, movement arrows; then
    the markers (Leaflet keeps markers above all vector shapes): one per drawn place, plus
    an arrowhead per arrow.  ``selected`` is a place id; its marker gets a black ring and
    its label is always shown.  If its popup was open when the group is redrawn, it is
    reopened: a click on a marker reruns the page, which redraws the group and would
    otherwise close the popup the reader just opened.  A view with more than
    :data:`CLUSTER_ABOVE` drawn places gathers its point markers into clusters.
    """
    plan = _plan(view, selected)
    group = folium.FeatureGroup(name=LAYER_NAME, control=False)
    cluster = _cluster_layer(group) if clusters(view) else None
    pins_by_id = {pin.place.id: pin for pin in plan.pins}

    for pin in plan.pins:
        if pin.place.kind == "region":
            _draw_region(group, pin, selected=pin.place.id == selected)
    for pin in plan.pins:
        if pin.precision >= 2:
            _draw_halo(group, pin)
    for pin in plan.pins:
        if pin.place.kind == "road":
            _draw_road(group, pin, selected=pin.place.id == selected)
    names = _actor_names(view)
    for arrow in plan.arrows:
        _draw_arrow(group, arrow, pins_by_id, names)

    opened = None
    clustered: list[dict[str, Any]] = []
    colours = _side_colours(view)
    for pin in plan.pins:
        if cluster is not None and _clusterable(pin, selected):
            clustered.append(_pin_data(pin, view, colours))
            continue
        marker = _draw_pin(group, pin, view, selected=pin.place.id == selected)
        if pin.place.id == selected:
            opened = marker
    if cluster is not None:
        _ClusteredPins(clustered).add_to(cluster)
    _Support(opened, selected if opened else None).add_to(group)
    return group


# --- drawing ------------------------------------------------------------------------------


def _actor_names(view: View) -> dict[str, str]:
    """Short actor names for popups: 'Islamic State (IS)' -> 'Islamic State'."""
    return {a.id: re.split(r" \(| / ", a.name)[0] or a.id for a in view.corpus.actors}


def _tooltip_html(pin: _Pin) -> str:
    extra = pin.place.kind if pin.label == pin.place.name else f"{pin.place.name}, {pin.place.kind}"
    return (f"<b>{for_folium(pin.label)}</b> "
            f"<span style=\"color:#666\">{for_folium(extra)}</span>")


def _tooltip(pin: _Pin) -> folium.Tooltip:
    return folium.Tooltip(_tooltip_html(pin), sticky=False)


def _popup(pin: _Pin, view: View, colours: dict[str, str]) -> folium.Popup:
    return folium.Popup(_popup_html(pin, view, colours), max_width=300, autoPan=True,
                        placeId=pin.place.id)


def _popup_html(pin: _Pin, view: View, colours: dict[str, str]) -> str:
    sides = side_of(view.corpus)
    names = _actor_names(view)
    n_claims = len(pin.claims)
    rows = [
        '<div style="font:12px/1.4 \'DejaVu Sans\',sans-serif;min-width:190px">',
        f'<div style="font-weight:bold;font-size:14px">{for_folium(pin.label)}</div>',
        f'<div style="color:#666;margin-bottom:4px">{for_folium(pin.place.name)} · '
        f"{for_folium(pin.place.kind)} · {for_folium(pin.place.country)}</div>",
        f"<div><b>{pin.mentions}</b> mention{'s' * (pin.mentions != 1)} · "
        f"<b>{n_claims}</b> claim{'s' * (n_claims != 1)} · "
        f"<b>{len(pin.commenters)}</b> commenter{'s' * (len(pin.commenters) != 1)}</div>",
    ]
    if pin.sides:
        chips = " ".join(
            f'<span style="white-space:nowrap"><span style="display:inline-block;width:9px;'
            f'height:9px;border-radius:50%;background:{colours.get(s, NEUTRAL)}"></span> '
            f"{for_folium(s)}</span>" for s in pin.sides)
        rows.append(f'<div style="margin-top:3px">{chips}</div>')
    status = _status_words(pin)
    if status:
        rows.append(f'<div style="margin-top:3px">{for_folium(status)}</div>')
    if pin.precision >= 2:
        rows.append('<div style="color:#666">only said to be '
                    f"{'near it' if pin.precision == 2 else 'in its area'}</div>")
    for claim in pin.claims[-4:]:
        side = sides.get(claim.actor, "Others")
        rows.append(
            f'<div style="margin-top:2px;border-left:3px solid {colours.get(side, NEUTRAL)};'
            f'padding-left:4px">{for_folium(names.get(claim.actor, claim.actor))} '
            f"{for_folium(ACTION_WORDS.get(claim.action, claim.action))}"
            f' <i>{for_folium(claim.modality)}</i> · {for_folium(claim.author)}</div>')
    if n_claims > 4:
        rows.append(f'<div style="color:#666">and {n_claims - 4} earlier</div>')
    rows.append("</div>")
    return "".join(rows)


def _status_words(pin: _Pin) -> str:
    words = []
    if pin.split:
        words.append("contested")
    if pin.besieged:
        words.append(f"besieged by {pin.besieged.side}")
    if pin.attacked:
        words.append(f"attacked by {pin.attacked.side}")
    if pin.moving_in:
        words.append(f"{pin.moving_in.side} moving in")
    if pin.moving_out:
        words.append(f"{pin.moving_out.side} leaving")
    if pin.disputed:
        words.append("a claim here is disputed")
    return "; ".join(words)


def _fade(status: _Status) -> str:
    return " atlas-unsure" if status.uncertain else ""


BADGE_PX = 16


def _badges(pin: _Pin) -> list[tuple[str, str, str, int, int]]:
    """Status badges as (css class, glyph, colour, left, top) relative to the marker centre.

    They sit on the diagonals: ? top-left, ✸ top-right, ↗ (moving in) bottom-left and ↘
    (leaving) bottom-right, so the arrows point into and out of the place.
    """
    r = pin.size / 2
    near, far = round(r * 0.6 - 3), round(-r * 0.6 - BADGE_PX + 3)
    out = []
    if pin.attacked:
        out.append((f" atlas-atk{_fade(pin.attacked)}", "✸", pin.attacked.colour, near, far))
    if pin.disputed and pin.place.kind != "road":
        out.append((" atlas-q", "?", DISPUTED, far, far))
    if pin.moving_in:
        out.append((_fade(pin.moving_in), "↗", pin.moving_in.colour, far, near))
    if pin.moving_out:
        out.append((_fade(pin.moving_out), "↘", pin.moving_out.colour, near, near))
    return out


def _pin_html(pin: _Pin, *, selected: bool) -> str:
    d = pin.size
    r = d / 2
    kind = pin.place.kind
    ring = pin.ring or "#ffffff"
    parts = []
    if selected:
        parts.append(f'<span class="atlas-sel" style="width:{d + 14}px;height:{d + 14}px;'
                     f'left:{-r - 7}px;top:{-r - 7}px"></span>')
    if pin.besieged:
        parts.append(f'<span class="atlas-siege{_fade(pin.besieged)}" style="width:{d + 12}px;'
                     f'height:{d + 12}px;left:{-r - 6}px;top:{-r - 6}px;'
                     f'border-color:{pin.besieged.colour}"></span>')
    box = f"width:{d}px;height:{d}px;left:{-r}px;top:{-r}px"
    if kind == "facility":
        glyph = "✈" if re.search(r"air|airport|airfield", pin.place.name, re.I) else "■"
        parts.append(f'<span class="atlas-sym atlas-diamond" style="{box};background:{pin.fill};'
                     f'border-color:{ring}"></span>'
                     f'<span class="atlas-glyph" style="{box};font-size:{round(d * 0.62)}px">'
                     f"{glyph}</span>")
    elif kind == "crossing":
        parts.append(f'<span class="atlas-sym atlas-bridge" style="{box};border-color:{pin.fill};'
                     f'color:{pin.fill};font-size:{round(d * 0.55)}px">)(</span>')
    elif kind == "road":
        parts.append(f'<span class="atlas-sym atlas-roadmark" style="{box};'
                     f'border-color:{pin.fill}"></span>')
    elif kind == "region":
        parts.append(f'<span class="atlas-sym atlas-regionmark" style="{box};'
                     f'border-color:{pin.fill}"></span>')
    else:
        fill = (f"linear-gradient(90deg,{pin.split[0]} 50%,{pin.split[1]} 50%)"
                if pin.split else pin.fill)
        width = 3 if pin.ring else 2
        parts.append(f'<span class="atlas-sym atlas-dot" style="{box};background:{fill};'
                     f'border:{width}px solid {ring}"></span>')
    for css, glyph, colour, left, top in _badges(pin):
        parts.append(f'<span class="atlas-badge{css}" style="left:{left}px;top:{top}px;'
                     f'color:{colour}">{glyph}</span>')
    weight = " atlas-major" if pin.mentions >= 5 else ""
    for where, first, last in pin.label_runs:
        dx, dy = _label_offset(pin, where)
        if where == "left":  # anchored by its right edge, whatever the real text width
            at = f"right:{-(dx + _label_box(pin)[0]):.0f}px;top:{dy:.0f}px"
        elif where in ("above", "below"):
            at = f"left:0;top:{dy:.0f}px;transform:translateX(-50%)"
        else:
            at = f"left:{dx:.0f}px;top:{dy:.0f}px"
        parts.append(f'<span class="atlas-label atlas-lz{first} atlas-lx{last}{weight}'
                     f'{" atlas-region-label" if kind == "region" else ""}" style="{at}">'
                     f"{for_folium(pin.label)}</span>")
    # the place id on the symbol, for browser tests and for styling a place from outside
    return "".join(parts).replace('class="atlas-sym',
                                  f'data-place="{for_folium(pin.place.id)}" class="atlas-sym', 1)


def _pin_class(pin: _Pin, *, selected: bool) -> str:
    return f"atlas-pin atlas-k-{pin.place.kind}{' atlas-selected' if selected else ''}"


def _pin_z(pin: _Pin, *, selected: bool) -> int:
    return ((10_000 if selected else 0) + min(pin.mentions, 99) * 20
            - (500 if pin.place.kind == "region" else 0))


def _draw_pin(group: folium.FeatureGroup, pin: _Pin, view: View, *, selected: bool
              ) -> folium.Marker:
    colours = _side_colours(view)
    icon = folium.DivIcon(
        html=_pin_html(pin, selected=selected),
        icon_size=(0, 0),
        icon_anchor=(0, 0),
        popup_anchor=(0, -round(pin.size / 2)),
        class_name=_pin_class(pin, selected=selected),
    )
    marker = folium.Marker(
        location=pin.anchor,
        icon=icon,
        tooltip=_tooltip(pin),
        popup=_popup(pin, view, colours),
        z_index_offset=_pin_z(pin, selected=selected),
        keyboard=True,
    )
    marker.add_to(group)
    return marker


def _pin_data(pin: _Pin, view: View, colours: dict[str, str]) -> dict[str, Any]:
    """What :class:`_ClusteredPins` needs to make the marker :func:`_draw_pin` would make."""
    return {
        "id": pin.place.id, "at": list(pin.anchor), "html": _pin_html(pin, selected=False),
        "css": _pin_class(pin, selected=False), "lift": -round(pin.size / 2),
        "z": _pin_z(pin, selected=False), "mentions": pin.mentions,
        "tip": _tooltip_html(pin),
        "popup": '<div style="width:100.0%;height:100.0%;">'
                 + _popup_html(pin, view, colours) + "</div>",
    }


def _uninteractive(path: folium.Element) -> folium.Element:
    path.options["interactive"] = False  # folium's path_options drops this key
    return path


def _draw_region(group: folium.FeatureGroup, pin: _Pin, *, selected: bool) -> None:
    """A soft wash (not clickable) and a dashed outline (clickable, with the name)."""
    radius = pin.place.extent_km * 1000
    _uninteractive(folium.Circle(pin.anchor, radius=radius, stroke=False, fill=True,
                                 fill_color=pin.fill, fill_opacity=0.04,
                                 class_name="atlas-region-fill")).add_to(group)
    folium.Circle(pin.anchor, radius=radius, color=SELECTED if selected else pin.fill,
                  weight=3 if selected else 1.5, opacity=0.9 if selected else 0.55,
                  dash_array="8 6", fill=False,
                  class_name="atlas-region", tooltip=_tooltip(pin)).add_to(group)


def _draw_halo(group: folium.FeatureGroup, pin: _Pin) -> None:
    _uninteractive(folium.Circle(pin.anchor, radius=HALO_KM[pin.precision] * 1000,
                                 color=pin.fill if pin.fill != NEUTRAL else NEUTRAL_EDGE,
                                 weight=1, opacity=0.8, dash_array="3 4", fill=True,
                                 fill_color=pin.fill, fill_opacity=0.16,
                                 class_name=f"atlas-halo atlas-halo-{pin.precision}")
                   ).add_to(group)


def _draw_road(group: folium.FeatureGroup, pin: _Pin, *, selected: bool) -> None:
    points = _line(pin.place)
    if not points:
        return
    # a disputed road gets a red dashed casing instead of a "?" badge on its small marker
    casing = DISPUTED if pin.disputed else "#ffffff"
    _uninteractive(folium.PolyLine(points, color=casing, weight=9 if selected else 8,
                                   opacity=0.9, dash_array="4 4" if pin.disputed else None,
                                   class_name="atlas-road-casing")).add_to(group)
    folium.PolyLine(points, color=SELECTED if selected else pin.fill, weight=5 if selected else 4,
                    opacity=0.95, class_name="atlas-road", tooltip=_tooltip(pin)).add_to(group)


def _curve(a: Place, b: Place, bend: float, *, via: Place | None = None
           ) -> list[tuple[float, float]]:
    """A gentle arc from a to b (quadratic Bezier in Mercator), bent by ``bend`` x length,
    or, with ``via``, the arc whose midpoint is that place (control point 2W - (A+B)/2)."""
    x0, y0 = _world_px(a.lat, a.lon, 0)
    x1, y1 = _world_px(b.lat, b.lon, 0)
    if via is not None:
        wx, wy = _world_px(via.lat, via.lon, 0)
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
    x0, y0 = _world_px(la0, lo0, 10)
    x1, y1 = _world_px(la1, lo1, 10)
    return math.degrees(math.atan2(x1 - x0, -(y1 - y0))) % 360


def _arrow_words(arrow: _Arrow, pins: dict[str, _Pin], names: dict[str, str]) -> str:
    def name(place: Place) -> str:
        pin = pins.get(place.id)
        return pin.label if pin else place.name

    through = f" (through {for_folium(name(arrow.via))})" if arrow.via else ""
    lines = [f"<b>{for_folium(arrow.side)}</b>: {for_folium(name(arrow.origin))} → "
             f"{for_folium(name(arrow.destination))}{through}"]
    for claim in arrow.claims[-3:]:
        flag = " (disputed)" if _is_disputed(claim) else ""
        lines.append(f"{for_folium(names.get(claim.actor, claim.actor))} "
                     f"{for_folium(ACTION_WORDS.get(claim.action, claim.action))}, "
                     f"<i>{for_folium(claim.modality)}</i>{flag} · {for_folium(claim.author)}")
    if arrow.inferred:
        lines.append('<span style="color:#666">one end read from the places named with it'
                     "</span>")
    return "<br>".join(lines)


def _draw_arrow(group: folium.FeatureGroup, arrow: _Arrow, pins: dict[str, _Pin],
                names: dict[str, str]) -> None:
    """A curved line with a white casing and a CSS triangle whose tip touches the marker.

    Arrows between the same two places bend to alternate sides so they do not coincide.
    """
    points = arrow.points
    weight = 3 + min(2, len(arrow.claims) - 1)
    dash = "8 6" if arrow.dashed else None
    _uninteractive(folium.PolyLine(points, color="#ffffff", weight=weight + 3, opacity=0.85,
                                   dash_array=dash, class_name="atlas-arrow-casing")).add_to(group)
    _uninteractive(folium.PolyLine(points, color=arrow.colour, weight=weight, opacity=0.95,
                                   dash_array=dash, class_name="atlas-arrow")).add_to(group)
    target = pins.get(arrow.destination.id)
    gap = (target.size / 2 if target else 6) + 1
    unsure = " atlas-unsure" if arrow.dashed else ""
    head = (f'<span class="atlas-head{unsure}" style="transform:rotate({arrow.bearing:.1f}deg)">'
            f'<span style="top:{gap:.0f}px;border-bottom-color:{arrow.colour}"></span></span>')
    folium.Marker(
        location=(arrow.destination.lat, arrow.destination.lon),
        icon=folium.DivIcon(html=head, icon_size=(0, 0), icon_anchor=(0, 0),
                            class_name="atlas-arrowhead"),
        tooltip=folium.Tooltip(_arrow_words(arrow, pins, names), sticky=False),
        z_index_offset=5000,  # above the place markers: the tip only touches its target
    ).add_to(group)
    if arrow.disputed:  # the movement itself is contested: a "?" half-way along it
        middle = points[len(points) // 2]
        folium.Marker(
            location=middle,
            icon=folium.DivIcon(html='<span class="atlas-badge atlas-q" style="left:-8px;'
                                     'top:-8px">?</span>',
                                icon_size=(0, 0), icon_anchor=(0, 0), class_name="atlas-arrow-q"),
            interactive=False,
        ).add_to(group)


# --- the group's script: styles, zoom-dependent labels, the selected popup -----------------


def _css() -> str:
    zooms = range(0, 19)
    hide = ",".join([*(f".atlas-z{z} .atlas-lz{t}" for z in zooms for t in _LABEL_ZOOMS if t > z),
                     *(f".atlas-z{z} .atlas-lx{t}" for z in zooms for t in _LABEL_ZOOMS if t < z)])
    return (
        ".atlas-pin{position:absolute}"
        ".atlas-pin span,.atlas-arrow-q span{position:absolute;box-sizing:border-box}"
        ".atlas-dot{border-radius:50%;box-shadow:0 0 0 1px rgba(0,0,0,.45)}"
        ".atlas-diamond{transform:rotate(45deg) scale(.8);border:2px solid #fff;border-radius:2px;"
        "box-shadow:0 0 0 1px rgba(0,0,0,.45)}"
        ".atlas-glyph{color:#fff;text-align:center;display:flex;align-items:center;"
        "justify-content:center;font-family:'DejaVu Sans',sans-serif;line-height:1}"
        ".atlas-bridge{background:#fff;border:3px solid;border-radius:3px;display:flex;"
        "align-items:center;justify-content:center;font:bold 10px 'DejaVu Sans',sans-serif;"
        "letter-spacing:-1px;line-height:1}"
        ".atlas-roadmark{background:#fff;border:3px solid;border-radius:3px}"
        ".atlas-regionmark{border:2px dashed;border-radius:50%;background:rgba(255,255,255,.6)}"
        ".atlas-siege{border:2.5px solid;border-radius:50%;"
        "box-shadow:inset 0 0 0 1px #fff,0 0 0 1px #fff}"
        ".atlas-sel{border:3px solid #111;border-radius:50%;box-shadow:0 0 0 2px #fff}"
        ".atlas-badge{width:16px;height:16px;border-radius:50%;background:#fff;"
        "font:bold 12px/16px 'DejaVu Sans',sans-serif;text-align:center;"
        "box-shadow:0 0 0 1px rgba(0,0,0,.35)}"
        ".atlas-atk{font-size:15px}"
        ".atlas-q{color:#d62728;box-shadow:0 0 0 1.5px #d62728}"
        ".atlas-unsure{opacity:.55}"
        ".atlas-label{white-space:nowrap;font:11px/15px 'DejaVu Sans',sans-serif;"
        "color:#222;text-shadow:0 0 2px #fff,0 0 2px #fff,0 0 3px #fff,0 0 4px #fff}"
        ".atlas-major{font-weight:bold;font-size:12px}"
        ".atlas-region-label{font-style:italic;color:#555;letter-spacing:.5px}"
        ".atlas-selected .atlas-label{font-weight:bold}"
        ".atlas-head{position:absolute;left:0;top:0;width:0;height:0}"
        ".atlas-head span{position:absolute;left:-7px;width:0;height:0;"
        "border-left:7px solid transparent;border-right:7px solid transparent;"
        "border-bottom:14px solid;"
        "filter:drop-shadow(0 0 1px #fff)}"
        ".atlas-cluster div{box-sizing:border-box;border-radius:50%;text-align:center;"
        "background:rgba(60,56,50,.82);color:#fff;font:bold 12px 'DejaVu Sans',sans-serif;"
        "border:2px solid #fff;box-shadow:0 0 0 1px rgba(0,0,0,.45),0 0 0 5px rgba(60,56,50,.18)}"
        f"{hide}{{display:none}}"
    )


class _Support(MacroElement):
    """Adds the map's CSS once, keeps a zoom class on the map, keeps the selected popup open.

    Written into the FeatureGroup (not the map's header) because st_folium sends only the
    group's script when the group changes; the style element is added once per document and
    the popup watch is per group.  The map is reached as the group's parent, which st_folium
    renames consistently.

    Why the popup watch: a click on a marker opens its popup and reruns the page, which swaps
    the group and so closes the popup at once.  The new group reopens the selected place's
    popup if it was the one open before the swap; a popup the reader closed stays closed
    when the timeline moves.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function () {
            var group = {{ this._parent.get_name() }};
            var map = {{ this._parent._parent.get_name() }};
            if (!document.getElementById("atlas-mapview-css")) {
                var style = document.createElement("style");
                style.id = "atlas-mapview-css";
                style.textContent = {{ this.css|tojson }};
                document.head.appendChild(style);
            }
            function zoomClass() {
                var box = map.getContainer();
                box.className = box.className.replace(/\\batlas-z\\d+\\b/g, "").trim()
                    + " atlas-z" + map.getZoom();
            }
            zoomClass();
            map.on("zoomend", zoomClass);
            group.on("remove", function () { map.off("zoomend", zoomClass); });
            group.on("popupopen", function (e) {
                window.atlasOpenPlace = e.popup.options.placeId || null;
            });
            group.on("popupclose", function (e) {
                // a swap removes the marker first, then closes its popup: only a popup closed
                // while its marker is still on the map was closed by the reader
                if (map.hasLayer(e.propagatedFrom)) { window.atlasOpenPlace = null; }
            });
            {% if this.marker %}
            function reopen() {
                if (window.atlasOpenPlace === {{ this.place|tojson }}) {
                    {{ this.marker.get_name() }}.openPopup();
                }
            }
            if (map.hasLayer(group)) { reopen(); } else { group.once("add", reopen); }
            {% endif %}
        })();
        {% endmacro %}
        """
    )

    def __init__(self, marker: folium.Marker | None, place: str | None) -> None:
        super().__init__()
        self._name = "AtlasSupport"
        self.marker = marker
        self.place = place
        self.css = _css()


# --- legend -------------------------------------------------------------------------------


def legend_items(view: View) -> list[dict[str, str]]:
    """One entry per colour or symbol on the current map: label, colour, symbol, group.

    ``symbol`` is one of: side, neutral, town, facility, crossing, road, region, arrow,
    arrow-dashed, move-in, move-out, attacked, besieged, contested, disputed, halo-near,
    halo-area, off-map.  Only what the map shows is listed, so the legend doubles as a
    summary ("this view has a siege and two disputed claims").
    """
    plan = _plan(view, any_selection=True)
    items: list[dict[str, str]] = []

    def add(group: str, symbol: str, label: str, colour: str = "#555555") -> None:
        items.append({"group": group, "symbol": symbol, "label": label, "colour": colour})

    used_sides = {s for pin in plan.pins for s in pin.sides[:2]}
    used_sides |= {a.side for a in plan.arrows}
    used_sides |= {st.side for pin in plan.pins
                   for st in (pin.besieged, pin.attacked, pin.moving_in, pin.moving_out) if st}
    order = [s for s in _SIDE_ORDER if s in used_sides] + sorted(used_sides - set(_SIDE_ORDER))
    for side in order:
        add("Sides", "side", side, plan.colours.get(side, NEUTRAL))
    if any(not pin.sides for pin in plan.pins):
        add("Sides", "neutral", "no faction named with it", NEUTRAL)

    kinds = {pin.place.kind for pin in plan.pins}
    if kinds & POINT_KINDS:
        add("Places", "town", "town or city: size = mentions; fill = holder or side named, "
            "ring = second side")
    if "facility" in kinds:
        add("Places", "facility", "air base or other facility")
    if "crossing" in kinds:
        add("Places", "crossing", "bridge or border crossing")
    if "road" in kinds:
        add("Places", "road", "road")
    if "region" in kinds:
        add("Places", "region", "province or region (approximate area)")

    if plan.arrows:
        add("Claims", "arrow", "movement (origin → destination)" + (
            f"; the {len(plan.arrows)} most claimed of {len(plan.arrows) + plan.hidden_arrows}"
            if plan.hidden_arrows else ""))
    if any(a.dashed for a in plan.arrows):
        add("Claims", "arrow-dashed", "predicted, speculative or questioned (dashed, faded)")
    if any(pin.moving_in for pin in plan.pins):
        add("Claims", "move-in", "forces said to move in (from where not said)")
    if any(pin.moving_out for pin in plan.pins):
        add("Claims", "move-out", "forces said to leave (to where not said)")
    if any(pin.attacked for pin in plan.pins):
        add("Claims", "attacked", "attacked (colour: attacker)")
    if any(pin.besieged for pin in plan.pins):
        add("Claims", "besieged", "besieged (ring colour: besieger)")
    if any(pin.split for pin in plan.pins):
        add("Claims", "contested", "contested: two sides fight for it")
    if any(pin.disputed for pin in plan.pins) or any(a.disputed for a in plan.arrows):
        add("Claims", "disputed", "a claim here is disputed", DISPUTED)

    precisions = {pin.precision for pin in plan.pins}
    if 2 in precisions:
        add("Precision", "halo-near", f"only said to be near it (≈{HALO_KM[2]:.0f} km)")
    if 3 in precisions:
        add("Precision", "halo-area", f"only said to be in its area (≈{HALO_KM[3]:.0f} km)")

    if plan.off_map:
        named = sorted(plan.off_map, key=lambda p: (-view.counts.get(p.id, 0), p.name))
        listed = ", ".join(f"{p.name} ({view.counts.get(p.id, 0)})" for p in named[:8])
        more = f" and {len(named) - 8} more" if len(named) > 8 else ""
        add("Not drawn", "off-map", f"countries and continents: {listed}{more}")
    return items


def _swatch(item: dict[str, str]) -> str:
    colour = _safe_colour(item.get("colour"), "#555555")
    symbol = item.get("symbol", "")
    base = "display:inline-block;vertical-align:middle;box-sizing:border-box;"
    shapes = {
        "side": f"{base}width:12px;height:12px;border-radius:50%;background:{colour};"
                "border:1.5px solid #fff;box-shadow:0 0 0 1px #777",
        "neutral": f"{base}width:12px;height:12px;border-radius:50%;background:{colour};"
                   "border:1.5px solid #fff;box-shadow:0 0 0 1px #777",
        "town": f"{base}width:13px;height:13px;border-radius:50%;background:#888;"
                "border:3px solid #DDAA33",
        "facility": f"{base}width:11px;height:11px;transform:rotate(45deg);background:#888;"
                    "border:1.5px solid #fff;box-shadow:0 0 0 1px #777",
        "road": f"{base}width:18px;height:5px;background:#888;border-radius:2px",
        "region": f"{base}width:16px;height:16px;border-radius:50%;border:1.5px dashed #888;"
                  "background:rgba(136,136,136,.12)",
        "arrow": f"{base}width:18px;height:0;border-top:3px solid #555",
        "arrow-dashed": f"{base}width:18px;height:0;border-top:3px dashed #555;opacity:.6",
        "besieged": f"{base}width:15px;height:15px;border-radius:50%;border:3px double #555",
        "contested": f"{base}width:13px;height:13px;border-radius:50%;"
                     "background:linear-gradient(90deg,#CC3311 50%,#222 50%);"
                     "border:1.5px solid #fff;box-shadow:0 0 0 1px #777",
        "halo-near": f"{base}width:14px;height:14px;border-radius:50%;border:1px dashed #777;"
                     "background:rgba(136,136,136,.2)",
        "halo-area": f"{base}width:18px;height:18px;border-radius:50%;border:1px dashed #777;"
                     "background:rgba(136,136,136,.2)",
    }
    glyphs = {"crossing": ")(", "attacked": "✸", "disputed": "?", "move-in": "↗",
              "move-out": "↘", "off-map": "○"}
    if symbol in shapes:
        return f'<span style="{shapes[symbol]}"></span>'
    glyph = glyphs.get(symbol, "•")
    return (f'<span style="{base}min-width:16px;text-align:center;font-weight:bold;'
            f'color:{colour}">{html_text(glyph)}</span>')


def legend_html(items: list[dict[str, str]]) -> str:
    """The legend as small self-contained HTML for ``st.markdown(..., unsafe_allow_html=True)``.

    Inline styles only (Streamlit's markdown keeps them); every label is escaped, since side
    names come from a CSV a user may edit and place names from the thread.
    """
    if not items:
        return '<div style="font-size:12px;color:#666">Nothing on the map yet.</div>'
    out = ['<div class="atlas-legend" style="font-size:12px;line-height:1.35">']
    group = None
    for item in items:
        if item.get("group") != group:
            group = item.get("group")
            out.append(f'<div style="font-weight:600;margin:6px 0 2px">{html_text(group or "")}'
                       "</div>")
        out.append(f'<div style="display:flex;gap:6px;align-items:center;margin:1px 0">'
                   f'<span style="flex:0 0 20px;text-align:center">{_swatch(item)}</span>'
                   f"<span>{html_text(item.get('label', ''))}</span></div>")
    out.append("</div>")
    return "".join(out)
