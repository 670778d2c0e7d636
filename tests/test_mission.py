"""Dawn's timeline, milestone positions, the interpolated path, Ceres' orbits and weighing Ceres."""

from __future__ import annotations

import astropy.units as u
import numpy as np
import pytest
from astropy.constants import G, c
from astropy.time import Time
from hypothesis import given, settings
from hypothesis import strategies as st

from utils import mission, orbits
from utils.checks import _expected_answer, check
from utils.ephemeris import heliocentric_position
from utils.facts import fact

GCC = u.g / u.cm**3


# ------------------------------------------------------------------ timeline


def test_timeline_reads_the_facts_in_order():
    t = mission.timeline()
    assert [str(k) for k in t["key"]] == [m[0] for m in mission.MILESTONES]
    for row in t:
        assert abs((row["time"] - fact(str(row["fact_id"]))).to_value(u.s)) < 1e-3
    assert np.all(np.diff(t["time"].jd) > 0)
    assert t["since_launch"][0] == 0 * u.day
    # launch to Ceres arrival, worked out by hand: 27 Sep 2007 11:34 -> 6 Mar 2015 12:39
    by_hand = (Time("2015-03-06T12:39") - Time("2007-09-27T11:34")).to_value(u.day)
    assert t["since_launch"][4].to_value(u.day) == pytest.approx(by_hand)
    assert 2717 < by_hand < 2718


def test_phases_cover_the_mission_without_gaps():
    t = mission.timeline()
    p = mission.phases(t)
    assert list(p["kind"]) == ["cruise", "cruise", "stay", "cruise", "stay"]
    assert np.all(p["days"] > 0 * u.day)
    total = (t["time"][-1] - t["time"][0]).to(u.day)
    assert p["days"].sum().to_value(u.day) == pytest.approx(total.value)
    for a, b in zip(p[:-1], p[1:], strict=True):
        assert a["end"] == b["start"]
    vesta = p[p["phase"] == "At Vesta"][0]
    assert vesta["months"].value == pytest.approx(vesta["days"].to_value(u.day) / (365.25 / 12))
    assert 13 < vesta["months"].value < 14.5  # "about 14 months" at Vesta


def test_phases_refuse_a_table_without_a_milestone():
    t = mission.timeline()
    t.remove_row(2)
    with pytest.raises(KeyError, match="vesta_arrival"):
        mission.phases(t)


@pytest.mark.parametrize("func", [mission.phases, mission.milestone_positions, mission.interpolated_path])
@pytest.mark.parametrize("bad", [5, "timeline", {"time": 1}])
def test_milestone_functions_refuse_something_that_is_not_a_timeline(func, bad):
    with pytest.raises(TypeError, match=r"mission\.timeline\(\)"):
        func(bad)


# ------------------------------------------------------------------ positions, light time


def test_milestone_positions_put_the_bodies_where_the_ephemeris_does():
    t = mission.timeline()
    pos = mission.milestone_positions(t)
    assert set(pos) == {"earth", "mars", "vesta", "ceres"}
    for body, p in pos.items():
        assert p.shape == (3, len(t)) and p.unit == u.AU
        one = heliocentric_position(body, t["time"][3])
        assert np.allclose(p[:, 3].value, one.value, atol=1e-12)
    r_earth = np.sqrt((pos["earth"] ** 2).sum(axis=0)).to_value(u.AU)
    assert np.all((0.98 < r_earth) & (r_earth < 1.02))


def test_earth_ceres_distance_at_arrival_and_light_time():
    arrival = fact("dawn.ceres_arrival")
    d = mission._distance_between("earth", "ceres", arrival)
    assert d == mission._distance_between("ceres", "earth", arrival)
    assert 3.2 * u.AU < d < 3.4 * u.AU  # Ceres 2.87 AU from the Sun, Earth on the far side
    lt = mission._light_time(d)
    assert lt.unit == u.min
    assert lt.to_value(u.s) == pytest.approx((d / c).to_value(u.s))
    assert mission._light_time(1 * u.AU).to_value(u.s) == pytest.approx(499.005, abs=1e-3)


def test_light_time_bad_input():
    with pytest.raises(u.UnitsError, match="distance"):
        mission._light_time(3.3)
    with pytest.raises(ValueError, match="negative"):
        mission._light_time(-1 * u.AU)


# ------------------------------------------------------------------ interpolated path


def test_path_passes_through_every_milestone():
    t = mission.timeline()
    times, path, interp = mission.interpolated_path(t, points_per_leg=50)
    assert path.shape == (3, 5 * 50) and interp.shape == (5 * 50,)
    jd = times.tdb.jd
    for row in t:
        k = int(np.argmin(np.abs(jd - row["time"].tdb.jd)))
        expect = heliocentric_position(str(row["body"]), row["time"]).to_value(u.AU)
        assert np.allclose(path[:, k].to_value(u.AU), expect, atol=1e-9), row["event"]
    # the stays follow the bodies, the cruises are interpolated
    assert interp.sum() == 3 * 50


def test_path_stays_between_earth_and_beyond_ceres():
    _, path, _ = mission.interpolated_path(points_per_leg=100)
    r = np.sqrt((path**2).sum(axis=0)).to_value(u.AU)
    assert r.min() > 0.95 and r.max() < 3.1


def test_path_bad_points():
    with pytest.raises(ValueError, match="points_per_leg"):
        mission.interpolated_path(points_per_leg=1)


@settings(max_examples=40, deadline=None)
@given(
    r0=st.floats(0.8, 3.0),
    r1=st.floats(0.8, 3.0),
    lon0=st.floats(-3.1, 3.1),
    lon1=st.floats(-3.1, 3.1),
    days=st.floats(50, 2000),
)
def test_hermite_polar_matches_both_ends(r0, r1, lon0, lon1, days):
    def state(r, lon):
        w = 0.0172 / r**1.5  # circular angular speed (rad/day), prograde
        pos = np.array([r * np.cos(lon), r * np.sin(lon), 0.01])
        vel = np.array([-r * w * np.sin(lon), r * w * np.cos(lon), 0.0])
        return pos, vel

    s0, s1 = state(r0, lon0), state(r1, lon1)
    p = mission.hermite_polar(0.0, days, s0, s1, np.array([0.0, days / 2, days]))
    assert np.allclose(p[:, 0], s0[0], atol=1e-9)
    assert np.allclose(p[:, -1], s1[0], atol=1e-9)
    assert np.all(np.isfinite(p))


def test_hermite_polar_moves_prograde_and_refuses_backwards_time():
    s0 = (np.array([1.0, 0, 0]), np.array([0, 0.0172, 0]))
    s1 = (np.array([-1.0, 0, 0]), np.array([0, -0.0172, 0]))
    p = mission.hermite_polar(0, 182.6, s0, s1, np.array([91.3]))
    assert p[1, 0] > 0.9  # half way, the point is on the +y side (counter-clockwise)
    with pytest.raises(ValueError, match="end after"):
        mission.hermite_polar(10, 10, s0, s1, np.array([10.0]))


# ------------------------------------------------------------------ science orbits


def test_semi_major_axis_from_altitudes():
    R = fact("ceres.radius")
    a = mission._semi_major_axis_from_altitudes(35 * u.km, 4000 * u.km, R)
    assert a.to_value(u.km) == pytest.approx(469.7 + (35 + 4000) / 2)
    assert mission._semi_major_axis_from_altitudes(1 * u.imperial.mile, 1 * u.imperial.mile, R).to_value(
        u.km
    ) == pytest.approx(469.7 + 1.609344)
    with pytest.raises(ValueError, match="periapsis"):
        mission._semi_major_axis_from_altitudes(4000 * u.km, 35 * u.km, R)
    with pytest.raises(u.UnitsError, match="radius"):
        mission._semi_major_axis_from_altitudes(1 * u.km, 2 * u.km, 470)
    with pytest.raises(ValueError, match="negative"):
        mission._semi_major_axis_from_altitudes(-1 * u.km, 2 * u.km, R)


def test_science_orbits_use_radius_plus_altitude_and_the_ellipse_mean():
    t = mission.science_orbits()
    assert list(t["orbit"]) == ["RC3", "Survey", "HAMO", "LAMO", "XMO7"]
    R, gm = fact("ceres.radius"), fact("ceres.gm")
    survey = t[t["orbit"] == "Survey"][0]
    assert survey["a"].to_value(u.km) == pytest.approx((R + fact("ceres.orbit_survey_altitude")).to_value(u.km))
    xmo7 = t[t["orbit"] == "XMO7"][0]
    a7 = R + (fact("ceres.orbit_xmo7_periapsis") + fact("ceres.orbit_xmo7_apoapsis")) / 2
    assert xmo7["a"].to_value(u.km) == pytest.approx(a7.to_value(u.km))
    for row in t:
        assert row["period"].to_value(u.h) == pytest.approx(orbits.period(row["a"], gm).to_value(u.h))
        if np.isfinite(row["published_period"]):  # Kepler agrees with NASA's rounded periods
            assert row["period"].to_value(u.h) == pytest.approx(row["published_period"].to_value(u.h), rel=0.06)
    assert 3.0 < survey["period"].to_value(u.day) < 3.2
    assert np.all(np.diff(t["a"][:4].value) < 0)  # the circular orbits go down


# ------------------------------------------------------------------ weighing Ceres


@settings(max_examples=50, deadline=None)
@given(a_km=st.floats(100, 1e6), gm=st.floats(1e-3, 1e6))
def test_weighing_inverts_keplers_law(a_km, gm):
    a, mu = a_km * u.km, gm * u.km**3 / u.s**2
    T = orbits.period(a, mu)
    assert mission._gm_from_orbit(a, T).to_value(u.km**3 / u.s**2) == pytest.approx(gm, rel=1e-9)
    assert mission._mass_from_orbit(a, T).to_value(u.kg) == pytest.approx((mu / G).to_value(u.kg), rel=1e-9)


def test_ceres_density_from_gm_and_radius():
    rho = mission._bulk_density(fact("ceres.gm") / G, fact("ceres.radius"))
    assert rho.to_value(GCC) == pytest.approx(2.162, abs=0.005)
    assert rho.to_value(GCC) == pytest.approx(fact("ceres.density").to_value(GCC), abs=0.01)
    # a 1 g/cm3 sphere of radius 1 m has mass 4/3 pi 1000 kg
    assert mission._bulk_density(4 / 3 * np.pi * 1000 * u.kg, 1 * u.m).to_value(GCC) == pytest.approx(1)


def test_weighing_bad_input():
    with pytest.raises(ValueError, match="positive"):
        mission._gm_from_orbit(-1 * u.km, 1 * u.h)
    with pytest.raises(u.UnitsError, match="period"):
        mission._mass_from_orbit(1000 * u.km, 5 * u.km)
    with pytest.raises(ValueError, match="mass"):
        mission._bulk_density(0 * u.kg, 1 * u.km)


@given(phi=st.floats(0, 1), ice=st.floats(0.5, 1.5), extra=st.floats(0.1, 5))
def test_ice_fraction_recovers_the_mix(phi, ice, extra):
    rock = ice + extra
    rho = (phi * ice + (1 - phi) * rock) * GCC
    assert float(mission._ice_fraction(rho, ice * GCC, rock * GCC)) == pytest.approx(phi, abs=1e-9)
    w = float(mission._ice_fraction(rho, ice * GCC, rock * GCC, by="mass"))
    assert w == pytest.approx(phi * ice / rho.value, abs=1e-9)
    assert 0 <= w <= 1 + 1e-12


def test_ice_fraction_for_ceres_and_bad_input():
    phi = mission._ice_fraction(fact("ceres.density"), fact("ice.density"), fact("moon.crust_density"))
    assert 0.3 < float(phi) < 0.5
    with pytest.raises(ValueError, match="smaller than rock"):
        mission._ice_fraction(2 * GCC, 3 * GCC, 1 * GCC)
    with pytest.raises(ValueError, match="by must be"):
        mission._ice_fraction(2 * GCC, 1 * GCC, 3 * GCC, by="weight")
    with pytest.raises(u.UnitsError, match="density"):
        mission._ice_fraction(2 * u.kg, 1 * GCC, 3 * GCC)


# ------------------------------------------------------------------ exercises


def test_exercises_follow_their_inputs():
    from astropy.time import Time

    R, gm, ifov = fact("ceres.radius"), fact("ceres.gm"), fact("fc.ifov")
    launch = Time("2007-09-27 11:34", scale="utc")
    assert _expected_answer("04.1", end=Time("2007-10-07 01:07", scale="utc"), start=launch).to_value(
        u.day
    ) == pytest.approx(9 + (24 - 11 + 1 + (7 - 34) / 60) / 24, abs=1e-6)  # 9 days 13 h 33 min, by hand
    # light time over the Earth-Vesta distance at Vesta arrival, from the ephemerides
    when = Time("2011-07-16 05:00", scale="utc")
    d = np.sqrt(((heliocentric_position("vesta", when) - heliocentric_position("earth", when)) ** 2).sum())
    assert _expected_answer("04.2", body="Vesta", time=when).to_value(u.s) == pytest.approx(
        (d / c).to_value(u.s), rel=1e-9
    )
    # Vesta: a circular orbit of radius R + h around GM = G M
    T = _expected_answer("04.3", altitude=673 * u.km, radius=262.7 * u.km, mass=2.590271e20 * u.kg)
    a = (262.7 + 673) * 1e3
    assert T.to_value(u.s) == pytest.approx(2 * np.pi * np.sqrt(a**3 / (G.value * 2.590271e20)), rel=1e-9)
    # density from an orbit whose period is exactly Kepler's: gives back the JPL density
    a = R + 385 * u.km
    T = orbits.period(a, gm)
    rho = _expected_answer("04.6", altitude=385 * u.km, period=T, radius=R)
    assert rho.to_value(GCC) == pytest.approx(mission._bulk_density(gm / G, R).to_value(GCC), rel=1e-9)
    # ice share by volume: (2.97 - 2.16) / (2.97 - 0.92)
    assert _expected_answer(
        "04.7", density=2.16 * GCC, ice_density=0.92 * GCC, rock_density=2.97 * GCC
    ) == pytest.approx(0.81 / 2.05, rel=1e-9)
    # Ceres' diameter in pixels from 146,000 km with 93.7 urad, by hand
    n = _expected_answer("04.4", radius=469.7 * u.km, distance=146000 * u.km, ifov=ifov)
    assert n == pytest.approx(939.4 / (146000 * 93.7e-6), rel=1e-9)
    h = _expected_answer("04.5", size=10 * u.km, n_pixels=100, ifov=ifov)
    assert h.to_value(u.km) == pytest.approx(0.1 / 93.7e-6, rel=1e-9)
    assert _expected_answer("04.5", size=10 * u.km, n_pixels=50, ifov=ifov).to_value(u.km) == pytest.approx(
        2 * h.to_value(u.km)
    )


@pytest.mark.parametrize(
    "exercise, inputs, wrong, words",
    [
        ("04.1", {"end": "2007-10-07 01:07", "start": "2007-09-27 11:34"}, 10 * u.day, "calendar days"),
        ("04.2", {"body": "Vesta", "time": "2011-07-16 05:00"}, 20.9 * u.min, "one way"),
        ("04.2", {"body": "Vesta", "time": "2011-07-16 05:00"}, 18.5 * u.min, "from the Sun"),
        ("04.3", {"altitude": 673 * u.km, "radius": 262.7 * u.km, "mass": 2.590271e20 * u.kg}, 7.33 * u.h, "surface"),
        ("04.3", {"altitude": 673 * u.km, "radius": 262.7 * u.km, "mass": 2.590271e20 * u.kg}, 17.4 * u.h, "diameter"),
        ("04.6", {"altitude": 385 * u.km, "period": 5.4 * u.h, "radius": 469.7 * u.km}, 0.206 * GCC, "centre"),
        ("04.6", {"altitude": 385 * u.km, "period": 5.4 * u.h, "radius": 469.7 * u.km}, 2.16 * GCC, "tracking"),
        ("04.6", {"altitude": 385 * u.km, "period": 5.4 * u.h, "radius": 469.7 * u.km}, 0.281 * GCC, "volume"),
        ("04.7", {"density": 2.16 * GCC, "ice_density": 0.92 * GCC, "rock_density": 2.97 * GCC}, 0.605, "rock"),
        ("04.7", {"density": 2.16 * GCC, "ice_density": 0.92 * GCC, "rock_density": 2.97 * GCC}, 0.168, "mass"),
        ("04.4", {"radius": 469.7 * u.km, "distance": 146000 * u.km, "ifov": 93.7 * u.urad}, 34.3, "diameter"),
        ("04.5", {"size": 10 * u.km, "n_pixels": 100, "ifov": 93.7 * u.urad}, 106700 * u.km, "one pixel"),
    ],
)
def test_likely_mistakes_get_their_hint(exercise, inputs, wrong, words):
    from astropy.time import Time

    inputs = {k: Time(v, scale="utc") if k in ("time", "start", "end") else v for k, v in inputs.items()}
    res = check(exercise, wrong, **inputs)
    assert res.status == "incorrect" and words in res.message, res


def test_density_check_tells_the_orbits_apart():
    # a density weighed from another orbit (XMO7: 2.22) must not pass for LAMO's (2.25)
    R, lamo = fact("ceres.radius"), {"altitude": 385 * u.km, "period": 5.4 * u.h}
    good = _expected_answer("04.6", radius=R, **lamo)
    assert check("04.6", round(good.to_value(GCC), 2) * GCC, radius=R, **lamo).ok
    assert not check("04.6", 2.22 * GCC, radius=R, **lamo).ok
    assert not check("04.6", fact("ceres.density"), radius=R, **lamo).ok


def test_titles_follow_the_inputs():
    from astropy.time import Time

    t = Time("2015-06-06", scale="utc")
    assert "Survey orbit" in str(check("04.1", ..., end=t, start=t, phase="approach to the Survey orbit"))
    assert "near Mars (Mars flyby)" in str(check("04.2", ..., body="Mars", time=t, event="Mars flyby"))
    assert "146,000 km" in str(check("04.4", ..., radius=1 * u.km, distance=146000 * u.km, ifov=1 * u.urad))


def test_exercise_checks_refuse_wrong_answers():
    arrival = {"body": "Ceres", "time": fact("dawn.ceres_arrival")}
    good = _expected_answer("04.2", **arrival)
    assert check("04.2", good, **arrival).ok
    assert not check("04.2", good * 3, **arrival).ok
    assert check("04.2", 27.7, **arrival).status == "invalid"  # no unit


def test_plot_positions_legend_names_each_body_shape():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    table = mission.timeline()
    fig, ax = plt.subplots()
    mission.plot_positions(ax, table, mission.milestone_positions(table, ("earth", "ceres")))
    labels = [line.get_label() for line in ax.get_lines() if not line.get_label().startswith("_")]
    # the shape backs up the colour, and the two blues are named
    assert labels == ["Sun", "Earth (light blue, circles)", "Ceres (dark blue, hexagons)"]
    plt.close(fig)


def test_plot_densities_marks_each_density_and_the_two_bands():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    rho = {
        "water ice": 0.92 * u.g / u.cm**3,
        "Ceres": 2.16 * u.g / u.cm**3,
        "crust": 2970 * u.kg / u.m**3,  # any density unit
        "the Moon": 3.34 * u.g / u.cm**3,
    }
    fig, ax = plt.subplots()
    mission.plot_densities(ax, rho, "water ice", ("crust", "the Moon"))
    xs = [line.get_xdata()[0] for line in ax.get_lines()]
    assert xs == pytest.approx([0.92, 2.16, 2.97, 3.34])
    assert len({line.get_marker() for line in ax.get_lines()}) == 4  # shapes, not colour alone
    assert [t.get_text() for t in ax.texts] == ["water ice", "Ceres", "crust", "the Moon", "rock"]
    grey, hatched = ax.patches
    assert grey.get_x() == pytest.approx(0.92) and grey.get_width() == pytest.approx(2.05)
    assert hatched.get_x() == pytest.approx(2.97) and hatched.get_width() == pytest.approx(0.37)
    with pytest.raises(ValueError, match="'basalt' is not one of the densities"):
        mission.plot_densities(ax, rho, "water ice", ("basalt", "the Moon"))
    with pytest.raises(u.UnitsError):
        mission.plot_densities(ax, {"ice": 0.92 * u.km, "crust": 2.97 * u.g / u.cm**3}, "ice", ("crust", "crust"))
    plt.close(fig)
