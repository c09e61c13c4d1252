"""Reads one entry's clauses into claims (see the package docstring for the rules)."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import replace

from geo.claims.agents import BARE_PASSIVE, DONE_TO, agent_cues, hit_object, speaker
from geo.claims.clauses import Clause, split_clauses
from geo.claims.events import _between, _coordinated, _Event, _events, _oblique, group_action
from geo.claims.patterns import (
    AGAINST_NEXT,
    AGENT,
    AIR,
    ALMOST,
    BETWEEN,
    BY_NEXT,
    CO_ACTOR_AFTER,
    CO_ACTOR_OF,
    CO_ACTOR_WITH,
    DONE_BY,
    EVENT_SUBJECT,
    EVENT_SUBJECT_BARE,
    GAP_PUNCT,
    HOLDER,
    IT_SUBJECT,
    JOINT,
    MADE_OF,
    MEN,
    MOVED,
    NOMINAL_CUE,
    NOUN_CUE,
    NOUN_MODAL,
    PARTICIPLE_BY,
    PASSIVE,
    PASSIVE_IN_CUE,
    PAST,
    PRONOUN,
    RELATIVE,
    RESULT,
    UNNAMED_PLACES,
    VERB_OBJECT,
)
from geo.claims.placing import PlaceReader
from geo.claims.recall import co_actors, noun_agent, under_attack
from geo.claims.results import Context, Discourse, Duplicate, Evidence
from geo.claims.rules import MOVEMENTS, Cue
from geo.claims.topic import TopicReader
from geo.records import ActorMention, Claim, Entry, Mention, Quote

# How far back (in sentences) a movement's destination may find where it started.
LEG_SENTENCES = 2
# Actors that are states: "these men" (fighters) is read as an armed group, not a state.
STATES = frozenset({"turkey", "russia", "us", "iran", "israel", "saudi", "gcc", "nato"})
# How far back (in actor mentions or claims) a pronoun's antecedent is looked for.
LOOKBACK = 40


class EntryReader(PlaceReader, TopicReader):
    """Reads one entry's clauses into claims."""

    def __init__(self, ctx: Context, entry: Entry, mentions: list[Mention],
                 actors: list[ActorMention], before: Discourse | None = None) -> None:
        self.ctx = ctx
        self.entry = entry
        self.entry_id = entry.id
        self.before = before
        self.text = entry.text
        self.mentions = mentions
        self.mention_starts = [m.start for m in mentions]
        self.actors = actors
        self.actor_starts = [m.start for m in actors]
        self.clauses = split_clauses(entry.text, entry.quotes)
        self.by_sentence: dict[int, list[Clause]] = {}
        self.paragraph_start: dict[int, int] = {}
        for clause in self.clauses:
            self.by_sentence.setdefault(clause.sentence, []).append(clause)
            self.paragraph_start.setdefault(clause.paragraph, clause.start)
        self.clause_starts = [c.start for c in self.clauses]
        self._cues = self._all_cues()
        self.claims: list[Claim] = []
        self.acting: list[Claim] = []  # the claims whose actor acts (not "X-held")
        self.last_in_paragraph: dict[int, Claim] = {}
        self.sentence_claims: dict[int, list[Claim]] = {}
        self.sentence_of: dict[str, tuple[int, int]] = {}  # claim id -> (sentence, paragraph)
        self.superseded: set[str] = set()  # first legs of journeys told in two sentences
        if before is not None:  # the block before is the paragraph before, in no sentence
            self.acting = list(before.acting)
            self.sentence_of.update({c.id: (-LOOKBACK, -1) for c in before.acting})

    def discourse(self) -> Discourse:
        """What this entry hands the next block of the same text."""
        return Discourse(tuple(self.acting[-LOOKBACK:]), self.text, tuple(self.mentions))

    # -- lookups --

    def _all_cues(self) -> dict[int, list[Cue]]:
        """Cues per clause (keyed by clause start) from one pass over the whole text.

        A cue that straddles a clause edge is dropped and the clauses it touches are
        scanned on their own, so the result is what scanning each clause would give.
        """
        actions = self.ctx.actions
        found: dict[int, list[Cue]] = {c.start: [] for c in self.clauses}
        rescan: set[int] = set()
        for cue in actions.cues(self.text):
            index = max(0, bisect.bisect_right(self.clause_starts, cue.start) - 1)
            clause = self.clauses[index] if self.clauses else None
            if clause is not None and clause.start <= cue.start and cue.end <= clause.end:
                found[clause.start].append(cue)
                continue
            for other in self.clauses[index: index + 3]:
                if other.start < cue.end and cue.start < other.end:
                    rescan.add(other.start)
        for clause in self.clauses:
            if clause.start in rescan:
                found[clause.start] = actions.cues(self.text, clause.start, clause.end)
        return found

    def _actors_in(self, lo: int, hi: int) -> list[ActorMention]:
        return _between(self.actors, self.actor_starts, lo, hi)

    def _clause_at(self, offset: int) -> Clause:
        return self.clauses[max(0, bisect.bisect_right(self.clause_starts, offset) - 1)]

    def _is_subject(self, mention: ActorMention) -> bool:
        """Not the object of a preposition, unless what a force is made of ("a convoy ...,
        consisting of the X militia, ... they")."""
        return not _oblique(self.text, mention, self._clause_at(mention.start).start) or \
            bool(MADE_OF.search(self.text, max(0, mention.start - 60), mention.start))

    # -- the actor --

    def _antecedent(self, clause: Clause, *, fighters: bool,
                    exclude: set[str]) -> ActorMention | None:
        """The latest actor a pronoun can mean, in the clause's paragraph or the one before.

        For "they" that is the latest subject-like mention (not after a preposition nor a
        verb: "favoring ISIL"); for "these men" the latest armed group, even as an object.
        """
        first = self.paragraph_start.get(clause.paragraph - 1,
                                         self.paragraph_start[clause.paragraph])
        stop = bisect.bisect_left(self.actor_starts, clause.start)
        for index in range(stop - 1, max(-1, stop - 1 - LOOKBACK), -1):
            mention = self.actors[index]
            if mention.start < first:
                break
            if mention.actor in exclude:
                continue
            if fighters:
                if mention.actor not in STATES:
                    return mention
            elif self._is_subject(mention) and not VERB_OBJECT.search(
                    self.text, max(0, mention.start - 40), mention.start):
                return mention
        return None

    def _agent(self, event: _Event, end: int) -> ActorMention | None:
        """The agent of a passive or of an action named by a noun: "the siege ... was lifted
        by SAA", "the capture of Dabiq by Turkish forces"."""
        text = self.text
        for cue in agent_cues(text, event.cues):
            passive = PASSIVE.search(text, max(0, cue.start - 40), cue.end) or \
                PASSIVE_IN_CUE.search(text[cue.start: cue.end]) or \
                NOMINAL_CUE.search(text, max(0, cue.start - 12), cue.start) or \
                (PARTICIPLE_BY.search(text, cue.start, cue.end)
                 and BY_NEXT.match(text, cue.end)) or DONE_BY.match(text, cue.end)
            if not passive:
                continue
            for mention in self._actors_in(cue.end, end):
                if AGENT.match(text[cue.end: mention.start]):
                    return mention
        return None

    def _fighting_between(self, clause: Clause, event: _Event) -> ActorMention | None:
        """The first side of a fight "between A and B" named after its cue in the clause."""
        first = event.cues[0]
        if first.action != "attack":
            return None
        for mention in self._actors_in(first.end, clause.end):
            if BETWEEN.search(self.text, max(first.end, mention.start - 20), mention.start):
                return mention
        return None

    def _joined(self, subject: ActorMention, lo: int, hi: int) -> list[ActorMention]:
        """The actors named together with the subject ("the Army and Hezbollah"); not a
        source set off by a comma ("According to the SDF, IS withdrew")."""
        mentions = self._actors_in(lo, hi)
        if subject not in mentions:
            return []
        at = mentions.index(subject)
        oblique = _oblique(self.text, subject, lo)
        out: list[ActorMention] = []
        for step in (-1, 1):
            index = at
            while 0 <= index + step < len(mentions):
                a, b = sorted((mentions[index], mentions[index + step]), key=lambda m: m.start)
                gap = self.text[a.end: b.start]
                if not JOINT.match(gap) or (not oblique and gap.split()[:1] == [","] and _oblique(
                        self.text, mentions[index + step], lo)):
                    break
                index += step
                out.append(mentions[index])
        return out

    def _resolve(self, clause: Clause, event: _Event,
                 event_end: int) -> tuple[ActorMention | None, str | None]:
        """The actor of an event: a mention, or the id of an earlier claim's actor."""
        text = self.text
        mover = self._mover_after(event.cues[0], event_end) or \
            under_attack(self, event, event_end)  # recall.py: "came under attack by IS"
        if mover is not None or event.subject is not None:  # "explosives left by retreating
            return mover or event.subject, None  # ISIL forces": ISIL retreated
        agent = self._agent(event, event_end) or self._fallen_to(event, event_end) or \
            self._fighting_between(clause, event) or noun_agent(self, clause, event)
        if agent is not None:
            return agent, None
        first = event.cues[0]
        head = text[clause.start: first.start]
        objects = {m.actor for m in self._actors_in(first.start, clause.end)
                   if not _oblique(text, m, first.start)}  # "they pulled what insurgents"
        if MEN.search(head):
            found = self._antecedent(clause, fighters=True, exclude=objects)
            if found is not None:
                return found, None
        if PRONOUN.search(head) or IT_SUBJECT.match(head):
            found = self._antecedent(clause, fighters=False, exclude=objects)
            if found is not None:
                return found, None
            for claim in reversed(self.acting[-LOOKBACK:]):
                if claim.actor not in objects:
                    return None, claim.actor
        if self.acting and (EVENT_SUBJECT.match(head) or (
                EVENT_SUBJECT_BARE.match(head) and PAST.match(text, first.start))):
            return None, self.acting[-1].actor  # "This effectively cut off X": that event's
        earlier = [c for c in self.by_sentence[clause.sentence] if c.end <= clause.start]
        if earlier:
            previous = self.sentence_claims.get(clause.sentence, [])
            if previous and RELATIVE.search(text[clause.start: clause.end]):
                return None, previous[-1].actor  # "..., which allowed ...": the same event
            # "..., thus clearing the road": a result's subject is the sentence's first subject
            order = earlier if RESULT.match(text, clause.start) else list(reversed(earlier))
            for prior in order:
                found = self._actors_in(prior.start, prior.end)
                for mention in (found if order is earlier else reversed(found)):
                    if not _oblique(text, mention, prior.start) and \
                            not HOLDER.match(text, mention.end) and \
                            not speaker(text, mention, first.start) and \
                            not hit_object(text, mention, prior.start, first.start):
                        return mention, None
            if previous:
                return None, previous[-1].actor
        adjunct = self._adjunct_subject(clause, first) or self._made_of(clause, first)
        if adjunct is not None:  # "After seizing X, the Army ...": the main clause's subject
            return adjunct, None
        return self._topic_actor(clause, event, first)

    # -- the claim --

    def _modality(self, clause: Clause, start: int, cue: int) -> str:
        return self.ctx.modality.modality(self.text, (clause.start, clause.end),
                                          (clause.segment_start, clause.segment_end), start, cue)

    def _claim(self, clause: Clause, start: int, actor: str, action: str,
               mentions: list[Mention], roles: tuple[Mention | None, Mention | None],
               evidence: Evidence, *, acts: bool = True) -> Claim:
        origin, destination = roles if action in MOVEMENTS else (None, None)
        used = sorted({id(m): m for m in [*mentions, *(r for r in (origin, destination) if r)]}
                      .values(), key=lambda m: m.start)
        quote = _quote_of(clause, self.entry.quotes)
        author, posted_at = self.entry.author, self.entry.posted_at
        if quote is not None and quote.entry in self.ctx.entries:
            quoted = self.ctx.entries[quote.entry]
            author, posted_at = quoted.author, quoted.posted_at
        cue = evidence.cue[0]
        modality = self._modality(clause, start, cue) or _noun_modality(self.text, cue)
        places = tuple(dict.fromkeys(m.place for m in used))
        origin_id = origin.place if origin else None
        leg = self._first_leg(clause, actor, action) if origin is None and destination else None
        if leg is not None:  # the journey told in two sentences is one movement, one span
            self.superseded.add(leg.id)  # (its first leg alone is no claim of its own)
            start, origin_id = leg.start, leg.origin
            places = tuple(dict.fromkeys((*leg.places, *places)))
        claim = Claim(
            id=f"e{self.entry.id}c{len(self.claims)}", entry=self.entry.id, author=author,
            posted_at=posted_at, actor=actor, action=action,
            places=places,
            origin=origin_id,
            destination=destination.place if destination else None,
            modality=modality or "reported", start=start, end=clause.end,
            quote=self.text[start: clause.end], precision=self._precision(used),
        )
        if not modality:
            self.ctx.defaults.add(claim.id)
        self.claims.append(claim)
        self.sentence_of[claim.id] = (clause.sentence, clause.paragraph)
        # "rebel-held": a holder, no agent; the side driven out: no one the text follows;
        # an air backer acts through the side it backs
        if acts and not self.text.startswith("-", evidence.cue[0]) and evidence.co_actor != "air":
            self.acting.append(claim)
            self.last_in_paragraph[clause.paragraph] = claim
            self.sentence_claims.setdefault(clause.sentence, []).append(claim)
        self.ctx.sentences[claim.id] = (clause.sentence_start, clause.sentence_end)
        self.ctx.evidence[claim.id] = replace(evidence, mentions=tuple(used),
                                              sentence=(clause.sentence_start,
                                                        clause.sentence_end),
                                              ruled=bool(modality))
        return claim

    def _first_leg(self, clause: Clause, actor: str, action: str) -> Claim | None:
        """The start of a journey whose end this clause tells: the latest claim of the same
        paragraph, at most ``LEG_SENTENCES`` sentences back, in which the same actor makes the
        same movement from a place to nowhere said ("the Turks ... brought 6,000 men north out
        of the area ... around Azaz.  They trucked them ... through Hatay ... to Aleppo")."""
        for last in reversed(self.claims):
            sentence, paragraph = self.sentence_of[last.id]
            if paragraph != clause.paragraph or clause.sentence - sentence > LEG_SENTENCES:
                return None
            if (sentence < clause.sentence and last.actor == actor and last.action == action
                    and last.origin is not None and last.destination is None):
                return last
        return None

    def read(self) -> list[Claim]:
        text = self.text
        for clause in self.clauses:
            cues = [c for c in self._cues[clause.start] if c.action == "advance"
                    or not ALMOST.search(text, max(0, c.start - 30), c.start)]
            if not cues:
                continue
            quote = _quote_of(clause, self.entry.quotes)
            if quote is not None and self._duplicate(quote, clause):
                continue
            events = _events(text, clause, cues, self._actors_in(clause.start, clause.end))
            for index, event in enumerate(events):
                if event.subject is None and text.startswith("-", event.cues[0].start):
                    continue  # "the Kurdish-held areas": a holder the lexicon does not know
                hi = events[index + 1].start if index + 1 < len(events) else clause.end
                mention, actor, lost = self._actor_of(clause, event, hi)
                lo = clause.start if index == 0 else event.start
                if actor is None:
                    self._defender(clause, event, lo, hi, None)
                    continue
                found, start, borrowed = self._event_places(clause, event, lo, hi, hi, mention)
                self._defender(clause, event, lo, hi, actor, found)
                if not found:
                    continue
                if mention is not None and clause.sentence_start <= mention.start < start:
                    start = mention.start
                roles = self._roles(found, lo, hi, borrowed, mention)
                first = self._emit(clause, event, (start, hi), actor, mention, found, roles,
                                   borrowed=borrowed, lost=lost)
                if first is not None:
                    self._co_actors(clause, event, first, found, roles,
                                    (clause.sentence_start if index == 0 else event.start, hi),
                                    mention)
        return [c for c in self.claims if c.id not in self.superseded]

    def _actor_of(self, clause: Clause, event: _Event,
                  hi: int) -> tuple[ActorMention | None, str | None, bool]:
        """(the actor's mention, its id, whether it is the side that lost the place).

        A side the action was done to (``event.patient``, or a subject of an earlier clause
        before a bare passive: "IS attacked X, but was expelled from Y") is never its agent;
        with no other, the side that lost a place, named as the subject, withdrew from it
        (geo/claims/agents.py)."""
        mention, actor = self._resolve(clause, event, hi)
        if mention is not None:
            actor = mention.actor
        loser = event.patient
        if loser is None and mention is not None and mention.end <= clause.start and \
                event.cues[0].action in DONE_TO and \
                BARE_PASSIVE.match(self.text[clause.start: event.cues[0].start]):
            loser = mention
        if loser is None:
            return mention, actor, False
        side_of = self.ctx.lexicon.side_of
        if actor is not None and side_of(actor) != side_of(loser.actor):
            return mention, actor, False
        if loser.end <= event.cues[0].start and any(c.action == "capture" for c in event.cues):
            return loser, loser.actor, True  # "IS was driven out of X" (not "X was taken
        return None, None, False  # from IS": a sentence about the place, its taker unsaid)

    def _emit(self, clause: Clause, event: _Event, span: tuple[int, int], actor: str,
              mention: ActorMention | None, found: list[Mention],
              roles: tuple[Mention | None, Mention | None], *, borrowed: bool,
              lost: bool) -> Claim | None:
        """The claims of one event, a group of cues of one action at a time; the first."""
        text, actions = self.text, self.ctx.actions
        start, hi = span
        groups = _coordinated(text, actions, event.cues)
        owns = self._group_places(groups, event.start, hi, found, borrowed)
        first: Claim | None = None
        for number, (group, own) in enumerate(zip(groups, owns, strict=True)):
            if self._gives_way(groups, owns, number):
                continue  # "advanced and took X": X is the taking's, not the advance's
            action = group_action(text, actions, group)  # grouping.py
            if self._too_wide(action, own or found) or (lost and action != "capture"):
                continue  # "took Syria": a country is no place one takes or besieges
            cue = next(c for c in group if c.action == action)
            if self._repelled(clause, cue):
                continue  # "before being repelled": the attacker defends nothing
            if action == "capture" and AGAINST_NEXT.match(text, cue.end):
                action = "attack"  # "a campaign of conquest against IS"
            places = self._taken_places(action, cue, own or found)
            if not places:
                continue  # "advanced into X, capturing several villages": not X
            if lost and roles[0] is None:
                roles = (places[0], roles[1])  # "IS was driven out of X": it left X
            claim = self._claim(clause, start, actor, "withdraw" if lost else action, places,
                                roles, Evidence(cue=(cue.start, cue.end), subject=mention,
                                                pronoun=mention is None, borrowed=borrowed),
                                acts=not lost)
            first = first or claim
        return first

    def _taken_places(self, action: str, cue: Cue, places: list[Mention]) -> list[Mention]:
        """A capture of a count of places it does not name ("..., capturing several
        villages") took none named before it across a comma: those stay out."""
        if action != "capture" or not UNNAMED_PLACES.match(self.text, cue.end):
            return places
        return [m for m in places if m.start > cue.end
                or not GAP_PUNCT.search(self.text, m.end, cue.start)]

    def _co_actors(self, clause: Clause, event: _Event, claim: Claim, found: list[Mention],
                   roles: tuple[Mention | None, Mention | None], span: tuple[int, int],
                   subject: ActorMention | None) -> None:
        """Claims for actors acting alongside the subject, or moved by the action.

        "presumably with the agreement of the US" makes the US a party to the Turkish
        redeployment; "with American air support" an attacker; "the rerouting of foreign
        jihadis" a redeployment of the jihadis as well as of whoever reroutes them.
        """
        text = self.text
        seen = {claim.actor}
        lo, hi = span
        joined = self._joined(subject, lo, hi) if subject is not None else []
        air, later = co_actors(self, clause, claim, subject, joined, span)  # recall.py
        for mention in [*self._actors_in(lo, hi), *later]:
            if mention.actor in seen or mention == subject:
                continue
            if mention in joined:
                seen.add(mention.actor)
                self._claim(clause, min(claim.start, mention.start), mention.actor,
                            claim.action, found, roles,
                            replace(self.ctx.evidence[claim.id], subject=mention,
                                    co_actor="joint", pronoun=False))
                continue
            before = text[max(lo, mention.start - 60): mention.start]
            after = text[mention.end: mention.end + 30]
            action = claim.action
            kind = "moved"
            if mention in air or CO_ACTOR_OF.search(before) or (  # "backed by US airstrikes"
                    CO_ACTOR_WITH.search(before) and CO_ACTOR_AFTER.match(after)):
                if mention not in air and not AIR.match(after):
                    continue  # "with the agreement of the US": an associate, not an agent
                action, kind = "attack", "air"
            elif not any(c.action in ("redeploy", "withdraw", "flee") and c.end <= mention.start
                         and NOUN_CUE.search(text[c.start: c.end])
                         and MOVED.match(text[c.end: mention.start]) for c in event.cues):
                continue
            seen.add(mention.actor)
            self._claim(clause, min(claim.start, mention.start), mention.actor, action, found,
                        roles, replace(self.ctx.evidence[claim.id], subject=mention,
                                       co_actor=kind, pronoun=False))

    def _duplicate(self, quote: Quote, clause: Clause) -> bool:
        """A quoted clause whose claim the quoted entry already holds: link, don't count."""
        offset = quote.source_start - quote.start
        lo = max(clause.start + offset, quote.source_start)
        hi = min(clause.end + offset, quote.source_end)
        originals = [c for c in self.ctx.by_entry.get(quote.entry, [])
                     if c.start < hi and lo < c.end]
        for original in originals:
            self.ctx.report.duplicates.append(Duplicate(
                entry=self.entry.id, start=clause.start, end=clause.end,
                author=original.author, original=original.id))
        return bool(originals)


def _noun_modality(text: str, cue: int) -> str:
    """"predicted" for "a future offensive", "speculative" for "a potential blow", else ""."""
    before = NOUN_MODAL.search(text, max(0, cue - 30), cue)
    if before is None:
        return ""
    return "speculative" if before.group(1).lower() in ("possible", "potential", "likely",
                                                        "probable", "prospective",
                                                        "hypothetical") else "predicted"


def _quote_of(clause: Clause, quotes: Sequence[Quote]) -> Quote | None:
    for quote in quotes:
        if quote.start - 1 <= clause.start and clause.end <= quote.end + 1:
            return quote
    return None

