"""Exercises of 03 · Resonances."""
from __future__ import annotations

import astropy.units as u

from ..checks import Exercise
from ..orbits import resonance_location
from ..resonance import KIRKWOOD_RESONANCES, nearest_resonance, perihelion_distance, period_ratio
from ..units import require

#: Answers accepted by exercise 03.2, written p:q.
RESONANCE_CHOICES = tuple(f"{p}:{q}" for p, q in KIRKWOOD_RESONANCES)


def _period_ratio(a, a_jupiter):
    return period_ratio(a, a_jupiter)


def _which_resonance(a, a_jupiter):
    p, q = nearest_resonance(a, a_jupiter)
    return f"{p}:{q}"


def _perihelion(a, e_max):
    a = require(a, u.AU, "a", positive=True)
    return perihelion_distance(a, e_max)


def _gap_if_jupiter_moved(a_jupiter):
    return resonance_location(a_jupiter, 3, 1)


EXERCISES = {
    "03.1": Exercise(
        title="Exercise 1 · period ratio",
        solve=_period_ratio,
        rtol=0.01,
        hint="Compute both periods with utils.orbits.period and divide Jupiter's by the asteroid's.",
    ),
    "03.2": Exercise(
        title="Exercise 2 · which resonance?",
        solve=_which_resonance,
        choices=RESONANCE_CHOICES,
        hint="Compute the period ratio at that distance and find the simple fraction p/q closest to it.",
    ),
    "03.3": Exercise(
        title="Exercise 3 · reading an eccentricity history",
        solve=_perihelion,
        rtol=0.01,
        hint="The perihelion distance is a (1 - e); the closest approach to the Sun comes with the largest e.",
    ),
    "03.4": Exercise(
        title="Exercise 4 · a Jupiter at another distance",
        solve=_gap_if_jupiter_moved,
        rtol=0.01,
        hint="The resonance sits where the period is one third of Jupiter's: "
             "utils.orbits.resonance_location does Kepler's third law for you.",
    ),
}
