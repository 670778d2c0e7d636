"""Equilibrium temperature, vapour pressure of ice and sublimation (utils.thermal)."""

from __future__ import annotations

import astropy.units as u
import numpy as np
import pytest
from astropy.constants import sigma_sb
from hypothesis import given, settings
from hypothesis import strategies as st

from utils import thermal
from utils.checks import _expected_answer, check

S = 1360.8 * u.W / u.m**2
WATER = 18.015 * u.g / u.mol


def test_vapour_pressure_at_the_triple_point():
    # Murphy & Koop (2005): their ice formula gives 611.657 Pa at 273.16 K, the triple-point pressure
    assert thermal.ice_vapour_pressure(273.16 * u.K).to_value(u.Pa) == pytest.approx(611.657, abs=0.01)


@pytest.mark.parametrize("t", [180.0, 200.0, 230.0, 260.0, 273.0])
def test_vapour_pressure_agrees_with_the_clapeyron_form(t):
    # Murphy & Koop (2005) eq. (2), p = exp(28.9074 - 6143.7 / T) Pa,
    # agrees with their eq. (7) to better than 1 % from 180 K up
    clapeyron = np.exp(28.9074 - 6143.7 / t)
    assert thermal.ice_vapour_pressure(t * u.K).to_value(u.Pa) == pytest.approx(clapeyron, rel=0.01)


@settings(max_examples=50, deadline=None)
@given(st.floats(110, 272), st.floats(0.1, 1.0))
def test_vapour_pressure_rises_with_temperature(t, dt):
    p = thermal.ice_vapour_pressure([t, t + dt] * u.K)
    assert p[1] > p[0] > 0 * u.Pa


def test_vapour_pressure_range_and_units():
    with pytest.raises(ValueError, match="110 K"):
        thermal.ice_vapour_pressure(100 * u.K)
    with pytest.raises(ValueError, match="273.16"):
        thermal.ice_vapour_pressure(300 * u.K)
    with pytest.raises(u.UnitsError, match="temperature"):
        thermal.ice_vapour_pressure(200)


def test_inverse_square_and_earth_temperature():
    assert thermal.irradiance(S, 2 * u.AU).to_value(u.W / u.m**2) == pytest.approx(S.value / 4)
    # the textbook Earth: A = 0.3, mean equilibrium 255 K
    assert thermal._mean_equilibrium_temperature(S, 0.3, 1 * u.AU).to_value(u.K) == pytest.approx(254.6, abs=0.5)


def test_subsolar_temperature_balances_energy():
    t = thermal._subsolar_temperature(S, 0.09, 2.77 * u.AU)
    absorbed = S * (1 / 2.77) ** 2 * (1 - 0.09)
    assert (sigma_sb * t**4).to_value(u.W / u.m**2) == pytest.approx(absorbed.to_value(u.W / u.m**2))
    assert 225 < t.to_value(u.K) < 235  # Ceres' dayside maxima are quoted near 235 K


@settings(max_examples=50, deadline=None)
@given(st.floats(0.3, 40), st.floats(0, 0.95))
def test_temperature_scales_as_inverse_sqrt_distance(r, a):
    t1 = thermal._subsolar_temperature(S, a, r * u.AU)
    t4 = thermal._subsolar_temperature(S, a, 4 * r * u.AU)
    assert (t1 / t4).to_value(u.one) == pytest.approx(2.0)


def test_bad_albedo_and_emissivity():
    with pytest.raises(ValueError, match="albedo"):
        thermal._subsolar_temperature(S, 1.2, 1 * u.AU)
    with pytest.raises(ValueError, match="emissivity"):
        thermal._subsolar_temperature(S, 0.1, 1 * u.AU, emissivity=1.5)
    with pytest.raises(u.UnitsError, match="distance"):
        thermal._subsolar_temperature(S, 0.1, 2.77)


def test_hertz_knudsen_flux_by_hand():
    t = 200 * u.K
    m = 18.015 * 1.66053906660e-27 * u.kg
    by_hand = thermal.ice_vapour_pressure(t) * np.sqrt(m / (2 * np.pi * 1.380649e-23 * u.J / u.K * t))
    got = thermal.sublimation_mass_flux(t, WATER)
    assert got.to_value(u.kg / u.m**2 / u.s) == pytest.approx(by_hand.to_value(u.kg / u.m**2 / u.s), rel=1e-6)
    half = thermal.sublimation_mass_flux(t, WATER, sticking=0.5)
    assert (half / got).to_value(u.one) == pytest.approx(0.5)
    with pytest.raises(ValueError, match="sticking"):
        thermal.sublimation_mass_flux(t, WATER, sticking=2)
    with pytest.raises(u.UnitsError, match="molar_mass"):
        thermal.sublimation_mass_flux(t, 18.0)


def test_thickness_loss_and_diurnal_mean():
    rate = thermal.thickness_loss_rate(1 * u.kg / u.m**2 / u.s, 1000 * u.kg / u.m**3)
    assert rate.to_value(u.m / u.yr) == pytest.approx(u.yr.to(u.s) / 1000)
    tss = 208 * u.K
    mean = thermal.diurnal_mean_sublimation_flux(sigma_sb * tss**4, WATER)  # the noon sunlight that gives tss
    peak = thermal.sublimation_mass_flux(tss, WATER)
    assert 0 < mean < peak / 2  # night and low Sun cut the loss
    with pytest.raises(ValueError, match="single"):
        thermal.diurnal_mean_sublimation_flux([100, 110] * u.W / u.m**2, WATER)
    with pytest.raises(u.UnitsError, match="not a temperature"):  # the old form, a temperature, is named
        thermal.diurnal_mean_sublimation_flux(tss, WATER)


def test_exercises_4_to_6_follow_their_inputs():
    t = _expected_answer("07.1", solar_constant=S, albedo=0.4, distance=2.77 * u.AU)
    assert check("07.1", t, solar_constant=S, albedo=0.4, distance=2.77 * u.AU).ok
    assert check("07.1", round(t.to_value(u.K)) * u.K, solar_constant=S, albedo=0.4, distance=2.77 * u.AU).ok
    assert not check("07.1", t, solar_constant=S, albedo=0.09, distance=2.77 * u.AU).ok
    # likely mistakes get their own hints: the reflected fraction, the whole-body average
    near = dict(solar_constant=S, albedo=0.4, distance=2.55 * u.AU)
    reflected = (S * (1 / 2.55) ** 2 * 0.4 / sigma_sb) ** 0.25
    assert "absorbed" in check("07.1", reflected.to(u.K), **near).message
    whole = _expected_answer("07.1", **near) / 4**0.25
    assert "whole-body" in check("07.1", whole, **near).message
    kw8 = dict(near, latent_heat=2830 * u.kJ / u.kg, density=917 * u.kg / u.m**3)
    loss = _expected_answer("07.4", **kw8)  # all absorbed sunlight spent on sublimation for a year
    assert loss.to_value(u.m) == pytest.approx(1.527, rel=1e-3)  # 125.6 W/m2 / (L rho) for a year
    assert check("07.4", loss.to(u.cm), **kw8).ok
    assert not check("07.4", loss, **dict(kw8, distance=2.77 * u.AU)).ok
    life = _expected_answer("07.2", thickness=500 * u.m, loss_rate=5 * u.cm / u.yr)
    assert life.to_value(u.yr) == pytest.approx(1e4)
    kw = dict(thickness=500 * u.m, loss_rate=5 * u.cm / u.yr, noon_loss_rate=37 * u.cm / u.yr)
    assert check("07.2", 1.0e4 * u.yr, **kw).ok
    noon = check("07.2", 500 / 0.37 * u.yr, **kw)
    assert noon.status == "incorrect" and "noon" in noon.message


def test_beaming_heats_the_subsolar_point():
    s, r = 1360.8 * u.W / u.m**2, 2.77 * u.AU
    t1 = thermal._subsolar_temperature(s, 0.09, r)
    t_eta = thermal._subsolar_temperature(s, 0.09, r, beaming=0.8)
    assert (t_eta / t1).to_value(u.one) == pytest.approx(0.8**-0.25)
    with pytest.raises(ValueError, match="beaming"):
        thermal._subsolar_temperature(s, 0.09, r, beaming=0)


def test_sublimating_ice_pays_for_radiation_and_vapour():
    water, latent, absorbed = WATER, 2830 * u.kJ / u.kg, 162 * u.W / u.m**2
    t = thermal.sublimation_balance_temperature(absorbed, water, latent)
    radiated = sigma_sb * t**4
    carried = latent * thermal.sublimation_mass_flux(t, water)
    # the energy balance closes, and the ice is colder than ground that only radiates
    assert (radiated + carried).to_value(u.W / u.m**2) == pytest.approx(absorbed.value, rel=1e-6)
    t_dry = ((absorbed / sigma_sb) ** 0.25).to(u.K)
    assert 180 * u.K < t < t_dry - 30 * u.K
    # sublimation cannot take more energy than the Sun gives: the loss stays below absorbed / L
    assert carried < absorbed
    # free sublimation at the dry-ground temperature would need over a hundred times the sunlight
    assert latent * thermal.sublimation_mass_flux(t_dry, water) > 100 * absorbed
    # arrays keep their shape; a weak Sun gives the radiative temperature (sublimation negligible)
    ts = thermal.sublimation_balance_temperature([1e-3, 62, 162] * u.W / u.m**2, water, latent)
    assert ts.shape == (3,) and ts[0].to_value(u.K) == pytest.approx((1e-3 / sigma_sb.value) ** 0.25)
    assert ts[1] < ts[2] and ts[2].to_value(u.K) == pytest.approx(t.to_value(u.K))
    with pytest.raises(ValueError, match="latent_heat"):
        thermal.sublimation_balance_temperature(absorbed, water, -1 * u.J / u.kg)


def test_day_mean_with_latent_heat_is_slower():
    water, latent, tss = WATER, 2830 * u.kJ / u.kg, 231 * u.K
    free = thermal.diurnal_mean_sublimation_flux(sigma_sb * tss**4, water)
    cooled = thermal.diurnal_mean_sublimation_flux(sigma_sb * tss**4, water, latent_heat=latent)
    noon = thermal.sublimation_mass_flux(
        thermal.sublimation_balance_temperature(sigma_sb * tss**4, water, latent), water
    )
    assert cooled < noon < free / 10
