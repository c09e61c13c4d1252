"""A gold-free audit of named features, regions and quarters: the curated rows in war reports.

    python bench/audit_features.py                # every row, every form, seed 20
    python bench/audit_features.py --errors 30    # and that many errors

``bench/audit_geocode.py`` audits villages; this one audits the other kinds of place, where a
wrong answer is usually the town inside the feature's name ("Tabqa" in "the Tabqa Dam") or a
wrong centre for a region.  Every curated row of ``data/gazetteer_supplement.csv`` (dams,
air bases, rivers, lakes, hills, roads, crossings, regions, quarters, other facilities),
every quarter of ``data/city_quarters.csv`` and every air base or airport the
``airportsdata`` package gives for the region (the ``icao:`` rows of the regional file) is
written the way texts name such a place ("the X Dam", "X airbase", "X Air Base", "X military
airport", "the X river", "the X", "the X-Y road", "X border crossing", "the X district of Y",
"northern X province", "the X oil field", "the X field", "X oilfield", "the T-3 pumping
station", "T3", "Jabal X", "Mount X", "the X mountains", lower and title case) into war-report
sentences, and geoparsed by the real pipeline (``tests/geoparse_text.py``'s way).  Per kind it
prints how many forms resolve to the row (or within its tolerance: 5 km for quarters, 25 km
for features, a region's own radius), to a settlement elsewhere (most often the town the
feature is named after), to another place, or to nothing.  It prints figures and asserts nothing.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import random
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from geo.paths import REGIONAL_PATH  # noqa: E402

DATA = ROOT / "data"
SETTLEMENTS = frozenset({"city", "town", "village", "quarter", "district"})
FORCES = ("Government forces", "The Syrian Army", "Rebels", "The SDF", "ISIL fighters",
          "Turkish-backed rebels", "Coalition aircraft")
# {F} a force, {P} the place as written.  A sentence may open with {P} (capitalised).
TEMPLATES = (
    "{F} captured {P} on 3 May.",
    "Heavy clashes were reported near {P}.",
    "Airstrikes hit {P} overnight, activists said.",
    "{F} advanced towards {P} after a week of fighting.",
    "{P} came under heavy shelling on Tuesday.",
    "On 12 June, {F} took control of {P}.",
)
_AIR = re.compile(r"\s+(?:International\s+)?(?:Air\s*Base|airbase|Airport|Airfield|Army Air "
                  r"Field|Military Airport)$", re.IGNORECASE)
_CROSSING = re.compile(r"\s+(?:border\s+)?crossing$", re.IGNORECASE)
_PROVINCE = re.compile(r"^(?:Al-)?(.+?)\s+(?:Governorate|Province)$")
_FIELD = re.compile(r"^(.+?)\s+(?:oil|gas)\s+fields?$", re.IGNORECASE)
_STATION = re.compile(r"^(.+?)\s+pumping\s+station$", re.IGNORECASE)
_MOUNT = re.compile(r"^(?:Jabal|Jebel|Mount)\s+([A-Z][\w'\u2019-]*)$")  # one word: "Jabal Amour"


@dataclass(frozen=True, slots=True)
class Row:
    """One curated place: the gazetteer id that is right, its kind, point and tolerance, and
    the forms a text writes it in, each as (before, name, after): the name is the span
    whose mention is judged."""
    id: str
    kind: str
    lat: float
    lon: float
    tolerance: float
    forms: tuple[tuple[str, str, str], ...]


def _cases(before: str, name: str, heads: tuple[str, ...]) -> list[tuple[str, str, str]]:
    """``name`` + each head, in lower and title case ("X dam", "X Dam")."""
    out = []
    for head in heads:
        for h in {head, head.lower(), head.title()}:
            out.append((before, f"{name} {h}", ""))
    return out


def air_forms(base: str) -> list[tuple[str, str, str]]:
    return [*_cases("", base, ("air base", "airbase", "military airport")),
            ("the ", f"{base} airport", ""), ("the ", f"{base} airfield", ""),
            ("", f"{base} military airbase", "")]


def supplement_forms(row: dict[str, str]) -> tuple[str, list[tuple[str, str, str]]]:
    """The audit's kind of a supplement row and the forms a text writes it in."""
    name, kind = row["name"], row["kind"]
    if kind == "facility" and _AIR.search(name):
        return "air base", air_forms(_AIR.sub("", name))
    if kind == "dam":
        base = re.sub(r"\s+Dam$", "", name)
        return "dam", [("the ", name, ""), *_cases("the ", base, ("dam",))]
    if kind == "river":
        return "river", [("the ", name, ""), *_cases("the ", name, ("river",)),
                         ("the River ", name, "")]
    if kind == "crossing" and _CROSSING.search(name):
        base = _CROSSING.sub("", name)
        return "crossing", [*_cases("the ", base, ("border crossing", "crossing")),
                            ("", f"{base} border crossing", "")]
    if kind == "road" and re.search(r"[\u2013-]", name):
        a, b = re.split(r"\s*[\u2013-]\s*", re.sub(r"\s+(?:road|highway)$", "", name))[:2]
        return "road", [("the ", f"{a}\u2013{b} road", ""), ("the ", f"{a}-{b} road", ""),
                        ("the ", f"{a}-{b} highway", ""), ("the ", f"{b}-{a} road", "")]
    if kind == "region" and (m := _PROVINCE.match(name)):
        base = m.group(1)
        forms = [*_cases("", base, ("province", "governorate")),
                 ("northern ", f"{base} province", "")]
        if row["country"] == "SY":  # "the Aleppo countryside": Syrian usage
            forms.append(("the ", f"{base} countryside", ""))
        return "governorate", forms
    if kind == "district":
        return "quarter", quarter_forms(name, "Aleppo")
    if kind in {"village", "town"}:
        return "", []
    if kind == "facility" and (m := _FIELD.match(name)):
        return "oil/gas field", field_forms(m.group(1))
    if kind == "facility" and (m := _STATION.match(name)):
        base = m.group(1)
        return "station", [("the ", f"{base} pumping station", ""), ("the ", f"{base} station", ""),
                           ("", base.replace("-", ""), "")]
    if kind == "hill" and (m := _MOUNT.match(name)):
        return "mountain", mount_forms(name, m.group(1))
    the = f"the {name}" in row["aliases"].split(";")  # "the Levant", "the Ghouta"
    forms = [("the " if the else "", name, "")]
    if kind == "region" and not the:
        forms.append(("northern ", name, ""))
    return kind, forms


def field_forms(base: str) -> list[tuple[str, str, str]]:
    """An oil or gas field as reports write it ("the Jazal oil field", "al-Jazal field")."""
    return [*_cases("the ", base, ("oil field", "gas field")), ("the ", f"{base} field", ""),
            ("", f"{base} oilfield", ""), ("the ", f"{base} oil fields", ""),
            ("the ", f"al-{base} field", "")]


def mount_forms(name: str, base: str) -> list[tuple[str, str, str]]:
    """A mountain as reports write it ("Jabal Amour", "Mount Amour", "the Amour mountains")."""
    return [("", name, ""), ("", f"Mount {base}", ""), ("the ", f"{base} mountains", ""),
            ("the ", f"{base} Mountains", ""), ("", f"Jebel {base}", "")]


def quarter_forms(name: str, city: str) -> list[tuple[str, str, str]]:
    name = re.sub(r"\s*\(.*?\)", "", name)  # "al-Zahraa (Aleppo)"
    bare = re.sub(r"^(?:al|Al|el)-", "", name)
    return [("the ", name, f" district of {city}"), ("the ", name, f" neighbourhood of {city}"),
            (f"{city}'s ", name, " district"), ("the ", bare, f" quarter of {city}"),
            ("", name, f", in {city},")]


def _float(row: dict[str, str], key: str, default: float) -> float:
    return float(row.get(key) or default)


def rows() -> list[Row]:
    """Every curated row of the supplement and the quarters, and the air bases of the
    regional file (airportsdata)."""
    found: list[Row] = []
    with (DATA / "gazetteer_supplement.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            kind, forms = supplement_forms(row)
            if forms:
                tolerance = 5.0 if kind == "quarter" else max(
                    25.0, _float(row, "radius_km", 0.0))
                found.append(Row(f"supplement:{row['id']}", kind, float(row["lat"]),
                                 float(row["lon"]), tolerance, tuple(forms)))
    with (DATA / "city_quarters.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            forms = quarter_forms(row["name"], row["city"]) if row["kind"] == "district" else [
                ("the ", row["name"], f" in {row['city']}")]
            found.append(Row(f"quarter:{row['id']}", "quarter" if row["kind"] == "district"
                             else "facility", float(row["lat"]), float(row["lon"]),
                             5.0 if row["kind"] == "district" else 25.0, tuple(forms)))
    with gzip.open(REGIONAL_PATH, "rt", encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            if row["id"].startswith("icao:"):
                found.append(Row(row["id"], f"air base ({row['country']})", float(row["lat"]),
                                 float(row["lon"]), 25.0,
                                 tuple(air_forms(_AIR.sub("", row["name"]).strip()))))
    return found


def judge(gazetteer, row: Row, text: str, at: int, length: int) -> tuple[str, str]:
    """How the name at ``text[at:at+length]`` resolved: right, settlement, other, nothing."""
    from tests.geoparse_text import geoparse_text

    result = geoparse_text(gazetteer, text)
    hits = [m for m in result.mentions if m.start < at + length and at < m.end]
    if not hits:
        return "nothing", ""
    best = max(hits, key=lambda m: m.end - m.start)
    place = result.places[best.place]
    km = gazetteer.distance_km(place.lat, place.lon, row.lat, row.lon)
    shown = f"{text[best.start:best.end]!r} -> {place.name} ({place.kind}) {km:.0f} km off"
    if place.id == row.id or km <= row.tolerance:
        return "right", shown
    return ("settlement" if place.kind in SETTLEMENTS else "other"), shown


def run(gazetteer, found: list[Row], seed: int, show_errors: int) -> None:
    rng = random.Random(seed)
    counts: dict[str, Counter] = {}
    examples: list[str] = []
    for row in found:
        for before, name, after in row.forms:
            template = rng.choice(TEMPLATES)
            phrase = before + name + after
            opening = template.startswith("{P}")
            if opening:
                phrase = phrase[0].upper() + phrase[1:]
            text = template.format(F=rng.choice(FORCES), P=phrase)
            at = text.index(phrase) + len(before)
            why, shown = judge(gazetteer, row, text, at, len(name))
            tally = counts.setdefault(row.kind, Counter())
            tally["forms"] += 1
            tally[why] += 1
            if why != "right" and len(examples) < show_errors:
                examples.append(f"    {row.kind} {why}: {shown or name!r} | {text}")
    total = Counter()
    for kind in sorted(counts):
        total.update(counts[kind])
        _line(kind, counts[kind])
    _line("ALL", total)
    print("\n".join(examples))


def _line(kind: str, tally: Counter) -> None:
    forms = tally["forms"] or 1
    print(f"  {kind:16s} forms {tally['forms']:4d}  right {tally['right']:4d} "
          f"({tally['right'] / forms:.3f})  settlement {tally['settlement']:3d}  "
          f"other {tally['other']:3d}  nothing {tally['nothing']:3d}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seed", type=int, default=20)
    parser.add_argument("--errors", type=int, default=0, help="print this many errors")
    parser.add_argument("--kind", default="", help="only rows of this kind")
    options = parser.parse_args(argv)
    from geo.gazetteer import ensure_index, load_gazetteer

    ensure_index()
    found = [r for r in rows() if not options.kind or r.kind.startswith(options.kind)]
    print(f"{len(found)} curated rows, {sum(len(r.forms) for r in found)} forms, "
          f"seed {options.seed}")
    run(load_gazetteer(), found, options.seed, options.errors)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
