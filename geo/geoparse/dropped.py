"""Why a spot's best candidate is not kept: the reasons a name is rejected, or left
unresolved rather than placed where the text cannot mean.

A namesake abroad: a text whose places lie in one country (Syria) and that names a village or
small town matching, by its own spelling or by a transliteration variant, only one in another
country (Iraq, Jordan, Israel) far from every place it names, means a place the gazetteer lacks,
not that namesake; a feature named after such a town ("Jabal X" beside a town X hundreds of km
away, abroad) is no nearer.  A city of ``PROMINENT`` people abroad, a curated name, or a
namesake near the text's places (a border town across the frontier) stays.
"""

from __future__ import annotations

from collections import Counter

from geo.geoparse.local import PROMINENT
from geo.geoparse.lower_names import TOWN_POPULATION
from geo.geoparse.patterns import LOCATIVE
from geo.geoparse.rank import FAR_KM, FEATURE_NEAR_KM, LONE_VILLAGE_KM
from geo.geoparse.reject import _state_as_actor
from geo.geoparse.spot import _previous_word

__all__ = ["dropped", "home_country"]

SETTLEMENTS = frozenset({"village", "town", "city", "district"})


def home_country(anchors) -> str:
    """The country most of the text's anchors lie in ('' for none); remembered."""
    known = getattr(anchors, "__dict__", {}).get("_home_country")
    if known is None:
        counts = Counter(place.country for place in anchors)
        known = counts.most_common(1)[0][0] if counts else ""
        if hasattr(anchors, "__dict__"):
            anchors.__dict__["_home_country"] = known
    return known


def _abroad(spot, best, near: float, anchors, gazetteer) -> bool:
    """Whether the best candidate is a namesake abroad, far from the text's places: a village
    or small town ``FAR_KM`` from them all; matched only as a transliteration variant, or a
    feature's town, that far (a feature's, ``FEATURE_NEAR_KM``) from all in the home country."""
    place = best.place
    if (len(anchors) < 2 or best.curated or place in anchors
            or (place.kind not in SETTLEMENTS and not spot.feature)
            or (place.population >= PROMINENT and not spot.feature)):
        return False
    home = home_country(anchors)
    if not home or place.country == home:
        return False
    if best.variant or spot.feature:
        near = gazetteer.nearest_km(place.lat, place.lon, ((a.lat, a.lon) for a in anchors
                                                            if a.country == home), default=0.0)
    return near > (FEATURE_NEAR_KM if spot.feature else FAR_KM)


def dropped(spot, best, near: float, anchors, actor_spans: dict[int, set[tuple[int, int]]],
            gazetteer) -> tuple[str, str] | None:
    """Why the best candidate of a spot is not kept: ("rejected" or "unresolved", reason)."""
    place = best.place
    # Far from the thread's region, a town name needs a locative to be believed.
    if (not gazetteer.in_region(place) and place.kind != "country" and not best.curated
            and _previous_word(spot.entry.text, spot.start) not in LOCATIVE):
        return "rejected", "outside the thread's region and not after a locative"
    if place.kind == "country" and _state_as_actor(spot, actor_spans):
        return "rejected", "a state acting (subject of an act, or listed with actors)"
    if (len(anchors) >= 2 and place.kind == "village" and not best.curated
            and near > LONE_VILLAGE_KM):
        # a village hundreds of km from everything the text names is a namesake of one the
        # gazetteer lacks, not the place meant: kept unresolved rather than misplaced
        return "unresolved", "a namesake far from the text's places"
    if _abroad(spot, best, near, anchors, gazetteer):
        return "unresolved", "a namesake in another country, far from the text's places"
    if (spot.feature and place not in anchors and place.population < TOWN_POPULATION
            and (not anchors or near > FEATURE_NEAR_KM)):  # a town's feature is at the town
        return "unresolved", "a feature the gazetteer lacks, not near the text's places"
    return None
