"""Views that stay small at any size (lantai/views/paging.py): the catalogue, the indexes and
the timeline in pages, each page reachable without JavaScript, and the catalogue's filters
searching every page through its data parts.

A synthetic exhibition (bench/synthetic.py) with a small `page_size` stands for a large one,
so that the build stays quick; the weight of pages at Lantai's own sizes is checked on a
larger catalogue rendered in-process.
"""

from __future__ import annotations

import dataclasses
import json
import math
import re
import sys
from pathlib import Path

import pytest

from conftest import REPO, build_site, serve
from lantai.drafts import published
from lantai.pages import Renderer, plan, render
from lantai.pages.markdown import MarkdownRenderer, site_resolver
from lantai.reading.project import read_project
from lantai.reading.settings import make_settings
from lantai.views import indexes, paging, timeline
from lantai.views.common import published_items
from test_gates_a11y import axe, blocking_violations  # noqa: F401  (axe: the accessibility gate's fixture)
from views_support import page_file, read_page, resolves, tags

sys.path.insert(0, str(REPO / "bench"))
from synthetic import write_exhibition  # noqa: E402

PAGE_SIZE = 12
SITE_URL = "https://archive.example.org/exhibit/"
VIEWS = {"catalogue": "items/", "timeline": "timeline/", "tags": "tags/", "people": "people/", "places": "places/"}


def _write(folder: Path) -> Path:
    exhibition = write_exhibition(folder, 24, per_brand=12)
    config = exhibition.config
    config.write_text(config.read_text(encoding="utf-8") + f"      page_size: {PAGE_SIZE}\n", encoding="utf-8")
    return config


def _project(config: Path):
    settings = make_settings("合成展览", "zh", {"page_size": PAGE_SIZE, "code_kind": "exhibition"})
    project, _ = read_project(config.parent, settings, config.parent / "content")
    return published(project)


@pytest.fixture(scope="module")
def large(tmp_path_factory):
    """The synthetic exhibition, its project as read, and its site built once."""
    folder = tmp_path_factory.mktemp("paging")
    config = _write(folder / "project")
    site = build_site(config, folder / "site", env={"LANTAI_SITE_URL": SITE_URL})
    return config, _project(config), site


def view_pages(site: Path, view: str) -> list[str]:
    """The addresses of a view's pages as built, page 1 first."""
    numbers = sorted(int(p.parent.name) for p in (site / view / "page").glob("*/index.html"))
    assert numbers == list(range(2, len(numbers) + 2)), numbers
    return [view] + [f"{view}page/{n}/" for n in numbers]


# -- plain functions ----------------------------------------------------------------------------

def test_pager_names_the_ends_and_the_pages_around_this_one():
    pagers = paging.pagers("items/", 10)
    numbers = lambda pager: [link and link[0] for link in pager.links()]  # noqa: E731
    assert numbers(pagers[0]) == [1, 2, 3, None, 10]
    assert numbers(pagers[4]) == [1, 2, 3, 4, 5, 6, 7, None, 10]     # 2 is named, not an ellipsis
    assert numbers(pagers[9]) == [1, None, 8, 9, 10]
    assert pagers[0].previous is None and pagers[0].next == "items/page/2/"
    assert pagers[9].url == "items/page/10/" and pagers[9].next is None and pagers[9].previous == "items/page/9/"
    assert [link[1] for link in pagers[1].links() if link][:2] == ["items/", "items/page/2/"]


def test_split_keeps_order_and_always_gives_a_page():
    assert paging.split([], 5) == [[]]
    assert paging.split(list(range(11)), 5) == [[0, 1, 2, 3, 4], [5, 6, 7, 8, 9], [10]]


def test_a_term_longer_than_a_page_goes_on_over_the_next_pages(large):
    _, project, _ = large
    terms = indexes.subjects(project)
    budget = 20
    pages = indexes.term_pages(terms, budget)
    for page in pages:
        cost = sum(paging.HEADING_LINES + len(p.brands) + len(p.stories) + len(p.items) for p in page)
        assert cost <= budget or len(page) == 1, [p.term for p in page]
    # Every link of every term is on exactly one page, in order, the term's parts numbered.
    for term in terms:
        parts = [p for page in pages for p in page if p.entry is term]
        assert [p.part for p in parts] == list(range(1, len(parts) + 1))
        assert [x for p in parts for x in p.brands] == term.brands
        assert [x for p in parts for x in p.stories] == term.stories
        assert [x for p in parts for x in p.items] == term.items
        assert len({p.anchor for p in parts}) == len(parts)
    assert any(len([p for page in pages for p in page if p.entry is t]) > 1 for t in terms)


# -- the built site ----------------------------------------------------------------------------

def test_catalogue_pages_list_every_item_exactly_once(large):
    _, project, site = large
    pages = view_pages(site, "items/")
    codes = [item.code for item in published_items(project)]
    assert len(pages) == math.ceil(len(codes) / PAGE_SIZE) > 2
    listed = []
    for url in pages:
        rows = [t["data-code"] for t in tags(read_page(site, url), "tr") if "data-lt-row" in t]
        assert 0 < len(rows) <= PAGE_SIZE
        listed += rows
    assert listed == codes      # each once, in code order across the pages


def test_timeline_pages_keep_the_order_and_every_entry(large):
    _, project, site = large
    pages = view_pages(site, "timeline/")
    found = timeline.entries(project)
    assert len(pages) == math.ceil(len(found) / PAGE_SIZE) > 1
    starts = [t["data-start"] for url in pages for t in tags(read_page(site, url), "li") if "data-lt-row" in t]
    assert len(starts) == len(found) and starts == sorted(starts)


@pytest.mark.parametrize("view, collect", [("tags/", indexes.subjects), ("people/", indexes.people),
                                           ("places/", indexes.places)])
def test_index_pages_show_every_term_and_link_once(large, view, collect):
    _, project, site = large
    pages = view_pages(site, view)
    assert len(pages) > 1
    terms = collect(project)
    headings, links = [], 0
    for url in pages:
        html = read_page(site, url)
        for match in re.finditer(r'<section class="lt-term" id="([^"]+)"', html):
            headings.append(match.group(1))
        links += len(re.findall(r'<li><span class="lt-term__kind">', html))
    # Each term starts once (its own anchor); a long one goes on under anchors of its own.
    assert [h for h in headings if h in {t.anchor for t in terms}] == [t.anchor for t in terms]
    assert len(set(headings)) == len(headings)
    assert links == sum(t.count for t in terms)


@pytest.mark.parametrize("view", list(VIEWS.values()))
def test_pager_links_lead_to_built_pages(large, view):
    _, _, site = large
    pages = view_pages(site, view)
    for number, url in enumerate(pages, start=1):
        html = read_page(site, url)
        navs = re.findall(r'<nav class="lt-pages".*?</nav>', html, re.S)
        assert navs, url
        for nav in navs:
            links = tags(nav, "a")
            for link in links:
                assert resolves(site, url, link["href"]), (url, link["href"])
            current = [link for link in links if link.get("aria-current") == "page"]
            assert len(current) == 1 and current[0]["aria-label"] == f"第 {number} 页"
            assert resolves(site, url, current[0]["href"]) and page_file(site, url).samefile(
                page_file(site, _target(url, current[0]["href"])))
            rels = {link.get("rel") for link in links}
            assert ("prev" in rels) == (number > 1) and ("next" in rels) == (number < len(pages))
        assert f"第 {number} 页，共 {len(pages)} 页" in html


def _target(url: str, href: str) -> str:
    from urllib.parse import urljoin
    return urljoin("http://site/" + url, href).removeprefix("http://site/")


def test_paged_views_are_in_the_sitemap_and_titled_by_number(large):
    _, _, site = large
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    for view in VIEWS.values():
        for url in view_pages(site, view):
            assert f"<loc>{SITE_URL}{url}</loc>" in sitemap, url
    assert "<title>档案目录（第 2 页）" in read_page(site, "items/page/2/")
    # One share image per view, not one per page.
    assert not any((site / "assets" / "lantai").rglob("items--page--2*"))


def test_catalogue_parts_hold_each_pages_rows(large):
    _, project, site = large
    pages = view_pages(site, "items/")
    rows = []
    for number in range(1, len(pages) + 1):
        part = json.loads((site / "data" / "catalogue" / f"{number}.json").read_text(encoding="utf-8"))
        assert part["page"] == number and part["pages"] == len(pages)
        rows += part["rows"]
    assert [row["code"] for row in rows] == [item.code for item in published_items(project)]
    assert all(resolves(site, "items/", "../" + row["url"]) for row in rows)
    table = tags(read_page(site, "items/page/3/"), "table")[0]
    assert table["data-lt-part"] == "../../../data/catalogue/{n}.json" and table["data-lt-part-count"] == str(len(pages))


def test_the_same_project_builds_the_same_pages(large, tmp_path):
    config, _, site = large
    again = build_site(config, tmp_path / "again", env={"LANTAI_SITE_URL": SITE_URL})
    for view in [*VIEWS.values(), "data/catalogue/"]:
        first = {p.relative_to(site): p.read_bytes() for p in sorted((site / view).rglob("*")) if p.is_file()
                 and (view != "items/" or "page" in p.parts or p.parent == site / "items")}
        second = {p.relative_to(again): p.read_bytes() for p in sorted((again / view).rglob("*")) if p.is_file()
                  and (view != "items/" or "page" in p.parts or p.parent == again / "items")}
        assert first == second, view


def test_pages_stay_small_at_lantais_own_sizes(large):
    # A catalogue of some 6,000 items and indexes whose terms list thousands of links, at the
    # sizes a build uses: no page of a view grows past 300 KB of article.
    config, _, _ = large
    settings = make_settings("合成展览", "zh", {"code_kind": "exhibition"})
    project, _ = read_project(config.parent, settings, config.parent / "content")
    project = published(project)
    stories, items = dict(project.stories), dict(project.items)
    for copy in range(1, 120):
        for key, story in stories.items():
            listed = [dataclasses.replace(i, code=f"{i.code}-{copy}") for i in story.items]
            clone = dataclasses.replace(story, id=f"{story.id}-{copy}", items=listed, body="")
            project.stories[clone.key] = clone
            project.items.update({i.code: i for i in listed})
    assert len(project.items) > 5000 and len(items) < 100
    pages = [page for page in plan(project) if page.kind in ("catalogue", "tags", "people", "places", "timeline")]
    renderer = Renderer(project, MarkdownRenderer(site_resolver(project, pages), {}))
    sizes = {}
    for page in pages:
        sizes.setdefault(page.kind, []).append(len(render(renderer, page).html.encode("utf-8")))
    assert len(sizes["catalogue"]) == math.ceil(len(project.items) / paging.CATALOGUE_ROWS)
    assert len(sizes["tags"]) > 3 and len(sizes["timeline"]) > 3
    assert max(max(found) for found in sizes.values()) < 300 * 1024, {k: max(v) for k, v in sizes.items()}


def test_bundled_exhibition_has_one_page_of_each_view(bundled_site):
    for view in VIEWS.values():
        html = read_page(bundled_site, view)
        assert 'class="lt-pages' not in html and not (bundled_site / view / "page").exists(), view
    assert not (bundled_site / "data" / "catalogue").exists()
    assert "data-lt-part" not in read_page(bundled_site, "items/")


# -- in Chromium ---------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def large_url(large):
    with serve(large[2]) as url:
        yield url


@pytest.mark.browser
def test_first_page_and_pager_work_without_javascript(browser, large, large_url):
    _, project, _ = large
    codes = [item.code for item in published_items(project)]
    context = browser.new_context(java_script_enabled=False, locale="zh-CN")
    page = context.new_page()
    try:
        page.goto(large_url + "items/")
        rows = page.locator("#lt-catalogue tbody tr")
        assert rows.count() == PAGE_SIZE and rows.first.is_visible()
        assert rows.first.get_attribute("data-code") == codes[0]
        page.locator("nav.lt-pages a[rel=next]").click()
        page.wait_for_url("**/items/page/2/")
        assert page.locator("#lt-catalogue tbody tr").first.get_attribute("data-code") == codes[PAGE_SIZE]
        page.goto(large_url + "people/")
        page.locator("nav.lt-pages").first.get_by_role("link", name="第 2 页").click()
        page.wait_for_url("**/people/page/2/")
        assert page.locator("section.lt-term").count() > 0
    finally:
        context.close()


@pytest.mark.browser
def test_catalogue_filter_searches_every_page(visit, large, large_url):
    _, project, _ = large
    items = published_items(project)
    page = visit.page
    page.goto(large_url + "items/page/2/", wait_until="load")
    form = page.locator("form[data-lt-filters]")
    form.wait_for(state="visible")
    # A code from the last page, found from page 2: the parts were fetched.
    wanted = items[-1]
    form.locator("input[data-lt-text]").fill(wanted.code)
    page.wait_for_function("() => document.querySelectorAll('#lt-catalogue tbody tr').length === 1")
    row = page.locator("#lt-catalogue tbody tr").first
    assert row.get_attribute("data-code") == wanted.code
    link = row.locator("a").first
    assert link.inner_text() == wanted.title and link.get_attribute("href") == f"../../../items/{wanted.slug}/"
    assert page.locator("nav.lt-pages").is_hidden()
    # A type over the whole catalogue: as many rows as match, up to a page's worth.
    form.locator("input[data-lt-text]").fill("")
    kind = sorted({i.type for i in items if i.type})[0]
    matching = [i.code for i in items if i.type == kind]
    form.locator("select[name=type]").select_option(kind)
    page.wait_for_function("n => document.querySelectorAll('#lt-catalogue tbody tr').length === n",
                           arg=min(len(matching), PAGE_SIZE))
    shown = page.locator("#lt-catalogue tbody tr").evaluate_all("rows => rows.map(r => r.dataset.code)")
    assert shown == matching[:PAGE_SIZE]
    assert str(len(matching)) in page.locator("[data-lt-count]").inner_text()
    # Cleared, the page's own rows and its pager come back.
    form.locator("select[name=type]").select_option("")
    page.wait_for_function("() => !document.querySelector('nav.lt-pages').hidden")
    own = page.locator("#lt-catalogue tbody tr").evaluate_all("rows => rows.map(r => r.dataset.code)")
    assert own == [i.code for i in items[PAGE_SIZE:2 * PAGE_SIZE]]
    assert visit.outside_requests() == [] and visit.errors == []
    assert any(url.endswith("/data/catalogue/3.json") for url in visit.requests)


@pytest.mark.browser
@pytest.mark.parametrize("url", ["items/page/2/", "people/page/2/", "timeline/page/2/"])
def test_paged_views_pass_the_accessibility_gate(visit, axe, large_url, url):  # noqa: F811
    visit.page.goto(large_url + url, wait_until="load")
    visit.page.wait_for_load_state("networkidle")
    assert blocking_violations(axe, visit.page) == [], url
    labels = visit.page.locator("nav.lt-pages").evaluate_all("navs => navs.map(n => n.getAttribute('aria-label'))")
    assert labels and all(label.startswith("分页：") or label.startswith("分页:") for label in labels)
    assert len(set(labels)) == len(labels)      # two pagers on a page are told apart
