"""Readers for claims the clause reader misses (issue 12, recall), kept apart from it.

Each reader is a rule of English, written with made-up sentences in
``tests/test_claims_recall.py``; each works without the parse, and with the parse its claims
are checked by :func:`check` (the general check of ``geo/claims/syntax.py``, with the reader's
own reading of the parse where the general one misreads the construction).

* **a relative or participle clause about the place named before it**: "Azaz, which the SDF
  captured on 5 May, ...", "Azaz, which was retaken by IS", "the town of Azaz, recaptured
  by IS in June, ...": the clause's event happened at that place (:func:`relative_place`);
* **air power backing a side**: "the SDF, backed by US airstrikes, took X", "with the help of
  Russian airstrikes", "..., supported by Russian air strikes": the backer attacked there as
  well (:func:`air_backers`);
* **an operation named with its agent after it**: "The 2016 Azaz offensive was a military
  operation launched by the Turkish Armed Forces", "an operation of the Syrian Army",
  "a military operation launched on the outskirts of X in June, by the Army", "Airstrikes by
  the coalition killed ...": the agent attacked (:func:`noun_agent`);
* **under attack by**: "Azaz came under attack by IS", "the Army came under IS attack": the
  side after "under" or "by" attacked (:func:`under_attack`);
* **the patient of a passive**: "Azaz was hit by Russian airstrikes": the place before the
  agent is where the event was (:func:`patient_places`);
* **repelled by**: "IS attacked Azaz, but was repelled by the Army", "an IS attack on Azaz
  was beaten back by the Army": the agent defended the place attacked
  (:func:`repelled_claims`);
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from typing import TYPE_CHECKING

from geo.claims.clauses import Clause
from geo.claims.events import _between, _Event
from geo.claims.giving import given_up_claims
from geo.claims.holders import holder_claims
from geo.claims.patterns import AGENT, BY_NEXT, PARTICIPLE_BY, REPEL_CUE
from geo.claims.presence import presence_claims
from geo.claims.repel import attacker_unnamed
from geo.claims.results import Evidence
from geo.claims.rules import Cue
from geo.records import ActorMention, Claim, Mention

if TYPE_CHECKING:  # (the reader imports this module)
    from geo.claims.reader import EntryReader

# -- a relative or participle clause about the place named just before it -------------------

_ADVERB = r"(?:(?:\w+ly|later|then|also|since|once|first|again|back|only|soon)\s+)"
# "which the SDF captured", "that IS had taken": the relative pronoun is the cue's object,
# an actor between it and the cue is the subject.
RELATIVE_OBJECT = re.compile(r"\A(?:which|that)\s+(?:(?:the|its|their)\s+)?\S", re.IGNORECASE)
# "which was captured by", "which had been retaken by": a passive whose patient is the place.
RELATIVE_PASSIVE = re.compile(
    rf"\A(?:which|that)\s+(?:is|was|were|are|had\s+been|has\s+been|have\s+been)\s+{_ADVERB}{{0,2}}\Z",
    re.IGNORECASE)
# "recaptured by IS in June", "later seized by the Army": a participle with its "by" agent.
PARTICIPLE_OPENING = re.compile(rf"\A{_ADVERB}{{0,2}}\Z", re.IGNORECASE)


def relative_place(reader: EntryReader, clause: Clause, first: Cue,
                   actor: ActorMention | None) -> Mention | None:
    """The place named right before a relative or participle clause that tells what was
    done to it ("Azaz, which the SDF captured", "Azaz, captured by the SDF"): the last
    place of the clause before, across its comma, when this clause names none."""
    if actor is None:
        return None
    text = reader.text
    head = text[clause.start: first.start]
    if RELATIVE_OBJECT.match(head) and clause.start < actor.start and actor.end <= first.start:
        pass  # "which the SDF captured"
    elif (RELATIVE_PASSIVE.match(head) or (
            PARTICIPLE_OPENING.match(head)
            and PARTICIPLE_BY.search(text, first.start, first.end))) and \
            BY_NEXT.match(text, first.end) and actor.start >= first.end and \
            AGENT.match(text[first.end: actor.start]):
        pass  # "which was captured by the SDF", "recaptured by IS"
    else:
        return None
    index = bisect.bisect_left(reader.clause_starts, clause.start) - 1
    if index < 0 or reader.clauses[index].sentence != clause.sentence:
        return None
    before = reader._places_in(reader.clauses[index].start, clause.start, actor)
    if before and text[before[-1].end: clause.start].strip() in (",", ""):
        return before[-1]
    return None


# -- air power backing a side -------------------------------------------------------------

AIR_BEFORE = re.compile(
    r"(?<!\w)(?:(?:backed|supported|aided|assisted|helped|covered|accompanied|preceded)\s+by|"
    r"with\s+(?:the\s+)?(?:help|support|backing|aid|assistance|cover)\s+(?:of|from)|with)\s+"
    r"(?:(?:the|heavy|intense|intensive|massive|continued|constant|ongoing|extensive)\s+)*\Z",
    re.IGNORECASE)
AIR_AFTER = re.compile(
    r"\A(?:['\u2019]s)?\s+(?:air[- ]?strikes?|air[- ]?raids?|air\s+support|air\s+cover|"
    r"air\s+power|warplanes?|(?:fighter\s+)?jets|aircraft|bombers|helicopters|gunships|"
    r"air\s+force)(?!\w)",
    re.IGNORECASE)
AIR_WORD = re.compile(r"air|jets|warplane|aircraft|bomber|helicopter|gunship", re.IGNORECASE)
# A clause that only says who backed the event from the air: "..., supported by Russian
# airstrikes", "..., with the help of US air strikes".
AIR_TAIL = re.compile(
    r"\A(?:(?:heavily|also|again|reportedly)\s+)?(?:(?:backed|supported|aided|assisted|helped|"
    r"covered)\s+by|with\s+(?:the\s+)?(?:help|support|backing|aid|assistance|cover)\s+(?:of|from))"
    r"\s", re.IGNORECASE)


def _air_backer(text: str, mention: ActorMention, floor: int) -> bool:
    return bool(AIR_BEFORE.search(text, max(floor, mention.start - 60), mention.start)) and \
        bool(AIR_AFTER.match(text[mention.end: mention.end + 30]))


def air_backers(reader: EntryReader, clause: Clause, lo: int, hi: int) -> list[ActorMention]:
    """The actors whose air power backs the event of [lo, hi) ("backed by US airstrikes"),
    and those of the next clause of the sentence when it says only that ("..., supported by
    Russian air strikes")."""
    text = reader.text
    if not AIR_WORD.search(text, lo, clause.sentence_end):
        return []  # (most sentences name no air power: one quick look)
    out = [m for m in _between(reader.actors, reader.actor_starts, lo, hi)
           if _air_backer(text, m, lo) and not _told(reader, clause, m.actor, "attack")]
    index = bisect.bisect_right(reader.clause_starts, clause.start)
    if index < len(reader.clauses):
        nxt = reader.clauses[index]
        if nxt.sentence == clause.sentence and AIR_TAIL.match(text[nxt.start: nxt.end]):
            out.extend(m for m in _between(reader.actors, reader.actor_starts, nxt.start, nxt.end)
                       if _air_backer(text, m, nxt.start)
                       and not _told(reader, clause, m.actor, "attack"))
    return out


def co_actors(reader: EntryReader, clause: Clause, claim: Claim, subject: ActorMention | None,
              joined: list[ActorMention], span: tuple[int, int]
              ) -> tuple[list[ActorMention], list[ActorMention]]:
    """For the clause reader's co-actors of a claim: the air backers of its event, and the
    actors named after its span that act with it (backers in the next clause, an operation's
    co-agents, added to ``joined``)."""
    lo, hi = span
    if operation_agent(reader.text, clause, reader.ctx.evidence[claim.id].cue, subject) and \
            subject is not None:
        joined += co_agents(reader, subject, clause.sentence_end)
    air = air_backers(reader, clause, lo, hi)
    return air, [m for m in [*air, *joined] if m.start >= hi]


# -- an operation named with its agent after it ------------------------------------------

# Nouns that name an operation or an attack (the cue's own words).
OPERATION_NOUN = re.compile(
    r"(?:(?:military|ground|air|armed)\s+)?(?:operations?|(?:counter-?)?offensives?|campaigns?|"
    r"interventions?|(?:counter-?)?attacks?|assaults?|air-?\s?strikes?|strikes|raids?|"
    r"bombardments?|shelling|bombing|bombings)\Z", re.IGNORECASE)
# What stands before such a noun in its clause: an article or possessive with a few
# modifiers ("The 2016 Dabiq offensive", "a military operation"), or nothing but modifiers at
# the clause's start ("Heavy airstrikes by ...").
NOUN_OPENING = re.compile(
    r"(?:(?<!\w)(?:the|a|an|another|this|that|these|those|new|renewed)\s+"
    r"(?:[\w'\u2019()-]+\s+){0,5}|\A(?:[\w-]+\s+){0,2})\Z", re.IGNORECASE)
_DONE_BY = (r"(?:launched|conducted|carried\s+out|led|mounted|staged|waged|undertaken|"
            r"initiated|spearheaded|begun|started|executed|performed)")
# From the noun to its agent: "of the Syrian Army", "by the SDF"; "was an operation by the
# SDF"; "launched on the outskirts of X in June, by the Army" (a participle of doing, its
# "by" up to one comma on).
AGENT_AFTER = re.compile(
    r"\A\s*(?:\([^()]{0,40}\)\s*)?"
    r"(?:(?:by)"
    r"|(?:is|was|were|are)\s+(?:an?|the)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:operation|offensive|campaign|attack|assault|intervention)s?\s+(?:by|of)"
    rf"|(?:(?:is|was|were|are)\s+(?:an?|the)\s+[^,;.()]{{0,90}}?\s+)?{_DONE_BY}\s+"
    r"(?:[^;.()]{0,80}?(?:\s|,)\s*)?by)"
    r"\s+(?:(?:the|a|an)\s+)?(?:[\w-]+\s+){0,2}\Z",
    re.IGNORECASE)


def noun_agent(reader: EntryReader, clause: Clause, event: _Event) -> ActorMention | None:
    """The agent a noun of operation names after it, in its sentence ("an operation of the
    Syrian Army", "a military operation launched on the outskirts of X in June, by the
    Army", "The Azaz offensive was a military operation conducted by IS")."""
    text = reader.text
    for cue in event.cues[:2]:
        if cue.action != "attack" or not OPERATION_NOUN.search(text, cue.start, cue.end) or \
                not NOUN_OPENING.search(text[max(clause.start, cue.start - 60): cue.start]):
            continue
        end = clause.sentence_end
        for mention in _between(reader.actors, reader.actor_starts, cue.end, end):
            if mention.start - cue.end > 200:
                break
            if AGENT_AFTER.match(text[cue.end: mention.start]):
                return mention
    return None


def operation_agent(text: str, clause: Clause, cue: tuple[int, int],
                    mention: ActorMention | None) -> bool:
    """Whether the actor is the agent named after a noun of operation (as :func:`noun_agent`
    finds it, or the clause reader's own "conducted by")."""
    return mention is not None and mention.start >= cue[1] and \
        bool(OPERATION_NOUN.search(text, cue[0], cue[1])) and \
        bool(NOUN_OPENING.search(text[max(clause.start, cue[0] - 60): cue[0]])) and \
        bool(AGENT_AFTER.match(text[cue[1]: mention.start]))


def co_agents(reader: EntryReader, agent: ActorMention, end: int) -> list[ActorMention]:
    """The agents named with an operation's agent ("by the Turkish Armed Forces and factions
    from the Free Syrian Army", "conducted by IS and Jabhat al-Nusra")."""
    out = []
    last = agent
    for mention in _between(reader.actors, reader.actor_starts, agent.end, end):
        if not CO_AGENT.match(reader.text[last.end: mention.start]):
            break
        out.append(mention)
        last = mention
    return out


CO_AGENT = re.compile(r"\A\s*(?:\([^()]{0,40}\)\s*)?(?:,\s*)?"
                      r"(?:and|&|as\s+well\s+as|along\s+with)\s+"
                      r"(?:(?:the|several|various|other|allied)\s+)?(?:(?:factions|units|elements|"
                      r"fighters|forces|groups|members|militias|brigades)\s+(?:from|of)\s+"
                      r"(?:the\s+)?)?\Z", re.IGNORECASE)


# -- under attack by ----------------------------------------------------------------------

UNDER_BEFORE = re.compile(r"(?<!\w)under\s+(?:(?:heavy|intense|sustained|renewed|constant)\s+)?\Z",
                          re.IGNORECASE)
UNDER_NOUN = re.compile(r"(?:attack|assault|fire|bombardment|shelling|siege)\Z", re.IGNORECASE)
UNDER_AGENT = re.compile(r"\A\s+(?:by|from)\s+(?:(?:the|a|an)\s+)?(?:[\w-]+\s+){0,2}\Z",
                         re.IGNORECASE)


def under_attack(reader: EntryReader, event: _Event, end: int) -> ActorMention | None:
    """The side a place or force came under attack from: "came under attack by IS", "came
    under IS attack", "under heavy fire from the Army" (not the one that came under it)."""
    text = reader.text
    for cue in event.cues:
        if not UNDER_NOUN.search(text, cue.start, cue.end):
            continue
        inside = [m for m in _between(reader.actors, reader.actor_starts,
                                      max(0, cue.start - 40), cue.start)
                  if UNDER_BEFORE.search(text, max(0, m.start - 30), m.start)
                  and not text[m.end: cue.start].strip()]
        if inside:  # "under IS attack"
            return inside[-1]
        if not text[cue.start: cue.end].lower().startswith("under") and \
                not UNDER_BEFORE.search(text, max(0, cue.start - 30), cue.start):
            continue  # (the cue "under fire" holds its "under")
        for mention in _between(reader.actors, reader.actor_starts, cue.end, end):
            return mention if UNDER_AGENT.match(text[cue.end: mention.start]) else None
    return None


# -- the patient of a passive ---------------------------------------------------------------

PASSIVE_BY = re.compile(r"(?<!\w)(?:is|are|was|were|been|being|got|get|gets)\s+(?:\w+ly\s+)?"
                        r"\w+\s+(?:\w+\s+)?by\s+(?:(?:the|a|an)\s+)?\Z", re.IGNORECASE)


def named_before(reader: EntryReader, clause: Clause, first: Cue, actor: ActorMention | None
                 ) -> list[Mention]:
    """The places of an event named before the clause or its agent: a relative clause's
    (:func:`relative_place`), a passive's patient (:func:`patient_places`), the sentence's
    subject past what describes it (:func:`subject_place`)."""
    told = relative_place(reader, clause, first, actor) or \
        subject_place(reader, clause, first, actor)
    return [told] if told is not None else patient_places(reader, clause, actor)


# -- the subject of a sentence, set off from its verb by what describes it -------------------

# "was captured by", "had been shelled by": a finite passive whose subject is before it.
PASSIVE_VERB = re.compile(
    rf"\A(?:is|was|were|are|had\s+been|has\s+been|have\s+been)\s+{_ADVERB}{{0,2}}\Z",
    re.IGNORECASE)
# The subject alone in its clause: "Azaz", "the town of Azaz".
SUBJECT_ALONE = re.compile(r"\A\W*(?:the\s+(?:\w+\s+){0,2}of\s+)?\Z", re.IGNORECASE)
# What a set-off clause describing a noun opens with: a relative pronoun ("which had been
# taken by IS"), a noun phrase in apposition ("a village north of Azaz"), a participle
# ("held by IS since 2014"): Quirk et al. (1985), 17.65 and 17.97.
DESCRIBING = re.compile(r"\A(?:which|who|that|whose|where|a|an|the|one|once|long|held|\w+ed|\w+en)"
                        r"(?!\w)", re.IGNORECASE)


def subject_place(reader: EntryReader, clause: Clause, first: Cue,
                  actor: ActorMention | None) -> Mention | None:
    """The place that is the sentence's subject when this clause is its verb, a passive with
    its "by" agent, set off from it by clauses that only describe it ("Azaz, a town north
    of Aleppo, was captured by IS"; "Azaz, which IS had taken, was shelled by the SDF")."""
    text = reader.text
    if actor is None or actor.start < first.end or \
            not PASSIVE_VERB.match(text[clause.start: first.start]) or \
            not (BY_NEXT.match(text, first.end) and AGENT.match(text[first.end: actor.start])):
        return None
    sentence = [c for c in reader.by_sentence[clause.sentence] if c.start < clause.start]
    if len(sentence) < 2:
        return None
    subject = sentence[0]
    names = reader._places_in(subject.start, subject.end, None)
    if len(names) != 1 or not SUBJECT_ALONE.match(text[subject.start: names[0].start]) or \
            text[names[0].end: subject.end].strip():
        return None
    if all(DESCRIBING.match(text[c.start: c.end]) for c in sentence[1:]):
        return names[0]
    return None


def patient_places(reader: EntryReader, clause: Clause, actor: ActorMention | None
                   ) -> list[Mention]:
    """The places before a passive's "by" agent in its clause ("Azaz was hit by Russian
    airstrikes": the airstrikes' subject is after the place)."""
    if actor is None or not (clause.start <= actor.start < clause.end) or \
            not PASSIVE_BY.search(reader.text, max(clause.start, actor.start - 50), actor.start):
        return []
    return reader._places_in(clause.start, actor.start, actor)


# -- repelled by ----------------------------------------------------------------------------

REPELLED_BY = re.compile(
    r"\A\s+(?:(?:back|off)\s+)?(?:(?:again|\w+ly)\s+)?by\s+(?:(?:the|a|an)\s+)?(?:[\w-]+\s+){0,2}\Z",
    re.IGNORECASE)
BEEN = re.compile(r"(?<!\w)(?:is|are|was|were|been|being|be)\s+"
                  r"(?:(?:\w+ly|then|later|soon|again)\s+){0,2}\Z", re.IGNORECASE)


def repelled_claims(reader: EntryReader) -> None:
    """A defend claim for the agent of a passive of repelling ("..., but was repelled by the
    Army", "an IS attack on Azaz was beaten back by the SDF") at the places of the attack it
    repelled: the sentence's latest attack or advance of another side."""
    text = reader.text
    side_of = reader.ctx.lexicon.side_of
    for clause in reader.clauses:
        for cue in reader._cues[clause.start]:
            if cue.action != "defend" or not (REPEL_CUE.match(text, cue.start)
                                              or "back" in text[cue.start: cue.end].lower()) or \
                    not BEEN.search(text, max(clause.sentence_start, cue.start - 30), cue.start):
                continue
            agent = next((m for m in _between(reader.actors, reader.actor_starts, cue.end,
                                              clause.end)
                          if REPELLED_BY.match(text[cue.end: m.start])), None)
            if agent is None:
                continue
            attack = next((c for c in reversed(reader.claims)
                           if reader.sentence_of[c.id][0] == clause.sentence
                           and c.action in ("attack", "advance") and c.start < cue.start
                           and side_of(c.actor) != side_of(agent.actor)), None)
            places = list(reader.ctx.evidence[attack.id].mentions) if attack is not None \
                else _attacked(reader, clause, cue)
            if not places or _told(reader, clause, agent.actor, "defend"):
                continue
            reader._claim(clause, min(clause.start, agent.start), agent.actor, "defend",
                          places, (None, None),
                          Evidence(cue=(cue.start, cue.end), subject=agent, borrowed=True,
                                   reader="repelled"))


def _attacked(reader: EntryReader, clause: Clause, cue: Cue) -> list[Mention]:
    """The places of an attack named by a noun with no side before a passive of repelling
    in the same sentence ("The attack on Azaz was repelled by the Army")."""
    lo = clause.sentence_start
    for other in reader.by_sentence[clause.sentence]:
        for before in reader._cues[other.start]:
            if before.action == "attack" and lo <= before.start < cue.start:
                return reader._places_in(before.end, cue.start, None)
    return []


def _told(reader: EntryReader, clause: Clause, actor: str, action: str,
          place: str | None = None) -> bool:
    """Whether the sentence already holds a claim of this actor and action (at this place)."""
    return any(reader.sentence_of[c.id][0] == clause.sentence and c.actor == actor
               and c.action == action and (place is None or place in c.places)
               for c in reader.claims)


# -- after the clause reader ----------------------------------------------------------------


def read_more(reader: EntryReader) -> list[Claim]:
    """The claims of the readers that read a whole entry after the clause reader; and the
    clause reader's claims whose agent an operation names are tagged as that reader's."""
    before = len(reader.claims)
    repelled_claims(reader)
    presence_claims(reader)  # geo/claims/presence.py: "IS positions in X"
    holder_claims(reader)  # geo/claims/holders.py: "X is under the control of IS"
    given_up_claims(reader)  # geo/claims/giving.py: "the rebels surrendered X to the Army"
    operations: set[tuple[int, int]] = set()
    for claim in reader.claims:
        evidence = reader.ctx.evidence.get(claim.id)
        if evidence is None or evidence.reader:
            continue
        if operation_agent(reader.text, reader._clause_at(evidence.cue[0]), evidence.cue,
                           evidence.subject) or \
                (evidence.co_actor == "joint" and evidence.cue in operations):
            operations.add(evidence.cue)  # (its co-agents follow it)
            reader.ctx.evidence[claim.id] = replace(evidence, reader="operation")
    return reader.claims[before:]


# -- with the parse ---------------------------------------------------------------------------

# The general check's verdicts on the agent that a reader's own construction overrules: "The
# Dabiq offensive was a military operation launched by the Turkish Armed Forces" (the parse
# takes "Dabiq" for the kind of agent "the SDF offensive" names, and "factions from the FSA"
# for a target), "... was repelled by the Army", the parse reader's "air strikes".
NOT_OURS = "the agent is no actor the lexicon knows"
AGENT_READ: dict[str, frozenset[str]] = {
    "operation": frozenset({NOT_OURS, "the actor is the target"}),
    "repelled": frozenset({NOT_OURS, "the actor is the target"}),
    "parse": frozenset({NOT_OURS}),
    "presence": frozenset({NOT_OURS, "the actor is the target"}),
}


def agent_read(why: str, claim: Claim, evidence: Evidence, sentence: str, base: int) -> bool:
    """Whether a reader's own construction overrules the general check's verdict ``why`` on
    the agent: the reader's tag (``AGENT_READ``), or an attack repelled by the side read as
    its actor, whose unnamed attacker the parse found (geo/claims/repel.py)."""
    return why in AGENT_READ.get(evidence.reader, ()) or (
        why == NOT_OURS and attacker_unnamed(claim, evidence, sentence, base))


__all__ = ["AGENT_READ", "agent_read", "air_backers", "co_actors", "co_agents", "named_before",
           "noun_agent", "operation_agent", "patient_places", "read_more", "relative_place",
           "repelled_claims", "under_attack"]
