"""Exercises of 07 · Capstone: fact-check the 2015 news story."""
from __future__ import annotations

import astropy.units as u

from ..camera import distance_for_pixel_scale
from ..checks import Exercise
from ..factcheck import MONTH, VERDICTS, duration, in_months, judge_duration, judge_first
from ..units import require


def _months_at_vesta(arrival, departure):
    stay = duration(arrival, departure)
    if stay <= 0 * u.day:
        raise ValueError("departure must come after arrival")
    return float(in_months(stay).value)


def _verdict_months(arrival, departure, claimed_months, tolerance_months=1):
    claimed = require(claimed_months, u.one, "claimed_months", positive=True)
    tol = require(tolerance_months, u.one, "tolerance_months", nonnegative=True)
    return judge_duration(arrival, departure, float(claimed) * MONTH, float(tol) * MONTH)


def _verdict_first(dawn_launch, earlier_first_use):
    return judge_first(dawn_launch, earlier_first_use)


def _distance_for_pixels(size, pixels, ifov):
    s = require(size, u.km, "size", positive=True)
    n = require(pixels, u.one, "pixels", positive=True)
    return distance_for_pixel_scale((s / n).to(u.m), ifov).to(u.km)


EXERCISES = {
    "07.1": Exercise(
        title="Exercise 1 · months at Vesta",
        solve=_months_at_vesta,
        rtol=0.02,
        hint="Subtract the two Times, convert the TimeDelta to years with .to(u.yr) and multiply by 12.",
    ),
    "07.2": Exercise(
        title="Exercise 2 · your verdict: about 14 months at Vesta",
        solve=_verdict_months,
        choices=VERDICTS,
        hint="Compare your answer to exercise 1 with the story's number: is the difference within a month?",
    ),
    "07.3": Exercise(
        title="Exercise 3 · your verdict: NASA's first ion-driven spacecraft",
        solve=_verdict_first,
        choices=VERDICTS,
        hint="Look at the date of Deep Space 1's first ion thrust: before or after Dawn's launch?",
    ),
    "07.4": Exercise(
        title="Exercise 4 · how close for a sharp facula?",
        solve=_distance_for_pixels,
        rtol=0.02,
        hint="One pixel must cover size / pixels; the distance is that length divided by the IFOV in radians.",
    ),
}
