"""Misspelt well-known towns: a word after a locative that no name matches, read as the
prominent town of the region it misspells.

Two kinds of misspelling are read, each one a writer makes and a reader undoes at a glance:

* two letters swapped ("Manbji", "Damacsus"): Damerau's transposition, one swap;
* the town's name transliterated another way ("Rakkah", "Tedmur", "Afreen", "Edlib"): the
  same transliteration skeleton (``geo.gazetteer.skeleton``) and a name that still resembles
  the spelling of the same skeleton (``MIN_SIMILARITY``); only in a text that names no
  settlement: elsewhere the variant reader (``geo.geoparse.variants``) has matched skeletons
  near the text's places already, and a word it left is more often a village no gazetteer
  has than a town far off that shares its skeleton (measured: the one such reading on the
  calib text was wrong).

A name of several words ("Maaret al-Nouman", "Jisr Shughour") is read by its skeleton
alone (``misspelt_town_name``), for the variant reader, in any text: the skeleton of two
words names few places, and a war text names such a town far from its other places as often
as near them.

Only prominent towns are matched (``PROMINENT`` people or more, or an admin seat: a town the
sources count no people in), only single words of ``MIN_LETTERS`` letters or more, and only
where one town is the answer: when two prominent towns fit, the larger wins only if it is ten
times the other's size, else the word stays unresolved.  The caller reads only words right
after a locative ("in Manbji"), so the text itself says a place is meant, and the evidence says
which rule matched.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from geo.gazetteer import Gazetteer, name_key, skeleton, strip_article
from geo.geoparse.local import PROMINENT
from geo.records import Place

__all__ = ["MIN_LETTERS", "misspelt_town", "misspelt_town_name"]

MIN_LETTERS = 5
MIN_SIMILARITY = 70  # rapidfuzz ratio of the keys: a skeleton is lossy ("ISIS", "Azaz")
MIN_SKELETON = 4
MIN_LONG_SKELETON = 7  # letters of a name of several words' skeleton ("hansahan")
SEAT_PEOPLE = PROMINENT  # an admin seat counted 0 people weighs as a town this size


def _people(place: Place) -> int:
    return place.population or SEAT_PEOPLE


def _prominent(place: Place, gazetteer: Gazetteer) -> bool:
    return _people(place) >= PROMINENT and gazetteer.in_region(place)


class _Towns:
    """The region's prominent towns by the one-word keys of their names, by skeleton, and by
    the sorted letters of a key (a swap keeps a word's letters); and by the skeletons of
    their names of several words (``long_names``)."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.by_key: dict[str, set[str]] = {}
        self.by_skeleton: dict[str, set[tuple[str, str]]] = {}  # (key, place id)
        self.by_letters: dict[str, set[str]] = {}
        self.long_names: dict[str, set[tuple[str, str]]] = {}  # by skeleton: (key, place id)
        self.places: dict[str, Place] = {}
        prominent = {i for i, p in gazetteer.places.items()
                     if p.kind in {"town", "city"} and _prominent(p, gazetteer)}
        for key, ids in gazetteer.names_of(prominent).items():
            towns = [gazetteer.places[i] for i in ids]
            word = strip_article(key)
            if " " in word and word.isascii() and len(skeleton(word)) >= MIN_LONG_SKELETON:
                for place in towns:
                    self.places[place.id] = place
                    self.long_names.setdefault(skeleton(word), set()).add((word, place.id))
            if not towns or " " in word or len(word) < MIN_LETTERS - 1 or not word.isascii():
                continue
            bones = skeleton(word)
            self.by_letters.setdefault("".join(sorted(word)), set()).add(word)
            for place in towns:
                self.places[place.id] = place
                self.by_key.setdefault(word, set()).add(place.id)
                if len(bones) >= MIN_SKELETON:
                    self.by_skeleton.setdefault(bones, set()).add((word, place.id))


_TOWNS: dict[int, _Towns] = {}


def _towns(gazetteer: Gazetteer) -> _Towns:
    known = _TOWNS.get(id(gazetteer))
    if known is None:
        known = _TOWNS[id(gazetteer)] = _Towns(gazetteer)
    return known


def _one(places: Iterable[Place]) -> Place | None:
    """The one place meant: the only one, or one ten times the size of every other."""
    ranked = sorted(places, key=_people, reverse=True)
    if not ranked:
        return None
    if len(ranked) > 1 and _people(ranked[1]) * 10 > _people(ranked[0]):
        return None
    return ranked[0]


def _swapped(word: str, key: str) -> bool:
    """Whether ``word`` is ``key`` with two adjacent letters swapped."""
    if len(word) != len(key) or word == key:
        return False
    diff = [i for i, (a, b) in enumerate(zip(word, key, strict=True)) if a != b]
    return (len(diff) == 2 and diff[1] == diff[0] + 1
            and word[diff[0]] == key[diff[1]] and word[diff[1]] == key[diff[0]])


def misspelt_town(word: str, gazetteer: Gazetteer, *, anchored: bool = False,
                  ) -> tuple[Place, str] | None:
    """(town, how it was matched) for a word that misspells a prominent town, else None.

    In a text that names settlements (``anchored``) a plain skeleton match is not read:
    there the variant reader has matched skeletons near those settlements already, and a
    word it left is more often a village the gazetteer lacks than a town far off that shares
    its skeleton.  A swap, and a Turkish spelling, are evidence enough anywhere."""
    key = strip_article(name_key(word))
    if len(key) < MIN_LETTERS or " " in key or not key.isascii() or not key.isalpha():
        return None
    towns = _towns(gazetteer)
    swapped = [k for k in towns.by_letters.get("".join(sorted(key)), ()) if _swapped(key, k)]
    place = _one({i: towns.places[i] for k in swapped for i in towns.by_key[k]}.values())
    if place is not None:
        return place, (f"misspelling of {place.name!r} (two letters swapped), "
                       f"{_size(place)} in the region")
    for reading in _turkish_readings(word, key):
        place = _same_skeleton(reading, towns)
        if place is not None:
            how = f"the skeleton {skeleton(key)!r} of one of its spellings" if reading == key \
                else f"read as {reading!r}: c or \u00e7 for j, v for w"
            return place, (f"Turkish spelling of {place.name!r} ({how}), "
                           f"{_size(place)} in the region")
    place = None if anchored else _same_skeleton(key, towns)
    if place is not None:
        return place, (f"transliteration of {place.name!r} (the same skeleton "
                       f"{skeleton(key)!r}), {_size(place)} in the region")
    return None


def misspelt_town_name(words: str, gazetteer: Gazetteer) -> Place | None:
    """The prominent town a name of several words spells another way ("Maaret al-Numan",
    "Khan Shaykhoun", "Jisr Shughour"): the one whose name of several words has the
    skeleton of ``words`` (``MIN_LONG_SKELETON`` letters or more: two words' skeleton names
    few places) and resembles it (``MIN_SIMILARITY``), else None."""
    key = strip_article(name_key(words))
    if " " not in key or not key.isascii() or len(skeleton(key)) < MIN_LONG_SKELETON:
        return None
    from rapidfuzz import fuzz

    towns = _towns(gazetteer)
    fits = {i: towns.places[i] for k, i in towns.long_names.get(skeleton(key), ())
            if fuzz.ratio(key, k) >= MIN_SIMILARITY}
    return _one(fits.values())


def _same_skeleton(key: str, towns: _Towns) -> Place | None:
    """The one prominent town with a spelling of ``key``'s skeleton that resembles it."""
    from rapidfuzz import fuzz

    fits = {i: towns.places[i] for k, i in towns.by_skeleton.get(skeleton(key), ())
            if fuzz.ratio(key, k) >= MIN_SIMILARITY}
    return _one(fits.values())


# Letters of Turkish spelling, and a "c" that is no English "ch" or "ck": Turkish writes the
# Arabic jim with c or (at a word's end) \u00e7 ("Cerablus", "Cinderes", "Menbi\u00e7") and waw
# with v ("Suveyde"); \u00e7 is also the "ch" of "\u00c7obanbey".
TURKISH_LETTERS = frozenset("\u00e7\u015f\u011f\u0131\u0130\u00f6\u00fc"
                            "\u00c7\u015e\u011e\u00d6\u00dc")
_TURKISH_C = re.compile(r"c(?![hk])")


def _turkish_readings(word: str, key: str) -> list[str]:
    """``key`` as the Arabic name Turkish spelling writes (none for a word with no mark of
    Turkish spelling): as it is (a word with Turkish letters), with c and \u00e7 as j and v
    as w, then with \u00e7 as ch."""
    if not (TURKISH_LETTERS.intersection(word) or _TURKISH_C.search(key)):
        return []
    jim = _TURKISH_C.sub("j", key).replace("v", "w")
    readings = [key, jim] if TURKISH_LETTERS.intersection(word) else [jim]
    if "\u00e7" in word.lower():  # "\u00c7oban": ch; name_key wrote it c
        folded = name_key(word.lower().replace("\u00e7", "ch"))
        readings.append(_TURKISH_C.sub("j", strip_article(folded)).replace("v", "w"))
    return list(dict.fromkeys(readings))


def _size(place: Place) -> str:
    if place.population:
        return f"a {place.kind} of {place.population:,} people"
    return "an admin seat"
