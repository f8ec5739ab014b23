"""Links an editor writes in Markdown to files or pages of the site that do not exist.

Images are checked with the other images (checking/images.py), and links out of the
project with what may be published (publishing/files.py): each mistake is reported once.

A relative link in a story is read beside the story's file (`media/x.jpg` next to
content/<brand>/<story>.md); in a brand's description beside the brand's page, and in an
item's description beside the catalogue, as the page writer reads them
(lantai/pages/markdown.py). A link to another page is written to its file (`../about.md`).
"""

from __future__ import annotations

import os
import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..markers import visible_lines
from ..model import Project
from ..problems import Problem, problem
from ..publishing.files import leads_out, project_folders

# [text](target "title"), not an image ![alt](target): the target, as written
_LINK = re.compile(r"(?<!!)\[[^\]\n]*\]\(\s*<?([^)\s>]+)>?(?:\s+[\"'][^\"']*[\"'])?\s*\)")
_REFERENCE = re.compile(r"^\s{0,3}\[[^\]\n]+\]:\s*<?([^\s>]+)>?")


def texts(project: Project):
    """(file, first line, field, text, source) for every Markdown text of the project."""
    for story in project.stories.values():
        yield story.path, story.body_line, "", story.body, f"{story.brand_id}/{story.id}.md"
    for brand in project.brands.values():
        yield brand.path, brand.description_line, "description", brand.description or "", f"{brand.id}/index.md"
    for item in project.items.values():
        yield item.path, item.line, "items.description", item.description or "", f"items/{item.slug}.md"
    for page in project.pages:
        yield page.path, 1, "", page.body, f"{page.name}.md"


def find_links(text: str) -> list[tuple[int, str]]:
    """(line within the text, target) of every link and image outside code and comments."""
    found = []
    for number, line in enumerate(visible_lines(text), start=1):
        if line is None:
            continue
        found += [(number, match.group(1)) for match in _LINK.finditer(line)]
        if (reference := _REFERENCE.match(line)):
            found.append((number, reference.group(1)))
    return found


def is_file_link(path: str) -> bool:
    """A link to a file (`media/x.jpg`, `../about.md`); a link to a folder (`../`) is left
    as written, as the engine leaves it."""
    return not path.endswith("/") and bool(posixpath.splitext(posixpath.basename(path))[1])


def check_links(project: Project) -> list[Problem]:
    pages = {f"{s.brand_id}/{s.id}.md" for s in project.stories.values()} | {f"{p.name}.md" for p in project.pages}
    pages |= {f"{b}/index.md" for b in project.brands} | {"index.md"}
    problems, folders = [], project_folders(project)
    for path, start, field_name, text, source in texts(project):
        for number, target in find_links(text):
            scheme, netloc, link_path, _, _ = urlsplit(target)
            if scheme or netloc or target.startswith(("/", "#")) or not is_file_link(link_path):
                continue
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(source), unquote(link_path)))
            if leads_out(Path(os.path.normpath(project.content_dir / resolved)), folders):
                continue  # reported as outside the project
            if resolved in pages or resolved in project.extra_files or (project.content_dir / resolved).is_file():
                continue
            line = start + number - 1 if start and not field_name.startswith("items") else start
            problems.append(problem(path, line, field_name, "link-missing", value=target))
    return problems
