"""Claims read from the parse itself, for the cues the clause reader left unread (issue 12).

The parse path used to check the clause reader's claims only: a cue the rules did not make a
claim of ("the rebels took X and reached Y where fighting continued": the reach swallowed by
the fighting) was never read, though its sentence was parsed.  Here every action cue of a
parsed sentence is read from the dependency tree:

* the agent is the cue's own in the tree: its subject, the "by" agent of its passive, a noun
  cue's own agent ("the SDF's offensive"), the patient of a passive of moving ("fighters were
  sent to X"), or the subject it shares as a verb joined by "and", as a participle adjunct
  ("..., capturing X"), after "managed to"/"continued to", or as the means of a verb
  ("jets killed a commander in airstrikes"); never one found further up (who planned or
  wanted it).  It must name an actor of the lexicon; each side of a subject joined by "and"
  is an agent; a pronoun counts only for a subject of the same sentence (a verb joined to an
  earlier one, or "X stated that it destroyed ...");
* the places are the mentions under the cue with no verb and no other cue between them
  ("advanced and took X": X is the taking's; "a hill that overlooks X": the relative
  clause's), not where the men are "now in", and only inside a count of unnamed places the
  cue took ("captured three more villages");
* a claim is made when no kept claim of the sentence has the same actor and action; it is
  checked like every claim (``syntax.check``: negation, intent, modality, the actor as
  patient or target) and dropped when the check makes it a repeat.

Which sentences are parsed: those holding a claim of the clause reader (as before), and those
holding an action cue, an actor and a place but no claim (the clause reader could not tie
them together).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from geo.claims.events import _between
from geo.claims.parse_words import backer_participle
from geo.claims.patterns import NOW_AT
from geo.claims.patterns import UNNAMED_PLACES as UNNAMED
from geo.claims.results import Context, Evidence
from geo.claims.rules import MOVEMENTS
from geo.claims.scope import MOVING, SUCCESS, pronoun_subject
from geo.claims.syntax import (
    _foreign,
    _noun_agent,
    _np_root,
    _parse,
    _phrase,
    _token_at,
    check,
)
from geo.records import ActorMention, Claim, Mention

if TYPE_CHECKING:
    from geo.claims.reader import EntryReader

READER = "parse"


def candidate_sentences(reader: EntryReader) -> dict[tuple[int, int], bool]:
    """The sentences of an entry to parse: (start, end) -> whether a claim is in it."""
    out: dict[tuple[int, int], bool] = {}
    for claim in reader.claims:
        evidence = reader.ctx.evidence.get(claim.id)
        if evidence is not None:
            out[evidence.sentence] = True
    seen: set[tuple[int, int]] = set()
    for clause in reader.clauses:
        key = (clause.sentence_start, clause.sentence_end)
        if key in out or key in seen:
            continue
        seen.add(key)
        if any(reader._cues[c.start] for c in reader.by_sentence[clause.sentence]) and \
                _between(reader.actors, reader.actor_starts, *key) and \
                _between(reader.mentions, reader.mention_starts, *key):
            out[key] = False
    return out


def parse_read(ctx: Context, readers: Mapping[int, EntryReader], nlp: Any,
               kept: list[Claim]) -> list[Claim]:
    """The claims the parse kept, and after them those it reads for the cues no kept claim
    stands on, each checked as the parse checks every claim (see the module docstring)."""
    wanted: dict[tuple[int, int, int], str] = {}
    for entry_id, reader in readers.items():
        for start, end in candidate_sentences(reader):
            wanted[(entry_id, start, end)] = reader.text[start:end]
    if not wanted:
        return kept
    docs = _parse(nlp, wanted)
    by_sentence: dict[tuple[int, int, int], list[Claim]] = {}
    for claim in kept:
        evidence = ctx.evidence.get(claim.id)
        if evidence is not None:
            by_sentence.setdefault((claim.entry, *evidence.sentence), []).append(claim)
            if claim.start < evidence.sentence[0]:  # a journey told from an earlier sentence:
                by_sentence.setdefault(_sentence_of(wanted, claim), []).append(claim)  # its leg
    actors_by: dict[int, list[ActorMention]] = {}
    for mention in ctx.actor_mentions:
        actors_by.setdefault(mention.entry, []).append(mention)
    out = list(kept)
    for (entry_id, start, end), doc in docs.items():
        told = by_sentence.setdefault((entry_id, start, end), [])
        for claim in _read_sentence(readers[entry_id], doc, start, end, told):
            evidence = ctx.evidence[claim.id]
            checked, why = check(claim, evidence, doc, start, actors_by.get(entry_id, []))
            if checked is None:
                ctx.report.dropped.append((claim, why))
                continue
            if any(c.actor == checked.actor and c.action == checked.action
                   and set(c.places) & set(checked.places) for c in told):
                continue  # the parse made it a repeat of a claim of its sentence
            ctx.evidence[claim.id] = replace(evidence, parsed=True)
            told.append(checked)
            out.append(checked)
    return out


def _sentence_of(wanted: Mapping[tuple[int, int, int], str],
                 claim: Claim) -> tuple[int, int, int]:
    """The candidate sentence a claim starts in (a journey whose first leg, told a sentence or
    two before, the claim took in: reader._first_leg), else the claim's own span."""
    for entry_id, start, end in wanted:
        if entry_id == claim.entry and start <= claim.start < end:
            return entry_id, start, end
    return claim.entry, claim.start, claim.end


def _read_sentence(reader: EntryReader, doc: Any, base: int, end: int,
                   told: list[Claim]) -> list[Claim]:
    """Claims for the cues of a parsed sentence that no kept claim of it stands on."""
    text = reader.text
    used = {reader.ctx.evidence[c.id].cue for c in told if c.id in reader.ctx.evidence}
    actors = _between(reader.actors, reader.actor_starts, base, end)
    mentions = _between(reader.mentions, reader.mention_starts, base, end)
    made: list[Claim] = []
    cues = reader.ctx.actions.cues(text, base, end)
    heads = {(c.start, c.end): _np_root(doc, c.start - base, c.end - base)
             or _token_at(doc, c.start - base) for c in cues}  # ("air-strikes")
    tokens = {t.i for t in heads.values()}
    for cue in cues:
        if (cue.start, cue.end) in used or text.startswith("-", cue.start) or any(
                q.start <= cue.start < q.end for q in reader.entry.quotes):
            continue  # (a quotation is the clause reader's: linked to what it quotes)
        token = heads[(cue.start, cue.end)]
        for actor in _agents(doc, token, cue.action, actors, base):
            places = _places(doc, token, mentions, actor, base, tokens)
            if not places or reader._too_wide(cue.action, places):
                continue  # ("took Syria": a country is no place one takes)
            if any(c.actor == actor.actor and c.action == cue.action for c in [*told, *made]):
                continue
            clause = reader._clause_at(cue.start)
            roles = reader._roles(places, clause.start, clause.end, False, actor) \
                if cue.action in MOVEMENTS else (None, None)
            start = min(clause.start, actor.start) if actor.start >= base else clause.start
            claim = reader._claim(clause, start, actor.actor, cue.action, places, roles,
                                  Evidence(cue=(cue.start, cue.end), subject=actor,
                                           reader=READER))
            made.append(claim)
    return made


def _direct_subject(token: Any, action: str) -> Any | None:
    """The cue's own agent in the tree: its subject, its passive's "by" agent, a noun cue's
    own agent ("the SDF's offensive", "an attack by IS"), the patient of a passive of moving
    ("fighters were sent to X": they moved), or the subject it shares as a verb joined by
    "and", as a participle adjunct ("..., capturing X"), after "managed to"/"continued to", or
    as the means of a verb ("killed a commander in airstrikes"); not a subject found further
    up (the one who planned or wanted it)."""
    current = token
    for _ in range(4):
        if current is not token and backer_participle(current):
            return current.head  # "X, supported by airstrikes, advanced": X (a misparse)
        children = list(current.children)
        for child in children:
            if child.dep_ == "agent":
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    return objects[0]
        for child in children:
            if child.dep_ in ("nsubj", "csubj") or (
                    child.dep_ == "nsubjpass" and action in MOVING and current.i == token.i):
                return child
        if current.pos_ in ("NOUN", "PROPN"):
            own = _own_agent(current)
            if own is not None or current.dep_ != "pobj" or current.head.lower_ not in MEANS:
                return own
            verb = means_verb(current)  # "killed a commander in airstrikes": the killers'
            if verb is None:
                return None
            return next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if current.head.i == current.i:
            return None
        if current.dep_ == "conj" or (current.dep_ == "advcl" and current.tag_ == "VBG") or (
                current.dep_ == "xcomp" and current.head.lemma_.lower() in SUCCESS):
            current = current.head
            continue
        return None
    return None


def _own_agent(noun: Any) -> Any | None:
    """A noun cue's own agent ("the SDF's offensive", "Russian airstrikes"), not a word for
    its kind ("air strikes")."""
    own = _noun_agent(noun, list(noun.children))
    if own is not None and own.dep_ == "compound" and own.text.islower():
        return None
    return own


def means_verb(noun: Any) -> Any | None:
    """The verb a noun cue is the means of ("killed a commander in airstrikes", "hit X with
    artillery"; the parse may hang the means on the object), if one."""
    if noun.dep_ != "pobj" or noun.head.lower_ not in MEANS:
        return None
    verb = noun.head.head
    if verb.pos_ in ("NOUN", "PROPN") and verb.dep_ == "dobj":
        verb = verb.head
    return verb if verb.pos_ == "VERB" else None


# Prepositions of means: "killed a commander in airstrikes", "hit X with artillery".
MEANS = frozenset({"in", "with", "by", "through", "using"})
# Verbs of saying: "the Turkish military stated that it destroyed X": "it" is the speaker.
SAYING = frozenset({"say", "state", "claim", "announce", "report", "confirm", "declare", "add",
                    "admit", "assert"})


def _agents(doc: Any, token: Any, action: str, actors: list[ActorMention],
            base: int) -> list[ActorMention]:
    """The actor mentions the parse gives as the cue's agent (each of a subject's sides
    joined by "and"), if any; none for a subject that gave the place up ("the rebels
    surrendered to the Army": the side after "to" took it, see topic.py's FALLEN)."""
    if action == "capture" and token.lemma_.lower() in ("surrender", "hand"):
        return []
    subject = _direct_subject(token, action)
    if subject is None:
        return []
    if subject.pos_ == "PRON":
        subject = pronoun_subject(subject)
        verb = subject.head
        if subject.pos_ == "PRON" and subject.lower_ in ("it", "they") and \
                verb.dep_ == "ccomp" and verb.head.lemma_.lower() in SAYING:
            subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), subject)
        if subject.pos_ == "PRON":
            return []
    lo, hi = _phrase(subject)
    named = [m for m in actors if base + lo <= m.start and m.end <= base + hi
             and not doc.text.startswith("-", m.end - base)]
    if not named:
        return []
    # "Syrian Marines ... and Hezbollah fighters were sent": each side joined by "and"
    heads = {subject.i, *(c.i for c in subject.children if c.dep_ == "conj")}
    joined = []
    for mention in named:
        root = _np_root(doc, mention.start - base, mention.end - base)
        while root is not None and root.dep_ in ("compound", "amod", "nmod", "poss") and \
                root.head.i != root.i:
            root = root.head
        if root is not None and root.i in heads:
            joined.append(mention)
    return joined or named[:1]


def _places(doc: Any, token: Any, mentions: list[Mention], actor: ActorMention, base: int,
            cues: set[int]) -> list[Mention]:
    """The place mentions under the cue in the tree, not in a clause of their own nor under
    another cue ("advanced and took X": X is the taking's), and, when the cue's object is a
    count of places it does not name ("captured three more villages"), only those inside it."""
    under = {t.i for t in token.subtree}
    counted = next((c for c in token.children if c.dep_ == "dobj"
                    and UNNAMED.match(" " + doc.text[c.left_edge.idx: c.idx + len(c.text)])),
                   None)
    if counted is not None:
        under = {t.i for t in counted.subtree}
    out = []
    for mention in mentions:
        if mention.start <= actor.start and actor.end <= mention.end:
            continue  # "the Afrin YPG": the actor's name, no place of the event
        root = _np_root(doc, mention.start - base, mention.end - base)
        if root is None or root.i not in under:
            continue
        path = []
        for node in root.ancestors:
            if node.i == token.i:
                break
            path.append(node)
        if any(n.pos_ in ("VERB", "AUX") for n in path):
            continue  # "a hill that overlooks X": X is the relative clause's
        if NOW_AT.search(doc.text, max(0, mention.start - base - 24), mention.start - base):
            continue  # "the 6,000 men now in the Aleppo area": where they are, not the event
        nearest = next((a for a in root.ancestors if a.i in cues), None)
        if nearest is not None and nearest.i != token.i and not (
                nearest.dep_ == "dobj" and nearest.head.i == token.i):
            continue  # (but "push its assault towards X": the assault is the push's object)
        if _foreign(doc, token, mention.start - base, mention.end - base):
            continue
        out.append(mention)
    return out


__all__ = ["candidate_sentences", "parse_read"]
