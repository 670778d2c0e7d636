"""Exercises of 02 · Orbits: Kepler's laws, tested on real asteroids."""
from __future__ import annotations

import astropy.units as u
import numpy as np

from ..checks import Exercise
from ..units import require


def _period_from_a(a):
    from ..orbits import period

    return period(require(a, u.AU, "a", positive=True)).to(u.yr)


def _newton_step(M, e, E0):
    M_r = require(M, u.rad, "M").to_value(u.rad)
    E_r = require(E0, u.rad, "E0").to_value(u.rad)
    e = float(require(e, u.one, "e", nonnegative=True).value)
    if e >= 1:
        raise ValueError(f"e must be below 1 for an ellipse; got {e}.")
    return (E_r - (E_r - e * np.sin(E_r) - M_r) / (1 - e * np.cos(E_r))) * u.rad


def _speed_ratio(e):
    from ..orbits import vis_viva_speed

    e = float(require(e, u.one, "e", nonnegative=True).value)
    if e >= 1:
        raise ValueError(f"e must be below 1 for an ellipse; got {e}.")
    a = 1 * u.AU  # the ratio does not depend on a: check with any value
    return (vis_viva_speed(a * (1 - e), a) / vis_viva_speed(a * (1 + e), a)).to(u.one)


def _main_cause():
    return "jupiter"


def _separation(date, body_1="vesta", body_2="ceres"):
    from astropy.time import Time

    from ..ephemeris import heliocentric_position

    if not isinstance(date, Time):
        date = Time(date)
    d = heliocentric_position(body_1, date) - heliocentric_position(body_2, date)
    return np.sqrt((d**2).sum()).to(u.AU)


EXERCISES = {
    "02.1": Exercise(
        title="Exercise 1 · a period from a semi-major axis",
        solve=_period_from_a,
        rtol=0.01,
        hint="Kepler's third law: T = 2 pi sqrt(a^3 / GM_sun). Keep the units and convert to years at the end.",
    ),
    "02.2": Exercise(
        title="Exercise 2 · one Newton step by hand",
        solve=_newton_step,
        rtol=1e-3,  # three decimals, as the notebook asks
        hint="E1 = E0 - f(E0) / f'(E0) with f(E) = E - e sin E - M and f'(E) = 1 - e cos E; work in radians.",
    ),
    "02.3": Exercise(
        title="Exercise 3 · perihelion-to-aphelion speed ratio",
        solve=_speed_ratio,
        rtol=0.01,
        hint="Use vis-viva at r = q = a(1 - e) and at r = Q = a(1 + e), then divide; a cancels.",
    ),
    "02.4": Exercise(
        title="Exercise 4 · why does the two-body orbit drift?",
        solve=_main_cause,
        choices=("jupiter", "light time", "mars", "the sun loses mass"),
        hint="Compare the sizes of the pulls computed above: which is largest after the Sun's?",
    ),
    "02.5": Exercise(
        title="Exercise 5 · the Vesta-Ceres distance on a date",
        solve=_separation,
        rtol=0.005,
        hint="Subtract the two heliocentric positions for the same date, then take the length of the difference.",
    ),
}
