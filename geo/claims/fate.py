"""What the sentence says became of an event named by a noun: foreseen, or called off.

An event noun ("attack", "offensive", "assault") is a report of the event only when nothing
around it says it has not (yet) happened:

* **foreseen**: the noun is the subject of a predicate of expecting ("An SDF offensive on X
  is expected", "an attack on X is imminent", "is being prepared") or the object of a verb
  of planning or expecting ("IS planned an attack on X", "the rebels are preparing an
  assault on X"): the event is predicted;
* **called off**: the noun is the subject of a predicate that negates or cancels it ("the
  attack on X did not happen", "never materialised", "was called off", "was cancelled"):
  no claim of it at all; so is the object of a verb of cancelling ("the SAA called off its
  assault on X", "cancelled the offensive").

The screen is of the text around the cue, on both claim paths (``traps.screen``).
"""

from __future__ import annotations

import re

# The nouns that name an event as a whole (the cue's last word).
EVENT_NOUN = re.compile(
    r"(?:offensive|counter-?offensive|operation|attack|counter-?attack|assault|campaign|"
    r"push|drive|raid|strike|storming|capture|recapture|fall|withdrawal|retreat|advance|"
    r"encirclement|liberation|siege)s?\Z", re.IGNORECASE)
# The noun's own phrase up to its predicate: "on Manbij", "by the SDF against IS".
_TAIL = (r"(?:\s+(?:on|against|towards?|into|at|in|near|around|by|of|from|to)\s+"
         r"[^,;.:!?()]{0,60}?)?\s+")
_BE = r"(?:is|was|are|were|'s|seems?|appears?|looks?|remains?)\s+(?:(?:now|still|also|" \
      r"reportedly|widely|already|soon|very)\s+){0,2}"
FORESEEN_AFTER = re.compile(
    rf"\A{_TAIL}{_BE}(?:expected|anticipated|imminent|impending|planned|scheduled|"
    r"forthcoming|looming|likely|on\s+the\s+cards|in\s+the\s+works|in\s+preparation|"
    r"(?:being|now\s+being)\s+(?:planned|prepared|readied)|coming|due)(?!\w)",
    re.IGNORECASE)
FORESEEN_BEFORE = re.compile(
    r"(?<!\w)(?:plan(?:s|ned|ning)?|prepar(?:e|es|ed|ing)|plot(?:s|ted|ting)?|"
    r"expect(?:s|ed|ing)?|anticipat(?:e|es|ed|ing)|read(?:y|ies|ied|ying)|"
    r"(?:gear(?:s|ed|ing)?\s+up|brac(?:e|es|ed|ing))\s+for)\s+"
    r"(?:(?:a|an|the|its|their|his|another|new|major|large|big|fresh|final|full-scale|"
    r"[\w-]+)\s+){1,3}\Z", re.IGNORECASE)
# "the attack ... did not happen", "never materialised", "was called off".
CALLED_OFF = re.compile(
    rf"\A{_TAIL}(?:(?:did|does|has|have|had)\s*(?:n[o']t|never)\s+(?:yet\s+|actually\s+|"
    r"really\s+|even\s+)?(?:happen|take\s+place|materiali[sz]e|occur|come|start|begin|"
    r"get\s+underway)"
    r"|never\s+(?:actually\s+|really\s+)?(?:happened|materiali[sz]ed|took\s+place|occurred|"
    r"came|started|began)"
    r"|fail(?:s|ed)?\s+to\s+(?:materiali[sz]e|happen|take\s+place|start|begin)"
    rf"|{_BE}(?:\w+ly\s+)?(?:called\s+off|cancell?ed|aborted|scrapped|shelved|"
    r"postponed\s+indefinitely|stillborn|a\s+no-show|never\s+launched|not\s+launched))(?!\w)",
    re.IGNORECASE)

# "the SAA called off the assault on X", "cancelled its offensive": the event was not made.
CALLED_OFF_BEFORE = re.compile(
    r"(?<!\w)(?:cancell?(?:ed|ing|s)?|call(?:ed|ing|s)?\s+off|scrap(?:ped|ping|s)?|"
    r"shelv(?:ed|ing|es)|postpon(?:ed|ing|es)|abort(?:ed|ing|s)?)\s+"
    r"(?:(?:a|an|the|its|their|his|planned|new|major|final|[\w-]+)\s+){1,3}\Z", re.IGNORECASE)


def event_fate(text: str, sentence: tuple[int, int], cue: tuple[int, int]) -> str:
    """"predicted" when the event noun at ``cue`` is expected or planned, "called off" when
    the sentence says it did not happen, else ""."""
    if not EVENT_NOUN.search(text, cue[0], cue[1]):
        return ""
    after = text[cue[1]: sentence[1]]
    if CALLED_OFF.match(after) or \
            CALLED_OFF_BEFORE.search(text, max(sentence[0], cue[0] - 50), cue[0]):
        return "called off"
    if FORESEEN_AFTER.match(after) or \
            FORESEEN_BEFORE.search(text, max(sentence[0], cue[0] - 50), cue[0]):
        return "predicted"
    return ""


__all__ = ["event_fate"]
