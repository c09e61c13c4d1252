"""The feed beside the map, on the page: atlas/feed.py's items, each a card and a button.

The button selects the item's first place and rings all of its places on the map
(:data:`atlas.ui.keys.HIGHLIGHT`).
"""

from __future__ import annotations

import streamlit as st

from atlas import cards, markup
from atlas.feed import FEED_LIMIT, FeedItem, feed_heading, feed_items, item_html, nothing_said
from atlas.state import ViewState, entry_link
from atlas.ui import keys
from atlas.ui.controls import select_place
from atlas.view import TimelineStep, View

__all__ = ["render"]


def _pick(item: FeedItem) -> None:
    """A feed item was clicked: select its first place, highlight all of them."""
    select_place(item.places[0] if item.places else None)
    st.session_state[keys.HIGHLIGHT] = list(item.places)


def _help(item: FeedItem) -> str:
    """The button's tooltip: what it does, and the gazetteer's name of each place named."""
    known = [f"{said} = {name}" for said, name in zip(item.names, item.canonical, strict=False)
             if said != name]
    return ("Show on the map: selects the first place, highlights them all"
            + (f" (gazetteer: {'; '.join(known)})" if known else ""))


def render(view: View, *, state: ViewState, steps: list[TimelineStep]) -> None:
    """The feed: claims and place-naming comments up to the timeline's time, newest first.

    Each item is a card and a button naming its places; the button selects the first place
    and highlights all of them on the map.  With a place selected, only its items.  Each
    "comment →" keeps the reader's filters (atlas.state.entry_link).
    """
    # a selected place out of view (another time, other filters) does not empty the feed:
    # the feed is then the whole view's, as its heading says
    place = state.place if state.place and view.place(state.place) else None
    st.markdown(cards.stylesheet(), unsafe_allow_html=True)
    every = feed_items(view, place=place, limit=None)
    items = every[:FEED_LIMIT]
    about = view.said_name(place) if place else ""
    st.markdown(f"**Feed{markup.text(f' about {about}' if about else '')}** · "
                f"{feed_heading(len(items), len(every))}")
    if not items:
        st.caption(nothing_said(state.filters, about=about))
    for item in items:
        st.markdown(item_html(item, thread_link=entry_link(
            state, steps=steps, corpus=view.corpus, entry_id=item.entry)),
                    unsafe_allow_html=True)
        if item.places:
            st.button(", ".join(item.names), key=keys.feed_key(item.key), type="tertiary",
                      icon=":material/location_on:",
                      on_click=_pick, args=(item,),
                      help=_help(item))
    if len(every) > len(items):
        st.caption(f"{len(every) - len(items)} older: move the timeline back, or read them "
                   "all on the Thread and Claims pages.")
