"""The page frame of an edition's pages (/en/…) in the edition's language.

Material prints the frame from MkDocs' navigation and from `config`: the tabs and the
drawer's sections, the site's name and description in the drawer and the footer, the
colour-scheme toggles' words. An edition's pages are given both as the edition says them:
a navigation of the edition's own pages (`navigation`, made once a build beside MkDocs'
own), and a view of `config` with the edition's words (`FrameConfig`). MkDocs' own
configuration is not changed: the primary language's pages are framed as before.
"""

from __future__ import annotations

import html

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation, get_navigation

from ... import translations
from ...model import Project
from ...pages import Page
from . import setup


def navigation(config: MkDocsConfig, files: Files, shown: Project, pages: dict[str, Page],
               default: bool) -> Navigation:
    """The edition's navigation: Lantai's default one in the edition's words (`default`:
    mkdocs.yml gives none), else the one mkdocs.yml gives with each page that the edition
    has replaced by the edition's, named by its title there; its sections keep their names."""
    prefix = translations.prefix(shown.language)
    if default:
        entries = setup.navigation(shown, prefix)
    else:
        entries = _mirrored(config.nav, prefix, {source: page.title for source, page in pages.items()})
    # MkDocs made a page object, without a title, for each file outside its navigation: the
    # edition's pages are made again here, with their titles, parents and neighbours.
    for source in setup.nav_sources_of(entries):
        if (file := files.get_file_from_path(source)) is not None:
            file.page = None
    written = config.nav
    try:
        config.nav = entries
        nav = get_navigation(files, config)
    finally:
        config.nav = written
    home = files.get_file_from_path(f"{prefix}index.md")
    nav.homepage = home.page if home is not None else None
    return nav


def _mirrored(entries: list, prefix: str, titles: dict[str, str]) -> list:
    out = []
    for entry in entries or []:
        if isinstance(entry, dict):
            (title, target), = entry.items()
            if isinstance(target, list):
                out.append({title: _mirrored(target, prefix, titles)})
            elif (there := prefix + str(target)) in titles:
                out.append({html.escape(titles[there]): there})
            else:
                out.append(entry)
        elif isinstance(entry, str) and prefix + entry in titles:
            out.append({html.escape(titles[prefix + entry]): prefix + entry})
        else:
            out.append(entry)
    return out


class FrameConfig:
    """MkDocs' configuration as an edition's page frame reads it: the site's name and
    description and the theme's language (with its toggles' words) in the edition's
    language, everything else as configured."""

    def __init__(self, config: MkDocsConfig, shown: Project):
        self._config = config
        language = shown.language
        words = next((t for t in shown.settings.translations if t.language == language), None)
        theme = {key: config.theme[key] for key in config.theme}
        primary = str(config.theme.get("language") or "zh")
        theme.update(language=language, palette=_palette(config.theme.get("palette"), primary, language))
        description = words.site_description if words and words.site_description else None
        self._own = {
            "site_name": Markup(html.escape(shown.settings.site_name, quote=True)),
            # Not translated: the original's, marked with its language where Lantai prints it.
            "site_description": description or config.site_description,
            "theme": theme,
        }
        self.description_language = "" if description or not config.site_description else primary

    def __getattr__(self, name: str):
        own = self.__dict__.get("_own", {})
        return own[name] if name in own else getattr(self._config, name)

    def __getitem__(self, key: str):
        return self._own[key] if key in self._own else self._config[key]

    def __contains__(self, key: str) -> bool:
        return key in self._own or key in self._config

    def get(self, key: str, default=None):
        return self[key] if key in self else default


def _palette(palette, primary: str, language: str):
    """Lantai's colour schemes with their toggles named in `language`; a palette the
    project set itself stays as it is."""
    if not isinstance(palette, list):
        return palette
    out = []
    for option in palette:
        toggle = option.get("toggle") if isinstance(option, dict) else None
        if toggle and toggle.get("name") in (setup.toggle_name(primary, True), setup.toggle_name(primary, False)):
            dark = toggle["name"] == setup.toggle_name(primary, True)
            option = {**option, "toggle": {**toggle, "name": setup.toggle_name(language, dark)}}
        out.append(option)
    return out
