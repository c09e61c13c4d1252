"""Cities written in lower case: a commenter's "the rebels in idlib", "back to aleppo".

A lower-case word is a place only where nothing else can read it: the name of one of the
region's large cities (``PROMINENT_POPULATION`` people or more, its gazetteer name, one word
of at least ``MIN_LETTERS`` letters), right after a locative ("in", "near", "captured").  The
names come from the gazetteer, not from a list: a city the index has is found without an edit.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from geo.gazetteer import Gazetteer, name_key
from geo.geoparse.patterns import LOCATIVE
from geo.geoparse.spot import _previous_word
from geo.records import Place

__all__ = ["PROMINENT_POPULATION", "city_words", "lower_case_cities", "prominent_cities"]

PROMINENT_POPULATION = 100_000
MIN_LETTERS = 4  # "van", "sur", "tyre" is the shortest kept: a word of three is a word
# Cities whose name is an English word or a common one in lower case ("batman", "salt").
ENGLISH_WORDS = frozenset({"batman", "salt", "tyre", "ordu", "zion", "gaza strip"})

LISTED = re.compile(r",?[ \t]+(?:and|or)[ \t]+|,[ \t]*")
_CACHE: dict[int, tuple[dict[str, Place], re.Pattern[str] | None]] = {}
_FIRST_WORDS: dict[int, frozenset[str]] = {}  # the names as ``str.split`` gives them
_STOPS = ("", ".", ",", ";", ":", "!", "?", ")", "'s", "\u2019s", "-", '"', "...")


def prominent_cities(gazetteer: Gazetteer) -> tuple[dict[str, Place], re.Pattern[str] | None]:
    """The region's large cities by the lower-case key of their gazetteer name, and a
    pattern that finds any of them as a whole lower-case word (once per gazetteer)."""
    known = _CACHE.get(id(gazetteer))
    if known is None:
        names: dict[str, Place] = {}
        for place in gazetteer.places.values():
            if (place.kind != "city" or place.population < PROMINENT_POPULATION
                    or not gazetteer.in_region(place)):
                continue
            key = name_key(place.name)
            if (len(key) < MIN_LETTERS or not key.isalpha()
                    or not key.isascii() or key in ENGLISH_WORDS):
                continue
            if key not in names or names[key].population < place.population:
                names[key] = place
        pattern = re.compile(r"(?<![\w'\u2019-])(" + "|".join(
            re.escape(k).replace(r"\ ", "[ -]") for k in sorted(names, key=len, reverse=True))
            + r")(?![\w-])") if names else None
        known = _CACHE[id(gazetteer)] = (names, pattern)
        _FIRST_WORDS[id(gazetteer)] = frozenset(  # as ``str.split`` gives it, stop and all
            k + stop for k in names for stop in _STOPS)
    return known


def city_words(gazetteer: Gazetteer) -> frozenset[str]:
    """The large cities' names as ``str.split`` gives them from a text, a stop after them or
    not ("aleppo,"): a text none of whose words is one names no city in lower case."""
    prominent_cities(gazetteer)
    return _FIRST_WORDS[id(gazetteer)]


def lower_case_cities(text: str, gazetteer: Gazetteer) -> Iterator[tuple[int, int, Place]]:
    """(start, end, city) of each large city written in lower case after a locative, or
    listed after one that is ("in damascus and raqqa")."""
    names, pattern = prominent_cities(gazetteer)
    if pattern is None or city_words(gazetteer).isdisjoint(text.split()):
        return  # most texts name none: a split and a set test, not the pattern's scan
    last = -1
    for match in pattern.finditer(text):
        start = match.start()
        if _previous_word(text, start) in LOCATIVE or (
                last >= 0 and LISTED.fullmatch(text, last, start)):
            last = match.end()
            yield start, last, names[name_key(match.group(1))]
