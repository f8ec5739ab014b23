"""The timeline (/timeline/ and /data/timeline.json): order, EDTF uncertainty marks, links, filters."""

from __future__ import annotations

import json
import re

import pytest

from lantai.checking import load_project
from lantai.reading.settings import make_settings
from lantai.views import timeline
from views_support import has_class, read_page, resolves, tags

from conftest import PROJECTS

HARBOUR_ORDER = [
    "Letters home",                          # 192X: the 1920s, from 1920-01-01
    "Harbour master's ledger",               # 1921
    "A page of the harbour master's ledger",  # 1921-03
    "Letter from Mei Ling Chan to her brother",  # 1928-05-14
    "The typhoon of 1937",                   # 1937-09
    "Damage report after the typhoon",       # 1937-09~ (item after story on the same day)
    "The new pier opens",                    # 1950~ (ends 1950-12-31)
    "The harbour master's voice",            # 1950/1955 (ends later)
    "The harbour is dredged",                # 1951-06/1952-03
    "The ledgers move to the archive",       # 1953?
    "Interview with the harbour master",     # 1955?
]


def harbour_project():
    settings = make_settings("Harbour Memories", "en", {"categories": [{"id": "trade", "name": "Trade"},
                                                                        {"id": "people", "name": "People"}]})
    project, problems = load_project(PROJECTS / "harbour", settings)
    assert [p for p in problems if p.severity == "error"] == []
    return project


def test_bounds_and_qualifiers_of_edtf_dates():
    assert timeline.bounds("1937-09~") == ((1937, 9, 1), (1937, 9, 30))
    assert timeline.bounds("195X") == ((1950, 1, 1), (1959, 12, 31))
    assert timeline.bounds("1951-06/1952-03") == ((1951, 6, 1), (1952, 3, 31))
    assert timeline.bounds("1920/..") == ((1920, 1, 1), (1920, 12, 31))
    assert timeline.bounds("not a date") is None
    assert timeline.qualifiers("1920~") == (True, False, False)
    assert timeline.qualifiers("1920?") == (False, True, False)
    assert timeline.qualifiers("%1921-03") == (True, True, False)
    assert timeline.qualifiers("1956/1960") == (False, False, True)


def test_entries_in_order_grouped_by_decade():
    found = timeline.entries(harbour_project())
    assert [e.title for e in found] == HARBOUR_ORDER
    assert [decade for decade, _ in timeline.periods(found)] == [1920, 1930, 1950]
    kinds = {e.title: e.kind for e in found}
    assert kinds["The new pier opens"] == "event" and kinds["Letters home"] == "story" and kinds["Harbour master's ledger"] == "item"


def test_timeline_page_shows_order_and_uncertainty(harbour_site):
    html = read_page(harbour_site, "timeline/")
    entries = tags(html, "li")
    entries = [e for e in entries if has_class(e, "lt-tl-entry")]
    starts = [e["data-start"] for e in entries]
    assert starts == sorted(starts) and len(entries) == len(HARBOUR_ORDER)
    titles = re.findall(r'<p class="lt-tl-entry__title">.*?<a href="[^"]*">(.*?)</a>', html)
    assert [t.replace("&#39;", "'") for t in titles] == HARBOUR_ORDER
    assert re.findall(r'<h2 class="lt-period__title"[^>]*>(.*?)</h2>', html) == ["1920s", "1930s", "1950s"]

    def entry_html(edtf: str) -> str:
        start = html.index(f'data-edtf="{edtf}"')
        return html[start:html.index("</li>", start)]
    approximate = entry_html("1950~")
    assert "c. 1950" in approximate and re.search(r'lt-tl-mark--approximate"[^>]*>c\.</abbr>', approximate)
    uncertain = entry_html("1953?")
    assert re.search(r'lt-tl-mark--uncertain"[^>]*>\?</abbr>', uncertain)
    assert "lt-tl-mark--approximate" not in uncertain
    span = entry_html("1950/1955")
    assert "1950–1955" in span and "lt-tl-range__bar" in span
    decade = entry_html("192X")
    assert "1920s" in decade and "lt-tl-range__bar" in decade
    plain = entry_html("1921")
    assert "lt-tl-mark" not in plain
    for link in re.findall(r'<p class="lt-tl-entry__title">.*?<a href="([^"]*)"', html):
        assert resolves(harbour_site, "timeline/", link), link


def test_chinese_timeline_marks_approximate_dates_with_yue(bundled_site):
    html = read_page(bundled_site, "timeline/")
    entries = [e for e in tags(html, "li") if has_class(e, "lt-tl-entry")]
    assert entries, "the bundled exhibition has dated stories"
    starts = [e["data-start"] for e in entries]
    assert starts == sorted(starts)
    for edtf in {e["data-edtf"] for e in entries if "~" in e["data-edtf"]}:
        start = html.index(f'data-edtf="{edtf}"')
        assert re.search(r'lt-tl-mark--approximate"[^>]*>约</abbr>', html[start:html.index("</li>", start)])
    assert re.findall(r'<h2 class="lt-period__title"[^>]*>(\d+)年代</h2>', html)
    for link in re.findall(r'<p class="lt-tl-entry__title">.*?<a href="([^"]*)"', html):
        assert resolves(bundled_site, "timeline/", link), link


@pytest.mark.parametrize("which", ["bundled", "harbour"])
def test_timelinejs_json(which, bundled_site, harbour_site):
    site = bundled_site if which == "bundled" else harbour_site
    data = json.loads((site / "data" / "timeline.json").read_text(encoding="utf-8"))
    page = read_page(site, "timeline/")
    assert len(data["events"]) == page.count('class="lt-tl-entry ')
    assert data["title"]["text"]["headline"]
    for event in data["events"]:
        assert isinstance(event["start_date"]["year"], int)
        assert event["text"]["headline"] and event["unique_id"]
        assert resolves(site, "", event["url"].lstrip("/")), event["url"]
    ids = [e["unique_id"] for e in data["events"]]
    assert len(ids) == len(set(ids))
    if which == "harbour":
        dredged = next(e for e in data["events"] if e["lantai"]["edtf"] == "1951-06/1952-03")
        assert dredged["start_date"]["year"] == 1951 and dredged["start_date"]["month"] == 6
        assert dredged["end_date"]["year"] == 1952 and dredged["end_date"]["month"] == 3
        pier = next(e for e in data["events"] if e["lantai"]["edtf"] == "1950~")
        assert pier["lantai"]["approximate"] and pier["display_date"] == "c. 1950"


@pytest.mark.browser
def test_timeline_filters_by_brand_and_category(visit, harbour_url):
    page = visit.page
    page.goto(harbour_url + "timeline/")
    entries = page.locator(".lt-tl-entry")
    assert entries.count() == len(HARBOUR_ORDER)
    page.select_option(".lt-filters select[name=brand]", "harbour-families")
    visible = page.locator(".lt-tl-entry:visible")
    assert visible.count() == 2
    assert set(visible.locator(".lt-tl-entry__title a").all_inner_texts()) == {
        "Letters home", "Letter from Mei Ling Chan to her brother"}
    assert page.locator(".lt-period:visible").count() == 1  # only the 1920s hold that brand's entries
    assert "2" in page.locator(".lt-filters__count").inner_text()
    page.select_option(".lt-filters select[name=brand]", "")
    page.select_option(".lt-filters select[name=category]", "trade")
    assert page.locator(".lt-tl-entry:visible").count() == len(HARBOUR_ORDER) - 2
    page.select_option(".lt-filters select[name=brand]", "harbour-families")
    assert page.locator(".lt-tl-entry:visible").count() == 0
    assert page.locator(".lt-no-match").is_visible()
    assert visit.errors == [] and visit.outside_requests() == []
