"""Reading a whole project folder into the content model, with the problems of each file.

Pelican's order: read, check, then write. `read_project` never raises for an editor's
mistake; it returns the model with what reading found (files, fields, duplicate codes),
and lantai/checking adds what only the whole project shows. A record with a problem is
still read whole, so that all its other problems are reported in the same run.
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

from . import schema
from .loading import LinedDict, encoding_problems, load_yaml_file, read_text, split_front_matter
from ..model import (CODE_KINDS, ID_PATTERN, RAW_HTML, RESERVED_IDS, Brand, FreePage, Item, Project, Settings, Story)
from ..filing import icp_ok, police_ok
from ..problems import ERROR, Problem, describe, is_chinese, place, problem
from ..publishing.files import (assets_entry_ok, hidden, in_assets, leads_out,
                           project_folders)
from .catalogue import check_setting as check_catalogue_setting, read_catalogues
from .safety import MAX_ID
from ..editing.cms import check_admin
from .translations import check_originals, check_setting as check_translations_setting, language_of, read_translation


def read_project(root: Path, settings: Settings, content_dir: Path | None = None) -> tuple[Project, list[Problem]]:
    root = root.resolve()
    content_dir = (content_dir or root / "content").resolve()
    project = Project(root=root, content_dir=content_dir, settings=settings)
    problems: list[Problem] = []
    problems += check_settings(settings)
    brands_dir = root / "brands"
    for folder, label in ((brands_dir, "brands/"), (content_dir, "content/")):
        if not folder.is_dir():
            problems.append(problem(label, 0, "", "no-folder", value=label))
    if brands_dir.is_dir():
        for file in sorted(brands_dir.iterdir()):
            if file.suffix in (".yml", ".yaml") and not file.name.startswith("."):
                if leads_out(file, project_folders(project)):  # never read: a message must not echo it
                    problems.append(problem(_relative(project, file), 0, "", "link-outside-project"))
                    continue
                brand, found = read_brand(file, project)
                problems += found
                if brand:
                    project.brands[brand.id] = brand
        if not project.brands and not any(p.path.startswith("brands/") for p in problems):
            problems.append(problem("brands/", 0, "", "no-brands"))
    if content_dir.is_dir():
        problems += read_content(content_dir, project)
        problems += check_originals(project)
    problems += read_catalogues(project)   # after the brands, which rows may name
    problems += index_items(project)
    for brand in project.brands.values():
        brand.stories.sort(key=story_order)
    return project, problems


def index_items(project: Project) -> list[Problem]:
    """Every item by its code (`project.items`), each code and page address once."""
    problems = []
    owners = [*project.brands.values(), *project.stories.values()]
    by_slug: dict[str, Item] = {}  # each item's page is items/<slug>/
    items = [item for owner in owners for item in owner.items]
    # In reading order (brand files, then content/, then the catalogue's rows), so the later
    # of two is the one reported.
    items.sort(key=lambda i: (not i.path.startswith("brands/"), i.path, i.line))
    # The catalogue's rows come last; their own clashes were reported as they were read.
    for item in [*items, *project.catalogue]:
        if item.code in project.items:
            other = project.items[item.code]
            problems.append(problem(item.path, item.line, "items.code", "duplicate-code",
                                    value=item.code, other=place(other.path, other.line, other.sheet)))
            continue
        if item.slug in by_slug:  # 'SY 0001' and 'sy-0001' would share one page
            other = by_slug[item.slug]
            problems.append(problem(item.path, item.line, "items.code", "duplicate-slug", value=item.code,
                                    slug=item.slug, other_code=other.code,
                                    other=place(other.path, other.line, other.sheet)))
        else:
            by_slug[item.slug] = item
        project.items[item.code] = item  # known, so that its [[CODE]] markers are not reported too
    return problems



# OAI-PMH's emailType (OAI-PMH.xsd: \S+@(\S+\.)+\S+), without the characters that would make
# the address unsafe to print; a gateway is a web address that a harvester can be sent to.
EMAIL = re.compile(r"^[^\s@<>\"']+@(?:[^\s@<>\"'.]+\.)+[^\s@<>\"'.]+$")
GATEWAY = re.compile(r"^https?://[^\s/?#<>\"']+/[^\s?#<>\"']*$")


def check_settings(settings: Settings) -> list[Problem]:
    problems = []
    if settings.code_kind not in CODE_KINDS:
        problems.append(problem("mkdocs.yml", 0, "code_kind", "code-kind", value=settings.code_kind,
                                allowed=", ".join(CODE_KINDS)))
    if settings.image_metadata not in ("strip", "keep"):
        problems.append(problem("mkdocs.yml", 0, "image_metadata", "image-metadata", value=settings.image_metadata))
    if settings.raw_html not in RAW_HTML:
        problems.append(problem("mkdocs.yml", 0, "raw_html", "raw-html", value=settings.raw_html,
                                allowed=", ".join(RAW_HTML)))
    if settings.contact_email and not EMAIL.match(settings.contact_email):
        problems.append(problem("mkdocs.yml", 0, "contact_email", "contact-email", value=settings.contact_email))
    if settings.oai_gateway and not GATEWAY.match(settings.oai_gateway):
        problems.append(problem("mkdocs.yml", 0, "oai_gateway", "oai-gateway", value=settings.oai_gateway))
    if settings.icp_filing and not icp_ok(settings.icp_filing):
        problems.append(problem("mkdocs.yml", 0, "icp_filing", "icp-filing", value=settings.icp_filing))
    if settings.police_filing and not police_ok(settings.police_filing):
        problems.append(problem("mkdocs.yml", 0, "police_filing", "police-filing", value=settings.police_filing))
    problems += [problem("mkdocs.yml", 0, "assets", "assets-folder", value=entry)
                 for entry in settings.assets if not assets_entry_ok(entry)]
    problems += check_catalogue_setting(settings)
    problems += check_translations_setting(settings.language, settings.translations)
    problems += check_admin(settings)
    seen = set()
    for index, category in enumerate(settings.categories, start=1):
        where, name = "mkdocs.yml", f"categories[{index}].id"
        if not category.id:
            problems.append(problem(where, 0, name, "required", hint="id: memory"))
            continue
        if category.id in seen:
            problems.append(problem(where, 0, name, "duplicate-category", value=category.id))
        seen.add(category.id)
        if not ID_PATTERN.match(category.id):
            problems.append(problem(where, 0, name, "bad-id", value=category.id,
                                    what="分类" if is_chinese(settings.language) else "category"))
    return problems


def _relative(project: Project, file: Path) -> str:
    """The file as the editor names it: below the project folder, a link named, not its target."""
    for candidate in (file, file.resolve()):
        try:
            return candidate.relative_to(project.root).as_posix()
        except ValueError:
            continue
    return file.as_posix()


def _check_id(value: str, path: str, what_en: str, what_zh: str, language: str,
              reserved: tuple[str, ...] = RESERVED_IDS) -> list[Problem]:
    what = what_zh if is_chinese(language) else what_en
    if len(value) > MAX_ID:  # the id is a file and folder name in the site: keep it well under 255 bytes
        return [problem(path, 1, "", "too-long", value=value[:40] + "…", length=len(value), limit=MAX_ID)]
    if not ID_PATTERN.match(value):
        return [problem(path, 1, "", "bad-id", value=value, what=what)]
    if value in reserved:
        return [problem(path, 1, "", "reserved-id", value=value, what=what, reserved=", ".join(reserved[:8]))]
    return []


# A story's URL is /<brand-id>/<story-id>/, below the brand's own page: only `index`
# (the brand page's source) collides; /shangyu/map/ does not touch the site's /map/.
STORY_RESERVED_IDS = ("index",)


def read_brand(file: Path, project: Project) -> tuple[Brand | None, list[Problem]]:
    rel = _relative(project, file)
    language = project.language
    brand_id = file.stem
    problems = _check_id(brand_id, rel, "brand file", "品牌文件", language)
    loaded = load_yaml_file(file, rel)
    problems += loaded.problems
    if loaded.data is None and loaded.problems:
        return None, problems
    if not isinstance(loaded.data, dict):
        problems.append(problem(rel, 1, "", "yaml-not-mapping", found=describe(loaded.data, language)))
        return None, problems
    reader = schema.Reader(rel, file.parent, project.content_dir, language,
                           tuple(c.id for c in project.settings.categories), project.root / "brands", project.root)
    values = reader.record(loaded.data, "brand", 1, "")
    problems += reader.problems
    project.extra_files.update(reader.extra_files)
    # A brand missing a required field is still read whole, so that its other mistakes
    # (and references to it) are reported in the same run; the build stops on the first.
    brand = Brand(
        id=brand_id, **schema.record_fields("brand", values, Brand),
        path=rel, description_line=_text_start(read_text(file), loaded.data.line_of("description")),
    )
    brand.items = [make_item(v, brand, None, rel) for v in values.get("items", [])]
    return brand, problems


def _text_start(text: str, key_line: int) -> int:
    """The file line on which a text field's value starts: the next line for a block
    (`description: |`), the key's own line otherwise."""
    lines = text.splitlines()
    written = lines[key_line - 1] if 0 < key_line <= len(lines) else ""
    return key_line + 1 if re.search(r":\s*[|>][-+0-9]*\s*(#.*)?$", written) else key_line


def make_item(values: dict, brand: Brand | None, story_id: str | None, path: str,
              brand_id: str | None = None) -> Item:
    # No stated holder stays unstated ("holder not recorded"): the brand's archive is not
    # necessarily the one that keeps this item, so nothing is inherited from it.
    return Item(**schema.record_fields("item", values, Item), brand_id=brand.id if brand else brand_id or "",
                story_id=story_id, path=path, line=values.get("_line", 0))


def read_content(content_dir: Path, project: Project) -> list[Problem]:
    problems: list[Problem] = []
    missing_brands: dict[str, str] = {}
    for file in sorted(content_dir.rglob("*.md")):
        relative = file.relative_to(content_dir)
        if hidden(relative.as_posix()):
            continue  # hidden folders and editors' notes and drafts-in-progress (_notes/) are not content
        if in_assets(relative.as_posix(), project.settings.assets):
            continue  # an assets folder's files are published as they are (lantai/publishing/files.py)
        rel = _relative(project, file)
        if leads_out(file, project_folders(project)):  # a link out of the project: never read, never a page
            problems.append(problem(rel, 0, "", "link-outside-project"))
            continue
        parts = relative.parts
        if len(parts) <= 2 and language_of(file):   # story.en.md, about.en.md
            problems += read_translation(file, rel, parts, project)
            continue
        if len(parts) == 1:
            page, found = read_free_page(file, rel, project)
            problems += found
            if page:
                project.pages.append(page)
            continue
        if len(parts) > 2:
            problems.append(problem(rel, 0, "", "story-outside-brand"))
            continue
        brand_id = parts[0]
        if brand_id not in project.brands:
            brand_file_problem = any(p.path.startswith(f"brands/{brand_id}.") for p in problems) or any(
                (project.root / "brands" / f"{brand_id}{ext}").exists() for ext in (".yml", ".yaml"))
            if not brand_file_problem and brand_id not in missing_brands:
                missing_brands[brand_id] = rel
                problems.append(problem(f"content/{brand_id}/", 0, "", "brand-missing", brand=brand_id))
        story, found = read_story(file, rel, brand_id, project)
        problems += found
        if story:
            project.stories[story.key] = story
            if brand_id in project.brands:
                project.brands[brand_id].stories.append(story)
    return problems


def read_story(file: Path, rel: str, brand_id: str, project: Project) -> tuple[Story | None, list[Problem]]:
    language = project.language
    story_id = file.stem
    problems = _check_id(story_id, rel, "story file", "故事文件", language, STORY_RESERVED_IDS)
    problems += encoding_problems(file, rel)
    document = split_front_matter(read_text(file), rel)
    problems += document.problems
    if document.meta is None:
        return None, problems
    if not isinstance(document.meta, dict):
        problems.append(problem(rel, 2, "", "yaml-not-mapping", found=describe(document.meta, language)))
        return None, problems
    reader = schema.Reader(rel, file.parent, project.content_dir, language, (), project.root / "brands", project.root)
    values = reader.record(document.meta, "story", getattr(document.meta, "line", 2) or 2, "")
    problems += reader.problems
    project.extra_files.update(reader.extra_files)  # files beside brand files that a story names
    # A story missing its title or summary is still read whole (see read_brand).
    brand = project.brands.get(brand_id)
    story = Story(
        brand_id=brand_id, id=story_id, **schema.record_fields("story", values, Story),
        body=document.body, body_line=document.body_line, path=rel, related_lines=_lines_of(document.meta, "related"),
    )
    story.items = [make_item(v, brand, story_id, rel, brand_id) for v in values.get("items", [])]
    return story, problems


def _lines_of(meta: object, key: str) -> list[int]:
    if isinstance(meta, LinedDict) and key in meta:
        value = meta[key]
        lines = getattr(value, "lines", None)
        if lines:
            return list(lines)
        return [meta.line_of(key)] * (len(value) if isinstance(value, list) else 1)
    return []


def read_free_page(file: Path, rel: str, project: Project) -> tuple[FreePage | None, list[Problem]]:
    name = PurePosixPath(file.stem).as_posix()
    problems: list[Problem] = encoding_problems(file, rel)
    document = split_front_matter(read_text(file), rel, required=False)
    if name == "index":  # content/index.md is the home page's introduction
        project.intro, project.intro_path = document.body.strip(), rel
        return None, problems + document.problems
    problems += _check_page_name(name, rel, project.language)
    problems += document.problems
    values: dict = {}
    if isinstance(document.meta, dict):
        reader = schema.Reader(rel, file.parent, project.content_dir, project.language, (),
                               project.root / "brands", project.root)
        values = reader.record(document.meta, "page", getattr(document.meta, "line", 2), "", strict=False)
        problems += reader.problems
    return FreePage(name=name, path=rel, body=document.body, **schema.record_fields("page", values, FreePage)), problems


def _check_page_name(name: str, rel: str, language: str) -> list[Problem]:
    if len(name) > MAX_ID:
        return [problem(rel, 0, "", "too-long", value=name[:40] + "…", length=len(name), limit=MAX_ID)]
    if name in RESERVED_IDS:
        return [problem(rel, 0, "", "reserved-page", value=name, reserved=", ".join(RESERVED_IDS[:8]))]
    if not ID_PATTERN.match(name):
        return [problem(rel, 0, "", "bad-id", value=name, what="页面文件" if is_chinese(language) else "page file")]
    return []


def story_order(story: Story) -> tuple:
    from ..dates import sort_key
    return (story.order if story.order is not None else float("inf"), sort_key(story.date), story.id)


def errors_in(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == ERROR]
