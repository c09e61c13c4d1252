"""One card each for a mention, a claim and a feed item, one time stamp, one stylesheet.

Every page that shows what a comment says about a place draws it here, so the map's panel,
the feed, Places and Claims agree: the same stamp ("2016-06-07 20:30"; "the post" for the
post, "no time given" for a comment without one), the same escaping (everything a thread
wrote is text, never markup), and a Thread link that the caller builds with
:func:`atlas.state.entry_link` (the one link builder: it keeps the reader's filters).
The rules live in ``atlas/cards.css``, read once per process (:func:`stylesheet`).
No Streamlit here: atlas.ui puts the HTML on the page.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Mapping, Sequence
from pathlib import Path

from atlas import markup
from geo.records import Claim, Entry, Mention

__all__ = ["ACTION_WORDS", "PRECISION", "claim_card", "claim_line", "entry_count", "feed_card",
           "link", "mention_card", "mention_item", "route_words", "stamp", "stylesheet"]

STYLESHEET = Path(__file__).with_name("cards.css")
PRECISION = {1: "the place itself", 2: "near it", 3: "the wider area"}
ACTION_WORDS = {
    "capture": "took", "advance": "advanced on", "attack": "attacked", "besiege": "besieged",
    "lift_siege": "lifted the siege of", "defend": "defended", "withdraw": "withdrew from",
    "flee": "fled", "redeploy": "moved forces to", "cut_road": "cut", "control": "holds",
}


@functools.cache
def stylesheet() -> str:
    """``<style>`` with atlas/cards.css, read once per process."""
    return "<style>" + STYLESHEET.read_text(encoding="utf-8") + "</style>"


def stamp(posted_at: str | None, *, kind: str = "comment", dated: str | None = None) -> str:
    """'2016-06-07 20:30'; 'the post' for a post without a time; 'no time given' otherwise.

    ``dated``: for the post, the time the exports date it with (its thread's first comment,
    :func:`atlas.exports.post_dates`), shown with where it comes from.

    >>> stamp("2016-06-07T20:30:00"), stamp(None, kind="post"), stamp(None)
    ('2016-06-07 20:30', 'the post', 'no time given')
    >>> print(stamp(None, kind="post", dated="2016-06-07T17:06:00"))
    2016-06-07 17:06 (the post: first comment's time)
    """
    if not posted_at:
        if dated:
            return f"{stamp(dated)} (the post: first comment's time)"
        return "the post" if kind == "post" else "no time given"
    day, _, clock = posted_at.partition("T")
    return f"{day} {clock[:5]}".strip()


def entry_count(shown: Sequence[Entry], whole: Sequence[Entry]) -> tuple[str, int, str | None]:
    """The count of what is in view, named for what the text is: (label, number, help).

    A thread (``whole`` has comments) is counted in comments, the post said apart rather than
    counted as one; a text without comments (an article, a report split into paragraphs) is
    counted in passages.
    """
    if not any(e.kind == "comment" for e in whole):
        return "Passages shown", len(shown), None
    comments = sum(e.kind == "comment" for e in shown)
    posts = sum(e.kind == "post" for e in shown)
    return "Comments shown", comments, (None if not posts else f"{comments} comments and the post"
                                        if posts == 1 else f"{comments} comments and {posts} posts")


def route_words(origin: str | None, destination: str | None) -> str:
    """A movement's route as a reader says it; an end the claim does not state is said so,
    never drawn as "?" (the thread said where they went, not where from).

    >>> route_words("Hatay", "Aleppo"), route_words(None, "Azaz"), route_words("Azaz", None)
    ('Hatay → Aleppo', 'towards Azaz (origin not stated)', 'from Azaz (destination not stated)')
    >>> route_words(None, None)
    ''
    """
    if origin and destination:
        return f"{origin} → {destination}"
    if destination:
        return f"towards {destination} (origin not stated)"
    if origin:
        return f"from {origin} (destination not stated)"
    return ""


def link(href: str, label: str) -> str:
    """An escaped link that opens in the same tab (Streamlit's pages share one session)."""
    return f'<a href="{markup.text(href)}" target="_self">{markup.text(label)}</a>'


def _sentence(entry: Entry, start: int, end: int, css: str, title: str, *,
              reach: int = 160) -> str:
    """The sentence around [start, end), escaped, the span marked, cut between words."""
    left, right, head, tail = markup.word_context(entry.text, start, end, reach=reach)
    body = markup.highlight(entry.text[left:right], [(start - left, end - left, css, title)])
    return head + " ".join(body.split()) + tail


def mention_card(entry: Entry, mention: Mention, *, href: str, dated: str | None = None) -> str:
    """A mention beside the map: who, when, how precise, the sentence, "full comment →"
    (``dated``: the post's time, see :func:`stamp`)."""
    said = "" if mention.speaker == entry.author else f" (quoting {markup.text(mention.speaker)})"
    sentence = _sentence(entry, mention.start, mention.end, "fa-place", mention.evidence)
    return (
        f'<div class="fa-meta"><b>{markup.text(entry.author or "anonymous")}</b>{said} · '
        f"{stamp(entry.posted_at, kind=entry.kind, dated=dated)} · precision {mention.precision} "
        f"({PRECISION.get(mention.precision, '?')}) · confidence {mention.confidence:.2f} · "
        f"{link(href, 'full comment →')}</div><div class=\"fa-snippet\">{sentence}</div>"
    )


def mention_item(entry: Entry, mention: Mention, *, href: str, dated: str | None = None) -> str:
    """A mention in the Places list: #entry link, who, when, the words used, the sentence
    (``dated``: the post's time, see :func:`stamp`)."""
    who = entry.author or "?"
    if mention.speaker and mention.speaker != entry.author:
        who = f"{mention.speaker} (quoted by {entry.author})"
    sentence = _sentence(entry, mention.start, mention.end, "fa-place",
                         f"confidence {mention.confidence:.2f}")
    when = stamp(entry.posted_at, kind=entry.kind, dated=dated)
    return (f"<li>{link(href, f'#{entry.id}')} <b>{markup.text(who)}</b> "
            f'<span class="fa-meta">{markup.text(when)} · '
            f"as “{markup.text(mention.surface)}” · confidence {mention.confidence:.2f} · "
            f"precision {mention.precision}</span><br>{sentence}</li>")


def _disputes(claim: Claim, by_id: Mapping[str, Claim]) -> str:
    others = [*claim.disputed_by, *claim.disputes]
    if not others:
        return ""
    who = ", ".join(f"{markup.text(by_id[o].author)} ({markup.text(o)})" for o in others
                    if o in by_id)
    label = "disputed by" if claim.disputed_by else "disputes"
    return f' · <span class="fa-disputed">⚠ {label} {who}</span>'


def claim_line(claim: Claim, *, actor: str, colour: str, names: Mapping[str, str],
               by_id: Mapping[str, Claim], href: str, dated: str | None = None) -> str:
    """A claim beside the map: actor badge, action, places, route, modality, disputes
    (``dated``: the post's time for a claim of the post, see :func:`stamp`)."""
    places = [names.get(p, p) for p in claim.places]
    route = route_words(names.get(claim.origin or "", claim.origin),
                        names.get(claim.destination or "", claim.destination))
    route = f" · {markup.text(route)}" if route else ""
    return (
        f'<div class="fa-claimline"><span class="fa-badge" style="background:{colour}">'
        f"{markup.text(actor)}</span>"
        f"<b>{markup.text(claim.action.replace('_', ' '))}</b> "
        f"{markup.text(', '.join(places))}{route} · <i>{markup.text(claim.modality)}</i>"
        f'{_disputes(claim, by_id)}<div class="fa-meta">said by <b>{markup.text(claim.author)}'
        f"</b> · {stamp(claim.posted_at, dated=dated)} · {link(href, 'comment →')}</div>"
        f'<div class="fa-snippet">{markup.text(claim.quote)}</div></div>'
    )


def claim_card(claim: Claim, entry: Entry, *, what: str, href: str, note: str = "",
               dated: str | None = None) -> str:
    """A claim on the Claims page: its words marked in their sentence, who/what/where above."""
    body = _sentence(entry, claim.start, claim.end, "fa-claim", claim.id, reach=220)
    head = (f"<b>{markup.text(claim.id)}</b> · <b>{markup.text(claim.author)}</b> · "
            f"{markup.text(stamp(claim.posted_at, dated=dated))} · "
            f"<i>{markup.text(claim.modality)}</i>")
    extra = f'<div class="fa-note">{markup.text(note)}</div>' if note else ""
    return (f'<div class="fa-card"><div class="fa-cardhead">{head}</div>'
            f'<div class="fa-what">{markup.text(what)}</div>{extra}'
            f'<div class="fa-quotebody">{body}</div>'
            f"<div>{link(href, f'in the thread (#{claim.entry}) →')}</div></div>")


def feed_card(*, posted_at: str | None, author: str, colour: str, names: Sequence[str],
              href: str, actor: str = "", action: str = "", modality: str = "",
              is_claim: bool = False, canonical: Sequence[str] = (),
              dated: str | None = None) -> str:
    """A feed item: colour bar, time and author, what happened (or which places it names).

    ``names`` are the comment's own words for its places; ``canonical`` the gazetteer's
    names of the same places, shown on hover where they differ ("azaz" -> I‘zāz).
    """
    where = ", ".join(
        markup.text(said) if said == known or not known
        else f'<span class="fa-place" title="{markup.text(known)}">{markup.text(said)}</span>'
        for said, known in itertools.zip_longest(names, canonical[:len(names)], fillvalue=""))
    if is_claim:
        doing = ACTION_WORDS.get(action, action.replace("_", " "))
        hedge = "" if modality == "reported" else (
            f' <i class="fa-mod">({markup.text(modality)})</i>')
        what = f"<b>{markup.text(actor)}</b> {markup.text(doing)} <b>{where}</b>{hedge}"
    else:
        what = f"names <b>{where}</b>"
    return (f'<div class="fa-feed" style="border-left:4px solid {colour}">'
            f'<div class="fa-meta">{markup.text(stamp(posted_at, dated=dated))} · '
            f"<b>{markup.text(author)}</b> · {link(href, 'comment →')}</div>"
            f"<div>{what}</div></div>")
