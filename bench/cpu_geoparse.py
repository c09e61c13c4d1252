"""CPU seconds of our geoparser alone on the 10k-comment synthetic archive, for before/after.

    python bench/cpu_geoparse.py                      # this checkout, best of 3
    python bench/cpu_geoparse.py --root /tmp/before   # another checkout (``git archive REV``)

``bench_geoparse.py`` times three tools by wall clock; on a shared machine that swings by
±40%, so a change is compared here by process time, the two checkouts run back to back and
interleaved (``--rounds``).  The archive is written once by this checkout's ``make_archive``
(the same text for both); each checkout uses its own code, data and index.  Prints figures;
asserts nothing.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHILD = """
import sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from geo.factions import load_lexicon
from geo.gazetteer import ensure_index, load_gazetteer
from geo.geoparse import geoparse, load_not_places
from geo.thread import parse_thread
ensure_index()
threads = [parse_thread(p.read_text(encoding="utf-8"), source=p.name).entries
           for p in sorted(Path(sys.argv[2]).glob("*.txt"))]
gazetteer = load_gazetteer()
gazetteer.knows_prefix("warm")
getattr(gazetteer, "starters", None)  # built on first use where it exists
aliases = [a.text for a in load_lexicon().aliases]
load_not_places()
best = float("inf")
for _ in range(int(sys.argv[3])):
    start = time.process_time()
    for entries in threads:
        geoparse(entries, gazetteer, actor_aliases=aliases)
    best = min(best, time.process_time() - start)
print(f"{best:.2f}")
"""


def cpu_seconds(root: Path, archive: Path, repeat: int) -> float:
    out = subprocess.run([sys.executable, "-c", CHILD, str(root), str(archive), str(repeat)],
                         capture_output=True, text=True, check=True, cwd=root)
    return float(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--root", type=Path, action="append",
                        help="a checkout to time (repeatable; default this one)")
    parser.add_argument("--comments", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure (best kept)")
    parser.add_argument("--rounds", type=int, default=2, help="interleaved rounds")
    options = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT / "bench"))
    import make_archive

    roots = options.root or [ROOT]
    with tempfile.TemporaryDirectory(prefix="frontline-cpu-") as tmp:
        figures = make_archive.write_archive(Path(tmp), options.comments, seed=1)
        print(f"archive: {figures['comments']} comments in {figures['threads']} threads")
        for round_ in range(options.rounds):
            for root in roots:
                seconds = cpu_seconds(root.resolve(), Path(tmp), options.repeat)
                print(f"round {round_ + 1}  {root}: {seconds:.2f} CPU s (best of "
                      f"{options.repeat})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
