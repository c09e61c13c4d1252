"""The JSON corpus written record by record, so a big thread is never one huge string.

``to_json`` (geo/export.py) builds every record as a dict and the whole document as one
string: on a 50 MB thread that was a quarter of a gigabyte of output held twice over, on top
of the corpus.  Here each record is encoded on its own and written at once; the document is
the same JSON shape (the README's "The JSON corpus"), one record per line.

>>> import io
>>> from geo.records import Corpus, Entry
>>> out = io.StringIO()
>>> write_json(Corpus(source="t", entries=[Entry(0, "post", "pl", None, "Azaz", 0, 4)]), out)
>>> import json; json.loads(out.getvalue())["entries"][0]["text"]
'Azaz'
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import fields
from typing import Any, TextIO

from geo.records import Corpus

__all__ = ["record_count", "write_json"]

SECTIONS = ("entries", "places", "mentions", "unresolved", "actors", "actor_mentions",
            "claims", "relations")


def _plain(value: Any) -> Any:
    """A field value as JSON data: records as objects, tuples as lists."""
    if hasattr(value, "__dataclass_fields__"):
        return _record(value)
    if isinstance(value, (tuple, list)):
        return [_plain(v) for v in value]
    return value


def _record(record: Any) -> dict[str, Any]:
    return {f.name: _plain(getattr(record, f.name)) for f in fields(record)}


def _place_records(corpus: Corpus) -> Iterable[dict[str, Any]]:
    """Places with their mention count and best confidence, counted in one pass."""
    counts: dict[str, int] = {}
    best: dict[str, float] = {}
    for mention in corpus.mentions:
        counts[mention.place] = counts.get(mention.place, 0) + 1
        best[mention.place] = max(best.get(mention.place, 0.0), mention.confidence)
    for place in corpus.places:
        yield {**_record(place), "mentions": counts.get(place.id, 0),
               "confidence": best.get(place.id, 0.0)}


def write_json(corpus: Corpus, out: TextIO, *,
               progress: Callable[[int], None] | None = None) -> None:
    """Write the corpus to ``out``; ``progress(n)`` after every n records written."""
    dumps = json.JSONEncoder(ensure_ascii=False).encode
    head = {"source": corpus.source, "title": corpus.title, "family": corpus.family,
            "mode": corpus.mode, "notes": list(corpus.notes)}
    out.write("{\n")
    for key, value in head.items():
        out.write(f" {dumps(key)}: {dumps(value)},\n")
    for number, section in enumerate(SECTIONS):
        records: Iterable[Any] = (_place_records(corpus) if section == "places"
                                  else map(_record, getattr(corpus, section)))
        out.write(f" {dumps(section)}: [")
        written = 0
        for record in records:
            out.write(("\n  " if not written else ",\n  ") + dumps(record))
            written += 1
            if progress is not None and written % 1000 == 0:
                progress(1000)
        if progress is not None:
            progress(written % 1000)
        out.write("\n ]" if written else "]")
        out.write(",\n" if number < len(SECTIONS) - 1 else "\n")
    out.write("}\n")


def record_count(corpus: Corpus) -> int:
    """How many records ``write_json`` writes (for a progress bar's total)."""
    return sum(len(getattr(corpus, section)) for section in SECTIONS)

