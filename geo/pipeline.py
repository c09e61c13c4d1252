"""Text in, linked corpus out: the steps of the pipeline in the order they run.

>>> from geo.pipeline import build_corpus
>>> corpus = build_corpus("IS took Azaz. pl\\nIndeed.\\nPosted by: Joe | 07 June 2016 at 05:06 PM",
...                       source="example", signature="pl")
>>> [p.name for p in corpus.places], [c.actor for c in corpus.claims]
(['Azaz'], ['is'])
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from geo.claims import extract_claims
from geo.factions import load_lexicon
from geo.gazetteer import Gazetteer, load_gazetteer
from geo.geoparse import geoparse
from geo.online import OnlineGeocoder
from geo.records import Corpus
from geo.thread import ThreadError, parse_thread

__all__ = ["MAX_INPUT_BYTES", "build_corpus", "read_thread_file"]

# The command line and the app refuse larger inputs: a thread of 100k comments is ~50 MB,
# and one paste that size is more likely a mistake than a thread.
MAX_INPUT_BYTES = 50 * 1024 * 1024

Progress = Callable[[str, float], None]


def read_thread_file(path: Path, *, max_bytes: int = MAX_INPUT_BYTES) -> str:
    """The text of a thread file, or a ThreadError saying plainly what is wrong with it."""
    name = str(path)
    if not path.exists():
        raise ThreadError("no such file", source=name)
    if path.is_dir():
        raise ThreadError("is a folder, not a text file", source=name)
    size = path.stat().st_size
    if size > max_bytes:
        raise ThreadError(f"is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.0f} MB limit; "
                          "split it into threads", source=name)
    return decode_thread_bytes(path.read_bytes(), source=name)


def decode_thread_bytes(data: bytes, *, source: str) -> str:
    """Decode uploaded or read bytes as a thread's text: UTF-8 (with or without BOM) or UTF-16."""
    if not data.strip():
        raise ThreadError("the file is empty: there is no text to read", source=source)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data[:4096]:
        raise ThreadError("looks binary (it contains NUL bytes), not a text thread",
                          source=source)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ThreadError("is not UTF-8 text (save it as UTF-8 and try again)", line=line,
                          source=source) from None
    return text


def _look_up_online(online: OnlineGeocoder, found, entries) -> list[str]:
    """Add what the online geocoder finds for the unresolved names to ``found``; the notes
    name the lookups that failed."""
    looked = online.resolve(found.unresolved, speakers={e.id: e.author for e in entries})
    found.places.update(looked.places)
    found.mentions = sorted([*found.mentions, *looked.mentions], key=lambda m: (m.entry, m.start))
    found.unresolved = looked.still_unresolved
    return [f"online lookup failed for {failure}" for failure in looked.failures]


def build_corpus(
    text: str,
    *,
    source: str = "",
    strict: bool = False,
    signature: str | None = None,
    gazetteer: Gazetteer | None = None,
    progress: Progress | None = None,
    online: OnlineGeocoder | None = None,
    as_of: date | None = None,
) -> Corpus:
    """Run every step on one thread's text.

    The text may be any family geo/formats/detect.py reads (copied text, a saved page, an
    export); ``strict`` stops at the first footer or date that does not parse instead of
    keeping its comment without a time; ``as_of`` resolves relative times ("2 hours ago").

    ``online`` (opt-in, see geo/online.py) looks up the names the gazetteer lacks.
    ``progress(step, fraction)`` is called between steps so a command line or a page can show
    where it is.
    """
    def report(step: str, fraction: float) -> None:
        if progress is not None:
            progress(step, fraction)

    report("parsing the thread", 0.0)
    thread = parse_thread(text, source=source, strict=strict, signature=signature, as_of=as_of)
    report("loading the gazetteer", 0.15)
    gazetteer = gazetteer or load_gazetteer()
    lexicon = load_lexicon()
    report("finding places", 0.35)
    found = geoparse(thread.entries, gazetteer, actor_aliases=[a.text for a in lexicon.aliases])
    notes = list(thread.notes)
    if online is not None and found.unresolved:
        report("looking up unresolved names online", 0.5)
        notes += _look_up_online(online, found, thread.entries)
    report("finding factions", 0.65)
    actor_mentions = [m for e in thread.entries for m in lexicon.find(e.text, entry=e.id)]
    report("reading claims", 0.8)
    # "the city" links (found.anaphora) are not place names, but claims read them
    linked = sorted([*found.mentions, *found.anaphora], key=lambda m: (m.entry, m.start))
    claims = extract_claims(thread.entries, linked, actor_mentions, places=found.places)
    report("done", 1.0)
    used = {m.place for m in found.mentions}
    return Corpus(
        source=source,
        entries=thread.entries,
        places=sorted((p for p in found.places.values() if p.id in used), key=lambda p: p.name),
        mentions=found.mentions,
        unresolved=found.unresolved,
        actors=lexicon.actors,
        actor_mentions=actor_mentions,
        claims=claims,
        relations=found.relations,
        mode=thread.mode,
        notes=notes,
        title=thread.title,
        family=thread.family,
    )
