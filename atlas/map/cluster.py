"""Clustered markers for a view with many places (Leaflet.markercluster, served locally)."""

from __future__ import annotations

from typing import Any

import folium
import folium.plugins
from branca.element import MacroElement
from folium.elements import JSCSSMixin
from folium.template import Template

from atlas.map.model import _CLUSTER_PX, _UNCLUSTER_ZOOM


class _ClusterAssets(JSCSSMixin):
    """Leaflet.markercluster's script and styles alone, for a base map that may cluster later.

    Why: streamlit-folium loads a map's scripts once, when it first draws the map, and later
    swaps only the place layer; a layer that starts clustering at some timeline step needs
    the plugin already loaded.  The URLs are MarkerCluster's own (local after
    :func:`atlas.map.assets.use_local_assets`).
    """

    _template = Template("")

    def __init__(self) -> None:
        super().__init__()
        self._name = "ClusterAssets"
        self.default_js = list(folium.plugins.MarkerCluster.default_js)
        self.default_css = list(folium.plugins.MarkerCluster.default_css)


def cluster_assets() -> MacroElement:
    """An element to add to a base map so that it can show clustered place layers."""
    return _ClusterAssets()


#: The cluster's symbol: a dark disc with the number of places, sized by their mentions.
_CLUSTER_ICON = """
function (cluster) {
    var markers = cluster.getAllChildMarkers();
    var mentions = 0;
    for (var i = 0; i < markers.length; i++) { mentions += markers[i].options.mentions || 0; }
    var size = Math.round(Math.min(56, 24 + 2.2 * Math.sqrt(mentions)));
    var places = cluster.getChildCount();
    return L.divIcon({
        html: '<div title="' + places + ' places, ' + mentions + ' mentions: click to zoom in"'
            + ' style="width:' + size + 'px;height:' + size + 'px;line-height:' + size + 'px">'
            + places + '</div>',
        className: 'atlas-cluster',
        iconSize: L.point(size, size)
    });
}
"""


class _ClusteredPins(MacroElement):
    """The point markers of a clustered view, made in the browser from one list of data.

    Why not one ``folium.Marker`` each: folium renders every marker, icon, tooltip and popup
    through jinja templates of its own (a few milliseconds a marker, twice per rerun in
    streamlit-folium), which for an archive's hundreds of places would be most of a timeline
    step.  The browser gets exactly what folium would have made (a ``DivIcon`` marker with
    the same HTML, tooltip and popup; see :func:`_draw_pin`), added to the cluster at once.
    Thread text is in the data only as escaped HTML, and ``tojson`` escapes ``<`` and ``>``.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function () {
            var cluster = {{ this._parent.get_name() }};
            var pins = {{ this.pins|tojson }};
            var markers = [];
            for (var i = 0; i < pins.length; i++) {
                var p = pins[i];
                var marker = L.marker(p.at, {
                    icon: L.divIcon({html: p.html, className: p.css, iconSize: [0, 0],
                                     iconAnchor: [0, 0], popupAnchor: [0, p.lift]}),
                    zIndexOffset: p.z, keyboard: true, mentions: p.mentions
                });
                marker.bindTooltip("<div>" + p.tip + "</div>", {sticky: false});
                markers.push(marker);
            }
            cluster.addLayers(markers);
        })();
        {% endmacro %}
        """
    )

    def __init__(self, pins: list[dict[str, Any]]) -> None:
        super().__init__()
        self._name = "ClusteredPins"
        self.pins = pins


def _cluster_layer(group: folium.FeatureGroup) -> folium.plugins.MarkerCluster:
    cluster = folium.plugins.MarkerCluster(
        control=False, icon_create_function=_CLUSTER_ICON, showCoverageOnHover=False,
        maxClusterRadius=_CLUSTER_PX, disableClusteringAtZoom=_UNCLUSTER_ZOOM,
        spiderfyOnMaxZoom=False, chunkedLoading=True)
    cluster.add_to(group)
    return cluster
