"""Build the standalone application and check that the built program works.

    python packaging/build.py            (or: make package)

Produces ``dist/timeline-app/`` (the program ``timeline-app`` with everything it needs, Python
included, plus its menu entry, icon and ``install.sh``) and ``dist/timeline-app-VERSION-SYSTEM.tar.gz``.
Then runs the built program, without this Python on its path, on the sample articles: ``--version``,
an export to CSV and PNG, the window (offscreen) saved as a picture, and a load of 250 files, which
goes through the loader's process pool. Exits non-zero if the build or any check fails.
"""

from __future__ import annotations

import csv
import platform
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "timeline-app.spec"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
NAME = "timeline-app"


def version() -> str:
    """The version, from its one place: ``timeline_app.__version__``."""
    sys.path.insert(0, str(ROOT))
    from timeline_app import __version__

    return __version__


def build() -> Path:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                    "--distpath", str(DIST), "--workpath", str(WORK), str(SPEC)], check=True, cwd=ROOT)
    folder = DIST / NAME
    for extra in (ROOT / "packaging" / "timeline-app.desktop", ROOT / "packaging" / "install.sh", ROOT / "LICENSE",
                  ROOT / "timeline_app" / "resources" / "timeline-app.svg",
                  ROOT / "timeline_app" / "resources" / "timeline-app.png", ROOT / "README.md"):
        shutil.copy2(extra, folder / extra.name)
    size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    print(f"built {folder} ({size / 1e6:.0f} MB) in {time.perf_counter() - started:.0f} s")
    return folder


def clean_env(home: Path) -> dict[str, str]:
    """An environment with no trace of this Python: no virtualenv, no PYTHON* variables."""
    return {"PATH": "/usr/bin:/bin", "HOME": str(home), "LANG": "C.UTF-8", "QT_QPA_PLATFORM": "offscreen",
            "XDG_RUNTIME_DIR": str(home)}


def check(folder: Path, expected_version: str) -> None:
    program = folder / NAME
    seeds = ROOT / "seeds"
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        env = clean_env(tmp)

        def run(*args: str) -> subprocess.CompletedProcess[str]:
            started = time.perf_counter()
            result = subprocess.run([str(program), *args], env=env, cwd=tmp, capture_output=True, text=True,
                                    timeout=600)
            seconds = time.perf_counter() - started
            if result.returncode != 0:
                raise SystemExit(f"FAILED ({result.returncode}): {NAME} {' '.join(args)}\n{result.stdout}\n"
                                 f"{result.stderr}")
            print(f"ok  {NAME} {' '.join(args)}  ({seconds:.1f} s)")
            return result

        shown = run("--version").stdout.strip()
        if shown != f"{NAME} {expected_version}":
            raise SystemExit(f"FAILED: --version printed {shown!r}")
        out = tmp / "out"
        run("export", str(seeds), "--out", str(out), "--png", str(out / "timeline.png"),
            "--reference-date", "2025-05-06")
        with open(out / "timeline.csv", encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
        if not rows or (out / "timeline.png").stat().st_size < 10_000:
            raise SystemExit("FAILED: the export of the sample articles is empty")
        print(f"    {len(rows)} events in timeline.csv")
        run(str(seeds), "--reference-date", "2025-05-06", "--screenshot", str(tmp / "window.png"))
        if (tmp / "window.png").stat().st_size < 10_000:
            raise SystemExit("FAILED: the window picture is empty")
        many = tmp / "many"
        many.mkdir()
        articles = sorted(seeds.glob("*.txt"))
        for i in range(250):
            shutil.copy2(articles[i % len(articles)], many / f"{i:03d}_{articles[i % len(articles)].name}")
        result = run("export", str(many), "--out", str(tmp / "many-out"), "--reference-date", "2025-05-06")
        if "250 articles" not in result.stdout:
            raise SystemExit(f"FAILED: the process pool did not read all 250 files: {result.stdout}")


def archive(folder: Path, expected_version: str) -> Path:
    system = f"{platform.system().lower()}-{platform.machine()}"
    path = DIST / f"{NAME}-{expected_version}-{system}.tar.gz"
    with tarfile.open(path, "w:gz") as tar:
        tar.add(folder, arcname=f"{NAME}-{expected_version}")
    print(f"wrote {path} ({path.stat().st_size / 1e6:.0f} MB)")
    return path


def main() -> int:
    expected = version()
    folder = build()
    check(folder, expected)
    archive(folder, expected)
    print(f"Install: tar xzf the archive, then run {NAME}-{expected}/install.sh (or start {NAME}-{expected}/{NAME}).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
