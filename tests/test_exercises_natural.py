"""The natural formula works: the first thing a student would type is accepted.

Each lesson's ``tests/exercises/lessonNN.py`` gives, for every self-checked
exercise, that formula (``NATURAL``).  It replaces the exercise's
``answer_k = ...`` line in the student version, the notebook runs, and every
check must say Correct (a verdict whose one-line reason is still to write:
"Verdict accepted").  A lesson without a spec fails: that is a defect.
"""

from __future__ import annotations

import re

import pytest

from exercises import NOTEBOOKS, placeholder_re, registry, require_spec, spec_path


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_self_checked_exercise_has_a_natural_answer(path):
    spec = require_spec(path)
    registered = set(registry(path)._EXERCISES)
    natural = set(spec.NATURAL)
    assert registered <= natural, f"{spec_path(path).name}: no NATURAL answer for {sorted(registered - natural)}"
    assert natural <= registered, (
        f"{spec_path(path).name}: NATURAL for unknown exercises {sorted(natural - registered)}"
    )
    for ex_id, code in spec.NATURAL.items():
        k = ex_id.split(".")[1]
        assert re.search(rf"^answer_{k}\s*=", code, re.M), f"NATURAL[{ex_id!r}] must assign answer_{k}: {code!r}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_natural_answers_are_correct(runner, path):
    spec = require_spec(path)
    run = runner.student(path)
    assert run.error is None, f"the student version with the natural answers did not run: {run.error}"
    problems = []
    for ex_id in sorted(registry(path)._EXERCISES):
        cells = run.cells_calling(ex_id, solution=False)
        if not cells:
            problems.append(f"{ex_id}: no exercise cell calls utils.check({ex_id!r}, ...)")
            continue
        if ex_id not in spec.NATURAL:
            problems.append(f"{ex_id}: no NATURAL answer in {spec_path(path).name}")
            continue
        for i in cells:
            src = run.nb.cells[i].source
            k = ex_id.split(".")[1]
            if placeholder_re(k).search(src) or spec.NATURAL[ex_id].strip() not in src:
                problems.append(f"{ex_id}: the cell has no placeholder line 'answer_{k} = ...' to replace")
                continue
            shown = run.result_text(i)
            # a verdict exercise's natural answer fills only answer_k: its reason is still to write, so the check
            # accepts the verdict under "⚠ Verdict accepted; your reason is not finished yet" instead of "Correct"
            accepted = shown.startswith("⚠") and "Verdict accepted; your reason is not finished yet" in shown
            if not (shown.startswith("✔") and "Correct" in shown) and not accepted:
                errors = run.cell_errors(i)
                problems.append(
                    f"{ex_id}: {spec.NATURAL[ex_id]!r} gives "
                    f"{shown or '(no check result)'} {'; '.join(errors)}".rstrip()
                )
    assert not problems, "natural answers not accepted:\n" + "\n".join(f"  {p}" for p in problems)
