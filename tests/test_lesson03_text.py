"""Lesson 03's text: one set of labels for Exercise 3's parts, and part 4's reference table after class."""

from __future__ import annotations

import re
import subprocess
import sys
import types

import numpy as np
import pytest

import nbtools
from conftest import ROOT

NOTEBOOK = ROOT / "notebooks" / "03-resonances.ipynb"
PAGE = ROOT / "docs" / "instructors" / "03-resonances.md"
SYLLABUS = ROOT / "docs" / "instructors" / "syllabus.md"


def _markdown() -> list[str]:
    return [nbtools.source(c) for c in nbtools.read(NOTEBOOK).cells if c.cell_type == "markdown"]


def _section(title_start: str) -> str:
    """The markdown of one ``## `` section, from its heading to the next."""
    text, inside = [], False
    for cell in _markdown():
        if cell.startswith("## "):
            inside = cell.startswith(title_start)
        if inside:
            text.append(cell)
    assert text, title_start
    return "\n".join(text)


def test_exercise_3_parts_are_called_part_1_2_3_everywhere():
    texts = {"notebook": "\n".join(_markdown()), "page": PAGE.read_text(encoding="utf-8")}
    texts["syllabus"] = SYLLABUS.read_text(encoding="utf-8")
    for name, text in texts.items():
        assert not re.search(r"[Ee]xercise 3 \([123]\)|[Ee]xercise 3's step", text), name
        assert not re.search(r"\bstep [23]\b", text), name  # "the step 360°" is the conjunction step
    assert "Exercise 3 part 1" in texts["notebook"] and "Exercise 3 part 2" in texts["notebook"]
    assert "exercise 3 part 1" in texts["page"] and "exercise 3 part 2" in texts["page"]
    assert "3 part 1" in texts["syllabus"] and "exercise 3 part 2" in texts["syllabus"]
    task = next(c for c in _markdown() if "**Your task.**" in c and "answer_3" in c)  # under its two plots
    assert "*Part 1:*" in task and "*Part 2*" in task and "(1)" not in task


def test_the_conjunction_table_of_the_resonant_angle_is_in_going_further_not_in_class():
    table = "| φ | the 3:1's two conjunctions fall |"
    assert table not in _section("## Librating or circulating?")
    assert table in _section("## Going further")


def test_the_resonant_angle_section_asks_for_a_guess_before_its_picture():
    cells = nbtools.read(NOTEBOOK).cells
    k = next(i for i, c in enumerate(cells) if nbtools.source(c).startswith("## Librating or circulating?"))
    assert "Quick check" in nbtools.source(cells[k]) and "Guess, then run it" in nbtools.source(cells[k])
    assert cells[k + 1].cell_type == "code" and "live.angle(3, 1)" in nbtools.source(cells[k + 1])


def test_exercise_6b_finds_the_script_from_any_folder(tmp_path):
    """The script's path comes from the installed utils package: it works from notebooks/ and from
    build/student/ (any other folder stands in for it), where ../scripts/ does not exist."""
    task = next(c for c in _markdown() if c.startswith("### Exercise 6 "))
    assert "../scripts/" not in task
    snippet = re.search(r"```ipython3\n(.*?)```", task, re.S).group(1)
    assert 'script = Path(utils.__file__).parents[1] / "scripts" / "simulate_kirkwood.py"' in snippet
    code = snippet.replace("!{sys.executable} {script} --help", "")
    code += "\nimport subprocess\nprint(subprocess.run([sys.executable, str(script), '--help'], capture_output=True, "
    code += "text=True, check=True).stdout)"
    student = ROOT / "build" / "student"
    for folder in (ROOT / "notebooks", student if student.is_dir() else tmp_path):
        done = subprocess.run(
            [sys.executable, "-c", "import utils\n" + code], cwd=folder, capture_output=True, text=True, timeout=120
        )
        assert done.returncode == 0 and "--t-end" in done.stdout, (folder, done.stderr)


def _student_text() -> str:
    nb = nbtools.student_version(nbtools.read(NOTEBOOK))
    return "\n".join(nbtools.source(c) for c in nb.cells)


def test_the_student_version_leaves_exercise_6_to_the_student():
    """What the model leaves out answers Exercise 6 (c) and the reason in 6 (a): it is in a solution cell only."""
    student = _student_text()
    for give_away in ("Yarkovsky", "Our runs are too short", "lack Saturn", "secular resonance", "chaotic diffusion"):
        assert give_away not in student, give_away
    cells = nbtools.read(NOTEBOOK).cells
    k = next(i for i, c in enumerate(cells) if nbtools.source(c).startswith("**Model answer (03.6).**"))
    after = nbtools.source(cells[k + 1])
    assert nbtools.is_solution(cells[k + 1]) and "Yarkovsky" in after and "lack Saturn" in after
    further = " ".join(_section("## Going further").split())
    assert "Exercise 6 (a) asks what the run does not reproduce of the real belt, and 6 (c) what no run" in further
    # why the accelerated model is faster, said where the simulation section points to
    assert "**Why a heavier Jupiter acts faster.**" in further and "square root of Jupiter's mass" in further


def test_the_realistic_run_names_no_resonance_for_its_removed_asteroids():
    """Exercise 6 (a) asks where the run removes asteroids: the print and the alt text give only a and times."""
    nb = nbtools.student_version(nbtools.read(NOTEBOOK))
    code = [nbtools.source(c) for c in nb.cells if c.cell_type == "code"]
    printer = next(c for c in code if "removed after" in c and "for row in lost" in c)
    figure = next(c for c in code if "removed (crosses)" in c)
    for cell in (printer, figure):
        assert "nearest resonance" not in cell and "KIRKWOOD_RESONANCES" not in cell
        assert not re.search(r"\b[2-7]:[1-3]\b|\{p\}:\{q\}|kyr", cell), cell
    assert "years" in printer and "u.yr" in printer


def test_exercise_2_title_plan_and_goals_do_not_say_the_kicks_add_up():
    """Part (b) asks whether the tugs add up or average out: no title, plan row or goal answers it before."""
    page, syllabus = PAGE.read_text(encoding="utf-8"), SYLLABUS.read_text(encoding="utf-8")
    overview = next(c for c in _markdown() if c.startswith("## Overview"))
    task = next(c for c in _markdown() if c.startswith("### Exercise 2 "))
    for name, text in {"overview": overview, "task": task, "page": page, "syllabus": syllabus}.items():
        assert not re.search(r"kicks (add|adds) up|why .{0,20}(kicks|tugs).{0,10}add up", text), name
    assert task.startswith("### Exercise 2 · what do Jupiter's tugs do in the 5:2?")
    assert "add up or average out" in task


def test_the_quick_check_legend_names_no_shape():
    """The one-minute guess (band or every angle?) is not answered by the legend of its figure."""
    cell = next(
        nbtools.source(c)
        for c in nbtools.read(NOTEBOOK).cells
        if c.cell_type == "code" and "live.angle(3, 1)" in c.source
    )
    assert 'label = f"start a = {live.a0[i]:.2f} AU"\n' in cell
    assert '"band"' not in cell and "falling" not in cell and "shape" not in cell


def test_the_mars_timescale_comes_after_the_prediction_it_would_answer():
    text = "\n".join(_markdown())
    assert "tens to hundreds of thousands of years" not in _section("## Simulate")
    predict = text.index("**Predict first:** which of the two will reach Mars' orbit?")
    assert text.index("tens to hundreds of thousands of years") > text.index("**Check your prediction.**") > predict


def test_ceres_neighbours_in_the_explore_come_after_exercises_4_and_2c():
    """The Explore's titles at 2.76 and 2.78 AU name the nearest resonance (Exercise 4's answer)."""
    text = "\n".join(_markdown())
    stops = text.index("two `start a` stops either side of Ceres'")
    assert stops > text.index("### Exercise 4 ") and stops > text.index("**Now Exercise 2 (c)**")
    assert text.count("either side of Ceres'") == 1


def _particle(live, a_grid, e_grid):
    cell = next(nbtools.source(c) for c in nbtools.read(NOTEBOOK).cells if "def particle(" in nbtools.source(c))
    names = {"np": np, "live": live, "a_grid": a_grid, "e_grid": e_grid}
    exec(cell.split("\n\n\ni_res")[0], names)
    return names["particle"]


def test_particle_off_the_grid_lists_the_grid():
    a_grid, e_grid = np.round(np.arange(2.10, 3.301, 0.02), 2), np.array([0.05, 0.10, 0.15])
    live = types.SimpleNamespace(a0=np.tile(a_grid, e_grid.size), e0=np.repeat(e_grid, a_grid.size))
    particle = _particle(live, a_grid, e_grid)
    assert particle(2.50, 0.10) == a_grid.size + int(np.flatnonzero(np.isclose(a_grid, 2.50))[0])
    for a, e, stops in [(2.51, 0.10, r"2\.50 and 2\.52"), (2.767, 0.10, r"2\.76 and 2\.78"), (2.50, 0.12, r".*")]:
        with pytest.raises(
            ValueError,
            match=r"no asteroid of the run started at .*Starting a runs from 2\.10 to 3\.30 AU in steps of 0\.02 AU "
            rf"\(nearest stops {stops}\); e is one of 0\.05, 0\.10, 0\.15",
        ):
            particle(a, e)


def test_the_ceres_neighbours_check_says_to_use_the_sliders():
    text = next(c for c in _markdown() if "either side of Ceres'" in c)
    assert "With the sliders" in text


def test_exercise_2c_has_a_guiding_question_that_neither_answers_it_nor_exercise_5():
    """Ceres' 228° is near the 5:2's 240°: the guiding question turns the student to where the places drift, without
    saying the tugs average out, without a number that gives Exercise 5's step away, and without part (a)'s answer."""
    task = next(c for c in _markdown() if c.startswith("### Exercise 2 "))
    now = next(c for c in _markdown() if c.startswith("**Now Exercise 2 (c)**"))
    # (c)'s question is where it is done, in the homework; the class exercise only says where to find it
    assert "guiding question" in now and "ten" in now and "rounds" in now, now
    assert "Ceres" not in task and "guiding question" not in task and "after Exercise 5" in task, task
    for text in (task, now):  # nor part (a)'s answer for the 5:2 (three places, two turns)
        assert not re.search(r"684|36°|228|720|two turns|(?<!or )average out", text), text
    page = PAGE.read_text(encoding="utf-8")
    model = page[page.index("**03.2 model answer:**") : page.index("- **The Explore's suggestions.**")]
    assert "684°" in model and "36°" in model and "ten rounds" in model


def test_the_screen_reader_route_of_exercise_3_names_its_arrays():
    box = next(c for c in _markdown() if "Without a plot" in c)
    assert "(x)" not in box
    assert (
        "np.nanmax(phi_pick_deg) - np.nanmin(phi_pick_deg)" in box and "np.nanmax(phi_360) - np.nanmin(phi_360)" in box
    )


def test_exercise_2s_caption_sits_under_its_figure_before_the_answer_cell():
    cells = nbtools.read(NOTEBOOK).cells
    k = next(i for i, c in enumerate(cells) if "draw_conjunctions(ax, a_52, a_jup)" in nbtools.source(c))
    assert nbtools.source(cells[k + 1]).startswith("*Figure (Exercise 2):")
    assert "answer" in cells[k + 2].metadata.get("tags", [])


def test_the_realistic_run_alt_text_names_the_spikes_by_position_not_by_count():
    cell = next(nbtools.source(c) for c in nbtools.read(NOTEBOOK).cells if "removed (crosses)" in nbtools.source(c))
    assert "lines 2, 3" not in cell and "e spikes at the lines at {lines_a[1]}, {lines_a[2]}" in cell


def test_resonance_location_needs_no_undefined_jargon():
    cell = next(
        nbtools.source(c) for c in nbtools.read(NOTEBOOK).cells if "def resonance_location(" in nbtools.source(c)
    )
    assert "perturber" not in cell and "def resonance_location(a_planet, p, q):" in cell and "# a_planet:" in cell
