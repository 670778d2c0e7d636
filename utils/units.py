"""Validation of quantities passed to ``utils`` functions.

Every public function that takes a physical quantity calls :func:`require`, so
that a number without a unit, a unit of the wrong kind or an impossible value
(a negative mass) gets one clear message that says what was expected.

Examples
--------
>>> import astropy.units as u
>>> require(3 * u.km, u.m, "radius", positive=True)
<Quantity 3. km>
"""
from __future__ import annotations

from typing import Any

import numpy as np
import astropy.units as u

__all__ = ["require"]


def require(
    value: Any,
    unit: u.UnitBase | str,
    name: str,
    *,
    positive: bool = False,
    nonnegative: bool = False,
    finite: bool = True,
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

    Returns
    -------
    Quantity
        ``value`` unchanged (in its own unit).

    Raises
    ------
    astropy.units.UnitsError
        Missing unit or a unit of the wrong kind.
    ValueError
        A value that breaks a condition.
    """
    unit = u.Unit(unit)
    kind = unit.physical_type
    if not isinstance(value, u.Quantity):
        if unit == u.dimensionless_unscaled and isinstance(value, (int, float, np.number, np.ndarray)):
            value = u.Quantity(value)
        else:
            raise u.UnitsError(
                f"{name} needs a unit of {kind} (for example {name} = 12.3 * u.{unit.to_string() or 'one'}); "
                f"got {value!r} without a unit."
            )
    if not value.unit.is_equivalent(unit):
        raise u.UnitsError(
            f"{name} must be a {kind} (convertible to {unit}); got a value in {value.unit} "
            f"({value.unit.physical_type})."
        )
    v = np.asanyarray(value.to_value(unit))
    if finite and not np.all(np.isfinite(v)):
        raise ValueError(f"{name} must be finite; got {value}.")
    if positive and np.any(v <= 0):
        raise ValueError(f"{name} must be positive; got {value}.")
    if nonnegative and np.any(v < 0):
        raise ValueError(f"{name} cannot be negative; got {value}.")
    return value
