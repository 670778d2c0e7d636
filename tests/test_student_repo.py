"""The repository students pull: built from this one, runs, and (graded) holds no answers."""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import nbformat
import pytest

import assign
import nbtools
import student_repo
from conftest import ROOT
from utils.data import CHECK_ONLY, MANIFEST

CONF = {"repository": "bright-spots/bright-spots", "hub": "https://hub.example.edu", "branch": "main"}


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    out = tmp_path_factory.mktemp("repo") / "graded"
    return out, student_repo.build(out, graded=True, git=True, conf=CONF)


@pytest.fixture(scope="module")
def formative(tmp_path_factory):
    out = tmp_path_factory.mktemp("repo") / "formative"
    return out, student_repo.build(out, graded=False, conf=CONF)


def test_the_setting_is_read_from_pyproject():
    conf = student_repo.settings()
    assert {"repository", "hub", "branch"} <= set(conf) and conf["repository"].count("/") == 1


def test_a_separate_student_repository_gets_the_link(tmp_path):
    conf = tmp_path / "pyproject.toml"
    conf.write_text(
        '[tool.bright-spots]\nrepository = "bright-spots/bright-spots"\nhub = "https://h.edu"\n'
        'branch = "main"\nstudent-repository = "my-course/bright-spots-graded"\n'
    )
    made = student_repo.settings(conf)
    assert made["student-repository"] == "my-course/bright-spots-graded"
    link = student_repo.nbgitpuller_link(made["student-repository"], made["hub"], made["branch"])
    assert parse_qs(urlparse(link).query)["urlpath"] == ["lab/tree/bright-spots-graded/notebooks/00-start-here.ipynb"]


def test_a_bad_setting_gets_a_clear_message(tmp_path):
    bad = tmp_path / "pyproject.toml"
    bad.write_text('[tool.bright-spots]\nrepository = "no-slash"\nhub = "https://h"\nbranch = "main"\n')
    with pytest.raises(student_repo.RepoError, match="owner/name"):
        student_repo.settings(bad)
    bad.write_text("[project]\nname = 'x'\n")
    with pytest.raises(student_repo.RepoError, match="tool.bright-spots"):
        student_repo.settings(bad)


def test_an_existing_folder_is_never_overwritten(tmp_path):
    (tmp_path / "keep.txt").write_text("mine")
    with pytest.raises(student_repo.RepoError, match="not empty"):
        student_repo.build(tmp_path, conf=CONF)
    assert (tmp_path / "keep.txt").read_text() == "mine"


def test_nbgitpuller_link(graded):
    _, made = graded
    url = urlparse(made["link"])
    assert f"{url.scheme}://{url.netloc}" == CONF["hub"] and url.path == "/hub/user-redirect/git-pull"
    q = parse_qs(url.query)
    assert q["repo"] == ["https://github.com/bright-spots/bright-spots"] and q["branch"] == ["main"]
    assert q["urlpath"] == ["lab/tree/bright-spots/notebooks/00-start-here.ipynb"]


def test_what_students_pull(graded, formative):
    for out, _made in (graded, formative):
        names = sorted(p.name for p in (out / "notebooks").glob("*.ipynb"))
        assert names == [p.name for p in nbtools.lesson_notebooks()]
        for f in [
            "pyproject.toml",
            "requirements/lock.txt",
            "binder/postBuild",
            "binder/requirements.txt",
            "environment.yml",
            "README.md",
            "data/MANIFEST.sha256" if (ROOT / "data/MANIFEST.sha256").exists() else "data/facts.ecsv",
            "utils/__init__.py",
            "scripts/simulate_kirkwood.py",  # lesson 03's exercise 7 (b) points to it
        ]:
            assert (out / f).is_file(), f
        assert not (out / "docs").exists() and not (out / "tests").exists() and not (out / "tools").exists()
    git = subprocess.run(["git", "log", "--oneline"], cwd=graded[0], capture_output=True, text=True)
    assert git.returncode == 0 and len(git.stdout.splitlines()) == 1
    branch = subprocess.run(["git", "branch", "--show-current"], cwd=graded[0], capture_output=True, text=True)
    assert branch.stdout.strip() == "main"


# ----------------------------------------------------------------------------------------------
# no answers in what a graded student receives
# ----------------------------------------------------------------------------------------------


def _solution_lines() -> dict[str, list[str]]:
    out = {}
    for path in nbtools.lesson_notebooks():
        cells = nbtools.read(path).cells
        # a line the exercise's own cells also show (a check call's continuation) is no solution code
        shown = {ln.strip() for c in cells if not nbtools.is_solution(c) for ln in nbtools.source(c).splitlines()}
        lines = []
        for cell in cells:
            if nbtools.is_solution(cell):
                lines += [
                    ln.strip()
                    for ln in nbtools.source(cell).splitlines()
                    if len(ln.strip()) >= 20
                    and not ln.strip().startswith(("#", "utils.check("))
                    and ln.strip() not in shown
                ]
        out[path.name] = lines
    return out


def _graded_places(graded, tmp_path_factory):
    """Every graded hand-out: the graded student repository and a graded assignment's student folder."""
    places = [graded[0]]
    if _has_otter():
        out = tmp_path_factory.mktemp("assign-search")
        made = assign.build(["05"], out)
        places.append(Path(made[0]["student"]).parent)
    return places


def _has_otter() -> bool:
    try:
        import otter  # noqa: F401
    except ImportError:
        return False
    return True


def test_graded_hand_outs_hold_no_reference_answers(graded, tmp_path_factory):
    solution_lines = _solution_lines()
    for place in _graded_places(graded, tmp_path_factory):
        for nb_path in place.rglob("*.ipynb"):
            nb = nbtools.read(nb_path)
            assert not any(nbtools.is_solution(c) for c in nb.cells), nb_path
            assert not any(c.get("outputs") for c in nb.cells if c.cell_type == "code"), f"{nb_path}: outputs"
            text = nb_path.read_text(encoding="utf-8")
            left = [ln for ln in solution_lines.get(nb_path.name, []) if ln in text]
            assert left == [], f"{nb_path}: worked-solution code left: {left[:2]}"
            assert "BEGIN SOLUTION" not in text and "BEGIN TESTS" not in text
        for name in CHECK_ONLY:  # an answer key read only by a full self-check is not handed out
            assert not (place / "data" / name).exists(), f"{place}: data/{name}"
            assert name not in (place / "data" / MANIFEST).read_text(encoding="utf-8"), f"{place}: manifest"
        registries = sorted((place / "utils" / "exercises").glob("lesson*.py"))
        assert len(registries) == len(nbtools.lesson_notebooks())
        for module in registries:
            tree = ast.parse(module.read_text(encoding="utf-8"))
            functions = [n.name for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.Lambda))]
            lambdas = [n for n in ast.walk(tree) if isinstance(n, ast.Lambda)]
            imports = [n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
            assert functions == [] and lambdas == [], f"{module}: code that could compute an answer"
            assert imports == ["grading"], f"{module}: imports {imports}, only the form checks are allowed"
            keywords = {k.arg for n in ast.walk(tree) if isinstance(n, ast.Call) for k in n.keywords}
            assert keywords <= {"title", "form", "points"}, f"{module}: {keywords}"


def _run_in(folder: Path, code: str) -> subprocess.CompletedProcess:
    """Python with ``folder`` first on the path (as a student's kernel sees the shipped utils)."""
    env = {**os.environ, "PYTHONPATH": str(folder)}
    return subprocess.run(
        [sys.executable, "-c", code], cwd=folder / "notebooks", env=env, capture_output=True, text=True
    )


def test_graded_utils_cannot_compute_an_expected_answer(graded):
    out, _ = graded
    proc = _run_in(
        out,
        (
            "import utils, utils.checks as c, astropy.units as u\n"
            "assert utils.__file__.startswith(%r), utils.__file__\n"
            "try:\n    c._expected_answer('00.1', distance=1 * u.imperial.mile)\n"
            "except Exception as err:\n    print(type(err).__name__)\n"
            "r = utils.check('00.1', 1.6 * u.km, distance=1 * u.imperial.mile)\n"
            "print(r.status)\n"
            "print(utils.check('00.1', 3 * u.kg, distance=1 * u.imperial.mile).status)\n"
            "print(utils.check('00.1', ..., distance=1 * u.imperial.mile).status)\n"
        )
        % str(out),
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["GradedCopyError", "answered", "invalid", "unanswered"]


def _execute(nb_path: Path, repo: Path):
    """Run a notebook as a student would, with the repository's own utils first on the path."""
    old = os.environ.get("PYTHONPATH")
    os.environ["PYTHONPATH"] = str(repo)
    try:
        nb = nbtools.read(nb_path)
        nb.cells.append(nbformat.v4.new_code_cell("import utils; print(utils.__file__)"))
        nbtools.execute(nb, cwd=nb_path.parent)
    finally:
        if old is None:
            os.environ.pop("PYTHONPATH", None)
        else:
            os.environ["PYTHONPATH"] = old
    return nb


def _statuses(nb) -> list[str]:
    """What the exercises' checks said: 'Correct', 'Not yet', 'Not answered yet', 'Answer saved', ...

    A cell tagged as a hint demonstration (lesson 00 runs a check on a wrong answer on purpose) is not an exercise.
    """
    text = "\n".join(
        o.get("data", {}).get("text/plain", "")
        for c in nb.cells
        if c.cell_type == "code" and nbtools.HINT_DEMO_TAG not in c.get("metadata", {}).get("tags", [])
        for o in c.get("outputs", [])
        if o.get("output_type") == "execute_result"
    )
    return re.findall(r"Exercise \d+ · [^\n]*?: (Correct|Not yet|Not answered yet|Answer saved)\.", text)


@pytest.mark.slow
@pytest.mark.parametrize("name", [p.name for p in nbtools.lesson_notebooks()])
def test_graded_repository_notebooks_run(graded, name):
    out, _ = graded
    nb = _execute(out / "notebooks" / name, out)
    errors = [o for c in nb.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert errors == []
    assert nbtools.source(nb.cells[-1]) and str(out) in "".join(o.get("text", "") for o in nb.cells[-1].outputs)
    checks = _statuses(nb)
    assert checks and set(checks) == {"Not answered yet"}, checks
    demos = [c for c in nb.cells if nbtools.HINT_DEMO_TAG in c.get("metadata", {}).get("tags", [])]
    assert demos == [], "a graded copy gives no hints, so it keeps no cell that shows one"


@pytest.mark.slow
def test_formative_repository_notebook_runs(formative):
    out, _ = formative
    nb = _execute(out / "notebooks" / "00-start-here.ipynb", out)
    errors = [o for c in nb.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert errors == []
    assert str(out) in "".join(o.get("text", "") for o in nb.cells[-1].outputs)
    assert _statuses(nb) and set(_statuses(nb)) == {"Not answered yet"}


def test_students_install_the_runtime_without_the_grading_tools(formative):
    import sync_lock

    out, _ = formative
    full = sync_lock.read_pins(ROOT / "requirements" / "lock.txt")
    parents = student_repo.lock_parents((ROOT / "requirements" / "lock.txt").read_text(encoding="utf-8"))
    for rel in ("requirements/lock.txt", "binder/requirements.txt", "environment.yml"):
        pins = sync_lock.read_pins(out / rel)
        assert "otter-grader" not in pins and "pandas" not in pins, rel
        assert all(full[name] == version for name, version in pins.items()), rel  # same versions as tested
        if rel == "binder/requirements.txt":  # Binder gets the runtime packages only, as in this repository
            assert set(pins) <= set(sync_lock.read_pins(ROOT / rel)), rel
            continue
        dropped = set(full) - set(pins)
        for name in dropped - student_repo.INSTRUCTOR_ONLY:  # only what nothing kept needs was dropped
            assert parents[name] and parents[name] <= dropped, (rel, name, parents[name])
        for name in ("astropy", "numpy", "jupyterlab", "ipywidgets", "rebound", "jplephem", "jinja2"):
            assert name in pins, (rel, name)
