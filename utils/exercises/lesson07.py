"""Exercises of 07 · The bright spots: old ice or salt?

Every expected answer is computed from the inputs the notebook passes; the
``mistakes`` are the likely wrong answers named on the instructor page, each
with a hint that does not give the answer away.
"""

from __future__ import annotations

import astropy.units as u
import numpy as np
from astropy import constants as const

from ..checks import CORRECT, INCORRECT, CheckResult, Mistake, RoundedTooFar
from ..thermal import (
    _subsolar_temperature,
    irradiance,
    sublimation_balance_temperature,
    sublimation_mass_flux,
    thickness_loss_rate,
)
from ..units import require


# --- 07.1 · subsolar temperature ---------------------------------------------------------------
def _temperature(solar_constant, albedo, distance):
    return _subsolar_temperature(solar_constant, albedo, distance).to(u.K)


def _absorbed(solar_constant, albedo, distance, fraction=None):
    a = require(albedo, u.one, "albedo").to_value(u.one)
    return irradiance(solar_constant, distance) * ((1 - a) if fraction is None else fraction(a))


def _t_square_root(solar_constant, albedo, distance):
    return ((_absorbed(solar_constant, albedo, distance) / const.sigma_sb).to_value(u.K**4) ** 0.5) * u.K


def _t_square_root_kept_units(solar_constant, albedo, distance):
    """The square root with the units kept: K² (the fourth root's one step short)."""
    return ((_absorbed(solar_constant, albedo, distance) / const.sigma_sb) ** 0.5).to(u.K**2)


def _t_fourth_power(solar_constant, albedo, distance):
    """power / σ itself, in K⁴: the fourth root not taken."""
    return (_absorbed(solar_constant, albedo, distance) / const.sigma_sb).to(u.K**4)


def _t_reflected(solar_constant, albedo, distance):
    return ((_absorbed(solar_constant, albedo, distance, lambda a: a) / const.sigma_sb) ** 0.25).to(u.K)


def _t_ceres_albedo(solar_constant, albedo, distance):
    from ..facts import fact

    return _temperature(solar_constant, fact("ceres.albedo"), distance)


def _t_dark_ground_mean_distance(solar_constant, albedo, distance):
    # the dark ground's noon temperature at Ceres' mean distance, printed just before the exercise
    from ..facts import fact

    require(albedo, u.one, "albedo")
    return _temperature(solar_constant, fact("ceres.albedo"), fact("ceres.a"))


def _t_at_earth(solar_constant, albedo, distance):
    return _temperature(solar_constant, albedo, 1 * u.AU)


def _t_not_squared(solar_constant, albedo, distance):
    r = require(distance, u.AU, "distance", positive=True).to_value(u.AU)
    return _temperature(solar_constant, albedo, np.sqrt(r) * u.AU)


def _t_whole_body(solar_constant, albedo, distance):
    return _temperature(solar_constant, albedo, distance) / 4**0.25


def _t_mean_distance(solar_constant, albedo, distance):
    from ..facts import fact

    return _temperature(solar_constant, albedo, fact("ceres.a"))


def _t_mean_distance_rounded(solar_constant, albedo, distance):
    # the mean-distance value rounded to 10 K, as the sensitivity cell prints it
    return np.round(_t_mean_distance(solar_constant, albedo, distance).to_value(u.K), -1) * u.K


def _t_lower_albedo_mean_distance_rounded(solar_constant, albedo, distance):
    # the sensitivity cell's first line: the low end of the faculae's reported range, at the mean distance,
    # rounded to 10 K
    from ..facts import fact

    require(albedo, u.one, "albedo")
    darker = fact("occator.faculae_reflectance_low")
    return np.round(_temperature(solar_constant, darker, fact("ceres.a")).to_value(u.K), -1) * u.K


def _t_faculae_low(solar_constant, albedo, distance):
    # the low end of the faculae's range, `faculae_low`, in place of `faculae`
    from ..facts import fact

    require(albedo, u.one, "albedo")
    return _temperature(solar_constant, fact("occator.faculae_reflectance_low"), distance)


def _t_aphelion(solar_constant, albedo, distance):
    # the farthest point of the orbit, a (1 + e), in place of the perihelion
    from ..facts import fact

    require(distance, u.AU, "distance", positive=True)
    return _temperature(solar_constant, albedo, fact("ceres.a") * (1 + fact("ceres.e")))


def _t_no_absorbed_fraction(solar_constant, albedo, distance):
    # all the sunlight absorbed: the factor (1 - A) left out
    return _temperature(solar_constant, 0 * u.one, distance)


def _t_kelvin_as_celsius(solar_constant, albedo, distance):
    # the right number of kelvin, typed with the Celsius unit; the same temperature given in kelvin is the
    # kelvin value with 273 added (217 K + 273 = 490 K): the hint is worded by the answer's unit
    return _temperature(solar_constant, albedo, distance).to_value(u.K) * u.deg_C


def _t_celsius_as_kelvin(solar_constant, albedo, distance):
    # the right number of degrees Celsius (about -56), typed with the kelvin unit
    return _temperature(solar_constant, albedo, distance).to_value(u.deg_C, u.temperature()) * u.K


def _t_celsius_sign_dropped(solar_constant, albedo, distance):
    # the right temperature converted to °C with its minus sign lost (about +56 °C in place of -56 °C)
    celsius = _temperature(solar_constant, albedo, distance).to_value(u.deg_C, u.temperature())
    return abs(celsius) * u.deg_C


def _t_fahrenheit_sign_dropped(solar_constant, albedo, distance):
    # the same slip in °F
    fahrenheit = _temperature(solar_constant, albedo, distance).to_value(u.imperial.deg_F, u.temperature())
    return abs(fahrenheit) * u.imperial.deg_F


_SIGN_DROPPED = (
    "Check the sign of your answer: did a minus sign get lost when you converted to °C or °F, or when you "
    "typed the number?"
)


def _perihelion(distance=None, semi_major_axis=None, eccentricity=None):
    """The distance Exercise 1 asks about: given, or the perihelion a (1 - e) of the orbit given."""
    if distance is not None:
        return distance
    a = require(semi_major_axis, u.AU, "semi_major_axis", positive=True)
    e = require(eccentricity, u.one, "eccentricity").to_value(u.one)
    if not 0 <= e < 1:
        raise ValueError(f"eccentricity must lie between 0 and 1 for an orbit, got {e}")
    return a * (1 - e)


def _at_perihelion(solve):
    """``solve(solar_constant, albedo, distance)`` taking the orbit's a and e in place of the distance.

    Exercise 1 passes the orbit (the student works out the perihelion); a distance passed directly still works.
    No ``functools.wraps``: the check reads this function's own signature to name missing inputs.
    """

    def from_orbit(solar_constant, albedo, distance=None, semi_major_axis=None, eccentricity=None):
        return solve(solar_constant, albedo, _perihelion(distance, semi_major_axis, eccentricity))

    from_orbit.__doc__ = solve.__doc__
    return from_orbit


def _t_aphelion_of_orbit(solar_constant, albedo, distance=None, semi_major_axis=None, eccentricity=None):
    # the farthest point of the orbit given, a (1 + e), in place of the perihelion a (1 - e)
    if semi_major_axis is None or eccentricity is None:
        return _t_aphelion(solar_constant, albedo, _perihelion(distance))
    a = require(semi_major_axis, u.AU, "semi_major_axis", positive=True)
    return _temperature(solar_constant, albedo, a * (1 + require(eccentricity, u.one, "eccentricity")))


def _t_semi_latus_rectum(solar_constant, albedo, distance=None, semi_major_axis=None, eccentricity=None):
    # the distance a (1 - e²), the semi-latus rectum (the distance 90° round the orbit from perihelion),
    # in place of the perihelion a (1 - e)
    if semi_major_axis is None or eccentricity is None:
        return None
    a = require(semi_major_axis, u.AU, "semi_major_axis", positive=True)
    e = require(eccentricity, u.one, "eccentricity").to_value(u.one)
    return _temperature(solar_constant, albedo, a * (1 - e**2))


def _t_a_times_e(solar_constant, albedo, distance=None, semi_major_axis=None, eccentricity=None):
    # the perihelion typed as a × e in place of a (1 - e)
    if semi_major_axis is None or eccentricity is None:
        return None
    a = require(semi_major_axis, u.AU, "semi_major_axis", positive=True)
    e = require(eccentricity, u.one, "eccentricity", positive=True)
    return _temperature(solar_constant, albedo, a * e)


_KELVIN_AS_CELSIUS = (
    "Your number looks like kelvin, but you gave it the unit °C. Write it with `u.K` (or convert it to Celsius first)."
)
_KELVIN_PLUS_273 = (
    "Your number looks like a kelvin temperature with 273 added. The formula gives kelvin already "
    "(σ is in W m⁻² K⁻⁴): keep that number with `u.K`, or subtract 273.15 to get °C."
)


# --- 07.2 · how long would a pit full of ice last? ---------------------------------------------
# The notebook passes the day-averaged mass flux and the ice's density (the student turns them into the rate at
# which the surface goes down, then into a lifetime); the functions below work with that rate. ``_from_flux``
# turns each into one that takes the notebook's inputs (a rate given directly still works).
def _from_flux(solve):
    def from_flux(
        thickness,
        loss_rate=None,
        noon_loss_rate=None,
        bright_albedo=None,
        low_albedo=None,
        faculae_albedo=None,
        mass_flux=None,
        density=None,
        noon_mass_flux=None,
    ):
        if loss_rate is None:
            if mass_flux is None or density is None:
                raise ValueError("07.2 needs mass_flux and density (or loss_rate)")
            loss_rate = thickness_loss_rate(mass_flux, density)
        if noon_loss_rate is None and noon_mass_flux is not None and density is not None:
            noon_loss_rate = thickness_loss_rate(noon_mass_flux, density)
        rates = dict(noon_loss_rate=noon_loss_rate, bright_albedo=bright_albedo, low_albedo=low_albedo)
        return solve(thickness, loss_rate, faculae_albedo=faculae_albedo, **rates)

    from_flux.__doc__ = solve.__doc__
    return from_flux


def _lifetime_no_density(thickness, mass_flux=None, density=None, **_):
    # the depth over the mass flux itself, not over the rate the surface goes down: not a time
    if mass_flux is None:
        return None
    return require(thickness, u.m, "thickness", positive=True) / mass_flux


def _lifetime_times_density(thickness, mass_flux=None, density=None, **_):
    # the mass flux multiplied by the density in place of divided: not a time either
    if mass_flux is None or density is None:
        return None
    return require(thickness, u.m, "thickness", positive=True) / (mass_flux * density)


def _lifetime_unconverted(thickness, mass_flux, density):
    """The depth over the loss rate, in whatever units the division leaves (km s / m, say)."""
    h = require(thickness, u.m, "thickness", positive=True)
    rate = require(mass_flux, u.kg / u.m**2 / u.s, "mass_flux", positive=True) / require(
        density, u.kg / u.m**3, "density", positive=True
    )
    return h / rate


def _lifetime_value_in_own_units(thickness, mass_flux=None, density=None, **_):
    # `.value` of the depth over the rate while still in mixed units (km s / m for 0.5 km over a flux per
    # second), then `* u.yr`: the number is not a count of years (about 30,000 times too long here)
    if mass_flux is None or density is None:
        return None
    raw = _lifetime_unconverted(thickness, mass_flux, density)
    if np.isclose(raw.unit.to(u.yr), 1):  # already in years: .value is then the right number
        return None
    return raw.value * u.yr


def _lifetime_seconds_as_years(thickness, mass_flux=None, density=None, **_):
    # the lifetime in seconds (`.si` or `.decompose()`), its `.value` then given the unit u.yr
    if mass_flux is None or density is None:
        return None
    return _lifetime_unconverted(thickness, mass_flux, density).to_value(u.s) * u.yr


_VALUE_OF_MIXED_UNITS = (
    "You took `.value` of a quantity still in mixed units (such as km·s/m), or in seconds, and called "
    "the number years. Keep the quantity and let astropy convert it: use `.to(u.yr)`, not `.value * u.yr`."
)


_NO_RATE = (
    "Your answer is not a time. The mass flux (kilograms per square metre per unit time) is not yet how fast "
    "the surface goes down: divide it by the ice's density, `ice_density` (kg per m³), to get metres per unit "
    "time. Then divide the pit's depth by that rate."
)


def _lifetime_printed_flux(thickness, mass_flux=None, density=None, **_):
    # the day-averaged flux rounded to whole kilograms per m² a year (16), worked by hand, and the lifetime then
    # rounded to two figures as asked (29,000 yr). Unrounded (28,647 yr) it lies within the tolerance of the
    # right answer and passes; rounded, it lies just outside it, so only that two-figure value gets this hint.
    if mass_flux is None or density is None:
        return None
    per_year = u.kg / u.m**2 / u.yr
    whole = max(round(require(mass_flux, per_year, "mass_flux", positive=True).to_value(per_year)), 1) * per_year
    rho = require(density, u.kg / u.m**3, "density", positive=True)
    years = (require(thickness, u.m, "thickness", positive=True) * rho / whole).to_value(u.yr)
    return float(f"{years:.2g}") * u.yr


def _lifetime(thickness, loss_rate, noon_loss_rate=None, bright_albedo=None, low_albedo=None, faculae_albedo=None):
    h = require(thickness, u.m, "thickness", positive=True)
    rate = require(loss_rate, u.m / u.yr, "loss_rate", positive=True)
    return (h / rate).to(u.yr)


def _lifetime_noon(thickness, loss_rate, noon_loss_rate=None, bright_albedo=None, low_albedo=None, faculae_albedo=None):
    if noon_loss_rate is None:
        return None
    return _lifetime(thickness, noon_loss_rate)


def _lifetime_rounded_rate(
    thickness, loss_rate, noon_loss_rate=None, bright_albedo=None, low_albedo=None, faculae_albedo=None
):
    # the day-averaged rate rounded to whole centimetres a year before dividing
    rate = require(loss_rate, u.m / u.yr, "loss_rate", positive=True)
    return _lifetime(thickness, max(round(rate.to_value(u.cm / u.yr)), 1) * u.cm / u.yr)


def _lifetime_noon_printed(
    thickness, loss_rate, noon_loss_rate=None, bright_albedo=None, low_albedo=None, faculae_albedo=None
):
    # the noon rate as the lesson prints it, rounded to whole centimetres a year (11 cm / yr)
    if noon_loss_rate is None:
        return None
    rate = require(noon_loss_rate, u.m / u.yr, "noon_loss_rate", positive=True)
    return _lifetime(thickness, max(round(rate.to_value(u.cm / u.yr)), 1) * u.cm / u.yr)


def _lifetime_noon_one_figure(
    thickness, loss_rate, noon_loss_rate=None, bright_albedo=None, low_albedo=None, faculae_albedo=None
):
    # the lifetime at the noon rate, rounded to one figure (5,000 yr)
    years = _lifetime_noon(thickness, loss_rate, noon_loss_rate)
    if years is None:
        return None
    return float(f"{years.to_value(u.yr):.1g}") * u.yr


def _lifetime_km_over_m(
    thickness, loss_rate, noon_loss_rate=None, bright_albedo=None, low_albedo=None, faculae_albedo=None
):
    # the depth typed in km over the rate typed in m a year (0.5 / 0.018): 1,000 times too short
    return _lifetime(thickness, loss_rate) / 1000


def _lifetime_m_over_cm(
    thickness, loss_rate, noon_loss_rate=None, bright_albedo=None, low_albedo=None, faculae_albedo=None
):
    # the depth typed in m over the rate typed in cm a year (500 / 1.8): 100 times too short
    return _lifetime(thickness, loss_rate) / 100


def _lifetime_km_over_cm(
    thickness, loss_rate, noon_loss_rate=None, bright_albedo=None, low_albedo=None, faculae_albedo=None
):
    # the depth typed in km over the rate typed in cm a year (0.5 / 1.8): 100,000 times too short
    return _lifetime(thickness, loss_rate) / 100_000


def _lifetime_years_as_days(
    thickness, loss_rate, noon_loss_rate=None, bright_albedo=None, low_albedo=None, faculae_albedo=None
):
    # the right number of years given the unit u.day
    return (_lifetime(thickness, loss_rate).to_value(u.yr) * u.day).to(u.yr)


def _lifetime_years_as_seconds(
    thickness, loss_rate, noon_loss_rate=None, bright_albedo=None, low_albedo=None, faculae_albedo=None
):
    # the right number of years given the unit u.s
    return (_lifetime(thickness, loss_rate).to_value(u.yr) * u.s).to(u.yr)


def _times(factor):
    """The lifetime ``factor`` times too long: lengths or years typed in mixed units (28 Myr for 28,000 yr)."""

    def too_long(thickness, loss_rate, noon_loss_rate=None, bright_albedo=None, low_albedo=None, faculae_albedo=None):
        return _lifetime(thickness, loss_rate) * factor

    return too_long


_TOO_LONG = (
    "Your number is too large by a whole factor of 100, 1,000 or more. Were the depth and the loss rate "
    "typed in different length units (km, m, cm, mm), or a number of years given a unit such as `u.kyr` or "
    "`u.Myr` (thousands or millions of years)? Divide the quantities themselves: `pit_depth` by the rate "
    "`flux_day / ice_density`, and convert with `.to(u.yr)`."
)

_MIXED_LENGTH_UNITS = (
    "Your number is too small by a whole factor of 100, 1,000 or more. Were the depth and the loss rate "
    "typed in different length units (km, m, cm), or a number read in thousands? Divide the quantities "
    "themselves: `pit_depth` by the rate `flux_day / ice_density`, and convert with `.to(u.yr)`."
)


def _activity_age(thickness, loss_rate, noon_loss_rate=None, bright_albedo=None, low_albedo=None, faculae_albedo=None):
    # the age printed as `activity_age`, pasted in place of the ice's lifetime
    from ..facts import fact

    return fact("occator.activity_start").to(u.yr)


def _young_deposits_age(
    thickness, loss_rate, noon_loss_rate=None, bright_albedo=None, low_albedo=None, faculae_albedo=None
):
    from ..facts import fact

    return fact("occator.young_deposits_age").to(u.yr)


def _loss_rate_from_facts(albedo_id, day_mean):
    # an ice surface's loss rate at Ceres' average distance, with the lesson's facts (for the likely slips)
    from .. import thermal
    from ..facts import fact

    albedo = fact(albedo_id) if isinstance(albedo_id, str) else albedo_id  # a fact's id or an albedo
    absorbed = thermal.irradiance(fact("solar.tsi"), fact("ceres.a")) * (1 - albedo)  # at noon
    water, latent = fact("water.molar_mass"), fact("ice.sublimation_latent_heat")
    if day_mean:
        flux = thermal.diurnal_mean_sublimation_flux(absorbed, water, latent_heat=latent)
    else:
        flux = thermal.sublimation_mass_flux(thermal.sublimation_balance_temperature(absorbed, water, latent), water)
    return thermal.thickness_loss_rate(flux, fact("ice.density"))


def _lifetime_dusty_ice(
    thickness, loss_rate, noon_loss_rate=None, bright_albedo=None, low_albedo=None, faculae_albedo=None
):
    # Exercise 4's upper bound for dark, dusty ice (all noon sunlight spent on sublimation, all year)
    from ..facts import fact

    bound = _energy_limited_loss(
        fact("solar.tsi"),
        fact("ceres.albedo"),
        fact("ceres.a"),
        fact("ice.sublimation_latent_heat"),
        fact("ice.density"),
    )
    return _lifetime(thickness, bound / (1 * u.yr))


def _lifetime_faculae_ice(
    thickness, loss_rate, noon_loss_rate=None, bright_albedo=None, low_albedo=None, faculae_albedo=None
):
    # ice as bright as the faculae (the notebook's `faculae`, else the table's value), day-averaged
    albedo = "occator.faculae_albedo" if faculae_albedo is None else require(faculae_albedo, u.one, "faculae_albedo")
    return _lifetime(thickness, _loss_rate_from_facts(albedo, day_mean=True))


def _lifetime_brightest_faculae_ice(
    thickness, loss_rate, noon_loss_rate=None, bright_albedo=None, low_albedo=None, faculae_albedo=None
):
    # the lifetime printed later for ice at the top of the faculae's albedo range (`bright_albedo`)
    if bright_albedo is None:
        return None
    albedo = require(bright_albedo, u.one, "bright_albedo", positive=True)
    return _lifetime(thickness, _loss_rate_from_facts(albedo, day_mean=True))


def _lifetime_darkest_faculae_ice(
    thickness, loss_rate, noon_loss_rate=None, bright_albedo=None, low_albedo=None, faculae_albedo=None
):
    # the lifetime printed later for ice at the bottom of the faculae's albedo range (`low_albedo`)
    if low_albedo is None:
        return None
    albedo = require(low_albedo, u.one, "low_albedo", positive=True)
    return _lifetime(thickness, _loss_rate_from_facts(albedo, day_mean=True))


# --- 07.4 · the most ice sunlight can remove in a year -----------------------------------------
def _energy_limited_loss(solar_constant, albedo, distance, latent_heat, density, molar_mass=None):
    # every watt absorbed goes into sublimation: (1 - A) S (1 AU / r)**2 / (L rho), for one year
    absorbed = _absorbed(solar_constant, albedo, distance)
    L = require(latent_heat, u.J / u.kg, "latent_heat", positive=True)
    rho = require(density, u.kg / u.m**3, "density", positive=True)
    return (absorbed / (L * rho) * (1 * u.yr)).to(u.m)


def _energy_mass_not_divided(solar_constant, albedo, distance, latent_heat, density, molar_mass=None):
    # the mass per square metre sublimated in a year: the division by the density left out
    L = require(latent_heat, u.J / u.kg, "latent_heat", positive=True)
    return (_absorbed(solar_constant, albedo, distance) / L * (1 * u.yr)).to(u.kg / u.m**2)


def _loss_free_at_dry_temperature(solar_constant, albedo, distance, latent_heat, density, molar_mass=None):
    # the ice held at the dry ground's temperature, sublimating freely (no energy cost)
    if molar_mass is None:
        return None
    flux = sublimation_mass_flux(_temperature(solar_constant, albedo, distance), molar_mass)
    return (thickness_loss_rate(flux, density) * (1 * u.yr)).to(u.m)


def _loss_at_balance(solar_constant, albedo, distance, latent_heat, density, molar_mass=None):
    # the loss at the balanced (sublimation-cooled) noon temperature: below the bound
    if molar_mass is None:
        return None
    absorbed = _absorbed(solar_constant, albedo, distance)
    flux = sublimation_mass_flux(sublimation_balance_temperature(absorbed, molar_mass, latent_heat), molar_mass)
    return (thickness_loss_rate(flux, density) * (1 * u.yr)).to(u.m)


def _energy_all_sunlight(solar_constant, albedo, distance, latent_heat, density, molar_mass=None):
    return _energy_limited_loss(solar_constant, 0, distance, latent_heat, density)


def _energy_reflected(solar_constant, albedo, distance, latent_heat, density, molar_mass=None):
    # the fraction reflected, A, in place of the fraction absorbed, 1 - A
    absorbed = _absorbed(solar_constant, albedo, distance, lambda a: a)
    L = require(latent_heat, u.J / u.kg, "latent_heat", positive=True)
    rho = require(density, u.kg / u.m**3, "density", positive=True)
    return (absorbed / (L * rho) * (1 * u.yr)).to(u.m)


def _energy_at_earth(solar_constant, albedo, distance, latent_heat, density, molar_mass=None):
    return _energy_limited_loss(solar_constant, albedo, 1 * u.AU, latent_heat, density)


def _energy_bare_ice(solar_constant, albedo, distance, latent_heat, density, molar_mass=None):
    from ..facts import fact

    return _energy_limited_loss(solar_constant, fact("albedo.bare_ice"), distance, latent_heat, density)


def _energy_faculae(albedo_id):
    """Exercise 4's bound for ice as bright as the faculae (a fact's id) in place of dusty ice as dark as Ceres."""

    def faculae_bright(solar_constant, albedo, distance, latent_heat, density, molar_mass=None):
        from ..facts import fact

        require(albedo, u.one, "albedo")
        return _energy_limited_loss(solar_constant, fact(albedo_id), distance, latent_heat, density)

    return faculae_bright


def _energy_day_average(solar_constant, albedo, distance, latent_heat, density, molar_mass=None):
    # the bound with the noon sunlight averaged over the day on the equator (over 1 / pi of it)
    return _energy_limited_loss(solar_constant, albedo, distance, latent_heat, density) / np.pi


def _loss_day_average_balanced(solar_constant, albedo, distance, latent_heat, density, molar_mass=None):
    # dusty ice's loss at its balanced temperature, averaged over the day (Going further 2)
    if molar_mass is None:
        return None
    from ..thermal import diurnal_mean_sublimation_flux

    flux = diurnal_mean_sublimation_flux(
        _absorbed(solar_constant, albedo, distance), molar_mass, latent_heat=latent_heat
    )
    return (thickness_loss_rate(flux, density) * (1 * u.yr)).to(u.m)


_DAY_AVERAGE = (
    "That is a loss averaged over Ceres' day. The bound spends the noon sunlight all year, not the day's "
    "average, and spends all of it on sublimation."
)


def _energy_rate_not_times_year(solar_constant, albedo, distance, latent_heat, density, molar_mass=None):
    return _energy_limited_loss(solar_constant, albedo, distance, latent_heat, density) / (1 * u.yr)


def _energy_rate_times_seconds(solar_constant, albedo, distance, latent_heat, density, molar_mass=None):
    # the rate in m / s times a year's seconds typed as a plain number: still a rate, in m / s
    rate = _energy_rate_not_times_year(solar_constant, albedo, distance, latent_heat, density).to(u.m / u.s)
    return rate * (1 * u.yr).to_value(u.s)


#: What exercises 07.1, 07.2 and 07.4 tell an answer about 1-6 % off the right one that no named mistake explains
#: (215 K, 27,000 years, 1.9 m): often the right method on numbers typed from a printout or rounded on the way,
#: but nothing shows the method, so it does not say the method is right. It stands alone (no "That is not right"
#: in front), says neither "close" (that is for the right answer rounded too far, which keeps its own message) nor
#: which way the answer is off, and gives no number.
NEAR = "Not yet: compute it again from the variables themselves, not from typed or rounded numbers."


def _off_by(solve, factor):
    """The right answer times ``factor``: with rtol 0.03, 0.97 and 1.03 cover the answers about 1-6 % off it."""

    def off(**inputs):
        return solve(**inputs) * factor

    return off


def _near(solve):
    """The two near-miss mistakes of an exercise whose answer ``solve`` gives; listed last, so that a named
    mistake that also lands in the band keeps its own hint."""
    return tuple(Mistake(_off_by(solve, f), NEAR, rtol=0.03, method_right=True) for f in (0.97, 1.03))


class _NotNegative(RoundedTooFar):
    """A physical answer that cannot be negative: a temperature below 0 K, or a negative time or length, is told it
    is impossible and to check the sign (-217 K is no near miss of 217 K), unless a named mistake explains it (-56 K,
    the Celsius number with the kelvin unit, keeps its own hint). A negative temperature in °C or °F above absolute
    zero is a temperature like any other."""

    def check(self, answer, **inputs):
        result = super().check(answer, **inputs)
        if result.status != INCORRECT or not isinstance(answer, u.Quantity) or not answer.isscalar:
            return result
        named = not any(text in result.message for text in ("Check the sign", NEAR, f"Hint: {self.hint}"))
        if named:
            return result
        kind = answer.unit.physical_type
        try:
            below = kind == "temperature" and answer.to_value(u.K, equivalencies=u.temperature()) < 0
        except u.UnitsError:
            below = False
        if below:
            return CheckResult(INCORRECT, "No temperature is below absolute zero (0 K): check the sign.", result.name)
        if kind in ("time", "length") and answer.value < 0:
            return CheckResult(INCORRECT, f"A {kind} cannot be negative here: check the sign.", result.name)
        return result


class _LifetimeInYears(_NotNegative):
    """A lifetime: a right answer left in a unit that only reduces to a time (``km s / m``, from the pit's depth
    over the loss rate without ``.to(u.yr)``) is right, and told to convert it, as 3(a) compares it with ages."""

    def check(self, answer, **inputs):
        result = super().check(answer, **inputs)
        unit = getattr(answer, "unit", None)
        if result.ok and unit is not None and not _plain_time_unit(unit):
            return CheckResult(CORRECT, "Convert it with `.to(u.yr)` to compare it with the ages.", result.name)
        return result


def _plain_time_unit(unit) -> bool:
    """Is ``unit`` a named time unit (s, yr, Myr, ...), not a composite that only reduces to one (km s / m)?"""
    return not isinstance(unit, u.CompositeUnit) and unit.physical_type == "time"


_EXERCISES = {
    "07.1": _NotNegative(
        title="Exercise 1 · the noon temperature of a bright patch at perihelion (a = {semi_major_axis:.2f}, "
        "e = {eccentricity:.3f})",
        solve=_at_perihelion(_temperature),
        rtol=0.005,  # 3 significant figures pass, as the question asks; the patch at Ceres' mean distance is 4 % colder
        band=0.02,  # 220 K or -60 °C (two figures): told to keep three; an emissivity of 0.9 (2.7 % off) is not
        keep="three figures, as the question asks",
        close_before_copied=True,  # 220 K is the answer to two figures and a printed line's value: told both
        hint="Scale the solar constant by (1 AU / r)², keep the fraction (1 − A) that is absorbed, "
        "and solve σT⁴ = absorbed power for T (use astropy.constants.sigma_sb). Any temperature "
        "unit is fine.",
        mistakes=(
            Mistake(
                _t_semi_latus_rectum,
                "That is a (1 − e²), not the perihelion distance a (1 − e): check which factor you used.",
                rtol=0.0015,  # Ceres' a (1 − e²) is only 0.6 % short of a: the mean distance's value lies 0.3 % away
            ),
            Mistake(
                _at_perihelion(_t_mean_distance),
                "That is the temperature at Ceres' average distance, `ceres_a`. This exercise puts the patch "
                "at perihelion: first work out that distance, a (1 − e), from `ceres_a` and `ceres_e`.",
            ),
            Mistake(
                _at_perihelion(_t_mean_distance_rounded),
                "That looks like the temperature at Ceres' average distance. This exercise puts the patch at "
                "perihelion: first work out that distance, a (1 − e), from `ceres_a` and `ceres_e`.",
            ),
            Mistake(
                _at_perihelion(_t_lower_albedo_mean_distance_rounded),
                "If you took it from a printout, that line is another case: a darker patch at Ceres' average "
                "distance. Compute it for the albedo `faculae` at the perihelion distance, a (1 − e).",
                copied=True,
                rtol=0.002,  # only the printed 220 K (or -53 °C): 219 K is not a rounding of anything printed
            ),
            Mistake(
                _at_perihelion(_t_dark_ground_mean_distance),
                "That is the dark ground's noon temperature at Ceres' average distance, printed above the "
                "exercise. Compute it for the bright patch's albedo, `faculae`, at the perihelion distance, "
                "a (1 − e).",
                copied=True,
                rtol=0.005,
            ),
            Mistake(_at_perihelion(_t_kelvin_as_celsius), _KELVIN_PLUS_273, unit_hints={"deg_C": _KELVIN_AS_CELSIUS}),
            Mistake(
                _at_perihelion(_t_celsius_as_kelvin),
                "Your number looks like degrees Celsius, but you gave it the unit K. Write it with `u.deg_C`, "
                "or keep the kelvin value the formula gives.",
            ),
            Mistake(_at_perihelion(_t_celsius_sign_dropped), _SIGN_DROPPED),
            Mistake(_at_perihelion(_t_fahrenheit_sign_dropped), _SIGN_DROPPED),
            Mistake(
                _at_perihelion(_t_square_root), "σT⁴ = power: T is the FOURTH root of (power / σ), not the square root."
            ),
            Mistake(
                _at_perihelion(_t_square_root_kept_units),
                "σT⁴ = power: T is the FOURTH root of (power / σ), `** 0.25`, not the square root (K² is the sign).",
            ),
            Mistake(
                _at_perihelion(_t_fourth_power),
                "Your answer is in K⁴: that is T⁴. σT⁴ = power, so take the fourth root of power / σ, "
                "`** 0.25`, to get T.",
                rtol=0.9,  # any K⁴ answer lacks the fourth root; within this window the hint names that step
            ),
            Mistake(
                _at_perihelion(_t_reflected),
                "Two slips give this value: A in place of 1 − A (the albedo is the fraction REFLECTED; the "
                "ground is warmed by the fraction absorbed, 1 − A), or another albedo than `faculae` (such as "
                "`faculae_high`). Check both: use `faculae` itself, with 1 − A.",
            ),
            Mistake(
                _at_perihelion(_t_ceres_albedo),
                "That albedo is the dark ground's (Ceres' average). The bright patch reflects far more, so it "
                "absorbs less: use the faculae's albedo, `faculae`.",
            ),
            Mistake(
                _at_perihelion(_t_faculae_low),
                "That albedo is the low end of the faculae's range (`faculae_low`). Use the working value, "
                "`faculae`, as the question asks.",
                rtol=0.005,
            ),
            Mistake(
                _t_aphelion_of_orbit,
                "That matches the farthest point of the orbit, the aphelion, a (1 + e): the exercise puts the "
                "patch at the perihelion, a (1 − e). If instead you rounded your own result to one figure, "
                "keep three.",
                rtol=0.005,
            ),
            Mistake(
                _t_a_times_e,
                "The perihelion distance is a (1 − e): the semi-major axis shortened by the fraction e, not a times e.",
            ),
            Mistake(
                _at_perihelion(_t_no_absorbed_fraction),
                "That ground absorbs all the sunlight. A patch of albedo A reflects that fraction and absorbs "
                "only 1 − A: multiply the sunlight by (1 - faculae).",
                rtol=0.005,  # 273 K or 0 °C, the melting point (a guess), lies 1 % away
            ),
            Mistake(
                _at_perihelion(_t_at_earth),
                "Sunlight at Ceres is weaker than at Earth: scale the solar constant by (1 AU / r)².",
            ),
            Mistake(
                _at_perihelion(_t_not_squared),
                "Sunlight weakens with the SQUARE of the distance from the Sun.",
                # three figures of this slip pass; 273 K or 0 °C (the melting point, a guess) lie 0.5 % away
                rtol=0.002,
            ),
            Mistake(
                _at_perihelion(_t_whole_body),
                "That is the whole-body temperature of an evenly warmed sphere (sunlight spread "
                "over 4πR²). The question is about the point with the Sun overhead.",
            ),
            *_near(_at_perihelion(_temperature)),  # last: a named mistake in the band keeps its own hint
        ),
    ),
    "07.2": _LifetimeInYears(
        title="Exercise 2 · how long would a pit full of ice last?",
        solve=_from_flux(_lifetime),
        # about half a unit in the second figure asked for (28,368 yr: 28,000 passes, 27,000 and 29,000 do
        # not); the rate as printed, 1.8 cm a year, gives 27,778 yr (2.1 % low) and passes
        rtol=0.021,
        band=0.12,  # the question asks for two figures: 30,000 yr (6 % high) is told to keep more figures
        hint="Two steps. The mass lost per square metre, divided by the density, is how fast the surface goes "
        "down; a layer of thickness h lowered by v per year lasts h / v years.",
        mistakes=(
            Mistake(_lifetime_no_density, _NO_RATE),
            Mistake(_lifetime_times_density, _NO_RATE),
            Mistake(_lifetime_value_in_own_units, _VALUE_OF_MIXED_UNITS),
            Mistake(_lifetime_seconds_as_years, _VALUE_OF_MIXED_UNITS),
            Mistake(
                _from_flux(_lifetime_noon),
                "You used the loss rate at noon. Over a whole day the Sun rises and "
                "sets: use the rate averaged over Ceres' day.",
            ),
            Mistake(
                _from_flux(_lifetime_rounded_rate),
                "You used a rounded rate. Use the variables `flux_day` and `ice_density` themselves, not "
                "numbers typed from a printout.",
            ),
            Mistake(
                _lifetime_printed_flux,
                "You used a rounded rate. Use the variables `flux_day` and `ice_density` themselves, not "
                "numbers typed from a printout.",
                rtol=0.002,  # only the two-figure value itself
            ),
            Mistake(
                _from_flux(_activity_age),
                "That is the deposits' age (`activity_age`). The question asks how long the ice would last: "
                "divide the pit's depth by the yearly loss.",
            ),
            Mistake(
                _from_flux(_young_deposits_age),
                "That is an age of the deposits (`young_age`). The question asks how long the ice would last: "
                "divide the pit's depth by the yearly loss.",
            ),
            Mistake(
                _from_flux(_lifetime_dusty_ice),
                "That is the lifetime at Exercise 4's rate for dark, dusty ice held at noon all year. This pit "
                "is filled with bare ice: use its day-averaged loss, `flux_day`.",
            ),
            Mistake(
                _from_flux(_lifetime_faculae_ice),
                "That is ice as bright as the faculae. The pit here is filled with bare ice (as bright as bare "
                "sea ice): use `flux_day`, the loss printed for bare ice.",
                # the lesson prints this lifetime; 1 %, so that the noon rate as printed (4,500 for 4,545 yr,
                # 1.8 % from it) gets the noon hint below instead
                rtol=0.01,
                copied=True,
            ),
            Mistake(
                _from_flux(_lifetime_brightest_faculae_ice),
                "That is ice as bright as the faculae's brightest centre (`faculae_high`). The pit here is "
                "filled with bare ice: use `flux_day`, the loss printed for bare ice.",
            ),
            Mistake(
                _from_flux(_lifetime_darkest_faculae_ice),
                "That is ice as dark as the low end of the faculae's range (`faculae_low`). The pit here is "
                "filled with bare ice: use `flux_day`, the loss printed for bare ice.",
            ),
            Mistake(_from_flux(_lifetime_km_over_m), _MIXED_LENGTH_UNITS),
            Mistake(_from_flux(_lifetime_m_over_cm), _MIXED_LENGTH_UNITS),
            Mistake(_from_flux(_lifetime_km_over_cm), _MIXED_LENGTH_UNITS),
            Mistake(
                _from_flux(_lifetime_years_as_days),
                "Your number would be right in years, but you gave it in days. The loss rate is per year: "
                "give the lifetime in years (`u.yr`), or convert with `.to(u.yr)`.",
            ),
            Mistake(
                _from_flux(_lifetime_years_as_seconds),
                "Your number would be right in years, but you gave it in seconds. The loss rate is per year: "
                "give the lifetime in years (`u.yr`), or convert with `.to(u.yr)`.",
            ),
            # 6 %: the two-figure 2.8e7 and 3e7 (one figure) too
            *(Mistake(_from_flux(_times(f)), _TOO_LONG, rtol=0.06) for f in (100, 1000, 100_000, 1_000_000)),
            Mistake(
                _from_flux(
                    _lifetime_noon_printed
                ),  # after the faculae's lifetime, which lies 3 % from it and is printed
                "You used the loss rate at noon. Over a whole day the Sun rises and "
                "sets: use the rate averaged over Ceres' day.",
            ),
            Mistake(
                _from_flux(_lifetime_noon_one_figure),
                "That looks like the lifetime at the noon rate. Over a whole day the Sun rises and "
                "sets: use the rate averaged over Ceres' day, and keep two figures.",
                rtol=0.002,  # only the one-figure value itself
            ),
            *_near(_from_flux(_lifetime)),  # last: a named mistake in the band keeps its own hint
        ),
    ),
    "07.4": _NotNegative(
        title="Exercise 4 · the most ice sunlight can remove in a year at {distance:.2f} from the Sun",
        solve=_energy_limited_loss,
        rtol=0.01,  # three figures, as the question asks: a rounded 2 m would be every bare "2" in the lesson
        keep="three figures, as the question asks",  # 2 m: told in the same words as Exercises 1 and 2
        hint="Absorbed power per m² is (1 − A) S (1 AU / r)²; dividing by the latent heat gives kg per m² per "
        "second; divide by the density of ice and multiply by one year.",
        mistakes=(
            Mistake(
                _loss_free_at_dry_temperature,
                "That holds the ice at the dry ground's temperature: sublimating that fast would take far more "
                "energy than the Sun delivers. Spend the absorbed sunlight on sublimation instead.",
            ),
            Mistake(
                _loss_at_balance,
                "That is the loss at the balanced temperature, where part of the sunlight is radiated. The "
                "question asks for the upper bound: all the absorbed sunlight goes into sublimation.",
            ),
            Mistake(
                _energy_mass_not_divided,
                "Your answer is a mass per square metre (kg/m²): the ice sublimated from each square metre in a "
                "year. To turn it into a thickness, divide it by the density of ice, `ice_density`.",
            ),
            Mistake(_energy_all_sunlight, "Ground of albedo A reflects that fraction: only 1 − A is absorbed."),
            Mistake(
                _energy_reflected,
                "The albedo is the fraction REFLECTED; the ice is warmed by the fraction absorbed, 1 − A. "
                "Check too that you used the albedo `ceres_albedo` itself.",
            ),
            Mistake(
                _energy_at_earth, "That is sunlight at Earth's distance: scale it by (1 AU / r)² for Ceres' distance."
            ),
            Mistake(
                _energy_bare_ice,
                "That is bright, bare ice. Dusty ice is as dark as Ceres: use the albedo given in the exercise.",
            ),
            *(
                Mistake(
                    _energy_faculae(albedo_id),
                    "That albedo is the faculae's. Dusty ice is as dark as Ceres' ground: use `ceres_albedo`.",
                )
                for albedo_id in (
                    "occator.faculae_albedo",
                    "occator.faculae_reflectance_low",
                    "occator.faculae_reflectance_centre",
                )
            ),
            Mistake(_energy_day_average, _DAY_AVERAGE, rtol=0.02),  # 0.63 m: two figures of it too
            Mistake(_loss_day_average_balanced, _DAY_AVERAGE, rtol=0.02),  # 0.28 m, as Going further 2 gives it
            Mistake(
                _energy_rate_not_times_year,
                "That is a rate (a length per unit time). The question asks for the thickness lost in one "
                "year: multiply the rate by one year (1 * u.yr) to get a length.",
            ),
            Mistake(
                _energy_rate_times_seconds,
                "You multiplied by the seconds in a year as a plain number, which carries no unit, so the answer "
                "is still a rate (m / s). Multiply by `1 * u.yr` instead.",
            ),
            *_near(_energy_limited_loss),  # last: a named mistake in the band keeps its own hint
        ),
    ),
}

#: Written questions (no self-check): model answers and rubrics are on the instructor page.
WRITTEN = {
    "07.3": "Exercise 3 · ice or salt, and how did the answer change?",
}
