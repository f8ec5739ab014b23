"""MkDocs event glue for Lantai. Each event calls named steps in the engine-free modules."""

from __future__ import annotations

import html
import os
import posixpath
from datetime import date, datetime, timezone
from pathlib import Path

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page as MkPage

from mkdocs.structure.toc import get_toc

from ... import discovery, filing, views
from ...editing import cms
from ...publishing import files as publish_list
from ...build_cache import BuildCache, Making
from ...checking import check
from ...drafts import published
from ...model import Project
from ...pages import Page, Renderer, languages, plan, render
from ...pages.dependencies import affected, changes
from ...pages.markdown import MarkdownRenderer, site_resolver
from ...pages.renderer import THEME_DIR
from ...publishing.cleaning import published_bytes
from ...problems import ERROR, NOTICE, WARNING, ProjectError, format_report
from ...reading.project import read_project
from ...sanitise import editor_html
from ...search import copies as search_copies
from ...search.index import SearchIndexError, build_index
from ...reading.settings import make_settings
from . import frame, preview, setup
from .reuse import Reuse, usable as reuse_usable
from .commands import reproducible_epoch
from .config import LantaiConfig

ENGINE_THEME_DIR = Path(__file__).resolve().parent / "theme"

log = get_plugin_logger(__name__)


class LantaiPlugin(BasePlugin[LantaiConfig]):
    supports_multiple_instances = False

    def __init__(self):
        self.project: Project | None = None      # as read, drafts included
        self.serving = False
        self.pages: dict[str, Page] = {}          # by source path, for this build
        self._rendered: dict = {}
        self.renderer: Renderer | None = None
        self.renderers: dict[str, Renderer] = {}  # by Page.language ("" the site's own)
        self.cache: BuildCache | None = None
        self.making: Making | None = None
        self.preview = None
        self.incremental = False
        self.published: Project | None = None     # drafts removed, or kept in the preview
        self.touched: set[str] = set()
        self.outputs: dict[str, str] = {}
        self._nav = self._files = self._env = None
        self.navs: dict = {}                      # each edition's navigation (frame.py), by language
        self.default_nav = True                   # mkdocs.yml gives no navigation: Lantai's
        # `build` into a folder it built before (set by commands.build_project): unchanged
        # pages are taken from there (reuse.py).
        self.previous_site: Path | None = None
        self.reuse: Reuse | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Drafts are shown while an editor previews with `serve`, never in a build.
        self.serving = command == "serve"
        # Lantai's preview (preview.py) keeps what its last build made; a dirty build then
        # renders only the pages an edit touched.
        self.preview = preview.CURRENT if self.serving else None
        self.incremental = bool(self.preview and self.preview.incremental)

    # Run before other plugins so that theme and Markdown defaults are in place for them.
    @event_priority(100)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return config
        setup.apply_defaults(config, ENGINE_THEME_DIR, THEME_DIR)
        # CI passes the Pages address in LANTAI_SITE_URL: canonical URLs, sitemap, 404 links.
        try:
            config.site_url = discovery.site_url(config.site_url, os.environ)
        except ValueError as error:
            raise PluginError(str(error)) from error
        root = Path(config.config_file_path).resolve().parent
        settings = make_settings(config.site_name, config.theme.get("language"), dict(self.config),
                                 config.site_url, discovery.admin_repo(os.environ))
        self.project, problems = read_project(root, settings, Path(config.docs_dir))
        report(check(self.project, problems), settings.language)
        # The footer's filing numbers (mainland hosting: lantai/filing.py), on every page the theme prints
        config.extra["lantai_filings"] = filing.filings(settings.icp_filing, settings.police_filing,
                                                        Path(config.docs_dir))
        self.default_nav = not config.nav
        setup.default_nav(config, self.project)
        # Material prints config.site_name raw (header.html and nav.html: the logo's
        # aria-label and the header title); as Markup it is escaped once everywhere, and
        # `| e` in Lantai's templates leaves it as it is. Lantai's settings keep the text.
        config.site_name = Markup(html.escape(settings.site_name, quote=True))
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        if not self.config.enabled or self.project is None:
            return files
        project = published(self.project, include_drafts=self.serving)
        pages = plan(project)
        self.pages = {page.file: page for page in pages}
        # Editors' Markdown is read and rendered by Lantai (free pages too): MkDocs gets the
        # finished pages, and of the content folder only the files Lantai publishes.
        publish_editors_files(files, config, project, project.settings.image_metadata)
        nav_pages = setup.nav_sources(config)
        for page in pages:
            if (replaced := files.get_file_from_path(page.file)) is not None:
                files.remove(replaced)
            files.append(LantaiFile.generated(config, page.file, content="",
                                              inclusion=inclusion_of(page, nav_pages)))
        # Open data (lantai/views): made here, never in docs_dir.
        for site_path, content in sorted(views.site_files(project, pages, build_date(config)).items()):
            files.append(LantaiFile.generated(config, site_path, content=content))
        # Image renditions and share images: taken from the build cache or made there by
        # worker processes while MkDocs renders the pages; placed in the site after them.
        self._cancel_making()
        self.cache = BuildCache.for_project(Path(config.config_file_path).resolve().parent)
        self.making = self.cache.start(views.derived_files(project, pages))
        # The editing interface (lantai/editing/cms.py): in the preview always when it is on,
        # in a published build when its backend can sign an editor in.
        if project.settings.admin.enabled and (self.serving or cms.published(project.settings.admin)):
            files.append(LantaiFile.generated(config, f"{cms.FOLDER}/index.html",
                                              content=cms.page(project, local_backend=self.serving,
                                                               favicon=str(config.theme.get("favicon") or ""))))
            for site_path, source in cms.vendor_files().items():
                files.append(File.generated(config, site_path, abs_src_path=str(source)))
        if files.get_file_from_path("robots.txt") is None:  # an editor's own robots.txt wins
            files.append(LantaiFile.generated(config, "robots.txt", content=discovery.robots_txt(config.site_url)))
        self.renderer = Renderer(project, self._markdown(project, config, files))
        self.renderers = languages.renderers(self.renderer, pages)
        self.published = project
        if self.preview is not None:
            self._mark_modified(files, project, pages, config)
        else:
            self._reuse_unchanged(files, project, pages, config)
        return files

    def _reuse_unchanged(self, files: Files, project: Project, pages: list[Page], config: MkDocsConfig) -> None:
        """In `build` with the build cache, into a folder built before: the pages whose
        inputs did not change are copied from it and not rendered (reuse.py)."""
        self.reuse = None
        if self.previous_site is None or self.cache is None or self.cache.temporary or not reuse_usable(config):
            return
        self.reuse = Reuse.start(self.cache.folder, self.previous_site, config, self.project, project, pages,
                                 self.config.catalogue)
        before = self.reuse.previous()
        for page in pages:
            file = files.get_file_from_path(page.source)
            if isinstance(file, LantaiFile) and self.reuse.take(page.source, file.dest_uri, file.abs_dest_path, before):
                file.lantai_modified = False
        if self.reuse.reused:
            log.info(f"{len(self.reuse.reused)} of {len(pages)} pages unchanged since the last build into "
                     f"{self.previous_site}: taken from it, not rendered again")

    def _mark_modified(self, files: Files, project: Project, pages: list[Page], config: MkDocsConfig) -> None:
        """In the preview, which files the coming (dirty) build writes: pages whose records
        changed, new pages, generated files whose bytes changed. Everything when the
        navigation or the settings changed, or on the preview's first build."""
        built = self.preview.built
        everything = (not self.incremental or built.nav != config.nav
                      or built.project.settings != project.settings)
        touched = set(self.pages) if everything else (
            {page.file for page in affected(pages, changes(built.project, project))}
            | (set(self.pages) - set(built.pages)))
        self.touched = touched
        self.outputs = {}
        for file in files:
            if file.src_uri in self.pages:
                file.lantai_modified = file.src_uri in touched
            elif isinstance(file, LantaiFile) and file._content is not None:
                key = preview.digest(file._content)
                self.outputs[file.dest_uri] = key
                file.lantai_modified = everything or built.outputs.get(file.dest_uri) != key

    def on_nav(self, nav, *, config: MkDocsConfig, files: Files):
        self._nav, self._files = nav, files
        # Each edition's pages are framed by a navigation of the edition's pages, in its words.
        self.navs = {language: frame.navigation(config, files, renderer.project,
                                                {p.file: p for p in self.pages.values() if p.language == language},
                                                self.default_nav)
                     for language, renderer in self.renderers.items() if language}
        return nav

    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        self._env = env
        # sitemap.xml (theme/sitemap.xml) names each page's versions in other languages.
        env.globals["lantai_alternates"] = self._alternates
        return env

    def _alternates(self, src_uri: str) -> list[dict]:
        page = self.pages.get(src_uri)
        if page is None or self.project is None:
            return []
        return languages.alternates(page, self.project.language, self.project.settings.site_url)

    def _markdown(self, project: Project, config: MkDocsConfig, files: Files) -> MarkdownRenderer:
        """Editors' Markdown as this site renders it: Lantai's extensions and the project's own."""
        # Editors' links name the original's files: they resolve to the primary language's
        # pages (an edition's renderer sends them on to its own, lantai/pages/languages.py).
        resolve = site_resolver(project, [page for page in self.pages.values() if not page.language])
        extensions = {name: config.mdx_configs.get(name, {}) for name in config.markdown_extensions
                      if isinstance(name, str)}
        return MarkdownRenderer(resolve, extensions, clean=_sanitiser(project))

    def on_template_context(self, context, *, template_name: str, config: MkDocsConfig):
        # The 404 page helps the lost visitor: search and the exhibition's sections.
        if template_name == "404.html" and self.project is not None:
            context["lantai_not_found"] = discovery.not_found_page(self.project)
        return context

    def on_page_markdown(self, markdown: str, *, page: MkPage, config: MkDocsConfig, files: Files) -> str:
        lantai_page = self.pages.get(page.file.src_uri)
        if lantai_page is None or self.renderer is None:
            return markdown
        # Material prints page.meta.title and .description as they are: Lantai's are text.
        page.meta = {"title": html.escape(lantai_page.title, quote=True), "hide": list(lantai_page.hide)}
        if lantai_page.description:  # else Material shows the site's own description
            page.meta["description"] = html.escape(lantai_page.description, quote=True)
        return ""

    def on_page_content(self, content: str, *, page: MkPage, config: MkDocsConfig, files: Files) -> str:
        lantai_page = self.pages.get(page.file.src_uri)
        if lantai_page is None or self.renderer is None:
            return content
        rendered = render(self.renderers.get(lantai_page.language, self.renderer), lantai_page)
        if rendered.unresolved:
            raise PluginError(f"{_source_of(lantai_page)}: links to nothing in the site: "
                              + ", ".join(rendered.unresolved) + "; check the file names and paths")
        page.toc = get_toc(rendered.toc)
        self._rendered[page.file.src_uri] = rendered
        return rendered.html

    def on_page_context(self, context, *, page: MkPage, config: MkDocsConfig, nav):
        # What the frame prints around the article (theme/main.html): tags and search marks,
        # and in the preview the panel that shows an editor's mistakes.
        context["lantai_page"] = self._rendered.pop(page.file.src_uri, None)
        # Material's frame in the page's language (theme/partials/language.html): <html lang>
        # and its own interface words.
        lantai_page = self.pages.get(page.file.src_uri)
        context["lantai_language"] = lantai_page.language if lantai_page and lantai_page.language else None
        context["lantai_switch"] = languages.switcher(lantai_page, self.project.language) if lantai_page else None
        context["lantai_frame"] = self._frame(lantai_page) if lantai_page and lantai_page.language else None
        if lantai_page and lantai_page.language:
            # The frame in the edition's language: its navigation, and config as it says it (frame.py).
            shown = self.renderers[lantai_page.language].project
            context["nav"] = self.navs.get(lantai_page.language, nav)
            context["config"] = frame.FrameConfig(config, shown)
        context["lantai_preview_problems"] = preview.PROBLEMS_FILE if self.serving else None
        return context

    def _frame(self, page: Page) -> dict:
        """What the frame of an edition's page says in its language: the site's name, where
        the logo leads (the edition's home page) and the search box (its search page)."""
        shown = self.renderers[page.language].project
        return {"site_name": Markup(html.escape(shown.settings.site_name, quote=True)),
                "home": languages.home_link(page), "search": languages.search_link(page),
                "seal": Markup(html.escape(self.project.settings.site_name, quote=True))}

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if not self.config.enabled or self.project is None:
            return
        site_dir = Path(config.site_dir)
        built = self.preview.built if self.incremental else None
        placed: dict = {}
        gone: list[str] = []
        kept = self._index_copies()
        if self.making is not None:
            self.making.place(site_dir, unchanged=built.placed if built else None)
            log.debug(f"{self.making.made} of {len(self.making.placed)} cached files made in this build")
            placed = dict(self.making.placed)
            self.cache.prune()
            self._cancel_making()
        indexed = {source for source, page in self.pages.items() if page.search is not None}
        if built is not None:
            # What the last build wrote and this one has not: pages and files that went.
            gone = [built.pages[source].url for source in set(built.pages) - set(self.pages)]
            for url in gone:
                (site_dir / url / "index.html").unlink(missing_ok=True)
            for site_path in (set(built.outputs) - set(self.outputs)) | (set(built.placed) - set(placed)):
                (site_dir / site_path).unlink(missing_ok=True)
        if built is None or gone or indexed & self.touched or indexed != built.indexed:
            try:
                build_index(site_dir, kept)
            except SearchIndexError as error:  # a message and exit 1, not a traceback
                raise PluginError(str(error)) from error
        if self.reuse is not None and self._files is not None:
            self.reuse.save(site_dir, {source: file.dest_uri for source in self.pages
                                       if (file := self._files.get_file_from_path(source)) is not None})
        if self.preview is not None:
            self.preview.built = preview.Built(
                project=self.published, pages=dict(self.pages), nav=config.nav, outputs=self.outputs,
                placed=placed, indexed=indexed, config=config, files=self._files, nav_object=self._nav,
                env=self._env, plugin=self)

    def _index_copies(self) -> Path | None:
        """Where the indexer's copies of the pages stay for the next build (lantai/search/copies.py):
        in the preview, a folder beside its site, removed with it; in `build` with the build
        cache, a folder of the cache for the target built into."""
        if self.preview is not None:
            return self.preview.index_copies
        if self.cache is None or self.cache.temporary or self.previous_site is None:
            return None
        search_copies.prune(self.cache.folder)
        return search_copies.folder_for(self.cache.folder, self.previous_site)

    def on_build_error(self, *, error: Exception) -> None:
        self._cancel_making()
        if self.preview is not None:  # MkDocs turns it into "Aborted": the preview shows the report
            self.preview.failure = str(error).strip()

    def on_shutdown(self) -> None:
        self._cancel_making()

    def _cancel_making(self) -> None:
        if self.making is not None:
            self.making.cancel()
            self.making = None
        if self.cache is not None:
            self.cache.close()
            self.cache = None

    def on_serve(self, server, *, config: MkDocsConfig, builder):
        root = Path(config.config_file_path).resolve().parent
        for folder in (root / "brands", root / self.config.catalogue, THEME_DIR, ENGINE_THEME_DIR):
            if folder.is_dir():
                server.watch(str(folder))
        return server


class LantaiFile(File):
    """A file Lantai generates. In the preview's dirty builds, Lantai says whether it changed
    (MkDocs would take any generated file for a modified one and write every page again)."""

    lantai_modified = True

    def is_modified(self) -> bool:
        return self.lantai_modified


def build_date(config: MkDocsConfig) -> date:
    """The build's date for dates written into files (the OAI-PMH datestamps), from
    SOURCE_DATE_EPOCH as the sitemap and gzip take it (commands.reproducible_epoch: the last
    commit's time unless set), in UTC so that every machine writes the same day."""
    epoch = reproducible_epoch(Path(config.config_file_path).resolve().parent)
    return datetime.fromtimestamp(int(epoch), tz=timezone.utc).date()


def publish_editors_files(files: Files, config: MkDocsConfig, project: Project, metadata: str) -> None:
    """Of what MkDocs found in docs_dir, keep only the files mkdocs.yml names (extra_css, a
    logo); every other file there is dropped (Markdown, which Lantai renders; notes in
    content/_notes/; links out of the project; unused photographs). Then add exactly the
    editors' files Lantai publishes (lantai/publishing/files.py), each with the bytes it is
    published with (lantai/publishing/cleaning.py: no GPS, no scripts in SVG), in `serve` as in
    `build`. The theme's own files are not from docs_dir and stay."""
    docs_dir = os.path.realpath(config.docs_dir)
    kept = _named_by_config(config)
    for file in list(files):
        if file.src_dir is not None and os.path.realpath(file.src_dir) == docs_dir and file.src_uri not in kept:
            files.remove(file)
    for site_path, source in publish_list.published_files(project).items():
        if (shadowed := files.get_file_from_path(site_path)) is not None:
            files.remove(shadowed)
        content = published_bytes(source, metadata)
        files.append(LantaiFile.generated(config, site_path, content=content) if content is not None
                     else File.generated(config, site_path, abs_src_path=str(source)))


def _named_by_config(config: MkDocsConfig) -> set[str]:
    """Files in docs_dir that mkdocs.yml names: its own styles and scripts, logo and favicon."""
    named = [str(getattr(entry, "path", entry)) for entry in [*config.extra_css, *config.extra_javascript]]
    named += [str(config.theme.get(key)) for key in ("logo", "favicon") if config.theme.get(key)]
    return {posixpath.normpath(name.replace("\\", "/")) for name in named if "://" not in name}


def inclusion_of(page: Page, nav_pages: set[str]) -> InclusionLevel:
    if page.draft:
        return InclusionLevel.DRAFT
    return InclusionLevel.INCLUDED if page.file in nav_pages else InclusionLevel.NOT_IN_NAV


def _source_of(page: Page) -> str:
    record = page.record
    return getattr(record, "path", "") or page.source


def _sanitiser(project: Project):
    """Editors' HTML cleaned unless the project trusts it (lantai/sanitise.py)."""
    return lambda html_text: editor_html(html_text, project.settings)


def report(problems, language: str) -> None:
    """Log every problem; stop the build when any is an error."""
    if any(p.severity == ERROR for p in problems):
        raise PluginError("\n" + format_report(problems, language))
    for found in problems:
        if found.severity == WARNING:
            log.warning(found.format(language))
        elif found.severity == NOTICE:  # handled safely by the build: shown, never fatal
            log.info(found.format(language))


__all__ = ["LantaiPlugin", "ProjectError"]
