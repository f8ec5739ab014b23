"""Images as editors really have them: phone photographs with GPS and turned by EXIF, 16-bit
scans, SVG with scripts, files that only claim to be images. Made in tmp_path (they are
binary) from the harbour project, checked and built with the real command line."""

from __future__ import annotations

import io
import shutil
import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image

from conftest import PROJECTS, run_lantai
from test_validation import BRAND, STORY, lines, load

GPS_IFD = 0x8825


def photo(size=(120, 80), orientation: int | None = None, gps: bool = False, colour=(200, 40, 40)) -> bytes:
    image = Image.new("RGB", size, colour)
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    if orientation:
        exif[0x0112] = orientation
    if gps:
        exif[GPS_IFD] = {1: "N", 2: (22.0, 17.0, 0.0), 3: "E", 4: (114.0, 9.0, 0.0)}
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif, quality=90)
    return buffer.getvalue()


def grey16() -> bytes:
    image = Image.new("I;16", (64, 64))
    for x in range(64):
        for y in range(64):
            image.putpixel((x, y), 256 * (x + y))  # a dark-to-mid ramp, nowhere near white
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def png_header_only(width: int, height: int) -> bytes:
    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00" * 100)) + chunk(b"IEND", b""))


EVIL_SVG = (b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" onload="alert(document.domain)">'
            b'<script>alert(1)</script><a href="javascript:alert(2)"><rect width="10" height="10" fill="red"/></a></svg>')


def with_media(files: list[str]) -> str:
    media = "".join(f"      - {name}\n" for name in files)
    return BRAND + f"cover: {files[0]}\nitems:\n  - code: PT-1\n    title: Ledger\n    media:\n" + media


# -- check: what is not an image, or too much of one ------------------------------------------

@pytest.mark.parametrize("data, key", [
    (b"", "image-unreadable"),
    (b"this is a letter, not a photograph\n", "image-unreadable"),
    (photo((400, 300))[:600], "image-unreadable"),          # cut short
    (png_header_only(30000, 30000), "image-too-large"),    # a decompression bomb
])
def test_a_file_that_is_not_a_good_image_is_reported(tmp_path, data, key):
    suffix = "png" if data.startswith(b"\x89PNG") else "jpg"
    _, problems = load(tmp_path, {"brands/trade.yml": with_media([f"bad.{suffix}"]), f"brands/bad.{suffix}": data})
    assert sorted((p.path, p.field, p.key) for p in problems) == [
        ("brands/trade.yml", "cover", key), ("brands/trade.yml", "items.media[1]", key)], lines(problems)


def test_an_svg_that_is_not_svg_is_reported(tmp_path):
    _, problems = load(tmp_path, {"brands/trade.yml": with_media(["plan.svg"]), "brands/plan.svg": b"<svg><g>"})
    assert {p.key for p in problems} == {"svg-unreadable"}


def test_a_body_image_outside_the_project_is_reported(tmp_path):
    (tmp_path / "outside.png").write_bytes(grey16())
    story = STORY + "\n![A plan](../../../outside.png)\n\n![Missing](plan.png)\n\n![Beside](../../notes/plan.png)\n"
    _, problems = load(tmp_path / "p", {"content/trade/typhoon.md": story, "notes/plan.png": grey16()})
    assert sorted((p.line, p.key) for p in problems) == [
        (8, "outside-project"), (10, "missing-file"), (12, "image-outside")], lines(problems)


# -- build: what is published --------------------------------------------------------------

@pytest.fixture(scope="module")
def photo_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("photos") / "project"
    shutil.copytree(PROJECTS / "harbour", root, ignore=shutil.ignore_patterns(".lantai-cache"))  # not an earlier build\'s cache
    media = root / "brands"
    (media / "quay.jpg").write_bytes(photo(gps=True))
    (media / "turned.jpg").write_bytes(photo((120, 80), orientation=6, gps=True))
    (media / "scan.png").write_bytes(grey16())
    (media / "plan.svg").write_bytes(EVIL_SVG)
    brand = (media / "harbour-trade.yml").read_text(encoding="utf-8")
    brand = brand.replace("items:\n", "cover: quay.jpg\nitems:\n  - code: PT-0900\n    title: Quay photographs\n"
                          "    media: [quay.jpg, turned.jpg, scan.png, plan.svg]\n", 1)
    (media / "harbour-trade.yml").write_text(brand, encoding="utf-8")
    site = root.parent / "site"
    result = run_lantai("build", "-q", "-f", str(root / "mkdocs.yml"), "-d", str(site), env={"LANTAI_SITE_URL": ""})
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def test_published_photographs_carry_no_location(photo_site):
    originals = list((photo_site / "assets" / "brands").glob("*.jpg"))
    assert len(originals) == 2
    for original in originals:
        with Image.open(original) as image:
            exif = image.getexif()
            assert not exif.get_ifd(GPS_IFD) and GPS_IFD not in exif, original
            assert 0x010F not in exif  # and no other metadata by default
    with Image.open(photo_site / "assets" / "brands" / "turned.jpg") as image:
        assert image.getexif().get(0x0112) == 6  # the orientation is kept, so it is shown upright


def test_derivatives_are_upright_and_16_bit_scans_are_not_white(photo_site):
    renditions = photo_site / "assets" / "lantai" / "media"
    turned = sorted(renditions.glob("turned-*.jpg"))
    assert turned
    with Image.open(turned[-1]) as image:
        assert image.height > image.width  # 120×80 turned by orientation 6 is 80×120
    scans = sorted(renditions.glob("scan-*.jpg")) + sorted(renditions.glob("scan-*.png"))
    assert scans
    with Image.open(scans[0]) as image:
        grey = image.convert("L")
        assert max(grey.getdata()) < 250 and grey.getpixel((0, 0)) < 10


def test_published_svg_has_no_script(photo_site):
    svg = (photo_site / "assets" / "brands" / "plan.svg").read_bytes()
    assert b"<rect" in svg
    for bad in (b"script", b"onload", b"javascript:"):
        assert bad not in svg.lower()


def test_keep_publishes_photographs_as_they_are_and_strip_is_lossless(tmp_path):
    from lantai.publishing.cleaning import published_bytes
    (tmp_path / "quay.jpg").write_bytes(photo(gps=True))
    for mode, kept in (("keep", True), ("strip", False)):
        data = published_bytes(tmp_path / "quay.jpg", mode)
        assert (data is None) is kept  # None: published as it is
        with Image.open(io.BytesIO(data) if data else tmp_path / "quay.jpg") as image:
            assert bool(image.getexif().get_ifd(GPS_IFD)) is kept
            pixels = list(image.getdata())
        with Image.open(io.BytesIO(photo(gps=True))) as image:
            assert pixels == list(image.getdata())  # the pixels are the same, not re-encoded


# -- photographs whose location cannot be cut ---------------------------------------------------

def avif(gps: bool) -> bytes:
    from PIL import Image
    image = Image.new("RGB", (32, 24), (10, 200, 30))
    exif = Image.Exif()
    if gps:
        exif.get_ifd(0x8825).update({1: "N", 2: (22.0, 17.0, 0.0), 3: "E", 4: (114.0, 10.0, 0.0)})
    buffer = io.BytesIO()
    image.save(buffer, "AVIF", exif=exif.tobytes())
    return buffer.getvalue()


AVIF_ITEM = STORY.replace("---\n\n", "items:\n  - code: PT-0800\n    title: Quay\n    media: [quay.avif]\n---\n\n", 1)


@pytest.mark.parametrize("gps, metadata, expected", [
    (True, "strip", ["image-location"]), (True, "keep", []), (False, "strip", [])])
def test_an_avif_that_says_where_it_was_taken_is_refused_unless_kept(tmp_path, gps, metadata, expected):
    from lantai.checking import load_project
    from lantai.reading.settings import make_settings
    from test_validation import BRAND, CATEGORIES, write
    write(tmp_path, {"brands/trade.yml": BRAND, "content/trade/typhoon.md": AVIF_ITEM,
                     "content/trade/quay.avif": avif(gps)})
    settings = make_settings("T", "en", {"categories": CATEGORIES, "image_metadata": metadata})
    _, problems = load_project(tmp_path, settings)
    assert [p.key for p in problems] == expected, [p.format() for p in problems]
    if expected:
        assert problems[0].format().startswith("content/trade/typhoon.md:5: items.media[1]: 'trade/quay.avif' says where")
