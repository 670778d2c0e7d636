"""The benchmark's arithmetic and report (tools/benchmark.py); the measurements themselves run with `tasks.py bench`."""

from __future__ import annotations

import statistics

import pytest
from hypothesis import given
from hypothesis import strategies as st

import benchmark as bm

finite = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False)


def test_percentile_interpolates_between_ranks():
    assert bm.percentile([1, 2, 3, 4], 50) == 2.5
    assert bm.percentile([10, 20, 30, 40, 50], 95) == pytest.approx(48.0)
    assert bm.percentile([4, 1, 3, 2], 0) == 1
    assert bm.percentile([4, 1, 3, 2], 100) == 4
    assert bm.percentile([7.0], 95) == 7.0


@given(st.lists(finite, min_size=1, max_size=50))
def test_percentile_50_is_the_median_and_p95_within_range(xs):
    assert bm.percentile(xs, 50) == pytest.approx(statistics.median(xs), abs=1e-6)
    assert min(xs) <= bm.percentile(xs, 95) <= max(xs)
    assert bm.percentile(xs, 50) <= bm.percentile(xs, 95) + 1e-9


@pytest.mark.parametrize("values, q", [([], 50), ([1.0], -1), ([1.0], 101)])
def test_percentile_refuses_bad_input(values, q):
    with pytest.raises(ValueError):
        bm.percentile(values, q)


def test_mark_compares_with_the_budget():
    assert bm.mark(10.0, 10.0) == bm.PASS
    assert bm.mark(10.01, 10.0) == bm.MISS
    assert bm.mark(None, 10.0) == "-"
    assert bm.mark(float("nan"), 10.0) == "-"


def test_sweep_covers_both_ends_on_the_step_grid():
    assert bm.sweep_values(0, 10000, 30, 100)[0] == 0
    assert bm.sweep_values(0, 10000, 30, 100)[-1] == 10000
    assert all(v % 100 == 0 for v in bm.sweep_values(0, 10000, 30, 100))
    assert bm.sweep_values(0, 2, 10, 1) == [0, 1, 2]  # neighbours never repeat
    with pytest.raises(ValueError):
        bm.sweep_values(0, 1, 1)


def _result(cold=3.0, peak=120.0, med=40.0, p95=90.0, nbval=20.0):
    widget = {
        "index": 0,
        "control": "IntSlider",
        "description": "x",
        "n": 30,
        "median_ms": med,
        "p95_ms": p95,
        "max_ms": p95 + 1,
        "pngs": 30,
        "errors": 0,
    }
    return {
        "date": "2026-01-01 00:00 UTC",
        "runs": 3,
        "updates": 30,
        "machine": {
            "cpu": "Test CPU",
            "cores": 2,
            "logical_cpus": 2,
            "memory_gb": 4.0,
            "system": "Linux",
            "python": "3.11.7",
            "load_before": "0.1 / 0.1 / 0.1",
        },
        "notebooks": [
            {"name": "00-start-here.ipynb", "cold_s": cold, "peak_mb": peak, "widgets": [widget]},
            {"name": "01-broken.ipynb", "error": "CellExecutionError: boom"},
        ],
        "collection": {"import_utils_s": 0.012, "nbval_s": nbval, "nbval_ok": True, "nbval_notebooks": 2},
    }


def test_markdown_table_shows_values_marks_and_machine():
    md = bm.markdown(_result())
    assert "| `00-start-here.ipynb` | 3.0 | 120 | 40.0 / 90.0 | all met |" in md
    assert "| `01-broken.ipynb` | failed |" in md
    assert "Test CPU, 2 cores" in md and "Python 3.11.7" in md
    assert "| 12 ms |" in md
    assert "20.0 s | ≤ 60 s ok" in md
    assert "stalled" not in md


def test_markdown_reports_runs_far_slower_than_their_median():
    result = _result()
    result["notebooks"][0]["cold_runs_s"] = [2.0, 3.0, 120.0]
    assert "far slower than their median" in bm.markdown(result)
    result["notebooks"][0]["cold_runs_s"] = [2.0, 3.0, 4.0]
    assert "far slower" not in bm.markdown(result)


def test_markdown_names_each_missed_budget():
    md = bm.markdown(_result(cold=12.0, peak=350.0, med=120.0, p95=300.0, nbval=75.0))
    assert "MISSED: time, memory, widget_median, widget_p95" in md
    assert "widget_errors" not in md
    assert "75.0 s | ≤ 60 s MISS" in md
    marks = bm.notebook_marks(_result(med=120.0)["notebooks"][0])
    assert marks == {"time": "ok", "memory": "ok", "widget_median": "MISS", "widget_p95": "ok", "widget_errors": "ok"}


def test_a_widget_that_raises_or_draws_nothing_is_a_miss():
    row = _result()["notebooks"][0]
    row["widgets"][0]["errors"] = 3
    assert bm.notebook_marks(row)["widget_errors"] == bm.MISS
    row["widgets"][0].update(errors=0, pngs=10)
    assert bm.notebook_marks(row)["widget_errors"] == bm.MISS
    assert "MISSED: widget_errors" in bm.markdown({**_result(), "notebooks": [row]})


def test_readme_block_is_replaced_between_markers():
    text = "a\n<!-- performance:start -->\nold\n<!-- performance:end -->\nb\n"
    new = bm.replace_between(text, "<!-- performance:start -->", "<!-- performance:end -->", "NEW\n")
    assert new == "a\n<!-- performance:start -->\nNEW\n<!-- performance:end -->\nb\n"
    with pytest.raises(ValueError):
        bm.replace_between("no markers", "<!-- performance:start -->", "<!-- performance:end -->", "x")


def test_soak_section_reports_stalls_load_and_slowest_cell():
    summary = {
        "timeout_s": 60,
        "lesson_runs": 56,
        "cells": 2000,
        "widget_cells": 520,
        "stalls": [],
        "errors": [],
        "slowest_cell": {"seconds": 7.5, "where": "03-resonances.ipynb cell 24"},
        "client": "nbexec",
        "seconds": 600.0,
        "loaded": {"lesson_runs": 28, "widget_cells": 260, "load_avg_1min": [3.1, 4.2]},
        "idle": {"lesson_runs": 28, "widget_cells": 260, "load_avg_1min": [0.4, 1.9]},
    }
    result = _result()
    result["soak"] = summary
    md = bm.markdown(result)
    assert "| every CPU kept busy by the soak | 28 | 260 | 3.1-4.2 |" in md
    assert "no reply within 60 s): **0**" in md and "7.5 s (03-resonances.ipynb cell 24)" in md


def test_soak_plan_reaches_the_counts_with_half_the_runs_loaded():
    import nbtools
    import soak

    nbs = nbtools.lesson_notebooks()
    runs = soak.plan(nbs, 50, 500)
    assert len(runs) >= 50 and sum(r["loaded"] for r in runs) * 2 == len(runs)
    import nbformat

    widgets = {p: len(soak.widget_cells(nbformat.read(str(p), as_version=4))) for p in nbs}
    assert all(widgets.values()), "every lesson has a widget cell to soak"
    assert sum(widgets[r["path"]] * (1 + r["repeats"]) for r in runs) >= 500
