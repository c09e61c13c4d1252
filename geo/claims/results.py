"""What reading a thread yields, and the state the readers of its entries share."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from geo.claims.rules import ActionLexicon, ModalityRules
from geo.factions import FactionLexicon
from geo.records import ActorMention, Claim, Entry, Mention, Place

# Two places this close are one battle area for dispute linking (km).
NEAR_KM = 30.0


@dataclass(frozen=True, slots=True)
class Duplicate:
    """A claim read inside a quotation that repeats the quoted entry's claim ``original``.

    ``entry``/``start``/``end`` locate the quoted words in the quoting entry; ``author`` is
    the quoted author.  The claim itself is counted once, as ``original``.
    """

    entry: int
    start: int
    end: int
    author: str
    original: str


@dataclass(slots=True)
class ClaimReport:
    """The claims, and the quoted repetitions that were linked instead of counted."""

    claims: list[Claim] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)
    dropped: list[tuple[Claim, str]] = field(default_factory=list)  # by the parse, and why
    features: dict[str, dict[str, float]] = field(default_factory=dict)  # per claim id
    # per claim id whose actor no word of its clause names: the entry's sentence that named
    # it ((-1, -1): the block before) (geo/claims/discourse.py)
    carried: dict[str, tuple[int, int]] = field(default_factory=dict)



@dataclass(frozen=True, slots=True)
class Evidence:
    """Why the rule reader made a claim: what the parse checks and the confidence weighs.

    Offsets are entry-relative.  ``cue`` is the action cue; ``subject`` the actor mention
    read as the agent (None when the actor came from a pronoun or an earlier claim);
    ``mentions`` the place mentions used; ``ruled`` whether a modality cue set the modality.
    """

    cue: tuple[int, int]
    subject: ActorMention | None = None
    pronoun: bool = False
    borrowed: bool = False  # the place came from an anaphor ("there", "it all")
    co_actor: str = ""  # "associate" (with the agreement of), "air", "moved"
    mentions: tuple[Mention, ...] = ()
    sentence: tuple[int, int] = (0, 0)
    ruled: bool = False
    parsed: bool = False  # the claim was checked against a dependency parse
    reader: str = ""  # the reader of geo/claims/recall.py that made or found it, if one
    # an actor carried from context (geo/claims/discourse.py): the sentence that named it,
    # (-1, -1) for the block before
    carried: tuple[int, int] | None = None


@dataclass(frozen=True, slots=True)
class Discourse:
    """What a block of an authorless text hands the next (paragraphs of one text, not
    comments of others): its acting claims (the latest last) and its text and places."""

    acting: tuple[Claim, ...]
    text: str
    mentions: tuple[Mention, ...]


@dataclass(slots=True)
class Context:
    entries: dict[int, Entry]
    actions: ActionLexicon
    modality: ModalityRules
    lexicon: FactionLexicon
    places: Mapping[str, Place]
    report: ClaimReport
    by_entry: dict[int, list[Claim]] = field(default_factory=dict)
    defaults: set[str] = field(default_factory=set)  # claims whose modality no cue set
    sentences: dict[str, tuple[int, int]] = field(default_factory=dict)
    evidence: dict[str, Evidence] = field(default_factory=dict)
    actor_mentions: list[ActorMention] = field(default_factory=list)
    topic_town: str | None = None  # the city or town the whole text is about, if one
    # (entry, cue start) -> the sentence that named an actor carried from context
    carried: dict[tuple[int, int], tuple[int, int]] = field(default_factory=dict)
    # entry id -> the heading written as the block before it (heading.block_heading)
    row_headings: dict[int, Mention] = field(default_factory=dict)



def distance_km(a: Place, b: Place) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = (math.sin((lat2 - lat1) / 2) ** 2
         + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2)
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def overlap(a: Sequence[str], b: Sequence[str], places: Mapping[str, Place]) -> bool:
    """Same place, or two places (not countries) within NEAR_KM of each other."""
    if set(a) & set(b):
        return True
    for x in a:
        for y in b:
            px, py = places.get(x), places.get(y)
            if px and py and "country" not in (px.kind, py.kind) \
                    and distance_km(px, py) <= NEAR_KM:
                return True
    return False

