"""The search index: Pagefind over the built site, made reproducible.

The engine is Pagefind (bench/results/search.md holds the comparison with Material's
built-in search that chose it). Pagefind runs after the site is built, reads the HTML and
writes a static index in small chunks under `pagefind/`; the browser fetches only the
chunks a query needs. Chinese text is given to it as character pairs (chinese.py).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from .chinese import CJK, index_words, t2s_pairs
from .copies import Copies

INDEX_DIR = "pagefind"                       # the index, relative to the site
T2S_TABLE = "assets/lantai/t2s.txt"          # traditional -> simplified pairs, relative to the site
# Parts of an indexed page that are not words a visitor looks for: Dublin Core term names
# beside the item metadata, and the ready-made citation (it repeats title and site name).
NOT_INDEXED = (".lt-dc", ".lt-cite")
SEGMENTED = {"zh", "ja"}   # languages Pagefind would split with a dictionary


class SearchIndexError(RuntimeError):
    pass


def pagefind_binary() -> Path:
    """The Pagefind binary that comes inside the `pagefind[extended]` wheel."""
    from pagefind.service import get_executable
    binary = get_executable()
    if binary is None or not Path(binary).exists():
        raise SearchIndexError("Pagefind is not installed: pip install 'pagefind[extended]'")
    return Path(binary)


def _language(page_html: str) -> str:
    found = re.search(r'<html[^>]*\blang="([^"]+)"', page_html[:2000])
    return found.group(1).lower() if found else ""


_BODY = "data-pagefind-body"
_TAG_NAME = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)")


def indexed_part(page_html: str) -> str | None:
    """What Pagefind reads of a page: its <html> tag and <head>, and the one element marked
    `data-pagefind-body` (the article; theme/main.html), without the navigation, header and
    footer around it, which Pagefind parses and then leaves out of the index. At 1,000
    stories the frame was half of every page's bytes and Pagefind's time went with it
    (bench/results/scale-profile.md); the index is byte for byte the same
    (tests/test_search.py). The whole page when it is not that simple (no <head>, several
    marked elements, an element that does not close); None when nothing is indexed."""
    start = page_html.find(_BODY)
    if start < 0:
        return None
    head_end = page_html.find("</head>")
    opening = page_html.rfind("<", 0, start)
    name = _TAG_NAME.match(page_html, opening) if opening >= 0 else None
    if head_end < 0 or name is None or opening < head_end or page_html.count(_BODY) != 1:
        return page_html
    tag = name.group(1).lower()
    # The element ends at the close tag that balances its own opening (an <article> may hold others).
    depth, at = 0, opening
    pattern = re.compile(rf"<(/?){tag}\b[^>]*>", re.IGNORECASE)
    for found in pattern.finditer(page_html, opening):
        depth += -1 if found.group(1) else 1
        if depth == 0:
            at = found.end()
            break
    else:
        return page_html
    return page_html[:head_end] + "</head><body>" + page_html[opening:at] + "</body></html>\n"


def index_copy(paths: tuple[str, str]) -> tuple[str, set[str]] | None:
    """Write the indexer's copy of one page (its `indexed_part`, as `index_words`); its
    language and CJK characters, or None when the page is not indexed. Runs in worker
    processes (lantai/workers.py)."""
    page, copy = paths
    text = Path(page).read_text(encoding="utf-8")
    part = indexed_part(text)
    if part is None:
        return None
    Path(copy).parent.mkdir(parents=True, exist_ok=True)
    Path(copy).write_text(index_words(part), encoding="utf-8")
    return _language(text).split("-")[0], set(CJK.findall(text))


def build_index(site_dir: Path, kept: Path | None = None) -> None:
    """Index the built site with Pagefind, and write the character table beside it.
    `kept`: a folder of the build cache where the indexer's copies of the pages stay for the
    next build into the same target (copies.py); without it they are made in a scratch folder."""
    site_dir = Path(site_dir)
    output = site_dir / INDEX_DIR
    shutil.rmtree(output, ignore_errors=True)
    with tempfile.TemporaryDirectory(prefix="lantai-search-") as scratch:
        copies = Copies(Path(kept) if kept is not None else Path(scratch))
        found = copies.update(site_dir, index_copy)
        languages = {language for language, _ in found}
        used = set().union(*(chars for _, chars in found))
        if not languages:
            return   # nothing to index yet (a project without brands or pages): no index
        options = [arg for selector in NOT_INDEXED for arg in ("--exclude-selectors", selector)]
        if languages & SEGMENTED and len(languages) == 1:
            # The page's words are ASCII now: no dictionary splitting, no stemming.
            options += ["--force-language", "und"]
        # With more than one language (lantai/pages/languages.py) Pagefind makes an index for
        # each, by the pages' <html lang>, and a visitor searches the one of the page they are
        # on: search keeps to their language. A Chinese page's copy is ASCII words already.
        result = subprocess.run([str(pagefind_binary()), "--site", str(copies.tree), "--output-path", str(output),
                                 *options, "--silent"], capture_output=True, text=True, timeout=3600, check=False)
        if result.returncode == 0:
            copies.save()
    if result.returncode != 0:
        raise SearchIndexError(f"Pagefind failed:\n{result.stdout}\n{result.stderr}".strip())
    reproducible_filters(output)
    # Pagefind's own UI bundles are not used by Lantai; keep the site small.
    for unused in ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
                   "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js"):
        (site_dir / INDEX_DIR / unused).unlink(missing_ok=True)
    table = site_dir / T2S_TABLE
    table.parent.mkdir(parents=True, exist_ok=True)
    table.write_text(t2s_pairs(used), encoding="utf-8")


# -- reproducible output ---------------------------------------------------------------
#
# Pagefind writes its index byte for byte the same on every run, except the filter files:
# it keeps filter values in a hash map, whose order changes from run to run. Lantai builds
# are reproducible, so the filter files are rewritten in sorted order, renamed by their
# content as Pagefind names them, and the language's metadata file pointed at them.
# The entry file's languages are a hash map too: with two languages their order changed
# between runs, so they are written in sorted order.
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
    entry["languages"] = dict(sorted(entry["languages"].items()))
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


