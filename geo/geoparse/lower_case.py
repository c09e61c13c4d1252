"""The region's large cities by their lower-case names, for reading a commenter's "the rebels
in idlib" (``geo.geoparse.lower_names``) and a misspelt city (``geo.geoparse.repair``).

A lower-case word is a place only where nothing else can read it: the name of one of the
region's large cities (``PROMINENT_POPULATION`` people or more, its gazetteer name, one word
of at least ``MIN_LETTERS`` letters), right after a locative ("in", "near", "captured").  The
names come from the gazetteer, not from a list: a city the index has is found without an edit.
"""

from __future__ import annotations

import re

from geo.gazetteer import Gazetteer, name_key
from geo.records import Place

__all__ = ["PROMINENT_POPULATION", "prominent_cities"]

PROMINENT_POPULATION = 100_000
MIN_LETTERS = 4  # "van", "sur", "tyre" is the shortest kept: a word of three is a word
# Cities whose name is an English word or a common one in lower case ("batman", "salt").
ENGLISH_WORDS = frozenset({"batman", "salt", "tyre", "ordu", "zion", "gaza strip"})

LISTED = re.compile(r",?[ \t]+(?:and|or)[ \t]+|,[ \t]*")
_CACHE: dict[int, dict[str, Place]] = {}


def prominent_cities(gazetteer: Gazetteer) -> dict[str, Place]:
    """The region's large cities by the lower-case key of their gazetteer name (once per
    gazetteer)."""
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
        known = _CACHE[id(gazetteer)] = names
    return known
