"""A brand's page: what the archive holds, its stories and items, where it is."""

from __future__ import annotations

from markupsafe import Markup

from .. import urls
from ..model import Brand, Project
from ..search.record import brand_record
from ..views import jsonld
from ..views.common import public_url
from .page import Page, share_for
from .places import place_block


def pages(project: Project) -> list[Page]:
    return [brand_page(project, brand) for brand in project.brands.values()]


def brand_page(project: Project, brand: Brand) -> Page:
    url = urls.brand(brand)
    reads = {"settings", f"brand:{brand.id}", "stories", *(f"story:{s.key}" for s in brand.stories),
             *(f"item:{i.code}" for i in brand.items), *_placed(brand.description or "")}
    return Page("brand", url, f"{brand.id}/index.md", brand.name, brand.summary, "page_brand.html",
                {"brand": brand, "category": project.category(brand.category), "stories": brand.stories,
                 "items": brand.items}, frozenset(reads), record=brand,
                share=share_for(url, brand.name, brand.region, brand.category, brand.cover),
                search=brand_record(project, brand), hide=("navigation", "toc"))


def _placed(text: str) -> set[str]:
    from ..markers import find_markers
    return {f"item:{m.code}" for m in find_markers(text)}


def prepare(renderer, page: Page):
    project, brand = renderer.project, page.record
    text = renderer.editor_text(brand.description or "", page.source, page.url)
    image = public_url(project, brand.cover) if brand.cover else None
    return {"body": Markup(text.html), "place": place_block(renderer, brand, page.url),
            "jsonld": Markup(jsonld.script(jsonld.brand_data(project, brand, image, renderer.address)))}, text
