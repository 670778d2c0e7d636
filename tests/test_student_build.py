"""One source, two builds: student versions without solutions, and the answer key."""

from __future__ import annotations

import re

import nbformat
import pytest

import nbtools
from conftest import ROOT

NOTEBOOKS = nbtools.lesson_notebooks(ROOT / "notebooks")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("build")
    made = nbtools.build(out, NOTEBOOKS)
    return out, made


@pytest.fixture(scope="module")
def key00(tmp_path_factory):
    """The executed answer key of lesson 00, built over a stale key left in the folder."""
    out = tmp_path_factory.mktemp("key")
    (out / "answer-key").mkdir()
    (out / "answer-key" / "99-removed-lesson.html").write_text("stale", encoding="utf-8")
    (out / "answer-key" / "00-start-here.ipynb").write_text("{}", encoding="utf-8")
    made = nbtools.build(out, [ROOT / "notebooks" / "00-start-here.ipynb"], answer_key=True)
    return out, made


def _solution_lines(nb) -> list[str]:
    """Distinctive lines of the solution cells (long enough not to occur by chance).

    A line that the exercise's own cells also hold (the check call and its continuation lines) is no
    solution text.
    """
    shown = {
        ln.strip() for cell in nb.cells if not nbtools.is_solution(cell) for ln in nbtools.source(cell).splitlines()
    }
    lines = []
    for cell in nb.cells:
        if nbtools.is_solution(cell):
            for ln in nbtools.source(cell).splitlines():
                ln = ln.strip()
                if len(ln) >= 20 and not ln.startswith(("#", "utils.check(")) and ln not in shown:
                    lines.append(ln)
    return lines


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_student_version_has_no_solution_text(built, path):
    out, _ = built
    student = nbtools.read(out / "student" / path.name)
    original = nbtools.read(path)
    assert not any(nbtools.is_solution(c) for c in student.cells)
    text = (out / "student" / path.name).read_text(encoding="utf-8")
    lines = _solution_lines(original)
    assert lines, "the lesson has worked solutions to remove"
    left = [ln for ln in lines if ln in text]
    assert left == [], f"solution text left in the student version: {left[:3]}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_student_version_keeps_everything_else(built, path):
    out, _ = built
    student = nbtools.read(out / "student" / path.name)
    original = nbtools.read(path)
    kept = [c for c in original.cells if not nbtools.is_solution(c)]

    def unmarked(text):  # the student version drops the nbval marker lines, nothing else
        return "".join(x for x in text.splitlines(keepends=True) if x.strip() != f"# {nbtools.CHECK_MARK}")

    expected = [unmarked(nbtools.source(nbtools.without_key_links(c))) for c in kept]
    assert [nbtools.source(c) for c in student.cells] == expected
    assert not any(nbtools.CHECK_MARK in nbtools.source(c) for c in student.cells)
    placeholders = [  # an exercise's own check cell; a hint demonstration checks a deliberately wrong answer
        c
        for c in student.cells
        if c.cell_type == "code" and re.search(r"utils\.check\(", nbtools.source(c)) and not nbtools.is_hint_demo(c)
    ]
    assert placeholders and all("..." in nbtools.source(c) for c in placeholders)
    assert nbtools.stray_outputs(student) == []


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_student_version_has_no_outputs_and_no_execution_counts(built, path):
    """Nothing a student opens was computed beforehand: a stored output could print an answer."""
    out, _ = built
    original = nbtools.read(path)
    assert any(c.get("outputs") for c in original.cells if c.cell_type == "code"), (
        "the lesson keeps checked outputs for nbval (so this test means something)"
    )
    student = nbtools.read(out / "student" / path.name)
    for i, cell in enumerate(student.cells):
        if cell.cell_type == "code":
            assert cell.outputs == [], f"cell {i} of the student version has outputs"
            assert cell.execution_count is None, f"cell {i} of the student version has an execution count"
            assert "keep_output" not in cell.metadata


def test_building_without_the_key_writes_no_key_and_removes_a_stale_one(tmp_path):
    path = ROOT / "notebooks" / "00-start-here.ipynb"
    key = tmp_path / "answer-key"
    key.mkdir()
    (key / "00-start-here.html").write_text("old", encoding="utf-8")
    (key / nbtools.KEY_STAMP).write_text(nbtools.key_fingerprint([path]), encoding="utf-8")
    made = nbtools.build(tmp_path, [path])
    assert made["answer-key"] == []
    assert (key / "00-start-here.html").exists(), "a current key is kept"
    (key / nbtools.KEY_STAMP).write_text("something else", encoding="utf-8")
    nbtools.build(tmp_path, [path])
    assert not key.exists(), "a stale answer key must be removed"
    (tmp_path / "student" / "07-old-name.ipynb").write_text("{}", encoding="utf-8")
    nbtools.build(tmp_path, [path])
    assert sorted(p.name for p in (tmp_path / "student").iterdir()) == [path.name], (
        "student versions of notebooks that no longer exist are removed"
    )


def test_answer_key_is_executed_and_replaces_the_old_one(key00):
    out, made = key00
    names = sorted(p.name for p in (out / "answer-key").iterdir())
    assert names == sorted(["00-start-here.html", "00-start-here.ipynb", nbtools.KEY_STAMP])
    assert nbtools.answer_key_is_current(out, [ROOT / "notebooks" / "00-start-here.ipynb"])
    key = nbtools.read(out / "answer-key" / "00-start-here.ipynb")
    original = nbtools.read(ROOT / "notebooks" / "00-start-here.ipynb")
    assert sum(nbtools.is_solution(c) for c in key.cells) == sum(nbtools.is_solution(c) for c in original.cells) > 0
    code = [c for c in key.cells if c.cell_type == "code"]
    assert all(c.execution_count is not None for c in code), "every cell of the key ran"
    for cell in key.cells:
        if nbtools.is_solution(cell) and "utils.check(" in nbtools.source(cell):
            assert "Correct" in nbtools.output_text(cell), nbtools.source(cell)


def test_a_key_that_fails_to_run_leaves_no_key(tmp_path):
    import nbformat

    broken = tmp_path / "src" / "00-broken.ipynb"
    broken.parent.mkdir()
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("raise RuntimeError('broken lesson')")])
    nbformat.write(nb, str(broken))
    (tmp_path / "out" / "answer-key").mkdir(parents=True)
    (tmp_path / "out" / "answer-key" / "00-broken.html").write_text("old", encoding="utf-8")
    with pytest.raises(Exception, match="broken lesson"):
        nbtools.build(tmp_path / "out", [broken], answer_key=True)
    assert not (tmp_path / "out" / "answer-key").exists()
    assert not list((tmp_path / "out").glob(".answer-key-*")), "no half-built key is left behind"


def test_tasks_test_builds_student_versions_only(monkeypatch):
    """``tasks.py test`` must not write an (unexecuted) answer key; ``tasks.py student`` runs it."""
    import importlib
    import sys

    sys.path.insert(0, str(ROOT))
    try:
        tasks = importlib.import_module("tasks")
    finally:
        sys.path.remove(str(ROOT))
    calls, commands = [], []
    monkeypatch.setattr(tasks, "setup", lambda quiet=False: None)
    monkeypatch.setattr(tasks, "chromium", lambda: None)
    monkeypatch.setattr(tasks, "run", lambda cmd, **kw: commands.append([str(c) for c in cmd]) or 0)
    real_build = tasks.build_student
    monkeypatch.setattr(tasks, "build_student", lambda answer_key=False: calls.append(answer_key) or 0)
    monkeypatch.delenv("BRIGHT_SPOTS_REQUIRE_BROWSER", raising=False)
    tasks.main(["test", "--co"])
    tasks.main(["student"])
    tasks.main(["student", "--no-execute"])
    assert calls == [False, True, False]
    real_build(answer_key=False)
    assert commands[-1][-2:] == [str(ROOT / "tools" / "nbtools.py"), "build"], "no --answer-key"
    real_build(answer_key=True)
    assert commands[-1][-3:] == [str(ROOT / "tools" / "nbtools.py"), "build", "--answer-key"]


def test_answer_key_html_shows_each_widget_in_its_default_state(key00):
    """A printed or HTML answer key shows the widget's default figure, not ``interactive(...)`` text."""
    out, made = key00
    path = ROOT / "notebooks" / "00-start-here.ipynb"
    html = next(p for p in made["answer-key"] if p.suffix == ".html").read_text(encoding="utf-8")
    assert "interactive(children=" not in html
    assert "default state" in html
    key = nbtools.read(out / "answer-key" / path.name)
    static = nbtools.static_widget_views(key)
    widget_cells = [
        i
        for i, c in enumerate(key.cells)
        if c.cell_type == "code" and any(nbtools.WIDGET_VIEW in o.get("data", {}) for o in c.get("outputs", []))
    ]
    assert widget_cells, "lesson 00 has an interact widget"
    figures = 0
    for i in widget_cells:
        kinds = [k for o in static.cells[i].outputs for k in o.get("data", {})]
        assert nbtools.WIDGET_VIEW not in kinds, f"cell {i}: a widget view left in the static view"
        plain = "".join(o.get("data", {}).get("text/plain", "") for o in static.cells[i].outputs)
        if "[interactive widget" in plain:
            assert "image/png" in kinds, f"cell {i}: the widget's default figure is missing from the static view"
            figures += 1
        else:
            assert "[control widget]" in plain, f"cell {i}: a control widget without its stand-in"
    assert figures, "lesson 00's altitude widget shows its default figure"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_student_version_does_not_send_students_to_the_answer_key(built, path):
    """ "Check yourself" links to an instructor page serve self-learners; in a class's copy they lead to the answers."""
    out, _ = built
    student = nbtools.read(out / "student" / path.name)
    linked = [i for i, c in enumerate(student.cells) if "instructors/" in nbtools.source(c)]
    assert linked == [], f"cells {linked} of the student version link to an instructor page"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_a_paragraph_with_a_key_link_is_only_a_pointer(path):
    """The student build drops a linking paragraph whole, so it must hold the pointer and nothing a student needs.

    A self-check list ("Check your answer: (a) ... (b) ...") that ends with "Working alone? ..." in the same
    paragraph would leave the student with an empty cell.
    """
    import re

    long = []
    for i, cell in enumerate(nbtools.read(path).cells):
        if cell.cell_type != "markdown" or nbtools.SOLUTION_TAG in cell.metadata.get("tags", []):
            continue
        for paragraph in re.split(r"\n\s*\n", nbtools.source(cell)):
            if nbtools.KEY_LINK.search(paragraph) and len(paragraph.split()) > 35:
                long.append((i, paragraph[:60]))
    assert long == [], f"paragraphs that link to an instructor page also hold other text (own paragraph?): {long}"


def test_a_key_link_takes_only_its_own_paragraph_with_it():
    import nbformat

    text = (
        "### Exercise 9 · explain\nSay why.\n\n*A good answer mentions:* the cause.\n\n"
        "*Check yourself:* compare with the\n[model answer](../docs/instructors/09-x.md#answers)."
    )
    cell = nbformat.v4.new_markdown_cell(text)
    kept = nbtools.source(nbtools.without_key_links(cell))
    assert kept == "### Exercise 9 · explain\nSay why.\n\n*A good answer mentions:* the cause."
    assert nbtools.source(cell) == text, "the lesson itself keeps the link"
    code = nbformat.v4.new_code_cell("# see docs/instructors/09-x.md\nx = 1")
    assert nbtools.source(nbtools.without_key_links(code)) == nbtools.source(code)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_student_version_keeps_details_tags_balanced(built, path):
    """Every folded block that a student markdown cell opens is closed in the same cell."""
    out, _ = built
    student = nbtools.read(out / "student" / path.name)
    unbalanced = []
    for i, cell in enumerate(student.cells):
        if cell.cell_type != "markdown":
            continue
        text = nbtools.source(cell)
        opened, closed = len(re.findall(r"<details\b", text)), len(re.findall(r"</details>", text))
        if opened != closed:
            unbalanced.append((i, opened, closed))
    assert unbalanced == [], f"student cells with unbalanced <details> tags (cell, opened, closed): {unbalanced}"


def test_a_dropped_key_link_keeps_the_closing_tag_under_it():
    import nbformat

    text = (
        "<details><summary>Optional</summary>\n\nSay why.\n\n"
        "*Check yourself:* compare with the\n[model answer](../docs/instructors/09-x.md#answers).\n</details>"
    )
    kept = nbtools.source(nbtools.without_key_links(nbformat.v4.new_markdown_cell(text)))
    assert kept == "<details><summary>Optional</summary>\n\nSay why.\n\n</details>"


def _img_alts(html_text: str) -> list[str]:
    from bs4 import BeautifulSoup

    return [img.get("alt") for img in BeautifulSoup(html_text, "html.parser").find_all("img")]


def test_exported_html_gives_each_figure_the_alt_text_from_its_metadata():
    """nbconvert's template ignores the alt text utils.style.show stores; the key's exporter writes it in."""
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("show(fig, alt=...)")
    png = "iVBORw0KGgo="
    alt = 'Temperature against albedo: a "steep" curve & <no> markup'
    cell.outputs = [
        nbformat.v4.new_output("display_data", data={"image/png": png}, metadata={"image/png": {"alt": alt}}),
        nbformat.v4.new_output("display_data", data={"image/png": png}, metadata={"alt": "Only at the top level"}),
        nbformat.v4.new_output("display_data", data={"image/png": png}),
    ]
    nb.cells.append(cell)
    alts = _img_alts(nbtools.notebook_html(nb))
    assert alts[:2] == [alt, "Only at the top level"]
    assert alts[2] and "No description" in alts[2]  # a figure with none keeps nbconvert's notice


def test_the_answer_key_html_carries_every_figures_alt_text(key00):
    out, _ = key00
    key = nbtools.static_widget_views(nbtools.read(out / "answer-key" / "00-start-here.ipynb"))  # as exported
    wanted = [
        (o.get("metadata", {}).get("image/png") or {}).get("alt") or o.get("metadata", {}).get("alt")
        for c in key.cells
        for o in c.get("outputs", [])
        if "image/png" in o.get("data", {})
    ]
    alts = _img_alts((out / "answer-key" / "00-start-here.html").read_text(encoding="utf-8"))
    assert wanted and all(wanted), "lesson 00 shows a figure (its widget's still), with its alt text"
    assert not any("No description" in (a or "") for a in alts)
    assert set(wanted) <= set(alts)
