"""Lesson 03: the code the text suggests for exercise 4(b) runs against the current ``utils``."""

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
        if c.cell_type == "markdown" and c.source.lstrip().startswith("### Exercise 4 ")
    )
    return [code for code in re.findall(r"`([^`]+)`", text) if "(" in code]


def test_exercise_4b_suggested_calls_run():
    snippets = _exercise_4_snippets()
    assert any("draw_conjunctions(" in s for s in snippets)
    assert any("conjunction_longitudes(" in s for s in snippets)
    namespace, _ = namespace_until(NOTEBOOK, "a_52 = resonance_location", before=True)
    try:
        for snippet in snippets:
            exec(snippet, namespace)  # noqa: S102  (the lesson's own suggested code)
        places = eval("np.unique(conjunction_longitudes(resonance_location(a_jup, 5, 2), a_jup))", namespace)
        assert len(places) == 5 - 2  # p - q places
    finally:
        plt.close("all")
