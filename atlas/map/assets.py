"""Serve the map's JavaScript and CSS from the app itself, never from a CDN.

Why: folium writes CDN URLs (jsdelivr, code.jquery.com, cdnjs, bootstrapcdn) into every map,
and streamlit-folium loads each of them, in order, inside its component iframe before it draws
anything. One unreachable URL stops the chain, so on a machine without internet the map stays
blank. We therefore copy Leaflet, jQuery and Leaflet.markercluster out of the
``xstatic-leaflet`` / ``xstatic-jquery`` / ``xstatic-leaflet-markercluster`` Python packages
(already dependencies, so no download) into ``<app dir>/static/vendor/``, which
Streamlit serves at ``/app/static/vendor/`` when ``server.enableStaticServing`` is on, and point
folium at those URLs.

Which of folium's default assets are kept, and why:

- ``leaflet`` (JS) and ``leaflet_css``: the map itself. The CSS refers to ``images/`` next to it
  (layer-control icon, default marker icon and shadow), so the images are copied too.
- ``jquery``: folium renders every HTML popup as ``$(`<div>...</div>`)[0]``, and a Map with
  objects kept in front calls ``$(document).ready``. Without jQuery a popup throws and the rest
  of the map script after it never runs.
- ``folium.plugins.MarkerCluster`` (Leaflet.markercluster, from the
  ``xstatic-leaflet-markercluster`` package): the all-threads map clusters its many markers.
  Only the plugin's own assets are repointed; they are fetched only by a map that has a
  cluster (or :func:`atlas.map.cluster_assets`) on it.

Dropped (the dashboard uses none of them; each is a network request that fails offline):

- ``bootstrap`` JS/CSS and ``glyphicons_css``: only styling for folium's own widgets and
  for ``folium.Icon`` glyphs; popups, tooltips and the LayerControl are plain Leaflet.
- ``awesome_markers`` JS/CSS, ``awesome_markers_font_css`` (Font Awesome), ``awesome_rotate_css``:
  needed only by ``folium.Icon``. Do not use ``folium.Icon``; use ``CircleMarker``, a default
  ``Marker`` (Leaflet's own icon, served locally) or a ``DivIcon``.

Popup, Tooltip, Marker, CircleMarker, Circle, PolyLine, GeoJson, FeatureGroup and LayerControl
declare no assets of their own (they are not ``JSCSSMixin`` subclasses), so repointing
``folium.Map`` is enough for them. A few other folium classes still carry CDN URLs (``Vega``,
``TopoJson``, ``RegularPolygonMarker``, every other ``folium.plugins`` class), and
streamlit-folium hard-codes d3 from a CDN whenever a branca colormap is on the map;
:func:`remote_asset_urls` finds all of these, so a test can prove a map is offline-safe.
"""

from __future__ import annotations

import filecmp
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import branca.colormap
import branca.element
import folium
import folium.elements
import folium.plugins
import xstatic.pkg.jquery
import xstatic.pkg.leaflet
import xstatic.pkg.leaflet_markercluster

from geo.paths import BASEMAP_PATH

__all__ = [
    "DEFAULT_URL_PREFIX",
    "install_static_assets",
    "remote_asset_urls",
    "use_local_assets",
    "vendor_files",
]

#: Where Streamlit serves ``<app dir>/static/vendor`` (``server.enableStaticServing = true``).
DEFAULT_URL_PREFIX = "/app/static/vendor"

_LEAFLET_DIR = Path(xstatic.pkg.leaflet.BASE_DIR)
_JQUERY_DIR = Path(xstatic.pkg.jquery.BASE_DIR)
_CLUSTER_DIR = Path(xstatic.pkg.leaflet_markercluster.BASE_DIR)
_CLUSTER_FILES = ("leaflet.markercluster.js", "MarkerCluster.css", "MarkerCluster.Default.css")
#: Natural Earth country outlines (public domain), fetched by the base map (atlas.map.basemap).
_COUNTRIES = BASEMAP_PATH
_LEAFLET_IMAGES = (
    "layers.png",
    "layers-2x.png",
    "marker-icon.png",
    "marker-icon-2x.png",
    "marker-shadow.png",
)

# streamlit-folium injects these for any branca ColorMap, whatever folium says.
_COLORMAP_JS = (
    "https://d3js.org/d3.v4.min.js",
    "https://cdnjs.cloudflare.com/ajax/libs/d3/3.5.5/d3.min.js",
)


def vendor_files() -> dict[str, Path]:
    """Map each vendored file's path under ``static/vendor/`` to its source.

    The sources are the xstatic packages' files, and ``data/countries.geojson`` (the base
    map's outlines). The layout keeps Leaflet's ``images/`` beside ``leaflet.css`` because
    the CSS refers to them by relative URL.
    """
    files = {
        "leaflet/leaflet.js": _LEAFLET_DIR / "leaflet.js",
        "leaflet/leaflet.css": _LEAFLET_DIR / "leaflet.css",
        "jquery/jquery.min.js": _JQUERY_DIR / "jquery.min.js",
    }
    for name in _LEAFLET_IMAGES:
        files[f"leaflet/images/{name}"] = _LEAFLET_DIR / "images" / name
    for name in _CLUSTER_FILES:
        files[f"leaflet.markercluster/{name}"] = _CLUSTER_DIR / name
    files["natural-earth/countries.geojson"] = _COUNTRIES
    return files


def install_static_assets(root: Path) -> Path:
    """Copy the vendored files (:func:`vendor_files`) into ``<root>/static/vendor/``; return it.

    ``root`` is the directory of the Streamlit entry script: Streamlit serves the ``static``
    folder next to the main script, not next to the working directory. Cheap enough to call on
    every rerun: a file is rewritten only when it is missing or differs from the package's
    copy (checked by size and mtime first, bytes only if those differ), and each write goes
    through a temporary file and an atomic rename, so concurrent sessions never serve a
    half-written file.
    """
    vendor = Path(root) / "static" / "vendor"
    for rel, src in vendor_files().items():
        dst = vendor / rel
        if dst.is_file() and filecmp.cmp(src, dst, shallow=True):
            continue
        dst.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=dst.parent, prefix=f".{dst.name}.", suffix=".tmp")
        os.close(fd)
        try:
            shutil.copy2(src, tmp)
            os.replace(tmp, dst)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    return vendor


def use_local_assets(url_prefix: str = DEFAULT_URL_PREFIX) -> None:
    """Point folium's map at the vendored Leaflet/jQuery and drop the CDN assets we do not use.

    Sets the ``default_js`` / ``default_css`` class attributes of ``folium.Map`` and of
    ``folium.plugins.MarkerCluster`` (new lists, so folium's module-level defaults stay
    untouched). Idempotent; call it before building maps. See the module docstring for what is
    kept and why.
    """
    prefix = url_prefix.rstrip("/")
    folium.Map.default_js = [
        ("leaflet", f"{prefix}/leaflet/leaflet.js"),
        ("jquery", f"{prefix}/jquery/jquery.min.js"),
    ]
    folium.Map.default_css = [
        ("leaflet_css", f"{prefix}/leaflet/leaflet.css"),
    ]
    cluster = f"{prefix}/leaflet.markercluster"
    folium.plugins.MarkerCluster.default_js = [
        ("markerclusterjs", f"{cluster}/leaflet.markercluster.js"),
    ]
    folium.plugins.MarkerCluster.default_css = [
        ("markerclustercss", f"{cluster}/MarkerCluster.css"),
        ("markerclusterdefaultcss", f"{cluster}/MarkerCluster.Default.css"),
    ]


def _walk(element: branca.element.Element) -> Iterator[branca.element.Element]:
    yield element
    if isinstance(element, folium.plugins.DualMap):
        yield from _walk(element.m1)
        yield from _walk(element.m2)
    for child in getattr(element, "_children", {}).values():
        yield from _walk(child)


def remote_asset_urls(element: branca.element.Element) -> list[str]:
    """Return every asset URL that streamlit-folium would fetch from off this server.

    Walks the element tree the way ``st_folium`` does (``default_js``/``default_css`` of every
    element, plus the d3 scripts it adds for a branca colormap) and keeps the URLs that are not
    served by this app (anything with a scheme or a protocol-relative ``//host``). An empty list
    means the map can render with the network cut; tile layers are not assets and not listed.
    """
    urls: list[str] = []
    for elem in _walk(element):
        if isinstance(elem, branca.colormap.ColorMap):
            urls.extend(_COLORMAP_JS)
        if isinstance(elem, folium.elements.JSCSSMixin):
            urls.extend(url for _, url in elem.default_js)
            urls.extend(url for _, url in elem.default_css)
    remote = [u for u in urls if "://" in u or u.startswith("//")]
    return list(dict.fromkeys(remote))
