"""The pages of the site's other languages, and the switcher between languages.

An edition's pages are the primary language's at the same addresses below `/<language>/`
(`/en/shangyu-red-memory/manifesto-first-translation/`), planned by the same modules from
the project as that language shows it (lantai/translations.py): the home page, the
categories, brands, stories, items and free pages, and the views (timeline, map,
catalogue, the subject, people and place indexes, the search page), each with the
interface words and dates of its language. Whatever an edition does not have (a page
added by hand, say) its links lead to in the primary language, and that page's switcher
leads to the other language's home page.

Every page's switcher names each other language with the page it leads to: the same page
in that language when there is one (then the link is `rel="alternate"`, and, with a site
address, the page's head and sitemap.xml name it for search engines: `<link hreflang>`,
lantai/views/head.py, and `xhtml:link hreflang`), else that language's home page.
"""

from __future__ import annotations

from dataclasses import replace

from .. import translations, urls
from ..labels import label
from ..model import FreePage, Item, Project, Story
from . import brand, category, free, home, item, search, story, views
from .page import Alternate, Page, share_for, versions
from .renderer import Renderer

# The kinds of page every language has, in the order a build lists them (kinds.ORDER)
TRANSLATED = (home, category, brand, story, item, search, views, free)
# Each language named in itself, as the switcher shows it
NAMES = {"en": "English", "zh": "中文"}


def plan(project: Project, primary: list[Page]) -> list[Page]:
    """The primary language's pages and every edition's, each with its switcher."""
    pages = list(primary)
    for language in (t.language for t in project.settings.translations):
        shown = translations.edition(project, language)
        pages += [_localised(page, language) for module in TRANSLATED for page in module.pages(shown)]
    if len(pages) == len(primary):
        return pages      # one language: no switcher
    found = {(page.language or project.language, _address(project, page)): page for page in pages}
    return [replace(page, languages=_alternates(project, page, found)) for page in pages]


def _localised(page: Page, language: str) -> Page:
    url = translations.prefix(language) + page.url
    share = page.share
    if share is not None and share.drawn:    # drawn with its own title, at its own address
        share = share_for(url, share.title, share.kicker, share.group)
    # A story, page or item not yet translated stays out of this language's search index: a
    # visitor searching in English finds what is written in English (its original is in its own).
    untranslated = isinstance(page.record, (Story, FreePage, Item)) and page.record.language != language
    return replace(page, url=url, language=language, share=share, reads=page.reads | {"translations"},
                   search=None if untranslated else page.search)


def _alternates(project: Project, page: Page, found: dict[tuple[str, str], Page]) -> tuple[Alternate, ...]:
    """For each other language: the page at the same address there, else its home page."""
    own = _address(project, page)
    out = []
    for language in languages_of(project):
        if language == (page.language or project.language):
            continue
        other = found.get((language, own))
        home_url = found[(language, urls.HOME)].url
        out.append(Alternate(language, other.url if other else home_url, other is not None,
                             other is not None and _written_in(project, other) == language))
    return tuple(out)


def _written_in(project: Project, page: Page) -> str:
    """The language of the page's text: its record's (a story or page shown untranslated
    keeps its own), else the page's."""
    return getattr(page.record, "language", "") or page.language or project.language


def _address(project: Project, page: Page) -> str:
    """The page's address in the primary language."""
    return page.url[len(translations.prefix(page.language)):] if page.language else page.url


def languages_of(project: Project) -> list[str]:
    return [project.language, *(t.language for t in project.settings.translations)]


def renderers(primary: Renderer, pages: list[Page]) -> dict[str, Renderer]:
    """A renderer for each language, by Page.language: an edition's renders its project in
    its language, and its links to pages the edition has stay in the edition."""
    project = primary.project
    out = {"": primary}
    for language in (t.language for t in project.settings.translations):
        there = translations.prefix(language)
        addresses = frozenset(_address(project, p) for p in pages if p.language == language)
        address = _address_in(there, addresses)
        out[language] = Renderer(translations.edition(project, language), primary.markdown.localised(address),
                                 address)
    return out


def _address_in(there: str, addresses: frozenset[str]):
    """Where a link to `target` (a primary address) leads from an edition's page."""
    def address(target: str | None) -> str | None:
        return there + target if target is not None and target in addresses else target
    return address


def switcher(page: Page, language: str) -> dict | None:
    """What the page frame's switcher shows (theme/partials/lantai-languages.html): its
    label in the page's language, and each other language with its link from the page."""
    if not page.languages:
        return None
    return {"label": label("languages", page.language or language),
            "links": [{"language": other.language, "name": NAMES.get(other.language, other.language),
                       "href": urls.relative(page.url, other.url), "alternate": other.translated}
                      for other in page.languages]}


def alternates(page: Page, language: str, site_url: str) -> list[dict]:
    """The page's versions in every language, as sitemap.xml's xhtml:link names them (page.versions)."""
    return versions(page, language, site_url)


def home_link(page: Page) -> str:
    """The link from an edition's page to its own home page."""
    return urls.relative(page.url, translations.prefix(page.language))


def search_link(page: Page) -> str:
    """The link from an edition's page to its own search page."""
    return urls.relative(page.url, translations.prefix(page.language) + urls.SEARCH)
