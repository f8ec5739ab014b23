"""Open data: brands, stories and items as JSON and CSV, a Frictionless Data Package describing
them, every record's `url` leading to a built page, and the same bytes on every build."""

from __future__ import annotations

import csv
import io
import json

import pytest
import yaml

from lantai.exports import ITEM_COLUMNS, export_files
from lantai.checking import load_project
from lantai.reading.settings import make_settings
from views_support import page_file

from conftest import BUNDLED_CONFIG, HARBOUR_CONFIG, PAGES_SITE_URL, PROJECTS

FILES = ("brands.json", "stories.json", "items.json", "items.csv", "timeline.json", "datapackage.json")


def records(site, name):
    return json.loads((site / "data" / name).read_text(encoding="utf-8"))


def every_url(site) -> list[str]:
    urls = [r["url"] for name in ("brands.json", "stories.json", "items.json") for r in records(site, name)]
    with open(site / "data" / "items.csv", encoding="utf-8", newline="") as file:
        urls += [row["url"] for row in csv.DictReader(file)]
    return urls


@pytest.mark.parametrize("which", ["bundled", "harbour"])
def test_every_url_resolves_to_a_built_page(which, bundled_site, harbour_site):
    site = bundled_site if which == "bundled" else harbour_site
    urls = every_url(site)
    assert len(urls) == expected_urls(which)
    for url in urls:
        assert url.startswith("/") and page_file(site, url).is_file(), url
    brand_pages = [b["id"] for b in records(site, "brands.json") if page_file(site, b["id"] + "/").is_file()]
    assert len(brand_pages) == len(records(site, "brands.json")) == (15 if which == "bundled" else 2)


def expected_urls(which: str) -> int:
    """How many record URLs the open data must hold, from the project's own files: one per brand,
    one per published story, and two per item of a published story or brand (JSON and CSV)."""
    config = BUNDLED_CONFIG if which == "bundled" else HARBOUR_CONFIG
    raw = yaml.safe_load(config.read_text(encoding="utf-8"))
    options = next((entry["lantai"] or {} for entry in raw.get("plugins", [])
                    if isinstance(entry, dict) and "lantai" in entry), {})
    project, _ = load_project(config.parent, make_settings(raw["site_name"], raw["theme"].get("language"), options))
    stories = {story.key for story in project.stories.values() if not story.draft}
    items = [item for item in project.items.values()
             if not item.story_id or f"{item.brand_id}/{item.story_id}" in stories]
    assert project.brands and stories and items
    return len(project.brands) + len(stories) + 2 * len(items)


@pytest.mark.parametrize("which", ["bundled", "harbour"])
def test_published_urls_are_absolute_and_resolve(which, subpath_sites):
    site = subpath_sites[which]
    urls = every_url(site)
    assert len(urls) == expected_urls(which), "a URL for every brand, story and item, in JSON and CSV"
    assert {url.removeprefix(PAGES_SITE_URL).split("/")[0] for url in urls} >= {"items"} | {
        b["id"] for b in records(site, "brands.json")}
    for url in urls:
        assert url.startswith(PAGES_SITE_URL), url
        assert page_file(site, url.removeprefix(PAGES_SITE_URL)).is_file(), url


def test_records_carry_the_contract_fields(harbour_site):
    brands = {b["id"]: b for b in records(harbour_site, "brands.json")}
    assert brands["harbour-trade"]["location"] == {"lat": 22.28, "lon": 114.16}
    assert brands["harbour-trade"]["stories"] == ["harbour-trade/harbour-masters-voice", "harbour-trade/typhoon-1937"]
    assert brands["harbour-families"]["location"] is None
    stories = {s["id"]: s for s in records(harbour_site, "stories.json")}
    voice = stories["harbour-trade/harbour-masters-voice"]
    assert voice["date"] == "1950/1955" and voice["date_display"] == "1950–1955"
    assert voice["items"] == ["PT-0003", "PT-0004"]
    assert {"name": "Signal Hill", "location": {"lat": 22.3, "lon": 114.17}} in voice["places"]
    items = {i["code"]: i for i in records(harbour_site, "items.json")}
    assert items["PT-0003"]["media"][0]["kind"] == "audio"
    assert items["PT-0003"]["media"][0]["transcript"].endswith("harbour-master-interview.vtt")
    assert page_file(harbour_site, items["PT-0003"]["media"][0]["url"]).is_file()


def test_data_package_describes_every_file(harbour_site):
    package = records(harbour_site, "datapackage.json")
    assert package["profile"] == "data-package" and package["name"] == "harbour-memories"
    paths = [r["path"] for r in package["resources"]]
    assert sorted(paths) == sorted(f for f in FILES if f != "datapackage.json")
    for resource in package["resources"]:
        assert (harbour_site / "data" / resource["path"]).is_file()
        assert resource["encoding"] == "utf-8" and resource["name"]
    table = next(r for r in package["resources"] if r["format"] == "csv")
    with open(harbour_site / "data" / table["path"], encoding="utf-8", newline="") as file:
        rows = list(csv.reader(file))
    assert rows[0] == [f["name"] for f in table["schema"]["fields"]] == list(ITEM_COLUMNS)
    assert len(rows) == 1 + len(records(harbour_site, "items.json"))
    codes = [row[0] for row in rows[1:]]
    assert codes == sorted(codes) and len(set(codes)) == len(codes)  # primaryKey: code


def test_exports_are_deterministic():
    settings = make_settings("Harbour Memories", "en", {})
    first, _ = load_project(PROJECTS / "harbour", settings)
    second, _ = load_project(PROJECTS / "harbour", settings)
    assert export_files(first) == export_files(second)
    text = export_files(first)["data/brands.json"].decode("utf-8")
    assert text == json.dumps(json.loads(text), ensure_ascii=False, sort_keys=True, indent=2) + "\n"


def test_chinese_text_is_kept_as_text(bundled_site):
    raw = (bundled_site / "data" / "brands.json").read_text(encoding="utf-8")
    assert "上虞红色记忆" in raw and "\\u" not in raw
    reader = csv.DictReader(io.StringIO((bundled_site / "data" / "items.csv").read_text(encoding="utf-8")))
    assert any(row["code"] == "SY-E01" and row["holder"] == "绍兴市上虞区档案馆" for row in reader)
