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

