"""Page generation: the content model in, one Markdown page per URL out.

No site engine here. Each `GeneratedPage` is Markdown whose structural parts are HTML
rendered from the Jinja templates in `themes/lantai/fragments/` (autoescaped, so any
editor's text is shown as text), with the editors' own Markdown (descriptions, story
bodies) placed between them. Links are relative, so a site works under a sub-path.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
from markupsafe import Markup

from . import covers, dates, search
from .labels import label
from .model import Brand, Category, Item, Project, Story
from .references import MARKER, find_markers
from . import views

THEME_DIR = Path(__file__).resolve().parent.parent / "themes" / "lantai"
FRAGMENTS_DIR = THEME_DIR / "fragments"


@dataclass
class GeneratedPage:
    src_uri: str            # the page's place among the source files, e.g. "shangyu-red-memory/manifesto.md"
    title: str              # plain text, unescaped
    markdown: str
    meta: dict = field(default_factory=dict)
    draft: bool = False

    @property
    def url(self) -> str:
        return page_url(self.src_uri)


def page_url(src_uri: str) -> str:
    """Directory URL of a source file: a/b.md -> a/b/, a/index.md -> a/, index.md -> ''."""
    stem = src_uri[:-3] if src_uri.endswith(".md") else src_uri
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def relative_url(from_url: str, to_url: str) -> str:
    """Link from the page at `from_url` to `to_url`, both site-relative directory URLs."""
    depth = from_url.count("/")
    target = "../" * depth + to_url
    return target or "./"


class Renderer:
    """Renders fragments for one project; knows the language and the current page."""

    def __init__(self, project: Project, include_drafts: bool = False):
        self.project = project
        self.language = project.language
        self.include_drafts = include_drafts
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(FRAGMENTS_DIR)),
            autoescape=True, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=False,
            undefined=jinja2.StrictUndefined,
        )
        self.env.filters["date"] = lambda value: dates.display(value, self.language)
        self.env.globals.update(t=lambda key, **p: label(key, self.language, **p), cover=self.cover,
                                project=project, settings=project.settings, lang=self.language)

    def render(self, template: str, page_url_: str, **context) -> str:
        # `href` links from this page; macros are imported `with context` to see it.
        html = self.env.get_template(template).render(href=lambda target: relative_url(page_url_, target), **context)
        # Blank lines would end a raw HTML block in Markdown; keep every fragment one block.
        return "\n".join(line for line in html.splitlines() if line.strip())

    @jinja2.pass_context
    def cover(self, context, record: Brand | Story) -> str:
        """The record's own cover image when it has one, else generated cover art."""
        if record.cover:
            return Markup('<img class="lt-cover lt-cover--image" src="{}" alt="" loading="lazy" decoding="async">'
                          ).format(context["href"](record.cover))
        if isinstance(record, Story):
            brand = self.project.brands.get(record.brand_id)
            return covers.cover_svg(record.key, record.title, brand.category if brand else "")
        return covers.cover_svg(record.id, record.name, record.category)

    # -- pieces shared by several pages -------------------------------------------------

    def stories_of(self, brand: Brand) -> list[Story]:
        return [s for s in brand.stories if self.include_drafts or not s.draft]


def generate_pages(project: Project, include_drafts: bool = False) -> list[GeneratedPage]:
    """Every page the exhibition generates (free pages are the engine's own)."""
    renderer = Renderer(project, include_drafts)
    pages = [home_page(renderer)]
    pages += [category_page(renderer, c) for c in project.settings.categories]
    pages += [brand_page(renderer, b) for b in project.brands.values()]
    for brand in project.brands.values():
        stories = renderer.stories_of(brand)
        for index, story in enumerate(stories):
            previous = stories[index - 1] if index > 0 else None
            following = stories[index + 1] if index + 1 < len(stories) else None
            pages.append(story_page(renderer, story, previous, following))
    pages += [item_page(renderer, item) for item in sorted(project.items.values(), key=lambda i: i.code)
              if include_drafts or not _item_is_draft(project, item)]
    pages.append(search.search_page(renderer))
    pages += views.view_pages(renderer)
    views.enrich(pages, renderer)
    return pages


def _item_is_draft(project: Project, item: Item) -> bool:
    story = project.stories.get(f"{item.brand_id}/{item.story_id}") if item.story_id else None
    return bool(story and story.draft)


def featured_stories(renderer: Renderer) -> list[Story]:
    """The settings' `featured` stories, or else the first story of each brand, up to six."""
    project = renderer.project
    chosen = [project.stories[key] for key in project.settings.featured if key in project.stories]
    if not chosen:
        chosen = [stories[0] for brand in project.brands.values() if (stories := renderer.stories_of(brand))]
        chosen.sort(key=lambda s: (-len(s.body), s.key))
    return [s for s in chosen if renderer.include_drafts or not s.draft][:6]


def home_page(renderer: Renderer) -> GeneratedPage:
    project = renderer.project
    sections = [(c, project.brands_in(c.id)) for c in project.settings.categories]
    hero = renderer.render("home_hero.html", "")
    rest = renderer.render("home.html", "", sections=sections, featured=featured_stories(renderer),
                           pages=project.pages)
    return GeneratedPage("index.md", project.settings.site_name, _with_body(hero, _home_intro(project), rest),
                         {"hide": ["navigation", "toc"], "lantai": "home",
                          "description": project.settings.subtitle or project.settings.site_name})


def _home_intro(project: Project) -> str:
    from .loading import read_text, split_front_matter
    index = project.content_dir / "index.md"
    if not index.is_file():
        return ""
    return split_front_matter(read_text(index), "content/index.md", required=False).body.strip()


def _with_body(before: str, body: str, after: str) -> str:
    return f"{before}\n\n{body.strip()}\n\n{after}\n" if body.strip() else f"{before}\n\n{after}\n"


def category_page(renderer: Renderer, category: Category) -> GeneratedPage:
    url = f"categories/{category.id}/"
    brands = renderer.project.brands_in(category.id)
    html = renderer.render("category.html", url, category=category, brands=brands)
    return GeneratedPage(f"categories/{category.id}.md", category.name, html + "\n",
                         {"hide": ["navigation", "toc"], "lantai": "category",
                          "description": category.description or category.name})


def brand_page(renderer: Renderer, brand: Brand) -> GeneratedPage:
    url = brand.url
    category = renderer.project.category(brand.category)
    stories = renderer.stories_of(brand)
    head = renderer.render("brand_head.html", url, brand=brand, category=category)
    foot = renderer.render("brand_foot.html", url, brand=brand, stories=stories, items=brand.items)
    body = place_items(brand.description or "", renderer, url)
    return GeneratedPage(f"{brand.id}/index.md", brand.name, _with_body(head, body, foot),
                         {"hide": ["navigation", "toc"], "lantai": "brand", "description": brand.summary,
                          "lantai_brand": brand.id})


def story_page(renderer: Renderer, story: Story, previous: Story | None, following: Story | None) -> GeneratedPage:
    project = renderer.project
    url = story.url
    brand = project.brands.get(story.brand_id)
    category = project.category(brand.category) if brand else None
    related = [_resolve_related(project, key) for key in story.related]
    head = renderer.render("story_head.html", url, story=story, brand=brand, category=category)
    foot = renderer.render("story_foot.html", url, story=story, brand=brand, related=[r for r in related if r],
                           previous=previous, following=following,
                           listed_items=[i for i in story.items if i.code not in {m.code for m in find_markers(story.body) if m.alone}])
    body = place_items(story.body, renderer, url)
    return GeneratedPage(f"{story.brand_id}/{story.id}.md", story.title, _with_body(head, body, foot),
                         {"lantai": "story", "description": story.summary, "lantai_brand": story.brand_id},
                         draft=story.draft)


def _resolve_related(project: Project, key: str):
    if key in project.stories:
        story = project.stories[key]
        return {"url": story.url, "title": story.title, "kind": "story", "summary": story.summary,
                "record": story}
    if key in project.brands:
        brand = project.brands[key]
        return {"url": brand.url, "title": brand.name, "kind": "brand", "summary": brand.summary,
                "record": brand}
    return None


def item_page(renderer: Renderer, item: Item) -> GeneratedPage:
    """An archive item's page: media, Dublin Core metadata, citation (lantai/views)."""
    return views.item_page(renderer, item)


# HTML's special characters and the ones Markdown reads as markup, as character references.
_INLINE_ESCAPES = {ord(ch): f"&#{ord(ch)};" for ch in "&<>\"'\\`*_{}[]()#+-.!|~"}


def inline_text(text: str) -> str:
    """An editor's plain text placed inside Markdown, shown as written: escaped for HTML,
    and not read as Markdown either (an item titled `2*3 and 4*5` is not emphasis)."""
    return text.translate(_INLINE_ESCAPES)


def place_items(text: str, renderer: Renderer, url: str) -> str:
    """Replace item markers: a card where the marker stands alone, a link inside a sentence."""
    project = renderer.project
    lines = text.splitlines()
    fenced = False
    out = []
    for line in lines:
        if re.match(r"^\s*(```|~~~)", line):
            fenced = not fenced
        if fenced or "[[" not in line:
            out.append(line)
            continue
        stripped = line.strip()
        whole = MARKER.fullmatch(stripped)
        if whole and whole.group(1) in project.items:
            card = renderer.render("item_card.html", url, item=project.items[whole.group(1)])
            out.extend(["", card, ""])
            continue

        def link(match: re.Match) -> str:
            item = project.items.get(match.group(1))
            if not item:
                return match.group(0)
            target = relative_url(url, f"items/{item.slug}/")
            return (f'<a class="lt-item-link" href="{html.escape(target)}" title="{html.escape(item.code)}">'
                    f'{inline_text(item.title)}</a>')

        out.append(MARKER.sub(link, line))
    return "\n".join(out)
