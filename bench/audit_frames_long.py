"""Longer frames for the gold-free claim audit (``bench/audit_claims.py``): sentences of more
than one clause, whose right reading is more than one claim.

A long frame writes a sentence (or two) with up to two sides ({A}, {B}), a source that is no
side ({S}: "SOHR", "activists"), up to three places ({P}, {Q}, {R}) and a verb of taking
({V} its past, {VG} its gerund, {VN} its participle).  It names:

* ``want``: the reported claims it must give, each ``"A capture P"`` (the side in slot A, the
  action, the place in slot P among the claim's places, origin or destination);
* ``allow``: claims that are no error when read ("B control P" for "B-held P", "B withdraw P"
  for "B was driven out of P"); a slot's action with no place allows it at any place;
* everything else a named side gets as a *reported* claim is an error (the wrong agent, the
  wrong action, a claim on a place of another clause, a negated or intended act as done).

The constructions are those the issue names for real text: relative clauses ("X, which had
been captured by Y"), participial clauses ("having captured A, Y advanced on B"),
appositives, time clauses ("after Y captured A, Z attacked B"), reported speech ("X said that
Y ..."), lists of villages under one verb, a side named only as the target of another's act,
and a second clause that is negated or intended.  The templates are written for this audit
(no gold text is copied).

    python bench/audit_frames_long.py --per-frame 20 --errors 3   # these frames alone
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
for _path in (ROOT, ROOT / "bench"):  # (run as a script, as well as imported)
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

from geo.claims import extract_claims_report  # noqa: E402
from geo.records import Entry, Mention  # noqa: E402

# Who reports without fighting: a source is no agent.
SOURCES = ("SOHR", "the Syrian Observatory for Human Rights", "local activists",
           "state media", "a monitoring group", "a military source")
# Verbs of taking: past, base, participle, gerund.
TAKING = (("captured", "capture", "captured", "capturing"),
          ("took", "take", "taken", "taking"),
          ("seized", "seize", "seized", "seizing"),
          ("recaptured", "recapture", "recaptured", "recapturing"),
          ("took control of", "take control of", "taken control of", "taking control of"))
# "was taken control of by" is no English: a frame with {VN} after "was"/"been" takes these.
PASSIVE_TAKING = TAKING[:4]


@dataclass(frozen=True, slots=True)
class LongFrame:
    name: str
    group: str
    template: str
    want: tuple[str, ...]
    allow: tuple[str, ...] = ()


def _l(name: str, group: str, template: str, want: str, allow: str = "") -> LongFrame:
    split = lambda s: tuple(x.strip() for x in s.split(",") if x.strip())  # noqa: E731
    return LongFrame(name, group, template, split(want), split(allow))


LONG_FRAMES: tuple[LongFrame, ...] = (
    _l("rel_passive", "relative",
       "{P}, which had been {VN} by {A} in May, was attacked by {B} on Sunday.",
       "B attack P, A capture P", "A control P, A defend P"),
    _l("rel_active", "relative",
       "{A}, which had {VN} {P} a week earlier, advanced on {Q}.", "A capture P, A advance Q"),
    _l("rel_held_by", "relative", "{A} attacked {P}, which was held by {B}.", "A attack P",
       "B control P, B defend P"),
    _l("rel_failed", "relative", "{A} {V} {P}, which {B} had failed to take.", "A capture P",
       "B control P, B withdraw P"),
    _l("participle_having", "participle", "Having {VN} {P}, {A} advanced on {Q}.",
       "A capture P, A advance Q"),
    _l("participle_after", "participle", "After {VG} {P}, {A} pushed towards {Q}.",
       "A capture P, A advance Q"),
    _l("participle_trailing", "participle", "{A} advanced north, {VG} {P} and {Q}.",
       "A capture P, A capture Q", "A advance P, A advance Q"),
    _l("time_after_two", "time", "After {A} {V} {P}, {B} attacked {Q}.",
       "A capture P, B attack Q"),
    _l("time_after_late", "time", "{B} withdrew from {Q} after {A} {V} {P}.",
       "B withdraw Q, A capture P"),
    _l("time_once", "time", "Once {A} had {VN} {P}, {B} shelled the town.",
       "A capture P, B attack P", "B control P"),
    _l("said_that", "speech", "{S} said that {A} had {VN} {P}.", "A capture P"),
    _l("side_said_that", "speech", "{B} said that {A} had {VN} {P}.", "A capture P",
       "B control P"),
    _l("said_withdrew", "speech", "{A} said that {B} had withdrawn from {P}.",
       "B withdraw P", "A capture P, A control P"),
    _l("according_to", "speech", "According to {S}, {A} {V} {P} on Monday.", "A capture P"),
    _l("list_villages", "list", "{A} {V} the villages of {P}, {Q} and {R}.",
       "A capture P, A capture Q, A capture R"),
    _l("list_from", "list", "{A} {V} {P}, {Q} and {R} from {B}.",
       "A capture P, A capture Q, A capture R", "B withdraw, B control"),
    _l("target_positions", "target", "{B1} positions in {P} came under attack by {A}.",
       "A attack P", "B control P"),
    _l("target_driven_out", "target", "{B} was driven out of {P} by {A}.", "A capture P",
       "B withdraw P, B control P"),
    _l("target_shelled", "target", "{B1} fighters in {P} were shelled by {A} overnight.",
       "A attack P", "B control P"),
    _l("apposition_actor", "apposition", "{A}, the strongest force in the region, {V} {P}.",
       "A capture P"),
    _l("apposition_place", "apposition", "{P}, a village north of {Q}, was {VN} by {A}.",
       "A capture P"),
    _l("coord_two_sides", "coordination", "{A} {V} {P}, while {B} withdrew from {Q}.",
       "A capture P, B withdraw Q"),
    _l("coord_then", "coordination", "{A} {V} {P} and then advanced on {Q}.",
       "A capture P, A advance Q"),
    _l("coord_but_failed", "coordination", "{A} {V} {P} but failed to take {Q}.",
       "A capture P"),
    _l("purpose_second", "coordination", "{A} {V} {P} in order to cut the road to {Q}.",
       "A capture P"),
    _l("pronoun_next", "pronoun", "{A} {V} {P} on Friday. They then advanced on {Q}.",
       "A capture P, A advance Q"),
    _l("rel_pluperfect_other", "relative", "{A} {V} {P}, which {B} had captured a week earlier.",
       "A capture P, B capture P", "B control P, B withdraw P"),
    _l("rel_who_withdrew", "relative", "{A}, who had withdrawn from {P} in May, attacked {Q}.",
       "A withdraw P, A attack Q"),
    _l("rel_lies_on", "relative", "{A} {V} {P}, which lies on the road to {Q}.",
       "A capture P"),
    _l("time_before_held", "time", "Before {A} {V} {P}, {B} had held it for two years.",
       "A capture P", "B control P, B withdraw P"),
    _l("said_failed", "speech", "{S} said that {A} had failed to take {P}.", "",
       "A attack P"),
    _l("said_not_entered", "speech", "{S} said {A} had not entered {P}.", ""),
    _l("side_repelled", "target", "{A} said it had repelled an attack by {B} on {P}.",
       "A defend P", "B attack P, A control P"),
    _l("target_repelled_adj", "target", "{A} repelled a {B1} attack on {P}.", "A defend P",
       "B attack P, A control P"),
    _l("coord_failed_withdrew", "coordination", "{A} failed to take {P} and withdrew to {Q}.",
       "", "A withdraw Q, A withdraw P, A attack P"),
    _l("semicolon_response", "coordination", "{A} {V} {P}; {B} responded by shelling {Q}.",
       "A capture P, B attack Q"),
    _l("list_then_within", "list", "{A} {V} {P} and {Q}, and advanced to within 5 km of {R}.",
       "A capture P, A capture Q, A advance R"),
    _l("continued_capturing", "participle", "{A} continued to advance, {VG} {P}.",
       "A capture P", "A advance P"),
    _l("after_withdrew_town", "time", "{A} {V} {P} after {B} withdrew from the town.",
       "A capture P, B withdraw P", "B control P"),
    _l("counter_recapturing", "participle", "{B} launched a counter-attack, recapturing {P} "
       "from {A}.", "B capture P", "B attack P, A control P, A withdraw P"),
    _l("attack_repelled_by", "target", "{A}'s attack on {P} was repelled by {B}.",
       "B defend P", "A attack P, B control P"),
    _l("attacked_but_repelled", "target", "{A} attacked {P}, but were repelled by {B}.",
       "A attack P, B defend P", "B control P"),
    _l("counter_failed", "negation", "A counter-attack by {B} on {P} failed.", "",
       "B attack P"),
    _l("lost_two_days", "time", "{P} was recaptured by {A} two days after it had been lost to "
       "{B}.", "A capture P, B capture P", "A withdraw P, A control P"),
    _l("rel_aimed", "intent", "The offensive, which aimed to capture {P}, was launched by {A}.",
       "", "A attack P"),
    _l("attempt_ended", "intent", "{A}'s attempt to capture {P} ended in failure.", "",
       "A attack P"),
    _l("began_aim_two", "intent", "{A} began an offensive with the aim of {VG} {P} and {Q}.",
       "", "A attack P, A attack Q"),
    _l("preparing_assault", "intent", "{A} started preparing for an assault on {P}.", "",
       "A redeploy P"),
    _l("massed_ahead", "intent", "{A} massed troops near {P} ahead of an expected assault.", "",
       "A redeploy P"),
    _l("planned_postponed", "intent", "A planned {A0} offensive on {P} was postponed.", ""),
    _l("warned_if", "condition", "{A} warned that it would attack {P} if {B} did not withdraw.",
       "", "B control P"),
    _l("attempted_storm", "report", "Clashes erupted when {A} attempted to storm {P}.",
       "A attack P"),
    _l("came_under_control", "report", "{P} came under the control of {A} on Monday.",
       "A capture P",
       "A control P"),
)


@dataclass(frozen=True, slots=True)
class LongCase:
    frame: LongFrame
    text: str
    sides: dict[str, str]  # slot -> side
    places: dict[str, str]  # slot -> place id
    spans: tuple[tuple[str, int, int], ...]  # (place id, start, end)


def _fill(template: str, slots: dict[str, str], place_ids: dict[str, str]):
    out, spans, at = [], [], 0
    i = 0
    while i < len(template):
        if template[i] == "{":
            j = template.index("}", i)
            key = template[i + 1:j]
            value = slots[key]
            if key in place_ids:
                spans.append((place_ids[key], at, at + len(value)))
            out.append(value)
            at += len(value)
            i = j + 1
        else:
            out.append(template[i])
            at += 1
            i += 1
    text = "".join(out)
    return text[0].upper() + text[1:], tuple(spans)


def long_case(generator, frame: LongFrame, modifiers) -> LongCase:
    """One sentence of ``frame``; ``generator`` is ``audit_claims.Generator`` (its RNG, its
    actors and towns), ``modifiers`` its forms of a side before a noun."""
    rng = generator.rng
    form, actor = generator._actor({"ground"})
    side = generator.lexicon.side_of(actor)
    b_form, b_actor = generator._actor({"ground"}, avoid=side)
    if "{B1}" in frame.template:
        b_form, b_actor = rng.choice([m for m in modifiers
                                      if generator.lexicon.side_of(m[1]) != side])
    towns = rng.sample(generator.towns, 3)
    passive = any(f"{w} {{VN}}" in frame.template for w in ("was", "been"))
    past, base, participle, gerund = rng.choice(PASSIVE_TAKING if passive else TAKING)
    slots = {"A": form, "A0": form.removeprefix("the "), "B": b_form, "B1": b_form,
             "S": rng.choice(SOURCES), "V": past, "VB": base, "VN": participle, "VG": gerund,
             "P": towns[0].name, "Q": towns[1].name, "R": towns[2].name}
    place_ids = {"P": towns[0].id, "Q": towns[1].id, "R": towns[2].id}
    text, spans = _fill(frame.template, slots, place_ids)
    sides = {"A": side, "B": generator.lexicon.side_of(b_actor)}
    return LongCase(frame, text, sides, place_ids, spans)


def read_long(case: LongCase, places, lexicon, parse: bool):
    entry = Entry(id=0, kind="comment", author="audit", posted_at="2016-06-07T10:00:00",
                  text=case.text, start=0, end=len(case.text))
    mentions = [Mention(pid, 0, a, b, case.text[a:b], 1.0, 1) for pid, a, b in case.spans]
    actors = lexicon.find(case.text, entry=0)
    return extract_claims_report([entry], mentions, actors, places=places, parse=parse).claims


def _matches(spec: str, claim_key, case: LongCase) -> bool:
    side, action, where = claim_key
    parts = spec.split()
    if case.sides.get(parts[0]) != side or parts[1] != action:
        return False
    return len(parts) < 3 or case.places[parts[2]] in where


def judge_long(case: LongCase, claims, side_of) -> bool:
    """Every wanted claim read; no other reported claim of a named side."""
    keys = [(side_of(c.actor), c.action, (*c.places, c.origin, c.destination))
            for c in claims if c.modality == "reported"]
    for spec in case.frame.want:
        if not any(_matches(spec, k, case) for k in keys):
            return False
    named = set(case.sides.values())
    for key in keys:
        if key[0] not in named:
            continue
        if not any(_matches(s, key, case) for s in (*case.frame.want, *case.frame.allow)):
            return False
    return True


def run_long(cases: Sequence[LongCase], places, lexicon, parse: bool):
    out = []
    for case in cases:
        claims = read_long(case, places, lexicon, parse)
        names = {v: k for k, v in case.places.items()}
        read = [(lexicon.side_of(c.actor), c.action, c.modality,
                 [names.get(p, p) for p in c.places]) for c in claims]
        out.append((case, judge_long(case, claims, lexicon.side_of), read))
    return out


def report_long(frames: Sequence[LongFrame], results: dict[str, list], errors: int) -> None:
    paths = list(results)
    print(f"\n{'long frame':20} {'group':12} " + " ".join(f"{p:>14}" for p in paths))
    totals = {p: [0, 0] for p in paths}
    for frame in frames:
        cells = []
        for path in paths:
            mine = [ok for case, ok, _ in results[path] if case.frame is frame]
            totals[path][0] += sum(mine)
            totals[path][1] += len(mine)
            cells.append(f"{sum(mine):>4}/{len(mine):<4} {sum(mine) / max(1, len(mine)):.2f}")
        print(f"{frame.name:20} {frame.group:12} " + " ".join(cells))
    print(f"{'all long':33} " + " ".join(f"{ok:>4}/{n:<4} {ok / max(1, n):.2f}"
                                        for ok, n in totals.values()))
    for path in paths if errors else ():
        print(f"\nlong errors, {path} path")
        for frame in frames:
            bad = [(c, r) for c, ok, r in results[path] if c.frame is frame and not ok]
            for case, read in bad[:errors]:
                got = "; ".join(f"{s}/{a}/{m} {p}" for s, a, m, p in read) or "-"
                print(f"  {frame.name:18} {case.text!r}\n      want {list(frame.want)} "
                      f"sides {case.sides}, read: {got}")


if __name__ == "__main__":  # the long frames alone, with audit_claims's options
    import audit_claims
    names = ",".join(f.name for f in LONG_FRAMES)
    raise SystemExit(audit_claims.main(["--frames", names, *sys.argv[1:]]))
