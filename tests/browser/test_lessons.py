"""Every notebook, run in JupyterLab in a real browser, as a student sees it."""

from __future__ import annotations

import pytest
from labserver import SCREENSHOTS, notebooks_folder
from notebook_page import check_notebook, notebook_url

import nbtools

NOTEBOOKS = nbtools.lesson_notebooks(notebooks_folder())


@pytest.mark.parametrize("name", [p.name for p in NOTEBOOKS])
def test_notebook_runs_and_its_widgets_work(page, lab, name):
    # A stall (a cell left waiting with the kernel idle) is a failure, reported with the cell: never retried.
    report = check_notebook(page, notebook_url(lab, name), name, SCREENSHOTS)
    print(
        f"{name}: {report.widget_views} widget views, main widget: {report.main_widget}; "
        f"screenshots: {', '.join(p.name for p in report.screenshots)}"
    )
    report.fail_if_problems()


def test_there_are_notebooks_to_test():
    assert NOTEBOOKS, f"no NN-name.ipynb notebooks in {notebooks_folder()}"
