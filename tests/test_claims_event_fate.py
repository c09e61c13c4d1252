"""What a sentence says became of an event it names by a noun, and who a verb of beating
or repelling names, on both claim paths: a foreseen attack is predicted, a called-off one
no claim; the "by" side of a repelling and the object of overwhelming are no agents."""

from __future__ import annotations

from test_claims import BOTH, brief, reported_by


def _modes(claims, action: str = "attack") -> list[tuple[str, str]]:
    return [(c.actor, c.modality) for c in claims if c.action == action]


@BOTH
def test_an_attack_expected_or_planned_is_predicted(read):
    for text, agent in (("An SDF offensive on Manbij is expected.", "sdf"),
                        ("IS planned an attack on Azaz.", "is"),
                        ("An SAA attack on Manbij is imminent.", "saa"),
                        ("A rebel offensive on Azaz is anticipated.", "rebels"),
                        ("The army expects a rebel attack on Azaz.", "rebels"),
                        ("The SDF offensive on Manbij is scheduled for June.", "sdf")):
        claims = read(text)
        assert _modes(claims) == [(agent, "predicted")], (text, brief(claims))
    # an attack made stays reported, and so does one that came as expected later
    for text, agent in (("The SAA launched an attack on Manbij.", "saa"),
                        ("The SAA offensive on Manbij began on Monday.", "saa"),
                        ("The SAA attack on Manbij took place as planned.", "saa")):
        claims = read(text)
        assert (agent, "reported") in _modes(claims), (text, brief(claims))


@BOTH
def test_an_attack_that_did_not_happen_is_no_claim(read):
    for text in ("The SAA attack on Manbij did not happen.",
                 "The SAA attack on Manbij never materialised.",
                 "The rebel offensive on Azaz was called off.",
                 "The IS assault on Azaz was cancelled."):
        claims = read(text)
        assert not [c for c in claims if c.action == "attack"], (text, brief(claims))
    # an attack that happened, or was not called off, stays reported
    for text in ("The SAA attack on Manbij happened on Monday.",
                 "The SAA attack on Manbij was not called off."):
        claims = read(text)
        assert ("saa", "reported") in _modes(claims), (text, brief(claims))


@BOTH
def test_the_side_that_did_not_repel_an_attack_did_not_make_it(read):
    claims = read("The attack on Azaz was not repelled by the army.")
    assert not [c for c in claims if c.actor == "saa" and c.action == "attack"], brief(claims)
    # the side that repelled it defended; the one that launched it attacked
    assert ("saa", "defend", ("azaz",)) in brief(read(
        "The attack on Azaz was repelled by the army."))
    assert ("saa", "attack", ("azaz",)) in brief(read(
        "The attack on Azaz was launched by the army."))


@BOTH
def test_the_defenders_a_side_overwhelmed_did_not_take_the_place(read):
    for text, verb in (("The SAA overwhelmed the rebel defenders and took Azaz.", "capture"),
                       ("The SAA routed the IS defenders and captured Manbij.", "capture")):
        claims = read(text)
        taken = [c.actor for c in claims if c.action == verb]
        assert taken == ["saa"], (text, brief(claims))
    # defenders nobody beat still defend
    assert ("rebels", "defend", ("azaz",)) in brief(read("The rebel defenders held Azaz."))


@BOTH
def test_an_event_a_side_cancelled_was_not_made(read):
    for text in ("The SAA cancelled the assault on Raqqa.",
                 "The SDF called off the attack on Manbij.",
                 "IS postponed its offensive on Azaz."):
        claims = read(text)
        assert not [c for c in claims if c.modality == "reported"], (text, brief(claims))
    assert reported_by(read("The SAA launched the assault on Raqqa."), "saa", "attack")
