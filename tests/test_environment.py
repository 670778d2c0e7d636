"""One lock: CI, Binder and conda install exactly the same versions."""
from __future__ import annotations

import re
import shutil
import tomllib
from importlib import metadata
from pathlib import Path

import pytest

from conftest import ROOT
import sync_lock


def drift(root: Path) -> list[str]:
    """Every difference between the lock and the files generated from it."""
    lock = sync_lock.read_pins(root / "requirements" / "lock.txt")
    problems = []
    for rel in ("binder/requirements.txt", "environment.yml"):
        pins = sync_lock.read_pins(root / rel)
        for name in sorted(set(lock) | set(pins)):
            if lock.get(name) != pins.get(name):
                problems.append(f"{rel}: {name} {pins.get(name)} != lock {lock.get(name)}")
    py = sync_lock.python_version(root / "requirements" / "lock.txt")
    env_text = (root / "environment.yml").read_text()
    if f"python={py}" not in env_text:
        problems.append(f"environment.yml does not pin python={py}")
    if (root / "binder" / "runtime.txt").read_text().strip() != f"python-{py}":
        problems.append(f"binder/runtime.txt is not python-{py}")
    return problems


def test_binder_and_conda_match_the_lock():
    assert drift(ROOT) == []


def test_drift_is_detected(tmp_path):
    for rel in ("requirements/lock.txt", "binder/requirements.txt", "binder/runtime.txt", "environment.yml"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / rel, tmp_path / rel)
    text = (tmp_path / "binder/requirements.txt").read_text()
    (tmp_path / "binder/requirements.txt").write_text(re.sub(r"numpy==\S+", "numpy==1.0.0", text))
    problems = drift(tmp_path)
    assert any("numpy" in p for p in problems)


def test_every_direct_dependency_is_locked():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    extras = project["optional-dependencies"]
    direct = project["dependencies"] + extras["test"] + extras["build"]
    lock = sync_lock.read_pins(ROOT / "requirements" / "lock.txt")
    names = [re.split(r"[<>=\[; ]", d)[0].lower().replace("_", "-") for d in direct]
    assert [n for n in names if n not in lock] == []


def test_this_environment_is_the_locked_one():
    """What the tests run on is exactly what Binder and conda users get."""
    lock = sync_lock.read_pins(ROOT / "requirements" / "lock.txt")
    wrong = []
    for name, version in lock.items():
        try:
            installed = metadata.version(name)
        except metadata.PackageNotFoundError:
            wrong.append(f"{name} missing")
            continue
        if installed != version:
            wrong.append(f"{name} {installed} != {version}")
    assert wrong == []


def test_binder_installs_utils_and_widgets_frontend():
    post = (ROOT / "binder" / "postBuild").read_text()
    assert "-e ." in post
    pins = sync_lock.read_pins(ROOT / "binder" / "requirements.txt")
    # ipywidgets 8 ships its JupyterLab front-end in jupyterlab-widgets
    assert {"jupyterlab", "ipywidgets", "jupyterlab-widgets"} <= set(pins)


def test_utils_importable_from_notebooks_folder(tmp_path):
    import subprocess, sys

    out = subprocess.run([sys.executable, "-c", "import utils, sys; print(utils.__file__)"],
                         cwd=ROOT / "notebooks", capture_output=True, text=True, check=True)
    assert Path(out.stdout.strip()).parent == ROOT / "utils"
