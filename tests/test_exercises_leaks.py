"""Nothing in a student version gives an exercise's answer away.

Every student version is run with the check calls recorded; then every number a
student can read in it (markdown, printed output, tables, widget output; with
the unit printed after it, if any) is tried as an answer to every exercise, with
the inputs the notebook passed, through the real check.  None may be Correct.
"""

from __future__ import annotations

import ast

import astropy.units as u
import nbformat
import pytest

import nbtools
from exercises import CHECK_CALL, NOTEBOOKS, Call, find_leaks, find_numbers, parse_unit, registry, visible_text

START = "00-start-here.ipynb"


# --------------------------------------------------------------------------
# the finder itself
# --------------------------------------------------------------------------


def test_finder_reads_numbers_with_their_units():
    text = "Dawn was 4,500 mi up (1.2e+06 km), at 327 K and 2.50 AU; light: 3 × 10^5 km/s, 54 °C, 12%."
    found = {(n.value, n.unit_token) for n in find_numbers(text)}
    assert {(4500.0, "mi"), (1.2e6, "km"), (327.0, "K"), (2.5, "AU"), (3e5, "km/s"), (54.0, "°C"), (12.0, "%")} <= found
    scaled = {(n.value, n.unit_token) for n in find_numbers("ahead by 0.83 million km; 1.5 thousand miles; 2 billion")}
    assert scaled == {(0.83e6, "km"), (1500.0, "miles"), (2e9, None)}
    assert find_numbers("at 00:28 UTC on 2009-02-18, see https://x.org/583") == []
    assert parse_unit("mi") == u.imperial.mile and parse_unit("°C") == u.deg_C and parse_unit("km/s") == u.km / u.s
    assert parse_unit("in") is None and parse_unit("Ceres") is None


def _synthetic(markdown: str = "", stream: str = "", html: str = "", alt: str = ""):
    cells = [nbformat.v4.new_markdown_cell("# A lesson\nDawn's Survey orbit was 2,700 miles up." + markdown)]
    code = nbformat.v4.new_code_cell("print(...)")
    if stream:
        code.outputs.append(nbformat.v4.new_output("stream", name="stdout", text=stream))
    if html:
        code.outputs.append(nbformat.v4.new_output("display_data", data={"text/html": html, "text/plain": "<table>"}))
    if alt:
        figure = {"image/png": "iVBORw0KGgo=", "text/plain": "<Figure size 640x480 with 1 Axes>"}
        code.outputs.append(nbformat.v4.new_output("display_data", data=figure, metadata={"image/png": {"alt": alt}}))
    cells.append(code)
    return nbformat.v4.new_notebook(cells=cells)


# 00.1 converts a distance in miles to km; 1500 mi is 2414.016 km (checked to 0.16 %, so 2,410 km is not a leak).
CALL = Call("00.1", 1, "unanswered", "", {"distance": 1500 * u.imperial.mile})


@pytest.mark.parametrize(
    "planted",
    [
        {"markdown": " Converted, that is about 2,414 km."},
        {"stream": "2414.016 km\n"},
        {"stream": "2.414e+03 km\n"},
        {"html": "<table><tr><td>distance</td><td>2414</td><td>km</td></tr></table>"},
        {"stream": "2414016 m\n"},
        {"markdown": " That is 1.5 thousand miles, or 2.414 × 10^3 km."},
        {"stream": "about 2.414 thousand km\n"},
        {"alt": "A bar 2,414 km long beside Ceres' disc."},
    ],
    ids=["markdown", "print", "print-rounded", "html-table", "metres", "times-ten", "scale-word", "alt-text"],
)
def test_finder_reports_a_planted_leak(planted):
    nb = _synthetic(**planted)
    leaks = find_leaks(nb, [CALL])
    assert leaks, f"planted {planted} was not reported"
    assert all(leak.id == "00.1" for leak in leaks)


@pytest.mark.parametrize(
    "shown",
    [
        {"markdown": " The input is 1,500 mi."},  # the exercise's own input, as the notebook gives it
        {"stream": "2414016\n"},  # bare: tried bare and in the expected unit (km), not in m
        {"stream": "2.3e+03 km\n"},  # 5 % off: beyond the tolerance
        {"stream": "2.41e+03 km\n"},  # 0.17 % off: just beyond 00.1's 0.16 %
        {"stream": "2414 K\n"},  # printed with another kind of unit
        {"markdown": " See https://example.org/2414/km and 2015-03-06 00:24:14."},  # an address, a date
        {"markdown": " Exercise 2414 is optional, and so are exercises 8, 2414 and 14."},  # exercise numbers
    ],
    ids=[
        "the-input-itself",
        "bare-metres",
        "too-rounded",
        "just-beyond",
        "other-unit",
        "url-and-date",
        "exercise-numbers",
    ],
)
def test_finder_does_not_count_inputs_or_other_numbers(shown):
    assert find_leaks(_synthetic(**shown), [CALL]) == []


def test_a_count_of_things_is_tried_as_a_plain_number_only():
    """'217 pixels' can answer a pixel count, never a 217 K temperature; a bare 217 is tried as both."""
    from exercises import Number, _candidates

    assert _candidates(Number(217.0, "pixels", "", "217 pixels"), 217 * u.K) == [(217.0, "as a count")]
    bare = _candidates(Number(217.0, None, "", "217"), 217 * u.K)
    assert (217 * u.K, "in the expected unit K") in bare


def test_finder_reports_nothing_without_a_leak():
    nb = _synthetic(
        markdown=" In 2015 it took 17 days to get there.", stream="Ceres: 939.4 km across\n", html="<b>4500 km</b>"
    )
    assert find_leaks(nb, [CALL]) == []
    assert [w for w, _ in visible_text(nb)] == [
        "cell 0 (markdown)",
        "cell 1 (output)",
        "cell 1 (output)",
        "cell 1 (output)",
    ]


def _check_kwargs(cell) -> tuple[str, str] | None:
    """The id and the ``name=value`` inputs of a cell's ``utils.check(...)`` call, as source text."""
    for node in ast.walk(ast.parse(nbtools.source(cell))):
        if isinstance(node, ast.Call) and ast.unparse(node.func) == "utils.check" and node.args:
            ex_id = ast.literal_eval(node.args[0])
            return ex_id, ", ".join(ast.unparse(k) for k in node.keywords)
    return None


def _with_planted_print(path):
    """The student version with a cell printing the first exercise's expected answer, right after it."""
    nb = nbtools.student_version(nbtools.read(path))
    where = next(i for i, c in enumerate(nb.cells) if c.cell_type == "code" and CHECK_CALL.search(nbtools.source(c)))
    ex_id, kwargs = _check_kwargs(nb.cells[where])
    nb.cells.insert(where + 1, nbformat.v4.new_code_cell(f'print(utils.checks._expected_answer("{ex_id}", {kwargs}))'))
    nb.metadata["planted"] = {"cell": where + 1, "id": ex_id}
    return nb


def test_finder_reports_a_print_planted_in_a_real_lesson(runner):
    """A copy of lesson 00's student version with one cell printing an answer: the finder must see it."""
    path = next(p for p in NOTEBOOKS if p.name == START)
    run = runner.run("planted", path, _with_planted_print)
    assert run.error is None, run.error
    planted = run.nb.metadata["planted"]
    assert run.cell_errors(planted["cell"]) == []
    leaks = find_leaks(run.nb, run.calls)
    assert any(leak.id == planted["id"] and leak.where == f"cell {planted['cell']} (output)" for leak in leaks), (
        "\n".join(map(str, leaks)) or "no leak found"
    )


# --------------------------------------------------------------------------
# every lesson
# --------------------------------------------------------------------------


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_student_version_hands_over_no_solver(path):
    """No code cell a student sees fetches an exercise or its solver: tab completion would show ``.solve``."""
    nb = nbtools.student_version(nbtools.read(path))
    found = [
        f"cell {i}: {name}"
        for i, cell in enumerate(nb.cells)
        if cell.cell_type == "code"
        for name in ("get_exercise", ".solve(", "expected_answer", ".expected(")
        if name in nbtools.source(cell)
    ]
    assert not found, f"the student version calls an exercise's solver: {found}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_student_version_gives_no_answer_away(runner, path):
    run = runner.student(path)
    assert run.error is None, f"the student version did not run: {run.error}"
    registered = set(registry(path)._EXERCISES)
    checked = {c.id for c in run.calls if c.inputs is not None}
    unreadable = [f"{c.id}: {c.error}" for c in run.calls if c.inputs is None]
    assert not unreadable, f"recorded inputs that cannot be read back: {unreadable}"
    assert registered <= checked, (
        f"{sorted(registered - checked)} never ran their check in the student version, so they cannot be "
        "tested for leaks (an error before them? see the notebook's nbval test)"
    )
    leaks = find_leaks(run.nb, run.calls)
    assert not leaks, f"{len(leaks)} numbers in the student version are accepted as answers:\n" + "\n".join(
        f"  {leak}" for leak in leaks
    )
