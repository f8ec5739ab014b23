"""The timeline: every dated story, event and item in order, grouped by decade.

EDTF qualifiers stay visible: an approximate date is marked 约 (c.), an uncertain one ?,
and a span is drawn as a bar on the timeline's whole extent. The same entries are
offered as TimelineJS JSON (`/data/timeline.json`).
"""

from __future__ import annotations

import html
from dataclasses import dataclass


from .. import dates
from ..labels import label
from ..model import Project
from ..translations import written_in
from .common import category_of, item_url, published_items, published_stories

KIND_ORDER = {"story": 0, "event": 1, "item": 2}


@dataclass
class Entry:
    kind: str                   # story, event or item
    date: str                   # EDTF as written
    title: str
    text: str
    url: str                    # the story's or item's page
    brand_id: str
    category: str
    start: tuple[int, int, int]
    end: tuple[int, int, int]
    approximate: bool
    uncertain: bool
    span: bool                  # an interval, or a date that leaves digits open (195X)
    key: str                    # unique and stable
    language: str = ""          # the language of its title and text; "" the site's own (translations.written_in)

    @property
    def decade(self) -> int:
        return self.start[0] // 10 * 10


def bounds(value: str) -> tuple[tuple[int, int, int], tuple[int, int, int]] | None:
    """The earliest and latest day an EDTF date can mean; None when it is not a date."""
    value = str(value).strip()
    if not dates.is_valid(value):
        return None
    if "/" in value:
        start, _, end = value.partition("/")
        first = bounds(start) if start not in ("", "..") else None
        last = bounds(end) if end not in ("", "..") else None
        if not first and not last:
            return None
        return (first or last)[0], (last or first)[1]
    try:
        return dates.day_bounds(value)
    except Exception:  # the package raises several types for dates it cannot bound
        year = dates.year_of(value)
        return ((year, 1, 1), (year, 12, 31)) if year is not None else None


def qualifiers(value: str) -> tuple[bool, bool, bool]:
    """(approximate, uncertain, span) of an EDTF date."""
    value = str(value)
    approximate = "~" in value or "%" in value
    uncertain = "?" in value or "%" in value
    span = "/" in value or "X" in value
    return approximate, uncertain, span


def _entry(kind: str, value: str | None, title: str, text: str, url: str, brand_id: str, project: Project,
           key: str, language: str = "") -> Entry | None:
    if not value:
        return None
    found = bounds(value)
    if not found:
        return None
    approximate, uncertain, span = qualifiers(value)
    return Entry(kind, str(value), title, text or "", url, brand_id, category_of(project, brand_id),
                 found[0], found[1], approximate, uncertain, span, key, language)


def entries(project: Project) -> list[Entry]:
    """Every dated story, event and item, earliest first."""
    found: list[Entry | None] = []
    for story in published_stories(project):
        found.append(_entry("story", story.date, story.title, story.summary, story.url, story.brand_id,
                            project, f"story:{story.key}", written_in(story)))
        for index, event in enumerate(story.events):
            found.append(_entry("event", event.date, event.title, event.text or "", story.url, story.brand_id,
                                project, f"event:{story.key}:{index + 1}", written_in(story)))
    for item in published_items(project):
        found.append(_entry("item", item.date, item.title, item.code, item_url(item), item.brand_id,
                            project, f"item:{item.code}", written_in(item)))
    return sorted((e for e in found if e), key=lambda e: (e.start, e.end, KIND_ORDER[e.kind], e.title, e.key))


def periods(found: list[Entry]) -> list[tuple[int, list[Entry]]]:
    groups: dict[int, list[Entry]] = {}
    for entry in found:
        groups.setdefault(entry.decade, []).append(entry)
    return sorted(groups.items())


def extent(found: list[Entry]) -> tuple[float, float]:
    """The first and last moment of the whole timeline, in fractional years."""
    if not found:
        return (0.0, 1.0)
    first = min(_years(e.start) for e in found)
    last = max(_years(e.end, end=True) for e in found)
    return first, max(last, first + 1)


def _years(day: tuple[int, int, int], end: bool = False) -> float:
    year, month, date = day
    return year + (month - 1) / 12 + (date - (0 if end else 1)) / 366


def bar(entry: Entry, whole: tuple[float, float]) -> tuple[float, float]:
    """Where a span lies on the whole timeline: (left %, width %)."""
    first, last = whole
    length = last - first
    left = (_years(entry.start) - first) / length * 100
    width = (_years(entry.end, end=True) - _years(entry.start)) / length * 100
    return round(left, 2), round(max(width, 0.6), 2)


# -- TimelineJS -----------------------------------------------------------------------

def _date_object(value: str, language: str) -> dict:
    parts = dates._PART.match(value.strip())
    out: dict = {}
    if parts and "X" not in parts["year"]:
        out["year"] = int(parts["year"])
        if parts["month"] and "X" not in parts["month"] and int(parts["month"]) <= 12:
            out["month"] = int(parts["month"])
            if parts["day"] and "X" not in parts["day"]:
                out["day"] = int(parts["day"])
    else:
        found = bounds(value)
        out["year"] = found[0][0] if found else 0
    out["display_date"] = dates.display(value, language)
    return out


def timelinejs(project: Project, found: list[Entry], url_of) -> dict:
    """TimelineJS 3 JSON: a title slide and one event per entry; `url_of(path)` gives links."""
    language = project.language
    events = []
    for entry in found:
        start, _, end = entry.date.partition("/")
        event = {
            "unique_id": entry.key.replace(":", "-").replace("/", "-"),
            "start_date": _date_object(start if start not in ("", "..") else end, language),
            "text": {"headline": f'<a href="{html.escape(url_of(entry.url))}">{html.escape(entry.title)}</a>',
                     "text": html.escape(entry.text)},
            "display_date": dates.display(entry.date, language),
            "group": project.brands[entry.brand_id].name if entry.brand_id in project.brands else entry.brand_id,
            "url": url_of(entry.url),
            "lantai": {"kind": entry.kind, "edtf": entry.date, "approximate": entry.approximate,
                       "uncertain": entry.uncertain, "brand": entry.brand_id, "category": entry.category},
        }
        if end and end not in ("", "..") and start:
            event["end_date"] = _date_object(end, language)
        events.append(event)
    return {
        "title": {"text": {"headline": html.escape(project.settings.site_name),
                           "text": html.escape(project.settings.subtitle or label("timeline", language))}},
        "events": events,
    }
