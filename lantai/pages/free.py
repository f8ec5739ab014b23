"""Free pages (content/<page>.md: about, visiting, credits), shown as the editor wrote them."""

from __future__ import annotations

import re
from html import unescape

from .. import urls
from ..model import FreePage, Project
from ..search.record import page_record
from ..views.head import SITE_SHARE
from .page import WIDE, Page, Share

_H1 = re.compile(r"^#\s+(.+?)\s*#*\s*$", re.MULTILINE)


def title_of(page: FreePage) -> str:
    """The page's `title`, else its first heading, else its file name (as MkDocs names pages)."""
    if page.title:
        return page.title
    from ..markers import visible_lines
    for line in visible_lines(page.body):
        if line is not None and (found := _H1.match(line)):
            return unescape(re.sub(r"<[^>]+>", "", found.group(1)))
    name = page.name.replace("-", " ").replace("_", " ")
    return name.capitalize() if name.lower() == name else name


def pages(project: Project) -> list[Page]:
    out = []
    for free in project.pages:
        title = title_of(free)
        out.append(Page("page", urls.free_page(free), f"{free.name}.md", title,
                        free.description or "",
                        "page_free.html", {"free": free}, frozenset({"settings", f"page:{free.name}"}),
                        record=free, hide=tuple(h for h in free.hide if h in WIDE), share=Share(SITE_SHARE, title),
                        search=page_record(project, free, title)))
    return out


def prepare(renderer, page: Page):
    text = renderer.editor_text(page.record.body, page.source, page.url)
    from markupsafe import Markup
    return {"body": Markup(text.html)}, text
