"""MkDocs event glue for Lantai. Each event calls named steps in the engine-free modules."""

from __future__ import annotations

import html
import os
import posixpath
from pathlib import Path

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page as MkPage

from mkdocs.structure.toc import get_toc

from ... import discovery, views
from ...publishing import files as publish_list
from ...build_cache import BuildCache, Making
from ...checking import check
from ...drafts import published
from ...model import Project
from ...pages import Page, Renderer, plan, render
from ...pages.markdown import MarkdownRenderer, site_resolver
from ...pages.renderer import THEME_DIR
from ...publishing.cleaning import published_bytes
from ...problems import ERROR, NOTICE, WARNING, ProjectError, format_report
from ...reading.project import read_project
from ...sanitise import editor_html
from ...search.index import SearchIndexError, build_index
from ...reading.settings import make_settings
from . import setup
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
        self.cache: BuildCache | None = None
        self.making: Making | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Drafts are shown while an editor previews with `serve`, never in a build.
        self.serving = command == "serve"

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
                                 config.site_url)
        self.project, problems = read_project(root, settings, Path(config.docs_dir))
        report(check(self.project, problems), settings.language)
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
        self.pages = {page.source: page for page in pages}
        # Editors' Markdown is read and rendered by Lantai (free pages too): MkDocs gets the
        # finished pages, and of the content folder only the files Lantai publishes.
        publish_editors_files(files, config, project, project.settings.image_metadata)
        nav_pages = setup.nav_sources(config)
        for page in pages:
            if (replaced := files.get_file_from_path(page.source)) is not None:
                files.remove(replaced)
            files.append(File.generated(config, page.source, content="",
                                        inclusion=inclusion_of(page, nav_pages)))
        # Open data (lantai/views): made here, never in docs_dir.
        for site_path, content in sorted(views.site_files(project, pages).items()):
            files.append(File.generated(config, site_path, content=content))
        # Image renditions and share images: taken from the build cache or made there by
        # worker processes while MkDocs renders the pages; placed in the site after them.
        self._cancel_making()
        self.cache = BuildCache.for_project(Path(config.config_file_path).resolve().parent)
        self.making = self.cache.start(views.derived_files(project, pages))
        if files.get_file_from_path("robots.txt") is None:  # an editor's own robots.txt wins
            files.append(File.generated(config, "robots.txt", content=discovery.robots_txt(config.site_url)))
        self.renderer = Renderer(project, self._markdown(project, config, files))
        return files

    def _markdown(self, project: Project, config: MkDocsConfig, files: Files) -> MarkdownRenderer:
        """Editors' Markdown as this site renders it: Lantai's extensions and the project's own."""
        resolve = site_resolver(project, list(self.pages.values()))
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
        rendered = render(self.renderer, lantai_page)
        if rendered.unresolved:
            raise PluginError(f"{_source_of(lantai_page)}: links to nothing in the site: "
                              + ", ".join(rendered.unresolved) + "; check the file names and paths")
        page.toc = get_toc(rendered.toc)
        self._rendered[page.file.src_uri] = rendered
        return rendered.html

    def on_page_context(self, context, *, page: MkPage, config: MkDocsConfig, nav):
        # What the frame prints around the article (theme/main.html): tags and search marks.
        context["lantai_page"] = self._rendered.pop(page.file.src_uri, None)
        return context

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.config.enabled and self.project is not None:
            if self.making is not None:
                self.making.place(Path(config.site_dir))
                log.debug(f"{self.making.made} of {len(self.making.placed)} cached files made in this build")
                self.cache.prune()
                self._cancel_making()
            try:
                build_index(Path(config.site_dir))
            except SearchIndexError as error:  # a message and exit 1, not a traceback
                raise PluginError(str(error)) from error

    def on_build_error(self, *, error: Exception) -> None:
        self._cancel_making()

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
        for folder in (root / "brands", THEME_DIR, ENGINE_THEME_DIR):
            if folder.is_dir():
                server.watch(str(folder))
        return server


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
        files.append(File.generated(config, site_path, content=content) if content is not None
                     else File.generated(config, site_path, abs_src_path=str(source)))


def _named_by_config(config: MkDocsConfig) -> set[str]:
    """Files in docs_dir that mkdocs.yml names: its own styles and scripts, logo and favicon."""
    named = [str(getattr(entry, "path", entry)) for entry in [*config.extra_css, *config.extra_javascript]]
    named += [str(config.theme.get(key)) for key in ("logo", "favicon") if config.theme.get(key)]
    return {posixpath.normpath(name.replace("\\", "/")) for name in named if "://" not in name}


def inclusion_of(page: Page, nav_pages: set[str]) -> InclusionLevel:
    if page.draft:
        return InclusionLevel.DRAFT
    return InclusionLevel.INCLUDED if page.source in nav_pages else InclusionLevel.NOT_IN_NAV


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
