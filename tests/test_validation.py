"""Every kind of mistake an editor can make, each reported with its file, line and field.

Each case writes a small project into tmp_path with the helpers below and loads it
with `load_project`, as the plugin does, without building anything.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from lantai.checking import load_project
from lantai.reading.settings import make_settings

BRAND = """\
name: Harbour Trade
archives: [Port Archive]
region: Port Town
category: trade
summary: Ledgers of the port.
"""
STORY = """\
---
title: The typhoon
summary: What the ledgers say.
---

Text.
"""
def _tiny_jpeg() -> bytes:
    import io
    from PIL import Image
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4)).save(buffer, "JPEG")
    return buffer.getvalue()


TINY_JPEG = _tiny_jpeg()  # a real image: files that only claim to be one are reported (images_check)
CATEGORIES = [{"id": "trade", "name": "Trade"}, {"id": "people", "name": "People"}]


def write(root: Path, files: dict[str, str | bytes]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(textwrap.dedent(text), encoding="utf-8")


def load(root: Path, files: dict[str, str | bytes], language: str = "en", with_defaults: bool = True):
    """Write a project (a good brand `trade` and story `trade/typhoon` unless replaced) and load it."""
    base = {"brands/trade.yml": BRAND, "content/trade/typhoon.md": STORY} if with_defaults else {}
    (root / "brands").mkdir(parents=True, exist_ok=True)
    (root / "content").mkdir(exist_ok=True)
    write(root, {**base, **files})
    settings = make_settings("Test", language, {"categories": CATEGORIES})
    return load_project(root, settings)


def both(root: Path, files: dict[str, str | bytes]) -> tuple[list[str], list[str]]:
    """The report of the same project as an English site and as a Chinese site prints it
    (values such as "a list" / "一个列表" are worded when the project is read)."""
    _, english = load(root / "en", files, "en")
    _, chinese = load(root / "zh", files, "zh")
    return lines(english, "en"), lines(chinese, "zh")


def where(problems) -> list[tuple[str, int, str, str]]:
    """(path, line, field, key) of each problem, sorted as the report prints them."""
    return [(p.path, p.line, p.field, p.key) for p in sorted(problems)]


def lines(problems, language: str = "en") -> list[str]:
    return [p.format(language) for p in sorted(problems)]


def test_a_good_project_has_no_problems(tmp_path):
    project, problems = load(tmp_path, {})
    assert problems == []
    assert list(project.brands) == ["trade"] and list(project.stories) == ["trade/typhoon"]


# -- files that cannot be read ------------------------------------------------------------

def test_malformed_brand_yaml(tmp_path):
    _, problems = load(tmp_path, {"brands/trade.yml": BRAND + "tags: [a, b\nbatch: 1\n"})
    (found,) = problems
    assert (found.path, found.key) == ("brands/trade.yml", "yaml-syntax")
    assert found.line in (6, 7)
    assert found.format().startswith(f"brands/trade.yml:{found.line}: the file is not valid YAML (")
    assert "quote text that contains ':'" in found.format()
    assert "不是有效的 YAML" in found.format("zh")


def test_malformed_front_matter(tmp_path):
    _, problems = load(tmp_path, {"content/trade/typhoon.md": "---\ntitle: T\nsummary: a: b\n---\n"})
    assert where(problems) == [("content/trade/typhoon.md", 3, "", "yaml-syntax")]
    assert "mapping values are not allowed here" in problems[0].format()


def test_front_matter_missing(tmp_path):
    _, problems = load(tmp_path, {"content/trade/typhoon.md": "# The typhoon\n\nText.\n"}, language="zh")
    assert lines(problems, "zh") == [
        "content/trade/typhoon.md:1: 故事缺少头部信息；文件应以一行 '---' 开始，写上字段（title、summary 等），再以一行 '---' 结束"]
    assert lines(problems) == [
        "content/trade/typhoon.md:1: the story has no front matter; start the file with a '---' line, "
        "the fields (title, summary …), and another '---' line"]


def test_front_matter_unclosed(tmp_path):
    _, problems = load(tmp_path, {"content/trade/typhoon.md": "---\ntitle: T\nsummary: S\n\nText.\n"})
    assert lines(problems) == [
        "content/trade/typhoon.md:1: the front matter starting on line 1 is never closed; "
        "add a line with only '---' after the last field"]
    assert "头部信息没有结束" in lines(problems, "zh")[0]


@pytest.mark.parametrize("files, expected", [
    ({"brands/trade.yml": "- name: Harbour\n- region: Port\n"}, ("brands/trade.yml", 1, "a list")),
    ({"brands/trade.yml": "Harbour Trade\n"}, ("brands/trade.yml", 1, "the text 'Harbour Trade'")),
    ({"content/trade/typhoon.md": "---\n- title\n---\n"}, ("content/trade/typhoon.md", 2, "a list")),
])
def test_not_a_mapping(tmp_path, files, expected):
    path, line, found = expected
    _, problems = load(tmp_path, files)
    ours = [p for p in problems if p.path == path]
    assert lines(ours) == [f"{path}:{line}: the file must hold fields as 'name: value' lines, found {found}"]


def test_not_a_mapping_in_chinese(tmp_path):
    _, problems = load(tmp_path, {"brands/trade.yml": "- a\n"}, language="zh")
    assert lines(problems, "zh") == ["brands/trade.yml:1: 文件内容应为“字段: 值”形式的若干行，实际是一个列表"]


# -- required fields ----------------------------------------------------------------------

@pytest.mark.parametrize("field, english, chinese", [
    ("name", "name: Harbour Trade Records", "name: 上虞红色记忆"),
    ("archives", "archives: [Port Town Archive]", "archives: [绍兴市上虞区档案馆]"),
    ("region", "region: Port Town", "region: 绍兴市上虞区"),
    ("category", "category: memory", "category: memory"),
    ("summary", "summary: One or two plain sentences.", "summary: 一两句话的简介。"),
])
def test_brand_required_fields(tmp_path, field, english, chinese):
    text = "".join(line + "\n" for line in BRAND.splitlines() if not line.startswith(field + ":"))
    project, problems = load(tmp_path, {"brands/trade.yml": text})
    brand_problems = [p for p in problems if p.path.startswith("brands/")]
    assert lines(brand_problems) == [f"brands/trade.yml:1: {field}: this field is required: {english}"]
    _, chinese_problems = load(tmp_path / "zh", {"brands/trade.yml": text}, language="zh")
    assert lines([p for p in chinese_problems if p.path.startswith("brands/")], "zh") == [
        f"brands/trade.yml:1: {field}: 必填字段缺失：{chinese}"]
    assert "trade" in project.brands  # read whole, so that its other mistakes are reported in the same run
    # The brand's stories are still read and checked; no second "brand file missing" message.
    assert [p for p in problems if p.key == "brand-missing"] == []


def test_required_field_written_empty_is_reported_once_at_its_line(tmp_path):
    _, problems = load(tmp_path, {
        "brands/trade.yml": BRAND.replace("archives: [Port Archive]", "archives: []"),
        "content/trade/typhoon.md": "---\ntitle:\nsummary: ''\n---\n",
    })
    assert lines(problems) == [
        "brands/trade.yml:2: archives: this field is required: archives: [Port Town Archive]",
        "content/trade/typhoon.md:2: title: the text is empty; write it or remove the field",
        "content/trade/typhoon.md:3: summary: the text is empty; write it or remove the field",
    ]


TITLE_REQUIRED = ("content/trade/typhoon.md:2: title: this field is required: title: The typhoon of 1937",
                  "content/trade/typhoon.md:2: title: 必填字段缺失：title: 首个中文全译本")
SUMMARY_REQUIRED = ("content/trade/typhoon.md:2: summary: this field is required: summary: One or two plain sentences.",
                    "content/trade/typhoon.md:2: summary: 必填字段缺失：summary: 一两句话的简介。")


@pytest.mark.parametrize("front, expected", [
    ("summary: S\n", [TITLE_REQUIRED]),
    ("title: T\n", [SUMMARY_REQUIRED]),
    ("", [SUMMARY_REQUIRED, TITLE_REQUIRED]),
])
def test_story_required_fields(tmp_path, front, expected):
    english, chinese = both(tmp_path, {"content/trade/typhoon.md": f"---\n{front}---\nText.\n"})
    assert english == [en for en, _ in expected]
    assert chinese == [zh for _, zh in expected]
    project, _ = load(tmp_path / "again", {"content/trade/typhoon.md": f"---\n{front}---\nText.\n"})
    assert "trade/typhoon" in project.stories  # read whole: its other mistakes are reported too


@pytest.mark.parametrize("item, field, hint", [
    ("    - title: Ledger\n", "items[1].code", "code: SY-0001"),
    ("    - code: PT-1\n", "items[1].title", "title: Harbour master's ledger"),
])
def test_item_required_fields(tmp_path, item, field, hint):
    story = "---\ntitle: T\nsummary: S\nitems:\n" + item.replace("    -", "  -") + "---\n"
    project, problems = load(tmp_path, {"content/trade/typhoon.md": story})
    assert lines(problems) == [f"content/trade/typhoon.md:5: {field}: this field is required: {hint}"]
    assert project.items == {}


# -- values of the wrong kind ----------------------------------------------------------------

def test_mistyped_brand_fields(tmp_path):
    text = """\
    name: [Harbour, Trade]
    archives: {main: Port Archive}
    region: Port Town
    category: trade
    summary: true
    tags: {shipping: yes}
    batch: first
    location: Port Town
    """
    english, chinese = both(tmp_path, {"brands/trade.yml": text})
    assert english == [
        "brands/trade.yml:1: name: expected text, found a list",
        "brands/trade.yml:2: archives: expected a list (one '- value' per line, or [a, b]), found a set of fields",
        "brands/trade.yml:5: summary: expected text, found the boolean True",
        "brands/trade.yml:6: tags: expected a list (one '- value' per line, or [a, b]), found a set of fields",
        "brands/trade.yml:7: batch: expected a number, found the text 'first'",
        "brands/trade.yml:8: location: expected [latitude, longitude] in degrees, for example [30.03, 120.87]; "
        "found Port Town",
    ]
    assert chinese[:5] == [
        "brands/trade.yml:1: name: 应为文字，实际是一个列表",
        "brands/trade.yml:2: archives: 应为列表（每行一个 '- 值'，或写成 [甲, 乙]），实际是若干字段",
        "brands/trade.yml:5: summary: 应为文字，实际是布尔值 True",
        "brands/trade.yml:6: tags: 应为列表（每行一个 '- 值'，或写成 [甲, 乙]），实际是若干字段",
        "brands/trade.yml:7: batch: 应为数字，实际是文字 'first'",
    ]


def test_mistyped_story_fields(tmp_path):
    story = """\
    ---
    title: T
    summary: S
    people: [[Zhang, Li]]
    draft: "yes"
    order: first
    items: SY-0001
    sources: A book
    events:
      - 1920 founded
    places:
      - name: Pier
        location: [22.28]
      - name: Hill
        location: [22.28, "east"]
      - name: Sea
        location: [220, 114]
    ---
    """
    english, chinese = both(tmp_path, {"content/trade/typhoon.md": story})
    assert english == [
        "content/trade/typhoon.md:4: people[1]: expected text, found a list",
        "content/trade/typhoon.md:5: draft: expected true or false, found the text 'yes'",
        "content/trade/typhoon.md:6: order: expected a number, found the text 'first'",
        "content/trade/typhoon.md:7: items: expected a list (one '- value' per line, or [a, b]), found the text 'SY-0001'",
        "content/trade/typhoon.md:8: sources: expected a list (one '- value' per line, or [a, b]), found the text 'A book'",
        "content/trade/typhoon.md:10: events[1]: expected fields ('name: value'), found the text '1920 founded'; "
        "example: date: 1920-08",
        "content/trade/typhoon.md:13: places[1].location: expected [latitude, longitude] in degrees, "
        "for example [30.03, 120.87]; found [22.28]",
        "content/trade/typhoon.md:15: places[2].location: expected [latitude, longitude] in degrees, "
        "for example [30.03, 120.87]; found [22.28, 'east']",
        "content/trade/typhoon.md:17: places[3].location: latitude must be between -90 and 90 and longitude "
        "between -180 and 180; found [220.0, 114.0] (are they swapped?)",
    ]
    assert "纬度应在 -90 到 90 之间" in chinese[-1]
    assert chinese[1] == "content/trade/typhoon.md:5: draft: 应为 true 或 false，实际是文字 'yes'"


def test_a_single_term_is_a_list_of_one(tmp_path):
    project, problems = load(tmp_path, {
        "brands/trade.yml": BRAND.replace("archives: [Port Archive]", "archives: Port Archive") + "tags: shipping\n"})
    assert problems == []
    assert project.brands["trade"].archives == ["Port Archive"] and project.brands["trade"].tags == ["shipping"]


def test_codes_keep_their_digits(tmp_path):
    story = "---\ntitle: T\nsummary: S\nitems:\n  - code: 0012\n    title: 1.10\n---\n"
    project, problems = load(tmp_path, {"content/trade/typhoon.md": story})
    assert problems == []
    assert list(project.items) == ["0012"] and project.items["0012"].title == "1.10"


# -- unknown names ----------------------------------------------------------------------

def test_unknown_field_with_did_you_mean(tmp_path):
    english, chinese = both(tmp_path, {
        "brands/trade.yml": BRAND + "catgory: trade\nwebsite: https://example.org/\n",
        "content/trade/typhoon.md": "---\ntitle: T\nsumary: S\nsummary: S\nsources:\n  - titel: A\n    title: A\n---\n",
    })
    brand_fields = "name, archives, region, category, summary, description, location, cover, tags, batch, sources, links, items"
    assert english == [
        f"brands/trade.yml:6: catgory: unknown field (did you mean 'category'?); the fields here are {brand_fields}",
        f"brands/trade.yml:7: website: unknown field; the fields here are {brand_fields}",
        "content/trade/typhoon.md:3: sumary: unknown field (did you mean 'summary'?); the fields here are "
        "title, summary, date, events, people, places, tags, items, related, sources, cover, draft, order",
        "content/trade/typhoon.md:6: sources[1].titel: unknown field (did you mean 'title'?); "
        "the fields here are title, publisher, date, url",
    ]
    assert chinese[0] == (
        f"brands/trade.yml:6: catgory: 未知字段（是否应为 'category'？）；此处可用的字段为 {brand_fields}")


def test_unknown_category(tmp_path):
    _, problems = load(tmp_path, {"brands/trade.yml": BRAND.replace("category: trade", "category: trde")},
                       language="zh")
    assert lines(problems) == [
        "brands/trade.yml:4: category: 'trde' is not one of trade, people; "
        "use one of them or declare it under 'categories' in mkdocs.yml"]
    assert lines(problems, "zh") == [
        "brands/trade.yml:4: category: 'trde' 不是已声明的分类（trade, people）之一；"
        "请改用其中之一，或在 mkdocs.yml 的 categories 中声明"]


def test_story_folder_without_brand_file(tmp_path):
    _, problems = load(tmp_path, {"content/harbor/one.md": STORY, "content/harbor/two.md": STORY})
    assert lines(problems) == [
        "content/harbor/: the folder content/harbor/ holds stories, but there is no brand file "
        "brands/harbor.yml; add it (python build.py new brand harbor) or move the stories"]
    assert lines(problems, "zh") == [
        "content/harbor/: content/harbor/ 文件夹中有故事，但没有品牌文件 brands/harbor.yml；"
        "请新建（python build.py new brand harbor），或移动这些故事"]


def test_story_too_deep(tmp_path):
    _, problems = load(tmp_path, {"content/trade/1937/typhoon.md": STORY})
    assert where(problems) == [("content/trade/1937/typhoon.md", 0, "", "story-outside-brand")]


def test_unknown_and_self_related(tmp_path):
    story = "---\ntitle: T\nsummary: S\nrelated:\n  - trade\n  - trade/typhoon\n  - trade/nothing\n  - harbor\n---\n"
    _, problems = load(tmp_path, {"content/trade/typhoon.md": story})
    assert lines(problems) == [
        "content/trade/typhoon.md:6: related[2]: a story cannot be related to itself; remove 'trade/typhoon'",
        "content/trade/typhoon.md:7: related[3]: 'trade/nothing' is neither a story (brand-id/story-id) "
        "nor a brand id of this project",
        "content/trade/typhoon.md:8: related[4]: 'harbor' is neither a story (brand-id/story-id) "
        "nor a brand id of this project",
    ]
    assert lines(problems, "zh")[0] == "content/trade/typhoon.md:6: related[2]: 故事不能与自身相关；请删除 'trade/typhoon'"


def test_related_in_one_line_list(tmp_path):
    story = "---\ntitle: T\nsummary: S\nrelated: [trade, nowhere]\n---\n"
    _, problems = load(tmp_path, {"content/trade/typhoon.md": story})
    assert where(problems) == [("content/trade/typhoon.md", 4, "related[2]", "unknown-related")]


def test_duplicate_item_codes_across_files(tmp_path):
    _, problems = load(tmp_path, {
        "brands/trade.yml": BRAND + "items:\n  - code: PT-1\n    title: Ledger\n",
        "content/trade/typhoon.md": "---\ntitle: T\nsummary: S\nitems:\n  - title: Report\n    code: PT-1\n---\n",
        "content/trade/later.md": "---\ntitle: T\nsummary: S\nitems:\n  - code: PT-2\n    title: A\n"
                                  "  - code: PT-2\n    title: B\n---\n",
    }, language="zh")
    assert lines(problems) == [
        "content/trade/later.md:7: items.code: reference code 'PT-2' is already used by "
        "content/trade/later.md:5; every item needs its own code",
        "content/trade/typhoon.md:5: items.code: reference code 'PT-1' is already used by "
        "brands/trade.yml:7; every item needs its own code",
    ]
    assert lines(problems, "zh")[1] == (
        "content/trade/typhoon.md:5: items.code: 档号 'PT-1' 已被 brands/trade.yml:7 使用；每个档案条目的档号必须唯一")


def test_unknown_item_marker_names_the_body_line(tmp_path):
    story = textwrap.dedent("""\
    ---
    title: T
    summary: S
    items:
      - code: PT-2
        title: Report
    ---

    The report [[PT-2]] is known.

    [[PT-9]]

    ```
    [[IN-CODE]] is only an example
    ```

    A sentence with [[ PT-3 ]] in it.
    """)
    _, problems = load(tmp_path, {
        "content/trade/typhoon.md": story,
        "brands/trade.yml": BRAND + "description: |\n  Intro.\n\n  [[PT-8]]\n",
    })
    assert lines(problems) == [
        "brands/trade.yml:9: description: '[[PT-8]]' names no archive item of this project; "
        "check the reference code or add the item to the story's or brand's 'items'",
        "content/trade/typhoon.md:11: '[[PT-9]]' names no archive item of this project; "
        "check the reference code or add the item to the story's or brand's 'items'",
        "content/trade/typhoon.md:17: '[[PT-3]]' names no archive item of this project; "
        "check the reference code or add the item to the story's or brand's 'items'",
    ]
    assert lines(problems, "zh")[1] == (
        "content/trade/typhoon.md:11: '[[PT-9]]' 所指的档案条目不存在；请核对档号，或在故事或品牌的 items 中添加该条目")


# -- files named by the editor ----------------------------------------------------------------

def test_missing_media_and_cover(tmp_path):
    story = "---\ntitle: T\nsummary: S\ncover: typhon.jpg\nitems:\n  - code: PT-2\n    title: R\n" \
            "    media:\n      - report.jpg\n      - file: scan.png\n        caption: Scan\n---\n"
    _, problems = load(tmp_path, {
        "content/trade/typhoon.md": story,
        "content/trade/report.jpg": TINY_JPEG,
        "brands/trade.yml": BRAND + "cover: trade-cover.png\n",
    })
    found = where(problems)
    assert found == [
        ("brands/trade.yml", 6, "cover", "missing-file"),
        ("content/trade/typhoon.md", 4, "cover", "missing-file"),
        ("content/trade/typhoon.md", 10, "items[1].media[2].file", "missing-file"),
    ]
    text = lines(problems)
    assert text[1].startswith("content/trade/typhoon.md:4: cover: the file 'typhon.jpg' does not exist (looked for ")
    assert text[1].endswith(str(tmp_path / "content/trade/typhon.jpg") + "); check the name and that it sits next to typhoon.md")
    assert lines(problems, "zh")[2].startswith(
        "content/trade/typhoon.md:10: items[1].media[2].file: 文件 'scan.png' 不存在（查找位置：")


def test_media_outside_the_project_is_refused_as_such(tmp_path):
    # A file outside the project is not "missing": it is refused for being outside (issue 13).
    story = "---\ntitle: T\nsummary: S\ncover: /etc/x.jpg\nitems:\n  - code: P\n    title: R\n" \
            "    media: [https://example.org/a.jpg, ../../../x.jpg]\n---\n"
    _, problems = load(tmp_path, {"content/trade/typhoon.md": story})
    assert where(problems) == [("content/trade/typhoon.md", 4, "cover", "outside-project"),
                               ("content/trade/typhoon.md", 8, "items[1].media[1].file", "missing-file"),
                               ("content/trade/typhoon.md", 8, "items[1].media[2].file", "outside-project")]


def test_bad_media_kind(tmp_path):
    story = textwrap.dedent("""\
    ---
    title: T
    summary: S
    cover: notes.pdf
    items:
      - code: PT-2
        title: R
        media:
          - file: notes.docx
          - file: talk.mp3
            transcript: talk.pdf
          - file: photo.jpg
            transcript: talk.txt
    ---
    """)
    _, problems = load(tmp_path, {
        "content/trade/typhoon.md": story,
        **{f"content/trade/{name}": b"x" for name in ("notes.pdf", "notes.docx", "talk.mp3", "talk.pdf",
                                                       "photo.jpg", "talk.txt")},
        "content/trade/photo.jpg": TINY_JPEG,
    })
    kinds = ("an image (.jpg .png .webp .gif .svg), audio (.mp3 .m4a .ogg .wav), video (.mp4 .webm) or a PDF")
    assert lines(problems) == [
        f"content/trade/typhoon.md:4: cover: 'notes.pdf' is not a kind of file the exhibition can show; use {kinds}",
        f"content/trade/typhoon.md:9: items[1].media[1].file: 'notes.docx' is not a kind of file the exhibition "
        f"can show; use {kinds}",
        "content/trade/typhoon.md:11: items[1].media[2].transcript: a transcript must be a text (.txt) or "
        "WebVTT (.vtt) file that goes with audio or video; found 'talk.pdf'",
        "content/trade/typhoon.md:13: items[1].media[3].transcript: a transcript must be a text (.txt) or "
        "WebVTT (.vtt) file that goes with audio or video; found 'talk.txt'",
    ]
    assert lines(problems, "zh")[1].startswith(
        "content/trade/typhoon.md:9: items[1].media[1].file: 'notes.docx' 不是展览可展示的文件类型")


# -- ids ---------------------------------------------------------------------------------------

def test_invalid_and_reserved_ids(tmp_path):
    _, problems = load(tmp_path, {
        "brands/Harbour_Trade.yml": BRAND,
        "brands/timeline.yml": BRAND,
        "content/trade/Typhoon 1937.md": STORY,
        "content/trade/index.md": STORY,
        "content/trade/map.md": STORY,  # /trade/map/ collides with nothing
        "content/search.md": "# Search\n",
        "content/About Us.md": "# About\n",
    })
    reserved = "categories, timeline, map, items, tags, search, data, assets"
    assert lines(problems) == [
        "brands/Harbour_Trade.yml:1: 'Harbour_Trade' cannot be an id: use lower-case ASCII letters, digits and "
        "hyphens, for example shangyu-red-memory; rename the brand file",
        f"brands/timeline.yml:1: 'timeline' is reserved for the site's own pages ({reserved}); rename the brand file",
        "content/About Us.md: 'About Us' cannot be an id: use lower-case ASCII letters, digits and hyphens, "
        "for example shangyu-red-memory; rename the page file",
        "content/search.md: the free page 'search' would take the address of the site's own "
        f"{reserved} pages; rename the file",
        "content/trade/Typhoon 1937.md:1: 'Typhoon 1937' cannot be an id: use lower-case ASCII letters, digits "
        "and hyphens, for example shangyu-red-memory; rename the story file",
        "content/trade/index.md:1: 'index' is reserved for the site's own pages (index); rename the story file",
    ]


def test_ids_in_chinese(tmp_path):
    _, problems = load(tmp_path, {"brands/上虞.yml": BRAND, "brands/data.yml": BRAND, "content/tags.md": "x\n"},
                       language="zh")
    assert lines(problems, "zh") == [
        "brands/data.yml:1: 'data' 是网站保留地址（categories, timeline, map, items, tags, search, data, assets）；请重命名该品牌文件",
        "brands/上虞.yml:1: '上虞' 不能用作标识：只能使用小写英文字母、数字和连字符，例如 shangyu-red-memory；请重命名该品牌文件",
        "content/tags.md: 自由页面 'tags' 与网站保留地址 categories, timeline, map, items, tags, search, data, assets 冲突；请重命名该文件",
    ]


# -- addresses and dates -------------------------------------------------------------------------

def test_bad_urls(tmp_path):
    _, problems = load(tmp_path, {
        "brands/trade.yml": BRAND + "links:\n  - title: Archive\n    url: www.example.org\n"
                                    "  - title: Script\n    url: javascript:alert(1)\n",
        "content/trade/typhoon.md": "---\ntitle: T\nsummary: S\nsources:\n  - title: A\n    url: example.org/a b\n---\n",
    }, language="zh")
    assert lines(problems) == [
        "brands/trade.yml:8: links[1].url: 'www.example.org' is not a web address; write it in full, "
        "starting with https:// or http://",
        "brands/trade.yml:10: links[2].url: 'javascript:alert(1)' is not a web address; write it in full, "
        "starting with https:// or http://",
        "content/trade/typhoon.md:6: sources[1].url: 'example.org/a b' is not a web address; write it in full, "
        "starting with https:// or http://",
    ]
    assert lines(problems, "zh")[0] == (
        "brands/trade.yml:8: links[1].url: 'www.example.org' 不是网址；请写完整，以 https:// 或 http:// 开头")


def test_bad_dates_everywhere(tmp_path):
    story = textwrap.dedent("""\
    ---
    title: T
    summary: S
    date: 1920-13
    events:
      - date: 1956/1950
        title: Reversed
      - date: true
        title: Not a date
    sources:
      - title: Book
        date: last year
    items:
      - code: PT-2
        title: R
        date: 1937-9
    ---
    """)
    _, problems = load(tmp_path, {
        "content/trade/typhoon.md": story,
        "brands/trade.yml": BRAND + "items:\n  - code: PT-1\n    title: Ledger\n    date: 2025-02-29\n",
    })
    expected = "is not a date in EDTF; write for example 1920, 1920-08, 1956-01-29, 1956/1960, 1920~ (about) or 1920? (uncertain)"
    assert lines(problems) == [
        f"brands/trade.yml:9: items[1].date: '2025-02-29' {expected}",
        f"content/trade/typhoon.md:4: date: '1920-13' {expected}",
        f"content/trade/typhoon.md:6: events[1].date: '1956/1950' {expected}",
        f"content/trade/typhoon.md:8: events[2].date: 'True' {expected}",
        f"content/trade/typhoon.md:12: sources[1].date: 'last year' {expected}",
        f"content/trade/typhoon.md:16: items[1].date: '1937-9' {expected}",
    ]
    assert lines(problems, "zh")[1] == (
        "content/trade/typhoon.md:4: date: '1920-13' 不是 EDTF 格式的日期；可写作 1920、1920-08、1956-01-29、"
        "1956/1960、1920~（约）或 1920?（存疑）")


def test_every_problem_in_one_run(tmp_path):
    """Nothing stops at the first mistake: files with errors and good files are all read."""
    _, problems = load(tmp_path, {
        "brands/trade.yml": BRAND.replace("category: trade", "category: trad"),
        "brands/families.yml": "name: [\n",
        "content/trade/typhoon.md": "---\ntitle: T\nsummary: S\ndate: soon\n---\n\n[[NONE]]\n",
        "content/trade/other.md": "no front matter\n",
    })
    assert where(problems) == [
        ("brands/families.yml", 2, "", "yaml-syntax"),
        ("brands/trade.yml", 4, "category", "unknown-category"),
        ("content/trade/other.md", 1, "", "front-matter-missing"),
        ("content/trade/typhoon.md", 4, "date", "edtf"),
        ("content/trade/typhoon.md", 7, "", "unknown-code"),
    ]


def test_a_project_without_brands_or_folders(tmp_path):
    settings = make_settings("Test", "en", {})
    _, problems = load_project(tmp_path, settings)
    assert lines(problems) == [
        "brands/: the folder brands/ is missing; a project holds mkdocs.yml, brands/ and content/",
        "content/: the folder content/ is missing; a project holds mkdocs.yml, brands/ and content/",
    ]
    (tmp_path / "brands").mkdir()
    (tmp_path / "content").mkdir()
    _, problems = load_project(tmp_path, settings)
    assert lines(problems) == ["brands/: the project has no brand files; add one with: python build.py new brand <brand-id>"]


def test_bad_categories_in_settings(tmp_path):
    write(tmp_path, {"brands/trade.yml": BRAND})
    (tmp_path / "content").mkdir()
    settings = make_settings("Test", "en", {"categories": [{"id": "trade"}, {"id": "trade"}, {"id": "Big Ships"},
                                                          {"name": "People"}]})
    _, problems = load_project(tmp_path, settings)
    assert lines(problems) == [
        "mkdocs.yml: categories[2].id: the category id 'trade' is declared twice",
        "mkdocs.yml: categories[3].id: 'Big Ships' cannot be an id: use lower-case ASCII letters, digits and "
        "hyphens, for example shangyu-red-memory; rename the category",
        "mkdocs.yml: categories[4].id: this field is required: id: memory",
    ]


def test_a_multi_line_summary_is_a_warning(tmp_path):
    from lantai.problems import WARNING
    _, problems = load(tmp_path, {"content/trade/typhoon.md": "---\ntitle: T\nsummary: |\n  One.\n  Two.\n---\n"})
    assert where(problems) == [("content/trade/typhoon.md", 3, "summary", "text-single-line")]
    assert problems[0].severity == WARNING


def test_markers_shown_as_examples_are_not_checked(tmp_path):
    """The scaffold and editors show the syntax in comments and code; only real markers count."""
    story = ("---\ntitle: T\nsummary: S\n---\n\n<!-- write [[CODE]] on a line of its own,\n"
             "for example [[XX-0002]] -->\n\nUse `[[SY-0001]]` inline.\n\n```\n[[IN-FENCE]]\n```\n\n[[REAL]]\n")
    _, problems = load(tmp_path, {"content/trade/typhoon.md": story})
    assert where(problems) == [("content/trade/typhoon.md", 15, "", "unknown-code")]


def test_a_field_written_twice(tmp_path):
    english, chinese = both(tmp_path, {
        "brands/trade.yml": BRAND + "region: Harbour District\n",
        "content/trade/typhoon.md": "---\ntitle: T\nsummary: S\ntitle: U\n---\n",
    })
    assert english == [
        "brands/trade.yml:6: region: the field is written twice (first on line 3); keep one",
        "content/trade/typhoon.md:4: title: the field is written twice (first on line 2); keep one",
    ]
    assert chinese[1] == "content/trade/typhoon.md:4: title: 字段重复出现（第一次在第 2 行）；请只保留一个"


def test_dates_are_kept_as_written(tmp_path):
    story = "---\ntitle: T\nsummary: S\ndate: 1956-01-29\nevents:\n  - date: 1920\n    title: E\n---\n"
    project, problems = load(tmp_path, {"content/trade/typhoon.md": story})
    assert problems == []
    story = project.stories["trade/typhoon"]
    assert story.date == "1956-01-29" and story.events[0].date == "1920"


def test_two_pages_at_one_address(tmp_path):
    """Item codes that differ only in case or punctuation, and a free page named like a brand."""
    english, chinese = both(tmp_path, {
        "brands/trade.yml": BRAND + "items:\n  - code: PT-0001\n    title: Ledger\n",
        "content/trade/typhoon.md": "---\ntitle: T\nsummary: S\nitems:\n  - code: pt 0001\n    title: Report\n---\n\n"
                                    "[[pt 0001]] and [[PT-0001]]\n",
        "content/trade.md": "---\ntitle: Trade\n---\n",
    })
    assert english == [
        "content/trade.md: the free page 'trade' would take the address of the brand in brands/trade.yml; "
        "rename the file",
        "content/trade/typhoon.md:5: items.code: reference code 'pt 0001' gives the same page address, "
        "items/pt-0001/, as 'PT-0001' (brands/trade.yml:7); change one of the codes so that they differ in more "
        "than case and punctuation",
    ]
    assert chinese == [
        "content/trade.md: 自由页面 'trade' 与品牌 brands/trade.yml 的页面地址冲突；请重命名该文件",
        "content/trade/typhoon.md:5: items.code: 档号 'pt 0001' 与 'PT-0001'（brands/trade.yml:7）对应同一个页面地址 "
        "items/pt-0001/；请修改其中一个档号，使两者不只是大小写或标点不同",
    ]


def test_a_failed_record_does_not_hide_its_item_codes(tmp_path):
    """A brand missing its summary is one mistake, not also an unknown [[CODE]] in a story."""
    _, problems = load(tmp_path, {
        "brands/trade.yml": BRAND.replace("summary: Ledgers of the port.\n", "") +
                            "items:\n  - code: PT-1\n    title: Ledger\n",
        "content/trade/typhoon.md": "---\ntitle: T\nsummary: S\nitems:\n  - code: PT-1\n    title: Copy\n---\n\n"
                                    "The ledger [[PT-1]].\n",
        "content/trade/draft.md": "---\nsummary: No title yet\nitems:\n  - code: PT-2\n    title: Letter\n---\n",
        "content/trade/later.md": "---\ntitle: T\nsummary: S\n---\n\n[[PT-2]]\n",
    })
    assert where(problems) == [
        ("brands/trade.yml", 1, "summary", "required"),
        ("content/trade/draft.md", 2, "title", "required"),
        ("content/trade/typhoon.md", 5, "items.code", "duplicate-code"),
    ]


def test_files_not_saved_as_utf8(tmp_path):
    """Chinese text saved as GBK by an older editor is reported, not published as �."""
    story = "---\ntitle: 台风\nsummary: 港口的账簿。\n---\n\n正文。\n".encode("gbk")
    brand = BRAND.replace("Port Town", "港城").encode("gbk")
    english, chinese = both(tmp_path, {"content/trade/typhoon.md": story, "brands/trade.yml": brand,
                                       "content/about.md": "# 关于\n".encode("gbk"),
                                       "content/index.md": "欢迎\n".encode("gbk")})
    assert english == [
        "brands/trade.yml:3: the file is not saved as UTF-8 (this line holds bytes that cannot be read); "
        "save it again with the UTF-8 encoding",
        "content/about.md:1: the file is not saved as UTF-8 (this line holds bytes that cannot be read); "
        "save it again with the UTF-8 encoding",
        "content/index.md:1: the file is not saved as UTF-8 (this line holds bytes that cannot be read); "
        "save it again with the UTF-8 encoding",
        "content/trade/typhoon.md:2: the file is not saved as UTF-8 (this line holds bytes that cannot be read); "
        "save it again with the UTF-8 encoding",
    ]
    assert chinese[3] == ("content/trade/typhoon.md:2: 文件不是 UTF-8 编码（本行有无法识别的字节）；"
                          "请用 UTF-8 编码重新保存（如在“另存为”时选择 UTF-8）")
