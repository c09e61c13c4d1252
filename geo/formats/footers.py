"""The footer grammar of Typepad / Movable Type blogs (and Moon of Alabama, a Typepad blog).

A comment ends with one footer line naming its author and time.  The styles met in the wild:

    Posted by: Barish | 07 June 2016 at 05:06 PM          Typepad, day first
    Posted by: Barish at June 7, 2016 05:06 PM             Movable Type, month first
    Posted by: Barish | June 7, 2016 at 05:06 PM           either, with the bar
    Posted by: b | Jun 7, 2016 2:35:16 PM                  Moon of Alabama (seconds)
    Posted by b on June 7, 2016 at 02:35 PM | Permalink    a post's own footer

The author is everything before the separator that precedes a date, so a name containing a
bar or the word "at" survives; what follows the date (``| Permalink``, ``| Comments (25)``)
is page furniture and ignored.

>>> f = read_footer("Posted by: A | B | Jun 7, 2016 2:35:16 PM")
>>> f.author, f.stamp.moment.isoformat(), f.style
('A | B', '2016-06-07T14:35:16', 'moon-of-alabama')
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from geo.formats.stamps import Stamp, is_stamp, read_stamp

__all__ = ["FOOTER_START", "Footer", "read_footer"]

FOOTER_START = re.compile(r"^[ \t]*Posted by\b:?", re.IGNORECASE)
# Where a name may end and a date begin.
_SEPARATOR = re.compile(r"[ \t]*(?:\||\bat\b|\bon\b|,|\u2013|\u2014|[ \t]-[ \t])[ \t]*|[ \t]+",
                        re.IGNORECASE)
# "| Permalink", "| Comments (25)", and Moon of Alabama's comment number ("| 12")
_FURNITURE = re.compile(r"\s*\|\s*(?:permalink|comments?\b.*|trackback.*|reply|link|\d{1,6})\s*$",
                        re.IGNORECASE)
_SECONDS = re.compile(r"\d:\d\d:\d\d")
_MONTH_FIRST = re.compile(r"^\s*[a-z]", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Footer:
    """One footer line read: the author, the stamp (maybe with a problem), the style."""

    author: str
    stamp: Stamp
    style: str  # "typepad", "movable-type", "moon-of-alabama", "" when no date was found
    is_post: bool = False  # "Posted by NAME on DATE | Permalink": the post's own footer


def _style(stamp_text: str, bar: bool) -> str:
    if _SECONDS.search(stamp_text):
        return "moon-of-alabama"
    if _MONTH_FIRST.match(stamp_text) and not bar:
        return "movable-type"
    return "typepad"


def read_footer(line: str, *, as_of: date | None = None) -> Footer:
    """Read a line that starts with ``Posted by``; a footer with no date has style ``""``."""
    rest = FOOTER_START.sub("", line, count=1)
    colon = line.lstrip()[len("posted by"):].lstrip()[:1] == ":"
    furniture = _FURNITURE.search(rest)
    is_post = (not colon) or (furniture is not None and "permalink" in furniture.group().lower())
    while furniture is not None:
        rest = rest[:furniture.start()]
        furniture = _FURNITURE.search(rest)
    rest = rest.strip()
    for separator in _SEPARATOR.finditer(rest):
        author, stamp_text = rest[:separator.start()].strip(), rest[separator.end():]
        if not author or not is_stamp(stamp_text):
            continue
        stamp = read_stamp(stamp_text, as_of=as_of)
        return Footer(author, stamp, _style(stamp_text, "|" in separator.group()), is_post)
    if is_stamp(rest):  # "Posted by: | 07 June 2016 ..." or just a date: no name
        return Footer("", read_stamp(rest.lstrip("| "), as_of=as_of), _style(rest, True), is_post)
    bar = rest.rfind("|")
    if bar >= 0:  # a bar, then something that is not a date we know
        return Footer(rest[:bar].strip(), read_stamp(rest[bar + 1:], as_of=as_of), "", is_post)
    return Footer(rest, Stamp(None, "the 'Posted by' line has no date"), "", is_post)
