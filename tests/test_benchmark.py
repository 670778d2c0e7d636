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
    assert "| `00-start-here.ipynb` | 3.0 / - | 120 / - | - | 40.0 / 90.0 | - | - | - | all met |" in md
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


# ---------------------------------------------------------------- one core, floor, browser, class


def _full_row(one_cold=6.0, one_med=80.0, browser_med=120.0, browser_p95=200.0):
    row = _result()["notebooks"][0]
    row["widgets"][0]["cpu_median_ms"] = 31.0
    one_widget = dict(row["widgets"][0], median_ms=one_med, p95_ms=one_med + 10)
    row.update(
        cpu_s=2.5,
        floor_s=1.5,
        floor_one_core_s=2.0,
        load=[1.25, 2.5],
        one_core={"cold_s": one_cold, "peak_mb": 125.0, "cpu_s": 2.6, "widgets": [one_widget]},
        browser={
            "control": "altitude (mi)",
            "n": 25,
            "median_ms": browser_med,
            "p95_ms": browser_p95,
            "max_ms": 250.0,
            "times_ms": [],
            "load": [1.0, 2.0],
            "server_mb": 95.0,
        },
    )
    return row


def test_markdown_puts_two_cores_one_core_floor_and_browser_side_by_side():
    result = _result()
    result["notebooks"] = [_full_row()]
    result["moves"] = 25
    md = bm.markdown(result)
    assert (
        "| `00-start-here.ipynb` | 3.0 / 6.0 | 120 / 125 | 2.5 | 40.0 / 90.0 | 80.0 / 90.0 | 120 / 200 | "
        "1.2–2.5 | all met |"
    ) in md
    assert "| `00-start-here.ipynb` | 1.5 / 2.0 | 2.00 | 3.00 |" in md  # floors and cold ÷ floor
    assert "| `00-start-here.ipynb` | altitude (mi) | 25 | 120 ok | 200 ok | 250 | 95 | 1.0–2.0 |" in md
    assert "| `00-start-here.ipynb` | 1 | 0: IntSlider `x` |" in md  # one-core widget rows too
    assert "| 31.0 | 30 | 0 |" in md
    assert "25 arrow-key moves" in md


def test_one_core_and_browser_budgets_are_marked():
    marks = bm.notebook_marks(_full_row(one_cold=11.0, one_med=101.0, browser_med=151.0, browser_p95=301.0))
    assert marks["time"] == "ok" and marks["one core time"] == bm.MISS
    assert marks["one core widget_median"] == bm.MISS and marks["widget_median"] == "ok"
    assert marks["browser_median"] == bm.MISS and marks["browser_p95"] == bm.MISS
    ok = bm.notebook_marks(_full_row())
    assert set(ok.values()) == {"ok"}
    failed = _full_row()
    failed["browser"] = {"error": "no slider"}
    assert bm.notebook_marks(failed)["browser"] == bm.MISS
    assert "failed: no slider" in bm.markdown({**_result(), "notebooks": [failed]})


def test_import_source_keeps_top_level_imports_in_order_once():
    cells = [
        "import time\n\nimport numpy as np\nimport astropy.units as u\nx = np.ones(3)",
        "%matplotlib inline\nfrom utils import belt, camera\nimport numpy as np",
        "def f():\n    import scipy\n    return scipy",
        "this is not python (",
        "from __future__ import annotations\nfrom astropy.constants import G as big_g",
    ]
    assert bm.import_source(cells).splitlines() == [
        "import time",
        "import numpy as np",
        "import astropy.units as u",
        "from utils import belt, camera",
        "from astropy.constants import G as big_g",
    ]
    assert bm.import_source([]) == ""
    with pytest.raises(TypeError):
        bm.import_source([None])


def test_ratio_needs_both_numbers_and_a_positive_floor():
    assert bm.ratio(3.0, 1.5) == 2.0
    assert bm.ratio(None, 1.0) is None and bm.ratio(1.0, None) is None and bm.ratio(1.0, 0.0) is None


def test_import_source_of_every_lesson_runs_the_lessons_own_imports():
    import nbformat

    import nbtools

    for path in nbtools.lesson_notebooks():
        nb = nbformat.read(str(path), as_version=4)
        code = bm.import_source(c.source for c in nb.cells if c.cell_type == "code")
        assert "import utils" in code, path.name
        compile(code, path.name, "exec")


def test_class_summary_pools_students_and_counts_failures():
    students = [
        {"peak_mb": 200.0, "cpu_s": 4.0, "cold_s": 5.0, "times_ms": [10.0, 30.0]},
        {"peak_mb": 220.0, "cpu_s": 6.0, "cold_s": 9.0, "times_ms": [20.0]},
        {"error": "StallError: cell 3"},
    ]
    s = bm.class_summary(students)
    assert s["n"] == 3 and s["failed"] == 1
    assert s["peak_mb_median"] == 210.0 and s["peak_mb_max"] == 220.0 and s["total_mb"] == 420.0
    assert s["cpu_s_median"] == 5.0 and s["cold_s_max"] == 9.0
    assert s["widget_median_ms"] == 20.0 and s["widget_p95_ms"] == pytest.approx(29.0)
    assert bm.class_summary([{"error": "x"}]) == {"n": 1, "failed": 1}


def test_class_markdown_has_one_row_per_class_size():
    rounds = [
        dict(
            bm.class_summary([{"peak_mb": 200.0, "cpu_s": 4.0, "cold_s": 5.0, "times_ms": [10.0]}] * n), load=[1.0, 3.0]
        )
        for n in (1, 5)
    ]
    rounds.append({"n": 10, "failed": 10, "load": [3.0, 4.0]})
    sim = {
        "lesson": "03-resonances.ipynb",
        "updates": 20,
        "rounds": rounds,
        "date": "2026-01-01 00:00 UTC",
        "machine": {"cpu": "Test CPU", "cores": 2, "memory_gb": 4.0},
    }
    md = bm.class_markdown(sim)
    assert "| 5 | 200 / 200 | 1000 | 4.0 | 5.0 / 5.0 | 10 / 10 | 0 | 1.0–3.0 |" in md
    assert "| 10 | - | - | - | - | - | 10 | 3.0–4.0 |" in md
    assert "03-resonances.ipynb" in md


def test_browser_moves_bounce_between_the_slider_ends():
    import browserbench

    going_up, now, seen = True, 0.0, []
    for _ in range(8):
        key, going_up = browserbench.next_key(now, 0, 3, going_up)
        now += 1 if key == "ArrowRight" else -1
        seen.append(now)
    assert seen == [1, 2, 3, 2, 1, 0, 1, 2]
    with pytest.raises(ValueError):
        browserbench.next_key(0, 1, 1, True)


def test_tree_comparison_takes_medians_and_the_median_of_paired_ratios():
    def run(cpu, cold):
        return {"cpu_s": cpu, "cold_s": cold}

    pairs = {
        "05-x.ipynb": [
            {"this": run(2.0, 4.0), "other": run(1.0, 4.0)},  # ratio 2 in a slow round
            {"this": run(1.0, 2.0), "other": run(2.0, 2.0)},  # ratio 0.5
            {"this": run(1.5, 3.0), "other": run(1.5, 2.0)},  # ratio 1
            {"this": {"error": "exit 1: boom"}, "other": run(1.0, 1.0)},
        ],
        "06-y.ipynb": [{"this": {"error": "exit 1"}, "other": run(1.0, 1.0)}],
    }
    rows = bm.compare_summary(pairs)
    first, second = rows
    assert first["rounds"] == 3 and first["failed"] == 1
    assert first["cpu_s"] == {"this": 1.5, "other": 1.5, "ratio": 1.0}
    assert first["cold_s"]["ratio"] == 1.0 and first["cold_s"]["other"] == 2.0
    assert second == {"name": "06-y.ipynb", "rounds": 0, "failed": 1}
    md = bm.compare_markdown(
        {"this": "/a", "other": "/b", "rounds_asked": 4, "date": "d", "load": "0.1 -> 0.2", "lessons": rows}
    )
    assert "| 05-x.ipynb | 1.50 -> 1.50 | 1.00 | 2.00 -> 3.00 | 1.00 | 3 (1 failed) |" in md
    assert "| 06-y.ipynb | failed |" in md
