"""What a fresh reader meets on the pages (AppTest): one name per person, the post's time,
movement routes in words, the thread named by its title, the play control only when there is
something to play.  The seed's facts come from the pipeline, never typed in here.
"""

from __future__ import annotations

from pathlib import Path

from geo.thread import parse_thread, signature_owners
from tests.test_pages import SEED, entry_bodies, run_page, table

ROOT = Path(__file__).resolve().parents[1]


def _post_signature() -> tuple[str, str]:
    """The post's signature as the text writes it, and the account behind it."""
    seed = parse_thread((ROOT / "seeds" / SEED).read_text(encoding="utf-8"))
    sign = seed.entries[0].author
    return sign, signature_owners(seed.entries)[sign]


def test_every_page_names_the_posts_author_by_one_name() -> None:
    sign, account = _post_signature()
    assert sign and account and sign != account
    post = entry_bodies(run_page("pages/2_Thread.py", t="post"))[0]
    assert f'class="fa-author">{account}<' in post and f">{sign}<" not in post
    assert set(table(run_page("pages/3_Claims.py", t="post"))["Commenter"]) == {account}
    assert list(table(run_page("pages/4_Commenters.py", t="post"))["Commenter"]) == [account]
    feed = " ".join(md.value for md in run_page("pages/0_Map.py", t="post").markdown
                    if 'class="fa-feed"' in md.value)
    assert f"<b>{account}</b>" in feed and f"<b>{sign}</b>" not in feed
    places = run_page("pages/1_Places.py", t="post", place="geonames:172082")
    listed = " ".join(md.value for md in places.markdown if "fa-mentions" in md.value)
    assert f"<b>{account}</b>" in listed and f"<b>{sign}</b>" not in listed


def _seed():
    from atlas.ui.data import ensure_database
    from geo.corpus import load_corpus

    return load_corpus(ensure_database(), SEED)


def test_a_movement_with_no_stated_origin_is_said_in_words_in_the_panel_and_claims() -> None:
    from atlas.cards import route_words
    from atlas.markup import text

    corpus = _seed()
    names = {p.id: p.name for p in corpus.places}
    claim = next(c for c in corpus.claims if c.destination and not c.origin
                 and corpus.entries[c.entry].kind == "post")
    said = route_words(None, names[claim.destination])
    assert "?" not in said
    at = run_page("pages/0_Map.py", t="post", place=claim.destination)
    panel = " ".join(md.value for md in at.markdown if 'class="fa-claimline"' in md.value)
    assert text(said) in panel and "? →" not in panel
    rows = table(run_page("pages/3_Claims.py", t="post")).set_index("Claim")
    assert rows.loc[claim.id, "Origin → destination"] == said


def test_the_posts_claims_show_the_time_the_export_gives_them() -> None:
    import csv
    import io

    from atlas.cards import stamp
    from geo.export import claims_csv

    corpus = _seed()
    rows = {r["event_id"]: r for r in csv.DictReader(io.StringIO(claims_csv(corpus)))}
    claim = next(c for c in corpus.claims if corpus.entries[c.entry].kind == "post")
    row = rows[claim.id]
    assert not claim.posted_at and row["event_date"] and row["date_basis"]
    exported = stamp(f"{row['event_date']}T{row['event_time']}")
    at = run_page("pages/0_Map.py", t="post", place=claim.places[0])
    panel = [md.value for md in at.markdown if 'class="fa-claimline"' in md.value]
    feed = [md.value for md in at.markdown if 'class="fa-feed"' in md.value]
    assert panel and feed
    for shown in (*panel, *feed):
        assert exported in shown and "no time given" not in shown, shown
    claims = table(run_page("pages/3_Claims.py", t="post"))
    assert all(exported in when for when in claims["Time"]), list(claims["Time"])


def test_the_map_page_names_the_thread_by_its_title_and_the_file_after() -> None:
    from atlas.markup import text

    corpus = _seed()
    assert corpus.title and corpus.title != SEED
    at = run_page("pages/0_Map.py")
    titled = [md.value for md in at.markdown if "atlas-thread-title" in md.value
              and "<style" not in md.value]
    assert len(titled) == 1 and text(corpus.title) in titled[0] and SEED not in titled[0]
    detail = [c.value for c in at.caption if SEED in c.value]
    assert detail and not detail[0].startswith(SEED) and f"Thread: {SEED}" not in detail[0]


def test_a_thread_title_is_text_on_the_map_page() -> None:
    import uuid

    from atlas.ui.data import store_pasted
    from tests.test_pages import forget

    name = store_pasted("Azaz <img src=x onerror=alert(1)> **falls**\nIS took Azaz.\n"
                        "Posted by: Joe | 07 June 2016 at 05:06 PM\n",
                        name=f"title-{uuid.uuid4().hex[:8]}")
    try:
        at = run_page("pages/0_Map.py", thread=name)
        titled = " ".join(md.value for md in at.markdown if "atlas-thread-title" in md.value
                          and "<style" not in md.value)
        assert "&lt;img src=x" in titled and "<img" not in titled
    finally:
        forget(name)


def test_play_shows_only_when_the_thread_has_more_than_one_moment() -> None:
    import uuid

    from atlas.ui import keys
    from atlas.ui.data import ensure_database, store_pasted
    from atlas.view import timeline, timeline_stops
    from geo.corpus import load_corpus
    from tests.test_pages import forget

    def play_buttons(at) -> list:
        return [b for b in at.button if b.key == keys.PLAY]

    assert play_buttons(run_page("pages/0_Map.py"))  # the seed: many comments to step through
    name = store_pasted("IS took Azaz today.\nPosted by: Joe | 07 June 2016 at 05:06 PM\n",
                        name=f"one-{uuid.uuid4().hex[:8]}")
    try:
        one = load_corpus(ensure_database(), name)
        assert len(timeline_stops(timeline(one)).indices) == 1  # one comment: one moment
        at = run_page("pages/0_Map.py", thread=name)
        assert not play_buttons(at)
        assert not at.select_slider  # neither the timeline nor Playback's speed
        said = " ".join(c.value for c in at.caption)
        assert "1 entry " in said and "→" not in said, said  # one moment, in the singular
    finally:
        forget(name)


def _feed_heading(at) -> str:
    return next(md.value for md in at.markdown if md.value.startswith("**Feed"))


def test_the_feed_says_how_many_items_it_lists_of_how_many() -> None:
    from atlas.feed import FEED_LIMIT, feed_items
    from atlas.view import Filters, apply_filters
    from geo.people import one_name_per_person

    total = len(feed_items(apply_filters(one_name_per_person(_seed()), Filters()), limit=None))
    assert total > FEED_LIMIT  # the seed says more than the feed lists
    at = run_page("pages/0_Map.py")
    # it said "40 items", the feed's length, as if the thread had no more
    assert f"the latest {FEED_LIMIT} of {total} items" in _feed_heading(at)
    assert any(c.value.startswith(f"{total - FEED_LIMIT} older") for c in at.caption)


def test_a_selected_place_out_of_view_leaves_the_feed_to_the_view() -> None:
    from atlas.view import Filters, apply_filters

    corpus = _seed()
    at_post = apply_filters(corpus, Filters(until=0))
    later = next(p.id for p in corpus.places if at_post.place(p.id) is None)
    at = run_page("pages/0_Map.py", t="post", place=later)
    assert any("not in view" in note for note in (str(i.value) for i in at.info))
    # the feed listed only the items about the place out of view: none, "nothing said yet"
    heading = _feed_heading(at)
    assert " about " not in heading and "· 0 items" not in heading, heading
    assert not any(c.value.startswith("Nothing") for c in at.caption)


def test_an_empty_feed_says_the_filters_empty_it() -> None:
    corpus = _seed()
    later = next(e.author for e in corpus.entries if e.kind == "comment" and e.author)
    at = run_page("pages/0_Map.py", t="post", who=later)
    said = [c.value for c in at.caption if c.value.startswith("Nothing")]
    assert said and "with these filters" in said[0], said


def test_one_claim_to_review_is_one_claim() -> None:
    from collections import Counter

    from atlas.view import Filters, apply_filters

    view = apply_filters(_seed(), Filters())
    counts = Counter(p for claim in view.claims for p in dict.fromkeys(claim.places))
    place = next(p for p, n in counts.items() if n == 1
                 and not any(p in (c.origin, c.destination) for c in view.claims))
    labels = [e.label for e in run_page("pages/0_Map.py", place=place).expander]
    assert "Review this claim" in labels and not any("these 1 " in x for x in labels), labels


def test_the_bar_chart_says_when_the_filters_leave_no_mention() -> None:
    assert max(m.confidence for m in _seed().mentions) < 1.0
    at = run_page("pages/0_Map.py", conf="1")
    chart = next(md.value for md in at.markdown if 'class="atlas-timeline"' in md.value)
    # it said "place mentions per comment (peak 1)" over a row of empty bars
    assert "no place mentions with these filters" in chart and "(peak" not in chart
    assert "(peak " in next(md.value for md in run_page("pages/0_Map.py").markdown
                            if 'class="atlas-timeline"' in md.value)
