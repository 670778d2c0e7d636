#!/usr/bin/env python3
"""Benchmark every notebook against the performance budgets.

    python3 tasks.py bench                  # all notebooks, 3 cold runs each
    python3 tasks.py bench --runs 5 --updates 50 notebooks/00-start-here.ipynb
    python3 tasks.py bench --setup          # also time a fresh clone + set-up
    python3 tasks.py bench --site           # also time the course site's build (python3 tasks.py site)
    python3 tasks.py bench --readme         # also put the table into README.md

For each notebook (``NN-name.ipynb`` in notebooks/):

* **cold run**: a new kernel, every cell executed (nbclient), wall time from the
  kernel start to the last cell; the median of ``--runs`` runs;
* **peak memory**: the kernel's peak resident memory (``VmHWM``, read by a cell
  appended after the lesson's last cell);
* **widget update**: in the same kernel, every ``interact`` widget (an
  ``ipywidgets.interactive``) has its first control stepped through ``--updates``
  values across its range; each step times the callback plus the inline PNG
  rendering of its figure.  Median and 95th percentile.

Plus: ``import utils`` in a fresh interpreter (median of 5), the whole
collection under nbval (the README's pytest command on notebooks/ only, one
process), and, with ``--setup``, a clone of the repository set up from scratch
(``python3 tasks.py setup``; pip's cache may be warm).

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

# The budgets on a 2-core machine (see README, "Performance").
BUDGETS = {
    "lesson_s": 10.0,  # cold run of one notebook
    "lesson_mb": 300.0,  # peak kernel memory (MB = 10^6 bytes)
    "widget_median_ms": 100.0,  # callback + redraw, median
    "widget_p95_ms": 250.0,  # callback + redraw, 95th percentile
    "collection_s": 60.0,  # every notebook under nbval
}
PASS, MISS = "ok", "MISS"

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


def notebook_marks(row: dict) -> dict[str, str]:
    """Pass/miss marks for one notebook's measurements."""
    widget_med = max((w["median_ms"] for w in row.get("widgets", [])), default=None)
    widget_p95 = max((w["p95_ms"] for w in row.get("widgets", [])), default=None)
    return {
        "time": mark(row.get("cold_s"), BUDGETS["lesson_s"]),
        "memory": mark(row.get("peak_mb"), BUDGETS["lesson_mb"]),
        "widget_median": mark(widget_med, BUDGETS["widget_median_ms"]),
        "widget_p95": mark(widget_p95, BUDGETS["widget_p95_ms"]),
        # every update must work: no exception, a figure drawn each time
        "widget_errors": PASS
        if all(w["errors"] == 0 and w["pngs"] >= w["n"] for w in row.get("widgets", []))
        else MISS,
    }


def markdown(result: dict) -> str:
    """The performance report as markdown: notebooks, widgets, collection, machine."""
    b = BUDGETS
    lines = [
        "| notebook | cold run (s) | peak kernel memory (MB) | main widget update, median / p95 (ms) | budgets |",
        "|---|---:|---:|---:|---|",
    ]
    for row in result["notebooks"]:
        if row.get("error"):
            lines.append(f"| `{row['name']}` | failed | - | - | {row['error'][:80]} |")
            continue
        m = notebook_marks(row)
        main = row["widgets"][0] if row.get("widgets") else None
        widget = f"{fmt(main['median_ms'])} / {fmt(main['p95_ms'])}" if main else "no widget"
        missed = [k for k, v in m.items() if v == MISS]
        verdict = "all met" if not missed else "MISSED: " + ", ".join(missed)
        lines.append(f"| `{row['name']}` | {fmt(row['cold_s'])} | {fmt(row['peak_mb'], 0)} | {widget} | {verdict} |")
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
    widget_rows = [(row["name"], w) for row in result["notebooks"] for w in row.get("widgets", [])]
    if widget_rows:
        lines += [
            "| notebook | widget (control) | updates | median (ms) | p95 (ms) | max (ms) | figures drawn | errors |",
            "|---|---|---:|---:|---:|---:|---:|---:|",
        ]
        for name, w in widget_rows:
            lines.append(
                f"| `{name}` | {w['index']}: {w['control']} `{w['description']}` | {w['n']} | "
                f"{fmt(w['median_ms'])} {mark(w['median_ms'], b['widget_median_ms'])} | "
                f"{fmt(w['p95_ms'])} {mark(w['p95_ms'], b['widget_p95_ms'])} | {fmt(w['max_ms'])} | "
                f"{w['pngs']} | {w['errors']} |"
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
        f"Budgets: each lesson ≤ {b['lesson_s']:.0f} s and ≤ {b['lesson_mb']:.0f} MB; widget updates "
        f"≤ {b['widget_median_ms']:.0f} ms median and ≤ {b['widget_p95_ms']:.0f} ms p95; the collection "
        f"≤ {b['collection_s']:.0f} s under nbval.  Cold runs: median of {result['runs']}; widget "
        f"updates: {result['updates']} steps of each widget's first control across its range."
    )
    lines.append("")
    lines.append(
        f"Machine: {mch['cpu']}, {mch['cores']} cores available ({mch['logical_cpus']} logical CPUs), "
        f"{mch['memory_gb']} GB RAM, {mch['system']}, Python {mch['python']}; load average "
        f"{mch['load_before']} before the run; {result['date']}."
    )
    return "\n".join(lines) + "\n"


def replace_between(text: str, start: str, end: str, new: str) -> str:
    """Replace what lies between two marker lines (markers kept); ValueError if they are missing."""
    i, j = text.find(start), text.find(end)
    if i < 0 or j < 0 or j < i:
        raise ValueError(f"markers {start!r} ... {end!r} not found")
    return text[: i + len(start)] + "\n" + new + text[j:]


# -- measurements ---------------------------------------------------------------

# Appended after a lesson's last cell: the kernel's peak memory.
MEMORY_CELL = """\
import json as _json, resource as _resource
_peak_kb = _resource.getrusage(_resource.RUSAGE_SELF).ru_maxrss
try:
    for _line in open("/proc/self/status"):
        if _line.startswith("VmHWM:"):
            _peak_kb = int(_line.split()[1])
except OSError:
    pass
print("BENCH-MEMORY", _json.dumps({"peak_kb": _peak_kb}))
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
            _times, _pngs = [], 0
            _errors.clear()
            for _v in _vals:
                _published.clear()
                _before = _c.value
                _t0 = _time.perf_counter()
                _setter(_v)
                if _c.value == _before:   # no change, no callback: call it as the widget would
                    _iw.update()
                _times.append((_time.perf_counter() - _t0) * 1000)
                _pngs += sum("image/png" in d for d in _published)
            _out.append({"index": _i, "control": type(_c).__name__, "description": _c.description,
                         "n": len(_times), "times_ms": _times, "pngs": _pngs, "errors": len(_errors)})
    finally:
        _ip.display_pub.publish, _ip.showtraceback = _orig_publish, _orig_tb
    return _out

print("BENCH-WIDGETS", _json.dumps({"backend": _mpl.get_backend(), "widgets": _bench_widgets(__N__)}))
"""


def _sweep_source() -> str:
    import inspect

    return inspect.getsource(sweep_values).replace("def sweep_values", "def __SWEEP__")


def _tagged(nb_cell, tag: str) -> dict:
    for out in nb_cell.get("outputs", []):
        text = out.get("text", "")
        for line in (text if isinstance(text, str) else "".join(text)).splitlines():
            if line.startswith(tag + " "):
                return json.loads(line[len(tag) + 1 :])
    raise RuntimeError(f"no {tag} line in the output: {nb_cell.get('outputs')}")


def run_notebook(path: Path, updates: int | None, timeout: int = 120) -> dict:
    """One cold run; with ``updates``, also the memory and widget measurements."""
    import nbformat

    import nbexec

    nb = nbformat.read(str(path), as_version=4)
    n_lesson = len(nb.cells)
    client = nbexec.notebook_client(
        nb, cwd=path.parent, notebook_name=path.name, timeout=timeout, store_widget_state=False
    )
    result: dict = {}
    t0 = time.perf_counter()
    # the kernel's own log (e.g. its shutdown chatter) is noise here; cell errors still raise
    with client.setup_kernel(stderr=subprocess.DEVNULL):
        for i in range(n_lesson):
            client.execute_cell(nb.cells[i], i)
        result["cold_s"] = time.perf_counter() - t0
        extra = [MEMORY_CELL]
        if updates:
            extra.append(_sweep_source() + "\n" + WIDGET_CELL.replace("__N__", str(int(updates))))
        for src in extra:
            nb.cells.append(nbformat.v4.new_code_cell(src))
            client.execute_cell(nb.cells[-1], len(nb.cells) - 1)
    result["peak_mb"] = _tagged(nb.cells[n_lesson], "BENCH-MEMORY")["peak_kb"] * 1024 / 1e6
    if updates:
        data = _tagged(nb.cells[n_lesson + 1], "BENCH-WIDGETS")
        result["backend"] = data["backend"]
        result["widgets"] = []
        for w in data["widgets"]:
            t = w.pop("times_ms")
            w.update(median_ms=statistics.median(t), p95_ms=percentile(t, 95), max_ms=max(t), times_ms=t)
            result["widgets"].append(w)
    return result


def measure_notebook(path: Path, runs: int, updates: int, timeout: int = 120) -> dict:
    """Cold runs, peak memory and widget latency of one notebook; a failure is recorded, not raised.

    A stall (no reply from the kernel within ``timeout`` seconds for one cell)
    is a failure like any other: it is reported, never retried.
    """
    row: dict = {"name": path.name}
    try:
        cold, peaks = [], []
        for r in range(runs):
            last = r == runs - 1
            res = run_notebook(path, updates if last else None, timeout=timeout)
            cold.append(res["cold_s"])
            peaks.append(res["peak_mb"])
            if last:
                row["widgets"] = res.get("widgets", [])
                row["backend"] = res.get("backend")
        row.update(cold_s=statistics.median(cold), cold_runs_s=cold, peak_mb=max(peaks))
    except Exception as err:  # noqa: BLE001 - a broken notebook is reported, the others still measured
        lines = [x for x in str(err).strip().splitlines() if x.strip()]
        row["error"] = f"{type(err).__name__}: {lines[-1] if lines else ''}"
        row["error_detail"] = str(err)[-3000:]
    return row


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
    p.add_argument("--strict", action="store_true", help="exit 1 when a budget is missed")
    args = p.parse_args(argv)
    if args.runs < 1 or args.updates < 2:
        p.error("--runs must be at least 1 and --updates at least 2")
    os.environ.pop("MPLBACKEND", None)  # the kernels must draw with the inline backend, as for a student

    paths = [x.resolve() for x in args.notebooks] or nbtools.lesson_notebooks()
    for x in paths:
        if not x.exists():
            p.error(f"no such notebook: {x}")
    result = {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": machine(),
        "runs": args.runs,
        "updates": args.updates,
        "budgets": BUDGETS,
        "notebooks": [],
        "collection": {},
    }
    for x in paths:
        print(f"[bench] {x.name}: {args.runs} cold run(s) and {args.updates} widget updates ...", flush=True)
        row = measure_notebook(x, args.runs, args.updates, timeout=args.timeout)
        result["notebooks"].append(row)
        if row.get("error"):
            print(f"[bench]   FAILED: {row['error']}", flush=True)
        else:
            print(
                f"[bench]   {row['cold_s']:.1f} s, {row['peak_mb']:.0f} MB, widgets: "
                + (", ".join(f"{w['median_ms']:.0f}/{w['p95_ms']:.0f} ms" for w in row["widgets"]) or "none"),
                flush=True,
            )
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

    md = markdown(result)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.with_suffix(".md").write_text("# Performance\n\nWritten by `python3 tasks.py bench`.\n\n" + md)
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
