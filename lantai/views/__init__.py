"""Exhibition views: several ways through the same holdings, by time, place, object and subject.

`view_pages` gives the timeline, map, catalogue and index pages; `item_page` an archive
item's page; `enrich` adds places, structured data and share images to the brand and
story pages; `site_files` gives every file that is not a page (open data, image
renditions, share images); `check` the problems an editor must fix. Free of any engine:
`lantai.pages` calls the first three, the MkDocs plugin the last ones.
"""

from __future__ import annotations

import html as html_lib
from typing import TYPE_CHECKING

from .. import dates
from ..labels import label
from ..model import Item, Project
from . import catalogue, indexes, jsonld, map as mapview, media, share, timeline
from .common import item_url, public_url, published_items, term_slug
from .geo import coordinates

if TYPE_CHECKING:
    from ..pages import GeneratedPage, Renderer

VIEW_META = {"hide": ["navigation", "toc"]}
SITE_SHARE = share.SHARE_DIR + "site.png"


def prepare(renderer: "Renderer") -> None:
    """The helpers the view fragments use, added once to the page renderer."""
    env = renderer.env
    if "item_url" in env.globals:
        return
    env.globals.update(item_url=item_url, coords=lambda loc: coordinates(*loc), slug=term_slug,
                       sort_date=catalogue.sort_date)


def view_pages(renderer: "Renderer") -> list["GeneratedPage"]:
    from ..pages import GeneratedPage
    prepare(renderer)
    project, drafts, language = renderer.project, renderer.include_drafts, renderer.language
    pages = []

    found = timeline.entries(project, drafts)
    whole = timeline.extent(found)
    brands = sorted({e.brand_id for e in found if e.brand_id in project.brands})
    categories = [(c.id, c.name) for c in project.settings.categories if any(e.category == c.id for e in found)]
    body = renderer.render("timeline.html", "timeline/", entries=found, periods=timeline.periods(found),
                           bar=lambda entry: timeline.bar(entry, whole), categories=categories,
                           brands=[(b, project.brands[b].name) for b in brands])
    pages.append(GeneratedPage("timeline.md", label("timeline", language), body + "\n",
                               {**VIEW_META, "lantai": "timeline", "description": label("timeline", language)}))

    href = lambda target: _relative("map/", target)
    body = renderer.render("map.html", "map/", **mapview.map_context(project, drafts, href))
    pages.append(GeneratedPage("map.md", label("map", language), body + "\n",
                               {**VIEW_META, "lantai": "map", "description": label("map_list", language)}))

    body = renderer.render("catalogue.html", "items/", **catalogue.catalogue_context(project, drafts))
    pages.append(GeneratedPage("items/index.md", label("catalogue", language), body + "\n",
                               {**VIEW_META, "lantai": "catalogue", "description": label("catalogue", language)}))

    for name, key, collect in (("tags", "subjects_index", indexes.subjects), ("people", "people_index", indexes.people),
                               ("places", "places_index", indexes.places)):
        heading = label(key, language)
        body = renderer.render("terms.html", f"{name}/", heading=heading, entries=collect(project, drafts),
                               current=name)
        pages.append(GeneratedPage(f"{name}.md", heading, body + "\n",
                                   {**VIEW_META, "lantai": name, "description": heading}))
    return pages


def _relative(from_url: str, to_url: str) -> str:
    from ..pages import relative_url
    return relative_url(from_url, to_url)


def item_page(renderer: "Renderer", item: Item) -> "GeneratedPage":
    from ..pages import GeneratedPage, _with_body, place_items
    prepare(renderer)
    project = renderer.project
    url = item_url(item)
    context = catalogue.item_context(project, item, renderer.include_drafts)
    head = renderer.render("item.html", url, **context)
    description = media.fill_alt(place_items(item.description or "", renderer, url))
    first_image = next((pic for _, pic, _, _ in context["media_list"] if pic), None)
    image = first_image.largest.path if first_image else None
    foot = renderer.render("item_foot.html", url, **context) + "\n" + jsonld.script(
        jsonld.item_data(project, item, public_url(project, image) if image else None))
    meta = {"lantai": "item", "description": f"{item.code} {item.title}", "lantai_brand": item.brand_id}
    brand = project.brands.get(item.brand_id)
    meta["lantai_share"] = _share(url, item.title, f"{item.code} · {brand.name if brand else ''}",
                                  brand.category if brand else "", image)
    return GeneratedPage(f"items/{item.slug}.md", item.title, _with_body(head, description, foot), meta)


def _share(url: str, title: str, kicker: str, group: str, cover: str | None = None) -> dict:
    if cover:
        return {"path": cover}
    slug = url.strip("/").replace("/", "--") or "home"
    return {"path": f"{share.SHARE_DIR}{slug}.png", "title": title, "kicker": kicker, "group": group,
            "key": url or "home"}


def enrich(pages: list["GeneratedPage"], renderer: "Renderer") -> None:
    """Places, structured data and a share image for the pages the engine made."""
    prepare(renderer)
    project = renderer.project
    for page in pages:
        kind = page.meta.get("lantai")
        page.markdown = media.fill_alt(page.markdown)
        if kind == "brand":
            brand = project.brands[page.meta["lantai_brand"]]
            page.markdown = page.markdown.rstrip("\n") + "\n\n" + _place_block(renderer, brand) + jsonld.script(
                jsonld.brand_data(project, brand, _image_url(project, brand.cover))) + "\n"
            page.meta.setdefault("lantai_share", _share(page.url, brand.name, brand.region, brand.category, brand.cover))
        elif kind == "story":
            story = project.stories[page.src_uri[:-3]]
            brand = project.brands.get(story.brand_id)
            page.markdown = _responsive_images(renderer, page.markdown, story)
            page.markdown = _before_pager(page.markdown, _place_block(renderer, story)) + jsonld.script(
                jsonld.story_data(project, story, _image_url(project, story.cover))) + "\n"
            page.meta.setdefault("lantai_share", _share(page.url, story.title, brand.name if brand else "",
                                                        brand.category if brand else "", story.cover))
        elif kind == "item":
            continue  # item pages carry theirs already
        else:
            page.meta.setdefault("lantai_share", _share(page.url, page.title, project.settings.subtitle or "",
                                                        page.meta.get("lantai", "")))


def _story_images(project: Project, story) -> list[media.TextImage]:
    return media.text_images(project, story.body, (project.root / story.path).parent)


def _responsive_images(renderer: "Renderer", markdown: str, story) -> str:
    """An image standing alone in a story becomes a figure with its renditions and the lightbox."""
    for image in _story_images(renderer.project, story):
        figure = renderer.render("text_image.html", story.url, image=image)
        markdown = markdown.replace("\n" + image.line + "\n", "\n\n" + figure + "\n\n", 1)
    return markdown


def _before_pager(markdown: str, block: str) -> str:
    """The place block goes with the story's facts, before the links to the next story."""
    pager = '<nav class="lt-pager"'
    if block and "\n" + pager in markdown:
        at = markdown.index("\n" + pager)
        return markdown[:at] + "\n\n" + block.rstrip("\n") + "\n" + markdown[at:].rstrip("\n") + "\n\n"
    return markdown.rstrip("\n") + "\n\n" + block


def _image_url(project: Project, path: str | None) -> str | None:
    return public_url(project, path) if path else None


def _place_block(renderer: "Renderer", record) -> str:
    entries = mapview.place_entries(record)
    if not entries:
        return ""
    url = record.url
    svg = mapview.place_svg(record, lambda target: _relative(url, target))
    return renderer.render("place.html", url, svg=svg, entries=entries) + "\n\n"


def site_files(project: Project, pages: list["GeneratedPage"], include_drafts: bool = False) -> dict[str, bytes]:
    """Every generated file that is not a page: open data, image renditions, share images."""
    from ..exports import export_files
    files = export_files(project, include_drafts)
    pictures = [pic for item in published_items(project, include_drafts) for m in item.media
                if (pic := media.picture(project, m))]
    pictures += [image.picture for story in project.published_stories(include_drafts)
                 for image in _story_images(project, story)]
    files.update(media.render_files(pictures))
    language = project.language
    files[SITE_SHARE] = share.share_image("site", project.settings.site_name, project.settings.subtitle or "",
                                          project.settings.site_name, "", language)
    for page in pages:
        spec = page.meta.get("lantai_share") or {}
        if "title" in spec and spec["path"] not in files:
            files[spec["path"]] = share.share_image(spec["key"], spec["title"], spec["kicker"],
                                                    project.settings.site_name, spec["group"], language)
    return files


def check(project: Project) -> list:
    """Problems the views find in editors' files (images without alt text)."""
    return media.check_alt(project)


def head_tags(project: Project, meta: dict, page_url: str, title: str) -> str:
    """Open Graph tags for a built page; `meta` is the page's metadata as the engine read it."""
    from ..pages import relative_url
    spec = meta.get("lantai_share") or {"path": SITE_SHARE, "title": title}
    path = spec["path"]
    base = project.settings.site_url.rstrip("/")
    if not base and page_url and not page_url.endswith("/"):
        return ""  # the 404 page is shown at any address: no relative link would hold
    image = f"{base}/{path}" if base else relative_url(page_url, path)
    size = share.SIZE if "title" in spec else None
    description = html_lib.unescape(str(meta.get("description") or project.settings.subtitle or title))
    return jsonld.open_graph(title=html_lib.unescape(title), description=description,
                             site_name=project.settings.site_name, language=project.language,
                             kind=str(meta.get("lantai", "")), url=f"{base}/{page_url}" if base else None,
                             image=image, image_size=size)


__all__ = ["view_pages", "item_page", "enrich", "site_files", "check", "head_tags", "dates"]
