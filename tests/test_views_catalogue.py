"""The archive catalogue (/items/) and item pages: Dublin Core metadata, stories, citation,
and the catalogue's sorting and filters working in Chromium."""

from __future__ import annotations

import re

import pytest

from lantai.views import catalogue
from views_support import read_page, resolves, section, tags

HARBOUR_CODES = ["PF-0001", "PT-0001", "PT-0002", "PT-0003", "PT-0004"]


@pytest.mark.parametrize("which", ["bundled", "harbour"])
def test_catalogue_lists_every_item_with_a_working_link(which, bundled_site, harbour_site):
    site = bundled_site if which == "bundled" else harbour_site
    html = read_page(site, "items/")
    rows = [t for t in tags(html, "tr") if "data-lt-row" in t]
    item_pages = sorted(p.parent.name for p in (site / "items").glob("*/index.html"))
    assert len(rows) == len(item_pages) > 0
    table = section(html, '<table class="lt-catalogue"', "</table>")
    for href in [t["href"] for t in tags(table, "a")]:
        assert resolves(site, "items/", href), href
    headers = re.findall(r'data-lt-sort="([a-z]+)"', html)
    assert headers == ["code", "title", "date", "type", "holder", "brand"]
    if which == "harbour":
        assert [r["data-code"] for r in rows] == HARBOUR_CODES


def test_item_page_metadata_with_dublin_core_terms(harbour_site):
    html = read_page(harbour_site, "items/pt-0004/")
    table = section(html, '<table class="lt-metadata"', "</table>")
    rows = re.findall(r'<tr><th scope="row">(.*?)</th><td property="(dcterms:[a-zA-Z]+)">(.*?)</td>', table)
    fields = {label: (term, re.sub(r"<[^>]+>", "", value)) for label, term, value in rows}
    assert fields["Reference code"] == ("dcterms:identifier", "PT-0004")
    assert fields["Title"] == ("dcterms:title", "A page of the harbour master&#39;s ledger")
    assert fields["Date"] == ("dcterms:date", "March 1921")
    assert fields["Creator"] == ("dcterms:creator", "Harbour master")
    assert fields["Holder"] == ("dcterms:provenance", "Port Town Archive")
    assert fields["Rights"][0] == "dcterms:rights"
    assert fields["Collection"] == ("dcterms:isPartOf", "Harbour Trade Records")
    appears = section(html, 'id="lt-appears-h"', "</section>")
    assert "The harbour master&#39;s voice" in appears
    for href in [t["href"] for t in tags(appears, "a")]:
        assert resolves(harbour_site, "items/pt-0004/", href)
    # GB/T 7714—2025: the reference code follows the title, the holder comes before the date.
    assert ("Harbour master. A page of the harbour master&#39;s ledger: PT-0004 [A]. Port Town Archive, "
            "1921-03.") in section(html, "data-lt-citation", "</p>")


def test_chinese_citation_follows_gbt_7714_2025(bundled_site):
    # The bundled exhibition declares its codes to be its own exhibition numbers: no 档号 after
    # the title, the number named for what it is after the entry.
    html = read_page(bundled_site, "items/sy-e01/")
    citation = re.sub(r"<[^>]+>", "", section(html, "data-lt-citation>", "</p>")).removeprefix("data-lt-citation>")
    assert "陈望道（译）" in citation and citation.endswith(
        "《共产党宣言》中文首译本[A]. 绍兴市上虞区档案馆, 1920-08. 展品编号: SY-E01."), citation
    assert "GB/T 7714—2025" in section(html, 'class="lt-cite__note"', "</p>")


def test_no_item_page_calls_an_undeclared_code_a_reference_code(bundled_site):
    # 档号 is the archive's own reference code: printed only where a project declares its codes
    # to be that (code_kind: reference), never for the exhibition's own numbers.
    pages = sorted((bundled_site / "items").glob("*/index.html")) + [bundled_site / "items" / "index.html"]
    assert len(pages) > 2
    for page in pages:
        html = page.read_text(encoding="utf-8")
        # What the software prints: field labels, column heads, citations (editors' prose may
        # well explain that a number is not a 档号).
        printed = re.findall(r"<th[^>]*>(.*?)</th>", html) + re.findall(r'<button type="button" class="lt-sort"[^>]*>(.*?)</button>', html)
        printed += re.findall(r"data-lt-citation>(.*?)</p>", html)
        assert printed, page
        assert not [text for text in printed if "档号" in text], f"{page.relative_to(bundled_site)} prints 档号 for an exhibition number"
    item = read_page(bundled_site, "items/sy-e01/")
    assert '<th scope="row">展品编号</th><td property="dcterms:identifier">SY-E01</td>' in item


def test_code_kind_names_the_code_and_holder_is_never_guessed():
    from lantai.model import Category, Item, Project, Settings
    from pathlib import Path
    settings = Settings("展", "zh", categories=[Category("memory", "赓续记忆")])
    project = Project(Path("."), Path("."), settings)
    item = Item(code="X-1", title="某件", brand_id="b", date="1950")
    assert settings.code_kind == "identifier"  # undeclared: a neutral 编号
    assert catalogue.citation(project, item) == "某件[A]. 1950. 编号: X-1."
    rows = {key: (term, value) for key, term, value, _ in catalogue.metadata(project, item)}
    assert rows["code_identifier"] == ("dcterms:identifier", "X-1")
    assert rows["holder"] == ("", "未记录保管单位")  # said to the visitor, not stated as provenance
    item.code_kind = "reference"  # the archive's own 档号: after the title, unnamed (GB/T 7714—2025, 8.12)
    assert catalogue.citation(project, item) == "某件: X-1[A]. 1950."
    settings.code_kind, item.code_kind = "catalogue", ""
    assert catalogue.citation(project, item).endswith("目录号: X-1.")


def test_citation_of_an_uncertain_date_and_without_creator():
    from lantai.model import Category, Item, Project, Settings
    from pathlib import Path
    project = Project(Path("."), Path("."), Settings("展", "zh", categories=[Category("memory", "赓续记忆")]))
    item = Item(code="X-1", title="某件", brand_id="b", date="1950~", holder="某档案馆", code_kind="reference")
    assert catalogue.citation(project, item) == "某件: X-1[A]. 某档案馆, 约1950年."
    # Cited at its address: an online record, [A/OL], the address last, and no access date
    # (GB/T 7714—2025 asks one only of web pages, data sets and preprints).
    project.settings.site_url = "https://example.org/exhibit/"
    assert catalogue.citation(project, item) == "某件: X-1[A/OL]. 某档案馆, 约1950年. https://example.org/exhibit/items/x-1/."
    item.holder, item.date = None, None  # the holder and the date only where recorded
    assert catalogue.citation(project, item) == "某件: X-1[A/OL]. https://example.org/exhibit/items/x-1/."


@pytest.mark.browser
def test_catalogue_filters_and_sorting_in_chromium(visit, harbour_url):
    page = visit.page
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(harbour_url + "items/")
    rows = page.locator("table.lt-catalogue tbody tr")

    def visible_codes():
        return [row.get_attribute("data-code") for row in rows.all() if row.is_visible()]

    assert visible_codes() == HARBOUR_CODES
    page.select_option(".lt-filters select[name=type]", "letter")
    assert visible_codes() == ["PF-0001"]
    assert "1 shown" in page.locator(".lt-filters__count").inner_text()
    page.select_option(".lt-filters select[name=type]", "")
    page.select_option(".lt-filters select[name=brand]", "harbour-trade")
    assert visible_codes() == ["PT-0001", "PT-0002", "PT-0003", "PT-0004"]
    page.fill(".lt-filters input[name=text]", "ledger")
    assert visible_codes() == ["PT-0001", "PT-0004"]
    page.fill(".lt-filters input[name=text]", "nothing like this")
    assert visible_codes() == [] and page.locator(".lt-no-match").is_visible()
    page.fill(".lt-filters input[name=text]", "")
    page.select_option(".lt-filters select[name=brand]", "")
    page.locator("button[data-lt-sort=date]").click()
    assert visible_codes() == ["PT-0001", "PT-0004", "PF-0001", "PT-0002", "PT-0003"]
    assert page.locator("th[data-lt-sort-key=date]").get_attribute("aria-sort") == "ascending"
    page.locator("button[data-lt-sort=date]").click()
    assert visible_codes() == ["PT-0003", "PT-0002", "PF-0001", "PT-0004", "PT-0001"]
    page.locator("button[data-lt-sort=title]").click()
    assert visible_codes()[0] == "PT-0004"  # "A page of the harbour master's ledger"
    page.get_by_role("link", name="Interview with the harbour master").click()
    page.wait_for_url("**/items/pt-0003/")
    assert visit.errors == [] and visit.outside_requests() == []
