"""Places as commenters write them (issue 9's miss classes, in the comment-thread register):
lower case, run-together articles, nicknames and short forms, features in lower case,
directional regions, quarters, borders, copied page furniture and "the city".

Every sentence is invented for these tests, in the style of war-discussion threads.
"""

from __future__ import annotations

import pytest

from geo.gazetteer import load_gazetteer
from tests.geoparse_text import geoparse_text

ALEPPO = (36.2012, 37.1612)
DAMASCUS = (33.5102, 36.2913)
RAQQA = (35.9528, 39.0079)
DEIR_EZ_ZOR = (35.3359, 40.1408)


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


def found(gazetteer, text: str) -> dict[str, object]:
    """The place each surface resolved to (the last mention of a surface wins)."""
    result = geoparse_text(gazetteer, text)
    return {m.surface: result.places[m.place] for m in result.mentions}


def km(gazetteer, place, lat: float, lon: float) -> float:
    return gazetteer.distance_km(place.lat, place.lon, lat, lon)


# -- towns in lower case ------------------------------------------------------------------


@pytest.mark.parametrize(("text", "surface", "name"), [
    ("lol the saa retook palmyra again, third time now", "palmyra", "Palmyra"),
    ("turkey and the kurds in afrin are at it again", "afrin", "Afrin"),
    ("ypg still holds kobane no matter what erdogan says", "kobane", "Kobani"),
    ("they are pushing toward deir ezzor from the west", "deir ezzor", "Deir ez-Zor"),
    ("regime jets bombed douma all night", "douma", "Dūmā"),
    ("isis is still dug in around mayadin", "mayadin", "Al Mayādīn"),
    ("after the fall of aleppo the rebels were finished", "aleppo", "Aleppo"),
    ("the battle for raqqa will take months", "raqqa", "Raqqa"),
    ("the fsa took albab after a long fight", "albab", "Al-Bab"),
])
def test_a_town_written_in_lower_case_after_a_cue(gazetteer, text, surface, name):
    assert found(gazetteer, text)[surface].name == name


def test_a_list_after_a_cue_is_read_to_its_end(gazetteer):
    places = found(gazetteer, "the regime shelled douma, harasta and arbin today")
    assert {"douma", "harasta", "arbin"} <= set(places)


def test_a_country_acting_is_no_place_in_lower_case_either(gazetteer):
    places = found(gazetteer, "turkey and the kurds in afrin are at it again")
    assert "turkey" not in places


@pytest.mark.parametrize("text", [
    "he said al was right, and the bab door was shut; tal is his cousin",
    "we hid in tall grass near the mare and her foal",
    "i'll tell you what, the whole thing is a sham",
    "she kept her in harem quarters, in the old story",
    "aleppo is a word here",  # no cue: a lower-case word is not read on its own
])
def test_lower_case_words_that_are_english_or_fragments_are_no_places(gazetteer, text):
    assert found(gazetteer, text) == {}


# -- country forms ---------------------------------------------------------------------------


def test_countries_in_lower_case_after_a_cue_and_in_a_list(gazetteer):
    places = found(gazetteer, "half my village fled to germany and sweden, the rest to egypt")
    assert {places[s].name for s in ("germany", "sweden", "egypt")} == {
        "Germany", "Sweden", "Egypt"}


def test_everyday_and_abbreviated_country_names(gazetteer):
    places = found(gazetteer, "He studied in Britain, then moved to America; now he lives "
                              "in the USA and visits the UK.")
    assert places["Britain"].name == places["UK"].name == "United Kingdom"
    assert places["America"].name == places["USA"].name == "United States"


def test_a_state_after_the_still_acts_where_no_locative_stands_before(gazetteer):
    places = found(gazetteer, "Sanctions imposed by the USA bite; the KSA pays for it.")
    assert "USA" not in places and "KSA" not in places


def test_country_names_that_are_english_words_stay_words(gazetteer):
    assert found(gazetteer, "we ate turkey off the good china in jersey, like in wales") == {}


# -- run-together articles and short forms ------------------------------------------------


@pytest.mark.parametrize("surface", ["AlBab", "Albab", "Al Bab", "al-Bab"])
def test_al_bab_however_its_article_is_joined(gazetteer, surface):
    places = found(gazetteer, f"The TFSA finally entered {surface} this week.")
    assert places[surface].name == "Al-Bab"


@pytest.mark.parametrize(("surface", "point"), [
    ("Deirezzor", DEIR_EZ_ZOR), ("Alraqqa", RAQQA), ("Albukamal", (34.4529, 40.9181)),
])
def test_a_town_written_run_together_at_its_article(gazetteer, surface, point):
    places = found(gazetteer, f"Fighting near {surface} again, reports say.")
    assert km(gazetteer, places[surface], *point) < 5


@pytest.mark.parametrize("surface", ["DeZ", "Deir Ezzor", "Der Ezzor", "Deir Ezor", "Deir ez-Zor"])
def test_the_spellings_and_short_form_of_deir_ez_zor(gazetteer, surface):
    places = found(gazetteer, f"The siege of {surface} is broken, finally.")
    assert km(gazetteer, places[surface], *DEIR_EZ_ZOR) < 5


def test_dez_in_lower_case_is_not_read(gazetteer):
    assert found(gazetteer, "yeah dez nuts, whatever") == {}


# -- features, regions and borders -------------------------------------------------------


@pytest.mark.parametrize("text", [
    "ISIS blew the bridge over the Euphrates.",
    "east of the euphrates is sdf land, west of it is the regime",
])
def test_the_euphrates_in_either_case(gazetteer, text):
    result = geoparse_text(gazetteer, text)
    assert any(result.places[m.place].kind == "river" for m in result.mentions)


def test_an_operation_named_after_a_river_is_no_river(gazetteer):
    places = found(gazetteer, "the euphrates shield guys finally took albab")
    assert "euphrates" not in places and places["albab"].name == "Al-Bab"


@pytest.mark.parametrize(("text", "surface", "kind"), [
    ("the saa relieved the Kuweires airbase after years", "Kuweires airbase", "facility"),
    ("they finally relieved kuweires airbase", "kuweires airbase", "facility"),
    ("if they blow mosul dam baghdad floods", "mosul dam", "dam"),
    ("sdf took the tabqa dam intact", "tabqa dam", "dam"),
    ("lake assad is lower than ever", "lake assad", "lake"),
])
def test_a_feature_is_the_feature_not_the_town_it_is_named_after(gazetteer, text, surface,
                                                                   kind):
    assert found(gazetteer, text)[surface].kind == kind


@pytest.mark.parametrize(("text", "surface"), [
    ("rojava will never be the same after this", "rojava"),
    ("Syrian Kurdistan is a project, not a state", "Syrian Kurdistan"),
    ("they reached the Syria-Turkey border at last", "Syria-Turkey border"),
])
def test_political_regions_and_borders(gazetteer, text, surface):
    assert found(gazetteer, text)[surface].kind == "region"


@pytest.mark.parametrize(("text", "surface"), [
    ("E. Aleppo is gone, W. Aleppo held", "Aleppo"),
    ("the rebels in east aleppo are out of food", "aleppo"),
    ("NE Syria is sdf country, NW Syria is hts", "Syria"),
    ("nobody cares about ne syria", "syria"),
])
def test_a_directional_region_is_read_at_its_name(gazetteer, text, surface):
    assert surface in found(gazetteer, text)


@pytest.mark.parametrize(("text", "surface", "kind"), [
    ("the ypg in sheikh maqsoud will not give it up", "sheikh maqsoud", "district"),
    ("rebels attacked handarat again last night", "handarat", "village"),
    ("the regime took jebel bishri from isis", "jebel bishri", "hill"),
    ("The army reached Jebel Bishri at dawn.", "Jebel Bishri", "hill"),
])
def test_curated_quarters_and_hills_in_a_commenters_spelling(gazetteer, text, surface, kind):
    assert found(gazetteer, text)[surface].kind == kind


@pytest.mark.parametrize("surface", ["Kuweiris Airbase", "Kweiris airbase", "kuweiris airbase"])
def test_an_air_base_is_found_written_as_one_word_or_two(gazetteer, surface):
    assert found(gazetteer, f"the saa reached {surface} at last")[surface].kind == "facility"


def test_a_facility_named_after_a_city_is_placed_at_the_city(gazetteer):
    # no row for Raqqa's airport: the airport is at Raqqa, not a place left unplaced
    places = found(gazetteer, "They flew out of Raqqa airport, then hit Tabqa and Manbij.")
    assert km(gazetteer, places["Raqqa"], *RAQQA) < 5


@pytest.mark.parametrize("text", ["They took Wadi Barada.", "the regime shelled wadi barada"])
def test_a_valley_is_the_valley_not_a_village_named_like_its_second_word(gazetteer, text):
    result = geoparse_text(gazetteer, text)
    assert [result.places[m.place].name for m in result.mentions] == ["Wadi Barada"]


def test_a_base_is_a_place_and_the_unit_named_like_it_is_not(gazetteer):
    places = found(gazetteer, "The 17th Division was wiped out at the Division 17 base "
                              "north of Raqqa.")
    assert places["Division 17 base"].kind == "facility"
    assert km(gazetteer, places["Division 17 base"], *RAQQA) < 25
    assert not any("17th" in surface for surface in places)


@pytest.mark.parametrize(("surface", "name"), [
    ("Hawijat Saqr", "Saqr island"), ("Tharda", "Tharda Mountain"),
    ("Qalat Jabar", "Qal'at Ja'bar")])
def test_landmarks_of_the_deir_ez_zor_and_tabqa_fronts(gazetteer, surface, name):
    assert found(gazetteer, f"They held {surface} for a week.")[surface].name == name


def test_the_m5_is_the_highway(gazetteer):
    places = found(gazetteer, "the rebels cut the M5 again near Khan Tuman")
    assert places["M5"].kind == "road"


# -- quarters ------------------------------------------------------------------------------


def test_damascus_quarters_a_thread_names_are_in_damascus(gazetteer):
    places = found(gazetteer, "Damascus: the army shelled Jobar and Qaboun, and Barzeh "
                              "signed a truce.")
    for surface in ("Jobar", "Qaboun", "Barzeh"):
        assert km(gazetteer, places[surface], *DAMASCUS) < 8


def test_raqqa_quarters_are_raqqas_not_a_namesakes(gazetteer):
    places = found(gazetteer, "In Raqqa the SDF cleared al-Mashlab and pushed into "
                              "al-Romaniya.")
    for surface in ("al-Mashlab", "al-Romaniya"):
        assert km(gazetteer, places[surface], *RAQQA) < 5


def test_a_quarter_spelling_that_is_an_iraqi_city_stays_the_city(gazetteer):
    places = found(gazetteer, "The Peshmerga flew in from Sulaymaniyah.")
    assert places["Sulaymaniyah"].country == "IQ"


# -- page furniture and anaphora -----------------------------------------------------------


def test_copied_page_furniture_is_not_text(gazetteer):
    text = ("Share this:\nRelated\nFiled under: Syria\nTags: Aleppo, Raqqa, Turkey\n"
            "Posted in Syria, Middle East\n\nThe SDF entered Manbij on Friday.")
    assert set(found(gazetteer, text)) == {"Manbij"}


def test_the_city_is_an_anaphor_never_a_place_of_its_own(gazetteer):
    result = geoparse_text(gazetteer, "The SDF entered Manbij. the city fell a week later.")
    assert [m.surface for m in result.mentions] == ["Manbij"]
    assert all("city" in a.surface for a in result.anaphora)
