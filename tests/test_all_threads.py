"""The all-threads view: one map, one timeline and one panel for every thread in the database.

The app runs in-process (AppTest) on a database of its own with three small threads from
different months (``FRONTLINE_DB`` is read on each call, so the test can point the app at it);
the pure parts (merging, timeline stops, clustering) run on hand-made records; and one browser
test (Debian chromium, network cut) opens an archive of three threads naming some eighty towns,
whose all-threads map must cluster.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import folium
import folium.plugins
import pytest
from streamlit.testing.v1 import AppTest

import atlas.map as mapview
from atlas.archive import ALL_THREADS, Archive, merge
from atlas.map.assets import remote_asset_urls, use_local_assets
from atlas.map.basemap import base_map
from atlas.state import ViewState, entry_link
from atlas.view import Filters, TimelineStep, apply_filters, timeline, timeline_stops
from geo.corpus import load_corpus, save_corpus, text_digest
from geo.pipeline import build_corpus
from geo.records import Claim, Corpus, Entry, Mention, Place, Quote
from tests.browser import chromium_page, require_browser, save_screenshot, streamlit_server

ROOT = Path(__file__).resolve().parents[1]
ALEPPO = "geonames:170063"

#: Three threads, months apart; each names Aleppo, and places of its own.
THREADS = {
    "aleppo-june.txt": (
        "The fighting around Aleppo goes on. pl\n"
        "IS took Azaz yesterday and Aleppo is quiet.\n"
        "Posted by: Barish | 07 June 2016 at 05:06 PM\n"
        "The SDF advanced on Manbij. Aleppo is next. pl\n"
        "Posted by: turcopolier | 07 June 2016 at 06:10 PM\n"
    ),
    "raqqa-march.txt": (
        "What now for Raqqa? pl\n"
        "The SAA is moving towards Raqqa from Aleppo.\n"
        "Posted by: Walrus | 01 March 2017 at 09:15 AM\n"
        "Tabqa will fall first, then Raqqa. pl\n"
        "Posted by: turcopolier | 01 March 2017 at 10:40 AM\n"
        "Aleppo is held by the SAA now.\n"
        "Posted by: Ghost ship | 02 March 2017 at 08:00 AM\n"
    ),
    "mosul-october.txt": (
        "Mosul, at last. pl\n"
        "The ISF entered Mosul. Some IS fighters fled to Aleppo province.\n"
        "Posted by: TTG | 17 October 2016 at 11:00 AM\n"
        "They will not stop before Aleppo. pl\n"
        "Posted by: turcopolier | 17 October 2016 at 11:30 AM\n"
    ),
}


def param(at: AppTest, key: str) -> str | None:
    value = at.query_params.get(key)
    return value[0] if isinstance(value, list) else value


def run_app(**params: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("archive")
    db = folder / "atlas.sqlite"
    for name, text in THREADS.items():
        save_corpus(db, build_corpus(text, source=name), digest=text_digest(text))
    (folder / "seeds").mkdir()  # no seed thread to build: the database is complete
    return db


@pytest.fixture
def app_env(database: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("FRONTLINE_DB", str(database))
    monkeypatch.setenv("FRONTLINE_SEEDS", str(database.parent / "seeds"))
    return database


@pytest.fixture(scope="module")
def threads(database: Path) -> dict[str, Corpus]:
    return {name: load_corpus(database, name) for name in THREADS}


# --- the page -----------------------------------------------------------------------------------


def test_all_threads_is_a_choice_and_a_link(app_env, threads):
    at = run_app()
    selector = at.sidebar.selectbox(key="w_thread")
    assert selector.options[-1] == "All threads (3)" and selector.value != ALL_THREADS
    at = run_app(thread="all")
    assert at.sidebar.selectbox(key="w_thread").value == ALL_THREADS
    assert param(at, "thread") == "all"
    assert any("All threads: 3 threads" in m.value for m in at.markdown)  # the map's title
    caption = thread_caption(at)
    entries = sum(len(c.entries) for c in threads.values())
    assert f"{entries} entries" in caption
    comments = sum(e.kind == "comment" for c in threads.values() for e in c.entries)
    assert 0 < comments < entries  # each thread has a post, not counted as a comment
    assert at.metric[0].value == str(comments)  # every comment of every thread is shown
    assert at.metric[0].help == f"{comments} comments and {len(threads)} posts"


def test_counts_add_up_across_threads(app_env, threads):
    at = run_app(thread="all")
    per_thread = {name: Counter(m.place for m in c.mentions) for name, c in threads.items()}
    total = sum((counts for counts in per_thread.values()), Counter())
    assert sum(1 for counts in per_thread.values() if counts[ALEPPO]) == 3
    assert at.metric[2].value == str(sum(total.values()))  # place mentions
    aleppo = at.button(key=f"pick-{ALEPPO}").label
    assert aleppo.endswith(f" · {total[ALEPPO]} mentions")
    assert total[ALEPPO] > max(counts[ALEPPO] for counts in per_thread.values())


def test_the_timeline_spans_every_thread_in_time_order(app_env, threads):
    at = run_app(thread="all")
    assert "2016-06-07 17:06 → 2017-03-02 08:00" in thread_caption(at)
    slider = at.select_slider(key="w_t")
    labels = slider.options
    assert len(labels) == sum(len(c.entries) for c in threads.values())
    timed = [label[:16] for label in labels if label[:4].isdigit()]
    assert timed == sorted(timed)
    assert timed[0].startswith("2016-06-07") and timed[-1].startswith("2017-03-02")
    # Mosul (October 2016) comes between the June and the March thread
    assert labels.index("2016-10-17 11:00 · TTG") == len(threads["aleppo-june.txt"].entries) + 1

    # up to TTG's comment: all of June, October's post and TTG, none of March
    at.select_slider(key="w_t").set_value(labels.index("2016-10-17 11:00 · TTG")).run()
    assert not at.exception
    june = threads["aleppo-june.txt"].entries
    assert at.metric[0].value == str(sum(e.kind == "comment" for e in june) + 1)
    assert at.metric[0].help.endswith("and 2 posts")  # June's and October's
    assert param(at, "t") == "2016-10-17T11:00"


def test_the_panel_groups_a_place_by_thread_and_links_into_each(app_env, threads):
    at = run_app(thread="all", place=ALEPPO)
    assert [h.value for h in at.subheader][:1] == ["Aleppo"]
    mentions = {name: sum(1 for m in c.mentions if m.place == ALEPPO)
                for name, c in threads.items()}
    labels = {e.label for e in at.expander}
    for name, count in mentions.items():
        assert f"{name} · {count} mention{'s' * (count != 1)}" in labels
    links = [href for md in at.markdown for href in re.findall(r'href="([^"]+)"', md.value)
             if "./Thread?" in href]
    opened = {(q["thread"][0], int(q["entry"][0]))
              for q in (parse_qs(urlsplit(href.replace("&amp;", "&")).query) for href in links)}
    assert {thread for thread, _ in opened} == set(THREADS)
    for thread, entry in opened:  # each link names the comment in its own thread
        assert any(m.place == ALEPPO and m.entry == entry for m in threads[thread].mentions)


@pytest.mark.parametrize("path", ["pages/1_Places.py", "pages/2_Thread.py", "pages/3_Claims.py",
                                  "pages/4_Commenters.py"])
def test_every_page_runs_on_all_threads(app_env, path):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.query_params["thread"] = "all"
    at.switch_page(path).run()
    assert not at.exception, [e.message for e in at.exception]
    assert at.sidebar.selectbox(key="w_thread").value == ALL_THREADS


def test_the_thread_page_searches_every_thread(app_env, threads):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.query_params["thread"] = "all"
    at.switch_page("pages/2_Thread.py").run()
    bodies = [md.value for md in at.markdown if 'class="fa-entry' in md.value]
    assert len(bodies) == sum(len(c.entries) for c in threads.values())
    at.text_input(key="thread_search").set_value("Tabqa").run()
    assert not at.exception
    hits = [md.value for md in at.markdown if 'class="fa-entry' in md.value]
    assert len(hits) == 1 and "raqqa-march.txt" in hits[0] and "fa-hit" in hits[0]
    at.text_input(key="thread_search").set_value("Aleppo").run()
    hits = " ".join(md.value for md in at.markdown if 'class="fa-entry' in md.value)
    assert all(name in hits for name in THREADS)


def test_a_link_from_the_archive_opens_the_comment_in_its_thread(threads):
    archive = merge(list(threads.values()))
    steps = timeline(archive)
    last_of_june = len(threads["aleppo-june.txt"].entries) - 1
    state = ViewState(thread=ALL_THREADS, filters=Filters(until=last_of_june))
    entry = archive.global_id("raqqa-march.txt", 2)
    link = entry_link(state, steps=steps, corpus=archive, entry_id=entry)
    query = parse_qs(urlsplit(link).query)
    assert query["thread"] == ["raqqa-march.txt"] and query["entry"] == ["2"]
    assert query["t"] == ["2016-06-07T18:10"] and link.endswith("#entry-2")
    single = threads["aleppo-june.txt"]
    link = entry_link(ViewState(thread=single.source), steps=timeline(single), corpus=single,
                      entry_id=1)
    assert link == "./Thread?thread=aleppo-june.txt&entry=1#entry-1"


# --- merging ------------------------------------------------------------------------------------


def _corpus(source: str, when: str) -> Corpus:
    post = Entry(0, "post", "pl", None, "Azaz and Manbij.", 0, 16)
    reply = Entry(1, "comment", "Barish", when, '"Azaz" holds.', 17, 30, replies_to=0,
                  quotes=(Quote(1, 5, 0, 0, 4),))
    claim = Claim("e1c0", 1, "Barish", when, "is", "control", ("azaz",), None, None,
                  "reported", 0, 12, '"Azaz" holds', disputes=("e0c9",))
    places = [Place("azaz", "Azaz", "town", "SY", 36.58, 37.04, "g:1"),
              Place("manbij", "Manbij", "town", "SY", 36.52, 37.95, "g:2")]
    return Corpus(source=source, entries=[post, reply], places=places,
                  mentions=[Mention("azaz", 0, 0, 4, "Azaz", 0.9),
                            Mention("manbij", 0, 9, 15, "Manbij", 0.9),
                            Mention("azaz", 1, 1, 5, "Azaz", 0.9)],
                  claims=[claim])


def test_merge_renumbers_entries_and_everything_pointing_at_them():
    archive = merge([_corpus("a.txt", "2016-06-07T17:00:00"),
                     _corpus("b.txt", "2016-05-01T09:00:00")])
    assert isinstance(archive, Archive) and archive.source == ALL_THREADS
    assert [e.id for e in archive.entries] == [0, 1, 2, 3]
    assert [archive.thread_of(i) for i in range(4)] == ["a.txt", "a.txt", "b.txt", "b.txt"]
    assert [archive.local_id(i) for i in range(4)] == [0, 1, 0, 1]
    assert archive.entries[3].replies_to == 2 and archive.entries[3].quotes[0].entry == 2
    assert [m.entry for m in archive.mentions] == [0, 0, 1, 2, 2, 3]
    assert [c.id for c in archive.claims] == ["t1.e1c0", "t2.e1c0"]
    assert archive.claims[1].entry == 3 and archive.claims[1].disputes == ("t2.e0c9",)
    assert [p.id for p in archive.places] == ["azaz", "manbij"]  # shared, not repeated
    view = apply_filters(archive, Filters())
    assert view.counts["azaz"] == 4 and view.counts["manbij"] == 2
    # b's comment (May) comes before a's post and comment (June); each post before its thread
    assert [s.entry for s in timeline(archive)] == [2, 3, 0, 1]
    assert len(apply_filters(archive, Filters(until=1)).entries) == 2


def _steps(times: list[str]) -> list[TimelineStep]:
    return [TimelineStep(i, i, t, f"{t} · x", t) for i, t in enumerate(times)]


def test_a_long_timeline_stops_by_day_week_or_month():
    short = timeline_stops(_steps([f"2016-06-0{d}T10:00:00" for d in range(1, 8)]))
    assert short.grain == "comment" and short.indices == tuple(range(7))

    days = [f"2016-{m:02d}-{d:02d}T{h:02d}:00:00" for m in (1, 2) for d in range(1, 29)
            for h in (9, 17)]
    by_day = timeline_stops(_steps(days), limit=60)
    assert by_day.grain == "day" and len(by_day.indices) == 56
    assert by_day.indices[0] == 1 and by_day.labels[1] == "2016-01-01"  # a day's last step
    assert by_day.snap(2) == 3 and list(by_day.bucket(3)) == [2, 3]
    by_week = timeline_stops(_steps(days), limit=20)
    assert by_week.grain == "week" and by_week.labels[by_week.indices[0]] == "week of 2015-12-28"
    by_month = timeline_stops(_steps(days), limit=5)
    assert by_month.grain == "month" and list(by_month.labels.values()) == ["2016-01", "2016-02"]
    assert by_month.indices[-1] == len(days) - 1  # the whole timeline is always a stop


# --- clustering ---------------------------------------------------------------------------------


def _many_places(count: int) -> Corpus:
    """One comment naming ``count`` towns on a grid over northern Syria."""
    places = [Place(f"p{i}", f"Town {i}", "town", "SY", 35.0 + (i // 10) * 0.25,
                    36.5 + (i % 10) * 0.3, f"g:{i}") for i in range(count)]
    text = " ".join(p.name + "." for p in places)
    mentions, start = [], 0
    for place in places:
        start = text.index(place.name, start)
        mentions.append(Mention(place.id, 1, start, start + len(place.name), place.name, 0.9))
    entries = [Entry(0, "post", "pl", None, "Towns.", 0, 6),
               Entry(1, "comment", "Barish", "2016-06-07T17:00:00", text, 7, 7 + len(text))]
    return Corpus(source="towns", entries=entries, places=places, mentions=mentions)


def test_many_markers_cluster_and_stay_offline():
    use_local_assets()
    view = apply_filters(_many_places(mapview.CLUSTER_ABOVE + 10), Filters())
    assert mapview.clusters(view)
    group = mapview.place_layers(view, selected="p3")
    clusters = [c for c in group._children.values()
                if isinstance(c, folium.plugins.MarkerCluster)]
    assert len(clusters) == 1
    m = base_map(center=(36.0, 38.0), zoom=7)
    mapview.cluster_assets().add_to(m)
    group.add_to(m)
    assert remote_asset_urls(m) == []
    html = m.get_root().render()
    assert "/app/static/vendor/leaflet.markercluster/leaflet.markercluster.js" in html
    assert "L.markerClusterGroup(" in html and "addLayers(markers)" in html
    # every town is drawn once: the selected one on its own, the others in the cluster
    drawn = re.findall(r'data-place=\\?"(p\d+)', html)
    assert sorted(set(drawn)) == sorted(f"p{i}" for i in range(mapview.CLUSTER_ABOVE + 10))
    assert len(drawn) == mapview.CLUSTER_ABOVE + 10


def test_few_markers_do_not_cluster():
    view = apply_filters(_many_places(mapview.CLUSTER_ABOVE), Filters())
    assert not mapview.clusters(view)
    group = mapview.place_layers(view)
    assert not any(isinstance(c, folium.plugins.MarkerCluster) for c in group._children.values())
    assert sum(isinstance(c, folium.Marker) for c in group._children.values()) == len(view.places)


# --- in the browser -----------------------------------------------------------------------------

TOWNS = (
    "Damascus", "Homs", "Hama", "Latakia", "Idlib", "Raqqa", "Palmyra", "Manbij", "Azaz",
    "Afrin", "Jarabulus", "Kobani", "Hasakah", "Daraa", "Quneitra", "Tabqa", "Saraqib",
    "Douma", "Zabadani", "Qusayr", "Baghdad", "Mosul", "Fallujah", "Ramadi", "Tikrit",
    "Kirkuk", "Erbil", "Samarra", "Baqubah", "Haditha", "Sinjar", "Basra", "Najaf", "Karbala",
    "Hillah", "Amarah", "Nasiriyah", "Beirut", "Sidon", "Tyre", "Baalbek", "Amman", "Irbid",
    "Zarqa", "Gaziantep", "Kilis", "Adana", "Antakya", "Mardin", "Nusaybin", "Diyarbakir",
    "Salamiyah", "Jableh", "Baniyas", "Safita", "Masyaf", "Yabroud", "Qatana", "Jaramana",
    "Nawa", "Inkhil", "Mayadin", "Amuda", "Suluk", "Maskanah", "Safira", "Atarib", "Harem",
    "Salqin", "Morek", "Rastan", "Talbiseh", "Sukhnah", "Qaryatayn",
)
MAP = 'iframe[title="streamlit_folium.st_folium"]'
MONTHS = {3: "March", 6: "June", 9: "September"}


def _town_thread(towns: Sequence[str], month: int) -> str:
    """A thread of one month: each comment names two towns, and Aleppo."""
    lines = ["Where the war is this month. pl"]
    for number, (first, second) in enumerate(zip(towns[::2], towns[1::2], strict=False)):
        lines.append(f"Fighting in {first} and near Aleppo; {second} is quiet.")
        lines.append(f"Posted by: Reader{number % 4} | {10 + number} {MONTHS[month]} 2016 "
                     "at 09:30 AM")
    lines += ["Thanks, all. pl", f"Posted by: turcopolier | 28 {MONTHS[month]} 2016 at 10:00 PM"]
    return "\n".join(lines) + "\n"


@pytest.mark.browser
def test_the_all_threads_map_clusters_offline(tmp_path: Path):
    from playwright.sync_api import expect

    require_browser()
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    third = len(TOWNS) // 3
    for number, month in enumerate(MONTHS):
        towns = TOWNS[number * third:(number + 1) * third]
        (seeds / f"towns-{month:02d}.txt").write_text(_town_thread(towns, month), "utf-8")
    env = {"FRONTLINE_DB": str(tmp_path / "atlas.sqlite"), "FRONTLINE_SEEDS": str(seeds)}
    with streamlit_server(ROOT / "app.py", env=env, timeout=120) as url, \
            chromium_page(viewport=(1440, 900)) as browser:
        page = browser.page
        frame = page.frame_locator(MAP)
        page.goto(f"{url}/?thread=towns-06.txt")  # one thread: under the threshold, no cluster
        expect(frame.locator("[data-place]").first).to_be_visible(timeout=60_000)
        assert frame.locator(".atlas-cluster").count() == 0

        page.goto(f"{url}/?thread=all")
        expect(frame.locator(".atlas-cluster").first).to_be_visible(timeout=60_000)
        expect(page.get_by_text("All threads: 3 threads").first).to_be_visible()
        clusters = frame.locator(".atlas-cluster").count()
        shown = frame.locator(".atlas-pin").count()
        assert clusters >= 3 and shown < len(TOWNS)  # gathered, not one pin per town
        assert browser.network.matching(
            r"/app/static/vendor/leaflet\.markercluster/leaflet\.markercluster\.js$")
        page.wait_for_timeout(500)
        save_screenshot(page, "all-threads")

        frame.locator(".atlas-cluster").first.click()  # zooms in on the cluster's places
        page.wait_for_function(
            """n => {
                const f = document.querySelector('iframe[title="streamlit_folium.st_folium"]');
                return f.contentDocument.querySelectorAll(".atlas-pin").length > n;
            }""", arg=shown, timeout=20_000)
        page.wait_for_timeout(800)
        save_screenshot(page, "all-threads-zoomed")

        page.goto(f"{url}/?thread=all&place={ALEPPO}")
        expect(page.get_by_role("heading", name="Aleppo")).to_be_visible(timeout=60_000)
        page.get_by_role("tab", name=re.compile(r"Comments")).click()
        for month in MONTHS:
            expect(page.get_by_text(re.compile(rf"towns-{month:02d}\.txt · \d+ mentions"))
                   .first).to_be_visible()
        page.wait_for_timeout(500)
        save_screenshot(page, "all-threads-panel")
        assert browser.network.non_local() == [], browser.network.non_local()
        assert not [e for e in browser.network.errors if "pageerror" in e], browser.network.errors


def test_the_all_threads_feed_is_newest_first_across_threads(threads):
    """The archive's entries run thread by thread (June 2016, March 2017, October 2016): the
    feed follows the clock, not that order."""
    from atlas.feed import feed_items

    items = feed_items(apply_filters(merge(list(threads.values())), Filters()), limit=400)
    times = [i.posted_at for i in items if i.posted_at]
    assert len({t[:7] for t in times}) == 3  # items from all three threads
    assert times == sorted(times, reverse=True), times


def thread_caption(at) -> str:
    """The caption under the map's title that counts what it shows (the page has others:
    Play's words)."""
    return next(c.value for c in at.caption if " entries · " in c.value)
