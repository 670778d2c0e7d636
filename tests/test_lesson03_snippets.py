"""Lesson 03: exercise 2's picture cell runs against the current ``utils`` and numbers the 5:2's places."""

from __future__ import annotations

import re

import matplotlib.pyplot as plt

import nbtools
from conftest import ROOT
from notebook_namespace import namespace_until

NOTEBOOK = "03-resonances.ipynb"


def _exercise_4_snippets() -> list[str]:
    nb = nbtools.read(ROOT / "notebooks" / NOTEBOOK)
    text = next(
        "".join(c.source)
        for c in nb.cells
        if c.cell_type == "markdown" and c.source.lstrip().startswith("### Exercise 2 ")
    )
    return [code for code in re.findall(r"`([^`]+)`", text) if "(" in code]


def test_exercise_2_picture_cell_runs_and_the_text_suggests_no_private_helper():
    snippets = _exercise_4_snippets()
    assert not any("conjunction_longitudes(" in s for s in snippets)  # private: it would answer exercise 5
    nb = nbtools.read(ROOT / "notebooks" / NOTEBOOK)
    picture = next(
        nbtools.source(c)
        for c in nb.cells
        if c.cell_type == "code" and "a_52 = resonance_location" in nbtools.source(c)
    )
    assert not nbtools.is_solution(next(c for c in nb.cells if nbtools.source(c) == picture))  # given, in class
    namespace, _ = namespace_until(NOTEBOOK, "a_52 = resonance_location", before=True)
    try:
        exec(picture.replace("utils.style.show(", "(lambda *a, **k: None)("), namespace)  # noqa: S102
        assert len(namespace["ax"].texts) == 5 - 2  # the picture numbers p - q places
        # the counting loop above exercise 2, run for the 5:2, prints three places
        loop = next(
            nbtools.source(c)
            for c in nb.cells
            if c.cell_type == "code" and "different places in 12 conjunctions" in nbtools.source(c)
        )
        printed = []
        namespace["print"] = printed.append
        exec(loop.replace("[a_31, 2.30 * u.AU]", "[resonance_location(a_jup, 5, 2)]"), namespace)  # noqa: S102
        assert len(printed) == 1 and "; 3 different places" in printed[0], printed
    finally:
        plt.close("all")
