"""Search as a visitor uses it, in Chromium: the header box by keyboard and screen reader,
the search page and its filters, a phone, a site under a sub-path, and nothing fetched
from another host."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from conftest import run_lantai, serve

pytestmark = pytest.mark.browser


def wait_for_results(page, selector: str, query: str) -> None:
    page.wait_for_function("([sel, q]) => document.querySelector(sel).getAttribute('data-lt-query') === q",
                           arg=[selector, query])


def test_header_box_by_keyboard(visit, bundled_url):
    page = visit.page
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(bundled_url + "about/")
    box = page.get_by_role("searchbox", name="搜索")
    assert box.count() == 1, "the header has one search box, named for screen readers"
    box.focus()
    page.keyboard.type("陈望道")
    wait_for_results(page, "#lt-search-results", "陈望道")
    # A polite live region says how many results there are.
    status = page.locator("#lt-search-status")
    assert status.get_attribute("role") == "status"
    assert status.inner_text() == "找到 1 个符合条件的结果" or status.inner_text().endswith("个符合条件的结果")
    results = page.locator("#lt-search-results .lt-result")
    assert results.count() >= 1
    first = results.first
    assert "镇馆之宝" in first.locator(".lt-result__title").inner_text()
    assert first.locator(".lt-result__kind").inner_text() == "故事"
    assert "上虞红色记忆" in first.locator(".lt-result__meta").inner_text()
    assert "1920年" in first.locator(".lt-result__meta").inner_text()
    assert first.locator(".lt-result__excerpt mark").first.inner_text() == "陈望道"
    # Down moves into the results, one result at a time and no further than the last;
    # Up goes back the same way to the box; Escape closes them.
    def focused() -> int:
        """Which result's link has the focus (-1: none of them)."""
        return page.evaluate("() => Array.from(document.querySelectorAll('#lt-search-results .lt-result__link'))"
                             ".indexOf(document.activeElement)")
    last = page.locator("#lt-search-results .lt-result__link").count() - 1
    assert last == results.count() - 1 and last >= 1, "moving between results needs two of them"
    for index in range(last + 1):
        page.keyboard.press("ArrowDown")
        assert focused() == index
    page.keyboard.press("ArrowDown")
    assert focused() == last
    for index in range(last - 1, -1, -1):
        page.keyboard.press("ArrowUp")
        assert focused() == index
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.id") == "lt-search-input"
    page.keyboard.press("Escape")
    assert page.locator(".lt-search__panel").is_hidden()
    # Enter opens the search page with every result, linkable.
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/?q=*")
    wait_for_results(page, ".lt-search-page__results", "q=" + quote("陈望道"))
    assert page.locator(".lt-search-page__results .lt-result").count() >= 1
    assert visit.errors == []
    assert visit.outside_requests() == []


def test_following_a_result(visit, bundled_url):
    page = visit.page
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(bundled_url)
    page.fill("#lt-search-input", "JN-E01")
    wait_for_results(page, "#lt-search-results", "JN-E01")
    page.locator("#lt-search-results .lt-result__link").first.click()
    page.wait_for_url("**/items/jn-e01/")
    assert "畲族彩带编织" in page.locator("h1").inner_text()


def test_search_page_in_rank_order_with_filters(visit, bundled_url):
    page = visit.page
    page.goto(bundled_url + "search/?q=" + quote("档案"))
    wait_for_results(page, ".lt-search-page__results", "q=" + quote("档案"))
    assert page.locator("h1").inner_text() == "搜索"
    assert page.locator("#lt-search-page-q").input_value() == "档案"
    results = page.locator(".lt-search-page__results .lt-result")
    assert results.count() == 20, "the first twenty results, then a button for more"
    status = page.locator(".lt-search-page__status").inner_text()
    total = int(status.split()[0])
    assert total > 20
    for index in range(3):
        result = results.nth(index)
        assert result.locator(".lt-result__title a").inner_text().strip()
        assert result.locator(".lt-result__kind").inner_text() in {"故事", "档案品牌", "档案条目", "页面"}
        assert result.locator(".lt-result__excerpt mark").count() >= 1
    # Filters narrow the results without a server, and stay in the address.
    page.select_option("select[name=kind]", "故事")
    wait_for_results(page, ".lt-search-page__results", f"q={quote('档案')}&kind={quote('故事')}")
    kinds = page.locator(".lt-search-page__results .lt-result__kind").all_inner_texts()
    assert kinds and set(kinds) == {"故事"}
    page.select_option("select[name=brand]", "上虞红色记忆")
    wait_for_results(page, ".lt-search-page__results",
                     f"q={quote('档案')}&kind={quote('故事')}&brand={quote('上虞红色记忆')}")
    metas = page.locator(".lt-search-page__results .lt-result__meta").all_inner_texts()
    assert metas and all("上虞红色记忆" in meta for meta in metas)
    assert "brand=" in page.url
    # A category alone, without words, lists what is in it.
    page.goto(bundled_url + "search/?category=" + quote("开放为民"))
    wait_for_results(page, ".lt-search-page__results", "category=" + quote("开放为民"))
    titles = page.locator(".lt-search-page__results .lt-result__title").all_inner_texts()
    assert "湖档直通车" in titles and "上虞红色记忆" not in titles
    # More results on request, focus on the first new one.
    page.goto(bundled_url + "search/?q=" + quote("档案"))
    wait_for_results(page, ".lt-search-page__results", "q=" + quote("档案"))
    page.get_by_role("button", name="显示更多结果").click()
    page.wait_for_function("document.querySelectorAll('.lt-search-page__results .lt-result').length > 20")
    assert visit.errors == []
    assert visit.outside_requests() == []


def test_phone_opens_the_box_from_a_button(visit, bundled_url):
    page = visit.page  # 390 px wide
    page.goto(bundled_url)
    box = page.locator("#lt-search-input")
    assert not box.is_visible()
    opener = page.get_by_role("button", name="搜索")
    assert opener.get_attribute("aria-expanded") == "false"
    opener.click()
    assert opener.get_attribute("aria-expanded") == "true"
    assert box.is_visible() and page.evaluate("document.activeElement.id") == "lt-search-input"
    page.keyboard.type("彩带")
    wait_for_results(page, "#lt-search-results", "彩带")
    assert page.locator("#lt-search-results .lt-result").first.is_visible()
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    assert not box.is_visible()


def test_under_a_sub_path_nothing_leaves_the_site(visit, bundled_site):
    with serve(bundled_site, "/exhibit/") as url:
        page = visit.page
        page.set_viewport_size({"width": 1280, "height": 900})
        failed = []
        page.on("response", lambda response: failed.append(response.url) if response.status >= 400 else None)
        page.goto(url + "shangyu-red-memory/manifesto-first-translation/")
        page.fill("#lt-search-input", "共產黨宣言")
        wait_for_results(page, "#lt-search-results", "共產黨宣言")
        links = page.eval_on_selector_all("#lt-search-results .lt-result__link", "links => links.map(a => a.href)")
        assert links and all(link.startswith(url) for link in links)
        page.goto(url + "search/?q=" + quote("垦荒"))
        wait_for_results(page, ".lt-search-page__results", "q=" + quote("垦荒"))
        first = page.locator(".lt-search-page__results .lt-result__link").first
        first.click()
        page.wait_for_url(url + "dachen-island-reclamation/**")
    assert failed == []
    assert visit.errors == []
    assert visit.outside_requests() == []
    assert any("/exhibit/pagefind/" in request for request in visit.requests)


def test_english_project_searches(visit, harbour_url):
    page = visit.page
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(harbour_url)
    box = page.get_by_role("searchbox", name="Search")
    box.fill("typhoon")
    wait_for_results(page, "#lt-search-results", "typhoon")
    assert page.locator("#lt-search-status").inner_text().endswith("matching documents") or \
        "result" in page.locator("#lt-search-status").inner_text().lower() or \
        "document" in page.locator("#lt-search-status").inner_text().lower()
    first = page.locator("#lt-search-results .lt-result").first
    assert first.locator(".lt-result__title").inner_text() == "The typhoon of 1937"
    assert first.locator(".lt-result__kind").inner_text() == "Story"
    assert "September 1937" in first.locator(".lt-result__meta").inner_text()
    assert first.locator(".lt-result__excerpt mark").first.inner_text().lower() == "typhoon"
    assert visit.outside_requests() == []


CODES_PROJECT = {
    "mkdocs.yml": "site_name: 档号测试\ntheme:\n  name: material\n  language: zh\nplugins:\n  - lantai\n",
    "brands/codes.yml": (
        "name: 档号品牌\narchives: [测试档案馆]\nregion: 杭州市\ncategory: memory\nsummary: 档号的写法各不相同。\n"
        "items:\n"
        "  - {code: 浙/J001-2, title: 斜杠档号的文书}\n"
        "  - {code: ZJ/1956-003, title: 垦荒队员名册}\n"
        "  - {code: ZJ-1956-004, title: 垦荒队员来信}\n"),
    "content/codes/letters.md": (
        "---\ntitle: 名册与来信\nsummary: 两件档案。\n---\n\n名册见 [[ZJ/1956-003]]，来信见 [[ZJ-1956-004]]。\n"),
    "content/codes/old-letter.md": (
        "---\ntitle: 一封旧信\nsummary: 信中的原文照录。\n---\n\n> 吾輩當以檔案為據，陳述舊事。\n"),
}


@pytest.fixture(scope="module")
def codes_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("codes")
    for name, text in CODES_PROJECT.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    result = run_lantai("build", "-q", "-f", str(root / "mkdocs.yml"), "-d", str(root / "site"))
    assert result.returncode == 0, result.stderr
    return root / "site"


@pytest.mark.parametrize("query", ["浙/J001-2", "浙J001-2", "j001-2", "ZJ/1956-003", "zj/1956-003", "ZJ-1956-004"])
def test_codes_with_slashes_and_hyphens(visit, codes_site, query):
    titles = {"浙/J001-2": "斜杠档号的文书", "浙J001-2": "斜杠档号的文书", "j001-2": "斜杠档号的文书",
              "ZJ/1956-003": "垦荒队员名册", "zj/1956-003": "垦荒队员名册", "ZJ-1956-004": "垦荒队员来信"}
    with serve(codes_site) as url:
        page = visit.page
        page.set_viewport_size({"width": 1280, "height": 900})
        page.goto(url)
        page.fill("#lt-search-input", query)
        wait_for_results(page, "#lt-search-results", query)
        first = page.locator("#lt-search-results .lt-result").first
        assert first.locator(".lt-result__title").inner_text() == titles[query]
        assert first.locator(".lt-result__kind").inner_text() == "档案条目"


@pytest.mark.parametrize("query", ["档案为据", "檔案為據"])
def test_simplified_query_finds_traditional_text(visit, codes_site, query):
    """The page quotes a letter in traditional characters; either script finds it."""
    with serve(codes_site) as url:
        page = visit.page
        page.set_viewport_size({"width": 1280, "height": 900})
        page.goto(url)
        page.fill("#lt-search-input", query)
        wait_for_results(page, "#lt-search-results", query)
        assert page.locator("#lt-search-results .lt-result__title").first.inner_text() == "一封旧信"


@pytest.mark.browser
def test_a_name_typed_in_pinyin_finds_the_story_without_showing_the_readings(visit, bundled_url):
    page = visit.page
    page.goto(bundled_url + "search/?q=chenwangdao")
    wait_for_results(page, ".lt-search-page__results", "q=chenwangdao")
    first = page.locator(".lt-search-page__results .lt-result").first
    assert "/shangyu-red-memory/manifesto-first-translation/" in first.locator(".lt-result__title a").get_attribute("href")
    shown = page.locator(".lt-search-page__results").inner_text()
    assert "ltpinyin" not in shown and "chenwangdao" not in shown and " cwd " not in shown
    assert visit.errors == []
