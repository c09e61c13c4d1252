"""Who talks about where, and about whom: commenters against places, factions and time.

Why: a thread's geography is uneven — a few commenters may carry one front, and a reader
weighs a place differently when only one person keeps naming it.  Charts are Altair (Vega-Lite
is bundled with Streamlit: nothing is fetched from the internet).
"""

from __future__ import annotations

from collections import Counter

import altair as alt
import pandas as pd
import streamlit as st

from atlas.ui import keys
from atlas.ui.controls import page_setup
from atlas.view import commenter_of

st.set_page_config(page_title="Commenters · Frontline Atlas", page_icon="👥", layout="wide")
page = page_setup(title="Commenters")
corpus, view = page.corpus, page.view

places = {p.id: p for p in corpus.places}
actors = {a.id: a for a in corpus.actors}
visible_entries = {e.id for e in view.entries}
sides = view.filters.sides

st.title("Commenters")
st.caption("Counts follow the sidebar filters and the timeline. Words inside a quote count for "
           "the commenter who quoted them.")

name_of = commenter_of(corpus)  # the post's signature counts for the account behind it
place_rows = [{"Commenter": name_of(view.entry(m.entry).author),
               "Place": places[m.place].name if m.place in places else m.place,
               "Entry": m.entry} for m in view.mentions]
actor_rows = [{"Commenter": name_of(view.entry(am.entry).author),
               "Faction": actors[am.actor].name if am.actor in actors else am.actor,
               "Side": actors[am.actor].side if am.actor in actors else "",
               "Entry": am.entry}
              for am in corpus.actor_mentions
              if am.entry in visible_entries
              and (not sides or (am.actor in actors and actors[am.actor].side in sides))]

# --- summary table ---------------------------------------------------------------------------
comments = Counter(name_of(e.author) for e in view.entries)
mention_count = Counter(r["Commenter"] for r in place_rows)
actor_count = Counter(r["Commenter"] for r in actor_rows)
claim_count = Counter(name_of(c.author) for c in view.claims)
distinct = {name: len({r["Place"] for r in place_rows if r["Commenter"] == name})
            for name in comments}
summary = pd.DataFrame([{
    "Commenter": name,
    "Entries": comments[name],
    "Place mentions": mention_count[name],
    "Distinct places": distinct[name],
    "Faction mentions": actor_count[name],
    "Claims": claim_count[name],
} for name in comments], columns=["Commenter", "Entries", "Place mentions", "Distinct places",
                                  "Faction mentions", "Claims"])
summary = summary.sort_values(["Place mentions", "Entries"], ascending=False)
order = list(summary["Commenter"])

if summary.empty:
    st.info("No entry is in view with the current filters.", icon="ℹ️")
    st.stop()

st.dataframe(summary, hide_index=True, width="stretch",
             column_config={"Claims": st.column_config.NumberColumn(
                 help="Claims attributed to them (a quoted claim is the quoted author's)")})

# --- commenter x place -------------------------------------------------------------------------
st.subheader("Commenter × place", anchor="places")
if place_rows:
    places_frame = pd.DataFrame(place_rows)
    totals = places_frame["Place"].value_counts()
    limit = len(totals)
    if len(totals) > 5:
        limit = st.slider("Places shown (most mentioned first)", 5, len(totals),
                          min(25, len(totals)), key=keys.COMMENTERS_TOP_PLACES)
    top = list(totals.index[:limit])
    cells = (places_frame[places_frame["Place"].isin(top)]
             .groupby(["Commenter", "Place"]).size().reset_index(name="Mentions"))
    heat = alt.Chart(cells).mark_rect(stroke="white").encode(
        x=alt.X("Place:N", sort=top, axis=alt.Axis(labelAngle=-45, labelLimit=160, title=None,
                                                   labelOverlap=False)),
        y=alt.Y("Commenter:N", sort=order,
                axis=alt.Axis(title=None, labelOverlap=False, labelLimit=220)),
        color=alt.Color("Mentions:Q", scale=alt.Scale(scheme="orangered"),
                        legend=alt.Legend(title="Mentions")),
        tooltip=["Commenter:N", "Place:N", "Mentions:Q"],
    ).properties(height=alt.Step(24))
    st.altair_chart(heat, width="stretch")
else:
    st.caption("No place mention in view.")

# --- commenter x faction -----------------------------------------------------------------------
st.subheader("Commenter × faction", anchor="factions")
if actor_rows:
    actor_frame = pd.DataFrame(actor_rows)
    faction_order = list(actor_frame["Faction"].value_counts().index)
    cells = actor_frame.groupby(["Commenter", "Faction", "Side"]).size().reset_index(
        name="Mentions")
    heat = alt.Chart(cells).mark_rect(stroke="white").encode(
        x=alt.X("Faction:N", sort=faction_order,
                axis=alt.Axis(labelAngle=-45, labelLimit=200, title=None, labelOverlap=False)),
        y=alt.Y("Commenter:N", sort=order,
                axis=alt.Axis(title=None, labelOverlap=False, labelLimit=220)),
        color=alt.Color("Mentions:Q", scale=alt.Scale(scheme="purples"),
                        legend=alt.Legend(title="Mentions")),
        tooltip=["Commenter:N", "Faction:N", "Side:N", "Mentions:Q"],
    ).properties(height=alt.Step(24))
    st.altair_chart(heat, width="stretch")
else:
    st.caption("No faction is named in view.")

# --- activity over time ------------------------------------------------------------------------
st.subheader("Activity over time", anchor="activity")
per_entry_places = Counter(r["Entry"] for r in place_rows)
per_entry_actors = Counter(r["Entry"] for r in actor_rows)
timed = [e for e in view.entries if e.posted_at]
activity = pd.DataFrame(
    [{"Time": e.posted_at, "Entry": e.id, "Commenter": name_of(e.author),
      "What": what, "Count": count}
     for e in timed
     for what, count in (("place mentions", per_entry_places[e.id]),
                         ("faction mentions", per_entry_actors[e.id]))],
    columns=["Time", "Entry", "Commenter", "What", "Count"])
untimed = len(view.entries) - len(timed)
if not activity.empty:
    activity["Time"] = pd.to_datetime(activity["Time"])
    bars = alt.Chart(activity).mark_bar(size=9).encode(
        x=alt.X("Time:T", axis=alt.Axis(title="comment posted (local time of the blog)",
                                        format="%d %b %H:%M")),
        y=alt.Y("Count:Q", stack=True, axis=alt.Axis(title="mentions in the comment")),
        color=alt.Color("What:N", scale=alt.Scale(domain=["place mentions", "faction mentions"],
                                                  range=["#d97706", "#6b46c1"]),
                        legend=alt.Legend(title=None, orient="top")),
        tooltip=[alt.Tooltip("Time:T", format="%d %b %Y %H:%M"), "Commenter:N", "Entry:Q",
                 "What:N", "Count:Q"],
    ).properties(height=300)
    st.altair_chart(bars, width="stretch")
if untimed:
    st.caption(f"{untimed} entr{'y' if untimed == 1 else 'ies'} without a time (the post) "
               "not on the time axis.")
