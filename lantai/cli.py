"""`python build.py build|serve|check|new`: the command line, as thin as the plugin.

Options are spelled as mkdocs spells them (-f/--config-file, -d/--site-dir). A build is
written beside the target and swapped in only when it succeeded, so a bad file never
leaves a half-built or half-replaced site behind.
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import subprocess
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
    serve = commands.add_parser("serve", help="preview with live reload, drafts included")
    config_option(serve)
    serve.add_argument("-a", "--dev-addr", default="127.0.0.1:8000", help="address to serve on (default 127.0.0.1:8000)")
    serve.add_argument("--no-livereload", action="store_true", help="do not reload pages when files change")
    check = commands.add_parser("check", help="validate every file and build nothing")
    config_option(check)
    new = commands.add_parser("new", help="write a new brand or story file, ready to fill in")
    config_option(new)
    new.add_argument("kind", choices=["brand", "story"])
    new.add_argument("id", help="brand-id, or brand-id/story-id for a story")

    args = parser.parse_args(argv)
    _configure_logging(args.quiet)
    config_file = Path(args.config_file)
    if not config_file.is_file():
        print(f"{config_file}: no such file; pass the project's mkdocs.yml with -f", file=sys.stderr)
        return 2
    from .config_check import config_refusal
    if refusal := config_refusal(config_file):  # before MkDocs' loader runs any !!python tag
        print(refusal, file=sys.stderr)
        return 1
    if args.command == "new":
        from .scaffold import new_file
        return new_file(config_file, args.kind, args.id)
    if args.command == "check":
        return check_project(config_file)
    if args.command == "serve":
        return serve_project(config_file, args.dev_addr, not args.no_livereload)
    return build_project(config_file, args.site_dir)


def _configure_logging(quiet: bool) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    for name in ("mkdocs", "lantai"):
        logger = logging.getLogger(name)
        logger.handlers[:] = [handler]
        logger.setLevel(logging.WARNING if quiet else logging.INFO)
        logger.propagate = False


def config_overrides(config_file: Path) -> dict:
    """What Lantai sets for every project unless its mkdocs.yml says otherwise."""
    from mkdocs.utils.yaml import yaml_load
    with open(config_file, "rb") as handle:
        raw = yaml_load(handle) or {}
    overrides = {}
    if "docs_dir" not in raw:
        overrides["docs_dir"] = str(config_file.resolve().parent / "content")
    if "theme" not in raw:  # without it MkDocs would use its own theme, which Lantai does not style
        overrides["theme"] = {"name": "material"}
    return overrides


def reproducible_epoch(root: Path) -> str:
    """SOURCE_DATE_EPOCH for dates the engine writes (sitemap, gzip): the last commit's
    time when the project is in git, otherwise the newest input file's."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return os.environ["SOURCE_DATE_EPOCH"]
    try:
        out = subprocess.run(["git", "-C", str(root), "log", "-1", "--format=%ct"], capture_output=True,
                             text=True, timeout=10, check=False).stdout.strip()
        if out.isdigit():
            return out
    except (OSError, subprocess.SubprocessError):
        pass
    newest = max((p.stat().st_mtime for folder in ("brands", "content") for p in (root / folder).rglob("*")
                  if p.is_file()), default=0)
    return str(int(newest))


def _load(config_file: Path, **kwargs):
    from mkdocs.config import load_config
    os.environ["SOURCE_DATE_EPOCH"] = reproducible_epoch(config_file.resolve().parent)
    return load_config(config_file=str(config_file), **{**config_overrides(config_file), **kwargs})


def check_project(config_file: Path) -> int:
    from mkdocs.exceptions import MkDocsException
    try:
        config = _load(config_file)
        config.plugins.on_startup(command="build", dirty=False)
        config.plugins.on_config(config)
    except MkDocsException as error:
        print(str(error).strip(), file=sys.stderr)
        return 1
    language = str(config.theme.get("language") or "")
    plugin = config.plugins.get("lantai")
    project = getattr(plugin, "project", None)
    if project is None:
        print("mkdocs.yml: plugins: add 'lantai' to the plugins list", file=sys.stderr)
        return 1
    summary = (f"检查通过：{len(project.brands)} 个品牌，{len(project.stories)} 个故事，{len(project.items)} 个档案条目。"
               if is_chinese(language) else
               f"OK: {len(project.brands)} brands, {len(project.stories)} stories, {len(project.items)} items.")
    print(summary)
    return 0


def build_project(config_file: Path, site_dir: str | None) -> int:
    from mkdocs.commands.build import build
    from mkdocs.exceptions import MkDocsException
    root = config_file.resolve().parent
    target = Path(site_dir).resolve() if site_dir else None
    try:
        config = _load(config_file, strict=True)
    except MkDocsException as error:
        print(str(error).strip(), file=sys.stderr)
        return 1
    target = target or Path(config.site_dir).resolve()
    # The site replaces whatever is at the target: never the editors' files, nor a folder
    # holding them, nor a folder inside them (the next build would publish the last one).
    for kept in (Path(config.docs_dir).resolve(), root / "brands", config_file.resolve()):
        if target == kept or target in kept.parents or kept in target.parents:
            print(f"{target}: refusing to build there, it would replace or sit inside the project's files "
                  f"({kept}); choose another folder with -d", file=sys.stderr)
            return 2
    from .output import OutputError, say, site_lock, staging_dir, swap_in
    language = str(config.theme.get("language") or "")
    staging = None
    try:
        with site_lock(target, language):  # a second build into the same folder is refused
            staging = staging_dir(target, language)
            config.site_dir = str(staging)
            config.plugins.on_startup(command="build", dirty=False)
            try:
                build(config)
            except MkDocsException as error:
                print(str(error).strip(), file=sys.stderr)
                return 1
            except OSError as error:  # disk full, read-only output: a message, not a traceback
                raise OutputError(say("output-unwritable", language, target=target,
                                      detail=error.strerror or error)) from error
            finally:
                config.plugins.on_shutdown()
            swap_in(staging, target, language)
            staging = None
    except OutputError as error:
        print(str(error), file=sys.stderr)
        return 1
    finally:
        if staging is not None:  # never leave a half-built staging folder behind
            shutil.rmtree(staging, ignore_errors=True)
    return 0


def serve_project(config_file: Path, address: str, livereload: bool) -> int:
    from mkdocs.commands.serve import serve
    from mkdocs.exceptions import MkDocsException
    os.environ["SOURCE_DATE_EPOCH"] = reproducible_epoch(config_file.resolve().parent)
    try:
        serve(config_file=str(config_file), livereload=livereload, dev_addr=address,
              watch=[str(config_file.resolve().parent / "brands")], **config_overrides(config_file))
    except MkDocsException as error:
        print(str(error).strip(), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        pass
    return 0
