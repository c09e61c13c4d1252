"""The corpus in the formats other tools read: JSON, GeoJSON, and ACLED-like CSV.

ACLED's event columns are kept where they mean the same here (``actor1``, ``location``,
``latitude``, ``longitude``, ``geo_precision``, ``source``, ``notes``); what ACLED lacks
(the comment, its author, the modality, the disputes) gets columns of its own.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from collections.abc import Callable
from typing import Any

from geo.records import Corpus

__all__ = ["CLAIM_COLUMNS", "claims_csv", "control_features", "first_comment_times",
           "to_geojson", "to_json", "valid_lon"]

CLAIM_COLUMNS = [
    "event_id", "event_date", "event_time", "date_basis", "actor1", "actor1_side", "action",
    "location",
    "latitude", "longitude", "geo_precision", "origin", "destination", "all_locations",
    "modality", "disputes", "disputed_by", "source", "source_entry", "source_author",
    "source_start", "source_end", "notes", "confidence", "review", "reviewer", "reviewed_at",
]


def to_json(corpus: Corpus, *, indent: int | None = 2) -> str:
    return json.dumps(corpus.to_dict(), ensure_ascii=False, indent=indent)


def valid_lon(lon: float) -> float:
    """``lon`` in [-180, 180]: a point computed across the antimeridian can come out as 202.79
    (Russia's centroid from a polygon that wraps round), which no GIS tool accepts."""
    lon = float(lon)
    return lon if -180.0 <= lon <= 180.0 else round((lon + 180.0) % 360.0 - 180.0, 6)


def _valid_coordinates(value: Any) -> Any:
    """A GeoJSON ``coordinates`` value with every longitude in range (latitudes clamped)."""
    if isinstance(value, list | tuple) and value and isinstance(value[0], int | float):
        lon, lat, *rest = value
        return [valid_lon(lon), max(-90.0, min(90.0, float(lat))), *rest]
    if isinstance(value, list | tuple):
        return [_valid_coordinates(part) for part in value]
    return value


def control_features(corpus: Corpus, *, at: str | None = None) -> list[dict[str, Any]]:
    """Control areas, front lines and their marks at time ``at`` (the end when None): the
    claims posted by then (the post's always) move the reference (see geo.control)."""
    from geo.control import control_for_corpus
    from geo.control_geometry import control_geometry, to_features

    claims = [c for c in corpus.claims
              if at is None or not c.posted_at or c.posted_at[: len(at)] <= at]
    state = control_for_corpus(corpus, claims, as_of=at)
    return to_features(control_geometry(state), state)


def to_geojson(corpus: Corpus, *, at: str | None = None,
               control: bool = True) -> dict[str, Any]:
    """Places as features, with their mention counts and the ids of the claims about them;
    with ``control``, the control areas and front lines at ``at`` too (``layer`` says which).

    Every coordinate is a valid WGS84 one (see :func:`valid_lon`).
    """
    counts = Counter(m.place for m in corpus.mentions)
    claims_by_place: dict[str, list[str]] = {}
    for claim in corpus.claims:
        for place in {*claim.places, claim.origin, claim.destination} - {None}:
            claims_by_place.setdefault(place, []).append(claim.id)  # type: ignore[arg-type]
    features = []
    for place in corpus.places:
        geometry = dict(place.geometry or {"type": "Point",
                                           "coordinates": [place.lon, place.lat]})
        geometry["coordinates"] = _valid_coordinates(geometry.get("coordinates", []))
        features.append({
            "type": "Feature",
            "id": place.id,
            "geometry": geometry,
            "properties": {
                "name": place.name, "kind": place.kind, "country": place.country,
                "gazetteer_id": place.gazetteer_id, "source": place.source,
                "mentions": counts[place.id], "claims": sorted(claims_by_place.get(place.id, [])),
                "lat": place.lat, "lon": valid_lon(place.lon),
            },
        })
    if control:
        features.extend(control_features(corpus, at=at))
    return {"type": "FeatureCollection", "features": features}


def first_comment_times(corpus: Corpus,
                        source_of: Callable[[int], tuple[str, int]]) -> dict[str, str]:
    """The first comment time of each source (thread) in ``corpus``: the time a claim of
    the post is dated with (here, and beside the map: atlas.exports.post_dates)."""
    first: dict[str, str] = {}
    for entry in corpus.entries:
        if entry.posted_at:
            source = source_of(entry.id)[0]
            if source not in first or entry.posted_at < first[source]:
                first[source] = entry.posted_at
    return first


def claims_csv(corpus: Corpus, *, source_of: Callable[[int], tuple[str, int]] | None = None,
               claim_id: Callable[[str], str] | None = None) -> str:
    """One row per claim, ACLED-like, located at its first place.

    ``source_of`` maps an entry id to its file and its id there (for a corpus merged from
    many threads), ``claim_id`` a claim id to the id it has in its own file; without them
    the corpus is one file.  A claim of the post (which has no time of its own) is dated
    with its thread's first comment time, and ``date_basis`` says so ("thread's first
    comment"); a comment's claim has its own time ("comment").  Longitudes are in range.
    """
    source_of = source_of or (lambda entry: (corpus.source, entry))
    claim_id = claim_id or (lambda cid: cid)
    places = {p.id: p for p in corpus.places}
    sides = {a.id: a.side for a in corpus.actors}
    first = first_comment_times(corpus, source_of)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CLAIM_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for claim in corpus.claims:
        where = places.get(claim.places[0]) if claim.places else None
        source, entry = source_of(claim.entry)
        stamp, basis = claim.posted_at, "comment"
        if not stamp:
            stamp, basis = first.get(source), "thread's first comment"
        date, _, time = (stamp or "").partition("T")
        writer.writerow({
            "event_id": claim_id(claim.id), "event_date": date, "event_time": time,
            "date_basis": basis if stamp else "", "actor1": claim.actor,
            "actor1_side": sides.get(claim.actor, ""),
            "action": claim.action, "location": where.name if where else "",
            "latitude": where.lat if where else "",
            "longitude": valid_lon(where.lon) if where else "",
            "geo_precision": claim.precision, "origin": claim.origin or "",
            "destination": claim.destination or "", "all_locations": ";".join(claim.places),
            "modality": claim.modality, "disputes": ";".join(map(claim_id, claim.disputes)),
            "disputed_by": ";".join(map(claim_id, claim.disputed_by)), "source": source,
            "source_entry": entry, "source_author": claim.author,
            "source_start": claim.start, "source_end": claim.end, "notes": claim.quote,
            "confidence": claim.confidence, "review": claim.review,
            "reviewer": claim.reviewer, "reviewed_at": claim.reviewed_at,
        })
    return out.getvalue()
