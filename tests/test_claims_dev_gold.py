"""Claims scored against the gold annotations of real texts (tests/gold/dev/*.json).

Scored by bench/score_claims.py: a claim is right when the actor's side, the action class and
at least one place agree with an overlapping gold claim.  Skipped when no gold file exists
(``FRONTLINE_GOLD_DIR`` points at another folder).  Two kinds of assertion:

* floors that the reader meets today, so a change that reads real text worse fails;
* issue 12's targets (precision >= 0.90, recall >= 0.80 on held-out texts, no reported claim
  from a trap), marked xfail with the figures measured, until they are met.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import score_claims  # noqa: E402

from geo.claims.model import load_parser  # noqa: E402

GOLD = Path(os.environ.get("FRONTLINE_GOLD_DIR") or score_claims.DEV_GOLD)
FILES = score_claims.gold_files(GOLD) if GOLD.is_dir() else []
needs_gold = pytest.mark.skipif(not FILES, reason=f"no gold claim files in {GOLD}")

# Measured end to end (bench/score_claims.py, 2026-12-03, issue 12 round 5, eleven texts: six
# tuned to, five held out with 338 gold claims and 51 trap spans), precision / recall, trap
# claims: with the parse tune 0.892 / 0.680, 2; held out 0.765 / 0.521, 10.  The rule path
# alone (FRONTLINE_NO_PARSER=1): tune 0.807 / 0.674, 9; held out 0.722 / 0.530, 13.  (Round 4
# merged: 0.856 / 0.660, 6; 0.760 / 0.506, 10; rules 0.753 / 0.663, 24; 0.685 / 0.515, 21.)
# Round 6 (precision and traps, s18-claims4): the rule path tune 0.817 / 0.669, 6; held out
# 0.717 / 0.518, 12; the parse path unchanged on these texts (0.892 / 0.680, 2; 0.759 /
# 0.512, 10 on this index).
# Round 6 (recall: town-part fallback, lists, "fell to", "held by", repelled assaults, ...):
# with the parse tune 0.886 / 0.686, 2; held out 0.762 / 0.530, 10; rules tune 0.803 / 0.680,
# 9; held out 0.717 / 0.538, 13.
# Round 7 (session 19, the wrong actor: a speaker is no agent, nor the side an action was done
# to or a place was lost by, nor what a verb hit; one screen of the words of aim,
# data/intent.csv): with the parse tune 0.898 / 0.701, 3; held out 0.756 / 0.533, 10; calib
# 0.725 / 0.508, 4; rules tune 0.842 / 0.701, 6; held out 0.718 / 0.536, 12; calib 0.691 /
# 0.503, 4.
# Session 19 merged (the wrong actor above, and recall: relative clauses about the place
# before them, air power backing a side, operations named with their agent, "under attack
# by", "repelled by", every cue of a parsed sentence read from the parse): with the parse tune
# 0.897 / 0.742, 3; held out 0.757 / 0.571, 10; calib 0.741 / 0.535, 4; rules tune 0.837 /
# 0.724, 6; held out 0.717 / 0.562, 13; calib 0.699 / 0.508, 4.
# Session 20 merged (precision: not-done readings, orders, aims, hedges, denials; context:
# forces named by a common noun, agentless passives, ground taken back, "the town"; with the
# session's place work): with the parse tune 0.906 / 0.760, 3; held out 0.760 / 0.592, 9;
# calib 0.743 / 0.540, 4; rules tune 0.843 / 0.742, 6; held out 0.730 / 0.592, 10; calib
# 0.696 / 0.513, 5.
# Session 21 merged (a gold-free claim audit and its fixes: backers before a comma, fighting
# beside a move forward, purposes of sending forces, "be to", "targets", repelled attacks;
# recall: weapons as actors, defence without "defend", headquarters and capitals, sieges
# ended, reinforcements, "gained control"; expected or called-off attacks): with the parse
# tune 0.905 / 0.786, 3; held out 0.775 / 0.612, 7; calib 0.769 / 0.551, 4; rules tune 0.868
# / 0.771, 5; held out 0.748 / 0.615, 9; calib 0.743 / 0.540, 4.
# Session 22 merged (two new texts in the register of encyclopedic town histories, from
# "Control of cities during the Syrian civil war": the southern sections tuned to, 166 gold
# claims; the western sections held out, 229 claims and 24 trap spans; and the session's
# reader changes: longer sentences, holders, scenes, headings, adjuncts, surrender): with the
# parse tune 0.860 / 0.704, 10; held out 0.744 / 0.517, 14 (the five earlier held-out texts
# 0.783 / 0.630, 7; the new one 0.656 / 0.349, 7, from 0.60 / 0.32 before the session);
# calib 0.779 / 0.567, 4; rules tune 0.834 / 0.692, 12; held out 0.695 / 0.519, 21 (0.752 /
# 0.627, 9; 0.582 / 0.358, 12); calib 0.754 / 0.556, 4.  The new held-out text lowers the
# held-out figures: the floors below follow it.
# Session 23 (precision and trap claims, s23-claims-traps: the capture of people, agreements
# "reached", "there was fighting", a later passive's agent, "pushed back", offices named
# "defence", holdings a taking ended, "the Battle of X" as a time, cancelled events, denials by
# a plural, air strikes of sides that do not fly, accusations, "warned against", "the
# government" that holds or takes, "this suburb of X" under a heading, full control
# achieved): with the parse tune 0.888 / 0.720, 6; held out 0.746 / 0.519, 13; calib 0.785 /
# 0.567, 4; rules tune 0.870 / 0.712, 7; held out 0.699 / 0.520, 20; calib 0.759 / 0.556, 4.
# Session 23 merged (with the town-history work of s23-claims-town: a town's row heading as a
# block of its own, hand-overs, "the government" as Syria's; and a new tune text,
# control_of_cities_north, 107 claims, 21 trap spans): with the parse tune 0.882 / 0.704, 8;
# held out 0.776 / 0.580, 13; calib 0.785 / 0.567, 4; rules tune 0.859 / 0.694, 9; held out
# 0.726 / 0.580, 20; calib 0.759 / 0.556, 4.  Then s23-modality (modality per clause: one
# rule-path tune claim that a "would" of another clause had hidden now shows as a trap claim,
# 9 -> 10) and s23-claims-north: parse tune 0.883 / 0.710, 8; held out 0.778 / 0.582, 13;
# rules tune 0.860 / 0.699, 10; held out 0.728 / 0.582, 20; calib unchanged.  Then
# s23-geo-north's places (named bases, names inside unit and person names; its borders taken
# out at the merge) and a journey's origin "out of the area along X": parse tune 0.882 /
# 0.715, 8; held out 0.781 / 0.584, 13; rules tune 0.861 / 0.705, 10; held out 0.731 / 0.584,
# 20; calib unchanged.
# Floors are the lower split's figures less a small margin, so that a change that reads real
# text worse fails.  The calib text (split "calib", 187 gold claims, 17 trap spans; the text claim
# confidence is fitted on, totals only) has its own floors, just under what it measured.
PARSED = load_parser() is not None
FLOOR_PRECISION = 0.77 if PARSED else 0.72
FLOOR_RECALL = 0.57
MOST_TRAP_CLAIMS = {"tune": 8, "heldout": 13} if PARSED else {"tune": 10, "heldout": 20}
CALIB_FLOORS = (0.77, 0.56) if PARSED else (0.75, 0.55)  # precision, recall
MOST_TRAP_CLAIMS["calib"] = 4


@pytest.fixture(scope="module")
def scores() -> dict[str, score_claims.Score]:
    out = {}
    for split in score_claims.SPLITS:
        total, _ = score_claims.score_folder(GOLD, split=split)
        if total.gold:
            out[split] = total
    print("\n" + "\n".join(s.line() for s in out.values()))
    return out


@needs_gold
def test_real_texts_are_read_no_worse_than_today(scores):
    for total in scores.values():
        precision, recall = (CALIB_FLOORS if total.split == "calib"
                             else (FLOOR_PRECISION, FLOOR_RECALL))
        assert total.precision >= precision, total.line()
        assert total.recall >= recall, total.line()
        assert total.traps <= MOST_TRAP_CLAIMS[total.split], total.line()


@needs_gold
@pytest.mark.xfail(reason="issue 12 target not met yet: see the figures printed", strict=False)
def test_issue_12_targets_on_texts_not_tuned_to(scores):
    total = scores.get("heldout") or scores["tune"]
    assert total.precision >= 0.90 and total.recall >= 0.80, total.line()


@needs_gold
@pytest.mark.xfail(reason="issue 12 target not met yet: some traps still give a reported "
                          "claim", strict=False)
def test_no_reported_claim_from_a_trap(scores):
    assert all(total.traps == 0 for total in scores.values())


def test_the_scorer_matches_side_action_and_a_place_one_to_one():
    """The scoring rule itself, on made-up reads: each gold claim takes at most one read."""
    read = score_claims.Read(0, 20, "IS", "capture", "reported", frozenset({"azaz"}), "")
    other_place = score_claims.Read(0, 20, "IS", "capture", "reported", frozenset({"x"}), "")
    elsewhere = score_claims.Read(50, 60, "IS", "capture", "reported", frozenset({"azaz"}), "")
    gold = [{"start": 5, "end": 15, "actor": "is", "action": "capture", "places": ["azaz"]}]
    trap = [{"start": 50, "end": 60}]

    def side(actor: str) -> str:
        return {"is": "IS"}.get(actor, "Others")

    right, found, traps = score_claims.match([read, read, other_place, elsewhere], gold, side,
                                             trap)
    assert right == [0] and found == [0] and traps == 1
