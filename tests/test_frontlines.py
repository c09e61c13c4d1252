"""The front-line layer (atlas.map.frontlines) on the seed: popups, filters, comparison, legend."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import folium
import pytest

from atlas.map.frontlines import front_view, frontline_layers, legend_html, legend_items
from atlas.state import ViewState
from atlas.view import Filters, apply_filters, timeline

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_c3b9a48d73eaee79.txt"


@pytest.fixture(scope="module")
def seed():
    from geo.pipeline import build_corpus

    return build_corpus(SEED.read_text(encoding="utf-8"), source=SEED.name)


@pytest.fixture(scope="module")
def steps(seed):
    return timeline(seed)


@pytest.fixture(scope="module")
def turned(seed):
    """The seed with one more reported claim, in its last comment: the SAA captures Azaz,
    which the reference says the rebels held.  (The seed itself no longer says anything that
    contradicts the reference once satire and negations are read right.)"""
    azaz = next(p.id for p in seed.places if p.name == "Azaz")
    last = seed.entries[-1]
    model = next(c for c in seed.claims if azaz in c.places)
    claim = replace(model, id="test-saa-takes-azaz", entry=last.id, author=last.author,
                    posted_at=last.posted_at, actor="saa", action="capture", places=(azaz,),
                    origin=None, destination=None, modality="reported", precision=1, disputes=(),
                    disputed_by=())
    return replace(seed, claims=[*seed.claims, claim])


def rendered(group: folium.FeatureGroup) -> str:
    host = folium.Map()
    group.add_to(host)
    return host.get_root().render()


def test_every_line_opens_the_claims_and_sources_that_put_each_side_there(seed, steps):
    view = apply_filters(seed, Filters())
    front = front_view(view, steps=steps)
    html = rendered(frontline_layers(view, state=ViewState(thread=SEED.name), steps=steps,
                                     front=front))
    assert html.count("atlas-front-line") >= len(front.geometry.fronts) > 5
    assert "Front line: Nusra and other rebels | IS" in html or \
        "Front line: IS | Nusra and other rebels" in html
    # claim ids, authors and a link to the comment on the Thread page, with the view's thread
    assert re.search(r"e\d+c\d+, reported", html)
    assert "Ghost ship" in html and "/Thread?thread=000_c3b9a48d73eaee79.txt" in html
    assert "ref-azaz" in html and "dev-texts wiki_control_of_cities" in html


def test_the_thread_differs_from_the_reference_and_the_popup_says_which_source(turned, steps):
    front = front_view(apply_filters(turned, Filters()), steps=steps)
    differs = [p for p in front.state.places.values() if p.contradicts]
    assert [p.name for p in differs] == ["Azaz"]
    html = rendered(frontline_layers(apply_filters(turned, Filters()), state=ViewState(),
                                     steps=steps, front=front))
    assert "The thread differs from the reference" in html and "ref-azaz" in html


def test_hiding_a_side_hides_its_areas_and_lines(seed, steps):
    shown = frozenset({"IS", "SDF/YPG"})
    front = front_view(apply_filters(seed, Filters(sides=shown)), steps=steps)
    assert {a.side for a in front.geometry.areas} <= shown
    assert all(set(f.sides) <= shown for f in front.geometry.fronts)
    assert front.geometry.fronts  # IS and the SDF meet at Manbij, Kobani, Jarabulus


def test_comparing_two_moments_outlines_what_changed_hands(turned, steps):
    view = apply_filters(turned, Filters())
    front = front_view(view, steps=steps, compare_until=0)
    changed = {(c.name, c.before, c.after) for c in front.changes}
    assert ("Azaz", "Nusra and other rebels", "SAA and allies") in changed
    assert any(m.kind == "changed" for m in front.geometry.marks)
    assert front_view(view, steps=steps, compare_until=len(steps) - 1).changes == []


def test_a_commenters_front_is_compared_with_the_other_commenters(turned, steps):
    author = turned.claims[-1].author  # the one who says the SAA took Azaz
    view = apply_filters(turned, Filters(commenters=frozenset({author})))
    front = front_view(view, steps=steps)
    assert front.compared_with == "the other commenters"
    assert "Azaz" in {c.name for c in front.changes}


def test_the_legend_explains_the_symbols_and_says_it_is_the_threads_account(turned, steps):
    front = front_view(apply_filters(turned, Filters()), steps=steps)
    items = legend_items(front)
    symbols = {i["symbol"] for i in items}
    assert {"area", "front", "hatch", "siege", "predicted", "differs"} <= symbols
    html = legend_html(items)
    assert "not ground truth" in html and "predicted" in html and "disputed" in html


def test_the_picture_changes_with_the_timeline(seed, turned, steps):
    at_post = front_view(apply_filters(seed, Filters(until=0)), steps=steps)
    at_end = front_view(apply_filters(seed, replace(Filters(), until=len(steps) - 1)),
                        steps=steps)
    marks = lambda f: sorted((m.kind, m.key) for m in f.geometry.marks)  # noqa: E731
    assert marks(at_post) != marks(at_end)
    # a reported capture moves the holder when the slider passes its comment
    azaz = next(p.id for p in turned.places if p.name == "Azaz")
    before = front_view(apply_filters(turned, Filters(until=0)), steps=steps)
    after = front_view(apply_filters(turned, Filters()), steps=steps)
    assert before.state.places[azaz].holder == "Nusra and other rebels"
    assert after.state.places[azaz].holder == "SAA and allies"
