"""The side that gave a place up by agreement: "the rebels surrendered X to the Army", "the
rebels handed the town over to the Army".

The clause reader gives such a sentence one claim, the taker's capture (the side after "to",
``topic``'s FALLEN).  The giver, named as the subject of a verb of handing over, left the place
by its own act: a surrender or hand-over (ACLED's "non-violent transfer of territory") has two
sides, the one that gains the place and the one that hands it over.  Here each such capture
whose subject is an actor of another side gets that side's withdrawal from the same places,
read from the same words.  A place *lost* to a side stays the winner's capture only (agents.py:
the loser of a fight is told by the capture).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from geo.claims.agents import patient
from geo.claims.patterns import HANDING_OVER
from geo.claims.results import Evidence

if TYPE_CHECKING:
    from geo.claims.reader import EntryReader

# The verbs of handing a place over (patterns.GIVING_UP without "lose").
HANDING = re.compile(rf"(?:{HANDING_OVER})(?!\w)", re.IGNORECASE)


def given_up_claims(reader: EntryReader) -> None:
    """Add to ``reader.claims`` the withdrawal of each side that gave up a place another
    side's capture claim stands on (see the module docstring)."""
    side_of = reader.ctx.lexicon.side_of
    for claim in list(reader.claims):
        evidence = reader.ctx.evidence.get(claim.id)
        if claim.action != "capture" or evidence is None or evidence.reader or \
                not evidence.mentions or not HANDING.match(reader.text, evidence.cue[0]):
            continue
        clause = reader._clause_at(evidence.cue[0])
        giver = _giver(reader, clause.sentence_start, evidence.cue)
        if giver is None or side_of(giver.actor) == side_of(claim.actor):
            continue
        if any(c.actor == giver.actor and c.action == "withdraw" and c.start == claim.start
               for c in reader.claims):
            continue
        reader._claim(clause, claim.start, giver.actor, "withdraw", list(evidence.mentions),
                      (evidence.mentions[0], None),
                      Evidence(cue=evidence.cue, subject=giver, reader="given up"),
                      acts=False)


def _giver(reader: EntryReader, lo: int, cue: tuple[int, int]):
    """The actor named as the subject right before the verb of giving up, if any."""
    before = [m for m in reader.actors if lo <= m.start and m.end <= cue[0]]
    if not before:
        return None
    last = before[-1]
    return last if patient(reader.text, last, cue[0], cue[1], "capture") else None


__all__ = ["given_up_claims"]
