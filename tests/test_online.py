"""Opt-in online geocoding, with fake geocoders: no test touches the network."""

from __future__ import annotations

import json
import os
from types import SimpleNamespace

import pytest
from geopy.exc import GeocoderRateLimited, GeocoderTimedOut, GeocoderUnavailable

from geo.online import OnlineGeocoder
from geo.pipeline import build_corpus

TEXT = "Fighting raged in Zzyzzgrad and near Azaz.\nPosted by: X | 07 June 2016 at 05:06 PM\n"


class Found:
    def __init__(self):
        self.calls = []

    def geocode(self, query, **options):
        self.calls.append((query, options))
        return SimpleNamespace(latitude=36.5, longitude=37.5, address=f"{query}, Syria",
                               raw={"osm_type": "node", "osm_id": 42, "type": "village",
                                    "address": {"country_code": "sy"}})


class Failing:
    def __init__(self, error):
        self.error = error

    def geocode(self, query, **options):
        raise self.error


def test_unresolved_names_are_looked_up_once_and_cached(tmp_path):
    fake = Found()
    online = OnlineGeocoder(user_agent="test", geocoder=fake, cache_path=tmp_path / "c.json",
                            min_delay_seconds=0)
    corpus = build_corpus(TEXT, source="t", online=online)
    assert [m.surface for m in corpus.mentions] == ["Zzyzzgrad", "Azaz"]
    looked = next(m for m in corpus.mentions if m.surface == "Zzyzzgrad")
    assert looked.place == "nominatim:node/42" and "online" in looked.evidence
    assert corpus.unresolved == []
    assert fake.calls[0][1]["country_codes"] == ["sy", "iq", "tr", "lb", "jo"]
    again = OnlineGeocoder(user_agent="test", geocoder=Failing(AssertionError("no call")),
                           cache_path=tmp_path / "c.json", min_delay_seconds=0)
    assert build_corpus(TEXT, source="t", online=again).mentions[0].place == "nominatim:node/42"


@pytest.mark.parametrize("error", [GeocoderTimedOut("slow"), GeocoderUnavailable("down"),
                                   GeocoderRateLimited("429")])
def test_network_faults_leave_the_offline_result_and_a_note(tmp_path, error):
    online = OnlineGeocoder(user_agent="test", geocoder=Failing(error),
                            cache_path=tmp_path / "c.json", min_delay_seconds=0)
    corpus = build_corpus(TEXT, source="t", online=online)
    assert [m.surface for m in corpus.mentions] == ["Azaz"]
    assert [u.surface for u in corpus.unresolved] == ["Zzyzzgrad"]
    assert any("Zzyzzgrad" in n and type(error).__name__ in n for n in corpus.notes)


def test_the_cache_is_never_left_half_written(tmp_path, monkeypatch):
    cache = tmp_path / "c.json"
    cache.write_text(json.dumps({"old": None}), encoding="utf-8")
    online = OnlineGeocoder(user_agent="test", geocoder=Found(), cache_path=cache,
                            min_delay_seconds=0)

    def crash(*_args):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", crash)
    corpus = build_corpus(TEXT, source="t", online=online)
    assert json.loads(cache.read_text(encoding="utf-8")) == {"old": None}
    assert any("could not be written" in n for n in corpus.notes)
    assert [p.name for p in tmp_path.iterdir()] == ["c.json"]


def test_a_user_agent_is_required():
    with pytest.raises(ValueError):
        OnlineGeocoder(user_agent=" ", geocoder=Found())
