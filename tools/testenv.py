"""How the notebooks and the browser tests run: the one definition of each, standard library only.

``tasks.py`` (run by the system ``python3``, before ``.venv`` exists) imports this module, and so do
the benchmark and the browser tests, so a notebook runs under the same nbval options and the browser
tests drive the same Chromium wherever they are started.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

#: How every notebook runs under nbval.  A cell gets at most 120 s (nbval's default is 2000 s): a
#: lesson cell needs a few seconds, so a stall fails fast with the cell named instead of hanging the run.
NBVAL_OPTIONS = [
    "--nbval-lax",
    "--nbval-current-env",
    "--nbval-sanitize-with",
    "tests/sanitize.cfg",
    "--nbval-cell-timeout",
    "120",
]


def chromium() -> str | None:
    """The system Chromium the browser tests drive (never downloaded), or None.

    ``BRIGHT_SPOTS_CHROMIUM`` names another binary; otherwise ``chromium`` or ``chromium-browser``
    on the PATH.
    """
    path = os.environ.get("BRIGHT_SPOTS_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    return path if path and Path(path).exists() else None
