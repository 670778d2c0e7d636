"""Rocket and ion-engine physics: the rocket equation, specific impulse, thrust and power,
low-thrust spirals and the delta-v of orbit transfers.

Every function takes and returns astropy Quantities and checks them, so a mass
without a unit, a negative mass or more propellant than spacecraft gets one
clear message.  Standard gravity ``g0`` (used to turn a specific impulse in
seconds into an exhaust speed) is ``astropy.constants.g0``; the Sun's
gravitational parameter is ``astropy.constants.GM_sun``.

Where a function takes an *exhaust* argument it accepts either a specific
impulse (a time, e.g. ``3100 * u.s``) or an effective exhaust speed (e.g.
``30.4 * u.km / u.s``).

Examples
--------
>>> import astropy.units as u
>>> round(float(ion_speed(1000 * u.V, 1 * u.u).to_value(u.km / u.s)))
439
>>> round(float(mass_flow(90 * u.mN, 30 * u.km / u.s).to_value(u.mg / u.s)), 1)
3.0
"""

from __future__ import annotations

from dataclasses import dataclass

import astropy.units as u
import numpy as np
from astropy.constants import e as ELEMENTARY_CHARGE
from astropy.constants import g0

from .style import FastFigure
from .units import ArgumentTypeError, array, colour, gravitational_parameter, integer, number, pair, require, text

__all__ = [
    "specific_impulse",
    "mass_ratio",
    "ion_speed",
    "mass_flow",
    "jet_efficiency",
    "power_limited_thrust",
    "burn_time",
    "throttle_efficiency",
    "solar_power",
    "hohmann_delta_v",
    "SpiralResult",
    "low_thrust_spiral",
    "RatioBars",
    "BudgetChart",
]

_SPEED = u.km / u.s


def _exhaust(value, name: str = "exhaust") -> u.Quantity:
    """An exhaust speed from a specific impulse (time) or a speed; positive."""
    if isinstance(value, u.Quantity) and value.unit.is_equivalent(u.s):
        isp = require(value, u.s, name, positive=True)
        return (isp * g0).to(_SPEED)
    if isinstance(value, u.Quantity) and not value.unit.is_equivalent(_SPEED):
        raise u.UnitsError(
            f"{name} must be a specific impulse (a time, e.g. 3100 * u.s) or an exhaust speed "
            f"(e.g. 30 * u.km / u.s); got a value in {value.unit} ({value.unit.physical_type})."
        )
    if not isinstance(value, u.Quantity):
        raise u.UnitsError(
            f"{name} needs a unit: a specific impulse such as 3100 * u.s or an exhaust speed such as "
            f"30 * u.km / u.s; got {value!r} without a unit."
        )
    return require(value, _SPEED, name, positive=True).to(_SPEED)


def _mu(mu) -> u.Quantity:
    return gravitational_parameter(mu, "mu")


def _exhaust_speed(isp: u.Quantity) -> u.Quantity:
    """Effective exhaust speed from a specific impulse, :math:`v_e = I_{sp}\\, g_0`.

    Parameters
    ----------
    isp : Quantity
        Specific impulse (a time), positive.

    Returns
    -------
    Quantity
        Exhaust speed in km/s.

    Examples
    --------
    >>> import astropy.units as u
    >>> round(float(_exhaust_speed(450 * u.s).to_value(u.km / u.s)), 2)
    4.41
    """
    isp = require(isp, u.s, "isp", positive=True)
    return (isp * g0).to(_SPEED)


def specific_impulse(v_e: u.Quantity) -> u.Quantity:
    """Specific impulse from an effective exhaust speed, :math:`I_{sp} = v_e / g_0`, in seconds.

    Examples
    --------
    >>> import astropy.units as u
    >>> round(float(specific_impulse(30.4 * u.km / u.s).to_value(u.s)))
    3100
    """
    v_e = require(v_e, _SPEED, "v_e", positive=True)
    return (v_e / g0).to(u.s)


def _masses(initial_mass, propellant_mass):
    m0 = require(initial_mass, u.kg, "initial_mass", positive=True)
    mp = require(propellant_mass, u.kg, "propellant_mass", nonnegative=True)
    if np.any(mp >= m0):
        raise ValueError(
            "propellant_mass must be less than initial_mass (the spacecraft is more than its "
            f"propellant); got propellant {mp} and initial mass {m0}."
        )
    return m0, mp


def mass_ratio(delta_v: u.Quantity, exhaust: u.Quantity) -> u.Quantity:
    """Initial over final mass needed for ``delta_v``: :math:`m_0/m_f = e^{\\Delta v / v_e}`.

    Examples
    --------
    >>> import astropy.units as u
    >>> round(float(mass_ratio(3 * u.km / u.s, 3 * u.km / u.s)), 3)
    2.718
    """
    dv = require(delta_v, _SPEED, "delta_v", nonnegative=True)
    v_e = _exhaust(exhaust)
    return np.exp((dv / v_e).to(u.one))


def _propellant_mass(
    delta_v: u.Quantity,
    exhaust: u.Quantity,
    *,
    final_mass: u.Quantity | None = None,
    initial_mass: u.Quantity | None = None,
) -> u.Quantity:
    """Propellant needed for ``delta_v``: the rocket equation solved for the propellant.

    Give exactly one of ``final_mass`` (what is left after the burn:
    :math:`m_p = m_f (e^{\\Delta v/v_e} - 1)`) or ``initial_mass``
    (:math:`m_p = m_0 (1 - e^{-\\Delta v/v_e})`).

    Examples
    --------
    >>> import astropy.units as u
    >>> round(float(_propellant_mass(3 * u.km / u.s, 3 * u.km / u.s, final_mass=100 * u.kg).to_value(u.kg)), 1)
    171.8
    """
    if (final_mass is None) == (initial_mass is None):
        raise ValueError("give exactly one of final_mass= or initial_mass= (a mass in kg).")
    ratio = mass_ratio(delta_v, exhaust)
    if final_mass is not None:
        mf = require(final_mass, u.kg, "final_mass", positive=True)
        return (mf * (ratio - 1)).to(u.kg)
    m0 = require(initial_mass, u.kg, "initial_mass", positive=True)
    return (m0 * (1 - 1 / ratio)).to(u.kg)


def ion_speed(voltage: u.Quantity, ion_mass: u.Quantity) -> u.Quantity:
    """Speed of a singly charged ion accelerated from rest through ``voltage``: :math:`v = \\sqrt{2 e V / m}`.

    Parameters
    ----------
    voltage : Quantity
        Accelerating potential difference, positive.
    ion_mass : Quantity
        Mass of one ion (e.g. xenon's atomic weight in ``u.u``), positive.

    Examples
    --------
    >>> import astropy.units as u
    >>> round(float(ion_speed(1000 * u.V, 1 * u.u).to_value(u.km / u.s)))
    439
    """
    V = require(voltage, u.V, "voltage", positive=True)
    m = require(ion_mass, u.kg, "ion_mass", positive=True)
    return np.sqrt(2 * ELEMENTARY_CHARGE.si * V / m).to(_SPEED)


def _thrust_from_mass_flow(mass_flow_rate: u.Quantity, exhaust: u.Quantity) -> u.Quantity:
    """Thrust of a rocket, :math:`F = \\dot m\\, v_e`, in mN.

    Examples
    --------
    >>> import astropy.units as u
    >>> round(float(_thrust_from_mass_flow(3 * u.mg / u.s, 30 * u.km / u.s).to_value(u.mN)))
    90
    """
    mdot = require(mass_flow_rate, u.kg / u.s, "mass_flow_rate", kind="mass flow (a mass per time)", nonnegative=True)
    return (mdot * _exhaust(exhaust)).to(u.mN)


def mass_flow(thrust: u.Quantity, exhaust: u.Quantity) -> u.Quantity:
    """Propellant mass flow for a thrust, :math:`\\dot m = F / v_e`, in mg/s.

    Examples
    --------
    >>> import astropy.units as u
    >>> round(float(mass_flow(90 * u.mN, 30 * u.km / u.s).to_value(u.mg / u.s)), 3)
    3.0
    """
    F = require(thrust, u.N, "thrust", nonnegative=True)
    return (F / _exhaust(exhaust)).to(u.mg / u.s)


def jet_efficiency(thrust: u.Quantity, exhaust: u.Quantity, power: u.Quantity) -> u.Quantity:
    """Fraction of the input power that ends up in the jet, :math:`\\eta = F v_e / (2P)`.

    Raises ``ValueError`` if the numbers imply more jet power than input power.

    Examples
    --------
    >>> import astropy.units as u
    >>> round(float(jet_efficiency(92 * u.mN, 3100 * u.s, 2.3 * u.kW)), 2)
    0.61
    """
    F = require(thrust, u.N, "thrust", positive=True)
    P = require(power, u.W, "power", positive=True)
    eta = (F * _exhaust(exhaust) / (2 * P)).to(u.one)
    if np.any(eta > 1):
        raise ValueError(
            "these numbers give a jet power above the input power, which no engine can do: check the thrust, "
            "the specific impulse and the power (is it the electric power into the engine?)."
        )
    return eta


def power_limited_thrust(power: u.Quantity, exhaust: u.Quantity, efficiency=1.0) -> u.Quantity:
    """The most thrust a power supply allows, :math:`F = 2 \\eta P / v_e`, in mN.

    For a fixed power, a faster exhaust (higher Isp) means *less* thrust.

    Parameters
    ----------
    power : Quantity
        Electric power into the thruster.
    exhaust : Quantity
        Specific impulse or exhaust speed.
    efficiency : float
        Fraction of the power that ends up as jet kinetic energy, 0 < eta <= 1.

    Examples
    --------
    >>> import astropy.units as u
    >>> round(float(power_limited_thrust(2.3 * u.kW, 3100 * u.s, 0.61).to_value(u.mN)))
    92
    """
    P = require(power, u.W, "power", nonnegative=True)
    eta = require(efficiency, u.one, "efficiency", positive=True)
    if np.any(eta > 1):
        raise ValueError(f"efficiency must be at most 1 (a fraction of the power); got {efficiency}.")
    return (2 * eta * P / _exhaust(exhaust)).to(u.mN)


def burn_time(propellant_mass: u.Quantity, thrust: u.Quantity, exhaust: u.Quantity) -> u.Quantity:
    """Time to use up ``propellant_mass`` at constant thrust, :math:`t = m_p v_e / F`, in days.

    Examples
    --------
    >>> import astropy.units as u
    >>> round(float(burn_time(425 * u.kg, 90 * u.mN, 3100 * u.s).to_value(u.yr)), 2)
    4.55
    """
    mp = require(propellant_mass, u.kg, "propellant_mass", nonnegative=True)
    F = require(thrust, u.N, "thrust", positive=True)
    return (mp * _exhaust(exhaust) / F).to(u.day)


def throttle_efficiency(power: u.Quantity, powers: u.Quantity, efficiencies) -> u.Quantity:
    """Efficiency of a throttled engine at ``power``, interpolated between measured points.

    An ion engine turned down to low power is less efficient: a larger share of
    its power goes into making ions and heating the discharge.  Given the
    efficiency measured at a few power levels (for NSTAR, its lowest and highest
    throttle points), this returns the straight-line interpolation between them.
    It is a model: it knows nothing between the points but a straight line, and
    it refuses powers outside the measured range rather than guess.

    Parameters
    ----------
    power : Quantity
        Electric power into the engine (scalar or array).
    powers : Quantity
        The powers of the measured points, at least two, increasing.
    efficiencies : float, array or Quantity
        The efficiency (0 to 1) measured at each of ``powers``.

    Returns
    -------
    Quantity
        Dimensionless efficiency.

    Raises
    ------
    ValueError
        Powers outside the measured range, points not increasing, efficiencies outside 0-1.

    Examples
    --------
    >>> import astropy.units as u
    >>> eta = throttle_efficiency(1.4 * u.kW, [0.5, 2.3] * u.kW, [0.35, 0.61])
    >>> round(float(eta), 2)
    0.48
    """
    P = require(power, u.W, "power", positive=True).to(u.W)
    Ps = require(powers, u.W, "powers", positive=True).to(u.W)
    if not isinstance(efficiencies, u.Quantity):
        try:
            efficiencies = np.asarray(efficiencies, dtype=float)
        except (TypeError, ValueError):
            raise ValueError(f"efficiencies must be numbers between 0 and 1; got {efficiencies!r}.") from None
    etas = require(efficiencies, u.one, "efficiencies", positive=True).to_value(u.one)
    Ps, etas = np.atleast_1d(Ps), np.atleast_1d(etas)
    if Ps.size < 2 or Ps.shape != etas.shape:
        raise ValueError(
            "give at least two measured points: one efficiency for each power "
            f"(got {Ps.size} powers and {etas.size} efficiencies)."
        )
    if np.any(np.diff(Ps.value) <= 0):
        raise ValueError(f"the measured powers must increase; got {powers}.")
    if np.any(etas > 1):
        raise ValueError(f"efficiencies are fractions of the power, at most 1; got {efficiencies}.")
    low, high = Ps[0], Ps[-1]
    if np.any(P < low * (1 - 1e-9)) or np.any(P > high * (1 + 1e-9)):
        raise ValueError(
            f"the engine was measured between {low.to(u.kW):.2f} and {high.to(u.kW):.2f}; "
            f"got {power}. Outside that range the efficiency is not known, so keep the power inside it."
        )
    return np.interp(P.value, Ps.value, etas) * u.one


def solar_power(distance: u.Quantity, power_1au: u.Quantity) -> u.Quantity:
    """Power of a solar array at ``distance`` from the Sun, scaled as :math:`1/r^2` from 1 AU.

    A model: real arrays do a little better far from the Sun (cold cells are
    more efficient), so treat it as an estimate.

    Examples
    --------
    >>> import astropy.units as u
    >>> round(float(solar_power(2 * u.AU, 10 * u.kW).to_value(u.kW)), 2)
    2.5
    """
    r = require(distance, u.AU, "distance", positive=True)
    P1 = require(power_1au, u.W, "power_1au", nonnegative=True)
    return (P1 * (1 * u.AU / r) ** 2).to(u.kW)


def hohmann_delta_v(r1: u.Quantity, r2: u.Quantity, mu: u.Quantity | None = None) -> u.Quantity:
    """Total delta-v of a Hohmann transfer between coplanar circular orbits of radii r1 and r2.

    Two impulsive burns: onto the transfer ellipse (semi-major axis
    :math:`(r_1+r_2)/2`) and off it onto the target circle.

    Examples
    --------
    >>> import astropy.units as u
    >>> round(float(hohmann_delta_v(1 * u.AU, 1.524 * u.AU).to_value(u.km / u.s)), 2)
    5.6
    """
    r1 = require(r1, u.km, "r1", positive=True).to(u.km)
    r2 = require(r2, u.km, "r2", positive=True).to(u.km)
    mu = _mu(mu)
    a_t = (r1 + r2) / 2
    v1, v2 = np.sqrt(mu / r1), np.sqrt(mu / r2)
    vp, va = np.sqrt(mu * (2 / r1 - 1 / a_t)), np.sqrt(mu * (2 / r2 - 1 / a_t))
    return (np.abs(vp - v1) + np.abs(v2 - va)).to(_SPEED)


def _edelbaum_delta_v(
    r1: u.Quantity, r2: u.Quantity, delta_i: u.Quantity = 0 * u.deg, mu: u.Quantity | None = None
) -> u.Quantity:
    """Edelbaum's low-thrust delta-v between circular orbits.

    :math:`\\Delta v = \\sqrt{v_1^2 + v_2^2 - 2 v_1 v_2 \\cos(\\tfrac{\\pi}{2}\\Delta i)}`, for a slow
    spiral with constant thrust; without a plane change it is just :math:`|v_1 - v_2|`, the
    difference of the two circular speeds.

    Parameters
    ----------
    r1, r2 : Quantity
        Radii of the start and end circular orbits.
    delta_i : Quantity
        Change of orbital plane (an angle, 0 to 180 deg).
    mu : Quantity, optional
        Gravitational parameter; default the Sun's.

    Examples
    --------
    >>> import astropy.units as u
    >>> round(float(_edelbaum_delta_v(1 * u.AU, 1.524 * u.AU).to_value(u.km / u.s)), 2)
    5.66
    """
    r1 = require(r1, u.km, "r1", positive=True).to(u.km)
    r2 = require(r2, u.km, "r2", positive=True).to(u.km)
    di = require(delta_i, u.deg, "delta_i", nonnegative=True)
    if np.any(di > 180 * u.deg):
        raise ValueError(f"delta_i is a plane change between 0 and 180 deg; got {delta_i}.")
    mu = _mu(mu)
    v1, v2 = np.sqrt(mu / r1), np.sqrt(mu / r2)
    cos = np.cos(np.pi / 2 * di.to_value(u.rad))
    return np.sqrt(v1**2 + v2**2 - 2 * v1 * v2 * cos).to(_SPEED)


@dataclass(frozen=True)
class SpiralResult:
    """The outcome of :func:`low_thrust_spiral`.

    Attributes
    ----------
    time : Quantity
        Thrusting time until the target radius is reached.
    delta_v : Quantity
        Velocity change delivered by the engine, :math:`v_e \\ln(m_0/m_f)`.
    propellant : Quantity
        Propellant used.
    x, y : Quantity
        Sampled positions along the path (AU), starting at (r_start, 0).
    r_final : Quantity
        Distance from the centre when the engine stops (AU).
    t : Quantity
        Times of those samples (days).
    eccentricity : float
        Eccentricity of the orbit the spacecraft coasts on once the engine stops.
    r_min, r_max : Quantity
        Closest and farthest distance from the centre on that orbit (AU).
    """

    time: u.Quantity
    delta_v: u.Quantity
    propellant: u.Quantity
    r_final: u.Quantity
    x: u.Quantity
    y: u.Quantity
    t: u.Quantity
    eccentricity: float
    r_min: u.Quantity
    r_max: u.Quantity

    def __post_init__(self):
        number(self.eccentricity, "eccentricity", nonnegative=True, scalar=True)
        for name, unit in (
            ("time", u.day),
            ("delta_v", _SPEED),
            ("propellant", u.kg),
            ("r_final", u.AU),
            ("r_min", u.AU),
            ("r_max", u.AU),
        ):
            value = require(getattr(self, name), unit, name, nonnegative=True)
            if np.ndim(value):
                raise ValueError(f"{name} must be a single value; got shape {np.shape(value)}.")
        for name, unit in (("x", u.AU), ("y", u.AU), ("t", u.day)):
            value = require(getattr(self, name), unit, name)
            if np.ndim(value) != 1 or np.size(value) < 1 or np.shape(value) != np.shape(self.x):
                raise ValueError(
                    f"x, y and t must be one-dimensional samples of the same length; got "
                    f"{name} of shape {np.shape(value)}."
                )


#: Longest spiral :func:`low_thrust_spiral` integrates, in revolutions of the start orbit.
MAX_REVOLUTIONS = 1000


def low_thrust_spiral(
    r_start: u.Quantity,
    r_end: u.Quantity,
    thrust: u.Quantity,
    mass: u.Quantity,
    exhaust: u.Quantity,
    mu: u.Quantity | None = None,
    *,
    rtol: float = 1e-8,
    n_samples: int = 1500,
) -> SpiralResult:
    """Fly a constant-thrust spiral from a circular orbit until the orbit has grown (or shrunk) to ``r_end``.

    The thrust points along the velocity (outward spiral) or against it (inward);
    the mass drops as propellant flows out at :math:`\\dot m = F/v_e`.  The
    equations are integrated in units of the starting orbit (radius 1, circular
    speed 1, gravitational parameter 1) with :func:`scipy.integrate.solve_ivp`,
    and a terminal event stops when the orbit's *size* (its semi-major axis, from
    the orbital energy :math:`v^2/2 - \\mu/r = -\\mu/2a`) reaches ``r_end``.  A slow
    spiral stays nearly circular, so this is where it arrives at ``r_end``; a
    strong thrust leaves an eccentric orbit.

    Parameters
    ----------
    r_start, r_end : Quantity
        Start radius (circular orbit) and target distance.
    thrust : Quantity
        Engine thrust, constant, positive.
    mass : Quantity
        Spacecraft mass at the start, positive.
    exhaust : Quantity
        Specific impulse or exhaust speed.
    mu : Quantity, optional
        Gravitational parameter; default the Sun's.
    rtol : float
        Relative tolerance of the integrator (1e-12 to 1e-2).
    n_samples : int
        Number of samples of the path returned for plotting (2 to 100,000).

    The work is bounded: a spiral estimated to need more than
    :data:`MAX_REVOLUTIONS` revolutions (a thrust far too weak for the mass) is
    refused with a ValueError instead of integrating for hours.

    Returns
    -------
    SpiralResult

    Raises
    ------
    ValueError
        If the propellant (the whole mass) would run out before the target is reached.

    Examples
    --------
    >>> import astropy.units as u
    >>> s = low_thrust_spiral(1 * u.AU, 1.1 * u.AU, 0.1 * u.N, 1000 * u.kg, 3000 * u.s)
    >>> round(float(s.delta_v.to_value(u.km / u.s)), 2)
    1.35
    """
    from scipy.integrate import solve_ivp

    r0 = require(r_start, u.km, "r_start", positive=True).to(u.km)
    r1 = require(r_end, u.km, "r_end", positive=True).to(u.km)
    F = require(thrust, u.N, "thrust", positive=True)
    m0 = require(mass, u.kg, "mass", positive=True)
    v_e = _exhaust(exhaust)
    mu = _mu(mu)
    for name, value in (("r_start", r0), ("r_end", r1), ("thrust", F), ("mass", m0), ("exhaust", v_e), ("mu", mu)):
        if np.ndim(value):
            raise ValueError(
                f"low_thrust_spiral flies one spiral: {name} must be a single value; got shape {np.shape(value)}."
            )
    if r1 == r0:
        raise ValueError("r_end equals r_start: there is nowhere to go.")
    n_samples = integer(n_samples, "n_samples", low=2, high=100_000)
    rtol = number(rtol, "rtol", low=1e-12, high=1e-2, scalar=True)
    # units of the start orbit
    T = np.sqrt(r0**3 / mu).to(u.s)  # time unit (1/2pi of a period)
    V = (r0 / T).to(_SPEED)  # speed unit = circular speed
    A = (mu / r0**2).to(u.m / u.s**2)  # acceleration unit = local gravity
    a0 = (F / m0 / A).to_value(u.one)  # thrust acceleration at the start
    k = a0 * (V / v_e).to_value(u.one)  # mass loss rate (fraction of m0 per time unit)
    sign = 1.0 if r1 > r0 else -1.0
    target = (r1 / r0).to_value(u.one)

    def rhs(t, s):
        x, y, vx, vy, m = s
        r3 = (x * x + y * y) ** 1.5
        speed = np.hypot(vx, vy)
        acc = sign * a0 / m / speed
        return [vx, vy, -x / r3 + acc * vx, -y / r3 + acc * vy, -k]

    def arrive(t, s):  # orbital energy minus that of a circular orbit of radius r_end
        return 0.5 * (s[2] ** 2 + s[3] ** 2) - 1.0 / np.hypot(s[0], s[1]) + 0.5 / target

    arrive.terminal = True

    def empty(t, s):
        return s[4] - 1e-3

    empty.terminal = True
    # generous limit: three times the Edelbaum estimate, and not beyond burning the whole mass
    dv_e = abs(1 - 1 / np.sqrt(target))
    revolutions = dv_e / a0 / (2 * np.pi)  # Edelbaum's estimate of the time, in orbits of the start
    if revolutions > MAX_REVOLUTIONS:
        raise ValueError(
            f"this spiral would take about {revolutions:.3g} revolutions (thrust {thrust} is very weak for "
            f"mass {mass} there); the limit is {MAX_REVOLUTIONS:,}: give more thrust, less mass or a nearer target."
        )
    t_max = min(3 * dv_e / a0 + 20.0, (1 - 1e-3) / k)
    sol = solve_ivp(
        rhs,
        (0.0, t_max),
        [1.0, 0.0, 0.0, 1.0, 1.0],
        method="DOP853",
        rtol=rtol,
        atol=rtol * 1e-2,
        events=(arrive, empty),
        dense_output=True,
    )
    if not sol.t_events[0].size:
        raise ValueError(
            f"the spiral did not reach {r_end} (propellant would run out or the thrust is too weak); "
            "try more thrust, less mass or a nearer target."
        )
    t_end = sol.t_events[0][0]
    m_end = sol.y_events[0][0][4]
    ts = np.linspace(0.0, t_end, int(n_samples))
    xs, ys = sol.sol(ts)[:2]
    # the coasting orbit after the engine stops (mu = 1): its size is the target's by the event
    x, y, vx, vy = sol.y_events[0][0][:4]
    a_end = 1.0 / (2.0 / np.hypot(x, y) - (vx * vx + vy * vy))
    ecc = float(np.sqrt(max(0.0, 1.0 - (x * vy - y * vx) ** 2 / a_end)))
    return SpiralResult(
        time=(t_end * T).to(u.day),
        delta_v=(v_e * np.log(1.0 / m_end)).to(_SPEED),
        propellant=(m0 * (1 - m_end)).to(u.kg),
        r_final=(np.hypot(*sol.y_events[0][0][:2]) * r0).to(u.AU),
        x=(xs * r0).to(u.AU),
        y=(ys * r0).to(u.AU),
        t=(ts * T).to(u.day),
        eccentricity=ecc,
        r_min=(a_end * (1 - ecc) * r0).to(u.AU),
        r_max=(a_end * (1 + ecc) * r0).to(u.AU),
    )


def _design_budget(
    isp: u.Quantity,
    xenon: u.Quantity,
    power: u.Quantity,
    final_mass: u.Quantity,
    efficiency,
) -> tuple[u.Quantity, u.Quantity, u.Quantity]:
    """Delta-v, thrust and burn time of an ion-propelled design.

    The delta-v is the rocket equation with all of ``xenon`` used at ``isp`` by a
    spacecraft of ``final_mass`` without its xenon; the thrust is what ``power``
    buys at that Isp, :math:`F = 2\\eta P / v_e`; the burn time is how long that
    thrust takes to use all the xenon.

    Parameters
    ----------
    isp : Quantity
        Specific impulse.
    xenon : Quantity
        Xenon loaded (and used).
    power : Quantity
        Electric power into the engine.
    final_mass : Quantity
        Spacecraft mass without xenon.
    efficiency : float or Quantity
        Jet efficiency at that power.

    Returns
    -------
    tuple of Quantity
        (delta-v in km/s, thrust in mN, burn time in years).

    Examples
    --------
    >>> import astropy.units as u
    >>> dv, F, t = _design_budget(3000 * u.s, 400 * u.kg, 2 * u.kW, 800 * u.kg, 0.6)
    >>> round(float(dv.to_value(u.km / u.s)), 2), round(float(F.to_value(u.mN)), 1)
    (11.93, 81.6)
    """
    require(isp, u.s, "isp", positive=True)
    mf = require(final_mass, u.kg, "final_mass", positive=True)
    mp = require(xenon, u.kg, "xenon", nonnegative=True)
    dv = (_exhaust(isp) * np.log(((mf + mp) / mf).to_value(u.one))).to(_SPEED)  # the rocket equation
    F = power_limited_thrust(power, isp, efficiency)
    if np.any(F <= 0):
        raise ValueError(f"power must be positive to give any thrust; got {power}.")
    return dv, F, burn_time(mp, F, isp).to(u.yr)


class RatioBars(FastFigure):
    """A fast-redrawing bar chart of values relative to reference values, on a log scale.

    A plot helper for widgets: the figure, axes, tick labels and names are
    drawn once; each :meth:`render` redraws only the bars, the value labels
    and the title over that saved background and returns a PNG image.  This
    keeps a widget update to a few milliseconds, where rebuilding the whole
    figure costs tens.

    Parameters
    ----------
    names : sequence of str
        One name per bar (top to bottom).
    units : sequence of str
        Unit text printed after each value.
    reference : sequence of float
        The reference values (ratio 1), positive, one per bar.
    colours : sequence of colours
        One bar colour per bar.
    reference_name : str
        What the reference is, for the axis label (e.g. ``"Dawn"``).
    span : float
        The axis runs from 1/span to span times the reference (default 100).
    figsize : (float, float)
        Figure size in inches.
    dpi : int
        Resolution of the returned image.

    Examples
    --------
    >>> chart = RatioBars(["a", "b"], ["m", "s"], [1.0, 2.0], ["C0", "C1"])
    >>> png = chart.render([2.0, 1.0], "b is half its reference")
    >>> png[:4] == b"\\x89PNG"
    True
    """

    def __init__(
        self,
        names,
        units,
        reference,
        colours,
        *,
        reference_name: str = "the reference",
        span: float = 100.0,
        figsize: tuple[float, float] = (7.5, 2.8),
        dpi: int = 100,
    ) -> None:
        self.reference = array(reference, "reference", ndim=1, max_size=100)
        n = self.reference.size
        for name, given in (("names", names), ("units", units), ("colours", colours)):
            if isinstance(given, (str, bytes)) or not isinstance(given, (list, tuple)):
                raise ArgumentTypeError(f"{name} must be a list with one entry per reference value; got {given!r}.")
        for label in (*names, *units):
            if not isinstance(label, str):
                raise ArgumentTypeError(f"names and units must be strings; got {label!r}.")
        for c in colours:
            colour(c, "colours")
        text(reference_name, "reference_name")
        span = number(span, "span", low=1.0001, high=1e6, scalar=True)
        figsize = pair(figsize, "figsize", positive=True, high=50)
        dpi = integer(dpi, "dpi", low=10, high=600)
        if len(names) != n or len(units) != n or len(colours) != n:
            raise ValueError(
                f"give one name, unit and colour per reference value ({n}); got "
                f"{len(names)} names, {len(units)} units, {len(colours)} colours."
            )
        if not np.all(np.isfinite(self.reference) & (self.reference > 0)):
            raise ValueError(f"reference values must be positive numbers; got {reference!r}.")
        if not span > 1:
            raise ValueError(f"span must be more than 1; got {span!r}.")
        self.units, self.lim = list(units), float(np.log10(span))
        super().__init__(figsize, dpi)
        ax = self.ax = self.figure.add_axes((0.2, 0.2, 0.74, 0.66))
        decades = np.arange(-round(self.lim), round(self.lim) + 1)
        ax.set(
            xlim=(-self.lim, self.lim),
            ylim=(n - 0.5, -0.5),
            xticks=decades,
            yticks=[],
            xticklabels=[_ratio_label(k, reference_name) for k in decades],
            xlabel=f"relative to {reference_name} (log scale)",
        )
        ax.grid(False)
        self.reference_line = ax.axvline(0, color="k", ls="--", lw=1.5)
        label_at = ax.get_yaxis_transform()  # x in axes fraction, y in data
        for i, name in enumerate(names):
            ax.text(-0.02, i - 0.04, name, ha="right", va="bottom", transform=label_at)
        self.bars = ax.barh(np.arange(n), np.zeros(n), left=-self.lim, height=0.6, color=list(colours), edgecolor="k")
        self.values = [
            ax.text(-0.02, i + 0.04, "", ha="right", va="top", weight="bold", transform=label_at) for i in range(n)
        ]
        # a bar beyond either end of the axis is drawn to the edge and marked "off scale"
        self.reference_name = reference_name
        self.offscale = [
            ax.text(0, i, "", va="center", fontsize=9, bbox=dict(boxstyle="round,pad=0.2", fc="white", ec="k", lw=0.8))
            for i in range(n)
        ]
        # only these change from one frame to the next: redrawn over the saved background
        self.animate(*self.bars, *self.values, *self.offscale, self.reference_line, ax.title)

    def render(self, values, title: str = "") -> bytes:
        """Redraw the bars for ``values`` (same order and units as the reference); return a PNG."""
        return self.update(values, title).png()

    def update(self, values, title: str = "") -> RatioBars:
        """Set the bars for ``values`` and the title; returns the chart, ready to be shown."""
        try:
            values = np.asarray(values, dtype=float)
        except (TypeError, ValueError):
            raise ValueError(f"values must be numbers, one per bar; got {values!r}.") from None
        if values.shape != self.reference.shape:
            raise ValueError(f"give {self.reference.size} values, one per bar; got {values.shape}.")
        span = 10**self.lim
        ratios = values / self.reference
        logs = np.log10(np.clip(ratios, 1.01 / span, 0.99 * span))
        for bar, label, mark, x, r, v, unit in zip(
            self.bars, self.values, self.offscale, logs, ratios, values, self.units, strict=True
        ):
            bar.set_width(x + self.lim)
            label.set_text(_value_label(v, unit))
            if r < 1 / span:
                mark.set(
                    text=f"\u25c0 off scale: below 1/{span:g} of {self.reference_name}", x=-self.lim + 0.08, ha="left"
                )
            elif r > span:
                mark.set(text=f"off scale: above {span:g}x {self.reference_name} \u25b6", x=self.lim - 0.08, ha="right")
            else:
                mark.set_text("")
            mark.set_visible(bool(mark.get_text()))
        self.ax.title.set_text(title)
        return self


class BudgetChart:
    """The "design your own Dawn" widget: delta-v, thrust and burn time against a reference design.

    The engine's efficiency follows its power (:func:`throttle_efficiency`
    between measured throttle points), so turning the power down costs thrust
    twice: less power, and less of it reaching the jet.

    Parameters
    ----------
    final_mass : Quantity
        Spacecraft mass without xenon.
    powers, efficiencies
        Measured throttle points (see :func:`throttle_efficiency`).
    reference : (isp, xenon, power)
        The reference design (Quantities), drawn as ratio 1.
    colours : sequence of three colours
        Bar colours (delta-v, thrust, burn time).
    reference_name : str
        Name of the reference, e.g. ``"Dawn"``.

    Examples
    --------
    >>> import astropy.units as u
    >>> chart = BudgetChart(800 * u.kg, [0.5, 2.3] * u.kW, [0.35, 0.61],
    ...                     (3000 * u.s, 400 * u.kg, 2.3 * u.kW), ["C0", "C1", "C2"])
    >>> chart.render(2500, 300, 1.0)[:4] == b"\\x89PNG"
    True
    >>> chart.ax.title.get_text()
    'Isp 2,500 s, 300 kg of xenon, 1.0 kW (efficiency 42%)'
    """

    names = ("delta-v", "thrust", "burn time")
    units = ("km/s", "mN", "years")

    def __init__(self, final_mass, powers, efficiencies, reference, colours, *, reference_name: str = "Dawn"):
        self.final_mass = require(final_mass, u.kg, "final_mass", positive=True)
        if self.final_mass.ndim:
            raise ValueError(f"final_mass must be a single mass; got shape {self.final_mass.shape}.")
        Ps = require(powers, u.W, "powers", positive=True)
        if Ps.ndim != 1 or Ps.size < 2:
            raise ValueError(f"powers must be a list of at least two measured power levels; got {powers!r}.")
        if not isinstance(reference, (list, tuple)) or len(reference) != 3:
            raise TypeError(f"reference must be a tuple (isp, xenon, power) of Quantities; got {reference!r}.")
        reference = (
            require(reference[0], u.s, "reference isp", positive=True),
            require(reference[1], u.kg, "reference xenon", positive=True),
            require(reference[2], u.W, "reference power", positive=True),
        )
        self.powers, self.efficiencies = powers, efficiencies
        throttle_efficiency(Ps[0], powers, efficiencies)  # checks the points once
        self.reference_name = reference_name
        ref = self._quantities(*reference)
        self._chart = RatioBars(
            list(self.names), list(self.units), [q.value for q in ref], colours, reference_name=reference_name
        )
        self.ax = self._chart.ax

    @property
    def power_range(self) -> tuple[float, float]:
        """The lowest and highest power (kW) the efficiency is known for: the widget's slider range."""
        P = u.Quantity(self.powers).to_value(u.kW)
        return float(P[0]), float(P[-1])

    def efficiency(self, power_kw: float) -> float:
        """Jet efficiency at ``power_kw`` kilowatts."""
        return float(throttle_efficiency(power_kw * u.kW, self.powers, self.efficiencies))

    def _quantities(self, isp, xenon, power):
        eta = throttle_efficiency(power, self.powers, self.efficiencies)
        return _design_budget(isp, xenon, power, self.final_mass, eta)

    def _values(self, isp: float, xenon: float, power: float) -> list[float]:
        """Delta-v (km/s), thrust (mN) and burn time (years) for slider values in s, kg and kW."""
        dv, F, t = self._quantities(isp * u.s, xenon * u.kg, power * u.kW)
        return [float(dv.to_value(u.km / u.s)), float(F.to_value(u.mN)), float(t.to_value(u.yr))]

    def reference_thrust_and_time(self) -> tuple[u.Quantity, u.Quantity]:
        """The reference design's thrust and the time it takes to burn all its xenon (the dashed line's 1 on
        those two bars).  Neither depends on the spacecraft's mass; the delta-v is read from the bars."""
        _, thrust, burn_time = self._chart.reference
        return float(thrust) * u.mN, float(burn_time) * u.yr

    def title(self, isp: float, xenon: float, power: float) -> str:
        """The figure title for these slider values."""
        return f"Isp {isp:,.0f} s, {xenon:,.0f} kg of xenon, {power:.1f} kW (efficiency {self.efficiency(power):.0%})"

    def _alt(self, isp: float, xenon: float, power: float) -> str:
        """Alt text describing the chart for these slider values."""
        dv, F, t = self._values(isp, xenon, power)
        return (
            f"Three horizontal bars on a logarithmic scale, relative to {self.reference_name} (dashed line), "
            f"for a design with specific impulse {isp:,.0f} s, {xenon:,.0f} kg of xenon and {power:.1f} kW "
            f"(efficiency {self.efficiency(power):.0%}): "
            f"delta-v {_value_label(dv, 'km/s')}, thrust {_value_label(F, 'mN')}, "
            f"and {_value_label(t, 'years')} of thrusting to use all "
            "the xenon. A bar longer than the dashed line is more than the reference."
            + self._offscale_note(isp, xenon, power)
        )

    def _offscale_note(self, isp: float, xenon: float, power: float) -> str:
        span = 10**self._chart.lim
        ratios = np.asarray(self._values(isp, xenon, power)) / self._chart.reference
        low = [n for n, r in zip(self.names, ratios, strict=True) if r < 1 / span]
        high = [n for n, r in zip(self.names, ratios, strict=True) if r > span]
        note = ""
        if low:
            note += f" Off scale, below 1/{span:g} of {self.reference_name}: {', '.join(low)}."
        if high:
            note += f" Off scale, above {span:g} times {self.reference_name}: {', '.join(high)}."
        return note

    def render(self, isp: float, xenon: float, power: float) -> bytes:
        """Redraw the chart for these slider values; return it as PNG bytes."""
        return self._chart.render(self._values(isp, xenon, power), self.title(isp, xenon, power))

    def update(self, isp: float, xenon: float, power: float) -> RatioBars:
        """Set the chart for these slider values; returns it (a :class:`utils.style.FastFigure`)."""
        return self._chart.update(self._values(isp, xenon, power), self.title(isp, xenon, power))

    def draw(self, isp: float, xenon: float, power: float) -> None:
        """The widget's draw function: show the chart with its alt text."""
        from .style import show

        show(self.update(isp, xenon, power), alt=self._alt(isp, xenon, power))


def _value_label(value: float, unit: str) -> str:
    """A bar's value with its unit; a time under 0.1 year is given in days ('9.9 days'), easier to read."""
    if unit == "years" and value < 0.1:
        return f"{(value * u.yr).to_value(u.day):,.2g} days"
    return f"{value:#,.3g} {unit}".replace(". ", " ")  # three figures kept ('3.00 km/s'); no bare point ('100.')


def _ratio_label(k: int, reference_name: str) -> str:
    """Tick label for a ratio of 10**k: '1/100', '1/10', '1 = Dawn', '10x', '100x'."""
    if k == 0:
        return f"1 = {reference_name}"
    return f"1/{10**-k:g}" if k < 0 else f"{10**k:g}x"
