"""Exercises of 00 · Start here."""

from __future__ import annotations

import astropy.units as u

from ..checks import Exercise, Mistake
from ..units import require

MILE = u.imperial.mile


# --- 00.1: miles to kilometres (a length: any unit of length is accepted by the check) ---


def _miles_to_km(distance):
    return require(distance, u.km, "distance", positive=True).to(u.km)


def _miles_number_called_km(distance):
    # the number of miles with "km" stuck on it: 2700 * u.km
    return require(distance, u.km, "distance", positive=True).to_value(MILE) * u.km


def _miles_divided_not_multiplied(distance):
    # 1 mile = 1.609 km; dividing the number of miles by 1.609 gives too few kilometres
    mile_in_km = (1 * MILE).to_value(u.km)
    return _miles_number_called_km(distance) / mile_in_km


# --- 00.2: a distance in Ceres radii ---


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


# --- 00.3: altitude plus radius ---


def _distance_from_centre(altitude, ceres_radius):
    h = require(altitude, u.km, "altitude", nonnegative=True)
    r = require(ceres_radius, u.km, "ceres_radius", positive=True)
    return (h + r).to(u.km)


def _altitude_only(altitude, ceres_radius):
    return require(altitude, u.km, "altitude", nonnegative=True).to(u.km)


def _plus_diameter(altitude, ceres_radius):
    return _distance_from_centre(altitude, ceres_radius) + require(ceres_radius, u.km, "ceres_radius").to(u.km)


def _numbers_added_as_km(altitude, ceres_radius):
    # (2700 + 469.7) * u.km: the number of miles added to the number of kilometres
    h = require(altitude, u.km, "altitude", nonnegative=True)
    r = require(ceres_radius, u.km, "ceres_radius", positive=True)
    if h.unit == u.km:
        raise ValueError("the altitude is already in km: adding the numbers is right")
    return (h.value + r.to_value(u.km)) * u.km


def _numbers_added_as_altitude_unit(altitude, ceres_radius):
    # (2700 + 469.7) * u.imperial.mile: the radius's number of km read as miles
    h = require(altitude, u.km, "altitude", nonnegative=True)
    r = require(ceres_radius, u.km, "ceres_radius", positive=True)
    if h.unit == r.unit:
        raise ValueError("same units: adding the numbers is right")
    return (h.value + r.value) * h.unit


# --- 00.4: find a fact by its name, convert it to miles ---


def _orbit_fact_id(orbit):
    from ..facts import fact_ids

    if not isinstance(orbit, str) or not orbit.strip():
        raise ValueError(f"the input orbit must be an orbit's short name in quotes, such as 'LAMO'; got {orbit!r}")
    fact_id = f"ceres.orbit_{orbit.strip().lower()}_altitude"
    ids = fact_ids()
    if fact_id not in ids:
        known = sorted(i.split("_")[1].upper() for i in ids if i.startswith("ceres.orbit_") and i.endswith("_altitude"))
        raise ValueError(
            f"the facts table has no altitude for a Ceres orbit called {orbit!r}; "
            f"its Ceres orbits are {', '.join(known)}"
        )
    return fact_id


def _orbit_altitude(orbit):
    from ..facts import fact

    return require(fact(_orbit_fact_id(orbit)), u.km, "the orbit's altitude", positive=True)


def _miles_of_orbit(orbit):
    return _orbit_altitude(orbit).to_value(MILE)


def _orbit_altitude_with_unit(orbit):
    return _orbit_altitude(orbit)


def _km_of_orbit(orbit):
    return _orbit_altitude(orbit).to_value(u.km)


def _another_orbit(other):
    def solve(orbit):
        if _orbit_fact_id(orbit) == _orbit_fact_id(other):
            raise ValueError("the same orbit")
        return _miles_of_orbit(other)

    return solve


_ANOTHER_ORBIT_HINT = (
    "That is the altitude of another of Dawn's orbits. Look for the id whose name holds the "
    "orbit's short name, in lower case."
)


EXERCISES = {
    "00.1": Exercise(
        title="Exercise 1 · {distance:,.0f} in kilometres",
        solve=_miles_to_km,
        rtol=0.01,
        hint="A Quantity converts itself: try the .to() method with u.km.",
        mistakes=(
            Mistake(
                _miles_number_called_km,
                "You kept the number of miles and called it kilometres. A kilometre is shorter than a "
                "mile, so the number of kilometres is different: let astropy convert with .to(u.km).",
            ),
            Mistake(
                _miles_divided_not_multiplied,
                "A kilometre is shorter than a mile, so a distance has more kilometres than miles. "
                "Let astropy do the conversion with .to(u.km).",
            ),
        ),
    ),
    "00.2": Exercise(
        title="Exercise 2 · how many Ceres radii?",
        solve=_in_ceres_radii,
        rtol=0.02,
        hint="Divide the distance by Ceres' radius; the units cancel when both are lengths.",
        mistakes=(
            Mistake(
                _numbers_without_units,
                "You divided a number of miles by a number of kilometres. Keep the units on both "
                "values and let astropy convert: (a / b).to(u.one).",
            ),
            Mistake(
                _in_ceres_diameters, "You measured in Ceres diameters. The exercise asks for radii, half a diameter."
            ),
            Mistake(
                _from_the_centre_in_radii,
                "You counted from Ceres' centre. The altitude is measured from the surface: do not "
                "add Ceres' own radius.",
            ),
        ),
    ),
    "00.3": Exercise(
        title="Exercise 3 · altitude or distance?",
        solve=_distance_from_centre,
        rtol=0.01,
        hint="An altitude is measured from the surface; the centre is one radius further down.",
        mistakes=(
            Mistake(
                _altitude_only,
                "That is the altitude, measured from the surface. The question asks how far Dawn is "
                "from Ceres' centre: how much further down is the centre?",
            ),
            Mistake(_plus_diameter, "You added Ceres' whole diameter. From the surface to the centre is one radius."),
            Mistake(
                _numbers_added_as_km,
                "You added a number of miles to a number of kilometres. Add the two Quantities "
                "themselves, with their units, and astropy converts for you.",
            ),
            Mistake(
                _numbers_added_as_altitude_unit,
                "You added the two numbers as if both were in the same unit, but one is in miles and "
                "one in kilometres. Add the Quantities themselves, with their units.",
            ),
        ),
    ),
    "00.4": Exercise(
        title="Exercise 4 · Dawn's {orbit} altitude in miles",
        solve=_miles_of_orbit,
        rtol=0.01,
        hint="Find the fact's id with fact_ids(), read it with fact(...), and give the number of miles "
        "with .to_value(u.imperial.mile).",
        mistakes=(
            Mistake(
                _orbit_altitude_with_unit,
                "That is the right altitude, but it still carries its unit. The exercise asks for the "
                "number of miles: .to_value(u.imperial.mile) converts and keeps only the number.",
            ),
            Mistake(_km_of_orbit, "That is the number of kilometres the facts table gives. Convert it to miles first."),
            Mistake(_another_orbit("survey"), _ANOTHER_ORBIT_HINT),
            Mistake(_another_orbit("hamo"), _ANOTHER_ORBIT_HINT),
            Mistake(_another_orbit("lamo"), _ANOTHER_ORBIT_HINT),
            Mistake(_another_orbit("rc3"), _ANOTHER_ORBIT_HINT),
        ),
    ),
}

#: Written questions, answered in words; model answers and rubrics are on the instructor page.
WRITTEN = {
    "00.5": "Exercise 5 · why restart and run all?",
}
