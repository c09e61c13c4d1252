"""Session set-up shared by the tests and the doctests: the gazetteer index must exist."""

from __future__ import annotations


def pytest_sessionstart(session) -> None:
    from geo.gazetteer import ensure_index

    ensure_index(quiet=True)
