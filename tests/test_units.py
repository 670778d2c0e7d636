"""Quantity validation (utils.units)."""

from __future__ import annotations

import astropy.units as u
import pytest

from utils.units import require


def test_require_accepts_any_compatible_unit():
    assert require(2 * u.AU, u.km, "a") == 2 * u.AU


@pytest.mark.parametrize(
    "value, err, words",
    [
        (3.0, u.UnitsError, "needs a unit of length"),
        (3 * u.kg, u.UnitsError, "must be a length"),
        (-3 * u.km, ValueError, "positive"),
        (float("nan") * u.km, ValueError, "finite"),
    ],
)
def test_require_rejects_with_clear_message(value, err, words):
    with pytest.raises(err, match=words):
        require(value, u.km, "a", positive=True)


def test_require_nonnegative():
    assert require(0 * u.kg, u.kg, "m", nonnegative=True) == 0 * u.kg
    with pytest.raises(ValueError, match="cannot be negative"):
        require(-1 * u.kg, u.kg, "m", nonnegative=True)
