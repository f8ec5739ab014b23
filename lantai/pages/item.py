"""An archive item's page: its media, Dublin Core metadata, the stories it appears in, a citation."""

from __future__ import annotations

from markupsafe import Markup

from .. import urls
from ..markers import find_markers
from ..model import Item, Project
from ..search.record import item_record
from ..views import catalogue, jsonld
from ..views.common import appearances, public_url
from .page import Page, share_for


def pages(project: Project) -> list[Page]:
    return [item_page(project, item) for item in sorted(project.items.values(), key=lambda i: i.code)]


def item_page(project: Project, item: Item) -> Page:
    url = urls.item(item)
    brand = project.brands.get(item.brand_id)
    context = catalogue.item_context(project, item)
    first = next((pic for _, pic, _, _ in context["media_list"] if pic), None)
    image = first.largest.path if first else None
    reads = {"settings", f"item:{item.code}", f"brand:{item.brand_id}", "stories",
             *(f"story:{s.key}" for s in appearances(project, item)),
             *(f"item:{m.code}" for m in find_markers(item.description or ""))}
    return Page("item", url, f"items/{item.slug}.md", item.title, f"{item.code} {item.title}", "page_item.html",
                {**context, "image": image}, frozenset(reads), record=item, hide=(),
                share=share_for(url, item.title, f"{item.code} · {brand.name if brand else ''}",
                                brand.category if brand else "", image),
                search=item_record(project, item))


def prepare(renderer, page: Page):
    project, item = renderer.project, page.record
    text = renderer.editor_text(item.description or "", page.source, page.url)
    image = page.context["image"]
    return {"body": Markup(text.html), "jsonld": Markup(jsonld.script(
        jsonld.item_data(project, item, public_url(project, image) if image else None, renderer.address)))}, text
