"""`build` and `serve` with MkDocs: the command line's two commands that need the engine.

A build is written beside the target and swapped in only when it succeeded, so a bad file
never leaves a half-built or half-replaced site behind.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path


def config_overrides(config_file: Path) -> dict:
    """What Lantai sets for every project unless its mkdocs.yml says otherwise."""
    from mkdocs.utils.yaml import yaml_load
    with open(config_file, "rb") as handle:
        raw = yaml_load(handle) or {}
    overrides = {}
    if "docs_dir" not in raw:
        overrides["docs_dir"] = str(config_file.resolve().parent / "content")
    if "theme" not in raw:  # without it MkDocs would use its own theme, which Lantai does not style
        overrides["theme"] = {"name": "material"}
    return overrides


def reproducible_epoch(root: Path) -> str:
    """SOURCE_DATE_EPOCH for dates the engine writes (sitemap, gzip): the last commit's
    time when the project is in git, otherwise the newest input file's."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return os.environ["SOURCE_DATE_EPOCH"]
    try:
        out = subprocess.run(["git", "-C", str(root), "log", "-1", "--format=%ct"], capture_output=True,
                             text=True, timeout=10, check=False).stdout.strip()
        if out.isdigit():
            return out
    except (OSError, subprocess.SubprocessError):
        pass
    newest = max((p.stat().st_mtime for folder in ("brands", "content") for p in (root / folder).rglob("*")
                  if p.is_file()), default=0)
    return str(int(newest))


def _load(config_file: Path, **kwargs):
    from mkdocs.config import load_config
    os.environ["SOURCE_DATE_EPOCH"] = reproducible_epoch(config_file.resolve().parent)
    return load_config(config_file=str(config_file), **{**config_overrides(config_file), **kwargs})


def build_project(config_file: Path, site_dir: str | None, archive: str | None = None) -> int:
    """Build the site into `site_dir`; with `archive` (a folder, or "" for the site's own
    parent) also write its dated zip and checksum (lantai/publishing/archive.py)."""
    from mkdocs.commands.build import build
    from mkdocs.exceptions import MkDocsException
    root = config_file.resolve().parent
    target = Path(site_dir).resolve() if site_dir else None
    try:
        config = _load(config_file, strict=True)
    except MkDocsException as error:
        print(str(error).strip(), file=sys.stderr)
        return 1
    target = target or Path(config.site_dir).resolve()
    # The site replaces whatever is at the target: never the editors' files, nor a folder
    # holding them, nor a folder inside them (the next build would publish the last one).
    for kept in (Path(config.docs_dir).resolve(), root / "brands", config_file.resolve()):
        if target == kept or target in kept.parents or kept in target.parents:
            print(f"{target}: refusing to build there, it would replace or sit inside the project's files "
                  f"({kept}); choose another folder with -d", file=sys.stderr)
            return 2
    archive_dir = (Path(archive).resolve() if archive else target.parent) if archive is not None else None
    if archive_dir is not None:
        # Inside the site the zip would be published with it; inside the content folder, by the next build.
        for kept in (target, Path(config.docs_dir).resolve()):
            if archive_dir == kept or kept in archive_dir.parents:
                print(f"{archive_dir}: refusing to write the archive there, inside {kept}, where it would be "
                      "published; choose a folder outside the site and the project's content with --archive",
                      file=sys.stderr)
                return 2
    from ...publishing.output import OutputError, say, site_lock, staging_dir, swap_in
    language = str(config.theme.get("language") or "")
    staging = None
    try:
        with site_lock(target, language):  # a second build into the same folder is refused
            staging = staging_dir(target, language)
            config.site_dir = str(staging)
            # Into a folder built before, unchanged pages are copied from it (reuse.py): the
            # staging folder is new and empty, so a `dirty` build writes every other file.
            lantai = config.plugins.get("lantai")
            if lantai is not None:
                lantai.previous_site = target   # the next build's source of unchanged pages, too
            dirty = lantai is not None and target.is_dir()
            config.plugins.on_startup(command="build", dirty=dirty)
            try:
                build(config, dirty=dirty)
            except MkDocsException as error:
                print(str(error).strip(), file=sys.stderr)
                return 1
            except OSError as error:  # disk full, read-only output: a message, not a traceback
                raise OutputError(say("output-unwritable", language, target=target,
                                      detail=error.strerror or error)) from error
            finally:
                config.plugins.on_shutdown()
            swap_in(staging, target, language)
            staging = None
            if archive_dir is not None:
                from ...publishing.archive import ArchiveError, write_archive
                try:
                    made, sums = write_archive(target, archive_dir, root.name, int(os.environ["SOURCE_DATE_EPOCH"]))
                except (ArchiveError, OSError) as error:
                    print(f"{archive_dir}: the archive was not written: {error}", file=sys.stderr)
                    return 1
                print(f"{made}\n{sums}  (check with: sha256sum -c {sums.name})", file=sys.stderr)
    except OutputError as error:
        print(str(error), file=sys.stderr)
        return 1
    finally:
        if staging is not None:  # never leave a half-built staging folder behind
            shutil.rmtree(staging, ignore_errors=True)
    return 0


def serve_project(config_file: Path, address: str, livereload: bool) -> int:
    """The preview (preview.py): rebuilt as files are saved, only what an edit touches."""
    from .preview import serve_project as serve
    return serve(config_file, address, livereload)
