"""The admin areas a text names: a namesake in one of them is likelier the place meant.

"Raqqa Governorate", "the eastern Homs countryside", "Hama province": a text that names a
governorate, or a city's countryside or province, is about places in that governorate.  The
gazetteer knows each Syrian place's governorate (OCHA's and Who's On First's admin hierarchy,
``Gazetteer.admin``); among a name's namesakes the ranking adds ``ADMIN_WEIGHT`` to those in
a governorate the text names (``geo.geoparse.rank``).

The sources spell governorates their own ways ("Homs (Hims)", "Days Az Zawr", "Al-Hasakeh");
they are compared by transliteration skeleton, and the few whose spellings share no skeleton
("Rif Dimashq" and "Rural Damascus") by ``SAME_GOVERNORATE``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from geo.gazetteer import Gazetteer, skeleton
from geo.geoparse.patterns import AREA_AFTER
from geo.records import Place

__all__ = ["ADMIN_WEIGHT", "admin_weight", "governorate_key", "named_governorates",
           "place_governorate"]

ADMIN_WEIGHT = 1.0
# Skeletons of one governorate's other spellings in the sources (OCHA, Who's On First, the
# English press): each to the skeleton of the OCHA name.
SAME_GOVERNORATE = {
    "dassar": "darsar",  # WOF "Days Az Zawr" (sic), Deir-ez-Zor
    "rafdamask": "raraldamaskas",  # WOF "Rif Dimashq", OCHA "Rural Damascus"
    "damask": "damaskas",  # WOF "Dimashq", Damascus
    "ladaka": "lataka",  # WOF "Al Ladhiqiyah", OCHA "Lattakia"
    "halab": "alapa",  # WOF "H'alab", Aleppo
    "kanatara": "kanatra",  # WOF "Al Qunaytirah", OCHA "Quneitra"
}
_BRACKET = re.compile(r"\s*\([^)]*\)")
_AREA_WORD = re.compile(r"\s+(?:governorate|province|muhafazah|countryside)s?$", re.IGNORECASE)
GOVERNORATE_WORDS = ("Governorate", "Province", "governorate", "province", "countryside")
AREA_WORDS = (*GOVERNORATE_WORDS, "District", "district")


@functools.lru_cache(maxsize=4096)
def governorate_key(name: str) -> str:
    """One key per governorate, whichever source spelt it: "Homs (Hims) Governorate" and
    "Homs" give one key, "Days Az Zawr" and "Deir-ez-Zor" another."""
    base = _AREA_WORD.sub("", _BRACKET.sub("", name)).strip()
    key = skeleton(base)
    return SAME_GOVERNORATE.get(key, key)


def place_governorate(place: Place, gazetteer: Gazetteer) -> str:
    """The key of the governorate a place lies in, '' when the gazetteer does not say."""
    area = gazetteer.admin.get(place.id)
    return governorate_key(area.split(" > ", 1)[0]) if area else ""


@functools.lru_cache(maxsize=4096)
def district_key(area: str) -> str:
    """The key of the district of an admin path ("Aleppo > Afrin > Jandairis"), '' for a
    path without one: the governorate's key and the district's skeleton."""
    parts = area.split(" > ")
    return f"{governorate_key(parts[0])}>{skeleton(parts[1])}" if len(parts) > 1 else ""


def admin_weight(place: Place, gazetteer: Gazetteer, areas: frozenset[str]) -> float:
    """``ADMIN_WEIGHT`` for a place in a governorate the text names, twice that in a
    district it names (a district lies in its governorate)."""
    area = gazetteer.admin.get(place.id)
    if not area:
        return 0.0
    weight = ADMIN_WEIGHT if governorate_key(area.split(" > ", 1)[0]) in areas else 0.0
    return weight + ADMIN_WEIGHT if weight and district_key(area) in areas else weight


def named_governorates(spots: Iterable, gazetteer: Gazetteer) -> frozenset[str]:
    """The governorates a text names: "X Governorate"/"X Province" (a region of that name),
    and "X countryside"/"X province" after a city or town X; and the districts it names
    ("the Afrin District", a Syrian region of that name), by ``district_key``, with their
    governorates."""
    found: set[str] = set()
    worded: dict[int, bool] = {}  # by entry: whether it has a governorate word at all
    for spot in spots:
        entry = spot.entry
        if entry.id not in worded:
            worded[entry.id] = any(word in entry.text for word in AREA_WORDS)
        if not worded[entry.id]:
            continue  # most comments name no governorate
        surface = spot.surface
        if surface.endswith((" District", " district")):
            for c in spot.candidates:
                area = gazetteer.admin.get(c.place.id, "")
                if c.place.kind == "region" and c.place.country == "SY" and district_key(area):
                    found.update((district_key(area), governorate_key(area.split(" > ")[0])))
            continue
        if surface.endswith(GOVERNORATE_WORDS[:2]) or surface.endswith((" governorate",
                                                                          " countryside")):
            if any(c.place.kind == "region" and c.place.country == "SY"
                   for c in spot.candidates):
                found.add(governorate_key(surface))
            continue
        after = spot.entry.text[spot.end:spot.end + 25]
        if not AREA_AFTER.match(after) or not any(w in after for w in GOVERNORATE_WORDS):
            continue
        towns = [c.place for c in spot.candidates if c.place.kind in {"city", "town"}
                 and c.place.country == "SY"]
        if towns:
            key = place_governorate(max(towns, key=lambda p: p.population), gazetteer)
            if key:
                found.add(key)
    return frozenset(found)
