"""Shared, tested helpers for the Bright Spots lessons.

Import it in a notebook with ``import utils``.  Nothing heavy happens at
import time: submodules load on first use.
"""

from __future__ import annotations

import importlib
from pathlib import Path

__all__ = [
    "check",
    "fact",
    "cite",
    "load_catalogue",
    # foundations
    "checks",
    "units",
    "style",
    "data",
    "facts",
    "ephemeris",
    "grading",  # form-only checks of graded copies (tasks.py assign / student-repo --graded)
    # by lesson
    "belt",  # 01 the asteroid belt
    "orbits",  # 02 orbits (used throughout)
    "resonance",  # 03 resonances
    "mission",
    "camera",  # 04 Dawn's journey
    "propulsion",  # 05 ion propulsion
    "photometry",
    "thermal",  # 06 and 07 the bright spots
    "imaging",  # 04, 06 and 08: a crater with bright spots through a camera
    "spotviews",  # 00, 04, 06 and 08: widget figures
    "iceviews",  # 07: the ice-lifetime widget
    "factcheck",  # 08 fact-check
]
__version__ = "0.1.0"

_HERE = Path(__file__).resolve().parent


def __getattr__(name: str):
    # Lazy submodules keep ``import utils`` fast (no astropy/matplotlib
    # import until a lesson needs them): ``utils.orbits`` loads utils/orbits.py on first use.
    if not name.startswith("_") and ((_HERE / f"{name}.py").exists() or (_HERE / name / "__init__.py").exists()):
        return importlib.import_module(f"{__name__}.{name}")
    if name == "check":
        return importlib.import_module(f"{__name__}.checks").check
    if name in ("fact", "cite"):
        return getattr(importlib.import_module(f"{__name__}.facts"), name)
    if name == "load_catalogue":
        return importlib.import_module(f"{__name__}.data").load_catalogue
    raise AttributeError(f"module 'utils' has no attribute {name!r}")


def __dir__() -> list[str]:
    # Tab completion after ``utils.`` offers the public names (the submodules load lazily).  ``utils.exercises``
    # (the self-checks' exercises, which compute the expected answers) loads on use but is not offered.
    return sorted(set(__all__) | {"__version__"})
