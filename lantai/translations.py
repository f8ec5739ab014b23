"""The exhibition in one of its other languages, as a project of its own.

`edition(project, "en")` is the (published) project as its English pages show it: the
settings in English (interface words, dates: lantai/labels.py, lantai/dates.py), each
story with the fields its translation gives and the original's for the rest, brands with
their `name_en`, `summary_en` …, free pages and the home page's introduction from their
`.en.md` files. A story or page without a translation stays whole in its own language,
marked with that language (`Story.language`), so its page says so and sets `lang` on its
text: it is never missing from the English site.
"""

from __future__ import annotations

from dataclasses import replace

from .model import Brand, Category, Edition, FreePage, Project, Story
from .reading.settings import DEFAULT_CATEGORIES
from .problems import is_chinese

def prefix(language: str) -> str:
    """Where an edition's pages are: the primary language's addresses, below its code."""
    return f"{language}/"


def edition(project: Project, language: str) -> Project:
    """The project as the pages in `language` show it (from the published project: drafts
    are already gone, lantai/drafts.py)."""
    written = project.editions.get(language) or Edition(language)
    original = project.language
    words = next((t for t in project.settings.translations if t.language == language), None)
    settings = replace(project.settings, language=language,
                       site_name=(words.site_name if words and words.site_name else project.settings.site_name),
                       subtitle=(words.subtitle if words and words.subtitle else project.settings.subtitle),
                       categories=[_category(c, language) for c in project.settings.categories])
    stories = {key: _story(story, written, language, original) for key, story in project.stories.items()}
    brands = {bid: _brand(brand, stories, language, original) for bid, brand in project.brands.items()}
    pages = [_page(page, written, language, original) for page in project.pages]
    intro = written.intro
    return replace(project, settings=settings, stories=stories, brands=brands, pages=pages,
                   intro=intro.body if intro and intro.body else project.intro,
                   intro_path=intro.path if intro and intro.body else project.intro_path)


def _story(story: Story, written: Edition, language: str, original: str) -> Story:
    translated = written.stories.get(story.key)
    if translated is None:
        return replace(story, language=original)
    return replace(story, **translated.fields, body=translated.body if translated.body.strip() else story.body,
                   body_line=translated.body_line, path=translated.path, language=language)


def _brand(brand: Brand, stories: dict[str, Story], language: str, original: str) -> Brand:
    text = brand.translations.get(language, {})
    shown_in = original if brand.description and "description" not in text else language
    return replace(brand, **text, stories=[stories[s.key] for s in brand.stories if s.key in stories],
                   language=shown_in)


def _page(page: FreePage, written: Edition, language: str, original: str) -> FreePage:
    translated = written.pages.get(page.name)
    if translated is None:
        return replace(page, language=original)
    return replace(page, **translated.fields, body=translated.body, path=translated.path, language=language)


def _category(category: Category, language: str) -> Category:
    """A category in `language`: its `name_en`/`description_en`, else, for one of the three
    default categories, Lantai's own words for it, else as written."""
    text = category.translations.get(language, {})
    default = next((d for d in DEFAULT_CATEGORIES if d[0] == category.id), None)
    if default and not text:
        zh = is_chinese(language)
        text = {"name": default[2] if zh else default[1], "description": default[4] if zh else default[3]}
    return replace(category, name=text.get("name", category.name),
                   description=text.get("description", category.description))
