"""Publishing a build in one step: readers see the last complete site or the new one, never a half or empty one.

The site folder (`site`) is a symbolic link to one complete build in `.site-builds/` beside it. A build writes into
a new folder there; only when it has succeeded does a new link take the place of `site`, by rename(2), which
replaces a name atomically: nginx, `helpcenter serve` and the feedback endpoint reading
`site/helpcenter-manifest.json` open either the old build's files or the new one's. A failed or interrupted build
removes its folder and leaves `site` as it was.

The live build and the one before it are kept (a reader may still be in the middle of the older one); the rest
go at the next publication. A build in progress holds a lock on `<build>.lock`, so that a second build running at
the same time does not remove it, and a build killed outright (SIGKILL, power loss) leaves a folder that the next
publication removes.

A `site` that is still a real folder (from before this scheme, or copied there) is moved into `.site-builds/`
first: that one move leaves a moment without `site`, once.
"""

from __future__ import annotations

import fcntl
import os
import secrets
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Build:
    """One build on its way to `site`: written into `folder`, published by switching `site_dir` to it."""

    site_dir: Path
    folder: Path
    _lock: int | None = field(default=None, repr=False)


def builds_folder(site_dir: Path) -> Path:
    """Where the builds of `site_dir` live: `.site-builds` beside `site`."""
    return site_dir.parent / f".{site_dir.name}-builds"


def start(site_dir: Path) -> Build:
    """A new, empty build folder for `site_dir`, locked as in progress until it is published or discarded."""
    builds = builds_folder(site_dir)
    builds.mkdir(parents=True, exist_ok=True)
    name = f"{time.strftime('%Y%m%dT%H%M%S', time.gmtime())}-{secrets.token_hex(4)}"
    # Locked before the folder exists: another build's prune never sees the folder unlocked.
    lock = os.open(builds / f"{name}.lock", os.O_CREAT | os.O_RDWR, 0o644)
    fcntl.flock(lock, fcntl.LOCK_EX)
    folder = builds / name
    folder.mkdir()
    return Build(site_dir=site_dir, folder=folder, _lock=lock)


def publish(build: Build) -> None:
    """Switch `site` to the build, atomically, then remove builds older than the one it replaced."""
    site_dir = build.site_dir
    previous = _live_build(site_dir)
    if site_dir.is_dir() and not site_dir.is_symlink():
        # A real folder cannot be replaced by a link in one step: move it in with the builds (once).
        previous = builds_folder(site_dir) / f"{time.strftime('%Y%m%dT%H%M%S', time.gmtime())}-before"
        site_dir.rename(previous)
    # Made beside the builds, renamed over `site`: its target is read from where it ends up.
    link = build.folder.with_name(f"{build.folder.name}.link")
    os.symlink(os.path.relpath(build.folder, site_dir.parent), link, target_is_directory=True)
    os.replace(link, site_dir)
    _release(build)
    prune(site_dir, keep={build.folder.name, previous.name if previous else ""})


def discard(build: Build) -> None:
    """Remove a build that failed or was interrupted; `site` stays as it was."""
    shutil.rmtree(build.folder, ignore_errors=True)
    _release(build)


def prune(site_dir: Path, keep: set[str]) -> list[str]:
    """Remove every build of `site_dir` that is not in `keep` and not in progress; return their names.

    A build is in progress while a process holds its lock; the lock of a build killed outright is free.
    """
    builds = builds_folder(site_dir)
    removed = []
    for stale in builds.glob("*.link"):
        if not _in_progress(stale.with_suffix("")):
            stale.unlink()  # made by a build killed before it could rename it
    for folder in sorted(path for path in builds.iterdir() if path.is_dir() and not path.is_symlink()):
        if folder.name in keep or _in_progress(folder):
            continue
        shutil.rmtree(folder, ignore_errors=True)
        folder.with_name(f"{folder.name}.lock").unlink(missing_ok=True)
        removed.append(folder.name)
    return removed


def _live_build(site_dir: Path) -> Path | None:
    if not site_dir.is_symlink():
        return None
    return (site_dir.parent / os.readlink(site_dir)).resolve()


def _in_progress(folder: Path) -> bool:
    lock_file = folder.with_name(f"{folder.name}.lock")
    try:
        lock = os.open(lock_file, os.O_RDWR)
    except FileNotFoundError:
        return False
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(lock)
    return False


def _release(build: Build) -> None:
    """No longer in progress: the lock file goes, then the lock."""
    if build._lock is not None:
        build.folder.with_name(f"{build.folder.name}.lock").unlink(missing_ok=True)
        os.close(build._lock)
        build._lock = None
