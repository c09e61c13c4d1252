"""Name parts: a place name inside a person's or a unit's or a broadcaster's name.

- a kunya, "Abu Furat", "Umm Khalid": Abu/Umm/Ibn/Bin + a name is a person (when "Abu X"
  were itself a place, the spotter would have read the whole "Abu X");
- an armed unit, "Liwa al-Fatah", "Jaysh al-Islam", "Harakat Nour al-Din", "Firqat al-Hamza":
  the Arabic words for brigade, army, movement, division, battalion, companies + a name;
- a broadcaster or a brand, "France 24": a country's name directly followed by a number that
  counts nothing ("France 24 reported", not "Syria 5 km", not "Turkey 2015").
"""

from __future__ import annotations

import re

from geo.geoparse.spot import _previous_word, _Spot

# Capitalised in the text: "abu" in lower case is no kunya.
KUNYA = frozenset({"abu", "umm", "ibn", "bin", "bint"})
UNIT_WORDS = frozenset({"liwa", "liwaa", "jaysh", "jaish", "jeish", "harakat", "harakah",
                        "firqat", "firqa", "katibat", "kataib", "kata'ib", "alwiya", "alwiyat",
                        "saraya", "faylaq", "failaq", "tajamu", "jabhat"})
_COUNT_AFTER = re.compile(
    r"[ \t]+\d{1,3}\b(?![\d.,:/]|[ \t]*(?:%|km|kilomet|mi\b|miles|metres|meters|m\b|per\b|"
    r"percent|times|people|soldiers|fighters|civilians|killed|dead|wounded|hours?|days?|weeks?|"
    r"months?|years?))", re.I)


def name_part_reason(spot: _Spot) -> str | None:
    """Why a spot is part of a person's, a unit's or a broadcaster's name, or None."""
    text = spot.entry.text
    previous = _previous_word(text, spot.start)
    written = text[max(0, spot.start - len(previous) - 1):spot.start].strip()
    if previous in KUNYA and written[:1].isupper():
        return f"part of a person's name ({written} + name, a kunya)"
    if previous in UNIT_WORDS and written[:1].isupper():
        return f"part of an armed unit's name ({written} + name)"
    return _broadcaster(spot)


def _broadcaster(spot: _Spot) -> str | None:
    if not any(c.place.kind == "country" for c in spot.candidates):
        return None
    if _COUNT_AFTER.match(spot.entry.text, spot.end):
        return "a country's name with a number after it names a broadcaster or a brand"
    return None
