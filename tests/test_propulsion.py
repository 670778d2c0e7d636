"""Rocket equation, ion engines, power-limited thrust and low-thrust spirals (utils.propulsion)."""
from __future__ import annotations

import astropy.units as u
import numpy as np
import pytest
from astropy.constants import GM_sun, e, g0
from hypothesis import given, settings, strategies as st

from utils import propulsion as P
from utils.checks import check, expected_answer

KMS = u.km / u.s
isps = st.floats(min_value=50, max_value=10000)
masses = st.floats(min_value=1, max_value=1e6)
fractions = st.floats(min_value=0.0, max_value=0.99)


# ---------------------------------------------------------------- exhaust speed and Isp
def test_exhaust_speed_of_dawn_engine_uses_standard_gravity():
    v = P.exhaust_speed(3100 * u.s)
    assert v.unit == KMS
    assert v.to_value(u.m / u.s) == pytest.approx(3100 * 9.80665)  # g0 is exact by definition
    assert g0.value == 9.80665


@given(isps)
def test_isp_round_trip(isp):
    back = P.specific_impulse(P.exhaust_speed(isp * u.s))
    assert back.to_value(u.s) == pytest.approx(isp, rel=1e-12)


def test_exhaust_accepts_isp_or_speed():
    a = P.rocket_delta_v(3100 * u.s, 1000 * u.kg, 300 * u.kg)
    b = P.rocket_delta_v(P.exhaust_speed(3100 * u.s), 1000 * u.kg, 300 * u.kg)
    assert a.to_value(KMS) == pytest.approx(b.to_value(KMS))


# ---------------------------------------------------------------- rocket equation
def test_rocket_equation_known_value():
    # one e-fold of mass gives one exhaust speed
    dv = P.rocket_delta_v(3 * KMS, np.e * u.kg, (np.e - 1) * u.kg)
    assert dv.to_value(KMS) == pytest.approx(3.0)


@settings(max_examples=200)
@given(isps, masses, fractions)
def test_rocket_equation_round_trip(isp, m0, frac):
    m0 = m0 * u.kg
    mp = frac * m0
    dv = P.rocket_delta_v(isp * u.s, m0, mp)
    again = P.propellant_mass(dv, isp * u.s, initial_mass=m0)
    assert again.to_value(u.kg) == pytest.approx(mp.to_value(u.kg), rel=1e-9, abs=1e-9 * m0.value)
    from_final = P.propellant_mass(dv, isp * u.s, final_mass=m0 - mp)
    assert from_final.to_value(u.kg) == pytest.approx(mp.to_value(u.kg), rel=1e-9, abs=1e-9 * m0.value)


@given(isps, masses, fractions, fractions)
def test_more_propellant_more_delta_v(isp, m0, f1, f2):
    lo, hi = sorted((f1, f2))
    a = P.rocket_delta_v(isp * u.s, m0 * u.kg, lo * m0 * u.kg)
    b = P.rocket_delta_v(isp * u.s, m0 * u.kg, hi * m0 * u.kg)
    assert b >= a


@given(st.floats(min_value=0.01, max_value=20), isps)
def test_mass_ratio_is_exponential(dv, isp):
    r = P.mass_ratio(dv * KMS, isp * u.s)
    v_e = P.exhaust_speed(isp * u.s).to_value(KMS)
    assert float(r) == pytest.approx(np.exp(dv / v_e))


# ---------------------------------------------------------------- ions, thrust and power
def test_ion_speed_is_energy_conservation():
    V, m = 1300 * u.V, 131.293 * u.u
    v = P.ion_speed(V, m)
    kinetic = (0.5 * m * v**2).to(u.J)
    assert kinetic.value == pytest.approx((e.si * V).to_value(u.J))
    assert (P.ion_speed(V, m, charge=2 * e.si) / v).to_value(u.one) == pytest.approx(np.sqrt(2))


@given(st.floats(min_value=1e-3, max_value=1e3), isps)
def test_thrust_and_mass_flow_are_inverse(thrust_mn, isp):
    F = thrust_mn * u.mN
    mdot = P.mass_flow(F, isp * u.s)
    assert P.thrust_from_mass_flow(mdot, isp * u.s).to_value(u.mN) == pytest.approx(thrust_mn)


def test_efficiency_round_trip_with_nstar_numbers():
    eta = P.jet_efficiency(92 * u.mN, 3100 * u.s, 2.3 * u.kW)
    assert 0 < float(eta) < 1
    assert P.power_limited_thrust(2.3 * u.kW, 3100 * u.s, eta).to_value(u.mN) == pytest.approx(92)


@given(st.floats(min_value=0.1, max_value=20), isps, isps, st.floats(min_value=0.05, max_value=1))
def test_high_isp_costs_thrust_at_fixed_power(power_kw, isp1, isp2, eta):
    lo, hi = sorted((isp1, isp2))
    F_lo = P.power_limited_thrust(power_kw * u.kW, lo * u.s, eta)
    F_hi = P.power_limited_thrust(power_kw * u.kW, hi * u.s, eta)
    assert F_hi <= F_lo
    assert (F_lo * lo).value == pytest.approx((F_hi * hi).value)  # F x Isp is fixed by the power


def test_burn_time_equals_propellant_over_flow():
    t = P.burn_time(425 * u.kg, 90 * u.mN, 3100 * u.s)
    t2 = (425 * u.kg / P.mass_flow(90 * u.mN, 3100 * u.s)).to(u.day)
    assert t.to_value(u.day) == pytest.approx(t2.value)


@given(st.floats(min_value=0.1, max_value=40))
def test_solar_power_inverse_square(r):
    P1 = 10 * u.kW
    assert (P.solar_power(r * u.AU, P1) * r**2).to_value(u.kW) == pytest.approx(10.0)


# ---------------------------------------------------------------- transfers
def test_hohmann_earth_to_mars_textbook_value():
    # the classic 1 AU -> 1.524 AU figure is about 5.6 km/s (2.94 + 2.65)
    assert P.hohmann_delta_v(1 * u.AU, 1.524 * u.AU).to_value(KMS) == pytest.approx(5.59, abs=0.02)


@given(st.floats(min_value=0.2, max_value=10), st.floats(min_value=0.2, max_value=10))
def test_edelbaum_coplanar_is_speed_difference_and_beats_nothing(r1, r2):
    ed = P.edelbaum_delta_v(r1 * u.AU, r2 * u.AU)
    v1 = np.sqrt(GM_sun / (r1 * u.AU)).to_value(KMS)
    v2 = np.sqrt(GM_sun / (r2 * u.AU)).to_value(KMS)
    assert ed.to_value(KMS) == pytest.approx(abs(v1 - v2), rel=1e-9, abs=1e-9)
    # a Hohmann transfer between the same circles is never dearer than the slow spiral
    assert P.hohmann_delta_v(r1 * u.AU, r2 * u.AU).to_value(KMS) <= ed.to_value(KMS) * (1 + 1e-9) + 1e-9


def test_edelbaum_plane_change():
    v = np.sqrt(GM_sun / u.AU).to_value(KMS)
    # same radius, plane change di: dv = v sqrt(2 - 2 cos(pi/2 di))
    dv = P.edelbaum_delta_v(1 * u.AU, 1 * u.AU, 60 * u.deg).to_value(KMS)
    assert dv == pytest.approx(v * np.sqrt(2 - 2 * np.cos(np.pi / 2 * np.pi / 3)))  # di in radians
    assert P.edelbaum_delta_v(1 * u.AU, 2 * u.AU, 10 * u.deg) > P.edelbaum_delta_v(1 * u.AU, 2 * u.AU)


# ---------------------------------------------------------------- spirals
def test_slow_spiral_approaches_edelbaum():
    s = P.low_thrust_spiral(2.36 * u.AU, 2.77 * u.AU, 5 * u.mN, 1000 * u.kg, 3100 * u.s)
    ed = P.edelbaum_delta_v(2.36 * u.AU, 2.77 * u.AU)
    assert s.delta_v.to_value(KMS) == pytest.approx(ed.to_value(KMS), rel=0.005)
    # a slow spiral is nearly circular: it stops close to the target distance
    assert s.r_final.to_value(u.AU) == pytest.approx(2.77, rel=0.01)
    assert np.hypot(s.x[-1], s.y[-1]).to_value(u.AU) == pytest.approx(s.r_final.to_value(u.AU), rel=1e-6)
    # propellant and delta-v obey the rocket equation
    dv = P.rocket_delta_v(3100 * u.s, 1000 * u.kg, s.propellant)
    assert dv.to_value(KMS) == pytest.approx(s.delta_v.to_value(KMS), rel=1e-9)
    assert s.t[-1].to_value(u.day) == pytest.approx(s.time.to_value(u.day))


@given(st.floats(min_value=1.05, max_value=3.0), st.floats(min_value=0.005, max_value=0.3))
@settings(max_examples=15, deadline=None)
def test_tangential_thrust_reaches_the_target_energy_for_at_most_edelbaum(ratio, a0):
    # a strong push can reach the energy for less than Hohmann too, on an eccentric orbit (see lesson 05)
    # a0: thrust acceleration in units of the Sun's gravity at the start (1 AU, 1000 kg)
    F = (a0 * 1000 * u.kg * GM_sun / u.AU**2).to(u.N)
    s = P.low_thrust_spiral(1 * u.AU, ratio * u.AU, F, 1000 * u.kg, 1e5 * u.s, rtol=1e-9)
    ed = P.edelbaum_delta_v(1 * u.AU, ratio * u.AU).to_value(KMS)
    assert s.delta_v.to_value(KMS) <= ed * 1.001            # energy is gained at full speed
    # delta-v from the thrusting time, by the rocket equation with a steady mass flow
    v_e = P.exhaust_speed(1e5 * u.s)
    burnt = (F / v_e * s.time / (1000 * u.kg)).to_value(u.one)
    assert s.delta_v.to_value(KMS) == pytest.approx((v_e * np.log(1 / (1 - burnt))).to_value(KMS), rel=1e-6)


def test_inward_spiral():
    s = P.low_thrust_spiral(2.77 * u.AU, 2.36 * u.AU, 5 * u.mN, 1000 * u.kg, 3100 * u.s)
    assert s.r_final.to_value(u.AU) == pytest.approx(2.36, rel=0.02)
    assert s.delta_v.to_value(KMS) == pytest.approx(P.edelbaum_delta_v(2.77 * u.AU, 2.36 * u.AU).to_value(KMS),
                                                    rel=0.005)


def test_spiral_that_runs_dry_is_reported():
    with pytest.raises(ValueError, match="did not reach"):
        P.low_thrust_spiral(1 * u.AU, 5 * u.AU, 1 * u.mN, 1000 * u.kg, 200 * u.s)


# ---------------------------------------------------------------- bad input
@pytest.mark.parametrize("call, error, words", [
    (lambda: P.rocket_delta_v(3100 * u.s, -5 * u.kg, 1 * u.kg), ValueError, "initial_mass must be positive"),
    (lambda: P.rocket_delta_v(3100 * u.s, 1000 * u.kg, -1 * u.kg), ValueError, "cannot be negative"),
    (lambda: P.rocket_delta_v(3100 * u.s, 1000 * u.kg, 1000 * u.kg), ValueError, "less than initial_mass"),
    (lambda: P.rocket_delta_v(3100 * u.s, 1000 * u.kg, 2000 * u.kg), ValueError, "less than initial_mass"),
    (lambda: P.rocket_delta_v(3100, 1000 * u.kg, 10 * u.kg), u.UnitsError, "specific impulse"),
    (lambda: P.rocket_delta_v(3100 * u.m, 1000 * u.kg, 10 * u.kg), u.UnitsError, "specific impulse"),
    (lambda: P.rocket_delta_v(3100 * u.s, 1000, 10 * u.kg), u.UnitsError, "initial_mass needs a unit"),
    (lambda: P.exhaust_speed(3100), u.UnitsError, "isp needs a unit"),
    (lambda: P.exhaust_speed(-3 * u.s), ValueError, "positive"),
    (lambda: P.propellant_mass(1 * KMS, 300 * u.s), ValueError, "exactly one"),
    (lambda: P.propellant_mass(1 * KMS, 300 * u.s, final_mass=1 * u.kg, initial_mass=2 * u.kg),
     ValueError, "exactly one"),
    (lambda: P.ion_speed(1300, 131 * u.u), u.UnitsError, "voltage"),
    (lambda: P.power_limited_thrust(1 * u.kW, 3000 * u.s, 1.5), ValueError, "at most 1"),
    (lambda: P.jet_efficiency(1 * u.N, 3000 * u.s, 1 * u.W), ValueError, "above the input power"),
    (lambda: P.solar_power(0 * u.AU, 10 * u.kW), ValueError, "positive"),
    (lambda: P.edelbaum_delta_v(1 * u.AU, 2 * u.AU, 200 * u.deg), ValueError, "between 0 and 180"),
    (lambda: P.low_thrust_spiral(1 * u.AU, 1 * u.AU, 1 * u.N, 1 * u.kg, 300 * u.s), ValueError, "nowhere"),
    (lambda: P.hohmann_delta_v(1 * u.kg, 2 * u.AU), u.UnitsError, "r1 must be a length"),
    (lambda: P.hohmann_delta_v(1 * u.AU, 2 * u.AU, mu=1 * u.kg), u.UnitsError, "gravitational parameter"),
    (lambda: P.thrust_from_mass_flow(3 * u.kg, 30 * KMS), u.UnitsError, "mass flow"),
    (lambda: P.thrust_from_mass_flow(3, 30 * KMS), u.UnitsError, "needs a unit of mass flow"),
    (lambda: P.low_thrust_spiral(1 * u.AU, 1.1 * u.AU, 1 * u.N, 1000 * u.kg, 3000 * u.s, n_samples=0),
     ValueError, "n_samples"),
])
def test_bad_input_messages(call, error, words):
    with pytest.raises(error, match=words):
        call()


# ---------------------------------------------------------------- widget chart
def test_ratio_bars_render_changes_with_the_values():
    chart = P.RatioBars(["a", "b", "c"], ["km/s", "mN", "yr"], [13.0, 90.0, 4.5], ["C0", "C1", "C2"],
                        reference_name="Dawn")
    first = chart.render([13.0, 90.0, 4.5], "reference")
    assert first[:8] == b"\x89PNG\r\n\x1a\n"
    assert chart.render([13.0, 90.0, 4.5], "reference") == first       # the background is restored
    assert chart.render([1.0, 900.0, 0.45], "reference") != first
    assert chart.render([1e-9, 1e9, 0.0], "beyond both ends") != first  # clipped, no error
    # bars start at 1/100 of the reference: widths are log10(ratio) + 2, kept inside the axis
    assert chart.bars[1].get_width() == pytest.approx(2 + np.log10(0.99 * 100))
    assert chart.bars[0].get_width() == pytest.approx(2 + np.log10(1.01 / 100))


@pytest.mark.parametrize("call, words", [
    (lambda: P.RatioBars(["a"], ["m", "s"], [1.0], ["C0"]), "one name, unit and colour"),
    (lambda: P.RatioBars(["a"], ["m"], [-1.0], ["C0"]), "positive"),
    (lambda: P.RatioBars(["a"], ["m"], [1.0], ["C0"]).render([1.0, 2.0]), "give 1 values"),
    (lambda: P.RatioBars(["a"], ["m"], [1.0], ["C0"]).render(["x"]), "must be numbers"),
])
def test_ratio_bars_bad_input(call, words):
    with pytest.raises(ValueError, match=words):
        call()


# ---------------------------------------------------------------- exercises
def test_exercises_follow_their_inputs():
    assert check("05.1", 30.4 * KMS, isp=3100 * u.s).ok
    assert not check("05.1", 30.4 * KMS, isp=1900 * u.s).ok
    dawn = dict(isp=3100 * u.s, initial_mass=1217.7 * u.kg, propellant_mass=425 * u.kg)
    assert check("05.2", 13.05 * KMS, **dawn).ok
    assert not check("05.2", 11.49 * KMS, **dawn).ok
    # by hand: 792.7 kg x (exp(11.49 / (450 x 9.80665 / 1000)) - 1)
    by_hand = 792.7 * (np.exp(11.49 / (450 * 9.80665e-3)) - 1)
    got = expected_answer("05.3", delta_v=11.49 * KMS, isp=450 * u.s, final_mass=792.7 * u.kg)
    assert got.to_value(u.kg) == pytest.approx(by_hand)
    assert check("05.4", 1.47 * KMS, a_start=2.362 * u.AU, a_end=2.767 * u.AU).ok
    t = expected_answer("05.5", delta_v=1.5 * KMS, mass=900 * u.kg, power=1.3 * u.kW, isp=3100 * u.s,
                        efficiency=0.6)
    F = 2 * 0.6 * 1300 / (3100 * 9.80665)                                # newtons, by hand
    assert t.to_value(u.s) == pytest.approx(900 * 1500 / F)
    assert check("05.5", ..., delta_v=1.5 * KMS).status == "unanswered"
    six = dict(delta_v=2.9 * KMS, mass=1200 * u.kg, power=1.8 * u.kW, efficiency=0.6, time=2.5 * u.yr)
    isp = expected_answer("05.6", **six)
    by_hand = 2 * 0.6 * 1800 * (2.5 * 365.25 * 86400) / (1200 * 2900) / 9.80665   # seconds
    assert isp.to_value(u.s) == pytest.approx(by_hand)
    # the design closes the loop: at that Isp, exercise 5's time is exactly the time allowed
    back = expected_answer("05.5", delta_v=2.9 * KMS, mass=1200 * u.kg, power=1.8 * u.kW, isp=isp, efficiency=0.6)
    assert back.to_value(u.yr) == pytest.approx(2.5)
    assert not check("05.6", 3100 * u.s, **six).ok
