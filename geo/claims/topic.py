"""Who acted when a clause names no agent: the text's topic, or its sentence's subject.

A base of :class:`geo.claims.reader.EntryReader`, the actor finding's last resorts: an
agentless passive ("The prison and the airbase were captured"), an action named by a noun
("the liberation of Palmyra from ISIL"), a noun of fighting heading its clause ("Heavy
fighting continued in X"), and a participle clause opening its sentence ("After seizing X,
the Army ...").  A speaker ("..., the SDF said") is never such an actor.  Also the side that
repelled an attack told in the passive with no agent ("their attack was repelled").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from geo.claims.agents import speaker
from geo.claims.clauses import Clause
from geo.claims.discourse import DiscourseReader, fight_head
from geo.claims.events import _between, _Event, _oblique
from geo.claims.patterns import (
    ADJUNCT,
    BY_NEXT,
    FIGHT_NOUN,
    GIVING_UP,
    MADE_OF,
    MOVER_AFTER,
    MOVING_PARTICIPLE,
    NOMINAL,
    PASSIVE,
    PASSIVE_AFTER,
    PASSIVE_IN_CUE,
    REPEL_CUE,
    REPELLED_BEFORE,
    UNCLAIMED_BOMB,
    UNDER_CONTROL,
    UNDER_CONTROL_OF,
)
from geo.claims.results import Context, Evidence
from geo.claims.rules import Cue
from geo.records import ActorMention, Claim, Mention

# "fell to X", "had fallen to X", "IS lost X to the SAA": the place went to X, the agent
# named after the cue.
# ("Azaz surrendered to the SDF", "the rebels surrendered to the Army": the side after "to")
FALLEN = re.compile(rf"(?<!\w)(?:fell|fallen|falls|falling|fall|{GIVING_UP})(?!\w)",
                    re.IGNORECASE)
FALLEN_TO = re.compile(r"\A\s*(?:to\s+)?(?:(?:the|a|an)\s+)?(?:[\w-]+\s+)?\Z", re.IGNORECASE)
HANDS = re.compile(r"(?<!\w)hands\Z", re.IGNORECASE)
# "Complete control was achieved on 30 June when Syrian troops entered X": the subject of the
# "when" clause right after an agentless passive of taking is who took it.
WHEN_AGENT = re.compile(r"\A[^.;:!?]{0,40}?(?<!\w)when\s+(?:the\s+)?\Z", re.IGNORECASE)
# "there was heavy fighting in X", "there were clashes": the existential sentence tells that
# fighting took place and leaves out who fought (Quirk et al. 1985, 18.44-18.50, existential
# sentences); no side of the topic is its agent.
EXISTENTIAL = re.compile(r"(?:\A|,)\s*there\s+(?:(?:was|were|is|are|has|have|had|been|still|also|"
                         r"again|then|reportedly)\s+){1,3}(?:[\w-]+\s+){0,2}\Z", re.IGNORECASE)
# How far back (in paragraphs) an agentless passive takes the latest claim's actor.
TOPIC_PARAGRAPHS = 2

# "a convoy of reinforcements from the NDF (units)": the side the reinforcements are of moves.
REINFORCEMENTS = re.compile(r"reinforcements\Z", re.IGNORECASE)
FROM_UNITS = re.compile(r"\A\s+(?:of|from)\s+(?:the\s+)?\Z", re.IGNORECASE)


class TopicReader(DiscourseReader):
    """The last resorts of an entry reader's actor finding, and the defender no word names."""

    ctx: Context
    claims: list[Claim]
    text: str
    entry_id: int
    actors: list[ActorMention]
    actor_starts: list[int]
    clauses: list[Clause]
    clause_starts: list[int]
    by_sentence: dict[int, list[Clause]]
    acting: list[Claim]
    last_in_paragraph: dict[int, Claim]
    sentence_of: dict[str, tuple[int, int]]

    def _actors_in(self, lo: int, hi: int) -> list[ActorMention]:
        return _between(self.actors, self.actor_starts, lo, hi)

    def _topic_actor(self, clause: Clause, event: _Event,
                     first: Cue) -> tuple[ActorMention | None, str | None]:
        """The actor of an event no word of its sentence names (see the module docstring)."""
        text = self.text
        passive = self._passive(event)
        if passive and first.action == "capture":  # "Full control was achieved when the
            for mention in self._actors_in(first.end, clause.sentence_end):  # Army entered X"
                if WHEN_AGENT.match(self.text[first.end: mention.start]):
                    return mention, None
                break
        if passive:  # "Raqqa will be heavily defended. IS cannot ..."
            mention, actor = self._passive_actor(clause, first.start)
            if mention is not None or actor is not None:
                return mention, actor
        else:  # "The militants withdrew": the side named before that the noun can mean
            forced, actor = self._force_noun(clause, first.start)
            if forced:
                return None, actor
        fighting = self._fighting_side_after(clause, first)  # "Clashes ..., while the SDF"
        if fighting is not None:
            return fighting, None
        # an event named by a noun takes the topic of its own block only: across blocks the
        # latest actor is too weak a guess ("Fierce fighting was reported at X")
        if UNCLAIMED_BOMB.search(text, max(clause.start, first.start - 24), first.start):
            return None, None  # "A car bomb exploded in X": no side's act told
        own = bool(self.acting) and self.acting[-1].entry == self.entry_id
        if own and NOMINAL.search(text, max(clause.start, first.start - 60), first.start) \
                and all(_oblique(text, m, clause.sentence_start) or speaker(text, m, first.start)
                        for m in self._actors_in(clause.sentence_start, clause.end)):
            # an agentless "attack on Raqqa", "the liberation of Palmyra from ISIL": the topic
            return None, self.acting[-1].actor
        if own and self._fight_of_topic(clause, first):
            self._carry(first.start, self._sentence_span(self.acting[-1].start))
            return None, self.acting[-1].actor
        return None, None

    def _fallen_to(self, event: _Event, end: int) -> ActorMention | None:
        """The side a place fell to: "Azaz fell to the SDF", "had fallen to IS fighters";
        the side named inside a cue of holding: "Azaz remained in IS hands"."""
        for cue in event.cues:
            inside = self._actors_in(cue.start, cue.end)
            if cue.action == "control" and inside and inside[-1].end <= cue.end and \
                    HANDS.search(self.text, cue.start, cue.end):
                return inside[-1]
            if cue.action == "capture" and inside and \
                    UNDER_CONTROL.search(self.text, cue.start, cue.end):
                return inside[-1]
            if cue.action != "capture" or not (
                    FALLEN.search(self.text, cue.start, cue.end)
                    or UNDER_CONTROL_OF.search(self.text, cue.start, cue.end)):
                continue
            for mention in self._actors_in(cue.end, end):
                gap = self.text[cue.end: mention.start]
                return mention if FALLEN_TO.match(gap) else None
        return None

    def _made_of(self, clause: Clause, cue: Cue) -> ActorMention | None:
        """The side a force named by the cue is made of: "A convoy of reinforcements from X,
        consisting of the pro-government Palestinian militia Liwa Al-Quds, ..."."""
        for mention in self._actors_in(cue.end, min(clause.sentence_end, cue.end + 160)):
            if MADE_OF.search(self.text, max(cue.end, mention.start - 60), mention.start):
                return mention
        return None

    def _mover_after(self, cue: Cue, end: int) -> ActorMention | None:
        """The side a moving participle describes: "advancing rebel forces ran into mines",
        "explosives left by retreating ISIL forces" (not "attacking ISIL": an object)."""
        reinforcements = REINFORCEMENTS.match(self.text, cue.start, cue.end)
        if not reinforcements and not MOVING_PARTICIPLE.search(self.text, cue.start, cue.end):
            return None
        for mention in self._actors_in(cue.end, end):  # "reinforcements from the NDF"
            gap = self.text[cue.end: mention.start]
            return mention if MOVER_AFTER.match(gap) or (reinforcements and FROM_UNITS.match(
                gap)) else None
        return None

    def _adjunct_subject(self, clause: Clause, cue: Cue) -> ActorMention | None:
        """For a participle clause opening its sentence with no subject of its own ("After
        also seizing X, the Army ..."), the subject of the clause after it, unless that
        subject is a passive's patient ("..., the rebels were left besieged")."""
        before = [c for c in self.by_sentence[clause.sentence] if c.end <= clause.start]
        if any(self._actors_in(c.start, c.end) for c in before) or \
                not ADJUNCT.match(self.text[clause.start: cue.end]):
            return None  # (a time before it, "On 17 August, after capturing X", is no subject)
        later: Sequence[Clause] = [c for c in self.by_sentence[clause.sentence]
                                   if c.start > clause.start][:1]
        for nxt in later:
            for mention in self._actors_in(nxt.start, nxt.end):
                if _oblique(self.text, mention, nxt.start):
                    continue
                return None if PASSIVE_AFTER.match(self.text, mention.end) else mention
        return None

    def _passive_actor(self, clause: Clause,
                       cue: int) -> tuple[ActorMention | None, str | None]:
        """Who did an agentless passive: the paragraph's latest actor, else its next subject,
        else the actor of the text's latest claim up to ``TOPIC_PARAGRAPHS`` back ("The
        prison and the airbase were captured" after a paragraph on the army's advance)."""
        if clause.paragraph in self.last_in_paragraph:  # (with two sides acting, neither)
            one = self._one_side()
            if one is None:
                return None, None
            self._carry(cue, self._sentence_span(one.start))
            return None, one.actor
        for index in range(bisect.bisect_right(self.clause_starts, clause.start),
                           len(self.clauses)):
            later = self.clauses[index]
            if later.paragraph != clause.paragraph:
                break
            for mention in self._actors_in(later.start, later.end):
                if not _oblique(self.text, mention, later.start) and \
                        not speaker(self.text, mention):  # "..., the SDF said"
                    return mention, None
        last = self._one_side()
        if last is not None and clause.paragraph - self.sentence_of[last.id][1] <= TOPIC_PARAGRAPHS:
            self._carry(cue, self._sentence_span(last.start)
                        if last.entry == self.entry_id else (-1, -1))
            return None, last.actor
        return None, None

    def _passive(self, event: _Event) -> bool:
        return any(PASSIVE.search(self.text, max(0, c.start - 40), c.end)
                   or PASSIVE_IN_CUE.search(self.text[c.start: c.end]) for c in event.cues)

    def _fight_of_topic(self, clause: Clause, cue: Cue) -> bool:
        """Whether the cue is a noun of fighting heading a clause that names no agent
        ("Heavy fighting continued on 5 June"), with a claim of the text's topic at most
        ``TOPIC_PARAGRAPHS`` back: the side the text follows is fighting there."""
        text = self.text
        if not self.acting or not FIGHT_NOUN.search(text, cue.start, cue.end) or \
                not fight_head(text, clause.start, cue.start) or \
                EXISTENTIAL.search(text[clause.start: cue.start]):
            return False
        if any(not _oblique(text, m, clause.start)
               for m in self._actors_in(clause.start, clause.end)):
            return False
        last = self.acting[-1]
        return clause.paragraph - self.sentence_of[last.id][1] <= TOPIC_PARAGRAPHS

    def _repelled(self, clause: Clause, cue: Cue) -> bool:
        """Whether a cue is a passive of repelling with no agent ("was repelled")."""
        text = self.text
        return cue.action == "defend" and bool(REPEL_CUE.match(text, cue.start)) and \
            bool(REPELLED_BEFORE.search(text, max(clause.start, cue.start - 30), cue.start)) \
            and not BY_NEXT.match(text, cue.end)

    def _defender(self, clause: Clause, event: _Event, lo: int, hi: int, attacker: str | None,
                  found: list[Mention] | None = None) -> None:
        """A claim for the side that repelled an attack the text tells in the passive with no
        agent ("although their attack was repelled", "before being repulsed"): the latest
        side of this paragraph or the one before that is not the attacker's, at the
        attack's places (this clause's, else those of the sentence's latest claim)."""
        cue = next((c for c in event.cues if self._repelled(clause, c)), None)
        if cue is None:
            return
        side_of = self.ctx.lexicon.side_of
        # holders count as defenders ("attacked the Kurdish-held areas"), not as attackers
        earlier = [c for c in self.claims if c.start < cue.start
                   and clause.paragraph - self.sentence_of[c.id][1] <= 1]
        told = [c for c in self.acting if c.start < cue.start
                and self.sentence_of[c.id][0] == clause.sentence]
        if told:  # the attack the sentence told: "X attempted to ..., but the assault was"
            attacker = told[-1].actor
        if attacker is None:
            return
        side = side_of(attacker)
        defender = next((c for c in reversed(earlier) if side_of(c.actor) not in (side, "Others")),
                        None)
        if defender is None:
            return
        mentions = found if found is not None else \
            self._event_places(clause, event, lo, hi, hi, None)[0]
        borrowed = False
        if not mentions:
            same = [c for c in earlier if self.sentence_of[c.id][0] == clause.sentence]
            if not same:
                return
            evidence = self.ctx.evidence.get(same[-1].id)
            mentions = list(evidence.mentions) if evidence is not None else []
            borrowed = True
        if not mentions:
            return
        self._claim(clause, clause.start, defender.actor, "defend", mentions, (None, None),
                    Evidence(cue=(cue.start, cue.end), subject=None, pronoun=True,
                             borrowed=borrowed))
