"""A gold-free audit of the claim reader: made-up war reports whose right reading is known.

    python bench/audit_claims.py                      # 40 sentences per frame, seed 12
    python bench/audit_claims.py --per-frame 80 --seed 3 --errors 20
    python bench/audit_claims.py --frames neg_failed,from --errors 10
    python bench/audit_claims.py --frames list_from,said_that --errors 5   # long frames

Held-out gold errors cannot be read, so this audit writes its own sentences, from templates
(``FRAMES``) x the forms reports give the factions of ``data/factions.csv`` (``ACTORS``: "the
SAA", "government forces", "Daesh", "Turkish-backed rebels", "Russian jets", ...) x verbs of
each action class (``VERBS``) x real Syrian towns and villages of the gazetteer's regional file
(OCHA communities with plain names, as ``audit_geocode`` takes them).  Each sentence is one
comment; the place mentions are given (this audits the claim reader, not the geoparser).

A frame is one of:

* ``claim``: a plain report that must give exactly the claim written: the agent's side, the
  verb's action and the place, with modality ``reported`` ("X was captured by the SDF",
  "the SAA, backed by Russia, took X");
* ``no-claim``: a trap that must give no *reported* claim of the verb's action by the agent
  (negation, failure, intent, condition, a denied report, a vow or a pledge: "the SAA failed
  to take X", "IS launched an attack to take X", "if the SDF manages to take X");
* a side named in the sentence that is no agent (``not_agent``: "an operation against ISIL in
  X", "captured X from ISIL", "backed by the US") must get no reported claim of the verb's
  action (a backer's air power may still attack, a holder of "ISIL-held X" still controls).

Each sentence is read on both paths: with the English model (when the machine has it) and
by the rules alone (``parse=False``, as ``FRONTLINE_NO_PARSER=1``).  It prints the pass rate
per frame and path, and with ``--errors N`` up to N failing sentences per frame with what was
read.  The RNG seed is fixed; it asserts nothing.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
for _path in (ROOT, ROOT / "bench"):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

from audit_frames_long import LONG_FRAMES, long_case, report_long, run_long  # noqa: E402
from audit_frames_recall import FIXED_VERB_ROWS, FRAME_ROWS  # noqa: E402
from audit_geocode import communities  # noqa: E402

from geo.claims import extract_claims_report  # noqa: E402
from geo.claims import model as claims_model  # noqa: E402
from geo.factions import load_lexicon  # noqa: E402
from geo.records import Entry, Mention, Place  # noqa: E402

# The forms reports give each faction family, with its actor id in data/factions.csv;
# "air" forms only strike.
ACTORS: tuple[tuple[str, str, str], ...] = (
    ("the SAA", "saa", "ground"), ("government forces", "saa", "ground"),
    ("the Syrian Army", "saa", "ground"), ("regime forces", "saa", "ground"),
    ("pro-government militias", "saa", "ground"), ("the Tiger Forces", "saa", "ground"),
    ("Hezbollah", "hezbollah", "ground"), ("the IRGC", "iran", "ground"),
    ("Iraqi forces", "iraq", "ground"),
    ("ISIL", "is", "ground"), ("ISIS", "is", "ground"), ("Daesh", "is", "ground"),
    ("the Islamic State", "is", "ground"), ("ISIL fighters", "is", "ground"),
    ("the SDF", "sdf", "ground"), ("the YPG", "sdf", "ground"),
    ("Kurdish forces", "sdf", "ground"), ("the Syrian Democratic Forces", "sdf", "ground"),
    ("the rebels", "rebels", "ground"), ("Turkish-backed rebels", "rebels", "ground"),
    ("the Free Syrian Army", "rebels", "ground"), ("opposition fighters", "rebels", "ground"),
    ("Jabhat al-Nusra", "nusra", "ground"), ("Ahrar al-Sham", "ahrar_al_sham", "ground"),
    ("Jaish al-Fatah", "jaish_al_fatah", "ground"),
    ("the Turkish army", "turkey", "ground"), ("Turkish troops", "turkey", "ground"),
    ("Russian jets", "russia", "air"), ("Russian warplanes", "russia", "air"),
    ("the Russian Aerospace Forces", "russia", "air"), ("coalition aircraft", "us", "air"),
    ("the US-led coalition", "us", "air"), ("Turkish jets", "turkey", "air"),
    ("Israeli jets", "israel", "air"),
)
# The forms a side takes before a noun ("ISIL positions", "an SDF convoy", "rebel-held").
MODIFIERS: tuple[tuple[str, str], ...] = (
    ("SAA", "saa"), ("Hezbollah", "hezbollah"), ("ISIL", "is"), ("IS", "is"), ("Daesh", "is"),
    ("SDF", "sdf"), ("YPG", "sdf"), ("rebel", "rebels"), ("Nusra", "nusra"),
    ("Turkish", "turkey"), ("jihadist", "rebels"))
# The adjective of a backer ("Russia" -> "Russian"), for "Russian-backed", "Russian air cover".
ADJECTIVES = {"Russia": "Russian", "the US": "US", "Turkey": "Turkish", "Iran": "Iranian",
              "Russian air power": "Russian", "the US-led coalition": "coalition",
              "Turkish artillery": "Turkish", "Hezbollah": "Hezbollah"}


AIR_ADJECTIVES = {"russia": "Russian", "us": "Coalition", "turkey": "Turkish",
                  "israel": "Israeli", "saa": "Syrian", "is": "ISIL"}
# Gerunds of the capture verbs that are not the base + "ing".
GERUNDS = {"take": "taking", "seize": "seizing", "capture": "capturing",
           "recapture": "recapturing", "liberate": "liberating", "overrun": "overrunning",
           "take control of": "taking control of"}


def _air_adjective(actor: str) -> str:
    return AIR_ADJECTIVES.get(actor, "Russian")


def _adjective(backer: str) -> str:
    return ADJECTIVES.get(backer, backer)


# Who backs a side in the associate frames.
BACKERS = ("Russia", "the US", "Turkey", "Iran", "Russian air power", "the US-led coalition",
           "Turkish artillery", "Hezbollah")


@dataclass(frozen=True, slots=True)
class Verb:
    action: str
    past: str  # "took"
    base: str  # "take"
    participle: str  # "taken"
    passive: bool = True  # "X was taken by A" is English


def _v(action: str, past: str, base: str, participle: str = "", passive: bool = True) -> Verb:
    return Verb(action, past, base, participle or past, passive)


VERBS: tuple[Verb, ...] = (
    _v("capture", "captured", "capture"), _v("capture", "took", "take", "taken"),
    _v("capture", "seized", "seize"), _v("capture", "recaptured", "recapture"),
    _v("capture", "liberated", "liberate"), _v("capture", "overran", "overrun", "overrun"),
    _v("capture", "took control of", "take control of", "taken control of", False),
    _v("attack", "attacked", "attack"), _v("attack", "shelled", "shell"),
    _v("attack", "bombed", "bomb"), _v("attack", "struck", "strike", "struck"),
    _v("attack", "launched an assault on", "launch an assault on", "launched an assault on",
       False),
    _v("advance", "advanced on", "advance on", passive=False),
    _v("advance", "advanced towards", "advance towards", passive=False),
    _v("advance", "pushed towards", "push towards", passive=False),
    _v("besiege", "besieged", "besiege"), _v("besiege", "encircled", "encircle"),
    _v("besiege", "surrounded", "surround"),
    _v("withdraw", "withdrew from", "withdraw from", "withdrawn from", False),
    _v("withdraw", "retreated from", "retreat from", passive=False),
    _v("withdraw", "pulled out of", "pull out of", passive=False),
    _v("defend", "repelled an attack on", "repel an attack on", passive=False),
    _v("cut_road", "cut the road to", "cut the road to", passive=False),
    _v("lift_siege", "broke the siege of", "break the siege of", "broken the siege of", False),
    _v("lift_siege", "lifted the siege of", "lift the siege of", passive=False),
    _v("redeploy", "sent reinforcements to", "send reinforcements to", passive=False),
    _v("flee", "fled", "flee", passive=False),
)
AIR_ACTIONS = frozenset({"attack"})
# Frames whose verb is written in the template.
FIXED_VERBS = {"fell_to": _v("capture", "took", "take", "taken"),
               "cond_would_fall": _v("capture", "took", "take", "taken"),
               "neg_never": _v("advance", "reached", "reach"),
               "operation_against": _v("attack", "attacked", "attack"),
               "strikes_on": _v("attack", "attacked", "attack")} | {
    name: _v(*row) for name, row in FIXED_VERB_ROWS.items()}


@dataclass(frozen=True, slots=True)
class Frame:
    """A template: {A} the agent, {B} another side, {C} a backer, {P} the place, {V} the
    verb's past, {VB} its base, {VN} its participle.  ``expect``: "claim" or "no-claim";
    ``actions`` the verbs' classes it takes (empty: all); ``passive`` only verbs with a
    passive; ``not_agent`` the slots that name no agent."""

    name: str
    group: str
    template: str
    expect: str
    actions: frozenset[str] = frozenset()
    passive: bool = False
    not_agent: tuple[str, ...] = ()
    other_action: str = ""  # what the others must not get (default: the verb's action)


def _f(name: str, group: str, template: str, expect: str, actions: str = "",
       passive: bool = False, not_agent: tuple[str, ...] = (), other_action: str = "") -> Frame:
    return Frame(name, group, template, expect, frozenset(actions.split()), passive, not_agent,
                 other_action)


FRAMES: tuple[Frame, ...] = (
    _f("plain", "report", "{A} {V} {P}.", "claim"),
    _f("plain_dated", "report", "On Tuesday, {A} {V} {P} after heavy fighting.", "claim"),
    _f("passive_by", "report", "{P} was {VN} by {A}.", "claim", passive=True),
    _f("fell_to", "report", "{P} fell to {A} on Sunday.", "claim", "capture"),
    _f("from", "report", "{A} {V} {P} from {B}.", "claim", "capture", not_agent=("B",)),
    _f("backed_by", "associate", "{A}, backed by {C}, {V} {P}.", "claim",
       "capture advance besiege", not_agent=("C",)),
    _f("with_support", "associate", "With the support of {C}, {A} {V} {P}.", "claim",
       "capture advance besiege", not_agent=("C",)),
    _f("backed_adj", "associate", "{C1}-backed {A0} {V} {P}.", "claim",
       "capture advance besiege", not_agent=("C",)),
    _f("air_cover", "associate", "Under {C1} air cover, {A} {V} {P}.", "claim",
       "capture advance besiege", not_agent=("C",)),
    _f("supported_strikes", "associate", "{A}, supported by {C1} airstrikes, {V} {P}.",
       "claim", "capture advance besiege", not_agent=("C",)),
    _f("operation_against", "object", "{A} launched an operation against {B} in {P}.",
       "claim", "attack", not_agent=("B",)),
    _f("strikes_on", "object", "{A} carried out airstrikes on {B1} positions in {P}.",
       "claim", "attack", not_agent=("B",)),
    _f("offensive_against", "object", "{A} launched an offensive against {B} near {P}.",
       "claim", "attack", not_agent=("B",)),
    _f("held_shelled", "object", "{B1}-held {P} was shelled by {A}.", "claim", "attack",
       not_agent=("B",)),
    _f("killed_fighters", "object", "{A} killed dozens of {B1} fighters in {P}.", "claim",
       "attack", not_agent=("B",)),
    _f("struck_targets", "object", "{A} struck {B1} targets in {P}.", "claim", "attack",
       not_agent=("B",)),
    _f("ambushed", "object", "{A} ambushed a {B1} convoy near {P}.", "claim", "attack",
       not_agent=("B",)),
    _f("nominal_against", "object", "The offensive against {B} in {P} continued.",
       "no-claim", "attack", not_agent=("B",)),
    _f("strikes_nominal", "object", "{A1} airstrikes on {B1} positions in {P} killed 20.",
       "claim", "attack", not_agent=("B",)),
    _f("shelled_positions", "object", "{A} shelled {B1} positions around {P}.", "claim",
       "attack", not_agent=("B",)),
    _f("advanced_against", "object", "{A} advanced against {B} near {P}.", "claim",
       "advance", not_agent=("B",)),
    _f("offensive_capturing", "object", "{A} continued its offensive against {B}, {VG} {P}.",
       "claim", "capture", not_agent=("B",)),
    _f("retaken_from", "object", "{P} was retaken from {B} by {A}.", "claim", "capture",
       not_agent=("B",)),
    _f("lost_to", "object", "{B} lost {P} to {A}.", "claim", "capture", not_agent=("B",)),
    _f("expelled", "object", "{A} expelled {B} from {P}.", "claim", "capture",
       not_agent=("B",)),
    _f("after_clashes", "report", "{A} {V} {P} after heavy clashes with {B}.", "claim",
       "capture", not_agent=("B",)),
    _f("neg_did_not", "negation", "{A} did not {VB} {P}.", "no-claim"),
    _f("neg_failed", "negation", "{A} failed to {VB} {P}.", "no-claim"),
    _f("neg_never", "negation", "{A} never reached {P}.", "no-claim", "advance"),
    _f("neg_unable", "negation", "{A} was unable to {VB} {P}.", "no-claim"),
    _f("neg_yet", "negation", "{A} has yet to {VB} {P}.", "no-claim"),
    _f("neg_attempt_repelled", "negation", "An attempt by {A} to {VB} {P} was repelled.",
       "no-claim", "capture besiege lift_siege cut_road advance"),
    _f("neg_tried_but", "negation", "{A} tried to {VB} {P} but was beaten back.", "no-claim",
       "capture besiege lift_siege cut_road"),
    _f("neg_denied_doing", "negation", "{A} denied having {VN} {P}.", "no-claim",
       "capture attack besiege"),
    _f("neg_nearly", "negation", "{A} nearly {V} {P}.", "no-claim", "capture"),
    _f("intent_offensive_to", "intent",
       "{A} launched an offensive to {VB} {P} from {B}.", "no-claim",
       "capture besiege lift_siege cut_road", not_agent=("B",)),
    _f("intent_sought", "intent", "{A} sought to {VB} {P}.", "no-claim"),
    _f("intent_goal", "intent", "{A} advanced with the goal of capturing {P}.", "no-claim",
       "capture"),
    _f("intent_poised", "intent", "{A} was poised to {VB} {P}.", "no-claim"),
    _f("intent_preparing", "intent", "{A} was reportedly preparing to {VB} {P}.", "no-claim"),
    _f("intent_threatened", "intent", "{A} threatened to {VB} {P}.", "no-claim"),
    _f("intent_sent_to", "intent", "Fighters of {A} were sent to {VB} {P}.", "no-claim",
       "capture attack besiege lift_siege cut_road"),
    _f("intent_deployed_to", "intent", "{A} deployed more troops to {VB} {P}.", "no-claim",
       "capture attack besiege lift_siege cut_road"),
    _f("intent_holder", "intent",
       "{A} attacked in an attempt to break the siege of {B1}-held {P}.", "no-claim",
       "lift_siege", not_agent=("B",), other_action="control"),
    _f("intent_attack_to", "intent", "{A} launched an attack to {VB} {P}.", "no-claim",
       "capture besiege lift_siege cut_road"),
    _f("intent_aiming", "intent", "{A} is aiming to {VB} {P}.", "no-claim"),
    _f("intent_in_order", "intent", "{A} massed troops in order to {VB} {P}.", "no-claim",
       "capture attack besiege lift_siege cut_road"),
    _f("intent_plans", "intent", "{A} plans to {VB} {P} next month.", "no-claim"),
    _f("cond_if", "condition", "If {A} manages to {VB} {P}, the front will collapse.",
       "no-claim"),
    _f("cond_could", "condition", "{A} could {VB} {P} within days.", "no-claim"),
    _f("cond_would_fall", "condition", "{P} would fall to {A} within a week.", "no-claim",
       "capture"),
    _f("cond_before_could", "condition",
       "{B} blew up the bridge before {A} could {VB} {P}.", "no-claim"),
    _f("cond_might", "condition", "Analysts expect that {A} might {VB} {P}.", "no-claim"),
    _f("denied", "denied", "{A} claimed to have {VN} {P}, which {B} denied.", "no-claim",
       "capture attack besiege"),
    _f("quoted_vow", "speech", '{A} vowed: "We will {VB} {P}."', "no-claim"),
    _f("said_would", "speech", "{A} said it would {VB} {P}.", "no-claim"),
    _f("pledge", "pledge", "{A} pledged to {VB} {P}.", "no-claim"),
    _f("rumour_false", "denied", "Rumours that {A} had {VN} {P} proved false.", "no-claim",
       "capture attack besiege"),
    _f("agreement", "pledge", "Under the agreement, {A} is to {VB} {P}.", "no-claim"),
    *(_f(*row) for row in FRAME_ROWS),
)


@dataclass(frozen=True, slots=True)
class Case:
    frame: Frame
    text: str
    side: str
    action: str
    place: str
    others: tuple[str, ...]  # sides named that are no agent
    spans: tuple[tuple[int, int], ...]  # the place's offsets


@dataclass(slots=True)
class Outcome:
    case: Case
    ok: bool
    read: list[tuple[str, str, str, tuple[str, ...]]]


def _fill(template: str, slots: dict[str, str]) -> tuple[str, list[tuple[int, int]]]:
    """The sentence, capitalised, and the offsets of its {P}."""
    out, spans, i = [], [], 0
    while i < len(template):
        if template[i] == "{":
            j = template.index("}", i)
            key = template[i + 1:j]
            value = slots[key]
            if key == "P":
                at = sum(map(len, out))
                spans.append((at, at + len(value)))
            out.append(value)
            i = j + 1
        else:
            out.append(template[i])
            i += 1
    text = "".join(out)
    return text[0].upper() + text[1:], spans


class Generator:
    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.lexicon = load_lexicon()
        towns = [c for c in communities() if not self.lexicon.find(c.name, entry=0)
                 and len(c.name) > 3 and "'" not in c.name]
        self.places = {c.id: Place(c.id, c.name, "town", "SY", c.lat, c.lon, "audit")
                       for c in towns}
        self.towns = sorted(self.places.values(), key=lambda p: p.id)

    def _actor(self, kinds: set[str], avoid: str = "") -> tuple[str, str]:
        pool = [(form, actor) for form, actor, kind in ACTORS if kind in kinds
                and self.lexicon.side_of(actor) != avoid]
        return self.rng.choice(pool)

    def case(self, frame: Frame) -> Case:
        verbs = [v for v in VERBS if (not frame.actions or v.action in frame.actions)
                 and (v.passive or not frame.passive)]
        verb = self.rng.choice(verbs)
        air = frame.name in ("strikes_on", "strikes_nominal") or (verb.action in AIR_ACTIONS
                                             and self.rng.random() < 0.3)
        form, actor = self._actor({"air"} if air else {"ground"})
        side = self.lexicon.side_of(actor)
        b_form, b_actor = self._actor({"ground"}, avoid=side)
        if "{B1}" in frame.template:
            b_form, b_actor = self.rng.choice([m for m in MODIFIERS
                                               if self.lexicon.side_of(m[1]) != side])
        c_form = self.rng.choice([b for b in BACKERS if not self._same_side(b, side)])
        verb = FIXED_VERBS.get(frame.name, verb)
        place = self.rng.choice(self.towns)
        slots = {"A": form, "A0": form.removeprefix("the "), "B": b_form, "B1": b_form,
                 "C": c_form, "C1": _adjective(c_form), "P": place.name, "V": verb.past,
                 "A1": _air_adjective(actor), "VG": GERUNDS.get(verb.base, verb.base + "ing"),
                 "VB": verb.base, "VN": verb.participle}
        text, spans = _fill(frame.template, slots)
        others = []
        if "B" in frame.not_agent:
            others.append(self.lexicon.side_of(b_actor))
        if "C" in frame.not_agent:
            others += [self.lexicon.side_of(m.actor)
                       for m in self.lexicon.find(c_form, entry=0)]
        return Case(frame, text, side, verb.action, place.id, tuple(others), tuple(spans))

    def _same_side(self, form: str, side: str) -> bool:
        return any(self.lexicon.side_of(m.actor) == side for m in self.lexicon.find(form, entry=0))


def read_case(case: Case, places: dict[str, Place], lexicon, parse: bool):
    entry = Entry(id=0, kind="comment", author="audit", posted_at="2016-06-07T10:00:00",
                  text=case.text, start=0, end=len(case.text))
    mentions = [Mention(case.place, 0, a, b, case.text[a:b], 1.0, 1) for a, b in case.spans]
    actors = lexicon.find(case.text, entry=0)
    return extract_claims_report([entry], mentions, actors, places=places, parse=parse).claims


def judge(case: Case, claims, side_of) -> bool:
    reported = [c for c in claims if c.modality == "reported"]
    barred = case.frame.other_action or case.action
    if any(side_of(c.actor) in case.others and c.action == barred for c in reported):
        return False
    mine = [c for c in reported if side_of(c.actor) == case.side and c.action == case.action]
    if case.frame.expect == "no-claim":
        return not mine
    right = [c for c in mine if case.place in (*c.places, c.origin, c.destination)]
    # exactly that claim: any other is the agent's under another action or a side unnamed
    extra = [c for c in reported if c not in mine and side_of(c.actor) not in case.others]
    return bool(right) and not extra


def run(cases: Sequence[Case], places: dict[str, Place], parse: bool) -> list[Outcome]:
    lexicon = load_lexicon()
    out = []
    for case in cases:
        claims = read_case(case, places, lexicon, parse)
        read = [(lexicon.side_of(c.actor), c.action, c.modality, c.places) for c in claims]
        out.append(Outcome(case, judge(case, claims, lexicon.side_of), read))
    return out


def report(frames: Sequence[Frame], results: dict[str, list[Outcome]], errors: int) -> None:
    paths = list(results)
    print(f"{'frame':20} {'group':10} {'expect':8} " + " ".join(f"{p:>14}" for p in paths))
    totals = {p: [0, 0] for p in paths}
    for frame in frames:
        cells = []
        for path in paths:
            mine = [o for o in results[path] if o.case.frame is frame]
            ok = sum(o.ok for o in mine)
            totals[path][0] += ok
            totals[path][1] += len(mine)
            cells.append(f"{ok:>4}/{len(mine):<4} {ok / max(1, len(mine)):.2f}")
        print(f"{frame.name:20} {frame.group:10} {frame.expect:8} " + " ".join(cells))
    print(f"{'all':40} " + " ".join(f"{ok:>4}/{n:<4} {ok / max(1, n):.2f}"
                                     for ok, n in totals.values()))
    if not errors:
        return
    for path in paths:
        print(f"\nerrors, {path} path")
        for frame in frames:
            bad = [o for o in results[path] if o.case.frame is frame and not o.ok][:errors]
            for o in bad:
                read = "; ".join(f"{s}/{a}/{m} {list(p)}" for s, a, m, p in o.read) or "-"
                print(f"  {frame.name:18} {o.case.text!r}\n      want {o.case.side}/"
                      f"{o.case.action} ({frame.expect}), read: {read}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--per-frame", type=int, default=40)
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--errors", type=int, default=0, metavar="N")
    parser.add_argument("--frames", default="", help="comma-separated frame names")
    args = parser.parse_args(argv)
    chosen = set(filter(None, args.frames.split(",")))
    frames = [f for f in FRAMES if not chosen or f.name in chosen]
    generator = Generator(args.seed)
    cases = [generator.case(f) for f in FRAMES for _ in range(args.per_frame)]
    cases = [c for c in cases if c.frame in frames]
    results = {}
    if claims_model.load_parser() is not None:
        results["parse"] = run(cases, generator.places, parse=True)
    else:
        print(f"no parser ({claims_model.parser_status()}): rule path only")
    results["rules"] = run(cases, generator.places, parse=False)
    print(f"{len(cases)} sentences, {len(generator.towns)} towns, seed {args.seed}")
    report(frames, results, args.errors)
    _audit_long(generator, chosen, args, parsed="parse" in results)
    return 0


def _audit_long(generator: Generator, chosen: set[str], args, parsed: bool) -> None:
    """The longer frames (``audit_frames_long``): several clauses, several claims."""
    frames = [f for f in LONG_FRAMES if not chosen or f.name in chosen]
    cases = [long_case(generator, f, MODIFIERS) for f in frames for _ in range(args.per_frame)]
    lexicon = load_lexicon()
    results = {}
    for path in ("parse", "rules") if parsed else ("rules",):
        results[path] = run_long(cases, generator.places, lexicon, parse=path == "parse")
    report_long(frames, results, args.errors)


if __name__ == "__main__":
    raise SystemExit(main())
