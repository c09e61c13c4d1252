"""The words a thread writes in lower case, asked for one at a time.

The geoparser asks whether a name is also a word the thread writes in lower case ("Is",
"Peace"): a few hundred names per thread.  Splitting the whole thread into words to answer
that cost more than the rest of the spotting, so each name is looked for in the text itself
(``str.find``, then a check that the place found is one whole ``TOKEN``), and remembered.
The answer is the one ``{w for w in TOKEN.findall(text) if w.islower()}`` would give
(``tests/test_geoparse_scanning.py`` compares them).
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Container, Iterable, Sequence

from geo.geoparse.patterns import TOKEN, URL

__all__ = ["AnyOf", "LowerCaseWords", "ThreadWords", "present_words", "texts_holding"]

_APOSTROPHES = "'\u2019"


def _letter(char: str) -> bool:
    r"""``[^\W\d_]``, TOKEN's letter: a word character that is no decimal digit nor "_"."""
    return char.isalnum() and not char.isdecimal()


def _tokenlike(word: str) -> bool:
    """Whether ``word`` could be one ``TOKEN``: letters and apostrophes only.  The variant
    reader asks for names of several words ("deir hafer"), which no token is: those are
    answered without a scan of the thread."""
    return all(_letter(char) or char in _APOSTROPHES for char in word)


def _may_hold_url(text: str) -> bool:
    """``"://" in text or "www." in text.lower()``, lower-casing only a text with "w." or
    "W." (only "w" and "W" lower to "w", and only "İ" lowers to more than one character)."""
    return "://" in text or (("w." in text or "W." in text) and "www." in text.lower())


class LowerCaseWords:
    """``word in LowerCaseWords(texts)``: whether some text has ``word`` as a whole lower-case
    token (URLs left out).  ``distinct``: the texts' distinct words (``ThreadWords.distinct``),
    where a word no text has is not found, a scan of an eighth of the texts."""

    def __init__(self, texts: Sequence[str], distinct: str | None = None) -> None:
        self._texts = texts
        self._distinct = distinct
        self._known: dict[str, bool] = {}

    @functools.cached_property
    def _text(self) -> str:
        """The texts joined, URLs blanked: made when a word is first looked for in them
        (a word no text has is answered by ``distinct`` alone)."""
        return "\n".join(URL.sub(" ", t) if _may_hold_url(t) else t for t in self._texts)

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        known = self._known.get(word)
        if known is None:
            known = self._known[word] = word.islower() and _tokenlike(word) \
                and self._has_token(word)
        return known

    def _has_token(self, word: str) -> bool:
        if self._distinct is not None and word not in self._distinct:
            return False  # (most names are no word of the thread at all)
        text, size = self._text, len(word)
        at = text.find(word)
        while at >= 0:
            end = at + size  # a letter there continues the token ("un" in "until")
            if ((end == len(text) or not _letter(text[end])) and self._starts_token(at)
                    and TOKEN.match(text, at).end() == end):
                return True
            at = text.find(word, at + 1)
        return False

    def _starts_token(self, at: int) -> bool:
        """Whether a token of ``TOKEN.findall`` starts at ``at`` (a letter there is assumed
        by the caller's match): not inside a word, nor a word joined by an inner apostrophe
        ("Mare'a"; the possessive "'s" ends a word, so its "s" starts one)."""
        text = self._text
        if not _letter(text[at]):
            return False
        if at == 0 or (not _letter(text[at - 1]) and text[at - 1] not in _APOSTROPHES):
            return True
        if _letter(text[at - 1]):
            return False
        if at < 2 or not _letter(text[at - 2]):
            return True  # an apostrophe after no letter starts nothing
        return text[at] == "s" and (at + 1 == len(text) or (not text[at + 1].isalnum()
                                    and text[at + 1] != "_"))


class AnyOf:
    """``word in AnyOf(a, b, ...)``: in any of the containers, asked in order."""

    def __init__(self, *containers: Container[str]) -> None:
        self._containers = containers

    def __contains__(self, word: object) -> bool:
        return any(word in c for c in self._containers)


class ThreadWords:
    """``thread_words(WORDS)``: those of a tuple of literal words that occur in the thread.

    The geoparser guards its costlier scans with ``any(w in text for w in WORDS)``, entry by
    entry: a word no entry has (most of them, in most threads) is then tested once per thread
    instead of once per entry, with the same answer for every entry.  The words it will ask
    about (``expected``) are looked for all at once, so that one scan finds every capitalised
    one (``present_words``).  A word without whitespace is looked for in the thread's
    distinct words (``split``, joined in ``distinct``): it occurs in the thread exactly when it
    occurs in one of them, and they are about an eighth of the thread."""

    def __init__(self, texts: Sequence[str], expected: Iterable[str] = ()) -> None:
        self._thread = "\x00".join(texts)  # no word spans two entries
        self.split = set("\n".join(texts).split())  # the words as ``str.split`` gives them
        self.distinct = "\n".join(self.split)
        expected = tuple(dict.fromkeys(expected))
        self._looked = set(expected)
        self._present = self._find(expected)
        self._asked: dict[tuple[str, ...], tuple[str, ...]] = {}

    def __call__(self, words: tuple[str, ...]) -> tuple[str, ...]:
        found = self._asked.get(words)
        if found is None:
            unlooked = tuple(w for w in dict.fromkeys(words) if w not in self._looked)
            if unlooked:
                self._looked.update(unlooked)
                self._present |= self._find(unlooked)
            found = self._asked[words] = tuple(w for w in words if w in self._present)
        return found

    def hyphened(self) -> set[str]:
        """``{w for w in self.split if "-" in w}``, found by ``str.find`` in ``distinct``
        (a word per line) instead of a test of every word: few words hold a hyphen."""
        distinct, found = self.distinct, set()
        at = distinct.find("-")
        while at >= 0:
            end = distinct.find("\n", at)
            end = len(distinct) if end < 0 else end
            found.add(distinct[distinct.rfind("\n", 0, at) + 1:end])
            at = distinct.find("-", end)
        return found

    def _find(self, words: tuple[str, ...]) -> set[str]:
        """Those of ``words`` that occur in the thread.  A word of several ("Oil F", "saudi
        arabia") is looked for in the whole thread only where each of its pieces occurs in
        the distinct words: in the thread, each piece lies within one of them."""
        alone = tuple(w for w in words if _one_word(w))
        others = tuple(w for w in words if not _one_word(w) and (
            "\x00" in w or all(piece in self.distinct for piece in w.split())))
        return {*present_words(alone, self.distinct), *present_words(others, self._thread)}


def _one_word(word: str) -> bool:
    """Whether ``word`` lies within one word of ``str.split`` wherever it occurs: no
    whitespace (nor the "\x00" between entries) in it."""
    return word.split() == [word] and "\x00" not in word


def present_words(words: tuple[str, ...], text: str) -> tuple[str, ...]:
    """``tuple(w for w in words if w in text)``, the words that open with a capital found by
    one regex scan (the engine skips from capital to capital: 26 feature words were 26 scans
    of the whole thread, and most threads have none of them); the others asked one by one."""
    scan, others = _capital_scan(words)
    seen = set(scan.findall(text)) if scan is not None else set()
    return tuple(w for w in words if w in seen or (w in others and w in text))


@functools.lru_cache(maxsize=64)
def _capital_scan(words: tuple[str, ...]) -> tuple[re.Pattern[str] | None, frozenset[str]]:
    """A pattern of the words opening with an ASCII capital whose every occurrence a scan
    finds (no match of another can hide it, ``_may_hide``), and the other words."""
    capitalised = [w for w in dict.fromkeys(words) if w[:1].isascii() and w[:1].isupper()]
    scanned = [w for w in capitalised
               if not any(_may_hide(other, w) for other in capitalised if other != w)]
    pattern = re.compile("|".join(
        re.escape(w) for w in sorted(scanned, key=len, reverse=True))) if scanned else None
    return pattern, frozenset(words) - frozenset(scanned)


def _may_hide(other: str, word: str) -> bool:
    """Whether a match of ``other`` can cover the place ``word`` starts at, so that a scan
    for both would not report ``word`` there: they start at one place (one the other's
    prefix), or a later part of ``other`` is how ``word`` begins (a scan of "Al Bab" for
    "Al Bab" and "Bab" reports only the first; no two of the geoparser's words overlap)."""
    return any(other[k:k + len(word)] == word[:len(other) - k] for k in range(len(other)))


def texts_holding(texts: Sequence[str], words: Iterable[str]) -> set[int]:
    """The indices of the ``texts`` that hold one of ``words`` as a substring
    (``any(w in text for w in words)``): each word's occurrences found by ``str.find`` in the
    texts joined once (by "\x00"), instead of a scan of every text for every word."""
    joined = "\x00".join(texts)
    starts = list(itertools.accumulate((len(t) + 1 for t in texts[:-1]), initial=0))
    holding: set[int] = set()
    for word in words:
        if "\x00" in word:  # (it might span two texts once joined: asked of each)
            holding.update(i for i, text in enumerate(texts) if word in text)
            continue
        at = joined.find(word)
        while at >= 0:
            holding.add(bisect.bisect_right(starts, at) - 1)
            at = joined.find(word, at + 1)
    return holding
