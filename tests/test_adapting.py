"""An instructor changes an exercise's input: the notebook still checks itself correctly.

This follows the path INSTRUCTORS.md documents ("Changing an exercise"): add a
cell that sets a new value for an input, re-run the notebook, and the worked
solution must still say Correct while the answer for the old input is refused.
"""

from __future__ import annotations

import nbformat

import nbtools
from conftest import ROOT

START = ROOT / "notebooks" / "00-start-here.ipynb"


def test_changed_input_is_checked_with_the_new_answer(tmp_path):
    assert START.exists(), f"{START.name} is missing: renamed? update this test with the notebook"
    nb = nbtools.read(START)
    # 1. the instructor's edit: a new value for the Survey-orbit altitude, right after it is defined
    where = next(
        i for i, c in enumerate(nb.cells) if c.cell_type == "code" and "survey_altitude = " in nbtools.source(c)
    )
    nb.cells.insert(
        where + 1,
        nbformat.v4.new_code_cell(
            "original_altitude = survey_altitude\nsurvey_altitude = 1500 * u.imperial.mile  # adapted"
        ),
    )
    # 2. a probe at the end: the answer for the old input must now be refused
    nb.cells.append(
        nbformat.v4.new_code_cell(
            "old = utils.checks._expected_answer('00.1', distance=original_altitude)\n"
            "print('OLD:', utils.check('00.1', old, distance=survey_altitude))\n"
            "print('NEW:', utils.check('00.1', 2414 * u.km, distance=survey_altitude))"
        )
    )
    nbtools.execute(nb, cwd=ROOT / "notebooks")
    solution = next(c for c in nb.cells if nbtools.is_solution(c) and '"00.1"' in nbtools.source(c))
    assert "Correct" in nbtools.output_text(solution)
    probe = nbtools.output_text(nb.cells[-1])
    assert "OLD: ✘" in probe and "Not yet" in probe  # the old answer is wrong now
    assert "NEW: ✔" in probe  # 1500 mi = 2414 km, worked out by hand
