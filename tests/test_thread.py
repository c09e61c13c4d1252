"""The thread parser: entries, footers, replies, quotes and bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from geo.thread import ThreadError, parse_thread

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_c3b9a48d73eaee79.txt"


@pytest.fixture(scope="module")
def seed():
    return parse_thread(SEED.read_text(encoding="utf-8"), source=SEED.name)


def test_seed_has_the_post_and_25_comments(seed):
    assert seed.mode == "footers"
    assert [e.kind for e in seed.entries].count("post") == 1
    assert len(seed.entries) == 26
    assert seed.entries[0].author == "pl"
    assert seed.entries[0].text.endswith("the bear eats you. pl")
    assert seed.entries[1].author == "BrotherJoe"
    assert seed.entries[1].text.startswith("How would an implied Russian threat")


def test_seed_times_run_from_the_first_to_the_last_comment(seed):
    times = [e.posted_at for e in seed.entries[1:]]
    assert times[0] == "2016-06-07T17:06:00"
    assert times[-1] == "2016-06-08T01:29:00"
    assert times == sorted(times)


def test_entries_are_exact_slices_and_cover_all_but_footers(seed):
    text = SEED.read_text(encoding="utf-8")
    for entry in seed.entries:
        assert text[entry.start:entry.end] == entry.text
    covered = "".join(e.text for e in seed.entries)
    outside = text
    for entry in reversed(seed.entries):
        outside = outside[:entry.start] + outside[entry.end:]
    leftover = [ln for ln in outside.splitlines() if ln.strip()]
    assert all(ln.startswith("Posted by:") for ln in leftover)
    assert len(leftover) == 25
    assert len(covered) + sum(len(ln) for ln in leftover) <= len(text)


def test_replies_by_address_and_by_opening_quote(seed):
    by_id = {e.id: e for e in seed.entries}
    fredw_reply = next(e for e in seed.entries if e.text.startswith("fredW"))
    assert by_id[fredw_reply.replies_to].author == "Fredw"
    apol = next(e for e in seed.entries if e.author == "apol")
    assert by_id[apol.replies_to].author == "Babak Makkinejad"
    barish = seed.entries[2]
    assert barish.replies_to == 0  # opens by quoting the post


def test_quotes_point_at_the_words_they_reproduce(seed):
    by_id = {e.id: e for e in seed.entries}
    ishmael = next(e for e in seed.entries if e.author == "Ishmael Zechariah")
    sources = {by_id[q.entry].author for q in ishmael.quotes}
    assert sources == {"Barish", "Ghost ship"}
    for entry in seed.entries:
        for quote in entry.quotes:
            quoted = by_id[quote.entry].text[quote.source_start:quote.source_end]
            assert " ".join(quoted.split()).casefold().replace("\u201d", '"') == " ".join(
                entry.text[quote.start:quote.end].split()).casefold().replace("\u201d", '"')


def test_scare_quotes_are_not_quotes(seed):
    post = seed.entries[0]
    assert post.quotes == ()  # "off the reservation", "civilians", "pocketed"


def test_names_with_a_bar_survive():
    thread = parse_thread("Hi\nPosted by: A | B | 07 June 2016 at 05:06 PM\n")
    assert thread.entries[-1].author == "A | B"


def test_crlf_and_bom():
    text = "\ufeffFirst.\r\nPosted by: X | 07 June 2016 at 05:06 PM\r\nSecond.\r\n" \
           "Posted by: Y | 07 June 2016 at 05:07 PM\r\n"
    thread = parse_thread(text)
    assert [e.text for e in thread.entries] == ["First.", "Second."]
    assert [e.author for e in thread.entries] == ["X", "Y"]


@pytest.mark.parametrize(
    ("footer", "message"),
    [
        ("Posted by: X | 31 February 2016 at 05:06 PM", "not a real date"),
        ("Posted by: X | 07 June 2016", "has no time"),
        ("Posted by: X", "has no date"),
        ("Posted by: X | 2 years ago", "relative"),
        ("Posted by:  | 07 June 2016 at 05:06 PM", "no name"),
    ],
)
def test_malformed_footers_name_their_line_when_strict(footer, message):
    text = f"A comment.\nPosted by: Y | 07 June 2016 at 05:06 PM\nAnother.\n{footer}\n"
    with pytest.raises(ThreadError) as caught:
        parse_thread(text, source="t.txt", strict=True)
    assert caught.value.line == 4
    assert message in str(caught.value)
    assert str(caught.value).startswith("t.txt, line 4:")


def test_by_default_a_malformed_footer_keeps_its_comment():
    text = "A comment.\nPosted by: X | 31 February 2016 at 05:06 PM\nNext.\n" \
           "Posted by: Y | 07 June 2016 at 05:06 PM\n"
    thread = parse_thread(text)
    assert [e.text for e in thread.entries] == ["A comment.", "Next."]
    assert thread.entries[0].author == "X" and thread.entries[0].posted_at is None
    assert any("line 2" in note for note in thread.notes)


def test_text_after_the_last_footer_is_kept():
    thread = parse_thread("One.\nPosted by: X | 07 June 2016 at 05:06 PM\nOrphan text.\n")
    assert thread.entries[-1].text == "Orphan text."
    assert thread.entries[-1].author == ""
    assert thread.notes


def test_no_footers_gives_blocks_or_one_entry():
    blocks = parse_thread("Aleppo first.\n\nAzaz second.\n")
    assert blocks.mode == "blocks"
    assert [e.text for e in blocks.entries] == ["Aleppo first.", "Azaz second."]
    assert "2 blank-line-separated blocks" in blocks.notes[0]
    assert blocks.family == "plain"
    single = parse_thread("Just one paragraph about Raqqa.")
    assert single.mode == "single" and len(single.entries) == 1
    assert "one entry" in single.notes[0]


def test_empty_text_gives_no_entries():
    assert parse_thread("   \n\n").entries == []


def test_navigation_and_buttons_are_not_entries():
    blocks = parse_thread("Main\n\nAleppo first.\nReply\n\nAzaz second.\n\nReply\nLike\n")
    assert [e.text for e in blocks.entries] == ["Aleppo first.", "Azaz second."]
    assert parse_thread("Like\n").entries == []  # nothing but furniture: no entry
    kept = parse_thread("Aleppo.\nPosted by: X | 07 June 2016 at 05:06 PM\nLike\n"
                        "Posted by: Y | 07 June 2016 at 05:07 PM\n")
    assert kept.entries[-1].text == "Like"  # a comment of one such word is kept, not emptied
