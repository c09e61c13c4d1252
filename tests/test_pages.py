"""The dashboard's pages (pages/*.py) run in-process with Streamlit's AppTest.

Each page must run on the seed, follow the sidebar filters and the timeline given in the URL,
turn a mangled link into notes instead of an error, and show thread text as text: a comment
holding ``<img src=x onerror=alert(1)>`` must reach the browser escaped.  The database is the
real ``data/atlas.sqlite`` (built on first start); threads the tests ingest are deleted again.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from atlas.ui.data import store_pasted, threads
from geo.corpus import DB_PATH, delete_thread
from geo.thread import parse_thread

ROOT = Path(__file__).resolve().parents[1]  # AppTest resolves paths against the caller
SEED = "000_c3b9a48d73eaee79.txt"
PAGES = ["pages/1_Places.py", "pages/2_Thread.py", "pages/3_Claims.py",
         "pages/4_Commenters.py", "pages/5_Ingest.py"]
TIMEOUT = 120
ENTRY = re.compile(r'<div class="fa-entry[^"]*" id="entry-(\d+)"')
XSS = "<img src=x onerror=alert(1)>"
HOSTILE_THREAD = (
    "Fighting near Aleppo again <img src=x onerror=alert(1)> today. pl\n"
    "IS took Azaz. <script>alert('x')</script> **bold** [link](javascript:alert(1))\n"
    "Posted by: <b>Mallory</b> | 07 June 2016 at 05:06 PM\n"
    "Daesh fled Manbij <img src=x onerror=alert(2)>.\n"
    "Posted by: Joe | 07 June 2016 at 06:06 PM\n"
)


def run_page(path: str, **params: str) -> AppTest:
    """Open ``path`` inside the multipage app (app.py is the entry point), with a URL query."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT)
    for key, value in params.items():
        at.query_params[key] = value
    at.switch_page(path).run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def entry_bodies(at: AppTest) -> list[str]:
    return [md.value for md in at.markdown if ENTRY.search(md.value)]


def entry_ids(at: AppTest) -> list[int]:
    return [int(m) for body in entry_bodies(at) for m in ENTRY.findall(body)]


def param(at: AppTest, key: str) -> str | None:
    value = at.query_params.get(key)
    return value[0] if isinstance(value, list) else value


def table(at: AppTest, number: int = 0):
    return at.dataframe[number].value


def notes(at: AppTest) -> list[str]:
    return [str(i.value) for i in at.info]


def forget(name: str) -> None:
    delete_thread(DB_PATH, name)


@pytest.fixture
def hostile_thread() -> Iterator[str]:
    """A thread whose text and author carry HTML and Markdown, stored for the test only."""
    name = store_pasted(HOSTILE_THREAD, name=f"xss-{uuid.uuid4().hex[:8]}")
    yield name
    forget(name)


# --- every page ---------------------------------------------------------------------------------


@pytest.mark.parametrize("path", PAGES)
def test_page_runs_on_the_seed(path: str) -> None:
    at = run_page(path)
    assert at.title, "every page has a title"
    assert at.sidebar.selectbox(key="w_thread").value == SEED


@pytest.mark.parametrize("path", PAGES)
def test_nonsense_link_parameters_are_notes_not_errors(path: str) -> None:
    at = run_page(path, side="foo", conf="abc", t="banana", place="nope")
    said = " ".join(notes(at))
    for param in ("side=foo", "conf=abc", "t=banana", "place=nope"):
        assert param in said


def test_filters_carry_over_between_pages() -> None:
    # Every page has its own sidebar widgets; a page switch must keep what was chosen.
    at = run_page("pages/1_Places.py")
    at.sidebar.multiselect(key="w_who").set_value(["Barish"]).run()
    at.switch_page("pages/2_Thread.py").run()
    assert not at.exception
    assert entry_ids(at) == [2, 13]
    assert param(at, "who") == "Barish"
    at.switch_page("pages/3_Claims.py").run()
    assert set(table(at)["Entry"]) <= {2, 13}


# --- Thread -------------------------------------------------------------------------------------


def test_thread_shows_every_entry_in_order() -> None:
    ids = entry_ids(run_page("pages/2_Thread.py"))
    assert ids == list(range(26))


def test_thread_follows_commenter_and_timeline() -> None:
    assert entry_ids(run_page("pages/2_Thread.py", who="Barish")) == [2, 13]
    assert entry_ids(run_page("pages/2_Thread.py", t="post")) == [0]
    # 17:06, 17:26 and 17:43 are before 18:00; 18:17 is not.
    assert entry_ids(run_page("pages/2_Thread.py", t="2016-06-07T18:00")) == [0, 1, 2, 3]


def test_thread_faction_filter_keeps_entries_of_that_side() -> None:
    at = run_page("pages/2_Thread.py", side="is")
    ids = entry_ids(at)
    assert 0 < len(ids) < 26
    bodies = " ".join(entry_bodies(at))
    assert "fa-side-is" in bodies
    assert "fa-side-saa-and-allies" not in bodies  # other sides are not marked


def test_thread_marks_places_factions_quotes_and_replies() -> None:
    bodies = " ".join(entry_bodies(run_page("pages/2_Thread.py")))
    assert 'class="fa-place"' in bodies
    assert "fa-side fa-side-" in bodies
    # the post is signed "pl": quoted, it is its account's words, named as on every page
    assert '<div class="fa-quoting">quoting <a href="#entry-0">turcopolier</a></div>' in bodies
    assert "↩ in reply to" in bodies


def test_thread_link_target_is_outlined_and_scrolled_to() -> None:
    at = run_page("pages/2_Thread.py", entry="12")
    outlined = [body for body in entry_bodies(at) if "fa-target" in body]
    assert len(outlined) == 1 and 'id="entry-12"' in outlined[0]
    assert any("entry-12" in h.value and "scrollIntoView" in h.value for h in at.html)


def test_thread_link_to_a_missing_entry_says_so() -> None:
    at = run_page("pages/2_Thread.py", entry="999")
    assert any("does not have" in n for n in notes(at))
    assert len(entry_ids(at)) == 26


def test_thread_full_text_search() -> None:
    at = run_page("pages/2_Thread.py")
    at.text_input(key="thread_search").set_value("Manbij").run()
    ids = entry_ids(at)
    assert 0 < len(ids) < 26
    assert all("fa-hit" in body for body in entry_bodies(at))
    at.text_input(key="thread_search").set_value('"; DROP TABLE entries; --').run()
    assert not at.exception


# --- Places -------------------------------------------------------------------------------------


def test_places_table_follows_the_filters() -> None:
    everything = table(run_page("pages/1_Places.py"))
    assert len(everything) > 10
    assert {"Place", "Kind", "Country", "Latitude", "Longitude", "Gazetteer", "Gazetteer id",
            "Mentions", "Best confidence"} <= set(everything.columns)
    for params in ({"t": "post"}, {"who": "Barish"}, {"side": "is"}, {"conf": "0.99"}):
        fewer = table(run_page("pages/1_Places.py", **params))
        assert 0 < len(fewer) < len(everything), params


def test_places_search_box() -> None:
    at = run_page("pages/1_Places.py")
    at.text_input(key="places_search").set_value("AZAZ").run()
    rows = table(at)
    assert list(rows["Gazetteer id"]) == ["geonames:172082"]
    at.text_input(key="places_search").set_value("halab").run()  # as the thread writes Aleppo
    assert list(table(at)["Gazetteer id"]) == ["geonames:170063"]


def test_places_selection_shows_mentions_and_sets_the_place() -> None:
    at = run_page("pages/1_Places.py")
    frame = at.dataframe[0]
    row = int(frame.value.index[frame.value["Place"] == "Aleppo"][0])
    at.session_state[frame.key] = {"selection": {"rows": [row], "columns": [], "cells": []}}
    at.run()
    assert not at.exception
    assert param(at, "place") == "geonames:170063"
    mentions = [md.value for md in at.markdown if "fa-mentions" in md.value]
    assert mentions and mentions[0].count("<li>") >= 3
    assert "./Thread?" in mentions[0] and "#entry-" in mentions[0]
    at.session_state[frame.key] = {"selection": {"rows": [], "columns": [], "cells": []}}
    at.run()
    assert param(at, "place") is None  # clearing the row clears the selection
    assert not [md for md in at.markdown if "fa-mentions" in md.value]


# --- Claims -------------------------------------------------------------------------------------


def test_claims_table_follows_the_filters() -> None:
    everything = table(run_page("pages/3_Claims.py"))
    assert len(everything) > 10
    assert set(table(run_page("pages/3_Claims.py", who="Barish"))["Entry"]) <= {2, 13}
    assert set(table(run_page("pages/3_Claims.py", t="post"))["Entry"]) == {0}
    by_is = table(run_page("pages/3_Claims.py", side="is"))
    assert 0 < len(by_is) < len(everything) and set(by_is["Side"]) == {"IS"}


def test_claims_action_filter_on_the_page() -> None:
    at = run_page("pages/3_Claims.py")
    before = table(at)
    action = before["Action"].value_counts().index[0]
    at.multiselect(key="claims_actions").set_value([action]).run()
    after = table(at)
    assert 0 < len(after) < len(before) and set(after["Action"]) == {action}
    assert f"Download these {len(after)} claims" in at.get("download_button")[0].proto.label


def test_selecting_a_disputed_claim_shows_both_sides() -> None:
    at = run_page("pages/3_Claims.py")
    frame = at.dataframe[0]
    rows = frame.value
    row = int(rows.index[rows["Disputed by"] != ""][0])
    partner = rows.iloc[row]["Disputed by"].split(" ")[0]
    at.session_state[frame.key] = {"selection": {"rows": [row], "columns": [], "cells": []}}
    at.run()
    cards = [md.value for md in at.markdown if 'class="fa-card"' in md.value]
    assert len(cards) >= 2
    assert f"<b>{partner}</b>" in " ".join(cards)


# --- Commenters ---------------------------------------------------------------------------------


def test_commenters_page_follows_the_filters() -> None:
    at = run_page("pages/4_Commenters.py")
    assert len(at.get("vega_lite_chart")) == 3
    everyone = table(at)
    assert len(everyone) > 10
    only = table(run_page("pages/4_Commenters.py", who="Barish"))
    assert list(only["Commenter"]) == ["Barish"]
    early = table(run_page("pages/4_Commenters.py", t="post"))
    assert list(early["Commenter"]) == ["turcopolier"]  # the post is signed "pl": one person
    assert "pl" not in set(everyone["Commenter"])
    post_and_comments = everyone.set_index("Commenter").loc["turcopolier", "Entries"]
    seed = parse_thread((ROOT / "seeds" / SEED).read_text(encoding="utf-8"))
    assert post_and_comments == 1 + sum(1 for e in seed.entries if e.author == "turcopolier")
    by_is = table(run_page("pages/4_Commenters.py", side="is"))
    assert by_is["Faction mentions"].sum() < everyone["Faction mentions"].sum()


def test_commenter_filter_shows_the_post_signature_as_its_account() -> None:
    at = run_page("pages/0_Map.py")
    names = at.sidebar.multiselect(key="w_who").options
    assert "turcopolier" in names and "pl" not in names  # the post is signed "pl"
    only = run_page("pages/2_Thread.py", who="turcopolier")
    assert 0 in entry_ids(only)  # the post, with turcopolier's comments


def test_thread_selector_shows_titles_not_file_names() -> None:
    from geo.formats.detect import title_of

    at = run_page("pages/0_Map.py")
    seed = ROOT / "seeds" / "000_c3b9a48d73eaee79.txt"
    labels = at.sidebar.selectbox(key="w_thread").options
    assert title_of(seed.read_text(encoding="utf-8")) in labels
    assert seed.name not in labels


# --- hostile text -------------------------------------------------------------------------------


def test_thread_text_is_escaped_on_every_page(hostile_thread: str) -> None:
    at = run_page("pages/2_Thread.py", thread=hostile_thread)
    assert len(entry_ids(at)) >= 2
    bodies = [md.value for md in at.markdown]
    assert any("&lt;img src=x onerror=alert(1)&gt;" in b for b in bodies)
    assert any("&lt;b&gt;Mallory&lt;/b&gt;" in b for b in bodies)
    assert any("&lt;script&gt;" in b for b in bodies)

    places = run_page("pages/1_Places.py", thread=hostile_thread, place="geonames:170063")
    bodies += [md.value for md in places.markdown]
    claims = run_page("pages/3_Claims.py", thread=hostile_thread)
    frame = claims.dataframe[0]
    claims.session_state[frame.key] = {"selection": {"rows": [0], "columns": [], "cells": []}}
    claims.run()
    bodies += [md.value for md in claims.markdown]
    assert any("&lt;img" in b for b in [md.value for md in places.markdown])
    for body in bodies:
        assert "<img" not in body and "<script" not in body and "<b>Mallory" not in body


# --- Ingest -------------------------------------------------------------------------------------


def ingest_page() -> AppTest:
    """The Ingest page reached from the map page, as in the app (app.py names every page)."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT)
    at.run()
    at.switch_page("pages/5_Ingest.py").run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def paste(at: AppTest, text: str, name: str) -> None:
    at.radio(key="ingest_mode").set_value("Paste text").run()
    at.text_input(key="ingest_name").set_value(name).run()
    at.text_area(key="ingest_text").set_value(text).run()


def test_ingest_builds_the_thread_and_opens_it_on_the_map() -> None:
    at = ingest_page()
    name = f"ingest-{uuid.uuid4().hex[:8]}"
    paste(at, HOSTILE_THREAD, name)
    at.button(key="ingest_go").click().run()
    try:
        assert not at.exception, [e.message for e in at.exception]
        opened = param(at, "thread") or ""
        assert opened.startswith(name) and opened in threads()
        assert at.session_state["w_thread"] == opened
        # the map page now: the thread's title, its file in the caption under it
        assert any(f"file {opened}" in c.value for c in at.caption), [c.value for c in at.caption]
        at.switch_page("pages/2_Thread.py").run()  # and the other pages follow it
        assert at.sidebar.selectbox(key="w_thread").value == opened
        assert len(entry_ids(at)) >= 2
    finally:
        for thread in threads():
            if thread.startswith(name):
                forget(thread)


def test_ingest_reports_a_malformed_footer_with_its_line() -> None:
    broken = HOSTILE_THREAD.replace("07 June 2016 at 06:06 PM", "31 Juny 2016 at 25:61 PM")
    at = ingest_page()
    name = f"broken-{uuid.uuid4().hex[:8]}"
    paste(at, broken, name)
    at.checkbox(key="ingest_strict").check().run()
    at.button(key="ingest_go").click().run()
    assert any("line 5" in str(e.value) for e in at.error)
    assert "Posted by: Joe" in at.code[0].value
    at.checkbox(key="ingest_strict").uncheck().run()
    assert any("Recognised: Typepad footers" in str(i.value) for i in at.info)
    at.button(key="ingest_go").click().run()
    try:
        assert not at.exception and not at.error
        assert (param(at, "thread") or "").startswith(name)
    finally:
        for thread in threads():
            if thread.startswith(name):
                forget(thread)


def test_ingest_uploader_leaves_refusals_to_the_page() -> None:
    # The uploader takes any file, so that the page can say in words why it refuses one
    # (Streamlit's own refusal is a red mark with a tooltip); see the browser test
    # test_a_refused_upload_says_why_on_the_page.
    uploader = ingest_page().file_uploader(key="ingest_file")
    assert not uploader.allowed_type
    assert "(.txt, .html, .json, .xml; at most 5 MB)" in uploader.label


@pytest.mark.parametrize(("file_name", "content", "message"), [
    ("big.txt", b"x" * (5 * 1024 * 1024 + 1), "over the 5 MB limit"),
    ("latin1.txt", "Alepp\u00f6 pl\n".encode("latin-1"), "is not UTF-8"),
])
def test_ingest_refuses_bad_files(file_name: str, content: bytes, message: str) -> None:
    at = ingest_page()
    before = threads()
    at.file_uploader(key="ingest_file").set_value((file_name, content, "text/plain")).run()
    if not at.error:
        at.button(key="ingest_go").click().run()
    assert any(message in str(e.value) for e in at.error), [e.value for e in at.error]
    assert threads() == before


@pytest.mark.parametrize(("file_name", "content", "message"), [
    ("empty.txt", b"", "empty.txt: the file is empty"),
    ("blank.txt", b" \n\n ", "blank.txt: the file is empty"),
    ("bin.txt", bytes(range(256)) * 4, "bin.txt: looks binary"),
    ("latin1.txt", "Alepp\u00f6 pl\n".encode("latin-1"), "is not UTF-8"),
])
def test_ingest_says_what_is_wrong_with_a_file_before_any_build(
        file_name: str, content: bytes, message: str) -> None:
    at = ingest_page()
    at.file_uploader(key="ingest_file").set_value((file_name, content, "text/plain")).run()
    assert any(message in str(e.value) for e in at.error), [e.value for e in at.error]
    assert at.button(key="ingest_go").disabled  # nothing to build: the button says so too


def test_thread_page_counts_one_entry_and_one_note_in_the_singular() -> None:
    page = ("<html><body><div class='comment'><!-- <script>alert(1)</script> -->"
            "<p>The SDF took Manbij today.</p>"
            "<p>Posted by: Eve | 07 June 2016 at 05:10 PM</p></div></body></html>")
    name = store_pasted(page, name=f"one-{uuid.uuid4().hex[:8]}")
    try:
        at = run_page("pages/2_Thread.py", thread=name)
        said = " ".join(md.value for md in at.markdown)
        assert "of 1 entry." in said, said
        labels = [e.label for e in at.expander if e.label.startswith("How the thread")]
        assert labels == ["How the thread was read (1 note)"], labels
    finally:
        forget(name)
