"""The place a heading names, for the descriptions under it.

Encyclopedic town histories are written as rows: a heading line that is nothing but the
place's name ("Douma", "Damascus – Barzeh") and a history under it that calls the place "the
town", "the city", "this suburb" ("On 19 July 2012, the FSA took control of the town."). Under
such a heading a settlement noun with no name of its own points to the heading's place, not to
the latest city named in passing ("clashes in the Damascus suburb of Douma ... the FSA retook
the city": Douma, the row's town). The last place of the heading is the one meant: "Damascus –
Barzeh" is Barzeh, in Damascus.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from geo.records import Mention

# A heading is one short line with no sentence in it.
_MAX_HEADING = 80
# What a heading may hold besides its place names: separators, "and", and the noun of the
# kind of place it is ("Idlib city", "Bab Amr district", "Yarmouk camp").
_GLUE = re.compile(r"^(?:[\s\-\u2013\u2014/,|()&.:]|\b(?:and|city|town|village|suburb|district|"
                   r"neighbou?rhood|quarter|camp)\b)*$", re.IGNORECASE)
# A settlement noun standing for a place: "the town", "this suburb", "the whole city"; not
# "the town of X" (a named one) nor "the town's" (a thing of it, still the town: kept).
SETTLEMENT = re.compile(
    r"(?<![\w-])(?:the|this|that)\s+(?:[\w-]+\s+){0,2}?"  # "this predominantly Catholic town"
    r"(town|city|village|suburb|neighbou?rhood)(?![\w-])(?!\s+of\s)"
    # "It was reported to be under rebel control": "it", a clause's subject, is the row's town
    r"|(?<![\w-])it(?=\s+(?:was|is|has|had|remained|remains|became|fell)\b)"
    # "Government forces retook it", "the army laid siege to it": "it", the object of a verb
    # (a past tense) or of "to", is the row's town too
    r"|(?:(?<=\Wto\s)|(?<=took\s)|(?<=held\s)|(?<=lost\s)|(?<=left\s)|(?<=ran\s)|(?<=won\s)"
    r"|(?<=\whit\s)|(?<=\w\wed\s))it(?![\w'-])",
    re.IGNORECASE,
)
_SETTLED = frozenset({"city", "town", "village", "district", "quarter"})
_WIDER = frozenset({"region", "governorate", "country"})


def _at_heading(heading: Mention, entry_id: int, start: int, end: int, surface: str,
                why: str) -> Mention:
    """A mention of the heading's place at text[start:end], its evidence saying why."""
    return Mention(heading.place, entry_id, start, end, surface, 0.5, 1,
                   evidence=f"{why}: the place the heading names, {heading.surface}")


def heading_mention(text: str, mentions: Sequence[Mention]) -> Mention | None:
    """The last place mention of the text's first line when that line is a heading made of
    place names only, else None."""
    end = text.find("\n")
    if end <= 0 or end > _MAX_HEADING:
        return None
    inside = [m for m in mentions if m.end <= end]
    if not inside:
        return None
    rest, last = [], 0
    for mention in sorted(inside, key=lambda m: m.start):
        rest.append(text[last:mention.start])
        last = max(last, mention.end)
    rest.append(text[last:end])
    return inside[-1] if all(_GLUE.match(part) for part in rest) else None


def settlement_heading(text: str, mentions: Sequence[Mention], kind_of) -> Mention | None:
    """The heading's place mention (``heading_mention``) when that place is a settlement
    (``kind_of`` gives a place id's kind), else the heading's last settlement before a wider
    area that only locates it ("Al-Qusayr (Homs Governorate)"), else None."""
    heading = heading_mention(text, mentions)
    if heading is None:
        return None
    if kind_of(heading.place) in _SETTLED:
        return heading
    if kind_of(heading.place) not in _WIDER:
        return None  # "Damascus – Yarmouk Camp": a camp of the city, no row of the city
    settled = [m for m in mentions if m.end <= heading.start and kind_of(m.place) in _SETTLED]
    return settled[-1] if settled else None


def heading_block(text: str, mentions: Sequence[Mention], kind_of) -> tuple[bool, Mention | None]:
    """Whether a block is a heading line (one short line with no end of sentence), and the
    settlement it names when it is one of place names only (``settlement_heading``): the
    blocks after it, up to the next heading line, are that town's history ("Douma", a blank
    line, paragraphs that call it "the town")."""
    line = text.strip()
    if not line or "\n" in line or len(line) > _MAX_HEADING or line[-1] in ".!?:;,":
        return False, None
    start = text.index(line)
    moved = [m for m in mentions if start <= m.start and m.end <= start + len(line)]
    shifted = [Mention(m.place, m.entry, m.start - start, m.end - start, m.surface,
                       m.confidence, m.precision) for m in moved]
    heading = settlement_heading(line + "\n", shifted, kind_of)
    if heading is None:
        return True, None
    return True, next(m for m in moved if m.start - start == heading.start)


def heading_place(text: str, heading: Mention | None, lo: int, hi: int,
                  entry_id: int) -> Mention | None:
    """A mention of the heading's place at a settlement noun in text[lo:hi] ("the town"),
    given the entry's ``settlement_heading`` or ``block_heading`` (None when it has none)."""
    if heading is None or (heading.entry == entry_id and lo <= text.find("\n")):
        return None
    match = SETTLEMENT.search(text, lo, hi)
    if match is None:
        return None
    return _at_heading(heading, entry_id, match.start(), match.end(), match.group(0),
                       repr(match.group(0)))


def under_heading(text: str, mentions: list[Mention], kind_of,
                  above: Mention | None = None) -> list[Mention]:
    """The entry's mentions with each settlement noun linked to another place ("the city"
    read as the latest city named, by the geoparser's anaphora) linked to the heading's place
    instead, when the entry opens with a heading of place names naming a settlement, or
    when ``above`` (its ``block_heading``) is one."""
    heading = settlement_heading(text, mentions, kind_of) or above
    if heading is None:
        return mentions
    cut = -1 if heading is above else text.find("\n")
    out = []
    for mention in mentions:
        if mention.start > cut and mention.place != heading.place and \
                SETTLEMENT.fullmatch(mention.surface):
            mention = Mention(heading.place, mention.entry, mention.start, mention.end,
                              mention.surface, mention.confidence, mention.precision,
                              evidence=f"{mention.surface!r}: the place the heading names, "
                                       f"{heading.surface}", speaker=mention.speaker)
        out.append(mention)
    return out


def row_place(heading: Mention | None, mentions: Sequence[Mention], lo: int, hi: int,
              at: tuple[int, int], entry_id: int) -> Mention | None:
    """The heading's place for a sentence text[lo:hi] of its row that names no place at all
    ("Douma\\n... The rebels surrendered to the Army in 2018."): a town's history tells what
    happened in the town, unless a sentence says where else; as a mention at ``at`` (the
    cue), or None without a settlement heading or when the sentence names a place."""
    if heading is None or (heading.entry == entry_id and lo <= heading.end):
        return None
    if any(lo < m.end and m.start < hi for m in mentions):
        return None
    return _at_heading(heading, entry_id, at[0], at[1], heading.surface,
                       "no place named in the sentence")


# "this town located in the Jabal al-Druze highlands": what follows only says where it is.
_LOCATED = re.compile(r"\s*,?\s*(?:(?:which|that)\s+is\s+)?(?:located|situated|lying)\s+"
                      r"(?:[\w-]+\s+){0,3}?(?:in|on|along|near|at|by|within)\s", re.IGNORECASE)


# "this suburb of Damascus", "that town in the Jabal al-Druze": a demonstrative points back to
# the row's place (Quirk et al. 1985, 6.40-6.44; not "the town of X", which names one); the place
# after the preposition only says where it lies.
_THIS_OF = re.compile(r"(?<![\w-])(?:this|that)\s+(?:[\w-]+\s+){0,2}?(town|city|village|suburb|"
                      r"neighbou?rhood|district|quarter)\s+(?:(?:which\s+is\s+)?(?:located|"
                      r"situated|lying)\s+)?(?:of|in|on|along|near|at)\s", re.IGNORECASE)


def located_town(text: str, heading: Mention | None, lo: int, hi: int,
                 entry_id: int) -> tuple[Mention, int] | None:
    """The heading's place at a settlement noun in text[lo:hi] that a phrase of location
    follows ("this town located in X"), and where that phrase starts: its places only locate
    the town the event is about; None with no such noun."""
    if heading is None or (heading.entry == entry_id and lo <= text.find("\n")):
        return None
    this = _THIS_OF.search(text, lo, hi)  # "this suburb of Damascus": the row's, in Damascus
    if this is not None:
        return _at_heading(heading, entry_id, this.start(), this.end(1), this.group(1),
                           repr(this.group(0))), this.end()
    town = heading_place(text, heading, lo, hi, entry_id)
    if town is None or _LOCATED.match(text, town.end) is None:
        return None
    return town, town.end
