"""Claims in encyclopedic town histories (issue 12): rows of a table of towns, each a heading
line naming the town and a short history under it ("On 19 July 2012, the FSA took control of
the town."). Rules of English, written here with made-up sentences; each runs on both paths."""

from __future__ import annotations

from test_claims import BOTH, brief, reported_by


@BOTH
def test_regaining_strength_is_no_place_taken(read):
    for text in ("Fighting resumed in Azaz after a regain in strength of the rebels.",
                 "The rebels regained momentum near Azaz.",
                 "IS regained its strength around Manbij over the winter."):
        assert not [c for c in read(text) if c.action == "capture"], (text, brief(read(text)))
    # regaining a place is still its capture
    assert reported_by(read("The rebels regained Azaz after two days."), "rebels", "capture")
    assert reported_by(read("IS regained control of Manbij."), "is", "capture")


@BOTH
def test_the_town_under_a_heading_of_its_name_is_that_town(read):
    for text in ("Azaz\nClashes were heavy near Aleppo. On 18 October, the rebels retook the town.",
                 "Azaz\nFighting reached Aleppo in May. Later the SAA took control of this town."):
        claims = [c for c in read(text) if c.action == "capture"]
        assert claims and all(c.places == ("azaz",) for c in claims), (text, brief(claims))


@BOTH
def test_a_heading_that_is_no_bare_name_points_nowhere(read):
    # "Battle of Azaz" is a title, not the row's town: "the city" is the latest city named
    text = "Battle of Azaz\nFighting reached Aleppo in May. Later the SAA took the city."
    assert ("saa", "capture", ("azaz",)) not in brief(read(text)), brief(read(text))


def test_an_anaphor_linked_elsewhere_is_relinked_to_the_heading():
    from geo.claims.heading import under_heading
    from geo.records import Mention
    text = "Azaz\nFighting reached Aleppo. The rebels took the city."
    at = text.index("the city")
    mentions = [Mention("azaz", 0, 0, 4, "Azaz", 1.0), Mention("aleppo", 0, 21, 27, "Aleppo", 1.0),
                Mention("aleppo", 0, at, at + 8, "the city", 1.0)]
    kinds = {"azaz": "town", "aleppo": "city"}.get
    assert [m.place for m in under_heading(text, mentions, kinds)] == ["azaz", "aleppo", "azaz"]
    # no heading line of names only: the link stands
    titled = "Battle of Azaz" + text[4:]
    moved = [replace_start(m, 10) for m in mentions]
    assert under_heading(titled, moved, kinds)[-1].place == "aleppo"


def replace_start(mention, by):
    from dataclasses import replace
    return replace(mention, start=mention.start + by, end=mention.end + by)


@BOTH
def test_a_place_in_a_time_adjunct_is_not_the_held_place(read):
    claims = read("Azaz was under FSA control after a regain in strength of the rebels in Aleppo.")
    assert ("rebels", "control", ("azaz",)) in brief(claims), brief(claims)
    assert not [c for c in claims if "aleppo" in c.places], brief(claims)
    # a place before the adjunct is the event's own, and an adjunct with its own event keeps it
    assert ("is", "capture", ("nubl", "aleppo")) in brief(read("IS took Nubl after a long siege of "
                                                               "Aleppo."))
    kept = brief(read("The rebels captured Azaz after the SAA withdrew from Aleppo."))
    assert ("saa", "withdraw", ("aleppo",)) in kept and ("rebels", "capture", ("azaz",)) in kept


@BOTH
def test_it_as_subject_under_a_heading_is_the_heading_town(read):
    for text in ("Azaz\nIt was reported to be under rebel control as of 7 December 2012.",
                 "Azaz\nIn August 2013 it was reported under rebel control."):
        assert brief(read(text)) == [("rebels", "control", ("azaz",))], text
    # with no heading there is nothing for "it" to be
    assert not read("It was reported to be under rebel control as of 7 December 2012.")


@BOTH
def test_the_side_named_after_under_the_control_of_holds_the_town(read):
    # the holder is the side after the phrase, not the side of the sentence before
    claims = brief(read("The rebels attacked Nubl. In August the town was under the control "
                        "of the Army."))
    assert ("saa", "control", ("nubl",)) in claims and ("rebels", "control", ("nubl",)) \
        not in claims, claims
    for text in ("Azaz\nIn 2013 this predominantly Catholic town was reportedly under the "
                 "control of the Syrian Army.",
                 "Azaz\nBy May 2013, the town was reportedly in control of the Syrian Army.",
                 "Nubl was in control of the Syrian Army."):
        place = "nubl" if text.startswith("Nubl") else "azaz"
        assert brief(read(text)) == [("saa", "control", (place,))], (text, brief(read(text)))


@BOTH
def test_a_side_in_control_of_something_is_not_held_by_it(read):
    # "the rebels were in control of X": the rebels hold X; no claim for the side after it
    assert brief(read("The rebels were in control of Nubl.")) == [("rebels", "control", ("nubl",))]
    assert not [c for c in read("In Nubl the rebels were in control of the IS prisoners.")
                if c.actor == "is"]


@BOTH
def test_fighting_in_the_row_town_is_not_where_the_adjunct_is(read):
    text = ("Azaz\nThis suburb has seen fighting between FSA and government troops after a "
            "regain in strength of the rebels in Aleppo.")
    assert sorted(brief(read(text))) == [("rebels", "attack", ("azaz",)),
                                         ("saa", "attack", ("azaz",))], brief(read(text))
    # a place the fighting is in stays its place; the adjunct's own event keeps its own
    kept = brief(read("In Nubl there was fighting between IS and the SDF after the SAA shelled "
                      "Aleppo."))
    assert ("is", "attack", ("nubl",)) in kept and ("saa", "attack", ("aleppo",)) in kept


@BOTH
def test_managed_to_control_is_a_taking_but_control_and_hold_stay_holding(read):
    assert brief(read("The Syrian army managed to advance and completely control the whole "
                      "town of Nubl.")) == [("saa", "capture", ("nubl",))]
    assert brief(read("The rebels control Azaz.")) == [("rebels", "control", ("azaz",))]
    assert brief(read("The SAA managed to hold Azaz.")) == [("saa", "control", ("azaz",))]
    assert not read("The SDF regained its role in Manbij.")


@BOTH
def test_a_wide_word_between_under_and_control_is_the_holder(read):
    for text in ("On 14 April, Azaz was reported to be under army control.",
                 "On 14 April, Azaz was under regime control.",
                 "Azaz\nIn 2013, this town was under government control."):
        assert reported_by(read(text), "saa", "control"), (text, brief(read(text)))
    assert reported_by(read("Azaz was under opposition control."), "rebels", "control")
    # the word alone, not after "under" and before "control", names no side
    for text in ("The government announced new elections in Azaz.",
                 "An army of volunteers cleaned the streets of Azaz."):
        assert not read(text), (text, brief(read(text)))


@BOTH
def test_a_see_also_cross_reference_tells_no_event(read):
    text = "Azaz\nSince 2012 the town was under army control See also: Azaz offensive (2013)."
    assert not [c for c in read(text) if c.action == "attack"], brief(read(text))
    assert reported_by(read(text), "saa", "control")
    # a line after the cross-reference is read again
    after = "Azaz\nSee also: Battle of Azaz\nIn 2013 the SAA attacked Azaz."
    assert reported_by(read(after), "saa", "attack"), brief(read(after))


@BOTH
def test_a_side_surrendered_to_took_the_place(read):
    for text in ("Azaz surrendered to the Syrian army on 1 September 2016.",
                 "Rebels in Azaz surrendered to the Syrian Arab Army in 2016.",
                 "The IS fighters in Manbij surrendered to the SDF."):
        claims = read(text)
        winner = "sdf" if "SDF" in text else "saa"
        assert reported_by(claims, winner, "capture"), (text, brief(claims))
        assert not [c for c in claims if c.action == "capture" and c.actor != winner], \
            (text, brief(claims))
    # a refusal to surrender gives the place to no one
    assert not read("The rebels refused to surrender to the SAA in Azaz."), \
        brief(read("The rebels refused to surrender to the SAA in Azaz."))


@BOTH
def test_the_place_after_this_town_of_only_locates_the_heading_town(read):
    for text in ("Azaz\nIn 2012, SAA tanks entered this suburb of Aleppo.",
                 "Azaz\nThe SAA has kept control of this town located in the Aleppo countryside."):
        claims = read(text)
        assert claims and all(c.places == ("azaz",) for c in claims), (text, brief(claims))
    # with no heading, the place named is the place
    claims = read("In 2012, SAA tanks entered this suburb of Aleppo.")
    assert [c.places for c in claims] == [("aleppo",)], brief(claims)
