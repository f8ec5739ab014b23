"""The kinds of page, in the order a build lists them, each with its module."""

from __future__ import annotations

from ..model import Project
from . import brand, category, free, home, item, languages, search, story, views
from .page import Page
from .renderer import Renderer, RenderedPage, render as render_with

# kind -> the module that plans and prepares it
MODULES = {"home": home, "category": category, "brand": brand, "story": story, "item": item, "search": search,
           "timeline": views, "map": views, "catalogue": views, "tags": views, "people": views, "places": views,
           "page": free}
ORDER = (home, category, brand, story, item, search, views, free)


def plan(project: Project) -> list[Page]:
    """Every page of the exhibition, in a fixed order: nothing is rendered yet; the
    primary language's first, then each other language's (lantai/pages/languages.py)."""
    return languages.plan(project, [page for module in ORDER for page in module.pages(project)])


def render(renderer: Renderer, page: Page) -> RenderedPage:
    return render_with(renderer, page, MODULES[page.kind].prepare)
