"""Exercises of lesson 01 check the right answers for whatever inputs they are given."""
from __future__ import annotations

import astropy.units as u
import numpy as np
import pytest

from utils import check
from utils.checks import expected_answer


def test_resonance_exercise_follows_its_inputs():
    assert check("01.1", 2.50 * u.AU, a_jupiter=5.203 * u.AU, p=3, q=1).ok
    assert check("01.1", 2.50 * u.AU, a_jupiter=5.203 * u.AU, p=3, q=1).status == "correct"
    # another resonance, worked by hand: 5.203 * (1/2)^(2/3) = 3.278 AU
    assert check("01.1", 3.278 * u.AU, a_jupiter=5.203 * u.AU, p=2, q=1).ok
    assert not check("01.1", 2.50 * u.AU, a_jupiter=5.203 * u.AU, p=2, q=1).ok
    # a different planet-sized perturber moves the answer
    assert not check("01.1", 2.50 * u.AU, a_jupiter=6 * u.AU, p=3, q=1).ok
    # the period ratio instead of the distance ratio (a common slip): 5.203/3
    assert not check("01.1", 5.203 / 3 * u.AU, a_jupiter=5.203 * u.AU, p=3, q=1).ok
    assert check("01.1", ..., a_jupiter=5.203 * u.AU, p=3, q=1).status == "unanswered"
    assert check("01.1", 2.5, a_jupiter=5.203 * u.AU, p=3, q=1).status == "invalid"


def test_diameter_exercise_by_hand():
    # D = 1329 km / sqrt(0.0717) * 10^(-5.6/5) = 376.5 km (Hygiea's catalogue H and albedo)
    assert check("01.2", 376.5 * u.km, H=5.6 * u.mag, albedo=0.0717).ok
    assert check("01.2", 376.5e3 * u.m, H=5.6 * u.mag, albedo=0.0717).ok
    assert not check("01.2", 407 * u.km, H=5.6 * u.mag, albedo=0.0717).ok   # the measured value differs
    # squaring instead of square-rooting the albedo
    assert not check("01.2", (1329 / 0.0717 * 10 ** (-5.6 / 5)) * u.km, H=5.6 * u.mag, albedo=0.0717).ok
    assert check("01.2", 1329 * u.km, H=0 * u.mag, albedo=1.0).ok
    assert check("01.2", 376.5 * u.km, H=5.6 * u.mag, albedo=-1).status == "invalid"  # bad input, no traceback


def test_encounter_exercise_by_hand():
    # n = 1e6 / 1e25 km^3, d = 4e5 km, L = 2e8 km -> 1e-19 * pi * 1.6e11 * 2e8 = 3.2 pi
    inputs = dict(n_asteroids=1e6, belt_volume=1e25 * u.km**3, distance=4e5 * u.km, path_length=2e8 * u.km)
    assert check("01.3", 3.2 * np.pi, **inputs).ok
    assert not check("01.3", 3.2, **inputs).ok
    assert check("01.3", 12.8 * np.pi, **{**inputs, "distance": 8e5 * u.km}).ok  # twice as close: four times
    assert isinstance(expected_answer("01.3", **inputs), float)
    assert check("01.3", 3.2 * np.pi * u.one, **inputs).ok          # a dimensionless Quantity is fine
    wrong_unit = check("01.3", 3.2 * np.pi * u.km, **inputs)
    assert wrong_unit.status == "invalid" and "plain number" in wrong_unit.message


def test_albedo_choice():
    assert check("01.4", "composition").ok
    assert check("01.4", "Composition ").ok
    assert not check("01.4", "distance").ok
    assert not check("01.4", "size").ok
    assert check("01.4", "colour").status == "invalid"
