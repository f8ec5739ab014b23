"""Search without a browser: what each page tells the index, the index a build writes,
and the character handling behind Chinese queries."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from conftest import BUNDLED_CONFIG, HARBOUR_CONFIG
from lantai.pages import plan
from lantai.checking import load_project
from lantai.search import chinese, index as search_index, record as search_record
from lantai.reading.settings import make_settings


def project_of(config: Path, language: str):
    import yaml
    raw = yaml.safe_load(config.read_text(encoding="utf-8"))
    options = next((entry["lantai"] or {} for entry in raw["plugins"] if isinstance(entry, dict)), {})
    project, problems = load_project(config.parent, make_settings(raw["site_name"], language, options))
    return project


@pytest.fixture(scope="module")
def bundled():
    return project_of(BUNDLED_CONFIG, "zh")


@pytest.fixture(scope="module")
def harbour():
    return project_of(HARBOUR_CONFIG, "en")


# -- what each page tells the index -------------------------------------------------------

def search_of(project, source):
    """What the page at `source` tells the index (None: left out), as a build plans it."""
    return next(page.search for page in plan(project) if page.source == source)


def test_story_record(bundled):
    record = search_of(bundled, "shangyu-red-memory/manifesto-first-translation.md")
    assert record.kind == "story" and record.kind_label == "故事"
    assert record.title == "镇馆之宝：《共产党宣言》首个中文全译本"
    assert record.brand == "上虞红色记忆" and record.category == "赓续记忆"
    assert record.date == "1920年—2003年"   # the story spans the copy's life, from print to archive
    assert "陈望道" in record.subjects


def test_brand_item_and_free_page_records(bundled, harbour):
    brand = search_of(bundled, "jingning-she-heritage/index.md")
    assert (brand.kind_label, brand.title, brand.names) == ("档案品牌", "“畲韵景宁”档案活化", ["“畲韵景宁”档案活化"])
    item = search_of(harbour, "items/pt-0002.md")
    assert (item.kind_label, item.title, item.brand) == ("Archive item", "Damage report after the typhoon",
                                                         "Harbour Trade Records")
    assert item.names == ["PT-0002", "PT0002"] and item.date == "c. September 1937"
    page = search_of(harbour, "about.md")
    assert (page.kind, page.kind_label, page.title) == ("page", "Page", "About")


def test_pages_left_out_of_the_index(bundled):
    # The primary language's pages (an edition leaves its untranslated ones out: test_languages.py)
    left_out = {page.kind for page in plan(bundled) if page.search is None and not page.language}
    assert left_out == {"home", "category", "search", "timeline", "map", "catalogue", "tags", "people", "places"}
    indexed = {page.kind for page in plan(bundled) if page.search is not None}
    assert indexed == {"brand", "story", "item", "page"}


def test_code_forms():
    assert search_record.code_forms("SY-0001") == ["SY-0001", "SY0001"]
    assert search_record.code_forms("浙/J001-2") == ["浙/J001-2", "浙J0012"]
    assert search_record.code_forms("A12") == ["A12"]


def test_marks_tell_the_index_what_the_page_is():
    record = search_record.SearchRecord("item", "Archive item", 'The "A" & B', brand="Trade", category="Ships",
                                        date="1921", names=["PT-0001", "PT0001"])
    marks = search_record.render_marks(record)
    assert 'data-pagefind-meta="title:The &quot;A&quot; &amp; B"' in marks
    assert 'data-pagefind-meta="kind:Archive item"' in marks
    assert 'data-pagefind-filter="category:Ships"' in marks
    assert '<p data-pagefind-weight="10">PT-0001 · PT0001</p>' in marks
    assert marks.startswith('<div class="lt-search-marks" hidden data-pagefind-ignore>')


def test_traditional_passages_get_a_simplified_copy():
    record = search_record.SearchRecord("story", "故事", "标题")
    text = "简体的句子。共產黨宣言，陳望道譯。"
    marks = search_record.render_marks(record, search_record.simplified_passages(text))
    assert "共产党宣言，陈望道译。" in marks
    assert "简体的句子" not in marks
    assert search_record.simplified_passages("全部是简体字。English too.") == ""


def test_index_words_are_character_pairs_outside_tags():
    page = '<a title="陈望道" href="/x/">陈望道译</a><p>SY-0001 彩带，宣</p>'
    word = chinese.pair_word
    assert word("陈望") == "zx9648671b" and word("译") == "zx8bd1"
    assert chinese.index_words(page) == (f'<a title="陈望道" href="/x/"> {word("陈望")} {word("望道")} {word("道译")} '
                                        f'{word("译")} </a><p>SY-0001  {word("彩带")} {word("带")} ， {word("宣")} </p>')


def test_t2s_table_covers_the_site_characters():
    pairs = chinese.t2s_pairs({"产", "党", "陈", "彩"})
    table = dict(zip(pairs[0::2], pairs[1::2]))
    assert table["產"] == "产" and table["黨"] == "党" and table["陳"] == "陈" and table["綵"] == "彩"
    assert set(table.values()) <= {"产", "党", "陈", "彩"}


# -- the index a build writes -------------------------------------------------------------

def test_built_site_has_its_index_and_search_page(bundled_site):
    index = bundled_site / "pagefind"
    assert (index / "pagefind.js").is_file() and (index / "pagefind-entry.json").is_file()
    assert list((index / "fragment").iterdir()) and list((index / "filter").iterdir())
    # Pagefind's own UI is not used, so not published.
    assert not list(index.glob("pagefind-*ui*"))
    assert (bundled_site / "assets" / "lantai" / "t2s.txt").stat().st_size > 0
    search_page = (bundled_site / "search" / "index.html").read_text(encoding="utf-8")
    assert 'name="q"' in search_page and "data-pagefind-body" not in search_page
    story = (bundled_site / "shangyu-red-memory" / "manifesto-first-translation" / "index.html").read_text("utf-8")
    assert "data-pagefind-body" in story and 'data-pagefind-filter="kind:故事"' in story
    assert "data-pagefind-body" not in (bundled_site / "index.html").read_text(encoding="utf-8")
    # The published page keeps its words whole: the character pairs are only in the index.
    assert "陈望道" in story


def test_every_page_has_the_search_box(bundled_site):
    for page in ["index.html", "about/index.html", "items/sy-e01/index.html", "404.html"]:
        text = (bundled_site / page).read_text(encoding="utf-8")
        assert 'id="lt-search-input"' in text, page
        assert 'role="search"' in text, page


def test_the_index_is_the_same_on_every_run(harbour_site, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(harbour_site, site)
    search_index.build_index(site)
    before = {p.relative_to(site): p.read_bytes() for p in sorted((site / "pagefind").rglob("*")) if p.is_file()}
    originals = {p.relative_to(harbour_site): p.read_bytes()
                 for p in sorted((harbour_site / "pagefind").rglob("*")) if p.is_file()}
    assert before == originals
    search_index.build_index(site)
    again = {p.relative_to(site): p.read_bytes() for p in sorted((site / "pagefind").rglob("*")) if p.is_file()}
    assert again == before
    assert any(str(name).startswith("pagefind/filter/") for name in before)


def test_pagefind_files_read_back_as_written(bundled_site):
    import gzip
    for path in [*(bundled_site / "pagefind" / "filter").iterdir(), *(bundled_site / "pagefind").glob("*.pf_meta")]:
        assert search_index._encode(search_index._read_pagefind(path)) == gzip.decompress(path.read_bytes())


def test_nothing_to_index_is_not_an_error(tmp_path):
    (tmp_path / "index.html").write_text("<html lang='zh'><body><p>首页</p></body></html>", encoding="utf-8")
    search_index.build_index(tmp_path)
    assert not (tmp_path / "pagefind").exists()


# -- the indexer's copies kept between builds (lantai/search/copies.py) ----------------------

def _index_files(site: Path) -> dict:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*"))
            if p.is_file() and (p.parts[len(site.parts)] == "pagefind" or p.name == "t2s.txt")}


def test_kept_copies_are_made_again_only_for_changed_pages_and_index_as_fresh_ones(bundled_site, tmp_path,
                                                                                  monkeypatch):
    site, kept = tmp_path / "site", tmp_path / "kept"
    shutil.copytree(bundled_site, site)
    made = _counting(monkeypatch, site)
    search_index.build_index(site, kept)
    pages = {p.relative_to(site).as_posix() for p in site.rglob("*.html")}
    assert set(made) == pages and (kept / "manifest.json").is_file()
    assert _index_files(site) == _index_files(bundled_site), "kept copies index as a scratch folder's"

    # One page edited, one gone, one new: only the edited and the new page are copied again.
    story = site / "shangyu-red-memory" / "manifesto-first-translation" / "index.html"
    story.write_text(story.read_text(encoding="utf-8").replace("陈望道", "陈望道先生", 1), encoding="utf-8")
    gone = site / "about" / "index.html"
    gone_copy = kept / "pages" / "about" / "index.html"
    assert gone_copy.is_file()
    gone.unlink()
    (site / "new" / "index.html").parent.mkdir()
    shutil.copyfile(story, site / "new" / "index.html")
    made.clear()
    search_index.build_index(site, kept)
    assert sorted(made) == ["new/index.html", "shangyu-red-memory/manifesto-first-translation/index.html"]
    assert not gone_copy.exists(), "a page that went leaves no copy for Pagefind to index"
    monkeypatch.undo()
    fresh = tmp_path / "fresh"
    shutil.copytree(site, fresh)
    search_index.build_index(fresh)   # no kept copies: every page copied
    assert _index_files(site) == _index_files(fresh)
    assert _index_files(site) != _index_files(bundled_site), "the edit is in the index"


def _counting(monkeypatch, site: Path) -> list[str]:
    """The pages the next index_copy calls copy (in this process: LANTAI_WORKERS=0)."""
    monkeypatch.setenv("LANTAI_WORKERS", "0")
    made: list[str] = []
    real = search_index.index_copy

    def counting(paths):
        made.append(Path(paths[0]).relative_to(site).as_posix())
        return real(paths)
    monkeypatch.setattr(search_index, "index_copy", counting)
    return made


def test_kept_copies_are_not_trusted_without_their_manifest(bundled_site, tmp_path, monkeypatch):
    """A build stopped while the copies changed leaves no manifest: the next makes them all,
    and a stray file in the folder (from that build) is not indexed."""
    site, kept = tmp_path / "site", tmp_path / "kept"
    shutil.copytree(bundled_site, site)
    search_index.build_index(site, kept)
    (kept / "manifest.json").unlink()
    stray = kept / "pages" / "stray" / "index.html"
    stray.parent.mkdir()
    shutil.copyfile(kept / "pages" / "shangyu-red-memory" / "manifesto-first-translation" / "index.html", stray)
    made = _counting(monkeypatch, site)
    search_index.build_index(site, kept)
    assert set(made) == {p.relative_to(site).as_posix() for p in site.rglob("*.html")}
    assert not stray.exists()
    assert _index_files(site) == _index_files(bundled_site)


def test_copies_of_a_target_no_build_has_indexed_for_a_month_are_removed(tmp_path):
    from lantai.search import copies
    old, recent = copies.folder_for(tmp_path, tmp_path / "old-site"), copies.folder_for(tmp_path, tmp_path / "site")
    assert old != recent and old.parent == recent.parent == tmp_path / copies.FOLDER
    for folder in (old, recent):
        (folder / "pages").mkdir(parents=True)
        (folder / "manifest.json").write_text("{}", encoding="utf-8")
    month_ago = time.time() - (copies.KEEP_DAYS + 1) * 86400
    os.utime(old / "manifest.json", (month_ago, month_ago))
    copies.prune(tmp_path)
    assert not old.exists() and recent.is_dir()
