"""Every comment family read right: the hand-made samples in tests/fixtures/formats/.

Each sample is written in its family's own markup (no third-party text); ``expected.json``
says, entry by entry, who wrote it, when, and whom it answers.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from geo.formats.detect import format_report
from geo.formats.footers import read_footer
from geo.formats.stamps import read_stamp
from geo.formats.structured import parse_reddit_json
from geo.thread import ThreadError, parse_footers, parse_thread

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "formats"
EXPECTED = json.loads((FIXTURES.parent / "formats_expected.json").read_text(encoding="utf-8"))
AS_OF = datetime.fromisoformat(EXPECTED["as_of"])
SAMPLES = sorted(name for name in EXPECTED if not name.startswith("_") and name != "as_of")


def read(name: str):
    return parse_thread((FIXTURES / name).read_text(encoding="utf-8"), source=name, as_of=AS_OF)


def test_there_is_a_sample_of_every_family():
    families = {EXPECTED[name]["family"].removeprefix("html+") for name in SAMPLES}
    assert families >= {"typepad", "movable-type", "moon-of-alabama", "wordpress", "disqus",
                        "disqus-xml", "reddit"}
    assert any(EXPECTED[name]["family"].startswith("html+") for name in SAMPLES)


@pytest.mark.parametrize("name", SAMPLES)
def test_family_and_title_are_recognised(name):
    thread = read(name)
    assert thread.family == EXPECTED[name]["family"]
    assert thread.title == EXPECTED[name]["title"]
    assert format_report(thread).split(":")[0]  # a family in words, then the counts


@pytest.mark.parametrize("name", SAMPLES)
def test_authors_and_times_are_exact(name):
    thread = read(name)
    expected = EXPECTED[name]["entries"]
    assert len(thread.entries) == len(expected)
    right = sum((e.kind, e.author, e.posted_at) == (k, a, t)
                for e, (k, a, t, _) in zip(thread.entries, expected, strict=True))
    print(f"\n{name}: {right}/{len(expected)} entries with kind, author and time exact")
    assert right / len(expected) >= 0.95


@pytest.mark.parametrize("name", SAMPLES)
def test_replies_and_quotes(name):
    thread = read(name)
    want = [r for *_, r in EXPECTED[name]["entries"]]
    right = sum(e.replies_to == r for e, r in zip(thread.entries, want, strict=True))
    print(f"\n{name}: {right}/{len(want)} replies as the writer meant")
    # WordPress shows a reply by nesting alone, which copied text loses (a saved page keeps it)
    assert right >= len(want) - (1 if name == "wordpress.txt" else 0)
    assert [[e.id, q.entry] for e in thread.entries for q in e.quotes] == \
        EXPECTED[name]["quotes"]


@pytest.mark.parametrize("name", SAMPLES)
def test_entries_are_exact_slices_of_the_thread_text(name):
    thread = read(name)
    raw = (FIXTURES / name).read_text(encoding="utf-8")
    if name.endswith(".txt"):
        assert thread.text == raw  # copied text: offsets index the file itself
    for entry in thread.entries:
        assert thread.text[entry.start:entry.end] == entry.text
        assert entry.text.strip()
        for quote in entry.quotes:
            assert quote.end <= len(entry.text)


def test_page_furniture_is_dropped_and_markup_in_a_comment_is_text():
    for name in ("typepad.html", "wordpress.html", "wordpress.txt", "typepad.txt",
                 "wpdiscuz.txt", "disqus.txt"):
        thread = read(name)
        words = "\n".join(e.text for e in thread.entries)
        for furniture in ("Skip to content", "Archives", "Leave a Reply", "Notify of",
                          "Post a comment", "Permalink", "Share ›", "Reply\n", "\nMain"):
            assert furniture not in words, (name, furniture)
    assert "alert" not in read("typepad.html").text  # a script element is not text
    html_comment = read("typepad.html").entries[-1].text
    assert "<b>bold</b>" in html_comment  # escaped markup in a comment stays as written
    assert "<script>alert(1)</script>" in read("wordpress.html").entries[-1].text


def test_structured_rendering_reads_back_the_same_with_the_footer_parser():
    thread = read("reddit.json")
    again = parse_footers(thread.text, signature="\x00")
    assert [(e.author, e.posted_at) for e in again.entries] == \
        [(e.author, e.posted_at) for e in thread.entries]


def test_a_malformed_footer_in_the_middle_loses_nothing():
    text = (FIXTURES / "typepad.txt").read_text(encoding="utf-8")
    broken = text.replace("Posted by: sandtable | 07 June 2016 at 06:02 PM",
                          "Posted by: sandtable | 07 Juin 2016 at 18h02")
    assert broken != text
    good, bad = parse_thread(text), parse_thread(broken)
    assert [e.text for e in bad.entries] == [e.text for e in good.entries]
    assert [e.author for e in bad.entries] == [e.author for e in good.entries]
    times = [e.posted_at for e in bad.entries]
    assert times[3] is None and times[:3] + times[4:] == \
        [e.posted_at for e in good.entries][:3] + [e.posted_at for e in good.entries][4:]
    assert any("18h02" in note for note in bad.notes)
    with pytest.raises(ThreadError) as caught:
        parse_thread(broken, strict=True, source="b.txt")
    assert caught.value.line == broken.splitlines().index(
        "Posted by: sandtable | 07 Juin 2016 at 18h02") + 1


def test_relative_times_are_never_invented():
    thread = parse_thread((FIXTURES / "disqus.txt").read_text(encoding="utf-8"))
    assert all(e.posted_at is None for e in thread.entries)
    assert any("--as-of" in note for note in thread.notes)
    assert read_stamp("3 days ago", as_of=AS_OF).approximate
    assert read_stamp("yesterday at 5:06 PM", as_of=AS_OF).moment == datetime(2016, 6, 7, 17, 6)
    assert read_stamp("yesterday at 25:06 PM", as_of=AS_OF).moment is None
    day = AS_OF.date()  # a day without a clock: "2 hours ago" cannot be placed, a clock can
    assert read_stamp("2 hours ago", as_of=day).moment is None
    assert "time of day" in read_stamp("2 hours ago", as_of=day).problem
    assert read_stamp("yesterday at 5:06 PM", as_of=day).moment == datetime(2016, 6, 7, 17, 6)


def test_newer_disqus_layout_name_and_time_on_their_own_lines():
    text = ("A post about Tabqa.\n\nOrrin Blackwood\n2 hours ago\nThe dam holds.\n5\nReply\n\n"
            "Linden Oakes\nan hour ago\nFor now.\nReply\n")
    thread = parse_thread(text, as_of=AS_OF)
    assert [(e.author, e.posted_at, e.text) for e in thread.entries[1:]] == [
        ("Orrin Blackwood", "2016-06-08T10:00:00", "The dam holds."),
        ("Linden Oakes", "2016-06-08T11:00:00", "For now.")]


@pytest.mark.parametrize(("line", "author", "moment"), [
    ("Posted by: Barish | 07 June 2016 at 05:06 PM", "Barish", "2016-06-07T17:06:00"),
    ("Posted by: Barish at June 7, 2016 05:06 PM", "Barish", "2016-06-07T17:06:00"),
    ("Posted by: Ghost ship | June 7, 2016 at 05:06 PM", "Ghost ship", "2016-06-07T17:06:00"),
    ("Posted by: b | Jun 7, 2016 2:35:16 PM", "b", "2016-06-07T14:35:16"),
    ("Posted by: b | Jun 7, 2016 2:35:16 PM | 12", "b", "2016-06-07T14:35:16"),
    ("Posted by: Sat at June 7, 2016 05:06 PM", "Sat", "2016-06-07T17:06:00"),
    ("Posted by: A | B | 07 June 2016 at 05:06 PM", "A | B", "2016-06-07T17:06:00"),
])
def test_footer_styles(line, author, moment):
    footer = read_footer(line)
    assert (footer.author, footer.stamp.moment.isoformat()) == (author, moment)


def test_reddit_json_that_is_not_a_thread_is_a_clear_error():
    with pytest.raises(ThreadError, match="not a Reddit thread"):
        parse_reddit_json('{"kind": "Listing", "data": {}}', source="r.json")


def test_hostile_structure_is_a_clear_error_or_plain_text():
    deep = '[{"kind": "Listing", "data": ' + "[" * 100_000 + "]" * 100_000 + "}]"
    with pytest.raises(ThreadError, match="nested deeper"):
        parse_thread(deep, source="deep.json")
    page = "<html><body>" + "<div>" * 5000 + "Azaz <script>x()</script>" + "</div>" * 5000
    thread = parse_thread(page + "</body></html>")
    assert [e.text for e in thread.entries] == ["Azaz"]


def test_the_report_counts_what_was_found_and_what_needs_a_date():
    report = format_report(parse_thread((FIXTURES / "disqus.txt").read_text(encoding="utf-8")))
    assert "6 entries (5 comments), 5 authors, 0 with a time" in report
    assert "5 relative times" in report
    placed = format_report(read("disqus.txt"))
    assert "5 with a time" in placed and "relative" not in placed


def test_a_post_whose_only_footer_line_opens_it_keeps_its_text():
    text = ("Posted by kurdo_fan on March 3, 2017\n\nThe army reached al-Bab.\n\n"
            "Reply: and Manbij too.\n")
    entries = parse_thread(text, strict=False).entries
    joined = " ".join(e.text for e in entries)
    assert "The army reached al-Bab." in joined
    assert "Manbij" in joined
