"""How the timeline plays: everything up to now (cumulative) or a sliding window, and how fast.

Analysts ask two things of a map's time control (kepler.gl's most requested time features):
to see the picture build up, and to see only what is recent ("the last 5 comments", "the last
6 hours"), so that a place the thread has moved on from drops off the map.  Both, and the
speed of play, are carried in the URL:

* ``window=5`` — the last 5 comments (timeline steps) up to the slider's position;
  ``window=6h`` — the comments posted in the 6 hours up to it; absent — cumulative.
* ``speed=2`` — play twice as fast: a step every :data:`BASE_SECONDS` / speed seconds;
  one of :data:`SPEEDS`.

No Streamlit here: the page reads and writes these through :mod:`atlas.state`.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence
from dataclasses import dataclass

from atlas.view import TimelineStep

__all__ = ["BASE_SECONDS", "SPEEDS", "Window", "parse_speed", "parse_window", "window_start"]

#: Seconds between two play steps at speed 1.
BASE_SECONDS = 1.2
SPEEDS = (0.5, 1.0, 2.0, 4.0)
MAX_WINDOW = 10_000
_WINDOW = re.compile(r"^(\d{1,5})\s*(h|c)?$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Window:
    """A sliding window: the last ``size`` comments (``unit="comments"``) or hours."""

    size: int
    unit: str = "comments"  # or "hours"

    def to_param(self) -> str:
        return f"{self.size}h" if self.unit == "hours" else str(self.size)

    def describe(self) -> str:
        noun = "hour" if self.unit == "hours" else "comment"
        return f"the last {self.size} {noun}{'s' * (self.size != 1)}"


def parse_window(value: str) -> Window | None:
    """``"5"`` -> last 5 comments, ``"6h"`` -> last 6 hours; ``None`` if it is not one."""
    match = _WINDOW.match(value.strip())
    if not match:
        return None
    size = int(match.group(1))
    if not 1 <= size <= MAX_WINDOW:
        return None
    unit = "hours" if (match.group(2) or "").lower() == "h" else "comments"
    return Window(size, unit)


def parse_speed(value: str) -> float | None:
    """One of :data:`SPEEDS` written as ``2`` or ``0.5`` (an ``x`` after it is allowed)."""
    try:
        speed = float(value.strip().rstrip("xX"))
    except ValueError:
        return None
    return speed if speed in SPEEDS else None


def _time(stamp: str) -> datetime.datetime | None:
    try:
        return datetime.datetime.fromisoformat(stamp[:19])
    except ValueError:
        return None


def window_start(steps: Sequence[TimelineStep], until: int, window: Window | None) -> int | None:
    """The first timeline step a window ending at step ``until`` shows (None: from the start).

    By comments: ``until - size + 1``.  By hours: the first step whose time (its own, or for
    an untimed post its thread's first time, ``step.at``) is within ``size`` hours before
    the time of step ``until``; an untimed end step falls back to counting comments.
    """
    if window is None or not steps:
        return None
    until = max(0, min(until, len(steps) - 1))
    if window.unit == "comments":
        start = until - window.size + 1
        return start if start > 0 else None
    end = _time(steps[until].at) if steps[until].at else None
    if end is None:
        start = until - window.size + 1
        return start if start > 0 else None
    earliest = end - datetime.timedelta(hours=window.size)
    start = until
    while start > 0:
        before = _time(steps[start - 1].at) if steps[start - 1].at else None
        if before is None or before < earliest:
            break
        start -= 1
    return start if start > 0 else None
