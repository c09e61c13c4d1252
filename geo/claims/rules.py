"""The rule files: ``data/actions.csv`` (action cues) and ``data/modality.csv``.

Each row is a regular expression of English with its ``source`` (a dictionary, common usage,
a coding manual); the rows are compiled into one regex per file, read once per file version.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from geo.paths import DATA_DIR

ACTIONS_PATH = DATA_DIR / "actions.csv"
MODALITY_PATH = DATA_DIR / "modality.csv"

ACTIONS = ("capture", "advance", "attack", "besiege", "lift_siege", "defend", "withdraw",
           "flee", "redeploy", "cut_road", "control")
MODALITIES = ("questioned", "speculative", "predicted", "reported")
MOVEMENTS = frozenset({"advance", "attack", "withdraw", "flee", "redeploy"})
# Cues of a condition colour only their own clause: "Even if the SAA can't take Raqqa, just
# taking Tabaqa ... will cut off ISIS" predicts the second part.
CONDITIONAL = frozenset({"if", "whether", "unless", "even if"})


class RulesError(ValueError):
    """A problem in actions.csv or modality.csv, naming the line so it can be fixed."""



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
