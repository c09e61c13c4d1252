"""The words a thread writes in lower case, asked for one at a time.

The geoparser asks whether a name is also a word the thread writes in lower case ("Is",
"Peace"): a few hundred names per thread.  Splitting the whole thread into words to answer
that cost more than the rest of the spotting, so each name is looked for in the text itself
(``str.find``, then a check that the place found is one whole ``TOKEN``), and remembered.
The answer is the one ``{w for w in TOKEN.findall(text) if w.islower()}`` would give
(``tests/test_geoparse_scanning.py`` compares them).
"""

from __future__ import annotations

from collections.abc import Container, Sequence

from geo.geoparse.patterns import TOKEN, URL

__all__ = ["AnyOf", "LowerCaseWords", "ThreadWords"]

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
    token (URLs left out)."""

    def __init__(self, texts: Sequence[str]) -> None:
        self._text = "\n".join(URL.sub(" ", t) if _may_hold_url(t) else t for t in texts)
        self._known: dict[str, bool] = {}

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        known = self._known.get(word)
        if known is None:
            known = self._known[word] = word.islower() and _tokenlike(word) \
                and self._has_token(word)
        return known

    def _has_token(self, word: str) -> bool:
        text, size = self._text, len(word)
        at = text.find(word)
        while at >= 0:
            if self._starts_token(at) and TOKEN.match(text, at).end() == at + size:
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
    instead of once per entry, with the same answer for every entry."""

    def __init__(self, texts: Sequence[str]) -> None:
        self._thread = "\x00".join(texts)  # no word spans two entries
        self._asked: dict[tuple[str, ...], tuple[str, ...]] = {}

    def __call__(self, words: tuple[str, ...]) -> tuple[str, ...]:
        found = self._asked.get(words)
        if found is None:
            found = self._asked[words] = tuple(w for w in words if w in self._thread)
        return found
