"""The place block of a brand or story page: a small map and the places named."""

from __future__ import annotations

from markupsafe import Markup

from ..views import map as mapview


def place_block(renderer, record, url: str) -> Markup:
    """`url`: the page's own address (an edition's is below its language)."""
    entries = mapview.place_entries(record)
    if not entries:
        return Markup("")
    svg = mapview.place_svg(record, renderer.href(url))
    return renderer.fragment("place.html", url, svg=svg, entries=entries)
