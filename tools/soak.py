#!/usr/bin/env python3
"""Soak test: run the lessons and their widget cells many times and count stalls.

    python3 tasks.py soak                       # the full soak (56 lesson runs, >= 500 widget cells)
    python3 tasks.py soak --lesson-runs 8 --widget-cells 40    # a quick one

A *stall* is a cell that gets no reply from the kernel within ``--timeout``
seconds (60 by default; no lesson cell needs more than a few).  Every run
starts a new kernel, executes the whole lesson, then executes the lesson's
widget cells (those that call ``interact``) again and again in the same kernel.
Half of the runs happen while other processes keep every CPU busy.

The notebooks run through ``nbexec`` (the project's nbclient runner, with the
fix for the lost shell wake-up), so this proves that fix under load.  With
``--unfixed`` they run through plain nbclient instead, to show the fault.

Prints a summary and returns it as a dict (``tools/benchmark.py`` puts it into
docs/performance.md).  Exit status 1 when any cell stalled or failed.
"""

from __future__ import annotations

import argparse
import json
import math
import multiprocessing
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

import nbexec  # noqa: E402
import nbtools  # noqa: E402


def _burn(stop) -> None:  # pragma: no cover - runs in a child process
    while not stop.is_set():
        sum(i * i for i in range(10_000))


class CpuLoad:
    """Keep every CPU busy (one spinning process per CPU) while the block runs."""

    def __init__(self, on: bool):
        self.on, self.procs = on, []
        self.stop = multiprocessing.Event()

    def __enter__(self):
        if self.on:
            self.procs = [
                multiprocessing.Process(target=_burn, args=(self.stop,), daemon=True)
                for _ in range(os.cpu_count() or 2)
            ]
            for p in self.procs:
                p.start()
            time.sleep(0.5)
        return self

    def __exit__(self, *exc):
        self.stop.set()
        for p in self.procs:
            p.join(timeout=5)
            if p.is_alive():
                p.kill()
        return False


def widget_cells(nb) -> list[int]:
    """Indices of the code cells that build an ``interact`` widget."""
    return [i for i, c in enumerate(nb.cells) if c.cell_type == "code" and "interact(" in c.source]


def plan(notebooks: list[Path], lesson_runs: int, widget_cells_total: int) -> list[dict]:
    """Which lesson each run executes, whether under load, and how often it repeats its widget cells."""
    import nbformat

    counts = {p: len(widget_cells(nbformat.read(str(p), as_version=4))) for p in notebooks}
    per_lesson = math.ceil(lesson_runs / len(notebooks))
    runs = [{"path": p, "loaded": False} for _ in range(per_lesson) for p in notebooks]
    for k, r in enumerate(runs):
        r["loaded"] = k % 2 == 1
    widgets_per_round = sum(counts[r["path"]] for r in runs)
    if widgets_per_round == 0:
        raise SystemExit("no widget cells (interact) in the notebooks: nothing to soak")
    # the full run executes each widget cell once; repeats make up the rest
    repeats = max(0, math.ceil(widget_cells_total / widgets_per_round) - 1)
    for r in runs:
        r["repeats"] = repeats
    return runs


def one_run(path: Path, repeats: int, timeout: int, unfixed: bool) -> dict:
    import nbformat

    nb = nbformat.read(str(path), as_version=4)
    wcells = widget_cells(nb)
    if unfixed:
        from nbclient import NotebookClient

        client = NotebookClient(
            nb, timeout=timeout, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
        )
    else:
        client = nbexec.notebook_client(nb, cwd=path.parent, notebook_name=path.name, timeout=timeout)
    out = {"lesson": path.name, "cells": 0, "widget_cells": 0, "stalls": [], "errors": [], "slowest": (0.0, None)}

    def run_cell(index: int) -> None:
        cell = nb.cells[index]
        t0 = time.monotonic()
        try:
            client.execute_cell(cell, index)
        finally:
            dt = time.monotonic() - t0
            out["cells"] += 1
            out["widget_cells"] += index in wcells
            if dt > out["slowest"][0]:
                out["slowest"] = (dt, index)
        if unfixed and dt >= timeout:  # plain nbclient carries on silently after a lost wake-up
            raise nbexec.StallError(f"{path.name}: cell {index} got no reply within {timeout} s (waited {dt:.1f} s)")

    with client.setup_kernel(env=nbexec.kernel_env(), stderr=subprocess.DEVNULL):
        try:
            for i, cell in enumerate(nb.cells):
                if cell.cell_type == "code":
                    run_cell(i)
            for _ in range(repeats):
                for i in wcells:
                    run_cell(i)
        except nbexec.StallError as err:
            out["stalls"].append(str(err).splitlines()[0])
        except Exception as err:  # noqa: BLE001 - a failing cell is reported, the soak goes on
            lines = [x for x in str(err).strip().splitlines() if x.strip()]
            out["errors"].append(f"{type(err).__name__}: {lines[-1] if lines else ''}"[:300])
    return out


def soak(
    notebooks: list[Path] | None = None,
    lesson_runs: int = 50,
    widget_cells_total: int = 500,
    timeout: int = 60,
    unfixed: bool = False,
    log=print,
) -> dict:
    notebooks = notebooks or nbtools.lesson_notebooks()
    runs = plan(notebooks, lesson_runs, widget_cells_total)
    summary = {
        "timeout_s": timeout,
        "lesson_runs": 0,
        "cells": 0,
        "widget_cells": 0,
        "stalls": [],
        "errors": [],
        "slowest_cell": None,
        "client": "plain nbclient" if unfixed else "nbexec",
        "loaded": {"lesson_runs": 0, "widget_cells": 0, "load_avg_1min": []},
        "idle": {"lesson_runs": 0, "widget_cells": 0, "load_avg_1min": []},
    }
    t_start = time.monotonic()
    slowest = (0.0, "")
    for loaded in (False, True):
        part = [r for r in runs if r["loaded"] == loaded]
        key = "loaded" if loaded else "idle"
        log(f"[soak] {len(part)} lesson runs {'with every CPU kept busy' if loaded else 'without extra load'} ...")
        with CpuLoad(loaded):
            for r in part:
                res = one_run(r["path"], r["repeats"], timeout, unfixed)
                summary["lesson_runs"] += 1
                summary["cells"] += res["cells"]
                summary["widget_cells"] += res["widget_cells"]
                summary[key]["lesson_runs"] += 1
                summary[key]["widget_cells"] += res["widget_cells"]
                summary[key]["load_avg_1min"].append(round(os.getloadavg()[0], 2))
                summary["stalls"] += res["stalls"]
                summary["errors"] += [f"{res['lesson']}: {e}" for e in res["errors"]]
                if res["slowest"][0] > slowest[0]:
                    slowest = (res["slowest"][0], f"{res['lesson']} cell {res['slowest'][1]}")
                for s in res["stalls"]:
                    log(f"[soak]   STALL {s}")
                for e in res["errors"]:
                    log(f"[soak]   ERROR {res['lesson']}: {e}")
    for key in ("loaded", "idle"):
        loads = summary[key].pop("load_avg_1min")
        summary[key]["load_avg_1min"] = [min(loads), max(loads)] if loads else None
    summary["slowest_cell"] = {"seconds": round(slowest[0], 2), "where": slowest[1]}
    summary["seconds"] = round(time.monotonic() - t_start, 1)
    log(
        f"[soak] {summary['lesson_runs']} lesson runs, {summary['cells']} cells of which "
        f"{summary['widget_cells']} widget cells; stalls: {len(summary['stalls'])}; errors: {len(summary['errors'])}; "
        f"slowest cell {summary['slowest_cell']['seconds']} s ({summary['slowest_cell']['where']}); "
        f"{summary['seconds']:.0f} s"
    )
    return summary


START, END = "<!-- soak:start -->", "<!-- soak:end -->"


def write_docs(s: dict, path: Path = ROOT / "docs" / "performance.md") -> None:
    """Put this soak's table into docs/performance.md (between the soak markers, or at the end)."""
    text = path.read_text(encoding="utf-8") if path.exists() else "# Performance\n"
    block = f"{START}\n## Soak test ({time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())})\n\n{markdown(s)}\n{END}"
    if START in text and END in text:
        text = text[: text.index(START)] + block + text[text.index(END) + len(END) :]
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    path.write_text(text, encoding="utf-8")


def markdown(s: dict) -> str:
    lo, li = s["loaded"], s["idle"]
    fmt_load = lambda r: f"{r[0]:.1f}-{r[1]:.1f}" if r else "-"  # noqa: E731
    return "\n".join(
        [
            "| soak (kernel stalls) | lesson runs | widget cells | load average (1 min) |",
            "|---|---:|---:|---|",
            f"| no load added by the soak | {li['lesson_runs']} | {li['widget_cells']} "
            f"| {fmt_load(li['load_avg_1min'])} |",
            f"| every CPU kept busy by the soak | {lo['lesson_runs']} | {lo['widget_cells']} "
            f"| {fmt_load(lo['load_avg_1min'])} |",
            "",
            f"Stalls (a cell with no reply within {s['timeout_s']} s): **{len(s['stalls'])}**; failed cells: "
            f"{len(s['errors'])}; cells executed: {s['cells']}; slowest cell: {s['slowest_cell']['seconds']} s "
            f"({s['slowest_cell']['where']}); runner: {s['client']}; {s['seconds']:.0f} s in all.",
        ]
    )


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--lesson-runs", type=int, default=50, help="whole-lesson executions (default 50)")
    p.add_argument("--widget-cells", type=int, default=500, help="widget-cell executions at least (default 500)")
    p.add_argument("--timeout", type=int, default=60, help="seconds without a reply that count as a stall")
    p.add_argument("--unfixed", action="store_true", help="use plain nbclient (shows the fault nbexec fixes)")
    p.add_argument("--json", type=Path, help="also write the summary here")
    p.add_argument("--write-docs", action="store_true", help="put the result into docs/performance.md")
    args = p.parse_args(argv)
    if args.lesson_runs < 1 or args.widget_cells < 0 or not 1 <= args.timeout <= 120:
        p.error("--lesson-runs >= 1, --widget-cells >= 0 and --timeout between 1 and 120")
    os.environ.pop("MPLBACKEND", None)
    s = soak(
        lesson_runs=args.lesson_runs, widget_cells_total=args.widget_cells, timeout=args.timeout, unfixed=args.unfixed
    )
    print(markdown(s))
    if args.json:
        args.json.write_text(json.dumps(s, indent=1) + "\n")
    if args.write_docs:
        write_docs(s)
    return 1 if s["stalls"] or s["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
