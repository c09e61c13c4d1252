"""Where the gazetteer's files live: the names it has always used, from the one registry."""

from __future__ import annotations

from geo.paths import (  # noqa: F401  (re-exported: the gazetteer's face names them)
    ALIASES_PATH,
    BASEMAP_PATH,
    CONFIG_PATH,
    DATA_DIR,
    INDEX_PATH,
    REGIONAL_PATH,
    SUPPLEMENT_PATH,
)
