"""Lesson 04: the exercises read their inputs as the notebook gives them and name the likely mistakes."""

from __future__ import annotations

import astropy.units as u
import numpy as np
import pytest
from astropy.constants import G

from conftest import returns_an_answer
from utils import check, mission
from utils.checks import _expected_answer
from utils.facts import fact

LAUNCH = fact("dawn.launch")


def test_a_phase_end_is_read_from_the_facts_table_by_its_id():
    arrival, end = fact("dawn.ceres_arrival"), fact("dawn.prime_mission_end")
    right = (end - arrival).to(u.day)  # 481.5 d
    inputs = {"start": arrival, "end_id": "dawn.prime_mission_end", "phase": "prime mission at Ceres"}
    assert check("04.1", right, **inputs).ok
    assert check("04.1", right.to(u.yr), **inputs).ok  # any unit of time
    assert check("04.1", ..., **inputs).name == "Exercise 1 · how long did the prime mission at Ceres last?"
    assert check("04.1", right, start=arrival, end=end).ok  # a Time works as well
    for wrong, words in (
        ((end - LAUNCH).to(u.day), "counted from launch"),
        ((fact("dawn.end_of_mission") - arrival).to(u.day), "end of the whole mission"),
    ):
        result = check("04.1", wrong, **inputs)
        assert result.status == "incorrect" and words in result.message, (wrong, result)
    # start minus end: told to check the sign, not that it counted calendar days (482 d is within 1 % of 481.5 d)
    reversed_ = check("04.1", (arrival - end).to(u.day), **inputs)
    assert reversed_.status == "incorrect" and "sign" in reversed_.message
    assert "calendar days" not in reversed_.message
    # a guess at one significant figure, 3.8 % off, is not called a rounding slip
    guess = check("04.1", 500 * u.day, **inputs)
    assert guess.status == "incorrect" and "close" not in guess.message and "rounded" not in guess.message
    # a short phase: the calendar count is caught
    short = {"start": LAUNCH, "end_id": "dawn.first_thrust"}
    assert check("04.1", (fact("dawn.first_thrust") - LAUNCH).to(u.day), **short).ok  # 9.56 d
    result = check("04.1", 10 * u.day, **short)
    assert result.status == "incorrect" and "calendar days" in result.message
    assert not check("04.1", right, start=LAUNCH, end_id="ceres.orbit_survey_start").ok


@pytest.mark.parametrize(
    "end_id, words",
    [("dawn.isp", "not a date"), (5, "end_id"), ("dawn.nothing", "dawn.nothing"), ("dawn.launch", "before")],
)
def test_an_end_id_that_is_not_a_later_date_gets_a_clear_message(end_id, words):
    result = check("04.1", 10 * u.day, end_id=end_id, start=fact("dawn.ceres_arrival"))
    assert result.status == "invalid" and words in result.message and "Traceback" not in result.message


def test_the_light_time_hint_names_the_notebook_variable():
    result = check("04.2", 1 * u.min, body="Vesta", time=fact("dawn.vesta_arrival"))
    assert result.status == "incorrect" and "target" in result.message and ", body," not in result.message


@pytest.fixture()
def ice_inputs():
    rho = u.g / u.cm**3
    density = mission._bulk_density((fact("ceres.gm") / G).to(u.kg), fact("ceres.radius")).to(rho)
    return {
        "density": density,
        "ice_density": fact("ice.density").to(rho),
        "rock_density": fact("moon.crust_density").to(rho),
    }


def test_ice_share_and_its_mistakes(ice_inputs):
    d, ice, rock = ice_inputs["density"], ice_inputs["ice_density"], ice_inputs["rock_density"]
    right = ((rock - d) / (rock - ice)).to_value(u.one)  # about 0.39
    assert check("04.7", right, **ice_inputs).ok
    for near in (0.965 * right, 1.035 * right):  # a little outside the 2 %: told it is close
        result = check("04.7", near, **ice_inputs)
        assert result.status == "incorrect" and "You are close" in result.message, (near, result)
    moon = fact("moon.density").to(rock.unit)
    whole_moon = ((moon - d) / (moon - ice)).to_value(u.one)  # about 0.49
    a = fact("ceres.radius") + fact("ceres.orbit_lamo_altitude")
    lamo = mission._bulk_density(mission._mass_from_orbit(a, fact("ceres.orbit_lamo_period")), fact("ceres.radius")).to(
        rock.unit
    )
    from_lamo = ((rock - lamo) / (rock - ice)).to_value(u.one)  # about 0.35
    grail = fact("moon.crust_density_grail").to(rock.unit)
    cracked = ((grail - d) / (grail - ice)).to_value(u.one)  # about 0.24: GRAIL's crust, cracks included
    for wrong, words in (
        (whole_moon, "whole Moon"),
        (from_lamo, "LAMO orbit"),
        (1 - right, "share of rock"),
        (cracked, "cracks included"),
        (((rock - d) / (rock - 1 * rock.unit)).to_value(u.one), "liquid water"),  # about 0.41, 4 % high
    ):
        result = check("04.7", wrong, **ice_inputs)
        assert result.status == "incorrect" and words in result.message, (wrong, result)
    # with the whole Moon as the chosen rock, that answer is right, not a mistake
    assert check("04.7", whole_moon, **{**ice_inputs, "rock_density": moon}).ok


@pytest.mark.parametrize("distance_km", [35, 385, 7242, 61000])
def test_explore_ring_stays_inside_and_texts_agree(distance_km):
    import numpy as np

    from utils import spotviews

    orbits = mission.science_orbits()
    view = spotviews.DistanceView(
        fact("fc.ifov"),
        fact("occator.diameter"),
        fact("occator.cerealia_facula_size"),
        dict(zip(orbits["orbit"], orbits["periapsis_altitude"], strict=True)),
        np.geomspace(20, 70000, 120) * u.km,  # as the notebook: the slider runs from 35 to 61,000 km
        names=("Occator", "the facula"),
        frame_pixels=int(fact("fc.pixels")),
    )
    view.draw(distance_km)
    view.figure.canvas.draw()
    ring = view.ring.get_window_extent(view.figure.canvas.get_renderer())
    box = view.ax_scale.get_window_extent()
    assert box.x0 < ring.x0 and ring.x1 < box.x1 and box.y0 < ring.y0 and ring.y1 < box.y1  # whole, inside
    headline = view.headline.get_text()
    line = view.headline.get_window_extent()
    assert 0 < line.x0 and line.x1 < view.figure.bbox.width  # the headline fits the figure's width
    spot = headline.split("the facula ")[1].split(" pixels")[0]  # the facula's pixels, as the headline rounds them
    assert f"spans about {spot} pixels" in view.alt_text()
    # one 1,024-pixel frame holds Occator (92 km) only from above about 2,800 km: closer in it takes a mosaic
    wide = {35: "both wider than one frame", 7242: None, 61000: None}.get(distance_km, "Occator wider than one frame")
    assert (wide in headline and "mosaic" in view.alt_text()) if wide else "frame" not in headline + view.alt_text()


def test_highest_altitude_and_its_mistakes():
    ifov, facula, radius = fact("fc.ifov"), fact("occator.cerealia_facula_size"), fact("ceres.radius")
    inputs = dict(size=facula, n_pixels=100, ifov=ifov)
    right = (facula / 100 / ifov.to_value(u.rad)).to(u.km)
    assert check("04.5", right, **inputs).ok and check("04.5", right.to(u.m), **inputs).ok
    for wrong, words in (
        (right + radius, "do not add or take away Ceres' radius"),  # a distance from the centre
        (right - radius, "do not add or take away Ceres' radius"),
        (2 * right, "factor of two"),
        (right / 2, "factor of two"),
        (fact("ceres.orbit_hamo_altitude"), "one of Dawn's orbits"),  # copied from the table
        (facula / 100 / ifov.value, "number of microradians"),  # ifov.value: 93.7, in microradians
    ):
        result = check("04.5", wrong, **inputs)
        assert result.status == "incorrect" and words in result.message, (wrong, result)
        assert f"{right.to_value(u.km):,.0f}" not in result.message


def test_the_flyby_tilt_is_quoted_as_its_source_gives_it():
    """The Mars flyby's change of plane is a sourced lower bound; the lesson says "more than" that, no finer."""
    import nbtools
    from conftest import ROOT

    tilt = fact("dawn.mars_assist_plane_change")
    assert tilt.info.meta["note"].startswith("LOWER BOUND")
    nb = nbtools.read(ROOT / "notebooks" / "04-dawn-journey.ipynb")
    prose = " ".join(nbtools.source(c) for c in nb.cells if c.cell_type == "markdown")
    bound = f"more than {tilt.to_value(u.deg):.0f}°"
    assert bound in prose


def test_lamo_as_planned_and_the_vesta_average_lap_get_their_own_hints():
    """LAMO's planned altitude (the fact's note) and the average lap at Vesta are named, never mistaken for others."""
    radius, period = fact("ceres.radius"), fact("ceres.orbit_lamo_period")
    flown = fact("ceres.orbit_lamo_altitude")
    planned = mission._bulk_density(mission._mass_from_orbit(radius + 375 * u.km, period), radius)  # about 2.17
    result = check("04.6", planned, altitude=flown, period=period, radius=radius)
    assert result.status == "incorrect" and "planned altitude" in result.message, result
    assert "JPL" not in result.message
    inputs = dict(altitude=flown, period=period, radius=radius)
    for typed, words in ((2.17, "planned altitude"), (2.16, "JPL's tracking"), (2.162, "JPL's tracking")):
        assert words in check("04.6", typed * u.g / u.cm**3, **inputs).message, typed  # 0.5 % apart: both named
    for typed in (0.206, 0.21):  # the altitude taken for the orbit's size, as computed and to two digits
        assert "not the altitude alone" in check("04.6", typed * u.g / u.cm**3, **inputs).message, typed
    rc3 = dict(altitude=fact("ceres.orbit_rc3_altitude"), period=fact("ceres.orbit_rc3_period"), radius=radius)
    assert "planned" not in check("04.6", planned, **rc3).message  # another orbit: no LAMO hint

    hamo = dict(
        altitude=fact("vesta.orbit_hamo_altitude"), radius=fact("vesta.radius"), mass=fact("vesta.mass"), orbit="HAMO"
    )
    stay = fact("dawn.vesta_departure") - fact("dawn.vesta_arrival")
    average = (stay / fact("dawn.vesta_orbits")).to(u.h)  # printed in the timeline section, about 7.7 h
    result = check("04.3", average, **hamo)
    assert result.status == "incorrect" and "average lap" in result.message, result
    right = mission._semi_major_axis_from_altitudes(hamo["altitude"], hamo["altitude"], hamo["radius"])
    assert check("04.3", 2 * np.pi * (right**3 / (G * hamo["mass"])) ** 0.5, **hamo).ok


# ---------------------------------------------------------------- no helper answers an exercise

#: modules of `utils` the notebook uses, by the name its code calls them with
_MODULES = ("mission", "camera", "spotviews", "ephemeris", "orbits", "facts")
#: a helper the exercise's own text offers: exercise 3 tests a + R and GM = G M, and names orbits.period
_OFFERED_BY_THE_EXERCISE = {("04.3", "orbits.period")}


def _exercise_calls():
    """Each self-checked exercise, its inputs as the notebook sets them, and the ways a student might feed
    them (or the quantity the exercise's first steps give) to a helper."""
    from utils.ephemeris import heliocentric_position

    gcc = u.g / u.cm**3
    arrival, end_id = fact("dawn.ceres_arrival"), "dawn.prime_mission_end"
    target, when = "Vesta", fact("dawn.vesta_arrival")
    earth_vesta = np.linalg.norm(heliocentric_position(target, when) - heliocentric_position("earth", when))
    v_alt, v_r, v_m = fact("vesta.orbit_hamo_altitude"), fact("vesta.radius"), fact("vesta.mass")
    r, h, t = fact("ceres.radius"), fact("ceres.orbit_lamo_altitude"), fact("ceres.orbit_lamo_period")
    mass_lamo = (4 * np.pi**2 * (r + h) ** 3 / (G * t**2)).to(u.kg)
    rho = (fact("ceres.gm") / G / (4 / 3 * np.pi * r**3)).to(gcc)
    ice, rock = fact("ice.density").to(gcc), fact("moon.crust_density").to(gcc)
    d6, ifov = fact("ceres.approach_opnav3_distance"), fact("fc.ifov")
    facula, n = fact("occator.cerealia_facula_size"), 100
    return [
        ("04.1", dict(start=arrival, end_id=end_id), [(arrival, fact(end_id)), (arrival, end_id)]),
        ("04.2", dict(body=target, time=when), [("earth", target, when), (target, when), (earth_vesta,)]),
        (
            "04.3",
            dict(altitude=v_alt, radius=v_r, mass=v_m, orbit="HAMO"),
            [(v_r + v_alt, G * v_m), (v_r + v_alt, v_m), (v_alt, v_r, v_m), (v_alt, v_alt, v_r)],
        ),
        ("04.6", dict(altitude=h, period=t, radius=r), [(r + h, t), (h, t, r), (r + h, t, r), (mass_lamo, r)]),
        ("04.7", dict(density=rho, ice_density=ice, rock_density=rock), [(rho, ice, rock)]),
        ("04.4", dict(radius=r, distance=d6, ifov=ifov), [(2 * r, d6, ifov), (r, d6, ifov)]),
        ("04.5", dict(size=facula, n_pixels=n, ifov=ifov), [(facula / n, ifov), (facula, n, ifov)]),
    ]


def _public_functions():
    import importlib

    for module in _MODULES:
        mod = importlib.import_module(f"utils.{module}")
        for name in (n for n in dir(mod) if not n.startswith("_")):
            func = getattr(mod, name)
            if callable(func) and not isinstance(func, type) and getattr(func, "__module__", "").startswith("utils"):
                yield f"{module}.{name}", func


@pytest.mark.parametrize("exercise, kw, calls", _exercise_calls(), ids=lambda x: x if isinstance(x, str) else "")
def test_no_public_helper_answers_an_exercise(exercise, kw, calls):
    """Exercises 1-7 test a formula: no name that Tab completion offers in the modules the lesson uses may
    return the answer from the exercise's inputs (exercise 3's text itself offers orbits.period)."""
    import matplotlib.pyplot as plt

    passing = [q for q, func in _public_functions() if returns_an_answer(func, exercise, kw, calls)]
    plt.close("all")
    unexpected = set(passing) - {q for ex, q in _OFFERED_BY_THE_EXERCISE if ex == exercise}
    assert not unexpected, f"utils.{sorted(unexpected)} answer exercise {exercise}: keep such helpers private"


def test_no_helper_called_before_an_exercise_answers_it():
    """No code a student sees before an exercise's check calls a `utils` function (public or private) that
    returns the answer from that exercise's inputs: such a call shows the shortcut."""
    import importlib
    import re

    import matplotlib.pyplot as plt

    import nbtools
    from conftest import ROOT

    nb = nbtools.student_version(nbtools.read(ROOT / "notebooks" / "04-dawn-journey.ipynb"))
    cells = [nbtools.source(c) for c in nb.cells if c.cell_type == "code"]
    pattern = re.compile(rf"\b(?:utils\.)?({'|'.join(_MODULES)})\.(\w+)\(")
    shortcuts = []
    for exercise, kw, calls in _exercise_calls():
        at = next(i for i, src in enumerate(cells) if f'utils.check("{exercise}"' in src)
        called = {m.groups() for src in cells[:at] for m in pattern.finditer(src)}
        for module, name in sorted(called):
            func = getattr(importlib.import_module(f"utils.{module}"), name, None)
            if func is None or (exercise, f"{module}.{name}") in _OFFERED_BY_THE_EXERCISE:
                continue
            if returns_an_answer(func, exercise, kw, calls):
                shortcuts.append((exercise, f"{module}.{name}"))
    plt.close("all")
    assert not shortcuts, f"shown before the exercise, these calls answer it: {sorted(set(shortcuts))}"


def test_the_new_mistakes_get_their_hints():
    """A missing square root, G left out of GM, pi^2 left out, Occator for the facula; 0.5 is no named rock."""
    gcc = u.g / u.cm**3
    v_alt, v_r, v_m = fact("vesta.orbit_hamo_altitude"), fact("vesta.radius"), fact("vesta.mass")
    a, kw3 = v_r + v_alt, dict(altitude=v_alt, radius=v_r, mass=v_m, orbit="HAMO")
    assert "square root" in check("04.3", 4 * np.pi**2 * a**3 / (G * v_m), **kw3).message
    assert "square root" in check("04.3", 2 * np.pi * a**3 / (G * v_m), **kw3).message
    assert "G * vesta_mass" in check("04.3", 2 * np.pi * np.sqrt(a**3 / v_m), **kw3).message
    r, h, t = fact("ceres.radius"), fact("ceres.orbit_lamo_altitude"), fact("ceres.orbit_lamo_period")
    no_pi2 = (4 * (r + h) ** 3 / (G * t**2) / (4 / 3 * np.pi * r**3)).to(gcc)
    assert "pi squared" in check("04.6", no_pi2, altitude=h, period=t, radius=r).message
    rho = (fact("ceres.gm") / G / (4 / 3 * np.pi * r**3)).to(gcc)
    kw5 = dict(density=rho, ice_density=fact("ice.density"), rock_density=fact("moon.crust_density"))
    for guess in (0.5, 0.48, 0.52):
        message = check("04.7", guess, **kw5).message
        assert "Vesta" not in message and "whole Moon" not in message, (guess, message)
    for rock, words in (("moon.density", "whole Moon"), ("vesta.density", "Vesta")):
        other = fact(rock)
        share = float(((other - rho) / (other - fact("ice.density"))).to_value(u.one))
        assert words in check("04.7", share, **kw5).message
    ifov, facula = fact("fc.ifov"), fact("occator.cerealia_facula_size")
    occator = (fact("occator.diameter") / 100 / ifov.to_value(u.rad)).to(u.km)
    message = check("04.5", occator, size=facula, n_pixels=100, ifov=ifov).message
    assert "Occator" in message and "unit" not in message


def test_a_light_time_rounded_to_one_figure_is_told_to_keep_more_figures():
    """10.46 min given as 10 min is a right method rounded too far: told so, with no conceptual hint."""
    kw = dict(body="Vesta", time=fact("dawn.vesta_arrival"))
    for rounded in (10 * u.min, 600 * u.s):
        result = check("04.2", rounded, **kw)
        assert result.status == "incorrect" and "rounded too much" in result.message, result
    assert check("04.2", 10.5 * u.min, **kw).ok
    # a round trip, or a guess near 10 that is not the rounding, gets no rounding hint
    assert "rounded too much" not in check("04.2", 20 * u.min, **kw).message
    assert "rounded too much" not in check("04.2", 9.8 * u.min, **kw).message


def test_the_example_copied_without_the_exercises_inputs_is_named():
    """The example's light time (Ceres at Ceres arrival), or the target at the example's instant, is named as
    such; if the exercise is set at Ceres arrival itself, the right answer still passes."""
    from utils.mission import _distance_between, _light_time

    arrival, when = fact("dawn.ceres_arrival"), fact("dawn.vesta_arrival")
    kw = dict(body="Vesta", time=when, event="Vesta arrival")
    example = _light_time(_distance_between("earth", "ceres", arrival)).to(u.min)  # 27.7 min
    message = check("04.2", example, **kw).message
    assert "example" in message and "Ceres arrival" in message, message
    wrong_instant = _light_time(_distance_between("earth", "vesta", arrival)).to(u.min)
    message = check("04.2", wrong_instant, **kw).message
    assert "example's instant" in message, message
    assert check("04.2", example, body="Ceres", time=arrival).ok
    assert check("04.2", _expected_answer("04.2", **kw), **kw).ok


def test_an_ice_share_in_per_cent_gets_the_fraction_hint(ice_inputs):
    """39 (per cent, two figures) and 39.4 both get the fraction hint; 61 (the rock in per cent) is not told it
    is the ice share, and the fraction itself passes."""
    for per_cent in (39, 39.4, 39.36):
        result = check("04.7", per_cent, **ice_inputs)
        assert result.status == "incorrect" and "percentage" in result.message, (per_cent, result)
    assert "percentage" not in check("04.7", 61, **ice_inputs).message
    assert check("04.7", 0.394, **ice_inputs).ok


@pytest.mark.parametrize(
    "exercise, change, name",
    [
        ("04.2", {"body": "Pluto"}, "target"),
        ("04.3", {"altitude": 673}, "vesta_altitude"),
        ("04.6", {"altitude": 385}, "lamo_altitude"),
        ("04.4", {"distance": 146000}, "opnav_distance"),
        ("04.5", {"n_pixels": "a"}, "wanted_pixels"),
        ("04.3", {"mass": 2.59e20}, "vesta_mass"),
        ("04.7", {"density": 2.16}, "ceres_density"),
        ("04.7", {"ice_density": 0.92}, "rho_ice"),
        ("04.7", {"rock_density": "rock"}, "rock_density"),
    ],
)
def test_a_broken_input_is_named_as_the_notebook_names_it(exercise, change, name):
    inputs = {
        "04.2": dict(body="Vesta", time=fact("dawn.vesta_arrival")),
        "04.3": dict(altitude=673 * u.km, radius=fact("vesta.radius"), mass=fact("vesta.mass"), orbit="HAMO"),
        "04.6": dict(
            altitude=fact("ceres.orbit_lamo_altitude"),
            period=fact("ceres.orbit_lamo_period"),
            radius=fact("ceres.radius"),
        ),
        "04.4": dict(radius=fact("ceres.radius"), distance=146000 * u.km, ifov=fact("fc.ifov")),
        "04.5": dict(size=fact("occator.cerealia_facula_size"), n_pixels=100, ifov=fact("fc.ifov")),
        "04.7": dict(
            density=fact("ceres.density"), ice_density=fact("ice.density"), rock_density=fact("moon.crust_density")
        ),
    }[exercise]
    result = check(exercise, 1.0, **{**inputs, **change})
    assert result.status == "invalid" and name in result.message.lower(), result


def test_the_light_time_title_names_the_milestone_not_an_arrival():
    """Exercise 2 adapted to the Mars flyby or the departure from Vesta says so: no "arrival" in its title."""
    for target, event, fid in (
        ("Mars", "Mars flyby", "dawn.mars_flyby"),
        ("Vesta", "Vesta departure", "dawn.vesta_departure"),
    ):
        when = fact(fid)
        title = str(check("04.2", ..., body=target, time=when, event=event))
        assert f"near {target} ({event})" in title and "arrival" not in title, title
        assert check("04.2", _expected_answer("04.2", body=target, time=when), body=target, time=when, event=event).ok


@pytest.mark.parametrize(
    "exercise, rounded, wrong, mistake",
    [
        (
            "04.6",
            [2.3 * u.g / u.cm**3, 2300 * u.kg / u.m**3],
            [2.2 * u.g / u.cm**3, 2.4 * u.g / u.cm**3],
            (fact("ceres.density"), "JPL's tracking"),
        ),
        (
            "04.5",
            [1100 * u.km, 1000 * u.km, 1.1e6 * u.m],
            [1200 * u.km, 900 * u.km],
            (1470 * u.km, "one of Dawn's orbits"),
        ),
    ],
)
def test_a_right_answer_rounded_to_two_figures_is_told_to_keep_three(exercise, rounded, wrong, mistake):
    inputs = {
        "04.6": dict(
            altitude=fact("ceres.orbit_lamo_altitude"),
            period=fact("ceres.orbit_lamo_period"),
            radius=fact("ceres.radius"),
        ),
        "04.5": dict(size=fact("occator.cerealia_facula_size"), n_pixels=100, ifov=fact("fc.ifov")),
    }[exercise]
    for answer in rounded:
        result = check(exercise, answer, **inputs)
        assert result.status == "incorrect" and "keep three significant figures" in result.message, (answer, result)
    for answer in wrong:  # not a rounding of the answer: never "close"
        assert "close" not in check(exercise, answer, **inputs).message, answer
    answer, hint = mistake  # a likely mistake keeps its own hint
    message = check(exercise, answer, **inputs).message
    assert hint in message and "close" not in message, message


def test_the_period_with_the_suns_gm_is_named():
    """utils.orbits.period(a) without GM falls back to the Sun's: a period far too short, with its own hint."""
    from utils.orbits import period

    inputs = dict(altitude=fact("vesta.orbit_hamo_altitude"), radius=fact("vesta.radius"), mass=fact("vesta.mass"))
    a = inputs["radius"] + inputs["altitude"]
    for answer in (period(a), period(a).to(u.h)):
        result = check("04.3", answer, orbit="HAMO", **inputs)
        assert result.status == "incorrect" and "Sun's GM" in result.message, result
    assert check("04.3", period(a, G * inputs["mass"]), orbit="HAMO", **inputs).ok


def test_half_the_period_and_a_volume_without_its_third_get_their_hints():
    """T = pi sqrt(a^3/GM) (6.0 h) and V = 4 pi R^3 (0.75 g/cm3) are named, not left to the generic hint."""
    v_alt, v_r, v_m = fact("vesta.orbit_hamo_altitude"), fact("vesta.radius"), fact("vesta.mass")
    a = v_r + v_alt
    half = (np.pi * np.sqrt(a**3 / (G * v_m))).to(u.h)
    assert "half the period" in check("04.3", half, altitude=v_alt, radius=v_r, mass=v_m, orbit="HAMO").message
    r, h, t = fact("ceres.radius"), fact("ceres.orbit_lamo_altitude"), fact("ceres.orbit_lamo_period")
    mass = 4 * np.pi**2 * (r + h) ** 3 / (G * t**2)
    no_third = (mass / (4 * np.pi * r**3)).to(u.g / u.cm**3)
    assert "with the 1/3" in check("04.6", no_third, altitude=h, period=t, radius=r).message


def test_an_orbit_radius_typed_as_a_plain_number_is_told_to_give_it_its_unit():
    """``a = 262.7 + 673`` (km meant) leaves a power of a length in the answer's unit: the message names that
    slip, not only a missing step (multiplying by Ceres' volume would be wrong)."""
    import numpy as np
    from astropy.constants import G

    from utils import check, fact

    alt, radius, mass = fact("vesta.orbit_hamo_altitude"), fact("vesta.radius"), fact("vesta.mass")
    a = (radius + alt).to_value(u.km)
    r3 = check("04.3", 2 * np.pi * np.sqrt(a**3 / (G * mass)), altitude=alt, radius=radius, mass=mass, orbit="HAMO")
    assert not r3.ok and "give every length in your formula its unit" in r3.message, r3.message
    lamo, period, ceres = fact("ceres.orbit_lamo_altitude"), fact("ceres.orbit_lamo_period"), fact("ceres.radius")
    a = (ceres + lamo).to_value(u.km)
    density = 4 * np.pi**2 * a**3 / (G * period**2) / (4 / 3 * np.pi * ceres**3)
    r4 = check("04.6", density, altitude=lamo, period=period, radius=ceres)
    assert not r4.ok and "give every length its unit" in r4.message, r4.message


def test_slips_with_their_own_hints():
    """Seconds labelled as minutes, 2 pi left out, the Explore's 10 pixels, step one only, APOD's facula."""
    from astropy.constants import c

    from utils.ephemeris import heliocentric_position

    when = fact("dawn.vesta_arrival")
    d = np.linalg.norm(heliocentric_position("Vesta", when) - heliocentric_position("earth", when))
    right_min = (d / c).to(u.min)
    kw2 = dict(body="Vesta", time=when, event="Vesta arrival")
    assert check("04.2", right_min, **kw2).ok
    result = check("04.2", d.to_value(u.km) / 299792 * u.min, **kw2)
    assert result.status == "incorrect" and "in seconds" in result.message
    alt, radius, mass = fact("vesta.orbit_hamo_altitude"), fact("vesta.radius"), fact("vesta.mass")
    kw3 = dict(altitude=alt, radius=radius, mass=mass, orbit="HAMO")
    a = radius + alt
    result = check("04.3", np.sqrt(a**3 / (G * mass)).to(u.h), **kw3)
    assert result.status == "incorrect" and "2 pi is missing" in result.message
    assert check("04.3", (2 * np.pi * np.sqrt(a**3 / (G * mass))).to(u.h), **kw3).ok
    ifov, facula = fact("fc.ifov"), fact("occator.cerealia_facula_size")
    kw5 = dict(size=facula, n_pixels=100, ifov=ifov)
    for wrong, words in (
        ((facula / 10 / ifov.to_value(u.rad)).to(u.km), "use wanted_pixels"),
        ((facula / 100).to(u.m), "divide it by the IFOV"),
        ((fact("occator.cerealia_facula_size_apod") / 100 / ifov.to_value(u.rad)).to(u.km), "wider outline"),
    ):
        result = check("04.5", wrong, **kw5)
        assert result.status == "incorrect" and words in result.message, (wrong, result.message)
    # with 10 pixels wanted, the 10-pixel distance is the right answer, not a slip
    assert check("04.5", (facula / 10 / ifov.to_value(u.rad)).to(u.km), **{**kw5, "n_pixels": 10}).ok


def test_the_lamo_density_hint_takes_only_answers_near_its_own_value(ice_inputs):
    """The ice share from exercise 6's density is named only within 0.5 % of its value, as the named rocks are."""
    rho = u.g / u.cm**3
    lamo = mission._bulk_density(
        mission._mass_from_orbit(
            fact("ceres.radius") + fact("ceres.orbit_lamo_altitude"), fact("ceres.orbit_lamo_period")
        ),
        fact("ceres.radius"),
    ).to(rho)
    rock, ice = ice_inputs["rock_density"], ice_inputs["ice_density"]
    share = ((rock - lamo) / (rock - ice)).to_value(u.one)
    assert "LAMO" in check("04.7", share, **ice_inputs).message
    for off in (0.985, 1.015):  # 1.5 % away: not this slip
        assert "LAMO" not in check("04.7", share * off, **ice_inputs).message, share * off


def test_the_whole_moon_share_written_with_two_figures_gets_its_hint(ice_inputs):
    """0.49 for the whole Moon's 0.487 is named; 0.5 and Vesta's share are not told they used the whole Moon."""
    d, ice = ice_inputs["density"], ice_inputs["ice_density"]
    moon = fact("moon.density").to(d.unit)
    whole_moon = ((moon - d) / (moon - ice)).to_value(u.one)
    assert abs(round(whole_moon, 2) / whole_moon - 1) > 0.005  # outside the 0.5 % the other rocks get
    for answer in (whole_moon, round(whole_moon, 2)):
        assert "whole Moon" in check("04.7", answer, **ice_inputs).message, answer
    vesta = fact("vesta.density").to(d.unit)
    for answer in (0.5, ((vesta - d) / (vesta - ice)).to_value(u.one)):
        assert "whole Moon" not in check("04.7", answer, **ice_inputs).message, answer


def test_one_pixels_size_in_exercise_4_is_named_as_step_one():
    """Stopping at distance x IFOV (13.7 km) gets the step-one hint, with its unit or as a plain number."""
    radius, distance, ifov = fact("ceres.radius"), fact("ceres.approach_opnav3_distance"), fact("fc.ifov")
    kw = dict(radius=radius, distance=distance, ifov=ifov)
    step_one = (distance * ifov.to_value(u.rad)).to(u.km)
    for answer in (step_one, step_one.to(u.m), step_one.to_value(u.km), round(step_one.to_value(u.km), 1)):
        result = check("04.4", answer, **kw)
        assert result.status == "incorrect" and "size of one pixel" in result.message, (answer, result.message)
    assert check("04.4", (2 * radius / step_one).to_value(u.one), **kw).ok


def test_a_right_number_with_the_wrong_time_unit_is_named():
    """481.5 labelled hours (exercise 1) and hours labelled seconds or minutes (exercise 3) get their hints."""
    start, end_id = fact("dawn.ceres_arrival"), "dawn.prime_mission_end"
    days = (fact(end_id) - start).to_value(u.day)
    kw1 = dict(start=start, end_id=end_id, phase="prime mission at Ceres")
    result = check("04.1", days * u.h, **kw1)
    assert result.status == "incorrect" and "unit of hours" in result.message, result.message
    assert check("04.1", days * u.day, **kw1).ok
    alt, radius, mass = fact("vesta.orbit_hamo_altitude"), fact("vesta.radius"), fact("vesta.mass")
    kw3 = dict(altitude=alt, radius=radius, mass=mass, orbit="HAMO")
    hours = (2 * np.pi * np.sqrt((radius + alt) ** 3 / (G * mass))).to_value(u.h)
    for unit, name in ((u.s, "seconds"), (u.min, "minutes")):
        result = check("04.3", round(hours, 1) * unit, **kw3)
        assert result.status == "incorrect" and f"unit of {name}" in result.message, result.message
    assert check("04.3", hours * u.h, **kw3).ok


def test_the_orbit_tables_agree_with_the_science_orbits():
    """The printed tables are the science orbits rounded; HAMO's missing period is masked, not nan."""
    orbits = mission.science_orbits()
    periods = mission.orbit_periods_table()
    assert list(periods["orbit"]) == list(orbits["orbit"])
    assert np.allclose(periods["a (km)"], orbits["a"].to_value(u.km))
    assert np.allclose(periods["Kepler (h)"], orbits["period"].to_value(u.h))
    hamo = list(periods["orbit"]).index("HAMO")
    assert periods["NASA (h)"].mask[hamo] and "nan" not in str(periods)
    ifov = fact("fc.ifov")
    pixels = mission.orbit_pixels_table(ifov)
    scale = (orbits["periapsis_altitude"] * ifov.to_value(u.rad)).to(u.m)
    assert np.allclose(pixels["m per pixel"], scale.to_value(u.m))
    assert np.allclose(pixels["facula (px)"], (fact("occator.cerealia_facula_size") / scale).to_value(u.one))


def test_a_right_answer_with_an_angle_left_in_its_unit_is_told_what_it_reads_as():
    ifov, radius = fact("fc.ifov"), fact("ceres.radius")
    distance, facula = fact("ceres.approach_opnav3_distance"), fact("occator.cerealia_facula_size")
    pixels = check("04.4", 2 * radius / (distance * ifov), radius=radius, distance=distance, ifov=ifov)
    assert pixels.ok and "1 / urad" in pixels.message and "plain number of radians" in pixels.message, pixels
    plain = check("04.4", 2 * radius / (distance * ifov.to_value(u.rad)), radius=radius, distance=distance, ifov=ifov)
    assert plain.ok and "astropy shows" not in plain.message, plain
    altitude = check("04.5", facula / 100 / ifov, size=facula, n_pixels=100, ifov=ifov)
    assert altitude.ok and "km / urad" in altitude.message and "as kilometres" in altitude.message, altitude
