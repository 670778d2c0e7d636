"""Lesson 04: the exercises read their inputs as the notebook gives them and name the likely mistakes."""

from __future__ import annotations

import astropy.units as u
import pytest
from astropy.constants import G

from utils import check, mission
from utils.facts import fact

LAUNCH = fact("dawn.launch")


def test_a_milestone_is_read_from_the_facts_table_by_its_id():
    right = (fact("dawn.first_thrust") - LAUNCH).to(u.day)  # 9.56 d
    assert check("04.1", right, event_id="dawn.first_thrust", launch=LAUNCH, event="firing").ok
    assert check("04.1", right, time=fact("dawn.first_thrust"), launch=LAUNCH).ok  # a Time works as well
    result = check("04.1", 10 * u.day, event_id="dawn.first_thrust", launch=LAUNCH)
    assert result.status == "incorrect" and "calendar days" in result.message  # whole calendar days
    survey = (fact("ceres.orbit_survey_start") - LAUNCH).to(u.day)  # another milestone
    assert check("04.1", survey, event_id="ceres.orbit_survey_start", launch=LAUNCH).ok
    assert not check("04.1", right, event_id="ceres.orbit_survey_start", launch=LAUNCH).ok


@pytest.mark.parametrize(
    "event_id, words", [("dawn.isp", "not a date"), (5, "event_id"), ("dawn.nothing", "dawn.nothing")]
)
def test_an_event_id_that_is_not_a_date_gets_a_clear_message(event_id, words):
    result = check("04.1", 10 * u.day, event_id=event_id, launch=LAUNCH)
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
    moon = fact("moon.density").to(rock.unit)
    whole_moon = ((moon - d) / (moon - ice)).to_value(u.one)  # about 0.49
    a = fact("ceres.radius") + fact("ceres.orbit_lamo_altitude")
    lamo = mission.bulk_density(mission.mass_from_orbit(a, fact("ceres.orbit_lamo_period")), fact("ceres.radius")).to(
        rock.unit
    )
    from_lamo = ((rock - lamo) / (rock - ice)).to_value(u.one)  # about 0.35
    for wrong, words in ((whole_moon, "whole Moon"), (from_lamo, "LAMO orbit"), (1 - right, "share of rock")):
        result = check("04.5", wrong, **ice_inputs)
        assert result.status == "incorrect" and words in result.message, (wrong, result)
    # with the whole Moon as the chosen rock, that answer is right, not a mistake
    assert check("04.5", whole_moon, **{**ice_inputs, "rock_density": moon}).ok
