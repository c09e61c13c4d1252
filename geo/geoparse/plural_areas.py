"""Governorates named in a list before one plural area word: "the Homs and Hama
governorates", "the Idlib, Hama and Latakia provinces".

English writes the area word once, in the plural, after the last of the names it applies to;
each name of the list then stands for its governorate, not for the city of the same name
(a governorate's point lies up to 200 km from its capital's: Homs Governorate's in the
desert east of Palmyra).  A name is read so only when the gazetteer has a Syrian region
"<name> Governorate" (or "<name> Province"), and only in an unbroken list of capitalised
names (a list that restarts with "the" is another list: "between Aleppo and the Idlib and
Hama provinces" names the city of Aleppo).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from geo.gazetteer import Gazetteer

__all__ = ["read_plural_areas"]

_NAME = r"[A-Z][\w'\u2019\-]*(?:[ \-][A-Za-z][\w'\u2019\-]*){0,2}?"
# what may follow the first names of the list up to the plural area word
LIST_TAIL = re.compile(r"(?:(?:,[ \t]*(?:and[ \t]+)?|[ \t]+and[ \t]+)" + _NAME + r")*"
                       r"[ \t]+(?:[Gg]overnorates|[Pp]rovinces)\b")
AREA_WORDS = ("overnorates", "rovinces")  # a quick test: most entries have neither
REACH = 120  # characters after a name searched for the list's end


def read_plural_areas(spots: Iterable, gazetteer: Gazetteer) -> None:
    """Give each spot listed before a plural area word its governorate's candidates (in
    place), with a note for the evidence."""
    worded: dict[int, bool] = {}
    for spot in spots:
        entry = spot.entry
        if entry.id not in worded:
            worded[entry.id] = any(word in entry.text for word in AREA_WORDS)
        if not worded[entry.id] or spot.feature:
            continue
        if LIST_TAIL.match(entry.text, spot.end, spot.end + REACH) is None:
            continue
        regions = _governorate(spot.surface, gazetteer)
        if regions:
            spot.candidates = regions
            spot.note = (f"{spot.note + '; ' if spot.note else ''}listed before a plural "
                         "area word: the governorate")


def _governorate(surface: str, gazetteer: Gazetteer) -> list:
    """The Syrian region candidates of "<surface> Governorate" (else "... Province")."""
    for word in ("Governorate", "Province"):
        found = [c for c in gazetteer.candidates(f"{surface} {word}")
                 if c.place.kind == "region" and c.place.country == "SY"]
        if found:
            return found
    return []
