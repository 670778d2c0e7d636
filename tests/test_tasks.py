"""tasks.py, the python3-only entry point, and the command lines it runs in .venv (tools/nbtools.py)."""

from __future__ import annotations

import ast
import importlib
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
TOOLS = ROOT / "tools"


@pytest.fixture(scope="module")
def tasks():
    sys.path.insert(0, str(ROOT))
    try:
        return importlib.import_module("tasks")
    finally:
        sys.path.remove(str(ROOT))


def test_tasks_runs_no_python_written_in_strings():
    """Every program tasks.py starts is a file (lintable, testable), never ``python -c "..."``."""
    tree = ast.parse((ROOT / "tasks.py").read_text(encoding="utf-8"))
    flags = [node.lineno for node in ast.walk(tree) if isinstance(node, ast.Constant) and node.value == "-c"]
    assert not flags, f"tasks.py passes -c (a program in a string) on line(s) {flags}"


def test_tasks_imports_only_the_standard_library():
    """tasks.py runs with the system python3 before .venv exists: stdlib, plus tools/testenv.py (stdlib too)."""
    for path in (ROOT / "tasks.py", TOOLS / "testenv.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else [node.module]
                if isinstance(node, ast.ImportFrom) and node.level == 0
                else []
            )
            for name in names:
                top = name.split(".")[0]
                assert top in sys.stdlib_module_names or top in {"__future__", "testenv"}, (
                    f"{path.name} imports {name}, which is not in the standard library"
                )


def test_nbval_options_and_chromium_lookup_are_defined_once(tasks):
    import testenv

    assert tasks.NBVAL_OPTIONS is testenv.NBVAL_OPTIONS
    assert tasks.chromium is testenv.chromium
    written = []
    for path in [ROOT / "tasks.py", *TOOLS.glob("*.py"), *(ROOT / "tests").rglob("*.py")]:
        text = path.read_text(encoding="utf-8")
        if path.name != "test_tasks.py" and ('"--nbval-lax"' in text or 'which("chromium")' in text):
            written.append(path.relative_to(ROOT))
    assert written == [Path("tools/testenv.py")], f"written more than once: {written}"


def test_chromium_named_by_the_environment_must_exist(monkeypatch, tmp_path):
    import testenv

    monkeypatch.setenv("BRIGHT_SPOTS_CHROMIUM", str(tmp_path / "no-such-chromium"))
    assert testenv.chromium() is None
    fake = tmp_path / "chromium"
    fake.write_text("")
    monkeypatch.setenv("BRIGHT_SPOTS_CHROMIUM", str(fake))
    assert testenv.chromium() == str(fake)


def _nbtools(*argv: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(TOOLS / "nbtools.py"), *argv], cwd=ROOT, capture_output=True, text=True)


def test_nbtools_strip_command_line(tmp_path):
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell("print(1)", execution_count=3, outputs=[nbformat.v4.new_output("stream", text="1\n")])
    ]
    path = tmp_path / "00-x.ipynb"
    nbformat.write(nb, str(path))
    first, second = _nbtools("strip", str(path)), _nbtools("strip", str(path))
    assert first.returncode == 0, first.stderr
    assert first.stdout == f"stripped {path}\n"
    assert second.stdout == f"clean    {path}\n"
    assert nbformat.read(str(path), as_version=4).cells[0].outputs == []


def test_nbtools_refuses_a_missing_notebook_with_a_message(tmp_path):
    proc = _nbtools("strip", str(tmp_path / "nothing.ipynb"))
    assert proc.returncode != 0
    assert "No such notebook" in proc.stderr and "Traceback" not in proc.stderr


def test_nbtools_build_command_line(tmp_path, monkeypatch):
    import nbtools

    lesson = tmp_path / "00-x.ipynb"
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("x = 1"), nbformat.v4.new_code_cell("x = 2", metadata={"tags": ["solution"]})]
    nbformat.write(nb, str(lesson))
    monkeypatch.setattr(nbtools, "lesson_notebooks", lambda folder=None: [lesson])
    assert nbtools.main(["build", "--out", str(tmp_path / "out")]) == 0
    student = nbformat.read(str(tmp_path / "out" / "student" / lesson.name), as_version=4)
    assert [c.source for c in student.cells] == ["x = 1"]


def test_the_test_command_runs_the_docstring_examples_and_ruff(tasks, monkeypatch):
    commands = []
    monkeypatch.setattr(tasks, "setup", lambda quiet=False: None)
    monkeypatch.setattr(tasks, "chromium", lambda: None)
    monkeypatch.setattr(tasks, "build_student", lambda answer_key=False: 0)
    monkeypatch.setattr(tasks, "run", lambda cmd, **kw: commands.append([str(c) for c in cmd]) or 0)
    monkeypatch.delenv("BRIGHT_SPOTS_REQUIRE_BROWSER", raising=False)
    assert tasks.main(["test"]) == 0
    pytest_run = next(c for c in commands if c[1:3] == ["-m", "pytest"])
    assert "--doctest-modules" in pytest_run and {"utils", "tools", "tests", "notebooks"} <= set(pytest_run)
    ruff = [c[3:] for c in commands if c[1:3] == ["-m", "ruff"]]
    assert [c[0] for c in ruff] == ["check", "format"]
    assert "--check" in ruff[1]
    for c in ruff:
        assert {"utils", "tools", "tests", "tasks.py", "notebooks"} <= set(c), c


def test_every_sub_command_comes_from_the_table_in_order(tasks):
    """``COMMANDS`` is the one list: each entry is a sub-command (same order in --help), each cmd_ function has one."""
    parser = tasks.build_parser()
    sub = next(a for a in parser._actions if isinstance(a, tasks.argparse._SubParsersAction))
    assert list(sub.choices) == [c.name for c in tasks.COMMANDS]
    assert [a.help for a in sub._choices_actions] == [c.help for c in tasks.COMMANDS]
    for command in tasks.COMMANDS:
        assert sub.choices[command.name].get_default("func") is command.func
    functions = {obj for name, obj in vars(tasks).items() if name.startswith("cmd_") and callable(obj)}
    assert functions == {c.func for c in tasks.COMMANDS}, "a cmd_ function that no sub-command runs"


def test_pass_through_commands_hand_on_everything_after_their_name(tasks, monkeypatch):
    seen = []
    recorded = tuple(c._replace(func=lambda args: seen.append(args) or 0) for c in tasks.COMMANDS)
    monkeypatch.setattr(tasks, "COMMANDS", recorded)
    assert tasks.PASS_THROUGH == {"test", "lab", "bench", "browser", "soak", "site"}
    for name in sorted(tasks.PASS_THROUGH):
        assert tasks.main([name, "-k", "x", "--notebooks"]) == 0
        assert (seen[-1].cmd, seen[-1].extra) == (name, ["-k", "x", "--notebooks"])
        assert tasks.main([name]) == 0 and seen[-1].extra == []
    assert tasks.main(["strip", "a.ipynb", "b.ipynb"]) == 0
    assert seen[-1].notebooks == ["a.ipynb", "b.ipynb"] and not hasattr(seen[-1], "extra")
    assert tasks.main(["assign", "01", "05", "--only", "01.2"]) == 0
    assert (seen[-1].lessons, seen[-1].only, seen[-1].out) == (["01", "05"], "01.2", str(tasks.BUILD / "assign"))
    assert tasks.main(["lock", "--upgrade"]) == 0 and seen[-1].upgrade is True
    with pytest.raises(SystemExit) as exc:  # check needs at least one notebook: argparse says so
        tasks.main(["check"])
    assert exc.value.code == 2
    with pytest.raises(SystemExit):  # a pass-through command's own --help is argparse's, not passed on
        tasks.main(["bench", "--help"])
    assert seen[-1].cmd == "lock"


def test_help_lists_every_sub_command_with_its_line(tasks):
    proc = subprocess.run([sys.executable, str(ROOT / "tasks.py"), "--help"], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    text = " ".join(proc.stdout.split())  # argparse wraps the lines to the terminal
    for command in tasks.COMMANDS:
        assert f" {command.name} {command.help}" in text, command.name
