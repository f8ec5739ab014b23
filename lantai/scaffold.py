"""`python build.py new brand|story|catalogue`: a new file with every field present and explained.

Editors are not programmers: the scaffold is the format's documentation at the point of
use. Required fields hold a value that `check` refuses (待填写 / TO FILL IN), so a
forgotten field cannot be published by mistake; optional fields are commented out.
"""

from __future__ import annotations

import sys
from pathlib import Path

from .model import ID_PATTERN, RESERVED_IDS
from .problems import is_chinese
from .reading.project import STORY_RESERVED_IDS

PLACEHOLDER = {"zh": "待填写", "en": "TO FILL IN"}

BRAND_ZH = """\
# 品牌文件：{id}。每个字段的说明见 docs/editor-guide.md。
# 以 # 开头的行是注释；去掉行首的 # 即可启用可选字段。

# 必填 ——————————————————————————————
name: {todo}                     # 品牌名称，如：上虞红色记忆
archives: [{todo}]               # 馆藏单位，可写多个：[台州市档案馆, 台州市椒江区档案馆]
region: {todo}                   # 所属地区，如：绍兴市上虞区
category: {category}                # 分类标识，可选：{categories}
summary: {todo}                  # 一两句纯文字简介，显示在卡片和搜索结果中

# 选填 ——————————————————————————————
# description: |                 # 品牌介绍，可用 Markdown；[[档号]] 单独一行可插入档案卡片
#   第一段介绍……
# location: [30.03, 120.87]      # [纬度, 经度]，用于地图
# cover: cover.jpg               # 封面图片，相对于本文件；不写则自动生成封面
# tags: [红色档案, 口述历史]       # 主题词
# batch: 1                       # 入选第几批
# sources:                       # 资料来源：每条事实都应有出处
#   - title: 报道或文献标题
#     publisher: 发布机构
#     date: 2023-09-21
#     url: https://example.org/
# links:                         # 相关链接
#   - title: 链接标题
#     url: https://example.org/
# items:                         # 属于本品牌（而非某个故事）的档案条目
#   - code: XX-0001              # 档号，全项目唯一
#     title: 题名
#     date: 1920                 # EDTF 日期：1920、1920-08、1956/1960、1920~（约）、1920?（存疑）
#     creator: 责任者
#     holder: 馆藏单位            # 不写则为 archives 中的第一个
#     type: 文书                 # 文书、照片、音频、视频、实物、口述、图书……
#     description: 描述，可用 Markdown
#     media:
#       - file: photo.jpg
#         caption: 图片说明
#     rights: 权利说明
"""

BRAND_EN = """\
# Brand file: {id}. Every field is explained in docs/editor-guide.md.
# Lines starting with # are comments; remove the # to use an optional field.

# Required ----------------------------------------------------------------
name: {todo}                     # the brand's name as published
archives: [{todo}]               # holding institutions: [City Archive, District Archive]
region: {todo}                   # the place it belongs to
category: {category}                # category id, one of: {categories}
summary: {todo}                  # one or two plain sentences, shown on cards and in search

# Optional ----------------------------------------------------------------
# description: |                 # the brand's introduction, Markdown; [[CODE]] alone on a line shows an item card
#   First paragraph...
# location: [22.28, 114.16]      # [latitude, longitude], for the map
# cover: cover.jpg               # image relative to this file; generated cover art when absent
# tags: [shipping, oral history] # subject terms
# batch: 1                       # which batch of recognised brands it was named in
# sources:                       # every factual claim rests on a source named here
#   - title: Title of the report or document
#     publisher: Publisher
#     date: 2023-09-21
#     url: https://example.org/
# links:
#   - title: Link title
#     url: https://example.org/
# items:                         # archive items of the brand rather than of one story
#   - code: XX-0001              # reference code, unique in the project
#     title: Title
#     date: 1920                 # EDTF: 1920, 1920-08, 1956/1960, 1920~ (about), 1920? (uncertain)
#     creator: Creator
#     holder: Holding archive    # defaults to the first of archives
#     type: letter
#     description: Markdown
#     media:
#       - file: photo.jpg
#         caption: Caption
#     rights: Rights statement
"""

STORY_ZH = """\
---
# 故事：{key}。每个字段的说明见 docs/editor-guide.md。
# 必填 ——————————————————————————————
title: {todo}                    # 故事标题
summary: {todo}                  # 一两句纯文字简介
# 选填 ——————————————————————————————
# date: 1920-08                  # 故事所讲的时间（EDTF）：1920、1920-08、1956/1960、1920~（约）、1920?（存疑）
# events:                        # 大事记，显示在时间线上
#   - date: 1920-08
#     title: 事件标题
#     text: 一两句说明
# people: [人物甲, 人物乙]
# places:                        # 地点；写上坐标即可显示在地图上
#   - 地名
#   - name: 大陈岛
#     location: [28.46, 121.89]
# tags: [主题词]
# items:                         # 随本故事展示的档案条目；正文中单独一行写 [[档号]] 即可插入卡片
#   - code: XX-0002
#     title: 题名
#     type: 照片
# related: [{brand}]             # 相关故事（品牌标识/故事标识）或品牌标识
# sources:
#   - title: 资料来源标题
#     publisher: 发布机构
#     date: 2023-09-21
# cover: cover.jpg               # 封面图片，相对于本文件
# draft: true                    # 草稿：预览（serve）时可见，发布时不出现
# order: 1                       # 在品牌内的排序，数字小的在前
---

在这里用 Markdown 写正文。用“## 小标题”分节。

<!-- 插入档案卡片：单独一行写 [[档号]]，例如 [[XX-0002]] -->
"""

STORY_EN = """\
---
# Story: {key}. Every field is explained in docs/editor-guide.md.
# Required ----------------------------------------------------------------
title: {todo}                    # the story's title
summary: {todo}                  # one or two plain sentences
# Optional ----------------------------------------------------------------
# date: 1920-08                  # the date the story is about (EDTF): 1920, 1920-08, 1956/1960, 1920~, 1920?
# events:                        # timeline entries
#   - date: 1920-08
#     title: Event title
#     text: A sentence or two
# people: [A person, Another]
# places:                        # a place with a location appears on the map
#   - A place name
#   - name: Harbour
#     location: [22.28, 114.16]
# tags: [subject]
# items:                         # archive items shown with the story; [[CODE]] alone on a line places a card
#   - code: XX-0002
#     title: Title
#     type: photograph
# related: [{brand}]             # related stories (brand-id/story-id) or brand ids
# sources:
#   - title: Source title
#     publisher: Publisher
#     date: 2023-09-21
# cover: cover.jpg               # image relative to this file
# draft: true                    # shown in `serve`, left out of a published build
# order: 1                       # position among the brand's stories
---

Write the story here in Markdown. Use "## Heading" for sections.

<!-- To show an archive item's card, write [[CODE]] on a line of its own, e.g. [[XX-0002]] -->
"""


def new_file(config_file: Path, kind: str, identifier: str) -> int:
    from .reading.config_file import ConfigError
    root = config_file.resolve().parent
    from .reading.json_schema import modeline, write_schemas
    try:
        settings = _project_settings(config_file)
    except ConfigError as error:
        print(str(error), file=sys.stderr)
        return 1
    language, categories = settings.language, [c.id for c in settings.categories]
    zh = is_chinese(language)
    if kind == "schemas":
        changed = write_schemas(root, settings)
        names = ", ".join(p.relative_to(root).as_posix() for p in changed) or ("无" if zh else "none")
        print(f"schemas/ 已更新（改动：{names}）；品牌文件第一行的 yaml-language-server 注释指向它们" if zh else
              f"schemas/ is up to date (changed: {names}); a brand file's yaml-language-server first line points at them")
        return 0
    todo = PLACEHOLDER["zh" if zh else "en"]
    if kind == "brand":
        problem = _bad_id(identifier, zh)
        target = root / "brands" / f"{identifier}.yml"
        template = BRAND_ZH if zh else BRAND_EN
        # The first line lets VS Code's YAML extension complete and check the file as it is typed.
        text = modeline(target, root) + template.format(id=identifier, todo=todo, category=todo,
                                                        categories=", ".join(categories) or "-")
    else:
        brand, _, story = identifier.partition("/")
        problem = _bad_id(brand, zh) or _bad_id(story, zh, STORY_RESERVED_IDS) if story else (
            "请写成 品牌标识/故事标识，例如 shangyu-red-memory/manifesto" if zh
            else "write it as brand-id/story-id, for example harbour-trade/typhoon-1937")
        target = root / "content" / brand / f"{story}.md"
        if not problem and not (root / "brands" / f"{brand}.yml").is_file():
            problem = (f"没有品牌文件 brands/{brand}.yml；请先运行 python build.py new brand {brand}" if zh
                       else f"there is no brand file brands/{brand}.yml; first run: python build.py new brand {brand}")
        template = STORY_ZH if zh else STORY_EN
        text = template.format(key=identifier, todo=todo, brand=brand)
    if problem:
        print(f"{identifier}: {problem}", file=sys.stderr)
        return 2
    if target.exists():
        print((f"{target.relative_to(root)} 已存在，未覆盖" if zh else
               f"{target.relative_to(root)} already exists; nothing was written"), file=sys.stderr)
        return 1
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    if kind == "brand":
        write_schemas(root, settings)   # what the first line points at
    relative = target.relative_to(root).as_posix()
    print(f"已新建 {relative}：请填写标为“{todo}”的字段，然后运行 python build.py check" if zh else
          f"Wrote {relative}: fill in the fields marked {todo}, then run python build.py check")
    return 0


def _bad_id(value: str, zh: bool, reserved: tuple[str, ...] = RESERVED_IDS) -> str | None:
    if not ID_PATTERN.match(value):
        return (f"'{value}' 不能用作标识：只能使用小写英文字母、数字和连字符" if zh else
                f"'{value}' cannot be an id: use lower-case ASCII letters, digits and hyphens")
    if value in reserved:
        return f"'{value}' 是网站保留地址" if zh else f"'{value}' is reserved for the site's own pages"
    return None


def _project_settings(config_file: Path):
    """Read just enough of mkdocs.yml (without building) to word the scaffold."""
    from .reading.config_file import lantai_options, read_config  # a safe reading: no site engine, no code run
    from .reading.settings import make_settings
    raw = read_config(config_file)
    theme = raw.get("theme") if isinstance(raw.get("theme"), dict) else {}
    options = lantai_options(raw) or {}
    return make_settings(str(raw.get("site_name", "")), theme.get("language") or "en", options)


def _project_language_and_categories(config_file: Path) -> tuple[str, list[str]]:
    settings = _project_settings(config_file)
    return settings.language, [c.id for c in settings.categories]


# `new catalogue`: an example sheet with the columns Lantai understands without a map
# (lantai/reading/catalogue.py), DA/T 18's for a Chinese site and Dublin Core's for an English
# one, a column of the archive's own (kept and shown as it is), and rows that pass `check`:
# dates in the forms archive systems export, one row held back to show that it is never
# published. Made up for the example: replace the rows with the archive's own.
CATALOGUE_ZH = (
    ("档号", "题名", "责任者", "日期", "保管单位", "载体", "权利", "文件", "品牌", "开放标识", "密级", "保管期限"),
    [
        ("X000-WS·2024-Y-0001", "示例条目：请用本馆的档案目录替换本表各行", "示例单位", "20240115", "示例档案馆",
         "文书", "", "", "", "开放", "", "永久"),
        ("X000-WS·2024-Y-0002", "示例条目：日期也可写作 2024.03.08 或 2024-3-8", "示例单位", "2024.03.08", "示例档案馆",
         "照片", "", "", "", "开放", "", "30年"),
        ("X000-WS·2024-Y-0003", "示例条目：开放标识为“不开放”或“控制”、密级有值的行不会发布", "示例单位", "2024-3-8",
         "示例档案馆", "文书", "", "", "", "不开放", "", "永久"),
    ],
)
CATALOGUE_EN = (
    ("identifier", "title", "creator", "date", "holder", "type", "rights", "file", "brand", "open",
     "classification", "retention period"),
    [
        ("X000-WS·2024-Y-0001", "Example row: replace the rows of this sheet with the archive's own catalogue",
         "Example office", "20240115", "Example Archive", "letter", "", "", "", "yes", "", "permanent"),
        ("X000-WS·2024-Y-0002", "Example row: a date may also be written 2024.03.08 or 2024-3-8", "Example office",
         "2024.03.08", "Example Archive", "photograph", "", "", "", "yes", "", "30 years"),
        ("X000-WS·2024-Y-0003", "Example row: a row whose open is no, or that has a classification, is never "
         "published", "Example office", "2024-3-8", "Example Archive", "letter", "", "", "", "no", "", "permanent"),
    ],
)


def new_catalogue(config_file: Path, name: str) -> int:
    """`new catalogue [name]`: catalogue/<name>.xlsx (the catalogue folder of the settings)."""
    from .reading.config_file import ConfigError, lantai_options, read_config
    from .workbooks import workbook_bytes
    root = config_file.resolve().parent
    try:
        language, _ = _project_language_and_categories(config_file)
        folder = str((lantai_options(read_config(config_file)) or {}).get("catalogue") or "catalogue")
    except ConfigError as error:
        print(str(error), file=sys.stderr)
        return 1
    zh = is_chinese(language)
    if not ID_PATTERN.match(name):
        print(f"{name}: " + (_bad_id(name, zh) or ""), file=sys.stderr)
        return 2
    target = root / folder / f"{name}.xlsx"
    if target.exists():
        print((f"{target.relative_to(root)} 已存在，未覆盖" if zh else
               f"{target.relative_to(root)} already exists; nothing was written"), file=sys.stderr)
        return 1
    columns, rows = CATALOGUE_ZH if zh else CATALOGUE_EN
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(workbook_bytes("目录" if zh else "Catalogue", columns, rows,
                                      title="档案目录示例" if zh else "Example catalogue"))
    relative = target.relative_to(root).as_posix()
    print(f"已新建 {relative}：用本馆的档案目录替换其中的示例行（第一行是列名），然后运行 python build.py check" if zh else
          f"Wrote {relative}: replace its example rows with the archive's catalogue (the first row names the "
          "columns), then run python build.py check")
    return 0
