"""A place's symbol as HTML: the dot, diamond or bridge, its status badges, its label box.

Pure (no folium): the same HTML goes into a folium ``DivIcon`` and into the clustered
markers the browser builds itself."""

from __future__ import annotations

import re

from atlas.map.model import ACTION_WORDS, DISPUTED, NEUTRAL, _Pin, _Status
from atlas.markup import for_folium
from atlas.view import View, side_of


def _fade(status: _Status) -> str:
    return " atlas-unsure" if status.uncertain else ""


BADGE_PX = 16


def _badges(pin: _Pin) -> list[tuple[str, str, str, int, int]]:
    """Status badges as (css class, glyph, colour, left, top) relative to the marker centre.

    They sit on the diagonals: ? top-left, ✸ top-right, ↗ (moving in) bottom-left and ↘
    (leaving) bottom-right, so the arrows point into and out of the place.
    """
    r = pin.size / 2
    near, far = round(r * 0.6 - 3), round(-r * 0.6 - BADGE_PX + 3)
    out = []
    if pin.attacked:
        out.append((f" atlas-atk{_fade(pin.attacked)}", "✸", pin.attacked.colour, near, far))
    if pin.disputed and pin.place.kind != "road":
        out.append((" atlas-q", "?", DISPUTED, far, far))
    if pin.moving_in:
        out.append((_fade(pin.moving_in), "↗", pin.moving_in.colour, far, near))
    if pin.moving_out:
        out.append((_fade(pin.moving_out), "↘", pin.moving_out.colour, near, near))
    return out


def _pin_html(pin: _Pin, *, selected: bool, highlighted: bool = False) -> str:
    d = pin.size
    r = d / 2
    kind = pin.place.kind
    ring = pin.ring or "#ffffff"
    parts = []
    if highlighted and not selected:  # a place of the feed item the reader picked
        parts.append(f'<span class="atlas-hl" style="width:{d + 14}px;height:{d + 14}px;'
                     f'left:{-r - 7}px;top:{-r - 7}px"></span>')
    if selected:
        parts.append(f'<span class="atlas-sel" style="width:{d + 14}px;height:{d + 14}px;'
                     f'left:{-r - 7}px;top:{-r - 7}px"></span>')
    if pin.besieged:
        parts.append(f'<span class="atlas-siege{_fade(pin.besieged)}" style="width:{d + 12}px;'
                     f'height:{d + 12}px;left:{-r - 6}px;top:{-r - 6}px;'
                     f'border-color:{pin.besieged.colour}"></span>')
    box = f"width:{d}px;height:{d}px;left:{-r}px;top:{-r}px"
    if kind == "facility":
        glyph = "✈" if re.search(r"air|airport|airfield", pin.place.name, re.I) else "■"
        parts.append(f'<span class="atlas-sym atlas-diamond" style="{box};background:{pin.fill};'
                     f'border-color:{ring}"></span>'
                     f'<span class="atlas-glyph" style="{box};font-size:{round(d * 0.62)}px">'
                     f"{glyph}</span>")
    elif kind == "crossing":
        parts.append(f'<span class="atlas-sym atlas-bridge" style="{box};border-color:{pin.fill};'
                     f'color:{pin.fill};font-size:{round(d * 0.55)}px">)(</span>')
    elif kind == "road":
        parts.append(f'<span class="atlas-sym atlas-roadmark" style="{box};'
                     f'border-color:{pin.fill}"></span>')
    elif kind == "region":
        parts.append(f'<span class="atlas-sym atlas-regionmark" style="{box};'
                     f'border-color:{pin.fill}"></span>')
    else:
        fill = (f"linear-gradient(90deg,{pin.split[0]} 50%,{pin.split[1]} 50%)"
                if pin.split else pin.fill)
        width = 3 if pin.ring else 2
        parts.append(f'<span class="atlas-sym atlas-dot" style="{box};background:{fill};'
                     f'border:{width}px solid {ring}"></span>')
    shown = f" atlas-lz{pin.badges_from}" if pin.badges_from else ""
    for css, glyph, colour, left, top in _badges(pin):
        parts.append(f'<span class="atlas-badge{css}{shown}" style="left:{left}px;top:{top}px;'
                     f'color:{colour}">{glyph}</span>')
    weight = " atlas-major" if pin.mentions >= 5 else ""
    for where, first, last in pin.label_runs:
        dx, dy = _label_offset(pin, where)
        if where == "left":  # anchored by its right edge, whatever the real text width
            at = f"right:{-(dx + _label_box(pin)[0]):.0f}px;top:{dy:.0f}px"
        elif where in ("above", "below"):
            at = f"left:0;top:{dy:.0f}px;transform:translateX(-50%)"
        else:
            at = f"left:{dx:.0f}px;top:{dy:.0f}px"
        parts.append(f'<span class="atlas-label atlas-lz{first} atlas-lx{last}{weight}'
                     f'{" atlas-region-label" if kind == "region" else ""}" style="{at}">'
                     f"{for_folium(pin.label)}</span>")
    # the place id on the symbol, for browser tests and for styling a place from outside
    return "".join(parts).replace('class="atlas-sym',
                                  f'data-place="{for_folium(pin.place.id)}" class="atlas-sym', 1)


def _pin_class(pin: _Pin, *, selected: bool) -> str:
    return f"atlas-pin atlas-k-{pin.place.kind}{' atlas-selected' if selected else ''}"


def _pin_z(pin: _Pin, *, selected: bool) -> int:
    """The more-mentioned place above (at a low zoom its centre is what a reader aims at; a
    village under it would take the click), the selected one above all, region marks below."""
    return ((10_000 if selected else 0) + min(pin.mentions, 99) * 20
            - (500 if pin.place.kind == "region" else 0))




def _label_box(pin: _Pin) -> tuple[float, float]:
    """Approximate label size in px (DejaVu Sans at 11-12 px)."""
    bold = pin.mentions >= 5
    return len(pin.label) * (7.0 if bold else 6.4) + 8, 15.0




def _label_offset(pin: _Pin, where: str) -> tuple[float, float]:
    """Top-left corner of the label relative to the marker's centre, in px.

    The label keeps clear of the marker and of its own badges on that side.
    """
    width, height = _label_box(pin)
    gap = pin.size / 2 + 3
    for _, _, _, left, top in _badges(pin):
        if where == "right" and left > 0:
            gap = max(gap, left + BADGE_PX + 2)
        elif where == "left" and left < 0:
            gap = max(gap, -left + 2)
        elif where == "above" and top < 0:
            gap = max(gap, -top + 1)
        elif where == "below" and top > 0:
            gap = max(gap, top + BADGE_PX + 1)
    if where == "left":
        return -gap - width, -height / 2
    if where == "above":
        return -width / 2, -gap - height
    if where == "below":
        return -width / 2, gap
    return gap, -height / 2


def _label_rect(pin: _Pin, xy: tuple[float, float], where: str
                ) -> tuple[float, float, float, float]:
    width, height = _label_box(pin)
    dx, dy = _label_offset(pin, where)
    return (xy[0] + dx, xy[1] + dy, xy[0] + dx + width, xy[1] + dy + height)




def _status_words(pin: _Pin) -> str:
    words = []
    if pin.split:
        words.append("contested")
    if pin.besieged:
        words.append(f"besieged by {pin.besieged.side}")
    if pin.attacked:
        words.append(f"attacked by {pin.attacked.side}")
    if pin.moving_in:
        words.append(f"{pin.moving_in.side} moving in")
    if pin.moving_out:
        words.append(f"{pin.moving_out.side} leaving")
    if pin.disputed:
        words.append("a claim here is disputed")
    return "; ".join(words)




def _actor_names(view: View) -> dict[str, str]:
    """Short actor names for popups: 'Islamic State (IS)' -> 'Islamic State'."""
    return {a.id: re.split(r" \(| / ", a.name)[0] or a.id for a in view.corpus.actors}


def _tooltip_html(pin: _Pin) -> str:
    extra = pin.place.kind if pin.label == pin.place.name else f"{pin.place.name}, {pin.place.kind}"
    return (f"<b>{for_folium(pin.label)}</b> "
            f"<span style=\"color:#666\">{for_folium(extra)}</span>")




def _popup_html(pin: _Pin, view: View, colours: dict[str, str]) -> str:
    sides = side_of(view.corpus)
    names = _actor_names(view)
    n_claims = len(pin.claims)
    rows = [
        '<div style="font:12px/1.4 \'DejaVu Sans\',sans-serif;min-width:190px">',
        f'<div style="font-weight:bold;font-size:14px">{for_folium(pin.label)}</div>',
        f'<div style="color:#666;margin-bottom:4px">{for_folium(pin.place.name)} · '
        f"{for_folium(pin.place.kind)} · {for_folium(pin.place.country)}</div>",
        f"<div><b>{pin.mentions}</b> mention{'s' * (pin.mentions != 1)} · "
        f"<b>{n_claims}</b> claim{'s' * (n_claims != 1)} · "
        f"<b>{len(pin.commenters)}</b> commenter{'s' * (len(pin.commenters) != 1)}</div>",
    ]
    if pin.sides:
        chips = " ".join(
            f'<span style="white-space:nowrap"><span style="display:inline-block;width:9px;'
            f'height:9px;border-radius:50%;background:{colours.get(s, NEUTRAL)}"></span> '
            f"{for_folium(s)}</span>" for s in pin.sides)
        rows.append(f'<div style="margin-top:3px">{chips}</div>')
    status = _status_words(pin)
    if status:
        rows.append(f'<div style="margin-top:3px">{for_folium(status)}</div>')
    if pin.precision >= 2:
        rows.append('<div style="color:#666">only said to be '
                    f"{'near it' if pin.precision == 2 else 'in its area'}</div>")
    for claim in pin.claims[-4:]:
        side = sides.get(claim.actor, "Others")
        rows.append(
            f'<div style="margin-top:2px;border-left:3px solid {colours.get(side, NEUTRAL)};'
            f'padding-left:4px">{for_folium(names.get(claim.actor, claim.actor))} '
            f"{for_folium(ACTION_WORDS.get(claim.action, claim.action))}"
            f' <i>{for_folium(claim.modality)}</i> · {for_folium(claim.author)}</div>')
    if n_claims > 4:
        rows.append(f'<div style="color:#666">and {n_claims - 4} earlier</div>')
    rows.append("</div>")
    return "".join(rows)
