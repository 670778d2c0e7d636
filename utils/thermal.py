"""Would an ice patch survive on Ceres? Sunlight, temperature and sublimation.

A surface in sunlight warms until it radiates away what it absorbs. At the
*subsolar point* (the Sun overhead) of a surface with no heat flow into the
ground, absorbed power equals emitted power::

    S (1 AU / r)**2 (1 - A) = emissivity * eta * sigma * T**4

(``eta``, the beaming parameter, is 1 unless given: no beaming)

so the temperature falls as ``1 / sqrt(r)`` with distance from the Sun.
The functions that solve this balance for ``T`` are private
(``_subsolar_temperature``, ``_mean_equilibrium_temperature``): lesson 07 asks
students to write it out, so Tab completion offers no call that does it.

Exposed water ice in a vacuum loses molecules at the rate given by the
Hertz-Knudsen equation, ``J = alpha * p_vap(T) * sqrt(m / (2 pi k T))``, with
the vapour pressure of ice from Murphy & Koop (2005, their eq. 7).
Sublimation takes energy (the latent heat ``L`` per kg), so sunlit ice
cools itself: ``sublimation_balance_temperature`` solves
``absorbed = emissivity * sigma * T**4 + L * J(T)``.

Examples
--------
>>> import astropy.units as u
>>> irradiance(1360.8 * u.W / u.m**2, 2.77 * u.AU).round(1)
<Quantity 177.4 W / m2>
>>> round(float(ice_vapour_pressure(273.16 * u.K).to_value(u.Pa)), 2)
611.66
"""

from __future__ import annotations

import astropy.units as u
import numpy as np
from astropy import constants as const

from .units import albedo as _albedo
from .units import integer, require

__all__ = [
    "irradiance",
    "ice_vapour_pressure",
    "sublimation_mass_flux",
    "thickness_loss_rate",
    "diurnal_mean_sublimation_flux",
    "sublimation_balance_temperature",
    "MURPHY_KOOP_TMIN",
    "WATER_TRIPLE_POINT",
]

#: Murphy & Koop (2005), Q. J. R. Meteorol. Soc. 131:1539, doi:10.1256/qj.04.94, eq. (7):
#: ln(p / Pa) = 9.550426 - 5723.265 / T + 3.53068 ln(T) - 0.00728332 T, valid for T > 110 K.
_MK_COEFFS = (9.550426, 5723.265, 3.53068, 0.00728332)
#: Lower validity limit of the Murphy & Koop ice formula.
MURPHY_KOOP_TMIN = 110 * u.K
#: Temperature of water's triple point (exact by the kelvin's definition before 2019; Murphy & Koop's upper limit):
#: the only temperature at which ice, liquid water and vapour coexist. Below the ice's vapour pressure there,
#: water cannot be liquid.
WATER_TRIPLE_POINT = 273.16 * u.K


def irradiance(solar_constant: u.Quantity, distance: u.Quantity) -> u.Quantity:
    """Sunlight per square metre at ``distance`` from the Sun (inverse-square law).

    Parameters
    ----------
    solar_constant : Quantity
        Irradiance at 1 AU (W/m2).
    distance : Quantity
        Distance from the Sun.

    Returns
    -------
    Quantity
        Irradiance in W/m2.

    Examples
    --------
    >>> import astropy.units as u
    >>> irradiance(1360 * u.W / u.m**2, 2 * u.AU)
    <Quantity 340. W / m2>
    """
    s = require(solar_constant, u.W / u.m**2, "solar_constant", positive=True)
    r = require(distance, u.AU, "distance", positive=True)
    return (s * (u.AU / r) ** 2).to(u.W / u.m**2)


def _subsolar_temperature(
    solar_constant: u.Quantity, albedo, distance: u.Quantity, emissivity: float = 1.0, beaming: float = 1.0
) -> u.Quantity:
    """Equilibrium temperature of a surface with the Sun straight overhead.

    Assumes no heat flows into the ground (the hottest a surface can get in
    steady sunlight) and that the albedo given is the fraction of *all*
    sunlight reflected (the Bond albedo).

    Parameters
    ----------
    solar_constant : Quantity
        Irradiance at 1 AU (W/m2).
    albedo : float or dimensionless Quantity
        Bond albedo: the fraction of all sunlight reflected, 0 to 1.
    distance : Quantity
        Distance from the Sun.
    emissivity : float
        Thermal emissivity, 0 < emissivity <= 1 (1: a perfect radiator).
    beaming : float
        Beaming parameter eta of asteroid thermal models (Lebofsky et al. 1986):
        ``emissivity * eta * sigma * T**4 = absorbed``. 1 (the default) means no
        beaming; rough surfaces that send heat back towards the Sun have
        ``eta < 1`` and a hotter subsolar point.

    Returns
    -------
    Quantity
        Temperature in K.

    Examples
    --------
    >>> import astropy.units as u
    >>> round(_subsolar_temperature(1361 * u.W / u.m**2, 0.3, 1 * u.AU).to_value(u.K))
    360
    """
    a = _albedo(albedo, "albedo", kind="bond")
    eps = require(emissivity, u.one, "emissivity", positive=True).to_value(u.one)
    if np.any(eps > 1):
        raise ValueError(f"emissivity is between 0 and 1; got {emissivity}.")
    eta = require(beaming, u.one, "beaming", positive=True).to_value(u.one)
    absorbed = irradiance(solar_constant, distance) * (1 - a)
    return ((absorbed / (eps * eta * const.sigma_sb)) ** 0.25).to(u.K)


def _mean_equilibrium_temperature(
    solar_constant: u.Quantity, albedo, distance: u.Quantity, emissivity: float = 1.0
) -> u.Quantity:
    """Equilibrium temperature of an evenly warmed (isothermal) sphere.

    The sphere intercepts sunlight on its cross-section (pi R^2) and radiates
    from its whole surface (4 pi R^2) at one temperature, so it is
    ``4**0.25 = 1.41`` times colder than the subsolar point. (A fast rotator's
    equator is warmer, ``pi**0.25 = 1.33`` times colder than the subsolar point.)

    Examples
    --------
    >>> import astropy.units as u
    >>> round(_mean_equilibrium_temperature(1361 * u.W / u.m**2, 0.3, 1 * u.AU).to_value(u.K))
    255
    """
    return _subsolar_temperature(solar_constant, albedo, distance, emissivity) / 4**0.25


def ice_vapour_pressure(temperature: u.Quantity) -> u.Quantity:
    """Saturation vapour pressure of water ice (Murphy & Koop 2005, eq. 7).

    Parameters
    ----------
    temperature : Quantity
        Ice temperature; the formula is valid from 110 K to the triple point
        (273.16 K) and is used here up to 273.16 K.

    Returns
    -------
    Quantity
        Vapour pressure in Pa.

    Raises
    ------
    ValueError
        Temperatures outside 110-273.16 K.

    Examples
    --------
    >>> import astropy.units as u
    >>> ice_vapour_pressure(200 * u.K).to(u.Pa).round(3)
    <Quantity 0.163 Pa>
    """
    t = require(temperature, u.K, "temperature", positive=True).to_value(u.K)
    if np.any(t < MURPHY_KOOP_TMIN.to_value(u.K)) or np.any(t > 273.16):
        raise ValueError(
            "the Murphy & Koop ice vapour-pressure formula holds from 110 K to 273.16 K; "
            f"got temperature {np.min(t):.6g} to {np.max(t):.6g} K."
        )
    a, b, c, d = _MK_COEFFS
    return np.exp(a - b / t + c * np.log(t) - d * t) * u.Pa


def sublimation_mass_flux(temperature: u.Quantity, molar_mass: u.Quantity, sticking: float = 1.0) -> u.Quantity:
    """Mass of ice lost per second per square metre into a vacuum (Hertz-Knudsen).

    ``J = sticking * p_vap(T) * sqrt(m / (2 pi k T))``, with ``m`` the mass of
    one molecule. With ``sticking = 1`` this is the fastest possible loss:
    nothing comes back from the (absent) atmosphere and no dust cover slows it.

    Parameters
    ----------
    temperature : Quantity
        Ice temperature (110-273.16 K).
    molar_mass : Quantity
        Molar mass of the molecule (g/mol), e.g. water.
    sticking : float
        Evaporation (sticking) coefficient, 0 < sticking <= 1.

    Returns
    -------
    Quantity
        Mass flux in kg m^-2 s^-1.

    Examples
    --------
    >>> import astropy.units as u
    >>> f"{sublimation_mass_flux(200 * u.K, 18.015 * u.g / u.mol).to_value('kg m-2 s-1'):.2e}"
    '2.14e-04'
    """
    t = require(temperature, u.K, "temperature", positive=True)
    mm = require(molar_mass, u.g / u.mol, "molar_mass", positive=True)
    s = require(sticking, u.one, "sticking", positive=True).to_value(u.one)
    if np.any(s > 1):
        raise ValueError(f"sticking is a probability between 0 and 1; got {sticking}.")
    m = mm / const.N_A
    flux = s * ice_vapour_pressure(t) * np.sqrt(m / (2 * np.pi * const.k_B * t))
    return flux.to(u.kg / u.m**2 / u.s)


def thickness_loss_rate(mass_flux: u.Quantity, density: u.Quantity) -> u.Quantity:
    """How fast a surface layer thins: mass flux divided by the density of the ice.

    Examples
    --------
    >>> import astropy.units as u
    >>> thickness_loss_rate(1e-4 * u.kg / u.m**2 / u.s, 1000 * u.kg / u.m**3).to(u.m / u.yr).round(2)
    <Quantity 3.16 m / yr>
    """
    f = require(mass_flux, u.kg / u.m**2 / u.s, "mass_flux", nonnegative=True)
    rho = require(density, u.kg / u.m**3, "density", positive=True)
    return (f / rho).to(u.m / u.yr)


def _flux_si(t, molecule_kg):
    # Hertz-Knudsen flux (kg m-2 s-1) of bare ice at t (K, plain floats), sticking 1
    a, b, c, d = _MK_COEFFS
    p = np.exp(a - b / t + c * np.log(t) - d * t)
    return p * np.sqrt(molecule_kg / (2 * np.pi * const.k_B.si.value * t))


def _balance_si(absorbed, molecule_kg, latent, eps):
    # temperatures (K) where absorbed = eps sigma T^4 + latent J(T), for a float array of absorbed powers (W/m2):
    # one bisection on the whole array (60 halvings of 110-273 K leave far below 1e-9 K), no loop per element
    sigma = const.sigma_sb.si.value
    q = np.asarray(absorbed, dtype=float)
    t_rad = (q / (eps * sigma)) ** 0.25  # no sublimation: the warmest the ice can be
    t_min = MURPHY_KOOP_TMIN.to_value(u.K)
    top = np.clip(t_rad, t_min, 273.16)  # melting caps it; below 110 K the vapour-pressure formula does not apply

    def excess(t):
        return eps * sigma * t**4 + latent * _flux_si(t, molecule_kg) - q

    lo, hi = np.full_like(q, t_min), top.copy()
    for _ in range(60):
        mid = 0.5 * (lo + hi)
        above = excess(mid) > 0
        hi, lo = np.where(above, mid, hi), np.where(above, lo, mid)
    t = 0.5 * (lo + hi)
    t = np.where(excess(top) <= 0, top, t)  # even at melting the ice radiates and sublimates less than it absorbs
    return np.where((t_rad <= t_min) | (excess(np.full_like(q, t_min)) >= 0), t_rad, t)  # too cold to sublimate


def sublimation_balance_temperature(
    absorbed: u.Quantity, molar_mass: u.Quantity, latent_heat: u.Quantity, emissivity: float = 1.0
) -> u.Quantity:
    """Temperature of bare ice that pays for both radiation and sublimation.

    Solves ``absorbed = emissivity * sigma * T**4 + L * J(T)`` for ``T``, with
    ``J`` the Hertz-Knudsen flux (sticking 1) and ``L`` the latent heat of
    sublimation per kg. Approximations: no heat flows into the ground, and the
    ice is bare (no dust crust). Below 110 K, where sublimation takes a
    negligible share, the radiative temperature is returned.

    Parameters
    ----------
    absorbed : Quantity
        Absorbed sunlight per square metre, ``S (1 AU / r)**2 (1 - A) cos(incidence)`` (W/m2); may be an array.
    molar_mass : Quantity
        Molar mass of water (g/mol).
    latent_heat : Quantity
        Latent heat of sublimation per unit mass (J/kg).
    emissivity : float
        Thermal emissivity, 0 < emissivity <= 1.

    Returns
    -------
    Quantity
        Temperature in K (same shape as ``absorbed``).

    Examples
    --------
    >>> import astropy.units as u
    >>> t = sublimation_balance_temperature(160 * u.W / u.m**2, 18.015 * u.g / u.mol, 2830 * u.kJ / u.kg)
    >>> round(t.to_value(u.K))
    188
    """
    q = require(absorbed, u.W / u.m**2, "absorbed", nonnegative=True).to_value(u.W / u.m**2)
    mm = require(molar_mass, u.g / u.mol, "molar_mass", positive=True, scalar=True)
    latent = require(latent_heat, u.J / u.kg, "latent_heat", positive=True, scalar=True).to_value(u.J / u.kg)
    eps = require(emissivity, u.one, "emissivity", positive=True, scalar=True).to_value(u.one)
    if eps > 1:
        raise ValueError(f"emissivity is between 0 and 1; got {emissivity}.")
    molecule = (mm / const.N_A).to_value(u.kg)
    temps = _balance_si(np.atleast_1d(np.asarray(q, dtype=float)), molecule, latent, eps)
    return (temps.reshape(np.shape(q)) if np.ndim(q) else temps[0]) * u.K


def diurnal_mean_sublimation_flux(
    absorbed: u.Quantity, molar_mass: u.Quantity, n: int = 721, latent_heat: u.Quantity | None = None
) -> u.Quantity:
    """Sublimation flux averaged over one rotation at the equator, Sun in the equatorial plane.

    ``absorbed`` is the sunlight the ice absorbs per square metre at noon, with
    the Sun overhead: ``S (1 AU / r)**2 (1 - A)`` (W/m2). At hour angle ``h``
    it absorbs ``absorbed * cos(h)``, and nothing at night.
    ``n`` hour angles (11 to 1,000,000) sample the rotation.
    Assumes the surface is in equilibrium with the Sun at every moment (no heat
    stored in the ground). Where the ice is below 110 K (and all night) the loss
    is taken as zero: the vapour pressure there is billions of times lower.

    Without ``latent_heat`` the ice only radiates (emissivity 1),
    ``T = (absorbed cos(h) / sigma)**0.25``: the fastest loss. With
    ``latent_heat`` (J/kg) the ice also pays for sublimation: at each hour
    angle it sits at ``sublimation_balance_temperature``, a little cooler.

    Examples
    --------
    >>> import astropy.units as u
    >>> water = 18.015 * u.g / u.mol
    >>> j = diurnal_mean_sublimation_flux(162 * u.W / u.m**2, water)
    >>> noon = sublimation_mass_flux(231 * u.K, water)  # 231 K: 162 W/m2 radiated by a black body
    >>> bool(0.1 < (j / noon).to_value(u.one) < 0.3)
    True
    """
    if isinstance(absorbed, u.Quantity) and absorbed.unit.is_equivalent(u.K, u.temperature()):
        raise u.UnitsError(
            "absorbed is the sunlight the ice absorbs at noon, in W/m2, not a temperature: "
            "pass S (1 AU / r)**2 (1 - A), e.g. `sunlight * (1 - albedo)`."
        )
    q = require(absorbed, u.W / u.m**2, "absorbed", nonnegative=True)
    if q.size != 1:
        raise ValueError("absorbed must be a single power per square metre (the noon value).")
    n = integer(n, "n", low=11, high=1_000_000)
    molar_mass = require(molar_mass, u.g / u.mol, "molar_mass", positive=True, scalar=True)
    h = np.linspace(-np.pi, np.pi, int(n))
    hourly = q.to_value(u.W / u.m**2) * np.clip(np.cos(h), 0, None)  # absorbed at each hour angle
    if latent_heat is not None:
        temps = sublimation_balance_temperature(hourly * u.W / u.m**2, molar_mass, latent_heat).to_value(u.K)
    else:
        temps = (hourly / const.sigma_sb.si.value) ** 0.25
    warm = temps >= MURPHY_KOOP_TMIN.to_value(u.K)
    flux = np.zeros_like(h)
    if np.any(warm):
        flux[warm] = sublimation_mass_flux(temps[warm] * u.K, molar_mass).to_value(u.kg / u.m**2 / u.s)
    integrate = np.trapezoid if hasattr(np, "trapezoid") else np.trapz  # noqa: NPY201 - trapz on NumPy 1 only
    mean = integrate(flux, h) / (2 * np.pi)
    return mean * u.kg / u.m**2 / u.s
