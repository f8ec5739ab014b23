"""How search engines and lost visitors find their way: site URL, robots.txt, the 404 page.

Engine-free: the plugin passes in what MkDocs knows (the configured site_url, the
environment) and writes what these functions return.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from .model import Project
from .problems import is_chinese

# CI sets this to the Pages address of the repository (actions/configure-pages' base_url),
# so a fork publishes with its own canonical URLs without editing mkdocs.yml.
SITE_URL_VARIABLE = "LANTAI_SITE_URL"


def site_url(configured: str | None, environ: Mapping[str, str]) -> str | None:
    """The site's public address, ending in a slash: the environment's LANTAI_SITE_URL
    when set, else mkdocs.yml's site_url, else None (a site that does not know its address)."""
    chosen = (environ.get(SITE_URL_VARIABLE) or "").strip() or (configured or "").strip()
    if not chosen:
        return None
    parts = urlsplit(chosen)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"{SITE_URL_VARIABLE}: '{chosen}' is not an http(s) address; "
                         f"write it as https://owner.github.io/repository/")
    return chosen if chosen.endswith("/") else chosen + "/"


def robots_txt(site_url_: str | None) -> str:
    """Every page may be read; the sitemap is named when the site knows its address
    (a sitemap must be given as an absolute URL)."""
    lines = ["User-agent: *", "Allow: /"]
    if site_url_:
        lines += ["", f"Sitemap: {site_url_}sitemap.xml"]
    return "\n".join(lines) + "\n"


# The 404 page's own words. Kept here rather than in labels.py so that the page reads
# whole in one place; the exhibition's navigation words come from the category names.
NOT_FOUND_WORDS = {
    "title": ("Page not found", "没有找到这个页面"),
    "text": ("The address may be mistyped, or the page may have moved. Search the exhibition, "
             "or start again from one of its sections.",
             "网址可能有误，或者页面已经移动。可以搜索展览内容，或者从下面的展区重新开始。"),
    "search": ("Search the exhibition", "搜索展览"),
    "search_button": ("Search", "搜索"),
    "sections": ("Sections of the exhibition", "展区"),
    "home": ("Back to the entrance", "返回展览首页"),
    "colon": (": ", "："),
}


@dataclass(frozen=True)
class NotFoundLink:
    title: str
    url: str          # relative to the site root, as MkDocs' `url` filter expects
    text: str = ""


def not_found_page(project: Project) -> dict:
    """What the 404 page shows: its words in the site's language, and links to the
    entrance, the search page and every category (URLs from the site root)."""
    zh = is_chinese(project.language)
    words = {key: pair[1] if zh else pair[0] for key, pair in NOT_FOUND_WORDS.items()}
    categories = [NotFoundLink(c.name, f"categories/{c.id}/", c.description)
                  for c in project.settings.categories]
    return {"words": words, "home": NotFoundLink(words["home"], ""),
            "search_url": "search/", "categories": categories}
