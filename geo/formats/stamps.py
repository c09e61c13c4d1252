"""Dates and times as comment systems print them, absolute or relative.

Absolute stamps come in a handful of orders (``07 June 2016 at 05:06 PM``, ``June 7, 2016
05:06 PM``, ``Jun 7, 2016 2:35:16 PM``, ``2016-06-07T14:35:16``); each is read into the naive
local time printed.  Relative stamps (``2 years ago``, ``yesterday at 5:06 PM``) are resolved
against a date the user gives (``as_of``) or kept unknown: a time is never made up.

>>> read_stamp("Jun 7, 2016 2:35:16 PM").moment.isoformat()
'2016-06-07T14:35:16'
>>> read_stamp("2 hours ago").moment is None
True
>>> read_stamp("yesterday at 5:06 PM", as_of=date(2016, 6, 8)).moment.isoformat()
'2016-06-07T17:06:00'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

__all__ = ["Stamp", "find_stamp_line", "is_stamp", "read_stamp"]

_MONTHS = {name: number for number, names in enumerate(
    [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
     ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
     ("oct", "october"), ("nov", "november"), ("dec", "december")], start=1) for name in names}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"
_TIME = (r"(?P<hour>\d{1,2})[:.](?P<minute>\d{2})(?::(?P<second>\d{2}))?"
         r"(?:\s*(?P<ampm>[ap])\.?\s?m\.?)?")
_ZONE = r"(?:\s*(?:utc|gmt|[a-z]{2,4}t|z|[+-]\d{2}:?\d{2}))?"
_JOIN = r"\s*(?:,|\bat\b|@|-|\u2013|\u2014|\||t)?\s*"
_DATES = (
    _WEEKDAY + _DAY + r"\s+" + _MONTH + r",?\s+" + _YEAR,  # 07 June 2016
    _WEEKDAY + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR,  # June 7, 2016
    r"(?P<year>\d{4})-(?P<mnum>\d{2})-(?P<day>\d{2})",  # 2016-06-07
)
ABSOLUTE = [re.compile(r"^\s*" + d + r"(?:" + _JOIN + _TIME + _ZONE + r")?\s*$", re.IGNORECASE)
            for d in _DATES]
_UNITS = {"second": timedelta(seconds=1), "minute": timedelta(minutes=1),
          "hour": timedelta(hours=1), "day": timedelta(days=1), "week": timedelta(weeks=1),
          "month": timedelta(days=30), "year": timedelta(days=365)}
AGO = re.compile(r"^\s*(?:about\s+)?(?P<count>\d+|an?|one)\s+(?P<unit>second|minute|hour|day|"
                 r"week|month|year)s?\s+ago\s*$", re.IGNORECASE)
DAY_WORD = re.compile(r"^\s*(?P<word>today|yesterday)(?:" + _JOIN + _TIME + r")?\s*$",
                      re.IGNORECASE)
JUST_NOW = re.compile(r"^\s*just\s+now\s*$", re.IGNORECASE)
# Fine units resolve to a moment; coarser ones only to a day, and are noted as approximate.
_EXACT_UNITS = {"second", "minute", "hour"}


@dataclass(frozen=True, slots=True)
class Stamp:
    """What a date text says: a moment, or why there is none (``problem``)."""

    moment: datetime | None
    problem: str = ""
    relative: bool = False
    approximate: bool = False


def _clock(match: re.Match[str]) -> tuple[int, int, int] | None:
    if match["hour"] is None:
        return None
    hour, minute = int(match["hour"]), int(match["minute"])
    second = int(match["second"] or 0)
    if match["ampm"]:
        if not 1 <= hour <= 12:
            return (99, 0, 0)  # an impossible clock: reported as not a real time
        hour = hour % 12 + (12 if match["ampm"].lower() == "p" else 0)
    return hour, minute, second


def _absolute(text: str) -> Stamp | None:
    for pattern in ABSOLUTE:
        match = pattern.match(text)
        if match is None:
            continue
        month = (_MONTHS[match["month"].lower()] if "month" in match.groupdict()
                 and match["month"] else int(match["mnum"]))
        clock = _clock(match)
        try:
            day = date(int(match["year"]), month, int(match["day"]))
            if clock is None:
                return Stamp(None, f"the date {text.strip()!r} has no time")
            return Stamp(datetime(day.year, day.month, day.day, *clock))
        except ValueError:
            return Stamp(None, f"the date {text.strip()!r} is not a real date")
    return None


def _relative(text: str, as_of: date | None) -> Stamp | None:
    """A relative time against ``as_of``: a datetime resolves "2 hours ago"; a bare date
    only what is counted in days or said with its clock ("yesterday at 5:06 PM")."""
    ago, day_word = AGO.match(text), DAY_WORD.match(text)
    if not (ago or day_word or JUST_NOW.match(text)):
        return None
    if as_of is None:
        return Stamp(None, f"the time {text.strip()!r} is relative and no date was given to "
                           "resolve it (--as-of)", relative=True)
    has_clock = isinstance(as_of, datetime)
    as_of = as_of if isinstance(as_of, datetime) else datetime.combine(as_of, datetime.min.time())
    fine = (ago and ago["unit"].lower() in _EXACT_UNITS) or JUST_NOW.match(text)
    if fine and not has_clock:
        return Stamp(None, f"the time {text.strip()!r} needs a time of day in --as-of, not "
                           "only a date", relative=True)
    if ago:
        raw = ago["count"].lower()
        count = 1 if raw in {"a", "an", "one"} else int(raw)
        unit = ago["unit"].lower()
        moment = as_of - count * _UNITS[unit]
        return Stamp(moment, relative=True, approximate=unit not in _EXACT_UNITS)
    if day_word:
        base = as_of - timedelta(days=1 if day_word["word"].lower() == "yesterday" else 0)
        clock = _clock(day_word)
        if clock is None:
            return Stamp(base.replace(hour=0, minute=0, second=0, microsecond=0),
                         relative=True, approximate=True)
        try:
            return Stamp(datetime(base.year, base.month, base.day, *clock), relative=True)
        except ValueError:
            return Stamp(None, f"the time {text.strip()!r} is not a real time", relative=True)
    return Stamp(as_of, relative=True)


def read_stamp(text: str, *, as_of: date | None = None) -> Stamp:
    """Read a whole text as a date and time; ``problem`` says why when it cannot be."""
    cleaned = text.strip()
    if not cleaned:
        return Stamp(None, "there is no date")
    found = _absolute(cleaned) or _relative(cleaned, as_of)
    if found is not None:
        return found
    return Stamp(None, f"the date {cleaned!r} is not a date this reader knows")


def is_stamp(text: str) -> bool:
    """Whether a whole text reads as a date (absolute or relative), good or not."""
    cleaned = text.strip()
    return bool(cleaned) and (any(p.match(cleaned) for p in ABSOLUTE)
                              or bool(AGO.match(cleaned) or DAY_WORD.match(cleaned)
                                      or JUST_NOW.match(cleaned)))


# Words around a date on a comment's header line: "• 2 years ago", "June 7, 2016 at 5:06 pm
# edited", "said on ...", "| Permalink".
_DECORATION = re.compile(r"^[\s\u2022\u00b7|\u2013\u2014-]*(?:(?:said|posted|replied)\s+)?"
                         r"(?:on\s+)?|[\s\u2022\u00b7|]*(?:\(?edited\)?|said:?|permalink|reply|#\d+)?\s*$",
                         re.IGNORECASE)


def find_stamp_line(line: str) -> str | None:
    """The date on a line that holds nothing but a date and decoration, else None."""
    if len(line) > 80:
        return None
    core = _DECORATION.sub("", line)
    return core if is_stamp(core) else None
