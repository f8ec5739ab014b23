"""Renders pages: fragments and editors' Markdown, in the project's language."""

from __future__ import annotations

import re
from pathlib import Path

import jinja2
from markupsafe import Markup

from .. import covers, dates, translations, urls
from ..labels import label
from ..model import Brand, Project, Story
from ..search.record import render_marks, simplified_passages
from ..views import catalogue
from ..views.common import item_url, term_slug
from ..views.geo import coordinates
from ..views.head import head_tags
from ..views.media import fill_alt, zoomable
from .markdown import MarkdownRenderer, Rendered, inline_text, place_markers, replace_lines
from .page import Page, RenderedPage, versions

_HOLD = "\ue000"   # a private-use character: marks where Lantai's own blocks go in an editor's text
THEME_DIR = Path(__file__).resolve().parent.parent.parent / "themes" / "lantai"
FRAGMENTS_DIR = THEME_DIR / "fragments"


class Renderer:
    """Renders one project's pages: fragments and editors' Markdown, in its language."""

    def __init__(self, project: Project, markdown: MarkdownRenderer, address=None):
        self.project = project
        self.language = project.language
        self.markdown = markdown
        # Where a link to a page's address leads: in an edition, to the edition's page when
        # it has one (lantai/pages/languages.py); in the primary language, there.
        self.address = address or (lambda target: target)
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(FRAGMENTS_DIR)),
            autoescape=True, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=False,
            undefined=jinja2.StrictUndefined,
        )
        self.env.filters["date"] = lambda value: dates.display(value, self.language)
        self.env.filters["compact"] = compact
        self.env.globals.update(t=lambda key, **p: label(key, self.language, **p), cover=self.cover,
                                project=project, settings=project.settings, lang=self.language,
                                item_url=item_url, coords=lambda loc: coordinates(*loc), slug=term_slug,
                                sort_date=catalogue.sort_date, urls=urls, zoomable=self.zoomable,
                                lang_of=self.lang_of, in_lang=self.in_lang)

    def use(self, project: Project) -> None:
        """Render from now on for `project` (the preview's quick path: one story read again),
        keeping the compiled templates."""
        self.project = project
        self.env.globals["project"] = project

    def fragment(self, template: str, url: str, **context) -> Markup:
        """One fragment, linking from the page at `url` (`href`), as one HTML block."""
        return Markup(compact(self.env.get_template(template).render(href=self.href(url), **context)))

    def editor_text(self, text: str, source: str, url: str, figures: dict[str, str] | None = None) -> Rendered:
        """An editor's Markdown as HTML: item markers placed, lone images as figures.

        Item cards and figures are Lantai's own markup (pictures, lightbox attributes) that the
        sanitiser would strip from an editor's HTML: they stand in the text as placeholder
        paragraphs while it is rendered and cleaned, and take their place afterwards."""
        blocks: list[str] = []

        def hold(block: str) -> str:
            blocks.append(block)
            return f"{_HOLD}{len(blocks) - 1}{_HOLD}"
        text = text.replace(_HOLD, "")  # no editor can write a placeholder
        text = place_markers(text, lambda code: self._held(self._card(code, url), hold),
                             lambda code: self._item_link(code, url))
        text = replace_lines(text, {line: hold(block) for line, block in (figures or {}).items()})
        rendered = self.markdown.render(fill_alt(text), source, url)
        for index, block in enumerate(blocks):
            token = f"{_HOLD}{index}{_HOLD}"
            # A block stands as a paragraph of its own; elsewhere (a list item) in place of its token.
            rendered.html = rendered.html.replace(f"<p>{token}</p>", block, 1).replace(token, block, 1)
        return rendered

    @staticmethod
    def _held(block: str | None, hold) -> str | None:
        return hold(block) if block else block

    def _card(self, code: str, url: str) -> str | None:
        if code in self.project.withheld:
            return ""
        item = self.project.items.get(code)
        return str(self.fragment("item_card.html", url, item=item)) if item else None

    def _item_link(self, code: str, url: str) -> str | None:
        if code in self.project.withheld:
            return ""
        item = self.project.items.get(code)
        if not item:
            return None
        return (Markup('<a class="lt-item-link" href="{}" title="{}">').format(urls.relative(url, urls.item(item)),
                                                                            item.code)
                + Markup(inline_text(item.title)) + Markup("</a>"))

    def lang_of(self, record) -> Markup:
        """` lang="zh"` for a story, brand or item (or a language code) whose title or name is
        shown in another language than the page's (not yet translated: lantai/translations.py),
        else nothing."""
        language = record if isinstance(record, str) else translations.written_in(record)
        return Markup(' lang="{}"').format(language) if language and language != self.language else Markup("")

    def in_lang(self, record, text: str) -> Markup:
        """`text` (escaped) in a `<span lang>` when `record`'s title or name is in another
        language than the page's (lang_of), else as it is."""
        marked = self.lang_of(record)
        return Markup("<span{}>{}</span>").format(marked, text) if marked else Markup("{}").format(text)

    def zoomable(self, item) -> int:
        """How many images the item's deep-zoom viewer pages through (its card links to it)."""
        return len(zoomable(self.project, item))

    def href(self, from_url: str):
        """Links from the page at `from_url`, each to where `address` sends it."""
        return lambda target: urls.relative(from_url, self.address(target))

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


def compact(html: str) -> str:
    """A fragment without its blank lines (the templates' `{% if %}` lines leave them).
    Only Lantai's own fragments: an editor's text may hold a <pre> with blank lines."""
    joined = "\n".join(line for line in str(html).splitlines() if line.strip())
    return Markup(joined) if isinstance(html, Markup) else joined




def render(renderer: Renderer, page: Page, prepare) -> RenderedPage:
    """The page's article, made once from its kind's template. `prepare(renderer, page)`
    (its kind's) gives what only rendering makes: the editor's text as HTML, say."""
    extra, text = prepare(renderer, page)
    html = renderer.env.get_template(page.template).render(href=renderer.href(page.url), page=page,
                                                           **page.context, **extra)
    html = html.strip("\n") + "\n"
    marks = render_marks(page.search, simplified_passages(_TAG.sub(" ", html))) if page.search else ""
    # The page's versions in every language (the head's hreflang links, lantai/views/head.py)
    shown = versions(page, renderer.project.language, renderer.project.settings.site_url)
    return RenderedPage(page, html, text.toc if text else [], head_tags(renderer.project, page, shown), marks,
                        text.unresolved if text else [])


_TAG = re.compile(r"<[^>]+>")
