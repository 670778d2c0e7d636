#!/usr/bin/env python3
"""Benchmark every notebook against the performance budgets.

    python3 tasks.py bench                  # all notebooks, 3 cold runs each
    python3 tasks.py bench --runs 5 --updates 50 notebooks/00-start-here.ipynb
    python3 tasks.py bench --setup          # also time a fresh clone + set-up
    python3 tasks.py bench --site           # also time the course site's build (python3 tasks.py site)
    python3 tasks.py bench --readme         # also put the table into README.md
    python3 tasks.py bench --against ../old --rounds 5   # this tree against another checkout, interleaved

For each notebook (``NN-name.ipynb`` in notebooks/):

* **cold run**: a new kernel, every cell executed (nbclient), wall time from the
  kernel start to the last cell; the median of ``--runs`` runs;
* **peak memory**: the kernel's peak resident memory (``VmHWM``, read by a cell
  appended after the lesson's last cell);
* **widget update**: in the same kernel, every ``interact`` widget (an
  ``ipywidgets.interactive``) has its first control stepped through ``--updates``
  values across its range; each step times the callback plus the inline PNG
  rendering of its figure.  Median and 95th percentile.

Each lesson is measured twice, interleaved run by run under the same load:
on every core this process may use ("two cores" on the reference machine),
and **on one core**: the kernel is started with a CPU affinity of a single
CPU (``os.sched_setaffinity`` on this process just before the kernel is
forked, then restored, so the kernel and all its threads inherit one CPU:
the same as ``taskset -c N``).  The kernel reports ``os.sched_getaffinity``
back and the run fails if it is not exactly one CPU.  One core stands for a
free Binder, which gives a session about one shared core.

* **floor**: a new kernel that runs only the lesson's import statements
  (every top-level ``import``/``from ... import`` of its code cells, in
  order): the time no rewrite of the lesson can beat.  The cold run is also
  given as a ratio to it;
* **kernel CPU**: user + system CPU seconds of the kernel for the lesson;
* **browser**: with ``--browser`` (on by default; ``--no-browser`` skips it),
  JupyterLab from this environment in headless Chromium (the browser tests'
  server and settings): each lesson is run with *Run All*, then its main
  widget's first slider is moved ``--moves`` times with the arrow keys.  The
  time is measured in the page: from the ``keydown`` event to the frame after
  the new figure's ``<img>`` has loaded and been painted
  (``requestAnimationFrame`` followed by a task, i.e. after that frame).

The 1-minute load average is recorded before and after every notebook.

With ``--class``: the class simulation (:func:`class_simulation`): N = 1, 5,
10, 20 students at once, each a kernel on this machine running one lesson and
then moving its main widget; memory, CPU seconds and widget latency per
student against N.

Plus: ``import utils`` in a fresh interpreter (median of 5), the whole
collection under nbval (the README's pytest command on notebooks/ only, one
process), and, with ``--setup``, a clone of the repository set up from scratch
(``python3 tasks.py setup``; pip's cache may be warm).

With ``--against TREE``: only a comparison of this tree with another checkout
of the project (e.g. an older commit, ``git worktree add --detach ../old
COMMIT`` set up with ``python3 tasks.py setup``), lesson by lesson.  Each
round runs every lesson once in each tree, cold, in a new kernel started by
that tree's own ``.venv`` (so it imports that tree's ``utils``); the order
alternates (this tree first for one lesson, the other first for the next, and
the other way round in the next round), so a machine whose speed drifts over
minutes slows both trees alike.  The result is, per lesson, the median kernel
CPU seconds and cold-run seconds of each tree and the median of the per-round
ratios (this tree / other); it is written to OUT-compare.md and .json.

Writes docs/performance.md and docs/performance.json and prints the table.
Exit status 1 if a notebook fails to run (and, with ``--strict``, if a budget
is missed).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

# The budgets, on two cores and on one (see README, "Performance").
BUDGETS = {
    "lesson_s": 10.0,  # cold run of one notebook (two cores and one core)
    "lesson_mb": 300.0,  # peak kernel memory (MB = 10^6 bytes)
    "widget_median_ms": 100.0,  # callback + redraw in the kernel, median (two cores and one core)
    "widget_p95_ms": 250.0,  # callback + redraw in the kernel, 95th percentile
    "browser_median_ms": 150.0,  # key press to the new figure painted in JupyterLab, median (two cores)
    "browser_p95_ms": 300.0,  # ... 95th percentile
    "collection_s": 60.0,  # every notebook under nbval
}
CLASS_SIZES = (1, 5, 10, 20)
PASS, MISS = "ok", "MISS"
CLASS_START, CLASS_END = "<!-- class:start -->", "<!-- class:end -->"

# -- pure helpers (unit-tested in tests/test_benchmark.py) --------------------


def percentile(values: Sequence[float], q: float) -> float:
    """The ``q``-th percentile (0-100) with linear interpolation between ranks.

    >>> percentile([1, 2, 3, 4], 50)
    2.5
    """
    if not values:
        raise ValueError("percentile of an empty list")
    if not 0 <= q <= 100:
        raise ValueError(f"q must be between 0 and 100, not {q}")
    xs = sorted(values)
    pos = (len(xs) - 1) * q / 100
    lo, hi = math.floor(pos), math.ceil(pos)
    return xs[lo] + (xs[hi] - xs[lo]) * (pos - lo)


def mark(value: float | None, budget: float) -> str:
    """``ok`` when a measured value is within its budget, ``MISS`` when over, ``-`` when not measured."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "-"
    return PASS if value <= budget else MISS


def fmt(value: float | None, digits: int = 1) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def sweep_values(lo: float, hi: float, n: int, step: float | None = None) -> list[float]:
    """``n`` values from ``lo`` to ``hi`` (both ends included), snapped to ``step``, neighbours distinct.

    >>> sweep_values(0, 10, 3)
    [0.0, 5.0, 10.0]
    """
    if n < 2:
        raise ValueError("a sweep needs at least 2 values")
    if hi < lo:
        raise ValueError(f"empty range {lo}..{hi}")
    out: list[float] = []
    for i in range(n):
        v = lo + (hi - lo) * i / (n - 1)
        if step:
            v = lo + round((v - lo) / step) * step
            v = min(max(v, lo), hi)
        if not out or v != out[-1]:
            out.append(float(v))
    return out


def import_source(sources: Iterable[str]) -> str:
    r"""The import statements of a lesson's code cells, in order, without repeats: the floor's one cell.

    Only top-level ``import`` and ``from ... import`` statements count (not
    imports inside functions); cells that are not valid Python (magics) are
    skipped line by line.

    >>> import_source(["import numpy as np\nx = 1", "from utils import belt\nimport numpy as np"])
    'import numpy as np\nfrom utils import belt'
    """
    import ast

    seen: list[str] = []
    for src in sources:
        if not isinstance(src, str):
            raise TypeError(f"cell sources must be strings; got {type(src).__name__}")
        text = "\n".join("" if line.lstrip().startswith(("%", "!")) else line for line in src.splitlines())
        try:
            tree = ast.parse(text)
        except SyntaxError:
            continue
        for node in tree.body:
            if isinstance(node, (ast.Import, ast.ImportFrom)) and not (
                isinstance(node, ast.ImportFrom) and node.module == "__future__"
            ):
                stmt = ast.unparse(node)
                if stmt not in seen:
                    seen.append(stmt)
    return "\n".join(seen)


def ratio(value: float | None, floor: float | None) -> float | None:
    """``value / floor``, or None when either is missing or the floor is not positive."""
    if value is None or floor is None or not floor > 0:
        return None
    return value / floor


def _main_widget(part: dict | None) -> dict | None:
    widgets = (part or {}).get("widgets") or []
    return widgets[0] if widgets else None


def notebook_marks(row: dict) -> dict[str, str]:
    """Pass/miss marks for one notebook's measurements (two cores, one core, browser)."""
    marks: dict[str, str] = {}
    for key, part in (("", row), ("one core ", row.get("one_core"))):
        if part is None:
            continue
        widgets = part.get("widgets", [])
        widget_med = max((w["median_ms"] for w in widgets), default=None)
        widget_p95 = max((w["p95_ms"] for w in widgets), default=None)
        marks.update(
            {
                key + "time": mark(part.get("cold_s"), BUDGETS["lesson_s"]),
                key + "memory": mark(part.get("peak_mb"), BUDGETS["lesson_mb"]),
                key + "widget_median": mark(widget_med, BUDGETS["widget_median_ms"]),
                key + "widget_p95": mark(widget_p95, BUDGETS["widget_p95_ms"]),
                # every update must work: no exception, a figure drawn each time
                key + "widget_errors": PASS if all(w["errors"] == 0 and w["pngs"] >= w["n"] for w in widgets) else MISS,
            }
        )
    b = row.get("browser")
    if b is not None:
        if b.get("error"):
            marks["browser"] = MISS
        else:
            marks["browser_median"] = mark(b.get("median_ms"), BUDGETS["browser_median_ms"])
            marks["browser_p95"] = mark(b.get("p95_ms"), BUDGETS["browser_p95_ms"])
    return marks


def _load(pair_: Sequence[float] | None) -> str:
    return "-" if not pair_ else "–".join(f"{x:.1f}" for x in pair_)


def _med_p95(w: dict | None) -> str:
    return f"{fmt(w['median_ms'])} / {fmt(w['p95_ms'])}" if w else "no widget"


def markdown(result: dict) -> str:
    """The performance report as markdown: two cores and one, floors, browser, widgets, collection, machine."""
    b = BUDGETS
    lines = [
        "| notebook | cold run (s), 2 cores / 1 core | peak kernel memory (MB), 2 / 1 | kernel CPU (s) | "
        "main widget in the kernel, median / p95 (ms), 2 cores | same, 1 core | browser: key to new figure "
        "painted, median / p95 (ms) | load average (1 min) | budgets |",
        "|---|---:|---:|---:|---:|---:|---:|---|---|",
    ]
    for row in result["notebooks"]:
        if row.get("error"):
            lines.append(
                f"| `{row['name']}` | failed | - | - | - | - | - | {_load(row.get('load'))} | {row['error'][:80]} |"
            )
            continue
        m = notebook_marks(row)
        one = row.get("one_core") or {}
        br = row.get("browser")
        browser = (
            "-"
            if br is None
            else "failed"
            if br.get("error")
            else f"{fmt(br['median_ms'], 0)} / {fmt(br['p95_ms'], 0)}"
        )
        missed = [k for k, v in m.items() if v == MISS]
        verdict = "all met" if not missed else "MISSED: " + ", ".join(missed)
        lines.append(
            f"| `{row['name']}` | {fmt(row['cold_s'])} / {fmt(one.get('cold_s'))} | "
            f"{fmt(row['peak_mb'], 0)} / {fmt(one.get('peak_mb'), 0)} | {fmt(row.get('cpu_s'))} | "
            f"{_med_p95(_main_widget(row))} | {_med_p95(_main_widget(one)) if one else '-'} | {browser} | "
            f"{_load(row.get('load'))} | {verdict} |"
        )
    slow = [
        f"`{r['name']}` ({', '.join(fmt(t) for t in r['cold_runs_s'])} s)"
        for r in result["notebooks"]
        if r.get("cold_runs_s") and max(r["cold_runs_s"]) > max(5 * r["cold_s"], 30)
    ]
    if slow:
        lines.append("")
        lines.append(
            "Cold runs far slower than their median (a kernel that stopped answering for a while): "
            + ", ".join(slow)
            + "."
        )
    lines.append("")
    floors = [r for r in result["notebooks"] if r.get("floor_s") is not None]
    if floors:
        lines += [
            "| notebook | floor: a kernel that only runs the lesson's imports (s), 2 cores / 1 core | "
            "cold run ÷ floor, 2 cores | cold run ÷ floor, 1 core |",
            "|---|---:|---:|---:|",
        ]
        for r in floors:
            one = r.get("one_core") or {}
            r2 = ratio(r.get("cold_s"), r.get("floor_s"))
            r1 = ratio(one.get("cold_s"), r.get("floor_one_core_s"))
            lines.append(
                f"| `{r['name']}` | {fmt(r['floor_s'])} / {fmt(r.get('floor_one_core_s'))} | "
                f"{fmt(r2, 2)} | {fmt(r1, 2)} |"
            )
        lines.append("")
    browsers = [r for r in result["notebooks"] if r.get("browser")]
    if browsers:
        lines += [
            "| notebook (JupyterLab in Chromium, 2 cores) | main widget control | moves | median (ms) | "
            "p95 (ms) | max (ms) | JupyterLab server memory (MB) | load average (1 min) |",
            "|---|---|---:|---:|---:|---:|---:|---|",
        ]
        for r in browsers:
            br = r["browser"]
            if br.get("error"):
                lines.append(
                    f"| `{r['name']}` | failed: {br['error'][:100]} | - | - | - | - | - | {_load(br.get('load'))} |"
                )
                continue
            lines.append(
                f"| `{r['name']}` | {br['control']} | {br['n']} | "
                f"{fmt(br['median_ms'], 0)} {mark(br['median_ms'], b['browser_median_ms'])} | "
                f"{fmt(br['p95_ms'], 0)} {mark(br['p95_ms'], b['browser_p95_ms'])} | "
                f"{fmt(br['max_ms'], 0)} | {fmt(br.get('server_mb'), 0)} | {_load(br.get('load'))} |"
            )
        lines.append("")
    widget_rows = [
        (row["name"], cores, w)
        for row in result["notebooks"]
        for cores, part in (("2", row), ("1", row.get("one_core") or {}))
        for w in part.get("widgets", [])
    ]
    if widget_rows:
        lines += [
            "| notebook | cores | widget (control) | updates | median (ms) | p95 (ms) | max (ms) | "
            "kernel CPU per update, median (ms) | figures drawn | errors |",
            "|---|---:|---|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for name, cores, w in widget_rows:
            lines.append(
                f"| `{name}` | {cores} | {w['index']}: {w['control']} `{w['description']}` | {w['n']} | "
                f"{fmt(w['median_ms'])} {mark(w['median_ms'], b['widget_median_ms'])} | "
                f"{fmt(w['p95_ms'])} {mark(w['p95_ms'], b['widget_p95_ms'])} | {fmt(w['max_ms'])} | "
                f"{fmt(w.get('cpu_median_ms'))} | {w['pngs']} | {w['errors']} |"
            )
        lines.append("")
    c = result["collection"]
    lines += ["| whole collection | time | budget |", "|---|---:|---|"]
    imp = c.get("import_utils_s")
    lines.append(
        f"| `import utils` (fresh interpreter, median of 5) | {fmt(None if imp is None else imp * 1000, 0)} ms | - |"
    )
    cat = c.get("catalogue_load_s")
    if cat is not None:
        lines.append(
            f"| `utils.load_catalogue()` cold (fresh interpreter, astropy already imported, median of 5) | "
            f"{fmt(cat * 1000, 0)} ms | < 1000 ms {mark(cat, 1.0)} |"
        )
    nb = c.get("nbval_s")
    if nb is None:
        lines.append(f"| every notebook under nbval | not measured | ≤ {b['collection_s']:.0f} s |")
    else:
        n = c.get("nbval_notebooks", 0)
        lines.append(
            f"| every notebook under nbval ({n} notebook{'' if n == 1 else 's'}, one process) | "
            f"{fmt(nb)} s | ≤ {b['collection_s']:.0f} s {mark(nb, b['collection_s'])}"
            f"{'' if c.get('nbval_ok', True) else ' (nbval FAILED)'} |"
        )
    setup = c.get("setup_s")
    lines.append(
        f"| fresh set-up (clone + `python3 tasks.py setup`, warm pip cache) | "
        f"{fmt(setup) + ' s' if setup is not None else 'not measured (--setup)'} | - |"
    )
    site = c.get("site_s")
    lines.append(
        f"| course site build (`python3 tasks.py site`: every lesson executed, then Sphinx) | "
        f"{fmt(site) + ' s' if site is not None else 'not measured (--site)'} | - |"
    )
    lines.append("")
    if result.get("soak"):
        import soak

        lines += [soak.START, "## Soak test", "", soak.markdown(result["soak"]), soak.END, ""]
    mch = result["machine"]
    lines.append(
        f"Budgets, on two cores and on one: each lesson ≤ {b['lesson_s']:.0f} s and "
        f"≤ {b['lesson_mb']:.0f} MB; widget updates in the kernel ≤ {b['widget_median_ms']:.0f} ms median "
        f"and ≤ {b['widget_p95_ms']:.0f} ms p95.  In the browser (two cores): ≤ "
        f"{b['browser_median_ms']:.0f} ms median and ≤ {b['browser_p95_ms']:.0f} ms p95 from the key press "
        f"to the new figure painted.  The collection ≤ {b['collection_s']:.0f} s under nbval.  Cold runs: "
        f"median of {result['runs']}, two-core and one-core runs interleaved; widget updates: "
        f"{result['updates']} steps of each widget's first control across its range; browser: "
        f"{result.get('moves', '-')} arrow-key moves of the main widget's first slider.  One core: the "
        "kernel's CPU affinity set to a single CPU (checked from inside the kernel)."
    )
    lines.append("")
    lines.append(
        f"Machine: {mch['cpu']}, {mch['cores']} cores available ({mch['logical_cpus']} logical CPUs), "
        f"{mch['memory_gb']} GB RAM, {mch['system']}, Python {mch['python']}; load average "
        f"{mch['load_before']} before the run"
        + (f" and {mch['load_after']} after it" if mch.get("load_after") else "")
        + (" (other work was running on the machine)" if _busy(mch) else "")
        + f"; {result['date']}."
    )
    return "\n".join(lines) + "\n"


def _busy(machine: dict) -> bool:
    """Whether the 1-minute load average before the run shows other work (at least one busy core).

    >>> _busy({"load_before": "2.3 / 1.9 / 1.5", "cores": 2}), _busy({"load_before": "0.4 / 0.8 / 1.2", "cores": 2})
    (True, False)
    """
    try:
        return float(str(machine.get("load_before", "0")).split("/")[0]) >= 1.0
    except ValueError:
        return True


def class_summary(students: Sequence[dict]) -> dict:
    """Per-student figures of one class round: memory, CPU, lesson wall time and widget latency.

    ``students``: one dict per student with ``peak_mb``, ``cpu_s``, ``cold_s``
    and ``times_ms`` (widget update times), or ``error``.

    >>> class_summary([{"peak_mb": 200, "cpu_s": 4, "cold_s": 5, "times_ms": [10.0, 20.0, 30.0]}])["widget_median_ms"]
    20.0
    """
    ok = [s for s in students if not s.get("error")]
    times = [t for s in ok for t in s.get("times_ms", [])]
    out = {"n": len(students), "failed": len(students) - len(ok)}
    if not ok:
        return out
    out.update(
        peak_mb_median=statistics.median(s["peak_mb"] for s in ok),
        peak_mb_max=max(s["peak_mb"] for s in ok),
        total_mb=sum(s["peak_mb"] for s in ok),
        cpu_s_median=statistics.median(s["cpu_s"] for s in ok),
        cold_s_median=statistics.median(s["cold_s"] for s in ok),
        cold_s_max=max(s["cold_s"] for s in ok),
        widget_median_ms=statistics.median(times) if times else None,
        widget_p95_ms=percentile(times, 95) if times else None,
    )
    return out


def class_markdown(sim: dict) -> str:
    """The class simulation's table."""
    lines = [
        f"Lesson `{sim['lesson']}`; every student: a kernel that runs the whole lesson, then "
        f"{sim['updates']} updates of its main widget; all students start at once.",
        "",
        "| students at once | peak memory per student (MB), median / max | memory of all kernels (MB) | "
        "kernel CPU per student and lesson (s) | lesson wall time per student (s), median / max | "
        "widget update in the kernel, median / p95 (ms) | failed | load average (1 min) |",
        "|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for r in sim["rounds"]:
        if not r.get("peak_mb_median"):
            lines.append(f"| {r['n']} | - | - | - | - | - | {r['failed']} | {_load(r.get('load'))} |")
            continue
        lines.append(
            f"| {r['n']} | {fmt(r['peak_mb_median'], 0)} / {fmt(r['peak_mb_max'], 0)} | "
            f"{fmt(r['total_mb'], 0)} | {fmt(r['cpu_s_median'])} | "
            f"{fmt(r['cold_s_median'])} / {fmt(r['cold_s_max'])} | "
            f"{fmt(r['widget_median_ms'], 0)} / {fmt(r['widget_p95_ms'], 0)} | {r['failed']} | "
            f"{_load(r.get('load'))} |"
        )
    mch = sim["machine"]
    lines += ["", f"Machine: {mch['cpu']}, {mch['cores']} cores, {mch['memory_gb']} GB RAM; {sim['date']}."]
    return "\n".join(lines) + "\n"


def replace_between(text: str, start: str, end: str, new: str) -> str:
    """Replace what lies between two marker lines (markers kept); ValueError if they are missing."""
    i, j = text.find(start), text.find(end)
    if i < 0 or j < 0 or j < i:
        raise ValueError(f"markers {start!r} ... {end!r} not found")
    return text[: i + len(start)] + "\n" + new + text[j:]


# -- measurements ---------------------------------------------------------------

# Appended after a lesson's last cell: the kernel's peak memory, CPU time and CPU affinity.
MEMORY_CELL = """\
import json as _json, os as _os, resource as _resource
_ru = _resource.getrusage(_resource.RUSAGE_SELF)
_peak_kb = _ru.ru_maxrss
try:
    for _line in open("/proc/self/status"):
        if _line.startswith("VmHWM:"):
            _peak_kb = int(_line.split()[1])
except OSError:
    pass
_cpus = sorted(_os.sched_getaffinity(0)) if hasattr(_os, "sched_getaffinity") else None
with open(__OUT__, "w") as _f:
    _json.dump({"peak_kb": _peak_kb, "cpu_s": _ru.ru_utime + _ru.ru_stime, "cpus": _cpus}, _f)
"""

# Then, in the same kernel: step every interact widget's first control and time each update.
WIDGET_CELL = """\
import json as _json, time as _time
import ipywidgets as _w
import matplotlib as _mpl
from IPython import get_ipython as _gi

def _bench_widgets(n):
    _ip = _gi()
    _instances = getattr(_w.widgets.widget, "_instances", None) or _w.Widget.widgets
    _found = [w for w in list(_instances.values()) if isinstance(w, _w.interactive)]
    _out = []
    _published, _errors = [], []
    _orig_publish, _orig_tb = _ip.display_pub.publish, _ip.showtraceback
    def _publish(data, *a, **k):
        _published.append(sorted(data))
        return _orig_publish(data, *a, **k)
    def _tb(*a, **k):
        _errors.append(1)
        return _orig_tb(*a, **k)
    _ip.display_pub.publish, _ip.showtraceback = _publish, _tb
    try:
        for _i, _iw in enumerate(_found):
            _controls = [c for c in _iw.kwargs_widgets if hasattr(c, "value")]
            if not _controls:
                continue
            _c = _controls[0]
            if hasattr(_c, "options") and len(_c.options) > 1:
                _k = len(_c.options)
                _idx = [j % _k for j in range(n)] if n > _k else [round(j * (_k - 1) / (n - 1)) for j in range(n)]
                _setter = lambda j, c=_c: setattr(c, "index", j)
                _vals = _idx
            elif hasattr(_c, "min") and hasattr(_c, "max"):
                _vals = __SWEEP__(_c.min, _c.max, n, getattr(_c, "step", None))
                if isinstance(_c.value, int) and not isinstance(_c.value, bool):
                    _vals = [int(round(v)) for v in _vals]
                _setter = lambda v, c=_c: setattr(c, "value", v)
            else:
                continue
            _times, _cpu, _pngs = [], [], 0
            _errors.clear()
            for _v in _vals:
                _published.clear()
                _before = _c.value
                _t0, _c0 = _time.perf_counter(), _time.process_time()
                _setter(_v)
                if _c.value == _before:   # no change, no callback: call it as the widget would
                    _iw.update()
                _times.append((_time.perf_counter() - _t0) * 1000)
                _cpu.append((_time.process_time() - _c0) * 1000)
                _pngs += sum("image/png" in d for d in _published)
            _out.append({"index": _i, "control": type(_c).__name__, "description": _c.description,
                         "n": len(_times), "times_ms": _times, "cpu_ms": _cpu, "pngs": _pngs,
                         "errors": len(_errors)})
    finally:
        _ip.display_pub.publish, _ip.showtraceback = _orig_publish, _orig_tb
    return _out

_result = {"backend": _mpl.get_backend(), "widgets": _bench_widgets(__N__)}
with open(__OUT__, "w") as _f:
    _json.dump(_result, _f)
"""


def _sweep_source() -> str:
    import inspect

    return inspect.getsource(sweep_values).replace("def sweep_values", "def __SWEEP__")


def _read_result(path: Path) -> dict:
    try:
        return json.loads(path.read_text())
    except (OSError, ValueError) as err:
        raise RuntimeError(f"the measuring cell left no result in {path.name}: {err}") from None


def one_cpu() -> set[int]:
    """The CPU a one-core kernel is pinned to: the last one this process may use."""
    if not hasattr(os, "sched_setaffinity"):
        raise RuntimeError("one-core runs need os.sched_setaffinity (Linux)")
    return {max(os.sched_getaffinity(0))}


class _Pinned:
    """While active, this process (and so a kernel forked now) may only use ``cpus``; None: no change."""

    def __init__(self, cpus: set[int] | None):
        self.cpus, self.saved = cpus, None

    def __enter__(self):
        if self.cpus:
            self.saved = os.sched_getaffinity(0)
            os.sched_setaffinity(0, self.cpus)
        return self

    def restore(self) -> None:
        if self.saved is not None:
            os.sched_setaffinity(0, self.saved)
            self.saved = None

    def __exit__(self, *exc):
        self.restore()


def run_notebook(
    path: Path, updates: int | None, timeout: int = 120, cpus: set[int] | None = None, imports_only: bool = False
) -> dict:
    """One cold run; with ``updates``, also the memory and widget measurements.

    ``cpus``: pin the kernel to these CPUs (the kernel inherits the affinity
    this process has while it is started; this process gets its own back at
    once).  ``imports_only``: the floor: run only the lesson's imports.
    """
    import nbformat

    import nbexec

    nb = nbformat.read(str(path), as_version=4)
    if imports_only:
        code = import_source(c.source for c in nb.cells if c.cell_type == "code")
        nb.cells = [nbformat.v4.new_code_cell(code)]
    n_lesson = len(nb.cells)
    # store_widget_state=True, as every other runner here: with False, nbclient's Output-widget hook
    # looks the widget up in a state it never recorded and raises KeyError on the first interact cell
    client = nbexec.notebook_client(
        nb, cwd=path.parent, notebook_name=path.name, timeout=timeout, store_widget_state=True
    )
    result: dict = {}
    t0 = time.perf_counter()
    # the kernel's own log (e.g. its shutdown chatter) is noise here; cell errors still raise
    with _Pinned(cpus) as pin, client.setup_kernel(stderr=subprocess.DEVNULL):
        pin.restore()
        for i in range(n_lesson):
            client.execute_cell(nb.cells[i], i)
        result["cold_s"] = time.perf_counter() - t0
        # the measurements come back in files, not on stdout: while an interact updates, its Output
        # widget captures the cell's output, and the front-end may still route a later print there
        out_dir = Path(tempfile.mkdtemp(prefix="bright-spots-bench-"))
        extra = [MEMORY_CELL.replace("__OUT__", repr(str(out_dir / "memory.json")))]
        if updates:
            extra.append(
                _sweep_source()
                + "\n"
                + WIDGET_CELL.replace("__N__", str(int(updates))).replace(
                    "__OUT__", repr(str(out_dir / "widgets.json"))
                )
            )
        for src in extra:
            nb.cells.append(nbformat.v4.new_code_cell(src))
            client.execute_cell(nb.cells[-1], len(nb.cells) - 1)
    mem = _read_result(out_dir / "memory.json")
    result["peak_mb"] = mem["peak_kb"] * 1024 / 1e6
    result["cpu_s"] = mem.get("cpu_s")
    result["cpus"] = mem.get("cpus")
    if cpus and mem.get("cpus") is not None and set(mem["cpus"]) != set(cpus):
        raise RuntimeError(f"the kernel was to run on CPU(s) {sorted(cpus)} but reports {mem['cpus']}")
    if updates:
        data = _read_result(out_dir / "widgets.json")
    shutil.rmtree(out_dir, ignore_errors=True)
    if updates:
        result["backend"] = data["backend"]
        result["widgets"] = []
        for w in data["widgets"]:
            t = w.pop("times_ms")
            w.update(
                median_ms=statistics.median(t),
                p95_ms=percentile(t, 95),
                max_ms=max(t),
                times_ms=t,
                cpu_median_ms=statistics.median(w["cpu_ms"]) if w.get("cpu_ms") else None,
            )
            result["widgets"].append(w)
    return result


def _load1() -> float | None:
    return os.getloadavg()[0] if hasattr(os, "getloadavg") else None


def measure_notebook(
    path: Path, runs: int, updates: int, timeout: int = 120, one_core: bool = True, floor: bool = True
) -> dict:
    """Cold runs, peak memory, CPU and widget latency of one notebook, on two cores and one; its floor.

    Two-core and one-core runs (and the floors) alternate, so both see the
    same load.  A failure is recorded, not raised.  A stall (no reply from the
    kernel within ``timeout`` seconds for one cell) is a failure like any
    other: it is reported, never retried.
    """
    row: dict = {"name": path.name, "load": [_load1()]}
    modes = [("two", None)] + ([("one", one_cpu())] if one_core else [])
    try:
        acc = {m: {"cold": [], "peak": [], "cpu": [], "floor": []} for m, _ in modes}
        for r in range(runs):
            last = r == runs - 1
            for mode, cpus in modes:
                res = run_notebook(path, updates if last else None, timeout=timeout, cpus=cpus)
                a = acc[mode]
                a["cold"].append(res["cold_s"])
                a["peak"].append(res["peak_mb"])
                a["cpu"].append(res["cpu_s"])
                if last:
                    a["widgets"] = res.get("widgets", [])
                    a["backend"] = res.get("backend")
                    a["cpus"] = res.get("cpus")
                if floor:
                    a["floor"].append(run_notebook(path, None, timeout=timeout, cpus=cpus, imports_only=True)["cold_s"])
        two = acc["two"]
        row.update(
            cold_s=statistics.median(two["cold"]),
            cold_runs_s=two["cold"],
            peak_mb=max(two["peak"]),
            cpu_s=statistics.median(two["cpu"]),
            widgets=two["widgets"],
            backend=two["backend"],
            kernel_cpus=two["cpus"],
        )
        if floor:
            row["floor_s"] = statistics.median(two["floor"])
        if one_core:
            one = acc["one"]
            row["one_core"] = {
                "cold_s": statistics.median(one["cold"]),
                "cold_runs_s": one["cold"],
                "peak_mb": max(one["peak"]),
                "cpu_s": statistics.median(one["cpu"]),
                "widgets": one["widgets"],
                "kernel_cpus": one["cpus"],
            }
            if floor:
                row["floor_one_core_s"] = statistics.median(one["floor"])
    except Exception as err:  # noqa: BLE001 - a broken notebook is reported, the others still measured
        lines = [x for x in str(err).strip().splitlines() if x.strip()]
        row["error"] = f"{type(err).__name__}: {lines[-1] if lines else ''}"
        row["error_detail"] = str(err)[-3000:]
    row["load"].append(_load1())
    return row


# -- the class simulation ---------------------------------------------------------


def _student(path: Path, updates: int, timeout: int) -> dict:
    """One simulated student (run in a child process): the lesson, then its main widget."""
    try:
        res = run_notebook(path, updates, timeout=timeout)
        main = res["widgets"][0] if res.get("widgets") else None
        return {
            "cold_s": res["cold_s"],
            "peak_mb": res["peak_mb"],
            "cpu_s": res["cpu_s"],
            "times_ms": main["times_ms"] if main else [],
        }
    except Exception as err:  # noqa: BLE001 - one failed student is counted, the class goes on
        return {"error": f"{type(err).__name__}: {(str(err).strip().splitlines() or [''])[-1]}"}


def class_simulation(
    path: Path, sizes: Sequence[int] = CLASS_SIZES, updates: int = 20, timeout: int = 120, log=print
) -> dict:
    """N students at once on this machine, for each N in ``sizes``: each a kernel running ``path``.

    Every student is a process of its own (a kernel client and its kernel),
    all started together; their figures are summarised with
    :func:`class_summary`.
    """
    from concurrent.futures import ProcessPoolExecutor

    sim = {
        "lesson": path.name,
        "updates": updates,
        "rounds": [],
        "machine": machine(),
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
    }
    for n in sizes:
        log(f"[class] {n} student(s) at once on {path.name} ...")
        load0 = _load1()
        t0 = time.perf_counter()
        with ProcessPoolExecutor(max_workers=n) as pool:
            students = list(pool.map(_student, [path] * n, [updates] * n, [timeout] * n))
        summary = class_summary(students)
        summary.update(load=[load0, _load1()], wall_s=time.perf_counter() - t0, students=students)
        sim["rounds"].append(summary)
        log(
            f"[class]   {summary.get('cold_s_median', float('nan')):.1f} s per lesson (median), "
            f"{summary.get('peak_mb_median', float('nan')):.0f} MB per student, {summary['failed']} failed"
        )
    return sim


def time_import_utils(repeats: int = 5) -> float:
    code = "import time; t = time.perf_counter(); import utils; print(time.perf_counter() - t)"
    return _time_fresh(code, repeats)


def time_catalogue_load(repeats: int = 5) -> float:
    """A cold ``utils.load_catalogue()`` (checksum, parse, copy) in a fresh interpreter."""
    code = (
        "import astropy.table, time, utils; t = time.perf_counter(); utils.load_catalogue(); "
        "print(time.perf_counter() - t)"
    )
    return _time_fresh(code, repeats)


def _time_fresh(code: str, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
        times.append(float(out.stdout.strip().splitlines()[-1]))
    return statistics.median(times)


def time_nbval(paths: Iterable[Path]) -> tuple[float, bool]:
    from testenv import NBVAL_OPTIONS

    cmd = [
        sys.executable,
        "-m",
        "pytest",
        "-q",
        "-p",
        "no:cacheprovider",
        *NBVAL_OPTIONS,
        *[str(p.relative_to(ROOT)) for p in paths],
    ]
    env = {k: v for k, v in os.environ.items() if k != "MPLBACKEND"}  # as `python3 tasks.py test` runs them
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - t0
    if proc.returncode != 0:
        print(proc.stdout[-3000:], proc.stderr[-2000:], sep="\n", file=sys.stderr)
    return elapsed, proc.returncode == 0


def time_setup() -> float:
    """Clone the repository (committed state) and set it up from scratch."""
    with tempfile.TemporaryDirectory(prefix="bright-spots-setup-") as tmp:
        subprocess.run(["git", "clone", "--quiet", str(ROOT), f"{tmp}/bs"], check=True)
        t0 = time.perf_counter()
        proc = subprocess.run(
            [shutil.which("python3") or sys.executable, "tasks.py", "setup"],
            cwd=f"{tmp}/bs",
            capture_output=True,
            text=True,
        )
        if proc.returncode != 0:
            raise RuntimeError(f"set-up of a fresh clone failed:\n{proc.stdout[-2000:]}\n{proc.stderr[-2000:]}")
        return time.perf_counter() - t0


def time_site() -> float:
    """Build the course site into build/site/ as ``python3 tasks.py site`` does."""
    t0 = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "sitebuild.py")], cwd=ROOT, capture_output=True, text=True
    )
    if proc.returncode != 0:
        raise RuntimeError(f"the site build failed:\n{proc.stdout[-2000:]}\n{proc.stderr[-2000:]}")
    return time.perf_counter() - t0


def machine() -> dict:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = re.sub(r"\s+", " ", line.split(":", 1)[1]).strip()
                break
    except OSError:
        pass
    try:
        mem_kb = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))
        mem_gb = round(mem_kb * 1024 / 1e9, 1)
    except (OSError, AttributeError):
        mem_gb = "?"
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    load = " / ".join(f"{x:.1f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    return {
        "cpu": cpu,
        "cores": cores,
        "logical_cpus": os.cpu_count(),
        "memory_gb": mem_gb,
        "system": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "load_before": load,
    }


# -- comparing two trees ----------------------------------------------------------


def compare_summary(pairs: dict[str, list[dict]]) -> list[dict]:
    """Per lesson: the medians of each tree and the median of the per-round ratios (this / other).

    ``pairs`` maps a lesson to its rounds, each ``{"this": run, "other": run}``
    with ``cpu_s`` and ``cold_s`` in each run (a run that failed has ``error``
    instead; its round is left out of the ratios and counted as failed).
    """
    rows = []
    for name, rounds in pairs.items():
        ok = [r for r in rounds if "error" not in r["this"] and "error" not in r["other"]]
        row: dict = {"name": name, "rounds": len(ok), "failed": len(rounds) - len(ok)}
        for key in ("cpu_s", "cold_s"):
            if ok:
                this = [r["this"][key] for r in ok]
                other = [r["other"][key] for r in ok]
                row[key] = {
                    "this": statistics.median(this),
                    "other": statistics.median(other),
                    "ratio": statistics.median(a / b for a, b in zip(this, other, strict=True) if b > 0),
                }
        rows.append(row)
    return rows


def compare_markdown(result: dict) -> str:
    """The comparison as a Markdown table."""
    lines = [
        f"This tree ({result['this']}) against {result['other']}, {result['rounds_asked']} interleaved round(s), "
        f"{result['date']}; load average {result['load']}.",
        "",
        "| lesson | kernel CPU (s), other -> this | ratio | cold run (s), other -> this | ratio | rounds |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for row in result["lessons"]:
        if row["rounds"] == 0:
            lines.append(f"| {row['name']} | failed | | | | 0 of {row['failed']} |")
            continue
        c, w = row["cpu_s"], row["cold_s"]
        lines.append(
            f"| {row['name']} | {c['other']:.2f} -> {c['this']:.2f} | {c['ratio']:.2f} | "
            f"{w['other']:.2f} -> {w['this']:.2f} | {w['ratio']:.2f} | {row['rounds']}"
            + (f" ({row['failed']} failed)" if row["failed"] else "")
            + " |"
        )
    lines += [
        "",
        "Ratio: the median over rounds of this tree's value divided by the other's in the same round "
        "(below 1: this tree is faster).",
        "",
    ]
    return "\n".join(lines)


def _one_run_subprocess(python: Path, notebook: Path, timeout: int) -> dict:
    """One cold run of ``notebook`` by the benchmark under ``python`` (another tree's interpreter)."""
    cmd = [str(python), str(Path(__file__).resolve()), "--one-run", str(notebook), "--timeout", str(timeout)]
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout * 20, check=False)
    except subprocess.TimeoutExpired:
        return {"error": f"no result within {timeout * 20} s"}
    lines = proc.stdout.strip().splitlines()
    if proc.returncode != 0 or not lines:
        tail = (proc.stderr or proc.stdout).strip().splitlines()[-1:] or ["no output"]
        return {"error": f"exit {proc.returncode}: {tail[0][:300]}"}
    return json.loads(lines[-1])


def compare_trees(names: Sequence[str], other: Path, rounds: int, timeout: int = 120, log=print) -> dict:
    """Run each lesson in this tree and in ``other``, alternating the order (see the module's docstring)."""
    trees = {"this": (Path(sys.executable), ROOT), "other": (other / ".venv" / "bin" / "python", other)}
    pairs: dict[str, list[dict]] = {name: [] for name in names}
    load = [_load1()]
    for r in range(rounds):
        for i, name in enumerate(names):
            order = ("this", "other") if (r + i) % 2 == 0 else ("other", "this")
            got = {}
            for key in order:
                python, root = trees[key]
                got[key] = _one_run_subprocess(python, root / "notebooks" / name, timeout)
            pairs[name].append(got)
            t, o = got["this"], got["other"]
            log(
                f"[bench] round {r + 1}/{rounds} {name}: "
                + " ".join(
                    f"{k} " + (x["error"] if "error" in x else f"{x['cpu_s']:.2f} s CPU, {x['cold_s']:.2f} s")
                    for k, x in (("this", t), ("other", o))
                )
            )
    load.append(_load1())
    return {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "this": str(ROOT),
        "other": str(other),
        "rounds_asked": rounds,
        "load": " -> ".join("?" if x is None else f"{x:.1f}" for x in load),
        "machine": machine(),
        "lessons": compare_summary(pairs),
        "runs": pairs,
    }


def main(argv: list[str] | None = None) -> int:
    import nbtools

    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("notebooks", nargs="*", type=Path, help="default: every NN-name.ipynb in notebooks/")
    p.add_argument("--runs", type=int, default=3, help="cold runs per notebook (median); default 3")
    p.add_argument("--updates", type=int, default=30, help="widget updates per widget; default 30")
    p.add_argument("--timeout", type=int, default=120, help="seconds one cell may take; default 120")
    p.add_argument("--setup", action="store_true", help="also time a fresh clone + set-up")
    p.add_argument("--site", action="store_true", help="also time the course site's build (python3 tasks.py site)")
    p.add_argument("--no-nbval", action="store_true", help="skip the timing of the collection under nbval")
    p.add_argument(
        "--no-soak",
        action="store_true",
        help="skip the soak test (50 lesson runs and 500 widget cells, half with every CPU busy)",
    )
    p.add_argument(
        "--out",
        type=Path,
        default=ROOT / "docs" / "performance",
        help="write OUT.md and OUT.json; default docs/performance",
    )
    p.add_argument("--readme", action="store_true", help="also replace the table in README.md (Performance)")
    p.add_argument(
        "--no-browser",
        action="store_true",
        help="skip the slider latency in JupyterLab/Chromium (needs playwright and chromium)",
    )
    p.add_argument("--moves", type=int, default=25, help="browser: key presses on each main widget; default 25")
    p.add_argument("--no-one-core", action="store_true", help="skip the runs pinned to one core")
    p.add_argument("--no-floor", action="store_true", help="skip the floor (imports-only kernel) runs")
    p.add_argument(
        "--class",
        dest="class_sim",
        action="store_true",
        help="run only the class simulation (N = 1, 5, 10, 20 students at once) and write its "
        "section of OUT.md and OUT-class.json",
    )
    p.add_argument(
        "--class-lesson",
        type=Path,
        default=ROOT / "notebooks" / "03-resonances.ipynb",
        help="the lesson every simulated student runs; default the heaviest, 03-resonances",
    )
    p.add_argument(
        "--class-sizes",
        default=",".join(map(str, CLASS_SIZES)),
        help="students at once, comma-separated; default 1,5,10,20",
    )
    p.add_argument("--strict", action="store_true", help="exit 1 when a budget is missed")
    p.add_argument(
        "--against",
        type=Path,
        metavar="TREE",
        help="only compare this tree with another set-up checkout of the project, lesson by lesson, interleaved; "
        "writes OUT-compare.md and OUT-compare.json",
    )
    p.add_argument("--rounds", type=int, default=5, help="with --against: runs of each lesson in each tree; default 5")
    p.add_argument("--one-run", type=Path, help=argparse.SUPPRESS)  # used by --against: one cold run, JSON out
    args = p.parse_args(argv)
    os.environ.pop("MPLBACKEND", None)  # the kernels must draw with the inline backend, as for a student
    if args.one_run:
        res = run_notebook(args.one_run.resolve(), None, timeout=args.timeout)
        print(json.dumps({"cpu_s": res["cpu_s"], "cold_s": res["cold_s"], "peak_mb": res["peak_mb"]}))
        return 0
    if args.against:
        other = args.against.resolve()
        if not (other / ".venv" / "bin" / "python").exists() or not (other / "notebooks").is_dir():
            p.error(f"--against {other}: not a set-up checkout (run `python3 tasks.py setup` there first)")
        if other == ROOT:
            p.error("--against: give another checkout than this one")
        if args.rounds < 1:
            p.error("--rounds must be at least 1")
        chosen = [x.name for x in args.notebooks] or [x.name for x in nbtools.lesson_notebooks()]
        names = [n for n in chosen if (other / "notebooks" / n).exists()]
        for n in sorted(set(chosen) - set(names)):
            print(f"[bench] {n}: not in {other}, left out", flush=True)
        if not names:
            p.error("--against: no lesson is in both trees")
        cmp = compare_trees(names, other, args.rounds, timeout=args.timeout, log=lambda m: print(m, flush=True))
        md = compare_markdown(cmp)
        out = Path(str(args.out) + "-compare")
        out.parent.mkdir(parents=True, exist_ok=True)
        out.with_suffix(".md").write_text("# Performance: two trees compared\n\n" + md)
        out.with_suffix(".json").write_text(json.dumps(cmp, indent=1) + "\n")
        print()
        print(md)
        print(f"[bench] wrote {out}.md and {out}.json")
        return 1 if any(row["failed"] for row in cmp["lessons"]) else 0
    if args.runs < 1 or args.updates < 2 or args.moves < 20:
        p.error("--runs must be at least 1, --updates at least 2 and --moves at least 20")
    if args.class_sim:
        try:
            sizes = [int(x) for x in args.class_sizes.split(",")]
        except ValueError:
            p.error(f"--class-sizes must be whole numbers separated by commas; got {args.class_sizes!r}")
        if not sizes or min(sizes) < 1 or max(sizes) > 100:
            p.error("--class-sizes: between 1 and 100 students")
        if not args.class_lesson.exists():
            p.error(f"no such notebook: {args.class_lesson}")
        sim = class_simulation(args.class_lesson.resolve(), sizes, updates=min(args.updates, 20), timeout=args.timeout)
        md = class_markdown(sim)
        out_md = args.out.with_suffix(".md")
        text = out_md.read_text() if out_md.exists() else "# Performance\n"
        block = f"## Class simulation ({sim['date']})\n\n" + md
        if CLASS_START in text:
            text = replace_between(text, CLASS_START, CLASS_END, block)
        else:
            text = text.rstrip("\n") + f"\n\n{CLASS_START}\n{block}{CLASS_END}\n"
        out_md.write_text(text)
        Path(str(args.out) + "-class.json").write_text(json.dumps(sim, indent=1) + "\n")
        print()
        print(md)
        print(f"[bench] wrote the class simulation into {out_md} and {args.out}-class.json")
        return 1 if any(r["failed"] for r in sim["rounds"]) else 0

    paths = [x.resolve() for x in args.notebooks] or nbtools.lesson_notebooks()
    for x in paths:
        if not x.exists():
            p.error(f"no such notebook: {x}")
    result = {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": machine(),
        "runs": args.runs,
        "updates": args.updates,
        "moves": None if args.no_browser else args.moves,
        "budgets": BUDGETS,
        "notebooks": [],
        "collection": {},
    }
    for x in paths:
        print(
            f"[bench] {x.name}: {args.runs} cold run(s) on two cores"
            f"{'' if args.no_one_core else ' and on one'}, {args.updates} widget updates"
            f"{'' if args.no_floor else ', the imports-only floor'} ...",
            flush=True,
        )
        row = measure_notebook(
            x, args.runs, args.updates, timeout=args.timeout, one_core=not args.no_one_core, floor=not args.no_floor
        )
        result["notebooks"].append(row)
        if row.get("error"):
            print(f"[bench]   FAILED: {row['error']}", flush=True)
        else:
            for label, part in (("2 cores", row), ("1 core", row.get("one_core"))):
                if part:
                    print(
                        f"[bench]   {label}: {part['cold_s']:.1f} s, {part['peak_mb']:.0f} MB, "
                        f"{part['cpu_s']:.1f} s CPU, widgets (median/p95, CPU median): "
                        + (
                            ", ".join(
                                f"{w['median_ms']:.0f}/{w['p95_ms']:.0f} ms, {w['cpu_median_ms']:.0f} ms"
                                for w in part["widgets"]
                            )
                            or "none"
                        ),
                        flush=True,
                    )
            if row.get("floor_s") is not None:
                print(
                    f"[bench]   floor {row['floor_s']:.1f} s (x{ratio(row['cold_s'], row['floor_s']):.2f})", flush=True
                )
    if not args.no_browser:
        import browserbench

        try:
            latency = browserbench.measure(paths, moves=args.moves, log=lambda m: print(m, flush=True))
        except Exception as err:  # noqa: BLE001 - no browser: every row says so
            latency = {x.name: {"error": f"{type(err).__name__}: {err}"[:300]} for x in paths}
        for row in result["notebooks"]:
            if row["name"] in latency:
                row["browser"] = latency[row["name"]]
    print("[bench] import utils ...", flush=True)
    result["collection"]["import_utils_s"] = time_import_utils()
    print("[bench] load the asteroid catalogue ...", flush=True)
    result["collection"]["catalogue_load_s"] = time_catalogue_load()
    if not args.no_nbval:
        all_nbs = nbtools.lesson_notebooks()
        print(f"[bench] every notebook under nbval ({len(all_nbs)}) ...", flush=True)
        t, ok = time_nbval(all_nbs)
        result["collection"].update(nbval_s=t, nbval_ok=ok, nbval_notebooks=len(all_nbs))
    if args.setup:
        print("[bench] fresh clone + set-up ...", flush=True)
        result["collection"]["setup_s"] = time_setup()
    if args.site:
        print("[bench] course site build ...", flush=True)
        result["collection"]["site_s"] = time_site()
    if not args.no_soak:
        import soak

        print("[bench] soak test: kernel stalls over many lesson runs and widget cells ...", flush=True)
        result["soak"] = soak.soak(log=lambda m: print(m, flush=True))

    result["machine"]["load_after"] = machine()["load_before"]
    md = markdown(result)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    out_md = args.out.with_suffix(".md")
    old_text = out_md.read_text() if out_md.exists() else ""
    kept = ""
    import soak

    blocks = [(CLASS_START, CLASS_END)] + ([] if result.get("soak") else [(soak.START, soak.END)])
    for start, end in blocks:  # sections written by --class and by `tasks.py soak` stay
        if start in old_text and end in old_text:
            kept += "\n" + old_text[old_text.index(start) : old_text.index(end) + len(end)] + "\n"
    out_md.write_text("# Performance\n\nWritten by `python3 tasks.py bench`.\n\n" + md + kept)
    args.out.with_suffix(".json").write_text(json.dumps(result, indent=1) + "\n")
    print()
    print(md)
    print(f"[bench] wrote {args.out.with_suffix('.md')} and {args.out.with_suffix('.json')}")
    if args.readme:
        readme = ROOT / "README.md"
        readme.write_text(
            replace_between(readme.read_text(), "<!-- performance:start -->", "<!-- performance:end -->", md)
        )
        print("[bench] updated the table in README.md")

    failed = any(r.get("error") for r in result["notebooks"]) or not result["collection"].get("nbval_ok", True)
    failed |= bool(result.get("soak") and (result["soak"]["stalls"] or result["soak"]["errors"]))
    missed = any(MISS in notebook_marks(r).values() for r in result["notebooks"] if not r.get("error"))
    missed |= mark(result["collection"].get("nbval_s"), BUDGETS["collection_s"]) == MISS
    if missed:
        print("[bench] some budgets were missed (see the table)")
    return 1 if failed or (args.strict and missed) else 0


if __name__ == "__main__":
    sys.exit(main())
