"""Adapting is safe: one edit of an input moves the title, the solution and the expected answer together.

Each lesson's ``tests/exercises/lessonNN.py`` names one adaptation (``ADAPT``):
a text replacement in the notebook.  The adapted notebook (with its solutions,
and with the ``NATURAL`` answers in the exercise cells) runs once; then
(a) every worked solution's check says Correct, (b) every natural answer's
check says Correct, (c) the adapted exercise's title shows ``title_contains``
and (d) its expected answer, computed from the recorded inputs with the
registry, is not the unadapted one.
"""

from __future__ import annotations

import pytest

import nbtools
from exercises import NOTEBOOKS, registry, require_spec, spec_path


def _adapted(runner, path):
    spec = require_spec(path)
    ex_id = spec.ADAPT["exercise"]
    assert ex_id in registry(path)._EXERCISES, f"{spec_path(path).name}: ADAPT names unknown exercise {ex_id!r}"
    old = spec.ADAPT["replace"][0]
    assert any(old in nbtools.source(c) for c in nbtools.read(path).cells), (
        f"{spec_path(path).name}: the text to replace, {old!r}, does not occur in {path.name}"
    )
    run = runner.adapted(path)
    assert run.error is None, f"the adapted notebook did not run: {run.error}"
    return spec, ex_id, run


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_adapted_solutions_are_correct(runner, path):
    spec, ex_id, run = _adapted(runner, path)
    assert run.calls_for(ex_id, solution=True), f"the worked solution of {ex_id} did not run its check"
    wrong = [
        f"{c.id} (cell {c.cell}): {c.text} {'; '.join(run.cell_errors(c.cell))}".rstrip()
        for c in run.calls
        if c.cell is not None and nbtools.is_solution(run.nb.cells[c.cell]) and c.status != "correct"
    ]
    assert not wrong, "worked solutions not Correct after the adaptation:\n" + "\n".join(f"  {w}" for w in wrong)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_adapted_natural_answers_are_correct(runner, path):
    spec, ex_id, run = _adapted(runner, path)
    problems = []
    for other in sorted(registry(path)._EXERCISES):
        calls = run.calls_for(other, solution=False)
        if not calls:
            problems.append(f"{other}: its check did not run")
        problems += [
            f"{other}: {c.text} {'; '.join(run.cell_errors(c.cell))}".rstrip() for c in calls if c.status != "correct"
        ]
    assert not problems, "natural answers not Correct after the adaptation:\n" + "\n".join(f"  {p}" for p in problems)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_adapted_title_follows_the_inputs(runner, path):
    spec, ex_id, run = _adapted(runner, path)
    cells = run.cells_calling(ex_id, solution=False) + run.cells_calling(ex_id, solution=True)
    shown = [run.result_text(i) for i in cells]
    assert shown and all(spec.ADAPT["title_contains"] in s for s in shown), (
        f"the title of {ex_id} should contain {spec.ADAPT['title_contains']!r} after the adaptation; it shows {shown}"
    )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_adapted_expected_answer_changes(runner, path):
    spec, ex_id, run = _adapted(runner, path)
    before = [c for c in runner.student(path).calls_for(ex_id, solution=False) if c.inputs is not None]
    after = [c for c in run.calls_for(ex_id, solution=False) if c.inputs is not None]
    assert before and after, f"{ex_id}: recorded inputs missing (before: {len(before)}, after: {len(after)})"
    exercise = registry(path)._EXERCISES[ex_id]
    old = exercise.expected(**before[0].inputs)
    assert not exercise.check(old, **after[0].inputs).ok, (
        f"{ex_id}: after the adaptation the unadapted answer is still accepted, so the adaptation changes nothing"
    )
