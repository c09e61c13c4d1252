"""CPU seconds of the claims stage alone, for before/after (issue 12's throughput check).

    python bench/cpu_claims.py                                   # this checkout, rules only
    python bench/cpu_claims.py --parse                           # with the English model
    python bench/cpu_claims.py --root /tmp/before --root .       # two checkouts interleaved
    python bench/cpu_claims.py --folder tests/gold/dev/texts     # real texts, not the archive

The input (by default a synthetic archive of ``--comments`` comments written by this
checkout's ``make_archive``) is read up to the claims by each checkout's own code; only
``extract_claims_report`` is timed (process time, the parse cache emptied before each run,
the model loaded before timing), so the figure is the claim reader's, whatever the load on a
shared machine does to wall clocks.  Prints figures; asserts nothing.
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
from geo.claims import extract_claims_report
from geo.claims import syntax
from geo.claims.model import load_parser
from geo.factions import load_lexicon
from geo.gazetteer import ensure_index, load_gazetteer
from geo.geoparse import geoparse
from geo.thread import parse_thread
parse = sys.argv[4] == "1"
ensure_index()
lexicon, gazetteer = load_lexicon(), load_gazetteer()
if parse:
    load_parser()
inputs = []
for path in sorted(Path(sys.argv[2]).glob("*.txt")):
    entries = parse_thread(path.read_text(encoding="utf-8"), source=path.name).entries
    found = geoparse(entries, gazetteer, actor_aliases=[a.text for a in lexicon.aliases])
    mentions = sorted([*found.mentions, *found.anaphora], key=lambda m: (m.entry, m.start))
    actors = [m for e in entries for m in lexicon.find(e.text, entry=e.id)]
    inputs.append((entries, mentions, actors, found.places))
best, claims = float("inf"), 0
for _ in range(int(sys.argv[3])):
    syntax._PARSED.clear()
    start = time.process_time()
    claims = sum(len(extract_claims_report(e, m, a, places=p, parse=parse).claims)
                 for e, m, a, p in inputs)
    best = min(best, time.process_time() - start)
print(f"{best:.2f} {claims}")
"""


def cpu_seconds(root: Path, folder: Path, repeat: int, parse: bool) -> tuple[float, int]:
    out = subprocess.run([sys.executable, "-c", CHILD, str(root), str(folder), str(repeat),
                          "1" if parse else "0"],
                         capture_output=True, text=True, check=True, cwd=root)
    seconds, claims = out.stdout.strip().splitlines()[-1].split()
    return float(seconds), int(claims)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--root", type=Path, action="append",
                        help="a checkout to time (repeatable; default this one)")
    parser.add_argument("--folder", type=Path, help="threads to read (default: an archive)")
    parser.add_argument("--comments", type=int, default=2_000)
    parser.add_argument("--parse", action="store_true", help="with the English model")
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure (best kept)")
    parser.add_argument("--rounds", type=int, default=2, help="interleaved rounds")
    options = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT / "bench"))
    import make_archive

    roots = options.root or [ROOT]
    with tempfile.TemporaryDirectory(prefix="frontline-cpu-") as tmp:
        folder = options.folder.resolve() if options.folder else Path(tmp)
        if options.folder is None:
            figures = make_archive.write_archive(folder, options.comments, seed=1)
            print(f"archive: {figures['comments']} comments in {figures['threads']} threads")
        for round_ in range(options.rounds):
            for root in roots:
                seconds, claims = cpu_seconds(root.resolve(), folder, options.repeat,
                                              options.parse)
                print(f"round {round_ + 1}  {root}: {seconds:.2f} CPU s (best of "
                      f"{options.repeat}), {claims} claims")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
