"""The legend: one entry per colour or symbol the current map shows."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from branca.element import MacroElement
from folium.template import Template

from atlas.colours import safe_colour
from atlas.map.model import _SIDE_ORDER, DISPUTED, HALO_KM, NEUTRAL, POINT_KINDS
from atlas.map.plan import _plan
from atlas.markup import text as html_text
from atlas.view import View


def legend_items(view: View) -> list[dict[str, str]]:
    """One entry per colour or symbol on the current map: label, colour, symbol, group.

    ``symbol`` is one of: side, neutral, town, facility, crossing, road, region, arrow,
    arrow-dashed, move-in, move-out, attacked, besieged, contested, disputed, badges, halo-near,
    halo-area, off-map.  Only what the map shows is listed, so the legend doubles as a
    summary ("this view has a siege and two disputed claims").
    """
    plan = _plan(view, any_selection=True)
    items: list[dict[str, str]] = []
    for group, symbol, label, *colour in (*_sides(plan), *_places(plan), *_claims(plan),
                                          *_precisions(plan), *_not_drawn(plan, view)):
        items.append({"group": group, "symbol": symbol, "label": label,
                      "colour": colour[0] if colour else "#555555"})
    return items


Entry = tuple[str, ...]  # (group, symbol, label[, colour])


def _sides(plan: Any) -> list[Entry]:
    used = {s for pin in plan.pins for s in pin.sides[:2]}
    used |= {a.side for a in plan.arrows}
    used |= {st.side for pin in plan.pins
             for st in (pin.besieged, pin.attacked, pin.moving_in, pin.moving_out) if st}
    order = [s for s in _SIDE_ORDER if s in used] + sorted(used - set(_SIDE_ORDER))
    out: list[Entry] = [("Sides", "side", side, plan.colours.get(side, NEUTRAL))
                        for side in order]
    if any(not pin.sides for pin in plan.pins):
        out.append(("Sides", "neutral", "no faction named with it", NEUTRAL))
    return out


def _places(plan: Any) -> list[Entry]:
    kinds = {pin.place.kind for pin in plan.pins}
    shown = [
        (bool(kinds & POINT_KINDS), "town", "town or city: size = mentions; fill = holder or "
         "side named, ring = second side"),
        ("facility" in kinds, "facility", "air base or other facility"),
        ("crossing" in kinds, "crossing", "bridge or border crossing"),
        ("road" in kinds, "road", "road"),
        ("region" in kinds, "region", "province or region (approximate area)"),
    ]
    return [("Places", symbol, label) for used, symbol, label in shown if used]


def _claims(plan: Any) -> list[Entry]:
    pins, arrows = plan.pins, plan.arrows
    most = (f"; the {len(arrows)} most claimed of {len(arrows) + plan.hidden_arrows}"
            if plan.hidden_arrows else "")
    shown = [
        (bool(arrows), "arrow", "movement (origin → destination)" + most),
        (any(a.dashed for a in arrows), "arrow-dashed",
         "predicted, speculative or questioned (dashed, faded)"),
        (any(p.moving_in for p in pins), "move-in", "forces said to move in (from where not said)"),
        (any(p.moving_out for p in pins), "move-out", "forces said to leave (to where not said)"),
        (any(p.attacked for p in pins), "attacked", "attacked (colour: attacker)"),
        (any(p.besieged for p in pins), "besieged", "besieged (ring colour: besieger)"),
        (any(p.split for p in pins), "contested", "contested: two sides fight for it"),
    ]
    out: list[Entry] = [("Claims", symbol, label) for used, symbol, label in shown if used]
    if any(p.disputed for p in pins) or any(a.disputed for a in arrows):
        out.append(("Claims", "disputed", "a claim here is disputed", DISPUTED))
    if any(p.badges_from for p in pins):
        out.append(("Claims", "badges", "status badges show where they clear their neighbours "
                    "(zoom in); a place's summary names them"))
    return out


def _precisions(plan: Any) -> list[Entry]:
    levels = {pin.precision for pin in plan.pins}
    out: list[Entry] = []
    if 2 in levels:
        out.append(("Precision", "halo-near", f"only said to be near it (≈{HALO_KM[2]:.0f} km)"))
    if 3 in levels:
        out.append(("Precision", "halo-area",
                    f"only said to be in its area (≈{HALO_KM[3]:.0f} km)"))
    return out


def _not_drawn(plan: Any, view: View) -> list[Entry]:
    if not plan.off_map:
        return []
    named = sorted(plan.off_map, key=lambda p: (-view.counts.get(p.id, 0), p.name))
    listed = ", ".join(f"{p.name} ({view.counts.get(p.id, 0)})" for p in named[:8])
    more = f" and {len(named) - 8} more" if len(named) > 8 else ""
    return [("Not drawn", "off-map", f"countries and continents: {listed}{more}")]


def _swatch(item: dict[str, str]) -> str:
    colour = safe_colour(item.get("colour"), "#555555")
    symbol = item.get("symbol", "")
    base = "display:inline-block;vertical-align:middle;box-sizing:border-box;"
    shapes = {
        "side": f"{base}width:12px;height:12px;border-radius:50%;background:{colour};"
                "border:1.5px solid #fff;box-shadow:0 0 0 1px #777",
        "neutral": f"{base}width:12px;height:12px;border-radius:50%;background:{colour};"
                   "border:1.5px solid #fff;box-shadow:0 0 0 1px #777",
        "town": f"{base}width:13px;height:13px;border-radius:50%;background:#888;"
                "border:3px solid #DDAA33",
        "facility": f"{base}width:11px;height:11px;transform:rotate(45deg);background:#888;"
                    "border:1.5px solid #fff;box-shadow:0 0 0 1px #777",
        "road": f"{base}width:18px;height:5px;background:#888;border-radius:2px",
        "region": f"{base}width:16px;height:16px;border-radius:50%;border:1.5px dashed #888;"
                  "background:rgba(136,136,136,.12)",
        "arrow": f"{base}width:18px;height:0;border-top:3px solid #555",
        "arrow-dashed": f"{base}width:18px;height:0;border-top:3px dashed #555;opacity:.6",
        "besieged": f"{base}width:15px;height:15px;border-radius:50%;border:3px double #555",
        "contested": f"{base}width:13px;height:13px;border-radius:50%;"
                     "background:linear-gradient(90deg,#CC3311 50%,#222 50%);"
                     "border:1.5px solid #fff;box-shadow:0 0 0 1px #777",
        "halo-near": f"{base}width:14px;height:14px;border-radius:50%;border:1px dashed #777;"
                     "background:rgba(136,136,136,.2)",
        "halo-area": f"{base}width:18px;height:18px;border-radius:50%;border:1px dashed #777;"
                     "background:rgba(136,136,136,.2)",
    }
    glyphs = {"crossing": ")(", "attacked": "✸", "disputed": "?", "move-in": "↗",
              "move-out": "↘", "off-map": "○", "badges": "+"}
    if symbol in shapes:
        return f'<span style="{shapes[symbol]}"></span>'
    glyph = glyphs.get(symbol, "•")
    return (f'<span style="{base}min-width:16px;text-align:center;font-weight:bold;'
            f'color:{colour}">{html_text(glyph)}</span>')


def legend_html(items: list[dict[str, str]]) -> str:
    """The legend as small self-contained HTML for ``st.markdown(..., unsafe_allow_html=True)``.

    Inline styles only (Streamlit's markdown keeps them); every label is escaped, since side
    names come from a CSV a user may edit and place names from the thread.
    """
    if not items:
        return '<div style="font-size:12px;color:#666">Nothing on the map yet.</div>'
    out = ['<div class="atlas-legend" style="font-size:12px;line-height:1.35">']
    group = None
    for item in items:
        if item.get("group") != group:
            group = item.get("group")
            out.append(f'<div style="font-weight:600;margin:6px 0 2px">{html_text(group or "")}'
                       "</div>")
        out.append(f'<div style="display:flex;gap:6px;align-items:center;margin:1px 0">'
                   f'<span style="flex:0 0 20px;text-align:center">{_swatch(item)}</span>'
                   f"<span>{html_text(item.get('label', ''))}</span></div>")
    out.append("</div>")
    return "".join(out)


class _LegendControl(MacroElement):
    """The legend as a Leaflet control on the map (bottom left), folded to one line.

    A ``<details>`` element: the reader opens and closes it with one click, no script of
    ours.  It belongs to the place layer (the legend changes with the view), so it is
    added when the layer is added and removed with it; whether it was open is kept across
    the swaps in ``window.atlasLegendOpen``.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function () {
            var group = {{ this._parent.get_name() }};
            var map = {{ this._parent._parent.get_name() }};
            var control = L.control({position: "bottomleft"});
            control.onAdd = function () {
                var box = L.DomUtil.create("div", "atlas-legend-control leaflet-bar");
                box.innerHTML = {{ this.html|tojson }};
                var details = box.querySelector("details");
                if (window.atlasLegendOpen) { details.open = true; }
                details.addEventListener("toggle", function () {
                    window.atlasLegendOpen = details.open;
                });
                L.DomEvent.disableClickPropagation(box);
                L.DomEvent.disableScrollPropagation(box);
                return box;
            };
            function show() { control.addTo(map); }
            if (map.hasLayer(group)) { show(); }
            group.on("add", show);  // every time: a kept group may come back
            group.on("remove", function () { control.remove(); });
        })();
        {% endmacro %}
        """
    )

    def __init__(self, html: str) -> None:
        super().__init__()
        self._name = "AtlasLegend"
        self.html = html


LEGEND_STYLE = ("background:rgba(255,255,255,.95);padding:4px 8px;max-height:60vh;"
                "overflow:auto;max-width:320px;font:12px/1.35 'DejaVu Sans',sans-serif")


def legend_control(items: list[dict[str, str]], *, outside: Sequence[str] = (),
                   extra_html: str = "") -> MacroElement:
    """The legend as a folded control on the map; add it to the place layer.

    ``outside``: names of drawn places the first view leaves out (far off, named once),
    listed under the fold, always in sight, so the reader knows to zoom out for them.
    ``extra_html``: another layer's legend (already escaped HTML, e.g. the front lines'),
    shown under the places' one.
    """
    more = ""
    if outside:
        names = ", ".join(html_text(n) for n in outside[:6])
        extra = f" and {len(outside) - 6} more" if len(outside) > 6 else ""
        more = (f'<div class="atlas-outside" style="color:#555;margin-top:2px">Far off, named '
                f"once (zoom out): {names}{extra}</div>")
    html = (f'<div style="{LEGEND_STYLE}"><details class="atlas-legend-box">'
            '<summary style="cursor:pointer;font-weight:600">Legend</summary>'
            f"{legend_html(items)}{extra_html}</details>{more}</div>")
    return _LegendControl(html)
