"""Sentences and clauses of an entry, offsets kept; a quotation's edge ends a sentence."""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from geo.claims.patterns import ABBREVIATIONS, CLAUSE_BREAK, REFERENCE, SENTENCE_END, TRIM
from geo.records import Quote


@dataclass(frozen=True, slots=True)
class Clause:
    """A clause of an entry's text, with the sentence, segment and paragraph around it.

    A *segment* is the stretch of the sentence between strong breaks (";", ":", " - "):
    what a question mark at its end questions.
    """

    start: int
    end: int
    sentence: int
    paragraph: int
    sentence_start: int
    sentence_end: int
    segment_start: int
    segment_end: int


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in TRIM:
        start += 1
    while end > start and text[end - 1] in TRIM:
        end -= 1
    return start, end


def _sentence_ends(text: str, start: int, end: int) -> list[int]:
    """Where sentences end inside one line: after ., ! or ? unless an abbreviation."""
    ends: list[int] = []
    for match in SENTENCE_END.finditer(text, start, end):
        word = re.search(r"([\w.]+)\Z", text[max(start, match.start() - 12): match.start()])
        if match.group().startswith(".") and word and \
                word.group(1).strip(".").lower() in ABBREVIATIONS:
            continue
        following = re.match(r"\s*(\S)", text[match.end(): match.end() + 40])
        if following and following.group(1).islower():
            continue
        ends.append(match.end())
    return ends


def split_clauses(text: str, quotes: Sequence[Quote] = ()) -> list[Clause]:
    """The clauses of ``text`` in order; a line break or a quotation's edge ends a sentence."""
    hard = sorted({q.start for q in quotes} | {q.end for q in quotes})
    clauses: list[Clause] = []
    sentence = 0
    line_start = 0
    for paragraph, line in enumerate(text.split("\n")):
        line_end = line_start + len(line)
        cuts = set(_sentence_ends(text, line_start, line_end))
        cuts.update(h for h in hard if line_start < h < line_end)
        cuts.update(m.start() for m in REFERENCE.finditer(text, line_start, line_end)
                    if m.start() > line_start)  # "... control See also: X": two sentences
        bounds = [line_start, *sorted(cuts), line_end]
        for s_start, s_end in itertools.pairwise(bounds):
            a, b = _trimmed(text, s_start, s_end)
            if a >= b:
                continue
            pieces = [a]
            strong_starts, strong_ends = [a], [a]
            for match in CLAUSE_BREAK.finditer(text, a, b):
                pieces.extend(match.span())
                if match.group() != ",":  # a comma is the only weak break
                    strong_starts.append(match.start())
                    strong_ends.append(match.end())
            pieces.append(b)
            strong_starts.append(b)
            strong_ends.append(b)
            for c_start, c_end in zip(pieces[::2], pieces[1::2], strict=False):
                x, y = _trimmed(text, c_start, c_end)
                if x >= y:
                    continue
                seg_start = strong_ends[bisect.bisect_right(strong_ends, x) - 1]
                seg_end = strong_starts[bisect.bisect_left(strong_starts, y)]
                clauses.append(Clause(x, y, sentence, paragraph, a, b, seg_start, seg_end))
            sentence += 1
        line_start = line_end + 1
    return clauses

