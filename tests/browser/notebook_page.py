"""What a student does with a notebook in JupyterLab, and what they must see.

``check_notebook`` opens a notebook, runs every cell with *Run → Run All Cells*,
and asserts what a student would notice: an error output, a JavaScript error,
a widget that never renders, or a main widget whose figure does not change
when it is moved (to its maximum, then to its minimum).
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from pathlib import Path

# the notebook on show (other panels, if any, are hidden)
NOTEBOOK = ".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook"
WIDGET_MIME = "application/vnd.jupyter.widget-view+json"
STDERR_MIME = "application/vnd.jupyter.stderr"

# Console messages of type "error" that say nothing about the lessons, each
# matched narrowly.  Anything else logged as an error fails the test.
BENIGN_CONSOLE_ERRORS: list[tuple[re.Pattern, str]] = []
# An exception line as IPython prints it (a SyntaxError comes without "Traceback").
_ERROR_LINE = re.compile(r"^\s*\w*(?:Error|Exception):.*$", re.M)

# The JavaScript the checks use to read the notebook model (JupyterLab is started
# with expose_app_in_browser, so window.jupyterapp is the running application).
_MODEL_SUMMARY_JS = """
() => {
  const panel = window.jupyterapp.shell.currentWidget;
  const cells = [];
  panel.content.widgets.forEach((cell, index) => {
    if (cell.model.type !== 'code') return;
    const outputs = [];
    const list = cell.model.outputs;
    for (let i = 0; i < list.length; i++) {
      const o = list.get(i).toJSON();
      outputs.push({
        type: o.output_type,
        name: o.name || null,
        ename: o.ename || null,
        evalue: o.evalue || null,
        text: typeof o.text === 'string' ? o.text.slice(0, 2000) : (o.text || []).join('').slice(0, 2000),
        mimes: Object.keys(o.data || {}),
        model_id: (o.data && o.data['%(widget)s']) ? o.data['%(widget)s'].model_id : null,
      });
    }
    const source = cell.model.sharedModel.getSource().slice(0, 400);
    cells.push({index, count: cell.model.executionCount, outputs, source});
  });
  return {
    kernel: panel.sessionContext.session && panel.sessionContext.session.kernel
      ? panel.sessionContext.session.kernel.status : 'none',
    cells,
  };
}
""" % {"widget": WIDGET_MIME}


@dataclass
class Report:
    name: str
    console_errors: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    screenshots: list[Path] = field(default_factory=list)
    widget_views: int = 0
    main_widget: str = ""
    stalled: bool = False  # Run All stopped with no error shown: the kernel stopped answering

    def fail_if_problems(self) -> None:
        if self.problems:
            shots = ", ".join(str(s) for s in self.screenshots)
            raise AssertionError(f"{self.name}:\n- " + "\n- ".join(self.problems) + f"\n(screenshots: {shots})")


def is_benign(text: str) -> bool:
    return any(p.match(text) for p, _why in BENIGN_CONSOLE_ERRORS)


def watch_console(page, report: Report) -> None:
    def on_console(msg):
        if msg.type == "error" and not is_benign(msg.text):
            report.console_errors.append(msg.text[:500])

    page.on("console", on_console)
    page.on("pageerror", lambda err: report.console_errors.append(f"uncaught: {err}"[:500]))


def model(page) -> dict:
    return page.evaluate(_MODEL_SUMMARY_JS)


def wait_until_run(page, timeout: float) -> dict:
    """Wait until every code cell has run, or the run has stopped early (kernel idle, cells left: an error)."""
    t_click = time.monotonic()
    deadline = t_click + timeout
    idle_since = None
    started = False
    state = model(page)
    while time.monotonic() < deadline:
        state = model(page)
        prompts = page.eval_on_selector_all(
            f"{NOTEBOOK} .jp-CodeCell .jp-InputPrompt", "els => els.map(e => e.textContent)"
        )
        running = any("*" in p for p in prompts)
        started = started or running or state["kernel"] == "busy"
        done = all(c["count"] for c in state["cells"]) and not running
        if state["kernel"] == "idle" and not running:
            idle_since = idle_since or time.monotonic()
            # (stored counts of checked cells show before the run: wait for it to start, or 5 s)
            if done and (started or time.monotonic() > t_click + 5.0) and time.monotonic() - idle_since > 1.0:
                return state
            if started and time.monotonic() - idle_since > 5.0:
                return state
        else:
            idle_since = None
        time.sleep(0.25)
    return state


def error_outputs(page, scope: str = None) -> list[str]:
    """Tracebacks shown anywhere in the notebook, including inside widget outputs."""
    scope = scope or NOTEBOOK
    texts = page.eval_on_selector_all(
        f'{scope} .jp-OutputArea-output[data-mime-type="{STDERR_MIME}"]', "els => els.map(e => e.innerText)"
    )
    shown = []
    for t in texts:
        if "Traceback" in t or _ERROR_LINE.search(t):
            lines = _ERROR_LINE.findall(t)
            shown.append((lines[-1].strip() if lines else t.strip())[:500])
    return shown


def run_all(page) -> None:
    """Run → Run All Cells, through the menu bar as a student would."""
    page.locator(".lm-MenuBar-item", has_text=re.compile(r"^Run$")).first.click()
    page.locator('.lm-Menu-item[data-command="runmenu:run-all"]').click()


def _control(view):
    """The first slider handle or drop-down of a widget view, and its kind."""
    handle = view.locator(".noUi-handle")
    if handle.count():
        return "slider", handle.first
    select = view.locator(".widget-dropdown select")
    if select.count():
        return "dropdown", select.first
    return None, None


def _image_src(view) -> str:
    """The first widget image's source, or "" if there is none, read in one step.

    Counting the images and then reading the first one is two steps: a callback that clears
    its output between them (the output is replaced by a traceback) leaves the second step
    waiting for an image that will not come back.
    """
    return view.locator(".widget-output img").evaluate_all(
        "imgs => imgs.length ? (imgs[0].getAttribute('src') || '') : ''"
    )


def _wait_for_new_image(page, view, before: str, timeout: float) -> str:
    deadline = time.monotonic() + timeout
    src = before
    while time.monotonic() < deadline:
        src = _image_src(view)
        if src and src != before and not error_outputs(page):
            # wait for the image to settle (clear_output(wait=True) swaps it once)
            time.sleep(0.5)
            return _image_src(view)
        if error_outputs(page):
            return src
        time.sleep(0.2)
    return src


def notebook_url(lab, name: str) -> str:
    """The notebook in a fresh workspace (``reset``: no panels left open by an earlier test)."""
    return f"{lab.url}/lab/tree/{name}?token={lab.token}&reset"


def check_notebook(
    page, url: str, name: str, shots: Path, timeout: float = 180.0, widget_timeout: float = 45.0
) -> Report:
    report = Report(name)
    watch_console(page, report)
    stem = Path(name).stem
    shots.mkdir(parents=True, exist_ok=True)

    def shot(label: str, target=None) -> None:
        path = shots / f"{stem}-{label}.png"
        (target or page).screenshot(path=str(path))
        report.screenshots.append(path)

    page.goto(url)
    page.wait_for_selector(f"{NOTEBOOK} .jp-Cell", timeout=90_000)
    page.wait_for_function(
        "() => window.jupyterapp && window.jupyterapp.shell.currentWidget"
        " && window.jupyterapp.shell.currentWidget.sessionContext.session"
        " && window.jupyterapp.shell.currentWidget.sessionContext.session.kernel"
        " && window.jupyterapp.shell.currentWidget.sessionContext.session.kernel.status === 'idle'",
        timeout=90_000,
    )
    run_all(page)
    state = wait_until_run(page, timeout)

    # 1. every code cell ran, and no error output
    not_run = [c["index"] for c in state["cells"] if not c["count"]]
    if not_run:
        report.problems.append(f"cells never ran (Run All stopped): code cells at positions {not_run}")
    for c in state["cells"]:
        for o in c["outputs"]:
            if o["type"] == "error":
                report.problems.append(f"cell {c['index']}: error output {o['ename']}: {o['evalue']}")
            elif o["type"] == "stream" and o["name"] == "stderr" and "Traceback" in o["text"]:
                report.problems.append(f"cell {c['index']}: traceback on stderr: {o['text'][:300]}")
    for text in error_outputs(page):
        report.problems.append(f"error shown in the notebook: {text[:300]}")
    if not_run and len(report.problems) == 1:
        # Run All stopped with no error anywhere and the kernel idle: a cell was sent and never answered.
        report.stalled = True
        first = next(c for c in state["cells"] if not c["count"])
        report.problems[0] = (
            f"STALL: Run All stopped at code cell {first['index']} with the kernel idle and no "
            f"error; that cell was asked to run:\n    " + "\n    ".join(first.get("source", "").splitlines()[:8])
        )
        shot("0-stalled")
        return report

    # 2. every widget view rendered
    expected = [o["model_id"] for c in state["cells"] for o in c["outputs"] if o["model_id"]]
    report.widget_views = len(expected)
    # a rendered widget view: a cell output whose content is a jupyter-widgets element
    views = page.locator(
        f"{NOTEBOOK} .jp-Cell-outputArea > .jp-OutputArea-child > .jp-OutputArea-output:has(> .jupyter-widgets)"
    )
    rendered = [
        i
        for i in range(views.count())
        if (box := views.nth(i).bounding_box()) and box["height"] > 0 and box["width"] > 0
    ]
    if len(rendered) != len(expected):
        report.problems.append(
            f"{len(expected)} widget outputs in the notebook but {len(rendered)} rendered "
            "(is the ipywidgets front-end installed in this JupyterLab?)"
        )
    body = page.locator(NOTEBOOK).inner_text()
    for bad in ("Loading widget...", "Error displaying widget", "Model not found"):
        if bad in body:
            report.problems.append(f"the page shows '{bad}'")
    if not expected:
        report.problems.append("no widget in the notebook (every lesson has an Explore widget)")

    # 3. the main widget (the first one) reacts: move it to its maximum, then to its minimum
    if rendered:
        view = views.nth(rendered[0])
        view.scroll_into_view_if_needed()
        shot("1-after-run-all")
        kind, control = _control(view)
        report.main_widget = kind or "none"
        before = _image_src(view)
        if kind is None:
            report.problems.append("the main widget has no slider or drop-down")
        elif not before:
            report.problems.append("the main widget shows no figure after Run All")
        else:
            shot("2-main-widget-default", view)
            moves = [("End", "3-main-widget-max"), ("Home", "4-main-widget-min")]
            if kind == "slider" and control.get_attribute("aria-valuenow") == control.get_attribute("aria-valuemax"):
                moves.reverse()  # already at its maximum: pressing End would change nothing
            for key, label in moves:
                current = _image_src(view)
                if kind == "slider":
                    control.focus()
                    page.keyboard.press(key)
                else:
                    options = control.locator("option")
                    n = options.count()
                    index = n - 1 if key == "End" else 0
                    if control.evaluate("el => el.selectedIndex") == index:
                        index = 0 if key == "End" else n - 1
                    control.select_option(index=index)
                after = _wait_for_new_image(page, view, current, timeout=widget_timeout)
                shot(label, view)
                if after == current:
                    report.problems.append(f"moving the main {kind} ({key}) did not change the figure")
                    break
                errs = error_outputs(page)
                if errs:
                    report.problems.append(f"after moving the main {kind} ({key}): {errs[0][:300]}")
                    break
    else:
        shot("1-after-run-all")

    # 4. no JavaScript errors at any time
    for msg in report.console_errors:
        report.problems.append(f"JavaScript console error: {msg}")
    return report
