"""The feed beside the map: the thread's claims and place-naming comments, newest first.

Like Liveuamap's news feed: one item per claim (who did what where, in the actor's colour),
and one per comment that names places without stating a claim, each with its author and
time.  The feed shows what the map shows (the view's filters and time window), the newest at
the top, so that while the timeline plays the latest item stays in sight.  With a place
selected, only the items about it.  No Streamlit here: atlas/ui/feed.py draws each item with
:func:`item_html` (a card of atlas/cards.py).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from atlas import cards
from atlas.colours import NEUTRAL, OTHERS, actor_colours
from atlas.exports import post_dates
from atlas.view import Filters, View, side_of, timeline

__all__ = ["FEED_LIMIT", "FeedItem", "feed_heading", "feed_items", "item_html", "nothing_said"]

#: The feed lists this many items, the newest (the heading says how many there are in all).
FEED_LIMIT = 40


@dataclass(frozen=True, slots=True)
class FeedItem:
    """One line of the feed; ``claim`` is the claim's id, or None for a comment item."""

    entry: int
    posted_at: str | None
    author: str
    places: tuple[str, ...]
    names: tuple[str, ...]
    colour: str
    actor: str = ""
    action: str = ""
    modality: str = ""
    claim: str | None = None
    quote: str = ""
    #: the gazetteer's names of ``places`` (``names`` are the comment's own words for them)
    canonical: tuple[str, ...] = ()
    #: the post's time as the exports give it (its thread's first comment), else None
    dated: str | None = None

    @property
    def key(self) -> str:
        return self.claim or f"entry-{self.entry}"


#: A region wider than this (km) is a continent, listed but not drawn (as atlas.map draws).
CONTINENT_KM = 400.0


def _drawn_first(ids: list[str] | tuple[str, ...], view: View) -> tuple[str, ...]:
    """``ids`` with the places the map draws first: a click on the item selects the first,
    and a country or a continent has no symbol on the map to ring."""
    kinds = {p.id: p for p in view.places}

    def off_map(pid: str) -> bool:
        place = kinds.get(pid)
        return place is not None and (place.kind == "country" or (
            place.kind == "region" and not 0 < place.extent_km <= CONTINENT_KM))

    return tuple(sorted(dict.fromkeys(ids), key=off_map))


def feed_heading(shown: int, total: int) -> str:
    """How many items the feed lists: all of them, or the latest ``shown`` of ``total``.

    >>> feed_heading(1, 1), feed_heading(40, 61)
    ('1 item, newest first', 'the latest 40 of 61 items, newest first')
    """
    if total > shown:
        return f"the latest {shown} of {total} items, newest first"
    return f"{total} item{'s' * (total != 1)}, newest first"


def nothing_said(filters: Filters, *, about: str = "") -> str:
    """Why the feed is empty: nothing said yet, or nothing that the filters let through.

    >>> nothing_said(Filters())
    'Nothing said yet at this point of the timeline.'
    >>> nothing_said(Filters(commenters=frozenset({"Joe"})), about="Azaz").split(":")[0]
    'Nothing about Azaz with these filters up to this point of the timeline'
    """
    about = f" about {about}" if about else ""
    if filters.narrowed:
        return (f"Nothing{about} with these filters up to this point of the timeline: widen "
                "them (sidebar ») or move the timeline on.")
    return f"Nothing said{about} yet at this point of the timeline."


def feed_items(view: View, *, place: str | None = None,
               limit: int | None = FEED_LIMIT) -> list[FeedItem]:
    """The view's claims and place-naming comments, newest first (at most ``limit``; None:
    all of them).

    A comment that states claims appears as its claims; one that only names places appears
    once, with those places.  ``place``: only the items that involve it.
    """
    names = {p.id: p.name for p in view.corpus.places}
    # the comment's own words for a place (its first mention there), else the gazetteer's
    said: dict[tuple[int, str], str] = {}
    for mention in view.corpus.mentions:
        said.setdefault((mention.entry, mention.place), " ".join(mention.surface.split()))

    def words(entry: int, ids: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(said.get((entry, p)) or names.get(p, p) for p in ids)

    shown = {p.id for p in view.places}
    colours = actor_colours(view.corpus)
    actors = {a.id: a.name for a in view.corpus.actors}
    sides = side_of(view.corpus)
    dated = post_dates(view.corpus)
    # newest first by the timeline's order: in the all-threads view the entries run thread by
    # thread, and a thread's comments would sit above a later thread's
    rank = {step.entry: step.index for step in timeline(view.corpus)}
    claimed: set[int] = set()
    items: list[tuple[int, int, FeedItem]] = []
    for claim in view.claims:
        ids = _drawn_first([p for p in (claim.origin, *claim.places, claim.destination)
                            if p and p in shown], view)
        claimed.add(claim.entry)
        if place and place not in ids:
            continue
        items.append((rank.get(claim.entry, -1), claim.start, FeedItem(
            entry=claim.entry, posted_at=claim.posted_at, author=claim.author, places=ids,
            names=words(claim.entry, ids), canonical=tuple(names.get(p, p) for p in ids),
            colour=colours.get(claim.actor, OTHERS),
            actor=actors.get(claim.actor, sides.get(claim.actor, claim.actor)),
            action=claim.action, modality=claim.modality, claim=claim.id, quote=claim.quote,
            dated=dated.get(claim.entry))))
    named: dict[int, list[str]] = defaultdict(list)
    for mention in view.mentions:
        if mention.entry not in claimed and mention.place not in named[mention.entry]:
            named[mention.entry].append(mention.place)
    for entry_id, ids in named.items():
        if not ids or (place and place not in ids):
            continue
        entry = view.entry(entry_id)
        ordered = _drawn_first(ids, view)
        items.append((rank.get(entry_id, -1), 0, FeedItem(
            entry=entry_id, posted_at=entry.posted_at, author=entry.author or "anonymous",
            places=ordered, names=words(entry_id, ordered),
            canonical=tuple(names.get(p, p) for p in ordered), colour=NEUTRAL,
            dated=dated.get(entry_id))))
    items.sort(key=lambda item: (item[0], item[1]), reverse=True)
    return [item for *_, item in items[:limit]]


def item_html(item: FeedItem, *, thread_link: str) -> str:
    """The item as a small card: colour bar, time and author, what happened, where."""
    return cards.feed_card(posted_at=item.posted_at, author=item.author, colour=item.colour,
                           names=item.names, canonical=item.canonical, href=thread_link,
                           actor=item.actor,
                           action=item.action, modality=item.modality,
                           is_claim=item.claim is not None, dated=item.dated)
