"""Who is not the agent, on the rule path: the speaker of a report, and the side an action
was done to.

* **a speaker is the source, not the agent**: in "The SDF said Azaz was captured", "SOHR
  reported that rebels took X", "Azaz, the SDF said, was captured", "Turkish officials
  stated that ..." the actor whose verb of saying stands between it and the cue says who
  did it; the agent is the subject of the reported clause ("rebels"), else none is stated
  and the context gives it, as for any agentless passive.  A pronoun subject of the
  reported clause is the speaker ("the SDF said it had captured X"), and "IS claimed to
  have taken X" or "claimed responsibility for" is the claimant's own act;
* **a patient is no agent**: the subject of a passive cue ("IS was expelled from X by the
  SDF", "the rebels were besieged", "rebel positions were overrun by ..."), the side a
  place was lost by ("IS lost X to the SAA") or taken from ("X was retaken from IS"): the
  agent is the "by" or "to" phrase, else the context's actor of another side; failing
  that, the side that lost a place withdrew from it (ACLED's "non-violent transfer of
  territory" is the loser's; the gain, the capture, is only ever the winner's);
* **an object is no agent**: an actor named as what a verb hit ("killed a senior IS
  commander in airstrikes", "destroyed an IS command post") is not the subject of a cue
  after it.

The words are English grammar, listed here.
"""

from __future__ import annotations

import re

from geo.claims.patterns import GIVING_UP, REPEL_CUE
from geo.claims.scope import ENGAGED
from geo.records import ActorMention

_SAYING = (r"(?:said|says|say|saying|reported|reports|reporting|claimed|claims|claiming|"
           r"announced|announces|announcing|stated|states|stating|declared|declares|"
           r"confirmed|confirms|denied|denies|added|adds|noted|notes|told|tells|insisted|"
           r"insists|asserted|asserts|alleged|alleges|acknowledged|acknowledges|admitted|"
           r"admits|warned|warns)")
SAYING_STEMS = ("sa", "report", "claim", "announc", "stat", "declar", "confirm", "den", "add",
                "not", "tol", "tell", "insist", "assert", "alleg", "acknowledg", "admit", "warn")
# The people or outlets of a side that speak for it: "SDF officials said", "the Turkish
# military stated", "the SDF's spokesman said".
_VOICES = (r"(?:spokes(?:man|men|woman|women|person|people)|officials?|commanders?|sources?|"
           r"media|command|officers?|leaders?|leadership|generals?|statements?|TV|agency|"
           r"news\s+agency|ministry|military|army|government|forces|activists?|monitor|"
           r"representatives?|general\s+command|high\s+command|press\s+office)")
SPEAKER_AFTER = re.compile(
    rf"(?:['\u2019]s?)?\s+(?:{_VOICES}\s+)?"
    r"(?:(?:also|later|then|previously|earlier|officially|publicly|repeatedly|has|have|had|"
    rf"was|were)\s+){{0,2}}{_SAYING}(?!\w)(?!\s+to\s)(?!\s+(?:responsibility|credit)(?!\w))",
    re.IGNORECASE)
# "... said (that) it / they had taken X": the speaker tells its own act; so does a side that
# announces a gain ("the SDF announced the capture of X": a side's statement of a capture
# with no other capturer named is its own, as press releases of a side are).
OWN_GAIN = r"(?:capture|recapture|liberation|seizure|takeover|storming)"
GAIN_ANNOUNCED = re.compile(rf"\s*(?:the\s+)?(?:(?:full|complete|successful)\s+)?{OWN_GAIN}\s+of\s",
                            re.IGNORECASE)
OWN_ACT = re.compile(
    r"\s*,?\s*(?:on\s+\w+\s+|in\s+a\s+statement\s+|late\s+\w+\s+)?(?:that\s+)?(?:it|they|we|"
    r"its\s+(?:forces|fighters|troops|units|men)|their\s+(?:forces|fighters|troops|units|men)|"
    r"our\s+(?:forces|fighters|troops))\s", re.IGNORECASE)

# The subject of a passive cue: "IS was expelled", "rebel positions in X were overrun",
# "the rebels had been besieged", "IS fighters were finally driven".
_ADVERBS = (r"(?:(?:\w+ly|also|then|later|again|soon|once|all|both|not|never|just|"
            r"subsequently|eventually|quickly|completely|fully|finally)\s+)")
PASSIVE_GAP = re.compile(
    r"\A\s+(?:(?!(?:that|which|who|and|but|or|to|after|before|while|when)\s)[\w'-]+\s+){0,4}?"
    rf"{_ADVERBS}?(?:is|are|was|were|be|been|being|get|gets|got|gotten)\s+{_ADVERBS}{{0,2}}\Z",
    re.IGNORECASE)
# A cue that holds its auxiliary: "was driven out of".
AUXILIARY_CUE = re.compile(r"(?:is|are|was|were|be|been|being|get|gets|got)\s", re.IGNORECASE)
GAP_BEFORE_AUXILIARY = re.compile(
    r"\A\s+(?:(?!(?:that|which|who|and|but|or|to)\s)[\w'-]+\s+){0,4}?\Z", re.IGNORECASE)
# A clause whose subject is in the clause before: "IS attacked X, but was expelled from Y".
BARE_PASSIVE = re.compile(
    r"\A\W*(?:(?:and|but|then|yet|so|only|later)\s+){0,2}(?:\w+ly\s+)?(?:is|are|was|were|been|"
    r"being|got|had\s+been|has\s+been|have\s+been)\s+(?:\w+ly\s+){0,2}\Z", re.IGNORECASE)
PROGRESSIVE = re.compile(r"\w+ing(?!\w)", re.IGNORECASE)
# "IS lost X to the SAA": the one who lost it (the cue starts at "lost").
LOSING = re.compile(rf"(?:{GIVING_UP})(?!\w)", re.IGNORECASE)
# "X was retaken from IS", "the liberation of X from IS": the side it was taken from.
TAKEN_FROM = re.compile(r"\A(?:\s+[^,;.:!?]{0,60}?)?\s+from\s+(?:the\s+)?\Z", re.IGNORECASE)
# Actions of which the subject of a passive is what was done to: taken, attacked, besieged,
# cut off (not a movement: "IS fighters were evacuated from X" tells IS withdrew).
DONE_TO = frozenset({"capture", "attack", "besiege", "cut_road"})
# "killed a senior IS commander", "destroyed an IS command post": what a verb hit.
WORD = re.compile(r"\w")
HIT_STEMS = ("kill", "wound", "injur", "hit", "strik", "struck", "target", "bomb", "shell",
             "attack", "ambush", "captur", "arrest", "execut", "besieg", "encircl", "surround",
             "expel", "oust", "destroy", "defeat", "repel", "revers", "evict", "rout",
             "overwhelm", "overpower", "overr", "crush", "annihilat", "decimat", "vanquish")
_HIT = (r"(?:(?:kill|wound|injur|hit|strik|struck|target|bomb|shell|attack|ambush|captur|arrest|"
        r"execut|besieg|encircl|surround|expel|oust|destroy|defeat|repel|revers|evict|"
        r"overwhelm|overpower|overr|crush|annihilat|decimat|vanquish)\w*"
        r"|rout(?:ed|ing))")
_COUNT = (r"(?:a|an|the|one|two|three|four|five|six|seven|eight|nine|ten|several|many|some|"
          r"all|\d+|dozens\s+of|scores\s+of|hundreds\s+of)")
# ... or one of a counted list of them: "killed six Syrian soldiers, five Russian soldiers and
# several Hezbollah fighters in the defense of X".
OBJECT_OF = re.compile(  # (matched where the verb starts)
    rf"(?<!\w){_HIT}\s+(?:(?:{_COUNT}|senior|top|local|regional|key|prominent|recent|"
    r"remaining|last|\w+ing)\s+){0,3}\Z"
    rf"|(?<!\w){_HIT}\s+{_COUNT}\s[^.;:!?]{{0,80}}?(?:,|\sand|\sor)\s+{_COUNT}\s+(?:[\w-]+\s+)?\Z",
    re.IGNORECASE)


def speaker(text: str, mention: ActorMention, end: int | None = None) -> bool:
    """Whether the actor is only who says what follows (before ``end``, the cue), not the
    agent of it: a verb of saying right after it, and no pronoun after that standing for it."""
    if not any(stem in text[mention.end: mention.end + 64].lower() for stem in SAYING_STEMS):
        return False
    said = SPEAKER_AFTER.match(text, mention.end, len(text) if end is None else end)
    if said is None:
        return False
    return not (OWN_ACT.match(text, said.end(), len(text) if end is None else end)
                or GAIN_ANNOUNCED.match(text, said.end()))


def patient(text: str, mention: ActorMention, cue_start: int, cue_end: int,
            action: str) -> bool:
    """Whether the actor before the cue is what the action was done to: the subject of a
    passive cue of taking, attacking, besieging or cutting off, or the side that lost the
    place ("IS lost X to the SAA")."""
    if mention.end > cue_start:
        return False
    gap = text[mention.end: cue_start]
    if action == "capture" and LOSING.match(text, cue_start, cue_end):
        return bool(GAP_BEFORE_AUXILIARY.match(gap))
    if action not in DONE_TO or PROGRESSIVE.match(text, cue_start, cue_end) or \
            text[cue_start: cue_end].lower().startswith(ENGAGED):
        return False  # "Saudi was bogged down in Yemen": the one engaged fights
    if AUXILIARY_CUE.match(text, cue_start, cue_end):
        return bool(GAP_BEFORE_AUXILIARY.match(gap))
    return bool(PASSIVE_GAP.match(gap))


def taken_from(text: str, mention: ActorMention, cue_end: int) -> bool:
    """Whether the actor after a cue of taking is the side it was taken from ("retaken
    from IS", "the liberation of X from ISIL")."""
    if mention.start < cue_end or "from" not in text[max(cue_end, mention.start - 12):
                                                     mention.start].lower():
        return False
    return bool(TAKEN_FROM.match(text[cue_end: mention.start]))


def agent_cues(text: str, cues: list) -> list:
    """The cues of an event whose "by" phrase can name its agent: not a verb of repelling
    after a cue of another action ("the attack on X was (not) repelled by the Army": the
    Army opposed the attack)."""
    return [c for c in cues if c is cues[0] or c.action == cues[0].action
            or not (c.action == "defend" and REPEL_CUE.match(text, c.start))]


def hit_object(text: str, mention: ActorMention, floor: int, cue_start: int, *,
               glued: bool = False) -> bool:
    """Whether the actor is named as what a verb before it hit ("killed an IS commander in
    airstrikes"), not as the one the cue right after it is of ("repelled IS attacks");
    ``glued``: also the side of a noun right after it ("overwhelmed the rebel defenders")."""
    if not glued and not WORD.search(text, mention.end, cue_start):
        return False
    lo = max(floor, mention.start - 100)
    window = text[lo: mention.start].lower()  # (most windows hold no such verb: tried at
    for stem in HIT_STEMS:                    # the last place each verb is, not everywhere)
        at = window.rfind(stem)
        if at >= 0 and OBJECT_OF.match(text, lo + at, mention.start):
            return True
    return False


__all__ = ["BARE_PASSIVE", "DONE_TO", "agent_cues", "hit_object", "patient", "speaker",
           "taken_from"]
