"""English words and group names that some gazetteer lists as a place's alternate name
(``data/not_places.csv``): a sentence that opens with "Since" or "Till", or a village called
"Alawite", names no place.  The sentences are written for these tests."""

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
