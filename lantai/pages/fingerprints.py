"""What a page's bytes depend on, as one digest: the records it reads and the whole site's frame.

`build` with the build cache writes again only the pages whose digest changed since the
last build into the same folder, and takes the others from it (lantai/engines/mkdocs/reuse.py):
a rebuild after one story was edited renders that story and the pages listing it, not
every page (bench/results/scale.md). A page's digest is made of

- the site's digest (`site`), everything that is not a record: the engine's settings,
  navigation and theme, Lantai's own code, every editor's file other than a story's text
  (brand files, photographs, catalogue sheets, free pages, the introduction), and the list
  of pages with their addresses and titles, so that an added, removed or renamed page, or
  any change outside a story's text, renders every page again;
- the digest of each record the page reads (`Page.reads`, lantai/pages/dependencies.py: the
  story, its items, its brand, the stories it lists or links), read from the project as
  loaded, so that what reading derives from a story's file is in it.

A digest that comes out differently for the same input (a value without a stable form)
only renders a page again; it never keeps a stale one.
"""

from __future__ import annotations

import dataclasses
import enum
import hashlib
import json
from datetime import date, datetime
from pathlib import PurePath

from ..model import Project
from .dependencies import _records
from .page import Page

FORMAT = "lantai-page-fingerprint-1"


def canonical(value, _seen: frozenset = frozenset()):
    """A plain, ordered form of a record (dataclasses, lists, sets, paths, dates) for hashing."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, enum.Enum):
        return ["enum", type(value).__name__, canonical(value.value, _seen)]
    if isinstance(value, (PurePath, date, datetime)):
        return [type(value).__name__, str(value)]
    if id(value) in _seen:   # a record that holds itself: name it, do not follow it
        return ["cycle", type(value).__name__]
    seen = _seen | {id(value)}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return [type(value).__name__, {f.name: canonical(getattr(value, f.name), seen)
                                       for f in dataclasses.fields(value) if f.compare}]
    if isinstance(value, dict):
        items = [(json.dumps(canonical(k, seen), sort_keys=True, ensure_ascii=False), canonical(v, seen))
                 for k, v in value.items()]
        return ["dict", sorted(items, key=lambda kv: kv[0])]
    if isinstance(value, (list, tuple)):
        return [type(value).__name__, [canonical(v, seen) for v in value]]
    if isinstance(value, (set, frozenset)):
        return ["set", sorted(json.dumps(canonical(v, seen), sort_keys=True, ensure_ascii=False) for v in value)]
    return ["repr", type(value).__name__, repr(value)]


def digest(value) -> str:
    text = json.dumps(canonical(value), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def record_digests(project: Project) -> dict[str, str]:
    """Each record's digest, by the keys pages read (`story:…`, `item:…`, `brand:…`, `page:…`)."""
    return {key: digest(record) for key, record in _records(project).items()}


def project_digest(project: Project, pages: list[Page]) -> str:
    """What every page depends on in the project besides the records: settings, the
    introduction, the items held back or left out, and every page's address and title."""
    listed = [(page.kind, page.source, page.url, page.title, page.description, page.draft) for page in pages]
    return digest([FORMAT, project.settings, project.intro, sorted(project.withheld),
                   sorted(project.held_back.items()), listed])


def page_keys(pages: list[Page], records: dict[str, str], site: str) -> dict[str, str]:
    """Each page's digest (by source): the site's and those of the records it reads. A
    key that names no record (`stories`, `settings`) is covered by the site's digest."""
    keys = {}
    for page in pages:
        parts = [site, page.kind, page.source, page.template]
        parts += [f"{key}={records.get(key, '')}" for key in sorted(page.reads)]
        keys[page.source] = hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()
    return keys
