"""The search page, `/search/?q=...`: every result of a query in rank order, with filters."""

from __future__ import annotations

from .. import urls
from ..labels import label
from ..model import Project
from ..search.record import KINDS
from .page import Page, share_for


def pages(project: Project) -> list[Page]:
    language = project.language
    title = label("search", language)
    context = {"kinds": [label(kind, language) for kind in KINDS],
               "brands": sorted((brand.name for brand in project.brands.values()), key=str),
               "categories": [category.name for category in project.settings.categories]}
    return [Page("search", urls.SEARCH, "search.md", title, label("search_description", language), "page_search.html",
                 context, frozenset({"settings", "brands", *(f"brand:{b}" for b in project.brands)}),
                 share=share_for(urls.SEARCH, title, project.settings.subtitle or "", "search"))]


def prepare(renderer, page: Page):
    return {}, None
