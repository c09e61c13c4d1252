"""Thread text as HTML that cannot run: escaping and highlighting in one place.

Comments are data, never markup.  ``text()`` escapes for an HTML body or attribute.  Folium
puts popup and tooltip HTML inside JavaScript template literals, where a backtick or ``${``
would end the string or run code even after HTML escaping, so ``for_folium()`` escapes those
too (as HTML entities, which read the same on screen).

>>> text('<img src=x onerror=alert(1)> `${x}`')
'&lt;img src=x onerror=alert(1)&gt; `${x}`'
>>> for_folium('<b>`${x}`</b>')
'&lt;b&gt;&#96;&#36;{x}&#96;&lt;/b&gt;'
>>> highlight("IS took Azaz.", [(8, 12, "place", "Azaz, Syria")])
'IS took <mark class="place" title="Azaz, Syria">Azaz</mark>.'
"""

from __future__ import annotations

import html
from collections.abc import Iterable

__all__ = ["for_folium", "highlight", "snippet", "text", "word_context"]


def text(value: object) -> str:
    """Escape any value for HTML (quotes included, so it is safe in attributes too)."""
    return html.escape(str(value), quote=True)


def for_folium(value: object) -> str:
    """Escape for HTML that folium embeds in a JavaScript template literal."""
    return text(value).replace("`", "&#96;").replace("$", "&#36;").replace("\\", "&#92;")


def highlight(body: str, spans: Iterable[tuple[int, int, str, str]], *, tag: str = "mark") -> str:
    """``body`` escaped, with each (start, end, css class, title) span wrapped in ``tag``.

    Overlapping spans: the earlier (then longer) one wins; the other is left plain.
    """
    out: list[str] = []
    cursor = 0
    for start, end, css, title in sorted(spans, key=lambda s: (s[0], -s[1])):
        if start < cursor or end <= start or end > len(body):
            continue
        out.append(text(body[cursor:start]))
        out.append(f'<{tag} class="{text(css)}" title="{text(title)}">{text(body[start:end])}'
                   f"</{tag}>")
        cursor = end
    out.append(text(body[cursor:]))
    return "".join(out)


def snippet(body: str, start: int, end: int, *, reach: int = 160) -> tuple[int, int]:
    """The sentence around [start, end), at most ``reach`` characters each side."""
    left = max(0, start - reach)
    for stop in (". ", "? ", "! ", "\n"):
        found = body.rfind(stop, left, start)
        if found != -1:
            left = max(left, found + len(stop))
    right = min(len(body), end + reach)
    for stop in (".", "?", "!", "\n"):
        found = body.find(stop, end, right)
        if found != -1:
            right = min(right, found + 1)
    return left, right


def word_context(text: str, start: int, end: int, *, reach: int = 160) -> tuple[int, int, str, str]:
    """The sentence around [start, end), cut between words, and "…" where it was cut short."""
    left, right = snippet(text, start, end, reach=reach)
    if 0 < left < start and text[left - 1].isalnum():
        space = text.find(" ", left, start)
        left = space + 1 if space != -1 else left
    if end < right < len(text) and text[right].isalnum():
        space = text.rfind(" ", end, right)
        right = space if space != -1 else right
    before = text[:left].rstrip(" \t")
    head = "…" if before and before[-1] not in ".!?\n" else ""
    tail = "…" if right < len(text) and text[right - 1] not in ".!?\n" else ""
    return left, right, head, tail
