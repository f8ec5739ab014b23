"""Reading what editors wrote in the site's other languages.

A translation stands beside its original and is named by it: `content/<brand>/<story>.en.md`
is the English version of `<story>.md`, `content/about.en.md` of the free page `about`,
`content/index.en.md` the English home page's introduction. Its front matter follows the
original's contract (lantai/reading/schema.py, STORY_TRANSLATION: nothing is required,
nothing that places the story among the others may be given), read by the same reader, so
its mistakes are reported with file, line and field like the original's. A brand's text
in another language is written in the brand file itself (`name_en`, `summary_en`: read
with the brand, lantai/reading/project.py).
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

from . import schema
from .loading import LinedDict, encoding_problems, read_text, split_front_matter
from ..model import Edition, Project, Translated
from ..problems import Problem, describe, is_chinese, problem

# What a file name's last part may be when it names a language: `en`, `zh`, `zh-hant`.
LANGUAGE_SUFFIX = re.compile(r"^[a-z]{2,3}(?:-[a-z0-9]+)?$")


def declared(project: Project) -> tuple[str, ...]:
    """The site's other languages, as its settings declare them."""
    return tuple(t.language for t in project.settings.translations)


def language_of(file: Path) -> tuple[str, str] | None:
    """(name without the language, language) when the file is named as a translation
    (`story.en.md`), else None; whether the site publishes that language is checked apart."""
    name, dot, suffix = file.stem.rpartition(".")
    if not dot or not LANGUAGE_SUFFIX.match(suffix):
        return None
    return name, suffix


def read_translation(file: Path, rel: str, parts: tuple[str, ...], project: Project) -> list[Problem]:
    """Read one translation file into `project.editions`; its problems."""
    name, language = language_of(file)
    if language not in declared(project):
        return [problem(rel, 0, "", "translation-undeclared", value=language,
                        declared=", ".join(declared(project)) or "—")]
    problems = encoding_problems(file, rel)
    edition = project.editions.setdefault(language, Edition(language))
    if len(parts) == 1 and name == "index":     # the home page's introduction
        document = split_front_matter(read_text(file), rel, required=False)
        edition.intro = Translated(rel, {}, document.body.strip(), document.body_line)
        return problems + document.problems
    required = len(parts) == 2                  # a story's translation has front matter, as a story does
    document = split_front_matter(read_text(file), rel, required=required)
    problems += document.problems
    if document.meta is None:
        return problems
    if not isinstance(document.meta, dict):
        problems.append(problem(rel, 2, "", "yaml-not-mapping", found=describe(document.meta, project.language)))
        return problems
    reader = schema.Reader(rel, file.parent, project.content_dir, project.language, (),
                           project.root / "brands", project.root)
    table = "story_translation" if required else "page"
    meta = document.meta
    if required:    # what places the story among the others is the original's alone
        problems += [problem(rel, meta.line_of(key) if isinstance(meta, LinedDict) else 2, key,
                             "translation-original-only", original=f"content/{parts[0]}/{name}.md")
                     for key in ORIGINAL_ONLY if key in meta]
        meta = _without(meta, ORIGINAL_ONLY)
    values = reader.record(meta, table, getattr(document.meta, "line", 2) or 2, "", strict=required)
    problems += reader.problems
    project.extra_files.update(reader.extra_files)
    written = {key: values[key] for key in values if not key.startswith("_")}
    translated = Translated(rel, _built(table, written), document.body, document.body_line)
    if required:
        edition.stories[f"{parts[0]}/{name}"] = translated
    else:
        edition.pages[PurePosixPath(name).as_posix()] = translated
    return problems


# A story's fields that only its original may give (they are the same in every language)
ORIGINAL_ONLY = ("items", "related", "order", "draft")


def _without(meta: dict, keys: tuple[str, ...]) -> LinedDict:
    """The front matter without `keys`, its lines kept."""
    kept = LinedDict({key: value for key, value in meta.items() if key not in keys})
    kept.line = getattr(meta, "line", 0)
    kept.lines = {key: line for key, line in getattr(meta, "lines", {}).items() if key not in keys}
    return kept


def _built(table: str, values: dict) -> dict:
    """The written fields as the model holds them (sources and events as records)."""
    out = {}
    for key, value in values.items():
        spec = schema.TABLES[table][key]
        if spec.kind == "records" and spec.record in schema.BUILDERS:
            value = [schema.build(spec.record, entry) for entry in value]
        out[key] = value
    return out


def check_originals(project: Project) -> list[Problem]:
    """A translation whose original is not there is shown nowhere: say so, and where."""
    problems = []
    for edition in project.editions.values():
        for key, translated in edition.stories.items():
            if key not in project.stories:
                problems.append(problem(translated.path, 0, "", "translation-without-original",
                                        original=f"content/{key}.md"))
        names = {page.name for page in project.pages}
        for name, translated in edition.pages.items():
            if name not in names:
                problems.append(problem(translated.path, 0, "", "translation-without-original",
                                        original=f"content/{name}.md"))
    return problems


def check_setting(project_language: str, translations) -> list[Problem]:
    """Each declared language once, other than the site's own, one whose interface words
    Lantai has (lantai/labels.py)."""
    problems, seen = [], set()
    for entry in translations:
        code = entry.language
        if code not in schema.TRANSLATED_LANGUAGES or code in seen or is_chinese(code) == is_chinese(project_language):
            problems.append(problem("mkdocs.yml", 0, "translations", "translation-language", value=code,
                                    allowed=", ".join(c for c in schema.TRANSLATED_LANGUAGES
                                                      if is_chinese(c) != is_chinese(project_language))))
        seen.add(code)
    return problems
