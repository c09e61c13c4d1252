"""Playback (atlas/playback.py): cumulative or a sliding window, and the speed, in the URL."""

from __future__ import annotations

from pathlib import Path

import pytest

from atlas.feed import feed_items, item_html
from atlas.playback import Window, parse_speed, parse_window, window_start
from atlas.state import ViewState, parse_query, to_query
from atlas.view import Filters, TimelineStep, apply_filters, timeline

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_c3b9a48d73eaee79.txt"


def steps_at(*times: str | None) -> list[TimelineStep]:
    """Steps as the timeline makes them: the untimed post sorts at its thread's first time."""
    first = next(t for t in times if t)
    return [TimelineStep(i, i, t, f"step {i}", t or first) for i, t in enumerate(times)]


def test_window_parameters():
    assert parse_window("5") == Window(5, "comments")
    assert parse_window("6h") == Window(6, "hours")
    assert parse_window("0") is None and parse_window("soon") is None
    assert Window(6, "hours").to_param() == "6h" and Window(5).describe() == "the last 5 comments"
    assert parse_speed("2") == 2.0 and parse_speed("0.5x") == 0.5
    assert parse_speed("3") is None and parse_speed("fast") is None


def test_window_start_by_comments_and_by_hours():
    steps = steps_at(None, "2016-06-07T10:00", "2016-06-07T12:00", "2016-06-07T15:00",
                     "2016-06-07T16:30")
    assert window_start(steps, 4, None) is None
    assert window_start(steps, 4, Window(2)) == 3
    assert window_start(steps, 1, Window(5)) is None  # the window reaches the start
    assert window_start(steps, 4, Window(2, "hours")) == 3  # 14:30 .. 16:30
    assert window_start(steps, 4, Window(5, "hours")) == 2  # 11:30 .. 16:30
    assert window_start(steps, 3, Window(24, "hours")) is None


@pytest.fixture(scope="module")
def seed():
    from geo.pipeline import build_corpus

    return build_corpus(SEED.read_text(encoding="utf-8"), source=SEED.name)


def test_a_window_shows_only_its_comments(seed):
    steps = timeline(seed)
    until = 15
    since = window_start(steps, until, Window(3))
    view = apply_filters(seed, Filters(until=until, since=since))
    assert [e.id for e in view.entries] == [s.entry for s in steps[13:16]]
    assert all(steps[13].entry <= c.entry for c in view.claims)
    cumulative = apply_filters(seed, Filters(until=until))
    assert len(view.mentions) < len(cumulative.mentions)


def test_window_and_speed_travel_in_the_url(seed):
    steps = timeline(seed)
    state, notes = parse_query({"window": ["6h"], "speed": ["2"]}, corpus=seed, steps=steps,
                               side_names=[])
    assert notes == [] and state.window == Window(6, "hours") and state.speed == 2.0
    assert to_query(state, steps=steps) == {"window": ["6h"], "speed": ["2"]}
    assert to_query(ViewState(), steps=steps) == {}
    _, notes = parse_query({"window": ["forever"], "speed": ["9"]}, corpus=seed, steps=steps,
                           side_names=[])
    assert len(notes) == 2 and "window=forever" in notes[0]


def test_the_feed_is_newest_first_and_follows_a_place(seed):
    view = apply_filters(seed, Filters())
    items = feed_items(view)
    assert items and any(i.claim for i in items) and any(not i.claim for i in items)
    ranks = [i.entry for i in items]
    assert ranks == sorted(ranks, reverse=True)
    aleppo = feed_items(view, place="geonames:170063")
    assert aleppo and all("geonames:170063" in i.places for i in aleppo)
    assert len(aleppo) < len(items)
    early = feed_items(apply_filters(seed, Filters(until=3)))
    assert max(i.entry for i in early) <= timeline(seed)[3].entry


def test_a_feed_item_puts_the_places_the_map_draws_first(seed):
    kinds = {p.id: p.kind for p in seed.places}
    for item in feed_items(apply_filters(seed, Filters())):
        drawn = [p for p in item.places if kinds[p] != "country"]
        if drawn and len(drawn) < len(item.places):
            assert kinds[item.places[0]] != "country", item


def test_a_feed_item_names_places_in_the_comments_own_words(seed):
    """The feed says what the commenter wrote ("Raqqa"), the gazetteer's name beside it."""
    names = {p.id: p.name for p in seed.places}
    items = feed_items(apply_filters(seed, Filters()), limit=400)
    differs = 0
    for item in items:
        text = seed.entries[item.entry].text.casefold()
        assert item.canonical == tuple(names[p] for p in item.places)
        for said, known in zip(item.names, item.canonical, strict=True):
            assert said == known or " ".join(said.casefold().split()) in " ".join(text.split())
            differs += said != known
    assert differs >= 1  # the seed spells some places its own way
    card = item_html(next(i for i in items if i.names != i.canonical), thread_link="./Thread")
    assert 'class="fa-place" title="' in card
