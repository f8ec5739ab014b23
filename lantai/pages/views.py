"""The exhibition's views: by time (timeline), place (map), object (catalogue) and subject
(the subject, people and place indexes). Each reads every story or item it lists."""

from __future__ import annotations

from .. import urls
from ..labels import label
from ..model import Project
from ..views import catalogue, indexes, map as mapview, timeline
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


def pages(project: Project) -> list[Page]:
    language = project.language
    found = timeline.entries(project)
    whole = timeline.extent(found)
    brands = sorted({e.brand_id for e in found if e.brand_id in project.brands})
    categories = [(c.id, c.name) for c in project.settings.categories if any(e.category == c.id for e in found)]
    out = [_view(project, "timeline", urls.TIMELINE, "timeline.md", label("timeline", language), label("timeline", language),
                 "page_timeline.html", {"entries": found, "periods": timeline.periods(found),
                                   "bar": lambda entry: timeline.bar(entry, whole), "categories": categories,
                                   "brands": [(b, project.brands[b].name) for b in brands]})]
    href = lambda target: urls.relative(urls.MAP, target)  # noqa: E731
    out.append(_view(project, "map", urls.MAP, "map.md", label("map", language), label("map_list", language),
                     "page_map.html", mapview.map_context(project, href)))
    out.append(_view(project, "catalogue", urls.CATALOGUE, "items/index.md", label("catalogue", language),
                     label("catalogue", language), "page_catalogue.html", catalogue.catalogue_context(project)))
    for name, key, collect, url in INDEXES:
        heading = label(key, language)
        out.append(_view(project, name, url, f"{name}.md", heading, heading, "page_terms.html",
                         {"heading": heading, "entries": collect(project), "current": name}))
    return out


def prepare(renderer, page: Page):
    return {}, None
