"""The build cache: files that take long to make are made once, and kept while their inputs stay.

Image renditions and share images were most of a build's time (bench/results/scale-profile.md)
and change only when their inputs do. Each job names the files it makes and a maker (a
function of `MAKERS`) with its arguments. A job's files are kept in `.lantai-cache/` beside
mkdocs.yml (ignored by git, never published) under a hash of everything their bytes depend on:
the cache's format, Lantai's version, the maker's name and source code, Pillow's version, the
maker's own fingerprint (the font a share image is set in) and the arguments, which carry the
digest of a photograph's bytes. A changed input gives a new name, so no file is ever stale,
and the cache cannot change what is published: a build with a warm cache, with a cold one,
and with none (`LANTAI_CACHE=off`: a temporary folder for that build) write the same bytes
(tests/test_build_cache.py).

Missing files are made by worker processes (lantai/workers.py) while the engine renders the
pages: the engine starts the jobs before its pages (`start`) and places the files in the site
after them (`Making.place`).
Entries not used for `KEEP_DAYS` are removed after a build.
"""

from __future__ import annotations

import hashlib
import importlib
import inspect
import json
import os
import shutil
import tempfile
import time
from concurrent.futures import Future
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from .workers import count as workers_count, pool

CACHE_DIR = ".lantai-cache"
FORMAT = 1
KEEP_DAYS = 30
IN_PROCESS_BELOW = 12   # fewer jobs than this are not worth starting worker processes for
# The makers, as module and function names: a worker process imports them by name.
MAKERS = {
    "share": ("lantai.views.share", "share_image"),
    "picture": ("lantai.views.media", "picture_files"),
    "tiles": ("lantai.views.iiif", "tile_files"),
}
LARGE = ("tiles", "picture")   # started first, so the last worker does not begin a scan at the end


@dataclass(frozen=True)
class Job:
    outputs: tuple[str, ...]     # site paths of the files it makes, in the order the maker returns them
    maker: str                   # a key of MAKERS
    args: tuple                  # plain values (str, int, float, tuples of them)
    key: tuple = ()              # what the files depend on, when not the args themselves (a
                                 # photograph's digest rather than its path)


def _maker(name: str):
    module, function = MAKERS[name]
    return getattr(importlib.import_module(module), function)


@lru_cache(maxsize=1)   # importlib.metadata reads the installed packages' files: once per build
def _versions() -> str:
    try:
        lantai = metadata.version("lantai")
    except metadata.PackageNotFoundError:
        lantai = "?"
    try:
        pillow = metadata.version("pillow")
    except metadata.PackageNotFoundError:
        pillow = "?"
    return f"{FORMAT}:{lantai}:{pillow}"


class BuildCache:
    """The cache folder; `folder=None` is a temporary one, removed by `close`."""

    def __init__(self, folder: Path | None):
        self._temporary = folder is None
        if folder is not None:
            try:
                folder.mkdir(parents=True, exist_ok=True)
                probe = folder / ".written"
                probe.write_bytes(b"")
            except OSError:  # a read-only project still builds, from a cold cache
                folder = None
                self._temporary = True
        self.folder = Path(tempfile.mkdtemp(prefix="lantai-cache-")) if folder is None else folder
        self._salt: dict[str, str] = {}
        self.used: set[Path] = set()

    @property
    def temporary(self) -> bool:
        """A folder for this build only (`LANTAI_CACHE=off`, or a project that cannot be written)."""
        return self._temporary

    @classmethod
    def for_project(cls, root: Path, environ=os.environ) -> "BuildCache":
        if environ.get("LANTAI_CACHE", "").lower() in ("0", "off", "no", "false"):
            return cls(None)
        return cls(root / CACHE_DIR)

    def _maker_salt(self, name: str) -> str:
        if name not in self._salt:
            function = _maker(name)
            module = inspect.getmodule(function)
            source = Path(inspect.getfile(module)).read_bytes()
            fingerprint = getattr(module, "cache_fingerprint", lambda: "")()
            self._salt[name] = hashlib.sha256(source).hexdigest() + ":" + fingerprint
        return self._salt[name]

    def paths(self, job: Job) -> list[Path]:
        """Where the job's files are kept: one name per input, whatever the site path."""
        key = json.dumps([_versions(), job.maker, self._maker_salt(job.maker), list(job.key or job.args)],
                         ensure_ascii=False, default=str)
        digest = hashlib.sha256(key.encode("utf-8")).hexdigest()
        folder = self.folder / digest[:2]
        return [folder / f"{digest}.{index}{Path(output).suffix}" for index, output in enumerate(job.outputs)]

    def start(self, jobs: list[Job], workers: int | None = None) -> "Making":
        """Begin making the jobs whose files are not kept yet; return at once."""
        missing: dict[tuple[Path, ...], Job] = {}
        placed: dict[str, Path] = {}
        for job in jobs:
            paths = self.paths(job)
            for output, path in zip(job.outputs, paths):
                placed[output] = path
            if not all(path.is_file() for path in paths):
                missing.setdefault(tuple(paths), job)
        self.used.update(placed.values())
        return Making(self, placed, list(missing.items()), workers_count(workers))

    def prune(self, now: float | None = None) -> None:
        """Remove entries no build has used for KEEP_DAYS (each use touches its files)."""
        if self._temporary:
            return
        limit = (now or time.time()) - KEEP_DAYS * 86400
        for path in self.folder.glob("??/*"):
            try:
                if path not in self.used and path.stat().st_mtime < limit:
                    path.unlink()
            except OSError:
                pass

    def close(self) -> None:
        if self._temporary:
            shutil.rmtree(self.folder, ignore_errors=True)


def make(maker: str, args: tuple, paths: tuple[Path, ...]) -> None:
    """Run one job and keep its files (in a worker process, or in the build's own).
    Written beside and renamed, so a build stopped half-way never leaves half a file."""
    contents = _maker(maker)(*args)
    if isinstance(contents, bytes):
        contents = [contents]
    for path, content in zip(paths, contents):
        path.parent.mkdir(parents=True, exist_ok=True)
        scratch = path.with_name(f".{path.name}.{os.getpid()}")
        scratch.write_bytes(content)
        os.replace(scratch, path)


class Making:
    """Jobs under way. `place` waits for them and copies every file into the site."""

    def __init__(self, cache: BuildCache, placed: dict[str, Path], missing: list, workers: int):
        self.cache = cache
        self.placed = placed
        self.made = len(missing)
        self._futures: list[Future] = []
        self._pool = None
        if workers <= 1 or len(missing) < IN_PROCESS_BELOW:
            self._later = missing           # made in this process, when placed
            return
        self._later = []
        self._pool = pool(workers)
        # Large jobs first, so the last worker to finish does not start a photograph at the end.
        for paths, job in sorted(missing, key=lambda entry: entry[1].maker not in LARGE):
            self._futures.append(self._pool.submit(make, job.maker, job.args, paths))

    def wait(self) -> None:
        try:
            for paths, job in self._later:
                make(job.maker, job.args, paths)
            for future in self._futures:
                future.result()
        finally:
            self.cancel()
        self._later, self._futures = [], []

    def place(self, site_dir: Path, unchanged: dict[str, Path] | None = None) -> None:
        """Copy every file into the site; `unchanged`: what an earlier build placed in this
        same folder (the preview), which need not be copied again."""
        self.wait()
        now = time.time()
        for output, path in sorted(self.placed.items()):
            target = site_dir / output
            if unchanged and unchanged.get(output) == path and target.is_file():
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
            try:
                os.utime(path, (now, now))   # used: kept by prune
            except OSError:
                pass

    def cancel(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
