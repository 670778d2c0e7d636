"""Exercises of 06 · The bright spots: why Occator shines."""
from __future__ import annotations

import astropy.units as u

from ..camera import pixels_across, pixel_scale
from ..checks import Exercise
from ..photometry import diluted_albedo
from ..thermal import subsolar_temperature, sublimation_mass_flux, thickness_loss_rate
from ..units import require


def _pixels_across(size, distance, ifov):
    return pixels_across(size, distance, ifov).to(u.one)


def _diluted(spot_albedo, background_albedo, spot_diameter, distance, ifov):
    return diluted_albedo(spot_albedo, background_albedo, spot_diameter, pixel_scale(distance, ifov))


def _temperature(solar_constant, albedo, distance):
    return subsolar_temperature(solar_constant, albedo, distance).to(u.K)


def _ice_loss(temperature, molar_mass, density):
    flux = sublimation_mass_flux(temperature, molar_mass)
    return (thickness_loss_rate(flux, density) * (1 * u.yr)).to(u.m)


def _ice_or_salt(thickness, loss_rate, age):
    """'salt' when an ice layer of ``thickness`` would vanish well within ``age``, else 'ice'."""
    h = require(thickness, u.m, "thickness", positive=True)
    rate = require(loss_rate, u.m / u.yr, "loss_rate", positive=True)
    t = require(age, u.yr, "age", positive=True)
    lifetime = (h / rate).to(u.yr)
    return "salt" if lifetime < t else "ice"


EXERCISES = {
    "06.1": Exercise(
        title="Exercise 1 · pixels across Cerealia Facula",
        solve=_pixels_across,
        rtol=0.02,
        hint="One pixel covers distance × IFOV on the ground (IFOV in radians); divide the facula's "
             "size by that. utils.camera.pixels_across does it for you.",
    ),
    "06.2": Exercise(
        title="Exercise 2 · the diluted brightness of an unresolved spot",
        solve=_diluted,
        rtol=0.02,
        hint="Find the pixel's ground size, then the fraction f of its area the round spot covers "
             "(π r² / pixel²); the pixel shows f × A_spot + (1 − f) × A_background.",
    ),
    "06.3": Exercise(
        title="Exercise 3 · the temperature of a bright patch at Ceres' distance",
        solve=_temperature,
        rtol=0.01,
        hint="Scale the solar constant by (1 AU / r)², keep the fraction (1 − A) that is absorbed, "
             "and solve σT⁴ = absorbed power for T (use astropy.constants.sigma_sb).",
    ),
    "06.4": Exercise(
        title="Exercise 4 · ice lost in a year",
        solve=_ice_loss,
        rtol=0.05,
        hint="utils.thermal.sublimation_mass_flux gives kg per m² per second at a temperature; divide "
             "by the density of ice and multiply by one year. Use the unrounded temperature: the "
             "vapour pressure changes by 12-15 % per kelvin here.",
    ),
    "06.5": Exercise(
        title="Exercise 5 · ice or salt?",
        solve=_ice_or_salt,
        choices=("ice", "salt"),
        hint="Divide the layer's thickness by the loss rate to get its lifetime, and compare it "
             "with the deposit's age.",
    ),
}
