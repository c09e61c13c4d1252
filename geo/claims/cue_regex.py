"""How a cue row of ``data/actions.csv`` or ``data/modality.csv`` becomes a regular expression.

A cue is written as plain English with regex where it helps ("took( over)?", "seiz(e|ed)"):

* :func:`loosen`: a space matches any run of whitespace, and a capturing group becomes
  non-capturing (the lexicon names its own groups);
* :func:`whole_words`: a cue that starts with a letter must start a word, and every cue must
  end one ("took" is no cue inside "overtook" nor "tooks");
* :func:`heads`: the letters a cue can start with, so that the action lexicon can dispatch its
  one big regex on the first letter; None when that is not plain to see.

:func:`heads` reads a pattern's top level with one walker, :func:`top_level`, that skips
escapes and character classes and tracks the depth of parentheses.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

__all__ = [
    "alternatives",
    "closing",
    "heads",
    "loosen",
    "starts_word",
    "top_level",
    "whole_words",
]


def loosen(pattern: str) -> str:
    """A space in a pattern matches any whitespace; capturing groups become non-capturing."""
    out: list[str] = []
    for index, char, escaped, in_class in _chars(pattern):
        if escaped or in_class:
            out.append(char)
        elif char == " ":
            out.append(r"\s+")
        elif char == "(" and pattern[index + 1: index + 2] != "?":
            out.append("(?:")
        else:
            out.append(char)
    return "".join(out)


def starts_word(pattern: str) -> bool:
    """Whether the pattern starts with a word character (or a group that does)."""
    return bool(re.match(r"\w|\\w|\((?:\?:)?\w", pattern))


def whole_words(pattern: str) -> str:
    """Whole words only: a pattern that starts with a letter must start a word."""
    return (r"(?<!\w)" if starts_word(pattern) else "") + "(?:" + pattern + r")(?!\w)"


def _chars(pattern: str) -> Iterator[tuple[int, str, bool, bool]]:
    """(index, char, is part of an escape, is inside a character class) for each char."""
    escaped = in_class = False
    for index, char in enumerate(pattern):
        if escaped:
            yield index, char, True, in_class
            escaped = False
        elif char == "\\":
            yield index, char, True, in_class
            escaped = True
        elif in_class:
            yield index, char, False, True
            in_class = char != "]"
        else:
            in_class = char == "["
            yield index, char, False, False


def top_level(pattern: str, start: int = 0) -> Iterator[tuple[int, str, int]]:
    """(index, char, depth before it) for every char from ``start`` that is neither escaped
    nor in a character class; a ")" is given with the depth it closes."""
    depth = 0
    for index, char, escaped, in_class in _chars(pattern):
        if index < start or escaped or in_class:
            continue
        if char == ")":
            depth -= 1
            yield index, char, depth
            continue
        yield index, char, depth
        if char == "(":
            depth += 1


def closing(pattern: str, opening: int) -> int:
    """Index of the parenthesis closing the one at ``opening`` (-1 if unbalanced)."""
    for index, char, depth in top_level(pattern, opening):
        if char == ")" and depth == 0:
            return index
    return -1


def alternatives(pattern: str) -> list[str]:
    """The top-level ``|`` alternatives of a pattern."""
    cuts = [index for index, char, depth in top_level(pattern) if char == "|" and depth == 0]
    edges = [-1, *cuts, len(pattern)]
    return [pattern[a + 1: b] for a, b in itertools.pairwise(edges)]


def heads(pattern: str) -> set[str] | None:
    """The letters a pattern can start with, or None when that is not plain to see."""
    options = alternatives(pattern)
    if len(options) > 1:
        letters: set[str] = set()
        for option in options:
            found = heads(option)
            if found is None:
                return None
            letters |= found
        return letters
    if pattern[:1].isascii() and pattern[:1].isalpha():
        return None if pattern[1:2] in ("?", "*", "{") else {pattern[0].lower()}
    if pattern.startswith("(?:"):
        end = closing(pattern, 0)
        inner = heads(pattern[3:end]) if end > 0 else None
        if inner is None or pattern[end + 1: end + 2] == "{":
            return None
        if pattern[end + 1: end + 2] in ("?", "*"):
            rest = heads(pattern[end + 2:])
            return None if rest is None else inner | rest
        return inner
    return None
