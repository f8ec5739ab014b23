"""The map (/map/): brands and story places over Zhejiang's outline or a plain frame, every
entry a working link, the same brands listed by region, and places on brand and story pages."""

from __future__ import annotations

import re

import pytest

from lantai.views import geo
from views_support import read_page, resolves, section, tags


def test_projection_keeps_north_up_and_east_right():
    project = geo.Projection((120.0, 28.0, 122.0, 30.0), 800)
    west_north = project(120.0, 30.0)
    east_south = project(122.0, 28.0)
    assert west_north == (12, 12)
    assert east_south[0] == pytest.approx(788) and east_south[1] > west_north[1]


def test_points_are_placed_in_zhejiang_cities():
    assert geo.city_of(30.03, 120.87) == "330600"   # 上虞, 绍兴市
    assert geo.city_of(29.99, 122.21) == "330900"   # 舟山本岛
    assert geo.city_of(30.27, 120.16) == "330100"   # 杭州
    assert geo.city_of(22.28, 114.16) is None        # Hong Kong harbour
    assert geo.zhejiang_available()


def test_frame_falls_back_to_the_points_outside_zhejiang():
    inside = [geo.Point(30.03, 120.87, "a", "a/"), geo.Point(28.0, 120.7, "b", "b/")]
    assert geo.frame_for(inside) == (geo.ZHEJIANG_BOUNDS, True)
    outside = [geo.Point(22.28, 114.16, "Port Town", "x/"), geo.Point(22.32, 114.18, "Kowloon", "y/")]
    (west, south, east, north), zhejiang = geo.frame_for(outside)
    assert not zhejiang and west < 114.16 < 114.18 < east and south < 22.28 < 22.32 < north


def _map_links(html: str) -> list[str]:
    part = section(html, '<div class="lt-map">', '<footer')
    return [t["href"] for t in tags(part, "a") if "href" in t]


def test_bundled_map_over_zhejiang(bundled_site):
    html = read_page(bundled_site, "map/")
    svg = section(html, '<svg class="lt-map__svg"', "</svg>")
    assert 'class="lt-map__land"' in svg and 'class="lt-map__boundary"' in svg
    assert "http" not in svg.replace('xmlns="http://www.w3.org/2000/svg"', "")  # nothing from another host
    list_part = section(html, 'id="lt-map-brands-h"', "</section>")
    listed = re.findall(r'<li id="map-([a-z0-9-]+)"', list_part)
    assert len(listed) == 15 and len(set(listed)) == 15
    pins = re.findall(r'<a class="lt-map__pin lt-map__pin--brand" href="([^"]+)"', svg)
    assert len(pins) == 15
    assert sorted(p.strip("./").split("/")[-1] for p in pins) == sorted(listed)
    regions = re.findall(r'<h3 class="lt-map__region">(.*?)</h3>', list_part)
    assert regions[0] == "杭州市" and "绍兴市" in regions and len(regions) == len(set(regions))
    for href in _map_links(html):
        assert resolves(bundled_site, "map/", href), href


def test_harbour_map_is_a_plain_frame_of_its_points(harbour_site):
    html = read_page(harbour_site, "map/")
    svg = section(html, '<svg class="lt-map__svg"', "</svg>")
    assert "lt-map__land" not in svg and "lt-map__graticule" in svg
    assert len(re.findall(r"lt-map__pin--brand", svg)) == 1      # Harbour Families has no location
    assert len(re.findall(r"lt-map__pin--place", svg)) == 3      # Port Town, Signal Hill, Kowloon
    assert "Harbour Families" in section(html, 'id="lt-map-brands-h"', "</section>")
    for href in _map_links(html):
        assert resolves(harbour_site, "map/", href), href


@pytest.mark.parametrize("url, expected", [
    ("harbour-trade/", ["Port Town", "22.28°N, 114.16°E"]),
    ("harbour-trade/harbour-masters-voice/", ["Signal Hill", "22.30°N, 114.17°E", "Port Town"]),
])
def test_brand_and_story_pages_show_their_place(harbour_site, url, expected):
    html = read_page(harbour_site, url)
    block = section(html, 'class="lt-section lt-place"', "</section>")
    for text in expected:
        assert text in block
    assert "<svg" in block
    for href in [t["href"] for t in tags(block, "a")]:
        assert resolves(harbour_site, url, href), href


def test_bundled_brand_page_shows_its_place_in_zhejiang(bundled_site):
    block = section(read_page(bundled_site, "shangyu-red-memory/"), 'class="lt-section lt-place"', "</section>")
    assert "绍兴市上虞区" in block and "30.03°N, 120.87°E" in block and "lt-map__land" in block


@pytest.mark.browser
def test_map_on_a_phone_lists_brands_and_pins_link(visit, bundled_url):
    page = visit.page
    page.goto(bundled_url + "map/")
    assert page.get_by_role("heading", name="按地区排列的档案品牌").is_visible()
    page.locator("#map-shangyu-red-memory a").click()
    page.wait_for_url("**/shangyu-red-memory/")
    page.go_back()
    number = page.locator("#map-shangyu-red-memory .lt-map__number").inner_text()
    pin = page.locator(f'.lt-map__pin--brand[aria-label="{number} 上虞红色记忆"]')
    assert pin.locator("text").text_content() == number   # the name holds the visible number
    pin.click()
    page.wait_for_url("**/shangyu-red-memory/")
    assert visit.errors == [] and visit.outside_requests() == []


def test_a_project_without_locations_gets_the_list_and_no_map():
    from lantai.checking import load_project
    from lantai.reading.settings import make_settings
    from lantai.views.map import map_context
    from conftest import PROJECTS
    project, _ = load_project(PROJECTS / "minimal", make_settings("Minimal", "en", {}))
    assert not any(b.location for b in project.brands.values())
    context = map_context(project, lambda url: url)
    assert context["svg"] == "" and context["outline_note"] == ""
    assert sum(len(entries) for _, entries in context["regions"]) == len(project.brands)
