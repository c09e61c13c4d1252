"""The oil and gas war of the Syrian desert and the Jazira: fields, plants, pumping stations,
mountains and desert villages, written as reports write them (sentences written for the test).
A feature resolves within its tolerance (25 km); a town that gives a feature its name, or a
namesake village far away, does not take the feature's mention."""

from __future__ import annotations

import pytest

from geo.gazetteer import load_gazetteer
from geo.gazetteer.heads import head_spellings
from tests.geoparse_text import places_by_surface

FEATURE_KM = 25.0
VILLAGE_KM = 5.0


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


def _km(gazetteer, place, row_id: str) -> float:
    row = gazetteer.places[row_id]
    return gazetteer.distance_km(place.lat, place.lon, row.lat, row.lon)


def test_fields_stations_and_mountains_get_the_other_heads_of_their_kind():
    field = head_spellings("facility", ["Jazal oil field"])
    assert {"Jazal gas field", "Jazal field", "Jazal oilfield", "Jazal oil fields"} <= set(field)
    assert "T-3 station" in head_spellings("facility", ["T-3 pumping station"])
    mount = head_spellings("hill", ["Jabal Amour"])
    assert {"Mount Amour", "Amour mountains"} <= set(mount)
    # an air base is no field, a town has no heads
    assert "Tiyas field" not in head_spellings("facility", ["Tiyas air base"])
    assert head_spellings("village", ["Arak"]) == []


@pytest.mark.parametrize(("text", "surface", "row"), [
    ("Pro-government troops retook the al-Shaer gas field after a week of fighting.",
     "al-Shaer gas field", "supplement:shaer_gas_field"),
    ("Militants overran the Shaer field east of Homs on Friday.", "Shaer field",
     "supplement:shaer_gas_field"),
    ("A convoy left the Jazal oilfield at dawn.", "Jazal oilfield",
     "supplement:jazal_oil_field"),
    ("Engineers restarted the Jihar gas plant last month.", "Jihar gas plant",
     "supplement:jihar_gas_field"),
    ("Fighting moved to the Arak oil field and beyond.", "Arak oil field",
     "supplement:arak_gas_field"),
    ("Jets struck the Jafra oil field east of Deir ez-Zor.", "Jafra oil field",
     "supplement:jafra_oil_field"),
    ("Shelling was reported near the Conoco gas plant on Wednesday.", "Conoco gas plant",
     "supplement:conoco_gas_field"),
    ("Kurdish units guard the Rmeilan oil fields.", "Rmeilan oil fields",
     "supplement:rumeilan_oil_fields"),
    ("Workers fled the Suwaydiyah gas plant after the raid.", "Suwaydiyah gas plant",
     "supplement:suwaydiyah_gas_plant"),
    ("The convoy reached the T-3 pumping station by nightfall.", "T-3 pumping station",
     "supplement:t3_pumping_station"),
    ("Loyalists dug in around the T3 station.", "T3 station",
     "supplement:t3_pumping_station"),
    ("Helicopters flew in from T4 overnight.", "T4", "supplement:tiyas_air_base"),
    ("Troops climbed Mount Amour before dawn.", "Mount Amour", "supplement:jabal_amour"),
    ("Snipers held the Amour mountains for a week.", "Amour mountains",
     "supplement:jabal_amour"),
    ("Patrols crossed the Shaer mountains in May.", "Shaer mountains",
     "supplement:jabal_shaer"),
    ("Jihadists slipped past Qasr al-Heir al-Sharqi at night.", "Qasr al-Heir al-Sharqi",
     "supplement:qasr_al_hayr_al_sharqi"),
    ("Artillery pounded the Abu Rujmayn mountains all day.", "Abu Rujmayn mountains",
     "supplement:jabal_abu_rujmayn"),
    ("Workers returned to the Khneifis phosphate mines.", "Khneifis phosphate mines",
     "supplement:khunayfis_phosphate_mines"),
])
def test_a_feature_is_found_in_the_forms_reports_write(gazetteer, text, surface, row):
    places = places_by_surface(gazetteer, text)
    assert surface in places, places
    assert _km(gazetteer, places[surface], row) <= FEATURE_KM, places[surface]


def test_the_field_is_not_the_city_named_beside_it(gazetteer):
    places = places_by_surface(
        gazetteer, "Militants overran the Shaer gas field east of Homs on Friday.")
    assert places["Shaer gas field"].id == "supplement:shaer_gas_field"
    assert places["Homs"].kind == "city"


def test_a_town_named_alone_stays_the_town_beside_its_field(gazetteer):
    places = places_by_surface(
        gazetteer, "The army shelled the Arak gas field near Palmyra, then entered Arak.")
    assert places["Arak gas field"].id == "supplement:arak_gas_field"
    assert places["Arak"].kind == "village"
    assert places["Arak"].country == "SY"


def test_a_field_no_source_has_is_not_a_village_namesake_far_away(gazetteer):
    text = "Near Palmyra, jihadists set fire to the Hayyan gas plant on Sunday."
    places = places_by_surface(gazetteer, text)
    aleppo_village = next(c.place for c in gazetteer.candidates("Hayyan")
                          if c.place.kind == "village")
    assert "Hayyan" not in places  # not read as the village north of Aleppo
    for place in places.values():
        assert gazetteer.distance_km(place.lat, place.lon, aleppo_village.lat,
                                     aleppo_village.lon) > 100


@pytest.mark.parametrize(("text", "surface", "lat", "lon"), [
    # the desert Humaymah south-east of al-Sukhnah, in a text about the desert
    ("Loyalist columns pushed from al-Sukhnah towards Humaymah.", "Humaymah", 34.43, 39.76),
    # its namesake north of Raqqa, in a text about Ain Issa
    ("Kurdish fighters entered Humaymah, north of Ain Issa.", "Humaymah", 36.64, 38.81),
    ("The road from Kabajib to Shoula was cut.", "Shoula", 35.19, 39.85),
    ("Troops moved south of Mayadin to Faydat Ibn Muwayni.", "Faydat Ibn Muwayni",
     34.69, 39.99),
])
def test_desert_villages_in_the_spellings_reports_use(gazetteer, text, surface, lat, lon):
    places = places_by_surface(gazetteer, text)
    assert surface in places, places
    place = places[surface]
    assert gazetteer.distance_km(place.lat, place.lon, lat, lon) <= VILLAGE_KM, place


@pytest.mark.parametrize(("text", "surface", "row"), [
    ("Jihadists raided outposts in the eastern countryside of Homs.", "Homs",
     "supplement:homs_governorate"),
    ("Loyalists shelled villages in rural Hama for a week.", "Hama",
     "supplement:hama_governorate"),
    ("Convoys crossed the eastern Homs countryside at night.", "Homs countryside",
     "supplement:homs_governorate"),
    ("Militias moved through the Deir ez-Zor countryside.", "Deir ez-Zor countryside",
     "supplement:deir_ez_zor_governorate"),
    ("Patrols crossed Homs' eastern countryside before dawn.", "Homs",
     "supplement:homs_governorate"),
    ("Smugglers knew the Homs desert well.", "Homs", "supplement:homs_governorate"),
    ("Flour reached the province of Hama by lorry.", "Hama", "supplement:hama_governorate"),
    ("Aid reached the provinces of Homs and Hama in May.", "Homs",
     "supplement:homs_governorate"),
    ("Cells were active in the Hama and Homs countryside.", "Hama",
     "supplement:hama_governorate"),
])
def test_the_countryside_of_a_governorate_seat_is_the_governorate(gazetteer, text, surface,
                                                                   row):
    places = places_by_surface(gazetteer, text)
    assert surface in places, places
    assert places[surface].id == row


def test_a_seat_named_beside_no_countryside_word_stays_the_city(gazetteer):
    places = places_by_surface(gazetteer, "Traders drove from Homs to the desert town of Palmyra.")
    assert places["Homs"].kind == "city", places
    places = places_by_surface(gazetteer, "Traffic between Hama and Homs stopped at a checkpoint.")
    assert places["Hama"].kind == "city", places


def test_the_countryside_of_a_town_that_seats_no_governorate_is_the_town(gazetteer):
    places = places_by_surface(gazetteer, "Raids continued in the countryside of Manbij.")
    assert places["Manbij"].kind in {"town", "city"}


def test_the_oil_town_of_rmelan_in_the_spellings_reports_use(gazetteer):
    text = "Kurdish police patrolled Rmelan and Rimelan's oil wells, east of Qamishli."
    places = places_by_surface(gazetteer, text)
    assert places["Rmelan"].id == "geonames:8596559", places
    far = places_by_surface(gazetteer, "Raids hit Rumeilan and Markada, south of Hasakah.")
    # "Rumeilan" is also the Rumaylan villages south of Hasakah: never the far oil town there
    assert "Rumeilan" not in far or far["Rumeilan"].id != "geonames:8596559"
