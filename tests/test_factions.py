"""The factions lexicon: which words name which actor, with case, boundaries and negation."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from geo.factions import SIDE_ORDER, LexiconError, load_lexicon

HEADER = "actor,name,side,colour,alias,case_sensitive,source\n"
REQUIRED = {"is", "nusra", "jaish_al_fatah", "ahrar_al_sham", "rebels", "sdf", "saa", "iraq",
            "turkey", "russia", "us", "iran", "israel", "saudi"}


@pytest.fixture(scope="module")
def lex():
    return load_lexicon()


def found(lex, text: str) -> list[tuple[str, str]]:
    return [(m.actor, m.surface) for m in lex.find(text, entry=0)]


def write(tmp_path: Path, rows: str) -> Path:
    path = tmp_path / "factions.csv"
    path.write_text(HEADER + rows, encoding="utf-8")
    return path


def test_every_canonical_actor_is_listed_on_a_known_side(lex):
    ids = {a.id for a in lex.actors}
    assert ids >= REQUIRED
    assert lex.sides == list(SIDE_ORDER)
    for actor in lex.actors:
        assert actor.side in lex.sides
        assert re.fullmatch(r"#[0-9A-F]{6}", actor.colour)
    assert lex.actor("is").side == "IS"
    assert lex.actor("nusra").side == lex.actor("rebels").side == "Nusra and other rebels"
    assert lex.actor("saa").side == lex.actor("iran").side == "SAA and allies"
    with pytest.raises(KeyError, match="nobody"):
        lex.actor("nobody")


def test_one_colour_per_side_and_distinct_between_sides(lex):
    colours: dict[str, set[str]] = {}
    for actor in lex.actors:
        colours.setdefault(actor.side, set()).add(actor.colour)
    assert all(len(c) == 1 for c in colours.values())
    assert len({next(iter(c)) for c in colours.values()}) == len(colours)


def test_is_the_group_is_not_the_verb_nor_a_sentence_start(lex):
    assert found(lex, "Is it true that IS is near Azaz? It is.") == [("is", "IS")]
    assert found(lex, "This island is his.") == []
    assert found(lex, "ISIS and ISIL and Daesh and daesh") == [
        ("is", "ISIS"), ("is", "ISIL"), ("is", "Daesh"), ("is", "daesh")]


def test_us_the_state_is_not_us_the_pronoun(lex):
    assert found(lex, "Tell us what the US wants.") == [("us", "US")]
    assert found(lex, "the USS Harry Truman and the USSR") == [("us", "USS Harry Truman")]
    assert found(lex, "Kerry/Obama and the WH") == [("us", "Kerry"), ("us", "Obama"),
                                                     ("us", "WH")]


def test_non_and_anti_negate_the_name_that_follows(lex):
    assert found(lex, "the non-IS jihadis held it") == [("rebels", "non-IS jihadis")]
    assert found(lex, "non-IS forces and anti-Assad groups") == []
    assert found(lex, "IS fought the non-IS jihadi forces") == [
        ("is", "IS"), ("rebels", "non-IS jihadi forces")]


def test_longest_alias_wins_across_separators(lex):
    assert found(lex, "the Turkish government said") == [("turkey", "Turkish government")]
    assert found(lex, "Jaish al Fatah, Jaish al-Fatah and Jaish al\nFatah") == [
        ("jaish_al_fatah", "Jaish al Fatah"), ("jaish_al_fatah", "Jaish al-Fatah"),
        ("jaish_al_fatah", "Jaish al\nFatah")]
    assert found(lex, "AQ linked groups (Nusra, Ahrar al-Sham)") == [
        ("nusra", "AQ linked groups"), ("nusra", "Nusra"), ("ahrar_al_sham", "Ahrar al-Sham")]


def test_whole_words_only(lex):
    assert found(lex, "Turkishness, Russianized, Kurdsville") == []
    assert found(lex, "MiT-handlers and R+6") == [("turkey", "MiT"), ("saa", "R+6")]


def test_offsets_point_at_the_surface_and_carry_the_entry(lex):
    text = "The YPG/SDF offensive towards Manbij; Russia's jets; pet jihadi's"
    mentions = lex.find(text, entry=7)
    assert [m.surface for m in mentions] == ["YPG/SDF", "Russia", "pet jihadi's"]
    for mention in mentions:
        assert text[mention.start:mention.end] == mention.surface
        assert mention.entry == 7


def test_a_long_text_is_read_in_one_pass(lex):
    text = "IS took Azaz from the rebels; is it so? " * 5000
    mentions = lex.find(text, entry=0)
    assert len(mentions) == 10000
    assert {m.actor for m in mentions} == {"is", "rebels"}


def test_a_rejected_case_falls_back_to_a_shorter_alias(tmp_path):
    path = write(tmp_path, "us,United States,US,#0077BB,US,yes,test\n"
                           "us,United States,US,#0077BB,US Army,yes,test\n")
    lex = load_lexicon(path)
    assert found(lex, "the US army came") == [("us", "US")]
    assert found(lex, "the US Army came") == [("us", "US Army")]
    assert found(lex, "let us army ourselves") == []


def test_the_lexicon_is_cached_per_file_and_reread_when_edited(tmp_path):
    assert load_lexicon() is load_lexicon()
    path = write(tmp_path, "is,Islamic State,IS,#222222,IS,yes,test\n")
    first = load_lexicon(path)
    assert load_lexicon(path) is first
    path.write_text(HEADER + "is,Islamic State,IS,#222222,Daesh,no,test\n", encoding="utf-8")
    os.utime(path, ns=(1, 10**18))
    assert found(load_lexicon(path), "Daesh and IS") == [("is", "Daesh")]


@pytest.mark.parametrize(("rows", "message"), [
    ("is,Islamic State,IS,black,IS,yes,test\n", "line 2: colour"),
    ("is,Islamic State,IS,#222222,IS,maybe,test\n", "line 2: case_sensitive"),
    ("is,Islamic State,IS,#222222,,yes,test\n", "line 2: the alias column is empty"),
    ("is,Islamic State,IS,#222222,IS,yes,test\nis,ISIS,IS,#222222,ISIS,yes,test\n",
     "line 3: actor 'is' has a different name"),
    ("is,Islamic State,IS,#222222,IS,yes,test\nus,USA,US,#0077BB,IS,yes,test\n",
     "already listed for 'is' on line 2"),
])
def test_bad_rows_are_reported_with_their_line(tmp_path, rows, message):
    with pytest.raises(LexiconError, match=re.escape(message)):
        load_lexicon(write(tmp_path, rows))


def test_a_missing_column_is_named(tmp_path):
    path = tmp_path / "factions.csv"
    path.write_text("actor,name,side,alias\nis,IS,IS,IS\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="colour, case_sensitive, source"):
        load_lexicon(path)


def test_a_longer_name_that_starts_inside_a_shorter_one_wins():
    # "the Army" (the state's army) must not swallow the start of "the Army of Conquest"
    found = load_lexicon().find("the Army of Conquest attacked, then the Army answered", entry=0)
    assert [(m.actor, m.surface) for m in found] == [
        ("jaish_al_fatah", "Army of Conquest"), ("saa", "the Army")]


def test_the_government_or_the_regime_that_holds_or_takes_is_the_syrian_state():
    lexicon = load_lexicon()
    for text in ("As of 2013 the government still had a presence in the town.",
                 "The regime retook the town in 2016."):
        assert [m.actor for m in lexicon.find(text, entry=0)] == ["saa"], text
    # with another state's government named, it is that state's, not Syria's
    for text in ("The Turkish government took the decision.",):
        assert "saa" not in [m.actor for m in lexicon.find(text, entry=0)], text


def test_named_rebel_coalitions_are_the_rebel_side_not_the_words_inside_them(lex):
    # "Army" alone names the Syrian army and "Islamic" starts IS's names: the whole name of a
    # rebel group wins, and is on the rebel side.
    text = ("Units of the Army of Mujahideen and the Islamic Front met fighters of the "
            "Tawhid Brigade and the Northern Storm Brigade near the crossing.")
    hits = lex.find(text, entry=0)
    assert [m.surface for m in hits] == ["Army of Mujahideen", "Islamic Front", "Tawhid Brigade",
                                         "Northern Storm Brigade"]
    assert {lex.actor(m.actor).side for m in hits} == {"Nusra and other rebels"}
