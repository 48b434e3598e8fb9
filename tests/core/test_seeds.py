"""The sample articles against their expected timeline (the gold file beside the project)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from timeline_app.cli import main

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
SCORER = SHARED / "tools" / "score_seeds.py"


@pytest.mark.skipif(not SCORER.exists(), reason="the gold timeline and scorer are not beside the project")
def test_seeds_match_the_gold_timeline(tmp_path: Path, seeds_dir: Path) -> None:
    assert main(["export", str(seeds_dir), "--reference-date", "2025-05-06", "--out", str(tmp_path)]) == 0
    out = subprocess.run([sys.executable, str(SCORER), str(tmp_path)], capture_output=True, text=True,
                         check=True).stdout
    summary = dict(re.findall(r"(\w+)=(\S+)", out.strip().splitlines()[-1]))
    assert summary["matched_gold"] == "9/9", out
    found, total = map(int, summary["supports"].split("/"))
    assert found >= 22 and total == 23, out
    assert summary["not_dates"] == "0", out
    assert int(summary["extras"]) <= 3, out
