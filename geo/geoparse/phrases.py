"""Phrases: a name is read with the capitalised words around it, never as a fragment.

A spotted name can be one word of something longer:

* a longer place written differently from the gazetteer ("Tal Rafi'i" for "Tall ar Rafi`"):
  the whole run is looked up by its transliteration skeleton;
* a feature named after a place ("Jabal Hayyan", "Tishrin Dam", "Al-Fahd Oil Field"): the
  phrase is the feature, not the town inside it; a feature the gazetteer lacks is kept only
  near the places the text anchors (the feature is named for a village beside it), else it is
  unresolved;
* a person, an organisation or an event ("Salih Haji Mohammed", "Manbij Military Council",
  "Battle of Marj Dabiq", "the Manbij offensive"): rejected, with the reason;
* "X–Y road": a road between two places, drawn from one to the other.

Navigation and category lines of a copied web page ("Categories: Syria | Iraq") are not text.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator

from geo.gazetteer import Candidate, Gazetteer
from geo.geoparse.digits import has_digit
from geo.geoparse.directions import with_compass_word
from geo.geoparse.patterns import AGENT_AFTER, POSSESSIVE, TITLES, word_alternation
from geo.geoparse.plural_areas import read_plural_areas
from geo.geoparse.road_ends import road_ends
from geo.geoparse.run_edges import possessive, whole_name
from geo.geoparse.spot import _previous_word, _Spot, _starts_sentence
from geo.records import Place

__all__ = ["boilerplate_spans", "lower_case_countries", "numbered_roads", "read_phrases",
           "road_between"]

# Words that may stand before a name without being part of it (capitalised at a sentence's
# start, or directions and nationalities that qualify it).
LEFT_STOP = frozenset("""
the in on at from to by near of and or but as after before when while meanwhile later also
then since during with without between around towards toward into inside outside north south
east west northern southern eastern western central greater rural upper lower northeastern
northwestern southeastern southwestern syrian turkish kurdish iraqi russian american iranian
lebanese jordanian arab israeli armenian assyrian turkmen isil isis is ypg sdf saa fsa us u
this that these those january february march april may june july august september october
november december monday tuesday wednesday thursday friday saturday sunday both all some
most many several two three four five meanwhile however according if although though where
which who whose what so now yet even just only well here there why how today yesterday
tomorrow again perhaps maybe indeed clearly apparently still not no yes ok hi hello thanks
re i we you he she they it my our your his her their its over under across against for
beyond via vs versus up down out off army forces regime government rebel rebels
""".split())  # noqa: SIM905
RIGHT_STOP = frozenset("""
city town village villages province governorate district countryside cities towns provinces
governorates districts palestinian syrian lebanese jordanian iraqi kurdish turkish israeli
russian iranian
and or of on in at to by over under across against for with from into via vs versus january
february march april may june july august september october november december the
""".split())  # noqa: SIM905  (a demonym after a name describes it: "Yarmuk Palestinian camp")
# Feature words after a name: the phrase names the feature, not the place it is named after.
FEATURE_AFTER = re.compile(
    r"^[ \t]*(?:(?:military\s+)?air\s*base|airbase|airport|airfield|military airport|dam|"
    r"river|lake|mountains?|mount|hills?|castle|bridge|oil\s*fields?|oilfields?|gas\s*fields?|"
    r"oil station|gas station|gas plant|gas company|pumping station|station|silos?|school|"
    r"hospital|prison|stadium|palace|hotel|"
    r"valley|plain|junction|triangle|factory|plant|camp|base|checkpoint|roundabout|square|"
    r"crossroads?|highway|road|motorway|citadel|barracks|academy|college|mosque|church|"
    r"quarry|farms?|orchards?|wells?|cement plant|power plant|thermal plant|"
    r"(?:youth )?housing(?: project)?|complex)\b",
    re.IGNORECASE)
FEATURE_BEFORE = re.compile(
    r"(?:\b(?:Jabal|Jebel|Jabel|Mount|Mt\.?|Hill|Wadi|Lake|Qasr|Sabkhat|Bir|B['\u2019]ir)[ \t-]+)$")
# Event words before a name ("Battle of", "Operation"), and ISIL's "State of Iraq and the":
# read forwards, one scan of an entry finds every offset where such a name starts.
EVENT_AHEAD = re.compile(
    r"(?=[BCFLMOS])(?:\b(Battle|Siege|Fall|Liberation|Capture|Operation|Offensive|Campaign|"
    r"Massacre|Bombing|Sack)s?\s+(?:(?:of|for|at|in|on)\s*)?(?:the\s+)?(?=\S)"
    r"|\bState (?:of|in) (?:the )?(?=\S))")
# An event named after where it happened ("the Battle of al-Bab", "the Siege of Kobani", "the
# Fall of Aleppo"): the name is that place, the wider area (precision 3, geo.geoparse.rank);
# an operation's or a campaign's code name ("Operation Euphrates Shield") is not a place.
EVENT_AT_PLACE = frozenset({"Battle", "Siege", "Fall", "Liberation", "Capture", "Massacre",
                            "Bombing", "Sack"})
EVENT_WORDS = ("Battle", "Siege", "Fall", "Liberation", "Capture", "Operation", "Offensive",
               "Campaign", "Massacre", "Bombing", "Sack", "State ")
ISIL_LEVANT = re.compile(r"\bState (?:of|in) Iraq and (?:the |al-)?(?=\S)")
EVENT_AFTER = re.compile(
    r"^[ \t]*(?:massacre|accords?|agreement|process|talks|military council|city council|"
    r"local council|council)\b",
    re.IGNORECASE)
ARTICLE_WORDS = frozenset({"al", "el", "ar", "as", "ash", "ad", "az", "at", "an", "ath", "ul"})
ACRONYM = re.compile(r"^[A-Z]{2,6}$")
_RUN_WORD = re.compile(r"(?:(?:al|el|ar|as|ash|ad|az|at|an|ath|ad|Al|El|Ar|As|Ash|Ad|Az|At|An)"
                       r"[-\u2010])?[A-Z\u00c0-\u00de][\w'\u2019`\u02bf\u02be]+")
_WORD_REVERSED = re.compile(r"(?:[ \t]|[-\u2010\u2011])([\w'\u2019`\u02bf\u02be]+(?:[-\u2010]"
                            r"(?:la|le|ra|sa|hsa|da|za|ta|na|hta))?)")
_GAP = re.compile(r"[ \t]|[-\u2010\u2011]")  # one space or one hyphen: " - " separates
# (a second word may open with an article: "Deir ez-Zor", "Ras al-Ayn", "Jisr al-Shughur")
_END = (r"((?:(?:al|Al|ar|Ar|as|As)-)?[A-Z][\w'\u2019]+"
        r"(?: (?:(?:al|el|ez|ed|ad|as|ar|ash|az|an|at)-)?[A-Z][\w'\u2019]+)?)")
ROAD_WORDS = ("road", "highway", "motorway", "Road", "Highway", "Motorway")
# r"\b(?:[Rr]oad|[Hh]ighway|[Mm]otorway)\b", opened by its first letters
ROAD_WORD = re.compile(word_alternation(["Road", "road", "Highway", "highway", "Motorway",
                                         "motorway"]) + r"\b")
ROAD_BETWEEN = re.compile(
    r"\b" + _END + r"\s*[-\u2010\u2013\u2014]\s*" + _END + r"\s+"
    r"(road|highway|motorway|Road|Highway|Motorway)\b")
BOILERPLATE_LINE = re.compile(
    r"^[ \t]*(?:Categories|Category|Tags|Tagged|Filed under|Posted in|Labels|Topics|Share this|"
    r"Related posts?|Related|See also|Permalink|Navigation|Menu|Home)\b[^\n]*$",
    re.MULTILINE | re.IGNORECASE)
# BOILERPLATE_LINE after a line's end: the literal "\n" lets the engine skip from line to line
# instead of trying "^" at every position (``_boilerplate_lines`` gives its spans).
BOILERPLATE_NEXT = re.compile("\n" + BOILERPLATE_LINE.pattern.removeprefix("^"),
                              re.MULTILINE | re.IGNORECASE)
MENU_LINE = re.compile(r"^[^\n]*(?:[ \t][|\u00b7\u00bb\u2022][ \t][^\n|]*){2,}$", re.MULTILINE)
# What makes a line a MENU_LINE, found without its backtracking (which took minutes on a
# long Markdown table row, "a | b | c ..."): a line is one when it ends with two separators
# and no "|" after the first but the second's own.  ``_menu_lines`` gives MENU_LINE's spans.
_SEPARATOR = r"[ \t][|\u00b7\u00bb\u2022][ \t]"
MENU_TAIL = re.compile(_SEPARATOR + r"[^\n|]*" + _SEPARATOR + r"[^\n|]*$", re.MULTILINE)
MENU_MARK = re.compile(r"[ \t][|\u00b7\u00bb\u2022][ \t]")
MENU_MARKS = ("|", "\u00b7", "\u00bb", "\u2022")  # one is in any MENU_MARK (a quick test)
LOWER_COUNTRIES = ("syria", "iraq", "turkey", "lebanon", "jordan", "iran", "israel", "russia",
                   "egypt", "libya", "yemen", "afghanistan", "saudi arabia", "qatar")
LOWER_COUNTRY = re.compile(
    r"\b(?:in|into|to|from|across|through|inside|of|out of|back to)[ \t]+(syria|iraq|turkey|"
    r"lebanon|jordan|iran|israel|russia|egypt|libya|yemen|afghanistan|saudi arabia|qatar)\b"
    r"(?!\s+(?:and\s+)?(?:gravy|sandwich|breast|meat|dinner))")  # the bird


SEE_ALSO = re.compile(r"^[ \t]*(?:See also|Related articles|Further reading|External links)"
                      r"[ \t]*:?[ \t]*\n(?:[^\n]+(?:\n|$))+", re.MULTILINE | re.IGNORECASE)


def _menu_lines(text: str) -> list[tuple[int, int]]:
    """``[m.span() for m in MENU_LINE.finditer(text)]``, in time linear in a line's
    separators (``tests/test_geoparse_scanning.py`` compares them)."""
    return [(text.rfind("\n", 0, m.start()) + 1, m.end()) for m in MENU_TAIL.finditer(text)]


def _boilerplate_lines(text: str) -> list[tuple[int, int]]:
    """``[m.span() for m in BOILERPLATE_LINE.finditer(text)]``: the first line, then each
    line after a "\n" (``tests/test_geoparse_shortcuts.py`` compares them)."""
    first = BOILERPLATE_LINE.match(text)
    spans = [first.span()] if first else []
    return spans + [(m.start() + 1, m.end()) for m in BOILERPLATE_NEXT.finditer(text)]


def boilerplate_spans(text: str) -> list[tuple[int, int]]:
    """Page furniture: "Categories: ...", "Home | About | Syria", a "See also" list."""
    spans = _boilerplate_lines(text)
    if any(mark in text for mark in MENU_MARKS) and MENU_MARK.search(text):
        # "Home | About | Syria": only where a separator is written
        spans += _menu_lines(text)
    if spans:
        spans += [m.span() for m in SEE_ALSO.finditer(text)]
    return spans


def _words_before(text: str, start: int) -> Iterator[tuple[int, int]]:
    """Capitalised words joined to ``start`` by a space or hyphen, nearest first (read
    backwards: one anchored match per word instead of a search of the window)."""
    pos = start
    while pos > 1:
        match = _WORD_REVERSED.match(text[max(0, pos - 40):pos][::-1])
        if match is None:
            return
        begin, end = pos - match.end(1), pos - match.start(1)
        if not (_RUN_WORD.fullmatch(text, begin, end) or _article(text, begin, end)):
            return
        yield begin, end
        pos = begin


# Articles that are also English words: written apart ("Aleppo at Dabiq"), they are English;
# an article joins a name by a hyphen ("Tall at-Tuwal") or is one no English word spells.
ENGLISH_ARTICLES = frozenset({"at", "as", "an", "ad"})


def _article(text: str, begin: int, end: int) -> bool:
    word = text[begin:end]
    return word in ARTICLE_WORDS and (word not in ENGLISH_ARTICLES
                                      or text[end:end + 1] in "-\u2010\u2011")


def _words_after(text: str, end: int) -> Iterator[tuple[int, int]]:
    pos = end
    while True:
        gap = _GAP.match(text, pos)
        if gap is None or gap.end() == pos:
            return
        word = _RUN_WORD.match(text, gap.end())
        if word is None:
            return
        yield word.span()
        pos = word.end()


_JOINS = " \t-\u2010\u2011"


def _alone(text: str, start: int, end: int) -> bool:
    """Whether no word can join the name on either side (most names: "in Aleppo."), told
    from the characters around it without the word patterns: the word before starts in lower
    case and is no article, and no capital or article follows."""
    after = text[end:end + 2]
    if len(after) == 2 and after[0] in _JOINS and (after[1].isupper() or after[1] in "aeAE"):
        return False
    if start < 2 or text[start - 1] not in _JOINS:
        return True
    begin = start - 1
    while begin > 0 and (text[begin - 1].isalnum() or text[begin - 1] in "_'\u2019`\u02bf\u02be"):
        begin -= 1
    word = text[begin:start - 1]
    return not word or (word[0].islower() and word not in ARTICLE_WORDS)


def _run(text: str, spot: _Spot) -> tuple[int, int]:
    """The capitalised run around a spot, without the stop words that may border it."""
    start, end = spot.start, spot.end
    if _alone(text, start, end):
        return start, end
    for begin, stop in _words_before(text, start):
        if text[begin:stop] in ARTICLE_WORDS:
            continue  # "Jaish al Fatah": an article joins the words around it
        if (text[begin:stop].casefold() in LEFT_STOP or ACRONYM.match(text[begin:stop])
                or _starts_sentence(text, begin) or possessive(text[begin:stop])):
            break  # a sentence's first word is most often not part of the name after it
        start = begin
    for begin, stop in _words_after(text, end):
        word = text[begin:stop]
        if word.casefold() in RIGHT_STOP or ACRONYM.match(word):
            break
        end = stop
    return start, end


def _regional(candidates: list[Candidate], gazetteer: Gazetteer) -> list[Candidate]:
    """The candidates in the text's region (the focus of data/gazetteer_config.json)."""
    return [c for c in candidates if gazetteer.in_region(c.place)]


def read_phrases(spots: list[_Spot], gazetteer: Gazetteer,
                 rejected: list[tuple[int, int, int, str, str]],
                 pending: list[tuple[_Spot, int, int]],
                 event_words: tuple[str, ...] = EVENT_WORDS) -> list[_Spot]:
    """Spots read with their phrase: grown to the whole name, marked as a feature, or dropped,
    or read as a governorate (``geo.geoparse.plural_areas``); a run no name matches goes to
    ``pending`` (spot, start, end), a possible variant."""
    kept: list[_Spot] = []
    resume: dict[int, int] = {}  # by entry: where the last grown run ends
    events: dict[int, set[int]] = {}  # by entry: where a name right after an event word starts
    for spot in map(lambda s: with_compass_word(s, gazetteer), spots):
        text = spot.entry.text
        if spot.start < resume.get(spot.entry.id, -1):
            continue  # inside a run an earlier spot grew over
        after = text[spot.end:spot.end + 40]
        if spot.entry.id not in events:
            events[spot.entry.id] = _event_ends(text, event_words)  # once per entry
        if spot.start in events[spot.entry.id] or _event_after(after):
            rejected.append((spot.entry.id, spot.start, spot.end, spot.surface,
                             "names an event or an organisation"))
            continue
        start, end = _run(text, spot)
        if (start, end) != (spot.start, spot.end):
            start, whole, found = whole_name(text, start, end, gazetteer)
            if found:
                resume[spot.entry.id] = end
                grown = _Spot(spot.entry, start, end, whole, found, whole.count(" ") + 1,
                              note=f"the whole name {whole!r}")
                if _feature_before(text[max(0, start - 12):start]) or (
                        _feature_after(text[end:end + 40])
                        and not _known_phrase(grown, gazetteer)):
                    grown.feature = whole  # "Al-Zera'a roundabout", as for a name not grown
                kept.append(grown)
                continue
            bare = _without_feature_words(text, start, end)
            if bare == (spot.start, spot.end) and (
                    _feature_after(text[end:end + 30])
                    or _feature_before(text[max(0, start - 12):start])
                    or (start, end) != bare):
                spot.feature = whole  # "Jabal Hayyan", "Palmyra Castle": named after the spot
                kept.append(spot)
                continue
            if _names_joined(text, start, end, gazetteer):
                kept.append(spot)  # "al-Layramoun al-Khalidiyah": two names, a comma lost
                continue
            if grown := _feature_spot(spot, start, end, gazetteer):  # "Abu Duhur airbase"
                resume[spot.entry.id] = grown.end
                kept.append(grown)
                continue
            if _previous_word(text, spot.start) not in TITLES:  # a title: rejected as such later
                pending.append((spot, start, end))  # other names of the run are still read
                continue
        feature_after = _feature_after(after) and not _known_phrase(spot, gazetteer)
        if feature_after and (grown := _feature_spot(spot, spot.start, spot.end, gazetteer)):
            spot = grown
        elif feature_after or _feature_before(text[max(0, spot.start - 12):spot.start]):
            spot.feature = spot.surface
        kept.append(spot)
    read_plural_areas(kept, gazetteer)  # "the Homs and Hama governorates": governorates
    return kept


class _Remembered(dict):
    """Whether a pattern's ``match`` (or ``search``) finds anything in a short window,
    remembered by window: asked of every name read, and a thread repeats its phrases ("Dam",
    "offensive", "was captured").  One table per pattern, keyed by the window alone: a cache
    keyed by (pattern, window) hashes the pattern at every call, and a compiled pattern's
    hash covers its whole program (1.6 µs for FEATURE_AFTER, more than the match saved).
    A call is the dict's own look-up (no Python frame for a window seen before); a new
    window is tested in ``__missing__``."""

    __slots__ = ("_size", "_test")

    def __init__(self, test: Callable[[str], object], size: int = 1 << 15) -> None:
        super().__init__()
        self._test, self._size = test, size

    __call__ = dict.__getitem__

    def __missing__(self, window: str) -> bool:
        if len(self) >= self._size:
            self.clear()
        known = self[window] = self._test(window) is not None
        return known


_event_after = _Remembered(EVENT_AFTER.match)
_feature_after = _Remembered(FEATURE_AFTER.match)
_feature_before = _Remembered(FEATURE_BEFORE.search)  # the window ends where the name starts


_ARTICLE_START = re.compile(r"(?:al|el|Al|El)[-\u2010]")


def _names_joined(text: str, start: int, end: int, gazetteer: Gazetteer) -> bool:
    """Whether a run no name matches is two or more names written side by side, each after
    the first opening with an Arabic article ("al-Layramoun al-Khalidiyah"): every piece
    must be a name of the region in its own right ("Liwa al-Quds", a brigade, is not: Liwa
    is an oasis of Abu Dhabi)."""
    words = [m.span() for m in _RUN_WORD.finditer(text, start, end)]
    cuts = [i for i, (a, _) in enumerate(words) if i and _ARTICLE_START.match(text, a)]
    if not cuts:
        return False
    bounds = [0, *cuts, len(words)]
    return all(any(gazetteer.in_region(c.place) and c.place.kind != "country"
                   and not c.article_dropped
                   for c in gazetteer.candidates(text[words[i][0]:words[j - 1][1]]))
               for i, j in itertools.pairwise(bounds))


FEATURE_WORD = re.compile(r"(?i:jabal|jebel|jabel|mount|mt|hill|wadi|lake|qasr|tal|tell|tall|"
                          r"castle|prison|base|airbase|airport|dam|bridge|mountain|oilfield|"
                          r"roundabout|hotel|palace|school|hospital|camp|station|field|oil|"
                          r"farms?|orchards?|housing|youth|project|bridge|triangle|complex|balad)$")


def _without_feature_words(text: str, start: int, end: int) -> tuple[int, int]:
    """A run without the feature words at its ends: "Jabal Hayyan" -> "Hayyan"."""
    words = [m.span() for m in _RUN_WORD.finditer(text, start, end)]
    while len(words) > 1 and FEATURE_WORD.match(text, *words[0]):
        words.pop(0)
    while len(words) > 1 and FEATURE_WORD.match(text, *words[-1]):
        words.pop()
    return (words[0][0], words[-1][1]) if words else (start, end)


def _event_ends(text: str, words: tuple[str, ...] = EVENT_WORDS) -> set[int]:
    """Offsets where a name right after an event word starts, unless the event is named
    after where it happened (``EVENT_AT_PLACE``; most texts have none)."""
    if not any(word in text for word in words):
        return set()
    return {m.end() for regex in (EVENT_AHEAD, ISIL_LEVANT) for m in regex.finditer(text)
            if regex is ISIL_LEVANT or m.group(1) not in EVENT_AT_PLACE}


FEATURE_KINDS = frozenset({"dam", "facility", "lake", "river", "hill", "crossing", "road"})


def named_feature(text: str, start: int, end: int, gazetteer: Gazetteer,
                  ) -> tuple[int, list[Candidate]] | None:
    """(end, candidates) of the feature a name and the feature word after it name together,
    written another way than the gazetteer's ("Al Tabqa airbase", "Kuweiris airbase" for
    "Kuweires airbase"): by its key, else by its transliteration skeleton; None when the
    phrase is no feature the gazetteer has."""
    window = text[end:end + 40]
    if not _feature_after(window):  # (remembered: most names have no feature word after)
        return None
    after = FEATURE_AFTER.match(window)
    phrase = text[start:end + after.end()]
    found = [c for c in gazetteer.candidates(phrase) if c.place.kind in FEATURE_KINDS] or [
        c for c in gazetteer.variants(phrase) if c.place.kind in FEATURE_KINDS]
    return (end + after.end(), found) if found else None


def _feature_spot(spot: _Spot, start: int, end: int, gazetteer: Gazetteer) -> _Spot | None:
    """The spot of the feature the words at ``start:end`` and the feature word after them
    name (``named_feature``), or None."""
    named = named_feature(spot.entry.text, start, end, gazetteer)
    if named is None:
        return None
    surface = spot.entry.text[start:named[0]]
    return _Spot(spot.entry, start, named[0], surface, named[1], surface.count(" ") + 1,
                 note="the feature's name with its word")


def _known_phrase(spot: _Spot, gazetteer: Gazetteer) -> bool:
    """Whether the spot itself is already a feature ("Tabqa Dam" is, "Tabqa" is not)."""
    return any(c.place.kind not in {"city", "town", "village", "country"}
               for c in spot.candidates)


def road_between(text: str, gazetteer: Gazetteer, best: callable,
                 words: tuple[str, ...] = ROAD_WORDS) -> Iterator[tuple[int, int, str, Place]]:
    """"Jarabulus–Manbij road": a road place from one end to the other, for each such phrase."""
    if not any(word in text for word in words):  # most texts name no road
        return
    for word in ROAD_WORD.finditer(text):  # then only the words before each road word
        # the phrase that ends with this road word ("the A-B highway (M5) ... the A-C road":
        # not the first phrase of the window)
        match = next((m for m in ROAD_BETWEEN.finditer(text, max(0, word.start() - 80),
                                                       word.end()) if m.end() == word.end()),
                     None)
        if match is None:
            continue
        ends = []
        for group in (1, 2):
            name = match.group(group)
            if name.startswith("The "):  # "The Manbij-Jarabulus road was cut"
                name = name[4:]
            found = _regional(gazetteer.candidates(name), gazetteer)
            if not found:
                break
            ends.append(found)
        if len(ends) != 2:
            continue
        a, b = road_ends(ends[0], ends[1], gazetteer, best)
        if a.id == b.id:
            continue
        pid = f"road:{a.id}~{b.id}"
        place = Place(id=pid, name=f"{a.name}\u2013{b.name} road", kind="road", country=a.country,
                      lat=round((a.lat + b.lat) / 2, 5), lon=round((a.lon + b.lon) / 2, 5),
                      gazetteer_id=pid, geometry={"type": "LineString",
                                                  "coordinates": [[a.lon, a.lat], [b.lon, b.lat]]},
                      source=f"the road between {a.gazetteer_id} and {b.gazetteer_id}")
        start = match.start() + 4 * match.group(0).startswith("The ")  # the name's, not "The"
        yield start, match.end(), text[start:match.end()], place


# Country names no English word or given name spells in lower case ("turkey" is a bird,
# "jordan" a name): a comment's "syria" is the country wherever it stands, unless the state is
# acting ("syria will", "syria's army": the government, as with capitals).
UNAMBIGUOUS_COUNTRY = re.compile(
    r"(?<![\w./@-])(syria|iraq|lebanon|iran|israel|egypt|libya|yemen|afghanistan|"
    r"saudi arabia|qatar)(?![\w@-]|\.\w)")


def lower_case_countries(text: str, gazetteer: Gazetteer, words: tuple[str, ...] = LOWER_COUNTRIES,
                         ) -> Iterator[tuple[int, int, Place]]:
    """'in syria', 'from turkey': a country written in lower case after a locative; the
    unambiguous ones ('syria is a mess') anywhere the state is not acting."""
    if not any(word in text for word in words):
        return
    spans = {m.span(1) for m in LOWER_COUNTRY.finditer(text)}
    spans |= {m.span(1) for m in UNAMBIGUOUS_COUNTRY.finditer(text)
              if not (AGENT_AFTER.match(text[m.end():m.end() + 20])
                      or POSSESSIVE.match(text[m.end():m.end() + 3]))}
    for start, end in sorted(spans):
        for candidate in gazetteer.candidates(text[start:end]):
            if candidate.place.kind == "country":
                yield start, end, candidate.place
                break



# Road numbers: the spotter reads letters only, so "M4", "M-5 highway", "Route 47" are read here.
# r"\b(?:M[- ]?\d{1,2}|Route \d{1,3}|Highway \d{1,3})..." with each "\b" moved after the first
# letter (a look-behind): a pattern that opens with its literals lets the engine skip to an
# "M", "R" or "H" instead of testing a word boundary at every position (twice as fast).
ROAD_NUMBER = re.compile(r"(?:M(?<=\bM)[- ]?\d{1,2}|Route(?<=\bRoute) \d{1,3}"
                         r"|Highway(?<=\bHighway) \d{1,3})"
                         r"(?:[ \t]+(?:[Hh]ighway|[Mm]otorway|[Rr]oad))?\b")


def numbered_roads(text: str, gazetteer: Gazetteer) -> Iterator[tuple[int, int, Place]]:
    """Numbered roads the gazetteer knows, longest form first ("M4 Highway", then "M4")."""
    if not has_digit(text):
        return
    for match in ROAD_NUMBER.finditer(text):
        found = gazetteer.candidates(match.group())
        if not found:
            continue
        roads = [c.place for c in found if c.place.kind == "road"]
        if roads:
            yield match.start(), match.end(), roads[0]
