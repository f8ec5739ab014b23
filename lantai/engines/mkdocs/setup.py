"""The defaults the plugin fills into an MkDocs configuration.

A project's mkdocs.yml may be five lines long (CONTENT-FORMAT.md); everything else an
exhibition needs is set here, and whatever the editor did set is kept.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from ...labels import label
from ...model import Project

EXTRA_CSS = "assets/lantai/lantai.css"
EXTRA_JS: list[str] = ["assets/lantai/views/views.js"]
VIEW_CSS = "assets/lantai/views/views.css"  # the exhibition views' own styles (lantai/views)

from ...pages.markdown import EXTENSIONS as MARKDOWN_EXTENSIONS

# Not "content.tooltips": Material's tooltips copy every title attribute into innerHTML,
# so a site name or reference code holding markup would run (tests/test_escaping.py);
# the browser's own title tooltip shows the same words as text.
FEATURES = ["navigation.tabs", "navigation.top", "navigation.footer"]


def _user_theme(config: MkDocsConfig) -> dict:
    for raw in reversed(getattr(config, "user_configs", []) or []):
        theme = raw.get("theme")
        if isinstance(theme, dict):
            return theme
    return {}


def apply_defaults(config: MkDocsConfig, engine_theme_dir: Path, theme_dir: Path) -> None:
    """`engine_theme_dir`: Lantai's overrides of Material's templates; `theme_dir`: Lantai's
    own assets (CSS, scripts, fonts), served from the site."""
    theme = config.theme
    user_theme = _user_theme(config)
    # Our overrides come first, as Material's custom_dir would put them.
    at = 1 if user_theme.get("custom_dir") else 0
    for folder in (theme_dir, engine_theme_dir):
        if str(folder) not in theme.dirs:
            theme.dirs.insert(at, str(folder))
    # No request may leave the site: Material's Google Fonts are off, system fonts serve.
    theme["font"] = False
    if "palette" not in user_theme:
        theme["palette"] = [
            {"media": "(prefers-color-scheme: light)", "scheme": "default", "primary": "custom", "accent": "custom",
             "toggle": {"icon": "material/weather-night", "name": _toggle_name(theme, dark=True)}},
            {"media": "(prefers-color-scheme: dark)", "scheme": "slate", "primary": "custom", "accent": "custom",
             "toggle": {"icon": "material/weather-sunny", "name": _toggle_name(theme, dark=False)}},
        ]
    features = list(theme.get("features") or [])
    theme["features"] = features + [f for f in FEATURES if f not in features]
    # Published URLs are directories (CONTENT-FORMAT.md: /<brand-id>/<story-id>/).
    config.use_directory_urls = True
    for name, options in MARKDOWN_EXTENSIONS.items():
        if name not in config.markdown_extensions:
            config.markdown_extensions.append(name)
            config.mdx_configs.setdefault(name, options)
    if EXTRA_CSS not in config.extra_css:
        config.extra_css.insert(0, EXTRA_CSS)
    if VIEW_CSS not in config.extra_css:
        config.extra_css.insert(config.extra_css.index(EXTRA_CSS) + 1, VIEW_CSS)
    for script in EXTRA_JS:
        if script not in [str(s) for s in config.extra_javascript]:
            config.extra_javascript.append(script)


def _toggle_name(theme, dark: bool) -> str:
    return toggle_name(str(theme.get("language") or "zh"), dark)


def toggle_name(language: str, dark: bool) -> str:
    """The colour-scheme toggle's words in `language`."""
    zh = language.startswith("zh")
    if dark:
        return "切换到深色模式" if zh else "Switch to dark mode"
    return "切换到浅色模式" if zh else "Switch to light mode"


def default_nav(config: MkDocsConfig, project: Project) -> None:
    """A small navigation, whatever the exhibition's size: never a list of every story."""
    if config.nav:
        return
    config.nav = navigation(project)


def navigation(project: Project, prefix: str = "") -> list:
    """The default navigation of `project` in its language, its pages' sources below
    `prefix` (an edition's, lantai/engines/mkdocs/frame.py)."""
    language = project.language
    nav: list = [{label("home", language): f"{prefix}index.md"}]
    nav.append({label("categories", language): [{c.name: f"{prefix}categories/{c.id}.md"}
                                                 for c in project.settings.categories]})
    # The exhibition views (lantai/views): by time, place, object and subject.
    nav += [{label(key, language): prefix + source} for key, source in
            (("timeline", "timeline.md"), ("map", "map.md"), ("catalogue", "items/index.md"), ("tags", "tags.md"))]
    for page in sorted(project.pages, key=lambda p: p.name):
        nav.append({page.title or page.name: f"{prefix}{page.name}.md"})
    return _escape_nav(nav)


def _escape_nav(nav: list) -> list:
    # Material prints nav titles unescaped; editors' titles must stay text.
    import html
    out = []
    for entry in nav:
        (title, target), = entry.items()
        out.append({html.escape(title): _escape_nav(target) if isinstance(target, list) else target})
    return out


def nav_sources(config: MkDocsConfig) -> set[str]:
    return nav_sources_of(config.nav)


def nav_sources_of(nav: list | None) -> set[str]:
    """The sources a navigation names."""
    found: set[str] = set()

    def walk(entries):
        for entry in entries or []:
            if isinstance(entry, dict):
                for target in entry.values():
                    walk(target) if isinstance(target, list) else found.add(str(target))
            elif isinstance(entry, str):
                found.add(entry)
    walk(nav)
    return found
