"""The indexer's copies of a site's pages (index.py), kept between builds into the same folder.

Pagefind reads a copy of every page, its article with Chinese written as character pairs
(chinese.py). Making the copies was 5.8 of a rebuild's 28 s at 1,000 stories (profiled in one
process, bench/results/scale-profile.md), most of it writing 3,000 files into as many
folders, for pages of which one edit changes thirty. With the build cache, a build into a
folder it built before keeps the copies in the cache (`search/<target>/`, one folder per
target) with a manifest: each page's path, the digest of its bytes, its language and its
CJK characters (the traditional -> simplified table holds only those). The next build reads
and hashes every page (0.2 s), makes copies only of the pages whose bytes changed, and
removes those of the pages that went. Pagefind still reads every copy: it has no
incremental index.

The manifest is removed before the folder changes and written again once the index is made,
so a build stopped half-way leaves no manifest, and the next build makes every copy afresh;
a manifest of other code (this module, index.py or chinese.py changed) is not trusted either.
A copy depends only on its page's bytes and that code, so the index is the one a build
without the cache makes (tests/test_search.py).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
from functools import lru_cache
from pathlib import Path

from ..workers import map_all

FORMAT = 1
FOLDER = "search"          # in the build cache
KEEP_DAYS = 30             # a target no build has written to for this long: its copies go


@lru_cache(maxsize=1)
def _code() -> str:
    """The code a copy is made by: this module, index.py (what of a page is read) and chinese.py."""
    here = Path(__file__).resolve().parent
    sha = hashlib.sha256(str(FORMAT).encode())
    for name in ("copies.py", "index.py", "chinese.py"):
        sha.update((here / name).read_bytes())
    return sha.hexdigest()


def folder_for(cache_folder: Path, target: Path) -> Path:
    """Where the copies of the site built into `target` are kept."""
    return Path(cache_folder) / FOLDER / hashlib.sha256(str(Path(target).resolve()).encode()).hexdigest()[:32]


class Copies:
    """The copies of one site's pages in `folder` (`tree`: laid out as the site, for Pagefind)."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.tree = self.folder / "pages"
        self.manifest = self.folder / "manifest.json"
        self.pages: dict[str, list] = {}

    def _previous(self) -> dict[str, list]:
        try:
            saved = json.loads(self.manifest.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            saved = {}
        # From here the tree may change: until `save`, no manifest vouches for it.
        self.manifest.unlink(missing_ok=True)
        if saved.get("code") != _code():
            shutil.rmtree(self.tree, ignore_errors=True)
            return {}
        return saved.get("pages", {})

    def update(self, site_dir: Path, make) -> list[tuple[str, str]]:
        """Bring the copies in line with the site's pages; `make((page, copy))` writes one
        copy and returns (language, its CJK characters) or None for a page not indexed.
        Returns (language, characters) of every indexed page."""
        site_dir = Path(site_dir)
        before = self._previous()
        pages: dict[str, list] = {}
        todo: list[tuple[str, str]] = []
        for page in sorted(site_dir.rglob("*.html")):
            rel = page.relative_to(site_dir).as_posix()
            digest = hashlib.sha256(page.read_bytes()).hexdigest()
            entry = before.get(rel)
            if entry and entry[0] == digest and (len(entry) == 1 or (self.tree / rel).is_file()):
                pages[rel] = entry
            else:
                todo.append((rel, digest))
        for rel in set(before) - set(pages):   # changed (made again below) or gone
            (self.tree / rel).unlink(missing_ok=True)
        made = map_all(make, [(str(site_dir / rel), str(self.tree / rel)) for rel, _ in todo])
        for (rel, digest), result in zip(todo, made):
            pages[rel] = [digest] if result is None else [digest, result[0], "".join(sorted(result[1]))]
        self.pages = pages
        return [(entry[1], entry[2]) for _, entry in sorted(pages.items()) if len(entry) == 3]

    def save(self) -> None:
        """The index was made from the tree: vouch for it."""
        self.folder.mkdir(parents=True, exist_ok=True)
        scratch = self.manifest.with_name(f".{self.manifest.name}.{os.getpid()}")
        scratch.write_text(json.dumps({"code": _code(), "pages": self.pages}, ensure_ascii=False), encoding="utf-8")
        os.replace(scratch, self.manifest)


def prune(cache_folder: Path, now: float | None = None) -> None:
    """Remove the copies of targets no build has indexed for KEEP_DAYS (and any left without a
    manifest as long)."""
    root = Path(cache_folder) / FOLDER
    if not root.is_dir():
        return
    limit = (now or time.time()) - KEEP_DAYS * 86400
    for folder in root.iterdir():
        marker = folder / "manifest.json"
        try:
            last = (marker if marker.exists() else folder).stat().st_mtime
        except OSError:
            continue
        if last < limit:
            shutil.rmtree(folder, ignore_errors=True)
