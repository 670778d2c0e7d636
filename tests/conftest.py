"""Shared test helpers."""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))  # nbtools, sync_lock: repository tools, not part of utils


def pytest_addoption(parser):
    parser.addoption("--browser", action="store_true", default=False,
                     help="run the browser tests in tests/browser (JupyterLab in Chromium)")
