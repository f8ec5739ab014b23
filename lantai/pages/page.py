"""A page of the exhibition as a record: its kind, address, template, what it reads."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..search.record import SearchRecord
from ..views.share import SHARE_DIR

WIDE = ("navigation", "toc")      # what the page frame hides on exhibition pages


@dataclass(frozen=True)
class Share:
    """A page's share image (og:image): an image of the site's, or one drawn for the page."""
    path: str
    title: str = ""        # drawn when set: title, kicker and the group's colours
    kicker: str = ""
    group: str = ""
    key: str = ""

    @property
    def drawn(self) -> bool:
        return bool(self.title)


@dataclass
class Page:
    kind: str                 # home, category, brand, story, item, timeline, map, catalogue, tags, people,
                              # places, search, page
    url: str                  # site-relative directory URL (lantai/urls.py)
    source: str               # its place among source files (`shangyu/manifesto.md`): editors' relative links
    title: str                # plain text
    description: str          # plain text, for search engines and share cards
    template: str             # in themes/lantai/fragments/
    context: dict = field(default_factory=dict)
    reads: frozenset[str] = frozenset()     # the records it shows (lantai/pages/dependencies.py)
    record: object = None     # the brand, story, item or free page it is the page of
    hide: tuple[str, ...] = WIDE
    draft: bool = False       # shown only in preview
    share: Share | None = None
    search: SearchRecord | None = None      # what it tells the search index; None: not indexed
    language: str = ""        # the language of an edition's page (below /<language>/); "": the site's own
    # The language switcher (lantai/pages/languages.py): each other language and where it leads
    languages: tuple["Alternate", ...] = ()

    @property
    def file(self) -> str:
        """Its source path for the site engine: an edition's pages below their language."""
        return f"{self.language}/{self.source}" if self.language else self.source


@dataclass(frozen=True)
class Alternate:
    """The same page in another language (`same`), or, when the page has none, that
    language's home page."""
    language: str
    url: str
    same: bool
    translated: bool = False   # the same page, its text written in that language (not shown in its original)


@dataclass
class RenderedPage:
    page: Page
    html: str                 # the article's content
    toc: list[dict]           # headings of the editor's text (Python-Markdown toc_tokens)
    head: str                 # Open Graph tags for the page's <head>
    marks: str                # hidden search marks closing the article ('' when not indexed)
    unresolved: list[str]     # editors' relative links that lead nowhere


def versions(page: Page, language: str, site_url: str) -> list[dict]:
    """The page's versions in every language, itself included, at their full addresses, as
    search engines read them (the head's hreflang links, sitemap.xml's xhtml:link): those
    written in that language, not a story shown untranslated; none without a site address.
    `language` is the site's own."""
    same = [(other.language, other.url) for other in page.languages if other.translated]
    if not same or not site_url or getattr(page.record, "language", "") not in ("", page.language):
        return []
    base = site_url.rstrip("/")
    return [{"language": lang, "href": f"{base}/{url}"} for lang, url in [(page.language or language, page.url), *same]]


def share_for(url: str, title: str, kicker: str, group: str, cover: str | None = None) -> Share:
    """A page's share image: its own cover when it has one, else one drawn for it."""
    if cover:
        return Share(cover)
    slug = url.strip("/").replace("/", "--") or "home"
    return Share(f"{SHARE_DIR}{slug}.png", title, kicker, group, url or "home")
