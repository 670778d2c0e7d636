#!/usr/bin/env python3
"""Bright Spots tasks.  Needs only ``python3``; everything else goes into ``.venv``.

    python3 tasks.py lab        set up (first time only) and open JupyterLab on notebooks/
    python3 tasks.py test       set up (first time only) and run every test
    python3 tasks.py browser    every notebook in JupyterLab in Chromium
    python3 tasks.py bench      time, memory and widget latency of every notebook
    python3 tasks.py site       the course site, built offline into build/site/

More: ``python3 tasks.py --help``.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import subprocess
import sys
import venv
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

sys.path.insert(0, str(Path(__file__).resolve().parent / "tools"))
from testenv import NBVAL_OPTIONS, chromium  # noqa: E402  (standard library only, like this file)

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / ("python.exe" if os.name == "nt" else "python")
LOCK = ROOT / "requirements" / "lock.txt"
STAMP = VENV / ".bright-spots-installed"
BUILD = ROOT / "build"


def say(msg: str) -> None:
    print(f"[bright-spots] {msg}", flush=True)


def run(cmd: list[str | Path], **kw) -> int:
    return subprocess.call([str(c) for c in cmd], cwd=kw.pop("cwd", ROOT), **kw)


def _fingerprint() -> str:
    h = hashlib.sha256()
    for f in (LOCK, ROOT / "pyproject.toml"):
        h.update(f.read_bytes())
    h.update(sys.version.split()[0].encode())
    return h.hexdigest()


def setup(quiet: bool = False) -> None:
    """Create .venv and install the locked versions plus ``utils`` (editable).

    Idempotent: a second run with the same lock does nothing and needs no network.
    """
    if sys.version_info < (3, 11):  # noqa: UP036 - tasks.py runs with any python3 and says what it needs
        sys.exit("Bright Spots needs Python 3.11 or newer; this is " + sys.version.split()[0])
    if STAMP.exists() and STAMP.read_text() == _fingerprint() and PY.exists():
        if not quiet:
            say("environment is up to date (.venv)")
        return
    if not PY.exists():
        say("creating the virtual environment in .venv ...")
        try:
            venv.EnvBuilder(with_pip=True, clear=False).create(VENV)
        except Exception as err:  # e.g. Debian without python3-venv
            sys.exit(
                f"Could not create .venv ({err}).\n"
                "On Debian/Ubuntu install the venv module first: sudo apt install python3-venv"
            )
    say("installing the locked packages (about a minute the first time) ...")
    pip = [PY, "-m", "pip", "install", "--disable-pip-version-check", "--require-virtualenv", "-q"]
    if run(pip + ["-r", LOCK]) != 0:
        sys.exit(
            "Installing the locked packages failed. The first set-up needs the network "
            "(PyPI); later runs do not. Check the connection and run the command again."
        )
    # --no-build-isolation: use the locked setuptools, so this step works offline
    if run(pip + ["--no-deps", "--no-build-isolation", "-e", "."]) != 0:
        sys.exit("Installing the utils package failed (see the message above).")
    STAMP.write_text(_fingerprint())
    say("environment ready")


def cmd_setup(args) -> int:
    setup()
    return 0


def cmd_lab(args) -> int:
    setup()
    cmd = [BIN / "jupyter", "lab", f"--ServerApp.root_dir={ROOT / 'notebooks'}"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        cmd.append("--allow-root")  # JupyterLab refuses to run as root otherwise (e.g. in containers)
    cmd += args.extra
    say("starting JupyterLab on notebooks/ (stop it with Ctrl-C)")
    return run(cmd)


def build_student(answer_key: bool = False) -> int:
    """Student versions into build/student; with ``answer_key``, the executed answer key into build/answer-key.

    Without ``answer_key`` no key is written and a key that no longer matches the notebooks,
    utils/ or data/ is deleted, so build/ never holds an unexecuted or stale answer key.
    """
    return nbtools("build", *(["--answer-key"] if answer_key else []))


def nbtools(*argv: str) -> int:
    """``tools/nbtools.py`` (strip, refresh, build) with .venv's python."""
    return run([PY, ROOT / "tools" / "nbtools.py", *argv])


def pytest_args(paths: list[str]) -> list[str]:
    return [
        "-m",
        "pytest",
        *NBVAL_OPTIONS,
        "-n",
        os.environ.get("BRIGHT_SPOTS_WORKERS", "2"),
        "--dist",
        "loadfile",
        *paths,
    ]


def browser_tests(extra: list[str] | None = None) -> int:
    return run([PY, "-m", "pytest", "-p", "no:cacheprovider", "tests/browser", "--browser", *(extra or [])])


#: What ruff lints and formats (python3 tasks.py lint; part of python3 tasks.py test).
LINTED = ["utils", "tools", "tests", "scripts", "tasks.py", "notebooks"]


def lint() -> int:
    """``ruff check`` and ``ruff format --check`` over :data:`LINTED`; non-zero on any finding."""
    say(f"ruff: lint and format check of {', '.join(LINTED)} ...")
    checked = run([PY, "-m", "ruff", "check", *LINTED])
    formatted = run([PY, "-m", "ruff", "format", "--check", *LINTED])
    if checked or formatted:
        say("ruff found something (above): .venv/bin/ruff check --fix PATH, .venv/bin/ruff format PATH")
    return checked or formatted


def cmd_lint(args) -> int:
    setup(quiet=True)
    return lint()


def cmd_test(args) -> int:
    setup()
    lint_code = lint()
    say("building the student versions (no answer key: python3 tasks.py student makes it) ...")
    if build_student(answer_key=False) != 0:
        return 1
    say("running the unit tests and every notebook (lesson and student versions) ...")
    # No MPLBACKEND: the notebooks' kernels draw with the inline backend as they do for a student, so a
    # figure that fails to render fails here too (pytest itself has no display and picks Agg).
    env = {k: v for k, v in os.environ.items() if k != "MPLBACKEND"}
    # --doctest-modules: the examples in the docstrings of utils/ and tools/ run too (fast, offline)
    code = run(
        [
            PY,
            *pytest_args(["tests", "notebooks", "build/student", "utils", "tools"]),
            "--doctest-modules",
            "--ignore=tests/browser",
            *args.extra,
        ],
        env=env,
    )
    if chromium() or os.environ.get("BRIGHT_SPOTS_REQUIRE_BROWSER") == "1":
        say("building the course site into build/site/ (every lesson executed) ...")
        site_code = build_site()
        say(
            "running every notebook in JupyterLab in Chromium, then every page of the course site "
            "(browser tests, axe-core audit) ..."
        )
        code = browser_tests() or site_code or code
    else:
        say(
            "BROWSER TESTS SKIPPED: Chromium is not installed (Debian/Ubuntu: sudo apt-get install chromium; "
            "then python3 tasks.py browser)"
        )
    return code or lint_code


def cmd_check(args) -> int:
    setup(quiet=True)
    for nb in args.notebooks:
        if not Path(nb).exists():
            sys.exit(f"No such notebook: {nb}")
    return run([PY, "-m", "pytest", *NBVAL_OPTIONS, *args.notebooks])


def cmd_student(args) -> int:
    setup(quiet=True)
    return build_student(answer_key=not args.no_execute)


def cmd_strip(args) -> int:
    setup(quiet=True)
    return nbtools("strip", *args.notebooks)


def cmd_refresh(args) -> int:
    setup(quiet=True)
    return nbtools("refresh", *args.notebooks)


def cmd_lock(args) -> int:
    """Regenerate requirements/lock.txt from pyproject.toml, then binder/ and environment.yml."""
    setup(quiet=True)
    if run([PY, "-m", "pip", "install", "-q", "pip-tools"]) != 0:
        return 1
    code = run(
        [
            BIN / "pip-compile",
            "-q",
            "--strip-extras",
            "--extra",
            "test",
            "--extra",
            "build",
            "--extra",
            "site",
            "--extra",
            "grading",
            "--allow-unsafe",
            "--no-emit-index-url",
            "--no-emit-find-links",
            "--no-emit-trusted-host",
            *(["--upgrade"] if args.upgrade else []),
            "-o",
            LOCK.relative_to(ROOT),
            "pyproject.toml",
        ]
    )
    if code != 0:
        return code
    return run([PY, "tools/sync_lock.py"])


def build_site(extra: list[str] | None = None) -> int:
    return run([PY, "tools/sitebuild.py", *(extra or [])])


def cmd_site(args) -> int:
    setup(quiet=True)
    return build_site(args.extra)


def cmd_binder_check(args) -> int:
    """Install what Binder installs, in Binder's order, in a throw-away venv, then ``pip check``.

    repo2docker's base packages (tools/repo2docker-base.txt) first, then binder/requirements.txt:
    pip must report no conflict.  Needs the package index (not part of the offline tests).
    """
    import tempfile

    with tempfile.TemporaryDirectory(prefix="bright-spots-binder-") as tmp:
        env_dir = Path(tmp) / "venv"
        say(f"creating a throw-away environment in {env_dir} ...")
        venv.EnvBuilder(with_pip=True).create(env_dir)
        py = env_dir / ("Scripts" if os.name == "nt" else "bin") / ("python.exe" if os.name == "nt" else "python")
        pip = [py, "-m", "pip", "install", "--disable-pip-version-check", "-q"]
        say("installing repo2docker's base packages (tools/repo2docker-base.txt) ...")
        if run(pip + ["-r", ROOT / "tools" / "repo2docker-base.txt"]) != 0:
            say("could not install repo2docker's base packages (network? see above)")
            return 1
        say("installing binder/requirements.txt on top, as repo2docker does ...")
        out = subprocess.run(
            [str(c) for c in pip + ["-r", ROOT / "binder" / "requirements.txt"]],
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        sys.stdout.write(out.stdout)
        errors = [line for line in out.stderr.splitlines() if "ERROR" in line or "conflict" in line.lower()]
        sys.stderr.write("\n".join(errors) + ("\n" if errors else ""))
        if out.returncode != 0 or errors:
            say("Binder's install reports errors (above): binder/requirements.txt conflicts with repo2docker's base")
            return 1
        say("pip check of the resulting environment ...")
        if run([py, "-m", "pip", "check"]) != 0:
            say("pip check failed: Binder's environment would be inconsistent")
            return 1
    say("Binder's environment installs cleanly and is consistent")
    return 0


def _tool(script: str, argv: list[str]) -> int:
    return run([PY, ROOT / "tools" / script, *argv])


def _here(path: str) -> str:
    """A path the user typed, relative to where they are (the tools run from the repository root)."""
    return str(Path(path).expanduser().resolve())


def cmd_assign(args) -> int:
    setup(quiet=True)
    lessons = [_here(x) if x.endswith(".ipynb") else x for x in args.lessons]
    return _tool("assign.py", [*lessons, "--out", _here(args.out), *(["--only", args.only] if args.only else [])])


def cmd_grade(args) -> int:
    setup(quiet=True)
    return _tool(
        "assign.py", ["grade", _here(args.autograder), *map(_here, args.submissions), "--csv", _here(args.csv)]
    )


def cmd_student_repo(args) -> int:
    setup(quiet=True)
    return _tool(
        "student_repo.py", [_here(args.out), *(["--graded"] if args.graded else []), *(["--git"] if args.git else [])]
    )


def cmd_syllabus(args) -> int:
    setup(quiet=True)
    return _tool("syllabus.py", [])


def cmd_bench(args) -> int:
    setup(quiet=True)
    return run([PY, "tools/benchmark.py", *args.extra])


def cmd_soak(args) -> int:
    setup(quiet=True)
    return run([PY, "tools/soak.py", *args.extra])


def cmd_browser(args) -> int:
    setup(quiet=True)
    return browser_tests(args.extra)


def arg(*flags: str, **options) -> tuple[tuple[str, ...], dict]:
    """One argument of a sub-command: what ``add_argument`` gets."""
    return flags, options


class Command(NamedTuple):
    """One sub-command: its name, the function that runs it, its line in ``--help`` and its arguments.

    A ``pass_through`` command takes no arguments of its own: everything after its name goes verbatim
    to what it runs (pytest, JupyterLab, the benchmark...) as ``args.extra``.
    """

    name: str
    func: Callable[[argparse.Namespace], int]
    help: str
    arguments: tuple = ()
    pass_through: bool = False


NOTEBOOKS = (arg("notebooks", nargs="*"),)

#: The sub-commands, in the order ``--help`` lists them.
COMMANDS = (
    Command("setup", cmd_setup, "create .venv with the locked versions (idempotent)"),
    Command("lab", cmd_lab, "set up and open JupyterLab on notebooks/", pass_through=True),
    Command(
        "test",
        cmd_test,
        "set up and run every test (unit, data, structure, notebooks, student versions; "
        "then the browser tests when Chromium is installed)",
        pass_through=True,
    ),
    Command(
        "lint",
        cmd_lint,
        "ruff check and ruff format --check of utils/, tools/, tests/, scripts/, tasks.py, notebooks/",
    ),
    Command("check", cmd_check, "run one or more notebooks under nbval", (arg("notebooks", nargs="+"),)),
    Command(
        "student",
        cmd_student,
        "build student versions (build/student) and the executed answer key, as notebooks and HTML (build/answer-key)",
        (
            arg(
                "--no-execute",
                action="store_true",
                help="student versions only; no answer key (a stale one is removed)",
            ),
        ),
    ),
    Command("strip", cmd_strip, "remove outputs except checked cells", NOTEBOOKS),
    Command("refresh-outputs", cmd_refresh, "re-run notebooks and store the outputs of checked cells", NOTEBOOKS),
    Command(
        "site",
        cmd_site,
        "build the course site into build/site/ (offline; every lesson executed; "
        "--reuse-lessons rebuilds the pages only)",
        pass_through=True,
    ),
    Command(
        "binder-check",
        cmd_binder_check,
        "install repo2docker's base packages, then binder/requirements.txt, then pip check (needs the package index)",
    ),
    Command(
        "lock",
        cmd_lock,
        "regenerate the lock, binder/requirements.txt and environment.yml",
        (arg("--upgrade", action="store_true", help="move every package to its newest version"),),
    ),
    Command(
        "assign",
        cmd_assign,
        "build otter-grader assignments for lessons (e.g. assign 01 05) into build/assign",
        (
            arg("lessons", nargs="+", help="lesson numbers (00-08) or notebook paths"),
            arg("--out", default=str(BUILD / "assign"), help="output folder (default build/assign)"),
            arg("--only", default="", help="grade only these exercises, e.g. --only 01.2,01.3"),
        ),
    ),
    Command(
        "grade",
        cmd_grade,
        "grade submitted notebooks offline with an assignment's autograder.zip",
        (
            arg("autograder", help="build/assign/NN-name/autograder/autograder.zip"),
            arg("submissions", nargs="+", help="submitted .ipynb files"),
            arg("--csv", default="grades.csv", help="scores table to write (default grades.csv)"),
        ),
    ),
    Command(
        "student-repo",
        cmd_student_repo,
        "assemble the repository students pull with nbgitpuller; print the link",
        (
            arg("out", help="a new, empty folder"),
            arg("--graded", action="store_true", help="utils without answers: self-checks judge only the form"),
            arg("--git", action="store_true", help="make the folder a git repository with one commit"),
        ),
    ),
    Command("syllabus", cmd_syllabus, "rewrite the goals grid in docs/instructors/syllabus.md from the lessons"),
    Command(
        "bench",
        cmd_bench,
        "benchmark every notebook (time, memory, widget latency); writes docs/performance.{md,json}",
        pass_through=True,
    ),
    Command(
        "soak",
        cmd_soak,
        "run the lessons and their widget cells many times, half with every CPU busy, "
        "and count kernel stalls (also part of bench)",
        pass_through=True,
    ),
    Command(
        "browser",
        cmd_browser,
        "run every notebook in JupyterLab in Debian's Chromium (screenshots in build/screenshots)",
        pass_through=True,
    ),
)

PASS_THROUGH = {c.name for c in COMMANDS if c.pass_through}


def build_parser() -> argparse.ArgumentParser:
    """The command line: one sub-parser per entry of :data:`COMMANDS`."""
    parser = argparse.ArgumentParser(
        prog="python3 tasks.py", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = parser.add_subparsers(dest="cmd", required=True)
    for command in COMMANDS:
        p = sub.add_parser(command.name, help=command.help)
        for flags, options in command.arguments:
            p.add_argument(*flags, **options)
        p.set_defaults(func=command.func, **({"extra": []} if command.pass_through else {}))
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] in PASS_THROUGH and not {"-h", "--help"} & set(argv[1:2]):
        # everything after the command goes verbatim to pytest / jupyter lab / the benchmark
        args = parser.parse_args(argv[:1])
        args.extra = argv[1:]
    else:
        args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
