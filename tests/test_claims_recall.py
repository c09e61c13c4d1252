"""Claims a reader must not miss (issue 12, recall): a part of a town the gazetteer lacks,
presence and holding, ...  Each test is a rule of English or of war reporting, written here
with made-up sentences."""

from __future__ import annotations

from test_claims import BY_ID, brief, claims_of, entry, mentions_of

from geo.claims import extract_claims_report
from geo.claims.extract import topic_town
from geo.factions import load_lexicon


def _report(text: str):
    e = entry(0, text)
    actors = load_lexicon().find(e.text, entry=e.id)
    return extract_claims_report([e], mentions_of(e), actors, places=BY_ID)


def test_a_quarter_the_gazetteer_lacks_is_placed_in_the_town_named_just_before():
    claims = claims_of("Raqqa was quiet.\nThe SDF captured the al-Mashlab district and the "
                       "grain silos.")
    assert [(c.actor, c.action, c.places, c.precision) for c in claims] == \
        [("sdf", "capture", ("raqqa",), 2)]


def test_a_quarter_far_from_any_town_named_falls_back_to_the_town_the_text_is_about():
    text = ("Raqqa is quiet today.\nWe saw Raqqa from the hills, and Raqqa again.\n"
            "No news yesterday.\nThe SDF captured the Naim Roundabout.")
    report = _report(text)
    assert [(c.actor, c.action, c.places, c.precision) for c in report.claims] == \
        [("sdf", "capture", ("raqqa",), 3)]


def test_no_town_the_text_is_about_no_fallback():
    assert not claims_of("The SDF captured the Naim Roundabout.")
    # a measure is no landmark: "400 square kilometres" is no square
    assert not claims_of("Aleppo was quiet.\nThe SDF captured 400 square kilometres.")


def test_the_town_a_text_is_about_is_named_often_and_more_than_the_others():
    e = entry(0, "Raqqa, Raqqa, Raqqa and Azaz, Manbij")
    assert topic_town(mentions_of(e), BY_ID) == "raqqa"
    e = entry(0, "Raqqa, Raqqa and Azaz, Manbij")  # named twice: not enough
    assert topic_town(mentions_of(e), BY_ID) is None
    e = entry(0, "Syria, Syria, Syria")  # a country is no town
    assert topic_town(mentions_of(e), BY_ID) is None


def test_a_list_of_places_cut_by_commas_is_one_object():
    assert brief(claims_of("The SDF captured Azaz, Nubl and Afrin.")) == \
        [("sdf", "capture", ("azaz", "nubl", "afrin"))]
    assert brief(claims_of("The SDF captured Azaz, as well as the villages of Nubl and "
                           "Afrin on Monday.")) == \
        [("sdf", "capture", ("azaz", "nubl", "afrin"))]


def test_a_list_ends_where_a_clause_says_more():
    places = {p for c in claims_of("The SDF captured Azaz, Nubl said.") for p in c.places}
    assert places == {"azaz"}
    claims = claims_of("The SDF captured Azaz, and Nubl, while IS attacked Afrin.")
    assert ("sdf", "capture", ("azaz", "nubl")) in brief(claims)
    assert all("afrin" not in c.places for c in claims if c.actor == "sdf")


def test_a_place_falls_to_the_side_named_after_it():
    assert brief(claims_of("Azaz fell to the SDF.")) == [("sdf", "capture", ("azaz",))]
    assert brief(claims_of("Azaz had fallen to IS fighters by noon.")) == \
        [("is", "capture", ("azaz",))]
    assert not claims_of("The SDF said Azaz would never fall to IS.")


def test_a_clause_that_says_who_holds_the_place_before_it():
    assert brief(claims_of("Nubl, held by IS, was shelled.")) == [("is", "control", ("nubl",))]
    assert ("is", "control", ("manbij",)) in brief(claims_of(
        "Manbij, which was held by IS, was quiet."))
    claims = claims_of("The SDF attacked Nubl, held by IS since 2014.")
    assert brief(claims) == [("sdf", "attack", ("nubl",)), ("is", "control", ("nubl",))]


def test_it_as_the_subject_of_the_next_sentence_is_the_side_named_before():
    assert ("sdf", "capture", ("nubl",)) in brief(claims_of(
        "The SDF captured Azaz. It then took Nubl."))
    assert ("sdf", "advance", ("nubl",)) in brief(claims_of(
        "The SDF captured Azaz. Its forces later entered Nubl."))
    # "it was reported that": no subject
    assert brief(claims_of("The SDF captured Azaz. It was reported that IS took Nubl.")) == \
        [("sdf", "capture", ("azaz",)), ("is", "capture", ("nubl",))]


def test_ways_of_saying_a_siege_was_laid():
    for text in ("The SAA laid siege to Aleppo.", "The SAA put Aleppo under siege.",
                 "The SAA closed the ring around Aleppo."):
        assert brief(claims_of(text)) == [("saa", "besiege", ("aleppo",))], text
    assert not claims_of("The SAA tried to put Aleppo under siege.")


def test_counterattacks_written_as_one_word_are_attacks():
    assert brief(claims_of("The rebels mounted several counterattacks around Azaz.")) == \
        [("rebels", "attack", ("azaz",))]


def test_a_foothold_in_a_place_is_a_hold_on_part_of_it():
    assert brief(claims_of("IS still had a foothold in Manbij.")) == \
        [("is", "control", ("manbij",))]


def test_a_place_in_a_sides_hands_is_held_by_it():
    assert brief(claims_of("Azaz remained in IS hands.")) == [("is", "control", ("azaz",))]
    assert ("rebels", "control", ("azaz",)) in brief(claims_of(
        "The SAA took Nubl, but Azaz stayed in rebel hands."))
    assert not claims_of("Azaz is in safe hands.")


def test_the_agent_of_a_passive_after_a_particle_or_the_side_it_was_taken_from():
    assert brief(claims_of("Azaz was taken back by rebels.")) == \
        [("rebels", "capture", ("azaz",))]
    assert brief(claims_of("Azaz was recaptured from IS by the SDF.")) == \
        [("sdf", "capture", ("azaz",))]
    assert brief(claims_of("The SDF wrested Azaz from IS.")) == [("sdf", "capture", ("azaz",))]


def test_a_repelled_attack_named_again_is_defended_where_it_was_made():
    assert brief(claims_of("IS attacked Nubl. The SAA repelled the assault.")) == \
        [("is", "attack", ("nubl",)), ("saa", "defend", ("nubl",))]
    assert ("saa", "defend", ("azaz",)) in brief(claims_of(
        "IS launched a counter-attack against Azaz, though the Army repelled the assault."))
    # no attack told just before: no place to defend
    assert not claims_of("The SAA repelled the assault.")


def test_a_perfect_participle_opening_the_sentence_has_the_main_clauses_subject():
    assert brief(claims_of("Having captured Azaz, the SDF advanced on Nubl.")) == \
        [("sdf", "capture", ("azaz",)), ("sdf", "advance", ("nubl",))]


def test_a_clause_that_only_says_how_far_from_a_place_places_the_clause_before():
    assert ("sdf", "attack", ("manbij",)) in brief(claims_of(
        "The SDF took Nubl. Heavy fighting continued on 5 June, five kilometers from Manbij."))
    assert brief(claims_of("The SDF attacked IS on Monday, 10 km south of Manbij.")) == \
        [("sdf", "attack", ("manbij",))]


def test_nominalisations_with_their_agent_after_the_place():
    assert brief(claims_of("The siege of Manbij by the SDF lasted weeks.")) == \
        [("sdf", "besiege", ("manbij",))]
    assert brief(claims_of("The fall of Azaz to IS shocked everyone.")) == \
        [("is", "capture", ("azaz",))]
    assert not claims_of("The fall of Azaz was a blow.")
