"""atlas/cards.py and atlas/cards.css: one stamp, escaped cards, every class styled."""

from __future__ import annotations

import re

from atlas import cards
from atlas.colours import NEUTRAL, OTHERS, actor_colours, safe_colour, side_colours
from geo.records import Actor, Claim, Corpus, Entry, Mention

HOSTILE = '<script>alert(1)</script> "Azaz" & <b>'
ENTRY = Entry(id=3, kind="comment", author=HOSTILE, posted_at=None,
              text=f"They say {HOSTILE} fell. Azaz is next.", start=0, end=40)
MENTION = Mention(entry=3, place="geonames:1", surface="Azaz", start=ENTRY.text.index("Azaz is"),
                  end=ENTRY.text.index("Azaz is") + 4, precision=1, confidence=0.9,
                  evidence="exact name", speaker=HOSTILE)


def test_one_stamp_for_every_kind_of_entry():
    assert cards.stamp("2016-06-07T20:30:59") == "2016-06-07 20:30"
    assert cards.stamp(None, kind="post") == "the post"
    # an untimed comment is not the post (the map panel used to say so)
    assert cards.stamp(None) == cards.stamp("", kind="comment") == "no time given"


def test_mention_cards_escape_what_the_thread_wrote_and_use_the_given_link():
    href = "./Thread?thread=a&side=is&entry=3#entry-3"
    for html in (cards.mention_card(ENTRY, MENTION, href=href),
                 cards.mention_item(ENTRY, MENTION, href=href)):
        assert "<script>" not in html and "&lt;script&gt;" in html
        assert 'href="./Thread?thread=a&amp;side=is&amp;entry=3#entry-3"' in html
        assert "no time given" in html
        assert '<mark class="fa-place"' in html


def test_claim_cards_show_the_stamp_the_link_and_disputes():
    claim = Claim(id="c1", entry=3, author="Ann", posted_at="2016-06-07T17:06:00",
                  actor="is", action="capture", places=("geonames:1",), origin=None,
                  destination=None, modality="reported", start=0, end=8,
                  quote="IS took Azaz", disputed_by=("c2",))
    other = Claim(id="c2", entry=4, author="Bob", posted_at=None, actor="is",
                  action="capture", places=(), origin=None, destination=None,
                  modality="denied", start=0, end=2, quote="no")
    line = cards.claim_line(claim, actor="IS", colour="#222222", names={"geonames:1": "Azaz"},
                            by_id={"c1": claim, "c2": other}, href="./Thread?entry=3")
    assert "2016-06-07 17:06" in line and "disputed by Bob (c2)" in line
    assert ">Azaz<" not in line and "Azaz" in line
    card = cards.claim_card(claim, ENTRY, what="IS · capture · Azaz", href="./Thread?entry=3")
    assert "in the thread (#3) →" in card and "2016-06-07 17:06" in card


def test_every_class_a_card_writes_is_in_the_stylesheet():
    source = (cards.STYLESHEET.parent / "cards.py").read_text(encoding="utf-8")
    used = set(re.findall(r'class=\\?"([\w -]+)\\?"', source))
    used |= set(re.findall(r'"(fa-[\w-]+)"', source))
    css = cards.stylesheet()
    assert used, "the pattern found no class: the test would pass vacuously"
    for names in used:
        for name in names.split():
            assert f".{name}" in css, name
    assert cards.stylesheet() is cards.stylesheet()  # read once


def test_one_colour_policy():
    corpus = Corpus(source="t", entries=[], actors=[
        Actor("is", "IS", "IS", "#222222"), Actor("bad", "Bad", "B", "red;x:url(y)"),
        Actor("none", "None", "N", "")])
    assert side_colours(corpus) == {"IS": "#222222", "B": OTHERS, "N": OTHERS}
    assert actor_colours(corpus)["bad"] == OTHERS
    assert safe_colour("#abc") == "#abc" and safe_colour(None, NEUTRAL) == NEUTRAL
    assert NEUTRAL != OTHERS


def test_a_route_with_an_unstated_end_says_so_in_words():
    claim = Claim(id="c1", entry=3, author="Ann", posted_at="2016-06-07T17:06:00", actor="is",
                  action="advance", places=("geonames:1",), origin=None,
                  destination="geonames:1", modality="reported", start=0, end=8,
                  quote="IS are at the gates of Azaz")
    names = {"geonames:1": "Azaz", "geonames:2": "Hatay"}
    line = cards.claim_line(claim, actor="IS", colour="#222222", names=names, by_id={},
                            href="./Thread?entry=3")
    head = line.split('class="fa-meta"')[0]  # the claim's words, before its link
    assert "?" not in head and "→" not in head, line  # not "? → Azaz"
    assert "towards Azaz" in line and "origin not stated" in line
    back = cards.route_words("Azaz", None)
    assert "?" not in back and back.startswith("from Azaz") and "destination not stated" in back
    assert cards.route_words("Hatay", "Azaz") == "Hatay → Azaz"
    assert cards.route_words(None, None) == ""


def _entries(*kinds: str) -> list[Entry]:
    return [Entry(id=i, kind=k, author="", posted_at=None, text="x", start=i, end=i + 1)
            for i, k in enumerate(kinds)]


def test_a_thread_counts_its_comments_and_says_the_post_apart():
    thread = _entries("post", "comment", "comment", "comment")
    assert cards.entry_count(thread, thread) == ("Comments shown", 3, "3 comments and the post")
    # early on the timeline only the post is in view: still a thread, no comment yet
    assert cards.entry_count(thread[:1], thread) == ("Comments shown", 0,
                                                     "0 comments and the post")
    # a commenter filter leaves the post out
    assert cards.entry_count(thread[2:], thread) == ("Comments shown", 2, None)


def test_a_text_without_comments_counts_passages():
    article = _entries("block", "block", "block")
    assert cards.entry_count(article[:2], article) == ("Passages shown", 2, None)
    single = _entries("post")
    assert cards.entry_count(single, single) == ("Passages shown", 1, None)
