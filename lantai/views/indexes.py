"""Index pages of subjects (`/tags/`), people (`/people/`) and places (`/places/`).

Each entry lists the brands, stories and archive items that carry the term; a story's
items are listed under the story's terms, and an item whose creator is a listed person
is listed under that person. A long index is laid out in pages by term (`term_pages`):
terms in order, as many as fit a page's budget of links; a term with more links than a
page holds goes on over the next pages, its heading repeated.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .. import collation
from ..model import Brand, Item, Project, Story
from . import paging
from .common import published_stories, story_items, term_slug


@dataclass
class Term:
    term: str
    anchor: str
    brands: list[Brand] = field(default_factory=list)
    stories: list[Story] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    location: tuple[float, float] | None = None
    letter: str = ""        # the A-Z jump letter of its pinyin (lantai/collation.py)

    @property
    def count(self) -> int:
        return len(self.brands) + len(self.stories) + len(self.items)


@dataclass
class TermPart:
    """The part of a term's entry that one index page shows: all of it, unless the term
    lists more than a page holds."""
    entry: Term
    brands: list[Brand]
    stories: list[Story]
    items: list[Item]
    part: int = 1           # 2, 3… for the pages a long entry goes on to

    @property
    def term(self) -> str:
        return self.entry.term

    @property
    def anchor(self) -> str:
        # A term's anchor names where it starts; the parts after it get their own.
        return self.entry.anchor if self.part == 1 else f"{self.entry.anchor}-{self.part}"

    @property
    def continued(self) -> bool:
        return self.part > 1

    @property
    def count(self) -> int:             # the whole entry's, on every part
        return self.entry.count

    @property
    def location(self) -> tuple[float, float] | None:
        return self.entry.location

    @property
    def letter(self) -> str:
        return self.entry.letter


def term_pages(terms: list[Term], lines: int) -> list[list[TermPart]]:
    """Terms in pages, in order: each page holds about `lines` links, a heading counting as
    paging.HEADING_LINES; a term is split only when it would not fit on a page of its own."""
    pages: list[list[TermPart]] = [[]]
    room = lines
    for term in terms:
        links = [("brands", b) for b in term.brands] + [("stories", s) for s in term.stories] + [
            ("items", i) for i in term.items]
        if pages[-1] and paging.HEADING_LINES + len(links) > room:
            pages.append([])
            room = lines
        part = 1
        while True:
            take = max(1, room - paging.HEADING_LINES)
            piece, links = links[:take], links[take:]
            pages[-1].append(TermPart(term, [r for k, r in piece if k == "brands"],
                                      [r for k, r in piece if k == "stories"],
                                      [r for k, r in piece if k == "items"], part))
            room -= paging.HEADING_LINES + len(piece)
            if not links:
                break
            pages.append([])
            room = lines
            part += 1
    return pages


def _collect(found: dict[str, Term], term: str) -> Term:
    term = term.strip()
    if term not in found:
        found[term] = Term(term, term_slug(term))
    return found[term]


def _finish(found: dict[str, Term], person: bool = False) -> list[Term]:
    """The terms in pinyin order (people by their surname's reading), each with its letter."""
    key = collation.person_key if person else collation.sort_key
    keys = {}
    for entry in found.values():
        entry.brands = sorted({b.id: b for b in entry.brands}.values(), key=lambda b: b.id)
        entry.stories = sorted({s.key: s for s in entry.stories}.values(), key=lambda s: s.key)
        entry.items = sorted({i.code: i for i in entry.items}.values(), key=lambda i: i.code)
        keys[entry.term] = key(entry.term)
        entry.letter = keys[entry.term][0]
    return sorted((e for e in found.values() if e.term), key=lambda e: keys[e.term])


def letters(parts: list[list[TermPart]], urls_of_pages: list[str]) -> list[tuple[str, str | None]]:
    """The A-Z jump letters of an index in pages: (letter, where its first term is, as the
    page's URL and the letter's anchor; None for a letter no term starts with). OTHER first
    when a term starts with neither a letter nor a Chinese character."""
    first: dict[str, str] = {}
    for part, url in zip(parts, urls_of_pages):
        for entry in part:
            if entry.part == 1:
                first.setdefault(entry.letter, f"{url}#letter-{letter_anchor(entry.letter)}")
    shown = ([collation.OTHER] if collation.OTHER in first else []) + list(collation.LETTERS)
    return [(letter, first.get(letter)) for letter in shown]


def letter_anchor(letter: str) -> str:
    return "other" if letter == collation.OTHER else letter.lower()


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
    # A person is named in a creator when their name is a part of it. Looking each part of
    # the creator up (no longer than the longest name) keeps this linear in the items: at
    # 50,000 items and tens of thousands of people, asking every name of every creator is not.
    longest = max((len(term) for term in found), default=0)
    for item in project.items.values():
        if item.creator and item.code in published:
            text = item.creator
            parts = {text[start:end] for start in range(len(text))
                     for end in range(start + 1, min(len(text), start + longest) + 1)}
            for term in parts & found.keys():
                found[term].items.append(item)
    return _finish(found, person=True)


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
