"""Kept for old imports: the map's local assets are atlas.map.assets now."""

from __future__ import annotations

from atlas.map.assets import *  # noqa: F403
from atlas.map.assets import __all__  # noqa: F401
