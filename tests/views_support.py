"""Helpers for the exhibition-view tests (tests/test_views_*.py): reading built pages."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit


def page_file(site: Path, url: str) -> Path:
    """The file a site-relative URL (e.g. 'items/pt-0001/') is served from."""
    path = urlsplit(url).path.lstrip("/")
    target = site / path
    return target / "index.html" if path == "" or path.endswith("/") else target


def read_page(site: Path, url: str) -> str:
    return page_file(site, url).read_text(encoding="utf-8")


def resolves(site: Path, page_url: str, href: str) -> bool:
    """Does a link on the page at `page_url` lead to a file of the built site?"""
    target = urljoin("http://site/" + page_url, href)
    parts = urlsplit(target)
    return parts.netloc == "site" and page_file(site, parts.path).is_file()


class Elements(HTMLParser):
    """Every start tag with its attributes, and the text inside chosen elements."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, {k: v or "" for k, v in attrs}))


def tags(html: str, name: str | None = None, **attributes: str) -> list[dict]:
    parser = Elements()
    parser.feed(html)
    return [attrs for tag, attrs in parser.tags if (name is None or tag == name)
            and all(attrs.get(k.replace("_", "-")) == v for k, v in attributes.items())]


def has_class(attrs: dict, name: str) -> bool:
    return name in attrs.get("class", "").split()


def section(html: str, start_marker: str, end_marker: str) -> str:
    start = html.index(start_marker)
    return html[start:html.index(end_marker, start)]


def json_ld(html: str) -> list[dict]:
    return [json.loads(m) for m in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)]


def meta_property(html: str, name: str) -> str | None:
    found = [t.get("content") for t in tags(html, "meta") if t.get("property") == name or t.get("name") == name]
    return found[0] if found else None
