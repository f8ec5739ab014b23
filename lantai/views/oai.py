"""Harvesting: the exhibition's open items as an OAI-PMH Static Repository (`data/oai-pmh.xml`).

An OAI Static Repository (http://www.openarchives.org/OAI/2.0/guidelines-static-repository.htm)
is one XML file holding what an OAI-PMH server would answer to Identify, ListMetadataFormats
and ListRecords; a Static Repository Gateway reads it and answers harvesters (union
catalogues) for the site, as CollectionBuilder publishes its `oai.xml`. Every record is an
open published item (`published_items`: drafts' items and held-back catalogue rows are never
in the project) in unqualified Dublin Core (`oai_dc`).

The format asks for what Lantai cannot make up, so the file is written only when the project
has them: an `adminEmail` (setting `contact_email`), a site address whose host is a domain
name (an oai-identifier is `oai:<domain>:<local id>`) and at least one item. The datestamp
of every record is the build's reproducible date (SOURCE_DATE_EPOCH), given by the engine:
nothing here reads a clock, and the same project gives the same bytes.
"""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import quote, urlsplit

from .. import urls
from ..model import Item, Project
from . import iiif
from .common import appearances, item_url, public_url, published_items

SR = "http://www.openarchives.org/OAI/2.0/static-repository"
OAI = "http://www.openarchives.org/OAI/2.0/"
OAI_DC = "http://www.openarchives.org/OAI/2.0/oai_dc/"
DC = "http://purl.org/dc/elements/1.1/"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
SR_SCHEMA = "http://www.openarchives.org/OAI/2.0/static-repository.xsd"
OAI_DC_SCHEMA = "http://www.openarchives.org/OAI/2.0/oai_dc.xsd"

# The oai-identifier's namespace part (http://www.openarchives.org/OAI/2.0/guidelines-oai-identifier.htm):
# a registered domain name, so 127.0.0.1 and localhost cannot name a repository.
DOMAIN = re.compile(r"^[a-zA-Z][a-zA-Z0-9-]*(\.[a-zA-Z][a-zA-Z0-9-]*)+$")
# Characters a local identifier may hold as they are; any other is %-escaped as UTF-8.
LOCAL_SAFE = "-_.!~*'();/?:@&=+$,"

# A catalogue row's other columns that are Dublin Core elements by their name (DA/T 18's
# Chinese ones, or English); any other column becomes a `name: value` line of dc:description.
EXTRA_ELEMENTS = {
    "subject": "subject", "主题词": "subject", "关键词": "subject",
    "coverage": "coverage", "language": "language", "语种": "language",
    "format": "format", "extent": "format", "页数": "format", "载体": "format",
    "source": "source", "来源": "source", "contributor": "contributor",
    "description": "description", "附注": "description", "备注": "description",
}
# The order of oai_dc's elements in a record (the schema allows any; a fixed one keeps bytes stable).
DC_ORDER = ("title", "creator", "subject", "description", "publisher", "contributor", "date", "type",
            "format", "identifier", "source", "language", "relation", "coverage", "rights")

# Characters XML 1.0 cannot carry at all (C0 controls but tab and line ends, lone surrogates,
# U+FFFE/U+FFFF): an editor's text pasted from elsewhere may hold them; they are dropped.
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def text(value: str) -> str:
    """Element content, escaped."""
    return (_NOT_XML.sub("", value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))


def attribute(value: str) -> str:
    """An attribute value in double quotes, escaped (line ends kept as character references)."""
    return (text(value).replace('"', "&quot;").replace("\t", "&#9;").replace("\n", "&#10;")
            .replace("\r", "&#13;"))


def domain(project: Project) -> str | None:
    """The host of the site's address when it is a domain name, lower-case."""
    if not project.settings.site_url:
        return None
    host = (urlsplit(project.settings.site_url).hostname or "").lower()
    return host if DOMAIN.match(host) else None


def repository_url(project: Project) -> str:
    """The static repository's own address (absolute: only asked for when the site has one)."""
    return public_url(project, urls.OAI_PMH)


def base_url(project: Project) -> str:
    """OAI-PMH baseURL. The guidelines make it the gateway's URL followed by the repository's
    own address without its scheme; until a gateway is chosen it is the file's own address,
    which a harvester reading the file directly can use and a gateway will ask to be changed."""
    own = repository_url(project)
    gateway = project.settings.oai_gateway
    if not gateway:
        return own
    return gateway.rstrip("/") + "/" + own.split("://", 1)[1]


def identifier(project: Project, item: Item, host: str) -> str:
    """`oai:<host>:<site path>/<code>`: the site's path keeps apart two exhibitions on one host
    (OWNER.github.io/a/ and OWNER.github.io/b/); the code is kept exactly, %-escaped."""
    path = urlsplit(project.settings.site_url).path.strip("/")
    local = quote(item.code, safe=LOCAL_SAFE)
    return f"oai:{host}:{path}/{local}" if path else f"oai:{host}:{local}"


def dublin_core(project: Project, item: Item) -> list[tuple[str, str]]:
    """The item's record as (element, value) pairs in DC_ORDER, each value once."""
    out: dict[str, list[str]] = {name: [] for name in DC_ORDER}

    def add(name: str, value: str | None) -> None:
        value = (value or "").strip()
        if value and value not in out[name]:
            out[name].append(value)

    add("title", item.title)
    add("creator", item.creator)
    add("description", item.description)
    for column, value in item.extra:
        element = EXTRA_ELEMENTS.get(column.strip().lower())
        if element == "description" or element is None:
            add("description", f"{column}: {value}" if element is None else value)
        else:
            add(element, value)
    add("publisher", item.holder)
    add("date", item.date)     # EDTF as written: 1920-08, 1956/1960, 1920~
    add("type", item.type)
    add("identifier", item.code)
    add("identifier", public_url(project, item_url(item)))
    add("language", project.language)
    if item.brand_id in project.brands:   # a catalogue row may belong to no brand
        add("relation", public_url(project, urls.brand(item.brand_id)))
    for story in appearances(project, item):
        add("relation", public_url(project, story.url))
    manifest = iiif.manifest_of(project, item)   # only an address the build writes
    if manifest:
        add("relation", public_url(project, manifest))
    add("rights", item.rights)
    return [(name, value) for name in DC_ORDER for value in out[name]]


def harvestable(project: Project) -> bool:
    """Whether the project has what the format requires (see the module's docstring)."""
    return bool(domain(project) and project.settings.contact_email and project.items)


def repository(project: Project, day: date) -> bytes | None:
    """The static repository's bytes, or None when the project is not `harvestable`; `day`
    is the datestamp of the build."""
    if not harvestable(project):
        return None
    host = domain(project) or ""
    items = published_items(project)
    stamp = day.isoformat()
    lang = attribute(project.language)
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<Repository xmlns="{SR}" xmlns:oai="{OAI}" xmlns:xsi="{XSI}"',
        f'            xsi:schemaLocation="{SR} {SR_SCHEMA}">',
        "  <Identify>",
        f"    <oai:repositoryName>{text(project.settings.site_name)}</oai:repositoryName>",
        f"    <oai:baseURL>{text(base_url(project))}</oai:baseURL>",
        "    <oai:protocolVersion>2.0</oai:protocolVersion>",
        f"    <oai:adminEmail>{text(project.settings.contact_email)}</oai:adminEmail>",
        f"    <oai:earliestDatestamp>{stamp}</oai:earliestDatestamp>",
        "    <oai:deletedRecord>no</oai:deletedRecord>",
        "    <oai:granularity>YYYY-MM-DD</oai:granularity>",
        "  </Identify>",
        "  <ListMetadataFormats>",
        "    <oai:metadataFormat>",
        "      <oai:metadataPrefix>oai_dc</oai:metadataPrefix>",
        f"      <oai:schema>{OAI_DC_SCHEMA}</oai:schema>",
        f"      <oai:metadataNamespace>{OAI_DC}</oai:metadataNamespace>",
        "    </oai:metadataFormat>",
        "  </ListMetadataFormats>",
        '  <ListRecords metadataPrefix="oai_dc">',
    ]
    for item in items:
        lines += [
            "    <oai:record>",
            "      <oai:header>",
            f"        <oai:identifier>{text(identifier(project, item, host))}</oai:identifier>",
            f"        <oai:datestamp>{stamp}</oai:datestamp>",
            "      </oai:header>",
            "      <oai:metadata>",
            f'        <oai_dc:dc xmlns:oai_dc="{OAI_DC}" xmlns:dc="{DC}"',
            f'                   xsi:schemaLocation="{OAI_DC} {OAI_DC_SCHEMA}">',
        ]
        for name, value in dublin_core(project, item):
            # Text elements say their language; identifiers and addresses have none.
            tagged = name not in ("identifier", "relation", "language", "date")
            lang_attr = f' xml:lang="{lang}"' if tagged else ""
            lines.append(f"          <dc:{name}{lang_attr}>{text(value)}</dc:{name}>")
        lines += ["        </oai_dc:dc>", "      </oai:metadata>", "    </oai:record>"]
    lines += ["  </ListRecords>", "</Repository>", ""]
    return "\n".join(lines).encode("utf-8")


def site_file(project: Project, day: date) -> dict[str, bytes]:
    """`{urls.OAI_PMH: bytes}` when the project can be harvested, else nothing."""
    data = repository(project, day)
    return {urls.OAI_PMH: data} if data is not None else {}
