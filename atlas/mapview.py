"""Kept so that code written against the old module still imports: the map is atlas.map now."""

from __future__ import annotations

from atlas.map import *  # noqa: F403
from atlas.map import __all__  # noqa: F401
