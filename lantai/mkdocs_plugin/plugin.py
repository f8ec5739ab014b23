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
from mkdocs.structure.pages import Page

from .. import discovery, publish_list, published, search
from ..model import Project
from .. import views
from ..pages import THEME_DIR, GeneratedPage, generate_pages
from ..problems import ERROR, WARNING, ProjectError, format_report
from ..project import load_project
from ..settings import make_settings
from . import setup
from .config import LantaiConfig

log = get_plugin_logger(__name__)


class LantaiPlugin(BasePlugin[LantaiConfig]):
    supports_multiple_instances = False

    def __init__(self):
        self.project: Project | None = None
        self.serving = False

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Drafts are shown while an editor previews with `serve`, never in a build.
        self.serving = command == "serve"

    # Run before other plugins so that theme and Markdown defaults are in place for them.
    @event_priority(100)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return config
        setup.apply_defaults(config, THEME_DIR)
        # CI passes the Pages address in LANTAI_SITE_URL: canonical URLs, sitemap, 404 links.
        try:
            config.site_url = discovery.site_url(config.site_url, os.environ)
        except ValueError as error:
            raise PluginError(str(error)) from error
        root = Path(config.config_file_path).resolve().parent
        settings = make_settings(config.site_name, config.theme.get("language"), dict(self.config),
                                 config.site_url)
        self.project, problems = load_project(root, settings, Path(config.docs_dir))
        report(problems + views.check(self.project), settings.language)
        setup.default_nav(config, self.project)
        # Material prints config.site_name raw (header.html and nav.html: the logo's
        # aria-label and the header title); as Markup it is escaped once everywhere, and
        # `| e` in Lantai's templates leaves it as it is. Lantai's settings keep the text.
        config.site_name = Markup(html.escape(settings.site_name, quote=True))
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        if not self.config.enabled or self.project is None:
            return files
        project = self.project
        generated = generate_pages(project, include_drafts=self.serving)
        publish_editors_files(files, config, project, self.config.image_metadata)
        for page in generated:  # the home page and stories take the place of their sources
            if (replaced := files.get_file_from_path(page.src_uri)) is not None:
                files.remove(replaced)
        nav_pages = setup.nav_sources(config)
        for page in generated:
            files.append(File.generated(config, page.src_uri, content=page_source(page),
                                        inclusion=inclusion_of(page, nav_pages)))
        # Open data, image renditions and share images (lantai/views): made here, never in docs_dir.
        for site_path, content in sorted(views.site_files(project, generated, self.serving).items()):
            files.append(File.generated(config, site_path, content=content))
        if files.get_file_from_path("robots.txt") is None:  # an editor's own robots.txt wins
            files.append(File.generated(config, "robots.txt", content=discovery.robots_txt(config.site_url)))
        return files

    def on_template_context(self, context, *, template_name: str, config: MkDocsConfig):
        # The 404 page helps the lost visitor: search and the exhibition's sections.
        if template_name == "404.html" and self.project is not None:
            context["lantai_not_found"] = discovery.not_found_page(self.project)
        return context

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        # Material prints page.meta.title and .description unescaped; editors' text must stay text.
        for key in ("title", "description"):
            if isinstance(page.meta.get(key), str):
                page.meta[key] = html.escape(page.meta[key], quote=True)
        return markdown

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        # Tell the search index what the page is (lantai/search.py); others are left out.
        if not self.config.enabled or self.project is None:
            return output
        # Open Graph tags and the share image (lantai/views), in the page's <head>.
        tags = views.head_tags(self.project, page.meta, page.url, page.title or config.site_name)
        output = output.replace("</head>", tags + "\n</head>", 1)
        record = search.page_record(self.project, page.meta, page.file.src_uri, html.unescape(page.title or ""))
        return search.mark_page(output, record, page.content or "")

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.config.enabled and self.project is not None:
            try:
                search.build_index(Path(config.site_dir))
            except search.SearchIndexError as error:  # a message and exit 1, not a traceback
                raise PluginError(str(error)) from error

    def on_serve(self, server, *, config: MkDocsConfig, builder):
        root = Path(config.config_file_path).resolve().parent
        for folder in (root / "brands", THEME_DIR):
            if folder.is_dir():
                server.watch(str(folder))
        return server


def publish_editors_files(files: Files, config: MkDocsConfig, project: Project, metadata: str) -> None:
    """Of what MkDocs found in docs_dir, keep the free pages and the files mkdocs.yml names
    (extra_css, a logo); every other file there is dropped (notes in content/_notes/, links
    out of the project, unused photographs). Then add exactly the editors' files Lantai
    publishes (lantai/publish_list.py), each with the bytes it is published with
    (lantai/published.py: no GPS, no scripts in SVG), in `serve` as in `build`. The
    theme's own files are not from docs_dir and stay."""
    docs_dir = os.path.realpath(config.docs_dir)
    kept = {f"{page.name}.md" for page in project.pages} | _named_by_config(config)
    for file in list(files):
        if file.src_dir is not None and os.path.realpath(file.src_dir) == docs_dir and file.src_uri not in kept:
            files.remove(file)
    for site_path, source in publish_list.published_files(project).items():
        if (shadowed := files.get_file_from_path(site_path)) is not None:
            files.remove(shadowed)
        content = published.published_bytes(source, metadata)
        files.append(File.generated(config, site_path, content=content) if content is not None
                     else File.generated(config, site_path, abs_src_path=str(source)))


def _named_by_config(config: MkDocsConfig) -> set[str]:
    """Files in docs_dir that mkdocs.yml names: its own styles and scripts, logo and favicon."""
    named = [str(getattr(entry, "path", entry)) for entry in [*config.extra_css, *config.extra_javascript]]
    named += [str(config.theme.get(key)) for key in ("logo", "favicon") if config.theme.get(key)]
    return {posixpath.normpath(name.replace("\\", "/")) for name in named if "://" not in name}


def page_source(page: GeneratedPage) -> str:
    """A generated page as Markdown with YAML front matter, as MkDocs reads any page."""
    import yaml
    meta = {"title": page.title, **page.meta}
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=True) + "---\n\n" + page.markdown


def inclusion_of(page: GeneratedPage, nav_pages: set[str]) -> InclusionLevel:
    if page.draft:
        return InclusionLevel.DRAFT
    return InclusionLevel.INCLUDED if page.src_uri in nav_pages else InclusionLevel.NOT_IN_NAV


def report(problems, language: str) -> None:
    """Log every problem; stop the build when any is an error."""
    if any(p.severity == ERROR for p in problems):
        raise PluginError("\n" + format_report(problems, language))
    for found in problems:
        if found.severity == WARNING:
            log.warning(found.format(language))


__all__ = ["LantaiPlugin", "ProjectError"]
