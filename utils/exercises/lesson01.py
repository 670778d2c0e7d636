"""Exercises of 01 · The asteroid belt."""
from __future__ import annotations

import astropy.units as u

from ..checks import Exercise
from ..orbits import resonance_location
from ..units import require
from .. import belt


def _resonance(a_jupiter, p, q):
    return resonance_location(a_jupiter, p, q).to(u.AU)


def _diameter(H, albedo):
    return belt.diameter_from_h(H, albedo).to(u.km)


def _encounters(n_asteroids, belt_volume, distance, path_length):
    v = require(belt_volume, u.km**3, "belt_volume", positive=True)
    n = require(n_asteroids, u.one, "n_asteroids", positive=True)
    # a plain number, so that an answer with a unit gets "wants a plain number without a unit"
    return float(belt.expected_encounters(n / v, distance, path_length).to_value(u.one))


def _albedo_trend():
    # An "explain" question: the answer is a choice, not a number.
    return "composition"


EXERCISES = {
    "01.1": Exercise(
        title="Exercise 1 · where is the 3:1 resonance?",
        solve=_resonance,
        rtol=0.005,
        hint="In the p:q resonance the asteroid's period is q/p of Jupiter's; "
             "Kepler's third law says a is proportional to T^(2/3).",
    ),
    "01.2": Exercise(
        title="Exercise 2 · a diameter from H and albedo",
        solve=_diameter,
        rtol=0.02,
        hint="D = K / sqrt(albedo) * 10**(-H/5), with K = 2 AU * 10**(V_sun/5) (about 1329 km). "
             "H is in magnitudes: use H.value or H.to_value(u.mag) in the exponent.",
    ),
    "01.3": Exercise(
        title="Exercise 3 · how many asteroids would you pass?",
        solve=_encounters,
        rtol=0.03,
        hint="Your path sweeps a cylinder of radius `distance` and length `path_length`; "
             "multiply its volume by the number of asteroids per unit volume.",
    ),
    "01.4": Exercise(
        title="Exercise 4 · why is the outer belt darker?",
        solve=_albedo_trend,
        choices=("distance", "composition", "size"),
        hint="Albedo is a property of the surface: it does not change with distance from the Sun. "
             "And did the histograms compare objects of the same size?",
    ),
}
