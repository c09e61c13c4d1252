"""The timeline's bar chart: place mentions per comment (per day, week... for an archive).

Why not Altair: with a Vega chart on the same page, clicks on the folium map (a component
iframe below it) stopped reaching Leaflet in Chromium, so the map's markers could not be
selected.  Twenty-odd bars need no charting library: this is a row of divs, escaped, offline.
An archive's timeline has one bar per slider stop (at most ``atlas.view.MAX_STOPS``).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import TYPE_CHECKING

from atlas.markup import text
from atlas.view import apply_filters

if TYPE_CHECKING:
    from atlas.ui.controls import Page

__all__ = ["timeline_chart_html"]

SHOWN, LATER = "#9b2c2c", "#d9d4cc"
HEIGHT_PX = 56


def timeline_chart_html(page: Page) -> str:
    """Bars of place mentions per timeline stop (all filters but time); shown stops darker.

    The bars cover the whole timeline so the reader sees what is still to come.  A stop is a
    comment, or for a long archive a day, week or month (``page.stops``).
    """
    everything = apply_filters(page.corpus, replace(page.view.filters, until=None))
    per_entry = Counter(m.entry for m in everything.mentions)
    until = page.view.filters.until
    last = len(page.steps) - 1 if until is None else until
    totals = [(stop, sum(per_entry.get(page.steps[i].entry, 0) for i in page.stops.bucket(stop)))
              for stop in page.stops.indices]
    most = max((count for _, count in totals), default=0)
    peak = most or 1  # the bars' scale: an empty chart is a row of stubs
    labels = page.stops.labels
    unit = "comment" if page.stops.grain == "comment" else page.stops.grain
    bars = []
    for stop, count in totals:
        height = max(2, round(HEIGHT_PX * count / peak))
        colour = SHOWN if stop <= last else LATER
        gap = "1px" if len(totals) <= 60 else "0"
        bars.append(
            f'<div title="{text(labels.get(stop, str(stop)))}: {count} place mention(s)" '
            f'style="flex:1;height:{height}px;background:{colour};margin:0 {gap};'
            f'border-radius:2px 2px 0 0"></div>'
        )
    return (
        f'<div class="atlas-timeline" aria-label="place mentions per {unit}" '
        f'style="display:flex;align-items:flex-end;height:{HEIGHT_PX}px;padding:0 8px">'
        + "".join(bars)
        + f'</div><div style="font-size:0.75rem;color:#6b6b6b;padding:0 8px">'
        f"{_caption(unit, most, narrowed=page.view.filters.narrowed)}</div>"
    )


def _caption(unit: str, most: int, *, narrowed: bool) -> str:
    """What the bars count, and their peak (it said "peak 1" over no mention at all).

    >>> _caption("comment", 12, narrowed=False), _caption("day", 0, narrowed=True)
    ('place mentions per comment (peak 12)', 'no place mentions with these filters')
    """
    if most:
        return f"place mentions per {unit} (peak {most})"
    return "no place mentions" + (" with these filters" if narrowed else " in this thread")
