"""Looking names up: the ``Gazetteer`` (places by id, by name key and by skeleton).

``load_gazetteer()`` reads the built index, then the curated files, which are read at load
time so that an edit takes effect without rebuilding the index:
``data/gazetteer_supplement.csv`` (rivers, dams, roads, crossings, quarters, regions, with a
``source`` column) and ``data/gazetteer_aliases.csv`` (the spellings people write).
"""

from __future__ import annotations

import csv
import functools
import gc
import gzip
import math
import re
from collections.abc import Iterable, KeysView
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from geo.gazetteer.folding import (
    ARTICLES,
    CLOSE_MARK,
    SHORT_SKELETON,
    close_form,
    name_key,
    skeleton,
    strip_article,
)
from geo.gazetteer.heads import head_spellings
from geo.gazetteer.index import MIN_CLOSE, MIN_SKELETON, build_index, config
from geo.paths import ALIASES_PATH, INDEX_PATH, QUARTERS_PATH, SUPPLEMENT_PATH
from geo.records import Place

__all__ = ["Candidate", "Gazetteer", "load_gazetteer"]


@dataclass(frozen=True, slots=True)
class Candidate:
    """A place a name may stand for, and how the name matched it."""

    place: Place
    curated: bool  # from the supplement or the alias file, not only GeoNames
    article_dropped: bool = False
    variant: bool = False  # matched by skeleton (transliteration), not by the name itself
    ending: bool = False  # matched with the last word's ta marbuta spelt another way


def _parse_linestring(text: str) -> dict[str, Any] | None:
    """``LINESTRING(lon lat, lon lat, ...)`` as GeoJSON, the form the supplement uses."""
    match = re.fullmatch(r"\s*LINESTRING\s*\((.*)\)\s*", text, re.IGNORECASE)
    if not match:
        return None
    coords = [[float(v) for v in pair.split()] for pair in match.group(1).split(",")]
    return {"type": "LineString", "coordinates": coords}


BARE_POPULATION = 1000  # a village this large is found by its name without the article
_COMPACT = re.compile(r"[\W_]+")  # what a name is compared without, for digit names

def _ending_forms(key: str) -> tuple[str, ...]:
    """A name key with its final ta marbuta spelt the other ways ("qusayra" -> "qusayrah",
    "qusayreh"; "qusayrah" -> "qusayra", "qusayreh"): the same name in the press's
    transliterations."""
    if key.endswith(("ah", "eh")):
        stem = key[:-2]
    elif key.endswith("a") and not key.endswith("aa"):
        stem = key[:-1]
    else:
        return ()
    if len(stem) < 3:
        return ()
    return tuple(form for form in (stem + "a", stem + "ah", stem + "eh") if form != key)


class Gazetteer:
    """Places by id, by name key and by skeleton.  Build one with ``load_gazetteer()``."""

    def __init__(self) -> None:
        self.places: dict[str, Place] = {}
        self.admin: dict[str, str] = {}  # place id -> "governorate > district > sub-district"
        self._names: dict[str, list[str]] = {}
        self._skeletons: dict[str, list[str]] = {}
        self._curated: set[tuple[str, str]] = set()  # (key, place id) pairs a person vouched for
        self._in_region: dict[str, bool] = {}  # remembered: asked at every candidate
        self._found: dict[str, list[Candidate]] = {}  # candidates by surface, remembered
        focus = config()["focus"]
        self.focus = (float(focus["lat"]), float(focus["lon"]))
        self.focus_radius_km = float(focus["radius_km"])

    # -- building -------------------------------------------------------------------------

    def add(self, place: Place, names: Iterable[str], *, curated: bool = False) -> None:
        self.places[place.id] = place
        for name in names:
            self.add_name(name, place.id, curated=curated)

    def add_name(self, name: str, place_id: str, *, curated: bool = False) -> None:
        key = name_key(name)
        self.add_key(key, place_id, curated=curated)
        bones = skeleton(key)
        if len(bones) >= MIN_SKELETON:
            ids = self._skeletons.setdefault(bones, [])
            if place_id not in ids:
                ids.append(place_id)
        if len(bones) < SHORT_SKELETON and len(close := close_form(key)) >= MIN_CLOSE:
            ids = self._skeletons.setdefault(CLOSE_MARK + close, [])
            if place_id not in ids:
                ids.append(place_id)

    def add_key(self, key: str, place_id: str, *, curated: bool = False) -> None:
        if not key:
            return
        self.__dict__.pop("starters", None)
        self.__dict__.pop("bare_names", None)  # a new key may start a name
        self.__dict__.pop("digit_names", None)
        self.__dict__.pop("spotted_windows", None)  # read before the key was known
        ids = self._names.setdefault(key, [])
        if place_id not in ids:
            ids.append(place_id)
        if curated:
            self._curated.add((key, place_id))

    # -- lookup ---------------------------------------------------------------------------

    def __contains__(self, key: str) -> bool:
        return key in self._names

    @property
    def keys(self) -> KeysView[str]:
        """Every name's key: a view to test many words against without a call per word."""
        return self._names.keys()

    def knows_prefix(self, key: str) -> bool:
        """Whether some name starts with ``key`` followed by a space (longest-match pruning)."""
        return key in self.prefixes

    @functools.cached_property
    def prefixes(self) -> set[str]:
        """Every key that a longer name starts with (then a space); built on first use."""
        prefixes: set[str] = set()
        for key in self._names:
            parts = key.split(" ")
            for n in range(1, len(parts)):
                prefixes.add(" ".join(parts[:n]))
        return prefixes

    @functools.cached_property
    def starters(self) -> set[str]:
        """Every key that is a name or begins one: ``keys`` and ``prefixes`` in one set, so
        that the spotter drops a word that starts no name with one look-up."""
        return set(self._names) | self.prefixes | self.bare_names

    @functools.cached_property
    def spotted_windows(self) -> dict[str, tuple[int, int] | None]:
        """The spotter's readings by the window of text they were read from
        (``geo.geoparse.spot``): a function of the window and this gazetteer's names, kept
        here so that every thread shares them ("in Aleppo and the" recurs across threads)."""
        return {}

    @functools.cached_property
    def bare_names(self) -> frozenset[str]:
        """One-word names written without the article of the region's towns ("Qamishli" for
        "Al Qamishli"), where no name has that key already: a word the spotter reads as a
        name (``candidates`` gives the place, ``article_dropped``).  Towns and cities only,
        or villages of ``BARE_POPULATION`` people: a bare village name is too often a word."""
        bare: set[str] = set()
        articles = {a.strip() for a in ARTICLES}
        for key, ids in self._names.items():
            first, _, word = key.partition(" ")
            if (first not in articles or len(word) < 3 or " " in word
                    or word in self._names):
                continue
            if any(self.in_region(p) and (p.kind in {"city", "town"}
                                          or p.population >= BARE_POPULATION)
                   for p in (self.places[i] for i in ids)):
                bare.add(word)
        return frozenset(bare)

    @functools.cached_property
    def digit_names(self) -> dict[str, str]:
        """Names with a digit that a person entered ("T4 air base", "M5", "Brigade 137"):
        the spotter reads letters only.  Each by its letters and digits alone ("t4airbase",
        so "T-4 airbase" finds it), to its key.  Only curated rows and city quarters: the
        sources' numbered names are arrondissements and sectors abroad ("Paris 15")."""
        found: dict[str, str] = {}
        for key, ids in self._names.items():
            if any(ch.isdigit() for ch in key) and any(
                    (key, i) in self._curated or i.startswith("quarter:") for i in ids):
                found.setdefault(_COMPACT.sub("", key), key)
        return found

    def candidates(self, surface: str) -> list[Candidate]:
        """Every place ``surface`` may name, exact key first, then under another article or
        without one.  Remembered (a thread repeats its names); callers must not change it."""
        found = self._found.get(surface)
        if found is None:
            if len(self._found) > 200_000:
                self._found.clear()
            found = self._found[surface] = self._candidates(surface)
        return found

    def _candidates(self, surface: str) -> list[Candidate]:
        key = name_key(surface)
        found = [Candidate(self.places[i], (key, i) in self._curated)
                 for i in self._names.get(key, ())]
        bare = strip_article(key)
        seen = {c.place.id for c in found}
        if bare == key and " " not in key:
            # a one-word name written without the article its gazetteer name has ("Mallah"
            # for "Al-Mallah", "Huwayz" for "Al Huwayz"): the ranking weighs it by nearness
            for article in ARTICLES:
                for i in self._names.get(article + key, ()):
                    if i not in seen:
                        seen.add(i)
                        found.append(Candidate(self.places[i], (article + key, i) in
                                               self._curated, article_dropped=True))
        elif bare != key:
            # the same name under another article ("al-Rai" for "Ar Ra'i"), then without one
            for other in (*(a + bare for a in ARTICLES), bare):
                for i in self._names.get(other, ()):
                    if i not in seen:
                        seen.add(i)
                        found.append(Candidate(self.places[i], (other, i) in self._curated,
                                               article_dropped=other == bare))
        if found:  # the same name with its last word's ta marbuta written another way
            for other in _ending_forms(key):
                for i in self._names.get(other, ()):
                    if i not in seen:
                        seen.add(i)
                        found.append(Candidate(self.places[i], False, ending=True))
        return found

    def variants(self, surface: str) -> list[Candidate]:
        """Places whose name has the skeleton of ``surface`` (a transliteration variant)."""
        bones = skeleton(surface)
        if len(bones) < MIN_SKELETON:
            return []
        return [Candidate(self.places[i], False, variant=True)
                for i in self._skeletons.get(bones, ()) if self.in_region(self.places[i])]

    def close_variants(self, surface: str) -> list[Candidate]:
        """Places whose name has the ``close_form`` of ``surface``, for a name whose skeleton
        is too short to be evidence ("Uwayshiyyah" for "‘Uwayshīyah")."""
        close = close_form(surface)
        if len(close) < MIN_CLOSE:
            return []
        return [Candidate(self.places[i], False, variant=True)
                for i in self._skeletons.get(CLOSE_MARK + close, ())
                if self.in_region(self.places[i])]

    def in_region(self, place: Place) -> bool:
        known = self._in_region.get(place.id)
        if known is None:
            known = self.distance_km(place.lat, place.lon, *self.focus) <= self.focus_radius_km
            self._in_region[place.id] = known
        return known

    @staticmethod
    def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
        """Great-circle distance; the ranking needs speed more than geodesic precision."""
        p1, p2 = math.radians(lat1), math.radians(lat2)
        dp, dl = p2 - p1, math.radians(lon2 - lon1)
        a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
        return 6371.0088 * 2 * math.asin(min(1.0, math.sqrt(a)))

    def names_of(self, place_ids: set[str]) -> dict[str, list[str]]:
        """The name keys of the places ``place_ids``, each with those of them it names."""
        found: dict[str, list[str]] = {}
        for key, ids in self._names.items():
            mine = [i for i in ids if i in place_ids]
            if mine:
                found[key] = mine
        return found

    @staticmethod
    def nearest_km(lat: float, lon: float, others: Iterable[tuple[float, float]],
                   default: float | None = None) -> float | None:
        """``min(distance_km(lat, lon, *other) for other in others)``, ``default`` for none:
        one loop, with the first point's terms computed once (the same arithmetic as
        ``distance_km``, so the same figures).  The ranking asks it for every candidate."""
        p1 = math.radians(lat)
        cos_p1 = math.cos(p1)
        nearest = None
        for lat2, lon2 in others:
            p2 = math.radians(lat2)
            dp, dl = p2 - p1, math.radians(lon2 - lon)
            a = math.sin(dp / 2) ** 2 + cos_p1 * math.cos(p2) * math.sin(dl / 2) ** 2
            km = 6371.0088 * 2 * math.asin(min(1.0, math.sqrt(a)))
            if nearest is None or km < nearest:
                nearest = km
        return default if nearest is None else nearest

    @staticmethod
    def prepared(points: Iterable[tuple[str, float, float]],
                 ) -> list[tuple[str, float, float, float]]:
        """(id, latitude in radians, its cosine, longitude) of each (id, lat, lon): the
        terms of a point that ``nearest_prepared_km`` would otherwise compute at every ask."""
        return [(i, r, math.cos(r), lon) for i, lat, lon in points for r in (math.radians(lat),)]

    @staticmethod
    def nearest_prepared_km(lat: float, lon: float,
                            points: Iterable[tuple[str, float, float, float]],
                            skip: str = "") -> float | None:
        """``nearest_km`` of the ``prepared`` points other than the one whose id is ``skip``
        (the same arithmetic, so the same figures), None for none."""
        p1 = math.radians(lat)
        cos_p1 = math.cos(p1)
        nearest = None
        for i, p2, cos_p2, lon2 in points:
            if i == skip:
                continue
            dp, dl = p2 - p1, math.radians(lon2 - lon)
            a = math.sin(dp / 2) ** 2 + cos_p1 * cos_p2 * math.sin(dl / 2) ** 2
            km = 6371.0088 * 2 * math.asin(min(1.0, math.sqrt(a)))
            if nearest is None or km < nearest:
                nearest = km
        return nearest

    def regional_names(self) -> dict[str, list[str]]:
        """Name keys of places in the focus region (what a misspelling is matched against)."""
        return {k: ids for k, ids in self._names.items()
                if any(self.in_region(self.places[i]) for i in ids)}


def _index_into(table: dict[str, list[str]], keys: str, gid: str) -> None:
    for key in keys.split("|"):
        if not key:
            continue
        ids = table.get(key)
        if ids is None:
            table[key] = [gid]
        elif gid not in ids:
            ids.append(gid)


def _read_index(gazetteer: Gazetteer, path: Path) -> None:
    with gzip.open(path, "rt", encoding="utf-8", newline="") as handle:
        handle.readline()  # the stamp
        reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE, escapechar="\\")
        next(reader)
        names, skeletons, admin = gazetteer._names, gazetteer._skeletons, gazetteer.admin
        for (gid, name, kind, country, lat, lon, population, extent, area, source, keys,
             bones) in reader:
            gazetteer.places[gid] = Place(
                id=gid, name=name, kind=kind, country=country, lat=float(lat), lon=float(lon),
                gazetteer_id=gid, population=int(population or 0), source=source,
                extent_km=float(extent or 0.0))
            if area:
                admin[gid] = area
            _index_into(names, keys, gid)
            _index_into(skeletons, bones, gid)


def _read_supplement(gazetteer: Gazetteer, path: Path) -> None:
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if not row.get("id") or row["id"].startswith("#"):
                continue
            geometry = _parse_linestring(row.get("geometry") or "")
            place = Place(id=f"supplement:{row['id']}", name=row["name"], kind=row["kind"],
                          country=row["country"], lat=float(row["lat"]), lon=float(row["lon"]),
                          gazetteer_id=f"supplement:{row['id']}",
                          population=int(row.get("population") or 0), geometry=geometry,
                          source=f"curated row {row['id']}: {row.get('source', '')}",
                          extent_km=float(row.get("radius_km") or 0.0))
            names = [row["name"], *(a for a in (row.get("aliases") or "").split(";") if a.strip())]
            gazetteer.add(place, [*names, *head_spellings(row["kind"], names)], curated=True)


HILL_WORDS = frozenset({"tal", "tall", "tell", "tel"})  # Arabic tall, "hill", as written


def _add_hill_spellings(gazetteer: Gazetteer) -> None:
    """A name that opens with Tal/Tall/Tell/Tel is found under each of the four: the sources
    settled on one ("Tall `Ar") and the press writes another ("Tal-ar", "Tell Abyad")."""
    for key in [k for k in gazetteer._names if k.partition(" ")[0] in HILL_WORDS]:
        first, _, rest = key.partition(" ")
        if rest:
            for word in HILL_WORDS - {first}:
                for place_id in gazetteer._names[key]:
                    gazetteer.add_key(f"{word} {rest}", place_id)


MOUNT_WORDS = frozenset({"jabal", "jebel", "jabel", "jebal", "djebel", "jbel"})  # "mountain"


def _add_mountain_spellings(gazetteer: Gazetteer) -> None:
    """A name that opens with Jabal ("mountain") is found under each way the press writes
    the word ("Jebel Abdulaziz", "Djebel Bishri"), the curated rows' included."""
    for key in [k for k in gazetteer._names if k.partition(" ")[0] in MOUNT_WORDS]:
        first, _, rest = key.partition(" ")
        if rest:
            for word in MOUNT_WORDS - {first}:
                for place_id in gazetteer._names[key]:
                    gazetteer.add_key(f"{word} {rest}", place_id,
                                      curated=(key, place_id) in gazetteer._curated)


QUARTER_PREFIX = "quarter:"  # the ids of data/city_quarters.csv's places


def _read_quarters(gazetteer: Gazetteer, path: Path) -> None:
    """Quarters of cities (``data/city_quarters.csv``).  Their names are shared with villages
    and with other cities' quarters (al-Khalidiyah, al-Zahraa), so unlike the curated rows
    they earn no bonus: they rank as gazetteer names do, the nearest to the places the text
    names winning, so a text about Aleppo gets Aleppo's quarter and one about Homs not."""
    if not path.exists():
        return
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            gid = f"{QUARTER_PREFIX}{row['id']}"
            place = Place(id=gid, name=row["name"], kind=row["kind"], country="SY",
                          lat=float(row["lat"]), lon=float(row["lon"]), gazetteer_id=gid,
                          source=f"quarter of {row['city']} (data/city_quarters.csv): "
                                 f"{row['source']}")
            names = [row["name"], *(a for a in row["aliases"].split(";") if a.strip())]
            gazetteer.add(place, names)


def _read_aliases(gazetteer: Gazetteer, path: Path) -> None:
    """Spellings for indexed places; the ``place`` column is the name readers know it by; a
    row whose ``curated`` column says "no" is a spelling ranked like the source's own names.

    GeoNames' primary names are transliterations ("I‘zāz", "Ar Raqqah"); the map shows the
    English name a journalist would write ("Azaz", "Raqqa"), and keeps GeoNames' in ``source``.
    """
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            target = row["gazetteer_id"].strip()
            place = gazetteer.places.get(target)
            if place is None:
                continue
            # a village's spelling ("curated" = "no") earns no bonus: its namesakes elsewhere
            # stay in the running, and the nearest to the text's places wins
            gazetteer.add_name(row["alias"], target,
                               curated=(row.get("curated") or "yes").strip() != "no")
            shown = (row.get("place") or "").strip()
            if shown and shown != place.name:
                gazetteer.places[target] = replace(
                    place, name=shown, source=f"{place.source} ({place.name})")


@functools.cache
def load_gazetteer(
    index: Path = INDEX_PATH,
    supplement: Path = SUPPLEMENT_PATH,
    aliases: Path = ALIASES_PATH,
    quarters: Path = QUARTERS_PATH,
) -> Gazetteer:
    """The gazetteer, from the index; a missing or damaged index is rebuilt (said on stderr).

    Cached per process: the dashboard and the pipeline share one copy.
    """
    import sys

    if not index.exists():
        print(f"the gazetteer index {index} is missing; building it...", file=sys.stderr)
        build_index(index)
    gazetteer = Gazetteer()
    try:
        _read_index(gazetteer, index)
    except (OSError, EOFError, ValueError, csv.Error, StopIteration) as error:
        print(f"the gazetteer index {index} is damaged ({error}); rebuilding it...",
              file=sys.stderr)
        build_index(index)
        gazetteer = Gazetteer()
        _read_index(gazetteer, index)
    _add_hill_spellings(gazetteer)
    _read_supplement(gazetteer, supplement)
    _read_quarters(gazetteer, quarters)
    _read_aliases(gazetteer, aliases)
    _add_mountain_spellings(gazetteer)
    # Cached for the process's life: its million objects are moved out of the collector's
    # generations, so that a full collection while threads are read (one every few threads
    # of the 10k archive, half a second each) no longer walks them all (``gc.freeze``); the
    # spotter's look-up sets, which every geoparse builds on first use, with them.
    gazetteer.knows_prefix("")
    gazetteer.starters  # noqa: B018  (built here to be frozen)
    gc.freeze()
    return gazetteer
