"""Lifting a siege told with words between the verb and "siege" ("broke the three-year
siege", "ended IS's siege", "lifted the IS siege"), and relieving a named place
(data/actions.csv).  Made-up sentences, read on both paths; each has a reading that must
not be given."""

from __future__ import annotations

from test_claims import BOTH, brief


@BOTH
def test_breaking_a_siege_with_words_before_siege_lifts_it(read):
    for text in ("On 5 September, the SAA broke the three-year siege of Nubl.",
                 "Government forces ended IS's siege of Nubl.",
                 "The SAA lifted the IS siege on Nubl."):
        claims = brief(read(text))
        assert ("saa", "lift_siege", ("nubl",)) in claims, (text, claims)
        assert ("saa", "besiege", ("nubl",)) not in claims, (text, claims)


@BOTH
def test_relieving_a_named_place_lifts_its_siege(read):
    assert brief(read("The SAA relieved Nubl on 5 September.")) == \
        [("saa", "lift_siege", ("nubl",))]
    assert not [c for c in read("The SAA failed to break the long siege of Nubl.")
                if c.modality == "reported"]


@BOTH
def test_an_escape_route_cut_is_a_road_cut_not_a_flight(read):
    claims = brief(read("The SDF cut the last ISIL escape route from Manbij."))
    assert ("sdf", "cut_road", ("manbij",)) in claims
    assert not [c for c in claims if c[1] == "flee"]
    assert brief(read("IS fighters escaped from Manbij.")) == [("is", "flee", ("manbij",))]
