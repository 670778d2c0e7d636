"""Shared test helpers."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))  # nbtools, sync_lock: repository tools, not part of utils

# Timing belongs to the benchmark (python3 tasks.py bench), not to unit tests that share the CPUs with
# notebook kernels: hypothesis' per-example deadline is off everywhere.
import pytest  # noqa: E402
from hypothesis import settings as _settings  # noqa: E402

_settings.register_profile("bright-spots", deadline=None)
_settings.load_profile("bright-spots")


def pytest_addoption(parser):
    parser.addoption(
        "--browser",
        action="store_true",
        default=False,
        help="run the browser tests in tests/browser (JupyterLab in Chromium)",
    )


@pytest.fixture(scope="session")
def runner(tmp_path_factory):
    """Executes lesson notebooks (student, solution, adapted versions) once per session for every test file."""
    from exercises import Runner

    return Runner(tmp_path_factory)


def returns_an_answer(func, exercise: str, kw: dict, calls) -> bool:
    """Whether ``func`` called with any argument tuple of ``calls`` returns a value (or a dict holding one) that
    passes ``exercise`` with inputs ``kw``: a shortcut a student could find by Tab completion."""
    import astropy.units as u
    import numpy as np

    from utils import check

    for args in calls:
        try:
            result = func(*args)
        except Exception:
            continue
        values = result.values() if isinstance(result, dict) else [result]
        if any(isinstance(v, (u.Quantity, float)) and np.size(v) == 1 and check(exercise, v, **kw).ok for v in values):
            return True
    return False


def slider_readback_args() -> dict:
    """A valid set of arguments for ``utils.factcheck.read_back_slider``; tests change one of them."""
    import astropy.units as u
    import numpy as np

    return dict(
        prediction="up",
        read_values=(0.1, 0.2, 0.4),
        model=np.ones((40, 40)),
        field=120 * u.km,
        ifov=93.7 * u.urad,
        distances={"far": 300_000, "mid": 13_000, "near": 4_000},
    )


def run_as_cell(code: str, ns: dict, name: str = "<cell>") -> None:
    """Run ``code`` in ``ns`` as a notebook cell does: with its source in linecache, where IPython registers each
    cell's, so that code reading its own source (``utils.factcheck.your_line``) finds it."""
    import linecache

    linecache.cache[name] = (len(code), None, code.splitlines(keepends=True), name)
    try:
        exec(compile(code, name, "exec"), ns)
    finally:
        linecache.cache.pop(name, None)
