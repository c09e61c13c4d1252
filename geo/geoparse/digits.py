"""Names with digits: "the T4 airbase", "T-4 air base", "Brigade 137", "M5".

The spotter reads letters only (a digit ends a word), so a name the data writes with a digit
is read here: around each word with a digit that some such name holds, the word runs of up
to the longest such name, longest first, compared by their letters and digits alone (so
"T-4 airbase" is "T4 air base").  Only names a person entered (curated rows, city quarters):
see ``Gazetteer.digit_names``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from geo.gazetteer import Gazetteer
from geo.records import Place

__all__ = ["digit_names", "has_digit"]

DIGIT = re.compile(r"\d")
NUMBER = re.compile(r"\d+")
WORD = re.compile(r"[^\W_]+")
COMPACT = re.compile(r"[\W_]+")
# what may stand between two words of one name: spaces or a hyphen, nothing else
SEPARATOR = re.compile(r"[ \t]*[-\u2010\u2011]?[ \t]*")




def has_digit(text: str) -> bool:
    """``DIGIT.search(text) is not None``; an ASCII text (whose only decimals are 0-9) is
    asked with ten ``in`` tests, each a C-level character scan, not the regex's test of
    every character (most comments have no digit: the whole text is scanned)."""
    if text.isascii():
        return any(digit in text for digit in "0123456789")
    return DIGIT.search(text) is not None


# a name's pieces: its numbers and its runs of letters ("t4 air base": t, 4, air, base)
PIECE = re.compile(r"\d+|[^\W\d_]+")
PIECE_BEFORE = re.compile(r"(\d+|[^\W\d_]+)[ \t\-\u2010\u2011]{0,3}$")
PIECE_AFTER = re.compile(r"[ \t\-\u2010\u2011]{0,3}(\d+|[^\W\d_]+)")


@functools.lru_cache(maxsize=4)
def _digit_words(names: tuple[str, ...],
                 ) -> tuple[dict[str, frozenset[str]], re.Pattern[str], int, str]:
    """Each number the names hold ("4", "137") with the pieces beside it in some name ("t",
    "air"; "th", "brigade"; "" where a name is the number alone); a pattern of the numbers;
    the most words one name has; and the digits the numbers open with."""
    beside: dict[str, set[str]] = {}
    longest = 1
    for key in names:
        longest = max(longest, len(WORD.findall(key)))
        pieces = PIECE.findall(key)
        for i, piece in enumerate(pieces):
            if piece.isdigit():
                near = beside.setdefault(piece, set())
                near.add(pieces[i - 1] if i else "")
                near.add(pieces[i + 1] if i + 1 < len(pieces) else "")
                if len(pieces) > 1:
                    near.discard("")
    numbers = sorted(beside, key=len, reverse=True)
    # the numbers first (the engine skips to their first digits), a longer number excluded
    return ({n: frozenset(near) for n, near in beside.items()},
            re.compile(r"(?:" + "|".join(numbers) + r")(?!\d)"), longest,
            "".join(sorted({n[0] for n in numbers})))


def number_matches(text: str, numbers: re.Pattern[str], firsts: str,
                   ) -> Iterator[re.Match[str]]:
    """``numbers.finditer(text)`` for a pattern of literal numbers that each open with one of
    ``firsts``, found by ``str.find``: a match can only start at such a digit, and the
    engine's scan of every character cost more than the rest of this reader
    (``tests/test_geoparse_shortcuts.py``)."""
    if not firsts:  # no number (a key whose digits are no decimals): the pattern decides
        yield from numbers.finditer(text) if DIGIT.search(text) else ()
        return
    if not any(first in text for first in firsts):
        return  # most comments: no such digit, so no match (ten scans, no generators)
    starts = sorted(at for first in firsts for at in _occurrences(text, first))
    end_of_last = 0
    for at in starts:
        if at >= end_of_last and (match := numbers.match(text, at)) is not None:
            end_of_last = match.end()
            yield match


def _occurrences(text: str, char: str) -> Iterator[int]:
    at = text.find(char)
    while at >= 0:
        yield at
        at = text.find(char, at + 1)


def digit_names(text: str, gazetteer: Gazetteer) -> Iterator[tuple[int, int, Place]]:
    """(start, end, place) of each name with a digit the data has, longest first."""
    names = gazetteer.digit_names
    if not names:
        return
    beside, numbers, longest, firsts = _digit_words(tuple(names.values()))
    end_of_last = 0
    for number in number_matches(text, numbers, firsts):  # at the digits they open with
        begin, end = number.span()
        if begin < end_of_last or (begin and text[begin - 1].isdigit()):
            continue
        # "4 km", "in 2015": a number is asked further only beside a piece a name has there
        near = beside[number.group()]
        before = PIECE_BEFORE.search(text, max(0, begin - 30), begin)
        after = PIECE_AFTER.match(text, end)
        if not ((before and before.group(1).casefold() in near)
                or (after and after.group(1).casefold() in near) or "" in near):
            continue
        while begin and text[begin - 1].isalnum():
            begin -= 1
        word = WORD.match(text, begin)
        found = _longest(text, word.start(), word.end(), names, longest, gazetteer)
        if found is not None and (not text[found[0]].islower()  # "m5": a car, a size
                                  or _common_noun(text, found[0])):  # "base 46"
            end_of_last = found[1]
            yield found


def _common_noun(text: str, start: int) -> bool:
    """Whether a name in lower case opens with a word of four letters or more ("base 46",
    "hill 1200"): a common noun and a number, where "m5" or "t4" is a code."""
    word = WORD.match(text, start)
    return word is not None and word.group().isalpha() and len(word.group()) >= 4


def _words_around(text: str, start: int, end: int, n: int) -> tuple[list, list]:
    """Up to ``n`` words before ``start`` and after ``end``, each joined to the next by a
    separator a name may have (nearest first)."""
    before: list[tuple[int, int]] = []
    at = start
    while len(before) < n:
        gap = re.search(r"[^\W_]+(" + SEPARATOR.pattern + r")$", text[max(0, at - 40):at])
        if gap is None or not gap.group(1):
            break
        begin = max(0, at - 40) + gap.start()
        before.append((begin, begin + len(gap.group()) - len(gap.group(1))))
        at = begin
    after: list[tuple[int, int]] = []
    at = end
    while len(after) < n:
        gap = SEPARATOR.match(text, at)
        if not gap.group():
            break
        word = WORD.match(text, gap.end())
        if word is None:
            break
        after.append(word.span())
        at = word.end()
    return before, after


def _longest(text: str, start: int, end: int, names: dict[str, str], longest: int,
             gazetteer: Gazetteer) -> tuple[int, int, Place] | None:
    before, after = _words_around(text, start, end, longest - 1)
    spans = [((before[a - 1][0] if a else start), (after[b - 1][1] if b else end))
             for a in range(len(before) + 1) for b in range(len(after) + 1) if a + b < longest]
    for first, last in sorted(spans, key=lambda s: s[0] - s[1]):  # longest first
        key = names.get(COMPACT.sub("", text[first:last]).casefold())
        if key is None:
            continue
        found = gazetteer.candidates(key)
        if found:
            best = max(found, key=lambda c: c.curated)
            return first, last, best.place
    return None
