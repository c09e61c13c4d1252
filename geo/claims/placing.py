"""Where a claim is: the place mentions of an event, their roles, and its precision.

A base of :class:`geo.claims.reader.EntryReader` (one entry's text, clauses, cues and place
mentions), kept apart so that the reader's actor finding and its place finding each read in
one file.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Mapping, Sequence
from dataclasses import replace

from geo.claims.adjuncts import behind_adjunct
from geo.claims.clauses import Clause
from geo.claims.events import DEFENDERS, _between, _Event, _words
from geo.claims.heading import heading_place, located_town, row_place, settlement_heading
from geo.claims.patterns import (
    ANAPHOR,
    DEFINITE,
    DESTINATION,
    DESTINATION_PHRASE,
    DISTANCE_TAIL,
    FORCED_OUT,
    GAP_PUNCT,
    HELD_APPOSITIVE,
    HOLDER,
    LIST_END,
    LIST_GLUE,
    LIST_JOIN,
    LOCATIVE_TAIL,
    NOW_AT,
    ORIGIN,
    ORIGIN_PHRASE,
    REPEL_CUE,
    REPELLED_OBJECT,
    TOWN_PART,
)
from geo.claims.recall import named_before
from geo.claims.results import Context, Discourse
from geo.claims.rules import Cue
from geo.claims.scene import scene_places
from geo.records import ActorMention, Claim, Mention

# Actions on a piece of ground: a claim of one placed only on a country has lost its place.
GROUND_ACTIONS = frozenset({"capture", "besiege", "lift_siege", "cut_road", "defend"})
# Actions told of a target, which a sentence naming none may have anywhere ("the army laid
# siege", "the road was cut", "airstrikes hit"): a town's row lends them its place (heading.py)
# only when the side is named right before the verb ("the rebels stormed two checkpoints").
AIMED = frozenset({"attack", "advance", "besiege", "cut_road"})
# Smaller is more specific: an origin/destination prefers the most specific place named.
# What a definite description's head noun can point back to: kinds of place, and words its
# antecedent's name may hold instead ("the hill" is "Umm Qara hill", "the lake" Lake Jabbul).
_SETTLED = frozenset({"city", "town", "village", "district", "quarter"})
DEFINITE_KINDS: dict[str, tuple[frozenset[str], tuple[str, ...]]] = {
    "village": (frozenset({"village"}), ()),
    "town": (frozenset({"town", "city", "village"}), ()),
    "city": (frozenset({"city", "town"}), ()),
    "city proper": (frozenset({"city"}), ()),
    "district": (frozenset({"district", "quarter"}), ("district", "project", "housing")),
    "neighbourhood": (frozenset({"district", "quarter"}), ()),
    "neighborhood": (frozenset({"district", "quarter"}), ()),
    "quarter": (frozenset({"district", "quarter"}), ()),
    "road": (frozenset({"road"}), ("road", "highway")),
    "highway": (frozenset({"road"}), ("road", "highway")),
    "hill": (frozenset(), ("hill", "tal ", "tall ", "tell ", "jabal", "mount", "point")),
    "hilltop": (frozenset(), ("hill", "tal ", "tall ", "tell ", "jabal", "mount")),
    "mountain": (frozenset(), ("mountain", "jabal", "jebel", "mount")),
    "airbase": (frozenset(), ("air", "base")),
    "airport": (frozenset(), ("air", "airport")),
    "base": (frozenset(), ("base",)),
    "dam": (frozenset({"dam"}), ("dam",)),
    "lake": (frozenset({"lake"}), ("lake",)),
    "river": (frozenset({"river"}), ("river",)),
    "field": (frozenset(), ("field",)),
    "area": (frozenset({*_SETTLED, "facility"}), ()),
    "pocket": (frozenset({*_SETTLED, "region"}), ("pocket",)),
}
# Nouns not listed take an antecedent whose name holds them ("the castle": Palmyra Castle).
KIND_RANK = {"facility": 0, "crossing": 0, "road": 1, "village": 1, "town": 2, "city": 3,
             "region": 4, "country": 5}


def _right_before(text: str, actor: ActorMention, event: _Event) -> bool:
    """Whether the actor is the subject right before the event's cue ("the rebels stormed"),
    with at most two words and no punctuation between."""
    gap = text[actor.end: event.cues[0].start]
    return actor.end <= event.cues[0].start and not GAP_PUNCT.search(gap) and _words(gap) <= 2


def _named_between(text: str, noun: str, lo: int, hi: int) -> bool:
    """Whether a place of this noun is named, unresolved, in text[lo:hi] ("the village of
    Um Mayyal", "Um Mayyal village"): the description may point back to it."""
    word = re.escape(noun.split()[0])
    named = rf"(?i:{word})s?\s+of\s+(?:the\s+)?[A-Z]|[A-Z][\w'-]*\s+(?i:{word})(?!\w)"
    return bool(re.search(named, text[lo:hi]))


class PlaceReader:
    """The place finding of an entry reader."""

    ctx: Context
    text: str
    mentions: list[Mention]
    actors: list[ActorMention]
    entry_id: int
    before: Discourse | None
    mention_starts: list[int]
    clauses: list[Clause]
    clause_starts: list[int]
    by_sentence: dict[int, list[Clause]]
    paragraph_start: dict[int, int]
    _cues: Mapping[int, list[Cue]]
    claims: list[Claim]
    sentence_of: dict[str, tuple[int, int]]

    def _places_in(self, lo: int, hi: int, actor: ActorMention | None) -> list[Mention]:
        found = _between(self.mentions, self.mention_starts, lo, hi)
        if actor is not None:  # "Turkey" the actor is no place; "Afrin YPG" still names one
            found = [m for m in found if not (m.start <= actor.start and actor.end <= m.end)]
        return found

    def _event_places(self, clause: Clause, event: _Event, lo: int, hi: int, following: int,
                      actor: ActorMention | None) -> tuple[list[Mention], int, bool]:
        """Place mentions of an event, where its claim starts, and whether they are borrowed."""
        text = self.text
        # "removed the 6,000 men now in the Aleppo area": where the men are now, not the event
        found = [m for m in self._places_in(event.start, hi, actor)
                 if not (m.start > event.cues[0].end
                         and NOW_AT.search(text, max(0, m.start - 24), m.start))]
        located = located_town(text, self._settlement_heading, clause.start, hi, self.entry_id)
        if located is not None:  # heading.py: "this town located in X" is the row's town
            found = [m for m in found if m.end <= located[1]] + [located[0]]
        if found and behind_adjunct(text, event.cues[-1].end, found[0].start):
            subject = self._subject_places(clause, event, actor)  # adjuncts.py
            if subject:
                return subject, clause.start, False
        if found:
            return found + (self._list_tail(clause) if hi >= clause.end else []), \
                clause.start, False
        if following < clause.end:  # "capture the territory [the rebels occupied] around X"
            found, borrowed = self._after_next_event(clause, event, following, actor)
            if found:
                return found, clause.start, borrowed
        first = event.cues[0]
        found = self._before_event(clause, event, actor)
        if found:
            return found, clause.start, False
        held = self._held_place(clause, first, actor)  # "Nubl, held by IS, was shelled";
        before = [held] if held is not None else named_before(self, clause, first, actor)
        if before:  # recall.py: "Azaz, which the SDF took", "Azaz was hit by IS shelling"
            return before, clause.start, False
        tail = self._locative_tail(clause)
        if tail is not None:
            found = self._places_in(tail.start, tail.end, actor)
            if found:
                return found, clause.start, False
        if actor is not None and clause.sentence_start <= actor.start < clause.start:
            found = self._places_in(actor.start, clause.start, actor)
            if found:
                return found, actor.start, False
        return self._context_places(clause, event, lo, hi, actor)

    def _context_places(self, clause: Clause, event: _Event, lo: int, hi: int,
                        actor: ActorMention | None) -> tuple[list[Mention], int, bool]:
        """Places of an event whose clause names none: from the entry's heading, an anaphor,
        a definite description, the next sentence or the scene of the fighting before."""
        text = self.text
        heading = self._heading_at(lo, hi)
        if heading is not None:  # heading.py: "Douma\n... the FSA retook the city"
            return [heading], clause.start, True
        if ANAPHOR.search(text, lo, hi):  # "from there": the latest place named before
            index = bisect.bisect_left(self.mention_starts, event.start) - 1
            while index >= 0 and self.mentions[index].end > event.start:
                index -= 1
            if index >= 0 and self.mentions[index].start >= self.paragraph_start[clause.paragraph]:
                return [self.mentions[index]], clause.start, True
        definite = self._definite(clause, lo, hi) or self._topic_place(clause, lo, hi)
        if definite is not None:  # "the Army recaptured the village the following day"
            return [definite], clause.start, True
        # "... out of the defended area along the border. This is the area around Azaz."
        nxt = self.by_sentence.get(clause.sentence + 1, [])
        if nxt and nxt[0].paragraph == clause.paragraph and not any(
                self._cues[c.start] for c in nxt):
            found = self._places_in(nxt[0].start, nxt[-1].end, None)
            if found:
                return found, clause.start, True
        repelled = self._repelled_attack(clause, event, actor)
        if repelled:  # "The Army repelled the assault": where the assault was
            return repelled, clause.start, True
        found = self._last_places(clause, event, hi, actor) or \
            scene_places(self, clause, event, actor)  # discourse.py: "retook the ground";
        if not found and actor is not None and \
                clause.sentence_start <= actor.start < clause.sentence_end and (
                    event.cues[0].action not in AIMED or _right_before(text, actor, event)):
            # scene.py; heading.py: a sentence of a town's row naming its actor, no place
            row = row_place(self._settlement_heading, self.mentions, clause.sentence_start,
                            clause.sentence_end, (event.cues[0].start, event.cues[0].end),
                            self.entry_id)
            found = [row] if row is not None else []
        return (found, clause.start, True) if found else ([], clause.start, False)

    def _subject_places(self, clause: Clause, event: _Event,
                        actor: ActorMention | None) -> list[Mention]:
        """The places named before the event in its clause ("Azaz was under FSA control
        after ..."), or the heading row's town its settlement noun stands for."""
        end = event.cues[0].start
        found = self._places_in(clause.start, end, actor)
        if found:
            return found
        heading = self._heading_at(clause.start, end)
        return [heading] if heading is not None else []

    def _kind_of(self, place_id: str) -> str:
        place = self.ctx.places.get(place_id)
        return place.kind if place is not None else ""

    @functools.cached_property
    def _settlement_heading(self) -> Mention | None:
        """The entry's heading place (heading.py), found once per entry."""
        return settlement_heading(self.text, self.mentions, self._kind_of) or \
            self.ctx.row_headings.get(self.entry_id)  # the heading as the block before

    def _heading_at(self, lo: int, hi: int) -> Mention | None:
        """The heading's place at a settlement noun in text[lo:hi] ("the town"), if any."""
        return heading_place(self.text, self._settlement_heading, lo, hi, self.entry_id)

    def _after_next_event(self, clause: Clause, event: _Event, following: int,
                          actor: ActorMention | None) -> tuple[list[Mention], bool]:
        """The places after the next event of the clause, when the gap to it is short or
        that event is a holder's adjective ("shelling carried out by the rebels on ISIL-held
        X": the holder's place is hit; "an offensive into the rebel-held eastern districts":
        the town of that part, borrowed)."""
        text = self.text
        gap = text[event.cues[-1].end: following]
        held = any(m.start == following and HOLDER.match(text, m.end) for m in self.actors)
        if not (held or _words(gap) <= 5) or GAP_PUNCT.search(gap):
            return [], False
        found = self._places_in(following, clause.end, actor)
        if found:
            return found, False
        town = self._town_of_part(clause, following, clause.end) if held else None
        return ([town], True) if town is not None else ([], False)

    def _before_event(self, clause: Clause, event: _Event,
                      actor: ActorMention | None) -> list[Mention]:
        """The places named before an event that holds or defends them: "X is under IS
        control" (in its clause; "rebel-held" names what follows), "took X, after fighting
        with the IS defenders" (in its sentence)."""
        first = event.cues[0]
        if first.action == "control" and clause.start < event.start and \
                not self.text.startswith("-", first.start):
            return self._places_in(clause.start, event.start, actor)
        if DEFENDERS.match(self.text, first.start, first.end):
            return self._places_in(clause.sentence_start, event.start, actor)
        return []

    def _definite(self, clause: Clause, lo: int, hi: int) -> Mention | None:
        """The place a definite description in [lo, hi) points back to: the latest mention,
        in this paragraph or the one before (for a block of a text, the block before it), of
        a place its head noun can mean; as a mention of that place at the description."""
        match = DEFINITE.search(self.text, lo, hi)
        if match is None:
            return None
        noun = " ".join(match.group(1).lower().split()).replace("air base", "airbase")
        first = self.paragraph_start.get(clause.paragraph - 1,
                                         self.paragraph_start[clause.paragraph])
        index = bisect.bisect_left(self.mention_starts, match.start())
        found = self._antecedent_place(noun, self.text, self.mentions[:index], first,
                                       match.start())
        if noun == "city":  # "the city" is the latest city named, a town only failing one
            city = self._antecedent_place("city proper", self.text, self.mentions[:index],
                                          first, match.start())
            found = city or found
        if found is None and clause.paragraph == 0 and self.before is not None:
            found = self._antecedent_place(noun, self.before.text, self.before.mentions, 0,
                                           len(self.before.text))
        if not found:
            return None
        return replace(found, entry=self.entry_id, start=match.start(), end=match.end(),
                       surface=match.group(0))

    def _antecedent_place(self, noun: str, text: str, mentions: Sequence[Mention], first: int,
                          end: int) -> Mention | None:
        """The latest of ``mentions`` from ``first`` on that ``noun`` can mean; False-y when
        a place of that noun is named, unresolved, after it ("the village of Um Mayyal")."""
        kinds, words = DEFINITE_KINDS.get(noun, (frozenset(), (noun,)))
        for mention in reversed(mentions):
            if mention.start < first:
                break
            if mention.end > end:
                continue
            if _named_between(text, noun, mention.end, end):
                return None
            place = self.ctx.places.get(mention.place)
            surface = mention.surface.lower() + " "
            if (place is not None and place.kind in kinds) or \
                    any(word in surface for word in words):
                return mention
        return None

    def _repelled_attack(self, clause: Clause, event: _Event,
                         actor: ActorMention | None) -> list[Mention]:
        """The places of the attack a defender repelled, named again by a definite noun
        ("IS attacked Nubl. The SAA repelled the assault."): the latest attack or advance of
        another side in this sentence or the one before."""
        cue = event.cues[0]
        if cue.action != "defend" or not REPEL_CUE.match(self.text, cue.start) or \
                not REPELLED_OBJECT.search(self.text, cue.start, cue.end):
            return []
        for claim in reversed(self.claims):
            sentence = self.sentence_of[claim.id][0]
            if clause.sentence - sentence > 1:
                break
            if claim.action in ("attack", "advance") and \
                    (actor is None or claim.actor != actor.actor):
                evidence = self.ctx.evidence.get(claim.id)
                return list(evidence.mentions) if evidence is not None else []
        return []

    def _town_of_part(self, clause: Clause, lo: int, hi: int) -> Mention | None:
        """For a part of a town the gazetteer lacks ("captured the Castillo Complex"), the
        latest city or town named in this paragraph or the one before, as precision 2 (the
        claim is somewhere in it); else the town the whole text is about, as precision 3."""
        part = TOWN_PART.search(self.text, lo, hi)
        if part is None:
            return None
        first = self.paragraph_start.get(clause.paragraph - 1,
                                         self.paragraph_start[clause.paragraph])
        index = bisect.bisect_left(self.mention_starts, lo) - 1
        while index >= 0 and self.mentions[index].start >= first:
            mention = self.mentions[index]
            place = self.ctx.places.get(mention.place)
            if place is not None and place.kind in ("city", "town") and mention.end <= lo:
                return replace(mention, precision=max(2, mention.precision))
            index -= 1
        topic = self.ctx.topic_town
        if topic is None:
            return None
        return Mention(topic, self.entry_id, part.start(), part.end(), part.group(), 0.0, 3,
                       evidence=f"not in the gazetteer: placed in {topic}, the town the text "
                                "is about")

    def _held_place(self, clause: Clause, first: Cue, actor: ActorMention | None
                    ) -> Mention | None:
        """The place named right before a clause that only says who holds it ("Nubl, held
        by IS, was shelled"): the last name of the clause before, across its comma."""
        if first.action != "control" or \
                not HELD_APPOSITIVE.match(self.text, clause.start, first.end + 4):
            return None
        index = bisect.bisect_left(self.clause_starts, clause.start) - 1
        if index < 0 or self.clauses[index].sentence != clause.sentence:
            return None
        before = self._places_in(self.clauses[index].start, clause.start, actor)
        if before and self.text[before[-1].end: clause.start].strip() in (",", ""):
            return before[-1]
        return None

    def _list_tail(self, clause: Clause) -> list[Mention]:
        """The places of the clauses after this one, in its sentence, that only go on with
        its list of places ("captured Azaz, Nubl and Afrin": "Nubl and Afrin" is a clause
        of its own after the comma), up to the first clause that says more."""
        out: list[Mention] = []
        for index in range(bisect.bisect_right(self.clause_starts, clause.start),
                           len(self.clauses)):
            nxt = self.clauses[index]
            if nxt.sentence != clause.sentence or self._cues[nxt.start]:
                break
            names = self._places_in(nxt.start, nxt.end, None)
            # a side named after the list's last name is whom it was taken from ("... from IS")
            upto = names[-1].end if names else nxt.end
            if _between(self.actors, [a.start for a in self.actors], nxt.start, upto):
                break
            rest, at = [], nxt.start
            for mention in names:
                rest.append(self.text[at: mention.start])
                at = mention.end
            rest.append(self.text[at: nxt.end])
            if not names or not all(LIST_GLUE.match(piece) for piece in rest[:-1]) or \
                    not (LIST_GLUE.match(rest[-1]) or LIST_END.match(rest[-1])):
                break
            out.extend(names)
        return out

    def _locative_tail(self, clause: Clause) -> Clause | None:
        """The next clause of the sentence when it only says where, with no cue of its own
        ("captured two villages and two mountain points, near Khanasir")."""
        index = bisect.bisect_right(self.clause_starts, clause.start)
        if index >= len(self.clauses):
            return None
        nxt = self.clauses[index]
        if nxt.sentence != clause.sentence:
            return None
        if DISTANCE_TAIL.match(self.text, nxt.start, nxt.end):
            return nxt  # "..., five kilometers from Manbij" (its cue is a distance, no act)
        if self._cues[nxt.start] or not LOCATIVE_TAIL.match(self.text[nxt.start: nxt.end]):
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

    def _too_wide(self, action: str, mentions: list[Mention]) -> bool:
        """Whether an action on ground is placed only on countries (a country is not taken,
        besieged or defended as one place: such a claim has lost its real place)."""
        if action not in GROUND_ACTIONS:
            return False
        kinds = [self.ctx.places[m.place].kind for m in mentions if m.place in self.ctx.places]
        return bool(kinds) and len(kinds) == len(mentions) and all(k == "country" for k in kinds)

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
            # (the last group's list may go on past its clause: "took Azaz, Nubl and Afrin")
            g_hi = groups[number + 1][0].start if number + 1 < len(groups) else \
                max([hi, *(m.end for m in found)])
            out.append([] if borrowed else [m for m in found if g_lo <= m.start < g_hi])
        return out
