"""Geoparse resolution: generic quarter names, names with digits, feature kind and nearness."""

from __future__ import annotations

import pytest

from geo.gazetteer import load_gazetteer
from tests.geoparse_text import geoparse_text


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


def run(gazetteer, text: str):
    result = geoparse_text(gazetteer, text)
    return result, [(m.surface, result.places[m.place]) for m in result.mentions]


def old_cities(found):
    return [place.id for surface, place in found if surface == "Old City"]


def test_a_bare_old_city_is_the_old_city_of_the_city_named_before(gazetteer):
    _, found = run(gazetteer, "Fighting in Raqqa went on. The SDF entered the Old City on "
                              "Monday.\n\nIn Aleppo, rebels held the Old City for years.")
    assert old_cities(found) == ["quarter:raqqa_old_city", "quarter:aleppo_old_city_of_aleppo"]


def test_a_bare_old_city_is_never_a_namesake_far_away(gazetteer):
    result, found = run(gazetteer, "Rebels in the Old City fired mortars at Homs.")
    assert all(place.lat > 33 for _, place in found)  # never Jerusalem's
    _, found = run(gazetteer, "In Damascus the Old City was calm. Homs was shelled.")
    assert old_cities(found) == []  # Damascus has no Old City row: dropped, not Homs's
    result, found = run(gazetteer, "Rebels in the Old City fired mortars.")
    assert old_cities(found) == [] and [u.surface for u in result.unresolved] == ["Old City"]


def test_names_with_digits_are_read_where_the_data_has_them(gazetteer):
    _, found = run(gazetteer, "Jets flew from the T4 airbase near Palmyra. Israel struck the "
                              "T-4 air base again. The army reached Brigade 137 in Deir "
                              "ez-Zor and the 137th Brigade, and the M-5 road.")
    ids = {surface: place.id for surface, place in found}
    assert ids["T4 airbase"] == ids["T-4 air base"] == "supplement:tiyas_air_base"
    assert ids["Brigade 137"] == ids["137th Brigade"] == "quarter:deir_ez_zor_brigade_137"
    assert ids["M-5 road"] == "supplement:m5_highway"


def test_numbers_and_lower_case_codes_are_no_places(gazetteer):
    _, found = run(gazetteer, "He drove an m5 for 4 km in 2016 with 137 men near Palmyra.")
    assert [surface for surface, _ in found] == ["Palmyra"]


def test_a_name_with_a_digit_is_read_once(gazetteer):
    _, found = run(gazetteer, "Near Huwayz the army took the 1070 Housing Project.")
    assert [surface for surface, _ in found] == ["Huwayz", "1070 Housing Project"]


def test_a_feature_named_by_its_head_alone_is_the_feature_not_a_far_namesake(gazetteer):
    _, found = run(gazetteer, "The SDF captured the Tishrin Dam and crossed the Euphrates, "
                              "capturing the town of Tishrin, then moved on Manbij and Aleppo.")
    ids = {surface: place.id for surface, place in found}
    assert ids["Tishrin"] == ids["Tishrin Dam"] == "supplement:tishrin_dam"
    # without the dam in the text, a namesake is not replaced by it
    _, found = run(gazetteer, "The army took Tishrin near al-Mayadin.")
    assert dict(found)["Tishrin"].id != "supplement:tishrin_dam"


def test_a_state_labelling_a_list_of_reactions_is_an_actor_not_a_place(gazetteer):
    _, found = run(gazetteer, "Reactions\n * Egypt: The spokesman welcomed the news.\n"
                              " * Russia: Putin spoke to Assad about Palmyra.\n"
                              "Fighting went on in Egypt and in Syria: a note.")
    assert [surface for surface, _ in found] == ["Palmyra", "Egypt", "Syria"]


def test_a_grown_name_before_a_feature_word_names_the_feature_not_a_far_village(gazetteer):
    _, found = run(gazetteer, "The army advanced in Palmyra and captured the Semiramis Hotel "
                              "and Al-Zera'a roundabout. Homs was shelled.")
    ids = {surface: place.id for surface, place in found}
    assert "Al-Zera'a" not in ids  # not the village Az Zira`ah by Aleppo
    assert ids["Al-Zera'a roundabout"] == ids["Palmyra"]


def test_an_outlet_named_like_a_place_is_no_variant(gazetteer):
    _, found = run(gazetteer, "The SDF advanced on Manbij and Sarrin. ARA News reported that "
                              "the village of Ayran fell.")
    assert "ARA News" not in [surface for surface, _ in found]


def test_qasr_opens_a_feature_phrase_placed_at_the_town_beside_it(gazetteer):
    _, found = run(gazetteer, "Fighters died in the defense of Qasr al-Halabat west of Palmyra.")
    ids = {surface: place.id for surface, place in found}
    assert ids["Qasr al-Halabat"] == ids["Palmyra"]


def test_a_hill_named_like_a_far_village_is_the_hill_placed_beside_its_town(gazetteer):
    _, found = run(gazetteer, "The army took Khanasir and Al-Mughayrat, then captured "
                              "Talat Al-Bayda hill.")
    ids = {surface: place.id for surface, place in found}
    assert ids["Talat Al-Bayda hill"] == ids["Al-Mughayrat"]  # not Tallat al Baydah, 42 km


def test_a_namesake_is_the_one_near_the_places_named_beside_it(gazetteer):
    # three villages are called Maskanah; the thread also talks about Homs, beside one of them
    text = ("Homs and Hama were quiet, Rastan too.\n\n"
            "Further north the regime retook Deir Hafer and Maskanah, on the way to Raqqa.")
    result = geoparse_text(gazetteer, text)
    place = next(result.places[m.place] for m in result.mentions if m.surface == "Maskanah")
    deir_hafer = next(result.places[m.place] for m in result.mentions
                      if m.surface == "Deir Hafer")
    homs = next(result.places[m.place] for m in result.mentions if m.surface == "Homs")
    near = gazetteer.distance_km(place.lat, place.lon, deir_hafer.lat, deir_hafer.lon)
    assert near < gazetteer.distance_km(place.lat, place.lon, homs.lat, homs.lon)
    assert near < 60


def test_a_prominent_town_is_not_overtaken_by_a_village_named_beside_its_neighbours(
        gazetteer):
    # Safita (a town of ~28,000) has a village namesake nearer the towns listed with it; a
    # town of ten thousand people or more is the town unless the text says otherwise
    text = "Jableh, Baniyas, Safita, Masyaf, Yabroud and Qatana were quiet."
    result = geoparse_text(gazetteer, text)
    found = {m.surface: result.places[m.place] for m in result.mentions}
    biggest = max(c.place.population for c in gazetteer.candidates("Safita"))
    assert biggest >= 10_000
    assert found["Safita"].population * 10 >= biggest, found["Safita"]


def test_a_town_written_without_its_article_is_spotted(gazetteer):
    # the gazetteer spells it "Al Qamishli" and has no form without the article
    assert "qamishli" not in gazetteer.keys
    result = geoparse_text(gazetteer, "The Kurds hold Al-Hasakah, Amuda and Qamishli.")
    found = {m.surface: result.places[m.place] for m in result.mentions}
    assert found["Qamishli"].name.replace("\u0101", "a").replace("\u012b", "i").endswith(
        "Qamishli")
    assert all(key.isascii() and " " not in key for key in gazetteer.bare_names
               if key.isascii())


def test_a_name_after_one_with_an_inner_apostrophe_does_not_follow_an_article(gazetteer):
    # "Ma'an" ends in "an", which is no indefinite article before "Tremseh"
    result = geoparse_text(gazetteer, "The army took Hama, Ma'an, Tremseh and Qastun.")
    surfaces = {m.surface for m in result.mentions}
    assert "Tremseh" in surfaces
    assert not any("indefinite article" in r[4] for r in result.rejected)


def test_a_transliteration_variant_is_the_namesake_near_the_places_listed_beside_it(
        gazetteer):
    # "Sukhna" has the skeleton of a village east of Aleppo and of al-Sukhnah near Palmyra
    text = ("They took Jirah Airbase, Maskanah and Deir Hafer. Then Hama, Tadmor, Arak, "
            "Sukhna and the T4 airbase.")
    result = geoparse_text(gazetteer, text)
    found = {m.surface: result.places[m.place] for m in result.mentions}
    arak, sukhna = found["Arak"], found["Sukhna"]
    assert gazetteer.distance_km(sukhna.lat, sukhna.lon, arak.lat, arak.lon) < 60
