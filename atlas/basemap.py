"""Kept for old imports: the offline base map is atlas.map.basemap now."""

from __future__ import annotations

from atlas.map.basemap import *  # noqa: F403
from atlas.map.basemap import __all__  # noqa: F401
