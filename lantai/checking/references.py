"""Checks that cross files: item codes, `related` ids and item markers in the text.

Item markers are found by lantai/markers.py, the parser the page writer uses too.
"""

from __future__ import annotations

from ..drafts import is_draft_item
from ..markers import find_markers
from ..model import Project
from ..problems import NOTICE, Problem, problem


def check_references(project: Project) -> list[Problem]:
    problems: list[Problem] = []
    problems += check_addresses(project)
    problems += check_related(project)
    problems += check_markers(project)
    problems += [problem("mkdocs.yml", 0, "featured", "unknown-related", value=key)
                 for key in project.settings.featured if key not in project.stories]
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
        lines = story.related_lines
        for index, reference in enumerate(story.related):
            line = lines[index] if index < len(lines) else 0
            label = f"related[{index + 1}]"
            if reference == story.key:
                problems.append(problem(story.path, line, label, "related-self", value=reference))
            elif reference not in project.stories and reference not in project.brands and reference not in unread.ids:
                problems.append(problem(story.path, line, label, "unknown-related", value=reference))
            elif not story.draft and reference in project.stories and project.stories[reference].draft:
                problems.append(problem(story.path, line, label, "related-draft", NOTICE, value=reference))
    return problems


def check_markers(project: Project) -> list[Problem]:
    from .echoes import unread_files
    problems, unread = [], unread_files(project).codes
    for story in project.stories.values():
        for marker in find_markers(story.body):
            if marker.code in project.held_back:   # its code and row are said, nothing else of it
                problems.append(problem(story.path, story.body_line + marker.line - 1, "", "code-held-back",
                                        value=marker.code, where=project.held_back[marker.code]))
            elif marker.code not in project.items and marker.code not in unread:
                problems.append(problem(story.path, story.body_line + marker.line - 1, "", "unknown-code",
                                        value=marker.code))
            elif not story.draft and is_draft_item(project, marker.code):
                problems.append(problem(story.path, story.body_line + marker.line - 1, "", "code-draft", NOTICE,
                                        value=marker.code))
    for brand in project.brands.values():
        start = brand.description_line
        for marker in find_markers(brand.description or ""):
            line = start + marker.line - 1 if start else 0
            if marker.code in project.held_back:
                problems.append(problem(brand.path, line, "description", "code-held-back", value=marker.code,
                                        where=project.held_back[marker.code]))
            elif marker.code not in project.items and marker.code not in unread:
                problems.append(problem(brand.path, line, "description", "unknown-code", value=marker.code))
    return problems
