"""Frontline Atlas — the map page: the thread's places, claims and movements, over time.

The app's home page (``app.py`` names it first): ``streamlit run app.py`` opens it, and builds
data/atlas.sqlite from seeds/ on the first start.  Map first: the map fills the first screen
with the timeline and play control under it; beside it (below it on a phone) the selected
place's panel and the feed; counts, the bar chart, exports and the share link come after.
"""

from __future__ import annotations

import bisect
import time
from dataclasses import replace
from pathlib import Path
from urllib.parse import urlencode

import streamlit as st
from streamlit_folium import st_folium

from atlas import cards, markup
from atlas.charts import timeline_chart_html
from atlas.exports import export_name, view_export
from atlas.map import (
    cluster_assets,
    clusters,
    fit_bounds,
    legend_control,
    legend_items,
    map_center,
    outside_first_view,
    place_at,
    place_layers,
    selection_layer,
)
from atlas.map.assets import install_static_assets, use_local_assets
from atlas.map.basemap import base_map
from atlas.map.frontlines import front_view, frontline_layers
from atlas.map.frontlines import legend_html as front_legend_html
from atlas.map.frontlines import legend_items as front_legend_items
from atlas.playback import BASE_SECONDS
from atlas.state import SELECTED_PLACE, share_link, to_query
from atlas.ui import feed, keys, panel
from atlas.ui.controls import (
    TOP_PADDING_REM,
    page_setup,
    playback_controls,
    select_place,
    show_notes,
    sync_url,
    timeline_slider,
)
from atlas.ui.frozen import frozen_layer
from atlas.view import Filters, apply_filters

STARTED = time.perf_counter()  # bench/bench_app.py reads how long each script run took
ROOT = Path(__file__).resolve().parent.parent
# Everything the first screen holds besides the map: the page's top margin and the
# timeline row under the map, with the slider's end labels that show while it has the
# focus (px); the map takes the rest of the screen's height.
CHROME_PX = 140
PHONE_CHROME_PX = 250
PAGE_CSS = f"""
<style>
[data-testid="stMainBlockContainer"] {{padding: {TOP_PADDING_REM}rem 1rem 1rem 1rem;}}
iframe[title="streamlit_folium.st_folium"] {{height: max(320px, calc(100vh - {CHROME_PX}px))
                                             !important;}}
div.st-key-atlas-side.st-key-atlas-side {{
    height: max(320px, calc(100vh - {CHROME_PX - 64}px)) !important;
    flex: 0 0 auto !important; min-height: 0 !important;
                    overflow-y: auto; overflow-x: hidden; flex-wrap: nowrap;}}
.st-key-atlas-timeline [data-testid="stSlider"] {{padding-top: 0;}}
/* the thread's title beside the map, whole: a headline of 80 characters at most, cut at a
   word (geo/formats/titles.py); a clamp to two lines cut it again, mid-word, beside the
   open sidebar ("Hatay ar…") */
.atlas-thread-title {{font-weight: 600; line-height: 1.35; overflow-wrap: anywhere;}}
/* the Play and Playback buttons keep their words when the sidebar narrows the row
   (the slider gives way, and the row stays one row) */
@media (min-width: 641px) {{
  .st-key-atlas-timeline [data-testid="stHorizontalBlock"] {{flex-wrap: nowrap;}}
  .st-key-atlas-timeline [data-testid="stColumn"]:first-child {{min-width: 6.5rem;}}
  .st-key-atlas-timeline [data-testid="stColumn"]:last-child {{min-width: 9.5rem;}}
}}
/* beside the map (a wide screen) the panel is in sight: no link down to it */
div.st-key-{keys.TO_PANEL},
[data-testid="stLayoutWrapper"]:has(> div.st-key-{keys.TO_PANEL}) {{display: none;}}
/* a phone stacks the timeline row (play, slider, options): the map leaves room for it */
@media (max-width: 640px) {{
  iframe[title="streamlit_folium.st_folium"] {{
      height: max(300px, calc(100vh - {PHONE_CHROME_PX}px)) !important;}}
  div.st-key-atlas-side.st-key-atlas-side {{height: auto !important; overflow-y: visible;}}
  div.st-key-{keys.TO_PANEL},
  [data-testid="stLayoutWrapper"]:has(> div.st-key-{keys.TO_PANEL}) {{display: flex;}}
}}
</style>
"""

st.set_page_config(page_title="Frontline Atlas", page_icon="🗺️", layout="wide",
                   initial_sidebar_state="collapsed")
install_static_assets(ROOT)
use_local_assets()

# A pending step from the play control is applied before the slider exists in this run.
if keys.NEXT_STEP in st.session_state:
    st.session_state[keys.TIME] = st.session_state.pop(keys.NEXT_STEP)

if st.session_state.get(keys.PAGE_SHOWN) != "Map":
    st.session_state.pop(keys.MAP_HELD, None)  # back from another page: a new map frame
page = page_setup(title="Map", timeline_in_sidebar=False, draw_notes=False)
view, state, steps = page.view, page.state, page.steps
stops = page.stops.indices
st.markdown(PAGE_CSS, unsafe_allow_html=True)

# Reaching the last stop ends playing before the button is drawn, so it shows "Play".
if st.session_state.get(keys.PLAYING) and st.session_state.get(keys.TIME, stops[-1]) >= stops[-1]:
    st.session_state[keys.PLAYING] = False


def _toggle_play() -> None:
    """Play or pause; play at the end starts again from the beginning."""
    playing = not st.session_state.get(keys.PLAYING, False)
    st.session_state[keys.PLAYING] = playing
    if playing and st.session_state.get(keys.TIME, stops[-1]) >= stops[-1]:
        st.session_state[keys.TIME] = stops[0]


MAP_KEY = keys.map_key(page.corpus.source, state.online_tiles)
#: The region a selection changes (the map's selection ring, the panel, the feed, the share
#: link) is one fragment: a click on the map or on a feed item reruns only it, not the page.
SELECTION_FRAGMENT = "atlas-selection"


def _take_click(state):
    """A click on the map is in the map's value when this run starts: taken here, before
    anything is drawn, the same run rings the place on the map and opens its panel."""
    point = (st.session_state.get(MAP_KEY) or {}).get("last_object_clicked")
    if point and point != st.session_state.get(keys.LAST_CLICK):
        st.session_state[keys.LAST_CLICK] = point
        picked = place_at(view, point.get("lat"), point.get("lng"))
        if picked and picked != state.place:
            select_place(picked)
            st.session_state.pop(keys.HIGHLIGHT, None)
    return replace(state, place=st.session_state.get(keys.PLACE))


def _held_layers() -> list[str]:
    """The frozen layers this session's map frame holds (atlas/ui/frozen.py): forgotten for
    a new frame (another map key, a page switch) or when the frame asks for a layer."""
    missing = (st.session_state.get(MAP_KEY) or {}).get("atlas_missing")
    held = st.session_state.get(keys.MAP_HELD)
    if held is None or held[0] != MAP_KEY or (
            missing and missing != st.session_state.get(keys.MAP_MISSING)):
        held = st.session_state[keys.MAP_HELD] = (MAP_KEY, [])
    st.session_state[keys.MAP_MISSING] = missing
    return held[1]


def _draw_map(state) -> None:
    """The map: the place and front-line layers (rendered once per view) and the selection."""
    # The base map stays the same for a thread (its frame comes from the whole thread, not
    # the filtered view): only the place layer changes, so the map never reloads or flashes.
    everything = apply_filters(page.corpus, Filters())
    center, zoom = map_center(everything)
    base = base_map(center=center, zoom=zoom, online_tiles=state.online_tiles,
                    bounds=fit_bounds(everything))
    if clusters(everything):
        # The browser loads a map's scripts once, when the map is first drawn: a map that may
        # cluster at some step carries Leaflet.markercluster from the start.
        cluster_assets().add_to(base)
    # Rendered once per view (atlas/ui/frozen.py): a click, which changes only the selection,
    # reruns the page without rendering the place and front-line layers again.
    compare = st.session_state.get(keys.FRONT_COMPARE)
    front = front_view(view, steps=steps, compare_until=compare)
    # the front lines' popups link to comments with the filters, the time and the selection;
    # the layer is drawn once per view, so its links hold a stand-in the map fills in
    linked = replace(state, place=SELECTED_PLACE)
    outside = tuple(p.name for p in outside_first_view(everything))

    def _places():
        layer = place_layers(view)
        legend_control(legend_items(view), outside=outside,
                       extra_html=front_legend_html(front_legend_items(front))).add_to(layer)
        return layer

    held = _held_layers()
    layers = [
        frozen_layer(lambda: frontline_layers(view, state=linked, steps=steps, front=front),
                     owner=view, key=("front", compare, urlencode(to_query(linked, steps=steps),
                                                                  doseq=True)), held=held),
        frozen_layer(_places, owner=view, key=("places", outside), held=held),
        selection_layer(view, selected=state.place,
                        highlight=st.session_state.get(keys.HIGHLIGHT) or ()),
    ]
    st_folium(
        base,
        key=MAP_KEY,
        feature_group_to_add=layers,
        height=560,  # the page's CSS sizes the frame to the screen
        use_container_width=True,
        returned_objects=["last_object_clicked"],
    )


def _share_link(state) -> None:
    st.code(share_link(st.context.url, to_query(state, steps=steps)), language=None)


@st.fragment(key=SELECTION_FRAGMENT)
def _selection_view(map_slot, side_slot, share_slot) -> None:
    """What a selection changes, drawn into the page's slots; the URL and the session's last
    view follow the selection, so a shared link shows the same place."""
    started = time.perf_counter()
    state = _take_click(page.state)
    sync_url(state, steps)
    st.session_state[keys.LAST_STATE] = state
    with map_slot:
        _draw_map(state)
        if state.place and view.place(state.place):
            # on a phone the panel is far below the map: a tap must show that it opened
            st.container(key=keys.TO_PANEL).markdown(
                f'<a href="#{keys.PANEL_ANCHOR}">{markup.text(view.said_name(state.place))}: '
                "what the thread says ↓</a>", unsafe_allow_html=True)
    with side_slot:
        # a link's notes show beside the map (not above it) until the next click or move
        show_notes(st.session_state.pop(keys.LINK_NOTES, []))
        if state.place:
            panel.render(view, state=state, steps=steps)
        feed.render(view, state=state, steps=steps)
    with share_slot:
        _share_link(state)
    st.session_state[keys.RUN_MS] = (time.perf_counter() - started) * 1000  # a full run's wins


map_col, side_col = st.columns([3, 1], gap="small")
with map_col:
    map_slot = st.container()
    timeline_row = st.container(key=keys.TIMELINE_ROW)
with side_col, st.container(key=keys.SIDE_COLUMN):
    timed = [s.at for s in steps if s.at]
    span = ("no timestamps" if not timed else cards.stamp(timed[0]) if timed[0] == timed[-1]
            else f"{cards.stamp(timed[0])} → {cards.stamp(timed[-1])}")
    count = len(page.corpus.entries)
    # the thread by its title (its first line, the page's or the export's), the file after
    named = (f"All threads: {len(page.threads)} threads" if page.all_threads
             else page.corpus.title or page.corpus.source)
    source = "" if page.all_threads or named == page.corpus.source else (
        f"file {page.corpus.source} · ")
    shown = "" if state.window is None else f" · showing {state.window.describe()}"
    f = state.filters
    chosen = [*sorted(f.sides), *sorted(f.commenters), *sorted(f.kinds)]
    if f.min_confidence:
        chosen.append(f"confidence ≥ {f.min_confidence:g}")
    # the sidebar starts folded on this page: the filters in force are said here
    only = f" · only: {', '.join(chosen)} (sidebar »)" if chosen else ""
    st.markdown(f'<div class="atlas-thread-title" title="{markup.text(named)}">'
                f"{markup.text(named)}</div>", unsafe_allow_html=True)
    st.caption(f"{source}{count} entr{'y' if count == 1 else 'ies'} · {span}{shown}{only}")
    side_slot = st.container()
secondary = st.container()
with st.expander("Share this view"):
    share_slot = st.container()
    st.caption("The link reproduces the time, the play mode, the filters and the selected "
               "place. Base map: Made with Natural Earth (public domain).")
_selection_view(map_slot, side_slot, share_slot)

# --- the timeline under the map ------------------------------------------------------------
def _timeline_row() -> None:
    """Play, the slider and the playback options; none of them for a thread of one moment
    (one comment, or one day of an archive stepped by day): there is nothing to play."""
    if len(stops) < 2:
        st.caption("One moment in this thread: nothing to play.")
        return
    play_col, slider_col, options_col = st.columns([2, 12, 3], vertical_alignment="center")
    playing = bool(st.session_state.get(keys.PLAYING))
    grain = page.stops.grain
    # no tooltip on Play: the button is redrawn under the pointer on a click, so a tooltip
    # stayed over the map until the pointer moved; what it said is under Playback
    play_col.button("Pause" if playing else "Play", key=keys.PLAY, on_click=_toggle_play,
                    icon=":material/pause:" if playing else ":material/play_arrow:",
                    width="stretch")
    with slider_col:
        timeline_slider(page, container=st, compact=True)
    with options_col.popover("Playback", icon=":material/tune:", width="stretch"):
        st.caption("Play steps through the thread comment by comment." if grain == "comment"
                   else f"Play steps through the threads {grain} by {grain}.")
        playback_controls()
        st.selectbox("Front lines: compare with", [None, *stops], key=keys.FRONT_COMPARE,
                     format_func=lambda i: ("no other moment" if i is None
                                            else page.stops.labels[i]),
                     help="Outline what changed hands between that moment and now")


with timeline_row:
    _timeline_row()

# --- secondary: counts, the bar chart, the places list, exports, the share link -------------
with secondary:
    metric = st.columns(4)
    label, number, extra = cards.entry_count(view.entries, page.corpus.entries)
    metric[0].metric(label, number, help=extra)
    metric[1].metric("Places", len(view.places))
    metric[2].metric("Place mentions", len(view.mentions))
    metric[3].metric("Claims", len(view.claims))
    st.markdown(timeline_chart_html(page), unsafe_allow_html=True)

    places_col, export_col = st.columns([3, 2])
    with places_col, st.expander("Places in view", expanded=False):
        panel.render_overview(view)
    with export_col:
        # the files are made only when a button is pressed (a callable), not on every run
        name = export_name(view, steps, state.window)
        st.markdown("**Export what you see** (filters and time applied)")
        down = st.columns(2)
        down[0].download_button("GeoJSON", lambda: view_export(view, steps, state.window).geojson,
                                f"{name}.geojson", mime="application/geo+json",
                                icon=":material/download:", key=keys.EXPORT_GEOJSON)
        down[1].download_button("CSV", lambda: view_export(view, steps, state.window).csv,
                                f"{name}.csv", mime="text/csv", icon=":material/download:",
                                key=keys.EXPORT_CSV)
        st.caption(f"Files: {name}.geojson (places), {name}.csv (claims)")

st.session_state[keys.RUN_MS] = (time.perf_counter() - STARTED) * 1000

if st.session_state.get(keys.PLAYING) and len(stops) > 1:
    current = st.session_state.get(keys.TIME, stops[-1])
    time.sleep(BASE_SECONDS / max(0.25, state.speed))
    following = min(len(stops) - 1, bisect.bisect_right(stops, current))
    st.session_state[keys.NEXT_STEP] = stops[following]
    st.rerun()
