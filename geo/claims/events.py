"""Cues grouped into events, each with its subject: the rule path's agent finding."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from geo.claims.agents import hit_object, patient, speaker, taken_from
from geo.claims.clauses import Clause
from geo.claims.grouping import circumstance, group_action, taking_noun
from geo.claims.patterns import (
    COORDINATION,
    GAP_PUNCT,
    GERUND,
    HOLDER,
    OBLIQUE,
    PASSIVE,
    POSSESSIVE,
)
from geo.claims.rules import ActionLexicon, Cue
from geo.records import ActorMention

# "..., with the SAA and its allies retaking it": the actor after "with" does the -ing.
WITH_BEFORE = re.compile(r"(?<!\w)with\s+(?:the\s+)?\Z", re.IGNORECASE)
# Actions whose noun may end an actor's name ("coalition airstrikes", "government advances"):
# the cue stays, the name is its agent.
NAMED_CUES = frozenset({"attack", "advance"})
# "the IS defenders": the side named right before the noun is the one that defends.
DEFENDERS = re.compile(r"defenders?\Z", re.IGNORECASE)
TARGETS = re.compile(r"targets\Z", re.IGNORECASE)
GERUND_CUE = re.compile(r"\w+ing(?!\w)", re.IGNORECASE)
# A cue right after "who"/"which"/"that" opens a relative clause: the next cue of another
# action is the main verb's ("IS fighters who had fled X attacked Y").
# "being shelled by the army": the "by" right after a passive cue names its agent.
BY_AGENT = re.compile(r"\A\s+(?:\w+ly\s+)?by\s+(?:(?:the|a|an)\s+)?(?:[\w-]+\s+){0,2}\Z",
                      re.IGNORECASE)
RELATIVE_BEFORE = re.compile(
    r"(?<!\w)(?:who|which|that)\s+(?:(?:had|have|has|was|were|is|are|been|earlier|"
    r"previously|recently|just|already|\w+ly)\s+){0,2}\Z", re.IGNORECASE)


@dataclass(slots=True)
class _Event:
    cues: list[Cue]
    start: int
    subject: ActorMention | None
    # the side the action was done to or that lost the place ("IS was expelled", "IS lost
    # X to the SAA", "X was retaken from IS"): never the agent (geo/claims/agents.py)
    patient: ActorMention | None = None



def _between(items: Sequence, starts: Sequence[int], lo: int, hi: int) -> list:
    """Items (sorted by start) that lie inside [lo, hi)."""
    out = []
    for index in range(bisect.bisect_left(starts, lo), len(items)):
        item = items[index]
        if item.start >= hi:
            break
        if item.end <= hi:
            out.append(item)
    return out


def _oblique(text: str, mention: ActorMention, floor: int) -> bool:
    return bool(OBLIQUE.search(text, max(floor, mention.start - 40), mention.start))


def _words(text: str) -> int:
    return len(re.findall(r"[\w'/-]+", text))


def _subject(text: str, actors: Sequence[ActorMention], lo: int, cue: Cue, *,
             strict: bool) -> tuple[ActorMention | None, ActorMention | None]:
    """(the nearest non-oblique actor before the cue, or None; the patient, when the actor
    nearest the cue is what it was done to); ``strict`` wants the subject right before it.

    A speaker ("the SDF said ...") and what a verb hit ("killed an IS commander in ...")
    are passed over; a patient ("IS was expelled") ends the search: the agent is after it."""
    # "rebel-held Aleppo surrounded": a holder named as an adjective is not the agent
    candidates = [m for m in actors if lo <= m.start and m.end <= cue.start
                  and not HOLDER.match(text, m.end)]
    # "coalition airstrikes hit X": a name that ends in a noun of attack is its agent
    # (not "the Army of Conquest", a name that only holds a word of taking)
    inside = next((m for m in actors if m.start < cue.start and cue.end == m.end), None)
    if inside is not None and cue.action in NAMED_CUES:
        return inside, None
    for mention in reversed(candidates):
        gap = text[mention.end: cue.start]
        if POSSESSIVE.match(gap) and cue.action == "lift_siege" and \
                text[cue.start: cue.end].lower().startswith("siege"):
            continue  # "the Army's siege of X had been broken": the besieger did not lift it
        if not gap.strip() and TARGETS.match(text, cue.start, cue.end):
            continue  # "hit IS targets": the side right before the noun is what was hit
        glued = not gap.strip() and (cue.action == "control"
                                     or DEFENDERS.match(text, cue.start, cue.end))
        if POSSESSIVE.match(gap) or glued:
            return mention, None  # "Lavrov's pledge", "under rebel control", "the IS defenders"
        if _oblique(text, mention, lo) or speaker(text, mention, cue.start) or \
                hit_object(text, mention, 0, cue.start):
            continue
        if patient(text, mention, cue.start, cue.end, cue.action):
            return None, mention
        if strict and (_words(gap) > 6 or GAP_PUNCT.search(gap)):
            return None, None
        return mention, None
    last = candidates[-1] if candidates else None
    if last is not None and (speaker(text, last, cue.start)
                             or hit_object(text, last, 0, cue.start)):
        last = None
    if last is not None and not strict:  # "reports of IS forces fleeing": the gerund's subject
        gap = text[last.end: cue.start]
        words = _words(gap)
        if not GAP_PUNCT.search(gap) and (words <= 2 or (words <= 6 and (
                GERUND.match(gap) or (WITH_BEFORE.search(text, max(lo, last.start - 12),
                                                         last.start)
                                      and GERUND_CUE.match(text, cue.start, cue.end))))):
            return last, None  # "with the Syrian government and its allies retaking it"
    return None, None


def _taken_from(text: str, actors: Sequence[ActorMention], cue: Cue) -> ActorMention | None:
    """The side a place was taken from, named after the cue ("retaken from IS")."""
    if cue.action != "capture":
        return None
    return next((m for m in actors if taken_from(text, m, cue.end)), None)


def _passive_agent(text: str, actors: Sequence[ActorMention], cue: Cue) -> ActorMention | None:
    """The "by" agent of a passive cue ("with the town being shelled by the army"): a later
    cue of a clause that has its own agent, not the earlier subject's."""
    if not PASSIVE.search(text, max(0, cue.start - 40), cue.end):
        return None
    return next((m for m in actors if m.start >= cue.end
                 and BY_AGENT.match(text[cue.end: m.start])), None)


def _beaten(text: str, actors: Sequence[ActorMention], cue: Cue) -> bool:
    """Whether the cue is a side's defenders that a verb before beat ("overwhelmed the rebel
    defenders"): what was done to them, no event of theirs."""
    return bool(DEFENDERS.match(text, cue.start, cue.end)) and any(
        not text[m.end: cue.start].strip() and m.end <= cue.start
        and hit_object(text, m, 0, cue.start, glued=True) for m in actors)


def _events(text: str, clause: Clause, cues: list[Cue],
            actors: Sequence[ActorMention]) -> list[_Event]:
    """Group a clause's cues by subject: a new subject right before a cue starts a claim."""
    # "the Army of Conquest": a word of taking inside a name is no cue ("coalition
    # airstrikes", a name that ends in a noun of attack, keeps its cue: see _subject)
    cues = [c for c in cues if not any(
        m.start <= c.start and c.end <= m.end and not (c.end == m.end and c.action in NAMED_CUES)
        for m in actors) and not _beaten(text, actors, c)]
    events: list[_Event] = []
    glued = False  # the last event was an "X-held" adjective: the next cue starts anew
    for cue in cues:
        if text.startswith("-", cue.start):  # "rebel-held": the actor is glued to the cue
            owner = next((m for m in actors if m.end == cue.start), None)
            events.append(_Event([cue], owner.start if owner else cue.start, owner))
            glued = True
            continue
        if glued or not events:
            glued = False
            subject, done_to = _subject(text, actors, clause.start, cue, strict=False)
            by = _passive_agent(text, actors, cue) if subject is not None else None
            if by is not None and by.actor != subject.actor:  # "a convoy of the SAA heading
                subject, done_to = None, subject  # to X was ambushed by IS": IS ambushed it
            start = subject.start if subject is not None else clause.start
            if subject is None and done_to is None:
                done_to = _taken_from(text, actors, cue)
            events.append(_Event([cue], min(start, cue.start), subject, done_to))
            continue
        current = events[-1]
        if circumstance(text, cue, current.cues[-1].end):  # "X fell to the SDF after heavy
            current.cues.append(cue)  # fighting": how the event went, no new agent
            continue
        subject, done_to = _subject(text, actors, current.cues[-1].end, cue, strict=True)
        if subject is None and done_to is None and cue.action != current.cues[-1].action:
            subject = _passive_agent(text, actors, cue)
        if subject is not None and (current.subject is None
                                    or subject.actor != current.subject.actor):
            events.append(_Event([cue], subject.start, subject))
        elif done_to is not None:  # "..., and IS was expelled from X": another event
            events.append(_Event([cue], done_to.start, None, done_to))
        else:
            current.cues.append(cue)
    return events


def _coordinated(text: str, actions: ActionLexicon, cues: list[Cue]) -> list[list[Cue]]:
    """Split cues of different actions joined by "and"/"to" ("taken X and are at Y")."""
    groups: list[list[Cue]] = [[cues[0]]]
    for cue in cues[1:]:
        gap = text[groups[-1][-1].end: cue.start]
        relative = RELATIVE_BEFORE.search(text, max(0, groups[-1][0].start - 30),
                                          groups[-1][0].start)
        if cue.action != group_action(text, actions, groups[-1]) and \
                (relative or COORDINATION.search(gap) or taking_noun(text, groups[-1][-1])) \
                and not GAP_PUNCT.search(gap) and \
                not circumstance(text, cue, groups[-1][-1].end):  # "... after heavy fighting"
            groups.append([cue])
        else:
            groups[-1].append(cue)
    return groups

