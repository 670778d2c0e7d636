"""Lesson 02's exercise checks that go beyond the orbit maths: vis-viva speeds, the two-body test, a
semi-major axis from a period."""

from __future__ import annotations

import astropy.units as u
import numpy as np
import pytest
from astropy.constants import GM_sun

import utils
from utils.checks import _expected_answer, _get_exercise


def test_perihelion_speed_is_vis_viva_at_q():
    # e = 0: a circle at 1 AU, the circular speed sqrt(GM/a), about 29.8 km/s
    circle = _expected_answer("02.7", a=1 * u.AU, e=0.0)
    assert circle.to_value(u.km / u.s) == pytest.approx(np.sqrt(GM_sun / u.AU).to_value(u.km / u.s))
    # e = 0.5: v^2 = GM (2/q - 1/a) = 3 GM / a, so v = sqrt(3) times the circular speed at a
    fast = _expected_answer("02.7", a=1 * u.AU, e=0.5)
    assert (fast / circle).to_value(u.one) == pytest.approx(np.sqrt(3))


def test_perihelion_speed_mistakes_get_their_hints():
    kw = dict(a=2.66 * u.AU, e=0.533, name="Ganymed")
    v = _expected_answer("02.7", **kw)
    assert utils.check("02.7", v.to(u.m / u.s), **kw).ok
    assert "Ganymed" in utils.check("02.7", ..., **kw).name
    q = kw["a"] * (1 - kw["e"])
    circular = np.sqrt(GM_sun / q)
    assert "circular speed" in utils.check("02.7", circular, **kw).message
    assert "v squared" in utils.check("02.7", GM_sun * (2 / q - 1 / kw["a"]), **kw).message
    assert "escape" in utils.check("02.7", np.sqrt(2 * GM_sun / q), **kw).message
    assert utils.check("02.7", 33 * u.km / u.s, a=1 * u.AU, e=1.2).status == "invalid"  # not an ellipse


def test_two_body_offset_along_the_orbit_is_signed_and_its_slips_get_hints():
    from utils.exercises.lesson02 import _two_body_error, _two_body_radial

    kw = dict(name="Ceres", years=4 * u.yr)
    near = abs(_expected_answer("02.6", name="Ceres", years=0 * u.yr))
    along = _expected_answer("02.6", **kw)
    assert near < 1000 * u.km < along  # tens of km at the epoch; four years on, the model runs ahead
    assert utils.check("02.6", along.to(u.AU), **kw).ok
    assert "4.0 yr" in utils.check("02.6", ..., **kw).name
    whole = _two_body_error(**kw)
    assert abs(whole - along) > 0.05 * along  # the whole distance differs, so its hint is reachable
    assert "whole distance" in utils.check("02.6", whole, **kw).message
    assert "which position you subtract" in utils.check("02.6", -along, **kw).message
    vector = np.array([1.0, -2.0, 0.5]) * u.km  # the difference vector itself, not its part along v
    told = utils.check("02.6", vector, **kw)
    assert told.status == "invalid" and "(d * v).sum() / length(v)" in told.message and "np.sqrt" not in told.message
    radial = _two_body_radial(**kw)
    assert abs(radial - along) > 0.05 * along
    assert "distances from the Sun" in utils.check("02.6", radial, **kw).message
    # the difference of the distances taken the other way round (negative) gets the same hint, and a sign note
    flipped = utils.check("02.6", -radial, **kw).message
    assert "distances from the Sun" in flipped and "sign" in flipped


def test_a_speed_for_the_offset_along_the_orbit_is_told_to_divide_by_the_velocity_length():
    """d·v / |d| (the wrong length) and |v| itself are speeds: "multiply by a time" would lead nowhere."""
    from utils.ephemeris import heliocentric_velocity
    from utils.exercises.lesson02 import _two_body_and_jpl

    kw = dict(name="Ceres", years=4 * u.yr)
    model, jpl, t = _two_body_and_jpl(**kw)
    d, v = model - jpl, heliocentric_velocity("ceres", t)
    for speed in (((d * v).sum() / np.sqrt((d**2).sum())).to(u.km / u.s), np.sqrt((v**2).sum()).to(u.km / u.h)):
        result = utils.check("02.6", speed, **kw)
        assert result.status == "invalid", result
        assert "is a speed" in result.message and "length(v)" in result.message
        assert "by a time" not in result.message


def test_a_difference_vector_is_told_to_take_its_length():
    from astropy.time import Time

    vector = np.array([0.1, 0.2, 0.2]) * u.AU  # x, y, z of a difference, not its length
    message = utils.check("02.11", vector, date=Time("2012-09-05")).message
    assert "holds 3 values" in message and "length" in message and "np.linalg.norm" in message
    assert "2012-09-05" in utils.check("02.11", ..., date=Time("2012-09-05")).name  # the title shows the date


def test_two_body_error_refuses_a_body_the_ephemeris_lacks():
    result = utils.check("02.6", 1 * u.km, name="Pallas", years=3 * u.yr)
    assert result.status == "invalid" and "Ceres" in result.message


def test_a_from_a_period_is_not_what_the_period_helper_gives_and_slips_get_hints():
    T = 5.5 * u.yr
    right = np.cbrt(GM_sun * (T / (2 * np.pi)) ** 2)
    assert utils.check("02.3", right, T=T).ok
    # the course's period helper answers the opposite question: it does not pass
    assert not utils.check("02.3", utils.orbits.period(T.to_value(u.yr) * u.AU), T=T).ok
    forgot = (T.to_value(u.yr) ** 2) * u.AU  # a cubed, the cube root not taken
    result = utils.check("02.3", forgot, T=T)
    assert result.status == "incorrect" and "cube root" in result.message


def test_the_converged_root_does_not_pass_for_e_after_two_newton_steps():
    from utils.orbits import solve_kepler

    kw = dict(M=0.7, e=0.9, E0=0.7, steps=2)
    root = float(solve_kepler(kw["M"] * u.rad, kw["e"]).to_value(u.rad))  # the one-line library call
    result = utils.check("02.4", root, **kw)
    assert result.status == "incorrect" and "converged root" in result.message
    E = kw["E0"]
    for _ in range(kw["steps"]):  # the loop the exercise asks for
        E = E - (E - kw["e"] * np.sin(E) - kw["M"]) / (1 - kw["e"] * np.cos(E))
    assert utils.check("02.4", E, **kw).ok
    assert "forget to subtract M" in utils.check("02.4", 0.0640015, **kw).message


def test_two_body_offset_with_365_day_years_gets_its_hint():
    kw = dict(name="Ceres", years=6 * u.yr)
    from utils.exercises.lesson02 import _two_body_along

    slip = _two_body_along("Ceres", 6 * 365 * u.day)  # six years typed as 6 x 365 days
    assert not utils.check("02.6", slip, **kw).ok
    assert "365.25" in utils.check("02.6", slip, **kw).message


def test_jupiter_pull_on_ceres_is_the_ratio_of_the_two_accelerations_and_its_slips_get_hints():
    from astropy.constants import GM_jup
    from astropy.time import Time

    from utils.ephemeris import heliocentric_position

    date = Time("2015-03-06T12:39", scale="utc")
    r_c, r_j = heliocentric_position("ceres", date), heliocentric_position("jupiter", date)
    d, r = np.sqrt(((r_j - r_c) ** 2).sum()), np.sqrt((r_c**2).sum())
    ratio = ((GM_jup / d**2) / (GM_sun / r**2)).to_value(u.one)
    assert _expected_answer("02.10", date=date) == pytest.approx(ratio)
    assert 1e-4 < ratio < 1.5e-3  # between the smallest and largest over 2000-2030
    assert utils.check("02.10", ratio, date=date).ok
    assert "2015-03-06" in utils.check("02.10", ..., date=date).name
    sun_distance = ((GM_jup / (r_j**2).sum()) / (GM_sun / r**2)).to_value(u.one)
    assert "distance from the Sun" in utils.check("02.10", sun_distance, date=date).message
    assert "on top" in utils.check("02.10", 1 / ratio, date=date).message
    assert "square" in utils.check("02.10", ((GM_jup / d) / (GM_sun / r)).to_value(u.one), date=date).message
    assert "masses" in utils.check("02.10", (GM_jup / GM_sun).to_value(u.one), date=date).message
    assert not utils.check("02.10", "jupiter", date=date).ok
    # the 2000-2030 extremes printed after the exercise, pasted at their printed precision
    for pasted in (1.4e-3, 1.1e-4):
        message = utils.check("02.10", pasted, date=date).message
        assert "2000-2030" in message and "date_10" in message
        assert f"{ratio:.2e}" not in message and f"{ratio:.1e}" not in message


def test_the_step_that_stops_newtons_method_cannot_be_a_guessed_count():
    kw = dict(M=0.7, e=0.9, E0=0.7, tol=1e-3)
    E, change, n = 0.7, 1.0, 0
    while abs(change) > kw["tol"]:
        change = (E - 0.9 * np.sin(E) - 0.7) / (1 - 0.9 * np.cos(E))
        E, n = E - change, n + 1
    assert utils.check("02.5", abs(change), **kw).ok
    assert not any(utils.check("02.5", guess, **kw).ok for guess in range(1, 11))  # a step count does not pass
    one_more = abs((E - 0.9 * np.sin(E) - 0.7) / (1 - 0.9 * np.cos(E)))  # the step after the last
    assert "one step too many" in utils.check("02.5", one_more, **kw).message
    assert change > 0  # this loop's last step moves E down: E_new - E_old = -change is not the size
    signed = utils.check("02.5", -change, **kw)
    assert not signed.ok and "abs(change)" in signed.message and "sign of your answer" not in signed.message


def test_a_one_decimal_eccentricity_is_asked_for_more_digits_not_told_it_is_q_over_Q():
    kw = dict(q=1.55 * u.AU, Q=3.85 * u.AU)
    assert "three decimals" in utils.check("02.2", 0.4, **kw).message
    assert "q / Q compares" in utils.check("02.2", 0.4026, **kw).message


def test_no_cell_before_the_speed_exercises_calls_the_vis_viva_helper():
    """Exercises 9 and 7 ask for vis-viva by hand: a worked `orbits._vis_viva_speed(q, a)` line before them
    would answer both by renaming its inputs, so the worked examples write the formula out."""
    from pathlib import Path

    import nbtools

    path = Path(__file__).resolve().parents[1] / "notebooks" / "02-orbits.ipynb"
    cells = nbtools.student_version(nbtools.read(path)).cells
    last = max(i for i, cell in enumerate(cells) if 'utils.check("02.7"' in nbtools.source(cell))
    found = [i for i, cell in enumerate(cells[:last]) if cell.cell_type == "code" and "vis_viva_speed" in cell.source]
    assert not found, f"cells {found} call orbits.vis_viva_speed before exercise 7 is checked"
    assert any("2 / r_q - 1 / a" in cell.source for cell in cells[:last])  # the worked formula is shown


def test_no_later_cell_reads_a_name_an_exercise_answer_may_rebind():
    """A student who names Ceres' position `r_c` in exercise 10 must not break a later cell that reused
    `r_c` from before the exercise: after the first answer cell, a cell reads such a name only after
    setting it itself."""
    import ast
    from pathlib import Path

    import nbtools
    from exercises import lesson02 as spec

    tempting = {"r_c", "r_j", "r_v", "r", "d", "v", "t", "E", "change", "r_ceres", "r_jupiter", "r_vesta"}
    for code in spec.NATURAL.values():
        tempting |= {
            n.id for n in ast.walk(ast.parse(code)) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)
        }
    path = Path(__file__).resolve().parents[1] / "notebooks" / "02-orbits.ipynb"
    cells = [c for c in nbtools.student_version(nbtools.read(path)).cells if c.cell_type == "code"]
    first = min(i for i, c in enumerate(cells) if "answer_1 = ..." in c.source)
    problems = []
    for cell in cells[first:]:
        if "utils.check(" in cell.source:
            continue  # an exercise cell: the student's own names
        tree = ast.parse(cell.source)
        stored = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and not isinstance(n.ctx, ast.Load)}
        stored |= {a.arg for a in ast.walk(tree) if isinstance(a, ast.arg)}
        read = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}
        if bad := (read & tempting) - stored:
            problems.append(f"{sorted(bad)} in: {cell.source[:80]!r}")
    assert not problems, problems


def test_the_sign_hint_needs_the_right_size():
    kw = dict(name="Ceres", years=6 * u.yr)
    along = _expected_answer("02.6", **kw)
    assert "which position you subtract" in utils.check("02.6", -along, **kw).message  # only the sign is off
    other_date = _expected_answer("02.6", name="Ceres", years=4 * u.yr)  # the other sign and another size
    assert abs(abs(other_date / along) - 1) > 0.1 and (other_date * along).value < 0
    assert "sign" not in utils.check("02.6", other_date, **kw).message.lower()


@pytest.mark.parametrize(
    ("exercise", "kw", "calls"),
    [
        ("02.3", dict(T=5.5 * u.yr), lambda kw: [(kw["T"],)]),
        (
            "02.7",
            dict(a=2.666 * u.AU, e=0.533),
            lambda kw: [(kw["a"] * (1 - kw["e"]), kw["a"]), (kw["a"], kw["e"]), (kw["a"] * (1 - kw["e"]),)],
        ),
    ],
)
def test_no_public_name_in_utils_orbits_answers_the_third_law_or_vis_viva_exercise(exercise, kw, calls):
    """Exercises 3 and 7 test the formula itself: no name that Tab completion offers in `utils.orbits`
    (the public ones) may return their answer from the exercise's inputs."""
    import matplotlib.pyplot as plt

    passing = []
    for name in (n for n in dir(utils.orbits) if not n.startswith("_")):
        func = getattr(utils.orbits, name)
        if not callable(func) or isinstance(func, type):
            continue
        for args in calls(kw):
            try:
                result = func(*args)
            except Exception:
                continue
            if isinstance(result, u.Quantity) and result.size == 1 and utils.check(exercise, result, **kw).ok:
                passing.append(name)
    plt.close("all")
    assert not passing, f"utils.orbits.{passing} answer exercise {exercise}: keep such helpers private"


def test_no_public_name_in_any_utils_module_answers_the_vesta_to_ceres_exercise():
    """Exercise 11 asks students to design the calculation: no public function of any `utils` module may
    return its answer from the exercise's bodies and dates (`mission._distance_between` takes one date)."""
    import importlib
    import itertools
    import pkgutil
    import warnings

    import matplotlib.pyplot as plt

    from utils.facts import fact

    departure, arrival = fact("dawn.vesta_departure"), fact("dawn.ceres_arrival")
    right = _expected_answer("02.11", date=departure)
    assert utils.check("02.11", right, date=departure).ok
    argument_lists = [
        (*bodies, *dates)
        for bodies in itertools.permutations(("vesta", "ceres"))
        for n in (1, 2)
        for dates in itertools.product((departure, arrival), repeat=n)
    ] + [(body, date) for body in ("vesta", "ceres") for date in (departure, arrival)]
    passing, visited = [], set()
    for info in pkgutil.walk_packages(utils.__path__, "utils."):
        if "._" in info.name:
            continue
        module = importlib.import_module(info.name)
        visited.add(info.name)
        for name in (n for n in dir(module) if not n.startswith("_")):
            func = getattr(module, name)
            if not callable(func) or isinstance(func, type) or name in ("check", "show", "use"):
                continue
            for args in argument_lists:
                try:
                    with warnings.catch_warnings():
                        warnings.simplefilter("ignore")
                        result = func(*args)
                except Exception:
                    continue
                if isinstance(result, u.Quantity) and result.size == 1:
                    if utils.check("02.11", result, date=departure).ok:
                        passing.append(f"{info.name}.{name}{args[:2]}")
    plt.close("all")
    assert {"utils.mission", "utils.ephemeris", "utils.orbits"} <= visited
    assert not passing, f"{passing} answer exercise 11: change what the exercise asks, or keep such helpers private"
    # the one-date distance that lesson 04's helper gives is told why it is not the answer
    one_day = utils.mission._distance_between("vesta", "ceres", departure)
    assert "Ceres moved on" in utils.check("02.11", one_day, date=departure).message
    both_at_arrival = utils.mission._distance_between("vesta", "ceres", arrival)
    assert "day Dawn reached Ceres" in utils.check("02.11", both_at_arrival, date=departure).message


def test_rounded_answers_get_their_targeted_hints():
    from utils.facts import fact

    newton = dict(M=0.7, e=0.9, E0=0.7)
    # the changes one step early and one step late, as a student would round them
    assert "one step early" in utils.check("02.5", 0.012, **newton, tol=1e-3).message
    for late in (1.9e-9, 2e-9):
        assert "one step too many" in utils.check("02.5", late, **newton, tol=1e-3).message
    # E two steps on is 1.7806726...: a wrong sixth decimal is not told it was rounded too much
    off = utils.check("02.4", 1.780674, **newton, steps=2)
    assert not off.ok and "sixth decimal" in off.message and "rounded" not in off.message
    assert utils.check("02.4", 1.780673, **newton, steps=2).ok
    # Jupiter's pull on Ceres on Dawn's arrival, 1.34e-4 of the Sun's: two significant figures are too few
    date = fact("dawn.ceres_arrival")
    assert "three" in utils.check("02.10", 1.3e-4, date=date).message
    assert utils.check("02.10", 1.34e-4, date=date).ok


def test_exercise_3_hints_do_not_hand_over_the_rearranged_law():
    T = 4.6 * u.yr
    for wrong in (1 * u.AU, _expected_answer("02.3", T=T) * (2 * np.pi) ** (2 / 3)):
        message = utils.check("02.3", wrong, T=T).message
        assert message and "(T / 2 pi)" not in message and "GM_sun (T" not in message


def test_no_function_in_the_notebook_takes_kepler_inputs_and_the_newton_demo_keeps_its_own_orbit():
    # a def taking (M, e, E) would run exercises 4-5's loop for the student on their inputs
    import ast
    import contextlib
    import io
    import json
    from pathlib import Path

    nb = json.loads((Path(__file__).parents[1] / "notebooks" / "02-orbits.ipynb").read_text())
    cells = ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code"]
    for source in cells:
        for node in ast.walk(ast.parse("\n".join(ln for ln in source.splitlines() if not ln.startswith(("%", "!"))))):
            if isinstance(node, ast.FunctionDef):
                assert len(node.args.args) < 3, f"{node.name} takes {len(node.args.args)} arguments"
    demo = next(s for s in cells if "M_demo" in s and "np.cos(E)" in s)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(demo, {"np": np})
    printed = [
        float(w)
        for line in out.getvalue().splitlines()
        for w in line.replace("=", " ").split()[:-2]
        if w.lstrip("+-").replace(".", "", 1).isdigit()
    ]
    assert len(printed) == 10
    kw = dict(M=0.7, e=0.9, E0=0.7, steps=2)
    assert not any(utils.check("02.4", x, **kw).ok for x in printed)


def test_exercise_5_answer_rounded_to_one_figure_is_told_to_keep_two():
    kw = dict(M=0.7, e=0.9, E0=0.7, tol=1e-3)
    right = float(_expected_answer("02.5", **kw))
    assert utils.check("02.5", float(f"{right:.2g}"), **kw).ok
    assert abs(float(f"{right:.1g}") / right - 1) > 0.01  # one figure is outside the check's tolerance
    result = utils.check("02.5", float(f"{right:.1g}"), **kw)
    assert result.status == "incorrect" and "keep two" in result.message


def test_exercise_2_asks_for_the_three_decimals_it_names():
    kw = dict(q=1.55 * u.AU, Q=3.85 * u.AU)
    assert utils.check("02.2", 0.426, **kw).ok
    for rounded in (0.43, 0.4):
        result = utils.check("02.2", rounded, **kw)
        assert result.status == "incorrect" and "three decimals" in result.message


def test_exercise_6_a_cosine_or_a_missing_division_by_the_speed_is_named():
    from utils.exercises import lesson02

    kw = dict(name="Ceres", years=6 * u.yr)
    cosine = utils.check("02.6", lesson02._two_body_cosine(**kw), **kw).message
    assert "plain number" in cosine and "divided by |d|" in cosine and "Attach" not in cosine
    dot = lesson02._two_body_dot_only(**kw).to(u.AU * u.km / u.day)  # (d * v).sum() in the notebook's units
    message = utils.check("02.6", dot, **kw).message
    assert "Divide it by a speed" in message and "diffusivity" not in message


def test_exercise_2_an_eccentricity_cut_off_is_told_to_round_not_to_rethink():
    kw = dict(q=1.55 * u.AU, Q=3.85 * u.AU)  # e = 0.42593
    assert utils.check("02.2", 0.426, **kw).ok
    cut = utils.check("02.2", 0.425, **kw).message
    assert "cut off" in cut and "q = a(1 - e)" not in cut
    assert "cut off" not in utils.check("02.2", 0.424, **kw).message  # a wrong third decimal is not called cut off


def test_an_input_message_does_not_turn_e_into_the_eccentric_anomaly_or_q_into_Q():
    # a message's first letter is capitalised: a bare "e" or "q" first would read as E (eccentric anomaly) or Q
    too_large = utils.check("02.1", 3.45 * u.AU, a=2.95 * u.AU, e=1.2).message
    assert "eccentricity e must be below 1" in too_large and "E must" not in too_large
    negative_q = utils.check("02.2", 0.3, q=-1 * u.AU, Q=3 * u.AU).message
    assert "closest distance q" in negative_q and "Q must" not in negative_q


def test_exercise_2_q_minus_Q_gets_its_hint_with_or_without_a_unit():
    kw = dict(q=1.55 * u.AU, Q=3.85 * u.AU)
    for slip in (2.3, 2.3 * u.AU, (2.3 * u.AU).to(u.km)):  # Q - q, plain or as a length in any unit
        message = utils.check("02.2", slip, **kw).message
        assert "divide it by 2a" in message and "without a unit" not in message
    assert utils.check("02.2", 0.426, **kw).ok


def test_exercise_4_e_cut_off_after_six_decimals_is_told_to_round():
    newton = dict(M=0.7, e=0.9, E0=0.7, steps=2)
    cut = utils.check("02.4", 1.780672, **newton)  # E is 1.7806726...: the sixth decimal cut off
    assert not cut.ok and "cut off" in cut.message and "round(E, 6)" in cut.message
    assert utils.check("02.4", 1.780673, **newton).ok


def test_exercise_9_a_whole_number_ratio_is_close_and_the_rounded_ratio_passes():
    close = utils.check("02.9", 3, e=0.533)  # 3.28 rounded to a whole number
    assert not close.ok and "three significant figures" in close.message
    assert utils.check("02.9", 3.28, e=0.533).ok
    assert utils.check("02.9", 3.3, e=0.533).ok  # about three significant figures, as asked
    assert "aphelion over perihelion" in utils.check("02.9", 0.305, e=0.533).message  # the slip keeps its hint


@pytest.mark.parametrize("exercise", ["02.10", "02.11"])
def test_a_date_given_as_text_still_fills_the_title(exercise):
    name = utils.check(exercise, ..., date="2015-03-06").name
    assert "{" not in name and "2015-03-06" in name


def test_no_public_name_in_utils_orbits_returns_the_aphelion_of_exercise_1():
    """Neither a value nor the farthest of a set of orbit points (a public `orbit_path(a_1, e_1)`: its largest
    length is Q) from a public function of `utils.orbits` may answer exercise 1."""
    assert "orbit_path" not in utils.orbits.__all__ and not hasattr(utils.orbits, "orbit_path")
    kw = dict(a=2.95 * u.AU, e=0.17)
    passing = []
    for name in (n for n in dir(utils.orbits) if not n.startswith("_")):
        func = getattr(utils.orbits, name)
        if not callable(func) or isinstance(func, type):
            continue
        for args in ((kw["a"], kw["e"], np.pi), (kw["a"], kw["e"], np.pi * u.rad), (kw["a"], kw["e"])):
            try:
                result = func(*args)
            except Exception:
                continue
            if isinstance(result, u.Quantity) and result.ndim == 2 and result.shape[0] == 3:
                result = np.sqrt((result**2).sum(axis=0)).max()  # the farthest of its points
            if isinstance(result, u.Quantity) and result.size == 1 and utils.check("02.1", result, **kw).ok:
                passing.append(name)
    assert not passing, f"utils.orbits.{passing} answer exercise 1: keep such helpers private"


def test_no_catalogue_row_answers_exercise_3():
    """The catalogue's `per` column is computed from `a`: the notebook's T_3 lies in a Kirkwood gap, so looking
    up the row with the nearest period gives no `a` the check accepts."""
    import json
    import re
    from pathlib import Path

    nb = json.loads((Path(__file__).parents[1] / "notebooks" / "02-orbits.ipynb").read_text())
    source = next("".join(c["source"]) for c in nb["cells"] if "T_3 = " in "".join(c["source"]))
    T = float(re.search(r"T_3 = ([0-9.]+) \* u\.yr", source).group(1)) * u.yr
    cat = utils.load_catalogue()
    right = _expected_answer("02.3", T=T).to_value(u.AU)
    near = cat[np.abs(cat["a"].to_value(u.AU) / right - 1) < 0.02]  # the check's tolerance is well inside 2 %
    accepted = [row["name"] for row in near if utils.check("02.3", u.Quantity(row["a"], u.AU), T=T).ok]
    assert not accepted, accepted
    nearest = cat[np.argmin(np.abs(cat["per"] - T))]
    assert not utils.check("02.3", u.Quantity(nearest["a"], u.AU), T=T).ok


def test_newton_answers_in_degrees_are_asked_for_radians():
    kw = dict(M=0.7, e=0.9, E0=0.7, steps=2)
    right = _expected_answer("02.4", **kw)
    assert utils.check("02.4", right * u.rad, **kw).ok  # radians as a Quantity are a plain number
    result = utils.check("02.4", (right * u.rad).to(u.deg), **kw)
    assert result.status == "invalid" and "radians" in result.message and ".to_value(u.rad)" in result.message
    kw5 = dict(M=0.7, e=0.9, E0=0.7, tol=1e-3)
    result = utils.check("02.5", (_expected_answer("02.5", **kw5) * u.rad).to(u.deg), **kw5)
    assert result.status == "invalid" and "radians" in result.message


def test_a_date_that_is_not_a_date_gets_one_line_for_exercise_10():
    result = utils.check("02.10", 0.001, date="not a date")
    assert result.status == "invalid" and "2012-09-05" in result.message and len(result.message) < 300


def test_an_eccentricity_with_a_length_unit_is_told_e_has_no_unit():
    kw = dict(q=1.55 * u.AU, Q=3.85 * u.AU)
    for length in ((kw["Q"] - kw["q"]) / 2, _expected_answer("02.2", **kw) * u.AU):  # a e, and e with a unit
        result = utils.check("02.2", length, **kw)
        assert result.status == "invalid" and "no unit" in result.message and "Close" not in result.message
    assert "divide it by 2a" in utils.check("02.2", kw["Q"] - kw["q"], **kw).message  # Q - q keeps its own hint
    assert utils.check("02.2", _expected_answer("02.2", **kw), **kw).ok


def test_exercise_5_a_loop_without_abs_and_the_residual_get_their_own_hints():
    kw = dict(M=0.7, e=0.9, E0=0.7, tol=1e-3)
    # `while change > tol_5` stops after the first step, which moves E down by 1.86 rad
    assert "abs(change)" in utils.check("02.5", 1.86, **kw).message
    # |f(E)| after the loop (1.918e-9) is not the next change (1.869e-9): it is named, not "one step too many"
    message = utils.check("02.5", 1.918e-9, **kw).message
    assert "f(E) = E - e sin E - M after the loop" in message and "one step too many" not in message


def test_exercise_3_three_figures_pass_and_two_are_told_they_are_close():
    T = 5.95 * u.yr
    assert abs(_expected_answer("02.3", T=T).to_value(u.AU) - 3.28) < 0.005
    assert utils.check("02.3", 3.28 * u.AU, T=T).ok
    result = utils.check("02.3", 3.3 * u.AU, T=T)
    assert result.status == "incorrect" and "close" in result.message and "Square both sides" not in result.message


def test_exercise_2_generic_hint_does_not_do_the_algebra():
    message = utils.check("02.2", 0.9, q=1.55 * u.AU, Q=3.85 * u.AU).message
    assert "q + Q" in message and "divide" not in message and "cancels" not in message


def test_exercise_6_one_figure_is_told_to_keep_two_and_two_figures_pass():
    kw = dict(name="Ceres", years=6 * u.yr)
    right = _expected_answer("02.6", **kw).to_value(u.km)
    assert utils.check("02.6", float(f"{right:.2g}") * u.km, **kw).ok
    for one_figure in (float(f"{right:.1g}"), np.trunc(right / 1e5) * 1e5):  # rounded, and cut off
        result = utils.check("02.6", one_figure * u.km, **kw)
        assert result.status == "incorrect" and "two significant figures" in result.message, one_figure


def test_exercise_5_the_step_count_given_as_the_answer_is_named():
    kw = dict(M=0.7, e=0.9, E0=0.7, tol=1e-3)
    from utils.exercises import lesson02

    steps = len(lesson02._changes_to_tolerance(**kw))
    message = utils.check("02.5", steps, **kw).message
    assert "number of steps" in message and "close" not in message.lower()
    assert "number of steps" not in utils.check("02.5", steps + 1, **kw).message  # only the real count is named


@pytest.mark.parametrize(
    "exercise, inputs, figures",
    [
        ("02.1", dict(a=2.95 * u.AU, e=0.17), 2),  # 3.45 AU given as 3.5 AU
        ("02.3", dict(T=5.95 * u.yr), 2),  # 3.28 AU given as 3.3 AU
        ("02.11", dict(date="2012-09-05"), 1),
    ],
)
def test_a_right_answer_rounded_too_far_gets_the_rounding_message_alone(exercise, inputs, figures):
    right = _expected_answer(exercise, **inputs).to(u.AU)
    rounded = float(f"{right.value:.{figures - 1}e}") * u.AU
    assert rounded != right
    result = utils.check(exercise, rounded, **inputs)
    assert result.status == "incorrect" and "rounded too much" in result.message
    assert "Hint" not in result.message and _get_exercise(exercise).hint not in result.message


@pytest.mark.parametrize(
    "exercise, inputs",
    [
        ("02.1", dict(a=2.95 * u.AU, e=0.17)),  # 3.4515 AU given as 3.4 AU
        ("02.3", dict(T=5.95 * u.yr)),  # 3.284 AU given as 3.2 AU
    ],
)
def test_a_right_answer_cut_to_two_figures_is_told_so_not_sent_to_another_method(exercise, inputs):
    right = _expected_answer(exercise, **inputs).to_value(u.AU)
    cut = np.trunc(right * 10) / 10 * u.AU
    assert cut.value != round(right, 1)  # cut off, not rounded: the shared check alone would not call it close
    result = utils.check(exercise, cut, **inputs)
    assert result.status == "incorrect" and "cut off after two significant figures" in result.message
    assert _get_exercise(exercise).hint not in result.message
    assert utils.check(exercise, cut.to(u.km), **inputs).message == result.message  # in any length unit
    near = utils.check(exercise, cut + 0.01 * u.AU, **inputs)  # a wrong third figure is not called cut off
    assert "cut off" not in near.message and _get_exercise(exercise).hint in near.message


def test_a_likely_slip_on_the_cut_off_value_keeps_its_own_hint():
    kw = dict(a=3.4 * u.AU, e=0.01)  # Q = 3.434 AU: cut after two figures, it is a itself
    message = utils.check("02.1", 3.4 * u.AU, **kw).message
    assert "average of the closest and farthest" in message and "cut off" not in message


def test_exercise_1_a_wrong_method_is_not_called_close():
    kw = dict(a=2.95 * u.AU, e=0.17)
    message = utils.check("02.1", kw["a"] * (1 - kw["e"]), **kw).message  # the perihelion
    assert "perihelion" in message and "rounded" not in message and "is close" not in message


def test_exercise_7_wrong_units_get_messages_of_their_own():
    kw = dict(a=2.66 * u.AU, e=0.533, name="Ganymed")
    q = kw["a"] * (1 - kw["e"])
    length = utils.check("02.7", q, **kw)
    assert length.status == "invalid" and "length" in length.message and "square root" in length.message
    assert "divide it by a time" not in length.message
    area_rate = utils.check("02.7", np.sqrt(GM_sun * q).to(u.km**2 / u.s), **kw)  # GM_sun times a length
    assert area_rate.status == "invalid" and "multiplied by a length" in area_rate.message
    assert "diffusivity" not in area_rate.message and "viscosity" not in area_rate.message
    odd = utils.check("02.7", 3 * u.kg, **kw).message
    assert "not a speed" in odd and "diffusivity" not in odd
    assert "v squared" in utils.check("02.7", GM_sun * (2 / q - 1 / kw["a"]), **kw).message  # still its hint
    assert utils.check("02.7", q, a=1 * u.AU, e=1.2).status == "invalid"  # inputs that are not an ellipse
    assert "could not be used" in utils.check("02.7", q, a=1 * u.AU, e=1.2).message


def test_the_state_vector_helpers_are_private():
    """At M = pi the position helper gives Q (exercise 1), and at M = 0 the state helper gives the perihelion
    speed (exercises 7 and 9): neither may be a public name of `utils.orbits`."""
    for name in ("position_from_elements", "state_from_elements"):
        assert name not in utils.orbits.__all__ and not hasattr(utils.orbits, name)
    kw = dict(a=2.66 * u.AU, e=0.533)
    zero = 0 * u.deg
    r, v = utils.orbits._state_from_elements(kw["a"], kw["e"], zero, zero, zero, 0 * u.rad)
    assert utils.check("02.7", np.sqrt((v**2).sum()), **kw).ok  # the route exists, so it must stay private


def test_exercise_5_a_cut_off_size_is_close_and_E_itself_is_named():
    kw = dict(M=0.7, e=0.9, E0=0.7, tol=1e-3)
    size = _expected_answer("02.5", **kw)  # 6.53e-5
    for short in (float(f"{size:.1g}"), float(f"{size:.1e}"[0]) * 10 ** int(f"{size:.1e}".split("e")[1])):
        message = utils.check("02.5", short, **kw).message  # 7e-5 rounded, 6e-5 cut off
        assert "keep two" in message
    E = utils.orbits.solve_kepler(kw["M"] * u.rad, kw["e"]).to_value(u.rad)
    assert "That is E itself" in utils.check("02.5", round(E, 4), **kw).message


def test_exercise_2_an_e_of_one_or_more_is_told_an_ellipse_has_e_below_1():
    kw = dict(q=1.55 * u.AU, Q=3.85 * u.AU)
    assert "e below 1" in utils.check("02.2", 1.5, **kw).message
    assert "e below 1" in utils.check("02.2", (kw["Q"] / kw["q"]).to(u.one), **kw).message
    assert "e below 1" not in utils.check("02.2", 0.5, **kw).message
    assert "e below 1" not in utils.check("02.2", 2 * u.AU, **kw).message  # a length keeps its own message


def test_a_rounded_answer_is_told_to_keep_figures_without_a_method_hint():
    # Exercise 4: E two steps on is 1.7806726; 1.8 is the right E rounded, not a wrong method
    newton = dict(M=0.7, e=0.9, E0=0.7, steps=2)
    told = utils.check("02.4", 1.8, **newton)
    assert not told.ok and "rounded too much" in told.message and "six decimals" in told.message
    assert "Hint" not in told.message
    # Exercise 6: Ceres 6 years after the epoch is about -0.45 million km along the orbit
    kw = dict(name="Ceres", years=6 * u.yr)
    right = _expected_answer("02.6", **kw).to_value(u.km)
    one_figure = float(f"{right:.1g}")
    assert one_figure != right
    told = utils.check("02.6", one_figure * u.km, **kw)
    assert not told.ok and "rounded too much" in told.message and "two significant figures" in told.message
    assert "Hint" not in told.message and "difference vector" not in told.message
    # a conceptual slip keeps its own hint, never "close"
    from utils.exercises.lesson02 import _two_body_error

    whole = utils.check("02.6", _two_body_error(**kw), **kw)
    assert "whole distance" in whole.message and "close" not in whole.message


def test_the_right_number_in_another_speed_unit_is_told_so():
    kw = dict(a=2.66 * u.AU, e=0.533, name="Ganymed")
    number = _expected_answer("02.7", **kw).to_value(u.km / u.s)
    told = utils.check("02.7", number * u.km / u.h, **kw)
    assert not told.ok and "km/s" in told.message and "km / h" in told.message
    assert utils.check("02.7", number * 1000 * u.m / u.s, **kw).ok  # the same speed in m/s is right


def test_exercise_2_an_eccentricity_in_percent_is_told_so():
    kw = dict(q=1.55 * u.AU, Q=3.85 * u.AU)
    e = _expected_answer("02.2", **kw)
    message = utils.check("02.2", round(100 * e, 1), **kw).message
    assert "percentage" in message and "rounded" not in message
    assert "percentage" not in utils.check("02.2", 4.26, **kw).message  # a number off by ten is not a percentage
