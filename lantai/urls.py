"""Every address of the exhibition, spelled once: one function per kind of page.

Addresses are site-relative directory URLs without a leading slash (`shangyu/manifesto/`,
`''` for the home page), as CONTENT-FORMAT.md fixes them. Pages link to each other with
`relative`, so a site works under any sub-path (a GitHub Pages project site).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the model's records know their address through this module
    from .model import Brand, FreePage, Item, Story

HOME = ""
TIMELINE = "timeline/"
MAP = "map/"
CATALOGUE = "items/"
SEARCH = "search/"
TAGS = "tags/"
PEOPLE = "people/"
PLACES = "places/"
NOT_FOUND = "404.html"          # served for any address: its links are root-relative
DATA = "data/"
IIIF = "iiif/"                  # static IIIF: image services, manifests, collections (lantai/views/iiif.py)


def iiif_image(digest: str) -> str:
    """A scan's IIIF Image API 3 service (its info.json and level-0 tiles below it), named by
    the sha256 of the image's bytes, so that one scan shown by two items is cut once."""
    return f"{IIIF}images/{digest[:16]}/"


def iiif_manifest(record: "Item") -> str:
    """An item's IIIF Presentation 3 manifest: its metadata and its pages in order."""
    return f"{IIIF}items/{record.slug}/manifest.json"


def iiif_collection(brand_id: str | None = None) -> str:
    """The collection of every item of one brand, or (None) of the whole exhibition."""
    return f"{IIIF}collection.json" if brand_id is None else f"{IIIF}brands/{brand_id}.json"


OAI_PMH = DATA + "oai-pmh.xml"  # the OAI-PMH static repository (lantai/views/oai.py)


def category(category_id: str) -> str:
    return f"categories/{category_id}/"


def brand(record: "Brand | str") -> str:
    return f"{record if isinstance(record, str) else record.id}/"


def story(record: "Story") -> str:
    return f"{record.brand_id}/{record.id}/"


def item(record: "Item") -> str:
    return f"{CATALOGUE}{record.slug}/"


def free_page(record: "FreePage") -> str:
    return f"{record.name}/"


def data(name: str) -> str:
    return DATA + name


def paged(view: str, number: int) -> str:
    """Page `number` of a view that lists its rows in pages (lantai/views/paging.py): the
    first at the view's own address, the others below it (`items/page/2/`)."""
    return view if number == 1 else f"{view}page/{number}/"


def catalogue_part(number: int) -> str:
    """The rows of the catalogue's page `number` as data, for filters over the whole catalogue."""
    return data(f"catalogue/{number}.json")


def relative(from_url: str, to_url: str) -> str:
    """Link from the page at `from_url` to `to_url`, both site-relative directory URLs."""
    depth = from_url.count("/")
    target = "../" * depth + to_url
    return target or "./"


def relative_path(url: str, other: str) -> str:
    """`url` as seen from `other` by the shortest relative path (an editor's own links:
    media/x.jpg from the page shangyu/manifesto/ is ../media/x.jpg). Both site-relative;
    the last part of `other` is taken for a file when it has a dot."""
    directory, _, name = other.rpartition("/")
    if "." in name:
        other = directory
    from_parts = _parts(other)
    to_parts = _parts(url)
    common = 0
    for a, b in zip(from_parts, to_parts):
        if a != b:
            break
        common += 1
    joined = "/".join([".."] * (len(from_parts) - common) + to_parts[common:]) or "."
    return joined + "/" if url.endswith("/") else joined


def _parts(path: str) -> list[str]:
    parts: list[str] = []
    for part in path.split("/"):
        if part == "..":
            if parts:
                parts.pop()
        elif part and part != ".":
            parts.append(part)
    return parts

