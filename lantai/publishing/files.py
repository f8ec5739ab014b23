"""Which of the editors' files are published: the files a record names, and the files in
the declared assets folders. Nothing else under content/ reaches the site.

Named are an item's media and transcripts, brand and story covers, and the files editors'
Markdown links to (story bodies, brand and item descriptions, free pages, the home page's
introduction): `![alt](path)`, `[text](path)` and `[label]: path`, where the path is
relative and not a page, a web address or an anchor. It is resolved as the site engine
resolves it, from the page the text is shown on. An assets folder (setting `assets`:
folders or files below content/, by default `assets` and `robots.txt`) is published
whole, Markdown aside.

Never published: files and folders whose name starts with `_` or `.` (editors' notes,
`content/_notes/`), and any file whose real path, links followed, is outside the project
(the folder holding mkdocs.yml, and the content folder wherever it is). A link from
content/ to /etc/passwd is not copied, and a folder linked from outside is not walked.

`published_files` lists what is published; `check_published` reports what a record or a
setting asked for and cannot have. Free of any engine: the MkDocs plugin hands the list
over. The project given is the published one: drafts are removed before (so a file only a
draft names is not listed).
"""

from __future__ import annotations

import os
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from urllib.parse import unquote

from ..reading.loading import read_text, split_front_matter
from ..model import DEFAULT_ASSETS, Project
from ..problems import Problem, problem
from ..markers import visible_lines

# `](path` ends every inline link and image, also an image inside a link: [![a](t.jpg)](f.jpg)
_INLINE = re.compile(r"\]\(\s*(?:<(?P<angled>[^<>\n]*)>|(?P<plain>[^)\s]+))")
_DEFINITION = re.compile(r"^ {0,3}\[(?!\^)[^\]\n]+\]:\s*(?:<(?P<angled>[^<>\n]*)>|(?P<plain>\S+))")  # not [^1]: a footnote
_URL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)
PAGE_SUFFIXES = (".md",)  # pages are the engine's, never published as files


# -- where a file really is -------------------------------------------------------------------

def project_folders(project: Project) -> tuple[Path, ...]:
    """The folders a published or read file may really be in: the project's, and the content
    folder's when mkdocs.yml sets `docs_dir` elsewhere."""
    return (project.root, project.content_dir)


def leads_out(path: Path, folders: tuple[Path, ...]) -> bool:
    """Whether `path` is outside every one of `folders` (absolute, resolved), as written or
    once its links are followed. A link that stays inside is fine."""
    def within(candidate: Path) -> bool:
        return any(candidate == folder or candidate.is_relative_to(folder) for folder in folders)
    return not within(Path(os.path.normpath(path))) or not within(path.resolve())


def hidden(relative: str | PurePosixPath) -> bool:
    """Whether a path below content/ names a file or folder kept from the site (`_notes/`, `.git`)."""
    return any(part.startswith((".", "_")) for part in PurePosixPath(relative).parts)


# -- links in editors' Markdown ------------------------------------------------------------------

def written_lines(text: str):
    """(line number, text) of each line that says something: code and comments left out."""
    for number, line in enumerate(visible_lines(text), start=1):
        if line is not None:
            yield number, line


@dataclass(frozen=True)
class LinkedFile:
    line: int       # within the text, 1-based
    written: str    # the link's target as written
    path: str       # the file part of it: no #anchor or ?query, %-escapes decoded


def linked_files(text: str) -> list[LinkedFile]:
    """Links and images in Markdown that point at a local file (not a page, web address or
    anchor), outside code and comments."""
    found = []
    for number, line in written_lines(text):
        matches = list(_INLINE.finditer(line))
        if definition := _DEFINITION.match(line):
            matches.append(definition)
        for match in matches:
            written = match["angled"] if match["angled"] is not None else match["plain"]
            path = unquote(re.split(r"[#?]", written.strip(), maxsplit=1)[0])
            if (not path or _URL.match(path) or path.endswith("/")
                    or PurePosixPath(path).suffix.lower() in PAGE_SUFFIXES):
                continue
            found.append(LinkedFile(number, written, path))
    return found


@dataclass
class _Text:
    path: str          # the file holding it, project-relative, for messages
    field: str
    first_line: int    # the file line of the text's first line; 0 when unknown
    per_line: bool     # whether lines within the text can be told apart
    text: str
    page_dir: str      # the folder below content/ of the page the text is shown on


def _texts(project: Project) -> list[_Text]:
    texts = [_Text(s.path, "", s.body_line, True, s.body, s.brand_id) for s in project.stories.values()]
    texts += [_Text(b.path, "description", b.description_line, True, b.description or "", b.id)
              for b in project.brands.values() if b.description]
    texts += [_Text(i.path, "items.description", i.line, False, i.description or "", "items")
              for i in project.items.values() if i.description]
    pages = [(page.path, project.root / page.path) for page in project.pages]
    pages.append((_relative(project, project.content_dir / "index.md"), project.content_dir / "index.md"))
    for rel, file in pages:
        if file.is_file() and not leads_out(file, project_folders(project)):
            document = split_front_matter(read_text(file), rel, required=False)
            page_dir = PurePosixPath(file.relative_to(project.content_dir).as_posix()).parent.as_posix()
            texts.append(_Text(rel, "", document.body_line, True, document.body, "" if page_dir == "." else page_dir))
    return texts


# -- the list --------------------------------------------------------------------------------

@dataclass
class _Found:
    files: dict[str, Path] = field(default_factory=dict)   # site path -> real file
    problems: list[Problem] = field(default_factory=list)


def published_files(project: Project) -> dict[str, Path]:
    """Site path -> the real file published there, for every editor's file the site holds,
    sorted by site path."""
    return dict(sorted(_collect(project).files.items()))


def check_published(project: Project) -> list[Problem]:
    """What a record or a setting asks to publish and cannot be: a file outside the project
    or a link out of it, a hidden file, a missing or escaping assets folder. Files that
    records name in their fields are checked as they are read (lantai/reading/schema.py)."""
    return _collect(project).problems


def _collect(project: Project) -> _Found:
    found = _Found()
    folders = project_folders(project)

    def add(site_path: str | None) -> None:
        if not site_path:
            return
        source = project.extra_files.get(site_path) or project.content_dir / site_path
        if (not hidden(site_path) and PurePosixPath(site_path).suffix.lower() not in PAGE_SUFFIXES
                and source.is_file() and not leads_out(source, folders)):
            found.files[site_path] = source.resolve()

    for record in (*project.brands.values(), *project.stories.values()):
        add(record.cover)
    for item in project.items.values():
        for media in item.media:
            add(media.path)
            add(media.transcript_path)
    for text in _texts(project):
        _linked(project, text, found)
    for entry in project.settings.assets:
        _assets(project, entry, found)
    return found


def _linked(project: Project, text: _Text, found: _Found) -> None:
    content, folders = project.content_dir, project_folders(project)
    for link in linked_files(text.text):
        if link.path.startswith("/"):  # from the site's root, as the engine reads it
            site_path = posixpath.normpath(link.path.lstrip("/"))
        else:
            site_path = posixpath.normpath(posixpath.join(text.page_dir, link.path))
        line = text.first_line + link.line - 1 if text.per_line and text.first_line else text.first_line
        where = Path(os.path.normpath(content / site_path))
        if leads_out(where, folders):
            found.problems.append(problem(text.path, line, text.field, "outside-project", value=link.written,
                                          beside=PurePosixPath(text.path).name))
            continue
        if site_path.startswith("../") or site_path == ".." or not where.is_file():
            continue  # outside content/ or missing: the engine reports the broken link
        if hidden(site_path):
            found.problems.append(problem(text.path, line, text.field, "hidden-file", value=link.written,
                                          beside=PurePosixPath(text.path).name))
            continue
        found.files[site_path] = where.resolve()


def _assets(project: Project, entry: str, found: _Found) -> None:
    """Every file below the assets folder `entry`; links out of the project are reported,
    never followed; Markdown and hidden files are left out."""
    if not assets_entry_ok(entry):
        return  # reported with the settings (lantai/reading/project.py)
    content, folders = project.content_dir, project_folders(project)
    start = content / entry
    if len(PurePosixPath(entry).parts) == 1 and PurePosixPath(entry).name in project.brands:
        # a brand's folder holds its stories: name the folder of its media instead
        found.problems.append(problem("mkdocs.yml", 0, "assets", "assets-folder", value=entry))
        return
    if not os.path.lexists(start):
        if entry not in DEFAULT_ASSETS:  # the default ones need not exist
            found.problems.append(problem("mkdocs.yml", 0, "assets", "no-assets-folder", value=entry))
        return
    seen: set[Path] = set()
    pending = [start]
    while pending:
        current = pending.pop()
        if leads_out(current, folders):
            found.problems.append(problem(_relative(project, current), 0, "", "link-outside-project"))
            continue
        if current.is_file():
            site_path = current.relative_to(content).as_posix()
            if PurePosixPath(site_path).suffix.lower() not in PAGE_SUFFIXES:
                found.files.setdefault(site_path, current.resolve())
            continue
        real = current.resolve()
        if not current.is_dir() or real in seen:  # a link back up would loop
            continue
        seen.add(real)
        pending += sorted((child for child in current.iterdir() if not child.name.startswith((".", "_"))),
                          reverse=True)


def in_assets(relative: str, assets: list[str]) -> bool:
    """Whether a path below content/ is in one of the assets folders (a file there is
    published as it is; a Markdown file there is not a story nor a page)."""
    path = PurePosixPath(relative)
    return any(assets_entry_ok(entry) and (path == PurePosixPath(entry) or path.is_relative_to(entry))
               for entry in assets)


def assets_entry_ok(entry: str) -> bool:
    """An assets entry names a folder or file below content/: relative, no `..`, nothing hidden."""
    path = PurePosixPath(entry.replace("\\", "/"))
    return bool(entry.strip()) and not path.is_absolute() and ".." not in path.parts \
        and path.parts != () and path.as_posix() != "." and not hidden(path)


def _relative(project: Project, file: Path) -> str:
    """A path for messages: below the project folder as written (a link is named, not its target)."""
    try:
        return Path(os.path.normpath(file)).relative_to(project.root).as_posix()
    except ValueError:
        return Path(os.path.normpath(file)).as_posix()
