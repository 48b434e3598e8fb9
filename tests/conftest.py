"""Shared test set-up. Qt runs offscreen: set before anything imports Qt."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# what the application keeps of files it read goes to a folder of this run, never the user's
os.environ.setdefault("TIMELINE_APP_CACHE", tempfile.mkdtemp(prefix="timeline-app-cache-"))

try:  # keep the window's autosave and settings out of the real user's folders
    from PySide6.QtCore import QStandardPaths

    QStandardPaths.setTestModeEnabled(True)
except ImportError:
    pass

# the tagger's first pass (RE2) from the first text on, as in a large load: every test of the tagger
# goes through it, whatever ran before (tests/core/test_prefilter.py checks both ways agree)
from timeline_app.core.tagger import finding  # noqa: E402

finding.FIRST_PASS_FROM = 0

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"


@pytest.fixture
def qtbot(qtbot):  # noqa: ANN001, ANN201 - pytest-qt's own, extended
    """pytest-qt's ``qtbot``, except that a widget given to ``addWidget`` is kept until it is closed.

    pytest-qt holds it weakly, so a widget the test no longer names lives on as garbage until
    the collector frees it, which may happen in the middle of one of its Qt events (a crash).
    """
    kept = []
    add = qtbot.addWidget

    def add_and_keep(widget, **kwargs):  # noqa: ANN001, ANN003, ANN202
        kept.append(widget)
        add(widget, **kwargs)

    qtbot.addWidget = add_and_keep
    yield qtbot
    kept.clear()  # pytest-qt closed and deleted them before this runs


@pytest.fixture
def seeds_dir() -> Path:
    return SEEDS


def _run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "timeline_app", *args], capture_output=True, text=True,
                          errors="surrogateescape", timeout=120, check=False, cwd=cwd,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})


@pytest.fixture
def cli() -> Callable[..., subprocess.CompletedProcess[str]]:
    """``cli(*args)``: run ``timeline-app`` in a child process (no window), output as text."""
    return _run_cli


@pytest.fixture
def seeds_workspace(seeds_dir: Path):  # noqa: ANN201 - a core Workspace
    """A workspace holding the sample articles, read as of their publication date, 2025-05-06."""
    from datetime import date

    from timeline_app.core.loading import load
    from timeline_app.core.workspace import Workspace

    ws = Workspace()
    ws.add(load([seeds_dir], reference=date(2025, 5, 6)).analyses)
    return ws
