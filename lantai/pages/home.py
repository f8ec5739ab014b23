"""The home page: the exhibition's halls (its categories), featured stories, free pages."""

from __future__ import annotations

from .. import urls
from ..model import Project, Story
from .page import Page, share_for


def featured_stories(project: Project) -> list[Story]:
    """The settings' `featured` stories, or else the first story of each brand, up to six."""
    chosen = [project.stories[key] for key in project.settings.featured if key in project.stories]
    if not chosen:
        chosen = [brand.stories[0] for brand in project.brands.values() if brand.stories]
        chosen.sort(key=lambda s: (-len(s.body), s.key))
    return chosen[:6]


def pages(project: Project) -> list[Page]:
    settings = project.settings
    featured = featured_stories(project)
    sections = [(c, project.brands_in(c.id)) for c in settings.categories]
    # Without chosen `featured` stories the longest first stories are shown: any story may change them.
    shown = featured if settings.featured else project.stories.values()
    reads = {"settings", "brands", "stories", "pages", "intro", *(f"brand:{b}" for b in project.brands),
             *(f"story:{s.key}" for s in shown)}
    return [Page("home", urls.HOME, "index.md", settings.site_name, settings.subtitle or settings.site_name,
                 "page_home.html", {"sections": sections, "featured": featured, "pages": project.pages},
                 frozenset(reads), share=share_for(urls.HOME, settings.site_name, settings.subtitle or "", "home"))]


def prepare(renderer, page: Page):
    project = renderer.project
    if not project.intro:
        return {"body": ""}, None
    text = renderer.editor_text(project.intro, page.source, page.url)
    return {"body": text.html}, text
