"""atlas/ui/frozen.py: a map layer rendered once per what it is drawn from, replayed exactly."""

from __future__ import annotations

import folium
from streamlit_folium import _get_feature_group_string

from atlas.ui.frozen import frozen_layer


def _group(label: str) -> folium.FeatureGroup:
    group = folium.FeatureGroup(control=False)
    folium.Marker((36.2, 37.16), tooltip=label).add_to(group)
    return group


def _as_sent(group: folium.FeatureGroup, idx: int) -> str:
    """What streamlit-folium sends the browser for ``group`` as the idx-th added group."""
    page_map = folium.Map(tiles=None)
    page_map.get_root().render()
    return _get_feature_group_string(group, map=page_map, idx=idx)


def test_a_frozen_layer_is_built_once_per_owner_and_key_and_sent_alike():
    owner, built = object(), []

    def build() -> folium.FeatureGroup:
        built.append(1)
        return _group("Aleppo")

    first = _as_sent(frozen_layer(build, owner=owner, key="places"), 1)
    again = _as_sent(frozen_layer(build, owner=owner, key="places"), 1)
    assert len(built) == 1 and first == again
    assert "Aleppo" in first and "L.marker" in first
    # the page's group name is an alias of the kept group, added and listed as streamlit-folium
    # does for any group
    assert "var feature_group_feature_group_1 = " in first
    assert "window.feature_group.push(feature_group_feature_group_1)" in first
    frozen_layer(build, owner=owner, key="other")
    frozen_layer(build, owner=object(), key="places")
    assert len(built) == 3


def test_two_frozen_layers_never_share_a_variable():
    one = _as_sent(frozen_layer(lambda: _group("Azaz"), owner=object(), key="a"), 0)
    two = _as_sent(frozen_layer(lambda: _group("Manbij"), owner=object(), key="a"), 1)
    names = [text.split("var marker_")[1].split(" ")[0] for text in (one, two)]
    assert names[0] != names[1]


def test_a_layer_the_frame_holds_is_sent_by_name_only():
    owner, held = object(), []
    first = _as_sent(frozen_layer(lambda: _group("Tabqa"), owner=owner, key="p", held=held), 1)
    again = _as_sent(frozen_layer(lambda: _group("Tabqa"), owner=owner, key="p", held=held), 1)
    assert "Tabqa" in first and "L.marker" in first and len(held) == 1
    assert "Tabqa" not in again and "L.marker" not in again
    assert held[0] in again and "atlas_missing" in again  # by name; asks if it is not there
    assert "window.feature_group.push(feature_group_feature_group_1)" in again
    held.clear()  # the page forgets (a new frame): the whole layer again
    assert _as_sent(frozen_layer(lambda: _group("Tabqa"), owner=owner, key="p",
                                 held=held), 1) == first
