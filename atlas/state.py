"""The view in the URL: parse query parameters into a ``ViewState`` and back. No Streamlit here.

A shared link must reproduce what its sender saw, and a link that was mangled must still open:
every parameter is validated against the corpus, and what does not make sense is dropped with a
note the page shows ("ignored side=foo: no such faction"), never an exception.

Parameters (all optional, repeatable ones may also be comma-separated):

========== ====================================================== ============================
name       meaning                                                example
========== ====================================================== ============================
thread     which thread (file name); ``all``: every thread        ``000_c3b9a48d73eaee79.txt``
t          the timeline's last step: its time, ``post``, or index ``2016-06-07T20:30``
side       faction sides to show (slug)                           ``is``, ``sdf-ypg``
who        commenters to show                                     ``Barish``
kind       place kinds to show                                    ``city``, ``facility``
conf       minimum confidence, 0 to 1                             ``0.6``
place      the selected place (its id)                            ``geonames:170063``
tiles      ``osm`` to add online OpenStreetMap tiles              ``osm``
reviewed   ``1``: only claims an analyst confirmed or corrected   ``1``
claimconf  minimum claim confidence, 0 to 1                       ``0.7``
window     play a sliding window: last N comments, or ``Nh`` hours ``5``, ``6h``
speed      play speed (0.5, 1, 2 or 4 times)                      ``2``
========== ====================================================== ============================
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from urllib.parse import urlencode, urlsplit

from atlas.archive import ALL_THREADS, locate
from atlas.playback import Window, parse_speed, parse_window
from atlas.view import Filters, TimelineStep, authors, kinds, slug
from geo.records import Corpus

__all__ = ["ViewState", "entry_link", "parse_query", "share_link", "to_query"]

MAX_VALUES = 50  # more values than this in one parameter is not a real view

#: A place id standing for "whichever place the reader has selected when the link is
#: followed": a map layer drawn once per view (atlas/ui/frozen.py) builds its links with it
#: through :func:`entry_link` like every other link, and the map fills it in on opening.
SELECTED_PLACE = "atlas-selected-place"


@dataclass(frozen=True, slots=True)
class ViewState:
    thread: str | None = None
    filters: Filters = field(default_factory=Filters)
    place: str | None = None
    online_tiles: bool = False
    window: Window | None = None  # None: the timeline is cumulative
    speed: float = 1.0

    def with_filters(self, **changes: object) -> ViewState:
        return replace(self, filters=replace(self.filters, **changes))  # type: ignore[arg-type]


def _values(params: Mapping[str, Sequence[str] | str], name: str) -> list[str]:
    raw = params.get(name, [])
    items = [raw] if isinstance(raw, str) else list(raw)
    values = [v.strip() for item in items for v in str(item).split(",") if v.strip()]
    return values[:MAX_VALUES]


def _known_values(params: Mapping[str, Sequence[str] | str], name: str, known: set[str],
                  why_not: str, notes: list[str]) -> set[str]:
    """The values of parameter ``name`` that are in ``known``; a note for each other one."""
    chosen = set()
    for value in _values(params, name):
        if value in known:
            chosen.add(value)
        else:
            notes.append(f"ignored {name}={_shorten(value)}: {why_not}")
    return chosen


def _shorten(value: str) -> str:
    return value if len(value) <= 40 else value[:37] + "..."


def _step_for(value: str, steps: list[TimelineStep]) -> int | None:
    if value in {"post", "start"}:
        return 0
    if value in {"all", "end", "latest"}:
        return None
    if value.isdigit():
        index = int(value)
        return index if index < len(steps) else None if not steps else -1
    # A time: the last step posted at or before it ("2016-06-07T20:30" or with seconds).
    stamp = value.replace(" ", "T")
    if len(stamp) < 10 or stamp[4:5] != "-":
        return -1
    last = -1
    for step in steps:
        if step.posted_at is None or step.posted_at[: len(stamp)] <= stamp:
            last = step.index
        else:
            break
    return last if last >= 0 else 0


def parse_query(
    params: Mapping[str, Sequence[str] | str],
    *,
    corpus: Corpus | None,
    steps: list[TimelineStep],
    side_names: Sequence[str],
    threads: Sequence[str] = (),
) -> tuple[ViewState, list[str]]:
    """The view a URL asks for, and a note for each part of it that had to be ignored.

    ``threads`` are the threads in the database; ``thread=all`` is valid whenever there is one.
    """
    notes: list[str] = []
    thread = _thread(params, threads, notes)

    until: int | None = None
    for value in _values(params, "t")[:1]:
        step = _step_for(value, steps)
        if step == -1:
            notes.append(f"ignored t={_shorten(value)}: not a time or step of this thread")
        else:
            until = step

    sides = _sides(params, side_names, notes)

    commenters = _known_values(params, "who", set(authors(corpus)) if corpus else set(),
                               "nobody of that name commented", notes)
    chosen_kinds = _known_values(params, "kind", set(kinds(corpus)) if corpus else set(),
                                 "no place of that kind", notes)

    confidence = _fraction(_values(params, "conf")[:1], "conf", notes)
    claim_confidence = _fraction(_values(params, "claimconf")[:1], "claimconf", notes)
    reviewed = _values(params, "reviewed")[:1]
    reviewed_only = reviewed in (["1"], ["yes"], ["true"])
    if reviewed and not reviewed_only and reviewed != ["0"]:
        notes.append(f"ignored reviewed={_shorten(reviewed[0])}: give 1 (reviewed only) or 0")

    place = _place(params, corpus, thread, notes)

    tiles = _values(params, "tiles")[:1]
    online = tiles == ["osm"]
    if tiles and not online:
        notes.append(f"ignored tiles={_shorten(tiles[0])}: the only online layer is 'osm'")

    window, speed = _playback(params, notes)

    filters = Filters(until=until, sides=frozenset(sides), commenters=frozenset(commenters),
                      kinds=frozenset(chosen_kinds), min_confidence=confidence,
                      reviewed_only=reviewed_only, min_claim_confidence=claim_confidence)
    return ViewState(thread=thread, filters=filters, place=place, online_tiles=online,
                     window=window, speed=speed), notes


def _thread(params: Mapping[str, Sequence[str] | str], threads: Sequence[str],
            notes: list[str]) -> str | None:
    values = _values(params, "thread")
    if not values:
        return None
    if values[0] in threads or (threads and values[0] == ALL_THREADS):
        return values[0]
    notes.append(f"ignored thread={_shorten(values[0])}: no such thread")
    return None


def _sides(params: Mapping[str, Sequence[str] | str], side_names: Sequence[str],
           notes: list[str]) -> set[str]:
    by_slug = {slug(name): name for name in side_names}
    sides = set()
    for value in _values(params, "side"):
        name = by_slug.get(slug(value))
        if name is None:
            notes.append(f"ignored side={_shorten(value)}: no such faction")
        else:
            sides.add(name)
    return sides


def _place(params: Mapping[str, Sequence[str] | str], corpus: Corpus | None,
           thread: str | None, notes: list[str]) -> str | None:
    place_ids = {p.id for p in corpus.places} if corpus else set()
    for value in _values(params, "place")[:1]:
        if value in place_ids:
            return value
        notes.append(f"ignored place={_shorten(value)}: no such place in this thread"
                     if thread != ALL_THREADS else
                     f"ignored place={_shorten(value)}: no thread names such a place")
    return None


def _playback(params: Mapping[str, Sequence[str] | str],
              notes: list[str]) -> tuple[Window | None, float]:
    window = None
    for value in _values(params, "window")[:1]:
        window = parse_window(value)
        if window is None:
            notes.append(f"ignored window={_shorten(value)}: give a number of comments (5) "
                         "or hours (6h)")
    speed = 1.0
    for value in _values(params, "speed")[:1]:
        chosen = parse_speed(value)
        if chosen is None:
            notes.append(f"ignored speed={_shorten(value)}: give 0.5, 1, 2 or 4")
        else:
            speed = chosen
    return window, speed


def _fraction(values: Sequence[str], name: str, notes: list[str]) -> float:
    """A number from 0 to 1 given to parameter ``name`` (0.0 when absent or not one)."""
    for value in values:
        try:
            number = float(value)
        except ValueError:
            number = math.nan
        if math.isfinite(number) and 0.0 <= number <= 1.0:
            return number
        notes.append(f"ignored {name}={_shorten(value)}: give a number from 0 to 1")
    return 0.0


def to_query(state: ViewState, *, steps: list[TimelineStep]) -> dict[str, list[str]]:
    """The query parameters for ``state``; defaults are left out so links stay short."""
    query: dict[str, list[str]] = {}
    if state.thread:
        query["thread"] = [state.thread]
    f = state.filters
    if f.until is not None and 0 <= f.until < len(steps) and f.until != len(steps) - 1:
        step = steps[f.until]
        query["t"] = [step.posted_at[:16] if step.posted_at and _unique_minute(step, steps)
                      else "post" if f.until == 0 else str(f.until)]
    if f.sides:
        query["side"] = sorted(slug(s) for s in f.sides)
    if f.commenters:
        query["who"] = sorted(f.commenters)
    if f.kinds:
        query["kind"] = sorted(f.kinds)
    if f.min_confidence:
        query["conf"] = [f"{f.min_confidence:g}"]
    if f.reviewed_only:
        query["reviewed"] = ["1"]
    if f.min_claim_confidence:
        query["claimconf"] = [f"{f.min_claim_confidence:g}"]
    if state.place:
        query["place"] = [state.place]
    if state.online_tiles:
        query["tiles"] = ["osm"]
    if state.window is not None:
        query["window"] = [state.window.to_param()]
    if state.speed != 1.0:
        query["speed"] = [f"{state.speed:g}"]
    return query


def share_link(page_url: str | None, query: Mapping[str, Sequence[str]]) -> str:
    """The link to share: the page's address (its path, "/" at the app's root) and ``query``.

    ``http://host:8501`` + ``t=post`` gives ``http://host:8501/?t=post``; without a page
    address (a test run) the link is relative, ``./?t=post``.
    """
    url = urlsplit(page_url or "")
    base = f"{url.scheme}://{url.netloc}{url.path or '/'}" if url.netloc else "./"
    encoded = urlencode(query, doseq=True)
    return f"{base}?{encoded}" if encoded else base


def entry_link(state: ViewState, *, steps: list[TimelineStep], corpus: Corpus,
               entry_id: int) -> str:
    """``./Thread?...#entry-N``: entry ``entry_id`` of ``corpus`` with the view's filters.

    From the all-threads view the link opens the entry in its own thread (the Thread page
    of one thread is where a comment is read in context); the timeline is kept only as a
    time, since a step number of the archive means nothing in one thread.
    """
    query = to_query(state, steps=steps)
    thread, local = locate(corpus, entry_id)
    if thread != state.thread:
        query["thread"] = [thread]
        if "t" in query and "-" not in query["t"][0]:
            del query["t"]
    query["entry"] = [str(local)]
    return f"./Thread?{urlencode(query, doseq=True)}#entry-{local}"


def _unique_minute(step: TimelineStep, steps: list[TimelineStep]) -> bool:
    """A minute names a step only when no later step shares it."""
    minute = (step.posted_at or "")[:16]
    return not any(s.index > step.index and (s.posted_at or "")[:16] == minute for s in steps)
