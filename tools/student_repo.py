"""The repository students pull through nbgitpuller, assembled from this one.

``python3 tasks.py student-repo [--graded] [--git] OUT`` writes into ``OUT``:

* ``notebooks/``: the student versions of every lesson (no solution cells, no outputs);
* ``utils/``: the full package (formative use: self-checks say Correct / Not yet), or with
  ``--graded`` a graded copy whose exercises check only the form of an answer and hold no answers;
* ``data/``: the sourced data with its checksum manifest (with ``--graded``, less the answer keys that
  only the full self-checks read, ``utils.data.CHECK_ONLY``);
* the install files: ``pyproject.toml``, ``requirements/lock.txt``, ``binder/``, ``environment.yml``,
  and the licences and citation file;
* a short ``README.md`` for students.

With ``--git`` the folder becomes a git repository with one commit on the configured branch, ready to
push.  The nbgitpuller link printed at the end comes from ``[tool.bright-spots]`` in ``pyproject.toml``
(``repository``, ``hub``, ``branch``; an optional ``student-repository`` names where the student
repository is pushed when that is not ``repository``, e.g. a separate repository for graded work).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path
from urllib.parse import quote, urlencode

import nbformat

import nbtools

ROOT = nbtools.ROOT
INSTALL_FILES = ["pyproject.toml", "environment.yml", "LICENSE", "LICENSE-CC-BY-4.0.txt", "CITATION.cff"]
INSTALL_DIRS = ["binder", "requirements"]
FIRST_NOTEBOOK = "00-start-here.ipynb"


#: Instructors' extras: packages that only these need are left out of what students install.
INSTRUCTOR_ONLY = {"otter-grader"}


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def lock_parents(lock_text: str) -> dict[str, set[str]]:
    """``{package: {what requires it}}`` from pip-compile's ``# via`` annotations (the project as ``bright-spots``)."""
    import sync_lock

    return {pkg: {via or "bright-spots" for via in vias} for pkg, vias in sync_lock.parents_in(lock_text).items()}


def instructor_only(lock_text: str, roots: set[str] = INSTRUCTOR_ONLY) -> set[str]:
    """The packages in the lock that only the instructors' extras need (``roots`` and what only they pull in)."""
    parents = lock_parents(lock_text)
    drop = {_norm(r) for r in roots if _norm(r) in parents}
    changed = True
    while changed:
        changed = False
        for pkg, via in parents.items():
            if pkg not in drop and via and via <= drop:
                drop.add(pkg)
                changed = True
    return drop


def _without(text: str, drop: set[str]) -> str:
    """A requirements / environment file without the pins (and their annotations) of ``drop``."""
    out, skipping = [], False
    for line in text.splitlines(keepends=True):
        m = re.match(r"^(\s*-\s*)?([A-Za-z0-9][A-Za-z0-9._-]*)==", line)
        if m:
            skipping = _norm(m.group(2)) in drop
        elif not line.lstrip().startswith("#"):
            skipping = False
        if not skipping:
            out.append(line)
    return "".join(out)


class RepoError(Exception):
    """The student repository cannot be built; the message says why."""


def settings(pyproject: Path = ROOT / "pyproject.toml") -> dict[str, str]:
    """``[tool.bright-spots]``: ``repository`` (owner/name), ``jupyterhub`` (URL, returned as ``hub``) and ``branch``.

    The same table feeds the course site's buttons, so the hub address is set in one place.
    """
    try:
        conf = dict(tomllib.loads(Path(pyproject).read_text(encoding="utf-8"))["tool"]["bright-spots"])
    except KeyError:
        raise RepoError(
            f"{pyproject} has no [tool.bright-spots] table with repository, jupyterhub and branch"
        ) from None
    if "hub" not in conf and "jupyterhub" in conf:
        conf["hub"] = conf["jupyterhub"]
    missing = [k for k in ("repository", "hub", "branch") if not str(conf.get(k, "")).strip()]
    if missing:
        raise RepoError(f"[tool.bright-spots] in {pyproject} needs {', '.join(missing)}")
    if str(conf["repository"]).count("/") != 1:
        raise RepoError(f"[tool.bright-spots] repository should be 'owner/name', not {conf['repository']!r}")
    if not str(conf["hub"]).startswith(("https://", "http://")):
        raise RepoError(f"[tool.bright-spots] hub should be a URL such as https://hub.example.edu, not {conf['hub']!r}")
    out = {k: str(conf[k]).strip() for k in ("repository", "hub", "branch")}
    # optional: where the student repository is pushed, when it is not the collection's own repository
    student = str(conf.get("student-repository", "")).strip()
    if student and student.count("/") != 1:
        raise RepoError(f"[tool.bright-spots] student-repository should be 'owner/name', not {student!r}")
    out["student-repository"] = student or out["repository"]
    return out


def nbgitpuller_link(repository: str, hub: str, branch: str, notebook: str = FIRST_NOTEBOOK) -> str:
    """The link that clones (or updates) the repository in a student's hub home and opens a notebook."""
    name = repository.split("/")[-1]
    query = urlencode(
        {
            "repo": f"https://github.com/{repository}",
            "branch": branch,
            "urlpath": f"lab/tree/{name}/notebooks/{notebook}",
        },
        quote_via=quote,
    )
    return f"{hub.rstrip('/')}/hub/user-redirect/git-pull?{query}"


README = """\
# Bright Spots ({mode})

Jupyter lessons on the asteroid belt, NASA's Dawn mission, ion propulsion and the bright spots of Ceres.
Open the notebooks in `notebooks/`, starting with `{first}`.

{about}

If this folder came to you through a JupyterHub link, your own edits are kept when the link is opened
again: nbgitpuller only adds what changed upstream.

To run it on your own computer (Python 3.11 or newer):

```bash
python3 -m venv .venv && .venv/bin/pip install -r requirements/lock.txt && .venv/bin/pip install --no-deps -e .
.venv/bin/jupyter lab notebooks/
```

Text and notebooks: CC-BY-4.0; code: BSD-3-Clause (see the licence files).
"""

ABOUT = {
    "formative": "Every exercise checks itself: *Correct*, or *Not yet* with a hint.",
    "graded": "This is graded work. Each exercise's check only says whether your answer has the right form "
    "(a number, the right kind of unit, one of the words offered); whether it is right is decided "
    "when your notebook is graded. Written answers go in the cells marked *Your answer*.",
}


def build(out: Path, graded: bool = False, git: bool = False, conf: dict | None = None) -> dict:
    """Assemble the student repository in ``out`` (which must be empty or absent)."""
    out = Path(out)
    if out.exists() and any(out.iterdir()):
        raise RepoError(f"{out} is not empty: give a new folder (nothing is overwritten)")
    conf = conf or settings()
    out.mkdir(parents=True, exist_ok=True)
    (out / "notebooks").mkdir()
    for path in nbtools.lesson_notebooks():
        nb = nbtools.student_version(nbtools.read(path))
        if graded:  # not even the stored outputs of checked cells: a graded notebook starts blank
            for cell in nb.cells:
                if cell.cell_type == "code":
                    cell.outputs, cell.execution_count = [], None
            nb.cells = [_without_hint_demo(cell) for cell in nb.cells]
        nbtools.write(nb, out / "notebooks" / path.name)
    if graded:
        import assign

        assign.write_graded_utils(out / "utils", assign.all_keys())
        assign.copy_student_data(out / "data")  # no answer keys: graded checks judge only an answer's form
    else:
        shutil.copytree(ROOT / "utils", out / "utils", ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        shutil.copytree(ROOT / "data", out / "data")  # the full self-checks read the answer keys
    for name in INSTALL_FILES:
        shutil.copy(ROOT / name, out / name)
    for name in INSTALL_DIRS:
        shutil.copytree(ROOT / name, out / name)
    (out / "scripts").mkdir()  # lesson 03's exercise 6 (b) runs this script from the notebook's folder
    shutil.copy(ROOT / "scripts" / "simulate_kirkwood.py", out / "scripts" / "simulate_kirkwood.py")
    # students install the runtime, not the instructors' grading tools
    drop = instructor_only((ROOT / "requirements" / "lock.txt").read_text(encoding="utf-8"))
    for rel in ("requirements/lock.txt", "binder/requirements.txt", "environment.yml"):
        (out / rel).write_text(_without((out / rel).read_text(encoding="utf-8"), drop), encoding="utf-8")
    (out / "README.md").write_text(
        README.format(
            mode="graded" if graded else "formative",
            first=FIRST_NOTEBOOK,
            about=ABOUT["graded" if graded else "formative"],
        ),
        encoding="utf-8",
    )
    (out / ".gitignore").write_text(".venv/\n__pycache__/\n.ipynb_checkpoints/\n*.egg-info/\n", encoding="utf-8")
    if git:
        _git_commit(out, conf["branch"], "graded" if graded else "formative")
    target = conf.get("student-repository") or conf["repository"]
    link = nbgitpuller_link(target, conf["hub"], conf["branch"])
    return {"folder": str(out), "graded": graded, "link": link, "git": git, **conf, "target": target}


def _without_hint_demo(cell):
    """A graded copy's checks give no hints, so a cell that shows one on purpose becomes a short note."""
    if nbtools.HINT_DEMO_TAG not in cell.get("metadata", {}).get("tags", []):
        return cell
    return nbformat.v4.new_markdown_cell(
        "*In this graded copy the checks say only whether an answer has the right form, so there is no hint to "
        "read here. In the practice copy of this lesson, this step shows one. Where an exercise asks for a hint "
        "you got, describe instead one of your answers you changed: what was wrong with it and how you fixed it.*"
    )


def _git_commit(out: Path, branch: str, mode: str) -> None:
    def git(*args: str) -> None:
        proc = subprocess.run(
            ["git", "-c", "user.name=Bright Spots", "-c", "user.email=bright-spots@invalid", *args],
            cwd=out,
            capture_output=True,
            text=True,
        )
        if proc.returncode != 0:
            raise RepoError(f"git {' '.join(args)} failed: {proc.stderr.strip()}")

    git("init", "-q", "-b", branch)
    git("add", "-A")
    git("commit", "-q", "-m", f"Bright Spots student repository ({mode})")


def main(argv: list[str]) -> int:
    import argparse

    parser = argparse.ArgumentParser(
        prog="python3 tasks.py student-repo", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("out", help="a new, empty folder")
    parser.add_argument(
        "--graded", action="store_true", help="ship utils without answers (self-checks judge only the form)"
    )
    parser.add_argument("--git", action="store_true", help="make the folder a git repository with one commit")
    args = parser.parse_args(argv)
    try:
        made = build(Path(args.out), graded=args.graded, git=args.git)
    except RepoError as err:
        print(f"student-repo: {err}", file=sys.stderr)
        return 1
    mode = "graded (no answers in utils)" if made["graded"] else "formative (self-checks with answers)"
    print(f"student repository, {mode}: {made['folder']}")
    if made["git"]:
        print(f"git repository on branch {made['branch']}: push it to github.com/{made['target']}")
    else:
        print(f"push its contents to github.com/{made['target']} (branch {made['branch']})")
    print("nbgitpuller link for the LMS:")
    print(made["link"])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
