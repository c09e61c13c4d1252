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
from typing import Any

from geo.records import Corpus

__all__ = ["CLAIM_COLUMNS", "claims_csv", "control_features", "to_geojson", "to_json"]

CLAIM_COLUMNS = [
    "event_id", "event_date", "event_time", "actor1", "actor1_side", "action", "location",
    "latitude", "longitude", "geo_precision", "origin", "destination", "all_locations",
    "modality", "disputes", "disputed_by", "source", "source_entry", "source_author",
    "source_start", "source_end", "notes",
]


def to_json(corpus: Corpus, *, indent: int | None = 2) -> str:
    return json.dumps(corpus.to_dict(), ensure_ascii=False, indent=indent)


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
    with ``control``, the control areas and front lines at ``at`` too (``layer`` says which)."""
    counts = Counter(m.place for m in corpus.mentions)
    claims_by_place: dict[str, list[str]] = {}
    for claim in corpus.claims:
        for place in {*claim.places, claim.origin, claim.destination} - {None}:
            claims_by_place.setdefault(place, []).append(claim.id)  # type: ignore[arg-type]
    features = []
    for place in corpus.places:
        geometry = place.geometry or {"type": "Point", "coordinates": [place.lon, place.lat]}
        features.append({
            "type": "Feature",
            "id": place.id,
            "geometry": geometry,
            "properties": {
                "name": place.name, "kind": place.kind, "country": place.country,
                "gazetteer_id": place.gazetteer_id, "source": place.source,
                "mentions": counts[place.id], "claims": sorted(claims_by_place.get(place.id, [])),
                "lat": place.lat, "lon": place.lon,
            },
        })
    if control:
        features.extend(control_features(corpus, at=at))
    return {"type": "FeatureCollection", "features": features}


def claims_csv(corpus: Corpus) -> str:
    """One row per claim, ACLED-like, located at its first place."""
    places = {p.id: p for p in corpus.places}
    sides = {a.id: a.side for a in corpus.actors}
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CLAIM_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for claim in corpus.claims:
        where = places.get(claim.places[0]) if claim.places else None
        date, _, time = (claim.posted_at or "").partition("T")
        writer.writerow({
            "event_id": claim.id, "event_date": date, "event_time": time,
            "actor1": claim.actor, "actor1_side": sides.get(claim.actor, ""),
            "action": claim.action, "location": where.name if where else "",
            "latitude": where.lat if where else "", "longitude": where.lon if where else "",
            "geo_precision": claim.precision, "origin": claim.origin or "",
            "destination": claim.destination or "", "all_locations": ";".join(claim.places),
            "modality": claim.modality, "disputes": ";".join(claim.disputes),
            "disputed_by": ";".join(claim.disputed_by), "source": corpus.source,
            "source_entry": claim.entry, "source_author": claim.author,
            "source_start": claim.start, "source_end": claim.end, "notes": claim.quote,
        })
    return out.getvalue()
