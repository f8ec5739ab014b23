"""What every exhibition view needs: the published records, their URLs and plain helpers.

No site engine here: views read the content model and return HTML fragments, data or
bytes. Every list is sorted, so the same project always gives the same output.
"""

from __future__ import annotations

import json
import re

from .. import urls
from ..model import Brand, Item, Project, Story
from ..markers import find_markers


def item_url(item: Item) -> str:
    return urls.item(item)


def published_stories(project: Project) -> list[Story]:
    """The project's stories in key order (a build's project holds no drafts: lantai/drafts.py)."""
    return sorted(project.stories.values(), key=lambda s: s.key)


def published_items(project: Project) -> list[Item]:
    return sorted(project.items.values(), key=lambda i: i.code)


def appearances(project: Project, item: Item) -> list[Story]:
    """The stories an item appears in: listed in their `items` or placed by its code."""
    return project.derived("appearances", lambda: _appearance_index(project)).get(item.code, [])


def _appearance_index(project: Project) -> dict[str, list[Story]]:
    # Item pages and JSON-LD ask this for every item: read each story's markers once.
    index: dict[str, list[Story]] = {}
    for story in published_stories(project):
        for listed in story_items(project, story):
            index.setdefault(listed.code, []).append(story)
    return index


def story_items(project: Project, story: Story) -> list[Item]:
    """Items a story lists or places in its text, each once, in code order. The indexes, the
    map, the open data and the item pages ask it eleven times a story: its markers are read
    once per project (keyed on the text itself, so a story record of another edition with
    the same key is read on its own)."""
    listed = tuple(i.code for i in story.items)
    return list(project.derived(("story_items", story.key, story.body, listed), lambda: sorted(
        (project.items[c] for c in set(listed) | {m.code for m in find_markers(story.body)} if c in project.items),
        key=lambda i: i.code)))


def category_of(project: Project, brand_id: str) -> str:
    brand = project.brands.get(brand_id)
    return brand.category if brand else ""


def public_url(project: Project, path: str) -> str:
    """A page's address for data files: absolute under `site_url`, else from the site root."""
    base = project.settings.site_url.rstrip("/")
    return f"{base}/{path}" if base else f"/{path}"


def term_slug(term: str) -> str:
    """An anchor for a subject, person or place: ASCII words as they are, other text as hex."""
    slug = re.sub(r"[^a-z0-9]+", "-", term.lower()).strip("-")
    if slug and term.isascii():
        return slug
    hexed = "-".join(f"{ord(ch):x}" for ch in term)
    if len(hexed) <= 80:
        return "t-" + hexed
    # Long terms that begin alike keep apart: the start, then a digest of the whole term.
    import hashlib
    return "t-" + hexed[:70].rstrip("-") + "-" + hashlib.sha256(term.encode("utf-8")).hexdigest()[:9]


def region_group(brand: Brand) -> str:
    """The region a brand is listed under on the map: its city (…市) where one is named."""
    match = re.match(r"^(.+?市)", brand.region)
    return match.group(1) if match else brand.region


def to_json(data: object) -> str:
    """Deterministic JSON: sorted keys, UTF-8 text, a final newline."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True, indent=2) + "\n"


def script_json(data: object) -> str:
    """JSON safe inside a <script> element."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
