"""Run the first code cells of a lesson notebook in a plain namespace, to test its widget functions.

A widget's draw function is defined in its notebook, where students read it.  The tests
run the notebook's code cells up to that definition (widget ``interact`` calls and cells
after it are skipped), with matplotlib's Agg backend, and catch every figure that
``utils.style.show`` would display, so a test can read the figure's texts.
"""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import nbtools  # noqa: E402  (tools/ is on the path, see conftest.py)
from conftest import ROOT  # noqa: E402


def namespace_until(notebook: str, needle: str) -> tuple[dict, list]:
    """Execute code cells of ``notebooks/<notebook>`` until the one containing ``needle``.

    Returns the namespace and a list that collects ``(figure, alt)`` for every figure
    shown through ``utils.style.show`` from then on.
    """
    import utils

    shown: list = []

    def fake_show(figure, alt):
        if not isinstance(alt, str) or len(alt.strip()) < 20:
            raise ValueError("alt text missing")
        shown.append((getattr(figure, "figure", figure), alt))

    import matplotlib.pyplot as plt

    original = utils.style.show
    utils.style.show = fake_show  # figures drawn on the way are caught, not displayed
    nb = nbtools.read(ROOT / "notebooks" / notebook)
    ns: dict = {"__name__": "__lesson__"}
    found = False
    try:
        for cell in nb.cells:
            if cell.cell_type != "code":
                continue
            src = nbtools.source(cell)
            if "widgets.interact" in src or nbtools.is_solution(cell) or "utils.check(" in src:
                continue
            exec(compile(src, f"{notebook}:{needle}", "exec"), ns)
            plt.close("all")
            if needle in src:
                found = True
                break
    finally:
        utils.style.show = original
    if not found:
        raise LookupError(f"no code cell with {needle!r} in {notebook}")
    shown.clear()  # figures drawn on the way are not the widget's
    ns["utils"] = _PatchedUtils(utils, fake_show)
    return ns, shown


class _PatchedUtils:
    """The ``utils`` package as the notebook sees it, with ``style.show`` caught instead of displayed."""

    def __init__(self, package, show):
        self._package = package
        self.style = _PatchedStyle(package.style, show)

    def __getattr__(self, name):
        return getattr(self._package, name)


class _PatchedStyle:
    def __init__(self, module, show):
        self._module = module
        self.show = show

    def __getattr__(self, name):
        return getattr(self._module, name)


def texts(figure) -> list[str]:
    """Every text of a figure: suptitle, axes titles and labels, legend entries, annotations."""
    found = []
    for t in figure.findobj(matplotlib.text.Text):
        if t.get_visible() and t.get_text():
            found.append(t.get_text())
    return found


def small_texts(figure, minimum: float = 9.0) -> list[str]:
    """Visible texts drawn smaller than ``minimum`` points."""
    return [
        t.get_text()
        for t in figure.findobj(matplotlib.text.Text)
        if t.get_visible() and t.get_text() and t.get_fontsize() < minimum
    ]
