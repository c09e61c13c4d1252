"""Who acted, read from beyond the sentence (issue 12, recall), with the side checked.

A base of :class:`geo.claims.reader.EntryReader` (through ``topic``), consulted when no word
of the clause names the actor:

* **a force named by a common noun** ("The militants withdrew from the city", "the troops
  took X", "the group captured X"): the latest side named in the paragraph or the one before
  (for a block of an article, the block before it) that the noun can mean: "militants",
  "insurgents", "terrorists" and "extremists" an armed group of IS or the rebels, "the group"
  an armed group that is no state's army, "troops" and "soldiers" an army (not IS or the
  rebels), "fighters" any side.  When no side named before agrees, the clause has no actor
  (never the latest actor regardless of side: "The SDF advanced on X.  The militants
  withdrew ..." is no SDF withdrawal);
* **the side a paragraph follows** (:meth:`DiscourseReader._one_side`): the actor of the
  claims told so far in the paragraph (else of the block before it) when they are all of one
  side.  An agentless passive ("X was captured on 3 May") and a noun of fighting opening a
  block ("On 17 June, heavy clashes were reported at X") take it; with two sides acting
  ("The SDF took X.  IS attacked Y.  Z was captured.") neither gets a carried actor;
* **ground taken back** ("they recaptured all of the territory lost", "the rebels retook the
  positions they lost"): the places of the latest capture by another side, in the paragraph
  or the block before (:meth:`DiscourseReader._regained`, a place of ``placing``);
* **forces sent with no place named** ("As X came under fire, the Army redeployed its
  soldiers"): to the place of the clause before, in the same sentence (``_sent_where``);
* **"the town", "the city" with no antecedent** (the paragraph and the one before name
  none, as after a heading): the town the whole text is about, when the paragraph names no
  other town by its noun ("the town of X") (``_topic_place``, a place of ``placing``);
* **a time before a noun of fighting** ("On 17 June, heavy clashes were reported at X",
  "Later that day, fighting continued in X"): the time does not hide that the clause names
  no agent (:func:`fight_head`).

A carried actor is an actor no word of the clause names: its evidence says so
(``pronoun``, and ``carried``: where the sentence that named it stands in the entry, or
(-1, -1) when it stood in the block before), so the claim's confidence is lower and a reader
can see the context it stands on.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from typing import TYPE_CHECKING

from geo.claims.agents import speaker
from geo.claims.clauses import Clause
from geo.claims.events import _Event, _oblique
from geo.claims.patterns import FIGHT_HEAD, FIGHT_NOUN, HOLDER, PASSIVE_AFTER
from geo.claims.rules import Cue
from geo.records import ActorMention, Claim, Mention

if TYPE_CHECKING:  # (the reader imports this module)
    from geo.claims.results import Context

# A force named by a common noun right before its verb: "The militants withdrew", "On 3 May,
# the retreating troops then blew up", "..., the group captured".
FORCE_SUBJECT = re.compile(
    r"(?:\A|,)\s*(?:(?:on|by|in|during|after|later|early|late|meanwhile|the\s+next|"
    r"the\s+following)\b[^,]{0,40},\s*)?(?:the\s+)?(?:(?:remaining|retreating|advancing|same|"
    r"surviving|\w+ly)\s+)?(?P<noun>militants|insurgents|terrorists|extremists|group|troops|"
    r"soldiers|fighters)\s+(?:(?:\w+ly|then|also|later|soon|again|next|too|had|have|has|"
    r"were|was)\s+){0,2}\Z",
    re.IGNORECASE,
)
ARMED_GROUPS = frozenset({"IS", "Nusra and other rebels"})
ARMIES = frozenset({"SAA and allies", "Turkey", "US", "Russia", "SDF/YPG"})
# The sides each noun can mean (None: any side).
NOUN_SIDES: dict[str, frozenset[str] | None] = {
    "militants": ARMED_GROUPS,
    "insurgents": ARMED_GROUPS,
    "terrorists": ARMED_GROUPS,
    "extremists": ARMED_GROUPS,
    "group": frozenset({*ARMED_GROUPS, "SDF/YPG"}),
    "troops": ARMIES,
    "soldiers": ARMIES,
    "fighters": None,
}
# A time opening a clause: "On 17 June, ", "Later that day, ", "By the evening, ".
TIME_OPENING = re.compile(
    r"\A[\s,]*(?:(?:on|by|in|during|since|after|until|later|early|late|meanwhile|the\s+next|"
    r"the\s+following|that|this)\b[^,.;]{0,40},\s*|(?:later|meanwhile|elsewhere|subsequently|"
    r"then),\s*)", re.IGNORECASE)
# The ground a side lost, taken back: "recaptured all of the territory lost", "retook the
# positions they lost", "regained the lost ground".
_GROUND = r"(?:territory|territories|ground|positions|areas|villages|points|gains)"
LOST_GROUND = re.compile(
    rf"\s*(?:(?:all|most|much|some|part)\s+(?:of\s+)?)?(?:the\s+|its\s+|their\s+)?(?:"
    rf"(?:lost|recently\s+lost)\s+{_GROUND}|{_GROUND}\s+(?:(?:that|which)\s+)?"
    rf"(?:(?:they|it|the\s+[\w-]+)\s+)?(?:had\s+|have\s+|has\s+)?(?:previously\s+|earlier\s+)?"
    rf"(?:lost|taken|seized|captured))(?!\w)", re.IGNORECASE)
# "the town", "the city" (not "the town of X"), and a town or city named by its noun.
TOWN_NOUN = re.compile(r"(?<![\w-])the\s+(?:(?:whole|entire|besieged|embattled|ancient|"
                       r"historic)\s+)?(town|city)(?![\w-])(?!\s+of\s)", re.IGNORECASE)
_NAMED_TOWN = re.compile(r"(?i:town|city)\s+of\s+(?:the\s+)?[A-Z]|[A-Z][\w'-]*\s+(?i:town|city)"
                         r"(?!\w)")
# How far back (in actor mentions) a force noun's antecedent is looked for.
LOOKBACK = 40
UNKNOWN_SIDES = frozenset({"Others", ""})


def fight_head(text: str, lo: int, cue: int) -> bool:
    """Whether text[lo:cue] is what may head a noun of fighting with no agent
    (``FIGHT_HEAD``), once a time opening it is left out ("On 17 June, heavy clashes")."""
    head = text[lo: cue]
    opening = TIME_OPENING.match(head)
    return bool(FIGHT_HEAD.match(head) or (opening and FIGHT_HEAD.match(head[opening.end():])))


class DiscourseReader:
    """The actor of a clause from the paragraph around it (see the module docstring)."""

    ctx: Context
    text: str
    entry_id: int
    actors: list[ActorMention]
    actor_starts: list[int]
    acting: list[Claim]
    sentence_of: dict[str, tuple[int, int]]
    paragraph_start: dict[int, int]
    by_sentence: dict[int, list[Clause]]

    def _actors_in(self, lo: int, hi: int) -> list[ActorMention]:
        raise NotImplementedError

    def _places_in(self, lo: int, hi: int, actor: ActorMention | None) -> list[Mention]:
        raise NotImplementedError

    def _town_of_part(self, clause: Clause, lo: int, hi: int) -> Mention | None:
        raise NotImplementedError

    def _carry(self, cue: int, span: tuple[int, int]) -> None:
        """Note the span of the sentence a carried actor was named in (for the evidence)."""
        self.ctx.carried[(self.entry_id, cue)] = span

    def _sentence_span(self, offset: int) -> tuple[int, int]:
        stop = self.text.rfind(". ", 0, offset)
        lo = max(stop + 2 if stop >= 0 else 0, self.text.rfind("\n", 0, offset) + 1)
        hi = self.text.find(". ", offset)
        return lo, (len(self.text) if hi < 0 else hi + 1)

    def _force_noun(self, clause: Clause, cue: int) -> tuple[bool, str | None]:
        """(whether the clause's subject is a force named by a common noun, its side's
        actor when a side named before agrees with the noun)."""
        match = FORCE_SUBJECT.search(self.text[clause.start: cue])
        if match is None:
            return False, None
        sides = NOUN_SIDES[match.group("noun").lower()]
        side_of = self.ctx.lexicon.side_of
        first = self.paragraph_start.get(clause.paragraph - 1,
                                         self.paragraph_start[clause.paragraph])
        stop = bisect.bisect_left(self.actor_starts, clause.start + match.start())
        for index in range(stop - 1, max(-1, stop - 1 - LOOKBACK), -1):
            mention = self.actors[index]
            if mention.start < first:
                break
            side = side_of(mention.actor)
            if side not in UNKNOWN_SIDES and (sides is None or side in sides):
                self._carry(cue, self._sentence_span(mention.start))
                return True, mention.actor
        for claim in reversed(self.acting[-LOOKBACK:]):  # the block before
            if claim.entry != self.entry_id and (sides is None or side_of(claim.actor) in sides):
                self._carry(cue, (-1, -1))
                return True, claim.actor
        return True, None

    def _fighting_side_after(self, clause: Clause, cue: Cue) -> ActorMention | None:
        """For a noun of fighting heading a clause that names no side ("On 17 June, heavy
        clashes were reported at X, while SDF forces continued to advance"), the subject of
        the next clause of its sentence: the side that was fighting there."""
        text = self.text
        if not FIGHT_NOUN.search(text, cue.start, cue.end) or \
                not fight_head(text, clause.start, cue.start) or \
                self._actors_in(clause.start, clause.end):
            return None
        later = [c for c in self.by_sentence.get(clause.sentence, []) if c.start >= clause.end]
        for nxt in later[:1]:
            for mention in self._actors_in(nxt.start, nxt.end):
                if _oblique(text, mention, nxt.start) or HOLDER.match(text, mention.end) or \
                        speaker(text, mention):
                    continue
                return None if PASSIVE_AFTER.match(text, mention.end) else mention
        return None

    def _last_places(self, clause: Clause, event: _Event, hi: int,
                     actor: ActorMention | None) -> list[Mention]:
        """The last resorts of ``placing``: ground taken back, where forces were sent, the
        town of a part named ("the eastern parts of X")."""
        found = self._regained(clause, event.cues[0], actor) or \
            self._sent_where(clause, event.cues[0], actor)
        if found:
            return found
        town = self._town_of_part(clause, event.start, hi)
        return [town] if town is not None else []

    def _regained(self, clause: Clause, cue: Cue, actor: ActorMention | None) -> list[Mention]:
        """The places of ground taken back ("they recaptured all of the territory lost"): those
        of the latest capture, in the paragraph (else the block before), by another side
        than the actor's; as mentions at the words that name the ground."""
        if cue.action != "capture" or actor is None:
            return []
        match = LOST_GROUND.match(self.text, cue.end, clause.end)
        if match is None:
            return []
        side_of = self.ctx.lexicon.side_of
        side = side_of(actor.actor)
        for claim in reversed(self.acting[-LOOKBACK:]):
            same = claim.entry == self.entry_id
            if same and (claim.start >= clause.start or
                         self.sentence_of.get(claim.id, (0, -1))[1] != clause.paragraph):
                if claim.start >= clause.start:
                    continue
                break
            if claim.action != "capture" or side_of(claim.actor) in (side, *UNKNOWN_SIDES):
                continue
            evidence = self.ctx.evidence.get(claim.id)
            if evidence is None or not evidence.mentions:
                return []
            return [replace(m, entry=self.entry_id, start=match.start(), end=match.end(),
                            surface=self.text[match.start(): match.end()])
                    for m in evidence.mentions]
        return []

    def _sent_where(self, clause: Clause, cue: Cue, actor: ActorMention | None) -> list[Mention]:
        """Where forces sent with no place named went: the places of the clause before, in
        the same sentence ("As X came under fire by the rebels, the Army redeployed its
        soldiers"), as mentions at the cue."""
        if cue.action != "redeploy" or actor is None or actor.start >= cue.start or \
                self._actors_in(clause.start, actor.start) or \
                self._actors_in(actor.end, cue.start):  # (the clause's one side, before the verb)
            return []
        before = [c for c in self.by_sentence.get(clause.sentence, []) if c.end <= clause.start]
        for prior in reversed(before[-1:]):
            found = [m for m in self._places_in(prior.start, prior.end, None)
                     if not (m.start <= actor.start < m.end)]
            return [replace(m, start=cue.start, end=cue.end,
                            surface=self.text[cue.start: cue.end]) for m in found[-1:]]
        return []

    def _topic_place(self, clause: Clause, lo: int, hi: int) -> Mention | None:
        """"the town", "the city" with no antecedent in its paragraph nor the one before: the
        city or town the whole text is about (``Context.topic_town``), as a mention at the
        words, when the noun can mean its kind."""
        topic = self.ctx.topic_town
        place = self.ctx.places.get(topic) if topic else None
        match = TOWN_NOUN.search(self.text, lo, hi)
        if place is None or match is None or \
                place.kind not in ("city", "town") or \
                (match.group(1).lower() == "city" and place.kind != "city"):
            return None
        first = self.paragraph_start.get(clause.paragraph, 0)
        if _NAMED_TOWN.search(self.text, first, match.start()):
            return None  # "the town of Um Mayyal ... the town": the unresolved one
        return Mention(place.id, self.entry_id, match.start(), match.end(), match.group(0),
                       0.5, 1, evidence=f"{match.group(0)!r}: the text's topic, {place.name}")

    def _one_side(self) -> Claim | None:
        """The latest claim told when the claims of its paragraph (for a block of an article,
        of its block) are all of one side, else None."""
        if not self.acting:
            return None
        last = self.acting[-1]
        where = (last.entry, self.sentence_of.get(last.id, (0, -1))[1])
        told = [c for c in self.acting[-LOOKBACK:]
                if (c.entry, self.sentence_of.get(c.id, (0, -1))[1]) == where]
        side_of = self.ctx.lexicon.side_of
        sides = {side_of(c.actor) for c in told} - UNKNOWN_SIDES
        return last if len(sides) == 1 else None
