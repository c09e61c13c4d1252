"""An offline base map: country outlines on a pale sea, no tile server needed.

Why: tile servers are on the internet, and the dashboard must work without it. Natural Earth's
country outlines (``data/countries.geojson``, public domain, "Made with Natural Earth") are
drawn as a GeoJSON layer in a light land colour; the sea is simply the map's background colour.
The outlines are not interactive, so a click on land reaches the markers and the map instead of
being swallowed by a country polygon. OpenStreetMap tiles can be offered as an alternative
base layer for users who are online.

The outlines are fetched by the browser from the app's static folder
(``/app/static/vendor/natural-earth/countries.geojson``, copied there by
:mod:`atlas.map.assets`), not written into the map's script: streamlit-folium renders and sends
the whole base map on every rerun, and 330 KB of coordinates made that a third of a timeline
step.  However late they arrive, they are put behind the halos, roads and arrows.
"""

from __future__ import annotations

import functools
import json
from typing import Any

import folium
from branca.element import MacroElement
from folium.map import Layer
from folium.template import Template

from atlas.map.assets import DEFAULT_URL_PREFIX
from geo.paths import BASEMAP_PATH

__all__ = [
    "COUNTRIES_PATH",
    "LAND_COLOR",
    "MAX_ZOOM",
    "MIN_ZOOM",
    "SEA_COLOR",
    "base_map",
    "countries_geojson",
]

COUNTRIES_PATH = BASEMAP_PATH  # the outlines the gazetteer also takes country points from
SEA_COLOR = "#cfe3f1"
LAND_COLOR = "#f6f3ea"
BORDER_COLOR = "#8f8a80"
NATURAL_EARTH_ATTRIBUTION = "Made with Natural Earth"

#: The zoom range of every map (Leaflet.markercluster builds its clusters over it).
MIN_ZOOM, MAX_ZOOM = 2, 13

#: The first view never zooms closer than this (one place alone is shown with its region).
FIT_MAX_ZOOM = 9

#: The first view's margins (px) round what it fits: the zoom buttons at the top left, and
#: at the bottom the folded legend (with its "Far off" line) over the scale bar, about 95 px
#: tall: a place fitted into that corner was drawn under them (a phone, a tall thread).
FIT_PADDING_TOP_LEFT = (24, 24)
FIT_PADDING_BOTTOM_RIGHT = (24, 100)

#: CSS class on every country path, so tests and styles can tell outlines from markers.
COUNTRY_CLASS = "atlas-country"
#: Where the browser fetches the outlines (``countries.geojson`` in ``static/vendor``).
COUNTRIES_URL = f"{DEFAULT_URL_PREFIX}/natural-earth/countries.geojson"


@functools.cache
def countries_geojson() -> dict[str, Any]:
    """Return the Natural Earth countries as a GeoJSON FeatureCollection (read once per process).

    The file is about 330 KB and already rounded to 4 decimals, so it is used as is. The
    returned dict is shared between all callers: treat it as read-only.
    """
    with COUNTRIES_PATH.open(encoding="utf-8") as f:
        return json.load(f)


def _country_style(_feature: dict[str, Any]) -> dict[str, Any]:
    return {
        "fillColor": LAND_COLOR,
        "fillOpacity": 1.0,
        "color": BORDER_COLOR,
        "weight": 0.8,
        "opacity": 1.0,
    }


class _MapStyle(MacroElement):
    """Page CSS for the map: the sea colour, and no focus box around a clicked marker.

    A header ``<style>`` rather than an inline style because streamlit-folium drops folium's
    map ``<div>`` and renders into its own; it does copy the header, renaming the map's id.
    An id selector outranks Leaflet's ``.leaflet-container { background: #ddd }``. Chromium
    draws a black box around an SVG marker that took focus from a mouse click; keyboard
    focus (``:focus-visible``) keeps its outline.
    """

    _template = Template(
        """
        {% macro header(this, kwargs) %}
            <style>
                #{{ this._parent.get_name() }} { background: {{ this.color }}; }
                #{{ this._parent.get_name() }} .leaflet-interactive:focus:not(:focus-visible) {
                    outline: none;
                }
                /* folium's ".leaflet-container { font-size: 1rem }" made the scale's
                   text wider than its bar ("50 km" ran past the bar's end) */
                #{{ this._parent.get_name() }} .leaflet-control-scale-line,
                #{{ this._parent.get_name() }} .leaflet-control-attribution {
                    font-size: 11px;
                }
                /* the page sizes the map's frame to the screen; the map fills the frame */
                #map_div { height: 100vh !important; }
            </style>
        {% endmacro %}
        {% macro script(this, kwargs) %}
        (function () {
            // Leaflet focuses the map on mouse down, and focusing an element scrolls every
            // page around it until the element is in view: with the map partly off screen
            // the page jumped between press and release and the click landed elsewhere.
            var map = {{ this._parent.get_name() }};
            var keyboard = map.keyboard;
            if (keyboard && keyboard._onMouseDown) {
                L.DomEvent.off(map.getContainer(), "mousedown", keyboard._onMouseDown, keyboard);
                keyboard._onMouseDown = function () {
                    if (!this._focused) { this._map.getContainer().focus({preventScroll: true}); }
                };
                L.DomEvent.on(map.getContainer(), "mousedown", keyboard._onMouseDown, keyboard);
            }
        })();
        {% endmacro %}
        """
    )

    def __init__(self, color: str) -> None:
        super().__init__()
        self._name = "MapStyle"
        self.color = color


class _Countries(Layer):
    """The country outlines: a GeoJSON layer that fetches its data once it is on the map.

    A ``Layer`` (so a ``LayerControl`` can list it as a base layer; folium adds it to the map)
    with no data of its own in the script.  Once the data is in, the outlines are moved
    behind every other shape of the overlay pane, which may have been drawn first.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = (function () {
            var layer = L.geoJSON(null, {{ this.layer_options|tojson }});
            layer.once("add", function () {
                fetch({{ this.url|tojson }})
                    .then(function (response) { return response.json(); })
                    .then(function (data) { layer.addData(data); layer.bringToBack(); });
            });
            return layer;
        })();
        {% endmacro %}
        """
    )

    def __init__(self, url: str, *, name: str, control: bool) -> None:
        super().__init__(name=name, overlay=False, control=control, show=True)
        self._name = "Countries"
        self.url = url
        style = _country_style({})
        self.layer_options = {
            "interactive": False, "className": COUNTRY_CLASS,
            "attribution": NATURAL_EARTH_ATTRIBUTION, "style": style, **style,
        }


def base_map(*, center: tuple[float, float], zoom: int, online_tiles: bool = False,
             bounds: list[list[float]] | None = None) -> folium.Map:
    """Build a folium map whose base layer works offline.

    ``center`` is ``(lat, lon)``. With ``online_tiles=True`` (the user's explicit choice) an
    OpenStreetMap tile layer is added and shown, with a layer control to switch back to the
    offline outline map.  ``bounds`` (``[[south, west], [north, east]]``): the first view
    fits them at the map's real size in the browser, whatever the screen.

    Build a fresh map on every Streamlit rerun: ``st_folium`` renames the ids of the map it
    is given, so a map object must not be reused.
    """
    m = folium.Map(
        location=list(center),
        zoom_start=zoom,
        tiles=None,
        control_scale=True,
        minZoom=MIN_ZOOM,
        maxZoom=MAX_ZOOM,
    )
    _MapStyle(SEA_COLOR).add_to(m)
    if bounds:
        m.fit_bounds(bounds, padding_top_left=FIT_PADDING_TOP_LEFT,
                     padding_bottom_right=FIT_PADDING_BOTTOM_RIGHT, max_zoom=FIT_MAX_ZOOM)

    _Countries(COUNTRIES_URL, name="Outline map (offline)", control=online_tiles).add_to(m)

    if online_tiles:
        folium.TileLayer(
            "OpenStreetMap",
            name="OpenStreetMap (online)",
            overlay=False,
            control=True,
            show=True,  # the user switched tiles on: show them, the control switches back
        ).add_to(m)
        folium.LayerControl(collapsed=True).add_to(m)
    return m
