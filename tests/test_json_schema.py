"""The editors' fields as JSON Schema (lantai/reading/json_schema.py), held to `check`.

Every valid sample project's brand files and front matter validate against the schema its
settings give; every mistake of the broken project that a schema can express is caught by it
at the same field; the mistakes it cannot express are listed here with the reason. A field
kind added to lantai/reading/schema.py without a schema, or a field without its help, fails.
The committed schemas/ of the bundled exhibition and the English sample are what
`new schemas` writes, and their brand files carry the first line VS Code's YAML extension reads.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml

from conftest import PROJECTS, REPO, run_lantai
from lantai.checking import load_project
from lantai.reading import json_schema, schema
from lantai.reading.config_file import lantai_options, read_config
from lantai.reading.settings import make_settings

VALID = [REPO, REPO / "examples" / "harbour-archive", PROJECTS / "harbour", PROJECTS / "minimal"]

# check's problems a schema can state (the same field is wrong in the same way).
EXPRESSED = {"required", "unknown-field", "unknown-category", "location", "location-range", "type-number",
             "type-bool", "type-list", "type-text", "type-mapping", "url", "edtf", "empty-text", "placeholder",
             "code-kind", "media-kind", "yaml-not-mapping"}
# and those it cannot: they need the file's name, other files, the file system or the bytes.
NOT_EXPRESSED = {
    "bad-id", "reserved-id", "reserved-page",                 # a file's name, not its content
    "yaml-syntax", "front-matter-missing", "front-matter-unclosed", "not-utf8",   # no YAML to read
    "missing-file", "outside-project", "outside-content", "hidden-file",           # the file system
    "duplicate-code", "duplicate-slug", "related-self", "unknown-related", "unknown-code", "brand-missing",
    "page-brand-clash",                                        # other files of the project
}


def settings_of(root: Path):
    raw = read_config(root / "mkdocs.yml")
    theme = raw.get("theme") if isinstance(raw.get("theme"), dict) else {}
    return make_settings(str(raw.get("site_name") or ""), theme.get("language") or None, lantai_options(raw) or {},
                         raw.get("site_url"))


def validators(root: Path) -> dict[str, jsonschema.Draft202012Validator]:
    made = json_schema.schemas(settings_of(root))
    return {table: jsonschema.Draft202012Validator(json.loads(made[json_schema.FILES[table]]))
            for table in ("brand", "story", "story_translation", "page")}


class Yaml12Loader(yaml.SafeLoader):
    """YAML as the editor's tools read it (YAML 1.2's core schema: 1937-06-09 is text, not a
    date) and as Lantai does (lantai/reading/loading.py keeps what was written)."""


Yaml12Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}


def load(text: str):
    try:
        return yaml.load(text, Loader=Yaml12Loader)
    except yaml.YAMLError:
        return None     # not YAML: check says so, a schema cannot


def front_matter(path: Path):
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return None
    match = re.match(r"^---\n(.*?)\n---\n", text, re.S)
    return load(match.group(1)) if match else None


def documents(root: Path):
    """(table, path, data) of every brand file and Markdown front matter of a project."""
    brands = {p.stem for p in (root / "brands").glob("*.yml")}
    for path in sorted((root / "brands").glob("*.yml")):
        yield "brand", path, load(path.read_text(encoding="utf-8"))
    content = root / "content"
    for path in sorted(content.rglob("*.md")):
        relative = path.relative_to(content)
        translation = len(path.suffixes) > 1       # story.en.md
        if len(relative.parts) == 2 and relative.parts[0] in brands:
            yield "story_translation" if translation else "story", path, front_matter(path)
        elif len(relative.parts) == 1 and not path.name.startswith("index."):
            data = front_matter(path)
            if data is not None:
                yield "page", path, data


def test_every_field_kind_has_a_schema_and_every_field_its_help():
    for table, fields in schema.TABLES.items():
        for name, spec in fields.items():
            json_schema._value(spec, [])          # raises for a kind without a schema
            english, chinese = json_schema._help(table, name)
            assert english and chinese, (table, name)


@pytest.mark.parametrize("root", VALID, ids=lambda p: p.relative_to(REPO).as_posix() or "bundled")
def test_valid_projects_validate(root):
    checked = validators(root)
    seen = 0
    for table, path, data in documents(root):
        errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in checked[table].iter_errors(data)]
        assert errors == [], (path.relative_to(root).as_posix(), errors[:3])
        seen += 1
    assert seen >= 1


def _tokens(label: str) -> tuple:
    if not label:
        return ()       # the whole file
    out = []
    for part in label.split("."):
        name, *indexes = re.split(r"\[(\d+)\]", part)[::2], re.findall(r"\[(\d+)\]", part)
        out.append(name[0])
        out += [int(i) - 1 for i in indexes[0]]
    return tuple(out)


def _error_places(errors) -> set[tuple]:
    places = set()
    for error in errors:
        path = tuple(error.absolute_path)
        places.add(path)
        if error.validator == "required":
            places.add(path + (re.match(r"'(.+?)' is a required property", error.message).group(1),))
        if error.validator == "additionalProperties":
            for extra in re.findall(r"'([^']+)'", error.message.split("(")[-1]):
                places.add(path + (extra,))
        places |= _error_places(error.context or [])
    return places


def test_the_broken_project_s_mistakes_are_caught_by_the_schema_where_it_can_say_them():
    root = PROJECTS / "broken"
    project, problems = load_project(root, settings_of(root))
    checked = validators(root)
    by_path = {path.relative_to(root).as_posix(): (table, data) for table, path, data in documents(root)
               if data is not None and not isinstance(data, str)}
    expressed = 0
    for found in problems:
        if found.key not in EXPRESSED:
            assert found.key in NOT_EXPRESSED, f"{found.key} ({found.path}:{found.line} {found.field}): " \
                "say whether the schema can express it"
            continue
        if found.path not in by_path:     # a file the schema cannot read (not YAML, not a mapping)
            continue
        table, data = by_path[found.path]
        places = _error_places(checked[table].iter_errors(data))
        target = _tokens(found.field)
        # at the field, or inside it (a location's latitude)
        assert any(place[:len(target)] == target for place in places), \
            (found.path, found.field, found.key, sorted(map(str, places))[:8])
        expressed += 1
    assert expressed >= 10


def test_the_schema_can_fail():
    brand = validators(PROJECTS / "harbour")["brand"]
    good = load(next((PROJECTS / "harbour" / "brands").glob("*.yml")).read_text(encoding="utf-8"))
    assert not list(brand.iter_errors(good))
    for change in ({"name": "待填写"}, {"location": [91, 0]}, {"batch": "一"}, {"category": "nope"},
                   {"cover": "cover.docx"}, {"regoin": "x"}):
        assert list(brand.iter_errors({**good, **change})), change
    story = validators(PROJECTS / "harbour")["story"]
    for date in ("1956", "1956-01-29", "1920~", "1956/1960", "../1960", "195X", "1956-21", 1956):
        assert not list(story.iter_errors({"title": "t", "summary": "s", "date": date})), date
    for date in ("1956年", "56", "1956-1-2", 56):
        assert list(story.iter_errors({"title": "t", "summary": "s", "date": date})), date


@pytest.mark.parametrize("root", VALID[:2], ids=["bundled", "harbour-archive"])
def test_committed_schemas_are_what_new_schemas_writes_and_brand_files_point_at_them(root):
    made = json_schema.schemas(settings_of(root))
    for name, data in made.items():
        assert (root / "schemas" / name).read_bytes() == data, f"run: python build.py new schemas -f {root}/mkdocs.yml"
    for path in sorted((root / "brands").glob("*.yml")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == json_schema.modeline(path, root).rstrip("\n") == \
            "# yaml-language-server: $schema=../schemas/brand.schema.json", path


def test_new_brand_writes_the_first_line_and_the_schemas(tmp_path):
    (tmp_path / "mkdocs.yml").write_text("site_name: T\ntheme:\n  name: material\n  language: zh\nplugins:\n  - lantai\n",
                                         encoding="utf-8")
    result = run_lantai("new", "brand", "letters", "-f", str(tmp_path / "mkdocs.yml"))
    assert result.returncode == 0, result.stderr
    text = (tmp_path / "brands" / "letters.yml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schemas/brand.schema.json\n")
    written = json.loads((tmp_path / "schemas" / "brand.schema.json").read_text(encoding="utf-8"))
    assert written["properties"]["category"]["enum"] == [c.id for c in settings_of(tmp_path).categories]
    # the placeholders `new` leaves are what the schema underlines until they are filled in
    errors = list(jsonschema.Draft202012Validator(written).iter_errors(load(text)))
    assert {e.absolute_path[0] for e in errors} >= {"name", "region"}


def test_the_edtf_shape_takes_every_date_check_takes():
    # the schema may let through what only the calendar refuses (1920-02-30), never refuse a good date
    from test_dates import SHOWN
    pattern = re.compile(json_schema.EDTF_PATTERN)
    good = [value for value, *_ in SHOWN] + ["2024-02-29", "1920/1920", "1920-08/1920", "192X/1925"]
    assert all(pattern.match(value) for value in good), [v for v in good if not pattern.match(v)]
    for bad in ("abc", "1920-13", "1920-00", "1920-8", "20-08", "1920-1930", "2001-25", "19200", "1920 08"):
        assert not pattern.match(bad), bad
