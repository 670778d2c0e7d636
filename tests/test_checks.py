"""The self-check machinery every exercise relies on."""
from __future__ import annotations

import astropy.units as u
import numpy as np
import pytest
from astropy.time import Time
from hypothesis import given, strategies as st

import utils
from utils.checks import CheckResult, Exercise, check, compare, expected_answer, get_exercise

MILE = 4500 * u.imperial.mile


def test_placeholder_says_not_answered_and_does_not_raise():
    for placeholder in (..., None):
        r = compare(placeholder, 3 * u.km)
        assert r.status == "unanswered"
        assert "Not answered yet" in str(r)
        assert not r.ok


def test_correct_in_any_compatible_unit():
    assert compare(7242 * u.km, MILE).ok
    assert compare(7.242e6 * u.m, MILE).ok
    assert compare(4500 * u.imperial.mile, MILE).ok


def test_tolerates_rounding_but_not_a_wrong_value():
    exact = MILE.to(u.km)  # 7242.048 km
    assert compare(7240 * u.km, exact).ok            # rounded to 3 figures
    assert compare(7.2e3 * u.km, exact).ok           # 2 figures, within 2 %
    assert compare(7000 * u.km, exact).status == "incorrect"


def test_unit_mismatch_names_expected_kind_and_unit():
    r = compare(3 * u.kg, MILE.to(u.km))
    assert r.status == "invalid"
    assert "length" in r.message and "km" in r.message and "kg" in r.message


def test_missing_unit_asks_for_one():
    r = compare(7242, MILE.to(u.km))
    assert r.status == "invalid"
    assert "no unit" in r.message and "u.km" in r.message


@pytest.mark.parametrize("bad", ["7242 km", [1, 2], {"a": 1}, True, object()])
def test_wrong_types_get_a_message_not_a_traceback(bad):
    r = compare(bad, MILE.to(u.km))
    assert r.status == "invalid"
    assert r.message


def test_array_answers():
    assert compare(np.array([7242.0]) * u.km, MILE).ok  # size one is fine
    r = compare(np.array([1.0, 2.0]) * u.km, MILE)
    assert r.status == "invalid" and "single value" in r.message


def test_wrong_answer_gives_hint_and_never_the_answer():
    expected = MILE.to(u.km)
    r = compare(5000 * u.km, expected, hint="Use .to(u.km).")
    assert r.status == "incorrect"
    assert "Use .to(u.km)." in r.message
    text = str(r) + r._repr_html_()
    for shown in ("7242", "7,242", "7.24", "7240"):
        assert shown not in text


def test_power_of_ten_hint():
    r = compare(7.242 * u.m, 7242 * u.km)
    assert "factor of about 1,000,000" in r.message
    r = compare(-7242 * u.km, 7242 * u.km)
    assert "sign" in r.message


def test_plain_numbers_and_dimensionless():
    assert compare(15.4, 15.42).ok
    assert compare(15.4 * u.dimensionless_unscaled, 15.42).ok
    assert compare(3 * u.km, 15.42).status == "invalid"
    assert compare(np.float32(15.4), 15.42).ok
    assert compare(float("nan"), 15.42).status == "incorrect"


def test_text_and_choices():
    choices = ["true", "false", "misleading"]
    assert compare("  Misleading ", "misleading", choices=choices).ok
    assert compare("false", "misleading", choices=choices).status == "incorrect"
    r = compare("maybe", "misleading", choices=choices)
    assert r.status == "invalid" and "'misleading'" in r.message
    assert compare(3, "misleading", choices=choices).status == "invalid"


def test_booleans():
    assert compare(True, True).ok
    assert compare(False, True).status == "incorrect"
    assert compare("True", True).status == "invalid"


def test_dates():
    arrival = Time("2015-03-06 12:39", scale="utc")
    assert compare("2015-03-06", arrival).ok
    assert compare(Time("2015-03-06T20:00"), arrival).ok
    assert compare("2015-03-09", arrival).status == "incorrect"
    r = compare("2016-03-06", arrival)
    assert "year" in r.message
    assert compare("not a date", arrival).status == "invalid"
    assert compare(2015, arrival).status == "invalid"


def test_result_displays_words_not_only_colour():
    for status, word in [("correct", "Correct"), ("incorrect", "Not yet"),
                         ("unanswered", "Not answered yet"), ("invalid", "Check the form")]:
        r = CheckResult(status, "msg", "Exercise 9")
        assert word in str(r) and word in r._repr_html_()
        assert "Exercise 9" in r._repr_html_()


def test_exercise_registry_and_inputs():
    assert check("00.1", 7242 * u.km, distance=MILE).ok
    # an instructor changes the input: the expected answer follows
    assert check("00.1", 4345 * u.km, distance=2700 * u.imperial.mile).ok
    assert not check("00.1", 7242 * u.km, distance=2700 * u.imperial.mile).ok
    assert expected_answer("00.1", distance=1 * u.imperial.mile).to_value(u.km) == pytest.approx(1.609344)


def test_broken_inputs_are_reported_as_inputs_not_answer():
    r = check("00.1", 7242 * u.km, distance=-3 * u.km)
    assert r.status == "invalid" and "inputs" in r.message
    r = check("00.1", 7242 * u.km, distance=3)  # input without a unit
    assert r.status == "invalid" and "inputs" in r.message


@pytest.mark.parametrize("bad_id", ["1", 12, "99.1", "00.99"])
def test_unknown_exercise_ids_raise_clear_errors(bad_id):
    with pytest.raises(ValueError, match="exercise|lesson"):
        get_exercise(bad_id)


def test_lazy_import_of_check():
    assert utils.check is check


@given(st.floats(min_value=1e-6, max_value=1e6), st.floats(min_value=-0.015, max_value=0.015))
def test_property_within_tolerance_is_correct(value, jitter):
    expected = value * u.km
    assert compare(value * (1 + jitter) * u.km, expected).ok
    assert compare(value * (1 + jitter) * 1000 * u.m, expected).ok


@given(st.floats(min_value=1e-6, max_value=1e6), st.floats(min_value=0.03, max_value=100))
def test_property_outside_tolerance_is_never_correct(value, factor):
    expected = value * u.km
    assert compare(value * (1 + factor) * u.km, expected).status == "incorrect"
    assert compare(value / (1 + factor) * u.km, expected).status == "incorrect"


def test_exercise_dataclass_defaults():
    ex = Exercise(title="t", solve=lambda x, y=2: x * y, defaults={"y": 3})
    assert ex.expected(x=2) == 6
    assert ex.check(6, x=2).ok
    assert ex.check(..., x=2).status == "unanswered"
