"""An offline base map: country outlines on a pale sea, no tile server needed.

Why: tile servers are on the internet, and the dashboard must work without it. Natural Earth's
country outlines (``data/countries.geojson``, public domain, "Made with Natural Earth") are
drawn as a GeoJson layer in a light land colour; the sea is simply the map's background colour.
The outlines are not interactive, so a click on land reaches the markers and the map instead of
being swallowed by a country polygon. OpenStreetMap tiles can be offered as an alternative
base layer for users who are online.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

import folium
from branca.element import MacroElement
from folium.template import Template

__all__ = [
    "COUNTRIES_PATH",
    "LAND_COLOR",
    "SEA_COLOR",
    "base_map",
    "countries_geojson",
]

COUNTRIES_PATH = Path(__file__).resolve().parents[1] / "data" / "countries.geojson"
SEA_COLOR = "#cfe3f1"
LAND_COLOR = "#f6f3ea"
BORDER_COLOR = "#8f8a80"
NATURAL_EARTH_ATTRIBUTION = "Made with Natural Earth"

#: CSS class on every country path, so tests and styles can tell outlines from markers.
COUNTRY_CLASS = "atlas-country"


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
            </style>
        {% endmacro %}
        {% macro script(this, kwargs) %}{% endmacro %}
        """
    )

    def __init__(self, color: str) -> None:
        super().__init__()
        self._name = "MapStyle"
        self.color = color


def base_map(*, center: tuple[float, float], zoom: int, online_tiles: bool = False) -> folium.Map:
    """Build a folium map whose base layer works offline.

    ``center`` is ``(lat, lon)``. With ``online_tiles=True`` an OpenStreetMap tile layer is
    added as a second, initially hidden base layer; add a ``folium.LayerControl()`` to the map
    (after your own layers) to let users switch to it. ``base_map`` does not add the control
    itself so that a page ends up with one control for base layers and overlays alike.

    Build a fresh map on every Streamlit rerun: ``st_folium`` renames the ids of the map it
    is given, so a map object must not be reused.
    """
    m = folium.Map(
        location=list(center),
        zoom_start=zoom,
        tiles=None,
        control_scale=True,
        minZoom=2,
        maxZoom=13,
    )
    _MapStyle(SEA_COLOR).add_to(m)

    data = countries_geojson()
    # Shallow copies: folium may add an "id" to each feature, and the cached dict is shared.
    features = [dict(feature) for feature in data["features"]]
    folium.GeoJson(
        {"type": "FeatureCollection", "features": features},
        name="Outline map (offline)",
        overlay=False,
        control=online_tiles,
        style_function=_country_style,
        interactive=False,
        className=COUNTRY_CLASS,
        attribution=NATURAL_EARTH_ATTRIBUTION,
    ).add_to(m)

    if online_tiles:
        folium.TileLayer(
            "OpenStreetMap",
            name="OpenStreetMap (online)",
            overlay=False,
            control=True,
            show=False,
        ).add_to(m)
    return m
