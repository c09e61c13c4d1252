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
# An oil or gas field ("the Jazal oil field", "Jazal field", "the Jazal oilfield"), a pumping
# station ("the T-3 pumping station", "T3 station"), a mountain ("Jabal X", "Mount X", "the X
# mountains"): each written with the other heads of its kind.
_GOVERNORATE = re.compile(r"^(?:the\s+)?(?:Al-)?(.+?)\s+(?:Governorate|Province)$",
                         re.IGNORECASE)
_FIELD = re.compile(r"^(.+?)\s+(?:(?:oil|gas)\s+fields?|oilfields?|gasfields?)$", re.IGNORECASE)
FIELD_HEADS = ("oil field", "gas field", "field", "oilfield", "oil fields", "gas fields",
               "fields")
_STATION = re.compile(r"^(.+?)\s+(?:pumping\s+)?station$", re.IGNORECASE)
_MOUNT = re.compile(r"^(?:Jabal|Jebel|Mount)\s+(?:(?:al|el|ash|as|at|ad|ar|an|az)-)?"
                    r"([A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*)?)$")
MOUNT_HEADS = ("mountain", "mountains", "Mountain", "Mountains", "mountain range")


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
        elif kind == "region" and (m := _GOVERNORATE.match(name)):
            out += [f"{m.group(1)} countryside"]  # "the Homs countryside" (Arabic "Rif Homs")
        elif kind == "facility" and (m := _FIELD.match(name)):
            out += [f"{m.group(1)} {head}" for head in FIELD_HEADS]
        elif kind == "facility" and (m := _STATION.match(name)):
            out += [f"{m.group(1)} station", f"{m.group(1)} pumping station"]
        elif kind == "hill" and (m := _MOUNT.match(name)):
            out += [f"Mount {m.group(1)}", *(f"{m.group(1)} {head}" for head in MOUNT_HEADS)]
    return [s for s in dict.fromkeys(out) if s not in names]
