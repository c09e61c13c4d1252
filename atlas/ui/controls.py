"""The controls every page shares: thread, timeline, faction, commenter, kind, confidence.

The URL is the source of truth for a shared link, the widgets for a person clicking: on each
run, if the URL differs from what this session last wrote into it (a pasted link, the first
load), the widgets are set from the URL; otherwise the widgets win and the URL is rewritten
from them.  Between pages (where Streamlit drops the query string) the last view is kept in the
session.  Bad parameters are dropped with a visible note (``st.info``), never an error page.

The thread selector offers every thread and "All threads" (``thread=all``): the whole database
as one :class:`atlas.archive.Archive`, whose long timeline the slider walks in days, weeks or
months (:func:`atlas.view.timeline_stops`) instead of comment by comment.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

import streamlit as st

from atlas.archive import ALL_THREADS
from atlas.playback import SPEEDS, parse_window, window_start
from atlas.state import ViewState, parse_query, to_query
from atlas.ui import keys
from atlas.ui.data import corpus as load_thread
from atlas.ui.data import ensure_database, thread_titles, threads
from atlas.view import (
    Filters,
    Stops,
    TimelineStep,
    View,
    apply_filters,
    authors,
    kinds,
    sides_in_order,
    timeline,
    timeline_stops,
)
from geo.factions import SIDE_ORDER
from geo.records import Corpus

__all__ = ["ALL_THREADS", "Page", "page_setup", "timeline_slider"]

#: The main column's top padding on every page (rem): Streamlit's default, 6rem, left about
#: 100 px of blank above a page's title; the map page's own stylesheet uses the same.
TOP_PADDING_REM = 2.9
#: The sliding windows the play control offers ("" is cumulative); a link may ask for others.
WINDOWS = ("", "1", "3", "5", "10", "20", "1h", "6h", "24h", "168h")


@dataclass(slots=True)
class Page:
    """What a page needs: the corpus, the view state, the filtered view, the timeline.

    ``corpus`` is one thread's, or an :class:`atlas.archive.Archive` of all of them
    (``all_threads``); ``stops`` are the steps the timeline slider offers.
    """

    corpus: Corpus
    state: ViewState
    view: View
    steps: list[TimelineStep]
    threads: list[str]
    stops: Stops

    @property
    def all_threads(self) -> bool:
        return self.corpus.source == ALL_THREADS


def _query_dict() -> dict[str, list[str]]:
    return {key: st.query_params.get_all(key) for key in st.query_params}


def _apply_to_widgets(state: ViewState, steps: list[TimelineStep], stops: Stops,
                      thread: str) -> None:
    f = state.filters
    st.session_state[keys.THREAD] = thread
    st.session_state[keys.TIME] = stops.snap(len(steps) - 1 if f.until is None
                                         else min(f.until, len(steps) - 1))
    st.session_state[keys.SIDES] = sorted(f.sides)
    st.session_state[keys.WHO] = sorted(f.commenters)
    st.session_state[keys.KINDS] = sorted(f.kinds)
    st.session_state[keys.CONFIDENCE] = float(f.min_confidence)
    st.session_state[keys.REVIEWED] = f.reviewed_only
    st.session_state[keys.CLAIM_CONFIDENCE] = float(f.min_claim_confidence)
    st.session_state[keys.TILES] = state.online_tiles
    st.session_state[keys.PLACE] = state.place
    st.session_state[keys.WINDOW] = state.window.to_param() if state.window else ""
    st.session_state[keys.SPEED] = state.speed


def _format_step(steps: list[TimelineStep], stops: Stops):
    def label(index: int) -> str:
        if index in stops.labels:
            return stops.labels[index]
        return steps[index].label if 0 <= index < len(steps) else str(index)
    return label


def _thread_name(available: list[str], titles: dict[str, str]):
    """A thread's title in the selector (its file name when it has none)."""
    return lambda name: (f"All threads ({len(available)})" if name == ALL_THREADS
                         else titles.get(name) or name)


def timeline_slider(page: Page, *, container=None, compact: bool = False) -> None:
    """The time slider (drawn where the page wants it; the map page puts it under the map).

    ``compact``: no label line above it (the map page's row has a play button beside it).
    """
    where = container or st.sidebar
    steps, stops = page.steps, page.stops
    if len(stops.indices) < 2:
        return
    if stops.grain == "comment":
        label, help_text = "Thread up to", "Show only what the thread had said by this comment."
        if page.all_threads:
            label, help_text = "Threads up to", ("Show only what the threads had said by this "
                                                 "comment.")
    else:
        label = f"Threads up to (by {stops.grain})"
        help_text = (f"Show only what the threads had said by the end of this {stops.grain} "
                     f"({len(steps)} entries in {len(stops.indices)} steps).")
    where.select_slider(label, options=list(stops.indices), key=keys.TIME,
                        format_func=_format_step(steps, stops), help=help_text,
                        label_visibility="collapsed" if compact else "visible")


def _sidebar(corpus: Corpus, choices: list[str], available: list[str], db: Path,
             steps: list[TimelineStep], stops: Stops, *, timeline_in_sidebar: bool,
             side_names: list[str]) -> None:
    """The sidebar's filters; a new thread chosen reruns the page on it."""
    with st.sidebar:
        st.selectbox("Thread", choices, key=keys.THREAD,
                     format_func=_thread_name(available, thread_titles(db)),
                     help="Threads in the database; add one on the Ingest page. All threads: "
                          "every thread on one map and one timeline.")
        if st.session_state[keys.THREAD] != corpus.source:
            st.session_state[keys.LAST_QUERY] = None
            st.query_params.from_dict({"thread": st.session_state[keys.THREAD]})
            st.session_state.pop(keys.TIME, None)
            st.rerun()
        if timeline_in_sidebar:
            timeline_slider(Page(corpus, ViewState(), None, steps, available,  # type: ignore[arg-type]
                                 stops))
        st.multiselect("Faction", side_names, key=keys.SIDES,
                       help="Claims by, and mentions near, these sides. Empty: all.")
        st.multiselect("Commenter", authors(corpus), key=keys.WHO,
                       help="Only these commenters' entries. Empty: all.")
        st.multiselect("Place kind", kinds(corpus), key=keys.KINDS)
        st.slider("Minimum confidence", 0.0, 1.0, step=0.05, key=keys.CONFIDENCE,
                  help="How sure the geoparser must be that a name is this place.")
        st.toggle("Reviewed claims only", key=keys.REVIEWED,
                  help="Only claims an analyst confirmed or corrected. A rejected claim is "
                       "never on the map.")
        st.slider("Minimum claim confidence", 0.0, 1.0, step=0.05, key=keys.CLAIM_CONFIDENCE,
                  help="How likely a claim is read right (calibrated on annotated texts).")
        st.toggle("Online map tiles (OpenStreetMap)", key=keys.TILES,
                  help="Off by default: the map works with no internet. On: tiles are fetched "
                       "from the OpenStreetMap servers.")


def _state_from_widgets(corpus: Corpus, steps: list[TimelineStep]) -> ViewState:
    """The view state the sidebar's (and the timeline's) widgets hold."""
    until = st.session_state.get(keys.TIME)
    window = parse_window(st.session_state.get(keys.WINDOW) or "")
    last = len(steps) - 1 if until is None else int(until)
    filters = Filters(
        until=None if until is None or until >= len(steps) - 1 else int(until),
        since=window_start(steps, last, window),
        sides=frozenset(st.session_state[keys.SIDES]),
        commenters=frozenset(st.session_state[keys.WHO]),
        kinds=frozenset(st.session_state[keys.KINDS]),
        min_confidence=float(st.session_state[keys.CONFIDENCE]),
        reviewed_only=bool(st.session_state.get(keys.REVIEWED, False)),
        min_claim_confidence=float(st.session_state.get(keys.CLAIM_CONFIDENCE, 0.0)),
    )
    return ViewState(thread=corpus.source, filters=filters,
                      place=st.session_state.get(keys.PLACE),
                      online_tiles=bool(st.session_state[keys.TILES]), window=window,
                      speed=float(st.session_state.get(keys.SPEED) or 1.0))


def page_setup(*, title: str, timeline_in_sidebar: bool = True, draw_notes: bool = True) -> Page:
    """Read the URL, draw the sidebar, filter the corpus; call once at the top of each page.
    ``draw_notes=False``: the link's notes are left for the page to show (:func:`_link_notes`).
    """
    db = ensure_database()
    # the title at the top of the page, as the map on the map page (a style alone takes no room)
    st.html(f"<style>[data-testid='stMainBlockContainer'] {{padding-top: {TOP_PADDING_REM}rem;}}"
            "</style>")
    available = threads(str(db))
    if not available:
        st.error("There is no thread to show: seeds/ is empty. Add a thread on the Ingest page.")
        st.stop()

    # Each page has its own widgets (Streamlit's widget ids include the page), so a page switch
    # would reset the sidebar to its defaults; written back as plain session values, the
    # choices carry over to the same-keyed widgets of the next page.
    for key in keys.SIDEBAR:
        if key in st.session_state:
            st.session_state[key] = st.session_state[key]

    query = _query_dict()
    fresh = query != st.session_state.get(keys.LAST_QUERY)
    if not query and keys.LAST_STATE in st.session_state:
        fresh = False  # a page switch dropped the query string: keep the session's view
    choices = [*available, ALL_THREADS]
    thread_param = query.get("thread", [None])[0]
    thread = thread_param if thread_param in choices else st.session_state.get(
        keys.THREAD, available[0])
    if fresh or keys.THREAD not in st.session_state:
        thread = thread_param if thread_param in choices else available[0]
    corpus = load_thread(thread if thread in choices else available[0])

    steps = timeline(corpus)
    stops = timeline_stops(steps)
    side_names = sides_in_order(corpus, SIDE_ORDER)
    notes: list[str] = []
    if fresh or keys.TIME not in st.session_state:
        state, notes = parse_query(query, corpus=corpus, steps=steps, side_names=side_names,
                                   threads=available)
        _apply_to_widgets(state, steps, stops, corpus.source)
    elif st.session_state[keys.TIME] not in stops.labels:  # e.g. a step the coarser slider lacks
        current = st.session_state[keys.TIME]
        st.session_state[keys.TIME] = stops.snap(current if isinstance(current, int)
                                             else len(steps) - 1)

    _sidebar(corpus, choices, available, db, steps, stops,
             timeline_in_sidebar=timeline_in_sidebar, side_names=side_names)
    state = _state_from_widgets(corpus, steps)
    filters = state.filters
    view = apply_filters(corpus, filters)
    if state.place and view.place(state.place) is None and state.place not in {
            p.id for p in corpus.places}:
        state = replace(state, place=None)
    sync_url(state, steps)
    # the notes' box is present on every run, notes or not (see atlas.ui.data)
    _link_notes(notes, st.container(), draw=draw_notes)
    st.session_state[keys.LAST_STATE] = state
    st.session_state[keys.PAGE_SHOWN] = title
    return Page(corpus=corpus, state=state, view=view, steps=steps, threads=available,
                stops=stops)


def _link_notes(notes: list[str], box, *, draw: bool) -> None:
    """The link's notes drawn in ``box``, or left in the session (``keys.LINK_NOTES``) for the
    page to show where they do not push its content down (the map page: beside the map)."""
    if draw:
        show_notes(notes, box)
    else:
        st.session_state[keys.LINK_NOTES] = notes


def show_notes(notes: list[str], where=None) -> None:
    """The link's ignored parameters, one note box."""
    if notes:
        (where or st).info("\n\n".join(f"Link parameter {note}." for note in notes),
                           icon="ℹ️")


def sync_url(state: ViewState, steps: list[TimelineStep]) -> None:
    """Write ``state`` into the URL (only when it changed, to spare the browser's history)."""
    query = to_query(state, steps=steps)
    if query != _query_dict():
        st.query_params.from_dict(query)
    st.session_state[keys.LAST_QUERY] = query


def playback_controls(container=None) -> None:
    """The play mode (cumulative or a sliding window) and the speed, for the map page."""
    where = container or st
    options = list(WINDOWS)
    current = st.session_state.get(keys.WINDOW) or ""
    if current not in options:  # a link asked for a window the list does not offer
        options.append(current)
    where.selectbox("Show", options, key=keys.WINDOW, format_func=_window_name,
                    help="Everything up to the slider's time, or only the last comments or "
                         "hours before it (a sliding window). In the link as window=.")
    if st.session_state.get(keys.SPEED) not in SPEEDS:
        st.session_state[keys.SPEED] = 1.0
    where.select_slider("Speed", options=list(SPEEDS), key=keys.SPEED,
                        format_func=lambda s: f"{s:g}×", help="Play speed. In the link as speed=.")


def _window_name(value: str) -> str:
    window = parse_window(value) if value else None
    return window.describe() if window else "everything so far"


def select_place(place_id: str | None) -> None:
    """Remember the selected place (the map's click, a table's row) for the URL and panel."""
    st.session_state[keys.PLACE] = place_id
