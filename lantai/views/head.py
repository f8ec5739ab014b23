"""What a page's <head> tells link previews (Open Graph and Twitter card tags) and search engines (hreflang)."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from .. import urls
from ..model import Project
from . import jsonld, share

if TYPE_CHECKING:  # a page record (lantai/pages/page.py) is only read here
    from ..pages.page import Page

SITE_SHARE = share.SHARE_DIR + "site.png"


def head_tags(project: Project, page: "Page", versions: list[dict] | tuple = ()) -> str:
    """Open Graph tags for a page: its title, description and share image; and its
    `versions` in every language (lantai/pages/page.py: `{language, href}`, full addresses)."""
    base = project.settings.site_url.rstrip("/")
    path = page.share.path if page.share else SITE_SHARE
    image = f"{base}/{path}" if base else urls.relative(page.url, path)
    size = share.SIZE if page.share is None or page.share.drawn else None
    tags = jsonld.open_graph(title=page.title, description=page.description or project.settings.subtitle or page.title,
                             site_name=project.settings.site_name, language=project.language, kind=page.kind,
                             url=f"{base}/{page.url}" if base else None, image=image, image_size=size)
    return tags + "".join(f'\n<link rel="{HREFLANG_REL}" hreflang="{escape(v["language"], quote=True)}" '
                          f'href="{escape(v["href"], quote=True)}">' for v in versions)


# The rel of the hreflang links, with a space after the one token it holds. Material's script
# takes every `link[rel=alternate]` for the root of a language of its own selector: it fetches
# sitemap.xml beside each (a failed request, to the published host, on every page) and
# reroutes clicks on the links below it. The CSS selector `[rel=alternate]` matches the whole
# attribute value, so "alternate " escapes it, while HTML reads rel as a set of tokens
# (relList: {alternate}), as browsers and search engines do. tests/test_languages.py checks
# both in Chromium: the links are there, and Material fetches nothing for them.
HREFLANG_REL = "alternate "
