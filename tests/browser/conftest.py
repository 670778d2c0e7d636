"""Browser tests: JupyterLab from this environment, driven in Debian's Chromium.

Run them with ``python3 tasks.py browser`` (or ``pytest tests/browser --browser``).
Without ``--browser`` they are skipped, so the main suite stays fast.  Without
Chromium or Playwright they are skipped with the reason, unless
``BRIGHT_SPOTS_REQUIRE_BROWSER=1`` (set by CI), which turns that into a failure.
The browser is never downloaded: set ``BRIGHT_SPOTS_CHROMIUM`` to use another
Chromium binary than ``chromium`` on the PATH.
"""

from __future__ import annotations

import os
import shutil
import signal
import sys
import tempfile
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

sys.path.insert(0, str(HERE.parents[1] / "tools"))

from labserver import SCREENSHOTS, LabServer, copy_notebooks, notebooks_folder  # noqa: E402

from testenv import chromium  # noqa: E402  (the same lookup as python3 tasks.py)

CHROMIUM_ARGS = [
    "--no-sandbox",  # root in containers; the pages are our own
    "--disable-gpu",
    "--disable-background-networking",  # no calls home, no component or safe-browsing updates
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--no-first-run",
    "--disable-dev-shm-usage",  # small /dev/shm in containers
]


def pytest_collection_modifyitems(config, items):
    here = str(HERE)
    skip = pytest.mark.skip(reason="browser tests run with --browser: python3 tasks.py browser")
    for item in items:
        if str(item.fspath).startswith(here):
            item.add_marker(pytest.mark.browser)
            if not config.getoption("--browser", default=False):
                item.add_marker(skip)


def _unavailable(reason: str):
    if os.environ.get("BRIGHT_SPOTS_REQUIRE_BROWSER") == "1":
        pytest.fail(f"BROWSER TESTS CANNOT RUN: {reason} (BRIGHT_SPOTS_REQUIRE_BROWSER=1)", pytrace=False)
    pytest.skip(f"BROWSER TESTS NOT RUN: {reason}")


@pytest.fixture(scope="session")
def chromium_path() -> str:
    path = chromium()
    if path is None:
        _unavailable("Chromium is not installed; on Debian/Ubuntu: sudo apt-get install chromium")
    return path


@pytest.fixture(scope="session")
def browser(chromium_path):
    os.environ["PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD"] = "1"  # never fetch a browser
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the playwright package is missing; run python3 tasks.py setup")
    pw = sync_playwright().start()
    try:
        b = pw.chromium.launch(executable_path=chromium_path, headless=True, args=CHROMIUM_ARGS)
    except Exception as err:  # noqa: BLE001 - report any launch failure the same way
        pw.stop()
        _unavailable(f"Chromium at {chromium_path} does not start: {err}")
    try:
        yield b
    finally:
        b.close()
        pw.stop()


@pytest.fixture(scope="session")
def lab(browser):
    """JupyterLab on a temporary copy of the notebooks; stopped however the session ends."""
    tmp = Path(tempfile.mkdtemp(prefix="bright-spots-lab-"))
    server = LabServer(copy_notebooks(notebooks_folder(), tmp / "notebooks"), tmp / "scratch")

    def on_sigterm(signum, frame):  # e.g. a CI timeout: stop like Ctrl-C, so this teardown runs
        raise KeyboardInterrupt(f"signal {signum}")

    previous = signal.signal(signal.SIGTERM, on_sigterm)
    shutil.rmtree(SCREENSHOTS, ignore_errors=True)  # only this run's screenshots, none left from an earlier one
    try:
        server.start()
        yield server
    finally:
        server.stop()
        signal.signal(signal.SIGTERM, previous)
        shutil.rmtree(tmp, ignore_errors=True)


@pytest.fixture
def page(browser, lab):
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    p = context.new_page()
    p.set_default_timeout(60_000)
    try:
        yield p
    finally:
        context.close()
        lab.shutdown_kernels()  # one kernel at a time: the machine may be small
