"""The factions lexicon: which words in a comment name which armed actor or state.

``data/factions.csv`` lists one alias a row (``actor,name,side,colour,alias,case_sensitive,
source``) so that someone who follows the war, not the code, can add the spelling a commenter
used ("alQuida", "head choppers").  Each actor belongs to a *side*, the coarse grouping the
dashboard filters and colours by.

Matching is done by one compiled regular expression built as a trie of the aliases (so the
cost grows with the text, not with the number of aliases), at word boundaries, longest alias
first.  Case matters only where an alias says so: "IS" the group is not "is" the verb nor the
sentence-initial "Is", and "US" is not "us".  A name right after "non-" or "anti-" is not a
mention of that actor: "non-IS jihadis" are the rebels, not IS.

>>> lex = load_lexicon()
>>> [(m.actor, m.surface) for m in lex.find("Is it true IS took it from the non-IS jihadis?",
...                                          entry=0)]
[('is', 'IS'), ('rebels', 'non-IS jihadis')]
"""

from __future__ import annotations

import csv
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from geo.paths import FACTIONS_PATH
from geo.records import Actor, ActorMention

__all__ = [
    "DEFAULT_PATH",
    "SIDE_ORDER",
    "Alias",
    "FactionLexicon",
    "LexiconError",
    "load_lexicon",
]

DEFAULT_PATH = FACTIONS_PATH

# The dashboard's faction filter lists sides in this order; a side the CSV introduces that is
# not listed here goes after the known ones and before "Others".
SIDE_ORDER = (
    "IS",
    "Nusra and other rebels",
    "SDF/YPG",
    "SAA and allies",
    "Turkey",
    "Russia",
    "US",
    "Others",
)
COLUMNS = ("actor", "name", "side", "colour", "alias", "case_sensitive", "source")
COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")
TRUE = {"yes", "y", "true", "1", "x"}
FALSE = {"no", "n", "false", "0", ""}

# Characters that separate the words of an alias: "al-Nusra", "al Nusra" and "al\nNusra" are
# the same name.  Apostrophes are unified so that "jihadi's" matches "jihadi\u2019s".
SEPARATORS = " \t\r\n\u00a0-\u2010\u2011\u2013"
SEP_RE = r"[\s\-\u2010\u2011\u2013]+"
APOSTROPHES = "'\u2019\u02bc"
APOS_RE = "['\u2019\u02bc]"
_SEP = "\x00sep"
_APOS = "\x00apos"
_END = "\x00end"

# "non-IS", "anti-Assad", "non IS": the name that follows is negated, not mentioned.
# "the pro-government Palestinian militia", "pro-regime Iraqi Shia militias": a force named by
# its allegiance, with adjectives of origin the aliases cannot list, is on that side (the
# actor of the alias "pro-government forces").
ALIGNED = re.compile(
    r"(?<!\w)pro[\-\u2010\u2011 ](?:government|regime|Assad)\s+(?:[A-Z][\w'\u2019-]*\s+){1,3}"
    r"(?:militias?|militiamen|forces|fighters|units?|groups?|paramilitar(?:y|ies)|brigades?|"
    r"battalions?)(?!\w)",
    re.IGNORECASE)
ALIGNED_ALIAS = "pro-government forces"
HYPHENS = frozenset("-\u2010\u2011")
# "the opposition activist group", "the government media": a side's name used as an adjective
# of people who speak or organise, not fight (after "the": the noun is what "the" determines).
ATTRIBUTIVE = re.compile(r"\s+(?:activists?|groups?|monitors?|media|coalition|council|delegation|"
                         r"politicians|figures|website|parties|party|leaders|newspapers?|"
                         r"television|tv|news)(?!\w)", re.IGNORECASE)
# "government-held", "Kurdish-held", "opposition-controlled": a holder named by a word that is
# too wide to be an alias alone ("the government" of which country?) is, glued to "-held", the
# side the war's reporting means by it (the actor of the alias given here).
HELD_BY = re.compile(
    r"(?<![\w-])(government|regime|kurdish|opposition|loyalist)(?=[-\u2010\u2011]"
    r"(?:held|controlled)(?!\w))", re.IGNORECASE)
HELD_BY_ALIAS = {"government": "government forces", "regime": "regime forces",
                 "kurdish": "Kurdish forces", "opposition": "opposition forces",
                 "loyalist": "loyalist forces"}
# "under army control", "under regime control", "returned to government control": the same
# wide words (and "army"), named between "under"/"to" and "control", are the holder the war's
# reporting means by them.
UNDER_HELD = re.compile(
    r"(?<!\w)(?:under|to)\s+(?:the\s+)?(government|regime|army|opposition|kurdish|loyalist)"
    r"(?=\s+control(?!\w))", re.IGNORECASE)
UNDER_HELD_ALIAS = {**HELD_BY_ALIAS, "army": "the Army"}
NEGATED = re.compile(r"(?<!\w)(?:non|anti)[\-\u2010\u2011 ]?\Z", re.IGNORECASE)


class LexiconError(ValueError):
    """A problem in the lexicon file, naming the line so it can be fixed by hand."""


@dataclass(frozen=True, slots=True)
class Alias:
    """One way of writing an actor's name, as listed in the CSV."""

    text: str
    actor: str
    case_sensitive: bool
    source: str


def _atoms(text: str) -> list[str]:
    """An alias as trie steps: lowercased characters, one step per run of separators."""
    atoms: list[str] = []
    for char in text.strip():
        if char in SEPARATORS:
            if atoms and atoms[-1] != _SEP:
                atoms.append(_SEP)
        elif char in APOSTROPHES:
            atoms.append(_APOS)
        else:
            atoms.append(char.lower())
    return atoms


def _key(text: str) -> str:
    """Canonical spelling used to look a matched surface up (separators and quotes unified)."""
    out: list[str] = []
    for atom in _atoms(text):
        out.append(" " if atom == _SEP else "'" if atom == _APOS else atom)
    return "".join(out)


def _exact_key(text: str) -> str:
    """Like :func:`_key` but keeping case, for case-sensitive aliases."""
    out: list[str] = []
    previous_sep = False
    for char in text.strip():
        if char in SEPARATORS:
            if not previous_sep and out:
                out.append(" ")
            previous_sep = True
            continue
        previous_sep = False
        out.append("'" if char in APOSTROPHES else char)
    return "".join(out)


def _trie_pattern(node: dict[str, dict]) -> str:
    """Render a trie as a regex; an optional tail makes the longest alias win first."""
    branches: list[str] = []
    for atom in sorted(k for k in node if k != _END):
        head = SEP_RE if atom == _SEP else APOS_RE if atom == _APOS else re.escape(atom)
        branches.append(head + _trie_pattern(node[atom]))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if _END in node:
        return "(?:" + body + ")?"
    return body


class FactionLexicon:
    """The actors, their aliases and a fast matcher over them."""

    def __init__(self, actors: list[Actor], aliases: list[Alias]) -> None:
        self._actors = list(actors)
        self._by_id = {a.id: a for a in actors}
        self.aliases: tuple[Alias, ...] = tuple(aliases)
        self._exact: dict[str, str] = {}
        self._folded: dict[str, str] = {}
        trie: dict[str, dict] = {}
        for alias in aliases:
            if alias.case_sensitive:
                self._exact[_exact_key(alias.text)] = alias.actor
            else:
                self._folded[_key(alias.text)] = alias.actor
            node = trie
            for atom in _atoms(alias.text):
                node = node.setdefault(atom, {})
            node[_END] = {}
        self._trie = trie
        body = _trie_pattern(trie) or r"(?!x)x"
        self._pattern = re.compile(r"(?<!\w)(?:" + body + r")(?!\w)", re.IGNORECASE)
        known = [s for s in SIDE_ORDER if s != "Others"]
        extra = [a.side for a in actors if a.side not in SIDE_ORDER]
        self._sides = known + list(dict.fromkeys(extra)) + ["Others"]

    @property
    def actors(self) -> list[Actor]:
        """Every actor, in the order the CSV first lists them."""
        return list(self._actors)

    @property
    def sides(self) -> list[str]:
        """Side names in the dashboard's display order ("IS" first, "Others" last)."""
        return list(self._sides)

    def actor(self, actor_id: str) -> Actor:
        """The actor with this id; ``KeyError`` names the unknown id."""
        try:
            return self._by_id[actor_id]
        except KeyError:
            raise KeyError(f"unknown actor id {actor_id!r}") from None

    def side_of(self, actor_id: str) -> str:
        """The side of an actor id, "Others" for an id the lexicon does not know."""
        actor = self._by_id.get(actor_id)
        return actor.side if actor else "Others"

    def _lookup(self, surface: str) -> str | None:
        actor = self._exact.get(_exact_key(surface))
        if actor is None:
            actor = self._folded.get(_key(surface))
        return actor

    def _shorter(self, text: str, start: int, end: int) -> tuple[str, int] | None:
        """When the longest match is rejected by case, the longest accepted shorter one."""
        node = self._trie
        ends: list[int] = []
        pos = start
        while pos < end:
            char = text[pos]
            if char in SEPARATORS:
                node = node.get(_SEP)
                while pos < end and text[pos] in SEPARATORS:
                    pos += 1
            else:
                node = node.get(_APOS if char in APOSTROPHES else char.lower())
                pos += 1
            if node is None:
                break
            if _END in node and pos < end and not (text[pos].isalnum() or text[pos] == "_"):
                ends.append(pos)
        for stop in reversed(ends):
            actor = self._lookup(text[start:stop])
            if actor is not None:
                return actor, stop
        return None

    def find(self, text: str, *, entry: int) -> list[ActorMention]:
        """Every actor mention in ``text``, left to right, offsets into ``text``.

        One regex pass finds candidates ignoring case; a candidate whose case does not fit a
        case-sensitive alias ("is" for "IS") falls back to a shorter alias at the same place
        or is dropped.  Linear in the length of the text.
        """
        mentions: list[ActorMention] = []
        pos = 0
        search = self._pattern.search
        while True:
            match = search(text, pos)
            if match is None:
                break
            start, end = match.span()
            actor = self._lookup(match.group())
            if actor is None:
                hit = self._shorter(text, start, end)
                if hit is None:
                    pos = start + 1
                    continue
                actor, end = hit
            longer = self._overlapping(text, start, end)
            if longer is not None:  # "the Army of Conquest": not "the Army"
                actor, start, end = longer
            elif text[start: start + 4].lower() == "the " and (
                    text[end: end + 1] in HYPHENS or ATTRIBUTIVE.match(text, end)):
                pos = start + 1  # "the government-held part": the holder's word is read as
                continue  # one (HELD_BY); "the opposition activist group": no side acts
            pos = end
            if NEGATED.search(text, max(0, start - 6), start):
                continue
            mentions.append(ActorMention(actor=actor, entry=entry, start=start, end=end,
                                         surface=text[start:end]))
        return self._aligned(text, entry, mentions)

    def _wide_holders(self, pattern: re.Pattern[str], aliases: Mapping[str, str], text: str,
                      entry: int) -> list[ActorMention]:
        """The holders a wide word names in ``pattern``'s group 1 ("government-held", "under
        army control"), each as the actor of its alias in ``aliases``."""
        found = []
        for m in pattern.finditer(text):
            actor = self._lookup(aliases[m.group(1).lower()])
            if actor is not None:
                found.append(ActorMention(actor=actor, entry=entry, start=m.start(1),
                                          end=m.end(1), surface=m.group(1)))
        return found

    def _aligned(self, text: str, entry: int,
                 mentions: list[ActorMention]) -> list[ActorMention]:
        """``mentions`` with the forces named by allegiance (ALIGNED) or as holders (HELD_BY)
        that no alias covers."""
        lower = text.lower()
        extra = []
        actor = self._lookup(ALIGNED_ALIAS) if "pro" in lower else None
        if actor is not None:
            extra += [ActorMention(actor=actor, entry=entry, start=m.start(), end=m.end(),
                                   surface=m.group()) for m in ALIGNED.finditer(text)]
        if "-held" in lower or "-controlled" in lower:
            extra += self._wide_holders(HELD_BY, HELD_BY_ALIAS, text, entry)
        if "control" in lower:
            extra += self._wide_holders(UNDER_HELD, UNDER_HELD_ALIAS, text, entry)
        extra = [m for m in extra
                 if not any(o.start < m.end and m.start < o.end for o in mentions)]
        if not extra:
            return mentions
        return sorted([*mentions, *extra], key=lambda m: m.start)


    def _overlapping(self, text: str, start: int, end: int) -> tuple[str, int, int] | None:
        """A mention that starts inside [start, end) and runs past it, when there is one."""
        longer = self._pattern.search(text, start + 1, end + 80)  # aliases are short
        if longer is None or longer.start() >= end or longer.end() <= end:
            return None
        actor = self._lookup(longer.group())
        return (actor, longer.start(), longer.end()) if actor is not None else None


def _flag(value: str, line: int, path: Path) -> bool:
    word = value.strip().lower()
    if word in TRUE:
        return True
    if word in FALSE:
        return False
    raise LexiconError(f"{path}, line {line}: case_sensitive must be yes or no, not {value!r}")


def _read(path: Path) -> FactionLexicon:
    try:
        handle = path.open(encoding="utf-8", newline="")
    except OSError as exc:
        raise LexiconError(f"cannot read the factions lexicon {path}: {exc}") from exc
    actors: dict[str, Actor] = {}
    aliases: list[Alias] = []
    seen: dict[tuple[str, bool], tuple[str, int]] = {}
    with handle:
        reader = csv.DictReader(handle)
        missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            raise LexiconError(f"{path}: missing column(s) {', '.join(missing)}")
        for row in reader:
            line = reader.line_num
            values = {c: (row.get(c) or "").strip() for c in COLUMNS}
            if not any(values.values()):
                continue
            for column in ("actor", "name", "side", "colour", "alias"):
                if not values[column]:
                    raise LexiconError(f"{path}, line {line}: the {column} column is empty")
            if not COLOUR.match(values["colour"]):
                raise LexiconError(
                    f"{path}, line {line}: colour {values['colour']!r} is not like #1A2B3C")
            actor = Actor(id=values["actor"], name=values["name"], side=values["side"],
                          colour=values["colour"].upper())
            known = actors.setdefault(actor.id, actor)
            if known != actor:
                raise LexiconError(
                    f"{path}, line {line}: actor {actor.id!r} has a different name, side or "
                    "colour than on its first row; keep them the same on every row")
            sensitive = _flag(values["case_sensitive"], line, path)
            key = (_exact_key(values["alias"]) if sensitive else _key(values["alias"]),
                   sensitive)
            if key in seen and seen[key][0] != actor.id:
                raise LexiconError(
                    f"{path}, line {line}: alias {values['alias']!r} is already listed for "
                    f"{seen[key][0]!r} on line {seen[key][1]}")
            seen[key] = (actor.id, line)
            aliases.append(Alias(text=values["alias"], actor=actor.id, case_sensitive=sensitive,
                                 source=values["source"]))
    return FactionLexicon(list(actors.values()), aliases)


@lru_cache(maxsize=16)
def _cached(path: str, mtime_ns: int) -> FactionLexicon:
    return _read(Path(path))


def load_lexicon(path: Path | None = None) -> FactionLexicon:
    """The lexicon in ``path`` (default ``data/factions.csv``), read once per file version.

    The cache is keyed by the file's modification time too, so an edited CSV is picked up
    by a long-running dashboard without a restart.
    """
    target = Path(path) if path is not None else DEFAULT_PATH
    try:
        mtime = target.stat().st_mtime_ns
    except OSError as exc:
        raise LexiconError(f"cannot read the factions lexicon {target}: {exc}") from exc
    return _cached(str(target.resolve()), mtime)
