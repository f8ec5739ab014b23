"""What a page's <head> tells link previews: Open Graph and Twitter card tags."""

from __future__ import annotations

from html import escape
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
    return tags + alternate_links(project, page)


def alternate_links(project: Project, page: "Page") -> str:
    """`<link rel="alternate" hreflang>` for the page and each of its versions in another
    language (a page with none in a language names none there): full addresses with
    site_url, as search engines prefer, else links from the page."""
    same = [(other.language, other.url) for other in page.languages if other.same]
    if not same:
        return ""
    base = project.settings.site_url.rstrip("/")
    return "".join(
        f'\n<link rel="alternate" hreflang="{escape(language)}" '
        f'href="{escape(f"{base}/{url}" if base else urls.relative(page.url, url))}">'
        for language, url in [(page.language or project.language, page.url), *same])
