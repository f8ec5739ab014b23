"""The exhibition in one of its other languages, as a project of its own.

`edition(project, "en")` is the (published) project as its English pages show it: the
settings in English (interface words, dates: lantai/labels.py, lantai/dates.py), each
story with the fields its translation gives and the original's for the rest, brands with
their `name_en`, `summary_en` …, items with their `title_en`, `description_en`, free pages
and the home page's introduction from their `.en.md` files. A story or page without a
translation stays whole in its own language, marked with that language (`Story.language`),
so its page says so and sets `lang` on its text: it is never missing from the English
site. A brand's name and an item's title not given in the language are marked the same
way (`Brand.name_language`, `Item.language`), so that every list naming them sets `lang`
on them (`written_in`).
"""

from __future__ import annotations

from dataclasses import replace

from .model import Brand, Category, Edition, FreePage, Item, Project, Story
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
    items = {code: _item(item, language, original) for code, item in project.items.items()}
    stories = {key: _story(story, written, language, original, items) for key, story in project.stories.items()}
    brands = {bid: _brand(brand, stories, language, original, items) for bid, brand in project.brands.items()}
    pages = [_page(page, written, language, original) for page in project.pages]
    intro = written.intro
    return replace(project, settings=settings, stories=stories, brands=brands, pages=pages, items=items,
                   catalogue=[items.get(item.code, item) for item in project.catalogue],
                   intro=intro.body if intro and intro.body else project.intro,
                   intro_path=intro.path if intro and intro.body else project.intro_path)


def written_in(record: object) -> str:
    """The language a record's title or name is shown in: a story's or page's text, a
    brand's name, an item's title; "" when it is the page's own (the primary language)."""
    if isinstance(record, Brand):
        return record.name_language
    return getattr(record, "language", "")


def _item(item: Item, language: str, original: str) -> Item:
    text = item.translations.get(language, {})
    return replace(item, **text, language=language if "title" in text else original,
                   description_language=language if "description" in text or not item.description else original)


def _items(items: list[Item], shown: dict[str, Item]) -> list[Item]:
    return [shown.get(item.code, item) for item in items]


def _story(story: Story, written: Edition, language: str, original: str, items: dict[str, Item]) -> Story:
    translated = written.stories.get(story.key)
    if translated is None:
        return replace(story, language=original, items=_items(story.items, items))
    return replace(story, **translated.fields, body=translated.body if translated.body.strip() else story.body,
                   body_line=translated.body_line, path=translated.path, language=language,
                   items=_items(story.items, items))


def _brand(brand: Brand, stories: dict[str, Story], language: str, original: str, items: dict[str, Item]) -> Brand:
    text = brand.translations.get(language, {})
    shown_in = original if brand.description and "description" not in text else language
    return replace(brand, **text, stories=[stories[s.key] for s in brand.stories if s.key in stories],
                   language=shown_in, name_language=language if "name" in text else original,
                   items=_items(brand.items, items))


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
