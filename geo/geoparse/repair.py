"""Repair: misspellings, anaphora ("the city"), and stated relative positions."""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Container, Iterator, Sequence
from typing import TYPE_CHECKING

from geographiclib.geodesic import Geodesic

from geo.gazetteer import Gazetteer, name_key
from geo.geoparse.lower_case import prominent_cities
from geo.geoparse.misspelt import misspelt_town
from geo.geoparse.patterns import (
    ANAPHOR,
    ANAPHOR_REACH,
    BEARINGS,
    CAPITAL_TOKEN,
    LOCATIVE,
    LOCATIVE_BEFORE_REVERSED,
    RELATIVE,
)
from geo.geoparse.rank import _precision
from geo.geoparse.reject import NotPlace
from geo.geoparse.spot import _capitalised, _previous_word, _starts_sentence
from geo.records import Entry, Mention, Place, Relation, Unresolved

if TYPE_CHECKING:
    from geo.geoparse import GeoparseResult


def _speaker(entry: Entry, start: int, authors_by_id: dict[int, str]) -> str:
    for quote in entry.quotes:
        if quote.start <= start < quote.end:
            return authors_by_id.get(quote.entry, entry.author)
    return entry.author


def _bearing(anchor: Place, subject: Place) -> tuple[float, float]:
    line = Geodesic.WGS84.Inverse(anchor.lat, anchor.lon, subject.lat, subject.lon)
    return line["azi1"] % 360.0, line["s12"] / 1000.0



def after_locatives(text: str) -> list[tuple[int, int]]:
    """Spans of the capitalised words right after a locative ("near Mabij"), remembered for
    the last texts asked: the variant reader and the misspelling repair both need them."""
    return _after_locatives(text)


@functools.lru_cache(maxsize=4096)
def _after_locatives(text: str) -> list[tuple[int, int]]:
    """``[m.span(1) for m in AFTER_LOCATIVE.finditer(text)]``, found on the reversed text
    (``LOCATIVE_BEFORE_REVERSED``: about 2.5 times faster)."""
    last = len(text) - 1
    spans = []
    for first in LOCATIVE_BEFORE_REVERSED.finditer(text[::-1]):
        token = CAPITAL_TOKEN.match(text, last - first.start())
        if token is not None:
            spans.append(token.span())
    spans.reverse()
    return spans


def _spans_by_entry(mentions: Sequence[Mention]) -> dict[int, list[tuple[int, int]]]:
    spans: dict[int, list[tuple[int, int]]] = {}
    for mention in mentions:
        spans.setdefault(mention.entry, []).append((mention.start, mention.end))
    return spans


CITY_SIMILARITY = 88  # a misspelling of a large city the thread does not name otherwise
SETTLEMENTS = frozenset({"village", "town", "city"})


def _repair_misspellings(
    entries: Sequence[Entry],
    gazetteer: Gazetteer,
    result: GeoparseResult,
    spotted: dict[int, list[tuple[int, int]]],
    not_places: dict[str, NotPlace],
    authors: set[str],
    lowercase_words: Container[str],
    actor_aliases: set[str],
    authors_by_id: dict[int, str],
) -> None:
    """Capitalised words after a locative that no name matched: a misspelling of a place the
    thread names elsewhere ("Mabij" beside "Manbij") or of a large city (``_closest``), else
    unresolved."""
    named = {name_key(place.name): pid for pid, place in result.places.items()}
    first: dict[str, str] = {}  # each surface's first place: a thread repeats its names
    for mention in result.mentions:
        first.setdefault(mention.surface, mention.place)
    for surface, place_id in first.items():  # (in the order of their first mentions)
        named.setdefault(name_key(surface), place_id)
    ignored = set(not_places) | authors | actor_aliases
    choices = list(named)  # once: a thread asks for many words
    cities = prominent_cities(gazetteer)
    read = _spans_by_entry(result.mentions)  # and what the later readings placed
    for entry in entries:
        taken = sorted([*spotted.get(entry.id, []), *read.get(entry.id, [])])
        taken_starts = [s for s, _ in taken]
        reach = list(itertools.accumulate((e for _, e in taken), max))  # furthest end so far
        after_locative = after_locatives(entry.text)
        for start, end in _capitalised(entry.text, after_locative):
            if end - start < 4:
                continue
            word = entry.text[start:end]
            if word.isupper():
                continue
            if word.endswith(("'s", "\u2019s")):  # a possessive is an actor or a person
                continue
            before = bisect.bisect_right(taken_starts, start)  # spans starting at or before
            if before and start < reach[before - 1]:  # one of them covers this word
                continue
            if (_previous_word(entry.text, start) not in LOCATIVE
                    or _starts_sentence(entry.text, start)):
                continue
            key = name_key(word)
            if key in ignored or key in lowercase_words or key in gazetteer:
                continue
            found = _misspelt(word, key, choices, cities, named, result.places, gazetteer)
            if found is not None:
                place, how = found
                result.places[place.id] = place
                precision, why = _precision(entry.text, start, end, place)
                result.mentions.append(Mention(
                    place=place.id, entry=entry.id, start=start, end=end, surface=word,
                    confidence=0.6, precision=precision, evidence=f"{how}; {why}",
                    speaker=_speaker(entry, start, authors_by_id)))
            else:
                result.unresolved.append(Unresolved(surface=word, entry=entry.id, start=start,
                                                    end=end))


def _misspelt(word: str, key: str, choices: list[str], cities: dict[str, Place],
              named: dict[str, str], places: dict[str, Place], gazetteer: Gazetteer,
              ) -> tuple[Place, str] | None:
    """(place, how) of what a word after a locative misspells: a name of the thread or a
    large city (``_closest``), else a prominent town (``misspelt_town``: two letters
    swapped, or its transliteration), else None."""
    best = _closest(key, choices, cities)
    if best is None:
        anchored = any(p.kind in SETTLEMENTS for p in places.values())
        found = misspelt_town(word, gazetteer, anchored=anchored)
        return found and (found[0], f"{found[1]}, after a locative")
    place = places.get(named.get(best[0], ""))
    whence = "which the thread names elsewhere" if place else "a large city of the region"
    place = place or cities[best[0]]
    return place, f"misspelling of {place.name!r} (similarity {best[1]:.0f}), {whence}"


def _closest(key: str, choices: list[str], cities: dict[str, Place]) -> tuple | None:
    """(name key, similarity) of the thread's name ``key`` misspells (ratio 85), else of the
    region's large city it misspells (``CITY_SIMILARITY``), else None."""
    from rapidfuzz import fuzz, process

    return process.extractOne(key, choices, scorer=fuzz.ratio, score_cutoff=85) or \
        process.extractOne(key, list(cities), scorer=fuzz.ratio, score_cutoff=CITY_SIMILARITY)


# ANAPHOR on the lower-cased text, where it needs no IGNORECASE: opened by the literal "th"
# (the engine skips to each) instead of a word boundary tried at every position (3 times
# faster).  ``_anaphors`` gives what ANAPHOR.finditer gives (``tests/test_geoparse_shortcuts.py``).
_ANAPHOR_HEAD = r"\b(?:the|this|that)"
ANAPHOR_LOWER = re.compile(r"th(?<!\wth)(?:e|is|at)" + ANAPHOR.pattern[len(_ANAPHOR_HEAD):]) \
    if ANAPHOR.pattern.startswith(_ANAPHOR_HEAD) else None
# The characters whose lower case is not what IGNORECASE matches them as (İ lowers to two
# characters; ı and ſ match "i" and "s" but lower to themselves): a text with one is read
# by ANAPHOR itself.
CASE_ODD = "\u0130\u0131\u017f"


def _anaphors(text: str) -> Iterator[re.Match[str]]:
    """``ANAPHOR.finditer(text)``, found on ``text.lower()`` and matched again on ``text``."""
    if ANAPHOR_LOWER is None or (not text.isascii() and any(c in text for c in CASE_ODD)):
        return ANAPHOR.finditer(text)
    return (ANAPHOR.match(text, m.start()) for m in ANAPHOR_LOWER.finditer(text.lower()))


def _may_hold_anaphor(text: str) -> bool:
    """Whether ANAPHOR may match: a text without "city" or "town" in any case cannot, told
    on ``text.lower()`` where that is how ``_anaphors`` reads it (no ``CASE_ODD`` character,
    which IGNORECASE folds otherwise than ``str.lower``: there the pattern decides).  Most
    comments have neither word, and the pattern tries every position."""
    if not text.isascii() and any(c in text for c in CASE_ODD):
        return True
    low = text.lower()
    return "city" in low or "town" in low


def _resolve_anaphora(
    entries: Sequence[Entry], result: GeoparseResult, authors_by_id: dict[int, str]
) -> None:
    """'the city', 'this large city' point back to the city or town its paragraph is about.

    The paragraph's topic is the first city or town it names before the phrase (the post's
    "Raqqa will be heavily defended ... Fallujah ... capture this large city" means Raqqa);
    a phrase whose paragraph names none stays unresolved rather than guessed.
    """
    by_entry: dict[int, list[Mention]] = {}
    for mention in result.mentions:
        by_entry.setdefault(mention.entry, []).append(mention)
    for entry in entries:
        if not _may_hold_anaphor(entry.text):
            continue
        named = sorted(by_entry.get(entry.id, []), key=lambda m: m.start)
        starts = [m.start for m in named]
        for match in _anaphors(entry.text):
            word = match.group(1).casefold()
            if entry.text[match.end():match.end() + 4] == " of ":  # "the town of Azaz"
                continue
            paragraph = entry.text.rfind("\n", 0, match.start()) + 1
            kinds = {"city", "town"} if word == "city" else {"city", "town", "village"}
            # the names that start in the paragraph, before the phrase (in order)
            window = named[bisect.bisect_left(starts, paragraph):
                           bisect.bisect_right(starts, match.start())]
            earlier = [m for m in window if paragraph <= m.start and m.end <= match.start()
                       and match.start() - m.end <= ANAPHOR_REACH
                       and result.places[m.place].kind in kinds]
            if not earlier:
                continue
            # "the city" means a city when the paragraph names one; a town only otherwise.
            ranked = [m for m in earlier if result.places[m.place].kind == word] or earlier
            target = ranked[0]
            place = result.places[target.place]
            precision, why = _precision(entry.text, match.start(), match.end(), place)
            result.anaphora.append(Mention(
                place=place.id, entry=entry.id, start=match.start(), end=match.end(),
                surface=match.group(0), confidence=0.5, precision=precision,
                evidence=f"anaphor: {match.group(0)!r} refers to {target.surface!r}, the first "
                         f"{'/'.join(sorted(kinds))} its paragraph names; {why}",
                speaker=_speaker(entry, match.start(), authors_by_id)))


def _check_relations(entries: Sequence[Entry], result: GeoparseResult) -> None:
    """Check 'X SW of Y' against the coordinates of X and Y."""
    by_entry: dict[int, list[Mention]] = {}
    for mention in [*result.mentions, *result.anaphora]:
        by_entry.setdefault(mention.entry, []).append(mention)
    texts = {e.id: e.text for e in entries}
    for entry_id, mentions in by_entry.items():
        mentions.sort(key=lambda m: m.start)
        text = texts[entry_id]
        for subject, anchor in itertools.pairwise(mentions):
            match = RELATIVE.match(text[subject.end:anchor.start])
            if not match or subject.place == anchor.place:
                continue
            stated = match.group("dir")
            expected = BEARINGS.get(stated.replace("-", "").casefold())
            if expected is None:
                continue
            a, s = result.places[anchor.place], result.places[subject.place]
            bearing, distance = _bearing(a, s)
            off = abs((bearing - expected + 180) % 360 - 180)
            result.relations.append(Relation(
                entry=entry_id, start=subject.start, end=anchor.end, subject=s.id, anchor=a.id,
                stated=stated, bearing=round(bearing, 1), distance_km=round(distance, 1),
                agrees=off <= 45))
