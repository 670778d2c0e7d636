"""The shared validators of utils.units: one rule per idea (albedos, G*M, p:q, single values)."""

from __future__ import annotations

import astropy.units as u
import numpy as np
import pytest
from astropy.constants import GM_sun

from utils import belt, orbits, photometry, propulsion, resonance, thermal, units
from utils.units import require


def test_albedo_rules_are_named_by_kind():
    assert units.ALBEDO_LIMITS == {"bond": 1.0, "single-scattering": 1.0, "geometric": 2.0}
    assert units.albedo(1.4, "p") == 1.4  # Enceladus' geometric albedo
    for kind in ("bond", "single-scattering"):
        assert units.albedo(1.0, "A", kind=kind) == 1.0
        with pytest.raises(ValueError, match="from 0 to 1"):
            units.albedo(1.01, "A", kind=kind)  # more light out than in
    with pytest.raises(ValueError, match="percentage"):
        units.albedo(9, "p")  # 9 % typed as 9
    with pytest.raises(ValueError, match="positive"):
        units.albedo(0, "p", positive=True)
    assert np.allclose(units.albedo([0.1, 0.4], "p"), [0.1, 0.4])
    with pytest.raises(ValueError, match="kind"):
        units.albedo(0.1, "p", kind="normal")


def test_every_module_uses_the_rule_of_its_albedo():
    # thermal balance takes a Bond albedo; the size from H a geometric one; Lambert's albedo is its Bond albedo
    with pytest.raises(ValueError, match="Bond albedo"):
        thermal._subsolar_temperature(1361 * u.W / u.m**2, 1.2, 1 * u.AU)
    assert belt._diameter_from_h(5, 1.2) > 0 * u.km
    with pytest.raises(ValueError, match="Bond albedo"):
        photometry._lambert(1.2, 1.0)
    assert float(photometry._lommel_seeliger(1.2, 1.0, 1.0)) == pytest.approx(1.2)


def test_one_gravitational_parameter():
    assert units.gravitational_parameter(None) == GM_sun.to(units.MU_UNIT)
    assert units.gravitational_parameter(3.986e14 * u.m**3 / u.s**2).unit == units.MU_UNIT
    with pytest.raises(u.UnitsError, match="mu must be a gravitational parameter G\\*M"):
        units.gravitational_parameter(5 * u.km)
    with pytest.raises(u.UnitsError, match="for example mu = 12.3"):
        units.gravitational_parameter(5.0)
    with pytest.raises(ValueError, match="single value"):
        units.gravitational_parameter([1, 2] * units.MU_UNIT)
    # orbits and propulsion give the same answer for the same G*M
    earth = 398600.4418 * units.MU_UNIT
    v_orbits = orbits.circular_speed(7000 * u.km, mu=earth)
    v_default = orbits.circular_speed(1 * u.AU)
    assert v_default.to_value(u.km / u.s) == pytest.approx(29.78, abs=0.01)
    assert v_orbits.to_value(u.km / u.s) == pytest.approx(7.546, abs=1e-3)
    hohmann = propulsion.hohmann_delta_v(7000 * u.km, 7000 * u.km * 1.0001, mu=earth)
    assert hohmann.to_value(u.m / u.s) == pytest.approx(v_orbits.to_value(u.m / u.s) * 0.0001 / 2, rel=1e-3)
    for module_call in (
        lambda mu: orbits.circular_speed(1 * u.AU, mu=mu),
        lambda mu: propulsion.hohmann_delta_v(1 * u.AU, 1.5 * u.AU, mu=mu),
    ):
        with pytest.raises(u.UnitsError, match="mu must be a gravitational parameter"):
            module_call(5 * u.km)


def test_one_p_to_q_check():
    assert units.resonance_pair(3, 1) == (3, 1)
    assert units.resonance_pair(5.0, 2) == (5, 2)  # a whole float is a whole number
    for bad in ((1, 3), (2, 2)):
        with pytest.raises(ValueError, match="p > q"):
            units.resonance_pair(*bad)
        with pytest.raises(ValueError, match="p > q"):
            orbits._resonance_location(5.2 * u.AU, *bad)
        with pytest.raises(ValueError, match="p > q"):
            resonance.resonant_angle(0.0, 0.0, 0.0, *bad)
        with pytest.raises(ValueError, match="ratios: an interior resonance"):
            belt._kirkwood_resonances(5.2 * u.AU, [bad])
    with pytest.raises(ValueError, match="whole number"):
        units.resonance_pair(2.5, 1)


def test_one_list_of_kirkwood_resonances():
    assert list(belt._kirkwood_resonances(5.2 * u.AU)) == [f"{p}:{q}" for p, q in resonance.KIRKWOOD_RESONANCES]
    assert set(belt.MARKED_RESONANCES) == set(resonance.KIRKWOOD_RESONANCES) - {(5, 2)}
    assert not hasattr(belt, "KIRKWOOD_RATIOS")


def test_require_single_values_and_named_kinds():
    assert units.require(3 * u.km, u.m, "r", scalar=True) == 3 * u.km
    with pytest.raises(ValueError, match="r must be a single value"):
        units.require([1, 2] * u.km, u.m, "r", scalar=True)
    with pytest.raises(u.UnitsError, match="mdot needs a unit of mass flow"):
        units.require(3.0, u.kg / u.s, "mdot", kind="mass flow")


def test_require_accepts_any_compatible_unit():
    assert require(2 * u.AU, u.km, "a") == 2 * u.AU


@pytest.mark.parametrize(
    "value, err, words",
    [
        (3.0, u.UnitsError, "needs a unit of length"),
        (3 * u.kg, u.UnitsError, "must be a length"),
        (-3 * u.km, ValueError, "positive"),
        (float("nan") * u.km, ValueError, "finite"),
    ],
)
def test_require_rejects_with_clear_message(value, err, words):
    with pytest.raises(err, match=words):
        require(value, u.km, "a", positive=True)


def test_require_nonnegative():
    assert require(0 * u.kg, u.kg, "m", nonnegative=True) == 0 * u.kg
    with pytest.raises(ValueError, match="cannot be negative"):
        require(-1 * u.kg, u.kg, "m", nonnegative=True)


def test_array_conditions_at_their_boundaries():
    # every element counts, whether the values are all finite (least and greatest) or not
    edge = np.array([[0.0, 1.0], [2.0, 3.0]])
    assert units.array(edge, "a", low=0, high=3) is not None
    with pytest.raises(ValueError, match=r"at least 0.5; got an array with values \[0. 1. 2. 3.\]"):
        units.array(edge, "a", low=0.5)
    with pytest.raises(ValueError, match="at most 2.5"):
        units.array(edge, "a", high=2.5)
    with pytest.raises(ValueError, match="finite"):
        units.array(np.array([1.0, np.nan]), "a")
    with pytest.raises(ValueError, match="too large"):
        units.array(np.array([-2e50, 1.0]), "a")
    with pytest.raises(ValueError, match="positive"):
        units.number(edge, "x", positive=True)
    assert units.number(edge, "x", nonnegative=True).shape == (2, 2)
    with pytest.raises(ValueError, match="negative"):
        units.number(-edge, "x", nonnegative=True)
    # with non-finite values allowed, -inf is still not positive and nan breaks no bound
    with pytest.raises(ValueError, match="positive"):
        units.number(np.array([-np.inf, 1.0]), "x", finite=False, positive=True)
    assert units.number(np.array([np.nan, 1.0]), "x", finite=False, low=0, high=2).shape == (2,)
    with pytest.raises(ValueError, match="at most 2"):
        units.number(np.array([np.nan, 3.0]), "x", finite=False, high=2)


def test_a_unit_where_a_plain_number_is_wanted_is_named_plainly():
    import astropy.units as u

    from utils.units import require

    with pytest.raises(u.UnitsError) as err:
        require(20 * u.pix, u.one, "n_pixels")
    assert "plain number" in str(err.value) and "convertible to )" not in str(err.value)
    assert "(unknown)" not in str(err.value)
