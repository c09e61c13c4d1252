"""What a dependency parse says of the event a cue names: whether it happened.

From the cue's token, along the words it hangs from (ClearNLP labels, as the English model
gives them):

* **negation**: a ``neg`` on the cue or on the verbs it hangs from ("can't take"), a governing
  "fail"/"unable"/"prevent" (not "did not prevent"), "no" before a noun cue;
* **failure**: a noun cue that is the subject of "thwart", "repel", "fail" ("the assault was
  thwarted");
* **intent**: an infinitive that says what was wanted, not what was done ("aiming to", "in
  order to", "an offensive to capture"); "managed to" stays, "going to" predicts;
* **prospect**: "on the verge of recapturing", "in preparation for the attack", "paving the
  way for an advance", the object of a wanted infinitive ("trying to complete its siege",
  "created to administer X after its capture");
* **modality**: a modal auxiliary of the cue's own verbs, a condition or hedge that governs it,
  a verb of thinking above it;
* **the speaker**: the subject of a verb of saying whose complement or object holds the cue
  ("The SDF said Azaz was captured") says it, it did not do it;
* **a holding ended**: the last or remaining holding, taken or fought for ("expelling IS
  from its last stronghold") is no control claim.

The words are English grammar, listed here.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from typing import Any

# An infinitive under these is wanted, tried, planned or promised, not done.
INTENT = frozenset({
    "aim", "seek", "attempt", "try", "plan", "intend", "want", "wish", "hope", "prepare",
    "threaten", "vow", "pledge", "promise", "agree", "order", "mean", "decide", "aspire",
    "strive", "endeavour", "endeavor", "push", "call", "urge", "ask", "allow", "let", "need",
    "fail", "refuse", "offensive", "operation", "campaign", "attack", "assault", "effort",
    "bid", "deal", "agreement", "goal", "objective", "intention", "launch", "deploy", "send",
    "move", "advance", "mobilize", "mobilise", "redeploy", "reinforce", "head",
    # adjectives of readiness (data/intent.csv): "determined to recapture X"
    "ready", "determined", "determine", "eager", "keen", "resolved", "resolve",
})
# An infinitive under these did happen ("managed to take", "was able to capture").
SUCCESS = frozenset({"manage", "succeed", "able", "continue", "go on", "proceed", "help"})
# An infinitive under these is a prediction ("is going to take", "is expected to fall").
FUTURE = frozenset({"go", "expect", "about", "set", "likely", "due", "poised"})
MOVING = frozenset({"redeploy", "withdraw", "flee", "advance"})
MOVING_VERBS = frozenset({"leave", "move", "head", "go", "send", "deploy", "withdraw", "pull",
                          "redeploy", "travel", "march", "transfer", "bring", "truck", "rush",
                          "dispatch", "return", "relocate", "reposition", "retreat",
                          "abandon", "evacuate", "vacate", "quit"})
NEGATING = frozenset({"fail", "unable", "prevent", "stop", "block", "thwart", "foil",
                      "refuse", "avoid", "deny", "cancel", "abandon", "halt"})
HEDGES = frozenset({"perhaps", "maybe", "presumably", "probably", "possibly", "likely",
                    "apparently", "allegedly", "supposedly", "conceivably"})
THINKING = frozenset({"seem", "appear", "think", "suspect", "believe", "suppose", "assume",
                      "guess", "wonder", "imagine", "speculate", "doubt"})
# An accusation is an allegation: "the rebels were accused of shelling X" (as "allegedly").
ALLEGING = frozenset({"accuse", "allege"})
# "Their theory is that ...", "the rumour was that ...": what a belief says is not reported.
BELIEFS = frozenset({"theory", "belief", "suspicion", "hunch", "speculation", "rumour", "rumor",
                     "guess", "hypothesis", "assumption", "impression", "conspiracy"})
CONDITIONS = frozenset({"if", "unless", "whether"})
# Verbs of saying: their subject is the source of what they report, not its agent.
SAYING = frozenset({"say", "report", "claim", "announce", "state", "declare", "confirm",
                    "deny", "add", "note", "tell", "insist", "assert", "allege",
                    "acknowledge", "admit", "warn"})
# An event named by a noun with one of these before it has not happened (yet).
FUTURE_ADJECTIVES = frozenset({"future", "planned", "upcoming", "imminent", "expected",
                               "eventual", "anticipated", "proposed", "impending"})
POSSIBLE_ADJECTIVES = frozenset({"possible", "potential", "likely", "probable", "prospective",
                                 "hypothetical"})
SPECULATIVE_MODALS = frozenset({"may", "might", "could", "would", "should", "can", "must"})
FUTURE_MODALS = frozenset({"will", "shall", "'ll", "wo"})
# "would" in past narration tells what did happen ("the town would later fall"): the future
# in the past (Quirk et al. 1985); said or promised, it is a prediction (backshifted "will").
NARRATING = frozenset({"later", "eventually", "subsequently", "ultimately", "soon", "then"})
PROMISING = SAYING | {"promise", "pledge", "vow", "assure", "reassure"}
# A noun cue that is the subject of these did not come off: "the assault was thwarted",
# "counter-attacks were repelled", "the offensive failed".
FAILED_BY = frozenset({"thwart", "foil", "repel", "repulse", "halt", "stop", "block", "abort",
                       "prevent", "fail", "collapse", "stall"})
# ... of which these tell of an attack that was made: "the attack on X failed" (one repelled
# or repulsed names no claim: tests/test_claims_precision.py).
MADE_THEN_FAILED = frozenset({"fail", "collapse", "stall"})
# Passives whose subject is the one engaged: "Saudi was bogged down in Yemen", "IS fighters
# were entrenched in X".
# (the starts of their participles: the tagger's lemma of "bogged" is "bogge")
ENGAGED = ("bogged", "engag", "involv", "embroil", "entrench", "stationed", "massed",
           "concentrat", "positioned", "based", "dug")
# "came under attack", "remained under siege": the subject suffers the noun after "under".
UNDERGOING = frozenset({"come", "be", "remain", "stay", "fall", "lie", "find", "go"})
# "on the verge of recapturing", "in preparation for the attack": a prospect, not an act.
PROSPECT = frozenset({"verge", "brink", "preparation", "prelude", "way", "attempt", "bid", "hope",
                      "plan", "prospect", "threat", "goal", "aim", "eve", "intention"})



def governors(token: Any) -> Iterable[Any]:
    """The cue and the words it hangs from, up to its clause's head (and beyond an
    infinitive or participle to the verb that governs it)."""
    current = token
    seen = 0
    while seen < 8:
        yield current
        if current.dep_ == "ROOT" or current.head.i == current.i:
            return
        if current.dep_ in ("relcl", "parataxis", "ccomp") and \
                current.pos_ in ("VERB", "AUX") and not acronym(current):
            return
        current = current.head
        seen += 1


def acronym(token: Any) -> bool:
    """Whether a word the tagger took for a verb is a name in capitals ("IS", "ISIS")."""
    return token.pos_ in ("VERB", "AUX") and len(token.text) > 1 and token.text.isupper()


def split_at_acronym(verb: Any) -> bool:
    """Whether a clause's verb is only the tagger's split of a noun phrase at a name in
    capitals taken for a verb ("airstrikes on IS positions in X killed 20": "IS" read as
    "is", its head, or as a verb just before the clause's subject, "positions")."""
    return acronym(verb.head) or any(
        c.dep_ in ("nsubj", "nsubjpass") and c.i > 0 and acronym(c.doc[c.i - 1])
        for c in verb.children)


def lemma_forms(token: Any) -> set[str]:
    """The tagger's lemma and the forms it may have cut: it gives "hop" for "hoped" and
    "poise" for "poised" (a lost final e, an adjectival participle)."""
    lemma, word = token.lemma_.lower(), token.lower_
    forms = {lemma, word}
    if word.endswith(("ed", "es", "ing")) and not lemma.endswith("e"):
        forms.add(lemma + "e")
    return forms


def infinitive(token: Any) -> bool:
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in token.children)


def negated(token: Any) -> bool:
    """Whether the cue's event is said not to have happened."""
    if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in token.children):
        return True
    chain = list(governors(token))
    for lower, upper in itertools.pairwise(chain):
        if lower.dep_ not in ("xcomp", "pcomp", "pobj", "prep", "acomp", "aux", "conj"):
            break
        if lower.dep_ == "conj":
            continue
        if upper.lemma_.lower() in NEGATING:  # "did not prevent X doing": X did it
            return not any(c.dep_ == "neg" for c in dependents(upper))
        if any(c.dep_ == "neg" for c in upper.children):
            return True
    return False


def intended(token: Any, action: str) -> str:
    """"intent" when the cue is only wanted or tried, "future" when it is predicted.

    A movement's purpose is still a movement: "left the siege of Azaz to reinforce Manbij"
    tells a redeployment that happened."""
    current = token
    for _ in range(4):
        if current.pos_ in ("VERB", "AUX") and infinitive(current):
            head = current.head
            if acronym(head) and head.head.i != head.i:
                head = head.head  # "wants IS to take": "IS" tagged as the verb "is"
            lemma = head.lemma_.lower()
            lemmas = lemma_forms(head)
            if action in MOVING and lemma in MOVING_VERBS:
                return ""
            if current.dep_ == "advcl" or any(c.lower_ == "order" for c in current.children):
                return "intent"  # "launched an offensive to take X", "in order to"
            if lemmas & SUCCESS:
                return ""
            if lemmas & FUTURE:
                return "future"
            if lemmas & INTENT or head.pos_ in ("NOUN", "PROPN") or current.dep_ in (
                    "acl", "relcl"):
                return "intent"
            return ""
        if current.dep_ in ("conj", "xcomp") and current.head.i != current.i:
            current = current.head
            continue
        break
    if token.pos_ == "VERB" and token.tag_ == "VBG" and token.dep_ == "pcomp" and \
            token.head.lower_ in ("at", "toward", "towards") and \
            token.head.head.lemma_.lower() in ("aim", "target", "direct"):
        return "intent"  # "aimed at capturing"
    return ""


def failed(token: Any, action: str = "") -> bool:
    """Whether a noun cue is the subject of a verb saying it failed ("was thwarted"); an
    attack that failed, collapsed or stalled was still made (not one foiled or repelled)."""
    lemma = token.head.lemma_.lower()
    if action == "attack" and lemma in MADE_THEN_FAILED:
        return False
    return token.pos_ in ("NOUN", "PROPN") and token.dep_ in ("nsubj", "nsubjpass") and \
        lemma in FAILED_BY


def prospect(token: Any, action: str) -> str:
    """"intent" for a cue that is only in prospect: after "the verge of", "preparation
    for", or the object of an infinitive that is wanted or tried ("trying to complete its
    siege")."""
    if token.dep_ in ("pcomp", "pobj") and token.head.lower_ in ("of", "for") and \
            token.head.head.lemma_.lower() in PROSPECT:
        return "intent"
    if token.dep_ == "dobj" and token.head.pos_ == "VERB" and infinitive(token.head):
        return intended(token.head, action)
    verb = token.head.head  # "was created to administer Manbij after its capture"
    if token.dep_ == "pobj" and token.head.dep_ == "prep" and verb.pos_ == "VERB" and \
            infinitive(verb):
        return intended(verb, action)
    return ""


# A gain a side announces is its own ("the SDF announced the capture of X").
OWN_GAIN = frozenset({"capture", "recapture", "liberation", "seizure", "takeover", "storming"})


def said_by(token: Any, start: int, end: int) -> bool:
    """Whether the words at [start, end) of the sentence are only who says what the cue is
    in ("The SDF said Azaz was captured", "the SDF reported an attack on X"):
    the subject of a verb of saying whose complement or object holds the cue, and not the
    subject of the reported clause itself ("the SDF said it took X": "it" is the SDF)."""
    top = list(governors(token))[-1]
    if top.dep_ == "ccomp" and top.head.lemma_.lower() in SAYING:
        verb = top.head
        if any(c.dep_ in ("nsubj", "nsubjpass") and (c.pos_ == "PRON" or any(
                g.dep_ == "poss" and g.pos_ == "PRON" for g in c.children))
               for c in top.children):
            return False  # "said it took X", "denied that its forces had entered X"
    elif token.dep_ == "dobj" and token.head.lemma_.lower() in SAYING and \
            token.lemma_.lower() not in OWN_GAIN:  # "announced the capture of X": its own
        verb = token.head
    else:
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return False
    first, last = subject.left_edge, subject.right_edge
    return first.idx <= start and end <= last.idx + len(last.text)


def pronoun_subject(pronoun: Any) -> Any:
    """The subject a pronoun subject stands for when its verb is joined to an earlier one
    in the sentence ("The SDF attacked IS positions, and then it took X": the SDF), not the
    last actor named; otherwise the pronoun."""
    verb = pronoun.head
    if pronoun.lower_ not in ("it", "they") or verb.dep_ != "conj" or verb.head.i == verb.i:
        return pronoun
    first = next((c for c in verb.head.children if c.dep_ == "nsubj" or (
        acronym(c) and c.i < verb.head.i)), None)  # "IS attacked ...": "IS" tagged a verb
    return first if first is not None and (first.pos_ in ("NOUN", "PROPN") or acronym(first)) \
        else pronoun


def below_prep(noun: Any, prep: int) -> bool:
    """Whether ``noun`` carries the preposition at ``prep`` and it is not "of" ("a wave of
    airstrikes" is the airstrikes; "a commander in airstrikes" is not)."""
    return noun.pos_ in ("NOUN", "PROPN") and noun.doc[prep].lower_ != "of"


def under_fire(token: Any) -> tuple[Any | None, Any | None]:
    """(the target, the attacker or None) for a noun cue after "under" ("the SDF came under
    attack by IS", "positions remained under siege"), else (None, None)."""
    if token.lower_ == "under":  # the cue "under fire" starts at the preposition
        token = next((c for c in token.children if c.dep_ == "pobj"), token)
    if token.dep_ != "pobj" or token.head.lower_ != "under" or token.head.head.i == \
            token.head.i or token.head.head.lemma_.lower() not in UNDERGOING:
        return None, None
    verb = token.head.head
    target = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    for prep in (c for c in [*verb.children, *token.children] if c.dep_ == "prep"):
        if prep.lower_ in ("by", "from"):
            for child in prep.children:
                if child.dep_ == "pobj":
                    return target, child
    return target, None


def patient(token: Any) -> Any | None:
    """The head of the phrase the cue's event is done to, when the cue is a passive with no
    agent ("rebel forces were left besieged") or a noun in a passive's "by" phrase ("ISIL
    leaders were killed by airstrikes"), or what came under it ("came under fire"): whoever
    that names did not do it."""
    target, attacker = under_fire(token)
    if target is not None and attacker is None:
        return target
    if token.pos_ == "VERB" and not any(c.dep_ == "agent" for c in token.children):
        for child in token.children:
            if child.dep_ == "nsubjpass":
                return child
        if token.tag_ == "VBN" and token.dep_ in ("oprd", "acomp") and \
                not any(c.dep_ == "aux" for c in token.children):
            for child in token.head.children:
                if child.dep_ in ("nsubj", "nsubjpass"):
                    return child
    if token.dep_ == "pobj" and token.head.dep_ == "agent":
        for child in token.head.head.children:
            if child.dep_ == "nsubjpass":
                return child
    return None


def dependents(token: Any) -> list[Any]:
    """A word's dependents, with those of its auxiliaries ("will" hangs on "be" in "will be
    defended")."""
    out = list(token.children)
    out += [g for c in out if c.dep_ in ("aux", "auxpass") for g in c.children]
    return out


def modality(token: Any) -> str:
    """The modality the parse gives the cue's own clause ("" when nothing marks it)."""
    future = speculative = False
    chain = list(governors(token))
    joined = finite = False  # past a "conj" link a hedge is the other clause's ("presumably took X,
    for current in chain:  # and IS withdrew": the withdrawal is not hedged)
        for child in dependents(current):
            word = child.lower_
            lemma = child.lemma_.lower()
            if joined and child.dep_ == "advmod":
                continue
            if (joined or finite) and child.dep_ in ("aux", "auxpass"):
                continue  # a modal takes no finite verb ("could not hold X and withdrew")
            if child.dep_ in ("aux", "auxpass") and child.tag_ == "MD":
                if word in FUTURE_MODALS or lemma in FUTURE_MODALS:
                    future = True
                elif word == "would" and not _counterfactual(current):
                    future = future or _backshifted(chain)  # else narration: reported
                elif word in SPECULATIVE_MODALS or lemma in SPECULATIVE_MODALS:
                    speculative = True
            elif (child.dep_ == "mark" and word in CONDITIONS) or \
                    (child.dep_ == "advmod" and word in HEDGES):
                speculative = True
        if current.i != token.i and current.lemma_.lower() in THINKING | ALLEGING:
            speculative = True
        future = future or (current.dep_ == "xcomp" and current.head.lemma_ == "be"
                            and any(c.dep_ == "aux" and c.lower_ == "to"
                                    for c in current.children))  # "IS is to withdraw"
        joined = joined or (current.dep_ == "conj" and current.pos_ in ("VERB", "AUX") and any(
            c.dep_ in ("nsubj", "nsubjpass") or acronym(c) for c in current.children))
        finite = finite or (current.dep_ == "conj" and current.tag_ in ("VBD", "VBZ"))
    top = chain[-1]
    if top.dep_ == "ccomp" and top.head.lemma_.lower() in THINKING:
        speculative = True  # "I think the SDF took Manbij"
    if top.dep_ == "ccomp" and any(c.dep_ == "nsubj" and c.lemma_.lower() in BELIEFS
                                   for c in top.head.children):
        speculative = True  # "Their theory is that the SDF took Manbij"
    if speculative:
        return "speculative"
    return "predicted" if future else ""


def _counterfactual(verb: Any) -> bool:
    """Whether "would" on ``verb`` is hypothetical: "would have taken", or with a condition
    ("if", "unless") or without a sign of narration or report ("later", a verb of saying)."""
    children = dependents(verb)
    if any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in children):
        return True
    if any(c.dep_ == "advmod" and c.lower_ in NARRATING for c in children) or \
            (verb.lemma_.lower() == "go" and any(c.dep_ == "xcomp" for c in children)):
        return False
    return not _backshifted(list(governors(verb)))


def _backshifted(chain: list[Any]) -> bool:
    """Whether the clause is the complement of a verb of saying or promising ("announced
    that the offensive would continue"): Quirk et al. 1985, 14.31 (backshift)."""
    top = chain[-1]
    return top.dep_ == "ccomp" and top.head.lemma_.lower() in PROMISING and not any(
        c.dep_ == "mark" and c.lower_ in CONDITIONS for c in top.children)


# An attack launched for a purpose happened, whatever came of the purpose: "an offensive to
# capture X" is an attack on X (the capture is only intended).
ASSAULTS = frozenset({"offensive", "counter-offensive", "counteroffensive", "operation",
                      "attack", "counter-attack", "counterattack", "assault", "campaign",
                      "push", "drive", "raid", "launch"})
# ... but not when the purpose hangs from a word that only tries or wants, with no attack
# made above it ("the SDF attempted to capture X"; "launched an offensive in an attempt to
# capture X" was an attack made).
TRYING = frozenset({"attempt", "try", "bid", "effort", "seek", "aim", "plan", "prepare"})


def assault_purpose(token: Any) -> bool:
    """Whether the cue is the purpose of an attack that was made ("a military operation by
    the SDF to capture Manbij", "launched an attack in order to take X", "an offensive
    launched ... with the goal of capturing X")."""
    current = token
    for _ in range(6):
        if current.head.i == current.i or current.dep_ not in (
                "acl", "advcl", "pcomp", "pobj", "prep", "xcomp", "relcl"):
            return False
        current = current.head
        lemma = current.lemma_.lower()
        if lemma in ASSAULTS:
            return True
        if lemma in TRYING and current.pos_ != "NOUN":
            return False  # "the SDF attempted to capture X" (a noun, "in an attempt to",
            # hangs from what was done)
    return False


def noun_modality(token: Any) -> str:
    """"predicted" for "a future offensive", "speculative" for "a potential blow", else ""
    (it colours a claim the parse keeps; it rescues none it drops)."""
    for child in token.children:
        if child.dep_ == "amod" and child.lower_ in FUTURE_ADJECTIVES:
            return "predicted"
        if child.dep_ == "amod" and child.lower_ in POSSIBLE_ADJECTIVES:
            return "speculative"
    return ""


# "the last/remaining X stronghold" taken, or fought for: the holding ended.
LAST_WORDS = frozenset({"last", "remaining", "final"})
TAKING = frozenset({"capture", "take", "seize", "expel", "drive", "oust", "overrun", "clear",
                    "storm", "recapture", "retake", "liberate", "evict", "fighting", "fight",
                    "capturing", "taking", "seizing", "expelling", "driving", "ousting",
                    "clearing", "storming", "retaking", "recapturing", "liberating"})


def last_holding_taken(cue: Any) -> bool:
    """Whether a holding is named as the last one, taken or fought for ("captured the last
    rebel stronghold", "expelling IS from its last stronghold in X", "captured the remaining
    four villages that IS held"): the holding ended there, it is no control claim."""
    noun = cue if cue.pos_ in ("NOUN", "PROPN") else None
    for node in [cue, *cue.ancestors]:
        if noun is None and node.pos_ in ("NOUN", "PROPN"):
            noun = node
        if noun is not None:
            break
    if noun is None or not any(c.lower_ in LAST_WORDS for c in noun.children):
        return False
    for node in noun.ancestors:
        if acronym(node):  # "expelling IS from its last stronghold": "IS" tagged as a verb
            return any(_taking(c) for c in node.children if c.i < node.i)
        if node.pos_ in ("VERB", "NOUN") and _taking(node):
            return True
        if node.pos_ == "VERB":
            return False
    return False


def _taking(token: Any) -> bool:
    return token.lemma_.lower() in TAKING or token.lower_ in TAKING
