"""Images an editor names, opened at `check` time: a file that is not the image its name
says (a text or empty `.jpg`), a truncated photograph, a decompression bomb, an SVG that
cannot be read, an image in a story's text that points outside the content folder. Each is a
message at the field or line naming it, never a traceback in the middle of a build.
"""

from __future__ import annotations

import os
import re
import warnings
from pathlib import Path

from ..model import Project
from ..problems import Problem, problem
from ..publishing.files import leads_out, project_folders

RASTER = (".jpg", ".jpeg", ".png", ".webp", ".gif", ".avif", ".tif", ".tiff")
MAX_PIXELS = 80_000_000  # 80 megapixels: more than any scan needs, far less than a bomb's

_BODY_IMAGE = re.compile(r'!\[[^\]]*\]\((?P<src>[^)\s]+)(?:\s+"[^"]*")?\)')
_FENCE = re.compile(r"^\s*(```|~~~)")


# Photographs whose metadata Lantai can cut without re-encoding (lantai/publishing/cleaning.py).
STRIPPABLE = (".jpg", ".jpeg", ".png", ".webp")
GPS_IFD = 0x8825


def image_problem(file: Path, metadata: str = "strip") -> tuple[str, dict] | None:
    """(message key, params) when `file` is not an image Lantai can publish; None when it is.
    With `metadata` "strip", a photograph that says where it was taken and whose metadata
    cannot be cut (AVIF, GIF, TIFF) is refused: its location would be published."""
    suffix = file.suffix.lower()
    if suffix == ".svg":
        from ..publishing.cleaning import sanitised_svg
        try:
            sanitised_svg(file.read_bytes())
        except (OSError, ValueError):
            return "svg-unreadable", {}
        return None
    if suffix not in RASTER:
        return None
    from PIL import Image
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(file) as image:
                width, height = image.size
                if width * height > MAX_PIXELS:
                    return "image-too-large", {"width": width, "height": height, "limit": MAX_PIXELS // 1_000_000}
                image.load()  # a truncated file fails here, not later in the build
                if metadata == "strip" and suffix not in STRIPPABLE and _located(image):
                    return "image-location", {}
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        return "image-too-large", {"width": "?", "height": "?", "limit": MAX_PIXELS // 1_000_000}
    except (OSError, ValueError, SyntaxError, EOFError, MemoryError) as error:
        return "image-unreadable", {"detail": str(error)[:120] or type(error).__name__}
    return None


def check_images(project: Project) -> list[Problem]:
    problems: list[Problem] = []
    seen: dict[Path, tuple[str, dict] | None] = {}

    def check(site_path: str, where: str, line: int, field_name: str) -> None:
        file = project.extra_files.get(site_path) or project.content_dir / site_path
        if not file.is_file():
            return  # reported as missing by the reader already
        if file not in seen:
            seen[file] = image_problem(file, project.settings.image_metadata)
        found = seen[file]
        if found:
            key, params = found
            problems.append(problem(where, line, field_name, key, value=site_path, **params))

    for brand in project.brands.values():
        if brand.cover:
            check(brand.cover, brand.path, 0, "cover")
    for story in project.stories.values():
        if story.cover:
            check(story.cover, story.path, 0, "cover")
    for item in project.items.values():
        for index, media in enumerate(item.media, start=1):
            if media.kind == "image":
                check(media.path, item.path, item.line, f"items.media[{index}]")
    for story in project.stories.values():
        problems += _body_images(project, story, check)
    return problems


def _located(image) -> bool:
    """Whether the image's EXIF or XMP gives a place (GPS coordinates)."""
    try:
        if image.getexif().get_ifd(GPS_IFD):
            return True
    except Exception:  # unreadable EXIF says nothing
        pass
    xmp = image.info.get("xmp") or image.info.get("XML:com.adobe.xmp") or b""
    xmp = xmp.encode("utf-8", "replace") if isinstance(xmp, str) else bytes(xmp)
    return b"GPSLatitude" in xmp or b"GPSLongitude" in xmp


def _body_images(project: Project, story, check) -> list[Problem]:
    """Images written in a story's text: inside the content folder, and readable."""
    found: list[Problem] = []
    folder = (project.root / story.path).parent
    content = project.content_dir.resolve()
    fenced = False
    for number, line in enumerate(story.body.splitlines()):
        if _FENCE.match(line):
            fenced = not fenced
        if fenced:
            continue
        for match in _BODY_IMAGE.finditer(line):
            src = match["src"].split("#")[0].split("?")[0]
            if not src or re.match(r"^[a-z][a-z0-9+.-]*:|^//", src, re.IGNORECASE):
                continue  # a web address: not a file of the project
            target = Path(os.path.normpath((content / src.lstrip("/")) if src.startswith("/") else (folder / src)))
            at = story.body_line + number
            if leads_out(target, project_folders(project)):
                continue  # outside the project: reported, and never opened (lantai/publishing/files.py)
            if not target.is_relative_to(content):
                found.append(problem(story.path, at, "", "image-outside", value=match["src"]))
                continue
            if not target.is_file():
                found.append(problem(story.path, at, "", "missing-file", value=match["src"], looked=target,
                                     beside=Path(story.path).name))
                continue
            check(target.relative_to(content).as_posix(), story.path, at, "")
    return found
