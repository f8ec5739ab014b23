"""Writing the site safely: one build at a time per target, each in its own staging folder.

Two builds into one folder used to share the staging name and delete each other's work.
Now a build takes an exclusive lock on a file beside the target (released by the system
when the process ends, however it ends) and stages in a folder of its own, so a second
build at once is refused with a message and never touches the first one's files.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from pathlib import Path

from ..problems import MESSAGES, is_chinese


class OutputError(Exception):
    """The site cannot be written where it was asked for; the message says why."""


def say(key: str, language: str, **params: object) -> str:
    english, chinese = MESSAGES[key]
    return (chinese if is_chinese(language) else english).format(**{k: str(v) for k, v in params.items()})


@contextlib.contextmanager
def site_lock(target: Path, language: str = "en"):
    """Hold `.<target>.lantai-lock` beside the target for the whole build, or refuse.

    The lock file is removed when the build ends; a build that opened it meanwhile finds,
    once it holds the lock, that the name now leads elsewhere, and tries the new file."""
    import fcntl
    lock_path = target.with_name(f".{target.name}.lantai-lock")
    for _ in range(5):
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            handle = open(lock_path, "a+")
        except OSError as error:
            raise OutputError(say("output-unwritable", language, target=target,
                                  detail=error.strerror or error)) from error
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as error:
            handle.close()
            raise OutputError(say("output-busy", language, target=target, lock=lock_path)) from error
        try:
            same = os.stat(lock_path).st_ino == os.fstat(handle.fileno()).st_ino
        except FileNotFoundError:
            same = False
        if same:
            break
        handle.close()  # the previous build removed it between our open and our lock
    else:
        raise OutputError(say("output-busy", language, target=target, lock=lock_path))
    try:
        yield
    finally:
        with contextlib.suppress(OSError):
            lock_path.unlink()
        handle.close()  # closing releases the lock


def staging_dir(target: Path, language: str = "en") -> Path:
    """A new, empty folder beside the target (same file system, so the swap is a rename)."""
    try:
        return Path(tempfile.mkdtemp(prefix=f".{target.name}.lantai-new-", dir=target.parent))
    except OSError as error:
        raise OutputError(say("output-unwritable", language, target=target, detail=error.strerror or error)) from error


def swap_in(staging: Path, target: Path, language: str = "en") -> None:
    """Replace the target by the staged site; on failure the old site stays as it was."""
    old = target.with_name(f".{target.name}.lantai-old-{os.getpid()}")
    shutil.rmtree(old, ignore_errors=True)
    try:
        if target.exists():
            target.rename(old)
        try:
            staging.rename(target)
        except OSError:
            if old.exists() and not target.exists():
                old.rename(target)
            raise
    except OSError as error:
        shutil.rmtree(staging, ignore_errors=True)
        raise OutputError(say("output-unwritable", language, target=target, detail=error.strerror or error)) from error
    shutil.rmtree(old, ignore_errors=True)
