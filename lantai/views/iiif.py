"""Scans as static IIIF: level-0 image services with tiles, Presentation 3 manifests, collections.

Every raster image of a published item is cut into the tiles of a IIIF Image API 3 level-0
service (`urls.iiif_image`): an `info.json` and, for each scale factor, the tiles a client
asks for by their canonical URLs, `x,y,w,h/w,h/0/default.jpg` (region in full-size pixels,
size of the tile), and the whole image at the reduced sizes, `full/w,h/0/default.jpg`, which a
level-0 client cannot compute and must find listed in `sizes` (libvips' own `iiif3` layout
writes the tiles but not these). The names are computed as OpenSeadragon's IIIF tile source
and the Image API's canonical form compute them (`tile_names`), so every request a viewer
makes finds a file. Level `s` is the level above halved (ceil(w / 2), as Pillow's `reduce`
and the Image API's sizes round), so each level's size is ceil(width / s).

The cutting is a build-cache job ("tiles", lantai/build_cache.py), made once per scan and
kept while its bytes stay the same, in worker processes. libvips (pyvips, which brings its
own binaries) cuts a 6,000 × 8,000 scan several times faster than Pillow, which is the
fallback where pyvips cannot load (bench/iiif.py measures both).

Each item with at least one image gets a Presentation 3 manifest (`iiif-prezi3`): its title,
its fields as metadata, its pages in order as canvases painted by the image service, its
rights, and a link back to its page; the exhibition and each brand get a collection of them.
Ids are absolute under `site_url` (as IIIF requires, so that Mirador or Universal Viewer can
open a manifest from anywhere); without `site_url` they are paths from the site root, which
only the site's own viewer follows (it reads info.json from where it found it).
"""

from __future__ import annotations

import io
import json
import math
import re
from dataclasses import dataclass

from .. import urls
from ..labels import label
from ..model import Item, Project
from . import media
from .common import item_url, public_url, published_items

TILE = 512
QUALITY = 82
SIZES_UP_TO = 2048      # `sizes` lists the whole image at each scale up to this many pixels a side
IMAGE_CONTEXT = "http://iiif.io/api/image/3/context.json"


def scale_factors(width: int, height: int) -> list[int]:
    """1, 2, 4 … until the whole image fits in one tile."""
    factors = [1]
    while math.ceil(width / factors[-1]) > TILE or math.ceil(height / factors[-1]) > TILE:
        factors.append(factors[-1] * 2)
    return factors


@dataclass(frozen=True)
class Tile:
    name: str                          # below the service: "0,0,1024,1024/512,512/0/default.jpg"
    scale: int                         # of the level it is cut from
    box: tuple[int, int, int, int]     # left, top, width, height in that level's pixels


def tile_names(width: int, height: int) -> list[Tile]:
    """Every file of the service but info.json, in a fixed order: the tiles of each level
    (largest first), then the sizes, each name once."""
    found: dict[str, Tile] = {}
    for s in scale_factors(width, height):
        level_w, level_h = math.ceil(width / s), math.ceil(height / s)
        if level_w < TILE and level_h < TILE:
            size = "max" if s == 1 else f"{level_w},{level_h}"
            found.setdefault(f"full/{size}/0/default.jpg", Tile(f"full/{size}/0/default.jpg", s, (0, 0, level_w, level_h)))
            continue
        for y in range(math.ceil(level_h / TILE)):
            for x in range(math.ceil(level_w / TILE)):
                rx, ry = x * TILE * s, y * TILE * s
                rw, rh = min(TILE * s, width - rx), min(TILE * s, height - ry)
                sw, sh = min(TILE, level_w - x * TILE), min(TILE, level_h - y * TILE)
                region = "full" if (rx, ry, rw, rh) == (0, 0, width, height) else f"{rx},{ry},{rw},{rh}"
                size = "max" if (sw, sh) == (width, height) else f"{sw},{sh}"
                name = f"{region}/{size}/0/default.jpg"
                found.setdefault(name, Tile(name, s, (x * TILE, y * TILE, sw, sh)))
    for s, (w, h) in sizes(width, height):
        name = f"full/{w},{h}/0/default.jpg"
        found.setdefault(name, Tile(name, s, (0, 0, w, h)))
    return list(found.values())


def sizes(width: int, height: int) -> list[tuple[int, tuple[int, int]]]:
    """(scale factor, (width, height)) of the whole reduced images a client may ask for."""
    out = []
    for s in scale_factors(width, height)[1:]:
        w, h = math.ceil(width / s), math.ceil(height / s)
        if max(w, h) <= SIZES_UP_TO:
            out.append((s, (w, h)))
    return out


def info(pic: media.Picture, service_id: str) -> dict:
    """The service's info.json (Image API 3, level 0)."""
    return {
        "@context": IMAGE_CONTEXT,
        "id": service_id,
        "type": "ImageService3",
        "protocol": "http://iiif.io/api/image",
        "profile": "level0",
        "width": pic.width,
        "height": pic.height,
        "sizes": [{"width": w, "height": h} for _, (w, h) in sorted(sizes(pic.width, pic.height), key=lambda e: e[1])],
        "tiles": [{"width": TILE, "height": TILE, "scaleFactors": scale_factors(pic.width, pic.height)}],
    }


# -- cutting ----------------------------------------------------------------------------------

def engine() -> str:
    """`pyvips <libvips version>` where pyvips loads, else `pillow`."""
    try:
        import pyvips
        return f"pyvips {pyvips.version(0)}.{pyvips.version(1)}.{pyvips.version(2)}"
    except (ImportError, OSError):
        return "pillow"


def cache_fingerprint() -> str:
    """Tiles cut by libvips and by Pillow differ in their bytes: the cache keeps them apart."""
    return engine()


def tiles_job(pic: media.Picture):
    from ..build_cache import Job
    base = urls.iiif_image(pic.digest)
    names = tile_names(pic.width, pic.height)
    return Job(tuple(base + tile.name for tile in names), "tiles", (str(pic.source), pic.width, pic.height),
               key=(pic.digest, pic.width, pic.height, TILE, QUALITY))


def tile_files(source: str, width: int, height: int) -> list[bytes]:
    """The bytes of every file of `tile_names(width, height)`, in its order."""
    names = tile_names(width, height)
    if engine() != "pillow":
        return _cut_vips(source, width, height, names)
    return _cut_pillow(source, width, height, names)


def _cut_pillow(source: str, width: int, height: int, names: list[Tile]) -> list[bytes]:
    from PIL import Image
    with Image.open(source) as opened:
        opened.load()
        image = _flat_rgb(media.upright_8bit(opened))
    if image.size != (width, height):     # the file changed since it was read: cut what is there
        image = image.resize((width, height), Image.Resampling.LANCZOS)
    levels = {1: image}
    for s in scale_factors(width, height)[1:]:
        levels[s] = levels[s // 2].reduce(2)
    out = []
    for tile in names:
        left, top, w, h = tile.box
        buffer = io.BytesIO()
        levels[tile.scale].crop((left, top, left + w, top + h)).save(buffer, "JPEG", quality=QUALITY)
        out.append(buffer.getvalue())
    return out


def _flat_rgb(image):
    """JPEG tiles have no transparency: a transparent scan is laid on white."""
    from PIL import Image
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(white, rgba).convert("RGB")
    return image.convert("RGB")


def _cut_vips(source: str, width: int, height: int, names: list[Tile]) -> list[bytes]:
    import pyvips
    image = pyvips.Image.new_from_file(source, access="sequential").autorot()
    if image.hasalpha():
        image = image.flatten(background=[255, 255, 255] if image.bands > 2 else [255])
    if image.interpretation not in ("srgb", "b-w") or image.format != "uchar":
        image = image.colourspace("srgb")
        if image.format != "uchar":
            image = image.cast("uchar")
    if image.bands == 1:
        image = image.colourspace("srgb")
    if (image.width, image.height) != (width, height):
        image = image.resize(width / image.width, vscale=height / image.height)
    levels = {1: image.copy_memory()}
    for s in scale_factors(width, height)[1:]:
        above = levels[s // 2]
        w, h = math.ceil(width / s), math.ceil(height / s)
        # a 2 × 2 box average, as Pillow's reduce: the level's size is exactly ceil(above / 2)
        levels[s] = above.resize(w / above.width, vscale=h / above.height, kernel="linear").copy_memory()
    out = []
    for tile in names:
        left, top, w, h = tile.box
        out.append(levels[tile.scale].crop(left, top, w, h).jpegsave_buffer(Q=QUALITY, keep="none"))
    return out


# -- what the site holds -------------------------------------------------------------------

def item_pictures(project: Project, item: Item) -> list[media.Picture]:
    """The item's raster images, as its pages in order."""
    return [pic for m in item.media if (pic := media.picture(project, m))]


def jobs(project: Project) -> list:
    """One tiles job for each scan of a published item, each scan once."""
    found, seen = [], set()
    for item in published_items(project):
        for pic in item_pictures(project, item):
            if pic.digest not in seen:
                seen.add(pic.digest)
                found.append(tiles_job(pic))
    return found


def service_id(project: Project, pic: media.Picture) -> str:
    return public_url(project, urls.iiif_image(pic.digest)).rstrip("/")


def site_files(project: Project) -> dict[str, bytes]:
    """Every info.json, and with `site_url` every manifest and collection, as bytes."""
    files: dict[str, bytes] = {}
    manifests: list[tuple[Item, dict]] = []
    for item in published_items(project):
        pictures = item_pictures(project, item)
        if not pictures:
            continue
        for pic in pictures:
            files.setdefault(urls.iiif_image(pic.digest) + "info.json", _json(info(pic, service_id(project, pic))))
        if not writes_manifests(project):
            continue
        document = manifest(project, item, pictures)
        files[urls.iiif_manifest(item)] = _json(document)
        manifests.append((item, document))
    if manifests:
        files[urls.iiif_collection()] = _json(collection(project, None, manifests))
        for brand_id in sorted({item.brand_id for item, _ in manifests if item.brand_id in project.brands}):
            files[urls.iiif_collection(brand_id)] = _json(
                collection(project, brand_id, [(i, d) for i, d in manifests if i.brand_id == brand_id]))
    return files


def writes_manifests(project: Project) -> bool:
    """Manifests need absolute ids (IIIF tools open them from anywhere): only with `site_url`.
    The site's own viewer needs none; it reads each image's info.json."""
    return bool(project.settings.site_url)


def manifest_of(project: Project, item: Item) -> str | None:
    """The site path of the item's manifest, when the build writes one."""
    if writes_manifests(project) and item_pictures(project, item):
        return urls.iiif_manifest(item)
    return None


def _json(document: dict) -> bytes:
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


# -- Presentation 3 ---------------------------------------------------------------------------

# Rights a manifest may name by URI (Presentation 3 `rights`: Creative Commons or
# RightsStatements.org, in their http:// form); any other statement is its requiredStatement only.
_RIGHTS_URI = re.compile(r"https?://(creativecommons\.org/(?:licenses|publicdomain)/[a-z0-9.+/-]+|rightsstatements\.org/vocab/[A-Za-z-]+/[0-9.]+/?)")


def rights_uri(text: str | None) -> str | None:
    match = _RIGHTS_URI.search(text or "")
    if not match:
        return None
    uri = "http://" + match.group(1)
    return uri if uri.endswith("/") else uri + "/"


def _lang(project: Project) -> str:
    return project.language or "none"


def _value(project: Project, text: str) -> dict:
    """A language map of plain text. Presentation 3 has a client read a value that begins with
    '<' and ends with '>' as HTML, so such an editor's text (or a row's, however hostile) gets a
    trailing space: viewers show it as the characters it is, never as markup."""
    if text.startswith("<") and text.rstrip().endswith(">"):
        text = text.rstrip() + " "
    return {_lang(project): [text]}


def metadata(project: Project, item: Item) -> list[dict]:
    """The item's fields as label/value pairs, in the order of its page."""
    language = project.language
    fields = [(f"code_{project.code_kind(item)}", item.code), ("date", item.date), ("creator", item.creator), ("holder", item.holder),
              ("type", item.type)]
    brand = project.brands.get(item.brand_id)
    if brand:
        fields.append(("brand", brand.name))
    out = [{"label": _value(project, label(key, language)), "value": _value(project, value)}
           for key, value in fields if value]
    out += [{"label": _value(project, column), "value": _value(project, value)} for column, value in item.extra if value]
    return out


def manifest(project: Project, item: Item, pictures: list[media.Picture]) -> dict:
    from iiif_prezi3 import Manifest, config
    config.configs["helpers.auto_fields.AutoLang"].auto_lang = _lang(project)
    manifest_id = public_url(project, urls.iiif_manifest(item))
    page_url = public_url(project, item_url(item))
    document = Manifest(id=manifest_id, label=_value(project, item.title), metadata=metadata(project, item) or None)
    if item.description:
        document.summary = _value(project, _plain(item.description))
    if item.rights:
        document.requiredStatement = {"label": _value(project, label("rights", project.language)),
                                      "value": _value(project, item.rights)}
        uri = rights_uri(item.rights)
        if uri:
            document.rights = uri
    document.homepage = [{"id": page_url, "type": "Text", "label": _value(project, item.title),
                          "format": "text/html", "language": [_lang(project)]}]
    if item.brand_id in project.brands:
        document.partOf = [{"id": public_url(project, urls.iiif_collection(item.brand_id)), "type": "Collection"}]
    for number, pic in enumerate(pictures, start=1):
        canvas_id = f"{manifest_id.rsplit('/', 1)[0]}/canvas/{number}"
        service = service_id(project, pic)
        body_w, body_h = _painted_size(pic)
        canvas = document.make_canvas(id=canvas_id, width=pic.width, height=pic.height,
                                      label=_value(project, label("page_number", project.language, n=number)))
        body = {"id": f"{service}/full/{'max' if (body_w, body_h) == (pic.width, pic.height) else f'{body_w},{body_h}'}/0/default.jpg",
                "type": "Image", "format": "image/jpeg", "width": body_w, "height": body_h,
                "service": [{"id": service, "type": "ImageService3", "profile": "level0"}]}
        canvas.add_item({"id": f"{canvas_id}/page", "type": "AnnotationPage", "items": [{
            "id": f"{canvas_id}/page/image", "type": "Annotation", "motivation": "painting",
            "body": body, "target": canvas_id}]})
        if number == 1:
            thumb_w, thumb_h = _thumbnail_size(pic)
            document.thumbnail = [{"id": f"{service}/full/{thumb_w},{thumb_h}/0/default.jpg", "type": "Image",
                                   "format": "image/jpeg", "width": thumb_w, "height": thumb_h}]
    return json.loads(document.json())


def _painted_size(pic: media.Picture) -> tuple[int, int]:
    """The whole image a canvas is painted with: the largest listed size (or the image itself
    when it fits in one tile); viewers that read the service zoom further by its tiles."""
    listed = [size for _, size in sizes(pic.width, pic.height)]
    if not listed:
        return pic.width, pic.height
    return max(listed)


def _thumbnail_size(pic: media.Picture) -> tuple[int, int]:
    listed = [size for _, size in sizes(pic.width, pic.height)]
    fitting = [size for size in listed if max(size) <= 400]
    return max(fitting) if fitting else (min(listed) if listed else (pic.width, pic.height))


def _plain(markdown_text: str) -> str:
    """An item's Markdown description as plain text for the manifest's summary."""
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", markdown_text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"[*_`#>]+", "", text)
    return " ".join(text.split())


def collection(project: Project, brand_id: str | None, manifests: list[tuple[Item, dict]]) -> dict:
    from iiif_prezi3 import Collection
    if brand_id is None:
        title, page = project.settings.site_name, ""
    else:
        brand = project.brands[brand_id]
        title, page = brand.name, brand.url
    document = Collection(id=public_url(project, urls.iiif_collection(brand_id)), label=_value(project, title))
    document.homepage = [{"id": public_url(project, page), "type": "Text", "label": _value(project, title),
                          "format": "text/html", "language": [_lang(project)]}]
    document.items = [{"id": m["id"], "type": "Manifest", "label": m["label"],
                       **({"thumbnail": m["thumbnail"]} if "thumbnail" in m else {})} for _, m in manifests]
    return json.loads(document.json())
