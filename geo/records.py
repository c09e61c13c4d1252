"""The records the pipeline passes from step to step.

Every record that the dashboard shows carries the entry it came from and a character span,
so that a place, a mention or a claim can always be traced back to the exact words of the
thread (provenance). Offsets are Python string indices (code points), end-exclusive.

>>> e = Entry(id=1, kind="comment", author="Barish", posted_at="2016-06-07T17:26:00",
...           text="Aleppo falls", start=10, end=22)
>>> e.text[0:6]
'Aleppo'
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

__all__ = [
    "Actor",
    "ActorMention",
    "Claim",
    "Corpus",
    "Entry",
    "Mention",
    "Place",
    "Quote",
    "Relation",
    "Unresolved",
]


@dataclass(frozen=True, slots=True)
class Quote:
    """A stretch of an entry that reproduces an earlier entry's words.

    ``start``/``end`` index into the quoting entry's text; ``source_start``/``source_end``
    into the quoted entry's text.  What is said inside a quote is attributed to ``entry``.
    """

    start: int
    end: int
    entry: int
    source_start: int
    source_end: int


@dataclass(frozen=True, slots=True)
class Entry:
    """The post or one comment: its text exactly as in the source, with its footer data.

    ``start``/``end`` index into the source file; ``text == source[start:end]``.
    ``posted_at`` is the naive local time printed in the footer, ISO 8601, ``None`` for
    the post.  ``line`` is the 1-based line of the source where the entry starts.
    """

    id: int
    kind: str  # "post" | "comment" | "block"
    author: str
    posted_at: str | None
    text: str
    start: int
    end: int
    line: int = 1
    replies_to: int | None = None
    quotes: tuple[Quote, ...] = ()


@dataclass(frozen=True, slots=True)
class Place:
    """A resolved place, as the gazetteer knows it.

    ``kind`` is one of ``city``, ``town``, ``village``, ``facility``, ``road``,
    ``crossing``, ``region``, ``country``.  ``geometry`` is a GeoJSON geometry for what
    is not a point (a road's line); ``lat``/``lon`` is always a representative point.
    """

    id: str
    name: str
    kind: str
    country: str
    lat: float
    lon: float
    gazetteer_id: str
    population: int = 0
    geometry: dict[str, Any] | None = None
    source: str = ""
    extent_km: float = 0.0  # a region's rough radius, for drawing it as an area


@dataclass(frozen=True, slots=True)
class Mention:
    """One place name in one entry, resolved to a place.

    ``precision`` follows ACLED: 1 the place itself, 2 near it, 3 the wider area.
    ``speaker`` is who says it: the entry's author, or the quoted author inside a quote.
    """

    place: str
    entry: int
    start: int
    end: int
    surface: str
    confidence: float
    precision: int = 1
    evidence: str = ""
    speaker: str = ""


@dataclass(frozen=True, slots=True)
class Unresolved:
    """A name that reads as a place but that no gazetteer resolves: kept, never placed."""

    surface: str
    entry: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Relation:
    """A stated relative position ("Khan Touman SW of the city") checked against coordinates.

    ``bearing`` is the initial bearing in degrees from the anchor to the subject; ``agrees``
    says whether it lies within 45 degrees of the stated direction.
    """

    entry: int
    start: int
    end: int
    subject: str
    anchor: str
    stated: str
    bearing: float
    distance_km: float
    agrees: bool


@dataclass(frozen=True, slots=True)
class Actor:
    """A canonical faction or state from ``data/factions.csv``."""

    id: str
    name: str
    side: str
    colour: str


@dataclass(frozen=True, slots=True)
class ActorMention:
    """One alias of an actor in one entry (``start``/``end`` into the entry's text)."""

    actor: str
    entry: int
    start: int
    end: int
    surface: str


@dataclass(frozen=True, slots=True)
class Claim:
    """A statement that ties an actor to a place with an action (ACLED-like).

    ``start``/``end`` index into the entry's text and cover the clause the claim was read
    from; ``quote`` is that text.  ``author`` is who makes the claim: the quoted author
    when the claim sits inside a quote.  ``disputes`` lists the ids of claims this one
    contradicts; ``disputed_by`` the ids of claims that contradict it.  ``confidence`` is
    the calibrated chance that the claim is read right; ``review`` an analyst's verdict, with
    who gave it and when (applied when the corpus is loaded from the store).
    """

    id: str
    entry: int
    author: str
    posted_at: str | None
    actor: str
    action: str
    places: tuple[str, ...]
    origin: str | None
    destination: str | None
    modality: str
    start: int
    end: int
    quote: str
    precision: int = 1
    disputes: tuple[str, ...] = ()
    disputed_by: tuple[str, ...] = ()
    confidence: float = 0.0  # 0-1, calibrated on annotated texts (geo/claims/confidence.py)
    review: str = ""  # "" (not reviewed), "confirmed", "rejected", "corrected" (geo/reviews.py)
    reviewer: str = ""
    reviewed_at: str = ""


@dataclass(slots=True)
class Corpus:
    """The linked corpus of one thread: what ``python -m geo extract`` prints."""

    source: str
    entries: list[Entry]
    places: list[Place] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    unresolved: list[Unresolved] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    actor_mentions: list[ActorMention] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    mode: str = "footers"  # how the thread was split: "footers" | "blocks" | "single"
    notes: list[str] = field(default_factory=list)
    title: str = ""  # from the page, the export, or the text's first line
    family: str = ""  # the comment system the thread was read as (geo/formats/detect.py)

    def _place_dict(self, place: Place) -> dict[str, Any]:
        """A place with what the thread says of it: mention count and best confidence."""
        own = [m for m in self.mentions if m.place == place.id]
        return {**asdict(place), "mentions": len(own),
                "confidence": max((m.confidence for m in own), default=0.0)}

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape documented in the README (``python -m geo extract --format json``)."""
        return {
            "source": self.source,
            "title": self.title,
            "family": self.family,
            "mode": self.mode,
            "notes": list(self.notes),
            "entries": [asdict(e) for e in self.entries],
            "places": [self._place_dict(p) for p in self.places],
            "mentions": [asdict(m) for m in self.mentions],
            "unresolved": [asdict(u) for u in self.unresolved],
            "actors": [asdict(a) for a in self.actors],
            "actor_mentions": [asdict(a) for a in self.actor_mentions],
            "claims": [asdict(c) for c in self.claims],
            "relations": [asdict(r) for r in self.relations],
        }
