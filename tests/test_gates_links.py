"""Link gate: no broken link and no missing anchor anywhere in the built sites.

A small offline crawler (html.parser) reads every HTML page of a built site from the
local server: the pages reachable from the home page and every other .html file the
build wrote. It checks each link, image, stylesheet, script and form target on the site,
and each `#fragment` against the ids of the page it points into. Links to other hosts are
recorded, never followed; links to the site's own published address (site_url) are
checked as the local pages they are.
"""

from __future__ import annotations

import posixpath
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from test_gates_pages import PAGES_SITE_URL, SUB_PATH, fetch

# (tag, attribute) pairs that make the browser fetch or navigate.
LINK_ATTRIBUTES = {("a", "href"), ("link", "href"), ("img", "src"), ("script", "src"), ("source", "src"),
                   ("video", "src"), ("video", "poster"), ("audio", "src"), ("track", "src"),
                   ("iframe", "src"), ("object", "data"), ("form", "action"), ("area", "href")}
NOT_FETCHED = ("mailto:", "tel:", "javascript:", "data:", "blob:")


class PageParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[str, str]] = []   # (tag, url)
        self.base: str | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if attributes.get("id"):
            self.ids.add(attributes["id"])
        if tag == "a" and attributes.get("name"):
            self.ids.add(attributes["name"])
        if tag == "base" and attributes.get("href"):
            self.base = attributes["href"]
        if tag == "link" and "preconnect" in (attributes.get("rel") or "") + (attributes.get("rel") or ""):
            return
        for name, value in attrs:
            if (tag, name) in LINK_ATTRIBUTES and value is not None:
                self.links.append((tag, value.strip()))
            if name == "srcset" and value:
                self.links += [(tag, part.strip().split()[0]) for part in value.split(",") if part.strip()]


class Crawl:
    """Everything one crawl of a site found; `problems` is what the gate reports."""

    def __init__(self, root_url: str, site_dir: Path, published_url: str | None):
        self.root_url = root_url               # http://127.0.0.1:PORT/prefix/
        self.site_dir = site_dir
        self.published_url = published_url     # site_url of the build, mapped onto root_url
        self.pages: dict[str, PageParser] = {}
        self.status: dict[str, int] = {}
        self.problems: list[str] = []
        self.external: set[str] = set()

    def local(self, url: str) -> str | None:
        """The local URL a link means, without its fragment; None for other hosts."""
        if self.published_url and url.startswith(self.published_url):
            url = self.root_url + url[len(self.published_url):]
        parts = urlsplit(url)
        root = urlsplit(self.root_url)
        if (parts.scheme, parts.netloc) != (root.scheme, root.netloc):
            return None
        return parts._replace(fragment="").geturl()

    def get(self, url: str) -> int:
        if url not in self.status:
            status, content_type, body = fetch(url)
            self.status[url] = status
            if status == 200 and content_type.startswith("text/html"):
                parser = PageParser()
                parser.feed(body.decode("utf-8", errors="replace"))
                self.pages[url] = parser
        return self.status[url]

    def run(self) -> Crawl:
        queue = [self.root_url] + [self.root_url + path.relative_to(self.site_dir).as_posix()
                                   .removesuffix("index.html")
                                   for path in sorted(self.site_dir.rglob("*.html")) if path.name != "404.html"]
        seen: set[str] = set()
        while queue:
            url = queue.pop(0)
            if url in seen:
                continue
            seen.add(url)
            if self.get(url) != 200:
                self.problems.append(f"{url}: answers {self.status[url]}")
                continue
            if url in self.pages:
                queue += self.check_links(url, self.pages[url])
        # The 404 page is served at any address; its links must work from anywhere.
        missing = urljoin(self.root_url, "no/such/page/at/depth/")
        status, _, body = fetch(missing)
        if status == 404 and body:
            parser = PageParser()
            parser.feed(body.decode("utf-8", errors="replace"))
            queue = self.check_links(missing, parser)
            for url in queue:
                if url not in seen and self.get(url) != 200:
                    self.problems.append(f"{url}: answers {self.status[url]} (linked from the 404 page)")
        return self

    def check_links(self, page_url: str, parser: PageParser) -> list[str]:
        found = []
        base = urljoin(page_url, parser.base) if parser.base else page_url
        for tag, raw in parser.links:
            if not raw or raw.lower().startswith(NOT_FETCHED):
                continue
            absolute = urljoin(base, raw)
            target = self.local(absolute)
            if target is None:
                self.external.add(absolute)
                continue
            fragment = unquote(urlsplit(absolute).fragment)
            if tag == "a" or tag == "area" or tag == "form":
                found.append(target)
            status = self.get(target)
            where = f"{self.show(page_url)}: <{tag}> {raw}"
            if status != 200:
                self.problems.append(f"{where} -> {status}")
            elif fragment and target in self.pages and fragment not in self.pages[target].ids:
                self.problems.append(f"{where} -> no element with id '{fragment}' on {self.show(target)}")
        return found

    def show(self, url: str) -> str:
        return "/" + posixpath.relpath(urlsplit(url).path, urlsplit(self.root_url).path).removeprefix(".")


def test_no_broken_link_in_the_bundled_exhibition(bundled_site, bundled_url):
    crawl = Crawl(bundled_url, bundled_site, None).run()
    assert len(crawl.pages) > 30
    assert crawl.problems == [], "broken links:\n" + "\n".join(crawl.problems)


def test_no_broken_link_in_the_english_sample(harbour_site, harbour_url):
    crawl = Crawl(harbour_url, harbour_site, None).run()
    assert len(crawl.pages) > 8
    assert crawl.problems == [], "broken links:\n" + "\n".join(crawl.problems)


@pytest.mark.parametrize("project", ["bundled", "harbour"])
def test_no_broken_link_when_published_under_a_sub_path(subpath_sites, subpath_urls, project):
    # As on GitHub Pages: site_url set, served under /exhibit/; canonical links and the
    # sitemap name the published address, which the crawl maps back onto the local server.
    crawl = Crawl(subpath_urls[project], subpath_sites[project], PAGES_SITE_URL).run()
    assert crawl.problems == [], "broken links:\n" + "\n".join(crawl.problems)
    outside_prefix = [url for url in crawl.status if not urlsplit(url).path.startswith(SUB_PATH)]
    assert outside_prefix == [], "links that leave the sub-path:\n" + "\n".join(outside_prefix)


def test_crawler_finds_broken_links_and_missing_anchors(tmp_path):
    # The gate's own check: a site with one of each mistake.
    from conftest import serve
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text(
        '<h1 id="top">Home</h1><a href="a/">a</a><a href="a/#here">here</a><a href="a/#gone">gone</a>'
        '<img src="missing.png" alt=""><a href="https://example.org/x">outside</a>', encoding="utf-8")
    (tmp_path / "a" / "index.html").write_text('<h1 id="here">A</h1><a href="../#top">up</a>', encoding="utf-8")
    with serve(tmp_path) as url:
        crawl = Crawl(url, tmp_path, None).run()
    assert sorted(crawl.problems) == [
        "/: <a> a/#gone -> no element with id 'gone' on /a",
        "/: <img> missing.png -> 404",
    ]
    assert crawl.external == {"https://example.org/x"}
