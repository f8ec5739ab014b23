"""Checks that cross files: item codes, `related` ids and item markers in the text.

An editor places an archive item in a story's text by its reference code in double
square brackets: `[[SY-0001]]` on a line of its own shows the item's card there; inside
a sentence it becomes a link to the item's page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from .model import Item, Project
from .problems import Problem, problem

MARKER = re.compile(r"\[\[\s*([^\[\]\n|]+?)\s*\]\]")
_FENCE = re.compile(r"^\s*(```|~~~)")


@dataclass
class Marker:
    code: str
    line: int          # line within the text, 1-based
    alone: bool        # on a line of its own: a card; otherwise a link


def find_markers(text: str) -> list[Marker]:
    """Item markers outside fenced code blocks, inline code and HTML comments (where an
    editor, or the story scaffold, shows the syntax as an example)."""
    markers = []
    for number, visible in written_lines(text):
        for match in MARKER.finditer(visible):
            alone = visible.strip() == match.group(0)
            markers.append(Marker(match.group(1), number, alone))
    return markers


def written_lines(text: str) -> Iterator[tuple[int, str]]:
    """(line number, text) of each line of an editor's Markdown that says something: fenced
    code blocks and HTML comments left out, inline code blanked (there the editor shows
    syntax as an example). Item markers and links to files are read from these lines."""
    fenced = False
    in_comment = False
    for number, line in enumerate(text.splitlines(), start=1):
        if not in_comment and _FENCE.match(line):
            fenced = not fenced
            continue
        if fenced:
            continue
        visible, in_comment = _outside_comments(line, in_comment)
        yield number, _CODE_SPAN.sub(" ", visible)


_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")


def _outside_comments(line: str, in_comment: bool) -> tuple[str, bool]:
    """The parts of a line outside <!-- comments -->, and whether a comment stays open."""
    out, position = [], 0
    while position <= len(line):
        if in_comment:
            end = line.find("-->", position)
            if end < 0:
                break
            position, in_comment = end + 3, False
        else:
            start = line.find("<!--", position)
            if start < 0:
                out.append(line[position:])
                break
            out.append(line[position:start] + " ")
            position, in_comment = start + 4, True
    return "".join(out), in_comment


def check_references(project: Project) -> list[Problem]:
    problems: list[Problem] = []
    problems += collect_items(project)
    problems += check_addresses(project)
    problems += check_related(project)
    problems += check_markers(project)
    problems += [problem("mkdocs.yml", 0, "featured", "unknown-related", value=key)
                 for key in project.settings.featured if key not in project.stories]
    return problems


def collect_items(project: Project) -> list[Problem]:
    problems = []
    owners = [*project.brands.values(), *project.stories.values()]
    by_slug: dict[str, Item] = {}  # each item's page is items/<slug>/
    orphans = getattr(project, "_orphan_items", [])  # from records that failed (project.keep_items)
    items = [item for owner in owners for item in owner.items] + orphans
    # In reading order (brand files, then content/), so the later of two is the one reported.
    for item in sorted(items, key=lambda i: (not i.path.startswith("brands/"), i.path, i.line)):
        if item.code in project.items:
            other = project.items[item.code]
            problems.append(problem(item.path, item.line, "items.code", "duplicate-code",
                                    value=item.code, other=f"{other.path}:{other.line}"))
            continue
        if item.slug in by_slug:  # 'SY 0001' and 'sy-0001' would share one page
            other = by_slug[item.slug]
            problems.append(problem(item.path, item.line, "items.code", "duplicate-slug", value=item.code,
                                    slug=item.slug, other_code=other.code, other=f"{other.path}:{other.line}"))
        else:
            by_slug[item.slug] = item
        project.items[item.code] = item  # known, so that its [[CODE]] markers are not reported too
    return problems


def check_addresses(project: Project) -> list[Problem]:
    """A free page named like a brand would take the brand's address (/<id>/)."""
    brand_files = {path.stem for path in (project.root / "brands").glob("*.y*ml")}
    return [problem(page.path, 0, "", "page-brand-clash", value=page.name)
            for page in project.pages if page.name in project.brands or page.name in brand_files]


def check_related(project: Project) -> list[Problem]:
    from .echoes import unread_files
    problems, unread = [], unread_files(project)  # a file that could not be read is reported once, there
    for story in project.stories.values():
        lines = getattr(story, "_related_lines", [])
        for index, reference in enumerate(story.related):
            line = lines[index] if index < len(lines) else 0
            label = f"related[{index + 1}]"
            if reference == story.key:
                problems.append(problem(story.path, line, label, "related-self", value=reference))
            elif reference not in project.stories and reference not in project.brands and reference not in unread.ids:
                problems.append(problem(story.path, line, label, "unknown-related", value=reference))
    return problems


def check_markers(project: Project) -> list[Problem]:
    from .echoes import unread_files
    problems, unread = [], unread_files(project).codes
    for story in project.stories.values():
        for marker in find_markers(story.body):
            if marker.code not in project.items and marker.code not in unread:
                problems.append(problem(story.path, story.body_line + marker.line - 1, "", "unknown-code",
                                        value=marker.code))
    for brand in project.brands.values():
        start = getattr(brand, "_description_line", 0)
        for marker in find_markers(brand.description or ""):
            if marker.code not in project.items and marker.code not in unread:
                line = start + marker.line - 1 if start else 0
                problems.append(problem(brand.path, line, "description", "unknown-code", value=marker.code))
    return problems
