"""The view in the URL: parsing, validation notes, and the round trip to a shared link."""

from __future__ import annotations

from pathlib import Path

import pytest

from atlas.state import ViewState, parse_query, share_link, to_query
from atlas.view import Filters, apply_filters, sides_in_order, slug, timeline
from geo.factions import SIDE_ORDER
from geo.pipeline import build_corpus

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_c3b9a48d73eaee79.txt"


@pytest.fixture(scope="module")
def corpus():
    return build_corpus(SEED.read_text(encoding="utf-8"), source=SEED.name)


@pytest.fixture(scope="module")
def steps(corpus):
    return timeline(corpus)


def parse(params, corpus, steps):
    return parse_query(params, corpus=corpus, steps=steps,
                       side_names=sides_in_order(corpus, SIDE_ORDER), threads=[SEED.name])


def test_timeline_starts_with_the_post_and_follows_the_clock(corpus, steps):
    assert steps[0].entry == 0 and steps[0].posted_at is None
    times = [s.posted_at for s in steps[1:]]
    assert times == sorted(times) and len(steps) == 26


def test_a_full_view_round_trips(corpus, steps):
    aleppo = next(p.id for p in corpus.places if p.name == "Aleppo")
    state = ViewState(thread=SEED.name, place=aleppo, online_tiles=True, filters=Filters(
        until=10, sides=frozenset({"IS", "SDF/YPG"}), commenters=frozenset({"Barish"}),
        kinds=frozenset({"city"}), min_confidence=0.5))
    query = to_query(state, steps=steps)
    again, notes = parse(query, corpus, steps)
    assert notes == []
    assert again == state


def test_time_by_minute_picks_the_last_comment_posted_by_then(corpus, steps):
    state, notes = parse({"t": ["2016-06-07T20:00"]}, corpus, steps)
    assert notes == []
    assert steps[state.filters.until].posted_at == "2016-06-07T20:00:00"
    state, _ = parse({"t": ["2016-06-07T20:01"]}, corpus, steps)
    assert steps[state.filters.until].posted_at == "2016-06-07T20:00:00"


@pytest.mark.parametrize(
    ("params", "fragment"),
    [
        ({"side": ["martians"]}, "side=martians"),
        ({"conf": ["abc"]}, "conf=abc"),
        ({"conf": ["7"]}, "conf=7"),
        ({"t": ["banana"]}, "t=banana"),
        ({"t": ["999"]}, "t=999"),
        ({"place": ["<script>"]}, "place=<script>"),
        ({"who": ["nobody"]}, "who=nobody"),
        ({"thread": ["../../etc/passwd"]}, "thread=../../etc/passwd"),
        ({"tiles": ["google"]}, "tiles=google"),
    ],
)
def test_nonsense_is_ignored_with_a_note(corpus, steps, params, fragment):
    state, notes = parse(params, corpus, steps)
    assert len(notes) == 1 and fragment in notes[0]
    assert state.filters == Filters() or "t=" not in fragment


def test_filters_change_what_is_visible(corpus, steps):
    everything = apply_filters(corpus, Filters())
    early = apply_filters(corpus, Filters(until=0))
    assert len(early.entries) == 1 < len(everything.entries)
    assert len(early.places) < len(everything.places)
    only_is = apply_filters(corpus, Filters(sides=frozenset({"IS"})))
    assert only_is.claims and all(
        {a.id: a.side for a in corpus.actors}[c.actor] == "IS" for c in only_is.claims)
    barish = apply_filters(corpus, Filters(commenters=frozenset({"Barish"})))
    assert {e.author for e in barish.entries} == {"Barish"}
    cities = apply_filters(corpus, Filters(kinds=frozenset({"facility"})))
    assert {p.kind for p in cities.places} <= {"facility"}
    sure = apply_filters(corpus, Filters(min_confidence=0.9))
    assert all(m.confidence >= 0.9 for m in sure.mentions)


def test_slug():
    assert slug("Nusra and other rebels") == "nusra-and-other-rebels"
    assert slug("SDF/YPG") == "sdf-ypg"


@pytest.mark.parametrize("page_url, expected", [
    ("http://host:8501", "http://host:8501/?t=post&side=is"),  # the app's root: "/" before "?"
    ("http://host:8501/", "http://host:8501/?t=post&side=is"),
    ("https://host/atlas/Places", "https://host/atlas/Places?t=post&side=is"),
    ("http://host:8501/?old=1#x", "http://host:8501/?t=post&side=is"),  # the old query dropped
    (None, "./?t=post&side=is"),
    ("", "./?t=post&side=is"),
])
def test_a_share_link_has_a_path_before_its_query(page_url, expected):
    assert share_link(page_url, {"t": ["post"], "side": ["is"]}) == expected


def test_a_share_link_without_parameters_is_the_page_itself():
    assert share_link("http://host:8501", {}) == "http://host:8501/"
    assert share_link(None, {}) == "./"
