"""The offline gazetteer: GeoNames, the regional sources, curated rows, the names people use.

A face: the pieces live in

* ``paths``    where every gazetteer file lives (``DATA_DIR``, ``INDEX_PATH`` ...);
* ``folding``  name keys and transliteration skeletons;
* ``sources``  one loader per regional source (Who's On First, OCHA, airportsdata), merged
  into the committed ``data/regional_places.tsv.gz`` by ``python -m geo sources``;
* ``index``    the built runtime index (``python -m geo index``);
* ``lookup``   the ``Gazetteer``: candidates by name, by skeleton, admin areas.

>>> name_key("Deir ez-Zor"), name_key("Māri‘"), name_key("az-Zahra")
('deir ez zor', 'mari', 'az zahra')
"""

from __future__ import annotations

from geo.gazetteer.folding import (
    ARTICLES,
    SHORT_SKELETON,
    close_form,
    name_key,
    skeleton,
    strip_article,
)
from geo.gazetteer.index import (
    build_index,
    ensure_index,
    index_is_current,
    indexed_cities,
)
from geo.gazetteer.lookup import QUARTER_PREFIX, Candidate, Gazetteer, load_gazetteer
from geo.paths import (
    ALIASES_PATH,
    BASEMAP_PATH,
    CONFIG_PATH,
    DATA_DIR,
    INDEX_PATH,
    REGIONAL_PATH,
    SUPPLEMENT_PATH,
)

__all__ = [
    "ALIASES_PATH",
    "ARTICLES",
    "BASEMAP_PATH",
    "CONFIG_PATH",
    "DATA_DIR",
    "INDEX_PATH",
    "QUARTER_PREFIX",
    "REGIONAL_PATH",
    "SHORT_SKELETON",
    "SUPPLEMENT_PATH",
    "Candidate",
    "Gazetteer",
    "build_index",
    "close_form",
    "ensure_index",
    "index_is_current",
    "indexed_cities",
    "load_gazetteer",
    "name_key",
    "skeleton",
    "strip_article",
]
