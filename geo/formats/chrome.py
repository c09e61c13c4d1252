"""Page furniture that copying a page drags along: buttons, vote counts, headings, navigation.

A line is furniture when it is, in full, one of the labels in ``data/thread_chrome.csv``
(case and surrounding space ignored): "Reply", "Like", "Report", "Guest", "Comments (25)",
"Main", "Posted in Syria".  Only whole lines are matched, so "Reply to Barish: Azaz fell"
is text; the labels are the interface words of the comment systems, not of any thread.

>>> is_chrome("  Reply "), is_chrome("Share ›"), is_chrome("Reply: Azaz fell")
(True, True, False)
"""

from __future__ import annotations

import csv
import functools
import re

from geo.paths import CHROME_PATH

__all__ = ["CHROME_PATH", "chrome_pattern", "is_chrome"]

MAX_CHROME_CHARS = 120  # longer lines are never furniture: saves the regex on long paragraphs


@functools.cache
def chrome_pattern() -> re.Pattern[str]:
    """One regex: any label of the file, matching a whole line."""
    with CHROME_PATH.open(encoding="utf-8", newline="") as handle:
        patterns = [row["pattern"] for row in csv.DictReader(handle) if row["pattern"].strip()]
    return re.compile(r"\s*(?:" + "|".join(f"(?:{p})" for p in patterns) + r")\s*",
                      re.IGNORECASE)


def is_chrome(line: str) -> bool:
    """Whether a line is nothing but page furniture (an empty line is not)."""
    if not line.strip() or len(line) > MAX_CHROME_CHARS:
        return False
    return chrome_pattern().fullmatch(line) is not None
