"""Damaged files under data/ are rebuilt, not fatal; a failed build loses no thread."""

from __future__ import annotations

import gzip
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from geo.corpus import list_threads, load_corpus
from geo.gazetteer import INDEX_PATH, load_gazetteer

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_c3b9a48d73eaee79.txt"


@pytest.mark.parametrize("damage", ["truncated", "garbage", "missing"])
def test_a_damaged_gazetteer_index_is_rebuilt(tmp_path, damage, capsys):
    index = tmp_path / "index.tsv.gz"
    if damage == "truncated":
        index.write_bytes(INDEX_PATH.read_bytes()[:50_000])
    elif damage == "garbage":
        with gzip.open(index, "wt") as out:
            out.write("# stamp\nnot\ta\theader\n1\t2\n")
    gazetteer = load_gazetteer(index)
    assert "geonames:170063" in gazetteer.places and len(gazetteer.places) > 30_000
    assert "rebuilding" in capsys.readouterr().err or damage == "missing"


def test_a_build_killed_midway_leaves_whole_threads_and_the_rerun_finishes(tmp_path):
    folder = tmp_path / "threads"
    folder.mkdir()
    for n in range(6):
        shutil.copy(SEED, folder / f"t{n}.txt")
    db = tmp_path / "atlas.sqlite"
    command = [sys.executable, "-m", "geo", "build", str(folder), "--db", str(db), "--jobs", "1"]
    env = {"PYTHONPATH": str(ROOT), "FRONTLINE_QUIET": "1", "PATH": "/usr/bin:/bin"}
    proc = subprocess.Popen(command, cwd=ROOT, env=env, stderr=subprocess.PIPE)
    # Kill it as soon as the first threads are stored.
    import time

    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            if len(list_threads(db)) >= 2:
                break
        except sqlite3.DatabaseError:  # the database may be mid-creation
            pass
        time.sleep(0.05)
    proc.kill()
    proc.wait()
    stored = list_threads(db)
    for name in stored:  # every stored thread is whole
        assert len(load_corpus(db, name).entries) == 26
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr
    assert f"{6 - len(stored)} thread(s) built, {len(stored)} unchanged" in done.stderr
    assert list_threads(db) == [f"t{n}.txt" for n in range(6)]
