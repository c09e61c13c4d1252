"""What the map draws, as data: the symbol rules' constants and the plan's records.

No folium here; every other module of the package reads these."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from atlas.colours import NEUTRAL, NEUTRAL_EDGE, side_colours  # noqa: F401  (the map's names)
from atlas.view import View
from geo.records import Claim, Place

#: The name of the FeatureGroup (what a LayerControl would show).
LAYER_NAME = "Thread"

DISPUTED = "#d62728"
SELECTED = "#111111"

#: Side order when nothing else decides it (the faction filter's order).
_SIDE_ORDER = (
    "IS", "Nusra and other rebels", "SDF/YPG", "SAA and allies", "Turkey", "Russia", "US",
    "Others",
)

#: Kinds drawn as a town dot; "district" is a quarter of a city (supplement gazetteer).
POINT_KINDS = frozenset({"city", "town", "village", "district"})
#: A region wider than this is a continent or a world region ("Europe", "Middle East"): a
#: circle that size would cover the whole front, so it is listed, not drawn.
MAX_REGION_KM = 400.0

MOVES = frozenset({"redeploy", "advance", "withdraw", "flee"})
FIGHTS = frozenset({"capture", "attack", "control", "besiege"})
HOLDS = frozenset({"capture", "control"})
UNCERTAIN = frozenset({"predicted", "speculative", "questioned"})
#: Modalities that count as "it happened" for control colour and the contested split.
FIRM = frozenset({"reported", "disputed"})

HALO_KM = {2: 5.0, 3: 15.0}

#: Above this many drawn places a view clusters its markers (the seed thread draws about 25).
CLUSTER_ABOVE = 60
#: At most this many movement arrows (the most-claimed); an archive has hundreds of movements,
#: and a map of spaghetti says nothing (the seed thread has a handful).  Fewer on a clustered
#: map, where most arrow ends sit inside a cluster.
MAX_ARROWS = 40
MAX_CLUSTERED_ARROWS = 15
#: From this zoom on every marker is drawn on its own (a province fills the map by then).
_UNCLUSTER_ZOOM = 10

#: How a popup says an action (the claim's own words are in the panel, with provenance).
ACTION_WORDS = {
    "capture": "took", "advance": "advanced", "attack": "attacked", "besiege": "besieged",
    "lift_siege": "lifted the siege", "defend": "defended", "withdraw": "withdrew",
    "flee": "fled", "redeploy": "moved forces", "cut_road": "cut the road", "control": "holds",
}

# Map size the default view is fitted to: the page's map (height 620) in a wide column.
_MAP_PX = (820, 620)
_DEFAULT_CENTER = (35.0, 38.5)  # Syria, when a view has nothing to show
_LABEL_ZOOMS = range(3, 14)  # zoom levels at which label collisions are checked
_OPEN = 99  # the last run of a label goes on to any higher zoom
#: Leaflet.markercluster's ``maxClusterRadius`` (px) as :func:`place_layers` sets it.
_CLUSTER_PX = 48
_LABEL_PLACES = ("right", "left", "above", "below")





@dataclass(slots=True)
class _Status:
    """A symbol backed by claims: its colour and whether every backing claim is uncertain."""

    colour: str
    side: str
    uncertain: bool


@dataclass(slots=True)
class _Pin:
    place: Place
    anchor: tuple[float, float]
    label: str
    mentions: int
    claims: list[Claim]
    commenters: list[str]
    sides: list[str]
    fill: str
    ring: str | None
    split: tuple[str, str] | None = None
    besieged: _Status | None = None
    attacked: _Status | None = None
    moving_in: _Status | None = None
    moving_out: _Status | None = None
    disputed: bool = False
    precision: int = 1
    size: int = 12
    badges_from: int = 0  # the first zoom at which its badges show (atlas/map/declutter.py)
    # (where, first zoom, last zoom): right/left/above/below the marker, per run of zooms
    label_runs: list[tuple[str, int, int]] = field(default_factory=list)


@dataclass(slots=True)
class _Arrow:
    origin: Place
    destination: Place
    side: str
    colour: str
    claims: list[Claim] = field(default_factory=list)
    inferred: bool = False  # one end taken from the claim's other places
    via: Place | None = None  # a place the movement is said to pass through
    points: list[tuple[float, float]] = field(default_factory=list)
    bearing: float = 0.0  # screen direction at the arrowhead, degrees clockwise from up

    @property
    def dashed(self) -> bool:
        return all(c.modality in UNCERTAIN for c in self.claims)

    @property
    def disputed(self) -> bool:
        return any(_is_disputed(c) for c in self.claims)


@dataclass(slots=True)
class _Plan:
    pins: list[_Pin]
    arrows: list[_Arrow]
    off_map: list[Place]
    colours: dict[str, str]
    hidden_arrows: int = 0  # movements not drawn (over MAX_ARROWS)



def _side_colours(view: View) -> dict[str, str]:
    # one colour policy (atlas/colours.py): hex-checked, "Others" grey when missing
    return side_colours(view.corpus)


def _is_disputed(claim: Claim) -> bool:
    return bool(claim.disputes or claim.disputed_by or claim.modality == "disputed")


def _claim_key(claim: Claim) -> tuple[str, int, int]:
    return (claim.posted_at or "", claim.entry, claim.start)


def _fold(name: str) -> str:
    """Lower-case ASCII letters only: 'I‘zāz' -> 'izaz', 'Deir ez-Zor' -> 'deirezzor'."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in decomposed.casefold() if "a" <= ch <= "z")



def _is_region(place: Place) -> bool:
    return place.kind == "region" and 0 < place.extent_km <= MAX_REGION_KM


def _is_off_map(place: Place) -> bool:
    """Countries and continent-sized regions: named in the panel, not drawn (see legend)."""
    return place.kind == "country" or (place.kind == "region" and not _is_region(place))



def clusters(view: View) -> bool:
    """Whether :func:`place_layers` clusters the markers of ``view`` (many drawn places)."""
    return sum(1 for p in view.places if not _is_off_map(p)) > CLUSTER_ABOVE
