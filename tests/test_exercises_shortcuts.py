"""No public helper of ``utils`` and no variable a student version leaves behind answers an exercise.

Two shortcuts a reader can find by hand, looked for systematically:

* a public function of a ``utils`` module (offered by Tab completion after ``utils.orbits.``) that,
  called with the exercise's inputs, returns an answer the check accepts;
* a variable in the student's namespace, after the whole student version has run, that already holds
  an accepted answer.

Every student version (solution cells removed, each ``answer_k = ...`` left as it is) is run with one
extra cell at its end.  For each ``utils.check("ID", answer_k, name=expr, ...)`` call of the student
version, that cell evaluates the inputs in the final namespace and tries, through the exercise's real
check:

a. every user variable holding a number, a Quantity, a Time, a numpy scalar or a 0-d array;
b. every public function of the modules in ``utils.__all__`` (except ``checks``, ``grading``,
   ``style``, and the ``plot``/``draw``/``show`` functions), called with every ordered choice of one to
   three of the inputs as positional arguments that fits its signature, and once with the inputs whose
   names are its parameters as keywords; when a call returns a short tuple or list, each item is tried
   too (``helper(...)[i]``). An input that is an angle is also offered as its cosine (``np.cos(angle)``),
   since prompts that hand over angles tell the student to take their cosines.

A call is stopped after ``CALL_LIMIT`` seconds and its result ignored (it is counted as slow), and each
exercise has a time budget, so a helper that hangs cannot stall the test.  An exercise's own input, as
given, is never a finding (a unit conversion's input is its answer in another unit; see
``exercises.is_an_input``).  The cell prints what it found as JSON; the test reads it.

A finding fails the test unless ``ALLOWED`` names it, with its reason: a helper the exercise's own text
tells the student to call (or a tool an earlier lesson taught), or a numeric coincidence no method leads to.

The lessons run in the shared ``runner`` fixture, so ``pytest -n 2`` runs two at a time.
"""

from __future__ import annotations

import ast
import inspect
import json
import warnings
from pathlib import Path

import nbformat
import pytest

import nbtools
from exercises import NOTEBOOKS, ROOT, is_an_input, registry

#: Seconds one helper call may take before it is stopped and skipped.
CALL_LIMIT = 0.5
#: Seconds of helper calls per exercise; an exercise whose search runs out of it fails the test.
BUDGET = 30.0
#: Slow calls of one helper, for one exercise, after which its remaining calls there are skipped.
MAX_SLOW = 3
#: Modules of ``utils.__all__`` not searched: the checks themselves, graded-copy checks, figure style.
NOT_SEARCHED = ("checks", "grading", "style")

MARKER = "SHORTCUTS-JSON:"

#: ``(exercise id, "module.function")`` -> why the exercise's own text hands that helper to the student.
#: No exercise prompt does so today: every helper found does an exercise's whole job unasked.
ALLOWED: dict[tuple[str, str], str] = {
    ("03.8", "belt.diameter_constant"): "a numeric coincidence no method leads to: the diameter constant of an "
    "albedo, fed an eccentricity, happens to land within the tolerance of exercise 8's answer",
}


# --------------------------------------------------------------------------
# the finder: the check calls of a student version, and the cell that searches
# --------------------------------------------------------------------------


def check_calls(nb) -> list[dict]:
    """Every distinct ``utils.check("ID", answer, ...)`` call in the code cells of ``nb``.

    Each is ``{"id": ..., "cell": index, "inputs": [[name, expression], ...]}`` with the source text of
    each keyword argument; a ``**mapping`` argument has the name None.  A call repeated with the same
    inputs (a cell that shows a hint on a wrong answer on purpose) is listed once.
    """
    calls, seen = [], set()
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code" or "utils.check(" not in nbtools.source(cell):
            continue
        for node in ast.walk(ast.parse(nbtools.source(cell))):
            if not (isinstance(node, ast.Call) and ast.unparse(node.func) == "utils.check" and node.args):
                continue
            if not isinstance(node.args[0], ast.Constant) or not isinstance(node.args[0].value, str):
                continue
            inputs = [[k.arg, ast.unparse(k.value)] for k in node.keywords]
            key = (node.args[0].value, json.dumps(inputs))
            if key not in seen:
                seen.add(key)
                calls.append({"id": node.args[0].value, "cell": index, "inputs": inputs})
    return calls


def find_shortcuts(ns, calls, call_limit, budget, max_slow, not_searched):
    """Runs in the kernel, in the student's final namespace ``ns``: the variables and helper calls that
    answer each of ``calls`` (see :func:`check_calls`), as a JSON-ready dict."""
    import copy
    import dataclasses
    import inspect
    import itertools
    import numbers
    import signal
    import time
    import types
    import warnings

    import astropy.units as u
    import matplotlib.pyplot as plt
    import numpy as np
    from astropy.time import Time
    from IPython.utils.capture import capture_output

    import utils
    from utils.checks import _get_exercise

    class Slow(BaseException):  # not an Exception: a helper's own ``except Exception`` cannot swallow it
        pass

    def alarm(signum, frame):
        raise Slow()

    report = {"findings": [], "skipped": [], "slow": [], "cut": [], "searched": [], "helpers": 0, "variables": 0}

    variables = {}
    for name, value in list(ns.items()):
        if name.startswith("_") or name.startswith("answer_") or isinstance(value, (types.ModuleType, type)):
            continue
        if callable(value):
            continue
        if isinstance(value, Time):
            fits = value.isscalar
        elif isinstance(value, u.Quantity):
            fits = value.isscalar
        elif isinstance(value, np.ndarray):
            fits = value.ndim == 0
        else:
            fits = isinstance(value, (numbers.Number, np.generic))
        if fits:
            variables[name] = value
    report["variables"] = len(variables)

    helpers = []
    for module_name in utils.__all__:
        module = getattr(utils, module_name, None)
        if module_name in not_searched or not isinstance(module, types.ModuleType):
            continue
        for name, function in sorted(vars(module).items()):
            if name.startswith(("_", "plot", "draw", "show")) or not inspect.isfunction(function):
                continue
            if function.__module__ != module.__name__:
                continue
            try:
                signature = inspect.signature(function)
            except (TypeError, ValueError):
                continue
            helpers.append((f"{module_name}.{name}", function, signature))
    report["helpers"] = len(helpers)

    positional_kinds = (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)
    keyword_kinds = (inspect.Parameter.POSITIONAL_OR_KEYWORD, inspect.Parameter.KEYWORD_ONLY)

    def attempts(signature, inputs):
        """(label, args, kwargs) of every call to try with these inputs."""
        params = list(signature.parameters.values())
        if any(p.kind == inspect.Parameter.VAR_POSITIONAL for p in params):
            most = 3
        else:
            most = min(3, sum(p.kind in positional_kinds for p in params))
        names = list(inputs)
        for k in range(1, most + 1):
            for chosen in itertools.permutations(names, k):
                args = [inputs[n] for n in chosen]
                try:
                    signature.bind(*args)
                except TypeError:
                    continue
                yield ", ".join(chosen), chosen, ()
        keywords = tuple(
            n for n in names if n in signature.parameters and signature.parameters[n].kind in keyword_kinds
        )
        if keywords:
            try:
                signature.bind(**{n: inputs[n] for n in keywords})
            except TypeError:
                return
            yield ", ".join(f"{n}={n}" for n in keywords), (), keywords

    def copied(value):
        try:
            return copy.deepcopy(value)
        except Exception:
            return value

    previous = signal.signal(signal.SIGALRM, alarm)
    try:
        with capture_output(), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            for call in calls:
                ex_id = call["id"]
                try:
                    inputs = {}
                    for name, expression in call["inputs"]:
                        value = eval(expression, ns)
                        if name is None:
                            inputs.update(value)
                        else:
                            inputs[name] = value
                    exercise = _get_exercise(ex_id)
                    exercise.expected(**copied(inputs))
                except Exception as err:
                    report["skipped"].append({"id": ex_id, "why": f"{type(err).__name__}: {err}"[:300]})
                    continue

                # The likely mistakes only choose the hint for a wrong answer (computing them takes up to half a
                # second for some exercises): an answer the exercise without them refuses, the real one refuses too.
                # What it accepts is confirmed by the real check.
                quick = dataclasses.replace(exercise, mistakes=())

                def accepts(answer, quick=quick, exercise=exercise, inputs=inputs):
                    try:
                        return (
                            quick.check(answer, **copied(inputs)).ok
                            and exercise.check(answer, **copied(inputs)).ok
                            and not is_an_input(answer, inputs)
                        )
                    except Exception:
                        return False

                offered = dict(inputs)  # what the helpers are called with: the inputs, and the cosines of angles
                for name, value in inputs.items():
                    if isinstance(value, u.Quantity) and value.isscalar and value.unit.physical_type == "angle":
                        offered[f"np.cos({name})"] = np.cos(value)

                found = []
                for name, value in variables.items():
                    if accepts(value):
                        found.append({"id": ex_id, "shortcut": f"variable {name}", "helper": None})

                started = time.monotonic()
                tried = slow_total = 0
                for label, function, signature in helpers:
                    if time.monotonic() - started > budget:
                        report["cut"].append({"id": ex_id, "at": label, "tried": tried})
                        break
                    slow = 0
                    for shown, positional, keywords in attempts(signature, offered):
                        if slow >= max_slow:
                            report["slow"].append(
                                {"id": ex_id, "helper": label, "why": f"{slow} slow calls: rest skipped"}
                            )
                            break
                        args = [copied(offered[n]) for n in positional]
                        kwargs = {n: copied(offered[n]) for n in keywords}
                        figures = set(plt.get_fignums())
                        tried += 1
                        t0 = time.perf_counter()
                        try:
                            signal.setitimer(signal.ITIMER_REAL, call_limit)
                            try:
                                result = function(*args, **kwargs)
                            finally:
                                signal.setitimer(signal.ITIMER_REAL, 0)
                        except Slow:
                            result, slow = Slow, slow + 1
                        except Exception:
                            result = None
                        finally:
                            for number in set(plt.get_fignums()) - figures:
                                plt.close(number)
                        if result is not Slow and time.perf_counter() - t0 > call_limit:
                            result, slow = Slow, slow + 1  # it ran in code the alarm could not stop
                        if result is Slow:
                            slow_total += 1
                            continue
                        if result is None:
                            continue
                        candidates = [(f"{label}({shown})", result)]
                        if isinstance(result, (tuple, list)) and 1 < len(result) <= 4:
                            candidates += [(f"{label}({shown})[{i}]", item) for i, item in enumerate(result)]
                        for what, answer in candidates:
                            if accepts(answer):
                                found.append({"id": ex_id, "shortcut": f"helper {what}", "helper": label})
                report["findings"] += found
                report["searched"].append(
                    {"id": ex_id, "calls": tried, "slow": slow_total, "seconds": round(time.monotonic() - started, 2)}
                )
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    return report


def finder_cell(calls: list[dict]) -> str:
    """The source of the cell that searches the namespace and prints the report after :data:`MARKER`."""
    limits = f"{CALL_LIMIT!r}, {BUDGET!r}, {MAX_SLOW!r}, {NOT_SEARCHED!r}"
    return "\n\n".join(
        [
            "# Added by the shortcut test (not part of the lesson).\nfrom __future__ import annotations",
            inspect.getsource(is_an_input),
            inspect.getsource(find_shortcuts),
            "import json as _json\n"
            f"print({MARKER!r} + _json.dumps(find_shortcuts(get_ipython().user_ns, {calls!r}, {limits})))",
        ]
    )


def with_finder(nb):
    """``nb`` with the finder cell appended, searching for every check call of ``nb``."""
    nb.cells.append(nbformat.v4.new_code_cell(finder_cell(check_calls(nb))))
    return nb


def build_shortcut_run(path: Path):
    """The student version as it is handed out (every ``answer_k = ...`` unanswered), with the finder."""
    return with_finder(nbtools.student_version(nbtools.read(path)))


def report_of(run) -> dict:
    """The finder's report from an executed run; an AssertionError saying why when there is none."""
    assert run.error is None, f"the run failed: {run.error}"
    cell = run.nb.cells[-1]
    errors = run.cell_errors(len(run.nb.cells) - 1)
    assert not errors, f"the finder cell failed: {errors}"
    text = nbtools.output_text(cell)
    lines = [line for line in text.splitlines() if line.startswith(MARKER)]
    assert lines, f"the finder cell printed no report: {text[:500]!r}"
    return json.loads(lines[-1][len(MARKER) :])


# --------------------------------------------------------------------------
# the finder itself
# --------------------------------------------------------------------------


def test_check_calls_are_read_with_their_inputs():
    cells = [
        "utils.check('00.1', wrong, distance=d)",  # a hint shown on purpose: the same inputs, listed once
        "answer_1 = ...\nutils.check('00.1', answer_1, distance=d)",
        "answer_2 = ...\nutils.check(\n    '00.2', answer_2, distance=d * 2, **extra\n)\nprint(utils.checks)",
    ]
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])
    assert check_calls(nb) == [
        {"id": "00.1", "cell": 0, "inputs": [["distance", "d"]]},
        {"id": "00.2", "cell": 2, "inputs": [["distance", "d * 2"], [None, "extra"]]},
    ]


PLANTED = [
    "import astropy.units as u\nimport utils",
    "survey = 1500 * u.imperial.mile  # the input, as given: never a finding\nnot_it = 2000 * u.km",
    # a variable left holding the answer (1500 mi in km)
    "leftover = survey.to(u.km)",
    # a public helper that does the whole exercise, one that needs more than the inputs, and one that is slow
    "import time\n"
    "def miles_in_km(distance):\n    return distance.to(u.km)\n"
    "def scaled(distance, factor):\n    return distance.to(u.km) * factor\n"
    "def slow_km(distance):\n    time.sleep(5)\n    return distance.to(u.km)\n"
    "for _f in (miles_in_km, scaled, slow_km):\n"
    "    _f.__module__ = 'utils.units'\n"
    "    setattr(utils.units, _f.__name__, _f)\n"
    "del miles_in_km, scaled, slow_km, _f",
    "answer_1 = ...\nutils.check('00.1', answer_1, distance=survey)",
    "answer_2 = ...\nutils.check('00.2', answer_2, distance=no_such_name, ceres_radius=survey)",
]


def test_finder_reports_a_planted_variable_and_helper(runner):
    """A small notebook with a variable and a ``utils`` function that answer 00.1: both must be found, a slow
    helper must be stopped, and an exercise whose inputs cannot be evaluated must be reported as skipped."""
    path = ROOT / "notebooks" / "planted-shortcuts.ipynb"  # never written: the notebook is built here

    def build(_):
        return with_finder(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in PLANTED]))

    report = report_of(runner.run("shortcuts-planted", path, build))
    found = {(f["id"], f["shortcut"]) for f in report["findings"]}
    assert ("00.1", "variable leftover") in found, report
    assert ("00.1", "helper units.miles_in_km(distance)") in found, report
    assert ("00.1", "helper units.miles_in_km(distance=distance)") in found, report
    assert not {s for i, s in found if "survey" in s or "not_it" in s or "scaled" in s or "slow_km" in s}, report
    assert [s["id"] for s in report["skipped"]] == ["00.2"] and "no_such_name" in report["skipped"][0]["why"]
    searched = {s["id"]: s for s in report["searched"]}
    assert set(searched) == {"00.1"} and searched["00.1"]["slow"] >= 1, report
    assert searched["00.1"]["seconds"] < 4, "the slow helper was waited for instead of stopped"
    assert report["helpers"] > 50 and report["variables"] >= 3, report


# --------------------------------------------------------------------------
# every lesson
# --------------------------------------------------------------------------


def _describe(report: dict) -> str:
    lines = []
    for f in report["findings"]:
        lines.append(f"  {f['id']}: {f['shortcut']} is accepted")
    for s in report["skipped"]:
        lines.append(f"  {s['id']}: not searched, its inputs could not be evaluated: {s['why']}")
    for c in report["cut"]:
        lines.append(f"  {c['id']}: search cut short by the {BUDGET:g} s budget at {c['at']} ({c['tried']} calls)")
    return "\n".join(lines)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_no_shortcut_answers_an_exercise(runner, path):
    run = runner.run("shortcuts", path, build_shortcut_run)
    report = report_of(run)
    checked = {c["id"] for c in check_calls(run.nb)}
    registered = set(registry(path)._EXERCISES)
    assert registered <= checked, f"{sorted(registered - checked)} have no utils.check call to search"
    searched = {s["id"] for s in report["searched"]}
    assert searched, "the finder searched no exercise"
    if report["skipped"]:
        shown = _describe({**report, "findings": [], "cut": []})
        warnings.warn(f"{path.name}: exercises not searched:\n{shown}", stacklevel=1)
    unallowed = [f for f in report["findings"] if (f["id"], f["helper"]) not in ALLOWED]
    assert not unallowed and not report["cut"], (
        f"{path.name}: {len(unallowed)} shortcuts answer exercises of the student version "
        f"(a public helper to make private, a variable to rename or drop):\n"
        + _describe({**report, "findings": unallowed, "skipped": []})
    )
