"""The thread itself: the post and every comment, with places and factions marked.

Why a page of its own: every dot on the map and every row of a table stands for words
someone wrote, and a reader has to be able to check them in context.  Each entry has the
anchor ``entry-<id>``; the map and the other pages link to ``./Thread?...&entry=12#entry-12``
and this page scrolls to that entry and outlines it.

All thread text is data: it goes through ``atlas.markup`` (escaped) and is rendered as one
HTML block without blank lines, so neither HTML nor Markdown in a comment is interpreted.
"""

from __future__ import annotations

import re
from collections import defaultdict

import streamlit as st

from atlas import cards, markup
from atlas.archive import Archive
from atlas.colours import side_colours
from atlas.ui import keys
from atlas.ui.controls import page_setup
from atlas.ui.data import search
from atlas.view import slug
from geo.records import Entry

st.set_page_config(page_title="Thread · Frontline Atlas", page_icon="💬", layout="wide")

OPENING = re.compile(r"[\"“„«]\s*\Z")  # a quotation mark right before a quote
CLOSING = re.compile(r"(?P<stop>[.,;:!?…]?)[\"”»][ \t]*\n?")  # and right after it
MAX_ARCHIVE_ENTRIES = 300  # all threads: entries drawn at once (the rest: narrow the filters)

# The link target is read before page_setup, which rewrites the URL without ``entry``.
_entry_param = st.query_params.get("entry")
if _entry_param is not None:
    st.session_state[keys.THREAD_TARGET] = int(_entry_param) if _entry_param.isdigit() else -1
    st.session_state[keys.THREAD_SCROLLED] = False

page = page_setup(title="Thread")
corpus, view = page.corpus, page.view


def style_block(colours: dict[str, str]) -> str:
    """The cards' stylesheet, and each side's underline colour (checked by atlas.colours)."""
    rules = [f"mark.fa-side-{slug(side)}{{border-bottom-color:{colour}}}"
             for side, colour in colours.items()]
    return cards.stylesheet() + "<style>" + "".join(rules) + "</style>"


def stamp(entry: Entry) -> str:
    return cards.stamp(entry.posted_at, kind=entry.kind)


def search_words(query: str) -> list[str]:
    return re.findall(r"\w+", query)


def with_hits(body: str, spans: list[tuple[int, int, str, str]],
              words: list[str]) -> list[tuple[int, int, str, str]]:
    """``spans`` plus the search words; a word that is already marked keeps both classes."""
    marked = {(s, e): i for i, (s, e, _, _) in enumerate(spans)}
    out = list(spans)
    for word in words:
        for match in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", body, re.IGNORECASE):
            where = (match.start(), match.end())
            if where in marked:
                start, end, css, title = out[marked[where]]
                out[marked[where]] = (start, end, f"{css} fa-hit", title)
            else:
                out.append((*where, "fa-hit", "search match"))
    return out


def render_segment(body: str, start: int, end: int,
                   spans: list[tuple[int, int, str, str]]) -> str:
    """``body[start:end]`` escaped and highlighted, with line breaks kept as ``<br>``."""
    inner = [(s - start, e - start, css, title) for s, e, css, title in spans
             if start <= s and e <= end]
    html = markup.highlight(body[start:end], inner)
    return html.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "<br>")


def entry_link(entry_id: int, label: str, visible: set[int]) -> str:
    if entry_id in visible:
        return f'<a href="#entry-{entry_id}">{markup.text(label)}</a>'
    return f'{markup.text(label)} <span title="hidden by the filters">(hidden)</span>'


def render_entry(entry: Entry, spans: list[tuple[int, int, str, str]], *, visible: set[int],
                 target: int | None) -> str:
    classes = ["fa-entry"]
    if entry.kind == "post":
        classes.append("fa-post")
    if entry.id == target:
        classes.append("fa-target")
    head = [f'<a class="fa-num" href="#entry-{entry.id}" title="link to this entry">'
            f"#{entry.id}</a>",
            f'<span class="fa-author">{markup.text(entry.author or "?")}</span>',
            f" · {markup.text(stamp(entry))}"]
    if isinstance(corpus, Archive):
        head.append(f" · {markup.text(corpus.thread_of(entry.id))}")
    if entry.replies_to is not None and 0 <= entry.replies_to < len(corpus.entries):
        replied = corpus.entries[entry.replies_to]
        head.append('<span class="fa-reply">↩ in reply to '
                    + entry_link(replied.id, replied.author or "?", visible) + "</span>")
    parts = []
    cursor = 0
    for quote in sorted(entry.quotes, key=lambda q: q.start):
        if quote.start < cursor or quote.end > len(entry.text):
            continue
        # The quotation marks around a quote become the box drawn around it.
        before = OPENING.search(entry.text, cursor, quote.start)
        parts.append(render_segment(entry.text, cursor, before.start() if before else quote.start,
                                    spans))
        quoted = corpus.entries[quote.entry] if 0 <= quote.entry < len(corpus.entries) else None
        who = entry_link(quoted.id, quoted.author or "?", visible) if quoted else "?"
        after = CLOSING.match(entry.text, quote.end)
        parts.append(f'<div class="fa-quote"><div class="fa-quoting">quoting {who}</div>'
                     + render_segment(entry.text, quote.start, quote.end, spans)
                     + markup.text(after["stop"] if after else "") + "</div>")
        cursor = after.end() if after else quote.end
    parts.append(render_segment(entry.text, cursor, len(entry.text), spans))
    return (f'<div class="{" ".join(classes)}" id="entry-{entry.id}">'
            f'<div class="fa-head">{"".join(head)}</div>'
            f'<div class="fa-body">{"".join(parts)}</div></div>')


def scroll_script(entry_id: int) -> str:
    """Scroll to an entry once it exists (Streamlit draws the page after the browser loaded)."""
    return ("<script>(function(){let n=0;const t=setInterval(function(){"
            f"const el=document.getElementById('entry-{int(entry_id)}');n+=1;"
            "if(el){el.scrollIntoView({block:'start'});clearInterval(t);}"
            "else if(n>80){clearInterval(t);}},100);})();</script>")


colours = side_colours(corpus)
st.html(style_block(colours))  # styles alone: no room taken above the title
st.title("Thread")

places = {p.id: p for p in corpus.places}
actors = {a.id: a for a in corpus.actors}
target = st.session_state.get(keys.THREAD_TARGET)

top = st.columns([3, 2], vertical_alignment="bottom")
query = top[0].text_input("Search the comments", key=keys.THREAD_SEARCH,
                          placeholder="words, e.g. Manbij reinforcements",
                          help="Comments containing every word (full-text search).")
only_place = False
if page.state.place and page.state.place in places:
    only_place = top[1].toggle(f"Only comments naming {places[page.state.place].name}",
                               key=keys.THREAD_ONLY_PLACE)

entries = list(view.entries)
notes: list[str] = []

# Faction filter: the entries that involve a chosen side (a claim, or a side's name).
sides = view.filters.sides
if sides:
    involved = {c.entry for c in view.claims} | {m.entry for m in view.mentions}
    involved |= {am.entry for am in corpus.actor_mentions
                 if actors.get(am.actor) and actors[am.actor].side in sides}
    entries = [e for e in entries if e.id in involved]
    notes.append("naming or claiming " + ", ".join(sorted(sides)))
if only_place:
    naming = {m.entry for m in view.mentions_of(page.state.place or "")}
    entries = [e for e in entries if e.id in naming]
    notes.append(f"naming {places[page.state.place or ''].name}")
words = search_words(query or "")
if words:
    if isinstance(corpus, Archive):  # every thread: hits are (thread, its entry id)
        found = {corpus.global_id(thread, entry_id)
                 for thread, entry_id in search(query, source=None, limit=1000)}
    else:
        found = {entry_id for _, entry_id in search(query, source=corpus.source)}
    hidden = len(found - {e.id for e in entries})
    entries = [e for e in entries if e.id in found]
    notes.append(f"matching “{query.strip()}”" + (f" ({hidden} more hidden by the filters)"
                                                   if hidden else ""))

total = len(corpus.entries)
if isinstance(corpus, Archive) and len(entries) > MAX_ARCHIVE_ENTRIES:
    # thousands of comments are not read on one page: the first ones (or those around the
    # linked entry), with a note
    ids = [e.id for e in entries]
    at = ids.index(target) if target in ids else 0
    first = max(0, min(at - MAX_ARCHIVE_ENTRIES // 2, len(entries) - MAX_ARCHIVE_ENTRIES))
    notes.append(f"{len(entries)} entries match, {MAX_ARCHIVE_ENTRIES} drawn here: search, pick "
                 "a thread or narrow the filters")
    entries = entries[first:first + MAX_ARCHIVE_ENTRIES]
summary = f"Showing <b>{len(entries)}</b> of {total} entr{'y' if total == 1 else 'ies'}"
if len(view.entries) < total:
    summary += f" ({total - len(view.entries)} outside the timeline or commenter filter)"
summary += "".join("; " + markup.text(note) for note in notes)
st.markdown(f'<div class="fa-summary">{summary}.</div>', unsafe_allow_html=True)

if corpus.notes:
    count = len(corpus.notes)
    with st.expander(f"How the thread was read ({count} note{'s' * (count != 1)})"):
        st.text("\n".join(corpus.notes))

legend = ['<span class="fa-legend">Marked: <mark class="fa-place">place</mark> · factions by '
          "side: "]
for side, colour in colours.items():
    legend.append(f'<span class="fa-chip" style="background:{colour}">'
                  f"{markup.text(side)}</span>")
st.markdown("".join(legend) + "</span>", unsafe_allow_html=True)

if target is not None and target not in {e.id for e in entries}:
    if 0 <= target < total:
        st.info(f"Entry #{target} is not shown with the current filters (timeline, commenter, "
                "faction or search); widen them to see it.", icon="ℹ️")
    else:
        st.info("The link named an entry this thread does not have.", icon="ℹ️")

spans_by_entry: dict[int, list[tuple[int, int, str, str]]] = defaultdict(list)
for mention in view.mentions:
    place = places.get(mention.place)
    if place is None:
        continue
    css = "fa-place fa-selected" if mention.place == page.state.place else "fa-place"
    title = f"{place.name} · {place.kind}, {place.country} · confidence {mention.confidence:.2f}"
    spans_by_entry[mention.entry].append((mention.start, mention.end, css, title))
for am in corpus.actor_mentions:
    actor = actors.get(am.actor)
    if actor is None or (sides and actor.side not in sides):
        continue
    spans_by_entry[am.entry].append(
        (am.start, am.end, f"fa-side fa-side-{slug(actor.side)}", f"{actor.name} · {actor.side}"))

visible = {e.id for e in entries}
for entry in entries:
    spans = with_hits(entry.text, spans_by_entry.get(entry.id, []), words)
    st.markdown(render_entry(entry, spans, visible=visible, target=target),
                unsafe_allow_html=True)
if not entries:
    st.info("No entry matches the filters and the search.", icon="ℹ️")

# Scroll once per link followed, not on every rerun (a slider move must not jump the page).
if target is not None and target in visible and not st.session_state.get(keys.THREAD_SCROLLED):
    st.html(scroll_script(target), unsafe_allow_javascript=True)
    st.session_state[keys.THREAD_SCROLLED] = True
