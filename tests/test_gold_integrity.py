"""Checks the hand-made gold standard (tests/gold/seed.json) against its own seed text.

Why: the gold is used to score the geoparser, so a single shifted offset or a
dangling place key would silently turn a right answer into a wrong one.  These
tests check the annotation file only, never the project code.
"""

from __future__ import annotations

import itertools
import json
import re
from datetime import datetime
from pathlib import Path

import pytest

from tests.gold_schema import ACTIONS, MODALITIES, check_place, check_span, load_actors

ROOT = Path(__file__).resolve().parents[1]
GOLD_PATH = ROOT / "tests" / "gold" / "seed.json"
GOLD = json.loads(GOLD_PATH.read_text(encoding="utf-8"))
SOURCE = (ROOT / GOLD["source"]).read_text(encoding="utf-8")
ENTRIES = GOLD["entries"]
PLACES = GOLD["places"]
MENTIONS = GOLD["mentions"]
ACTOR_USES = GOLD["actor_uses"]
NOT_PLACES = GOLD["not_places"]
CLAIMS = GOLD["claims"]
TRAPS = GOLD["traps"]
BY_ID = {e["id"]: e for e in ENTRIES}

ACTORS = load_actors()
PLACE_KINDS = {"city", "town", "village", "facility", "road", "crossing", "region", "country"}
FRONT_LINE_KEYS = {
    "aleppo",
    "aleppo_governorate",
    "azaz",
    "raqqa",
    "tabqa_air_base",
    "manbij",
    "khan_tuman",
    "castello_road",
    "idlib",
    "mare",
    "nubl",
    "zahraa",
    "jarabulus",
    "qara_qozak",
    "afrin",
    "deir_ez_zor",
    "fallujah",
    "hatay",
    "damascus",
}
FOOTER = re.compile(r"\nPosted by: (.+) \| (\d\d \w+ \d{4} at \d\d:\d\d [AP]M)\n?")


def entry_at(offset: int) -> dict | None:
    """The entry whose text holds `offset`, or None for footers."""
    for e in ENTRIES:
        if e["start"] <= offset < e["end"]:
            return e
    return None


def speaker_at(offset: int) -> str:
    """The entry's author, or the quoted entry's author inside a quote."""
    e = entry_at(offset)
    assert e is not None
    for q in e["quotes"]:
        if q["start"] <= offset < q["end"]:
            return BY_ID[q["quoted_entry"]]["author"]
    return e["author"]


def overlaps(a: dict, b: dict) -> bool:
    return a["start"] < b["end"] and b["start"] < a["end"]


# ------------------------------------------------------------------ entries


def test_source_is_the_seed() -> None:
    assert GOLD["source"] == "seeds/000_c3b9a48d73eaee79.txt"


def test_entry_ids_and_kinds() -> None:
    assert [e["id"] for e in ENTRIES] == list(range(26))
    assert ENTRIES[0]["kind"] == "post"
    assert ENTRIES[0]["author"] == "pl"
    assert ENTRIES[0]["posted_at"] is None
    assert all(e["kind"] == "comment" for e in ENTRIES[1:])


def test_post_ends_with_signature() -> None:
    post = SOURCE[ENTRIES[0]["start"] : ENTRIES[0]["end"]]
    assert ENTRIES[0]["start"] == 0
    assert post.endswith("Sometimes you eat the bear and sometimes the bear eats you. pl")
    assert post.count("\n") == 7  # the 7 numbered points and the closing line


def test_entries_and_footers_cover_the_whole_file() -> None:
    """Entry texts and the separators between them rebuild the source exactly."""
    assert SOURCE[ENTRIES[0]["end"] : ENTRIES[1]["start"]] == "\n"  # the post has no footer
    for i, e in enumerate(ENTRIES[1:], 1):
        nxt = ENTRIES[i + 1]["start"] if i + 1 < len(ENTRIES) else len(SOURCE)
        gap = SOURCE[e["end"] : nxt]
        m = FOOTER.fullmatch(gap)
        assert m, (e["id"], gap)
        assert m.group(1) == e["author"]
        when = datetime.strptime(m.group(2), "%d %B %Y at %I:%M %p")
        assert when.isoformat() == e["posted_at"]
        # a footer ends with a newline, except the very last line of the file
        assert gap.endswith("\n") == (nxt != len(SOURCE))


def test_entries_are_ordered_and_disjoint() -> None:
    for a, b in itertools.pairwise(ENTRIES):
        assert a["start"] < a["end"] < b["start"] < b["end"]


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: str(e["id"]))
def test_entry_text_is_clean(entry: dict) -> None:
    text = SOURCE[entry["start"] : entry["end"]]
    assert "Posted by:" not in text
    assert text == text.strip("\n") and text.strip()
    assert entry["line"] == SOURCE.count("\n", 0, entry["start"]) + 1


def test_replies_point_backwards() -> None:
    for e in ENTRIES:
        r = e["replies_to"]
        assert r is None or (isinstance(r, int) and 0 <= r < e["id"]), e["id"]
    expected = {4: 3, 8: 7, 12: 5, 16: 11}
    assert {e["id"]: e["replies_to"] for e in ENTRIES if e["replies_to"] is not None} == expected
    # "In reply to Babak Makkinejad." answers his latest earlier comment
    babak = [e["id"] for e in ENTRIES if e["author"] == "Babak Makkinejad" and e["id"] < 16]
    assert BY_ID[16]["replies_to"] == max(babak)


def test_addressed_names_match_replied_authors() -> None:
    assert SOURCE[BY_ID[4]["start"] :].startswith("fredW\n")
    assert BY_ID[3]["author"].lower() == "fredw"
    assert SOURCE[BY_ID[8]["start"] :].startswith("mbrenner\n")
    assert BY_ID[7]["author"] == "mbrenner"
    assert "p.s: Ghost ship," in SOURCE[BY_ID[12]["start"] : BY_ID[12]["end"]]
    assert BY_ID[5]["author"] == "Ghost ship"


def test_quotes_reproduce_earlier_entries() -> None:
    n = 0
    for e in ENTRIES:
        for q in e["quotes"]:
            n += 1
            assert e["start"] <= q["start"] < q["end"] <= e["end"]
            src = BY_ID[q["quoted_entry"]]
            assert q["quoted_entry"] < e["id"]
            assert src["start"] <= q["quoted_start"] < q["quoted_end"] <= src["end"]
            assert SOURCE[q["start"] : q["end"]] == SOURCE[q["quoted_start"] : q["quoted_end"]]
            assert SOURCE[q["start"] - 1] == '"'  # it sits in quotation marks
            assert SOURCE[q["end"]] == '"'
    assert n == 5


# ------------------------------------------------------------------ places


def test_places_are_well_formed() -> None:
    for key, p in PLACES.items():
        assert re.fullmatch(r"[a-z][a-z_]*", key), key
        check_place(key, p, PLACE_KINDS)
        assert isinstance(p["front_line"], bool), key


def test_required_front_line_places() -> None:
    assert PLACES.keys() >= FRONT_LINE_KEYS
    assert {k for k, p in PLACES.items() if p["front_line"]} == FRONT_LINE_KEYS
    for key in FRONT_LINE_KEYS:
        p = PLACES[key]
        assert p["tolerance_km"] in (5, 25), key
        # the front-line places of this thread lie in Syria, southern Turkey or Iraq
        assert 32 < p["lat"] < 38 and 35 < p["lon"] < 45, key


def test_country_places_are_not_front_line() -> None:
    for key, p in PLACES.items():
        if p["kind"] == "country":
            assert not p["front_line"] and p["tolerance_km"] >= 100, key


def test_nearby_places_are_plausibly_placed() -> None:
    """Distances the text itself implies: Khan Touman is SW of Aleppo, Azaz N of it."""
    a, kt, az = PLACES["aleppo"], PLACES["khan_tuman"], PLACES["azaz"]
    assert kt["lat"] < a["lat"] and kt["lon"] < a["lon"]
    assert az["lat"] > a["lat"]
    assert PLACES["nubl"]["lat"] > PLACES["zahraa"]["lat"]  # Zahraa lies just south of Nubl


# ------------------------------------------------------------------ spans


def _check_span(item: dict) -> None:
    check_span(SOURCE, item, "surface", whole_words=True)


@pytest.mark.parametrize("m", MENTIONS, ids=lambda m: f"{m['start']}:{m['surface']}")
def test_mention(m: dict) -> None:
    _check_span(m)
    assert m["place"] in PLACES
    assert m["precision"] in (1, 2, 3)
    e = entry_at(m["start"])
    assert e is not None and e["id"] == m["entry"] and m["end"] <= e["end"]
    assert m["speaker"] == speaker_at(m["start"])
    if m.get("anaphor"):
        assert re.search(r"\b(city|place)$", m["surface"])
    if m.get("in_url"):
        line_start = SOURCE.rfind("\n", 0, m["start"]) + 1
        assert SOURCE[line_start:].startswith("http")


@pytest.mark.parametrize("a", ACTOR_USES, ids=lambda a: f"{a['start']}:{a['surface']}")
def test_actor_use(a: dict) -> None:
    _check_span(a)
    assert a["place"] in PLACES and a["actor"] in ACTORS and a["actor_use"] is True
    e = entry_at(a["start"])
    assert e is not None and e["id"] == a["entry"]


@pytest.mark.parametrize("n", NOT_PLACES, ids=lambda n: f"{n['start']}:{n['surface']}")
def test_not_place(n: dict) -> None:
    _check_span(n)
    assert n["why"].strip()
    e = entry_at(n["start"])
    assert (e["id"] if e else None) == n["entry"]


def test_lists_are_sorted() -> None:
    for items in (MENTIONS, ACTOR_USES, NOT_PLACES):
        starts = [i["start"] for i in items]
        assert starts == sorted(starts)


def test_no_span_is_annotated_twice() -> None:
    spans = sorted(MENTIONS + ACTOR_USES + NOT_PLACES, key=lambda d: d["start"])
    for a, b in itertools.pairwise(spans):
        assert not overlaps(a, b), (a["surface"], b["surface"], a["start"], b["start"])


TOPONYM_RE = re.compile(
    r"\b(Aleppo|Azaz|Raqqa|Manbij|Mabij|Halab|Hatay|Fallujah|Nubbl|az-Zahra|Mareah|Jarabulus|"
    r"Afrin|Damascus|Crimea|Germany|Afghanistan|Libya|Yemen|Ukraine|Europe|Syria|Iraq|Turkey|"
    r"Russia|USA?|Israel|Iran|Saudi|Austria|Idlib|Washington|Moscow|Minsk|Tabqa|Tabaqa|"
    r"Deir Ezzor|Khan Touman|Qara Qawzak|Castello|IS|Is)\b"
)


def test_every_place_like_token_is_classified() -> None:
    """Each place-like name in entry text is a mention, an actor use or a not-place."""
    spans = MENTIONS + ACTOR_USES + NOT_PLACES
    missing = []
    for m in TOPONYM_RE.finditer(SOURCE):
        if entry_at(m.start()) is None:
            continue
        probe = {"start": m.start(), "end": m.end()}
        if not any(overlaps(probe, s) for s in spans):
            missing.append((m.start(), m.group(0)))
    assert not missing


def test_country_names_as_actors_are_not_mentions() -> None:
    for a in ACTOR_USES:
        assert not any(overlaps(a, m) for m in MENTIONS)


@pytest.mark.parametrize(
    ("surface", "place"),
    [
        ("Halab", "aleppo"),
        ("Tabaqa military airport", "tabqa_air_base"),
        ("Tabqa air base", "tabqa_air_base"),
        ("Deir Ezzor", "deir_ez_zor"),
        ("Nubbl", "nubl"),
        ("az-Zahra", "zahraa"),
        ("Mareah", "mare"),
        ("Khan Touman", "khan_tuman"),
        ("Qara Qawzak", "qara_qozak"),
        ("Mabij", "manbij"),
        ("Hatay Province", "hatay"),
        ("Idlib province", "idlib"),
        ("Castello road", "castello_road"),
        ("Aleppo Province", "aleppo_governorate"),
        ("Aleppo Governorate", "aleppo_governorate"),
    ],
)
def test_variant_spellings_resolve(surface: str, place: str) -> None:
    hits = [m for m in MENTIONS if m["surface"] == surface]
    assert hits and all(m["place"] == place for m in hits)


def test_every_place_key_is_used() -> None:
    used = {m["place"] for m in MENTIONS} | {a["place"] for a in ACTOR_USES}
    used |= {p for c in CLAIMS for p in c["places"]}
    used |= {p for t in TRAPS for p in t["not_claim"]["places"]}
    assert used == set(PLACES)


# ------------------------------------------------------------------ claims


def test_claim_ids_are_unique_and_numbered() -> None:
    # the traps keep the ids they had as claims, so claims and traps number c1..cN together
    ids = sorted((c["id"] for c in [*CLAIMS, *TRAPS]), key=lambda i: int(i[1:]))
    assert ids == [f"c{i}" for i in range(1, len(CLAIMS) + len(TRAPS) + 1)]
    assert (len(CLAIMS), len(TRAPS)) == (59, 4)


@pytest.mark.parametrize("t", TRAPS, ids=lambda t: t["id"])
def test_trap(t: dict) -> None:
    """A trap is a clause that must give no reported claim: its text, entry and reason hold."""
    assert SOURCE[t["start"] : t["end"]] == t["quote"]
    e = entry_at(t["start"])
    assert e is not None and e["id"] == t["entry"] and t["end"] <= e["end"]
    assert t["speaker"] == speaker_at(t["start"])
    assert t["why"].strip()
    wrong = t["not_claim"]
    assert wrong["actor"] in ACTORS and wrong["action"] in ACTIONS
    assert wrong["places"] and all(p in PLACES for p in wrong["places"])


@pytest.mark.parametrize("c", CLAIMS, ids=lambda c: c["id"])
def test_claim(c: dict) -> None:
    assert SOURCE[c["start"] : c["end"]] == c["quote"]
    e = entry_at(c["start"])
    assert e is not None and e["id"] == c["entry"] and c["end"] <= e["end"]
    assert c["actor"] in ACTORS
    assert c["action"] in ACTIONS
    assert c["modality"] in MODALITIES
    assert c["precision"] in (1, 2, 3)
    assert c["places"] and all(p in PLACES for p in c["places"])
    for end in ("origin", "destination"):
        assert c[end] is None or c[end] in c["places"]
    assert c["speaker"] == speaker_at(c["start"])
    # a claim's places are named (or referred to) somewhere in its own entry
    named = {m["place"] for m in MENTIONS if m["entry"] == c["entry"]}
    assert set(c["places"]) <= named, (c["id"], set(c["places"]) - named)


def test_disputes_are_consistent() -> None:
    ids = {c["id"] for c in CLAIMS}
    by = {c["id"]: c for c in CLAIMS}
    for c in CLAIMS:
        for d in c["disputes"]:
            assert d in ids and d != c["id"]
            assert int(d[1:]) < int(c["id"][1:])  # one answers what was said before
            assert by[d]["entry"] <= c["entry"]
        if c["modality"] == "disputed":
            assert c["disputes"]


def test_barish_disputes_the_ypg_claim() -> None:
    castello = [c for c in CLAIMS if "castello_road" in c["places"] and c["action"] == "capture"]
    assert len(castello) == 1
    targets = [c for c in CLAIMS if c["id"] in castello[0]["disputes"]]
    assert {c["entry"] for c in targets} == {0, 2}  # the post and Barish's quote of it
    for claim in targets:
        assert claim["speaker"] == "pl" and claim["places"] == ["aleppo"]


def test_claims_inside_quotes_are_attributed_to_the_quoted_author() -> None:
    in_quotes = [
        c
        for c in CLAIMS
        if any(q["start"] <= c["start"] < q["end"] for q in BY_ID[c["entry"]]["quotes"])
    ]
    assert in_quotes
    for c in in_quotes:
        assert c["speaker"] != BY_ID[c["entry"]]["author"]
