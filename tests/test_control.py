"""Control state over time (geo.control) and its geometry (geo.control_geometry)."""

from __future__ import annotations

import csv
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import shapely
from shapely.geometry import Point, shape

from geo.control import (
    REFERENCE_COLUMNS,
    ReferenceError,
    ReferenceRow,
    compute_control,
    diff_states,
    load_reference,
)
from geo.control_geometry import control_geometry, to_features
from geo.records import Claim, Mention, Place

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_c3b9a48d73eaee79.txt"

# Three towns on a west-east line in northern Syria, 30 km apart (synthetic, for the rules).
WEST = Place("p:west", "Westtown", "town", "SY", 36.5, 37.0, "p:west")
MIDDLE = Place("p:mid", "Midtown", "town", "SY", 36.5, 37.33, "p:mid")
EAST = Place("p:east", "Easttown", "town", "SY", 36.5, 37.66, "p:east")
PLACES = {p.id: p for p in (WEST, MIDDLE, EAST)}
SIDES = {"red": "Red", "blue": "Blue", "green": "Green"}


def ref(place: Place, side: str, status: str = "holds", date: str = "2016-01-01",
        row_id: str | None = None) -> ReferenceRow:
    return ReferenceRow(row_id or f"ref-{place.id}-{status}", place.id, "", place.name,
                        place.lat, place.lon, side, status, date, "a cited source")


def claim(cid: str, actor: str, action: str, place: Place, *, modality: str = "reported",
          at: str = "2016-06-07T10:00:00", entry: int = 1, **more) -> Claim:
    return Claim(cid, entry, "someone", at, actor, action, (place.id,), None, None, modality,
                 0, 20, f"{actor} {action} {place.name}", **more)


REFERENCE = [ref(WEST, "Red"), ref(MIDDLE, "Red"), ref(EAST, "Blue")]


def state_of(claims, reference=REFERENCE, **kw):
    return compute_control(claims, places=PLACES, sides=SIDES, reference=reference, **kw)


# --- control state ----------------------------------------------------------------------


def test_the_reference_alone_gives_the_holders():
    state = state_of([])
    assert {k: p.holder for k, p in state.places.items()} == {
        "p:west": "Red", "p:mid": "Red", "p:east": "Blue"}
    assert state.places["p:east"].reference_ids() == ["ref-p:east-holds"]


def test_a_reported_capture_changes_the_holder_and_says_it_differs_from_the_reference():
    state = state_of([claim("c1", "blue", "capture", MIDDLE)])
    mid = state.places["p:mid"]
    assert mid.holder == "Blue"
    assert mid.contradicts == ("ref-p:mid-holds",)
    assert mid.claim_ids() == ["c1"]


def test_claims_apply_in_timeline_order_not_list_order():
    late = claim("c2", "red", "capture", MIDDLE, at="2016-06-07T12:00:00", entry=2)
    early = claim("c1", "blue", "capture", MIDDLE, at="2016-06-07T10:00:00", entry=1)
    assert state_of([late, early]).places["p:mid"].holder == "Red"
    assert state_of([early]).places["p:mid"].holder == "Blue"


@pytest.mark.parametrize("modality", ["predicted", "speculative", "questioned"])
def test_an_uncertain_claim_changes_nothing_but_is_kept(modality):
    state = state_of([claim("c1", "blue", "capture", MIDDLE, modality=modality)])
    mid = state.places["p:mid"]
    assert mid.holder == "Red"
    assert mid.predicted == (("Blue", "c1"),)
    assert mid.evidence[-1].effect == "predicted"


def test_an_advance_toward_a_town_is_an_attack_not_a_capture():
    state = state_of([claim("c1", "blue", "advance", MIDDLE)])
    assert state.places["p:mid"].holder == "Red"
    assert state.places["p:mid"].attackers == ("Blue",)


def test_a_capture_said_of_a_towns_surroundings_is_an_attack():
    # "nearly at the gates of Midtown": the geoparser gives the mention precision 2
    near = Mention("p:mid", 1, 5, 12, "Midtown", 0.9, precision=2)
    state = state_of([claim("c1", "blue", "capture", MIDDLE)], mentions=[near])
    assert state.places["p:mid"].holder == "Red"
    assert "Blue" in state.places["p:mid"].attackers


def test_a_disputed_claim_marks_the_place_disputed_with_both_claims():
    first = claim("c1", "blue", "capture", MIDDLE, disputed_by=("c2",))
    second = claim("c2", "red", "control", MIDDLE, at="2016-06-07T11:00:00", entry=2,
                   disputes=("c1",))
    mid = state_of([first, second]).places["p:mid"]
    assert mid.disputed and mid.holder == "Red"
    assert set(mid.claim_ids()) == {"c1", "c2"}
    # before the disputing comment, the claim stands
    assert state_of([first]).places["p:mid"].holder == "Blue"


def test_withdrawal_leaves_the_town_to_its_only_attacker_and_a_lifted_siege_ends():
    claims = [claim("c1", "blue", "besiege", MIDDLE),
              claim("c2", "green", "lift_siege", MIDDLE, at="2016-06-07T11:00:00", entry=2)]
    assert state_of(claims[:1]).places["p:mid"].besiegers == ("Blue",)
    assert state_of(claims).places["p:mid"].besiegers == ()
    claims = [claim("c1", "blue", "attack", MIDDLE),
              claim("c2", "red", "withdraw", MIDDLE, at="2016-06-07T11:00:00", entry=2)]
    assert state_of(claims).places["p:mid"].holder == "Blue"


def test_reference_rows_after_the_moment_are_left_out():
    later = [*REFERENCE, ref(EAST, "Green", date="2016-07-01", row_id="later")]
    assert state_of([], reference=later, as_of="2016-06-07T10:00").places["p:east"].holder \
        == "Blue"
    assert state_of([], reference=later, as_of="2016-08-01").places["p:east"].holder == "Green"


def test_diff_names_what_changed_hands_and_the_claims_that_did_it():
    before = state_of([])
    after = state_of([claim("c1", "blue", "capture", MIDDLE)])
    changes = diff_states(before, after)
    assert [(c.key, c.before, c.after, c.claim_ids) for c in changes] == [
        ("p:mid", "Red", "Blue", ("c1",))]


def test_the_reference_table_is_complete_and_cited(tmp_path):
    rows = load_reference()
    assert len(rows) >= 30
    assert all(r.source and r.date[:4].isdigit() and 32 <= r.lat <= 38 and 35 <= r.lon <= 43
               for r in rows)
    bad = tmp_path / "bad.csv"
    with bad.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(REFERENCE_COLUMNS)
        writer.writerow(["x", "geonames:1", "", "X", "36", "37", "IS", "owns", "2016-01-01",
                         "src", ""])
    with pytest.raises(ReferenceError, match="line 2: status 'owns'"):
        load_reference(bad)


# --- geometry -----------------------------------------------------------------------------


def test_two_sides_give_one_line_between_them():
    two = {"p:west": WEST, "p:east": EAST}
    state = compute_control([], places=two, sides=SIDES,
                            reference=[ref(WEST, "Red"), ref(EAST, "Blue")])
    geometry = control_geometry(state, reach_km=35)
    assert len(geometry.fronts) == 1
    line = geometry.fronts[0]
    assert set(line.sides) == {"Red", "Blue"}
    # half way between the towns, running north-south
    assert line.geometry.centroid.x == pytest.approx(37.33, abs=0.02)
    minx, miny, maxx, maxy = line.geometry.bounds
    assert maxy - miny > 5 * (maxx - minx)
    # each side's facing edge lies on its own side of the line
    west_edge, east_edge = (line.facing if line.keys[0] == "p:west" else line.facing[::-1])
    assert west_edge.centroid.x < line.geometry.centroid.x < east_edge.centroid.x


def test_a_capture_moves_a_towns_cell_across():
    before = control_geometry(state_of([]), reach_km=30)
    after = control_geometry(state_of([claim("c1", "blue", "capture", MIDDLE)]), reach_km=30)
    mid = Point(MIDDLE.lon, MIDDLE.lat)
    holder = {a.side: a.geometry for a in before.areas}
    assert holder["Red"].contains(mid) and not holder["Blue"].contains(mid)
    holder = {a.side: a.geometry for a in after.areas}
    assert holder["Blue"].contains(mid) and not holder["Red"].contains(mid)
    # the front moved from between Midtown and Easttown to between Westtown and Midtown
    assert before.fronts[0].geometry.centroid.x > MIDDLE.lon > after.fronts[0].geometry.centroid.x


def test_a_speculative_claim_moves_nothing_but_is_outlined():
    plain = control_geometry(state_of([]))
    guessed = control_geometry(state_of([claim("c1", "blue", "capture", MIDDLE,
                                               modality="speculative")]))
    assert [a.geometry.wkt for a in plain.areas] == [a.geometry.wkt for a in guessed.areas]
    assert [f.geometry.wkt for f in plain.fronts] == [f.geometry.wkt for f in guessed.fronts]
    assert [(m.kind, m.sides) for m in guessed.marks] == [("predicted", ("Blue",))]


def test_the_reach_leaves_empty_ground_blank_and_cells_stay_in_the_country():
    geometry = control_geometry(state_of([]), reach_km=20)
    west_cell = geometry.cells["p:west"]
    assert west_cell.bounds[0] > WEST.lon - 0.3  # 20 km is about 0.22 degrees of longitude
    assert not west_cell.contains(Point(WEST.lon, WEST.lat + 0.3))


def test_hiding_a_side_hides_its_areas_and_lines():
    geometry = control_geometry(state_of([]), hidden_sides={"Blue"})
    assert {a.side for a in geometry.areas} == {"Red"}
    assert geometry.fronts == []


def test_contested_and_besieged_places_get_hatching_and_a_ring():
    geometry = control_geometry(state_of([claim("c1", "blue", "besiege", MIDDLE)]))
    kinds = {(m.kind, m.key) for m in geometry.marks}
    assert {("contested", "p:mid"), ("siege", "p:mid")} <= kinds
    ring = next(m for m in geometry.marks if m.kind == "siege").geometry
    assert ring.geom_type == "LineString" and ring.is_ring


def _valid_in_range(features):
    for feature in features:
        geometry = shape(feature["geometry"])
        assert geometry.is_valid, feature["properties"]
        coords = shapely.get_coordinates(geometry)
        assert ((coords[:, 0] >= -180) & (coords[:, 0] <= 180)).all()
        assert ((coords[:, 1] >= -90) & (coords[:, 1] <= 90)).all()


def test_features_are_valid_in_range_and_carry_provenance():
    state = state_of([claim("c1", "blue", "capture", MIDDLE)])
    features = to_features(control_geometry(state), state)
    _valid_in_range(features)
    layers = {f["properties"]["layer"] for f in features}
    assert {"control-area", "front-line"} <= layers
    front = next(f for f in features if f["properties"]["layer"] == "front-line")
    assert front["properties"]["claims"] == ["c1"]
    assert front["properties"]["as_of"] is None or front["properties"]["as_of"]


# --- the seed -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_features():
    done = subprocess.run([sys.executable, "-m", "geo", "extract", str(SEED), "--format",
                           "geojson"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return [f for f in json.loads(done.stdout)["features"] if "layer" in f["properties"]]


def _area_of(features, side):
    return next(shape(f["geometry"]) for f in features
                if f["properties"]["layer"] == "control-area"
                and f["properties"]["sides"] == [side])


def test_the_seeds_picture_at_its_last_comment(seed_features):
    _valid_in_range(seed_features)
    rebels, isis = _area_of(seed_features, "Nusra and other rebels"), _area_of(seed_features, "IS")
    sdf, regime = _area_of(seed_features, "SDF/YPG"), _area_of(seed_features, "SAA and allies")
    assert rebels.contains(Point(37.046, 36.587))  # Azaz
    assert rebels.contains(Point(37.197, 36.483))  # Mare'
    assert isis.contains(Point(37.955, 36.528))  # Manbij
    # Tabqa; Raqqa has no reference row (its only source was a held-out text)
    assert isis.contains(Point(38.548, 35.838))
    assert regime.contains(Point(37.125, 36.205)) and rebels.contains(Point(37.19, 36.20))
    assert sdf.contains(Point(37.095, 36.472))  # Tell Rifaat, north of Aleppo
    fronts = [f for f in seed_features if f["properties"]["layer"] == "front-line"]
    azaz = [f for f in fronts if "Azaz" in f["properties"]["places"]]
    assert azaz and all(f["properties"]["claims"] for f in azaz)
    contested = {n for f in seed_features if f["properties"]["layer"] == "contested"
                 for n in f["properties"]["places"]}
    assert {"Azaz", "Mare'", "Manbij"} <= contested
    predicted = {n for f in seed_features if f["properties"]["layer"] == "predicted"
                 for n in f["properties"]["places"]}
    assert "Tabqa air base" in predicted  # the thread's guesses, drawn dashed (Raqqa's
    # guesses were drawn against the removed reference row: with no holder, none is drawn)


def test_every_reference_row_names_a_place_the_gazetteer_knows_where_it_says():
    from geo.gazetteer import load_gazetteer

    places = load_gazetteer().places
    for row in load_reference():
        assert row.place in places, row.id
        place = places[row.place]
        reach = 8.0 if row.part else 3.0  # a part of a city lies off the city's centre
        assert abs(place.lat - row.lat) * 111 < reach and abs(place.lon - row.lon) * 90 < reach, \
            (row.id, place.lat, place.lon)


def _held_out_articles() -> dict[str, tuple[str, str | None]]:
    """The gold texts' articles that are not for tuning (tests/gold/dev, ``split`` "heldout"
    and the "calib" text the claim confidence is fitted on), by the file name their copy has
    in the shared dev-texts folder ("wiki_battle_of_al-bab.md"): its title, from the table in
    tests/gold/dev/texts/README.md, and, for an article split between a tune copy and a
    held-out copy (other sections of one article), the held-out copy's text; None when the
    whole article is held out."""
    gold = ROOT / "tests" / "gold" / "dev"
    split_of = {}
    for path in gold.glob("*.json"):
        record = json.loads(path.read_text(encoding="utf-8"))
        split_of[record["text"].split("/")[-1]] = record["split"]
    held = {name for name, split in split_of.items() if split in {"heldout", "calib"}}
    titles: dict[str, str] = {}
    copies: dict[str, list[str]] = {}
    for line in (gold / "texts" / "README.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip().strip("`") for c in line.strip("|").split("|")]
        if len(cells) >= 2 and cells[0] in split_of:
            title = cells[1].replace("\u2013", "-")
            article = "wiki_" + title.lower().replace(" ", "_") + ".md"
            titles[article] = title
            copies.setdefault(article, []).append(cells[0])
    out: dict[str, tuple[str, str | None]] = {}
    for article, names in copies.items():
        held_copies = [n for n in names if n in held]
        if held_copies:
            text = "\n".join((gold / "texts" / n).read_text(encoding="utf-8") for n in held_copies)
            out[article] = (titles[article], text if len(held_copies) < len(names) else None)
    listed = {n for names in copies.values() for n in names if n in held}
    assert listed == held and len(held) >= 6, (held, listed)
    return out


def _reads_the_held_out_part(source: str, name: str, held_text: str | None) -> bool:
    """Whether a row citing an article reads its held-out part: any of it when the whole
    article is held out; otherwise a passage it quotes, or the town it is about, in the
    held-out copy (whose rows start with the town's name on a line of its own)."""
    if held_text is None:
        return True
    lines = {line.strip().lower() for line in held_text.splitlines()}
    quoted = re.findall(r"'([^']{12,})'", source)
    return any(q in held_text for q in quoted) or name.lower() in lines


def test_no_reference_row_cites_a_held_out_text():
    """The reference layer is curated data: a row sourced from a held-out evaluation text
    would make the held-out scores a measure of what was read, not of unseen text; one
    sourced from the calib text, the confidence fitted on it a fit to what was read.  An
    article split between a tune copy and a held-out copy may be cited for its other parts."""
    articles = _held_out_articles()
    assert "wiki_battle_of_al-bab.md" in articles  # the name the shared folder gives it
    assert "wiki_central_syria_campaign.md" in articles  # the calib text
    for row in load_reference():
        source = row.source.replace("\u2013", "-").lower()
        cited = [name for name, (title, held_text) in articles.items()
                 if (name in source or title.lower() in source)
                 and _reads_the_held_out_part(row.source, row.name, held_text)]
        assert not cited, (row.id, cited)
