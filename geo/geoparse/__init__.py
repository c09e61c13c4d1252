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
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass, field, replace

from geo.gazetteer import Gazetteer, name_key
from geo.geoparse.aka import AKA_WORDS, read_other_names
from geo.geoparse.cluster import Cluster, in_context, joint_anchors
from geo.geoparse.digits import digit_names
from geo.geoparse.dropped import dropped as _dropped
from geo.geoparse.features import FEATURE_LITERALS, feature_phrases, placed_near, quarter_names
from geo.geoparse.local import LocalPlaces
from geo.geoparse.lower_names import lower_case_mentions, thread_marks
from geo.geoparse.patterns import (  # noqa: F401  (re-exported for tests)
    AFTER_LOCATIVE,
    CAPITAL_TOKEN,
    CONJUNCTION,
    LOCATIVE,
    TOKEN,
    URL,
)
from geo.geoparse.phrases import (
    EVENT_WORDS,
    FEATURE_AFTER,
    LOWER_COUNTRIES,
    ROAD_WORDS,
    boilerplate_spans,
    lower_case_countries,
    numbered_roads,
    read_phrases,
    road_between,
)
from geo.geoparse.quarter_cue import by_cue
from geo.geoparse.rank import (
    FEATURE_NEAR_KM,
    GENERIC_QUARTERS,
    Anchors,
    _anchors,
    _confidence,
    _feature_heads,
    _generic_quarter,
    _nearest,
    _precision,
    _ranked,
)
from geo.geoparse.reach import place_on_reach
from geo.geoparse.reject import NotPlace, _reject_reason, load_not_places
from geo.geoparse.repair import _check_relations, _repair_misspellings, _resolve_anaphora, _speaker
from geo.geoparse.spot import _is_capitalised, _previous_word, _Spot, _Spotter  # noqa: F401
from geo.geoparse.stated import STATED_WORDS, read_statements
from geo.geoparse.variants import CUE_WORDS, cued_runs, feature_variant, nearest_variant
from geo.geoparse.words import AnyOf, LowerCaseWords, ThreadWords, texts_holding
from geo.records import Entry, Mention, Place, Relation, Unresolved

__all__ = ["GeoparseResult", "geoparse", "load_not_places"]

# The literal words whose presence guards a costlier scan, looked for in a thread at once
GUARD_WORDS = (*EVENT_WORDS, *CUE_WORDS, *FEATURE_LITERALS, *ROAD_WORDS,
               *LOWER_COUNTRIES)


@dataclass(slots=True)
class GeoparseResult:
    """What the geoparser found: places used, mentions, unresolved names, checked relations."""

    places: dict[str, Place] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    unresolved: list[Unresolved] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    # "the city", "the town" linked to the place they refer to: links, not place names, so
    # they are kept apart from ``mentions`` (the claim reader reads both).
    anaphora: list[Mention] = field(default_factory=list)
    # (entry, start, end, surface, why): what was dropped, for debugging and the tests
    rejected: list[tuple[int, int, int, str, str]] = field(default_factory=list)


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
    commenters = {e.author for e in entries}  # (a thread's authors write many entries each)
    authors = {name_key(a) for a in commenters if a}
    authors |= {name_key(part) for a in commenters for part in a.split() if len(part) > 3}
    authors -= {""}
    authors_by_id = {e.id: e.author for e in entries}
    words = ThreadWords([e.text for e in entries], GUARD_WORDS)
    lowercase_words = LowerCaseWords([e.text for e in entries], words.distinct)
    result = GeoparseResult()
    kept, pending = _read_spots(entries, gazetteer, result, words(EVENT_WORDS),
                                not_places=not_places, authors=authors,
                                lowercase_words=lowercase_words, actor_aliases=aliases)
    cluster = Cluster(kept, gazetteer)  # the anchors and the ranking both read it
    anchors = joint_anchors(kept, gazetteer, _anchors(kept, gazetteer), cluster)
    spotted_by_entry = _resolve_spots(kept, gazetteer, anchors, result, authors_by_id, cluster)
    _phrase_mentions(entries, gazetteer, result, spotted_by_entry, authors_by_id, words)
    ignored = AnyOf(not_places, authors, aliases, lowercase_words)
    _variant_mentions(entries, gazetteer, result, pending, anchors, authors_by_id, ignored,
                      words(CUE_WORDS))
    _digit_mentions(entries, gazetteer, result, authors_by_id)
    _feature_mentions(entries, gazetteer, result, authors_by_id,
                      AnyOf(not_places, authors, aliases), words)

    if fuzzy:
        _repair_misspellings(entries, gazetteer, result, spotted_by_entry, not_places, authors,
                             lowercase_words, aliases, authors_by_id)
    def speaker(entry: Entry, start: int) -> str:
        return _speaker(entry, start, authors_by_id)

    read_statements(entries, gazetteer, result, speaker, ignored, words(STATED_WORDS))
    read_other_names(entries, result, speaker, ignored, words(AKA_WORDS))
    _resolve_anaphora(entries, result, authors_by_id)
    _check_relations(entries, result)
    place_on_reach(result.mentions, result.places)
    result.mentions.sort(key=lambda m: (m.entry, m.start))
    result.anaphora.sort(key=lambda m: (m.entry, m.start))
    result.unresolved.sort(key=lambda u: (u.entry, u.start))
    return result


def _read_spots(entries: Sequence[Entry], gazetteer: Gazetteer, result: GeoparseResult,
                event_words: tuple[str, ...], **lexicons,
                ) -> tuple[list[_Spot], list[tuple[_Spot, int, int]]]:
    """Spotted names outside page boilerplate, read with their phrase, minus the rejected:
    (kept spots, runs pending a variant look-up)."""
    spotter = _Spotter(gazetteer)
    boilerplate = {e.id: boilerplate_spans(e.text) for e in entries}
    boilerplate = {i: spans for i, spans in boilerplate.items() if spans}  # most entries: none
    spots = [s for e in entries for s in spotter.spots(e)
             if e.id not in boilerplate or not _inside(s.start, boilerplate[e.id])]
    pending: list[tuple[_Spot, int, int]] = []
    kept: list[_Spot] = []
    for spot in read_phrases(spots, gazetteer, result.rejected, pending, event_words):
        why = _reject_reason(spot, **lexicons)
        if why is None:
            kept.append(spot)
        else:
            result.rejected.append((spot.entry.id, spot.start, spot.end, spot.surface, why))
    return kept, pending


def _resolve_spots(kept: list[_Spot], gazetteer: Gazetteer, anchors: Anchors,
                   result: GeoparseResult, authors_by_id: dict[int, str],
                   cluster: Cluster | None = None) -> dict[int, list[tuple[int, int]]]:
    """Each kept spot's best candidate as a mention (or a rejection, or unresolved);
    returns the spans placed, by entry."""
    spotted_by_entry: dict[int, list[tuple[int, int]]] = {}
    actor_spans: dict[int, set[tuple[int, int]]] = {}
    for r in result.rejected:
        if "actor" in r[4]:
            actor_spans.setdefault(r[0], set()).add((r[1], r[2]))
    nearest_km: dict[tuple[float, float], float] = {}
    rankings: dict[tuple[str, int], list] = {}
    # the text's features by their names' heads and ``Cluster``s, built once needed
    heads: dict[str, object] = {} if cluster is None else {"cluster": cluster}
    previous: Mention | None = None
    for spot in kept:
        generic = spot.surface[:1] == "O" and name_key(spot.surface) in GENERIC_QUARTERS
        if generic:  # "the Old City": the quarter of the city named before, or nothing
            quarter = _generic_quarter(spot, gazetteer, anchors, nearest_km, previous and
                                       result.places.get(previous.place))
            if quarter is None:
                result.unresolved.append(Unresolved(surface=spot.surface, entry=spot.entry.id,
                                                    start=spot.start, end=spot.end))
                continue
            ranked, best, near = [(0.0, quarter)], quarter, 0.0
        else:
            ranked, best, near = _rank_spot(spot, kept, gazetteer, anchors, nearest_km,
                                            rankings, heads)
            dropped = _dropped(spot, best, near, anchors, actor_spans, gazetteer)
            if dropped is not None:
                if dropped[0] == "rejected":
                    result.rejected.append((spot.entry.id, spot.start, spot.end, spot.surface,
                                            dropped[1]))
                else:
                    result.unresolved.append(Unresolved(surface=spot.feature or spot.surface,
                                                        entry=spot.entry.id, start=spot.start,
                                                        end=spot.end))
                continue
        previous = _mention(spot, ranked, near if best.place not in anchors else 0.0,
                            previous, gazetteer, authors_by_id)
        if generic:
            previous = replace(previous, evidence=f"{previous.evidence}; a city's quarter "
                               "named without its city: the quarter of the city named before")
        result.places[best.place.id] = best.place
        result.mentions.append(previous)
        spotted_by_entry.setdefault(spot.entry.id, []).append((spot.start, spot.end))
    return spotted_by_entry


def _rank_spot(spot: _Spot, kept: list[_Spot], gazetteer: Gazetteer, anchors: Anchors,
               nearest_km: dict[tuple[float, float], float], rankings: dict,
               heads: dict[str, dict]) -> tuple[list, object, float]:
    """(ranked candidates, the best, its distance to the nearest other anchor) of a spot."""
    ranking = (spot.surface, len(spot.candidates))
    ranked = rankings.get(ranking)
    if ranked is None:  # the same name ranks the same against the same anchors
        ranked = rankings[ranking] = _ranked(spot, gazetteer, anchors, nearest_km)
    # a namesake: the one near the places named beside it
    ranked = in_context(spot, ranked, kept, anchors, gazetteer, rankings, heads)
    if anchors:  # "the al-Zahraa neighbourhood of Aleppo", "the countryside of Homs"
        ranked = by_cue(spot, ranked, gazetteer,
                        lambda p: _nearest(p, anchors, gazetteer, nearest_km))
    best = ranked[0][1]
    near = nearest_km.get((best.place.lat, best.place.lon), 0.0) if anchors else 0.0
    if (near > 2 * FEATURE_NEAR_KM and not best.curated
            and best.place.kind not in {"country", "region"}):
        if "heads" not in heads:
            heads["heads"] = _feature_heads(kept)
        feature = heads["heads"].get(name_key(spot.surface))
        if feature is not None and (
                _nearest(feature.place, anchors, gazetteer, nearest_km) < near):
            # "Tishrin Dam" ... "the town of Tishrin": the feature the text named, or the
            # place at it, not a namesake farther from the text's places
            spot.note = (f"{spot.note + '; ' if spot.note else ''}the name of "
                         f"{feature.place.name!r}, which the text names")
            return [(0.0, feature)], feature, 0.0
    return ranked, best, near


def _mention(spot: _Spot, ranked: list, near: float, previous: Mention | None,
             gazetteer: Gazetteer, authors_by_id: dict[int, str]) -> Mention:
    """The mention of a spot's best candidate, with its confidence, precision and evidence."""
    best_score, best = ranked[0]
    in_region = gazetteer.in_region(best.place)
    confidence = _confidence(best, ranked[1][0] if len(ranked) > 1 else None, best_score,
                             in_region)
    precision, why = _precision(spot.entry.text, spot.start, spot.end, best.place)
    if spot.feature:
        precision, why = 2, (f"{spot.feature!r} is a feature the gazetteer lacks, named "
                             f"after {best.place.name!r} {near:.0f} km from the text's places")
        confidence = min(confidence, 0.5)
    if (precision == 1 and previous is not None and previous.entry == spot.entry.id
            and CONJUNCTION.match(spot.entry.text[previous.end:spot.start])):
        precision, why = previous.precision, f"shares the words before {previous.surface!r}"
    how = ("transliteration variant" if best.variant else
           "curated name" if best.curated else "gazetteer name")
    evidence = (f"{how}; {len(spot.candidates)} candidate(s); "
                f"{'in' if in_region else 'outside'} the thread's region; "
                f"{spot.note + '; ' if spot.note else ''}{why}")
    return Mention(place=best.place.id, entry=spot.entry.id, start=spot.start, end=spot.end,
                   surface=spot.surface, confidence=confidence, precision=precision,
                   evidence=evidence, speaker=_speaker(spot.entry, spot.start, authors_by_id))


def _variant_mentions(entries: Sequence[Entry], gazetteer: Gazetteer, result: GeoparseResult,
                      pending: list[tuple[_Spot, int, int]], anchors: list[Place],
                      authors_by_id: dict[int, str], ignored: Container[str],
                      cue_words: tuple[str, ...]) -> None:
    """Whole names that no gazetteer spells this way, and cued names nothing matched: a
    transliteration variant near the text's anchors, or (for a pending run) a fragment."""
    def add(entry: Entry, start: int, end: int, place: Place, km: float, part: str) -> None:
        result.places[place.id] = place
        precision, why = _precision(entry.text, start, end, place)
        result.mentions.append(Mention(
            place=place.id, entry=entry.id, start=start, end=end, surface=entry.text[start:end],
            confidence=0.6, precision=precision,
            evidence=f"transliteration variant: {part!r} has the skeleton of {place.name!r} "
                     f"({place.gazetteer_id}), {km:.0f} km from the text's places; {why}",
            speaker=_speaker(entry, start, authors_by_id)))

    variants: dict[str, tuple[Place, float, str] | None] = {}  # a thread repeats its runs
    for spot, start, end in pending:
        whole = spot.entry.text[start:end]
        if whole not in variants:
            variants[whole] = nearest_variant(whole, gazetteer, anchors, ignored) \
                if whole.count(" ") else None
        found = variants[whole]
        if (found is not None and found[2] == whole
                and not _far_feature(spot.entry.text, end, found)):
            result.mentions = [m for m in result.mentions  # the run's words read alone
                               if not (m.entry == spot.entry.id and start <= m.start < end)]
            add(spot.entry, start, end, *found)
        else:
            result.rejected.append((spot.entry.id, spot.start, spot.end, spot.surface,
                                    f"a fragment of the longer name {whole!r}"))
    places: dict[int, list[tuple[int, int]]] = {}
    taken: dict[int, list[tuple[int, int]]] = {}
    looked: dict[str, tuple[Place, float, str] | None] = {}
    for m in result.mentions:
        places.setdefault(m.entry, []).append((m.start, m.end))
    local_places = LocalPlaces.settled(result.mentions, result.places)
    for r in result.rejected:
        taken.setdefault(r[0], []).append((r[1], r[2]))
    for u in result.unresolved:
        taken.setdefault(u.entry, []).append((u.start, u.end))
    for entry in entries:
        for start, end in cued_runs(entry.text, taken.get(entry.id, []),
                                    places.get(entry.id, []), cue_words):
            words = entry.text[start:end]
            if words not in looked:  # a thread repeats its names
                looked[words] = nearest_variant(words, gazetteer, anchors, ignored)
            local = local_places.around(entry.id, start, start)  # its namesake, if any
            found = (feature_variant(entry.text, start, end, gazetteer, anchors) or (
                local and nearest_variant(words, gazetteer, local, ignored)) or looked[words])
            if found is not None and not _far_feature(entry.text, start + len(found[2]), found):
                add(entry, start, start + len(found[2]), *found)
    _variant_elsewhere(entries, result, looked, taken, add)


def _far_feature(text: str, end: int, found: tuple[Place, float, str]) -> bool:
    """Whether a variant is a settlement over ``FEATURE_NEAR_KM`` from the text's places
    while the text names a feature by it ("Talat Al-Bayda hill"): the feature, not that
    village, is meant."""
    return (found[1] > FEATURE_NEAR_KM and found[0].kind in {"village", "town"}
            and FEATURE_AFTER.match(text[end:end + 30]) is not None)


def _variant_elsewhere(entries: Sequence[Entry], result: GeoparseResult,
                       looked: dict[str, tuple[Place, float, str] | None],
                       taken: dict[int, list[tuple[int, int]]], add) -> None:
    """A variant accepted where a cue stood is the same place where the text writes it
    again without one ("to Resafa" ... "Resafa was captured"): one name, one sense, in one
    text.  Only whole words, never inside a name already read."""
    names = {found[2]: found for found in looked.values() if found is not None}
    if not names:
        return
    again = re.compile(r"(?<![\w'\u2019-])(?:" + "|".join(
        re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")(?![\w'\u2019-])")
    read: dict[int, list[tuple[int, int]]] = {}
    for m in result.mentions:
        read.setdefault(m.entry, []).append((m.start, m.end))
    holding = texts_holding([e.text for e in entries], names)  # most entries: none of them
    for entry in (entries[i] for i in sorted(holding)):
        spans = read.get(entry.id, []) + taken.get(entry.id, [])
        for match in again.finditer(entry.text):
            start, end = match.span()
            if not any(a < end and start < b for a, b in spans):
                add(entry, start, end, *names[match.group()])


def _digit_mentions(entries: Sequence[Entry], gazetteer: Gazetteer, result: GeoparseResult,
                    authors_by_id: dict[int, str]) -> None:
    """Names the data writes with a digit ("T4 airbase", "Brigade 137"), where nothing else
    was read (``geo.geoparse.digits``); a name left unresolved there gives way."""
    read: dict[int, list[tuple[int, int]]] | None = None
    for entry in entries:
        for start, end, place in digit_names(entry.text, gazetteer):
            if read is None:  # most threads name none: the spans read are gathered once
                read = {}
                for m in result.mentions:
                    read.setdefault(m.entry, []).append((m.start, m.end))
            spans = read.get(entry.id, [])
            if any(a < end and start < b for a, b in spans):
                continue
            result.places[place.id] = place
            precision, why = _precision(entry.text, start, end, place)
            result.mentions.append(Mention(
                place=place.id, entry=entry.id, start=start, end=end,
                surface=entry.text[start:end], confidence=0.9, precision=precision,
                evidence=f"a name with a digit: {place.source}; {why}",
                speaker=_speaker(entry, start, authors_by_id)))
            result.unresolved = [u for u in result.unresolved if not (
                u.entry == entry.id and u.start < end and start < u.end)]


def _feature_mentions(entries: Sequence[Entry], gazetteer: Gazetteer, result: GeoparseResult,
                      authors_by_id: dict[int, str], people: Container[str],
                      words: ThreadWords) -> None:
    """Hills, oil fields, bases the spotter cannot start at ("1070 Housing Project") or the
    gazetteer lacks ("Hill 800", "Duraham Oil Field"): a curated row of that name if there is
    one, else placed at the settlement the entry names beside them, precision 2
    (``geo.geoparse.features``)."""
    by_entry: dict[int, list[Mention]] = {}
    for m in result.mentions:
        by_entry.setdefault(m.entry, []).append(m)
    literals = words(FEATURE_LITERALS)  # (the thread's, asked once: the same for every entry)
    for entry in entries:
        mentions = by_entry.get(entry.id, [])
        quarters = {span for span in quarter_names(entry.text, words)
                    if _regional_or_unknown(entry.text[span[0]:span[1]], gazetteer)}
        for start, end in sorted({*feature_phrases(entry.text, literals), *quarters}):
            if any(m.start < end and start < m.end for m in mentions):
                continue
            surface = entry.text[start:end]
            if any(name_key(word) in people for word in surface.split()):
                continue  # "Trump Hotel", "Putin's Palace": a person's or an actor's
            curated = [c.place for c in gazetteer.candidates(surface) if c.curated]
            if curated:
                result.places[curated[0].id] = curated[0]
                mention = Mention(
                    place=curated[0].id, entry=entry.id, start=start, end=end, surface=surface,
                    confidence=0.8, precision=1, evidence=f"a feature phrase; curated name: "
                    f"{curated[0].source}", speaker=_speaker(entry, start, authors_by_id))
            elif (near := placed_near(start, end, entry.text, mentions, result.places)):
                mention = Mention(
                    place=near.place, entry=entry.id, start=start, end=end, surface=surface,
                    confidence=0.4, precision=2,
                    evidence=f"a feature the gazetteer lacks, placed at {near.surface!r}, the "
                             f"place the text names beside it",
                    speaker=_speaker(entry, start, authors_by_id))
            else:
                continue
            result.mentions.append(mention)
            result.unresolved = [u for u in result.unresolved if not (
                u.entry == entry.id and u.start < end and start < u.end)]


def _regional_or_unknown(name: str, gazetteer: Gazetteer) -> bool:
    """Whether a name is no place the gazetteer knows only abroad ("district of Columbia")."""
    found = gazetteer.candidates(name)
    return not found or any(gazetteer.in_region(c.place) for c in found)


def _inside(start: int, spans) -> bool:
    return any(a <= start < b for a, b in spans)


def _phrase_mentions(entries: Sequence[Entry], gazetteer: Gazetteer, result: GeoparseResult,
                     spotted: dict[int, list[tuple[int, int]]],
                     authors_by_id: dict[int, str], words: ThreadWords) -> None:
    """Roads between two places ("Jarabulus-Manbij road") replace the mentions of their ends;
    numbered roads, and countries and large cities written in lower case after a locative
    ("in syria", "in idlib") are added."""
    def biggest(candidates):
        return max(candidates, key=lambda c: (c.curated, c.place.population)).place

    def add(entry: Entry, start: int, end: int, place: Place, confidence: float,
            precision: int, evidence: str, surface: str | None = None) -> None:
        result.places[place.id] = place
        result.mentions.append(Mention(
            place=place.id, entry=entry.id, start=start, end=end,
            surface=entry.text[start:end] if surface is None else surface,
            confidence=confidence, precision=precision, evidence=evidence,
            speaker=_speaker(entry, start, authors_by_id)))

    marks = thread_marks(gazetteer, words)  # the marks of the lower-case names it may write
    road_words, countries = words(ROAD_WORDS), words(LOWER_COUNTRIES)  # the thread's, once
    for entry in entries:
        for start, end, surface, place in road_between(entry.text, gazetteer, biggest,
                                                       road_words):
            result.mentions = [m for m in result.mentions
                               if not (m.entry == entry.id and start <= m.start < end)]
            add(entry, start, end, place, 0.7, 2, f"a road between two places: {place.source}",
                surface)
        taken = spotted.get(entry.id, [])
        for start, end, place in numbered_roads(entry.text, gazetteer):
            add(entry, start, end, place, 0.9, 1, f"a numbered road: {place.source}")
        for start, end, place in lower_case_countries(entry.text, gazetteer, countries):
            if not _inside(start, taken):
                add(entry, start, end, place, 0.7, 1,
                    "a country written in lower case after a locative")
        for start, end, place, precision, why in lower_case_mentions(entry.text, gazetteer, (
                lambda e=entry.id: [(m.start, m.end) for m in result.mentions if m.entry == e]),
                marks):
            add(entry, start, end, place, 0.7, precision, why)
