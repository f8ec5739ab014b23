"""Structured data and sharing: schema.org JSON-LD and Open Graph tags.

Item pages describe an ArchiveComponent held by an ArchiveOrganization, story pages an
Article with its time, places and subjects, brand pages a Collection. Dates stay EDTF,
which schema.org's temporalCoverage accepts for plain dates and intervals.
"""

from __future__ import annotations

import re
from html import escape

from ..model import Brand, Item, Project, Story
from .common import appearances, item_url, public_url, script_json

CONTEXT = "https://schema.org"
_ISO = re.compile(r"^-?\d{4}(-\d{2}(-\d{2})?)?$")
_ORGANISATION = re.compile(r"(馆|局|会|社|部|厅|办|委|院|所|校|厂|公司|Archive|Office|Society|Company|Museum|Library)",
                           re.IGNORECASE)

MEDIA_TYPES = {"image": "ImageObject", "audio": "AudioObject", "video": "VideoObject", "pdf": "DigitalDocument"}


def script(data: dict) -> str:
    return f'<script type="application/ld+json">{script_json(data)}</script>'


def _agent(name: str) -> dict:
    return {"@type": "Organization" if _ORGANISATION.search(name) else "Person", "name": name}


def _place(place) -> dict:
    out = {"@type": "Place", "name": place.name}
    if place.location:
        out["geo"] = {"@type": "GeoCoordinates", "latitude": place.location[0], "longitude": place.location[1]}
    return out


def _same(url: str) -> str:
    return url


def _collection(project: Project, brand: Brand, address=_same) -> dict:
    return {"@type": "Collection", "name": brand.name, "url": public_url(project, address(brand.url))}


def _source(source) -> dict:
    out = {"@type": "CreativeWork", "name": source.title}
    if source.publisher:
        out["publisher"] = {"@type": "Organization", "name": source.publisher}
    if source.date:
        out["datePublished"] = source.date
    if source.url:
        out["url"] = source.url
    return out


def _dated(out: dict, key: str, value: str | None) -> None:
    """Plain ISO dates under `key`; EDTF with qualifiers or spans as temporalCoverage."""
    if not value:
        return
    out[key if _ISO.match(value) else "temporalCoverage"] = value


# `address` (each data function's last argument): where a link to a page leads from the
# page the data describes: an edition's page links to the edition's pages (renderer.address).
# The text's language is the record's own where it is shown untranslated (translations.py).

def item_data(project: Project, item: Item, image: str | None = None, address=_same) -> dict:
    url = public_url(project, address(item_url(item)))
    brand = project.brands.get(item.brand_id)
    data: dict = {
        "@context": CONTEXT, "@type": "ArchiveComponent", "@id": url + "#item", "url": url,
        "name": item.title, "identifier": item.code, "inLanguage": item.language or project.language,
    }
    if item.holder:  # unstated stays unstated: the brand's archive may not be the one keeping it
        data["holdingArchive"] = {"@type": "ArchiveOrganization", "name": item.holder}
    _dated(data, "dateCreated", item.date)
    if item.creator:
        data["creator"] = _agent(item.creator)
    if item.type:
        data["genre"] = item.type
    if item.description:
        data["description"] = item.description.strip()
    if item.rights:
        data["copyrightNotice"] = item.rights
    if brand:
        data["isPartOf"] = _collection(project, brand, address)
    media = []
    for entry in item.media:
        record = {"@type": MEDIA_TYPES.get(entry.kind or "", "MediaObject"), "contentUrl": public_url(project, entry.path)}
        if entry.caption:
            record["caption"] = entry.caption
        media.append(record)
    if media:
        data["associatedMedia"] = media
    if image:
        data["image"] = image
    stories = appearances(project, item)
    if stories:
        data["subjectOf"] = [{"@type": "Article", "headline": s.title, "url": public_url(project, address(s.url))}
                             for s in stories]
    return data


def story_data(project: Project, story: Story, image: str | None = None, address=_same) -> dict:
    url = public_url(project, address(story.url))
    brand = project.brands.get(story.brand_id)
    data: dict = {
        "@context": CONTEXT, "@type": "Article", "@id": url + "#story", "url": url,
        "headline": story.title, "name": story.title, "description": story.summary,
        "inLanguage": story.language or project.language,
        "publisher": {"@type": "Organization", "name": project.settings.site_name},
    }
    if story.date:
        data["temporalCoverage"] = story.date
    if story.places:
        data["spatialCoverage"] = [_place(p) for p in story.places]
    about = [{"@type": "Thing", "name": tag} for tag in story.tags]
    about += [{"@type": "Person", "name": person} for person in story.people]
    if about:
        data["about"] = about
    if story.tags:
        data["keywords"] = ", ".join(story.tags)
    if story.language == project.language and address(story.url) != story.url:
        # An edition's translated story: the work it translates is the original's page.
        data["translationOfWork"] = {"@id": public_url(project, story.url) + "#story"}
    if brand:
        data["isPartOf"] = _collection(project, brand, address)
        data["author"] = [{"@type": "ArchiveOrganization", "name": name} for name in brand.archives]
    if story.sources:
        data["citation"] = [_source(s) for s in story.sources]
    items = [i for i in story.items]
    if items:
        data["mentions"] = [{"@type": "ArchiveComponent", "name": i.title, "identifier": i.code,
                             "url": public_url(project, address(item_url(i)))} for i in items]
    if image:
        data["image"] = image
    return data


def brand_data(project: Project, brand: Brand, image: str | None = None, address=_same) -> dict:
    url = public_url(project, address(brand.url))
    data: dict = {
        "@context": CONTEXT, "@type": "Collection", "@id": url + "#collection", "url": url,
        "name": brand.name, "description": brand.summary, "inLanguage": brand.name_language or project.language,
        "maintainer": [{"@type": "ArchiveOrganization", "name": name} for name in brand.archives],
    }
    place = {"@type": "Place", "name": brand.region}
    if brand.location:
        place["geo"] = {"@type": "GeoCoordinates", "latitude": brand.location[0], "longitude": brand.location[1]}
    data["spatialCoverage"] = place
    if brand.tags:
        data["about"] = [{"@type": "Thing", "name": tag} for tag in brand.tags]
        data["keywords"] = ", ".join(brand.tags)
    stories = [s for s in brand.stories if not s.draft]
    if stories:
        data["hasPart"] = [{"@type": "Article", "headline": s.title, "url": public_url(project, address(s.url))}
                           for s in stories]
    if brand.sources:
        data["citation"] = [_source(s) for s in brand.sources]
    if image:
        data["image"] = image
    return data


# -- Open Graph ------------------------------------------------------------------------

def open_graph(*, title: str, description: str, site_name: str, language: str, kind: str,
               url: str | None, image: str, image_size: tuple[int, int] | None) -> str:
    """<meta> tags for link previews. `url` and `image` absolute where the site has a site_url."""
    locale = "zh_CN" if language.lower().startswith("zh") else language.replace("-", "_") or "en"
    tags = [("og:type", "article" if kind in ("story", "item") else "website"), ("og:title", title),
            ("og:description", description), ("og:site_name", site_name), ("og:locale", locale)]
    if url:
        tags.append(("og:url", url))
    tags.append(("og:image", image))
    if image_size:
        tags += [("og:image:width", str(image_size[0])), ("og:image:height", str(image_size[1]))]
    tags.append(("og:image:alt", title))
    out = [f'<meta property="{name}" content="{escape(value, quote=True)}">' for name, value in tags]
    out += ['<meta name="twitter:card" content="summary_large_image">',
            f'<meta name="twitter:title" content="{escape(title, quote=True)}">',
            f'<meta name="twitter:description" content="{escape(description, quote=True)}">',
            f'<meta name="twitter:image" content="{escape(image, quote=True)}">']
    return "\n".join(out)
