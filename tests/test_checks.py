"""The self-check machinery every exercise relies on."""

from __future__ import annotations

import re

import astropy.units as u
import numpy as np
import pytest
from astropy.time import Time
from hypothesis import given
from hypothesis import strategies as st

import utils
from utils.checks import CheckResult, Exercise, Mistake, RoundedTooFar, _expected_answer, _get_exercise, check, compare

MILE = 4500 * u.imperial.mile


def test_placeholder_says_not_answered_and_does_not_raise():
    r = compare(..., 3 * u.km)
    assert r.status == "unanswered"
    assert "Not answered yet" in str(r)
    assert not r.ok


def test_none_is_not_an_answer_and_says_why():
    """None usually comes from a function without ``return``: say so instead of "not answered"."""
    r = compare(None, 3 * u.km)
    assert r.status == "invalid" and "None" in r.message and "return" in r.message


def test_correct_in_any_compatible_unit():
    assert compare(7242 * u.km, MILE).ok
    assert compare(7.242e6 * u.m, MILE).ok
    assert compare(4500 * u.imperial.mile, MILE).ok


def test_tolerates_rounding_but_not_a_wrong_value():
    exact = MILE.to(u.km)  # 7242.048 km
    assert compare(7240 * u.km, exact).ok  # rounded to 3 figures
    assert compare(7.2e3 * u.km, exact).ok  # 2 figures, within 2 %
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
    for status, word in [
        ("correct", "Correct"),
        ("incorrect", "Not yet"),
        ("unanswered", "Not answered yet"),
        ("invalid", "Check the form"),
    ]:
        r = CheckResult(status, "msg", "Exercise 9")
        assert word in str(r) and word in r._repr_html_()
        assert "Exercise 9" in r._repr_html_()


def test_exercise_registry_and_inputs():
    assert check("00.1", 7242 * u.km, distance=MILE).ok
    # an instructor changes the input: the expected answer follows
    assert check("00.1", 4345 * u.km, distance=2700 * u.imperial.mile).ok
    assert not check("00.1", 7242 * u.km, distance=2700 * u.imperial.mile).ok
    assert _expected_answer("00.1", distance=1 * u.imperial.mile).to_value(u.km) == pytest.approx(1.609344)


def test_broken_inputs_are_reported_as_inputs_not_answer():
    r = check("00.1", 7242 * u.km, distance=-3 * u.km)
    assert r.status == "invalid" and "inputs" in r.message
    r = check("00.1", 7242 * u.km, distance=3)  # input without a unit
    assert r.status == "invalid" and "inputs" in r.message


@pytest.mark.parametrize("bad_id", ["1", 12, "99.1", "00.99", "", "../00.1", None])
def test_unknown_exercise_ids_raise_clear_errors(bad_id):
    with pytest.raises(ValueError, match="exercise|lesson"):
        _get_exercise(bad_id)


@pytest.mark.parametrize("bad_id", ["1", 12, "99.1", "00.99", "", None, 1.5, ("00", 1)])
def test_check_with_an_unknown_id_says_so_and_does_not_raise(bad_id):
    r = check(bad_id, 3)
    assert r.status == "invalid" and not r.ok
    assert "id" in r.message or "exercise" in r.message


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


# --------------------------------------------------------------------------
# hostile and unusual answers: never raise, never accept a wrong kind, clean sentences
# --------------------------------------------------------------------------


class _Trap:
    """An answer whose every protocol method raises (a booby-trapped object)."""

    def __init__(self, *broken):
        self.broken = set(broken) or {"float", "eq", "array", "bool", "repr"}

    def _boom(self, what):
        if what in self.broken:
            raise RuntimeError(f"trap: {what}")

    def __float__(self):
        self._boom("float")
        return 1.0

    def __eq__(self, other):
        self._boom("eq")
        return False

    __hash__ = None

    def __array__(self, *args, **kwargs):
        self._boom("array")
        return np.array(1.0)

    def __bool__(self):
        self._boom("bool")
        return True

    def __repr__(self):
        self._boom("repr")
        return "_Trap()"

    __str__ = __repr__


HOSTILE = {
    "nan": float("nan"),
    "inf": float("inf"),
    "nan-km": float("nan") * u.km,
    "string": "7242 km",
    "empty-string": "",
    "list": [7242, 1],
    "list-of-one": [7242],
    "tuple": (1, 2),
    "dict": {"a": 1},
    "complex": 7242 + 5000j,
    "complex-km": (7242 + 5000j) * u.km,
    "complex-array": np.array([1 + 1j]),
    "none": None,
    "subnormal": 1e-320,
    "subnormal-km": 1e-320 * u.km,
    "zero": 0,
    "zero-km": 0 * u.km,
    "negative-km": -5 * u.km,
    "huge-int": 10**400,
    "huge-float-km": 1e308 * u.km,
    "array": np.array([1.0, 2.0]),
    "array-km": np.array([1.0, 2.0]) * u.km,
    "empty-array": np.array([]),
    "bool": True,
    "numpy-bool": np.bool_(False),
    "kg": 3 * u.kg,
    "deg": 30 * u.deg,
    "deg_C": 25 * u.deg_C,
    "one": 3 * u.one,
    "percent": 30 * u.percent,
    "object": object(),
    "type": float,
    "function": len,
    "trap-all": _Trap(),
    "trap-float": _Trap("float"),
    "trap-eq": _Trap("eq"),
    "trap-array": _Trap("array"),
    "trap-bool": _Trap("bool"),
    "trap-repr": _Trap("repr"),
}

EXPECTED = {
    "length": 7242.048 * u.km,
    "dimensionless-quantity": 15.42 * u.one,
    "plain-number": 15.42,
    "temperature": 327.4 * u.K,
    "angle": 23.44 * u.deg,
    "speed": 17.93 * u.km / u.s,
    "odd-unit": 4.816 * u.km / u.s**2 / u.kg,
    "text": "misleading",
    "bool": True,
    "date": Time("2015-03-06 12:39", scale="utc"),
}

#: Answers that may be correct for one kind of expected value, by design.
_MAY_BE_RIGHT = {("bool", "bool")}


def _digit_forms(value: float) -> set[str]:
    """How the expected value could be written at 2-4 significant figures."""
    forms = set()
    for n in (2, 3, 4):
        rounded = float(f"{value:.{n}g}")
        forms |= {f"{value:.{n}g}", f"{value:.{n - 1}e}", f"{rounded:,}", repr(rounded)}
        if rounded >= 100:
            forms |= {f"{rounded:.0f}", f"{rounded:,.0f}"}
        digits = f"{value:.{n - 1}e}".split("e")[0].replace(".", "")
        if n >= 3:
            forms.add(digits)
    return forms


def _assert_clean(text: str) -> None:
    """A message a student reads: clean sentences (checked on the message and on the whole result)."""
    if isinstance(text, CheckResult):
        if text.message:
            _assert_clean(text.message)
        text = str(text)
    assert text, "an empty message"
    assert text == " ".join(text.split()), f"doubled or stray spaces: {text!r}"
    assert text[-1] in ".!?", f"no final punctuation: {text!r}"
    for bad in ("in .", "a dimensionless,", " ,", "..", ".Your", ".That", "for example in ."):
        assert bad not in text.replace("`...`", "`…`"), f"{bad!r} in {text!r}"
    assert not re.search(r" \.(\s|$)", text), f"a stray space before a full stop: {text!r}"
    assert not re.search(r"\ba (?:[aeio]|un[^i])", text), f"article: {text!r}"


@pytest.mark.parametrize("expected_kind", list(EXPECTED))
@pytest.mark.parametrize("answer_kind", list(HOSTILE))
def test_hostile_answers_get_a_clean_sentence_and_are_never_accepted(answer_kind, expected_kind):
    expected = EXPECTED[expected_kind]
    r = compare(HOSTILE[answer_kind], expected, hint="Think again.")
    assert isinstance(r, CheckResult)
    if (answer_kind, expected_kind) not in _MAY_BE_RIGHT:
        assert r.status in ("invalid", "incorrect"), f"{answer_kind} accepted for {expected_kind}: {r}"
    _assert_clean(r)
    shown = str(r) + repr(r) + r._repr_html_()
    value = getattr(expected, "value", expected)
    if isinstance(value, float):
        leaked = [f for f in _digit_forms(value) if f in shown]
        assert not leaked, f"{leaked} reveal the expected {value}: {shown}"


def test_digit_forms_cover_the_usual_ways_of_writing_a_number():
    assert {"7.2e+03", "7240", "7,242", "724", "7242"} <= _digit_forms(7242.048)
    assert {"15", "15.4", "15.42"} <= _digit_forms(15.42)


@pytest.mark.parametrize("answer", [HOSTILE[k] for k in HOSTILE], ids=list(HOSTILE))
def test_registered_exercise_never_raises_and_never_accepts_a_wrong_kind(answer):
    for ex_id, inputs in [("00.1", {"distance": MILE}), ("00.2", {"distance": MILE, "ceres_radius": 469.7 * u.km})]:
        r = check(ex_id, answer, **inputs)
        assert r.status in ("invalid", "incorrect"), r
        _assert_clean(r)


def test_complex_answers_are_refused_even_with_the_right_real_part():
    """(7242+5000j) km once passed as 7242 km."""
    assert check("00.1", (7242 + 5000j) * u.km, distance=MILE).status == "invalid"
    assert check("00.2", 15.42 + 1j, distance=MILE, ceres_radius=469.7 * u.km).status == "invalid"
    assert "complex" in compare(np.complex128(15.42), 15.42).message


def test_subnormal_and_huge_answers_do_not_raise():
    assert compare(1e-320 * u.km, MILE).status == "incorrect"
    r = compare(10**400, 15.42)
    assert r.status == "invalid" and "too large" in r.message
    assert compare(10**400, 15.42 * u.one).status == "invalid"


def test_array_inputs_are_reported_as_inputs():
    r = check("00.1", 7242 * u.km, distance=np.array([1.0, 2.0]) * u.imperial.mile)
    assert r.status == "invalid" and "input distance" in r.message and "single value" in r.message
    _assert_clean(r)


def test_broken_input_objects_are_reported_as_inputs():
    r = check("00.1", 7242 * u.km, distance=_Trap())
    assert r.status == "invalid" and "inputs" in r.message
    _assert_clean(r)


# --------------------------------------------------------------------------
# temperatures, dimensionless answers, "close" and mistakes
# --------------------------------------------------------------------------


@pytest.mark.parametrize("answer", [327.4 * u.K, 54.25 * u.deg_C, 129.65 * u.imperial.deg_F])
def test_absolute_temperatures_in_any_scale(answer):
    assert compare(answer, 327.4 * u.K).ok
    assert compare(answer, (54.25 * u.deg_C)).ok


def test_wrong_temperature_is_still_wrong_and_offsets_are_not_forgotten():
    assert compare(54.25 * u.K, 327.4 * u.K).status == "incorrect"  # a Celsius number labelled K
    assert compare(327.4 * u.deg_C, 327.4 * u.K).status == "incorrect"


def test_temperature_differences_convert_without_the_offset():
    assert compare(10 * u.deg_C, 10 * u.K, temperature_difference=True).ok
    assert compare(18 * u.imperial.deg_F, 10 * u.K, temperature_difference=True).ok
    assert not compare(10 * u.deg_C, 10 * u.K).ok  # as absolute temperatures they differ
    assert compare(10.5 * u.K, 10 * u.K, rtol=0, atol=1 * u.deg_C).ok  # atol is a difference


def test_unit_on_a_dimensionless_answer_gets_a_clean_sentence():
    r = compare(3 * u.km, 15.42 * u.one)
    assert r.status == "invalid"
    assert r.message == (
        "Your answer is in km (length), but this exercise asks for a plain number: the units should cancel."
    )
    r = compare(3 * u.km, 15.42)
    assert r.status == "invalid" and "plain number" in r.message
    _assert_clean(r)


def test_a_tangle_of_units_is_shown_simplified_with_the_missing_step():
    """A mass written in units that cancel (km3 s2 kg / (h2 m3)) is named a mass, in kg, and an answer one
    volume (or time) away from what is asked says which step is missing; other mismatches say nothing more."""
    density = 2.2 * u.g / u.cm**3
    r = compare(9.4e20 * u.kg * u.km**3 * u.s**2 / (u.h**2 * u.m**3), density)
    assert r.status == "invalid" and "that is kg (mass)" in r.message, r.message
    assert "divide it by a volume" in r.message
    r = compare(3 * u.km, 2 * u.km / u.s)
    assert r.status == "invalid" and "divide it by a time" in r.message, r.message
    r = compare(3 * u.km / u.s, 2 * u.km)
    assert "multiply it by a time" in r.message, r.message
    r = compare(3 * u.kg, 2 * u.km)
    assert r.message == "Your answer is in kg (mass), but this exercise asks for a length, for example in km."
    _assert_clean(r)


def test_a_missing_root_square_or_g_is_named_not_a_division():
    """A period squared is told to take the square root (not "divide it by a time"), a root to square, and
    ``2 pi sqrt(a**3 / M)`` that G is missing; a factor like pi**2 or 9.2 is not called a unit slip."""
    period = 5.4 * u.h
    r = compare(29.2 * u.h**2, period)
    assert r.status == "invalid" and "take the square root" in r.message and "divide" not in r.message, r.message
    r = compare(2.3 * u.h ** (1 / 2), period)
    assert "square it" in r.message, r.message
    r = compare(7.0e5 * u.km**1.5 / u.kg**0.5, period)
    assert "G is missing" in r.message, r.message
    a = 2.77 * u.AU  # the third law solved for a: a**3 left without its cube root, or square-rooted instead
    r = compare(21.3 * u.AU**3, a)
    assert "take the cube root" in r.message and "divide" not in r.message, r.message
    r = compare(4.6 * u.AU**1.5, a)
    assert "square root where a cube root is needed" in r.message and "distance is left" not in r.message, r.message
    r = compare(3.0 * u.km, 2 * u.km / u.s)
    assert "divide it by a time" in r.message, r.message
    for factor in (9.87, 9.2, 1 / 9.87):
        r = compare(factor * 2.16, 2.16)
        assert not r.ok and "factor of about" not in r.message, (factor, r.message)
    for factor in (10, 10 * 1.008, 1000 / 1.005):
        r = compare(factor * 2.16, 2.16)
        assert "factor of about" in r.message, (factor, r.message)
    _assert_clean(r)


def test_an_angle_unit_typed_twice_or_on_a_plain_number_is_named():
    """228 * u.deg * u.deg (or * u.rad) for an angle is refused with the reason, never judged or accepted; a plain
    number given in degrees is told the exercise wants a plain number (radians stay a plain number)."""
    for answer in (228 * u.deg * u.deg, 228 * u.deg * u.rad):
        r = compare(answer, 228 * u.deg)
        assert r.status == "invalid" and "twice" in r.message, r.message
    r = compare(2.579 * u.deg, 2.579)
    assert r.status == "invalid" and "plain number" in r.message, r.message
    assert compare(2.579 * u.rad, 2.579).ok
    assert compare(228 * u.deg, 228 * u.deg).ok and compare(3.979 * u.rad, 228 * u.deg).ok
    _assert_clean(r)


def test_a_sentence_keeps_a_leading_name_as_typed():
    """A message that starts with a variable's name (e, body_b) keeps its case: in an orbits lesson E is another
    quantity than e; ordinary words still get their capital."""
    from utils.checks import _sentence

    assert _sentence("e must be between 0 and 1") == "e must be between 0 and 1."
    assert _sentence("body_b must be one of 'vesta'") == "body_b must be one of 'vesta'."
    assert _sentence("your answer is close") == "Your answer is close."
    assert _sentence("a") == "a."


def test_dimensionless_answers_in_any_dimensionless_unit():
    assert compare(1542 * u.percent, 15.42 * u.one).ok
    assert compare((7242 * u.km / (469.7 * u.km)), 15.42).ok


def test_close_only_within_rounding():
    expected = 0.04472 * u.one
    r = compare(0.045, expected, rtol=0.001)  # 2 significant figures: just rounded too much
    assert r.status == "incorrect" and "close" in r.message
    r = compare(0.047, expected, rtol=0.001)  # 5 % off, not a rounding of the answer
    assert r.status == "incorrect" and "close" not in r.message
    r = compare(7000 * u.km, MILE, rtol=0.001)  # 3 % off: not close
    r = compare(12.3 * u.h, 12.0 * u.h, rtol=0.02)  # 2.4 % off but not a rounding of 12.0
    assert "close" not in r.message
    assert "close" in compare(12 * u.h, 12.04 * u.h, rtol=0.001).message
    assert "close" not in r.message
    r = compare(3.0 * u.AU, 3.49 * u.AU, rtol=0.005)  # 1 significant figure, but 14 % off: not close
    assert r.status == "incorrect" and "close" not in r.message
    assert "close" in compare(3 * u.AU, 3.04 * u.AU, rtol=0.005).message  # the same rounding, 1 % off
    r = compare(500 * u.day, 482 * u.day, rtol=0.01)  # 1 significant figure, 3.7 % off: not close
    assert r.status == "incorrect" and "close" not in r.message


def test_close_is_judged_in_the_students_unit():
    # 4500 mi = 7242 km; 4.5e3 mi is the answer rounded to 2 figures, in miles
    assert "close" in compare(4.5e3 * u.imperial.mile, 7300 * u.km, rtol=0.001).message


def _exercise_with_mistakes():
    return Exercise(
        title="Exercise 9 · distance from the centre at {altitude}",
        solve=lambda altitude, radius: altitude + radius,
        rtol=0.01,
        hint="Draw the orbit and the body.",
        mistakes=(
            utils.checks.Mistake(lambda altitude, radius: altitude, "An altitude is not a distance from the centre."),
            utils.checks.Mistake(
                lambda altitude, radius: (altitude + radius) / radius,
                "You divided by the radius: the exercise asks for a distance.",
            ),
            utils.checks.Mistake(lambda altitude, radius: 1 / 0, "never used"),
        ),
    )


def test_a_mistake_gets_its_own_hint_and_never_close():
    ex = _exercise_with_mistakes()
    inputs = {"altitude": 1000 * u.km, "radius": 20 * u.km}  # answer 1020 km; the mistake is 2 % off
    r = ex.check(1000 * u.km, **inputs)
    assert r.status == "incorrect"
    assert "An altitude is not a distance" in r.message
    assert "close" not in r.message and "Draw the orbit" not in r.message
    _assert_clean(r)


def test_a_method_right_mistake_stands_alone_without_that_is_not_right():
    ex = Exercise(
        title="t",
        solve=lambda x: 2 * x,
        rtol=1e-4,
        hint="Double it.",
        mistakes=(
            Mistake(
                lambda x: round(2 * x, 1), "If your method is right, keep three figures.", rtol=1e-9, method_right=True
            ),
            Mistake(lambda x: x, "You forgot to double it.", rtol=1e-9),
        ),
    )
    kept = ex.check(round(2 * 1.2345, 1), x=1.2345)
    assert kept.status == "incorrect" and kept.message == "If your method is right, keep three figures.", kept
    plain = ex.check(1.2345, x=1.2345)
    assert plain.status == "incorrect" and plain.message.startswith("That is not right. Hint: You forgot"), plain


def test_a_mistake_of_another_unit_is_recognised():
    ex = _exercise_with_mistakes()
    r = ex.check(51.0, altitude=1000 * u.km, radius=20 * u.km)  # a ratio instead of a distance
    assert r.status == "incorrect" and "divided by the radius" in r.message


def test_other_wrong_answers_get_the_general_hint_and_title_from_inputs():
    ex = _exercise_with_mistakes()
    r = ex.check(700 * u.km, altitude=1000 * u.km, radius=20 * u.km)
    assert r.status == "incorrect" and "Draw the orbit" in r.message
    assert "1000.0 km" in r.name
    assert ex.check(1020 * u.km, altitude=1000 * u.km, radius=20 * u.km).ok


def test_no_part_of_a_result_reveals_the_expected_answer():
    ex = Exercise(
        title="Exercise 9 · ratio",
        solve=lambda a, b: a / b,
        rtol=0.001,
        mistakes=(utils.checks.Mistake(lambda a, b: b / a, "Which way round?"),),
    )
    inputs = {"a": 7.3829 * u.km, "b": 1 * u.km}
    expected = ex.expected(**inputs).to_value(u.one)
    for answer in (..., None, 1 / expected, 7.3, 7.4, 73.83, 0, "7.38", 7.38 * u.km, float("nan"), -7.38):
        r = ex.check(answer, **inputs)
        shown = " ".join([str(r), repr(r), r._repr_html_(), r.message, r.name, r.status, *map(str, vars(r).values())])
        leaked = [f for f in _digit_forms(expected) if f in shown]
        assert not leaked, f"{answer!r}: {leaked} in {shown}"


def test_review_fixes_imperial_example_timedelta_and_angles():
    import astropy.units as u
    from astropy.time import Time

    from utils.checks import _unit_example, compare

    # the example in a hint is code that runs
    example = _unit_example(u.imperial.mile, 239.0).strip("`")
    assert "u.imperial.mi" in example
    assert eval(example, {"u": u}).unit == u.imperial.mile
    # the difference of two Times is a duration like any other
    assert compare(Time("2015-03-06") - Time("2015-03-01"), 5 * u.day).ok
    # an angle left in a ratio, or radians for a plain number, follow astropy's dimensionless_angles
    assert compare(2 * u.km / (1 * u.km * 1 * u.urad), 2e6 * u.one).ok
    assert compare(1.5765 * u.rad, 1.5765).ok
    assert compare(3 * u.km, 1.0).status == "invalid"


def test_a_composite_unit_example_is_written_as_students_type_it():
    import astropy.units as u

    from utils.checks import _unit_example

    for unit, text in ((u.km / u.s, "u.km / u.s"), (u.kg / u.m**2 / u.s, "u.kg / u.s / u.m**2")):
        example = _unit_example(unit, 3.0).strip("`")
        assert text in example and "u.Unit(" not in example
        assert eval(example, {"u": u}).unit == unit
    # a scaled unit keeps the general form, which also runs
    scaled = _unit_example(u.Unit("1000 km"), 3.0).strip("`")
    assert "u.Unit(" in scaled and eval(scaled, {"u": u}).unit == u.Unit("1000 km")


def test_a_likely_mistake_with_its_sign_flipped_gets_its_hint_before_the_sign_message():
    from utils.checks import Exercise, Mistake

    ex = Exercise(
        title="difference",
        solve=lambda a, b: a + b,
        mistakes=(Mistake(lambda a, b: a - b, "You subtracted; the question adds."),),
    )
    flipped = ex.check(-(5.0 - 3.0), a=5.0, b=3.0)
    assert flipped.status == "incorrect" and "You subtracted" in flipped.message and "sign" in flipped.message
    assert "sign" not in ex.check(5.0 - 3.0, a=5.0, b=3.0).message  # the mistake as made: no sign note
    assert ex.check(-(5.0 + 3.0), a=5.0, b=3.0).message.startswith("That is not right. Check the sign")
    assert ex.check("two", a=5.0, b=3.0).status != "correct"  # a string cannot be negated: no crash


def test_a_mistake_matched_as_given_wins_over_an_earlier_one_matched_only_with_its_sign_flipped():
    from utils.checks import Mistake

    ex = Exercise(
        title="angle",
        solve=lambda: 228.0,
        mistakes=(Mistake(lambda: 132.0, "the other way round"), Mistake(lambda: -132.0, "one full turn too low")),
    )
    low = ex.check(-132.0)
    assert "one full turn too low" in low.message and "sign" not in low.message
    back = ex.check(132.0)
    assert "the other way round" in back.message and "sign" not in back.message


def test_a_mistake_within_tolerance_of_the_right_answer_gives_no_hint():
    from utils.checks import Mistake

    # whole calendar days: 482 where the stay is 481.5 days, within the 1 % tolerance of the right answer
    ex = Exercise(
        title="stay",
        solve=lambda start, end: end - start,
        rtol=0.01,
        mistakes=(Mistake(lambda start, end: round(end - start + 0.4), "You counted whole calendar days."),),
    )
    flipped = ex.check(-481.5, start=0.0, end=481.5)  # the right answer, subtracted the wrong way round
    assert flipped.status == "incorrect" and "calendar" not in flipped.message and "sign" in flipped.message
    assert ex.check(482, start=0.0, end=481.5).ok  # the "mistake" itself is within tolerance: right
    far = ex.check(-11.0, start=0.0, end=10.6)  # where it is a real mistake its hint still comes
    assert ex.check(11, start=0.0, end=10.6).ok is False and "calendar" in far.message


def test_synonyms_count_as_their_choice():
    from utils.checks import Exercise

    ex = Exercise("a word", lambda: "centaurs", choices=["centaurs", "main belt"], synonyms={"Centaur": "centaurs"})
    assert ex.check(" centaur ").ok and ex.check("CENTAUR").ok
    assert ex.check("main belt").status == "incorrect"
    assert ex.check("comet").status == "invalid"
    assert ex.check(3).status == "invalid"  # not text: synonyms do not apply


def test_an_incomplete_text_answer_is_asked_for_its_missing_part():
    from utils.checks import Exercise

    ex = Exercise(
        "a word",
        lambda: "librates about 0",
        choices=["librates about 0", "circulates"],
        incomplete={"Librates": "About which middle?"},
    )
    told = ex.check(" librates ")
    assert told.status == "invalid" and "About which middle?" in told.message and "'circulates'" in told.message
    assert ex.check("librates about 0").ok and ex.check("circulates").status == "incorrect"
    assert "About which middle" not in ex.check("spins").message


def test_a_written_exercise_id_says_it_is_written_and_never_raises():
    import importlib

    for lesson in ("01", "05", "07"):
        written = importlib.import_module(f"utils.exercises.lesson{lesson}").WRITTEN
        for exercise_id in written:
            result = check(exercise_id, "my answer")
            assert result.status == "invalid" and "written exercise" in result.message, exercise_id
            assert "Check the id" not in result.message
            with pytest.raises(ValueError, match="written exercise"):
                _get_exercise(exercise_id)


def test_a_non_text_answer_to_a_text_exercise_gets_an_example_it_can_use():
    choices = compare(3, "size", choices=["distance", "composition", "size"])
    assert choices.status == "invalid" and "'distance', 'composition', 'size'" in choices.message
    assert "'true'" not in choices.message
    free = compare(float("nan"), "example.org")
    assert free.status == "invalid" and "text in quotes" in free.message and "'true'" not in free.message


def test_a_duration_from_two_times_is_judged_as_a_duration():
    # a TimeDelta answer (a difference of two Times) is compared like the Quantity it stands for
    start, end = Time("2011-07-16T05:00:00"), Time("2012-09-05T06:26:00")
    assert compare(end - start, (end - start).to(u.day)).ok
    assert not compare(end - start, 10 * u.day).ok


def test_checking_a_length_does_not_import_astropy_time():
    # a lesson without dates never pays for importing astropy.time: no Time can exist before it is imported
    import subprocess
    import sys

    code = (
        "import sys, astropy.units as u; from utils.checks import compare; "
        "assert compare(3 * u.km, 3000 * u.m).ok and not compare(5, 3 * u.km).ok; "
        "print('astropy.time' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_a_mistake_with_its_own_narrower_tolerance_gives_its_hint_only_near_its_value():
    from utils.checks import Exercise, Mistake

    ex = Exercise(
        title="diameter",
        solve=lambda: 100.0,
        rtol=0.05,
        mistakes=(Mistake(lambda: 120.0, "You copied the table's value.", rtol=0.002),),
    )
    assert "copied" in ex.check(120.1).message  # within 0.2 % of the copied value
    assert "copied" not in ex.check(118.0).message  # within the exercise's 5 %, not the mistake's 0.2 %
    assert ex.check(118.0).status == "incorrect"


def test_lesson01_catalogue_diameter_hint_fires_only_for_the_copied_value():
    import astropy.units as u

    import utils
    from utils.checks import _expected_answer
    from utils.exercises.lesson01 import _catalogue_diameter

    cat = utils.load_catalogue()
    row = cat[cat["name"] == "Hygiea"][0]
    H, p = row["H"].to_value(u.mag), float(row["albedo"])
    copied = _catalogue_diameter(H, p)
    assert "catalogue's measured diameter" in utils.check("01.4", copied, H=H, albedo=p).message
    near = round(float(copied.to_value(u.km)), -2) * u.km  # a round guess near the catalogue value (400 km for 407)
    assert abs(near / _expected_answer("01.4", H=H, albedo=p) - 1) > 0.02  # and not near the right answer
    assert "catalogue's measured diameter" not in utils.check("01.4", near, H=H, albedo=p).message


def _rounding_exercise(**kw):
    return RoundedTooFar(
        title="a test exercise",
        solve=lambda x: x,
        rtol=0.002,
        hint="Compute it.",
        **kw,
    )


def test_rounded_too_far_tells_a_rounding_to_keep_figures_and_nothing_else():
    ex = _rounding_exercise(band=0.03, keep="three significant figures")
    x = 15.42 * u.one
    for rounded in (15, 15.0, 15 * u.one, 1500 * u.percent, 20):  # two figures (2.7 % off), in any unit; one figure
        r = ex.check(rounded, x=x)
        if rounded == 20:  # one figure, but 30 % off: beyond the band
            assert r.status == "incorrect" and "close" not in r.message, r
            continue
        assert r.status == "incorrect" and "rounded too much, so keep three significant figures" in r.message, r
    for near in (15.2, 15.3, 15.6, 15.1):  # three figures, and wrong: not a rounding, so never "close"
        assert "close" not in ex.check(near, x=x).message
    assert ex.check(15.4, x=x).ok


def test_rounded_too_far_judges_the_rounding_in_the_students_unit():
    ex = _rounding_exercise(band=0.02)
    right = 216.6 * u.K  # -56.55 deg_C
    assert "rounded too much" in ex.check(-57 * u.deg_C, x=right).message  # two figures in Celsius
    assert "rounded too much" in ex.check(220 * u.K, x=right).message  # two figures in kelvin
    assert "rounded too much" in ex.check(-60 * u.deg_C, x=right).message  # one figure in Celsius, 1.6 % in K
    assert "close" not in ex.check(-50 * u.deg_C, x=right).message  # 3 % off in kelvin: beyond the band


def test_an_exact_rounding_beats_a_wrong_method_but_not_a_copied_number():
    method = Mistake(lambda x: 0.985 * x, "That is the other route.")
    ex = _rounding_exercise(band=0.02, mistakes=(method,))
    right = 2.535 * u.AU
    r = ex.check(2.5 * u.AU, x=right)  # 2.535 rounded, and within rtol of the other route's 2.497
    assert "rounded too much" in r.message and "other route" not in r.message, r
    assert "other route" in ex.check(2.497 * u.AU, x=right).message  # the route itself keeps its hint
    printed = Mistake(lambda x: 2.5 * u.AU, "That number is printed for another case.", copied=True)
    ex = _rounding_exercise(band=0.02, mistakes=(printed,))
    r = ex.check(2.5 * u.AU, x=right)
    assert "another case" in r.message and "close" not in r.message, r


def test_a_number_cut_off_counts_as_rounded_only_where_the_exercise_says_so():
    right = 13.7 * u.one
    assert "close" not in _rounding_exercise(band=0.07).check(13, x=right).message  # 13.7 rounds to 14, not 13
    cut = _rounding_exercise(band=0.07, cut=True)
    assert "rounded too much" in cut.check(13, x=right).message  # whole months counted, the part dropped
    assert "rounded too much" in cut.check(14, x=right).message
    assert "close" not in cut.check(12, x=right).message  # neither cut nor rounded


def test_a_mistake_may_word_its_hint_by_the_answers_unit():
    """One wrong number, two slips: 490 in deg_C is kelvin labelled Celsius; 490 K is kelvin plus 273."""
    slip = Mistake(lambda x: x.to_value(u.K) * u.deg_C, "You added 273 twice.", unit_hints={"deg_C": "Label it K."})
    ex = _rounding_exercise(mistakes=(slip,))
    right = 216.6 * u.K
    assert "Label it K." in ex.check(216.6 * u.deg_C, x=right).message
    r = ex.check(489.75 * u.K, x=right)  # the same temperature, written in kelvin
    assert "added 273 twice" in r.message and "Label it" not in r.message, r.message
    assert slip.hints() == ("You added 273 twice.", "Label it K.")
    assert Mistake(lambda x: x, "plain").hint_for(3 * u.m) == "plain"


def test_a_unit_attached_twice_is_named_not_a_missing_root():
    """``a * u.AU`` where ``a`` already carries a length is told to drop the extra unit; a period squared,
    whose value is not the answer's, still lacks a square root."""
    a = 2.77 * u.AU
    for doubled in (a * u.AU, a.to(u.m) * u.AU, 3.1e20 * u.kg * u.kg):
        expected = 3.1e20 * u.kg if doubled.unit.physical_type == "unknown" or "kg" in str(doubled.unit) else a
        r = compare(doubled, expected, rtol=0.001)
        assert r.status == "invalid" and "attached twice" in r.message and "Drop the extra" in r.message, r.message
        assert "square root" not in r.message
    r = compare(7.6 * u.AU**2, a, rtol=0.001)
    assert "take the square root" in r.message and "twice" not in r.message, r.message


def test_a_one_element_array_is_its_value_with_or_without_a_unit():
    assert compare(np.array([13.7]), 13.7).ok
    assert compare(np.array([[13.7]]) * u.day, 13.7 * u.day).ok
    assert "holds 2 values" in compare(np.array([13.7, 2.0]), 13.7).message


def test_unusable_inputs_are_not_blamed_on_the_answer():
    r = check("02.3", 2.7 * u.AU, T="x", name="Ceres")
    assert r.status == "invalid" and "could not be used" in r.message
    assert "Not checked" in str(r) and "Check the form of your answer" not in str(r)
    assert "Check the form of your answer" in str(check("02.3", "2.7 AU", T=4.6 * u.yr, name="Ceres"))


def test_a_check_called_without_its_inputs_names_them_and_keeps_a_readable_title():
    r = check("00.2", 3)
    assert r.status == "invalid" and "needs its inputs distance and ceres_radius" in r.message, r.message
    assert "{" not in r.name and "_in_ceres_radii" not in r.message and "positional" not in r.message
    r = check("00.1", 3 * u.km)
    assert "Exercise 1 · in kilometres" == r.name and "distance=..." in r.message, (r.name, r.message)


def test_a_unit_is_a_unit_not_an_unit():
    from utils.checks import _describe_type

    for unit in (u.km, u.m, u.pix, u.Unit("km / s")):  # PrefixUnit, IrreducibleUnit, CompositeUnit in astropy
        said = _describe_type(unit)
        assert said.startswith("a unit without a number") and "Unit)" not in said and "Unit " not in said, said
    assert _describe_type(None) == "nothing (None)" and "function" in _describe_type(len)
    assert _describe_type(1j) == "a complex number" and _describe_type(Ellipsis) == "an ellipsis"


def test_one_moment_given_for_a_duration_is_told_to_subtract_two():
    from astropy.time import Time

    from utils.checks import _describe_type

    said = _describe_type(Time("2015-03-06"))
    assert "one moment" in said and "subtract two Times" in said, said
    result = utils.check(
        "08.2", Time("2012-09-05"), arrival=Time("2011-07-16"), departure=Time("2012-09-05"), claimed_months=14.0
    )
    assert result.status == "invalid" and "subtract two Times" in result.message, result


def test_a_zero_dimensional_numpy_array_is_judged_as_its_number():
    import numpy as np

    from utils.checks import compare

    assert compare(np.array(2.5), 2.5).ok
    assert compare(np.array(3), 3).ok
    assert not compare(np.array(2.0), 2.5).ok
    assert compare(np.array("2.5"), 2.5).status == "invalid"
