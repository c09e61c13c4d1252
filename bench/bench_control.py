"""Time one slider step of the front lines: control state + geometry (+ folium layer on the seed).

    python bench/bench_control.py

The 200- and 5,000-place cases are SYNTHETIC: real Syrian place coordinates from the
gazetteer (GeoNames, SY), topped up with random points inside Syria when the gazetteer has
fewer; sides given by the nearest of six random "capitals" (so that areas are contiguous and
fronts realistic), one reference row per place, and captures of 5 % of the places by claims
spread over 100 comments.  A step = ``compute_control`` over the claims up to the middle
comment + ``control_geometry`` (cells, areas, fronts, marks), cold (first step on a set of
held places) and warm (a step that changes only who holds them).  Targets: 200 places <= 100 ms,
5,000 places <= 1 s.  Prints figures; asserts nothing (timings are not tests).
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import shapely  # noqa: E402

from geo.control import ReferenceRow, compute_control  # noqa: E402
from geo.control_geometry import _countries, control_geometry  # noqa: E402
from geo.records import Claim, Place  # noqa: E402

SIDES = ("IS", "Nusra and other rebels", "SDF/YPG", "SAA and allies", "Turkey", "Others")
ACTORS = {s: s for s in SIDES}
SEED = ROOT / "seeds" / "000_c3b9a48d73eaee79.txt"


def _syria():
    shapes, _ = _countries()
    return next(g for g in shapes if g.contains(shapely.Point(38.5, 35.0)))


def synthetic(n: int, rng: random.Random) -> tuple[list[Place], list[ReferenceRow], list[Claim]]:
    from geo.gazetteer import load_gazetteer

    real = [p for p in load_gazetteer().places.values()
            if p.country == "SY" and p.kind in {"city", "town", "village"}]
    rng.shuffle(real)
    points = [(p.lat, p.lon) for p in real[:n]]
    syria = _syria()
    minx, miny, maxx, maxy = syria.bounds
    while len(points) < n:
        lon, lat = rng.uniform(minx, maxx), rng.uniform(miny, maxy)
        if syria.contains(shapely.Point(lon, lat)):
            points.append((lat, lon))
    capitals = [(rng.uniform(33, 37), rng.uniform(36, 41)) for _ in SIDES]
    places, rows = [], []
    for i, (lat, lon) in enumerate(points):
        side = SIDES[min(range(len(SIDES)), key=lambda k: (capitals[k][0] - lat) ** 2
                         + (capitals[k][1] - lon) ** 2)]
        places.append(Place(f"syn:{i}", f"Place {i}", "town", "SY", lat, lon, f"syn:{i}"))
        rows.append(ReferenceRow(f"ref-{i}", f"syn:{i}", "", f"Place {i}", lat, lon, side,
                                 "holds", "2016-01-01", "synthetic"))
    claims = []
    for j, place in enumerate(rng.sample(places, max(1, n // 20))):
        entry = j % 100
        claims.append(Claim(f"c{j}", entry, "bench", f"2016-06-07T{entry // 60:02d}:"
                            f"{entry % 60:02d}:00", rng.choice(SIDES), "capture", (place.id,),
                            None, None, "reported", 0, 10, "synthetic claim"))
    return places, rows, claims


def step_ms(places, rows, claims, repeat: int) -> tuple[float, float, float, int, int]:
    """(control ms, cold step ms, warm step ms, areas, fronts): cold = the first step on a
    set of held places (cells computed); warm = a later step that changes holders only (the
    cells are reused, the areas and lines are redone)."""
    from geo import control_geometry as cg

    cg._CELLS.clear()
    by_id = {p.id: p for p in places}
    control_times, step_times = [], []
    for i in range(repeat + 1):
        upto = [c for c in claims if c.entry <= 40 + 10 * (i % 2)]
        start = time.perf_counter()
        state = compute_control(upto, places=by_id, sides=ACTORS, reference=rows,
                                as_of="2016-06-07T23:59")
        middle = time.perf_counter()
        geometry = control_geometry(state)
        end = time.perf_counter()
        control_times.append((middle - start) * 1000)
        step_times.append((end - start) * 1000)
    return (statistics.median(control_times), step_times[0], statistics.median(step_times[1:]),
            len(geometry.areas), len(geometry.fronts))


def seed_step_ms(repeat: int = 5) -> float:
    import folium

    from atlas.map.frontlines import front_view, frontline_layers
    from atlas.state import ViewState
    from atlas.view import Filters, apply_filters, timeline
    from geo.pipeline import build_corpus

    corpus = build_corpus(SEED.read_text(encoding="utf-8"), source=SEED.name)
    steps = timeline(corpus)
    times = []
    for _ in range(repeat):
        for until in (0, len(steps) // 2, len(steps) - 1):
            view = apply_filters(corpus, Filters(until=until))
            start = time.perf_counter()
            front = front_view(view, steps=steps)
            host = folium.Map()
            frontline_layers(view, state=ViewState(), steps=steps, front=front).add_to(host)
            host.get_root().render()
            times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    rng = random.Random(14)
    _countries()  # the outline file is read once per process; a slider step does not pay it
    print("front lines: one slider step (control state + geometry), milliseconds")
    print(f"{'places':>8} {'claims':>7} {'control':>8} {'cold step':>10} {'warm step':>10} "
          f"{'areas':>6} {'fronts':>7} {'target':>7}")
    for n, repeat, target in ((200, 15, "100"), (5000, 4, "1000")):
        places, rows, claims = synthetic(n, rng)
        control, cold, warm, areas, fronts = step_ms(places, rows, claims, repeat)
        print(f"{n:>8} {len(claims):>7} {control:>8.1f} {cold:>10.1f} {warm:>10.1f} "
              f"{areas:>6} {fronts:>7} {target:>7}")
    print("(synthetic places: real GeoNames coordinates in Syria, topped up at random)")
    print(f"seed thread, front_view + folium layer rendered, median of 15: "
          f"{seed_step_ms():.1f} ms")


if __name__ == "__main__":
    main()
