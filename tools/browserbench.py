"""Slider latency as a student sees it: JupyterLab in Chromium, key press to the new figure painted.

Used by ``tools/benchmark.py`` (``python3 tasks.py bench``).  It reuses the
browser tests' JupyterLab server (``tests/browser/labserver.py``: a temporary
copy of the notebooks, temporary settings, nothing written to the repository)
and their way of running a notebook (*Run → Run All Cells*,
``tests/browser/notebook_page.py``).

For each notebook: open it, run all cells, take the first widget view (the
lesson's main widget), focus its first slider handle and press an arrow key
``moves`` times (right until the slider's end, then left).  Before each press
the page gets a ``keydown`` listener and a ``MutationObserver`` on the widget:
the time runs from the ``keydown`` event to the frame in which the new
``<img>`` (one that was not there before the press) has loaded and been
painted: after ``load`` (or ``decode()`` for an image already complete), a
``requestAnimationFrame`` callback, then a task posted from it, which runs
after that frame has been produced.  All of it measured with
``performance.now()`` in the page, not in Python.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import testenv  # noqa: E402  (tools/, standard library only)

ROOT = Path(__file__).resolve().parents[1]
BROWSER_TESTS = ROOT / "tests" / "browser"

# Installed before each key press; resolves window.__benchMove with the latency in ms.
ARM_JS = """
(view) => {
  const state = {t0: null, done: null, error: null};
  window.__benchMove = state;
  for (const img of view.querySelectorAll('.widget-output img')) img.__benchOld = true;
  const onKey = (e) => { if (state.t0 === null) state.t0 = performance.now(); };
  document.addEventListener('keydown', onKey, {capture: true, once: true});
  const painted = () => {
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => { state.done = performance.now(); };
      ch.port2.postMessage(null);
    });
  };
  const check = () => {
    const img = Array.from(view.querySelectorAll('.widget-output img')).find(i => !i.__benchOld);
    if (!img || state.seen) return;
    state.seen = true;
    observer.disconnect();
    if (img.complete && img.naturalWidth > 0) {
      img.decode().then(painted, painted);
    } else {
      img.addEventListener('load', painted, {once: true});
      img.addEventListener('error', () => { state.error = 'image failed to load'; }, {once: true});
    }
  };
  const observer = new MutationObserver(check);
  observer.observe(view, {childList: true, subtree: true, attributes: true, attributeFilter: ['src']});
}
"""


def _load_module(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def _rss_mb(pid: int) -> float | None:
    try:
        import psutil

        return psutil.Process(pid).memory_info().rss / 1e6
    except Exception:  # noqa: BLE001 - a figure for the sizing guide, never a reason to fail
        return None


def next_key(now: float, lo: float, hi: float, going_up: bool) -> tuple[str, bool]:
    """The arrow key for the next move, bouncing between the slider's ends.

    >>> next_key(5, 0, 10, True)
    ('ArrowRight', True)
    >>> next_key(10, 0, 10, True)
    ('ArrowLeft', False)
    """
    if hi <= lo:
        raise ValueError(f"a slider needs max > min; got {lo}..{hi}")
    if going_up and now >= hi:
        going_up = False
    elif not going_up and now <= lo:
        going_up = True
    return ("ArrowRight" if going_up else "ArrowLeft"), going_up


def measure(notebooks: list[Path], moves: int = 25, timeout: float = 180.0, log=print) -> dict[str, dict]:
    """Browser latency of each notebook's main widget: ``{name: {"times_ms": [...], ...}}``."""
    if moves < 2:
        raise ValueError("at least 2 moves")
    os.environ["PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD"] = "1"  # never fetch a browser
    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(BROWSER_TESTS))
    labserver = _load_module("bench_labserver", BROWSER_TESTS / "labserver.py")
    page_tools = _load_module("bench_notebook_page", BROWSER_TESTS / "notebook_page.py")
    conftest = _load_module("bench_browser_conftest", BROWSER_TESTS / "conftest.py")
    chromium = testenv.chromium()  # the browser tests' own lookup
    if not chromium:
        raise RuntimeError("Chromium is not installed (set BRIGHT_SPOTS_CHROMIUM or install chromium)")

    results: dict[str, dict] = {}
    tmp = Path(tempfile.mkdtemp(prefix="bright-spots-bench-lab-"))
    server = labserver.LabServer(
        labserver.copy_notebooks(ROOT / "notebooks", tmp / "notebooks", [p.name for p in notebooks]), tmp / "scratch"
    )
    pw = sync_playwright().start()
    try:
        browser = pw.chromium.launch(executable_path=chromium, headless=True, args=conftest.CHROMIUM_ARGS)
        server.start()
        for path in notebooks:
            log(f"[browser] {path.name}: Run All, then {moves} moves of the main widget ...")
            load0 = os.getloadavg()[0]
            context = browser.new_context(viewport={"width": 1280, "height": 1000})
            page = context.new_page()
            page.set_default_timeout(90_000)
            try:
                results[path.name] = _one_notebook(
                    page, page_tools, page_tools.notebook_url(server, path.name), moves, timeout
                )
            except Exception as err:  # noqa: BLE001 - reported in the table, the other notebooks go on
                results[path.name] = {"error": f"{type(err).__name__}: {str(err).strip().splitlines()[0][:300]}"}
            finally:
                server_mb = _rss_mb(server.proc.pid) if server.proc else None
                context.close()
                server.shutdown_kernels()
            r = results[path.name]
            r["load"] = [load0, os.getloadavg()[0]]
            r["server_mb"] = server_mb  # the JupyterLab server's resident memory (no kernel), for sizing
            log(
                f"[browser]   {r['error']}"
                if r.get("error")
                else f"[browser]   median {r['median_ms']:.0f} ms, p95 {r['p95_ms']:.0f} ms"
            )
    finally:
        server.stop()
        pw.stop()
        shutil.rmtree(tmp, ignore_errors=True)
    return results


def _one_notebook(page, page_tools, url: str, moves: int, timeout: float) -> dict:
    from benchmark import percentile

    nb = page_tools.NOTEBOOK
    page.goto(url)
    page.wait_for_selector(f"{nb} .jp-Cell", timeout=90_000)
    page.wait_for_function(
        "() => window.jupyterapp && window.jupyterapp.shell.currentWidget"
        " && window.jupyterapp.shell.currentWidget.sessionContext.session"
        " && window.jupyterapp.shell.currentWidget.sessionContext.session.kernel"
        " && window.jupyterapp.shell.currentWidget.sessionContext.session.kernel.status"
        " === 'idle'",
        timeout=90_000,
    )
    page_tools.run_all(page)
    state = page_tools.wait_until_run(page, timeout)
    if not all(c["count"] for c in state["cells"]):
        raise RuntimeError("Run All did not run every cell")
    views = page.locator(
        f"{nb} .jp-Cell-outputArea > .jp-OutputArea-child > .jp-OutputArea-output:has(> .jupyter-widgets)"
    )
    if not views.count():
        raise RuntimeError("no widget view")
    view = views.first
    view.scroll_into_view_if_needed()
    handle = view.locator(".noUi-handle").first
    if not handle.count():
        raise RuntimeError("the main widget has no slider")
    label = view.locator(".widget-label").first.inner_text() if view.locator(".widget-label").count() else "?"
    lo, hi = (float(handle.get_attribute(a)) for a in ("aria-valuemin", "aria-valuemax"))
    times: list[float] = []
    going_up = True
    element = view.element_handle()
    for _ in range(moves):
        if not view.locator(".widget-output img").count():
            raise RuntimeError("the main widget shows no figure")
        key, going_up = next_key(float(handle.get_attribute("aria-valuenow")), lo, hi, going_up)
        page.evaluate(ARM_JS, element)
        handle.focus()
        page.keyboard.press(key)
        page.wait_for_function(
            "() => window.__benchMove.done !== null || window.__benchMove.error !== null", timeout=30_000
        )
        move = page.evaluate("() => window.__benchMove")
        if move.get("error"):
            raise RuntimeError(move["error"])
        if move.get("t0") is None:
            raise RuntimeError("the key press was not seen by the page")
        times.append(move["done"] - move["t0"])
        errors = page_tools.error_outputs(page)
        if errors:
            raise RuntimeError(f"error after a move: {errors[0][:200]}")
        time.sleep(0.3)  # a student's pause between moves; the kernel is idle again
    return {
        "control": label,
        "n": len(times),
        "times_ms": times,
        "median_ms": statistics.median(times),
        "p95_ms": percentile(times, 95),
        "max_ms": max(times),
    }
