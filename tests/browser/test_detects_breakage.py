"""The browser checks fail when a widget is broken (so a passing run means something).

Each case is a small notebook written into the server's temporary folder (never
into the repository) and checked exactly like a lesson.
"""

from __future__ import annotations

import nbformat
import pytest
from labserver import SCREENSHOTS
from notebook_page import check_notebook, notebook_url

_SETUP = """\
import ipywidgets as widgets
import matplotlib.pyplot as plt
"""

CASES = {
    # the callback raises at the slider's end: the student sees a traceback
    "callback-raises": (
        _SETUP
        + """\
def draw(x=0):
    if x > 5:
        raise ValueError("broken on purpose")
    plt.plot([0, 1], [0, x]); plt.title(f"x = {x}"); plt.show()

widgets.interact(draw, x=widgets.IntSlider(value=0, min=0, max=10, continuous_update=False));
""",
        "after moving the main slider (End)",
    ),
    # the figure ignores the slider: moving it changes nothing
    "figure-frozen": (
        _SETUP
        + """\
def draw(x=0):
    plt.plot([0, 1], [0, 1]); plt.title("always the same"); plt.show()

widgets.interact(draw, x=widgets.IntSlider(value=0, min=0, max=10, continuous_update=False));
""",
        "did not change the figure",
    ),
    # a widget view whose model does not exist (what a missing or mismatched front-end shows)
    "widget-not-rendered": (
        """\
from IPython.display import display
display({"application/vnd.jupyter.widget-view+json":
         {"model_id": "0" * 32, "version_major": 2, "version_minor": 0},
         "text/plain": "a widget"}, raw=True)
""",
        "rendered",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_broken_widget_fails_the_check(page, lab, case):
    source, expected = CASES[case]
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(source)]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
    name = f"zz-broken-{case}.ipynb"
    nbformat.write(nb, str(lab.root / name))
    # A case that waits for something to happen (the traceback) gets the lessons' own 45 s, which it only uses
    # up on a slow kernel; a case whose wait always runs out (nothing changes) keeps a short one.
    widget_timeout = 15 if case == "figure-frozen" else 45
    report = check_notebook(
        page,
        notebook_url(lab, name),
        name,
        SCREENSHOTS / "broken-on-purpose",
        timeout=90,
        widget_timeout=widget_timeout,
    )
    print(f"{case}: {report.problems}")
    assert any(expected in p for p in report.problems), report.problems
    with pytest.raises(AssertionError):
        report.fail_if_problems()
