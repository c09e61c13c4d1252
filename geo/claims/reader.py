"""Reads one entry's clauses into claims (see the package docstring for the rules)."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import replace

from geo.claims.clauses import Clause, split_clauses
from geo.claims.events import _between, _coordinated, _Event, _events, _oblique, _words
from geo.claims.patterns import (
    AGENT,
    AIR,
    ANAPHOR,
    BY_NEXT,
    CO_ACTOR_AFTER,
    CO_ACTOR_OF,
    CO_ACTOR_WITH,
    DESTINATION,
    DESTINATION_PHRASE,
    DONE_BY,
    FORCED_OUT,
    GAP_PUNCT,
    HOLDER,
    LIST_JOIN,
    LOCATIVE_TAIL,
    MEN,
    MOVED,
    NOMINAL,
    NOMINAL_CUE,
    NOUN_CUE,
    ORIGIN,
    ORIGIN_PHRASE,
    PARTICIPLE_BY,
    PASSIVE,
    PASSIVE_IN_CUE,
    PRONOUN,
    RELATIVE,
    VERB_OBJECT,
)
from geo.claims.results import Context, Duplicate, Evidence
from geo.claims.rules import MOVEMENTS, Cue
from geo.records import ActorMention, Claim, Entry, Mention, Quote

# How far back (in sentences) a movement's destination may find where it started.
LEG_SENTENCES = 2
# Actors that are states: "these men" (fighters) is read as an armed group, not a state.
STATES = frozenset({"turkey", "russia", "us", "iran", "israel", "saudi", "gcc", "nato"})
# How far back (in actor mentions or claims) a pronoun's antecedent is looked for.
LOOKBACK = 40
# Smaller is more specific: an origin/destination prefers the most specific place named.
KIND_RANK = {"facility": 0, "crossing": 0, "road": 1, "village": 1, "town": 2, "city": 3,
             "region": 4, "country": 5}


class EntryReader:
    """Reads one entry's clauses into claims."""

    def __init__(self, ctx: Context, entry: Entry, mentions: list[Mention],
                 actors: list[ActorMention]) -> None:
        self.ctx = ctx
        self.entry = entry
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

    def _places_in(self, lo: int, hi: int, actor: ActorMention | None) -> list[Mention]:
        found = _between(self.mentions, self.mention_starts, lo, hi)
        if actor is not None:  # "Turkey" the actor is no place; "Afrin YPG" still names one
            found = [m for m in found if not (m.start <= actor.start and actor.end <= m.end)]
        return found

    def _clause_at(self, offset: int) -> Clause:
        return self.clauses[max(0, bisect.bisect_right(self.clause_starts, offset) - 1)]

    def _is_subject(self, mention: ActorMention) -> bool:
        return not _oblique(self.text, mention, self._clause_at(mention.start).start)

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
        for cue in event.cues:
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

    def _passive(self, event: _Event) -> bool:
        return any(PASSIVE.search(self.text, max(0, c.start - 40), c.end)
                   or PASSIVE_IN_CUE.search(self.text[c.start: c.end]) for c in event.cues)

    def _resolve(self, clause: Clause, event: _Event,
                 event_end: int) -> tuple[ActorMention | None, str | None]:
        """The actor of an event: a mention, or the id of an earlier claim's actor."""
        text = self.text
        if event.subject is not None:
            return event.subject, None
        agent = self._agent(event, event_end)
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
        if PRONOUN.search(head):
            found = self._antecedent(clause, fighters=False, exclude=objects)
            if found is not None:
                return found, None
            for claim in reversed(self.acting[-LOOKBACK:]):
                if claim.actor not in objects:
                    return None, claim.actor
        earlier = [c for c in self.by_sentence[clause.sentence] if c.end <= clause.start]
        if earlier:
            previous = self.sentence_claims.get(clause.sentence, [])
            if previous and RELATIVE.search(text[clause.start: clause.end]):
                return None, previous[-1].actor  # "..., which allowed ...": the same event
            for prior in reversed(earlier):
                for mention in reversed(self._actors_in(prior.start, prior.end)):
                    if not _oblique(text, mention, prior.start) and \
                            not HOLDER.match(text, mention.end):
                        return mention, None
            if previous:
                return None, previous[-1].actor
        if self._passive(event):  # "Raqqa will be heavily defended. IS cannot ..."
            if clause.paragraph in self.last_in_paragraph:
                return None, self.last_in_paragraph[clause.paragraph].actor
            for index in range(bisect.bisect_right(self.clause_starts, clause.start),
                               len(self.clauses)):
                later = self.clauses[index]
                if later.paragraph != clause.paragraph:
                    break
                for mention in self._actors_in(later.start, later.end):
                    if not _oblique(text, mention, later.start):
                        return mention, None
        if self.acting and NOMINAL.search(text, max(clause.start, first.start - 60), first.start) \
                and not self._actors_in(clause.sentence_start, clause.sentence_end):
            return None, self.acting[-1].actor  # an agentless "attack on Raqqa": the topic
        return None, None

    # -- the places --

    def _event_places(self, clause: Clause, event: _Event, lo: int, hi: int, following: int,
                      actor: ActorMention | None) -> tuple[list[Mention], int, bool]:
        """Place mentions of an event, where its claim starts, and whether they are borrowed."""
        text = self.text
        found = self._places_in(event.start, hi, actor)
        if found:
            return found, clause.start, False
        if following < clause.end:  # "capture the territory [the rebels occupied] around X"
            gap = text[event.cues[-1].end: following]
            if _words(gap) <= 5 and not GAP_PUNCT.search(gap):
                found = self._places_in(following, clause.end, actor)
                if found:
                    return found, clause.start, False
        tail = self._locative_tail(clause)
        if tail is not None:
            found = self._places_in(tail.start, tail.end, actor)
            if found:
                return found, clause.start, False
        if actor is not None and clause.sentence_start <= actor.start < clause.start:
            found = self._places_in(actor.start, clause.start, actor)
            if found:
                return found, actor.start, False
        if ANAPHOR.search(text, lo, hi):  # "from there": the latest place named before
            index = bisect.bisect_left(self.mention_starts, event.start) - 1
            while index >= 0 and self.mentions[index].end > event.start:
                index -= 1
            if index >= 0 and self.mentions[index].start >= self.paragraph_start[clause.paragraph]:
                return [self.mentions[index]], clause.start, True
        # "... out of the defended area along the border. This is the area around Azaz."
        nxt = self.by_sentence.get(clause.sentence + 1, [])
        if nxt and nxt[0].paragraph == clause.paragraph and not any(
                self._cues[c.start] for c in nxt):
            found = self._places_in(nxt[0].start, nxt[-1].end, None)
            if found:
                return found, clause.start, True
        return [], clause.start, False

    def _locative_tail(self, clause: Clause) -> Clause | None:
        """The next clause of the sentence when it only says where, with no cue of its own
        ("captured two villages and two mountain points, near Khanasir")."""
        index = bisect.bisect_right(self.clause_starts, clause.start)
        if index >= len(self.clauses):
            return None
        nxt = self.clauses[index]
        if nxt.sentence != clause.sentence or self._cues[nxt.start] or \
                not LOCATIVE_TAIL.match(self.text[nxt.start: nxt.end]):
            return None
        return nxt

    def _roles(self, mentions: list[Mention], lo: int, hi: int, borrowed: bool,
               subject: ActorMention | None) -> tuple[Mention | None, Mention | None]:
        """Origin and destination mentions, from the words before each place."""
        text = self.text
        if borrowed:  # the place stands in for "out of the ... area" / "from there"
            origin = mentions[0] if ORIGIN_PHRASE.search(text, lo, hi) else None
            destination = mentions[0] if DESTINATION_PHRASE.search(text, lo, hi) else None
            return origin, destination
        origins: list[Mention] = []
        destinations: list[Mention] = []
        previous: tuple[Mention, str] | None = None
        for mention in mentions:
            before = text[max(lo, mention.start - 60): mention.start]
            role = ""
            if ORIGIN.search(before):
                role = "" if FORCED_OUT.search(before) else "origin"
            elif DESTINATION.search(before):
                role = "destination"
            elif previous and LIST_JOIN.match(text[previous[0].end: mention.start]):
                role = previous[1]
            elif subject is not None and subject.start <= mention.start and \
                    mention.end <= subject.end:
                role = "home"  # "the Afrin YPG ... push to the east"
            if role == "origin":
                origins.append(mention)
            elif role == "destination":
                destinations.append(mention)
            elif role == "home" and not origins:
                origins.append(mention)
            previous = (mention, role) if role in ("origin", "destination") else None
        return self._specific(origins), self._specific(destinations)

    def _specific(self, mentions: list[Mention]) -> Mention | None:
        if not mentions:
            return None
        places = self.ctx.places
        return min(mentions, key=lambda m: KIND_RANK.get(
            places[m.place].kind if m.place in places else "", KIND_RANK["city"]))

    def _precision(self, mentions: list[Mention]) -> int:
        """ACLED precision: the best mention's; a country named as the place is 3."""
        best = 3
        for mention in mentions:
            place = self.ctx.places.get(mention.place)
            value = max(mention.precision, 3 if place and place.kind == "country" else 1)
            best = min(best, value)
        return max(1, best)

    # -- the claim --

    def _modality(self, clause: Clause, start: int) -> str:
        text = self.text
        return self.ctx.modality.modality(
            text[clause.start: clause.end],
            text[min(start, clause.segment_start): clause.segment_end],
            text[min(start, clause.start): clause.segment_end],
        )

    def _claim(self, clause: Clause, start: int, actor: str, action: str,
               mentions: list[Mention], roles: tuple[Mention | None, Mention | None],
               evidence: Evidence) -> Claim:
        origin, destination = roles if action in MOVEMENTS else (None, None)
        used = sorted({id(m): m for m in [*mentions, *(r for r in (origin, destination) if r)]}
                      .values(), key=lambda m: m.start)
        quote = _quote_of(clause, self.entry.quotes)
        author, posted_at = self.entry.author, self.entry.posted_at
        if quote is not None and quote.entry in self.ctx.entries:
            quoted = self.ctx.entries[quote.entry]
            author, posted_at = quoted.author, quoted.posted_at
        modality = self._modality(clause, start)
        places = tuple(dict.fromkeys(m.place for m in used))
        origin_id = origin.place if origin else None
        leg = self._first_leg(clause, actor, action) if origin is None and destination else None
        if leg is not None:  # the journey told in two sentences is one movement, one span
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
        if not self.text.startswith("-", evidence.cue[0]):  # "rebel-held": a holder, no agent
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
        ctx = self.ctx
        text = self.text
        for clause in self.clauses:
            cues = self._cues[clause.start]
            if not cues:
                continue
            quote = _quote_of(clause, self.entry.quotes)
            if quote is not None and self._duplicate(quote, clause):
                continue
            events = _events(text, clause, cues, self._actors_in(clause.start, clause.end))
            for index, event in enumerate(events):
                hi = events[index + 1].start if index + 1 < len(events) else clause.end
                mention, actor_id = self._resolve(clause, event, hi)
                actor = mention.actor if mention is not None else actor_id
                if actor is None:
                    continue
                lo = clause.start if index == 0 else event.start
                found, start, borrowed = self._event_places(clause, event, lo, hi, hi, mention)
                if not found:
                    continue
                if mention is not None and clause.sentence_start <= mention.start < start:
                    start = mention.start
                roles = self._roles(found, lo, hi, borrowed, mention)
                groups = _coordinated(text, ctx.actions, event.cues)
                owns = self._group_places(groups, event.start, hi, found, borrowed)
                first: Claim | None = None
                for number, (group, own) in enumerate(zip(groups, owns, strict=True)):
                    if self._gives_way(groups, owns, number):
                        continue  # "advanced and took X": X is the taking's, not the advance's
                    action = ctx.actions.main(group)
                    cue = next(c for c in group if c.action == action)
                    claim = self._claim(clause, start, actor, action, own or found, roles,
                                        Evidence(cue=(cue.start, cue.end), subject=mention,
                                                 pronoun=mention is None, borrowed=borrowed))
                    first = first or claim
                if first is not None:
                    self._co_actors(clause, event, first, found, roles,
                                    (clause.sentence_start if index == 0 else event.start, hi),
                                    mention)
        return self.claims

    def _gives_way(self, groups: list[list[Cue]], owns: list[list[Mention]], number: int) -> bool:
        """Whether a group of cues that names no place of its own is only the lead-in of
        the next group, which does ("advanced and took control of X"; but "has taken that
        area and is at the gates of X" keeps its "that area")."""
        if owns[number] or number + 1 >= len(owns) or not owns[number + 1]:
            return False
        return not ANAPHOR.search(self.text, groups[number][0].start, groups[number + 1][0].start)

    @staticmethod
    def _group_places(groups: list[list[Cue]], lo: int, hi: int, found: list[Mention],
                      borrowed: bool) -> list[list[Mention]]:
        """The places named within each group of coordinated cues."""
        out: list[list[Mention]] = []
        for number, group in enumerate(groups):
            g_lo = lo if number == 0 else group[0].start
            g_hi = groups[number + 1][0].start if number + 1 < len(groups) else hi
            out.append([] if borrowed else [m for m in found if g_lo <= m.start < g_hi])
        return out

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
        for mention in self._actors_in(lo, hi):
            if mention.actor in seen or mention == subject:
                continue
            before = text[max(lo, mention.start - 60): mention.start]
            after = text[mention.end: mention.end + 30]
            action = claim.action
            kind = "moved"
            if CO_ACTOR_OF.search(before) or (CO_ACTOR_WITH.search(before)
                                              and CO_ACTOR_AFTER.match(after)):
                if not AIR.match(after):
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


def _quote_of(clause: Clause, quotes: Sequence[Quote]) -> Quote | None:
    for quote in quotes:
        if quote.start - 1 <= clause.start and clause.end <= quote.end + 1:
            return quote
    return None

