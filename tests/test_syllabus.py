"""The course syllabus agrees with the lessons: goals, exercises, graded questions."""

from __future__ import annotations

import re

import nbformat
import pytest

import nbtools
import syllabus
from conftest import ROOT

TEXT = syllabus.SYLLABUS.read_text(encoding="utf-8")


def test_every_lesson_maps_each_goal_to_exercises():
    """Each notebook's "Goals and exercises" table has a row for every goal and only known exercise ids."""
    assert syllabus.problems() == []


def test_the_grid_in_the_syllabus_is_current():
    assert syllabus.render(TEXT) == TEXT, "the goals grid is stale: run python3 tasks.py syllabus"


def test_exercise_ids_named_in_the_plans_exist():
    ids = set(re.findall(r"\b(0\d\.\d+)\b", TEXT.split(syllabus.BEGIN)[0]))
    known = set().union(*(syllabus.known_ids(p.name[:2]) for p in nbtools.lesson_notebooks()))
    assert ids and sorted(ids - known) == []


def test_both_plans_and_the_required_sections_are_there():
    for heading in (
        "## Prerequisites for the course",
        "## 7-week plan",
        "## 14-week plan",
        "## Goals, exercises and graded questions",
        "## Accessibility notes for instructors",
        "## Running the course",
    ):
        assert heading in TEXT
    for word in ("Binder", "JupyterHub", "Laptops", "keyboard", "screen reader", "Colour"):
        assert word.lower() in TEXT.lower()


def test_readme_and_instructor_guide_link_it():
    for doc in ("README.md", "INSTRUCTORS.md"):
        assert "docs/instructors/syllabus.md" in (ROOT / doc).read_text(encoding="utf-8"), doc


def _lesson(goals_md: str, table_md: str | None):
    cells = [nbformat.v4.new_markdown_cell("## Overview\n\n### Learning goals\nBy the end you can:\n" + goals_md)]
    if table_md is not None:
        cells.append(
            nbformat.v4.new_markdown_cell("### Goals and exercises\n| goal | tested by |\n|---|---|\n" + table_md)
        )
    return nbformat.v4.new_notebook(cells=cells)


@pytest.mark.parametrize(
    "table, problem",
    [
        (None, "no '### Goals and exercises' table"),
        ("| G1 | Exercise 1 (`98.1`) |\n", "goal G2 has no row"),
        ("| G1 | Exercise 1 (`98.1`) |\n| G2 | Exercise 9 (`98.9`) |\n", "names `98.9`"),
        ("| G1 | (`98.1`) |\n| G2 | (`98.2`) |\n| G3 | (`98.2`) |\n", "has G3 but the lesson lists 2 goals"),
    ],
)
def test_incomplete_tables_are_reported(table, problem):
    nb = _lesson("1. **Run** a thing.\n2. **Explain**\n   over two lines.\n", table)
    found = syllabus.lesson_problems(nb, "98-x.ipynb", {"98.1", "98.2"})
    assert any(problem in p for p in found), found


def test_a_complete_table_passes_and_goals_span_lines():
    nb = _lesson(
        "1. **Run** a thing.\n2. **Explain**\n   over two lines.\n",
        "| G1 | Exercise 1 (`98.1`) |\n| G2 | Exercise 2 (`98.2`) |\n",
    )
    assert syllabus.lesson_problems(nb, "98-x.ipynb", {"98.1", "98.2"}) == []
    assert syllabus.learning_goals(nb) == ["**Run** a thing.", "**Explain** over two lines."]
    assert syllabus.goals_table(nb) == {1: ["98.1"], 2: ["98.2"]}


def test_a_written_follow_up_of_a_self_checked_exercise_is_graded_by_hand_in_the_grid():
    """03.3 is self-checked (1 point) and its written follow-up is worth 2 points by the instructor page's rubric."""
    grid = syllabus.grid()
    assert "q03_3 auto, 1; q03_3 follow-up by hand (rubric, 2)" in grid
    assert "q03_8 follow-up by hand (rubric, 1)" in grid


def test_the_grid_names_a_title_field_instead_of_showing_its_format():
    grid = (ROOT / "docs" / "instructors" / "syllabus.md").read_text()
    assert "(a = ‹semi_major_axis›, e = ‹eccentricity›)" in grid
    assert not re.search(r"`\d\d\.\d+` [^|]*\{", grid), "a raw {field} is left in the grid"
