"""The thread record, its line primitives, and the footer family, read exactly as written.

Every format (geo/formats/detect.py picks one) builds on this module; ``geo.thread`` is the
face that reads any of them.  The footer family: a thread as copied from a
Typepad-style blog is the post, then each comment's text followed by a footer line
``Posted by: NAME | DD Month YYYY at HH:MM AM`` (geo/formats/footers.py has every style).
The post has no footer: it ends with its author's signature (``pl`` on the seed's blog),
which the owner also uses to sign comments; the first comment starts on the line after it.

Nothing is dropped or altered: every entry's ``text`` is ``source[start:end]``, and only the
footer lines, page furniture ("Reply", "Comments (25)") and blank lines between entries fall
outside the entries.  A footer that does not parse keeps its comment, without a time.

>>> text = "Hello from Aleppo. pl\\nNice.\\nPosted by: Joe | 07 June 2016 at 05:06 PM\\n"
>>> thread = parse_footers(text, signature="pl")
>>> [(e.kind, e.author, e.posted_at) for e in thread.entries]
[('post', 'pl', None), ('comment', 'Joe', '2016-06-07T17:06:00')]
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from geo.formats.chrome import is_chrome
from geo.formats.footers import FOOTER_START as _FOOTER_START
from geo.formats.footers import read_footer
from geo.formats.links import QUOTE_CHARS, last_word, link_replies
from geo.records import Entry

__all__ = ["FOOTER_START", "QUOTE_CHARS", "Line", "Thread", "ThreadError", "line_at",
           "parse_footers", "signature_owners", "split_lines", "trim_chrome"]

# The footer grammar (both Typepad footer styles, Moon of Alabama) lives in geo/formats/footers.py.
FOOTER_START = _FOOTER_START



class ThreadError(ValueError):
    """Input that cannot be read as a thread, with the line it was found on (1-based)."""

    def __init__(self, message: str, *, line: int | None = None, source: str = "") -> None:
        self.message = message
        self.line = line
        self.source = source
        super().__init__(self.describe())

    def describe(self) -> str:
        where = self.source or "input"
        if self.line is not None:
            where = f"{where}, line {self.line}"
        return f"{where}: {self.message}"


@dataclass(slots=True)
class Thread:
    """The entries of one thread, how they were split, and what the parser noticed."""

    source: str
    entries: list[Entry]
    mode: str  # "footers" | "names" | "structured" | "blocks" | "single"
    notes: list[str] = field(default_factory=list)
    # The text that entry offsets index: the input itself for text, or the plain text made
    # from a saved page or an export (geo/formats/structured.py says how).
    text: str = ""
    family: str = ""  # the comment system recognised (geo/formats/detect.py, FAMILIES)
    title: str = ""


@dataclass(frozen=True, slots=True)
class Line:
    number: int  # 1-based
    start: int
    end: int  # end of the line's text, before its newline
    text: str


def split_lines(text: str) -> Iterator[Line]:
    pos = 0
    for number, raw in enumerate(text.splitlines(keepends=True), start=1):
        body = raw.rstrip("\r\n")
        yield Line(number, pos, pos + len(body), body)
        pos += len(raw)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink [start, end) to drop whitespace-only lines at either side (not comment text)."""
    while start < end and text[start] in " \t\r\n\ufeff":
        start += 1
    while end > start and text[end - 1] in " \t\r\n":
        end -= 1
    return start, end


def trim_chrome(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink [start, end) past blank lines and page furniture ("Reply", "Like", "Comments
    (25)", geo/formats/chrome.py) at either side: none of it is what anyone wrote.  An
    entry that is nothing but such words ("0", "Like") is kept whole, not emptied."""
    start, end = _trim(text, start, end)
    whole = start, end
    while start < end:
        newline = text.find("\n", start, end)
        stop = end if newline < 0 else newline
        if not is_chrome(text[start:stop]):
            break
        start, end = _trim(text, stop, end)
    while start < end:
        newline = text.rfind("\n", start, end)
        if not is_chrome(text[newline + 1 if newline >= 0 else start:end]):
            break
        start, end = _trim(text, start, max(start, newline))
    return (start, end) if end > start else whole


def _read_footers(lines: list[Line], *, strict: bool, source: str, as_of: date | None,
                  notes: list[str]) -> tuple[list[tuple[Line, str, str | None]], dict[str, int],
                                             bool]:
    """Every footer line read; styles counted; whether the first one is the post's own."""
    footers: list[tuple[Line, str, str | None]] = []
    styles: dict[str, int] = {}
    post_footer = False
    for line in lines:
        if not FOOTER_START.match(line.text):
            continue
        footer = read_footer(line.text, as_of=as_of)
        if footer.is_post and not footers:
            post_footer = True
        elif footer.is_post:
            continue  # a later post footer ("Posted by b on ... | Permalink") is furniture
        problem = footer.stamp.problem
        if problem:
            if strict:
                raise ThreadError(problem, line=line.number, source=source)
            notes.append(f"line {line.number}: {problem}; the comment is kept without a time")
        elif footer.stamp.approximate:
            notes.append(f"line {line.number}: a relative time resolved to the day only")
        author = footer.author
        if not author:
            problem = "the 'Posted by' line has no name"
            if strict:
                raise ThreadError(problem, line=line.number, source=source)
            notes.append(f"line {line.number}: {problem}; kept as 'anonymous'")
            author = "anonymous"
        if footer.style:
            styles[footer.style] = styles.get(footer.style, 0) + 1
        moment = footer.stamp.moment
        footers.append((line, author, moment.isoformat() if moment else None))
    return footers, styles, post_footer


_NUMBERED = re.compile(r"\|\s*(\d{1,6})\s*$")
_AT_NUMBER = re.compile(r"^\s*@\s*(\d{1,6})\b")


def _replies_by_number(entries: list[Entry], footers: list[tuple[Line, str, str | None]],
                       post_footer: bool) -> list[Entry]:
    """Moon of Alabama numbers its comments in the footer ("| 12") and readers answer with
    "@12": such an opening answers that comment."""
    numbers = [_NUMBERED.search(line.text) for line, _, _ in footers[1 if post_footer else 0:]]
    if not any(numbers):
        return entries
    comments = [e for e in entries if e.kind == "comment"]
    by_number = {int(m[1]): e.id for m, e in zip(numbers, comments, strict=False) if m}
    out = []
    for entry in entries:
        at = _AT_NUMBER.match(entry.text)
        if at and entry.replies_to is None and by_number.get(int(at[1]), entry.id) < entry.id:
            entry = replace(entry, replies_to=by_number[int(at[1])])
        out.append(entry)
    return out


def parse_footers(text: str, *, source: str = "", strict: bool = False,
                  signature: str | None = None, as_of: date | None = None) -> Thread:
    """A text whose comments end with ``Posted by`` footers (or, without any, its blocks)."""
    lines = list(split_lines(text))
    notes: list[str] = []
    footers, styles, post_footer = _read_footers(lines, strict=strict, source=source,
                                                 as_of=as_of, notes=notes)
    if not footers:
        entries, mode = _split_without_footers(text, lines)
        what = "one entry" if mode == "single" else f"{len(entries)} blank-line-separated blocks"
        notes.append(f"no comment footers or headers: the text was read as {what}")
        return Thread(source=source, entries=entries, mode=mode, notes=notes, text=text,
                      family="plain")
    entries = _split_on_footers(text, lines, footers, signature=signature, notes=notes,
                                post_footer=post_footer)
    entries = _replies_by_number(link_replies(entries), footers, post_footer)
    family = max(styles, key=styles.__getitem__) if styles else "typepad"
    return Thread(source=source, entries=entries, mode="footers", notes=notes, text=text,
                  family=family)


def line_at(lines: list[Line], offset: int) -> int:
    """1-based line number of a character offset (binary search)."""
    lo, hi = 0, len(lines) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if lines[mid].start <= offset:
            lo = mid
        else:
            hi = mid - 1
    return lines[lo].number if lines else 1


def _split_without_footers(text: str, lines: list[Line]) -> tuple[list[Entry], str]:
    blocks: list[tuple[int, int]] = []
    block_start: int | None = None
    block_end = 0
    for line in lines:
        if line.text.strip():
            if block_start is None:
                block_start = line.start
            block_end = line.end
        elif block_start is not None:
            blocks.append((block_start, block_end))
            block_start = None
    if block_start is not None:
        blocks.append((block_start, block_end))
    # A block of nothing but page furniture ("Main", "Reply") is not an entry; a block with
    # some words keeps them, furniture at its edges trimmed.
    blocks = [trim_chrome(text, start, end) for start, end in blocks
              if not all(is_chrome(line) or not line.strip()
                         for line in text[start:end].split("\n"))]
    if not blocks:
        return [], "single"
    mode = "blocks" if len(blocks) > 1 else "single"
    entries = []
    for number, (start, end) in enumerate(blocks):
        entries.append(
            Entry(id=number, kind="block" if mode == "blocks" else "post", author="",
                  posted_at=None, text=text[start:end], start=start, end=end,
                  line=line_at(lines, start))
        )
    return entries, mode


def _find_signature(
    text: str, head: list[Line], comment_ends: list[str], signature: str | None
) -> int | None:
    """Index into ``head`` of the line that ends the post, or None when there is no post."""
    if signature is None:
        counts: dict[str, int] = {}
        for word in comment_ends:
            counts[word] = counts.get(word, 0) + 1
        candidates = {w for w in counts if len(w) <= 12 and w.isalpha()}
    else:
        candidates = {signature}
    for index in range(len(head) - 2, -1, -1):  # the last head line belongs to a comment
        words = head[index].text.split()
        if len(words) >= 2 and words[-1] in candidates:
            return index
    return None


def _split_on_footers(
    text: str,
    lines: list[Line],
    footers: list[tuple[Line, str, str | None]],
    *,
    signature: str | None,
    notes: list[str],
    post_footer: bool = False,
) -> list[Entry]:
    spans: list[tuple[int, int, str, str | None]] = []  # start, end, author, posted_at
    cursor = 0
    for line, author, posted_at in footers:
        spans.append((cursor, max(cursor, line.start - 1), author, posted_at))
        cursor = line.end + 1
    comment_ends = [last_word(text[s:e]) for s, e, _, _ in spans[1:]]

    entries: list[Entry] = []
    if post_footer:  # "Posted by b on June 7, 2016 | Permalink" closes the post itself
        start, end, author, posted_at = spans.pop(0)
        start, end = trim_chrome(text, start, end)
        entries.append(Entry(id=0, kind="post", author=author, posted_at=posted_at,
                             text=text[start:end], start=start, end=end,
                             line=line_at(lines, start)))
        signature = ""  # no signature search: the post is known
    if not spans:  # one footer, the post's: what follows it is still text
        return _with_tail(text, lines, entries, cursor, notes)
    first_start, first_end, first_author, first_time = spans[0]
    head = [ln for ln in lines
            if ln.start >= first_start and ln.end <= first_end and ln.text.strip()]
    post_line = None if post_footer else _find_signature(text, head, comment_ends, signature)
    if post_line is not None:
        sign = head[post_line].text.split()[-1]
        post_start, post_end = trim_chrome(text, first_start, head[post_line].end)
        entries.append(Entry(id=0, kind="post", author=sign, posted_at=None,
                             text=text[post_start:post_end], start=post_start, end=post_end,
                             line=line_at(lines, post_start)))
        first_start = head[post_line + 1].start
    spans[0] = (first_start, first_end, first_author, first_time)

    for start, end, author, posted_at in spans:
        start, end = trim_chrome(text, start, end)
        entries.append(Entry(id=len(entries), kind="comment", author=author, posted_at=posted_at,
                             text=text[start:end], start=start, end=end,
                             line=line_at(lines, start)))
    return _with_tail(text, lines, entries, cursor, notes)


def _with_tail(text: str, lines: list[Line], entries: list[Entry], cursor: int,
               notes: list[str]) -> list[Entry]:
    """``entries`` and, as an unsigned entry, the text after the last footer (at ``cursor``)."""
    tail_start, tail_end = trim_chrome(text, cursor, len(text))
    if tail_end > tail_start:
        notes.append(
            f"line {line_at(lines, tail_start)}: text after the last 'Posted by' line has no "
            "footer; it is kept as an unsigned entry"
        )
        entries.append(Entry(id=len(entries), kind="comment", author="", posted_at=None,
                             text=text[tail_start:tail_end], start=tail_start, end=tail_end,
                             line=line_at(lines, tail_start)))
    return entries


def signature_owners(entries: Sequence[Entry]) -> dict[str, str]:
    """The accounts behind post signatures: ``{"pl": "turcopolier"}`` when a post is signed
    "pl" and the comments that end with "pl" are, mostly, turcopolier's.

    A blog owner signs the post with a sign-off but comments under an account name; both
    are one person, and a commenter filter should show them as one.
    """
    signs = {e.author for e in entries if e.kind == "post" and e.author}
    if not signs:
        return {}
    votes: dict[str, dict[str, int]] = {}
    for entry in entries:
        if entry.kind == "post" or not entry.author or entry.author in signs:
            continue
        word = last_word(entry.text)
        if word in signs:
            tally = votes.setdefault(word, {})
            tally[entry.author] = tally.get(entry.author, 0) + 1
    owners = {}
    for sign, tally in votes.items():
        owner = max(tally, key=tally.__getitem__)
        if tally[owner] * 2 > sum(tally.values()):  # most comments so signed are one account's
            owners[sign] = owner
    return owners
