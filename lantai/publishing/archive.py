"""A dated, checksummed archive of a built site, for servers GitHub Pages does not reach.

Mainland archives publish on their own servers or on object storage, often through a
colleague who copies one file across. `build --archive` writes, beside the site,
`<project>-site-<YYYY-MM-DD>.zip` and `<that name>.sha256` in the form `sha256sum -c` reads.

The zip is the site folder and nothing else: entries in sorted order, every timestamp the
build's own date (SOURCE_DATE_EPOCH, the last commit's time: lantai/engines/mkdocs/commands.py),
files 0644 and folders left implicit, so the same site gives the same bytes on any machine
and two archives of one commit have one checksum. Links are not followed: a symbolic link
in the site (there should be none) is refused rather than archived as what it points to,
which could lie outside the site.
"""

from __future__ import annotations

import hashlib
import re
import time
import zipfile
from pathlib import Path

# Already compressed: deflating them again costs time for nothing.
STORED = frozenset({".jpg", ".jpeg", ".png", ".webp", ".gif", ".avif", ".woff", ".woff2", ".gz", ".zip",
                    ".mp3", ".mp4", ".m4a", ".webm", ".ogg", ".pf_fragment", ".pf_index", ".pf_meta",
                    ".pf_filter", ".pagefind"})
EARLIEST = 315532800 + 86400 * 2   # zip dates start in 1980


class ArchiveError(Exception):
    """The archive cannot be made; the message says why."""


def archive_name(project_name: str, epoch: int) -> str:
    """`<project>-site-<YYYY-MM-DD>.zip`, the project's folder name kept to safe characters."""
    day = time.strftime("%Y-%m-%d", time.gmtime(epoch))
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", project_name).strip("-.") or "lantai"
    return f"{stem}-site-{day}.zip"


def site_entries(site: Path) -> list[tuple[str, Path]]:
    """Every file of the site as (name in the archive, path), sorted by name."""
    entries = []
    for path in site.rglob("*"):
        if path.is_symlink():
            raise ArchiveError(f"{path}: a symbolic link in the site; Lantai never writes one, so it is "
                               "not archived: remove it and build again")
        if path.is_file():
            entries.append((path.relative_to(site).as_posix(), path))
    return sorted(entries)


def write_archive(site: Path, folder: Path, project_name: str, epoch: int) -> tuple[Path, Path]:
    """Write the site's zip and its checksum file into `folder`; return both paths."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / archive_name(project_name, epoch)
    stamp = time.gmtime(max(epoch, EARLIEST))[:6]
    partial = target.with_name(f".{target.name}.partial")
    try:
        with zipfile.ZipFile(partial, "w") as archive:
            for name, path in site_entries(site):
                info = zipfile.ZipInfo(name, date_time=stamp)
                info.external_attr = 0o100644 << 16
                info.create_system = 3   # unix, so that unzip applies the permissions
                info.compress_type = zipfile.ZIP_STORED if path.suffix.lower() in STORED else zipfile.ZIP_DEFLATED
                archive.writestr(info, path.read_bytes(), compresslevel=9 if info.compress_type else None)
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)
    digest = hashlib.sha256(target.read_bytes()).hexdigest()
    sums = target.with_name(target.name + ".sha256")
    sums.write_text(f"{digest}  {target.name}\n", encoding="ascii")
    return target, sums
