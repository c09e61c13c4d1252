"""Small Altair charts shared by pages (Altair ships with Streamlit and renders offline)."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

import altair as alt

from atlas.view import apply_filters

if TYPE_CHECKING:
    from atlas.controls import Page

__all__ = ["timeline_chart"]


def timeline_chart(page: Page) -> alt.Chart:
    """Place mentions per timeline step (all filters but time), the shown steps darker.

    The bars show the whole thread so the reader sees what is still to come; the ones up to
    the slider's position are drawn solid.
    """
    from dataclasses import replace

    everything = apply_filters(page.corpus, replace(page.view.filters, until=None))
    per_entry = Counter(m.entry for m in everything.mentions)
    until = page.view.filters.until
    last = len(page.steps) - 1 if until is None else until
    rows = [{"step": s.index, "mentions": per_entry.get(s.entry, 0),
             "when": s.label, "shown": "shown" if s.index <= last else "later"}
            for s in page.steps]
    return (
        alt.Chart(alt.Data(values=rows), height=70)
        .mark_bar()
        .encode(
            x=alt.X("step:O", axis=None),
            y=alt.Y("mentions:Q", title=None, axis=alt.Axis(tickCount=2)),
            color=alt.Color("shown:N", scale=alt.Scale(domain=["shown", "later"],
                                                        range=["#9b2c2c", "#d9d4cc"]),
                            legend=None),
            tooltip=[alt.Tooltip("when:N", title="comment"),
                     alt.Tooltip("mentions:Q", title="place mentions")],
        )
    )
