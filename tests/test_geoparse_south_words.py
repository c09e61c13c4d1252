"""Lessons of southern Syria's places, written as invented sentences: English words and group
adjectives that a gazetteer lists as a place's alternate name (``data/not_places.csv``), the
English spellings of Rif Dimashq and Daraa towns (``data/gazetteer_aliases.csv``), demonyms and
"Balad" at a name's end, the Jabal al-Druze and southern Syria regions, Damascus quarters, and
a curated name's weight far from the text's places (``geo.geoparse.rank``)."""

from __future__ import annotations

import pytest

from geo.gazetteer import load_gazetteer
from tests.geoparse_text import geoparse_text


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


def surfaces(gazetteer, text: str) -> list[str]:
    return [m.surface for m in geoparse_text(gazetteer, text).mentions]


@pytest.mark.parametrize("word", ["Since", "Till", "Than", "Nor", "Along"])
def test_a_function_word_opening_a_sentence_is_no_place(gazetteer, word):
    text = f"The army shelled Qamishli on Monday. {word} then, the town has been quiet."
    found = surfaces(gazetteer, text)
    assert word not in found
    assert "Qamishli" in found


def test_a_religious_groups_adjective_is_no_place(gazetteer):
    found = surfaces(gazetteer, "The suburb of Jaramana has three Alawite neighborhoods, and "
                                "Shiite pilgrims visit it.")
    assert "Alawite" not in found and "Shiite" not in found
    assert "Jaramana" in found


# OCHA/GeoNames points (rounded) of places the English press spells otherwise
MOADAMIYEH = (33.459, 36.192)
SBEINEH = (33.437, 36.287)
YARMOUK = (33.470, 36.302)
TIBNAH = (32.991, 36.220)
RIF_DIMASHQ = (33.412, 37.633)


def places(gazetteer, text: str) -> dict:
    result = geoparse_text(gazetteer, text)
    return {m.surface: result.places[m.place] for m in result.mentions}


def near(gazetteer, place, point, km: float = 3.0) -> bool:
    return gazetteer.distance_km(place.lat, place.lon, *point) < km


def test_english_spellings_of_rural_damascus_towns(gazetteer):
    found = places(gazetteer, "The army shelled Muadamiyat al-Sham, then Al-Sabinah; "
                              "later it entered Tubna.")
    assert near(gazetteer, found["Muadamiyat al-Sham"], MOADAMIYEH)  # not Damascus ("al-Sham")
    assert near(gazetteer, found["Al-Sabinah"], SBEINEH)
    assert near(gazetteer, found["Tubna"], TIBNAH)


def test_a_demonym_after_a_name_does_not_lengthen_it(gazetteer):
    found = places(gazetteer, "Clashes spread into the Yarmuk Palestinian camp on Friday.")
    assert near(gazetteer, found["Yarmuk"], YARMOUK)
    found = places(gazetteer, "Refugees from the Homs and Rif Damashq Governorates arrived.")
    assert near(gazetteer, found["Rif Damashq"], RIF_DIMASHQ)  # the governorate (WOF's point)


SUWAYDA = (32.709, 36.570)
SHAHBA_TOWN = (32.852, 36.628)


def test_the_druze_highland_is_a_region_of_as_suwayda(gazetteer):
    found = places(gazetteer, "The army held Salkhad, a town in the southern Jabal el Druze.")
    assert near(gazetteer, found["Jabal el Druze"], SUWAYDA, km=30)  # not a village "Al Jabal"


def test_a_town_near_the_texts_places_beats_a_far_curated_namesake(gazetteer):
    # "Shahba" is also the curated region north of Aleppo; here the text is in as-Suwayda
    text = ("The government held As-Suwayda and Salkhad all year. In Shahba, militias "
            "manned checkpoints on the road to Suwayda.")
    assert near(gazetteer, places(gazetteer, text)["Shahba"], SHAHBA_TOWN)
    north = places(gazetteer, "The YPG advanced from Afrin and Tal Rifaat into the Shahba "
                              "region north of Aleppo.")
    assert not near(gazetteer, north["Shahba region"], SHAHBA_TOWN, km=200)


def test_the_curated_bonus_fades_with_distance_from_the_texts_places(gazetteer):
    """Ranking alone: the curated Shahba region (north of Aleppo) against the town of Shahba
    (as-Suwayda), in a text whose one sure place is Salkhad, 40 km from the town."""
    from geo.gazetteer import Candidate
    from geo.geoparse.rank import Anchors, _score

    by_name = {c.place.id: c for c in gazetteer.candidates("Shahba")}
    region = next(c for c in by_name.values() if c.curated)
    town = next(c for c in by_name.values()
                if not c.curated and near(gazetteer, c.place, SHAHBA_TOWN))
    anchored = Anchors([places(gazetteer, "The army held Salkhad.")["Salkhad"]])
    assert isinstance(town, Candidate)
    assert _score(town, gazetteer, anchored, {}) > _score(region, gazetteer, anchored, {})


SOUTHERN_SYRIA = (32.818, 36.166)  # the middle of the Daraa, Quneitra, as-Suwayda seats


def test_southern_syria_is_the_south_not_the_country(gazetteer):
    found = places(gazetteer, "After the Southern Syria offensive, militias left the Syrian "
                              "south for Idlib.")
    assert near(gazetteer, found["Southern Syria"], SOUTHERN_SYRIA, km=10)
    assert near(gazetteer, found["Syrian south"], SOUTHERN_SYRIA, km=10)


HUJAYRAH = (33.441, 36.326)


def test_balad_after_a_name_is_that_places_old_core(gazetteer):
    # "X Balad" / "X al-Balad": the old town of X, placed at X (not a longer unknown name)
    found = places(gazetteer, "Shelling from Sayyida Zeinab targeted Hujaira Balad at dawn.")
    assert near(gazetteer, found["Hujaira"], HUJAYRAH)


def test_quarters_of_damascus_are_placed_in_damascus(gazetteer):
    # Wikipedia's points for the quarters (rounded)
    found = places(gazetteer, "In Damascus, mortars hit al-Muhajirin and Abu Rummaneh, and "
                              "clashes were reported in Shaghour.")
    assert near(gazetteer, found["al-Muhajirin"], (33.525, 36.275), km=1.5)
    assert near(gazetteer, found["Abu Rummaneh"], (33.523, 36.282), km=1.5)
    assert near(gazetteer, found["Shaghour"], (33.506, 36.306), km=1.5)


def test_a_compass_word_joins_a_name_only_into_a_known_region(gazetteer):
    found = places(gazetteer, "Militias moved from northern Syria to southern Syria.")
    assert near(gazetteer, found["southern Syria"], SOUTHERN_SYRIA, km=10)
    assert "northern Syria" not in found and found["Syria"].kind == "country"  # no such row


def test_al_balad_in_a_text_about_daraa_is_its_old_quarter(gazetteer):
    found = places(gazetteer, "The FSA held one district in the city of Daraa (Al-Balad "
                              "district) all year.")
    assert near(gazetteer, found["Al-Balad district"], (32.612, 36.103), km=3)  # not Iraq's
    iraq = places(gazetteer, "Iraqi forces cleared the Balad District north of Baghdad.")
    assert iraq["Balad District"].country == "IQ"


def test_an_unspaced_en_dash_joins_a_name_as_a_hyphen_does(gazetteer):
    text = "The town lies along the Syrian–Lebanese borders, east of Zabadani."
    found = places(gazetteer, text)
    assert "Syrian–Lebanese borders" in found  # the border, not "Lebanese" or nothing
    assert found["Syrian–Lebanese borders"].kind == "region"
    spaced = places(gazetteer, "Rebels took Nawa – Daraa was quiet.")
    assert "Nawa" in spaced and "Daraa" in spaced  # a spaced dash still parts two names
