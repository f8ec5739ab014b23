"""How search engines and lost visitors find their way: site URL, robots.txt, the 404 page.

Engine-free: the plugin passes in what MkDocs knows (the configured site_url, the
environment) and writes what these functions return.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from . import urls
from .model import Project
from .labels import label

# CI sets this to the Pages address of the repository (actions/configure-pages' base_url),
# so a fork publishes with its own canonical URLs without editing mkdocs.yml.
SITE_URL_VARIABLE = "LANTAI_SITE_URL"


# CI sets this to the repository (GitHub's github.repository), so that the editing interface
# (lantai/editing/cms.py) saves to the fork it is published from without editing mkdocs.yml.
ADMIN_REPO_VARIABLE = "LANTAI_ADMIN_REPO"


def admin_repo(environ: Mapping[str, str]) -> str:
    return (environ.get(ADMIN_REPO_VARIABLE) or "").strip()


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


# The 404 page's own words, as labels.py keys (not_found_<word>).
NOT_FOUND_WORDS = ("title", "text", "search", "search_button", "sections", "home", "colon")


@dataclass(frozen=True)
class NotFoundLink:
    title: str
    url: str          # relative to the site root, as MkDocs' `url` filter expects
    text: str = ""


def not_found_page(project: Project) -> dict:
    """What the 404 page shows: its words in the site's language, and links to the
    entrance, the search page and every category (URLs from the site root)."""
    words = {key: label(f"not_found_{key}", project.language) for key in NOT_FOUND_WORDS}
    categories = [NotFoundLink(c.name, urls.category(c.id), c.description)
                  for c in project.settings.categories]
    return {"words": words, "home": NotFoundLink(words["home"], ""),
            "search_url": urls.SEARCH, "categories": categories}
