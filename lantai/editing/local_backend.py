"""Decap CMS's local backend, answered by Lantai's own preview server.

Decap's `local_backend` talks to a small HTTP API: a POST of `{"action": ..., "params": ...}`
to /api/v1, answered with JSON. The npm package decap-server implements it (its localFs
middleware); this is the same protocol in Python, so that `serve` needs no Node at run time
and the interface edits the project folder the preview shows. Actions and answers follow
decap-server's: info, entriesByFolder, entriesByFiles, getEntry, persistEntry, getMedia,
getMediaFile, persistMedia, deleteFile, deleteFiles, getDeployPreview; anything else is 422.

It writes files on the editor's disk, so it is stricter than decap-server:
- only inside the folders the interface edits (brands/, the content folder), never a path
  that leads out of them as written or through a link, never a hidden file (`.git/…`);
- only JSON requests (a page on another site cannot send one without the browser asking
  first, and nothing answers that question, so no other site can write here), only from
  this machine (`allowed` checks the client's address), and within a size.
A YAML file's leading comments (the `# yaml-language-server` line that gives editors
autocompletion) are kept when the interface saves it without them.

`check` takes some fields in a short form that Decap's forms cannot show: a place or a file
written as a plain name (`- 大埂村` beside `- {name: 常山县, location: …}`), one subject
written without a list. Decap's editor stops with a script error on such a file, so the
files are given to it in the long form (`form_ready`); it saves them so, and `check`
takes that form too. (The GitHub and Gitea backends read the files from the repository
unchanged: there the long form must be written; the editor guide says so.)
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import yaml

from ..publishing.files import hidden, leads_out
from ..reading.schema import TABLES

API_PATH = "/api/v1"
MAX_REQUEST = 64 * 1024 * 1024     # bytes of one request: a few scans, base64-encoded
LOOPBACK = ("127.0.0.1", "::1", "::ffff:127.0.0.1")


class Refused(Exception):
    """A request the backend does not carry out; `status` is the HTTP status to answer."""

    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.status = status


@dataclass
class LocalBackend:
    root: Path                     # the project folder: Decap's paths are relative to it
    folders: tuple[str, ...]       # below root, the folders the interface may read and write

    def __post_init__(self):
        self.root = Path(self.root).resolve()
        self._allowed = tuple((self.root / folder).resolve() for folder in self.folders)

    # -- the HTTP side ----------------------------------------------------------------------

    def answer(self, body: bytes, content_type: str, client: str) -> tuple[int, bytes]:
        """(status, JSON body) for one POST to API_PATH."""
        try:
            if client not in LOOPBACK:
                raise Refused("the editing interface's local backend answers this machine only", 403)
            if content_type.split(";")[0].strip().lower() != "application/json":
                raise Refused("requests must be JSON (Content-Type: application/json)", 415)
            if len(body) > MAX_REQUEST:
                raise Refused(f"a request may hold at most {MAX_REQUEST // 2**20} MB", 413)
            try:
                request = json.loads(body)
            except (ValueError, UnicodeDecodeError):
                raise Refused("the request is not JSON") from None
            if not isinstance(request, dict):
                raise Refused("the request is not a JSON object")
            status, result = 200, self.handle(str(request.get("action")), request.get("params") or {})
        except Refused as refused:
            status, result = refused.status, {"error": str(refused)}
        except OSError as error:
            status, result = 500, {"error": f"{type(error).__name__}: {error.strerror or error}"}
        return status, json.dumps(result, ensure_ascii=False).encode("utf-8")

    # -- the actions ------------------------------------------------------------------------

    def handle(self, action: str, params: dict):
        if not isinstance(params, dict):
            raise Refused("params must be a JSON object")
        if action == "info":
            return {"repo": self.root.name, "publish_modes": ["simple"], "type": "local_fs"}
        if action == "entriesByFolder":
            files = self.list_files(_text(params, "folder"), str(params.get("extension") or ""),
                                    int(params.get("depth") or 1))
            return [self.entry(path) for path in files]
        if action == "entriesByFiles":
            files = params.get("files") or []
            return [self.entry(_text(f, "path"), f.get("label")) for f in files if isinstance(f, dict)]
        if action == "getEntry":
            return self.entry(_text(params, "path"))
        if action == "persistEntry":
            return self.persist_entry(params)
        if action == "getMedia":
            return [self.media_file(path) for path in self.list_files(_text(params, "mediaFolder"), "", 1)]
        if action == "getMediaFile":
            return self.media_file(_text(params, "path"))
        if action == "persistMedia":
            asset = params.get("asset")
            if not isinstance(asset, dict):
                raise Refused("persistMedia needs an asset")
            self.write(_text(asset, "path"), _content(asset))
            return self.media_file(_text(asset, "path"))
        if action == "deleteFile":
            path = _text(params, "path")
            self.delete(path)
            return {"message": f"deleted file {path}"}
        if action == "deleteFiles":
            paths = [str(p) for p in params.get("paths") or []]
            for path in paths:
                self.delete(path)
            return {"message": f"deleted files {', '.join(paths)}"}
        if action == "getDeployPreview":
            return None
        raise Refused(f"Unknown action {action}", 422)

    def persist_entry(self, params: dict) -> dict:
        entry = params.get("entry")
        data_files = params.get("dataFiles") or ([entry] if isinstance(entry, dict) else [])
        if not data_files or not all(isinstance(f, dict) for f in data_files):
            raise Refused("persistEntry needs an entry")
        assets = [a for a in params.get("assets") or [] if isinstance(a, dict)]
        # Every path is checked before anything is written: a refused request changes nothing.
        for data_file in data_files:
            self.resolve(_text(data_file, "path"))
            if data_file.get("newPath"):
                self.resolve(str(data_file["newPath"]))
        contents = [(_text(a, "path"), _content(a)) for a in assets]
        for path, _ in contents:
            self.resolve(path)
        for data_file in data_files:
            path = _text(data_file, "path")
            self.write(path, self.keep_leading_comments(path, str(data_file.get("raw") or "")).encode("utf-8"))
        for path, content in contents:
            self.write(path, content)
        if all(f.get("newPath") for f in data_files):
            for data_file in data_files:
                source, target = self.resolve(_text(data_file, "path")), self.resolve(str(data_file["newPath"]))
                target.parent.mkdir(parents=True, exist_ok=True)
                os.replace(source, target)
        return {"message": "entry persisted"}

    # -- files ------------------------------------------------------------------------------

    def resolve(self, path: str) -> Path:
        """The file `path` (relative to the project) names, when the interface may touch it."""
        relative = PurePosixPath(path.replace("\\", "/"))
        if not path or relative.is_absolute() or ".." in relative.parts or "\x00" in path:
            raise Refused(f"{path!r}: not a path inside the project", 403)
        if hidden(relative):
            raise Refused(f"{path!r}: hidden files are not edited from the interface", 403)
        target = self.root / relative
        if leads_out(target, self._allowed):
            raise Refused(f"{path!r}: the interface edits only {', '.join(self.folders)}", 403)
        return target

    def list_files(self, folder: str, extension: str, depth: int) -> list[str]:
        try:
            start = self.resolve(folder.rstrip("/") or ".")
        except Refused:
            return []
        found: list[str] = []

        def walk(directory: Path, levels: int) -> None:
            if levels <= 0 or not directory.is_dir():
                return
            for child in sorted(directory.iterdir()):
                relative = child.relative_to(self.root).as_posix()
                if hidden(child.name) or leads_out(child, self._allowed):
                    continue
                if child.is_dir():
                    walk(child, levels - 1)
                elif child.name.endswith(extension):
                    found.append(relative)
        walk(start, min(depth, 100))
        return found

    def entry(self, path: str, label: object = None) -> dict:
        try:
            content = self.resolve(path).read_bytes()
        except (Refused, OSError):
            return {"data": None, "file": {"path": path, "label": label, "id": None}}
        return {"data": form_ready(path, content.decode("utf-8", "replace")),
                "file": {"path": path, "label": label, "id": hashlib.sha256(content).hexdigest()}}

    def media_file(self, path: str) -> dict:
        content = self.resolve(path).read_bytes()
        return {"id": hashlib.sha256(content).hexdigest(), "content": base64.b64encode(content).decode("ascii"),
                "encoding": "base64", "path": path, "name": PurePosixPath(path).name}

    def write(self, path: str, content: bytes) -> None:
        target = self.resolve(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        scratch = target.with_name(f".{target.name}.lantai-saving")
        scratch.write_bytes(content)
        os.replace(scratch, target)     # the preview never reads half a file

    def delete(self, path: str) -> None:
        target = self.resolve(path)
        if target.is_file():
            target.unlink()

    def keep_leading_comments(self, path: str, raw: str) -> str:
        """`raw` with the comment lines the file on disk starts with, when Decap dropped them
        (it rewrites YAML without comments)."""
        if not path.endswith((".yml", ".yaml")):
            return raw
        try:
            old = self.resolve(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return raw
        lines = old.splitlines(keepends=True)
        leading = []
        for line in lines:
            if not line.startswith("#"):
                break
            leading.append(line)
        if not leading or raw.startswith(leading[0]):
            return raw
        return "".join(leading) + raw


def _text(params: dict, name: str) -> str:
    value = params.get(name)
    if not isinstance(value, str) or not value:
        raise Refused(f"'{name}' is missing")
    return value


def _content(asset: dict) -> bytes:
    content = asset.get("content")
    if not isinstance(content, str):
        raise Refused("an asset has no content")
    if asset.get("encoding") == "base64":
        try:
            return base64.b64decode(content, validate=True)
        except (binascii.Error, ValueError):
            raise Refused("an asset's base64 content is broken") from None
    return content.encode("utf-8")


# -- the long forms Decap's forms need -------------------------------------------------------------

_FRONT_MATTER = re.compile(r"\A(---[ \t]*\r?\n)(.*?\r?\n)(---[ \t]*(?:\r?\n|\Z))", re.S)


def form_ready(path: str, text: str) -> str:
    """`text` with the short forms of its fields written long, when it has any; else as it is."""
    if path.startswith("brands/") and path.endswith((".yml", ".yaml")):
        table, head, body, tail = "brand", "", text, ""
    elif path.endswith(".md") and path.count("/") >= 2:
        found = _FRONT_MATTER.match(text)
        if not found:
            return text
        table, head, body, tail = "story", found.group(1), found.group(2), found.group(3) + text[found.end():]
    else:
        return text
    try:
        data = yaml.safe_load(body)
    except yaml.YAMLError:
        return text        # Decap shows its own error; check names the line
    if not isinstance(data, dict) or not _lengthen(data, table):
        return text
    return head + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000) + tail


def _lengthen(record: dict, table: str) -> bool:
    """Write `record`'s short forms long, in place; whether anything changed."""
    changed = False
    for name, value in list(record.items()):
        spec = TABLES.get(table, {}).get(name)
        if spec is None or value is None:
            continue
        if spec.kind == "text-list" and not isinstance(value, list):
            record[name], changed = [value], True
        elif spec.kind in ("places", "media") and isinstance(value, list):
            key = "name" if spec.kind == "places" else "file"
            for index, entry in enumerate(value):
                if not isinstance(entry, dict):
                    value[index], changed = {key: entry}, True
        elif spec.kind == "records" and isinstance(value, list):
            for entry in value:
                if isinstance(entry, dict):
                    changed = _lengthen(entry, spec.record) or changed
    return changed
