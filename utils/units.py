"""Validation of the arguments passed to ``utils`` functions.

Every public function checks its arguments on entry with the helpers here,
so that a number without a unit, a unit of the wrong kind, an impossible
value (a negative mass), a list of the wrong length, a wrong object (a
string where a table is expected) or a count too large to finish gets one
clear message that names the argument and says what was expected, instead
of a traceback from deep inside numpy, astropy or matplotlib.

* :func:`require` -- a Quantity of a given kind (length, time...), optionally positive or single.
* :func:`gravitational_parameter` -- a G*M (km3 / s2), by default the Sun's.
* :func:`number` -- a plain (dimensionless) number or array, with optional bounds.
* :func:`fraction` -- a plain number between 0 and 1 (efficiency, probability...).
* :func:`albedo` -- an albedo, with the rule of its kind (:data:`ALBEDO_LIMITS`).
* :func:`positive` -- a plain number greater than 0.
* :func:`integer` -- a whole number within bounds (counts, steps, sizes: bounded work).
* :func:`flag` -- a real ``True``/``False``.
* :func:`choice` -- one string out of a fixed set.
* :func:`text` -- a non-empty string.
* :func:`array` -- a plain numeric array with a given number of dimensions or shape.
* :func:`same_shape` -- several arrays that must have the same shape (or length).
* :func:`path_like` -- a file or directory path.
* :func:`axes` -- a matplotlib ``Axes``.
* :func:`table` -- an astropy ``Table`` with the needed columns.
* :func:`instance` -- an object of a given class.
* :func:`colour` -- a matplotlib colour.
* :func:`pair` -- two plain numbers, such as a window (low, high) or a figure size.
* :func:`quantity_map` -- a mapping of labels to Quantities (resonances, orbits...).
* :func:`int_pairs` -- a list of (p, q) pairs of positive whole numbers.
* :func:`resonance_pair` -- one interior resonance p:q (whole numbers, p > q).

Every value is also bounded in size: :data:`MAX_MAGNITUDE` caps the size of
a number (1e300 km is a typing slip and would overflow to ``inf`` in a
cube), so a result is never silently infinite.

Examples
--------
>>> import astropy.units as u
>>> require(3 * u.km, u.m, "radius", positive=True)
<Quantity 3. km>
>>> integer(12, "n", low=1, high=1000)
12
>>> fraction(0.09, "albedo")
0.09
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import astropy.units as u
import numpy as np

__all__ = [
    "require",
    "number",
    "fraction",
    "positive",
    "integer",
    "flag",
    "choice",
    "text",
    "array",
    "same_shape",
    "path_like",
    "axes",
    "table",
    "instance",
    "colour",
    "pair",
    "quantity_map",
    "int_pairs",
    "albedo",
    "gravitational_parameter",
    "resonance_pair",
    "ArgumentTypeError",
    "MAX_MAGNITUDE",
    "ALBEDO_LIMITS",
    "MU_UNIT",
]


class ArgumentTypeError(TypeError, ValueError):
    """An argument of the wrong type (None, a string, True/False, another object) where a
    number, array, path... is expected.  Both a ``TypeError`` and a ``ValueError``, so
    code that catches either one sees it."""


#: Largest magnitude accepted for any number (in the unit it is checked in).
#: Squares and cubes of larger numbers overflow double precision.
MAX_MAGNITUDE = 1e50


def _describe(value: Any) -> str:
    text = repr(value)
    if len(text) > 60:
        text = text[:57] + "..."
    return f"{text} ({type(value).__name__})"


def _as_float_array(value: Any, name: str, what: str) -> np.ndarray:
    """``value`` (number, list, array) as a float array, refusing strings, None, bools and objects."""
    if value is None or isinstance(value, (str, bytes, bool, np.bool_, dict, set)):
        raise ArgumentTypeError(f"{name} must be {what}; got {_describe(value)}.")
    try:
        arr = np.asarray(value, dtype=float)
    except (TypeError, ValueError, OverflowError):
        raise ArgumentTypeError(f"{name} must be {what}; got {_describe(value)}.") from None
    raw = np.asarray(value, dtype=object) if not isinstance(value, np.ndarray) else value
    if raw.dtype == bool or (raw.dtype == object and any(isinstance(v, (bool, np.bool_)) for v in raw.flat)):
        raise ArgumentTypeError(f"{name} must be {what}, not True/False; got {_describe(value)}.")
    return arr


def _check_values(
    v: np.ndarray,
    name: str,
    shown: Any,
    *,
    finite: bool,
    positive: bool,
    nonnegative: bool,
    low=None,
    high=None,
    unit_text: Any = "",
) -> None:
    all_finite = bool(np.isfinite(v).all())
    if finite and not all_finite:
        raise ValueError(f"{name} must be finite (not nan or inf); got {shown}.")
    if all_finite and v.size and np.ndim(low) == 0 and np.ndim(high) == 0:
        # the usual case, in two passes over the values (their least and greatest) instead of one per condition
        least, greatest = float(v.min()), float(v.max())
        too_large = max(-least, greatest) > MAX_MAGNITUDE
        not_positive, negative = least <= 0, least < 0
        below = low is not None and least < low
        above = high is not None and greatest > high
    else:
        too_large = np.any(np.abs(v[np.isfinite(v)]) > MAX_MAGNITUDE)
        not_positive, negative = np.any(v <= 0), np.any(v < 0)
        below = low is not None and np.any(v < low)
        above = high is not None and np.any(v > high)
    if too_large:
        raise ValueError(f"{name} is too large (limit {MAX_MAGNITUDE:g}{unit_text} in size); got {shown}.")
    if positive and not_positive:
        raise ValueError(f"{name} must be positive; got {shown}.")
    if nonnegative and negative:
        raise ValueError(f"{name} cannot be negative; got {shown}.")
    if below:
        raise ValueError(f"{name} must be at least {low}{unit_text}; got {shown}.")
    if above:
        raise ValueError(f"{name} must be at most {high}{unit_text}; got {shown}.")


class _ArrayShown:
    """How an array is named in a message (its first values), worked out only if a message is written."""

    def __init__(self, arr: np.ndarray):
        self.arr = arr

    def __str__(self) -> str:
        return f"an array with values {self.arr.ravel()[:5]}..."

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)


def require(
    value: Any,
    unit: u.UnitBase | str,
    name: str,
    *,
    positive: bool = False,
    nonnegative: bool = False,
    finite: bool = True,
    low: float | None = None,
    high: float | None = None,
    scalar: bool = False,
    kind: str | None = None,
) -> u.Quantity:
    """Return ``value`` as a Quantity convertible to ``unit``, or raise a clear error.

    Parameters
    ----------
    value : Quantity
        The value to check.
    unit : Unit or str
        Any unit of the expected kind (``u.km`` accepts AU, m, miles...).
    name : str
        The argument's name, used in the message.
    positive, nonnegative, finite : bool
        Extra conditions on every element.
    low, high : float, optional
        Bounds on every element, in ``unit``.
    scalar : bool
        A single value, not an array.
    kind : str, optional
        What the quantity is, for the messages, where astropy has no name for
        ``unit``'s physical type (a gravitational parameter, a mass flow...).

    Every element must also be at most :data:`MAX_MAGNITUDE` in size (in ``unit``).

    Returns
    -------
    Quantity
        ``value`` unchanged (in its own unit).

    Raises
    ------
    astropy.units.UnitsError
        Missing unit or a unit of the wrong kind.
    TypeError
        Not a number at all (None, a string, True/False, another object).
    ValueError
        A value that breaks a condition.
    """
    unit = u.Unit(unit)
    if not isinstance(value, u.Quantity):
        kind = kind or unit.physical_type
        if unit == u.dimensionless_unscaled:
            value = u.Quantity(_as_float_array(value, name, "a plain number"))
        elif (
            value is None
            or isinstance(value, (str, bytes, bool, np.bool_))
            or not isinstance(value, (int, float, np.number, np.ndarray, list, tuple))
        ):
            raise ArgumentTypeError(
                f"{name} must be a {kind} with a unit (for example {name} = 12.3 * {_example_unit(unit)}); "
                f"got {_describe(value)}."
            )
        else:
            raise u.UnitsError(
                f"{name} needs a unit of {kind} (for example {name} = 12.3 * {_example_unit(unit)}); "
                f"got {_describe(value)} without a unit."
            )
    if value.dtype.kind not in "iuf":
        raise ArgumentTypeError(f"{name} must hold real numbers; got a Quantity of dtype {value.dtype}.")
    if not value.unit.is_equivalent(unit):
        got = f"got a value in {value.unit}"
        if str(value.unit.physical_type) != "unknown":
            got += f" ({value.unit.physical_type})"
        if unit.physical_type == "dimensionless":  # "convertible to )" would mean nothing
            raise u.UnitsError(f"{name} must be a plain number (no unit, or u.one); {got}.")
        kind = kind or unit.physical_type
        article = "an" if str(kind)[:1] in "aeiou" else "a"
        raise u.UnitsError(f"{name} must be {article} {kind} (convertible to {unit}); {got}.")
    v = np.asanyarray(value.to_value(unit), dtype=float)
    _check_values(
        v,
        name,
        value,
        finite=finite,
        positive=positive,
        nonnegative=nonnegative,
        low=low,
        high=high,
        unit_text=_UnitText(unit),
    )
    if scalar and np.ndim(value):
        raise ValueError(f"{name} must be a single value, not an array; got shape {np.shape(value)}.")
    return value


class _UnitText:
    """`` km`` after a number in a message (nothing for a plain number), written only if a message is."""

    def __init__(self, unit: u.UnitBase):
        self.unit = unit

    def __str__(self) -> str:
        return f" {self.unit}" if self.unit != u.one else ""

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)


def _example_unit(unit: u.UnitBase) -> str:
    text = unit.to_string()
    if not text:
        return "u.one"
    return f"u.{text}" if text.isidentifier() else f"u.Unit('{text}')"


#: The unit of gravitational parameters G*M.
MU_UNIT = u.km**3 / u.s**2


def gravitational_parameter(value: Any = None, name: str = "mu") -> u.Quantity:
    """A gravitational parameter G*M (positive, single), in km3 / s2; ``None`` gives the Sun's.

    Examples
    --------
    >>> round(float(gravitational_parameter(398600.4 * MU_UNIT).value))
    398600
    >>> gravitational_parameter(None).unit
    Unit("km3 / s2")
    """
    if value is None:
        from astropy.constants import GM_sun

        return GM_sun.to(MU_UNIT)
    return require(value, MU_UNIT, name, positive=True, scalar=True, kind="gravitational parameter G*M").to(MU_UNIT)


def number(
    value: Any,
    name: str,
    *,
    low: float | None = None,
    high: float | None = None,
    positive: bool = False,
    nonnegative: bool = False,
    finite: bool = True,
    scalar: bool = False,
) -> Any:
    """A plain (dimensionless) number or array of numbers, validated.

    A dimensionless Quantity is accepted; any other unit is refused.

    Returns
    -------
    float or ndarray
        A Python float if ``scalar`` (or the input was a single number), else a float array.

    Examples
    --------
    >>> number(0.5, "e", low=0, high=1)
    0.5
    """
    if isinstance(value, u.Quantity):
        if not value.unit.is_equivalent(u.one):
            raise u.UnitsError(f"{name} is a plain number without a unit; got a value in {value.unit}.")
        value = value.to_value(u.one)
    what = "a plain number" if scalar else "a plain number or an array of numbers"
    arr = _as_float_array(value, name, what)
    if scalar and arr.ndim:
        raise ArgumentTypeError(f"{name} must be a single number; got an array of shape {arr.shape}.")
    _check_values(arr, name, value, finite=finite, positive=positive, nonnegative=nonnegative, low=low, high=high)
    return float(arr) if arr.ndim == 0 else arr


def fraction(
    value: Any, name: str, *, low: float = 0.0, high: float = 1.0, scalar: bool = False, positive: bool = False
) -> Any:
    """A plain number (or array) between ``low`` and ``high`` (default 0 and 1).

    Examples
    --------
    >>> fraction(0.25, "efficiency")
    0.25
    """
    return number(value, name, low=low, high=high, scalar=scalar, positive=positive)


#: Upper limit of each kind of albedo, and why.
#: A Bond albedo (all the sunlight a body reflects, in every direction) and a
#: single-scattering albedo (the chance that a photon hitting one grain is
#: scattered, not absorbed) are fractions of energy: at most 1.  A geometric
#: albedo compares the body at zero phase with a white Lambert disc, and a
#: surface that sends light back towards the Sun beats that disc: Enceladus
#: has about 1.4.  Above 2 it is a percentage typed in (9 for 0.09), not physics.
ALBEDO_LIMITS = {"bond": 1.0, "single-scattering": 1.0, "geometric": 2.0}

_ALBEDO_WORDS = {
    "bond": "a Bond albedo, the fraction of all sunlight reflected, from 0 to 1",
    "single-scattering": "a single-scattering albedo, a probability from 0 to 1",
    "geometric": "a geometric albedo such as 0.09 (icy moons reach about 1.4; not a percentage)",
}


def albedo(
    value: Any, name: str = "albedo", *, kind: str = "geometric", positive: bool = False, scalar: bool = False
) -> Any:
    """An albedo, within the limit of its ``kind`` (see :data:`ALBEDO_LIMITS`), as float(s).

    ``positive`` refuses 0 (where the albedo divides, as in a diameter from H).

    Examples
    --------
    >>> albedo(1.4, "albedo", kind="geometric")
    1.4
    >>> albedo(0.3, "albedo", kind="bond")
    0.3
    """
    kind = choice(kind, "kind", ALBEDO_LIMITS)
    if value is None or isinstance(value, (str, bytes, bool, np.bool_)):
        raise ArgumentTypeError(f"{name} must be {_ALBEDO_WORDS[kind]}; got {_describe(value)}.")
    a = number(value, name, positive=positive, nonnegative=True, scalar=scalar)
    if np.any(np.asarray(a) > ALBEDO_LIMITS[kind]):
        raise ValueError(f"{name} must be {_ALBEDO_WORDS[kind]}; got {np.max(a):g}.")
    return a


def positive(value: Any, name: str, *, scalar: bool = False, high: float | None = None) -> Any:
    """A plain number (or array) greater than 0.

    Examples
    --------
    >>> positive(2.5, "fwhm_px")
    2.5
    """
    return number(value, name, positive=True, scalar=scalar, high=high)


def integer(value: Any, name: str, *, low: int | None = None, high: int | None = None) -> int:
    """A whole number within ``[low, high]``, as a Python int.

    ``high`` is the limit that keeps the work (points, steps, pixels) small
    enough to finish; say it in the function's docstring.

    Examples
    --------
    >>> integer(3, "n", low=1, high=10)
    3
    """
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, np.integer)):
        if isinstance(value, (float, np.floating)) and np.isfinite(value) and float(value).is_integer():
            value = int(value)
        else:
            raise ArgumentTypeError(f"{name} must be a whole number; got {_describe(value)}.")
    value = int(value)
    if low is not None and value < low:
        what = "a positive whole number (at least 1)" if low == 1 else f"a whole number of at least {low}"
        raise ValueError(f"{name} must be {what}; got {value}.")
    if high is not None and value > high:
        raise ValueError(
            f"{name} must be at most {high:,} (a limit that keeps the work small enough to finish); got {value:,}."
        )
    return value


def flag(value: Any, name: str) -> bool:
    """A real ``True``/``False`` (the string ``"no"`` is not False).

    Examples
    --------
    >>> flag(True, "month_only")
    True
    """
    if not isinstance(value, (bool, np.bool_)):
        raise ArgumentTypeError(f"{name} must be True or False; got {_describe(value)}.")
    return bool(value)


def choice(value: Any, name: str, options: Iterable[str]) -> str:
    """One of ``options`` (strings, compared case-sensitively).

    Examples
    --------
    >>> choice("ecliptic", "frame", ("ecliptic", "equatorial"))
    'ecliptic'
    """
    options = tuple(options)
    if not isinstance(value, str) or value not in options:
        raise ValueError(f"{name} must be one of {', '.join(map(repr, options))}; got {_describe(value)}.")
    return value


def text(value: Any, name: str, *, empty: bool = False) -> str:
    """A string (non-empty unless ``empty``).

    Examples
    --------
    >>> text("Ceres", "name")
    'Ceres'
    """
    if not isinstance(value, str):
        raise ArgumentTypeError(f"{name} must be a string; got {_describe(value)}.")
    if not empty and not value.strip():
        raise ValueError(f"{name} must not be empty.")
    return value


def array(
    value: Any,
    name: str,
    *,
    ndim: int | Sequence[int] | None = None,
    shape: tuple | None = None,
    min_size: int = 1,
    max_size: int | None = None,
    finite: bool = True,
    low: float | None = None,
    high: float | None = None,
) -> np.ndarray:
    """A plain numeric array, with a number of dimensions or a shape (``None`` in
    ``shape`` matches any length), at least ``min_size`` elements and at most ``max_size``.

    Examples
    --------
    >>> array([1, 2, 3], "counts", ndim=1).shape
    (3,)
    """
    if isinstance(value, u.Quantity):
        if not value.unit.is_equivalent(u.one):
            raise u.UnitsError(f"{name} is a plain array without a unit; got a value in {value.unit}.")
        value = value.to_value(u.one)
    arr = _as_float_array(value, name, "an array of numbers")
    if ndim is not None:
        allowed = (ndim,) if isinstance(ndim, int) else tuple(ndim)
        if arr.ndim not in allowed:
            raise ValueError(f"{name} must have {' or '.join(map(str, allowed))} dimension(s); got shape {arr.shape}.")
    if shape is not None and (
        arr.ndim != len(shape) or any(s is not None and s != n for s, n in zip(shape, arr.shape, strict=True))
    ):
        want = "(" + ", ".join("N" if s is None else str(s) for s in shape) + ("," if len(shape) == 1 else "") + ")"
        raise ValueError(f"{name} must have shape {want}; got {arr.shape}.")
    if arr.size < min_size:
        raise ValueError(f"{name} must have at least {min_size} value(s); got {arr.size}.")
    if max_size is not None and arr.size > max_size:
        raise ValueError(f"{name} may have at most {max_size:,} values; got {arr.size:,}.")
    _check_values(
        arr,
        name,
        _ArrayShown(arr),
        finite=finite,
        positive=False,
        nonnegative=False,
        low=low,
        high=high,
    )
    return arr


def same_shape(**arrays: Any) -> tuple:
    """Check that the keyword arrays have the same shape; return that shape.

    Examples
    --------
    >>> same_shape(x=np.zeros(3), y=np.ones(3))
    (3,)
    """
    shapes = {name: np.shape(a) for name, a in arrays.items()}
    if len(set(shapes.values())) > 1:
        listed = ", ".join(f"{name} {shape}" for name, shape in shapes.items())
        raise ValueError(f"{' and '.join(shapes)} must have the same shape; got {listed}.")
    return next(iter(shapes.values()), ())


def path_like(value: Any, name: str) -> Path:
    """A file-system path (``str`` or ``os.PathLike``) as a :class:`~pathlib.Path`.

    Examples
    --------
    >>> path_like("data", "data_dir").name
    'data'
    """
    if isinstance(value, bytes) or not isinstance(value, (str, os.PathLike)):
        raise ArgumentTypeError(f"{name} must be a path (a string or pathlib.Path); got {_describe(value)}.")
    if isinstance(value, str) and (not value.strip() or "\x00" in value):
        raise ValueError(f"{name} must be a path; got {value!r}.")
    return Path(value)


def axes(value: Any, name: str = "ax") -> Any:
    """A matplotlib ``Axes`` (e.g. from ``fig, ax = plt.subplots()``)."""
    from matplotlib.axes import Axes

    if not isinstance(value, Axes):
        raise ArgumentTypeError(
            f"{name} must be a matplotlib Axes (from fig, ax = plt.subplots()); got {_describe(value)}."
        )
    return value


def table(value: Any, name: str, columns: Iterable[str] = (), *, hint: str = "") -> Any:
    """An astropy ``Table`` (or ``QTable``) that has every column in ``columns``."""
    from astropy.table import Table

    if not isinstance(value, Table):
        raise ArgumentTypeError(f"{name} must be an astropy Table{hint and ' (' + hint + ')'}; got {_describe(value)}.")
    missing = [c for c in columns if c not in value.colnames]
    if missing:
        raise ValueError(
            f"{name} lacks the {', '.join(map(repr, missing))} column{'s' if len(missing) > 1 else ''}"
            f"{hint and ' (' + hint + ')'}."
        )
    return value


def instance(value: Any, cls: type | tuple, name: str, hint: str = "") -> Any:
    """``value`` if it is an instance of ``cls``, else a TypeError naming ``name``."""
    classes = cls if isinstance(cls, tuple) else (cls,)
    if not isinstance(value, cls) or (isinstance(value, (bool, np.bool_)) and bool not in classes):
        want = " or ".join(c.__name__ for c in (cls if isinstance(cls, tuple) else (cls,)))
        raise ArgumentTypeError(f"{name} must be a {want}{hint and ' (' + hint + ')'}; got {_describe(value)}.")
    return value


def colour(value: Any, name: str = "color") -> str:
    """A matplotlib colour (a name such as ``"C0"`` or ``"#7f7f7f"``, or an RGB(A) tuple)."""
    from matplotlib.colors import is_color_like

    if isinstance(value, (bool, np.bool_)) or value is None or not is_color_like(value):
        raise ArgumentTypeError(
            f"{name} must be a matplotlib colour such as '#7f7f7f' or 'C0'; got {_describe(value)}."
        )
    return value


def pair(
    value: Any, name: str, *, positive: bool = False, increasing: bool = False, high: float | None = None
) -> tuple[float, float]:
    """Two plain numbers, e.g. a window ``(low, high)`` or a figure size ``(width, height)``.

    Examples
    --------
    >>> pair((2.0, 3.5), "window", increasing=True)
    (2.0, 3.5)
    """
    if isinstance(value, (str, bytes)) or not isinstance(value, (tuple, list, np.ndarray)) or len(value) != 2:
        raise ArgumentTypeError(f"{name} must be two numbers such as (2.0, 3.5); got {_describe(value)}.")
    lo, hi = (number(v, name, scalar=True, positive=positive, high=high) for v in value)
    if increasing and not lo < hi:
        raise ValueError(f"{name} must be (low, high) with low < high; got {value!r}.")
    return lo, hi


def quantity_map(
    value: Any, name: str, unit: u.UnitBase | str, *, min_size: int = 0, max_size: int = 1000, **conditions
) -> dict:
    """A mapping of string labels to scalar Quantities of ``unit``'s kind (at most ``max_size`` entries)."""
    from collections.abc import Mapping

    if not isinstance(value, Mapping):
        raise ArgumentTypeError(
            f"{name} must be a dict of labels to quantities, such as {{'3:1': 2.5 * u.AU}}; got {_describe(value)}."
        )
    if not min_size <= len(value) <= max_size:
        raise ValueError(f"{name} must have between {min_size} and {max_size} entries; got {len(value)}.")
    out = {}
    for key, q in value.items():
        if not isinstance(key, str):
            raise ArgumentTypeError(f"{name}: every label must be a string; got {_describe(key)}.")
        q = require(q, unit, f"{name}[{key!r}]", **conditions)
        if np.ndim(q):
            raise ValueError(f"{name}[{key!r}] must be a single value; got shape {np.shape(q)}.")
        out[key] = q
    return out


def int_pairs(value: Any, name: str, *, max_size: int = 100) -> list[tuple[int, int]]:
    """A non-empty list of ``(p, q)`` pairs of positive whole numbers (at most ``max_size``).

    Examples
    --------
    >>> int_pairs([(3, 1), (5, 2)], "ratios")
    [(3, 1), (5, 2)]
    """
    if isinstance(value, (str, bytes, np.ndarray)) or not isinstance(value, (list, tuple)):
        raise ArgumentTypeError(
            f"{name} must be a list of (p, q) pairs such as [(3, 1), (5, 2)]; got {_describe(value)}."
        )
    if not 1 <= len(value) <= max_size:
        raise ValueError(f"{name} must list between 1 and {max_size} (p, q) pairs; got {len(value)}.")
    out = []
    for item in value:
        if not isinstance(item, (list, tuple)) or len(item) != 2:
            raise ArgumentTypeError(f"{name} must hold (p, q) pairs such as (3, 1); got {_describe(item)}.")
        out.append(tuple(integer(k, name, low=1, high=1000) for k in item))
    return out


def resonance_pair(p: Any, q: Any, name: str = "p:q") -> tuple[int, int]:
    """An interior mean-motion resonance ``p:q``: whole numbers from 1 to 1000 with ``p > q``.

    Examples
    --------
    >>> resonance_pair(3, 1)
    (3, 1)
    """
    name = text(name, "name")
    p = integer(p, "p" if name == "p:q" else name, low=1, high=1000)
    q = integer(q, "q" if name == "p:q" else name, low=1, high=1000)
    if p <= q:
        lead = "" if name == "p:q" else f"{name}: "
        raise ValueError(f"{lead}an interior resonance needs p > q (for example 3:1); got {p}:{q}.")
    return p, q
