"""The other ways the press writes a curated feature's head word ("X air base" as "X military
airport", "the X river" as "the River X", "X crossing" as "X border crossing").

A curated row lists the spellings its author met; war reporting writes every air base with
each of the air words, every river with "River" before or after it, every crossing with or
without "border", every road between two towns as a road or a highway.  Each spelling of a
row is given the other heads of its kind here, so that the row, not the town its name opens
with, is what "the Tiyas airport" or "the River Khabur" finds.
"""

from __future__ import annotations

import re

__all__ = ["head_spellings"]

AIR_HEADS = ("air base", "airbase", "airport", "military airport", "airfield",
             "military airbase", "air field")
_AIR = re.compile(r"^(.+?)\s+(?:military\s+)?(?:air\s*base|airport|airfield|air field)$",
                  re.IGNORECASE)
_CROSSING = re.compile(r"^(.+?)\s+(?:border\s+)?crossing$", re.IGNORECASE)
_RIVER = re.compile(r"^(?:(?:the\s+)?river\s+(.+)|(.+?)\s+river)$", re.IGNORECASE)
_ROAD = re.compile(r"^(\S.*[\u2013-].*\S)\s+(?:road|highway)$", re.IGNORECASE)
_PLAIN = re.compile(r"^[A-Z][\w'\u2019-]*$")  # one word: "Euphrates", not "the Euphrates"


def head_spellings(kind: str, names: list[str]) -> list[str]:
    """Spellings of a curated row of ``kind`` with the other head words of that kind."""
    out: list[str] = []
    for name in names:
        name = name.strip()
        if kind == "facility" and (m := _AIR.match(name)):
            out += [f"{m.group(1)} {head}" for head in AIR_HEADS]
        elif kind == "crossing" and (m := _CROSSING.match(name)):
            out += [f"{m.group(1)} crossing", f"{m.group(1)} border crossing"]
        elif kind == "river" and (m := _RIVER.match(name)):
            base = m.group(1) or m.group(2)
            out += [f"{base} River", f"River {base}"]
        elif kind == "river" and _PLAIN.match(name):
            out += [f"{name} River", f"River {name}"]
        elif kind == "road" and (m := _ROAD.match(name)):
            out += [f"{m.group(1)} road", f"{m.group(1)} highway"]
    return [s for s in dict.fromkeys(out) if s not in names]
