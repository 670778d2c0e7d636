"""Exercises of 05 · Ion propulsion: how Dawn could orbit two worlds."""
from __future__ import annotations

import astropy.units as u

from ..checks import Exercise
from ..units import require
from .. import propulsion as P


def _exhaust_speed(isp):
    return P.exhaust_speed(isp).to(u.km / u.s)


def _rocket_dv(isp, initial_mass, propellant_mass):
    return P.rocket_delta_v(isp, initial_mass, propellant_mass)


def _chemical_propellant(delta_v, isp, final_mass):
    return P.propellant_mass(delta_v, isp, final_mass=final_mass)


def _edelbaum(a_start, a_end):
    return P.edelbaum_delta_v(a_start, a_end)


def _leg_time(delta_v, mass, power, isp, efficiency):
    dv = require(delta_v, u.km / u.s, "delta_v", positive=True)
    m = require(mass, u.kg, "mass", positive=True)
    thrust = P.power_limited_thrust(power, isp, efficiency)
    return (m * dv / thrust).to(u.day)


def _highest_isp(delta_v, mass, power, efficiency, time):
    dv = require(delta_v, u.km / u.s, "delta_v", positive=True)
    m = require(mass, u.kg, "mass", positive=True)
    pw = require(power, u.W, "power", positive=True)
    t = require(time, u.s, "time", positive=True)
    eta = require(efficiency, u.one, "efficiency", positive=True)
    # time = m dv / F and F = 2 eta P / v_e, so the slowest exhaust that still arrives in time is
    return P.specific_impulse((2 * eta * pw * t / (m * dv)).to(u.km / u.s))


EXERCISES = {
    "05.1": Exercise(
        title="Exercise 1 · exhaust speed from specific impulse",
        solve=_exhaust_speed,
        rtol=0.01,
        hint="Multiply the specific impulse by standard gravity g0 (astropy.constants.g0) and convert to km/s.",
    ),
    "05.2": Exercise(
        title="Exercise 2 · Dawn's delta-v from its masses",
        solve=_rocket_dv,
        rtol=0.01,
        hint="Delta-v = v_e ln(m0 / m_final), with m_final = m0 - propellant and v_e = Isp g0.",
    ),
    "05.3": Exercise(
        title="Exercise 3 · chemical propellant for Dawn's delta-v",
        solve=_chemical_propellant,
        rtol=0.02,
        hint="Turn the rocket equation around: m_propellant = m_final (exp(delta_v / v_e) - 1).",
    ),
    "05.4": Exercise(
        title="Exercise 4 · Edelbaum delta-v from Vesta's orbit to Ceres'",
        solve=_edelbaum,
        rtol=0.02,
        hint="Without a plane change, Edelbaum's delta-v is the difference of the two circular speeds "
             "(utils.orbits.circular_speed).",
    ),
    "05.5": Exercise(
        title="Exercise 5 · how long is the Vesta-Ceres spiral?",
        solve=_leg_time,
        rtol=0.03,
        hint="First the thrust the power allows, F = 2 eta P / v_e; then time = mass x delta-v / thrust.",
    ),
    "05.6": Exercise(
        title="Exercise 6 · design: the highest specific impulse that still arrives in time",
        solve=_highest_isp,
        rtol=0.03,
        hint="Start from time = mass x delta-v / thrust with thrust = 2 eta P / (Isp g0), and solve for Isp.",
    ),
}
