"""Site search: what each page tells the index, the search page, and the index itself.

The engine is Pagefind (bench/results/search.md holds the comparison with Material's
built-in search that chose it). Pagefind runs after the site is built, reads the HTML and
writes a static index in small chunks under `pagefind/`; the browser fetches only the
chunks a query needs. No site engine here:
the MkDocs plugin hands this module each page's HTML and, after the build, the site folder.

What a page tells the index (`mark_page`):
- its article is the indexed body (`data-pagefind-body`); home, category and search
  pages carry none, so they are left out;
- metadata shown with a result: title, brand, date, kind;
- filters: category, brand, kind (the search page filters on them, in the browser);
- a few weighted terms, so that the page *about* a thing ranks before pages that
  mention it: an item's reference code, a brand's name, a story's people, places and
  subjects;
- a simplified-character copy of any passage written in traditional characters.

Chinese words: Pagefind splits Chinese with a dictionary when indexing (jieba) and with the
browser's `Intl.Segmenter` when searching, and the two often disagree (彩带 is one word to the
first and two to the second; names such as 陈望道 are in neither dictionary), so a visitor's
word would not be found. Lantai indexes Chinese text as overlapping pairs of characters
instead (陈望道译 -> 陈望 望道 道译 译), in a copy of the pages made for the indexer (the
published pages are unchanged). Each pair is written as a plain ASCII word, its code points
in hexadecimal (陈望 -> `zx9648671b`, 译 alone -> `zx8bd1`): Pagefind then neither splits
the pairs again nor trips over Chinese word boundaries in its chunked index (at 5,000 pages
some pairs written in Chinese characters were not found), and a single character typed
alone still finds every pair it starts, as a prefix. search.js turns a query into the same
words and turns excerpts back into characters. Any run of characters a page holds is found,
whatever a dictionary thinks a word is; a query of three characters or more is also asked
as an exact phrase, which keeps only the pages holding the visitor's words as typed. Pairs
rather than single characters keep the index small at scale: a single character such as
的 occurs in every page dozens of times, and the index chunk holding it would be fetched by
every query that touches that chunk.

Traditional and simplified Chinese: the index holds simplified text (the copy above covers
pages quoting traditional text), and the browser turns a visitor's query into simplified
characters with a table served from the site (`assets/lantai/t2s.txt`, only the characters
this site's text uses). The table is made with OpenCC at build time. Converting the query
costs one small file on the first Chinese query; converting every page the other way
instead would double the index and still miss traditional queries on simplified text.
"""

from __future__ import annotations

import gzip
import hashlib
import html
import json
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from . import dates
from .labels import label
from .model import Item, Project

KINDS = ("story", "brand", "item", "page")
INDEX_DIR = "pagefind"                       # the index, relative to the site
T2S_TABLE = "assets/lantai/t2s.txt"          # traditional -> simplified pairs, relative to the site
ARTICLE = '<article class="md-content__inner md-typeset">'
# Parts of an indexed page that are not words a visitor looks for: Dublin Core term names
# beside the item metadata, and the ready-made citation (it repeats title and site name).
NOT_INDEXED = (".lt-dc", ".lt-cite")
# Weights (Pagefind: 0-10, quadratic; h1 is 7, body text 1).
WEIGHT_NAME = 10       # an item's code, a brand's own name: the page that *is* the thing
WEIGHT_SUBJECT = 5     # a story's people, places and subjects: the page about them

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_SENTENCE = re.compile(r"[^。！？；\n]+[。！？；]?")
_TAGS = re.compile(r"<[^>]+>")
_TAG_SPLIT = re.compile(r"(<[^>]*>)")
_CJK_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
SEGMENTED = {"zh", "ja"}   # languages Pagefind would split with a dictionary


@dataclass
class SearchRecord:
    """What one page tells the search index."""

    kind: str                         # story, brand, item or page
    kind_label: str                   # shown with the result, in the site's language
    title: str
    brand: str = ""                   # the brand's name
    category: str = ""                # the category's name
    date: str = ""                    # as shown to visitors
    names: list[str] = field(default_factory=list)      # the thing this page is (weight WEIGHT_NAME)
    subjects: list[str] = field(default_factory=list)   # people, places, subjects (WEIGHT_SUBJECT)


def page_record(project: Project, meta: dict, src_uri: str, title: str) -> SearchRecord | None:
    """The search record of a built page, or None for pages the index leaves out."""
    language = project.language
    kind = meta.get("lantai")
    brand = project.brands.get(meta.get("lantai_brand") or "")
    category = project.category(brand.category) if brand else None

    def record(kind_: str, title_: str, **values) -> SearchRecord:
        return SearchRecord(kind_, label(kind_, language), title_,
                            brand=brand.name if brand else "", category=category.name if category else "", **values)

    if kind == "story":
        story = project.stories.get(src_uri[:-3] if src_uri.endswith(".md") else src_uri)
        if story is None:
            return None
        return record("story", story.title, date=dates.display(story.date, language) if story.date else "",
                      subjects=[*story.people, *(place.name for place in story.places), *story.tags])
    if kind == "brand" and brand:
        return record("brand", brand.name, names=[brand.name], subjects=[brand.region])
    if kind == "item":
        item = _item_at(project, src_uri)
        if item is None:
            return None
        return record("item", item.title, date=dates.display(item.date, language) if item.date else "",
                      names=code_forms(item.code))
    free = next((page for page in project.pages if src_uri == f"{page.name}.md"), None)
    if kind is None and free is not None:
        return SearchRecord("page", label("page", language), free.title or title)
    return None


def _item_at(project: Project, src_uri: str) -> Item | None:
    slug = src_uri.removeprefix("items/").removesuffix(".md")
    return next((item for item in project.items.values() if item.slug == slug), None)


def code_forms(code: str) -> list[str]:
    """A reference code as visitors type it: as written, and without its separators
    (SY-0001 and SY0001; 浙/J001-2 and 浙J0012), so either finds the item."""
    forms = [code]
    joined = re.sub(r"[\s\-/_.·]+", "", code)
    if joined != code:
        forms.append(joined)
    return forms


def mark_page(page_html: str, record: SearchRecord | None, content_html: str = "") -> str:
    """The built page with what it tells the index: its article becomes the indexed body,
    closed by the record's metadata, filters, weighted terms and simplified copy."""
    if record is None or ARTICLE not in page_html:
        return page_html
    marks = render_marks(record, simplified_passages(_TAGS.sub(" ", content_html)))
    opened = ARTICLE.replace("<article ", "<article data-pagefind-body ", 1)
    page_html = page_html.replace(ARTICLE, opened, 1)
    # The marks close the article: Pagefind takes an excerpt from the first best window,
    # and it should be the page's own text, not the list of weighted names before it.
    end = page_html.rfind("</article>")
    return page_html[:end] + marks + page_html[end:]


def render_marks(record: SearchRecord, simplified: str = "") -> str:
    """Hidden markup Pagefind reads; visitors never see it."""
    e = lambda value: html.escape(value, quote=True)  # noqa: E731
    meta = [("title", record.title), ("kind", record.kind_label), ("brand", record.brand), ("date", record.date)]
    filters = [("kind", record.kind_label), ("brand", record.brand), ("category", record.category)]
    parts = [f'<div class="lt-search-marks" hidden data-pagefind-ignore>']
    parts += [f'<span data-pagefind-meta="{key}:{e(value)}"></span>' for key, value in meta if value]
    parts += [f'<span data-pagefind-filter="{key}:{e(value)}"></span>' for key, value in filters if value]
    parts.append("</div>")
    # One line per weight, its terms apart (an excerpt may show them: 陈望道 · 叶天底).
    weighted = [(weight, " · ".join(terms)) for weight, terms in ((WEIGHT_NAME, record.names),
                                                                  (WEIGHT_SUBJECT, record.subjects)) if terms]
    if weighted or simplified:
        parts.append('<div class="lt-search-marks" hidden>')
        parts += [f'<p data-pagefind-weight="{weight}">{e(text)}</p>' for weight, text in weighted]
        if simplified:
            parts.append(f"<p>{e(simplified)}</p>")
        parts.append("</div>")
    return "".join(parts)


# -- traditional and simplified Chinese ------------------------------------------------

_converter = None


def _t2s(text: str) -> str:
    global _converter
    if _converter is None:
        import opencc
        _converter = opencc.OpenCC("t2s")
    return _converter.convert(text)


def simplified_passages(text: str) -> str:
    """The sentences of `text` that read differently in simplified characters, converted;
    empty when the text is all simplified (the usual case, which costs nothing)."""
    if not _CJK.search(text) or _t2s(text) == text:
        return ""
    converted = []
    for sentence in _SENTENCE.findall(text):
        sentence = " ".join(sentence.split())
        if sentence and _CJK.search(sentence) and (simple := _t2s(sentence)) != sentence:
            converted.append(simple)
    return " ".join(converted)


def t2s_pairs(used: set[str]) -> str:
    """Traditional -> simplified character pairs, as one string `TsTs...`, for the
    simplified characters in `used` (the characters this site's text holds)."""
    chars = [chr(code) for code in range(0x3400, 0xA000)]
    simplified = _t2s("\n".join(chars)).split("\n")
    return "".join(t + s for t, s in zip(chars, simplified) if len(s) == 1 and s != t and s in used)


def site_characters(site_dir: Path) -> set[str]:
    """Every CJK character in the site's indexed pages."""
    used: set[str] = set()
    for page in site_dir.rglob("*.html"):
        text = page.read_text(encoding="utf-8", errors="replace")
        if "data-pagefind-body" in text:
            used.update(_CJK.findall(text))
    return used


# -- the index -------------------------------------------------------------------------

class SearchIndexError(RuntimeError):
    pass


def pagefind_binary() -> Path:
    """The Pagefind binary that comes inside the `pagefind[extended]` wheel."""
    from pagefind.service import get_executable
    binary = get_executable()
    if binary is None or not Path(binary).exists():
        raise SearchIndexError("Pagefind is not installed: pip install 'pagefind[extended]'")
    return Path(binary)


PAIR_PREFIX = "zx"   # an index word made of CJK characters: zx + 4 hex digits per character


def pair_word(chars: str) -> str:
    return PAIR_PREFIX + "".join(f"{ord(ch):04x}" for ch in chars)


def index_words(page_html: str) -> str:
    """The page as the indexer reads it: every run of CJK characters in its text (never
    inside a tag) written as overlapping pairs and its last character, each as an ASCII
    word (`pair_word`), space-separated."""
    def pairs(match: re.Match) -> str:
        run = match.group(0)
        return " " + " ".join([pair_word(run[i:i + 2]) for i in range(len(run) - 1)] + [pair_word(run[-1])]) + " "
    return "".join(part if part.startswith("<") else _CJK_RUN.sub(pairs, part)
                   for part in _TAG_SPLIT.split(page_html))


def _language(page_html: str) -> str:
    found = re.search(r'<html[^>]*\blang="([^"]+)"', page_html[:2000])
    return found.group(1).lower() if found else ""


def build_index(site_dir: Path) -> None:
    """Index the built site with Pagefind, and write the character table beside it."""
    site_dir = Path(site_dir)
    output = site_dir / INDEX_DIR
    shutil.rmtree(output, ignore_errors=True)
    with tempfile.TemporaryDirectory(prefix="lantai-search-") as scratch:
        languages = set()
        for page in sorted(site_dir.rglob("*.html")):
            text = page.read_text(encoding="utf-8")
            if "data-pagefind-body" in text:
                languages.add(_language(text).split("-")[0])
                copy = Path(scratch) / page.relative_to(site_dir)
                copy.parent.mkdir(parents=True, exist_ok=True)
                copy.write_text(index_words(text), encoding="utf-8")
        if not languages:
            return   # nothing to index yet (a project without brands or pages): no index
        options = [arg for selector in NOT_INDEXED for arg in ("--exclude-selectors", selector)]
        if languages & SEGMENTED:
            # The page's words are ASCII now: no dictionary splitting, no stemming.
            options += ["--force-language", "und"]
        result = subprocess.run([str(pagefind_binary()), "--site", scratch, "--output-path", str(output), *options,
                                 "--silent"], capture_output=True, text=True, timeout=3600, check=False)
    if result.returncode != 0:
        raise SearchIndexError(f"Pagefind failed:\n{result.stdout}\n{result.stderr}".strip())
    reproducible_filters(output)
    # Pagefind's own UI bundles are not used by Lantai; keep the site small.
    for unused in ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
                   "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js"):
        (site_dir / INDEX_DIR / unused).unlink(missing_ok=True)
    table = site_dir / T2S_TABLE
    table.parent.mkdir(parents=True, exist_ok=True)
    table.write_text(t2s_pairs(site_characters(site_dir)), encoding="utf-8")


# -- reproducible output ---------------------------------------------------------------
#
# Pagefind writes its index byte for byte the same on every run, except the filter files:
# it keeps filter values in a hash map, whose order changes from run to run. Lantai builds
# are reproducible, so the filter files are rewritten in sorted order, renamed by their
# content as Pagefind names them, and the language's metadata file pointed at them.
# The files are gzip-compressed CBOR after a "pagefind_dcd" signature; the few CBOR types
# they use are read and written here.

_SIGNATURE = b"pagefind_dcd"


def reproducible_filters(output: Path) -> None:
    entry_file = output / "pagefind-entry.json"
    entry = json.loads(entry_file.read_text(encoding="utf-8"))
    for language in entry["languages"].values():
        meta_file = output / f"pagefind.{language['hash']}.pf_meta"
        meta = _read_pagefind(meta_file)
        prefix = language["hash"].split("_")[0]
        filters = []
        for name, old_hash in sorted(meta[3]):
            old_file = output / "filter" / f"{old_hash}.pf_filter"
            filter_name, values = _read_pagefind(old_file)
            data = _encode([filter_name, sorted(values, key=lambda value: value[0])])
            new_hash = f"{prefix}_{hashlib.sha256(data).hexdigest()[:7]}"
            old_file.unlink()
            _write_pagefind(output / "filter" / f"{new_hash}.pf_filter", data)
            filters.append([name, new_hash])
        meta[3] = filters
        data = _encode(meta)
        meta_file.unlink()
        language["hash"] = f"{prefix}_{hashlib.sha256(data).hexdigest()[:10]}"
        _write_pagefind(output / f"pagefind.{language['hash']}.pf_meta", data)
    entry_file.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def _read_pagefind(path: Path):
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(_SIGNATURE):
        raise SearchIndexError(f"{path}: not a Pagefind index file")
    value, _ = _decode(data, len(_SIGNATURE))
    return value


def _write_pagefind(path: Path, data: bytes) -> None:
    path.write_bytes(gzip.compress(data, mtime=0))


def _decode(data: bytes, at: int):
    major, info = data[at] >> 5, data[at] & 31
    at += 1
    if info >= 24:
        size = 1 << (info - 24)
        info, at = int.from_bytes(data[at:at + size], "big"), at + size
    if major == 0:
        return info, at
    if major == 3:
        return data[at:at + info].decode("utf-8"), at + info
    if major == 4:
        items = []
        for _ in range(info):
            item, at = _decode(data, at)
            items.append(item)
        return items, at
    raise SearchIndexError(f"unexpected CBOR major type {major} in a Pagefind file")


def _encode(value, top: bool = True) -> bytes:
    def head(major: int, number: int) -> bytes:
        if number < 24:
            return bytes([major << 5 | number])
        size = next(s for s in (1, 2, 4, 8) if number < 1 << (8 * s))
        return bytes([major << 5 | (24 + size.bit_length() - 1)]) + number.to_bytes(size, "big")
    if isinstance(value, int):
        body = head(0, value)
    elif isinstance(value, str):
        raw = value.encode("utf-8")
        body = head(3, len(raw)) + raw
    else:
        body = head(4, len(value)) + b"".join(_encode(item, top=False) for item in value)
    return _SIGNATURE + body if top else body


# -- the search page -------------------------------------------------------------------

def search_page(renderer):
    """`/search/?q=...`: every result of a query in rank order, with filters."""
    from .pages import GeneratedPage
    project = renderer.project
    kinds = [(label(kind, project.language)) for kind in KINDS]
    brands = sorted((brand.name for brand in project.brands.values()), key=str)
    categories = [category.name for category in project.settings.categories]
    markdown = renderer.render("search.html", "search/", kinds=kinds, brands=brands, categories=categories)
    return GeneratedPage("search.md", label("search", project.language), markdown + "\n",
                         {"hide": ["navigation", "toc"], "lantai": "search",
                          "description": label("search_description", project.language)})
