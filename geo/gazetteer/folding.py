"""Name folding: the forms names are compared in.

Two levels.  ``name_key`` folds what never changes a name (case, accents, apostrophes, hyphens):
an exact match on it is a match.  ``skeleton`` folds what transliteration changes: Arabic
articles, vowels (Tishrin/Tishreen, Deir/Dayr, Shaykh/Sheikh, Tal/Tell/Tall), q/k/g,
kh/h, doubled letters and the -ah/-a/-eh/-iyah endings.  Two names with one skeleton are
*perhaps* the same; the geoparser accepts a skeleton match only where the text's region makes
it unambiguous.

>>> name_key("Deir ez-Zor"), name_key("Māri‘"), name_key("az-Zahra")
('deir ez zor', 'mari', 'az zahra')
>>> skeleton("Tall Sha'ir") == skeleton("Tal Sha'er")
True
>>> skeleton("Dayr Hafir") == skeleton("Deir Hafer")
True
>>> skeleton("al-Qaryatayn") == skeleton("Al Qaryatain")
True
>>> skeleton("Shaykh Maqsud") == skeleton("Sheikh Maqsoud")
True
>>> skeleton("Shilallah al-Kabeera") == skeleton("Big Shallala")
True
"""

from __future__ import annotations

import functools
import re
import unicodedata

__all__ = ["ARTICLES", "CLOSE_MARK", "SHORT_SKELETON", "close_form", "name_key", "skeleton",
           "strip_article"]

# Arabic definite articles as transliterated; "az-Zahra" and "Zahra" are the same name.
ARTICLES = ("al ", "el ", "ar ", "as ", "az ", "ad ", "ash ", "at ", "an ", "ad ", "ath ")
_ARTICLE_WORDS = frozenset(a.strip() for a in ARTICLES) | {"ez", "es", "ed", "et", "en", "er",
                                                            "ul", "adh", "dh"}
_APOSTROPHES = "'`\u2018\u2019\u02bb\u02bc\u02be\u02bf\u2032\u00b4"
_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015_/.,]+")
# Transliteration pairs, applied in order after accents and articles are gone.
_DIGRAPHS = (("tch", "s"), ("kh", "h"), ("gh", "k"), ("sh", "s"), ("ch", "s"), ("dh", "d"),
             ("th", "t"), ("ph", "f"), ("ou", "u"), ("aw", "u"), ("ow", "u"), ("q", "k"),
             ("g", "k"), ("c", "k"), ("w", "u"), ("y", "i"), ("z", "s"))
_VOWELS = re.compile(r"[aeiou]+")
_DOUBLED = re.compile(r"(.)\1+")


def name_key(name: str) -> str:
    """The form names are compared in: no case, accents, apostrophes or hyphens.

    The geoparser asks for a key at every capitalised word of a thread, so plain ASCII (no
    accents to strip, and it casefolds as it lowercases) takes a short path, and other names
    are remembered.
    """
    if name.isascii():
        if name.isalpha():
            return name.lower()
        key = _ASCII_KEYS.get(name)  # a thread repeats its names: each is folded once
        if key is None:
            if len(_ASCII_KEYS) > 1 << 16:
                _ASCII_KEYS.clear()
            key = _ASCII_KEYS[name] = _SEPARATORS.sub(
                " ", name.replace("'", "").replace("`", "").lower()).strip()
        return key
    return _folded_key(name)


_ASCII_KEYS: dict[str, str] = {}


@functools.lru_cache(maxsize=1 << 16)
def _folded_key(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    for mark in _APOSTROPHES:
        plain = plain.replace(mark, "")
    plain = plain.replace("\u0131", "i")  # Turkish dotless i
    return _SEPARATORS.sub(" ", plain.casefold()).strip()


def strip_article(key: str) -> str:
    """``name_key`` without a leading Arabic article: 'az zahra' -> 'zahra'."""
    for article in ARTICLES:
        if key.startswith(article) and len(key) > len(article) + 2:
            return key[len(article):]
    return key


# Qualifiers a village's name carries, in Arabic transliteration or translated into English
# (OCHA writes "Big Shallala" and "Musharfa Kabireh"; the press "Shilallah al-Kabeera"): each
# folds to one mark, written after the name's other words, so word order does not matter.
_QUALIFIERS = {
    "1": "kabir kabira kabirah kabireh kabeer kabeera kabeerah kebir kebira kbir kbira big "
         "great",
    "2": "saghir saghira saghirah saghireh sagheer sagheera sghir sghira zghir small little",
    "3": "sharqi sharqiya sharqiyah sharqiyeh sharki charki eastern east",
    "4": "gharbi gharbiya gharbiyah gharbiyeh gharbieh western west",
    "5": "shamali shamaliya shamaliyah shamaliyeh northern north",
    "6": "janubi janoubi janubiya janubiyah janubiyeh southern south",
    "7": "fawqani foqani fouqani fawqa upper",
    "8": "tahtani tahtaniyah tahtaniyeh tahta lower",
}
_QUALIFIER_MARK = {word: mark for mark, words in _QUALIFIERS.items() for word in words.split()}


@functools.lru_cache(maxsize=1 << 17)
def skeleton(name: str) -> str:
    """The transliteration-blind form of a name: see the module's doctests.

    Latin script only (an Arabic-script name is matched exactly); '' when nothing is left.
    """
    key = name_key(name)
    if not key.isascii():
        return ""
    words = [w for w in key.split(" ") if w and w not in _ARTICLE_WORDS]
    marks = sorted(_QUALIFIER_MARK[w] for w in words if w in _QUALIFIER_MARK) \
        if len(words) > 1 else []
    folded = []
    for word in words:
        if marks and word in _QUALIFIER_MARK:
            continue
        for a, b in _DIGRAPHS:
            word = word.replace(a, b)
        if len(word) > 2 and word.endswith("h") and word[-2] in "aeiou":
            word = word[:-1]  # -ah, -eh, -iyah: the written ta marbuta
        word = _VOWELS.sub("a", _DOUBLED.sub(r"\1", word))
        folded.append(word)
    return "".join(folded) + "".join(marks)


# A skeleton this short ("asa" for Uwayshiyah, "aba" for Ayyubiyah) matches too many names to be
# evidence; such a name is compared in its ``close_form`` instead, marked in the index's
# skeleton column by ``CLOSE_MARK``.
SHORT_SKELETON = 5
CLOSE_MARK = "~"
_CLOSE_VOWELS = str.maketrans({"e": "a", "o": "u"})


def close_form(name: str) -> str:
    """The skeleton's folding without its vowel collapse: what a name keeps across spellings
    that double a letter, write e for a or o for u, or drop the article and the final h.

    >>> close_form("Uwayshiyyah") == close_form("‘Uwayshīyah")
    True
    >>> close_form("Al Eyyubiyah") == close_form("al-Ayyubiyah")
    True
    >>> close_form("Ayyubiyah") == close_form("Ithriya")
    False
    """
    key = name_key(name)
    if not key.isascii():
        return ""
    folded = []
    for word in (w for w in key.split(" ") if w and w not in _ARTICLE_WORDS):
        for a, b in _DIGRAPHS:
            word = word.replace(a, b)
        if len(word) > 2 and word.endswith("h") and word[-2] in "aeiou":
            word = word[:-1]
        folded.append(_DOUBLED.sub(r"\1", word.translate(_CLOSE_VOWELS)))
    return "".join(folded)
