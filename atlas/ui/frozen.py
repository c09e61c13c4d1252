"""A map layer rendered once per what it is drawn from, then handed to st_folium as its script.

Why: streamlit-folium renders every group of ``feature_group_to_add`` on every run of the
page, through folium's jinja templates (and compiles each element's output once more as a
template).  For the seed thread the place and front-line layers cost 0.3-0.4 s of every
run, a click that only selects a place included, though neither had changed.  A frozen
layer is rendered once, into a throwaway map under the names streamlit-folium gives a
group's parts, and kept; later runs pass a group whose script is that text, so the page's
map gets exactly what it got the first time.  Once the reader's map frame has built a
layer, later runs send its name only (``held``): a selection re-sent 0.3 MB of layer
script for nothing.

    layer = frozen_layer(lambda: place_layers(view), owner=view, key="places")

``owner`` is compared by identity (a view is remembered by the view memo in atlas/view.py,
so the same filters and time give the same object) and kept alive with the entry, so its
id is never reused while the entry lives; ``key`` says what else the layer is drawn from.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable, Hashable

import folium
from folium.template import Template
from streamlit_folium import generate_leaflet_string

__all__ = ["frozen_layer", "layer_script"]

#: Frozen layers kept (the place and front-line layers of the last few views).
KEEP = 8
_KEPT: list[tuple[object, Hashable, str, str]] = []  # owner, key, group's name, script
_NAMES = itertools.count()
_LOCK = threading.Lock()


class _Frozen(folium.FeatureGroup):
    """A group whose script is a kept rendering, built once in the browser too.

    The browser keeps the group it built under its name (``window.atlasKept``, the last
    :data:`KEEP`), and this group is a proxy for it: streamlit-folium removes every group
    and evaluates the new script on each change of any group (a click changes the
    selection's), and the kept group then stays on the map, untouched, instead of being
    built and drawn again.  It leaves the map when no proxy holds it after a rerun (the
    view changed).
    """

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function () {
            var kept = window.atlasKept = window.atlasKept || {order: [], groups: {}};
            {% if this.script %}
            if (!kept.groups[{{ this.kept|tojson }}]) {
                {{ this.script }}
                kept.groups[{{ this.kept|tojson }}] = {{ this.kept }};
                kept.order.push({{ this.kept|tojson }});
                kept.order = kept.order.filter(function (name, index) {
                    var keep = index >= kept.order.length - {{ this.keep }}
                        || map_div.hasLayer(kept.groups[name]);
                    if (!keep) { delete kept.groups[name]; }
                    return keep;
                });
            }
            {% endif %}
        })();
        var {{ this.get_name() }} = (function (group) {
            var proxy = L.layerGroup();
            if (!group) {  // sent by name, but this frame never built it: ask for all of it
                var data = window.__GLOBAL_DATA__ || {};
                var last = (data.previous_data || {}).last_object_clicked || null;
                setTimeout(function () {
                    window.parent.postMessage({isStreamlitMessage: true, dataType: "json",
                        type: "streamlit:setComponentValue",
                        value: {last_object_clicked: last,
                                atlas_missing: {{ this.kept|tojson }} + "@" + Date.now()}},
                        "*");
                }, 0);
                return proxy;
            }
            proxy.on("add", function () {
                group.atlasUsers = (group.atlasUsers || 0) + 1;
                if (!map_div.hasLayer(group)) { map_div.addLayer(group); }
            });
            proxy.on("remove", function () {
                group.atlasUsers -= 1;
                setTimeout(function () {
                    if (group.atlasUsers <= 0) { map_div.removeLayer(group); }
                }, 0);
            });
            return proxy;
        })(window.atlasKept.groups[{{ this.kept|tojson }}]);
        {% endmacro %}
        """)
    keep = KEEP

    def __init__(self, script: str, kept: str) -> None:
        super().__init__(control=False)
        self._name = "FeatureGroup"
        self.script = script
        self.kept = kept

    def render(self, **kwargs) -> None:
        """Nothing to add: the kept script creates every part and adds the group."""


def layer_script(group: folium.FeatureGroup, name: str) -> tuple[str, str]:
    """``group``'s script as streamlit-folium would write it, and the group's variable.

    Rendered into a throwaway map (its variable written ``map_div``, streamlit-folium's
    name for the page's map) with ``name`` as the group's id, so that parts of different
    frozen layers never share a variable.
    """
    throwaway = folium.Map(tiles=None)
    throwaway.get_root().render()
    group._id = name
    group.add_to(throwaway)
    group.render()
    script = generate_leaflet_string(group, base_id=name)
    return script.replace(f"map_{throwaway._id}", "map_div"), group.get_name()


def frozen_layer(build: Callable[[], folium.FeatureGroup], *, owner: object,
                 key: Hashable, held: list[str] | None = None) -> folium.FeatureGroup:
    """The group ``build()`` makes, rendered once per (``owner``, ``key``) and replayed.

    ``held``: the frozen layers the reader's map frame has built, as the page keeps count
    (the last :data:`KEEP` sent whole, as the browser keeps them).  One of these is sent by
    name only, not its script again; a frame that turns out not to hold it asks for it
    (its map value gets ``atlas_missing``), and the page then forgets ``held``.
    """
    found = None
    with _LOCK:  # sessions run in threads of one process
        for index, (known, known_key, name, script) in enumerate(_KEPT):
            if known is owner and known_key == key:
                _KEPT.insert(0, _KEPT.pop(index))
                found = name, script
                break
    if found is None:
        found = tuple(reversed(layer_script(build(), f"frozen{next(_NAMES)}")))
        with _LOCK:
            _KEPT.insert(0, (owner, key, *found))
            del _KEPT[KEEP:]
    name, script = found
    if held is not None:
        if name in held:
            return _Frozen("", name)
        held.append(name)
        del held[:-KEEP]
    return _Frozen(script, name)
