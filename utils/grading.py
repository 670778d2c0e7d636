"""Form-only self-checks for graded work.

In a graded assignment a student's notebook must not be able to tell whether
an answer is right, and nothing the student receives may compute the expected
answer.  So the ``utils`` shipped with a graded assignment replaces each
lesson's exercise registry (``utils/exercises/lessonNN.py``) by a list of
:class:`FormExercise` objects: each knows the exercise's title, its points and
the *form* of its answer (a length, a plain number, one of some words, a
date), but not the answer.  ``utils.check(...)`` then says

* ``Not answered yet`` while the answer is still ``...``;
* ``Answer saved`` when the answer has the right form (it will be graded later);
* a plain explanation, as the formative check gives, when the form is wrong
  (no unit, the wrong kind of unit, a word that is not one of the choices).

The grading side (``tools/grading.py``) keeps the full registries and judges
the answers.  :func:`form_of` describes an expected answer's form; it runs on
the instructor's side, when the graded copy is built.

Examples
--------
>>> import astropy.units as u
>>> ex = FormExercise("Exercise 1 · a distance", {"kind": "quantity", "unit": "km"})
>>> ex.check(..., distance=1 * u.km).status
'unanswered'
>>> ex.check(3 * u.imperial.mile).status
'answered'
>>> ex.check(3 * u.kg).status
'invalid'
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .checks import Shown, title_without_fields
from .units import choice, number, text

__all__ = ["ANSWERED", "FormExercise", "FormResult", "GradedCopyError", "form_of"]

ANSWERED = "answered"

_LABEL = {ANSWERED: "Answer saved", "unanswered": "Not answered yet", "invalid": "Check the form of your answer"}
_SYMBOL = {ANSWERED: "✎", "unanswered": "…", "invalid": "⚠"}
_COLOUR = {ANSWERED: "#0072B2", "unanswered": "#999999", "invalid": "#E69F00"}

_KIND_WORDS = {
    "number": "a plain number",
    "text": "one of the words offered",
    "bool": "True or False",
    "date": "a date",
}


class GradedCopyError(RuntimeError):
    """Raised when a graded copy is asked for an expected answer it does not have."""


@dataclass(frozen=True, repr=False)
class FormResult(Shown):
    """What a form-only check says; shows itself as a short message in a notebook.

    :attr:`ok` is True when the answer is well-formed (not whether it is right: that is graded later).
    """

    LABEL = _LABEL
    SYMBOL = _SYMBOL
    COLOUR = _COLOUR
    OK = ANSWERED

    status: str
    message: str
    name: str = ""

    def __post_init__(self):
        choice(self.status, "status", tuple(_LABEL))
        text(self.message, "message", empty=True)
        text(self.name, "name", empty=True)


def _probe(form: Mapping[str, Any]):
    """A stand-in of the answer's form (never the answer) for :func:`utils.checks.compare`."""
    kind = form["kind"]
    if kind == "quantity":
        import astropy.units as u

        return 1.0 * u.Unit(form["unit"])
    if kind == "number":
        return 1.0
    if kind == "bool":
        return True
    if kind == "date":
        from astropy.time import Time

        return Time("2000-01-01", scale=form.get("scale", "utc"))
    if kind == "text":
        choices = form.get("choices") or ()
        return choices[0] if choices else "a word"
    raise ValueError(f"unknown answer kind {kind!r}")


def _describe(form: Mapping[str, Any]) -> str:
    if form["kind"] == "mapping":
        return f"a dict giving one of the words offered for each of {', '.join(form['keys'])}"
    if form["kind"] == "quantity":
        import astropy.units as u

        unit = u.Unit(form["unit"])
        kind = str(unit.physical_type)
        return "a plain number" if kind == "dimensionless" else f"a {kind} with its unit"
    return _KIND_WORDS[form["kind"]]


def _check_mapping(answer: Any, form: Mapping[str, Any], choices, title: str) -> FormResult:
    """The form of a dict answer (one word per key), as a :class:`FormResult`-like status and message."""
    from .checks import _is_placeholder, compare

    if _is_placeholder(answer):
        return FormResult("unanswered", compare(answer, None, name=title).message, title)
    keys = list(form.get("keys", ()))
    if not isinstance(answer, Mapping):
        return FormResult("invalid", f"Give a dict with one entry for each of {', '.join(keys)}.", title)
    given = {str(k).strip().upper(): v for k, v in answer.items()}
    missing = [k for k in keys if k not in given]
    if missing:
        return FormResult("invalid", f"The dict has no entry for {', '.join(missing)}: add one for each.", title)
    for key in keys:
        result = compare(given[key], "x", rtol=0.0, choices=choices, name=key)
        if result.status in ("unanswered", "invalid"):
            return FormResult(result.status, f"{key}: {result.message}", title)
    return FormResult(ANSWERED, "", title)


@dataclass(frozen=True)
class FormExercise:
    """An exercise of a graded copy: title, points and the form of the answer, no solution.

    Parameters
    ----------
    title : str
        As in the full registry; ``{name}`` fields are filled from the inputs.
    form : mapping
        ``{"kind": "quantity", "unit": "km"}``, ``{"kind": "number"}``,
        ``{"kind": "text", "choices": [...]}``, ``{"kind": "bool"}`` or
        ``{"kind": "date"}`` (see :func:`form_of`).
    points : float
        Points when graded.
    """

    title: str
    form: Mapping[str, Any]
    points: float = 1
    defaults: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self):
        text(self.title, "title")
        if not isinstance(self.form, Mapping) or self.form.get("kind") not in (*_KIND_WORDS, "quantity", "mapping"):
            raise TypeError(
                f"form must be a mapping with a 'kind' among {sorted((*_KIND_WORDS, 'quantity', 'mapping'))} "
                f"(see form_of); got {self.form!r}"
            )
        number(self.points, "points", positive=True, scalar=True)
        if not isinstance(self.defaults, Mapping):
            raise TypeError(f"defaults must be a mapping of input names to values; got {self.defaults!r}")

    def title_for(self, **inputs: Any) -> str:
        try:
            return self.title.format(**{**self.defaults, **inputs})
        except (KeyError, IndexError, ValueError, AttributeError, TypeError):
            return title_without_fields(self.title)

    def expected(self, **inputs: Any):
        raise GradedCopyError(
            "This is the graded copy of the exercises: it checks the form of an answer only. "
            "The answers are kept by the grader."
        )

    def check(self, answer: Any, **inputs: Any) -> FormResult:
        """Say whether ``answer`` is well-formed; never whether it is right.  Never raises on the answer."""
        from .checks import compare

        title = self.title_for(**inputs)
        choices = self.form.get("choices") or None
        if self.form["kind"] == "mapping":
            result = _check_mapping(answer, self.form, choices, title)
        else:
            result = compare(answer, _probe(self.form), rtol=0.0, choices=choices, name=title)
        if result.status == "unanswered":
            return FormResult("unanswered", result.message, title)
        if result.status == "invalid":
            return FormResult("invalid", result.message, title)
        return FormResult(
            ANSWERED,
            f"It has the right form ({_describe(self.form)}). This is graded work: whether it is right is "
            "decided when it is graded. Save the notebook.",
            title,
        )


def form_of(expected: Any, choices: Sequence[str] | None = None) -> dict[str, Any]:
    """The form of an expected answer, as :class:`FormExercise` wants it (for building graded copies).

    >>> import astropy.units as u
    >>> form_of(2.5 * u.AU)
    {'kind': 'quantity', 'unit': 'AU'}
    >>> form_of("composition", ("distance", "composition"))
    {'kind': 'text', 'choices': ['distance', 'composition']}
    >>> form_of({"N06": "date"}, ("date", "number"))
    {'kind': 'mapping', 'keys': ['N06'], 'choices': ['date', 'number']}
    """
    import numbers

    import astropy.units as u
    import numpy as np
    from astropy.time import Time

    if choices is not None and (
        isinstance(choices, (str, bytes))
        or not isinstance(choices, (list, tuple))
        or not all(isinstance(c, str) for c in choices)
    ):
        raise TypeError(f"choices must be a list of words (or None); got {choices!r}")
    if isinstance(expected, Time):
        return {"kind": "date", "scale": expected.scale}
    if isinstance(expected, Mapping) and expected and all(isinstance(v, str) for v in expected.values()):
        return {"kind": "mapping", "keys": [str(k) for k in expected], "choices": list(choices or [])}
    if isinstance(expected, (bool, np.bool_)):
        return {"kind": "bool"}
    if isinstance(expected, str):
        return {"kind": "text", "choices": list(choices or [])}
    if isinstance(expected, u.Quantity):
        return {"kind": "quantity", "unit": expected.unit.to_string()}
    if isinstance(expected, numbers.Real):
        return {"kind": "number"}
    raise TypeError(f"no answer form for an expected answer of type {type(expected).__name__}")
