"""Every problem of a project in one pass: what reading found (lantai/reading: files,
fields, duplicate codes), then what only the whole project shows: references across
files, images, what may be published, alt text, links.

A record with one problem is still read whole and checked for all the others, so an
editor fixes a file in one round, not one mistake per build.
"""

from __future__ import annotations

from pathlib import Path

from ..model import Project, Settings
from ..problems import Problem
from ..publishing.files import check_published
from ..reading.project import read_project
from ..views.media import check_alt
from .images import check_images
from .links import check_links
from .references import check_references


def check(project: Project, found: list[Problem]) -> list[Problem]:
    """`found` (the problems reading reported) and every problem the checks add."""
    return [*found, *check_references(project),
            *check_images(project),      # empty, truncated, huge or unsafe images: at check, not in the build
            *check_published(project),   # links out of the project, hidden files, assets folders
            *check_alt(project), *check_links(project)]


def load_project(root: Path, settings: Settings, content_dir: Path | None = None) -> tuple[Project, list[Problem]]:
    """Read a project and check it: the model and every problem, in one pass."""
    project, found = read_project(root, settings, content_dir)
    return project, check(project, found)
