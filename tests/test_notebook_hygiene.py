"""Notebooks are committed without outputs, except the cells nbval checks."""

from __future__ import annotations

import copy

import nbformat
import pytest

import nbtools
from conftest import ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_no_stray_outputs(path):
    nb = nbtools.read(path)
    bad = nbtools.stray_outputs(nb)
    assert bad == [], (
        f"{path.name}: cells {bad} carry outputs or execution counts; "
        "run `python3 tasks.py strip` (or refresh-outputs) before committing"
    )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_checked_cells_have_outputs_to_compare(path):
    """A checked cell with no stored output would compare nothing."""
    nb = nbtools.read(path)
    for i, cell in enumerate(nb.cells):
        if nbtools.is_checked(cell):
            assert cell.get("outputs"), f"{path.name} cell {i}: checked but no stored output (refresh-outputs)"
            assert cell.metadata.get("keep_output") is True, f"{path.name} cell {i}: needs keep_output metadata"
            kinds = {o.get("output_type") for o in cell.outputs}
            assert "error" not in kinds, f"{path.name} cell {i}: stored output is an error"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_strip_is_a_no_op_on_committed_notebooks(path, tmp_path):
    text = path.read_text(encoding="utf-8")
    nb = nbtools.strip(nbtools.read(path))
    nbformat.validate(nb)
    out = tmp_path / path.name  # not beside the notebook: parallel workers would share that file
    nbtools.write(nb, out)
    assert out.read_text(encoding="utf-8") == text, f"{path.name} is not in stripped form"


def _sample():
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell(
            "1 + 1",
            execution_count=3,
            outputs=[nbformat.v4.new_output("execute_result", {"text/plain": "2"}, execution_count=3)],
        ),
        nbformat.v4.new_code_cell(
            "# NBVAL_CHECK_OUTPUT\nprint(2)",
            execution_count=4,
            outputs=[nbformat.v4.new_output("stream", name="stdout", text="2\n")],
        ),
    ]
    return nb


def test_stray_output_is_detected_and_stripped():
    nb = _sample()
    assert nbtools.stray_outputs(nb) == [0]  # cell 1 is checked: its output stays
    clean = nbtools.strip(copy.deepcopy(nb))
    assert nbtools.stray_outputs(clean) == []
    assert clean.cells[0].outputs == []
    assert clean.cells[1].outputs[0]["text"] == "2\n"  # checked output kept
    assert clean.cells[1].metadata["keep_output"] is True
    assert clean.cells[0].execution_count is None
    assert clean.cells[1].execution_count == 2  # stable: its position among code cells


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_no_in_page_links(path):
    """A link to a heading of the same page (`](#Summary)`) cannot work in both places a lesson is read:
    JupyterLab keeps the heading's capitals in its anchor, the site lower-cases it. Say the way in words."""
    import re

    found = [
        f"cell {i}: {m.group(0)}"
        for i, cell in enumerate(nbtools.read(path).cells)
        if cell.cell_type == "markdown"
        for m in re.finditer(r"\]\(#[^)]*\)", nbtools.source(cell))
    ]
    assert found == [], f"{path.name}: in-page links (the site's anchors differ from JupyterLab's): {found}"
