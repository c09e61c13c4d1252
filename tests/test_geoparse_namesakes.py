"""Namesakes chosen by the places named beside them (``geo.geoparse.cluster``) and by the
district a text names (``geo.geoparse.admin``).

Syria has many villages of one name; a war text lists the villages of one front, so the
namesake meant is the one among the other places of the sentence, even when every one of
those is a namesake too.  The sentences are written for these tests.
"""

from __future__ import annotations

import pytest

from geo.gazetteer import load_gazetteer
from tests.geoparse_text import km
from tests.geoparse_text import places_by_surface as found


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()




# Two villages called Shama and two called Talil, a pair west of Homs and a pair in Hasakah;
# two Kbeibats, one near Hama and one in Hasakah (OCHA coordinates, rounded).
SHAMA_HOMS, SHAMA_HASAKAH = (34.836, 36.621), (36.739, 40.787)
TALIL_HOMS, TALIL_HASAKAH = (34.830, 36.542), (37.015, 40.845)
KBEIBAT_HASAKAH = (36.630, 40.933)
SHAMMAH_HASAKAH = (36.672, 40.807)  # its one namesake is a village in Iraqi Kurdistan
SHADIR_AFRIN, SHADIR_AL_BAB = (36.369, 36.830), (36.564, 37.607)
DOUMA = (33.572, 36.402)  # the city of Rural Damascus, not the village of As-Sweida


def test_a_namesake_in_two_governorates_is_the_one_beside_the_other_places(gazetteer):
    west = found(gazetteer, "Government forces moved on Shama and Talil after taking Jiblaya.")
    assert km(gazetteer, west["Shama"], SHAMA_HOMS) < 5
    assert km(gazetteer, west["Talil"], TALIL_HOMS) < 5
    east = found(gazetteer, "The SDF cleared Shama, Bahiyah and Kbeibat south of Hasakah.")
    assert km(gazetteer, east["Shama"], SHAMA_HASAKAH) < 5
    assert km(gazetteer, east["Kbeibat"], KBEIBAT_HASAKAH) < 5


def test_names_that_are_all_namesakes_choose_each_other(gazetteer):
    # no name of the sentence is sure alone: each has a namesake in another governorate;
    # with Bahiyah (a Hasakah village, or one in Iraq) the four are the Hasakah ones
    places = found(gazetteer, "Clashes continued near Talil, Shama, Bahiyah and Kbeibat.")
    assert km(gazetteer, places["Talil"], TALIL_HASAKAH) < 5
    assert km(gazetteer, places["Shama"], SHAMA_HASAKAH) < 5
    assert km(gazetteer, places["Kbeibat"], KBEIBAT_HASAKAH) < 5
    # without it, whichever front is meant, the three lie on one (within 30 km of each other)
    three = found(gazetteer, "Clashes continued near Talil, Shama and Kbeibat.")
    for a in three.values():
        assert all(km(gazetteer, a, (b.lat, b.lon)) < 30 for b in three.values())


def test_a_village_is_not_its_foreign_namesake_when_its_neighbours_are_syrian(gazetteer):
    places = found(gazetteer, "After the fall of Kbeibat, the SDF moved on Bahiyah and "
                              "Shammah.")
    assert places["Shammah"].country == "SY"
    assert km(gazetteer, places["Shammah"], SHAMMAH_HASAKAH) < 5


def test_the_district_a_text_names_chooses_among_namesakes_of_one_governorate(gazetteer):
    afrin = found(gazetteer, "Artillery shelled Shadir in the Afrin District on Monday.")
    assert km(gazetteer, afrin["Shadir"], SHADIR_AFRIN) < 5
    al_bab = found(gazetteer, "Artillery shelled Shadir in the Al Bab District on Monday.")
    assert km(gazetteer, al_bab["Shadir"], SHADIR_AL_BAB) < 5


def test_a_city_is_not_overtaken_by_a_village_namesake_beside_the_other_places(gazetteer):
    # a village called Duma lies among these villages of As-Sweida; "Douma" alone in a war
    # text is the city of 100,000 near Damascus, and nearness is no reason to move it
    places = found(gazetteer, "Government forces advanced from Douma towards Shahba and "
                              "Turba.")
    assert km(gazetteer, places["Douma"], DOUMA) < 5


def test_two_names_each_with_a_namesake_pair_resolve_to_one_pair(gazetteer):
    # Shama and Talil lie 7 km apart west of Homs and 31 km apart in Hasakah: whichever
    # pair the sentence means, the two are read as neighbours, not one of each
    places = found(gazetteer, "Government forces took Talil; later they shelled Shama.")
    assert km(gazetteer, places["Shama"], (places["Talil"].lat, places["Talil"].lon)) < 40
