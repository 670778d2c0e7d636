"""Kepler's laws and equation, resonances, vis-viva, elements <-> vectors and two-body propagation (utils.orbits)."""

from __future__ import annotations

import astropy.units as u
import numpy as np
import pytest
from astropy.time import Time
from hypothesis import given, settings
from hypothesis import strategies as st

from utils import orbits
from utils.data import load_catalogue
from utils.ephemeris import heliocentric_position, heliocentric_velocity

EPS = np.finfo(float).eps


# ---------------------------------------------------------------- Kepler's equation


@settings(max_examples=500, deadline=None)
@given(st.floats(-1e3, 1e3), st.floats(0, 0.99))
def test_kepler_residual_near_machine_precision(M, e):
    E = orbits.solve_kepler(M * u.rad, e).to_value(u.rad)
    # the residual cannot be smaller than the rounding of E and M themselves
    assert abs(E - e * np.sin(E) - M) <= 8 * EPS * max(1.0, abs(M))


@settings(max_examples=200, deadline=None)
@given(st.floats(-np.pi, np.pi), st.floats(0, 0.99))
def test_kepler_is_monotonic_and_continuous(M, e):
    # E - M = e sin E, so |E - M| <= e, and E has the sign of M on [-pi, pi]
    E = orbits.solve_kepler(M, e).to_value(u.rad)
    assert abs(E - M) <= e + 1e-15
    assert np.sign(E) == np.sign(M) or abs(M) < 1e-300


def test_kepler_hard_corner_e099_near_perihelion():
    M = np.concatenate([np.geomspace(1e-12, 1e-1, 200), -np.geomspace(1e-12, 1e-1, 200)])
    E = orbits.solve_kepler(M * u.rad, 0.99).to_value(u.rad)
    assert np.max(np.abs(E - 0.99 * np.sin(E) - M)) < 1e-15
    # Near M = 0 the equation becomes E^3 / 6 + 0.01 E = M: E is far larger than M.
    assert np.all(np.abs(E) > np.abs(M))


def test_kepler_degrees_and_broadcasting():
    E_deg = orbits.solve_kepler(90 * u.deg, 0.1)
    E_rad = orbits.solve_kepler(np.pi / 2, 0.1)
    assert E_deg.to_value(u.rad) == pytest.approx(E_rad.to_value(u.rad), rel=1e-15)
    E = orbits.solve_kepler(np.zeros((4, 1)) + 1.0, np.linspace(0, 0.9, 3))
    assert E.shape == (4, 3)
    assert orbits.solve_kepler(1.0, 0.0).to_value(u.rad) == pytest.approx(1.0, abs=1e-15)


@pytest.mark.parametrize("e", [1.0, 1.2, -0.01, np.nan, np.inf, [0.1, 1.0]])
def test_kepler_rejects_non_elliptic_eccentricity(e):
    with pytest.raises(ValueError, match="eccentricity"):
        orbits.solve_kepler(1 * u.rad, e)


def test_kepler_rejects_bad_units_and_values():
    with pytest.raises(u.UnitsError, match="angle"):
        orbits.solve_kepler(1 * u.km, 0.1)
    with pytest.raises(u.UnitsError, match="plain number"):
        orbits.solve_kepler(1 * u.rad, 0.1 * u.deg)
    with pytest.raises(ValueError, match="finite"):
        orbits.solve_kepler(np.nan, 0.1)
    with pytest.raises(ValueError, match="mean anomaly"):
        orbits.solve_kepler("one", 0.1)
    with pytest.raises(ValueError, match="eccentricity"):
        orbits.solve_kepler(1.0, "big")


# ---------------------------------------------------------------- elements and vectors

elements = st.fixed_dictionaries(
    {
        "a": st.floats(0.3, 40),
        "e": st.floats(0.0, 0.95),
        "i": st.floats(0.5, 179.5),
        "node": st.floats(0, 360),
        "peri": st.floats(0, 360),
        "M": st.floats(0, 360),
    }
)


@settings(max_examples=200, deadline=None)
@given(elements)
def test_elements_state_round_trip(el):
    r, v = orbits._state_from_elements(
        el["a"] * u.AU, el["e"], el["i"] * u.deg, el["node"] * u.deg, el["peri"] * u.deg, el["M"] * u.deg
    )
    back = orbits.elements_from_state(r, v)
    assert back["a"].to_value(u.AU) == pytest.approx(el["a"], rel=1e-9)
    assert back["e"] == pytest.approx(el["e"], abs=1e-9)
    assert back["i"].to_value(u.deg) == pytest.approx(el["i"], abs=1e-7)
    # the position is what matters; angles can be ill-defined when e ~ 0
    r2 = orbits._position_from_elements(back["a"], back["e"], back["i"], back["node"], back["peri"], back["M"])
    assert np.allclose(r2.to_value(u.AU), r.to_value(u.AU), atol=1e-9 * el["a"])


@settings(max_examples=100, deadline=None)
@given(elements)
def test_energy_and_angular_momentum_match_vis_viva(el):
    a = el["a"] * u.AU
    r, v = orbits._state_from_elements(
        a, el["e"], el["i"] * u.deg, el["node"] * u.deg, el["peri"] * u.deg, el["M"] * u.deg
    )
    speed = np.sqrt((v**2).sum())
    rn = np.sqrt((r**2).sum())
    assert speed.to_value(u.km / u.s) == pytest.approx(orbits._vis_viva_speed(rn, a).to_value(u.km / u.s), rel=1e-10)
    assert el["a"] * (1 - el["e"]) * (1 - 1e-12) <= rn.to_value(u.AU) <= el["a"] * (1 + el["e"]) * (1 + 1e-12)


@pytest.mark.parametrize("e, i", [(0.0, 74.0), (0.0, 0.0), (0.3, 0.0)])
def test_round_trip_for_circular_and_flat_orbits(e, i):
    r, v = orbits._state_from_elements(3 * u.AU, e, i * u.deg, 40 * u.deg, 256 * u.deg, 0.05 * u.deg)
    back = orbits.elements_from_state(r, v)
    r2 = orbits._position_from_elements(back["a"], back["e"], back["i"], back["node"], back["peri"], back["M"])
    assert np.allclose(r2.to_value(u.AU), r.to_value(u.AU), atol=1e-9)


def test_inclination_lifts_the_orbit_out_of_the_ecliptic():
    xyz = orbits._orbit_path(2 * u.AU, 0.0, 30 * u.deg, 0 * u.deg, 0 * u.deg, n=721).to_value(u.AU)
    assert xyz[2].max() == pytest.approx(2 * np.sin(np.radians(30)), rel=1e-5)
    assert np.allclose(xyz[:, 0], xyz[:, -1])
    flat = orbits._orbit_path(2 * u.AU, 0.5).to_value(u.AU)
    assert np.all(flat[2] == 0) and flat[0].min() == pytest.approx(-3.0)


def test_sector_area_second_law():
    a, e = 3 * u.AU, 0.6
    ellipse = np.pi * a**2 * np.sqrt(1 - e**2)
    t = np.linspace(0, 1, 13)
    areas = []
    for t0, t1 in zip(t[:-1], t[1:], strict=True):
        M = np.linspace(t0, t1, 400) * 2 * np.pi * u.rad
        r = orbits._position_from_elements(a, e, 0 * u.deg, 0 * u.deg, 0 * u.deg, M)
        areas.append(orbits.sector_area(r[0], r[1]) / ellipse)
    assert np.allclose(u.Quantity(areas).to_value(u.one), 1 / 12, rtol=1e-4)


def test_bad_inputs_give_clear_messages():
    with pytest.raises(u.UnitsError, match="i"):
        orbits._state_from_elements(1 * u.AU, 0.1, 10, 0 * u.deg, 0 * u.deg, 0 * u.deg)
    with pytest.raises(ValueError, match="eccentricity"):
        orbits._orbit_path(1 * u.AU, 1.0)
    with pytest.raises(ValueError, match="at least 3"):
        orbits._orbit_path(1 * u.AU, 0.1, n=2)
    with pytest.raises(ValueError, match="bound"):
        orbits.elements_from_state([1, 0, 0] * u.AU, [0, 50, 0] * u.km / u.s)
    with pytest.raises(ValueError, match="shape"):
        orbits.elements_from_state([1, 0] * u.AU, [0, 30] * u.km / u.s)
    with pytest.raises(ValueError, match="missing"):
        orbits.propagate({"a": 1 * u.AU}, Time("2020-01-01"))
    with pytest.raises(TypeError, match="Time"):
        el = dict(a=1 * u.AU, e=0.0, i=0 * u.deg, node=0 * u.deg, peri=0 * u.deg, M=0 * u.deg, epoch="2020")
        orbits.propagate(el, Time("2020-01-01"))
    with pytest.raises(ValueError, match="1-D"):
        orbits.sector_area([1] * u.AU, [0] * u.AU)


# ---------------------------------------------------------------- against the JPL ephemeris


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue()


@pytest.mark.parametrize("body, name", [("ceres", "Ceres"), ("vesta", "Vesta")])
def test_catalogue_elements_match_ephemeris_at_epoch(catalogue, body, name):
    el = orbits.elements_from_catalogue(catalogue[catalogue["name"] == name][0])
    r_eph = heliocentric_position(body, el["epoch"])
    r_kep = orbits.propagate(el, el["epoch"])
    # same frame (ecliptic J2000) and same instant: agreement to a few hundred km
    assert np.linalg.norm((r_kep - r_eph).to_value(u.km)) < 1000
    # and the ephemeris' own state gives back the catalogue's elements
    back = orbits.elements_from_state(r_eph, heliocentric_velocity(body, el["epoch"]))
    assert back["a"].to_value(u.AU) == pytest.approx(el["a"].to_value(u.AU), rel=1e-5)
    assert back["i"].to_value(u.deg) == pytest.approx(el["i"].to_value(u.deg), abs=1e-4)


def test_two_body_error_grows_away_from_epoch(catalogue):
    el = orbits.elements_from_catalogue(catalogue[catalogue["name"] == "Ceres"][0])
    years = np.array([0.1, 1, 8])
    t = el["epoch"] - years * u.yr
    err = np.linalg.norm((orbits.propagate(el, t) - heliocentric_position("ceres", t)).to_value(u.km), axis=0)
    assert err[0] < err[1] < err[2]
    assert err[2] > 1e5  # perturbations matter over years: far beyond the ephemeris' accuracy


@pytest.mark.parametrize("body, name", [("ceres", "Ceres"), ("vesta", "Vesta")])
def test_two_body_error_is_along_the_orbit_with_a_drift_set_by_the_period(catalogue, body, name):
    # What lesson 02 explains: the difference lies mostly along the orbit, and its straight-line part
    # is the mismatch between the two-body period and the real average (sidereal) period.
    el = orbits.elements_from_catalogue(catalogue[catalogue["name"] == name][0])
    t = Time(
        np.arange(Time("2000-01-02", scale="tdb").mjd, Time("2030-12-30", scale="tdb").mjd, 5.0),
        format="mjd",
        scale="tdb",
    )
    r, v = heliocentric_position(body, t), heliocentric_velocity(body, t)
    diff = (orbits.propagate(el, t) - r).to_value(u.km)
    vhat = (v / np.sqrt((v**2).sum(axis=0))).to_value(u.one)
    along = (diff * vhat).sum(axis=0)
    assert np.sqrt(np.mean(along**2)) > 0.9 * np.sqrt(np.mean((diff**2).sum(axis=0)))
    years = (t - el["epoch"]).to_value(u.yr)
    slope = np.polyfit(years, along, 1)[0]  # km per year
    turns = np.unwrap(np.arctan2(r[1], r[0]).to_value(u.rad)) / (2 * np.pi)
    whole = np.arange(np.ceil(turns[0]), np.floor(turns[-1]) + 1)
    T_real = np.diff(np.interp(whole, turns, t.mjd)).mean() * u.day
    expected = (el["a"] * 2 * np.pi * (1 / orbits.period(el["a"]) - 1 / T_real)).to_value(u.km / u.yr)
    assert slope == pytest.approx(expected, abs=0.05e6)  # to 50,000 km per year
    if name == "Ceres":
        assert slope > 1e5  # the model gains on the real Ceres by over 100,000 km a year


@pytest.mark.parametrize("body", ["ceres", "vesta"])
def test_osculating_a_wobbles_mostly_twice_per_synodic_period(body):
    # What lesson 02 states and prints: the osculating a peaks about every half synodic period with Jupiter
    # (Ceres laps Jupiter every ~7.5 yr, Vesta every ~5.2 yr), and that half-period term is the largest.
    t = Time(
        np.arange(Time("2000-01-02", scale="tdb").mjd, Time("2030-12-30", scale="tdb").mjd, 5.0),
        format="mjd",
        scale="tdb",
    )
    years = (t - t[0]).to_value(u.yr)

    def sidereal(name):
        turns = np.unwrap(np.arctan2(*heliocentric_position(name, t)[1::-1].to_value(u.AU))) / (2 * np.pi)
        whole = np.arange(np.ceil(turns[0]), np.floor(turns[-1]) + 1)
        return np.diff(np.interp(whole, turns, years)).mean()

    lap = 1 / (1 / sidereal(body) - 1 / sidereal("jupiter"))  # synodic period, years
    a = orbits.elements_from_state(heliocentric_position(body, t), heliocentric_velocity(body, t))["a"].to_value(u.AU)
    bump = np.diff(years[orbits.peak_indices(a, 73)]).mean()  # peaks at least a year (73 x 5 days) apart
    assert bump == pytest.approx(lap / 2, rel=0.1)
    swing = {k: abs(np.mean((a - a.mean()) * np.exp(2j * np.pi * k * years / lap))) for k in (1, 2, 3)}
    assert swing[2] > 2 * swing[1] and swing[2] > swing[3]


def test_planet_period_from_ephemeris_elements():
    t = Time("2022-08-09", scale="tdb")
    el = orbits.elements_from_state(heliocentric_position("earth", t), heliocentric_velocity("earth", t))
    # The Earth (not the Earth-Moon barycentre) wobbles by ~12 m/s around the barycentre each
    # month, which moves its osculating a by up to ~1e-3 of itself.
    assert el["a"].to_value(u.AU) == pytest.approx(1.0, abs=1.5e-3)
    assert orbits.period(el["a"]).to_value(u.yr) == pytest.approx(1.0, abs=2.5e-3)
    assert el["i"].to_value(u.deg) < 0.01  # the ecliptic is Earth's orbital plane


# ---------------------------------------------------------------- lesson 02 exercises follow their inputs


def test_lesson02_exercises_compute_from_inputs():
    from utils.checks import _expected_answer

    # the aphelion Q = a(1 + e), worked by hand: 2 AU x 1.25 = 2.5 AU
    assert _expected_answer("02.1", a=2 * u.AU, e=0.25).to_value(u.AU) == pytest.approx(2.5)
    # the third law solved for a: 1 yr -> 1 AU, 8 yr -> 4 AU (a^3 = T^2 in AU and years)
    assert _expected_answer("02.3", T=1 * u.yr).to_value(u.AU) == pytest.approx(1.0, abs=1e-3)
    assert _expected_answer("02.3", T=8 * u.yr).to_value(u.AU) == pytest.approx(4.0, rel=1e-3)
    # with e = 0, one step lands on E = M exactly (plain numbers are radians)
    assert _expected_answer("02.4", M=1.0, e=0.0, E0=0.0, steps=1) == pytest.approx(1.0)
    # two steps by hand from E0 = M = pi/2 at e = 0.5: E1 = pi/2 + 0.5, then E2 = E1 - f(E1) / f'(E1)
    E1 = np.pi / 2 + 0.5
    E2 = E1 - (E1 - 0.5 * np.sin(E1) - np.pi / 2) / (1 - 0.5 * np.cos(E1))
    for M, E0 in ((np.pi / 2, np.pi / 2), (90 * u.deg, 90 * u.deg)):  # angles may carry units
        assert _expected_answer("02.4", M=M, e=0.5, E0=E0, steps=2) == pytest.approx(E2, abs=1e-12)
    # many steps converge on the root of Kepler's equation
    E = _expected_answer("02.4", M=np.pi / 2, e=0.5, E0=0.0, steps=12)
    assert E - 0.5 * np.sin(E) == pytest.approx(np.pi / 2, abs=1e-12)
    # the second exercise: e = (Q - q) / (Q + q), worked by hand: q = 2 AU, Q = 4 AU -> e = 1/3
    assert _expected_answer("02.2", q=2 * u.AU, Q=4 * u.AU) == pytest.approx(1 / 3)
    assert _expected_answer("02.9", e=0.0).to_value(u.one) == pytest.approx(1.0)
    assert _expected_answer("02.9", e=0.5).to_value(u.one) == pytest.approx(3.0)
    t, t_end = Time("2012-09-05"), Time("2015-03-06")
    d = _expected_answer("02.11", date=t, arrival=t_end)  # Vesta on the first date to Ceres on the second
    diff = heliocentric_position("ceres", t_end) - heliocentric_position("vesta", t)
    assert d.to_value(u.AU) == pytest.approx(float(np.sqrt((diff**2).sum()).to_value(u.AU)))


def test_lesson02_checks_refuse_wrong_answers_and_bad_inputs():
    import utils

    assert utils.check("02.1", 2.5 * u.AU, a=2 * u.AU, e=0.25).ok
    assert "perihelion" in utils.check("02.1", 1.5 * u.AU, a=2 * u.AU, e=0.25, name="Hygiea").message
    assert "Hygiea" in utils.check("02.1", ..., a=2 * u.AU, e=0.25, name="Hygiea").name
    assert utils.check("02.3", 2.77 * u.AU, T=4.61 * u.yr).ok
    assert not utils.check("02.3", 2.77 * u.km, T=4.61 * u.yr).ok
    assert "2 pi" in utils.check("02.3", 2.77 * (2 * np.pi) ** (2 / 3) * u.AU, T=4.61 * u.yr).message
    kw4 = dict(M=1.0, e=0.9, E0=1.0, steps=2)
    two_steps = utils.checks._expected_answer("02.4", **kw4)
    assert utils.check("02.4", round(two_steps, 6), **kw4).ok  # six decimals suffice
    assert not utils.check("02.4", round(two_steps, 4), **kw4).ok  # four do not
    one_step = 1 + 0.9 * np.sin(1.0) / (1 - 0.9 * np.cos(1.0))  # E1, a step short
    assert "step 0" in utils.check("02.4", one_step, **kw4).message
    assert "degrees" in utils.check("02.4", np.degrees(two_steps), **kw4).message
    assert utils.check("02.4", two_steps, **(kw4 | {"steps": 0})).status == "invalid"
    assert utils.check("02.2", 1 / 3, q=2 * u.AU, Q=4 * u.AU).ok
    for wrong, words in ((2 / 3, "not by Q"), (2.0, "not by q"), (1 / 3, "circle")):  # q = 1 AU, Q = 3 AU: e = 0.5
        assert words in utils.check("02.2", wrong, q=1 * u.AU, Q=3 * u.AU).message
    assert utils.check("02.2", 0.2, q=4 * u.AU, Q=2 * u.AU).status == "invalid"  # Q below q is explained
    assert "e = 0.9" in utils.check("02.4", ..., M=1.0, e=0.9, E0=1.0, steps=2).name
    t8 = Time("2015-03-06")
    pull = utils.checks._expected_answer("02.10", date=t8)
    assert utils.check("02.10", pull, date=t8).ok and 1e-5 < pull < 1e-3  # a small fraction of the Sun's pull
    assert "Jupiter's pull on top" in utils.check("02.10", 1 / pull, date=t8).message
    assert utils.check("02.10", "Jupiter", date=t8).status != "correct"
    assert utils.check("02.9", 2.0, e=1.5).status == "invalid"  # an impossible input is explained
    assert "aphelion over perihelion" in utils.check("02.9", 1 / 3, e=0.5).message
    assert utils.check("02.4", 1.0, M=1 * u.km, e=0.5, E0=1.0, steps=2).status == "invalid"  # M in a wrong unit
    t, t_end = Time("2012-09-05"), Time("2015-03-06")
    r_v, r_c = heliocentric_position("vesta", t), heliocentric_position("ceres", t_end)
    radial = abs(np.sqrt((r_v**2).sum()) - np.sqrt((r_c**2).sum()))
    assert "position vectors" in utils.check("02.11", radial, date=t, arrival=t_end).message


# ---------------------------------------------------------------- lesson 02's figures


def test_orbits_to_scale_draws_each_body_and_labels_only_inclined_ones_edge_on():
    epoch = Time("2015-06-01", scale="tdb")
    flat = {"a": 1.0 * u.AU, "e": 0.02, "i": 0.5 * u.deg, "node": 0 * u.deg, "peri": 0 * u.deg, "M": 0 * u.deg}
    tilted = flat | {"a": 2.8 * u.AU, "e": 0.08, "i": 10 * u.deg, "node": 80 * u.deg}
    fig = orbits.plot_orbits_to_scale({"Earth": flat | {"epoch": epoch}, "Ceres": tilted | {"epoch": epoch}})
    top, side = fig.axes
    assert [t.get_text() for t in top.texts] == ["Earth", "Ceres"]
    assert [t.get_text() for t in side.texts] == ["Ceres"]  # the planet's label stays clear of the Sun
    side_height = max(abs(line.get_ydata()).max() for line in side.lines)
    # with the perihelion on the node, the orbit is highest 90 degrees on, at r = a(1 - e^2)
    assert side_height == pytest.approx(2.8 * (1 - 0.08**2) * np.sin(np.radians(10)), rel=0.01)
    with pytest.raises(TypeError, match="elements"):
        orbits.plot_orbits_to_scale([])
    with pytest.raises(ValueError, match="elements"):
        orbits.plot_orbits_to_scale({"Earth": {"a": 1 * u.AU}})


def test_eccentric_anomaly_sketch_puts_the_body_on_the_ellipse_below_its_point_on_the_circle():
    import matplotlib.pyplot as plt

    e, E = 0.6, 115 * u.deg
    fig = orbits.plot_eccentric_anomaly(e=e, E=E)
    ax = fig.axes[0]
    lines = {line.get_gid(): np.column_stack(line.get_data()) for line in ax.lines if line.get_gid()}
    patches = {patch.get_gid(): patch for patch in ax.patches}
    (bx, by), (px, py), (sx, sy) = lines["body"][0], lines["circle point"][0], lines["sun"][0]
    assert (bx / 1) ** 2 + (by / np.sqrt(1 - e**2)) ** 2 == pytest.approx(1)  # the body is on the ellipse
    assert px == pytest.approx(bx) and np.hypot(px, py) == pytest.approx(1)  # same x, on the circle (radius a)
    assert (sx, sy) == pytest.approx((e, 0))  # the Sun at the focus, a e from the centre
    assert np.degrees(np.arctan2(py, px)) == pytest.approx(E.to_value(u.deg))  # the drawn angle at the centre is E
    assert lines["radius to E"][-1] == pytest.approx((px, py))
    arc_E, arc_nu = patches["E arc"], patches["nu arc"]
    assert (arc_E.center, arc_E.theta1, arc_E.theta2) == ((0, 0), 0, pytest.approx(115))
    nu = np.degrees(np.arctan2(by - sy, bx - sx))  # the true anomaly: the body's direction seen from the Sun
    assert arc_nu.theta2 == pytest.approx(nu) and arc_nu.center == pytest.approx((e, 0))
    assert min(t.get_fontsize() for t in ax.texts) >= 9
    plt.close(fig)
    for bad, match in (({"e": 1.2}, "eccentricity"), ({"e": 0.05}, "between 0.2 and 0.9"), ({"E": 200 * u.deg}, "E")):
        with pytest.raises(ValueError, match=match):
            orbits.plot_eccentric_anomaly(**bad)
    with pytest.raises(u.UnitsError):
        orbits.plot_eccentric_anomaly(E=2 * u.km)


def test_second_law_figure_sweeps_equal_areas_and_describes_the_slice():
    law = orbits.SecondLawFigure({"a": 2.0 * u.AU, "e": 0.6}, "test body")
    assert law.slice_days == law.period / 12
    shares, arcs = law.all_slices()
    assert shares == pytest.approx(np.full(12, 1 / 12), abs=2e-4)
    assert arcs.max() / arcs.min() > 3  # much more ground near perihelion
    half = float((law.period / 2 - law.slice_days / 2).to_value(u.day))
    assert law.update(half) == pytest.approx([1 / 12, 1 / 12], abs=2e-4)
    assert "near aphelion" in law.alt and f"day {half:.0f}" in law.ax.get_title()
    law.update(0)
    assert "near perihelion" in law.alt and "overlaps the teal slice" in law.alt
    assert law.png()[:4] == b"\x89PNG"
    with pytest.raises(ValueError, match="day"):
        law.update(-5)
    with pytest.raises(ValueError, match="e"):
        orbits.SecondLawFigure({"a": 2.0 * u.AU, "e": 1.0}, "test body")


def test_third_law_plot_shows_catalogue_fit_and_measured_bodies():
    a = [1.0, 2.0, 4.0] * u.AU
    T = orbits.period(a).to(u.yr)
    measured = {"earth": {"a": 1 * u.AU, "T": 1 * u.yr}, "vesta": {"a": 2.36 * u.AU, "T": 3.63 * u.yr}}
    fig = orbits.plot_third_law(a, T, measured, fit=(1.5, 0.0))
    (ax,) = fig.axes
    assert ax.get_xscale() == ax.get_yscale() == "log"
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend[0].startswith("JPL catalogue, 3 small bodies") and "slope 1.500" in legend[1]
    assert [t.get_text() for t in ax.texts] == ["Earth", "Vesta"]
    with pytest.raises(ValueError, match="same"):
        orbits.plot_third_law(a, T[:2], measured, fit=(1.5, 0.0))
    with pytest.raises(ValueError, match="measured"):
        orbits.plot_third_law(a, T, {"earth": {"a": 1 * u.AU}}, fit=(1.5, 0.0))


def test_distance_from_sun_plot_follows_the_two_body_orbit():
    epoch = Time("2015-06-01", scale="tdb")
    el = {"a": 2.0 * u.AU, "e": 0.5, "i": 0 * u.deg, "node": 0 * u.deg, "peri": 0 * u.deg, "M": 0 * u.deg}
    times = epoch + np.linspace(0, 1, 50) * orbits.period(2.0 * u.AU)
    fig = orbits.plot_distance_from_sun({"Ceres": el | {"epoch": epoch}, "odd one": el | {"epoch": epoch}}, times)
    (ax,) = fig.axes
    ceres, other = ax.lines
    assert ceres.get_ydata()[0] == pytest.approx(1.0) and max(ceres.get_ydata()) == pytest.approx(3.0, rel=1e-3)
    assert other.get_linestyle() == "--"  # not a body with a colour of its own
    with pytest.raises(TypeError, match="times"):
        orbits.plot_distance_from_sun({"Ceres": el | {"epoch": epoch}}, epoch)


def test_two_body_error_plot_is_logarithmic_with_the_epoch_marked():
    times = Time(["2015-01-01", "2016-01-01", "2017-01-01"], scale="tdb")
    fig = orbits.plot_two_body_error(times, {"Vesta": [50.0, 1e4, 1e6] * u.km}, times[0])
    (ax,) = fig.axes
    assert ax.get_yscale() == "log"
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["Vesta", "epoch of the elements"]
    epoch_line = ax.get_lines()[-1]
    assert epoch_line.get_linestyle() == "-"  # solid, unlike the bodies' dashed and dotted lines
    assert epoch_line.get_linestyle() not in {line.get_linestyle() for line in ax.get_lines()[:-1]}
    with pytest.raises(ValueError, match="dates"):
        orbits.plot_two_body_error(times, {"Vesta": [50.0, 1e4] * u.km}, times[0])


def test_earth_ceres_plot_marks_the_closest_day_and_the_arrival():
    times = Time(["2014-01-01", "2016-01-01", "2018-10-31"], scale="utc")
    fig = orbits.plot_earth_ceres(
        times, [3.0, 2.0, 4.0] * u.AU, (times[1], 2.0 * u.AU), (Time("2015-03-06"), 2.5 * u.AU)
    )
    (ax,) = fig.axes
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["Earth-Ceres distance", "closest, 2016-01-01", "Dawn arrives at Ceres, 2015-03-06"]
    assert ax.get_title() == "How far Ceres was from Earth, 2014 to 2018-10"
    with pytest.raises(TypeError, match="arrival"):
        orbits.plot_earth_ceres(times, [3.0, 2.0, 4.0] * u.AU, (times[1], 2.0 * u.AU), Time("2015-03-06"))


def test_peak_indices_agree_with_scipy_find_peaks():
    from scipy.signal import find_peaks

    rng = np.random.default_rng(2)
    for n, sep in [(50, 1), (300, 7), (1000, 73)]:
        v = np.cumsum(rng.normal(size=n)) + 3 * np.sin(np.arange(n) / 9)
        assert orbits.peak_indices(v, sep).tolist() == find_peaks(v, distance=sep)[0].tolist()


@pytest.mark.parametrize(
    "values, sep", [([1, 2], 1), ([[1, 2, 3]], 1), ([1, np.nan, 2], 1), ([1, 2, 1], 0), ([1, 2, 1], 1.5)]
)
def test_peak_indices_refuse_bad_input(values, sep):
    with pytest.raises(ValueError, match="values must|min_separation must"):
        orbits.peak_indices(values, sep)
