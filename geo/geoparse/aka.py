"""Other names the text gives a place: "Mushrifah village (also known as Sharfa)".

Reports give a village's second name beside the first ("X (also known as Y)", "X, also
called Y", "X (Kurdish: Y)"), often one no gazetteer has.  The text says both name one place,
so the second is a mention of the place the first was read as, with the first's precision,
and the evidence says so.  Only a capitalised run right after the cue, and only where nothing
else read it.
"""

from __future__ import annotations

import re
from collections.abc import Container, Sequence

from geo.gazetteer import name_key
from geo.geoparse.variants import RUN_AT
from geo.records import Entry, Mention

__all__ = ["AKA", "read_other_names"]

# What may stand between a name and its other name: an optional feature word, then the cue.
# "(or Y)" only in brackets: ", or Y" is as often another place ("to Manbij, or Jarabulus").
_ALSO = (r"also[ \t]+(?:known|called|spelled|spelt|written|named)(?:[ \t]+as)?"
         r"|a\.?k\.?a\.?")
AKA = re.compile(
    r"[ \t]*(?:(?:village|town|hill|area)[ \t]*)?"
    r"(?:\([ \t]*(?:" + _ALSO + r"|or|(?:Kurdish|Arabic|Turkish|Syriac|Armenian|Turkmen)"
    r"[ \t]*:)|,[ \t]*(?:" + _ALSO + r"))[ \t]+(?:the[ \t]+)?(?=[A-Z])")
AKA_WORDS = ("also known", "also called", "also spel", "also written", "also named", "aka",
             "a.k.a", "Kurdish:", "Arabic:", "Turkish:", "Syriac:", "Armenian:", "Turkmen:",
             "(or ")


def read_other_names(entries: Sequence[Entry], result, speaker,
                     ignored: Container[str], words: tuple[str, ...] = AKA_WORDS) -> None:
    """A mention for each other name the text gives a place it read (``words``: those of
    ``AKA_WORDS`` the thread has; none: nothing to do)."""
    if not words:
        return
    by_entry: dict[int, list[Mention]] = {}
    for m in result.mentions:
        by_entry.setdefault(m.entry, []).append(m)
    for entry in entries:
        if not any(word in entry.text for word in words):
            continue
        mentions = by_entry.get(entry.id, [])
        for mention in list(mentions):
            cue = AKA.match(entry.text, mention.end)
            run = cue and RUN_AT.match(entry.text, cue.end())
            if not run or any(m.start < run.end() and run.start() < m.end for m in mentions):
                continue
            surface = run.group()
            if surface.isupper() or name_key(surface) in ignored:
                continue
            added = Mention(
                place=mention.place, entry=entry.id, start=run.start(), end=run.end(),
                surface=surface, confidence=min(mention.confidence, 0.6),
                precision=mention.precision,
                evidence=f"another name of {mention.surface!r}, as the text gives it "
                         f"({entry.text[mention.end:cue.end()].strip()!r})",
                speaker=speaker(entry, run.start()))
            result.mentions.append(added)
            mentions.append(added)
            result.unresolved = [u for u in result.unresolved if not (
                u.entry == entry.id and u.start < run.end() and run.start() < u.end)]
