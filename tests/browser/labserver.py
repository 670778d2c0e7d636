"""A throw-away JupyterLab server for the browser tests.

The server runs from this project's environment on a free localhost port with a
random token.  Its root is a temporary copy of the notebooks, and its home,
config, data, runtime, settings and workspace folders are temporary too, so a
run never writes into the repository or the user's home.  ``stop()`` shuts the
kernels and the server down and kills whatever is left of them.
"""

from __future__ import annotations

import atexit
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "build" / "screenshots"  # build/ is not in git


def notebooks_folder() -> Path:
    """The notebooks under test (``BRIGHT_SPOTS_NOTEBOOKS`` points elsewhere, e.g. a broken copy)."""
    return Path(os.environ.get("BRIGHT_SPOTS_NOTEBOOKS", ROOT / "notebooks")).resolve()


# JupyterLab settings for a quiet, deterministic test run:
# no news or update checks (no network, no toast over the notebook), every cell
# kept in the DOM (no windowing), and no "kernel is still running" dialog.
LAB_SETTINGS = {
    "@jupyterlab/apputils-extension/notification": {"fetchNews": "false", "checkForUpdates": False},
    "@jupyterlab/notebook-extension/tracker": {"windowingMode": "none"},
    "@jupyterlab/apputils-extension/sessionDialogs": {},
}


def _die_with_parent() -> None:
    """In the child: get SIGTERM if the test process dies, even by SIGKILL (Linux; elsewhere a no-op)."""
    try:
        import ctypes

        PR_SET_PDEATHSIG = 1
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):
        pass


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LabServer:
    """``jupyter lab`` from ``sys.prefix`` on ``root`` (a folder of notebooks)."""

    def __init__(self, root: Path, scratch: Path, startup_timeout: float = 120.0):
        self.root = Path(root)
        self.scratch = Path(scratch)
        self.port = free_port()
        self.token = secrets.token_hex(16)
        self.url = f"http://127.0.0.1:{self.port}"
        self.startup_timeout = startup_timeout
        self.proc: subprocess.Popen | None = None
        self.log_path = self.scratch / "jupyterlab.log"
        self._seen_kernel_pids: set[int] = set()

    # -- environment -----------------------------------------------------
    def _env(self) -> dict[str, str]:
        dirs = {
            name: self.scratch / name
            for name in ("home", "config", "data", "runtime", "ipython", "settings", "workspaces")
        }
        for d in dirs.values():
            d.mkdir(parents=True, exist_ok=True)
        for plugin, values in LAB_SETTINGS.items():
            pkg, name = plugin.rsplit("/", 1)
            f = dirs["settings"] / pkg / f"{name}.jupyterlab-settings"
            f.parent.mkdir(parents=True, exist_ok=True)
            f.write_text(json.dumps(values))
        env = dict(os.environ)
        # The kernels must use the inline backend, as for a student.
        env.pop("MPLBACKEND", None)
        env.update(
            HOME=str(dirs["home"]),
            JUPYTER_CONFIG_DIR=str(dirs["config"]),
            JUPYTER_DATA_DIR=str(dirs["data"]),
            JUPYTER_RUNTIME_DIR=str(dirs["runtime"]),
            IPYTHONDIR=str(dirs["ipython"]),
            JUPYTERLAB_SETTINGS_DIR=str(dirs["settings"]),
            JUPYTERLAB_WORKSPACES_DIR=str(dirs["workspaces"]),
            JUPYTER_PLATFORM_DIRS="1",
            PYTHONDONTWRITEBYTECODE="1",
        )
        # keep the matplotlib font cache where it already is (no rebuild per run)
        env.setdefault("MPLCONFIGDIR", str(Path(os.environ.get("HOME", "/tmp")) / ".cache" / "matplotlib"))
        return env

    def command(self) -> list[str]:
        jupyter = Path(sys.prefix) / "bin" / "jupyter"
        cmd = [
            str(jupyter),
            "lab",
            "--no-browser",
            "--ServerApp.ip=127.0.0.1",
            f"--ServerApp.port={self.port}",
            "--ServerApp.port_retries=0",
            f"--IdentityProvider.token={self.token}",
            f"--ServerApp.root_dir={self.root}",
            "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
            "--LabApp.news_url=",
            "--LabApp.expose_app_in_browser=True",
            "--ServerApp.terminals_enabled=False",
        ]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            cmd.append("--allow-root")  # JupyterLab refuses to run as root otherwise (containers, CI)
        return cmd

    # -- life cycle ------------------------------------------------------
    def start(self) -> LabServer:
        env = self._env()  # creates the scratch folders
        log = open(self.log_path, "wb")
        self.proc = subprocess.Popen(
            self.command(),
            cwd=self.root,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            preexec_fn=_die_with_parent,
        )
        atexit.register(self.stop)  # backstop if the test process exits without teardown
        deadline = time.monotonic() + self.startup_timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"JupyterLab exited with code {self.proc.returncode}:\n{self.log_tail()}")
            try:
                self.api("GET", "/api/status")
                return self
            except (urllib.error.URLError, ConnectionError, OSError):
                time.sleep(0.5)
        self.stop()
        raise RuntimeError(f"JupyterLab did not answer within {self.startup_timeout:.0f} s:\n{self.log_tail()}")

    def log_tail(self, lines: int = 40) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"

    def api(self, method: str, path: str, timeout: float = 10.0):
        req = urllib.request.Request(self.url + path, method=method, headers={"Authorization": f"token {self.token}"})
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            body = resp.read()
        return json.loads(body) if body else None

    def kernel_pids(self) -> set[int]:
        """Process ids of the server's kernels (they run in sessions of their own)."""
        pids: set[int] = set()
        try:
            import psutil
        except ImportError:  # pragma: no cover - psutil comes with ipykernel
            return pids
        for p in psutil.process_iter(["pid", "environ"]):
            try:
                env = p.info.get("environ") or {}
            except (psutil.Error, OSError):
                continue
            if env.get("JPY_PARENT_PID") == str(self.proc.pid if self.proc else -1):
                pids.add(p.info["pid"])
        self._seen_kernel_pids |= pids
        return pids

    def shutdown_kernels(self) -> None:
        """Shut every running kernel down (between notebooks, to free memory)."""
        self.kernel_pids()
        try:
            for s in self.api("GET", "/api/sessions") or []:
                self.api("DELETE", f"/api/sessions/{s['id']}")
            for k in self.api("GET", "/api/kernels") or []:
                self.api("DELETE", f"/api/kernels/{k['id']}")
        except (urllib.error.URLError, OSError):
            pass

    def stop(self) -> None:
        """Stop the server and its kernels, whatever state they are in."""
        if self.proc is None:
            return
        if self.proc.poll() is None:
            self.shutdown_kernels()
            self.kernel_pids()
            try:
                os.killpg(self.proc.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                try:
                    os.killpg(self.proc.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                self.proc.wait(timeout=10)
        for pid in self._seen_kernel_pids:  # kernels left behind by a crashed server
            try:
                os.kill(pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
        self.proc = None


def copy_notebooks(src: Path, dest: Path, names: list[str] | None = None) -> Path:
    """Copy the notebooks (only ``*.ipynb``) into ``dest``; the server never sees the repository."""
    dest.mkdir(parents=True, exist_ok=True)
    for nb in sorted(Path(src).glob("*.ipynb")):
        if names is None or nb.name in names:
            shutil.copy2(nb, dest / nb.name)
    return dest
