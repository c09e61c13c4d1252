"""The gazetteer's view of the thread: every place it resolved, and the names it could not.

Why: an analyst checks the geocoding here before trusting the map: which GeoNames (or
supplement) entry a name went to, how sure the geoparser was, and what was said there.
Selecting a row selects the place for every page (the map centres on it, the URL keeps it).
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from dataclasses import replace

import pandas as pd
import streamlit as st

from atlas import cards, markup
from atlas.exports import post_dates
from atlas.state import entry_link
from atlas.ui import keys
from atlas.ui.controls import Page, page_setup, select_place
from geo.export import to_geojson
from geo.paths import CREDITS_PATH
from geo.records import Entry, Place

st.set_page_config(page_title="Places · Frontline Atlas", page_icon="📍", layout="wide")
page = page_setup(title="Places")
corpus, view = page.corpus, page.view
dated = post_dates(corpus)  # the post: the time the exports give it



def fold(value: str) -> str:
    """Lower case without accents or punctuation: 'I‘zāz' and 'izaz' compare equal."""
    plain = unicodedata.normalize("NFKD", value)
    plain = "".join(c for c in plain if not unicodedata.combining(c)).casefold()
    return re.sub(r"[^\w ]+", "", plain)


def stamp(entry: Entry) -> str:
    return cards.stamp(entry.posted_at, kind=entry.kind, dated=dated.get(entry.id))


def thread_link(page: Page, entry_id: int) -> str:
    """A link to the entry on the Thread page that keeps this page's filters."""
    return entry_link(page.state, steps=page.steps, corpus=page.corpus, entry_id=entry_id)


def sentence(entry: Entry, start: int, end: int) -> str:
    left, right, head, tail = markup.word_context(entry.text, start, end)
    return head + " ".join(entry.text[left:right].split()) + tail


st.title("Places")

surfaces: dict[str, set[str]] = {}
best: dict[str, float] = {}
for mention in view.mentions:
    surfaces.setdefault(mention.place, set()).add(mention.surface)
    best[mention.place] = max(best.get(mention.place, 0.0), mention.confidence)
claim_counts = {p.id: len(view.claims_about(p.id)) for p in view.places}

query = st.text_input("Search place names", key=keys.PLACES_SEARCH,
                      placeholder="e.g. Azaz, Manbij, air base",
                      help="Matches the gazetteer name and the names as the thread writes them; "
                           "accents and case do not matter.")
needle = fold(query or "").strip()


def matches(place: Place) -> bool:
    if not needle:
        return True
    names = [place.name, place.id, *surfaces.get(place.id, ())]
    return any(needle in fold(name) for name in names)


shown: list[Place] = [p for p in view.places if matches(p)]
st.caption(f"{len(shown)} of {len(view.places)} places in view "
           f"({len(corpus.places)} in the whole thread). Select a row to see what was said there; "
           "the selection carries over to the map.")

rows = [{
    "id": p.id,
    "Place": p.name,
    "Written as": ", ".join(sorted(surfaces.get(p.id, ()))),
    "Kind": p.kind,
    "Country": p.country,
    "Latitude": p.lat,
    "Longitude": p.lon,
    "Gazetteer": p.source,
    "Gazetteer id": p.gazetteer_id,
    "Mentions": view.counts.get(p.id, 0),
    "Best confidence": best.get(p.id, 0.0),
    "Claims": claim_counts.get(p.id, 0),
    "Sides": ", ".join(view.sides_by_place.get(p.id, [])),
} for p in shown]
frame = pd.DataFrame(rows, columns=["id", "Place", "Written as", "Kind", "Country", "Mentions",
                                    "Best confidence", "Claims", "Sides", "Latitude", "Longitude",
                                    "Gazetteer", "Gazetteer id"])
ids = [p.id for p in shown]
# The table's key follows its rows: a selection is a row number, and must not silently point
# at another place when a filter or the search changes the rows.
table_key = "places_table_" + hashlib.sha1("|".join(ids).encode()).hexdigest()[:12]
preselected = [ids.index(page.state.place)] if page.state.place in ids else []
event = st.dataframe(
    frame,
    key=table_key,
    on_select="rerun",
    selection_mode="single-row",
    selection_default={"selection": {"rows": preselected}},
    hide_index=True,
    width="stretch",
    height=min(560, 35 * (len(frame) + 1) + 3),
    column_order=[c for c in frame.columns if c != "id"],
    column_config={
        "Place": st.column_config.TextColumn("Place", help="Name in the gazetteer"),
        "Written as": st.column_config.TextColumn(help="The names as the thread writes them"),
        "Kind": st.column_config.TextColumn(width="small"),
        "Country": st.column_config.TextColumn(width="small", help="ISO 3166 country code"),
        "Latitude": st.column_config.NumberColumn(format="%.4f", width="small"),
        "Longitude": st.column_config.NumberColumn(format="%.4f", width="small"),
        "Gazetteer": st.column_config.TextColumn(
            help="The source records of the place: GeoNames and Who's On First ids, OCHA "
                 "P-code, airportsdata ICAO code, or the curated row and the article it cites",
            width="medium"),
        "Gazetteer id": st.column_config.TextColumn(help="The place's id in that gazetteer"),
        "Mentions": st.column_config.NumberColumn(help="Mentions in view (filters applied)",
                                                  width="small"),
        "Best confidence": st.column_config.ProgressColumn(
            min_value=0.0, max_value=1.0, format="%.2f",
            help="The geoparser's highest confidence over the mentions in view"),
        "Claims": st.column_config.NumberColumn(help="Claims in view about this place",
                                                width="small"),
        "Sides": st.column_config.TextColumn(help="Sides whose claims or names come near it"),
    },
)

picked_rows = event.selection.rows if event is not None else []
picked = ids[picked_rows[0]] if picked_rows and picked_rows[0] < len(ids) else None
last_key, last_pick = st.session_state.get(keys.PLACES_LAST_PICK, (None, None))
st.session_state[keys.PLACES_LAST_PICK] = (table_key, picked)
if picked is not None and picked != page.state.place:
    select_place(picked)
    st.rerun()
if picked is None and last_key == table_key and last_pick is not None:
    select_place(None)  # the user cleared the row
    st.rerun()

geojson = to_geojson(replace(corpus, places=shown, mentions=view.mentions, claims=view.claims))
stem = corpus.source.rsplit(".", 1)[0] or "thread"
st.download_button(f"Download these {len(shown)} places as GeoJSON",
                   data=json.dumps(geojson, ensure_ascii=False, indent=2),
                   file_name=f"{stem}-places.geojson", mime="application/geo+json",
                   icon=":material/download:", disabled=not shown, on_click="ignore")

# --- the selected place ---------------------------------------------------------------------
selected = page.state.place
place = next((p for p in corpus.places if p.id == selected), None) if selected else None
if place is not None:
    st.subheader(f"Mentions of {place.name}", anchor="mentions")
    own = view.mentions_of(place.id)
    if view.place(place.id) is None:
        st.info(f"{place.name} is selected but hidden by the current filters.", icon="ℹ️")
    elif not own:
        st.caption("No mention in view names it directly; it appears through claims only.")
    items = [cards.mention_item(view.entry(m.entry), m, href=thread_link(page, m.entry),
                                dated=dated.get(m.entry))
             for m in own]
    if items:
        st.markdown(cards.stylesheet() + f'<ul class="fa-mentions">{"".join(items)}</ul>',
                    unsafe_allow_html=True)
    claims = view.claims_about(place.id)
    if claims:
        st.page_link("pages/3_Claims.py", label=f"{len(claims)} claims about {place.name} →",
                     icon=":material/gavel:")

# --- names the gazetteer does not know --------------------------------------------------------
st.subheader("Unresolved names", anchor="unresolved")
visible_entries = {e.id for e in view.entries}
unresolved = [u for u in corpus.unresolved
              if u.entry in visible_entries and (not needle or needle in fold(u.surface))]
if unresolved:
    st.caption("Names that read as places but that no gazetteer resolves: kept, never placed. "
               "Add them to data/gazetteer_supplement.csv or data/gazetteer_aliases.csv.")
    st.dataframe(
        pd.DataFrame([{
            "Name": u.surface,
            "Entry": u.entry,
            "Commenter": view.entry(u.entry).author,
            "Time": stamp(view.entry(u.entry)),
            "Sentence": sentence(view.entry(u.entry), u.start, u.end),
        } for u in unresolved]),
        hide_index=True, width="stretch",
        column_config={"Entry": st.column_config.NumberColumn(width="small", format="#%d"),
                       "Sentence": st.column_config.TextColumn(width="large")},
    )
else:
    st.caption("Every place-like name in view was resolved." if not needle
               else "No unresolved name matches the search.")

# --- credits the gazetteers' licences ask for ---------------------------------------------------
CREDITS = CREDITS_PATH
with st.expander("Data credits and licences"):
    st.markdown(CREDITS.read_text(encoding="utf-8") if CREDITS.exists()
                else "GeoNames (CC BY 4.0), Who's On First, UN OCHA (CC BY-IGO), "
                     "airportsdata (MIT).")
