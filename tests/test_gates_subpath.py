"""Sub-path gate: published as a GitHub Pages project site (https://OWNER.github.io/REPO/),
the exhibition lives under a path. Served here under /exhibit/, every kind of page, its
assets, search and the 404 page still work: no request fails and none strays outside
the sub-path, except the deliberate request for a page that does not exist."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from test_gates_pages import PAGE_CASES, PAGE_IDS, SUB_PATH, header_search, open_page

pytestmark = pytest.mark.browser

# A story each search must find, by a word of its title.
SEARCH_FINDS = {"bundled": ("共产党宣言", "shangyu-red-memory/manifesto-first-translation/"),
                "harbour": ("typhoon", "harbour-trade/typhoon-1937/")}


def record_responses(page) -> list[tuple[int, str]]:
    answers: list[tuple[int, str]] = []
    page.on("response", lambda response: answers.append((response.status, response.url)))
    page.on("requestfailed", lambda request: answers.append((0, request.url)))
    return answers


@pytest.mark.parametrize("case", PAGE_CASES, ids=PAGE_IDS)
def test_every_page_works_under_a_sub_path(visit, subpath_urls, case):
    base = subpath_urls[case.project]
    answers = record_responses(visit.page)
    open_page(visit, base, case)
    visit.page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    visit.page.wait_for_load_state("networkidle")
    deliberate = base + case.path if case.missing else None
    failed = [f"{status or 'failed'} {url}" for status, url in answers
              if (status == 0 or status >= 400) and url != deliberate]
    assert failed == [], f"{case.id} under {SUB_PATH}:\n" + "\n".join(failed)
    strayed = [url for _, url in answers
               if urlsplit(url).hostname == "127.0.0.1" and not urlsplit(url).path.startswith(SUB_PATH)]
    assert strayed == [], f"{case.id}: requests outside {SUB_PATH}:\n" + "\n".join(strayed)
    assert visit.outside_requests() == []
    # The page is styled: the exhibition's stylesheet applied, not a bare document.
    assert visit.page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") != "static"


@pytest.mark.parametrize("project", ["bundled", "harbour"])
def test_search_page_finds_stories_under_a_sub_path(visit, subpath_urls, project):
    word, story = SEARCH_FINDS[project]
    base = subpath_urls[project]
    page = visit.page
    page.goto(f"{base}search/?q={word}")
    result = page.locator(f"main a[href$='{story}'], article a[href$='{story}']").first
    result.wait_for(timeout=10_000)
    result.click()
    page.wait_for_url(f"{base}{story}")
    assert page.locator("h1").first.is_visible()
    assert visit.errors == []


@pytest.mark.parametrize("project", ["bundled", "harbour"])
def test_header_search_finds_stories_under_a_sub_path(visit, subpath_urls, project):
    word, story = SEARCH_FINDS[project]
    page = visit.page
    page.goto(subpath_urls[project])
    results = header_search(page, word)
    result = results.locator(f"a[href$='{story}']").first
    result.wait_for(timeout=10_000)
    result.click()
    page.wait_for_url(f"{subpath_urls[project]}{story}")
    assert visit.errors == []


@pytest.mark.parametrize("project", ["bundled", "harbour"])
def test_404_page_helps_at_any_depth_under_a_sub_path(visit, subpath_urls, project):
    base = subpath_urls[project]
    page = visit.page
    answers = record_responses(page)
    response = page.goto(f"{base}some/deep/missing/page/")
    assert response.status == 404
    page.wait_for_load_state("networkidle")
    failed = [f"{status} {url}" for status, url in answers
              if status >= 400 and url != f"{base}some/deep/missing/page/"]
    assert failed == [], "the 404 page's own assets failed:\n" + "\n".join(failed)
    # It offers search, and every section of the exhibition, by links that work from here.
    form = page.locator(".lt-not-found form[role='search']")
    assert form.get_attribute("action") == f"{SUB_PATH}search/"
    sections = page.locator(".lt-not-found__sections a")
    assert sections.count() >= 2
    first_name = sections.first.inner_text().strip()
    sections.first.click()
    page.wait_for_url(f"{base}categories/*/")
    assert page.locator("h1").first.inner_text().strip() == first_name
    page.go_back()
    page.locator(".lt-not-found input[name='q']").fill(SEARCH_FINDS[project][0])
    page.locator(".lt-not-found button[type='submit']").click()
    page.wait_for_url(f"{base}search/?q=*")


@pytest.mark.parametrize("project", ["bundled", "harbour"])
def test_header_search_works_from_the_404_page(visit, subpath_urls, project):
    word, story = SEARCH_FINDS[project]
    base = subpath_urls[project]
    page = visit.page
    page.goto(f"{base}some/deep/missing/page/")
    result = header_search(page, word).locator(f"a[href$='{story}']").first
    result.wait_for(timeout=10_000)
    result.click()
    page.wait_for_url(f"{base}{story}")
    assert visit.errors == []
