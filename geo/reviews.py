"""An analyst's verdicts on claims: confirm, reject or correct (actor, action, places, modality).

A review is keyed by what it reviews, not by a claim id that a rebuild may renumber: the
thread's text (the text part of its digest, so a rebuild of the same text by newer code keeps
its reviews), the entry, the claim's span and quote, and the action the reader gave it.  It
matches a claim with the same entry and action whose span is the same, or, when the reader
now cuts the clause differently, whose quote is the same.  Every review says who and when.

Applying reviews never drops a claim: a rejected claim stays in the list with
``review="rejected"`` (the Claims page shows it; the map leaves it out), a corrected one
carries the corrected fields and ``review="corrected"``.  The SQL lives in geo/corpus.py.

>>> from geo.records import Claim
>>> claim = Claim("e1c0", 1, "a", None, "is", "capture", ("azaz",), None, None,
...               "reported", 0, 12, "IS took Azaz")
>>> verdict = Review("t", 1, 0, 12, "IS took Azaz", "capture", "reject", "Ann",
...                  "2026-12-02T15:00:00+00:00")
>>> [c.review for c in apply_reviews([claim], [verdict])]
['rejected']
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from geo.records import Claim

__all__ = ["VERDICTS", "Review", "ReviewError", "apply_reviews", "make_review", "text_key"]

VERDICTS = ("confirm", "reject", "correct")
STATUS = {"confirm": "confirmed", "reject": "rejected", "correct": "corrected"}
MODALITIES = ("reported", "predicted", "speculative", "questioned", "disputed")
MAX_NAME = 80


class ReviewError(ValueError):
    """A review that cannot be stored (no name, unknown verdict, an empty correction)."""


@dataclass(frozen=True, slots=True)
class Review:
    """One analyst's verdict on one claim (``corrected`` fields only for "correct")."""

    text_key: str
    entry: int
    start: int
    end: int
    quote: str
    action: str
    verdict: str
    reviewer: str
    reviewed_at: str
    actor: str | None = None
    new_action: str | None = None
    places: tuple[str, ...] | None = None
    modality: str | None = None
    note: str = ""

    def corrections(self) -> dict[str, object]:
        fields = {"actor": self.actor, "action": self.new_action, "places": self.places,
                  "modality": self.modality}
        return {k: v for k, v in fields.items() if v}

    def to_json(self) -> str:
        return json.dumps([self.actor, self.new_action, list(self.places or ()),
                           self.modality])


def text_key(digest: str) -> str:
    """The part of a stored digest that depends on the text alone (``stamp-texthash``)."""
    return digest.rpartition("-")[2]


def make_review(text_key_: str, claim: Claim, verdict: str, reviewer: str, *,
                actor: str | None = None, action: str | None = None,
                places: Sequence[str] | None = None, modality: str | None = None,
                note: str = "", now: datetime | None = None) -> Review:
    """A review of ``claim``, checked: a name, a known verdict, a correction that changes."""
    name = " ".join(reviewer.split())[:MAX_NAME]
    if not name:
        raise ReviewError("say who reviews: the name field is empty")
    if verdict not in VERDICTS:
        raise ReviewError(f"unknown verdict {verdict!r} (one of {', '.join(VERDICTS)})")
    if modality and modality not in MODALITIES:
        raise ReviewError(f"unknown modality {modality!r}")
    review = Review(
        text_key=text_key_, entry=claim.entry, start=claim.start, end=claim.end,
        quote=claim.quote, action=claim.action, verdict=verdict, reviewer=name,
        reviewed_at=(now or datetime.now(UTC)).isoformat(timespec="seconds"),
        actor=actor if verdict == "correct" and actor != claim.actor else None,
        new_action=action if verdict == "correct" and action != claim.action else None,
        places=(tuple(places) if verdict == "correct" and places
                and tuple(places) != claim.places else None),
        modality=modality if verdict == "correct" and modality != claim.modality else None,
        note=note.strip()[:500],
    )
    if verdict == "correct" and not review.corrections():
        raise ReviewError("a correction must change the actor, action, places or modality")
    return review


def _matches(review: Review, claim: Claim) -> bool:
    if review.entry != claim.entry or review.action != claim.action:
        return False
    return (review.start, review.end) == (claim.start, claim.end) or review.quote == claim.quote


def apply_reviews(claims: Iterable[Claim], reviews: Sequence[Review]) -> list[Claim]:
    """Claims with their latest review applied (see the module docstring)."""
    latest: dict[tuple[int, str], list[Review]] = {}
    for review in sorted(reviews, key=lambda r: r.reviewed_at):
        latest.setdefault((review.entry, review.action), []).append(review)
    out: list[Claim] = []
    for claim in claims:
        found = [r for r in latest.get((claim.entry, claim.action), ()) if _matches(r, claim)]
        if not found:
            out.append(claim)
            continue
        review = found[-1]
        changes: dict[str, object] = {"review": STATUS[review.verdict],
                                      "reviewer": review.reviewer,
                                      "reviewed_at": review.reviewed_at}
        if review.verdict == "correct":
            fixed = review.corrections()
            if "places" in fixed:
                places = tuple(fixed["places"])  # type: ignore[arg-type]
                changes["places"] = places
                if claim.origin not in places:
                    changes["origin"] = None
                if claim.destination not in places:
                    changes["destination"] = None
            for name in ("actor", "action", "modality"):
                if name in fixed:
                    changes[name] = fixed[name]
        out.append(replace(claim, **changes))
    return out
