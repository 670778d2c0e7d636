"""Lesson 05's choice checks, Edelbaum's prediction and the hints for unit slips."""

from __future__ import annotations

import astropy.units as u
import numpy as np
import pytest
from astropy.constants import GM_sun, g0

from utils import check
from utils import propulsion as P
from utils.checks import _expected_answer
from utils.exercises import lesson05 as L5
from utils.facts import fact
from utils.orbits import circular_speed

ARC = dict(a_start=2.362 * u.AU, acceleration=0.0519 * u.mm / u.s**2, duration=1 * u.yr)


def test_derivation_step_is_a_written_question():
    from utils.exercises.lesson05 import _EXERCISES, WRITTEN

    assert "05.1" in WRITTEN and "05.1" not in _EXERCISES
    assert WRITTEN["05.1"].startswith("Exercise 1 · derive")


def test_gap_choice():
    assert check("05.4", "xenon").ok
    for word, words in (("steering", "whatever direction"), ("hydrazine", "larger"), ("gravity", "whatever gravity")):
        result = check("05.4", word)
        assert not result.ok and words in result.message, word


def test_edelbaum_radius_by_hand():
    # 0.0519 mm/s² for a Julian year: 1.638 km/s; 19.38 - 1.64 = 17.74 km/s; GM / v² = 2.82 AU
    got = _expected_answer("05.8", **ARC)
    v_end = circular_speed(2.362 * u.AU) - (0.0519 * u.mm / u.s**2 * 1 * u.yr).to(u.km / u.s)
    assert got.to_value(u.AU) == pytest.approx((GM_sun / v_end**2).to_value(u.AU), rel=1e-9)
    assert got.to_value(u.AU) == pytest.approx(2.82, abs=0.005)
    assert check("05.8", 2.82 * u.AU, **ARC).ok
    assert check("05.8", (2.82 * u.AU).to(u.km), **ARC).ok
    # no thrust: Edelbaum's orbit is the starting one
    assert check("05.8", 2.362 * u.AU, **{**ARC, "acceleration": 0 * u.mm / u.s**2}).ok


def test_edelbaum_radius_mistakes():
    plus = check("05.8", (GM_sun / (circular_speed(2.362 * u.AU) + 1.638 * u.km / u.s) ** 2).to(u.AU), **ARC)
    assert "subtract" in plus.message
    unsquared = (GM_sun / (circular_speed(2.362 * u.AU) - 1.638 * u.km / u.s)).to(u.km**2 / u.s)
    assert "square the speed" in check("05.8", unsquared, **ARC).message
    simulated = L5._thrust_arc_distance(ARC["a_start"], ARC["acceleration"], ARC["duration"])
    assert "simulated spacecraft" in check("05.8", simulated, **ARC).message
    # more delta-v than the circular speed: a clear message, not a traceback
    assert check("05.8", 1 * u.AU, **{**ARC, "acceleration": 1 * u.m / u.s**2}).status == "invalid"


def test_spiral_acceleration_unit_slips_get_hints():
    right = _expected_answer("05.7", **ARC)
    assert check("05.7", right, **ARC).ok
    in_m = L5._thrust_arc_distance(ARC["a_start"], ARC["acceleration"] * 1e3, ARC["duration"])
    in_mm = L5._thrust_arc_distance(ARC["a_start"], ARC["acceleration"] * 1e6, ARC["duration"])
    assert "thousand times" in check("05.7", in_m, **ARC).message
    assert "million times" in check("05.7", in_mm, **ARC).message


def test_exhaust_speed_instead_of_isp_gets_a_hint():
    nine = dict(delta_v=2.92 * u.km / u.s, mass=1217.7 * u.kg, power=1.79 * u.kW, efficiency=0.54, time=2.5 * u.yr)
    isp = _expected_answer("05.17", **nine)
    assert check("05.17", isp, **nine).ok
    speed = (isp * g0).to(u.km / u.s)
    result = check("05.17", speed, **nine)
    assert result.status == "incorrect" and "divided by" in result.message
    assert np.isfinite(speed.value)


HALL_ION = dict(hall_thrust=68 * u.mN, hall_power=1190 * u.W, ion_thrust=92 * u.mN, ion_power=2.3 * u.kW)


def test_thrust_per_kilowatt_by_hand():
    # 68 mN / 1.19 kW = 57.14 mN/kW; 92 mN / 2.3 kW = 40.00 mN/kW; ratio 1.4286
    assert _expected_answer("05.9", **HALL_ION) == pytest.approx(1.4286, rel=1e-4)
    assert check("05.9", 1.43, **HALL_ION).ok
    assert check("05.9", (68 * u.mN / (1190 * u.W)) / (92 * u.mN / (2.3 * u.kW)), **HALL_ION).ok  # kW/W cancels
    assert not check("05.9", 1.5, **HALL_ION).ok  # the datasheet's point, not the inputs given
    assert check("05.9", 1.43 * u.mN, **HALL_ION).status == "invalid"  # a ratio has no unit
    assert check("05.9", 1.43, **{**HALL_ION, "hall_power": -1 * u.W}).status == "invalid"


@pytest.mark.parametrize(
    "wrong, words",
    [
        (1 / 1.4286, "other way up"),
        (68 / 92, "per kilowatt"),
        (1.19 / 2.3, "ratio of the two powers"),
        ((90 / 1.5) / (92 / 2.3), "datasheet's point"),
    ],
)
def test_thrust_per_kilowatt_mistakes_get_hints(wrong, words):
    result = check("05.9", wrong, **HALL_ION)
    assert result.status == "incorrect" and words in result.message


def test_g_rounded_to_ten_gets_its_own_hint():
    # at 3,100 s, g = 10 gives 31.0 km/s while the right 30.40 rounds to 30: the g = 10 hint
    inputs = dict(isp=3100 * u.s, isp_full=3100 * u.s, isp_other=1950 * u.s)
    wrong = check("05.11", (3100 * u.s * 10 * u.m / u.s**2).to(u.km / u.s), **inputs)  # 31.0 km/s, by hand
    assert not wrong.ok and "g = 10 m/s²" in str(wrong.message) and "standard gravity" in str(wrong.message)
    assert check("05.11", (1900 * u.s * g0).to(u.km / u.s), **{**inputs, "isp": 1900 * u.s}).ok


def test_exercise_4_names_the_dry_mass_taken_as_the_final_mass():
    import astropy.units as u

    from utils.checks import check
    from utils.exercises import lesson05 as L
    from utils.facts import fact

    inputs = dict(isp=3100 * u.s, initial_mass=fact("dawn.launch_mass"), propellant_mass=fact("dawn.xenon_mass"))
    slip = check("05.3", L._rocket_dv_to_dry_mass(**inputs), **inputs)
    assert slip.status == "incorrect" and "dry mass" in slip.message
    assert check("05.3", L._rocket_dv(**inputs), **inputs).ok


def _default_tolerance_arc(a_start, acceleration, duration):
    """The student's own km-and-second integration with solve_ivp's default tolerances."""
    from scipy.integrate import solve_ivp

    gm = GM_sun.to_value(u.km**3 / u.s**2)
    acc = acceleration.to_value(u.km / u.s**2)
    r0 = a_start.to_value(u.km)

    def rhs(t, state):
        x, y, vx, vy = state
        r, v = np.hypot(x, y), np.hypot(vx, vy)
        return [vx, vy, -gm * x / r**3 + acc * vx / v, -gm * y / r**3 + acc * vy / v]

    sol = solve_ivp(rhs, (0, duration.to_value(u.s)), [r0, 0, 0, np.sqrt(gm / r0)])
    return np.hypot(sol.y[0, -1], sol.y[1, -1]) * u.km


def test_spiral_default_tolerance_is_refused_and_told_apart_from_a_radial_push():
    right = _expected_answer("05.7", **ARC).to(u.AU)
    loose = _default_tolerance_arc(**ARC).to(u.AU)
    assert 0.003 < 1 - (loose / right).to_value(u.one) < 0.006  # a few tenths of a per cent short
    result = check("05.7", loose, **ARC)
    assert not result.ok and "rtol=1e-9" in result.message
    radial = L5._thrust_arc_distance(ARC["a_start"], ARC["acceleration"], ARC["duration"], direction="radial")
    assert "straight away from the Sun" in check("05.7", radial, **ARC).message
    # three significant figures still pass
    assert check("05.7", round(right.to_value(u.AU), 2) * u.AU, **ARC).ok


def test_edelbaum_radius_with_the_delta_v_rounded_gets_the_rounding_hint():
    dv_rounded = np.round((ARC["acceleration"] * ARC["duration"]).to_value(u.km / u.s), 1) * u.km / u.s
    rounded = (GM_sun / (circular_speed(ARC["a_start"]) - dv_rounded) ** 2).to(u.AU)
    result = check("05.8", rounded, **ARC)
    assert not result.ok and "three significant figures" in result.message and "half a per cent" in result.message
    # the far point of the later library spiral (2.81 AU for the lesson's inputs) lies just as close: the hint names it
    pasted = check("05.8", 2.81 * u.AU, **ARC)
    assert not pasted.ok and "far point" in pasted.message and "three significant figures" in pasted.message


def test_mean_thrust_hint_gives_only_the_first_step():
    hint = check("05.12", 1 * u.N, propellant_mass=425 * u.kg, time=5.87 * u.yr, isp=3100 * u.s).message
    assert "mass flow" in hint and "g0" not in hint


def test_dawn_exhaust_speed_is_left_for_exercise_3():
    """Exercise 3 tests the step v_e = Isp g0: no variable or printed line before it gives Dawn's exhaust speed."""
    import contextlib
    import io
    import re

    from notebook_namespace import namespace_until
    from utils.facts import fact

    v_e = (fact("dawn.isp") * g0).to_value(u.km / u.s)
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        ns, _ = namespace_until("05-ion-propulsion.ipynb", 'xenon_mass = fact("dawn.xenon_mass")')
    for name, value in ns.items():
        if isinstance(value, u.Quantity) and value.unit.is_equivalent(u.km / u.s):
            speeds = np.atleast_1d(value.to_value(u.km / u.s))
            assert not np.any(np.isclose(speeds, v_e, rtol=0.02)), f"{name} is Dawn's exhaust speed"
    numbers = [float(x) for x in re.findall(r"\d+(?:\.\d+)?", printed.getvalue().replace(",", ""))]
    assert printed.getvalue().strip(), "the cells before exercise 3 print nothing: the test reads the wrong part"
    for x in numbers:
        assert not np.isclose(x, v_e, rtol=0.01) and not np.isclose(x, 1000 * v_e, rtol=0.01), x


@pytest.mark.parametrize(
    "exercise, without_g0, inputs",
    [
        (
            "05.3",
            3100 * u.s * np.log(1217.7 / 792.7),
            dict(isp=3100 * u.s, initial_mass=1217.7 * u.kg, propellant_mass=425 * u.kg),
        ),
        (
            "05.12",
            425 * u.kg / (5.87 * u.yr) * 3100 * u.s,
            dict(propellant_mass=425 * u.kg, time=5.87 * u.yr, isp=3100 * u.s, full_thrust=92 * u.mN),
        ),
        ("05.11", 1900 * u.s, dict(isp=1900 * u.s, isp_full=3100 * u.s)),
    ],
)
def test_specific_impulse_without_g0_gets_the_g0_hint(exercise, without_g0, inputs):
    """The slip of leaving g0 out of v_e = Isp g0 (an answer in s or kg) is named, not only called the wrong unit."""
    result = check(exercise, without_g0, **inputs)
    assert result.status == "incorrect" and "multiplied by g0" in result.message
    right = check(exercise, without_g0 * g0, **inputs)
    assert right.ok, right.message


def test_delta_v_ratio_rounded_to_one_figure_gets_the_figures_hint():
    isps = dict(hall_isp=1640 * u.s, ion_isp=3100 * u.s)
    assert check("05.10", 0.529, **isps).ok
    result = check("05.10", 0.5, **isps)
    assert not result.ok and "three significant figures" in result.message


def _lesson05_cells():
    import json
    from pathlib import Path

    path = Path(__file__).parents[1] / "notebooks" / "05-ion-propulsion.ipynb"
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def test_goal_5_explain_question_is_not_homework_and_the_spiral_hint_reaches_self_learners():
    import nbtools

    nb = nbtools.read(nbtools.NOTEBOOKS / "05-ion-propulsion.ipynb")
    explain = next(nbtools.source(c) for c in nb.cells if nbtools.source(c).startswith("### Exercise 6 ·"))
    assert "homework" not in explain.lower()  # goal 5's "explain" is tested in class
    student = nbtools.student_version(nb)
    source = nbtools.source
    hints = [source(c) for c in student["cells"] if c["cell_type"] == "markdown" and "<details>" in source(c)]
    assert any("-gm_sun * x / r**3" in h for h in hints)  # exercise 7's right-hand side, folded away


def _contrast_on_white(hex_colour):
    def channel(c):
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(int(hex_colour[i : i + 2], 16) / 255) for i in (1, 3, 5))
    return 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05)


def test_throttle_range_bar_has_graphics_contrast():
    import re

    from utils.style import OTHER_COLOURS

    line = next(
        ln for c in _lesson05_cells() for ln in "".join(c["source"]).splitlines() if "NSTAR throttle range" in ln
    )
    key = re.search(r'OTHER_COLOURS\["([^"]+)"\]', line).group(1)
    assert _contrast_on_white(OTHER_COLOURS[key]) >= 3  # WCAG 1.4.11: graphical objects need 3:1


def test_bare_nan_is_called_not_finite_rather_than_unitless():
    inputs = dict(isp=3100 * u.s, initial_mass=1217.7 * u.kg, propellant_mass=425 * u.kg)
    for bad in (np.nan, float("inf")):
        message = check("05.3", bad, **inputs).message
        assert "not a finite number" in message and "no unit" not in message


def _exercise_calls():
    """Exercises 2, 3, 7, 11, 12 and 13, their inputs, and the ways a student might feed them to a helper."""
    from astropy.constants import e

    from utils.facts import fact

    isp, m0, xe = fact("dawn.isp"), fact("dawn.launch_mass"), fact("dawn.xenon_mass")
    volt, xenon, t = fact("nstar.grid_voltage"), fact("xenon.atomic_weight"), fact("dawn.thrust_time")
    dv, chem = fact("dawn.total_delta_v"), fact("chem.rs25_isp")
    low = fact("nstar.isp_min")
    return [
        ("05.2", dict(voltage=volt, ion_mass=xenon, charge_number=2), [(volt, xenon, 2 * e.si), (volt, xenon, 2)]),
        ("05.3", dict(isp=isp, initial_mass=m0, propellant_mass=xe), [(isp, m0, xe)]),
        ("05.12", dict(propellant_mass=xe, time=t, isp=isp, full_thrust=fact("dawn.thrust")), [(xe / t, isp)]),
        ("05.7", ARC, [tuple(ARC.values())]),
        ("05.11", dict(isp=low, isp_full=isp), [(low,)]),
        ("05.13", dict(delta_v=dv, isp=chem, final_mass=m0 - xe), [(dv, chem, {"final_mass": m0 - xe}), (dv, chem)]),
    ]


def _answers(func, exercise, kw, calls) -> bool:
    for args in calls:
        kwargs = args[-1] if args and isinstance(args[-1], dict) else {}
        try:
            result = func(*args[: len(args) - bool(kwargs)], **kwargs)
        except Exception:
            continue
        values = result if isinstance(result, tuple) else [result]
        if any(isinstance(v, u.Quantity) and np.size(v) == 1 and check(exercise, v, **kw).ok for v in values):
            return True
    return False


@pytest.mark.parametrize("exercise, kw, calls", _exercise_calls(), ids=lambda x: x if isinstance(x, str) else "")
def test_no_public_name_in_utils_propulsion_answers_an_exercise(exercise, kw, calls):
    """Tab completion on `prop.` offers no helper that returns an exercise's answer from its inputs."""
    import matplotlib.pyplot as plt

    passing = []
    for name in (n for n in dir(P) if not n.startswith("_")):
        func = getattr(P, name)
        if callable(func) and not isinstance(func, type) and _answers(func, exercise, kw, calls):
            passing.append(name)
    plt.close("all")
    assert not passing, f"utils.propulsion.{passing} answer exercise {exercise}: keep such helpers private"
    assert set(P.__all__) <= {n for n in dir(P) if not n.startswith("_")}


def test_rounded_right_answer_is_not_told_a_mistake():
    """2.5 AU is 2.535 rounded (and near the radial push's 2.498): it is told to keep more figures, never the
    mistake's hint. 19 km/s is 18.6 rounded and also g = 10's 19.0: one hint names both causes, and neither
    is called "close". The mistakes themselves keep their hints."""
    from utils.facts import fact

    rounded = check("05.7", 2.5 * u.AU, **ARC)
    assert (
        not rounded.ok
        and "keep more significant figures" in rounded.message
        and "away from the Sun" not in rounded.message
    )
    radial = L5._thrust_arc_distance(ARC["a_start"], ARC["acceleration"], ARC["duration"], direction="radial")
    assert "away from the Sun" in check("05.7", radial, **ARC).message
    inputs = dict(isp=fact("nstar.isp_min"), isp_full=fact("dawn.isp"))
    for answer in (19 * u.km / u.s, 19000 * u.m / u.s):
        result = check("05.11", answer, **inputs)
        message = str(result.message)
        assert not result.ok and "two significant figures" in message and "g = 10" in message
        assert "close:" not in message
    # another specific impulse, where g = 10 does not round onto the right answer: its hint stays
    other = dict(isp=3100 * u.s, isp_full=fact("dawn.isp"))
    assert "g = 10" in check("05.11", 31 * u.km / u.s, **other).message


def test_explore_widget_does_not_answer_exercise_3():
    """Dawn's own settings in the Explore widget (exercise 3's inputs) show no delta-v that passes exercise 3;
    no variable of the lesson holds the widget's chart, and the budget function behind it is private."""
    import re

    from notebook_namespace import explore_widget, namespace_until, texts
    from utils.facts import fact

    name = "05-ion-propulsion.ipynb"
    inputs = dict(isp=fact("dawn.isp"), initial_mass=fact("dawn.launch_mass"), propellant_mass=fact("dawn.xenon_mass"))
    isp, xenon = inputs["isp"].to_value(u.s), inputs["propellant_mass"].to_value(u.kg)
    figure, alt = explore_widget(name).draw(isp=isp, xenon=xenon, power=fact("nstar.power_max").to_value(u.kW))
    speeds = [float(v.replace(",", "")) for v in re.findall(r"(\d[\d,.]*) km/s", " ".join(texts(figure)) + alt)]
    assert speeds, "the delta-v bar is labelled in km/s"
    assert not [v for v in speeds if check("05.3", v * u.km / u.s, **inputs).ok]
    ns, _ = namespace_until(name, "budget_chart().draw(")
    assert not [k for k, v in ns.items() if isinstance(v, (P.BudgetChart, P.RatioBars))], "a variable holds the chart"
    dv = ns["budget_chart"]()._values(isp, xenon, fact("nstar.power_max").to_value(u.kW))[0]
    assert not check("05.3", dv * u.km / u.s, **inputs).ok
    assert not hasattr(P, "design_budget") and "design_budget" not in P.__all__


def test_spiral_extra_cost_rounded_to_one_figure_is_told_so():
    legs = dict(a_start=1 * u.AU, a_end=2.362 * u.AU)
    assert check("05.5", 0.451 * u.km / u.s, **legs).ok  # three figures pass
    two = check("05.5", 0.45 * u.km / u.s, **legs)  # two figures: the exercise asks for three
    assert not two.ok and "rounded too much, so keep three significant figures" in two.message, two
    assert not check("05.5", 0.449 * u.km / u.s, **legs).ok
    result = check("05.5", 0.5 * u.km / u.s, **legs)  # 0.451 km/s to one figure
    assert not result.ok and "rounded too much, so keep three significant figures" in result.message
    assert "rounded too much" in check("05.5", 500 * u.m / u.s, **legs).message
    assert "rounded too much" not in check("05.5", 0.6 * u.km / u.s, **legs).message


def test_spiral_answered_with_one_coordinate_gets_its_own_hint():
    """The skeleton names sol.y[0, -1] and sol.y[1, -1]: an answer with y only (for these inputs close to the
    radial push's distance) is told it is one coordinate, not sent to rewrite a right-hand side that is right."""
    from scipy.integrate import solve_ivp

    gm = GM_sun.to_value(u.km**3 / u.s**2)
    acc = ARC["acceleration"].to_value(u.km / u.s**2)
    r0 = ARC["a_start"].to_value(u.km)

    def rhs(t, state):
        x, y, vx, vy = state
        r, v = np.hypot(x, y), np.hypot(vx, vy)
        return [vx, vy, -gm * x / r**3 + acc * vx / v, -gm * y / r**3 + acc * vy / v]

    sol = solve_ivp(rhs, (0, ARC["duration"].to_value(u.s)), [r0, 0, 0, np.sqrt(gm / r0)], rtol=1e-9)
    assert check("05.7", np.hypot(sol.y[0, -1], sol.y[1, -1]) * u.km, **ARC).ok
    radial = L5._thrust_arc_distance(ARC["a_start"], ARC["acceleration"], ARC["duration"], direction="radial")
    y_only = sol.y[1, -1] * u.km
    assert abs(1 - (y_only / radial).to_value(u.one)) < 0.0025  # the two slips land together
    for answer in (y_only, sol.y[0, -1] * u.km):
        result = check("05.7", answer, **ARC)
        assert not result.ok and "one coordinate" in result.message and "straight away" not in result.message
    assert "straight away from the Sun" in check("05.7", radial, **ARC).message
    speed = check("05.7", np.hypot(sol.y[2, -1], sol.y[3, -1]) * u.km / u.s, **ARC)  # the final speed instead
    assert not speed.ok and "That is a speed" in speed.message and "a time" not in speed.message, speed


def test_ex7_folded_hint_leaves_the_thrust_term_to_write():
    import json
    from pathlib import Path

    nb = json.loads((Path(__file__).parents[1] / "notebooks" / "05-ion-propulsion.ipynb").read_text())
    hint = next("".join(c["source"]) for c in nb["cells"] if c.get("id") == "ex7-rhs-hint")
    assert "-gm_sun*x/r**3" in hint.replace(" ", "")  # gravity is given
    assert "acc*vx" not in hint.replace(" ", "")  # the thrust term is not


def test_g_ten_and_rounded_power_ratio_get_their_hints():
    from utils.facts import fact

    three = dict(isp=fact("dawn.isp"), initial_mass=fact("dawn.launch_mass"), propellant_mass=fact("dawn.xenon_mass"))
    # g = 10 m/s²: 30.4 km/s becomes 31.0 km/s, 13.05 km/s becomes 13.31
    g_ten = _expected_answer("05.3", **three) * 10 / g0.to_value(u.m / u.s**2)
    for answer in (g_ten, 13.3 * u.km / u.s):
        result = check("05.3", answer, **three)
        assert not result.ok and "g = 10" in result.message
    five = dict(propellant_mass=fact("dawn.xenon_mass"), time=5.9 * u.yr, isp=fact("dawn.isp"))
    result = check("05.12", _expected_answer("05.12", **five) * 10 / g0.to_value(u.m / u.s**2), **five)
    assert not result.ok and "g = 10" in result.message
    # 1,190 W / 2.3 kW = 0.517; to two figures 0.52 is still the ratio of the powers
    for answer in (0.517, 0.52):
        assert "ratio of the two powers" in check("05.9", answer, **HALL_ION).message


def test_ion_speed_with_a_lost_unit_gets_the_form_hint():
    """Exercise 2: the count of charges for the charge, or a bare-number ion mass, is named, not only 'wrong unit'."""
    from astropy.constants import e

    inputs = dict(voltage=1100 * u.V, ion_mass=131.293 * u.u, charge_number=2)
    slips = (
        np.sqrt(2 * 2 * inputs["voltage"] / inputs["ion_mass"]),
        np.sqrt(2 * 2 * e.si * inputs["voltage"] / 131.293),
        np.sqrt(2 * 2 * e.si * inputs["voltage"] / inputs["ion_mass"].to_value(u.kg)),
    )
    for slip in slips:
        result = check("05.2", slip, **inputs)
        assert not result.ok and "`charge` (in coulombs)" in result.message, result.message
    right = np.sqrt(2 * 2 * e.si * inputs["voltage"] / inputs["ion_mass"])
    assert check("05.2", right.to(u.km / u.s), **inputs).ok


def _student_arc(slip):
    """A student's spiral in km and s with the thrust not divided by v (slip="speed")."""
    from scipy.integrate import solve_ivp

    gm = GM_sun.to_value(u.km**3 / u.s**2)
    acc = ARC["acceleration"].to_value(u.km / u.s**2)
    r0, t_end = ARC["a_start"].to_value(u.km), ARC["duration"].to_value(u.s)

    def rhs(t, state):
        x, y, vx, vy = state
        r, v = np.hypot(x, y), np.hypot(vx, vy)
        gx, gy = -gm * x / r**3, -gm * y / r**3
        if slip == "speed":
            return [vx, vy, gx + acc * vx, gy + acc * vy]
        return [vx, vy, gx + acc * vx / v, gy + acc * vy / v]

    sol = solve_ivp(rhs, (0, t_end), [r0, 0, 0, np.sqrt(gm / r0)], rtol=1e-9)
    return np.hypot(sol.y[0, -1], sol.y[1, -1]) * u.km


def test_spiral_right_hand_side_slips_get_hints():
    assert "Divide by the speed" in check("05.7", _student_arc("speed"), **ARC).message
    assert check("05.7", _student_arc(None), **ARC).ok


def test_exercise_8_final_speed_is_told_the_step_left_not_to_multiply_by_a_time():
    from utils.exercises.lesson05 import _edelbaum_final_speed

    kw = dict(a_start=ARC["a_start"], acceleration=ARC["acceleration"], duration=ARC["duration"])
    speed = _edelbaum_final_speed(**kw)
    result = check("05.8", speed, **kw)
    assert not result.ok and "GM_sun / v²" in result.message and "multiply it by a time" not in result.message
    assert "GM_sun / v²" in check("05.8", speed.to(u.m / u.s), **kw).message


def test_exercise_8_other_speeds_are_sent_to_the_radius_step_not_to_a_time():
    """The delta-v spent or v_start is a speed: the missing step is GM_sun / v², not multiplying by a time."""
    kw = dict(a_start=ARC["a_start"], acceleration=ARC["acceleration"], duration=ARC["duration"])
    spent = (ARC["acceleration"] * ARC["duration"]).to(u.km / u.s)
    for speed in (spent, circular_speed(ARC["a_start"]), spent.to(u.m / u.s)):
        result = check("05.8", speed, **kw)
        assert not result.ok and "GM_sun / v²" in result.message, speed
        assert "multiply it by a time" not in result.message and "close" not in result.message.lower()
    assert "circular speed at the end" in check("05.8", L5._edelbaum_final_speed(**kw), **kw).message


def test_exercise_13_rounded_to_one_figure_is_told_so_not_sent_to_the_method():
    """10 t for 9.79 t is the right answer rounded too far: the rounding hint, not the rocket-equation one."""
    from utils.facts import fact

    inputs = dict(
        delta_v=fact("dawn.total_delta_v"),
        isp=fact("chem.rs25_isp"),
        final_mass=fact("dawn.launch_mass") - fact("dawn.xenon_mass"),
    )
    assert check("05.13", 9.79 * u.t, **inputs).ok
    rounded = check("05.13", 10 * u.t, **inputs)
    assert not rounded.ok and "rounded too much" in rounded.message
    wrong = check("05.13", 12 * u.t, **inputs)
    assert not wrong.ok and "rounded" not in wrong.message


def test_exercise_14_rounded_to_two_figures_is_told_so_not_sent_to_the_method():
    """1.1 t for 1,078 kg is the right answer rounded too far: the rounding hint, not the mass-ratio one;
    doubling the xenon keeps its own hint."""
    from utils.facts import fact

    inputs = dict(
        final_mass=fact("dawn.launch_mass") - fact("dawn.xenon_mass"), propellant_mass=fact("dawn.xenon_mass")
    )
    assert check("05.14", 1078 * u.kg, **inputs).ok
    rounded = check("05.14", 1.1 * u.t, **inputs)
    assert not rounded.ok and "rounded too much" in rounded.message and "three significant" in rounded.message
    doubled = check("05.14", 2 * fact("dawn.xenon_mass"), **inputs)
    assert not doubled.ok and "logarithm" in doubled.message and "rounded" not in doubled.message
    wrong = check("05.14", 1.3 * u.t, **inputs)
    assert not wrong.ok and "rounded" not in wrong.message


def test_budget_chart_built_with_exercise_3s_mass_returns_no_delta_v():
    """Built with the mass after the burn, the widget's chart still offers no public method whose numbers
    pass exercise 3: its delta-v, thrust and burn time, and the alt text naming them, are private."""
    import re

    from utils.facts import fact

    m0, xe, isp = fact("dawn.launch_mass"), fact("dawn.xenon_mass"), fact("dawn.isp")
    inputs = dict(isp=isp, initial_mass=m0, propellant_mass=xe)
    chart = P.BudgetChart(m0 - xe, [0.5, 2.3] * u.kW, [0.35, 0.61], (isp, xe, 2.3 * u.kW), ["C0", "C1", "C2"])
    args = (isp.to_value(u.s), xe.to_value(u.kg), 2.3)
    assert check("05.3", chart._values(*args)[0] * u.km / u.s, **inputs).ok  # the route exists, privately
    for name in (n for n in dir(chart) if not n.startswith("_")):
        attr = getattr(chart, name)
        if not callable(attr) or name in ("render", "update", "draw"):
            continue
        try:
            result = attr(*args)
        except TypeError:
            continue
        numbers = [v for v in np.atleast_1d(result) if isinstance(v, (int, float, np.floating))]
        if isinstance(result, str):  # a text: the speeds it names
            numbers = [float(v.replace(",", "")) for v in re.findall(r"(\d[\d,.]*) km/s", result)]
        assert not [v for v in numbers if check("05.3", v * u.km / u.s, **inputs).ok], name


def _skeleton_rhs(t, state):
    """The answer cell's skeleton, not filled in."""
    x, y, vx, vy = state
    r = ...  # noqa: F841
    v = ...  # noqa: F841
    return [vx, vy, ..., ...]


def test_spiral_check_reads_the_students_right_hand_side():
    """Exercise 7 asks for the student's own right-hand side: the check cell passes rhs=rhs, and a right distance
    passes only with a right rhs; the library spiral read off at one year does not pass with the skeleton."""
    gm = GM_sun.to_value(u.km**3 / u.s**2)
    acc = ARC["acceleration"].to_value(u.km / u.s**2)

    def rhs(t, state):
        x, y, vx, vy = state
        r, v = np.hypot(x, y), np.hypot(vx, vy)
        return [vx, vy, -gm * x / r**3 + acc * vx / v, -gm * y / r**3 + acc * vy / v]

    honest = _student_arc(None)
    assert check("05.7", honest, **ARC, rhs=rhs).ok
    mass = 1217 * u.kg
    s = P.low_thrust_spiral(ARC["a_start"], 3 * u.AU, (ARC["acceleration"] * mass).to(u.N), mass, 1e9 * u.s)
    library = np.interp(1, s.t.to_value(u.yr), np.hypot(s.x, s.y).to_value(u.AU)) * u.AU
    assert check("05.7", library, **ARC).ok  # the distance alone is right ...
    for student_rhs, words in (
        (_skeleton_rhs, "stopped with TypeError"),
        (None, "define the function rhs(t, state)"),
        (lambda t, s: [s[2], s[3], 0.0, 0.0], "does not give [vx, vy, ax, ay]"),
        (lambda t, s: [s[2], s[3]], "does not return four numbers"),
    ):
        result = check("05.7", library, **ARC, rhs=student_rhs)  # ... but not without the student's own rhs
        assert not result.ok and result.status == "incorrect" and words in result.message, result.message
    assert check("05.7", ..., **ARC, rhs=_skeleton_rhs).status == "unanswered"
    wrong = check("05.7", ARC["a_start"], **ARC, rhs=rhs)  # a wrong distance keeps its own hint
    assert not wrong.ok and "still on its starting orbit" in wrong.message


def test_budget_chart_reference_gives_no_speed():
    """The set-up cell prints Dawn's reference with a public method; built even with exercise 3's masses it
    gives a thrust and a time, never a speed that could answer exercise 3."""
    from utils.facts import fact

    m0, xe, isp = fact("dawn.launch_mass"), fact("dawn.xenon_mass"), fact("dawn.isp")
    chart = P.BudgetChart(m0 - xe, [0.5, 2.3] * u.kW, [0.35, 0.61], (isp, xe, 2.3 * u.kW), ["C0", "C1", "C2"])
    thrust, burn_time = chart.reference_thrust_and_time()
    assert thrust.unit.physical_type == "force" and burn_time.unit.physical_type == "time"
    _, F, t = chart._values(isp.to_value(u.s), xe.to_value(u.kg), 2.3)
    assert np.isclose(thrust.to_value(u.mN), F) and np.isclose(burn_time.to_value(u.yr), t)
    for q in (thrust, burn_time):
        assert not check("05.3", q, isp=isp, initial_mass=m0, propellant_mass=xe).ok


@pytest.mark.parametrize(
    "body, ok, words",
    [
        ("    return [vx, vy, -gm * x / r**3 + acc * vx / v, -gm * y / r**3 + acc * vy / v]", True, "Correct"),
        ("    return [vx, vy, ..., ...]", False, "stopped with TypeError"),
        (None, False, "define the function rhs(t, state)"),
    ],
)
def test_spiral_check_finds_rhs_in_the_calling_notebook(body, ok, words):
    """In a notebook (an IPython namespace) the check finds the student's rhs by itself: the library spiral's
    distance passes only with a right rhs there; outside a notebook (a script or a test) the distance alone counts."""
    mass = 1217 * u.kg
    s = P.low_thrust_spiral(ARC["a_start"], 3 * u.AU, (ARC["acceleration"] * mass).to(u.N), mass, 1e9 * u.s)
    library = np.interp(1, s.t.to_value(u.yr), np.hypot(s.x, s.y).to_value(u.AU)) * u.AU
    ns = dict(__name__="__main__", _ih=[], np=np, check=check, ARC=ARC, answer=library)
    ns.update(gm=GM_sun.to_value(u.km**3 / u.s**2), acc=ARC["acceleration"].to_value(u.km / u.s**2))
    head = "def rhs(t, state):\n    x, y, vx, vy = state\n    r, v = np.hypot(x, y), np.hypot(vx, vy)\n"
    exec((head + body + "\n" if body else "") + "result = check('05.7', answer, **ARC)", ns)
    assert ns["result"].ok == ok and words in str(ns["result"]), str(ns["result"])


def _radial_rhs(acceleration):
    gm = GM_sun.to_value(u.km**3 / u.s**2)
    acc = acceleration.to_value(u.km / u.s**2)

    def rhs(t, state):
        x, y, vx, vy = state
        r = np.hypot(x, y)
        return [vx, vy, -gm * x / r**3 + acc * x / r, -gm * y / r**3 + acc * y / r]

    return rhs


def test_spiral_with_a_radial_push_is_named_even_when_rounded():
    """A radial rhs gives 2.498 AU (2.50 to three figures) or 2.49 AU with the default tolerance: both get the
    radial push named, never "close"; the same numbers without a radial rhs keep their other messages."""
    rhs = _radial_rhs(ARC["acceleration"])
    for answer in (2.50 * u.AU, 2.49 * u.AU):
        result = check("05.7", answer, rhs=rhs, **ARC)
        assert not result.ok and "away from the Sun" in result.message and "close" not in result.message
    right = _expected_answer("05.7", **ARC).to(u.AU)
    assert check("05.7", 2.50 * u.AU, **ARC).message != check("05.7", 2.50 * u.AU, rhs=rhs, **ARC).message
    # a right distance with a radial rhs is still refused (the distance did not come from it)
    assert not check("05.7", right, rhs=rhs, **ARC).ok


def test_exercise_11_the_other_sources_isp_with_the_right_g0_is_named():
    from astropy.constants import g0

    isp, full = fact("nstar.isp_min"), fact("nstar.isp_max")
    other = check("05.11", (1950 * u.s * g0).to(u.km / u.s), isp=isp, isp_full=full)
    assert not other.ok and "other source" in other.message and "Your g0 is right" in other.message, other
    assert "not right" not in other.message, other  # one lead-in, not "not right" and "right" at once
    school = check("05.11", (isp * 10 * u.m / u.s**2).to(u.km / u.s), isp=isp, isp_full=full)
    assert "g = 10 m/s²" in school.message, school


def test_a_right_method_with_one_slip_is_not_also_called_not_right():
    """Exercises 2, 9, 10 and 11: a hint that says the method is right is not led in by "That is not right";
    the answer is still incorrect, and never "close"."""
    from astropy.constants import g0

    ion = dict(voltage=1100 * u.V, ion_mass=131.293 * u.u, charge_number=2)
    lost_unit = np.sqrt(2 * 2 * ion["voltage"] / ion["ion_mass"])
    isp_low = fact("nstar.isp_min")
    hall_dv = dict(hall_isp=1640 * u.s, ion_isp=3100 * u.s)  # a ratio of 0.529: one figure gives 0.5
    cases = (
        ("05.2", lost_unit, ion),
        ("05.9", 1.4, HALL_ION),
        ("05.10", 0.5, hall_dv),
        ("05.11", (1950 * u.s * g0).to(u.km / u.s), dict(isp=isp_low, isp_full=fact("nstar.isp_max"))),
    )
    for ex_id, answer, inputs in cases:
        result = check(ex_id, answer, **inputs)
        assert result.status == "incorrect", (ex_id, result)
        assert result.message.startswith(("Your ", "If your method is right, ")), (ex_id, result.message)
        assert " is right, " in result.message and "not right" not in result.message, (ex_id, result.message)
        if ex_id in ("05.9", "05.10"):  # a bare rounded number: the check cannot know the method, so it says "if"
            assert result.message.startswith("If your method is right, "), (ex_id, result.message)
        assert "close" not in result.message, (ex_id, result.message)
    # any other wrong answer keeps the usual lead-in
    assert check("05.9", 1.5 * 2, **HALL_ION).message.startswith("That is not right")


def test_exercise_16_without_g0_gets_the_g0_hint():
    """The specific impulse in seconds used as the exhaust speed gives a unit of s³/m: the hint names g0."""
    inputs = dict(delta_v=2.9 * u.km / u.s, mass=1200 * u.kg, power=1.3 * u.kW, isp=3100 * u.s, efficiency=0.6)
    assert check("05.16", _expected_answer("05.16", **inputs), **inputs).ok
    thrust_without_g0 = 2 * inputs["efficiency"] * inputs["power"] / inputs["isp"]
    slip = inputs["mass"] * inputs["delta_v"] / thrust_without_g0
    result = check("05.16", slip, **inputs)
    assert result.status == "incorrect" and "g0" in result.message and "s3 / m" not in result.message, result


def test_check_yourself_links_lead_to_written_model_answers_before_any_numeric_answer():
    """A self-learner who follows a "Check yourself" link must not land on the numeric answers of later exercises."""
    import re
    from pathlib import Path

    page = (Path(__file__).parents[1] / "docs" / "instructors" / "05-ion-propulsion.md").read_text(encoding="utf-8")
    anchors = {
        re.sub(r"[^a-z0-9 -]", "", h.lower()).replace(" ", "-"): i
        for i, h in ((m.start(), m.group(1)) for m in re.finditer(r"^#+ (.+)$", page, re.M))
    }
    answers = page.index("\n## Answers\n")
    links = [
        m.group(1)
        for c in _lesson05_cells()
        for m in re.finditer(r"05-ion-propulsion\.md#([\w-]+)", "".join(c["source"]))
    ]
    assert len(links) >= 4
    for anchor in links:
        assert anchor in anchors and anchors[anchor] < answers, anchor
    written = page[page.index("## Written exercises: model answers and rubrics") : answers]
    # exercise answers (2, 3, 5, 7, 8, 9, 10, 13, 14, 15, 16, 17, in the forms the Answers section gives them)
    for number in (
        "61.8",
        "13.05",
        "0.451",
        "0.45 ",
        "2.535",
        "2.53",
        "2.82",
        "2.47",
        "2.5 kW",
        "1.43",
        "0.529",
        "9,800",
        "1,078",
        "69.7",
        "18.6",
        "1.78",
        "4,350",
        "4.4 km/s",
    ):
        assert number not in written, number


def test_exercise_2_rounded_to_one_figure_is_told_so_not_sent_to_the_method():
    """60 km/s for 61.8 is the right speed rounded: the rounding message, not the method hint."""
    kw = dict(voltage=fact("nstar.grid_voltage"), ion_mass=fact("xenon.atomic_weight"), charge_number=2)
    for rounded in (60 * u.km / u.s, 60_000 * u.m / u.s):
        result = check("05.2", rounded, **kw)
        assert not result.ok and "three significant figures" in result.message, rounded
    assert check("05.2", 61.8 * u.km / u.s, **kw).ok
    for wrong in (50 * u.km / u.s, 70 * u.km / u.s):
        assert "rounded" not in check("05.2", wrong, **kw).message, wrong


def test_exercise_2_asks_for_three_figures_and_names_a_cut_or_rounded_speed():
    kw = dict(voltage=fact("nstar.grid_voltage"), ion_mass=fact("xenon.atomic_weight"), charge_number=2)
    assert check("05.2", 61.8 * u.km / u.s, **kw).ok
    for short in (62 * u.km / u.s, 61 * u.km / u.s):  # two figures, rounded or cut off
        result = check("05.2", short, **kw)
        assert not result.ok and "rounded too much" in result.message and "three" in result.message, (short, result)


def _names(source: str) -> tuple[set[str], set[str]]:
    """The names a cell's code assigns (or defines, or imports) and the names it reads."""
    import ast

    stored, loaded = set(), set()
    lines = [line for line in source.splitlines() if not line.lstrip().startswith(("%", "!"))]
    for node in ast.walk(ast.parse("\n".join(lines))):
        if isinstance(node, ast.Name):
            (stored if isinstance(node.ctx, ast.Store) else loaded).add(node.id)
        elif isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            stored.add(node.name)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            stored.update((a.asname or a.name).split(".")[0] for a in node.names)
        elif isinstance(node, ast.arg):
            stored.add(node.arg)
    return stored, loaded


def test_each_going_further_part_runs_after_the_class_path_and_homework_alone():
    """The notebook says "pick one" part of Going further: no part may read a name that only another part
    defines (a student who runs the class path, the homework and then one part gets no NameError)."""
    import json
    import re
    from pathlib import Path

    cells = json.loads((Path(__file__).parents[1] / "notebooks" / "05-ion-propulsion.ipynb").read_text())["cells"]
    parts, current = {}, None
    for cell in cells:
        text = "".join(cell["source"])
        heading = re.match(r"#+ Going further, part (\d+)", text) if cell["cell_type"] == "markdown" else None
        if heading:
            current = heading.group(1)
        if cell["cell_type"] != "code" or "solution" in cell.get("metadata", {}).get("tags", []):
            continue
        parts.setdefault(current, []).append(_names(text))
    before = set().union(*(stored for stored, _ in parts.pop(None)))
    assert len(parts) >= 5, sorted(parts)
    for part, names in parts.items():
        others = set().union(*(s for p, n in parts.items() if p != part for s, _ in n))
        known, missing = set(before), set()
        for stored, loaded in names:
            missing |= (loaded - known - stored) & others
            known |= stored
        assert not missing, f"Going further part {part} reads {sorted(missing)}, defined only in another part"
