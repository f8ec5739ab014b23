"""Sharing and discovery: the published site names its address (canonical URLs), lists its
pages in sitemap.xml, points robots.txt at the sitemap, and helps a visitor who is lost."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
import yaml

from conftest import BUNDLED_CONFIG, HARBOUR_CONFIG, build_site, run_lantai
from lantai import discovery
from lantai.checking import load_project
from lantai.reading.settings import make_settings
from test_gates_pages import PAGE_CASES, PAGES_SITE_URL

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def built_pages(site):
    return [path for path in site.rglob("index.html") if "assets" not in path.relative_to(site).parts]


def expected_pages(project: str) -> set[str]:
    """The folders (site-relative, "" for the home page) that must hold a page, from the
    project's own files: home, categories, brands, published stories, their items, free pages."""
    config = BUNDLED_CONFIG if project == "bundled" else HARBOUR_CONFIG
    raw = yaml.safe_load(config.read_text(encoding="utf-8"))
    options = next((entry["lantai"] or {} for entry in raw.get("plugins", [])
                    if isinstance(entry, dict) and "lantai" in entry), {})
    loaded, _ = load_project(config.parent, make_settings(raw["site_name"], raw["theme"].get("language"), options))
    stories = [s for s in loaded.stories.values() if not s.draft]
    published = {story.key for story in stories}
    items = [item for item in loaded.items.values()
             if not item.story_id or f"{item.brand_id}/{item.story_id}" in published]
    assert loaded.brands and stories and items, f"{project}: the project has brands, stories and items"
    return ({""} | {f"categories/{category.id}/" for category in loaded.settings.categories}
            | {brand.url for brand in loaded.brands.values()} | {story.url for story in stories}
            | {f"items/{item.slug}/" for item in items} | {page.url for page in loaded.pages})


def published_url(site, page) -> str:
    folder = page.parent.relative_to(site).as_posix()
    return PAGES_SITE_URL + ("" if folder == "." else folder + "/")


# lantai/discovery.py on plain data

def test_site_url_comes_from_the_environment_before_mkdocs_yml():
    assert discovery.site_url("https://example.org/a/", {}) == "https://example.org/a/"
    assert discovery.site_url("https://example.org/a/", {"LANTAI_SITE_URL": "https://o.github.io/r"}) \
        == "https://o.github.io/r/"
    assert discovery.site_url(None, {"LANTAI_SITE_URL": "  "}) is None
    assert discovery.site_url("", {}) is None


def test_a_site_url_that_is_not_an_address_is_refused_with_an_example():
    with pytest.raises(ValueError, match=r"LANTAI_SITE_URL: 'owner\.github\.io/repo' .* https://owner"):
        discovery.site_url(None, {"LANTAI_SITE_URL": "owner.github.io/repo"})


def test_robots_txt_names_the_sitemap_only_when_the_address_is_known():
    assert discovery.robots_txt("https://o.github.io/r/") == (
        "User-agent: *\nAllow: /\n\nSitemap: https://o.github.io/r/sitemap.xml\n")
    assert "Sitemap" not in discovery.robots_txt(None)


# The published builds (conftest's subpath_sites: LANTAI_SITE_URL set as CI sets it)

@pytest.mark.parametrize("project", ["bundled", "harbour"])
def test_sitemap_lists_every_page_at_its_published_address(subpath_sites, project):
    site = subpath_sites[project]
    locations = [loc.text for loc in ET.parse(site / "sitemap.xml").getroot().iter(f"{SITEMAP}loc")]
    assert sorted(locations) == sorted(published_url(site, page) for page in built_pages(site))
    for case in PAGE_CASES:
        if case.project == project and case.kind in ("home", "category", "brand", "story", "item"):
            assert PAGES_SITE_URL + case.path in locations, case.id
    assert (site / "sitemap.xml.gz").is_file()


@pytest.mark.parametrize("project", ["bundled", "harbour"])
def test_robots_txt_points_at_the_sitemap(subpath_sites, project):
    robots = (subpath_sites[project] / "robots.txt").read_text(encoding="utf-8")
    assert "User-agent: *" in robots
    assert f"Sitemap: {PAGES_SITE_URL}sitemap.xml" in robots.splitlines()


@pytest.mark.parametrize("project", ["bundled", "harbour"])
def test_every_page_names_its_canonical_url(subpath_sites, project):
    site = subpath_sites[project]
    pages = built_pages(site)
    # Every page the project's files call for was built (so the loop below checks them all).
    folders = {"" if p.parent == site else p.parent.relative_to(site).as_posix() + "/" for p in pages}
    expected = expected_pages(project)
    assert sorted(expected - folders) == []
    assert len(pages) >= len(expected) + 3, "and the views: timeline, map, catalogue ..."
    for path in pages:
        url = published_url(site, path)
        found = re.findall(r'<link rel="canonical" href="([^"]+)"', path.read_text(encoding="utf-8"))
        assert found == [url], f"{path.relative_to(site)}: canonical {found}, expected {url}"


def test_the_404_page_helps_and_is_not_indexed(subpath_sites):
    page = (subpath_sites["harbour"] / "404.html").read_text(encoding="utf-8")
    assert "<title>Page not found - Harbour Memories</title>" in page
    assert '<meta name="robots" content="noindex">' in page
    assert 'action="/exhibit/search/"' in page
    assert '<a href="/exhibit/categories/trade/">Trade</a>: Ships, goods and the people who moved them' in page
    assert '<a href="/exhibit/categories/people/">People</a>' in page
    bundled = (subpath_sites["bundled"] / "404.html").read_text(encoding="utf-8")
    assert "没有找到这个页面" in bundled and "搜索展览" in bundled
    assert '<a href="/exhibit/categories/memory/">赓续记忆</a>：档案传承历史文化' in bundled


def test_unpublished_build_has_robots_without_sitemap_and_no_canonical(bundled_site):
    # A build that does not know its address (no site_url) still writes robots.txt.
    robots = (bundled_site / "robots.txt").read_text(encoding="utf-8")
    assert robots == "User-agent: *\nAllow: /\n"
    assert 'rel="canonical"' not in (bundled_site / "index.html").read_text(encoding="utf-8")


def test_an_editors_own_robots_txt_is_published_as_written(tmp_path):
    import shutil
    from conftest import HARBOUR_CONFIG
    project = tmp_path / "harbour"
    shutil.copytree(HARBOUR_CONFIG.parent, project, ignore=shutil.ignore_patterns(".lantai-cache"))  # not an earlier build\'s cache
    (project / "content" / "robots.txt").write_text("User-agent: *\nDisallow: /drafts/\n", encoding="utf-8")
    site = build_site(project / "mkdocs.yml", tmp_path / "site")
    assert (site / "robots.txt").read_text(encoding="utf-8") == "User-agent: *\nDisallow: /drafts/\n"


def test_a_bad_site_address_stops_the_build_with_a_message(tmp_path):
    result = run_lantai("build", "-q", "-f", str(BUNDLED_CONFIG), "-d", str(tmp_path / "site"),
                        env={"LANTAI_SITE_URL": "archive.github.io/exhibit"})
    assert result.returncode != 0
    assert "LANTAI_SITE_URL: 'archive.github.io/exhibit' is not an http(s) address" in result.stderr
    assert not (tmp_path / "site").exists()
