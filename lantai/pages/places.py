"""The place block of a brand or story page: a small map and the places named."""

from __future__ import annotations

from markupsafe import Markup

from .. import urls
from ..views import map as mapview


def place_block(renderer, record) -> Markup:
    entries = mapview.place_entries(record)
    if not entries:
        return Markup("")
    url = record.url
    svg = mapview.place_svg(record, lambda target: urls.relative(url, target))
    return renderer.fragment("place.html", url, svg=svg, entries=entries)
