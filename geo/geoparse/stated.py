"""Places the text itself locates: "Awn Dadat, 12 km north of Manbij".

Reports of this war name villages no gazetteer has, and often say where they are: "the village
of X, 12 km north of Manbij", "X, a village 8 km east of al-Safira", "X (5 km south of Y)".
The text gives an anchor (Y, a place already read) and an offset, so X can be placed without
inventing anything: at the point that distance and bearing from Y, with ACLED precision 2
("near"), and the evidence quotes the statement.  Where the gazetteer has a place of X's name
(or transliteration skeleton) near that point, X is that place instead (precision as read);
where X was read as a namesake far from the stated point, the statement wins in the same way.

A statement without a distance ("X, north of Y") or with a long one and no bearing places
nothing: north of a town may be 5 km or 40.  "X, 3 km from Y" (a short distance, no bearing)
places X at Y, precision 2, as ACLED codes "near Y".
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterator, Sequence
from dataclasses import dataclass, replace

from geographiclib.geodesic import Geodesic

from geo.gazetteer import Gazetteer, name_key
from geo.geoparse.patterns import BEARINGS
from geo.geoparse.phrases import LEFT_STOP
from geo.geoparse.variants import RUN_ENDING
from geo.records import Entry, Mention, Place

__all__ = ["STATED", "STATED_WORDS", "Statement", "read_statements", "stated_place",
           "statements"]

_DIRECTION = (r"north-?east|north-?west|south-?east|south-?west|north|south|east|west|"
              r"NNE|ENE|ESE|SSE|SSW|WSW|WNW|NNW|NE|NW|SE|SW|N|S|E|W")
# What follows a name to state where it is: ", a village 8 km east of ", " (5 km south of ".
STATED = re.compile(
    r"(?:,[ \t]*|[ \t]*\([ \t]*)"
    r"(?:(?:which|that)[ \t]+(?:is|was|lies)[ \t]+|(?:is|was|lies)[ \t]+)?"
    r"(?:(?:a|the)[ \t]+(?:small[ \t]+|large[ \t]+|nearby[ \t]+|strategic[ \t]+)?"
    r"(?P<kind>village|town|hill|hilltop|settlement|farm|area|city|mountain)[ \t]+)?"
    r"(?:(?:located|situated|lying|about|some|around|roughly|approximately|nearly|almost|"
    r"just|only)[ \t]+){0,2}"
    r"(?P<km>\d{1,3}(?:\.\d)?)[ \t]*(?:-[ \t]*)?(?P<unit>km|kms|kilomet(?:er|re)s?|mi|miles?)"
    r"[ \t]+(?:(?:to[ \t]+the[ \t]+)?(?P<dir>" + _DIRECTION + r")(?:ern)?[ \t]+of|"
    r"(?P<from>from|of|outside(?:[ \t]+of)?))"
    r"[ \t]+(?:the[ \t]+(?:town|city|village)[ \t]+of[ \t]+)?(?:the[ \t]+)?",
    re.IGNORECASE)
STATED_WORDS = ("km", "kilomet", "mile", "KM", "Km")  # one is in any STATED match
# ... and a figure right before it ("km" is also in "Turkmen"): the full pattern, which may
# start at any space or comma, runs only in an entry with one
DISTANCE = re.compile(r"\d[ \t]*(?:-[ \t]*)?(?:km|kms|kilomet|mi)", re.IGNORECASE)
MILE_KM = 1.609344
NEAR_KM = 5.0  # "X, 3 km from Y" with no bearing: X is near Y (precision 2), placed at Y
MATCH_KM = 5.0  # a place of X's name this close to the stated point is the place meant
# A place already read this far from the stated point, plus the stated distance, agrees with
# it: a statement's figure is rounded and its bearing one of eight, and a gazetteer's point
# may be off by a few km; only a namesake in another area is overruled.
AGREE_KM = 15.0
SETTLEMENTS = frozenset({"city", "town", "village", "quarter", "district"})
FEATURE_KINDS = {"hill": "hill", "hilltop": "hill", "mountain": "hill", "farm": "village",
                 "area": "village", "settlement": "village"}


@dataclass(frozen=True, slots=True)
class Statement:
    """"X, N km DIR of Y" in an entry: X's span, the anchor's mention, and the offset."""

    start: int
    end: int
    anchor: Mention
    km: float
    bearing: float | None  # degrees; None: "N km from Y"
    kind: str
    said: str  # the words that state it, for the evidence


def statements(entry: Entry, mentions: Sequence[Mention], places: dict[str, Place],
               ignored: Container[str], words: tuple[str, ...] = STATED_WORDS,
               ) -> Iterator[Statement]:
    """The statements of ``entry`` whose anchor is a settlement the entry's mentions read
    (``words``: those of ``STATED_WORDS`` its thread has)."""
    text = entry.text
    if not any(word in text for word in words) or not DISTANCE.search(text):
        return  # most comments state no distance
    anchors = {m.start: m for m in mentions
               if m.entry == entry.id and places[m.place].kind in SETTLEMENTS}
    for match in STATED.finditer(text):
        anchor = anchors.get(match.end())
        if anchor is None or match.start() == 0:
            continue
        name = _name_before(text, match.start(), ignored)
        if name is None:
            continue
        km = float(match["km"]) * (MILE_KM if match["unit"].lower().startswith("mi") else 1)
        bearing = BEARINGS.get(match["dir"].replace("-", "").casefold()) \
            if match["dir"] else None
        if bearing is None and km > NEAR_KM:
            continue  # "X, 20 km from Y": somewhere on a circle
        kind = match["kind"].lower() if match["kind"] else "village"
        yield Statement(name[0], name[1], anchor, km, bearing,
                        FEATURE_KINDS.get(kind, kind if kind in SETTLEMENTS else "village"),
                        text[match.start():anchor.end].strip(" ,(\t"))


def _name_before(text: str, end: int, ignored: Container[str]) -> tuple[int, int] | None:
    """The capitalised run that ends at ``end``, without words that open no name ("On",
    "June"), if it is a name: not all capitals, not a word the text uses otherwise."""
    run = RUN_ENDING.search(text, max(0, end - 80), end)
    if run is None:
        return None
    start, stop = run.span(1)
    words = text[start:stop].split()
    while words and words[0].casefold() in LEFT_STOP:
        start = text.index(words[0], start) + len(words[0]) + 1
        words.pop(0)
    name = text[start:stop]
    if (not words or name.isupper() or any(w.casefold() in LEFT_STOP for w in words)
            or name_key(name) in ignored):
        return None
    return start, stop


def stated_point(statement: Statement, anchor: Place) -> tuple[float, float]:
    """Where a statement puts its name: the anchor itself, or the offset from it."""
    if statement.bearing is None:
        return anchor.lat, anchor.lon
    line = Geodesic.WGS84.Direct(anchor.lat, anchor.lon, statement.bearing,
                                 statement.km * 1000.0)
    return round(line["lat2"], 5), round(line["lon2"], 5)


def stated_place(statement: Statement, surface: str, anchor: Place, gazetteer: Gazetteer,
                 read: Place | None) -> tuple[Place, int, str] | None:
    """(place, precision, evidence) of a statement's name, or None when the place already
    read there agrees with it.  A place of the name (or its skeleton) near the stated point
    is that place; else the point itself, a place of its own (precision 2)."""
    lat, lon = stated_point(statement, anchor)
    said = f"the text says {statement.said!r}"
    if read is not None and gazetteer.distance_km(read.lat, read.lon, lat, lon) <= (
            AGREE_KM + statement.km):
        return None
    named = [c.place for c in (gazetteer.candidates(surface) or gazetteer.variants(surface))
             if c.place.kind not in {"country", "region"}]
    near = sorted((gazetteer.distance_km(p.lat, p.lon, lat, lon), p.id, p) for p in named)
    if near and near[0][0] <= MATCH_KM + statement.km / 5:
        place = near[0][2]
        return place, 1, (f"the place of this name {near[0][0]:.0f} km from where {said}"
                          f"{'' if read is None else f' (not {read.name!r}, far from it)'}")
    pid = f"stated:{name_key(surface).replace(' ', '_')}@{anchor.id}"
    if statement.bearing is not None:
        pid += f"+{statement.km:g}km{statement.bearing:g}"
    place = Place(id=pid, name=surface, kind=statement.kind, country=anchor.country, lat=lat,
                  lon=lon, gazetteer_id=pid,
                  source=f"no gazetteer place: placed where {said} (from {anchor.gazetteer_id})")
    return place, 2, f"a place no gazetteer has, placed where {said}"


def restated(mention: Mention, place: Place, precision: int, evidence: str) -> Mention:
    """``mention`` moved to the place its statement gives."""
    return replace(mention, place=place.id, precision=precision, confidence=0.5,
                   evidence=f"{evidence}; {mention.evidence}")


def read_statements(entries: Sequence[Entry], gazetteer: Gazetteer, result,
                    speaker, ignored: Container[str],
                    words: tuple[str, ...] = STATED_WORDS) -> None:
    """Each statement's name as a mention at the place the statement gives (``stated_place``):
    added where nothing read the name (a run left unresolved or read as fragments), moved
    where it was read as a place far from the stated point.  ``speaker(entry, start)`` is who
    says it; ``words`` are those of ``STATED_WORDS`` the thread has (none: nothing to do)."""
    if not words:
        return
    for entry in entries:
        found = list(statements(entry, result.mentions, result.places, ignored, words))
        for statement in found:
            start, end = statement.start, statement.end
            anchor = result.places[statement.anchor.place]
            inside = [m for m in result.mentions if m.entry == entry.id
                      and m.start < end and start < m.end]
            same = [m for m in inside if (m.start, m.end) == (start, end)]
            if inside and not same:
                continue  # a longer name read over it, or a name in it read: not ours to undo
            read = result.places[same[0].place] if same else None
            placed = stated_place(statement, entry.text[start:end], anchor, gazetteer, read)
            if placed is None:
                continue
            place, precision, evidence = placed
            result.places[place.id] = place
            if same:
                index = result.mentions.index(same[0])
                result.mentions[index] = restated(same[0], place, precision, evidence)
                continue
            result.mentions.append(Mention(
                place=place.id, entry=entry.id, start=start, end=end,
                surface=entry.text[start:end], confidence=0.5, precision=precision,
                evidence=evidence, speaker=speaker(entry, start)))
            result.unresolved = [u for u in result.unresolved if not (
                u.entry == entry.id and u.start < end and start < u.end)]
