"""The action of a group of cues read as one event, where the CSV's order is not enough.

A group's action is the one listed first in ``data/actions.csv`` (``ActionLexicon.main``),
so an attack outranks an advance.  But a noun of fighting beside a verb of moving forward
only says how the move went: "the rebels advanced on X after heavy fighting", "the Army
pushed its assault towards X", "fighting reached X": the event is an advance.  A verb of
attacking ("attacked", "shelled", "stormed") keeps the attack.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from geo.claims.rules import ActionLexicon, Cue

# Nouns that name fighting as a whole (not a strike, a shelling or a raid, which are acts).
FIGHTING_NOUN = re.compile(
    r"(?:fighting|fights?|clashes|battles?|assaults?|(?:counter-?)?offensives?|"
    r"(?:counter-?)?attacks?)\Z", re.IGNORECASE)
# What makes such a word a noun: a determiner, possessive, adjective of degree or a
# preposition before it ("after heavy fighting", "its assault", "amid clashes").
NOUN_BEFORE = re.compile(
    r"(?<![\w-])(?:the|a|an|its|their|his|her|our|heavy|fierce|intense|violent|renewed|"
    r"new|further|continued|ongoing|after|amid|amidst|despite|during|following|with|of|in)"
    r"\s+(?:[\w-]+\s+)?\Z", re.IGNORECASE)
# Verbs of moving forward opening an advance cue ("reached the edge of"; not "within 5 km
# of", not "gain ground").
MOVING = re.compile(r"(?:advanc|push|reach|(?:re-?)?enter|march|proceed|progress)\w*(?!-)",
                    re.IGNORECASE)


def _fighting_noun(text: str, cue: Cue) -> bool:
    if not FIGHTING_NOUN.match(text, cue.start, cue.end):
        return False
    return cue.start == 0 or text[:cue.start].rstrip() == "" or bool(
        NOUN_BEFORE.search(text, max(0, cue.start - 40), cue.start)) or \
        text[cue.start].isupper()


# A noun of fighting after these words tells the circumstance of the event before it ("cut the
# road to X after heavy fighting"), not another act.
CIRCUMSTANCE = re.compile(
    r"(?<![\w-])(?:after|amid|amidst|following|during|despite|in)\s+(?:(?:the|an?|heavy|fierce|"
    r"intense|violent|long|lengthy|bloody|brief|short|[\w]+-long|(?:several\s+|two\s+|three\s+)?"
    r"(?:days|weeks|months|hours)\s+of)\s+)*\Z", re.IGNORECASE)


def circumstance(text: str, cue: Cue, lo: int) -> bool:
    """Whether ``cue`` is a noun of fighting that only says how the event before it went."""
    return cue.action == "attack" and bool(FIGHTING_NOUN.match(text, cue.start, cue.end)) and \
        bool(CIRCUMSTANCE.search(text, max(lo, cue.start - 30), cue.start))


# A noun of taking with its object ("the army's capture of X", "the seizure of Y"): what the
# clause says next ("ended the siege of Z", "opened the road to W") is what the taking did,
# another act (Merriam-Webster, capture: the act of catching or gaining control by force).
TAKING_NOUN = re.compile(r"(?:re-?)?(?:capture|seizure)\s+of\s", re.IGNORECASE)


def taking_noun(text: str, cue: Cue) -> bool:
    """Whether ``cue`` is a noun of taking followed by what was taken."""
    return cue.action == "capture" and bool(TAKING_NOUN.match(text, cue.start))


def group_action(text: str, actions: ActionLexicon, group: Sequence[Cue]) -> str:
    """The action of ``group``: an advance when its only attack cues are nouns of fighting
    beside a verb of moving forward, else ``actions.main``."""
    action = actions.main(group)
    if action != "attack":
        return action
    moves = [c for c in group if c.action == "advance"
             and MOVING.match(text, c.start, c.end)]
    attacks = [c for c in group if c.action == "attack"]
    if moves and all(_fighting_noun(text, c) for c in attacks):
        return "advance"
    return action


__all__ = ["circumstance", "group_action", "taking_noun"]
