"""Files on disk, safely: writes that never destroy the previous file, reads under a budget.

Every writer of the application (tables, pictures, projects, autosaves) hands its bytes to
:func:`write_files`. They go to short, unique temporary files beside their targets, are flushed to
disk and checked (size, and a format check where one is given) before any target is replaced, so a
full disk or a failed check leaves every previous file byte for byte as it was. A set of files
written together is replaced together: all temporary files are complete before the first rename.
"""

from __future__ import annotations

import os
import secrets
import stat
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

try:  # POSIX: a writer holds a lock on its temporary file, so a dead writer's file is known at once
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

#: Temporary files are ``.tl-<random>.tmp``: short, whatever the length of the target's name.
TEMP_PREFIX, TEMP_SUFFIX = ".tl-", ".tmp"
#: Without file locks, a temporary file this old was left by a write that was killed.
LEFTOVER_SECONDS = 600
#: A temporary file younger than this may be one whose writer is just taking its lock.
_GRACE_SECONDS = 2.0

#: check(temporary path, bytes): raise ``OSError`` when the file written is not what it should be
Check = Callable[[Path, bytes], None]


class WriteError(OSError):
    """A write that did not complete; the previous file is unchanged. The message says why."""


def write_file(path: str | os.PathLike[str], data: bytes, check: Check | None = None) -> Path:
    """Write ``data`` to ``path`` atomically; see :func:`write_files`."""
    target = Path(path)
    return write_files({target: data}, {target: check})[0]


def write_files(contents: Mapping[Path, bytes | Sequence[bytes]],
                checks: Mapping[Path, Check | None] | None = None) -> list[Path]:
    """Write each target's bytes beside it, check every one, then rename them all into place.
    A target's bytes may come as a list of pieces, written one after the other (a large document
    is never joined in memory; a check is given them joined).

    Raises :class:`WriteError` (an ``OSError``) when any write or check fails; then no target was
    touched and no temporary file is left. Targets keep the mode of the files they replace.
    """
    checks = checks or {}
    written: list[tuple[Path, Path, int]] = []  # (target, temporary, lock fd)
    try:
        for target, data in contents.items():
            tmp, fd = _write_temporary(target, data)
            written.append((target, tmp, fd))
            check = checks.get(target)
            if check is not None:
                check(tmp, data if isinstance(data, bytes) else b"".join(data))
        for target, tmp, _ in written:
            os.replace(tmp, target)
        for folder in {t.parent for t, _, _ in written}:
            _sync_folder(folder)
    except OSError as e:
        for _, tmp, _ in written:
            _unlink_quietly(tmp)
        if isinstance(e, WriteError):
            raise
        raise WriteError(e.errno, _why(e), str(getattr(e, "filename", "") or "")) from e
    except BaseException:
        for _, tmp, _ in written:
            _unlink_quietly(tmp)
        raise
    finally:
        for _, _, fd in written:
            os.close(fd)
    for folder in {t.parent for t, _, _ in written}:
        remove_leftovers(folder)
    return [t for t, _, _ in written]


def _why(e: OSError) -> str:
    import errno

    if e.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return f"the disk is full or the file is too large ({e.strerror}); the previous file was kept"
    return f"{e.strerror or e}; the previous file was kept"


def _write_temporary(target: Path, data: bytes | Sequence[bytes]) -> tuple[Path, int]:
    """The complete, synced temporary file for ``target``, and an open descriptor holding its lock."""
    tmp = target.with_name(f"{TEMP_PREFIX}{secrets.token_hex(6)}{TEMP_SUFFIX}")
    # os.open honours the umask (mkstemp would make the file private); keep an existing file's mode.
    fd = os.open(tmp, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        try:
            os.chmod(tmp, target.stat().st_mode & 0o777)
        except FileNotFoundError:
            pass
        pieces = [data] if isinstance(data, bytes) else data
        for piece in pieces:
            view = memoryview(piece)
            while view:
                n = os.write(fd, view)
                if n <= 0:
                    raise WriteError(0, "nothing could be written; the previous file was kept", str(target))
                view = view[n:]
        os.fsync(fd)
        size, expected = os.fstat(fd).st_size, sum(len(piece) for piece in pieces)
        if size != expected:
            raise WriteError(0, f"only {size} of {expected} bytes reached the disk; the previous file was kept",
                             str(target))
    except BaseException:
        os.close(fd)
        _unlink_quietly(tmp)
        raise
    return tmp, fd


def _sync_folder(folder: Path) -> None:
    """Make the renames durable (a crash right after a save keeps the new file)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems cannot sync a folder; the rename itself is still atomic
    finally:
        os.close(fd)


def _unlink_quietly(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass


def remove_leftovers(folder: str | os.PathLike[str]) -> list[Path]:
    """Remove temporary files of writes that never finished (their process was killed).

    A writer holds a lock on its temporary file; a file nobody holds belongs to a dead writer. Where
    locks are not available, only files older than :data:`LEFTOVER_SECONDS` are removed.
    """
    removed: list[Path] = []
    now = time.time()
    try:
        candidates = [p for p in Path(folder).iterdir()
                      if p.name.startswith(TEMP_PREFIX) and p.name.endswith(TEMP_SUFFIX)]
    except OSError:
        return removed
    for old in candidates:
        try:
            st = old.lstat()
            if not stat.S_ISREG(st.st_mode) or now - st.st_mtime < _GRACE_SECONDS:
                continue
            if fcntl is None:
                if now - st.st_mtime > LEFTOVER_SECONDS:
                    old.unlink()
                    removed.append(old)
                continue
            fd = os.open(old, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0))
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                continue  # a writer is still at work
            finally:
                os.close(fd)
            old.unlink()
            removed.append(old)
        except OSError:
            pass  # gone already, or not ours to remove
    return removed


# ---------------------------------------------------------------------------------------------
# Reading


class ReadRefused(OSError):
    """A file that is not read at all; the message says why in plain words."""


def kind_of(mode: int) -> str:
    """A plain name for what a non-regular file is."""
    for test, name in ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISCHR, "a device"),
                       (stat.S_ISBLK, "a device"), (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a folder")):
        if test(mode):
            return name
    return "not a regular file"


def read_regular_file(path: str | os.PathLike[str], limit: int) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes.

    Pipes, devices and sockets are refused by type before anything is read (opened without
    blocking, then checked on the open file, so nothing swapped in between can hang the read), and
    no more than ``limit + 1`` bytes are ever read, whatever size the file claims.
    """
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_BINARY", 0))
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise ReadRefused(0, f"{kind_of(st.st_mode)}, not a file", str(path))
        if st.st_size > limit:
            raise ReadRefused(0, _too_large(st.st_size, limit), str(path))
        chunks: list[bytes] = []
        total = 0
        while total <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > limit:
            raise ReadRefused(0, _too_large(total, limit), str(path))
        return b"".join(chunks)
    finally:
        os.close(fd)


def _too_large(size: int, limit: int) -> str:
    return f"too large ({size / 1e6:.0f} MB; the limit is {limit / 1e6:.0f} MB)"
