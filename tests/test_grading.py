"""Form-only checks of a graded copy (utils.grading): they judge the form, never the value."""

from __future__ import annotations

import astropy.units as u
import pytest
from astropy.time import Time

from utils.grading import ANSWERED, FormExercise, GradedCopyError, form_of


@pytest.mark.parametrize(
    "expected, choices, form",
    [
        (2.5 * u.AU, None, {"kind": "quantity", "unit": "AU"}),
        (3.2 * u.one, None, {"kind": "quantity", "unit": ""}),
        (13.7, None, {"kind": "number"}),
        ("salt", ("ice", "salt"), {"kind": "text", "choices": ["ice", "salt"]}),
        (True, None, {"kind": "bool"}),
        (Time("2015-03-06"), None, {"kind": "date", "scale": "utc"}),
    ],
)
def test_form_of(expected, choices, form):
    assert form_of(expected, choices) == form


def test_form_of_refuses_what_it_cannot_describe():
    with pytest.raises(TypeError, match="no answer form"):
        form_of([1, 2])


LENGTH = FormExercise("Exercise 1 · a distance", {"kind": "quantity", "unit": "km"}, points=2)


@pytest.mark.parametrize("answer", [1 * u.km, 7242 * u.km, -3 * u.imperial.mile, 1e9 * u.AU])
def test_any_value_of_the_right_kind_is_only_saved(answer):
    """Right and wrong values get the same message: a graded copy cannot tell them apart."""
    result = LENGTH.check(answer)
    assert result.status == ANSWERED and result.ok
    assert "graded" in result.message and str(answer.value) not in result.message


@pytest.mark.parametrize(
    "answer, words",
    [
        (3 * u.kg, "length"),
        (12, "no unit"),
        ("far", "length"),
        (True, "length"),
    ],
)
def test_the_wrong_form_is_explained(answer, words):
    result = LENGTH.check(answer)
    assert result.status == "invalid" and words in result.message


def test_placeholder_is_not_answered_yet():
    assert LENGTH.check(...).status == "unanswered"


def test_words_must_be_one_of_the_choices():
    ex = FormExercise("Exercise 5 · ice or salt?", {"kind": "text", "choices": ["ice", "salt"]})
    assert ex.check("salt").status == ANSWERED and ex.check("ICE").status == ANSWERED
    bad = ex.check("rock")
    assert bad.status == "invalid" and "'ice', 'salt'" in bad.message


def test_plain_numbers_and_dates():
    number = FormExercise("n", {"kind": "number"})
    assert number.check(13.7).ok and number.check(4 * u.one).ok
    assert number.check(4 * u.km).status == "invalid"
    date = FormExercise("d", {"kind": "date", "scale": "utc"})
    assert date.check("2015-03-06").ok and date.check("tomorrow-ish").status == "invalid"


def test_a_graded_copy_has_no_expected_answer():
    with pytest.raises(GradedCopyError, match="kept by the grader"):
        LENGTH.expected(distance=1 * u.km)


def test_title_follows_the_inputs_and_shows_in_html():
    ex = FormExercise("Exercise 1 · the {p}:{q} resonance", {"kind": "quantity", "unit": "AU"})
    assert ex.title_for(p=5, q=2) == "Exercise 1 · the 5:2 resonance"
    html = ex.check(2.8 * u.AU, p=5, q=2)._repr_html_()
    assert "5:2" in html and "Answer saved" in html


def test_a_dict_answer_has_one_word_per_key():
    form = form_of({"N06": "date", "N13": "interpretation"}, ["date", "interpretation"])
    assert form == {"kind": "mapping", "keys": ["N06", "N13"], "choices": ["date", "interpretation"]}
    exercise = FormExercise("Exercise 1", form)
    answered = exercise.check({"n06": "date", "N13": "date"})
    assert answered.status == ANSWERED and "N06, N13" in answered.message
    assert exercise.check(...).status == "unanswered"
    assert exercise.check("date").status == "invalid"
    missing = exercise.check({"N06": "date"})
    assert missing.status == "invalid" and "N13" in missing.message
    assert exercise.check({"N06": "date", "N13": "opinion"}).status == "invalid"
    with pytest.raises(TypeError):
        form_of({"N06": 3})


def test_a_title_its_inputs_cannot_fill_drops_the_fields_and_their_bracket():
    ex = FormExercise("Exercise 1 · the patch at perihelion (a = {a:.2f}, e = {e:.3f}) of {body}", {"kind": "quantity"})
    assert (
        ex.title_for(a=2.77, e=0.0785, body="Ceres")
        == "Exercise 1 · the patch at perihelion (a = 2.77, e = 0.079) of Ceres"
    )
    assert ex.title_for(distance=2.55) == "Exercise 1 · the patch at perihelion of"
