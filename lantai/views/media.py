"""Media on item pages: responsive images, deep zoom, a lightbox, players with their transcripts.

Images get derivatives at build time with Pillow: WebP in a few widths with a JPEG (or
PNG, where the image has transparency) fallback, each with its width and height so the
page does not jump while they load. Names carry a hash of the source, so the output is
the same for the same files. Audio and video play in the page; a WebVTT transcript is
shown as a list of cues that move the player to their moment, a text transcript as
paragraphs; both are in the page's HTML, so the site's search finds them.
"""

from __future__ import annotations

import hashlib
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..model import Item, Media, Project
from ..problems import WARNING, Problem, problem

WIDTHS = (480, 960, 1600)
MAX_WIDTH = 2000
MEDIA_DIR = "assets/lantai/media/"
RASTER = (".jpg", ".jpeg", ".png", ".webp", ".avif", ".gif")


@dataclass
class Rendition:
    path: str
    width: int
    height: int
    format: str          # WEBP, JPEG or PNG


@dataclass
class Picture:
    original: str
    width: int
    height: int
    source: Path
    digest: str = ""     # of the source's bytes (sha256, hex): names its renditions and keys the cache
    webp: list[Rendition] = field(default_factory=list)
    fallback: list[Rendition] = field(default_factory=list)

    @property
    def largest(self) -> Rendition:
        return self.fallback[-1]

    @property
    def default(self) -> Rendition:
        """The fallback <img> shows: the one nearest 960 pixels wide."""
        return min(self.fallback, key=lambda r: abs(r.width - 960))


def source_file(project: Project, site_path: str) -> Path:
    return project.extra_files.get(site_path) or project.content_dir / site_path


def picture(project: Project, media: Media) -> Picture | None:
    """The renditions of a raster image (computed, not yet written); None for others.
    Made once per image and build: item pages, figures and the files to write all ask."""
    return project.derived(("picture", media.path), lambda: _picture(project, media))


def zoomable(project: Project, item: Item) -> list[Picture]:
    """The item's images that have a IIIF image service: the pages of its deep-zoom viewer
    (deep_zoom in view_macros.html), in the order of its media."""
    return [pic for media in item.media if (pic := picture(project, media))]


def _picture(project: Project, media: Media) -> Picture | None:
    if media.kind != "image" or Path(media.path).suffix.lower() not in RASTER:
        return None
    from PIL import Image
    source = source_file(project, media.path)
    try:
        with Image.open(source) as image:
            width, height = image.size
            if image.getexif().get(0x0112) in (5, 6, 7, 8):  # shown turned a quarter: as the camera meant
                width, height = height, width
            alpha = image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info)
    except (OSError, ValueError, Image.DecompressionBombError):  # reported by `check` (lantai/checking/images.py)
        return None
    stem = re.sub(r"[^a-z0-9]+", "-", Path(media.path).stem.lower()).strip("-") or "image"
    digest = _full_digest(source)
    widths = sorted({w for w in WIDTHS if w < width} | {min(width, MAX_WIDTH)})
    fallback_format, extension = ("PNG", "png") if alpha else ("JPEG", "jpg")
    result = Picture(media.path, width, height, source, digest)
    for w in widths:
        h = max(1, round(height * w / width))
        base = f"{MEDIA_DIR}{stem}-{digest[:10]}-{w}"
        result.webp.append(Rendition(f"{base}.webp", w, h, "WEBP"))
        result.fallback.append(Rendition(f"{base}.{extension}", w, h, fallback_format))
    return result


def picture_job(pic: Picture):
    """The build-cache job (lantai/build_cache.py) making every rendition of `pic`. Its key
    holds the whole digest of the source's bytes and each rendition's size and format."""
    from ..build_cache import Job
    renditions = pic.webp + pic.fallback
    sizes = tuple((r.width, r.height, r.format) for r in renditions)
    return Job(tuple(r.path for r in renditions), "picture", (str(pic.source), sizes), key=(pic.digest, sizes))


def picture_files(source: str, renditions: tuple) -> list[bytes]:
    """Encode the renditions of one image. Pillow writes no timestamps: the bytes depend on
    the source alone."""
    from PIL import Image
    with Image.open(source) as opened:
        # A JPEG is decoded at the smallest of 1/2, 1/4, 1/8 of its size that is still at
        # least as large as the largest rendition (libjpeg's own scaling): a 6,000 × 8,000
        # scan's renditions took 7.9 s from the whole decoded image, 2.1 s so (bench/results/iiif.md).
        side = max(max(width, height) for width, height, _ in renditions)
        opened.draft(None, (side, side))
        opened.load()
        image = upright_8bit(opened).convert("RGBA" if renditions[-1][2] == "PNG" else "RGB")
    out = []
    for width, height, kind in renditions:
        resized = image if width == image.width else image.resize((width, height), Image.Resampling.LANCZOS)
        buffer = io.BytesIO()
        if kind == "WEBP":
            resized.save(buffer, "WEBP", quality=80, method=4)
        elif kind == "JPEG":
            resized.save(buffer, "JPEG", quality=82, optimize=True)
        else:
            resized.save(buffer, "PNG", optimize=True)
        out.append(buffer.getvalue())
    return out


def render_files(pictures: list[Picture]) -> dict[str, bytes]:
    """Every rendition's bytes, made here and now (tests; a build uses the build cache)."""
    out: dict[str, bytes] = {}
    for pic in pictures:
        job = picture_job(pic)
        out.update(zip(job.outputs, picture_files(*job.args)))
    return out


def _full_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def upright_8bit(image):
    """The image turned as its EXIF orientation says, with 16-bit and 32-bit grey scaled
    to 8 bits (Pillow's convert() clips them, and a 16-bit scan would come out white)."""
    from PIL import ImageOps
    image = ImageOps.exif_transpose(image)
    if image.mode in ("I;16", "I;16B", "I;16L", "I;16N", "I"):
        image = image.convert("I").point(lambda value: value * (1 / 256)).convert("L")
    elif image.mode == "F":
        image = image.point(lambda value: value * 255).convert("L")
    return image


# -- images standing alone in an editor's text -----------------------------------------------

_ALONE = re.compile(r'^\s*!\[(?P<alt>[^\]]*)\]\((?P<src>[^)\s]+)(?:\s+"(?P<title>[^"]*)")?\)\s*$')


@dataclass
class TextImage:
    line: str            # the Markdown line as written
    picture: Picture
    alt: str
    title: str


def text_images(project: Project, text: str, written_in: Path) -> list[TextImage]:
    """Images on a line of their own in `text` (a story body, say) whose file is a raster image
    in the content folder; `written_in` is the folder of the file holding the text."""
    found = []
    fenced = False
    for line in text.splitlines():
        if re.match(r"^\s*(```|~~~)", line):
            fenced = not fenced
        match = None if fenced else _ALONE.match(line)
        if not match or re.match(r"^[a-z]+:|^/", match["src"], re.IGNORECASE):
            continue
        target = (written_in / match["src"]).resolve()
        try:
            site_path = target.relative_to(project.content_dir.resolve()).as_posix()
        except ValueError:
            continue
        if not target.is_file():
            continue
        pic = picture(project, Media(file=match["src"], path=site_path))
        if pic:
            title = (match["title"] or "").strip()
            found.append(TextImage(line, pic, match["alt"].strip() or title, title))
    return found


# -- transcripts ----------------------------------------------------------------------

@dataclass
class Cue:
    start: float
    end: float
    text: str

    @property
    def clock(self) -> str:
        minutes, seconds = divmod(int(self.start), 60)
        hours, minutes = divmod(minutes, 60)
        return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes:02d}:{seconds:02d}"


_TIMING = re.compile(r"^\s*((?:\d+:)?\d{1,2}:\d{2}[.,]\d{1,3})\s+-->\s+((?:\d+:)?\d{1,2}:\d{2}[.,]\d{1,3})")


def _seconds(stamp: str) -> float:
    parts = stamp.replace(",", ".").split(":")
    total = 0.0
    for part in parts:
        total = total * 60 + float(part)
    return round(total, 3)


def parse_vtt(text: str) -> list[Cue]:
    """The cues of a WebVTT file, tags (<v Speaker>, <i>) removed, in file order."""
    cues = []
    for block in re.split(r"\n\s*\n", text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")):
        lines = block.strip("\n").split("\n")
        for index, line in enumerate(lines):
            timing = _TIMING.match(line)
            if timing:
                words = " ".join(re.sub(r"<[^>]+>", "", l).strip() for l in lines[index + 1:]).strip()
                if words:
                    cues.append(Cue(_seconds(timing.group(1)), _seconds(timing.group(2)), words))
                break
    return cues


@dataclass
class Transcript:
    path: str
    cues: list[Cue]
    paragraphs: list[str]


def transcript(project: Project, media: Media) -> Transcript | None:
    if not media.transcript_path:
        return None
    file = source_file(project, media.transcript_path)
    try:
        text = file.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None
    if media.transcript_path.lower().endswith(".vtt"):
        return Transcript(media.transcript_path, parse_vtt(text), [])
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip()]
    return Transcript(media.transcript_path, [], paragraphs)


# -- alt text of images written in Markdown ---------------------------------------------

# ![alt](path "title") — the forms an editor writes for an image in a story or description
IMAGE = re.compile(r'!\[(?P<alt>[^\]]*)\]\((?P<src>[^)\s]+)(?:\s+"(?P<title>[^"]*)")?\)')


def fill_alt(text: str) -> str:
    """An image written without alt text takes its title as alt text."""
    def fill(match: re.Match) -> str:
        if match["alt"].strip() or not (match["title"] or "").strip():
            return match.group(0)
        return f'![{match["title"]}]({match["src"]} "{match["title"]}")'
    return IMAGE.sub(fill, text)


def check_alt(project: Project) -> list[Problem]:
    """A warning (which fails a strict build) for each image with neither alt text nor title."""
    found = []
    texts = [(s.path, s.body_line, s.body, "") for s in project.stories.values()]
    texts += [(b.path, 0, b.description or "", "description") for b in project.brands.values()]
    texts += [(i.path, i.line, i.description or "", "items.description") for i in project.items.values()]
    for path, first_line, text, field_name in texts:
        for number, line in enumerate(text.splitlines()):
            for match in IMAGE.finditer(line):
                if not match["alt"].strip() and not (match["title"] or "").strip():
                    at = first_line + number if first_line and not field_name else first_line
                    found.append(problem(path, at, field_name, "image-alt", severity=WARNING, value=match["src"]))
    return found
