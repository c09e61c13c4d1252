"""The rule files: ``data/actions.csv`` (action cues), ``data/modality.csv`` and
``data/intent.csv`` (words of aim: what is wanted, tried or promised is not done).

Each row is a regular expression of English with its ``source`` (a dictionary, common usage,
a coding manual); the rows are compiled into one regex per file, read once per file version.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from geo.claims.cue_regex import heads, loosen, starts_word, whole_words
from geo.claims.modal_scope import SCOPES, carried, modal_of
from geo.claims.patterns import REFERENCE
from geo.paths import ACTIONS_PATH, INTENT_PATH, MODALITY_PATH

ACTIONS = ("capture", "advance", "attack", "besiege", "lift_siege", "defend", "withdraw",
           "flee", "redeploy", "cut_road", "control")
MODALITIES = ("questioned", "speculative", "predicted", "reported")
MOVEMENTS = frozenset({"advance", "attack", "withdraw", "flee", "redeploy"})
# Cues of a condition colour only their own clause: "Even if the SAA can't take Raqqa, just
# taking Tabaqa ... will cut off ISIS" predicts the second part.
CONDITIONAL = frozenset({"if", "whether", "unless", "even if"})


class RulesError(ValueError):
    """A problem in a rule file (actions.csv, modality.csv, intent.csv), naming the line."""


def _rows(path: Path, columns: tuple[str, ...],
          optional: tuple[str, ...] = ()) -> list[tuple[int, dict[str, str]]]:
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
            values = {c: (row.get(c) or "").strip() for c in (*columns, *optional)}
            if any(values.values()):
                rows.append((reader.line_num, values))
    return rows


def _compile(path: Path, line: int, what: str, text: str) -> str:
    body = whole_words(loosen(text))
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
        """Every cue in ``text[start:end]``, left to right, offsets into ``text``; none in a
        cross-reference to other articles ("See also: Rif Dimashq offensive (2012)")."""
        found: list[Cue] = []
        stop = len(text) if end is None else end
        refs = [m.span() for m in REFERENCE.finditer(text, text.rfind("\n", 0, start) + 1, stop)]
        for match in self.pattern.finditer(text, start, stop):
            if refs and any(a <= match.start() < b for a, b in refs):
                continue
            if match.lastgroup is not None:
                number = match.lastgroup[1:].partition("_")[0]
                found.append(Cue(self.groups[int(number)], *match.span()))
        return found

    def main(self, cues: Sequence[Cue]) -> str:
        """The action a group of cues stands for: the one listed first in the CSV."""
        return min((c.action for c in cues), key=lambda a: self.priority.get(a, len(ACTIONS)))


@dataclass(frozen=True)
class ModalityRules:
    """The cues of ``modality.csv``, per modality, by how far they reach (``modal_scope``):
    ``cues`` the whole segment, ``local`` their clause, ``verb`` the verb phrase after them,
    ``following`` their clause and what follows it in the segment."""

    cues: Mapping[str, re.Pattern[str]]
    local: Mapping[str, re.Pattern[str]]
    contrast: re.Pattern[str] | None
    verb: Mapping[str, re.Pattern[str]] = field(default_factory=dict)
    following: Mapping[str, re.Pattern[str]] = field(default_factory=dict)

    def modality(self, text: str, clause: tuple[int, int], segment: tuple[int, int],
                 start: int, cue: int) -> str:
        """The modality of the clause ``text[clause[0]:clause[1]]`` whose claim starts at
        ``start`` and whose action cue is at ``cue``, "" when no cue says (the caller's
        default applies).  A "?" up to the end of the segment questions it; then its own
        cues decide; then those of the segment that reach it.
        """
        lo = min(start, clause[0])
        rule = self.cues.get("questioned")
        if rule is not None and rule.search(text, lo, segment[1]):
            return "questioned"
        inside = max(lo, min(cue, clause[1]))
        modal = modal_of(text, min(lo, segment[0]), inside, clause[1], self.verb)
        for name in MODALITIES[1:]:
            if name == modal:
                return name
            for rules in (self.cues, self.local, self.following):
                rule = rules.get(name)
                if rule is not None and rule.search(text, clause[0], clause[1]):
                    return name
        head = min(start, segment[0])
        carry = carried(text, head, clause[0], self.verb)
        if carry:
            return carry
        for name in MODALITIES[1:]:
            rule = self.following.get(name)
            if rule is not None and rule.search(text, head, clause[0]):
                return name
            rule = self.cues.get(name)
            if rule is not None and rule.search(text, head, segment[1]):
                return name
        return ""

    def contrasts(self, text: str) -> bool:
        """Whether ``text`` holds a contrast cue (the "disputed" rows)."""
        return bool(self.contrast and self.contrast.search(text))


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
        body = loosen(pattern)
        letters = heads(pattern) if starts_word(pattern) else None
        if letters is None:
            anywhere.append(f"(?P<g{number}_>{whole_words(body)})")
            for letter, branch in by_letter.items():  # keep its rank in every branch
                branch.append(f"(?P<g{number}_{letter}>{whole_words(body)})")
            continue
        for letter in letters:
            branch = by_letter.setdefault(letter, [])
            if not branch:  # a new letter inherits the patterns that fit anywhere
                branch.extend(p.replace("_>", f"_{letter}>", 1) for p in anywhere)
            branch.append(f"(?P<g{number}_{letter}>(?:{body})(?!\\w))")
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
    tables: dict[str, dict[str, list[str]]] = {scope: {} for scope in SCOPES}
    for line, row in _rows(path, ("modality", "cue", "source"), optional=("scope",)):
        name, cue = row["modality"], row["cue"]
        if name not in (*MODALITIES, "disputed"):
            raise RulesError(f"{path}, line {line}: unknown modality {name!r} "
                             f"(one of {', '.join((*MODALITIES, 'disputed'))})")
        if not cue:
            raise RulesError(f"{path}, line {line}: the cue column is empty")
        scope = row.get("scope") or ("clause" if cue.lower() in CONDITIONAL else "segment")
        if scope not in SCOPES:
            raise RulesError(f"{path}, line {line}: unknown scope {scope!r} "
                             f"(one of {', '.join(SCOPES)})")
        _compile(path, line, "cue", cue)  # names the line of a cue that is not a valid regex
        tables[scope].setdefault(name, []).append(loosen(cue))

    def build(table: dict[str, list[str]]) -> dict[str, re.Pattern[str]]:
        r"""One regex per modality.  Only whether it matches is asked, so the cues that start
        a word share one ``(?<!\w)``: the same matches as one ``_edge`` per cue, but a search
        gives up at once inside a word, where most positions of a text are."""
        rules: dict[str, re.Pattern[str]] = {}
        for name, bodies in table.items():
            words = [b for b in bodies if starts_word(b)]
            parts = [whole_words(b) for b in bodies if not starts_word(b)]
            if words:
                parts.insert(0, r"(?<!\w)(?:" + "|".join(f"(?:{b})" for b in words)
                             + r")(?!\w)")
            rules[name] = re.compile("|".join(parts), re.IGNORECASE)
        return rules

    cues = build(tables["segment"])
    contrast = cues.pop("disputed", None)
    return ModalityRules(cues, build(tables["clause"]), contrast, build(tables["verb"]),
                         build(tables["following"]))


INTENT_KINDS = ("verb", "noun", "adjective", "phrase")
INTENT_REACH = ("next", "clause")
# Adverbs between the word of aim and the cue: "hopes to finally take", "an attempt to fully".
_AIM_ADVERBS = r"(?:(?:fully|finally|quickly|eventually|also|then|try\s+to)\s+)?"


@dataclass(frozen=True)
class IntentRules:
    """The words of ``intent.csv`` as two regexes, each matched at the end of the words
    before a cue: ``nouns`` (an aim named by a noun, "the attempt by IS to", "their goal is
    the", read on both paths) and ``words`` (every row: with the rules alone also "hopes
    to", "in an attempt to ... the rebel-held", which the parse reads from the tree)."""

    nouns: re.Pattern[str]
    words: re.Pattern[str]

    def before(self, text: str, start: int, cue: int, *, parsed: bool) -> bool:
        """Whether words of aim stand before the cue at ``cue`` (from ``start`` on)."""
        rule = self.nouns if parsed else self.words
        return rule.search(text, start, cue) is not None


def _intent_form(kind: str, reach: str, word: str) -> list[str]:
    """The regexes one row of intent.csv stands for (each anchored at the cue)."""
    if reach == "clause":  # the rest of its stretch of the clause: "in an attempt to lift
        return [rf"(?:{word}){'s?' if kind == 'noun' else ''}\s+(?:[\w'-]+\s+){{0,8}}"]
    if kind == "noun":  # "the attempt by IS to", "their goal was the capture of"
        return [rf"(?:{word})s?\s+(?:(?:by|of)\s+(?:the\s+)?[\w'-]+(?:\s+[\w'-]+){{0,2}}\s+)?"
                rf"to\s+{_AIM_ADVERBS}",
                rf"(?:{word})s?\s+(?:is|was|are|were|remains?|remained)\s+(?:to\s+)?"
                r"(?:the\s+|a\s+)?(?:\w+\s+)?"]
    return [rf"(?:{word})\s+to\s+{_AIM_ADVERBS}"]  # "hopes to", "ready to"


def _read_intent(path: Path) -> IntentRules:
    nouns: list[str] = []
    words: list[str] = []
    for line, row in _rows(path, ("kind", "word", "reach", "source")):
        kind, word, reach = row["kind"], row["word"], row["reach"]
        if kind not in INTENT_KINDS or reach not in INTENT_REACH:
            raise RulesError(f"{path}, line {line}: kind {kind!r} or reach {reach!r} is not "
                             f"one of {', '.join(INTENT_KINDS)} / {', '.join(INTENT_REACH)}")
        if not word:
            raise RulesError(f"{path}, line {line}: the word column is empty")
        _compile(path, line, "word", word)
        forms = _intent_form(kind, reach, loosen(word))
        words.extend(forms)
        if kind == "noun":
            nouns.extend(forms)

    def build(forms: list[str]) -> re.Pattern[str]:
        return re.compile(r"(?<!\w)(?:" + "|".join(f"(?:{f})" for f in forms) + r")\Z",
                          re.IGNORECASE)

    return IntentRules(build(nouns or ["(?!)"]), build(words or ["(?!)"]))


@lru_cache(maxsize=8)
def _intent_cached(path: str, mtime_ns: int) -> IntentRules:
    return _read_intent(Path(path))


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


def load_intent(path: Path | None = None) -> IntentRules:
    """The words of aim (default ``data/intent.csv``), read once per file version."""
    return _intent_cached(*_stamp(Path(path) if path else INTENT_PATH))
