"""Graded assignments: built in otter-grader's format, graded offline with ``otter run``.

For two lessons: the worked solutions score full marks, an untouched student notebook scores zero, a
mix of right and wrong answers scores exactly the points of the right ones, and an answer given in
another compatible unit is graded right.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import nbformat
import pytest

import assign
import nbtools

pytest.importorskip("otter", reason="otter-grader is in the 'grading' extra of the lock")

LESSONS = ["00", "01"]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("assign")
    made = {m["lesson"]: m for m in assign.build(LESSONS, out)}
    return out, made


def _registry_points(lesson: str) -> dict[str, float]:
    return {k: float(getattr(ex, "points", 1)) for k, ex in assign.registry(lesson)._EXERCISES.items()}


def _submission(built, lesson: str, changes: dict[str, str], tmp_path):
    """The handed-out student notebook with, after exercise k's cell, the worked solution and then ``changes[k]``."""
    _, made = built
    student = nbtools.read(made[lesson]["student"])
    lesson_nb = nbtools.read(assign.lesson_path(lesson))
    worked = {
        ex["id"]: "\n".join(nbtools.source(lesson_nb.cells[j]) for j in ex["solutions"])
        for ex in assign.find_exercises(lesson_nb)
    }
    for ex in sorted(assign.find_exercises(student), key=lambda e: -e["cell"]):
        if ex["id"] in changes:
            code = worked[ex["id"]] + "\n" + changes[ex["id"]]
            student.cells.insert(ex["cell"] + 1, nbformat.v4.new_code_cell(code))
    path = tmp_path / made[lesson]["notebook"]
    nbtools.write(student, path)
    return path


def _grade(built, lesson, notebook, tmp_path):
    _, made = built
    return assign.grade(made[lesson]["autograder"], notebook, tmp_path / "results")


@pytest.mark.parametrize("lesson", LESSONS)
def test_every_exercise_is_a_question_with_its_points(built, lesson):
    _, made = built
    assert made[lesson]["auto_points"] == _registry_points(lesson)
    with zipfile.ZipFile(made[lesson]["autograder"]) as z:
        names = z.namelist()
    # the grading side holds the full registry and the data; students never get this zip
    assert f"files/utils/exercises/lesson{lesson}.py" in names
    assert "files/grading_key.py" in names and any(n.startswith("files/data/") for n in names)


@pytest.mark.slow
@pytest.mark.parametrize("lesson", LESSONS)
def test_worked_solutions_score_full_marks(built, lesson, tmp_path):
    # otter's solution notebook: the lesson with every worked solution
    _, made = built
    result = _grade(built, lesson, made[lesson]["solution"], tmp_path)
    points = _registry_points(lesson)
    assert result["possible"] == pytest.approx(sum(points.values()))
    assert result["score"] == pytest.approx(sum(points.values())), result


@pytest.mark.slow
@pytest.mark.parametrize("lesson", LESSONS)
def test_untouched_student_notebook_scores_zero(built, lesson, tmp_path):
    _, made = built
    result = _grade(built, lesson, made[lesson]["student"], tmp_path)
    assert result["possible"] == pytest.approx(sum(_registry_points(lesson).values()))
    assert result["score"] == 0, result


def _wrong(lesson: str, ex_id: str, answer: str) -> str:
    """A line that turns the worked answer into a wrong one of the same form."""
    exercise = assign.registry(lesson)._EXERCISES[ex_id]
    if exercise.choices:
        return f"{answer} = [c for c in {list(exercise.choices)!r} if c.lower() != str({answer}).lower()][0]"
    # a free-text answer (a web site, say) gets a wrong word added; a number or a quantity is scaled
    return f"{answer} = {answer} + '.wrong' if isinstance({answer}, str) else {answer} * 1.5"


@pytest.mark.slow
@pytest.mark.parametrize("lesson", LESSONS)
def test_some_right_some_wrong_scores_exactly_the_right_ones(built, lesson, tmp_path):
    ids = sorted(_registry_points(lesson))
    right, wrong = ids[::2], ids[1::2]
    assert right and wrong
    answers = {ex["id"]: ex["answer"] for ex in assign.find_exercises(nbtools.read(assign.lesson_path(lesson)))}
    changes = {k: "" for k in right} | {k: _wrong(lesson, k, answers[k]) for k in wrong}
    result = _grade(built, lesson, _submission(built, lesson, changes, tmp_path), tmp_path)
    points = _registry_points(lesson)
    assert result["score"] == pytest.approx(sum(points[k] for k in right)), result
    for k in right:
        assert result["questions"][assign.question_name(k)][0] == pytest.approx(points[k])
    for k in wrong:
        assert result["questions"][assign.question_name(k)][0] == 0


@pytest.mark.slow
@pytest.mark.parametrize("lesson", LESSONS)
def test_an_answer_in_another_compatible_unit_is_right(built, lesson, tmp_path):
    key = assign.record_key(assign.lesson_path(lesson))
    answers = {ex["id"]: ex["answer"] for ex in assign.find_exercises(nbtools.read(assign.lesson_path(lesson)))}
    with_units = [
        k for k, e in key.items() if e["form"]["kind"] == "quantity" and e["form"]["unit"] not in ("", "m", "s", "kg")
    ]
    assert with_units, "the lesson has an answer with a unit that is not SI base"
    ex_id = with_units[0]
    # e.g. km -> m, AU -> m: the same length in another unit
    name, unit = answers[ex_id], key[ex_id]["form"]["unit"]
    change = f"{name} = {name}.si\nassert {name}.unit != u.Unit({unit!r})"
    result = _grade(built, lesson, _submission(built, lesson, {ex_id: change}, tmp_path), tmp_path)
    assert result["questions"][assign.question_name(ex_id)][0] == pytest.approx(_registry_points(lesson)[ex_id])
    assert result["score"] == pytest.approx(_registry_points(lesson)[ex_id]), result


@pytest.mark.parametrize("lesson", LESSONS)
def test_handed_out_notebook_has_no_solution_and_form_only_checks(built, lesson):
    _, made = built
    student = nbtools.read(made[lesson]["student"])
    text = json.dumps(student.cells)
    assert "BEGIN SOLUTION" not in text and "grading_key" not in text and "HIDDEN" not in text
    assert not any(nbtools.is_solution(c) for c in student.cells)
    assert nbtools.stray_outputs(student) == []
    shipped = Path(made[lesson]["student"]).parent / "utils" / "exercises" / f"lesson{lesson}.py"
    source = shipped.read_text(encoding="utf-8")
    assert "FormExercise" in source and "solve" not in source and "Mistake" not in source


def test_written_question_becomes_manually_graded_with_its_rubric(tmp_path, monkeypatch):
    """A WRITTEN question (heading, `answer` cell, `solution` cell) -> an otter manual question; the
    model answer and the rubric from the instructor page reach the grader, never the student."""
    import types

    real = assign.registry("00")
    fake = types.SimpleNamespace(_EXERCISES=real._EXERCISES, WRITTEN={"00.9": "Exercise 9 · why altitude matters"})
    monkeypatch.setattr(assign, "registry", lambda lesson: fake)
    page = tmp_path / "00-start-here.md"
    page.write_text(
        "## Answers\n- **00.9 model answer:** Gravity pulls towards the centre, so orbits use the "
        "distance from it.\n- **00.9 rubric:** 2 points: 1 for naming the centre, 1 for the radius.\n"
    )
    monkeypatch.setattr(assign, "instructor_page", lambda lesson: page)
    nb = nbtools.read(assign.lesson_path("00"))
    nb.cells += [
        nbformat.v4.new_markdown_cell(
            "### Exercise 9 · why altitude matters\nExplain in two sentences.\n\n*Check yourself:* compare with "
            "the [model answer](../docs/instructors/00-start-here.md#answers)."
        ),
        nbformat.v4.new_markdown_cell("*Your answer:* ...", metadata={"tags": ["answer"]}),
        nbformat.v4.new_markdown_cell(
            "Orbits are about the centre: add Ceres' radius.", metadata={"tags": ["solution"]}
        ),
    ]
    lesson_dir = tmp_path / "lesson"
    lesson_dir.mkdir()
    path = lesson_dir / "00-start-here.ipynb"
    nbtools.write(nb, path)
    graded = tmp_path / "graded-utils"
    graded.mkdir()
    made = assign.build_lesson(path, tmp_path / "out", {"00": assign.record_key(assign.lesson_path("00"))}, graded)
    assert made["manual_points"] == {"00.9": 2.0}
    assert made["written"][0]["rubric"].startswith("2 points")
    student = Path(made["student"]).read_text(encoding="utf-8")
    assert "*Your answer:* ..." in student and "Orbits are about the centre" not in student
    assert "Gravity pulls towards the centre" not in student and "rubric" not in student.lower()
    assert "Explain in two sentences." in student and "instructors/" not in student  # no link to the answer key
    solution = Path(made["solution"]).read_text(encoding="utf-8")
    assert "Orbits are about the centre" in solution and "1 for naming the centre" in solution
    with zipfile.ZipFile(made["autograder"]) as z:
        tests = sorted(n for n in z.namelist() if n.startswith("tests/"))
    assert tests == sorted(f"tests/q{k.replace('.', '_')}.py" for k in real._EXERCISES)  # the written one: by hand


def test_a_written_question_without_a_rubric_is_refused(tmp_path, monkeypatch):
    page = tmp_path / "00-start-here.md"
    page.write_text("## Answers\n- **00.4 model answer:** something\n")
    monkeypatch.setattr(assign, "instructor_page", lambda lesson: page)
    with pytest.raises(assign.AssignError, match=r"\*\*00.4 rubric:\*\*"):
        assign.written_answers("00", ["00.4"])


def test_an_unknown_lesson_gets_a_clear_message():
    with pytest.raises(assign.AssignError, match="No lesson '42'"):
        assign.lesson_path("42")


def test_a_notebook_of_another_lesson_is_refused(built, tmp_path):
    _, made = built
    with pytest.raises(assign.AssignError, match="otter run failed"):
        assign.grade(made["00"]["autograder"], made["01"]["student"], tmp_path / "results")


@pytest.mark.parametrize(
    "rubric, points",
    [
        ("2 points: 1 point for naming the centre, 1 point for the radius.", 2),
        ("1 point for naming the centre; 1 point for the radius.", 2),
        ("(3 pts) evidence, verdict, reason.", 3),
        ("Full marks for a clear reason.", 1),
    ],
)
def test_a_written_question_is_worth_its_rubric_points(rubric, points):
    assert assign.rubric_points(rubric) == points


def test_a_lesson_that_reassigns_an_input_later_is_refused():
    """Hidden tests read the inputs after the whole notebook ran: a later reassignment would be graded."""
    nb = nbtools.read(assign.lesson_path("00"))
    exercises = assign.find_exercises(nb)
    assign.check_names_stay(nb, exercises, "00-start-here.ipynb")  # the lesson as it is: fine
    nb.cells.append(nbformat.v4.new_code_cell("survey_altitude = 1 * u.km"))
    with pytest.raises(assign.AssignError, match="survey_altitude"):
        assign.check_names_stay(nb, exercises, "00-start-here.ipynb")


def test_hidden_test_is_one_line_without_comments():
    call = 'utils.check("04.4", answer_4, density=d,  # a comment\n            rock=r["x"])'
    assert assign.hidden_test(call) == "grading_key.is_right('04.4', answer_4, density=d, rock=r['x'])"


def test_grading_that_does_not_finish_is_stopped_with_a_message(tmp_path):
    zip_path = tmp_path / "autograder.zip"
    with zipfile.ZipFile(zip_path, "w") as z:
        z.writestr("otter_config.json", "{}")
    sub = tmp_path / "sub.ipynb"
    nbtools.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("import time; time.sleep(600)")]), sub)
    with pytest.raises(assign.AssignError, match="did not finish within 0.5 s"):
        assign.grade(zip_path, sub, tmp_path / "results", timeout=0.5)


def test_student_data_leaves_out_the_answer_keys(tmp_path):
    from utils import factcheck
    from utils.data import CHECK_ONLY, MANIFEST, _read_manifest, read_manifest, verify_file

    assert factcheck._KEY_FILE in CHECK_ONLY  # lesson 08's sorting key is read only by its check
    assert factcheck._KEY_FILE in _read_manifest(assign.DATA)  # the repository itself keeps it
    student = assign.copy_student_data(tmp_path / "data")
    left = sorted(p.name for p in student.iterdir())
    assert factcheck._KEY_FILE not in left
    manifest = (student / MANIFEST).read_text(encoding="utf-8")
    assert factcheck._KEY_FILE not in manifest
    listed = _read_manifest(student)
    assert set(listed) == set(_read_manifest(assign.DATA)) - set(CHECK_ONLY) == set(read_manifest(assign.DATA))
    for name in listed:  # every file handed out still passes its data verification
        verify_file(student / name)
