"""Exercises of 04 · Dawn's journey."""
from __future__ import annotations

import astropy.units as u

from ..camera import distance_for_pixel_scale, pixels_across
from ..checks import Exercise
from ..mission import bulk_density, ice_fraction, light_time, mass_from_orbit, semi_major_axis_from_altitudes
from ..orbits import period
from ..units import require

#: The words accepted in exercise 04.4.
COMPOSITION_CHOICES = ("mostly rock", "mostly ice", "a mix of rock and ice")


def _light_time(distance):
    return light_time(distance).to(u.min)


def _circular_period(altitude, radius, gm):
    a = semi_major_axis_from_altitudes(altitude, altitude, radius)
    return period(a, gm).to(u.day)


def _density_from_orbit(altitude, period, radius):
    a = semi_major_axis_from_altitudes(altitude, altitude, radius)
    return bulk_density(mass_from_orbit(a, period), radius)


def _pixels_across(size, altitude, ifov):
    return pixels_across(size, altitude, ifov).to(u.one)


def _highest_altitude(size, n_pixels, ifov):
    n = require(n_pixels, u.one, "n_pixels", positive=True)
    s = require(size, u.km, "size", positive=True)
    return distance_for_pixel_scale(s / n, ifov).to(u.km)


def _composition(density, ice_density, rock_density):
    phi = float(ice_fraction(density, ice_density, rock_density, by="volume"))
    if phi < 0.1:
        return COMPOSITION_CHOICES[0]
    if phi > 0.9:
        return COMPOSITION_CHOICES[1]
    return COMPOSITION_CHOICES[2]


EXERCISES = {
    "04.1": Exercise(
        title="Exercise 1 · light time at arrival",
        solve=_light_time,
        rtol=0.02,
        hint="Time = distance / speed; the speed of light is astropy.constants.c. Convert to minutes.",
    ),
    "04.2": Exercise(
        title="Exercise 2 · the Survey orbit's period",
        solve=_circular_period,
        rtol=0.02,
        hint="Kepler's third law needs the orbit's radius, measured from Ceres' centre: altitude + radius.",
    ),
    "04.3": Exercise(
        title="Exercise 3 · Ceres' density from an orbit",
        solve=_density_from_orbit,
        rtol=0.02,
        hint="GM = 4 pi^2 a^3 / T^2 with a = radius + altitude; mass = GM / G; density = mass / (4/3 pi R^3).",
    ),
    "04.4": Exercise(
        title="Exercise 4 · what is Ceres made of?",
        solve=_composition,
        choices=COMPOSITION_CHOICES,
        hint="Compare Ceres' density with the densities of ice and of rock: where does it fall between them?",
    ),
    "04.5": Exercise(
        title="Exercise 5 · pixels across the facula from LAMO",
        solve=_pixels_across,
        rtol=0.02,
        hint="One pixel covers altitude x IFOV (the IFOV in radians); divide the facula's size by it.",
    ),
    "04.6": Exercise(
        title="Exercise 6 · design: highest altitude for a sharp picture",
        solve=_highest_altitude,
        rtol=0.02,
        hint="Wanted pixel scale = size / number of pixels; the distance is that scale divided by the IFOV.",
    ),
}
