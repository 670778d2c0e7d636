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


def namespace_until(notebook: str, needle: str, *, before: bool = False) -> tuple[dict, list]:
    """Execute code cells of ``notebooks/<notebook>`` until the one containing ``needle``.

    With ``before``, that cell itself is not run.

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
            if before and needle in src:
                found = True
                break
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


class ExploreWidget:
    """A lesson's Explore widget: its draw function and controls, drawn without a browser.

    Built by :func:`explore_widget`.  ``draw(**values)`` calls the notebook's own draw
    function with ``utils.style.show`` caught, and returns the figure and alt text it showed.
    """

    def __init__(self, function, controls: dict, notebook: str):
        self.function, self.controls, self.notebook = function, controls, notebook

    def draw(self, **values):
        import matplotlib.pyplot as plt

        import utils

        shown: list = []

        def catch(figure, alt):
            shown.append((getattr(figure, "figure", figure), alt))

        original = utils.style.show
        utils.style.show = catch  # also reaches a draw method in utils that imports show when called
        try:
            self.function(**{**self.defaults(), **values})
        finally:
            utils.style.show = original
            plt.close("all")
        if len(shown) != 1:
            raise AssertionError(f"{self.notebook}: the widget showed {len(shown)} figures for {values}")
        return shown[0]

    def defaults(self) -> dict:
        return {name: control.value for name, control in self.controls.items()}

    def stops(self, name: str) -> list:
        """Every value a student can set the control ``name`` to, in order."""
        import numpy as np

        control = self.controls[name]
        if hasattr(control, "_options_values"):
            return list(control._options_values)
        if type(control).__name__ in ("Checkbox", "ToggleButton"):
            return [False, True]
        lo, hi, step = control.min, control.max, control.step
        count = int(round((hi - lo) / step)) + 1
        values = [lo + k * step for k in range(count)]
        if type(control).__name__ == "FloatLogSlider":
            return [float(control.base**v) for v in values]
        if type(control).__name__ == "IntSlider":
            return [int(v) for v in values]
        return [float(np.round(v, 10)) for v in values]


def explore_widget(notebook: str) -> ExploreWidget:
    """Run ``notebooks/<notebook>`` up to its ``widgets.interact`` call and catch the function and controls."""
    import ipywidgets

    import utils

    ns, _ = namespace_until(notebook, "widgets.interact(", before=True)
    ns["utils"] = utils  # the draw function shows through the real utils.style.show, caught by draw()
    caught: dict = {}

    class Recording:
        def __getattr__(self, name):
            return getattr(ipywidgets, name)

        @staticmethod
        def interact(function, **controls):
            caught.update(function=function, controls=controls)

    nb = nbtools.read(ROOT / "notebooks" / notebook)
    cell = next(c for c in nb.cells if c.cell_type == "code" and "widgets.interact(" in nbtools.source(c))
    original = utils.style.show
    utils.style.show = lambda figure, alt: None  # a default picture drawn in the same cell is not the widget's
    try:
        exec(compile(nbtools.source(cell), f"{notebook}:interact", "exec"), {**ns, "widgets": Recording()})
    finally:
        utils.style.show = original
    if not caught:
        raise LookupError(f"{notebook}: its widgets.interact cell did not call widgets.interact")
    return ExploreWidget(caught["function"], caught["controls"], notebook)
