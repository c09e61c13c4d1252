""""The Army", "the military": the army last named in the entry, not always Syria's.

News and encyclopedic English name an army once in full ("the Turkish Armed Forces",
"Syrian Army troops") and then call it "the Army" or "the military".  The faction lexicon
reads those two words as the Syrian army, the usual referent in this project's threads; here a
definite "the army"/"the military" takes instead the state actor of the latest army named
before it in the same entry (a state actor's name followed or formed by "army", "military",
"armed forces", "troops", "soldiers" or "forces").  With no army named before, the lexicon's
reading stands.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace

from geo.records import ActorMention, Entry

GENERIC = re.compile(r"\Athe\s+(?:army|military)\Z", re.IGNORECASE)
ARMY_WORDS = re.compile(r"(?:army|military|armed\s+forces|troops|soldiers|forces)(?!\w)",
                        re.IGNORECASE)
# "The Turkish government ... the government": a definite "the government" is likewise the
# state whose government was last named, else the lexicon's reading (Syria's).
GENERIC_GOVERNMENT = re.compile(r"\Athe\s+government\Z", re.IGNORECASE)
GOVERNMENT_WORDS = re.compile(r"government(?!\w)", re.IGNORECASE)
# Actors that are states with an army of their own.
STATES = frozenset({"saa", "turkey", "russia", "us", "iran", "iraq", "israel", "saudi"})


def _names_an_army(mention: ActorMention, text: str) -> bool:
    if mention.actor not in STATES:
        return False
    return bool(ARMY_WORDS.search(mention.surface)
                or (ARMY_WORDS.match(text, mention.end + 1, mention.end + 20)
                and not text[mention.end: mention.end + 1].strip()))


def resolve_armies(mentions: Sequence[ActorMention],
                   entries: Mapping[int, Entry]) -> list[ActorMention]:
    """The mentions, with each generic "the Army" given the latest named army's actor."""
    out: list[ActorMention] = []
    last: ActorMention | None = None
    government: ActorMention | None = None
    for mention in sorted(mentions, key=lambda m: (m.entry, m.start)):
        if last is not None and last.entry != mention.entry:
            last = None
        if government is not None and government.entry != mention.entry:
            government = None
        entry = entries.get(mention.entry)
        if GENERIC.match(mention.surface):
            if last is not None and last.actor != mention.actor:
                mention = replace(mention, actor=last.actor)
        elif GENERIC_GOVERNMENT.match(mention.surface):
            if government is not None and government.actor != mention.actor:
                mention = replace(mention, actor=government.actor)
        else:
            if entry is not None and _names_an_army(mention, entry.text):
                last = mention
            if mention.actor in STATES and GOVERNMENT_WORDS.search(mention.surface):
                government = mention
        out.append(mention)
    return out
