"""Every problem of a project in one pass: what reading found (lantai/project.py: files,
fields, references, images), then what only the whole project shows (alt text, links).

A record with one problem is still read whole and checked for all the others, so an
editor fixes a file in one round, not one mistake per build.
"""

from __future__ import annotations

from ..model import Project
from ..problems import Problem
from ..views.media import check_alt
from .links import check_links


def check(project: Project, found: list[Problem]) -> list[Problem]:
    """`found` (the problems reading reported) and every problem the checks add."""
    return [*found, *check_alt(project), *check_links(project)]
