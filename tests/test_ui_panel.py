"""atlas/ui/panel.py and atlas/ui/feed.py on the map page: every Thread link keeps the filters.

"full comment →" on the map's panel used to be built apart from the other pages' links and
dropped the reader's filters; now every link comes from atlas.state.entry_link.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from streamlit.testing.v1 import AppTest

from atlas.ui.data import ensure_database
from geo.corpus import load_corpus

ROOT = Path(__file__).resolve().parents[1]
SEED = "000_c3b9a48d73eaee79.txt"
LINK = re.compile(r'<a href="([^"]*)" target="_self">((?:full )?comment →)</a>')


def test_every_comment_link_beside_the_map_keeps_the_readers_filters():
    db = ensure_database()
    corpus = load_corpus(db, SEED)
    # the place most named in comments, and the commenter who names it most: a filter that
    # leaves something in the panel and the feed
    said = [(m.place, corpus.entries[m.entry].author) for m in corpus.mentions
            if corpus.entries[m.entry].kind == "comment"]
    (place, author), _ = Counter(said).most_common(1)[0]
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=180)
    for key, value in {"thread": SEED, "place": place, "who": author, "conf": "0.1"}.items():
        at.query_params[key] = value
    at.switch_page("pages/0_Map.py").run()
    assert not at.exception, [e.message for e in at.exception]
    links = [(label, html.unescape(href)) for md in at.markdown
             for href, label in LINK.findall(md.value)]
    labels = Counter(label for label, _ in links)
    assert labels["full comment →"] >= 1 and labels["comment →"] >= 1, labels
    for label, href in links:
        parts = urlsplit(href)
        query = parse_qs(parts.query)
        assert parts.path == "./Thread", href
        assert query.get("who") == [author], (label, href)
        assert query.get("conf") == ["0.1"], (label, href)
        assert query.get("place") == [place], (label, href)
        assert parts.fragment == f"entry-{query['entry'][0]}", href


def test_a_link_to_a_place_not_yet_in_view_says_so_once():
    """A shared link whose place is not in view at its time: the panel says so and the
    places in view are listed once (twice was a duplicate-key error on the page)."""
    db = ensure_database()
    corpus = load_corpus(db, SEED)
    first_named = {}
    for mention in corpus.mentions:
        first_named.setdefault(mention.place, mention.entry)
    late = max(first_named, key=first_named.get)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=180)
    for key, value in {"thread": SEED, "place": late, "t": "post"}.items():
        at.query_params[key] = value
    at.switch_page("pages/0_Map.py").run()
    assert not at.exception, [e.message for e in at.exception]
    assert any("not in view" in info.value for info in at.info)


def test_the_panel_heading_is_the_name_as_the_thread_writes_it():
    """The heading is the thread's own word for the place (its most frequent spelling in the
    comments); the gazetteer's name follows in the line under it when the two differ."""
    db = ensure_database()
    corpus = load_corpus(db, SEED)
    names = {p.id: p.name for p in corpus.places}
    spellings: dict[str, Counter] = {}
    for mention in corpus.mentions:
        spellings.setdefault(mention.place, Counter())[" ".join(mention.surface.split())] += 1
    differing = {place: counts.most_common(1)[0][0] for place, counts in spellings.items()
                 if counts.most_common(1)[0][0].casefold() != names[place].casefold()}
    assert differing, "the seed writes some place otherwise than its gazetteer"
    place, said = sorted(differing.items())[0]
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=180)
    at.query_params["thread"] = SEED
    at.query_params["place"] = place
    at.switch_page("pages/0_Map.py").run()
    assert not at.exception, [e.message for e in at.exception]
    assert [h.value for h in at.subheader] == [said]
    assert any(f"gazetteer: {names[place]}" in html.unescape(md.value) for md in at.markdown)


def test_the_places_in_view_count_mentions_in_words():
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=180)
    at.query_params["thread"] = SEED
    at.query_params["t"] = "post"  # the post alone: places it names once, and more than once
    at.switch_page("pages/0_Map.py").run()
    assert not at.exception, [e.message for e in at.exception]
    labels = [b.label for b in at.button if (b.key or "").startswith("pick-")]
    assert labels and not any("(s)" in label for label in labels), labels
    assert all(re.search(r" · (1 mention|\d+ mentions)$", label) for label in labels), labels
    assert any(label.endswith(" · 1 mention") for label in labels), labels
