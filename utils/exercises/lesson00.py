"""Exercises of 00 · Start here."""
from __future__ import annotations

import astropy.units as u

from ..checks import Exercise, Mistake
from ..units import require


def _miles_to_km(distance):
    return require(distance, u.km, "distance", positive=True).to(u.km)


def _miles_divided_not_multiplied(distance):
    # 1 mile = 1.609 km; dividing the number of miles by 1.609 gives too few kilometres
    d = require(distance, u.km, "distance", positive=True)
    mile_in_km = (1 * u.imperial.mile).to_value(u.km)
    return d.to_value(u.imperial.mile) / mile_in_km * u.km


def _in_ceres_radii(distance, ceres_radius):
    d = require(distance, u.km, "distance", positive=True)
    r = require(ceres_radius, u.km, "ceres_radius", positive=True)
    return (d / r).to(u.dimensionless_unscaled)


def _numbers_without_units(distance, ceres_radius):
    # the bare numbers divided: miles by kilometres
    d = require(distance, u.km, "distance", positive=True)
    r = require(ceres_radius, u.km, "ceres_radius", positive=True)
    return (d.value / r.value) * u.dimensionless_unscaled


def _in_ceres_diameters(distance, ceres_radius):
    return _in_ceres_radii(distance, ceres_radius) / 2


def _from_the_centre_in_radii(distance, ceres_radius):
    return _in_ceres_radii(distance, ceres_radius) + 1


def _distance_from_centre(altitude, ceres_radius):
    h = require(altitude, u.km, "altitude", nonnegative=True)
    r = require(ceres_radius, u.km, "ceres_radius", positive=True)
    return (h + r).to(u.km)


def _altitude_only(altitude, ceres_radius):
    return require(altitude, u.km, "altitude", nonnegative=True).to(u.km)


def _plus_diameter(altitude, ceres_radius):
    return _distance_from_centre(altitude, ceres_radius) + require(ceres_radius, u.km, "ceres_radius").to(u.km)


def _fact_in_miles(fact_id):
    from ..facts import fact

    if not isinstance(fact_id, str):
        raise TypeError(f"fact_id must be a fact's id in quotes, such as 'ceres.radius'; got {fact_id!r}.")
    try:
        value = fact(fact_id)
    except KeyError as err:   # an unknown id: say so in the check's message
        raise ValueError(str(err).strip('"')) from None
    return require(value, u.km, fact_id, positive=True).to(u.imperial.mile)


def _fact_number_as_miles(fact_id):
    # the number of kilometres, labelled as miles
    return _fact_in_miles(fact_id).to_value(u.km) * u.imperial.mile


EXERCISES = {
    "00.1": Exercise(
        title="Exercise 1 · miles to kilometres",
        solve=_miles_to_km,
        rtol=0.01,
        hint="A Quantity converts itself: try the .to() method with u.km.",
        mistakes=(
            Mistake(_miles_divided_not_multiplied,
                    "A kilometre is shorter than a mile, so a distance has more kilometres than miles. "
                    "Let astropy do the conversion with .to(u.km)."),
        ),
    ),
    "00.2": Exercise(
        title="Exercise 2 · distance in Ceres radii",
        solve=_in_ceres_radii,
        rtol=0.02,
        hint="Divide the distance by Ceres' radius; the units cancel when both are lengths.",
        mistakes=(
            Mistake(_numbers_without_units,
                    "You divided a number of miles by a number of kilometres. Keep the units on both "
                    "values and let astropy convert: (a / b).to(u.one)."),
            Mistake(_in_ceres_diameters,
                    "You measured in Ceres diameters. The exercise asks for radii, half a diameter."),
            Mistake(_from_the_centre_in_radii,
                    "You counted from Ceres' centre. The altitude is measured from the surface: do not "
                    "add Ceres' own radius."),
        ),
    ),
    "00.3": Exercise(
        title="Exercise 3 · altitude and distance from the centre",
        solve=_distance_from_centre,
        rtol=0.01,
        hint="An altitude is measured from the surface; the centre is one radius further down.",
        mistakes=(
            Mistake(_altitude_only,
                    "That is the altitude, measured from the surface. The question asks how far Dawn is "
                    "from Ceres' centre: how much further down is the centre?"),
            Mistake(_plus_diameter,
                    "You added Ceres' whole diameter. From the surface to the centre is one radius."),
        ),
    ),
    "00.4": Exercise(
        title="Exercise 4 · look up {fact_id} in miles",
        solve=_fact_in_miles,
        rtol=0.01,
        hint="fact(...) gives the value with its unit; convert it with .to(u.imperial.mile).",
        mistakes=(
            Mistake(_fact_number_as_miles,
                    "You kept the number of kilometres and called it miles. Convert with .to(u.imperial.mile)."),
        ),
    ),
}

#: Written questions, answered in words; model answers and rubrics are on the instructor page.
WRITTEN = {
    "00.5": "Exercise 5 · why restart and run all?",
}
