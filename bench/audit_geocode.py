"""A gold-free audit of namesake resolution: synthetic war reports about real OCHA villages.

    python bench/audit_geocode.py                 # 300 reports per variant, seed 20
    python bench/audit_geocode.py --reports 500 --seed 7 --errors 20
    python bench/audit_geocode.py --per-governorate 100 --variants none,district
    python bench/audit_geocode.py --governorate "Dar'a,Idleb" --reports 300

Syria has many villages of one name (a dozen called al-Zahraa); which one a text means is
told by the places named beside it.  This audit writes reports the way war texts name
places: an anchor community and three to five other communities within ``CLUSTER_KM`` of it
(their coordinates in OCHA's list are the truth), in sentences such as "Government forces
captured A, B and C, north of D."  Each report is geoparsed by the real pipeline
(``geo.thread.parse_thread`` then ``geo.geoparse.geoparse``), in four variants: no admin
context, the governorate named, the district named, and no admin context with the names
respelt as the English press does (``RESPELLINGS``: "Tal" for "Tall", "-iyeh" for "-iyah").
Names that have a namesake in the gazetteer are preferred (ranking only matters there), and
the figures are given separately for ambiguous and unique names.

For each variant it prints the names found, those geocoded within ``TOLERANCE_KM`` of the
truth, and the errors by class: a namesake elsewhere in Syria, a foreign place, or a fuzzy
or other match.  It prints figures and asserts nothing.

``--governorate`` draws the anchors from the named governorates only (OCHA spellings or any
the ranking's ``governorate_key`` folds to them: "Daraa", "Idlib", "Hama"), and
``--per-governorate N`` draws N reports from each governorate in turn, so that the
governorates with few villages (Quneitra, Dar'a, As-Sweida) are measured at all.  Each
variant's figures are also broken down by the governorate of the community named.
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

from geo.gazetteer import load_gazetteer, name_key  # noqa: E402
from geo.geoparse.admin import governorate_key  # noqa: E402
from geo.paths import REGIONAL_PATH  # noqa: E402

CLUSTER_KM = 15.0
TOLERANCE_KM = 5.0
VARIANTS = ("none", "governorate", "district", "respelt")
_PLAIN = re.compile(r"^[A-Z][A-Za-z' -]+$")
FORCES = ("Government forces", "The Syrian Army", "Rebels", "The SDF", "ISIL fighters",
          "Turkish-backed rebels", "Pro-government militias", "The Tiger Forces")
DIRECTIONS = ("north", "south", "east", "west", "northeast", "northwest", "southeast",
              "southwest")

# {X} a list of names, {A} {B} ... single names, {F} a force, {D} a direction, {Z} the admin
# phrase (may be empty).  Each template names every place given to it.
TEMPLATES = (
    "{F} captured {X}, {D} of {A}{Z}.",
    "Clashes continued near {X}{Z}.",
    "{F} took {A} after {X} fell.",
    "{F} advanced from {A} towards {X}{Z}.",
    "Heavy shelling was reported on {X}, on the road to {A}{Z}.",
    "After the fall of {A}, {F} moved on {X}.",
    "Airstrikes hit {X}, a few kilometres {D} of {A}{Z}.",
    "{F} launched an offensive on {A}{Z}, seizing {X} within two days.",
    "Fighting broke out in {A} and spread to {X}.",
    "On 3 May, {F} regained control of {X}{Z}; the next day they entered {A}.",
)


@dataclass(frozen=True, slots=True)
class Community:
    id: str
    name: str
    lat: float
    lon: float
    governorate: str
    district: str


def communities() -> list[Community]:
    """OCHA's Syrian communities as the shipped regional file carries them (OCHA P-code in
    the source column): one name each, the one the gazetteer indexes."""
    found = []
    with gzip.open(REGIONAL_PATH, "rt", encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            if row["country"] != "SY" or "OCHA C" not in row["source"]:
                continue
            if row["kind"] not in {"village", "town"} or not _PLAIN.match(row["name"]):
                continue
            admin = row["admin"].split(" > ")
            if len(admin) < 2:
                continue
            found.append(Community(row["id"], row["name"], float(row["lat"]),
                                   float(row["lon"]), admin[0], admin[1]))
    return found


# How the English press respells the gazetteer's transliterations (one each, at random).
RESPELLINGS = ((r"iyah\b", "iyeh"), (r"\bTall\b", "Tal"), (r"\bAyn\b", "Ain"),
               (r"\bKhirbat\b", "Khirbet"), (r"\bKafr\b", "Kfar"), (r"ah\b", "a"),
               (r"\bUmm\b", "Um"), (r"ay", "ei"), (r"\bAbu\b", "Abou"), (r"q", "k"))


def written(name: str, rng: random.Random, respell: bool = False) -> str:
    """The name as a war text might write it: "Al Hurriyah" also as "al-Hurriyah"; with
    ``respell``, one of the press's ``RESPELLINGS`` where one applies."""
    if respell:
        rules = [(a, b) for a, b in RESPELLINGS if re.search(a, name)]
        if rules:
            a, b = rng.choice(rules)
            name = re.sub(a, b, name, count=1)
    words = name.split(" ", 1)
    if len(words) == 2 and words[0] in {"Al", "Ad", "Ar", "As", "Ash", "At", "Az", "An",
                                         "Adh", "Ath", "Aş", "El"} and rng.random() < 0.5:
        return f"al-{words[1]}"
    return name


class Audit:
    def __init__(self, gazetteer, places: list[Community]):
        self.gazetteer = gazetteer
        self.places = places
        self.ambiguous: dict[str, bool] = {}
        cells: dict[tuple[int, int], list[Community]] = {}
        for c in places:
            cells.setdefault((int(c.lat * 10), int(c.lon * 10)), []).append(c)
        self.cells = cells
        usable = [c for c in places if self._usable(c)]
        self.usable = usable
        self.ambiguous_pool = [c for c in usable if self.ambiguous[c.id]]

    def _usable(self, c: Community) -> bool:
        """Whether the gazetteer finds the community by its name (else the audit measures
        spotting, not ranking); records whether the name has a namesake > 5 km away."""
        found = self.gazetteer.candidates(c.name)
        g = self.gazetteer
        if not any(g.distance_km(x.place.lat, x.place.lon, c.lat, c.lon) <= TOLERANCE_KM
                   for x in found):
            return False
        self.ambiguous[c.id] = any(
            g.distance_km(x.place.lat, x.place.lon, c.lat, c.lon) > TOLERANCE_KM for x in found)
        return True

    def neighbours(self, anchor: Community) -> list[Community]:
        a, b = int(anchor.lat * 10), int(anchor.lon * 10)
        near = []
        for da in range(-2, 3):
            for db in range(-2, 3):
                for c in self.cells.get((a + da, b + db), ()):
                    if (c.id != anchor.id and c.id in self.ambiguous and name_key(c.name)
                            != name_key(anchor.name) and self.gazetteer.distance_km(
                                c.lat, c.lon, anchor.lat, anchor.lon) <= CLUSTER_KM):
                        near.append(c)
        return near

    def report(self, rng: random.Random, governorates: frozenset[str] = frozenset()
               ) -> tuple[list[Community], str, Community] | None:
        pool = self.ambiguous_pool if rng.random() < 0.7 else self.usable
        if governorates:
            pool = [c for c in pool if governorate_key(c.governorate) in governorates]
            if not pool:
                return None
        anchor = rng.choice(pool)
        near = self.neighbours(anchor)
        if len(near) < 3:
            return None
        near.sort(key=lambda c: (not self.ambiguous[c.id], rng.random()))
        chosen, names = [], {name_key(anchor.name)}
        for c in near[:8]:  # the ambiguous first, in random order
            if name_key(c.name) not in names and len(chosen) < rng.randint(3, 5):
                chosen.append(c)
                names.add(name_key(c.name))
        if len(chosen) < 3:
            return None
        return [anchor, *chosen], rng.choice(TEMPLATES), anchor


def fill(template: str, group: list[Community], variant: str, rng: random.Random
         ) -> tuple[str, list[tuple[str, Community]]]:
    """The sentence, and the names it writes with the community each stands for."""
    anchor, others = group[0], group[1:]
    shown = [(written(c.name, rng, variant == "respelt"), c) for c in group]
    listed = [s for s, _ in shown[1:]]
    x = listed[0] if len(listed) == 1 else ", ".join(listed[:-1]) + " and " + listed[-1]
    z = ""
    if variant == "governorate":
        z = rng.choice((f" in {anchor.governorate} Governorate",
                        f" in the {anchor.governorate} countryside",
                        f" in {anchor.governorate} province"))
    elif variant == "district":
        z = f" in the {anchor.district} District"
    text = template.format(F=rng.choice(FORCES), D=rng.choice(DIRECTIONS), A=shown[0][0], X=x,
                           Z=z)
    if "{Z}" not in template and variant in {"governorate", "district"}:
        text += (f" The area lies in {anchor.governorate} Governorate." if variant ==
                 "governorate" else f" The area lies in the {anchor.district} District.")
    del others
    return text, shown


def draw(audit: Audit, rng: random.Random, reports: int, governorates: list[frozenset[str]]
         ) -> list[tuple[list[Community], str, Community]]:
    """``reports`` reports for each set of governorates (one set: all, when empty)."""
    groups = []
    for chosen in governorates or [frozenset()]:
        made_here, tries = 0, 0
        while made_here < reports and tries < reports * 200:
            tries += 1
            made = audit.report(rng, chosen)
            if made is not None:
                groups.append(made)
                made_here += 1
    return groups


def run(audit: Audit, groups: list, seed: int, show_errors: int,
        variants: tuple[str, ...] = VARIANTS) -> None:
    from geo.factions import load_lexicon
    from geo.geoparse import geoparse
    from geo.thread import parse_thread

    aliases = [a.text for a in load_lexicon().aliases]
    g = audit.gazetteer
    for variant in variants:
        vrng = random.Random(seed * 31 + VARIANTS.index(variant))
        counts = {kind: Counter() for kind in ("ambiguous", "unique")}
        by_area: dict[str, Counter] = {}
        examples: list[str] = []
        for group, template, _ in groups:
            text, shown = fill(template, group, variant, vrng)
            thread = parse_thread(text, source="audit", strict=False)
            result = geoparse(thread.entries, g, actor_aliases=aliases)
            offset = {e.id: e.start for e in thread.entries}
            mentions = [(offset[m.entry] + m.start, offset[m.entry] + m.end, m)
                        for m in result.mentions]
            for surface, c in shown:
                kind = "ambiguous" if audit.ambiguous[c.id] else "unique"
                tally = counts[kind]
                area = by_area.setdefault(c.governorate, Counter())
                area["names"] += 1
                tally["names"] += 1
                found_at = re.search(r"(?<![\w-])" + re.escape(surface) + r"(?![\w-])", text)
                at = found_at.start() if found_at else text.find(surface)
                hits = [m for s, e, m in mentions if s < at + len(surface) and at < e]
                if not hits:
                    tally["missed"] += 1
                    continue
                tally["found"] += 1
                area["found"] += 1
                place = result.places[hits[0].place]
                km = g.distance_km(place.lat, place.lon, c.lat, c.lon)
                if km <= TOLERANCE_KM:
                    tally["within"] += 1
                    area["within"] += 1
                    continue
                if place.country != "SY":
                    why = "foreign"
                elif any(x.place.id == place.id for x in g.candidates(surface)):
                    why = "namesake"
                else:
                    why = "fuzzy/other"
                tally[why] += 1
                area[why] += 1
                if len(examples) < show_errors:
                    examples.append(f"    {why}: {surface!r} -> {place.name} ({place.country}) "
                                    f"{km:.0f} km off | {text}")
        print(f"[admin context: {variant}]")
        for kind, tally in counts.items():
            found = tally["found"] or 1
            print(f"  {kind:9s} names {tally['names']:4d}  found {tally['found']:4d}  "
                  f"within {TOLERANCE_KM:.0f} km {tally['within']:4d} "
                  f"({tally['within'] / found:.3f})  errors: namesake {tally['namesake']}, "
                  f"foreign {tally['foreign']}, fuzzy/other {tally['fuzzy/other']}")
        print_areas(by_area)
        print("\n".join(examples))


def print_areas(by_area: dict[str, Counter]) -> None:
    """One line per governorate of the communities named, the weakest first."""
    rows = sorted(by_area.items(), key=lambda kv: kv[1]["within"] / (kv[1]["found"] or 1))
    for name, t in rows:
        found = t["found"] or 1
        print(f"    {name:15s} names {t['names']:4d}  found {t['found']:4d} "
              f"({t['found'] / (t['names'] or 1):.3f})  within {t['within']:4d} "
              f"({t['within'] / found:.3f})  namesake {t['namesake']}, "
              f"foreign {t['foreign']}, fuzzy/other {t['fuzzy/other']}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--reports", type=int, default=300)
    parser.add_argument("--seed", type=int, default=20)
    parser.add_argument("--errors", type=int, default=0, help="print this many errors")
    parser.add_argument("--governorate", default="",
                        help="comma-separated governorates to draw anchors from")
    parser.add_argument("--per-governorate", type=int, default=0,
                        help="draw this many reports from each governorate in turn")
    parser.add_argument("--variants", default=",".join(VARIANTS),
                        help="comma-separated variants to run (" + ", ".join(VARIANTS) + ")")
    options = parser.parse_args(argv)
    from geo.gazetteer import ensure_index

    ensure_index()
    gazetteer = load_gazetteer()
    audit = Audit(gazetteer, communities())
    wanted = [frozenset({governorate_key(n.strip())}) for n in options.governorate.split(",")
              if n.strip()]
    reports = options.reports
    if options.per_governorate:
        keys = wanted or [frozenset({governorate_key(c.governorate)}) for c in audit.usable]
        wanted, reports = sorted(set(keys), key=sorted), options.per_governorate
    elif wanted:
        wanted = [frozenset().union(*wanted)]
    groups = draw(audit, random.Random(options.seed), reports, wanted)
    print(f"{len(audit.usable)} OCHA communities found by name, "
          f"{len(audit.ambiguous_pool)} of them with a namesake; {len(groups)} reports, "
          f"seed {options.seed}")
    variants = tuple(v.strip() for v in options.variants.split(",") if v.strip() in VARIANTS)
    run(audit, groups, options.seed, options.errors, variants)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
