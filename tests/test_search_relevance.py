"""The relevance set: what visitors type, and the page that must be among the first three.

Run in Chromium through the search box in the header of the built sites, so everything a
visitor's query goes through is tested: the header box, search.js (traditional to
simplified, Chinese words, phrase filtering), Pagefind's index and its ranking. A query
whose page falls out of the first three fails, with what came instead.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

# (query, the page that must be in the first three results). The page about a thing is
# expected first where there is one: a brand's name finds the brand, a code its item.
BUNDLED = [
    # brands, by their names as published
    ("上虞红色记忆", "shangyu-red-memory/"),
    ("大陈岛垦荒红色档案", "dachen-island-reclamation/"),
    ("杭州工业印记", "hangzhou-industrial-imprint/"),
    ("湖档直通车", "huzhou-archives-express/"),
    ("红润江山", "jiangshan-red/"),
    ("档案见证", "ningbo-archives-witness/"),
    ("海岛记忆", "zhoushan-island-memory/"),
    ("童心向档", "haining-young-hearts/"),
    ("桐乡名人珍档", "tongxiang-notables/"),
    ("温档暖商", "wenzhou-warm-business/"),
    ("人生档案智治", "shengzhou-life-records/"),
    ("矛盾纠纷", "changshan-disputes/"),
    ("民营经济", "taizhou-private-economy/"),
    ("传奇义乌", "yiwu-legend/"),
    # stories, by a word of their subject
    ("共产党宣言", "shangyu-red-memory/manifesto-first-translation/"),
    ("彩带", "jingning-she-heritage/ribbon-weaving-oral-history/"),
    ("宣言", "shangyu-red-memory/manifesto-first-translation/"),
    ("鸡毛换糖", "yiwu-legend/small-commodities-capital/"),
    ("小商品", "yiwu-legend/small-commodities-capital/"),
    ("出生医学证明", "haining-young-hearts/dream-keeping-archive/"),
    ("浙里办", "shengzhou-life-records/lifelong-personal-archives/"),
    ("调解", "changshan-disputes/records-before-mediation/"),
    ("示范单位", "taizhou-private-economy/exemplary-enterprises/"),
    ("课程思政", "shangyu-red-memory/red-education-bases/"),
    ("垦荒岁月", "dachen-island-reclamation/reclamation-years/"),
    ("青年志愿垦荒队", "dachen-island-reclamation/reclamation-years/"),
    ("温州商会", "wenzhou-warm-business/chambers-of-commerce/"),
    # people and places
    ("陈望道", "shangyu-red-memory/manifesto-first-translation/"),
    ("茅盾", "tongxiang-notables/notables-archives/"),
    ("丰子恺", "tongxiang-notables/notables-archives/"),
    ("王会悟", "tongxiang-notables/notables-archives/"),
    ("王宗楣", "dachen-island-reclamation/reclamation-archives/"),
    ("乌镇", "tongxiang-notables/notables-archives/"),
    ("大陈岛", "dachen-island-reclamation/"),
    ("嵊州", "shengzhou-life-records/"),
    ("舟山", "zhoushan-island-memory/"),
    ("常山", "changshan-disputes/"),
    # people typed in pinyin, whole or by their initials (lantai/collation.py)
    ("chenwangdao", "shangyu-red-memory/manifesto-first-translation/"),
    ("cwd", "shangyu-red-memory/manifesto-first-translation/"),
    ("maodun", "tongxiang-notables/notables-archives/"),
    ("fengzikai", "tongxiang-notables/notables-archives/"),
    ("Chenwangdao", "shangyu-red-memory/manifesto-first-translation/"),
    # archive items, by reference code as typed, in any case, with or without the hyphen
    ("SY-E01", "items/sy-e01/"),
    ("sy-e01", "items/sy-e01/"),
    ("SYE01", "items/sy-e01/"),
    ("JN-E01", "items/jn-e01/"),
    ("DC-E01", "items/dc-e01/"),
    ("共产党宣言中文首译本", "items/sy-e01/"),
    # free pages
    ("关于本展", "about/"),
    # traditional characters find the simplified text
    ("共產黨宣言", "shangyu-red-memory/manifesto-first-translation/"),
    ("陳望道", "shangyu-red-memory/manifesto-first-translation/"),
    ("綵帶", "jingning-she-heritage/ribbon-weaving-oral-history/"),
    ("大陳島", "dachen-island-reclamation/"),
    ("溫州商會", "wenzhou-warm-business/chambers-of-commerce/"),
]

HARBOUR = [
    ("typhoon", "harbour-trade/typhoon-1937/"),
    ("Typhoon of 1937", "harbour-trade/typhoon-1937/"),
    ("typh", "harbour-trade/typhoon-1937/"),
    ("Harbour Trade Records", "harbour-trade/"),
    ("shipping offices", "harbour-trade/"),
    ("Harbour Families", "harbour-families/"),
    ("PT-0001", "items/pt-0001/"),
    ("pt-0002", "items/pt-0002/"),
    ("damage report", "items/pt-0002/"),
    ("harbour master's voice", "harbour-trade/harbour-masters-voice/"),
    ("Mei Ling Chan", "harbour-families/letters-home/"),
    ("letters home", "harbour-families/letters-home/"),
    ("PF-0001", "items/pf-0001/"),
    ("About this exhibition", "about/"),
]


def first_results(page, base_url: str, query: str) -> list[str]:
    """The site-relative addresses of the results the header box shows for `query`."""
    page.fill("#lt-search-input", query)
    page.wait_for_function(
        "q => document.querySelector('#lt-search-results').getAttribute('data-lt-query') === q", arg=query)
    links = page.eval_on_selector_all("#lt-search-results .lt-result__link", "links => links.map(a => a.href)")
    return [link.removeprefix(base_url) for link in links]


@pytest.fixture(scope="module")
def search_box(browser):
    """One desktop-sized page per site, reused for every query of the set."""
    contexts = []

    def open_at(url: str):
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        contexts.append(context)
        page = context.new_page()
        page.goto(url)
        return page
    pages = {}
    yield lambda url: pages.setdefault(url, open_at(url))
    for context in contexts:
        context.close()


@pytest.mark.parametrize(("query", "expected"), BUNDLED, ids=[q for q, _ in BUNDLED])
def test_bundled_exhibition(search_box, bundled_url, query, expected):
    found = first_results(search_box(bundled_url), bundled_url, query)
    assert expected in found[:3], f"{query!r}: expected {expected} in the first three, got {found[:3]}"


@pytest.mark.parametrize(("query", "expected"), HARBOUR, ids=[q for q, _ in HARBOUR])
def test_english_project(search_box, harbour_url, query, expected):
    found = first_results(search_box(harbour_url), harbour_url, query)
    assert expected in found[:3], f"{query!r}: expected {expected} in the first three, got {found[:3]}"


def test_the_set_is_large_enough():
    assert len(BUNDLED) + len(HARBOUR) >= 40
    assert len({q for q, _ in BUNDLED}) == len(BUNDLED)
