"""Places a commenter writes in lower case: "the saa retook palmyra", "pushing toward deir
ezzor", "the kurds in afrin", "they bombed the tabqa dam", "east of the euphrates".

Three tables, all read from the gazetteer (no list of towns is kept here):

* the region's large cities (``geo.geoparse.lower_case.prominent_cities``);
* Syria's towns of ``TOWN_POPULATION`` people or more and the curated towns and villages,
  under their name, that name without its article, their curated spellings, the spellings
  the sources give that are the same name transliterated (one ``skeleton``: "deraa" for
  "Dar'a", never "emesa" for Homs), and the name run together ("albukamal", "deirezzor");
* the curated features whose name carries a feature word ("tabqa dam", "kuweires airbase",
  "lake assad", "idlib province") and the curated regions and rivers of one word
  ("rojava", "euphrates", "kurdistan"); the other curated quarters, hills and facilities
  ("sheikh maqsoud", "handarat") are read after a cue, as towns are.

A town or city is read only after a cue: a locative ("in", "near", "captured"), a verb of
holding or striking ("holds", "lost", "bombed"), a direction ("east aleppo", "ne syria"),
"of"/"for" after a war noun ("the fall of aleppo", "the battle for raqqa"), or in a list
after one that was.  A feature name and a region are read anywhere: no English sentence
writes "tabqa dam" or "rojava" for anything else.  Names that are English words ("tell",
"tall", "harem", "mare") and words of three letters are never read.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from geo.gazetteer import Gazetteer, name_key, skeleton, strip_article
from geo.geoparse.lower_case import ENGLISH_WORDS, LISTED, MIN_LETTERS, prominent_cities
from geo.geoparse.patterns import LOCATIVE
from geo.geoparse.rank import _precision
from geo.geoparse.spot import _previous_word
from geo.geoparse.words import ThreadWords
from geo.records import Place

__all__ = ["LOWER_CUES", "TOWN_POPULATION", "lower_case_mentions", "lower_case_places",
           "lower_case_table", "thread_marks"]

TOWN_POPULATION = 15_000
# Verbs whose object is a place in comment threads, directions, and what a locative means.
LOWER_CUES = LOCATIVE | {
    "hold", "holds", "held", "holding", "lost", "lose", "loses", "losing", "control",
    "controls", "controlled", "controlling", "bomb", "bombs", "bombed", "bombing", "shell",
    "shells", "besieges", "encircle", "encircles", "surround", "surrounded", "surrounds",
    "liberate", "liberates", "defending", "defended", "evacuated", "retreat", "fled",
    "attacked", "attacks", "raided", "struck", "strikes", "hit", "hitting", "pounded",
    "pounding", "targeted", "targeting", "storm", "north", "south", "east", "west",
    "northern", "southern", "eastern", "western", "central", "ne", "nw", "se", "sw", "rural",
    "outside",
}
WAR_NOUNS = frozenset({
    "fall", "siege", "battle", "liberation", "outskirts", "countryside", "capture", "fight",
    "offensive", "defence", "defense", "gates", "north", "south", "east", "west", "city",
    "center", "centre", "province", "pocket", "front", "edge", "suburbs",
})
# Lower-case words that are English (or a common given name) as well as a town's spelling.
NOT_READ = ENGLISH_WORDS | frozenset({
    "tall", "tell", "harem", "mare", "dana", "hula", "kara", "qara", "sham", "nava", "neva",
    "bab", "tal", "dara", "dera", "raka", "gama", "hims", "damask", "humus", "hums", "daal",
    "dail", "dael", "qart", "tader", "safir", "reqe", "reqa", "hema", "hamo",
    "jazira", "jazeera",  # the broadcaster, in lower case
})
# Countries whose lower-case name is an English word (the bird, the porcelain, a name).
COUNTRY_WORDS = frozenset({"turkey", "jordan", "china", "japan", "georgia", "guinea", "niger",
                           "jersey", "wales", "chile", "india"})
# The article words a run-together name is joined at ("al", "el", "ez" ...).
ARTICLES = frozenset({"al", "el", "ar", "as", "az", "ad", "ash", "at", "an", "ath", "ez", "es",
                      "ed", "er", "en", "et", "ul"})
FEATURE_WORDS = frozenset({
    "dam", "airbase", "air", "airport", "airfield", "river", "lake", "crossing", "border",
    "governorate", "province", "mountains", "mountain", "plain", "heights", "desert",
    "highway", "road", "canton", "region", "kurdistan",
})
FREE_KINDS = frozenset({"region", "river", "lake"})
CUED_KINDS = frozenset({"district", "facility", "crossing", "hill", "dam", "road", "region"})
# per gazetteer: (table, keys by mark, mark by word as split, patterns by mark, built lazily)
_CACHE: dict[int, tuple[dict[str, tuple[Place, bool]], dict[str, list[str]], dict[str, str],
                        dict[str, re.Pattern[str]]]] = {}
_STOPS = ("", ".", ",", ";", ":", "!", "?", ")", "'s", "\u2019s", "-", '"', "...")


# Words too common in comments to tell that a name may be near: a name is looked for only
# in a text that has its ``_mark``, its longest other word ("tabqa" for "tabqa dam").
COMMON_WORDS = FEATURE_WORDS | ARTICLES | {
    "the", "of", "and", "syria", "syrian", "turkey", "turkish", "iraq", "iraqi", "lebanon",
    "jordan", "force", "military", "technical", "college", "school", "base", "north", "south",
    "east", "west", "upper", "lower", "village", "camp", "with", "tell", "tall", "tal",
    "housing", "project", "new", "old", "city", "great", "greater"}


def _mark(key: str) -> str:
    """The word of ``key`` whose presence a text is tested for before the pattern's scan."""
    words = key.split(" ")
    rare = [w for w in words if w not in COMMON_WORDS] or words
    return max(rare, key=len)


def _readable(key: str) -> bool:
    letters = key.replace(" ", "")
    return (len(letters) >= MIN_LETTERS and letters.isascii() and letters.isalpha()
            and key not in NOT_READ)


def _town_forms(gazetteer: Gazetteer, places: dict[str, Place],
                names: dict[str, list[str]]) -> dict[str, Place]:
    """Every lower-case form of the towns ``places`` (by id) as the module's doc says."""
    forms: dict[str, Place] = {}
    bones = {pid: skeleton(p.name) for pid, p in places.items()}
    curated = {(k, i) for k, i in gazetteer._curated if i in places}
    for key, ids in names.items():
        ids = [i for i in ids if i in places]
        if not ids:
            continue
        words = key.split(" ")
        joined = {key.replace(" ", "")} if len(words) > 1 and not ARTICLES.isdisjoint(
            words) else set()  # "albukamal", "deirezzor": a name run together at its article
        for pid in ids:
            named = (key, pid) in curated or key == name_key(places[pid].name)
            if named or (bones[pid] and skeleton(key) == bones[pid]
                         and len(key.replace(" ", "")) >= 5):
                for form in {key, strip_article(key), *joined}:
                    if _readable(form):
                        known = forms.get(form)
                        if known is None or known.population < places[pid].population:
                            forms[form] = places[pid]
    return forms


def lower_case_table(gazetteer: Gazetteer,
                     ) -> tuple[dict[str, tuple[Place, bool]], dict[str, list[str]]]:
    """Lower-case names to (place, read without a cue), and the names by their ``_mark``
    (built once per gazetteer)."""
    known = _CACHE.get(id(gazetteer))
    if known is not None:
        return known[0], known[1]
    table: dict[str, tuple[Place, bool]] = {}
    towns: dict[str, Place] = {}
    for place in gazetteer.places.values():
        if place.country != "SY" or not gazetteer.in_region(place):
            continue
        if ((place.kind in {"city", "town"} and place.population >= TOWN_POPULATION)
                or (place.id.startswith("supplement:")
                    and place.kind in {"city", "town", "village"})):
            towns[place.id] = place
    countries = {i for i, p in gazetteer.places.items() if p.kind == "country"}
    wanted = set(towns) | countries | {i for i in gazetteer.places
                                       if i.startswith("supplement:")}
    names = gazetteer.names_of(wanted)  # one pass over the index's names
    for form, place in _town_forms(gazetteer, towns, names).items():
        table[form] = (place, False)
    for key, place in prominent_cities(gazetteer).items():
        table.setdefault(key, (place, False))
    for key, ids in names.items():  # "fled to germany and sweden": a country, after a cue
        ids = [i for i in ids if i in countries]
        if (ids and len(key) >= 5 and _readable(key) and key not in COUNTRY_WORDS
                and (key == name_key(gazetteer.places[ids[0]].name)
                     or (key, ids[0]) in gazetteer._curated)):
            table.setdefault(key, (gazetteer.places[ids[0]], False))
    for key, ids in names.items():
        ids = [i for i in ids if i.startswith("supplement:")]
        if not ids or (key, ids[0]) not in gazetteer._curated or not _readable(key):
            continue
        place = gazetteer.places[ids[0]]
        words = key.split(" ")
        if (len(words) > 1 and FEATURE_WORDS.intersection(words)) or (
                len(words) == 1 and place.kind in FREE_KINDS and len(key) >= 5):
            table.setdefault(key, (place, True))
        elif place.kind in CUED_KINDS and (len(words) > 1 or len(key) >= 6):
            table.setdefault(key, (place, False))  # "in sheikh maqsoud", "near handarat"
    by_mark: dict[str, list[str]] = {}
    for key in table:
        by_mark.setdefault(_mark(key), []).append(key)
    marks = {mark + stop: mark for mark in by_mark for stop in _STOPS}
    _CACHE[id(gazetteer)] = (table, by_mark, marks, {})
    return table, by_mark


def _pattern(keys: list[str]) -> re.Pattern[str]:
    r"""Any of ``keys`` as a whole lower-case word run (a hyphen may stand for a space):
    ``(?<![\w'\u2019-])(key|key|...)(?![\w-])``, with the look-behind written after each
    key's first letter ("t(?<![\w'\u2019-]t)abqa"), so that the pattern opens with the keys'
    first letters, a set the engine scans for, instead of being tried at every position."""
    def branch(key: str) -> str:
        first, rest = re.escape(key[0]), re.escape(key[1:]).replace(r"\ ", "[ -]")
        return f"{first}(?<![\\w'\u2019-]{first}){rest}"
    return re.compile("(" + "|".join(branch(k) for k in sorted(keys, key=len, reverse=True))
                      + r")(?![\w-])")


def thread_marks(gazetteer: Gazetteer, words: ThreadWords) -> frozenset[str]:
    """The ``_mark`` of each table name that some text of a thread may have: ``words.split``,
    the thread's words as ``str.split`` gives them, split again at their hyphens as
    ``_matches`` splits a text.  A text without one of them as a substring has none of them
    as a word: ``_matches`` is then spared its split.  A mark none of whose names the thread
    writes as ``_pattern`` reads it (every word, spaces or hyphens between; ``words`` tells
    which strings the thread has) is dropped: the marks of names of several words are common
    words ("south", "border", "united"), which most threads write without the name."""
    lower_case_table(gazetteer)
    _, by_mark, marks, _ = _CACHE[id(gazetteer)]
    # (a set intersection, at C speed, for the words without a hyphen, which stand as they
    # are; the few with one are split again)
    found = {w for w in marks.keys() & words.split if "-" not in w}
    found.update(marks.keys() & {p for w in words.hyphened() for p in w.replace("-", " ").split()})
    return frozenset(mark for mark in {marks[w] for w in found}
                     if any(words(_written_forms(key)) for key in by_mark[mark]))


def _written_forms(key: str) -> tuple[str, ...]:
    """How ``_pattern`` may find ``key`` written: each space as a space or a hyphen."""
    forms = [""]
    for i, word in enumerate(key.split(" ")):
        forms = [f + gap + word for f in forms for gap in ((" ", "-") if i else ("",))]
    return tuple(forms)


def _matches(text: str, gazetteer: Gazetteer,
             present: frozenset[str] | None = None) -> list[tuple[int, int, str]]:
    """(start, end, key) of the table's names in ``text``, left to right, longest first where
    two start together; only the names whose ``_mark`` the text has are looked for
    (``present``: the thread's ``thread_marks``, if known)."""
    _, by_mark, marks, patterns = _CACHE[id(gazetteer)]
    if present is not None and not any(mark in text for mark in present):
        return []  # no mark in the text: none is one of its words
    words = text.replace("-", " ").split()
    if marks.keys().isdisjoint(words):
        return []  # most texts name none: a split and a set test, no scan
    found = []
    named = {marks[w] for w in marks.keys() & set(words)}
    for mark in named if present is None else named & present:
        pattern = patterns.get(mark)
        if pattern is None:
            pattern = patterns[mark] = _pattern(by_mark[mark])
        found += [(m.start(), m.end(), name_key(m.group(1))) for m in pattern.finditer(text)]
    found.sort(key=lambda f: (f[0], -f[1]))
    return found


OPERATION_AFTER = re.compile(r"[ \t-]+(?:shield|spring|wrath|volcano|dawn|storm|fury)\b",
                             re.IGNORECASE)
_OF_FOR = re.compile(r"([A-Za-z]+)[ \t]+(?:the[ \t]+)?(?:of|for)[ \t]+(?:the[ \t]+)?$")


def _cued(text: str, start: int) -> bool:
    if _previous_word(text, start) in LOWER_CUES:
        return True
    war = _OF_FOR.search(text[max(0, start - 40):start])
    return war is not None and war.group(1).lower() in WAR_NOUNS


def lower_case_places(text: str, gazetteer: Gazetteer, present: frozenset[str] | None = None,
                      ) -> Iterator[tuple[int, int, Place]]:
    """(start, end, place) of each place written in lower case where this module reads it
    (``present``: the thread's ``thread_marks``, if known)."""
    table = lower_case_table(gazetteer)[0]
    last = reach = -1
    for start, end, key in _matches(text, gazetteer, present):
        if start < reach:
            continue  # inside a longer name read here
        if OPERATION_AFTER.match(text, end):
            continue  # "euphrates shield", "peace spring": an operation's name
        place, free = table[key]
        if free or _cued(text, start) or (last >= 0 and LISTED.fullmatch(text, last, start)):
            last = reach = end
            yield start, end, place


def lower_case_mentions(text: str, gazetteer: Gazetteer,
                        read: Callable[[], list[tuple[int, int]]],
                        present: frozenset[str] | None = None,
                        ) -> Iterator[tuple[int, int, Place, int, str]]:
    """(start, end, place, ACLED precision, evidence) of each lower-case place that overlaps
    none of the spans ``read()`` gives (asked once, where a lower-case name is found);
    ``present``: the thread's ``thread_marks``, if known."""
    spans: list[tuple[int, int]] | None = None
    for start, end, place in lower_case_places(text, gazetteer, present):
        if spans is None:
            spans = read()
        if not any(a < end and start < b for a, b in spans):
            precision, why = _precision(text, start, end, place)
            yield start, end, place, precision, (
                f"a place written in lower case after a cue, or a feature's name; {why}")
