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
import re
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

import numpy as np

__all__ = [
    "CheckResult",
    "Exercise",
    "Mistake",
    "ReasonedExercise",
    "check",
    "compare",
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


class Shown:
    """A status with a message that shows itself in a notebook: a symbol, a word and the message.

    Colour is never the only carrier: every status has a word (``LABEL``) and a symbol
    (``SYMBOL``) too.  Subclasses say which status is :attr:`ok` (``OK``).
    """

    LABEL: Mapping[str, str] = _LABEL
    SYMBOL: Mapping[str, str] = _SYMBOL
    COLOUR: Mapping[str, str] = _COLOUR
    OK: str = CORRECT

    @property
    def ok(self) -> bool:
        """True only for the status :attr:`OK`."""
        return self.status == self.OK

    def __bool__(self) -> bool:  # ``assert check(...)`` reads naturally in tests
        return self.ok

    def __str__(self) -> str:
        head = f"{self.name}: " if self.name else ""
        return f"{self.SYMBOL[self.status]} {head}{self.LABEL[self.status]}. {self.message}".strip()

    def __repr__(self) -> str:
        return str(self)

    def _repr_html_(self) -> str:
        head = f"<b>{html.escape(self.name)}</b> · " if self.name else ""
        return (
            f'<div style="border-left:6px solid {self.COLOUR[self.status]};padding:4px 10px;margin:4px 0">'
            f"{head}<b>{self.SYMBOL[self.status]} {self.LABEL[self.status]}.</b> "
            f"{html.escape(self.message).replace(chr(10), '<br>')}</div>"
        )


@dataclass(frozen=True, repr=False)
class CheckResult(Shown):
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


# --------------------------------------------------------------------------
# messages
# --------------------------------------------------------------------------


class _InputsResult(CheckResult):
    """A check that could not run because the exercise's *inputs* (not the answer) are unusable: it says so
    in its heading instead of asking the student to check the form of their answer."""

    LABEL = {**_LABEL, INVALID: "Not checked"}


def _sentence(text: str) -> str:
    """One clean sentence: single spaces, a capital first letter, final punctuation."""
    text = " ".join(str(text).split())
    if not text:
        return ""
    first = text.split(" ", 1)[0]
    if not (len(first.rstrip(",:;")) == 1 or any(c in first for c in "_=(`[")):  # e, body_b, a=...: names stay as typed
        text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?" else text + "."


def title_without_fields(title: str) -> str:
    """A title whose ``{name}`` fields cannot be filled, without them.

    A bracket that held a field goes too, so "at perihelion (a = {a}, e = {e})"
    becomes "at perihelion", not "at perihelion (a = , e = )".
    """
    title = re.sub(r"\s*\([^()]*\{[^{}]*\}[^()]*\)", "", title)
    return " ".join(re.sub(r"\{[^{}]*\}", "", title).split())


def _join(*parts: str) -> str:
    """Sentences joined by single spaces (empty parts dropped)."""
    return " ".join(s for s in (_sentence(p) for p in parts if p) if s)


def _article(word: str) -> str:
    sounds_like_you = word[:3].lower() in ("uni", "use", "usu", "uti")  # a Unit, a UserWarning
    return ("an " if word[:1].lower() in "aeiou" and not sounds_like_you else "a ") + word


def _describe_type(value: Any) -> str:
    """What kind of thing a value is, in words; never calls the value's own methods."""
    kind = type(value)
    if kind is bool or kind is np.bool_:
        return "True or False"
    names = {
        str: "text (a str)",
        list: "list",
        tuple: "tuple",
        dict: "dict",
        set: "set",
        complex: "complex number",
        bytes: "bytes object",
        int: "whole number (an int)",
        float: "number (a float)",
    }
    if kind in names:
        name = names[kind]
        return name if name.startswith("text") else _article(name)
    if value is None:
        return "nothing (None)"
    try:
        import astropy.units as u

        if isinstance(value, u.UnitBase):  # u.km alone: astropy's class names (PrefixUnit) mean nothing to a student
            return f"a unit without a number ({value.to_string()}); write a number times the unit"
    except ImportError:  # pragma: no cover - astropy is a dependency
        pass
    if callable(value):
        return "a function, not its result (did you leave out the brackets that call it?)"
    if _is_astropy_time(value, "Time"):  # TimeDelta is a subclass of neither, so a duration never lands here
        return "one moment (a Time), not a length of time; subtract two Times (later - earlier) to get a duration"
    return _article(getattr(kind, "__name__", "value"))


def _kind_of_unit(unit) -> str:
    """A unit's physical type as words ("length", "temperature"), or "quantity in <unit>"."""
    try:
        kind = str(unit.physical_type)
    except Exception:  # pragma: no cover - astropy always has one
        kind = "unknown"
    if kind == "unknown":
        return f"quantity in {unit}"
    return kind.replace("/", " or ")


def _shown_unit(unit) -> str:
    """A unit as a student can read it: a tangle of units that cancel (``km3 s2 kg / (h2 m3)``) is
    shown with the SI units it comes down to (``kg``)."""
    import astropy.units as u

    try:
        simple = unit.decompose()
        if len(simple.bases) < len(unit.bases):
            return f"{unit}, that is {u.CompositeUnit(1, simple.bases, simple.powers)}"
    except Exception:  # pragma: no cover - every astropy unit decomposes
        pass
    return str(unit)


def _unit_attached_twice(answer, wanted, expected: float | None, rtol: float) -> str:
    """The name of a unit an answer carries once too often (``2.77 * u.AU`` times ``u.AU`` again), when
    taking it off once leaves the right answer; "" otherwise (a period squared stays a missing square root)."""
    import astropy.units as u

    if expected is None or not math.isfinite(expected):
        return ""
    for base, power in zip(answer.unit.bases, answer.unit.powers, strict=True):
        if power < 1 or not base.is_equivalent(wanted):
            continue
        try:
            rest = float((answer / (1 * base)).to_value(wanted))
        except (u.UnitsError, TypeError, ValueError):
            continue
        if math.isclose(rest, expected, rel_tol=max(rtol, 1e-9)):
            return base.to_string()
    return ""


def _missing_step(given, wanted) -> str:
    """The step left when an answer is a volume, area, length or time away from what is asked ("" otherwise):
    a mass given for a density lacks a division by a volume.  An answer in the square of the asked unit (a
    period squared) lacks a square root, one in its square root lacks squaring, one in its cube lacks a cube
    root (or took a square root in its place: the unit to the power 3/2), and one a power of the
    gravitational constant's unit away (``a**3 / M`` for ``a**3 / (G * M)``) lacks ``G``."""
    import astropy.units as u
    from astropy.constants import G

    ratio = given / wanted
    try:
        if given.is_equivalent(wanted**2) and not wanted.is_equivalent(u.one):
            return "It looks like one step is missing: take the square root (`np.sqrt(...)` or `** 0.5`)"
        if (given**2).is_equivalent(wanted) and not wanted.is_equivalent(u.one):
            return "It looks like one step is missing: square it"
        if given.is_equivalent(wanted**3) and not wanted.is_equivalent(u.one):
            return "It looks like one step is missing: take the cube root (`np.cbrt(...)` or `** (1 / 3)`)"
        if (given**2).is_equivalent(wanted**3) and not wanted.is_equivalent(u.one):
            return "You took a square root where a cube root is needed (`np.cbrt(...)` or `** (1 / 3)`)"
        for power in (1, -1, 0.5, -0.5):
            if ratio.is_equivalent(G.unit**power):
                return "It looks like G is missing: GM is the gravitational constant `G` times the mass"
    except Exception:  # pragma: no cover - units always combine
        return ""
    # a length typed as a plain number (a = 935 for 935 km) leaves a power of a length over in the unit too
    plain = "or a length in your formula is a plain number: give every length its unit"
    for kind in ("volume", "area", "length", "time"):
        also = f" ({plain})" if kind != "time" else ""
        try:
            if str((given / wanted).physical_type) == kind:
                return f"It looks like one step is missing: divide it by {_article(kind)}{also}"
            if str((wanted / given).physical_type) == kind:
                return f"It looks like one step is missing: multiply it by {_article(kind)}{also}"
        except Exception:  # pragma: no cover - units always divide
            return ""
    try:  # a distance left under a root, e.g. (1 / r)**2 inside a fourth root: K / AU^(1/2)
        left = (given / wanted).decompose()
        if len(left.bases) == 1 and left.bases[0] == u.m:
            return (
                "A distance is left in your unit: give every length in your formula its unit (a plain number "
                "is not a length); a ratio of distances needs both, e.g. `(1 * u.AU / r)`"
            )
    except Exception:  # pragma: no cover - units always divide
        return ""
    return ""


_EXAMPLE_VALUES = ("12.3", "45.6", "78.9")


def _example_value(expected_value: float | None) -> str:
    """An example number whose digits cannot be mistaken for the expected answer's."""
    if expected_value is None or not math.isfinite(expected_value) or expected_value == 0:
        return _EXAMPLE_VALUES[0]
    lead = f"{abs(expected_value):.1e}"[:3].replace(".", "")  # two leading digits
    for text in _EXAMPLE_VALUES:
        if text.replace(".", "")[:2] != lead:
            return text
    return _EXAMPLE_VALUES[0]  # pragma: no cover - three different leads


def _unit_example(unit, expected_value: float | None = None) -> str:
    """Code a student can paste: ``12.3 * u.km``, ``12.3 * u.imperial.mi`` or ``12.3 * u.Unit('km / s')``."""
    import astropy.units as u

    text = unit.to_string()
    number = _example_value(expected_value)
    if text.isidentifier() and hasattr(u, text):
        return f"`{number} * u.{text}`"
    if text.isidentifier() and hasattr(u.imperial, text):
        return f"`{number} * u.imperial.{text}`"
    # a product of named units with whole powers, written as a student types it: 12.3 * u.km / u.s
    bases, powers = getattr(unit, "bases", []), getattr(unit, "powers", [])
    names = [base.to_string() for base in bases]
    if (
        getattr(unit, "scale", None) == 1
        and names
        and all(name.isidentifier() and hasattr(u, name) for name in names)
        and all(float(power).is_integer() for power in powers)
    ):
        parts = []
        for name, power in zip(names, powers, strict=True):
            power = int(power)
            term = f"u.{name}" + (f"**{abs(power)}" if abs(power) != 1 else "")
            parts.append((" * " if power > 0 else " / ") + term)
        return f"`{number}{''.join(parts)}`"
    return f"`{number} * u.Unit('{text}')`"


# --------------------------------------------------------------------------
# comparison
# --------------------------------------------------------------------------


class _NotedSlip:
    """What ``fc.your_line`` leaves in an answer's variable after a unit slip it has printed a note on."""

    def __repr__(self) -> str:
        return "not answered (see the note above)"


#: The answer of a line whose unit slip has its note already: a check reads it as not answered yet.
NOTED_SLIP = _NotedSlip()


def _is_placeholder(answer: Any) -> bool:
    return answer is Ellipsis or answer is NOTED_SLIP


_NONE_MESSAGE = (
    "Your answer is None, which is what a function without a return statement (or print()) gives. "
    "Give the value itself."
)


def _is_temperature(unit) -> bool:
    try:
        return unit.physical_type == "temperature"
    except Exception:  # pragma: no cover
        return False


def _to_unit(quantity, unit, temperature_difference: bool = False):
    """``quantity`` in ``unit``; absolute temperatures convert between K, deg_C and deg_F."""
    import astropy.units as u

    try:
        return quantity.to_value(unit)
    except u.UnitsError:
        if not (_is_temperature(quantity.unit) and _is_temperature(unit)):
            # an angle left in a ratio (km / (km urad)) or a plain number given in radians: small angles
            # are pure numbers in radians, as astropy's dimensionless_angles rule says
            return quantity.to_value(unit, equivalencies=u.dimensionless_angles())
    if temperature_difference:  # a difference of temperatures: scale only, no offset
        zero = (0 * quantity.unit).to_value(unit, equivalencies=u.temperature())
        return quantity.to_value(unit, equivalencies=u.temperature()) - zero
    return quantity.to_value(unit, equivalencies=u.temperature())


def _as_real(value: Any) -> tuple[float | None, str | None]:
    """A Python float from a real number, or the reason it is not one."""
    if isinstance(value, (complex, np.complexfloating)) or np.iscomplexobj(value):
        return None, "Your answer is a complex number; this exercise wants a real number."
    try:
        number = float(value)
    except OverflowError:
        return None, "Your answer is too large to be compared (more than about 1.8e308)."
    return number, None


def _as_scalar(answer: Any) -> tuple[Any, str | None]:
    """Turn a size-1 array or Quantity into a scalar; explain anything else."""
    if (
        isinstance(answer, np.ndarray)
        and answer.shape == ()
        and answer.dtype.kind in "biuf"
        and not hasattr(answer, "unit")
    ):
        return answer[()], None  # a 0-d array, np.array(0.1186), is its one number
    if isinstance(answer, np.ndarray) and answer.shape != ():
        if answer.size == 1:  # [13.7] is 13.7: a Quantity keeps its unit, a plain array becomes a number
            return (answer.reshape(()) if hasattr(answer, "unit") else answer.reshape(())[()]), None
        if answer.size == 0:
            return None, "Your answer is an empty array. This exercise wants a single value."
        vector = (
            " If they are the components of a vector (x, y, z), the answer is its length: "
            "np.sqrt((v**2).sum()) or np.linalg.norm(v)."
            if answer.size in (2, 3)
            else ""
        )
        return None, (
            f"This exercise wants a single value, but your answer holds {answer.size} values. "
            f"Pick out the one that is asked for.{vector}"
        )
    return answer, None


def _is_plain_number(value: Any) -> bool:
    return isinstance(value, (numbers.Number, np.number)) and not isinstance(value, (bool, np.bool_))


def _within_rounding(a: float, e: float, figures: int = 2) -> bool:
    """True when ``a`` is ``e`` rounded to ``figures`` significant figures or fewer.

    Only the rounded number itself counts: 12 is 12.04 rounded, 12.3 is not (it is simply off). A rounding
    that moves the number by more than 2 % (500 for 482, 3 for 3.49) is not "close": it gets no such message.
    """
    return _rounded_to(a, e, figures, 0.02)


def _magnitude_hint(a: float, e: float, rtol: float = DEFAULT_RTOL, atol: float = 0.0) -> str:
    """A hint for an answer off by a clean power of ten or by its sign.

    The sign hint needs the right size too (within the tolerance, or a fair rounding of it): an answer of
    the wrong sign and the wrong size has more than its sign wrong.
    """
    if a == 0 or e == 0:
        return ""
    if (a < 0) != (e < 0):
        same_size = math.isclose(-a, e, rel_tol=rtol, abs_tol=atol) or _within_rounding(-a, e)
        return "Check the sign of your answer." if same_size else ""
    try:
        exponent = math.log10(abs(a)) - math.log10(abs(e))
    except (ValueError, OverflowError):  # pragma: no cover - both are finite and non-zero here
        return ""
    nearest = round(exponent)
    # 0.004 in log10 is about 0.9 %: a unit slip on an answer kept to three figures, not a factor like pi**2 (9.87)
    if nearest != 0 and abs(exponent - nearest) < 0.004:
        factor = f"{10 ** abs(nearest):,}" if abs(nearest) <= 9 else f"10^{abs(nearest)}"
        return f"Your answer is off by a factor of about {factor}: check your unit conversions and powers of ten."
    return ""


def _judge(
    a: float, e: float, rtol: float, atol: float, hint_text: str, name: str, shown: tuple[float, float] | None = None
) -> CheckResult:
    """Judge two finite-or-not floats; ``shown`` is (answer, expected) in the student's own unit."""
    if not math.isfinite(a):
        return CheckResult(
            INCORRECT,
            _join(
                "Your answer is not a finite number (it is nan or infinite)",
                "Check the calculation that produced it",
                hint_text,
            ),
            name,
        )
    if math.isclose(a, e, rel_tol=rtol, abs_tol=atol):
        return CheckResult(CORRECT, "", name)
    extra = _magnitude_hint(a, e, rtol, atol)
    if not extra and (_within_rounding(a, e) or (shown is not None and _within_rounding(*shown))):
        extra = "You are close: you may have rounded too much, so keep more significant figures."
    return CheckResult(INCORRECT, _join("That is not right", extra, hint_text), name)


def compare(
    answer: Any,
    expected: Any,
    *,
    rtol: float = DEFAULT_RTOL,
    atol: Any = 0.0,
    hint: str = "",
    choices: Sequence[str] | None = None,
    name: str = "",
    temperature_difference: bool = False,
) -> CheckResult:
    """Compare a student's answer with the expected one.

    Parameters
    ----------
    answer : object
        What the student wrote.  ``...`` means "not answered yet".
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
    temperature_difference : bool
        The expected temperature is a difference (so 1 deg_C = 1 K), not an
        absolute temperature (where 0 deg_C = 273.15 K, the default).

    Returns
    -------
    CheckResult
        Never raises for any ``answer``; an answer that is close only because
        it was rounded too much is told so, any other wrong answer is not.

    Examples
    --------
    >>> import astropy.units as u
    >>> compare(3 * u.kg, 1 * u.km).status
    'invalid'
    >>> compare(100 * u.deg_C, 373.15 * u.K).status
    'correct'
    """
    if answer is NOTED_SLIP:
        return CheckResult(UNANSWERED, "Mend your line as the note above says, then run the cell again.", name)
    if _is_placeholder(answer):
        return CheckResult(UNANSWERED, "Replace the `...` with your answer and run the cell again.", name)
    if answer is None:
        return CheckResult(INVALID, _NONE_MESSAGE, name)
    judge = _judge_function(expected)  # raises TypeError for an expected type no one can judge
    try:
        return judge(
            answer,
            expected,
            rtol=rtol,
            atol=atol,
            hint=hint,
            choices=choices,
            name=name,
            temperature_difference=temperature_difference,
        )
    except Exception:  # whatever the answer does (a broken __float__, __eq__, __array__ ...)
        return CheckResult(
            INVALID,
            (
                "Your answer could not be read as the kind of value this exercise asks for. "
                "Give a single number, a number with a unit, or the text or date the exercise names."
            ),
            name,
        )


def _is_astropy_time(value: Any, kind: str = "Time") -> bool:
    """Whether ``value`` is an astropy ``Time`` (or ``kind="TimeDelta"``), without importing astropy.time.

    No such object exists until ``astropy.time`` has been imported, so a lesson
    that never uses dates does not pay for importing it just to find that out.
    """
    module = sys.modules.get("astropy.time")
    return module is not None and isinstance(value, getattr(module, kind))


def _judge_function(expected: Any) -> Callable[..., CheckResult]:
    import astropy.units as u

    if _is_astropy_time(expected):
        return _compare_time
    if isinstance(expected, (bool, np.bool_)):
        return _compare_bool
    if isinstance(expected, str):
        return _compare_text
    if isinstance(expected, u.Quantity):
        return _compare_quantity
    if isinstance(expected, (numbers.Real, np.integer, np.floating)):
        return _compare_plain
    raise TypeError(  # an authoring error, not a student's
        f"compare() cannot judge an expected answer of type {type(expected).__name__}"
    )


def _compare_bool(answer, expected, *, hint, name, **_) -> CheckResult:
    if isinstance(answer, (bool, np.bool_)):
        if bool(answer) == bool(expected):
            return CheckResult(CORRECT, "", name)
        return CheckResult(INCORRECT, _join("That is not right", hint and f"Hint: {hint}"), name)
    return CheckResult(
        INVALID, _join(f"This exercise wants True or False (without quotes); you gave {_describe_type(answer)}"), name
    )


def _compare_plain(answer, expected, *, rtol, atol, hint, name, **_) -> CheckResult:
    import astropy.units as u

    hint_text = hint and f"Hint: {hint}"
    if isinstance(answer, (bool, np.bool_, str)):
        return CheckResult(INVALID, _join(f"This exercise wants a number; you gave {_describe_type(answer)}"), name)
    answer, problem = _as_scalar(answer)
    if problem:
        return CheckResult(INVALID, problem, name)
    if isinstance(answer, u.Quantity):
        # an angle in radians (or a ratio still carrying one) is a plain number under astropy's
        # dimensionless_angles rule; an angle in degrees (2.58 * u.deg) or any other unit is the wrong kind
        angle_in_other_unit = answer.unit.physical_type == "angle" and answer.unit != u.rad
        if angle_in_other_unit or not answer.unit.is_equivalent(u.one, equivalencies=u.dimensionless_angles()):
            return CheckResult(
                INVALID,
                _join(
                    f"This exercise wants a plain number without a unit; yours is in {answer.unit} "
                    f"({_kind_of_unit(answer.unit)})"
                ),
                name,
            )
        _, problem = _as_real(answer.value)
        if problem:
            return CheckResult(INVALID, problem, name)
        answer = answer.to_value(u.dimensionless_unscaled, equivalencies=u.dimensionless_angles())
    if not _is_plain_number(answer):
        return CheckResult(INVALID, _join(f"This exercise wants a number; you gave {_describe_type(answer)}"), name)
    a, problem = _as_real(answer)
    if problem:
        return CheckResult(INVALID, problem, name)
    e = float(expected)
    return _judge(a, e, rtol, float(atol), hint_text, name)


def _compare_quantity(answer, expected, *, rtol, atol, hint, name, temperature_difference=False, **_) -> CheckResult:
    import astropy.units as u

    hint_text = hint and f"Hint: {hint}"
    unit = expected.unit
    dimensionless = unit.physical_type == "dimensionless"
    e = float(expected.value) if np.ndim(expected.value) == 0 else None
    wanted = (
        "a plain number (the units cancel)"
        if dimensionless
        else f"a number with a unit of {_kind_of_unit(unit)}, for example {_unit_example(unit, e)}"
    )
    if isinstance(answer, (str, bool, np.bool_)):
        return CheckResult(INVALID, _join(f"This exercise wants {wanted}; you gave {_describe_type(answer)}"), name)
    if _is_astropy_time(answer, "TimeDelta"):  # a difference of two Times: a duration like any other
        answer = answer.to(u.day)
    answer, problem = _as_scalar(answer)
    if problem:
        return CheckResult(INVALID, problem, name)
    if not isinstance(answer, u.Quantity):
        if not _is_plain_number(answer):
            return CheckResult(INVALID, _join(f"This exercise wants {wanted}; you gave {_describe_type(answer)}"), name)
        if not dimensionless:
            number, _ = _as_real(answer)
            if number is not None and not math.isfinite(number):  # a unit would not help: say what is wrong first
                return CheckResult(
                    INCORRECT,
                    _join(
                        "Your answer is not a finite number (it is nan or infinite)",
                        "Check the calculation that produced it",
                    ),
                    name,
                )
            return CheckResult(
                INVALID,
                _join(
                    "Your answer has no unit",
                    f"Attach a unit of {_kind_of_unit(unit)}, for example {_unit_example(unit, e)}",
                ),
                name,
            )
        _, problem = _as_real(answer)
        if problem:
            return CheckResult(INVALID, problem, name)
        answer = answer * u.dimensionless_unscaled
    raw, problem = _as_real(answer.value)
    if problem:
        return CheckResult(INVALID, problem, name)
    if unit.physical_type == "angle" and answer.unit.physical_type == "solid angle":  # 228 * u.deg * u.deg
        return CheckResult(
            INVALID,
            _join(
                f"Your answer is in {answer.unit}: the angle unit is in it twice",
                "Attach an angle unit once (a value that already carries `u.deg` needs no second `* u.deg`)",
            ),
            name,
        )
    try:
        value = _to_unit(answer, unit, temperature_difference)
    except u.UnitsError:
        if dimensionless:
            return CheckResult(
                INVALID,
                _join(
                    f"Your answer is in {answer.unit} ({_kind_of_unit(answer.unit)}), but this exercise asks "
                    "for a plain number: the units should cancel"
                ),
                name,
            )
        if answer.unit.physical_type == "dimensionless":
            return CheckResult(
                INVALID,
                _join(
                    f"Your answer has no unit of {_kind_of_unit(unit)}",
                    f"Attach one, for example {_unit_example(unit, e)}",
                ),
                name,
            )
        twice = _unit_attached_twice(answer, unit, e, rtol)
        if twice:
            return CheckResult(
                INVALID,
                _join(
                    f"Your answer is in {_shown_unit(answer.unit)}: a unit is attached twice",
                    f"Drop the extra `* u.{twice}`: a value that already has a unit needs no second one",
                ),
                name,
            )
        kind = _kind_of_unit(unit)
        asked = kind if kind.startswith("quantity in") else f"{kind}, for example in {unit}"
        return CheckResult(
            INVALID,
            _join(
                f"Your answer is in {_shown_unit(answer.unit)} ({_kind_of_unit(answer.unit)}), but this exercise "
                f"asks for {_article(asked)}",
                _missing_step(answer.unit, unit),
            ),
            name,
        )
    if np.ndim(value) != 0 or e is None:
        return CheckResult(INVALID, "This exercise wants a single value.", name)
    if isinstance(atol, u.Quantity):
        atol_value = _to_unit(atol, unit, temperature_difference=True)
    else:
        atol_value = float(atol)
    a, problem = _as_real(value)
    if problem:
        return CheckResult(INVALID, problem, name)
    shown = None
    if raw is not None and answer.unit != unit and math.isfinite(e):
        try:  # the expected answer in the student's unit, to judge their rounding there
            shown = (raw, _to_unit(u.Quantity(e, unit), answer.unit, temperature_difference))
        except Exception:  # pragma: no cover - converted one way, converts back
            shown = None
    return _judge(a, e, rtol, atol_value, hint_text, name, shown)


def _compare_time(answer, expected, *, atol, hint, name, **_) -> CheckResult:
    import astropy.units as u
    from astropy.time import Time, TimeDelta

    hint_text = hint and f"Hint: {hint}"
    if isinstance(answer, str):
        try:
            answer = Time(answer, scale=expected.scale)
        except (ValueError, TypeError):
            return CheckResult(
                INVALID,
                (
                    "This exercise wants a date. Write it as an astropy Time or as text like "
                    "'2015-03-06' or '2015-03-06 12:00'."
                ),
                name,
            )
    if not isinstance(answer, Time):
        return CheckResult(
            INVALID,
            _join(
                "This exercise wants a date (an astropy Time or text like '2015-03-06'); "
                f"you gave {_describe_type(answer)}"
            ),
            name,
        )
    if answer.shape != ():
        return CheckResult(INVALID, "This exercise wants a single date.", name)
    if isinstance(atol, (TimeDelta, u.Quantity)):
        tol = atol.to(u.day)
    else:
        tol = 1 * u.day if not atol else float(atol) * u.day
    diff = abs((answer - expected).to(u.day))
    if not np.isfinite(diff.value):
        return CheckResult(INVALID, "Your date could not be compared; write it like '2015-03-06'.", name)
    if diff <= tol:
        return CheckResult(CORRECT, "", name)
    extra = "You are off by about a year or more: check the year." if diff > 300 * u.day else ""
    return CheckResult(INCORRECT, _join("That is not the right date", extra, hint_text), name)


def _normalise(text: str) -> str:
    return " ".join(text.strip().lower().replace("-", " ").replace("_", " ").split())


def _compare_text(answer, expected, *, choices, hint, name, **_) -> CheckResult:
    listed = ", ".join(repr(str(c)) for c in choices) if choices else ""
    if not isinstance(answer, str):
        wanted = f"one of these, in quotes: {listed}" if listed else "text in quotes, like 'my answer'"
        return CheckResult(INVALID, f"This exercise wants {wanted}; you gave {_describe_type(answer)}.", name)
    given = _normalise(answer)
    if choices and given not in {_normalise(c) for c in choices}:
        return CheckResult(INVALID, f"Please answer with one of: {listed}.", name)
    if given == _normalise(expected):
        return CheckResult(CORRECT, "", name)
    return CheckResult(INCORRECT, _join("That is not right", hint and f"Hint: {hint}"), name)


# --------------------------------------------------------------------------
# exercises
# --------------------------------------------------------------------------

_ID = re.compile(r"^(\d\d)\.(\d+)$")


@dataclass(frozen=True)
class Mistake:
    """A likely wrong answer to an exercise, and the hint it deserves.

    Parameters
    ----------
    solve : callable
        ``solve(**inputs)`` returns the wrong answer this mistake produces
        (for example the distance from the centre instead of the altitude),
        computed from the same inputs as the exercise.  It may have another
        unit than the right answer (a ratio instead of a distance).
    hint : str
        What a student who made this mistake should think about.  It must not
        reveal the right answer.
    rtol : float, optional
        How close an answer must be to this wrong answer to get its hint (default: the
        exercise's ``rtol``).  A narrower one suits a mistake whose hint asserts where the
        answer came from (a copied catalogue value), so a nearby guess is not told so.
    copied : bool, optional
        The wrong answer is a number the lesson prints (for another case): an answer equal to it was most
        likely copied, so this hint comes first even where the answer is also the right one rounded too far
        (see :class:`RoundedTooFar`); such a hint should then speak to both.
    unit_hints : mapping of str to str, optional
        Another hint for an answer given in one of these units (keyed by the unit's name, such as ``"deg_C"``):
        one wrong number may come from two slips that the answer's unit tells apart.
    method_right : bool, optional
        The hint tells a student whose method is right about one slip ("Your method is right, but ...", "If
        your method is right, ..."): it stands alone, without "That is not right" in front, so the message
        does not say two things at once. The answer is still incorrect.
    """

    solve: Callable[..., Any]
    hint: str
    rtol: float | None = None
    copied: bool = False
    unit_hints: Mapping[str, str] | None = None
    method_right: bool = False

    def hint_for(self, answer: Any) -> str:
        """The hint for this answer: the one for its unit, if there is one, else ``hint``."""
        unit = getattr(answer, "unit", None)
        if unit is None or not self.unit_hints:
            return self.hint
        import astropy.units as u

        for name, text in self.unit_hints.items():
            try:
                if unit == u.Unit(name):
                    return text
            except ValueError:
                continue
        return self.hint

    def hints(self) -> tuple[str, ...]:
        """Every hint this mistake may give."""
        return (self.hint, *(self.unit_hints or {}).values())


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
    rtol, atol, hint, choices, temperature_difference
        Passed to :func:`compare`.
    defaults : mapping
        Inputs used when a caller leaves them out (documented in the notebook).
    mistakes : sequence of Mistake
        Likely wrong answers, each with a targeted hint.  A wrong answer that
        matches one (within ``rtol``/``atol``) gets that hint and nothing else.
    points : float
        Points when graded (default 1).
    synonyms : mapping
        For text answers: other words a student may fairly write for a choice (a singular, a code),
        each mapped to the choice it means, e.g. ``{"centaur": "centaurs"}``; compared like the
        choices (case, hyphens and spaces do not matter).
    incomplete : mapping
        For text answers: a part of a choice a student may give alone, mapped to the sentence that asks
        for the missing part, e.g. ``{"librates": "About which middle, 0 or 180?"}``; such an answer is
        invalid and gets that sentence with the list of choices.
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
    temperature_difference: bool = False
    synonyms: Mapping[str, str] = field(default_factory=dict)
    incomplete: Mapping[str, str] = field(default_factory=dict)

    def title_for(self, **inputs: Any) -> str:
        """The title with its ``{name}`` fields filled from the inputs."""
        try:
            return self.title.format(**{**self.defaults, **inputs})
        except Exception:  # a field the inputs cannot fill (or format)
            return title_without_fields(self.title)

    def _missing_inputs(self, inputs: Mapping[str, Any]) -> list[str]:
        """The inputs ``solve`` needs that neither the call nor the defaults give."""
        import inspect

        try:
            params = inspect.signature(self.solve).parameters.values()
        except (TypeError, ValueError):
            return []
        given = {**self.defaults, **inputs}
        return [
            p.name
            for p in params
            if p.default is inspect.Parameter.empty
            and p.kind in (inspect.Parameter.POSITIONAL_OR_KEYWORD, inspect.Parameter.KEYWORD_ONLY)
            and p.name not in given
        ]

    def expected(self, **inputs: Any) -> Any:
        """The expected answer for these inputs (for instructors and tests)."""
        return self.solve(**{**self.defaults, **inputs})

    def _compare(self, answer: Any, expected: Any, name: str = "", rtol: float | None = None) -> CheckResult:
        return compare(
            answer,
            expected,
            rtol=self.rtol if rtol is None else rtol,
            atol=self.atol,
            hint=self.hint,
            choices=self.choices,
            name=name,
            temperature_difference=self.temperature_difference,
        )

    #: What to do when the inputs cannot be used (a subclass may name its inputs).
    restore_inputs: ClassVar[str] = "Restore or fix the inputs above and run the cells again"

    def _begin(self, answer: Any, inputs: Mapping[str, Any]) -> tuple[str, Any, CheckResult | None]:
        """The start of every check: the title, an answer not given yet, the expected answer.

        Returns ``(title, expected, None)``, or ``(title, None, result)`` when the
        check is decided already: no answer yet, or inputs that cannot be used.
        """
        title = self.title_for(**inputs)
        if _is_placeholder(answer):
            return title, None, compare(answer, None, name=title)
        missing = self._missing_inputs(inputs)
        if missing:
            named = ", ".join(f"{m}=..." for m in missing)
            message = (
                f"This check needs its input{'s' if len(missing) > 1 else ''} {' and '.join(missing)}: pass "
                f"{named} after your answer, as the exercise's check cell does, and run that cell as it is."
            )
            return title, None, _InputsResult(INVALID, message, title)
        try:
            expected = self.expected(**inputs)
        except Exception as err:  # the *inputs* are wrong (an instructor's or a student's edit)
            message = _join("The exercise's inputs could not be used", _input_problem(err, inputs), self.restore_inputs)
            return title, None, _InputsResult(INVALID, message, title)
        return title, expected, None

    def check(self, answer: Any, **inputs: Any) -> CheckResult:
        """Judge ``answer`` for these inputs; never raises, whatever the answer or inputs."""
        title, expected, decided = self._begin(answer, inputs)
        if decided is not None:
            return decided
        if np.size(getattr(expected, "value", expected)) != 1 and not isinstance(expected, str):
            return _InputsResult(
                INVALID,
                _join(
                    "The exercise's inputs could not be used",
                    _input_problem(None, inputs),
                    "Restore or fix the inputs above and run the cells again",
                ),
                title,
            )
        try:
            _judge_function(expected)
        except TypeError:
            return CheckResult(
                INVALID,
                (
                    "This exercise's check cannot judge answers: its expected answer has a type it does not "
                    "know. Please tell your instructor."
                ),
                title,
            )
        if isinstance(answer, str) and self.synonyms:  # another fair word for a choice counts as that choice
            answer = {_normalise(k): v for k, v in self.synonyms.items()}.get(_normalise(answer), answer)
        if isinstance(answer, str) and self.incomplete:  # a choice's first half alone: ask for the rest
            missing = {_normalise(k): v for k, v in self.incomplete.items()}.get(_normalise(answer))
            if missing:
                listed = ", ".join(repr(str(c)) for c in self.choices or ())
                return CheckResult(INVALID, _join(missing, listed and f"Answer with one of: {listed}"), title)
        result = self._compare(answer, expected, title)
        if result.status in (CORRECT, UNANSWERED):
            return result
        # A likely mistake comes first: its targeted hint, never a generic "close". A mistake with the sign
        # flipped too (a difference taken the other way round) gets the same hint, before any sign message;
        # a mistake the answer matches as it stands wins over one it matches only with its sign flipped.
        # A mistake that cannot be computed for these inputs is skipped, and so is one whose wrong answer lies
        # within the tolerance of the right one (for these inputs it is no mistake, and its hint would
        # otherwise catch answers it does not explain, such as the right answer with its sign flipped).
        wrongs = []
        for mistake in self.mistakes:
            try:
                wrong = mistake.solve(**{**self.defaults, **inputs})
                if self._compare(wrong, expected).ok:
                    continue
            except Exception:
                continue
            wrongs.append((mistake, wrong))
        for flipped in (False, True):
            for mistake, wrong in wrongs:
                try:
                    hit = self._compare(-answer if flipped else answer, wrong, rtol=mistake.rtol).ok
                except Exception:  # not comparable, or an answer that cannot be negated (a string, a list)
                    hit = False
                if hit:
                    sign = "Check the sign of your answer too." if flipped else ""
                    hint = mistake.hint_for(answer)
                    if mistake.method_right:
                        return CheckResult(INCORRECT, _join(hint, sign), title)
                    return CheckResult(INCORRECT, _join("That is not right", f"Hint: {hint}", sign), title)
        return result


def _input_problem(err: Exception | None, inputs: Mapping[str, Any]) -> str:
    """Why the inputs failed, in words (without a traceback)."""
    for key, value in inputs.items():
        try:
            size = np.size(value) if isinstance(value, np.ndarray) else None
        except Exception:  # pragma: no cover
            size = None
        if size is not None and size != 1:
            return f"The input {key} holds {size} values, but this exercise needs a single value"
    if err is None:
        return "They give more than one expected value, but this exercise needs a single value"
    text = " ".join(str(err).split())
    return text or type(err).__name__


def _describe_id(exercise_id: Any) -> str:
    return repr(exercise_id) if isinstance(exercise_id, str) else _describe_type(exercise_id)


class WrittenExerciseError(ValueError):
    """An id of a written exercise (``WRITTEN`` in its lesson's module), which no code checks."""


def _get_exercise(exercise_id: str) -> Exercise:
    """Find an exercise by id, e.g. ``"00.1"`` (lesson 00, exercise 1).

    Exercises of lesson ``NN`` live in ``utils.exercises.lessonNN``, in a dict
    named ``_EXERCISES``.  Raises ``ValueError`` with a clear sentence for an
    unknown id.
    """
    if not isinstance(exercise_id, str) or not _ID.match(exercise_id):
        raise ValueError(
            f"An exercise id is text like '01.2' (lesson 01, exercise 2); got {_describe_id(exercise_id)}."
        )
    lesson = exercise_id.split(".", 1)[0]
    try:
        module = importlib.import_module(f"utils.exercises.lesson{lesson}")
    except ModuleNotFoundError:
        raise ValueError(f"There is no lesson {lesson} with exercises (from the id {exercise_id!r}).") from None
    exercises = getattr(module, "_EXERCISES", {})
    if exercise_id in getattr(module, "WRITTEN", {}):
        raise WrittenExerciseError(
            f"{exercise_id} is a written exercise: write your answer in its answer cell; your instructor marks "
            "it with the rubric, and no code checks it."
        )
    if exercise_id not in exercises:
        known = ", ".join(sorted(exercises)) or "none"
        raise ValueError(f"Lesson {lesson} has no exercise {exercise_id!r}; its exercises are {known}.")
    return exercises[exercise_id]


def _expected_answer(exercise_id: str, **inputs: Any) -> Any:
    """The answer an exercise expects for these inputs (for the answer key and tests)."""
    return _get_exercise(exercise_id).expected(**inputs)


@dataclass(frozen=True)
class ReasonedExercise(Exercise):
    """An exercise answered with a choice or verdict and a one-line reason (the input ``reason``).

    The reason is graded by hand with the instructor page's rubric, never here, but a right answer with an empty
    reason is asked to write one (``missing_reason``), and one with fewer than ``min_reason_words`` words is asked
    for more (``short_reason``); a digit in the reason counts as enough when ``digits_suffice`` (a date or number
    compared). A subclass may judge the answer itself in :meth:`_judge`.
    """

    reason_name: str = "your reason"
    missing_reason: str = "what shows it, and why."
    short_reason: str = "say in a sentence what shows it."
    min_reason_words: int = 3
    digits_suffice: bool = False

    def expected(self, **inputs: Any) -> Any:
        inputs.pop("reason", None)
        return super().expected(**inputs)

    def check(self, answer: Any, **inputs: Any) -> CheckResult:
        reason = inputs.pop("reason", None)
        result = self._judge(answer, **inputs)
        ask = self._reason_prompt(reason) if result.ok else ""
        if not ask:
            return result
        return CheckResult(result.status, " ".join(m for m in (result.message, ask) if m), result.name)

    def _judge(self, answer: Any, **inputs: Any) -> CheckResult:
        return super().check(answer, **inputs)

    def _reason_prompt(self, reason: Any) -> str:
        """What to add to a right answer's message about its reason ("" when the reason looks like one)."""
        if reason is None:
            return ""
        if reason is not Ellipsis and not isinstance(reason, str):  # 13.7, or a list: the table needs text
            return (
                f'Write {self.reason_name} as text, your sentence in quotes ("..."). At the moment it holds '
                f"{_describe_type(reason)}."
            )
        text = "" if reason is Ellipsis else str(reason)
        if not text.strip():
            return f"Now write your one-line reason in {self.reason_name}: {self.missing_reason}"
        if len(text.split()) < self.min_reason_words and not (self.digits_suffice and any(c.isdigit() for c in text)):
            return f"Your reason in {self.reason_name} is very short: {self.short_reason}"
        return ""


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
        Displays as a short message; ``result.ok`` is True when correct.  It
        never raises: an unknown id or unusable inputs give an ``invalid``
        result that says what to fix.

    Examples
    --------
    >>> import astropy.units as u
    >>> check("00.1", ..., distance=4500 * u.imperial.mile).status
    'unanswered'
    >>> check("99.1", 3).status
    'invalid'
    """
    try:
        exercise = _get_exercise(exercise_id)
    except WrittenExerciseError as err:
        return CheckResult(INVALID, str(err))
    except ValueError as err:
        return CheckResult(INVALID, _join(str(err), "Check the id in the utils.check(...) call"))
    except Exception as err:  # a lesson's exercise module that fails to load: an authoring error
        return CheckResult(
            INVALID,
            _join(
                f"The exercises for {_describe_id(exercise_id)} could not be loaded ({type(err).__name__})",
                "Please tell your instructor",
            ),
        )
    try:
        return exercise.check(answer, **inputs)
    except Exception:  # pragma: no cover - Exercise.check already catches everything it can
        return CheckResult(INVALID, "This check could not run. Please tell your instructor.")


def _rounded_to(a: float, e: float, figures: int, band: float) -> bool:
    """True when ``a`` is ``e`` rounded to ``figures`` significant figures or fewer, moving it by at most
    ``band`` (relative): 15 is 15.42 rounded to two figures (2.7 % off), 30,000 is 28,400 rounded to one."""
    if e == 0 or not math.isfinite(e) or not math.isfinite(a) or abs(a - e) > band * abs(e):
        return False
    for kept in range(1, figures + 1):
        step = 10.0 ** (math.floor(math.log10(abs(e))) - (kept - 1))
        if math.isclose(a, round(e / step) * step, rel_tol=1e-9):
            return True
    return False


@dataclass(frozen=True)
class RoundedTooFar(Exercise):
    """An exercise that tells the right answer rounded too far (to ``figures`` significant figures or fewer,
    moving it by at most ``band``) to keep ``keep``, before any likely mistake's hint.

    The rounding is judged in the student's own unit (-60 deg_C is 213.15 K rounded in Celsius). An answer
    that is an exact rounding of the right one is told so even when a mistake's value lies near it (2.5 AU
    is both 2.535 AU rounded and another route's 2.498 AU): the student most likely rounded, and a mistake's
    hint would send them away from a right method, unless that mistake is a number the lesson prints
    (``Mistake(copied=True)``). Any other near miss gets its mistake's hint or the plain one, never "close".
    With ``cut``, a number cut off (not rounded) to ``figures`` counts too (13 for 13.7 whole months). With
    ``close_before_copied``, an exact rounding that is also a printed number is told it is close first, then
    the copied mistake's hint as a note (the right answer to two figures is also a printed line's value).

    A subclass whose answers are compared in another form than the student gives them (a stay in months)
    overrides ``_comparable`` (the answer as compared) and ``_expected_quantity`` (the right answer in a
    unit the student's answer converts to).
    """

    figures: int = 2
    band: float = 0.02
    keep: str = "more significant figures"
    cut: bool = False
    close_before_copied: bool = False

    def check(self, answer: Any, **inputs: Any) -> CheckResult:
        result = super().check(self._comparable(answer), **inputs)
        if result.ok or result.status != INCORRECT or not self._rounded(answer, inputs):
            return result
        close = f"That is not right, but it is close: you rounded too much, so keep {self.keep}."
        copied = [h for m in self.mistakes if m.copied for h in m.hints() if h in result.message]
        if copied:  # a number printed in the lesson too: rounded, or copied from there
            # with close_before_copied, the rounding is told first, then the note about the printout
            return (
                CheckResult(INCORRECT, f"{close} Note: {copied[0]}", result.name)
                if self.close_before_copied
                else result
            )
        # the method is right: no method hint after it, which would say the opposite
        return CheckResult(INCORRECT, close, result.name)

    def _comparable(self, answer: Any) -> Any:
        """The answer in the form the right one is compared with (the answer itself, unless overridden)."""
        return answer

    def _expected_quantity(self, inputs: Mapping[str, Any]) -> Any:
        """The right answer, with a unit the student's answer can be converted to."""
        return self.expected(**inputs)

    def _rounded(self, answer: Any, inputs: dict) -> bool:
        """Is ``answer`` the right answer rounded too far (a plain number counts as dimensionless)?"""
        import astropy.units as u

        try:
            if isinstance(answer, bool) or np.size(answer) != 1:
                return False
            expected = u.Quantity(self._expected_quantity(inputs))
            given = u.Quantity(answer)
            # how far off, in the expected unit; the rounding itself, in the student's unit
            e, a = float(expected.value), float(_to_unit(given, expected.unit, self.temperature_difference))
            shown_e = float(_to_unit(expected, given.unit, self.temperature_difference))
        except Exception:
            return False
        if not (math.isfinite(a) and math.isfinite(e)) or abs(a - e) > self.band * abs(e):
            return False
        if self.cut and shown_e != 0:
            step = 10.0 ** (math.floor(math.log10(abs(shown_e))) - (self.figures - 1))
            if math.isclose(float(given.value), math.floor(shown_e / step) * step, rel_tol=1e-9):
                return True
        return _rounded_to(float(given.value), shown_e, self.figures, math.inf)
