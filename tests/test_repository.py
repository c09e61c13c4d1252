"""The repository's own files: what a clean clone holds.

A stray file once landed at the top level, named by a shell mishap after a regex fragment
(quotes, pipes and backslashes in its name).  Every tracked path is checked here so that
such a name is caught by the suite, not by a reader of the clone.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# letters, digits and the punctuation file names here use; no quotes, pipes, backslashes,
# brackets, wildcards or whitespace
PLAIN = re.compile(r"[\w.\-+/@]+")


def _tracked() -> list[str]:
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    out = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True)
    return [p.decode("utf-8", "replace") for p in out.stdout.split(b"\0") if p]


def test_every_tracked_path_has_a_plain_name():
    odd = [p for p in _tracked() if not PLAIN.fullmatch(p)]
    assert not odd, odd


def test_the_layout_the_user_fixed_is_there():
    tracked = set(_tracked())
    for name in ("app.py", "requirements.txt"):
        assert name in tracked
    for folder in ("pages/", "data/", "geo/", "tests/", "seeds/"):
        assert any(p.startswith(folder) for p in tracked), folder
