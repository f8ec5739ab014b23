"""Generated cover art for brands and stories without a cover image.

Never a stand-in photograph: an abstract composition drawn from the name itself. The
name's hash picks a palette of the category and the layout of paper strips (archive
folders seen edge-on), and the first characters of the name stand in a seal (印章).
The output is deterministic SVG, small enough to inline in every card.
"""

from __future__ import annotations

import hashlib
from html import escape

# Palettes: (ground, ground-2, strip, accent). Chosen for contrast with white seal text.
PALETTES = [
    ("#7a2e1f", "#a8442c", "#e9d8b8", "#c0392b"),   # 朱 vermilion
    ("#1f3d5a", "#2f5d82", "#d9e3ea", "#b03a2e"),   # 靛 indigo
    ("#2d4a3e", "#3f6b57", "#e3e8d5", "#a93226"),   # 青 green
    ("#4a3b2a", "#6e5639", "#efe3c8", "#9e2a2b"),   # 褐 umber
    ("#3b2f4a", "#5a4872", "#e7e0ef", "#b03a48"),   # 紫 purple
    ("#5a4a1f", "#80692b", "#f1e6c4", "#a5302a"),   # 赭 ochre
]


def _digest(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8")).digest()


def palette_for(key: str, group: str = "") -> tuple[str, str, str, str]:
    """The same key always gets the same palette; a group (category) shifts the range."""
    index = (_digest(group)[0] + _digest(key)[0] % 2) % len(PALETTES) if group else _digest(key)[0] % len(PALETTES)
    return PALETTES[index]


def seal_text(name: str) -> str:
    """Up to two leading CJK characters, or initials for Latin names."""
    cjk = [ch for ch in name if "\u4e00" <= ch <= "\u9fff"]
    if cjk:
        return "".join(cjk[:2])
    words = [w for w in name.replace("-", " ").split() if w[:1].isalnum()]
    return "".join(w[0].upper() for w in words[:2]) or "?"


def cover_svg(key: str, name: str, group: str = "", label: str | None = None) -> str:
    """An inline SVG (viewBox 320x200), decorative: hidden from screen readers.

    A shelf of archive boxes seen edge-on, each with its label slot, against column
    rules (界行); the seal, stamped a little askew, stands in the upper right."""
    ground, ground2, strip, accent = palette_for(key, group)
    digest = _digest(key)
    shelf = 172
    rules = "".join(f'<path d="M{x} 0V{shelf}"/>' for x in range(16, 320, 24))
    boxes = []
    x = 18
    for index in range(9):
        width = 12 + digest[index + 1] % 22
        height = 64 + digest[index + 10] % 84
        opacity = 0.22 + (digest[index + 20] % 40) / 100
        top = shelf - height
        boxes.append(f'<rect x="{x}" y="{top}" width="{width}" height="{height}" fill="{strip}" '
                     f'fill-opacity="{opacity:.2f}"/>')
        if width >= 14:
            boxes.append(f'<rect x="{x + 3}" y="{top + 8}" width="{width - 6}" height="14" '
                         f'fill="{ground}" fill-opacity=".45"/>')
        x += width + 3 + digest[index + 5] % 7
        if x > 300:
            break
    seal = escape(seal_text(name))
    font_size = 22 if len(seal) > 1 else 34
    gradient_id = "g" + digest.hex()[:8]
    title = f"<title>{escape(label)}</title>" if label else ""
    hidden = "" if label else ' aria-hidden="true" focusable="false"'
    tilt = -2 - digest[30] % 4
    return (
        f'<svg class="lt-cover" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 320 200" '
        f'preserveAspectRatio="xMidYMid slice"{hidden}>{title}'
        f'<defs><linearGradient id="{gradient_id}" x1="0" y1="0" x2="1" y2="1">'
        f'<stop offset="0" stop-color="{ground}"/><stop offset="1" stop-color="{ground2}"/></linearGradient></defs>'
        f'<rect width="320" height="200" fill="url(#{gradient_id})"/>'
        f'<g stroke="{strip}" stroke-opacity=".08" stroke-width="1">{rules}</g>'
        + "".join(boxes)
        + f'<rect y="{shelf}" width="320" height="{200 - shelf}" fill="#000" fill-opacity=".22"/>'
        f'<path d="M0 {shelf + 0.5}H320" stroke="{strip}" stroke-opacity=".7" stroke-width="1.5"/>'
        f'<g transform="translate(234 22) rotate({tilt} 34 34)">'
        f'<rect x="-2" y="-2" width="72" height="72" rx="4" fill="{strip}" fill-opacity=".9"/>'
        f'<rect width="68" height="68" rx="3" fill="{accent}"/>'
        f'<rect x="4.5" y="4.5" width="59" height="59" rx="1.5" fill="none" stroke="#fff" stroke-width="2" opacity=".9"/>'
        f'<text x="34" y="{34 + font_size * 0.36:.0f}" text-anchor="middle" font-size="{font_size}" '
        f'fill="#fff" font-family="\'Noto Serif CJK SC\',\'Source Han Serif SC\',\'Songti SC\',STSong,serif" '
        f'font-weight="700">{seal}</text></g></svg>'
    )
