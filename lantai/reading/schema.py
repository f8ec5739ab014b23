"""The editors' fields, declared once as data, and the reader that checks them.

Each record type (brand, story, item, source …) is a table of `Field`s: whether it is
required, what kind of value it takes and an example for messages. `read_record` walks
one YAML mapping against its table, converts what is right and reports what is wrong,
without stopping at the first mistake.
"""

from __future__ import annotations

import dataclasses
import difflib
import os
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any, Callable

from .. import dates
from .loading import LinedDict, LinedList, source_text
from ..model import CODE_KINDS, Event, Link, Media, Place, Source, media_kind
from ..problems import WARNING, Problem, describe, problem
from ..publishing.files import hidden, leads_out


@dataclass(frozen=True)
class Field:
    kind: str                 # text, markdown, text-list, edtf, location, bool, number, int, file, records, places
    required: bool = False
    hint: str = ""            # an example of the right form, for messages
    hint_en: str = ""         # the example for an English site, when the words differ
    record: str | None = None  # for kind="records": the name of the nested table
    term: bool = False        # an id, code or index term: no invisible characters, a sane length


SOURCE = {
    "title": Field("text", True, "title: 每一份档案都蕴含一段故事", hint_en="title: A guide to the port archive"),
    "publisher": Field("text"),
    "date": Field("edtf"),
    "url": Field("url"),
}
LINK = {
    "title": Field("text", True, "title: 浙江省档案馆", hint_en="title: Port Town Archive"),
    "url": Field("url", True, "url: https://example.org/"),
}
MEDIA = {
    "file": Field("file", True, "file: manifesto.jpg"),
    "caption": Field("text"),
    "alt": Field("text"),
    "transcript": Field("file"),
}
EVENT = {
    "date": Field("edtf", True, "date: 1920-08"),
    "title": Field("text", True, "title: 首个中文全译本出版", hint_en="title: The first full translation is printed"),
    "text": Field("markdown"),
}
PLACE = {
    "name": Field("text", True, "name: 大陈岛", hint_en="name: Port Town", term=True),
    "location": Field("location"),
}
ITEM = {
    "code": Field("text", True, "code: SY-0001", term=True),
    "title": Field("text", True, "title: 《共产党宣言》中文全译本", hint_en="title: Harbour master's ledger"),
    "date": Field("edtf"),
    "creator": Field("text"),
    "holder": Field("text"),
    "type": Field("text"),
    "description": Field("markdown"),
    "media": Field("media"),
    "rights": Field("text"),
    "code_kind": Field("code-kind"),
}
BRAND = {
    "name": Field("text", True, "name: 上虞红色记忆", hint_en="name: Harbour Trade Records"),
    "archives": Field("text-list", True, "archives: [绍兴市上虞区档案馆]", hint_en="archives: [Port Town Archive]"),
    "region": Field("text", True, "region: 绍兴市上虞区", hint_en="region: Port Town"),
    "category": Field("category", True, "category: memory"),
    "summary": Field("summary", True, "summary: 一两句话的简介。", hint_en="summary: One or two plain sentences."),
    "description": Field("markdown"),
    "location": Field("location"),
    "cover": Field("image"),
    "tags": Field("text-list", term=True),
    "batch": Field("int"),
    "sources": Field("records", record="source"),
    "links": Field("records", record="link"),
    "items": Field("records", record="item"),
}
STORY = {
    "title": Field("text", True, "title: 首个中文全译本", hint_en="title: The typhoon of 1937"),
    "summary": Field("summary", True, "summary: 一两句话的简介。", hint_en="summary: One or two plain sentences."),
    "date": Field("edtf"),
    "events": Field("records", record="event"),
    "people": Field("text-list", term=True),
    "places": Field("places"),
    "tags": Field("text-list", term=True),
    "items": Field("records", record="item"),
    "related": Field("text-list", term=True),
    "sources": Field("records", record="source"),
    "cover": Field("image"),
    "draft": Field("bool"),
    "order": Field("number"),
}
# A brand's or an item's text in another language of the site (lantai/translations.py):
# `name_en`, `summary_en` … beside `name`, `summary`, an item's `title_en` beside `title`;
# the interface words exist in these languages. The model holds them in `translations`.
TRANSLATED_LANGUAGES = ("en", "zh")
BRAND_TRANSLATED = ("name", "region", "summary", "description")
ITEM_TRANSLATED = ("title", "description")
TRANSLATED_FIELDS = {"brand": BRAND_TRANSLATED, "item": ITEM_TRANSLATED}
for _table, _names in ((BRAND, BRAND_TRANSLATED), (ITEM, ITEM_TRANSLATED)):
    _table.update({f"{name}_{language}": dataclasses.replace(_table[name], required=False)
                   for language in TRANSLATED_LANGUAGES for name in _names})
# A story's translation (`story.en.md`): any field of the original's but those that place
# the story among the others (items and their codes, related stories, order, draft), none
# required; what it leaves out is the original's.
def language_form(name: str) -> bool:
    """A field's form in another language (`name_en`, `title_en`)."""
    field_name, _, language = name.rpartition("_")
    return language in TRANSLATED_LANGUAGES and field_name in (*BRAND_TRANSLATED, *ITEM_TRANSLATED)


def per_language(table: str, values: dict) -> dict[str, dict[str, str]]:
    """A record's fields in other languages (`name_en`, `title_en` …) as {language: {field: value}}."""
    out: dict[str, dict[str, str]] = {}
    for language in TRANSLATED_LANGUAGES:
        for name in TRANSLATED_FIELDS.get(table, ()):
            if values.get(f"{name}_{language}"):
                out.setdefault(language, {})[name] = values[f"{name}_{language}"]
    return out


STORY_TRANSLATION = {name: dataclasses.replace(spec, required=False) for name, spec in STORY.items()
                     if name not in ("items", "related", "order", "draft")}   # (translations.ORIGINAL_ONLY)
PAGE = {  # free pages: any front matter is allowed; these are checked when present
    "title": Field("text"),
    "description": Field("text"),
    "hide": Field("text-list"),      # parts of the page frame to hide: navigation, toc
}
TABLES: dict[str, dict[str, Field]] = {
    "source": SOURCE, "link": LINK, "media": MEDIA, "event": EVENT, "place": PLACE,
    "item": ITEM, "brand": BRAND, "story": STORY, "page": PAGE, "story_translation": STORY_TRANSLATION,
}
BUILDERS: dict[str, Callable[..., Any]] = {"source": Source, "link": Link, "event": Event, "place": Place}

BRAND_ASSETS = "assets/brands/"
CATALOGUE_ASSETS = "assets/catalogue/"   # files beside catalogue sheets that their rows name
PLACEHOLDERS = ("待填写", "TO FILL IN")  # what `build.py new` writes into required fields
_URL = re.compile(r"^(https?://[^\s/$.?#][^\s]*|mailto:[^\s@]+@[^\s@]+)$", re.IGNORECASE)


class Reader:
    """Checks the fields of one file. Problems collect in `problems`; values come back converted."""

    def __init__(self, path: str, base: Path, content_dir: Path, language: str,
                 categories: tuple[str, ...] = (), brands_dir: Path | None = None, root: Path | None = None,
                 catalogue_dir: Path | None = None, sheet: str | None = None):
        self.path = path                # project-relative, for messages
        self.sheet = sheet              # a catalogue file's sheet: problems name rows (lantai/problems.py)
        self.base = base                # folder that relative file names start from
        self.content_dir = content_dir  # media must be inside it to be published
        self.language = language
        self.categories = categories
        self.problems: list[Problem] = []
        # Where referenced files may live, and the site path each folder is published at.
        self.publish_roots = [(content_dir, ""), (brands_dir or content_dir.parent / "brands", BRAND_ASSETS)]
        if catalogue_dir is not None:   # a sheet's rows may name scans kept beside it
            self.publish_roots.append((catalogue_dir, CATALOGUE_ASSETS))
        # No named file may really be outside these, links followed (lantai/publishing/files.py).
        self.folders = (root or content_dir.parent, content_dir)
        self.extra_files: dict[str, Path] = {}  # published path -> file, for files outside content/

    def report(self, line: int, name: str, key: str, severity: str = "error", **params):
        self.problems.append(problem(self.path, line, name, key, severity, sheet=self.sheet, **params))

    # -- records -------------------------------------------------------------------------

    def record(self, data: object, table: str, line: int, name: str, strict: bool = True,
               labels: dict[str, str] | None = None) -> dict | None:
        """Read one mapping against `TABLES[table]`; None when it is not a mapping. `labels`
        names fields as the editor wrote them (a catalogue's columns: 日期 for `date`)."""
        fields = TABLES[table]
        labels = labels or {}
        if not isinstance(data, dict):
            example = next((self.hint(f) for f in fields.values() if f.required and f.hint), "")
            self.report(line, name, "type-mapping", found=describe(data, self.language), example=example)
            return None
        lines = data if isinstance(data, LinedDict) else LinedDict(data)
        values: dict[str, Any] = {}
        reported: set[str] = set()  # fields whose value already got a problem
        for key, value in data.items():
            label = f"{name}.{key}" if name else labels.get(key, key)
            if key not in fields:
                if strict:
                    self._unknown(lines.line_of(key), label, key, fields)
                continue
            before = len(self.problems)
            converted = self.value(value, fields[key], lines.line_of(key), label)
            if converted is not None:
                values[key] = converted
            if len(self.problems) > before:
                reported.add(key)
        for key, spec in fields.items():
            if not spec.required or key in reported:
                continue
            label = f"{name}.{key}" if name else labels.get(key, key)
            if key not in data:  # absent: the record's first line (or where it was named)
                self.report(lines.line or line, label, "required", hint=self.hint(spec) or key)
            elif values.get(key) in (None, "", []):  # written but empty, e.g. `archives: []`
                self.report(lines.line_of(key), label, "required", hint=self.hint(spec) or key)
        return values

    def hint(self, spec: Field) -> str:
        """The field's example in the site's language."""
        from ..problems import is_chinese
        return spec.hint if is_chinese(self.language) or not spec.hint_en else spec.hint_en

    def _unknown(self, line: int, label: str, key: str, fields: dict[str, Field]):
        close = difflib.get_close_matches(key, list(fields), n=1, cutoff=0.6)
        suggestion = ""
        if close:
            from ..problems import MESSAGES, is_chinese
            english, chinese = MESSAGES["did-you-mean"]
            suggestion = (chinese if is_chinese(self.language) else english).format(name=close[0])
        # The per-language forms (name_en …) are found by the suggestion, not listed: the
        # list stays the contract's fields.
        listed = [name for name in fields if not language_form(name)]
        self.report(line, label, "unknown-field", suggestion=suggestion, allowed=", ".join(listed))

    def records(self, data: object, table: str, line: int, name: str) -> list:
        if not isinstance(data, list):
            self.report(line, name, "type-list", found=describe(data, self.language))
            return []
        lines = data if isinstance(data, LinedList) else LinedList(data)
        out = []
        for index, entry in enumerate(data):
            entry_line = lines.line_of(index)
            if table == "media" and isinstance(entry, str):  # a bare file name is the short form
                entry = LinedDict({"file": entry})
                entry.line = entry_line
                entry.lines["file"] = entry_line
            values = self.record(entry, table, entry_line, f"{name}[{index + 1}]")
            if values is None or any(TABLES[table][k].required and k not in values for k in TABLES[table]):
                continue
            values["_line"] = getattr(entry, "line", entry_line)
            values["_raw"] = entry
            values["_label"] = f"{name}[{index + 1}]"
            out.append(values)
        return out

    # -- single values --------------------------------------------------------------------

    def value(self, value: object, spec: Field, line: int, name: str):
        kind = spec.kind
        if kind in ("text", "markdown", "summary", "category"):
            text = self.text(value, line, name)
            if text is None:
                return None
            if kind == "summary" and "\n" in text.strip():
                self.report(line, name, "text-single-line", severity=WARNING)
            if spec.term:
                text = self.term(text, line, name)
            if kind == "category" and self.categories and text not in self.categories:
                self.report(line, name, "unknown-category", value=text, allowed=", ".join(self.categories))
                return None
            return text.strip() if kind != "markdown" else text
        if kind == "code-kind":
            text = self.text(value, line, name)
            if text is not None and text.strip() not in CODE_KINDS:
                self.report(line, name, "code-kind", value=text.strip(), allowed=", ".join(CODE_KINDS))
                return None
            return text.strip() if text else None
        if kind == "url":
            text = self.text(value, line, name)
            if text is not None and not _URL.match(text.strip()):
                self.report(line, name, "url", value=text)
                return None
            return text.strip() if text else None
        if kind == "text-list":
            if isinstance(value, (str, int, float)) and not isinstance(value, bool):
                value = [value]  # a single term is a list of one
            if not isinstance(value, list):
                self.report(line, name, "type-list", found=describe(value, self.language))
                return None
            lines = value if isinstance(value, LinedList) else LinedList(value)
            out = []
            for index, entry in enumerate(value):
                text = self.text(entry, lines.line_of(index), f"{name}[{index + 1}]")
                if text is not None:
                    out.append((self.term(text, lines.line_of(index), f"{name}[{index + 1}]")
                                if spec.term else text).strip())
            return out
        if kind == "edtf":
            if value is None or isinstance(value, (bool, list, dict)):
                self.report(line, name, "edtf", value=value)
                return None
            text = source_text(value).strip()
            if not dates.is_valid(text):
                self.report(line, name, "edtf", value=text)
                return None
            return text
        if kind == "location":
            return self.location(value, line, name)
        if kind == "bool":
            if not isinstance(value, bool):
                self.report(line, name, "type-bool", found=describe(value, self.language))
                return None
            return value
        if kind in ("number", "int"):
            if isinstance(value, bool) or not isinstance(value, (int, float)) or (kind == "int" and not isinstance(value, int)):
                self.report(line, name, "type-number", found=describe(value, self.language))
                return None
            return int(value) if isinstance(value, int) else float(value)  # plain numbers, not LinedInt
        if kind in ("file", "image"):
            text = self.text(value, line, name)
            if text is None:
                return None
            return self.file(text.strip(), line, name, image=kind == "image")
        if kind == "records":
            return self.records(value, spec.record or "", line, name)
        if kind == "media":
            return self.media(value, line, name)
        if kind == "places":
            return self.places(value, line, name)
        raise ValueError(f"unknown field kind {kind}")

    def text(self, value: object, line: int, name: str) -> str | None:
        if isinstance(value, bool) or value is None or isinstance(value, (list, dict)):
            if value is None:
                self.report(line, name, "empty-text")
            else:
                self.report(line, name, "type-text", found=describe(value, self.language))
            return None
        text = source_text(value)  # `code: 0012` stays 0012
        if not text.strip():
            self.report(line, name, "empty-text")
            return None
        if text.strip() in PLACEHOLDERS:
            self.report(line, name, "placeholder", value=text.strip())
            return None
        return text

    def term(self, text: str, line: int, name: str) -> str:
        """Codes and index terms are what pages and entries are told apart by: a zero-width or
        bidi character would make two that look the same (lantai/reading/safety.py); a code far
        longer than any real one would make a file name the system refuses. Either is an
        error; the text goes on without the invisible characters, so that `[[CODE]]` and
        `related` elsewhere are not reported again for the same mistake."""
        from .safety import MAX_TERM, invisible_in, without_invisible
        hidden = invisible_in(text)
        if hidden:
            self.report(line, name, "invisible-char", value=text, chars=" ".join(hidden))
            text = without_invisible(text)
        if name.endswith("code") and len(text.strip()) > MAX_TERM:  # a code names its page's folder
            self.report(line, name, "too-long", value=text.strip()[:40] + "…", limit=MAX_TERM,
                        length=len(text.strip()))
        return text

    def location(self, value: object, line: int, name: str) -> tuple[float, float] | None:
        if (not isinstance(value, list) or len(value) != 2
                or any(isinstance(v, bool) or not isinstance(v, (int, float)) for v in value)):
            self.report(line, name, "location", found=value)
            return None
        lat, lon = float(value[0]), float(value[1])
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            self.report(line, name, "location-range", lat=lat, lon=lon)
            return None
        return (lat, lon)

    def file(self, written: str, line: int, name: str, image: bool = False) -> str | None:
        """Resolve a file named relative to the current file; report it when missing.
        Returns the site path it is published at (posix): files in content/ keep their
        place, files beside brand files are published under assets/brands/."""
        beside = PurePosixPath(self.path).name
        if re.match(r"^[a-z]+:", written, re.IGNORECASE):
            self.report(line, name, "missing-file", value=written, looked=written, beside=beside)
            return None
        # The site path follows where the editor put the file; what is read is the real file,
        # which must be in the project (a link to /etc/passwd is refused, and not opened).
        target = Path(os.path.normpath(self.base / written))
        if leads_out(target, self.folders):
            self.report(line, name, "outside-project", value=written, beside=beside)
            return None
        if not target.is_file():
            self.report(line, name, "missing-file", value=written, looked=target, beside=beside)
            return None
        place = next(((folder, prefix) for folder, prefix in self.publish_roots if target.is_relative_to(folder)), None)
        if place is None:
            self.report(line, name, "outside-content", value=written, beside=beside)
            return None
        below = target.relative_to(place[0]).as_posix()
        if hidden(below):  # content/_notes/, .git: never published
            self.report(line, name, "hidden-file", value=written, beside=beside)
            return None
        published = place[1] + below
        if image and media_kind(written) != "image":
            self.report(line, name, "media-kind", value=written)
            return None
        if place[1]:  # beside brand files or catalogue sheets: published from outside content/
            self.extra_files[published] = target.resolve()
        return published

    def media(self, value: object, line: int, name: str) -> list[Media]:
        out = []
        for entry in self.records(value, "media", line, name):
            entry_line = entry.get("_line", line)
            file_path = entry.get("file")
            if not file_path:
                continue
            raw, label = entry["_raw"], entry["_label"]
            line_of = raw.line_of if isinstance(raw, LinedDict) else (lambda key: entry_line)
            written = str(raw.get("file"))
            if media_kind(file_path) is None:
                self.report(line_of("file"), f"{label}.file", "media-kind", value=written)
                continue
            transcript = entry.get("transcript")
            if transcript and (Path(transcript).suffix.lower() not in (".txt", ".vtt")
                               or media_kind(file_path) not in ("audio", "video")):
                self.report(line_of("transcript"), f"{label}.transcript", "transcript-kind",
                            value=raw.get("transcript"))
                transcript = None
            out.append(Media(file=written, path=file_path, caption=entry.get("caption"),
                             transcript=transcript, transcript_path=transcript, alt=entry.get("alt")))
        return out

    def places(self, value: object, line: int, name: str) -> list[Place]:
        if not isinstance(value, list):
            self.report(line, name, "type-list", found=describe(value, self.language))
            return []
        lines = value if isinstance(value, LinedList) else LinedList(value)
        out = []
        for index, entry in enumerate(value):
            entry_line = lines.line_of(index)
            label = f"{name}[{index + 1}]"
            if isinstance(entry, dict):
                values = self.record(entry, "place", entry_line, label)
                if values and "name" in values:
                    out.append(Place(values["name"], values.get("location")))
            else:
                text = self.text(entry, entry_line, label)
                if text is not None:
                    out.append(Place(self.term(text, entry_line, label).strip()))
        return out


# What a required field holds when an editor left it out: the record is still read whole,
# so its other problems are reported (the build stops on the missing field).
_MISSING = {"text-list": list, "places": list, "records": list}


def record_fields(table: str, values: dict, model: type) -> dict[str, Any]:
    """Keyword arguments for the model class `model` from the fields `table` declares: the
    one list of an editor's fields is the schema's. Nested records are built; items are
    made by the reader, which knows their owner."""
    declared = {f.name: f for f in dataclasses.fields(model)}
    out: dict[str, Any] = {}
    if "translations" in declared and table in TRANSLATED_FIELDS:
        out["translations"] = per_language(table, values)
    for name, spec in TABLES[table].items():
        if name not in declared or (spec.kind == "records" and spec.record == "item"):
            continue
        if spec.kind == "records" and spec.record in BUILDERS:
            out[name] = [build(spec.record, entry) for entry in values.get(name, [])]
        elif name in values:
            out[name] = values[name]
        elif declared[name].default is dataclasses.MISSING and declared[name].default_factory is dataclasses.MISSING:
            out[name] = _MISSING.get(spec.kind, str)()
    return out


def build(table: str, values: dict) -> Any:
    """Make a model object from read values (without Lantai's private keys)."""
    return BUILDERS[table](**{k: v for k, v in values.items() if not k.startswith("_")})
