"""The plan of a view: every symbol, colour, arrow and label decided once, without folium."""

from __future__ import annotations

import math
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass

from atlas.colours import OTHERS
from atlas.map.arrows import _arrows, _waypoints
from atlas.map.declutter import place_badges
from atlas.map.geometry import _anchor, _bearing, _curve
from atlas.map.labels import _clusterable, _place_labels
from atlas.map.model import (
    FIGHTS,
    FIRM,
    HOLDS,
    MAX_ARROWS,
    MAX_CLUSTERED_ARROWS,
    NEUTRAL,
    UNCERTAIN,
    _Arrow,
    _claim_key,
    _fold,
    _is_disputed,
    _is_off_map,
    _Pin,
    _Plan,
    _side_colours,
    _Status,
    clusters,
)
from atlas.view import View, side_of
from geo.records import Claim, Place


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
    return _Status(colours.get(side, OTHERS), side,
                   all(c.modality in UNCERTAIN for c in claims))


_PLANS: list[tuple[View, str | None, _Plan]] = []


def map_plan(view: View, selected: str | None = None) -> _Plan:
    """What the map of ``view`` draws (pins, arrows, labels, badges), decided once."""
    return _plan(view, selected)


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
    tally = _tally(view)
    arrows, one_ended = _arrows(view.claims, by_id, sides, colours, _waypoints(view))
    arrows, hidden_arrows = _most_claimed(arrows, MAX_CLUSTERED_ARROWS if clusters(view)
                                          else MAX_ARROWS)
    pins = [_make_pin(place, view, tally, sides, colours, one_ended)
            for place in view.places if not _is_off_map(place)]
    pins_by_id = {pin.place.id: pin for pin in pins}
    _bend(arrows)
    clusterable = [p for p in pins if _clusterable(p, selected)] if clusters(view) else []
    _place_labels(pins, selected, [(pins_by_id.get(a.destination.id), a.bearing)
                                   for a in arrows], clusterable=clusterable)
    place_badges(pins)
    return _Plan(pins=pins, arrows=arrows, off_map=[p for p in view.places if _is_off_map(p)],
                 colours=colours, hidden_arrows=hidden_arrows)


@dataclass(slots=True)
class _Tally:
    """What the view's mentions and claims say of each place, counted once."""

    surfaces: dict[str, Counter[str]]
    precisions: dict[str, set[int]]
    speakers: dict[str, set[str]]
    touching: dict[str, list[Claim]]


def _tally(view: View) -> _Tally:
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
    return _Tally(surfaces, precisions, speakers, touching)


def _most_claimed(arrows: list[_Arrow], limit: int) -> tuple[list[_Arrow], int]:
    """At most ``limit`` arrows: the most-claimed movements, then the latest, in their own
    order; and how many were left out."""
    hidden = max(0, len(arrows) - limit)
    if not hidden:
        return arrows, 0
    ranked = sorted(arrows, key=lambda a: (len(a.claims), max(map(_claim_key, a.claims))),
                    reverse=True)
    kept = {id(a) for a in ranked[:limit]}
    return [a for a in arrows if id(a) in kept], hidden


def _bend(arrows: list[_Arrow]) -> None:
    """Each arrow's curve and heading; arrows between the same two places bend to
    alternate sides, further each pair, so they never coincide."""
    for index, arrow in enumerate(arrows):
        pair = {arrow.origin.id, arrow.destination.id}
        twins = sum(1 for a in arrows[:index] if {a.origin.id, a.destination.id} == pair)
        bend = (0.12 + 0.1 * (twins // 2)) * (1 if twins % 2 == 0 else -1)
        arrow.points = _curve(arrow.origin, arrow.destination, bend, via=arrow.via)
        arrow.bearing = _bearing(arrow.points)


def _make_pin(place: Place, view: View, tally: _Tally, sides: dict[str, str],
              colours: dict[str, str], one_ended: dict) -> _Pin:
    """A place's pin: its colours (holder first, then the sides named with it), size, name,
    precision and status symbols."""
    claims = tally.touching.get(place.id, [])
    involved = list(view.sides_by_place.get(place.id, []))
    holds = [c for c in claims if c.action in HOLDS and c.modality in FIRM
             and place.id in c.places]
    holder = sides.get(max(holds, key=_claim_key).actor, "Others") if holds else None
    ordered = ([holder] if holder else []) + [s for s in involved if s != holder]
    pin = _Pin(place=place, anchor=_anchor(place),
               label=_label_for(place, tally.surfaces[place.id]),
               mentions=view.counts.get(place.id, 0), claims=claims,
               commenters=sorted(tally.speakers.get(place.id, set()) - {""}), sides=ordered,
               fill=colours.get(ordered[0], NEUTRAL) if ordered else NEUTRAL,
               ring=colours.get(ordered[1]) if len(ordered) > 1 else None)
    _mark_status(pin, holder, sides, colours, one_ended)
    if place.kind not in ("road", "region"):
        levels = tally.precisions.get(place.id) or {c.precision for c in claims}
        pin.precision = min(levels) if levels and min(levels) >= 2 else 1
    pin.size = _size(place, pin.mentions)
    return pin


def _mark_status(pin: _Pin, holder: str | None, sides: dict[str, str],
                 colours: dict[str, str], one_ended: dict) -> None:
    """Contested, besieged, attacked, forces moving in or out, disputed: from its claims."""
    place, claims = pin.place, pin.claims
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


def _size(place: Place, mentions: int) -> int:
    """Marker diameter in px: sqrt of the mention count (area grows with it), clamped."""
    if place.kind == "region":
        return 10
    if place.kind == "road":
        return 12
    floor = {"city": 12, "town": 11, "facility": 17, "crossing": 16}.get(place.kind, 10)
    return max(floor, min(28, round(8 + 3.6 * math.sqrt(max(mentions, 0)))))
