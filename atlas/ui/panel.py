"""The panel beside the map: everything the thread says about the selected place.

For the selected place: where the gazetteer put it and why, every comment that mentions it (the
sentence, the name highlighted, a link to the full comment on the Thread page), every claim
about it (actor, action, modality, who said it, who disputes it), and stated directions that
were checked against the coordinates.  Without a selection: the most-mentioned places.

In the all-threads view the comments and claims are grouped by thread (one expander each,
the threads that say most about the place first), and every link opens the comment in its own
thread (``thread=<its thread>&entry=<its number there>``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from typing import TypeVar

import streamlit as st

from atlas import cards, markup
from atlas.archive import Archive
from atlas.colours import OTHERS, actor_colours
from atlas.exports import post_dates
from atlas.state import ViewState, entry_link
from atlas.ui import keys
from atlas.ui import review as review_ui
from atlas.ui.controls import select_place
from atlas.view import TimelineStep, View
from geo.records import Claim, Mention, Place, Relation

__all__ = ["render", "render_overview"]

MAX_LISTED = 60  # a place mentioned more often than this is listed in part, with a note
#: Cards shown at first in each tab; the rest behind an expander drawn only when opened.  Why:
#: the browser's markdown rendering of 60 + 60 cards took most of a second after each click.
FIRST_LISTED = 10
MAX_THREADS = 20  # all-threads view: threads listed for a place, the ones saying most first
T = TypeVar("T", Mention, Claim)

def _cards(view: View, state: ViewState, steps: list[TimelineStep]):
    """The claim and mention card makers for this view; every link keeps the reader's
    filters (atlas.state.entry_link, the one Thread-link builder)."""
    colours = actor_colours(view.corpus)
    actors = {a.id: a.name for a in view.corpus.actors}
    names = {p.id: p.name for p in view.corpus.places}
    by_id = {c.id: c for c in view.corpus.claims}
    dated = post_dates(view.corpus)  # the post's claims: the time the exports give them

    def href(entry_id: int) -> str:
        return entry_link(state, steps=steps, corpus=view.corpus, entry_id=entry_id)

    def claim_html(claim: Claim) -> str:
        return cards.claim_line(claim, actor=actors.get(claim.actor, claim.actor),
                                colour=colours.get(claim.actor, OTHERS),
                                names=names, by_id=by_id, href=href(claim.entry),
                                dated=dated.get(claim.entry))

    def mention_html(mention: Mention) -> str:
        return cards.mention_card(view.entry(mention.entry), mention, href=href(mention.entry),
                                  dated=dated.get(mention.entry))

    return claim_html, mention_html


def render_overview(view: View) -> None:
    """The most-mentioned places in view, each a button that selects it."""
    if not view.places:
        st.info("Nothing to show for these filters and this point in time. Move the timeline "
                "forward or clear a filter.")
        return
    st.caption("Click a marker or a name on the map, or a place here, to read what the "
               "thread says.")
    for place in view.places[:15]:
        count = view.counts[place.id]
        label = f"{place.name} · {place.kind} · {count} mention{'s' * (count != 1)}"
        if st.button(label, key=keys.pick_key(place.id), width="stretch"):
            select_place(place.id)
            st.rerun()


def render(view: View, *, state: ViewState, steps: list[TimelineStep]) -> None:
    """Draw the panel for ``state.place`` (or the overview when nothing is selected)."""
    st.markdown(cards.stylesheet(), unsafe_allow_html=True)
    place = view.place(state.place) if state.place else None
    if place is None:
        if state.place:  # the places in view are listed under the map (one list: one key each)
            st.info("The selected place is not in view at this time or with these filters; "
                    "the places in view are listed under the map.")
        else:
            render_overview(view)
        return
    _header(place, view.said_name(place.id))
    _stated_directions(view, place)
    mentions = view.mentions_of(place.id)
    claims = view.claims_about(place.id)
    claims_tab, mentions_tab = st.tabs([f"Claims ({len(claims)})", f"Comments ({len(mentions)})"])
    archive = view.corpus if isinstance(view.corpus, Archive) else None
    claim_html, mention_html = _cards(view, state, steps)
    with claims_tab:
        if not claims:
            st.caption("No claim ties an actor to this place in what is shown.")
        if archive is None:
            _listed(claims, claim_html, "claim", place.id)
        else:
            _by_thread(archive, claims, claim_html, "claim")
        review_ui.place_reviews(claims, view.corpus)  # confirm, reject, correct (issue 12)
    with mentions_tab:
        if archive is None:
            _listed(mentions, mention_html, "mention", place.id)
        else:
            _by_thread(archive, mentions, mention_html, "mention")


def _header(place: Place, said: str) -> None:
    """The place's name as the thread writes it (``said``; the gazetteer's name after it
    when different), a button that clears the selection, where and what it is."""
    top = st.columns([5, 1])
    top[0].subheader(said, anchor=keys.PANEL_ANCHOR)
    top[1].button("✕", help="Clear the selection", key=keys.CLEAR_PLACE,
                  on_click=select_place, args=(None,))
    gazetteer = "" if said == place.name else f"gazetteer: {markup.text(place.name)} · "
    st.markdown(
        f'<div class="fa-meta">{gazetteer}{markup.text(place.kind)} · '
        f"{markup.text(place.country)} · "
        f"{place.lat:.4f}, {place.lon:.4f} · {markup.text(place.gazetteer_id)}<br>"
        f"source: {markup.text(place.source or 'GeoNames')}</div>",
        unsafe_allow_html=True,
    )


def _stated_directions(view: View, place: Place) -> None:
    """Directions the thread states ("north of Azaz"), checked against the coordinates;
    the same statement in several threads (or comments) is listed once, with a count."""
    names = {p.id: p.name for p in view.corpus.places}
    relations: list[Relation] = [r for r in view.corpus.relations
                                 if place.id in (r.subject, r.anchor)]
    if relations:
        shown = {e.id for e in view.entries}
        relations = [r for r in relations if r.entry in shown]
    stated = Counter((r.subject, r.stated, r.anchor, r.agrees) for r in relations)
    firsts = {(r.subject, r.stated, r.anchor, r.agrees): r for r in reversed(relations)}
    for key, times in stated.items():
        relation = firsts[key]
        sign = "✓ agrees" if relation.agrees else "✗ does not agree"
        said = f" ({times} times)" if times > 1 else ""
        st.caption(f"Stated{said}: {names.get(relation.subject, relation.subject)} "
                   f"{relation.stated} of {names.get(relation.anchor, relation.anchor)} — "
                   f"computed bearing {relation.bearing:.0f}°, {relation.distance_km:.0f} km: "
                   f"{sign}.")


def _listed(items: Sequence[T], html: Callable[[T], str], noun: str,
            place_id: str | None = None) -> None:
    """Cards of ``items``: the first :data:`FIRST_LISTED`, then up to :data:`MAX_LISTED`
    in an expander whose cards are made only once it is opened (``place_id``: the panel's
    place, so each place's expander starts closed)."""
    first = items[:FIRST_LISTED] if place_id else items[:MAX_LISTED]
    st.markdown("".join(html(item) for item in first), unsafe_allow_html=True)
    rest = items[len(first):MAX_LISTED]
    if rest:
        more = st.expander(f"{len(rest)} more {noun}{'s' * (len(rest) != 1)}",
                           key=keys.panel_more_key(place_id or "", noun), on_change="rerun")
        if more.open:
            more.markdown("".join(html(item) for item in rest), unsafe_allow_html=True)
    if len(items) > MAX_LISTED:
        st.caption(f"{len(items) - MAX_LISTED} more {noun}s on the Thread page.")


def _by_thread(archive: Archive, items: Sequence[T], html: Callable[[T], str],
               noun: str) -> None:
    """``items`` in one expander per thread: name and count; the busiest thread is open."""
    groups: dict[str, list[T]] = {}
    for item in items:
        groups.setdefault(archive.thread_of(item.entry), []).append(item)
    ranked = sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    if ranked:
        st.caption(f"{len(items)} {noun}{'s' * (len(items) != 1)} in {len(ranked)} "
                   f"thread{'s' * (len(ranked) != 1)}, the busiest first.")
    for number, (thread, group) in enumerate(ranked[:MAX_THREADS]):
        label = f"{thread} · {len(group)} {noun}{'s' * (len(group) != 1)}"
        with st.expander(label, expanded=number == 0):
            _listed(group, html, noun)
    if len(ranked) > MAX_THREADS:
        rest = ranked[MAX_THREADS:]
        st.caption(f"{len(rest)} more threads ({sum(len(g) for _, g in rest)} {noun}s): "
                   + ", ".join(thread for thread, _ in rest[:10])
                   + (", ..." if len(rest) > 10 else "") + ". Pick one in the sidebar.")
