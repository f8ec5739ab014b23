"""Views that stay small at any size: the catalogue, the indexes and the timeline in pages.

A view lists its rows on pages of a fixed size, in its own order. Page 1 keeps the view's
address (`items/`), page n lives at `urls.paged(view, n)` (`items/page/2/`); a view that fits
on one page has no pager at all, so a small exhibition looks as it always did. Each page
carries a plain-HTML pager (`page_links` in view_macros.html): it works without JavaScript.

The sizes below were chosen by measured page weight at 50,000 items (bench/view_pages.py):
each keeps a page's HTML well under 300 KB. `page_size` in mkdocs.yml overrides them all.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence, TypeVar

from .. import urls
from ..model import Project

# Measured at 50,000 items (bench/view_pages.py), articles without the page frame (~30 KB):
# 500 rows made 243 KB, 300 timeline entries 216 KB, 800 index links 130 KB at most.
CATALOGUE_ROWS = 400      # a catalogue row is about 0.48 KB of HTML: some 195 KB a page
TIMELINE_ENTRIES = 250    # a timeline entry about 0.7 KB: some 180 KB
INDEX_LINES = 800         # a link under a term about 0.15 KB; a term's heading counts as HEADING_LINES
HEADING_LINES = 3
WINDOW = 2                # page numbers shown either side of the current one

T = TypeVar("T")


def size_of(project: Project, default: int) -> int:
    """The page size of a view: the project's `page_size` when it sets one, else the view's own."""
    return project.settings.page_size or default


def split(rows: Sequence[T], size: int) -> list[list[T]]:
    """Rows in pages of `size`, in order; always one page, empty when there are no rows."""
    size = max(1, size)
    return [list(rows[start:start + size]) for start in range(0, len(rows), size)] or [[]]


@dataclass(frozen=True)
class Pager:
    """Page `number` (from 1) of a view whose pages live at `addresses`, page 1 first."""
    number: int
    addresses: tuple[str, ...]

    @property
    def count(self) -> int:
        return len(self.addresses)

    @property
    def url(self) -> str:
        return self.addresses[self.number - 1]

    @property
    def previous(self) -> str | None:
        return self.addresses[self.number - 2] if self.number > 1 else None

    @property
    def next(self) -> str | None:
        return self.addresses[self.number] if self.number < self.count else None

    def links(self) -> list[tuple[int, str] | None]:
        """(number, address) of the pages the pager names, None where an ellipsis stands:
        the first and last page, and WINDOW pages either side of this one."""
        shown = sorted({1, self.count, *range(max(1, self.number - WINDOW), min(self.count, self.number + WINDOW) + 1)})
        out: list[tuple[int, str] | None] = []
        for previous, number in zip([0] + shown, shown):
            if number - previous == 2:      # one page left out: name it rather than an ellipsis
                out.append((number - 1, self.addresses[number - 2]))
            elif number - previous > 2:
                out.append(None)
            out.append((number, self.addresses[number - 1]))
        return out


def pagers(view: str, count: int) -> list[Pager]:
    """One pager for each of `count` pages of the view at `view`."""
    addresses = tuple(urls.paged(view, number) for number in range(1, count + 1))
    return [Pager(number, addresses) for number in range(1, count + 1)]
