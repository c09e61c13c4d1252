"""Replies and quotes between the entries of a thread, whatever its format.

A comment answers another when it opens with its author's name ("fredW", "In reply to X.",
"@X") or by quoting it; a quote is a stretch in quotation marks (or a "> " line) of at least
``MIN_QUOTE_CHARS`` characters found, whitespace and case aside, in an earlier entry within
``QUOTE_WINDOW`` entries (or in the post).  Offsets on both sides are exact.
"""

from __future__ import annotations

import bisect
import itertools
import operator
import re
from collections.abc import Iterator, Sequence

from geo.records import Entry, Quote

__all__ = ["QUOTE_CHARS", "QUOTE_WINDOW", "fold_quotes", "last_word", "link_replies"]

# Quotes shorter than this are scare quotes ("moderates"), not reproductions of a comment.
MIN_QUOTE_CHARS = 20
# How many earlier entries a quote is looked for in (plus the post): keeps quoting linear.
QUOTE_WINDOW = 400
QUOTE_CHARS = "\"\u201c\u201d\u201e\u00ab\u00bb"
ADDRESS = re.compile(
    r"^\s*(?:in reply to|reply to|re:|@)?\s*(?P<name>[^\n,:.!?]{2,60}?)\s*[,:.!]?\s*$",
    re.IGNORECASE,
)


def last_word(text: str) -> str:
    """The last run of non-space characters, found from the end (a regex search for it
    tried every position of a long comment)."""
    words = text.rstrip().rsplit(None, 1)
    return words[-1] if words else ""


_QUOTE_MARK = re.compile("[" + re.escape(QUOTE_CHARS) + "]")
_SPACE_RUN = re.compile(r"\s+")  # \s is exactly str.isspace() for str patterns
_UNIFY_QUOTES = str.maketrans({**dict.fromkeys(QUOTE_CHARS, '"'), "\u2018": "'", "\u2019": "'"})


class _OffsetMap(Sequence[int]):
    """Index in a normalised text -> index in the original (whitespace runs were collapsed).

    Built on first use: most entries are searched for quotes but never quoted, and mapping
    every character of every entry was most of the parser's time.
    """

    def __init__(self, body: str, lead: int, length: int) -> None:
        self._body, self._lead, self._length = body, lead, length
        self._runs: list[int] | None = None  # output position of each collapsed run's space
        self._removed: list[int] = []  # characters dropped by that run and the ones before

    def __len__(self) -> int:
        return self._length

    def _build(self) -> list[int]:
        # Run i's space sits after the words before it and i earlier spaces; through run i,
        # its length and the earlier runs' lengths minus one space each were dropped.
        words = itertools.accumulate(map(len, _SPACE_RUN.split(self._body)))
        spaces = itertools.accumulate(map(len, _SPACE_RUN.findall(self._body)))
        self._runs = list(map(operator.add, words, range(len(self._body))))
        self._removed = list(map(operator.sub, spaces, itertools.count(1)))
        del self._runs[len(self._removed):]  # the words after the last run have no space
        return self._runs

    def __getitem__(self, index):  # type: ignore[override]
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self._length))]
        if index < 0:
            index += self._length
        if not 0 <= index < self._length:
            raise IndexError("offset map index out of range")
        runs = self._runs if self._runs is not None else self._build()
        run = bisect.bisect_right(runs, index) - 1
        if run < 0:
            shift = 0
        elif runs[run] == index:  # the space stands for the first character of its run
            shift = self._removed[run - 1] if run else 0
        else:
            shift = self._removed[run]
        return self._lead + index + shift


def fold_quotes(text: str) -> tuple[str, Sequence[int]]:
    """Casefolded text with quotes unified and whitespace collapsed, and an offset map back.

    Leading whitespace is dropped and every other run of whitespace becomes one space.  A
    character whose casefold is longer than itself ("ß" -> "ss") maps each of its output
    characters back to itself.
    """
    body = text.lstrip()
    lead = len(text) - len(body)
    unified = _SPACE_RUN.sub(" ", body).translate(_UNIFY_QUOTES)
    folded = unified.casefold()
    if len(folded) == len(unified):
        return folded, _OffsetMap(body, lead, len(folded))
    out: list[str] = []  # rare: some casefold grows, so map character by character
    where: list[int] = []
    space = False
    for index, char in enumerate(text):
        if char.isspace():
            if not space and out:
                out.append(" ")
                where.append(index)
            space = True
            continue
        space = False
        if char in QUOTE_CHARS:
            char = '"'
        elif char in "\u2018\u2019":
            char = "'"
        char = char.casefold()
        out.append(char)
        where.extend([index] * len(char))
    return "".join(out), where


def _quote_candidates(text: str) -> Iterator[tuple[int, int]]:
    """Spans inside quotation marks: a line opening with a quote mark runs to its last one."""
    pos = 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        stripped = body.lstrip()
        indent = len(body) - len(stripped)
        if stripped[:1] == ">":  # "> words" quotes the way mail and Markdown do
            inner = stripped.lstrip("> ")
            if inner:
                yield pos + len(body) - len(inner), pos + len(body)
        elif stripped[:1] in QUOTE_CHARS:
            last = max(stripped.rfind(q) for q in QUOTE_CHARS)
            if last > 0:
                yield pos + indent + 1, pos + indent + last
            else:  # an opening quote whose close is on a later line or missing
                yield pos + indent + 1, pos + len(body)
        else:
            marks = [m.start() for m in _QUOTE_MARK.finditer(body)]
            for a, b in zip(marks[::2], marks[1::2], strict=False):
                yield pos + a + 1, pos + b
        pos += len(raw)


def _find_quotes(
    entry: Entry, earlier: list[Entry], cache: dict[int, tuple[str, Sequence[int]]]
) -> list[Quote]:
    quotes: list[Quote] = []
    for start, end in _quote_candidates(entry.text):
        fragment = entry.text[start:end].strip().rstrip(".,;:!?\u2026 ").strip()
        if len(fragment) < MIN_QUOTE_CHARS:
            continue
        needle, _ = fold_quotes(fragment)
        for other in reversed(earlier):
            if other.id not in cache:
                cache[other.id] = fold_quotes(other.text)
            hay, where = cache[other.id]
            found = hay.find(needle)
            if found < 0:
                continue
            inner = entry.text.index(fragment, start)
            quotes.append(Quote(start=inner, end=inner + len(fragment), entry=other.id,
                                source_start=where[found],
                                source_end=where[found + len(needle) - 1] + 1))
            break
    return quotes


def _addressee(entry: Entry, by_name: dict[str, list[int]]) -> int | None:
    """Whom a comment answers when its first line is a name: 'fredW', 'In reply to X.'."""
    first = entry.text.split("\n", 1)[0]
    match = ADDRESS.match(first)
    if not match:
        return None
    name = " ".join(match["name"].split()).casefold()
    ids = by_name.get(name, [])  # ascending: the latest one before this entry
    before = bisect.bisect_left(ids, entry.id)
    return ids[before - 1] if before else None


def link_replies(entries: list[Entry]) -> list[Entry]:
    """Fill ``replies_to`` and ``quotes`` from names and reproduced text."""
    by_name: dict[str, list[int]] = {}
    for e in entries:
        if e.author:
            by_name.setdefault(" ".join(e.author.split()).casefold(), []).append(e.id)
    cache: dict[int, tuple[str, Sequence[int]]] = {}
    linked: list[Entry] = []
    post = [e for e in entries if e.kind == "post"]
    for e in entries:
        window = entries[max(0, e.id - QUOTE_WINDOW): e.id]
        # The post is entries[0]: in the window exactly when the window starts there.
        if post and post[0].id < e.id and (not window or window[0] is not post[0]):
            window = post + window
        quotes = tuple(_find_quotes(e, window, cache)) if e.id else ()
        replies_to = _addressee(e, by_name)
        if replies_to is None and quotes and e.text.lstrip()[:1] in QUOTE_CHARS:
            replies_to = quotes[0].entry  # opening with a quote answers the quoted entry
        linked.append(
            Entry(id=e.id, kind=e.kind, author=e.author, posted_at=e.posted_at, text=e.text,
                  start=e.start, end=e.end, line=e.line, replies_to=replies_to, quotes=quotes)
        )
        stale = e.id - QUOTE_WINDOW  # out of every later window: its folded copy can go
        if stale >= 0 and not (post and stale == post[0].id):
            cache.pop(stale, None)
    return linked


