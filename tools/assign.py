"""Graded assignments in otter-grader's format, built from the lessons.

``python3 tasks.py assign 01 05`` writes, for each lesson, an otter-grader
*master notebook* (otter's "assign" format) and runs ``otter assign`` on it:

* every self-checked exercise (``utils.check("NN.k", answer_k, ...)``) becomes
  an autograded question worth the registry's ``points``; its hidden test
  judges the answer with the full registry (``tools/grading_key.py``), from the
  inputs as they are in the submitted notebook;
* every written question (the lesson registry's ``WRITTEN``) becomes a
  manually graded question; the model answer and the rubric from the
  instructor page (``**NN.k model answer:**``, ``**NN.k rubric:**``) go into
  the solution notebook and into ``manual-grading.md``;
* the student notebook is the usual student version (no solution cells), and
  the ``utils/`` handed out with it is a *graded copy*: each exercise checks
  only the form of an answer (:mod:`utils.grading`) and no exercise can
  compute its expected answer;
* the autograder zip holds the full ``utils/`` and ``data/``, so grading with
  ``otter run`` (``python3 tasks.py grade``) needs neither Docker nor a hub nor
  the network.

Layout of ``OUT/NN-name/``: ``master/`` (the generated master notebook),
``autograder/`` (otter's solution notebook and the autograder zip),
``student/`` (the notebook to hand out, with the graded ``utils/`` and
``data/`` less the files only a self-check reads, ``utils.data.CHECK_ONLY``).
``OUT/manual-grading.md`` lists the written questions.
"""

from __future__ import annotations

import ast
import copy
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat

import nbtools

ROOT = nbtools.ROOT
UTILS = ROOT / "utils"
DATA = ROOT / "data"
INSTRUCTORS = ROOT / "docs" / "instructors"
KEY_CACHE = ROOT / "build" / "keys"
BIN = Path(sys.executable).parent

ANSWER_TAG = "answer"
PLACEHOLDER = re.compile(r"^\s*(answer_\d+)\s*=\s*\.\.\.\s*(#.*)?$", re.M)
HEADING = re.compile(r"^#{2,4}\s*Exercise\s+(\d+)\s*·\s*(.+?)\s*$", re.M)


class AssignError(Exception):
    """A lesson cannot be turned into an assignment; the message says why."""


# --------------------------------------------------------------------------
# lessons
# --------------------------------------------------------------------------


def lesson_path(name: str) -> Path:
    """``"1"``, ``"01"``, ``"01-asteroid-belt"`` or a path -> the lesson notebook."""
    p = Path(name)
    if p.suffix == ".ipynb" and p.exists():
        return p.resolve()
    number = name.strip()
    if number.isdigit():
        number = f"{int(number):02d}"
    found = [q for q in nbtools.lesson_notebooks() if q.name.startswith(number)]
    if len(found) != 1:
        known = ", ".join(q.name[:2] for q in nbtools.lesson_notebooks())
        raise AssignError(f"No lesson {name!r}: give a lesson number ({known}) or a notebook path.")
    return found[0]


def lesson_number(path: Path) -> str:
    return Path(path).name[:2]


def registry(lesson: str):
    import importlib

    return importlib.import_module(f"utils.exercises.lesson{lesson}")


def _check_calls(src: str) -> list[ast.Call]:
    try:
        tree = ast.parse(src)
    except SyntaxError:
        return []
    calls = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "check"
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id == "utils"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            calls.append(node)
    return calls


def find_exercises(nb) -> list[dict]:
    """The self-checked exercises of a lesson notebook, in order.

    Each is ``{"id", "answer", "cell", "solutions", "call"}``: the exercise
    cell (with the ``answer_k = ...`` placeholder), the indices of its worked
    solution cells, and the source of its ``utils.check(...)`` call.
    """
    found: list[dict] = []
    by_id: dict[str, dict] = {}
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        src = nbtools.source(cell)
        for call in _check_calls(src):
            ex_id = call.args[0].value
            if nbtools.is_solution(cell):
                if ex_id in by_id and i not in by_id[ex_id]["solutions"]:
                    by_id[ex_id]["solutions"].append(i)
                continue
            m = PLACEHOLDER.search(src)
            if not m or ex_id in by_id:
                continue
            entry = {
                "id": ex_id,
                "answer": m.group(1),
                "cell": i,
                "solutions": [],
                "call": ast.get_source_segment(src, call),
            }
            by_id[ex_id] = entry
            found.append(entry)
    return found


def find_written(nb, lesson: str) -> list[dict]:
    """Written questions: a heading ``### Exercise k · title`` whose id is in the registry's ``WRITTEN``,
    then a markdown cell tagged ``answer`` and the model answer in a markdown cell tagged ``solution``."""
    written = getattr(registry(lesson), "WRITTEN", {}) or {}
    out, current = [], None
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "markdown":
            continue
        tags = cell.get("metadata", {}).get("tags", [])
        if ANSWER_TAG not in tags and not nbtools.is_solution(cell):
            for m in HEADING.finditer(nbtools.source(cell)):
                ex_id = f"{lesson}.{int(m.group(1))}"
                current = ex_id if ex_id in written else None
        if ANSWER_TAG in tags and current:
            out.append({"id": current, "title": written[current], "answer_cell": i, "solutions": []})
            current = None
        elif (
            nbtools.is_solution(cell)
            and out
            and out[-1]["solutions"] is not None
            and i == (out[-1]["solutions"][-1] if out[-1]["solutions"] else out[-1]["answer_cell"]) + 1
        ):
            out[-1]["solutions"].append(i)
    missing = sorted(set(written) - {w["id"] for w in out})
    if missing:
        raise AssignError(
            f"Lesson {lesson}: written question(s) {', '.join(missing)} are in WRITTEN but the notebook has no "
            "'### Exercise k · title' heading followed by a markdown cell tagged 'answer' for them."
        )
    return out


def instructor_page(lesson: str) -> Path:
    pages = sorted(INSTRUCTORS.glob(f"{lesson}-*.md"))
    if not pages:
        raise AssignError(f"No instructor page docs/instructors/{lesson}-*.md")
    return pages[0]


def _labelled(text: str, ex_id: str, label: str) -> str | None:
    m = re.search(rf"\*\*{re.escape(ex_id)} {label}:\*\*\s*(.+?)(?=\n\s*\n|\n\s*[-*]\s+\*\*|\n\*\*|\n#|\Z)", text, re.S)
    return " ".join(m.group(1).split()) if m else None


def rubric_points(rubric: str) -> float:
    """A written question's value: the rubric's leading "N points", else the sum of its "N point(s) for ..."
    parts, else 1.

    >>> rubric_points("2 points: 1 point for the centre, 1 point for the radius.")
    2.0
    >>> rubric_points("1 point for the centre; 1 point for the radius")
    2.0
    """
    number = r"(\d+(?:\.\d+)?)\s*(?:points?|pts?)\b"
    lead = re.match(r"\s*\(?" + number + r"(?!\s*for\b)", rubric)  # "2 points: ..." is the total
    if lead:
        return float(lead.group(1))
    parts = re.findall(number, rubric)  # "1 point for ...; 1 point for ..."
    return sum(float(p) for p in parts) if parts else 1.0


def written_answers(lesson: str, ids: list[str]) -> dict[str, dict]:
    """``{id: {"model": ..., "rubric": ..., "points": ...}}`` from the instructor page's Answers section."""
    text = instructor_page(lesson).read_text(encoding="utf-8")
    out = {}
    for ex_id in ids:
        model, rubric = _labelled(text, ex_id, "model answer"), _labelled(text, ex_id, "rubric")
        if not model or not rubric:
            page = instructor_page(lesson)
            shown = page.relative_to(ROOT) if page.is_relative_to(ROOT) else page
            raise AssignError(
                f"{shown} needs the lines '**{ex_id} model answer:**' and "
                f"'**{ex_id} rubric:**' for the written question {ex_id}."
            )
        out[ex_id] = {"model": model, "rubric": rubric, "points": rubric_points(rubric)}
    return out


# --------------------------------------------------------------------------
# the key: run the worked solutions once, record each exercise's form and points
# --------------------------------------------------------------------------

_RECORDER = """\
import utils.checks as _bs_checks
from utils.grading import form_of as _bs_form_of
_bs_key, _bs_original_check = {}, _bs_checks.check
def _bs_recording_check(exercise_id, answer, **inputs):
    result = _bs_original_check(exercise_id, answer, **inputs)
    exercise = _bs_checks._get_exercise(exercise_id)
    entry = _bs_key.setdefault(exercise_id, {"statuses": []})
    entry["form"] = _bs_form_of(exercise.expected(**inputs), exercise.choices)
    entry["title"] = exercise.title_for(**inputs)
    entry["points"] = float(getattr(exercise, "points", 1))
    entry["statuses"].append(result.status)
    return result
_bs_checks.check = _bs_recording_check
"""


def _fingerprint(path: Path) -> str:
    h = hashlib.sha256()
    for f in [path, *sorted(UTILS.rglob("*.py"))]:
        h.update(f.read_bytes())
    return h.hexdigest()[:16]


def record_key(path: Path, cache: Path | None = KEY_CACHE) -> dict:
    """Run the complete lesson (worked solutions included) and record every exercise's form and points.

    Fails when a worked solution's check does not say Correct: an assignment is never built on a broken key.
    """
    path = Path(path)
    fp = _fingerprint(path)
    cached = cache / f"{path.stem}.json" if cache else None
    if cached and cached.exists():
        data = json.loads(cached.read_text())
        if data.get("fingerprint") == fp:
            return data["key"]
    nb = nbtools.read(path)
    nb.cells.insert(0, nbformat.v4.new_code_cell(_RECORDER))
    nb.cells.append(nbformat.v4.new_code_cell("import json as _bs_json\nprint(_bs_json.dumps(_bs_key))"))
    nbtools.execute(nb, cwd=path.parent)
    out = nb.cells[-1].outputs
    key = json.loads("".join(o.get("text", "") for o in out if o.get("output_type") == "stream"))
    for ex in find_exercises(nbtools.read(path)):
        if ex["id"] not in key:
            raise AssignError(f"{path.name}: exercise {ex['id']} was never checked when the notebook ran.")
        if "correct" not in key[ex["id"]]["statuses"]:
            raise AssignError(f"{path.name}: the worked solution of {ex['id']} does not say Correct; fix it first.")
    if cached:
        cached.parent.mkdir(parents=True, exist_ok=True)
        tmp = cached.with_suffix(f".{os.getpid()}.tmp")  # parallel test workers: never read a half-written file
        tmp.write_text(json.dumps({"fingerprint": fp, "key": key}, indent=1))
        os.replace(tmp, cached)
    return key


# --------------------------------------------------------------------------
# graded copy of utils: form checks only
# --------------------------------------------------------------------------


def _graded_registry_source(lesson: str, key: dict, written: dict) -> str:
    lines = [
        f'"""Exercises of lesson {lesson}: graded copy.',
        "",
        "Each exercise checks only the form of an answer (see utils.grading); the answers are kept by",
        'the grader."""',
        "from ..grading import FormExercise",
        "",
        "_EXERCISES = {",
    ]
    for ex_id in sorted(key):
        entry = key[ex_id]
        lines.append(
            f"    {ex_id!r}: FormExercise(title={_title_template(lesson, ex_id, entry)!r}, "
            f"form={entry['form']!r}, points={entry['points']!r}),"
        )
    lines += ["}", "", f"WRITTEN = {dict(written)!r}", ""]
    return "\n".join(lines)


def _title_template(lesson: str, ex_id: str, entry: dict) -> str:
    """The registry's title with its {input} fields (filled again from the notebook's inputs)."""
    try:
        return registry(lesson)._EXERCISES[ex_id].title
    except Exception:
        return entry["title"]


def write_graded_utils(dest: Path, keys: dict[str, dict]) -> Path:
    """Copy ``utils/`` to ``dest`` with every lesson registry replaced by form-only checks.

    ``keys`` maps a lesson number to its recorded key; every lesson registry in
    ``utils/exercises`` must have one, so that no solve code is left behind.
    """
    dest = Path(dest)
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(UTILS, dest, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    for module in sorted((dest / "exercises").glob("lesson*.py")):
        lesson = module.stem[len("lesson") :]
        if lesson not in keys:
            raise AssignError(f"No key for lesson {lesson}: cannot write its graded registry.")
        written = getattr(registry(lesson), "WRITTEN", {}) or {}
        module.write_text(_graded_registry_source(lesson, keys[lesson], written), encoding="utf-8")
    return dest


def all_keys() -> dict[str, dict]:
    return {lesson_number(p): record_key(p) for p in nbtools.lesson_notebooks()}


# --------------------------------------------------------------------------
# otter master notebook
# --------------------------------------------------------------------------


def _raw(text: str):
    return nbformat.v4.new_raw_cell(text)


def hidden_test(call_source: str) -> str:
    """``utils.check("01.1", answer_1, a=x)`` -> ``grading_key.is_right('01.1', answer_1, a=x)`` (one line)."""
    call = ast.parse(call_source.strip(), mode="eval").body
    call.func = ast.Attribute(value=ast.Name(id="grading_key", ctx=ast.Load()), attr="is_right", ctx=ast.Load())
    return ast.unparse(call)


def _names(call_source: str) -> set[str]:
    call = ast.parse(call_source.strip(), mode="eval").body
    return {
        n.id
        for arg in [*call.args[1:], *(k.value for k in call.keywords)]
        for n in ast.walk(arg)
        if isinstance(n, ast.Name)
    }


def check_names_stay(nb, exercises: list[dict], name: str) -> None:
    """Hidden tests run after the whole notebook: refuse a lesson that reassigns an exercise's answer or
    inputs further down, which would make the grader judge other values than the student's check did."""
    for ex in exercises:
        names = _names(ex["call"])
        for j, cell in enumerate(nb.cells):
            if j <= ex["cell"] or cell.cell_type != "code" or j in ex["solutions"]:
                continue
            try:
                tree = ast.parse(nbtools.source(cell))
            except SyntaxError:
                continue
            stored = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)}
            clash = sorted(names & stored)
            if clash:
                raise AssignError(
                    f"{name}: exercise {ex['id']} is graded at the end of the notebook with {', '.join(clash)}, "
                    f"but cell {j} assigns {'it' if len(clash) == 1 else 'them'} again. Rename the later variable."
                )


def question_name(ex_id: str) -> str:
    return "q" + ex_id.replace(".", "_")


def master_notebook(path: Path, key: dict, name: str, only: set[str] | None = None):
    """The lesson in otter-grader's assign format (raw-cell delimiters, hidden OK-format tests).

    With ``only``, just those exercise ids become graded questions; the other exercises stay in the
    notebook as practice (their worked solutions are left out, as in every student version).
    """
    lesson = lesson_number(path)
    nb = nbtools.read(path)
    every = find_exercises(nb)
    check_names_stay(nb, every, path.name)
    written = find_written(nb, lesson)
    if only is not None:
        mine = {e["id"] for e in every} | {w["id"] for w in written}
        unknown = sorted(set(only) - mine)
        if unknown:
            raise AssignError(f"{path.name} has no exercise {', '.join(unknown)}; it has {', '.join(sorted(mine))}.")
    exercises = {ex["cell"]: ex for ex in every if only is None or ex["id"] in only}
    practice = {i for ex in every if ex["cell"] not in exercises for i in ex["solutions"]}
    practice |= {i for w in written if only is not None and w["id"] not in only for i in w["solutions"]}
    written = [w for w in written if only is None or w["id"] in only]
    answers = written_answers(lesson, [w["id"] for w in written])
    written_at = {w["answer_cell"]: w for w in written}
    solution_cells = {i for ex in exercises.values() for i in ex["solutions"]}
    solution_cells |= {i for w in written for i in w["solutions"]} | practice

    config = {
        "name": name,
        "init_cell": False,
        "check_all_cell": False,
        "export_cell": False,
        "run_tests": False,
        "solutions_pdf": False,
        "generate": {"pdf": False, "show_hidden": False, "show_stdout": False},
        "autograder_files": ["utils", "data", "grading_key.py"],
        "tests": {"files": False, "ok_format": True},
    }
    import yaml

    cells = [_raw("# ASSIGNMENT CONFIG\n" + yaml.safe_dump(config, sort_keys=False))]
    for i, cell in enumerate(nb.cells):
        if i in solution_cells or nbtools.is_solution(cell):  # worked solutions reach students never
            continue
        if i in exercises:
            ex = exercises[i]
            points = key[ex["id"]]["points"]
            cells.append(_raw(f"# BEGIN QUESTION\nname: {question_name(ex['id'])}\npoints: {points:g}"))
            cells.append(_raw("# BEGIN SOLUTION"))
            cells.append(copy.deepcopy(cell))
            for j in ex["solutions"]:
                body = nbtools.source(nb.cells[j])
                cells.append(nbformat.v4.new_code_cell(f"# BEGIN SOLUTION NO PROMPT\n{body}\n# END SOLUTION"))
            cells.append(_raw("# END SOLUTION"))
            cells.append(_raw("# BEGIN TESTS"))
            test = nbformat.v4.new_code_cell("# HIDDEN\nimport grading_key\n" + hidden_test(ex["call"]))
            test.outputs = [nbformat.v4.new_output("execute_result", data={"text/plain": "True"}, execution_count=1)]
            cells.append(test)
            cells.append(_raw("# END TESTS"))
            cells.append(_raw("# END QUESTION"))
        elif i in written_at:
            w = written_at[i]
            info = answers[w["id"]]
            cells.append(
                _raw(f"# BEGIN QUESTION\nname: {question_name(w['id'])}\nmanual: true\npoints: {info['points']:g}")
            )
            cells.append(_raw("# BEGIN PROMPT"))
            cells.append(nbtools.without_key_links(cell))
            cells.append(_raw("# END PROMPT"))
            cells.append(_raw("# BEGIN SOLUTION"))
            for j in w["solutions"]:
                cells.append(copy.deepcopy(nb.cells[j]))
            cells.append(
                nbformat.v4.new_markdown_cell(
                    f"**Model answer ({w['id']}):** {info['model']}\n\n**Rubric ({w['id']}):** {info['rubric']}"
                )
            )
            cells.append(_raw("# END SOLUTION"))
            cells.append(_raw("# END QUESTION"))
        else:
            cells.append(nbtools.without_key_links(cell))
    master = copy.deepcopy(nb)
    master.cells = cells
    return master, {"exercises": [ex["id"] for ex in exercises.values()], "written": written, "answers": answers}


# --------------------------------------------------------------------------
# build
# --------------------------------------------------------------------------


def _drop_empty_code_cells(path: Path) -> None:
    """Tidy otter's student notebook: no empty cells left by removed solutions, no outputs; keep otter's
    metadata (the assignment name, which ``otter run`` checks so that a notebook of another lesson is refused)."""
    nb = nbtools.read(path)
    otter_meta = nb.metadata.get("otter")
    nb.cells = [c for c in nb.cells if not (c.cell_type == "code" and not nbtools.source(c).strip())]
    for c in nb.cells:  # otter's bookkeeping tags mean nothing to a student
        tags = [t for t in c.get("metadata", {}).get("tags", []) if not t.startswith("otter_")]
        if tags:
            c.metadata["tags"] = tags
        else:
            c.get("metadata", {}).pop("tags", None)
    nb = nbtools.strip(nb)
    if otter_meta:
        nb.metadata["otter"] = otter_meta
    nbtools.write(nb, path)


def otter_command(*argv: str) -> list[str]:
    """The command line that runs ``otter ARGV...`` (through tools/otter_cli.py) with this environment's python.

    >>> cmd = otter_command("run", "--no-logo")
    >>> cmd[0] == sys.executable, Path(cmd[1]).relative_to(ROOT).as_posix(), cmd[2:]
    (True, 'tools/otter_cli.py', ['run', '--no-logo'])
    """
    return [sys.executable, str(ROOT / "tools" / "otter_cli.py"), *argv]


def copy_student_data(dest: Path, source: Path = DATA) -> Path:
    """Copy ``source`` (the repository's ``data/``) to ``dest`` for a graded hand-out: without the files only a
    self-check reads (``utils.data.CHECK_ONLY``, e.g. lesson 08's answer key) and without their manifest lines,
    so that nothing handed out answers an exercise and every file left is verified by its manifest."""
    from utils.data import CHECK_ONLY, MANIFEST

    dest = Path(dest)
    shutil.copytree(source, dest, ignore=shutil.ignore_patterns(*CHECK_ONLY))
    manifest = dest / MANIFEST
    if manifest.exists():
        kept = [
            line
            for line in manifest.read_text(encoding="utf-8").splitlines(keepends=True)
            if not line.strip() or line.split(None, 1)[-1].strip().lstrip("*") not in CHECK_ONLY
        ]
        manifest.write_text("".join(kept), encoding="utf-8")
    return dest


def build_lesson(
    path: Path, out: Path, keys: dict[str, dict], graded_utils: Path, only: set[str] | None = None
) -> dict:
    """One lesson -> ``out/NN-name/{master,autograder,student}``; returns a summary."""
    lesson = lesson_number(path)
    name = f"bright-spots-{path.stem}"
    target = Path(out) / path.stem
    if target.exists():
        shutil.rmtree(target)
    master_dir = target / "master"
    master_dir.mkdir(parents=True)
    shutil.copytree(UTILS, master_dir / "utils", ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    shutil.copytree(DATA, master_dir / "data")
    shutil.copy(ROOT / "tools" / "grading_key.py", master_dir / "grading_key.py")
    master, info = master_notebook(path, keys[lesson], name, only)
    master_path = master_dir / path.name
    nbtools.write(master, master_path)
    proc = subprocess.run(
        otter_command("assign", "--no-pdfs", "--no-run-tests", master_path.name, str((target / "dist").resolve())),
        cwd=master_dir,
        capture_output=True,
        text=True,
    )
    if proc.returncode != 0:
        raise AssignError(f"otter assign failed for {path.name}:\n{proc.stdout}\n{proc.stderr}")
    dist = target / "dist"
    (dist / "autograder").rename(target / "autograder")
    (dist / "student").rename(target / "student")
    shutil.rmtree(dist)
    student_nb = target / "student" / path.name
    _drop_empty_code_cells(student_nb)
    shutil.copytree(graded_utils, target / "student" / "utils")
    copy_student_data(target / "student" / "data")
    zips = sorted((target / "autograder").glob("*.zip"))
    if len(zips) != 1:
        raise AssignError(f"expected one autograder zip for {path.name}, found {[z.name for z in zips]}")
    stable = zips[0].with_name("autograder.zip")
    zips[0].rename(stable)
    points = {ex_id: keys[lesson][ex_id]["points"] for ex_id in info["exercises"]}
    manual = {w["id"]: info["answers"][w["id"]]["points"] for w in info["written"]}
    return {
        "lesson": lesson,
        "notebook": path.name,
        "folder": target.name,
        "autograder": str(stable),
        "student": str(student_nb),
        "solution": str(target / "autograder" / path.name),
        "auto_points": points,
        "manual_points": manual,
        "written": [{"id": w["id"], "title": w["title"], **info["answers"][w["id"]]} for w in info["written"]],
    }


def build(lessons: list[str], out: Path, only: list[str] | None = None) -> list[dict]:
    """Build one otter-grader assignment per lesson into ``out``; write ``out/assignments.json`` and
    ``out/manual-grading.md``.  ``only``: grade just these exercise ids (e.g. ``["01.2", "01.3"]``)."""
    paths = [lesson_path(x) for x in lessons]
    if only:
        numbers = {lesson_number(p) for p in paths}
        stray = [x for x in only if x.split(".")[0] not in numbers]
        if stray:
            raise AssignError(
                f"--only names {', '.join(stray)}, not in the lessons given ({', '.join(sorted(numbers))})."
            )
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    keys = all_keys()
    graded = write_graded_utils(out / ".graded-utils", keys)
    chosen = None if not only else set(only)
    made = [
        build_lesson(
            p,
            out,
            keys,
            graded,
            None if chosen is None else {x for x in chosen if x.startswith(lesson_number(p) + ".")},
        )
        for p in paths
    ]
    shutil.rmtree(graded)
    (out / "assignments.json").write_text(json.dumps(made, indent=1), encoding="utf-8")
    lines = ["# Manually graded questions", ""]
    for m in made:
        for w in m["written"]:
            lines += [
                f"## {w['id']} · {w['title']} ({m['notebook']}, {w['points']:g} points)",
                "",
                f"**Model answer:** {w['model']}",
                "",
                f"**Rubric:** {w['rubric']}",
                "",
            ]
        if not m["written"]:
            lines += [f"{m['notebook']}: no written questions.", ""]
    (out / "manual-grading.md").write_text("\n".join(lines), encoding="utf-8")
    return made


# --------------------------------------------------------------------------
# grading
# --------------------------------------------------------------------------


def grade(autograder: Path, submission: Path, workdir: Path, timeout: float | None = None) -> dict:
    """Grade one submitted notebook with ``otter run`` (no Docker, no network).

    Returns ``{"score", "possible", "questions": {name: (score, possible)}}`` for the autograded
    questions; manually graded questions are not in it (see manual-grading.md).  A run that does not
    finish within ``timeout`` seconds (default 900, or ``BRIGHT_SPOTS_GRADE_TIMEOUT``) is stopped and
    reported, never waited on forever (otter itself sets no time limit on a cell).
    """
    import signal

    workdir = Path(workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    timeout = float(os.environ.get("BRIGHT_SPOTS_GRADE_TIMEOUT", 900)) if timeout is None else timeout
    proc = subprocess.Popen(
        otter_command(
            "run",
            "--no-logo",
            "-a",
            str(Path(autograder).resolve()),
            "-o",
            str(workdir.resolve()),
            str(Path(submission).resolve()),
        ),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=workdir,
        start_new_session=True,
    )
    try:
        stdout, stderr = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)  # otter and the kernel it started
        proc.communicate()
        raise AssignError(
            f"grading {submission} did not finish within {timeout:g} s (a cell that never "
            "returns?); it was stopped. Run the notebook yourself to see which cell hangs."
        ) from None
    results = workdir / "results.json"
    if proc.returncode != 0 or not results.exists():
        raise AssignError(f"otter run failed on {submission}:\n{stdout[-3000:]}\n{stderr[-3000:]}")
    data = json.loads(results.read_text())
    questions = {t["name"]: (t["score"], t["max_score"]) for t in data.get("tests", []) if "max_score" in t}
    return {
        "score": sum(s for s, _ in questions.values()),
        "possible": sum(p for _, p in questions.values()),
        "questions": questions,
    }


def grade_main(argv: list[str]) -> int:
    """``python3 tasks.py grade AUTOGRADER.zip SUBMISSION.ipynb ...``: scores, and a CSV next to them."""
    import argparse
    import csv

    parser = argparse.ArgumentParser(prog="python3 tasks.py grade")
    parser.add_argument("autograder", help="the assignment's autograder.zip (from tasks.py assign)")
    parser.add_argument("submissions", nargs="+", help="submitted notebooks (.ipynb)")
    parser.add_argument("--csv", default="grades.csv", help="where to write the scores (default grades.csv)")
    args = parser.parse_args(argv)
    if not Path(args.autograder).is_file() or not args.autograder.endswith(".zip"):
        print(f"grade: {args.autograder} is not an autograder zip (python3 tasks.py assign makes one)", file=sys.stderr)
        return 1
    rows, names = [], set()
    import tempfile

    for sub in args.submissions:
        if not Path(sub).is_file() or not sub.endswith(".ipynb"):
            print(f"grade: skipping {sub}: not a notebook file", file=sys.stderr)
            continue
        with tempfile.TemporaryDirectory() as tmp:
            try:
                result = grade(Path(args.autograder), Path(sub), Path(tmp))
            except AssignError as err:
                print(f"grade: {err}", file=sys.stderr)
                return 1
        names |= set(result["questions"])
        rows.append((sub, result))
        print(f"{sub}: {result['score']:g} / {result['possible']:g}")
    with open(args.csv, "w", newline="", encoding="utf-8") as f:
        cols = sorted(names)
        writer = csv.writer(f)
        writer.writerow(["submission", "score", "possible", *cols])
        for sub, r in rows:
            writer.writerow([sub, r["score"], r["possible"], *(r["questions"].get(c, ("", ""))[0] for c in cols)])
    print(f"scores of the autograded questions: {args.csv} (written questions: see manual-grading.md)")
    return 0 if rows else 1


def main(argv: list[str]) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="python3 tasks.py assign")
    parser.add_argument("lessons", nargs="+")
    parser.add_argument("--out", default=str(ROOT / "build" / "assign"))
    parser.add_argument(
        "--only",
        default="",
        help="comma-separated exercise ids to grade, e.g. 01.2,01.3 (default: every exercise of the lessons)",
    )
    args = parser.parse_args(argv)
    only = [x.strip() for x in args.only.split(",") if x.strip()] or None
    try:
        made = build(args.lessons, Path(args.out), only)
    except AssignError as err:
        print(f"assign: {err}", file=sys.stderr)
        return 1
    for m in made:
        auto, manual = sum(m["auto_points"].values()), sum(m["manual_points"].values())
        print(
            f"{m['notebook']}: {len(m['auto_points'])} autograded questions ({auto:g} points), "
            f"{len(m['manual_points'])} manually graded ({manual:g} points)"
        )
        print(f"  hand out:   {Path(m['student']).parent}")
        print(f"  keep:       {m['autograder']}")
    print(f"written questions and rubrics: {Path(args.out) / 'manual-grading.md'}")
    return 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["grade"]:
        sys.exit(grade_main(sys.argv[2:]))
    sys.exit(main(sys.argv[1:]))
