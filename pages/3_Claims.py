"""The claims: who, according to whom, did what where — and who said otherwise.

Why: the map draws claims as arrows and markers; an analyst needs them as a table to sort,
filter, export (ACLED-like CSV) and to read each claim against the claim that disputes it.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, replace

import pandas as pd
import streamlit as st

from atlas import cards
from atlas.exports import post_dates
from atlas.state import entry_link
from atlas.ui import keys
from atlas.ui import review as review_ui
from atlas.ui.controls import Page, page_setup
from geo.export import claims_csv
from geo.records import Claim

st.set_page_config(page_title="Claims · Frontline Atlas", page_icon="⚔️", layout="wide")
page = page_setup(title="Claims")
corpus, view = page.corpus, page.view

places = {p.id: p for p in corpus.places}
actors = {a.id: a for a in corpus.actors}
by_id = {c.id: c for c in corpus.claims}
dated = post_dates(corpus)  # the post's claims: the time the CSV export gives them
MODALITY_ORDER = ["reported", "predicted", "speculative", "questioned", "disputed"]


def place_name(place_id: str | None) -> str:
    if not place_id:
        return ""
    place = places.get(place_id)
    return place.name if place else place_id


def route(claim: Claim) -> str:
    return cards.route_words(place_name(claim.origin), place_name(claim.destination))


def when(claim: Claim) -> str:
    return cards.stamp(claim.posted_at, dated=dated.get(claim.entry))


def others(ids: tuple[str, ...]) -> str:
    return ", ".join(f"{i} ({by_id[i].author})" if i in by_id else i for i in ids)


def thread_link(page: Page, entry_id: int) -> str:
    return entry_link(page.state, steps=page.steps, corpus=page.corpus, entry_id=entry_id)


def claim_card(claim: Claim, *, note: str = "") -> str:
    """The claim's words in their sentence, escaped, with a line of who/what/where above."""
    actor = actors.get(claim.actor)
    what = (f"{actor.name if actor else claim.actor} · {claim.action} · "
            f"{', '.join(place_name(p) for p in claim.places)}")
    if route(claim):
        what += f" · {route(claim)}"
    return cards.claim_card(claim, corpus.entries[claim.entry], what=what, note=note,
                            href=thread_link(page, claim.entry), dated=dated.get(claim.entry))


st.title("Claims")
present_actions = sorted({c.action for c in view.claims})
present_modality = sorted({c.modality for c in view.claims},
                          key=lambda m: (MODALITY_ORDER.index(m) if m in MODALITY_ORDER else 99, m))
cols = st.columns([2, 2, 2, 2], vertical_alignment="bottom")
chosen_actions = cols[0].multiselect("Action", present_actions, key=keys.CLAIMS_ACTIONS,
                                     placeholder="all actions")
chosen_modality = cols[1].multiselect("Modality", present_modality, key=keys.CLAIMS_MODALITY,
                                      placeholder="all modalities",
                                      help="reported: said as fact; predicted, speculative, "
                                           "questioned: hedged; disputed: contradicted.")
with_rejected = cols[3].toggle("Show rejected claims", key=keys.CLAIMS_REJECTED,
                               help="Claims an analyst rejected: never on the map; listed "
                                    "here so a verdict can be changed.")
only_place = False
if page.state.place and page.state.place in places:
    only_place = cols[2].toggle(f"Only claims about {place_name(page.state.place)}",
                                key=keys.CLAIMS_ONLY_PLACE)

rejected = [c for c in corpus.claims if c.review == "rejected"] if with_rejected else []
shown = [c for c in [*view.claims, *rejected]
         if (not chosen_actions or c.action in chosen_actions)
         and (not chosen_modality or c.modality in chosen_modality)]
if only_place:
    about = {c.id for c in view.claims_about(page.state.place or "")}
    shown = [c for c in shown if c.id in about]
disputed = sum(1 for c in shown if c.disputes or c.disputed_by)
st.caption(f"{len(shown)} of {len(corpus.claims)} claims in the thread shown "
           f"({disputed} in a dispute). Select a row to read the claim and what disputes it.")

COLUMNS = ["Claim", "Commenter", "Actor", "Side", "Action", "Places", "Origin → destination",
           "Modality", "Confidence", "Review", "Disputed by", "Disputes", "Time", "Entry",
           "Quote"]
frame = pd.DataFrame([{
    "Claim": c.id,
    "Commenter": c.author,
    "Actor": actors[c.actor].name if c.actor in actors else c.actor,
    "Side": actors[c.actor].side if c.actor in actors else "",
    "Action": c.action,
    "Places": ", ".join(place_name(p) for p in c.places),
    "Origin → destination": route(c),
    "Modality": c.modality,
    "Confidence": c.confidence,
    "Review": f"{c.review} ({c.reviewer})" if c.review else "",
    "Disputed by": others(c.disputed_by),
    "Disputes": others(c.disputes),
    "Time": when(c),
    "Entry": c.entry,
    "Quote": c.quote,
} for c in shown], columns=COLUMNS)
ids = [c.id for c in shown]
table_key = "claims_table_" + hashlib.sha1("|".join(ids).encode()).hexdigest()[:12]
event = st.dataframe(
    frame,
    key=table_key,
    on_select="rerun",
    selection_mode="single-row",
    hide_index=True,
    width="stretch",
    height=min(560, 35 * (len(frame) + 1) + 3),
    column_config={
        "Claim": st.column_config.TextColumn(width="small",
                                             help="e<entry>c<number>: the claim's id"),
        "Actor": st.column_config.TextColumn(width="medium"),
        "Side": st.column_config.TextColumn(width="small"),
        "Entry": st.column_config.NumberColumn(width="small", format="#%d"),
        "Confidence": st.column_config.ProgressColumn(
            width="small", min_value=0.0, max_value=1.0, format="%.2f",
            help="How likely the claim is read right (calibrated on annotated texts)"),
        "Review": st.column_config.TextColumn(help="An analyst's verdict, and who gave it"),
        "Quote": st.column_config.TextColumn(width="large", help="The words the claim is read "
                                                                 "from"),
        "Disputes": st.column_config.TextColumn(help="Earlier claims this one contradicts"),
        "Disputed by": st.column_config.TextColumn(help="Later claims that contradict this one"),
        "Origin → destination": st.column_config.TextColumn(help="For movements: from where, "
                                                                 "to where"),
    },
)

stem = corpus.source.rsplit(".", 1)[0] or "thread"
st.download_button(f"Download these {len(shown)} claims as CSV (ACLED-like)",
                   data=claims_csv(replace(corpus, claims=shown)),
                   file_name=f"{stem}-claims.csv", mime="text/csv",
                   icon=":material/download:", disabled=not shown, on_click="ignore")
st.download_button(f"Download these {len(shown)} claims as JSON",
                   data=json.dumps([asdict(c) for c in shown], ensure_ascii=False, indent=1),
                   file_name=f"{stem}-claims.json", mime="application/json",
                   icon=":material/download:", disabled=not shown, on_click="ignore")

rows = event.selection.rows if event is not None else []
if rows and rows[0] < len(shown):
    claim = shown[rows[0]]
    st.markdown(cards.stylesheet(), unsafe_allow_html=True)
    partners = [*claim.disputes, *claim.disputed_by]
    visible_ids = {c.id for c in view.claims}
    if partners:
        st.subheader(f"{claim.id} and what disputes it", anchor="dispute")
        left, *right = st.columns(1 + min(len(partners), 2))
        left.markdown(claim_card(claim), unsafe_allow_html=True)
        for number, other_id in enumerate(partners):
            other = by_id.get(other_id)
            if other is None:
                continue
            relation = "disputed by" if other_id in claim.disputed_by else "disputes"
            note = f"{claim.id} {relation} {other_id}"
            if other_id not in visible_ids:
                note += " (hidden by the current filters)"
            right[number % len(right)].markdown(claim_card(other, note=note),
                                                unsafe_allow_html=True)
    else:
        st.subheader(f"Claim {claim.id}", anchor="claim")
        st.markdown(claim_card(claim, note="No other claim disputes it."),
                    unsafe_allow_html=True)
    st.subheader("Review", anchor="review")
    review_ui.review_form(claim, corpus, key=f"claims_{claim.id}")
