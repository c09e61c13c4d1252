"""A compass word before a name that, with it, names a region: "southern Syria".

The spotter starts names at capitalised words only, so in "the war in southern Syria" it reads
"Syria", and the compass word is only a note on its precision.  Where the gazetteer has a
curated region of the whole phrase ("Southern Syria": the three southern governorates), the
spot grows back over the compass word and stands for that region instead.
"""

from __future__ import annotations

import re

from geo.gazetteer import Gazetteer
from geo.geoparse.spot import _Spot

__all__ = ["with_compass_word"]

COMPASS_BEFORE = re.compile(r"(?:^|(?<=[^\w\-]))((?:north|south|east|west)(?:ern)?|"
                            r"(?:north|south)(?:east|west)(?:ern)?)[ \t]+$", re.IGNORECASE)


def with_compass_word(spot: _Spot, gazetteer: Gazetteer) -> _Spot:
    """``spot`` grown over the compass word before it when the whole phrase is the name of
    a curated region, else ``spot`` itself."""
    text = spot.entry.text
    cut = max(0, spot.start - 16)
    if not _may_end_with_compass(text[cut:spot.start]):
        return spot  # (most names: no compass word before them, told without the pattern)
    match = COMPASS_BEFORE.search(text, cut, spot.start)
    if match is None:
        return spot
    start = match.start(1)
    whole = text[start:spot.end]
    found = [c for c in gazetteer.candidates(whole)
             if c.curated and c.place.kind == "region"]
    if not found:
        return spot
    return _Spot(spot.entry, start, spot.end, whole, found, spot.tokens + 1, spot.feature,
                 note=f"the whole name {whole!r}")


COMPASS_ENDINGS = ("north", "south", "east", "west", "ern")


def _may_end_with_compass(window: str) -> bool:
    """Whether ``window`` may end as ``COMPASS_BEFORE`` reads it: a word ending like a compass
    word, then the spaces, tabs and line end the pattern allows.  ``casefold`` folds what
    IGNORECASE matches of these letters ("\u017f" as "s"), so no match is missed."""
    return window.rstrip(" \t\n").casefold().endswith(COMPASS_ENDINGS)
