"""The SQLite store: round trip, one transaction per thread, safe full-text search."""

from __future__ import annotations

from pathlib import Path

import pytest

from geo.corpus import list_threads, load_corpus, save_corpus, search, stored_digest
from geo.pipeline import build_corpus

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_c3b9a48d73eaee79.txt"


@pytest.fixture(scope="module")
def corpus():
    return build_corpus(SEED.read_text(encoding="utf-8"), source=SEED.name)


def test_round_trip_keeps_every_record(tmp_path, corpus):
    db = tmp_path / "atlas.sqlite"
    save_corpus(db, corpus, digest="d1")
    loaded = load_corpus(db, SEED.name)
    assert loaded.entries == corpus.entries
    assert loaded.mentions == corpus.mentions
    assert loaded.claims == corpus.claims
    assert loaded.relations == corpus.relations
    assert loaded.unresolved == corpus.unresolved
    assert {p.id for p in loaded.places} == {p.id for p in corpus.places}
    assert loaded.places == sorted(corpus.places, key=lambda p: p.name)
    assert stored_digest(db, SEED.name) == "d1"
    assert list_threads(db) == [SEED.name]


def test_saving_again_replaces_not_duplicates(tmp_path, corpus):
    db = tmp_path / "atlas.sqlite"
    save_corpus(db, corpus, digest="d1")
    save_corpus(db, corpus, digest="d2")
    assert len(load_corpus(db, SEED.name).mentions) == len(corpus.mentions)
    assert stored_digest(db, SEED.name) == "d2"


def test_a_failed_save_leaves_the_old_thread_whole(tmp_path, corpus, monkeypatch):
    db = tmp_path / "atlas.sqlite"
    save_corpus(db, corpus, digest="d1")
    broken = build_corpus("Azaz.\nPosted by: X | 07 June 2016 at 05:06 PM\n", source=SEED.name)
    broken.claims = ["not a claim"]  # type: ignore[list-item] - makes the insert fail midway
    with pytest.raises((TypeError, AttributeError)):
        save_corpus(db, broken, digest="d2")
    again = load_corpus(db, SEED.name)
    assert len(again.entries) == len(corpus.entries)
    assert stored_digest(db, SEED.name) == "d1"


@pytest.mark.parametrize(
    "query",
    ['Azaz" OR 1=1 --', "Azaz NEAR(", "'; DROP TABLE entries; --", "Azaz*", "AND OR NOT"],
)
def test_search_treats_operators_and_sql_as_text(tmp_path, corpus, query):
    db = tmp_path / "atlas.sqlite"
    save_corpus(db, corpus, digest="d1")
    search(db, query)  # must not raise
    assert len(load_corpus(db, SEED.name).entries) == 26


def test_search_finds_comments_by_words(tmp_path, corpus):
    db = tmp_path / "atlas.sqlite"
    save_corpus(db, corpus, digest="d1")
    hits = search(db, "Qara Qawzak")
    assert hits and all(thread == SEED.name for thread, _ in hits)
    entry = corpus.entries[hits[0][1]]
    assert "Qara Qawzak" in entry.text
    assert search(db, "") == []
