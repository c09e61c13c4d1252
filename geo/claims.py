"""Read claims out of comments: who did what, where, according to whom.

A claim ties an actor to places with an action, ACLED-like ("IS forces fleeing Manbij to the
west": ``is``/``flee``/``manbij``, origin Manbij).  The reading is rule-based so that every
claim points at the words it was read from, and a reader can see why:

* each entry is split into paragraphs (lines), sentences and clauses, offsets kept; the
  edges of a quotation always end a sentence;
* a clause is read when it holds an action cue (``data/actions.csv``) and a place mention;
* the actor is the nearest actor mention before the cue that is not the object of a
  preposition ("presumably with the agreement *of the US*" is not the subject).  Failing
  that, in this order: the agent of a passive ("was lifted *by SAA*"); for "these men" the
  latest armed group named in the paragraph or the one before; for "they"/"their" the
  latest subject there (never the verb's own object: "they pulled what *insurgents*", nor
  the object of another verb: "favoring *ISIL*"), else the entry's previous claim; the
  subject of an earlier clause of the same sentence ("Even if the SAA can't take Raqqa,
  just taking Tabaqa"); for an agentless passive the paragraph's actor ("Raqqa will be
  heavily defended. IS cannot ..."); for a cue used as a noun in a sentence naming no
  actor ("the much heralded attack on Raqqa") the actor of the entry's previous claim;
* a later cue with an actor of its own right before it is another claim ("IS was able to
  capture the territory *the non-IS jihadi forces occupied* around Azaz"); cues of
  different actions joined by "and"/"to" are separate claims of the same actor ("IS has
  taken most of that area and are nearly at the gates of Azaz");
* the action of a group of cues is the one listed first in ``actions.csv`` (so "leaving
  the siege of Azaz to reinforce Manbij" reads as a redeployment);
* places are the mentions around the cue; a clause that names none but says "there",
  "that territory", ... takes the latest place named before it in the paragraph; a clause
  whose next sentence only elaborates ("This is the area around Azaz") takes its places;
* for movements, "from X"/"out of X"/"leaving X" mark the origin and "to X"/"towards X"/
  "into X"/"reinforce X" the destination; "the Afrin YPG" pushing east starts from Afrin;
* the modality comes from ``data/modality.csv``, the first of questioned > speculative >
  predicted > reported whose cue is in the clause (a "?" in it or ending its segment, the
  stretch between ";", ":" or " - "), else elsewhere in the segment ("I get the impression
  that ..."; but "if" only counts in its own clause), else "reported";
* precision is the best of the place mentions' (a country named as the place is 3);
* inside a quotation the claim is the quoted author's; when the quoted entry already holds
  that claim it is not emitted again but listed in :attr:`ClaimReport.duplicates`;
* a claim made after quoting an earlier entry, with a contrast cue in it ("merely",
  "actually", "not", ...), about the same action or side near the same place, disputes the
  quoted claims (``disputes`` on it, ``disputed_by`` on them; its modality becomes
  "disputed" unless a cue gave it another).  Within one entry, a claim that contradicts the
  previous sentence's claim about the same actor and place with a contrast cue ("reports of
  IS forces fleeing Manbij. These are unconfirmed ... IS forces ... reinforce Manbij")
  disputes it too.

Everything is linear in the size of the thread: one regex pass per entry for the cues (its
branches dispatched on the first letter), mentions looked up by binary search, and pronouns
resolved within a bounded look-back.

>>> from geo.records import Entry, Mention
>>> text = "There are some reports of IS forces fleeing Manbij to the west."
>>> entry = Entry(id=0, kind="post", author="TTG", posted_at=None, text=text, start=0,
...               end=len(text))
>>> manbij = Mention("manbij", 0, 44, 50, "Manbij", 1.0)
>>> [(c.actor, c.action, c.origin, c.modality) for c in
...  extract_claims([entry], [manbij], load_lexicon().find(text, entry=0))]
[('is', 'flee', 'manbij', 'reported')]
"""

from __future__ import annotations

import bisect
import csv
import itertools
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from geo.factions import FactionLexicon, load_lexicon
from geo.gazetteer import DATA_DIR
from geo.records import ActorMention, Claim, Entry, Mention, Place, Quote

__all__ = [
    "ACTIONS_PATH",
    "MODALITY_PATH",
    "ActionLexicon",
    "ClaimReport",
    "Clause",
    "Cue",
    "Duplicate",
    "ModalityRules",
    "RulesError",
    "extract_claims",
    "extract_claims_report",
    "load_actions",
    "load_modality",
    "split_clauses",
]

ACTIONS_PATH = DATA_DIR / "actions.csv"
MODALITY_PATH = DATA_DIR / "modality.csv"

ACTIONS = ("capture", "advance", "attack", "besiege", "lift_siege", "defend", "withdraw",
           "flee", "redeploy", "cut_road", "control")
MODALITIES = ("questioned", "speculative", "predicted", "reported")
MOVEMENTS = frozenset({"advance", "attack", "withdraw", "flee", "redeploy"})
# How far back (in sentences) a movement's destination may find where it started.
LEG_SENTENCES = 2
# Cues of a condition colour only their own clause: "Even if the SAA can't take Raqqa, just
# taking Tabaqa ... will cut off ISIS" predicts the second part.
CONDITIONAL = frozenset({"if", "whether", "unless", "even if"})
# Actors that are states: "these men" (fighters) is read as an armed group, not a state.
STATES = frozenset({"turkey", "russia", "us", "iran", "israel", "saudi", "gcc", "nato"})
# How far back (in actor mentions or claims) a pronoun's antecedent is looked for.
LOOKBACK = 40
# Two places this close are one battle area for dispute linking (km).
NEAR_KM = 30.0
# Smaller is more specific: an origin/destination prefers the most specific place named.
KIND_RANK = {"facility": 0, "crossing": 0, "road": 1, "village": 1, "town": 2, "city": 3,
             "region": 4, "country": 5}

_PREPOSITIONS = (
    "of|with|against|from|to|for|by|between|among|amongst|than|like|about|on|at|into|"
    "towards?|over|under|via|without|in|along|across|through|near|around|behind|beyond|"
    "upon|onto|versus|vs"
)
_DETERMINERS = "the|a|an|their|its|his|her|our|some|many|these|those|all|both|other|any"
_AUXILIARIES = "is|are|was|were|be|been|being|has|have|had|will|would|can|could|may|might"
# An actor right after a preposition is an object ("of the US"), not the subject.
OBLIQUE = re.compile(
    rf"(?<![\w-])(?:{_PREPOSITIONS})\s+(?:(?:{_DETERMINERS})\s+)*[\"'\u201c\u2018(]?\Z",
    re.IGNORECASE,
)
# "Lavrov's pledge", "the moderates' very own campaign": a possessor is the agent.
POSSESSIVE = re.compile(r"\A['\u2019]s?[\"\u201d']?\s+(?:[\w-]+\s+){0,4}\Z")
GERUND = re.compile(r"\A\s+\w+ing(?!\w)", re.IGNORECASE)
GAP_PUNCT = re.compile(r"[,;:.!]|\?(?!\))")
PASSIVE = re.compile(
    r"(?<!\w)(?:is|are|was|were|be|been|being|get|gets|got)\s+(?:\w+ly\s+)?\w+\s*\Z",
    re.IGNORECASE,
)
PASSIVE_IN_CUE = re.compile(r"(?<!\w)(?:is|are|was|were|been|be)\s+(?:\w+\s+)?\w+\Z",
                            re.IGNORECASE)
AGENT = re.compile(r"\A\s+by\s+(?:(?:the|a|an)\s+)?(?:[\w-]+\s+){0,2}\Z", re.IGNORECASE)
PRONOUN = re.compile(r"(?<!\w)(?:they|them|their)(?!\w)", re.IGNORECASE)
MEN = re.compile(
    r"(?<!\w)(?:these|those|the same)\s+(?:\w+\s+)?(?:men|fighters|forces|troops|groups|units)"
    r"(?!\w)",
    re.IGNORECASE,
)
# "favoring ISIL", "driving the YPG Kurds": the object of a verb is no antecedent for "they".
VERB_OBJECT = re.compile(
    r"(?<!\w)(?!(?:during|nothing|something|anything|everything|morning|evening|thing|king)\s)"
    rf"\w+(?:ing|ed)\s+(?:(?:{_DETERMINERS})\s+)*[\"'\u201c]?\Z",
    re.IGNORECASE,
)
RELATIVE = re.compile(r"\A\W*(?:which|that|what)(?!\w)", re.IGNORECASE)
NOMINAL = re.compile(
    rf"(?<!\w)(?:the|a|an|this|that|its|their|his|her)\s+(?:(?!(?:{_AUXILIARIES})\s)"
    r"[\w-]+\s+){0,5}\Z",
    re.IGNORECASE,
)
ANAPHOR = re.compile(
    r"(?<!\w)(?:there|here|it all|(?:this|that|these|those|the same)\s+(?:\w+\s+)?"
    r"(?:area|areas|territory|territories|place|places|city|town|village|region|province|"
    r"pocket|front|crossings?|crossing points?|road|route|base|airport|positions?))(?!\w)",
    re.IGNORECASE,
)
# The words that say which way a borrowed place was travelled: "out of the ... area".
_AREA = (r"(?:(?:(?:the|that|this|these|those)\s+)?(?:[\w-]+\s+){0,4}?(?:area|territory|"
         r"region|pocket|province|city|town|front)|there)")
ORIGIN_PHRASE = re.compile(rf"(?<!\w)(?:from|out\s+of|leav(?:e|es|ing))\s+{_AREA}(?!\w)",
                           re.IGNORECASE)
DESTINATION_PHRASE = re.compile(rf"(?<!\w)(?:to|towards?|into)\s+{_AREA}(?!\w)", re.IGNORECASE)
# "presumably with the agreement of the US", "with American air support": a co-actor.
CO_ACTOR_OF = re.compile(
    r"(?<!\w)with\s+(?:the\s+)?(?:(?:tacit|full|active|silent)\s+)?(?:agreement|support|help|"
    r"backing|approval|blessing|complicity|consent|assistance|connivance|cooperation)\s+of\s+"
    r"(?:the\s+)?\Z",
    re.IGNORECASE,
)
CO_ACTOR_WITH = re.compile(r"(?<!\w)with\s+(?:the\s+)?\Z", re.IGNORECASE)
CO_ACTOR_AFTER = re.compile(
    r"\A(?:'s)?\s+(?:(?:air|military|naval|tacit|full)\s+)?(?:support|help|backing|cover|"
    r"approval|blessing|agreement)(?!\w)",
    re.IGNORECASE,
)
AIR = re.compile(r"\A(?:'s)?\s+air\s+(?:support|cover)", re.IGNORECASE)
# "the rerouting of foreign jihadis": the moved party of a nominalised movement.
MOVED = re.compile(r"\A\s+of\s+(?:the\s+)?(?:[\w-]+\s+)?\Z", re.IGNORECASE)
NOUN_CUE = re.compile(r"(?:ing|ion|al|ment)\Z", re.IGNORECASE)
ORIGIN = re.compile(
    r"(?<!\w)(?:from|out\s+of|leav(?:e|es|ing)|fle(?:e|es|eing)|fled|evacuat\w*|abandon\w*)"
    r"\s+(?:(?:the|its|their)\s+)?(?:siege\s+of\s+)?(?:(?:the\s+)?(?:city|town|village|area|"
    r"province|region|governorate)\s+of\s+)?\Z",
    re.IGNORECASE,
)
DESTINATION = re.compile(
    r"(?<!\w)(?:to|towards?|into|onto|reinforc\w*|at\s+the\s+gates\s+of)\s+(?:(?:the|its)\s+)?"
    r"(?:(?:city|town|village|area|province|region|governorate)\s+of\s+)?\Z",
    re.IGNORECASE,
)
FORCED_OUT = re.compile(r"(?:driv\w*|drove|push\w*|kick\w*|chas\w*)\s.*out\s+of\s", re.I | re.S)
LIST_JOIN = re.compile(r"\A\s*(?:/|,|and|or|&)\s*\Z", re.IGNORECASE)
COORDINATION = re.compile(r"(?<!\w)(?:and|to)(?!\w)", re.IGNORECASE)

ABBREVIATIONS = frozenset({"st", "mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt",
                           "sgt", "e.g", "i.e", "u.s", "p.s", "vs", "no", "approx", "cf"})
SENTENCE_END = re.compile(r"[.!?]+[\"'\u201d\u2019)\]]*(?=\s)")
CLAUSE_BREAK = re.compile(r";|:(?=\s)|\s[-\u2013\u2014]+\s|\u2014|,(?=\s)|\.\.\.+")
TRIM = " \t\r\n\"'\u201c\u201d\u2018\u2019.,;:-\u2013\u2014"


class RulesError(ValueError):
    """A problem in actions.csv or modality.csv, naming the line so it can be fixed."""


# --- rule files ---------------------------------------------------------------------------


def _spaces(pattern: str) -> str:
    """A space in a pattern matches any whitespace; capturing groups become non-capturing."""
    out: list[str] = []
    in_class = escaped = False
    for index, char in enumerate(pattern):
        if escaped:
            out.append(char)
            escaped = False
        elif char == "\\":
            out.append(char)
            escaped = True
        elif in_class:
            in_class = char != "]"
            out.append(char)
        elif char == "[":
            in_class = True
            out.append(char)
        elif char == " ":
            out.append(r"\s+")
        elif char == "(" and pattern[index + 1: index + 2] != "?":
            out.append("(?:")
        else:
            out.append(char)
    return "".join(out)


def _starts_word(pattern: str) -> bool:
    return bool(re.match(r"\w|\\w|\((?:\?:)?\w", pattern))


def _edge(pattern: str) -> str:
    """Whole words only: a pattern that starts with a letter must start a word."""
    return (r"(?<!\w)" if _starts_word(pattern) else "") + "(?:" + pattern + r")(?!\w)"


def _rows(path: Path, columns: tuple[str, ...]) -> list[tuple[int, dict[str, str]]]:
    try:
        handle = path.open(encoding="utf-8", newline="")
    except OSError as exc:
        raise RulesError(f"cannot read {path}: {exc}") from exc
    rows: list[tuple[int, dict[str, str]]] = []
    with handle:
        reader = csv.DictReader(handle)
        missing = [c for c in columns if c not in (reader.fieldnames or [])]
        if missing:
            raise RulesError(f"{path}: missing column(s) {', '.join(missing)}")
        for row in reader:
            values = {c: (row.get(c) or "").strip() for c in columns}
            if any(values.values()):
                rows.append((reader.line_num, values))
    return rows


def _compile(path: Path, line: int, what: str, text: str) -> str:
    body = _edge(_spaces(text))
    try:
        re.compile(body)
    except re.error as exc:
        raise RulesError(f"{path}, line {line}: {what} {text!r} is not valid: {exc}") from exc
    return body


@dataclass(frozen=True, slots=True)
class Cue:
    """One action cue found in a text (offsets into that text)."""

    action: str
    start: int
    end: int


@dataclass(frozen=True)
class ActionLexicon:
    """The cues of ``actions.csv`` as one regex; ``priority`` ranks actions by first row."""

    pattern: re.Pattern[str]
    groups: tuple[str, ...]  # the action of row i (regex groups "g<i>_<letter>")
    priority: Mapping[str, int]

    def cues(self, text: str, start: int = 0, end: int | None = None) -> list[Cue]:
        """Every cue in ``text[start:end]``, left to right, offsets into ``text``."""
        found: list[Cue] = []
        for match in self.pattern.finditer(text, start, len(text) if end is None else end):
            if match.lastgroup is not None:
                number = match.lastgroup[1:].partition("_")[0]
                found.append(Cue(self.groups[int(number)], *match.span()))
        return found

    def main(self, cues: Sequence[Cue]) -> str:
        """The action a group of cues stands for: the one listed first in the CSV."""
        return min((c.action for c in cues), key=lambda a: self.priority.get(a, len(ACTIONS)))


@dataclass(frozen=True)
class ModalityRules:
    """The cues of ``modality.csv``: per modality, cues for any scope and clause-only ones."""

    cues: Mapping[str, re.Pattern[str]]
    local: Mapping[str, re.Pattern[str]]
    contrast: re.Pattern[str] | None

    def modality(self, clause: str, segment: str, question: str) -> str:
        """The modality of a clause, "" when no cue says (the caller's default applies).

        ``question`` is the clause up to the end of its segment (a "?" there questions it);
        ``segment`` the rest of the sentence between strong breaks, whose cues count when
        the clause has none, except conditional ones ("if") that only bind their clause.
        """
        for name in MODALITIES:
            if name == "questioned":
                rule = self.cues.get(name)
                if rule is not None and rule.search(question):
                    return name
                continue
            for rules in (self.cues, self.local):
                rule = rules.get(name)
                if rule is not None and rule.search(clause):
                    return name
        for name in MODALITIES[1:]:
            rule = self.cues.get(name)
            if rule is not None and rule.search(segment):
                return name
        return ""

    def contrasts(self, text: str) -> bool:
        """Whether ``text`` holds a contrast cue (the "disputed" rows)."""
        return bool(self.contrast and self.contrast.search(text))


def _closing(pattern: str, opening: int) -> int:
    """Index of the parenthesis closing the one at ``opening`` (-1 if unbalanced)."""
    depth, index, in_class = 0, opening, False
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return index
        index += 1
    return -1


def _alternatives(pattern: str) -> list[str]:
    """The top-level ``|`` alternatives of a pattern."""
    out: list[str] = []
    depth, start, index, in_class = 0, 0, 0, False
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char in "()":
            depth += 1 if char == "(" else -1
        elif char == "|" and depth == 0:
            out.append(pattern[start:index])
            start = index + 1
        index += 1
    out.append(pattern[start:])
    return out


def _heads(pattern: str) -> set[str] | None:
    """The letters a pattern can start with, or None when that is not plain to see."""
    options = _alternatives(pattern)
    if len(options) > 1:
        letters: set[str] = set()
        for option in options:
            heads = _heads(option)
            if heads is None:
                return None
            letters |= heads
        return letters
    if pattern[:1].isascii() and pattern[:1].isalpha():
        return None if pattern[1:2] in ("?", "*", "{") else {pattern[0].lower()}
    if pattern.startswith("(?:"):
        end = _closing(pattern, 0)
        inner = _heads(pattern[3:end]) if end > 0 else None
        if inner is None or pattern[end + 1: end + 2] == "{":
            return None
        if pattern[end + 1: end + 2] in ("?", "*"):
            rest = _heads(pattern[end + 2:])
            return None if rest is None else inner | rest
        return inner
    return None


def _read_actions(path: Path) -> ActionLexicon:
    """One regex for all cues, dispatched on the first letter (six times faster).

    Each pattern sits, in CSV order, in the branch of every letter it can start with, so
    which row wins at a given place is exactly as if the rows were tried one by one.
    """
    by_letter: dict[str, list[str]] = {}
    anywhere: list[str] = []
    groups: list[str] = []
    priority: dict[str, int] = {}
    for line, row in _rows(path, ("action", "pattern", "source")):
        action, pattern = row["action"], row["pattern"]
        if action not in ACTIONS:
            raise RulesError(f"{path}, line {line}: unknown action {action!r} "
                             f"(one of {', '.join(ACTIONS)})")
        if not pattern:
            raise RulesError(f"{path}, line {line}: the pattern column is empty")
        _compile(path, line, "pattern", pattern)
        number = len(groups)
        groups.append(action)
        priority.setdefault(action, len(priority))
        body = _spaces(pattern)
        heads = _heads(pattern) if _starts_word(pattern) else None
        if heads is None:
            anywhere.append(f"(?P<g{number}_>{_edge(body)})")
            for letter, branch in by_letter.items():  # keep its rank in every branch
                branch.append(f"(?P<g{number}_{letter}>{_edge(body)})")
            continue
        for letter in heads:
            branch = by_letter.setdefault(letter, [])
            if not branch:  # a new letter inherits the patterns that fit anywhere
                branch.extend(p.replace("_>", f"_{letter}>", 1) for p in anywhere)
            branch.append(f"(?P<g{number}_{letter}>{body}(?!\\w))")
    if not groups:
        raise RulesError(f"{path}: no action patterns")
    parts = [f"(?=[{letter}])(?:{'|'.join(branch)})"
             for letter, branch in sorted(by_letter.items())]
    parts = [r"(?<!\w)(?:" + "|".join(parts) + ")"] if parts else []
    if anywhere:
        letters = "".join(sorted(by_letter))
        parts.append((f"(?![{letters}])" if letters else "")
                     + "(?:" + "|".join(anywhere) + ")")
    return ActionLexicon(re.compile("|".join(parts), re.IGNORECASE), tuple(groups), priority)


def _read_modality(path: Path) -> ModalityRules:
    general: dict[str, list[str]] = {}
    local: dict[str, list[str]] = {}
    for line, row in _rows(path, ("modality", "cue", "source")):
        name, cue = row["modality"], row["cue"]
        if name not in (*MODALITIES, "disputed"):
            raise RulesError(f"{path}, line {line}: unknown modality {name!r} "
                             f"(one of {', '.join((*MODALITIES, 'disputed'))})")
        if not cue:
            raise RulesError(f"{path}, line {line}: the cue column is empty")
        target = local if cue.lower() in CONDITIONAL else general
        _compile(path, line, "cue", cue)  # names the line of a cue that is not a valid regex
        target.setdefault(name, []).append(_spaces(cue))

    def build(table: dict[str, list[str]]) -> dict[str, re.Pattern[str]]:
        r"""One regex per modality.  Only whether it matches is asked, so the cues that start
        a word share one ``(?<!\w)``: the same matches as one ``_edge`` per cue, but a search
        gives up at once inside a word, where most positions of a text are."""
        rules: dict[str, re.Pattern[str]] = {}
        for name, bodies in table.items():
            words = [b for b in bodies if _starts_word(b)]
            parts = [_edge(b) for b in bodies if not _starts_word(b)]
            if words:
                parts.insert(0, r"(?<!\w)(?:" + "|".join(f"(?:{b})" for b in words)
                             + r")(?!\w)")
            rules[name] = re.compile("|".join(parts), re.IGNORECASE)
        return rules

    cues = build(general)
    contrast = cues.pop("disputed", None)
    return ModalityRules(cues, build(local), contrast)


@lru_cache(maxsize=8)
def _actions_cached(path: str, mtime_ns: int) -> ActionLexicon:
    return _read_actions(Path(path))


@lru_cache(maxsize=8)
def _modality_cached(path: str, mtime_ns: int) -> ModalityRules:
    return _read_modality(Path(path))


def _stamp(path: Path) -> tuple[str, int]:
    try:
        return str(path.resolve()), path.stat().st_mtime_ns
    except OSError as exc:
        raise RulesError(f"cannot read {path}: {exc}") from exc


def load_actions(path: Path | None = None) -> ActionLexicon:
    """The action lexicon (default ``data/actions.csv``), read once per file version."""
    return _actions_cached(*_stamp(Path(path) if path else ACTIONS_PATH))


def load_modality(path: Path | None = None) -> ModalityRules:
    """The modality cues (default ``data/modality.csv``), read once per file version."""
    return _modality_cached(*_stamp(Path(path) if path else MODALITY_PATH))


# --- sentences and clauses ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Clause:
    """A clause of an entry's text, with the sentence, segment and paragraph around it.

    A *segment* is the stretch of the sentence between strong breaks (";", ":", " - "):
    what a question mark at its end questions.
    """

    start: int
    end: int
    sentence: int
    paragraph: int
    sentence_start: int
    sentence_end: int
    segment_start: int
    segment_end: int


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in TRIM:
        start += 1
    while end > start and text[end - 1] in TRIM:
        end -= 1
    return start, end


def _sentence_ends(text: str, start: int, end: int) -> list[int]:
    """Where sentences end inside one line: after ., ! or ? unless an abbreviation."""
    ends: list[int] = []
    for match in SENTENCE_END.finditer(text, start, end):
        word = re.search(r"([\w.]+)\Z", text[max(start, match.start() - 12): match.start()])
        if match.group().startswith(".") and word and \
                word.group(1).strip(".").lower() in ABBREVIATIONS:
            continue
        following = re.match(r"\s*(\S)", text[match.end(): match.end() + 40])
        if following and following.group(1).islower():
            continue
        ends.append(match.end())
    return ends


def split_clauses(text: str, quotes: Sequence[Quote] = ()) -> list[Clause]:
    """The clauses of ``text`` in order; a line break or a quotation's edge ends a sentence."""
    hard = sorted({q.start for q in quotes} | {q.end for q in quotes})
    clauses: list[Clause] = []
    sentence = 0
    line_start = 0
    for paragraph, line in enumerate(text.split("\n")):
        line_end = line_start + len(line)
        cuts = set(_sentence_ends(text, line_start, line_end))
        cuts.update(h for h in hard if line_start < h < line_end)
        bounds = [line_start, *sorted(cuts), line_end]
        for s_start, s_end in itertools.pairwise(bounds):
            a, b = _trimmed(text, s_start, s_end)
            if a >= b:
                continue
            pieces = [a]
            strong_starts, strong_ends = [a], [a]
            for match in CLAUSE_BREAK.finditer(text, a, b):
                pieces.extend(match.span())
                if match.group() != ",":  # a comma is the only weak break
                    strong_starts.append(match.start())
                    strong_ends.append(match.end())
            pieces.append(b)
            strong_starts.append(b)
            strong_ends.append(b)
            for c_start, c_end in zip(pieces[::2], pieces[1::2], strict=False):
                x, y = _trimmed(text, c_start, c_end)
                if x >= y:
                    continue
                seg_start = strong_ends[bisect.bisect_right(strong_ends, x) - 1]
                seg_end = strong_starts[bisect.bisect_left(strong_starts, y)]
                clauses.append(Clause(x, y, sentence, paragraph, a, b, seg_start, seg_end))
            sentence += 1
        line_start = line_end + 1
    return clauses


# --- results ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Duplicate:
    """A claim read inside a quotation that repeats the quoted entry's claim ``original``.

    ``entry``/``start``/``end`` locate the quoted words in the quoting entry; ``author`` is
    the quoted author.  The claim itself is counted once, as ``original``.
    """

    entry: int
    start: int
    end: int
    author: str
    original: str


@dataclass(slots=True)
class ClaimReport:
    """The claims, and the quoted repetitions that were linked instead of counted."""

    claims: list[Claim] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)


# --- reading one entry --------------------------------------------------------------------


@dataclass(slots=True)
class _Event:
    cues: list[Cue]
    start: int
    subject: ActorMention | None


@dataclass(slots=True)
class _Context:
    entries: dict[int, Entry]
    actions: ActionLexicon
    modality: ModalityRules
    lexicon: FactionLexicon
    places: Mapping[str, Place]
    report: ClaimReport
    by_entry: dict[int, list[Claim]] = field(default_factory=dict)
    defaults: set[str] = field(default_factory=set)  # claims whose modality no cue set
    sentences: dict[str, tuple[int, int]] = field(default_factory=dict)


def _between(items: Sequence, starts: Sequence[int], lo: int, hi: int) -> list:
    """Items (sorted by start) that lie inside [lo, hi)."""
    out = []
    for index in range(bisect.bisect_left(starts, lo), len(items)):
        item = items[index]
        if item.start >= hi:
            break
        if item.end <= hi:
            out.append(item)
    return out


def _oblique(text: str, mention: ActorMention, floor: int) -> bool:
    return bool(OBLIQUE.search(text, max(floor, mention.start - 40), mention.start))


def _words(text: str) -> int:
    return len(re.findall(r"[\w'/-]+", text))


def _subject(text: str, actors: Sequence[ActorMention], lo: int, cue: Cue, *,
             strict: bool) -> ActorMention | None:
    """The nearest non-oblique actor before the cue; ``strict`` wants it right before it."""
    candidates = [m for m in actors if lo <= m.start and m.end <= cue.start]
    for mention in reversed(candidates):
        gap = text[mention.end: cue.start]
        if POSSESSIVE.match(gap):
            return mention
        if _oblique(text, mention, lo):
            continue
        if strict and (_words(gap) > 6 or GAP_PUNCT.search(gap)):
            return None
        return mention
    if candidates and not strict:  # "reports of IS forces fleeing": the gerund's subject
        last = candidates[-1]
        gap = text[last.end: cue.start]
        words = _words(gap)
        if not GAP_PUNCT.search(gap) and (words <= 2 or (words <= 6 and GERUND.match(gap))):
            return last
    return None


def _events(text: str, clause: Clause, cues: list[Cue],
            actors: Sequence[ActorMention]) -> list[_Event]:
    """Group a clause's cues by subject: a new subject right before a cue starts a claim."""
    events: list[_Event] = []
    for cue in cues:
        if not events:
            subject = _subject(text, actors, clause.start, cue, strict=False)
            start = subject.start if subject is not None else clause.start
            events.append(_Event([cue], min(start, cue.start), subject))
            continue
        current = events[-1]
        subject = _subject(text, actors, current.cues[-1].end, cue, strict=True)
        if subject is not None and (current.subject is None
                                    or subject.actor != current.subject.actor):
            events.append(_Event([cue], subject.start, subject))
        else:
            current.cues.append(cue)
    return events


def _coordinated(text: str, actions: ActionLexicon, cues: list[Cue]) -> list[list[Cue]]:
    """Split cues of different actions joined by "and"/"to" ("taken X and are at Y")."""
    groups: list[list[Cue]] = [[cues[0]]]
    for cue in cues[1:]:
        gap = text[groups[-1][-1].end: cue.start]
        if cue.action != actions.main(groups[-1]) and COORDINATION.search(gap) \
                and not GAP_PUNCT.search(gap):
            groups.append([cue])
        else:
            groups[-1].append(cue)
    return groups


def _distance_km(a: Place, b: Place) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = (math.sin((lat2 - lat1) / 2) ** 2
         + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2)
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _overlap(a: Sequence[str], b: Sequence[str], places: Mapping[str, Place]) -> bool:
    """Same place, or two places (not countries) within NEAR_KM of each other."""
    if set(a) & set(b):
        return True
    for x in a:
        for y in b:
            px, py = places.get(x), places.get(y)
            if px and py and "country" not in (px.kind, py.kind) \
                    and _distance_km(px, py) <= NEAR_KM:
                return True
    return False


class _EntryReader:
    """Reads one entry's clauses into claims."""

    def __init__(self, ctx: _Context, entry: Entry, mentions: list[Mention],
                 actors: list[ActorMention]) -> None:
        self.ctx = ctx
        self.entry = entry
        self.text = entry.text
        self.mentions = mentions
        self.mention_starts = [m.start for m in mentions]
        self.actors = actors
        self.actor_starts = [m.start for m in actors]
        self.clauses = split_clauses(entry.text, entry.quotes)
        self.by_sentence: dict[int, list[Clause]] = {}
        self.paragraph_start: dict[int, int] = {}
        for clause in self.clauses:
            self.by_sentence.setdefault(clause.sentence, []).append(clause)
            self.paragraph_start.setdefault(clause.paragraph, clause.start)
        self.clause_starts = [c.start for c in self.clauses]
        self._cues = self._all_cues()
        self.claims: list[Claim] = []
        self.last_in_paragraph: dict[int, Claim] = {}
        self.sentence_claims: dict[int, list[Claim]] = {}
        self.sentence_of: dict[str, tuple[int, int]] = {}  # claim id -> (sentence, paragraph)

    # -- lookups --

    def _all_cues(self) -> dict[int, list[Cue]]:
        """Cues per clause (keyed by clause start) from one pass over the whole text.

        A cue that straddles a clause edge is dropped and the clauses it touches are
        scanned on their own, so the result is what scanning each clause would give.
        """
        actions = self.ctx.actions
        found: dict[int, list[Cue]] = {c.start: [] for c in self.clauses}
        rescan: set[int] = set()
        for cue in actions.cues(self.text):
            index = max(0, bisect.bisect_right(self.clause_starts, cue.start) - 1)
            clause = self.clauses[index] if self.clauses else None
            if clause is not None and clause.start <= cue.start and cue.end <= clause.end:
                found[clause.start].append(cue)
                continue
            for other in self.clauses[index: index + 3]:
                if other.start < cue.end and cue.start < other.end:
                    rescan.add(other.start)
        for clause in self.clauses:
            if clause.start in rescan:
                found[clause.start] = actions.cues(self.text, clause.start, clause.end)
        return found

    def _actors_in(self, lo: int, hi: int) -> list[ActorMention]:
        return _between(self.actors, self.actor_starts, lo, hi)

    def _places_in(self, lo: int, hi: int, actor: ActorMention | None) -> list[Mention]:
        found = _between(self.mentions, self.mention_starts, lo, hi)
        if actor is not None:  # "Turkey" the actor is no place; "Afrin YPG" still names one
            found = [m for m in found if not (m.start <= actor.start and actor.end <= m.end)]
        return found

    def _clause_at(self, offset: int) -> Clause:
        return self.clauses[max(0, bisect.bisect_right(self.clause_starts, offset) - 1)]

    def _is_subject(self, mention: ActorMention) -> bool:
        return not _oblique(self.text, mention, self._clause_at(mention.start).start)

    # -- the actor --

    def _antecedent(self, clause: Clause, *, fighters: bool,
                    exclude: set[str]) -> ActorMention | None:
        """The latest actor a pronoun can mean, in the clause's paragraph or the one before.

        For "they" that is the latest subject-like mention (not after a preposition nor a
        verb: "favoring ISIL"); for "these men" the latest armed group, even as an object.
        """
        first = self.paragraph_start.get(clause.paragraph - 1,
                                         self.paragraph_start[clause.paragraph])
        stop = bisect.bisect_left(self.actor_starts, clause.start)
        for index in range(stop - 1, max(-1, stop - 1 - LOOKBACK), -1):
            mention = self.actors[index]
            if mention.start < first:
                break
            if mention.actor in exclude:
                continue
            if fighters:
                if mention.actor not in STATES:
                    return mention
            elif self._is_subject(mention) and not VERB_OBJECT.search(
                    self.text, max(0, mention.start - 40), mention.start):
                return mention
        return None

    def _agent(self, event: _Event, end: int) -> ActorMention | None:
        """The agent of a passive: "the siege ... was lifted by SAA"."""
        text = self.text
        for cue in event.cues:
            passive = PASSIVE.search(text, max(0, cue.start - 40), cue.end) or \
                PASSIVE_IN_CUE.search(text[cue.start: cue.end])
            if not passive:
                continue
            for mention in self._actors_in(cue.end, end):
                if AGENT.match(text[cue.end: mention.start]):
                    return mention
        return None

    def _passive(self, event: _Event) -> bool:
        return any(PASSIVE.search(self.text, max(0, c.start - 40), c.end)
                   or PASSIVE_IN_CUE.search(self.text[c.start: c.end]) for c in event.cues)

    def _resolve(self, clause: Clause, event: _Event,
                 event_end: int) -> tuple[ActorMention | None, str | None]:
        """The actor of an event: a mention, or the id of an earlier claim's actor."""
        text = self.text
        if event.subject is not None:
            return event.subject, None
        agent = self._agent(event, event_end)
        if agent is not None:
            return agent, None
        first = event.cues[0]
        head = text[clause.start: first.start]
        objects = {m.actor for m in self._actors_in(first.start, clause.end)
                   if not _oblique(text, m, first.start)}  # "they pulled what insurgents"
        if MEN.search(head):
            found = self._antecedent(clause, fighters=True, exclude=objects)
            if found is not None:
                return found, None
        if PRONOUN.search(head):
            found = self._antecedent(clause, fighters=False, exclude=objects)
            if found is not None:
                return found, None
            for claim in reversed(self.claims[-LOOKBACK:]):
                if claim.actor not in objects:
                    return None, claim.actor
        earlier = [c for c in self.by_sentence[clause.sentence] if c.end <= clause.start]
        if earlier:
            previous = self.sentence_claims.get(clause.sentence, [])
            if previous and RELATIVE.search(text[clause.start: clause.end]):
                return None, previous[-1].actor  # "..., which allowed ...": the same event
            for prior in reversed(earlier):
                for mention in reversed(self._actors_in(prior.start, prior.end)):
                    if not _oblique(text, mention, prior.start):
                        return mention, None
            if previous:
                return None, previous[-1].actor
        if self._passive(event):  # "Raqqa will be heavily defended. IS cannot ..."
            if clause.paragraph in self.last_in_paragraph:
                return None, self.last_in_paragraph[clause.paragraph].actor
            for index in range(bisect.bisect_right(self.clause_starts, clause.start),
                               len(self.clauses)):
                later = self.clauses[index]
                if later.paragraph != clause.paragraph:
                    break
                for mention in self._actors_in(later.start, later.end):
                    if not _oblique(text, mention, later.start):
                        return mention, None
        if self.claims and NOMINAL.search(text, max(clause.start, first.start - 60), first.start) \
                and not self._actors_in(clause.sentence_start, clause.sentence_end):
            return None, self.claims[-1].actor  # an agentless "attack on Raqqa": the topic
        return None, None

    # -- the places --

    def _event_places(self, clause: Clause, event: _Event, lo: int, hi: int, following: int,
                      actor: ActorMention | None) -> tuple[list[Mention], int, bool]:
        """Place mentions of an event, where its claim starts, and whether they are borrowed."""
        text = self.text
        found = self._places_in(event.start, hi, actor)
        if found:
            return found, clause.start, False
        if following < clause.end:  # "capture the territory [the rebels occupied] around X"
            gap = text[event.cues[-1].end: following]
            if _words(gap) <= 5 and not GAP_PUNCT.search(gap):
                found = self._places_in(following, clause.end, actor)
                if found:
                    return found, clause.start, False
        if actor is not None and clause.sentence_start <= actor.start < clause.start:
            found = self._places_in(actor.start, clause.start, actor)
            if found:
                return found, actor.start, False
        if ANAPHOR.search(text, lo, hi):  # "from there": the latest place named before
            index = bisect.bisect_left(self.mention_starts, event.start) - 1
            while index >= 0 and self.mentions[index].end > event.start:
                index -= 1
            if index >= 0 and self.mentions[index].start >= self.paragraph_start[clause.paragraph]:
                return [self.mentions[index]], clause.start, True
        # "... out of the defended area along the border. This is the area around Azaz."
        nxt = self.by_sentence.get(clause.sentence + 1, [])
        if nxt and nxt[0].paragraph == clause.paragraph and not any(
                self._cues[c.start] for c in nxt):
            found = self._places_in(nxt[0].start, nxt[-1].end, None)
            if found:
                return found, clause.start, True
        return [], clause.start, False

    def _roles(self, mentions: list[Mention], lo: int, hi: int, borrowed: bool,
               subject: ActorMention | None) -> tuple[Mention | None, Mention | None]:
        """Origin and destination mentions, from the words before each place."""
        text = self.text
        if borrowed:  # the place stands in for "out of the ... area" / "from there"
            origin = mentions[0] if ORIGIN_PHRASE.search(text, lo, hi) else None
            destination = mentions[0] if DESTINATION_PHRASE.search(text, lo, hi) else None
            return origin, destination
        origins: list[Mention] = []
        destinations: list[Mention] = []
        previous: tuple[Mention, str] | None = None
        for mention in mentions:
            before = text[max(lo, mention.start - 60): mention.start]
            role = ""
            if ORIGIN.search(before):
                role = "" if FORCED_OUT.search(before) else "origin"
            elif DESTINATION.search(before):
                role = "destination"
            elif previous and LIST_JOIN.match(text[previous[0].end: mention.start]):
                role = previous[1]
            elif subject is not None and subject.start <= mention.start and \
                    mention.end <= subject.end:
                role = "home"  # "the Afrin YPG ... push to the east"
            if role == "origin":
                origins.append(mention)
            elif role == "destination":
                destinations.append(mention)
            elif role == "home" and not origins:
                origins.append(mention)
            previous = (mention, role) if role in ("origin", "destination") else None
        return self._specific(origins), self._specific(destinations)

    def _specific(self, mentions: list[Mention]) -> Mention | None:
        if not mentions:
            return None
        places = self.ctx.places
        return min(mentions, key=lambda m: KIND_RANK.get(
            places[m.place].kind if m.place in places else "", KIND_RANK["city"]))

    def _precision(self, mentions: list[Mention]) -> int:
        """ACLED precision: the best mention's; a country named as the place is 3."""
        best = 3
        for mention in mentions:
            place = self.ctx.places.get(mention.place)
            value = max(mention.precision, 3 if place and place.kind == "country" else 1)
            best = min(best, value)
        return max(1, best)

    # -- the claim --

    def _modality(self, clause: Clause, start: int) -> str:
        text = self.text
        return self.ctx.modality.modality(
            text[clause.start: clause.end],
            text[min(start, clause.segment_start): clause.segment_end],
            text[min(start, clause.start): clause.segment_end],
        )

    def _claim(self, clause: Clause, start: int, actor: str, action: str,
               mentions: list[Mention], roles: tuple[Mention | None, Mention | None]) -> Claim:
        origin, destination = roles if action in MOVEMENTS else (None, None)
        used = sorted({id(m): m for m in [*mentions, *(r for r in (origin, destination) if r)]}
                      .values(), key=lambda m: m.start)
        quote = _quote_of(clause, self.entry.quotes)
        author, posted_at = self.entry.author, self.entry.posted_at
        if quote is not None and quote.entry in self.ctx.entries:
            quoted = self.ctx.entries[quote.entry]
            author, posted_at = quoted.author, quoted.posted_at
        modality = self._modality(clause, start)
        places = tuple(dict.fromkeys(m.place for m in used))
        origin_id = origin.place if origin else None
        leg = self._first_leg(clause, actor, action) if origin is None and destination else None
        if leg is not None:  # the journey told in two sentences is one movement, one span
            start, origin_id = leg.start, leg.origin
            places = tuple(dict.fromkeys((*leg.places, *places)))
        claim = Claim(
            id=f"e{self.entry.id}c{len(self.claims)}", entry=self.entry.id, author=author,
            posted_at=posted_at, actor=actor, action=action,
            places=places,
            origin=origin_id,
            destination=destination.place if destination else None,
            modality=modality or "reported", start=start, end=clause.end,
            quote=self.text[start: clause.end], precision=self._precision(used),
        )
        if not modality:
            self.ctx.defaults.add(claim.id)
        self.claims.append(claim)
        self.last_in_paragraph[clause.paragraph] = claim
        self.sentence_of[claim.id] = (clause.sentence, clause.paragraph)
        self.sentence_claims.setdefault(clause.sentence, []).append(claim)
        self.ctx.sentences[claim.id] = (clause.sentence_start, clause.sentence_end)
        return claim

    def _first_leg(self, clause: Clause, actor: str, action: str) -> Claim | None:
        """The start of a journey whose end this clause tells: the latest claim of the same
        paragraph, at most ``LEG_SENTENCES`` sentences back, in which the same actor makes the
        same movement from a place to nowhere said ("the Turks ... brought 6,000 men north out
        of the area ... around Azaz.  They trucked them ... through Hatay ... to Aleppo")."""
        for last in reversed(self.claims):
            sentence, paragraph = self.sentence_of[last.id]
            if paragraph != clause.paragraph or clause.sentence - sentence > LEG_SENTENCES:
                return None
            if (sentence < clause.sentence and last.actor == actor and last.action == action
                    and last.origin is not None and last.destination is None):
                return last
        return None

    def read(self) -> list[Claim]:
        ctx = self.ctx
        text = self.text
        for clause in self.clauses:
            cues = self._cues[clause.start]
            if not cues:
                continue
            quote = _quote_of(clause, self.entry.quotes)
            if quote is not None and self._duplicate(quote, clause):
                continue
            events = _events(text, clause, cues, self._actors_in(clause.start, clause.end))
            for index, event in enumerate(events):
                hi = events[index + 1].start if index + 1 < len(events) else clause.end
                mention, actor_id = self._resolve(clause, event, hi)
                actor = mention.actor if mention is not None else actor_id
                if actor is None:
                    continue
                lo = clause.start if index == 0 else event.start
                found, start, borrowed = self._event_places(clause, event, lo, hi, hi, mention)
                if not found:
                    continue
                if mention is not None and clause.sentence_start <= mention.start < start:
                    start = mention.start
                roles = self._roles(found, lo, hi, borrowed, mention)
                groups = _coordinated(text, ctx.actions, event.cues)
                first: Claim | None = None
                for number, group in enumerate(groups):
                    g_lo = event.start if number == 0 else group[0].start
                    g_hi = groups[number + 1][0].start if number + 1 < len(groups) else hi
                    own = [] if borrowed else [m for m in found if g_lo <= m.start < g_hi]
                    claim = self._claim(clause, start, actor, ctx.actions.main(group),
                                        own or found, roles)
                    first = first or claim
                if first is not None:
                    self._co_actors(clause, event, first, found, roles,
                                    (clause.sentence_start if index == 0 else event.start, hi),
                                    mention)
        return self.claims

    def _co_actors(self, clause: Clause, event: _Event, claim: Claim, found: list[Mention],
                   roles: tuple[Mention | None, Mention | None], span: tuple[int, int],
                   subject: ActorMention | None) -> None:
        """Claims for actors acting alongside the subject, or moved by the action.

        "presumably with the agreement of the US" makes the US a party to the Turkish
        redeployment; "with American air support" an attacker; "the rerouting of foreign
        jihadis" a redeployment of the jihadis as well as of whoever reroutes them.
        """
        text = self.text
        seen = {claim.actor}
        lo, hi = span
        for mention in self._actors_in(lo, hi):
            if mention.actor in seen or mention == subject:
                continue
            before = text[max(lo, mention.start - 60): mention.start]
            after = text[mention.end: mention.end + 30]
            action = claim.action
            if CO_ACTOR_OF.search(before) or (CO_ACTOR_WITH.search(before)
                                              and CO_ACTOR_AFTER.match(after)):
                if AIR.match(after):
                    action = "attack"
            elif not any(c.action in ("redeploy", "withdraw", "flee") and c.end <= mention.start
                         and NOUN_CUE.search(text[c.start: c.end])
                         and MOVED.match(text[c.end: mention.start]) for c in event.cues):
                continue
            seen.add(mention.actor)
            self._claim(clause, min(claim.start, mention.start), mention.actor, action, found,
                        roles)

    def _duplicate(self, quote: Quote, clause: Clause) -> bool:
        """A quoted clause whose claim the quoted entry already holds: link, don't count."""
        offset = quote.source_start - quote.start
        lo = max(clause.start + offset, quote.source_start)
        hi = min(clause.end + offset, quote.source_end)
        originals = [c for c in self.ctx.by_entry.get(quote.entry, [])
                     if c.start < hi and lo < c.end]
        for original in originals:
            self.ctx.report.duplicates.append(Duplicate(
                entry=self.entry.id, start=clause.start, end=clause.end,
                author=original.author, original=original.id))
        return bool(originals)


def _quote_of(clause: Clause, quotes: Sequence[Quote]) -> Quote | None:
    for quote in quotes:
        if quote.start - 1 <= clause.start and clause.end <= quote.end + 1:
            return quote
    return None


# --- disputes -----------------------------------------------------------------------------


def _link_disputes(ctx: _Context, entries: Sequence[Entry]) -> None:
    """Fill ``disputes``/``disputed_by`` (see the module docstring)."""
    links: dict[str, set[str]] = {}
    across: set[str] = set()  # disputes of another author's words
    by_id = {c.id: c for c in ctx.report.claims}
    repeats: dict[int, list[Duplicate]] = {}
    for duplicate in ctx.report.duplicates:
        repeats.setdefault(duplicate.entry, []).append(duplicate)

    def related(claim: Claim, target: Claim) -> bool:
        same = target.action == claim.action or \
            ctx.lexicon.side_of(target.actor) == ctx.lexicon.side_of(claim.actor)
        return target.id != claim.id and same and \
            _overlap(claim.places, target.places, ctx.places)

    for entry in entries:
        own = ctx.by_entry.get(entry.id, [])
        contrasting = [c for c in own if c.author == entry.author
                       and ctx.modality.contrasts(c.quote)]
        for quote in entry.quotes if contrasting else ():
            stop = min((q.start for q in entry.quotes if q.start >= quote.end),
                       default=len(entry.text))
            targets = [c for c in ctx.by_entry.get(quote.entry, [])
                       if c.start < quote.source_end and quote.source_start < c.end]
            targets += [c for c in own if quote.start <= c.start and c.end <= quote.end + 1]
            targets += [by_id[d.original] for d in repeats.get(entry.id, [])
                        if quote.start <= d.start < quote.end and d.original in by_id]
            for claim in contrasting:
                if quote.end <= claim.start < stop:
                    for target in targets:
                        if related(claim, target):
                            links.setdefault(claim.id, set()).add(target.id)
                            across.add(claim.id)
        # against the previous sentence's claim on the same actor and place, same author
        sentences: dict[tuple[int, int], list[Claim]] = {}
        for claim in own:
            sentences.setdefault(ctx.sentences[claim.id], []).append(claim)
        ordered = sorted(sentences)
        for before, after in itertools.pairwise(ordered):
            if before[1] > after[0] or not _next_sentence(entry.text, before[1], after[0]):
                continue
            for claim in sentences[after]:
                if not ctx.modality.contrasts(claim.quote):
                    continue
                for previous in sentences[before]:
                    if previous.author == claim.author and previous.actor == claim.actor and \
                            previous.action != claim.action and \
                            set(previous.places) & set(claim.places):
                        links.setdefault(claim.id, set()).add(previous.id)
    if not links:
        return
    disputed_by: dict[str, set[str]] = {}
    for source, targets in links.items():
        for target in targets:
            disputed_by.setdefault(target, set()).add(source)
    updated: list[Claim] = []
    for claim in ctx.report.claims:
        changes: dict[str, object] = {}
        if claim.id in links:
            changes["disputes"] = tuple(sorted(links[claim.id], key=_id_key))
            if claim.id in across and claim.id in ctx.defaults:
                changes["modality"] = "disputed"
        if claim.id in disputed_by:
            changes["disputed_by"] = tuple(sorted(disputed_by[claim.id], key=_id_key))
        updated.append(replace(claim, **changes) if changes else claim)
    ctx.report.claims[:] = updated


def _next_sentence(text: str, end: int, start: int) -> bool:
    """Whether a sentence starting at ``start`` follows the one ending at ``end``."""
    return bool(re.fullmatch(r"[.!?\"'\u201d\u2019)\]]*[ \t]*", text[end:start]))


def _id_key(claim_id: str) -> tuple[int, int]:
    entry, _, number = claim_id[1:].partition("c")
    return int(entry), int(number)


# --- entry points -------------------------------------------------------------------------


def _group(items: Sequence, key: str) -> dict[int, list]:
    out: dict[int, list] = {}
    for item in items:
        out.setdefault(getattr(item, key), []).append(item)
    for values in out.values():
        values.sort(key=lambda m: (m.start, -m.end))
    return out


def extract_claims_report(
    entries: Sequence[Entry],
    mentions: Sequence[Mention],
    actor_mentions: Sequence[ActorMention],
    *,
    places: Mapping[str, Place] | None = None,
    lexicon: FactionLexicon | None = None,
    actions: ActionLexicon | None = None,
    modality: ModalityRules | None = None,
) -> ClaimReport:
    """Claims and the quoted repetitions linked to them; see the module docstring.

    ``places`` (place id -> Place) lets the reader prefer the most specific place as origin
    or destination, rate a country as precision 3, and link disputes about nearby places.
    """
    ctx = _Context(
        entries={e.id: e for e in entries},
        actions=actions or load_actions(),
        modality=modality or load_modality(),
        lexicon=lexicon or load_lexicon(),
        places=places or {},
        report=ClaimReport(),
    )
    mentions_by = _group(mentions, "entry")
    actors_by = _group(actor_mentions, "entry")
    for entry in sorted(entries, key=lambda e: e.id):
        reader = _EntryReader(ctx, entry, mentions_by.get(entry.id, []),
                              actors_by.get(entry.id, []))
        claims = reader.read()
        ctx.by_entry[entry.id] = claims
        ctx.report.claims.extend(claims)
    _link_disputes(ctx, sorted(entries, key=lambda e: e.id))
    return ctx.report


def extract_claims(
    entries: Sequence[Entry],
    mentions: Sequence[Mention],
    actor_mentions: Sequence[ActorMention],
    *,
    places: Mapping[str, Place] | None = None,
) -> list[Claim]:
    """The claims of a thread in entry order (a quoted repetition is not counted again)."""
    return extract_claims_report(entries, mentions, actor_mentions, places=places).claims
