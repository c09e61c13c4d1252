"""Transliteration variants: a name no gazetteer spells this way, read where the text says
it is a place.

"Mushrifah village", "the village of Om Ezam", "captured Ihtemlat": the words are a place by
their cue (a locative before, "village"/"town"/"hill" after, "village of" before), but no name
matches them exactly.  Their transliteration skeleton (``geo.gazetteer.skeleton``) is looked
up among the region's places; a variant is accepted only when it lies near the places the
text already anchors (``VARIANT_NEAR_KM``) and is the nearest such place, and the evidence
says so.  With no anchor, or nothing near, the name stays unresolved.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Container, Iterator, Sequence

from geo.gazetteer import SHORT_SKELETON, Gazetteer, name_key, skeleton, strip_article
from geo.geoparse.dropped import home_country
from geo.geoparse.misspelt import misspelt_town_name
from geo.geoparse.patterns import LOCATIVE
from geo.geoparse.phrases import named_feature
from geo.geoparse.rank import ABROAD_NEAR_KM
from geo.geoparse.repair import after_locatives
from geo.geoparse.spot import _previous_word
from geo.records import Place

__all__ = ["VARIANT_NEAR_KM", "cued_runs", "feature_variant", "nearest_variant"]

VARIANT_NEAR_KM = 60.0
# A word of a name, with its article ("al-", "Al-") and the ʿayn mark an article may carry
# before the word ("Al-'Amariyah").
_WORD = r"(?:(?:al|el|ar|as|ash|ad|az|at|an|Al|El|Ar|As|Ash|Ad|Az|At|An)[-\u2010]" \
        r"['\u2019`\u02bf\u02bb]?)?[A-Z\u00c0-\u00de][\w'\u2019`\u02bf\u02be]+"
MIN_SIMILARITY = 60  # rapidfuzz ratio of the name keys: a variant, not another name


_RUN = _WORD + r"(?:[ \-\u2010]" + _WORD + r"){0,3}"
RUN_AT = re.compile(_RUN)
OF_CUE = re.compile(r"(?:village|town|hill|area)s?[ \t]+of[ \t]+(?:the[ \t]+)?(?=[A-Z])")
AFTER_CUE = re.compile(r"[ \t](?:villages?|towns?|hills?|hilltop|farms?|areas?|district|"
                       r"neighbou?rhood|quarter|residential area)\b")
# Words one of OF_CUE's and AFTER_CUE's branches always contains (both are case-sensitive).
CUE_WORDS = ("village", "town", "hill", "farm", "area", "district", "neighbo", "quarter")
THE_CAPITAL = re.compile(r" the (?=[A-Z])")
# A heading: a line that is one name alone ("Tell Shughayb" over a town's paragraph); a text
# written town by town heads each paragraph with the town's name.
HEADING = re.compile(r"(?m)^(" + _RUN + r")[ \t]*$")
LIST_JOINT = re.compile(r"(?:,[ \t]*(?:and[ \t]+)?|[ \t]+and[ \t]+)$")
RUN_ENDING = re.compile(r"(?<![\w'\u2019\-])(" + _RUN + r")$")
LISTED = re.compile(r"(?:,[ \t]*(?:and[ \t]+)?|[ \t]+and[ \t]+)(" + _RUN + r")")


def _cued(text: str, free: Callable[[int, int], bool],
          cue_words: tuple[str, ...] = CUE_WORDS) -> Iterator[tuple[int, int]]:
    """Runs right after a locative ("captured X", "near X"), after "village of", or before
    "village", "areas", "district": three regex scans for the cues, one match per run.
    A locative's word that already starts a name (``free`` says no) is not read again: most
    do ("in Aleppo"), and the run pattern is the costly part."""
    for start, end in after_locatives(text):
        if not free(start, end):
            continue
        run = RUN_AT.match(text, start)
        if run is not None:
            yield run.span()
    # most texts have no cue word: neither cue pattern is then tried at every position
    cued = any(word in text for word in cue_words)
    for cue in OF_CUE.finditer(text) if cued else ():
        run = RUN_AT.match(text, cue.end())
        if run is not None:
            yield run.span()
    for heading in HEADING.finditer(text) if "\n" in text else ():
        yield heading.span(1)
    for at in _the_capitals(text):  # "in the Ihtemlat ..."
        # (a run whose first letter lies in a span read is not free, whatever its end: one
        # of the last three spans starting before it covers that letter, or one starts
        # inside the run; the locative is asked first: four in five "the X" have none, and
        # the word before is a remembered look-up where ``free`` is a bisection)
        if _previous_word(text, at + 1) in LOCATIVE and free(at + 5, at + 6):
            run = RUN_AT.match(text, at + 5)
            if run is not None:
                yield run.span()
    for cue in AFTER_CUE.finditer(text) if cued else ():
        run = RUN_ENDING.search(text, max(0, cue.start() - 80), cue.start())
        while run is not None:  # "the Ihtemlat and Uwayshiyyah areas": each of the list
            yield run.span(1)
            joint = LIST_JOINT.search(text, max(0, run.start(1) - 8), run.start(1))
            run = joint and RUN_ENDING.search(text, max(0, joint.start() - 80), joint.start())


def _the_capitals(text: str) -> Iterator[int]:
    """The starts of ``THE_CAPITAL.finditer(text)``'s matches, found by ``str.find`` (the
    regex engine tries its literal at every position: three times slower).  Two matches
    cannot overlap (the capital after one would be the "t" of the next), so every " the "
    before an ASCII capital is one."""
    at = text.find(" the ")
    while at >= 0:
        if "A" <= text[at + 5:at + 6] <= "Z":
            yield at
        at = text.find(" the ", at + 1)


def cued_runs(text: str, taken: Sequence[tuple[int, int]], places: Sequence[tuple[int, int]],
              cue_words: tuple[str, ...] = CUE_WORDS) -> Iterator[tuple[int, int]]:
    """Capitalised runs outside ``taken`` and ``places`` spans that a place cue stands before
    or after (``_cued``); a run listed right after a place or a cued run counts as cued
    ("villages of A, B and C")."""
    blocked = sorted([*taken, *places])
    starts = [a for a, _ in blocked]

    def free(start: int, end: int) -> bool:
        i = bisect.bisect_left(starts, end)  # spans starting before this run's end
        return not any(blocked[j][1] > start for j in range(max(0, i - 3), i))

    found: dict[int, int] = {}
    for start, end in _cued(text, free, cue_words):
        if free(start, end) and not text[start:end].isupper():
            found[start] = end
    queue = sorted([*found.items(), *places])
    while queue:
        _, end = queue.pop()
        listed = LISTED.match(text, end)
        if listed and free(*listed.span(1)) and listed.start(1) not in found:
            found[listed.start(1)] = listed.end(1)
            queue.append(listed.span(1))
    yield from sorted(found.items())


# The last word of an organisation's name ("ARA News", "Syrian Observatory"): a run that ends
# with one names the organisation, not a place of the same skeleton.
ORGANISATION_HEADS = frozenset({"News", "Agency", "Press", "Times", "Post", "TV", "Radio",
                                "Network", "Observatory", "Council", "Committee", "Ministry"})


def nearest_variant(words: str, gazetteer: Gazetteer, anchors: Sequence[Place],
                    ignored: Container[str] = frozenset()) -> tuple[Place, float, str] | None:
    """The region's place whose name has the skeleton of ``words`` (or of its longest
    leading part), nearest to the anchors and within ``VARIANT_NEAR_KM``: (place, km, part).

    The skeleton is lossy ("ISIS" and "Azaz" share one), so a variant must also resemble the
    place's name (``MIN_SIMILARITY``), be at least five skeleton letters, and not be a word the
    text uses otherwise (``ignored``: people, actors, lower-case words).  Else, near the
    anchors or not, the prominent town a name of several words spells another way
    (``geo.geoparse.misspelt.misspelt_town_name``: "Khan Shaykhoun"), at its distance from
    the nearest anchor (0 with none)."""

    parts = words.split()
    if parts and parts[-1] in ORGANISATION_HEADS:
        return None  # "ARA News": an outlet, whatever place its first word resembles
    home = home_country(anchors)
    for n in range(len(parts), 0, -1) if anchors else ():
        part = " ".join(parts[:n])
        key = name_key(part)
        if key in ignored:
            continue
        # a short skeleton is no evidence: only a name of the same close form is
        short = len(skeleton(key)) < SHORT_SKELETON
        found = gazetteer.close_variants(part) if short else (
            gazetteer.candidates(part) or gazetteer.variants(part))
        best: tuple[float, Place] | None = None
        for candidate in found:
            place = candidate.place
            if (not gazetteer.in_region(place) or place.kind == "country"
                    or (not short and _resemblance(key, place.name) < MIN_SIMILARITY
                    and not candidate.curated and candidate.variant)):
                continue
            # the anchors of the cells around (all of them if none): an anchor within
            # VARIANT_NEAR_KM (under a degree here) is always among them: the same answer
            pool = anchors.around(place.lat, place.lon) if hasattr(anchors, "around") \
                else anchors
            km = gazetteer.nearest_km(place.lat, place.lon, ((a.lat, a.lon) for a in pool))
            if km <= (VARIANT_NEAR_KM if place.country == home or not home
                      else ABROAD_NEAR_KM) and (best is None or km < best[0]):
                best = (km, place)
        if best is not None:
            return best[1], best[0], part
    town = misspelt_town_name(words, gazetteer) if " " in words and name_key(words) not in \
        ignored else None
    if town is not None:  # a well-known town spelt another way, wherever the text's places
        pool = anchors.around(town.lat, town.lon) if hasattr(anchors, "around") else anchors
        return town, gazetteer.nearest_km(town.lat, town.lon, ((a.lat, a.lon) for a in pool),
                                          default=0.0), words
    return None


def _resemblance(key: str, name: str) -> float:
    """How a written name resembles a place's name, or the name's leading words as many as
    it writes ("Simalka" and "Semalka border crossing": a crossing is named after its town)."""
    from rapidfuzz import fuzz

    written, named = strip_article(key), strip_article(name_key(name))
    lead = " ".join(named.split()[:len(written.split())])
    return max(fuzz.ratio(written, named), fuzz.ratio(written, lead))


def feature_variant(text: str, start: int, end: int, gazetteer: Gazetteer,
                    anchors: Sequence[Place]) -> tuple[Place, float, str] | None:
    """The one feature that a run and the feature word after it name ("Kuweiris airbase"
    for "Kuweires airbase"): (place, km from the nearest anchor, the phrase), or None."""
    named = named_feature(text, start, end, gazetteer)
    if named is None or len({c.place.id for c in named[1]}) != 1:
        return None
    place = named[1][0].place
    km = gazetteer.nearest_km(place.lat, place.lon, ((a.lat, a.lon) for a in anchors),
                              default=0.0)
    return place, km, text[start:named[0]]
