"""Editors' HTML made safe to publish: no scripts, no event handlers, no `javascript:` URLs.

Every Markdown field an editor writes (a story's body, a brand's or an item's `description`,
a free page) is rendered to HTML by Python-Markdown, which passes raw HTML through as written.
`clean` runs that HTML through nh3 (the Python binding of the Rust crate ammonia, which parses
with html5ever as a browser does) with an allow-list that keeps everything Python-Markdown's
extensions emit (attr_list, md_in_html, tables, footnotes, admonition, toc with permalinks)
and the HTML editors legitimately write (ruby, details, figure, audio and video ...).

What nh3 changes besides removing things is serialisation only, never what a browser builds:
character references are written as the characters they stand for (`&para;` as `¶`,
`&#8617;` as `↩`; `&amp;`, `&lt;`, `&gt;`, `&quot;` and `&nbsp;` stay references), void
elements lose the XHTML slash (`<hr />` as `<hr>`), attributes are double-quoted, tags that
a browser would imply are written out (`<tbody>` in a hand-written table), and comments are
dropped. tests/test_safety_html.py renders every bundled story and description
and checks that `clean` leaves them as they were, up to exactly these.

`editor_html` applies the project's `raw_html` setting: `sanitise` (the default) or `trust`,
for an archive whose editors need embeds (iframes, scripts) and are trusted with them.
Free of any site engine: the page pipeline calls it on finished HTML.
"""

from __future__ import annotations

import re

import nh3

from .model import Settings

# Elements kept. Anything else is unwrapped (its text stays) unless it is in DROPPED.
TAGS = frozenset({
    # text
    "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "div", "span",
    "a", "em", "strong", "b", "i", "u", "s", "del", "ins", "mark", "small", "sub", "sup",
    "code", "kbd", "samp", "var", "abbr", "dfn", "cite", "q", "time", "wbr", "bdi", "bdo",
    # Chinese annotations: 漢<rp>(</rp><rt>hàn</rt><rp>)</rp>
    "ruby", "rt", "rp", "rb", "rtc",
    # lists
    "ul", "ol", "li", "dl", "dt", "dd",
    # tables (Python-Markdown's tables, and hand-written ones)
    "table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td",
    # blocks editors write with md_in_html
    "figure", "figcaption", "details", "summary", "section", "article", "address",
    # media
    "img", "audio", "video", "source", "track",
})

# Removed with everything inside them: their content is code, styles or a document of its
# own, never text for the page. The rest of what is not in TAGS (form, button, input, meta,
# link, base ...) is removed and its text kept, which for these is none or a label.
DROPPED = frozenset({
    "script", "style", "template", "noscript", "noembed", "noframes", "xmp", "plaintext",
    "iframe", "frame", "frameset", "object", "embed", "applet", "svg", "math", "textarea",
    "title", "select", "option",
})

# Attributes kept, per element ("*": on every kept element). No on*, no style except
# text-align on table cells (STYLE below), no srcdoc, formaction or data-*, and none holding
# a URL that nh3 does not check: srcset, and cite (on blockquote, q, del, ins).
ATTRIBUTES = {
    "*": {"class", "id", "title", "lang", "dir"},
    "a": {"href", "hreflang", "rel"},
    "img": {"src", "alt", "width", "height", "loading", "decoding"},
    "audio": {"src", "controls", "loop", "muted", "preload"},  # no autoplay: a visitor starts sound
    "video": {"src", "controls", "loop", "muted", "preload", "poster", "width", "height", "playsinline"},
    "source": {"src", "type", "media"},
    "track": {"src", "kind", "srclang", "label", "default"},
    "th": {"colspan", "rowspan", "scope", "headers", "align", "style"},  # style: STYLE below
    "td": {"colspan", "rowspan", "headers", "align", "style"},
    "col": {"span"},
    "colgroup": {"span"},
    "ol": {"start", "reversed", "type"},
    "li": {"value"},
    "details": {"open"},
    "time": {"datetime"},
    "del": {"datetime"},
    "ins": {"datetime"},
}

# The one style kept: Python-Markdown's aligned table cells, `style="text-align: center;"`,
# kept byte for byte. Any other style (position: fixed over the page, url(...)) is removed.
STYLE = re.compile(r"\s*text-align:\s*(?:left|right|center|justify)\s*;?\s*", re.ASCII)
STYLED = frozenset({"th", "td"})

# Absolute URLs with another scheme are removed (javascript:, vbscript:, data:, file: ...);
# relative ones (../x/, #fn:1, media/a.jpg, ?q=) are kept as written. No data: anywhere, not
# even data:image in <img>: an image belongs in a file beside the story, where Lantai makes
# its renditions, checks its alt text and strips its metadata (image_metadata).
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})


def _attribute(tag: str, name: str, value: str) -> str | None:
    if name == "style":
        return value if tag in STYLED and STYLE.fullmatch(value) else None
    return value


_CLEANER = nh3.Cleaner(
    tags=TAGS,
    clean_content_tags=DROPPED,
    attributes=ATTRIBUTES,
    attribute_filter=_attribute,
    strip_comments=True,
    link_rel=None,  # nh3 would add rel="noopener noreferrer" to every link, changing them all
    url_schemes=URL_SCHEMES,
    url_relative="pass_through",
)


def clean(html: str) -> str:
    """`html` without scripts, event handlers, dangerous URLs and unknown elements."""
    return _CLEANER.clean(html)


def editor_html(html: str, settings: Settings) -> str:
    """HTML rendered from an editor's Markdown, as the project's `raw_html` setting says."""
    if settings.raw_html == "trust":
        return html
    return clean(html)
