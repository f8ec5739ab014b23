"""The exhibition's views: by time (timeline), place (map), object (catalogue) and subject
(the subject, people and place indexes). Each reads every story or item it lists.

The timeline, the catalogue and the indexes come in pages when they are long
(lantai/views/paging.py): page 1 at the view's address, the others below it. Every page of
a view reads what the whole view reads: an added item moves the rows of every later page,
and the filters, counts and timeline bars are the whole view's."""

from __future__ import annotations

from .. import urls
from ..labels import label
from ..model import Project
from ..views import catalogue, indexes, map as mapview, paging, timeline
from .page import Page, share_for

INDEXES = (("tags", "subjects_index", indexes.subjects, urls.TAGS), ("people", "people_index", indexes.people, urls.PEOPLE),
           ("places", "places_index", indexes.places, urls.PLACES))


def _everything(project: Project) -> frozenset[str]:
    return frozenset({"settings", "brands", "stories", "items", *(f"brand:{b}" for b in project.brands),
                      *(f"story:{s}" for s in project.stories), *(f"item:{i}" for i in project.items)})


def _view(project: Project, kind: str, url: str, source: str, title: str, description: str, template: str,
          context: dict) -> Page:
    return Page(kind, url, source, title, description, template, context, _everything(project),
                share=share_for(url, title, project.settings.subtitle or "", kind))


def _paged(project: Project, kind: str, url: str, source: str, title: str, template: str,
           contexts: list[tuple[dict, paging.Pager]]) -> list[Page]:
    """A view's pages: page 1 as the view has always been, the others at their own address,
    titled with their number and sharing page 1's share image (one drawn image per view)."""
    first = _view(project, kind, url, source, title, title, template, {**contexts[0][0], "pager": contexts[0][1]})
    out = [first]
    for context, pager in contexts[1:]:
        numbered = label("page_n", project.language, title=title, n=pager.number)
        out.append(Page(kind, pager.url, f"{pager.url}index.md", numbered, numbered, template,
                        {**context, "pager": pager}, first.reads, share=first.share))
    return out


def pages(project: Project) -> list[Page]:
    language = project.language
    found = timeline.entries(project)
    whole = timeline.extent(found)
    brands = sorted({e.brand_id for e in found if e.brand_id in project.brands})
    categories = [(c.id, c.name) for c in project.settings.categories if any(e.category == c.id for e in found)]
    common = {"entries": found, "bar": lambda entry: timeline.bar(entry, whole), "categories": categories,
              "brands": [(b, project.brands[b].name) for b in brands]}
    parts = paging.split(found, paging.size_of(project, paging.TIMELINE_ENTRIES))
    out = _paged(project, "timeline", urls.TIMELINE, "timeline.md", label("timeline", language), "page_timeline.html",
                 [({**common, "periods": timeline.periods(part)}, pager)
                  for part, pager in zip(parts, paging.pagers(urls.TIMELINE, len(parts)))])
    href = lambda target: urls.relative(urls.MAP, target)  # noqa: E731
    out.append(_view(project, "map", urls.MAP, "map.md", label("map", language), label("map_list", language),
                     "page_map.html", mapview.map_context(project, href)))
    whole_catalogue = catalogue.catalogue_context(project)
    rows = catalogue.catalogue_pages(project)
    # A filter over the whole catalogue shows at most a page's worth of rows (views.js).
    whole_catalogue["limit"] = len(rows[0][0])
    out += _paged(project, "catalogue", urls.CATALOGUE, "items/index.md", label("catalogue", language),
                  "page_catalogue.html", [({**whole_catalogue, "rows": part}, pager) for part, pager in rows])
    for name, key, collect, url in INDEXES:
        heading = label(key, language)
        terms = collect(project)
        parts = indexes.term_pages(terms, paging.size_of(project, paging.INDEX_LINES))
        pagers = paging.pagers(url, len(parts))
        jump = indexes.letters(parts, [pager.url for pager in pagers])
        out += _paged(project, name, url, f"{name}.md", heading, "page_terms.html",
                      [({"heading": heading, "entries": terms, "terms": part, "current": name, "letters": jump,
                         "letter_anchor": indexes.letter_anchor}, pager)
                       for part, pager in zip(parts, pagers)])
    return out


def prepare(renderer, page: Page):
    return {}, None
