"""What a build publishes: the one place where drafts are decided.

`published(project)` is the project as visitors see it: draft stories are gone, and with
them every trace of them (their items, `related` links to them, their place in their
brand). Every page, index, open-data file and the search index are made from it, so no
view can forget a draft. `serve` passes `include_drafts=True`: an editor previews drafts,
marked as such.
"""

from __future__ import annotations

from dataclasses import replace

from .model import Project, Story


def published(project: Project, include_drafts: bool = False) -> Project:
    """The project without its drafts (itself when drafts are shown)."""
    if include_drafts or not any(story.draft for story in project.stories.values()):
        return project
    stories = {key: story for key, story in project.stories.items() if not story.draft}
    known = set(stories) | set(project.brands)
    stories = {key: replace(story, related=[r for r in story.related if r in known]) for key, story in stories.items()}
    brands = {bid: replace(brand, stories=[stories[s.key] for s in brand.stories if s.key in stories])
              for bid, brand in project.brands.items()}
    items = {code: item for code, item in project.items.items()
             if not item.story_id or f"{item.brand_id}/{item.story_id}" in stories}
    withheld = frozenset(code for code in project.items if code not in items)
    return replace(project, brands=brands, stories=stories, items=items, withheld=withheld,
                   settings=replace(project.settings, featured=[k for k in project.settings.featured if k in stories]))


def is_draft_item(project: Project, code: str) -> bool:
    """An item that belongs to a draft story (not published with it)."""
    item = project.items.get(code)
    story: Story | None = project.stories.get(f"{item.brand_id}/{item.story_id}") if item and item.story_id else None
    return bool(story and story.draft)
