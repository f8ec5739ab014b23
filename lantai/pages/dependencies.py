"""Which pages an edit touches: the records each page reads, and what changed between reads.

A page names what it shows in `Page.reads`: record keys (`story:shangyu/manifesto`,
`brand:shangyu`, `item:SY-0001`, `page:about`), `intro` (content/index.md), `translations`
(any file in another language: the pages of the site's other languages read it), `settings`
(mkdocs.yml), and the collections `brands`, `stories`, `items` and `pages`, which change
when a record is added or removed. `changes(before, after)` gives the keys that differ
between two readings of a project; `affected(pages, keys)` the pages to render again. A
settings change touches every page.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..model import Project

if TYPE_CHECKING:
    from .page import Page


def _records(project: Project) -> dict[str, object]:
    records: dict[str, object] = {f"brand:{b.id}": replace(b, stories=[]) for b in project.brands.values()}
    records.update({f"story:{key}": story for key, story in project.stories.items()})
    records.update({f"item:{code}": item for code, item in project.items.items()})
    records.update({f"page:{page.name}": page for page in project.pages})
    return records


def changes(before: Project, after: Project) -> set[str]:
    """The record keys whose records differ, appeared or went; with the collections they
    belong to when one appeared or went, and `settings`/`intro` when those differ."""
    old, new = _records(before), _records(after)
    changed = {key for key in old.keys() | new.keys() if old.get(key) != new.get(key)}
    for key in old.keys() ^ new.keys():
        changed.add({"brand": "brands", "story": "stories", "item": "items", "page": "pages"}[key.split(":")[0]])
    if before.settings != after.settings:
        changed.add("settings")
    if before.intro != after.intro:
        changed.add("intro")
    if before.editions != after.editions:   # what editors wrote in other languages
        changed.add("translations")
    return changed


def affected(pages: list["Page"], changed: set[str]) -> list["Page"]:
    """The pages that read any of the changed keys (all of them for a settings change)."""
    if "settings" in changed:
        return list(pages)
    return [page for page in pages if page.reads & changed]
