"""Folium drawing of the plan: markers, areas, halos, roads and arrows."""

from __future__ import annotations

from typing import Any

import folium
import folium.plugins

from atlas.map.geometry import _line
from atlas.map.model import (
    ACTION_WORDS,
    DISPUTED,
    HALO_KM,
    NEUTRAL,
    NEUTRAL_EDGE,
    SELECTED,
    _Arrow,
    _is_disputed,
    _Pin,
    _side_colours,
)
from atlas.map.symbols import _pin_class, _pin_html, _pin_z, _popup_html, _tooltip_html
from atlas.markup import for_folium
from atlas.view import View
from geo.records import Place


def _tooltip(pin: _Pin) -> folium.Tooltip:
    return folium.Tooltip(_tooltip_html(pin), sticky=False)




def _draw_pin(group: folium.FeatureGroup, pin: _Pin, view: View, *, selected: bool,
              highlighted: bool = False, summary: bool = True) -> folium.Marker:
    colours = _side_colours(view)
    icon = folium.DivIcon(
        html=_pin_html(pin, selected=selected, highlighted=highlighted),
        icon_size=(0, 0),
        icon_anchor=(0, 0),
        popup_anchor=(0, -round(pin.size / 2)),
        class_name=_pin_class(pin, selected=selected),
    )
    marker = folium.Marker(
        location=pin.anchor,
        icon=icon,
        # the place's summary on hover, no popup: a popup opened by the click covered the
        # places north of it, so the next click landed on the popup; a tooltip takes no
        # pointer (Leaflet), and the click opens the full panel beside the map
        # (``summary=False``: the selected place, whose panel says it all beside the map)
        tooltip=(folium.Tooltip(_popup_html(pin, view, colours), sticky=False) if summary
                 else None),
        z_index_offset=_pin_z(pin, selected=selected or highlighted),
        keyboard=True,
    )
    marker.add_to(group)
    return marker


def _pin_data(pin: _Pin, view: View, colours: dict[str, str]) -> dict[str, Any]:
    """What :class:`_ClusteredPins` needs to make the marker :func:`_draw_pin` would make."""
    return {
        "id": pin.place.id, "at": list(pin.anchor), "html": _pin_html(pin, selected=False),
        "css": _pin_class(pin, selected=False), "lift": -round(pin.size / 2),
        "z": _pin_z(pin, selected=False), "mentions": pin.mentions,
        "tip": _popup_html(pin, view, colours),
    }


def _uninteractive(path: folium.Element) -> folium.Element:
    path.options["interactive"] = False  # folium's path_options drops this key
    return path


def _draw_region(group: folium.FeatureGroup, pin: _Pin, *, selected: bool) -> None:
    """A soft wash (not clickable) and a dashed outline (clickable, with the name)."""
    radius = pin.place.extent_km * 1000
    _uninteractive(folium.Circle(pin.anchor, radius=radius, stroke=False, fill=True,
                                 fill_color=pin.fill, fill_opacity=0.04,
                                 class_name="atlas-region-fill")).add_to(group)
    folium.Circle(pin.anchor, radius=radius, color=SELECTED if selected else pin.fill,
                  weight=3 if selected else 1.5, opacity=0.9 if selected else 0.55,
                  dash_array="8 6", fill=False,
                  class_name="atlas-region", tooltip=_tooltip(pin)).add_to(group)


def _draw_halo(group: folium.FeatureGroup, pin: _Pin) -> None:
    _uninteractive(folium.Circle(pin.anchor, radius=HALO_KM[pin.precision] * 1000,
                                 color=pin.fill if pin.fill != NEUTRAL else NEUTRAL_EDGE,
                                 weight=1, opacity=0.8, dash_array="3 4", fill=True,
                                 fill_color=pin.fill, fill_opacity=0.16,
                                 class_name=f"atlas-halo atlas-halo-{pin.precision}")
                   ).add_to(group)


def _draw_road(group: folium.FeatureGroup, pin: _Pin, *, selected: bool) -> None:
    points = _line(pin.place)
    if not points:
        return
    # a disputed road gets a red dashed casing instead of a "?" badge on its small marker
    casing = DISPUTED if pin.disputed else "#ffffff"
    _uninteractive(folium.PolyLine(points, color=casing, weight=9 if selected else 8,
                                   opacity=0.9, dash_array="4 4" if pin.disputed else None,
                                   class_name="atlas-road-casing")).add_to(group)
    folium.PolyLine(points, color=SELECTED if selected else pin.fill, weight=5 if selected else 4,
                    opacity=0.95, class_name="atlas-road", tooltip=_tooltip(pin)).add_to(group)




def _arrow_words(arrow: _Arrow, pins: dict[str, _Pin], names: dict[str, str]) -> str:
    def name(place: Place) -> str:
        pin = pins.get(place.id)
        return pin.label if pin else place.name

    through = f" (through {for_folium(name(arrow.via))})" if arrow.via else ""
    lines = [f"<b>{for_folium(arrow.side)}</b>: {for_folium(name(arrow.origin))} → "
             f"{for_folium(name(arrow.destination))}{through}"]
    for claim in arrow.claims[-3:]:
        flag = " (disputed)" if _is_disputed(claim) else ""
        lines.append(f"{for_folium(names.get(claim.actor, claim.actor))} "
                     f"{for_folium(ACTION_WORDS.get(claim.action, claim.action))}, "
                     f"<i>{for_folium(claim.modality)}</i>{flag} · {for_folium(claim.author)}")
    if arrow.inferred:
        lines.append('<span style="color:#666">one end read from the places named with it'
                     "</span>")
    return "<br>".join(lines)


def _draw_arrow(group: folium.FeatureGroup, arrow: _Arrow, pins: dict[str, _Pin],
                names: dict[str, str]) -> None:
    """A curved line with a white casing and a CSS triangle whose tip touches the marker.

    Arrows between the same two places bend to alternate sides so they do not coincide.
    """
    points = arrow.points
    weight = 3 + min(2, len(arrow.claims) - 1)
    dash = "8 6" if arrow.dashed else None
    _uninteractive(folium.PolyLine(points, color="#ffffff", weight=weight + 3, opacity=0.85,
                                   dash_array=dash, class_name="atlas-arrow-casing")).add_to(group)
    # the line carries the arrow's words (hover); its head takes no pointer at all, so a click
    # at the destination reaches the place's marker under it
    folium.PolyLine(points, color=arrow.colour, weight=weight, opacity=0.95, dash_array=dash,
                    class_name="atlas-arrow",
                    tooltip=folium.Tooltip(_arrow_words(arrow, pins, names), sticky=True),
                    ).add_to(group)
    target = pins.get(arrow.destination.id)
    gap = (target.size / 2 if target else 6) + 1
    unsure = " atlas-unsure" if arrow.dashed else ""
    head = (f'<span class="atlas-head{unsure}" style="transform:rotate({arrow.bearing:.1f}deg)">'
            f'<span style="top:{gap:.0f}px;border-bottom-color:{arrow.colour}"></span></span>')
    folium.Marker(
        location=(arrow.destination.lat, arrow.destination.lon),
        icon=folium.DivIcon(html=head, icon_size=(0, 0), icon_anchor=(0, 0),
                            class_name="atlas-arrowhead"),
        interactive=False,
        z_index_offset=5000,  # above the place markers: the tip only touches its target
    ).add_to(group)
    if arrow.disputed:  # the movement itself is contested: a "?" half-way along it
        middle = points[len(points) // 2]
        folium.Marker(
            location=middle,
            icon=folium.DivIcon(html='<span class="atlas-badge atlas-q" style="left:-8px;'
                                     'top:-8px">?</span>',
                                icon_size=(0, 0), icon_anchor=(0, 0), class_name="atlas-arrow-q"),
            interactive=False,
        ).add_to(group)
