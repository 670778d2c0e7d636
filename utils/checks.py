"""Self-checks for exercises.

A student writes an answer in an exercise cell and calls :func:`check`.  The
check compares it with the answer computed from the exercise's *inputs* (so an
instructor who changes an input gets a correct check for free), and shows a
short message:

* ``Not answered yet`` while the answer is still the placeholder ``...``;
* ``Correct`` when it agrees within a tolerance that forgives rounding;
* ``Not yet`` with a hint when it is wrong, without ever showing the answer;
* a plain explanation when the answer has the wrong type or the wrong unit.

A check never raises on a student's answer: whatever is typed, the cell runs and
says what to do next.

Examples
--------
>>> import astropy.units as u
>>> from utils.checks import compare
>>> compare(7242 * u.km, 4500 * u.imperial.mile).status
'correct'
>>> compare(..., 4500 * u.imperial.mile).status
'unanswered'
"""
from __future__ import annotations

import html
import importlib
import math
import numbers
from dataclasses import dataclass, field
from typing import Any, Callable, Mapping, Sequence

import numpy as np

__all__ = [
    "CheckResult",
    "Exercise",
    "Mistake",
    "check",
    "compare",
    "get_exercise",
    "expected_answer",
]

#: Default relative tolerance: forgives an answer rounded to about 3 significant figures.
DEFAULT_RTOL = 0.02

CORRECT, INCORRECT, UNANSWERED, INVALID = "correct", "incorrect", "unanswered", "invalid"

_LABEL = {
    CORRECT: "Correct",
    INCORRECT: "Not yet",
    UNANSWERED: "Not answered yet",
    INVALID: "Check the form of your answer",
}
# Colour is never the only carrier: every status has a word and a symbol too.
_SYMBOL = {CORRECT: "✔", INCORRECT: "✘", UNANSWERED: "✎", INVALID: "⚠"}
_COLOUR = {CORRECT: "#009E73", INCORRECT: "#D55E00", UNANSWERED: "#0072B2", INVALID: "#E69F00"}


@dataclass(frozen=True)
class CheckResult:
    """The outcome of a check; shows itself as a short message in a notebook.

    Attributes
    ----------
    status : str
        One of ``'correct'``, ``'incorrect'``, ``'unanswered'``, ``'invalid'``.
    message : str
        What the student reads.  It never contains the expected answer.
    name : str
        The exercise's name, shown in front of the message.
    """

    status: str
    message: str
    name: str = ""

    @property
    def ok(self) -> bool:
        """True only for a correct answer."""
        return self.status == CORRECT

    def __bool__(self) -> bool:  # ``assert check(...)`` reads naturally in tests
        return self.ok

    def __str__(self) -> str:
        head = f"{self.name}: " if self.name else ""
        return f"{_SYMBOL[self.status]} {head}{_LABEL[self.status]}. {self.message}".strip()

    __repr__ = __str__

    def _repr_html_(self) -> str:
        head = f"<b>{html.escape(self.name)}</b> · " if self.name else ""
        colour = _COLOUR[self.status]
        return (
            f'<div style="border-left:6px solid {colour};padding:4px 10px;margin:4px 0">'
            f"{head}<b>{_SYMBOL[self.status]} {_LABEL[self.status]}.</b> "
            f"{html.escape(self.message)}</div>"
        )


# --------------------------------------------------------------------------
# comparison
# --------------------------------------------------------------------------

def _is_placeholder(answer: Any) -> bool:
    return answer is Ellipsis or answer is None


def _describe_type(value: Any) -> str:
    return type(value).__name__


def _unit_example(unit) -> str:
    text = unit.to_string()
    return f"`12.3 * u.{text}`" if text.isidentifier() else f"`12.3 * u.Unit('{text}')`"


def _physical_type(unit) -> str:
    try:
        return str(unit.physical_type)
    except Exception:  # pragma: no cover - astropy always has one
        return "quantity"


def _magnitude_hint(ratio: float) -> str:
    """A hint for an answer off by a clean power of ten or by its sign."""
    if ratio < 0:
        return " Check the sign of your answer."
    exponent = math.log10(ratio)
    nearest = round(exponent)
    if nearest != 0 and abs(exponent - nearest) < 0.05:
        factor = f"{10 ** abs(nearest):,.0f}"
        return (
            f" Your answer is off by a factor of about {factor}: "
            "check your unit conversions and powers of ten."
        )
    return ""


def _compare_numbers(a: float, e: float, rtol: float, atol: float) -> tuple[bool, str]:
    if not math.isfinite(a):
        return False, "Your answer is not a finite number (nan or infinity)."
    if math.isclose(a, e, rel_tol=rtol, abs_tol=atol):
        return True, ""
    extra = ""
    if e != 0 and a != 0:
        ratio = a / e
        extra = _magnitude_hint(ratio)
        if not extra and abs(ratio - 1) < 5 * rtol:
            extra = " You are close: check your rounding and the constants you used."
    return False, extra


def _as_scalar(answer: Any) -> tuple[Any, str | None]:
    """Turn a size-1 array into a scalar; explain anything else."""
    if isinstance(answer, np.ndarray) and answer.shape != ():
        if answer.size == 1:
            return answer.reshape(()), None
        return None, (
            f"This exercise wants a single value, but your answer holds {answer.size} values. "
            "Pick out the one that is asked for."
        )
    return answer, None


def compare(
    answer: Any,
    expected: Any,
    *,
    rtol: float = DEFAULT_RTOL,
    atol: Any = 0.0,
    hint: str = "",
    choices: Sequence[str] | None = None,
    name: str = "",
) -> CheckResult:
    """Compare a student's answer with the expected one.

    Parameters
    ----------
    answer : object
        What the student wrote.  ``...`` (or ``None``) means "not answered yet".
    expected : Quantity, Time, number, bool or str
        The correct answer.  Its type decides how the answer is judged.
    rtol : float
        Relative tolerance for numbers and quantities (default 2 %, forgiving
        rounding to three significant figures).
    atol : float, Quantity or TimeDelta
        Absolute tolerance (in the expected unit for quantities; a TimeDelta
        or Quantity of time for dates).
    hint : str
        Shown when the answer is wrong.
    choices : sequence of str, optional
        For text answers, the accepted words; shown when an answer is not one
        of them.
    name : str
        The exercise's name, shown in the message.

    Returns
    -------
    CheckResult
        Never raises for any ``answer``.

    Examples
    --------
    >>> import astropy.units as u
    >>> compare(3 * u.kg, 1 * u.km).status
    'invalid'
    """
    if _is_placeholder(answer):
        return CheckResult(UNANSWERED, "Replace the `...` with your answer and run the cell again.", name)
    hint_text = f" Hint: {hint}" if hint else ""

    from astropy.time import Time, TimeDelta
    import astropy.units as u

    if isinstance(expected, Time):
        return _compare_time(answer, expected, atol, hint_text, name)

    if isinstance(expected, (bool, np.bool_)):
        if isinstance(answer, (bool, np.bool_)):
            if bool(answer) == bool(expected):
                return CheckResult(CORRECT, "", name)
            return CheckResult(INCORRECT, ("That is not right." + hint_text).strip(), name)
        return CheckResult(
            INVALID,
            f"This exercise wants True or False (without quotes); you gave a {_describe_type(answer)}.",
            name,
        )

    if isinstance(expected, str):
        return _compare_text(answer, expected, choices, hint_text, name)

    if isinstance(expected, u.Quantity):
        return _compare_quantity(answer, expected, rtol, atol, hint_text, name)

    if isinstance(expected, numbers.Real):
        if isinstance(answer, (bool, np.bool_)) or isinstance(answer, str):
            return CheckResult(
                INVALID, f"This exercise wants a number; you gave a {_describe_type(answer)}.", name
            )
        answer, problem = _as_scalar(answer)
        if problem:
            return CheckResult(INVALID, problem, name)
        if isinstance(answer, u.Quantity):
            if answer.unit.physical_type != "dimensionless":
                return CheckResult(
                    INVALID,
                    f"This exercise wants a plain number without a unit; yours is in {answer.unit}.",
                    name,
                )
            answer = answer.to_value(u.dimensionless_unscaled)
        if not isinstance(answer, (numbers.Real, np.floating, np.integer)):
            return CheckResult(
                INVALID, f"This exercise wants a number; you gave a {_describe_type(answer)}.", name
            )
        good, extra = _compare_numbers(float(answer), float(expected), rtol, float(atol))
        if good:
            return CheckResult(CORRECT, "", name)
        return CheckResult(INCORRECT, ("That is not right." + extra + hint_text).strip(), name)

    raise TypeError(  # an authoring error, not a student's
        f"compare() cannot judge an expected answer of type {_describe_type(expected)}"
    )


def _compare_quantity(answer, expected, rtol, atol, hint_text, name) -> CheckResult:
    import astropy.units as u

    unit = expected.unit
    if isinstance(answer, (str, bool, np.bool_)):
        return CheckResult(
            INVALID,
            f"This exercise wants a number with a unit of {_physical_type(unit)}, for example "
            f"{_unit_example(unit)}; you gave a {_describe_type(answer)}.",
            name,
        )
    answer, problem = _as_scalar(answer)
    if problem:
        return CheckResult(INVALID, problem, name)
    if not isinstance(answer, u.Quantity):
        if unit.physical_type == "dimensionless" and isinstance(answer, (numbers.Real, np.number)):
            answer = answer * u.dimensionless_unscaled
        elif isinstance(answer, (numbers.Real, np.number)):
            return CheckResult(
                INVALID,
                f"Your answer has no unit. Attach a unit of {_physical_type(unit)}, for example "
                f"{_unit_example(unit)}.",
                name,
            )
        else:
            return CheckResult(
                INVALID,
                f"This exercise wants a number with a unit, for example {_unit_example(unit)}; "
                f"you gave a {_describe_type(answer)}.",
                name,
            )
    try:
        value = answer.to_value(unit, equivalencies=[])
    except u.UnitsError:
        return CheckResult(
            INVALID,
            f"Your answer is in {answer.unit} ({_physical_type(answer.unit)}), but this exercise "
            f"asks for a {_physical_type(unit)}, for example in {unit}.",
            name,
        )
    if np.ndim(value) != 0:
        return CheckResult(INVALID, "This exercise wants a single value.", name)
    atol_value = atol.to_value(unit) if isinstance(atol, u.Quantity) else float(atol)
    good, extra = _compare_numbers(float(value), float(expected.value), rtol, atol_value)
    if good:
        return CheckResult(CORRECT, "", name)
    return CheckResult(INCORRECT, ("That is not right." + extra + hint_text).strip(), name)


def _compare_time(answer, expected, atol, hint_text, name) -> CheckResult:
    import astropy.units as u
    from astropy.time import Time, TimeDelta

    if isinstance(answer, str):
        try:
            answer = Time(answer, scale=expected.scale)
        except (ValueError, TypeError):
            return CheckResult(
                INVALID,
                "This exercise wants a date. Write it as an astropy Time or as text like "
                "'2015-03-06' or '2015-03-06 12:00'.",
                name,
            )
    if not isinstance(answer, Time):
        return CheckResult(
            INVALID,
            f"This exercise wants a date (an astropy Time or text like '2015-03-06'); "
            f"you gave a {_describe_type(answer)}.",
            name,
        )
    if answer.shape != ():
        return CheckResult(INVALID, "This exercise wants a single date.", name)
    if isinstance(atol, TimeDelta):
        tol = atol.to(u.day)
    elif isinstance(atol, u.Quantity):
        tol = atol.to(u.day)
    else:
        tol = 1 * u.day if not atol else float(atol) * u.day
    diff = abs((answer - expected).to(u.day))
    if diff <= tol:
        return CheckResult(CORRECT, "", name)
    extra = ""
    if diff > 300 * u.day:
        extra = " You are off by about a year or more: check the year."
    return CheckResult(INCORRECT, ("That is not the right date." + extra + hint_text).strip(), name)


def _normalise(text: str) -> str:
    return " ".join(text.strip().lower().replace("-", " ").replace("_", " ").split())


def _compare_text(answer, expected, choices, hint_text, name) -> CheckResult:
    listed = ", ".join(repr(c) for c in choices) if choices else ""
    if not isinstance(answer, str):
        more = f" One of: {listed}." if listed else ""
        return CheckResult(
            INVALID,
            f"This exercise wants a word in quotes, like 'true'; you gave a {_describe_type(answer)}.{more}",
            name,
        )
    given = _normalise(answer)
    if choices and given not in {_normalise(c) for c in choices}:
        return CheckResult(INVALID, f"Please answer with one of: {listed}.", name)
    if given == _normalise(expected):
        return CheckResult(CORRECT, "", name)
    return CheckResult(INCORRECT, ("That is not right." + hint_text).strip(), name)


# --------------------------------------------------------------------------
# exercises
# --------------------------------------------------------------------------

@dataclass(frozen=True)
class Mistake:
    """A likely wrong answer to an exercise, and the hint it deserves.

    Parameters
    ----------
    solve : callable
        ``solve(**inputs)`` returns the wrong answer this mistake produces
        (for example the distance from the centre instead of the altitude),
        computed from the same inputs as the exercise.
    hint : str
        What a student who made this mistake should think about.  It must not
        reveal the right answer.
    """

    solve: Callable[..., Any]
    hint: str


@dataclass(frozen=True)
class Exercise:
    """An exercise whose answer is computed from its inputs.

    Parameters
    ----------
    title : str
        Short name shown in messages, e.g. ``"Exercise 1 · where is the {p}:{q} resonance?"``;
        ``{name}`` fields are filled from the exercise's inputs, so the title
        follows an instructor's change of input.
    solve : callable
        ``solve(**inputs)`` returns the expected answer.  It is the reference
        solution: it must follow from the inputs, never a typed-in constant,
        so that an instructor who changes an input still gets a right check.
    rtol, atol, hint, choices
        Passed to :func:`compare`.
    defaults : mapping
        Inputs used when a caller leaves them out (documented in the notebook).
    mistakes : sequence of Mistake
        Likely wrong answers, each with a targeted hint.
    points : float
        Points when graded (default 1).
    """

    title: str
    solve: Callable[..., Any]
    rtol: float = DEFAULT_RTOL
    atol: Any = 0.0
    hint: str = ""
    choices: Sequence[str] | None = None
    defaults: Mapping[str, Any] = field(default_factory=dict)
    mistakes: Sequence[Mistake] = ()
    points: float = 1

    def title_for(self, **inputs: Any) -> str:
        """The title with its ``{name}`` fields filled from the inputs."""
        try:
            return self.title.format(**{**self.defaults, **inputs})
        except (KeyError, IndexError, ValueError, AttributeError, TypeError):
            return self.title

    def expected(self, **inputs: Any) -> Any:
        """The expected answer for these inputs (for instructors and tests)."""
        return self.solve(**{**self.defaults, **inputs})

    def check(self, answer: Any, **inputs: Any) -> CheckResult:
        """Judge ``answer`` for these inputs; never raises on the answer."""
        title = self.title_for(**inputs)
        if _is_placeholder(answer):
            return compare(answer, None, name=title)
        from astropy.units import UnitsError

        try:
            expected = self.expected(**inputs)
        except (TypeError, ValueError, UnitsError) as err:
            # The *inputs* are wrong (an instructor's or a student's edit), not the answer.
            return CheckResult(
                INVALID,
                f"The exercise's inputs could not be used ({err}). Restore or fix the inputs above.",
                title,
            )
        result = compare(
            answer, expected, rtol=self.rtol, atol=self.atol, hint=self.hint,
            choices=self.choices, name=title,
        )
        if result.status != INCORRECT:
            return result
        for mistake in self.mistakes:
            try:
                wrong = mistake.solve(**{**self.defaults, **inputs})
                hit = compare(answer, wrong, rtol=self.rtol, atol=self.atol, choices=self.choices).ok
            except Exception:  # a mistake that cannot be computed for these inputs is skipped
                hit = False
            if hit:
                return CheckResult(INCORRECT, f"That is not right. Hint: {mistake.hint}", title)
        return result


def get_exercise(exercise_id: str) -> Exercise:
    """Find an exercise by id, e.g. ``"00.1"`` (lesson 00, exercise 1).

    Exercises of lesson ``NN`` live in ``utils.exercises.lessonNN``, in a dict
    named ``EXERCISES``.
    """
    if not isinstance(exercise_id, str) or "." not in exercise_id:
        raise ValueError(
            f"An exercise id looks like '01.2' (lesson 01, exercise 2); got {exercise_id!r}."
        )
    lesson = exercise_id.split(".", 1)[0]
    try:
        module = importlib.import_module(f"utils.exercises.lesson{lesson}")
    except ModuleNotFoundError:
        raise ValueError(f"There is no lesson {lesson!r} with exercises (from id {exercise_id!r}).") from None
    try:
        return module.EXERCISES[exercise_id]
    except KeyError:
        known = ", ".join(sorted(module.EXERCISES))
        raise ValueError(f"Lesson {lesson} has no exercise {exercise_id!r}; it has {known}.") from None


def expected_answer(exercise_id: str, **inputs: Any) -> Any:
    """The answer an exercise expects for these inputs (for the answer key and tests)."""
    return get_exercise(exercise_id).expected(**inputs)


def check(exercise_id: str, answer: Any, **inputs: Any) -> CheckResult:
    """Check a student's answer to an exercise.

    Parameters
    ----------
    exercise_id : str
        Which exercise, e.g. ``"04.2"``.
    answer : object
        The student's answer; ``...`` while not answered.
    **inputs
        The exercise's inputs as set in the notebook (e.g. ``distance=...``);
        the expected answer is computed from them.

    Returns
    -------
    CheckResult
        Displays as a short message; ``result.ok`` is True when correct.

    Examples
    --------
    >>> import astropy.units as u
    >>> check("00.1", ..., distance=4500 * u.imperial.mile).status
    'unanswered'
    """
    return get_exercise(exercise_id).check(answer, **inputs)
