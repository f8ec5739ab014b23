"""Reading editors' YAML and front matter: lines are kept, dates stay text, duplicates are reported."""

from lantai.reading.loading import LinedDict, LinedList, load_yaml, source_text, split_front_matter


def test_every_key_and_element_knows_its_line():
    text = (
        "name: 上虞红色记忆\n"          # 1
        "archives:\n"                 # 2
        "  - 绍兴市上虞区档案馆\n"       # 3
        "  - 上虞区图书馆\n"            # 4
        "items:\n"                    # 5
        "  - code: SY-0001\n"         # 6
        "    title: 宣言\n"            # 7
        "    media:\n"                # 8
        "      - file: a.jpg\n"       # 9
        "        caption: 封面\n"      # 10
        "location: [30.03, 120.87]\n"  # 11
    )
    loaded = load_yaml(text, "brands/shangyu.yml")
    assert loaded.problems == []
    data = loaded.data
    assert isinstance(data, LinedDict) and data.line == 1
    assert {key: data.line_of(key) for key in data} == {"name": 1, "archives": 2, "items": 5, "location": 11}
    assert isinstance(data["archives"], LinedList)
    assert data["archives"].lines == [3, 4]
    item = data["items"][0]
    assert item.line == 6 and item.line_of("title") == 7 and item.line_of("media") == 8
    media = item["media"]
    assert media.line_of(0) == 9 and media[0].line_of("caption") == 10
    assert data["location"].line == 11 and data["location"].lines == [11, 11]


def test_a_missing_key_falls_back_to_the_mapping_line():
    data = load_yaml("a: 1\nb:\n  c: 2\n", "x.yml").data
    assert data["b"].line == 3 and data["b"].line_of("nothing") == 3


def test_dates_stay_text():
    data = load_yaml("a: 1956-01-29\nb: 1920-08\nc: 1956/1960\nd: 2001-01-01 10:00:00\n", "x.yml").data
    assert data == {"a": "1956-01-29", "b": "1920-08", "c": "1956/1960", "d": "2001-01-01 10:00:00"}
    assert all(isinstance(value, str) for value in data.values())


def test_numbers_remember_how_they_were_written():
    # YAML 1.1 reads 0012 as the octal number 10; an archive code must stay 0012.
    data = load_yaml("code: 0012\nversion: 1.10\nyear: 1920\n", "x.yml").data
    assert data["code"] == 10 and source_text(data["code"]) == "0012"
    assert source_text(data["version"]) == "1.10"
    assert data["year"] == 1920 and source_text(data["year"]) == "1920"
    assert source_text("plain") == "plain"


def test_duplicate_keys_are_reported_with_both_lines():
    loaded = load_yaml("title: A\nsummary: S\ntitle: B\nnested:\n  x: 1\n  x: 2\n", "content/a/s.md")
    assert loaded.data["title"] == "B"
    assert [p.format() for p in loaded.problems] == [
        "content/a/s.md:3: title: the field is written twice (first on line 1); keep one",
        "content/a/s.md:6: x: the field is written twice (first on line 5); keep one",
    ]


def test_a_syntax_error_names_the_line():
    loaded = load_yaml("name: A\nsummary: a: b\n", "brands/a.yml")
    assert loaded.data is None
    (found,) = loaded.problems
    assert (found.path, found.line, found.field, found.key) == ("brands/a.yml", 2, "", "yaml-syntax")
    assert "mapping values are not allowed here" in found.format()


def test_front_matter_lines_are_file_lines():
    text = "---\ntitle: T\nsummary: S\ntags:\n  - a\n  - b\n---\n\nBody [[X]]\n"
    document = split_front_matter(text, "content/b/s.md")
    assert document.problems == []
    assert document.meta.line_of("title") == 2 and document.meta.line_of("summary") == 3
    assert document.meta["tags"].lines == [5, 6]
    assert document.body == "\nBody [[X]]\n"
    assert document.body_line == 8


def test_front_matter_syntax_error_is_at_the_file_line():
    document = split_front_matter("---\ntitle: T\nsummary: [a\n---\n", "content/b/s.md")
    assert document.meta is None
    (found,) = document.problems
    assert found.path == "content/b/s.md" and found.key == "yaml-syntax" and found.line in (3, 4)


def test_front_matter_missing_and_unclosed():
    missing = split_front_matter("# Title\n\ntext\n", "content/b/s.md")
    assert missing.meta is None
    assert [(p.line, p.key) for p in missing.problems] == [(1, "front-matter-missing")]
    unclosed = split_front_matter("---\ntitle: T\n\ntext\n", "content/b/s.md")
    assert unclosed.meta is None
    assert [(p.line, p.key) for p in unclosed.problems] == [(1, "front-matter-unclosed")]


def test_free_pages_may_go_without_front_matter():
    document = split_front_matter("# About\n", "content/about.md", required=False)
    assert document.problems == [] and document.meta == {} and document.body == "# About\n"


def test_empty_front_matter_is_an_empty_mapping():
    document = split_front_matter("---\n---\nbody\n", "content/b/s.md")
    assert document.problems == [] and document.meta == {} and document.body == "body\n"
    assert document.body_line == 3


def test_windows_line_ends_and_byte_order_mark(tmp_path):
    from lantai.reading.loading import read_text
    file = tmp_path / "s.md"
    file.write_bytes("\ufeff---\r\ntitle: 标题\r\n---\r\ntext\r\n".encode("utf-8"))
    document = split_front_matter(read_text(file), "content/b/s.md")
    assert document.meta == {"title": "标题"} and document.body == "text\n"
