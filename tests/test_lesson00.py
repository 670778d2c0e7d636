"""Lesson 00: exercises follow their inputs and name the likely mistakes; the altitude widget's texts follow its slider."""
from __future__ import annotations

import astropy.units as u
import pytest

from utils import check
from utils.facts import fact

R = fact("ceres.radius")


def test_miles_to_km_and_the_inverted_conversion():
    assert check("00.1", 4345 * u.km, distance=2700 * u.imperial.mile).ok       # 2700 x 1.609344 = 4345.2
    wrong = check("00.1", 1678 * u.km, distance=2700 * u.imperial.mile)          # 2700 / 1.609
    assert wrong.status == "incorrect" and "shorter than a mile" in wrong.message


def test_ceres_radii_and_its_mistakes():
    d = 4500 * u.imperial.mile
    right = (d / R).to_value(u.one)
    assert check("00.2", round(right, 1), distance=d, ceres_radius=R).ok
    assert "numbers" not in check("00.2", right, distance=d, ceres_radius=R).message
    for wrong, words in ((4500 / R.to_value(u.km), "miles by a number of kilometres"),
                         (right / 2, "diameters"), (right + 1, "centre")):
        result = check("00.2", wrong, distance=d, ceres_radius=R)
        assert result.status == "incorrect" and words in result.message, result


def test_distance_from_centre_and_altitude_confusion():
    h = 2700 * u.imperial.mile
    assert check("00.3", h.to(u.km) + R, altitude=h, ceres_radius=R).ok
    altitude_only = check("00.3", h.to(u.km), altitude=h, ceres_radius=R)
    assert altitude_only.status == "incorrect" and "altitude" in altitude_only.message
    plus_diameter = check("00.3", h.to(u.km) + 2 * R, altitude=h, ceres_radius=R)
    assert "diameter" in plus_diameter.message


def test_fact_lookup_follows_the_fact_id():
    lamo = fact("ceres.orbit_lamo_altitude")
    hamo = fact("ceres.orbit_hamo_altitude")
    assert check("00.4", lamo.to(u.imperial.mile), fact_id="ceres.orbit_lamo_altitude").ok
    assert not check("00.4", lamo.to(u.imperial.mile), fact_id="ceres.orbit_hamo_altitude").ok
    assert check("00.4", hamo, fact_id="ceres.orbit_hamo_altitude").ok          # any length unit
    assert "HAMO" not in check("00.4", 1 * u.imperial.mile, fact_id="ceres.orbit_hamo_altitude").name
    assert "ceres.orbit_hamo_altitude" in check("00.4", ..., fact_id="ceres.orbit_hamo_altitude").name
    kept_km = check("00.4", lamo.to_value(u.km) * u.imperial.mile, fact_id="ceres.orbit_lamo_altitude")
    assert "called it miles" in kept_km.message
    assert check("00.4", 1 * u.km, fact_id="no.such_fact").status == "invalid"   # a clear message, no traceback


@pytest.fixture(scope="module")
def altitude_widget():
    from notebook_namespace import namespace_until

    return namespace_until("00-start-here.ipynb", "def draw_altitude")


@pytest.mark.parametrize("miles", [0, 240, 2700, 4500, 10000])
def test_altitude_widget_texts_follow_the_slider(altitude_widget, miles):
    from notebook_namespace import small_texts, texts

    ns, shown = altitude_widget
    before = len(shown)
    ns["draw_altitude"](altitude_mi=miles)
    assert len(shown) == before + 1
    fig, alt = shown[-1]
    words = " ".join(texts(fig))
    assert f"{miles:,} miles" in fig.axes[0].get_title()
    assert f"altitude: {miles:,} miles" in words            # the legend follows the slider
    assert f"{miles:,}" in alt
    assert not small_texts(fig)
    # nothing on the figure gives exercise 2 or 3 away: no number of Ceres radii, no distance from the centre
    assert "radii" not in words and "km" not in words.replace("(km)", "")
