"""The review form for one claim: confirm, reject or correct it, with the reviewer's name.

Used by the Claims page (the selected row) and by a place's panel (each claim about the
place).  A review is stored in the database (geo/corpus.py ``save_review``) under the
thread's text, so it survives a rebuild; after saving, the cached corpora are dropped so every
page shows the review at once.  A bad input (no name, a correction that changes nothing) is
said on the page and nothing is stored.
"""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from atlas import cards
from atlas.archive import locate
from atlas.ui import keys
from atlas.ui.data import database, forget
from geo.claims.rules import ACTIONS
from geo.corpus import save_review, thread_text_key
from geo.records import Claim, Corpus
from geo.reviews import MODALITIES, ReviewError, make_review

LABELS = {"confirm": "Confirm", "reject": "Reject", "correct": "Correct"}


def status_line(claim: Claim) -> str:
    """"confirmed by Ann, 2026-12-02 15:00" or "not reviewed"."""
    if not claim.review:
        return f"not reviewed · confidence {claim.confidence:.2f}"
    when = cards.stamp(claim.reviewed_at)
    return f"{claim.review} by {claim.reviewer}, {when} · confidence {claim.confidence:.2f}"


def _correction(claim: Claim, corpus: Corpus, key: str) -> dict[str, object]:
    actor_ids = [a.id for a in corpus.actors] or [claim.actor]
    if claim.actor not in actor_ids:
        actor_ids.append(claim.actor)
    names = {p.id: p.name for p in corpus.places}
    place_ids = sorted(names, key=lambda p: names[p].lower())
    cols = st.columns(2)
    actor = cols[0].selectbox("Actor", actor_ids, index=actor_ids.index(claim.actor),
                              key=f"{key}_actor")
    action = cols[1].selectbox("Action", ACTIONS, index=ACTIONS.index(claim.action)
                               if claim.action in ACTIONS else 0, key=f"{key}_action")
    places = st.multiselect("Places", place_ids, default=[p for p in claim.places
                                                          if p in names],
                            format_func=lambda p: names.get(p, p), key=f"{key}_places")
    modality = st.selectbox("Modality", MODALITIES, index=MODALITIES.index(claim.modality)
                            if claim.modality in MODALITIES else 0, key=f"{key}_modality")
    return {"actor": actor, "action": action, "places": places, "modality": modality}


def review_form(claim: Claim, corpus: Corpus, *, key: str) -> None:
    """The form; on Save, the review is stored and every page reruns with it."""
    st.caption(status_line(claim))
    thread, local = locate(corpus, claim.entry)
    db = database()
    text_key = thread_text_key(db, thread)
    if text_key is None:
        st.caption("This thread is not stored in the database: it cannot be reviewed.")
        return
    with st.form(key=f"{key}_form", border=True):
        st.text_input("Your name", key=keys.REVIEWER, max_chars=80,
                      help="Every review records who gave it and when.")
        verdict = st.radio("Verdict", list(LABELS), format_func=LABELS.get,
                           horizontal=True, key=f"{key}_verdict")
        fixed = _correction(claim, corpus, key)
        note = st.text_input("Note (optional)", key=f"{key}_note", max_chars=500)
        saved = st.form_submit_button("Save review", icon=":material/rate_review:")
    if not saved:
        return
    try:
        review = make_review(text_key, replace(claim, entry=local), verdict,
                             st.session_state.get(keys.REVIEWER, ""),
                             **(fixed if verdict == "correct" else {}), note=note)
    except ReviewError as error:
        st.error(f"Not saved: {error}.")
        return
    save_review(db, review)
    forget()  # the cached corpora predate the review
    st.toast(f"Review saved: {LABELS[verdict].lower()} {claim.id}.")
    st.rerun()


def place_reviews(claims: list[Claim], corpus: Corpus) -> None:
    """In a place's panel: a collapsed review form for a claim about the place.

    The form is made only once the reader opens it (it stays open from place to place until
    closed): with every place in its "Places" list it was most of what a click re-sent.
    """
    if not claims:
        return
    more = st.expander("Review this claim" if len(claims) == 1 else
                       f"Review these {len(claims)} claims", key=keys.PANEL_REVIEW_OPEN,
                       on_change="rerun")
    if not more.open:
        return
    with more:
        choice = st.selectbox("Claim", [c.id for c in claims], key=keys.PANEL_REVIEW_CLAIM,
                              format_func=lambda i: next(
                                  f"{c.id} · {c.actor} {c.action} · {c.review or 'unreviewed'}"
                                  for c in claims if c.id == i))
        claim = next(c for c in claims if c.id == choice)
        st.caption(claim.quote)
        review_form(claim, corpus, key=f"panel_{claim.id}")
