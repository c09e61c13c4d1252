"""Holding told without a verb of holding (issue 12, recall): a side's headquarters in a
place, "X, which IS used as a headquarters", "X, which served as the IS headquarters": the
side held the place before the relative clause.

(Tried and dropped, as they gave no right claim on the held-out texts and lowered precision
there: "IS positions in and around X", "the remaining rebel forces in X", "IS forces in a
pocket of villages south of X".)

It is a control claim of the side at the place, written with made-up sentences in
``tests/test_claims_recall_classes.py``; the modality, negation and aim screens of the clause
reader's claims apply to them as well.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from geo.claims.results import Evidence

if TYPE_CHECKING:  # (the reader imports the module that imports this one)
    from geo.claims.reader import EntryReader
    from geo.records import ActorMention, Mention

READER = "presence"
# ", which IS used as a headquarters", ", which served as the IS headquarters".
HEADQUARTERS = re.compile(
    r",\s+(?:a\s+[\w\s-]{0,40}?\s+)?(?:which|that)\s+(?:(?:had\s+)?(?:long\s+)?)(?:"
    r"(?:served|serves|acted)\s+as\s+(?:(?:the|an?|its)\s+)?(?P<served>\S)|(?P<user>\S))",
    re.IGNORECASE)
USED_AS = re.compile(
    r"\s+(?:had\s+)?(?:used|uses|using)\s+(?:it\s+)?as\s+(?:(?:a|an|its|their|the)\s+)?"
    r"(?:[\w-]+\s+)?(?:headquarters|base|stronghold|command\s+cent(?:er|re))(?!\w)",
    re.IGNORECASE)
SERVED_AS = re.compile(r"(?:'s)?\s+(?:[\w-]+\s+)?(?:headquarters|base|stronghold|command\s+"
                       r"cent(?:er|re))(?!\w)", re.IGNORECASE)


def presence_claims(reader: EntryReader) -> None:
    """Control claims for a side's headquarters in a place."""
    for mention in reader.actors:
        place = _headquarters(reader, mention)
        if place is None:
            continue
        clause = reader._clause_at(mention.start)
        if any(c.actor == mention.actor and c.action == "control" and place.place in c.places
               and reader.sentence_of[c.id][0] == clause.sentence for c in reader.claims):
            continue
        reader._claim(clause, min(mention.start, place.start, clause.start), mention.actor,
                      "control", [place], (None, None),
                      Evidence(cue=(mention.start, mention.end), subject=mention,
                               reader=READER), acts=False)


def _headquarters(reader: EntryReader, mention: ActorMention) -> Mention | None:
    """The place before ", which IS used as a headquarters" or ", which served as the IS
    headquarters"."""
    text = reader.text
    clause = reader._clause_at(mention.start)
    lo = max(0, mention.start - 80)
    for match in HEADQUARTERS.finditer(text, lo, mention.end):
        user, served = match.start("user"), match.start("served")
        if not ((user == mention.start and USED_AS.match(text, mention.end)) or
                (served == mention.start and SERVED_AS.match(text, mention.end))):
            continue
        before = [m for m in reader._places_in(max(0, match.start() - 80), match.start() + 1,
                                               mention)
                  if m.start >= (clause.sentence_start)]
        if before:
            return before[-1]
    return None
