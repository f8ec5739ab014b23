"""What a file that could not be read would have said, so that its mistake is reported
once, at its cause, and not again as echoes in the files that refer to it.

A brand or story file with a YAML error is not in the model; without this, every story
relating to it "is neither a story … nor a brand" and every `[[CODE]]` of its items
"names no archive item". Its id and the codes written in it (read as text) count as known.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..reading.loading import read_text
from ..model import Project
from ..publishing.files import leads_out, project_folders

_CODE = re.compile(r"""(?:^|[{,\s-])code\s*:\s*(?:"([^"\n]+)"|'([^'\n]+)'|([^\s,}#][^,}#\n]*?))\s*(?=[,}#\n]|$)""",
                   re.MULTILINE)


@dataclass
class Unread:
    ids: set[str] = field(default_factory=set)     # brand ids and brand-id/story-id keys
    codes: set[str] = field(default_factory=set)


def codes_written(text: str) -> set[str]:
    return {next(g for g in match.groups() if g).strip() for match in _CODE.finditer(text)}


def unread_files(project: Project) -> Unread:
    found = Unread()
    brands = project.root / "brands"
    folders = project_folders(project)  # a link out of the project is never read, not even here
    if brands.is_dir():
        for file in brands.iterdir():
            if file.suffix in (".yml", ".yaml") and file.stem not in project.brands and file.is_file():
                found.ids.add(file.stem)
                if not leads_out(file, folders):
                    found.codes |= codes_written(read_text(file))
    if project.content_dir.is_dir():
        for file in project.content_dir.glob("*/*.md"):
            key = f"{file.parent.name}/{file.stem}"
            if key not in project.stories and file.is_file():
                found.ids.add(key)
                if not leads_out(file, folders):
                    found.codes |= codes_written(read_text(file))
    return found
