"""Who holds what, when: the control state of each place as the thread tells it.

The picture starts from ``data/control_reference.csv`` (one hand-curated, cited row per fact:
a place, a side, its status — ``holds``, ``attacks`` or ``besieges`` — and the date), and the
thread's claims move it in timeline order:

* a reported ``capture`` or ``control`` of the place itself gives it to the claim's side;
  said of the place's surroundings (the mention's precision is 2 or 3, "at the gates of Azaz",
  "around Mareah") it is a fight near the place, so it counts as an attack, not a capture;
* ``advance`` and ``attack`` add the side as an attacker (an advance toward X is not X taken);
* ``besiege`` adds a besieger; ``lift_siege`` removes the besiegers;
* ``withdraw``/``flee`` by the holder leaves the place to its only attacker, else to nobody;
* ``cut_road`` marks the road's places as cut off by the side;
* ``defend`` by a side of a place nobody holds gives it to that side;
* predicted, speculative and questioned claims change nothing: they are kept as such, to be
  drawn dashed;
* a claim that disputes or is disputed by another changes nothing and marks the place
  disputed, with both claims.

A city the reference splits into parts (Aleppo: west, east, Sheikh Maqsoud is a place of its
own) cannot be moved by a claim that names the whole city: such a claim marks every part
contested by its side.  Where a claim's result differs from the reference, the place records
the reference rows it contradicts, so the map can say which source says otherwise.

Sides come from ``data/factions.csv`` (actor -> side); everything returned is plain data with
claim ids and reference row ids for provenance.  No Streamlit, no folium.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from geo.paths import CONTROL_REFERENCE_PATH
from geo.records import Claim, Corpus, Mention, Place

__all__ = [
    "REFERENCE_PATH",
    "Change",
    "ControlState",
    "Evidence",
    "PlaceControl",
    "ReferenceRow",
    "compute_control",
    "control_for_corpus",
    "diff_states",
    "load_reference",
]

REFERENCE_PATH = CONTROL_REFERENCE_PATH
REFERENCE_COLUMNS = ("id", "place", "part", "name", "lat", "lon", "side", "status", "date",
                     "source", "note")
STATUSES = frozenset({"holds", "attacks", "besieges"})
#: kinds of place that can be held: a province, a road or a country is not one town's cell
HOLDABLE_KINDS = frozenset({"city", "town", "village", "district", "facility", "crossing"})
UNCERTAIN = frozenset({"predicted", "speculative", "questioned"})
#: a reference row counts for a thread whose places come within this distance of it
REFERENCE_REACH_KM = 150.0


class ReferenceError(ValueError):
    """A problem in the reference table, naming the line so it can be fixed by hand."""


@dataclass(frozen=True, slots=True)
class ReferenceRow:
    """One cited fact: ``side`` ``status`` (holds/attacks/besieges) ``place`` since ``date``."""

    id: str
    place: str  # the gazetteer id (geonames:N or supplement:ID)
    part: str  # "" or a part of a split city ("west", "east")
    name: str
    lat: float
    lon: float
    side: str
    status: str
    date: str  # YYYY-MM-DD
    source: str
    note: str = ""

    @property
    def key(self) -> str:
        """The cell this row speaks of: the place, or one part of it."""
        return f"{self.place}#{self.part}" if self.part else self.place


@dataclass(frozen=True, slots=True)
class Evidence:
    """Why a place is in the state it is: one claim or one reference row, and its effect.

    ``effect`` is one of: holds, captures, attacks, besieges, lifts-siege, withdraws, cuts-road,
    defends, near (a fight around it), predicted, disputed, no-effect.
    """

    kind: str  # "claim" | "reference"
    id: str
    side: str
    effect: str
    author: str = ""
    posted_at: str | None = None
    quote: str = ""
    entry: int | None = None
    modality: str = ""
    source: str = ""  # a reference row's citation


@dataclass(frozen=True, slots=True)
class PlaceControl:
    """One cell's state at one moment, with everything that says so."""

    key: str
    place: str
    name: str
    lat: float
    lon: float
    holder: str | None = None
    attackers: tuple[str, ...] = ()
    besiegers: tuple[str, ...] = ()
    cut_off_by: tuple[str, ...] = ()
    disputed: bool = False
    predicted: tuple[tuple[str, str], ...] = ()  # (side, claim id) of uncertain claims
    contradicts: tuple[str, ...] = ()  # reference row ids the thread's account differs from
    evidence: tuple[Evidence, ...] = ()
    since: str | None = None  # when the holder last changed in the thread (None: reference)

    @property
    def contested(self) -> bool:
        """Fought over: attacked, besieged or disputed."""
        return bool(self.attackers or self.besiegers or self.disputed)

    def claim_ids(self) -> list[str]:
        return [e.id for e in self.evidence if e.kind == "claim"]

    def reference_ids(self) -> list[str]:
        return [e.id for e in self.evidence if e.kind == "reference"]


@dataclass(slots=True)
class ControlState:
    """Every cell at one moment (``as_of``: the time of the last claim taken into account)."""

    as_of: str | None
    places: dict[str, PlaceControl] = field(default_factory=dict)

    def held(self, hidden_sides: Iterable[str] = ()) -> list[PlaceControl]:
        hidden = set(hidden_sides)
        return [p for p in self.places.values() if p.holder and p.holder not in hidden]


@dataclass(frozen=True, slots=True)
class Change:
    """A cell whose holder differs between two states."""

    key: str
    name: str
    lat: float
    lon: float
    before: str | None
    after: str | None
    claim_ids: tuple[str, ...]


# --- the reference table -------------------------------------------------------------------


def _row(raw: dict[str, str], line: int, path: Path) -> ReferenceRow:
    try:
        lat, lon = float(raw["lat"]), float(raw["lon"])
    except (TypeError, ValueError):
        raise ReferenceError(f"{path.name}, line {line}: lat/lon must be numbers") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180) or math.isnan(lat + lon):
        raise ReferenceError(f"{path.name}, line {line}: lat/lon out of range")
    status = (raw.get("status") or "").strip()
    if status not in STATUSES:
        raise ReferenceError(f"{path.name}, line {line}: status {status!r} is not one of "
                             f"{', '.join(sorted(STATUSES))}")
    for column in ("id", "place", "side", "date", "source"):
        if not (raw.get(column) or "").strip():
            raise ReferenceError(f"{path.name}, line {line}: {column} is empty")
    return ReferenceRow(
        id=raw["id"].strip(), place=raw["place"].strip(), part=(raw.get("part") or "").strip(),
        name=(raw.get("name") or "").strip(), lat=lat, lon=lon, side=raw["side"].strip(),
        status=status, date=raw["date"].strip(), source=raw["source"].strip(),
        note=(raw.get("note") or "").strip())


@lru_cache(maxsize=4)
def _load(path: str, mtime_ns: int) -> tuple[ReferenceRow, ...]:
    source = Path(path)
    with source.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = set(REFERENCE_COLUMNS) - set(reader.fieldnames or ())
        if missing:
            raise ReferenceError(f"{source.name}: missing columns {', '.join(sorted(missing))}")
        rows = tuple(_row(raw, number, source) for number, raw in enumerate(reader, start=2))
    seen: set[str] = set()
    for row in rows:
        if row.id in seen:
            raise ReferenceError(f"{source.name}: row id {row.id!r} is used twice")
        seen.add(row.id)
    return rows


def load_reference(path: Path | None = None) -> tuple[ReferenceRow, ...]:
    """The reference rows (cached until the file changes)."""
    source = path or REFERENCE_PATH
    return _load(str(source), source.stat().st_mtime_ns)


# --- computing the state -------------------------------------------------------------------


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    dlat = math.radians(lat2 - lat1)
    dlon = math.radians(lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    return 6371.0 * math.hypot(dlat, dlon)


def _relevant(rows: Sequence[ReferenceRow], places: Iterable[Place],
              as_of: str | None) -> list[ReferenceRow]:
    """Rows dated by ``as_of`` and near a place the thread names (another war: none)."""
    day = (as_of or "")[:10]
    dated = [row for row in rows if not day or row.date <= day]
    # a grid of cells about REFERENCE_REACH_KM wide: a row is checked against the anchors of
    # its own and the eight cells around it only (thousands of rows and places stay cheap)
    size = REFERENCE_REACH_KM / 55.0  # degrees: a longitude degree is >= 55 km below 60°N
    grid: dict[tuple[int, int], list[tuple[float, float]]] = {}
    places = list(places)
    named = {p.id for p in places}
    for p in places:
        if p.kind in HOLDABLE_KINDS:
            grid.setdefault((int(p.lat // size), int(p.lon // size)), []).append((p.lat, p.lon))
    kept = []
    for row in dated:
        if row.place in named:
            kept.append(row)
            continue
        gy, gx = int(row.lat // size), int(row.lon // size)
        near = (a for dy in (0, -1, 1) for dx in (0, -1, 1)
                for a in grid.get((gy + dy, gx + dx), ()))
        if any(_km(row.lat, row.lon, lat, lon) <= REFERENCE_REACH_KM for lat, lon in near):
            kept.append(row)
    return kept


class _Builder:
    """Mutable cells while claims are applied in order; frozen into a ``ControlState``."""

    def __init__(self) -> None:
        self.cells: dict[str, dict] = {}
        self.parts: dict[str, list[str]] = {}  # place id -> keys of its parts
        self.reference: dict[str, ReferenceRow] = {}  # key -> its 'holds' row

    def cell(self, key: str, place: str, name: str, lat: float, lon: float) -> dict:
        if key not in self.cells:
            self.cells[key] = {"key": key, "place": place, "name": name, "lat": lat,
                               "lon": lon, "holder": None, "attackers": [], "besiegers": [],
                               "cut_off_by": [], "disputed": False, "predicted": [],
                               "contradicts": [], "evidence": [], "since": None}
            if key != place:
                self.parts.setdefault(place, []).append(key)
        return self.cells[key]

    def add_reference(self, row: ReferenceRow) -> None:
        cell = self.cell(row.key, row.place, row.name, row.lat, row.lon)
        if row.status == "holds":
            cell["holder"] = row.side
            self.reference[row.key] = row
            effect = "holds"
        elif row.status == "attacks":
            _add(cell["attackers"], row.side)
            effect = "attacks"
        else:
            _add(cell["besiegers"], row.side)
            effect = "besieges"
        cell["evidence"].append(Evidence("reference", row.id, row.side, effect,
                                         posted_at=row.date, quote=row.note, source=row.source))

    def freeze(self, as_of: str | None) -> ControlState:
        state = ControlState(as_of=as_of)
        for key, c in self.cells.items():
            state.places[key] = PlaceControl(
                key=key, place=c["place"], name=c["name"], lat=c["lat"], lon=c["lon"],
                holder=c["holder"], attackers=tuple(c["attackers"]),
                besiegers=tuple(c["besiegers"]), cut_off_by=tuple(c["cut_off_by"]),
                disputed=c["disputed"], predicted=tuple(c["predicted"]),
                contradicts=tuple(c["contradicts"]), evidence=tuple(c["evidence"]),
                since=c["since"])
        return state


def _add(items: list[str], side: str) -> None:
    if side not in items:
        items.append(side)


def _near_places(claim: Claim, mentions: Sequence[Mention]) -> set[str]:
    """Places the claim names only as surroundings ("at the gates of", "around")."""
    inside = [m for m in mentions if claim.start <= m.start < claim.end]
    near = {m.place for m in inside if m.precision >= 2}
    exact = {m.place for m in inside if m.precision == 1}
    if not inside and claim.precision >= 2:
        return set(claim.places)
    return near - exact


def _effect(claim: Claim, near: bool) -> str:
    """What a claim does to one of its places (before modality and disputes are considered)."""
    action = claim.action
    if action in {"capture", "control"}:
        if near:
            return "near" if action == "control" else "attacks"
        return "captures"
    return {"advance": "attacks", "attack": "attacks", "besiege": "besieges",
            "lift_siege": "lifts-siege", "withdraw": "withdraws", "flee": "withdraws",
            "cut_road": "cuts-road", "defend": "defends"}.get(action, "")


def _apply(cell: dict, effect: str, side: str, claim: Claim, builder: _Builder) -> str:
    """Change ``cell`` by one effect; returns the effect as recorded (may be no-effect)."""
    if effect == "captures":
        if cell["holder"] != side:
            cell["holder"], cell["since"] = side, claim.posted_at
        if side in cell["attackers"]:
            cell["attackers"].remove(side)
        cell["besiegers"] = [s for s in cell["besiegers"] if s != side]
    elif effect == "attacks":
        if cell["holder"] == side:
            return "no-effect"
        _add(cell["attackers"], side)
    elif effect == "besieges":
        if cell["holder"] == side:
            return "no-effect"
        _add(cell["besiegers"], side)
    elif effect == "lifts-siege":
        cell["besiegers"] = []
    elif effect == "withdraws":
        if cell["holder"] != side:
            return "no-effect"
        attackers = [s for s in cell["attackers"] if s != side]
        cell["holder"] = attackers[0] if len(attackers) == 1 else None
        cell["attackers"] = [] if len(attackers) == 1 else attackers
        cell["since"] = claim.posted_at
    elif effect == "cuts-road":
        if cell["holder"] != side:
            _add(cell["cut_off_by"], side)
    elif effect == "defends" and cell["holder"] is None:
        cell["holder"], cell["since"] = side, claim.posted_at
    reference = builder.reference.get(cell["key"])
    if reference and cell["holder"] != reference.side and reference.id not in cell["contradicts"]:
        cell["contradicts"].append(reference.id)
    return effect


def _claim_evidence(claim: Claim, side: str, effect: str) -> Evidence:
    return Evidence("claim", claim.id, side, effect, author=claim.author,
                    posted_at=claim.posted_at, quote=claim.quote, entry=claim.entry,
                    modality=claim.modality)


def _targets(claim: Claim, builder: _Builder, places: Mapping[str, Place]) -> list[dict]:
    """The cells a claim speaks of: its holdable places (every part of a split city)."""
    ids = dict.fromkeys(p for p in (*claim.places, claim.origin, claim.destination) if p)
    cells = []
    for place_id in ids:
        if place_id in builder.parts:
            cells.extend(builder.cells[k] for k in builder.parts[place_id])
            continue
        place = places.get(place_id)
        if place is None or place.kind not in HOLDABLE_KINDS:
            continue
        cells.append(builder.cell(place_id, place_id, place.name, place.lat, place.lon))
    return cells


def _take_claim(claim: Claim, side: str, builder: _Builder, places: Mapping[str, Place],
                mentions: Sequence[Mention], known: set[str]) -> None:
    near = _near_places(claim, mentions)
    # disputed only once the other claim is on the table (the slider may not have reached it)
    disputed = any(i in known for i in (*claim.disputes, *claim.disputed_by))
    for cell in _targets(claim, builder, places):
        effect = _effect(claim, cell["place"] in near)
        if not effect:
            continue
        split = cell["key"] != cell["place"]
        if split and effect in {"captures", "withdraws", "defends"}:
            effect = "attacks" if effect == "captures" else "no-effect"  # which part? unknown
        if claim.modality in UNCERTAIN:
            cell["predicted"].append((side, claim.id))
            effect = "predicted"
        elif disputed:
            cell["disputed"] = True
            effect = "disputed"
        else:
            effect = _apply(cell, effect, side, claim, builder)
        cell["evidence"].append(_claim_evidence(claim, side, effect))


def _order(claim: Claim) -> tuple[str, int, int]:
    # the post (no time) first; then by time, entry and position in the entry
    return (claim.posted_at or "", claim.entry, claim.start)


def compute_control(claims: Sequence[Claim], *, places: Mapping[str, Place],
                    sides: Mapping[str, str], reference: Sequence[ReferenceRow] = (),
                    mentions: Sequence[Mention] = (), as_of: str | None = None
                    ) -> ControlState:
    """The state after ``claims`` (any order: they are applied in timeline order).

    ``places``: place id -> Place; ``sides``: actor id -> side; ``reference``: the rows to start
    from (see :func:`load_reference`); ``mentions``: the corpus's mentions, for the precision
    of each place within a claim; ``as_of``: the moment (the rows dated after it are left out).
    """
    builder = _Builder()
    for row in _relevant(reference, places.values(), as_of):
        builder.add_reference(row)
    by_entry: dict[int, list[Mention]] = {}
    for mention in mentions:
        by_entry.setdefault(mention.entry, []).append(mention)
    known = {c.id for c in claims}
    for claim in sorted(claims, key=_order):
        side = sides.get(claim.actor, "Others")
        _take_claim(claim, side, builder, places, by_entry.get(claim.entry, ()), known)
    return builder.freeze(as_of)


def control_for_corpus(corpus: Corpus, claims: Sequence[Claim] | None = None, *,
                       reference: Sequence[ReferenceRow] | None = None,
                       as_of: str | None = None) -> ControlState:
    """:func:`compute_control` on a corpus (all its claims unless ``claims`` is given).

    ``as_of`` defaults to the latest time among the claims' entries, else the thread's first.
    """
    chosen = corpus.claims if claims is None else claims
    if as_of is None:
        times = [c.posted_at for c in chosen if c.posted_at]
        times = times or [e.posted_at for e in corpus.entries if e.posted_at][:1]
        as_of = max(times) if times else None
    rows = load_reference() if reference is None else reference
    return compute_control(chosen, places={p.id: p for p in corpus.places},
                           sides={a.id: a.side for a in corpus.actors}, reference=rows,
                           mentions=corpus.mentions, as_of=as_of)


def diff_states(before: ControlState, after: ControlState) -> list[Change]:
    """The cells whose holder differs from ``before`` to ``after``, with the claims of the
    change (those in ``after`` that ``before`` did not have)."""
    changes = []
    for key, now in after.places.items():
        was = before.places.get(key)
        old = was.holder if was else None
        if old == now.holder:
            continue
        known = set(was.claim_ids()) if was else set()
        changes.append(Change(key, now.name, now.lat, now.lon, old, now.holder,
                              tuple(i for i in now.claim_ids() if i not in known)))
    for key, was in before.places.items():
        if key not in after.places and was.holder:
            changes.append(Change(key, was.name, was.lat, was.lon, was.holder, None, ()))
    return changes


def with_hidden(state: ControlState, hidden_sides: Iterable[str]) -> ControlState:
    """The state with the cells of ``hidden_sides`` left unheld (a side filter)."""
    hidden = set(hidden_sides)
    return ControlState(state.as_of, {
        k: (replace(p, holder=None) if p.holder in hidden else p)
        for k, p in state.places.items()})
