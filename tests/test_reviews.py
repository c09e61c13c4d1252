"""Analyst reviews of claims: checked, stored by text (surviving a rebuild), applied on load,
exported, and kept off the map when rejected; the review and claim-confidence URL filters."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from atlas.state import parse_query, to_query
from atlas.view import Filters, apply_filters, timeline
from geo.corpus import load_corpus, load_reviews, save_corpus, save_review, thread_text_key
from geo.export import claims_csv, to_json
from geo.pipeline import build_corpus
from geo.reviews import ReviewError, apply_reviews, make_review

THREAD = ("IS took Azaz. The SDF advanced towards Manbij. pl\n"
          "Daesh fled Manbij.\n"
          "Posted by: Joe | 07 June 2016 at 06:06 PM\n")
WHEN = datetime(2026, 12, 2, 15, 0, tzinfo=UTC)
ROOT = Path(__file__).resolve().parents[1]  # AppTest resolves paths against the caller


@pytest.fixture(scope="module")
def corpus():
    built = build_corpus(THREAD, source="t.txt", signature="pl")
    assert len(built.claims) >= 2, built.claims
    return built


def stored(tmp_path, corpus, digest="stamp1-texthash"):
    db = tmp_path / "atlas.sqlite"
    save_corpus(db, corpus, digest=digest)
    return db


def test_a_review_needs_a_name_a_verdict_and_a_real_correction(corpus):
    claim = corpus.claims[0]
    with pytest.raises(ReviewError, match="name"):
        make_review("k", claim, "confirm", "   ")
    with pytest.raises(ReviewError, match="verdict"):
        make_review("k", claim, "approve", "Ann")
    with pytest.raises(ReviewError, match="must change"):
        make_review("k", claim, "correct", "Ann", actor=claim.actor, action=claim.action)
    review = make_review("k", claim, "correct", "Ann", actor="saa", now=WHEN)
    assert review.corrections() == {"actor": "saa"}
    assert (review.reviewer, review.reviewed_at) == ("Ann", "2026-12-02T15:00:00+00:00")


def test_reviews_are_applied_on_load_and_survive_a_rebuild_of_the_same_text(tmp_path, corpus):
    db = stored(tmp_path, corpus)
    key = thread_text_key(db, "t.txt")
    assert key == "texthash"
    first, second = corpus.claims[0], corpus.claims[1]
    save_review(db, make_review(key, first, "reject", "Ann", now=WHEN))
    save_review(db, make_review(key, second, "correct", "Bo", modality="speculative",
                                now=WHEN))
    loaded = {c.id: c for c in load_corpus(db, "t.txt").claims}
    assert loaded[first.id].review == "rejected" and loaded[first.id].reviewer == "Ann"
    assert loaded[second.id].review == "corrected"
    assert loaded[second.id].modality == "speculative"
    # newer code rebuilds the same text, and renumbers the claims: the reviews still apply
    renumbered = replace(corpus, claims=[replace(c, id=f"x{n}")
                                         for n, c in enumerate(corpus.claims)])
    save_corpus(db, renumbered, digest="stamp2-texthash")
    again = load_corpus(db, "t.txt").claims
    assert [c.review for c in again[:2]] == ["rejected", "corrected"]
    assert len(load_reviews(db, "t.txt")) == 2
    # another text under the same name has none of them
    save_corpus(db, corpus, digest="stamp2-othertext")
    assert not any(c.review for c in load_corpus(db, "t.txt").claims)


def test_the_latest_review_wins(corpus):
    claim = corpus.claims[0]
    early = make_review("k", claim, "reject", "Ann", now=WHEN)
    late = make_review("k", claim, "confirm", "Bo", now=WHEN.replace(hour=16))
    (result,) = apply_reviews([claim], [late, early])
    assert (result.review, result.reviewer) == ("confirmed", "Bo")


def test_a_rejected_claim_never_colours_the_map_and_reviewed_only_filters(corpus):
    claim = corpus.claims[0]
    reviewed = replace(corpus, claims=apply_reviews(
        corpus.claims, [make_review("k", claim, "reject", "Ann", now=WHEN),
                        make_review("k", corpus.claims[1], "confirm", "Ann", now=WHEN)]))
    view = apply_filters(reviewed, Filters())
    assert claim.id not in {c.id for c in view.claims}
    assert "IS" not in view.sides_by_place.get(claim.places[0], [])  # Azaz: no IS colour
    assert "IS" in apply_filters(corpus, Filters()).sides_by_place[claim.places[0]]
    only = apply_filters(reviewed, Filters(reviewed_only=True))
    assert [c.id for c in only.claims] == [corpus.claims[1].id]


def test_claim_confidence_is_a_number_and_a_filter(corpus):
    assert all(0.0 <= c.confidence <= 1.0 for c in corpus.claims)
    threshold = max(c.confidence for c in corpus.claims)
    view = apply_filters(corpus, Filters(min_claim_confidence=threshold))
    assert view.claims and all(c.confidence >= threshold for c in view.claims)
    assert len(view.claims) <= len(corpus.claims)


def test_the_url_carries_reviewed_only_and_claim_confidence(corpus):
    steps = timeline(corpus)
    state, notes = parse_query({"reviewed": "1", "claimconf": "0.7"}, corpus=corpus,
                               steps=steps, side_names=[])
    assert not notes
    assert state.filters.reviewed_only and state.filters.min_claim_confidence == 0.7
    assert to_query(state, steps=steps) == {"reviewed": ["1"], "claimconf": ["0.7"]}
    state, notes = parse_query({"reviewed": "maybe", "claimconf": "2"}, corpus=corpus,
                               steps=steps, side_names=[])
    assert len(notes) == 2 and not state.filters.reviewed_only


def test_exports_carry_confidence_and_review(corpus):
    claim = corpus.claims[0]
    reviewed = replace(corpus, claims=apply_reviews(
        corpus.claims, [make_review("k", claim, "confirm", "Ann", now=WHEN)]))
    rows = list(csv.DictReader(io.StringIO(claims_csv(reviewed))))
    assert rows[0]["review"] == "confirmed" and rows[0]["reviewer"] == "Ann"
    assert float(rows[0]["confidence"]) == claim.confidence
    data = json.loads(to_json(reviewed))
    assert data["claims"][0]["review"] == "confirmed"
    assert "confidence" in data["claims"][0]


def test_a_review_from_a_places_panel_is_stored_with_its_name_and_shown():
    """The Map page's panel form, run in-process (AppTest) on the real database: confirm the
    first claim about Azaz; the review is stored with the name, applied on the next load, and
    removed again so other tests see the thread unreviewed."""
    import uuid

    from streamlit.testing.v1 import AppTest

    from atlas.ui.data import ensure_database
    from geo.corpus import DB_PATH, connect

    db = ensure_database(DB_PATH)
    seed = "000_c3b9a48d73eaee79.txt"
    azaz = next(p.id for p in load_corpus(db, seed).places if p.name == "Azaz")
    name = f"Tester {uuid.uuid4().hex[:6]}"
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.query_params["thread"] = seed
    at.query_params["place"] = azaz
    at.switch_page("pages/0_Map.py").run()
    assert not at.exception, [e.message for e in at.exception]
    # the form is made only when the reader opens the review expander
    assert "review_name" not in {t.key for t in at.text_input}
    at.session_state["panel_review_open"] = True  # the reader opens "Review these claims"
    at.run()
    try:
        at.text_input(key="review_name").input(name)
        claim_id = at.selectbox(key="panel_review_claim").value
        at.radio(key=f"panel_{claim_id}_verdict").set_value("confirm")
        next(b for b in at.button if b.label == "Save review").click().run()
        assert not at.exception, [e.message for e in at.exception]
        stored_reviews = [r for r in load_reviews(db, seed) if r.reviewer == name]
        assert len(stored_reviews) == 1 and stored_reviews[0].verdict == "confirm"
        reviewed = [c for c in load_corpus(db, seed).claims if c.reviewer == name]
        assert len(reviewed) == 1 and reviewed[0].review == "confirmed"
    finally:
        with connect(db) as con:
            con.execute("DELETE FROM reviews WHERE reviewer = ?", (name,))
