"""Shared two-body and camera helpers."""
from __future__ import annotations

import astropy.units as u
import numpy as np
import pytest
from astropy.constants import GM_sun
from hypothesis import given, settings, strategies as st

from utils import camera, orbits


def test_earth_year_and_kepler_inverse():
    assert orbits.period(1 * u.AU).to_value(u.yr) == pytest.approx(1.0, rel=1e-3)
    a = orbits.semi_major_axis(orbits.period(2.77 * u.AU))
    assert a.to_value(u.AU) == pytest.approx(2.77, rel=1e-12)


def test_period_around_another_body():
    # a 1-day circular orbit with mu = 4 pi^2 r^3 / T^2
    r, T = 1000 * u.km, 1 * u.day
    mu = (4 * np.pi**2 * r**3 / T**2).to(u.km**3 / u.s**2)
    assert orbits.period(r, mu=mu).to_value(u.day) == pytest.approx(1.0)


@pytest.mark.parametrize("p, q, where", [(4, 1, 2.065), (3, 1, 2.501), (5, 2, 2.824), (7, 3, 2.957), (2, 1, 3.277)])
def test_kirkwood_resonances(p, q, where):
    assert orbits.resonance_location(5.2026 * u.AU, p, q).to_value(u.AU) == pytest.approx(where, abs=1e-3)


@pytest.mark.parametrize("p, q", [(1, 3), (3, 3), (2.5, 1), (0, 1), (True, 1)])
def test_resonance_rejects_bad_ratios(p, q):
    with pytest.raises(ValueError):
        orbits.resonance_location(5.2 * u.AU, p, q)


def test_vis_viva():
    v = orbits.vis_viva_speed(1 * u.AU, 1 * u.AU)
    assert v.to_value(u.km / u.s) == pytest.approx(np.sqrt(GM_sun / u.AU).to_value(u.km / u.s))
    with pytest.raises(ValueError, match="2a"):
        orbits.vis_viva_speed(3 * u.AU, 1 * u.AU)
    with pytest.raises(u.UnitsError):
        orbits.vis_viva_speed(1, 1 * u.AU)


@settings(max_examples=300, deadline=None)
@given(st.floats(-50, 50), st.floats(0, 0.99))
def test_kepler_equation_residual(M, e):
    E = orbits.solve_kepler(M * u.rad, e).to_value(u.rad)
    assert abs(E - e * np.sin(E) - M) < 1e-12


def test_kepler_vectorised_and_errors():
    M = np.linspace(0, 2 * np.pi, 1001) * u.rad
    e = np.full(M.shape, 0.99)
    E = orbits.solve_kepler(M, e).to_value(u.rad)
    assert np.max(np.abs(E - 0.99 * np.sin(E) - M.value)) < 1e-12
    for bad in (1.0, 1.5, -0.1, np.nan):
        with pytest.raises(ValueError, match="eccentricity"):
            orbits.solve_kepler(1 * u.rad, bad)
    with pytest.raises(u.UnitsError):
        orbits.solve_kepler(1 * u.km, 0.1)


def test_true_anomaly_and_radius_at_apsides():
    a, e = 2 * u.AU, 0.3
    assert orbits.orbit_radius(a, e, 0 * u.rad).to_value(u.AU) == pytest.approx(1.4)
    assert orbits.orbit_radius(a, e, np.pi * u.rad).to_value(u.AU) == pytest.approx(2.6)
    assert orbits.true_anomaly(np.pi * u.rad, e).to_value(u.rad) == pytest.approx(np.pi)


def test_pixel_scale():
    assert camera.pixel_scale(100 * u.km, 93.7 * u.urad).to_value(u.m) == pytest.approx(9.37)
    n = camera.pixels_across(92 * u.km, 4400 * u.km, 93.7 * u.urad)
    assert n.to_value(u.one) == pytest.approx(92 / (4400 * 93.7e-6))
    d = camera.distance_for_pixel_scale(35 * u.m, 93.7 * u.urad)
    assert d.to_value(u.km) == pytest.approx(35 / 93.7e-3 * 1e-3 * 1e3, rel=1e-9)


@pytest.mark.parametrize("args", [(100, 93.7 * u.urad), (100 * u.km, 93.7), (-1 * u.km, 93.7 * u.urad),
                                  (100 * u.km, 30 * u.deg)])
def test_pixel_scale_rejects_bad_input(args):
    with pytest.raises((ValueError, u.UnitsError)):
        camera.pixel_scale(*args)
