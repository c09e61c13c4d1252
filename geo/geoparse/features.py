"""Named features no gazetteer lists, placed near the place the text is talking about.

War reporting names hills, oil fields, bases, hotels and housing projects that no gazetteer
has ("Hill 800", "Jabal Hayyan mountain", "the Duraham Oil Field", "Umm Qara hill", "the
1070 Housing Project").  The phrase itself says it is a place (a feature word before or
after a capitalised name); where it is lies in the text: next to the settlement the sentence
is about.  ACLED codes such a report at that settlement with precision 2 ("near it"), and so
do we: the feature is placed at the nearest settlement or quarter the same entry named just
before it (or, failing that, the first one after it in the same entry), and the evidence
says so.
With no such place near, the name stays unresolved, never given invented coordinates.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence

from geo.geoparse.patterns import word_alternation
from geo.geoparse.phrases import FEATURE_AFTER
from geo.records import Mention, Place

__all__ = ["FEATURE_PHRASE", "feature_phrases", "placed_near", "quarter_names"]

# How far (characters) a settlement may be named before the feature and still be its place.
BEFORE_CHARS = 400
# ... or after it in the same entry (a paragraph or a comment is about one area: "secured Jabal
# Hayyan mountain, after capturing Hill 900. The advance brought the military near Palmyra").
AFTER_CHARS = 400
_NAME = (r"(?:(?:al|Al|el|El|ar|Ar|as|As|ash|ad|az|at|an|Umm|Um|Abu|Bani|Beni)[ \-\u2010])?"
         r"[A-Z][\w'\u2019`\u02bf\u02be]*")
# Capitalised "Hill" after a name is left out: in comments it is more often a surname ("Fiona
# Hill") or a foreign place ("Capitol Hill") than a hill of the war; "X hill" is read.
# Facilities war reporting names by a capitalised name and a capitalised head ("the Textile
# Factory", "the Castillo Complex", "the Bus Station", "Tombs Valley"): the head is read only
# capitalised, as part of a name.
_FEATURE_AFTER = (r"hilltop|hills?|mountain range|[Mm]ountains?|Mount|[Oo]il [Ff]ield|"
                  r"[Oo]il [Ff]ields|[Oo]ilfields?|[Oo]il [Ss]tation|[Gg]as [Ff]ields?|"
                  r"[Gg]as [Ff]actory|[Gg]as [Pp]lants?|[Pp]umping [Ss]tation|Housing Project|"
                  r"Youth Housing|Military Academy|Hotel|Palace|Amusement Park|Technical Base|"
                  r"Factory|Complex|Station|Bridge|Valley|[Rr]oundabout|Junction|Silos|Checkpoint|"
                  r"Prison|Hospital|Power Plant|Cement Plant")
FEATURE_PHRASE = re.compile(
    r"\b(?:(?:Hill|Point|Height)[ \t]+\d{2,4}(?:[ \t]+Base)?|Brigade[ \t]+\d{2,4}[ \t]+Base"
    r"|\d{3,4}[ \t]+(?:Housing Project|Apartment Project|Project)"
    r"|Military Academy"
    r"|(?:Jabal|Jebel|Jabel|Mount|Qasr)[ \t\-]" + _NAME + r"(?:[ \t]+(?:mountain|hill|hilltop)s?)?"
    r"|(?:Tal|Tall|Tell)[ \t\-]" + _NAME + r"(?:[ \t]" + _NAME + r")?[ \t]+(?:hilltop|hill)"
    r"|(?:\d{3,4}[ \t]+)?" + _NAME + r"(?:[ \t]" + _NAME + r"){0,2}[ \t]+(?:"
    + _FEATURE_AFTER + r"))\b")
# Capitalised words that open a sentence or name an actor, not a feature's name.
_NOT_NAMES = frozenset("""
the a an this that these those their its his her our several some many most all both each
army forces force syrian russian turkish kurdish iraqi iranian american government rebel rebels
isil isis daesh sdf ypg fsa saa regime on in at by from after before during while when with
""".split())  # noqa: SIM905
SETTLEMENT_KINDS = frozenset({"city", "town", "village", "quarter", "district", "facility"})


# The words one of the phrases must contain: a literal scan for them is cheap, so the full
# pattern runs only around them (most comments name no hill or oil field).  FEATURE_WORD is
# r"\b(?:Hill|Point|...)", opened by its first letters (``word_alternation``).
FEATURE_WORD = re.compile(word_alternation([
    "Hill", "Point", "Height", "Brigade", "Jabal", "Jebel", "Jabel", "Mount", "Qasr", "hill",
    "Mountain", "mountain", "Oil F", "Oil f", "Oil S", "Oil s", "oil F", "oil f", "oil S",
    "oil s", "Gas F", "Gas f", "gas F", "gas f", "Housing", "Academy", "Hotel", "Palace",
    "Amusement", "Technical Base", "Factory", "Complex", "Station", "Bridge", "Valley",
    "Roundabout", "roundabout", "Junction", "Silos", "Checkpoint", "Prison", "Hospital",
    "Plant", "oilfield", "Oilfield", "Gas P", "Gas p", "gas P", "gas p", "pumping", "Pumping"]))
WINDOW = 90  # characters before a feature word that a phrase may start at
# A part of each FEATURE_WORD that a text must have for it to match ("was fired" has none;
# the capitalised ones cost a thread nothing, ``geo.geoparse.words.present_words``)
FEATURE_LITERALS = ("Hill", "Point", "Height", "Brigade", "Jab", "Jeb", "Mount", "Qasr", "hill",
                    "ountain", "Oil F", "Oil f", "Oil S", "Oil s", "oil ", "Gas F", "Gas f",
                    "gas ", "Housing", "Academy", "Hotel", "Palace", "Amusement", "Technical",
                    "Factory", "Complex", "Station", "Bridge", "Valley", "oundabout", "Junction",
                    "Silos", "Checkpoint", "Prison", "Hospital", "Plant", "ilfield", "umping")


def feature_phrases(text: str, literals: tuple[str, ...] = FEATURE_LITERALS,
                    ) -> Iterator[tuple[int, int]]:
    """Spans of feature phrases in ``text``, without a leading word that is not a name."""
    if not any(literal in text for literal in literals):  # (those the thread has, if given)
        return
    done = 0
    for word in FEATURE_WORD.finditer(text):
        if word.end() <= done:
            continue
        match = FEATURE_PHRASE.search(text, max(done, word.start() - WINDOW),
                                      word.end() + WINDOW)
        if match is None or match.start() > word.start():
            continue
        done = match.end()
        start, end = match.span()
        words = text[start:end].split()
        while words and words[0].lower() in _NOT_NAMES:
            start = text.index(words[0], start) + len(words[0])
            start += len(text[start:]) - len(text[start:].lstrip())
            words.pop(0)
        if len(words) >= 2:
            yield start, end


# City quarters the gazetteer lacks, named by their cue: "the neighbourhoods of Mutaqa'ideen
# and Al-Jami'a", "the northern district of Al-Amiriya", "the al-Gharf neighbourhood", "the
# Arab Salum area".  The name alone is the mention (a quarter is a place of its own, inside
# the town named beside it).
_QUARTER_NAME = _NAME + r"(?:[ \t]" + _NAME + r")?"
QUARTERS_OF = re.compile(
    r"\b(?:neighbou?rhoods?|quarters?|districts?)[ \t]+of[ \t]+(?:the[ \t]+)?(?=[A-Za-z])")
QUARTER_LISTED = re.compile(r"(?:,[ \t]*(?:and[ \t]+)?|[ \t]+and[ \t]+)(?=[A-Za-z])")
QUARTER_BEFORE_CUE = re.compile(
    r"(" + _QUARTER_NAME + r")[ \t]+(?:neighbou?rhood|quarter|district|area)s?\b")
_QUARTER_AT = re.compile(_QUARTER_NAME)
QUARTER_WORDS = ("neighbo", "quarter", "district", "area")
# QUARTER_BEFORE_CUE consumes only these characters (a name's letters and marks, the spaces
# and hyphens in and after it, the cue), so a match lies within one run of them, one that
# holds a CUE_AT; and the ``\b`` it ends with reads the same at a run's end as in the whole
# text, where no word character follows.  Most runs hold no cue: the pattern, which may start
# at any letter, is tried in the others only (``_before_cues``).
_NAME_RUN = re.compile(r"[\w'\u2019`\u02bf\u02be \t\-\u2010]*")
CUE_AT = re.compile(r"[ \t](?:neighbou?rhood|quarter|district|area)")


def quarter_names(text: str, present: Callable[[tuple[str, ...]], tuple[str, ...]] | None = None,
                  ) -> Iterator[tuple[int, int]]:
    """Spans of quarter names after "neighbourhoods/districts/quarters of" (each of a list)
    and before "neighbourhood"/"quarter", without a leading word that is not a name.
    ``present``: which of some words the thread has (``geo.geoparse.words.ThreadWords``)."""
    words = QUARTER_WORDS if present is None else present(QUARTER_WORDS)
    words = [word for word in words if word in text]  # (only those the thread has, if told)
    if not words:
        return
    for cue in QUARTERS_OF.finditer(text) if words != ["area"] else ():  # "area" is no "of" cue
        pos = cue.end()
        while (name := _QUARTER_AT.match(text, pos)) is not None:
            yield from _named(text, *name.span())
            joint = QUARTER_LISTED.match(text, name.end())
            if joint is None:
                break
            pos = joint.end()
    for match in _before_cues(text):
        yield from _named(text, *match.span(1))


def _before_cues(text: str) -> Iterator[re.Match[str]]:
    """``QUARTER_BEFORE_CUE.finditer(text)``, tried in the runs of ``_NAME_RUN`` characters
    that hold a ``CUE_AT`` only (each run found forward from its cue, and backward on the
    reversed text)."""
    done, backwards = 0, ""
    for cue in CUE_AT.finditer(text):
        at = cue.start()
        if at < done:
            continue  # in the run just read
        backwards = backwards or text[::-1]
        start = len(text) - _NAME_RUN.match(backwards, len(text) - at).end()
        done = _NAME_RUN.match(text, at).end()
        yield from QUARTER_BEFORE_CUE.finditer(text, start, done)


def _named(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    words = text[start:end].split()
    if len(words) == 2 and words[0].lower() in _NOT_NAMES:  # "The Ansari quarter" opening
        start = text.index(words[1], start + len(words[0]))  # a sentence: the name is Ansari
        words = words[1:]
    if words and words[0].lower() not in _NOT_NAMES and not text[start:end].isupper():
        yield start, end


def placed_near(start: int, end: int, text: str, mentions: Sequence[Mention],
                places: dict[str, Place]) -> Mention | None:
    """The settlement mention of this entry that a feature at ``start:end`` is placed at:
    the last one within ``BEFORE_CHARS`` before it, else the first within ``AFTER_CHARS``
    after it; in the country most of the entry's places lie in (a town abroad beside a
    Syrian hill is a namesake the text did not mean, no place for the hill)."""
    home = Counter(places[m.place].country for m in mentions).most_common(1)

    def settlement(m: Mention) -> bool:  # not itself a feature ("Al-Zera'a roundabout")
        place = places[m.place]
        return (place.kind in SETTLEMENT_KINDS and m.precision <= 2
                and place.country == home[0][0]
                and not FEATURE_AFTER.match(text[m.end:m.end + 30]))

    before = [m for m in mentions if m.end <= start and start - m.end <= BEFORE_CHARS
              and settlement(m)]
    if before:
        return max(before, key=lambda m: m.end)
    after = [m for m in mentions if end <= m.start and m.start - end <= AFTER_CHARS
             and settlement(m)]
    return min(after, key=lambda m: m.start) if after else None
