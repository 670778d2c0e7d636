"""Lesson 07: what a student can read before the read-off, and the sources behind every fact the lesson reads."""

from __future__ import annotations

import contextlib
import io
import re

import astropy.units as u
import numpy as np

import nbtools
import utils
from conftest import ROOT
from notebook_namespace import namespace_until

NOTEBOOK = "07-ice-or-salt.ipynb"


def _run_all():
    """Every code cell as Run All leaves it (no solutions, no checks), with the printed output."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        ns, _ = namespace_until(NOTEBOOK, 'for key in ("haze_2015_report"')
    return ns, out.getvalue()


def _numbers(value):
    """The scalar numbers a name holds (a plain number or a scalar quantity), else nothing."""
    if isinstance(value, bool) or not isinstance(value, (int, float, np.floating, np.integer, u.Quantity)):
        return []
    if isinstance(value, u.Quantity):
        if not value.isscalar:
            return []
        return [float(value.value)] + ([float(value.to_value(u.yr))] if value.unit.physical_type == "time" else [])
    return [float(value)]


def test_no_name_left_before_the_read_off_gate_holds_the_read_off_answer():
    """With the read-off left empty, Going further 4 and 5 wait; no name they (or any cell) leave defined holds the
    read-off's albedo or its lifetime, and nothing printed gives either."""
    ns, printed = _run_all()
    assert ns["albedo_to_last"] is None and ns["years_to_last"] is None
    view = ns["life_view"]
    right = [float(a) for a in ns["albedo_stops"] if view.reading_ok(a)]
    assert len(right) == 1
    view.update(right[0], float(min(view.curves)))
    title_years = float(view.ax.get_title().split("lasts about ")[1].split(" years")[0].replace(",", ""))
    holding = []
    for name, value in ns.items():
        if name.startswith("_") or name in ("albedo_to_last", "years_to_last"):
            continue
        for x in _numbers(value):
            if abs(x - right[0]) < 0.005 or abs(x - title_years) < 0.1 * title_years:
                holding.append((name, value))
    assert not holding, f"{holding} hold the read-off's answer before the gate opens"
    for name in ("snow", "t_snow", "snow_flux", "snow_years", "lasting"):
        assert name not in ns, f"{name} is defined before the read-off is done"
    assert printed.count("Do the read-off in Explore first") == 2
    assert f"{right[0]:.2f}" not in printed.split("Do the read-off in Explore first")[-1]
    nb = nbtools.read(ROOT / "notebooks" / NOTEBOOK)
    code = "\n".join(nbtools.source(c) for c in nb.cells if c.cell_type == "code")
    for hint in ("near the read-off", "answers the read-off", "snow is near"):
        assert hint not in code, hint


def test_no_printed_or_alt_text_temperature_is_exercise_1s_answer_to_two_figures():
    """Going further 4 prints the dry ground's noon temperature, and the widget's alt text gives it for every stop:
    none of them is Exercise 1's answer rounded to two figures (a student who pasted it would hear "close")."""
    from utils import thermal

    a, e = utils.fact("ceres.a"), utils.fact("ceres.e")
    kw = dict(solar_constant=utils.fact("solar.tsi"), albedo=utils.fact("occator.faculae_albedo"))
    answer = thermal._subsolar_temperature(**kw, distance=a * (1 - e)).to_value(u.K)
    two_figures = float(f"{answer:.2g}")
    ns, printed = _run_all()
    nb = nbtools.read(ROOT / "notebooks" / NOTEBOOK)
    cells = [nbtools.source(c) for c in nb.cells if c.cell_type == "code"]
    printing = [src for src in cells if "first approach pixel" in src or "Dry (salt) ground at noon" in src]
    assert len(printing) == 2
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        for src in printing:
            exec(compile(src, "07:going-further-4", "exec"), ns)
    shown = [float(t) for t in re.findall(r"(\d+(?:\.\d+)?) K\b", out.getvalue())]
    assert shown and two_figures not in shown, out.getvalue()
    view = ns["life_view"]
    for d in view.curves:
        for albedo in ns["albedo_stops"]:
            view.update(float(albedo), float(d))
            temps = [float(t) for t in re.findall(r"(\d+) K at noon|between (\d+) K", view.alt()) for t in t if t]
            assert temps and two_figures not in temps, view.alt()


def _fact_ids_read(source: str) -> set[str]:
    """The fact ids a notebook's code reads: literal ones, and those an f-string builds in a ``for`` loop."""
    ids = set(re.findall(r'fact\("([a-z0-9_.]+)"\)', source))
    for cell in source.split("\n# --- cell ---\n"):
        for prefix, var, suffix in re.findall(r'fact\(f"([a-z0-9_.]*)\{(\w+)\}([a-z0-9_.]*)"\)', cell):
            loop = re.search(rf"for {var} in \(([^)]*)\)", cell)
            assert loop, f"no loop gives {var}"
            ids |= {f"{prefix}{key}{suffix}" for key in re.findall(r'"([^"]+)"', loop.group(1))}
    return ids


def test_every_fact_the_lesson_reads_has_its_source_in_the_references():
    nb = nbtools.read(ROOT / "notebooks" / NOTEBOOK)
    code = "\n# --- cell ---\n".join(nbtools.source(c) for c in nb.cells if c.cell_type == "code")
    refs = next(nbtools.source(c) for c in nb.cells if nbtools.source(c).startswith("## References"))
    ids = _fact_ids_read(code) | {"solar_system.age", "fc.filters"}  # the widget's title; The record's filters
    assert {"ceres.a", "occator.pit_depth", "occator.composition_2020", "occator.haze_2015_report"} <= ids
    missing = []
    for fact_id in sorted(ids):
        url = utils.fact(fact_id).info.meta["source_url"]
        if url not in refs:
            missing.append((fact_id, url))
    assert not missing, f"sources missing from the References: {missing}"
