"""One lock: CI, Binder and conda install exactly the same versions."""

from __future__ import annotations

import re
import shutil
import tomllib
from importlib import metadata
from pathlib import Path

import sync_lock
from conftest import ROOT


def drift(root: Path) -> list[str]:
    """Every difference between the lock and the files generated from it.

    environment.yml has the whole lock; binder/requirements.txt its runtime subset.
    """
    lock = sync_lock.read_pins(root / "requirements" / "lock.txt")
    runtime = sync_lock.runtime_subset(root / "requirements" / "lock.txt", root / "pyproject.toml")
    problems = []
    for rel, expected in (
        ("binder/requirements.txt", {n: v for n, v in lock.items() if n in runtime}),
        ("environment.yml", lock),
    ):
        pins = sync_lock.read_pins(root / rel)
        for name in sorted(set(expected) | set(pins)):
            if expected.get(name) != pins.get(name):
                problems.append(f"{rel}: {name} {pins.get(name)} != lock {expected.get(name)}")
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
    for rel in (
        "requirements/lock.txt",
        "binder/requirements.txt",
        "binder/runtime.txt",
        "environment.yml",
        "pyproject.toml",
    ):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / rel, tmp_path / rel)
    text = (tmp_path / "binder/requirements.txt").read_text()
    (tmp_path / "binder/requirements.txt").write_text(re.sub(r"numpy==\S+", "numpy==1.0.0", text))
    problems = drift(tmp_path)
    assert any("numpy" in p for p in problems)


def test_every_direct_dependency_is_locked():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    extras = project["optional-dependencies"]
    direct = project["dependencies"] + extras["test"] + extras["build"] + extras["site"]
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


# Tools that never run on Binder: only the tests, the site build and packaging use them.
NOT_RUNTIME = {
    "pytest",
    "pytest-xdist",
    "nbval",
    "hypothesis",
    "coverage",
    "playwright",
    "axe-playwright-python",
    "sphinx",
    "myst-nb",
    "myst-parser",
    "sphinx-book-theme",
    "pydata-sphinx-theme",
    "sphinx-mathjax-offline",
    "wheel",
    "pip-tools",
}


def test_binder_has_the_runtime_packages_only():
    binder = sync_lock.read_pins(ROOT / "binder" / "requirements.txt")
    assert sorted(NOT_RUNTIME & set(binder)) == []
    assert sync_lock.runtime_names() <= set(binder)


def test_runtime_subset_follows_the_via_annotations(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\ndependencies = ["a>=1", "b[extra]"]\n')
    (tmp_path / "lock.txt").write_text(
        "a==1.0\n    # via x (pyproject.toml)\n"
        "b==2.0\n    # via\n    #   x (pyproject.toml)\n    #   c\n"
        "c==3.0\n    # via a\n"
        "d==4.0\n    # via\n    #   c\n    #   e\n"
        "e==5.0\n    # via x (pyproject.toml)\n"  # a test-only direct dependency
        "f==6.0\n    # via e\n"
    )
    assert sync_lock.runtime_subset(tmp_path / "lock.txt", tmp_path / "pyproject.toml") == {"a", "b", "c", "d"}


def test_binder_requirements_hold_every_dependency_of_their_packages():
    """Closed under Requires-Dist (read from this environment, which is the locked one): Binder misses nothing."""
    from packaging.requirements import Requirement

    binder = set(sync_lock.read_pins(ROOT / "binder" / "requirements.txt"))
    missing = []
    for name in sorted(binder):
        for spec in metadata.requires(name) or []:
            req = Requirement(spec)
            if req.marker is not None and not req.marker.evaluate({"extra": ""}):
                continue
            if sync_lock.normalise(req.name) not in binder:
                missing.append(f"{name} needs {req.name}")
    assert missing == []


def test_notebook_matches_the_locked_jupyterlab():
    """Binder's base image brings notebook; the lock pins one whose JupyterLab range holds the locked JupyterLab."""
    from packaging.requirements import Requirement

    lock = sync_lock.read_pins(ROOT / "requirements" / "lock.txt")
    assert "notebook" in lock
    reqs = [Requirement(r) for r in metadata.requires("notebook") or []]
    lab = [r for r in reqs if sync_lock.normalise(r.name) == "jupyterlab"]
    assert lab and all(r.specifier.contains(lock["jupyterlab"]) for r in lab)


def test_the_environment_is_consistent():
    """pip check: every installed package's requirements are met (offline)."""
    import subprocess
    import sys

    out = subprocess.run(
        [sys.executable, "-m", "pip", "check", "--disable-pip-version-check"], capture_output=True, text=True
    )
    assert out.returncode == 0, out.stdout + out.stderr


def test_binder_installs_utils_and_widgets_frontend():
    post = (ROOT / "binder" / "postBuild").read_text()
    assert "-e ." in post
    pins = sync_lock.read_pins(ROOT / "binder" / "requirements.txt")
    # ipywidgets 8 ships its JupyterLab front-end in jupyterlab-widgets
    assert {"jupyterlab", "ipywidgets", "jupyterlab-widgets"} <= set(pins)


def test_utils_importable_from_notebooks_folder(tmp_path):
    import subprocess
    import sys

    out = subprocess.run(
        [sys.executable, "-c", "import utils, sys; print(utils.__file__)"],
        cwd=ROOT / "notebooks",
        capture_output=True,
        text=True,
        check=True,
    )
    assert Path(out.stdout.strip()).parent == ROOT / "utils"
