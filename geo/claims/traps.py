"""What the writer says of a claim around it, read on both paths (with or without the parse).

* **a report the writer calls false**: "reports that IS took X are false", "..., which is not
  true", "the SDF falsely claimed to have taken X", a comment's "yeah right" or "and pigs
  fly": the claim stays, as ``disputed``;
* **an aim** (one screen, the words of ``data/intent.csv`` before the cue): with the parse
  an aim named by a noun ("the attempt by IS to take X (failed)", "their goal is the
  capture of X"; the parse reads verbs of aim from the tree), with the rules alone also a
  verb, adjective or phrase of aim ("hopes to take", "agreed to withdraw", "vowed to
  retake", "in a bid to encircle", "in an attempt to lift the siege on the rebel-held
  areas"): nothing was done, so a reported claim is dropped;
* **a negation right before the cue**: "has not yet captured", "was unable to take", "could
  not take" outside a condition (a failure, not a speculation), a demand or a prevention
  ("called on the SDF to withdraw", "was prevented from reaching X"): the claim is dropped;
* **without the parse**, the actor that is only what was hit ("IS leaders were killed by
  airstrikes", "jets killed an IS commander in airstrikes") and a noun cue said to have been
  thwarted or to have failed: the claim is dropped.

The words are English grammar and the idioms of reporting, listed here.
"""

from __future__ import annotations

import re
from dataclasses import replace

from geo.claims.airpower import grounded
from geo.claims.fate import event_fate
from geo.claims.results import Context
from geo.claims.rules import IntentRules, load_intent
from geo.records import Claim

_REPORT_NOUN = (r"(?:reports?|claims?|rumou?rs?|stor(?:y|ies)|allegations?|assertions?|"
                r"accounts?|headlines?)")
_FALSE = (r"(?:false|untrue|fake|lies|a\s+lie|wrong|baseless|unfounded|fabricated|"
          r"nonsense|propaganda|fiction|a\s+hoax|hoaxes|not\s+true|incorrect|bogus)")
# "reports that", "the claim of": the head of a report the writer may call false.
_REPORT_THAT = rf"(?<!\w){_REPORT_NOUN}\s+(?:that|of)\s"
REPORT_THAT = re.compile(_REPORT_THAT, re.IGNORECASE)
# "Reports that IS captured X are false", "the claim that ... was a lie" (the cue between).
FALSE_REPORT = re.compile(
    rf"{_REPORT_THAT}[^.;!?]*?\s(?:is|are|was|were|proved|turned\s+out"
    rf"\s+to\s+be|have\s+been|has\s+been)\s+(?:(?:all|completely|totally|entirely|simply|"
    rf"utterly|later|since|shown|proven|to\s+be)\s+)*{_FALSE}(?!\w)",
    re.IGNORECASE)
# After the cue: ", which is not true", ", which was later shown to be false".
WHICH_FALSE = re.compile(
    rf"\A[^.;!?]*?,\s*(?:which|but\s+this|but\s+that|this)\s+(?:(?:later|since|soon|quickly)\s+)?"
    rf"(?:is|was|has\s+been|turned\s+out"
    rf"\s+to\s+be|proved)\s+(?:(?:later|since|shown|proven|to\s+be|completely|totally)\s+)*"
    rf"{_FALSE}(?!\w)", re.IGNORECASE)
# Before the cue: "falsely claimed", "wrongly reported", "the fake news that".
FALSELY = re.compile(
    r"(?<!\w)(?:falsely|wrongly|mistakenly|fraudulently)\s+(?:\w+\s+){0,3}\Z|(?<!\w)"
    r"(?:fake|false)\s+(?:news|reports?|claims?|stor(?:y|ies)|headlines?)\s+(?:\w+\s+){0,8}\Z",
    re.IGNORECASE)
# A report someone denies: "denied reports that IS took X"; after the cue, "but this was
# denied", "a claim the SDF denied".
DENIED_BEFORE = re.compile(
    r"(?<!\w)(?:denied|denies|deny|denying|rejected|rejects|dismissed|dismisses|refuted|"
    r"refutes|disputed|disputes|debunked)\s+(?:(?:the|all|any|earlier|these|those|such)\s+)?"
    r"(?:(?:reports?|claims?|rumou?rs?|allegations?)\s+)?(?:that|of)\s"
    # "IS denied losing X": the denied act is the gerund right after
    r"|(?<!\w)(?:denied|denies|deny|denying)\s+(?:(?:ever|having|any|\w+ly)\s+)?\Z",
    re.IGNORECASE)
_DENYING = r"(?:denied|rejected|dismissed|refuted|disputed)"
_PROMPTLY = r"later|quickly|strongly|immediately|swiftly"  # how a denial came
DENIED_AFTER = re.compile(
    r"\A[^.;!?]*?(?:,|\s)\s*(?:but|though|although|a\s+claim|which|a\s+report)\s+(?:this|that|"
    r"these|those|it|the\s+(?:claims?|reports?)|which)?\s*(?:was|were|has\s+been|"
    r"had\s+been|have\s+been|is|are)?\s*"
    rf"(?:later\s+|quickly\s+|strongly\s+)?{_DENYING}(?!\w)"
    # "..., but the rebels denied it", "though IS quickly denied the claim"
    r"|\A[^.;!?]*?,\s*(?:but|though|although|while)\s+(?:the\s+)?[\w'-]+(?:\s+[\w'-]+){0,3}\s+"
    rf"(?:(?:{_PROMPTLY})\s+)?{_DENYING}"
    r"\s+(?:it|this|that|these|those|the\s+(?:claim|report|reports|claims|account))(?!\w)"
    # "..., which the SAA denied", "..., a claim the rebels rejected"
    r"|\A[^.;!?]*?,\s*(?:which|a\s+claim(?:\s+that)?|claims?\s+that|a\s+report(?:\s+that)?)\s+"
    rf"(?:the\s+)?[\w'-]+(?:\s+[\w'-]+){{0,3}}?\s+(?:(?:{_PROMPTLY}|"
    rf"has|have|had)\s+)?{_DENYING}"
    r"(?=\s*(?:[.,;:!?)]|\Z|(?:it|this|that)(?!\w)))",  # (not "which denied IS its supplies")
    re.IGNORECASE)
# Sarcasm that says the sentence is not meant: in it or in the next words.
SARCASM = re.compile(
    r"(?<!\w)(?:yeah,?\s+right|yea,?\s+right|and\s+pigs\s+(?:can\s+|might\s+|will\s+)?fly|"
    r"in\s+your\s+dreams|dream\s+on|as\s+if|when\s+hell\s+freezes\s+over|and\s+I(?:'m|\s+am)\s+"
    r"(?:the\s+)?(?:queen|king|pope|tooth\s+fairy|easter\s+bunny|santa))(?!\w)", re.IGNORECASE)
# What the writer imagines or supposes, not what happened: "next headline: ...", "let's say
# IS takes X", "suppose ...", "the SAA ought to take X", "once the SAA takes X, ...".
IMAGINED_BEFORE = re.compile(
    r"(?<!\w)(?:(?:next|tomorrow'?s?|coming|future|upcoming|imagined?|fake|expected)\s+(?:\w+\s+)?"
    r"headlines?|headlines?\s+(?:will|would|to\s+come|soon|tomorrow)|see\s+the\s+headlines?|"
    r"coming\s+soon|let'?s\s+say|let\s+us\s+say|suppos(?:e|ing)|imagine|"
    r"in\s+theory|in\s+a\s+perfect\s+world|ought\s+to|needs?\s+to|has\s+to|have\s+to|"
    r"time\s+for)(?!\w)", re.IGNORECASE)
# What is about to happen, not what happened: "the SAA was poised to take X", "is set to";
# what should or could have been: "the SAA should have attacked X" (a modal perfect).
PROSPECT_BEFORE = re.compile(
    r"(?<!\w)(?:is|are|was|were|been|be|seemed|seems|looked|looks|now|appeared|appears)\s+"
    r"(?:(?:now|finally|already|reportedly|all)\s+)?(?:poised|set|due|about|on\s+course|"
    r"in\s+position|preparing|gearing\s+up)\s+to\s+(?:\w+ly\s+)?\Z", re.IGNORECASE)
# What is feared, warned of, unlikely or only what a deal "would see": not (yet) done.
FEARED_BEFORE = re.compile(
    r"(?<!\w)(?:fears?|feared|fearing|warn(?:s|ed|ing)?|threats?|danger|risks?|prospects?|"
    r"possibility|spectre|specter|likelihood|chances?)\s+(?:of|that)\s+(?:(?:an?|the|any|"
    r"further|more|new|another|renewed|possible|imminent)\s+)?(?:[\w-]+\s+){0,2}\Z"
    r"|(?<!\w)(?:unlikely|likely|liable)\s+to\s+(?:\w+ly\s+)?\Z"
    r"|(?<!\w)(?:would|could|might|may)\s+(?:\w+\s+)?(?:see|mean|require|involve|allow|let|"
    r"have|make|force|oblige)\s+(?:[\w'-]+\s+){0,4}\Z", re.IGNORECASE)
MODAL_PERFECT = re.compile(
    r"(?<!\w)(?:should|could|would|might|may|must|ought\s+to)(?:n't|\s+not)?\s+(?:\w+ly\s+)?"
    r"have\s+(?:\w+ly\s+)?\Z", re.IGNORECASE)
# "once the SAA takes X": a temporal clause in the present tells what is to come.
TEMPORAL_PRESENT = re.compile(
    r"(?<!\w)(?:once|when|whenever|as\s+soon\s+as|until|till|before|after)\s+(?:the\s+)?"
    r"[\w'-]+(?:\s+[\w'-]+){0,3}\s+\Z", re.IGNORECASE)
# (not a plural noun of persons that is a cue: "after fighting with the IS defenders")
PRESENT_CUE = re.compile(r"(?!defenders(?!\w))[a-z]+(?<!s)s(?!\w)", re.IGNORECASE)
# ... nor a plural noun after a determiner or an adjective of fighting: "after violent clashes",
# "after their advances" (Quirk et al. 1985, 5.10: a determiner opens a noun phrase).
PLURAL_NOUN_BEFORE = re.compile(
    r"(?<!\w)(?:the|its|their|his|her|our|these|those|heavy|fierce|intense|violent|renewed|"
    r"repeated|several|many|further|new|fresh|major|successive)\s+\Z", re.IGNORECASE)
# Demanded, asked or prevented, not done: "Turkey demanded that the SDF withdraw", "called
# on the SDF to withdraw", "IS was prevented from reaching X", "advanced without capturing
# X", "was preparing an offensive on X".
NOT_DONE_BEFORE = re.compile(
    r"(?<!\w)(?:(?:demand|insist|stipulat|requir|propos|suggest|recommend|request)\w*\s+that\s+"
    r"(?:(?:the|all|its|their)\s+)?[\w'-]+(?:\s+[\w'-]+){0,2}\s+(?:should\s+|must\s+|be\s+)?"
    r"|(?:call(?:s|ed|ing)?\s+(?:on|upon)|urg(?:e|es|ed|ing)|ask(?:s|ed|ing)?|demand(?:s|ed|ing)?|"
    r"press(?:es|ed|ing)?|pressur(?:e|es|ed|ing)|told|tell(?:s|ing)?|order(?:s|ed|ing)?|"
    r"instruct(?:s|ed|ing)?|requir(?:e|es|ed|ing)|warn(?:s|ed|ing)?|invit(?:e|es|ed|ing))\s+"
    r"(?:(?:the|all|its|their)\s+)?[\w'-]+(?:\s+[\w'-]+){0,2}\s+to\s+"
    # warned off: "Turkey warned the SDF against entering X", "cautioned IS against"
    r"|(?:warn(?:s|ed|ing)?|caution(?:s|ed|ing)?)\s+(?:(?:the|all|its|their)\s+)?"
    r"(?:[\w'-]+\s+){0,3}?against\s+"
    # the same in the passive: "the SDF was ordered to withdraw", "were asked to leave"
    r"|(?:is|are|was|were|been|being|be)\s+(?:(?:repeatedly|reportedly|again|then)\s+)?"
    r"(?:ordered|told|asked|urged|instructed|required|called\s+(?:on|upon)|pressured|pressed|"
    r"warned|invited|expected)\s+to\s+"
    # "the rebels were given 48 hours to leave", "granted safe passage to withdraw"
    r"|(?:is|are|was|were|been|being)\s+(?:given|granted|offered)\s+(?:[\w-]+\s+){0,4}?to\s+"
    # what is still to come: "massed troops ahead of an attack on X", "in the run-up to the"
    r"|(?:ahead\s+of|in\s+anticipation\s+of|in\s+the\s+run-?up\s+to|in\s+readiness\s+for)\s+"
    r"(?:an?|the|its|their|his|another|a\s+new|any)\s+(?:[\w-]+\s+){0,3}"
    r"|(?:prevent(?:s|ed|ing)?|stop(?:s|ped|ping)?|kept|keep(?:s|ing)?|block(?:s|ed|ing)?|bar(?:s|red)?|"
    r"deter(?:s|red)?)\s+(?:(?:the|all|its|their)\s+[\w'-]+(?:\s+[\w'-]+)?\s+|\w+\s+)?from\s+"
    r"|(?:without|instead\s+of|rather\s+than|short\s+of)\s+(?:(?:even|ever|actually|fully)\s+)?"
    r"|(?:preparing|prepared|prepares|planning|plotting|plotted|considering|considered|"
    r"mulling|discussing|discussed|contemplating)\s+(?:for\s+)?(?:an?|the|its|their|his|another|"
    r"a\s+new)\s+(?:[\w-]+\s+){0,3}"
    # what one waited or held off before: "the SAA waited before entering X"
    r"|(?:wait(?:s|ed|ing)?|paus(?:e|es|ed|ing)|held\s+off|hold(?:s|ing)?\s+off|"
    r"hesitat(?:e|es|ed|ing))\s+(?:[\w-]+\s+){0,3}?(?:before|to)\s+)\Z", re.IGNORECASE)
# A negation right before the cue.
NEGATED_BEFORE = re.compile(
    r"(?<!\w)(?:not|never|n't|no\s+longer|unable\s+to|failed\s+to|fails\s+to|failing\s+to|"
    r"refused\s+to|refuses\s+to|cannot|nowhere\s+near|yet\s+to|(?:still\s+)?far\s+from)\s+"
    r"(?:(?:yet|even|been|be|have|has|"
    r"had|really|actually|fully|successfully|able\s+to|manage\s+to|try\s+to|to|"
    r"attempt(?:ed)?\s+to)\s+){0,3}\Z"
    # "no" before a noun cue: "no rebel attack on X took place"
    r"|(?<![\w-])no\s+(?:(?:major|serious|new|further|real|large-scale|ground|[\w-]+ian|"
    r"[\w-]+ish|rebel|government|army|IS|ISIL|ISIS|SDF|SAA|YPG)\s+){0,2}\Z", re.IGNORECASE)
# What came close is not done: "almost captured", "nearly encircled", "came close to
# taking" (a taking, a siege or a cut; one who "nearly reached" X did advance).
ALMOST_BEFORE = re.compile(
    r"(?<!\w)(?:almost|nearly|c(?:a|o)me\s+(?:very\s+)?close\s+to|all\s+but\s+failed\s+to)\s+"
    r"(?:(?:fully|completely|successfully|managed\s+to|succeeded\s+in)\s+)?\Z", re.IGNORECASE)
COMPLETED = frozenset({"capture", "besiege", "cut_road", "lift_siege"})
# Without the parse: the actor read as the agent is what was hit ("two IS leaders were
# killed by airstrikes", "jets killed a regional IS commander in air strikes").
_HARMED = (r"(?:killed|wounded|injured|hit|struck|targeted|bombed|shelled|attacked|ambushed|"
           r"captured|arrested|executed|besieged|encircled|surrounded|expelled|driven\s+out)")
PATIENT_AFTER = re.compile(
    rf"\A[\w\s,'-]{{0,40}}?(?<!\w)(?:is|are|was|were|been|being|got)\s+(?:\w+ly\s+)?{_HARMED}"
    r"(?!\w)", re.IGNORECASE)
PATIENT_BEFORE = re.compile(
    rf"(?<!\w){_HARMED}\s+(?:(?:a|an|the|two|three|several|many|some|\d+|senior|top|local|"
    r"regional|key|prominent|\w+ing)\s+){0,3}\Z", re.IGNORECASE)
# "came under attack", "remained under fire" (the cue may start at "under").
UNDER_BEFORE = re.compile(
    r"(?<!\w)(?:came|come|comes|coming|remain(?:s|ed)?|was|were|is|are|been|fell|falls|stay"
    r"(?:s|ed)?)\s+(?:under\s+(?:\w+\s+){0,2})?\Z", re.IGNORECASE)
# A noun cue said not to have come off: "the assault was thwarted", "the attack failed".
# (not across "but": "IS attacked X but was beaten back" made its attack)
FAILED_AFTER = re.compile(
    r"\A\W*(?:(?!(?:but|and|although|though|yet|then)\s)\w+\s+){0,2}?(?:(?:was|were|had\s+been|"
    r"has\s+been)\s+(?:\w+ly\s+)?(?:thwarted|foiled|aborted|prevented|called\s+off|cancell?ed|"
    r"postponed|halted|stopped|stalled|repelled|repulsed|beaten\s+(?:back|off)|driven\s+back)|"
    r"(?:failed|collapsed|"
    r"never\s+(?:began|started|materiali[sz]ed)))(?!\w)", re.IGNORECASE)
MADE_THEN_FAILED = re.compile(r"(?:failed|collapsed|stalled)\Z", re.IGNORECASE)
# "captured Kuweires airbase near Aleppo": the place after the facility only locates it.
_FACILITY = (r"(?:air\s*base|airbase|airport|airfield|air\s+field|dam|base|barracks|prison|"
             r"hospital|academy|college|factory|plant|silo|silos|depot|oil\s+field|gas\s+field|"
             r"field|station|castle|citadel|bridge|checkpoint|complex|camp|power\s+plant)s?")
LOCATED_BY = re.compile(
    rf"\A\s*(?:the\s+|a\s+|an\s+|its\s+|their\s+)?(?:[\w'-]+\s+){{0,4}}?{_FACILITY}\s*,?\s+"
    r"(?:(?:which\s+is\s+|located\s+|situated\s+|just\s+|some\s+)?(?:near|outside|close\s+to|"
    r"next\s+to|(?:\d+\s*(?:km|kilometers|kilometres|miles)\s+)?(?:north|south|east|west|"
    r"north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+of|on\s+the\s+outskirts\s+of|"
    r"in\s+the\s+vicinity\s+of))\s+(?:the\s+(?:town|city|village)\s+of\s+)?\Z",
    re.IGNORECASE)
# "launched an offensive to take X", "an assault in order to capture X": the attack was made,
# the taking was its aim (not "the attack led the SAA to take X": a result); "an offensive in
# an attempt to take X" as well, as the parse reads it (scope.assault_purpose).
ASSAULT_FOR = re.compile(
    r"(?<![\w-])(?:offensives?|attacks?|assaults?|operations?|campaigns?|counter-?attacks?|"
    r"counter-?offensives?|push|drive|raids?|incursions?|onslaught)\s+"
    r"(?:(?!(?:led|leads|allowed|enabled|helped|forced|caused|permitted|managed|succeeded|"
    r"continued|went|and|but|which|that|after|before|when)\s)[\w'()-]+,?\s+){0,8}?"
    r"(?:to|with\s+the\s+(?:goal|objective|aim|intention|purpose)\s+of|in\s+order\s+to)\s+"
    r"(?:(?:fully|finally|also|eventually)\s+)?\Z",
    re.IGNORECASE)
REPELLED = re.compile(
    r"(?<!\w)(?:(?:was|were|had\s+been|has\s+been|have\s+been)\s+(?:\w+ly\s+)?(?:thwarted|foiled|"
    r"repelled|repulsed|beaten\s+(?:back|off)|driven\s+back|aborted|halted)|failed|collapsed)(?!\w)",
    re.IGNORECASE)
# An attempt the writer calls failed: "a failed advance on X", "unsuccessfully tried to take"
# (an attack beaten back is still an attack made).
FAILED_BEFORE = re.compile(
    r"(?<!\w)(?:failed|unsuccessful|abortive|aborted|botched|futile|unsuccessfully|vainly|"
    r"in\s+vain)\s+(?:[\w-]+\s+){0,2}\Z", re.IGNORECASE)
# ... unless the attack itself was only planned: "a plan for an operation to take X".
PLANNED_ASSAULT = re.compile(
    r"(?<!\w)(?:plans?|planned|planning|prepar(?:e|es|ed|ing|ations?)|propos(?:als?|ed)|"
    r"ready|readiness|possible|potential|future|eventual|upcoming|imminent|expected)\s+"
    r"(?:(?:for|of)\s+)?(?:(?:an?|the|its|their|another|a\s+new|new|further)\s+)?"
    r"(?:[\w-]+\s+){0,2}\Z", re.IGNORECASE)
AIMED_BY_ASSAULT = frozenset({"capture", "besiege", "cut_road", "lift_siege"})
# A nearness set off by a comma locates the noun before it ("the Semiramis Hotel, on the
# outskirts of X"; "heavy fighting on 5 June, five kilometers from X"): nobody was brought
# there, unlike "the SDF was within two kilometers of X", "bringing them within 5 km of X".
_HOW_FAR = (r"(?:(?:some|about|around|only|just|roughly|approximately|nearly|almost|barely|"
            r"less\s+than|more\s+than|a\s+few|few|several|one|two|three|four|five|six|seven|"
            r"eight|nine|ten|fifteen|twenty|thirty|fifty|hundred|\d+(?:[.,]\d+)?|and|a|an|half|"
            r"or)\s+)*")
NEARNESS_CUE = re.compile(
    rf"{_HOW_FAR}(?:within|kilomet(?:er|re)s?|km|miles?|met(?:er|re)s|on\s+the\s+outskirts|"
    r"close\s+to|near)(?!\w)", re.IGNORECASE)
APPOSITIVE_BEFORE = re.compile(rf"[,(]\s*{_HOW_FAR}\Z", re.IGNORECASE)
CONDITION_BEFORE = re.compile(r"(?<!\w)(?:if|unless|whether|even\s+if)(?!\w)", re.IGNORECASE)


def _window(text: str, sentence_start: int, cue: int, size: int = 90) -> str:
    return text[max(sentence_start, cue - size): cue]


def disputed_by_writer(text: str, sentence: tuple[int, int], cue: tuple[int, int]) -> bool:
    """Whether the writer calls the report the cue stands in false."""
    start, end = sentence
    if FALSE_REPORT.search(text, start, end) and _report_before(text, start, cue[0]):
        return True
    after = text[cue[1]: min(len(text), end + 2)]
    if WHICH_FALSE.search(after) or FALSELY.search(_window(text, start, cue[0], 120)) or \
            DENIED_AFTER.search(after) or DENIED_BEFORE.search(_window(text, start, cue[0], 120)):
        return True
    return bool(SARCASM.search(text, start, min(len(text), end + 30)))


def imagined(text: str, sentence: tuple[int, int], cue: tuple[int, int]) -> str:
    """"speculative" or "predicted" for an event the writer only imagines, supposes, wants or
    sets in a temporal clause in the present; "" otherwise."""
    before = _window(text, sentence[0], cue[0], 120)
    if IMAGINED_BEFORE.search(before) or MODAL_PERFECT.search(before) or \
            FEARED_BEFORE.search(_window(text, sentence[0], cue[0], 70)):
        return "speculative"
    if PROSPECT_BEFORE.search(before):
        return "predicted"
    if TEMPORAL_PRESENT.search(_window(text, sentence[0], cue[0], 60)) and \
            PRESENT_CUE.match(text, cue[0]) and \
            not PLURAL_NOUN_BEFORE.search(text, max(sentence[0], cue[0] - 30), cue[0]):
        return "predicted"
    return ""


def _report_before(text: str, start: int, cue: int) -> bool:
    return REPORT_THAT.search(text, start, cue) is not None


# The word glued before a holder's "-held" ("rebel" of "rebel-held").
GLUED_HOLDER = re.compile(r"[\w'\u2019]+(?:-[\w'\u2019]+)*\Z")
SIEGE_OF = re.compile(r"(?<!\w)siege\s+(?:of|on)\s+(?:the\s+)?\Z", re.IGNORECASE)


def aimed(text: str, sentence: tuple[int, int], cue: int, *, parsed: bool,
          intent: IntentRules | None = None) -> bool:
    """Whether the cue is the content of an aim, attempt or pledge: the one screen of the
    words of ``data/intent.csv`` before the cue in its sentence.  With the parse, an aim
    named by a noun ("the attempt by IS to take X", "their goal is the capture of X"); with
    the rules alone, every row ("hopes to take", "in a bid to encircle", "attempted to
    advance towards")."""
    rules = intent or load_intent()
    if text.startswith("-", cue):  # "in a bid to lift the siege of rebel-held X": the
        glued = GLUED_HOLDER.search(text, max(sentence[0], cue - 40), cue)  # holder's word
        cue = glued.start() if glued and SIEGE_OF.search(text, max(0, glued.start() - 30),
                                                         glued.start()) else cue
    return rules.before(text, max(sentence[0], cue - 80), cue, parsed=parsed)


def not_done(text: str, sentence: tuple[int, int], cue: int, modality: str,
             action: str = "") -> bool:
    """Whether a negation stands right before the cue ("has not yet captured", "could not
    take"), or a demand or prevention ("called on the SDF to withdraw"), outside a condition
    or a question."""
    if modality not in ("reported", "speculative", "predicted"):
        return False
    before = _window(text, sentence[0], cue, 60)
    if modality != "reported" and CONDITION_BEFORE.search(text, sentence[0], cue):
        return False
    if modality == "reported" and NOT_DONE_BEFORE.search(before):
        return True
    if action in COMPLETED and ALMOST_BEFORE.search(before):
        return True
    if modality == "reported" and (action == "advance" or action in COMPLETED) and \
            FAILED_BEFORE.search(before):
        return True
    return bool(NEGATED_BEFORE.search(before))


def patient_as_agent(text: str, subject_start: int, subject_end: int, cue: int) -> bool:
    """Without the parse: whether the actor before the cue is only what was hit."""
    if subject_end > cue:
        return False
    if PATIENT_AFTER.match(text[subject_end:cue]):
        return True
    return bool(PATIENT_BEFORE.search(text, max(0, subject_start - 50), subject_start))


def failed_noun(text: str, cue: tuple[int, int], action: str = "") -> bool:
    """Without the parse: whether a noun cue is said to have been thwarted or to have failed
    (an attack that failed, collapsed or stalled was made; scope.MADE_THEN_FAILED)."""
    after = FAILED_AFTER.match(text[cue[1]: cue[1] + 60])
    return bool(after) and not (action == "attack" and MADE_THEN_FAILED.search(after.group()))


# The last holding taken or fought for ("capturing the last rebel-held buildings", "fighting
# for the last rebel stronghold"): the holding ended, no control (the parse: scope.py).
_TAKING_VERBS = (r"captur\w*|tak(?:e|es|en|ing)|took|seiz\w*|expel\w*|driv(?:e|es|en|ing)|drove|"
                 r"oust\w*|overr\w*|clear\w*|storm\w*|recaptur\w*|retak\w*|retook|liberat\w*|"
                 r"evict\w*")
LAST_TAKEN = re.compile(
    rf"(?<!\w)(?:{_TAKING_VERBS}|"
    r"fight(?:ing|s)?|fought)\s+(?:(?:[\w'-]+\s+){0,6}?(?:for|from|of)\s+)?(?:the|its|their)\s+"
    r"(?:last|remaining|final)\s+(?:[\w'-]+\s+){0,3}?\Z", re.IGNORECASE)


# "captured the last point that was held by IS", "took Azaz, which had been held by IS since
# 2014": a relative clause of holding told of what the sentence's taking took is the holding
# that ended (Quirk et al. 1985, 17.10-17.13, relative clauses).
HELD_BEFORE = re.compile(r"(?<!\w)(?:that|which)\s+(?:was|were|had\s+been)\s+(?:\w+ly\s+)?\Z",
                         re.IGNORECASE)
_TAKING = re.compile(rf"(?<!\w)(?:{_TAKING_VERBS})\s", re.IGNORECASE)


def held_before_taken(text: str, evidence) -> bool:
    """Whether a control cue is a relative clause of past holding about a place the same
    sentence tells was taken before it."""
    start, floor = evidence.cue[0], evidence.sentence[0]
    relative = HELD_BEFORE.search(text, max(floor, start - 30), start)
    if relative is None or not text[start: evidence.cue[1]].lower().startswith("held"):
        return False
    return _TAKING.search(text, max(floor, relative.start() - 120), relative.start()) is not None


def _last_taken(text: str, evidence) -> bool:
    start, floor = evidence.cue[0], evidence.sentence[0]
    glued = GLUED_HOLDER.search(text, max(floor, start - 40), start) \
        if text.startswith("-", start) else None
    start = glued.start() if glued else start
    return LAST_TAKEN.search(text, max(floor, start - 120), start) is not None


def _not_done(text: str, claim: Claim, evidence) -> bool:
    """:func:`not_done`, save for an event noun that is planned or prepared ("IS plotted an
    attack on X"): that one is foreseen (``fate.event_fate``: predicted), not dropped."""
    return not_done(text, evidence.sentence, evidence.cue[0], claim.modality, claim.action) \
        and event_fate(text, evidence.sentence, evidence.cue) != "predicted"


def _rule_drop(text: str, claim: Claim, evidence) -> str:
    if _not_done(text, claim, evidence):
        return "negated (rules)"
    if claim.action == "control" and _last_taken(text, evidence):
        return "the last holding taken (rules)"
    subject = evidence.subject
    if "-" in text[max(0, evidence.cue[0] - 1): evidence.cue[0] + 1] or \
            claim.action == "control":
        subject = None  # "the Kurdish-held areas": a holder, no agent
    if subject is not None and claim.modality == "reported" and \
            patient_as_agent(text, subject.start, subject.end, evidence.cue[0]):
        return "the actor is the patient (rules)"
    if subject is not None and subject.end <= evidence.cue[0] and \
            "under" in text[max(0, evidence.cue[0] - 40): evidence.cue[1]].lower() and \
            UNDER_BEFORE.search(text, max(subject.end, evidence.cue[0] - 40), evidence.cue[0]):
        return "the actor came under it (rules)"
    if claim.modality == "reported" and failed_noun(text, evidence.cue, claim.action):
        return "a failed attempt (rules)"
    return ""


def locators(text: str, cue_end: int, mentions) -> set[str]:
    """Places that only locate the facility the cue's event is about ("took the airbase
    near X": X was not taken)."""
    out = set()
    for mention in mentions:
        if mention.start >= cue_end and LOCATED_BY.match(text[cue_end: mention.start]):
            out.add(mention.place)
    return out


def _relocated(claim: Claim, evidence, text: str) -> Claim:
    """A claim whose places only locate its facility is told near them (ACLED precision 2):
    the town itself was not taken."""
    located = locators(text, evidence.cue[1], evidence.mentions)
    if not located or any(p not in located for p in claim.places) or claim.precision >= 2:
        return claim
    return replace(claim, precision=2)


def appositive_nearness(text: str, cue: tuple[int, int]) -> bool:
    """Whether the cue is a nearness ("five kilometers from", "on the outskirts of") set off
    by a comma after a noun, which it only locates."""
    return bool(NEARNESS_CUE.match(text, cue[0])) and \
        APPOSITIVE_BEFORE.search(text, max(0, cue[0] - 60), cue[0]) is not None


def same_claim(one: Claim, other: Claim) -> bool:
    """Whether two claims say the same thing: one entry, side, action and places."""
    return (one.entry, one.actor, one.action, one.places) == \
        (other.entry, other.actor, other.action, other.places)


def screen(ctx: Context, claims: list[Claim], *, parsed: bool) -> list[Claim]:
    """The claims with the writer's word on them: disputed, or dropped (and listed)."""
    out: list[Claim] = []
    intent = load_intent()
    for claim in claims:
        evidence = ctx.evidence.get(claim.id)
        if evidence is None:
            out.append(claim)
            continue
        text = ctx.entries[claim.entry].text
        why = ""
        for_assault = claim.modality == "reported" and \
            claim.action in AIMED_BY_ASSAULT | {"attack"} and \
            ASSAULT_FOR.search(text, max(evidence.sentence[0], evidence.cue[0] - 100),
                               evidence.cue[0])
        if for_assault and PLANNED_ASSAULT.search(
                text, max(evidence.sentence[0], for_assault.start() - 50), for_assault.start()):
            why = "intended"  # "a plan for an operation to take X"
        elif for_assault and REPELLED.search(text[evidence.cue[1]: evidence.sentence[1]]):
            why = "a failed attempt"  # an attack for an aim, beaten back
        elif for_assault and claim.action != "attack":
            claim = replace(claim, action="attack")  # the attack was made, the taking aimed at
            if any(same_claim(claim, other) for other in out):
                why = "intended (its attack is read)"
        if why:
            pass
        elif claim.action == "attack" and grounded(claim.actor, text, evidence.cue,
                                                   evidence.sentence[0]):
            why = "a strike from the air given to a side with no air force"
        elif claim.action == "advance" and appositive_nearness(text, evidence.cue):
            why = "a nearness that locates a noun (an appositive), no advance"
        elif claim.modality == "reported" and not for_assault and \
                not (parsed and claim.action == "attack") and \
                aimed(text, evidence.sentence, evidence.cue[0], parsed=parsed, intent=intent):
            why = "intended"  # (the parse reads an attack made for an aim)
        elif claim.action == "control" and held_before_taken(text, evidence):
            why = "a holding that the taking ended"
        elif not parsed:
            why = _rule_drop(text, claim, evidence)
        elif _not_done(text, claim, evidence):
            why = "negated"
        fate = "" if why or claim.modality != "reported" else \
            event_fate(text, evidence.sentence, evidence.cue)
        why = why or ("called off" if fate == "called off" else "")
        if why:
            ctx.report.dropped.append((claim, why))
            continue
        claim = _relocated(replace(claim, modality=fate) if fate else claim, evidence, text)
        if claim.modality in ("reported", "speculative", "predicted") and \
                disputed_by_writer(text, evidence.sentence, evidence.cue):
            claim = replace(claim, modality="disputed")
        elif claim.modality == "reported":
            supposed = imagined(text, evidence.sentence, evidence.cue)
            claim = replace(claim, modality=supposed) if supposed else claim
        out.append(claim)
    return out


__all__ = ["aimed", "disputed_by_writer", "not_done", "same_claim", "screen"]
