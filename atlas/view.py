"""What the dashboard shows for a given time and set of filters: pure functions, no Streamlit.

Every page builds one ``View`` from the corpus and the ``Filters`` in the URL, so the map, the
panel, the tables and the charts always agree on what is visible.

* Time: the timeline's steps are the post, then each comment in time order; a view "up to step
  k" shows what the thread had said by then.  In the all-threads view (an
  :class:`atlas.archive.Archive`) the steps are every thread's entries by time, and the slider
  stops at fewer of them (:func:`timeline_stops`: each day, week, month or year).
* Faction: a claim involves its actor's side; a mention involves a side when a claim of that side
  covers it or an actor of that side is named in the same sentence.
* Commenter: the entries written by those commenters.
* Place kind and minimum confidence: on the mentions (a claim stays when one of its places does).
"""

from __future__ import annotations

import bisect
import datetime
import re
import threading
from collections import Counter, OrderedDict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace

from atlas.archive import Archive
from atlas.cards import stamp
from geo.records import Claim, Corpus, Entry, Mention, Place
from geo.thread import signature_owners

__all__ = [
    "Filters",
    "Stops",
    "TimelineStep",
    "View",
    "apply_filters",
    "slug",
    "timeline",
    "timeline_stops",
]

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
    #: the time the step is sorted by: its own, else the time of the comment before it in its
    #: thread (the post: its thread's first time); "" when its thread has no time at all
    at: str = ""


def _thread_numbers(corpus: Corpus) -> Sequence[int]:
    """Which thread each entry comes from: an archive's come from many, else all from one."""
    if isinstance(corpus, Archive):
        return corpus.entry_thread
    return [0] * len(corpus.entries)


def timeline(corpus: Corpus) -> list[TimelineStep]:
    """The post first (it has no time), then comments by time; untimed comments keep their place.

    In an archive of many threads the steps are every thread's entries by time, each post just
    before its thread's first comment.  Computed once per corpus (see :func:`_index`).
    """
    return list(_index(corpus).steps)


def _timeline(corpus: Corpus) -> list[TimelineStep]:
    numbers = _thread_numbers(corpus)
    first: dict[int, str] = {}
    for entry, number in zip(corpus.entries, numbers, strict=True):
        if entry.posted_at and entry.posted_at < first.get(number, "\uffff"):
            first[number] = entry.posted_at
    last: dict[int, str] = {}
    effective: list[str] = []
    for entry, number in zip(corpus.entries, numbers, strict=True):
        last[number] = entry.posted_at or last.get(number) or first.get(number, "")
        effective.append(last[number])
    order = sorted(range(len(corpus.entries)),
                   key=lambda i: (effective[i], numbers[i], corpus.entries[i].kind != "post", i))
    steps = []
    for index, position in enumerate(order):
        entry = corpus.entries[position]
        label = f"{stamp(entry.posted_at, kind=entry.kind)} · {entry.author or '?'}"
        steps.append(TimelineStep(index, entry.id, entry.posted_at, label, effective[position]))
    return steps


#: At most this many stops on the timeline slider; a longer timeline steps by day, week, ...
MAX_STOPS = 150
_MONDAYS: dict[str, str] = {}


def _monday(day: str) -> str:
    """The Monday of the ISO week of ``day`` (YYYY-MM-DD), as YYYY-MM-DD."""
    if day not in _MONDAYS:
        try:
            date = datetime.date.fromisoformat(day)
        except ValueError:
            return day
        _MONDAYS[day] = (date - datetime.timedelta(days=date.weekday())).isoformat()
    return _MONDAYS[day]


_GRAINS: tuple[tuple[str, Callable[[str], str]], ...] = (
    ("day", lambda at: at[:10]),
    ("week", lambda at: _monday(at[:10])),
    ("month", lambda at: at[:7]),
    ("year", lambda at: at[:4]),
)


@dataclass(frozen=True, slots=True)
class Stops:
    """The timeline slider's stops: step indices (each the last step of its bucket) and labels.

    A thread of a few dozen comments stops at every comment; an archive of thousands stops at
    the end of each day, week, month or year (the finest that gives at most ``MAX_STOPS``),
    because a slider of ten thousand positions cannot be moved to the one you want.
    """

    grain: str  # "comment", "day", "week", "month" or "year"
    indices: tuple[int, ...]
    labels: dict[int, str]

    def snap(self, index: int) -> int:
        """The first stop at or after step ``index`` (the last stop if it is beyond them)."""
        position = bisect.bisect_left(self.indices, index)
        return self.indices[min(position, len(self.indices) - 1)] if self.indices else index

    def bucket(self, index: int) -> range:
        """The steps that stop ``index`` (a stop) stands for."""
        position = bisect.bisect_left(self.indices, index)
        start = self.indices[position - 1] + 1 if position > 0 else 0
        return range(start, index + 1)


def timeline_stops(steps: Sequence[TimelineStep], limit: int = MAX_STOPS) -> Stops:
    """Where the slider stops on ``steps`` (see :class:`Stops`)."""
    if len(steps) <= limit:
        return Stops("comment", tuple(s.index for s in steps), {s.index: s.label for s in steps})
    for grain, key in _GRAINS:
        ends: dict[str, int] = {}
        for step in steps:
            ends[key(step.at) if step.at else ""] = step.index
        if len(ends) <= limit or grain == "year":
            break
    indices = tuple(sorted(ends.values()))
    labels = {}
    for bucket, index in ends.items():
        if not bucket:
            labels[index] = "untimed"
        elif grain == "week":
            labels[index] = f"week of {bucket}"
        else:
            labels[index] = bucket
    return Stops(grain, indices, labels)


@dataclass(frozen=True, slots=True)
class Filters:
    """The user's choices; empty sets mean 'all'."""

    until: int | None = None  # the last timeline step shown (inclusive); None: the whole thread
    #: the first timeline step shown (a sliding window's start); None: from the beginning
    since: int | None = None
    sides: frozenset[str] = frozenset()
    commenters: frozenset[str] = frozenset()
    kinds: frozenset[str] = frozenset()
    min_confidence: float = 0.0
    reviewed_only: bool = False  # only claims an analyst confirmed or corrected
    min_claim_confidence: float = 0.0

    @property
    def narrowed(self) -> bool:
        """Whether a choice other than the time leaves something out."""
        return bool(self.sides or self.commenters or self.kinds or self.min_confidence
                    or self.reviewed_only or self.min_claim_confidence)


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
    #: per mention: the sides it involves; per claim: the places it touches (for cutting)
    mention_side_sets: list[frozenset[str]] = field(default_factory=list, repr=False)
    claim_place_ids: list[tuple[str, ...]] = field(default_factory=list, repr=False)

    def place(self, place_id: str) -> Place | None:
        return next((p for p in self.places if p.id == place_id), None)

    def mentions_of(self, place_id: str) -> list[Mention]:
        return [m for m in self.mentions if m.place == place_id]

    def said_name(self, place_id: str) -> str:
        """The place's name as the comments in view write it most often; the gazetteer's
        when no comment names it or the two differ only in case."""
        place = self.place(place_id)
        gazetteer = place.name if place else place_id
        said = Counter(" ".join(m.surface.split()) for m in self.mentions_of(place_id))
        name = said.most_common(1)[0][0] if said else gazetteer
        return gazetteer if name.casefold() == gazetteer.casefold() else name

    def claims_about(self, place_id: str) -> list[Claim]:
        return [c for c in self.claims
                if place_id in c.places or place_id in (c.origin, c.destination)]

    def entry(self, entry_id: int) -> Entry:
        return self.corpus.entries[entry_id]


def _sentences(text: str) -> list[tuple[int, int]]:
    """The (begin, end) of each sentence of ``text`` (breaks: . ! ? then space, or newlines)."""
    bounds = []
    begin = 0
    for match in SENTENCE_BREAK.finditer(text):
        bounds.append((begin, match.start()))
        begin = match.end()
    bounds.append((begin, len(text)))
    return bounds


def _break_ends(bounds: list[tuple[int, int]]) -> list[int]:
    # the end of the break after each sentence is where the next sentence begins
    return [b for b, _ in bounds[1:]]


def side_of(corpus: Corpus) -> dict[str, str]:
    return {a.id: a.side for a in corpus.actors}


@dataclass(slots=True)
class _Index:
    """What filtering needs that does not depend on the filters: computed once per corpus."""

    steps: list[TimelineStep]
    rank: list[int]  # entry id -> its timeline step
    sides: dict[str, str]  # actor id -> side
    places: dict[str, Place]
    mention_sides: list[frozenset[str]]  # per corpus.mentions position
    claim_places: list[tuple[str, ...]]  # per corpus.claims position: places, origin, dest.


_INDEXES: OrderedDict[int, tuple[Corpus, _Index]] = OrderedDict()
_VIEWS: OrderedDict[tuple[int, Filters], tuple[Corpus, View]] = OrderedDict()
_LOCK = threading.Lock()
_KEEP_INDEXES = 8  # corpora (the app caches 16 threads and 2 archives; recent ones matter)
_KEEP_VIEWS = 24  # filtered views: a rerun with the same filters (a click) is free


def _remember(cache: OrderedDict, key: object, corpus: Corpus, value: object, keep: int) -> None:
    with _LOCK:
        cache[key] = (corpus, value)  # the corpus is kept so its id() is not reused
        cache.move_to_end(key)
        while len(cache) > keep:
            cache.popitem(last=False)


def _recall(cache: OrderedDict, key: object, corpus: Corpus) -> object | None:
    with _LOCK:
        hit = cache.get(key)
        if hit is None or hit[0] is not corpus:
            return None
        cache.move_to_end(key)
        return hit[1]


def _index(corpus: Corpus) -> _Index:
    """The corpus's filter-independent facts, computed on first use and kept.

    Why: a timeline step or a filter change must not redo what no filter changes: the
    timeline's order, and which sides each mention involves (the claims covering it and the
    actors named in its sentence; finding sentences is most of the cost).  Corpora are
    treated as read-only once loaded (the app caches them), so the index never goes stale.
    """
    found = _recall(_INDEXES, id(corpus), corpus)
    if found is not None:
        return found  # type: ignore[return-value]
    sides = side_of(corpus)
    steps = _timeline(corpus)
    rank = [0] * len(corpus.entries)
    for step in steps:
        rank[step.entry] = step.index
    claims_by_entry: dict[int, list[Claim]] = {}
    for claim in corpus.claims:
        claims_by_entry.setdefault(claim.entry, []).append(claim)
    actors_by_entry: dict[int, list[tuple[int, str]]] = {}
    for am in corpus.actor_mentions:
        actors_by_entry.setdefault(am.entry, []).append((am.start, sides.get(am.actor, "Others")))
    bounds: dict[int, tuple[list[tuple[int, int]], list[int]]] = {}
    interned: dict[frozenset[str], frozenset[str]] = {}
    per_mention = []
    for mention in corpus.mentions:
        covering = [c for c in claims_by_entry.get(mention.entry, ())
                    if c.start <= mention.start < c.end]
        found_sides = {sides.get(c.actor, "Others") for c in covering if c.review != "rejected"}
        named = actors_by_entry.get(mention.entry)
        if named and not any(c.review == "rejected" for c in covering):  # an analyst said no
            if mention.entry not in bounds:
                sentences = _sentences(corpus.entries[mention.entry].text)
                bounds[mention.entry] = (sentences, _break_ends(sentences))
            sentences, ends = bounds[mention.entry]
            begin, end = sentences[bisect.bisect_right(ends, mention.start)]
            found_sides |= {side for start, side in named if begin <= start < end}
        key = frozenset(found_sides)
        per_mention.append(interned.setdefault(key, key))
    index = _Index(
        steps=steps, rank=rank, sides=sides, places={p.id: p for p in corpus.places},
        mention_sides=per_mention,
        claim_places=[tuple(dict.fromkeys(p for p in (*c.places, c.origin, c.destination) if p))
                      for c in corpus.claims],
    )
    _remember(_INDEXES, id(corpus), corpus, index, _KEEP_INDEXES)
    return index


def _visible_entries(corpus: Corpus, filters: Filters) -> set[int]:
    shown = {e.id for e in corpus.entries}
    if filters.until is not None:
        steps = _index(corpus).steps
        shown = {s.entry for s in steps[: max(0, filters.until) + 1]}
    if filters.commenters:
        owners = signature_owners(corpus.entries)  # the post's "pl" is turcopolier
        shown = {i for i in shown
                 if owners.get(corpus.entries[i].author, corpus.entries[i].author)
                 in filters.commenters}
    return shown


def apply_filters(corpus: Corpus, filters: Filters) -> View:
    """The part of ``corpus`` that ``filters`` let through, with per-place counts and sides.

    The result is cached per corpus and filters (a rerun with the same choices, a click on
    the map, costs nothing); treat it as read-only.  A view up to a timeline step is cut from
    the view of the whole timeline with the same other filters, which is cached too: moving
    the timeline redoes only the cut.
    """
    key = (id(corpus), filters)
    cached = _recall(_VIEWS, key, corpus)
    if cached is not None:
        return cached  # type: ignore[return-value]
    if filters.until is None and not filters.since:
        view = _filter(corpus, filters)
    else:
        view = _cut(corpus, apply_filters(corpus, replace(filters, until=None, since=None)),
                    filters)
    _remember(_VIEWS, key, corpus, view, _KEEP_VIEWS)
    return view


def _kind_test(places: dict[str, Place], filters: Filters) -> Callable[[str | None], bool]:
    def kind_ok(place_id: str | None) -> bool:
        place = places.get(place_id or "")
        return place is not None and (not filters.kinds or place.kind in filters.kinds)
    return kind_ok


def _filter(corpus: Corpus, filters: Filters) -> View:
    """The view of the whole timeline (``filters.until`` is None)."""
    index = _index(corpus)
    sides, places = index.sides, index.places
    shown = _visible_entries(corpus, filters)
    every_entry = len(shown) == len(corpus.entries)
    kind_ok = _kind_test(places, filters)

    mentions = []
    mention_sides_kept = []
    for mention, its_sides in zip(corpus.mentions, index.mention_sides, strict=True):
        if not every_entry and mention.entry not in shown:
            continue
        if mention.confidence < filters.min_confidence or not kind_ok(mention.place):
            continue
        if filters.sides and not (its_sides & filters.sides):
            continue
        mentions.append(mention)
        mention_sides_kept.append(its_sides)

    claims = []
    claim_places = []
    for claim, touched in zip(corpus.claims, index.claim_places, strict=True):
        if not every_entry and claim.entry not in shown:
            continue
        if filters.sides and sides.get(claim.actor, "Others") not in filters.sides:
            continue
        if claim.review == "rejected" or (filters.reviewed_only and not claim.review) \
                or claim.confidence < filters.min_claim_confidence:
            continue  # a rejected claim never colours the map
        if not any(kind_ok(p) for p in claim.places):
            continue
        claims.append(claim)
        claim_places.append(touched)
    return _assemble(corpus, filters, index, [e for e in corpus.entries if e.id in shown],
                     mentions, mention_sides_kept, claims, claim_places, kind_ok)


def _cut(corpus: Corpus, whole: View, filters: Filters) -> View:
    """``whole`` (the same filters over the whole timeline) from step ``filters.since`` to
    step ``filters.until``."""
    index = _index(corpus)
    until = len(index.steps) if filters.until is None else max(0, filters.until)
    since = max(0, filters.since or 0)
    rank = index.rank

    def shown(entry: int) -> bool:
        return since <= rank[entry] <= until

    keep = [i for i, m in enumerate(whole.mentions) if shown(m.entry)]
    claims_keep = [i for i, c in enumerate(whole.claims) if shown(c.entry)]
    return _assemble(
        corpus, filters, index, [e for e in whole.entries if shown(e.id)],
        [whole.mentions[i] for i in keep], [whole.mention_side_sets[i] for i in keep],
        [whole.claims[i] for i in claims_keep], [whole.claim_place_ids[i] for i in claims_keep],
        _kind_test(index.places, filters))


def _assemble(corpus: Corpus, filters: Filters, index: _Index, entries: list[Entry],
              mentions: list[Mention], mention_sides_kept: list[frozenset[str]],
              claims: list[Claim], claim_places: list[tuple[str, ...]],
              kind_ok: Callable[[str | None], bool]) -> View:
    """Counts, sides per place and the visible places of the chosen mentions and claims."""
    sides, places = index.sides, index.places
    involved: dict[str, Counter[str]] = {}
    # sides per place: count each (place, set of sides) once, then add them up
    combos = Counter(zip((m.place for m in mentions), mention_sides_kept, strict=True))
    for (place_id, its_sides), times in combos.items():
        counter = involved.setdefault(place_id, Counter())
        for side in its_sides:
            counter[side] += times
    for claim, touched in zip(claims, claim_places, strict=True):
        side = sides.get(claim.actor, "Others")
        for place_id in touched:
            involved.setdefault(place_id, Counter())[side] += 2
    counts = Counter(m.place for m in mentions)
    visible_ids = set(counts) | {p for c in claims for p in c.places if kind_ok(p)}
    visible = sorted((places[i] for i in visible_ids if i in places),
                     key=lambda p: (-counts[p.id], p.name))
    return View(
        corpus=corpus, filters=filters, entries=entries, mentions=mentions, claims=claims,
        places=visible, counts=counts,
        sides_by_place={pid: [s for s, _ in c.most_common()] for pid, c in involved.items()},
        mention_side_sets=mention_sides_kept, claim_place_ids=claim_places,
    )


def commenter_of(corpus: Corpus) -> Callable[[str | None], str]:
    """The person behind an author name: a post's signature ("pl") is the account that signs
    its comments with it ("turcopolier"); an entry with no author is "?".

    >>> from geo.records import Corpus, Entry
    >>> entries = [Entry(0, "post", "pl", None, "Aleppo falls. pl", 0, 16),
    ...            Entry(1, "comment", "turcopolier", "2016-06-01T10:00", "Agreed. pl", 17, 27)]
    >>> name = commenter_of(Corpus(source="t", entries=entries))
    >>> [name("pl"), name("turcopolier"), name(None)]
    ['turcopolier', 'turcopolier', '?']
    """
    owners = signature_owners(corpus.entries)
    return lambda author: owners.get(author, author) if author else "?"


def authors(corpus: Corpus) -> list[str]:
    """Commenters in order of first appearance, each person once (see :func:`commenter_of`)."""
    name = commenter_of(corpus)
    return list(dict.fromkeys(name(e.author) for e in corpus.entries if e.author))


def kinds(corpus: Corpus) -> list[str]:
    return sorted({p.kind for p in corpus.places})


def sides_in_order(corpus: Corpus, order: Iterable[str]) -> list[str]:
    present = {a.side for a in corpus.actors}
    ranked = [s for s in order if s in present]
    return ranked + sorted(present - set(ranked))
