"""Export what you see: the current view (filters, time, window) as GeoJSON and CSV.

The files are named after the thread and the moment (``<thread>_<time>[_last-5]``), so two
downloads of two moments do not overwrite each other and say what they hold.  From the
all-threads view every claim row names its own file and its ids there.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace

from atlas.archive import Archive, locate
from atlas.playback import Window
from atlas.view import TimelineStep, View
from geo.export import claims_csv, first_comment_times, to_geojson
from geo.records import Corpus

__all__ = ["Export", "export_name", "post_dates", "view_export"]

_ARCHIVE_CLAIM = re.compile(r"^t\d+\.")


@dataclass(frozen=True, slots=True)
class Export:
    name: str  # file name without extension
    geojson: str
    csv: str


def export_name(view: View, steps: list[TimelineStep], window: Window | None = None) -> str:
    """``<thread stem>_<moment>``: the moment is the last step's time, ``post`` or ``end``."""
    source = view.corpus.source
    stem = "all-threads" if isinstance(view.corpus, Archive) else source.rsplit(".", 1)[0]
    until = view.filters.until
    if until is None or not steps or until >= len(steps) - 1:
        moment = (steps[-1].posted_at or steps[-1].at or "end") if steps else "end"
    else:
        moment = steps[until].posted_at or "post"
    moment = moment[:16].replace(":", "").replace("T", "-")
    name = f"{stem}_{moment}" + (f"_last-{window.to_param()}" if window else "")
    return re.sub(r"[^A-Za-z0-9._-]+", "-", name).strip("-")


def view_export(view: View, steps: list[TimelineStep], window: Window | None = None) -> Export:
    """The view's places and its control areas and front lines (GeoJSON) and claims (CSV),
    exactly what the map shows: the areas are those the view's claims (time and filters
    applied) give, and a hidden side's areas and lines are left out, as on the map."""
    corpus = view.corpus
    shown = replace(corpus, places=list(view.places), mentions=list(view.mentions),
                    claims=list(view.claims), entries=corpus.entries)
    collection = to_geojson(shown)
    sides = view.filters.sides
    if sides:
        collection["features"] = [
            f for f in collection["features"] if "layer" not in f["properties"]
            or not f["properties"].get("sides") or set(f["properties"]["sides"]) & sides]
    geojson = json.dumps(collection, ensure_ascii=False, indent=1)

    def source_of(entry: int) -> tuple[str, int]:
        return locate(corpus, entry)

    def claim_id(cid: str) -> str:
        return _ARCHIVE_CLAIM.sub("", cid) if isinstance(corpus, Archive) else cid

    table = claims_csv(shown, source_of=source_of, claim_id=claim_id)
    return Export(name=export_name(view, steps, window), geojson=geojson, csv=table)


def post_dates(corpus: Corpus) -> dict[int, str]:
    """The time the CSV export dates each post's claims with, by the post's entry id: its
    thread's first comment time (``date_basis`` "thread's first comment").  The panel, the
    feed and the Claims page show the same time for the post, saying where it comes from."""
    def source_of(entry: int) -> tuple[str, int]:
        return locate(corpus, entry)

    first = first_comment_times(corpus, source_of)
    return {e.id: first[source_of(e.id)[0]] for e in corpus.entries
            if e.kind == "post" and not e.posted_at and source_of(e.id)[0] in first}
