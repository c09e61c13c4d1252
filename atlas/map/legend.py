"""The legend: one entry per colour or symbol the current map shows."""

from __future__ import annotations

from collections.abc import Sequence

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
    arrow-dashed, move-in, move-out, attacked, besieged, contested, disputed, halo-near,
    halo-area, off-map.  Only what the map shows is listed, so the legend doubles as a
    summary ("this view has a siege and two disputed claims").
    """
    plan = _plan(view, any_selection=True)
    items: list[dict[str, str]] = []

    def add(group: str, symbol: str, label: str, colour: str = "#555555") -> None:
        items.append({"group": group, "symbol": symbol, "label": label, "colour": colour})

    used_sides = {s for pin in plan.pins for s in pin.sides[:2]}
    used_sides |= {a.side for a in plan.arrows}
    used_sides |= {st.side for pin in plan.pins
                   for st in (pin.besieged, pin.attacked, pin.moving_in, pin.moving_out) if st}
    order = [s for s in _SIDE_ORDER if s in used_sides] + sorted(used_sides - set(_SIDE_ORDER))
    for side in order:
        add("Sides", "side", side, plan.colours.get(side, NEUTRAL))
    if any(not pin.sides for pin in plan.pins):
        add("Sides", "neutral", "no faction named with it", NEUTRAL)

    kinds = {pin.place.kind for pin in plan.pins}
    if kinds & POINT_KINDS:
        add("Places", "town", "town or city: size = mentions; fill = holder or side named, "
            "ring = second side")
    if "facility" in kinds:
        add("Places", "facility", "air base or other facility")
    if "crossing" in kinds:
        add("Places", "crossing", "bridge or border crossing")
    if "road" in kinds:
        add("Places", "road", "road")
    if "region" in kinds:
        add("Places", "region", "province or region (approximate area)")

    if plan.arrows:
        add("Claims", "arrow", "movement (origin → destination)" + (
            f"; the {len(plan.arrows)} most claimed of {len(plan.arrows) + plan.hidden_arrows}"
            if plan.hidden_arrows else ""))
    if any(a.dashed for a in plan.arrows):
        add("Claims", "arrow-dashed", "predicted, speculative or questioned (dashed, faded)")
    if any(pin.moving_in for pin in plan.pins):
        add("Claims", "move-in", "forces said to move in (from where not said)")
    if any(pin.moving_out for pin in plan.pins):
        add("Claims", "move-out", "forces said to leave (to where not said)")
    if any(pin.attacked for pin in plan.pins):
        add("Claims", "attacked", "attacked (colour: attacker)")
    if any(pin.besieged for pin in plan.pins):
        add("Claims", "besieged", "besieged (ring colour: besieger)")
    if any(pin.split for pin in plan.pins):
        add("Claims", "contested", "contested: two sides fight for it")
    if any(pin.disputed for pin in plan.pins) or any(a.disputed for a in plan.arrows):
        add("Claims", "disputed", "a claim here is disputed", DISPUTED)

    precisions = {pin.precision for pin in plan.pins}
    if 2 in precisions:
        add("Precision", "halo-near", f"only said to be near it (≈{HALO_KM[2]:.0f} km)")
    if 3 in precisions:
        add("Precision", "halo-area", f"only said to be in its area (≈{HALO_KM[3]:.0f} km)")

    if plan.off_map:
        named = sorted(plan.off_map, key=lambda p: (-view.counts.get(p.id, 0), p.name))
        listed = ", ".join(f"{p.name} ({view.counts.get(p.id, 0)})" for p in named[:8])
        more = f" and {len(named) - 8} more" if len(named) > 8 else ""
        add("Not drawn", "off-map", f"countries and continents: {listed}{more}")
    return items


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
              "move-out": "↘", "off-map": "○"}
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
