"""Where the dashboard gets its corpus: the SQLite database, built on first start.

The pipeline runs only when the database lacks a seed thread (first start, or a deleted or
corrupted file), with a progress bar; a rerun (every slider move) reads the cached corpus.
"""

from __future__ import annotations

import hashlib
import os
import re
import sqlite3
from pathlib import Path

import streamlit as st

from geo.corpus import (
    DB_PATH,
    list_threads,
    load_corpus,
    save_corpus,
    stored_digest,
    text_digest,
)
from geo.gazetteer import ensure_index
from geo.pipeline import build_corpus, read_thread_file
from geo.records import Corpus
from geo.thread import ThreadError

__all__ = ["ROOT", "SEEDS", "corpus", "ensure_database", "threads"]

ROOT = Path(__file__).resolve().parent.parent
# FRONTLINE_SEEDS: the folder of threads built on first start (default: seeds/).
SEEDS = Path(os.environ.get("FRONTLINE_SEEDS") or ROOT / "seeds")


def _seed_files() -> list[Path]:
    return sorted(SEEDS.glob("*.txt"))


def _database_ok(db: Path) -> bool:
    try:
        return all(stored_digest(db, p.name) is not None for p in _seed_files())
    except sqlite3.DatabaseError:
        return False


def ensure_database(db: Path = DB_PATH) -> Path:
    """Build what is missing (gazetteer index, seed threads) and say so on the page."""
    if _database_ok(db):
        return db
    if db.exists():
        try:
            list_threads(db)
        except sqlite3.DatabaseError:
            st.warning(f"The database {db.name} was unreadable; rebuilding it from seeds/.")
            db.unlink()
    with st.status("First start: building the map data from seeds/ ...", expanded=True) as box:
        bar = st.progress(0.0, text="gazetteer index")
        ensure_index(quiet=True)
        files = _seed_files()
        for number, path in enumerate(files):
            if stored_digest(db, path.name) is not None:
                continue
            try:
                text = read_thread_file(path)
            except ThreadError as error:
                st.error(error.describe())
                continue

            def progress(step: str, fraction: float, *, n: int = number,
                         name: str = path.name) -> None:
                bar.progress(min(1.0, (n + fraction) / max(1, len(files))),
                             text=f"{name}: {step}")

            built = build_corpus(text, source=path.name, progress=progress)
            save_corpus(db, built, digest=text_digest(text))
        box.update(label="Map data built.", state="complete", expanded=False)
    threads.clear()
    return db


@st.cache_data(show_spinner=False)
def threads(db: str = str(DB_PATH)) -> list[str]:
    return list_threads(Path(db))


@st.cache_resource(show_spinner=False, max_entries=16)
def _cached_corpus(db: str, source: str, digest: str | None) -> Corpus:
    return load_corpus(Path(db), source)


def corpus(source: str, db: Path = DB_PATH) -> Corpus:
    """One thread's corpus, cached until the thread is rebuilt (its digest changes)."""
    return _cached_corpus(str(db), source, stored_digest(db, source))


def store_pasted(text: str, *, name: str, db: Path = DB_PATH, strict: bool = True,
                 progress=None) -> str:
    """Run the pipeline on an ingested text and store it; returns the thread's name."""
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]
    stem = re.sub(r"[^\w.-]+", "_", Path(name).stem)[:40].strip("._") or "pasted"
    source = f"{stem}-{digest}.txt"  # a safe file-like name: it appears in URLs and captions
    built = build_corpus(text, source=source, strict=strict, progress=progress)
    save_corpus(db, built, digest=text_digest(text))
    threads.clear()
    return source
