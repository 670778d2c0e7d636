"""Lesson 04: the exercises read their inputs as the notebook gives them and name the likely mistakes."""

from __future__ import annotations

import astropy.units as u
import numpy as np
import pytest
from astropy.constants import G

from utils import check, mission
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
    density = mission.bulk_density((fact("ceres.gm") / G).to(u.kg), fact("ceres.radius")).to(rho)
    return {
        "density": density,
        "ice_density": fact("ice.density").to(rho),
        "rock_density": fact("moon.crust_density").to(rho),
    }


def test_ice_share_and_its_mistakes(ice_inputs):
    d, ice, rock = ice_inputs["density"], ice_inputs["ice_density"], ice_inputs["rock_density"]
    right = ((rock - d) / (rock - ice)).to_value(u.one)  # about 0.39
    assert check("04.5", right, **ice_inputs).ok
    for near in (0.965 * right, 1.035 * right):  # a little outside the 2 %: told it is close
        result = check("04.5", near, **ice_inputs)
        assert result.status == "incorrect" and "You are close" in result.message, (near, result)
    moon = fact("moon.density").to(rock.unit)
    whole_moon = ((moon - d) / (moon - ice)).to_value(u.one)  # about 0.49
    a = fact("ceres.radius") + fact("ceres.orbit_lamo_altitude")
    lamo = mission.bulk_density(mission.mass_from_orbit(a, fact("ceres.orbit_lamo_period")), fact("ceres.radius")).to(
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
    ):
        result = check("04.5", wrong, **ice_inputs)
        assert result.status == "incorrect" and words in result.message, (wrong, result)
    # with the whole Moon as the chosen rock, that answer is right, not a mistake
    assert check("04.5", whole_moon, **{**ice_inputs, "rock_density": moon}).ok


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
    assert check("04.7", right, **inputs).ok and check("04.7", right.to(u.m), **inputs).ok
    for wrong, words in (
        (right + radius, "do not add or take away Ceres' radius"),  # a distance from the centre
        (right - radius, "do not add or take away Ceres' radius"),
        (2 * right, "factor of two"),
        (right / 2, "factor of two"),
        (fact("ceres.orbit_hamo_altitude"), "one of Dawn's orbits"),  # copied from the table
        (facula / 100 / ifov.value, "number of microradians"),  # ifov.value: 93.7, in microradians
    ):
        result = check("04.7", wrong, **inputs)
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
    planned = mission.bulk_density(mission.mass_from_orbit(radius + 375 * u.km, period), radius)  # about 2.17
    result = check("04.4", planned, altitude=flown, period=period, radius=radius)
    assert result.status == "incorrect" and "planned altitude" in result.message, result
    assert "JPL" not in result.message
    inputs = dict(altitude=flown, period=period, radius=radius)
    for typed, words in ((2.17, "planned altitude"), (2.16, "JPL's tracking"), (2.162, "JPL's tracking")):
        assert words in check("04.4", typed * u.g / u.cm**3, **inputs).message, typed  # 0.5 % apart: both named
    for typed in (0.206, 0.21):  # the altitude taken for the orbit's size, as computed and to two digits
        assert "not the altitude alone" in check("04.4", typed * u.g / u.cm**3, **inputs).message, typed
    rc3 = dict(altitude=fact("ceres.orbit_rc3_altitude"), period=fact("ceres.orbit_rc3_period"), radius=radius)
    assert "planned" not in check("04.4", planned, **rc3).message  # another orbit: no LAMO hint

    hamo = dict(
        altitude=fact("vesta.orbit_hamo_altitude"), radius=fact("vesta.radius"), mass=fact("vesta.mass"), orbit="HAMO"
    )
    stay = fact("dawn.vesta_departure") - fact("dawn.vesta_arrival")
    average = (stay / fact("dawn.vesta_orbits")).to(u.h)  # printed in the timeline section, about 7.7 h
    result = check("04.3", average, **hamo)
    assert result.status == "incorrect" and "average lap" in result.message, result
    right = mission.semi_major_axis_from_altitudes(hamo["altitude"], hamo["altitude"], hamo["radius"])
    assert check("04.3", 2 * np.pi * (right**3 / (G * hamo["mass"])) ** 0.5, **hamo).ok
