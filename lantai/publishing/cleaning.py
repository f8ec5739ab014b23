"""What is done to editors' files on their way into the site.

Originals are published as they are, with two exceptions:

* photographs lose their location, and by default all their metadata but orientation
  and colour profile (`image_metadata: strip`, the default; `keep` publishes them byte
  for byte). A phone or a scanner writes GPS coordinates into EXIF; the derivatives never
  carried them, the originals linked from items.json, covers and og:image did.
  The pixels are not touched: metadata is cut from the file, not re-encoded.
* SVG images are filtered through svg-hush (Cloudflare's SVG sanitiser): no scripts, no
  event handlers, no external references, so opening one cannot run code on the site.

Which files are published is lantai/publishing/files.py's to say; the plugin asks
`published_bytes` for each one, so that `serve` and `build` publish the same bytes.
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

METADATA_MODES = ("strip", "keep")
ORIENTATION = 0x0112


def sanitised_svg(data: bytes) -> bytes:
    """The SVG with everything that can run or fetch removed; ValueError when not SVG."""
    from py_svg_hush import filter_svg
    return filter_svg(data)


def _minimal_exif(tiff: bytes) -> bytes | None:
    """EXIF (TIFF bytes) reduced to the orientation, or None when there is none to keep."""
    from PIL import Image
    exif = Image.Exif()
    try:
        exif.load(tiff)
        orientation = exif.get(ORIENTATION)
    except Exception:  # unreadable EXIF: drop it whole
        return None
    if not orientation or orientation == 1:
        return None
    kept = Image.Exif()
    kept[ORIENTATION] = orientation
    return kept.tobytes()  # b"Exif\0\0" + TIFF


def strip_jpeg(data: bytes) -> bytes:
    """Drop APP1 (EXIF, XMP), APP13 (IPTC) and comments; keep orientation and the rest."""
    if not data.startswith(b"\xff\xd8"):
        return data
    out, position = [b"\xff\xd8"], 2
    while position + 4 <= len(data):
        if data[position] != 0xFF:
            return data  # not a marker where one must be: leave the file alone
        marker = data[position + 1]
        if marker == 0xFF:  # fill byte
            position += 1
            continue
        if marker in (0xD9, 0xDA):  # end of image, start of scan: the rest is image data
            out.append(data[position:])
            return b"".join(out)
        if 0xD0 <= marker <= 0xD7 or marker == 0x01:
            out.append(data[position:position + 2])
            position += 2
            continue
        length = struct.unpack(">H", data[position + 2:position + 4])[0]
        segment = data[position:position + 2 + length]
        body = segment[4:]
        if marker == 0xE1 and body.startswith(b"Exif\x00\x00"):
            kept = _minimal_exif(body[6:])
            if kept:
                out.append(b"\xff\xe1" + struct.pack(">H", len(kept) + 2) + kept)
        elif marker in (0xE1, 0xED, 0xFE):  # XMP and other APP1, IPTC, comments
            pass
        else:
            out.append(segment)
        position += 2 + length
    return data


def _png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)


def strip_png(data: bytes) -> bytes:
    """Drop eXIf (keeping orientation) and text chunks (tEXt, zTXt, iTXt: XMP, comments)."""
    if not data.startswith(b"\x89PNG\r\n\x1a\n"):
        return data
    out, position = [data[:8]], 8
    while position + 8 <= len(data):
        length = struct.unpack(">I", data[position:position + 4])[0]
        kind = data[position + 4:position + 8]
        chunk = data[position:position + 12 + length]
        if kind == b"eXIf":
            kept = _minimal_exif(chunk[8:8 + length])
            if kept:
                out.append(_png_chunk(b"eXIf", kept[6:]))
        elif kind not in (b"tEXt", b"zTXt", b"iTXt", b"tIME"):
            out.append(chunk)
        position += 12 + length
        if kind == b"IEND":
            break
    return b"".join(out)


def strip_webp(data: bytes) -> bytes:
    """Drop the EXIF and XMP chunks of a WebP (and their flags in VP8X)."""
    if not (data[:4] == b"RIFF" and data[8:12] == b"WEBP"):
        return data
    chunks, position = [], 12
    while position + 8 <= len(data):
        kind, length = data[position:position + 4], struct.unpack("<I", data[position + 4:position + 8])[0]
        chunk = data[position:position + 8 + length + (length & 1)]
        if kind == b"VP8X" and len(chunk) > 8:
            chunk = chunk[:8] + bytes([chunk[8] & ~0x0C]) + chunk[9:]  # clear the EXIF and XMP flags
        if kind not in (b"EXIF", b"XMP "):
            chunks.append(chunk)
        position += 8 + length + (length & 1)
    body = b"WEBP" + b"".join(chunks)
    return b"RIFF" + struct.pack("<I", len(body)) + body


STRIPPERS = {".jpg": strip_jpeg, ".jpeg": strip_jpeg, ".png": strip_png, ".webp": strip_webp}


def published_bytes(source: Path, metadata: str = "strip") -> bytes | None:
    """The bytes an editor's file is published with when they are not the file's own: a
    photograph without its metadata (unless `metadata` is "keep"), an SVG without scripts
    (empty when it cannot be read: `check` reports it, and nothing unchecked is published).
    None when the file is published as it is. The same for `build` and `serve`."""
    suffix = source.suffix.lower()
    if suffix == ".svg":
        data = source.read_bytes()
        try:
            cleaned = sanitised_svg(data)
        except ValueError:
            cleaned = b""
    elif suffix in STRIPPERS and metadata != "keep":
        data = source.read_bytes()
        cleaned = STRIPPERS[suffix](data)
    else:
        return None
    return cleaned if cleaned != data else None
