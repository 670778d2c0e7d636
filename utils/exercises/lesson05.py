"""Exercises of 05 · Ion propulsion: how Dawn could orbit two worlds.

Every expected answer is computed from the exercise's inputs; every likely
wrong answer (the instructor page's misconceptions) is a :class:`Mistake` with a
hint that points at the slip without giving the answer.  Tolerances forgive
rounding to three significant figures but refuse the mistakes; exercise 5 asks
for the spiral's extra cost over a Hohmann transfer, so both values are needed.
"""

from __future__ import annotations

import re

import astropy.units as u
import numpy as np
from astropy.constants import GM_sun
from astropy.constants import e as ELEMENTARY_CHARGE

from .. import propulsion as P
from ..checks import INCORRECT, CheckResult, Exercise, Mistake, RoundedTooFar
from ..facts import fact
from ..orbits import circular_speed
from ..units import require


# ---------------------------------------------------------------- the physics behind exercises 2, 3 and 7
# (kept here, not in utils.propulsion, so that no name a student can Tab-complete there answers an exercise)
def _rocket_delta_v(exhaust: u.Quantity, initial_mass: u.Quantity, propellant_mass: u.Quantity) -> u.Quantity:
    """Tsiolkovsky's rocket equation, :math:`\\Delta v = v_e \\ln\\big(m_0 / (m_0 - m_p)\\big)`.

    Parameters
    ----------
    exhaust : Quantity
        Specific impulse (time) or effective exhaust speed.
    initial_mass : Quantity
        Mass before the burn (spacecraft plus propellant), positive.
    propellant_mass : Quantity
        Propellant used, at least 0 and less than ``initial_mass``.

    Returns
    -------
    Quantity
        Velocity change in km/s (no gravity or steering losses).

    Raises
    ------
    ValueError
        Negative masses, or propellant not less than the initial mass.

    Examples
    --------
    >>> import astropy.units as u
    >>> round(float(_rocket_delta_v(30 * u.km / u.s, 1000 * u.kg, 0 * u.kg).to_value(u.km / u.s)), 1)
    0.0
    """
    v_e = P._exhaust(exhaust)
    m0, mp = P._masses(initial_mass, propellant_mass)
    return (v_e * np.log((m0 / (m0 - mp)).to_value(u.one))).to(u.km / u.s)


def _ion_speed_charged(voltage: u.Quantity, ion_mass: u.Quantity, charge: u.Quantity | None = None) -> u.Quantity:
    """:func:`utils.propulsion.ion_speed` for an ion of any ``charge`` (default one elementary charge)."""
    V = require(voltage, u.V, "voltage", positive=True)
    m = require(ion_mass, u.kg, "ion_mass", positive=True)
    q = ELEMENTARY_CHARGE.si if charge is None else require(charge, u.C, "charge", positive=True)
    return np.sqrt(2 * q * V / m).to(u.km / u.s)


def _thrust_arc_distance(
    r_start: u.Quantity,
    acceleration: u.Quantity,
    duration: u.Quantity,
    mu: u.Quantity | None = None,
    *,
    direction: str = "along velocity",
) -> u.Quantity:
    """Distance from the centre after thrusting for ``duration`` from a circular orbit.

    The spacecraft starts on a circular orbit of radius ``r_start`` and feels
    gravity plus a constant thrust acceleration, either along its velocity
    (a low-thrust spiral) or straight away from the centre (``direction="radial"``,
    for comparison: pushing outward does not raise the orbit for long).  The
    equations :math:`\\ddot{\\mathbf r} = -\\mu \\mathbf r/r^3 + a\\,\\hat{\\mathbf d}` are
    integrated with :func:`scipy.integrate.solve_ivp` at a tight tolerance.

    Parameters
    ----------
    r_start : Quantity
        Radius of the starting circular orbit.
    acceleration : Quantity
        Thrust acceleration (thrust divided by mass), kept constant; at least 0.
    duration : Quantity
        How long the engine runs (positive).
    mu : Quantity, optional
        Gravitational parameter; default the Sun's.
    direction : {"along velocity", "radial"}
        Where the thrust points.

    Returns
    -------
    Quantity
        Distance from the centre at the end, in AU.

    Examples
    --------
    >>> import astropy.units as u
    >>> r = _thrust_arc_distance(1 * u.AU, 0 * u.mm / u.s**2, 100 * u.day)
    >>> round(float(r.to_value(u.AU)), 6)
    1.0
    """
    from scipy.integrate import solve_ivp

    r0 = require(r_start, u.km, "r_start", positive=True).to(u.km)
    acc = require(acceleration, u.m / u.s**2, "acceleration", nonnegative=True)
    t_end = require(duration, u.s, "duration", positive=True)
    mu = P._mu(mu)
    for name, q in (("r_start", r0), ("acceleration", acc), ("duration", t_end)):
        if q.size != 1:
            raise ValueError(
                f"_thrust_arc_distance flies one arc: {name} must be a single value, not an array of shape {q.shape}."
            )
    if direction not in ("along velocity", "radial"):
        raise ValueError(f"direction must be 'along velocity' or 'radial'; got {direction!r}.")
    T = np.sqrt(r0**3 / mu).to(u.s)  # time unit
    a = (acc / (mu / r0**2)).to_value(u.one)  # acceleration in units of local gravity
    tangential = direction == "along velocity"

    def rhs(t, s):
        x, y, vx, vy = s
        r = np.hypot(x, y)
        if tangential:
            speed = np.hypot(vx, vy)
            ax, ay = a * vx / speed, a * vy / speed
        else:
            ax, ay = a * x / r, a * y / r
        return [vx, vy, -x / r**3 + ax, -y / r**3 + ay]

    sol = solve_ivp(
        rhs, (0.0, (t_end / T).to_value(u.one)), [1.0, 0.0, 0.0, 1.0], method="DOP853", rtol=1e-11, atol=1e-13
    )
    if not sol.success:  # pragma: no cover - DOP853 on this smooth problem does not fail
        raise RuntimeError(f"the integration failed: {sol.message}")
    return (np.hypot(sol.y[0, -1], sol.y[1, -1]) * r0).to(u.AU)


# ---------------------------------------------------------------- 05.11 exhaust speed
def _exhaust_speed(isp, isp_full=None, isp_other=None):
    return P._exhaust_speed(isp).to(u.km / u.s)


def _exhaust_at_full_power(isp, isp_full=None, isp_other=None):
    if isp_full is None:
        raise ValueError("no full-power Isp given")
    return P._exhaust_speed(isp_full).to(u.km / u.s)


def _exhaust_with_g_ten(isp, isp_full=None, isp_other=None):
    """The exhaust speed with g rounded to 10 m/s² (a school habit) instead of standard gravity."""
    return (isp * 10 * u.m / u.s**2).to(u.km / u.s)


def _numbers_in_note(fact_id: str, pattern: str) -> tuple[float, ...] | None:
    """The numbers a fact's note quotes (``pattern``'s groups, thousands commas dropped), or None if it quotes none.

    The notes record other sources' values (a datasheet, a second source); likely answers built on them are read
    from there, so the lesson's text and its checks cannot disagree.
    """
    found = re.search(pattern, fact(fact_id).info.meta.get("note", ""))
    return None if found is None else tuple(float(g.replace(",", "")) for g in found.groups())


def _exhaust_other_source(isp, isp_full=None, isp_other=None):
    """The exhaust speed from the other source's specific impulse (the fact's note names it), with g0 right."""
    if isp_other is None:
        quoted = _numbers_in_note("nstar.isp_min", r"gives ([\d,]+) s")
        if quoted is None:
            return np.nan * u.km / u.s
        isp_other = quoted[0] * u.s
    return P._exhaust_speed(require(isp_other, u.s, "isp_other", positive=True)).to(u.km / u.s)


def _isp_as_speed(isp, isp_full=None, isp_other=None):
    # g0 left out: the specific impulse itself, in seconds, given as the exhaust speed
    return require(isp, u.s, "isp", positive=True)


NO_G0 = "A specific impulse in seconds must be multiplied by g0 (standard gravity) to give an exhaust speed."
G_TEN = (
    "That is what g = 10 m/s² gives. The exhaust speed is Isp times standard gravity, g0 from astropy.constants "
    "(9.80665 m/s²), not a rounded 10 m/s²."
)


# ---------------------------------------------------------------- 05.2 ion speed
def _charge(charge_number):
    n = require(charge_number, u.one, "charge_number", positive=True).to_value(u.one)
    return n * ELEMENTARY_CHARGE.si


def _ion_speed(voltage, ion_mass, charge_number=1):
    return _ion_speed_charged(voltage, ion_mass, _charge(charge_number))


def _ion_speed_single(voltage, ion_mass, charge_number=1):
    return P.ion_speed(voltage, ion_mass)


def _ion_speed_times_charge(voltage, ion_mass, charge_number=1):
    return P.ion_speed(voltage, ion_mass) * require(charge_number, u.one, "charge_number").to_value(u.one)


def _ion_speed_with_charge_number(voltage, ion_mass, charge_number=1):
    # the plain count of charges in place of the charge in coulombs: the result is in V^(1/2) / u^(1/2)
    n = require(charge_number, u.one, "charge_number", positive=True).to_value(u.one)
    return np.sqrt(2 * n * voltage / ion_mass)


def _ion_speed_bare_mass(voltage, ion_mass, charge_number=1):
    # the ion mass stripped to a number (its value in u): the result is in C^(1/2) V^(1/2)
    return np.sqrt(2 * _charge(charge_number) * voltage / require(ion_mass, u.kg, "ion_mass").to_value(u.u))


def _ion_speed_bare_mass_kg(voltage, ion_mass, charge_number=1):
    # the ion mass stripped to its number of kilograms
    return np.sqrt(2 * _charge(charge_number) * voltage / require(ion_mass, u.kg, "ion_mass").to_value(u.kg))


ION_FORM = (
    "Your method is right, but a unit got lost. Use `charge` (in coulombs), not the plain count "
    "`charge_number`, and keep `xenon` as a quantity with its unit; then convert the speed with "
    "`.to(u.km / u.s)`."
)


# ---------------------------------------------------------------- 05.3 rocket equation
def _rocket_dv(isp, initial_mass, propellant_mass):
    return _rocket_delta_v(isp, initial_mass, propellant_mass)


def _rocket_dv_over_propellant(isp, initial_mass, propellant_mass):
    v_e = P._exhaust_speed(isp)
    return (v_e * np.log((initial_mass / propellant_mass).to_value(u.one))).to(u.km / u.s)


def _rocket_dv_without_g0(isp, initial_mass, propellant_mass):
    # Isp ln(m0 / mf), in seconds: g0 left out of v_e = Isp g0
    return _rocket_dv(isp, initial_mass, propellant_mass) / P._exhaust_speed(1 * u.s) * u.s


def _g_ten_factor():
    # how much larger an exhaust speed comes out with g rounded to 10 m/s² (a school habit) than with g0
    return (10 * u.m / u.s**2 * u.s / P._exhaust_speed(1 * u.s)).to_value(u.one)


def _rocket_dv_with_g_ten(isp, initial_mass, propellant_mass):
    return _rocket_dv(isp, initial_mass, propellant_mass) * _g_ten_factor()


def _rocket_dv_log10(isp, initial_mass, propellant_mass):
    return _rocket_dv(isp, initial_mass, propellant_mass) / np.log(10)


def _rocket_dv_linear(isp, initial_mass, propellant_mass):
    return (P._exhaust_speed(isp) * (propellant_mass / initial_mass)).to(u.km / u.s)


def _rocket_dv_reported(isp, initial_mass, propellant_mass):
    from ..facts import fact

    return fact("dawn.total_delta_v").to(u.km / u.s)  # JPL's reported value, pasted instead of computed


def _rocket_dv_to_dry_mass(isp, initial_mass, propellant_mass):
    from ..facts import fact

    # the printed dry mass taken as the mass after the burn: the hydrazine is then burned too
    dry = fact("dawn.dry_mass")
    return (P._exhaust_speed(isp) * np.log((initial_mass / dry).to_value(u.one))).to(u.km / u.s)


# ---------------------------------------------------------------- 05.4 why the reported delta-v is smaller
def _gap_reason():
    return "xenon"


# ---------------------------------------------------------------- 05.12 thrust from the mass flow
def _mean_thrust(propellant_mass, time, isp, full_thrust=None):
    mp = require(propellant_mass, u.kg, "propellant_mass", positive=True)
    t = require(time, u.s, "time", positive=True)
    return P._thrust_from_mass_flow((mp / t).to(u.kg / u.s), isp)


def _mean_thrust_without_g0(propellant_mass, time, isp, full_thrust=None):
    # (mass / time) x Isp, in kg: g0 left out of v_e = Isp g0
    return (_mean_thrust(propellant_mass, time, isp) / P._exhaust_speed(1 * u.s) * u.s).to(u.kg)


def _mean_thrust_with_g_ten(propellant_mass, time, isp, full_thrust=None):
    return _mean_thrust(propellant_mass, time, isp) * _g_ten_factor()


def _full_thrust(propellant_mass, time, isp, full_thrust=None):
    if full_thrust is None:
        raise ValueError("no full-power thrust given")
    return full_thrust


def _mean_thrust_from_power_balance(propellant_mass, time, isp, full_thrust=None):
    return _mean_thrust(propellant_mass, time, isp) / 2


# ---------------------------------------------------------------- 05.13 chemical propellant
def _chemical_propellant(delta_v, isp, final_mass):
    return P._propellant_mass(delta_v, isp, final_mass=final_mass)


def _chemical_start_mass(delta_v, isp, final_mass):
    return _chemical_propellant(delta_v, isp, final_mass) + final_mass


def _chemical_from_start_formula(delta_v, isp, final_mass):
    return P._propellant_mass(delta_v, isp, initial_mass=final_mass)


# ---------------------------------------------------------------- 05.14 twice the delta-v
def _xenon_for_twice(final_mass, propellant_mass):
    mf = require(final_mass, u.kg, "final_mass", positive=True)
    mp = require(propellant_mass, u.kg, "propellant_mass", positive=True)
    # delta-v = v_e ln(m0 / mf): twice the delta-v needs the mass ratio squared, whatever v_e is
    return (mf * (((mf + mp) / mf) ** 2 - 1)).to(u.kg)


def _xenon_doubled(final_mass, propellant_mass):
    return (2 * require(propellant_mass, u.kg, "propellant_mass", positive=True)).to(u.kg)


def _xenon_extra_only(final_mass, propellant_mass):
    return _xenon_for_twice(final_mass, propellant_mass) - propellant_mass


def _start_mass_for_twice(final_mass, propellant_mass):
    return _xenon_for_twice(final_mass, propellant_mass) + final_mass


# ---------------------------------------------------------------- 05.5 Edelbaum vs Hohmann
def _edelbaum(a_start, a_end):
    return P._edelbaum_delta_v(a_start, a_end)


def _hohmann(a_start, a_end):
    return P.hohmann_delta_v(a_start, a_end)


def _spiral_extra(a_start, a_end):
    # how much more the slow spiral costs than the two-burn transfer between the same circles
    return (_edelbaum(a_start, a_end) - _hohmann(a_start, a_end)).to(u.km / u.s)


def _spiral_extra_upside_down(a_start, a_end):
    return -_spiral_extra(a_start, a_end)


# ---------------------------------------------------------------- 05.7 the spiral with solve_ivp
def _arc(a_start, acceleration, duration):
    return _thrust_arc_distance(a_start, acceleration, duration)


def _arc_radial(a_start, acceleration, duration):
    return _thrust_arc_distance(a_start, acceleration, duration, direction="radial")


def _arc_no_thrust(a_start, acceleration, duration):
    return require(a_start, u.AU, "a_start", positive=True).to(u.AU)


def _arc_acceleration_in_m(a_start, acceleration, duration):
    # the acceleration's number in m/s² used as if it were in km/s²: 1,000 times too strong
    return _thrust_arc_distance(a_start, acceleration * 1e3, duration)


def _arc_acceleration_in_mm(a_start, acceleration, duration):
    # the number printed in mm/s² used as if it were in km/s²: a million times too strong
    return _thrust_arc_distance(a_start, acceleration * 1e6, duration)


def _arc_end_state(a_start, acceleration, duration, slip=None, **tolerance):
    """The end point (x, y) in km of the student's own integration in km and s, started at (r0, 0).

    ``slip="speed"``: the thrust not divided by the speed.
    """
    from scipy.integrate import solve_ivp

    gm = GM_sun.to_value(u.km**3 / u.s**2)
    acc = require(acceleration, u.km / u.s**2, "acceleration", nonnegative=True).to_value(u.km / u.s**2)
    r0 = require(a_start, u.km, "a_start", positive=True).to_value(u.km)
    t_end = require(duration, u.s, "duration", positive=True).to_value(u.s)

    def rhs(t, state):
        x, y, vx, vy = state
        r, v = np.hypot(x, y), np.hypot(vx, vy)
        push = acc if slip == "speed" else acc / v
        return [vx, vy, -gm * x / r**3 + push * vx, -gm * y / r**3 + push * vy]

    sol = solve_ivp(rhs, (0, t_end), [r0, 0, 0, np.sqrt(gm / r0)], **tolerance)
    return sol.y[0, -1], sol.y[1, -1]


def _arc_default_tolerance(a_start, acceleration, duration):
    # solve_ivp's default tolerances (rtol=1e-3): a year of thrust moves the end point by a few tenths of a per cent
    return (np.hypot(*_arc_end_state(a_start, acceleration, duration)) * u.km).to(u.AU)


def _arc_y_only(a_start, acceleration, duration):
    # the y coordinate of the end point taken as the distance (the skeleton names sol.y[0, -1] and sol.y[1, -1])
    x, y = _arc_end_state(a_start, acceleration, duration, rtol=1e-9)
    return (abs(y) * u.km).to(u.AU)


def _arc_x_only(a_start, acceleration, duration):
    x, y = _arc_end_state(a_start, acceleration, duration, rtol=1e-9)
    return (abs(x) * u.km).to(u.AU)


def _arc_thrust_times_speed(a_start, acceleration, duration):
    # acc * vx in place of acc * vx / v: the push grows with the speed
    return (np.hypot(*_arc_end_state(a_start, acceleration, duration, slip="speed", rtol=1e-9)) * u.km).to(u.AU)


ONE_COORDINATE = (
    "That is one coordinate of the end point, not its distance from the Sun. The distance needs both "
    "x and y of the final state (np.hypot(x, y))."
)


def _rhs_problem(rhs, a_start, acceleration, duration) -> str:
    """What is wrong with a student's right-hand side ``rhs(t, state)`` in km and s ("" when it is right).

    It is called at two test states and compared with gravity plus the thrust acceleration along the velocity.
    """
    gm = GM_sun.to_value(u.km**3 / u.s**2)
    acc = require(acceleration, u.km / u.s**2, "acceleration", nonnegative=True).to_value(u.km / u.s**2)
    r0 = require(a_start, u.km, "a_start", positive=True).to_value(u.km)
    v0 = np.sqrt(gm / r0)
    if not callable(rhs):
        return (
            "Your distance is right, but exercise 7 asks you to fly the spiral with your own right-hand side: "
            "define the function rhs(t, state) (the skeleton in the answer cell), run it, and use it in solve_ivp."
        )
    states = ([r0, 0.0, 0.0, v0], [0.6 * r0, -0.8 * r0, 0.7 * v0, 0.5 * v0])
    for state in states:
        x, y, vx, vy = state
        r, v = np.hypot(x, y), np.hypot(vx, vy)
        wanted = np.array([vx, vy, -gm * x / r**3 + acc * vx / v, -gm * y / r**3 + acc * vy / v])
        try:
            got = np.asarray(rhs(0.0, np.array(state)), dtype=float).ravel()
        except Exception as err:
            return (
                f"Your distance is right, but calling your rhs(t, state) at a test state stopped with "
                f"{type(err).__name__}. Fill in every ... of the skeleton and run the cell."
            )
        if got.shape != (4,) or not np.all(np.isfinite(got)):
            return (
                "Your distance is right, but your rhs(t, state) does not return four numbers [vx, vy, ax, ay]. "
                "Finish the skeleton in the answer cell and use it in solve_ivp."
            )
        scale = np.array([v, v, np.hypot(*wanted[2:]), np.hypot(*wanted[2:])])
        if np.any(np.abs(got - wanted) > 1e-6 * scale):
            return (
                "Your distance is right, but your rhs(t, state) does not give [vx, vy, ax, ay] with gravity "
                "plus `acc` along the velocity at a test state, so the distance did not come from it. Fly the "
                "spiral with your own right-hand side."
            )
    return ""


def _notebook_rhs():
    """The ``rhs`` in the notebook that called the check: ``(True, rhs)``, ``(True, None)`` when that notebook
    has none, or ``(False, None)`` when the check was not called from a notebook (a script or a test)."""
    import sys

    frame = sys._getframe(1)
    while frame is not None and str(frame.f_globals.get("__name__", "")).startswith("utils"):
        frame = frame.f_back
    if frame is None or frame.f_globals.get("__name__") != "__main__" or "_ih" not in frame.f_globals:
        return False, None  # not an IPython kernel's namespace
    return True, frame.f_globals.get("rhs")


RADIAL_PUSH = (
    "It looks as if you pushed straight away from the Sun, or you answered with one coordinate "
    "only. The engine pushes along the velocity: use (vx, vy) / |v| for the thrust's direction; and "
    "the distance from the Sun needs both x and y of the final state."
)


def _rhs_pushes_radially(rhs, a_start, acceleration, duration) -> bool:
    """Does the student's ``rhs(t, state)`` add the thrust along the radius (x, y) / r, not along the velocity?"""
    try:
        gm = GM_sun.to_value(u.km**3 / u.s**2)
        acc = u.Quantity(acceleration).to_value(u.km / u.s**2)
        r0 = u.Quantity(a_start).to_value(u.km)
        v0 = np.sqrt(gm / r0)
        for state in ([r0, 0.0, 0.0, v0], [0.6 * r0, -0.8 * r0, 0.7 * v0, 0.5 * v0]):
            x, y, vx, vy = state
            r = np.hypot(x, y)
            radial = np.array([vx, vy, -gm * x / r**3 + acc * x / r, -gm * y / r**3 + acc * y / r])
            got = np.asarray(rhs(0.0, np.array(state)), dtype=float).ravel()
            scale = np.array([v0, v0, np.hypot(*radial[2:]), np.hypot(*radial[2:])])
            if got.shape != (4,) or np.any(np.abs(got - radial) > 1e-6 * scale):
                return False
        return True
    except Exception:
        return False


class _SpiralExercise(RoundedTooFar):
    """Exercise 7: the distance is judged as usual, and a right distance passes only if the student's own
    right-hand side ``rhs`` is right too (the distance must come from the student's integration, not from a
    library spiral). The ``rhs`` is the input ``rhs`` when given, else the one in the calling notebook."""

    def check(self, answer, **inputs):
        given = "rhs" in inputs
        rhs = inputs.pop("rhs", None)
        result = super().check(answer, **inputs)
        if not result.ok and isinstance(answer, u.Quantity) and answer.unit.is_equivalent(u.km / u.s):
            return CheckResult(
                INCORRECT,
                "That is a speed, probably the final one from the state's vx and vy. The distance from the Sun "
                "comes from the position, x and y: the first two rows of the solution at its last time.",
                result.name,
            )
        if not result.ok:
            # a wrong distance: a radial push is a conceptual error, not a rounding, so the rhs speaks first
            if result.status == INCORRECT and callable(rhs if given else _notebook_rhs()[1]):
                student_rhs = rhs if given else _notebook_rhs()[1]
                if _rhs_pushes_radially(student_rhs, **{**self.defaults, **inputs}):
                    return CheckResult(INCORRECT, RADIAL_PUSH, result.name)
            return result
        if not given:
            given, rhs = _notebook_rhs()
        if not given:
            return result
        try:
            problem = _rhs_problem(rhs, **{**self.defaults, **inputs})
        except Exception:
            problem = "Your distance is right, but your rhs(t, state) could not be tested. Restore the inputs above."
        return CheckResult(INCORRECT, problem, result.name) if problem else result


# ---------------------------------------------------------------- 05.8 Edelbaum's prediction for that delta-v
def _spent_delta_v(acceleration, duration):
    acc = require(acceleration, u.km / u.s**2, "acceleration", nonnegative=True)
    t = require(duration, u.s, "duration", positive=True)
    return (acc * t).to(u.km / u.s)


def _edelbaum_radius(a_start, acceleration, duration):
    v0 = circular_speed(require(a_start, u.AU, "a_start", positive=True))
    v_end = v0 - _spent_delta_v(acceleration, duration)
    if v_end <= 0:
        raise ValueError("the delta-v is larger than the starting circular speed: no circular orbit is left")
    return (GM_sun / v_end**2).to(u.AU)


def _edelbaum_final_speed(a_start, acceleration, duration):
    # the last step left out: the circular speed at the end, not the radius of that circle
    v0 = circular_speed(require(a_start, u.AU, "a_start", positive=True))
    return (v0 - _spent_delta_v(acceleration, duration)).to(u.km / u.s)


def _edelbaum_radius_rounded(a_start, acceleration, duration):
    # the delta-v rounded to 0.1 km/s before the last step: the radius goes with 1 / v², so it moves ~1 %
    v0 = circular_speed(require(a_start, u.AU, "a_start", positive=True))
    dv = np.round(_spent_delta_v(acceleration, duration).to_value(u.km / u.s), 1) * u.km / u.s
    return (GM_sun / (v0 - dv) ** 2).to(u.AU)


def _edelbaum_radius_plus(a_start, acceleration, duration):
    v0 = circular_speed(require(a_start, u.AU, "a_start", positive=True))
    return (GM_sun / (v0 + _spent_delta_v(acceleration, duration)) ** 2).to(u.AU)


def _edelbaum_radius_unsquared(a_start, acceleration, duration):
    v0 = circular_speed(require(a_start, u.AU, "a_start", positive=True))
    return (GM_sun / (v0 - _spent_delta_v(acceleration, duration))).to(u.km**2 / u.s)


_EDELBAUM_SPEED = (
    "That is a speed, not a radius. Edelbaum's answer is the radius of a circle: take the final circular speed, "
    "v_start minus the delta-v spent (accel x duration), then the radius of a circular orbit of that speed, "
    "GM_sun / v²."
)


class _EdelbaumExercise(Exercise):
    """Exercise 8: any other speed (the delta-v spent, `v_start`, ...) is told that a radius comes from a speed by
    GM_sun / v², not sent to the general unit hint ("multiply it by a time", the wrong step here)."""

    def check(self, answer, **inputs):
        result = super().check(answer, **inputs)
        if (
            (result.status == INCORRECT or "multiply it by a time" in result.message)
            and isinstance(answer, u.Quantity)
            and answer.unit.is_equivalent(u.km / u.s)
            and "circular speed at the end" not in result.message
        ):
            return CheckResult(result.status, _EDELBAUM_SPEED, result.name)
        return result


# ---------------------------------------------------------------- 05.16 and 05.17 time and Isp
def _leg_time(delta_v, mass, power, isp, efficiency):
    dv = require(delta_v, u.km / u.s, "delta_v", positive=True)
    m = require(mass, u.kg, "mass", positive=True)
    thrust = P.power_limited_thrust(power, isp, efficiency)
    return (m * dv / thrust).to(u.day)


def _leg_time_without_two(delta_v, mass, power, isp, efficiency):
    return 2 * _leg_time(delta_v, mass, power, isp, efficiency)


def _leg_time_without_efficiency(delta_v, mass, power, isp, efficiency):
    return _leg_time(delta_v, mass, power, isp, 1.0)


def _leg_time_without_g0(delta_v, mass, power, isp, efficiency):
    # Isp in seconds used as the exhaust speed: the time divided by g0, in s³/m
    return (_leg_time(delta_v, mass, power, isp, efficiency) / (P._exhaust_speed(1 * u.s) / u.s)).to(u.s**3 / u.m)


def _highest_isp(delta_v, mass, power, efficiency, time):
    dv = require(delta_v, u.km / u.s, "delta_v", positive=True)
    m = require(mass, u.kg, "mass", positive=True)
    pw = require(power, u.W, "power", positive=True)
    t = require(time, u.s, "time", positive=True)
    eta = require(efficiency, u.one, "efficiency", positive=True)
    # time = m dv / F and F = 2 eta P / v_e, so the slowest exhaust that still arrives in time is
    return P.specific_impulse((2 * eta * pw * t / (m * dv)).to(u.km / u.s))


def _highest_isp_without_two(delta_v, mass, power, efficiency, time):
    return _highest_isp(delta_v, mass, power, efficiency, time) / 2


def _highest_isp_without_efficiency(delta_v, mass, power, efficiency, time):
    return _highest_isp(delta_v, mass, power, 1.0, time)


def _highest_exhaust_speed(delta_v, mass, power, efficiency, time):
    return P._exhaust_speed(_highest_isp(delta_v, mass, power, efficiency, time)).to(u.km / u.s)


# ---------------------------------------------------------------- 05.15 reading the thruster chart
def _jet_power(thrust, isp, electric_power=None):
    F = require(thrust, u.N, "thrust", positive=True)
    return (F * P._exhaust_speed(isp) / 2).to(u.kW)


def _jet_power_without_half(thrust, isp, electric_power=None):
    return 2 * _jet_power(thrust, isp)


def _electric_power_of_nstar(thrust, isp, electric_power=None):
    if electric_power is None:
        raise ValueError("no electric power given")
    return require(electric_power, u.W, "electric_power", positive=True).to(u.kW)


# ---------------------------------------------------------------- 05.9 Hall against gridded ion
def _per_kw(thrust, power, name):
    F = require(thrust, u.N, f"{name}_thrust", positive=True)
    pw = require(power, u.W, f"{name}_power", positive=True)
    return F / pw


def _thrust_per_kw_ratio(hall_thrust, hall_power, ion_thrust, ion_power):
    # thrust per unit of electric power, Hall over gridded ion: a plain number
    ratio = _per_kw(hall_thrust, hall_power, "hall") / _per_kw(ion_thrust, ion_power, "ion")
    return float(ratio.to_value(u.one))


def _thrust_per_kw_inverted(hall_thrust, hall_power, ion_thrust, ion_power):
    return 1 / _thrust_per_kw_ratio(hall_thrust, hall_power, ion_thrust, ion_power)


def _thrust_ratio_only(hall_thrust, hall_power, ion_thrust, ion_power):
    F_hall = require(hall_thrust, u.N, "hall_thrust", positive=True)
    F_ion = require(ion_thrust, u.N, "ion_thrust", positive=True)
    return float((F_hall / F_ion).to_value(u.one))


def _power_ratio(hall_thrust, hall_power, ion_thrust, ion_power):
    P_hall = require(hall_power, u.W, "hall_power", positive=True)
    P_ion = require(ion_power, u.W, "ion_power", positive=True)
    return float((P_hall / P_ion).to_value(u.one))


def _thrust_per_kw_datasheet(hall_thrust, hall_power, ion_thrust, ion_power):
    # the PPS-1350 datasheet's point (thrust at power), quoted in the facts table's note, in place of the inputs
    thrust, power = _numbers_in_note("smart1.thrust", r"datasheet figure is ([\d.]+) mN at ([\d.]+) kW")
    return _thrust_per_kw_ratio(thrust * u.mN, power * u.kW, ion_thrust, ion_power)


def _thrust_per_kw_two_figures(hall_thrust, hall_power, ion_thrust, ion_power):
    # the right quotient rounded to two significant figures (the tolerance asks for three)
    ratio = _thrust_per_kw_ratio(hall_thrust, hall_power, ion_thrust, ion_power)
    return float(f"{ratio:.2g}")


# ---------------------------------------------------------------- 05.10 delta-v per kilogram, Hall against gridded ion
def _isp(value, name):
    return require(value, u.s, name, positive=True)


def _dv_ratio_same_propellant(hall_isp, ion_isp):
    # the same mass ratio: delta-v goes with the exhaust speed, so with the specific impulse
    return float((_isp(hall_isp, "hall_isp") / _isp(ion_isp, "ion_isp")).to_value(u.one))


def _dv_ratio_one_figure(hall_isp, ion_isp):
    # the right quotient rounded to one significant figure ("about half"); the text asks for three
    return float(f"{_dv_ratio_same_propellant(hall_isp, ion_isp):.1g}")


def _dv_ratio_inverted(hall_isp, ion_isp):
    return 1 / _dv_ratio_same_propellant(hall_isp, ion_isp)


def _dv_ratio_squared(hall_isp, ion_isp):
    return _dv_ratio_same_propellant(hall_isp, ion_isp) ** 2


def _dv_ratio_datasheet(hall_isp, ion_isp):
    # the PPS-1350 datasheet's specific impulse, quoted in the facts table's note that the notebook prints,
    # in place of `hall_isp`
    (datasheet,) = _numbers_in_note("smart1.isp", r"datasheet: ([\d,]+) s")
    return _dv_ratio_same_propellant(datasheet * u.s, ion_isp)


_EXERCISES = {
    # a plain Exercise, so that its mistakes come first: g = 10 m/s² at 1,900 s gives 19.0 km/s, which is also
    # the right 18.6 km/s rounded to two figures, and that one hint names both causes (never a bare "close")
    "05.11": Exercise(
        title="Exercise 11 · exhaust speed at {isp:.0f}",
        solve=_exhaust_speed,
        rtol=0.01,
        hint="Multiply the specific impulse by standard gravity g0 (astropy.constants.g0, not 10 m/s²) and convert "
        "to km/s.",
        mistakes=(
            Mistake(
                _exhaust_at_full_power,
                "That is the exhaust speed at full power. Use the specific impulse of the lowest "
                "power setting, `isp_low`.",
            ),
            Mistake(_isp_as_speed, NO_G0),
            Mistake(
                _exhaust_other_source,
                "Your g0 is right, but that is the other source's specific impulse (the note under `isp_low`). "
                "Use `isp_low` as given.",
                rtol=0.002,  # 19.12 km/s; g = 10 m/s² at 1,900 s gives 19.00, 0.6 % away
                method_right=True,
            ),
            Mistake(
                _exhaust_with_g_ten,
                "That is what g = 10 m/s² gives (the other source's specific impulse in the note lands close "
                "to it too), or a right answer rounded to two significant figures. Use standard gravity, `g0` "
                "from astropy.constants (9.80665 m/s²), with `isp_low` as given, and give three significant "
                "figures.",
            ),
        ),
    ),
    "05.2": RoundedTooFar(
        title="Exercise 2 · speed between the grids of a xenon ion of charge {charge_number}e",
        solve=_ion_speed,
        rtol=0.002,  # three figures asked: 61.8 passes, 62 (two figures) is told to keep three
        figures=2,
        cut=True,  # 61 for 61.8, cut off, is told the same
        band=0.035,  # 60 km/s for 61.8 (one figure, 2.9 % off) is a rounding, not a slip of method
        keep="three significant figures",
        hint="The ion's kinetic energy ½ m v² equals its charge times the voltage; solve for v.",
        mistakes=(
            Mistake(
                _ion_speed_single,
                "That is the speed of a singly charged ion (the worked example). This ion carries "
                "`charge_number` elementary charges, so it gains that many times the energy; and the "
                "kinetic energy is ½ m v², so keep the factor 2 under the square root.",
            ),
            Mistake(
                _ion_speed_times_charge,
                "The *energy* grows in proportion to the charge; the speed grows as the square root of the energy.",
            ),
            Mistake(_ion_speed_with_charge_number, ION_FORM, method_right=True),
            Mistake(_ion_speed_bare_mass, ION_FORM, method_right=True),
            Mistake(_ion_speed_bare_mass_kg, ION_FORM, method_right=True),
        ),
    ),
    "05.3": Exercise(
        title="Exercise 3 · Dawn's delta-v from {propellant_mass:.0f} of xenon",
        solve=_rocket_dv,
        rtol=0.01,
        hint="Delta-v = v_e ln(m0 / m_final), with m_final = m0 - propellant and v_e = Isp g0.",
        mistakes=(
            Mistake(
                _rocket_dv_over_propellant,
                "The logarithm compares the mass before the burn with the mass *after* it (the "
                "launch mass minus the xenon), not with the xenon itself.",
            ),
            Mistake(_rocket_dv_without_g0, NO_G0),
            Mistake(_rocket_dv_with_g_ten, G_TEN),
            Mistake(_rocket_dv_log10, "The rocket equation uses the natural logarithm: np.log, not np.log10."),
            Mistake(
                _rocket_dv_linear,
                "Delta-v is not v_e times the propellant fraction: the rocket equation has a "
                "logarithm of the mass ratio.",
            ),
            Mistake(
                _rocket_dv_reported,
                "That is JPL's reported value, `reported_dv`. This exercise asks what the rocket equation "
                "gives from the masses and `dawn_isp`; you compare the two afterwards.",
            ),
            Mistake(
                _rocket_dv_to_dry_mass,
                "You took the dry mass as the mass after the burn. The ion engines burn only the xenon: the mass "
                "after it is the launch mass minus the xenon (the hydrazine is still on board).",
            ),
        ),
    ),
    "05.4": Exercise(
        title="Exercise 4 · why did Dawn get less delta-v than the rocket equation gives?",
        solve=_gap_reason,
        choices=("steering", "hydrazine", "xenon", "gravity"),
        hint="List what your calculation assumed about the xenon: how much of it left the engine, and how fast.",
        mistakes=(
            Mistake(
                lambda: "steering",
                "Delta-v counts the speed change the engine gives in whatever direction it points, and "
                "JPL's total counts the same thing: steering does not make the two differ.",
            ),
            Mistake(
                lambda: "hydrazine",
                "The hydrazine is in the launch mass you started from. Spending it on the way leaves a "
                "lighter spacecraft for the xenon to push: that would make the delta-v larger, not smaller.",
            ),
            Mistake(
                lambda: "gravity",
                "Delta-v is the speed change the engine gives, whatever gravity does meanwhile: the Sun's "
                "pull changes Dawn's speed, not the engine's delta-v.",
            ),
        ),
    ),
    "05.12": Exercise(
        title="Exercise 12 · Dawn's mean thrust over {time:.2f} of firing",
        solve=_mean_thrust,
        rtol=0.015,
        hint="Start with the mean mass flow: the xenon divided by the firing time. Then think how a mass flow "
        "and an exhaust speed make a thrust.",
        mistakes=(
            Mistake(
                _full_thrust,
                "That is the engine's full-power thrust from the facts table. The question asks for "
                "the *mean* thrust that the xenon flow over the whole firing time allows.",
            ),
            Mistake(_mean_thrust_without_g0, NO_G0),
            Mistake(_mean_thrust_with_g_ten, G_TEN),
            Mistake(
                _mean_thrust_from_power_balance,
                "Thrust is momentum per second, mass flow times exhaust speed, with no factor ½ "
                "(the ½ belongs to the jet's kinetic energy).",
            ),
        ),
    ),
    "05.13": RoundedTooFar(
        title="Exercise 13 · chemical propellant at {isp:.0f} for {delta_v:.2f}",
        solve=_chemical_propellant,
        rtol=0.02,
        figures=1,
        band=0.03,  # 10 t for 9.79 t (one figure, 2.1 % off) is a rounding, not a slip of method
        keep="two significant figures",
        hint="Turn the rocket equation around: m_propellant = m_final (exp(delta_v / v_e) - 1).",
        mistakes=(
            Mistake(
                _chemical_start_mass,
                "That is the mass at the start, spacecraft included. The propellant is the start "
                "mass minus the final mass: remember the -1.",
            ),
            Mistake(
                _chemical_from_start_formula,
                "m0 (1 - exp(-delta_v / v_e)) needs the *initial* mass; you are given the final mass.",
            ),
        ),
    ),
    "05.14": RoundedTooFar(
        title="Exercise 14 · xenon for twice the delta-v of {propellant_mass:.0f}",
        solve=_xenon_for_twice,
        rtol=0.01,
        figures=2,
        band=0.025,  # 1.1 t for 1,078 kg (two figures, 2.0 % off) is a rounding, not a slip of method
        keep="three significant figures",
        hint="With the same exhaust speed, twice the delta-v needs twice ln(m0 / m_final). Which mass ratio has "
        "twice the logarithm of (base_mass + base_xenon) / base_mass? From it, the new start mass, then the xenon.",
        mistakes=(
            Mistake(
                _xenon_doubled,
                "Doubling the xenon does not double the delta-v: the delta-v grows with the *logarithm* "
                "of the mass ratio. Twice the logarithm means the mass ratio squared.",
            ),
            Mistake(
                _xenon_extra_only,
                "That is the extra xenon on top of `base_xenon`. The question asks for the whole load.",
            ),
            Mistake(
                _start_mass_for_twice,
                "That is the whole start mass, spacecraft included. The xenon is the start mass minus `base_mass`.",
            ),
        ),
    ),
    "05.5": RoundedTooFar(
        title="Exercise 5 · how much more does the spiral cost than Hohmann, from {a_start:.2f} to {a_end:.2f}?",
        solve=_spiral_extra,
        rtol=0.0015,  # three significant figures, as the exercise asks: 0.451 km/s passes, 0.45 (0.2 % off) does not
        band=0.12,  # 0.45 or 0.5 km/s for 0.451 (two or one figure, up to 11 % off) is a rounding; 0.6 km/s is not
        keep="three significant figures",
        hint="Edelbaum's delta-v without a plane change is the difference of the two circular speeds "
        "(utils.orbits.circular_speed); the Hohmann transfer's is prop.hohmann_delta_v(r_inner, r_outer). "
        "Subtract the Hohmann value from Edelbaum's.",
        mistakes=(
            Mistake(
                _edelbaum,
                "That is the spiral's whole delta-v (Edelbaum's). The question asks how much *more* it costs "
                "than the Hohmann transfer: subtract the Hohmann delta-v.",
            ),
            Mistake(
                _hohmann,
                "That is the Hohmann transfer's whole delta-v: two short burns at the ends of an ellipse. The "
                "question asks for the spiral's extra cost: Edelbaum's delta-v minus this one.",
            ),
            Mistake(
                _spiral_extra_upside_down,
                "Your difference is negative: the slow spiral costs *more* than the two short burns. Subtract "
                "the Hohmann delta-v from Edelbaum's, not the other way round.",
            ),
        ),
    ),
    "05.7": _SpiralExercise(
        title="Exercise 7 · fly {duration:.1f} of the spiral with solve_ivp",
        solve=_arc,
        rtol=0.0025,  # three figures pass; the default tolerance (0.4 % short) fails unrounded only
        hint="State = [x, y, vx, vy] in km and km/s; acceleration = -GM x / r³ (and y) plus "
        "`acc` (the thrust acceleration in km/s²) times the unit vector along the velocity; the answer is hypot(x, y) "
        "at the end, times u.km.",
        mistakes=(
            Mistake(
                _arc_no_thrust,
                "Your spacecraft is still on its starting orbit. Did the thrust acceleration get into "
                "the right-hand side, in the same units (km/s²) as gravity?",
            ),
            Mistake(
                _arc_default_tolerance,
                "Your right-hand side looks right, but the end point is a little short: solve_ivp's default "
                "tolerance lets small errors add up over a year. Pass rtol=1e-9 to solve_ivp and run it again.",
            ),
            Mistake(
                _arc_thrust_times_speed,
                "Your thrust grows with the speed: acc times vx is not its x part. Divide by the speed v: the "
                "thrust is acc times the unit vector (vx, vy) / v.",
            ),
            Mistake(_arc_y_only, ONE_COORDINATE, rtol=2e-4),
            Mistake(_arc_x_only, ONE_COORDINATE),  # far from the other slips
            Mistake(
                _arc_radial,
                RADIAL_PUSH,
            ),
            Mistake(
                _arc_acceleration_in_m,
                "Your thrust is a thousand times too strong: the acceleration went in as a number in "
                "m/s², but the right-hand side works in km and s. Use `acc` (km/s²).",
            ),
            Mistake(
                _arc_acceleration_in_mm,
                "Your thrust is a million times too strong: the acceleration went in as a number in "
                "mm/s², but the right-hand side works in km and s. Use `acc` (km/s²).",
            ),
        ),
    ),
    "05.8": _EdelbaumExercise(
        title="Exercise 8 · Edelbaum's orbit after {duration:.1f} of thrust",
        solve=_edelbaum_radius,
        rtol=0.002,  # a closed formula; tighter than the spiral's r_max printed later (0.3 % away)
        hint="The delta-v spent is accel x duration. Edelbaum: the final circular speed is v_start minus that "
        "delta-v (use v_start, with its unit, not the plain number v0); a circular orbit of speed v has the "
        "radius GM_sun / v².",
        mistakes=(
            Mistake(
                _edelbaum_radius_plus,
                "Your orbit is smaller than the start. Circular speed falls outward, so raising the orbit "
                "lowers the circular speed: subtract the delta-v from v_start.",
            ),
            Mistake(_edelbaum_radius_unsquared, "v = sqrt(GM / r), so r = GM / v²: square the speed."),
            Mistake(
                _edelbaum_final_speed,
                "That is the circular speed at the end of the spiral. One step is left: the radius of a circular "
                "orbit of that speed, GM_sun / v².",
                rtol=0.01,  # a speed, rounded as the student likes: it cannot be mistaken for the radius
            ),
            Mistake(
                _edelbaum_radius_rounded,
                "You are within half a per cent: did you round the delta-v before the last step? The radius goes with "
                "1 / v², so a small rounding grows. Keep at least three significant figures until the end. "
                "If you pasted the distance printed further down for the library spiral with a fifth of the "
                "thrust: that is the far point of its coasting ellipse, not the radius of Edelbaum's circle "
                "for this delta-v.",
            ),
            Mistake(
                _arc,
                "That is where your simulated spacecraft is after the thrust (exercise 7). The question "
                "asks for Edelbaum's prediction: the radius of the circular orbit whose speed is v_start minus "
                "the delta-v spent.",
            ),
        ),
    ),
    "05.16": Exercise(
        title="Exercise 16 · how long is the Vesta-Ceres spiral with {power:.2f}?",
        solve=_leg_time,
        rtol=0.02,
        hint="Three steps. (1) The exhaust speed v_e = Isp x g0. (2) The thrust the power allows, "
        "F = 2 x eta x P / v_e. (3) With a constant thrust the acceleration is F / mass, and the time to "
        "gain delta_v is delta_v / acceleration = mass x delta_v / F. Convert with .to(u.yr).",
        mistakes=(
            Mistake(_leg_time_without_g0, NO_G0),
            Mistake(
                _leg_time_without_two, "Check the thrust: the jet power is ½ F v_e, so F = 2 eta P / v_e (a factor 2)."
            ),
            Mistake(
                _leg_time_without_efficiency,
                "Only the fraction `eta` of the power reaches the jet: include the efficiency.",
            ),
        ),
    ),
    "05.17": Exercise(
        title="Exercise 17 · design: the highest specific impulse that still arrives in {time:.2f}",
        solve=_highest_isp,
        rtol=0.02,
        hint="Start from time = mass x delta-v / thrust with thrust = 2 eta P / (Isp g0), and solve for Isp.",
        mistakes=(
            Mistake(
                _highest_isp_without_two,
                "Check the thrust: the jet power is ½ F v_e, so F = 2 eta P / v_e (a factor 2).",
            ),
            Mistake(
                _highest_isp_without_efficiency,
                "Only the fraction `eta` of the power reaches the jet: include the efficiency.",
            ),
            Mistake(
                _highest_exhaust_speed,
                "That is the highest exhaust speed. The specific impulse is the exhaust speed divided by "
                "g0, in seconds.",
            ),
        ),
    ),
    "05.15": Exercise(
        title="Exercise 15 · jet power of a thruster with {thrust:.0f} at {isp:.0f}",
        solve=_jet_power,
        rtol=0.02,
        hint="The jet carries kinetic energy at the rate ½ (mass flow) v_e² = ½ F v_e, with v_e = Isp g0.",
        mistakes=(
            Mistake(_jet_power_without_half, "Kinetic energy is ½ m v²: the jet power is ½ F v_e, not F v_e."),
            Mistake(
                _electric_power_of_nstar,
                "That is the electric power that goes *into* Dawn's engine, NSTAR, a number to compare "
                "with afterwards. The question asks for the power the SPT-140's *jet* carries: work it "
                "out from `chart_thrust` and `chart_isp`.",
            ),
        ),
    ),
    "05.9": Exercise(
        title="Exercise 9 · thrust per kilowatt: a Hall thruster at {hall_power:.0f} against a gridded ion "
        "engine at {ion_power:.1f}",
        solve=_thrust_per_kw_ratio,
        rtol=0.005,  # three figures (1.43) pass; 1.44, printed earlier for another quotient, does not
        hint="For each thruster divide its thrust by the electric power it takes (thrust per kilowatt); then "
        "divide the Hall thruster's value by the gridded ion engine's. The units cancel: a plain number.",
        mistakes=(
            Mistake(
                _thrust_per_kw_inverted,
                "You divided the ion engine's thrust per kilowatt by the Hall thruster's. The question "
                "asks how many times the Hall thruster's value is the ion engine's: the other way up.",
            ),
            Mistake(
                _thrust_ratio_only,
                "That compares the two thrusts only. The thrusters take different powers: compare the "
                "thrust *per kilowatt*, thrust divided by power, for each.",
            ),
            Mistake(
                _power_ratio,
                "That is the ratio of the two powers. Divide each thruster's thrust by its own power first.",
                rtol=0.012,  # two figures (0.52 for 0.517) too
            ),
            Mistake(
                _thrust_per_kw_datasheet,
                "Your method is right, but you used the datasheet's point (in the facts table's note). Use "
                "`hall_thrust` and `hall_power` as given in the cell, as the question asks.",
                method_right=True,
            ),
            Mistake(
                _thrust_per_kw_two_figures,
                "If your method is right, the answer is rounded to two significant figures: give three "
                "significant figures.",
                method_right=True,
            ),
        ),
    ),
    "05.10": Exercise(
        title="Exercise 10 · delta-v from the same propellant fraction: a Hall thruster at {hall_isp:.0f} against a "
        "gridded ion engine at {ion_isp:.0f}",
        solve=_dv_ratio_same_propellant,
        rtol=0.01,
        hint="Write the rocket equation for each thruster with the same mass ratio m0/mf. Divide one delta-v by "
        "the other: the logarithm cancels and the exhaust speeds are left, each I_sp times g0. A plain number.",
        mistakes=(
            Mistake(
                _dv_ratio_inverted,
                "You divided the gridded ion engine's delta-v by the Hall thruster's. The question asks how many "
                "times the ion engine's delta-v the Hall thruster gets: the other way up.",
            ),
            Mistake(
                _dv_ratio_one_figure,
                "If your method is right, the answer is rounded to one significant figure: give three "
                "significant figures.",
                method_right=True,
            ),
            Mistake(
                _dv_ratio_datasheet,
                "Your method is right, but you used the datasheet's specific impulse from the note. Use "
                "`hall_isp` as given in the cell, as the question asks.",
                method_right=True,
            ),
            Mistake(
                _dv_ratio_squared,
                "That ratio is squared: it compares the kinetic energy per kilogram of exhaust (v_e squared). "
                "The rocket equation's delta-v goes with v_e itself.",
            ),
        ),
    ),
}

#: Written questions (no numeric self-check): model answers and rubrics are on the instructor page.
WRITTEN = {
    "05.1": "Exercise 1 · derive: which terms cancel, and which may be dropped?",
    "05.6": "Exercise 6 · explain: why does no electric thruster push like a chemical engine?",
}
