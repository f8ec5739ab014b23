"""Share images (Open Graph) for pages without a cover: PNG, 1200×630, drawn with Pillow, written by libvips.

The title is set in Noto Sans CJK, shipped inside a PyPI wheel (`cvttf-NotoSansCJK-Regular`)
so every machine draws the same pixels. That font's default glyphs are the Traditional
Chinese forms; the OpenType `locl` feature (asked for with the text's language through
Pillow's raqm layout) gives the Simplified Chinese forms a mainland reader expects.
"""

from __future__ import annotations

import io
import zlib
from functools import lru_cache
from pathlib import Path

from .. import covers

SIZE = (1200, 630)
SHARE_DIR = "assets/lantai/share/"
CLOSING = set("，。、：；！？）》」』”’,.;:!?)")  # never at the start of a line
DEBIAN_FONT = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")


@lru_cache(maxsize=1)
def font_file() -> tuple[str, int, bool] | None:
    """(path, index in a collection, whether it needs the language for Simplified forms)."""
    try:
        import cvttf_NotoSansCJK_Regular as shipped
        return shipped.get_TTF_path(), 0, True
    except (ImportError, FileNotFoundError):
        pass
    if DEBIAN_FONT.is_file():
        return str(DEBIAN_FONT), 2, False  # the collection's third face is Noto Sans CJK SC
    return None


@lru_cache(maxsize=8)
def _font(size: int):
    from PIL import ImageFont
    found = font_file()
    if not found:
        return ImageFont.load_default(size)
    path, index, _ = found
    return ImageFont.truetype(path, size, index=index, layout_engine=ImageFont.Layout.RAQM
                              if _raqm() else ImageFont.Layout.BASIC)


@lru_cache(maxsize=1)
def _raqm() -> bool:
    from PIL import features
    return bool(features.check("raqm"))


def _text_options(language: str) -> dict:
    found = font_file()
    if found and found[2] and _raqm() and language.lower().startswith("zh"):
        return {"language": "zh-Hans"}
    return {}


def _wrap(draw, text: str, font, width: int, options: dict) -> list[str]:
    """Lines that fit `width`: Chinese breaks between characters, other text between words."""
    tokens: list[str] = []
    word = ""
    for ch in text:
        if ch.isascii() and not ch.isspace():
            word += ch
            continue
        if word:
            tokens.append(word)
            word = ""
        tokens.append(ch)
    if word:
        tokens.append(word)
    lines, line = [], ""
    for token in tokens:
        trial = line + token
        if line and token not in CLOSING and draw.textlength(trial, font=font, **options) > width:
            lines.append(line.rstrip())
            line = token.lstrip()
        else:
            line = trial
    if line.strip():
        lines.append(line.rstrip())
    return lines


@lru_cache(maxsize=1)
def _pyvips():
    """libvips (pyvips[binary], which also cuts IIIF tiles), or None where it does not load."""
    try:
        import pyvips
        return pyvips
    except (ImportError, OSError):
        return None


def encoder() -> str:
    """Who writes the PNG: `libvips 8.x.y`, or `pillow` where libvips does not load."""
    vips = _pyvips()
    return f"libvips {vips.version(0)}.{vips.version(1)}.{vips.version(2)}" if vips else "pillow"


def cache_fingerprint() -> str:
    """What a share image's bytes depend on besides its arguments (lantai/build_cache.py):
    the font file drawn with, whether Pillow lays text out with raqm, and the PNG encoder."""
    found = font_file()
    if not found:
        return f"default-font:{encoder()}"
    path = Path(found[0])
    return f"{path.name}:{path.stat().st_size}:{found[1]}:{_raqm()}:{encoder()}"


def share_image(key: str, title: str, kicker: str, site_name: str, group: str, language: str) -> bytes:
    """The PNG for one page; the same arguments give the same bytes. A build makes each once
    and keeps it in the build cache (lantai/build_cache.py), in a worker process."""
    from PIL import Image, ImageDraw
    ground, ground2, strip, accent = covers.palette_for(key, group)
    width, height = SIZE
    # A vertical gradient from the palette's two grounds: one column, then stretched sideways
    # (drawing it line by line cost a fifth of the image).
    column = Image.new("RGB", (1, height))
    column.putdata([_blend(ground, ground2, row / (height - 1)) for row in range(height)])
    image = column.resize(SIZE, Image.Resampling.NEAREST)
    draw = ImageDraw.Draw(image)
    digest = covers._digest(key)
    x = 40
    for index in range(12):  # paper strips, as on the generated covers
        strip_width = 18 + digest[index + 1] % 34
        strip_height = 160 + digest[index + 10] % 200
        draw.rectangle([x, height - strip_height, x + strip_width, height], fill=_blend(strip, ground2, .7))
        x += strip_width + 10 + digest[index + 5] % 14
        if x > width - 80:
            break
    options = _text_options(language)
    seal = covers.seal_text(title)
    draw.rounded_rectangle([width - 200, 60, width - 60, 200], radius=14, fill=accent)
    draw.rounded_rectangle([width - 190, 70, width - 70, 190], radius=10, outline="#ffffff", width=3)
    seal_font = _font(52 if len(seal) > 1 else 80)
    draw.text((width - 130, 130), seal, font=seal_font, fill="#ffffff", anchor="mm", **options)
    draw.text((70, 80), kicker, font=_font(34), fill=_blend("#ffffff", ground, .15), **options)
    title_font = _font(68)
    lines = _wrap(draw, title, title_font, width - 340, options)[:3]
    y = 150
    for line in lines:
        draw.text((70, y), line, font=title_font, fill="#ffffff", **options)
        y += 88
    draw.rectangle([0, height - 86, width, height], fill=_blend("#000000", ground, .55))
    draw.text((70, height - 64), site_name, font=_font(34), fill="#ffffff", **options)
    return _png(image)


def _png(image) -> bytes:
    """The image as PNG. Encoding was most of a share image's time (8.7 of 13 ms: Pillow
    tries every row filter on every row, bench/results/scale-profile.md); libvips writes each
    row with the Up filter (the gradient changes little from row to row) with its own zlib in
    4.6 ms, in about as many bytes (3% fewer over the 1,789 of bench/scale.py's 1,000 stories,
    4% more on 20 longer titles; level 7 unfiltered was 7% smaller than Pillow's at 6.2 ms,
    level 8 took 14 ms). No metadata
    (libvips would add an EXIF block), so the bytes depend only on the pixels and the
    encoder's version, which keys the build cache."""
    vips = _pyvips()
    if vips is None:
        buffer = io.BytesIO()
        # Run-length zlib: as small as the default strategy (3% more bytes) in half the time.
        image.save(buffer, "PNG", compress_type=zlib.Z_RLE)
        return buffer.getvalue()
    width, height = image.size
    pixels = vips.Image.new_from_memory(image.tobytes(), width, height, 3, "uchar")
    return pixels.pngsave_buffer(compression=6, filter="up", keep="none")


def _blend(colour: str, other: str, amount: float) -> tuple[int, int, int]:
    """`colour` mixed with `amount` of `other`."""
    return tuple(round(int(colour[i:i + 2], 16) * (1 - amount) + int(other[i:i + 2], 16) * amount) for i in (1, 3, 5))
