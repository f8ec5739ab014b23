"""An editor's Markdown as HTML: story bodies, brand and item descriptions, free pages.

Lantai renders editors' text itself, once, with Python-Markdown, so that what a page shows
does not depend on the site engine: item markers become cards and links (lantai/markers.py,
the parser the checker uses too), an image on a line of its own in a story becomes a
figure with its renditions, relative links are made to work from the page's address, and
the result is sanitised (lantai/sanitise.py) unless the project trusts its editors' HTML.
The headings found are returned for the page's table of contents.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

import markdown
from markdown.treeprocessors import Treeprocessor

from .. import urls
from ..markers import MARKER, visible_lines

# Python-Markdown extensions every exhibition has (a project may add its own in mkdocs.yml).
EXTENSIONS: dict[str, dict] = {
    "attr_list": {},
    "md_in_html": {},
    "tables": {},
    "footnotes": {},
    "admonition": {},
    "toc": {"permalink": True},
}


@dataclass
class Rendered:
    html: str
    toc: list[dict] = field(default_factory=list)    # Python-Markdown's toc_tokens
    unresolved: list[str] = field(default_factory=list)   # relative links to nothing in the site


@dataclass
class Text:
    """An editor's Markdown and where it was written: `source` is the page's place among
    source files (`shangyu/manifesto.md`), from which its relative links are read."""
    markdown: str
    source: str


class _Links(Treeprocessor):
    """Relative links and image sources, as written beside the source file, made relative
    to the page's address (a story at shangyu/manifesto/ shows media/x.jpg as ../media/x.jpg)."""

    def __init__(self, md, source: str, url: str, resolve: Callable[[str], str | None], unresolved: list[str]):
        super().__init__(md)
        self.source, self.url, self.resolve, self.unresolved = source, url, resolve, unresolved

    def run(self, root):
        for element in root.iter():
            key = {"a": "href", "img": "src"}.get(element.tag)
            if key and element.get(key) is not None:
                element.set(key, self.rewrite(element.get(key)))
        return root

    def rewrite(self, link: str) -> str:
        scheme, netloc, path, query, anchor = urlsplit(link)
        if scheme or netloc or link.startswith(("/", "\\")) or not path or "\x02amp" in link:
            return link
        target = posixpath.normpath(posixpath.join(posixpath.dirname(self.source), unquote(path)).lstrip("/"))
        found = self.resolve(target)
        if found is None:
            if posixpath.splitext(posixpath.basename(path))[1]:  # a file that is not there (a folder: left)
                self.unresolved.append(link)
            return link
        relative = urls.relative_path(found, self.url)
        return relative + (f"?{query}" if query else "") + (f"#{anchor}" if anchor else "")


class MarkdownRenderer:
    """Renders editors' Markdown for one build. `resolve` maps a source path (a page's .md
    or a published file) to its site address, or None when the site has no such thing."""

    def __init__(self, resolve: Callable[[str], str | None], extensions: dict[str, dict] | None = None,
                 clean: Callable[[str], str] | None = None):
        self.resolve = resolve
        self.extensions = {**EXTENSIONS, **(extensions or {})}
        self.clean = clean
        self._md = None

    def localised(self, address: Callable[[str | None], str | None]) -> "MarkdownRenderer":
        """The same Markdown for an edition's pages: editors' links to a page lead to
        `address(page)` (the edition's own, lantai/pages/languages.py)."""
        resolve = self.resolve
        return MarkdownRenderer(lambda target: address(resolve(target)), self.extensions, self.clean)

    def _markdown(self):
        """One Markdown instance for the build, reset between texts: making one loads every
        extension again, which cost more than converting a story."""
        if self._md is None:
            self._md = markdown.Markdown(extensions=list(self.extensions), extension_configs=self.extensions)
            self._links = _Links(self._md, "", "", self.resolve, [])
            self._md.treeprocessors.register(self._links, "lantai_links", 0)
        return self._md.reset()

    def render(self, text: str, source: str, url: str) -> Rendered:
        unresolved: list[str] = []
        md = self._markdown()
        self._links.source, self._links.url, self._links.unresolved = source, url, unresolved
        html = md.convert(text)
        if self.clean is not None:
            html = self.clean(html)
        return Rendered(html, list(getattr(md, "toc_tokens", [])), unresolved)


def place_markers(text: str, card: Callable[[str], str | None], link: Callable[[str], str | None]) -> str:
    """Item markers replaced, outside code and comments: `card(code)` for a marker standing
    on its own line (an HTML block), `link(code)` for one inside a sentence. A marker whose
    item is unknown stays as written (the checker reports it)."""
    lines = text.splitlines()
    out: list[str] = []
    for line, visible in zip(lines, visible_lines(text)):
        if visible is None or "[[" not in visible:
            out.append(line)
            continue
        whole = MARKER.fullmatch(visible.strip())
        if whole and (block := card(whole.group(1))) is not None:
            out.extend(["", block, ""])
            continue
        pieces, position = [], 0
        for match in MARKER.finditer(visible):
            replacement = link(match.group(1))
            if replacement is None:
                continue
            pieces += [line[position:match.start()], replacement]
            position = match.end()
        out.append("".join(pieces) + line[position:])
    return "\n".join(out)


def replace_lines(text: str, blocks: dict[str, str]) -> str:
    """Lines of `text` outside code that equal a key of `blocks` replaced by that HTML block."""
    if not blocks:
        return text
    out: list[str] = []
    for line, visible in zip(text.splitlines(), visible_lines(text)):
        if visible is not None and line in blocks:
            out.extend(["", blocks[line], ""])
        else:
            out.append(line)
    return "\n".join(out)


# HTML's special characters and the ones Markdown reads as markup, as character references.
_INLINE_ESCAPES = {ord(ch): f"&#{ord(ch)};" for ch in "&<>\"'\\`*_{}[]()#+-.!|~"}


def inline_text(text: str) -> str:
    """An editor's plain text placed inside Markdown, shown as written: escaped for HTML,
    and not read as Markdown either (an item titled `2*3 and 4*5` is not emphasis)."""
    return text.translate(_INLINE_ESCAPES)


def site_resolver(project, pages) -> Callable[[str], str | None]:
    """Where an editor's relative link leads: a page by its source file (`../about.md`),
    or a file of the content folder or published beside the brand files, by its path."""
    by_source = {page.source: page.url for page in pages}

    def resolve(target: str) -> str | None:
        if target in by_source:
            return by_source[target]
        if target in project.extra_files or (project.content_dir / target).is_file():
            return target
        return None
    return resolve
