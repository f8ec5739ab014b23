"""Subjects (/tags/), people (/people/) and places (/places/): each entry lists its stories and items."""

from __future__ import annotations

import re

import pytest

from lantai.views.common import term_slug
from views_support import read_page, resolves, section, tags


def entry(html: str, term: str) -> str:
    return section(html, f'<section class="lt-term" id="{term_slug(term)}"', "</section>")


def test_subjects_list_brands_stories_and_items(harbour_site):
    html = read_page(harbour_site, "tags/")
    shipping = entry(html, "shipping")
    assert "Harbour Trade Records" in shipping
    assert "The harbour master&#39;s voice" in shipping and "Letters home" in shipping
    assert "PT-0003" in shipping and "PF-0001" in shipping
    assert "Letters home" not in entry(html, "typhoon")


def test_people_list_their_stories_and_the_items_they_made(harbour_site):
    html = read_page(harbour_site, "people/")
    person = entry(html, "Mei Ling Chan")
    assert "Letters home" in person and "The harbour master&#39;s voice" in person
    assert "PF-0001" in person
    master = entry(html, "Harbour master")
    assert "PT-0004" in master  # its creator


def test_places_with_coordinates_and_the_map(harbour_site):
    html = read_page(harbour_site, "places/")
    port = entry(html, "Port Town")
    assert "22.28°N, 114.16°E" in port
    assert "The typhoon of 1937" in port and "Harbour Families" in port  # the brand's region
    assert f'map/#map-place-{term_slug("Port Town")}' in port


@pytest.mark.parametrize("which", ["bundled", "harbour"])
@pytest.mark.parametrize("url", ["tags/", "people/", "places/"])
def test_every_index_link_resolves(which, url, bundled_site, harbour_site):
    site = bundled_site if which == "bundled" else harbour_site
    html = read_page(site, url)
    body = section(html, '<header class="lt-page-head lt-view-head">', "<footer")
    links = [t["href"] for t in tags(body, "a") if "href" in t]
    assert links
    anchors = set(re.findall(r'id="([^"]+)"', html))
    for href in links:
        if href.startswith("#"):
            assert href[1:] in anchors, href
        else:
            assert resolves(site, url, href), href


def test_chinese_terms_get_stable_anchors(bundled_site):
    html = read_page(bundled_site, "tags/")
    assert f'id="{term_slug("红色档案")}"' in html and "红色档案" in html
    assert term_slug("红色档案") == "t-7ea2-8272-6863-6848"
