"""The place layer's own script: styles, zoom-dependent labels, the selected popup."""

from __future__ import annotations

from branca.element import MacroElement
from folium.template import Template

from atlas.map.model import _LABEL_ZOOMS


def _css() -> str:
    zooms = range(0, 19)
    hide = ",".join([*(f".atlas-z{z} .atlas-lz{t}" for z in zooms for t in _LABEL_ZOOMS if t > z),
                     *(f".atlas-z{z} .atlas-lx{t}" for z in zooms for t in _LABEL_ZOOMS if t < z)])
    return (
        ".atlas-pin{position:absolute}"
        ".atlas-pin span,.atlas-arrow-q span{position:absolute;box-sizing:border-box}"
        ".atlas-dot{border-radius:50%;box-shadow:0 0 0 1px rgba(0,0,0,.45)}"
        ".atlas-diamond{transform:rotate(45deg) scale(.8);border:2px solid #fff;border-radius:2px;"
        "box-shadow:0 0 0 1px rgba(0,0,0,.45)}"
        ".atlas-glyph{color:#fff;text-align:center;display:flex;align-items:center;"
        "justify-content:center;font-family:'DejaVu Sans',sans-serif;line-height:1}"
        ".atlas-bridge{background:#fff;border:3px solid;border-radius:3px;display:flex;"
        "align-items:center;justify-content:center;font:bold 10px 'DejaVu Sans',sans-serif;"
        "letter-spacing:-1px;line-height:1}"
        ".atlas-roadmark{background:#fff;border:3px solid;border-radius:3px}"
        ".atlas-regionmark{border:2px dashed;border-radius:50%;background:rgba(255,255,255,.6)}"
        ".atlas-siege{border:2.5px solid;border-radius:50%;"
        "box-shadow:inset 0 0 0 1px #fff,0 0 0 1px #fff}"
        ".atlas-sel{border:3px solid #111;border-radius:50%;box-shadow:0 0 0 2px #fff}"
        ".atlas-hl{border:3px solid #dd8800;border-radius:50%;box-shadow:0 0 0 2px #fff}"
        # a place's summary wraps inside a narrow (phone) map instead of running off it
        ".leaflet-tooltip{white-space:normal;width:max-content;max-width:min(300px,65vw)}"
        # arrowheads and the disputed-arrow "?" never take a click meant for the place under them
        ".atlas-arrowhead,.atlas-arrowhead *,.atlas-arrow-q,.atlas-arrow-q *"
        "{pointer-events:none}"
        # a badge is a status glyph: a click on it goes to whatever symbol is under it
        ".atlas-badge{pointer-events:none;width:16px;height:16px;border-radius:50%;background:#fff;"
        "font:bold 12px/16px 'DejaVu Sans',sans-serif;text-align:center;"
        "box-shadow:0 0 0 1px rgba(0,0,0,.35)}"
        ".atlas-atk{font-size:15px}"
        ".atlas-q{color:#d62728;box-shadow:0 0 0 1.5px #d62728}"
        ".atlas-unsure{opacity:.55}"
        ".atlas-label{white-space:nowrap;font:11px/15px 'DejaVu Sans',sans-serif;"
        "color:#222;text-shadow:0 0 2px #fff,0 0 2px #fff,0 0 3px #fff,0 0 4px #fff}"
        ".atlas-major{font-weight:bold;font-size:12px}"
        ".atlas-region-label{font-style:italic;color:#555;letter-spacing:.5px}"
        ".atlas-selected .atlas-label{font-weight:bold}"
        ".atlas-head{position:absolute;left:0;top:0;width:0;height:0}"
        ".atlas-head span{position:absolute;left:-7px;width:0;height:0;"
        "border-left:7px solid transparent;border-right:7px solid transparent;"
        "border-bottom:14px solid;"
        "filter:drop-shadow(0 0 1px #fff)}"
        ".atlas-cluster div{box-sizing:border-box;border-radius:50%;text-align:center;"
        "background:rgba(60,56,50,.82);color:#fff;font:bold 12px 'DejaVu Sans',sans-serif;"
        "border:2px solid #fff;box-shadow:0 0 0 1px rgba(0,0,0,.45),0 0 0 5px rgba(60,56,50,.18)}"
        # a label that would run off the map's edge (a phone) and fits nowhere else
        ".atlas-cut{visibility:hidden}"
        f"{hide}{{display:none}}"
    )


class _Support(MacroElement):
    """Adds the map's CSS once and keeps a zoom class on the map (labels show per zoom).

    Written into the FeatureGroup (not the map's header) because st_folium sends only the
    group's script when the group changes; the style element is added once per document.
    The map is reached as the group's parent, which st_folium renames consistently.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function () {
            var group = {{ this._parent.get_name() }};
            var map = {{ this._parent._parent.get_name() }};
            if (!document.getElementById("atlas-mapview-css")) {
                var style = document.createElement("style");
                style.id = "atlas-mapview-css";
                style.textContent = {{ this.css|tojson }};
                document.head.appendChild(style);
            }
            // Labels are placed for the whole world (atlas/map/labels.py); the map's edge is
            // the browser's: a label that would be cut there is moved to the other side of its
            // marker if it fits there clear of the others, else hidden (.atlas-cut).
            function fitLabels() {
                var root = map.getContainer(), edge = root.getBoundingClientRect();
                var labels = Array.prototype.slice.call(root.querySelectorAll(".atlas-label"));
                var taken = [], cut = [];
                function inside(r) {
                    return r.left >= edge.left && r.right <= edge.right
                        && r.top >= edge.top && r.bottom <= edge.bottom;
                }
                function clear(r) {
                    return taken.every(function (k) {
                        return r.right <= k.left || k.right <= r.left
                            || r.bottom <= k.top || k.bottom <= r.top;
                    });
                }
                labels.forEach(function (el) {
                    if (el.dataset.at === undefined) { el.dataset.at = el.style.cssText; }
                    el.style.cssText = el.dataset.at;
                    el.classList.remove("atlas-cut");
                });
                root.querySelectorAll(".atlas-sym, .atlas-badge").forEach(function (el) {
                    if (el.offsetParent) { taken.push(el.getBoundingClientRect()); }
                });
                labels.forEach(function (el) {
                    if (!el.offsetParent) { return; }
                    var r = el.getBoundingClientRect();
                    if (inside(r)) { taken.push(r); } else { cut.push(el); }
                });
                cut.forEach(function (el) {
                    var st = el.style, h = el.offsetHeight;
                    var gap = parseFloat(st.left) || parseFloat(st.right) || 8;
                    var tries = st.transform ? [] : [  // beside its marker: the other side,
                        st.left && st.left !== "auto"  // then above it, then below it
                            ? "right:" + st.left + ";top:" + st.top
                            : "left:" + st.right + ";top:" + st.top,
                        "left:0;top:" + (-gap - h) + "px;transform:translateX(-50%)",
                        "left:0;top:" + gap + "px;transform:translateX(-50%)"];
                    for (var i = 0; i < tries.length; i++) {
                        st.cssText = tries[i];
                        var r = el.getBoundingClientRect();
                        if (inside(r) && clear(r)) { taken.push(r); return; }
                    }
                    st.cssText = el.dataset.at;
                    el.classList.add("atlas-cut");
                });
            }
            function zoomClass() {
                var box = map.getContainer();
                box.className = box.className.replace(/\\batlas-z\\d+\\b/g, "").trim()
                    + " atlas-z" + map.getZoom();
            }
            // A click on a place reaches the page at once rather than after
            // streamlit-folium's 250 ms wait: the value it would send is sent now and marked
            // as sent, so its own (debounced) update finds nothing new.  Only when the page
            // asks for the click alone, the one value this can write exactly as it would.
            group.on("click", function (event) {
                // the hover summary has done its work: the panel opens beside the map
                var hit = event.propagatedFrom || event.layer;
                if (hit && hit.closeTooltip) { hit.closeTooltip(); }
                var data = window.__GLOBAL_DATA__;
                if (!data || !event.latlng || window.parent === window
                    || JSON.stringify(data.returned_objects) !== '["last_object_clicked"]') {
                    return;
                }
                var value = {last_object_clicked: event.latlng};
                if (JSON.stringify(value) === JSON.stringify(data.previous_data)) { return; }
                data.previous_data = value;
                window.parent.postMessage({isStreamlitMessage: true, dataType: "json",
                                           type: "streamlit:setComponentValue",
                                           value: value}, "*");
            });
            // on every add, not once: a kept group (atlas/ui/frozen.py) may come back
            // again once the markers' own zoom transition (0.25 s) has surely ended: at
            // "moveend" they may still be on their way
            var refit = null;
            function fitSoon() {
                fitLabels(); clearTimeout(refit); refit = setTimeout(fitLabels, 400);
            }
            function on() {
                zoomClass(); map.on("zoomend", zoomClass);
                map.on("moveend resize", fitSoon); setTimeout(fitSoon, 0);
            }
            if (map.hasLayer(group)) { on(); }
            group.on("add", on);
            group.on("remove", function () {
                map.off("zoomend", zoomClass); map.off("moveend resize", fitSoon);
            });
        })();
        {% endmacro %}
        """
    )

    def __init__(self) -> None:
        super().__init__()
        self._name = "AtlasSupport"
        self.css = _css()


class _ShowSelection(MacroElement):
    """Brings the selected place into sight when its layer is added, if it is out of view.

    A place picked from the feed or a shared link may be off screen (the reader zoomed in
    elsewhere, or it is far off); the map pans to it, keeping the reader's zoom.  A place
    clicked on the map is in view already: nothing moves.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function () {
            var group = {{ this._parent.get_name() }};
            var map = {{ this._parent._parent.get_name() }};
            var at = L.latLng({{ this.at|tojson }});
            function show() {
                if (!map.getBounds().pad(-0.04).contains(at)) { map.panTo(at); }
            }
            group.on("add", function () { setTimeout(show, 0); });
            if (map.hasLayer(group)) { setTimeout(show, 0); }
        })();
        {% endmacro %}
        """
    )

    def __init__(self, at: tuple[float, float]) -> None:
        super().__init__()
        self._name = "AtlasShowSelection"
        self.at = list(at)


class _SelectedPlace(MacroElement):
    """Tells the map's other layers which place is selected (``window.atlasSelectedPlace``):
    the front lines' popup links, drawn once per view, keep the reader's selection with it
    (atlas/map/frontlines.py).

    The selection layer draws the selected marker again, its name in bold, over the place
    layer's marker, whose own (regular) name showed round the bold one's letters, a blurred
    double; a style hides the place layer's name of the selected place.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        window.atlasSelectedPlace = {{ this.place|tojson }};
        (function () {
            var style = document.getElementById("atlas-selected-css");
            if (!style) {
                style = document.createElement("style");
                style.id = "atlas-selected-css";
                document.head.appendChild(style);
            }
            var place = window.atlasSelectedPlace;
            style.textContent = place ? '.atlas-pin:not(.atlas-selected):has([data-place="'
                + CSS.escape(place) + '"]) .atlas-label{visibility:hidden}' : "";
        })();
        {% endmacro %}
        """
    )

    def __init__(self, place: str | None) -> None:
        super().__init__()
        self._name = "AtlasSelectedPlace"
        self.place = place
