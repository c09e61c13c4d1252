"""Every Streamlit session key, named once.

A key is both the name of a widget's value and a place in ``st.session_state``; a key written
in two files under two spellings is a bug waiting for a rename.  So every key the app reads or
writes is a name here, and tests/test_layers.py refuses a string key written anywhere else.
The values are the ones the app has always used (tests drive widgets by them).

Prefixes say who writes a key: ``w_`` the sidebar's widgets (their values are the view, and
atlas.ui.controls writes them from the URL); a leading ``_`` bookkeeping no widget shows; the
rest a page's own widgets, prefixed with the page.
"""

from __future__ import annotations

# The sidebar: the view's filters, mirrored in the URL (atlas/state.py names the parameters).
THREAD = "w_thread"
TIME = "w_t"
SIDES = "w_sides"
WHO = "w_who"
KINDS = "w_kinds"
CONFIDENCE = "w_conf"
TILES = "w_tiles"
PLACE = "w_place"
WINDOW = "w_window"
SPEED = "w_speed"
REVIEWED = "w_reviewed"
CLAIM_CONFIDENCE = "w_claimconf"
FRONT_COMPARE = "w_front_compare"
#: The sidebar widgets whose values Streamlit must keep when a page does not draw them.
SIDEBAR = (THREAD, TIME, SIDES, WHO, KINDS, CONFIDENCE, TILES, REVIEWED, CLAIM_CONFIDENCE,
           WINDOW, SPEED)

# Bookkeeping, never a widget.
LAST_QUERY = "_atlas_last_query"      # the URL last written, to tell a new link from our own
LAST_STATE = "_atlas_last_state"      # the view state the last run drew
HIGHLIGHT = "_atlas_highlight"        # places of the feed item clicked, ringed on the map
LAST_CLICK = "_atlas_last_click"      # the map click already handled
PLAYING = "_atlas_playing"            # the timeline is playing
NEXT_STEP = "_atlas_next_t"           # the step playback moves to on the next run
RUN_MS = "_atlas_run_ms"              # how long the last map run took (bench/bench_app.py)
LINK_NOTES = "_atlas_link_notes"      # a link's ignored parameters, for the map's side column
PAGE_SHOWN = "_atlas_page_shown"      # the title of the page the last full run drew
MAP_HELD = "_atlas_map_held"          # (map key, frozen layers its frame holds): atlas/ui/frozen.py
MAP_MISSING = "_atlas_map_missing"    # the frame's last "atlas_missing" request, handled
THREAD_TARGET = "_thread_target"      # the entry a link asked the Thread page to show
THREAD_SCROLLED = "_thread_scrolled"  # ... and whether the page has scrolled to it
INGEST_OPEN = "_ingest_open"          # a thread just built, opened on the next run
PLACES_LAST_PICK = "_places_last_pick"  # the table row last picked on Places
REVIEWER = "review_name"              # the reviewer's name, kept between reviews

# A page's own widgets.
PLAY = "play"
PLACES_SEARCH = "places_search"
THREAD_SEARCH = "thread_search"
THREAD_ONLY_PLACE = "thread_only_place"
CLAIMS_ACTIONS = "claims_actions"
CLAIMS_MODALITY = "claims_modality"
CLAIMS_REJECTED = "claims_rejected"
CLAIMS_ONLY_PLACE = "claims_only_place"
COMMENTERS_TOP_PLACES = "commenters_top_places"
PANEL_REVIEW_CLAIM = "panel_review_claim"
PANEL_REVIEW_OPEN = "panel_review_open"  # the panel's review expander (its form made when open)
INGEST_MODE = "ingest_mode"
INGEST_FILE = "ingest_file"
INGEST_NAME = "ingest_name"
INGEST_TEXT = "ingest_text"
INGEST_STRICT = "ingest_strict"
INGEST_LENIENT = "ingest_lenient"
INGEST_GO = "ingest_go"
INGEST_AS_OF = "ingest_as_of"
CLEAR_PLACE = "clear-place"
EXPORT_GEOJSON = "export-geojson"
EXPORT_CSV = "export-csv"
TIMELINE_ROW = "atlas-timeline"  # containers: the key is also their CSS class (st-key-...)
SIDE_COLUMN = "atlas-side"
TO_PANEL = "atlas-to-panel"  # on a phone, under the map: a link down to the selected place
PANEL_ANCHOR = "atlas-place"  # the selected place's heading, the link's target


# Keys of widgets drawn once per item: one family each.
def map_key(source: str, online_tiles: bool) -> str:
    """The map widget: a new thread or tile choice mounts a new map."""
    return f"map-{source}-{online_tiles}"


def pick_key(place_id: str) -> str:
    """The overview's button that selects a place."""
    return f"pick-{place_id}"


def feed_key(item_key: str) -> str:
    """A feed item's button that shows its places on the map."""
    return f"feed-{item_key}"


def review_key(where: str, claim_id: str) -> str:
    """A claim's review form (``where``: ``panel`` or ``claims``); its fields add a suffix."""
    return f"{where}_{claim_id}"


def panel_more_key(place_id: str, noun: str) -> str:
    """The panel's expander with a place's further claims or comments."""
    return f"panel-more-{noun}-{place_id}"
