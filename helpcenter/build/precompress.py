"""Gzip copies of the built site's text files, for hosts that serve them as they are (nginx `gzip_static on`):
compressed once at the best level at build time, instead of on every request at a low one."""

from __future__ import annotations

import gzip
import os
from pathlib import Path

COMPRESSIBLE = frozenset({".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map"})
# Below this, gzip's header and the extra file cost more than they save.
MIN_BYTES = 1024


def precompress(site_dir: Path, min_bytes: int = MIN_BYTES) -> list[Path]:
    """Write `file.gz` beside every compressible file of `site_dir` that gets smaller; return the files written.

    The copy keeps the original's modification time, so Last-Modified and ETag agree whichever one is served.
    """
    written = []
    for file in sorted(site_dir.rglob("*")):
        if file.suffix not in COMPRESSIBLE or not file.is_file() or file.stat().st_size < min_bytes:
            continue
        data = file.read_bytes()
        packed = gzip.compress(data, compresslevel=9, mtime=0)
        target = file.with_name(file.name + ".gz")
        if len(packed) < len(data):
            # Written aside and renamed: the site may be live, and nginx must never send half a copy.
            partial = target.with_name(f".{target.name}.partial")
            partial.write_bytes(packed)
            stat = file.stat()
            os.utime(partial, ns=(stat.st_atime_ns, stat.st_mtime_ns))
            os.replace(partial, target)
            written.append(target)
    return written
