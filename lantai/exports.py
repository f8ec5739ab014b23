"""Open data: the exhibition's brands, stories and items as JSON and CSV, with a
Frictionless Data Package (`/data/datapackage.json`) describing them.

Every record carries `url`, its page's address (absolute under `site_url`, else from the
site root). The files are deterministic: sorted records and keys, no timestamps.
"""

from __future__ import annotations

import csv
import io
import re

from . import dates
from .model import Project
from .views import oai
from .views.common import item_url, public_url, published_items, published_stories, story_items, to_json
from .views.timeline import entries, timelinejs

DATA_DIR = "data/"
ITEM_COLUMNS = ("code", "code_kind", "title", "date", "date_display", "creator", "holder", "type", "brand", "story",
                "rights", "url")


def brand_records(project: Project) -> list[dict]:
    out = []
    for brand in sorted(project.brands.values(), key=lambda b: b.id):
        category = project.category(brand.category)
        out.append({
            "id": brand.id, "name": brand.name, "archives": brand.archives, "region": brand.region,
            "category": brand.category, "category_name": category.name if category else brand.category,
            "summary": brand.summary, "description": brand.description,
            "location": {"lat": brand.location[0], "lon": brand.location[1]} if brand.location else None,
            "tags": brand.tags, "batch": brand.batch,
            "stories": sorted(s.key for s in brand.stories),
            "items": sorted(i.code for i in brand.items),
            "sources": [_source(s) for s in brand.sources],
            "links": [{"title": link.title, "url": link.url} for link in brand.links],
            "url": public_url(project, brand.url),
        })
    return out


def _source(source) -> dict:
    return {"title": source.title, "publisher": source.publisher, "date": source.date, "url": source.url}


def story_records(project: Project) -> list[dict]:
    out = []
    for story in published_stories(project):
        out.append({
            "id": story.key, "brand": story.brand_id, "title": story.title, "summary": story.summary,
            "date": story.date, "date_display": dates.display(story.date, project.language) if story.date else None,
            "events": [{"date": e.date, "title": e.title, "text": e.text} for e in story.events],
            "people": story.people,
            "places": [{"name": p.name, "location": {"lat": p.location[0], "lon": p.location[1]} if p.location else None}
                       for p in story.places],
            "tags": story.tags, "items": [i.code for i in story_items(project, story)],
            "related": story.related, "sources": [_source(s) for s in story.sources],
            "url": public_url(project, story.url),
        })
    return out


def item_records(project: Project) -> list[dict]:
    out = []
    for item in published_items(project):
        out.append({
            "code": item.code, "code_kind": project.code_kind(item), "title": item.title, "date": item.date,
            "date_display": dates.display(item.date, project.language) if item.date else None,
            "creator": item.creator, "holder": item.holder, "type": item.type, "description": item.description,
            "rights": item.rights, "brand": item.brand_id,
            "story": f"{item.brand_id}/{item.story_id}" if item.story_id else None,
            "media": [{"url": public_url(project, m.path), "kind": m.kind, "caption": m.caption,
                       "transcript": public_url(project, m.transcript_path) if m.transcript_path else None}
                      for m in item.media],
            "url": public_url(project, item_url(item)),
            # A catalogue row's other columns, in the sheet's order, named as the sheet names them.
            "extra": [{"name": name, "value": value} for name, value in item.extra],
        })
    return out


def extra_columns(project: Project) -> list[str]:
    """The catalogue's other columns as items.csv has them, after its own: in the order they
    first appear (files by name, then columns), a name that is one of its own marked as extra."""
    names: dict[str, None] = {}
    for item in published_items(project):
        for name, _ in item.extra:
            names.setdefault(name)
    return list(names)


def csv_name(column: str) -> str:
    """An extra column's name in items.csv's header (and its data package schema)."""
    return csv_cell(f"{column} (extra)" if column in ITEM_COLUMNS else column)


def items_csv(records: list[dict], extra: list[str] = ()) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([*ITEM_COLUMNS, *(csv_name(c) for c in extra)])
    for record in records:
        values = {entry["name"]: entry["value"] for entry in record.get("extra", [])}
        writer.writerow([*(csv_cell(record[c]) for c in ITEM_COLUMNS), *(csv_cell(values.get(c)) for c in extra)])
    return buffer.getvalue()


# A cell starting with one of these is a formula to a spreadsheet (=HYPERLINK(…), +cmd|…);
# OWASP's advice for CSV injection: prefix it with a single quote, so it is shown as text.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def csv_cell(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def _field(name: str, kind: str = "string", description: str = "") -> dict:
    out = {"name": name, "type": kind}
    if description:
        out["description"] = description
    return out


def datapackage(project: Project) -> dict:
    name = re.sub(r"[^a-z0-9]+", "-", project.settings.site_name.lower()).strip("-") or "lantai-exhibition"
    item_fields = [
        _field("code", description="the item's code, unique in the exhibition"),
        _field("code_kind", description="what the code is: reference (the archive's 档号), exhibition, catalogue "
                                         "or identifier"),
        _field("title", description="题名"),
        _field("date", description="EDTF (Library of Congress Extended Date/Time Format)"),
        _field("date_display", description="the date as the site shows it"),
        _field("creator", description="责任者"), _field("holder", description="holding institution"),
        _field("type"), _field("brand", description="id of the brand (see brands.json)"),
        _field("story", description="brand-id/story-id of the story that lists it"),
        _field("rights"), _field("url", description="the item's page"),
        *(_field(csv_name(column), description="a column of the archive's catalogue, as it is")
          for column in extra_columns(project)),
    ]
    for f in item_fields:
        if f["name"] == "url":
            f["format"] = "uri" if project.settings.site_url else "default"
    return {
        "profile": "data-package",
        "name": name if name.isascii() else "lantai-exhibition",
        "title": project.settings.site_name,
        "description": project.settings.subtitle or project.settings.site_name,
        "resources": [
            {"name": "brands", "path": "brands.json", "format": "json", "mediatype": "application/json",
             "encoding": "utf-8", "profile": "data-resource",
             "description": "Brands (archive collections and programmes), each with its stories, items and page url"},
            {"name": "stories", "path": "stories.json", "format": "json", "mediatype": "application/json",
             "encoding": "utf-8", "profile": "data-resource",
             "description": "Published stories with dates (EDTF), people, places, subjects, items and page url"},
            {"name": "items", "path": "items.json", "format": "json", "mediatype": "application/json",
             "encoding": "utf-8", "profile": "data-resource",
             "description": "Archive items with their media and page url"},
            {"name": "items-table", "path": "items.csv", "format": "csv", "mediatype": "text/csv",
             "encoding": "utf-8", "profile": "tabular-data-resource",
             "dialect": {"delimiter": ",", "lineTerminator": "\r\n", "header": True},
             "schema": {"fields": item_fields, "primaryKey": ["code"]}},
            {"name": "timeline", "path": "timeline.json", "format": "json", "mediatype": "application/json",
             "encoding": "utf-8", "profile": "data-resource",
             "description": "Every dated story, event and item, as TimelineJS 3 JSON"},
        ] + ([{"name": "oai-pmh", "path": "oai-pmh.xml", "format": "xml", "mediatype": "application/xml",
               "encoding": "utf-8", "profile": "data-resource",
               "description": "Every item in Dublin Core (oai_dc), as an OAI-PMH Static Repository for harvesters"}]
             if oai.harvestable(project) else []),
    }


def export_files(project: Project) -> dict[str, bytes]:
    """Site path -> file content, for every open-data file."""
    items = item_records(project)
    timeline = timelinejs(project, entries(project), lambda path: public_url(project, path))
    files = {
        "brands.json": to_json(brand_records(project)),
        "stories.json": to_json(story_records(project)),
        "items.json": to_json(items),
        "items.csv": items_csv(items, extra_columns(project)),
        "timeline.json": to_json(timeline),
        "datapackage.json": to_json(datapackage(project)),
    }
    return {DATA_DIR + name: text.encode("utf-8") for name, text in files.items()}
