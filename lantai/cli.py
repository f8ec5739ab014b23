"""`python build.py build|serve|check|new`: the command line, as thin as the plugin.

Options are spelled as mkdocs spells them (-f/--config-file, -d/--site-dir). A build is
written beside the target and swapped in only when it succeeded, so a bad file never
leaves a half-built or half-replaced site behind.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

from .problems import is_chinese

log = logging.getLogger("lantai")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python build.py", description="Lantai: build an archive exhibition.")
    commands = parser.add_subparsers(dest="command", required=True)

    def config_option(sub):
        sub.add_argument("-f", "--config-file", default="mkdocs.yml", help="the project's mkdocs.yml (default: ./mkdocs.yml)")
        sub.add_argument("-q", "--quiet", action="store_true", help="print only warnings and errors")

    build = commands.add_parser("build", help="validate and build the static site")
    config_option(build)
    build.add_argument("-d", "--site-dir", help="where to write the site (default: site/ beside mkdocs.yml)")
    build.add_argument("--archive", nargs="?", const="", metavar="FOLDER",
                       help="also write <project>-site-<date>.zip and its .sha256 checksum, for copying to "
                            "your own server (default folder: the one holding the site)")
    serve = commands.add_parser("serve", help="preview with live reload, drafts included")
    config_option(serve)
    serve.add_argument("-a", "--dev-addr", default="127.0.0.1:8000", help="address to serve on (default 127.0.0.1:8000)")
    serve.add_argument("--no-livereload", action="store_true", help="do not reload pages when files change")
    check = commands.add_parser("check", help="validate every file and build nothing")
    config_option(check)
    new = commands.add_parser("new", help="write a new brand or story file, an example catalogue sheet, or the JSON Schemas of the files (schemas/)")
    config_option(new)
    new.add_argument("kind", choices=["brand", "story", "catalogue", "schemas"])
    new.add_argument("id", nargs="?", default="",
                     help="brand-id, or brand-id/story-id for a story; for a catalogue, the sheet's name "
                          "(default: records)")

    args = parser.parse_args(argv)
    _configure_logging(args.quiet)
    config_file = Path(args.config_file)
    if not config_file.is_file():
        print(f"{config_file}: no such file; pass the project's mkdocs.yml with -f", file=sys.stderr)
        return 2
    from .reading.config_file import config_refusal
    if refusal := config_refusal(config_file):  # before MkDocs' loader runs any !!python tag
        print(refusal, file=sys.stderr)
        return 1
    if args.command == "new":
        from .scaffold import new_catalogue, new_file
        if args.kind == "catalogue":
            return new_catalogue(config_file, args.id or "records")
        if args.kind == "schemas":
            return new_file(config_file, "schemas", "")
        if not args.id:
            parser.error(f"new {args.kind}: give the {'brand-id' if args.kind == 'brand' else 'brand-id/story-id'}")
        return new_file(config_file, args.kind, args.id)
    if args.command == "check":
        return check_project(config_file)
    if args.command == "serve":
        return serve_project(config_file, args.dev_addr, not args.no_livereload)
    return build_project(config_file, args.site_dir, args.archive)


def _configure_logging(quiet: bool) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    for name in ("mkdocs", "lantai"):
        logger = logging.getLogger(name)
        logger.handlers[:] = [handler]
        logger.setLevel(logging.WARNING if quiet else logging.INFO)
        logger.propagate = False


def check_project(config_file: Path) -> int:
    """Every problem of the project's files, and nothing built: no site engine is involved."""
    from .checking import check
    from .reading.config_file import ConfigError, lantai_options, read_config
    from .discovery import admin_repo, site_url
    from .problems import ERROR, format_report
    from .reading.project import read_project
    from .reading.settings import make_settings
    try:
        data = read_config(config_file)
    except ConfigError as error:
        print(str(error), file=sys.stderr)
        return 1
    options = lantai_options(data)
    if options is None:
        print(f"{config_file}: plugins: add 'lantai' to the plugins list", file=sys.stderr)
        return 1
    theme = data.get("theme") if isinstance(data.get("theme"), dict) else {}
    language = str(theme.get("language") or "")
    try:
        url = site_url(data.get("site_url"), os.environ)
    except ValueError as error:
        print(str(error), file=sys.stderr)
        return 1
    settings = make_settings(str(data.get("site_name") or ""), language or None, options, url, admin_repo(os.environ))
    root = config_file.resolve().parent
    project, problems = read_project(root, settings, root / str(data.get("docs_dir") or "content"))
    problems = check(project, problems)
    if problems:
        print(format_report(problems, settings.language), file=sys.stderr)
    if any(p.severity == ERROR for p in problems):
        return 1
    held = len(project.held_back)
    if is_chinese(language):
        summary = (f"检查通过：{len(project.brands)} 个品牌，{len(project.stories)} 个故事，{len(project.items)} 个档案条目"
                   + (f"（其中目录 {len(project.catalogue)} 条；另有 {held} 条不予公开，不会发布）。"
                      if project.catalogue or held else "。"))
    else:
        summary = (f"OK: {len(project.brands)} brands, {len(project.stories)} stories, {len(project.items)} items"
                   + (f" ({len(project.catalogue)} from the catalogue; {held} catalogue rows held back, published "
                      "nowhere)." if project.catalogue or held else "."))
    print(summary)
    return 0


def build_project(config_file: Path, site_dir: str | None, archive: str | None = None) -> int:
    from .engines.mkdocs.commands import build_project as build
    return build(config_file, site_dir, archive)


def serve_project(config_file: Path, address: str, livereload: bool) -> int:
    from .engines.mkdocs.commands import serve_project as serve
    return serve(config_file, address, livereload)
