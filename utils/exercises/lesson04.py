"""Exercises of 04 · Dawn's journey."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import astropy.units as u
import numpy as np
from astropy.constants import G

from ..camera import _distance_for_pixel_scale, _pixels_across
from ..checks import CheckResult, Exercise, Mistake, RoundedTooFar
from ..mission import (
    _bulk_density,
    _distance_between,
    _ice_fraction,
    _light_time,
    _mass_from_orbit,
    _semi_major_axis_from_altitudes,
)
from ..orbits import period
from ..units import require

# ---------------------------------------------------------------- 04.1 how long did a phase last?


def _end_time(end_id=None, end=None):
    """The phase's last instant: read from the facts table by its id (or given as a Time)."""
    from astropy.time import Time

    from ..facts import fact

    if end is None:
        if not isinstance(end_id, str):
            raise ValueError(
                f"the input end_id must be a fact id in quotes, such as 'dawn.prime_mission_end'; got {end_id!r}"
            )
        end = fact(end_id.strip())
    if not isinstance(end, Time):
        raise ValueError(f"the fact {end_id!r} is not a date")
    return end


def _start_time(start):
    from astropy.time import Time

    if not isinstance(start, Time):
        raise ValueError(f"start must be an astropy Time, such as fact('dawn.ceres_arrival'); got {start!r:.60}")
    return start


def _phase_days(start, end_id=None, end=None, **_):
    start, end = _start_time(start), _end_time(end_id, end)
    if end < start:
        raise ValueError(f"the phase would end ({end.utc.iso[:10]}) before it starts ({start.utc.iso[:10]})")
    return (end - start).to(u.day)


def _days_labelled(unit):
    """The right number of days with another time unit attached (``481.5 * u.h``)."""

    def solve(start, end_id=None, end=None, **_):
        return _phase_days(start, end_id, end).to_value(u.day) * unit

    return solve


def _calendar_days(start, end_id=None, end=None, **_):
    from astropy.time import Time

    start, end = _start_time(start), _end_time(end_id, end)
    return (Time(end.utc.iso[:10], scale="utc") - Time(start.utc.iso[:10], scale="utc")).to(u.day)


def _from_launch(start, end_id=None, end=None, **_):
    from ..facts import fact

    launch = fact("dawn.launch")
    if abs((_start_time(start) - launch).to_value(u.day)) < 1:
        raise ValueError("the phase starts at launch")
    return (_end_time(end_id, end) - launch).to(u.day)


def _to_end_of_mission(start, end_id=None, end=None, **_):
    from ..facts import fact

    last = fact("dawn.end_of_mission")
    if abs((_end_time(end_id, end) - last).to_value(u.day)) < 1:
        raise ValueError("the phase ends with the mission")
    return (last - _start_time(start)).to(u.day)


# ---------------------------------------------------------------- 04.2 light time


def _light_time_to(body, time, **_):
    """One-way light time from Earth to ``body`` at ``time`` (Dawn was at the body)."""
    try:
        distance = _distance_between("earth", body, time)
    except ValueError as err:  # name the notebook's variable (target), not the helper's parameter
        raise ValueError(str(err).replace("body_b", "target", 1)) from None
    return _light_time(distance).to(u.min)


def _light_time_from_sun(body, time, **_):
    # the body's distance from the Sun (printed for every milestone) instead of its distance from Earth
    from ..ephemeris import heliocentric_position

    r = heliocentric_position(body, time)
    return _light_time((r**2).sum() ** 0.5).to(u.min)


def _ceres_arrival():
    from ..facts import fact

    return fact("dawn.ceres_arrival")


def _example_light_time(body, time, **_):
    # the worked example's light time: Earth to Ceres at Ceres arrival, whatever the exercise's inputs
    if str(body).strip().lower() == "ceres" and abs((time - _ceres_arrival()).to_value(u.day)) < 1:
        raise ValueError("the exercise is the example")
    return _light_time_to("ceres", _ceres_arrival())


def _seconds_as_minutes(body, time, **_):
    # the light time's number of seconds (distance in km / 299,792 km/s) labelled as minutes: 60 times too big
    return _light_time_to(body, time).to_value(u.s) * u.min


def _at_ceres_arrival(body, time, **_):
    # the right body at the example's instant (arrival) instead of the exercise's (when)
    if abs((time - _ceres_arrival()).to_value(u.day)) < 1:
        raise ValueError("the exercise's instant is Ceres arrival")
    return _light_time_to(body, _ceres_arrival())


# ---------------------------------------------------------------- 04.3 an orbit around Vesta


def _gm(mass):
    return (G * require(mass, u.kg, "mass", positive=True)).to(u.km**3 / u.s**2)


def _orbit_period(altitude, radius, mass, **_):
    # the notebook's names in any message about the inputs
    altitude = require(altitude, u.km, "vesta_altitude", positive=True)
    radius = require(radius, u.km, "vesta_radius", positive=True)
    mass = require(mass, u.kg, "vesta_mass", positive=True)
    a = _semi_major_axis_from_altitudes(altitude, altitude, radius)
    return period(a, _gm(mass)).to(u.h)


def _hours_labelled(unit):
    """The right number of hours with another time unit attached (``12 * u.s``)."""

    def solve(altitude, radius, mass, **_):
        return _orbit_period(altitude, radius, mass).to_value(u.h) * unit

    return solve


def _period_from_altitude_only(altitude, radius, mass, **_):
    return period(require(altitude, u.km, "altitude", positive=True), _gm(mass)).to(u.h)


def _period_with_diameter(altitude, radius, mass, **_):
    return period(2 * require(radius, u.km, "radius", positive=True) + altitude, _gm(mass)).to(u.h)


def _period_squared(altitude, radius, mass, **_):
    # Kepler's third law as T^2 = 4 pi^2 a^3 / GM, without the square root
    return _orbit_period(altitude, radius, mass) ** 2


def _period_no_root(altitude, radius, mass, **_):
    # 2 pi a^3 / GM: the square root left out of T = 2 pi sqrt(a^3 / GM)
    a = _semi_major_axis_from_altitudes(altitude, altitude, radius)
    return (2 * np.pi * a**3 / _gm(mass)).to(u.s**2)


def _period_without_g(altitude, radius, mass, **_):
    # 2 pi sqrt(a^3 / M): the mass used as if it were GM
    a = _semi_major_axis_from_altitudes(altitude, altitude, radius)
    return 2 * np.pi * np.sqrt(a.to(u.km) ** 3 / require(mass, u.kg, "mass", positive=True))


def _period_pi_not_2pi(altitude, radius, mass, **_):
    # pi sqrt(a^3 / GM): the 2 of 2 pi left out, half the period
    return _orbit_period(altitude, radius, mass) / 2


def _period_without_2pi(altitude, radius, mass, **_):
    # sqrt(a^3 / GM): the factor 2 pi left out
    return _orbit_period(altitude, radius, mass) / (2 * np.pi)


def _period_with_the_suns_gm(altitude, radius, mass, **_):
    # utils.orbits.period(a) without its second argument: the Sun's GM, a period of seconds
    return period(_semi_major_axis_from_altitudes(altitude, altitude, radius)).to(u.h)


def _ceres_period_for_the_same_orbit(altitude, radius, mass, orbit="HAMO", **_):
    # the Kepler period of Ceres' orbit of the same name, printed in the orbit table
    from ..facts import fact

    name = str(orbit).strip().lower()
    a = fact("ceres.radius") + fact(f"ceres.orbit_{name}_altitude")
    return period(a, fact("ceres.gm")).to(u.h)


def _average_lap_at_vesta(altitude, radius, mass, **_):
    # the whole stay at Vesta divided by the laps counted (printed in the timeline section): an average
    # over orbits of very different sizes, not one orbit's period
    from ..facts import fact

    stay = fact("dawn.vesta_departure") - fact("dawn.vesta_arrival")
    return (stay / fact("dawn.vesta_orbits")).to(u.h)


# ---------------------------------------------------------------- 04.6 Ceres' density from an orbit


def _density_from_orbit(altitude, period, radius, **_):
    # the notebook's names in any message about the inputs
    altitude = require(altitude, u.km, "lamo_altitude", positive=True)
    period = require(period, u.h, "lamo_period", positive=True)
    radius = require(radius, u.km, "ceres_radius", positive=True)
    a = _semi_major_axis_from_altitudes(altitude, altitude, radius)
    return _bulk_density(_mass_from_orbit(a, period), radius)


def _density_planned_lamo(altitude, period, radius, **_):
    # LAMO as planned (the altitude in the fact's note), which the published period fits, not as flown
    import re

    from ..facts import fact

    flown = fact("ceres.orbit_lamo_altitude")
    if not u.isclose(require(altitude, u.km, "altitude", positive=True), flown):
        raise ValueError("not the LAMO orbit")
    planned = float(re.search(r"planned as (\d+) km", flown.info.meta["note"]).group(1)) * u.km
    return _density_from_orbit(planned, period, radius)


def _density_altitude_only(altitude, period, radius, **_):
    return _bulk_density(_mass_from_orbit(require(altitude, u.km, "altitude", positive=True), period), radius)


def _density_without_pi_squared(altitude, period, radius, **_):
    # M = 4 a^3 / (G T^2): pi^2 left out of Kepler's third law
    return _density_from_orbit(altitude, period, radius) / np.pi**2


def _density_from_tracking(altitude, period, radius, **_):
    # JPL's GM from radio tracking (the density printed above), not the LAMO orbit
    from ..facts import fact

    return _bulk_density(fact("ceres.gm") / G, radius)


def _density_volume_without_third(altitude, period, radius, **_):
    # the volume taken as 4 pi R^3, without the 1/3: three times too big
    return _density_from_orbit(altitude, period, radius) / 3


def _density_diameter_volume(altitude, period, radius, **_):
    # the volume computed with the diameter in place of the radius: 8 times too big
    return _density_from_orbit(altitude, period, radius) / 8


# ---------------------------------------------------------------- 04.7 how much of Ceres is ice?


def _ice_share(density, ice_density, rock_density, **_):
    # the notebook's names in any message about the inputs
    density = require(density, u.g / u.cm**3, "ceres_density", positive=True)
    ice_density = require(ice_density, u.g / u.cm**3, "rho_ice", positive=True)
    rock_density = require(rock_density, u.g / u.cm**3, "rock_density", positive=True)
    return float(_ice_fraction(density, ice_density, rock_density, by="volume"))


def _ice_share_by_mass(density, ice_density, rock_density, **_):
    return float(_ice_fraction(density, ice_density, rock_density, by="mass"))


def _rock_share(density, ice_density, rock_density, **_):
    return 1 - _ice_share(density, ice_density, rock_density)


def _ice_share_whole_moon(density, ice_density, rock_density, **_):
    # the whole Moon (mostly mantle rock) as the rock, the density printed next to the Moon's crust
    from ..facts import fact

    return _ice_share(density, ice_density, fact("moon.density"))


def _ice_share_by_mass_whole_moon(density, ice_density, rock_density, **_):
    from ..facts import fact

    return _ice_share_by_mass(density, ice_density, fact("moon.density"))


def _ice_share_vesta(by):
    # Vesta as the rock, printed with the whole Moon before the exercise
    def solve(density, ice_density, rock_density, **_):
        from ..facts import fact

        return float(_ice_fraction(density, ice_density, fact("vesta.density"), by=by))

    return solve


def _ice_share_lamo_density(density, ice_density, rock_density, **_):
    # Ceres' density from the LAMO orbit (exercise 6) instead of the one from JPL's GM
    from ..facts import fact

    lamo = _density_from_orbit(fact("ceres.orbit_lamo_altitude"), fact("ceres.orbit_lamo_period"), fact("ceres.radius"))
    return _ice_share(lamo, ice_density, rock_density)


def _ice_share_near(factor):
    # a few per cent off: rounded too early, or a density read to too few figures
    def solve(density, ice_density, rock_density, **_):
        return factor * _ice_share(density, ice_density, rock_density)

    return solve


def _ice_share_per_cent(density, ice_density, rock_density, **_):
    # the share given in per cent (39 for 0.39), though the exercise asks for a fraction
    return 100 * _ice_share(density, ice_density, rock_density)


def _ice_share_liquid_water(density, ice_density, rock_density, **_):
    # the round 1 g/cm3 of liquid water taken for ice (a remembered figure, not the ice_density given)
    return _ice_share(density, 1.0 * u.g / u.cm**3, rock_density)


def _ice_share_grail_crust(density, ice_density, rock_density, **_):
    # GRAIL's bulk density of the crust (cracks included, named in Going further's sources note) taken as the rock
    from ..facts import fact

    return _ice_share(density, ice_density, fact("moon.crust_density_grail"))


# ---------------------------------------------------------------- 04.4 Ceres in the approach pictures


def _pixels_across_body(radius, distance, ifov, **_):
    radius = require(radius, u.km, "ceres_radius", positive=True)  # the notebook's names
    distance = require(distance, u.km, "opnav_distance", positive=True)
    return float(_pixels_across(2 * radius, distance, ifov).to(u.one))


def _one_pixel_size(radius, distance, ifov, **_):
    """Step one alone: the ground size of one pixel, distance x IFOV (km)."""
    _pixels_across_body(radius, distance, ifov)  # the same checks of the inputs
    return (distance * _ifov_rad(ifov)).to(u.km)


def _one_pixel_size_number(radius, distance, ifov, **_):
    return float(_one_pixel_size(radius, distance, ifov).to_value(u.km))


def _ifov_rad(ifov):
    return require(ifov, u.rad, "ifov", positive=True).to_value(u.rad)


def _pixels_across_radius(radius, distance, ifov, **_):
    return _pixels_across_body(radius, distance, ifov) / 2


# ---------------------------------------------------------------- 04.5 design


def _highest_altitude(size, n_pixels, ifov, **_):
    n = require(n_pixels, u.one, "wanted_pixels", positive=True)  # the notebook's names
    s = require(size, u.km, "facula", positive=True)
    return _distance_for_pixel_scale(s / n, ifov).to(u.km)


def _ifov_number_in_microradians(size, n_pixels, ifov, **_):
    # size / n / ifov.value: the IFOV's number of microradians used as if it were radians
    return _highest_altitude(size, n_pixels, ifov) * u.urad.to(u.rad)


def _occator_for_facula(size, n_pixels, ifov, **_):
    # Occator crater's diameter (printed next to the facula's size) used as the feature's size
    from ..facts import fact

    return _highest_altitude(fact("occator.diameter"), n_pixels, ifov)


_EXPLORE_PIXELS = 10  # the Explore's prediction asks for the distance at which the facula spans 10 pixels


def _explore_pixels(size, n_pixels, ifov, **_):
    # the distance for the Explore's 10 pixels instead of wanted_pixels
    if np.isclose(require(n_pixels, u.one, "wanted_pixels", positive=True).value, _EXPLORE_PIXELS):
        raise ValueError("the exercise asks for the Explore's number of pixels")
    return _highest_altitude(size, _EXPLORE_PIXELS, ifov)


def _apod_facula(size, n_pixels, ifov, **_):
    # the facula's wider outline (NASA APOD, printed next to facula) taken for the size
    from ..facts import fact

    apod = fact("occator.cerealia_facula_size_apod")
    if u.isclose(require(size, u.km, "facula", positive=True), apod):
        raise ValueError("the exercise's size is the wider outline")
    return _highest_altitude(apod, n_pixels, ifov)


def _wanted_pixel_scale(size, n_pixels, ifov, **_):
    # step 1 only: the pixel scale wanted (size / n), not yet turned into a distance
    n = require(n_pixels, u.one, "wanted_pixels", positive=True)
    return (require(size, u.km, "facula", positive=True) / n).to(u.km)


def _one_pixel_distance(size, n_pixels, ifov, **_):
    return _distance_for_pixel_scale(require(size, u.km, "size", positive=True), ifov).to(u.km)


def _times_n(size, n_pixels, ifov, **_):
    n = require(n_pixels, u.one, "n_pixels", positive=True)
    return _distance_for_pixel_scale(require(size, u.km, "size", positive=True) * n, ifov).to(u.km)


def _ceres_radius_too(sign):
    # the altitude with Ceres' radius added (a distance from the centre) or taken away: the pixel scale
    # depends on the distance to the surface below, which is the altitude itself
    def solve(size, n_pixels, ifov, **_):
        from ..facts import fact

        return _highest_altitude(size, n_pixels, ifov) + sign * fact("ceres.radius").to(u.km)

    return solve


def _factor(k):
    # the facula's size doubled or halved (its diameter taken for a radius, or the other way round)
    def solve(size, n_pixels, ifov, **_):
        return k * _highest_altitude(size, n_pixels, ifov)

    return solve


def _orbit_altitude(name):
    # a science orbit's altitude copied from the table instead of computed
    def solve(size, n_pixels, ifov, **_):
        from ..facts import fact

        return fact(f"ceres.orbit_{name}_altitude").to(u.km)

    return solve


# the whole-Moon and Vesta hints say where the answer came from: only answers within 0.5 % of those values
# get them (a rounded guess such as 0.5 is no sign of either rock)
_NAMED_ROCK_RTOL = 0.005
# the whole Moon's share (0.487) is often written 0.49, 0.6 % away: 1 % keeps that in and 0.5 (2.7 %) and
# Vesta's share (0.51) out
_WHOLE_MOON_RTOL = 0.01

_RADIUS_HINT = (
    "The pixel scale depends on the distance from the camera to the surface below it, which is the "
    "altitude: do not add or take away Ceres' radius."
)
_FACTOR_HINT = (
    "Your answer is off by a factor of two. The facula's size (facula) is already the width the pixels must "
    "span: use it as it is, neither halved nor doubled."
)
_ORBIT_HINT = (
    "That is the altitude of one of Dawn's orbits. The exercise asks for the highest altitude that gives the "
    "wanted pixels: compute it from the facula's size, the number of pixels and the IFOV."
)


class _AngleLeftInTheUnit:
    """A right answer whose unit still holds an angle (1 / urad, km / urad) is right, and told what it reads as
    once the angle is a plain number of radians (astropy does not cancel an angle by itself)."""

    def check(self, answer: Any, **inputs: Any) -> CheckResult:
        result = super().check(answer, **inputs)
        if not (result.ok and isinstance(answer, u.Quantity) and np.ndim(answer) == 0):
            return result
        if not any(base.physical_type == "angle" for base in answer.unit.decompose().bases):
            return result
        for plain_unit in (u.one, u.km):
            if answer.unit.is_equivalent(plain_unit, equivalencies=u.dimensionless_angles()):
                what = "a plain number" if plain_unit is u.one else "kilometres"
                note = (
                    f"astropy shows your value in {answer.unit.to_string()}, because it does not cancel an angle by "
                    f"itself; write the angle as a plain number of radians (ifov.to_value(u.rad)) to see it as {what}."
                )
                return CheckResult(result.status, f"{result.message} {note}".strip(), result.name)
        return result


@dataclass(frozen=True)
class _PixelsExercise(_AngleLeftInTheUnit, Exercise):
    """Exercise 4: a count of pixels."""


@dataclass(frozen=True)
class _AltitudeExercise(_AngleLeftInTheUnit, RoundedTooFar):
    """Exercise 5: an altitude, rounding told apart from a wrong method."""


_EXERCISES = {
    "04.1": Exercise(
        title="Exercise 1 · how long did the {phase} last?",
        solve=_phase_days,
        rtol=0.01,
        hint="Read the end's date with fact(end_id), then subtract the two Times (end minus start): "
        "that gives a TimeDelta; convert it with .to(u.day).",
        defaults={"phase": "phase"},
        mistakes=(
            Mistake(
                _calendar_days,
                "You counted whole calendar days. Count from the start's time of day: subtracting the two "
                "Times themselves does that.",
            ),
            Mistake(
                _days_labelled(u.h),
                "Your number is the length in days, but it carries the unit of hours. Convert the TimeDelta "
                "with .to(u.day), or attach u.day to a number of days.",
            ),
            Mistake(
                _from_launch,
                "You counted from launch. The phase starts at start, set in the cell above the exercise: "
                "subtract start, not launch.",
            ),
            Mistake(
                _to_end_of_mission,
                "That runs to the end of the whole mission, the last milestone of the timeline. This phase "
                "ends at the date the fact end_id gives: read it with fact(end_id).",
            ),
        ),
    ),
    "04.2": RoundedTooFar(
        title="Exercise 2 · light time from Earth to Dawn near {body} ({event})",
        solve=_light_time_to,
        rtol=0.02,
        band=0.05,  # 10 min for 10.46 (one figure, 4.4 % off) is a rounding; 9.8 or 20 min are not
        keep="three significant figures",
        hint='Locate both bodies at that instant: heliocentric_position("earth", when) and '
        "heliocentric_position(target, when). The distance between them is the length of the difference "
        "of the two positions, np.linalg.norm(...). Then time = distance / speed, with the speed of light "
        "astropy.constants.c; convert to minutes.",
        defaults={"body": "the body", "event": "the chosen instant"},
        mistakes=(
            Mistake(
                lambda body, time, **_: 2 * _light_time_to(body, time),
                "That is there and back again. The question asks for one way: Earth to Dawn.",
            ),
            Mistake(
                _seconds_as_minutes,
                "That number is in seconds, with the unit of minutes attached: 60 times too big. Attach u.s to "
                "the number of seconds, or let astropy do it with (distance / c).to(u.min).",
            ),
            Mistake(
                _light_time_from_sun,
                "That is the light time from the Sun: you used the body's distance from the Sun. The signal "
                "leaves Earth: use the distance between Earth and the body at that instant.",
            ),
            Mistake(
                _example_light_time,
                "That is the light time of the example (Earth to Ceres, at Ceres arrival). Use the exercise's "
                "inputs: heliocentric_position(target, when) and Earth at the same instant `when`.",
            ),
            Mistake(
                _at_ceres_arrival,
                "That is the right body at the example's instant (Ceres arrival, `arrival`). Locate Earth and "
                "the target at the exercise's instant `when`.",
            ),
        ),
    ),
    "04.3": Exercise(
        title="Exercise 3 · the period of Dawn's {orbit} orbit around Vesta",
        solve=_orbit_period,
        rtol=0.02,
        hint="Kepler's third law needs GM = G * mass, and the orbit's radius measured from Vesta's centre.",
        defaults={"orbit": "science"},
        mistakes=(
            Mistake(
                _period_from_altitude_only,
                "The altitude is measured from the surface. Kepler's third law needs the distance from Vesta's centre.",
            ),
            Mistake(
                _period_with_diameter, "Add the radius, not the diameter: the centre is one radius below the surface."
            ),
            Mistake(
                _period_squared,
                "Your answer is the period squared. Kepler's third law gives T^2 = 4 pi^2 a^3 / GM: take the "
                "square root, T = 2 pi sqrt(a^3 / GM).",
            ),
            Mistake(
                _period_no_root,
                "Your answer is a time squared: the square root is missing. T = 2 pi sqrt(a^3 / GM).",
            ),
            Mistake(
                _period_without_g,
                "GM is the mass times the gravitational constant: GM = G * vesta_mass (G from astropy.constants).",
            ),
            *(
                Mistake(
                    _hours_labelled(unit),
                    f"Your number is the period in hours, but it carries the unit of {name}. Attach u.h to a "
                    "number of hours, or let astropy convert with .to(u.h).",
                )
                for unit, name in ((u.s, "seconds"), (u.min, "minutes"))
            ),
            Mistake(_period_pi_not_2pi, "That is half the period: T = 2 pi sqrt(a^3 / GM), with 2 pi."),
            Mistake(
                _period_without_2pi,
                "Your a and GM look right, but T = 2 pi sqrt(a^3 / GM): the factor 2 pi is missing.",
            ),
            Mistake(
                _period_with_the_suns_gm,
                "That period is far too short: it uses the Sun's GM, which utils.orbits.period takes when it is "
                "given only a. Pass Vesta's as the second argument: utils.orbits.period(a, G * vesta_mass).",
            ),
            Mistake(
                _ceres_period_for_the_same_orbit,
                "That is the period of Ceres' orbit of the same name, from the orbit table. This orbit circles "
                "Vesta: use Vesta's radius and mass.",
                rtol=0.01,
            ),
            Mistake(
                _average_lap_at_vesta,
                "That is the average lap of the whole stay at Vesta, over orbits of very different sizes. Use "
                "Kepler's third law for this orbit, from its own altitude.",
            ),
        ),
    ),
    "04.4": _PixelsExercise(
        title="Exercise 4 · how many pixels across is Ceres from {distance:,.0f}?",
        solve=_pixels_across_body,
        rtol=0.02,
        hint="One pixel covers distance x IFOV (the IFOV in radians: ifov.to_value(u.rad)); divide Ceres' width by it.",
        mistakes=(
            Mistake(
                _pixels_across_radius, "That spans only half of Ceres: its width is the diameter, twice the radius."
            ),
            *(
                Mistake(
                    solve,
                    "That is the size of one pixel on the ground (step one). Now divide Ceres' width "
                    "(2 x ceres_radius) by it, and give the number of pixels without a unit.",
                )
                for solve in (_one_pixel_size, _one_pixel_size_number)
            ),
        ),
    ),
    "04.5": _AltitudeExercise(
        title="Exercise 5 · design: highest altitude for {n_pixels} pixels across",
        solve=_highest_altitude,
        rtol=0.02,
        band=0.07,  # 1,100 or 1,000 km for 1,067 (3 % and 6 % off) are roundings; HAMO's 1,470 km is not
        # the slider's stops near the answer (940, 1,100 km) land here too: say to compute, not read
        keep="three significant figures, computed from the formula rather than read from the slider",
        hint="Wanted pixel scale = size / number of pixels; the distance is that scale divided by the IFOV.",
        defaults={"n_pixels": "enough"},
        mistakes=(
            Mistake(
                _occator_for_facula,
                "You used Occator crater's width. The pixels must span the facula, the bright spot in its "
                "centre: use facula.",
            ),
            Mistake(
                _one_pixel_distance,
                "From there the whole facula fits into one pixel. Divide its size by the number of pixels "
                "wanted first.",
            ),
            Mistake(
                _ifov_number_in_microradians,
                "You divided by the IFOV's number of microradians. The distance formula needs the angle in "
                "radians: use ifov.to_value(u.rad).",
            ),
            Mistake(
                _explore_pixels,
                "That is the altitude for 10 pixels across, the Explore's question. This exercise wants "
                "wanted_pixels pixels across: use wanted_pixels.",
            ),
            Mistake(
                _apod_facula,
                "You used the facula's wider outline (NASA APOD). The exercise takes the pit it covers: use "
                "facula, set in the table's cell.",
                rtol=0.005,
            ),
            Mistake(
                _wanted_pixel_scale,
                "That is the pixel scale you need (the facula's size over the number of pixels): step one. Now "
                "turn it into a distance: divide it by the IFOV in radians, ifov.to_value(u.rad).",
            ),
            Mistake(_times_n, "The wanted pixel scale is the size divided by the number of pixels, not multiplied."),
            Mistake(_ceres_radius_too(+1), _RADIUS_HINT),
            Mistake(_ceres_radius_too(-1), _RADIUS_HINT),
            Mistake(_factor(2), _FACTOR_HINT),
            Mistake(_factor(0.5), _FACTOR_HINT),
            *(Mistake(_orbit_altitude(name), _ORBIT_HINT) for name in ("rc3", "survey", "hamo", "lamo")),
        ),
    ),
    "04.6": RoundedTooFar(
        title="Exercise 6 · Ceres' density from an orbit",
        solve=_density_from_orbit,
        rtol=0.01,
        band=0.05,  # 2.3 for 2.25 (two figures, 2 % off) is a rounding; JPL's 2.16 and the planned 2.17 are not
        keep="three significant figures",
        hint="GM = 4 pi^2 a^3 / T^2 with a = radius + altitude; mass = GM / G; density = mass / (4/3 pi R^3).",
        mistakes=(
            # the two lie 0.5 % apart, inside the exercise's 1 %: each hint says where the answer came from,
            # so each takes only answers within 0.25 % of its own value
            Mistake(
                _density_planned_lamo,
                "You used LAMO's planned altitude. Use lamo_altitude, the altitude Dawn flew.",
                rtol=0.0025,
            ),
            Mistake(
                _density_from_tracking,
                "That is the density from JPL's tracking GM, printed above. This exercise weighs Ceres from "
                "LAMO alone: use LAMO's altitude and period in Kepler's third law.",
                rtol=0.0025,
            ),
            Mistake(
                _density_altitude_only,
                "The orbit's size a is measured from Ceres' centre: radius + altitude, not the altitude alone.",
                rtol=0.03,  # 0.21, the two-digit value of 0.206, gets this hint, not "a factor of ten"
            ),
            Mistake(
                _density_without_pi_squared,
                "Check the factor in the mass: M = 4 pi^2 a^3 / (G T^2), with pi squared.",
            ),
            Mistake(_density_diameter_volume, "Check the volume: 4/3 pi R^3 with R the radius, not the diameter."),
            Mistake(_density_volume_without_third, "Check the volume of a sphere: 4/3 pi R^3, with the 1/3."),
        ),
    ),
    "04.7": Exercise(
        title="Exercise 7 · how much of Ceres is ice?",
        solve=_ice_share,
        rtol=0.02,
        hint="Solve rho = phi * rho_ice + (1 - phi) * rho_rock for phi, the share of the volume that is ice.",
        mistakes=(
            Mistake(_rock_share, "That is the share of rock. The question asks for the share of ice."),
            Mistake(
                _ice_share_per_cent,
                "That looks like a percentage. Give the share as a fraction of 1: a quarter is 0.25, not 25.",
            ),
            Mistake(
                _ice_share_by_mass,
                "That is the share by mass. The mixing model adds volumes: give the share of the volume.",
            ),
            Mistake(
                _ice_share_whole_moon,
                "You took the whole Moon as the rock. This exercise takes the lighter rock of the Moon's "
                "crust: use rock_density, set in the exercise cell.",
                rtol=_WHOLE_MOON_RTOL,
            ),
            Mistake(
                _ice_share_by_mass_whole_moon,
                "That is the share by mass with the whole Moon as the rock. Give the share of the volume, "
                "with the Moon's crust as the rock: use rock_density.",
                rtol=_WHOLE_MOON_RTOL,
            ),
            Mistake(
                _ice_share_vesta("mass"),
                "That is the share by mass with Vesta as the rock. Give the share of the volume, "
                "with the Moon's crust as the rock: use rock_density.",
                rtol=_NAMED_ROCK_RTOL,
            ),
            Mistake(
                _ice_share_vesta("volume"),
                "You took Vesta as the rock. This exercise takes the lighter rock of the Moon's crust: "
                "use rock_density, set in the exercise cell.",
                rtol=_NAMED_ROCK_RTOL,
            ),
            Mistake(
                _ice_share_grail_crust,
                "You took GRAIL's density of the Moon's crust as it is, empty cracks included. The mixing model "
                "has no pores, so it needs the density of the rock itself: use rock_density.",
            ),
            Mistake(
                _ice_share_liquid_water,
                "You took 1 g/cm3, the density of liquid water. Ice is lighter: use rho_ice, the density of "
                "water ice at 0 °C from the table of densities.",
                rtol=_NAMED_ROCK_RTOL,
            ),
            Mistake(
                _ice_share_lamo_density,
                "You used Ceres' density from the LAMO orbit (exercise 6). This exercise uses ceres_density, "
                "computed from JPL's GM above.",
                rtol=_NAMED_ROCK_RTOL,  # only answers within 0.5 % of the LAMO value, as for the named rocks
            ),
            *(
                Mistake(
                    _ice_share_near(factor),
                    "You are close, but outside the 2 % the check accepts: keep every figure in your working "
                    "and round only the final share.",
                )
                for factor in (0.96, 1.04)
            ),
        ),
    ),
}

#: Written questions, answered in words; model answers and rubrics are on the instructor page.
WRITTEN = {
    "04.8": "Exercise 8 · judge: which orbits are low enough?",
}
