"""Frontline Atlas — the map page: the thread's places, claims and front lines, over time.

The app's home page (``app.py`` names it first): ``streamlit run app.py`` opens it, and builds
data/atlas.sqlite from seeds/ on the first start.
"""

from __future__ import annotations

import bisect
import time
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import streamlit as st
from streamlit_folium import st_folium

from atlas import panel
from atlas.assets import install_static_assets, use_local_assets
from atlas.basemap import base_map
from atlas.charts import timeline_chart_html
from atlas.controls import page_setup, select_place, sync_url, timeline_slider
from atlas.frontlines import front_view, frontline_layers
from atlas.frontlines import legend_html as front_legend_html
from atlas.frontlines import legend_items as front_legend_items
from atlas.mapview import (
    cluster_assets,
    clusters,
    legend_html,
    legend_items,
    map_center,
    place_at,
    place_layers,
)
from atlas.state import ViewState, to_query
from atlas.view import Filters, apply_filters

STARTED = time.perf_counter()  # bench/bench_app.py reads how long each script run took
ROOT = Path(__file__).resolve().parent.parent
PLAY_STEP_SECONDS = 1.2

st.set_page_config(page_title="Frontline Atlas", page_icon="🗺️", layout="wide")
install_static_assets(ROOT)
use_local_assets()

# A pending step from the play control is applied before the slider exists in this run.
if "_atlas_next_t" in st.session_state:
    st.session_state["w_t"] = st.session_state.pop("_atlas_next_t")

page = page_setup(title="Map", timeline_in_sidebar=False)
view, state, steps = page.view, page.state, page.steps
stops = page.stops.indices

st.title("Frontline Atlas")
timed = [s.at for s in steps if s.at]
span = (f"{timed[0][:16].replace('T', ' ')} → {timed[-1][:16].replace('T', ' ')}"
        if timed else "no timestamps")
source = (f"All threads: {len(page.threads)} threads" if page.all_threads
          else f"Thread: {page.corpus.source}")
st.caption(f"{source} · {len(page.corpus.entries)} entries · {span} · "
           "places geocoded offline (GeoNames + curated supplement)")

# --- timeline -----------------------------------------------------------------------------
chart_col, play_col = st.columns([12, 1], vertical_alignment="bottom")
with chart_col:
    st.markdown(timeline_chart_html(page), unsafe_allow_html=True)
    timeline_slider(page, container=st)
with play_col:
    playing = st.session_state.get("_atlas_playing", False)
    grain = page.stops.grain
    step_help = ("Step through the thread comment by comment" if grain == "comment"
                 else f"Step through the threads {grain} by {grain}")
    if st.button("⏸" if playing else "▶", help=step_help, key="play"):
        playing = not playing
        st.session_state["_atlas_playing"] = playing
        if playing and st.session_state.get("w_t", stops[-1]) >= stops[-1]:
            st.session_state["_atlas_next_t"] = stops[0]
            st.rerun()

metric = st.columns(4)
metric[0].metric("Comments shown", len(view.entries))
metric[1].metric("Places", len(view.places))
metric[2].metric("Place mentions", len(view.mentions))
metric[3].metric("Claims", len(view.claims))

# --- map and panel ------------------------------------------------------------------------
map_col, panel_col = st.columns([3, 2], gap="medium")
with map_col:
    # The base map stays the same for a thread (its centre comes from the whole thread, not the
    # filtered view): only the "Thread" layer changes, so the map never reloads or flashes.
    everything = apply_filters(page.corpus, Filters())
    center, zoom = map_center(everything)
    base = base_map(center=center, zoom=zoom, online_tiles=state.online_tiles)
    if clusters(everything):
        # The browser loads a map's scripts once, when the map is first drawn: a map that may
        # cluster at some step carries Leaflet.markercluster from the start.
        cluster_assets().add_to(base)
    front = front_view(view, steps=steps, compare_until=st.session_state.get("w_front_compare"))
    clicked = st_folium(
        base,
        key=f"map-{page.corpus.source}-{state.online_tiles}",
        feature_group_to_add=[frontline_layers(view, state=state, steps=steps, front=front),
                              place_layers(view, selected=state.place)],
        height=620,
        use_container_width=True,
        returned_objects=["last_object_clicked"],
    )
    st.markdown(legend_html(legend_items(view)), unsafe_allow_html=True)
    st.markdown(front_legend_html(front_legend_items(front)), unsafe_allow_html=True)
    st.selectbox("Front lines: compare with", [None, *stops], key="w_front_compare",
                 format_func=lambda i: "no other moment" if i is None else page.stops.labels[i])

point = (clicked or {}).get("last_object_clicked")
if point and point != st.session_state.get("_atlas_last_click"):
    st.session_state["_atlas_last_click"] = point
    picked = place_at(view, point.get("lat"), point.get("lng"))
    if picked and picked != state.place:
        select_place(picked)
        state = ViewState(state.thread, state.filters, picked, state.online_tiles)
        sync_url(state, steps)
        st.rerun()

with panel_col:
    panel.render(view, state=state, steps=steps)

# --- share --------------------------------------------------------------------------------
with st.expander("Share this view"):
    url = urlsplit(st.context.url or "")
    base_url = f"{url.scheme}://{url.netloc}{url.path}" if url.netloc else "./"
    query = urlencode(to_query(state, steps=steps), doseq=True)
    st.code(f"{base_url}?{query}" if query else base_url, language=None)
    st.caption("The link reproduces the time, the filters and the selected place. "
               "Base map: Made with Natural Earth (public domain).")

st.session_state["_atlas_run_ms"] = (time.perf_counter() - STARTED) * 1000

if st.session_state.get("_atlas_playing"):
    current = st.session_state.get("w_t", stops[-1])
    if current >= stops[-1]:
        st.session_state["_atlas_playing"] = False
    else:
        time.sleep(PLAY_STEP_SECONDS)
        st.session_state["_atlas_next_t"] = stops[bisect.bisect_right(stops, current)]
        st.rerun()
