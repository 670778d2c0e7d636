"""Lesson 00: exercises follow their inputs and name the likely mistakes.

The altitude widget's texts follow its slider.
"""

from __future__ import annotations

import astropy.units as u
import pytest

from utils import check
from utils.facts import fact

R = fact("ceres.radius")


def test_miles_to_km_and_its_mistakes():
    d = 2700 * u.imperial.mile  # 2700 x 1.609344 = 4345.2 km
    assert check("00.1", 4345 * u.km, distance=d).ok
    assert check("00.1", 4350 * u.km, distance=d).ok  # rounded to 3 figures
    assert not check("00.1", 4400 * u.km, distance=d).ok  # NASA's rounded figure: 1.3 % off
    for rough in (2700 * 1.6 * u.km, 2700 / 0.62 * u.km):  # a rounded school factor: refused, with its hint
        result = check("00.1", rough, distance=d)
        assert result.status == "incorrect" and "rounded factor" in result.message, result
        assert "4345" not in result.message and "4,345" not in result.message
    assert check("00.1", ..., distance=d).name == "Exercise 1 · 2,700 mi in kilometres"
    assert check("00.1", 4345, distance=d).status == "invalid"  # a bare number: no unit
    assert check("00.1", d.to(u.m), distance=d).ok  # another unit of length
    for same in (d, 2700 * u.imperial.mi):  # not converted: refused
        result = check("00.1", same, distance=d)
        assert result.status == "incorrect" and "still in mi" in result.message and ".to(u.km)" in result.message
        assert "4345" not in result.message and "4,345" not in result.message
    assert not check("00.1", 4345 * u.imperial.mile, distance=d).ok  # the number of km, called miles
    km = d.to(u.km)  # given in km: nothing to refuse
    assert check("00.1", km, distance=km).ok
    for wrong, words in (
        (2700 * u.km, "called it kilometres"),  # the number relabelled
        (1678 * u.km, "shorter than a mile"),
    ):  # 2700 / 1.609
        result = check("00.1", wrong, distance=d)
        assert result.status == "incorrect" and words in result.message, (wrong, result)


def test_ceres_radii_and_its_mistakes():
    d = 4500 * u.imperial.mile
    right = (d / R).to_value(u.one)
    assert check("00.2", round(right, 1), distance=d, ceres_radius=R).ok
    assert "numbers" not in check("00.2", right, distance=d, ceres_radius=R).message
    for wrong, words in (
        (4500 / R.to_value(u.km), "miles by a number of kilometres"),
        (right / 2, "diameters"),
        (right + 1, "centre"),
    ):
        result = check("00.2", wrong, distance=d, ceres_radius=R)
        assert result.status == "incorrect" and words in result.message, result
    assert not check("00.2", right * 1.018, distance=d, ceres_radius=R).ok  # two figures' worth off: refused
    image = fact("news.distance_image")  # 4,500 mi: 15.42 radii
    for near in (15, 15.0, 15 * u.one):  # the answer rounded to two figures (the figure's "about 15x"): told so
        result = check("00.2", near, distance=image, ceres_radius=R)
        assert result.status == "incorrect" and "close: you rounded too much" in result.message, result
        assert result.message.endswith("three significant figures.") and "Hint" not in result.message, result
    for off in (15.2, 15.6, 15.7):  # three figures, but a wrong number: no "close", the plain hint
        result = check("00.2", off, distance=image, ceres_radius=R)
        assert result.status == "incorrect" and "close" not in result.message, result
        assert "Hint: Divide the distance" in result.message, result
    # school factors, the caption's 7,200 km, and 7,200 km's ratio rounded to three figures (15.33 written 15.3)
    for rough in (4500 * 1.6 / R.to_value(u.km), 4500 / 0.62 / R.to_value(u.km), 7200 / R.to_value(u.km), 15.3):
        result = check("00.2", rough, distance=image, ceres_radius=R)
        assert result.status == "incorrect" and "rounded number of kilometres" in result.message, result
        assert "close" not in result.message and "15.4" not in result.message
    survey = fact("news.distance_survey")
    result = check("00.2", survey / R, distance=image, ceres_radius=R)  # the other news distance
    assert result.status == "incorrect" and "start from image_altitude" in result.message


def test_a_ratio_left_in_mixed_units_is_right_and_told_how_to_show_it():
    image, radius = 4500 * u.imperial.mile, fact("ceres.radius")
    mixed = check("00.2", image / radius, distance=image, ceres_radius=radius)
    assert mixed.ok and "mi / km" in mixed.message and ".to(u.one)" in mixed.message, mixed
    plain = check("00.2", (image / radius).to(u.one), distance=image, ceres_radius=radius)
    assert plain.ok and ".to(u.one)" not in plain.message, plain


def test_a_school_factor_ratio_rounded_to_three_figures_gets_the_rounded_km_hint():
    image, radius = 4500 * u.imperial.mile, fact("ceres.radius")
    for answer in (15.3, 15.5):  # x 1.6 and / 0.62, each then rounded to three figures
        result = check("00.2", answer, distance=image, ceres_radius=radius)
        assert not result.ok and "rounded number of kilometres" in result.message, (answer, result)


def test_distance_from_centre_and_altitude_confusion():
    h = 2700 * u.imperial.mile
    assert check("00.3", h.to(u.km) + R, altitude=h, ceres_radius=R).ok
    assert check("00.3", h + R, altitude=h, ceres_radius=R).ok  # any unit of length
    assert check("00.3", ..., altitude=h, ceres_radius=R).name == "Exercise 3 · altitude or distance?"
    for wrong, words in (
        (h.to(u.km), "altitude, measured from the surface"),
        (h.to(u.km) + 2 * R, "diameter"),
        (h.to(u.km) - R, "You took the radius away"),
        (h - R, "You took the radius away"),
        (3880 * u.km, "You took the radius away"),  # the difference rounded to three figures
        ((2700 + R.to_value(u.km)) * u.km, "number of miles to a number of kilometres"),
        ((2700 + R.to_value(u.km)) * u.imperial.mile, "as if both were in the same unit"),
    ):
        result = check("00.3", wrong, altitude=h, ceres_radius=R)
        assert result.status == "incorrect" and words in result.message, (wrong, result)
    for rough in ((2700 * 1.6 + R.to_value(u.km)) * u.km, (2700 / 0.62 + R.to_value(u.km)) * u.km):
        result = check("00.3", rough, altitude=h, ceres_radius=R)  # a school factor, then the radius
        assert result.status == "incorrect" and "rounded factor" in result.message, (rough, result)
        assert "surface" not in result.message
    for rounded in (4300 * u.km + 470 * u.km, 4300 * u.km + R):  # exercise 1 to two figures, then the radius
        result = check("00.3", rounded, altitude=h, ceres_radius=R)
        assert result.status == "incorrect" and "three significant figures" in result.message, (rounded, result)
    assert check("00.3", 4810 * u.km, altitude=h, ceres_radius=R).ok  # three figures still pass
    km = h.to(u.km)  # given in km, adding the numbers is right
    assert check("00.3", (km.value + R.to_value(u.km)) * u.km, altitude=km, ceres_radius=R).ok


def test_web_site_is_read_from_the_source():
    site = "dawn.jpl.nasa.gov"  # LAMO's source: NASA/JPL's Dawn mission status page
    for answer in (site, "DAWN.JPL.NASA.GOV", " https://dawn.jpl.nasa.gov/mission/status_2015.html ", "www." + site):
        assert check("00.4", answer, orbit="LAMO").ok, answer
    assert check("00.4", "dawnblog.jpl.nasa.gov", orbit="hamo").ok  # follows the orbit
    assert check("00.4", ..., orbit="LAMO").name == "Exercise 4 · where did the course read the LAMO altitude?"
    for guess in ("NASA/JPL", "nasa", "Jet Propulsion Laboratory", "Wikipedia", "a newspaper"):
        result = check("00.4", guess, orbit="LAMO")  # a publisher's name, guessable without the source
        assert result.status == "incorrect" and "who published it" in result.message, guess
        assert site not in result.message
    for ending in (
        "jpl.nasa.gov",
        "https://jpl.nasa.gov",
        "www.jpl.nasa.gov",
        "nasa.gov",
        "NASA.gov",
    ):  # JPL's main site, guessable too
        result = check("00.4", ending, orbit="LAMO")
        assert result.status == "incorrect" and "only part of the site's name" in result.message
        assert "JPL's main site" in result.message and site not in result.message
    assert "only part" not in check("00.4", "en.wikipedia.org", orbit="LAMO").message  # the generic hint
    for other in ("dawnblog.jpl.nasa.gov", "meteorite-list-archives.com"):  # HAMO's and RC3's, Survey's sources
        result = check("00.4", other, orbit="LAMO")
        assert result.status == "incorrect" and "another orbit's source" in result.message, other
        assert site not in result.message
    assert check("00.4", "dawnblog.jpl.nasa.gov", orbit="RC3").ok  # RC3 and HAMO share a source: no false hint
    assert check("00.4", 5, orbit="LAMO").status == "invalid"  # not text
    assert check("00.4", site, orbit="XYZ").status == "invalid"  # an unknown orbit


def test_the_release_rounded_kilometres_get_their_own_hint():
    d = 2700 * u.imperial.mile  # NASA's release: "2,700 miles (4,400 kilometers)"
    for wrong in (4400 * u.km, fact("ceres.orbit_survey_altitude")):
        result = check("00.1", wrong, distance=d)
        assert result.status == "incorrect" and "NASA's own figure" in result.message, result
        assert "4345" not in result.message and "4,345" not in result.message
    # another distance with no release kilometres near it: no such hint, nothing raised
    result = check("00.1", 7400 * u.km, distance=4500 * u.imperial.mile)
    assert result.status == "incorrect" and "NASA's own figure" not in result.message


def test_the_image_distance_instead_of_the_survey_altitude_gets_its_own_hint():
    d, image = fact("news.distance_survey"), fact("news.distance_image")
    for wrong in (image.to(u.km), image):
        result = check("00.1", wrong, distance=d)
        assert result.status == "incorrect" and "image_altitude" in result.message, (wrong, result)
    result = check("00.3", image + R, altitude=d, ceres_radius=R)
    assert result.status == "incorrect" and "image_altitude" in result.message, result
    assert check("00.3", d + R, altitude=d, ceres_radius=R).ok


def test_the_release_kilometres_get_their_own_hint_in_exercise_3():
    h = fact("news.distance_survey")  # 2,700 miles; NASA's release printed 4,400 km
    for wrong, words in ((4400 * u.km + R, "NASA's release printed"), (4400 * u.km, "for the altitude alone")):
        result = check("00.3", wrong, altitude=h, ceres_radius=R)
        assert result.status == "incorrect" and words in result.message, (wrong, result)
        assert "4,815" not in result.message and "4815" not in result.message
    assert check("00.3", h + R, altitude=h, ceres_radius=R).ok


def test_another_orbits_rounded_miles_get_the_other_orbit_hint():
    for wrong in (915, 2700):  # NASA's rounded miles for HAMO and Survey, given for LAMO
        result = check("00.5", wrong, orbit="LAMO")
        assert result.status == "incorrect" and "another of Dawn's orbits" in result.message, wrong


def test_fact_lookup_follows_the_orbit():
    lamo = fact("ceres.orbit_lamo_altitude")
    hamo = fact("ceres.orbit_hamo_altitude")
    lamo_mi = lamo.to_value(u.imperial.mile)
    assert check("00.5", lamo_mi, orbit="LAMO").ok
    assert check("00.5", round(lamo_mi), orbit="lamo").ok
    assert check("00.5", hamo.to_value(u.imperial.mile), orbit="HAMO").ok
    assert check("00.5", ..., orbit="HAMO").name == "Exercise 5 · Dawn's HAMO altitude in miles"
    for right_with_unit in (lamo, lamo.to(u.imperial.mile)):  # right value, not yet a number: the form status
        result = check("00.5", right_with_unit, orbit="LAMO")
        assert result.status == "invalid" and "still carries its unit" in result.message, result
        assert "not right" not in result.message and f"{lamo_mi:.1f}" not in result.message
    assert "still carries" not in check("00.5", 999 * u.km, orbit="LAMO").message  # a wrong length: the unit hint
    for wrong, words in (
        (lamo.to_value(u.km), "number of kilometres"),  # the table's number
        (240, "rounded too much"),  # NASA's 240 miles, in the note
        (hamo.to_value(u.imperial.mile), "another of Dawn's orbits"),
        (fact("ceres.orbit_survey_altitude").to_value(u.imperial.mile), "another of Dawn's orbits"),
    ):
        result = check("00.5", wrong, orbit="LAMO")
        assert result.status == "incorrect" and words in result.message, (wrong, result)
    assert "another" in check("00.5", lamo_mi, orbit="HAMO").message
    assert "rounded too much" in check("00.5", 915, orbit="HAMO").message


@pytest.mark.parametrize("orbit", ["LAMO", "HAMO", "Survey", "RC3"])
def test_a_rounded_school_factor_gets_its_own_hint(orbit):
    km = fact(f"ceres.orbit_{orbit.lower()}_altitude").to_value(u.km)
    for wrong in (0.62 * km, km / 1.6, round(0.62 * km, 1)):  # 385 km x 0.62 = 238.7, not 239.2
        result = check("00.5", wrong, orbit=orbit)
        assert result.status == "incorrect" and "rounded factor" in result.message, (wrong, result)
        assert f"{km / 1.609344:.0f}" not in result.message


@pytest.mark.parametrize("orbit", ["LAMO", "HAMO", "Survey", "RC3"])
def test_three_significant_figures_pass_for_every_orbit(orbit):
    miles = fact(f"ceres.orbit_{orbit.lower()}_altitude").to_value(u.imperial.mile)
    assert check("00.5", float(f"{miles:.3g}"), orbit=orbit).ok


@pytest.mark.parametrize("orbit", ["XYZ", "", 5, None])
def test_an_unknown_orbit_gets_a_clear_message(orbit):
    result = check("00.5", 100, orbit=orbit)
    assert result.status == "invalid"
    assert "Traceback" not in result.message and "orbit" in result.message and "Orbit" not in result.message
    if orbit == "XYZ":  # names the id as given and lists the orbits there are
        assert "'XYZ'" in result.message and "LAMO" in result.message and "HAMO" in result.message


@pytest.fixture(scope="module")
def altitude_widget():
    from notebook_namespace import namespace_until

    return namespace_until("00-start-here.ipynb", "def draw_altitude")


@pytest.mark.parametrize("miles", [100, 240, 290, 2700, 4500, 10000])
def test_altitude_widget_texts_follow_the_slider(altitude_widget, miles):
    from notebook_namespace import small_texts, texts

    ns, shown = altitude_widget
    before = len(shown)
    ns["draw_altitude"](altitude_mi=miles)
    assert len(shown) == before + 1
    fig, alt = shown[-1]
    words = " ".join(texts(fig))
    assert f"{miles:,} miles" in fig.axes[0].get_title()
    ratio = (miles * u.imperial.mile / R).to_value(u.one)  # the title compares the altitude with the radius
    words_expected = "about as long as" if 0.9 < ratio < 1.1 else ("longer than" if ratio > 1 else "shorter than")
    assert f"is {words_expected} Ceres' radius" in fig.axes[0].get_title()
    assert f"altitude: {miles:,} miles" in words  # the legend follows the slider
    assert f"{miles:,}" in alt
    if words_expected != "about as long as":  # the alt text gives the ratio a sighted student reads off the axis
        assert f"about {ratio:.{1 if ratio < 3 else 0}f} times as long" in alt
    else:  # within 10 %, the ratio to two decimals (Explore question 3 looks for the step nearest 1.00)
        assert f": {ratio:.2f}×" in fig.axes[0].get_title() and f"{ratio:.2f} times as long" in alt
    assert "radius" in words and "Ceres' radius" in words  # the radius is drawn and labelled
    far = ((2000 if miles <= 1500 else 10000) * u.imperial.mile + R).to_value(u.km)  # zoomed in for low orbits
    assert f"up to about {round(1.05 * far, -2):,.0f} km" in alt  # the drawn axis range in km, rounded, in the alt text
    assert fig.axes[0].get_xlim()[1] == pytest.approx(1.05 * far)  # and on the axis
    assert fig.axes[0].get_xlim()[0] <= -1.05 * R.to_value(u.km)  # Ceres' whole disc is in view, zoomed or not
    # Dawn is drawn inside the axes at every altitude
    assert fig.axes[0].get_xlim()[1] > miles * u.imperial.mile.to(u.km) + R.to_value(u.km)
    if miles <= 300:  # the low orbits: the radius is a visible part of the picture (more than 10 % of its width)
        assert R.to_value(u.km) / far > 0.1
    # the "Dawn" label stays clear of Ceres' disc at every altitude
    dawn = next(t for t in fig.axes[0].texts if t.get_text() == "Dawn")
    assert dawn.xyann[1] > 1.5 * R.to_value(u.km)
    # the legend sits below the axes, off the drawing, so it covers neither Dawn nor its label
    legend = fig.axes[0].get_legend()
    fig.canvas.draw()
    box = legend.get_window_extent()
    assert box.y1 <= fig.axes[0].get_window_extent().y0
    assert box.y0 >= 0 and box.x0 >= 0 and box.x1 <= fig.bbox.x1  # and inside the picture, not cut off
    assert not small_texts(fig)
    # nothing on the figure gives exercise 2 or 3 away: no number of Ceres radii, no distance from the centre
    assert "radii" not in words and "km" not in words.replace("(km)", "")


def test_exercise_3_refuses_an_axis_reading_and_a_rounded_radius():
    h = fact("news.distance_survey")  # 2,700 miles
    for wrong in (4800 * u.km, h + 300 * u.imperial.mile):  # read off the Explore axis; the radius rounded
        result = check("00.3", wrong, altitude=h, ceres_radius=R)
        assert not result.ok and "4,81" not in result.message and "4815" not in result.message, (wrong, result)
    assert check("00.3", 4820 * u.km, altitude=h, ceres_radius=R).ok  # three significant figures


def test_exercise_3_a_rounded_or_other_radius_is_not_called_a_rounded_factor():
    h = fact("news.distance_survey")  # 2,700 miles
    mi = u.imperial.mile
    r_mi = R.to_value(mi)
    # Ceres' radius rounded to the nearest hundred miles (300), as a student would type it
    rounded = round(r_mi, -2) * mi
    for wrong in (h + rounded, (h.to_value(mi) + rounded.value) * mi, (h + rounded).to(u.km)):
        result = check("00.3", wrong, altitude=h, ceres_radius=R)
        assert result.status == "incorrect" and "not by ceres_radius" in result.message, (wrong, result)
        assert "rounded factor" not in result.message and "close" not in result.message, result
    a, b, c = 964.4, 964.2, 891.8  # Ceres' shape in km, as the radius fact's note gives it
    assert f"({a} x {b} x {c}) km" in R.info.meta["note"]
    result = check("00.3", h + a / 2 * u.km, altitude=h, ceres_radius=R)  # the equatorial radius
    assert result.status == "incorrect" and "not by ceres_radius" in result.message, result
    for polar in (h + c / 2 * u.km, h + 446 * u.km):
        result = check("00.3", polar, altitude=h, ceres_radius=R)
        assert result.status == "incorrect" and "polar radius" in result.message, (polar, result)
        assert "rounded factor" not in result.message
    for rough in ((2700 * 1.6 + R.to_value(u.km)) * u.km, (2700 / 0.62 + R.to_value(u.km)) * u.km):
        result = check("00.3", rough, altitude=h, ceres_radius=R)  # the school factors keep their own hint
        assert "rounded factor" in result.message and "polar" not in result.message, (rough, result)
        assert "not by ceres_radius" not in result.message
    for right in (h + R, h + round(r_mi) * mi, 4810 * u.km, 4820 * u.km):  # 292 miles: three figures pass
        assert check("00.3", right, altitude=h, ceres_radius=R).ok, right
    bare = R.to(u.km).value * u.km  # a radius given without a shape in its note: no shape mistakes, no error
    assert check("00.3", h + bare, altitude=h, ceres_radius=bare).ok
    assert check("00.3", h + 446 * u.km, altitude=h, ceres_radius=bare).status == "incorrect"


def test_vesta_s_orbit_and_a_conversion_the_wrong_way_get_their_own_hints():
    from urllib.parse import urlparse

    vesta = fact("vesta.orbit_lamo_altitude")
    site = urlparse(vesta.info.meta["source_url"]).netloc
    result = check("00.4", site, orbit="LAMO")
    assert result.status == "incorrect" and "around Vesta" in result.message, result
    result = check("00.5", vesta.to_value(u.imperial.mile), orbit="LAMO")
    assert result.status == "incorrect" and "around Vesta" in result.message, result
    assert "ceres.orbit_lamo" not in result.message  # names the prefix, not the answer's id
    km = fact("ceres.orbit_lamo_altitude").to_value(u.km)
    for wrong in (km * 1.609, km * 1.609344):
        result = check("00.5", wrong, orbit="LAMO")
        assert result.status == "incorrect" and "the wrong way" in result.message, (wrong, result)
    result = check("00.5", 1000, orbit="RC3")  # no RC3 around Vesta: the mistake is skipped, no error
    assert result.status == "incorrect", result


def test_exercise_1_hints_name_the_method_not_the_solution_line():
    d = fact("news.distance_survey")
    for wrong in (d.to_value(u.imperial.mile) * 1.6 * u.km, d.to(u.km) + R):
        result = check("00.1", wrong, distance=d)
        assert result.status == "incorrect" and "survey_altitude.to" not in result.message, result
    result = check("00.1", d.to(u.km) + R, distance=d)
    assert "only converts" in result.message, result


def test_orbit_menu_moves_the_slider_step_by_step_and_can_be_chosen_again(altitude_widget):
    import nbtools
    from conftest import ROOT

    ns, _ = altitude_widget
    nb = nbtools.read(ROOT / "notebooks" / "00-start-here.ipynb")
    for needle in ("widgets.SelectionSlider(", "jump = widgets.Dropdown"):  # the slider, then its menu
        src = next(nbtools.source(c) for c in nb.cells if needle in nbtools.source(c))
        exec(compile(src, f"00-start-here.ipynb:{needle}", "exec"), ns)
    slider, jump, lamo = ns["slider"], ns["jump"], ns["nearest"]["LAMO"]
    assert list(ns["nearest"]) == ["LAMO", "HAMO", "Survey", "RC3"]  # lowest first
    for name in ns["nearest"]:  # arrow keys on a closed menu step through the options, one change each
        jump.value = ns["nearest"][name]
        assert slider.value == ns["nearest"][name] and jump.value == ns["nearest"][name]  # the menu stays
    slider.value = ns["nearest"]["Survey"] + 100  # the student moves on with the slider: the menu clears...
    assert jump.value is None
    jump.value = lamo  # ...and the same orbit can be chosen again
    assert slider.value == lamo


def test_release_figures_get_the_release_hint():
    d = fact("news.distance_survey")
    for copied in (
        fact("ceres.orbit_survey_altitude"),
        fact("ceres.orbit_survey_altitude").to_value(u.imperial.mile) * u.km,
    ):
        result = check("00.1", copied, distance=d)  # 4,400 km, and its 2,734 miles typed as km
        assert result.status == "incorrect" and "NASA's own figure" in result.message, (copied, result)
        assert "converted back" not in result.message


def test_the_worked_examples_site_gets_its_own_hint():
    result = check("00.4", "ssd.jpl.nasa.gov", orbit="LAMO")  # cite("ceres.radius"), the worked example
    assert result.status == "incorrect" and "worked example" in result.message, result


@pytest.mark.parametrize("orbit", ["LAMO", "HAMO", "Survey"])
def test_a_slider_step_is_refused_with_a_hint(orbit):
    from utils.exercises.lesson00 import _slider_step

    step = _slider_step(orbit)  # 240, 910, 2,700: the Explore slider's nearest stop
    result = check("00.5", step, orbit=orbit)
    assert result.status == "incorrect", result
    if orbit == "HAMO":  # not a rounded school factor, and not NASA's own 915
        assert "step of the Explore slider" in result.message, result


def test_no_slider_stop_passes_exercise_5_for_the_documented_orbits():
    miles = [*range(100, 1000, 10), *range(1000, 10001, 100)]  # the notebook's slider steps
    for orbit in ("LAMO", "HAMO"):  # the orbit of the student version and the instructor page's adaptation
        assert not any(check("00.5", m, orbit=orbit).ok for m in miles), orbit


def test_exercise_5_with_the_wrong_sign_is_told_only_the_sign():
    right = fact("ceres.orbit_lamo_altitude").to_value(u.imperial.mile)
    for wrong in (-right, -round(right)):
        result = check("00.5", wrong, orbit="LAMO")
        assert result.status == "incorrect" and "sign" in result.message and "Hint" not in result.message, result


def test_exercise_5_two_figures_are_called_rounded_without_saying_where_they_came_from():
    """240 (LAMO) is the conversion rounded to two figures, the note's figure and a slider step at once."""
    result = check("00.5", 240, orbit="LAMO")
    assert result.status == "incorrect", result
    assert "rounded too much" in result.message and "only holds the place" in result.message, result
    assert "nearest 5" not in result.message, result  # only the rounding that fits 240
    hamo = check("00.5", 915, orbit="HAMO").message  # HAMO's 915 miles: the other rounding, alone
    assert "nearest 5 miles" in hamo and "holds the place" not in hamo, hamo
    assert "close" not in result.message, result  # two figures where three are asked: not "close"
    assert "it is the figure" not in result.message.lower(), result  # a claim about where it was read


def test_nothing_before_or_after_exercise_2_shows_the_image_altitude_in_km_or_in_ceres_radii():
    """Exercise 2 is the unit work itself: no printed number or variable hands over its inputs' plain numbers."""
    import json

    import numpy as np

    from conftest import ROOT
    from notebook_namespace import namespace_until
    from utils.checks import _expected_answer

    image = fact("news.distance_image")
    km, ratio = image.to_value(u.km), _expected_answer("00.2", distance=image, ceres_radius=R).to_value(u.one)
    cells = json.loads((ROOT / "notebooks" / "00-start-here.ipynb").read_text(encoding="utf-8"))["cells"]
    printed = "".join(
        "".join(out.get("text", "")) + "".join(out.get("data", {}).get("text/plain", ""))
        for cell in cells
        if "solution" not in cell["metadata"].get("tags", [])
        for out in cell.get("outputs", [])
    )
    for shown in (f"{km:.0f}", f"{km:,.0f}", f"{ratio:.1f}"):
        assert shown not in printed, f"a checked output shows {shown}"
    ns, _ = namespace_until("00-start-here.ipynb", "AltitudeView(")  # every cell of the exercises run
    found = [
        key
        for key, value in ns.items()
        if not key.startswith("__")
        and isinstance(value, (int, float, np.floating, u.Quantity))
        and not isinstance(value, bool)
        and np.size(value) == 1
        and (not isinstance(value, u.Quantity) or value.unit.physical_type == "dimensionless")
        and (
            np.isclose(value.to_value(u.one), ratio, rtol=0.01)
            if isinstance(value, u.Quantity)
            else any(np.isclose(value, x, rtol=0.01) for x in (km, ratio))
        )
    ]
    assert not found, f"variables holding the image altitude's kilometres or exercise 2's answer: {found}"


@pytest.mark.parametrize("empty", ["", "   "])
def test_exercise_4_empty_quotes_ask_for_the_site_not_a_hint(empty):
    result = check("00.4", empty, orbit="LAMO")
    assert result.status == "invalid" and "quotes are empty" in result.message, result
    assert "not right" not in result.message.lower()


def test_a_right_sum_with_a_mismatched_unit_is_not_sent_to_add_a_radius():
    """4,815 written as miles or metres, or the sum's miles written as km: the unit, not the method, is wrong."""
    h, R = 2700 * u.imperial.mile, fact("ceres.radius")
    right = (h + R).to(u.km)
    for slip in (right.value * u.imperial.mile, right.value * u.m, right.to_value(u.imperial.mile) * u.km):
        message = check("00.3", slip, altitude=h, ceres_radius=R).message
        assert "unit does not match" in message and "one radius further down" not in message, (slip, message)


def test_the_other_distance_hint_is_given_only_where_its_variable_names_are_right():
    """With an instructor's other input (the instructor page suggests ``fact("news.distance_image")``), an answer
    from the other news distance must not be told to "start from survey_altitude": that variable now holds it."""
    survey, image = fact("news.distance_survey"), fact("news.distance_image")
    swapped = check("00.1", survey.to(u.km), distance=image)
    assert not swapped.ok and "survey_altitude" not in swapped.message and "image_altitude" not in swapped.message
    default = check("00.1", image.to(u.km), distance=survey)
    assert "the image caption's image_altitude" in default.message
    r = fact("ceres.radius")
    swapped_3 = check("00.3", image + r, altitude=4500 * u.imperial.mile + 1 * u.km, ceres_radius=r)
    assert "survey_altitude" not in swapped_3.message.split("Hint:")[-1] or "other distance" not in swapped_3.message


def test_exercise_2_names_the_inverted_ratio_and_its_hints_fit_another_radius():
    """The radius divided by the altitude is named; with the instructor page's other radius (Vesta's), no hint of
    exercise 2 speaks of Ceres."""
    d, R = fact("news.distance_image"), fact("ceres.radius")
    inverted = check("00.2", (R / d).to(u.one), distance=d, ceres_radius=R)
    assert not inverted.ok and "other way round" in inverted.message, inverted
    vesta = fact("vesta.radius")
    right = (d / vesta).to(u.one)
    for slip in (right / 2, right + 1, 1 / right, right * 1.3):
        result = check("00.2", slip, distance=d, ceres_radius=vesta)
        assert not result.ok and "Ceres" not in result.message.split("Hint:")[-1], (slip, result.message)


def test_exercise_1_a_quantity_multiplied_by_a_factor_is_told_it_is_still_in_miles():
    d = fact("news.distance_survey")
    for factor in (1.609344, 1.609, 1.6, 1 / 0.62):  # the factor typed, the Quantity kept: still miles
        result = check("00.1", d * factor, distance=d)
        assert result.status == "incorrect" and "still labels it in miles" in result.message, (factor, result)
        assert ".to(u.km)" in result.message and "4345" not in result.message and "4,345" not in result.message
    # the same numbers labelled km keep their own hints: right, or a rounded factor, not "still in miles"
    assert check("00.1", d.to_value(u.imperial.mile) * 1.609344 * u.km, distance=d).ok
    result = check("00.1", d.to_value(u.imperial.mile) * 1.6 * u.km, distance=d)
    assert "rounded factor" in result.message and "still labels" not in result.message, result
    # an input in km: a factor on it is not said to be in miles
    km = d.to(u.km)
    assert "still labels it in miles" not in check("00.1", km * 1.609344, distance=km).message


def test_exercise_1_a_unit_alone_is_called_a_unit_without_a_number():
    d = fact("news.distance_survey")
    for bare in (u.km, u.imperial.mile):
        result = check("00.1", bare, distance=d)
        assert result.status == "invalid" and "a unit without a number" in result.message, result
        assert "PrefixUnit" not in result.message and "IrreducibleUnit" not in result.message
    result = check("00.1", u.km, distance="abc")  # unusable inputs: still said so, not hidden by the unit message
    assert result.status == "invalid" and "a unit without a number" not in result.message, result


def test_exercise_1_a_factor_the_wrong_way_round_is_told_kilometres_are_shorter():
    d = fact("news.distance_survey")
    n = d.to_value(u.imperial.mile)
    for wrong in (n / 1.609344, n / 1.609, n * 0.62, n / 1.6):  # fewer kilometres than miles
        result = check("00.1", wrong * u.km, distance=d)
        assert result.status == "incorrect" and "more kilometres than miles" in result.message, (wrong, result)


def test_exercise_1_one_value_in_a_list_is_asked_for_one_value():
    d = fact("news.distance_survey")
    result = check("00.1", [d.to_value(u.km)] * u.km, distance=d)
    assert result.status == "invalid" and "not a list" in result.message, result
    assert check("00.1", d.to(u.km), distance=d).ok


def test_exercise_4_and_5_hints_start_with_a_capital_and_end_with_one_full_stop():
    site = check("00.4", "NASA", orbit="LAMO").message
    assert "Hint: That names" in site, site
    for answer in (240, 240.0):
        message = check("00.5", answer, orbit="LAMO").message
        assert message.endswith("in the fact's note.") and ".)." not in message and ".." not in message, message
