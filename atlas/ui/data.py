"""Where the dashboard gets its corpus: the SQLite database, built on first start.

Every Streamlit cache of the app is here, and one idiom: ``st.cache_resource`` keyed by what
the value is made from (a thread's stored digest, every thread's digest for the archive).
The pipeline runs only when the database lacks a seed thread (first start, or a deleted or
corrupted file), with a progress bar; a rerun (every slider move) reads the cached corpus.
``corpus("all")`` is every thread as one :class:`atlas.archive.Archive`, cached until a thread
is added or rebuilt.  The database (``FRONTLINE_DB``) and the seeds folder
(``FRONTLINE_SEEDS``) are read from the environment on each call, not at import, so a test can
point the app at a database of its own.
"""

from __future__ import annotations

import datetime
import hashlib
import re
import sqlite3
from pathlib import Path

import streamlit as st

from atlas.archive import ALL_THREADS, Archive, merge
from geo.corpus import (
    built_by_this_pipeline,
    list_threads,
    load_corpus,
    save_corpus,
    stored_digest,
    stored_input,
    text_digest,
    thread_digests,
    thread_titles,
)
from geo.corpus import search as _search_store
from geo.formats.detect import format_report
from geo.gazetteer import ensure_index
from geo.paths import ROOT, database, seeds_dir
from geo.people import one_name_per_person
from geo.pipeline import build_corpus, decode_thread_bytes, read_thread_file
from geo.records import Corpus
from geo.thread import ThreadError, parse_thread

__all__ = [
    "ALL_THREADS",
    "ROOT",
    "ThreadError",
    "corpus",
    "database",
    "decode_thread_bytes",
    "ensure_database",
    "recognised",
    "search",
    "seeds_dir",
    "store_pasted",
    "thread_digests",
    "thread_titles",
    "threads",
]


def _seed_files() -> list[Path]:
    return sorted(seeds_dir().glob("*.txt"))


def _database_ok(db: Path) -> bool:
    try:
        stored = thread_digests(db)
    except sqlite3.DatabaseError:
        return False
    # a seed built by an older pipeline (code or data files since changed) is rebuilt too
    return all(built_by_this_pipeline(stored.get(p.name)) for p in _seed_files())


def ensure_database(db: Path | None = None) -> Path:
    """Build what is missing (gazetteer index, seed threads) and say so on the page."""
    db = db or database()
    # One placeholder on every run, built or not: the page's elements keep their places in
    # the tree, so the map after them is not mounted afresh on the run after a build.
    holder = st.empty()
    if _database_ok(db):
        return db
    if db.exists():
        try:
            list_threads(db)
        except sqlite3.DatabaseError:
            st.warning(f"The database {db.name} was unreadable; rebuilding it from seeds/.")
            db.unlink()
    # in the placeholder, so that once built the notice leaves the first screen to the map
    failed = False
    with holder.status("Building the map data from seeds/ (first start, or new code or data "
                       "since the last build) ...", expanded=True) as box:
        bar = st.progress(0.0, text="gazetteer index")
        ensure_index(quiet=True)
        files = _seed_files()
        for number, path in enumerate(files):
            if built_by_this_pipeline(stored_digest(db, path.name)):
                continue
            try:
                text = read_thread_file(path)
            except ThreadError as error:
                st.error(error.describe())
                failed = True
                continue

            def progress(step: str, fraction: float, *, n: int = number,
                         name: str = path.name) -> None:
                bar.progress(min(1.0, (n + fraction) / max(1, len(files))),
                             text=f"{name}: {step}")

            built = build_corpus(text, source=path.name, progress=progress)
            save_corpus(db, built, digest=text_digest(text))
        box.update(label="Map data built.", state="complete", expanded=False)
    if not failed:  # a file that could not be read keeps its message on the page
        holder.empty()
    return db


def threads(db: str | Path | None = None) -> list[str]:
    """The threads in the database, by name: one small query, so never stale (no cache)."""
    return list(thread_digests(Path(db or database())))


def forget() -> None:
    """Drop the cached corpora: a review changed what loading a thread gives (its digest,
    the cache key, is the thread's text and pipeline, which a review does not change)."""
    _cached_corpus.clear()
    _cached_archive.clear()


@st.cache_resource(show_spinner=False, max_entries=16)
def _cached_corpus(db: str, source: str, digest: str | None) -> Corpus:
    # one person, one name on every page: the post's "pl" is turcopolier (geo/people.py)
    return one_name_per_person(load_corpus(Path(db), source))


@st.cache_resource(show_spinner="Reading every thread of the archive ...", max_entries=2)
def _cached_archive(db: str, digests: tuple[tuple[str, str], ...]) -> Archive:
    # keyed by every thread and its digest: a new or rebuilt thread makes a new archive
    return merge([one_name_per_person(load_corpus(Path(db), source))
                  for source, _ in digests])


def corpus(source: str, db: Path | None = None) -> Corpus:
    """One thread's corpus, cached until the thread is rebuilt (its digest changes).

    ``source == "all"`` (:data:`ALL_THREADS`): every thread as one archive, cached until a
    thread is added, removed or rebuilt; a rerun costs one small query.
    """
    db = db or database()
    if source == ALL_THREADS:
        digests = thread_digests(db)
        stale = [name for name, digest in digests.items() if not built_by_this_pipeline(digest)]
        if stale and any([_bring_up_to_date(db, name, digests[name]) for name in stale]):
            digests = thread_digests(db)
        return _cached_archive(str(db), tuple(digests.items()))
    digest = stored_digest(db, source)
    if _bring_up_to_date(db, source, digest):
        digest = stored_digest(db, source)
    return _cached_corpus(str(db), source, digest)


def _bring_up_to_date(db: Path, source: str, digest: str | None) -> bool:
    """Rebuild an ingested thread that older code built, from the text it was stored with (a
    file's thread is rebuilt from the file: ``ensure_database``, ``python -m geo build``).
    Reviews are keyed by the text, so they survive.  True when it was rebuilt."""
    if digest is None or built_by_this_pipeline(digest):
        return False
    kept = stored_input(db, source)
    if kept is None:  # stored before texts were kept: it stays as built
        return False
    text, settings = kept
    with st.status(f"Updating {source}: it was built by an earlier version of the code "
                   "or data ...") as box:
        _build_and_store(text, source, db=db, strict=bool(settings.get("strict")),
                         as_of=_moment(settings.get("as_of")))
        box.update(label=f"Updated {source}.", state="complete", expanded=False)
    return True


def _moment(value: object) -> datetime.date | None:
    """An ``as_of`` as stored (ISO text): a datetime when it has a clock, else a day."""
    if not isinstance(value, str) or not value:
        return None
    if "T" in value:
        return datetime.datetime.fromisoformat(value)
    return datetime.date.fromisoformat(value)


def store_pasted(text: str, *, name: str, db: Path | None = None, strict: bool = False,
                 progress=None, as_of=None) -> str:
    """Run the pipeline on an ingested text and store it; returns the thread's name.
    ``as_of`` (a datetime) resolves relative times such as "2 hours ago"."""
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]
    stem = re.sub(r"[^\w.-]+", "_", Path(name).stem)[:40].strip("._") or "pasted"
    source = f"{stem}-{digest}.txt"  # a safe file-like name: it appears in URLs and captions
    _build_and_store(text, source, db=db or database(), strict=strict, progress=progress,
                     as_of=as_of)
    return source


def _build_and_store(text: str, source: str, *, db: Path, strict: bool, as_of=None,
                     progress=None) -> None:
    """Build an ingested text and store it with the text and settings, to rebuild it later."""
    moment = as_of.isoformat() if as_of else None
    built = build_corpus(text, source=source, strict=strict, progress=progress, as_of=as_of)
    save_corpus(db, built, digest=text_digest(text, strict=strict, as_of=moment), text=text,
                settings={"strict": strict, "as_of": moment})


def search(text: str, *, source: str | None = None, limit: int = 200,
           db: Path | None = None) -> list[tuple[str, int]]:
    """(thread, entry id) of the comments holding every word of ``text``, best first."""
    return _search_store(db or database(), text, source=source, limit=limit)


@st.cache_resource(show_spinner=False, max_entries=4)
def recognised(data: bytes, *, source: str, as_of=None) -> str:
    """What the thread reader recognises in ``data`` (a file's bytes), in one line: family,
    entries, authors, times, replies; "" when it is not a thread (the build says why).
    Cached: the Ingest page reruns on every keystroke."""
    try:
        text = decode_thread_bytes(data, source=source)
        return format_report(parse_thread(text, source=source, as_of=as_of))
    except ThreadError:
        return ""
