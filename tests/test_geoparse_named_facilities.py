"""Named army bases, barracks, schools, a tomb and border crossings of northern Syria that
the gazetteers lack (``data/gazetteer_supplement.csv``, each row with its source): read by
the name war reporting gives them, wherever the sentence puts them.  The sentences are
invented for these tests; the points are the rows' sources' (rounded)."""

from __future__ import annotations

import pytest

from geo.gazetteer import load_gazetteer
from tests.geoparse_text import km
from tests.geoparse_text import places_by_surface as found

HANANO = (36.225, 37.185)  # the Aleppo quarter (data row 'hanano')
MUSLIMIYAH = (36.309, 37.205)  # GeoNames 166563
SHAYKH_SULAYMAN = (36.276, 36.910)  # GeoNames 172571
QARA_QOZAK = (36.639, 38.215)  # data row 'qara_qozak'
QAMISHLI = (37.045, 41.226)
YARUBIYAH = (36.812, 42.066)
URUM_AL_SUGHRA = (36.132, 36.901)  # GeoNames 'Urum as Sughra', west of Aleppo (rounded)


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


@pytest.mark.parametrize(("sentence", "surface", "point", "within"), [
    ("Shells fell on the Hanano Barracks overnight.", "Hanano Barracks", HANANO, 5),
    ("The garrison of the Infantry School surrendered.", "Infantry School", MUSLIMIYAH, 5),
    ("Rebels stormed the Sheikh Suleiman base at dawn.", "Sheikh Suleiman base",
     SHAYKH_SULAYMAN, 5),
    ("Turkish troops guarded the Tomb of Suleyman Shah for years.", "Tomb of Suleyman Shah",
     QARA_QOZAK, 10),
    ("Trucks queued at the Qamishli border crossing.", "Qamishli border crossing", QAMISHLI, 5),
    ("Aid entered through the Rabia land border crossing.", "Rabia land border crossing",
     YARUBIYAH, 5),
])
def test_a_named_facility_is_read_at_its_place(gazetteer, sentence, surface, point, within):
    places = found(gazetteer, sentence)
    assert places[surface].kind in {"facility", "crossing"}
    assert km(gazetteer, places[surface], point) < within


def test_base_46_is_the_base_not_a_number(gazetteer):
    places = found(gazetteer, "The siege of Base 46 ended in November.")
    assert places["Base 46"].kind == "facility"
    assert km(gazetteer, places["Base 46"], URUM_AL_SUGHRA) < 10


SEMALKA = (37.08, 42.38)  # data row 'semalka_crossing' (Wikipedia 'Semalka Border Crossing')


def test_a_town_a_crossing_is_named_after_is_read_by_the_crossings_name(gazetteer):
    """'Simalka' resembles 'Semalka border crossing' by its first word, and lies by the Tigris
    where the text's other places are; Zamalka by Damascus shares its skeleton only."""
    text = ("Families from Douma reached Damascus in March. In May the convoy crossed the "
            "Tigris from Fish Khabur to the village of Simalka.")
    places = found(gazetteer, text)
    assert km(gazetteer, places["Simalka"], SEMALKA) < 10


def test_an_owner_before_a_facilitys_name_is_not_part_of_it(gazetteer):
    """"the Syrian Army Infantry School": the army owns the school, the name is the rest."""
    places = found(gazetteer, "Rebels besieged the Syrian Army Infantry School for weeks.")
    assert km(gazetteer, places["Infantry School"], MUSLIMIYAH) < 5


def test_a_numbered_base_in_lower_case_is_read_but_a_code_is_not(gazetteer):
    places = found(gazetteer, "Mortars hit base 46 again on Tuesday.")
    assert km(gazetteer, places["base 46"], URUM_AL_SUGHRA) < 10
    assert not found(gazetteer, "He drove a t4 van and an m5 sedan.")
