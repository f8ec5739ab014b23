"""Bilingual exhibitions: translations read and checked like their originals, the pages of
the other language below /en/, the switcher between them, the untranslated-story rule,
a search index per language, and in Chromium a visitor who switches language on a story
page and lands on the same story.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

import pytest

from lantai.checking import load_project
from lantai.drafts import published
from lantai.pages import plan
from lantai.reading.settings import make_settings
from lantai.translations import edition
from test_validation import BRAND, CATEGORIES, write

STORY = """\
---
title: 台风
summary: 账簿里的台风。
date: "1937-09"
people: [陈望道]
sources:
  - title: 港务档案
---

正文。
"""
STORY_EN = """\
---
title: The typhoon
summary: The typhoon in the ledgers.
---

The text.
"""


def load(root, files: dict[str, str], translations=("en",), language="zh"):
    base = {"brands/trade.yml": BRAND, "content/trade/typhoon.md": STORY}
    (root / "brands").mkdir(parents=True, exist_ok=True)
    (root / "content").mkdir(exist_ok=True)
    write(root, {**base, **files})
    settings = make_settings("测试", language, {"categories": CATEGORIES, "translations": list(translations)})
    return load_project(root, settings)


def report(problems) -> list[str]:
    return [p.format("en") for p in sorted(problems)]


# -- reading ---------------------------------------------------------------------------

def test_a_translation_gives_its_fields_and_the_original_the_rest(tmp_path):
    project, problems = load(tmp_path, {"content/trade/typhoon.en.md": STORY_EN,
                                        "brands/trade.yml": BRAND + "name_en: Harbour Trade in English\n"})
    assert problems == []
    assert list(project.stories) == ["trade/typhoon"]          # a translation is no story of its own
    english = edition(project, "en")
    story = english.stories["trade/typhoon"]
    assert (story.title, story.summary, story.body.strip()) == ("The typhoon", "The typhoon in the ledgers.", "The text.")
    assert (story.date, story.people, [s.title for s in story.sources]) == ("1937-09", ["陈望道"], ["港务档案"])
    assert story.language == "en" and story.path == "content/trade/typhoon.en.md"
    assert english.brands["trade"].name == "Harbour Trade in English"
    assert english.brands["trade"].summary == "Ledgers of the port."     # not translated: the original's
    assert english.settings.language == "en" and english.settings.categories[0].name == "Trade"
    assert project.stories["trade/typhoon"].title == "台风"               # the original is untouched


def test_an_untranslated_story_keeps_its_own_language(tmp_path):
    project, problems = load(tmp_path, {})
    assert problems == []
    story = edition(project, "en").stories["trade/typhoon"]
    assert (story.title, story.language) == ("台风", "zh")


def test_every_mistake_in_a_translation_names_file_line_and_field(tmp_path):
    project, problems = load(tmp_path, {
        "content/trade/typhoon.en.md": '---\ntitle: The typhoon\ndate: "the autumn of 1937"\n'
                                       'items:\n  - code: X-1\n    title: A\n---\nText.\n',
        "content/trade/ghost.en.md": "---\ntitle: Nobody's\n---\n",
        "content/trade/typhoon.fr.md": "---\ntitle: Le typhon\n---\n",
        "content/about.en.md": "---\ntitle: [not, text]\n---\n",
    })
    found = [(p.path, p.line, p.field, p.key) for p in sorted(problems)]
    assert any(f[:3] == ("content/trade/typhoon.en.md", 3, "date") for f in found), found
    assert ("content/trade/typhoon.en.md", 4, "items", "translation-original-only") in found
    assert not any(f[3] == "unknown-field" for f in found)
    assert ("content/trade/ghost.en.md", 0, "", "translation-without-original") in found
    assert ("content/trade/typhoon.fr.md", 0, "", "translation-undeclared") in found
    assert ("content/about.en.md", 0, "", "translation-without-original") in found
    assert any(f[:3] == ("content/about.en.md", 2, "title") for f in found), found
    lines = report(problems)
    assert any("content/trade/typhoon.fr.md" in line and "'fr'" in line and "translations" in line for line in lines)


@pytest.mark.parametrize("declared", [["fr"], ["zh"], ["en", "en"]])
def test_a_language_the_site_cannot_publish_is_refused(tmp_path, declared):
    _, problems = load(tmp_path, {}, translations=declared)
    assert [(p.path, p.field, p.key) for p in problems] == [("mkdocs.yml", "translations", "translation-language")]


def test_settings_take_a_list_or_the_site_words_per_language():
    listed = make_settings("测试", "zh", {"translations": ["en"]})
    worded = make_settings("测试", "zh", {"translations": {"en": {"site_name": "Test", "subtitle": "Sub"}}})
    assert [(t.language, t.site_name) for t in listed.translations] == [("en", "")]
    assert [(t.language, t.site_name, t.subtitle) for t in worded.translations] == [("en", "Test", "Sub")]


# -- pages -----------------------------------------------------------------------------

def test_the_english_pages_mirror_the_primary_addresses(tmp_path):
    project, _ = load(tmp_path, {"content/trade/typhoon.en.md": STORY_EN, "content/about.md": "# 关于\n"})
    pages = plan(published(project))
    english = {page.url: page for page in pages if page.language == "en"}
    assert set(english) == {"en/", "en/categories/trade/", "en/categories/people/", "en/trade/",
                            "en/trade/typhoon/", "en/about/", "en/search/", "en/timeline/", "en/map/",
                            "en/items/", "en/tags/", "en/people/", "en/places/"}
    assert {page.url for page in pages if not page.language} == {url[len("en/"):] for url in english}
    assert {page.file for page in english.values()} >= {"en/trade/typhoon.md", "en/index.md"}
    story = english["en/trade/typhoon/"]
    assert [(a.language, a.url, a.same, a.translated) for a in story.languages] == [("zh", "trade/typhoon/", True, True)]
    primary = {page.url: page for page in pages if not page.language}
    assert [(a.language, a.url, a.translated) for a in primary["trade/typhoon/"].languages] == [
        ("en", "en/trade/typhoon/", True)]
    # The views are in both languages: their switcher leads to the same view.
    assert [(a.url, a.same) for a in primary["timeline/"].languages] == [("en/timeline/", True)]
    assert [(a.url, a.same) for a in english["en/people/"].languages] == [("people/", True)]
    # The untranslated free page is there, in its own language, and out of the English index.
    about = english["en/about/"]
    assert about.record.language == "zh" and about.search is None
    assert not any(a.translated for a in primary["about/"].languages)


def test_one_language_means_no_switcher(tmp_path):
    project, _ = load(tmp_path, {}, translations=())
    assert all(not page.languages and not page.language for page in plan(project))


# -- the bundled exhibition, built -----------------------------------------------------

STORY_PATH = "shangyu-red-memory/manifesto-first-translation/"
UNTRANSLATED = "shangyu-red-memory/red-education-bases/"


def read(site, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def switcher(html: str) -> list[str]:
    found = re.search(r'<nav class="lt-languages"[^>]*>(.*?)</nav>', html, re.S)
    assert found, "no language switcher"
    return re.findall(r"<a [^>]*>[^<]*</a>", found.group(1))


def test_an_english_story_page(bundled_site):
    html = read(bundled_site, "en/" + STORY_PATH)
    assert '<html lang="en"' in html
    assert "<h1>The archive&#39;s greatest treasure" in html
    assert "August 1920" in html                      # dates in English (lantai/dates.py)
    assert "lt-untranslated" not in html
    assert switcher(html) == ['<a class="lt-languages__link" href="../../../' + STORY_PATH
                              + '" rel="alternate" hreflang="zh" lang="zh">中文</a>']
    original = read(bundled_site, STORY_PATH)
    assert '<html lang="zh"' in original and "1920年8月" in original
    assert switcher(original) == ['<a class="lt-languages__link" href="../../en/' + STORY_PATH
                                  + '" rel="alternate" hreflang="en" lang="en">English</a>']
    # Links to pages the English site has stay in it: the brand, the items (their English pages).
    assert 'href="../../../en/shangyu-red-memory/"' in html and 'href="../../../en/items/sy-e01/"' in html
    assert 'href="../../../items/sy-e01/"' not in html


def test_an_untranslated_story_is_shown_in_its_own_language_with_a_note(bundled_site):
    html = read(bundled_site, "en/" + UNTRANSLATED)
    assert '<html lang="en"' in html
    assert '<p class="lt-untranslated" role="note">This story has not been translated into English yet' in html
    assert re.search(r'<h1 lang="zh">[^<]*红色教育基地', html)
    assert '<div lang="zh">' in html
    assert "data-pagefind-body" not in html          # the English index holds English text
    assert 'data-pagefind-body' in read(bundled_site, UNTRANSLATED)


VIEWS = ("timeline/", "map/", "items/", "tags/", "people/", "places/", "search/")


@pytest.mark.parametrize("view", VIEWS)
def test_every_view_is_in_english_and_switches_to_the_same_view(bundled_site, view):
    html = read(bundled_site, "en/" + view)
    assert '<html lang="en"' in html
    depth = "../" * (view.count("/") + 1)
    assert switcher(html) == [f'<a class="lt-languages__link" href="{depth}{view}" rel="alternate" '
                              'hreflang="zh" lang="zh">中文</a>']
    assert switcher(read(bundled_site, view)) == [f'<a class="lt-languages__link" href="{"../" * view.count("/")}'
                                                  f'en/{view}" rel="alternate" hreflang="en" lang="en">English</a>']
    article = _article(html)
    assert not re.search(r">(首页|时间线|档案目录|主题|人物|地点|搜索)<", article), view


def _article(html: str) -> str:
    """The page's article, without the frame around it (cards are articles of their own)."""
    start = re.search(r'<article [^>]*class="md-content__inner', html).start()
    return html[start:html.rindex("</article>")]


def test_the_english_timeline(bundled_site):
    article = _article(read(bundled_site, "en/timeline/"))
    assert "<h1>Timeline</h1>" in article and "August 1920" in article and "1920年" not in article
    # A translated story by its English title, in the English site; its brand by name_en.
    assert ('<a href="../../en/shangyu-red-memory/manifesto-first-translation/">The archive&#39;s greatest '
            'treasure') in article
    assert "Shangyu Red Memory ·" in article
    # A story not yet translated: its original title, marked as Chinese, leading to its English page.
    assert re.search(r'<a href="../../en/tongxiang-notables/notables-archives/" lang="zh">以名人档案为突破口</a>',
                     article)
    # A brand without name_en: its name marked as Chinese.
    assert '<span lang="zh">桐乡名人珍档</span>' in article
    # The filters in English: the categories' English names.
    assert '<option value="memory">Continuing memory</option>' in article


def test_the_english_catalogue_and_item_pages(bundled_site):
    article = _article(read(bundled_site, "en/items/"))
    assert ('<a href="../../en/items/sy-e01/">The first Chinese translation of The Communist Manifesto</a>'
            in article)
    untitled = re.findall(r'<a href="../../en/items/[^"]+/" lang="zh">', article)
    assert untitled                                    # items without title_en: as written, marked
    item = read(bundled_site, "en/items/sy-e01/")
    assert '<html lang="en"' in item and "<h1>The first Chinese translation of The Communist Manifesto" in item
    assert "Seal of Hualin" in item and "华林之印" not in _article(item)      # description_en
    assert "August 1920" in item
    assert switcher(item) == ['<a class="lt-languages__link" href="../../../items/sy-e01/" rel="alternate" '
                              'hreflang="zh" lang="zh">中文</a>']
    original = read(bundled_site, "items/sy-e01/")
    assert "<h1>《共产党宣言》中文首译本" in original and "Seal of Hualin" not in original
    # An item without title_en: its page in English words, its title and description marked as Chinese,
    # out of the English search index.
    other = read(bundled_site, "en/items/dc-e01/")
    assert '<h1 lang="zh">王宗楣捐赠的大陈岛垦荒资料</h1>' in other and '<div lang="zh">' in other
    assert ">Title</th>" in other or ">Date</th>" in other
    assert "data-pagefind-body" not in other and "data-pagefind-body" in read(bundled_site, "items/dc-e01/")


def test_the_english_indexes(bundled_site):
    people = _article(read(bundled_site, "en/people/"))
    assert "<h1>People</h1>" in people
    assert '>Story</span> <a href="../../en/shangyu-red-memory/manifesto-first-translation/">The archive' in people
    assert re.search(r'>Story</span> <a href="../../en/[^"]+" lang="zh">', people)
    tags = _article(read(bundled_site, "en/tags/"))
    assert "<h1>Subjects</h1>" in tags
    category = _article(read(bundled_site, "en/categories/memory/"))
    assert 'class="lt-card__title" lang="zh">' in category   # a brand without name_en
    assert '<h2 class="lt-card__title">Shangyu Red Memory</h2>' in category


def test_english_views_come_in_pages_like_the_originals(tmp_path):
    from conftest import build_site
    stories = {f"content/trade/s{n}.md": STORY.replace("台风", f"台风{n}").replace("1937-09", f"19{10 + n}")
               for n in range(6)}
    write(tmp_path, {
        "mkdocs.yml": "site_name: 测试\ntheme:\n  name: material\n  language: zh\nplugins:\n  - lantai:\n"
                      "      page_size: 2\n      translations: [en]\n"
                      "      categories: [{id: trade, name: 贸易}]\n",
        "brands/trade.yml": BRAND.replace("category: trade", "category: trade"), **stories,
        "content/trade/s1.en.md": STORY_EN,
    })
    site = build_site(tmp_path / "mkdocs.yml", tmp_path / "site")
    for view in ("timeline/", "people/"):
        first = read(site, view + "page/2/") if (site / view / "page/2").is_dir() else None
        assert first is not None, f"{view} has no second page"
        english = read(site, "en/" + view + "page/2/")
        assert '<html lang="en"' in english and "Page 2" in english
        assert switcher(english) == [f'<a class="lt-languages__link" href="../../../../{view}page/2/" '
                                     'rel="alternate" hreflang="zh" lang="zh">中文</a>']
    assert "The typhoon" in read(site, "en/timeline/") + read(site, "en/timeline/page/2/") + read(site, "en/timeline/page/3/")


def tabs(html: str) -> list[tuple[str, str, bool]]:
    """The navigation tabs: (name, link, active)."""
    return [(name.strip(), href, "--active" in classes) for classes, href, name in re.findall(
        r'<li class="md-tabs__item([^"]*)">\s*<a href="([^"]*)" class="md-tabs__link">\s*([^<]*?)\s*</a>', html)]


def test_the_frame_of_an_english_page_is_in_english(bundled_site):
    html = read(bundled_site, "en/timeline/")
    assert tabs(html) == [("Home", "../", False), ("Categories", "../categories/governance/", False),
                          ("Timeline", "./", True), ("Map", "../map/", False), ("Archive catalogue", "../items/", False),
                          ("Subjects", "../tags/", False), ("About the exhibition", "../about/", False)]
    assert [name for name, _, _ in tabs(read(bundled_site, "timeline/"))] == [
        "首页", "展区", "时间线", "地图", "档案目录", "主题", "关于本展"]
    # The drawer's sections, the previous and next pages of the footer: the English pages.
    assert '<a href="../categories/memory/" class="md-nav__link">' in html
    assert re.search(r'href="../categories/memory/" class="md-footer__link md-footer__link--prev"[^>]*aria-label="Previous: Continuing memory"', html)
    # The search box searches the English pages, in English words.
    assert 'action="../../en/search/"' in html and 'placeholder="Search"' in html
    assert '"all": "See all results"' in html
    # The colour schemes' toggles and the footer in English; the description not translated is marked.
    assert 'title="Switch to dark mode"' in html and "切换" not in html
    assert '<p class="lt-colophon__name">Zhejiang Archives Treasures' in html
    assert '<p class="lt-colophon__about" lang="zh">首批' in html
    assert "Made with Lantai and" in html and "由 兰台" not in html
    # The seal is the exhibition's in every language.
    assert re.search(r'font-family="[^"]*">浙</text>', html)
    # Nothing Chinese outside what is marked as Chinese, in the whole frame.
    frame = re.sub(r'<(\w+)[^>]*\blang="zh[^"]*"[^>]*>.*?</\1>', "", html[:html.index("<article")], flags=re.S)
    frame = re.sub(r"<svg.*?</svg>|<title>.*?</title>", "", frame, flags=re.S)
    assert not re.findall(r"[\u4e00-\u9fff]+", frame)


def test_json_ld_of_english_pages(bundled_site):
    def data(path: str) -> dict:
        found = re.search(r'<script type="application/ld\+json">(.*?)</script>', read(bundled_site, path), re.S)
        return json.loads(found.group(1))
    story = data("en/" + STORY_PATH)
    assert story["@id"] == f"/en/{STORY_PATH}#story" and story["inLanguage"] == "en"
    assert story["translationOfWork"] == {"@id": f"/{STORY_PATH}#story"}
    assert story["isPartOf"] == {"@type": "Collection", "name": "Shangyu Red Memory", "url": "/en/shangyu-red-memory/"}
    assert story["publisher"]["name"].startswith("Zhejiang Archives Treasures")
    untranslated = data("en/" + UNTRANSLATED)
    assert untranslated["inLanguage"] == "zh" and "translationOfWork" not in untranslated
    item = data("en/items/sy-e01/")
    assert (item["name"], item["inLanguage"], item["url"]) == (
        "The first Chinese translation of The Communist Manifesto", "en", "/en/items/sy-e01/")
    assert data("items/sy-e01/")["name"] == "《共产党宣言》中文首译本"


def test_a_navigation_written_in_mkdocs_yml_leads_to_the_english_pages(tmp_path):
    from conftest import build_site
    write(tmp_path, {
        "mkdocs.yml": "site_name: 港口\nsite_description: 港口档案\ntheme:\n  name: material\n  language: zh\n"
                      "nav:\n  - 首页: index.md\n  - 看展:\n      - 时间线: timeline.md\n      - 关于: about.md\n"
                      "  - 外链: https://example.org/\n"
                      "plugins:\n  - lantai:\n      translations:\n        en: {site_name: Harbour, "
                      "site_description: 'The port <b>archive</b>'}\n      categories: [{id: trade, name: 贸易}]\n",
        "brands/trade.yml": BRAND, "content/trade/typhoon.md": STORY, "content/trade/typhoon.en.md": STORY_EN,
        "content/about.md": "---\ntitle: 关于\n---\n\n关于。\n", "content/about.en.md": "---\ntitle: About us\n---\n\nAbout.\n",
    })
    site = build_site(tmp_path / "mkdocs.yml", tmp_path / "site")
    html = read(site, "en/about/")
    # Each page the English site has, by its English title; sections and outside links as written.
    assert tabs(html) == [("Harbour", "../", False), ("看展", "../timeline/", True), ("外链", "https://example.org/", False)]
    assert re.search(r'<a href="./" class="md-nav__link md-nav__link--active">\s*<span class="md-ellipsis">\s*About us', html)
    assert '<p class="lt-colophon__about">The port &lt;b&gt;archive&lt;/b&gt;</p>' in html
    assert [name for name, _, _ in tabs(read(site, "about/"))][:2] == ["首页", "看展"]


def test_english_home_and_about(bundled_site):
    home = read(bundled_site, "en/")
    assert '<html lang="en"' in home and "Zhejiang Archives Treasures" in home
    about = read(bundled_site, "en/about/")
    assert "What are the" in about and "lt-untranslated" not in about


def test_search_keeps_to_the_visitors_language(bundled_site):
    entry = json.loads((bundled_site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    # Pagefind keeps its languages in a hash map; the build writes them sorted (reproducible).
    assert list(entry["languages"]) == ["en", "zh"]
    english = sum(1 for page in bundled_site.joinpath("en").rglob("index.html")
                  if "data-pagefind-body" in page.read_text(encoding="utf-8"))
    assert entry["languages"]["en"]["page_count"] == english > 0


def test_sitemap_names_the_versions_of_a_translated_page(subpath_sites):
    from conftest import PAGES_SITE_URL
    root = ET.parse(subpath_sites["bundled"] / "sitemap.xml").getroot()
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    links = {url.find("s:loc", ns).text: {(link.get("hreflang"), link.get("href"))
                                          for link in url.findall("x:link", ns)}
             for url in root.findall("s:url", ns)}
    both = {("zh", PAGES_SITE_URL + STORY_PATH), ("en", PAGES_SITE_URL + "en/" + STORY_PATH)}
    assert links[PAGES_SITE_URL + STORY_PATH] == both == links[PAGES_SITE_URL + "en/" + STORY_PATH]
    assert links[PAGES_SITE_URL + UNTRANSLATED] == set()    # its English page is not written in English


# -- in Chromium -----------------------------------------------------------------------

@pytest.mark.browser
def test_switching_language_on_a_story_lands_on_the_same_story(visit, bundled_url):
    page = visit.page
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(bundled_url + STORY_PATH)
    assert page.evaluate("document.documentElement.lang") == "zh"
    page.get_by_role("navigation", name="语言").get_by_role("link", name="English").click()
    page.wait_for_url(bundled_url + "en/" + STORY_PATH)
    assert page.evaluate("document.documentElement.lang") == "en"
    assert page.locator("h1").first.inner_text().startswith("The archive's greatest treasure")
    page.get_by_role("navigation", name="Languages").get_by_role("link", name="中文").click()
    page.wait_for_url(bundled_url + STORY_PATH)
    assert page.locator("h1").first.inner_text().startswith("镇馆之宝")
    # On a phone the switcher is still there and does the same.
    page.set_viewport_size({"width": 390, "height": 844})
    page.get_by_role("navigation", name="语言").get_by_role("link", name="English").click()
    page.wait_for_url(bundled_url + "en/" + STORY_PATH)
    assert visit.outside_requests() == [] and visit.errors == []


@pytest.mark.browser
def test_english_search_finds_english_pages_only(visit, bundled_url):
    from test_gates_pages import header_search
    page = visit.page
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(bundled_url + "en/" + STORY_PATH)
    results = header_search(page, "reclamation")
    links = results.locator("a.lt-result__link")
    links.first.wait_for(timeout=15000)
    hrefs = links.evaluate_all("links => links.map(a => a.href)")
    assert hrefs and all(href.startswith(bundled_url + "en/") for href in hrefs), hrefs
    assert any("dachen-island-reclamation/reclamation-years" in href for href in hrefs)


def test_a_hostile_name_in_another_language_stays_text(tmp_path):
    from conftest import build_site
    hostile = '<img src=x onerror="alert(1)">'
    write(tmp_path, {
        "mkdocs.yml": "site_name: Town\ntheme:\n  name: material\n  language: en\nplugins:\n  - lantai:\n      translations:\n"
                      f"        zh: {{site_name: '{hostile}', subtitle: '{hostile}'}}\n",
        "brands/town.yml": "name: Town\narchives: [Town Archive]\nregion: Town\ncategory: memory\n"
                           f"summary: The town.\nname_zh: '{hostile}'\n",
        "content/town/mill.md": "---\ntitle: The mill\nsummary: A mill.\n---\n\nText.\n",
        "content/town/mill.zh.md": f"---\ntitle: '{hostile}'\n---\n\n{hostile}\n",
    })
    site = build_site(tmp_path / "mkdocs.yml", tmp_path / "site")
    for path in ("zh/", "zh/town/", "zh/town/mill/", "town/mill/"):
        html = read(site, path)
        assert "<img src=x" not in html, path
        assert '<html lang="' + ("zh" if path.startswith("zh/") else "en") + '"' in html
    assert "&lt;img src=x" in read(site, "zh/town/mill/")


# -- hreflang in the head ----------------------------------------------------------------

def test_the_head_names_the_versions_of_a_translated_page(subpath_sites):
    from conftest import PAGES_SITE_URL
    site = subpath_sites["bundled"]

    def hreflang(path: str) -> list[tuple[str, str, str]]:
        head = read(site, path).split("</head>")[0]
        return re.findall(r'<link rel="([^"]*)" hreflang="([^"]*)" href="([^"]*)">', head)
    both = [("alternate ", "en", PAGES_SITE_URL + "en/" + STORY_PATH), ("alternate ", "zh", PAGES_SITE_URL + STORY_PATH)]
    assert hreflang("en/" + STORY_PATH) == both
    assert sorted(hreflang(STORY_PATH), key=lambda link: link[1]) == both
    assert hreflang("en/timeline/") == [("alternate ", "en", PAGES_SITE_URL + "en/timeline/"),
                                        ("alternate ", "zh", PAGES_SITE_URL + "timeline/")]
    assert hreflang(UNTRANSLATED) == hreflang("en/" + UNTRANSLATED) == []     # not written in English


def test_no_hreflang_without_a_site_address(bundled_site):
    assert 'hreflang="en" href=' not in read(bundled_site, STORY_PATH).split("</head>")[0]


@pytest.mark.browser
def test_material_leaves_the_hreflang_links_alone(visit, subpath_urls):
    """Material's script reroutes clicks below every `link[rel=alternate]` and fetches a
    sitemap.xml beside it; the head's hreflang links are for search engines only."""
    from conftest import PAGES_SITE_URL
    page = visit.page
    base = subpath_urls["bundled"]
    page.goto(base + "en/" + STORY_PATH, wait_until="load")
    page.wait_for_load_state("networkidle")
    found = page.evaluate("""() => [...document.querySelectorAll('link[hreflang]')]
        .map(l => [l.relList.contains('alternate'), l.hreflang, l.href])""")
    assert found == [[True, "en", PAGES_SITE_URL + "en/" + STORY_PATH], [True, "zh", PAGES_SITE_URL + STORY_PATH]]
    assert page.evaluate("document.querySelectorAll('link[rel=alternate]').length") == 0
    page.set_viewport_size({"width": 1280, "height": 900})
    page.get_by_role("navigation", name="Languages").get_by_role("link", name="中文").click()
    page.wait_for_url(base + STORY_PATH)
    page.get_by_role("link", name="时间线").first.click()
    page.wait_for_url(base + "timeline/")
    page.wait_for_load_state("networkidle")
    assert not [url for url in visit.requests if url.endswith("sitemap.xml")]
    assert visit.outside_requests() == [] and visit.errors == []


@pytest.mark.browser
def test_switching_language_on_a_view_lands_on_the_same_view(visit, bundled_url):
    page = visit.page
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(bundled_url + "timeline/")
    page.get_by_role("navigation", name="语言").get_by_role("link", name="English").click()
    page.wait_for_url(bundled_url + "en/timeline/")
    assert page.evaluate("document.documentElement.lang") == "en"
    assert page.locator("h1").first.inner_text() == "Timeline"
    # From the English timeline, its tabs lead to the English index; its switcher back to the original.
    page.get_by_role("link", name="Subjects").first.click()
    page.wait_for_url(bundled_url + "en/tags/")
    page.get_by_role("link", name="People").first.click()
    page.wait_for_url(bundled_url + "en/people/")
    page.get_by_role("navigation", name="Languages").get_by_role("link", name="中文").click()
    page.wait_for_url(bundled_url + "people/")
    assert page.locator("h1").first.inner_text() == "人物索引"
    assert visit.outside_requests() == [] and visit.errors == []
