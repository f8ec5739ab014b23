"""The editing interface at /admin/: Decap CMS, configured from the editors' fields.

Decap CMS (vendored whole in themes/admin/decap-cms/ by scripts/vendor-cms, served from the
site) starts from the configuration admin/index.html holds (`page`). `config` makes it
from the tables in lantai/reading/schema.py, the same declarations `check` reads files
with and the JSON Schema is made from, so the forms ask for what `check` accepts:

- collections: the brands (brands/*.yml), the stories of each brand (content/<brand>/*.md;
  new stories are made in the brand's folder, their images saved beside them), the free
  pages (content/*.md);
- widgets by field kind: an EDTF date is text with its pattern and help, a category is a
  choice of the declared ones, people, places and tags are lists, items and sources are
  lists of records with their own fields, a cover is an image upload, and every field the
  contract calls optional is optional in the form.

Where Decap falls short of the contract, it is said here and in the editor guide: it
writes YAML without comments (the local backend puts a file's leading comments back:
lantai/editing/local_backend.py), it lists a story's translation (story.en.md) as an entry
of its own, and a place is always written as `{name, location}`, which `check` accepts.

The interface signs in with GitHub (through an OAuth server, `base_url`: GitHub's sign-in
needs one outside Netlify), or with a self-hosted Gitea or Forgejo (its OAuth2 application,
`app_id`, with PKCE: no server of one's own). Without them (`backend: local`, or no
repository named) it works in `serve` only, against the project folder, and the published
site has no /admin/ (`published`).
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from ..model import ADMIN_BACKENDS, CODE_KINDS, Admin, Project, Settings
from ..problems import NOTICE, Problem, is_chinese, problem
from ..reading.json_schema import EDTF_PATTERN, _help
from ..reading.schema import TABLES, Field, _URL, language_form
from .local_backend import API_PATH

ADMIN_THEME_DIR = Path(__file__).resolve().parents[2] / "themes" / "admin"
VENDOR_DIR = ADMIN_THEME_DIR / "decap-cms"
STYLESHEET = "lantai-admin.css"   # Lantai's few changes to Decap's looks (contrast)
SCRIPT = "lantai-admin.js"        # and to its thumbnails (alternative text)
FOLDER = "admin"                 # the interface's address below the site
SCRIPT_FOLDER = "decap-cms"      # below FOLDER: Decap's files, as scripts/vendor-cms copies them
CONFIG_ELEMENT = 'id="lantai-cms-config"'   # the page's configuration (`page`)
_REPO = re.compile(r"^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$")
_ADDRESS = re.compile(r"^https?://[^\s/?#<>\"']+(/[^\s?#<>\"']*)?$")

# Short names of the fields, as the form's labels show them (their help is json_schema.HELP's).
LABELS = {
    "name": ("名称", "Name"), "archives": ("馆藏单位", "Archives"), "region": ("地区", "Region"),
    "category": ("分类", "Category"), "summary": ("简介", "Summary"), "description": ("介绍", "Description"),
    "location": ("经纬度", "Location"), "cover": ("封面图片", "Cover image"), "tags": ("主题词", "Subjects"),
    "batch": ("批次", "Batch"), "sources": ("资料来源", "Sources"), "links": ("相关链接", "Links"),
    "items": ("档案条目", "Archive items"), "title": ("标题", "Title"), "date": ("日期", "Date"),
    "events": ("大事记", "Events"), "people": ("人物", "People"), "places": ("地点", "Places"),
    "related": ("相关故事", "Related stories"), "draft": ("草稿", "Draft"), "order": ("排序", "Order"),
    "code": ("档号", "Code"), "creator": ("责任者", "Creator"), "holder": ("馆藏单位", "Holder"),
    "type": ("类型", "Type"), "media": ("文件", "Files"), "rights": ("权利说明", "Rights"),
    "code_kind": ("编号类型", "Kind of code"), "publisher": ("发布者", "Publisher"), "url": ("网址", "Address"),
    "file": ("文件", "File"), "caption": ("说明", "Caption"), "alt": ("替代文字", "Alt text"),
    "transcript": ("文字稿", "Transcript"), "text": ("说明", "Text"), "hide": ("隐藏部分", "Hide"),
    "body": ("正文", "Body"),
}
WORDS = {
    "brands": ("品牌", "Brands"), "brand": ("品牌", "Brand"), "stories": ("故事", "Stories"),
    "story": ("故事", "Story"), "pages": ("页面", "Pages"), "page": ("页面", "Page"),
    "title": ("编辑", "Editing"),
    # Decap prints these after its own "does not match the pattern" words.
    "edtf": ("——请按 EDTF 写日期，例如 1956、1956-01、1956-01-29、1956/1960、1920~（约）",
             " — write the date in EDTF, e.g. 1956, 1956-01, 1956-01-29, 1956/1960, 1920~ (about)"),
    "url": ("——请写完整网址，以 https:// 开头", " — write a full address, starting with https://"),
}
# Decap's own preview pane shows a page in none of the site's looks (and is an untitled
# frame, which axe reports); Lantai's preview (`serve`) is the page as it will be published.
NO_PREVIEW = {"preview": False}
# The form's help where the schema's (json_schema.HELP, written for files) speaks of file syntax.
FORM_HINTS = {
    ("story", "events"): ("时间轴上的事件，每项写日期、事件和说明", "Events for the timeline: a date, what happened, more about it"),
    ("story", "places"): ("地点名称；要在地图上标出，再填经纬度", "Place names; add a location to put one on the map"),
    ("story", "related"): ("相关故事的文件名（不带 .md）；其他品牌的故事写 品牌标识/文件名",
                           "Related stories by file name (without .md); another brand's as brand-id/file-name"),
    ("story", "cover"): ("封面图片，上传后保存在故事旁边", "A cover image, saved beside the story"),
    ("story", "draft"): ("打开：只在预览中显示，不会发布", "On: shown in the preview only, never published"),
    ("brand", "category"): ("从网站声明的分类中选一个", "One of the site's categories"),
    ("brand", "cover"): ("封面图片；不选则自动生成封面图案", "A cover image; without one a cover is drawn"),
    ("brand", "location"): ("纬度和经度两个数（WGS 84），用于地图", "Two numbers, latitude and longitude (WGS 84), for the map"),
    ("place", "location"): ("纬度和经度两个数（WGS 84）", "Two numbers, latitude and longitude (WGS 84)"),
    ("event", "text"): ("详细说明，可用 Markdown", "More about it, in Markdown"),
}
# Decap's interface words: its own translations, by the site's language.
DECAP_LOCALES = {"zh": "zh_Hans", "zh-hant": "zh_Hant", "zh-tw": "zh_Hant", "zh-hk": "zh_Hant"}


def published(admin: Admin) -> bool:
    """Whether the published site gets /admin/: only when its backend can sign an editor in."""
    if not admin.enabled or not admin.repo:
        return False
    if admin.backend == "github":
        return bool(admin.base_url)
    if admin.backend == "gitea":
        return bool(admin.base_url and admin.app_id)
    return False


def check_admin(settings: Settings) -> list[Problem]:
    """The `admin` option's mistakes, and a note when /admin/ will be in the preview only."""
    admin, where = settings.admin, "mkdocs.yml"
    if not admin.enabled:
        return []
    problems = [problem(where, 0, f"admin.{key}", "admin-unknown", value=key) for key in admin.unknown]
    if admin.backend not in ADMIN_BACKENDS:
        problems.append(problem(where, 0, "admin.backend", "admin-backend", value=admin.backend,
                                allowed=", ".join(ADMIN_BACKENDS)))
    if admin.repo and not _REPO.match(admin.repo):
        problems.append(problem(where, 0, "admin.repo", "admin-repo", value=admin.repo))
    for name in ("base_url", "api_root"):
        value = getattr(admin, name)
        if value and not _ADDRESS.match(value):
            problems.append(problem(where, 0, f"admin.{name}", "admin-address", value=value))
    if not problems and admin.backend != "local" and not published(admin):
        needs = ("repo, base_url" if admin.backend == "github" else "repo, base_url, app_id")
        problems.append(problem(where, 0, "admin", "admin-preview-only", severity=NOTICE,
                                backend=admin.backend, needs=needs))
    return problems


# -- config.yml ------------------------------------------------------------------------------

def config(project: Project) -> dict:
    """Decap's configuration for this project, as a mapping."""
    settings = project.settings
    zh = is_chinese(settings.language)
    admin = settings.admin
    # In the preview, admin/index.html adds the local backend (`page`): Decap asks it first
    # and, when it answers, edits the project folder through it.
    out: dict = {"backend": _backend(admin)}
    out.update({
        "locale": DECAP_LOCALES.get(settings.language.lower(), DECAP_LOCALES.get(settings.language[:2].lower(), "en")),
        # On GitHub each save is a pull request (Decap's editorial workflow), which the Pages
        # workflow checks and builds, showing every problem before it is merged. Decap's Gitea
        # backend and the local backend save straight to the branch (`simple`).
        "publish_mode": "editorial_workflow" if admin.backend == "github" else "simple",
        # Required by Decap; every collection puts its media beside its files instead.
        "media_folder": f"{_content_folder(project)}/assets",
        "public_folder": "assets",
        "show_preview_links": False,
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
    })
    if settings.site_url:
        out["site_url"] = settings.site_url
    content = _content_folder(project)
    collections = [{
        "name": "brands", "label": _word("brands", zh), "label_singular": _word("brand", zh),
        "folder": "brands", "extension": "yml", "format": "yml", "create": True,
        "identifier_field": "name", "summary": "{{name}}",
        # A brand's id is its file name: lower-case letters, digits and hyphens.
        "slug": "{{fields.name}}" if not zh else "brand-{{year}}{{month}}{{day}}-{{hour}}{{minute}}{{second}}",
        "media_folder": "", "public_folder": "", "editor": NO_PREVIEW,
        "fields": _fields("brand", project, zh),
    }]
    for brand_id, brand in sorted(project.brands.items()):
        collections.append({
            "name": f"stories-{brand_id}", "label": f"{_word('stories', zh)} · {brand.name}",
            "label_singular": _word("story", zh), "folder": f"{content}/{brand_id}", "extension": "md",
            "format": "frontmatter", "create": True, "summary": "{{title}}",
            # A story's id is its file name; Chinese titles give no ASCII slug, so a new
            # story is named by the time it was made (rename the file to change its address).
            "slug": "story-{{year}}{{month}}{{day}}-{{hour}}{{minute}}{{second}}" if zh else "{{slug}}",
            "media_folder": "", "public_folder": "", "sortable_fields": ["title", "date"], "editor": NO_PREVIEW,
            "fields": _fields("story", project, zh) + [_body(zh)],
        })
    collections.append({
        "name": "pages", "label": _word("pages", zh), "label_singular": _word("page", zh),
        "folder": content, "extension": "md", "format": "frontmatter", "create": True,
        "summary": "{{title}}", "slug": "{{slug}}", "media_folder": "", "public_folder": "", "editor": NO_PREVIEW,
        "fields": _fields("page", project, zh) + [_body(zh)],
    })
    out["collections"] = collections
    return out


def _backend(admin: Admin) -> dict:
    if admin.backend == "gitea" or (admin.backend == "local" and admin.base_url and admin.app_id):
        backend = {"name": "gitea", "repo": admin.repo, "branch": admin.branch,
                   "base_url": admin.base_url.rstrip("/"),
                   "api_root": admin.api_root or admin.base_url.rstrip("/") + "/api/v1",
                   "app_id": admin.app_id}
    else:
        # `local`: a GitHub backend Decap never reaches, since the local backend answers first.
        backend = {"name": "github", "repo": admin.repo or "owner/repository", "branch": admin.branch}
        if admin.base_url:
            backend["base_url"] = admin.base_url.rstrip("/")
    return {k: v for k, v in backend.items() if v}


def _content_folder(project: Project) -> str:
    try:
        return project.content_dir.resolve().relative_to(project.root.resolve()).as_posix()
    except ValueError:
        return "content"


def _word(key: str, zh: bool) -> str:
    chinese, english = WORDS[key]
    return chinese if zh else english


def _body(zh: bool) -> dict:
    # Markdown as written, and rich text for who wants it: Decap's rich-text editor rewrites
    # Markdown it does not know (the [[CODE]] marks, attribute lists), so the interface
    # opens in Markdown (themes/admin/lantai-admin.js; Decap itself opens rich text).
    return {"name": "body", "label": LABELS["body"][0 if zh else 1], "widget": "markdown",
            "modes": ["raw", "rich_text"], "required": False}


def _fields(table: str, project: Project, zh: bool) -> list[dict]:
    languages = {t.language for t in project.settings.translations}
    fields = TABLES[table]
    out = []
    for name, spec in fields.items():
        if language_form(name):
            continue
        out.append(_field(table, name, spec, project, zh))
        # name_en … right after name, and only where the site publishes that language: a
        # saved file keeps each translation beside its original (Decap writes in form order).
        out += [_field(table, f"{name}_{language}", fields[f"{name}_{language}"], project, zh)
                for language in sorted(languages) if f"{name}_{language}" in fields]
    return out


def _field(table: str, name: str, spec: Field, project: Project, zh: bool) -> dict:
    base, _, language = name.rpartition("_")
    label_of = LABELS.get(name) or (LABELS[base] if base in LABELS else (name, name))
    label = label_of[0 if zh else 1] + (f" ({language})" if name not in LABELS and base in LABELS else "")
    chinese, english = FORM_HINTS.get((table, name)) or _help(table, name)[::-1]
    field: dict = {"name": name, "label": label, "required": spec.required}
    hint = chinese if zh else english
    if spec.kind == "text-list" and hint:   # Decap's plain list splits what is typed at commas
        hint += "（多项用英文逗号 , 分隔）" if zh else " (separate several with commas)"
    if hint:
        field["hint"] = hint
    field.update(_widget(spec, project, zh))
    return field


def _widget(spec: Field, project: Project, zh: bool) -> dict:
    kind = spec.kind
    if kind == "text":
        return {"widget": "string"}
    if kind in ("summary", "markdown"):
        return {"widget": "text"}
    if kind == "category":
        return {"widget": "select", "options": [{"label": c.name, "value": c.id} for c in project.settings.categories]}
    if kind == "code-kind":
        return {"widget": "select", "options": list(CODE_KINDS)}
    if kind == "edtf":
        return {"widget": "string", "pattern": [EDTF_PATTERN, _word("edtf", zh)]}
    if kind == "url":
        return {"widget": "string", "pattern": [_URL.pattern, _word("url", zh)]}
    if kind == "text-list":
        return {"widget": "list"}
    if kind == "location":
        return {"widget": "list", "min": 2, "max": 2,
                "field": {"name": "value", "label": LABELS["location"][0 if zh else 1],
                          "widget": "number", "value_type": "float"}}
    if kind == "bool":
        return {"widget": "boolean"}   # no default: a switch left alone writes nothing
    if kind == "number":
        return {"widget": "number", "value_type": "float"}
    if kind == "int":
        return {"widget": "number", "value_type": "int"}
    if kind == "image":
        return {"widget": "image", "choose_url": False}
    if kind == "file":
        return {"widget": "file", "choose_url": False}
    if kind == "records":
        return {"widget": "list", "fields": _fields(spec.record, project, zh)}
    if kind == "places":
        return {"widget": "list", "fields": _fields("place", project, zh)}
    if kind == "media":
        return {"widget": "list", "fields": _fields("media", project, zh)}
    raise ValueError(f"no widget for field kind {kind}")


# -- admin/index.html ------------------------------------------------------------------------

def page(project: Project, local_backend: bool = False, favicon: str = "") -> str:
    """The interface's page: Decap's script, from the site itself, and its configuration.

    The configuration is in the page (Decap's manual start, `load_config_file: false`)
    rather than in a config.yml beside it: hosts serve .yml under types Decap refuses to
    read as YAML (MkDocs's own server and many others send application/octet-stream)."""
    settings = project.settings
    zh = is_chinese(settings.language)
    title = html.escape(f"{_word('title', zh)} · {settings.site_name}")
    configuration = {**config(project), "load_config_file": False}
    if local_backend:
        # In the preview: Decap asks the local backend first and, when it answers, edits
        # the project folder through it. Its address is the page's own (the same origin).
        configuration["local_backend"] = {"url": "LOCAL_BACKEND"}
    icon = f'<link rel="icon" href="../{html.escape(favicon)}">\n' if favicon else ""
    data = json.dumps(configuration, ensure_ascii=False, sort_keys=False).replace("<", "\\u003c")
    start = ("var config = JSON.parse(document.getElementById('lantai-cms-config').textContent);\n"
             + ("config.local_backend.url = location.origin + " + json.dumps(API_PATH) + ";\n" if local_backend else "")
             + "CMS.init({config: config});")
    noscript = ("编辑界面需要启用 JavaScript。" if zh else "The editing interface needs JavaScript.")
    return (
        "<!doctype html>\n"
        f'<html lang="{html.escape(settings.language)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="robots" content="noindex, nofollow">\n'
        f"<title>{title}</title>\n{icon}"
        f'<link rel="stylesheet" href="{STYLESHEET}">\n'
        f"</head>\n<body>\n<noscript><p>{noscript}</p></noscript>\n"
        f'<script type="application/json" {CONFIG_ELEMENT}>{data}</script>\n'
        "<script>window.CMS_MANUAL_INIT = true;</script>\n"
        f'<script src="{SCRIPT}"></script>\n'
        f'<script src="{SCRIPT_FOLDER}/decap-cms.js"></script>\n'
        f"<script>\n{start}\n</script>\n"
        "</body>\n</html>\n")


def vendor_files() -> dict[str, Path]:
    """site path → file: Decap's files and Lantai's stylesheet, below admin/."""
    files = {f"{FOLDER}/{SCRIPT_FOLDER}/{path.name}": path for path in sorted(VENDOR_DIR.iterdir())
             if path.is_file() and path.name != "SHA256SUMS"}
    return {**files, **{f"{FOLDER}/{name}": ADMIN_THEME_DIR / name for name in (STYLESHEET, SCRIPT)}}
