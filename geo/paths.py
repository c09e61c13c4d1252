"""Where every file the project reads or writes lives: one registry, standard library only.

Curated inputs (committed, a person edits or regenerates them) come first, then the files the
project builds.  Every module that needs a data path imports it from here, so a newcomer finds
them in one place and a deployment that moves ``data/`` changes one line.  The database and
the seeds folder can be pointed elsewhere from the environment (``FRONTLINE_DB``,
``FRONTLINE_SEEDS``); :func:`database` and :func:`seeds_dir` read it on each call, not at
import, so a test can point the app at a database of its own.
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = [
    "ACTIONS_PATH",
    "AIR_FORCES_PATH",
    "ALIASES_PATH",
    "BASEMAP_PATH",
    "CHROME_PATH",
    "CLAIM_CONFIDENCE_PATH",
    "CONFIG_PATH",
    "CONTROL_REFERENCE_PATH",
    "CREDITS_PATH",
    "DATA_DIR",
    "DB_PATH",
    "FACTIONS_PATH",
    "INDEX_PATH",
    "INTENT_PATH",
    "MODALITY_PATH",
    "MODEL_PINS_PATH",
    "NAME_ERRORS_PATH",
    "NOT_PLACES_PATH",
    "ONLINE_CACHE_PATH",
    "QUARTERS_PATH",
    "REGIONAL_PATH",
    "ROOT",
    "SEEDS_DIR",
    "SUPPLEMENT_PATH",
    "database",
    "seeds_dir",
]

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
SEEDS_DIR = ROOT / "seeds"

# Curated inputs, committed: each CSV/JSON carries its own `source` column or note.
ACTIONS_PATH = DATA_DIR / "actions.csv"                  # claim action verbs
MODALITY_PATH = DATA_DIR / "modality.csv"                # hedges, reports, denials
INTENT_PATH = DATA_DIR / "intent.csv"                    # words of aim: wanted, not done
FACTIONS_PATH = DATA_DIR / "factions.csv"                # faction aliases and sides
AIR_FORCES_PATH = DATA_DIR / "air_forces.csv"            # the actors that strike from the air
NOT_PLACES_PATH = DATA_DIR / "not_places.csv"            # words that look like places, are not
CHROME_PATH = DATA_DIR / "thread_chrome.csv"             # page furniture copied with a thread
CONFIG_PATH = DATA_DIR / "gazetteer_config.json"         # region, sources and their weights
SUPPLEMENT_PATH = DATA_DIR / "gazetteer_supplement.csv"  # places GeoNames lacks
ALIASES_PATH = DATA_DIR / "gazetteer_aliases.csv"        # spellings GeoNames lacks
QUARTERS_PATH = DATA_DIR / "city_quarters.csv"           # quarters of cities, ranked by nearness
NAME_ERRORS_PATH = DATA_DIR / "gazetteer_name_errors.csv"  # a source's name for the wrong place
REGIONAL_PATH = DATA_DIR / "regional_places.tsv.gz"  # python -m geo sources GAZETTEERS
BASEMAP_PATH = DATA_DIR / "countries.geojson"  # Natural Earth outlines (map and gazetteer)
CONTROL_REFERENCE_PATH = DATA_DIR / "control_reference.csv"  # who held what, cited
CLAIM_CONFIDENCE_PATH = DATA_DIR / "claim_confidence.json"   # fitted by bench/fit_confidence.py
MODEL_PINS_PATH = DATA_DIR / "model_pins.json"  # the parser model the claims were fitted on
CREDITS_PATH = DATA_DIR / "CREDITS.md"

# Built, not committed (.gitignore).
INDEX_PATH = DATA_DIR / "gazetteer_index.tsv.gz"         # python -m geo index
ONLINE_CACHE_PATH = DATA_DIR / "online_cache.json"       # answers of the opt-in online geocoder
DB_PATH = DATA_DIR / "atlas.sqlite"  # python -m geo build; the app's first start


def database() -> Path:
    """The database the app and the command line use: ``FRONTLINE_DB``, else :data:`DB_PATH`."""
    return Path(os.environ.get("FRONTLINE_DB") or DB_PATH)


def seeds_dir() -> Path:
    """The threads built on the app's first start: ``FRONTLINE_SEEDS``, else ``seeds/``."""
    return Path(os.environ.get("FRONTLINE_SEEDS") or SEEDS_DIR)
