"""Index pages of subjects (`/tags/`), people (`/people/`) and places (`/places/`).

Each entry lists the brands, stories and archive items that carry the term; a story's
items are listed under the story's terms, and an item whose creator is a listed person
is listed under that person.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Brand, Item, Project, Story
from .common import published_stories, story_items, term_slug


@dataclass
class Term:
    term: str
    anchor: str
    brands: list[Brand] = field(default_factory=list)
    stories: list[Story] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    location: tuple[float, float] | None = None

    @property
    def count(self) -> int:
        return len(self.brands) + len(self.stories) + len(self.items)


def _collect(found: dict[str, Term], term: str) -> Term:
    term = term.strip()
    if term not in found:
        found[term] = Term(term, term_slug(term))
    return found[term]


def _finish(found: dict[str, Term]) -> list[Term]:
    for entry in found.values():
        entry.brands = sorted({b.id: b for b in entry.brands}.values(), key=lambda b: b.id)
        entry.stories = sorted({s.key: s for s in entry.stories}.values(), key=lambda s: s.key)
        entry.items = sorted({i.code: i for i in entry.items}.values(), key=lambda i: i.code)
    return sorted((e for e in found.values() if e.term), key=lambda e: e.term.casefold())


def subjects(project: Project) -> list[Term]:
    found: dict[str, Term] = {}
    for brand in sorted(project.brands.values(), key=lambda b: b.id):
        for tag in brand.tags:
            _collect(found, tag).brands.append(brand)
    for story in published_stories(project):
        for tag in story.tags:
            entry = _collect(found, tag)
            entry.stories.append(story)
            entry.items += story_items(project, story)
    return _finish(found)


def people(project: Project) -> list[Term]:
    found: dict[str, Term] = {}
    stories = published_stories(project)
    for story in stories:
        for person in story.people:
            entry = _collect(found, person)
            entry.stories.append(story)
            entry.items += story_items(project, story)
    published = {i.code for s in stories for i in story_items(project, s)} | {
        i.code for b in project.brands.values() for i in b.items}
    for item in project.items.values():
        if item.creator and item.code in published:
            for entry in found.values():
                if entry.term and entry.term in item.creator:
                    entry.items.append(item)
    return _finish(found)


def places(project: Project) -> list[Term]:
    found: dict[str, Term] = {}
    for story in published_stories(project):
        for place in story.places:
            entry = _collect(found, place.name)
            entry.stories.append(story)
            entry.items += story_items(project, story)
            entry.location = entry.location or place.location
    for brand in project.brands.values():
        for entry in found.values():
            if entry.term and (entry.term in brand.region or brand.region in entry.term):
                entry.brands.append(brand)
    return _finish(found)
