"""How far a modality cue of ``data/modality.csv`` reaches (its ``scope`` column), on the
rule path; the parse path reads the same from the tree (``geo.claims.scope.modality``).

* ``verb``: a modal auxiliary or a verb of prospect or hedging governs the verb phrase that
  follows it (Quirk et al. 1985, 3.21-3.22, 4.49-4.58: "the SDF announced the offensive would
  continue" predicts the continuing, not a capture told before it); it colours an action cue
  only when it stands before the cue and no clause boundary lies between them, and the nearest
  one governs ("announced that ... would" is a future in the past, not a hedge: Quirk et al.
  1985, 4.59, 14.31);
* ``clause``: a conjunction of condition colours the clause it opens ("if", "whether");
* ``following``: a hedge of the writer ("I think", "the theory is that") colours its clause
  and what follows it up to the next strong break (its complement: Quirk et al. 1985,
  16.31-16.32);
* ``segment``: reporting cues ("according to", "said") colour every clause of their segment.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

SCOPES = ("verb", "clause", "following", "segment")

# What ends a verb phrase before the next clause: punctuation, and the conjunctions and
# relative words that open a clause of their own (Quirk et al. 1985, 14.12, 15.17-15.22).
BOUNDARY = re.compile(
    r"[,;:()\[\]]|(?<!\w)(?:until|till|after|before|when|whenever|while|since|because|once|"
    r"which|who|whom|whose|what|where|although|though|whereas|unless|if|whether)(?!\w)",
    re.IGNORECASE)


# A modal takes a bare infinitive, so a past-tense verb coordinated after its verb phrase is a
# clause of its own ("could not hold X and withdrew to Y": Quirk et al. 1985, 13.7, 13.96),
# unless the modal's verb is "be" or "have", whose participles coordinate ("could be
# surrounded and captured").
FINITE_CONJUNCT = re.compile(
    r"(?<!\w)(?:and|but|or|then)\s+(?:\w+ly\s+)?(?:\w+ed|took|retook|fled|withdrew|overran|"
    r"drove|fought|held|began|struck|fell|went|came|won|lost|left|sent|broke|shot|hit)(?!\w)",
    re.IGNORECASE)
AUXILIARY = re.compile(r"(?:\s+(?:not|never|\w+ly))*\s+(?:be|have|been|being)(?!\w)",
                       re.IGNORECASE)


# A modal after the cue colours it when the cue stands in the modal's subject ("a battle at
# X would herald ..."), not when a verb of saying or thinking, or a coordinator, comes between
# ("took X and said it would ...", "took X and would ..."): Quirk et al. 1985, 14.29-14.31.
_NOT_SUBJECT = re.compile(
    r"(?<!\w)(?:that|sa(?:id|ys|y)|announc\w*|stat(?:ed|es|e)|declar\w*|"
    r"warn\w*|promis\w*|pledg\w*|vow\w*|told|tells?|assur\w*|reassur\w*|claim\w*|"
    r"den(?:y|ies|ied)|think|thinks|thought|believ\w*|expect\w*|hop\w*|fear\w*)(?!\w)",
    re.IGNORECASE)
_COORDINATED = re.compile(r"(?<!\w)(?:and|but|or|then)\s+(?:\w+ly\s+)?$", re.IGNORECASE)


def modal_of(text: str, start: int, cue: int, end: int,
             verb: Mapping[str, re.Pattern[str]]) -> str:
    """The modality of the ``verb``-scope cue that governs the action cue at ``cue`` in the
    clause ``text[start:end]``: the nearest before it (``governing``), else the first after
    it whose subject holds the cue; "" when none does."""
    before = governing(text, start, cue, verb, end)
    if before:
        return before
    first: tuple[int, int, str] | None = None  # the modal ending first after the cue, the
    for name, pattern in verb.items():  # longest of those (it may hold the cue: "said the
        for match in pattern.finditer(text, start, end):  # attack would")
            if match.end() > cue:
                if first is None or (match.end(), match.start()) < first[:2]:
                    first = (match.end(), match.start(), name)
                break
    if first is None or first[2] == "reported":
        return ""
    between = re.sub(r"\S+\s*$", "", text[cue: first[0]])  # up to the modal word
    if BOUNDARY.search(between) or _NOT_SUBJECT.search(between) or \
            _COORDINATED.search(between):
        return ""
    return first[2]


def governing(text: str, start: int, cue: int, verb: Mapping[str, re.Pattern[str]],
              end: int | None = None) -> str:
    """The modality of the nearest ``verb``-scope cue in ``text[start:cue]`` that reaches the
    action cue at ``cue`` (none of ``BOUNDARY`` between them); "" when none does.  Of cues
    ending at the same place the longest wins ("announced that they would" over "would")."""
    best: tuple[int, int, str] | None = None
    for name, pattern in verb.items():
        for match in pattern.finditer(text, start, max(cue, end or cue)):  # (a lookahead
            if match.end() > cue:  # may read past the cue: "are to withdraw")
                break
            key = (match.end(), match.end() - match.start(), name)
            if best is None or key[:2] > best[:2]:
                best = key
    if best is None or BOUNDARY.search(text, best[0], cue) or \
            (FINITE_CONJUNCT.search(text, best[0], _word_end(text, cue)) and
             not AUXILIARY.match(text, best[0])):
        return ""
    return best[2]


# A clause with no subject and no finite verb of its own ("..., capturing X", "..., and to
# cut the road") continues the verb phrase before it and shares its modality (Quirk et al.
# 1985, 14.5-14.9: non-finite clauses take their time and mood from the clause they hang on).
NONFINITE = re.compile(r"[\s,;]*(?:(?:and|or|then)\s+)?(?:\w+ly\s+)?(?:to\s+\w+|\w+ing)(?!\w)",
                       re.IGNORECASE)


def carried(text: str, start: int, clause: int, verb: Mapping[str, re.Pattern[str]]) -> str:
    """The modality a non-finite clause at ``clause`` takes from the last ``verb``-scope cue
    before it in ``text[start:clause]``; "" when it is finite or none stands there."""
    if not NONFINITE.match(text, clause):
        return ""
    last: tuple[int, str] | None = None
    for name, pattern in verb.items():
        for match in pattern.finditer(text, start, clause):
            if last is None or match.end() > last[0]:
                last = (match.end(), name)
    return "" if last is None or last[1] == "reported" else last[1]


def _word_end(text: str, at: int) -> int:
    """The end of the word that starts at ``at``."""
    match = re.compile(r"[\w'-]*").match(text, at)
    return match.end() if match else at
