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
from urllib.parse import urlencode

import streamlit as st

from atlas import markup
from atlas.archive import Archive, locate
from atlas.feed import FeedItem, feed_items, item_html
from atlas.ui import review as review_ui
from atlas.ui.controls import select_place
from atlas.view import TimelineStep, View
from geo.records import Claim, Mention

__all__ = ["HIGHLIGHT", "render", "render_feed", "render_overview"]

#: Session key: the places of the feed item the reader clicked, highlighted on the map.
HIGHLIGHT = "_atlas_highlight"

PRECISION = {1: "the place itself", 2: "near it", 3: "the wider area"}
MAX_LISTED = 60  # a place mentioned more often than this is listed in part, with a note
MAX_THREADS = 20  # all-threads view: threads listed for a place, the ones saying most first
T = TypeVar("T", Mention, Claim)

STYLE = """
<style>
.atlas-quote {border-left: 3px solid #d9d4cc; padding: 0.2rem 0.6rem; margin: 0.2rem 0 0.6rem 0;
              font-size: 0.92rem;}
.atlas-quote mark.place {background: #f6e05e66; padding: 0 2px; border-radius: 2px;}
.atlas-meta {color: #6b6b6b; font-size: 0.8rem;}
.atlas-claim {margin: 0.2rem 0 0.7rem 0; font-size: 0.92rem;}
.atlas-badge {display: inline-block; padding: 0 6px; border-radius: 8px; color: white;
              font-size: 0.78rem; margin-right: 4px;}
.atlas-disputed {color: #b7791f; font-weight: 600;}
.atlas-feed-item {padding: 0.15rem 0 0.1rem 0.5rem; margin: 0.35rem 0 0 0; font-size: 0.88rem;
                  line-height: 1.3;}
.atlas-feed-mod {color: #6b6b6b;}
</style>
"""


def _when(posted_at: str | None) -> str:
    if not posted_at:
        return "the post"
    day, _, clock = posted_at.partition("T")
    return f"{day} {clock[:5]}"


def _thread_link(view: View, entry_id: int) -> str:
    """The comment on the Thread page; from the archive, in its own thread with its own id."""
    thread, entry_id = locate(view.corpus, entry_id)
    query = urlencode({"thread": thread, "entry": entry_id})
    return f"./Thread?{query}#entry-{entry_id}"


def _mention_html(view: View, mention: Mention) -> str:
    entry = view.entry(mention.entry)
    left, right = markup.snippet(entry.text, mention.start, mention.end)
    sentence = markup.highlight(entry.text[left:right],
                                [(mention.start - left, mention.end - left, "place",
                                  mention.evidence)])
    said = "" if mention.speaker == entry.author else f" (quoting {markup.text(mention.speaker)})"
    return (
        f'<div class="atlas-meta"><b>{markup.text(entry.author or "anonymous")}</b>{said} · '
        f"{_when(entry.posted_at)} · precision {mention.precision} "
        f"({PRECISION.get(mention.precision, '?')}) · confidence {mention.confidence:.2f} · "
        f'<a href="{markup.text(_thread_link(view, entry.id))}" target="_self">full comment →</a>'
        f'</div><div class="atlas-quote">{"…" if left else ""}{sentence}'
        f'{"…" if right < len(entry.text) else ""}</div>'
    )


def _claim_html(view: View, claim: Claim, colours: dict[str, str], names: dict[str, str],
                by_id: dict[str, Claim]) -> str:
    actor = next((a for a in view.corpus.actors if a.id == claim.actor), None)
    colour = colours.get(claim.actor, "#718096")
    place_names = [names.get(p, p) for p in claim.places]
    route = ""
    if claim.origin or claim.destination:
        route = (f" · {markup.text(names.get(claim.origin or '', claim.origin or '?'))} → "
                 f"{markup.text(names.get(claim.destination or '', claim.destination or '?'))}")
    disputes = ""
    others = [*claim.disputed_by, *claim.disputes]
    if others:
        who = ", ".join(f"{markup.text(by_id[o].author)} ({markup.text(o)})" for o in others
                        if o in by_id)
        label = "disputed by" if claim.disputed_by else "disputes"
        disputes = f' · <span class="atlas-disputed">⚠ {label} {who}</span>'
    return (
        f'<div class="atlas-claim"><span class="atlas-badge" style="background:{colour}">'
        f"{markup.text(actor.name if actor else claim.actor)}</span>"
        f"<b>{markup.text(claim.action.replace('_', ' '))}</b> "
        f"{markup.text(', '.join(place_names))}{route} · <i>{markup.text(claim.modality)}</i>"
        f'{disputes}<div class="atlas-meta">said by <b>{markup.text(claim.author)}</b> · '
        f"{_when(claim.posted_at)} · "
        f'<a href="{markup.text(_thread_link(view, claim.entry))}" target="_self">comment →</a>'
        f'</div><div class="atlas-quote">{markup.text(claim.quote)}</div></div>'
    )


def render_overview(view: View) -> None:
    """The most-mentioned places in view, each a button that selects it."""
    if not view.places:
        st.info("Nothing to show for these filters and this point in time. Move the timeline "
                "forward or clear a filter.")
        return
    st.caption("Click a marker or a name on the map, or a place here, to read what the "
               "thread says.")
    for place in view.places[:15]:
        label = f"{place.name} · {place.kind} · {view.counts[place.id]} mention(s)"
        if st.button(label, key=f"pick-{place.id}", width="stretch"):
            select_place(place.id)
            st.rerun()


def render(view: View, *, state, steps: list[TimelineStep]) -> None:
    """Draw the panel for ``state.place`` (or the overview when nothing is selected)."""
    st.markdown(STYLE, unsafe_allow_html=True)
    place = view.place(state.place) if state.place else None
    if place is None:
        if state.place:
            st.info("The selected place is not in view at this time or with these filters.")
        render_overview(view)
        return
    top = st.columns([5, 1])
    top[0].subheader(place.name)
    if top[1].button("✕", help="Clear the selection", key="clear-place"):
        select_place(None)
        st.rerun()
    st.markdown(
        f'<div class="atlas-meta">{markup.text(place.kind)} · {markup.text(place.country)} · '
        f"{place.lat:.4f}, {place.lon:.4f} · {markup.text(place.gazetteer_id)}<br>"
        f"source: {markup.text(place.source or 'GeoNames')}</div>",
        unsafe_allow_html=True,
    )
    mentions = view.mentions_of(place.id)
    claims = view.claims_about(place.id)
    colours = {a.id: a.colour for a in view.corpus.actors}
    names = {p.id: p.name for p in view.corpus.places}
    by_id = {c.id: c for c in view.corpus.claims}
    relations = [r for r in view.corpus.relations if place.id in (r.subject, r.anchor)]
    if relations:
        shown = {e.id for e in view.entries}
        relations = [r for r in relations if r.entry in shown]
    # the same statement in several threads (or comments) is listed once, with a count
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
    claims_tab, mentions_tab = st.tabs([f"Claims ({len(claims)})", f"Comments ({len(mentions)})"])
    archive = view.corpus if isinstance(view.corpus, Archive) else None

    def claim_html(claim: Claim) -> str:
        return _claim_html(view, claim, colours, names, by_id)

    def mention_html(mention: Mention) -> str:
        return _mention_html(view, mention)

    with claims_tab:
        if not claims:
            st.caption("No claim ties an actor to this place in what is shown.")
        if archive is None:
            _listed(claims, claim_html, "claim")
        else:
            _by_thread(archive, claims, claim_html, "claim")
        review_ui.place_reviews(claims, view.corpus)  # confirm, reject, correct (issue 12)
    with mentions_tab:
        if archive is None:
            _listed(mentions, mention_html, "mention")
        else:
            _by_thread(archive, mentions, mention_html, "mention")


def _listed(items: Sequence[T], html: Callable[[T], str], noun: str) -> None:
    st.markdown("".join(html(item) for item in items[:MAX_LISTED]), unsafe_allow_html=True)
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


def _pick(item: FeedItem) -> None:
    """A feed item was clicked: select its first place, highlight all of them."""
    select_place(item.places[0] if item.places else None)
    st.session_state[HIGHLIGHT] = list(item.places)


def render_feed(view: View, *, place: str | None) -> None:
    """The feed: claims and place-naming comments up to the timeline's time, newest first.

    Each item is a card and a button naming its places; the button selects the first place
    and highlights all of them on the map.  With a place selected, only its items.
    """
    st.markdown(STYLE, unsafe_allow_html=True)
    items = feed_items(view, place=place)
    about = f" about {view.place(place).name}" if place and view.place(place) else ""
    st.markdown(f"**Feed{markup.text(about)}** · {len(items)} item{'s' * (len(items) != 1)}, "
                "newest first")
    if not items:
        st.caption("Nothing said yet at this point of the timeline.")
    for item in items:
        st.markdown(item_html(item, thread_link=_thread_link(view, item.entry)),
                    unsafe_allow_html=True)
        if item.places:
            st.button(", ".join(item.names), key=f"feed-{item.key}", type="tertiary",
                      icon=":material/location_on:",
                      on_click=_pick, args=(item,),
                      help="Show on the map: selects the first place, highlights them all")
