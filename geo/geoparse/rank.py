"""Rank: which candidate a name stands for, how sure, and how precise (ACLED)."""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence

from rapidfuzz import fuzz

from geo.gazetteer import QUARTER_PREFIX, Candidate, Gazetteer, name_key
from geo.geoparse.admin import admin_weight, named_governorates
from geo.geoparse.local import PROMINENT, people
from geo.geoparse.patterns import AREA_AFTER, AREA_BEFORE, FORCE_AFTER, NEAR_BEFORE
from geo.records import Place

FEATURE_NEAR_KM = 30.0  # a feature named after a village lies this close to the text's places
LONE_VILLAGE_KM = 250.0  # a village this far from every anchor is another's namesake
FAR_KM = 150.0  # a candidate this far from every anchor gives way to a nearer variant
ABROAD_NEAR_KM = 15.0  # a variant abroad (skeletons collide across borders) only this near
ENDING_PENALTY = 3.0  # a name matched with its ta marbuta spelt otherwise ("-a" for "-ah")
QUARTER_CITY_KM = 12.0  # a quarter lies this close to its city, which the text must name
# Names a city gives its own quarter ("the Old City"): no place of their own, they stand for
# the quarter of the city the text is about, never for a namesake's (Jerusalem's) elsewhere.
GENERIC_QUARTERS = frozenset({"old city", "old town", "old quarter"})  # each opens with "O"


def _prior(candidate: Candidate, gazetteer: Gazetteer) -> float:
    """How likely a candidate is before the text is read: curated, regional, populous."""
    place = candidate.place
    return (3.0 * candidate.curated + 2.0 * gazetteer.in_region(place)
            + _prominence(place) - 0.5 * candidate.article_dropped
            - ENDING_PENALTY * candidate.ending)


def _anchors(spots: Sequence, gazetteer: Gazetteer) -> Anchors:
    """The places a text is surely about: a name whose first candidate clearly beats the rest
    before any context (one candidate, a curated name, or a town far larger than its
    namesakes), in the region.  Distinct places only, so ranking stays linear in the text."""
    anchors: dict[str, Place] = {}
    seen: set[str] = set()
    for spot in spots:
        if spot.feature or spot.surface in seen:
            continue
        seen.add(spot.surface)  # a thread repeats its names: each is weighed once
        if spot.surface[:1] == "O" and name_key(spot.surface) in GENERIC_QUARTERS:
            continue  # a city's quarter named without its city anchors nothing
        # a city's quarter is a candidate only where the text is about that city: it neither
        # anchors a text (unless it is all the name can be) nor blurs a name that would
        candidates = [c for c in spot.candidates
                      if not c.place.id.startswith(QUARTER_PREFIX)] or spot.candidates
        priors = sorted(((_prior(c, gazetteer), c) for c in candidates),
                        key=lambda pc: pc[0], reverse=True)
        top, best = priors[0]
        clear = len(priors) == 1 or top - priors[1][0] >= 0.4
        if clear and gazetteer.in_region(best.place) and best.place.kind not in {
                "country", "region"}:
            anchors[best.place.id] = best.place
    return Anchors(_at_home(list(anchors.values()), gazetteer),
                   areas=named_governorates(spots, gazetteer))


def _at_home(places: list[Place], gazetteer: Gazetteer) -> list[Place]:
    """The anchors less the villages abroad far from every anchor in the country most lie in
    (a one-candidate name matching only a village across the border, ``FAR_KM`` from all the
    text names there, is a namesake of a place the gazetteer lacks: it anchors nothing, and
    ``geo.geoparse.dropped`` leaves it unresolved)."""
    countries = Counter(place.country for place in places)
    if len(countries) < 2:
        return places
    home = countries.most_common(1)[0][0]
    at_home = [(place.lat, place.lon) for place in places if place.country == home]
    return [place for place in places if place.country == home or place.kind != "village"
            or gazetteer.nearest_km(place.lat, place.lon, at_home, default=0.0) <= FAR_KM]


# The word a feature's name ends with after the name it is called by: "Tishrin Dam".
FEATURE_TAILS = ("dam", "air base", "airbase", "airport", "military airport", "bridge", "lake",
                 "river", "hill", "mountain", "border crossing", "crossing")
TAIL_WORDS = frozenset(tail.rpartition(" ")[2] for tail in FEATURE_TAILS)  # a quick test
FEATURE_KINDS = frozenset({"dam", "facility", "lake", "river", "hill", "crossing"})


def _feature_heads(spots: Sequence) -> dict[str, Candidate]:
    """A text's curated features by the name before their feature word ("tishrin" for
    "Tishrin Dam"): written alone later ("the town of Tishrin", "the Tishrin"), that name
    means the feature or the place at it, not a namesake hundreds of km away."""
    heads: dict[str, Candidate] = {}
    seen: set[str] = set()
    for spot in spots:
        surface = spot.surface
        if spot.feature or " " not in surface or surface in seen:
            continue  # one word is no "X Dam"; a text repeats its names
        seen.add(surface)
        if not surface[-1].isalpha() or surface.rpartition(" ")[2].lower() not in TAIL_WORDS:
            continue
        key = name_key(surface)
        for tail in FEATURE_TAILS:
            if key.endswith(" " + tail) and len(key) > len(tail) + 1:
                head = key[:-len(tail) - 1]
                for candidate in spot.candidates:
                    if candidate.curated and candidate.place.kind in FEATURE_KINDS:
                        heads.setdefault(head, candidate)
                        break
                break
    return heads


def _generic_quarter(spot, gazetteer: Gazetteer, anchors: Sequence[Place],
                     nearest_km: dict[tuple[float, float], float],
                     previous: Place | None) -> Candidate | None:
    """The quarter a generic name ("the Old City") stands for: among its candidates within
    ``QUARTER_CITY_KM`` of a place the text anchors, the one nearest the place named just
    before (the city the sentence is about, or a place beside it), else the nearest to an
    anchor; None when no city of the text has one, or the city named just before has none."""
    if not anchors:
        return None
    near = [c for c in spot.candidates
            if _nearest(c.place, anchors, gazetteer, nearest_km) <= QUARTER_CITY_KM]
    if not near:
        return None
    if previous is not None:
        km, best = min(((gazetteer.distance_km(c.place.lat, c.place.lon, previous.lat,
                                               previous.lon), c) for c in near),
                       key=lambda kc: kc[0])
        if km > QUARTER_CITY_KM and previous.kind == "city":
            return None  # "In Damascus, the Old City": a city the data has no such quarter of
        return best
    return min(near, key=lambda c: nearest_km[(c.place.lat, c.place.lon)])


def _ranked(spot, gazetteer: Gazetteer, anchors: Sequence[Place],
            nearest_km: dict[tuple[float, float], float]) -> list[tuple[float, Candidate]]:
    """Candidates best first; a candidate far from every anchor gives way to a nearby
    transliteration variant of the same name (a village in the text's area, not its namesake
    across the border), unless it is a town of ``PROMINENT`` people: "al-Safira" is the town
    of 60,000 east of Aleppo even in a text whose one other place is a village near Damascus."""
    candidates = spot.candidates
    if len(candidates) > 1 and anchors:  # a city's quarter, only where the text names the city
        candidates = [c for c in candidates if not c.place.id.startswith(QUARTER_PREFIX)
                      or _nearest(c.place, anchors, gazetteer, nearest_km) <= QUARTER_CITY_KM
                      ] or candidates
    if len(candidates) == 1:  # nothing to rank; only its distance is needed, below
        ranked = [(0.0, candidates[0])]
        if anchors:
            _nearest(candidates[0].place, anchors, gazetteer, nearest_km)
    else:
        # A name that anchors the text (the city of Sulaymaniyah) is no evidence for its own
        # namesakes: a village beside that city is not near "the text's places" through it.
        own = anchors.ids.intersection(c.place.id for c in candidates) \
            if isinstance(anchors, Anchors) else ()
        if own:
            every, cache = anchors, nearest_km
            anchors, nearest_km = Anchors((a for a in anchors if a.id not in own),
                                          anchors.areas), {}
        ranked = sorted(((_score(c, gazetteer, anchors, nearest_km), c) for c in candidates),
                        key=lambda sc: sc[0], reverse=True)
        if own:  # the caller reads the winner's distance to every other anchor
            _nearest(ranked[0][1].place, every, gazetteer, cache)
    best = ranked[0][1]
    if (anchors and not best.curated and best.place.kind not in {"country", "region"}
            and best.place.population < PROMINENT
            and nearest_km[(best.place.lat, best.place.lon)] > FAR_KM):
        key = name_key(spot.surface)
        home = Counter(a.country for a in anchors).most_common(1)[0][0]
        near = [c for c in gazetteer.variants(spot.surface)
                if _nearest(c.place, anchors, gazetteer, nearest_km) <= (
                    2 * FEATURE_NEAR_KM if c.place.country == home else ABROAD_NEAR_KM)
                and fuzz.ratio(key, name_key(c.place.name)) >= 60]  # resembles it too
        if near:
            return sorted(((_score(c, gazetteer, anchors, nearest_km), c) for c in near),
                          key=lambda sc: sc[0], reverse=True)
    return ranked


class Anchors(list):
    """The anchor places, with a one-degree grid so that the nearest is looked for among the
    anchors around a point first (a thread of a thousand places ranks as fast as one of ten),
    and the governorates the text names (``areas``, ``geo.geoparse.admin``)."""

    def __init__(self, places: Iterable[Place] = (), areas: frozenset[str] = frozenset()):
        super().__init__(places)
        self.areas = areas

    @functools.cached_property
    def grid(self) -> dict[tuple[int, int], list[Place]]:
        cells: dict[tuple[int, int], list[Place]] = {}
        for place in self:
            cells.setdefault((math.floor(place.lat), math.floor(place.lon)), []).append(place)
        return cells

    @functools.cached_property
    def ids(self) -> frozenset[str]:
        return frozenset(place.id for place in self)

    def __contains__(self, place: object) -> bool:
        # by id, not by comparing every field of every anchor: asked once per name read
        return getattr(place, "id", None) in self.ids

    @functools.cached_property
    def _around(self) -> dict[tuple[int, int], list[Place]]:
        return {}  # by cell: the anchors of the cells around it, gathered once

    def around(self, lat: float, lon: float) -> list[Place]:
        cell = (math.floor(lat), math.floor(lon))
        near = self._around.get(cell)
        if near is None:
            a, b = cell
            near = self._around[cell] = [p for da in (-1, 0, 1) for db in (-1, 0, 1)
                                         for p in self.grid.get((a + da, b + db), ())]
        return near or list(self)

    def prepared_around(self, lat: float, lon: float) -> list[tuple[str, float, float, float]]:
        """``Gazetteer.prepared`` of the anchors ``around`` a point, made once per cell."""
        cell = (math.floor(lat), math.floor(lon))
        found = self._prepared.get(cell)
        if found is None:
            found = self._prepared[cell] = Gazetteer.prepared(
                (p.id, p.lat, p.lon) for p in self.around(lat, lon))
        return found

    @functools.cached_property
    def _prepared(self) -> dict[tuple[int, int], list[tuple[str, float, float, float]]]:
        return {}


def _nearest(place: Place, anchors: Sequence[Place], gazetteer: Gazetteer,
             nearest_km: dict[tuple[float, float], float]) -> float:
    """Distance to the nearest other anchor (within the surrounding cells when any is there:
    beyond a degree the score hardly changes)."""
    point = (place.lat, place.lon)
    nearest = nearest_km.get(point)
    if nearest is None:
        pool = anchors.prepared_around(*point) if isinstance(anchors, Anchors) else \
            Gazetteer.prepared((a.id, a.lat, a.lon) for a in anchors)
        nearest = gazetteer.nearest_prepared_km(*point, pool, place.id)
        if nearest is None:  # the only anchor nearby is the place itself
            nearest = gazetteer.nearest_km(*point, ((a.lat, a.lon) for a in anchors
                                                    if a.id != place.id), default=0.0)
        nearest_km[point] = nearest
    return nearest


def _score(candidate: Candidate, gazetteer: Gazetteer, anchors: Sequence[Place],
           nearest_km: dict[tuple[float, float], float]) -> float:
    """How likely ``candidate`` is the place meant; ``nearest_km`` remembers, for the
    thread's fixed anchors, each point's distance to the nearest (so a thread that names an
    ambiguous town a thousand times measures its distances once)."""
    place = candidate.place
    score = 3.0 if candidate.curated else 0.0
    if gazetteer.in_region(place):
        score += 2.0
    if anchors:
        nearest = _nearest(place, anchors, gazetteer, nearest_km)
        if candidate.curated:  # a curated name is vouched for, most of all near the text's
            score -= 1.5 * (1.0 - math.exp(-nearest / 100.0))  # places: far, half of it
        # the region around the text's places, and closer still its villages
        score += 2.0 * math.exp(-nearest / 200.0) + 2.0 * math.exp(-nearest / 25.0)
    if candidate.article_dropped:
        score -= 0.5
    if candidate.ending:  # the name spelt otherwise: believed where the text's places say so
        score -= ENDING_PENALTY
    areas = getattr(anchors, "areas", None)
    if areas:  # in a governorate (a district) the text names
        score += admin_weight(place, gazetteer, areas)
    score += _prominence(place)
    return score


def _prominence(place: Place) -> float:
    """A candidate's weight for its size: log10 of its population (an admin seat's as
    ``local.people`` counts it), over seven."""
    return math.log10(people(place) + 1) / 7.0


def _confidence(
    best: Candidate, runner_up: float | None, best_score: float, in_region: bool
) -> float:
    confidence = 0.95 if best.curated else 0.85
    if not in_region:
        confidence -= 0.25
    if runner_up is not None and best_score - runner_up < 1.0:
        confidence -= 0.2
    if best.article_dropped:
        confidence -= 0.05
    return round(max(0.1, confidence), 2)


# Words one of AREA_BEFORE's (NEAR_BEFORE's) branches always contains, in lower case: a window
# of plain ASCII text with none of them is searched no further (most names stand alone).
# "the Battle of X", "the siege of X", "the X offensive": an event at X, the wider area (the
# gold's ``event_name`` mentions: ACLED precision 3)
EVENT_BEFORE = re.compile(r"\b(?:[Bb]attle|[Ss]iege|[Ff]all|[Ll]iberation|[Cc]apture|[Mm]assacre|"
                          r"[Bb]ombing|[Ss]ack)s?\s+(?:of|for|at|in)\s+(?:the\s+)?$")
EVENT_AFTER = re.compile(r"^[ \t]+(?:[Oo]ffensive|[Cc]ampaign|[Oo]peration)s?\b")
AREA_WORDS = ("ern", "central", "rural", "greater", "around", " of", "road")
NEAR_WORDS = ("near", "close to", "outside", "around", " of", "approaches to", "km from")


def _may_hold(low: str | None, words: tuple[str, ...]) -> bool:
    """Whether a window lower-cased (None: not plain ASCII, where IGNORECASE folds more than
    ``str.lower``: the pattern decides) has one of ``words``."""
    return low is None or any(word in low for word in words)


def _precision(text: str, start: int, end: int, place: Place) -> tuple[int, str]:
    return _precision_between(text[max(0, start - 40):start], text[end:end + 25])


@functools.lru_cache(maxsize=1 << 14)
def _precision_between(before: str, after: str) -> tuple[int, str]:
    """ACLED precision from the 40 characters before a name and the 25 after it: a function
    of those alone, remembered (a thread repeats its phrases: "in the countryside of")."""
    if AREA_AFTER.match(after):
        return 3, f"area word after the name: {after.split()[0] if after.split() else ''!r}"
    low = before.lower() if before.isascii() else None
    if _may_hold(low, AREA_WORDS) and AREA_BEFORE.search(before):
        return 3, "area word before the name"
    if FORCE_AFTER.match(after[:12]):
        return 3, "the name qualifies a force (the area it holds)"
    if _may_hold(low, NEAR_WORDS) and NEAR_BEFORE.search(before):
        return 2, "a word of nearness before the name"
    if EVENT_BEFORE.search(before) or EVENT_AFTER.match(after):
        return 3, "named in the name of an event there (the wider area)"
    return 1, "the place itself"
