"""The rule reader's claims checked against a dependency parse of their sentence.

Only sentences that already hold a claim (an action cue, an actor and a place) are parsed, in
one ``nlp.pipe`` batch.  For each claim, from the token of its cue:

* **negation**: a ``neg`` child on the cue or on the verbs it hangs from ("can't take"), a
  governing "fail"/"unable"/"prevent" (not "did not prevent"), or "no" before a noun cue:
  no claim, unless the clause is itself a question, condition or hedge;
* **intent**: an infinitive that says what was wanted, not what was done ("to take",
  "aiming to", "in order to", "attempted to", "an offensive to capture", "a pledge to"):
  no claim (inside a hedge or condition, speculative); "managed to"/"was able to" stay; "going to"/
  "expected to" predict; a movement's purpose ("left Azaz to reinforce Manbij") moved;
* **modality per clause**: a modal auxiliary of the cue's own verbs (may, might, could, would:
  speculative; will, shall: predicted), a condition ("if", "unless") or hedge ("presumably",
  "seems") that governs the cue; a cue elsewhere in the sentence no longer colours it;
  the tagger tells the month "May" from the modal;
* **agent and patient**: the actor is the subject (or the "by" agent of a passive, or the
  possessor or "by" phrase of a noun cue, or the subject of the verb a participle hangs from;
  of a result, "..., thus expelling IS", the sentence's subject); an actor that is only the
  object of "against", "on", "at", ... is a target, never the agent, nor is what a verb hit
  ("killed X and Y fighters in the defense of Z": the killer defended) nor the speaker of a
  report ("the SDF said Azaz was captured");
* **clause-local places**: a place named in another clause of the sentence is not this
  claim's place.

Whether the event happened (negation, failure, intent, prospect, modality) is read in
``geo/claims/scope.py``; this module finds agent and patient and the clause's places, and
runs the checks.  An actor that is the patient of an agentless passive ("rebel forces were
left besieged", "ISIL leaders were killed by airstrikes") did not act: no claim.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from geo.claims.parse_words import (
    BRINGING,
    FORCE_NOUNS,
    MADE_OF,
    PRAISING,
    SUPPORTING,
    backed_subject,
    shared_agent,
    subject_misread,
)
from geo.claims.patterns import MOVER_AFTER, MOVING_PARTICIPLE, UNDER_CONTROL_ANY
from geo.claims.recall import agent_read
from geo.claims.results import Context, Evidence
from geo.claims.scope import (
    ENGAGED,
    MOVING,
    acronym,
    assault_purpose,
    below_prep,
    failed,
    infinitive,
    intended,
    last_holding_taken,
    negated,
    noun_modality,
    patient,
    pronoun_subject,
    prospect,
    said_by,
    split_at_acronym,
    under_fire,
)
from geo.claims.scope import modality as clause_modality
from geo.records import ActorMention, Claim, Entry

TARGET_PREPOSITIONS = frozenset({"against", "on", "at", "into", "onto", "toward", "towards",
                                 "upon", "over", "near", "around", "from"})
# A place under the verb of one of these clauses, when the cue is not in it, is another
# clause's place ("the town they held after the army took Azaz").
FOREIGN_CLAUSES = frozenset({"relcl", "advcl", "ccomp", "conj", "parataxis", "acl", "csubj"})
SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
# Edges along which a verb shares its subject with the verb it hangs from.
SHARING = frozenset({"xcomp", "conj", "advcl", "pcomp", "acomp", "ccomp"})
# "..., thus clearing the road": a result of the sentence's main event.
RESULTS = frozenset({"thus", "thereby", "hence"})
LIGHT_NOUN_DEPS = frozenset({"dobj", "nsubj", "nsubjpass", "pobj", "attr", "appos"})


def _token_at(doc: Any, offset: int) -> Any:
    for token in doc:
        if token.idx <= offset < token.idx + len(token.text) or token.idx >= offset:
            return token
    return doc[-1]


def _np_root(doc: Any, start: int, end: int) -> Any | None:
    """The token of [start, end) whose head lies outside it: the phrase's head."""
    tokens = [t for t in doc if start <= t.idx < end]
    for token in tokens:
        if not (start <= token.head.idx < end) or token.head.i == token.i:
            return token
    return tokens[-1] if tokens else None


def _subject_of(token: Any) -> tuple[Any | None, bool]:
    """The agent phrase's head for a cue, and whether it is a real agent (not a patient)."""
    target, attacker = under_fire(token)
    if target is not None:  # "the SDF came under attack by IS": IS attacked
        return (attacker, True) if attacker is not None else (target, False)
    current = token
    below = -1  # the word we climbed from: a noun cue that is itself the subject is no agent
    for _ in range(6):
        children = [c for c in current.children if c.i != below]
        for child in children:
            if child.dep_ == "agent":
                objects = [c for c in child.children if c.dep_ == "pobj" and c.ent_type_ != "DATE"]
                if objects:
                    return objects[0], True
        for child in children:
            if child.dep_ in ("nsubj", "csubj"):
                return child, True
            if child.dep_ == "nsubjpass":
                return child, False
        if current.pos_ in ("NOUN", "PROPN"):  # a noun cue: "the SDF's offensive by X"
            agent = _noun_agent(current, children)
            if agent is not None:
                return agent, True
            if current.dep_ in LIGHT_NOUN_DEPS and current.head.i != current.i:
                below, current = current.i, current.head
                if current.lemma_.lower() in SUPPORTING or (
                        current.dep_ == "prep" and current.head.lemma_.lower() in SUPPORTING):
                    return None, False  # "Turkey backed the rebel offensive"
                if current.dep_ == "prep":
                    below, current = current.i, current.head
                    noun = _first_conjunct(current)  # "killed X and Hezbollah fighters in"
                    if below_prep(current, below) and noun.dep_ in ("dobj", "pobj") \
                            and noun.head.pos_ == "VERB":
                        below, current = noun.i, noun.head  # "killed an IS commander
                continue  # in airstrikes": the one killed is no agent of the airstrikes
            return None, False
        if current.dep_ == "acl" and current.head.i != current.i:
            if infinitive(current):  # "take this opportunity to push": the taker pushes
                below, current = current.i, current.head
                continue
            by = _by_of(current)
            if by is not None:  # "the town of Azaz, recaptured by IS": the agent acts
                return by, True
            if not _agentive(current.head):
                return None, False  # "sever the rebel supply line coming from X and ..."
            return current.head, True  # "IS forces fleeing Manbij"
        if current.dep_ == "advcl" and any(c.lower_ in RESULTS for c in current.children):
            below, current = current.i, current.sent.root  # "..., thus expelling IS": the
            continue  # sentence's subject did it, not the subject the parse hung it from
        if current.dep_ in SHARING and current.head.i != current.i:
            shared = shared_agent(current)
            if shared is not None:  # "want IS to take": the object acts; "X, backed by Y,
                return shared, True  # took": X did
            below, current = current.i, current.head
            continue
        return None, False
    return None, False


def _first_conjunct(token: Any) -> Any:
    """The first of the words joined by "and" that ``token`` is one of."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


def _noun_agent(noun: Any, children: list[Any]) -> Any | None:
    """The agent a noun cue names itself: "the SDF's offensive", "shelling carried out by the
    rebels", "the capture of X by Y", "the SDF offensive", "Russian airstrikes"."""
    for child in children:  # a "by" agent first: "the town's capture by the rebels"
        by = _by_of(child) if child.dep_ == "acl" else None
        if by is not None:
            return by
        if child.dep_ == "prep" and child.lower_ == "by":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    if (poss := next((c for c in children if c.dep_ == "poss"), None)) is not None:
        return poss
    for child in children:  # not "further"; not "air" in "air-strikes", a kind of strike
        if child.dep_ in ("compound", "amod") and child.i < noun.i and \
                (child.pos_ in ("PROPN", "NOUN") or child.text[:1].isupper()
                 or child.lemma_.lower() in FORCE_NOUNS) and not (
                child.pos_ == "NOUN" and child.text.islower()
                and child.lemma_.lower() not in FORCE_NOUNS):
            return child
    if acronym(noun.head) and noun.head.i == noun.i - 1:
        return noun.head  # "repulsed IS attacks": "IS" tagged a verb
    return None


def _by_of(participle: Any) -> Any | None:
    """The object of a participle's "by" ("carried out by the rebels", "conducted by ISIL")."""
    for child in participle.children:
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    return None


def _agentive(token: Any) -> bool:
    """Whether a noun a participle hangs from can act: a name ("IS fleeing"), or a word for
    armed men ("forces fleeing"), not a thing ("the supply line coming from the north")."""
    return any(t.pos_ in ("PROPN", "PRON") or t.lemma_.lower() in FORCE_NOUNS
               for t in [token, *(c for c in token.children if c.dep_ in ("appos", "conj"))])


def _phrase(token: Any) -> tuple[int, int]:
    """Character span of a noun phrase up to its head, with "and"-joined and "of" parts."""
    start = token.left_edge.idx
    before = token.doc[token.left_edge.i - 1] if token.left_edge.i > 0 else None
    if before is not None and acronym(before) and token.pos_ in ("NOUN", "PROPN"):
        start = before.idx  # "IS forces attacked": the tagger took "IS" for the verb "is"
    end = token.idx + len(token.text)
    for child in token.children:
        if child.dep_ in ("conj", "appos") or (child.dep_ == "prep" and child.lower_ == "of") \
                or (child.dep_ == "acl" and child.lemma_.lower() in MADE_OF):
            end = max(end, child.right_edge.idx + len(child.right_edge.text))
    return start, end


def _role(doc: Any, mention: ActorMention, base: int) -> str:
    """"target" when an actor mention is the object of a preposition, "between" or "under"
    when of those ("fighting between A and B", "under IS control"), else ""."""
    root = _np_root(doc, mention.start - base, mention.end - base)
    if root is None or subject_misread(root):  # (the subject the parse hung on a noun)
        return ""
    if acronym(root) and root.head.i < root.i and root.head.pos_ == "VERB" and any(
            c.i == root.i + 1 and c.pos_ == "NOUN" for c in root.children):
        return "target"  # "attacked IS positions": "IS" tagged a verb, after the verb
    current = root
    while current.dep_ in ("compound", "amod", "conj", "appos", "nmod") and \
            current.head.i != current.i:
        current = current.head
    if current.dep_ == "pobj" and current.head.lower_ in ("between", "under"):
        return current.head.lower_  # "fighting between A and B": each side; "under IS control"
    if current.dep_ == "pobj" and current.head.lower_ in TARGET_PREPOSITIONS:
        return "target"
    if current.dep_ in ("dobj",):
        return "target"
    return ""


def _brought(doc: Any, mention: ActorMention, base: int) -> bool:
    """Whether the actor is what a verb of bringing moved ("the advance brought the
    military to within four kilometers of X", "put the SDF within 15 km of X"): it advanced."""
    current = _np_root(doc, mention.start - base, mention.end - base)
    while current is not None and current.dep_ in ("compound", "amod", "conj", "appos") and \
            current.head.i != current.i:
        current = current.head
    return current is not None and current.dep_ == "dobj" and \
        current.head.lemma_.lower() in BRINGING


def _mover_after(claim: Claim, evidence: Evidence, text: str, base: int) -> bool:
    """Whether the actor is the side a moving participle describes ("advancing rebel
    forces ran into mines"): the mover, however the parse hangs it."""
    subject = evidence.subject
    return subject is not None and claim.action in MOVING and \
        bool(MOVING_PARTICIPLE.search(text, evidence.cue[0] - base, evidence.cue[1] - base)) and \
        bool(MOVER_AFTER.match(text[evidence.cue[1] - base: max(0, subject.start - base)]))


def _praised_for(cue: Any) -> bool:
    """Whether the cue is what a praised person did: "congratulated Assad on regaining
    Palmyra", "praised the SDF for liberating X" (the object of the praise is the agent)."""
    prep = cue.head
    return cue.dep_ in ("pcomp", "pobj") and prep.lower_ in ("on", "for") and \
        prep.head.lemma_.lower() in PRAISING


def _foreign(doc: Any, cue: Any, start: int, end: int) -> bool:
    """Whether a place lies in another clause than the cue's: under the verb of a relative,
    adverbial, complement or coordinated clause with a subject of its own that does not
    contain the cue ("captured X after IS fighters withdrew from Y": Y is not X's claim);
    not one hung from "IS" taken for the verb "is" ("airstrikes on IS positions in X")."""
    token = _np_root(doc, start, end)
    if token is None:
        return False
    above_cue = {a.i for a in cue.ancestors} | {cue.i}
    for node in [token, *token.ancestors]:
        if node.i in above_cue:
            return False
        if node.dep_ in ("relcl", "acl") and cue.i in {a.i for a in node.head.ancestors}:
            return False  # "took the territory [the rebels held] around X": the object's
        if node.dep_ in FOREIGN_CLAUSES and node.pos_ in ("VERB", "AUX") and \
                not split_at_acronym(node) and any(c.dep_ in SUBJECTS for c in node.children):
            return True
    return False


def _actor_change(claim: Claim, evidence: Evidence, doc: Any, base: int, cue: Any,
                  actors: Sequence[ActorMention]) -> tuple[str | None, str]:
    """(new actor or None, reason to drop or "") from the agent the parse finds."""
    if doc.text.startswith("-", evidence.cue[0] - base) or evidence.reader == "presence":
        return None, ""  # "rebel-held"; "IS's capital, Raqqa" (presence.py): no verb to parse
    said = doc.text[evidence.cue[0] - base: evidence.cue[1] - base].lower()
    if (claim.action == "capture" and cue.lemma_ in ("lose", "surrender", "hand")) or (
            evidence.subject is not None and evidence.subject.start > base + cue.idx and (
                (claim.action == "capture" and (cue.lemma_ == "fall" or UNDER_CONTROL_ANY.search(
                    said))) or (claim.action == "control" and said.endswith("hands")))):
        return None, ""  # "Azaz fell to the SDF", "lost X to IS", "stayed in IS hands",
        # "came under the control of IS", "fell under SDF control": the side is after the cue
    subject, agent = backed_subject(cue) or _subject_of(cue)  # (a misparsed backer)
    if subject is not None and agent and subject.pos_ == "PRON":
        subject = pronoun_subject(subject)
    if claim.action == "lift_siege" and cue.lower_ == "siege" and subject is not None and \
            subject.dep_ == "poss":
        subject = None  # "the Army's siege ... had been broken": the besieger lifted nothing
    # the patient of a passive movement moved ("a convoy of X was sent to Y")
    mover = subject is not None and claim.action in MOVING and subject.dep_ == "nsubjpass"
    if subject is not None and (agent or mover):
        lo, hi = _phrase(subject)
        # (an actor the parse split, "Jabhat al-Nusra" with "Jabhat" its own noun, overlaps)
        named = [m for m in actors if m.start < base + hi and base + lo < m.end]
        # a rule subject between the parse's and the cue wins, unless it is an object
        # ("the military managed to sever the last *rebel* supply line and surround X")
        closer = evidence.subject is not None and \
            base + hi <= evidence.subject.start and evidence.subject.end <= base + cue.idx \
            and _role(doc, evidence.subject, base) != "target"
        if named and claim.actor not in {m.actor for m in named} and not closer:
            if evidence.co_actor == "air":
                return None, ""
            if evidence.co_actor:
                return None, "a co-actor that is not the agent"
            return named[0].actor, ""
        own = evidence.subject
        if not named and agent and subject.pos_ != "PRON" and subject.tag_ not in ("WDT", "WP") \
                and own is not None and base <= own.start < base + len(doc.text) and not closer \
                and not evidence.co_actor and not (base + lo <= own.start < base + hi) and \
                _role(doc, own, base) not in ("between", "under")[:1 + (claim.action == "control")]:
            return None, "the agent is no actor the lexicon knows"
    if evidence.subject is not None and base <= evidence.subject.start < base + len(doc.text):
        target = _role(doc, evidence.subject, base) == "target"
        moved = evidence.co_actor == "moved" or claim.action in ("redeploy", "withdraw", "flee") \
            or (claim.action == "advance" and _brought(doc, evidence.subject, base)) \
            or _praised_for(cue) or _mover_after(claim, evidence, doc.text, base)
        if target and not moved and (subject is None or not agent or evidence.co_actor):
            return None, "the actor is the target"
    return None, ""


def _is_patient(claim: Claim, evidence: Evidence, cue: Any, base: int) -> bool:
    """Whether the claim's actor is what the action was done to (movements aside: "IS
    fighters were evacuated from X" tells IS withdrew)."""
    if claim.action in MOVING or _glued(cue, evidence, base) or \
            cue.lower_.startswith(ENGAGED):
        return False
    done_to = patient(cue)
    if done_to is None:
        return False
    own = evidence.subject
    if own is None:
        return done_to.pos_ == "PRON"
    lo, hi = _phrase(done_to)
    return base + lo <= own.start and own.end <= base + hi


def _not_agent(claim: Claim, evidence: Evidence, cue: Any, base: int) -> str:
    """Why the claim's actor did not do it: what it was done to, or who only says it."""
    if _is_patient(claim, evidence, cue, base):
        return "the actor is the patient"
    own = evidence.subject
    if own is not None and said_by(cue, own.start - base, own.end - base):
        return "the actor is the speaker"
    return ""


def _in_aim(cue: Any, action: str) -> bool:
    """Whether a holder ("rebel-held") is named inside a clause that says what was wanted,
    not what was done ("in an attempt to lift the siege on the rebel-held areas"): an aim's
    words are not the writer's report."""
    for node in cue.ancestors:
        if node.pos_ in ("VERB", "AUX") and node.dep_ != "amod":  # (not "held" itself)
            return intended(node, action) == "intent"
    return False


def _glued(cue: Any, evidence: Evidence, base: int) -> bool:
    """Whether the cue is glued to its actor ("rebel-held")."""
    return cue.doc.text.startswith("-", evidence.cue[0] - base)


def check(claim: Claim, evidence: Evidence, doc: Any, base: int,
          actors: Sequence[ActorMention]) -> tuple[Claim | None, str]:
    """The claim as the parse reads it (None when the parse says it is no claim), and why.

    A negated or merely intended action is no claim when its clause reports ("launched an
    offensive to capture X": no capture); inside a question, a condition or a hedge it
    stays, as what it is (questioned, speculative: "if the SDF wants ... to capture X").
    """
    if evidence.co_actor == "associate":
        return None, "an associate is not the agent"
    cue = _token_at(doc, evidence.cue[0] - base)
    intent = intended(cue, claim.action) or prospect(cue, claim.action)
    modality = clause_modality(cue) or ("predicted" if intent == "future" else "")
    hypothetical = bool(modality) or claim.modality == "questioned"
    if (negated(cue) or failed(cue, claim.action)) and not hypothetical:
        return None, "negated"
    purpose = intent == "intent" and not hypothetical and claim.action != "attack" and \
        assault_purpose(cue)
    if intent == "intent" and not hypothetical and not purpose:
        return None, "intended"
    if _glued(cue, evidence, base) and not hypothetical and _in_aim(cue, claim.action):
        return None, "a holder inside an aim"
    if claim.action == "control" and last_holding_taken(cue):
        return None, "a holding that was ended"
    why = _not_agent(claim, evidence, cue, base)
    if why:
        return None, why
    changes: dict[str, object] = {"action": "attack"} if purpose else {}
    modality = modality or noun_modality(cue)
    if purpose and claim.modality not in ("questioned", "disputed"):
        changes["modality"] = "reported"  # the attack was made; its aim is not claimed
    elif claim.modality not in ("questioned", "disputed"):
        changes["modality"] = modality or ("speculative" if intent == "intent" else "reported")
    actor, why = _actor_change(claim, evidence, doc, base, cue, actors)
    if why and not agent_read(why, claim, evidence, doc.text, base):  # (recall.py: the
        return None, why  # reader's own construction says who acted)
    if actor is not None:
        changes["actor"] = actor
    sentence_end = base + len(doc.text)
    local = [m for m in evidence.mentions if base <= m.start < sentence_end]
    if local and len(local) == len(evidence.mentions) and not evidence.borrowed:
        kept = [m for m in local if not _foreign(doc, cue, m.start - base, m.end - base)]
        if not kept:
            return None, "no place in the clause"
        if len(kept) < len(local):
            places = tuple(dict.fromkeys(m.place for m in kept))
            changes["places"] = places
            if claim.origin not in places:
                changes["origin"] = None
            if claim.destination not in places:
                changes["destination"] = None
    changes = {k: v for k, v in changes.items() if getattr(claim, k) != v}
    return (replace(claim, **changes) if changes else claim), ""


# Parses kept per process, by sentence text: a thread quotes its comments, an archive holds
# reposts, and a sentence is parsed once.  Bounded, oldest dropped first.
_PARSED: OrderedDict[str, Any] = OrderedDict()
PARSE_CACHE = 5_000


def _parse(nlp: Any, wanted: dict[tuple[int, int, int], str]) -> dict[tuple[int, int, int], Any]:
    """Parses of the wanted sentences: from the cache, the rest in one ``nlp.pipe`` batch."""
    fresh = list(dict.fromkeys(s for s in wanted.values() if s not in _PARSED))
    for sentence, doc in zip(fresh, nlp.pipe(fresh, batch_size=256), strict=True):
        doc.tensor = doc.tensor[:0]  # the token vectors are not read: keep the cache small
        _PARSED[sentence] = doc
    out = {}
    for key, sentence in wanted.items():
        out[key] = _PARSED[sentence]
        _PARSED.move_to_end(sentence)
    while len(_PARSED) > PARSE_CACHE:
        _PARSED.popitem(last=False)
    return out


def revise(ctx: Context, entries: Sequence[Entry], nlp: Any) -> list[Claim]:
    """Every claim checked against the parse of its sentence (see the module docstring)."""
    by_entry = {e.id: e for e in entries}
    wanted: dict[tuple[int, int, int], str] = {}
    for claim in ctx.report.claims:
        evidence = ctx.evidence.get(claim.id)
        if evidence is None:
            continue
        start, end = evidence.sentence
        wanted.setdefault((claim.entry, start, end),
                          by_entry[claim.entry].text[start:end])
    docs = _parse(nlp, wanted)
    actors_by: dict[int, list[ActorMention]] = {}
    for mention in ctx.actor_mentions:
        actors_by.setdefault(mention.entry, []).append(mention)
    out: list[Claim] = []
    seen: set[tuple] = set()
    for claim in ctx.report.claims:
        evidence = ctx.evidence.get(claim.id)
        if evidence is None:
            out.append(claim)
            continue
        start, end = evidence.sentence
        doc = docs[(claim.entry, start, end)]
        checked, why = check(claim, evidence, doc, start, actors_by.get(claim.entry, []))
        if checked is None:
            ctx.report.dropped.append((claim, why))
            continue
        key = (checked.entry, checked.start, checked.actor, checked.action, checked.places)
        if key in seen:
            continue
        seen.add(key)
        ctx.evidence[claim.id] = replace(evidence, parsed=True)
        out.append(checked)
    return out


__all__ = ["check", "revise"]
