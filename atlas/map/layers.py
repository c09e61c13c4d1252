"""The one FeatureGroup that changes with the filters, the timeline and the selection."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace
from typing import Any

import folium
import folium.plugins

from atlas.map.cluster import _cluster_layer, _ClusteredPins
from atlas.map.draw import _draw_arrow, _draw_halo, _draw_pin, _draw_region, _draw_road, _pin_data
from atlas.map.labels import _clusterable, always_labelled
from atlas.map.model import LAYER_NAME, _side_colours, clusters
from atlas.map.plan import _plan
from atlas.map.script import _SelectedPlace, _ShowSelection, _Support
from atlas.map.symbols import _actor_names
from atlas.view import View


def place_layers(view: View, *, selected: str | None = None,
                 highlight: Collection[str] = ()) -> folium.FeatureGroup:
    """Everything that changes with the filters, the timeline and the selection, in one group.

    Draw order (bottom to top): region areas, precision halos, roads, movement arrows; then
    the markers (Leaflet keeps markers above all vector shapes): one per drawn place, plus
    an arrowhead per arrow.  ``selected`` is a place id; its marker gets a black ring and
    its label is always shown.  A marker's summary shows on hover (no popup: the panel
    beside the map holds the details, and a popup covered the next place to click).
    A view with more than
    :data:`CLUSTER_ABOVE` drawn places gathers its point markers into clusters.
    ``highlight``: places ringed as well (the places of the feed item the reader picked).
    """
    plan = _plan(view, selected)
    group = folium.FeatureGroup(name=LAYER_NAME, control=False)
    cluster = _cluster_layer(group) if clusters(view) else None
    pins_by_id = {pin.place.id: pin for pin in plan.pins}

    for pin in plan.pins:
        if pin.place.kind == "region":
            _draw_region(group, pin, selected=pin.place.id == selected)
    for pin in plan.pins:
        if pin.precision >= 2:
            _draw_halo(group, pin)
    for pin in plan.pins:
        if pin.place.kind == "road":
            _draw_road(group, pin, selected=pin.place.id == selected)
    names = _actor_names(view)
    for arrow in plan.arrows:
        _draw_arrow(group, arrow, pins_by_id, names)

    clustered: list[dict[str, Any]] = []
    colours = _side_colours(view)
    for pin in plan.pins:
        lit = pin.place.id in highlight
        if cluster is not None and _clusterable(pin, selected) and not lit:
            clustered.append(_pin_data(pin, view, colours))
            continue
        _draw_pin(group, pin, view, selected=pin.place.id == selected, highlighted=lit)
    if cluster is not None:
        _ClusteredPins(clustered).add_to(cluster)
    _Support().add_to(group)
    return group


def selection_layer(view: View, *, selected: str | None = None,
                    highlight: Collection[str] = ()) -> folium.FeatureGroup:
    """The selected place and the feed item's places, drawn over :func:`place_layers`.

    Apart from the place layer so that a click, which only changes the selection, leaves
    the place layer as it was (the page keeps its rendering, atlas/ui/frozen.py): the
    selected marker is drawn again on top with its black ring, its badges and its name at
    every zoom (where the place layer puts it, else right of it), a selected road or region with its
    line in black; the highlighted ones with their orange ring.  A selected place out of
    view is brought into sight (the map pans to it).
    """
    plan = _plan(view)
    group = folium.FeatureGroup(name=f"{LAYER_NAME}: selection", control=False)
    _SelectedPlace(selected).add_to(group)
    for pin in plan.pins:
        chosen, lit = pin.place.id == selected, pin.place.id in highlight
        if not (chosen or lit):
            continue
        if chosen and pin.place.kind == "road":
            _draw_road(group, pin, selected=True)
        if chosen and pin.place.kind == "region":
            _draw_region(group, pin, selected=True)
        shown = (replace(pin, label_runs=always_labelled(pin.label_runs), badges_from=0)
                 if chosen else pin)
        # no hover summary on the selected marker: drawn under the pointer that just clicked
        # it, it opened at once and stayed over the map; the panel says it all
        _draw_pin(group, shown, view, selected=chosen, highlighted=lit, summary=not chosen)
        if chosen:
            _ShowSelection(pin.anchor).add_to(group)
    return group
