"""Front lines on the map: control areas, lines, hatching, sieges and changes as folium layers.

One call, :func:`frontline_layers`, gives the map page a FeatureGroup for the current view and
moment: the thread's control state (``geo.control``: the cited reference moved by the visible
claims) drawn by ``geo.control_geometry``.  Every area and line opens a popup that lists the
claims (author, time, exact words, a link to the comment) and the reference rows (their
source) that put each side there.  :func:`legend_items`/:func:`legend_html` explain it, and say
that the lines are the thread's account, not ground truth.  Core Leaflet only (GeoJSON layers),
nothing fetched from the internet.  No Streamlit here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import folium
from branca.element import MacroElement
from jinja2 import Template
from shapely.geometry import mapping

from atlas.cards import stamp
from atlas.colours import OTHERS, side_colours
from atlas.markup import for_folium, text
from atlas.state import SELECTED_PLACE, ViewState, entry_link
from atlas.view import TimelineStep, View, apply_filters, authors, slug
from geo.control import (
    Change,
    ControlState,
    Evidence,
    ReferenceRow,
    control_for_corpus,
    diff_states,
    load_reference,
)
from geo.control_geometry import DEFAULT_REACH_KM, ControlGeometry, control_geometry

__all__ = ["LAYER_NAME", "FrontView", "front_view", "frontline_layers", "legend_html",
           "legend_items"]

LAYER_NAME = "Front lines"
FRONT_COLOUR = "#111111"
DISPUTED_COLOUR = "#d62728"
CHANGED_COLOUR = "#7b2cbf"
FALLBACK_COLOUR = OTHERS  # one colour policy: atlas/colours.py
MAX_EVIDENCE = 6  # per place in a popup; the rest are counted
EFFECT_WORDS = {
    "holds": "holds it", "captures": "takes it", "attacks": "attacks it",
    "besieges": "besieges it", "lifts-siege": "lifts the siege", "withdraws": "withdraws",
    "cuts-road": "cuts its roads", "defends": "defends it", "near": "fights around it",
    "predicted": "would take it (predicted, changes nothing)",
    "disputed": "disputed claim (changes nothing)", "no-effect": "said, changes nothing",
}


@dataclass(slots=True)
class FrontView:
    """What is drawn: the state, its geometry, and the changes against another moment."""

    state: ControlState
    geometry: ControlGeometry
    changes: list[Change]
    compared_with: str  # "" | "a moment" | "the other commenters"


def _as_of(view: View, steps: Sequence[TimelineStep]) -> str | None:
    until = view.filters.until
    step = steps[until] if until is not None and 0 <= until < len(steps) else (
        steps[-1] if steps else None)
    return (step.at or None) if step else None


def _state(view: View, steps: Sequence[TimelineStep],
           reference: Sequence[ReferenceRow]) -> ControlState:
    return control_for_corpus(view.corpus, view.claims, reference=reference,
                              as_of=_as_of(view, steps))


_FRONTS: list[tuple[View, int | None, FrontView]] = []


def front_view(view: View, *, steps: Sequence[TimelineStep], compare_until: int | None = None,
               reference: Sequence[ReferenceRow] | None = None) -> FrontView:
    """The control state of ``view`` and its geometry; with ``compare_until`` (a timeline
    step) the cells that changed hands since then; with a commenter filter, where the chosen
    commenters' account differs from the whole thread's.

    Made once per view and comparison with the curated reference (the last few are kept:
    a click that only selects a place reruns the page with the same view).
    """
    if reference is not None:
        return _front_view(view, steps, compare_until, reference)
    for known, compared, front in _FRONTS:
        if known is view and compared == compare_until:
            return front
    front = _front_view(view, steps, compare_until, load_reference())
    _FRONTS.insert(0, (view, compare_until, front))
    del _FRONTS[4:]
    return front


def _front_view(view: View, steps: Sequence[TimelineStep], compare_until: int | None,
                rows: Sequence[ReferenceRow]) -> FrontView:
    state = _state(view, steps, rows)
    changes: list[Change] = []
    compared = ""
    if compare_until is not None:
        other = apply_filters(view.corpus, replace(view.filters, until=compare_until))
        changes, compared = diff_states(_state(other, steps, rows), state), "a moment"
    elif view.filters.commenters:
        others = frozenset(authors(view.corpus)) - view.filters.commenters
        rest = apply_filters(view.corpus, replace(view.filters, commenters=others))
        changes = diff_states(_state(rest, steps, rows), state)
        compared = "the other commenters"
    shown = view.filters.sides
    hidden = {p.holder for p in state.places.values() if p.holder} - shown if shown else set()
    geometry = control_geometry(state, hidden_sides=hidden, changes=changes)
    return FrontView(state, geometry, changes, compared)


# --- popups --------------------------------------------------------------------------------


def _when(posted_at: str | None) -> str:
    # no time: the reference before the first comment, i.e. the post's moment
    return stamp(posted_at, kind="post")


def _evidence_html(item: Evidence, links: dict[int, str], colours: dict[str, str]) -> str:
    colour = colours.get(item.side, FALLBACK_COLOUR)
    words = EFFECT_WORDS.get(item.effect, item.effect)
    head = f"<b>{for_folium(item.side)}</b> {for_folium(words)}"
    if item.kind == "reference":
        body = (f"reference {for_folium(item.id)} since {for_folium(item.posted_at or '?')}: "
                f"<i>{for_folium(item.source)}</i>")
    else:
        link = links.get(item.entry) if item.entry is not None else None
        where = (f'<a href="{for_folium(link)}" target="_top">{for_folium(_when(item.posted_at))}'
                 "</a>" if link else for_folium(_when(item.posted_at)))
        body = (f"{for_folium(item.author or '?')}, {where} ({for_folium(item.id)}, "
                f"{for_folium(item.modality)}): “{for_folium(item.quote)}”")
    dashed = "dashed" if item.effect in {"predicted", "no-effect"} else "solid"
    return (f'<div style="border-left:3px {dashed} {colour};padding-left:5px;margin:3px 0">'
            f"{head}<br><span style=\"color:#444\">{body}</span></div>")


def _place_html(state: ControlState, key: str, links: dict[int, str],
                colours: dict[str, str]) -> str:
    place = state.places.get(key)
    if place is None:
        return ""
    status = [f"held by {place.holder}" if place.holder else "held by nobody the thread names"]
    if place.attackers:
        status.append("attacked by " + ", ".join(place.attackers))
    if place.besiegers:
        status.append("besieged by " + ", ".join(place.besiegers))
    if place.cut_off_by:
        status.append("roads cut by " + ", ".join(place.cut_off_by))
    if place.disputed:
        status.append("DISPUTED")
    rows = [f'<div style="margin-top:5px"><b>{for_folium(place.name)}</b>: '
            f"{for_folium('; '.join(status))}</div>"]
    for ref_id in place.contradicts:
        ref = next((e for e in place.evidence if e.id == ref_id), None)
        if ref:
            rows.append(f'<div style="color:{DISPUTED_COLOUR}">The thread differs from the '
                        f"reference: {for_folium(ref.side)} per {for_folium(ref.source)}</div>")
    # the reference rows always (they are the starting picture), then the latest claims
    references = [e for e in place.evidence if e.kind == "reference"]
    claims = [e for e in place.evidence if e.kind == "claim"]
    rows.extend(_evidence_html(e, links, colours) for e in references)
    rows.extend(_evidence_html(e, links, colours) for e in claims[-MAX_EVIDENCE:])
    if len(claims) > MAX_EVIDENCE:
        rows.append(f'<div style="color:#666">and {len(claims) - MAX_EVIDENCE} earlier '
                    "claims</div>")
    return "".join(rows)


def _popup(title: str, keys: Sequence[str], front: FrontView, links: dict[int, str],
           colours: dict[str, str]) -> folium.Popup:
    body = "".join(_place_html(front.state, k, links, colours) for k in keys)
    html = (f'<div class="atlas-front-popup" style="font:12px/1.35 \'DejaVu Sans\',sans-serif;'
            f'max-height:260px;overflow:auto"><div style="font-weight:bold;font-size:13px">'
            f"{for_folium(title)}</div><div style=\"color:#666\">as the thread tells it, as of "
            f"{for_folium(_when(front.state.as_of))}</div>{body}</div>")
    return folium.Popup(html, max_width=360)


# --- layers --------------------------------------------------------------------------------


class _ClickStaysInMap(MacroElement):
    """Keeps clicks on its group's layers inside the map: the popup opens, no page rerun.

    Why: streamlit-folium reports a click on any layer to the page, whose rerun redraws the
    map (closing the popup just opened) and reads the click as a place selection.  A front
    line's popup is the answer to the click, so the layer refuses that one listener (bound
    after the layers are created, by its function name).
    """

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function (layer) {
          function on(type, fn, context) {
            if (fn && fn.name === "onLayerClick") { return this; }
            return L.Evented.prototype.on.call(this, type, fn, context);
          }
          (function patch(part) {  // the group, its GeoJSON layers and their paths: a click
            part.on = on;           // bubbles from the path up through each of them
            if (part.eachLayer) { part.eachLayer(patch); }
          })(layer);
        })({{ this._parent.get_name() }});
        {% endmacro %}
    """)


def _geojson(geometry, style: dict, *, popup: folium.Popup | None = None,
             interactive: bool = True) -> folium.GeoJson:
    layer = folium.GeoJson({"type": "Feature", "geometry": mapping(geometry), "properties": {}},
                           style_function=lambda _feature, s=style: s, control=False,
                           interactive=interactive)
    if popup is not None:
        popup.add_to(layer)
    return layer


def _links(view: View, state: ViewState, steps: Sequence[TimelineStep]) -> dict[int, str]:
    # root-relative: the popup lives in the map's iframe, the link opens in the app's window
    return {e.id: "/" + entry_link(state, steps=list(steps), corpus=view.corpus,
                                   entry_id=e.id).removeprefix("./")
            for e in view.entries}


def _side_colours(view: View) -> dict[str, str]:
    return side_colours(view.corpus)  # hex-checked: colours go into style attributes


def frontline_layers(view: View, *, state: ViewState, steps: Sequence[TimelineStep],
                     compare_until: int | None = None,
                     front: FrontView | None = None) -> folium.FeatureGroup:
    """The front-line layer for the view and moment (see the module doc)."""
    front = front or front_view(view, steps=steps, compare_until=compare_until)
    colours, links = _side_colours(view), _links(view, state, steps)
    group = folium.FeatureGroup(name=LAYER_NAME, control=False)
    geo = front.geometry
    for area in geo.areas:
        colour = colours.get(area.side, FALLBACK_COLOUR)
        _geojson(area.geometry, {"color": colour, "weight": 0.8, "opacity": 0.6,
                                 "fillColor": colour, "fillOpacity": 0.16,
                                 "className": "atlas-control-area"},
                 popup=_popup(f"Held by {area.side}", area.keys, front, links, colours)
                 ).add_to(group)
    # what only shows (hatching, rings, dashed outlines, facing edges) goes into one GeoJSON
    # layer: each folium layer costs a few milliseconds to render, and there are dozens
    static: list[dict] = []
    for mark in geo.marks:
        _draw_mark(group, static, mark, front, links, colours)
    for segment in geo.fronts:
        for side, line in zip(segment.sides, segment.facing, strict=True):
            _static(static, line, {"color": colours.get(side, FALLBACK_COLOUR), "weight": 3,
                                   "opacity": 0.95})
    if static:
        folium.GeoJson({"type": "FeatureCollection", "features": static},
                       style_function=lambda feature: feature["properties"]["style"],
                       control=False, interactive=False).add_to(group)
    for segment in geo.fronts:
        title = f"Front line: {segment.sides[0]} | {segment.sides[1]}"
        classes = " ".join(["atlas-front-line", *(f"atlas-front-{slug(k)}" for k in segment.keys)])
        _geojson(segment.geometry, {"color": FRONT_COLOUR, "weight": 4, "opacity": 0.9,
                                    "className": classes},
                 popup=_popup(title, segment.keys, front, links, colours)).add_to(group)
    _LinksKeepSelection().add_to(group)
    _ClickStaysInMap().add_to(group)  # last: after every layer of the group is in it
    return group


def _static(static: list[dict], geometry, style: dict) -> None:
    static.append({"type": "Feature", "geometry": mapping(geometry),
                   "properties": {"style": style}})


def _draw_mark(group: folium.FeatureGroup, static: list[dict], mark, front: FrontView,
               links: dict[int, str], colours: dict[str, str]) -> None:
    place = front.state.places.get(mark.key)
    colour = colours.get(mark.sides[0] if mark.sides else "", FALLBACK_COLOUR)
    if mark.kind == "contested":
        colour = DISPUTED_COLOUR if place and place.disputed else colour
        _static(static, mark.geometry, {"color": colour, "weight": 1.2, "opacity": 0.75,
                                        "className": "atlas-contested"})
    elif mark.kind == "siege":
        _static(static, mark.geometry, {"color": colour, "weight": 3, "opacity": 0.9,
                                        "dashArray": "2 6", "lineCap": "round",
                                        "className": "atlas-siege"})
    elif mark.kind == "predicted":
        _static(static, mark.geometry, {"color": colour, "weight": 2, "opacity": 0.85,
                                        "dashArray": "7 6", "className": "atlas-predicted"})
    elif mark.kind == "changed":
        before, after = mark.sides
        title = (f"Changed hands since {front.compared_with}: {before} → {after}"
                 if front.compared_with == "a moment" else
                 f"{after} in this account; {before} per {front.compared_with}")
        _geojson(mark.geometry, {"color": CHANGED_COLOUR, "weight": 3.5, "opacity": 0.95,
                                 "fillOpacity": 0.05, "className": "atlas-changed"},
                 popup=_popup(title, [mark.key], front, links, colours)).add_to(group)


# --- legend --------------------------------------------------------------------------------


def legend_items(front: FrontView) -> list[dict[str, str]]:
    """What the front-line layer shows, one entry per symbol (only those on the map)."""
    kinds = {m.kind for m in front.geometry.marks}
    items = [{"symbol": "note", "label": "Areas and lines are the thread's account (its claims "
              "moving a cited reference of early June 2016), not ground truth."}]
    if front.geometry.areas:
        items.append({"symbol": "area", "label": "control area: ground nearer a place its side "
                      f"holds than any other held place, within {DEFAULT_REACH_KM:.0f} km "
                      "(click: the claims and sources)"})
    if front.geometry.fronts:
        items.append({"symbol": "front", "label": "front line where two sides' areas meet; "
                      "the coloured edge on each side is the side facing that way"})
    if "contested" in kinds:
        items.append({"symbol": "hatch", "label": "hatched: contested (attacked or besieged, "
                      "colour of the attacker); red hatching: a claim about it is disputed"})
    if "siege" in kinds:
        items.append({"symbol": "siege", "label": "dotted ring: besieged (colour: besieger)"})
    if "predicted" in kinds:
        items.append({"symbol": "predicted", "label": "dashed outline: a predicted or "
                      "speculative claim would give it to that side (changes nothing)"})
    if any(p.contradicts for p in front.state.places.values()):
        items.append({"symbol": "differs", "label": "the thread's account differs from the "
                      "reference (the popup names the source)"})
    if "changed" in kinds:
        items.append({"symbol": "changed", "label": f"purple outline: held differently than "
                      f"{front.compared_with} (click: the claims)"})
    return items


class _LinksKeepSelection(MacroElement):
    """Fills in the selected place in its group's popup links as a popup opens.

    The layer is drawn once per view, not per selection (atlas/ui/frozen.py), so its links
    (atlas.state.entry_link) hold :data:`atlas.state.SELECTED_PLACE`; the selection layer
    says which place is selected (``window.atlasSelectedPlace``), and a link opened without
    one loses the parameter.
    """

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function (group, token) {
          var slot = "place=" + token;
          group.on("popupopen", function (event) {
            var box = event.popup.getElement();
            var chosen = window.atlasSelectedPlace;
            if (!box) { return; }
            box.querySelectorAll("a[href]").forEach(function (a) {
              var made = a.getAttribute("data-atlas-href") || a.getAttribute("href");
              if (made.indexOf(slot) < 0) { return; }
              a.setAttribute("data-atlas-href", made);
              a.setAttribute("href", chosen
                  ? made.replace(slot, "place=" + encodeURIComponent(chosen))
                  : made.replace(slot + "&", "").replace(new RegExp("[?&]" + slot), ""));
            });
          });
        })({{ this._parent.get_name() }}, {{ this.token|tojson }});
        {% endmacro %}
    """)

    def __init__(self) -> None:
        super().__init__()
        self._name = "AtlasLinksKeepSelection"
        self.token = SELECTED_PLACE


_SWATCH = {
    "area": "width:16px;height:12px;background:rgba(204,51,17,.18);border:1px solid #CC3311",
    "front": "width:18px;height:4px;background:#111;box-shadow:0 -3px 0 #CC3311,0 3px 0 #222",
    "hatch": "width:16px;height:12px;background:repeating-linear-gradient(135deg,#222 0 1px,"
             "transparent 1px 4px)",
    "siege": "width:14px;height:14px;border-radius:50%;border:2.5px dotted #222",
    "predicted": "width:16px;height:12px;border:2px dashed #0077BB",
    "differs": f"width:12px;height:12px;border-radius:50%;background:{DISPUTED_COLOUR}",
    "changed": f"width:16px;height:12px;border:3px solid {CHANGED_COLOUR}",
    "note": "width:14px;height:14px;border-radius:50%;border:1.5px solid #555;"
            "font:bold 10px/11px sans-serif;text-align:center;color:#555",
}


def legend_html(items: list[dict[str, str]]) -> str:
    """The legend as self-contained HTML (inline styles; every label escaped)."""
    out = ['<div class="atlas-front-legend" style="font-size:12px;line-height:1.35">'
           '<div style="font-weight:600;margin:6px 0 2px">Front lines</div>']
    for item in items:
        style = _SWATCH.get(item["symbol"], _SWATCH["note"])
        glyph = "i" if item["symbol"] == "note" else ""
        out.append('<div style="display:flex;gap:6px;align-items:center;margin:1px 0">'
                   f'<span style="flex:0 0 20px;text-align:center"><span style="display:'
                   f'inline-block;vertical-align:middle;box-sizing:border-box;{style}">{glyph}'
                   f"</span></span><span>{text(item['label'])}</span></div>")
    out.append("</div>")
    return "".join(out)
