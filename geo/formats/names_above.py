"""Threads copied from a page whose comments carry their author's name above them.

WordPress (core comments and wpDiscuz) and Disqus show a header over each comment: the
name on its own line (or ``NAME says:``), maybe a role label ("Guest", "Mod") or a "Reply
to NAME" line, then a date line ("June 7, 2016 at 5:06 pm", "2 years ago"), or all on one
line ("NAME • 2 years ago").  Below the text come buttons ("Reply", "Like", "Report", vote
counts) that copying drags along; they are page furniture (geo/formats/chrome.py) and fall
outside the entries.  What comes before the first header is the post (with its title on
its first line).

>>> text = "A post about Azaz.\\n\\nJoe says:\\nJune 7, 2016 at 5:06 pm\\nIt fell.\\nReply\\n"
>>> [(e.kind, e.author, e.posted_at, e.text) for e in parse_names_above(text).entries]
[('post', '', None, 'A post about Azaz.'), ('comment', 'Joe', '2016-06-07T17:06:00', 'It fell.')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from geo.formats.chrome import is_chrome
from geo.formats.footed import (
    Line,
    Thread,
    ThreadError,
    line_at,
    link_replies,
    split_lines,
    trim_chrome,
)
from geo.formats.stamps import find_stamp_line, is_stamp, read_stamp
from geo.records import Entry

__all__ = ["find_headers", "parse_names_above"]

# "Joe says:", "Joe said:", "Joe wrote:" -- the name is what comes before.
_SAYS = re.compile(r"^(?P<name>.+?)\s+(?:says|said|wrote)\s*:?\s*$", re.IGNORECASE)
# One-line headers: "Joe • 2 years ago", "Joe says: June 7, 2016 at 5:06 pm", "Joe | date".
_INLINE = re.compile(r"^(?P<name>[^\u2022\u00b7|]{1,60}?)\s*(?:[\u2022\u00b7|]|\bsays:?|\bsaid:?"
                     r"|\bon\b)\s*(?P<stamp>[^\u2022\u00b7|]+?)\s*(?:says:?|said:?)?\s*$",
                     re.IGNORECASE)
_REPLY_TO = re.compile(r"^\s*(?:\u21b3\s*|\u21aa\s*)?(?:in\s+)?(?:reply|replying)\s+to\s+"
                       r"(?P<name>.{1,60}?)\s*$", re.IGNORECASE)
MAX_NAME_CHARS = 60
MAX_NAME_WORDS = 6
LOOKBACK_LINES = 4  # name, label, "Reply to X", avatar text: a header is never taller


@dataclass(frozen=True, slots=True)
class Header:
    """A comment's header: its first and last line (indices into the lines), who, when."""

    first: int
    last: int
    author: str
    stamp: str
    reply_to: str = ""


def _name_of(text: str) -> str | None:
    """The commenter's name when a line is nothing but a name (or ``NAME says:``)."""
    line = text.strip()
    says = _SAYS.match(line)
    if says:
        line = says["name"].strip()
    if not line or len(line) > MAX_NAME_CHARS or len(line.split()) > MAX_NAME_WORDS:
        return None
    if is_chrome(line) or is_stamp(line) or line[-1] in ".!?;,\"\u201d" or _REPLY_TO.match(line):
        return None
    return line


# Disqus writes a reply's header as "NAME  PARENT • 2 hours ago" (an arrow icon between).
_TWO_NAMES = re.compile(r"\s{2,}|\s*[\u2192\u279c\u21aa]\s*")
# A comment's header has a time ("5:06 pm") or a relative one; a bare date heads a post.
_CLOCK_OR_RELATIVE = re.compile(r"\d[:.]\d\d|\bago\b|\bnow\b|yesterday|today", re.IGNORECASE)


def _inline_header(text: str) -> tuple[str, str, str] | None:
    match = _INLINE.match(text.strip())
    if match is None or not is_stamp(match["stamp"]) \
            or not _CLOCK_OR_RELATIVE.search(match["stamp"]):
        return None
    names = _TWO_NAMES.split(match["name"].strip(), maxsplit=1)
    parent = names[1].strip() if len(names) > 1 else ""
    name = _name_of(names[0])
    return (name, match["stamp"], parent) if name else None


def _header_at(lines: list[Line], index: int, floor: int) -> Header | None:
    """The header whose date is on line ``index`` (looking back no further than ``floor``)."""
    text = lines[index].text
    inline = _inline_header(text)
    if inline is not None:
        return Header(index, index, inline[0], inline[1], inline[2])
    stamp = find_stamp_line(text)
    if stamp is None or not _CLOCK_OR_RELATIVE.search(stamp):
        return None
    reply_to = ""
    look = index - 1
    while look >= max(floor, index - LOOKBACK_LINES):
        line = lines[look].text
        reply = _REPLY_TO.match(line)
        if reply:
            reply_to = reply["name"]
        elif line.strip() and not is_chrome(line):
            name = _name_of(line)
            return Header(look, index, name, stamp, reply_to) if name else None
        look -= 1
    return None


_DATE_HINT = re.compile(r"\d|\bago\b|\bnow\b|\byesterday\b|\btoday\b", re.IGNORECASE)


def _may_hold_a_date(line: str) -> bool:
    """A cheap test before the date grammar: short, with a digit or a relative word."""
    return len(line) <= 120 and _DATE_HINT.search(line) is not None


def find_headers(lines: list[Line]) -> list[Header]:
    """Every comment header of a text, in order."""
    headers: list[Header] = []
    floor = 0
    for index in range(len(lines)):
        if not _may_hold_a_date(lines[index].text):
            continue
        header = _header_at(lines, index, floor)
        if header is not None:
            headers.append(header)
            floor = index + 1
    return headers


# "Posted on June 7, 2016 by Marlow Dalby", "by Marlow Dalby": the post's byline.
_BYLINE = re.compile(r"^(?:(?:posted|written|published)\b.{0,40}?\s)?by\s+(?P<name>[^\d\n|]{2,40}?)"
                     r"\s*$", re.IGNORECASE)
BYLINE_LINES = 12  # a byline sits under the title, not deep in the post


def _byline(lines: list[Line]) -> str:
    """The post's author from a byline near its top, or "" when there is none."""
    for line in lines[:BYLINE_LINES]:
        match = _BYLINE.match(line.text.strip()) if len(line.text) <= 100 else None
        if match:
            return _name_of(match["name"]) or ""
    return ""


def family_of(headers: list[Header], text: str) -> str:
    """WordPress or Disqus, from what the headers look like."""
    relative = sum(1 for h in headers if "ago" in h.stamp.lower())
    if "disqus" in text.lower() or relative * 2 > len(headers):
        return "disqus"
    return "wordpress"


def _entry(text: str, lines: list[Line], start: int, end: int, **fields) -> Entry:
    start, end = trim_chrome(text, start, end)
    return Entry(text=text[start:end], start=start, end=end, line=line_at(lines, start),
                 **fields)


def parse_names_above(text: str, *, source: str = "", strict: bool = False,
                      as_of: date | None = None, headers: list[Header] | None = None,
                      lines: list[Line] | None = None) -> Thread:
    """The post and comments of a names-above text (see the module's docstring)."""
    lines = lines if lines is not None else list(split_lines(text))
    headers = headers if headers is not None else find_headers(lines)
    notes: list[str] = []
    entries: list[Entry] = []
    if headers and headers[0].first > 0:
        post_end = lines[headers[0].first - 1].end
        post = _entry(text, lines, 0, post_end, id=0, kind="post",
                      author=_byline(lines[:headers[0].first]), posted_at=None)
        if post.text:
            entries.append(post)
    replies: dict[int, str] = {}
    for number, header in enumerate(headers):
        stamp = read_stamp(header.stamp, as_of=as_of)
        if stamp.problem:
            if strict:
                raise ThreadError(stamp.problem, line=lines[header.last].number, source=source)
            notes.append(f"line {lines[header.last].number}: {stamp.problem}; the comment is "
                         "kept without a time")
        elif stamp.approximate:
            notes.append(f"line {lines[header.last].number}: a relative time resolved to the "
                         "day only")
        start = lines[header.last].end
        end = (lines[headers[number + 1].first].start if number + 1 < len(headers)
               else len(text))
        entry = _entry(text, lines, start, end, id=len(entries), kind="comment",
                       author=header.author,
                       posted_at=stamp.moment.isoformat() if stamp.moment else None)
        if header.reply_to:
            replies[entry.id] = header.reply_to
        entries.append(entry)
    linked = link_replies(entries)
    return Thread(source=source, entries=_replies_by_header(linked, replies), mode="names",
                  notes=notes, text=text, family=family_of(headers, text))


def _replies_by_header(entries: list[Entry], replies: dict[int, str]) -> list[Entry]:
    """A "Reply to NAME" header line answers NAME's latest earlier entry."""
    if not replies:
        return entries
    from dataclasses import replace

    latest: dict[str, int] = {}
    out: list[Entry] = []
    for entry in entries:
        target = replies.get(entry.id)
        if target is not None and target.casefold() in latest:
            entry = replace(entry, replies_to=latest[target.casefold()])
        out.append(entry)
        if entry.author:
            latest[entry.author.casefold()] = entry.id
    return out
