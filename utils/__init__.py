"""Shared, tested helpers for the Bright Spots lessons.

Import it in a notebook with ``import utils``.  Nothing heavy happens at
import time: submodules load on first use.
"""
from __future__ import annotations

import importlib

__all__ = ["check", "checks", "style", "data", "facts", "ephemeris"]
__version__ = "0.1.0"

_SUBMODULES = {"checks", "style", "data", "facts", "ephemeris", "exercises"}


def __getattr__(name: str):
    # Lazy submodules keep ``import utils`` fast (no astropy/matplotlib
    # import until a lesson needs them).
    if name in _SUBMODULES:
        return importlib.import_module(f"{__name__}.{name}")
    if name == "check":
        return importlib.import_module(f"{__name__}.checks").check
    if name in ("fact", "cite"):
        return getattr(importlib.import_module(f"{__name__}.facts"), name)
    if name == "load_catalogue":
        return importlib.import_module(f"{__name__}.data").load_catalogue
    raise AttributeError(f"module 'utils' has no attribute {name!r}")
