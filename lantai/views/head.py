"""What a page's <head> tells link previews: Open Graph and Twitter card tags."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import urls
from ..model import Project
from . import jsonld, share

if TYPE_CHECKING:  # a page record (lantai/pages/page.py) is only read here
    from ..pages.page import Page

SITE_SHARE = share.SHARE_DIR + "site.png"


def head_tags(project: Project, page: "Page") -> str:
    """Open Graph tags for a page: its title, description and share image."""
    base = project.settings.site_url.rstrip("/")
    path = page.share.path if page.share else SITE_SHARE
    image = f"{base}/{path}" if base else urls.relative(page.url, path)
    size = share.SIZE if page.share is None or page.share.drawn else None
    tags = jsonld.open_graph(title=page.title, description=page.description or project.settings.subtitle or page.title,
                             site_name=project.settings.site_name, language=project.language, kind=page.kind,
                             url=f"{base}/{page.url}" if base else None, image=image, image_size=size)
    # The page's versions in other languages are named by the language switcher's links
    # (rel="alternate" hreflang) and in sitemap.xml, not by <link rel="alternate"> here:
    # Material's script takes every such link for the root of a language of its own
    # selector, fetches sitemap.xml beside it (a failed request on every page) and reroutes
    # clicks on the links below it (lantai/pages/languages.py).
    return tags
