"""Options of the `lantai` plugin entry in mkdocs.yml, declared once."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config

from ...model import DEFAULT_ASSETS, RAW_HTML


class LantaiConfig(Config):
    enabled = c.Type(bool, default=True)

    # The exhibition
    subtitle = c.Type(str, default="")
    # {id, name, description}; checked by lantai.settings so errors read like every other
    categories = c.ListOfItems(c.Type(dict), default=[])
    featured = c.ListOfItems(c.Type(str), default=[])  # story keys: brand-id/story-id
    # What items' codes are: reference (the archive's 档号), exhibition, catalogue or identifier
    code_kind = c.Type(str, default="identifier")
    # Raw HTML in editors' Markdown: sanitise (no scripts, handlers, javascript: links) or trust (lantai/sanitise.py)
    raw_html = c.Choice(RAW_HTML, default="sanitise")
    # Folders (or files) below docs_dir published whole; anything else is published only when named
    assets = c.ListOfItems(c.Type(str), default=list(DEFAULT_ASSETS))
    image_metadata = c.Choice(("strip", "keep"), default="strip")  # of published photographs (lantai/publishing/cleaning.py)
    # Rows per page of the catalogue, the indexes and the timeline; 0: Lantai's own sizes (lantai/views/paging.py)
    page_size = c.Type(int, default=0)

    # The site's other languages, each published below /<language>/ (lantai/translations.py):
    # `[en]`, or `{en: {site_name: ..., subtitle: ..., site_description: ...}}` with the site's own words in it.
    # Checked by lantai.reading.project.check_settings
    translations = c.Type((list, dict), default=[])

    # Harvesting: OAI-PMH's adminEmail (no OAI-PMH file without it) and the Static Repository
    # Gateway's base URL, once one is chosen (lantai/views/oai.py)
    contact_email = c.Type(str, default="")
    oai_gateway = c.Type(str, default="")

    # A site hosted in mainland China: its ICP and public-security filing numbers, shown in
    # every page's footer (lantai/filing.py)
    icp_filing = c.Type(str, default="")
    police_filing = c.Type(str, default="")

    # The editing interface at /admin/ (lantai/editing/cms.py): `true` (in the preview only), or
    # {backend: github | gitea | local, repo, branch, base_url, api_root, app_id}. Checked by
    # lantai.editing.cms.check_admin, so errors read like every other
    admin = c.Type((bool, dict), default=False)

    # Catalogue files (lantai/reading/catalogue.py): the folder beside brands/ and content/;
    # {column name: field} over the DA/T 18 and Dublin Core defaults (or skip); the brand of
    # rows that name none; {column name: [values] or "*"} that hold a row back. Checked by
    # lantai.reading.project.check_settings, so errors read like every other
    catalogue = c.Type(str, default="catalogue")
    catalogue_columns = c.Type(dict, default={})
    catalogue_brand = c.Type(str, default="")
    catalogue_restricted = c.Type(dict, default={})
