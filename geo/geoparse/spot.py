"""Spot: capitalised word runs that are names in the gazetteer, longest first."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from geo.gazetteer import Candidate, Gazetteer, name_key
from geo.geoparse.patterns import (
    ARTICLE_PREFIX,
    CAPITAL_TOKEN,
    JOINED_NEXT,
    MAX_NAME_TOKENS,
    PREVIOUS_WORD_REVERSED,
    SENTENCE_END,
)
from geo.records import Entry


@dataclass(slots=True)
class _Spot:
    entry: Entry
    start: int
    end: int
    surface: str
    candidates: list[Candidate]
    tokens: int
    feature: str = ""  # the feature phrase this name is part of ("Jabal Hayyan"), if any
    note: str = ""  # how the phrase was read, for the evidence



def _is_capitalised(token: str) -> bool:
    """Whether a word may start a name: an upper-case letter, or Arabic (which has no case)."""
    first = token[0]
    return first.isupper() or "\u0600" <= first <= "\u06ff"


def _capitalised(text: str, spans: Iterable[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """The (start, end) ``spans`` of tokens whose first letter ``_is_capitalised``."""
    return ((start, end) for start, end in spans if _is_capitalised(text[start]))


def _previous_word(text: str, start: int) -> str:
    return _last_word(text[max(0, start - 30):start])


@functools.lru_cache(maxsize=1 << 15)
def _last_word(window: str) -> str:
    """The word a window ends with (up to three marks and a line's end after it), case-folded;
    remembered by window: asked at every name, and a thread repeats "captured", "in the"."""
    match = PREVIOUS_WORD_REVERSED.match(window[::-1])
    return match.group(1)[::-1].casefold() if match else ""


def _starts_sentence(text: str, start: int) -> bool:
    return _ends_sentence(text[max(0, start - 12):start])


@functools.lru_cache(maxsize=1 << 14)
def _ends_sentence(window: str) -> bool:
    return SENTENCE_END.search(window) is not None


# A thread repeats the words it opens names with ("The rebels", "in Aleppo and"), and threads
# repeat each other's: the name read at a capitalised word is remembered by the NAME_WINDOW
# characters from it, where the reading looked no further (``_Spotter._name_at``), for every
# thread read with the gazetteer (``Gazetteer.spotted_windows``).
NAME_WINDOW = 24
# How far past the end of the last word read the reading looks: the gap (up to four
# characters) and the next word's first letter, or an apostrophe and an "s" and the character
# after them.
NAME_LOOKAHEAD = 5
MAX_WINDOWS = 1 << 17  # windows remembered per gazetteer (a thread's are kept whole)


class _Spotter:
    """Longest-match lookup of token runs in the gazetteer (one spotter per thread)."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self._keys, self._prefixes = gazetteer.keys, gazetteer.prefixes
        self._bare = gazetteer.bare_names
        # by window: (tokens, length), shared by the threads read with this gazetteer
        self._names: dict[str, tuple[int, int] | None] = gazetteer.spotted_windows
        if len(self._names) > MAX_WINDOWS:
            self._names.clear()

    def spots(self, entry: Entry) -> list[_Spot]:
        """Names, longest first, at each capitalised word not inside an earlier name.

        Only capitalised words can start a name, so only they are visited; the words that
        follow one are read as long as the gap between them is a ``JOINER`` and the words so
        far begin some gazetteer name.
        """
        text = entry.text
        found: list[_Spot] = []
        resume = 0  # words before this offset belong to the last name found
        # A plain ASCII word's key is its lower case: one that starts no name is dropped here
        # at C speed (kept: its key, for the first step below); other words take both checks.
        starters = self.gazetteer.starters
        # (a word after a hyphen is kept too: "al-Shaar", whose name only the article opens)
        possible = [(m.start(), m.end(), k if w.isascii() and w.isalpha() else None)
                    for m in CAPITAL_TOKEN.finditer(text)
                    if (k := (w := m.group()).lower()) in starters
                    or not (w.isascii() and w.isalpha()) or text[m.start() - 1] in HYPHENS]
        for start, end, first_key in possible:
            if start < resume or (first_key is None and not _is_capitalised(text[start])):
                continue
            best = self._name_at(text, start, end, first_key) \
                if first_key is None or first_key in starters else None
            if (best is None and text[start - 1:start] in ARTICLE_ENDS  # (most: a space)
                    and (opened := self._opened_by_article(text, start)) is not None):
                start, best = opened  # "al-Shaar": the article opens the name
            if best is None:
                if first_key is not None:
                    continue  # a plain ASCII word: no Arabic clitic
                clitic = _after_clitic(text, start, end, self.gazetteer)
                if clitic is not None:
                    found.append(_Spot(entry, clitic, end, text[clitic:end],
                                       self.gazetteer.candidates(text[clitic:end]), 1))
                continue
            n, stop = best
            resume = stop
            surface = text[start:stop]
            candidates = self.gazetteer.candidates(surface)
            prefix = _article_before(text, start)
            if prefix:  # "az-Zahra": the article belongs to the name
                with_article = text[start - len(prefix.group(0)):stop]
                # ... unless the "article" is the end of a word broken at a line's end
                # ("Borongan-\nIdlib"), which no gazetteer name starts with.
                named = self.gazetteer.candidates(with_article)
                if named:
                    start, surface, candidates = stop - len(with_article), with_article, named
            found.append(_Spot(entry, start, stop, surface, candidates, n))
        return found

    def _opened_by_article(self, text: str, start: int) -> tuple[int, tuple[int, int]] | None:
        """(the article's start, (token count, end)) of a name that a lower-case article
        written onto the word at ``start`` opens ("al-Shaar", where no name is "Shaar"), or
        None."""
        prefix = _article_before(text, start)
        if prefix is None or prefix.group(0)[-1] == "\n":
            return None
        begin = start - len(prefix.group(0))
        article = prefix.group(0)[:-1]
        best, _ = self._read_name(text, begin, begin + len(article), article)
        return None if best is None or best[0] < 2 else (begin, best)

    def _name_at(self, text: str, start: int, end: int, first_key: str | None,
                 ) -> tuple[int, int] | None:
        """(token count, end) of the longest name that opens with the word at
        ``start:end`` (``first_key``: its key, if already known), or None; remembered by
        the window of text it was read from."""
        window = text[start:start + NAME_WINDOW]
        if window in self._names:
            known = self._names[window]
            return None if known is None else (known[0], start + known[1])
        best, stop = self._read_name(text, start, end, first_key)
        if stop + NAME_LOOKAHEAD <= start + NAME_WINDOW:  # all it read is in the window
            self._names[window] = None if best is None else (best[0], best[1] - start)
        return best

    def _read_name(self, text: str, start: int, end: int, first_key: str | None,
                   ) -> tuple[tuple[int, int] | None, int]:
        """(the longest name's (token count, end) or None, the end of the last word read):
        the words after the first are read while the words so far begin some name."""
        keys, prefixes = self._keys, self._prefixes
        best: tuple[int, int] | None = None  # (token count, end)
        stop = end
        key = first_key if first_key is not None else name_key(text[start:end])
        for n in range(1, MAX_NAME_TOKENS + 1):
            if n > 1:
                gap = JOINED_NEXT.match(text, stop)
                if gap is None:
                    break
                word, stop = gap.span(1)
                key = _joined_key(key, name_key(text[word:stop]))
            if key in keys or (n == 1 and key in self._bare):
                best = (n, stop)  # "Qamishli", "Al Qamishli"
            if key not in prefixes:
                break
        return best, stop


HYPHENS = "-\u2010"  # an article written onto a name: "al-Shaar"
# What ARTICLE_PREFIX's window may end with: its hyphen, or a line's end after it ("$").
ARTICLE_ENDS = ("-", "\u2010", "\n")


def _article_before(text: str, start: int) -> re.Match[str] | None:
    """``ARTICLE_PREFIX.search`` of the four characters before ``start``, searched only where
    a hyphen or a line's end stands before it (most names: a space)."""
    if text[start - 1:start] not in ARTICLE_ENDS:
        return None
    return ARTICLE_PREFIX.search(text[max(0, start - 4):start])


def _joined_key(key: str, word_key: str) -> str:
    """``name_key`` of words joined by a ``JOINED_NEXT`` gap, from the keys of both sides:
    the gap is separators only, which the key folds to one space (and a side whose key is
    empty adds nothing), so the name's key grows a word at a time without folding the whole
    name again (``tests/test_geoparse_scanning.py`` compares them)."""
    return f"{key} {word_key}" if key and word_key else key or word_key


ARABIC_CLITICS = "\u0648\u0628\u0644\u0641"  # و ب ل ف: "and", "in", "to", "so" written onto a word


def _after_clitic(text: str, start: int, end: int, gazetteer: Gazetteer) -> int | None:
    """Where the name starts in an Arabic word with a one-letter prefix: ومنبج -> منبج."""
    arabic = end - start > 3 and "\u0600" <= text[start + 1] <= "\u06ff"
    if arabic and text[start] in ARABIC_CLITICS and name_key(text[start + 1:end]) in gazetteer:
        return start + 1
    return None

