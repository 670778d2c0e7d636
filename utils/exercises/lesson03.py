"""Exercises of 03 · Resonances."""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass
from typing import Any

import astropy.units as u
import numpy as np

from ..checks import CORRECT, INCORRECT, INVALID, UNANSWERED, CheckResult, Exercise, Mistake, _is_placeholder
from ..facts import fact
from ..orbits import _resonance_location, period
from ..resonance import (
    KIRKWOOD_RESONANCES,
    _librates,
    _nearest_resonance,
    _perihelion_distance,
    _period_ratio,
    run_belt,
)
from ..units import require

#: Answers accepted by exercise 03.3: a band about 0 degrees, a band about 180 degrees, or every angle.
ANGLE_CHOICES = ("librates about 0", "librates about 180", "circulates")


# ---------------------------------------------------------------- 03.1 period ratio


def _ratio(a, a_jupiter, **_):
    return float(_period_ratio(a, a_jupiter))


def _ratio_of_nearest_resonance(a, a_jupiter, **_):
    p, q = _nearest_resonance(a, a_jupiter)
    return p / q


def _resonance_ratio(p, q, **_):
    return p / q


def _resonance_ratio_two_decimals(p, q, **_):
    return round(p / q, 2)


# ---------------------------------------------------------------- 03.4 distance to the nearest resonance


def _resonance_distances(a, a_jupiter):
    a = require(a, u.AU, "a", positive=True)
    return sorted(abs(a - _resonance_location(a_jupiter, p, q)).to(u.AU) for p, q in KIRKWOOD_RESONANCES)


def _nearest_distance(a, a_jupiter, **_):
    return _resonance_distances(a, a_jupiter)[0]


def _signed_minimum(sign):
    # min() of the signed differences, abs() left out: the most negative. With a - a_p:q (sign +1) that is the
    # outermost resonance; with a_p:q - a (sign -1, the subtraction the other way round) the innermost.
    def solve(a, a_jupiter, **_):
        a = require(a, u.AU, "a", positive=True)
        return min(sign * (a - _resonance_location(a_jupiter, p, q)).to(u.AU) for p, q in KIRKWOOD_RESONANCES)

    return solve


def _nearest_location(a, a_jupiter, **_):
    # the nearest resonance's location itself, given instead of the asteroid's distance from it
    p, q = _nearest_resonance(a, a_jupiter)
    return _resonance_location(a_jupiter, p, q)


def _farther_distance(rank):
    def solve(a, a_jupiter, **_):
        return _resonance_distances(a, a_jupiter)[rank]

    return solve


def _rounded_difference(a, a_jupiter, **_):
    # the same subtraction done with both distances rounded to 0.01 AU, as printed in the lesson
    a = require(a, u.AU, "a", positive=True).to_value(u.AU)
    return (
        min(
            abs(round(_resonance_location(a_jupiter, p, q).to_value(u.AU), 2) - round(a, 2))
            for p, q in KIRKWOOD_RESONANCES
        )
        * u.AU
    )


def _rounded_location(a, a_jupiter, **_):
    # the locations as printed in the lesson (to 0.01 AU) minus the asteroid's unrounded a
    a = require(a, u.AU, "a", positive=True).to_value(u.AU)
    return (
        min(abs(round(_resonance_location(a_jupiter, p, q).to_value(u.AU), 2) - a) for p, q in KIRKWOOD_RESONANCES)
        * u.AU
    )


def _rounded_result(a, a_jupiter, **_):
    # the right distance, rounded to 0.01 AU at the end: one significant figure for a few hundredths of an AU
    return round(_nearest_distance(a, a_jupiter).to_value(u.AU), 2) * u.AU


#: What exercise 03.4 tells the right distance rounded to one significant figure, in whatever length unit.
ROUNDED_4 = (
    "If your method is right, the distance is rounded too far (to one significant figure): give at least two "
    "significant figures."
)


#: What exercise 03.4 tells an answer 1-2 % from the right distance (0.057 or 0.059 AU for 0.0580 AU): two
#: significant figures, as asked, but a last figure off by one, most likely from rounding before the end. It says
#: neither "close" (that is for an answer rounded too far) nor that the figures are too few (they are not).
NEAR_4 = (
    "Your value is 1-2 % off: compute the resonance locations and the distance unrounded, and round only at the end."
)


def _off_by(factor):
    # the right distance times ``factor``: with rtol 0.0052, 0.985 and 1.015 cover the answers 1-2 % off it
    def solve(a, a_jupiter, **_):
        return _nearest_distance(a, a_jupiter) * factor

    return solve


def _one_figure_in_own_unit(answer: Any, right: Any) -> bool:
    """Is ``answer`` the length ``right`` rounded to one significant figure in the answer's own unit (9e6 km for
    8.68e6 km, 0.06 AU for 0.058 AU)?"""
    if not isinstance(answer, u.Quantity) or not answer.isscalar or not answer.unit.is_equivalent(u.AU):
        return False
    shown = float(right.to_value(answer.unit))
    given = float(answer.value)
    if not (math.isfinite(shown) and math.isfinite(given)) or shown == 0:
        return False
    step = 10.0 ** math.floor(math.log10(abs(shown)))
    return math.isclose(given, round(shown / step) * step, rel_tol=1e-9)


def _as_resonance(given: Any) -> tuple[int, int] | None:
    """``(p, q)`` from a pair of whole numbers or text such as ``'5:2'``; None for anything else."""
    if isinstance(given, str):
        given = given.replace(" ", "").split(":")
    try:
        p, q = (int(x) for x in given)
        if [p, q] != [float(x) for x in given]:
            return None
    except (TypeError, ValueError):
        return None
    return p, q


_NOT_RIGHT = "That is not right. "


def _close_stands_alone(result: CheckResult) -> CheckResult:
    """The shared check's message for an answer only rounded too far, "That is not right. You are close: ...",
    without its first sentence, which the second would contradict (the answer is still incorrect)."""
    if result.status == INCORRECT and result.message.startswith(_NOT_RIGHT + "You are close"):
        return CheckResult(INCORRECT, result.message[len(_NOT_RIGHT) :], result.name)
    return result


def _is_time(answer: Any) -> bool:
    return isinstance(answer, u.Quantity) and answer.isscalar and answer.unit.is_equivalent(u.s)


#: The units in which exercise 03.1 recognises a period typed as a plain number.
_PERIOD_UNITS = (u.yr, u.day, u.h, u.min, u.s)


def _is_a_period(answer: Any, a: Any = None, a_jupiter: Any = None, **_: Any) -> bool:
    """Is ``answer`` the asteroid's or Jupiter's period (within 2 %): a time, or a plain number in years, days,
    hours, minutes or seconds?"""
    try:
        periods = [period(require(x, u.AU, name, positive=True)) for x, name in ((a, "a"), (a_jupiter, "a_jupiter"))]
        if _is_time(answer):
            given = [float(answer.to_value(u.day))]
            periods = [float(T.to_value(u.day)) for T in periods]
        elif isinstance(answer, (int, float, np.floating, np.integer)) and not isinstance(answer, bool):
            given = [float(answer)]
            periods = [float(T.to_value(unit)) for T in periods for unit in _PERIOD_UNITS]
        else:
            return False
        return any(math.isclose(g, T, rel_tol=0.02) for g in given for T in periods)
    except Exception:  # inputs that cannot be used: the shared check has said so already
        return False


@dataclass(frozen=True)
class RatioExercise(Exercise):
    """Exercise 1: the period ratio. A negative number is told that a ratio of two periods is positive, before any
    mistake is matched by its size (a -3 is not "p/q of a resonance")."""

    def check(self, answer: Any, **inputs: Any) -> CheckResult:
        value = (
            answer.to_value(u.one) if isinstance(answer, u.Quantity) and answer.unit.is_equivalent(u.one) else answer
        )
        if isinstance(value, (int, float, np.floating, np.integer)) and not isinstance(value, bool) and value < 0:
            return CheckResult(
                INCORRECT,
                "That is not right: a ratio of two periods is positive. Divide Jupiter's period by the asteroid's.",
                self.title_for(**inputs),
            )
        result = _close_stands_alone(super().check(answer, **inputs))
        # one of the two periods, as a time (period(a) itself) or as a plain number in some time unit: said
        # plainly, unless a named mistake or the rounding message explains the answer better (any other time keeps
        # the shared "wants a plain number without a unit")
        generic = result.status == INCORRECT and result.message == f"{_NOT_RIGHT}Hint: {self.hint}"
        if (generic or result.status == INVALID) and _is_a_period(answer, **inputs):
            return CheckResult(INCORRECT, f"That is a period, not a ratio. Hint: {self.hint}", result.name)
        return result


class NearestExercise(Exercise):
    """Exercise 4: the distance to the nearest main resonance (the answer) and which one it is (``nearest``).

    The distance is judged first, with its hints; a right distance is correct only with the right ``(p, q)``.
    """

    def expected(self, **inputs: Any) -> Any:
        inputs.pop("nearest", None)
        return super().expected(**inputs)

    def check(self, answer: Any, **inputs: Any) -> CheckResult:
        nearest = inputs.pop("nearest", None)
        result = super().check(answer, **inputs)
        if result.status == INCORRECT:
            try:
                rounded = _one_figure_in_own_unit(answer, self.expected(**inputs))
            except Exception:
                rounded = False
            if rounded:  # the same hint in any length unit: 0.06 AU or 9e6 km
                return CheckResult(INCORRECT, ROUNDED_4, result.name)
        if not result.ok:
            return result
        name = result.name
        if _is_placeholder(nearest) or nearest is None:  # the placeholder left in: not answered yet, not wrong
            return CheckResult(
                UNANSWERED if _is_placeholder(nearest) else INCORRECT,
                "Your distance is right. Now set nearest_4 to the resonance it is "
                "measured from, as (p, q), and run the cell again.",
                name,
            )
        given = _as_resonance(nearest)
        if given is None:
            return CheckResult(INVALID, "Give nearest_4 as two whole numbers (p, q), for example (4, 1).", name)
        right = tuple(_nearest_resonance(inputs["a"], inputs["a_jupiter"]))
        if given == right:
            return result
        common = math.gcd(*given)
        if common > 1 and (given[0] // common, given[1] // common) in (right, right[::-1]):
            hint = "write the resonance in lowest terms, with no common factor in p and q."
        elif given[::-1] == right:
            hint = "p, the asteroid's number of orbits, comes first and is the larger: write (p, q)."
        else:
            hint = "that is not the resonance your distance is measured from: which (p, q) gave the smallest?"
        return CheckResult(INCORRECT, f"Your distance is right, but {hint}", name)


# ---------------------------------------------------------------- 03.5 where the next conjunction happens


def _conjunction_step(a, a_jupiter, **_):
    ratio = float(_period_ratio(a, a_jupiter))
    if ratio <= 1:
        raise ValueError("the asteroid must orbit inside Jupiter's orbit")
    return ((360.0 / (ratio - 1.0)) % 360.0) * u.deg


def _jupiter_in_one_orbit(a, a_jupiter, **_):
    return ((360.0 / float(_period_ratio(a, a_jupiter))) % 360.0) * u.deg


def _step_without_unit(a, a_jupiter, **_):
    # 360 / (T_J/T - 1) typed without u.deg: a pure number, which astropy reads as radians
    return (360.0 / (float(_period_ratio(a, a_jupiter)) - 1.0)) * u.rad


def _step_backwards(a, a_jupiter, **_):
    return 360 * u.deg - _conjunction_step(a, a_jupiter)


def _step_of_ratio_upside_down(a, a_jupiter, **_):
    # 360 / (T/T_J - 1) with the asteroid's period over Jupiter's: always -(step + 360°), a negative angle
    return 360.0 / (1.0 / float(_period_ratio(a, a_jupiter)) - 1.0) * u.deg


def _step_of_nearest_resonance(a, a_jupiter, **_):
    # the step for the nearest main resonance's p/q (2.5 for the 5:2) instead of the asteroid's own ratio
    p, q = _nearest_resonance(a, a_jupiter)
    return (360.0 / (p / q - 1.0)) % 360.0 * u.deg


def _step_of_rounded_ratio(a, a_jupiter, **_):
    # the ratio rounded to one decimal (2.6 for 2.58) before it is used: T_J/T - 1 is small, so the step moves a lot
    ratio = round(float(_period_ratio(a, a_jupiter)), 1)
    if ratio <= 1:
        raise ValueError("the rounded ratio leaves no step")
    return (360.0 / (ratio - 1.0)) % 360.0 * u.deg


def _step_cut_off(a, a_jupiter, **_):
    # the step with its decimals cut off (227° for 227.99°) instead of rounded to the nearest degree
    return math.floor(_conjunction_step(a, a_jupiter).to_value(u.deg)) * u.deg


def _bare_number(answer: Any) -> float | None:
    """A plain real number (or a scalar dimensionless Quantity) as a float; None for anything else."""
    if isinstance(answer, bool):
        return None
    if isinstance(answer, u.Quantity):
        if not answer.isscalar or answer.unit.physical_type != "dimensionless":
            return None
        return float(answer.to_value(u.one))
    if isinstance(answer, (int, float, np.integer, np.floating)):
        return float(answer)
    return None


def _names_the_mix_up(result: CheckResult, value: float | None, other: float | None, message: str) -> CheckResult:
    """A "no unit" form message becomes ``message`` when the bare number is ``other``, a different quantity."""
    if result.status != INVALID or "no unit" not in result.message or value is None or other is None:
        return result
    if not math.isfinite(value) or not math.isclose(value, other, rel_tol=0.005):
        return result
    return CheckResult(INCORRECT, message, result.name)


def _safely(solve, **inputs) -> float | None:
    try:
        return float(solve(**inputs))
    except Exception:
        return None


#: Exercise 5's step in degrees labelled as radians (the 360 written without u.deg, or the nearest degree in rad).
DEGREES_AS_RADIANS_5 = (
    "Your number is the angle in degrees, but it is labelled as radians (or it had no unit, which astropy reads as "
    "radians): write the formula's 360 as 360 * u.deg."
)


def _right_number_other_angle_unit(answer: Any, right: Any) -> str:
    """The note for the step's number in degrees (to the nearest degree) labelled with another angle unit, such
    as 228 arcmin or 228 rad; "" for anything else."""
    if not (isinstance(answer, u.Quantity) and answer.isscalar):
        return ""
    if answer.unit.physical_type != "angle" or answer.unit == u.deg:
        return ""
    if not abs(float(answer.value) - float(right.to_value(u.deg))) <= 0.6:  # as the check: the nearest degree
        return ""
    if answer.unit == u.rad:
        return DEGREES_AS_RADIANS_5
    return f"Your number is right, but it is labelled in {answer.unit}: the step is in degrees. Write it with u.deg."


@dataclass(frozen=True)
class StepExercise(Exercise):
    """Exercise 5: an angle. A number without an angle unit (a plain float, or the ratio of two periods,
    a dimensionless Quantity) is a question of form: it gets the "no unit" message, unless it is the period
    ratio itself, a conceptual slip that is named."""

    def check(self, answer: Any, **inputs: Any) -> CheckResult:
        if isinstance(answer, u.Quantity) and answer.unit.physical_type == "dimensionless" and answer.isscalar:
            answer = float(answer.to_value(u.one))
        result = _close_stands_alone(super().check(answer, **inputs))
        try:
            other_unit = _right_number_other_angle_unit(answer, self.expected(**inputs))
        except Exception:  # inputs that cannot be used: the shared check has said so already
            other_unit = ""
        if other_unit and result.status != CORRECT:
            return CheckResult(INCORRECT, other_unit, result.name)
        return _names_the_mix_up(
            result,
            _bare_number(answer),
            _safely(_ratio, **inputs),
            "That is the period ratio T_J/T itself, not an angle. Between two conjunctions Jupiter moves on by "
            "360° / (T_J/T - 1): compute that, with the 360 written as 360 * u.deg.",
        )


def _third_figures_apart(answer: Any, right: Any) -> int | None:
    """How many units of the third significant figure of ``right`` lie between ``answer`` and ``right``, each
    rounded to that figure (0: the same three figures); None if ``answer`` is no finite length."""
    if not isinstance(answer, u.Quantity) or not answer.isscalar or not answer.unit.is_equivalent(u.AU):
        return None
    given, shown = float(answer.to_value(u.AU)), float(right.to_value(u.AU))
    if not (math.isfinite(given) and math.isfinite(shown)) or shown <= 0:
        return None
    decimals = 2 - math.floor(math.log10(shown))
    return abs(round(round(given, decimals) * 10**decimals) - round(round(shown, decimals) * 10**decimals))


@dataclass(frozen=True)
class PerihelionExercise(Exercise):
    """Exercise 8: a length, asked to three significant figures: any length that rounds to the right three figures
    passes (2.27, 2.268 or 2.2713 AU for 2.2664 AU), and so does the full value. A length within half a unit of the
    third figure that rounds to another one (2.262 AU) is told its third figure is off, never "close". The bare
    largest eccentricity (a pure number) is named as such, not only told to carry a unit."""

    def check(self, answer: Any, **inputs: Any) -> CheckResult:
        result = _close_stands_alone(super().check(answer, **inputs))
        if result.status in (CORRECT, INCORRECT):
            try:
                apart = _third_figures_apart(answer, self.expected(**inputs))
            except Exception:  # inputs that cannot be used: the shared check has said so already
                apart = None
            if apart == 0:
                return CheckResult(CORRECT, "", result.name)
            generic = result.status == CORRECT or result.message == f"{_NOT_RIGHT}Hint: {self.hint}"
            if apart == 1 and generic:  # one unit of the third figure off, and no named slip fits it
                return CheckResult(INCORRECT, THIRD_FIGURE_8, result.name)
        return _names_the_mix_up(
            result,
            _bare_number(answer),
            _safely(lambda e_max=None, **_: e_max, **inputs),
            "That is the largest eccentricity, a pure number. The question asks for a distance from the Sun: "
            "the perihelion a (1 - e), in AU, at each output.",
        )


# ---------------------------------------------------------------- 03.3 libration or circulation


def _band_centre(phi):
    """The middle of the band an angle swings in (degrees, -180 to 180): the direction of its mean unit vector."""
    rad = np.asarray(u.Quantity(phi, u.deg).to_value(u.rad), dtype=float)
    rad = rad[np.isfinite(rad)]
    if rad.size == 0:
        raise ValueError("phi holds no finite angle")
    return float(np.degrees(np.angle(np.mean(np.exp(1j * rad)))))


def _libration(phi, **_):
    if not _librates(phi):
        return ANGLE_CHOICES[2]
    return ANGLE_CHOICES[0] if abs(_band_centre(phi)) < 90 else ANGLE_CHOICES[1]


def _other_centre(phi, **_):
    # a librating angle read with the band's middle on the wrong side (a band split by the plot's edges)
    right = _libration(phi)
    return {ANGLE_CHOICES[0]: ANGLE_CHOICES[1], ANGLE_CHOICES[1]: ANGLE_CHOICES[0]}.get(right)


def _circulates_if_librating(phi, **_):
    # the jump from +180 to -180 degrees (or from 360 to 0) read as a full turn
    return ANGLE_CHOICES[2] if _libration(phi) != ANGLE_CHOICES[2] else None


# ---------------------------------------------------------------- 03.8 smallest perihelion


def _histories(a_history, e_history):
    a = np.asarray(a_history, dtype=float)
    e = np.asarray(e_history, dtype=float)
    if a.shape != e.shape or a.size == 0 or not np.isfinite(a * e).any():
        raise ValueError("a_history and e_history must be histories of the same length with finite values")
    return a, e


def _perihelion(a_history, e_history, **_):
    # the smallest a (1 - e) over the run: a swings too, so the smallest perihelion need not come at
    # the largest e nor with the starting a
    a, e = _histories(a_history, e_history)
    return float(np.nanmin(a * (1 - e))) * u.AU


def _perihelion_with_starting_a(a, e_max, **_):
    a = require(a, u.AU, "a", positive=True)
    return _perihelion_distance(a, e_max)


def _aphelion(a, e_max, **_):
    return (require(a, u.AU, "a", positive=True) * (1 + float(e_max))).to(u.AU)


def _margin_outside_mars(a_history, e_history, a_mars=None, **_):
    # the smallest perihelion measured from Mars' orbit instead of from the Sun
    if a_mars is None:
        raise ValueError("a_mars was not passed to the check")
    return _perihelion(a_history, e_history) - require(a_mars, u.AU, "a_mars", positive=True)


def _largest_aphelion(a_history, e_history, **_):
    a, e = _histories(a_history, e_history)
    return float(np.nanmax(a * (1 + e))) * u.AU


def _perihelion_at_start(a, e_max, e_start=None, **_):
    if e_start is None:
        raise ValueError("no starting eccentricity given")
    return _perihelion_distance(require(a, u.AU, "a", positive=True), e_start)


def _extremes_combined(a_history, e_history, **_):
    # the smallest a and the largest e, taken from different moments of the run; its Mistake has a narrow
    # tolerance, so only an answer given with more figures than a cut-off three is told it mixed moments
    a, e = _histories(a_history, e_history)
    return float(np.nanmin(a) * (1 - np.nanmax(e))) * u.AU


def _cut_to_three_figures(a_history, e_history, **_):
    # the right perihelion with its digits cut off (not rounded) after three significant figures
    right = _perihelion(a_history, e_history).to_value(u.AU)
    scale = 10 ** (2 - int(np.floor(np.log10(right))))
    return np.floor(right * scale) / scale * u.AU


def _extremes_combined_three_figures(a_history, e_history, **_):
    # the smallest a with the largest e, rounded to three significant figures (2.26 AU for 2.2591 AU)
    wrong = float(_extremes_combined(a_history, e_history).to_value(u.AU))
    return round(wrong, 2 - int(np.floor(np.log10(wrong)))) * u.AU


#: What exercise 03.8 tells a three-figure answer that is off in its last figure in a way two slips explain: the
#: right value cut off instead of rounded, or the smallest a with the largest e (from different moments of the run),
#: rounded. It asserts neither, and says nothing of how near the answer is.
THIRD_FIGURE_8 = (
    "Your value is off in its third significant figure. Compute a (1 - e) at every output, with that output's "
    "a and e, keep the smallest with np.nanmin, and round it to three significant figures only at the end."
)


def _a_times_e(a, e_max, **_):
    return (require(a, u.AU, "a", positive=True) * float(e_max)).to(u.AU)


# ---------------------------------------------------------------- 03.7 a circular Jupiter


@functools.lru_cache(maxsize=32)
def _largest_e_of_run(a_start, e_start, t_end_yr, jupiter_a_au, jupiter_e, danger_au, mass_factor, n_out, seed):
    # one run per set of inputs: a check (or a test trying many answers) asks for the same run again and again
    run = run_belt(
        [a_start] * u.AU,
        e_start,
        t_end_yr * u.yr,
        jupiter_a=jupiter_a_au * u.AU,
        jupiter_e=jupiter_e,
        danger_distance=danger_au * u.AU,
        jupiter_mass_factor=mass_factor,
        n_out=n_out,
        seed=seed,
    )
    return float(np.nanmax(run.e[0]))


def _largest_e(jupiter_e_used, e_start=None):
    """The largest e of the exercise's run with Jupiter's e (None: the real one) and the asteroid's starting e
    (None: the exercise's) set as given."""
    e_start_used = e_start

    def solve(
        a_start, e_start, t_end, jupiter_a, danger_distance, jupiter_mass_factor, n_out, seed, jupiter_e=None, **_
    ):
        if jupiter_e_used is None and jupiter_e is None:
            raise ValueError("no real eccentricity of Jupiter given")
        return _largest_e_of_run(
            float(a_start),
            float(e_start if e_start_used is None else e_start_used),
            float(require(t_end, u.yr, "t_end", positive=True).to_value(u.yr)),
            float(require(jupiter_a, u.AU, "jupiter_a", positive=True).to_value(u.AU)),
            float(jupiter_e if jupiter_e_used is None else jupiter_e_used),
            float(require(danger_distance, u.AU, "danger_distance", positive=True).to_value(u.AU)),
            float(jupiter_mass_factor),
            int(n_out),
            seed,
        )

    return solve


def _largest_e_cut_off(**inputs):
    # the right run, its largest e cut off after two decimals (0.18 for 0.189) instead of rounded
    return np.floor(100 * _largest_e(0.0)(**inputs)) / 100


#: What exercise 03.7 tells any eccentricity given with one decimal only, right run or not. Python stores 0.20 as
#: 0.2, so the sentence fits both ways of typing it.
ONE_DECIMAL = (
    "Your value is a whole tenth (such as 0.2, however many zeros you typed). Give the largest eccentricity of "
    "your run to two decimals, rounded."
)

#: What exercise 03.7 tells any other wrong eccentricity given with two decimals that no likely mistake explains,
#: the right run cut off (0.18 for 0.189) or not, so that a guess learns nothing about where the answer lies.
TWO_DECIMALS = (
    "If your run is right, give its largest eccentricity to two decimals, rounded (not cut off). If not, check "
    "that you changed only the input of run_belt that sets the shape of Jupiter's orbit, and made that orbit a circle."
)


#: What exercise 03.7 tells the asteroid's starting eccentricity (e_try) given as the answer.
STARTING_E = (
    "That is the asteroid's starting eccentricity, e_try, not the largest one of the run. Read the largest e "
    "your run reached, with np.nanmax(...e[0]) as the cell above the check does."
)

#: What exercise 03.7 tells an answer checked with another Jupiter eccentricity than the notebook's check cell gives.
CHECK_INPUTS_CHANGED = (
    'Leave the check\'s inputs as they are (jupiter_e=fact("jupiter.e"), as written in the check cell): the check '
    "needs Jupiter's real eccentricity. Change Jupiter's orbit only in your own run_belt call, then check again."
)


def _jupiter_e_changed(jupiter_e) -> bool:
    """Whether the check was given another eccentricity of Jupiter than the real one (None or not a number: no)."""
    if jupiter_e is None:
        return False
    try:
        given = float(u.Quantity(jupiter_e).to_value(u.one))
    except (TypeError, ValueError, u.UnitsError):
        return False
    return not math.isclose(given, float(fact("jupiter.e")), rel_tol=1e-6, abs_tol=1e-12)


def _is_starting_e(value, e_start) -> bool:
    """Whether a plain number equals the starting eccentricity (0.1 and 0.10 alike)."""
    try:
        return e_start is not None and math.isclose(float(value), float(e_start), rel_tol=0, abs_tol=1e-9)
    except (TypeError, ValueError):
        return False


@dataclass(frozen=True)
class TwoDecimalsExercise(Exercise):
    """Exercise 7: an eccentricity asked to two decimals. Any wrong plain number between 0 and 1 given with one
    decimal only (0.1, 0.2, 0.3 ...) gets the same neutral sentence, and so does any wrong two-decimal number no
    named mistake explains (0.17, 0.18 cut off, 0.21), so a guess learns nothing about where the answer lies; a
    right answer that happens to have one decimal (0.2 for 0.2004) passes as usual."""

    def check(self, answer: Any, **inputs: Any) -> CheckResult:
        result = super().check(answer, **inputs)
        if result.status != INCORRECT:
            return result
        if _jupiter_e_changed(inputs.get("jupiter_e")):
            return CheckResult(INCORRECT, CHECK_INPUTS_CHANGED, result.name)
        value = (
            answer.to_value(u.one) if isinstance(answer, u.Quantity) and answer.unit.is_equivalent(u.one) else answer
        )
        if isinstance(value, (int, float, np.floating)) and not isinstance(value, bool) and 0 < value < 1:
            if _is_starting_e(value, inputs.get("e_start")):
                return CheckResult(INCORRECT, STARTING_E, result.name)
            if math.isclose(float(value), round(float(value), 1), rel_tol=0, abs_tol=1e-9):
                return CheckResult(INCORRECT, ONE_DECIMAL, result.name)
            named = [m.hint for m in self.mistakes if m.solve is not _largest_e_cut_off]
            two_decimals = math.isclose(float(value), round(float(value), 2), rel_tol=0, abs_tol=1e-9)
            if two_decimals and not any(hint in result.message for hint in named):
                return CheckResult(INCORRECT, TWO_DECIMALS, result.name)
        return result


def _times(solve, factor):
    """The answer of ``solve`` multiplied by ``factor``: an eccentricity given as a percentage (100) or with
    its decimal point moved (10)."""

    def scaled(**inputs):
        return factor * solve(**inputs)

    return scaled


_E_PERCENT = (
    "An eccentricity is a plain fraction between 0 (a circle) and 1, not a percentage: give e itself, "
    "without multiplying by 100."
)
_E_DECIMAL_POINT = "Check the decimal point: an eccentricity is a plain fraction between 0 (a circle) and 1."


# ---------------------------------------------------------------- 03.9 the eccentricity that crosses Mars' orbit


def _mars_fraction(a, a_mars):
    """Mars' distance as a fraction of the semi-major axis a: the 1 - e at which the perihelion reaches it."""
    a = require(a, u.AU, "a", positive=True)
    a_mars = require(a_mars, u.AU, "a_mars", positive=True)
    if a_mars >= a:
        raise ValueError(f"a ({a:.3f}) must lie outside Mars' orbit ({a_mars:.3f}) for a crossing eccentricity")
    return float((a_mars / a).to_value(u.one))


def _crossing_e(a_last, a_mars, **_):
    return 1 - _mars_fraction(a_last, a_mars)


def _crossing_e_at_start(a_start, a_mars, **_):
    return 1 - _mars_fraction(a_start, a_mars)


def _perihelion_ratio(a_last, a_mars, **_):
    return _mars_fraction(a_last, a_mars)


def _crossing_e_two_places(a_last, a_mars, **_):
    # the right e rounded to two decimals: too coarse to tell from e_reached, which is less than 0.01 away
    return round(float(_crossing_e(a_last, a_mars)), 2)


def _crossing_e_cut_off(a_last, a_mars, **_):
    # the right e with its digits cut off (not rounded) after three significant figures: 0.375 for 0.3758
    right = float(_crossing_e(a_last, a_mars))
    scale = 10 ** (2 - int(np.floor(np.log10(right))))
    return float(np.floor(right * scale) / scale)


def _crossing_e_one_figure(a_last, a_mars, **_):
    # the right e to one significant figure: far too coarse to compare with e_reached
    return round(float(_crossing_e(a_last, a_mars)), 1)


def _crossing_e_printed(a_last, a_mars, **_):
    # the same formula with a_last and a_mars as shown to two decimals (2.44 and 1.52 AU): 0.377 for 0.3758
    a_last = require(a_last, u.AU, "a_last", positive=True).to_value(u.AU)
    a_mars = require(a_mars, u.AU, "a_mars", positive=True).to_value(u.AU)
    return 1 - round(a_mars, 2) / round(a_last, 2)


#: How far, relatively, an answer to exercise 03.9 may lie from the crossing e (or from its value with the inputs as
#: shown to two decimals): 0.376 passes for 0.3758, and 0.375 does not. Relative, so that the Mistakes' own narrow
#: tolerances are not widened by an absolute one.
CROSSING_RTOL = 0.0016


@dataclass(frozen=True)
class CrossingExercise(Exercise):
    """Exercise 9: three significant figures, judged tightly; the formula applied to a_last and a_mars as shown to
    two decimals (2.44 and 1.52 AU) passes too, since it is the right method with the values on the page."""

    def check(self, answer: Any, **inputs: Any) -> CheckResult:
        result = super().check(answer, **inputs)
        if result.status != INCORRECT:
            return result
        value, printed = _bare_number(answer), _safely(_crossing_e_printed, **{**self.defaults, **inputs})
        if value is not None and printed is not None and math.isclose(value, printed, rel_tol=self.rtol):
            return CheckResult(CORRECT, "", result.name)
        return result


def _e_reached(e_reached=None, **_):
    if e_reached is None:
        raise ValueError("e_reached was not passed to the check")
    return float(e_reached)


_EXERCISES = {
    "03.1": RatioExercise(
        title="Exercise 1 · the period ratio of {asteroid}",
        solve=_ratio,
        rtol=0.0,
        atol=0.0051,  # "to two decimals": the ratio rounded either way to two decimals, and nothing further off
        hint="Compute both periods with utils.orbits.period and divide Jupiter's by the asteroid's.",
        defaults={"asteroid": "the asteroid"},
        mistakes=(
            Mistake(
                _ratio_of_nearest_resonance,
                "That is p/q of one of the main resonances, a simple fraction. The question asks for the "
                "asteroid's own ratio, which is no simple fraction: compute it from the two periods.",
                rtol=0.0005,  # only the fraction itself (2.5), not a nearby computed ratio such as 2.506
            ),
            *(
                Mistake(
                    functools.partial(_resonance_ratio, p, q),
                    "That is a simple fraction, p/q of one of Jupiter's main resonances. The question asks for the "
                    "asteroid's own ratio, which is no simple fraction: compute it from the two periods.",
                    rtol=0.0005,
                )
                for p, q in KIRKWOOD_RESONANCES
            ),
            *(
                Mistake(
                    functools.partial(_resonance_ratio_two_decimals, p, q),
                    "That is a simple fraction, p/q of one of Jupiter's main resonances, rounded. The question asks "
                    "for the asteroid's own ratio, which is no simple fraction: compute it from the two periods.",
                    rtol=1e-6,  # only the rounded fraction itself (2.33 for the 7:3)
                )
                for p, q in KIRKWOOD_RESONANCES
                if round(p / q, 2) != p / q
            ),
            Mistake(
                lambda a, a_jupiter, **_: math.floor(100 * _ratio(a, a_jupiter)) / 100,
                "That looks cut off after two decimals rather than rounded: round the ratio to the nearest hundredth.",
                rtol=1e-9,
                method_right=True,  # it stands alone: no "That is not right" in front
            ),
            Mistake(
                lambda a, a_jupiter, **_: 1 / _ratio(a, a_jupiter),
                "Your ratio is upside down: how many asteroid orbits fit into ONE of Jupiter's? "
                "Divide Jupiter's period by the asteroid's.",
                rtol=0.01,  # 0.39, the inverse rounded to two decimals, too (Ceres: 0.3877)
            ),
            Mistake(
                lambda a, a_jupiter, **_: float((a_jupiter / a).to(u.one)),
                "That is the ratio of the distances. Kepler's third law says the periods grow as a^(3/2).",
            ),
            Mistake(
                lambda a, a_jupiter, **_: _ratio(a, a_jupiter) - 1,
                "That is the ratio minus one, the T_J/T - 1 of the step's formula. The question asks for the "
                "ratio T_J/T itself.",
                rtol=0.004,  # to two decimals too (1.58 for Ceres' 1.579)
            ),
            Mistake(
                lambda a, a_jupiter, **_: float((a_jupiter / a).to(u.one)) ** (2 / 3),
                "Check the exponent: T grows as a^(3/2), not a^(2/3).",
            ),
        ),
    ),
    "03.3": Exercise(
        title="Exercise 3 · what does the {p}:{q} angle do for the asteroid from a = {a_start:.2f} AU, "
        "e = {e_start:.2f}?",
        solve=_libration,
        choices=ANGLE_CHOICES,
        synonyms={
            **{
                f"{verb} {prep} {centre}{unit}": f"librates about {centre}"
                for verb in ("librates", "librate", "librating", "libration")
                for prep in ("about", "around")
                for centre in ("0", "180")
                for unit in ("", "°", " °", " deg", " degrees")
            },
            **{  # 0° and 360° are one direction
                f"{verb} {prep} {same}": "librates about 0"
                for verb in ("librates", "librate", "librating", "libration")
                for prep in ("about", "around")
                for same in ("zero", "360", "360°", "360 deg", "360 degrees")
            },
            "circulate": "circulates",
            "circulating": "circulates",
            "circulation": "circulates",
        },
        incomplete={
            word: "If the angle stays in a band, that band has a middle: which one, 0 or 180? The picture in which "
            "the band is in one piece shows it"
            for word in ("librates", "librate", "librating", "libration")
        },
        hint="Look again at the two plots of this asteroid's angle. Does it stay in a band, however wide, or run "
        "through every angle, again and again? The plot in which a band is in one piece shows its middle; in the "
        "first plot a jump from +180° to -180° is not a turn.",
        defaults={"p": "p", "q": "q"},
        mistakes=(
            Mistake(
                _other_centre,
                "Look again, in both pictures: from -180° to 180° and from 0° to 360°. A band about 180° is split "
                "between the top and the bottom of the first, a band about 0° the same way in the second; the "
                "picture in which the dots form one unbroken band shows the band's middle. Dots that cover every "
                "angle in both pictures are in no band at all.",
            ),
            Mistake(
                _circulates_if_librating,
                "Look again at both ways the angle is plotted, from -180° to 180° and from 0° to 360°. "
                "Does it run all the way round in both pictures, again and again?",
            ),
        ),
    ),
    "03.4": NearestExercise(
        title="Exercise 4 · which main resonance is nearest to {asteroid}, and how far?",
        solve=_nearest_distance,
        rtol=0.01,  # 0.058 and 0.0576 (from the printed 2.767 AU) pass; 0.057 and 0.059 do not
        hint="Compute each location a_J (q/p)^(2/3), a_jup * (q / p) ** (2 / 3), for each (p, q) in "
        "KIRKWOOD_RESONANCES, take the distance of each from the asteroid's a, and keep the smallest and its (p, q).",
        defaults={"asteroid": "the asteroid"},
        mistakes=(
            Mistake(
                _rounded_result,
                ROUNDED_4,
                rtol=1e-6,  # only the rounded value itself: 0.061 AU has three figures and is simply off
                method_right=True,  # it stands alone: no "That is not right" in front
            ),
            Mistake(
                _rounded_location,
                "You probably used a resonance location rounded to 0.01 AU, as printed. For a distance this small "
                "that rounding is a large error: compute a_jup * (q / p) ** (2 / 3) directly, unrounded.",
            ),
            Mistake(
                _rounded_difference,
                "You probably subtracted values rounded to 0.01 AU. Two close numbers lose most of their "
                "digits when subtracted: compute a_jup * (q / p) ** (2 / 3) directly, unrounded, and subtract it from "
                "the asteroid's a.",
            ),
        )
        + (
            Mistake(
                lambda a, a_jupiter, **_: _nearest_distance(a, a_jupiter).to_value(u.AU) * u.km,
                "Your number is right, but it is labelled in km: the distance is in AU. Keep a_ast and a_jup as "
                "Quantities and subtract them, so the unit comes out by itself.",
                method_right=True,  # it stands alone: no "That is not right" in front
            ),
            Mistake(
                _nearest_location,
                "That is where the resonance lies, its distance from the Sun. How far is the asteroid from it? "
                "Subtract the two.",
            ),
        )
        + (
            Mistake(
                _signed_minimum(+1),
                "That is a negative difference: min() of the signed differences a - a_p:q keeps the most negative, "
                "the resonance farthest out, not the nearest. Take abs(...) of each difference before min().",
            ),
            Mistake(
                _signed_minimum(-1),
                "That is a negative difference: min() of the signed differences a_p:q - a keeps the most negative, "
                "the resonance farthest in, not the nearest. Take abs(...) of each difference before min().",
            ),
        )
        + tuple(
            Mistake(
                _farther_distance(rank),
                "That is the distance to a main resonance, but not to the nearest one: compare all five.",
            )
            for rank in range(1, len(KIRKWOOD_RESONANCES))
        )
        + tuple(  # last: a named mistake that also lands 1-2 % off keeps its own hint
            Mistake(_off_by(factor), NEAR_4, rtol=0.0052, method_right=True) for factor in (0.985, 1.015)
        ),
    ),
    "03.5": StepExercise(
        title="Exercise 5 · where does {asteroid} meet Jupiter next?",
        solve=_conjunction_step,
        rtol=0,
        atol=0.6 * u.deg,  # "to the nearest degree": 228° passes for Ceres' 227.99°; 227° and 229° do not
        hint="Between two conjunctions the asteroid gains one full lap on Jupiter; meanwhile Jupiter moves on "
        "by 360° / (T_J/T - 1).",
        defaults={"asteroid": "the asteroid"},
        mistakes=(
            Mistake(
                _jupiter_in_one_orbit,
                "That is how far Jupiter moves while the asteroid makes ONE orbit. But after one orbit the "
                "asteroid is not yet back in line with Jupiter: it must gain a full lap on it.",
            ),
            Mistake(
                _step_without_unit,
                DEGREES_AS_RADIANS_5,
            ),
            Mistake(
                _step_of_nearest_resonance,
                "That is the step for a resonance's p/q, the ratio of the nearest main resonance. The asteroid "
                "is not in it: use its own period ratio, T_J/T, computed from the two periods.",
                rtol=0.0005,
            ),
            Mistake(
                _step_of_rounded_ratio,
                "You probably rounded the period ratio before using it. T_J/T - 1 is a small number, so rounding "
                "moves the angle a lot: keep all the digits of the ratio.",
                rtol=0.002,
            ),
            Mistake(
                _step_of_ratio_upside_down,
                "Your period ratio is upside down: the formula needs T_J/T, Jupiter's period over the "
                "asteroid's (a number above 1), not T/T_J.",
            ),
            Mistake(
                _step_backwards,
                "You measured the angle the other way round (or used the period ratio upside down, T/T_J, and "
                "then brought the angle between 0° and 360°). Use T_J/T, Jupiter's period over the asteroid's, "
                "and measure the angle in the direction both bodies move.",
            ),
            Mistake(
                lambda a, a_jupiter, **_: _conjunction_step(a, a_jupiter) - 360 * u.deg,
                "That is the right direction, one full turn too low: give the angle between 0° and 360°.",
            ),
            Mistake(
                lambda a, a_jupiter, **_: _conjunction_step(a, a_jupiter) + 360 * u.deg,
                "That is the right direction, one full turn too many: give the angle between 0° and 360°.",
            ),
            Mistake(
                lambda a, a_jupiter, **_: _ratio(a, a_jupiter) * u.deg,
                "That is the period ratio T_J/T with a degree sign, not an angle. Between two conjunctions "
                "Jupiter moves on by 360° / (T_J/T - 1): compute that.",
            ),
            Mistake(
                _step_cut_off,
                "That looks cut off after the decimal point rather than rounded: round the angle to the nearest "
                "degree.",
                rtol=1e-9,  # only the whole degree below itself (227° for 227.99°)
                method_right=True,  # it stands alone: no "That is not right" in front
            ),
            Mistake(
                lambda a, a_jupiter, **_: _conjunction_step(a, a_jupiter).to_value(u.rad) * u.deg,
                "That number is the angle in radians labelled as degrees. Write the 360 as 360 * u.deg "
                "(or convert with .to(u.deg)).",
            ),
        ),
    ),
    "03.7": TwoDecimalsExercise(
        title="Exercise 7 · a Jupiter on a circular orbit: the asteroid from {a_start:.2f} AU",
        solve=_largest_e(0.0),
        rtol=0,
        atol=0.0015,  # within rounding to 0.01 (0.19 for 0.189); the lesson prints no other e this close
        hint="Copy the run_belt call of the cell above and change only one input: which one describes the "
        "shape of Jupiter's orbit, and what value of it makes that orbit a circle? Then take the largest "
        "eccentricity of your run the way that cell does.",
        mistakes=(
            Mistake(
                _largest_e(None),
                "That run used Jupiter's real eccentricity. Which input of run_belt sets the shape of "
                "Jupiter's orbit? Make that orbit a circle and run again.",
            ),
            Mistake(
                _largest_e(None, e_start=0.0),
                "If you set e_try to 0, you made the asteroid's orbit circular. The question is about Jupiter's orbit: "
                "keep e_try, and change the input of run_belt that sets the shape of Jupiter's orbit.",
                rtol=0.035,  # to two decimals too (0.15 for 0.1535); the right run's 0.19 is far from it
            ),
            Mistake(
                _largest_e_cut_off,
                TWO_DECIMALS,
                rtol=1e-6,
                method_right=True,  # it stands alone: no "That is not right" in front
            ),  # any two-decimal number no other mistake explains gets the same sentence (TwoDecimalsExercise)
            Mistake(_times(_largest_e(0.0), 100), _E_PERCENT, rtol=0.03),  # 19 for 0.19 too
            Mistake(_times(_largest_e(0.0), 10), _E_DECIMAL_POINT, rtol=0.03),
        ),
    ),
    "03.8": PerihelionExercise(
        title="Exercise 8 · how close to the Sun does the asteroid from {a:.2f} come?",
        solve=_perihelion,
        # "three significant figures": PerihelionExercise passes anything within half a unit of the third figure
        # (2.27 for 2.2664 AU; 2.26 does not pass); this narrower tolerance is only the default for the mistakes
        rtol=0.001,
        hint="The perihelion distance is a (1 - e). Both a and e change during the run: compute a (1 - e) at "
        "every output (live.a[i_pick] in AU, live.e[i_pick]) and keep the smallest with np.nanmin.",
        mistakes=(
            Mistake(
                _perihelion_with_starting_a,
                "You combined the largest e with the starting semi-major axis. In a resonance a swings too, "
                "so the perihelion a (1 - e) must be computed at each output, with that output's a and e.",
                rtol=0.0025,  # to three figures too (as the other slips below)
            ),
            Mistake(_cut_to_three_figures, THIRD_FIGURE_8, rtol=1e-6),  # only the three figures themselves
            Mistake(_extremes_combined_three_figures, THIRD_FIGURE_8, rtol=1e-6),
            Mistake(
                _extremes_combined,
                "You combined the smallest a with the largest e, but they come from different moments of "
                "the run. The perihelion at each output uses that output's a and e: compute a (1 - e) "
                "element by element, then take the smallest.",
                rtol=5e-4,  # given with four or more figures; three are told to round, which also fits
            ),
            Mistake(
                _margin_outside_mars,
                "That is the distance from Mars' orbit. The question asks for the distance from the Sun: "
                "the perihelion a (1 - e) itself.",
                rtol=0.0025,
            ),
            Mistake(
                _largest_aphelion,
                "That is the largest aphelion a (1 + e), the farthest point from the Sun. The perihelion is a (1 - e).",
                rtol=0.0025,  # to three figures too
            ),
            Mistake(
                _aphelion,
                "That is the aphelion, the farthest point from the Sun. The perihelion is a (1 - e).",
                rtol=0.0025,
            ),
            Mistake(
                _perihelion_at_start,
                "You used the starting eccentricity. The closest approach comes when a(1 - e) is smallest: "
                "compute it at every output with that output's a and e.",
                rtol=0.0025,
            ),
            Mistake(
                _a_times_e,
                "a e is the distance from the ellipse's centre to the Sun, not the perihelion distance.",
                rtol=0.0025,
            ),
            Mistake(
                lambda a_history, e_history, **_: _perihelion(a_history, e_history).to_value(u.AU) * u.km,
                "Your number is right, but it is labelled in km: live.a is in AU, so the perihelion is in AU. "
                "Multiply by u.AU, not u.km.",
                method_right=True,  # it stands alone: no "That is not right" in front
                rtol=0.0025,  # the right number rounded to three figures too, with the wrong unit
            ),
        ),
    ),
    "03.9": CrossingExercise(
        title="Exercise 9 · the eccentricity at which an orbit of a = {a_last:.2f} reaches Mars' orbit",
        solve=_crossing_e,
        rtol=CROSSING_RTOL,  # three figures (0.376), or the values as shown (0.377); 0.374 and 0.375 do not pass
        hint="The perihelion is a (1 - e). Set it equal to Mars' distance, a_mars, with a = a_last, and solve "
        "for e. The answer is a plain number.",
        mistakes=(
            Mistake(
                _crossing_e_at_start,
                "You used the starting semi-major axis. The asteroid's a changed during the run: use its "
                "value at the last output, a_last.",
            ),
            Mistake(
                _perihelion_ratio,
                "That is a_mars / a_last, the perihelion as a fraction of a, which is 1 - e. Solve for e itself.",
                rtol=0.01,  # 0.62 too, the ratio to two figures
            ),
            Mistake(
                _crossing_e_two_places,
                "If your method is right, two decimals are too few to compare with e_reached. Give three "
                "significant figures, computed from a_last and a_mars.",
                rtol=1e-6,
                method_right=True,  # it stands alone: no "That is not right" in front
            ),
            Mistake(
                _crossing_e_cut_off,
                "If your method is right, give three significant figures, rounded rather than cut off.",
                rtol=1e-6,  # only the three cut-off figures themselves (0.375 for 0.3758), not 0.374
                method_right=True,  # it stands alone: no "That is not right" in front
            ),
            Mistake(
                _crossing_e_one_figure,
                "If your method is right, one significant figure is too few to compare with e_reached. Give "
                "three, computed from a_last and a_mars.",
                rtol=1e-6,
                method_right=True,  # it stands alone: no "That is not right" in front
            ),
            Mistake(
                _e_reached,
                "That is the largest e the asteroid reached, e_reached. The question asks for the e at which the "
                "perihelion a (1 - e) equals a_mars: solve a_last (1 - e) = a_mars for e, then compare the two.",
                rtol=0.0015,  # e_reached itself or rounded to three figures, not any nearby wrong answer
            ),
            Mistake(_times(_crossing_e, 100), _E_PERCENT, rtol=0.015),  # 37.6 or 38 for 0.376
            Mistake(_times(_crossing_e, 10), _E_DECIMAL_POINT, rtol=0.01),
        ),
    ),
}

#: Written questions (explain, compare): model answers and rubrics in docs/instructors/03-resonances.md.
WRITTEN = {
    "03.2": "Exercise 2 · what do Jupiter's tugs do in the 5:2?",
    "03.6": "Exercise 6 · the realistic run and the real belt",
}
