"""Opt-in online geocoding (Nominatim) for names the offline gazetteer could not resolve.

Never on by default and never needed: the app and the tests run offline.  When a user asks for
it (``python -m geo extract FILE --online --user-agent "me@example.org"``), each unresolved name
is looked up once, at most one request a second (Nominatim's usage policy, through geopy's
``RateLimiter``), restricted to the thread's region, and the answers are cached in a JSON file
so a name is never asked twice.  The network may be down, slow or refusing: every failure is
recorded and the pipeline finishes with the offline result.  The cache is replaced atomically,
so a crash never leaves it half-written.

>>> class Fake:  # any object with geopy's ``geocode`` signature
...     def geocode(self, query, **options):
...         return None
>>> OnlineGeocoder(user_agent="doc", geocoder=Fake(), cache_path=None).lookup("Nowhere") is None
True
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from geopy.exc import GeopyError

from geo.gazetteer import name_key
from geo.paths import ONLINE_CACHE_PATH
from geo.records import Mention, Place, Unresolved

__all__ = ["CACHE_PATH", "OnlineGeocoder", "OnlineResult"]

CACHE_PATH = ONLINE_CACHE_PATH
REGION_CODES = ("sy", "iq", "tr", "lb", "jo")


@dataclass(slots=True)
class OnlineResult:
    """What the online pass added, and what it could not look up (with the reason)."""

    places: dict[str, Place] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    still_unresolved: list[Unresolved] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)


class OnlineGeocoder:
    """Nominatim behind a rate limit and a cache; ``geocoder`` may be any geopy geocoder."""

    def __init__(
        self,
        *,
        user_agent: str,
        cache_path: Path | None = CACHE_PATH,
        geocoder: Any | None = None,
        min_delay_seconds: float = 1.0,
        timeout: float = 10.0,
        country_codes: Sequence[str] = REGION_CODES,
    ) -> None:
        if not user_agent.strip():
            raise ValueError("Nominatim needs a user agent naming you (an e-mail or a URL)")
        if geocoder is None:
            from geopy.geocoders import Nominatim

            geocoder = Nominatim(user_agent=user_agent, timeout=timeout)
        self._geocoder = geocoder
        self._min_delay = min_delay_seconds
        self._last_call = 0.0
        self.country_codes = tuple(country_codes)
        self.cache_path = cache_path
        self.cache: dict[str, Any] = self._read_cache()

    def _read_cache(self) -> dict[str, Any]:
        if self.cache_path is None or not self.cache_path.exists():
            return {}
        try:
            return json.loads(self.cache_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}  # an unreadable cache is only a cache: start again

    def save(self) -> None:
        """Write the cache through a temporary file and an atomic rename."""
        if self.cache_path is None:
            return
        self.cache_path.parent.mkdir(parents=True, exist_ok=True)
        handle, tmp = tempfile.mkstemp(dir=self.cache_path.parent, suffix=".tmp")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump(self.cache, out, ensure_ascii=False, indent=1, sort_keys=True)
            os.replace(tmp, self.cache_path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def _wait(self) -> None:
        # The rate limit: at most one request per ``min_delay_seconds`` (Nominatim: 1/s).
        pause = self._min_delay - (time.monotonic() - self._last_call)
        if pause > 0:
            time.sleep(pause)
        self._last_call = time.monotonic()

    def lookup(self, name: str) -> Place | None:
        """The place Nominatim gives for ``name`` in the region, or None; raises GeopyError."""
        key = name_key(name)
        if key in self.cache:
            hit = self.cache[key]
            return Place(**hit) if hit else None
        self._wait()
        found = self._geocoder.geocode(name, exactly_one=True,
                                       country_codes=list(self.country_codes))
        place = None
        if found is not None:
            raw = getattr(found, "raw", {}) or {}
            osm = f"{raw.get('osm_type', 'place')}/{raw.get('osm_id', key)}"
            place = Place(id=f"nominatim:{osm}", name=name, kind=raw.get("type", "place"),
                          country=str(raw.get("address", {}).get("country_code", "")).upper(),
                          lat=float(found.latitude), lon=float(found.longitude),
                          gazetteer_id=f"nominatim:{osm}",
                          source=f"Nominatim (OpenStreetMap): {found.address}")
        self.cache[key] = None if place is None else {
            k: getattr(place, k) for k in ("id", "name", "kind", "country", "lat", "lon",
                                           "gazetteer_id", "source")}
        return place

    def resolve(
        self, unresolved: Sequence[Unresolved], *, speakers: dict[int, str]
    ) -> OnlineResult:
        """Look up each unresolved name once; failures are listed, never raised."""
        result = OnlineResult()
        for item in unresolved:
            try:
                place = self.lookup(item.surface)
            except GeopyError as error:
                result.failures.append(f"{item.surface!r}: {type(error).__name__}: {error}")
                result.still_unresolved.append(item)
                continue
            if place is None:
                result.still_unresolved.append(item)
                continue
            result.places[place.id] = replace(place, name=place.name)
            result.mentions.append(Mention(
                place=place.id, entry=item.entry, start=item.start, end=item.end,
                surface=item.surface, confidence=0.5, precision=1,
                evidence="looked up online (Nominatim), not in the offline gazetteer",
                speaker=speakers.get(item.entry, "")))
        try:
            self.save()
        except OSError as error:
            result.failures.append(f"the cache {self.cache_path} could not be written: {error}")
        return result
