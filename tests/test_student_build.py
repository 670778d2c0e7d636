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
