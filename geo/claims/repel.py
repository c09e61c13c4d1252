"""An attack named as what a side repelled is the other side's: "the SAA repelled an attack on
X", "the rebels beat back an assault on Y", "IS repulsed a fierce assault on Z".

The subject of the verb of repelling held the place (it defended X); the attacker is the
other side, named in the noun phrase ("an IS attack on X") or after it ("an attack by IS on
X"), else unnamed.  So an attack claim whose cue is the object of such a verb and whose agent
was read before that verb (not a pronoun, which may be the attacker's: "repelled their
attack") becomes the agent's defence of the same places, unless the reader
already has it, or the repelling is negated or aimed at (then no claim).
Merriam-Webster, repel: to drive back an assault; beat back, repulse."""

from __future__ import annotations

import re
from dataclasses import replace

from geo.claims.results import Context, Evidence
from geo.claims.traps import aimed, imagined, not_done, same_claim
from geo.records import Claim

# the verb of repelling and the determiner and words before the noun of attack, ending at it
REPELLED_OBJECT = re.compile(
    r"(?<![\w-])(?:repel(?:s|led|ling)?|repuls(?:e|es|ed|ing)|beat(?:s|ing|en)?\s+back|"
    r"fought\s+off|fight(?:s|ing)?\s+off|fend(?:s|ed|ing)?\s+off|thwart(?:s|ed|ing)?|"
    r"foil(?:s|ed|ing)?)\s+(?:an?|the|another|several|two|three|repeated|multiple)\s+"
    r"(?:[\w-]+\s+){0,3}$",
    re.IGNORECASE)
WINDOW = 80


def _repeller(text: str, cue_start: int, sentence_start: int) -> int | None:
    """Where the verb of repelling whose object the cue at ``cue_start`` heads begins."""
    lo = max(sentence_start, cue_start - WINDOW)
    found = REPELLED_OBJECT.search(text[lo:cue_start])
    return lo + found.start() if found else None


def attacker_unnamed(claim: Claim, evidence: Evidence, sentence: str, base: int) -> bool:
    """Whether the claim is an attack that a side named before a verb of repelling repelled
    ("The rebels repelled an army assault on X"): the agent the parse finds in the noun of
    attack is the attacker, so no reason to drop the claim, which :func:`defended` turns into
    the repeller's defence."""
    if claim.action != "attack" or evidence.subject is None:
        return False
    verb = _repeller(sentence, evidence.cue[0] - base, max(0, evidence.sentence[0] - base))
    return verb is not None and evidence.subject.end - base <= verb and \
        evidence.subject.actor == claim.actor


def defended(ctx: Context, claims: list[Claim]) -> list[Claim]:
    """``claims`` with the attacks their agents repelled read as defences (one per place)."""
    out: list[Claim] = []
    for claim in claims:
        evidence = ctx.evidence.get(claim.id)
        if claim.action == "attack" and evidence is not None:
            text = ctx.entries[claim.entry].text
            verb = _repeller(text, evidence.cue[0], evidence.sentence[0])
            subject = evidence.subject
            if verb is not None and subject is not None and subject.end <= verb and \
                    subject.actor == claim.actor:
                claim = replace(claim, action="defend")
                if _undone(text, evidence.sentence, verb, claim.modality):
                    ctx.report.dropped.append((claim, "a defence not made"))
                    continue
                supposed = imagined(text, evidence.sentence, (verb, verb)) \
                    if claim.modality == "reported" else ""
                claim = replace(claim, modality=supposed) if supposed else claim  # "poised to"
                if any(same_claim(claim, other) for other in claims) or \
                        any(same_claim(claim, other) for other in out):
                    continue
        out.append(claim)
    return out


def _undone(text: str, sentence: tuple[int, int], verb: int, modality: str) -> bool:
    """Whether the repelling is negated or only aimed at ("did not repel an attack on X",
    "failed to repel", "was poised to repel"): the screens of geo/claims/traps.py at the
    verb, which the attack's noun after it escaped."""
    return modality == "reported" and (not_done(text, sentence, verb, modality, "defend")
                                       or aimed(text, sentence, verb, parsed=False))


__all__ = ["attacker_unnamed", "defended"]
