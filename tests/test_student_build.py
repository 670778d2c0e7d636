"""One source, two builds: student versions without solutions, and the answer key."""
from __future__ import annotations

import re

import pytest

import nbtools
from conftest import ROOT

NOTEBOOKS = nbtools.lesson_notebooks(ROOT / "notebooks")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("build")
    made = nbtools.build(out, NOTEBOOKS)
    return out, made


def _solution_lines(nb) -> list[str]:
    """Distinctive lines of the solution cells (long enough not to occur by chance)."""
    lines = []
    for cell in nb.cells:
        if nbtools.is_solution(cell):
            for ln in nbtools.source(cell).splitlines():
                ln = ln.strip()
                if len(ln) >= 20 and not ln.startswith(("#", "utils.check(")):
                    lines.append(ln)
    return lines


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_student_version_has_no_solution_text(built, path):
    out, _ = built
    student = nbtools.read(out / "student" / path.name)
    original = nbtools.read(path)
    assert not any(nbtools.is_solution(c) for c in student.cells)
    text = (out / "student" / path.name).read_text(encoding="utf-8")
    lines = _solution_lines(original)
    assert lines, "the lesson has worked solutions to remove"
    left = [ln for ln in lines if ln in text]
    assert left == [], f"solution text left in the student version: {left[:3]}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_student_version_keeps_everything_else(built, path):
    out, _ = built
    student = nbtools.read(out / "student" / path.name)
    original = nbtools.read(path)
    kept = [c for c in original.cells if not nbtools.is_solution(c)]
    assert [nbtools.source(c) for c in student.cells] == [nbtools.source(c) for c in kept]
    placeholders = [c for c in student.cells if re.search(r"utils\.check\(", nbtools.source(c))]
    assert placeholders and all("..." in nbtools.source(c) for c in placeholders)
    assert nbtools.stray_outputs(student) == []


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_answer_key_keeps_the_solutions(built, path):
    out, _ = built
    key = nbtools.read(out / "answer-key" / path.name)
    assert sum(nbtools.is_solution(c) for c in key.cells) == sum(
        nbtools.is_solution(c) for c in nbtools.read(path).cells) > 0


def test_answer_key_html_shows_each_widget_in_its_default_state(tmp_path):
    """A printed or HTML answer key shows the widget's default figure, not ``interactive(...)`` text."""
    path = ROOT / "notebooks" / "00-start-here.ipynb"
    made = nbtools.build(tmp_path, [path], execute_key=True)
    html = next(p for p in made["answer-key"] if p.suffix == ".html").read_text(encoding="utf-8")
    assert "interactive(children=" not in html
    assert "default state" in html
    key = nbtools.read(tmp_path / "answer-key" / path.name)
    static = nbtools.static_widget_views(key)
    widget_cells = [i for i, c in enumerate(key.cells) if c.cell_type == "code" and any(
        nbtools.WIDGET_VIEW in o.get("data", {}) for o in c.get("outputs", []))]
    assert widget_cells, "lesson 00 has an interact widget"
    for i in widget_cells:
        kinds = [k for o in static.cells[i].outputs for k in o.get("data", {})]
        assert "image/png" in kinds, f"cell {i}: the widget's default figure is missing from the static view"
        assert nbtools.WIDGET_VIEW not in kinds
