"""The regional sources, one loader each, merged into ``data/regional_places.tsv.gz``.

    python -m geo sources ../shared/gazetteers

reads the originals (see each folder's README there) and writes the compact derived file the
project carries, so that a deployed app needs no ``../shared``:

* Who's On First admin records for Syria, Iraq and the Turkish border provinces: GeoNames
  populated places including the population-0 villages, with Arabic names and GeoNames
  romanisations; counties (districts) and regions (governorates) as regions with an extent;
* OCHA's Syrian communities: P-codes, OCHA spellings, the admin hierarchy; a community within
  3 km of a WOF locality of the same skeleton name is that locality (its P-code, spelling and
  admin area are added to it), else a place of its own; sub-districts (ADM3) as districts at
  the mean of their communities;
* air bases and airports of Syria, Iraq and the border from the ``airportsdata`` package.

Each row: ``id, name, kind, country, lat, lon, population, extent_km, admin, source, names``
(``admin`` is "governorate > district > sub-district"; ``names`` every usable spelling,
``|``-joined).  ``geo.gazetteer.index`` reads it.
"""

from __future__ import annotations

import csv
import gzip
import io
import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from geo.gazetteer.folding import skeleton
from geo.paths import REGIONAL_PATH

__all__ = ["RegionalPlace", "collect", "read_regional", "write_regional"]

COLUMNS = ["id", "name", "kind", "country", "lat", "lon", "population", "extent_km", "admin",
           "source", "names"]
WOF_FILES = ("whosonfirst-admin-sy/wof_admin_sy.tsv", "whosonfirst-admin-iq/wof_admin_iq.tsv",
             "whosonfirst-admin-tr-border/wof_admin_tr_border.tsv")
OCHA_FILE = "ocha-syr-pplp-adm4/ocha_syr_communities_20210113.csv"
# Turkey's airports near the border only (the rest of Turkey is not the region).
AIRPORT_BOX = {"SY": None, "IQ": None, "TR": (35.8, 38.2, 35.5, 42.5)}
_LATIN_OR_ARABIC = re.compile(
    r"^[A-Za-z\u00c0-\u024f\u1e00-\u1eff\u0600-\u06ff' `\u2018\u2019\u02bf\u02be\u02bb.\-()]+$")
_BRACKET = re.compile(r"\s*\(([^)]*)\)\s*$")


@dataclass(slots=True)
class RegionalPlace:
    id: str
    name: str
    kind: str
    country: str
    lat: float
    lon: float
    population: int = 0
    extent_km: float = 0.0
    admin: str = ""
    sources: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)

    def row(self) -> list[str]:
        names = sorted({n for n in self.names if n and n != self.name})
        return [self.id, self.name, self.kind, self.country, f"{self.lat:.5f}", f"{self.lon:.5f}",
                str(self.population), f"{self.extent_km:g}", self.admin, "; ".join(self.sources),
                "|".join(names)]


def _usable(name: str) -> bool:
    name = name.strip()
    return len(name) >= 3 and not any(c.isdigit() for c in name) and bool(
        _LATIN_OR_ARABIC.match(name)) and not (name.isupper() and len(name) <= 4)


def _split(value: str) -> list[str]:
    return [v.strip() for v in value.split("|") if _usable(v)]


def _kind(population: int, feature_code: str) -> str:
    """city (100,000 people), town (10,000, or the seat of a governorate, district or
    sub-district: GeoNames PPLA/PPLA2/PPLA3, most of them counted 0 people), village."""
    if population >= 100_000:
        return "city"
    if population >= 10_000 or feature_code in {"PPLA", "PPLA2", "PPLA3", "PPLC"}:
        return "town"
    return "village"


# -- Who's On First ------------------------------------------------------------------------


def load_wof(path: Path) -> Iterator[RegionalPlace]:
    """Localities, counties (districts) and regions (governorates) of one WOF flat file."""
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            kind = row["placetype"]
            if row["deprecated"] or row["superseded_by"] or kind not in {
                    "locality", "county", "region", "neighbourhood"}:
                continue
            names = [row["name"], row["name_gn"], *_split(row["names_eng"]),
                     *_split(row["names_ara"]), *_split(row["names_und_variant"]),
                     *_split(row["names_other_latin"])]
            population = int(row["gn_population"] or 0)
            base = row["names_eng"].split("|")[0].strip() or row["name"]
            if kind == "locality":
                place_kind, extent = _kind(population, row["gn_feature_code"]), 0.0
            elif kind == "neighbourhood":
                place_kind, extent = "district", 0.0  # a city quarter
            elif kind == "county":  # found by "X District" only: a bare X is the town
                place_kind, extent = "region", 20.0
                names = [f"{n} District" for n in (base, row["name"], row["name_gn"]) if n]
            else:
                place_kind, extent = "region", 60.0  # a governorate
                names = [f"{n} {w}" for n in (base, row["name"], row["name_gn"]) if n
                         for w in ("Governorate", "Province")]
            wof = f"WOF {row['wof_id']}"
            gid = f"geonames:{row['gn_id']}" if row["gn_id"] else f"wof:{row['wof_id']}"
            sources = [wof] + ([f"GeoNames {row['gn_id']}"] if row["gn_id"] else [])
            admin = " > ".join(x for x in (row["region"], row["county"]) if x)
            shown = row["name"] if kind == "locality" else names[0]  # "Menbij District"
            yield RegionalPlace(gid, shown, place_kind,
                                row["country"], float(row["lat"]), float(row["lon"]), population,
                                extent, admin, sources, [n for n in names if _usable(n)])


# -- OCHA ---------------------------------------------------------------------------------


def _ocha_names(value: str) -> list[str]:
    """'Qirata (Jarablus)' -> ['Qirata']; 'Toq - Toqli' -> ['Toq', 'Toqli']."""
    value = _BRACKET.sub("", value).strip()
    return [v.strip() for v in value.split(" - ") if _usable(v.strip())]


def load_ocha(path: Path) -> tuple[list[RegionalPlace], list[RegionalPlace]]:
    """(communities, sub-districts) of OCHA's Syrian populated places."""
    communities: list[RegionalPlace] = []
    subdistricts: dict[str, list[dict[str, str]]] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            names = _ocha_names(row["name_en"]) + _ocha_names(row["ref_name"]) + _ocha_names(
                row["alt1_en"]) + _ocha_names(row["alt2_en"])
            if not names:
                continue
            admin = " > ".join((row["adm1_en"], row["adm2_en"], row["adm3_en"]))
            communities.append(RegionalPlace(
                f"ocha:{row['pcode']}", names[0], "village", "SY", float(row["lat"]),
                float(row["lon"]), 0, 0.0, admin, [f"OCHA {row['pcode']}"], names))
            subdistricts.setdefault(row["adm3_pcode"], []).append(row)
    areas = []
    for pcode, rows in subdistricts.items():
        first = rows[0]
        lat = sum(float(r["lat"]) for r in rows) / len(rows)
        lon = sum(float(r["lon"]) for r in rows) / len(rows)
        name = first["adm3_en"]
        names = [f"{name} {w}" for w in ("Subdistrict", "Sub-district", "Nahiya")]
        names.append(f"{first['adm3_ar']}")
        areas.append(RegionalPlace(
            f"ocha:{pcode}", f"{name} Subdistrict", "region", "SY", lat, lon, 0, 12.0,
            f"{first['adm1_en']} > {first['adm2_en']}", [f"OCHA {pcode}"],
            [n for n in names if _usable(n)]))
    return communities, areas


# -- airportsdata ---------------------------------------------------------------------------


_AIR_WORDS = re.compile(r"\s+(?:International\s+)?(?:Air\s*Base|Airport|Airfield|Army Air Field|"
                        r"Air Field|Military Airport)$", re.IGNORECASE)


def load_airports() -> Iterator[RegionalPlace]:
    """Air bases and airports of the region, with the words war reporting writes after them."""
    import airportsdata

    for icao, airport in sorted(airportsdata.load("ICAO").items()):
        box = AIRPORT_BOX.get(airport["country"], False)
        if box is False or (box and not (box[0] <= airport["lat"] <= box[1]
                                         and box[2] <= airport["lon"] <= box[3])):
            continue
        name = airport["name"]
        base = _AIR_WORDS.sub("", name).strip()
        names = [name] + [f"{b} {w}" for b in {base, airport["city"]} if b and len(b) > 2
                          for w in ("Air Base", "airbase", "Airport", "military airport",
                                    "airfield", "Military Airbase", "International Airport")]
        yield RegionalPlace(f"icao:{icao}", name, "facility", airport["country"],
                            float(airport["lat"]), float(airport["lon"]), 0, 0.0,
                            airport["subd"], [f"airportsdata {icao}"], names)


# -- merging ---------------------------------------------------------------------------------


def _cell(lat: float, lon: float) -> tuple[int, int]:
    return math.floor(lat * 20), math.floor(lon * 20)  # ~5 km cells


def _near(grid: dict[tuple[int, int], list[RegionalPlace]], lat: float,
          lon: float) -> Iterator[RegionalPlace]:
    a, b = _cell(lat, lon)
    for da in (-1, 0, 1):
        for db in (-1, 0, 1):
            yield from grid.get((a + da, b + db), ())


def _km(a: RegionalPlace, lat: float, lon: float) -> float:
    dx = (a.lon - lon) * 111.0 * math.cos(math.radians(lat))
    return math.hypot((a.lat - lat) * 111.0, dx)


def merge(wof: Iterable[RegionalPlace], communities: Iterable[RegionalPlace],
          extra: Iterable[RegionalPlace]) -> list[RegionalPlace]:
    """WOF places, OCHA communities folded into the WOF locality they are, and the rest."""
    places: dict[str, RegionalPlace] = {}
    grid: dict[tuple[int, int], list[RegionalPlace]] = {}
    for place in wof:
        if place.id in places:  # the same GeoNames place twice: keep names of both
            places[place.id].names += place.names
            continue
        places[place.id] = place
        if place.kind in {"village", "town", "city"}:
            grid.setdefault(_cell(place.lat, place.lon), []).append(place)
    for community in communities:
        skeletons = {skeleton(n) for n in community.names} - {""}
        same = [p for p in _near(grid, community.lat, community.lon)
                if _km(p, community.lat, community.lon) <= 3.0
                and skeletons & {skeleton(n) for n in p.names}]
        if same:
            target = min(same, key=lambda p: _km(p, community.lat, community.lon))
            target.names += community.names
            target.sources += community.sources
            target.admin = community.admin  # OCHA's hierarchy is complete; WOF's is not
        else:
            places[community.id] = community
    _fill_admin(places.values(), communities)
    for place in extra:
        places[place.id] = place
    return list(places.values())


def _fill_admin(places: Iterable[RegionalPlace], communities: Iterable[RegionalPlace]) -> None:
    """A Syrian place without a sub-district takes that of the nearest OCHA community (10 km)."""
    grid: dict[tuple[int, int], list[RegionalPlace]] = {}
    for community in communities:
        grid.setdefault((int(community.lat * 10), int(community.lon * 10)), []).append(community)
    for place in places:
        if place.country != "SY" or place.admin.count(">") >= 2 or place.kind != "village":
            continue
        a, b = int(place.lat * 10), int(place.lon * 10)
        near = [c for da in (-1, 0, 1) for db in (-1, 0, 1) for c in grid.get((a + da, b + db), ())]
        if near:
            best = min(near, key=lambda c: _km(c, place.lat, place.lon))
            if _km(best, place.lat, place.lon) <= 10.0:
                place.admin = best.admin


def collect(folder: Path) -> list[RegionalPlace]:
    """Every regional place from the originals under ``folder`` (../shared/gazetteers)."""
    wof = [p for name in WOF_FILES for p in load_wof(folder / name)]
    communities, subdistricts = load_ocha(folder / OCHA_FILE)
    return merge(wof, communities, [*subdistricts, *load_airports()])


def write_regional(places: list[RegionalPlace], path: Path = REGIONAL_PATH) -> int:
    """The derived file, byte-identical for identical input (gzip without a time stamp)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE,
                        escapechar="\\")
    writer.writerow(COLUMNS)
    writer.writerows(p.row() for p in sorted(places, key=lambda p: p.id))
    tmp = path.with_suffix(".tmp")
    with tmp.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0,
                                              compresslevel=9) as out:
        out.write(buffer.getvalue().encode("utf-8"))
    tmp.replace(path)
    return len(places)


def read_regional(path: Path = REGIONAL_PATH) -> Iterator[dict[str, str]]:
    """Rows of the derived file as dicts (``names`` still ``|``-joined)."""
    with gzip.open(path, "rt", encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE,
                                  escapechar="\\")
