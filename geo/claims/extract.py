"""The entry points: a thread's entries, mentions and actor mentions in, claims out."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from geo.claims.armies import resolve_armies
from geo.claims.confidence import features, load_model, score
from geo.claims.disputes import link_disputes
from geo.claims.heading import heading_block, under_heading
from geo.claims.model import load_parser
from geo.claims.parse_reader import parse_read
from geo.claims.reader import EntryReader
from geo.claims.recall import read_more
from geo.claims.repel import defended
from geo.claims.results import ClaimReport, Context
from geo.claims.rules import ActionLexicon, ModalityRules, load_actions, load_modality
from geo.claims.syntax import revise
from geo.claims.traps import screen
from geo.factions import FactionLexicon, load_lexicon
from geo.records import ActorMention, Claim, Entry, Mention, Place

# A text is about a town named at least this often, in this share of its towns' names.
TOPIC_MENTIONS = 3
TOPIC_SHARE = 0.25


def _group(items: Sequence, key: str) -> dict[int, list]:
    out: dict[int, list] = {}
    for item in items:
        out.setdefault(getattr(item, key), []).append(item)
    for values in out.values():
        values.sort(key=lambda m: (m.start, -m.end))
    return out


def extract_claims_report(
    entries: Sequence[Entry],
    mentions: Sequence[Mention],
    actor_mentions: Sequence[ActorMention],
    *,
    places: Mapping[str, Place] | None = None,
    lexicon: FactionLexicon | None = None,
    actions: ActionLexicon | None = None,
    modality: ModalityRules | None = None,
    parse: bool = True,
) -> ClaimReport:
    """Claims and the quoted repetitions linked to them; see the module docstring.

    ``places`` (place id -> Place) lets the reader prefer the most specific place as origin
    or destination, rate a country as precision 3, and link disputes about nearby places.
    ``parse=False`` reads with the rules alone, as on a machine without the English model.
    """
    by_id = {e.id: e for e in entries}
    actor_mentions = resolve_armies(actor_mentions, by_id)
    ctx = Context(
        entries=by_id,
        actions=actions or load_actions(),
        modality=modality or load_modality(),
        lexicon=lexicon or load_lexicon(),
        places=places or {},
        report=ClaimReport(),
        actor_mentions=list(actor_mentions),
    )
    ctx.topic_town = topic_town(mentions, ctx.places)
    mentions_by = _group(mentions, "entry")
    actors_by = _group(actor_mentions, "entry")
    previous: tuple[Entry, EntryReader] | None = None
    section: Mention | None = None  # the town whose history the blocks tell (heading.py)
    readers: dict[int, EntryReader] = {}
    for entry in sorted(entries, key=lambda e: e.id):
        # the blocks of an authorless text are its paragraphs: one discourse runs through
        before = previous[1].discourse() if previous is not None and entry.kind == "block" \
            and previous[0].kind == "block" and previous[0].id == entry.id - 1 else None
        section = _section(ctx, entry, section, mentions_by)
        own = under_heading(entry.text, mentions_by.get(entry.id, []),  # heading.py
                            lambda p: getattr(ctx.places.get(p), "kind", ""),
                            ctx.row_headings.get(entry.id))
        reader = EntryReader(ctx, entry, own,
                              actors_by.get(entry.id, []), before)
        previous = (entry, reader)
        readers[entry.id] = reader
        claims = [*reader.read(), *read_more(reader)]  # geo/claims/recall.py
        claims = [c for c in claims if c.id not in reader.superseded]  # (holders.py)
        ctx.by_entry[entry.id] = claims
        ctx.report.claims.extend(claims)
    nlp = load_parser() if parse else None
    if nlp is not None:  # then the cues no kept claim stands on, read from the parse
        revised = revise(ctx, entries, nlp) if ctx.report.claims else []
        _renumber(ctx, defended(ctx, screen(ctx, parse_read(ctx, readers, nlp, revised),
                                            parsed=True)))
    else:  # ids counted again where a journey's first leg gave way to the whole
        _renumber(ctx, defended(ctx, screen(ctx, list(ctx.report.claims), parsed=False)))
    _rate(ctx)
    link_disputes(ctx, sorted(entries, key=lambda e: e.id))
    return ctx.report


def _section(ctx: Context, entry: Entry, section: Mention | None,
             mentions_by: Mapping[int, list[Mention]]) -> Mention | None:
    """The town a block of an authorless text is written under (heading.py's
    ``heading_block``: "Douma", a blank line, its history), kept in ``ctx.row_headings``;
    returns the section's town for the blocks after this one."""
    if entry.kind != "block":
        return None
    is_heading, town = heading_block(entry.text, mentions_by.get(entry.id, []),
                                     lambda p: getattr(ctx.places.get(p), "kind", ""))
    if is_heading:
        return town
    if section is not None:
        ctx.row_headings[entry.id] = section
    return section


def topic_town(mentions: Sequence[Mention], places: Mapping[str, Place]) -> str | None:
    """The city or town a text is about: the one named most, at least ``TOPIC_MENTIONS``
    times and in at least ``TOPIC_SHARE`` of the names of cities and towns."""
    counts: dict[str, int] = {}
    for mention in mentions:
        place = places.get(mention.place)
        if place is not None and place.kind in ("city", "town"):
            counts[mention.place] = counts.get(mention.place, 0) + 1
    if not counts:
        return None
    best = max(counts, key=lambda key: (counts[key], key))
    total = sum(counts.values())
    return best if counts[best] >= TOPIC_MENTIONS and counts[best] >= TOPIC_SHARE * total \
        else None


def _rate(ctx: Context) -> None:
    """Each claim's confidence (geo/claims/confidence.py); its features kept on the report."""
    model = load_model()
    rated: list[Claim] = []
    for claim in ctx.report.claims:
        evidence = ctx.evidence.get(claim.id)
        span = ctx.carried.get((claim.entry, evidence.cue[0])) if evidence is not None else None
        if evidence is not None and span is not None and evidence.subject is None:
            evidence = ctx.evidence[claim.id] = replace(evidence, carried=span, pronoun=True)
            ctx.report.carried[claim.id] = span
        values = features(claim, evidence, ctx.entries[claim.entry].text)
        ctx.report.features[claim.id] = values
        rated.append(replace(claim, confidence=score(values, model)))
    ctx.report.claims[:] = rated
    ctx.by_entry = {}
    for claim in rated:
        ctx.by_entry.setdefault(claim.entry, []).append(claim)


def _renumber(ctx: Context, claims: list[Claim]) -> None:
    """Keep ``claims`` (the parse dropped some) with ids ``e<entry>c<n>`` counted again."""
    renamed: dict[str, str] = {}
    counts: dict[int, int] = {}
    kept: list[Claim] = []
    for claim in claims:
        number = counts.get(claim.entry, 0)
        counts[claim.entry] = number + 1
        new = f"e{claim.entry}c{number}"
        renamed[claim.id] = new
        kept.append(replace(claim, id=new))
    ctx.sentences = {renamed[k]: v for k, v in ctx.sentences.items() if k in renamed}
    ctx.evidence = {renamed[k]: v for k, v in ctx.evidence.items() if k in renamed}
    ctx.defaults = {renamed[k] for k in ctx.defaults if k in renamed}
    ctx.report.duplicates[:] = [replace(d, original=renamed[d.original])
                                for d in ctx.report.duplicates if d.original in renamed]
    ctx.report.claims[:] = kept
    ctx.by_entry = {}
    for claim in kept:
        ctx.by_entry.setdefault(claim.entry, []).append(claim)


def extract_claims(
    entries: Sequence[Entry],
    mentions: Sequence[Mention],
    actor_mentions: Sequence[ActorMention],
    *,
    places: Mapping[str, Place] | None = None,
) -> list[Claim]:
    """The claims of a thread in entry order (a quoted repetition is not counted again)."""
    return extract_claims_report(entries, mentions, actor_mentions, places=places).claims
