"""Where a capitalised run's name begins: not at a possessive before it ("Aleppo's Sukkari
district": two names), nor at a sentence's "The" no name opens with ("The Tigris River")."""

from __future__ import annotations

from geo.gazetteer import Candidate, Gazetteer

__all__ = ["possessive", "whole_name"]


def possessive(word: str) -> bool:
    """Whether a word is a name's possessive ("Aleppo's", not "Ra's"): the name after it is
    a place of its own ("Aleppo's Sukkari district", "Russia's Hmeimim air base")."""
    return len(word) > 4 and word[-1] == "s" and word[-2] in "'\u2019"


def whole_name(text: str, start: int, end: int, gazetteer: Gazetteer,
                ) -> tuple[int, str, list[Candidate]]:
    """(start, name, candidates) of the run ``start:end``, without a sentence's "The" that
    no name of the run opens with ("The Tigris River came": the name is "Tigris River")."""
    found = gazetteer.candidates(text[start:end])
    if not found and text.startswith("The ", start):
        start += 4
        found = gazetteer.candidates(text[start:end])
    return start, text[start:end], found
