"""What the dashboard shows for a given time and set of filters: pure functions, no Streamlit.

Every page builds one ``View`` from the corpus and the ``Filters`` in the URL, so the map, the
panel, the tables and the charts always agree on what is visible.

* Time: the timeline's steps are the post, then each comment in time order; a view "up to step
  k" shows what the thread had said by then.
* Faction: a claim involves its actor's side; a mention involves a side when a claim of that side
  covers it or an actor of that side is named in the same sentence.
* Commenter: the entries written by those commenters.
* Place kind and minimum confidence: on the mentions (a claim stays when one of its places does).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from geo.records import Claim, Corpus, Entry, Mention, Place

__all__ = ["Filters", "TimelineStep", "View", "apply_filters", "slug", "timeline"]

SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+|\n+")


def slug(text: str) -> str:
    """URL-friendly form of a side or kind: 'Nusra and other rebels' -> 'nusra-and-other-rebels'."""
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")


@dataclass(frozen=True, slots=True)
class TimelineStep:
    index: int
    entry: int
    posted_at: str | None
    label: str


def timeline(corpus: Corpus) -> list[TimelineStep]:
    """The post first (it has no time), then comments by time; untimed comments keep their place."""
    effective: dict[int, str] = {}
    last = ""
    for entry in corpus.entries:
        last = entry.posted_at or last
        effective[entry.id] = last
    order = sorted(corpus.entries, key=lambda e: (e.kind != "post", effective[e.id], e.id))
    steps = []
    for index, entry in enumerate(order):
        if entry.posted_at:
            day, _, clock = entry.posted_at.partition("T")
            label = f"{day} {clock[:5]} · {entry.author}"
        else:
            label = f"{'the post' if entry.kind == 'post' else 'untimed'} · {entry.author or '?'}"
        steps.append(TimelineStep(index, entry.id, entry.posted_at, label))
    return steps


@dataclass(frozen=True, slots=True)
class Filters:
    """The user's choices; empty sets mean 'all'."""

    until: int | None = None  # the last timeline step shown (inclusive); None: the whole thread
    sides: frozenset[str] = frozenset()
    commenters: frozenset[str] = frozenset()
    kinds: frozenset[str] = frozenset()
    min_confidence: float = 0.0


@dataclass(slots=True)
class View:
    corpus: Corpus
    filters: Filters
    entries: list[Entry]
    mentions: list[Mention]
    claims: list[Claim]
    places: list[Place]
    counts: Counter[str] = field(default_factory=Counter)
    sides_by_place: dict[str, list[str]] = field(default_factory=dict)

    def place(self, place_id: str) -> Place | None:
        return next((p for p in self.places if p.id == place_id), None)

    def mentions_of(self, place_id: str) -> list[Mention]:
        return [m for m in self.mentions if m.place == place_id]

    def claims_about(self, place_id: str) -> list[Claim]:
        return [c for c in self.claims
                if place_id in c.places or place_id in (c.origin, c.destination)]

    def entry(self, entry_id: int) -> Entry:
        return self.corpus.entries[entry_id]


def _sentence_of(text: str, start: int) -> tuple[int, int]:
    begin = 0
    for match in SENTENCE_BREAK.finditer(text):
        if match.end() > start:
            return begin, match.start()
        begin = match.end()
    return begin, len(text)


def side_of(corpus: Corpus) -> dict[str, str]:
    return {a.id: a.side for a in corpus.actors}


def mention_sides(corpus: Corpus, mention: Mention, *, sides: dict[str, str],
                  claims_by_entry: dict[int, list[Claim]],
                  actors_by_entry: dict[int, list[tuple[int, str]]]) -> set[str]:
    """Sides a mention involves: claims covering it, actors named in its sentence."""
    found = {sides.get(c.actor, "Others") for c in claims_by_entry.get(mention.entry, [])
             if c.start <= mention.start < c.end}
    text = corpus.entries[mention.entry].text
    begin, end = _sentence_of(text, mention.start)
    found |= {side for start, side in actors_by_entry.get(mention.entry, [])
              if begin <= start < end}
    return found


def _visible_entries(corpus: Corpus, filters: Filters) -> set[int]:
    shown = {e.id for e in corpus.entries}
    if filters.until is not None:
        steps = timeline(corpus)
        shown = {s.entry for s in steps[: max(0, filters.until) + 1]}
    if filters.commenters:
        shown = {i for i in shown if corpus.entries[i].author in filters.commenters}
    return shown


def apply_filters(corpus: Corpus, filters: Filters) -> View:
    """The part of ``corpus`` that ``filters`` let through, with per-place counts and sides."""
    sides = side_of(corpus)
    shown = _visible_entries(corpus, filters)
    places = {p.id: p for p in corpus.places}
    claims_by_entry: dict[int, list[Claim]] = {}
    for claim in corpus.claims:
        claims_by_entry.setdefault(claim.entry, []).append(claim)
    actors_by_entry: dict[int, list[tuple[int, str]]] = {}
    for am in corpus.actor_mentions:
        actors_by_entry.setdefault(am.entry, []).append((am.start, sides.get(am.actor, "Others")))

    def kind_ok(place_id: str | None) -> bool:
        place = places.get(place_id or "")
        return place is not None and (not filters.kinds or place.kind in filters.kinds)

    mentions = []
    involved: dict[str, Counter[str]] = {}
    for mention in corpus.mentions:
        if mention.entry not in shown or mention.confidence < filters.min_confidence:
            continue
        if not kind_ok(mention.place):
            continue
        its_sides = mention_sides(corpus, mention, sides=sides, claims_by_entry=claims_by_entry,
                                  actors_by_entry=actors_by_entry)
        if filters.sides and not (its_sides & filters.sides):
            continue
        mentions.append(mention)
        involved.setdefault(mention.place, Counter()).update(its_sides)

    claims = []
    for claim in corpus.claims:
        if claim.entry not in shown:
            continue
        if filters.sides and sides.get(claim.actor, "Others") not in filters.sides:
            continue
        if not any(kind_ok(p) for p in claim.places):
            continue
        claims.append(claim)
        for place_id in {*claim.places, claim.origin, claim.destination} - {None}:
            involved.setdefault(place_id, Counter())[sides.get(claim.actor, "Others")] += 2  # type: ignore[index]

    counts = Counter(m.place for m in mentions)
    visible_ids = set(counts) | {p for c in claims for p in c.places if kind_ok(p)}
    visible = sorted((places[i] for i in visible_ids if i in places),
                     key=lambda p: (-counts[p.id], p.name))
    return View(
        corpus=corpus, filters=filters,
        entries=[e for e in corpus.entries if e.id in shown],
        mentions=mentions, claims=claims, places=visible, counts=counts,
        sides_by_place={pid: [s for s, _ in c.most_common()] for pid, c in involved.items()},
    )


def authors(corpus: Corpus) -> list[str]:
    """Commenters in order of first appearance."""
    seen: dict[str, None] = {}
    for entry in corpus.entries:
        if entry.author:
            seen.setdefault(entry.author, None)
    return list(seen)


def kinds(corpus: Corpus) -> list[str]:
    return sorted({p.kind for p in corpus.places})


def sides_in_order(corpus: Corpus, order: Iterable[str]) -> list[str]:
    present = {a.side for a in corpus.actors}
    ranked = [s for s in order if s in present]
    return ranked + sorted(present - set(ranked))
