"""`build` into a folder it built before: pages whose inputs did not change are taken from it.

A rebuild after one edited story used to render all of the exhibition's pages again
(3,136 at 1,000 stories: bench/results/scale.md). With the build cache
(lantai/build_cache.py), each build now keeps, beside the cache, what every page's bytes
depended on (lantai/pages/fingerprints.py: the records it reads and the site's digest,
which covers the engine's settings, navigation and theme, Lantai's code and every editor's
file but a story's text) and the size and time of the file it wrote. The next build into
the same folder copies each page whose digest is unchanged and whose file is still the one
it wrote from the last site into the new one, and renders only the others: the edited
story, its brand and category pages, the views listing it. The site is byte for byte the
one a build without the cache writes (tests/test_build_reuse.py). Without the cache
(`LANTAI_CACHE=off`), in the preview (which keeps its own state: preview.py), or when
another plugin could act on the pages, every page is rendered.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
import sysconfig
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from ...model import Project
from ...pages import Page
from ...pages.fingerprints import digest, page_keys, project_digest, record_digests

MANIFEST_DIR = "pages"
FORMAT = 1
# Plugins that act on no page of Lantai's, or are Lantai: any other may read or change pages,
# so with one configured every page is rendered.
KNOWN_PLUGINS = {"lantai"}
PACKAGES = ("mkdocs", "mkdocs-material", "markdown", "pymdown-extensions", "jinja2", "nh3", "pillow",
            "pypinyin", "opencc", "iiif-prezi3")
LANTAI_DIR = Path(__file__).resolve().parents[2]
THEMES_DIR = LANTAI_DIR.parent / "themes"


@lru_cache(maxsize=1)
def _code_digest() -> str:
    """Lantai's own code and theme, by content (an edited template renders every page again)."""
    sha = hashlib.sha256()
    for folder in (LANTAI_DIR, THEMES_DIR):
        for path in sorted(folder.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                sha.update(path.relative_to(folder.parent).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    for name in PACKAGES:
        try:
            sha.update(f"{name}={metadata.version(name)}\0".encode())
        except metadata.PackageNotFoundError:
            sha.update(f"{name}=-\0".encode())
    sha.update(sys.version.encode())
    return sha.hexdigest()


def _stats(folder: Path, root: Path, texts: set[str]) -> list:
    """Every file under `folder`: its path, size and time; a story's text by its path only
    (its content is in the story's record, which the pages reading it are keyed on)."""
    out = []
    if not folder.is_dir():
        return out
    for dirpath, dirnames, names in os.walk(folder):
        dirnames.sort()
        for name in sorted(names):
            path = Path(dirpath) / name
            try:
                rel = path.relative_to(root).as_posix()
            except ValueError:
                rel = str(path)
            if rel in texts:
                out.append([rel])
                continue
            try:
                stat = path.stat()
            except OSError:
                continue
            out.append([rel, stat.st_size, stat.st_mtime_ns])
    return out


@lru_cache(maxsize=4)
def _templates_print_dates(dirs: tuple[Path, ...]) -> bool:
    """Whether a page template of the theme may print the build's date (MkDocs gives every
    page `build_date_utc` and `page.update_date`); the sitemap is not a page."""
    for folder in dirs:
        for path in folder.rglob("*.html"):
            if ".icons" in path.parts:
                continue
            text = path.read_text(encoding="utf-8", errors="replace")
            if "build_date" in text or "update_date" in text:
                return True
    return False


def site_digest(config, read: Project, project: Project, pages: list[Page], catalogue: str) -> str:
    """The digest every page's includes: the engine's configuration, navigation and theme,
    Lantai's code, the editors' files (a story's text excepted) and the project's own."""
    root = Path(config.config_file_path).resolve().parent
    texts = {story.path for story in read.stories.values()}
    purelib = Path(sysconfig.get_paths()["purelib"]).resolve()
    themes = [Path(d).resolve() for d in config.theme.dirs]
    engine = {
        "config_file": hashlib.sha256(Path(config.config_file_path).read_bytes()).hexdigest(),
        "site_url": str(config.site_url or ""), "site_name": str(config.site_name),
        "directory_urls": config.use_directory_urls, "nav": config.nav,
        "extensions": [str(e) for e in config.markdown_extensions], "mdx": config.mdx_configs,
        "extra": dict(config.extra), "css": [str(e) for e in config.extra_css],
        "js": [str(e) for e in config.extra_javascript],
        # The build's date (SOURCE_DATE_EPOCH: outside git, the newest editor's file's time,
        # so any save moves it) is printed by the sitemap and the OAI-PMH file, written by
        # every build, and by no page template; should a theme print it, it keys every page.
        "epoch": os.environ.get("SOURCE_DATE_EPOCH", "") if _templates_print_dates(tuple(themes)) else "",
        "theme": dict(config.theme),
        "theme_files": [_stats(d, d, set()) for d in themes if purelib not in d.parents and d != purelib],
    }
    editors = [_stats(folder, root, texts) for folder in
               (project.content_dir, root / "brands", root / catalogue)]
    extra = [[site_path, str(source), *(lambda s: (s.st_size, s.st_mtime_ns))(source.stat())]
             for site_path, source in sorted(project.extra_files.items()) if source.is_file()]
    engine_text = json.dumps(engine, sort_keys=True, ensure_ascii=False, default=str)
    return digest([FORMAT, _code_digest(), engine_text, editors, extra, project_digest(project, pages)])


def _link_or_copy(old: Path, new: str) -> None:
    """The last site's file in the new one: a second name for the same bytes where the file
    system allows it (copying 3,000 pages was a second of a rebuild at 1,000 stories), else a
    copy. Nothing writes into a page taken this way, and the last site is removed once the new
    one is swapped in (lantai/publishing/output.py); should the build fail, it stays as it was.
    The link keeps the file's size and time, which the next build checks."""
    try:
        os.link(old, new)
    except OSError:
        shutil.copyfile(old, new)


def usable(config) -> bool:
    return set(config.plugins.keys()) <= KNOWN_PLUGINS


class Reuse:
    """The pages this build takes from the last one, and what it keeps for the next."""

    def __init__(self, folder: Path, target: Path, keys: dict[str, str]):
        self.manifest = folder / MANIFEST_DIR / f"{hashlib.sha256(str(target).encode()).hexdigest()[:32]}.json"
        self.target = target
        self.keys = keys
        self.reused: set[str] = set()

    @classmethod
    def start(cls, folder: Path, target: Path, config, read: Project, project: Project, pages: list[Page],
              catalogue: str) -> "Reuse":
        keys = page_keys(pages, record_digests(project), site_digest(config, read, project, pages, catalogue))
        return cls(folder, target, keys)

    def previous(self) -> dict:
        try:
            saved = json.loads(self.manifest.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return saved.get("pages", {}) if saved.get("format") == FORMAT else {}

    def take(self, source: str, dest_uri: str, abs_dest: str, before: dict) -> bool:
        """Copy the page's last file into the new site when it may be: same digest, and the
        file in the last site is the one that build wrote (same size and time)."""
        entry = before.get(source)
        if not entry or entry[0] != self.keys.get(source) or entry[1] != dest_uri:
            return False
        old = self.target / dest_uri
        try:
            stat = old.stat()
            if [stat.st_size, stat.st_mtime_ns] != entry[2:]:
                return False
            os.makedirs(os.path.dirname(abs_dest), exist_ok=True)
            _link_or_copy(old, abs_dest)
        except OSError:
            return False
        self.reused.add(source)
        return True

    def save(self, site_dir: Path, written: dict[str, str]) -> None:
        """Keep each page's digest and its file's size and time (`written`: source -> dest_uri)."""
        pages = {}
        for source, dest_uri in sorted(written.items()):
            try:
                stat = (site_dir / dest_uri).stat()
            except OSError:
                continue
            if source in self.keys:
                pages[source] = [self.keys[source], dest_uri, stat.st_size, stat.st_mtime_ns]
        self.manifest.parent.mkdir(parents=True, exist_ok=True)
        scratch = self.manifest.with_name(f".{self.manifest.name}.{os.getpid()}")
        scratch.write_text(json.dumps({"format": FORMAT, "pages": pages}, ensure_ascii=False), encoding="utf-8")
        os.replace(scratch, self.manifest)
