"""Holding told by a noun with its holder after it (issue 12, recall):

* **under the control of**: "X remained under the control of IS", "X is under the full
  control of the SDF": the side holds the place named before the phrase;
* **in the hands of**: "X is still in the hands of the rebels"; **was in control of**: "the
  town was in control of the Army" (a place, no side, before it);
* **a stronghold of**: "X, a stronghold of the rebels, ...": the side holds the place the
  apposition describes (not "a former stronghold").

A change of hands told the same way ("X came under the control of the SDF", "X fell into
the hands of IS", "X was brought under the control of the Army") is a capture.  The place is
the last one named before the phrase in its clause, with no other side named between (so
"the SDF took X from IS, under the control of ..." is not read across "IS").  A sentence
that already holds a claim of the side at that place gets none more.

Each is written with made-up sentences in ``tests/test_claims_holders.py``; like the claims
of ``geo/claims/presence.py`` (whose reader name they share: a noun, no verb to parse) the
modality, negation and aim screens of the clause reader apply to them.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from geo.claims.presence import READER
from geo.claims.results import Evidence

if TYPE_CHECKING:  # (the reader imports the module that imports this one)
    from geo.claims.reader import EntryReader
    from geo.records import ActorMention, Mention

_FULL = r"(?:(?:full|complete|total|effective|direct|sole|firm|exclusive|nominal)\s+)?"
# The phrase right before the holder's name.
HOLDER_PHRASE = re.compile(
    # ("under control ISIL": a list's or a table's shorthand drops the "of")
    rf"(?:(?<!\w)under\s+(?:the\s+)?{_FULL}control(?:\s+of)?"
    # "the town was in control of the Army": a place in the control of a side (no side is
    # named between the place and the phrase, so "the rebels were in control of" is not it)
    r"|(?<!\w)(?:was|were|is|are|remained|remains)\s+(?:\w+ly\s+)?in\s+(?:the\s+)?control\s+of"
    r"|(?<!\w)in(?:to)?\s+the\s+hands\s+of"
    r"|(?P<apposition>,\s+(?:a|an|the|its)\s+(?:(?:key|main|major|important|remaining|last)\s+)?"
    r"(?:stronghold|bastion)\s+of))\s+(?:the\s+)?\Z",
    re.IGNORECASE)
# One of these words is in every HOLDER_PHRASE: an entry without any has none.
HOLDER_WORDS = ("control", "hands", "stronghold", "bastion")
# Between the place and the phrase: a change of hands ("came", "fell", "was brought").
CHANGE = re.compile(r"(?<!\w)(?:came|comes|come|coming|fell|falls|fall|falling|brought|bring|"
                    r"brings|bringing|returned|restored|passed|placed|reverted)(?!\w)",
                    re.IGNORECASE)
# A verb of change whose object is the place ("brought X under", "restoring the town of X").
_BROUGHT = re.compile(r"(?<!\w)(?:brought|bring|brings|bringing|returned|returning|restored|"
                      r"restoring|placed|placing|put|putting)\s+"
                      r"(?:(?:the\s+)?(?:town|city|village)\s+of\s+)?\Z", re.IGNORECASE)
# What may stand between the place and the phrase: a few words, no clause of its own.
GAP = re.compile(r"\A[^.;:!?()\"]{0,60}\Z")


def holder_claims(reader: EntryReader) -> None:
    """Control (or capture) claims of a side named after "under the control of", "in the
    hands of" or ", a stronghold of" at the place named before it."""
    lower = reader.text.lower()
    if not any(word in lower for word in HOLDER_WORDS):
        return  # most entries: no holder phrase to look for before every side named
    for mention in reader.actors:
        found = _held(reader, mention)
        if found is None:
            continue
        place, action, cue = found
        clause = reader._clause_at(mention.start)
        _supersede_others(reader, mention, cue)
        if any(c.actor == mention.actor and place.place in c.places
               and reader.sentence_of[c.id][0] == clause.sentence for c in reader.claims):
            continue
        reader._claim(clause, min(mention.start, place.start, clause.start), mention.actor,
                      action, [place], (None, None),
                      Evidence(cue=(cue, mention.end), subject=mention, reader=READER),
                      acts=action != "control")


def _supersede_others(reader: EntryReader, mention: ActorMention, cue: int) -> None:
    """"X was under the control of the Army": the holder is the side named after the phrase;
    a control claim the clause reader made of its "control" word for another side (one
    carried from an earlier sentence) says the opposite, and is dropped."""
    for claim in reader.claims:
        evidence = reader.ctx.evidence.get(claim.id)
        if evidence is not None and claim.action == "control" and \
                claim.actor != mention.actor and cue <= evidence.cue[0] < mention.start:
            reader.superseded.add(claim.id)


def _held(reader: EntryReader, mention: ActorMention) -> tuple[Mention, str, int] | None:
    """The place a holder phrase before the mention is about, the action it tells, and
    where the phrase's first word starts (the claim's cue, for the negation screens)."""
    text = reader.text
    clause = reader._clause_at(mention.start)
    phrase = HOLDER_PHRASE.search(text, max(clause.sentence_start, mention.start - 60),
                                  mention.start)
    if phrase is None:
        return None
    lo = clause.sentence_start if phrase.group("apposition") else clause.start
    before = reader._places_in(lo, phrase.start() + 1, mention)
    if not before:  # "the town was under the control of the Army", under a heading row
        heading = reader._heading_at(lo, phrase.start())
        heading = heading or reader._definite(clause, lo, phrase.start())  # "the town"
        before = [heading] if heading is not None else []
    if not before:
        return None
    place = before[-1]
    gap = text[place.end: phrase.start()]
    if phrase.group("apposition") and gap:
        return None  # "X, a stronghold of": the apposition follows the name
    if not GAP.match(gap) or reader._actors_in(place.end, phrase.start()):
        return None
    change = CHANGE.search(gap)
    brought = _BROUGHT.search(text, max(lo, place.start - 40), place.start)
    if change is not None:  # "X never came under": the cue is the verb of change
        return place, "capture", place.end + change.start()
    if brought is not None:  # "IS sought to bring X under": (the screens read before it)
        return place, "capture", brought.start()
    return place, "control", phrase.start() + len(phrase.group()) - len(
        phrase.group().lstrip(", "))
