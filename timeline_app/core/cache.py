"""What reading a file gave, kept on disk by the file's content: re-opening a project or adding one
article to a set re-reads nothing else.

An entry is found by a key of everything its reading depends on: the file's bytes (SHA-256), its
path (an article is named after it), the dates the researcher gave it, the reference date, the
settings, and the reading code and data themselves (the application's version and a digest of its
source and language files, and the versions of the libraries that read for it). Change any of them
and the file is read again. Only complete readings are kept: a file that failed, or ran out of
time, is read again next time. The folder is the user's cache folder (``TIMELINE_APP_CACHE``
names another, or ``off``); it is trimmed to :data:`MAX_BYTES`, oldest use first.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from collections.abc import Mapping
from dataclasses import astuple, replace
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from timeline_app.core.files import write_file
from timeline_app.core.readers import MEMBER_MARK

#: the cache folder's largest size; beyond it the entries used longest ago go
MAX_BYTES = 512 * 1024 * 1024
#: an entry's file: ``<key>.pickle`` in a folder of the key's first two characters
_SUFFIX = ".pickle"
#: bumped when what an entry holds changes shape
_FORMAT = 1


def default_folder() -> Path | None:
    """The user's cache folder for the application (None: ``TIMELINE_APP_CACHE=off``)."""
    chosen = os.environ.get("TIMELINE_APP_CACHE")
    if chosen is not None:
        return None if chosen.strip().lower() in ("", "off", "0", "no") else Path(chosen)
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "timeline-app" / "readings"


@cache
def code_digest() -> str:
    """What the reading depends on besides its input: this application's code and language data,
    and the versions of the libraries it reads with."""
    from importlib import metadata

    from timeline_app import __version__

    digest = hashlib.sha256(f"{_FORMAT}:{__version__}:{sys.version_info[:2]}".encode())
    package = Path(__file__).resolve().parent.parent
    for pattern in ("core/**/*.py", "resources/**/*.toml"):
        for path in sorted(package.glob(pattern)):
            digest.update(path.relative_to(package).as_posix().encode())
            digest.update(path.read_bytes())
    for name in ("syntok", "dateparser", "trafilatura", "htmldate", "py3langid", "google-re2", "pypdfium2"):
        try:
            digest.update(f"{name}={metadata.version(name)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{name}=-".encode())
    return digest.hexdigest()


class ReadCache:
    """Readings of files by their key, in ``folder``. Never raises: a cache that cannot be read or
    written only means reading again."""

    def __init__(self, folder: str | os.PathLike[str]) -> None:
        self.folder = Path(folder)

    def key(self, path: Path, data: bytes, dates: Mapping[str, date], reference: date | None,
            settings: Any) -> str:
        own = str(path)
        given = sorted((k, v.isoformat()) for k, v in dates.items()
                       if k in (own, path.name) or k.startswith(own + MEMBER_MARK))
        digest = hashlib.sha256(code_digest().encode())
        digest.update(hashlib.sha256(data).digest())
        reading = replace(settings, parallel_from=0, workers=0, engine="", scheduler="", cache_folder="")
        digest.update(repr((own, given, reference, astuple(reading))).encode())  # how, not where, it is read
        return digest.hexdigest()

    def _file(self, key: str) -> Path:
        return self.folder / key[:2] / (key + _SUFFIX)

    def get(self, key: str) -> Any | None:
        where = self._file(key)
        try:
            with open(where, "rb") as f:
                value = pickle.load(f)  # noqa: S301 - the user's own cache folder, written by this code
            os.utime(where)  # used now: trimmed last
        except Exception:  # noqa: BLE001 - missing, damaged or of another version: read again
            return None
        return value

    def put(self, key: str, value: Any) -> None:
        try:
            where = self._file(key)
            where.parent.mkdir(parents=True, exist_ok=True)
            write_file(where, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        except Exception:  # noqa: BLE001 - a full disk or a read-only folder: no cache, no harm
            pass

    def trim(self, max_bytes: int = MAX_BYTES) -> None:
        """Remove the entries used longest ago until the folder holds at most ``max_bytes``."""
        try:
            entries = [(st.st_mtime, st.st_size, p) for p in self.folder.glob("*/*" + _SUFFIX) if (st := p.stat())]
        except OSError:
            return
        total = sum(size for _, size, _ in entries)
        for _, size, path in sorted(entries):
            if total <= max_bytes:
                break
            try:
                path.unlink()
                total -= size
            except OSError:
                pass
