"""A story's page: its text with the items it shows, its facts, sources and places."""

from __future__ import annotations

from markupsafe import Markup

from .. import urls
from ..markers import find_markers
from ..model import Project, Story
from ..search.record import story_record
from ..views import jsonld, media
from ..views.common import public_url
from .page import Page, share_for
from .places import place_block


def pages(project: Project) -> list[Page]:
    return [story_page(project, story, *neighbours(brand.stories, index))
            for brand in project.brands.values() for index, story in enumerate(brand.stories)]


def neighbours(stories: list[Story], index: int) -> tuple[Story | None, Story | None]:
    """The stories before and after the one at `index` in its brand's order (the pager)."""
    return (stories[index - 1] if index > 0 else None,
            stories[index + 1] if index + 1 < len(stories) else None)


def related_of(project: Project, story: Story) -> list[dict]:
    out = []
    for key in story.related:
        if key in project.stories:
            other = project.stories[key]
            out.append({"url": other.url, "title": other.title, "kind": "story", "summary": other.summary,
                        "record": other})
        elif key in project.brands:
            brand = project.brands[key]
            out.append({"url": brand.url, "title": brand.name, "kind": "brand", "summary": brand.summary,
                        "record": brand})
    return out


def story_page(project: Project, story: Story, previous: Story | None, following: Story | None) -> Page:
    url = urls.story(story)
    brand = project.brands.get(story.brand_id)
    markers = find_markers(story.body)
    alone = {m.code for m in markers if m.alone}
    reads = {"settings", f"story:{story.key}", f"brand:{story.brand_id}", "stories",
             *(f"story:{key}" if key in project.stories else f"brand:{key}" for key in story.related),
             *(f"story:{s.key}" for s in (previous, following) if s),
             *(f"item:{code}" for code in {i.code for i in story.items} | {m.code for m in markers})}
    context = {"story": story, "brand": brand, "category": project.category(brand.category) if brand else None,
               "related": related_of(project, story), "previous": previous, "following": following,
               "listed_items": [i for i in story.items if i.code not in alone]}
    return Page("story", url, f"{story.brand_id}/{story.id}.md", story.title, story.summary, "page_story.html",
                context, frozenset(reads), record=story, hide=(), draft=story.draft,
                share=share_for(url, story.title, brand.name if brand else "", brand.category if brand else "",
                                story.cover),
                search=story_record(project, story))


def figures(renderer, story: Story, url: str) -> dict[str, str]:
    """Images standing alone in the story's text, as figures with renditions and the lightbox,
    linked from the page at `url`."""
    project = renderer.project
    found = media.text_images(project, story.body, (project.root / story.path).parent)
    return {image.line: str(renderer.fragment("text_image.html", url, image=image)) for image in found}


def prepare(renderer, page: Page):
    project, story = renderer.project, page.record
    text = renderer.editor_text(story.body, page.source, page.url, figures(renderer, story, page.url))
    image = public_url(project, story.cover) if story.cover else None
    return {"body": Markup(text.html), "place": place_block(renderer, story, page.url),
            "jsonld": Markup(jsonld.script(jsonld.story_data(project, story, image, renderer.address)))}, text
