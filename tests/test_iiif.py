"""Scans as static IIIF (lantai/views/iiif.py): level-0 tiles, info.json, manifests, collections.

Every tile a IIIF client asks for exists, at the size its name says (the requests are computed
here as OpenSeadragon's IIIF tile source computes them); libvips and Pillow cut the same files;
each item with images has a Presentation 3 manifest that validates against the IIIF schema
(tests/schemas/iiif/, vendored), with its pages in order, its rights and a link to its page;
the exhibition and each brand have a collection; without `site_url` no manifest is written.
"""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import math
from pathlib import Path
from unittest import mock

import jsonschema
import pytest
from PIL import Image

from conftest import REPO, build_site
from lantai import urls
from lantai.views import iiif

SCHEMA = Path(__file__).resolve().parent / "schemas" / "iiif" / "iiif_3_0.json"


@pytest.fixture(scope="module")
def validator():
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    return jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())


def client_requests(info: dict) -> set[str]:
    """Every URL path (below the service) OpenSeadragon 6's IIIFTileSource asks for, at every
    level, for the whole image: a port of its getTileUrl for Image API 3 (levels from the
    scale factors, ceil sizes, `full` region and `max` size where they apply)."""
    width, height = info["width"], info["height"]
    tile = info["tiles"][0]["width"]
    max_level = round(math.log2(max(info["tiles"][0]["scaleFactors"])))
    wanted = set()
    for level in range(max_level + 1):
        scale = 0.5 ** (max_level - level)
        level_w, level_h = math.ceil(width * scale), math.ceil(height * scale)
        if level_w < tile and level_h < tile:
            size = "max" if (level_w, level_h) == (width, height) else f"{level_w},{level_h}"
            wanted.add(f"full/{size}/0/default.jpg")
            continue
        full_tile = round(tile / scale)
        for y in range(math.ceil(level_h / tile)):
            for x in range(math.ceil(level_w / tile)):
                rx, ry = x * full_tile, y * full_tile
                rw, rh = min(full_tile, width - rx), min(full_tile, height - ry)
                region = "full" if (rx, ry, rw, rh) == (0, 0, width, height) else f"{rx},{ry},{rw},{rh}"
                sw, sh = min(tile, level_w - x * tile), min(tile, level_h - y * tile)
                size = "max" if (sw, sh) == (width, height) else f"{sw},{sh}"
                wanted.add(f"{region}/{size}/0/default.jpg")
    wanted |= {f"full/{s['width']},{s['height']}/0/default.jpg" for s in info["sizes"]}
    return wanted


class FakePicture:
    def __init__(self, width, height):
        self.width, self.height = width, height


@pytest.mark.parametrize("size", [(6000, 8000), (1654, 2339), (512, 512), (513, 100), (300, 200), (1, 4000), (8000, 1)])
def test_every_tile_a_client_asks_for_is_cut(size):
    width, height = size
    info = iiif.info(FakePicture(width, height), "https://example.org/iiif/images/x")
    names = [tile.name for tile in iiif.tile_names(width, height)]
    assert len(names) == len(set(names))
    assert client_requests(info) <= set(names)
    assert info["tiles"][0]["scaleFactors"][0] == 1
    top = max(info["tiles"][0]["scaleFactors"])
    assert math.ceil(width / top) <= iiif.TILE and math.ceil(height / top) <= iiif.TILE


def scan(path: Path, width: int, height: int, mode: str = "RGB") -> Path:
    """A test scan: coloured bands and a grid, so tiles differ from each other."""
    image = Image.new(mode, (width, height), "white")
    pixels = Image.linear_gradient("L").resize((width, height))
    image.paste(pixels.convert(mode), (0, 0))
    image.save(path)
    return path


@pytest.mark.parametrize("cutter", ["pyvips", "pillow"])
def test_tiles_have_the_sizes_their_names_say(tmp_path, cutter):
    source = scan(tmp_path / "scan.png", 1300, 900)
    if cutter == "pillow":
        with mock.patch.object(iiif, "engine", lambda: "pillow"):
            files = iiif.tile_files(str(source), 1300, 900)
    else:
        assert iiif.engine().startswith("pyvips"), "pyvips and its libvips binaries should load here"
        files = iiif.tile_files(str(source), 1300, 900)
    names = iiif.tile_names(1300, 900)
    assert len(files) == len(names)
    for tile, data in zip(names, files):
        image = Image.open(io.BytesIO(data))
        assert image.format == "JPEG" and image.mode == "RGB"
        size = tile.name.split("/")[1]
        expected = (1300, 900) if size == "max" else tuple(map(int, size.split(",")))
        assert image.size == expected, tile.name


def test_transparent_and_16_bit_scans_are_cut(tmp_path):
    rgba = Image.new("RGBA", (700, 600), (0, 0, 0, 0))
    rgba.save(tmp_path / "clear.png")
    grey16 = Image.new("I;16", (700, 600), 40000)
    grey16.save(tmp_path / "grey16.png")
    for engine in ("pyvips", "pillow"):
        patch = mock.patch.object(iiif, "engine", lambda: "pillow") if engine == "pillow" else mock.patch.object(iiif, "engine", iiif.engine)
        with patch:
            clear = Image.open(io.BytesIO(iiif.tile_files(str(tmp_path / "clear.png"), 700, 600)[0]))
            grey = Image.open(io.BytesIO(iiif.tile_files(str(tmp_path / "grey16.png"), 700, 600)[0]))
        assert clear.getpixel((5, 5)) == pytest.approx((255, 255, 255), abs=2), engine   # laid on white
        assert 140 < grey.getpixel((5, 5))[0] < 170, engine   # 40000 / 65535 of white, not clipped to white


def test_rights_uri_only_for_licences_iiif_names():
    assert iiif.rights_uri("CC BY 4.0 https://creativecommons.org/licenses/by/4.0/") == "http://creativecommons.org/licenses/by/4.0/"
    assert iiif.rights_uri("http://rightsstatements.org/vocab/InC/1.0/") == "http://rightsstatements.org/vocab/InC/1.0/"
    assert iiif.rights_uri("https://creativecommons.org/publicdomain/mark/1.0") == "http://creativecommons.org/publicdomain/mark/1.0/"
    assert iiif.rights_uri("版权归上虞区档案馆所有") is None
    assert iiif.rights_uri("see https://example.org/licence") is None


@pytest.fixture(scope="module")
def iiif_site(tmp_path_factory) -> Path:
    """The English sample (examples/harbour-archive), which has a site_url and multi-page items."""
    return build_site(REPO / "examples/harbour-archive/mkdocs.yml", tmp_path_factory.mktemp("sample") / "site")


def test_sample_items_have_manifests_that_validate(iiif_site, validator):
    manifests = sorted((iiif_site / "iiif" / "items").glob("*/manifest.json"))
    # one per item with an image: the three written in stories and the sheet's rows with scans
    items = json.loads((iiif_site / "data/items.json").read_text(encoding="utf-8"))
    with_images = {item["url"].rstrip("/").rsplit("/", 1)[1] for item in items
                   if any(medium["kind"] == "image" for medium in item["media"])}
    assert len(with_images) >= 6
    assert {path.parent.name for path in manifests} == with_images
    for path in manifests:
        document = json.loads(path.read_text(encoding="utf-8"))
        errors = [e.message for e in validator.iter_errors(document)]
        assert errors == [], (path, errors[:3])
    # the check can fail: a manifest without its type, or with a relative id, does not validate
    broken = json.loads(manifests[0].read_text(encoding="utf-8"))
    del broken["type"]
    assert list(validator.iter_errors(broken))
    broken = json.loads(manifests[0].read_text(encoding="utf-8"))
    broken["id"] = "/iiif/items/x/manifest.json"
    assert list(validator.iter_errors(broken))


def test_manifest_has_pages_in_order_metadata_rights_and_its_page(iiif_site):
    site = "https://harbour-archive.example.org/"
    document = json.loads((iiif_site / "iiif/items/hbr-trd-1937-m-0001/manifest.json").read_text(encoding="utf-8"))
    assert document["id"] == site + "iiif/items/hbr-trd-1937-m-0001/manifest.json"
    assert document["label"] == {"en": ["Manifest of the steamer Kittiwake, Gullhaven to Port Ardel"]}
    labels = {entry["label"]["en"][0]: entry["value"]["en"][0] for entry in document["metadata"]}
    assert labels["Reference code"] == "HBR-TRD·1937-M-0001"
    assert labels["Date"] == "1937-06-09"
    assert document["rights"] == "http://creativecommons.org/licenses/by/4.0/"
    assert document["requiredStatement"]["value"]["en"][0].startswith("Fictional record made for the Lantai sample")
    assert document["homepage"][0]["id"] == site + "items/hbr-trd-1937-m-0001/"
    assert document["partOf"][0]["id"] == site + "iiif/brands/harbour-trade.json"
    canvases = document["items"]
    assert [c["label"]["en"][0] for c in canvases] == ["Page 1", "Page 2"]
    # the pages in the order the item lists its media, each painted by its own image service
    services = []
    for canvas in canvases:
        annotation = canvas["items"][0]["items"][0]
        assert annotation["motivation"] == "painting" and annotation["target"] == canvas["id"]
        body = annotation["body"]
        service = body["service"][0]
        assert service["type"] == "ImageService3" and service["profile"] == "level0"
        services.append(service["id"])
        info_path = iiif_site / (service["id"].removeprefix(site) + "/info.json")
        info = json.loads(info_path.read_text(encoding="utf-8"))
        assert (info["width"], info["height"]) == (canvas["width"], canvas["height"])
        assert info["id"] == service["id"]
        # the painted image and the thumbnail are files of the service
        assert (iiif_site / body["id"].removeprefix(site)).is_file()
        for name in client_requests(info):
            assert (info_path.parent / name).is_file(), name
    assert (iiif_site / document["thumbnail"][0]["id"].removeprefix(site)).is_file()
    pages = [m for m in ("hbr-trd-1937-m-0001-1.png", "hbr-trd-1937-m-0001-2.png")]
    digests = [hashlib.sha256((REPO / "examples/harbour-archive/content/harbour-trade/media" / p).read_bytes()).hexdigest()
               for p in pages]
    assert services == [site + urls.iiif_image(d).rstrip("/") for d in digests]


def test_collections_list_every_manifest(iiif_site, validator):
    whole = json.loads((iiif_site / "iiif/collection.json").read_text(encoding="utf-8"))
    assert whole["type"] == "Collection" and not list(validator.iter_errors(whole))
    listed = sorted(entry["id"].rsplit("/", 2)[-2] for entry in whole["items"])
    assert listed == sorted(p.parent.name for p in (iiif_site / "iiif/items").glob("*/manifest.json"))
    trade = json.loads((iiif_site / "iiif/brands/harbour-trade.json").read_text(encoding="utf-8"))
    assert sorted(e["id"].rsplit("/", 2)[-2] for e in trade["items"]) == ["hbr-pln-1937-001", "hbr-trd-1937-d30-0006",
                                                                              "hbr-trd-1937-m-0001"]
    assert all(e["type"] == "Manifest" and e["label"] for e in trade["items"])


def test_item_page_links_its_manifest(iiif_site):
    html = (iiif_site / "items/hbr-trd-1937-m-0001/index.html").read_text(encoding="utf-8")
    assert 'href="../../iiif/items/hbr-trd-1937-m-0001/manifest.json"' in html


def test_without_site_url_tiles_but_no_manifests(tmp_path):
    project = tmp_path / "harbour"
    shutil.copytree(REPO / "examples/harbour-archive", project)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("site_url: https://harbour-archive.example.org/\n", ""),
                      encoding="utf-8")
    site = build_site(config, tmp_path / "site")
    assert not (site / "iiif/items").exists() and not (site / "iiif/collection.json").exists()
    infos = sorted((site / "iiif/images").glob("*/info.json"))
    assert len(infos) == 6
    info = json.loads(infos[0].read_text(encoding="utf-8"))
    assert info["id"].startswith("/iiif/images/")      # the site's own viewer reads it from where it is
    assert "manifest.json" not in (site / "items/hbr-trd-1937-m-0001/index.html").read_text(encoding="utf-8")


def test_text_that_looks_like_html_stays_text_in_a_manifest():
    # A IIIF client renders a value beginning with '<' and ending with '>' as HTML.
    from types import SimpleNamespace
    project = SimpleNamespace(language="en")
    hostile = '<img src=x onerror="alert(1)">'
    value = iiif._value(project, hostile)["en"][0]
    assert value.startswith(hostile) and not value.endswith(">")
    assert iiif._value(project, "Letter <draft>")["en"] == ["Letter <draft>"]   # not read as HTML anyway
    assert iiif._value(project, "<b>bold</b>  ")["en"] == ["<b>bold</b> "]
