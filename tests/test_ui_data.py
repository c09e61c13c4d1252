"""The app's own data under data/: built when missing, rebuilt when damaged or stale.

Each test points the app (``FRONTLINE_DB``, ``FRONTLINE_SEEDS``) at a database of its own and
runs the map page as a first visitor would.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from geo.corpus import built_by_this_pipeline, pipeline_stamp, stored_digest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_c3b9a48d73eaee79.txt"


@pytest.fixture
def app_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(SEED, seeds / SEED.name)
    db = tmp_path / "atlas.sqlite"
    monkeypatch.setenv("FRONTLINE_DB", str(db))
    monkeypatch.setenv("FRONTLINE_SEEDS", str(seeds))
    return db


def _first_visit() -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300)
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def _shows_the_seed(at: AppTest) -> bool:
    metrics = {m.label: m.value for m in at.metric}
    return metrics.get("Comments shown") == "25" and int(metrics.get("Claims", "0")) > 0


def test_a_missing_database_is_built_on_the_first_visit(app_data):
    assert not app_data.exists()
    at = _first_visit()
    assert _shows_the_seed(at)
    assert built_by_this_pipeline(stored_digest(app_data, SEED.name))


def test_an_unreadable_database_is_rebuilt_with_a_message(app_data):
    app_data.write_bytes(b"this is not a database\x00" * 200)
    at = _first_visit()
    assert any("unreadable" in w.value and "rebuilding" in w.value for w in at.warning)
    assert _shows_the_seed(at)


def test_a_thread_built_by_another_pipeline_is_rebuilt(app_data):
    _first_visit()
    with sqlite3.connect(app_data) as con:  # as if built before the data files last changed
        con.execute("UPDATE threads SET digest = 'older000pipe-' || digest")
    assert not built_by_this_pipeline(stored_digest(app_data, SEED.name))
    at = _first_visit()
    assert _shows_the_seed(at)
    assert stored_digest(app_data, SEED.name).startswith(pipeline_stamp() + "-")


def test_the_pipeline_stamp_follows_its_code_and_data(tmp_path):
    code, data = tmp_path / "geo", tmp_path / "data"
    shutil.copytree(ROOT / "geo", code, ignore=shutil.ignore_patterns("__pycache__"))
    data.mkdir()
    for name in ("factions.csv", "gazetteer_supplement.csv", "gazetteer_config.json"):
        shutil.copy(ROOT / "data" / name, data / name)
    first = pipeline_stamp(code_dir=code, data_dir=data)
    (data / "online_cache.json").write_text("{}")  # answers cached, not an input
    (data / "atlas.sqlite").write_bytes(b"x")
    assert pipeline_stamp(code_dir=code, data_dir=data) == first
    with (data / "gazetteer_supplement.csv").open("a", encoding="utf-8") as out:
        out.write("\n")
    pipeline_stamp.cache_clear()
    second = pipeline_stamp(code_dir=code, data_dir=data)
    assert second != first
    edited = code / "claims" / "reader.py"  # a sub-package counts too (rglob)
    edited.write_text(edited.read_text() + "\n# changed\n")
    pipeline_stamp.cache_clear()
    assert pipeline_stamp(code_dir=code, data_dir=data) not in {first, second}
