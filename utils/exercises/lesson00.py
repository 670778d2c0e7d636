"""Exercises of 00 · Start here."""
from __future__ import annotations

import astropy.units as u

from ..checks import Exercise
from ..units import require


def _miles_to_km(distance):
    return require(distance, u.km, "distance", positive=True).to(u.km)


def _in_ceres_radii(distance, ceres_radius):
    d = require(distance, u.km, "distance", positive=True)
    r = require(ceres_radius, u.km, "ceres_radius", positive=True)
    return (d / r).to(u.dimensionless_unscaled)


def _distance_from_centre(altitude, ceres_radius):
    h = require(altitude, u.km, "altitude", nonnegative=True)
    r = require(ceres_radius, u.km, "ceres_radius", positive=True)
    return (h + r).to(u.km)


EXERCISES = {
    "00.1": Exercise(
        title="Exercise 1 · miles to kilometres",
        solve=_miles_to_km,
        rtol=0.01,
        hint="A Quantity converts itself: try the .to() method with u.km.",
    ),
    "00.2": Exercise(
        title="Exercise 2 · distance in Ceres radii",
        solve=_in_ceres_radii,
        rtol=0.02,
        hint="Divide the distance by Ceres' radius; the units cancel when both are lengths.",
    ),
    "00.3": Exercise(
        title="Exercise 3 · altitude and distance from the centre",
        solve=_distance_from_centre,
        rtol=0.01,
        hint="An altitude is measured from the surface; the centre is one radius further down.",
    ),
}
