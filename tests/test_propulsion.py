"""Rocket equation, ion engines, power-limited thrust and low-thrust spirals (utils.propulsion)."""

from __future__ import annotations

import astropy.units as u
import numpy as np
import pytest
from astropy.constants import GM_sun, e, g0
from hypothesis import given, settings
from hypothesis import strategies as st

from utils import propulsion as P
from utils.checks import _expected_answer, check
from utils.exercises import lesson05 as L5

KMS = u.km / u.s
isps = st.floats(min_value=50, max_value=10000)
masses = st.floats(min_value=1, max_value=1e6)
fractions = st.floats(min_value=0.0, max_value=0.99)


# ---------------------------------------------------------------- exhaust speed and Isp
def test_exhaust_speed_of_dawn_engine_uses_standard_gravity():
    v = P._exhaust_speed(3100 * u.s)
    assert v.unit == KMS
    assert v.to_value(u.m / u.s) == pytest.approx(3100 * 9.80665)  # g0 is exact by definition
    assert g0.value == 9.80665


@given(isps)
def test_isp_round_trip(isp):
    back = P.specific_impulse(P._exhaust_speed(isp * u.s))
    assert back.to_value(u.s) == pytest.approx(isp, rel=1e-12)


def test_exhaust_accepts_isp_or_speed():
    a = L5._rocket_delta_v(3100 * u.s, 1000 * u.kg, 300 * u.kg)
    b = L5._rocket_delta_v(P._exhaust_speed(3100 * u.s), 1000 * u.kg, 300 * u.kg)
    assert a.to_value(KMS) == pytest.approx(b.to_value(KMS))


# ---------------------------------------------------------------- rocket equation
def test_rocket_equation_known_value():
    # one e-fold of mass gives one exhaust speed
    dv = L5._rocket_delta_v(3 * KMS, np.e * u.kg, (np.e - 1) * u.kg)
    assert dv.to_value(KMS) == pytest.approx(3.0)


@settings(max_examples=200)
@given(isps, masses, fractions)
def test_rocket_equation_round_trip(isp, m0, frac):
    m0 = m0 * u.kg
    mp = frac * m0
    dv = L5._rocket_delta_v(isp * u.s, m0, mp)
    again = P._propellant_mass(dv, isp * u.s, initial_mass=m0)
    assert again.to_value(u.kg) == pytest.approx(mp.to_value(u.kg), rel=1e-9, abs=1e-9 * m0.value)
    from_final = P._propellant_mass(dv, isp * u.s, final_mass=m0 - mp)
    assert from_final.to_value(u.kg) == pytest.approx(mp.to_value(u.kg), rel=1e-9, abs=1e-9 * m0.value)


@given(isps, masses, fractions, fractions)
def test_more_propellant_more_delta_v(isp, m0, f1, f2):
    lo, hi = sorted((f1, f2))
    a = L5._rocket_delta_v(isp * u.s, m0 * u.kg, lo * m0 * u.kg)
    b = L5._rocket_delta_v(isp * u.s, m0 * u.kg, hi * m0 * u.kg)
    assert b >= a


@given(st.floats(min_value=0.01, max_value=20), isps)
def test_mass_ratio_is_exponential(dv, isp):
    r = P.mass_ratio(dv * KMS, isp * u.s)
    v_e = P._exhaust_speed(isp * u.s).to_value(KMS)
    assert float(r) == pytest.approx(np.exp(dv / v_e))


# ---------------------------------------------------------------- ions, thrust and power
def test_ion_speed_is_energy_conservation():
    V, m = 1300 * u.V, 131.293 * u.u
    v = P.ion_speed(V, m)
    kinetic = (0.5 * m * v**2).to(u.J)
    assert kinetic.value == pytest.approx((e.si * V).to_value(u.J))
    assert (L5._ion_speed_charged(V, m, charge=2 * e.si) / v).to_value(u.one) == pytest.approx(np.sqrt(2))


@given(st.floats(min_value=1e-3, max_value=1e3), isps)
def test_thrust_and_mass_flow_are_inverse(thrust_mn, isp):
    F = thrust_mn * u.mN
    mdot = P.mass_flow(F, isp * u.s)
    assert P._thrust_from_mass_flow(mdot, isp * u.s).to_value(u.mN) == pytest.approx(thrust_mn)


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
    ed = P._edelbaum_delta_v(r1 * u.AU, r2 * u.AU)
    v1 = np.sqrt(GM_sun / (r1 * u.AU)).to_value(KMS)
    v2 = np.sqrt(GM_sun / (r2 * u.AU)).to_value(KMS)
    assert ed.to_value(KMS) == pytest.approx(abs(v1 - v2), rel=1e-9, abs=1e-9)
    # a Hohmann transfer between the same circles is never dearer than the slow spiral
    assert P.hohmann_delta_v(r1 * u.AU, r2 * u.AU).to_value(KMS) <= ed.to_value(KMS) * (1 + 1e-9) + 1e-9


def test_edelbaum_plane_change():
    v = np.sqrt(GM_sun / u.AU).to_value(KMS)
    # same radius, plane change di: dv = v sqrt(2 - 2 cos(pi/2 di))
    dv = P._edelbaum_delta_v(1 * u.AU, 1 * u.AU, 60 * u.deg).to_value(KMS)
    assert dv == pytest.approx(v * np.sqrt(2 - 2 * np.cos(np.pi / 2 * np.pi / 3)))  # di in radians
    assert P._edelbaum_delta_v(1 * u.AU, 2 * u.AU, 10 * u.deg) > P._edelbaum_delta_v(1 * u.AU, 2 * u.AU)


# ---------------------------------------------------------------- spirals
def test_slow_spiral_approaches_edelbaum():
    s = P.low_thrust_spiral(2.36 * u.AU, 2.77 * u.AU, 5 * u.mN, 1000 * u.kg, 3100 * u.s)
    ed = P._edelbaum_delta_v(2.36 * u.AU, 2.77 * u.AU)
    assert s.delta_v.to_value(KMS) == pytest.approx(ed.to_value(KMS), rel=0.005)
    # a slow spiral is nearly circular: it stops close to the target distance
    assert s.r_final.to_value(u.AU) == pytest.approx(2.77, rel=0.01)
    assert np.hypot(s.x[-1], s.y[-1]).to_value(u.AU) == pytest.approx(s.r_final.to_value(u.AU), rel=1e-6)
    # propellant and delta-v obey the rocket equation
    dv = L5._rocket_delta_v(3100 * u.s, 1000 * u.kg, s.propellant)
    assert dv.to_value(KMS) == pytest.approx(s.delta_v.to_value(KMS), rel=1e-9)
    assert s.t[-1].to_value(u.day) == pytest.approx(s.time.to_value(u.day))


@given(st.floats(min_value=1.05, max_value=3.0), st.floats(min_value=0.005, max_value=0.3))
@settings(max_examples=15, deadline=None)
def test_tangential_thrust_reaches_the_target_energy_for_at_most_edelbaum(ratio, a0):
    # a strong push can reach the energy for less than Hohmann too, on an eccentric orbit (see lesson 05)
    # a0: thrust acceleration in units of the Sun's gravity at the start (1 AU, 1000 kg)
    F = (a0 * 1000 * u.kg * GM_sun / u.AU**2).to(u.N)
    s = P.low_thrust_spiral(1 * u.AU, ratio * u.AU, F, 1000 * u.kg, 1e5 * u.s, rtol=1e-9)
    ed = P._edelbaum_delta_v(1 * u.AU, ratio * u.AU).to_value(KMS)
    assert s.delta_v.to_value(KMS) <= ed * 1.001  # energy is gained at full speed
    # delta-v from the thrusting time, by the rocket equation with a steady mass flow
    v_e = P._exhaust_speed(1e5 * u.s)
    burnt = (F / v_e * s.time / (1000 * u.kg)).to_value(u.one)
    assert s.delta_v.to_value(KMS) == pytest.approx((v_e * np.log(1 / (1 - burnt))).to_value(KMS), rel=1e-6)


def test_strong_thrust_leaves_an_eccentric_orbit_of_the_target_size():
    slow = P.low_thrust_spiral(1 * u.AU, 1.2 * u.AU, 0.02 * u.N, 1000 * u.kg, 3000 * u.s)
    fast = P.low_thrust_spiral(1 * u.AU, 1.2 * u.AU, 2.0 * u.N, 1000 * u.kg, 3000 * u.s)
    assert slow.eccentricity < 0.02 < fast.eccentricity
    for s in (slow, fast):
        # r_min and r_max bracket the target with the target as their mean (semi-major axis)
        assert ((s.r_min + s.r_max) / 2).to_value(u.AU) == pytest.approx(1.2, rel=1e-6)
        assert s.r_min <= s.r_final <= s.r_max


def test_inward_spiral():
    s = P.low_thrust_spiral(2.77 * u.AU, 2.36 * u.AU, 5 * u.mN, 1000 * u.kg, 3100 * u.s)
    assert s.r_final.to_value(u.AU) == pytest.approx(2.36, rel=0.02)
    assert s.delta_v.to_value(KMS) == pytest.approx(
        P._edelbaum_delta_v(2.77 * u.AU, 2.36 * u.AU).to_value(KMS), rel=0.005
    )


def test_spiral_that_runs_dry_is_reported():
    with pytest.raises(ValueError, match="did not reach"):
        P.low_thrust_spiral(1 * u.AU, 5 * u.AU, 1 * u.mN, 1000 * u.kg, 200 * u.s)


# ---------------------------------------------------------------- bad input
@pytest.mark.parametrize(
    "call, error, words",
    [
        (lambda: L5._rocket_delta_v(3100 * u.s, -5 * u.kg, 1 * u.kg), ValueError, "initial_mass must be positive"),
        (lambda: L5._rocket_delta_v(3100 * u.s, 1000 * u.kg, -1 * u.kg), ValueError, "cannot be negative"),
        (lambda: L5._rocket_delta_v(3100 * u.s, 1000 * u.kg, 1000 * u.kg), ValueError, "less than initial_mass"),
        (lambda: L5._rocket_delta_v(3100 * u.s, 1000 * u.kg, 2000 * u.kg), ValueError, "less than initial_mass"),
        (lambda: L5._rocket_delta_v(3100, 1000 * u.kg, 10 * u.kg), u.UnitsError, "specific impulse"),
        (lambda: L5._rocket_delta_v(3100 * u.m, 1000 * u.kg, 10 * u.kg), u.UnitsError, "specific impulse"),
        (lambda: L5._rocket_delta_v(3100 * u.s, 1000, 10 * u.kg), u.UnitsError, "initial_mass needs a unit"),
        (lambda: P._exhaust_speed(3100), u.UnitsError, "isp needs a unit"),
        (lambda: P._exhaust_speed(-3 * u.s), ValueError, "positive"),
        (lambda: P._propellant_mass(1 * KMS, 300 * u.s), ValueError, "exactly one"),
        (
            lambda: P._propellant_mass(1 * KMS, 300 * u.s, final_mass=1 * u.kg, initial_mass=2 * u.kg),
            ValueError,
            "exactly one",
        ),
        (lambda: P.ion_speed(1300, 131 * u.u), u.UnitsError, "voltage"),
        (lambda: P.power_limited_thrust(1 * u.kW, 3000 * u.s, 1.5), ValueError, "at most 1"),
        (lambda: P.jet_efficiency(1 * u.N, 3000 * u.s, 1 * u.W), ValueError, "above the input power"),
        (lambda: P.solar_power(0 * u.AU, 10 * u.kW), ValueError, "positive"),
        (lambda: P._edelbaum_delta_v(1 * u.AU, 2 * u.AU, 200 * u.deg), ValueError, "between 0 and 180"),
        (lambda: P.low_thrust_spiral(1 * u.AU, 1 * u.AU, 1 * u.N, 1 * u.kg, 300 * u.s), ValueError, "nowhere"),
        (lambda: P.hohmann_delta_v(1 * u.kg, 2 * u.AU), u.UnitsError, "r1 must be a length"),
        (lambda: P.hohmann_delta_v(1 * u.AU, 2 * u.AU, mu=1 * u.kg), u.UnitsError, "gravitational parameter"),
        (lambda: P._thrust_from_mass_flow(3 * u.kg, 30 * KMS), u.UnitsError, "mass flow"),
        (lambda: P._thrust_from_mass_flow(3, 30 * KMS), u.UnitsError, "needs a unit of mass flow"),
        (
            lambda: P.low_thrust_spiral(1 * u.AU, 1.1 * u.AU, 1 * u.N, 1000 * u.kg, 3000 * u.s, n_samples=0),
            ValueError,
            "n_samples",
        ),
    ],
)
def test_bad_input_messages(call, error, words):
    with pytest.raises(error, match=words):
        call()


# ---------------------------------------------------------------- widget chart
def test_ratio_bars_render_changes_with_the_values():
    chart = P.RatioBars(
        ["a", "b", "c"], ["km/s", "mN", "yr"], [13.0, 90.0, 4.5], ["C0", "C1", "C2"], reference_name="Dawn"
    )
    first = chart.render([13.0, 90.0, 4.5], "reference")
    assert first[:8] == b"\x89PNG\r\n\x1a\n"
    assert chart.render([13.0, 90.0, 4.5], "reference") == first  # the background is restored
    assert chart.render([1.0, 900.0, 0.45], "reference") != first
    assert chart.render([1e-9, 1e9, 0.0], "beyond both ends") != first  # clipped, no error
    # bars start at 1/100 of the reference: widths are log10(ratio) + 2, kept inside the axis
    assert chart.bars[1].get_width() == pytest.approx(2 + np.log10(0.99 * 100))
    assert chart.bars[0].get_width() == pytest.approx(2 + np.log10(1.01 / 100))


def test_ratio_bars_mark_values_beyond_the_axis_as_off_scale():
    chart = P.RatioBars(
        ["a", "b", "c"], ["km/s", "mN", "yr"], [13.0, 90.0, 4.5], ["C0", "C1", "C2"], reference_name="Dawn"
    )
    chart.render([13.0 / 150, 90.0 * 150, 4.5 / 50], "two off scale")
    marks = [m.get_text() for m in chart.offscale]
    assert "below 1/100 of Dawn" in marks[0] and "above 100x Dawn" in marks[1] and marks[2] == ""
    chart.render([13.0, 90.0, 4.5 / 150], "one off scale")
    assert [m.get_text() for m in chart.offscale][:2] == ["", ""]
    assert "below 1/100" in chart.offscale[2].get_text()
    assert min(m.get_fontsize() for m in chart.offscale) >= 9


def test_widget_alt_text_names_off_scale_bars():
    chart = _budget_chart()
    # 25 kg of xenon at 1,000 s and full power runs out in under 1/100 of Dawn's burn time
    assert chart._values(1000, 25, 2.3)[2] / chart._values(3100, 425, 2.3)[2] < 0.01
    assert "below 1/100 of Dawn: burn time" in chart._alt(1000, 25, 2.3)
    assert "Off scale" not in chart._alt(3100, 425, 2.3)


@pytest.mark.parametrize(
    "call, words",
    [
        (lambda: P.RatioBars(["a"], ["m", "s"], [1.0], ["C0"]), "one name, unit and colour"),
        (lambda: P.RatioBars(["a"], ["m"], [-1.0], ["C0"]), "positive"),
        (lambda: P.RatioBars(["a"], ["m"], [1.0], ["C0"]).render([1.0, 2.0]), "give 1 values"),
        (lambda: P.RatioBars(["a"], ["m"], [1.0], ["C0"]).render(["x"]), "must be numbers"),
    ],
)
def test_ratio_bars_bad_input(call, words):
    with pytest.raises(ValueError, match=words):
        call()


# ---------------------------------------------------------------- throttled efficiency
def test_throttle_efficiency_interpolates_between_the_measured_ends():
    powers, etas = [0.5, 2.3] * u.kW, [0.354, 0.608]
    assert float(P.throttle_efficiency(0.5 * u.kW, powers, etas)) == pytest.approx(0.354)
    assert float(P.throttle_efficiency(2300 * u.W, powers, etas)) == pytest.approx(0.608)
    mid = P.throttle_efficiency(1.4 * u.kW, powers, etas)  # half way: the mean, by hand
    assert float(mid) == pytest.approx((0.354 + 0.608) / 2)
    many = P.throttle_efficiency([0.5, 1.0, 2.0] * u.kW, powers, etas)
    assert np.all(np.diff(many) > 0)  # less power, less efficient


def test_widget_model_reproduces_nstar_at_its_lowest_throttle_point():
    """At 0.5 kW and 1,900 s the model must give NSTAR's measured ~19 mN, not full-power efficiency's 62 mN."""
    from utils.facts import fact

    ends = [fact("nstar.power_min"), fact("nstar.power_max")]
    etas = [
        P.jet_efficiency(fact(f"nstar.thrust_{k}"), fact(f"nstar.isp_{k}"), fact(f"nstar.power_{k}"))
        for k in ("min", "max")
    ]
    eta_low = P.throttle_efficiency(fact("nstar.power_min"), u.Quantity(ends), u.Quantity(etas))
    F = P.power_limited_thrust(fact("nstar.power_min"), fact("nstar.isp_min"), eta_low)
    assert F.to_value(u.mN) == pytest.approx(fact("nstar.thrust_min").to_value(u.mN), rel=1e-6)
    full = P.power_limited_thrust(fact("nstar.power_min"), fact("nstar.isp_min"), etas[1])
    assert full.to_value(u.mN) > 1.5 * F.to_value(u.mN)


@pytest.mark.parametrize(
    "call, words",
    [
        (lambda: P.throttle_efficiency(3 * u.kW, [0.5, 2.3] * u.kW, [0.35, 0.61]), "measured between"),
        (lambda: P.throttle_efficiency(0.4 * u.kW, [0.5, 2.3] * u.kW, [0.35, 0.61]), "measured between"),
        (lambda: P.throttle_efficiency(1 * u.kW, [2.3, 0.5] * u.kW, [0.61, 0.35]), "must increase"),
        (lambda: P.throttle_efficiency(1 * u.kW, [0.5, 2.3] * u.kW, [0.35]), "one efficiency for each power"),
        (lambda: P.throttle_efficiency(1 * u.kW, [0.5, 2.3] * u.kW, [0.35, 1.2]), "at most 1"),
    ],
)
def test_throttle_efficiency_bad_input(call, words):
    with pytest.raises(ValueError, match=words):
        call()


# ---------------------------------------------------------------- a thrust arc with solve_ivp
def test_thrust_arc_without_thrust_stays_on_the_circle():
    r = L5._thrust_arc_distance(2.36 * u.AU, 0 * u.mm / u.s**2, 1 * u.yr)
    assert r.to_value(u.AU) == pytest.approx(2.36, rel=1e-9)


def test_thrust_arc_climbs_and_agrees_with_the_spiral_energy():
    """Tangential thrust raises the orbit; a slow arc ends near Edelbaum's radius for the same delta-v."""
    acc, t = 0.01 * u.mm / u.s**2, 2 * u.yr
    r = L5._thrust_arc_distance(1 * u.AU, acc, t)
    v0 = np.sqrt(GM_sun / (1 * u.AU))
    edelbaum_r = (GM_sun / (v0 - acc * t) ** 2).to(u.AU)  # radius whose circular speed is v0 - a t
    assert 1 < r.to_value(u.AU) < 1.2
    assert r.to_value(u.AU) == pytest.approx(edelbaum_r.to_value(u.AU), rel=0.01)
    radial = L5._thrust_arc_distance(1 * u.AU, acc, t, direction="radial")
    assert abs(radial - r) > 0.001 * u.AU  # pushing outward is another orbit


@pytest.mark.parametrize(
    "call, error, words",
    [
        (lambda: L5._thrust_arc_distance(1 * u.AU, 1 * u.N, 1 * u.yr), u.UnitsError, "acceleration"),
        (lambda: L5._thrust_arc_distance(1 * u.AU, 1 * u.mm / u.s**2, -1 * u.yr), ValueError, "duration"),
        (
            lambda: L5._thrust_arc_distance(1 * u.AU, 1 * u.mm / u.s**2, 1 * u.yr, direction="up"),
            ValueError,
            "direction",
        ),
    ],
)
def test_thrust_arc_bad_input(call, error, words):
    with pytest.raises(error, match=words):
        call()


# ---------------------------------------------------------------- the Explore widget
def _budget_chart():
    return P.BudgetChart(
        792.7 * u.kg,
        [0.5, 2.3] * u.kW,
        [0.354, 0.608],
        (3100 * u.s, 425 * u.kg, 2.3 * u.kW),
        ["#332288", "#44AA99", "#999933"],
        reference_name="Dawn",
    )


def test_design_budget_by_hand():
    dv, F, t = P._design_budget(3100 * u.s, 425 * u.kg, 2.3 * u.kW, 792.7 * u.kg, 0.608)
    v_e = 3100 * 9.80665  # m/s
    assert dv.to_value(u.m / u.s) == pytest.approx(v_e * np.log(1217.7 / 792.7))
    assert F.to_value(u.N) == pytest.approx(2 * 0.608 * 2300 / v_e)
    assert t.to_value(u.s) == pytest.approx(425 * v_e / (2 * 0.608 * 2300 / v_e))


def test_bar_labels_keep_three_significant_figures():
    assert P._value_label(3.0, "km/s") == "3.00 km/s"  # not a bare "3" beside "52.1"
    assert P._value_label(52.14, "km/s") == "52.1 km/s"
    assert P._value_label(100.0, "mN") == "100 mN"  # no trailing point
    assert P._value_label(0.05, "years").endswith(" days")


def test_widget_draw_texts_follow_the_controls(capsys):
    """The widget's draw function at several slider values: title, value labels and alt text all change."""
    chart = _budget_chart()
    seen = []
    for isp, xenon, power in ((2500, 425, 1.3), (3100, 425, 2.3), (1900, 200, 0.5), (4000, 1000, 1.8)):
        chart.draw(isp, xenon, power)
        title = chart.ax.title.get_text()
        values = [t.get_text() for t in chart._chart.values]
        assert f"Isp {isp:,.0f} s" in title and f"{xenon:,.0f} kg" in title and f"{power:.1f} kW" in title
        assert f"efficiency {chart.efficiency(power):.0%}" in title  # a percentage, never a bare 0.xx
        dv, F, t = chart._values(isp, xenon, power)
        assert values == [P._value_label(dv, "km/s"), P._value_label(F, "mN"), P._value_label(t, "years")]
        alt = chart._alt(isp, xenon, power)
        assert f"{isp:,.0f} s" in alt and f"{F:#,.3g} mN" in alt
        seen.append((title, tuple(values)))
    assert len(set(seen)) == len(seen)
    # the names and the reference label do not move
    names = [t.get_text() for t in chart.ax.texts if t not in chart._chart.values + chart._chart.offscale]
    assert names == ["delta-v", "thrust", "burn time"]
    assert chart.ax.get_xlabel() == "relative to Dawn (log scale)"


def test_widget_short_burn_in_days():
    """A burn under 0.1 year is labelled in days, in the bar label and in the alt text alike."""
    chart = _budget_chart()
    _, _, t = chart._values(1000, 25, 2.3)
    assert t < 0.1
    days = (t * u.yr).to_value(u.day)
    chart.update(1000, 25, 2.3)
    assert chart._chart.values[2].get_text() == f"{days:,.2g} days"
    assert f"{days:,.2g} days of thrusting" in chart._alt(1000, 25, 2.3)
    assert "years" not in chart._chart.values[2].get_text()


def test_widget_thrust_falls_faster_than_power():
    chart = _budget_chart()
    _, F_full, _ = chart._values(3100, 425, 2.3)
    _, F_low, _ = chart._values(3100, 425, 0.5)
    assert F_low / F_full < 0.5 / 2.3  # efficiency falls with power too
    assert chart.power_range == (0.5, 2.3)
    with pytest.raises(ValueError, match="measured between"):
        chart._values(3100, 425, 5.0)


def test_widget_text_is_at_least_9_points():
    chart = _budget_chart()
    chart.render(2500, 425, 1.3)
    sizes = [t.get_fontsize() for t in chart.ax.texts] + [
        chart.ax.title.get_fontsize(),
        chart.ax.xaxis.label.get_fontsize(),
    ]
    sizes += [t.get_fontsize() for t in chart.ax.get_xticklabels()]
    assert min(sizes) >= 9


# ---------------------------------------------------------------- exercises
DAWN = dict(isp=3100 * u.s, initial_mass=1217.7 * u.kg, propellant_mass=425 * u.kg)


def _three_figures(q):
    """q rounded to three significant figures, as a student would write it."""
    return _figures(q, 3)


def _figures(q, n):
    """q rounded to n significant figures."""
    return float(f"{q.value:.{n}g}") * q.unit


def test_exercises_follow_their_inputs():
    assert check("05.11", 30.4 * KMS, isp=3100 * u.s).ok
    assert not check("05.11", 30.4 * KMS, isp=1900 * u.s).ok
    # by hand: sqrt(2 x 2 e x 1300 V / 131.293 u)
    by_hand = np.sqrt(2 * 2 * 1.602176634e-19 * 1300 / (131.293 * 1.66053906660e-27))
    got = _expected_answer("05.2", voltage=1300 * u.V, ion_mass=131.293 * u.u, charge_number=2)
    assert got.to_value(u.m / u.s) == pytest.approx(by_hand, rel=1e-6)
    assert check("05.3", 13.05 * KMS, **DAWN).ok
    assert not check("05.3", 11.49 * KMS, **DAWN).ok
    four = dict(propellant_mass=425 * u.kg, time=5.87 * u.yr, isp=3100 * u.s, full_thrust=90 * u.mN)
    by_hand = 425 / (5.87 * 365.25 * 86400) * 3100 * 9.80665  # newtons
    assert _expected_answer("05.12", **four).to_value(u.N) == pytest.approx(by_hand)
    # by hand: 792.7 kg x (exp(11.49 / (450 x 9.80665 / 1000)) - 1)
    by_hand = 792.7 * (np.exp(11.49 / (450 * 9.80665e-3)) - 1)
    got = _expected_answer("05.13", delta_v=11.49 * KMS, isp=450 * u.s, final_mass=792.7 * u.kg)
    assert got.to_value(u.kg) == pytest.approx(by_hand)
    # by hand: ln(m0'/mf) = 2 ln(m0/mf), so m0' = mf (m0/mf)^2
    twice = _expected_answer("05.14", final_mass=792.7 * u.kg, propellant_mass=425 * u.kg)
    assert twice.to_value(u.kg) == pytest.approx(1217.7**2 / 792.7 - 792.7)
    dv1 = L5._rocket_delta_v(3000 * u.s, 1217.7 * u.kg, 425 * u.kg)
    dv2 = L5._rocket_delta_v(3000 * u.s, 792.7 * u.kg + twice, twice)
    assert (dv2 / dv1).to_value(u.one) == pytest.approx(2)
    assert not check("05.14", 850 * u.kg, final_mass=792.7 * u.kg, propellant_mass=425 * u.kg).ok
    # Vesta to Ceres: Edelbaum 1.4744 km/s, Hohmann 1.4721 km/s, so the spiral costs 0.0023 km/s more
    assert check("05.5", 0.00230 * KMS, a_start=2.362 * u.AU, a_end=2.767 * u.AU).ok
    seven = dict(a_start=2.362 * u.AU, acceleration=0.052 * u.mm / u.s**2, duration=1 * u.yr)
    assert _expected_answer("05.7", **seven) == L5._thrust_arc_distance(2.362 * u.AU, 0.052 * u.mm / u.s**2, 1 * u.yr)
    t = _expected_answer("05.16", delta_v=1.5 * KMS, mass=900 * u.kg, power=1.3 * u.kW, isp=3100 * u.s, efficiency=0.6)
    F = 2 * 0.6 * 1300 / (3100 * 9.80665)  # newtons, by hand
    assert t.to_value(u.s) == pytest.approx(900 * 1500 / F)
    assert check("05.16", ..., delta_v=1.5 * KMS).status == "unanswered"
    nine = dict(delta_v=2.9 * KMS, mass=1200 * u.kg, power=1.8 * u.kW, efficiency=0.6, time=2.5 * u.yr)
    isp = _expected_answer("05.17", **nine)
    by_hand = 2 * 0.6 * 1800 * (2.5 * 365.25 * 86400) / (1200 * 2900) / 9.80665  # seconds
    assert isp.to_value(u.s) == pytest.approx(by_hand)
    # the design closes the loop: at that Isp, exercise 16's time is exactly the time allowed
    back = _expected_answer("05.16", delta_v=2.9 * KMS, mass=1200 * u.kg, power=1.8 * u.kW, isp=isp, efficiency=0.6)
    assert back.to_value(u.yr) == pytest.approx(2.5)
    assert not check("05.17", 3100 * u.s, **nine).ok
    jet = _expected_answer("05.15", thrust=280 * u.mN, isp=1800 * u.s)
    assert jet.to_value(u.W) == pytest.approx(0.280 * 1800 * 9.80665 / 2)


def test_the_other_sources_isp_gets_the_g_ten_hint_that_names_it_and_nstars_input_power_its_own():
    one = dict(isp=1900 * u.s, isp_full=3100 * u.s, isp_other=1950 * u.s)
    wrong = check("05.11", (1950 * u.s * 9.80665 * u.m / u.s**2).to(KMS), **one)
    assert not wrong.ok and "other source" in str(wrong.message)
    # without isp_other, the value comes from the note of the facts row passed as isp
    from utils.facts import fact

    low = fact("nstar.isp_min")
    wrong = check("05.11", (1950 * u.s * 9.80665 * u.m / u.s**2).to(KMS), isp=low, isp_full=3100 * u.s)
    assert not wrong.ok and "other source" in str(wrong.message)
    assert check("05.11", (low * 9.80665 * u.m / u.s**2).to(KMS), isp=low, isp_full=3100 * u.s).ok
    ten = dict(thrust=280 * u.mN, isp=1800 * u.s, electric_power=2.3 * u.kW)
    wrong = check("05.15", 2.3 * u.kW, **ten)
    assert not wrong.ok and "into" in str(wrong.message)


def test_titles_follow_the_inputs():
    from utils.checks import _get_exercise

    assert _get_exercise("05.5").title_for(a_start=1 * u.AU, a_end=2.362 * u.AU) == (
        "Exercise 5 · how much more does the spiral cost than Hohmann, from 1.00 AU to 2.36 AU?"
    )
    assert "1900 s" in _get_exercise("05.11").title_for(isp=1900 * u.s)
    assert "charge 3e" in _get_exercise("05.2").title_for(charge_number=3)


EXERCISE_INPUTS = {
    "05.11": dict(isp=1900 * u.s, isp_full=3100 * u.s, isp_other=1950 * u.s),
    "05.2": dict(voltage=1300 * u.V, ion_mass=131.293 * u.u, charge_number=2),
    "05.3": DAWN,
    "05.12": dict(propellant_mass=425 * u.kg, time=5.87 * u.yr, isp=3100 * u.s, full_thrust=90 * u.mN),
    "05.13": dict(delta_v=11.49 * KMS, isp=452 * u.s, final_mass=792.7 * u.kg),
    "05.14": dict(final_mass=792.7 * u.kg, propellant_mass=425 * u.kg),
    "05.5": dict(a_start=1 * u.AU, a_end=2.362 * u.AU),
    "05.7": dict(a_start=2.362 * u.AU, acceleration=0.052 * u.mm / u.s**2, duration=1 * u.yr),
    "05.8": dict(a_start=2.362 * u.AU, acceleration=0.052 * u.mm / u.s**2, duration=1 * u.yr),
    "05.16": dict(delta_v=2.92 * KMS, mass=1217.7 * u.kg, power=1.79 * u.kW, isp=3100 * u.s, efficiency=0.536),
    "05.17": dict(delta_v=2.92 * KMS, mass=1217.7 * u.kg, power=1.79 * u.kW, efficiency=0.536, time=2.5 * u.yr),
    "05.15": dict(thrust=280 * u.mN, isp=1800 * u.s, electric_power=2.3 * u.kW),
}


@pytest.mark.parametrize("exercise_id", sorted(EXERCISE_INPUTS))
def test_rounded_answers_pass_and_every_mistake_gets_its_own_hint(exercise_id):
    from utils.checks import _get_exercise, _within_rounding

    ex, inputs = _get_exercise(exercise_id), EXERCISE_INPUTS[exercise_id]
    right = ex.expected(**inputs)
    assert check(exercise_id, _three_figures(right), **inputs).ok, "3 significant figures must pass"
    assert ex.mistakes, "every numeric exercise lists its likely mistakes"
    for mistake in ex.mistakes:
        wrong = mistake.solve(**{**ex.defaults, **inputs})
        # a near miss (under 1 % off, e.g. 05.7's solver left at its default tolerance) shows only in the 4th figure
        ratio = (wrong / right).decompose()
        figures = 4 if ratio.unit == u.one and abs(float(ratio) - 1) < 0.01 else 3
        shown = _figures(wrong, figures)
        result = check(exercise_id, shown, **inputs)
        # a mistake in another unit (a speed for a distance) is a form to fix: "invalid", with its own hint
        allowed = ("incorrect",) if shown.unit.is_equivalent(right.unit) else ("incorrect", "invalid")
        assert result.status in allowed, (exercise_id, mistake.hint)
        if shown.unit.is_equivalent(right.unit) and _within_rounding(
            float(shown.to_value(right.unit)), float(right.value)
        ):
            # a mistake's value that is also the right answer rounded (05.7's 2.5 AU; 05.11's 19.0 km/s, g = 10
            # at 1,900 s and 18.6 rounded): the message names the rounding, never the conceptual error alone
            assert "significant figures" in result.message
            continue
        assert mistake.hint in result.message
        assert f"{right.value:.3g}" not in mistake.hint  # a hint never gives the answer


def test_hohmann_and_edelbaum_get_different_verdicts():
    """The two methods the lesson contrasts: the answer is their difference; either one alone gets its hint."""
    legs = dict(a_start=1 * u.AU, a_end=2.362 * u.AU)
    edelbaum, hohmann = P._edelbaum_delta_v(1 * u.AU, 2.362 * u.AU), P.hohmann_delta_v(1 * u.AU, 2.362 * u.AU)
    assert check("05.5", edelbaum - hohmann, **legs).ok
    rounded_first = check("05.5", _three_figures(edelbaum) - _three_figures(hohmann), **legs)  # 10.4 - 9.95
    assert not rounded_first.ok and "rounded too much" in rounded_first.message  # the task: subtract unrounded
    for alone, words in ((edelbaum, "whole delta-v (Edelbaum"), (hohmann, "Hohmann transfer's whole")):
        verdict = check("05.5", alone, **legs)
        assert not verdict.ok and words in verdict.message
    assert "negative" in check("05.5", hohmann - edelbaum, **legs).message


def test_written_question_is_registered():
    from utils.exercises import lesson05

    assert set(lesson05.WRITTEN) == {"05.1", "05.6"}
    assert not set(lesson05.WRITTEN) & set(lesson05._EXERCISES)


def test_jet_efficiency_above_one_names_the_problem_not_the_number():
    """The efficiency times the power would be exercise 15's jet power: the error must not print it."""
    import re

    for power in (2.3 * u.kW, 1 * u.kW):
        with pytest.raises(ValueError) as err:
            P.jet_efficiency(280 * u.mN, 1800 * u.s, power)
        message = str(err.value)
        assert "above the input power" in message
        assert not re.search(r"\d", message), message
