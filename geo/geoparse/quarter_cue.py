"""What the words around a name say it is: a city's quarter, or a governorate's countryside.

A name the text calls a city's quarter ("the al-Zahraa neighbourhood of Aleppo", "Aleppo's
al-Zahraa district", "the Zahraa quarter") is that city's quarter, not a town of the same name
nearby: the word after it, or the city's possessive before it, says which kind of place it is.

Only a quarter of a city the text names (within ``QUARTER_CITY_KM`` of an anchor) is taken,
so "the Manbij district" (an admin district) or a quarter the data lacks change nothing.

"The eastern countryside of Homs", "rural Hama", "Homs's eastern countryside", "the province
of Homs", "the Homs desert": the countryside (the desert, the province) of a governorate's
seat is the governorate (Syrian usage: "Rif Homs"), the place the "Homs countryside" is; a
town that seats no governorate ("the countryside of Manbij") stays the town.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from geo.gazetteer import QUARTER_PREFIX, Gazetteer
from geo.geoparse.rank import QUARTER_CITY_KM

__all__ = ["by_cue", "countryside_first", "quarter_first"]

QUARTER_AFTER = re.compile(r"[ \t]+(?:neighbou?rhoods?|quarters?|district)\b", re.IGNORECASE)
POSSESSIVE_BEFORE = re.compile(r"[A-Z][\w\-]*['\u2019]s[ \t]+(?:the[ \t]+)?$")
COUNTRYSIDE_BEFORE = re.compile(r"(?:\b(?:countryside|[Pp]rovinces?|[Gg]overnorates?)[ \t]+"
                                r"of[ \t]+(?:the[ \t]+)?|\b[Rr]ural[ \t]+)$")
# "Homs's eastern countryside", "the Homs desert", and "the Hama and Homs countryside": the
# first of two names that share the word after the second
COUNTRYSIDE_AFTER = re.compile(
    r"(?:['\u2019]s?)?(?:,?[ \t]+and[ \t]+[A-Z][\w'\u2019-]+)?[ \t]+"
    r"(?:(?:north|south|east|west)(?:-?(?:east|west))?ern[ \t]+)?(?:countryside|desert)s?\b",
    re.IGNORECASE)


def _is_quarter(place) -> bool:
    return place.id.startswith(QUARTER_PREFIX) or (
        place.kind == "district" and place.id.startswith("supplement:"))


def quarter_first(text: str, start: int, end: int, ranked: list,
                  near_km: Callable[[object], float]) -> list:
    """``ranked`` (score, candidate) with the best quarter candidate first where the text
    calls the name at ``start:end`` a quarter and that quarter lies within ``QUARTER_CITY_KM`` of
    a place the text names (``near_km``: a place's distance to the nearest anchor);
    ``ranked`` itself otherwise."""
    if len(ranked) < 2 or _is_quarter(ranked[0][1].place):
        return ranked
    if not (QUARTER_AFTER.match(text, end) or POSSESSIVE_BEFORE.search(text[max(0, start - 40):
                                                                             start])):
        return ranked
    quarters = [sc for sc in ranked if _is_quarter(sc[1].place)
                and near_km(sc[1].place) <= QUARTER_CITY_KM]
    if not quarters:
        return ranked
    first = quarters[0]
    return [first, *(sc for sc in ranked if sc is not first)]


def countryside_first(text: str, start: int, end: int, ranked: list, surface: str,
                      gazetteer: Gazetteer) -> list:
    """``ranked`` with the governorate first where the text names the countryside of a city
    that has one ("the countryside of Homs", "rural Homs": what "the Homs countryside"
    finds; "Homs's eastern countryside", "the Homs desert", "the provinces of Homs and
    Hama"); ``ranked`` itself otherwise."""
    if not ranked or ranked[0][1].place.kind != "city":
        return ranked
    before = text[max(0, start - 30):start]
    if not (COUNTRYSIDE_BEFORE.search(before) or COUNTRYSIDE_AFTER.match(text, end)):
        return ranked
    area = [c for c in gazetteer.candidates(f"{surface} countryside")
            if c.place.kind == "region" and c.place.country == ranked[0][1].place.country]
    return [(ranked[0][0], area[0]), *ranked] if area else ranked


def by_cue(spot, ranked: list, gazetteer: Gazetteer, near_km: Callable[[object], float],
           ) -> list:
    """``ranked`` as the words around the spot put it: a quarter, a governorate."""
    text = spot.entry.text
    ranked = quarter_first(text, spot.start, spot.end, ranked, near_km)
    return countryside_first(text, spot.start, spot.end, ranked, spot.surface, gazetteer)
