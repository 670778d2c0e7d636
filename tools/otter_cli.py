"""otter-grader's command line (``otter assign``, ``otter run``) with the project's nbclient fix.

otter runs notebooks through nbconvert's ``ExecutePreprocessor`` (an nbclient
``NotebookClient``) with no cell timeout, so the lost shell wake-up that
``nbexec`` explains could leave a graded run waiting forever at a widget cell.
This entry point applies the same fix (:func:`nbexec.patch_nbclient`), then
hands over to otter's own command line.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import nbexec  # noqa: E402

nbexec.patch_nbclient()

from otter.cli import cli  # noqa: E402

if __name__ == "__main__":
    sys.exit(cli())
