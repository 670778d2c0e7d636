"""Every notebook follows the lesson standard (see README, "Writing a lesson").

These tests read the notebooks as files (no kernel), so they are fast and they
apply to every lesson added later.
"""

from __future__ import annotations

import re
import textwrap

import pytest

import nbtools
from conftest import ROOT
from utils.checks import _get_exercise

NOTEBOOKS = nbtools.lesson_notebooks(ROOT / "notebooks")
README = (ROOT / "README.md").read_text(encoding="utf-8")
GUIDE = ROOT / "docs" / "instructors"

TESTABLE_VERBS = {
    "apply",
    "build",
    "calculate",
    "check",
    "classify",
    "compare",
    "compute",
    "convert",
    "decide",
    "derive",
    "describe",
    "design",
    "distinguish",
    "estimate",
    "evaluate",
    "explain",
    "find",
    "fly",
    "identify",
    "interpret",
    "judge",
    "locate",
    "measure",
    "model",
    "plot",
    "predict",
    "propagate",
    "quantify",
    "read",
    "recognise",
    "relate",
    "render",
    "run",
    "simulate",
    "solve",
    "test",
    "use",
    "weigh",
    "write",
    "draw",
    "trace",
    "justify",
    "reconstruct",
    "criticise",
}
EXERCISE_CALL = re.compile(r"utils\.check\(\s*[\"'](\d\d\.\d+)[\"']")


def lesson_number(path) -> int:
    return int(path.name[:2])


def markdown(nb) -> str:
    return "\n".join(nbtools.source(c) for c in nb.cells if c.cell_type == "markdown")


def section(text: str, title: str) -> str:
    """The text under a markdown heading containing ``title``, up to the next heading."""
    m = re.search(rf"^#+ [^\n]*{re.escape(title)}[^\n]*\n(.*?)(?=^#+ |\Z)", text, re.M | re.S | re.I)
    return m.group(1) if m else ""


def controlled_keywords() -> set[str]:
    block = section(README, "Keywords")
    return {k.strip().lower() for k in re.findall(r"`([^`]+)`", block)}


def test_there_is_a_start_here_notebook():
    assert (ROOT / "notebooks" / "00-start-here.ipynb").exists()


def test_every_lesson_file_is_found_and_numbered_in_order():
    """A renamed notebook fails here, by name, instead of silently dropping out of the tests."""
    names = sorted(p.name for p in (ROOT / "notebooks").glob("*.ipynb"))
    odd = [n for n in names if not nbtools.LESSON_RE.match(n)]
    assert not odd, f"notebooks must be named NN-lower-case-words.ipynb: {odd}"
    numbers = [lesson_number(p) for p in NOTEBOOKS]
    assert numbers == list(range(len(numbers))), f"lessons must be numbered 00, 01, ... without gaps: {numbers}"
    registries = sorted(
        int(p.stem[len("lesson") :]) for p in (ROOT / "utils" / "exercises").glob("lesson[0-9][0-9].py")
    )
    assert registries == numbers, (
        f"every lesson has one registry utils/exercises/lessonNN.py: {registries} vs {numbers}"
    )
    stems = {p.stem for p in NOTEBOOKS}
    pages = {p.stem for p in GUIDE.glob("[0-9][0-9]-*.md")}
    assert pages == stems, (
        f"instructor pages and notebooks must have the same names; pages without a notebook: "
        f"{sorted(pages - stems)}, notebooks without a page: {sorted(stems - pages)}"
    )
    for spec in sorted((ROOT / "tests" / "exercises").glob("lesson[0-9][0-9].py")):
        named = re.search(r"^NOTEBOOK\s*=\s*[\"']([^\"']+)[\"']", spec.read_text(encoding="utf-8"), re.M)
        assert named and (ROOT / "notebooks" / named.group(1)).exists(), (
            f"{spec.relative_to(ROOT)} names a notebook that does not exist: {named and named.group(1)}"
        )


@pytest.fixture(params=NOTEBOOKS, ids=lambda p: p.name)
def nb_path(request):
    return request.param


@pytest.fixture
def nb(nb_path):
    return nbtools.read(nb_path)


def test_title_cell(nb, nb_path):
    first = nb.cells[0]
    assert first.cell_type == "markdown"
    text = nbtools.source(first)
    m = re.match(r"# (\d\d) · \S.*", text)
    assert m, "the first line must be '# NN · Title'"
    assert int(m.group(1)) == lesson_number(nb_path), "title number must match the file name"
    assert "?" in text, "the title cell needs a hook: a question a curious student would ask"
    assert re.search(r"\bNext\b", text), "the title cell must say what comes next (and before)"


def test_overview(nb):
    text = markdown(nb)
    goals = section(text, "Learning goals")
    items = re.findall(r"^\s*(?:[-*]|\d+\.)\s+\**([A-Za-z]+)", goals, re.M)
    assert 3 <= len(items) <= 5, f"3-5 learning goals expected, found {len(items)}"
    weak = [w for w in items if w.lower() not in TESTABLE_VERBS]
    assert not weak, f"learning goals should start with a testable verb, not {weak}"
    prereq = section(text, "Prerequisites")
    assert re.search(r"\|\s*Concept\s*\|\s*Importance\s*\|\s*Where to learn it\s*\|", prereq), (
        "Prerequisites needs a table 'Concept | Importance | Where to learn it'"
    )
    assert re.search(r"Time to learn\W+(?:about\s+)?\d+\s*min", text, re.I), "state the time to learn in minutes"
    kw = re.search(r"Keywords\**:?\**\s*(.+)", text)
    assert kw, "list the lesson's keywords"
    words = {w.strip(" .`*").lower() for w in kw.group(1).split(",") if w.strip(" .")}
    unknown = words - controlled_keywords()
    assert not unknown, f"keywords not in README's controlled list: {sorted(unknown)}"


def test_one_import_cell_and_no_path_tricks(nb):
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code and "import utils" in nbtools.source(code[0]), "the first code cell imports utils"
    for i, cell in enumerate(code):
        src = nbtools.source(cell)
        assert "sys.path" not in src and "%run" not in src, "no sys.path tricks or %run"
        assert "usetex" not in src, "no LaTeX rendering (usetex)"
        # a graded hand-out replaces utils/exercises/ with form-only registries: a lesson may use only utils.check
        assert not re.search(r"\butils\.exercises\b|\bfrom\s+utils\s+import\s+exercises\b", src), (
            f"a notebook may not import from utils.exercises (graded copies replace it):\n{src}"
        )
        if i:
            assert not re.search(r"^\s*(import|from\s+\S+\s+import)\s", src, re.M), (
                f"imports belong in the first code cell:\n{src}"
            )


def test_code_cells_are_short(nb):
    for cell in nb.cells:
        if cell.cell_type == "code":
            lines = [ln for ln in nbtools.source(cell).splitlines() if ln.strip()]
            assert len(lines) <= 15, (
                f"a code cell of {len(lines)} lines; split it or move machinery to utils:\n" + "\n".join(lines[:3])
            )


def test_summary_and_references(nb):
    text = markdown(nb)
    assert section(text, "Summary").strip(), "a Summary section"
    assert re.search(r"^#+ .*What's next", text, re.M | re.I), "a 'What's next' section"
    refs = section(text, "References")
    assert re.search(r"https?://", refs), "References with URLs"


def _exercise_ids(nb, solution: bool) -> set[str]:
    ids = set()
    for cell in nb.cells:
        if cell.cell_type == "code" and nbtools.is_solution(cell) == solution and not nbtools.is_hint_demo(cell):
            ids |= set(EXERCISE_CALL.findall(nbtools.source(cell)))
    return ids


def _registry(nb_path):
    import importlib

    return importlib.import_module(f"utils.exercises.lesson{lesson_number(nb_path):02d}")


def _written(nb_path) -> dict[str, str]:
    return dict(getattr(_registry(nb_path), "WRITTEN", {}))


def test_exercises_have_placeholders_checks_and_solutions(nb, nb_path):
    number = lesson_number(nb_path)
    asked = _exercise_ids(nb, solution=False)
    solved = _exercise_ids(nb, solution=True)
    minimum = 1 if number == 0 else 3
    assert len(asked) + len(_written(nb_path)) >= minimum, f"at least {minimum} exercises"
    assert asked == solved, f"every exercise needs a worked solution tagged 'solution': {asked ^ solved}"
    assert all(i.startswith(f"{number:02d}.") for i in asked), "exercise ids start with the lesson number"
    for ex_id in asked:
        _get_exercise(ex_id)  # exists in utils.exercises
    for cell in nb.cells:
        if cell.cell_type != "code" or nbtools.is_hint_demo(cell):  # a hint shown on a wrong answer on purpose
            continue
        src = nbtools.source(cell)
        ids = EXERCISE_CALL.findall(src)
        if ids and not nbtools.is_solution(cell):
            assert "..." in src, f"exercise cell for {ids} must hold the placeholder '...'"
            assert nbtools.is_checked(cell), "exercise cells are checked by nbval ('Not answered yet')"
            text = str(cell.get("outputs"))
            assert "Not answered yet" in text, f"{ids}: stored output should say 'Not answered yet'"
        if ids and nbtools.is_solution(cell):
            assert nbtools.is_checked(cell), "solution cells are checked by nbval (they must say 'Correct')"
            text = str(cell.get("outputs"))
            assert "Correct" in text and "Not yet" not in text, f"{ids}: the worked solution must pass its own check"


_YOUR_LINE_BLOCK = re.compile(r"^with fc\.your_line\(.*\n((?:[ \t]+.*(?:\n|$))+)", re.M)


def _unwrapped(src: str) -> str:
    """``src`` with each ``with fc.your_line(...)`` block's body dedented in its place: the student's line
    inside such a block (which turns a unit slip into a short note) is a top-level line of the cell."""
    return _YOUR_LINE_BLOCK.sub(lambda m: textwrap.dedent(m.group(1)), src)


def test_exercise_cells_hold_exactly_the_placeholder_line(nb):
    """``answer_k = ...`` (a comment may follow) and ``utils.check("NN.k", answer_k, ...)``: the
    student's line, the one the natural-answer test replaces."""
    for cell in nb.cells:
        if cell.cell_type != "code" or nbtools.is_solution(cell) or nbtools.is_hint_demo(cell):
            continue
        src = _unwrapped(nbtools.source(cell))
        for ex_id in EXERCISE_CALL.findall(src):
            k = ex_id.split(".")[1]
            assert re.search(rf"^answer_{k} = \.\.\.(?:[ \t]+#.*)?$", src, re.M), (
                f"the exercise cell of {ex_id} must have the line 'answer_{k} = ...' (optionally a comment):\n{src}"
            )
            assert re.search(rf"utils\.check\(\s*[\"']{re.escape(ex_id)}[\"']\s*,\s*answer_{k}\b", src), (
                f"the exercise cell of {ex_id} must check answer_{k}:\n{src}"
            )


def test_every_registered_exercise_is_used(nb, nb_path):
    module = _registry(nb_path)
    assert set(module._EXERCISES) == _exercise_ids(nb, solution=False)
    written = _written(nb_path)
    both = set(module._EXERCISES) & set(written)
    assert not both, f"an exercise is either self-checked or written, not both: {sorted(both)}"
    prefix = f"{lesson_number(nb_path):02d}."
    ids = sorted(set(module._EXERCISES) | set(written), key=lambda i: int(i.split(".")[1]))
    assert all(i.startswith(prefix) for i in ids), f"ids must start with {prefix}: {ids}"
    assert [int(i.split(".")[1]) for i in ids] == list(range(1, len(ids) + 1)), (
        f"self-checked and written exercises share one numbering 1, 2, 3, ... without gaps: {ids}"
    )


def _heading_cell(nb, k: int) -> int | None:
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "markdown" and re.search(rf"^#+\s+Exercise {k}\b", nbtools.source(cell), re.M):
            return i
    return None


def test_self_checked_exercises_have_a_heading_before_their_check(nb):
    """Every self-checked exercise ``NN.k`` is asked under a markdown heading ``### Exercise k``: the last
    exercise heading before its check cell is its own, so a lost heading (and its task text) fails here."""
    last_heading = None
    for cell in nb.cells:
        src = nbtools.source(cell)
        if cell.cell_type == "markdown":
            found = re.findall(r"^###\s+Exercise (\d+)\b", src, re.M)
            if found:
                last_heading = int(found[-1])
            continue
        if cell.cell_type != "code" or nbtools.is_solution(cell) or nbtools.is_hint_demo(cell):
            continue
        for ex_id in EXERCISE_CALL.findall(src):
            k = int(ex_id.split(".")[1])
            assert last_heading == k, (
                f"{ex_id}: its check cell needs the markdown heading '### Exercise {k} · ...' (and the task) "
                f"before it; the last exercise heading above it is {last_heading and f'Exercise {last_heading}'}"
            )


def test_written_exercises_have_a_question_an_answer_cell_and_a_model_answer(nb, nb_path):
    written = _written(nb_path)
    page = (GUIDE / nb_path.with_suffix(".md").name).read_text(encoding="utf-8")
    for ex_id, title in sorted(written.items()):
        k = int(ex_id.split(".")[1])
        assert re.match(rf"Exercise {k} · \S", title), f"WRITTEN[{ex_id!r}] = {title!r}: write 'Exercise {k} · title'"
        h = _heading_cell(nb, k)
        assert h is not None, f"{ex_id}: no markdown heading '### Exercise {k} · ...' in the notebook"
        heading = re.search(rf"^#+\s+(Exercise {k}\b.*)$", nbtools.source(nb.cells[h]), re.M).group(1).strip()
        assert heading == title, f"{ex_id}: the heading {heading!r} and WRITTEN's title {title!r} differ"
        following = []
        for cell in nb.cells[h + 1 :]:
            tags = cell.get("metadata", {}).get("tags", [])
            if cell.cell_type == "markdown" and not tags and re.match(r"#", nbtools.source(cell).lstrip()):
                break
            following.append(cell)
        answers = [c for c in following if c.cell_type == "markdown" and "answer" in c.metadata.get("tags", [])]
        solutions = [c for c in following if c.cell_type == "markdown" and nbtools.is_solution(c)]
        assert answers and "*Your answer:*" in nbtools.source(answers[0]), (
            f"{ex_id}: after the question, a markdown cell tagged 'answer' with '*Your answer:* ...'"
        )
        assert solutions and nbtools.source(solutions[0]).strip(), (
            f"{ex_id}: a model answer in a markdown cell tagged 'solution'"
        )
        for part in ("model answer", "rubric"):
            assert f"**{ex_id} {part}:**" in page, (
                f"{nb_path.with_suffix('.md').name}: its Answers section needs '**{ex_id} {part}:**'"
            )


def _goals(nb) -> list[str]:
    block = section(markdown(nb), "Learning goals")
    return re.findall(r"^\s*(?:[-*]|\d+\.)\s+(.*)$", block, re.M)


def test_goals_table_maps_every_goal_to_exercises(nb, nb_path):
    text = markdown(nb)
    goals = _goals(nb)
    assert re.search(r"^#+\s+Goals and exercises\s*$", text, re.M), (
        "the Overview needs a '### Goals and exercises' table right after the learning goals"
    )
    order = [text.find(h) for h in ("Learning goals", "Goals and exercises", "Prerequisites")]
    assert order == sorted(order), "'Goals and exercises' goes right after 'Learning goals', before 'Prerequisites'"
    table = section(text, "Goals and exercises")
    assert re.search(r"^\|\s*goal\s*\|\s*tested by\s*\|", table, re.M | re.I), "table header '| goal | tested by |'"
    rows = dict(re.findall(r"^\|\s*(G\d+)\s*\|(.*)\|\s*$", table, re.M))
    wanted = [f"G{i}" for i in range(1, len(goals) + 1)]
    assert sorted(rows, key=lambda g: int(g[1:])) == wanted, (
        f"one row per learning goal ({', '.join(wanted)}), found {sorted(rows)}"
    )
    known = set(_registry(nb_path)._EXERCISES) | set(_written(nb_path))
    for goal, cell in rows.items():
        ids = re.findall(r"`(\d\d\.\d+)`", cell)
        assert ids, f"{goal} is tested by no exercise"
        unknown = [i for i in ids if i not in known]
        assert not unknown, f"{goal}: {unknown} are neither in _EXERCISES nor in WRITTEN"
        for k, ex_id in re.findall(r"Exercise (\d+) \(`(\d\d\.\d+)`\)", cell):
            assert ex_id.endswith(f".{k}"), f"{goal}: 'Exercise {k}' is labelled with the id {ex_id}"


@pytest.mark.parametrize("lesson", [p for p in NOTEBOOKS if lesson_number(p) >= 1], ids=lambda p: p.name)
def test_lessons_have_a_widget_and_checked_results(lesson):
    nb = nbtools.read(lesson)
    code = "\n".join(nbtools.source(c) for c in nb.cells if c.cell_type == "code")
    assert re.search(r"\binteract|widgets\.", code), "an Explore widget"
    checked = [c for c in nb.cells if nbtools.is_checked(c) and not EXERCISE_CALL.search(nbtools.source(c))]
    assert checked, "key results marked # NBVAL_CHECK_OUTPUT"


def test_solutions_do_not_feed_later_cells(nb):
    """The student version (solutions removed) must still run: nothing later may need a solution's names."""
    only_in_solutions: set[str] = set()
    outside: set[str] = set()  # names a student cell assigns (e.g. a placeholder a solution then fills)
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        src = _unwrapped(nbtools.source(cell))
        assigned = set(re.findall(r"^([A-Za-z_]\w*)\s*=", src, re.M))
        if nbtools.is_solution(cell):
            only_in_solutions |= assigned - outside
            continue
        used = set(re.findall(r"[A-Za-z_]\w*", src)) - assigned
        leaked = used & only_in_solutions
        assert not leaked, f"a cell uses {leaked}, defined only in a solution cell"
        only_in_solutions -= assigned
        outside |= assigned


def time_to_learn(nb) -> int:
    m = re.search(r"\*\*Time to learn:\*\*\D*(\d+)\s*min", markdown(nb))
    assert m, "the overview must state '**Time to learn:** about N min'"
    return int(m.group(1))


def _plan_rows(nb) -> list[tuple[str, str]]:
    """The overview's ``### Plan`` table as (part, minutes) pairs: first and last cell of each row."""
    rows = []
    for line in section(markdown(nb), "Plan").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.lstrip().startswith("|") and len(cells) >= 2 and not set(cells[-1]) <= set("-: "):
            rows.append((cells[0], cells[-1]))
    return rows[1:]  # the header row


def homework_minutes(nb) -> int | None:
    m = re.search(r"\*\*Time to learn:\*\*[^\n]*?plus about (\d+) min of homework", markdown(nb))
    return int(m.group(1)) if m else None


def test_plan_adds_up_to_the_time_to_learn(nb):
    """The class path fits a 45-90 minute lesson, and the plan's minutes add up to what the overview states.

    Rows whose part starts with "Homework" are homework; rows whose minutes read "not counted" are optional.
    """
    rows = _plan_rows(nb)
    assert rows, "the overview needs a '### Plan' table: | part | ... | minutes |"
    in_class, homework = 0, 0
    for part, minutes in rows:
        if minutes.lower().strip("*") == "not counted":
            continue
        assert minutes.strip("*").isdigit(), f"plan row {part!r}: minutes must be a whole number or 'not counted'"
        if re.match(r"\W*homework", part, re.I):
            homework += int(minutes.strip("*"))
        else:
            in_class += int(minutes.strip("*"))
    minutes = time_to_learn(nb)
    assert 45 <= minutes <= 90, f"a lesson takes 45-90 minutes in class; this one says {minutes}"
    assert in_class == minutes, f"the plan's class rows add up to {in_class} min; the overview says {minutes}"
    stated = homework_minutes(nb)
    assert (stated or 0) == homework, f"the plan's homework rows add up to {homework} min; the overview says " + (
        f"{stated}" if stated else "none ('**Time to learn:** about N min in class, plus about M min of homework.')"
    )


def test_readme_course_map_lists_every_notebook():
    for path in NOTEBOOKS:
        assert path.name in README, f"README's course map must list {path.name}"


def test_course_map_times_match_the_notebooks(nb, nb_path):
    """README and INSTRUCTORS.md quote each lesson's time; they must agree with the notebook."""
    minutes = time_to_learn(nb)
    for doc in ("README.md", "INSTRUCTORS.md"):
        rows = [
            line
            for line in (ROOT / doc).read_text(encoding="utf-8").splitlines()
            if line.startswith(f"| `{nb_path.name}`")
        ]
        assert rows, f"{doc} has no table row for {nb_path.name}"
        quoted = re.findall(r"\|\s*(\d+) min\s*\|\s*$", rows[0])
        assert quoted == [str(minutes)], (
            f"{doc} quotes {quoted} min for {nb_path.name}; the notebook says {minutes} min"
        )


def test_instructor_guide_covers_every_notebook():
    guide = ROOT / "docs" / "instructors"
    for path in NOTEBOOKS:
        page = guide / path.with_suffix(".md").name
        assert page.exists(), f"missing instructor page {page.relative_to(ROOT)}"
        text = page.read_text(encoding="utf-8")
        for part in ("Learning goals", "Timing", "Misconceptions", "Discussion", "Answers", "Adapting"):
            assert re.search(rf"^#+ .*{part}", text, re.M | re.I), f"{page.name}: section '{part}'"
