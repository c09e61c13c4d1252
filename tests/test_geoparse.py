"""The geoparser on small made-up threads: spotting, filtering, ranking, precision."""

from __future__ import annotations

import pytest

from geo.gazetteer import load_gazetteer
from geo.geoparse import geoparse
from geo.thread import parse_thread

ACTORS = ["Turkey", "Russia", "Moscow", "Washington", "Iran", "Israel", "US"]


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


def run(gazetteer, text: str):
    entries = parse_thread(text).entries
    result = geoparse(entries, gazetteer, actor_aliases=ACTORS)
    names = [(m.surface, result.places[m.place].name, m.precision) for m in result.mentions]
    return result, names


def test_longest_name_wins(gazetteer):
    _, names = run(gazetteer, "They fought near Tabqa air base and in northern Aleppo Governorate.")
    surfaces = [n[0] for n in names]
    assert "Tabqa air base" in surfaces and "Tabqa" not in surfaces
    assert "Aleppo Governorate" in surfaces


def test_people_and_metonymy_are_not_places(gazetteer):
    text = ("Obama and Kerry met Bismarck. General Hassan will rule. The Washington borg agrees "
            "with Moscow. Is it over? Minsk II is dead. Turkey wants Azaz. Senator Palmyra spoke.")
    result, names = run(gazetteer, text)
    surfaces = {n[0] for n in names}
    assert surfaces == {"Azaz"}
    reasons = {r[3]: r[4] for r in result.rejected}
    assert "person" in reasons["Hassan"]
    assert "title" in reasons["Palmyra"]
    assert "agreement" in reasons["Minsk"]
    assert "actor" in reasons["Turkey"]


def test_actor_names_count_as_places_after_a_locative(gazetteer):
    _, names = run(gazetteer, "The men were brought through Hatay Province in Turkey.")
    assert ("Turkey", "Turkey", 1) in names


def test_regional_reading_beats_a_distant_namesake(gazetteer):
    result, _ = run(gazetteer, "From Aleppo they drove on to Damascus.")
    damascus = next(m for m in result.mentions if m.surface == "Damascus")
    assert result.places[damascus.place].country == "SY"


@pytest.mark.parametrize(
    ("text", "surface", "precision"),
    [
        ("IS is nearly at the gates of the town of Azaz.", "Azaz", 2),
        ("IS took the Azaz pocket.", "Azaz", 3),
        ("They hold the area around Azaz now.", "Azaz", 3),
        ("The rebels took Azaz yesterday.", "Azaz", 1),
        ("A complex directly south of the Castello road fell.", "Castello road", 2),
    ],
)
def test_acled_precision(gazetteer, text, surface, precision):
    _, names = run(gazetteer, text)
    assert (surface, precision) in {(n[0], n[2]) for n in names}


def test_misspelling_needs_the_real_name_nearby(gazetteer):
    _, with_context = run(gazetteer, "The offensive towards Mabij goes on. Manbij is surrounded.")
    assert ("Mabij", "Manbij", 1) in with_context
    result, alone = run(gazetteer, "The offensive towards Mabij goes on.")
    assert not alone
    assert [u.surface for u in result.unresolved] == ["Mabij"]


def test_unknown_name_after_a_locative_is_unresolved_not_invented(gazetteer):
    result, names = run(gazetteer, "Fighting raged in Zzyzzgrad all night.")
    assert not names
    assert [(u.surface, u.start) for u in result.unresolved] == [("Zzyzzgrad", 18)]


def test_stated_direction_is_checked(gazetteer):
    text = "They captured Khan Touman SW of Aleppo. They took Azaz S of Aleppo."
    result, _ = run(gazetteer, text)
    checks = {(r.stated, r.agrees) for r in result.relations}
    assert ("SW", True) in checks
    assert ("S", False) in checks  # Azaz is north of Aleppo


def test_quoted_words_are_spoken_by_the_quoted_author(gazetteer):
    text = ("Azaz will fall within the week.\nPosted by: Ann | 07 June 2016 at 05:06 PM\n"
            '"Azaz will fall within the week" No, Raqqa will.\n'
            "Posted by: Bob | 07 June 2016 at 05:10 PM\n")
    result, _ = run(gazetteer, text)
    second = [m for m in result.mentions if m.entry == 1]
    assert {(m.surface, m.speaker) for m in second} == {("Azaz", "Ann"), ("Raqqa", "Bob")}


def test_mention_spans_are_exact(gazetteer):
    text = "Barish said the SAA lifted the siege on Nubbl and az-Zahra, near Halab."
    entries = parse_thread(text).entries
    result = geoparse(entries, gazetteer, actor_aliases=ACTORS)
    for mention in result.mentions:
        assert entries[mention.entry].text[mention.start:mention.end] == mention.surface
    assert {m.surface for m in result.mentions} == {"Nubbl", "az-Zahra", "Halab"}


def test_no_two_mentions_share_a_span(gazetteer):
    # a name read as a transliteration variant was read again as a misspelling of itself
    text = ("The army advanced from Khanasir towards Ithriya village and then took Mushrifah "
            "village. Fighting went on near Mushrifah.")
    result, _ = run(gazetteer, text)
    spans = [(m.entry, m.start, m.end) for m in result.mentions]
    assert [m.surface for m in result.mentions].count("Mushrifah") == 2
    assert len(spans) == len(set(spans))
