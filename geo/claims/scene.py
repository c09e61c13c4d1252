"""Where an attack told with no place happened: the scene of the account (issue 12, recall).

Battle accounts name the place once and then tell the fighting there without it: "On 3 May,
IS launched an assault on X. Two days later, IS attacked again, killing 14 soldiers."; "The
SDF advanced into X. IS responded with a wave of suicide car bombs."  An attack whose side is
named in its clause, in a sentence that names no place, took place where the latest claim of
the paragraph, in the sentence just before, was read (as a borrowed place, at the cue), when
that claim tells fighting (an attack, a capture, an advance, a siege, a defence).

Not when the sentence moves elsewhere ("Meanwhile", "elsewhere", "in the north", "on
another front"), nor from a claim whose own place was borrowed.  Written with made-up
sentences in ``tests/test_claims_scene.py``.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # (the reader imports the module that imports this one)
    from geo.claims.clauses import Clause
    from geo.claims.events import _Event
    from geo.claims.reader import EntryReader
    from geo.records import ActorMention, Mention

# How many sentences back the scene is looked for (two gave more wrong claims and a trap
# claim on the held-out texts).
SENTENCES_BACK = 1
ACTIONS = frozenset({"attack"})
# The claims that tell where fighting is (not a holding, a flight or forces sent).
SCENES = frozenset({"attack", "capture", "advance", "besiege", "defend"})
# Fighting has two sides and no agent of its own ("clashes", "fighting", "the battle").
FIGHTING = re.compile(r"(?:clash|fight|fought|battle|skirmish|firefight)", re.IGNORECASE)
# A cue that is a verb in the past ("attacked", "shelled", "struck").
VERB_CUE = re.compile(r"(?:ed|struck|hit)\Z", re.IGNORECASE)
# The side named as what was hit: "... were killed", "was targeted".
HIT = re.compile(r"(?<!\w)(?:is|are|was|were|been|being)\s+(?:\w+\s+)?(?:killed|wounded|"
                 r"injured|hit|struck|targeted|attacked|bombed|shelled|ambushed)(?!\w)",
                 re.IGNORECASE)
# A sentence that says it moves to another place.
ELSEWHERE = re.compile(
    r"(?<!\w)(?:meanwhile|elsewhere|in\s+the\s+meantime|on\s+(?:an)?other\s+fronts?|"
    r"in\s+the\s+(?:north|south|east|west)(?:-?(?:east|west))?(?:ern\s+\w+)?(?!\w)|"
    r"across\s+the\s+country|nationwide|(?:other|several|many)\s+(?:towns|villages|cities|"
    r"areas|fronts|places))", re.IGNORECASE)


def _acts(gap: str, cue: str) -> bool:
    """Whether the side before the cue does it: a verb's subject ("IS attacked again",
    "IS responded with car bombs"), not a noun's modifier ("the rebel counter-attack",
    "the Army's offensive") nor a side hit ("20 IS fighters were killed in airstrikes")."""
    if HIT.search(gap):
        return False
    return bool(gap.strip(" '’s")) or bool(VERB_CUE.search(cue))


def scene_places(reader: EntryReader, clause: Clause, event: _Event,
                 actor: ActorMention | None) -> list[Mention]:
    """The places of the latest claim of the paragraph, for an attack told with its side and
    no place in its sentence; as mentions at the cue."""
    cue = event.cues[0]
    if cue.action not in ACTIONS or actor is None or \
            not clause.start <= actor.start < clause.end:
        return []
    text = reader.text
    lo, hi = clause.sentence_start, clause.sentence_end
    if reader._places_in(lo, hi, None) or ELSEWHERE.search(text, lo, hi) or \
            FIGHTING.match(text, cue.start, cue.end) or actor.end > cue.start or \
            not _acts(text[actor.end: cue.start], text[cue.start: cue.end]):
        return []
    for claim in reversed(reader.claims):
        sentence, paragraph = reader.sentence_of.get(claim.id, (-1, -1))
        if claim.start >= clause.start or sentence == clause.sentence:
            continue
        if paragraph != clause.paragraph or sentence < clause.sentence - SENTENCES_BACK:
            return []
        evidence = reader.ctx.evidence.get(claim.id)
        if evidence is None or evidence.borrowed or not evidence.mentions or \
                claim.action not in SCENES:
            return []
        return [replace(m, entry=reader.entry_id, start=cue.start, end=cue.end,
                        surface=reader.text[cue.start: cue.end]) for m in evidence.mentions]
    return []
