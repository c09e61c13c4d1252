"""A thread's title: the one its page or export gives, else its first line made a headline.

A copied thread often has no title line: it starts with the post's first sentence, which can
run to 250 characters.  The title names the thread in the sidebar's selector and above the map
beside it, where a line cut at a fixed count read "... talking to the Russians behind the"
and the page's two-line clamp then cut it again mid-word ("Hatay ar…").  A headline is the
line itself when short, else its first sentence (a list number "1." and abbreviations such as
"Gen." or "U.S." do not end one), else that sentence cut at the last word that fits, with an
ellipsis; never longer than :data:`MAX_TITLE_CHARS`.

>>> headline("1. Unless the US JCS are once again off the reservation and talking to the "
...          "Russians behind the backs of the Obamanites, I don't think there is much.")
'Unless the US JCS are once again off the reservation and talking to the…'
>>> headline("Someone said to me that the border crossings from Hatay are under surveillance. "
...          "And the recent NATO moves go well beyond anything done in the days of the USSR.")
'Someone said to me that the border crossings from Hatay are under surveillance'
>>> headline("What now? Gen. Hassan says the U.S. forces took Manbij on 7 June. IS fled north "
...          "towards Jarabulus.")
'What now? Gen. Hassan says the U.S. forces took Manbij on 7 June'
>>> headline("The fight for Manbij")
'The fight for Manbij'
"""

from __future__ import annotations

import re

from geo.formats.chrome import is_chrome

__all__ = ["MAX_TITLE_CHARS", "headline", "shorten", "title_of"]

#: A title's length at most, ellipsis included: two lines beside the map on a laptop.
MAX_TITLE_CHARS = 80
#: A first sentence shorter than this ("Hi all.") takes the next one with it.
MIN_SENTENCE_CHARS = 25
#: How many lines from the top a title line is looked for in.
TITLE_LINES = 50

# a list marker opening the line: "1.", "2)", "-", "*", "•"
_LIST_MARKER = re.compile(r"^(?:\d{1,3}[.)]|[-*\u2022\u2013])\s+")
# a sentence's end: its stop (and closing quotes or brackets), a space, and what may start
# the next one (a capital, a digit, a quote or a bracket)
_SENTENCE_END = re.compile(r"[.!?\u2026]+[\"'\u201d\u2019)\]]*(?=\s+[\"'\u201c\u2018(\[]?[A-Z0-9])")
# a word before a full stop that does not end a sentence: a number, an initial, a title
_NOT_AN_END = re.compile(
    r"(?:^|[\s(])(?:\d+|[A-Za-z]|(?:[A-Za-z]\.)+[A-Za-z]|Mr|Mrs|Ms|Dr|Gen|Lt|Col|Maj|Capt|Sgt|"
    r"Cpl|Pvt|Adm|Brig|Gov|Sen|Rep|Pres|Prof|St|Jr|Sr|vs|etc|approx|No|Nos|Mt|Ft|e\.g|i\.e)$",
    re.IGNORECASE)
# what a cut title does not end with before its ellipsis
_DANGLING = " ,;:-\u2013\u2014([{\"'\u201c\u2018/"


def _sentences(line: str) -> list[str]:
    """``line`` split after each sentence's end, each part stripped."""
    parts, start = [], 0
    for end in _SENTENCE_END.finditer(line):
        before = line[start:end.start()]
        if end.group().startswith(".") and _NOT_AN_END.search(before):
            continue
        parts.append(line[start:end.end()].strip())
        start = end.end()
    parts.append(line[start:].strip())
    return [p for p in parts if p]


def _cut(text: str, limit: int) -> str:
    """``text`` cut at the last whole word that fits in ``limit`` with an ellipsis."""
    room = text[: limit - 1]
    if len(text) > len(room) and not text[len(room)].isspace() and " " in room:
        room = room.rsplit(" ", 1)[0]  # the word cut through goes
    return room.rstrip(_DANGLING) + "\u2026"


def _without_full_stop(sentence: str) -> str:
    """A headline has no full stop ("?" and "!" stay, and so do "..." and "U.S.")."""
    if sentence.endswith(".") and not sentence.endswith("..") \
            and not _NOT_AN_END.search(sentence[:-1]):
        return sentence[:-1]
    return sentence


def shorten(title: str, *, limit: int = MAX_TITLE_CHARS) -> str:
    """A title a page or an export gives, on one line, cut at a word if over ``limit``."""
    title = " ".join(title.split())
    return title if len(title) <= limit else _cut(title, limit)


def headline(line: str, *, limit: int = MAX_TITLE_CHARS) -> str:
    """``line`` as a title of at most ``limit`` characters (see the module's docstring)."""
    line = " ".join(line.split())
    line = _LIST_MARKER.sub("", line, count=1) or line
    sentences = _sentences(line)
    title = sentences[0]
    for more in sentences[1:]:  # "Hi all." is no title: the next sentence comes too
        if len(title) >= MIN_SENTENCE_CHARS:
            break
        title = f"{title} {more}"
    if len(line) <= limit and title != line:
        return _without_full_stop(line)  # a short line: all of it
    title = _without_full_stop(title)
    return title if len(title) <= limit else _cut(title, limit)


def title_of(text: str) -> str:
    """A thread's title from its text: its first line that is not page furniture, as a
    :func:`headline`."""
    for line in text.split("\n", TITLE_LINES)[:TITLE_LINES]:
        words = " ".join(line.split())
        if words and not is_chrome(words):
            return headline(words)
    return ""
