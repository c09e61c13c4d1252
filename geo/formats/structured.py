"""Threads that arrive as data: a Reddit thread's JSON and a Disqus XML export.

Both name each comment's author, time and parent, so nothing is guessed; the words are in
JSON strings or in HTML inside XML.  The thread's ``text`` -- what every entry's offsets
index -- is a plain rendering of the thread made here, one entry after another, each
followed by a footer line in the Typepad style:

    Thread title

    The post's words.
    Posted by: alice | 07 June 2016 at 02:35:16 PM

    A comment's words.
    Posted by: bob | 07 June 2016 at 02:40:00 PM

so ``entry.text == thread.text[entry.start:entry.end]`` holds as for a copied thread, the
rendering reads back the same with the footer parser, and ``python -m geo extract
--format text`` prints it.  Times are UTC (both sources give UTC), naive.  Replies come from
the parent ids, not from guessing.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from geo.formats.footed import Thread, ThreadError, link_replies
from geo.formats.html import fragment_text
from geo.records import Entry

__all__ = ["Item", "looks_like_disqus_xml", "looks_like_reddit_json", "parse_disqus_xml",
           "parse_reddit_json", "render"]

DISQUS_NS = "{http://disqus.com}"
DISQUS_INTERNALS = "{http://disqus.com/disqus-internals}"


@dataclass(frozen=True, slots=True)
class Item:
    """One post or comment as the data gives it."""

    key: str
    author: str
    posted_at: datetime | None
    body: str
    parent: str | None = None
    kind: str = "comment"


def looks_like_reddit_json(text: str) -> bool:
    head = text.lstrip("\ufeff \t\r\n")[:4000]
    return head.startswith(("[", "{")) and '"kind"' in head and '"Listing"' in head


def looks_like_disqus_xml(text: str) -> bool:
    head = text.lstrip("\ufeff \t\r\n")[:4000]
    return head.startswith("<") and "<disqus" in head and "disqus.com" in head


def _utc(seconds: object) -> datetime | None:
    if not isinstance(seconds, (int, float)):
        return None
    return datetime.fromtimestamp(seconds, tz=UTC).replace(tzinfo=None)


def _children(listing: object) -> list[object]:
    if not isinstance(listing, dict):
        return []
    children = (listing.get("data") or {}).get("children") or []
    return children if isinstance(children, list) else []


def _reddit_comments(listing: object, parent: str | None, out: list[Item],
                     skipped: list[int]) -> None:
    """Depth-first, in the order Reddit shows them (iteratively: threads nest deeply)."""
    stack = [(child, parent) for child in reversed(_children(listing))]
    while stack:
        child, above = stack.pop()
        if not isinstance(child, dict):
            continue
        data = child.get("data") or {}
        if child.get("kind") == "more":
            skipped[0] += int(data.get("count") or 0)
            continue
        if child.get("kind") != "t1":
            continue
        key = str(data.get("name") or data.get("id") or len(out))
        out.append(Item(key, str(data.get("author") or ""), _utc(data.get("created_utc")),
                        str(data.get("body") or ""), above))
        stack.extend((reply, key) for reply in reversed(_children(data.get("replies"))))


def parse_reddit_json(text: str, *, source: str = "") -> Thread:
    """The JSON of a Reddit thread's ``.json`` address: [post listing, comment listing]."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ThreadError(f"is not valid JSON ({error.msg})", line=error.lineno,
                          source=source) from None
    except RecursionError:
        raise ThreadError("is JSON nested deeper than any thread", source=source) from None
    if not isinstance(data, list) or len(data) < 2:
        raise ThreadError("is JSON but not a Reddit thread (expected [post, comments])",
                          source=source)
    posts = _children(data[0])
    items: list[Item] = []
    title = ""
    if posts and isinstance(posts[0], dict):
        post = posts[0].get("data") or {}
        title = str(post.get("title") or "")
        body = str(post.get("selftext") or "") or str(post.get("url") or "")
        items.append(Item(str(post.get("name") or "post"), str(post.get("author") or ""),
                          _utc(post.get("created_utc")), body, None, "post"))
    skipped = [0]
    _reddit_comments(data[1], items[0].key if items else None, items, skipped)
    notes = ["times are UTC, as Reddit gives them"]
    if skipped[0]:
        notes.append(f"{skipped[0]} comments were not in the file (Reddit's 'load more'); "
                     "they are not read")
    return render(items, title=title, source=source, family="reddit", notes=notes)


def parse_disqus_xml(text: str, *, source: str = "") -> Thread:
    """A Disqus export: ``<thread>`` elements and ``<post>`` elements pointing at them."""
    try:
        root = ElementTree.fromstring(text.lstrip("\ufeff"))
    except ElementTree.ParseError as error:
        raise ThreadError(f"is not well-formed XML ({error})", line=error.position[0],
                          source=source) from None
    titles = {t.get(DISQUS_INTERNALS + "id"): (t.findtext(DISQUS_NS + "title") or "").strip()
              for t in root.findall(DISQUS_NS + "thread") if t.get(DISQUS_INTERNALS + "id")}
    posts = [p for p in root.iter(DISQUS_NS + "post")
             if (p.findtext(DISQUS_NS + "isDeleted") or "false") != "true"
             and (p.findtext(DISQUS_NS + "isSpam") or "false") != "true"]
    threads = [p.find(DISQUS_NS + "thread") for p in posts]
    counts: dict[str, int] = {}
    for t in threads:
        key = t.get(DISQUS_INTERNALS + "id", "") if t is not None else ""
        counts[key] = counts.get(key, 0) + 1
    chosen = max(counts, key=counts.__getitem__) if counts else ""
    notes = ["times are UTC, as Disqus exports them"]
    if len(counts) > 1:
        notes.append(f"the export holds {len(counts)} threads; the one with the most comments "
                     f"({counts[chosen]}) is read")
    items: list[Item] = []
    for post, thread in zip(posts, threads, strict=True):
        if (thread.get(DISQUS_INTERNALS + "id", "") if thread is not None else "") != chosen:
            continue
        parent = post.find(DISQUS_NS + "parent")
        author = post.find(DISQUS_NS + "author")
        name = ""
        if author is not None:
            name = (author.findtext(DISQUS_NS + "name") or author.findtext(
                DISQUS_NS + "username") or "").strip()
        items.append(Item(post.get(DISQUS_INTERNALS + "id", str(len(items))), name,
                          _iso(post.findtext(DISQUS_NS + "createdAt")),
                          fragment_text(post.findtext(DISQUS_NS + "message") or ""),
                          parent.get(DISQUS_INTERNALS + "id") if parent is not None else None))
    return render(items, title=titles.get(chosen, ""), source=source, family="disqus-xml",
                  notes=notes)


def _iso(stamp: str | None) -> datetime | None:
    if not stamp:
        return None
    try:
        moment = datetime.fromisoformat(stamp.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment


def _footer(item: Item) -> str:
    when = item.posted_at.strftime("%d %B %Y at %I:%M:%S %p") if item.posted_at else "unknown"
    return f"Posted by: {item.author or 'anonymous'} | {when}"


def render(items: list[Item], *, title: str, source: str, family: str,
           notes: list[str]) -> Thread:
    """Entries over a plain rendering of ``items`` (see the module's docstring)."""
    parts: list[str] = []
    length = 0

    def add(piece: str) -> int:
        nonlocal length
        parts.append(piece)
        length += len(piece)
        return length

    if title:
        add(" ".join(title.split()) + "\n\n")
    entries: list[Entry] = []
    ids: dict[str, int] = {}
    parents: dict[int, int] = {}
    for item in items:
        body = "\n".join(line.rstrip() for line in item.body.replace("\r\n", "\n").split("\n"))
        body = body.strip() or "(no text)"
        start = length
        end = add(body)
        add("\n" + _footer(item) + "\n\n")
        entry_id = len(entries)
        ids[item.key] = entry_id
        if item.parent is not None and item.parent in ids:
            parents[entry_id] = ids[item.parent]
        entries.append(Entry(id=entry_id, kind=item.kind, author=item.author,
                             posted_at=item.posted_at.isoformat() if item.posted_at else None,
                             text=body, start=start, end=end))
    text = "".join(parts)
    _number_lines(entries, text)
    linked = [replace(e, replies_to=parents.get(e.id, e.replies_to)) for e in link_replies(entries)]
    return Thread(source=source, entries=linked, mode="structured", notes=notes, text=text,
                  family=family, title=" ".join(title.split()))


def _number_lines(entries: list[Entry], text: str) -> None:
    """Set each entry's 1-based line (entries are frozen: rebuilt in place in the list)."""
    line, pos = 1, 0
    for index, entry in enumerate(entries):
        line += text.count("\n", pos, entry.start)
        pos = entry.start
        entries[index] = replace(entry, line=line)
