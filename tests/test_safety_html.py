"""Raw HTML in editors' Markdown: scripts, event handlers and javascript: URLs never reach a
page (lantai/sanitise.py, `raw_html: sanitise`, the default), while the HTML that Markdown
makes and editors legitimately write is kept as it was.

Payloads are checked by parsing what `clean` returns (element names, attribute names, the
scheme of every URL as a browser reads it), once with Python's html.parser and once in
Chromium, not by looking for substrings. The bundled stories and descriptions must come out
of `clean` as they went in. TestBuiltPages builds a project with payloads in a story body, a
brand's and an item's description and a free page, and checks the published pages.
"""

from __future__ import annotations

import html as htmllib
import json
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
import yaml

from conftest import BUNDLED_CONFIG, HARBOUR_CONFIG, REPO, run_lantai, serve
from lantai.model import Settings
from lantai.checking import load_project
from lantai.reading.project import check_settings
from lantai.sanitise import TAGS, URL_SCHEMES, clean, editor_html
from lantai.reading.settings import make_settings

# What the page pipeline renders editors' Markdown with (lantai/pages/markdown.py).
EXTENSIONS = ["attr_list", "md_in_html", "tables", "footnotes", "admonition", "toc"]
EXTENSION_CONFIGS = {"toc": {"permalink": True}}


def render(text: str, **options) -> str:
    configs = {**EXTENSION_CONFIGS, **options.pop("extension_configs", {})}
    return markdown.markdown(text, extensions=EXTENSIONS, extension_configs=configs, **options)


# -- reading HTML as a browser would -----------------------------------------------------------

# Attributes whose value a browser fetches or navigates to.
URL_ATTRIBUTES = {"href", "src", "poster", "action", "formaction", "cite", "data", "background", "ping",
                  "srcset", "xlink:href", "manifest", "codebase", "longdesc", "lowsrc", "dynsrc"}
SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")


def url_scheme(value: str) -> str | None:
    """The scheme a browser reads in a URL attribute (WHATWG URL: leading and trailing C0
    controls and spaces are dropped, tabs and newlines anywhere removed), or None if relative."""
    value = re.sub(r"[\t\n\r]", "", value.strip("\x00\x01\x02\x03\x04\x05\x06\x07\x08\t\n\x0b\x0c\r\x0e\x0f"
                                             "\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f "))
    match = SCHEME.match(value)
    return match[1].lower() if match else None


class Elements(HTMLParser):
    """Every start tag in a document, with its attributes (values unescaped)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.scripts: list[tuple[dict, str]] = []
        self._script: dict | None = None

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, attrs))
        if tag == "script":
            self._script, self._text = dict(attrs), ""

    handle_startendtag = handle_starttag

    def handle_data(self, data):
        if self._script is not None:
            self._text += data

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            self.scripts.append((self._script, self._text))
            self._script = None


def elements(html: str) -> Elements:
    parser = Elements()
    parser.feed(html)
    parser.close()
    return parser


def live_markup(html: str, allowed_tags=TAGS) -> list[str]:
    """What in `html` could run script: an element outside the allow-list, an event handler,
    a style other than a table cell's alignment, or a URL with a scheme other than
    http, https, mailto and tel."""
    found = []
    for tag, attrs in elements(html).found:
        if allowed_tags is not None and tag not in allowed_tags:
            found.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on") or name in ("srcdoc", "formaction", "srcset"):
                found.append(f"<{tag} {name}>")
            if name == "style" and not (tag in ("th", "td") and re.fullmatch(r"text-align: (left|right|center);", value or "")):
                found.append(f"<{tag} style={value!r}>")
            if name in URL_ATTRIBUTES and url_scheme(value or "") not in (None, *URL_SCHEMES):
                found.append(f"<{tag} {name}={value!r}>")
    return found


# -- payloads --------------------------------------------------------------------------------

PAYLOADS = {
    "script": '<script>alert(1)</script>',
    "script-uppercase": '<SCRIPT SRC=//127.0.0.1:9/x.js></SCRIPT>',
    "script-split": '<scr<script>ipt>alert(1)</scr</script>ipt>',
    "img-onerror": '<img src=x onerror=alert(1)>',
    "img-onerror-quoted": '<img src="x" onerror="alert(1)" alt="x">',
    "body-onload": '<body onload=alert(1)>',
    "javascript-href": '<a href="javascript:alert(1)">x</a>',
    "javascript-mixed-case-colon-entity": '<a href="JaVaScRiPt&colon;alert(1)">x</a>',
    "javascript-decimal-entities": '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
    "javascript-hex-entities": '<a href="&#x6A;&#x61;&#x76;&#x61;script&#x3A;alert(1)">x</a>',
    "javascript-padded-entities": '<a href="&#0000106;avascript:alert(1)">x</a>',
    "javascript-tab": '<a href="java\tscript:alert(1)">x</a>',
    "javascript-tab-entity": '<a href="java&#9;script:alert(1)">x</a>',
    "javascript-newline": '<a href="java\nscript:alert(1)">x</a>',
    "javascript-newline-entity": '<a href="jav&#x0A;ascript:alert(1)">x</a>',
    "javascript-cr-entity": '<a href="jav&#13;ascript:alert(1)">x</a>',
    "javascript-leading-space": '<a href=" javascript:alert(1)">x</a>',
    "javascript-leading-control": '<a href="\x01\x1fjavascript:alert(1)">x</a>',
    "javascript-unquoted": '<a href=javascript:alert(1)>x</a>',
    "javascript-img-src": '<img src="javascript:alert(1)">',
    "vbscript": '<a href="vbscript:msgbox(1)">x</a>',
    "data-html": '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    "data-image": '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+" alt="x">',
    "markdown-javascript-link": '[x](javascript:alert(1))',
    "markdown-javascript-autolink": '<javascript:alert(1)>',
    "markdown-attr-list-handler": 'Text\n{: onclick="alert(1)" style="position:fixed" }',
    "svg-onload": '<svg onload=alert(1)><circle r=10 /></svg>',
    "svg-script": '<svg><script>alert(1)</script></svg>',
    "svg-animate-href": '<svg><a><animate attributeName=href values=javascript:alert(1) /><text>x</text></a></svg>',
    "iframe-srcdoc": '<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>',
    "iframe-src": '<iframe src="javascript:alert(1)"></iframe>',
    "math-href": '<math><mtext><a href="javascript:alert(1)">x</a></mtext></math>',
    "math-mglyph-style": '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
    "math-maction": '<math href="javascript:alert(1)"><mi>x</mi></math>',
    "style-expression": '<style>body { background: expression(alert(1)) }</style>',
    "style-attribute-url": '<p style="background:url(javascript:alert(1))">x</p>',
    "style-import": '<style>@import "//127.0.0.1:9/x.css";</style>',
    "form-action": '<form action="javascript:alert(1)"><input type=submit></form>',
    "button-formaction": '<form><button formaction="javascript:alert(1)">x</button></form>',
    "input-autofocus": '<input autofocus onfocus=alert(1)>',
    "base-href": '<base href="javascript:alert(1)//">',
    "meta-refresh": '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    "link-stylesheet": '<link rel=stylesheet href="//127.0.0.1:9/x.css">',
    "object": '<object data="javascript:alert(1)"></object>',
    "embed": '<embed src="javascript:alert(1)">',
    "noscript-title": '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    "noembed": '<noembed><img title="</noembed><img src=x onerror=alert(1)>"></noembed>',
    "template": '<template><img src=x onerror=alert(1)></template>',
    "textarea": '<textarea><img src=x onerror=alert(1)></textarea>',
    "title": '<title><img src=x onerror=alert(1)></title>',
    "xmp": '<xmp><img src=x onerror=alert(1)></xmp>',
    "select-option": '<select><option><img src=x onerror=alert(1)></option></select>',
    "comment-break-out": '<!--><img src=x onerror=alert(1)>-->',
    "comment-conditional": '<!--[if IE]><img src=x onerror=alert(1)><![endif]-->',
    "cdata": '<![CDATA[<img src=x onerror=alert(1)>]]>',
    "unclosed-attribute": '<img src="x" alt="x onerror=alert(1)',
    "video-poster": '<video poster="javascript:alert(1)" src="javascript:alert(2)" autoplay onplay=alert(3)></video>',
    "audio-source": '<audio controls><source src="javascript:alert(1)" onerror=alert(2)></audio>',
    "details-ontoggle": '<details open ontoggle=alert(1)><summary>x</summary></details>',
    "blockquote-cite": '<blockquote cite="javascript:alert(1)">x</blockquote>',
    "img-srcset": '<img src="a.jpg" srcset="javascript:alert(1) 1x" alt="x">',
    "marquee": '<marquee onstart=alert(1)>x</marquee>',
    "isindex": '<isindex type=image src=1 onerror=alert(1)>',
    "a-ping": '<a href="https://example.org/" ping="javascript:alert(1)">x</a>',
}


# Payloads that html.parser does not read as live markup: three are not live in a browser
# either (a conditional comment, a bogus CDATA comment up to its first ">", a tag cut off by
# the end of the text); `<!-->` ends a comment in a browser but not in html.parser, which is why
# test_nothing_cleaned_runs_in_chromium reads the cleaned payloads in Chromium too.
NOT_LIVE_TO_HTML_PARSER = {"comment-conditional", "cdata", "unclosed-attribute", "comment-break-out"}


@pytest.mark.parametrize("name, payload", PAYLOADS.items(), ids=PAYLOADS.keys())
def test_no_payload_survives(name, payload):
    # The check below sees the payload as written (so it tests something) ...
    assert live_markup(payload) or live_markup(render(payload)) or name in NOT_LIVE_TO_HTML_PARSER
    # ... and nothing of it once cleaned.
    # As written in raw HTML, and as Python-Markdown passes it through from an editor's text.
    for html in (payload, render(payload), render(f"<div markdown>\n\n{payload}\n\n</div>")):
        out = clean(html)
        assert live_markup(out) == [], out
        assert clean(out) == out, "cleaning twice changes nothing"


def test_payloads_are_removed_but_the_text_around_them_stays():
    out = clean("<p>Before <script>alert(1)</script>after <b onclick=alert(2)>bold</b> "
                '<a href="javascript:alert(3)">link text</a>.</p>')
    assert out == "<p>Before after <b>bold</b> <a>link text</a>.</p>"
    # Elements that only wrap text are unwrapped, not emptied: a button's label stays.
    assert clean('<form action="/x"><button>Send</button></form>') == "Send"
    assert clean("<marquee>moving</marquee>") == "moving"


def test_a_percent_encoded_payload_in_a_web_address_is_only_an_address():
    # The query string of an https link is the site's business, not script.
    link = '<a href="https://example.org/?q=%22%3E%3Csvg%20onload=alert(9)%3E">x</a>'
    assert clean(link) == link


@pytest.mark.parametrize("href", ["../x/", "../../brand/story/", "#fn:1", "#_2", "?q=%E6%A1%A3", "media/a.pdf",
                                  "/items/sy-e01/", "https://example.org/a?b=c&amp;d=e", "http://example.org/",
                                  "mailto:archive@example.org", "tel:+86-571-0000"])
def test_relative_and_ordinary_links_are_kept_as_written(href):
    link = f'<a href="{href}">x</a>'
    assert clean(link) == link


def test_other_schemes_are_removed():
    for href in ("ftp://example.org/", "file:///etc/passwd", "blob:https://example.org/x", "about:blank",
                 "intent://x#Intent;end", "ms-settings:", "view-source:https://example.org/"):
        assert clean(f'<a href="{href}">x</a>') == "<a>x</a>", href


def test_no_rel_is_added_to_links():
    assert clean('<a href="https://example.org/">x</a>') == '<a href="https://example.org/">x</a>'
    assert clean('<a href="https://example.org/" rel="nofollow">x</a>') == '<a href="https://example.org/" rel="nofollow">x</a>'


# -- legitimate HTML is kept exactly -----------------------------------------------------------

LEGITIMATE = {
    "headerlink": '<h2 id="_1">小标题<a class="headerlink" href="#_1" title="Permanent link">¶</a></h2>',
    "footnotes": ('<p>正文<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup>。</p>\n'
                  '<div class="footnote">\n<hr>\n<ol>\n<li id="fn:1">\n<p>注释。&nbsp;<a class="footnote-backref" '
                  'href="#fnref:1" title="Jump back to footnote 1 in the text">↩</a></p>\n</li>\n</ol>\n</div>'),
    "admonition": '<div class="admonition note">\n<p class="admonition-title">注意</p>\n<p>正文。</p>\n</div>',
    "aligned-table": ('<table>\n<thead>\n<tr>\n<th style="text-align: left;">年份</th>\n<th style="text-align: center;">'
                      '事件</th>\n<th style="text-align: right;">件数</th>\n<th>备注</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n'
                      '<td style="text-align: left;">1956</td>\n<td style="text-align: center;">垦荒</td>\n'
                      '<td style="text-align: right;">467</td>\n<td>—</td>\n</tr>\n</tbody>\n</table>'),
    "hand-table": ('<table class="lt-compare"><caption>对照</caption><colgroup><col span="2"></colgroup><thead><tr>'
                   '<th scope="col" colspan="2">两栏</th></tr></thead><tbody><tr><td rowspan="2">一</td><td>二</td>'
                   '</tr></tbody><tfoot><tr><td>合计</td></tr></tfoot></table>'),
    "ruby": '<p><ruby>畲<rp>(</rp><rt>shē</rt><rp>)</rp></ruby>族<ruby lang="zh-Hant">彩帶<rt>cǎidài</rt></ruby></p>',
    "details": '<details open="" class="lt-more">\n<summary>展开全文</summary>\n<p>隐藏的<em>文字</em>。</p>\n</details>',
    "figure": ('<figure class="photo" id="fig-1"><img src="media/a.jpg" alt="垦荒队员合影" title="合影" width="800" '
               'height="600" loading="lazy"><figcaption>1956年，垦荒队员合影。</figcaption></figure>'),
    "relative-links": ('<p><a href="../reclamation-years/" title="另一篇">垦荒岁月</a>、<a href="#_2">下文</a>、'
                       '<a href="/items/sy-e01/">展品</a>、<a href="mailto:daj@example.org">来信</a>、'
                       '<a href="https://example.org/report?id=1&amp;p=2" hreflang="zh">报道</a></p>'),
    "inline-text": ('<p><strong>粗</strong><em>斜</em><b>b</b><i>i</i><u>u</u><s>删</s><del datetime="2020-01-01">旧</del>'
                    '<ins>新</ins><mark>标记</mark><small>小字</small>H<sub>2</sub>O x<sup>2</sup><code>code</code>'
                    '<kbd>Ctrl</kbd><samp>out</samp><var>n</var><abbr title="中国共产党">中共</abbr><dfn>定义</dfn>'
                    '<cite>书名</cite><q>引语</q><time datetime="1920-08">1920年8月</time><span class="note" lang="en" '
                    'dir="ltr">English</span><bdi>名</bdi><bdo dir="rtl">abc</bdo>一<wbr>二<br>三</p>'),
    "blocks": ('<section id="s1" class="chapter"><blockquote>\n<p>引文。</p>\n</blockquote><pre><code class="language-text">'
               'a &lt; b &amp;&amp; c &gt; d\n</code></pre><hr><address>浙江省档案馆</address></section>'
               '<article><p>文章</p></article>'),
    "lists": ('<ol start="3" reversed="" type="i"><li value="5">五</li></ol><ul><li>项</li></ul>'
              '<dl><dt>档号</dt><dd>SY-E01</dd></dl>'),
    "media": ('<audio controls="" preload="none" src="media/oral.mp3"><track kind="captions" src="media/oral.vtt" '
              'srclang="zh" label="中文" default=""></audio><video controls="" width="640" height="360" '
              'poster="media/poster.jpg" muted="" loop="" playsinline=""><source src="media/film.mp4" type="video/mp4">'
              '</video>'),
    "entities": '<p>&amp; &lt; &gt; "quoted" \'single\' &nbsp;— ¶ ↩</p><p title="a &quot;b&quot; &lt;c&gt; &amp;">t</p>',
}


@pytest.mark.parametrize("html", LEGITIMATE.values(), ids=LEGITIMATE.keys())
def test_legitimate_html_is_kept_exactly(html):
    assert clean(html) == html


def test_markup_python_markdown_makes_is_kept():
    """Every extension the pipeline uses, as Python-Markdown writes it (XHTML by default):
    kept up to nh3's serialisation, and byte for byte when Markdown writes HTML as nh3 does."""
    text = (
        "# 标题 {: #top .lead }\n\n"
        "正文*强调*和**加粗**，`代码`，[链接](../x/ \"提示\")，[片段](#top)，脚注[^1]。\n\n"
        "![照片](media/a.jpg \"标题\")\n\n"
        "| 左 | 中 | 右 | 无 |\n|:--|:-:|--:|---|\n| 1 | 2 | 3 | 4 |\n\n"
        "!!! note \"注意\"\n    提示文字。\n\n"
        "---\n\n"
        "<figure markdown>\n\n![图](media/b.jpg)\n\n<figcaption>说明</figcaption>\n</figure>\n\n"
        "<details markdown>\n<summary>更多</summary>\n\n隐藏的*文字*。\n\n</details>\n\n"
        "> 引文\n\n1. 一\n2. 二\n\n```\na < b && c\n```\n\n"
        "[^1]: 注释。\n"
    )
    html = render(text)
    assert clean(html) == as_nh3_writes(html)
    assert "&para;" in html and " />" in html and "&#8617;" in html and "&#160;" in html  # what that covers
    html = render(text, output_format="html", extension_configs={"toc": {"permalink": "¶"},
                                                                "footnotes": {"BACKLINK_TEXT": "↩"}})
    # Only the footnotes' no-break space, which Python-Markdown always writes as &#160;.
    assert clean(html) == html.replace("&#160;", "&nbsp;")


# How nh3 (html5ever) writes a document it has parsed, where Python-Markdown writes it otherwise:
# void elements without the XHTML " /", and character references as the characters they stand
# for except &amp; &lt; &gt; &quot; and U+00A0 (&nbsp;). The same DOM either way.
VOID = ("area", "br", "col", "hr", "img", "source", "track", "wbr")
KEPT_REFERENCES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\xa0": "&nbsp;"}


def as_nh3_writes(html: str) -> str:
    html = re.sub(r"<(%s)\b([^<>]*?) />" % "|".join(VOID), r"<\1\2>", html)
    return re.sub(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);",
                  lambda m: KEPT_REFERENCES.get(htmllib.unescape(m[0]), htmllib.unescape(m[0])), html)


def editor_texts(config: Path) -> dict[str, str]:
    """Every Markdown field an editor wrote in a project: story bodies, brands' and items'
    descriptions, free pages."""
    raw = yaml.safe_load(config.read_text(encoding="utf-8"))
    options = next((entry["lantai"] or {} for entry in raw.get("plugins", [])
                    if isinstance(entry, dict) and "lantai" in entry), {})
    project, problems = load_project(config.parent, make_settings(raw["site_name"], raw["theme"].get("language"), options))
    assert [p for p in problems if p.severity == "error"] == []
    texts = {story.path: story.body for story in project.stories.values()}
    texts |= {brand.path + ":description": brand.description for brand in project.brands.values() if brand.description}
    texts |= {f"{item.path}:{item.code}:description": item.description
              for item in project.items.values() if item.description}
    for page in project.pages:
        text = (project.root / page.path).read_text(encoding="utf-8")
        texts[page.path] = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S)
    return texts


@pytest.mark.parametrize("config", [BUNDLED_CONFIG, HARBOUR_CONFIG], ids=["bundled", "harbour"])
def test_every_bundled_text_is_left_as_it_was(config):
    texts = editor_texts(config)
    kinds = {key.rsplit(":", 1)[-1] if ":" in key else "page" for key in texts}
    assert len(texts) >= 5 and kinds == {"page", "description"}, sorted(texts)
    changed = {}
    for where, text in texts.items():
        # As the pipeline renders it today (XHTML, &para;): the same up to nh3's serialisation ...
        html = render(text)
        if clean(html) != as_nh3_writes(html):
            changed[where] = clean(html)
        # ... and byte for byte when Markdown is asked for HTML with the permalink sign as a character.
        html = render(text, output_format="html", extension_configs={"toc": {"permalink": "¶"}})
        if clean(html) != html:
            changed[where + " (html)"] = clean(html)
    assert changed == {}


# -- the setting -----------------------------------------------------------------------------

def test_raw_html_defaults_to_sanitise_and_trust_publishes_as_written():
    payload = '<p>Text<script>alert(1)</script><img src="x" onerror="alert(2)"></p>'
    sanitised = make_settings("Test", "en", {})
    assert sanitised.raw_html == "sanitise" and Settings("Test").raw_html == "sanitise"
    assert editor_html(payload, sanitised) == '<p>Text<img src="x"></p>'
    trusted = make_settings("Test", "en", {"raw_html": "trust"})
    assert trusted.raw_html == "trust"
    assert editor_html(payload, trusted) == payload


def test_an_unknown_raw_html_value_is_reported_for_editors():
    problems = check_settings(make_settings("Test", "en", {"raw_html": "yes"}))
    assert [(p.path, p.field, p.key) for p in problems] == [("mkdocs.yml", "raw_html", "raw-html")]
    assert problems[0].message("en").startswith("'yes' is not a way to publish editors' HTML; write one of sanitise, trust")
    assert problems[0].message("zh").startswith("'yes' 不是正文 HTML 的处理方式；请写 sanitise, trust 之一")
    assert check_settings(make_settings("Test", "en", {"raw_html": "trust"})) == []


def test_the_plugin_declares_the_choice():
    from lantai.engines.mkdocs.config import LantaiConfig
    config = LantaiConfig()
    config.load_dict({})
    assert config.validate() == ([], []) and config.raw_html == "sanitise"
    config = LantaiConfig()
    config.load_dict({"raw_html": "unsafe"})
    failed, _ = config.validate()
    assert [name for name, _ in failed] == ["raw_html"]


def test_the_sanitiser_is_free_of_any_site_engine():
    code = "import sys, lantai.sanitise; print(sorted(m for m in sys.modules if m.split('.')[0] == 'mkdocs'))"
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


# -- in a browser ----------------------------------------------------------------------------

BROWSER_CHECK = """(allowed) => {
    const bad = [];
    for (const el of document.body.querySelectorAll('*')) {
        const name = el.localName;
        if (!allowed.includes(name) || el.namespaceURI !== 'http://www.w3.org/1999/xhtml') bad.push(name);
        for (const attr of el.attributes) {
            if (/^on/i.test(attr.name) || ['srcdoc', 'formaction', 'srcset'].includes(attr.name)) bad.push(name + ' ' + attr.name);
        }
        for (const prop of ['href', 'src', 'poster', 'action', 'cite']) {
            const url = el.getAttribute(prop) === null ? '' : el[prop];
            if (typeof url === 'string' && url && !/^(https?|mailto|tel|about):/.test(url)) bad.push(name + ' ' + prop + '=' + url);
        }
    }
    return {bad, scripts: document.scripts.length};
}"""


def in_chromium(page, url: str, cases: dict[str, str]) -> dict:
    """The findings of BROWSER_CHECK on `cases`, in a page at `url` (so relative URLs resolve)."""
    page.goto(url)
    body = "\n".join(f'<div class="case" id="case-{name}">{html}</div>' for name, html in cases.items())
    page.set_content(f"<!doctype html><html><head><title>t</title></head><body>{body}</body></html>")
    page.wait_for_timeout(300)  # time for onerror, onload, ontoggle, a meta refresh
    found = page.evaluate(BROWSER_CHECK, sorted(TAGS | {"div"}))
    return {**found, "cases": page.locator(".case").count(), "location": page.url}


@pytest.mark.browser
def test_nothing_cleaned_runs_in_chromium(visit, browser, tmp_path):
    """Chromium's own parser reads what `clean` wrote: no dialog, no handler, no script, no
    element outside the allow-list, no URL with a scheme that runs."""
    (tmp_path / "index.html").write_text("<!doctype html><title>t</title>", encoding="utf-8")
    cleaned = {name: clean(p) for name, p in PAYLOADS.items()}
    with serve(tmp_path) as url:
        assert in_chromium(visit.page, url, cleaned) == {"bad": [], "scripts": 0, "cases": len(PAYLOADS),
                                                         "location": url}
        assert visit.dialogs == [] and visit.errors == []
        assert visit.outside_requests() == []
        # The same check sees the payloads as written (in a page of their own: they may navigate).
        context = browser.new_context()
        context.route(re.compile(r"^(?!http://127\.0\.0\.1[:/])"), lambda route: route.abort())  # nothing leaves
        try:
            raw = in_chromium(context.new_page(), url, {n: p for n, p in PAYLOADS.items() if n != "base-href"})
        finally:
            context.close()
    assert len(raw["bad"]) > len(PAYLOADS) / 2 and raw["scripts"] > 0


# -- built pages -----------------------------------------------------------------------------

def payload(field: str) -> str:
    """Markdown for one field: legitimate markup an editor writes, then a payload per line,
    each naming the field so a published page shows which field let it through."""
    return (
        f"{field}TEXT with <em>emphasis</em>, <ruby>档<rt>dàng</rt></ruby> and a [relative link](../).\n\n"
        f"<script>alert('{field}SCRIPT')</script>\n\n"
        f'<img src="x" onerror="alert(\'{field}ONERROR\')" alt="{field}">\n\n'
        f"<a href=\"javascript:alert('{field}JSLINK')\">{field} link</a>, "
        f"<a href=\"JaVaScRiPt&colon;alert('{field}ENTITY')\">{field} entity link</a>, "
        f"[{field} markdown link](javascript:alert('{field}MDLINK'))\n\n"
        f"<svg onload=\"alert('{field}SVG')\"></svg>\n\n"
        f"<iframe srcdoc=\"&lt;script&gt;alert('{field}SRCDOC')&lt;/script&gt;\"></iframe>\n\n"
        f"<details ontoggle=\"alert('{field}TOGGLE')\" open><summary>{field}SUMMARY</summary>x</details>\n"
    )


FIELDS = {"story/": "STORY", "payloads/": "BRAND", "items/pl-1/": "ITEM", "notes/": "PAGE"}


def write_payload_project(root: Path, raw_html: str | None) -> Path:
    option = f"\n      raw_html: {raw_html}" if raw_html else ""
    files = {
        "mkdocs.yml": ("site_name: Payloads\ntheme:\n  name: material\n  language: en\nplugins:\n  - lantai:"
                       f"{option}\n      categories:\n        - {{id: trade, name: Trade}}\n"),
        "brands/payloads.yml": yaml.safe_dump({
            "name": "Payload Brand", "archives": ["Town Archive"], "region": "Town", "category": "trade",
            "summary": "A brand whose description carries payloads.", "description": payload("BRAND")}),
        "content/payloads/story.md": "---\n" + yaml.safe_dump({
            "title": "Payload story", "summary": "A story whose body carries payloads.", "date": "1937",
            "items": [{"code": "PL-1", "title": "Payload item", "description": payload("ITEM")}]})
            + "---\n\n" + payload("STORY") + "\n[[PL-1]]\n",
        "content/notes.md": "---\ntitle: Notes\n---\n\n" + payload("PAGE"),
    }
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root / "mkdocs.yml"


def build(tmp_path_factory, name: str, raw_html: str | None) -> Path:
    root = tmp_path_factory.mktemp(name)
    config = write_payload_project(root / "project", raw_html)
    result = run_lantai("build", "-q", "-f", str(config), "-d", str(root / "site"), env={"LANTAI_SITE_URL": ""})
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


def page_path(site: Path, url: str) -> Path:
    return site / ("payloads/" + url if url == "story/" else url) / "index.html"


@pytest.fixture(scope="module")
def sanitised(tmp_path_factory) -> Path:
    return build(tmp_path_factory, "payloads-sanitised", None)


@pytest.fixture(scope="module")
def trusted(tmp_path_factory) -> Path:
    return build(tmp_path_factory, "payloads-trusted", "trust")


class TestBuiltPages:
    """The whole pipeline: payloads in a story body, a brand's and an item's description and a
    free page are gone from the published pages by default, and published with `raw_html: trust`."""

    @staticmethod
    def own_scripts(site: Path) -> set[str]:
        """The inline scripts every page carries (Material's), from the 404 page, which shows
        no editor's Markdown; the base path they name is set aside."""
        parsed = elements((site / "404.html").read_text(encoding="utf-8"))
        return {normal_script(text) for attrs, text in parsed.scripts if "src" not in attrs and not json_type(attrs)}

    def test_no_script_handler_or_javascript_url_in_any_page(self, sanitised):
        own = self.own_scripts(sanitised)
        pages = sorted(sanitised.rglob("*.html"))
        assert len(pages) >= 8
        found = []
        for file in pages:
            where = file.relative_to(sanitised).as_posix()
            text = file.read_text(encoding="utf-8")
            parsed = elements(text)
            # Lantai's own HTML has forms and inline SVG icons; only what can run is looked at here.
            found += [f"{where}: {bad}" for bad in live_markup(text, allowed_tags=None) if "style=" not in bad]
            found += [f"{where}: <{tag}>" for tag, _ in parsed.found if tag in ("iframe", "object", "embed", "base")]
            for attrs, script in parsed.scripts:
                if json_type(attrs):
                    json.loads(script)  # JSON data (ld+json, search words): must be only data
                elif "src" in attrs:
                    assert (file.parent / attrs["src"]).resolve().is_file() or \
                        (sanitised / attrs["src"].lstrip("/")).is_file(), f"{where}: {attrs['src']}"
                elif normal_script(script) not in own:
                    found.append(f"{where}: <script>{script[:80]}")
        assert found == [], "\n".join(found)

    def test_the_legitimate_text_of_every_field_is_published(self, sanitised):
        for url, field in FIELDS.items():
            text = page_path(sanitised, url).read_text(encoding="utf-8")
            assert f"{field}TEXT with <em>emphasis</em>" in text, url
            assert "<ruby>档<rt>dàng</rt></ruby>" in text, url
            assert f"<summary>{field}SUMMARY</summary>" in text, url
            assert f"{field} link</a>" in text, url

    def test_with_trust_the_payloads_are_published_as_written(self, trusted):
        for url, field in FIELDS.items():
            text = page_path(trusted, url).read_text(encoding="utf-8")
            assert f"<script>alert('{field}SCRIPT')</script>" in text, url
            assert f"onerror=\"alert('{field}ONERROR')\"" in text, url
            assert f"href=\"javascript:alert('{field}JSLINK')\"" in text, url
            assert f"ontoggle=\"alert('{field}TOGGLE')\"" in text, url


def json_type(attrs: dict) -> bool:
    return attrs.get("type") in ("application/json", "application/ld+json")


def normal_script(text: str) -> str:
    return re.sub(r'new URL\("[^"]*",location\)', 'new URL("",location)', text.strip())
