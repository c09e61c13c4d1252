"""The folium drawing of a View: what the thread says, as a front-line map (the face).

Why a package of its own: the map page should read like a description of the page, and the
drawing rules (which symbol means what, which colour wins, where a label goes) are easier to
judge, test and change in one place.  The symbols follow the two maps readers already know:
Wikipedia's Syrian civil war map (one dot per town in the colour of whoever holds it, a ring
for a siege, a split dot when two sides fight over it) and Liveuamap (an event symbol per
place, movement arrows).

Everything that changes with the filters, the timeline or the selection is in ONE
``FeatureGroup`` (:func:`place_layers`), so the page can keep a constant base map and pass the
group as ``st_folium(base, feature_group_to_add=...)``: streamlit-folium then swaps the group
in the browser without rebuilding the map (no flash, the reader's pan and zoom are kept).

Offline: only core Leaflet objects are used (``Marker`` with a ``DivIcon``, ``Circle``,
``PolyLine`` and one small script element of our own), plus ``folium.plugins.MarkerCluster``
when a view has more than :data:`CLUSTER_ABOVE` drawn places (the all-threads view of an
archive), whose assets :mod:`atlas.map.assets` serves locally; no ``folium.Icon``, no colormap, no
web font; the glyphs (✈ ✸ ↗ ?) are in DejaVu Sans, which ships with the browser's system
fonts.  Thread text reaches HTML only through :mod:`atlas.markup`.

Clustering: towns, facilities and crossings are gathered into clusters (a circle with the
number of places, sized by their mentions) until the reader zooms in; roads, regions, arrows
and the selected place stay outside, so lines and areas keep their markers and the selection
is always visible.

Place markers are ``DivIcon`` markers rather than ``CircleMarker``s: Leaflet reports a click
on a marker at the marker's own position (a click on a large vector circle is reported where
the mouse was), so :func:`place_at` can map ``last_object_clicked`` back to a place exactly;
and one HTML element can carry the symbol, its status badges and its label.

The package, bottom to top (each module imports only those above it): ``model`` (constants
and the plan's records), ``geometry`` (pixels, distances, the first view, clicks), ``arrows``,
``symbols`` (a pin's HTML), ``labels`` (label placement), ``plan`` (what to draw, no folium),
``cluster``, ``draw`` and ``script`` (folium), ``layers`` (the group the page swaps),
``legend``; ``basemap`` and ``assets`` (the offline base map and its files).
"""

from __future__ import annotations

from atlas.map.cluster import cluster_assets
from atlas.map.framing import fit_bounds, outside_first_view
from atlas.map.geometry import map_center, off_map_places, place_at
from atlas.map.layers import place_layers, selection_layer
from atlas.map.legend import legend_control, legend_html, legend_items
from atlas.map.model import (
    CLUSTER_ABOVE,
    DISPUTED,
    LAYER_NAME,
    MAX_ARROWS,
    MAX_CLUSTERED_ARROWS,
    NEUTRAL,
    clusters,
)

__all__ = [
    "CLUSTER_ABOVE",
    "DISPUTED",
    "LAYER_NAME",
    "MAX_ARROWS",
    "MAX_CLUSTERED_ARROWS",
    "NEUTRAL",
    "cluster_assets",
    "clusters",
    "fit_bounds",
    "legend_control",
    "legend_html",
    "legend_items",
    "map_center",
    "off_map_places",
    "outside_first_view",
    "place_at",
    "place_layers",
    "selection_layer",
]
