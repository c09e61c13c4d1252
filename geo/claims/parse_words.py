"""English words the parse check of geo/claims/syntax.py reads agents by: verbs whose object
did the act, verbs whose object is moved, nouns for those who act, verbs of backing.

They are English grammar and the usual words of war reporting, listed here.
"""

from __future__ import annotations

from typing import Any

# Verbs whose object did what follows "on"/"for": "congratulated Assad on regaining X".
PRAISING = frozenset({"congratulate", "praise", "commend", "thank", "hail", "credit", "laud",
                      "salute"})
# Verbs whose object is moved: "brought the SDF within 12 km of Manbij".
BRINGING = frozenset({"bring", "put", "take", "carry", "get", "move", "push", "place"})
# Nouns for those who act: the head of "IS forces fleeing Manbij".
FORCE_NOUNS = frozenset({
    "force", "fighter", "troop", "soldier", "militant", "unit", "man", "army", "rebel",
    "group", "militia", "militiaman", "jihadist", "jihadi", "insurgent", "convoy", "column",
    "battalion", "brigade", "division", "regiment", "contingent", "detachment", "reinforcement",
    "marine", "commando", "volunteer", "mercenary", "government", "regime", "coalition",
    "military", "police", "guard", "faction", "opposition", "tank", "jet", "aircraft",
    "warplane", "helicopter", "drone", "artillery",
})
# "a convoy consisting of the X militia", "a force made up of X": the group is X.
MADE_OF = frozenset({"consist", "comprise", "compose", "make", "form"})
# Verbs of backing or witnessing: their subject stands by the act a noun object names, it
# does not do it ("Turkey backed the rebel offensive", "advisers accompanied the SAA during
# the capture of X").
SUPPORTING = frozenset({"back", "support", "assist", "aid", "accompany", "welcome", "condemn",
                        "fund", "finance", "arm", "endorse", "oppose", "criticize", "criticise",
                        "facilitate", "coordinate", "observe", "monitor", "witness", "applaud"})


def backer_participle(verb: Any) -> bool:
    """Whether ``verb`` is a participle set off after a noun with its own "by" agent ("the
    army, supported by Russian airstrikes, ..."): a verb the parse joins to it by "and" is the
    noun's act, not the backer's."""
    return verb.dep_ == "acl" and verb.tag_ == "VBN" and \
        verb.head.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "agent" for c in verb.children)


def shared_agent(verb: Any) -> Any | None:
    """The agent a verb joined to its head takes from that head other than its subject: the
    object of "want IS to take" (an xcomp), the noun a backer's participle is set off after
    ("X, supported by Y, advanced": the parse may join "advanced" to "supported")."""
    if verb.dep_ == "xcomp":
        return next((c for c in verb.head.children if c.dep_ == "dobj"), None)
    return verb.head.head if verb.dep_ == "conj" and backer_participle(verb.head) else None


def backed_subject(cue: Any) -> tuple[Any, bool] | None:
    """(the noun, True) when the parse hangs a verb cue after a backer set off by commas as an
    appositive, of the backer or of the noun backed ("the army, supported by Russian
    airstrikes, overran X": the army overran X, not the airstrikes); None otherwise."""
    token = cue
    while token.dep_ == "compound" and token.head.i != token.i:
        token = token.head  # ("overran Azaz" read as one name)
    head = token.head
    if token.dep_ != "appos" or not cue.text.islower():
        return None
    if head.dep_ == "pobj" and head.head.dep_ == "agent":
        head = head.head.head.head  # the appositive of the backer: the noun backed
    backed = [c for c in head.children if backer_participle(c) and c.i < cue.i]
    if not backed or head.pos_ not in ("NOUN", "PROPN") or \
            not any(t.text == "," for t in cue.doc[backed[0].i: cue.i]):
        return None
    return head, True


def subject_misread(root: Any) -> bool:
    """Whether a noun the parse hung on a noun before it (in apposition or joined by "and")
    is the subject of the sentence's main verb right after it, which the parse left with no
    subject ("After capturing X, Turkish-backed rebels pushed towards Y" parsed with
    "rebels" in apposition to X): a finite main clause has a subject (Quirk et al. (1985),
    2.13), and the noun phrase before its verb is it."""
    if root.dep_ not in ("appos", "conj"):
        return False
    after = root.right_edge.i + 1
    if after >= len(root.doc):
        return False
    verb = root.doc[after]
    return verb.dep_ == "ROOT" and verb.pos_ in ("VERB", "AUX", "ADJ") and \
        not any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in verb.children)
