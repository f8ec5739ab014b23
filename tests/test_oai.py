"""Harvesting: `data/oai-pmh.xml`, the OAI-PMH Static Repository (lantai/views/oai.py).

It validates against the static repository and oai_dc schemas, vendored in tests/schemas/oai/
and read with nothing fetched; it keeps to what the restricted OAI-PMH schema of the static
repository guidelines adds; every open item is one record with a valid oai-identifier;
hostile text is escaped; a draft story's items are not harvested; the same project gives the
same bytes; and the file is not written when the project lacks what the format requires.
"""

from __future__ import annotations

import copy
import re
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
import yaml
from lxml import etree

from conftest import REPO
from lantai.checking import check, load_project
from lantai.drafts import published
from lantai.exports import datapackage
from lantai.reading.settings import make_settings
from lantai.views import oai

SCHEMAS = Path(__file__).resolve().parent / "schemas" / "oai"
SAMPLE = REPO / "examples" / "harbour-archive"
DAY = date(2026, 1, 2)
NS = {"sr": oai.SR, "oai": oai.OAI, "oai_dc": oai.OAI_DC, "dc": oai.DC}
# The oai-identifier syntax (guidelines-oai-identifier.htm): oai:<domain>:<local identifier>.
OAI_IDENTIFIER = re.compile(r"^oai:[a-zA-Z][a-zA-Z0-9\-]*(\.[a-zA-Z][a-zA-Z0-9\-]*)+:[a-zA-Z0-9\-_\.!~\*'\(\);/\?:@&=\+$,%]+$")


@pytest.fixture(scope="module")
def schema() -> etree.XMLSchema:
    """The static repository schema with oai_dc, so that each record's metadata is validated
    too (its `any` is processContents="strict"); every import resolves in SCHEMAS."""
    driver = (f'<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">'
              f'<xs:import namespace="{oai.SR}" schemaLocation="static-repository.xsd"/>'
              f'<xs:import namespace="{oai.OAI_DC}" schemaLocation="oai_dc.xsd"/></xs:schema>')
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    return etree.XMLSchema(etree.fromstring(driver.encode(), parser, base_url=f"{SCHEMAS}/"))


def sample(**settings_changes):
    raw = yaml.safe_load((SAMPLE / "mkdocs.yml").read_text(encoding="utf-8"))
    options = next(entry["lantai"] for entry in raw["plugins"] if isinstance(entry, dict) and "lantai" in entry)
    settings = make_settings(raw["site_name"], raw["theme"]["language"], options, raw.get("site_url"))
    project, problems = load_project(SAMPLE, replace(settings, **settings_changes))
    assert [p for p in check(project, problems) if p.severity == "error"] == []
    return published(project)


def parse(data: bytes):
    return etree.fromstring(data, etree.XMLParser(no_network=True, resolve_entities=False))


def test_the_sample_validates_against_the_static_repository_and_oai_dc_schemas(schema):
    data = oai.repository(sample(), DAY)
    document = parse(data)
    schema.assertValid(document)
    assert document.tag == f"{{{oai.SR}}}Repository"
    assert document.findtext("sr:Identify/oai:repositoryName", namespaces=NS) == "Gullhaven Town Archive"
    assert document.findtext("sr:Identify/oai:adminEmail", namespaces=NS) == "archive@harbour-archive.example.org"
    assert document.findtext("sr:Identify/oai:baseURL", namespaces=NS) == \
        "https://harbour-archive.example.org/data/oai-pmh.xml"
    assert document.findtext("sr:Identify/oai:earliestDatestamp", namespaces=NS) == "2026-01-02"


def test_the_schemas_do_refuse_a_wrong_file(schema):
    """The validation can fail: without its adminEmail, or with a record lacking its
    identifier, the same file is refused."""
    document = parse(oai.repository(sample(), DAY))
    broken = copy.deepcopy(document)
    email = broken.find("sr:Identify/oai:adminEmail", NS)
    email.getparent().remove(email)
    assert not schema.validate(broken)
    broken = copy.deepcopy(document)
    identifier = broken.find(".//oai:header/oai:identifier", NS)
    identifier.getparent().remove(identifier)
    assert not schema.validate(broken)
    broken = copy.deepcopy(document)
    broken.find(".//dc:title", NS).tag = "{http://purl.org/dc/elements/1.1/}heading"   # not a DC element
    assert not schema.validate(broken)


def test_the_static_repository_restrictions_hold():
    """What the guidelines' restricted OAI-PMH schema (not vendored: no copy was found) adds."""
    document = parse(oai.repository(sample(), DAY))
    assert document.findtext("sr:Identify/oai:granularity", namespaces=NS) == "YYYY-MM-DD"
    assert document.findtext("sr:Identify/oai:deletedRecord", namespaces=NS) == "no"
    assert document.find(".//oai:resumptionToken", NS) is None
    assert document.find(".//oai:compression", NS) is None
    headers = document.findall(".//oai:record/oai:header", NS)
    assert headers and all(h.find("oai:setSpec", NS) is None and "status" not in h.attrib for h in headers)
    assert all(r.find("oai:metadata/oai_dc:dc", NS) is not None for r in document.findall(".//oai:record", NS))
    assert {h.findtext("oai:datestamp", namespaces=NS) for h in headers} == {"2026-01-02"}
    assert [f.text for f in document.findall("sr:ListMetadataFormats//oai:metadataPrefix", NS)] == ["oai_dc"]


def test_one_record_per_open_item_with_its_dublin_core():
    project = sample()
    document = parse(oai.repository(project, DAY))
    records = document.findall(".//oai:record", NS)
    # The sample's three items written in YAML and the 211 open rows of its catalogue sheet;
    # the five rows held back are not harvested.
    assert len(records) == len(project.items) == 3 + 211
    assert len(project.held_back) == 5
    data = oai.repository(project, DAY).decode("utf-8")
    assert not [code for code in project.held_back if code in data]
    identifiers = [r.findtext("oai:header/oai:identifier", namespaces=NS) for r in records]
    assert all(OAI_IDENTIFIER.match(i) for i in identifiers), identifiers
    assert len(set(identifiers)) == len(identifiers)
    # The code is kept exactly: its middle dot is %-escaped UTF-8.
    assert "oai:harbour-archive.example.org:HBR-TRD%C2%B71937-M-0001" in identifiers
    manifest = next(r for r in records if r.findtext("oai:header/oai:identifier", namespaces=NS).endswith("M-0001"))
    dc = manifest.find("oai:metadata/oai_dc:dc", NS)

    def values(name):
        return [e.text for e in dc.findall(f"dc:{name}", NS)]
    assert values("title") == ["Manifest of the steamer Kittiwake, Gullhaven to Port Ardel"]
    assert values("creator") == ["E. Rowan, master of the Kittiwake"]
    assert values("date") == ["1937-06-09"]
    assert values("type") == ["manifest"]
    assert values("publisher") == ["Gullhaven Town Archive (fictional)"]
    assert values("identifier") == ["HBR-TRD·1937-M-0001",
                                    "https://harbour-archive.example.org/items/hbr-trd-1937-m-0001/"]
    assert values("relation") == [
        "https://harbour-archive.example.org/harbour-trade/",
        "https://harbour-archive.example.org/harbour-trade/kittiwake-manifest/",
        # its IIIF manifest, which the build writes (tests/test_iiif.py)
        "https://harbour-archive.example.org/iiif/items/hbr-trd-1937-m-0001/manifest.json",
    ]
    assert values("rights")[0].startswith("Fictional record made for the Lantai sample; CC BY 4.0")
    assert values("language") == ["en"]
    assert dc.find("dc:title", NS).get("{http://www.w3.org/XML/1998/namespace}lang") == "en"


def test_catalogue_columns_become_dublin_core_or_description_lines(schema):
    project = sample()
    item = project.items["HBR-PLN·1937-001"]
    project.items["HBR-PLN·1937-001"] = replace(item, extra=(("extent", "2 sheets"), ("retention period", "permanent"),
                                                             ("Subject", "harbours")))
    document = parse(oai.repository(project, DAY))
    schema.assertValid(document)
    dc = next(r for r in document.findall(".//oai:record", NS)
              if r.findtext("oai:header/oai:identifier", namespaces=NS).endswith("PLN%C2%B71937-001"))
    assert [e.text for e in dc.iter(f"{{{oai.DC}}}format")] == ["2 sheets"]
    assert [e.text for e in dc.iter(f"{{{oai.DC}}}subject")] == ["harbours"]
    assert "retention period: permanent" in [e.text for e in dc.iter(f"{{{oai.DC}}}description")]


def test_hostile_text_is_escaped(schema):
    project = sample(site_name='Harbour <script>alert("x")</script> & Co')
    item = project.items["HBR-FAM·1937-L-0001"]
    hostile = 'A </dc:title><dc:rights>forged</dc:rights> & "quoted" \'x\' ]]> \x00\x1b\ufffe end'
    project.items[item.code] = replace(item, title=hostile, creator="<!-- comment --> &amp; <![CDATA[x]]>",
                                       extra=(("note", "</oai:metadata>"),))
    data = oai.repository(project, DAY)
    document = parse(data)          # well-formed: nothing broke out of its element
    schema.assertValid(document)
    assert b"<script>" not in data and b"\x00" not in data and b"\x1b" not in data
    assert document.findtext("sr:Identify/oai:repositoryName", namespaces=NS) == 'Harbour <script>alert("x")</script> & Co'
    record = next(r for r in document.findall(".//oai:record", NS)
                  if r.findtext("oai:header/oai:identifier", namespaces=NS).endswith("L-0001"))
    assert record.findtext(".//dc:title", namespaces=NS) == 'A </dc:title><dc:rights>forged</dc:rights> & "quoted" \'x\' ]]>  end'
    assert record.findtext(".//dc:creator", namespaces=NS) == "<!-- comment --> &amp; <![CDATA[x]]>"
    assert "forged" not in [e.text for e in document.iter(f"{{{oai.DC}}}rights")]
    assert "note: </oai:metadata>" in [e.text for e in record.iter(f"{{{oai.DC}}}description")]


def test_a_draft_storys_items_are_not_harvested():
    raw = sample()
    story = raw.stories["harbour-trade/kittiwake-manifest"]
    raw.stories[story.key] = replace(story, draft=True)
    data = oai.repository(published(raw), DAY)
    assert b"Kittiwake" not in data and "M-0001".encode() not in data
    assert len(parse(data).findall(".//oai:record", NS)) == 2 + 211   # the catalogue sheet's open rows stay


def test_the_same_project_gives_the_same_bytes():
    assert oai.repository(sample(), DAY) == oai.repository(sample(), DAY)
    assert oai.repository(sample(), date(2026, 1, 3)) != oai.repository(sample(), DAY)


def test_sites_on_one_host_keep_their_identifiers_apart():
    project = sample(site_url="https://archive.github.io/exhibit/")
    document = parse(oai.repository(project, DAY))
    identifiers = [h.text for h in document.iterfind(".//oai:header/oai:identifier", NS)]
    assert "oai:archive.github.io:exhibit/HBR-PLN%C2%B71937-001" in identifiers
    assert all(OAI_IDENTIFIER.match(i) for i in identifiers)


def test_a_gateway_makes_the_base_url():
    project = sample(oai_gateway="https://gateway.example.net/oai/")
    document = parse(oai.repository(project, DAY))
    assert document.findtext("sr:Identify/oai:baseURL", namespaces=NS) == \
        "https://gateway.example.net/oai/harbour-archive.example.org/data/oai-pmh.xml"


@pytest.mark.parametrize("changes", [{"contact_email": ""}, {"site_url": ""}, {"site_url": "http://127.0.0.1:8000/"},
                                     {"site_url": "http://localhost/"}])
def test_no_file_without_what_the_format_requires(changes):
    project = sample(**changes)
    assert oai.repository(project, DAY) is None
    assert oai.site_file(project, DAY) == {}
    assert "oai-pmh" not in [r["name"] for r in datapackage(project)["resources"]]


def test_the_data_package_names_the_file_when_it_is_written():
    project = sample()
    assert oai.site_file(project, DAY).keys() == {"data/oai-pmh.xml"}
    resource = next(r for r in datapackage(project)["resources"] if r["name"] == "oai-pmh")
    assert resource["path"] == "oai-pmh.xml" and resource["mediatype"] == "application/xml"


@pytest.mark.parametrize("field,value,key", [("contact_email", "archive at example.org", "contact-email"),
                                              ("contact_email", "a@b", "contact-email"),
                                              ("oai_gateway", "gateway.example.org/oai", "oai-gateway"),
                                              ("oai_gateway", "https://g.example.org/oai?x=1", "oai-gateway")])
def test_a_wrong_setting_is_reported(field, value, key):
    raw = yaml.safe_load((SAMPLE / "mkdocs.yml").read_text(encoding="utf-8"))
    options = {**next(e["lantai"] for e in raw["plugins"] if isinstance(e, dict)), field: value}
    settings = make_settings(raw["site_name"], "en", options, raw.get("site_url"))
    project, problems = load_project(SAMPLE, settings)
    found = [p for p in check(project, problems) if p.key == key]
    assert len(found) == 1 and found[0].field == field and found[0].path == "mkdocs.yml"
    assert value in found[0].message("en")
