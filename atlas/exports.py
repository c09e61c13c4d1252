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
from geo.export import claims_csv, to_geojson

__all__ = ["Export", "export_name", "view_export"]

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
    """The view's places (GeoJSON) and claims (CSV), exactly what the map shows."""
    corpus = view.corpus
    shown = replace(corpus, places=list(view.places), mentions=list(view.mentions),
                    claims=list(view.claims), entries=corpus.entries)
    geojson = json.dumps(to_geojson(shown), ensure_ascii=False, indent=1)

    def source_of(entry: int) -> tuple[str, int]:
        return locate(corpus, entry)

    def claim_id(cid: str) -> str:
        return _ARCHIVE_CLAIM.sub("", cid) if isinstance(corpus, Archive) else cid

    table = claims_csv(shown, source_of=source_of, claim_id=claim_id)
    return Export(name=export_name(view, steps, window), geojson=geojson, csv=table)
