"""The pages every quality gate walks: one of each kind, in both sample projects.

The other gate modules (test_gates_*.py) import PAGE_CASES and the helpers below. This
module's own test makes the list honest: each page it names exists in the built site,
answers 200 (the deliberate 404 answers 404 with the site's own 404 page) and has a heading.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import urlsplit

import pytest

from conftest import PAGES_SITE_URL, SUB_PATH  # noqa: F401  (the gates import them from here)


@dataclass(frozen=True)
class PageCase:
    project: str      # "bundled" or "harbour"
    kind: str         # home, category, brand, story, ... (the CONTENT-FORMAT.md page kinds)
    path: str         # below the site's root, as a visitor types it ("" is the home page)
    query: str = ""   # a search term the page is used with (search page, search box)

    @property
    def id(self) -> str:
        return f"{self.project}:{self.kind}"

    @property
    def missing(self) -> bool:
        return self.kind == "404"


def _cases(project: str, category: str, brand: str, story: str, item: str, scans: str, query: str) -> list[PageCase]:
    return [
        PageCase(project, "home", ""),
        PageCase(project, "category", f"categories/{category}/"),
        PageCase(project, "brand", f"{brand}/"),
        PageCase(project, "story", f"{brand}/{story}/"),
        PageCase(project, "free page", "about/"),
        PageCase(project, "timeline", "timeline/"),
        PageCase(project, "map", "map/"),
        PageCase(project, "catalogue", "items/"),
        PageCase(project, "item", f"items/{item}/"),
        PageCase(project, "item viewer", f"items/{scans}/"),   # an item with images: the deep-zoom viewer
        PageCase(project, "tags", "tags/"),
        PageCase(project, "search", f"search/?q={urllib.request.quote(query)}", query),
        PageCase(project, "404", "no-such-exhibit/missing-page/", query),
    ]


# The bundled exhibition's English pages (lantai/pages/languages.py): a translated story, one
# shown in its original language with a note, and every other kind of page an edition has.
ENGLISH_CASES = [
    PageCase("bundled", "en home", "en/"),
    PageCase("bundled", "en category", "en/categories/memory/"),
    PageCase("bundled", "en brand", "en/shangyu-red-memory/"),
    PageCase("bundled", "en story", "en/shangyu-red-memory/manifesto-first-translation/", "manifesto"),
    PageCase("bundled", "en untranslated story", "en/shangyu-red-memory/red-education-bases/", "manifesto"),
    PageCase("bundled", "en free page", "en/about/"),
    PageCase("bundled", "en timeline", "en/timeline/"),
    PageCase("bundled", "en map", "en/map/"),
    PageCase("bundled", "en catalogue", "en/items/"),
    PageCase("bundled", "en item", "en/items/sy-e01/"),
    PageCase("bundled", "en item viewer", "en/items/sy-e02/"),
    PageCase("bundled", "en tags", "en/tags/"),
    PageCase("bundled", "en people", "en/people/"),
    PageCase("bundled", "en search", "en/search/?q=manifesto", "manifesto"),
]
PAGE_CASES = (_cases("bundled", "memory", "shangyu-red-memory", "manifesto-first-translation", "sy-e01", "sy-e02", "档案")
              + _cases("harbour", "trade", "harbour-trade", "typhoon-1937", "pt-0002", "pt-0004", "typhoon")
              + ENGLISH_CASES)

PAGE_IDS = [case.id for case in PAGE_CASES]


def site_url_of(request, project: str) -> str:
    """The root URL of the project's site, served at / by conftest's session fixtures."""
    return request.getfixturevalue(f"{project}_url")


def open_page(visit, base_url: str, case: PageCase):
    """Load the case's page the way a visitor does and wait until it has settled."""
    response = visit.page.goto(base_url + case.path, wait_until="load")
    assert response is not None, f"{case.id}: no response for {base_url + case.path}"
    expected = 404 if case.missing else 200
    assert response.status == expected, f"{case.id}: {base_url + case.path} answered {response.status}"
    visit.page.wait_for_load_state("networkidle")
    return response


def header_search(page, query: str):
    """Type a query into the search box of the page's header, opening it first where a
    button hides it on small screens; returns the locator of the results it controls."""
    box = page.locator("header form[role='search']").first
    field = box.locator("input[type='search']").first
    if not field.is_visible():
        page.locator(f"header [aria-controls='{box.get_attribute('id')}']").first.click()
    field.fill(query)
    results = field.get_attribute("aria-controls")
    return page.locator(f"#{results}") if results else box


def fetch(url: str) -> tuple[int, str, bytes]:
    """GET a URL from the local server: (status, content type, body), 4xx included."""
    try:
        with urllib.request.urlopen(url, timeout=30) as answer:
            return answer.status, answer.headers.get("Content-Type", ""), answer.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Content-Type", ""), error.read()


@pytest.mark.parametrize("case", PAGE_CASES, ids=PAGE_IDS)
def test_every_kind_of_page_exists(request, case):
    base = site_url_of(request, case.project)
    status, content_type, body = fetch(base + case.path)
    expected = 404 if case.missing else 200
    assert status == expected, f"{case.id}: /{case.path} answered {status}, expected {expected}"
    assert content_type.startswith("text/html"), f"{case.id}: /{case.path} is {content_type}"
    text = body.decode("utf-8")
    assert "<h1" in text, f"{case.id}: /{case.path} has no heading"
    if case.missing:
        assert 'class="lt-not-found"' in text, "the 404 answer is not the exhibition's own 404 page"


def test_page_list_names_pages_of_the_built_sites(bundled_site, harbour_site):
    # The list is written by hand; a renamed story or item must show up here, plainly.
    sites = {"bundled": bundled_site, "harbour": harbour_site}
    unbuilt = [f"{case.id}: {urlsplit(case.path).path}index.html" for case in PAGE_CASES
               if not case.missing and not (sites[case.project] / urlsplit(case.path).path / "index.html").is_file()]
    assert unbuilt == [], "pages the gates walk were not built:\n" + "\n".join(unbuilt)
