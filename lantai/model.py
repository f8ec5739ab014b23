"""The content model: what an exhibition is made of, free of any site engine.

Field names follow the editors' contract (CONTENT-FORMAT.md). Every record keeps the
file it came from and its line so later checks and pages can point back to it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from . import urls

# Ids are URL slugs. Reserved ids are the site's own top-level addresses.
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
RESERVED_IDS = ("categories", "timeline", "map", "items", "tags", "search", "data", "assets", "admin", "api",
                "people", "places", "index", "404", "sitemap.xml", "robots.txt", "pagefind", "iiif")


@dataclass
class Category:
    id: str
    name: str
    description: str = ""
    # In the site's other languages: {language: {"name": ..., "description": ...}} (`name_en`)
    translations: dict[str, dict[str, str]] = field(default_factory=dict)


@dataclass
class Source:
    title: str
    publisher: str | None = None
    date: str | None = None
    url: str | None = None


@dataclass
class Link:
    title: str
    url: str


@dataclass
class Media:
    file: str             # as the editor wrote it, relative to the file naming the item
    path: str             # the site path it is published at, posix
    caption: str | None = None
    transcript: str | None = None       # as written
    transcript_path: str | None = None  # relative to the content folder
    alt: str | None = None

    @property
    def kind(self) -> str:
        return media_kind(self.file)


MEDIA_KINDS = {
    "image": (".jpg", ".jpeg", ".png", ".webp", ".gif", ".svg", ".avif"),
    "audio": (".mp3", ".m4a", ".ogg", ".oga", ".wav", ".flac"),
    "video": (".mp4", ".webm", ".ogv", ".mov"),
    "pdf": (".pdf",),
}


def media_kind(name: str) -> str | None:
    suffix = Path(name).suffix.lower()
    return next((kind for kind, suffixes in MEDIA_KINDS.items() if suffix in suffixes), None)


@dataclass
class Place:
    name: str
    location: tuple[float, float] | None = None


@dataclass
class Event:
    date: str
    title: str
    text: str | None = None


@dataclass
class Item:
    """An archive item (档案条目). It belongs to a brand, and to a story when a story lists it."""

    code: str
    title: str
    brand_id: str
    story_id: str | None = None
    date: str | None = None
    creator: str | None = None
    holder: str | None = None
    type: str | None = None
    description: str | None = None
    media: list[Media] = field(default_factory=list)
    rights: str | None = None
    code_kind: str = ""    # what `code` is (CODE_KINDS); "" = the project's `code_kind`
    # A catalogue row's other columns, as (column name, value) in the sheet's order: shown with
    # the item, in its manifest and open data (lantai/reading/catalogue.py).
    extra: tuple[tuple[str, str], ...] = ()
    path: str = ""
    line: int = 0          # in a catalogue file, the row
    sheet: str | None = None   # the catalogue row's sheet ("" in a CSV file); None: read from YAML
    # Its title and description in the site's other languages (`title_en`, `description_en`):
    # {language: {field: value}} (lantai/translations.py shows them).
    translations: dict[str, dict[str, str]] = field(default_factory=dict)
    language: str = ""     # the language its title is shown in; "" = the site's own
    description_language: str = ""   # the language its description is shown in; "" = the site's own

    @property
    def slug(self) -> str:
        return code_slug(self.code)


# What an item's `code` is. Only a code declared to be the archive's own reference code is
# called 档号; an exhibition's own numbering must never be cited as one.
CODE_KINDS = ("reference", "exhibition", "catalogue", "identifier")

# What happens to raw HTML in editors' Markdown: `sanitise` removes scripts, event handlers and
# javascript: URLs (lantai/sanitise.py); `trust` publishes it as written.
RAW_HTML = ("sanitise", "trust")


def code_slug(code: str) -> str:
    """A reference code as a URL segment: SY-0001 -> sy-0001, 浙/J001-2 -> j001-2 style."""
    slug = re.sub(r"[^a-z0-9]+", "-", code.lower()).strip("-")
    if slug and slug.isascii():
        return slug
    return "item-" + "-".join(f"{ord(ch):x}" for ch in code)[:60]


@dataclass
class Brand:
    id: str
    name: str
    archives: list[str]
    region: str
    category: str
    summary: str
    description: str | None = None
    location: tuple[float, float] | None = None
    cover: str | None = None        # relative to the content folder when set
    tags: list[str] = field(default_factory=list)
    batch: int | None = None
    sources: list[Source] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    path: str = ""
    description_line: int = 0      # the file line where `description` starts (0: not written)
    stories: list["Story"] = field(default_factory=list)
    # Its text in the site's other languages, as written (`name_en`, `summary_en` …):
    # {language: {field: value}} (lantai/translations.py shows it).
    translations: dict[str, dict[str, str]] = field(default_factory=dict)
    language: str = ""     # the language its description is shown in; "" = the site's own
    name_language: str = ""   # the language its name is shown in; "" = the site's own

    @property
    def url(self) -> str:
        return urls.brand(self)


@dataclass
class Story:
    brand_id: str
    id: str
    title: str
    summary: str
    body: str = ""
    body_line: int = 1
    date: str | None = None
    events: list[Event] = field(default_factory=list)
    people: list[str] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    related: list[str] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    cover: str | None = None
    draft: bool = False
    order: float | None = None
    path: str = ""
    related_lines: list[int] = field(default_factory=list)   # the file line of each `related` entry
    language: str = ""     # the language its text is in; "" = the site's own

    @property
    def key(self) -> str:
        return f"{self.brand_id}/{self.id}"

    @property
    def url(self) -> str:
        return urls.story(self)


@dataclass
class FreePage:
    name: str          # the file's path below content/ without .md, posix
    title: str | None
    path: str
    body: str = ""     # Markdown, after the front matter
    description: str | None = None
    hide: list[str] = field(default_factory=list)
    language: str = ""     # the language its text is in; "" = the site's own

    @property
    def url(self) -> str:
        return urls.free_page(self)


@dataclass
class Translation:
    """The site's own words in one other language (the plugin's `translations` entry)."""
    language: str
    site_name: str = ""     # "" = the site's own name
    subtitle: str = ""
    site_description: str = ""   # the footer's line about the site; "" = the site's own (marked with its language)


@dataclass
class Translated:
    """One translation file (`story.en.md`, `about.en.md`): the fields it gives, read and
    checked as the original's are, and its text. What it leaves out is the original's."""
    path: str
    fields: dict = field(default_factory=dict)
    body: str = ""
    body_line: int = 1


@dataclass
class Edition:
    """What editors wrote in one other language (lantai/reading/translations.py)."""
    language: str
    stories: dict[str, Translated] = field(default_factory=dict)   # key: brand-id/story-id
    pages: dict[str, Translated] = field(default_factory=dict)     # key: the free page's name
    intro: Translated | None = None                                # index.<language>.md


# content/assets/, and an editor's own robots.txt (it replaces the generated one)
DEFAULT_ASSETS = ("assets", "robots.txt")


ADMIN_BACKENDS = ("github", "gitea", "local")


@dataclass
class Admin:
    """The `admin` option: the editing interface at /admin/ (lantai/editing/cms.py)."""
    enabled: bool = False
    backend: str = "local"      # ADMIN_BACKENDS; local: in the preview only, nothing published
    repo: str = ""              # owner/name on GitHub, Gitea or Forgejo
    branch: str = "main"
    base_url: str = ""          # GitHub: the OAuth server; Gitea / Forgejo: the server itself
    api_root: str = ""          # Gitea / Forgejo: its API (default: base_url + /api/v1)
    app_id: str = ""            # Gitea / Forgejo: the OAuth2 application's client id
    unknown: tuple[str, ...] = ()   # keys the option does not have, for check_admin to report


@dataclass
class Settings:
    """The exhibition's settings: the `lantai` plugin entry of mkdocs.yml, with defaults."""

    site_name: str
    language: str = "zh"
    subtitle: str = ""
    categories: list[Category] = field(default_factory=list)
    featured: list[str] = field(default_factory=list)
    site_url: str = ""
    code_kind: str = "identifier"   # what items' codes are unless an item says (CODE_KINDS)
    raw_html: str = "sanitise"      # editors' HTML in Markdown fields (RAW_HTML; lantai/sanitise.py)
    image_metadata: str = "strip"   # of published photographs: strip or keep (lantai/publishing/cleaning.py)
    page_size: int = 0              # rows per page of the catalogue, indexes and timeline; 0: lantai/views/paging.py's
    # Harvesting (lantai/views/oai.py): the OAI-PMH adminEmail, and the Static Repository
    # Gateway that answers harvesters for the site; without an email no OAI-PMH file is made.
    contact_email: str = ""
    oai_gateway: str = ""
    # Mainland hosting (lantai/filing.py): ICP 备案号 and 公安备案号, shown in the footer
    icp_filing: str = ""
    police_filing: str = ""
    # Folders (or files) below content/ published whole, named or not (lantai/publishing/files.py)
    assets: list[str] = field(default_factory=lambda: list(DEFAULT_ASSETS))
    # Catalogue files (lantai/reading/catalogue.py): their folder below the project, which
    # column is which field (over the DA/T 18 and Dublin Core names), the brand of rows that
    # name none ("": none), and the columns whose values hold a row back ({column: [values]}).
    catalogue: str = "catalogue"
    catalogue_columns: dict = field(default_factory=dict)
    catalogue_brand: str = ""
    catalogue_restricted: dict = field(default_factory=dict)
    # The site's other languages (lantai/translations.py), each published below /<language>/
    translations: list[Translation] = field(default_factory=list)
    # The editing interface at /admin/ (lantai/editing/)
    admin: Admin = field(default_factory=Admin)


@dataclass
class Project:
    root: Path
    content_dir: Path
    settings: Settings
    brands: dict[str, Brand] = field(default_factory=dict)
    stories: dict[str, Story] = field(default_factory=dict)   # key: brand-id/story-id
    items: dict[str, Item] = field(default_factory=dict)      # key: code
    pages: list[FreePage] = field(default_factory=list)
    # Files published from outside the content folder (brand covers): site path -> file.
    extra_files: dict[str, Path] = field(default_factory=dict)
    intro: str = ""          # content/index.md: the home page's introduction, Markdown
    intro_path: str = ""
    # The open rows of the catalogue files, in file and row order (in `items` too), and of the
    # rows held back (restricted: lantai/reading/catalogue.py) only each code and where it is
    # written: nothing else of them is kept, so no page or file can show it.
    catalogue: list[Item] = field(default_factory=list)
    held_back: dict[str, str] = field(default_factory=dict)
    # Indexes derived from the records (which stories show an item...), made once per project.
    _derived: dict = field(default_factory=dict, init=False, repr=False, compare=False)
    # Codes of items left out of this build with their draft stories (lantai/drafts.py):
    # a marker naming one is left out of the page too.
    withheld: frozenset[str] = frozenset()
    # What editors wrote in the site's other languages, by language
    editions: dict[str, Edition] = field(default_factory=dict)

    def derived(self, name, make):
        """The derived value `name` (any hashable key), made by `make()` the first time it is asked for."""
        if name not in self._derived:
            self._derived[name] = make()
        return self._derived[name]

    @property
    def language(self) -> str:
        return self.settings.language

    def code_kind(self, item: Item) -> str:
        """What this item's code is: its own `code_kind`, else the project's."""
        return item.code_kind or self.settings.code_kind

    def category(self, category_id: str) -> Category | None:
        return next((c for c in self.settings.categories if c.id == category_id), None)

    def brands_in(self, category_id: str) -> list[Brand]:
        return [b for b in self.brands.values() if b.category == category_id]
