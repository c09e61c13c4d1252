"""Frontiers named by a country's adjective: "the Turkish border", "the Jordanian border".

In reporting on Syria, "the Turkish border" is the Syria–Turkey border: a line, not Turkey.
The text means the stretch nearest the place it names before the phrase ("Azaz ... the Turkish
border" is the border north of Azaz), so the mention is placed at the point of the shared
line (``data/countries.geojson``, Natural Earth outlines) nearest that place, or nearest the
first place named after it, or at the middle of the line when the entry names none.
The adjectives and the country whose border they name are ``data/border_adjectives.csv``.
"""

from __future__ import annotations

import csv
import functools
import json
import re
from collections.abc import Iterator, Sequence

import shapely
from shapely.geometry import Point, shape
from shapely.ops import nearest_points

from geo.paths import BASEMAP_PATH, BORDER_ADJECTIVES_PATH
from geo.records import Place

LINE_TOLERANCE_DEG = 0.05  # outlines at this scale need not share their vertices exactly
BORDER_RADIUS_KM = 60.0  # the stretch a mention means, drawn as an area


@functools.cache
def _adjectives() -> dict[str, tuple[str, str]]:
    with BORDER_ADJECTIVES_PATH.open(encoding="utf-8", newline="") as handle:
        return {r["adjective"]: (r["country"], r["neighbour"]) for r in csv.DictReader(handle)}


@functools.cache
def _pattern() -> re.Pattern[str]:
    words = "|".join(sorted(map(re.escape, _adjectives()), key=len, reverse=True))
    return re.compile(r"\b(" + words + r")[ \t]+(?:border|frontier)\b(?![ \t]+(?:crossing|"
                      r"guards?|town|city|villages?|post|gate|province))")


@functools.cache
def _shared_line(country: str, neighbour: str):
    with BASEMAP_PATH.open(encoding="utf-8") as handle:
        shapes = {f["properties"].get("name"): shapely.make_valid(shape(f["geometry"]))
                  for f in json.load(handle)["features"]}
    if country not in shapes or neighbour not in shapes:
        return None
    line = shapes[neighbour].boundary.intersection(shapes[country].buffer(LINE_TOLERANCE_DEG))
    return None if line.is_empty else line


def border_mentions(text: str, named: Sequence[tuple[int, Place]]
                    ) -> Iterator[tuple[int, int, Place]]:
    """(start, end, place) of each "<adjective> border" in ``text``; ``named`` are the
    (start, place) of the places the entry names, in order."""
    if " border" not in text and " frontier" not in text:
        return
    for match in _pattern().finditer(text):
        country, neighbour = _adjectives()[match.group(1)]
        line = _shared_line(country, neighbour)
        if line is None:
            continue
        anchor = _anchor(match.start(), named)
        point = (nearest_points(line, Point(anchor.lon, anchor.lat))[0] if anchor
                 else line.interpolate(0.5, normalized=True))
        lat, lon = round(point.y, 3), round(point.x, 3)
        yield match.start(), match.end(), Place(
            id=f"border:{neighbour}-{country}@{lat},{lon}",
            name=f"{neighbour}–{country} border", kind="region", country="SY",
            lat=lat, lon=lon, gazetteer_id=f"border:{neighbour}-{country}",
            source="the shared line of data/countries.geojson (Natural Earth), the point "
                   "nearest the place the text names beside it", extent_km=BORDER_RADIUS_KM)


def _anchor(start: int, named: Sequence[tuple[int, Place]]) -> Place | None:
    """The last settlement named before ``start``, else the first one named after it."""
    settled = [(at, p) for at, p in named if p.kind not in {"country", "region", "governorate"}]
    before = [p for at, p in settled if at < start]
    if before:
        return before[-1]
    after = [p for at, p in settled if at > start]
    return after[0] if after else None
