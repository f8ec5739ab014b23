"""Structured data (schema.org JSON-LD) and sharing (Open Graph with a generated share image)."""

from __future__ import annotations

import io
import re

import pytest
from PIL import Image, ImageChops

from lantai.views import share
from views_support import json_ld, meta_property, read_page, resolves

from conftest import PAGES_SITE_URL


def one(html: str, kind: str) -> dict:
    found = [d for d in json_ld(html) if d.get("@type") == kind]
    assert len(found) == 1, [d.get("@type") for d in json_ld(html)]
    data = found[0]
    assert data["@context"] == "https://schema.org"
    return data


def site_path(url: str) -> str:
    return url.removeprefix(PAGES_SITE_URL).lstrip("/")


def test_item_page_is_an_archive_component(harbour_site):
    data = one(read_page(harbour_site, "items/pt-0003/"), "ArchiveComponent")
    assert data["name"] == "Interview with the harbour master" and data["identifier"] == "PT-0003"
    assert "holdingArchive" not in data                 # no holder stated: none is guessed
    assert data["temporalCoverage"] == "1955?"          # EDTF with a qualifier is not an ISO date
    assert data["creator"] == {"@type": "Organization", "name": "Port Town Archive"}
    assert data["associatedMedia"][0]["@type"] == "AudioObject"
    assert data["isPartOf"]["@type"] == "Collection"
    assert [s["headline"] for s in data["subjectOf"]] == ["The harbour master's voice"]
    assert resolves(harbour_site, "", data["url"].lstrip("/"))
    plain = one(read_page(harbour_site, "items/pt-0001/"), "ArchiveComponent")
    assert plain["dateCreated"] == "1921"


def test_story_page_is_an_article_with_time_place_and_subjects(harbour_site):
    data = one(read_page(harbour_site, "harbour-trade/harbour-masters-voice/"), "Article")
    assert data["headline"] == "The harbour master's voice"
    assert data["temporalCoverage"] == "1950/1955"
    places = {p["name"]: p for p in data["spatialCoverage"]}
    assert places["Signal Hill"]["@type"] == "Place"
    assert places["Signal Hill"]["geo"] == {"@type": "GeoCoordinates", "latitude": 22.3, "longitude": 114.17}
    about = {(a["@type"], a["name"]) for a in data["about"]}
    assert ("Thing", "oral history") in about and ("Person", "Mei Ling Chan") in about
    assert data["citation"][0]["name"] == "Port Town Archive oral history register"
    assert data["isPartOf"]["name"] == "Harbour Trade Records"
    assert {m["identifier"] for m in data["mentions"]} == {"PT-0003", "PT-0004"}


def test_brand_page_is_a_collection(bundled_site):
    data = one(read_page(bundled_site, "shangyu-red-memory/"), "Collection")
    assert data["name"] == "上虞红色记忆"
    assert data["maintainer"] == [{"@type": "ArchiveOrganization", "name": "绍兴市上虞区档案馆"}]
    assert data["spatialCoverage"]["geo"]["latitude"] == 30.03
    assert data["inLanguage"] == "zh"
    assert all(resolves(bundled_site, "", part["url"].lstrip("/")) for part in data["hasPart"])


def test_chinese_item_json_ld(bundled_site):
    data = one(read_page(bundled_site, "items/sy-e01/"), "ArchiveComponent")
    assert data["holdingArchive"]["name"] == "绍兴市上虞区档案馆" and data["dateCreated"] == "1920-08"
    assert "陈望道" in data["creator"]["name"]


def test_json_ld_urls_are_absolute_on_a_published_site(subpath_sites):
    site = subpath_sites["harbour"]
    data = one(read_page(site, "items/pt-0004/"), "ArchiveComponent")
    assert data["url"] == PAGES_SITE_URL + "items/pt-0004/"
    assert data["image"].startswith(PAGES_SITE_URL + "assets/lantai/media/")
    assert (site / site_path(data["image"])).is_file()


@pytest.mark.parametrize("url, kind", [("", "website"), ("harbour-trade/typhoon-1937/", "article"),
                                       ("items/pt-0004/", "article"), ("timeline/", "website"), ("about/", "website")])
def test_open_graph_tags_with_a_share_image(harbour_site, url, kind):
    html = read_page(harbour_site, url)
    assert meta_property(html, "og:type") == kind
    assert meta_property(html, "og:title") and meta_property(html, "og:description")
    image = meta_property(html, "og:image")
    assert resolves(harbour_site, url, image), image
    assert meta_property(html, "twitter:card") == "summary_large_image"


def test_generated_share_image_is_a_1200_by_630_png(harbour_site):
    html = read_page(harbour_site, "harbour-trade/typhoon-1937/")
    image = meta_property(html, "og:image")
    assert image.endswith("assets/lantai/share/harbour-trade--typhoon-1937.png")
    with Image.open(harbour_site / "harbour-trade" / "typhoon-1937" / image) as png:
        assert png.format == "PNG" and png.size == (1200, 630)
    assert meta_property(html, "og:image:width") == "1200"


def test_published_site_gives_absolute_open_graph_urls(subpath_sites):
    html = read_page(subpath_sites["bundled"], "shangyu-red-memory/")
    assert meta_property(html, "og:url") == PAGES_SITE_URL + "shangyu-red-memory/"
    assert meta_property(html, "og:image") == PAGES_SITE_URL + "assets/lantai/share/shangyu-red-memory.png"
    assert meta_property(html, "og:locale") == "zh_CN"


def _draw(text: str) -> Image.Image:
    from PIL import ImageDraw
    canvas = Image.new("L", (200, 100), 0)
    ImageDraw.Draw(canvas).text((10, 10), text, font=share._font(60), fill=255, **share._text_options("zh"))
    return canvas


def test_share_images_render_chinese_with_a_shipped_font():
    assert share.font_file() is not None
    # A character the font has looks different from one it lacks (drawn as the .notdef box).
    notdef = _draw("\U000F0000")
    for character in "档案浙江":
        assert ImageChops.difference(_draw(character), notdef).getbbox() is not None, character
    assert ImageChops.difference(_draw("档"), _draw("案")).getbbox() is not None
    png = share.share_image("k", "档案里的浙江故事", "上虞红色记忆", "浙档精品", "memory", "zh")
    assert png == share.share_image("k", "档案里的浙江故事", "上虞红色记忆", "浙档精品", "memory", "zh")
    assert Image.open(io.BytesIO(png)).size == (1200, 630)


def test_simplified_forms_for_chinese_text():
    """The shipped font defaults to Traditional Chinese glyph shapes; zh text asks for Simplified."""
    path, _, needs_language = share.font_file()
    assert "cvttf_NotoSansCJK_Regular" in path and needs_language  # the wheel's font, not the machine's
    from PIL import ImageDraw
    def draw(options):
        canvas = Image.new("L", (120, 120), 0)
        ImageDraw.Draw(canvas).text((10, 10), "骨", font=share._font(90), fill=255, **options)
        return canvas
    assert ImageChops.difference(draw({}), draw(share._text_options("zh"))).getbbox() is not None


def _chunks(png: bytes) -> list[bytes]:
    import struct
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    at, names = 8, []
    while at < len(png):
        (length,) = struct.unpack(">I", png[at:at + 4])
        names.append(png[at + 4:at + 8])
        at += 12 + length
    return names


def test_share_images_written_by_libvips_hold_the_pixels_drawn_and_no_metadata(monkeypatch):
    """libvips writes the PNG (faster than Pillow's encoder); the pixels are the ones drawn,
    and nothing but them and the size is in the file (libvips would add an EXIF block)."""
    assert share.encoder().startswith("libvips ")
    drawn = {}

    def keep(image):
        drawn["image"] = image.copy()
        return original(image)
    original = share._png
    monkeypatch.setattr(share, "_png", keep)
    png = share.share_image("k", "档案里的浙江故事", "上虞红色记忆", "浙档精品", "memory", "zh")
    written = Image.open(io.BytesIO(png))
    assert written.mode == "RGB" and written.tobytes() == drawn["image"].tobytes()
    assert set(_chunks(png)) <= {b"IHDR", b"pHYs", b"IDAT", b"IEND"}, _chunks(png)
    # Pillow's own encoder, where libvips does not load, writes the same pixels; the build
    # cache keeps the two apart by the encoder's name.
    monkeypatch.setattr(share, "_pyvips", lambda: None)
    assert share.encoder() == "pillow" and "pillow" in share.cache_fingerprint()
    fallback = share._png(drawn["image"])
    assert fallback != png and Image.open(io.BytesIO(fallback)).tobytes() == written.tobytes()
