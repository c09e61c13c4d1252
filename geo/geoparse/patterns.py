"""Language data of the geoparser: the English cues it reads around a name, as regexes."""

from __future__ import annotations

import re
from collections.abc import Iterable

MAX_NAME_TOKENS = 6

# Words, with inner apostrophes ("Mare'a") but not the possessive ("Russia's" -> "Russia").
TOKEN = re.compile(r"[^\W\d_]+(?:['\u2019](?!s\b)[^\W\d_]+)*")
# What may separate the words of one name: "Deir ez-Zor", "Qara Qawzak".
JOINER = re.compile(r"^(?:[ \t]?[-\u2010\u2011]?[ \t]?|\u2013)$")  # an en dash unspaced
SENTENCE_END = re.compile(r"[.!?:;\"\u201d]\s*$|^\s*$|\n\s*(?:\d+\.|-)?\s*$")

LOCATIVE = {
    "in", "into", "to", "from", "through", "across", "off", "inside", "within", "throughout",
    "near", "at", "toward", "towards", "around", "outside", "via", "reach", "reached", "enter",
    "entered", "besieging", "besiege", "capture", "capturing", "captured", "take", "taking",
    "took", "taken", "attacking", "attack", "defend", "leave", "leaving", "left", "reinforce",
    # verbs of war reporting whose object is a place ("seized Shilallah al-Kabeera")
    "seized", "seize", "seizing", "recaptured", "recapture", "recapturing", "retook", "retake",
    "retaken", "stormed", "storming", "liberated", "liberating", "overran", "overrun",
    "besieged", "encircled", "shelled", "shelling",
}
TITLES = {
    "president", "general", "gen", "senator", "mr", "mrs", "ms", "dr", "king", "queen",
    "prince", "minister", "consul", "st", "saint", "sheikh", "colonel", "col", "sen", "gov",
    "governor", "ambassador", "secretary", "pope", "emperor", "sultan", "a", "an",
}
AGREEMENT_AFTER = re.compile(
    r"^[ \t-]*(?:II|III|IV|I|agreements?|accords?|protocols?|format|talks|process|deal|"
    r"treaty|memorandum|summit|conference|group|consensus)\b"
)
ORGANISATION_AFTER = re.compile(r"^[ \t]*(?:borg|establishment|elite|consensus|regime)\b", re.I)

# ACLED precision cues, read in a short window around the name.
NEAR_BEFORE = re.compile(
    r"(?:\bnear(?:by)?|\bclose to|\boutside(?: of)?|\boutskirts of|\bgates of(?: the (?:town|city)"
    r" of)?|\bedge of|\bapproaches to|\bkm (?:from|of)|\baround|\b(?:north|south|east|west|"
    r"north-?east|north-?west|south-?east|south-?west|[NSEW]{1,3})(?:ern)? of(?: the)?|"
    r"\bdirectly (?:north|south|east|west) of(?: the)?|\bvicinity of|\bsiege of)\s*(?:the\s+)?$",
    re.IGNORECASE,
)
AREA_BEFORE = re.compile(
    r"(?:\b(?:northern|southern|eastern|western|north-?eastern|north-?western|south-?eastern|"
    r"south-?western|central|rural|greater)|\b(?:area|territory|countryside|region|province) "
    r"(?:around|of)|\bthe area around|\broad (?:\w+ )?(?:to|between|from))\s*(?:the\s+)?$",
    re.IGNORECASE,
)
AREA_AFTER = re.compile(
    r"^[\s-]*(?:area|pocket|corner|region|countryside|outskirts|environs|district|front|sector|"
    r"salient|enclave)\b",
    re.IGNORECASE,
)
# "the Afrin YPG": a place name used to name a force stands for the area it holds.
FORCE_AFTER = re.compile(
    r"^[ \t]+(?:(?![NSEW]{1,3}\b)[A-Z]{2,5}\b(?! of)|forces\b|canton\b|front\b)")
# What joins two names that share the words before them: "around Azaz and Mareah".
CONJUNCTION = re.compile(r"^\s*(?:,|and|or|&|/)\s*(?:and\s+)?$")
# A state named as the subject of an act ("Syria will control its oil") is the state, not a place.
AGENT_AFTER = re.compile(
    r"^[ \t]+(?:will|would|must|should|can|could|agrees?|wants?|(?:re/)?opens?|controls?|"
    r"decided|demands?|supports?|refuses?|says|said|sends?|sent|threatens?|insists?)\b",
    re.IGNORECASE,
)
POSSESSIVE = re.compile(r"^['\u2019]s\b")
SPEAKER_AFTER = re.compile(
    r"^[ \t]+(?:said|says|stated|states|told|wrote|writes|added|asked|replied|argued|claimed|"
    r"claims|explained|noted|tweeted|posted|commented)\b")
RELATIVE = re.compile(
    r"^[ \t]+(?:(?P<km>\d+(?:\.\d+)?)\s*km\s+)?(?P<dir>north-?east|north-?west|south-?east|"
    r"south-?west|north|south|east|west|NNE|ENE|ESE|SSE|SSW|WSW|WNW|NNW|NE|NW|SE|SW|N|S|E|W)"
    r"(?:ern)?\s+of\s+(?:the\s+)?$",
    re.IGNORECASE,
)
BEARINGS = {
    "n": 0, "nne": 22.5, "ne": 45, "ene": 67.5, "e": 90, "ese": 112.5, "se": 135, "sse": 157.5,
    "s": 180, "ssw": 202.5, "sw": 225, "wsw": 247.5, "w": 270, "wnw": 292.5, "nw": 315,
    "nnw": 337.5, "north": 0, "northeast": 45, "east": 90, "southeast": 135, "south": 180,
    "southwest": 225, "west": 270, "northwest": 315,
}
URL = re.compile(r"\b(?:https?://|www\.)\S+", re.IGNORECASE)
ARTICLE_PREFIX = re.compile(r"\b(?:al|el|az|as|ar|ad|ash|at|an|ath)[-\u2010]$")
ANAPHOR = re.compile(
    r"\b(?:the|this|that)\s+(?:(?:large|big|small|whole|besieged|embattled|strategic)\s+)?"
    r"(city|town)\b", re.IGNORECASE)
ANAPHOR_REACH = 600  # characters back that "the city" may point to

# Where a capitalised TOKEN may start: a letter that starts a word (not after a letter, nor
# after a letter and an inner apostrophe) and is not an ASCII lower-case letter.  Lower-case
# words, most of any text, are skipped by the regex engine instead of one Python step each;
# ``_is_capitalised`` still decides for the rest ("é" is not a name).  The first character is
# tested first (a set the engine scans for: no ASCII lower case, no letter below U+00AA
# but A-Z), the look-behinds only at the few places it passes.
CAPITAL_START = (r"[A-Z\u00aa-\U0010ffff](?<=[^\W\d_a-z])(?<![^\W\d_].)"
                 r"(?<![^\W\d_]['\u2019].)")
# That letter and the rest of its TOKEN, in one match.
CAPITAL_TOKEN = re.compile(CAPITAL_START + r"[^\W\d_]*(?:['\u2019](?!s\b)[^\W\d_]+)*")
# The gap ``JOINER`` accepts between two words of a name, then the next word (its ``TOKEN``,
# group 1, read in the same match).  JOINER's ``$`` also matches before a final newline, so a
# name may continue on the next line.
JOINED_NEXT = re.compile(r"(?:[ \t]?[-\u2010\u2011]?[ \t]?|\u2013)\n?(" + TOKEN.pattern + ")")
# The word before a name, read backwards so that one anchored match does it: the same as
# searching r"([^\W\d_]+)[^\w\n]{0,3}$" forwards (whose "$" may also sit before a final
# newline), without trying every position of the window.
# (the end of a word with an inner apostrophe, "Ma'an", is no word of its own: not "an")
PREVIOUS_WORD_REVERSED = re.compile(r"\n?[^\w\n]{0,3}([^\W\d_]+)(?![^\W\d_]|['\u2019][^\W\d_])")
# A LOCATIVE word, then (looked ahead at, so that a capitalised "Reach" may itself be the next
# match's locative) a capitalised token in group 1: what ``_previous_word`` would find in
# LOCATIVE, found by the regex engine instead of at every capitalised word.


def _alternation(words: Iterable[str]) -> str:
    """A regex for any of ``words``, branching on the first letter, so that at each position
    of a text one or two branches are tried rather than every word (twice as fast here)."""
    by_first: dict[str, list[str]] = {}
    for word in words:
        by_first.setdefault(word[0], []).append(word[1:])
    branches = []
    for first, rests in sorted(by_first.items()):
        longer = sorted((r for r in rests if r), key=len, reverse=True)
        tail = "|".join(re.escape(r) for r in longer)
        optional = "?" if "" in rests else ""
        branches.append(re.escape(first) + (f"(?:{tail}){optional}" if tail else ""))
    return "|".join(branches)


def word_alternation(words: Iterable[str]) -> str:
    r"""A regex for ``\b(?:word|word|...)`` (the words in order), written so that it opens with
    the words' first letters, a set the engine scans for, and tests the word boundary behind
    each first letter ("H(?<=\bH)ill"): a pattern that opens with ``\b`` is tried at every
    position of a text.  The words of one first letter share a branch ("H(?<=\bH)(?:ill|otel)",
    in their order: words of other letters cannot match where they do), so that at each letter
    one branch is tried rather than every word (twice as fast)."""
    by_first: dict[str, list[str]] = {}
    for word in words:
        by_first.setdefault(word[0], []).append(re.escape(word[1:]))
    return "(?:" + "|".join(f"{re.escape(first)}(?<=\\b{re.escape(first)})(?:{'|'.join(rests)})"
                            for first, rests in by_first.items()) + ")"


AFTER_LOCATIVE = re.compile(r"(?<![^\W\d_])(?i:" + _alternation(LOCATIVE)
                            + r")[^\w\n]{0,3}\n?(?=(" + CAPITAL_TOKEN.pattern + "))")


# AFTER_LOCATIVE, read on the reversed text: there the capitalised token's first letter comes
# first, so the engine skips to the few letters that may start a token (a character set it
# scans for) instead of trying the locative words at every position of the text; the
# locative and the gap before the token are looked at, never consumed, so that a capitalised
# locative ("near To Aleppo") is itself found.  ``after_locatives`` (``geo.geoparse.repair``)
# gives what AFTER_LOCATIVE.finditer gives (``tests/test_geoparse_scanning.py``).  Before the
# alternation, the letter a locative ends with is tested as one case-insensitive set (the
# engine enters case-insensitive branches one by one even where their first letter differs:
# the set is a fifth of the scan less).
LOCATIVE_LAST_LETTERS = "".join(sorted({w[-1] for w in LOCATIVE}))
LOCATIVE_BEFORE_REVERSED = re.compile(
    r"[A-Z\u00aa-\U0010ffff](?<=[^\W\d_a-z])(?![^\W\d_]|['\u2019][^\W\d_])"
    r"(?=\n?[^\w\n]{0,3}(?=(?i:[" + LOCATIVE_LAST_LETTERS + r"]))"
    r"(?i:" + _alternation(w[::-1] for w in LOCATIVE) + r")(?![^\W\d_]))")
