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

__all__ = ["digit_names"]

DIGIT = re.compile(r"\d")
NUMBER = re.compile(r"\d+")
WORD = re.compile(r"[^\W_]+")
COMPACT = re.compile(r"[\W_]+")
# what may stand between two words of one name: spaces or a hyphen, nothing else
SEPARATOR = re.compile(r"[ \t]*[-\u2010\u2011]?[ \t]*")


@functools.lru_cache(maxsize=4)
def _digit_words(names: tuple[str, ...]) -> tuple[frozenset[str], re.Pattern[str], int]:
    """The words with a digit that the names hold ("t4", "137th") and their numbers ("4",
    "137"); a pattern of the numbers alone; and the most words one name has."""
    words: set[str] = set()
    longest = 1
    for key in names:
        parts = WORD.findall(key)
        longest = max(longest, len(parts))
        for part in parts:
            if DIGIT.search(part):  # "t4", and "4" for "T-4", "T 4"
                words.add(part)
                words.update(NUMBER.findall(part))
    numbers = sorted({n for w in words for n in NUMBER.findall(w)}, key=len, reverse=True)
    # the numbers first (the engine skips to their first digits), a longer number excluded
    return frozenset(words), re.compile(r"(?:" + "|".join(numbers) + r")(?!\d)"), longest


def digit_names(text: str, gazetteer: Gazetteer) -> Iterator[tuple[int, int, Place]]:
    """(start, end, place) of each name with a digit the data has, longest first."""
    names = gazetteer.digit_names
    if not names or not DIGIT.search(text):
        return
    words, numbers, longest = _digit_words(tuple(names.values()))
    end_of_last = 0
    for number in numbers.finditer(text):  # the engine skips to those digits
        begin = number.start()
        if begin < end_of_last or (begin and text[begin - 1].isdigit()):
            continue
        while begin and text[begin - 1].isalnum():
            begin -= 1
        word = WORD.match(text, begin)
        if word is None or word.group().casefold() not in words:
            continue
        found = _longest(text, word.start(), word.end(), names, longest, gazetteer)
        if found is not None and not text[found[0]].islower():  # "m5": a car, a size
            end_of_last = found[1]
            yield found


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
