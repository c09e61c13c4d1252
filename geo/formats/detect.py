"""Which comment system a thread comes from, and a reading of it by that system's rules.

The families, tried in this order (the first that fits reads the thread):

* ``reddit`` -- the JSON a Reddit thread's ``.json`` address returns;
* ``disqus-xml`` -- a Disqus XML export;
* a saved HTML page of any system: its reading text (geo/formats/html.py) is read as below,
  and the family is ``html+<the family of that text>``;
* ``typepad``, ``movable-type``, ``moon-of-alabama`` -- comments closed by ``Posted by``
  footers (geo/formats/footers.py);
* ``wordpress``, ``disqus`` -- copied page text with each name above its comment
  (geo/formats/names_above.py);
* ``plain`` -- none of these: blank-line-separated blocks, or one entry.

``format_report`` says in one line what was found; the command line prints it on stderr and
the Ingest page shows it.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from geo.formats.footed import Thread, parse_footers, split_lines
from geo.formats.footers import FOOTER_START
from geo.formats.html import looks_like_html, page_replies, page_text, page_title
from geo.formats.names_above import find_headers, parse_names_above
from geo.formats.structured import (
    looks_like_disqus_xml,
    looks_like_reddit_json,
    parse_disqus_xml,
    parse_reddit_json,
)
from geo.formats.titles import shorten, title_of
from geo.records import Entry

__all__ = ["FAMILIES", "format_report", "read_thread", "title_of"]

FAMILIES = {
    "typepad": "Typepad footers ('Posted by: NAME | 07 June 2016 at 05:06 PM')",
    "movable-type": "Movable Type footers ('Posted by: NAME at June 7, 2016 05:06 PM')",
    "moon-of-alabama": "Moon of Alabama footers ('Posted by: b | Jun 7, 2016 2:35:16 PM')",
    "wordpress": "WordPress comments copied from the page (name above, then the date)",
    "disqus": "Disqus comments copied from the page (name above, then the date)",
    "disqus-xml": "a Disqus XML export",
    "reddit": "a Reddit thread's JSON",
    "plain": "plain text without comment footers or headers",
}
# A text with this many footers is a footer thread even if some dates also look like headers.
MIN_HEADERS = 2


def read_thread(text: str, *, source: str = "", strict: bool = False,
                signature: str | None = None, as_of: date | None = None) -> Thread:
    """Recognise the family of ``text`` and read it (see the module's docstring)."""
    if looks_like_reddit_json(text) or looks_like_disqus_xml(text):
        parse = parse_reddit_json if looks_like_reddit_json(text) else parse_disqus_xml
        thread = parse(text, source=source)
        thread.title = shorten(thread.title)  # the export's own title, cut at a word if long
        return thread
    if looks_like_html(text):
        plain = page_text(text)
        thread = _read_text(plain, source=source, strict=strict, signature=signature,
                            as_of=as_of)
        thread.family = f"html+{thread.family}"
        thread.entries = _nesting_replies(thread.entries, page_replies(text))
        thread.title = shorten(page_title(text)) or thread.title
        thread.notes.insert(0, "a saved web page: entry offsets index its reading text "
                               "(python -m geo extract --format text prints it)")
        return thread
    return _read_text(text, source=source, strict=strict, signature=signature, as_of=as_of)


def _nesting_replies(entries: list[Entry], pairs: list[tuple[str, str]]) -> list[Entry]:
    """A saved page shows a reply by nesting it in its parent comment, which the reading text
    loses: taken from the page, when its comments are the entries, author for author."""
    comments = [e for e in entries if e.kind == "comment"]
    if not pairs or [a for a, _ in pairs] != [e.author for e in comments]:
        return entries
    parents = {e.id: parent for e, (_, parent) in zip(comments, pairs, strict=True) if parent}
    latest: dict[str, int] = {}
    out = []
    for entry in entries:
        parent = parents.get(entry.id)
        if parent in latest and entry.replies_to is None:
            entry = replace(entry, replies_to=latest[parent])
        out.append(entry)
        latest[entry.author] = entry.id
    return out


def _read_text(text: str, *, source: str, strict: bool, signature: str | None,
               as_of: date | None) -> Thread:
    lines = list(split_lines(text))
    footers = sum(1 for line in lines if FOOTER_START.match(line.text))
    headers = [] if footers >= MIN_HEADERS else find_headers(lines)
    if len(headers) >= MIN_HEADERS and len(headers) > footers:
        thread = parse_names_above(text, source=source, strict=strict, as_of=as_of,
                                   headers=headers, lines=lines)
    else:
        thread = parse_footers(text, source=source, strict=strict, signature=signature,
                               as_of=as_of)
    thread.title = title_of(text)
    return thread


def format_report(thread: Thread) -> str:
    """One line: the family recognised and how many entries, authors and times it found."""
    family = thread.family or "plain"
    base = family.removeprefix("html+")
    what = FAMILIES.get(base, base)
    if family.startswith("html+"):
        what = f"a saved HTML page; inside, {what}"
    entries = thread.entries
    authors = {e.author for e in entries if e.author}
    timed = sum(1 for e in entries if e.posted_at)
    comments = sum(1 for e in entries if e.kind != "post")
    replies = sum(1 for e in entries if e.replies_to is not None)
    relative = sum(1 for note in thread.notes if "is relative" in note or "time of day" in note)
    unplaced = (f"; {relative} relative times ('2 hours ago') need the day the page was "
                "copied (--as-of)") if relative else ""
    return (f"{what}: {len(entries)} entries ({comments} comments), {len(authors)} authors, "
            f"{timed} with a time, {replies} replies{unplaced}")
