"""Reading editors' YAML and front matter, keeping the line of every field.

PyYAML forgets where a value came from. Here mappings and lists are built as `Lined`
containers that remember the line of each key or element, so validation can say
`brands/wenzhou.yml:7: category: ...`. Two YAML habits that surprise editors are
switched off: dates stay text (EDTF is checked later, `1956-01-29` must not become a
datetime) and a field written twice is reported instead of silently overwritten.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..problems import Problem, problem


class LinedDict(dict):
    """A mapping that knows its own line and the line of each key (1-based)."""

    line: int = 0

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.lines: dict[str, int] = {}

    def line_of(self, key: str) -> int:
        return self.lines.get(key, self.line)


class LinedList(list):
    """A list that knows its own line and the line of each element (1-based)."""

    line: int = 0

    def __init__(self, *args):
        super().__init__(*args)
        self.lines: list[int] = []

    def line_of(self, index: int) -> int:
        return self.lines[index] if index < len(self.lines) else self.line


class LinedInt(int):
    """A whole number that keeps the text it was written as: `code: 0012` is the text
    0012 to a text field, not the octal number 10 that YAML 1.1 makes of it."""

    source: str = ""


class LinedFloat(float):
    """A number with a point that keeps its text (`1.10` is not `1.1` in a text field)."""

    source: str = ""


def source_text(value: object) -> str:
    """How a scalar was written in the file (numbers keep their digits)."""
    return getattr(value, "source", "") or str(value)


class _Lined(yaml.constructor.SafeConstructor):
    """SafeConstructor that builds Lined containers and records duplicate keys."""

    line_offset = 0
    duplicates: list

    def _line(self, node) -> int:
        return node.start_mark.line + 1 + self.line_offset

    def construct_lined_mapping(self, node):
        mapping = LinedDict()
        mapping.line = self._line(node)
        yield mapping
        self.flatten_mapping(node)
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            if not isinstance(key, str):
                key = str(key)
            if key in mapping:
                self.duplicates.append((key, mapping.lines[key], self._line(key_node)))
            mapping[key] = self.construct_object(value_node, deep=True)
            mapping.lines[key] = self._line(key_node)

    def construct_lined_sequence(self, node):
        sequence = LinedList()
        sequence.line = self._line(node)
        yield sequence
        for child in node.value:
            sequence.append(self.construct_object(child, deep=True))
            sequence.lines.append(self._line(child))


class _Loader(yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser, yaml.composer.Composer, _Lined,
              yaml.resolver.Resolver):
    """PyYAML's own (Python) parser: its messages are the ones editors see."""

    def __init__(self, stream, line_offset: int = 0):
        yaml.reader.Reader.__init__(self, stream)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)
        yaml.composer.Composer.__init__(self)
        _Lined.__init__(self)
        yaml.resolver.Resolver.__init__(self)
        self.line_offset = line_offset
        self.duplicates = []


try:   # libyaml, when PyYAML was built with it
    from yaml.cyaml import CParser as _CParser
except ImportError:
    _CParser = None


if _CParser is not None:
    class _FastLoader(_CParser, _Lined, yaml.resolver.Resolver):
        """The same loader on libyaml's parser, ten times faster: a project's front matter
        was a fifth of a build (bench/results/scale-profile.md). A file it refuses is read
        again by `_Loader`, so every message comes from one parser."""

        def __init__(self, stream, line_offset: int = 0):
            _CParser.__init__(self, stream)
            _Lined.__init__(self)
            yaml.resolver.Resolver.__init__(self)
            self.line_offset = line_offset
            self.duplicates = []


def _construct_number(kind: type, base):
    def construct(loader, node):
        number = kind(base(loader, node))
        number.source = node.value
        return number
    return construct


_Lined.add_constructor("tag:yaml.org,2002:int", _construct_number(LinedInt, yaml.SafeLoader.construct_yaml_int))
_Lined.add_constructor("tag:yaml.org,2002:float", _construct_number(LinedFloat, yaml.SafeLoader.construct_yaml_float))
_Lined.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _Lined.construct_lined_mapping)
_Lined.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _Lined.construct_lined_sequence)
# Dates stay text: EDTF values like 1956-01-29 are validated and shown by Lantai, not by YAML.
_RESOLVERS = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.yaml_implicit_resolvers = _RESOLVERS
if _CParser is not None:
    _FastLoader.yaml_implicit_resolvers = _RESOLVERS


@dataclass
class Loaded:
    """What was read from one file: its data (None when unreadable) and any problems."""

    data: object
    problems: list[Problem] = field(default_factory=list)


# YAML anchors and aliases let a few lines stand for a value of billions of elements
# (`a: &a [x, x, …]`, `b: &b [*a, *a, …]` …); a file may add at most this many nodes by
# aliases, and be nested at most this deep, beyond which it is refused before being built.
MAX_ALIAS_NODES = 100_000
MAX_DEPTH = 60


class _TooBig(Exception):
    def __init__(self, key: str, line: int):
        self.key, self.line = key, line


def _measure(root) -> None:
    """Raise _TooBig when the node graph, with aliases expanded, is too large or too deep."""
    sizes: dict[int, int] = {}
    distinct = 0
    # Iterative, so that no nesting depth can overflow Python's stack here.
    stack: list[tuple[object, int, bool]] = [(root, 1, False)]
    open_nodes: set[int] = set()
    while stack:
        node, depth, done = stack.pop()
        key = id(node)
        children = _children(node)
        if done:
            open_nodes.discard(key)
            sizes[key] = 1 + sum(sizes[id(c)] for c in children)
            if sizes[key] - distinct > MAX_ALIAS_NODES:
                raise _TooBig("yaml-aliases", node.start_mark.line + 1)
            continue
        if key in sizes:
            continue
        if key in open_nodes:  # an alias to a value that contains it: endless
            raise _TooBig("yaml-aliases", node.start_mark.line + 1)
        if depth > MAX_DEPTH:
            raise _TooBig("yaml-too-deep", node.start_mark.line + 1)
        distinct += 1
        open_nodes.add(key)
        stack.append((node, depth, True))
        stack.extend((child, depth + 1, False) for child in children if id(child) not in sizes)


def _children(node) -> list:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return []


def load_yaml(text: str, path: str, line_offset: int = 0) -> Loaded:
    """Parse YAML text; `path` names the file in messages, `line_offset` shifts lines
    (front matter starts on the file's second line). Never raises for what a file holds."""
    # Characters the Python reader refuses go to it directly (it names them and their line).
    if _CParser is not None and not yaml.reader.Reader.NON_PRINTABLE.search(text):
        fast = _parse(_FastLoader, text, line_offset)
        if fast is not None:
            return fast
    return _parse(_Loader, text, line_offset, path)


def _parse(kind, text: str, line_offset: int, path: str | None = None) -> Loaded | None:
    """Read with `kind`; without `path` (the fast parser), None for anything but a clean read."""
    loader = None
    if path is None:
        try:
            loader = kind(text, line_offset)
            node = loader.get_single_node()
            if node is not None:
                _measure(node)
            data = loader.construct_document(node) if node is not None else None
        except (yaml.YAMLError, _TooBig, RecursionError, ValueError):
            return None
        finally:
            if loader is not None:
                loader.dispose()
        return None if loader.duplicates else Loaded(data, [])
    try:
        loader = kind(text, line_offset)  # the reader checks characters as it is made
        node = loader.get_single_node()
        if node is not None:
            _measure(node)
        data = loader.construct_document(node) if node is not None else None
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, max(exc.position, 0)) + 1 + line_offset
        char = chr(exc.character) if isinstance(exc.character, int) else str(exc.character)
        return Loaded(None, [problem(path, line, "", "yaml-control-char", char=char)])
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = mark.line + 1 + line_offset if mark else line_offset + 1
        detail = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        written = text.splitlines()[mark.line] if mark and mark.line < len(text.splitlines()) else ""
        if "\t" in detail or "tab" in detail or (written[:len(written) - len(written.lstrip())].count("\t")):
            return Loaded(None, [problem(path, line, "", "yaml-tab")])
        return Loaded(None, [problem(path, line, "", "yaml-syntax", detail=detail)])
    except _TooBig as exc:
        return Loaded(None, [problem(path, exc.line + line_offset, "", exc.key,
                                     limit=MAX_ALIAS_NODES if exc.key == "yaml-aliases" else MAX_DEPTH)])
    except RecursionError:
        return Loaded(None, [problem(path, line_offset + 1, "", "yaml-too-deep", limit=MAX_DEPTH)])
    finally:
        if loader is not None:
            loader.dispose()
    problems = [problem(path, second, key, "duplicate-key", first=first)
                for key, first, second in loader.duplicates]
    return Loaded(data, problems)


def load_yaml_file(file: Path, rel: str) -> Loaded:
    loaded = load_yaml(read_text(file), rel)
    loaded.problems[:0] = encoding_problems(file, rel)
    return loaded


def encoding_problems(file: Path, rel: str) -> list[Problem]:
    """A file saved in another encoding (GBK from an older editor) is read with replacement
    characters; say so, on the first line that cannot be read, instead of publishing them."""
    data = file.read_bytes()
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return [problem(rel, 1, "", "utf16")]
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        return [problem(rel, data.count(b"\n", 0, error.start) + 1, "", "not-utf8")]
    return []


_FENCE = re.compile(r"^---[ \t]*$")


@dataclass
class FrontMatterDocument:
    meta: object
    body: str
    body_line: int  # the file line on which the body starts
    problems: list[Problem] = field(default_factory=list)


def split_front_matter(text: str, path: str, required: bool = True) -> FrontMatterDocument:
    """Split a Markdown file into its YAML front matter and its body."""
    lines = text.splitlines(keepends=True)
    if not lines or not _FENCE.match(lines[0].rstrip("\r\n")):
        if required:
            return FrontMatterDocument(None, text, 1, [problem(path, 1, "", "front-matter-missing")])
        return FrontMatterDocument(LinedDict(), text, 1)
    for index in range(1, len(lines)):
        if _FENCE.match(lines[index].rstrip("\r\n")) or lines[index].rstrip("\r\n") == "...":
            loaded = load_yaml("".join(lines[1:index]), path, line_offset=1)
            meta = loaded.data if loaded.data is not None or loaded.problems else LinedDict()
            return FrontMatterDocument(meta, "".join(lines[index + 1:]), index + 2, loaded.problems)
    return FrontMatterDocument(None, "", 1, [problem(path, 1, "", "front-matter-unclosed")])


def read_text(file: Path) -> str:
    """Read an editor's file as UTF-8, tolerating a byte-order mark and Windows line ends."""
    data = file.read_bytes()
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 (Notepad's "Unicode"): read, and reported
        text = data.decode("utf-16", errors="replace")
    else:
        text = data.decode("utf-8-sig", errors="replace")
    # NFC: 'é' typed as one character or as e + accent is one word (lantai/reading/safety.py).
    text = unicodedata.normalize("NFC", text)
    return text.replace("\r\n", "\n").replace("\r", "\n")
