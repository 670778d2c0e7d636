"""Lesson 03: the worked examples before exercises 1-3 show the method, not a helper that answers them.

Every call to a function of ``utils`` that a student can read before an exercise's check (code cells
not tagged ``solution``, and code quoted in the text) is re-run with each of its length arguments
replaced by the exercise's own asteroid (``a_ast``).  No value it returns, nor any element of it, may
pass that exercise's check: copying the worked example with the exercise's input must not answer it.
"""

from __future__ import annotations

import ast
import re

import astropy.units as u
import matplotlib.pyplot as plt
import numpy as np
import pytest

import nbtools
from conftest import ROOT
from notebook_namespace import namespace_until

NOTEBOOK = "03-resonances.ipynb"
EXERCISES = ["03.1", "03.2", "03.3"]


def _readable_code_before(exercise: str) -> list[str]:
    """The code a student can read before the exercise's check cell: code cells and quoted code."""
    snippets = []
    for cell in nbtools.read(ROOT / "notebooks" / NOTEBOOK).cells:
        text = nbtools.source(cell)
        if cell.cell_type == "code" and f'utils.check("{exercise}"' in text:
            return snippets
        if nbtools.is_solution(cell):
            continue
        if cell.cell_type == "code":
            snippets.append(text)
        elif cell.cell_type == "markdown":
            snippets += [code for code in re.findall(r"`([^`\n]+)`", text) if "(" in code]
    raise AssertionError(f"no check cell for {exercise}")


def _parse(snippet: str) -> ast.AST | None:
    try:
        return ast.parse(snippet)
    except SyntaxError:
        return None


def _is_length(value) -> bool:
    return isinstance(value, u.Quantity) and value.isscalar and value.unit.physical_type == "length"


def _helper(node: ast.Call, ns: dict):
    """The ``utils`` function a call names, or None (builtins, numpy, matplotlib, the check itself)."""
    try:
        func = eval(compile(ast.Expression(node.func), "<call>", "eval"), ns)  # noqa: S307  (the lesson's code)
    except Exception:
        return None
    module = getattr(func, "__module__", "") or ""
    if not callable(func) or not module.startswith("utils") or getattr(func, "__name__", "") == "check":
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


def _inputs(exercise: str, ns: dict) -> dict:
    inputs = dict(a=ns["a_ast"], a_jupiter=ns["a_jup"], asteroid=ns["asteroid"])
    if exercise == "03.2":  # told which resonance is nearest, the check judges the distance
        inputs["nearest"] = ns["utils"].resonance.nearest_resonance(ns["a_ast"], ns["a_jup"])
    return inputs


def answering_calls(exercise: str) -> list[str]:
    """Helper calls readable before ``exercise`` that, copied with its asteroid, pass its check."""
    from utils.checks import _get_exercise

    ns, _ = namespace_until(NOTEBOOK, f'utils.check("{exercise}"', before=True)
    ns["__input__"] = ns["a_ast"]
    inputs, check = _inputs(exercise, ns), _get_exercise(exercise).check
    found = []
    try:
        for snippet in _readable_code_before(exercise):
            tree = _parse(snippet)
            for node in ast.walk(tree) if tree else ():
                if not isinstance(node, ast.Call) or _helper(node, ns) is None:
                    continue
                for variant in _variants(node, ns):
                    try:
                        result = eval(compile(ast.Expression(variant), "<variant>", "eval"), ns)  # noqa: S307
                    except Exception:
                        continue
                    for value in _values(result):
                        try:
                            accepted = check(value, **inputs).ok
                        except Exception:
                            accepted = False
                        if accepted:
                            found.append(f"{ast.unparse(variant)} -> {value!r}")
                            break
    finally:
        plt.close("all")
    return found


@pytest.mark.parametrize("exercise", EXERCISES)
def test_no_readable_helper_call_answers_the_exercise(exercise):
    found = answering_calls(exercise)
    assert not found, f"{exercise} is answered by a call a student can read before it: {found}"


def test_the_finder_sees_a_helper_that_answers():
    # the conjunction helper, called with the asteroid of exercise 3, gives that exercise's step among its longitudes
    from utils.checks import _get_exercise

    ns, _ = namespace_until(NOTEBOOK, 'utils.check("03.3"', before=True)
    lon = ns["utils"].resonance.conjunction_longitudes(ns["a_ast"], ns["a_jup"], 3)
    assert any(_get_exercise("03.3").check(value, **_inputs("03.3", ns)).ok for value in _values(lon))
    node = ast.parse("conjunction_longitudes(a, a_jup, 12)", mode="eval").body
    ns["a"], ns["__input__"] = 2.3 * u.AU, ns["a_ast"]
    assert sum(1 for _ in _variants(node, ns)) == 3  # as written, a replaced, a_jup replaced
