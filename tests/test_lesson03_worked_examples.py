"""Lesson 03: no code a student can read shows a helper that answers exercises 1, 4 and 5.

Every call to a function of ``utils`` that a student can read in the student version (code cells not
tagged ``solution``, and code quoted in the text, before or after the exercise) is re-run with each of
its length arguments replaced by the exercise's own asteroid (``a_ast``).  No value it returns, nor any
element of it, nor any number in a figure title it draws, may pass that exercise's check: copying the
worked example with the exercise's input must not answer it.
"""

from __future__ import annotations

import ast
import functools
import re

import astropy.units as u
import matplotlib.pyplot as plt
import numpy as np
import pytest

import nbtools
from conftest import ROOT
from notebook_namespace import namespace_until

NOTEBOOK = "03-resonances.ipynb"
EXERCISES = ["03.1", "03.4", "03.5"]


def _readable_code() -> list[str]:
    """The code a student can read anywhere in the student version: code cells and quoted code."""
    snippets = []
    for cell in nbtools.read(ROOT / "notebooks" / NOTEBOOK).cells:
        text = nbtools.source(cell)
        if nbtools.is_solution(cell):
            continue
        if cell.cell_type == "code":
            snippets.append(text)
        elif cell.cell_type == "markdown":
            snippets += [code for code in re.findall(r"`([^`\n]+)`", text) if "(" in code]
    return snippets


@functools.lru_cache(maxsize=1)
def _lesson_namespace() -> dict:
    """The namespace after the student version's last code cell (checks and widget calls skipped)."""
    ns, _ = namespace_until(NOTEBOOK, "e_reached = np.nanmax")
    return ns


def _parse(snippet: str) -> ast.AST | None:
    try:
        return ast.parse(snippet)
    except SyntaxError:
        return None


def _is_length(value) -> bool:
    return isinstance(value, u.Quantity) and value.isscalar and value.unit.physical_type == "length"


#: A simulation: re-running it with Jupiter at the asteroid's distance takes long and returns a BeltRun
#: (exercises 3 and 6-9 are about runs; their checks are tested in test_lesson03_checks.py).
_NOT_RERUN = {"run_belt"}


def _helper(node: ast.Call, ns: dict):
    """The ``utils`` function a call names, or None (builtins, numpy, matplotlib, the check itself)."""
    try:
        func = eval(compile(ast.Expression(node.func), "<call>", "eval"), ns)  # noqa: S307  (the lesson's code)
    except Exception:
        return None
    module = getattr(func, "__module__", "") or ""
    name = getattr(func, "__name__", "")
    if not callable(func) or not module.startswith("utils") or name == "check" or name in _NOT_RERUN:
        return None
    return func


def _variants(node: ast.Call, ns: dict):
    """The call as written, then with each length argument replaced by ``__input__``."""
    yield node
    arguments = [("arg", i, a) for i, a in enumerate(node.args)] + [
        ("kw", i, k.value) for i, k in enumerate(node.keywords)
    ]
    for kind, i, expr in arguments:
        try:
            value = eval(compile(ast.Expression(expr), "<arg>", "eval"), ns)  # noqa: S307
        except Exception:
            continue
        if not _is_length(value):
            continue
        changed = ast.Call(
            func=node.func, args=list(node.args), keywords=[ast.keyword(k.arg, k.value) for k in node.keywords]
        )
        if kind == "arg":
            changed.args[i] = ast.Name("__input__", ast.Load())
        else:
            changed.keywords[i].value = ast.Name("__input__", ast.Load())
        yield ast.fix_missing_locations(changed)


def _values(result):
    """The returned value and, for a tuple or an array, each of its elements."""
    yield result
    if isinstance(result, tuple):
        for item in result:
            yield from _values(item)
    elif isinstance(result, (np.ndarray, u.Quantity)) and np.ndim(result) == 1 and len(result) <= 1000:
        yield from result


def _title_values(figures) -> list:
    """Every number in the titles (axes and figure) of ``figures``, as a plain number, in degrees and in AU."""
    values = []
    for fig in figures:
        titles = [ax.get_title(loc) for ax in fig.axes for loc in ("left", "center", "right")]
        titles.append(fig._suptitle.get_text() if fig._suptitle else "")
        for number in re.findall(r"-?\d+(?:\.\d+)?", " ".join(titles)):
            values += [float(number), float(number) * u.deg, float(number) * u.AU]
    return values


def _inputs(exercise: str, ns: dict) -> dict:
    inputs = dict(a=ns["a_ast"], a_jupiter=ns["a_jup"], asteroid=ns["asteroid"])
    if exercise == "03.4":  # told which resonance is nearest, the check judges the distance
        inputs["nearest"] = ns["utils"].resonance._nearest_resonance(ns["a_ast"], ns["a_jup"])
    return inputs


def answering_calls(exercise: str) -> list[str]:
    """Helper calls a student can read that, copied with the exercise's asteroid, pass its check
    (with a value they return or a number in the title of a figure they draw)."""
    from utils.checks import _get_exercise

    ns = dict(_lesson_namespace())
    ns["__input__"] = ns["a_ast"]
    inputs, check = _inputs(exercise, ns), _get_exercise(exercise).check
    found = []
    plt.close("all")
    try:
        for snippet in _readable_code():
            tree = _parse(snippet)
            for node in ast.walk(tree) if tree else ():
                if not isinstance(node, ast.Call) or _helper(node, ns) is None:
                    continue
                for variant in _variants(node, ns):
                    try:
                        result = eval(compile(ast.Expression(variant), "<variant>", "eval"), ns)  # noqa: S307
                    except Exception:
                        plt.close("all")
                        continue
                    shown = [plt.figure(n) for n in plt.get_fignums()]
                    for value in [*_values(result), *_title_values(shown)]:
                        try:
                            accepted = check(value, **inputs).ok
                        except Exception:
                            accepted = False
                        if accepted:
                            found.append(f"{ast.unparse(variant)} -> {value!r}")
                            break
                    plt.close("all")
    finally:
        plt.close("all")
    return found


@pytest.mark.parametrize("exercise", EXERCISES)
def test_no_readable_helper_call_answers_the_exercise(exercise):
    found = answering_calls(exercise)
    assert not found, f"{exercise} is answered by a call a student can read before it: {found}"


def test_the_finder_sees_a_helper_that_answers():
    # the conjunction helper, called with the asteroid of exercise 5, gives that exercise's step among its longitudes
    from utils.checks import _get_exercise

    ns = dict(_lesson_namespace())
    lon = ns["utils"].resonance._conjunction_longitudes(ns["a_ast"], ns["a_jup"], 3)
    assert any(_get_exercise("03.5").check(value, **_inputs("03.5", ns)).ok for value in _values(lon))
    node = ast.parse("draw_conjunctions(ax, a, a_jup, 12)", mode="eval").body
    ns["a"], ns["__input__"] = 2.3 * u.AU, ns["a_ast"]
    assert sum(1 for _ in _variants(node, ns)) == 3  # as written, a replaced, a_jup replaced


def test_the_finder_reads_figure_titles():
    # a title that printed the period ratio, as draw_conjunctions' once did, answers exercise 1
    from utils.checks import _get_exercise

    ns = dict(_lesson_namespace())
    ratio = ns["utils"].resonance._period_ratio(ns["a_ast"], ns["a_jup"])
    fig, ax = plt.subplots()
    ax.set_title(f"a = 2.77 AU: T_J/T = {float(ratio):.2f}")
    try:
        values = _title_values([fig])
    finally:
        plt.close(fig)
    assert any(_get_exercise("03.1").check(value, **_inputs("03.1", ns)).ok for value in values)


def test_no_public_resonance_helper_answers_exercises_1_to_3_or_5():
    """Tab completion on ``utils.resonance`` offers no function that answers exercise 1, 2, 3 or 5 from its inputs."""
    import inspect

    import utils.resonance as resonance

    ns = dict(_lesson_namespace())
    a, aj = ns["a_ast"], ns["a_jup"]
    phi = ns["live"].angle(ns["p_pick"], ns["q_pick"])[ns["i_pick"]]
    kw5 = dict(phi=phi, p=ns["p_pick"], q=ns["q_pick"], a_start=ns["a_pick"], e_start=ns["e_pick"])
    offered = [
        (name, func)
        for name, func in vars(resonance).items()
        if not name.startswith("_") and inspect.isfunction(func) and func.__module__ == resonance.__name__
    ]
    assert {"run_belt", "draw_conjunctions"} <= {name for name, _ in offered}
    answering = []
    for name, func in offered:
        if name == "run_belt":
            continue  # a simulation, not a formula (see _NOT_RERUN)
        for args in [(a, aj), (aj, a), (a,), (phi,)]:
            fig, ax = plt.subplots()
            try:
                result = func(ax, *args) if "ax" in inspect.signature(func).parameters else func(*args)
            except Exception:
                plt.close("all")
                continue
            values = [*_values(result), *_title_values([fig])]
            plt.close("all")
            if isinstance(result, (bool, np.bool_)):
                answering.append((name, "03.3", "a yes/no about libration"))
            for exercise in EXERCISES:
                if any(_ok(exercise, v, _inputs(exercise, ns)) for v in values):
                    answering.append((name, exercise, args))
            if any(_ok("03.3", v, kw5) for v in values):
                answering.append((name, "03.3", args))
    assert not answering, f"public helpers of utils.resonance answer exercises: {answering}"


def _ok(exercise: str, value, inputs: dict) -> bool:
    from utils.checks import _get_exercise

    try:
        return _get_exercise(exercise).check(value, **inputs).ok
    except Exception:
        return False
