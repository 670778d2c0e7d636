"""Lesson 03's checks: exercise 6 wants the perihelion at each output, exercise 5's hint the wrapped angle."""

from __future__ import annotations

import astropy.units as u
import numpy as np

from utils.checks import check, expected_answer


def _inputs(a_hist, e_hist):
    return dict(
        a=3.24 * u.AU,
        e_max=float(np.nanmax(e_hist)),
        e_start=0.15,
        a_history=np.asarray(a_hist),
        e_history=np.asarray(e_hist),
    )


def test_exercise_6_rejects_extremes_from_different_moments():
    a_hist = [3.24, 3.11, 3.30, 3.37, 3.20, np.nan]
    e_hist = [0.15, 0.20, 0.24, 0.27, 0.23, np.nan]
    inputs = _inputs(a_hist, e_hist)
    right = expected_answer("03.6", **inputs)
    assert right.to_value(u.AU) == np.nanmin(np.array(a_hist) * (1 - np.array(e_hist)))
    assert check("03.6", right, **inputs).ok
    assert check("03.6", round(right.to_value(u.AU), 2) * u.AU, **inputs).ok  # rounded to 0.01 AU
    combined = np.nanmin(a_hist) * (1 - np.nanmax(e_hist)) * u.AU  # min a with max e
    result = check("03.6", combined, **inputs)
    assert result.status == "incorrect" and "different moments" in result.message


def test_exercise_5_hint_explains_the_wrapped_angle():
    t = np.linspace(0, 60, 600)
    wrapped = (np.mod(180 + 50 * np.sin(t) + 180, 360) - 180) * u.deg  # swings about 180°, given -180..180
    assert check("03.5", "librates", phi=wrapped, p=3, q=1, a_start=2.5, e_start=0.1).ok
    wrong = check("03.5", "circulates", phi=wrapped, p=3, q=1, a_start=2.5, e_start=0.1)
    assert wrong.status == "incorrect" and "np.mod" in wrong.message and "not a turn" in wrong.message
