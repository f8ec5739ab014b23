"""The editors' fields (lantai/reading/schema.py) as JSON Schema, for editors' tools.

`schemas(settings)` turns the declared tables into JSON Schema draft 2020-12 documents: a
brand file, a story's front matter, a free page's, an item, and a catalogue sheet's row (its
columns by the names Lantai reads: lantai/reading/catalogue.py). VS Code with the Red Hat
YAML extension reads the first line `# yaml-language-server: $schema=…` of a brand file and
then completes fields, shows their help and underlines mistakes as the editor types; the
editing interface and any other tool can read the same files.

The schema says what a schema can: types, required fields, unknown fields, the declared
categories, EDTF's shape, a map location's range, placeholders left in. What needs the whole
project (a file that is missing, a code used twice, a story that does not exist, an EDTF date
naming a day that is not in the calendar) stays `check`'s; tests/test_json_schema.py holds the
two together, so that a field added to schema.py without a schema fails a test.

The documents depend on the project only through its categories and language; they are
written sorted and indented the same way every time (`write_schemas`).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from ..model import CODE_KINDS, MEDIA_KINDS, Settings
from .schema import PLACEHOLDERS, TABLES, Field, _URL, language_form

DRAFT = "https://json-schema.org/draft/2020-12/schema"
FOLDER = "schemas"          # beside brands/ and content/ in a project
MODELINE = "# yaml-language-server: $schema={path}\n"
FILES = {"brand": "brand.schema.json", "story": "story.schema.json", "story_translation": "story-translation.schema.json",
         "page": "page.schema.json",
         "item": "item.schema.json", "catalogue-row": "catalogue-row.schema.json"}

# What each field is, in English and Chinese, as the editor guide's tables say it.
HELP: dict[str, dict[str, tuple[str, str]]] = {
    "brand": {
        "name": ("The brand's name", "品牌名称"),
        "archives": ("The archives that hold it", "馆藏单位列表"),
        "region": ("Where it is from", "所属地区"),
        "category": ("One of the categories declared in mkdocs.yml", "分类标识，必须是 mkdocs.yml 中声明的分类之一"),
        "summary": ("One or two plain sentences, shown on cards and in search results", "一两句纯文字，显示在卡片和搜索结果中"),
        "description": ("The brand's introduction, in Markdown", "品牌介绍，可用 Markdown"),
        "location": ("[latitude, longitude] (WGS 84), for the map", "[纬度, 经度]（WGS 84），用于地图"),
        "cover": ("A cover image, relative to this file; without one a cover is drawn", "封面图片，路径相对于品牌文件；不写时自动生成封面图案"),
        "tags": ("Subject terms", "主题词列表"),
        "batch": ("The batch it was recognised in", "入选第几批"),
        "sources": ("Where the facts come from", "资料来源列表"),
        "links": ("Related links: {title, url}", "相关链接列表：{title, url}"),
        "items": ("Archive items of the brand itself", "属于品牌本身的档案条目列表"),
    },
    "story": {
        "title": ("The story's title", "故事标题"),
        "summary": ("One or two plain sentences, shown on cards and in search results", "一两句纯文字，显示在卡片和搜索结果中"),
        "date": ("When the story happened, in EDTF: 1956, 1956-01, 1920~, 1956/1960", "故事发生的时间，EDTF 格式：1956、1956-01、1920~、1956/1960"),
        "events": ("Events for the timeline: {date, title, text}", "时间轴上的事件：{date, title, text}"),
        "people": ("People the story is about", "故事涉及的人物"),
        "places": ("Places: a name, or {name, location}", "地点：名称，或 {name, location}"),
        "tags": ("Subject terms", "主题词列表"),
        "items": ("The archive items the story shows", "故事展示的档案条目"),
        "related": ("Related stories: story-id or brand-id/story-id", "相关故事：故事标识或 品牌标识/故事标识"),
        "sources": ("Where the facts come from", "资料来源列表"),
        "cover": ("A cover image, relative to this file", "封面图片，路径相对于本文件"),
        "draft": ("true: shown in the preview only, never published", "true：只在预览中显示，不会发布"),
        "order": ("Its place among the brand's stories", "在品牌的故事中排第几"),
    },
    "item": {
        "code": ("The item's code, unique in the project", "条目编号，全项目唯一"),
        "title": ("The item's title", "题名"),
        "date": ("Its date, in EDTF", "EDTF 日期"),
        "creator": ("Who made it", "责任者"),
        "holder": ("The archive that holds it", "馆藏单位"),
        "type": ("What it is: letter, photograph, recording …", "文书、照片、音频、视频、实物、口述、图书……"),
        "description": ("A description, in Markdown", "描述，可用 Markdown"),
        "media": ("Its files, relative to this file: images, audio, video, PDF", "文件列表，路径相对于写这个条目的文件：图片、音频、视频、PDF"),
        "rights": ("Its rights statement", "权利说明"),
        "code_kind": ("What the code is: " + ", ".join(CODE_KINDS), "这个编号是什么：" + "、".join(CODE_KINDS)),
    },
    "source": {
        "title": ("The source's title", "资料标题"),
        "publisher": ("Who published it", "发布者"),
        "date": ("When, in EDTF", "发布日期，EDTF 格式"),
        "url": ("Its address", "网址"),
    },
    "link": {"title": ("The link's text", "链接文字"), "url": ("Its address", "网址")},
    "media": {
        "file": ("The file, relative to this file", "文件路径，相对于本文件"),
        "caption": ("A caption", "说明文字"),
        "alt": ("What the image shows, for readers who cannot see it", "替代文字：给看不到图片的读者"),
        "transcript": ("A transcript of audio or video (.txt or .vtt)", "音视频的文字稿（.txt 或 .vtt）"),
    },
    "event": {
        "date": ("When, in EDTF", "事件日期，EDTF 格式"),
        "title": ("What happened", "事件"),
        "text": ("More about it, in Markdown", "详细说明，可用 Markdown"),
    },
    "place": {"name": ("The place's name", "地名"),
              "location": ("[latitude, longitude] (WGS 84)", "[纬度, 经度]（WGS 84）")},
    "page": {
        "title": ("The page's title", "页面标题"),
        "description": ("What the page is about, for search engines and share cards", "页面简介，供搜索引擎和分享卡片使用"),
        "hide": ("Parts of the page frame to hide: navigation, toc", "隐藏页面的哪些部分：navigation、toc"),
    },
}

# EDTF's shape (dates.is_valid decides the rest: real days, intervals in order, the edtf package).
_PART = (r"[~?%]?(?:-?(?:\d{4}|\d{3}X|\d{2}XX)|Y-?\d{5,})"
         r"(?:-(?:0[1-9]|1[0-2]|2[1-4]|XX)(?:-(?:0[1-9]|[12]\d|3[01]|XX))?)?[~?%]?")
EDTF_PATTERN = rf"^(?:{_PART}|(?:{_PART}|\.\.)?/(?:{_PART}|\.\.)?|[\[{{].+[\]}}])$"
_NOT_BLANK = r"\S"
_PATH = r"^(?![A-Za-z]+:)\S"      # a path, never an address (https:, data:, javascript: …)


def _help(table: str, name: str) -> tuple[str, str]:
    """A field's help; a brand's field in another language (`name_en`) and a translation's
    fields say their original's."""
    table = "story" if table == "story_translation" else table
    if table in ("brand", "item") and language_form(name):
        base, _, language = name.rpartition("_")
        english, chinese = HELP[table][base]
        return f"{english}, in {language}", f"{chinese}（{language} 版本）"
    return HELP.get(table, {}).get(name, ("", ""))


def _describe(table: str, name: str, language: str) -> str:
    english, chinese = _help(table, name)
    return f"{chinese} / {english}" if language.startswith("zh") else f"{english} / {chinese}"


def _text() -> dict:
    # YAML reads `code: 0012` or `title: 1956` as numbers; check takes them as written.
    return {"anyOf": [{"type": "string", "pattern": _NOT_BLANK, "not": {"enum": list(PLACEHOLDERS)}},
                      {"type": ["number", "integer"]}]}


def _suffixes(suffixes: tuple[str, ...]) -> str:
    """A path (never an address) ending in one of `suffixes`, in any case: JSON Schema's
    patterns have no flags, so each letter is a class of both cases."""
    either = "|".join("".join(f"[{c.lower()}{c.upper()}]" if c.isalpha() else c for c in s[1:]) for s in suffixes)
    return rf"{_PATH}.*\.(?:{either})$"


def _value(spec: Field, categories: list[str]) -> dict:
    kind = spec.kind
    if kind in ("text", "markdown", "summary"):
        return _text()
    if kind == "category":
        return {"type": "string", "enum": categories} if categories else _text()
    if kind == "code-kind":
        return {"type": "string", "enum": list(CODE_KINDS)}
    if kind == "url":
        return {"type": "string", "pattern": _URL.pattern.replace("(?i)", ""), "format": "uri"}
    if kind == "text-list":
        return {"anyOf": [_text(), {"type": "array", "items": _text()}]}
    if kind == "edtf":
        return {"anyOf": [{"type": "string", "pattern": EDTF_PATTERN},
                          {"type": "integer", "minimum": 1000, "maximum": 9999}]}
    if kind == "location":
        return {"type": "array", "minItems": 2, "maxItems": 2,
                "prefixItems": [{"type": "number", "minimum": -90, "maximum": 90},
                                {"type": "number", "minimum": -180, "maximum": 180}]}
    if kind == "bool":
        return {"type": "boolean"}
    if kind == "number":
        return {"type": "number"}
    if kind == "int":
        return {"type": "integer"}
    if kind == "image":
        return {"type": "string", "pattern": _suffixes(MEDIA_KINDS["image"])}
    if kind == "file":
        return {"type": "string", "pattern": _PATH}
    if kind == "records":
        return {"type": "array", "items": {"$ref": f"#/$defs/{spec.record}"}}
    if kind == "media":
        return {"type": "array", "items": {"anyOf": [{"type": "string", "pattern": _PATH},
                                                     {"$ref": "#/$defs/media"}]}}
    if kind == "places":
        return {"type": "array", "items": {"anyOf": [_text(), {"$ref": "#/$defs/place"}]}}
    raise ValueError(f"no JSON Schema for field kind {kind}")


def table_schema(table: str, categories: list[str], language: str, strict: bool = True) -> dict:
    """One record type as an object schema."""
    properties = {}
    for name, spec in TABLES[table].items():
        prop = _value(spec, categories)
        description = _describe(table, name, language)
        if description:
            prop = {"description": description, **prop}
        if spec.hint:
            prop["examples"] = [spec.hint.split(": ", 1)[-1]]
        properties[name] = prop
    out = {"type": "object", "properties": properties,
           "required": [name for name, spec in TABLES[table].items() if spec.required]}
    if strict:
        out["additionalProperties"] = False
    if not out["required"]:
        del out["required"]
    return out


def _nested(table: str) -> set[str]:
    """The record tables `table` refers to, transitively."""
    found: set[str] = set()
    for spec in TABLES[table].values():
        name = spec.record if spec.kind == "records" else {"media": "media", "places": "place"}.get(spec.kind)
        if name and name not in found:
            found |= {name} | _nested(name)
    return found


def document(table: str, settings: Settings) -> dict:
    categories = [c.id for c in settings.categories]
    title = {"brand": ("Lantai brand file", "兰台品牌文件"), "story": ("Lantai story front matter", "兰台故事的前言"),
             "story_translation": ("Lantai story translation front matter (story.en.md)", "兰台故事译文的前言（story.en.md）"),
             "page": ("Lantai free page front matter", "兰台自由页面的前言"),
             "item": ("Lantai archive item", "兰台档案条目")}[table]
    out = {"$schema": DRAFT, "$id": FILES[table], "title": " / ".join(title),
           **table_schema(table, categories, settings.language, strict=table != "page")}
    defs = {name: table_schema(name, categories, settings.language) for name in sorted(_nested(table))}
    if defs:
        out["$defs"] = defs
    return out


def catalogue_row(settings: Settings) -> dict:
    """A catalogue sheet's row: the columns Lantai reads by default, each naming its field.
    Other columns are allowed: they are kept and shown with the item."""
    from .catalogue import COLUMNS
    item = TABLES["item"]
    properties = {}
    for column, target in sorted(COLUMNS.items()):
        help_text = _describe("item", target, settings.language) if target in item else ""
        properties[column] = {"description": f"→ {target}" + (f": {help_text}" if help_text else ""),
                              "type": ["string", "number", "integer", "boolean", "null"]}
    return {"$schema": DRAFT, "$id": FILES["catalogue-row"],
            "title": "Lantai catalogue row / 兰台档案目录的一行", "type": "object",
            "properties": properties}


def schemas(settings: Settings) -> dict[str, bytes]:
    """Every schema file by name, as bytes."""
    docs = {FILES[table]: document(table, settings) for table in ("brand", "story", "story_translation", "page", "item")}
    docs[FILES["catalogue-row"]] = catalogue_row(settings)
    return {name: (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
            for name, doc in sorted(docs.items())}


def write_schemas(root: Path, settings: Settings) -> list[Path]:
    """Write (or bring up to date) the project's `schemas/` files; return those that changed."""
    folder = root / FOLDER
    folder.mkdir(exist_ok=True)
    changed = []
    for name, data in schemas(settings).items():
        path = folder / name
        if not path.is_file() or path.read_bytes() != data:
            path.write_bytes(data)
            changed.append(path)
    return changed


def modeline(file: Path, root: Path) -> str:
    """The first line that points VS Code's YAML extension at a brand file's schema."""
    target = root / FOLDER / FILES["brand"]
    return MODELINE.format(path=Path(os.path.relpath(target, file.parent)).as_posix())
