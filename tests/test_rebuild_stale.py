"""A thread ingested in the app, then the code or data changed: opening it rebuilds it from the
text it was stored with (its map is what the present code draws), and keeps its reviews.

A thread's digest starts with the pipeline's stamp (geo.corpus.pipeline_stamp); "older code" is
made here by rewriting that stamp in the database, as an upgrade of the code would leave it.
"""

from __future__ import annotations

import datetime
import sqlite3
import uuid

import pytest

from atlas.ui.data import ensure_database, store_pasted
from geo.corpus import (
    built_by_this_pipeline,
    load_corpus,
    save_corpus,
    stored_digest,
    stored_input,
    text_digest,
)
from geo.pipeline import build_corpus
from tests.test_pages import forget, run_page

THREAD = ("Fighting in the north\nIS took Azaz today after a night of shelling.\n"
          "Posted by: Joe | 07 June 2016 at 05:06 PM\n"
          "The SDF entered Manbij from the south.\n"
          "Posted by: Ann | 08 June 2016 at 09:15 AM\n")


def _age(db, name: str) -> str:
    """Make the stored build look like older code's: a different stamp before the text hash."""
    old = "0" * 12 + "-" + stored_digest(db, name).split("-", 1)[1]
    with sqlite3.connect(db) as con:
        con.execute("UPDATE threads SET digest = ?, title = '' WHERE source = ?", (old, name))
    assert not built_by_this_pipeline(stored_digest(db, name))
    return old


def test_an_ingested_thread_keeps_its_text_and_settings():
    db = ensure_database()
    name = store_pasted(THREAD, name=f"kept-{uuid.uuid4().hex[:8]}", strict=True)
    try:
        text, settings = stored_input(db, name)
        assert text == THREAD and settings == {"strict": True, "as_of": None}
    finally:
        forget(name)


@pytest.mark.parametrize("as_of", [None, datetime.date(2016, 6, 9)])
def test_opening_a_thread_built_by_older_code_rebuilds_it(as_of):
    db = ensure_database()
    name = store_pasted(THREAD, name=f"stale-{uuid.uuid4().hex[:8]}", as_of=as_of)
    try:
        fresh, built = load_corpus(db, name), stored_digest(db, name)
        _age(db, name)
        assert load_corpus(db, name).title == ""  # what the older build stored
        at = run_page("pages/0_Map.py", thread=name)
        assert stored_digest(db, name) == built  # the same text and settings as ingested
        rebuilt = load_corpus(db, name)
        assert rebuilt.title == fresh.title == "Fighting in the north"
        assert [c.quote for c in rebuilt.claims] == [c.quote for c in fresh.claims]
        assert any("Fighting in the north" in md.value for md in at.markdown)
    finally:
        forget(name)


def test_a_thread_stored_without_its_text_stays_as_built():
    db = ensure_database()
    name = f"nofile-{uuid.uuid4().hex[:8]}.txt"
    save_corpus(db, build_corpus(THREAD, source=name), digest=text_digest(THREAD))
    try:
        old = _age(db, name)
        assert stored_input(db, name) is None
        run_page("pages/0_Map.py", thread=name)
        assert stored_digest(db, name) == old  # nothing to rebuild from: opened as it was
    finally:
        forget(name)
