"""Holding told without a verb of holding (issue 12, recall):

* **a headquarters**: "X, which IS used as a headquarters", "X, which served as the IS
  headquarters": the side held the place before the relative clause;
* **a capital**: "IS's de facto capital, Raqqa", "the IS capital of Raqqa", "Raqqa, the
  self-proclaimed capital of IS": the side holds its capital;
* **a stronghold in apposition**: "Raqqa, the last IS stronghold in Syria", "X, the main
  rebel bastion": the side holds the place the apposition describes.

(Tried and dropped, as they gave no right claim on the held-out texts and lowered precision
there: "IS positions in and around X", "the remaining rebel forces in X", "IS forces in a
pocket of villages south of X".)

Each is a control claim of the side at the place, written with made-up sentences in
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
# "IS's de facto capital, Raqqa", "the IS capital of Raqqa" (the side right before it) and
# "Raqqa, the de facto capital of IS" (the side right after it).
_TITLE = r"(?:(?:de\s+facto|self-(?:proclaimed|declared|styled)|so-called|main|effective)\s+)?"
CAPITAL_AFTER = re.compile(rf"(?:'s)?\s+{_TITLE}capital(?:\s+city)?(?:,?\s+(?:of\s+)?)",
                           re.IGNORECASE)
CAPITAL_BEFORE = re.compile(rf",\s+(?:the|its)\s+{_TITLE}capital\s+of\s+(?:the\s+)?\Z",
                            re.IGNORECASE)
# "Raqqa, the last IS stronghold in Syria": the place before the apposition.
APPOSITION = re.compile(r",\s+(?:the|its|a|an)\s+(?:(?:last|main|key|major|remaining|final|"
                        r"largest|de\s+facto|self-proclaimed)\s+){0,2}\Z", re.IGNORECASE)
STRONGHOLD = re.compile(r"(?:'s)?\s+(?:stronghold|bastion|capital)(?!\w)", re.IGNORECASE)
SERVED_AS = re.compile(r"(?:'s)?\s+(?:[\w-]+\s+)?(?:headquarters|base|stronghold|command\s+"
                       r"cent(?:er|re))(?!\w)", re.IGNORECASE)


def presence_claims(reader: EntryReader) -> None:
    """Control claims for a side's headquarters, capital or stronghold."""
    for mention in reader.actors:
        place = _headquarters(reader, mention) or _capital(reader, mention) or \
            _stronghold_named_before(reader, mention)
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


def _capital(reader: EntryReader, mention: ActorMention) -> Mention | None:
    """The place a side has for its capital: named after "IS's de facto capital" or "the IS
    capital of", or before ", the de facto capital of IS"."""
    text = reader.text
    clause = reader._clause_at(mention.start)
    after = CAPITAL_AFTER.match(text, mention.end)
    if after is not None:
        found = reader._places_in(after.end(), min(len(text), after.end() + 40), mention)
        return found[0] if found and found[0].start == after.end() else None
    before = CAPITAL_BEFORE.search(text, max(clause.sentence_start, mention.start - 60),
                                   mention.start)
    return _place_ending_at(reader, clause.sentence_start, before, mention)


def _stronghold_named_before(reader: EntryReader, mention: ActorMention) -> Mention | None:
    """The place before ", the last IS stronghold", ", the main rebel bastion"."""
    text = reader.text
    if not STRONGHOLD.match(text, mention.end):
        return None
    clause = reader._clause_at(mention.start)
    before = APPOSITION.search(text, max(clause.sentence_start, mention.start - 50),
                               mention.start)
    return _place_ending_at(reader, clause.sentence_start, before, mention)


def _place_ending_at(reader: EntryReader, sentence_start: int, before: re.Match | None,
                     mention: ActorMention) -> Mention | None:
    """The place whose name ends where ``before`` (the words that follow it) starts."""
    if before is None:
        return None
    found = [m for m in reader._places_in(sentence_start, before.start() + 1, mention)
             if m.end == before.start()]
    return found[-1] if found else None
