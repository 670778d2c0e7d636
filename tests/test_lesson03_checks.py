"""Lesson 03's checks: exercise 8 wants the perihelion at each output, exercise 3's hint the wrapped angle."""

from __future__ import annotations

import astropy.units as u
import numpy as np
import pytest

from utils.checks import _expected_answer, check
from utils.exercises.lesson03 import _EXERCISES
from utils.facts import fact
from utils.orbits import period
from utils.resonance import KIRKWOOD_RESONANCES


def _inputs(a_hist, e_hist):
    return dict(
        a=3.24 * u.AU,
        e_max=float(np.nanmax(e_hist)),
        e_start=0.15,
        a_history=np.asarray(a_hist),
        e_history=np.asarray(e_hist),
    )


def test_exercise_8_rejects_extremes_from_different_moments():
    a_hist = [3.24, 3.11, 3.30, 3.37, 3.20, np.nan]
    e_hist = [0.15, 0.20, 0.24, 0.27, 0.23, np.nan]
    inputs = _inputs(a_hist, e_hist)
    right = _expected_answer("03.8", **inputs)
    assert right.to_value(u.AU) == np.nanmin(np.array(a_hist) * (1 - np.array(e_hist)))
    assert check("03.8", right, **inputs).ok
    assert check("03.8", round(right.to_value(u.AU), 2) * u.AU, **inputs).ok  # rounded to 0.01 AU
    combined = np.nanmin(a_hist) * (1 - np.nanmax(e_hist)) * u.AU  # min a with max e
    result = check("03.8", combined, **inputs)
    assert result.status == "incorrect" and "different moments" in result.message


def test_exercise_3_hint_says_how_to_read_the_wrapped_angle():
    t = np.linspace(0, 60, 600)
    wrapped = (np.mod(180 + 50 * np.sin(t) + 180, 360) - 180) * u.deg  # swings about 180°, given -180..180
    kw = dict(phi=wrapped, p=3, q=1, a_start=2.5, e_start=0.1)
    assert check("03.3", "librates about 180", **kw).ok
    wrong = check("03.3", "circulates", **kw)
    assert wrong.status == "incorrect" and "both ways" in wrong.message and "all the way round" in wrong.message
    assert "band" not in wrong.message and "wrap" not in wrong.message  # asks a question, does not say it librates
    other_side = check("03.3", "librates about 0", **kw)
    assert other_side.status == "incorrect" and "band's middle" in other_side.message
    about_zero = (50 * np.sin(t)) * u.deg
    assert check("03.3", "librates about 0", **{**kw, "phi": about_zero}).ok
    for half in ("librates", " Libration ", "librating"):  # the answer must say where the band is
        told = check("03.3", half, **kw)
        assert told.status == "invalid" and "which one, 0 or 180?" in told.message, told.message
        assert "'librates about 180'" in told.message  # and the choices are listed
    assert "0 or 180" not in check("03.3", "spins", **kw).message  # other words get the plain list only
    for fair in ("librates around 180", "libration about 180°", "Librating about 180 degrees", "librate about 180"):
        assert check("03.3", fair, **kw).ok, fair
    turning = (np.mod(40 * t + 180, 360) - 180) * u.deg  # runs through every angle
    about_zero_too = (np.mod(50 * np.sin(t) + 180, 360) - 180) * u.deg
    for fair in ("librates about zero", "librates about 360", "librate around 360°"):
        assert check("03.3", fair, **{**kw, "phi": about_zero_too}).ok, fair
    for fair in ("circulating", "circulation", "circulate"):
        assert check("03.3", fair, **{**kw, "phi": turning}).ok, fair


def test_exercise_4_names_a_distance_rounded_too_far():
    ceres = {"a": fact("ceres.a"), "a_jupiter": fact("jupiter.a"), "asteroid": "Ceres", "nearest": (5, 2)}
    coarse = check("03.4", 0.06 * u.AU, **ceres)  # 0.058 AU rounded to one significant figure
    assert coarse.status == "incorrect" and "at least two significant figures" in coarse.message
    assert "close" not in coarse.message.lower()  # method only: no hint of how near the answer is
    assert "not right" not in coarse.message  # a rounding hint stands alone
    assert check("03.4", 0.058 * u.AU, **ceres).ok
    assert "rounded" in check("03.4", 0.05 * u.AU, **ceres).message  # rounded values subtracted


def test_exercise_8_a_near_miss_gets_a_neutral_hint_only_when_cut_to_three_figures():
    # right answer 2.2664 AU; the smallest a with the largest e gives 2.2591 AU, only 0.3 % away
    inputs = _inputs([2.50, 2.492, 2.51], [0.09344, 0.05, 0.0934])
    assert check("03.8", 2.27 * u.AU, **inputs).ok
    cut = check("03.8", 2.26 * u.AU, **inputs)  # the right answer cut off, or the extremes rounded
    assert cut.status == "incorrect" and "three significant figures" in cut.message
    assert "smallest a with the largest e" not in cut.message
    assert "percent" not in cut.message  # method only: no hint of how near the answer is
    # 2.26 may be a fair rounding of another number (the extremes, 2.2591): it is called neither cut off nor close
    assert "cut off" not in cut.message and "close" not in cut.message.lower()
    combined = np.nanmin(inputs["a_history"]) * (1 - np.nanmax(inputs["e_history"]))
    for full in (combined, round(combined, 4)):  # the extremes combined, given with more figures
        result = check("03.8", full * u.AU, **inputs)
        assert result.status == "incorrect" and "different moments" in result.message, result.message
        assert "cut off" not in result.message and "close" not in result.message.lower()


def test_exercise_8_takes_what_three_significant_figures_allow():
    """The task asks for three significant figures: anything that rounds to the right three figures passes; a value
    that rounds to the next figure down (2.262, 2.26 at three figures) is told its third figure is off."""
    inputs = _inputs([2.50, 2.492, 2.51], [0.09344, 0.05, 0.0934])  # right answer 2.2664 AU
    right = _expected_answer("03.8", **inputs).to_value(u.AU)
    assert round(right, 2) == 2.27
    verdicts = {
        x: check("03.8", x * u.AU, **inputs).ok
        for x in (2.26, 2.2612, 2.262, 2.2649, 2.2664, 2.268, 2.27, 2.2713, 2.2749, 2.276, 2.28)
    }
    assert verdicts == {
        2.26: False,
        2.2612: False,
        2.262: False,
        2.2649: False,
        2.2664: True,
        2.268: True,
        2.27: True,
        2.2713: True,
        2.2749: True,
        2.276: False,
        2.28: False,
    }
    for x in (2.262, 2.2649, 2.26, 2.276):  # one unit of the third figure off: that hint, never "close"
        told = check("03.8", x * u.AU, **inputs).message
        assert "third significant figure" in told and "close" not in told.lower(), (x, told)
    assert check("03.8", (2.27 * u.AU).to(u.km), **inputs).ok  # in any length unit
    assert "close" in check("03.8", 2.3 * u.AU, **inputs).message  # rounded too far: "close" is for rounding


def test_exercise_1_a_resonances_simple_fraction_gets_the_p_over_q_hint():
    inputs = dict(a=fact("ceres.a"), a_jupiter=fact("jupiter.a"), asteroid="Ceres")
    for ratio in (3, 2, 4):  # the 3:1, 2:1 and 4:1, not the nearest resonance (the 5:2)
        result = check("03.1", ratio, **inputs)
        assert result.status == "incorrect" and "simple fraction" in result.message
        assert "rounded too much" not in result.message


def test_exercise_5_names_one_turn_too_many():
    ceres = {"a": fact("ceres.a"), "a_jupiter": fact("jupiter.a"), "asteroid": "Ceres"}
    step = _expected_answer("03.5", **ceres)
    assert check("03.5", step, **ceres).ok
    assert "one full turn too many" in check("03.5", step + 360 * u.deg, **ceres).message


def test_exercise_5_the_formula_without_a_unit_is_told_to_attach_degrees():
    from utils.orbits import period

    ceres = {"a": fact("ceres.a"), "a_jupiter": fact("jupiter.a"), "asteroid": "Ceres"}
    unitless = 360 / (period(ceres["a_jupiter"]) / period(ceres["a"]) - 1)  # a dimensionless Quantity
    result = check("03.5", unitless, **ceres)
    assert not result.ok
    assert "no unit" in result.message and "u.deg" in result.message
    assert f"{_expected_answer('03.5', **ceres).value:.0f}" not in result.message


def test_exercise_7_feedback_asks_for_the_input_without_naming_it():
    from utils.exercises.lesson03 import _EXERCISES

    exercise = _EXERCISES["03.7"]
    for text in [exercise.hint, *(m.hint for m in exercise.mistakes)]:
        assert "jupiter_e" not in text and "nanmax" not in text
    assert "shape of Jupiter's orbit" in exercise.hint


def test_exercise_4_cannot_be_passed_with_printed_numbers():
    """No number the lesson prints, nor the difference of any two of them, passes exercise 4."""
    import itertools
    import json
    import re
    from pathlib import Path

    notebook = json.loads((Path(__file__).parents[1] / "notebooks" / "03-resonances.ipynb").read_text())
    printed = "".join(
        "".join(out.get("text", ""))
        for cell in notebook["cells"]
        if cell["cell_type"] == "code" and "solution" not in cell["metadata"].get("tags", [])
        for out in cell.get("outputs", [])
    )
    a_ast = fact("ceres.a")
    printed += f" {a_ast:.3f}"  # the exercise's input cell prints the asteroid's a like this
    numbers = {float(x) for x in re.findall(r"\d+\.\d+", printed)}
    assert {2.82, 2.767} <= numbers  # the resonance table and the asteroid are among them

    inputs = dict(a=a_ast, a_jupiter=fact("jupiter.a"), asteroid="Ceres", nearest=(5, 2))  # the right (p, q)
    candidates = numbers | {abs(x - y) for x, y in itertools.combinations(numbers, 2)}
    passing = sorted(x for x in candidates if check("03.4", x * u.AU, **inputs).ok)
    assert passing == []
    slip = check("03.4", abs(2.82 - a_ast.to_value(u.AU)) * u.AU, **inputs)  # printed location, unrounded a
    assert slip.status == "incorrect" and "rounded to 0.01 AU" in slip.message


def test_exercise_9_the_e_reached_gets_its_own_hint_and_the_natural_formula_passes():
    a_last, a_mars = 2.44 * u.AU, fact("mars.a")
    e_reached = (1 - a_mars / a_last).to_value(u.one) + 0.004  # just above the crossing value, as in the lesson
    kw = dict(a_last=a_last, a_mars=a_mars, a_start=2.50 * u.AU, e_reached=e_reached)
    assert check("03.9", 1 - a_mars / a_last, **kw).ok  # the natural formula
    result = check("03.9", e_reached, **kw)  # the e it reached
    assert result.status == "incorrect" and "solve a_last" in result.message
    coarse = check("03.9", round(1 - (a_mars / a_last).to_value(u.one), 2), **kw)  # right, two decimals
    assert round(e_reached, 2) == round(1 - (a_mars / a_last).to_value(u.one), 2)  # as in the lesson: 0.38
    assert coarse.status == "incorrect" and "three significant figures" in coarse.message
    assert "largest e" not in coarse.message and "away" not in coarse.message
    assert "right e" not in coarse.message  # two decimals of e_reached give the same number: no verdict on the method
    one_figure = check("03.9", round(1 - (a_mars / a_last).to_value(u.one), 1), **kw)  # 0.4
    assert one_figure.status == "incorrect" and "three" in one_figure.message and "close" not in one_figure.message
    assert "largest e" in check("03.9", round(e_reached, 4), **kw).message  # e_reached, rounded
    for guess in (0.373, 0.378, 0.385):  # from a_mars = 1.53, a slip, a_mars = 1.5: not the e it reached
        assert "largest e" not in check("03.9", guess, **kw).message


def test_exercise_9_asks_for_three_significant_figures():
    a_last, a_mars = 2.44 * u.AU, fact("mars.a")
    exact = (1 - a_mars / a_last).to_value(u.one)
    kw = dict(a_last=a_last, a_mars=a_mars, a_start=2.50 * u.AU, e_reached=exact + 0.004)
    assert check("03.9", round(exact, 3), **kw).ok  # three figures pass
    assert check("03.9", 1 - 1.52 / 2.44, **kw).ok  # so do the values as printed (0.377)
    for off in (-0.003, 0.003):  # three in the third figure do not
        assert not check("03.9", round(exact, 3) + off, **kw).ok
    ratio = check("03.9", round((a_mars / a_last).to_value(u.one), 2), **kw)  # 0.62, which is 1 - e
    assert ratio.status == "incorrect" and "1 - e" in ratio.message


def test_exercise_4_the_resonances_location_gets_its_own_hint():
    ceres = {"a": fact("ceres.a"), "a_jupiter": fact("jupiter.a"), "asteroid": "Ceres", "nearest": (5, 2)}
    location = fact("jupiter.a") * (2 / 5) ** (2 / 3)  # the 5:2, nearest to Ceres
    result = check("03.4", location, **ceres)
    assert result.status == "incorrect" and "where the resonance lies" in result.message


def test_exercise_8_names_the_margin_from_mars_and_the_largest_aphelion():
    a_hist, e_hist = [3.24, 3.11, 3.30, 3.37, 3.20], [0.15, 0.20, 0.24, 0.27, 0.23]
    inputs = {**_inputs(a_hist, e_hist), "a_mars": fact("mars.a")}
    right = _expected_answer("03.8", **inputs)
    assert check("03.8", right, **inputs).ok
    margin = check("03.8", right - fact("mars.a"), **inputs)
    assert margin.status == "incorrect" and "distance from Mars' orbit" in margin.message
    farthest = np.max(np.array(a_hist) * (1 + np.array(e_hist))) * u.AU
    result = check("03.8", farthest, **inputs)
    assert result.status == "incorrect" and "largest aphelion" in result.message


def test_exercise_1_a_nearby_computed_ratio_is_not_called_a_simple_fraction():
    inputs = dict(a=fact("ceres.a"), a_jupiter=fact("jupiter.a"), asteroid="Ceres")
    assert "simple fraction" in check("03.1", 2.5, **inputs).message  # the 5:2, nearest to Ceres
    result = check("03.1", 2.506, **inputs)  # the ratio printed for an asteroid at 2.82 AU
    assert result.status == "incorrect" and "simple fraction" not in result.message


@pytest.mark.parametrize("which", ["asteroid", "jupiter"])
@pytest.mark.parametrize("form", ["quantity", "years", "years, rounded", "days", "seconds"])
def test_exercise_1_says_plainly_that_a_period_is_not_a_ratio(which, form):
    """A period given for the ratio (period(a_ast) itself, or its number in some time unit) is told so in plain
    words, then the hint: not "wants a plain number without a unit" nor a bare "not right"."""
    inputs = dict(a=fact("ceres.a"), a_jupiter=fact("jupiter.a"), asteroid="Ceres")
    T = period(inputs["a"] if which == "asteroid" else inputs["a_jupiter"])
    answer = {
        "quantity": T,
        "years": T.to_value(u.yr),
        "years, rounded": round(float(T.to_value(u.yr)), 1),
        "days": T.to_value(u.day),
        "seconds": T.to_value(u.s),
    }[form]
    result = check("03.1", answer, **inputs)
    hint = _EXERCISES["03.1"].hint
    assert result.status == "incorrect" and result.message == f"That is a period, not a ratio. Hint: {hint}"


def test_exercise_1_tells_other_times_and_numbers_apart_from_a_period():
    inputs = dict(a=fact("ceres.a"), a_jupiter=fact("jupiter.a"), asteroid="Ceres")
    difference = period(inputs["a_jupiter"]) - period(inputs["a"])  # a time, but neither period: a question of form
    told = check("03.1", difference, **inputs)
    assert told.status == "invalid" and "without a unit" in told.message and "period" not in told.message
    assert "period" not in check("03.1", 7.0, **inputs).message.split("Hint:")[0]  # a plain wrong number
    assert "simple fraction" in check("03.1", 2.5, **inputs).message  # a named mistake keeps its own hint
    assert check("03.1", _expected_answer("03.1", **inputs), **inputs).ok
    # an asteroid whose period in years equals its ratio (a = √a_J in AU, about 2.28 AU): right, not "a period"
    a_same = fact("jupiter.a").to_value(u.AU) ** 0.5 * u.AU
    same = dict(inputs, a=a_same)
    right = _expected_answer("03.1", **same)
    assert np.isclose(right, period(a_same).to_value(u.yr), rtol=0.01)
    assert check("03.1", right, **same).ok


def test_exercise_4_needs_the_nearest_resonance_as_well_as_the_distance():
    ceres = {"a": fact("ceres.a"), "a_jupiter": fact("jupiter.a"), "asteroid": "Ceres"}
    distance = abs(fact("ceres.a") - fact("jupiter.a") * (2 / 5) ** (2 / 3))  # the 5:2 is nearest
    assert check("03.4", distance, nearest=(5, 2), **ceres).ok
    assert check("03.4", distance, nearest="5:2", **ceres).ok
    assert check("03.4", distance, nearest=[5, 2], **ceres).ok
    for missing, status in ((..., "unanswered"), (None, "incorrect")):  # the placeholder left in: not wrong yet
        result = check("03.4", distance, nearest=missing, **ceres)
        assert result.status == status and "nearest_4" in result.message
    assert check("03.4", distance, **ceres).status == "incorrect"  # leaving it out of the call does not pass
    wrong = check("03.4", distance, nearest=(3, 1), **ceres)
    assert wrong.status == "incorrect" and "5" not in wrong.message
    flipped = check("03.4", distance, nearest=(2, 5), **ceres)
    assert flipped.status == "incorrect" and "comes first" in flipped.message
    for odd in (2.5, "five to two", (5.5, 2), (5, 2, 1)):
        assert check("03.4", distance, nearest=odd, **ceres).status == "invalid"
    # a wrong distance is judged first, whatever the resonance
    to_31 = abs(fact("ceres.a") - fact("jupiter.a") * (1 / 3) ** (2 / 3))
    assert "not to the nearest" in check("03.4", to_31, nearest=(3, 1), **ceres).message


def test_exercise_4_picks_the_nearest_resonance_by_distance_in_a():
    """At 2.66 AU the 3:1 (0.16 AU away) is nearer in a than the 5:2 (0.165 AU), though 2.66 AU's period ratio
    is nearer 5/2: the check follows the exercise's rule, the smallest distance."""
    inputs = {"a": 2.66 * u.AU, "a_jupiter": fact("jupiter.a"), "asteroid": "an adapted asteroid"}
    to_31 = abs(2.66 * u.AU - fact("jupiter.a") * (1 / 3) ** (2 / 3))
    to_52 = abs(2.66 * u.AU - fact("jupiter.a") * (2 / 5) ** (2 / 3))
    assert to_31 < to_52
    assert check("03.4", to_31, nearest=(3, 1), **inputs).ok
    wrong = check("03.4", to_31, nearest=(5, 2), **inputs)
    assert wrong.status == "incorrect" and "smallest" in wrong.message


def test_exercise_3_asks_how_the_answer_was_found_and_the_guide_scores_it():
    """Three choices can be guessed; the one-line "how did you tell?" answer, with its rubric, cannot."""
    import json
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    cells = json.loads((root / "notebooks" / "03-resonances.ipynb").read_text(encoding="utf-8"))["cells"]
    text = ["".join(c["source"]) for c in cells]
    start = next(i for i, s in enumerate(text) if s.startswith("### Exercise 3 "))
    end = next(i for i in range(start, len(text)) if text[i].startswith("### Exercise 4 "))  # the next exercise
    assert "how did you tell" in " ".join(" ".join(text[start:end]).split())  # the heading or its steps
    answers = [c for c in cells[start:end] if "answer" in c.get("metadata", {}).get("tags", [])]
    assert answers and "*Your answer:*" in "".join(answers[0]["source"])
    page = (root / "docs" / "instructors" / "03-resonances.md").read_text(encoding="utf-8")
    assert "**03.3 follow-up model answer:**" in page and "**03.3 follow-up rubric:** 2 points" in page
    steps = " ".join(" ".join(text[start:end]).split())
    assert "Your instructor grades this answer" in steps and "spread in degrees" in steps  # graded, with evidence
    rubric = " ".join(page.split("**03.3 follow-up rubric:**", 1)[1].split("\n- ")[0].split())
    assert "spread in degrees" in rubric and "no number" in rubric  # the rubric wants the number read off the plot


def test_exercise_5_a_number_of_radians_typed_as_the_angle_does_not_pass():
    ceres = dict(a=fact("ceres.a"), a_jupiter=fact("jupiter.a"), asteroid="Ceres")
    right = _expected_answer("03.5", **ceres)
    assert check("03.5", round(right.to_value(u.deg)) * u.deg, **ceres).ok  # rounded to a whole degree
    assert abs((4 * u.rad - right).to_value(u.deg)) < 2  # 4 rad lies within 1 % of the answer for Ceres
    assert not check("03.5", 4 * u.rad, **ceres).ok


def test_exercise_5_a_number_without_a_unit_is_a_question_of_form_and_slips_get_hints():
    """The formula without its unit is a form message, as a float or a ratio of periods; 240° (the 5:2's p/q used
    as the ratio) and 225° (the ratio rounded to 2.6 first) get their own hints; the right angle still passes."""
    from utils.orbits import period

    ceres = {"a": fact("ceres.a"), "a_jupiter": fact("jupiter.a"), "asteroid": "Ceres"}
    ratio = period(ceres["a_jupiter"]) / period(ceres["a"])
    right = _expected_answer("03.5", **ceres)
    for unitless in (360 / (ratio - 1), float((360 / (ratio - 1)).to_value(u.one))):
        result = check("03.5", unitless, **ceres)
        assert result.status == "invalid" and "no unit" in result.message, result
    assert check("03.5", 360 * u.deg / (ratio - 1), **ceres).ok
    assert check("03.5", right.to(u.rad), **ceres).ok
    as_52 = check("03.5", 360 * u.deg / (5 / 2 - 1), **ceres)
    assert as_52.status == "incorrect" and "own period ratio" in as_52.message, as_52
    rounded = check("03.5", 360 * u.deg / (round(float(ratio), 1) - 1), **ceres)
    assert rounded.status == "incorrect" and "rounded the period ratio" in rounded.message, rounded
    assert check("03.5", 360 * u.deg / (round(float(ratio), 2) - 1), **ceres).ok  # two decimals are enough
    for message in (as_52.message, rounded.message):
        assert f"{right.value:.0f}" not in message


def test_exercise_4_a_resonance_not_in_lowest_terms_is_asked_for_in_lowest_terms():
    ceres = {"a": fact("ceres.a"), "a_jupiter": fact("jupiter.a"), "asteroid": "Ceres"}
    distance = abs(fact("ceres.a") - fact("jupiter.a") * (2 / 5) ** (2 / 3))
    for multiple in ((10, 4), "15:6"):
        result = check("03.4", distance, nearest=multiple, **ceres)
        assert result.status == "incorrect" and "lowest terms" in result.message, result
    assert "lowest terms" not in check("03.4", distance, nearest=(6, 2), **ceres).message  # 3:1, another resonance


def test_exercise_7_an_asteroid_made_circular_gets_its_own_hint():
    from utils.exercises.lesson03 import _largest_e

    settings = dict(
        jupiter_a=fact("jupiter.a"), danger_distance=fact("mars.a"), jupiter_mass_factor=10, n_out=401, seed=3
    )
    inputs = dict(a_start=2.50, e_start=0.10, t_end=2000 * u.yr, jupiter_e=fact("jupiter.e"), **settings)
    circular_asteroid = _largest_e(None, e_start=0.0)(**inputs)
    result = check("03.7", circular_asteroid, **inputs)
    assert result.status == "incorrect" and "asteroid's orbit circular" in result.message, result
    rounded = check("03.7", round(circular_asteroid, 2), **inputs)  # given to two decimals, as asked
    assert rounded.status == "incorrect" and "asteroid's orbit circular" in rounded.message, rounded
    assert check("03.7", _largest_e(0.0)(**inputs), **inputs).ok


def test_exercise_7_the_right_run_rounded_or_cut_off_is_told_to_give_two_decimals():
    from utils.exercises.lesson03 import _largest_e

    settings = dict(
        jupiter_a=fact("jupiter.a"), danger_distance=fact("mars.a"), jupiter_mass_factor=10, n_out=401, seed=3
    )
    inputs = dict(a_start=2.50, e_start=0.10, t_end=2000 * u.yr, jupiter_e=fact("jupiter.e"), **settings)
    right = _largest_e(0.0)(**inputs)
    for slip in (round(right, 1), np.floor(100 * right) / 100):
        result = check("03.7", slip, **inputs)
        assert not result.ok and "two decimals" in result.message, (slip, result)
        assert "Copy the run_belt call" not in result.message and "close" not in result.message.lower(), result
    assert check("03.7", round(right, 2), **inputs).ok
    assert "two decimals" not in check("03.7", _largest_e(None)(**inputs), **inputs).message  # the real Jupiter's run


def test_exercise_5_the_step_labelled_as_radians_is_not_told_it_has_no_unit():
    from utils.exercises.lesson03 import _conjunction_step

    ceres = dict(a=fact("ceres.a"), a_jupiter=fact("jupiter.a"), asteroid="Ceres")
    labelled_rad = _conjunction_step(**ceres).to_value(u.deg) * u.rad  # (360 / (R - 1)) * u.rad
    result = check("03.5", labelled_rad, **ceres)
    assert not result.ok and "labelled as radians" in result.message and "360 * u.deg" in result.message, result


def test_exercise_5_a_period_ratio_upside_down_is_named_not_called_the_right_direction():
    from utils.orbits import period

    ceres = {"a": fact("ceres.a"), "a_jupiter": fact("jupiter.a"), "asteroid": "Ceres"}
    inverted = period(ceres["a"]) / period(ceres["a_jupiter"])  # T / T_J, below 1
    as_is = check("03.5", 360 * u.deg / (inverted - 1), **ceres)  # about -588°
    assert as_is.status == "incorrect" and "upside down" in as_is.message, as_is.message
    assert "right direction" not in as_is.message and "sign" not in as_is.message
    wrapped = check("03.5", np.mod(360 * u.deg / (inverted - 1), 360 * u.deg), **ceres)  # about 132°
    assert wrapped.status == "incorrect" and "upside down" in wrapped.message, wrapped.message
    right = _expected_answer("03.5", **ceres)
    assert "one full turn too many" in check("03.5", right + 360 * u.deg, **ceres).message  # 588° unchanged


def test_exercise_1_the_inverse_ratio_to_two_decimals_gets_the_upside_down_hint():
    ceres = dict(a=fact("ceres.a"), a_jupiter=fact("jupiter.a"), asteroid="Ceres")
    for inverse in (0.39, 0.388, 1 / _expected_answer("03.1", **ceres)):
        result = check("03.1", inverse, **ceres)
        assert result.status == "incorrect" and "upside down" in result.message, (inverse, result.message)
    assert check("03.1", 2.58, **ceres).ok


def test_a_bare_period_ratio_or_eccentricity_is_named_not_only_told_to_carry_a_unit():
    """03.5: the period ratio (bare, or with a degree sign) is a conceptual slip, not a question of form;
    03.8: so is the bare largest eccentricity. A right value without its unit still gets the form message."""
    from utils.orbits import period

    ceres = {"a": fact("ceres.a"), "a_jupiter": fact("jupiter.a")}
    ratio = period(fact("jupiter.a")) / period(fact("ceres.a"))
    for slip in (ratio, float(ratio), round(float(ratio), 2), ratio.value * u.deg):
        result = check("03.5", slip, **ceres)
        assert result.status == "incorrect" and "period ratio" in result.message, (slip, result.message)
    right = _expected_answer("03.5", **ceres)
    assert "no unit" in check("03.5", float(right.to_value(u.deg)), **ceres).message
    inputs = _inputs([3.24, 3.11, 3.30, 3.37, 3.20], [0.15, 0.20, 0.24, 0.27, 0.23])
    for slip in (0.27, 0.27 * u.one):
        result = check("03.8", slip, **inputs)
        assert result.status == "incorrect" and "eccentricity" in result.message
    perihelion = _expected_answer("03.8", **inputs).to_value(u.AU)
    assert "no unit" in check("03.8", perihelion, **inputs).message


def test_exercise_4_names_the_right_number_in_the_wrong_length_unit():
    ceres = {"a": fact("ceres.a"), "a_jupiter": fact("jupiter.a"), "asteroid": "Ceres"}
    distance = abs(fact("ceres.a") - fact("jupiter.a") * (2 / 5) ** (2 / 3))
    result = check("03.4", distance.to_value(u.AU) * u.km, nearest=(5, 2), **ceres)
    assert result.status == "incorrect" and "labelled in km" in result.message
    assert "not right" not in result.message  # "Your number is right" stands alone
    assert check("03.4", distance.to(u.km), nearest=(5, 2), **ceres).ok  # the same length in km is right


def test_exercise_8_names_the_right_number_in_the_wrong_length_unit():
    inputs = _inputs([3.24, 3.11, 3.30, 3.37, 3.20], [0.15, 0.20, 0.24, 0.27, 0.23])
    right = _expected_answer("03.8", **inputs)
    for slip in (right.to_value(u.AU) * u.km, round(right.to_value(u.AU), 2) * u.km):
        result = check("03.8", slip, **inputs)
        assert result.status == "incorrect" and "labelled in km" in result.message, result.message
        assert "not right" not in result.message  # "Your number is right" stands alone
    assert check("03.8", right.to(u.km), **inputs).ok  # the same length in km is right
    assert "labelled in km" not in check("03.8", 2.0 * u.km, **inputs).message  # another number: no such hint


def test_an_eccentricity_given_as_a_percentage_or_with_its_decimal_point_moved_is_told_so():
    from utils.exercises.lesson03 import _largest_e

    a_last, a_mars = 2.44 * u.AU, fact("mars.a")
    exact = (1 - a_mars / a_last).to_value(u.one)
    kw = dict(a_last=a_last, a_mars=a_mars, a_start=2.50 * u.AU, e_reached=exact + 0.004)
    for given, words in (
        (100 * exact, "percentage"),
        (round(100 * exact), "percentage"),
        (10 * exact, "decimal point"),
    ):
        result = check("03.9", given, **kw)
        assert result.status == "incorrect" and words in result.message, (given, result)
        assert "unit conversions" not in result.message, result
    settings = dict(
        jupiter_a=fact("jupiter.a"), danger_distance=fact("mars.a"), jupiter_mass_factor=10, n_out=401, seed=3
    )
    inputs = dict(a_start=2.50, e_start=0.10, t_end=2000 * u.yr, jupiter_e=fact("jupiter.e"), **settings)
    right = _largest_e(0.0)(**inputs)
    for given, words in ((100 * right, "percentage"), (10 * round(right, 2), "decimal point")):
        result = check("03.7", given, **inputs)
        assert result.status == "incorrect" and words in result.message, (given, result)
        assert "unit conversions" not in result.message, result
    assert check("03.7", round(right, 2), **inputs).ok and check("03.9", round(exact, 3), **kw).ok


def test_exercise_1_a_negative_ratio_is_told_a_ratio_of_periods_is_positive():
    ceres = dict(a=fact("ceres.a"), a_jupiter=fact("jupiter.a"), asteroid="Ceres")
    for given in (-3, -2.5, -2.58, -2.58 * u.one):
        result = check("03.1", given, **ceres)
        assert result.status == "incorrect" and "positive" in result.message, (given, result)
        assert "simple fraction" not in result.message
    assert "simple fraction" in check("03.1", 2.5, **ceres).message
    assert check("03.1", 2.58, **ceres).ok


def test_exercise_4_a_three_figure_distance_is_not_called_rounded_to_a_hundredth():
    ceres = dict(a=fact("ceres.a"), a_jupiter=fact("jupiter.a"), asteroid="Ceres", nearest=(5, 2))
    assert "rounded too far" in check("03.4", 0.06 * u.AU, **ceres).message
    off = check("03.4", 0.061 * u.AU, **ceres)
    assert off.status == "incorrect" and "rounded too far" not in off.message, off


def test_exercise_4_signed_minimum_is_told_to_take_abs():
    inputs = dict(a=fact("ceres.a"), a_jupiter=fact("jupiter.a"), asteroid="Ceres")
    signed = min(inputs["a"] - inputs["a_jupiter"] * (q / p) ** (2 / 3) for p, q in KIRKWOOD_RESONANCES)
    assert signed < 0
    for given in (signed, round(signed.to_value(u.AU), 3) * u.AU):
        result = check("03.4", given, nearest=(2, 1), **inputs)
        assert result.status == "incorrect" and "abs(" in result.message, result.message
        assert "close" not in result.message.lower()
    right = check("03.4", abs(signed), nearest=(2, 1), **inputs)  # the 2:1's distance, unsigned: another hint
    assert "abs(" not in right.message, right.message


def test_exercise_4_signed_minimum_the_other_way_round_is_told_to_take_abs():
    """a_p:q - a with min() keeps the innermost resonance (the 4:1 for Ceres, -0.70 AU): the same abs() hint."""
    inputs = dict(a=fact("ceres.a"), a_jupiter=fact("jupiter.a"), asteroid="Ceres")
    signed = min(inputs["a_jupiter"] * (q / p) ** (2 / 3) - inputs["a"] for p, q in KIRKWOOD_RESONANCES)
    assert signed < -0.5 * u.AU
    for given in (signed, round(signed.to_value(u.AU), 3) * u.AU):
        result = check("03.4", given, nearest=(4, 1), **inputs)
        assert result.status == "incorrect" and "abs(" in result.message and "farthest in" in result.message
        assert "close" not in result.message.lower() and "0.7" not in result.message, result.message


def test_exercise_1_the_7_3_fraction_rounded_is_named():
    inputs = {"a": fact("ceres.a"), "a_jupiter": fact("jupiter.a"), "asteroid": "Ceres"}
    told = check("03.1", 2.33, **inputs)  # 7/3 to two decimals
    assert told.status == "incorrect" and "simple fraction" in told.message
    assert check("03.1", round(float(_expected_answer("03.1", **inputs)), 3), **inputs).ok


def test_exercise_7_any_one_decimal_number_gets_the_same_neutral_sentence():
    """0.2 (the right run to one decimal) and a bare guess such as 0.3 are told the same thing, so stepping
    through one-decimal guesses says nothing about where the answer lies; two decimals are judged as before.
    (0.1, the starting e, has its own hint.)"""
    from utils.exercises.lesson03 import ONE_DECIMAL, _largest_e

    settings = dict(
        jupiter_a=fact("jupiter.a"), danger_distance=fact("mars.a"), jupiter_mass_factor=10, n_out=401, seed=3
    )
    inputs = dict(a_start=2.50, e_start=0.10, t_end=2000 * u.yr, jupiter_e=fact("jupiter.e"), **settings)
    right = _largest_e(0.0)(**inputs)
    assert round(right, 1) == 0.2  # the case the neutral sentence must not give away
    for guess in (0.2, 0.3, 0.4, 0.9, np.float64(0.2), 0.2 * u.one):
        result = check("03.7", guess, **inputs)
        assert result.status == "incorrect" and result.message == ONE_DECIMAL, (guess, result)
        assert "your run is right" not in result.message and "close" not in result.message.lower(), result
    assert check("03.7", round(right, 2), **inputs).ok and check("03.7", right, **inputs).ok
    assert "your run is right" in check("03.7", np.floor(100 * right) / 100, **inputs).message  # 0.18, cut off
    assert "real eccentricity" in check("03.7", round(_largest_e(None)(**inputs), 2), **inputs).message


def test_a_rounding_hint_is_not_led_in_by_that_is_not_right():
    """Exercises 1, 4, 5 and 7: the right answer rounded too far is told so without "That is not right" in front,
    which the hint would contradict; a wrong answer still is "not right"."""
    ceres = dict(a=fact("ceres.a"), a_jupiter=fact("jupiter.a"), asteroid="Ceres")
    for ex_id, rounded, right in (("03.1", 2.6, 2.58), ("03.5", 230 * u.deg, 228 * u.deg)):
        result = check(ex_id, rounded, **ceres)
        assert result.status == "incorrect" and result.message.startswith("You are close"), (ex_id, result)
        assert "not right" not in result.message, (ex_id, result)
        assert check(ex_id, right, **ceres).ok
    assert check("03.1", 0.39, **ceres).message.startswith("That is not right")  # upside down: a real mistake
    assert check("03.5", 139.6 * u.deg, **ceres).message.startswith("That is not right")
    far = check("03.4", 0.06 * u.AU, nearest=(5, 2), **ceres)
    assert far.message.startswith("If your method is right") and "not right" not in far.message, far
    assert check("03.4", 0.05 * u.AU, nearest=(5, 2), **ceres).message.startswith("That is not right")


def test_exercise_4_asks_for_the_same_figures_in_the_text_and_the_hint():
    import json
    from pathlib import Path

    from utils.exercises.lesson03 import _EXERCISES

    root = Path(__file__).resolve().parents[1]
    cells = json.loads((root / "notebooks" / "03-resonances.ipynb").read_text(encoding="utf-8"))["cells"]
    question = next("".join(c["source"]) for c in cells if "".join(c["source"]).startswith("### Exercise 4 "))
    assert "at least two significant figures" in question
    hints = " ".join(m.hint for m in _EXERCISES["03.4"].mistakes)
    assert "at least two significant figures" in hints and "three significant" not in hints


def test_exercise_4_a_wrong_second_figure_fails_and_one_figure_in_km_is_told_to_keep_figures():
    ceres = dict(a=fact("ceres.a"), a_jupiter=fact("jupiter.a"), asteroid="Ceres", nearest=(5, 2))
    for wrong in (0.057, 0.059):  # the right 0.0580 AU with its second figure off: told to round, not the method
        near = check("03.4", wrong * u.AU, **ceres)
        assert near.status == "incorrect" and "1-2 % off" in near.message, (wrong, near)
        assert "round only at the end" in near.message and "cut off" not in near.message, near
        assert "significant figures" not in near.message  # it has the two asked for: not told it has too few
        assert "not right" not in near.message and "Compute each location" not in near.message, near
        assert "close" not in near.message.lower(), near
    for far in (0.055, 0.061, 0.053):  # more than 2 % off: the method hint (or a named mistake), not the rounding
        assert "1-2 % off" not in check("03.4", far * u.AU, **ceres).message, far
    for fair in (0.058, 0.0576):  # 0.0576: the unrounded formula with the printed a = 2.767 AU
        assert check("03.4", fair * u.AU, **ceres).ok, fair
    in_km = check("03.4", 9e6 * u.km, **ceres)  # 8.68e6 km to one significant figure
    in_au = check("03.4", 0.06 * u.AU, **ceres)
    assert in_km.status == "incorrect" and in_km.message == in_au.message, (in_km, in_au)
    assert "at least two significant figures" in in_km.message and "not right" not in in_km.message
    assert check("03.4", 8.7e6 * u.km, **ceres).ok
    assert "rounded too far" not in check("03.4", 1e7 * u.km, **ceres).message


def test_exercise_9_the_third_figure_must_be_right():
    a_last, a_mars = 2.4411 * u.AU, fact("mars.a")  # the lesson's run: 0.3758
    kw = dict(a_last=a_last, a_mars=a_mars, a_start=2.50 * u.AU, e_reached=0.379)
    for fair in (0.376, 0.3757, 0.377):  # 0.377: the values as shown, 1 - 1.52 / 2.44
        assert check("03.9", fair, **kw).ok, fair
    for wrong in (0.374, 0.375, 0.378):
        result = check("03.9", wrong, **kw)
        assert result.status == "incorrect" and "close" not in result.message.lower(), (wrong, result)


def test_exercise_7_whole_tenths_and_unexplained_two_decimal_guesses_get_neutral_sentences():
    from utils.exercises.lesson03 import ONE_DECIMAL, TWO_DECIMALS, _largest_e

    settings = dict(
        jupiter_a=fact("jupiter.a"), danger_distance=fact("mars.a"), jupiter_mass_factor=10, n_out=401, seed=3
    )
    inputs = dict(a_start=2.50, e_start=0.10, t_end=2000 * u.yr, jupiter_e=fact("jupiter.e"), **settings)
    assert "0.20" in ONE_DECIMAL or "however many zeros" in ONE_DECIMAL  # fits 0.20 typed, which Python reads as 0.2
    assert check("03.7", 0.20, **inputs).message == ONE_DECIMAL
    right = _largest_e(0.0)(**inputs)
    cut = np.floor(100 * right) / 100  # 0.18
    messages = {check("03.7", guess, **inputs).message for guess in (cut, round(cut - 0.01, 2), round(right + 0.02, 2))}
    assert messages == {TWO_DECIMALS}, messages  # 0.18, 0.17 and 0.21 are told the same
    assert "real eccentricity" in check("03.7", round(_largest_e(None)(**inputs), 2), **inputs).message


def test_exercise_8_a_perihelion_rounded_too_far_is_not_led_in_by_that_is_not_right():
    inputs = _inputs([3.24, 3.11, 3.30, 3.37, 3.20], [0.15, 0.20, 0.24, 0.27, 0.23])
    right = _expected_answer("03.8", **inputs)
    coarse = check("03.8", round(right.to_value(u.AU), 1) * u.AU, **inputs)  # 2.5 for 2.46
    assert coarse.status == "incorrect" and coarse.message.startswith("You are close"), coarse
    assert "not right" not in coarse.message


def test_exercises_8_and_9_rounding_hints_stand_alone():
    # a rounding hint that speaks to a right method has no "That is not right" in front of it
    inputs = _inputs([2.50, 2.492, 2.51], [0.09344, 0.05, 0.0934])
    off = check("03.8", 2.26 * u.AU, **inputs)  # no rounding hint: 2.26 may come from a wrong method too
    assert (
        off.status == "incorrect" and off.message.startswith("That is not right") and "right method" not in off.message
    )
    coarse = check("03.8", 2.3 * u.AU, **inputs)  # rounded too far: the rounding message stands alone
    assert coarse.status == "incorrect" and "not right" not in coarse.message, coarse
    a_last, a_mars = 2.44 * u.AU, fact("mars.a")
    e_right = (1 - a_mars / a_last).to_value(u.one)
    kw = dict(a_last=a_last, a_mars=a_mars, a_start=2.50 * u.AU, e_reached=e_right + 0.004)
    for coarse in (round(e_right, 2), round(e_right, 1)):
        result = check("03.9", coarse, **kw)
        assert result.status == "incorrect" and "not right" not in result.message, result
    assert check("03.9", 0.39, **kw).message.startswith("That is not right")  # the starting a: a real mistake


def test_exercise_9_the_right_e_cut_off_is_told_to_round():
    # 0.375 for 0.3758 (a_last as in the lesson, about 2.441 AU): the method is right, the last figure cut off
    a_last, a_mars = 2.441 * u.AU, fact("mars.a")
    e_right = (1 - a_mars / a_last).to_value(u.one)
    assert round(e_right, 3) == 0.376 and np.floor(1000 * e_right) / 1000 == 0.375
    kw = dict(a_last=a_last, a_mars=a_mars, a_start=2.50 * u.AU, e_reached=e_right + 0.004)
    cut = check("03.9", 0.375, **kw)
    assert cut.status == "incorrect" and cut.message.startswith("If your method is right"), cut
    assert "rounded rather than cut off" in cut.message and "not right" not in cut.message
    assert "0.37" not in cut.message  # the hint gives no number away
    for wrong in (0.374, 0.378):  # still rejected, with the method hint, not the rounding one
        result = check("03.9", wrong, **kw)
        assert result.status == "incorrect" and "cut off" not in result.message, (wrong, result)
    assert check("03.9", 0.376, **kw).ok


def test_exercises_1_and_5_accept_the_bands_the_instructor_page_names():
    ceres = dict(a=fact("ceres.a"), a_jupiter=fact("jupiter.a"), asteroid="Ceres")
    # "to two decimals": 2.58 (and the full 2.579) pass; 2.57 is the ratio cut off, and gets a hint to round
    assert [check("03.1", x, **ceres).ok for x in (2.57, 2.575, 2.579, 2.58, 2.584, 2.59)] == [0, 1, 1, 1, 1, 0]
    assert "rounded" in check("03.1", 2.57, **ceres).message and "2.58" not in check("03.1", 2.57, **ceres).message
    # "to the nearest degree": 228 (and the full 227.99) pass, 227 and 229 do not
    steps = [check("03.5", x * u.deg, **ceres).ok for x in (226, 227, 227.99, 228, 229, 230)]
    assert steps == [False, False, True, True, False, False]
    # the method is right in a cut-off answer: its hint stands alone, with no "That is not right" in front
    for cut in (check("03.1", 2.57, **ceres), check("03.5", 227 * u.deg, **ceres)):
        assert "cut off" in cut.message and "not right" not in cut.message, cut


def test_exercise_5_a_step_cut_off_is_told_to_round_and_a_far_one_is_not():
    ceres = dict(a=fact("ceres.a"), a_jupiter=fact("jupiter.a"), asteroid="Ceres")
    cut = check("03.5", 227 * u.deg, **ceres)  # 227.99 with its decimals cut off
    assert cut.status == "incorrect" and "cut off" in cut.message and "nearest degree" in cut.message
    assert "close" not in cut.message.lower() and "228" not in cut.message
    for other in (229, 226):  # not a cut-off of this step: no such hint, and no "close" either
        result = check("03.5", other * u.deg, **ceres)
        assert "cut off" not in result.message and "close" not in result.message.lower(), (other, result)
    assert "close" in check("03.5", 230 * u.deg, **ceres).message  # rounded too far: "close" is for rounding


def test_exercise_7_the_starting_e_gets_its_own_hint():
    from utils.exercises.lesson03 import ONE_DECIMAL, STARTING_E, TWO_DECIMALS

    settings = dict(
        jupiter_a=fact("jupiter.a"), danger_distance=fact("mars.a"), jupiter_mass_factor=10, n_out=401, seed=3
    )
    inputs = dict(a_start=2.50, e_start=0.10, t_end=2000 * u.yr, jupiter_e=fact("jupiter.e"), **settings)
    for start in (0.1, 0.10, np.float64(0.1), 0.1 * u.one):
        result = check("03.7", start, **inputs)
        assert result.status == "incorrect" and result.message == STARTING_E, (start, result)
    assert STARTING_E not in (ONE_DECIMAL, TWO_DECIMALS) and "e_try" in STARTING_E and "largest" in STARTING_E
    assert check("03.7", 0.20, **inputs).message == ONE_DECIMAL  # other whole tenths: the neutral sentence


def test_exercise_7_a_changed_jupiter_e_in_the_check_is_told_to_leave_the_inputs():
    from utils.exercises.lesson03 import CHECK_INPUTS_CHANGED, _largest_e

    settings = dict(
        jupiter_a=fact("jupiter.a"), danger_distance=fact("mars.a"), jupiter_mass_factor=10, n_out=401, seed=3
    )
    inputs = dict(a_start=2.50, e_start=0.10, t_end=2000 * u.yr, jupiter_e=fact("jupiter.e"), **settings)
    real_run = round(_largest_e(None)(**inputs), 2)
    right = _largest_e(0.0)(**inputs)
    for jupiter_e in (0, 0.0, 0.1):
        changed = {**inputs, "jupiter_e": jupiter_e}
        for answer in (real_run, 0.37, 0.2):
            result = check("03.7", answer, **changed)
            assert result.status == "incorrect" and result.message == CHECK_INPUTS_CHANGED, (jupiter_e, answer, result)
            assert "decimal" not in result.message and "round" not in result.message
        assert check("03.7", round(right, 2), **changed).ok  # the right answer still passes
    assert "leave the check's inputs" in CHECK_INPUTS_CHANGED.lower()
    assert check("03.7", real_run, **inputs).message != CHECK_INPUTS_CHANGED  # the real e given: the usual hint


def test_exercise_5_the_right_number_in_another_angle_unit_is_told_so():
    """228 arcmin (or cycle) is the right number with the wrong unit, not radians labelled as degrees; 228 rad, the
    nearest degree labelled as radians, gets the note on the 360 written without u.deg. None says "close"."""
    ceres = dict(a=fact("ceres.a"), a_jupiter=fact("jupiter.a"), asteroid="Ceres")
    step = round(_expected_answer("03.5", **ceres).to_value(u.deg))
    for unit in (u.arcmin, u.arcsec, u.cycle):
        told = check("03.5", step * unit, **ceres)
        assert told.status == "incorrect" and told.message.startswith("Your number is right"), told
        assert f"labelled in {unit}" in told.message and "radians" not in told.message
    for given in (step * u.rad, (step - 0.01) * u.rad):
        told = check("03.5", given, **ceres)
        assert told.status == "incorrect" and "labelled as radians" in told.message, told
        assert not told.message.startswith("That is not right"), told
    assert check("03.5", step * u.deg, **ceres).ok
    assert "labelled in" not in check("03.5", (step + 5) * u.arcmin, **ceres).message


def test_exercise_1_the_ratio_minus_one_is_named():
    """T_J/T - 1 (1.58 for Ceres), the denominator of the step's formula, is told it is the ratio minus one."""
    ceres = dict(a=fact("ceres.a"), a_jupiter=fact("jupiter.a"), asteroid="Ceres")
    ratio = float(_expected_answer("03.1", **ceres))
    for given in (ratio - 1, round(ratio - 1, 2)):
        told = check("03.1", given, **ceres)
        assert told.status == "incorrect" and "ratio minus one" in told.message, told
        assert "close" not in told.message.lower()
