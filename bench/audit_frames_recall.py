"""Recall frames of the gold-free claim audit (``bench/audit_claims.py`` reads them).

How reports say the classes the claim reader finds least often: holding ("held by",
"under the control of", "in the hands of", "a stronghold of"), defending ("repelled",
"held off", "fended off", "withstood"), besieging ("encircled", "under siege",
"completed the encirclement"), lifting a siege ("broke the siege", "relieved"), cutting a
road ("severed the road", "cut the supply line") and attacking told as a noun or in news
English ("airstrikes by A hit X", "X came under fire from A", "A targeted X", "heavy
shelling by A", "the bombardment of X by A").  Every sentence is invented from a template;
the right reading is the template's.

Rows, not ``Frame`` objects, so that this module imports nothing of the audit: a frame row
is ``(name, group, template, expect, actions, passive, not_agent)`` for ``audit_claims._f``;
a frame whose verb is written in its template names that verb in ``FIXED_VERB_ROWS``
(``(action, past, base, participle)`` for ``audit_claims._v``), and ``actions`` names a
class of ``audit_claims.VERBS`` only to draw an (unused) verb.

    python bench/audit_frames_recall.py                 # the audit on these frames only
    python bench/audit_frames_recall.py --errors 5 --per-frame 80
"""

from __future__ import annotations

import sys

# frame name -> the verb written in its template
FIXED_VERB_ROWS: dict[str, tuple[str, str, str, str]] = {
    "held_by": ("control", "held", "hold", "held"),
    "under_control_of": ("control", "held", "hold", "held"),
    "in_hands_of": ("control", "held", "hold", "held"),
    "stronghold_of": ("control", "held", "hold", "held"),
    "still_holds": ("control", "held", "hold", "held"),
    "kept_control": ("control", "held", "hold", "held"),
    "repelled_assault": ("defend", "repelled", "repel", "repelled"),
    "held_off": ("defend", "held off", "hold off", "held off"),
    "fended_off": ("defend", "fended off", "fend off", "fended off"),
    "withstood": ("defend", "withstood", "withstand", "withstood"),
    "assault_repelled_by": ("defend", "repelled", "repel", "repelled"),
    "under_siege_by": ("besiege", "besieged", "besiege", "besieged"),
    "completed_encirclement": ("besiege", "encircled", "encircle", "encircled"),
    "fully_encircled": ("besiege", "encircled", "encircle", "encircled"),
    "relieved_garrison": ("lift_siege", "relieved", "relieve", "relieved"),
    "siege_lifted_by": ("lift_siege", "lifted", "lift", "lifted"),
    "ended_siege": ("lift_siege", "ended", "end", "ended"),
    "severed_road": ("cut_road", "severed", "sever", "severed"),
    "cut_supply_line": ("cut_road", "cut", "cut", "cut"),
    "road_cut_by": ("cut_road", "cut", "cut", "cut"),
    "airstrikes_by_hit": ("attack", "hit", "hit", "hit"),
    "under_fire_from": ("attack", "fired", "fire", "fired"),
    "targeted": ("attack", "targeted", "target", "targeted"),
    "shelling_by": ("attack", "shelled", "shell", "shelled"),
    "bombardment_of_by": ("attack", "bombarded", "bombard", "bombarded"),
    "bombarded": ("attack", "bombarded", "bombard", "bombarded"),
    "pounded_artillery": ("attack", "pounded", "pound", "pounded"),
    "mounted_assault": ("attack", "mounted", "mount", "mounted"),
    "clashed_with": ("attack", "clashed", "clash", "clashed"),
    "opened_fire": ("attack", "opened fire", "open fire", "opened fire"),
    "carried_out_strikes": ("attack", "struck", "strike", "struck"),
    "attack_by_on": ("attack", "attacked", "attack", "attacked"),
    "captured_village_of": ("capture", "captured", "capture", "captured"),
    "took_full_control": ("capture", "took", "take", "taken"),
    "wrested_from": ("capture", "wrested", "wrest", "wrested"),
    "capture_of_by": ("capture", "captured", "capture", "captured"),
    "including": ("capture", "captured", "capture", "captured"),
    "drove_out_of": ("capture", "drove", "drive", "driven"),
    "entered_advance": ("advance", "advanced", "advance", "advanced"),
    "reinforcements_arrived": ("redeploy", "sent", "send", "sent"),
    "deployed_troops": ("redeploy", "deployed", "deploy", "deployed"),
    "scene_next_sentence": ("attack", "counter-attacked", "counter-attack", "counter-attacked"),
    "offensive_in_attempt": ("attack", "launched", "launch", "launched"),
    "hammered": ("attack", "hammered", "hammer", "hammered"),
    "engaged": ("attack", "engaged", "engage", "engaged"),
    "drive_against": ("attack", "began", "begin", "begun"),
    "cleared_of": ("capture", "cleared", "clear", "cleared"),
    "supported_heavy": ("besiege", "encircled", "encircle", "encircled"),
    "presence_in": ("control", "maintained", "maintain", "maintained"),
    "grip_on": ("control", "kept", "keep", "kept"),
    "now_holds": ("control", "held", "hold", "held"),
    "fell_after_fighting": ("capture", "took", "take", "taken"),
}

_ROWS = (
    # control: a side holds a place
    ("held_by", "control", "{P} is held by {A}.", "claim"),
    ("under_control_of", "control", "{P} remained under the control of {A}.", "claim"),
    ("in_hands_of", "control", "{P} is still in the hands of {A}.", "claim"),
    ("stronghold_of", "control", "{P}, a stronghold of {A}, was quiet on Monday.", "claim"),
    ("still_holds", "control", "{A} still holds {P}.", "claim"),
    ("kept_control", "control", "{A} kept control of {P} despite the losses.", "claim"),
    # defend: a side beats back an attack on a place
    ("repelled_assault", "defend", "{A} repelled the {B1} assault on {P}.", "claim",
     ("B",)),
    ("held_off", "defend", "{A} held off {B} in {P} for three days.", "claim", ("B",)),
    ("fended_off", "defend", "{A} fended off an attack by {B} on {P}.", "claim", ("B",)),
    ("withstood", "defend", "{A} withstood a {B1} offensive on {P}.", "claim", ("B",)),
    ("assault_repelled_by", "defend", "The {B1} assault on {P} was repelled by {A}.",
     "claim", ("B",)),
    # besiege
    ("under_siege_by", "besiege", "{P} has been under siege by {A} since May.", "claim"),
    ("completed_encirclement", "besiege", "{A} completed the encirclement of {P}.", "claim"),
    ("fully_encircled", "besiege", "{P} was fully encircled by {A} on Friday.", "claim"),
    # lift_siege
    ("relieved_garrison", "lift_siege", "{A} relieved the besieged garrison of {P}.",
     "claim"),
    ("siege_lifted_by", "lift_siege", "The siege of {P} was lifted by {A} on Monday.",
     "claim"),
    ("ended_siege", "lift_siege", "{A} ended the siege of {P}.", "claim"),
    # cut_road
    ("severed_road", "cut_road", "{A} severed the road to {P}.", "claim"),
    ("cut_supply_line", "cut_road", "{A} cut the last supply line into {P}.", "claim"),
    ("road_cut_by", "cut_road", "The main road to {P} was cut by {A}.", "claim"),
    # attack, in news English and as a noun
    ("airstrikes_by_hit", "attack", "Airstrikes by {A} hit {P} overnight.", "claim"),
    ("under_fire_from", "attack", "{P} came under fire from {A}.", "claim"),
    ("targeted", "attack", "{A} targeted {P} with rockets.", "claim"),
    ("shelling_by", "attack", "Heavy shelling by {A} hit {P} on Sunday.", "claim"),
    ("bombardment_of_by", "attack", "The bombardment of {P} by {A} continued.", "claim"),
    ("bombarded", "attack", "{A} bombarded {P} for a week.", "claim"),
    ("pounded_artillery", "attack", "{A} pounded {P} with artillery.", "claim"),
    ("mounted_assault", "attack", "{A} mounted an assault on {P}.", "claim"),
    ("clashed_with", "attack", "{A} clashed with {B1} fighters near {P}.", "claim"),
    ("opened_fire", "attack", "{A} opened fire on {P}.", "claim"),
    ("carried_out_strikes", "attack", "{A} carried out strikes on {P}.", "claim"),
    ("attack_by_on", "attack", "An attack by {A} on {P} killed four.", "claim"),
    # capture and advance, told in other ways
    ("captured_village_of", "capture", "{A} captured the village of {P}.", "claim"),
    ("took_full_control", "capture", "{A} took full control of {P} on Monday.", "claim"),
    ("wrested_from", "capture", "{A} wrested {P} from {B}.", "claim", ("B",)),
    ("capture_of_by", "capture", "The capture of {P} by {A} was confirmed.", "claim"),
    ("including", "capture", "{A} captured three villages, including {P}.", "claim"),
    ("drove_out_of", "capture", "{A} drove {B} out of {P}.", "claim", ("B",)),
    ("entered_advance", "advance", "{A} advanced into {P}.", "claim"),
    # redeploy
    ("reinforcements_arrived", "redeploy", "Reinforcements of {A} arrived in {P}.", "claim"),
    ("deployed_troops", "redeploy", "{A} deployed hundreds of troops to {P}.", "claim"),
    # found missing in this session's probes
    ("scene_next_sentence", "attack",
     "{B} advanced into {P} on Monday. Two days later, {A} counter-attacked.", "claim", ("B",)),
    ("offensive_in_attempt", "attack",
     "{A} launched an offensive in an attempt to capture {P}.", "claim"),
    ("hammered", "attack", "{A} hammered {P} with artillery.", "claim"),
    ("engaged", "attack", "{A} engaged {B1} fighters near {P}.", "claim", ("B",)),
    ("drive_against", "attack", "{A} began a drive against {B} in {P}.", "claim", ("B",)),
    ("cleared_of", "capture", "{A} cleared {P} of {B1} fighters.", "claim", ("B",)),
    ("supported_heavy", "besiege", "{A}, supported by heavy {C1} airstrikes, encircled {P}.",
     "claim", ("C",)),
    ("presence_in", "control", "{A} maintained a presence in {P}.", "claim"),
    ("grip_on", "control", "{A} kept its grip on {P}.", "claim"),
    ("now_holds", "control", "{A} now holds {P}.", "claim"),
    ("fell_after_fighting", "capture", "{P} fell to {A} after a week-long battle.", "claim"),
)

# (name, group, template, expect, actions, passive, not_agent); the verb drawn is from a
# class every audit verb list has ("capture"), replaced by the frame's fixed verb.
FRAME_ROWS: tuple[tuple, ...] = tuple(
    (row[0], "recall " + row[1], row[2], row[3], "capture", False,
     row[4] if len(row) > 4 else ())
    for row in _ROWS)


def main(argv: list[str]) -> int:
    """``bench/audit_claims.py`` on these frames only (its other options pass through)."""
    import audit_claims  # (at run time: audit_claims imports this module)

    names = ",".join(row[0] for row in FRAME_ROWS)
    return audit_claims.main(["--frames", names, *argv])


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
