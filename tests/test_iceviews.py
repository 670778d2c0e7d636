"""utils.iceviews: lesson 07's ice-lifetime figure."""

from __future__ import annotations

import astropy.units as u
import numpy as np
import pytest

from utils.facts import fact
from utils.iceviews import IceLifeExplorer, _pit_lifetime


def _view(**changes):
    kw = dict(
        solar_constant=fact("solar.tsi"),
        depth=fact("occator.pit_depth"),
        molar_mass=fact("water.molar_mass"),
        density=fact("ice.density"),
        latent_heat=fact("ice.sublimation_latent_heat"),
        activity_age=fact("occator.activity_start"),
        young_age=fact("occator.young_deposits_age"),
        faculae_low=0.25,
        faculae_high=0.6,
        albedo_stops=np.array([0.05, 0.45, 0.95]),
        distance_stops=[2.55, 2.98] * u.AU,
    )
    return IceLifeExplorer(**{**kw, **changes})


def test_brighter_ice_and_a_farther_sun_make_the_ice_last_longer():
    view = _view()
    near, far = view.curves[2.55], view.curves[2.98]
    finite = np.isfinite(near) & np.isfinite(far)
    assert np.all(np.diff(near[finite]) > 0)  # brighter: colder, slower loss
    assert np.all(far[finite] > near[finite])


def test_the_lifetime_is_the_pit_depth_over_the_day_averaged_loss():
    """The steps of lesson 07's Exercises 1 and 2, written out, give the same lifetime."""
    from utils import thermal

    ice = dict(molar_mass=fact("water.molar_mass"), density=fact("ice.density"))
    absorbed = thermal.irradiance(fact("solar.tsi"), fact("ceres.a")) * (1 - 0.65)  # at noon
    flux = thermal.diurnal_mean_sublimation_flux(
        absorbed, ice["molar_mass"], latent_heat=fact("ice.sublimation_latent_heat")
    )
    by_hand = (fact("occator.pit_depth") / thermal.thickness_loss_rate(flux, ice["density"])).to_value(u.yr)
    life = _pit_lifetime(
        0.65,
        fact("ceres.a"),
        fact("solar.tsi"),
        fact("occator.pit_depth"),
        latent_heat=fact("ice.sublimation_latent_heat"),
        **ice,
    )
    assert life[0] == pytest.approx(by_hand, rel=1e-9)


def test_the_title_and_alt_text_follow_the_controls():
    # how fast an update is, is measured by the benchmark (python3 tasks.py bench), not by a timed test
    view = _view()
    view.update(0.05, 2.55)._repr_png_()  # the first drawing lays the figure out
    dark_title, dark_alt = view.ax.get_title(), view.alt()
    assert "gone before either age" in dark_alt and "0.05" in dark_title
    png = view.update(0.95, 2.98)._repr_png_()
    assert png[:4] == b"\x89PNG"
    assert view.ax.get_title() != dark_title and "outlasts both ages" in view.alt()
    # below the vapour-pressure law's range no lifetime is computed: the title and alt text say so in words
    assert "outlasts both ages" in view.ax.get_title() and "longer than the model can say" in view.alt()


def test_an_endless_lifetime_is_said_in_words():
    from utils.iceviews import _one_figure

    assert _one_figure(float("inf")) == _one_figure(2e10) == "more than ten billion"
    assert _one_figure(28_350.0) == "about 30,000"


@pytest.mark.parametrize(
    ("changes", "word"),
    [
        (dict(albedo_stops=np.array([0.5, 1.0])), "albedo_stops"),
        (dict(distance_stops=[2.5, 3.0] * u.s), "distance_stops"),
        (dict(depth=-1 * u.km), "depth"),
        (dict(faculae_low="low"), "faculae_low"),
    ],
)
def test_bad_inputs_get_errors_that_name_them(changes, word):
    with pytest.raises((ValueError, TypeError, u.UnitsError), match=word):
        _view(**changes)


def test_the_reading_off_the_widget_gets_a_reply_that_points_the_way():
    stops = np.array([0.05, 0.25, 0.45, 0.6, 0.75, 0.85, 0.95])
    view = _view(albedo_stops=stops)
    young = fact("occator.young_deposits_age").to_value(u.yr)
    lasts = [all(c[np.argmin(abs(view.albedos - a))] > young for c in view.curves.values()) for a in stops]
    lowest = stops[lasts.index(True)]  # worked out here from the curves, not typed
    assert lasts[-1] and not lasts[0]
    assert view.reading_feedback(lowest).startswith("That matches")
    assert view.reading_feedback(str(lowest)).startswith("That matches")  # typed in quotes
    assert view.reading_feedback(lowest + 1e-6).startswith("That matches")  # matched to its stop, then judged
    assert [a for a in stops if view.reading_ok(a)] == [lowest]  # the gate of Going further 4 and 5
    assert view.reading_ok(str(lowest)) and not view.reading_ok(0.5) and not view.reading_ok(np.nan)
    below, above = stops[stops < lowest][-1], stops[stops > lowest][0]
    # a wrong stop gets one reply whichever side it lies on: no direction to search in, and never the right stop
    assert view.reading_feedback(below) == view.reading_feedback(above).replace(f"{above:.2f}", f"{below:.2f}")
    for wrong in (below, above, 0.5, 0.123, None, "high"):
        reply = view.reading_feedback(wrong)
        assert f"{lowest:.2f}" not in reply, reply
        assert not any(w in reply.lower() for w in ("higher", "lower", "above it", "below it")), reply
        assert "check it at both distances on the widget" in reply or "as a number" in reply, reply
    # a number that is not a stop: only the format, with an example that is not the answer, and no list of stops
    off_stop = view.reading_feedback(0.5)
    assert "not a stop of the albedo slider" in off_stop and "two decimals, such as 0.35" in off_stop
    assert sum(f"{x:.2f}" in off_stop for x in stops) == 0
    assert "as a number" in view.reading_feedback(None) and "as a number" in view.reading_feedback("high")


def test_the_title_names_the_ice_in_the_controls_order_and_leaves_dry_ground_to_the_alt_text():
    """The title starts with the controls (albedo, then distance) and says the lifetime is the pit's ice's; the
    dry ground's noon temperature, a second quantity, is only in the alt text, with the ice cooler."""
    view = _view()
    view.update(0.05, 2.55)
    lines = view.ax.get_title().splitlines()
    assert lines[0].startswith("Ice of albedo 0.05") and lines[0].index("0.05") < lines[0].index("2.55 AU")
    assert len(lines) == 2 and lines[1].startswith("the pit's ice ")
    assert "dry ground" not in view.ax.get_title() and " K at noon" not in view.ax.get_title()
    assert "dry ground with no ice to cool it" in view.alt()
    assert "the ice cooler" in view.alt()


@pytest.mark.parametrize(
    "albedo, distance, kind, named",
    [
        (0.45, 2.7, ValueError, "distance_au"),  # between the distance stops
        (0.5, 2.55, ValueError, "albedo"),  # between the albedo stops
        (0.45, 2.55 * u.AU, TypeError, "distance_au"),  # the slider gives plain numbers
        ("0.45", 2.55, TypeError, "albedo"),
    ],
)
def test_a_value_off_the_sliders_stops_gets_a_clear_message(albedo, distance, kind, named):
    view = _view()
    with pytest.raises(kind) as error:
        view.update(albedo, distance)
    assert named in str(error.value) and ("stops" in str(error.value)) == (kind is ValueError), error.value
    view.update(0.45 + 1e-9, 2.98)  # a stop, to rounding, is that stop
    assert view.state[:2] == (0.45, 2.98)


def test_the_alt_text_gives_the_dry_grounds_noon_temperature_as_a_10_k_range():
    """The alt text's dry-ground temperature is a 10 K range whose ends end in 5: at any stop, or between two
    ends, it never passes Exercise 1 (the patch at perihelion) and no end is its answer to two figures."""
    import re

    import utils

    a, e = fact("ceres.a"), fact("ceres.e")
    stops = np.union1d(np.setdiff1d(np.round(0.05 + 0.1 * np.arange(10), 2), [0.65]), [0.6])
    distances = np.round(u.Quantity([a * (1 - e), a, a * (1 + e)]).to_value(u.AU), 2)
    view = _view(albedo_stops=stops, distance_stops=distances * u.AU)
    shown = []
    for d in distances:
        for albedo in stops:
            view.update(float(albedo), float(d))
            ends = re.findall(r"between (\d+) K and (\d+) K at noon", view.alt())
            assert len(ends) == 1 and int(ends[0][1]) - int(ends[0][0]) == 10, view.alt()
            shown += [float(t) for t in ends[0]]
    assert len(shown) == 2 * stops.size * distances.size and all(t % 10 == 5 for t in shown)
    kw = dict(
        solar_constant=fact("solar.tsi"), albedo=fact("occator.faculae_albedo"), semi_major_axis=a, eccentricity=e
    )
    answer = utils.thermal._subsolar_temperature(fact("solar.tsi"), fact("occator.faculae_albedo"), a * (1 - e))
    assert float(f"{answer.to_value(u.K):.2g}") not in shown
    for t in {(x + y) / 2 for x in shown for y in shown}:  # a stop, or the midpoint of two
        assert not utils.check("07.1", t * u.K, **kw).ok, t


def test_true_typed_as_the_reading_is_told_the_format_not_that_1_is_not_a_stop():
    view = _view()
    for flag in (True, False, np.bool_(True)):
        reply = view.reading_feedback(flag)
        assert "as a number with two decimals" in reply and "not a stop" not in reply, reply


def test_a_lifetime_beyond_the_solar_systems_age_is_said_so_with_the_facts_tables_age():
    """Bright ice near the Sun lasts longer than the Solar System has existed: the title and alt text say so, with
    the age read from the facts table (never typed); an ordinary lifetime does not mention it."""
    view = _view()
    age = fact("solar_system.age")
    words = f"longer than the Solar System's age ({age.to_value(u.Gyr):.1f} billion years)"
    view.update(0.95, 2.55)
    assert view.state[3] > age.to_value(u.yr)
    assert words in " ".join(view.ax.get_title().split()) and words in view.alt()
    view.update(0.45, 2.55)
    assert "Solar System" not in view.ax.get_title() and "Solar System" not in view.alt()
    younger = _view(solar_system_age=1e3 * u.yr)  # an instructor's (odd) age follows through
    younger.update(0.45, 2.55)
    assert "longer than the Solar System's age" in younger.ax.get_title()
    with pytest.raises((ValueError, TypeError, u.UnitsError), match="solar_system_age"):
        _view(solar_system_age=5 * u.m)


def test_the_still_says_in_its_title_and_alt_text_that_it_is_the_starting_view_and_does_not_follow():
    view = _view()
    view.update(0.45, 2.55, still=True)
    title, alt = view.ax.get_title(), view.alt()
    assert title.startswith("Still of the starting view (it does not follow the sliders)\n")
    assert alt.startswith("A still of the starting view, which does not follow the sliders.")
    view.update(0.45, 2.55)  # a move of a slider afterwards: the live figure is not called a still
    assert "Still" not in view.ax.get_title() and "still" not in view.alt().lower()
    with pytest.raises(TypeError, match="still"):
        view.update(0.45, 2.55, still="yes")
