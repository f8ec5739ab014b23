"""The archive catalogue (`/items/`) and each item's own page (`/items/<slug>/`)."""

from __future__ import annotations

import json
import re

from .. import dates, urls
from ..labels import label
from ..model import Item, Project
from . import iiif, paging
from .common import appearances, item_url, published_items
from .media import picture, transcript

# Each field of an item, with its Dublin Core term (DCMI Metadata Terms).
DUBLIN_CORE = (
    ("code", "dcterms:identifier"),
    ("title", "dcterms:title"),
    ("date", "dcterms:date"),
    ("creator", "dcterms:creator"),
    ("type", "dcterms:type"),
    ("holder", "dcterms:provenance"),   # the institution that keeps it: its custody
    ("rights", "dcterms:rights"),
    ("brand", "dcterms:isPartOf"),
)
COLUMNS = ("code", "title", "date", "type", "holder", "brand")


def sort_date(value: str | None) -> str:
    year, month, day = dates.sort_key(value)
    return f"{year:05d}-{month:02d}-{day:02d}"


def catalogue_context(project: Project) -> dict:
    items = published_items(project)
    language = project.language

    def options(values) -> list[tuple[str, str]]:
        return sorted({v for v in values if v})

    brand_ids = sorted({i.brand_id for i in items if i.brand_id in project.brands})
    return {
        "items": items,
        "columns": [(key, label(code_label(project, items) if key == "code" else key, language)) for key in COLUMNS],
        "types": [(v, v) for v in options(i.type for i in items)],
        "holders": [(v, v) for v in options(i.holder for i in items)],
        "brands": [(b, project.brands[b].name) for b in brand_ids],
    }


def catalogue_pages(project: Project) -> list[tuple[list[Item], paging.Pager]]:
    """The catalogue's rows in pages, in code order, each with its pager."""
    rows = paging.split(published_items(project), paging.size_of(project, paging.CATALOGUE_ROWS))
    return list(zip(rows, paging.pagers(urls.CATALOGUE, len(rows))))


def part_files(project: Project) -> dict[str, bytes]:
    """The rows of each catalogue page as JSON (`data/catalogue/<n>.json`), when there are
    several pages: a visitor's filter fetches them to search the whole catalogue, not only the
    page in view (views.js). A one-page catalogue filters its own rows and needs none."""
    pages = catalogue_pages(project)
    if len(pages) < 2:
        return {}
    language = project.language
    files = {}
    for rows, pager in pages:
        data = [{"code": item.code, "title": item.title, "date": item.date or "", "sort": sort_date(item.date),
                 "shown": dates.display(item.date, language) if item.date else "", "type": item.type or "",
                 "holder": item.holder or "", "brand": item.brand_id, "url": item_url(item),
                 "brand_name": project.brands[item.brand_id].name if item.brand_id in project.brands else "",
                 "brand_url": project.brands[item.brand_id].url if item.brand_id in project.brands else ""}
                for item in rows]
        # Compact and sorted: the same catalogue gives the same bytes, and a part stays small.
        text = json.dumps({"page": pager.number, "pages": pager.count, "rows": data}, ensure_ascii=False,
                          sort_keys=True, separators=(",", ":"))
        files[urls.catalogue_part(pager.number)] = (text + "\n").encode("utf-8")
    return files


def code_label(project: Project, items: list[Item]) -> str:
    """The label key for a column of codes: their kind when all share one, else 编号."""
    kinds = {project.code_kind(item) for item in items} or {project.settings.code_kind}
    return f"code_{kinds.pop()}" if len(kinds) == 1 else "code"


def metadata(project: Project, item: Item) -> list[tuple[str, str, str, str | None]]:
    """(label key, Dublin Core term, value shown, link) for each field the item has."""
    brand = project.brands.get(item.brand_id)
    values = {
        "code": item.code, "title": item.title,
        "date": dates.display(item.date, project.language) if item.date else None,
        "creator": item.creator, "type": item.type, "rights": item.rights,
        "holder": item.holder or label("holder_not_recorded", project.language),
        "brand": brand.name if brand else None,
    }
    links = {"brand": brand.url if brand else None}
    keys = {"code": f"code_{project.code_kind(item)}"}  # 档号 only for a declared reference code
    # "Holder not recorded" is said to the visitor, never stated as the item's provenance.
    terms = {"holder": ""} if not item.holder else {}
    return [(keys.get(key, key), terms.get(key, term), values[key], links.get(key))
            for key, term in DUBLIN_CORE if values[key]]


def citation(project: Project, item: Item) -> str:
    """GB/T 7714—2025 for an archive record ([A], 8.12):
    creator. title: reference code[A]. holder, date of creation. URL.

    What the 2025 edition changed, as Lantai applies it: the archive's reference code (档号)
    stands after the title and a colon, before the type code, and the holder comes before the
    date; a record cited at an address is marked [A/OL] and ends with that address; an archive
    record carries no access date (the edition asks one only of web pages, data sets and
    preprints, and no longer of sources that are not online). The holder's place is left out: items do not
    record it. Only a declared reference code (code_kind: reference) takes the place of 档号; an
    exhibition's or catalogue number is no 档号, so it follows the entry, named for its kind."""
    zh = project.language.lower().startswith("zh")
    date = item.date or ""
    if date and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", date):
        date = dates.display(date, project.language)
    kind = project.code_kind(item)
    url = f"{project.settings.site_url.rstrip('/')}/{item_url(item)}" if project.settings.site_url else ""
    title = f"{item.title}: {item.code}" if kind == "reference" else item.title
    mark = "[A/OL]" if url else "[A]"
    parts = [f"{item.creator}. "] if item.creator else []
    parts.append(f"{title}{mark}. " if zh else f"{title} {mark}. ")
    where = ", ".join(part for part in (item.holder or "", date) if part)
    if where:
        parts.append(f"{where}. ")
    if kind != "reference":
        name = label(f"code_{kind}", project.language)
        parts.append(f"{name}: {item.code}. " if zh else f"{name} {item.code}. ")
    if url:
        parts.append(f"{url}.")
    return "".join(parts).rstrip()


def media_list(project: Project, item: Item) -> list[tuple]:
    """(media, picture or None, transcript or None, alt text) for each file of an item."""
    out = []
    for media in item.media:
        alt = media.alt or media.caption or item.title
        out.append((media, picture(project, media), transcript(project, media), alt))
    return out


def item_context(project: Project, item: Item) -> dict:
    return {
        "item": item, "brand": project.brands.get(item.brand_id),
        "metadata": metadata(project, item), "media_list": media_list(project, item),
        "appears": appearances(project, item), "citation": citation(project, item),
        "iiif_manifest": iiif.manifest_of(project, item),
    }
