"""One colour policy: each actor's and each side's colour, checked before it reaches CSS.

Colours come from ``data/factions.csv`` (checked when the lexicon is read, geo/factions.py),
but a corpus is read back from a database that another version may have written, and a colour
goes into ``style`` attributes and stylesheets: so every colour the view draws passes here.
A missing or malformed colour is :data:`OTHERS` (the grey the lexicon gives "Others"); a place
no side is named with is :data:`NEUTRAL`, lighter, so the two never read as the same thing.

>>> from geo.records import Actor, Corpus
>>> corpus = Corpus(source="t", entries=[], actors=[Actor("is", "IS", "IS", "#222222"),
...                                     Actor("x", "X", "X", "red;background:url(x)")])
>>> side_colours(corpus)
{'IS': '#222222', 'X': '#999999'}
"""

from __future__ import annotations

import re

from geo.records import Corpus

__all__ = ["NEUTRAL", "NEUTRAL_EDGE", "OTHERS", "actor_colours", "safe_colour", "side_colours"]

OTHERS = "#999999"        # an actor or side whose colour is missing or malformed
NEUTRAL = "#d6d2c8"       # a place no side is named with (lighter than OTHERS)
NEUTRAL_EDGE = "#6f6a61"  # its outline, so a pale marker stays visible on the pale base map
HEX = re.compile(r"^#[0-9A-Fa-f]{3}(?:[0-9A-Fa-f]{3})?$")


def safe_colour(value: str | None, default: str = OTHERS) -> str:
    """``value`` when it is a hex colour, else ``default``: nothing else reaches CSS."""
    return value if value and HEX.match(value) else default


def actor_colours(corpus: Corpus) -> dict[str, str]:
    """Each actor's colour by actor id."""
    return {a.id: safe_colour(a.colour) for a in corpus.actors}


def side_colours(corpus: Corpus) -> dict[str, str]:
    """Each side's colour: its first actor's (sides share one colour in the lexicon)."""
    colours: dict[str, str] = {}
    for actor in corpus.actors:
        colours.setdefault(actor.side, safe_colour(actor.colour))
    return colours
