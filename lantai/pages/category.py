"""A category's page: its brands, as a hall of the exhibition."""

from __future__ import annotations

from .. import urls
from ..model import Project
from .page import Page, share_for


def pages(project: Project) -> list[Page]:
    out = []
    for category in project.settings.categories:
        url = urls.category(category.id)
        brands = project.brands_in(category.id)
        reads = {"settings", "brands", *(f"brand:{b.id}" for b in brands)}
        out.append(Page("category", url, f"categories/{category.id}.md", category.name,
                        category.description or category.name, "page_category.html",
                        {"category": category, "brands": brands}, frozenset(reads), record=category,
                        share=share_for(url, category.name, project.settings.subtitle or "", "category")))
    return out


def prepare(renderer, page: Page):
    return {}, None
