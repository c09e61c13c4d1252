"""Movement arrows: which claims become arrows, between which places, through where."""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

from atlas.colours import OTHERS
from atlas.map.geometry import _km
from atlas.map.model import MOVES, _Arrow, _claim_key, _is_off_map, _is_region
from atlas.view import View
from geo.records import Claim, Place

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
                                                  colours.get(side, OTHERS),
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
