"""Reflectance laws, areal mixing and their exercises (utils.photometry)."""

from __future__ import annotations

import astropy.units as u
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from utils import photometry as ph
from utils.checks import _expected_answer, check

IFOV = 93.7 * u.urad


def test_laws_agree_face_on_and_differ_at_the_limb():
    assert float(ph._lambert(0.3, 1.0)) == pytest.approx(0.3)
    assert float(ph._lommel_seeliger(0.3, 1.0, 1.0)) == pytest.approx(0.3)
    # at zero phase (mu0 = mu) Lommel-Seeliger has no limb darkening, Lambert does
    assert float(ph._lommel_seeliger(0.3, 0.2, 0.2)) == pytest.approx(0.3)
    assert float(ph._lambert(0.3, 0.2)) == pytest.approx(0.06)
    assert float(ph._lambert(0.3, -0.5)) == 0.0 and float(ph._lommel_seeliger(0.3, -0.5, 0.5)) == 0.0


def test_the_laws_are_private_so_no_public_route_answers_exercise_1():
    """Exercise 1 asks for the Lommel-Seeliger law written out: no public name of the module computes it."""
    public = set(ph.__all__) | {n for n in vars(ph) if not n.startswith("_")}
    assert not public & {"lambert", "lommel_seeliger", "LAWS"}
    incidence, emission, albedo = 60 * u.deg, 75 * u.deg, 0.09 * u.one
    answer = float(ph._lommel_seeliger(albedo, np.cos(incidence), np.cos(emission)))
    assert check("06.2", answer, albedo=albedo, incidence=incidence, emission=emission).ok  # what the helper did
    for name in ph.__all__:  # every public function, fed the exercise's cosines, gives something else
        function = getattr(ph, name)
        for args in ((albedo, np.cos(incidence), np.cos(emission)), (albedo, np.cos(incidence))):
            try:
                result = function(*args)
            except Exception:
                continue
            assert not check("06.2", result, albedo=albedo, incidence=incidence, emission=emission).ok, name


@settings(max_examples=60, deadline=None)
@given(st.floats(0, 1), st.floats(0.01, 1), st.floats(0.01, 1), st.floats(1.01, 5))
def test_laws_scale_with_albedo_and_stay_bounded(a, mu0, mu, k):
    for law in (lambda alb: ph._lambert(alb, mu0), lambda alb: ph._lommel_seeliger(alb, mu0, mu)):
        assert float(law(a / k)) == pytest.approx(float(law(a)) / k, abs=1e-12)
        assert 0 <= float(law(a)) <= 2 * a + 1e-12


def test_law_input_errors():
    with pytest.raises(ValueError, match="cosine"):
        ph._lommel_seeliger(0.1, 2.0, 0.5)
    with pytest.raises(ValueError, match="law must be"):
        ph.geometric_albedo(0.1, "minnaert")


def test_albedo_rules_follow_the_physics():
    # a Lambert surface's albedo is its Bond albedo: it cannot reflect more light than it receives
    with pytest.raises(ValueError, match="Bond albedo"):
        ph._lambert(1.5, 0.5)
    with pytest.raises(ValueError, match="Bond albedo"):
        ph.geometric_albedo(1.2, "lambert")
    # the Lommel-Seeliger albedo is a geometric albedo: an icy surface such as Enceladus' exceeds 1
    assert float(ph._lommel_seeliger(1.4, 0.5, 0.5)) == pytest.approx(1.4)
    assert float(ph.diluted_albedo(1.4, 0.09, 50 * u.km, 10 * u.km)) == pytest.approx(1.4)
    with pytest.raises(ValueError, match="percentage"):
        ph._lommel_seeliger(9, 0.5, 0.5)  # 9 % typed as 9


@settings(max_examples=40, deadline=None)
@given(st.floats(0.1, 50), st.floats(0.1, 100))
def test_diluted_albedo_between_background_and_spot(spot_km, pix_km):
    a = ph.diluted_albedo(0.4, 0.09, spot_km * u.km, pix_km * u.km).to_value(u.one)
    assert 0.09 - 1e-12 <= a <= 0.4 + 1e-12
    if spot_km * np.sqrt(np.pi) / 2 >= pix_km:  # the spot's area covers the pixel
        assert a == pytest.approx(0.4)


def test_diluted_albedo_errors():
    with pytest.raises(u.UnitsError, match="pixel_size"):
        ph.diluted_albedo(0.4, 0.09, 10 * u.km, 5)
    with pytest.raises(ValueError, match="spot_diameter"):
        ph.diluted_albedo(0.4, 0.09, -10 * u.km, 5 * u.km)


def test_exercise_1_is_the_lommel_seeliger_law_and_catches_lambert():
    kw = dict(albedo=0.09, incidence=60 * u.deg, emission=75 * u.deg)
    mu0, mu = 0.5, np.cos(np.radians(75))
    expected = _expected_answer("06.2", **kw)
    assert expected == pytest.approx(0.09 * 2 * mu0 / (mu0 + mu))
    assert check("06.2", round(expected, 4), **kw).ok
    lambert = check("06.2", 0.09 * mu0, **kw)  # the law the lesson contrasts
    assert lambert.status == "incorrect" and "Lambert" in lambert.message
    swapped = check("06.2", 0.09 * 2 * mu / (mu0 + mu), **kw)
    assert "incidence" in swapped.message
    # the answer follows the inputs: face-on, both laws give A
    assert _expected_answer("06.2", albedo=0.09, incidence=0 * u.deg, emission=0 * u.deg) == pytest.approx(0.09)


def test_exercises_2_and_3_follow_their_inputs():
    d = _expected_answer("06.7", size=92 * u.km, pixels=50, ifov=IFOV)
    assert d.to_value(u.km) == pytest.approx(92 / (50 * 93.7e-6))
    assert check("06.7", d, size=92 * u.km, pixels=50, ifov=IFOV).ok
    assert not check("06.7", d, size=92 * u.km, pixels=20, ifov=IFOV).ok
    half = check("06.7", d / 2, size=92 * u.km, pixels=50, ifov=IFOV)
    assert "diameter" in half.message
    inputs = dict(
        spot_albedo=0.4,
        background_albedo=0.09,
        spot_diameter=10 * u.km,
        distance=146000 * u.km,
        far_distance=383000 * u.km,
        ifov=IFOV,
    )
    r = _expected_answer("06.3", **inputs)
    near, far = (np.pi * 5**2 / (d * 93.7e-6) ** 2 for d in (146000, 383000))
    assert type(r) is float and r == pytest.approx((0.09 + near * 0.31) / (0.09 + far * 0.31))
    assert check("06.3", round(r, 2), **inputs).ok and not check("06.3", 2, **inputs).ok
    for wrong, words in (
        (1 / r, "far pixel over the near"),
        (near / far, "fills"),
        (383 / 146, "ratio of the distances"),
        (0.09 + near * 0.31, "nearer distance alone"),
        ((0.09 + near * 0.31) / 0.09, "Ceres' ground"),
    ):
        res = check("06.3", wrong, **inputs)
        assert res.status == "incorrect" and words in res.message, (wrong, res.message)


def test_exercise_7_natural_formula_with_the_ifov_as_an_angle_is_accepted():
    kw = dict(size=92 * u.km, pixels=50, ifov=IFOV)
    for ifov in (IFOV, IFOV.to(u.rad)):  # km/urad or km/rad: a small angle is a pure number in radians
        assert check("06.7", 92 * u.km / (50 * ifov), **kw).ok
    assert check("06.7", (92 * u.km / (50 * IFOV.to_value(u.rad))).to(u.km), **kw).ok
    plain = check("06.7", "223", **kw)  # a plain-number exercise says so for a wrong type
    assert plain.status == "invalid" and "number" in plain.message


def test_exercise_4_ratio_at_the_low_end_and_its_mistakes():
    kw = dict(spot_albedo=0.4, background_albedo=0.09, spread=0.25)
    r = _expected_answer("06.1", **kw)
    assert r == pytest.approx(0.75 * 0.4 / 0.09)
    assert check("06.1", round(r, 2), **kw).ok
    assert check("06.1", 0.75 * 0.4 * u.one / (0.09 * u.one), **kw).ok
    for wrong, word in (
        (0.4 / 0.09, "as read"),
        (1.25 * 0.4 / 0.09, "high end"),
        (0.09 / (0.75 * 0.4), "faculae on top"),
        (0.75 * 0.4 - 0.09, "difference"),
    ):
        res = check("06.1", wrong, **kw)
        assert res.status == "incorrect" and word in res.message, (wrong, res.message)
    # the answer follows the inputs, and a bad spread is refused in words
    assert _expected_answer("06.1", spot_albedo=0.4, background_albedo=0.09, spread=0.5) == pytest.approx(0.2 / 0.09)
    bad = check("06.1", 3.3, spot_albedo=0.4, background_albedo=0.09, spread=1.5)
    assert bad.status == "invalid" and "spread" in bad.message.lower()


@pytest.mark.parametrize("law", ["lambert", "lommel-seeliger"])
def test_geometric_albedo_is_the_mean_disc_brightness_at_zero_phase(law):
    c = (np.arange(600) + 0.5) / 300 - 1
    rho2 = c[:, None] ** 2 + c[None, :] ** 2
    mu = np.sqrt(1 - rho2[rho2 < 1])
    disc_mean = float(np.mean(ph._LAWS[law](0.3, mu, mu)))
    assert disc_mean == pytest.approx(float(ph.geometric_albedo(0.3, law)), rel=1e-3)
    with pytest.raises(ValueError, match="law must be"):
        ph.geometric_albedo(0.3, "hapke")
