"""Exercises of 02 · Orbits: Kepler's laws, tested on real asteroids."""

from __future__ import annotations

import functools

import astropy.units as u
import numpy as np

from ..checks import INCORRECT, INVALID, CheckResult, Exercise, Mistake, RoundedTooFar
from ..units import require


def _ecc(e):
    e = float(require(e, u.one, "the eccentricity e", nonnegative=True).to_value(u.one))
    if e >= 1:
        raise ValueError(f"the eccentricity e must be below 1 for an ellipse; got {e}.")
    return e


# 02.1 · aphelion -----------------------------------------------------------------


def _aphelion(a, e, name=None):
    return (require(a, u.AU, "the semi-major axis a", positive=True) * (1 + _ecc(e))).to(u.AU)


def _perihelion(a, e, name=None):
    return (require(a, u.AU, "the semi-major axis a", positive=True) * (1 - _ecc(e))).to(u.AU)


def _a_times_e(a, e, name=None):
    return (require(a, u.AU, "the semi-major axis a", positive=True) * _ecc(e)).to(u.AU)


def _a_alone(a, e, name=None):
    return require(a, u.AU, "the semi-major axis a", positive=True).to(u.AU)


def _major_axis(a, e, name=None):
    return 2 * _a_alone(a, e)


def _twice_aphelion(a, e, name=None):
    return 2 * _aphelion(a, e)


def _cut_two_figures(length):
    """A length in AU cut off (not rounded) after two significant figures: 3.4 AU for 3.4515 AU."""
    value = length.to_value(u.AU)
    step = 10.0 ** (np.floor(np.log10(abs(value))) - 1)
    return np.trunc(value / step) * step * u.AU


def _aphelion_cut_off(a, e, name=None):
    return _cut_two_figures(_aphelion(a, e))


# 02.2 · eccentricity from q and Q ----------------------------------------------------------


def _q_Q(q, Q):
    q = require(q, u.AU, "the closest distance q", positive=True).to_value(u.AU)
    Q = require(Q, u.AU, "the farthest distance Q", positive=True).to_value(u.AU)
    if Q < q:
        raise ValueError(f"Q, the farthest distance, cannot be below q, the closest; got q = {q:g} AU, Q = {Q:g} AU.")
    return float(q), float(Q)


def _eccentricity(q, Q, name=None):
    q, Q = _q_Q(q, Q)
    return (Q - q) / (Q + q)


def _eccentricity_one_decimal(q, Q, name=None):
    # the right e rounded to one decimal (0.4 for 0.426): close to q / Q for some inputs, so told first
    return round(_eccentricity(q, Q), 1)


def _eccentricity_two_decimals(q, Q, name=None):
    return round(_eccentricity(q, Q), 2)


def _eccentricity_cut_off(q, Q, name=None):
    # the right e cut off after three decimals (0.425 for 0.4259) instead of rounded
    return np.floor(_eccentricity(q, Q) * 1000) / 1000


def _eccentricity_percent(q, Q, name=None):
    # e written as a percentage (42.6 for 0.426)
    return 100 * _eccentricity(q, Q)


def _e_over_Q(q, Q, name=None):
    q, Q = _q_Q(q, Q)
    return (Q - q) / Q


def _e_over_q(q, Q, name=None):
    q, Q = _q_Q(q, Q)
    return (Q - q) / q


def _Q_minus_q(q, Q, name=None):
    # "e is Q - q": a length, 2ae, not yet divided by 2a
    q, Q = _q_Q(q, Q)
    return (Q - q) * u.AU


def _Q_minus_q_plain(q, Q, name=None):
    # the same slip, written without its unit
    return _Q_minus_q(q, Q).to_value(u.AU)


def _q_over_Q(q, Q, name=None):
    q, Q = _q_Q(q, Q)
    return q / Q


# 02.3 · semi-major axis from a period ----------------------------------------------------------


def _a_from_period(T, name=None):
    from ..orbits import _semi_major_axis

    return _semi_major_axis(require(T, u.yr, "T", positive=True)).to(u.AU)


def _a_without_2pi(T, name=None):
    # a^3 = GM T^2, the 2 pi left out: (2 pi)^(2/3) times too large
    return _a_from_period(T) * (2 * np.pi) ** (2 / 3)


def _a_without_cube_root(T, name=None):
    # a^3 = T^2 in AU and years, the cube root not taken
    return require(T, u.yr, "T", positive=True).to_value(u.yr) ** 2 * u.AU


def _a_cut_off(T, name=None):
    # the right a cut off after two significant figures (3.2 AU for 3.284 AU) instead of rounded to three
    return _cut_two_figures(_a_from_period(T))


def _a_exponent_3_2(T, name=None):
    # a = T^(3/2) instead of T^(2/3), in AU and years
    return require(T, u.yr, "T", positive=True).to_value(u.yr) ** 1.5 * u.AU


# 02.4 · Newton step ------------------------------------------------------------------------


def _radians(value, name):
    """A plain number (radians) or an angle Quantity, as a float in radians."""
    if isinstance(value, u.Quantity):
        return float(require(value, u.rad, name).to_value(u.rad))
    return float(require(value, u.one, name).to_value(u.one))


def _step(M, e, E0, sign=-1.0, slope_sign=-1.0, with_M=True):
    M_r, E_r, ecc = _radians(M, "M"), _radians(E0, "E0"), _ecc(e)
    f = E_r - ecc * np.sin(E_r) - (M_r if with_M else 0.0)
    return E_r + sign * f / (1 + slope_sign * ecc * np.cos(E_r))


def _newton_step(M, e, E0):
    # a plain number, in radians, like the inputs the notebook hands over
    return _step(M, e, E0)


def _steps_count(steps):
    if isinstance(steps, bool) or not isinstance(steps, (int, np.integer)) or steps < 1:
        raise ValueError(f"steps must be a whole number of Newton steps, 1 or more; got {steps!r}.")
    return int(steps)


def _newton_steps(M, e, E0, steps):
    """E after exactly ``steps`` Newton steps from the first guess E0 (a plain number, in radians)."""
    E = _newton_step(M, e, E0)
    for _ in range(_steps_count(steps) - 1):
        E = _step(M, e, E)
    return E


def _newton_steps_rounded(M, e, E0, steps):
    """The right E rounded to four decimals (1.7807 or 1.78 instead of six decimals): a "close" hint."""
    return round(float(_newton_steps(M, e, E0, steps)), 4)


def _newton_steps_cut_off(M, e, E0, steps):
    """The right E cut off after six decimals (1.780672 for 1.7806726) instead of rounded."""
    return np.floor(float(_newton_steps(M, e, E0, steps)) * 1e6) / 1e6


def _one_step_fewer(M, e, E0, steps):
    # the first guess counted as a step, or the loop stopped one step early
    if _steps_count(steps) == 1:
        return _first_guess(M, e, E0)
    return _newton_steps(M, e, E0, steps - 1)


def _one_step_more(M, e, E0, steps):
    return _newton_steps(M, e, E0, _steps_count(steps) + 1)


def _newton_converged(M, e, E0, steps=None):
    # the root itself (what a loop to the tolerance, or orbits.solve_kepler, returns)
    from ..orbits import solve_kepler

    _radians(E0, "E0")
    return float(solve_kepler(_radians(M, "M") * u.rad, _ecc(e)).to_value(u.rad))


def _first_guess(M, e, E0, steps=None):
    # the loop returned before its first step
    _radians(M, "M"), _ecc(e)
    return float(_radians(E0, "E0"))


def _newton_steps_without_M(M, e, E0, steps):
    # f(E) = E - e sin E, without - M
    E = _step(M, e, E0, with_M=False)
    for _ in range(_steps_count(steps) - 1):
        E = _step(M, e, E, with_M=False)
    return E


def _newton_steps_plus(M, e, E0, steps):
    # E + f / f' instead of E - f / f'
    E = _step(M, e, E0, sign=1.0)
    for _ in range(_steps_count(steps) - 1):
        E = _step(M, e, E, sign=1.0)
    return E


def _newton_steps_slope_plus(M, e, E0, steps):
    # f'(E) written 1 + e cos E
    E = _step(M, e, E0, slope_sign=1.0)
    for _ in range(_steps_count(steps) - 1):
        E = _step(M, e, E, slope_sign=1.0)
    return E


def _newton_steps_in_degrees(M, e, E0, steps):
    return float(np.degrees(_newton_steps(M, e, E0, steps)))


# 02.5 · Newton steps to the tolerance -----------------------------------------------------------


def _tolerance(tol):
    tol = float(require(tol, u.one, "tol", positive=True).to_value(u.one))
    if not tol < 1:
        raise ValueError(f"tol must be a small positive change in E (radians), below 1; got {tol!r}.")
    return tol


def _changes_to_tolerance(M, e, E0, tol):
    """The changes f(E) / f'(E) of the Newton steps from E0, up to the first one smaller than ``tol``."""
    M_r, E, ecc, tol = _radians(M, "M"), _radians(E0, "E0"), _ecc(e), _tolerance(tol)
    changes = [np.inf]
    while abs(changes[-1]) > tol:
        if len(changes) > 100:
            raise ValueError(f"Newton's method did not reach a change below {tol:g} in 100 steps.")
        changes.append((E - ecc * np.sin(E) - M_r) / (1 - ecc * np.cos(E)))
        E = E - changes[-1]
    return changes[1:]


def _last_change(M, e, E0, tol):
    """The size of the step that stops the loop: the first change in E smaller than ``tol`` (radians)."""
    return float(abs(_changes_to_tolerance(M, e, E0, tol)[-1]))


def _signed_last_change(M, e, E0, tol):
    # the last change taken as E_new - E_old, with its sign (negative when the step moved E down), not its size
    return float(-_changes_to_tolerance(M, e, E0, tol)[-1])


def _change_before_last(M, e, E0, tol):
    # the loop stopped one step early (the step before the last, still above the tolerance)
    changes = _changes_to_tolerance(M, e, E0, tol)
    if len(changes) < 2:
        raise ValueError("the loop stopped after its first step")
    return float(abs(changes[-2]))


def _last_change_one_figure(M, e, E0, tol):
    """The right size rounded to one significant figure (7e-5 for 6.53e-5): a "close" hint."""
    return float(f"{_last_change(M, e, E0, tol):.1g}")


def _last_change_cut_one_figure(M, e, E0, tol):
    """The right size cut off after one significant figure (6e-5 for 6.53e-5): a "close" hint too."""
    size = _last_change(M, e, E0, tol)
    scale = 10.0 ** np.floor(np.log10(size))
    return float(np.floor(size / scale) * scale)


def _root_after_loop(M, e, E0, tol):
    # E itself after the loop (the root), handed in for the size of the last change
    _tolerance(tol)
    return _newton_converged(M, e, E0)


def _change_after_last(M, e, E0, tol):
    # the loop ran one step too many (or to a much smaller tolerance)
    M_r, ecc = _radians(M, "M"), _ecc(e)
    E = _radians(E0, "E0") - sum(_changes_to_tolerance(M, e, E0, tol))
    return float(abs((E - ecc * np.sin(E) - M_r) / (1 - ecc * np.cos(E))))


def _step_count(M, e, E0, tol):
    # the number of steps the loop took, printed next to the change, given in its place
    return float(len(_changes_to_tolerance(M, e, E0, tol)))


def _loop_without_abs(M, e, E0, tol):
    # a loop written `while change > tol` (no abs): it stops at the first change that is negative or small
    M_r, E, ecc, tol = _radians(M, "M"), _radians(E0, "E0"), _ecc(e), _tolerance(tol)
    change = np.inf
    for _ in range(100):
        if not change > tol:
            break
        change = (E - ecc * np.sin(E) - M_r) / (1 - ecc * np.cos(E))
        E = E - change
    return float(abs(change))


def _residual_after_loop(M, e, E0, tol):
    # |f(E)| = |E - e sin E - M| after the loop: how far E is from solving the equation, not the last change
    M_r, ecc = _radians(M, "M"), _ecc(e)
    E = _radians(E0, "E0") - sum(_changes_to_tolerance(M, e, E0, tol))
    return float(abs(E - ecc * np.sin(E) - M_r))


# 02.9 · speed ratio -----------------------------------------------------------------------


def _speed_ratio(e):
    from ..orbits import _vis_viva_speed

    ecc = _ecc(e)
    a = 1 * u.AU  # the ratio does not depend on a: check with any value
    return (_vis_viva_speed(a * (1 - ecc), a) / _vis_viva_speed(a * (1 + ecc), a)).to(u.one)


def _speed_ratio_whole(e):
    """The right ratio rounded to a whole number (3 for 3.28): a "close" hint."""
    return float(np.round(_speed_ratio(e).to_value(u.one)))


def _speed_ratio_inverted(e):
    return 1 / _speed_ratio(e)


def _speed_ratio_square_root(e):
    return np.sqrt(_speed_ratio(e))


def _speed_ratio_squared(e):
    return _speed_ratio(e) ** 2


# 02.7 · speed at perihelion ------------------------------------------------------------------------


def _q_and_a(a, e):
    a = require(a, u.AU, "the semi-major axis a", positive=True)
    return a * (1 - _ecc(e)), a


def _perihelion_speed(a, e, name=None):
    from ..orbits import _vis_viva_speed

    return _vis_viva_speed(*_q_and_a(a, e)).to(u.km / u.s)


def _circular_speed_at_q(a, e, name=None):
    from ..orbits import circular_speed

    return circular_speed(_q_and_a(a, e)[0]).to(u.km / u.s)


def _circular_speed_at_a(a, e, name=None):
    from ..orbits import circular_speed

    return circular_speed(_q_and_a(a, e)[1]).to(u.km / u.s)


def _aphelion_speed(a, e, name=None):
    from ..orbits import _vis_viva_speed

    a = require(a, u.AU, "the semi-major axis a", positive=True)
    return _vis_viva_speed(a * (1 + _ecc(e)), a).to(u.km / u.s)


def _perihelion_speed_squared(a, e, name=None):
    return _perihelion_speed(a, e) ** 2


def _escape_speed_at_q(a, e, name=None):
    return _circular_speed_at_q(a, e) * np.sqrt(2)


# 02.6 · two-body minus JPL ---------------------------------------------------------------------------


def _two_body_and_jpl(name, years):
    """The two-body position of a catalogue asteroid ``years`` after its epoch, JPL's, and the date."""
    from ..ephemeris import BODIES

    if not isinstance(name, str) or name.lower() not in BODIES:
        raise ValueError(f"name must be an asteroid the ephemeris covers ('Ceres' or 'Vesta'); got {name!r}.")
    dt = require(years, u.yr, "years", scalar=True)
    # one computation per (body, time): a check asks for it once for the answer and once per listed mistake
    return _two_body_and_jpl_at(name.lower(), float(dt.to_value(u.yr)))


@functools.lru_cache(maxsize=32)
def _two_body_and_jpl_at(body, years):
    from ..data import load_catalogue
    from ..ephemeris import heliocentric_position
    from ..orbits import elements_from_catalogue, propagate

    cat = load_catalogue()
    rows = cat[[str(n).lower() == body for n in cat["name"]]]
    if len(rows) != 1:
        raise ValueError(f"name must be one asteroid of the catalogue; {body!r} matches {len(rows)} rows.")
    elements = elements_from_catalogue(rows[0])
    t = elements["epoch"] + years * u.yr
    return propagate(elements, t), heliocentric_position(body, t), t


def _two_body_error(name, years):
    model, jpl, _ = _two_body_and_jpl(name, years)
    return np.sqrt(((model - jpl) ** 2).sum()).to(u.km)


def _two_body_along(name, years):
    """The part of (two-body minus JPL) along JPL's direction of motion: + ahead, - behind."""
    from ..ephemeris import heliocentric_velocity

    model, jpl, t = _two_body_and_jpl(name, years)
    v = heliocentric_velocity(name.lower(), t)
    return (((model - jpl) * v).sum() / np.sqrt((v**2).sum())).to(u.km)


def _two_body_along_cut_one_figure(name, years):
    """The right offset cut off after one significant figure, towards zero (-0.4 million km for -0.45)."""
    value = _two_body_along(name, years)
    step = 10.0 ** np.floor(np.log10(abs(value.value)))
    return np.trunc(value.value / step) * step * value.unit


def _two_body_along_reversed(name, years):
    return -_two_body_along(name, years)


def _two_body_cosine(name, years):
    """d·v / (|d| |v|): the projection divided by the length of the difference, a plain number."""
    return (_two_body_along(name, years) / _two_body_error(name, years)).to(u.one)


def _two_body_dot_only(name, years):
    """d·v without the division by |v|: a length times a speed."""
    from ..ephemeris import heliocentric_velocity

    model, jpl, t = _two_body_and_jpl(name, years)
    return ((model - jpl) * heliocentric_velocity(name.lower(), t)).sum().to(u.km**2 / u.s)


def _two_body_radial(name, years):
    model, jpl, _ = _two_body_and_jpl(name, years)
    return abs(np.sqrt((model**2).sum()) - np.sqrt((jpl**2).sum())).to(u.km)


def _two_body_days(name, years):
    # years read as days: the date a few days after the epoch
    return _two_body_along(name, require(years, u.yr, "years").to_value(u.yr) * u.day)


def _two_body_365_day_years(name, years):
    # the offset typed as years of 365 days (6 * 365 * u.day) instead of astropy's 365.25-day years
    return _two_body_along(name, require(years, u.yr, "years").to_value(u.yr) * 365 * u.day)


# 02.10 · Jupiter's pull on Ceres -------------------------------------------------------------------


def _pull_vectors(date):
    """Ceres' and Jupiter's heliocentric positions on ``date``."""
    from ..ephemeris import heliocentric_position

    date = _time(date, "date")  # a one-line message for text that is not a date
    return heliocentric_position("ceres", date), heliocentric_position("jupiter", date)


def _length(v):
    return np.sqrt((v**2).sum())


def _jupiter_pull(date):
    """Jupiter's pull on Ceres as a fraction of the Sun's: (GM_jup / d²) / (GM_sun / r²)."""
    from astropy.constants import GM_jup, GM_sun

    r_c, r_j = _pull_vectors(date)
    return ((GM_jup / _length(r_j - r_c) ** 2) / (GM_sun / _length(r_c) ** 2)).to_value(u.one)


def _jupiter_pull_sun_distance(date):
    # Jupiter's distance from the Sun used instead of its distance from Ceres
    from astropy.constants import GM_jup, GM_sun

    r_c, r_j = _pull_vectors(date)
    return ((GM_jup / _length(r_j) ** 2) / (GM_sun / _length(r_c) ** 2)).to_value(u.one)


def _jupiter_pull_inverted(date):
    return 1 / _jupiter_pull(date)


def _jupiter_pull_unsquared(date):
    from astropy.constants import GM_jup, GM_sun

    r_c, r_j = _pull_vectors(date)
    return ((GM_jup / _length(r_j - r_c)) / (GM_sun / _length(r_c))).to_value(u.one)


def _jupiter_pull_two_figures(date):
    """The right ratio rounded to two significant figures (1.3e-4 for 1.34e-4): a "close" hint."""
    value = _jupiter_pull(date)
    return float(f"{value:.1e}")


def _jupiter_pull_percent(date):
    # the ratio written as a percentage
    return 100 * _jupiter_pull(date)


@functools.cache
def _jupiter_pull_2000_2030():
    """Smallest and largest of Jupiter's pull on Ceres (fraction of the Sun's), every 5 days over 2000-2030."""
    from astropy.time import Time

    start, end = Time("2000-01-02", scale="tdb").mjd, Time("2030-12-30", scale="tdb").mjd
    ratio = _jupiter_pull_span(Time(np.arange(start, end, 5.0), format="mjd", scale="tdb"))
    return float(ratio.min()), float(ratio.max())


def _jupiter_pull_span(dates):
    from astropy.constants import GM_jup, GM_sun

    r_c, r_j = _pull_vectors(dates)
    d, r = np.sqrt(((r_j - r_c) ** 2).sum(axis=0)), np.sqrt((r_c**2).sum(axis=0))
    return ((GM_jup / d**2) / (GM_sun / r**2)).to_value(u.one)


def _jupiter_pull_smallest(date):
    # the smallest value over 2000-2030, printed after the exercise, pasted in place of date_10's
    return _jupiter_pull_2000_2030()[0]


def _jupiter_pull_largest(date):
    # the largest value over 2000-2030, printed after the exercise
    return _jupiter_pull_2000_2030()[1]


def _mass_ratio_only(date):
    from astropy.constants import GM_jup, GM_sun

    return (GM_jup / GM_sun).to_value(u.one)


# 02.11 · from Vesta on one date to Ceres on another ----------------------------------------------


def _time(date, name):
    from astropy.time import Time

    if isinstance(date, Time):
        return date
    try:
        return Time(date)
    except (TypeError, ValueError) as error:
        raise ValueError(f"{name} must be an astropy Time or a date such as '2012-09-05'; got {date!r}.") from error


def _arrival(arrival):
    from ..facts import fact

    return fact("dawn.ceres_arrival") if arrival is None else _time(arrival, "arrival")


def _places(date, arrival=None, body_1="vesta", body_2="ceres"):
    """body_1's heliocentric position on ``date`` and body_2's on ``arrival``."""
    from ..ephemeris import heliocentric_position

    return heliocentric_position(body_1, _time(date, "date")), heliocentric_position(body_2, _arrival(arrival))


def _norm(r):
    return np.sqrt((r**2).sum()).to(u.AU)


def _straight_leg(date, arrival=None, body_1="vesta", body_2="ceres"):
    r1, r2 = _places(date, arrival, body_1, body_2)
    return _norm(r2 - r1)


def _same_day_at_departure(date, arrival=None, body_1="vesta", body_2="ceres"):
    from ..ephemeris import heliocentric_position

    date = _time(date, "date")
    return _norm(heliocentric_position(body_2, date) - heliocentric_position(body_1, date))


def _same_day_at_arrival(date, arrival=None, body_1="vesta", body_2="ceres"):
    return _same_day_at_departure(_arrival(arrival), None, body_1, body_2)


def _dates_swapped(date, arrival=None, body_1="vesta", body_2="ceres"):
    return _straight_leg(_arrival(arrival), date, body_1, body_2)


def _difference_of_distances(date, arrival=None, body_1="vesta", body_2="ceres"):
    r1, r2 = _places(date, arrival, body_1, body_2)
    return abs(_norm(r2) - _norm(r1))


def _sum_of_distances(date, arrival=None, body_1="vesta", body_2="ceres"):
    r1, r2 = _places(date, arrival, body_1, body_2)
    return _norm(r2) + _norm(r1)


_ROUNDED = "You are close: you may have rounded too much"  # the shared check's words for a rounded answer


class _RoundingOnly(Exercise):
    """Exercises 1, 3, 10 and 11: an answer close to the right one only because it was rounded too much gets the
    rounding message alone; the method hint would suggest a wrong method to a student whose method is right."""

    _keep = "three significant figures"  # the precision the notebook asks for

    def check(self, answer, **inputs):
        result = super().check(answer, **inputs)
        if result.status == INCORRECT and _ROUNDED in result.message:
            return CheckResult(
                INCORRECT,
                f"That is not right, but it is close: you rounded too much, so keep {self._keep}.",
                result.name,
            )
        return result


class _PerihelionSpeedExercise(Exercise):
    """Exercise 7: an answer that is not a speed is told what it is and how vis-viva gives a speed, in the
    words of this exercise (the shared "one step is missing" advice would send a length to "divide by a time",
    and name km²/s after diffusion)."""

    def check(self, answer, **inputs):
        title, _, decided = self._begin(answer, inputs)  # no answer yet, or inputs that cannot be used
        if decided is not None:
            return decided
        unit = getattr(answer, "unit", None)
        if isinstance(unit, u.UnitBase) and unit.physical_type not in ("speed", "dimensionless"):
            if unit.physical_type == "length":
                text = (
                    f"Your answer is a length (in {unit}), such as the distance q, not a speed. Put r = q into "
                    "vis-viva, v^2 = GM_sun (2/r - 1/a), and take the square root."
                )
            elif unit.is_equivalent((u.km / u.s) ** 2):
                text = None  # v squared: the mistake's own hint says to take the square root
            elif unit.is_equivalent(u.km**2 / u.s):
                text = (
                    f"Your answer is in {unit}, not a speed: GM_sun was multiplied by a length where vis-viva "
                    "divides it, v^2 = GM_sun (2/r - 1/a). Check the 1/r and 1/a terms."
                )
            else:
                text = (
                    f"Your answer is in {unit}, not a speed. Vis-viva, v^2 = GM_sun (2/r - 1/a), divides GM_sun "
                    "(in km^3/s^2) by a length, which leaves a speed squared; its square root is the speed. Check "
                    "the unit of each term."
                )
            if text:
                return CheckResult(INVALID, text, title)
        if isinstance(unit, u.UnitBase) and unit.physical_type == "speed" and unit != u.km / u.s:
            try:  # the right number in km/s, written with another speed unit (33.1 km/h for 33.1 km/s)
                right = float(self.expected(**inputs).to_value(u.km / u.s))
                fits = np.isclose(float(answer.value), right, rtol=self.rtol)
            except Exception:  # the check below explains inputs or answers it cannot use
                fits = False
            if fits:
                return CheckResult(
                    INCORRECT,
                    f"Your number fits the speed in km/s, but you gave it in {unit}. Write it with u.km / u.s, "
                    "or convert your speed with .to(u.km / u.s) instead of typing a unit.",
                    title,
                )
        return super().check(answer, **inputs)


class _DatedExercise(_RoundingOnly):
    """An exercise whose ``date`` input may also be text such as '2015-03-06': the title shows the day."""

    def title_for(self, **inputs):
        if "date" in inputs:
            try:
                inputs = {**inputs, "date": _time(inputs["date"], "date")}
            except Exception:  # the check itself explains a date it cannot read
                pass
        return super().title_for(**inputs)


class _AlongExercise(RoundedTooFar):
    """Exercise 6: an answer that is still the difference vector is asked for its part along the motion (the
    shared "take its length" advice would lead to the whole distance, a wrong answer here). The notebook asks
    for two significant figures: one figure, rounded or cut off (-0.5 or -0.4 million km for -0.45), is told
    it was rounded too much, not sent to another method."""

    def check(self, answer, **inputs):
        if np.size(getattr(answer, "value", answer)) == 3 and not isinstance(answer, str):
            return CheckResult(
                INVALID,
                "Your answer holds 3 values: the difference vector d itself. This exercise wants one number, "
                "its part along JPL's velocity v, with a sign: (d * v).sum() / length(v).",
                self.title_for(**inputs),
            )
        unit = getattr(answer, "unit", None)
        if isinstance(unit, u.UnitBase) and unit.physical_type == "speed":
            # d·v / |d| (divided by the wrong length) or |v| itself: "multiply by a time" would lead nowhere
            return CheckResult(
                INVALID,
                f"Your answer is a speed (in {unit}), but the offset along the motion is a length. d·v is a "
                "length times a speed: divide it by the length of the velocity, |v| = length(v), not by the "
                "length of the difference |d|.",
                self.title_for(**inputs),
            )
        result = super().check(answer, **inputs)
        if result.status == INCORRECT and ("you rounded too much" in result.message or _ROUNDED in result.message):
            # a right method, rounded: the method hint would send the student away from it
            return CheckResult(
                INCORRECT,
                f"That is not right, but it is close: you rounded too much, so keep {self.keep}.",
                result.name,
            )
        return result


class _EccentricityExercise(Exercise):
    """Exercise 2: a length without a hint of its own (a e, or a) is told that e has no unit."""

    def check(self, answer, **inputs):
        result = super().check(answer, **inputs)  # a length with its own hint (Q - q) keeps that hint
        unit = getattr(answer, "unit", None)
        if result.status == INVALID and isinstance(unit, u.UnitBase) and unit.physical_type == "length":
            return CheckResult(
                INVALID,
                f"Your answer is a length (in {unit}), but e has no unit. a e and Q - q = 2ae are lengths: "
                "divide by another length made from q and Q, so that the units cancel.",
                result.name,
            )
        try:  # a plain number of 1 or more, with no hint of its own (Q / q, say), is not an ellipse's e
            value = float(answer.to_value(u.one)) if isinstance(answer, u.Quantity) else float(answer)
        except (TypeError, ValueError, u.UnitsError):
            value = None
        if result.status == INCORRECT and value is not None and value >= 1 and result.message.endswith(self.hint):
            return CheckResult(
                INCORRECT,
                f"That is not right. An ellipse has e below 1 (e = 0 is a circle). Hint: {self.hint}",
                result.name,
            )
        return result


class _RadiansExercise(Exercise):
    """Exercises 4 and 5: an angle in degrees (or another angle unit) is asked for in radians, the unit the
    plain-number inputs use, with the conversion to write."""

    def check(self, answer, **inputs):
        unit = getattr(answer, "unit", None)
        if isinstance(unit, u.UnitBase) and unit.physical_type == "angle" and unit != u.rad:
            return CheckResult(
                INVALID,
                f"Your answer is in {unit}; this exercise works in radians, as a plain number. "
                "Convert it with .to_value(u.rad).",
                self.title_for(**inputs),
            )
        return super().check(answer, **inputs)


class _NewtonStepsExercise(_RoundingOnly, _RadiansExercise):
    """Exercise 4: an angle unit is asked for in radians; a rounded E gets the rounding message alone."""

    _keep = "E to six decimals"


# a right value cut (not rounded) after two significant figures: told to round to three, not sent to redo the method
_CUT_OFF_HINT = (
    "Close: that looks cut off after two significant figures. Keep three significant figures, rounded, not cut off."
)

_EXERCISES = {
    "02.1": _RoundingOnly(
        title="Exercise 1 · how far from the Sun does {name} get?",
        solve=_aphelion,
        defaults={"name": "the asteroid"},
        rtol=0.005,
        hint="Which of q and Q is the farthest point from the Sun? Use its formula from the list of orbit numbers.",
        mistakes=(
            Mistake(
                _perihelion,
                "That is the perihelion, the closest point, a(1 - e). The question asks for the farthest point.",
            ),
            Mistake(
                _a_times_e,
                "a e is the distance from the ellipse's centre to the Sun (the focus). "
                "The farthest point is one semi-major axis beyond the centre, on the far side.",
            ),
            Mistake(_a_alone, "a is the average of the closest and farthest distances; the farthest is larger by a e."),
            Mistake(
                _major_axis,
                "2a is the major axis, the whole length of the ellipse from end to end. The Sun "
                "sits at a focus, not at one end: measure from the Sun.",
            ),
            Mistake(
                _twice_aphelion,
                "The aphelion distance Q is measured from the Sun, at the focus, to the farthest point of the "
                "ellipse: a single distance, Q = a(1 + e).",
            ),
            Mistake(  # last: a likely slip that lands on the same value keeps its own hint
                _aphelion_cut_off,
                _CUT_OFF_HINT,
                rtol=1e-9,
            ),
        ),
    ),
    "02.2": _EccentricityExercise(
        title="Exercise 2 · how stretched is the orbit of {name}?",
        solve=_eccentricity,
        defaults={"name": "the asteroid"},
        rtol=0,
        atol=6e-4,  # three decimals, as the notebook asks: half a unit of the third decimal, plus a margin
        hint="Write q = a(1 - e) and Q = a(1 + e). What are q + Q and Q - q in terms of a and e?",
        mistakes=(
            Mistake(
                _eccentricity_one_decimal,
                "One decimal is too few to judge here (it also fits a common slip, q / Q): give e to three decimals.",
                rtol=1e-9,
            ),
            Mistake(_eccentricity_two_decimals, "Close, but give e to three decimals.", rtol=1e-9),
            Mistake(
                _eccentricity_cut_off,
                "Close: that looks cut off after the third decimal. Round e to three decimals instead, for "
                "example with round(e, 3).",
                rtol=1e-9,
            ),
            Mistake(
                _Q_minus_q,
                "Q - q = 2ae is a length, not yet the eccentricity: divide it by 2a, which is Q + q.",
            ),
            Mistake(
                _e_over_Q,
                "Q - q is 2ae, twice a times e. To get e alone, divide by 2a, which is q + Q, not by Q.",
            ),
            Mistake(
                _e_over_q,
                "Q - q is 2ae, twice a times e. To get e alone, divide by 2a, which is q + Q, not by q.",
            ),
            Mistake(  # after (Q - q) / q, which gives the same number when q is 1 AU
                _Q_minus_q_plain,
                "Q - q = 2ae is a length, not yet the eccentricity: divide it by 2a, which is Q + q.",
            ),
            Mistake(
                _eccentricity_percent,
                "That looks like e as a percentage. e is a plain fraction of 1 (0 for a circle): give it without "
                "multiplying by 100.",
                rtol=0.005,
            ),
            Mistake(
                _q_over_Q,
                "q / Q compares the closest and farthest distances, (1 - e) / (1 + e): it is 1 for a circle, "
                "where e is 0. Solve the two definitions for e instead.",
            ),
        ),
    ),
    "02.3": _RoundingOnly(
        title="Exercise 3 · how big is the orbit of {name}?",
        solve=_a_from_period,
        defaults={"name": "the asteroid"},
        rtol=0.004,  # three significant figures, as the notebook asks: 3.3 AU for 3.28 AU is told it is close
        hint="Square both sides of Kepler's third law, T = 2 pi sqrt(a^3 / GM_sun), and isolate a^3 (keep the "
        "2 pi); then take the cube root (np.cbrt). Keep the units and convert to AU at the end.",
        mistakes=(
            Mistake(
                _a_without_2pi,
                "You are missing the factor 2 pi: sqrt(a^3 / GM) is the time to sweep one radian, not a whole "
                "turn. Keep the 2 pi when you square T = 2 pi sqrt(a^3 / GM_sun).",
            ),
            Mistake(_a_without_cube_root, "That is a cubed (T squared, in years): take its cube root."),
            Mistake(_a_exponent_3_2, "a grows like T to the power 2/3, not 3/2: T squared is a cubed."),
            Mistake(  # last: a likely slip that lands on the same value keeps its own hint
                _a_cut_off,
                _CUT_OFF_HINT,
                rtol=1e-9,
            ),
        ),
    ),
    "02.4": _NewtonStepsExercise(
        title="Exercise 4 · E after {steps} Newton steps from E0 = {E0} at e = {e}",
        solve=_newton_steps,
        rtol=0,
        atol=6e-7,  # six decimals, as the notebook asks: half a unit of the sixth decimal, plus a margin
        hint="Start from E = E0 and apply E = E - f(E) / f'(E), with f(E) = E - e sin E - M and "
        "f'(E) = 1 - e cos E, exactly that many times (a loop over range(steps)); the inputs are plain "
        "numbers in radians.",
        mistakes=(
            Mistake(
                _newton_converged,
                "That is the converged root, what orbits.solve_kepler or a loop to the tolerance returns. "
                "This exercise asks for E after exactly the given number of Newton steps: stop there.",
            ),
            Mistake(
                _first_guess,
                "That is your first guess E0, before any step. Apply the Newton step to it, then again to "
                "the new E, as many times as asked.",
            ),
            Mistake(
                _one_step_fewer,
                "Check how you count steps: the first guess E0 is step 0, and each update E = E - f / f' "
                "is one step. Apply exactly the number of updates asked for.",
            ),
            Mistake(
                _one_step_more,
                "Check how you count steps: the first guess E0 is step 0, and each update E = E - f / f' "
                "is one step. Apply exactly the number of updates asked for.",
            ),
            Mistake(_newton_steps_without_M, "f(E) = E - e sin E - M: did you forget to subtract M?"),
            Mistake(
                _newton_steps_plus,
                "Newton's step subtracts f / f': E_new = E - f(E) / f'(E). You added it.",
            ),
            Mistake(
                _newton_steps_slope_plus,
                "The slope of f(E) = E - e sin E - M is f'(E) = 1 - e cos E (the derivative of sin is cos, "
                "with the minus sign kept).",
            ),
            Mistake(
                _newton_steps_in_degrees,
                "That looks like E in degrees. The exercise works in radians: give the "
                "plain number your loop returns, without converting it.",
            ),
            Mistake(
                _newton_steps_cut_off,
                "Close: that looks cut off after the sixth decimal. Round E to six decimals instead, for "
                "example with round(E, 6).",
                rtol=1e-12,
            ),
            Mistake(
                _newton_steps_rounded,
                "Close, but not to the sixth decimal: check your last digits, and give E to six decimals.",
                rtol=4e-4,  # two to four decimals of a value near 1 to 3 rad
            ),
        ),
    ),
    "02.5": _RadiansExercise(
        title="Exercise 5 · the step that stops Newton's method from E0 = {E0} at e = {e}, tolerance {tol} rad",
        solve=_last_change,
        rtol=0.01,
        hint="Loop the Newton step from E0: compute the change f(E) / f'(E), update E = E - change, and stop "
        "after the first step whose change is smaller in size than the tolerance. Give the size of that change.",
        mistakes=(
            Mistake(
                _signed_last_change,
                "That is the last change with its sign. The exercise asks for its size: give abs(change).",
            ),
            Mistake(
                _change_before_last,
                "That change is still above the tolerance: your loop stopped one step early. Stop after the "
                "first step whose change is below the tolerance, and give that change.",
                rtol=0.1,  # also a rounded value (0.012); the three changes differ by orders of magnitude
            ),
            Mistake(
                _last_change_one_figure,
                "Close, but one significant figure is too few here: keep two.",
                rtol=1e-9,
            ),
            Mistake(
                _last_change_cut_one_figure,
                "Close, but one significant figure is too few here: keep two.",
                rtol=1e-9,
            ),
            Mistake(
                _root_after_loop,
                "That is E itself, where the loop ends. The exercise asks for the size of the last change, "
                "abs(change): how far the last step moved E.",
                rtol=1e-4,
            ),
            Mistake(
                _loop_without_abs,
                "Your loop stopped after a step that moved E down (a negative change is never above the "
                "tolerance): compare the size, abs(change), with tol_5 in the while condition.",
            ),
            Mistake(
                _residual_after_loop,
                "That is f(E) = E - e sin E - M after the loop, how far E is from solving the equation. The "
                "exercise asks for the size of the last change f(E) / f'(E), the step that stopped the loop.",
                rtol=0.005,  # f(E) and the next change differ by f'(E), a few per cent; 1.9e-9 could be either
            ),
            Mistake(
                _change_after_last,
                "That change is far below the tolerance: your loop ran one step too many. Stop after the first "
                "step whose change is below the tolerance, and give that change.",
                rtol=0.1,
            ),
            Mistake(
                _step_count,
                "That looks like the number of steps your loop took. Print it, and give the size of the last "
                "change instead: abs(change) after the loop.",
                rtol=0,
            ),
        ),
    ),
    "02.9": Exercise(
        title="Exercise 9 · perihelion-to-aphelion speed ratio at e = {e:.3f}",
        solve=_speed_ratio,
        rtol=0.01,
        hint="Use vis-viva at r = q = a(1 - e) and at r = Q = a(1 + e), then divide; a cancels.",
        mistakes=(
            Mistake(
                _speed_ratio_inverted,
                "That is aphelion over perihelion. The question asks how many times "
                "faster the asteroid is at perihelion: perihelion speed on top.",
            ),
            Mistake(
                _speed_ratio_square_root,
                "That is the ratio of the circular speeds sqrt(GM/r) at q and Q, "
                "not of the orbit's speeds there. Vis-viva gives v^2 = "
                "GM(2/r - 1/a): use it at r = q and r = Q, take each square root, "
                "then divide.",
            ),
            Mistake(_speed_ratio_squared, "That is the ratio of the squared speeds: take its square root."),
            Mistake(_speed_ratio_whole, "Close, but give the ratio to about three significant figures.", rtol=1e-9),
        ),
    ),
    "02.7": _PerihelionSpeedExercise(
        title="Exercise 7 · how fast is {name} at perihelion?",
        solve=_perihelion_speed,
        defaults={"name": "the asteroid"},
        rtol=0.01,
        hint="Vis-viva at the closest point: v^2 = GM_sun (2/r - 1/a) with r = q = a(1 - e). Keep the units "
        "and convert the speed to km/s.",
        mistakes=(
            Mistake(
                _circular_speed_at_q,
                "That is the circular speed sqrt(GM/r) at the perihelion distance. "
                "On an ellipse the body passes perihelion faster than a circular "
                "orbit there would: use vis-viva, v^2 = GM(2/r - 1/a).",
            ),
            Mistake(
                _circular_speed_at_a,
                "That is the circular speed at r = a, the orbit's average size. "
                "At perihelion r is the closest distance, q = a(1 - e).",
            ),
            Mistake(
                _aphelion_speed,
                "That is the speed at aphelion, the farthest point, r = a(1 + e). "
                "Perihelion is the closest point, r = a(1 - e).",
            ),
            Mistake(_perihelion_speed_squared, "That is v squared: take the square root."),
            Mistake(
                _escape_speed_at_q,
                "That is the escape speed at q, sqrt(2GM/r), the speed of an orbit with "
                "no end (1/a = 0). Keep the -1/a term of vis-viva.",
            ),
        ),
    ),
    "02.6": _AlongExercise(
        title="Exercise 6 · how far ahead of or behind JPL's {name} is the two-body one, {years} after the epoch?",
        solve=_two_body_along,
        rtol=0.012,  # two significant figures, as the notebook asks
        figures=1,
        band=0.15,
        keep="two significant figures",
        hint="Take the difference vector d (two-body minus JPL) and JPL's velocity v for the same date, then "
        "d·v / |v|: (d * v).sum() / length(v). Positive means the two-body asteroid is ahead.",
        mistakes=(
            Mistake(
                _two_body_along_cut_one_figure,
                "Close, but that looks cut off after one figure: keep two significant figures.",
                rtol=1e-9,
            ),
            Mistake(
                _two_body_error,
                "That is the whole distance between the two positions. The question asks for its part along "
                "the direction of motion, with a sign: project the difference on JPL's velocity, d·v / |v|.",
            ),
            Mistake(
                _two_body_cosine,
                "That is a plain number, the cosine of the angle between d and v: you divided by |d| too. "
                "The answer is a length, d·v / |v|: divide by the length of the velocity only.",
            ),
            Mistake(
                _two_body_dot_only,
                "That is d·v, a length times a speed. Divide it by a speed, the length of the velocity |v|, "
                "to get the length along the direction of motion.",
            ),
            Mistake(
                _two_body_along_reversed,
                "Check which position you subtract from which: the difference is two-body minus JPL, so that "
                "+ means the two-body asteroid runs ahead.",
            ),
            Mistake(
                _two_body_radial,
                "That is about the difference of the two distances from the Sun, the part of the difference "
                "towards the Sun. The question asks for the part along the direction of motion: project the "
                "difference vector on the velocity, d·v / |v|.",
            ),
            Mistake(
                _two_body_days,
                "That is the difference a few days after the epoch: the offset is in years "
                "(multiply by u.yr, not u.day).",
            ),
            Mistake(
                _two_body_365_day_years,
                "Close. If you wrote the years as days (years times 365 days), the date is a few days off: a year "
                "is 365.25 days in astropy. Use the given offset as it is: epoch + years_6.",
            ),
        ),
    ),
    "02.10": _DatedExercise(
        title="Exercise 10 · how hard does Jupiter pull on Ceres on {date.iso:.10}?",
        solve=_jupiter_pull,
        rtol=0.01,
        hint="Divide Jupiter's acceleration of Ceres, GM_jup / d² (d: the Jupiter-Ceres distance), by the Sun's, "
        "GM_sun / r² (r: Ceres' distance from the Sun), both on the same date.",
        mistakes=(
            Mistake(
                _jupiter_pull_sun_distance,
                "That uses Jupiter's distance from the Sun. Jupiter pulls on Ceres across the Jupiter-Ceres "
                "distance: the length of Jupiter's position minus Ceres' position.",
            ),
            Mistake(
                _jupiter_pull_inverted,
                "That is the Sun's pull as a multiple of Jupiter's. Put Jupiter's pull on top: the answer is a "
                "small fraction.",
            ),
            Mistake(
                _jupiter_pull_unsquared,
                "Gravity falls off with the square of the distance: divide each GM by its distance squared.",
            ),
            Mistake(
                _jupiter_pull_percent,
                "The question asks for a plain ratio, Jupiter's pull divided by the Sun's, not a percentage: "
                "give the quotient itself.",
            ),
            Mistake(
                _mass_ratio_only,
                "That is only the ratio of the two masses (GM_jup / GM_sun). The pulls also depend on the two "
                "distances: divide each GM by its distance squared.",
            ),
            Mistake(
                _jupiter_pull_two_figures,
                "Close, but two significant figures are too few here: keep three.",
                rtol=1e-9,
            ),
            Mistake(
                _jupiter_pull_largest,
                "That is the largest value over 2000-2030. The question asks for one day: compute the pull on date_10.",
                rtol=0.05,
            ),
            Mistake(
                _jupiter_pull_smallest,
                "That is the smallest value over 2000-2030. The question asks for one day: "
                "compute the pull on date_10.",
                rtol=0.05,
            ),
        ),
    ),
    "02.11": _DatedExercise(
        title="Exercise 11 · from Vesta on {date.iso:.10} to Ceres on Dawn's arrival, in a straight line",
        solve=_straight_leg,
        defaults={"arrival": None, "body_1": "vesta", "body_2": "ceres"},
        rtol=0.005,
        hint="Which body's position do you need on which date? A straight line between two points is the "
        "length of the difference of their position vectors.",
        mistakes=(
            Mistake(
                _same_day_at_departure,
                "That is how far apart the two were on the day Dawn left Vesta. Ceres moved on while Dawn "
                "travelled: take Ceres' position on `arrival`, the day Dawn got there.",
            ),
            Mistake(
                _same_day_at_arrival,
                "That is how far apart the two were on the day Dawn reached Ceres. Dawn left from where Vesta "
                "was on `departure`: take Vesta's position on that date.",
            ),
            Mistake(
                _dates_swapped,
                "The dates are swapped: Vesta's position on `departure` (where Dawn left from) and Ceres' on "
                "`arrival` (where Dawn got to).",
            ),
            Mistake(
                _difference_of_distances,
                "That is the difference of the two distances from the Sun. The two places are not on one line "
                "from the Sun: subtract the position vectors, then take the length.",
            ),
            Mistake(
                _sum_of_distances,
                "That would be the distance only if the two places were on opposite sides of the Sun. Subtract "
                "the position vectors, then take the length.",
            ),
        ),
    ),
}

#: Written questions, answered in words; model answers and rubrics are on the instructor page.
WRITTEN = {
    "02.8": "Exercise 8 · would a better average fix the model?",
}
