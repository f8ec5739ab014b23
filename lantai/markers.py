"""Item markers in an editor's text: the one parser that the checker and the page writer share.

An editor places an archive item in a story's text (or a brand's or item's description) by
its reference code in double square brackets: `[[SY-0001]]` on a line of its own shows the
item's card there; inside a sentence it becomes a link to the item's page. A marker inside
a fenced code block, inline code or an HTML comment is an example of the syntax (the story
scaffold writes one), not a marker: it is neither checked nor replaced.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MARKER = re.compile(r"\[\[\s*([^\[\]\n|]+?)\s*\]\]")
FENCE = re.compile(r"^\s*(```|~~~)")
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")


@dataclass(frozen=True)
class Marker:
    code: str
    line: int          # line within the text, 1-based
    start: int         # where the marker starts and ends in that line
    end: int
    alone: bool        # on a line of its own: a card; otherwise a link


def find_markers(text: str) -> list[Marker]:
    """Every item marker in `text` outside code and comments, in reading order."""
    markers = []
    for number, visible in enumerate(visible_lines(text), start=1):
        if visible is None:
            continue
        for match in MARKER.finditer(visible):
            alone = visible.strip() == match.group(0)
            markers.append(Marker(match.group(1), number, match.start(), match.end(), alone))
    return markers


def visible_lines(text: str) -> list[str | None]:
    """Each line of `text` with code spans and comments blanked out (same length, so
    positions hold in the line as written); None for a line inside a fenced code block."""
    out: list[str | None] = []
    fenced = False
    in_comment = False
    for line in text.splitlines():
        if not in_comment and FENCE.match(line):
            fenced = not fenced
            out.append(None)
            continue
        if fenced:
            out.append(None)
            continue
        visible, in_comment = _blank_comments(line, in_comment)
        out.append(_CODE_SPAN.sub(lambda m: " " * len(m.group(0)), visible))
    return out


def _blank_comments(line: str, in_comment: bool) -> tuple[str, bool]:
    """The line with <!-- comments --> blanked out, and whether a comment stays open."""
    chars = list(line)
    position = 0
    while position <= len(line):
        if in_comment:
            end = line.find("-->", position)
            stop = len(line) if end < 0 else end + 3
            chars[position:stop] = " " * (stop - position)
            if end < 0:
                break
            position, in_comment = stop, False
        else:
            start = line.find("<!--", position)
            if start < 0:
                break
            position, in_comment = start, True
    return "".join(chars), in_comment
