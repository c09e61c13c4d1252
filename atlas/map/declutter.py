"""From which zoom a place's status badges show: where they clear every other place.

At the first view of a thread whose places are near each other (Aleppo and Azaz are
50 km apart, a dozen pixels on a phone), the badges of one place sat on the symbol and
badges of the next: a pile nobody can read, over symbols nobody could click.  A place's
badges now show from the zoom at which none of them overlaps another place's symbol or
badges; below it the symbol alone shows (its summary, on hover, still names the status).
Pure geometry over the plan's pins, as the labels are (atlas/map/labels.py).
"""

from __future__ import annotations

from collections.abc import Sequence

from atlas.map.geometry import world_px
from atlas.map.model import _LABEL_ZOOMS, _Pin
from atlas.map.symbols import BADGE_PX, _badges

__all__ = ["badge_boxes", "boxes_overlap", "place_badges"]

Box = tuple[float, float, float, float]


def boxes_overlap(a: Box, b: Box) -> bool:
    """Whether two (left, top, right, bottom) boxes overlap (touching is not overlapping)."""
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def badge_boxes(pin: _Pin, xy: tuple[float, float]) -> list[Box]:
    """The boxes of ``pin``'s badges with its marker's centre at ``xy`` (px)."""
    x, y = xy
    return [(x + left, y + top, x + left + BADGE_PX, y + top + BADGE_PX)
            for *_, left, top in _badges(pin)]


def _symbol_box(pin: _Pin, xy: tuple[float, float]) -> Box:
    half = pin.size / 2
    return (xy[0] - half, xy[1] - half, xy[0] + half, xy[1] + half)


def place_badges(pins: Sequence[_Pin]) -> None:
    """Set each pin's ``badges_from``: the first zoom of :data:`_LABEL_ZOOMS` from which its
    badges overlap no other pin's symbol or badges (0: from the start; the last label zoom
    when they never clear, as for places at one point)."""
    waiting = {id(pin): pin for pin in pins if _badges(pin)}
    for pin in waiting.values():
        pin.badges_from = _LABEL_ZOOMS[-1]
    for zoom in _LABEL_ZOOMS:
        if not waiting:
            break
        cells: dict[tuple[int, int], list[tuple[int, Box]]] = {}
        for pin in pins:
            xy = world_px(*pin.anchor, zoom)
            for box in (_symbol_box(pin, xy), *badge_boxes(pin, xy)):
                for cell in _cells(box):
                    cells.setdefault(cell, []).append((id(pin), box))
        for key, pin in list(waiting.items()):
            mine = badge_boxes(pin, world_px(*pin.anchor, zoom))
            if not any(owner != key and boxes_overlap(box, other)
                       for box in mine for cell in _cells(box)
                       for owner, other in cells.get(cell, ())):
                pin.badges_from = 0 if zoom == _LABEL_ZOOMS[0] else zoom
                del waiting[key]


def _cells(box: Box, size: float = 64.0) -> list[tuple[int, int]]:
    return [(cx, cy) for cx in range(int(box[0] // size), int(box[2] // size) + 1)
            for cy in range(int(box[1] // size), int(box[3] // size) + 1)]
