"""The timeline's bar chart: place mentions per comment, drawn as plain HTML.

Why not Altair: with a Vega chart on the same page, clicks on the folium map (a component
iframe below it) stopped reaching Leaflet in Chromium, so the map's markers could not be
selected.  Twenty-odd bars need no charting library: this is a row of divs, escaped, offline.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import TYPE_CHECKING

from atlas.markup import text
from atlas.view import apply_filters

if TYPE_CHECKING:
    from atlas.controls import Page

__all__ = ["timeline_chart_html"]

SHOWN, LATER = "#9b2c2c", "#d9d4cc"
HEIGHT_PX = 56


def timeline_chart_html(page: Page) -> str:
    """Bars of place mentions per timeline step (all filters but time); shown steps darker.

    The bars cover the whole thread so the reader sees what is still to come.
    """
    everything = apply_filters(page.corpus, replace(page.view.filters, until=None))
    per_entry = Counter(m.entry for m in everything.mentions)
    until = page.view.filters.until
    last = len(page.steps) - 1 if until is None else until
    peak = max((per_entry.get(s.entry, 0) for s in page.steps), default=0) or 1
    bars = []
    for step in page.steps:
        count = per_entry.get(step.entry, 0)
        height = max(2, round(HEIGHT_PX * count / peak))
        colour = SHOWN if step.index <= last else LATER
        bars.append(
            f'<div title="{text(step.label)}: {count} place mention(s)" '
            f'style="flex:1;height:{height}px;background:{colour};margin:0 1px;'
            f'border-radius:2px 2px 0 0"></div>'
        )
    return (
        f'<div class="atlas-timeline" aria-label="place mentions per comment" '
        f'style="display:flex;align-items:flex-end;height:{HEIGHT_PX}px;padding:0 8px">'
        + "".join(bars)
        + f'</div><div style="font-size:0.75rem;color:#6b6b6b;padding:0 8px">'
        f"place mentions per comment (peak {peak})</div>"
    )
