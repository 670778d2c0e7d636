"""Lesson 03's text: one set of labels for Exercise 3's parts, and part 4's reference table after class."""

from __future__ import annotations

import re

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
    task = next(c for c in _markdown() if c.startswith("### Exercise 3 "))
    assert "*Part 1, in class:*" in task and "*Part 2, after class*" in task and "(1)" not in task


def test_the_conjunction_table_of_the_resonant_angle_is_in_going_further_not_in_class():
    table = "| φ | the 3:1's two conjunctions fall |"
    assert table not in _section("## Librating or circulating?")
    assert table in _section("## Going further")


def test_the_resonant_angle_section_asks_for_a_guess_before_its_picture():
    cells = nbtools.read(NOTEBOOK).cells
    k = next(i for i, c in enumerate(cells) if nbtools.source(c).startswith("## Librating or circulating?"))
    assert "Quick check" in nbtools.source(cells[k]) and "Guess, then run it" in nbtools.source(cells[k])
    assert cells[k + 1].cell_type == "code" and "live.angle(3, 1)" in nbtools.source(cells[k + 1])


def test_exercise_6b_says_where_the_script_path_holds():
    task = next(c for c in _markdown() if c.startswith("### Exercise 6 "))
    assert "../scripts/simulate_kirkwood.py" in task and "`notebooks/` folder" in task and "full path" in task
