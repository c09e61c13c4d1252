"""Find the places a thread talks about, resolve them offline, and say how sure we are.

The approach is mordecai's in miniature, with rules instead of a neural ranker:

1. **Spot**: capitalised word runs (and Arabic-script words) that are names in the gazetteer,
   longest first, so "Tabqa air base" wins over "Tabqa" and "Aleppo Governorate" over "Aleppo".
2. **Filter** what is a place somewhere but not here: people and other names listed in
   ``data/not_places.csv``, commenters' names, a word that the thread also writes in lower
   case (sentence-initial "Is", "Peace"), titles ("General Hassan"), agreements ("Minsk II"),
   and names that also stand for an actor ("Moscow", "Turkey", "the Washington borg"), which
   count as places only after a locative preposition ("in Turkey").
3. **Rank** the candidates: curated names first, then the thread's region (and nearness to the
   places the thread already named), then population.
4. **Qualify**: ACLED precision from the words around ("near", "the gates of", "SW of" give 2;
   "area", "pocket", "northern ...", a province give 3), and a check of stated relative positions.
5. **Repair and keep**: a misspelling ("Mabij") is matched by edit distance only where the
   context makes it unambiguous; a name after a locative cue that nothing resolves is kept as
   unresolved, never given invented coordinates.

All of it is linear in the text: one pass of a compiled regex per entry and dictionary lookups.
"""

from __future__ import annotations

import bisect
import csv
import functools
import itertools
import math
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from geographiclib.geodesic import Geodesic

from geo.gazetteer import DATA_DIR, Candidate, Gazetteer, name_key
from geo.records import Entry, Mention, Place, Relation, Unresolved

__all__ = ["GeoparseResult", "geoparse", "load_not_places"]

NOT_PLACES_PATH = DATA_DIR / "not_places.csv"
MAX_NAME_TOKENS = 6

# Words, with inner apostrophes ("Mare'a") but not the possessive ("Russia's" -> "Russia").
TOKEN = re.compile(r"[^\W\d_]+(?:['\u2019](?!s\b)[^\W\d_]+)*")
# What may separate the words of one name: "Deir ez-Zor", "Qara Qawzak".
JOINER = re.compile(r"^[ \t]?[-\u2010\u2011]?[ \t]?$")
SENTENCE_END = re.compile(r"[.!?:;\"\u201d]\s*$|^\s*$|\n\s*(?:\d+\.|-)?\s*$")

LOCATIVE = {
    "in", "into", "to", "from", "through", "across", "off", "inside", "within", "throughout",
    "near", "at", "toward", "towards", "around", "outside", "via", "reach", "reached", "enter",
    "entered", "besieging", "besiege", "capture", "capturing", "captured", "take", "taking",
    "took", "taken", "attacking", "attack", "defend", "leave", "leaving", "left", "reinforce",
}
TITLES = {
    "president", "general", "gen", "senator", "mr", "mrs", "ms", "dr", "king", "queen",
    "prince", "minister", "consul", "st", "saint", "sheikh", "colonel", "col", "sen", "gov",
    "governor", "ambassador", "secretary", "pope", "emperor", "sultan", "a", "an",
}
AGREEMENT_AFTER = re.compile(
    r"^[ \t-]*(?:II|III|IV|I|agreements?|accords?|protocols?|format|talks|process|deal|"
    r"treaty|memorandum|summit|conference|group|consensus)\b"
)
ORGANISATION_AFTER = re.compile(r"^[ \t]*(?:borg|establishment|elite|consensus|regime)\b", re.I)

# ACLED precision cues, read in a short window around the name.
NEAR_BEFORE = re.compile(
    r"(?:\bnear(?:by)?|\bclose to|\boutside(?: of)?|\boutskirts of|\bgates of(?: the (?:town|city)"
    r" of)?|\bedge of|\bapproaches to|\bkm (?:from|of)|\baround|\b(?:north|south|east|west|"
    r"north-?east|north-?west|south-?east|south-?west|[NSEW]{1,3})(?:ern)? of(?: the)?|"
    r"\bdirectly (?:north|south|east|west) of(?: the)?|\bvicinity of|\bsiege of)\s*(?:the\s+)?$",
    re.IGNORECASE,
)
AREA_BEFORE = re.compile(
    r"(?:\b(?:northern|southern|eastern|western|north-?eastern|north-?western|south-?eastern|"
    r"south-?western|central|rural|greater)|\b(?:area|territory|countryside|region|province) "
    r"(?:around|of)|\bthe area around|\broad (?:\w+ )?(?:to|between|from))\s*(?:the\s+)?$",
    re.IGNORECASE,
)
AREA_AFTER = re.compile(
    r"^[\s-]*(?:area|pocket|corner|region|countryside|outskirts|environs|district|front|sector|"
    r"salient|enclave)\b",
    re.IGNORECASE,
)
# "the Afrin YPG": a place name used to name a force stands for the area it holds.
FORCE_AFTER = re.compile(
    r"^[ \t]+(?:(?![NSEW]{1,3}\b)[A-Z]{2,5}\b(?! of)|forces\b|canton\b|front\b)")
# What joins two names that share the words before them: "around Azaz and Mareah".
CONJUNCTION = re.compile(r"^\s*(?:,|and|or|&|/)\s*(?:and\s+)?$")
# A state named as the subject of an act ("Syria will control its oil") is the state, not a place.
AGENT_AFTER = re.compile(
    r"^[ \t]+(?:will|would|must|should|can|could|agrees?|wants?|(?:re/)?opens?|controls?|"
    r"decided|demands?|supports?|refuses?|says|said|sends?|sent|threatens?|insists?)\b",
    re.IGNORECASE,
)
RELATIVE = re.compile(
    r"^[ \t]+(?:(?P<km>\d+(?:\.\d+)?)\s*km\s+)?(?P<dir>north-?east|north-?west|south-?east|"
    r"south-?west|north|south|east|west|NNE|ENE|ESE|SSE|SSW|WSW|WNW|NNW|NE|NW|SE|SW|N|S|E|W)"
    r"(?:ern)?\s+of\s+(?:the\s+)?$",
    re.IGNORECASE,
)
BEARINGS = {
    "n": 0, "nne": 22.5, "ne": 45, "ene": 67.5, "e": 90, "ese": 112.5, "se": 135, "sse": 157.5,
    "s": 180, "ssw": 202.5, "sw": 225, "wsw": 247.5, "w": 270, "wnw": 292.5, "nw": 315,
    "nnw": 337.5, "north": 0, "northeast": 45, "east": 90, "southeast": 135, "south": 180,
    "southwest": 225, "west": 270, "northwest": 315,
}
URL = re.compile(r"\b(?:https?://|www\.)\S+", re.IGNORECASE)
ARTICLE_PREFIX = re.compile(r"\b(?:al|el|az|as|ar|ad|ash|at|an|ath)[-\u2010]$")
ANAPHOR = re.compile(
    r"\b(?:the|this|that)\s+(?:(?:large|big|small|whole|besieged|embattled|strategic)\s+)?"
    r"(city|town)\b", re.IGNORECASE)
ANAPHOR_REACH = 600  # characters back that "the city" may point to


@dataclass(frozen=True, slots=True)
class NotPlace:
    surface: str
    kind: str
    why: str


@functools.cache
def load_not_places(path: Path = NOT_PLACES_PATH) -> dict[str, NotPlace]:
    """``data/not_places.csv`` by name key: names that are places somewhere, but not here."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = [NotPlace(r["surface"], r["kind"], r.get("why", "")) for r in csv.DictReader(handle)]
    return {name_key(r.surface): r for r in rows if r.surface}


@dataclass(slots=True)
class GeoparseResult:
    """What the geoparser found: places used, mentions, unresolved names, checked relations."""

    places: dict[str, Place] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    unresolved: list[Unresolved] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    # (entry, start, end, surface, why): what was dropped, for debugging and the tests
    rejected: list[tuple[int, int, int, str, str]] = field(default_factory=list)


@dataclass(slots=True)
class _Spot:
    entry: Entry
    start: int
    end: int
    surface: str
    candidates: list[Candidate]
    tokens: int


# Where a capitalised TOKEN may start: a letter that no TOKEN match before it swallows (not
# after a letter, nor after a letter and an inner apostrophe) and is not an ASCII lower-case
# letter.  Lower-case words, most of any text, are skipped by the regex engine instead of one
# Python step each; ``_is_capitalised`` still decides for the rest ("é" is not a name).
CAPITAL_START = r"(?<![^\W\d_])(?<![^\W\d_]['\u2019])[^\W\d_a-z]"
# That letter and the rest of its TOKEN, in one match.
CAPITAL_TOKEN = re.compile(CAPITAL_START + r"[^\W\d_]*(?:['\u2019](?!s\b)[^\W\d_]+)*")
# The gap ``JOINER`` accepts between two words of a name, then the next word.  JOINER's ``$``
# also matches before a final newline, so a name may continue on the next line.
JOINED_NEXT = re.compile(r"[ \t]?[-\u2010\u2011]?[ \t]?\n?(?=[^\W\d_])")
# The word before a name, read backwards so that one anchored match does it: the same as
# searching r"([^\W\d_]+)[^\w\n]{0,3}$" forwards (whose "$" may also sit before a final
# newline), without trying every position of the window.
PREVIOUS_WORD_REVERSED = re.compile(r"\n?[^\w\n]{0,3}([^\W\d_]+)")
# A LOCATIVE word, then (looked ahead at, so that a capitalised "Reach" may itself be the next
# match's locative) a capitalised token in group 1: what ``_previous_word`` would find in
# LOCATIVE, found by the regex engine instead of at every capitalised word.


def _alternation(words: Iterable[str]) -> str:
    """A regex for any of ``words``, branching on the first letter, so that at each position
    of a text one or two branches are tried rather than every word (twice as fast here)."""
    by_first: dict[str, list[str]] = {}
    for word in words:
        by_first.setdefault(word[0], []).append(word[1:])
    branches = []
    for first, rests in sorted(by_first.items()):
        longer = sorted((r for r in rests if r), key=len, reverse=True)
        tail = "|".join(re.escape(r) for r in longer)
        optional = "?" if "" in rests else ""
        branches.append(re.escape(first) + (f"(?:{tail}){optional}" if tail else ""))
    return "|".join(branches)


AFTER_LOCATIVE = re.compile(r"(?<![^\W\d_])(?i:" + _alternation(LOCATIVE)
                            + r")[^\w\n]{0,3}\n?(?=(" + CAPITAL_TOKEN.pattern + "))")


def _is_capitalised(token: str) -> bool:
    """Whether a word may start a name: an upper-case letter, or Arabic (which has no case)."""
    first = token[0]
    return first.isupper() or "\u0600" <= first <= "\u06ff"


def _capitalised(text: str, spans: Iterable[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """The (start, end) ``spans`` of tokens whose first letter ``_is_capitalised``."""
    return ((start, end) for start, end in spans if _is_capitalised(text[start]))


def _previous_word(text: str, start: int) -> str:
    match = PREVIOUS_WORD_REVERSED.match(text[max(0, start - 30):start][::-1])
    return match.group(1)[::-1].casefold() if match else ""


def _starts_sentence(text: str, start: int) -> bool:
    return bool(SENTENCE_END.search(text[max(0, start - 12):start]))


class _Spotter:
    """Longest-match lookup of token runs in the gazetteer."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer

    def spots(self, entry: Entry) -> list[_Spot]:
        """Names, longest first, at each capitalised word not inside an earlier name.

        Only capitalised words can start a name, so only they are visited; the words that
        follow one are read as long as the gap between them is a ``JOINER`` and the words so
        far begin some gazetteer name.
        """
        text = entry.text
        keys, prefixes = self.gazetteer.keys, self.gazetteer.prefixes
        token = TOKEN.match
        joined = JOINED_NEXT.match
        found: list[_Spot] = []
        resume = 0  # words before this offset belong to the last name found
        # For a plain ASCII word the key is the word in lower case, so most words that start
        # no name are dropped here at C speed; the rest take the full look-up below.
        possible = [m.span() for m in CAPITAL_TOKEN.finditer(text)
                    if (k := (w := m.group()).lower()) in keys or k in prefixes
                    or not (w.isascii() and w.isalpha())]
        for start, end in _capitalised(text, possible):
            if start < resume:
                continue
            best: tuple[int, int] | None = None  # (token count, end)
            stop = end
            for n in range(1, MAX_NAME_TOKENS + 1):
                if n > 1:
                    gap = joined(text, stop)
                    if gap is None:
                        break
                    stop = token(text, gap.end()).end()
                key = name_key(text[start:stop])
                if key in keys:
                    best = (n, stop)
                if key not in prefixes:
                    break
            if best is None:
                clitic = _after_clitic(text, start, end, self.gazetteer)
                if clitic is not None:
                    found.append(_Spot(entry, clitic, end, text[clitic:end],
                                       self.gazetteer.candidates(text[clitic:end]), 1))
                continue
            n, stop = best
            resume = stop
            surface = text[start:stop]
            candidates = self.gazetteer.candidates(surface)
            prefix = ARTICLE_PREFIX.search(text[max(0, start - 4):start])
            if prefix:  # "az-Zahra": the article belongs to the name
                with_article = text[start - len(prefix.group(0)):stop]
                # ... unless the "article" is the end of a word broken at a line's end
                # ("Borongan-\nIdlib"), which no gazetteer name starts with.
                named = self.gazetteer.candidates(with_article)
                if named:
                    start, surface, candidates = stop - len(with_article), with_article, named
            found.append(_Spot(entry, start, stop, surface, candidates, n))
        return found


ARABIC_CLITICS = "\u0648\u0628\u0644\u0641"  # و ب ل ف: "and", "in", "to", "so" written onto a word


def _after_clitic(text: str, start: int, end: int, gazetteer: Gazetteer) -> int | None:
    """Where the name starts in an Arabic word with a one-letter prefix: ومنبج -> منبج."""
    arabic = end - start > 3 and "\u0600" <= text[start + 1] <= "\u06ff"
    if arabic and text[start] in ARABIC_CLITICS and name_key(text[start + 1:end]) in gazetteer:
        return start + 1
    return None


def _actor_use(text: str, start: int) -> bool:
    """A name that is also an actor ('Turkey', 'Moscow') is a place only after a locative."""
    return _previous_word(text, start) not in LOCATIVE


def _reject_reason(
    spot: _Spot,
    *,
    not_places: dict[str, NotPlace],
    authors: set[str],
    lowercase_words: set[str],
    actor_aliases: set[str],
) -> str | None:
    text, key = spot.entry.text, name_key(spot.surface)
    after = text[spot.end:spot.end + 30]
    listed = not_places.get(key)
    if listed is not None:
        return f"listed in not_places.csv as {listed.kind}"
    if key in authors:
        return "a commenter's name"
    if AGREEMENT_AFTER.match(after) and not any(c.curated for c in spot.candidates):
        return "names an agreement or meeting"
    previous = _previous_word(text, spot.start)
    if previous in TITLES and text[spot.start - len(previous) - 1:spot.start].strip()[:1].isupper():
        return f"follows the title {previous!r}"
    if previous in {"a", "an"}:
        return "follows an indefinite article (a person or a type, not a place)"
    if key in actor_aliases and (ORGANISATION_AFTER.match(after)
                                 or _actor_use(text, spot.start)):
        return "stands for an actor here (no locative preposition before it)"
    if spot.tokens == 1 and key in lowercase_words:
        return "a word the thread also writes in lower case"
    return None


def _state_as_actor(spot: _Spot, actor_spans: dict[int, set[tuple[int, int]]]) -> bool:
    """'Syria will control its oil', 'with Russia and Syria': the state, not the territory.

    ``actor_spans`` holds, by entry, the spans of names rejected as actors.
    """
    text = spot.entry.text
    if _previous_word(text, spot.start) in LOCATIVE:
        return False
    if AGENT_AFTER.match(text[spot.end:spot.end + 20]):
        return True
    for start, end in actor_spans.get(spot.entry.id, ()):
        between = text[end:spot.start] if end <= spot.start else text[spot.end:start]
        if len(between) <= 6 and CONJUNCTION.match(between):
            return True
    return False


def _score(candidate: Candidate, gazetteer: Gazetteer, anchors: Sequence[Place],
           nearest_km: dict[tuple[float, float], float]) -> float:
    """How likely ``candidate`` is the place meant; ``nearest_km`` remembers, for the
    thread's fixed anchors, each point's distance to the nearest (so a thread that names an
    ambiguous town a thousand times measures its distances once)."""
    place = candidate.place
    score = 0.0
    if candidate.curated:
        score += 3.0
    if gazetteer.in_region(place):
        score += 2.0
    if anchors:
        point = (place.lat, place.lon)
        nearest = nearest_km.get(point)
        if nearest is None:
            nearest = min(gazetteer.distance_km(place.lat, place.lon, a.lat, a.lon)
                          for a in anchors)
            nearest_km[point] = nearest
        score += 2.0 * math.exp(-nearest / 200.0)
    if candidate.article_dropped:
        score -= 0.5
    score += math.log10(place.population + 1) / 7.0
    return score


def _confidence(
    best: Candidate, runner_up: float | None, best_score: float, in_region: bool
) -> float:
    confidence = 0.95 if best.curated else 0.85
    if not in_region:
        confidence -= 0.25
    if runner_up is not None and best_score - runner_up < 1.0:
        confidence -= 0.2
    if best.article_dropped:
        confidence -= 0.05
    return round(max(0.1, confidence), 2)


def _precision(text: str, start: int, end: int, place: Place) -> tuple[int, str]:
    before, after = text[max(0, start - 40):start], text[end:end + 25]
    if AREA_AFTER.match(after):
        return 3, f"area word after the name: {after.split()[0] if after.split() else ''!r}"
    if AREA_BEFORE.search(before):
        return 3, "area word before the name"
    if FORCE_AFTER.match(text[end:end + 12]):
        return 3, "the name qualifies a force (the area it holds)"
    if NEAR_BEFORE.search(before):
        return 2, "a word of nearness before the name"
    return 1, "the place itself"


def _speaker(entry: Entry, start: int, authors_by_id: dict[int, str]) -> str:
    for quote in entry.quotes:
        if quote.start <= start < quote.end:
            return authors_by_id.get(quote.entry, entry.author)
    return entry.author


def _bearing(anchor: Place, subject: Place) -> tuple[float, float]:
    line = Geodesic.WGS84.Inverse(anchor.lat, anchor.lon, subject.lat, subject.lon)
    return line["azi1"] % 360.0, line["s12"] / 1000.0


def geoparse(
    entries: Sequence[Entry],
    gazetteer: Gazetteer,
    *,
    actor_aliases: Iterable[str] = (),
    not_places: dict[str, NotPlace] | None = None,
    fuzzy: bool = True,
) -> GeoparseResult:
    """Resolve the place names of ``entries`` (one thread) against ``gazetteer``.

    ``actor_aliases`` are names that also stand for a faction or state (from the faction
    lexicon): they count as places only after a locative preposition.
    """
    not_places = load_not_places() if not_places is None else not_places
    aliases = {name_key(a) for a in actor_aliases}
    authors = {name_key(e.author) for e in entries if e.author}
    authors |= {name_key(part) for e in entries for part in e.author.split() if len(part) > 3}
    authors -= {""}
    authors_by_id = {e.id: e.author for e in entries}
    # One pass over the thread's text, then over its distinct words only.
    words = set(TOKEN.findall(URL.sub(" ", "\n".join(e.text for e in entries))))
    lowercase_words = {w for w in words if w.islower()}
    spotter = _Spotter(gazetteer)
    result = GeoparseResult()

    spots = [s for e in entries for s in spotter.spots(e)]
    kept: list[_Spot] = []
    for spot in spots:
        why = _reject_reason(spot, not_places=not_places, authors=authors,
                             lowercase_words=lowercase_words, actor_aliases=aliases)
        if why is None:
            kept.append(spot)
        else:
            result.rejected.append((spot.entry.id, spot.start, spot.end, spot.surface, why))

    # Anchors: names with a single candidate in the region are the thread's frame of reference.
    # Distinct places only: a thread naming Aleppo 5,000 times has one anchor, not 5,000, so
    # ranking stays linear in the text.
    anchors = list({s.candidates[0].place.id: s.candidates[0].place for s in kept
                    if len(s.candidates) == 1
                    and gazetteer.in_region(s.candidates[0].place)}.values())
    spotted_by_entry: dict[int, list[tuple[int, int]]] = {}
    previous: Mention | None = None
    actor_spans: dict[int, set[tuple[int, int]]] = {}
    for r in result.rejected:
        if "actor" in r[4]:
            actor_spans.setdefault(r[0], set()).add((r[1], r[2]))
    nearest_km: dict[tuple[float, float], float] = {}
    for spot in kept:
        if len(spot.candidates) == 1:  # nothing to rank: skip the distance work
            ranked = [(0.0, spot.candidates[0])]
        else:
            ranked = sorted(((_score(c, gazetteer, anchors, nearest_km), c)
                             for c in spot.candidates),
                            key=lambda sc: sc[0], reverse=True)
        best_score, best = ranked[0]
        in_region = gazetteer.in_region(best.place)
        # Far from the thread's region, a town name needs a locative to be believed.
        if (not in_region and best.place.kind != "country" and not best.curated
                and _previous_word(spot.entry.text, spot.start) not in LOCATIVE):
            result.rejected.append((spot.entry.id, spot.start, spot.end, spot.surface,
                                    "outside the thread's region and not after a locative"))
            continue
        if best.place.kind == "country" and _state_as_actor(spot, actor_spans):
            result.rejected.append((spot.entry.id, spot.start, spot.end, spot.surface,
                                    "a state acting (subject of an act, or listed with actors)"))
            continue
        confidence = _confidence(best, ranked[1][0] if len(ranked) > 1 else None, best_score,
                                 in_region)
        precision, why = _precision(spot.entry.text, spot.start, spot.end, best.place)
        if (precision == 1 and previous is not None and previous.entry == spot.entry.id
                and CONJUNCTION.match(spot.entry.text[previous.end:spot.start])):
            precision, why = previous.precision, f"shares the words before {previous.surface!r}"
        evidence = (f"{'curated name' if best.curated else 'GeoNames name'}; "
                    f"{len(spot.candidates)} candidate(s); "
                    f"{'in' if in_region else 'outside'} the thread's region; {why}")
        result.places[best.place.id] = best.place
        previous = Mention(
            place=best.place.id, entry=spot.entry.id, start=spot.start, end=spot.end,
            surface=spot.surface, confidence=confidence, precision=precision, evidence=evidence,
            speaker=_speaker(spot.entry, spot.start, authors_by_id))
        result.mentions.append(previous)
        spotted_by_entry.setdefault(spot.entry.id, []).append((spot.start, spot.end))

    if fuzzy:
        _repair_misspellings(entries, gazetteer, result, spotted_by_entry, not_places, authors,
                             lowercase_words, aliases, authors_by_id)
    _resolve_anaphora(entries, result, authors_by_id)
    _check_relations(entries, result)
    result.mentions.sort(key=lambda m: (m.entry, m.start))
    result.unresolved.sort(key=lambda u: (u.entry, u.start))
    return result


def _repair_misspellings(
    entries: Sequence[Entry],
    gazetteer: Gazetteer,
    result: GeoparseResult,
    spotted: dict[int, list[tuple[int, int]]],
    not_places: dict[str, NotPlace],
    authors: set[str],
    lowercase_words: set[str],
    actor_aliases: set[str],
    authors_by_id: dict[int, str],
) -> None:
    """Capitalised words after a locative that no name matched: a misspelling, or unresolved.

    A misspelling is accepted only against a place the thread already names elsewhere (so
    "Mabij" beside "Manbij" is Manbij), by edit-distance ratio of at least 85; anything else
    after a locative cue is listed as unresolved.
    """
    from rapidfuzz import fuzz, process

    named = {name_key(n): pid for pid in result.places
             for n in (result.places[pid].name,)}
    for mention in result.mentions:
        named.setdefault(name_key(mention.surface), mention.place)
    ignored = set(not_places) | authors | actor_aliases
    for entry in entries:
        taken = sorted(spotted.get(entry.id, []))
        taken_starts = [s for s, _ in taken]
        reach = list(itertools.accumulate((e for _, e in taken), max))  # furthest end so far
        after_locative = (m.span(1) for m in AFTER_LOCATIVE.finditer(entry.text))
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
            best = process.extractOne(key, list(named), scorer=fuzz.ratio, score_cutoff=85)
            if best is not None:
                place = result.places[named[best[0]]]
                precision, why = _precision(entry.text, start, end, place)
                result.mentions.append(Mention(
                    place=place.id, entry=entry.id, start=start, end=end, surface=word,
                    confidence=0.6, precision=precision,
                    evidence=f"misspelling of {place.name!r} (similarity {best[1]:.0f}), which "
                             f"the thread names elsewhere; {why}",
                    speaker=_speaker(entry, start, authors_by_id)))
            else:
                result.unresolved.append(Unresolved(surface=word, entry=entry.id, start=start,
                                                    end=end))


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
        named = sorted(by_entry.get(entry.id, []), key=lambda m: m.start)
        for match in ANAPHOR.finditer(entry.text):
            word = match.group(1).casefold()
            if entry.text[match.end():match.end() + 4] == " of ":  # "the town of Azaz"
                continue
            paragraph = entry.text.rfind("\n", 0, match.start()) + 1
            kinds = {"city", "town"} if word == "city" else {"city", "town", "village"}
            earlier = [m for m in named if paragraph <= m.start and m.end <= match.start()
                       and match.start() - m.end <= ANAPHOR_REACH
                       and result.places[m.place].kind in kinds]
            if not earlier:
                continue
            # "the city" means a city when the paragraph names one; a town only otherwise.
            ranked = [m for m in earlier if result.places[m.place].kind == word] or earlier
            target = ranked[0]
            place = result.places[target.place]
            precision, why = _precision(entry.text, match.start(), match.end(), place)
            result.mentions.append(Mention(
                place=place.id, entry=entry.id, start=match.start(), end=match.end(),
                surface=match.group(0), confidence=0.5, precision=precision,
                evidence=f"anaphor: {match.group(0)!r} refers to {target.surface!r}, the first "
                         f"{'/'.join(sorted(kinds))} its paragraph names; {why}",
                speaker=_speaker(entry, match.start(), authors_by_id)))


def _check_relations(entries: Sequence[Entry], result: GeoparseResult) -> None:
    """Check 'X SW of Y' against the coordinates of X and Y."""
    by_entry: dict[int, list[Mention]] = {}
    for mention in result.mentions:
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
