"""Claims that contradict others: after a quote, with a contrast cue; or the next sentence."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import replace

from geo.claims.results import Context, Duplicate, overlap
from geo.records import Claim, Entry


def link_disputes(ctx: Context, entries: Sequence[Entry]) -> None:
    """Fill ``disputes``/``disputed_by`` (see the module docstring)."""
    links: dict[str, set[str]] = {}
    across: set[str] = set()  # disputes of another author's words
    repeats: dict[int, list[Duplicate]] = {}
    for duplicate in ctx.report.duplicates:
        repeats.setdefault(duplicate.entry, []).append(duplicate)
    for entry in entries:
        for source, target in _after_quotes(ctx, entry, repeats.get(entry.id, [])):
            links.setdefault(source, set()).add(target)
            across.add(source)
        for source, target in _next_sentences(ctx, entry):
            links.setdefault(source, set()).add(target)
    if links:
        _apply(ctx, links, across)


def _related(ctx: Context, claim: Claim, target: Claim) -> bool:
    """Same action or same side, about places that overlap."""
    same = target.action == claim.action or \
        ctx.lexicon.side_of(target.actor) == ctx.lexicon.side_of(claim.actor)
    return target.id != claim.id and same and overlap(claim.places, target.places, ctx.places)


def _after_quotes(ctx: Context, entry: Entry,
                  repeats: Sequence[Duplicate]) -> list[tuple[str, str]]:
    """(claim, disputed claim) for the entry's own contrasting claims after each quote."""
    own = ctx.by_entry.get(entry.id, [])
    contrasting = [c for c in own if c.author == entry.author
                   and ctx.modality.contrasts(c.quote)]
    by_id = {c.id: c for c in ctx.report.claims} if contrasting else {}
    out: list[tuple[str, str]] = []
    for quote in entry.quotes if contrasting else ():
        stop = min((q.start for q in entry.quotes if q.start >= quote.end),
                   default=len(entry.text))
        targets = [c for c in ctx.by_entry.get(quote.entry, [])
                   if c.start < quote.source_end and quote.source_start < c.end]
        targets += [c for c in own if quote.start <= c.start and c.end <= quote.end + 1]
        targets += [by_id[d.original] for d in repeats
                    if quote.start <= d.start < quote.end and d.original in by_id]
        out += [(claim.id, target.id) for claim in contrasting if quote.end <= claim.start < stop
                for target in targets if _related(ctx, claim, target)]
    return out


def _next_sentences(ctx: Context, entry: Entry) -> list[tuple[str, str]]:
    """(claim, disputed claim): a contrasting claim against the previous sentence's claim
    on the same actor and place, by the same author."""
    sentences: dict[tuple[int, int], list[Claim]] = {}
    for claim in ctx.by_entry.get(entry.id, []):
        sentences.setdefault(ctx.sentences[claim.id], []).append(claim)
    out: list[tuple[str, str]] = []
    for before, after in itertools.pairwise(sorted(sentences)):
        if before[1] > after[0] or not _next_sentence(entry.text, before[1], after[0]):
            continue
        for claim in sentences[after]:
            if not ctx.modality.contrasts(claim.quote):
                continue
            out += [(claim.id, previous.id) for previous in sentences[before]
                    if previous.author == claim.author and previous.actor == claim.actor
                    and previous.action != claim.action
                    and set(previous.places) & set(claim.places)]
    return out


def _apply(ctx: Context, links: dict[str, set[str]], across: set[str]) -> None:
    """Write the links on the claims; a default-modality claim disputing another author's
    words becomes "disputed"."""
    disputed_by: dict[str, set[str]] = {}
    for source, targets in links.items():
        for target in targets:
            disputed_by.setdefault(target, set()).add(source)
    updated: list[Claim] = []
    for claim in ctx.report.claims:
        changes: dict[str, object] = {}
        if claim.id in links:
            changes["disputes"] = tuple(sorted(links[claim.id], key=_id_key))
            if claim.id in across and claim.id in ctx.defaults:
                changes["modality"] = "disputed"
        if claim.id in disputed_by:
            changes["disputed_by"] = tuple(sorted(disputed_by[claim.id], key=_id_key))
        updated.append(replace(claim, **changes) if changes else claim)
    ctx.report.claims[:] = updated


def _next_sentence(text: str, end: int, start: int) -> bool:
    """Whether a sentence starting at ``start`` follows the one ending at ``end``."""
    return bool(re.fullmatch(r"[.!?\"'\u201d\u2019)\]]*[ \t]*", text[end:start]))


def _id_key(claim_id: str) -> tuple[int, int]:
    entry, _, number = claim_id[1:].partition("c")
    return int(entry), int(number)

