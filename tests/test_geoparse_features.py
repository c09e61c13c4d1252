"""Second round of issue 9: features no gazetteer lists, one sense per name, joined names."""

from __future__ import annotations

import pytest

from geo.gazetteer import load_gazetteer
from geo.geoparse.features import feature_phrases
from tests.geoparse_text import geoparse_text


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


def run(gazetteer, text: str):
    result = geoparse_text(gazetteer, text)
    return result, {m.surface: m for m in result.mentions}


def test_feature_phrases_are_read_and_surnames_are_not():
    text = ("The army took Hill 853 and the Duraham Oil Field, then Umm Qara hill. "
            "Fiona Hill said the Semiramis Hotel fell.")
    found = [text[a:b] for a, b in feature_phrases(text)]
    assert found == ["Hill 853", "Duraham Oil Field", "Umm Qara hill", "Semiramis Hotel"]


def test_a_hill_no_gazetteer_has_is_placed_at_the_town_named_beside_it(gazetteer):
    _, found = run(gazetteer, "The army advanced near Palmyra and captured Hill 800.")
    hill, town = found["Hill 800"], found["Palmyra"]
    assert hill.place == town.place and hill.precision == 2
    assert "feature the gazetteer lacks" in hill.evidence


def test_a_feature_with_no_settlement_near_stays_unplaced(gazetteer):
    _, found = run(gazetteer, "Nobody knows who holds Hill 800 now.")
    assert "Hill 800" not in found


def test_a_curated_feature_phrase_resolves_to_its_row(gazetteer):
    result, found = run(gazetteer, "Rebels reached the 1070 Housing Project in Aleppo.")
    place = result.places[found["1070 Housing Project"].place]
    assert place.gazetteer_id == "supplement:aleppo_1070_project"


def test_two_names_with_a_lost_comma_are_both_read(gazetteer):
    _, found = run(gazetteer, "The army advanced in the al-Layramoun al-Khalidiyah districts.")
    assert "al-Layramoun" in found and "al-Khalidiyah" in found


def test_a_feature_named_before_its_town_in_the_entry_is_placed_at_it(gazetteer):
    text = ("On 15 March the army secured Hill 900. The advance brought it within four "
            "kilometres of Palmyra.")
    _, found = run(gazetteer, text)
    assert found["Hill 900"].place == found["Palmyra"].place
    assert found["Hill 900"].precision == 2


def test_capitalised_facility_heads_are_features_but_not_a_persons(gazetteer):
    text = "Rebels stormed the Textile Factory and the Bus Station near Manbij."
    found = [text[a:b] for a, b in feature_phrases(text)]
    assert found == ["Textile Factory", "Bus Station"]
    _, placed = run(gazetteer, "Obama Hospital is near Manbij, they say.")
    assert "Obama Hospital" not in placed


def test_a_one_word_name_finds_its_gazetteer_name_with_an_article(gazetteer):
    with_article = {c.place.id for c in gazetteer.candidates("Al Huwayz")}
    added = {c.place.id for c in gazetteer.candidates("Huwayz") if c.article_dropped}
    assert added and added <= with_article


def test_english_at_between_two_names_joins_nothing(gazetteer):
    _, found = run(gazetteer, "The rebels fought from Aleppo at Dabiq until dawn.")
    assert "Dabiq" in found and "Aleppo" in found


def test_a_short_skeleton_name_is_found_by_its_close_form(gazetteer):
    ids = {c.place.id for c in gazetteer.close_variants("Uwayshiyyah")}
    assert ids and ids == {c.place.id for c in gazetteer.close_variants("‘Uwayshīyah")}
    assert not gazetteer.close_variants("Uwaysh")  # too short to be evidence


def test_a_name_that_anchors_the_text_is_no_evidence_for_its_own_namesakes(gazetteer):
    result, found = run(gazetteer, "The SDF took Manbij and Jarabulus. A wounded commander "
                                   "was moved to Sulaymaniyah in Iraqi Kurdistan.")
    place = result.places[found["Sulaymaniyah"].place]
    assert place.kind == "city" and place.country == "IQ"  # not a village beside the city


def test_quarters_the_gazetteer_lacks_are_read_by_their_cue_and_placed_in_the_town(gazetteer):
    text = ("The army entered Palmyra and took the neighbourhoods of Mutaqa'ideen and "
            "Al-Jami'a, then the Hatabat district.")
    _, found = run(gazetteer, text)
    for quarter in ("Mutaqa'ideen", "Al-Jami'a", "Hatabat"):
        assert found[quarter].place == found["Palmyra"].place, quarter
        assert found[quarter].precision == 2
    _, abroad = run(gazetteer, "Obama flew from Manbij to the district of Columbia.")
    assert "Columbia" not in abroad


def test_a_city_quarter_wins_only_where_the_text_is_about_its_city(gazetteer):
    result, found = run(gazetteer, "Rebels shelled the al-Khalidiyah district of Aleppo and "
                                   "advanced from Qadi Askar toward Hanano.")
    aleppo = result.places[found["Aleppo"].place]
    for quarter in ("al-Khalidiyah", "Qadi Askar"):
        place = result.places[found[quarter].place]
        assert place.kind == "district", quarter
        assert gazetteer.distance_km(place.lat, place.lon, aleppo.lat, aleppo.lon) < 6, quarter
    # the same name in a text about Homs is the namesake there, not Aleppo's quarter
    result, found = run(gazetteer, "Army units moved from Homs and Talbiseh to al-Khalidiyah.")
    place, homs = result.places[found["al-Khalidiyah"].place], result.places[found["Homs"].place]
    assert gazetteer.distance_km(place.lat, place.lon, homs.lat, homs.lon) < 40



def test_a_city_quarter_needs_its_city_in_the_text(gazetteer):
    # al-Amiriya is a quarter of Aleppo and villages elsewhere: with no Aleppo in the text,
    # the quarter is no candidate however the villages lie
    result, found = run(gazetteer, "ISIL attacked Palmyra from al-Amiriya, and the army held "
                                   "Ithriya.")
    assert not result.places[found["al-Amiriya"].place].id.startswith("quarter:")


def test_a_facility_written_another_way_with_its_feature_word_is_the_facility(gazetteer):
    # neither "Al Tabqa airbase" nor "Kuweiris airbase" is a name the gazetteer spells so
    text = ("The army took Jirah Airbase, Kuweiris airbase and Al Tabqa airbase near "
            "Maskanah and Deir Hafer.")
    result, found = run(gazetteer, text)
    kuweires = result.places[found["Kuweiris airbase"].place]
    tabqa = result.places[found["Al Tabqa airbase"].place]
    assert kuweires.kind == tabqa.kind == "facility"
    assert "Kuweires" in kuweires.name and "Tabqa" in tabqa.name
    assert not result.unresolved


def test_the_air_bases_of_the_war_are_facilities_whatever_the_spelling(gazetteer):
    text = ("Rebels took Abu Duhur airbase; jets flew from Mezzeh airbase, Kshesh airbase "
            "and Hama military airport.")
    result, found = run(gazetteer, text)
    for name in ("Abu Duhur airbase", "Mezzeh airbase", "Kshesh airbase",
                 "Hama military airport"):
        place = result.places[found[name].place]
        assert place.kind == "facility" and place.country in {"SY", ""}, name
    assert result.places[found["Kshesh airbase"].place].gazetteer_id == "icao:OS62"


def test_a_road_between_two_places_after_another_road_phrase(gazetteer):
    text = "The Aleppo-Damascus highway (M5) reopened, also the Aleppo-Raqqa road."
    result, found = run(gazetteer, text)
    assert result.places[found["Aleppo-Raqqa road"].place].kind == "road"
    assert "Raqqa" not in found
