"""mkdocs.yml is read by MkDocs' own YAML loader, which builds Python objects for
`!!python/object/apply:os.system [...]` and the like: whoever may edit mkdocs.yml can run
commands on the machine that checks or builds the site. Lantai reads it first with a safe
loader and refuses such tags, with a message, before MkDocs sees the file.

Allowed: MkDocs' own `!ENV` and `!relative`, and `!!python/name:` (a reference to an
installed function, which Material's documented emoji and Markdown settings use; it calls
nothing). Every other `!!python/…` tag is refused, in the file and in any it INHERITs.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from ..problems import Problem, format_report, problem

ALLOWED_PYTHON = ("tag:yaml.org,2002:python/name:",)
PYTHON_PREFIX = "tag:yaml.org,2002:python/"


class _SafeConfigLoader(yaml.SafeLoader):
    def __init__(self, stream):
        super().__init__(stream)
        self.refused: list[tuple[str, int]] = []


def _allowed(loader, suffix, node):
    return None


def _python(loader, suffix, node):
    loader.refused.append(("!!python/" + suffix, node.start_mark.line + 1))
    return None


def _other(loader, tag, node):  # !ENV, !relative and any tag a plugin defines: a value, not code
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)


for prefix in ALLOWED_PYTHON:
    _SafeConfigLoader.add_multi_constructor(prefix, _allowed)
_SafeConfigLoader.add_multi_constructor(PYTHON_PREFIX, _python)
_SafeConfigLoader.add_multi_constructor("", _other)


def unsafe_tags(config_file: Path, seen: frozenset = frozenset()) -> tuple[list[Problem], str]:
    """Problems for every refused tag in mkdocs.yml (and files it INHERITs), and the
    site's language as far as the safe reading tells."""
    config_file = config_file.resolve()
    if config_file in seen:
        return [], ""
    try:
        text = config_file.read_text(encoding="utf-8-sig", errors="replace")
        loader = _SafeConfigLoader(text)
        try:
            data = loader.get_single_data()
        finally:
            loader.dispose()
    except (OSError, yaml.YAMLError, RecursionError, ValueError, TypeError):
        return [], ""  # MkDocs reports what it cannot read; nothing was run here
    name = config_file.name if not seen else str(config_file)
    problems = [problem(name, line, "", "config-python-tag", tag=tag) for tag, line in loader.refused]
    language = ""
    if isinstance(data, dict):
        theme = data.get("theme")
        language = str(theme.get("language") or "") if isinstance(theme, dict) else ""
        parent = data.get("INHERIT")
        if isinstance(parent, str):
            found, inherited = unsafe_tags(config_file.parent / parent, seen | {config_file})
            problems += found
            language = language or inherited
    return problems, language


def config_refusal(config_file: Path) -> str | None:
    """The report to print, and refuse to go on, when mkdocs.yml holds code; else None."""
    problems, language = unsafe_tags(config_file)
    return format_report(problems, language) if problems else None


class ConfigError(ValueError):
    """mkdocs.yml cannot be read; the message says where."""


def read_config(config_file: Path, seen: frozenset = frozenset()) -> dict:
    """mkdocs.yml as data, read with the safe loader (tags become plain values) and merged
    over the files it INHERITs, as MkDocs merges them. Never runs anything."""
    config_file = config_file.resolve()
    try:
        loader = _SafeConfigLoader(config_file.read_text(encoding="utf-8-sig"))
        try:
            data = loader.get_single_data()
        finally:
            loader.dispose()
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f":{mark.line + 1}" if mark else ""
        raise ConfigError(f"{config_file.name}{line}: {getattr(error, 'problem', None) or error}") from None
    except (OSError, UnicodeDecodeError, RecursionError) as error:
        raise ConfigError(f"{config_file}: cannot be read ({error})") from None
    data = data if isinstance(data, dict) else {}
    parent = data.pop("INHERIT", None)
    if isinstance(parent, str) and config_file not in seen:
        return _merged(read_config(config_file.parent / parent, seen | {config_file}), data)
    return data


def _merged(base: dict, over: dict) -> dict:
    out = dict(base)
    for key, value in over.items():
        out[key] = _merged(out[key], value) if isinstance(value, dict) and isinstance(out.get(key), dict) else value
    return out


def lantai_options(data: dict) -> dict | None:
    """The options of the `lantai` plugin entry, or None when the plugins list has none."""
    plugins = data.get("plugins") or []
    entries = plugins.items() if isinstance(plugins, dict) else (
        (next(iter(e.items())) if isinstance(e, dict) and e else (e, {})) for e in plugins)
    for name, options in entries:
        if name == "lantai":
            return options if isinstance(options, dict) else {}
    return None
