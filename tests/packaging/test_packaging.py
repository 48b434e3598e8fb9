"""The pieces of the standalone build: menu entry, icon, install script, the window's picture mode.

The build itself (``make package``) takes minutes and checks its own program; these tests keep the
files it relies on correct.
"""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(PACKAGING / "timeline-app.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_entry_has_what_menus_need() -> None:
    entry = desktop_entry()
    for key in ("Type", "Name", "Exec", "Icon", "Categories"):
        assert entry.get(key), key
    assert entry["Type"] == "Application"
    assert entry["Exec"].split()[0] == "timeline-app"
    assert entry["Categories"].endswith(";") and entry["MimeType"].endswith(";")


@pytest.mark.parametrize("suffix", [".svg", ".png"])
def test_icon_named_by_the_entry_ships_inside_the_package(suffix: str) -> None:
    name = desktop_entry()["Icon"] + suffix
    data = resources.files("timeline_app.resources").joinpath(name).read_bytes()
    assert data.startswith(b"<?xml" if suffix == ".svg" else b"\x89PNG")


def test_spec_builds_from_files_that_exist() -> None:
    spec = (PACKAGING / "timeline-app.spec").read_text(encoding="utf-8")
    assert '"packaging" / "entry.py"' in spec and (PACKAGING / "entry.py").exists()
    assert 'name="timeline-app"' in spec
    assert "freeze_support" in (ROOT / "timeline_app" / "cli.py").read_text(encoding="utf-8")


def test_the_build_takes_the_data_files_the_application_reads_at_run_time() -> None:
    """A package that reads a file of its own at run time (the language identifier's model, the
    locale data) must have its data collected, or the built program silently reads less."""
    import re

    spec = (PACKAGING / "timeline-app.spec").read_text(encoding="utf-8")
    collected = re.search(r'for package in \(([^)]*)\):\n    datas \+= collect_data_files\(package\)', spec)
    assert collected is not None
    for package in ("py3langid", "dateparser", "htmldate", "trafilatura"):
        assert f'"{package}"' in collected.group(1)
    assert '"resources/*/*.toml"' in spec  # every language folder's data


@pytest.mark.skipif(shutil.which("sh") is None, reason="needs a POSIX shell")
def test_install_script_puts_program_menu_entry_and_icons_in_place(tmp_path: Path) -> None:
    unpacked = tmp_path / "timeline-app-1.0"
    unpacked.mkdir()
    program = unpacked / "timeline-app"
    program.write_text("#!/bin/sh\necho standalone\n")
    program.chmod(0o755)
    for name in ("install.sh", "timeline-app.desktop"):
        shutil.copy2(PACKAGING / name, unpacked / name)
    for name in ("timeline-app.svg", "timeline-app.png"):
        shutil.copy2(ROOT / "timeline_app" / "resources" / name, unpacked / name)
    prefix = tmp_path / "home" / ".local"
    env = {**os.environ, "PREFIX": str(prefix)}
    for _ in range(2):  # installing twice (an update) works too
        subprocess.run(["sh", str(unpacked / "install.sh")], env=env, check=True, capture_output=True)
    installed = prefix / "opt" / "timeline-app"
    assert subprocess.run([str(prefix / "bin" / "timeline-app")], capture_output=True, text=True,
                          check=True).stdout == "standalone\n"
    entry = (prefix / "share" / "applications" / "timeline-app.desktop").read_text(encoding="utf-8")
    assert f"Exec={installed}/timeline-app %F" in entry
    assert (prefix / "share" / "icons" / "hicolor" / "scalable" / "apps" / "timeline-app.svg").exists()
    assert (prefix / "share" / "icons" / "hicolor" / "256x256" / "apps" / "timeline-app.png").exists()
    assert not (prefix / "opt" / "timeline-app.new").exists()


def test_screenshot_mode_opens_the_window_on_the_seeds_and_saves_it(tmp_path: Path) -> None:
    from PySide6 import QtGui

    picture = tmp_path / "window.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path)}
    result = subprocess.run([sys.executable, "-m", "timeline_app", str(ROOT / "seeds"), "--reference-date",
                             "2025-05-06", "--screenshot", str(picture)], env=env, capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    image = QtGui.QImage(str(picture))
    assert (image.width(), image.height()) == (1500, 900)
