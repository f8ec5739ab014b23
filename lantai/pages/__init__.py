"""Every page of an exhibition: what it is, where it lives, what it reads, how it renders.

`plan(project)` lists the pages of a build as `Page` records, one per address: home,
categories, brands, stories, items, the views (timeline, map, catalogue, indexes), search
and free pages. Planning is cheap; nothing is rendered yet. `render(renderer, page)` makes
one page's article once, from its kind's template (themes/lantai/fragments/page_<kind>.html
and the views' own,
autoescaped, so an editor's text is always text), and returns it with what the page frame
prints around it: Open Graph tags, the search index's marks, the table of contents.

No site engine here: lantai/engines/mkdocs/ hands the rendered pages to MkDocs. The
project given is the published one (lantai/drafts.py): nothing here decides about drafts.
Each page names the records it reads (`reads`, lantai/pages/dependencies.py), so that a
preview rebuilds exactly the pages an edit touches.
"""

from __future__ import annotations

from .dependencies import affected, changes
from .kinds import plan, render
from .page import Page, RenderedPage, Share
from .renderer import THEME_DIR, Renderer

__all__ = ["Page", "RenderedPage", "Renderer", "Share", "THEME_DIR", "affected", "changes", "plan", "render"]
