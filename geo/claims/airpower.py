"""Who can strike from the air: an air strike told of a side that has no warplanes.

"Airstrikes killed 20 people in X", "intense airstrikes targeted X": when the reader gives
such a strike to a side with no aircraft (IS, the SDF, the rebels; their foes fly), it took
the side from the context, and that side is not who struck.  The claim is dropped, on both
paths (``traps.screen``).  The actors with an air force over Syria are listed, each with its
source, in ``data/air_forces.csv``; an actor not listed has none.
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache

from geo.paths import AIR_FORCES_PATH

# A strike from the air named by the cue or right before it ("Russian jets struck").
AIR_STRIKE = re.compile(
    r"(?<!\w)(?:air[\s-]?strikes?|air[\s-]?raids?|air\s+campaign|barrel[\s-]bombs?|"
    r"aerial\s+(?:bombardments?|bombings?|attacks?|strikes?))(?!\w)", re.IGNORECASE)
# (not an aircraft named before the cue: "a jet was shot down by IS" is IS's attack)
# At most one word between the noun of the air and the cue, and no stop.
_BEFORE_CUE = re.compile(r"\A\s+(?:[\w'-]+\s+)?\Z")


@lru_cache(maxsize=2)
def air_forces(path: str = str(AIR_FORCES_PATH)) -> frozenset[str]:
    """The actor ids of data/air_forces.csv."""
    with open(path, encoding="utf-8", newline="") as handle:
        return frozenset(row["actor"].strip() for row in csv.DictReader(handle)
                         if row.get("actor", "").strip())


def from_the_air(text: str, cue: tuple[int, int], floor: int = 0) -> bool:
    """Whether the cue is a strike from the air: a noun of it is the cue, or ends right
    before it ("airstrikes hit", "air raids killed")."""
    if AIR_STRIKE.search(text, cue[0], cue[1]):
        return True
    for match in AIR_STRIKE.finditer(text, max(floor, cue[0] - 30), cue[0]):
        if _BEFORE_CUE.match(text[match.end(): cue[0]]):
            return True
    return False


def grounded(actor: str, text: str, cue: tuple[int, int], floor: int = 0) -> bool:
    """Whether an attack at ``cue`` is a strike from the air given to an actor that has no
    air force."""
    return actor not in air_forces() and from_the_air(text, cue, floor)


__all__ = ["AIR_STRIKE", "air_forces", "from_the_air", "grounded"]
