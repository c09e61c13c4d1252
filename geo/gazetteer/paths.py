"""Where the gazetteer's files live: curated inputs first, then what is built from them."""

from __future__ import annotations

from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent.parent.parent / "data"

# Curated and derived inputs, committed.
CONFIG_PATH = DATA_DIR / "gazetteer_config.json"
SUPPLEMENT_PATH = DATA_DIR / "gazetteer_supplement.csv"
ALIASES_PATH = DATA_DIR / "gazetteer_aliases.csv"
REGIONAL_PATH = DATA_DIR / "regional_places.tsv.gz"  # python -m geo sources ../shared/gazetteers
BASEMAP_PATH = DATA_DIR / "countries.geojson"

# Built, not committed (.gitignore): python -m geo index.
INDEX_PATH = DATA_DIR / "gazetteer_index.tsv.gz"
