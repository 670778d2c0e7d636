"""Photometric laws and the camera model of Occator (utils.photometry)."""

from __future__ import annotations

import astropy.units as u
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from utils import photometry as ph
from utils.camera import pixel_scale
from utils.checks import check, expected_answer

IFOV = 93.7 * u.urad
MODEL = ph.OccatorModel(0.09, 0.4, 92 * u.km, 10 * u.km)


@pytest.fixture(scope="module")
def scene():
    return ph.make_scene(MODEL, n_px=400)


def test_laws_agree_face_on_and_differ_at_the_limb():
    assert float(ph.lambert(0.3, 1.0)) == pytest.approx(0.3)
    assert float(ph.lommel_seeliger(0.3, 1.0, 1.0)) == pytest.approx(0.3)
    # at zero phase (mu0 = mu) Lommel-Seeliger has no limb darkening, Lambert does
    assert float(ph.lommel_seeliger(0.3, 0.2, 0.2)) == pytest.approx(0.3)
    assert float(ph.lambert(0.3, 0.2)) == pytest.approx(0.06)
    assert float(ph.lambert(0.3, -0.5)) == 0.0 and float(ph.lommel_seeliger(0.3, -0.5, 0.5)) == 0.0


@settings(max_examples=60, deadline=None)
@given(st.floats(0, 1), st.floats(0.01, 1), st.floats(0.01, 1), st.floats(1.01, 5))
def test_laws_scale_with_albedo_and_stay_bounded(a, mu0, mu, k):
    for law in (lambda alb: ph.lambert(alb, mu0), lambda alb: ph.lommel_seeliger(alb, mu0, mu)):
        assert float(law(a / k)) == pytest.approx(float(law(a)) / k, abs=1e-12)
        assert 0 <= float(law(a)) <= 2 * a + 1e-12


def test_law_input_errors():
    with pytest.raises(ValueError, match="albedo"):
        ph.lambert(1.5, 0.5)
    with pytest.raises(ValueError, match="cosine"):
        ph.lommel_seeliger(0.1, 2.0, 0.5)
    with pytest.raises(ValueError, match="law must be"):
        ph.render_sphere(32, MODEL, 470 * u.km, 0 * u.deg, law="minnaert")


def test_albedo_map_has_the_facula_and_the_background():
    assert float(ph.albedo_map(0 * u.km, 0 * u.km, MODEL)) == pytest.approx(0.4, abs=0.01)
    far = ph.albedo_map(np.array([-30.0, -20.0]) * u.km, np.array([-30.0, -25.0]) * u.km, MODEL)
    assert np.all(np.abs(far - 0.09) < 0.01)
    with pytest.raises(u.UnitsError):
        ph.albedo_map(0, 0 * u.km, MODEL)
    with pytest.raises(ValueError, match="facula"):
        ph.OccatorModel(0.09, 1.4, 92 * u.km, 10 * u.km)


def test_sphere_full_disc_lommel_seeliger_is_flat():
    flat = ph.OccatorModel(0.09, 0.09, 92 * u.km, 10 * u.km, texture=0.0)
    img = ph.render_sphere(101, flat, 470 * u.km, 0 * u.deg, law="lommel-seeliger")
    disc = img[img > 0]
    assert np.mean(np.abs(disc - 0.09) < 1e-3) > 0.95  # all but Occator's (brighter) rim
    assert img[50, 2] == pytest.approx(img[50, 25]) == pytest.approx(0.09)
    lam = ph.render_sphere(101, flat, 470 * u.km, 0 * u.deg, law="lambert")
    assert lam[50, 50] > 3 * lam[50, 1]  # limb darkening
    half = ph.render_sphere(101, flat, 470 * u.km, 90 * u.deg, law="lambert")
    assert half[50, 10] == 0 and half[50, 90] > 0  # the Sun on the right: left half in the dark


def test_camera_pixel_scale_and_size(scene):
    img = ph.camera_image(scene, 4400 * u.km, IFOV, psf_fwhm_px=0)
    assert img.pixel_scale.to_value(u.m) == pytest.approx(pixel_scale(4400 * u.km, IFOV).to_value(u.m))
    assert img.n_px % 2 == 1 and img.reading.shape == (img.n_px, img.n_px)
    near = ph.camera_image(scene, 385 * u.km, IFOV, max_px=101)
    assert near.n_px == 101


def test_camera_conserves_light_when_resolved(scene):
    # the mean I/F over the window does not depend on the pixel size
    a = ph.camera_image(scene, 4400 * u.km, IFOV, psf_fwhm_px=0).signal
    b = ph.camera_image(scene, 13500 * u.km, IFOV, psf_fwhm_px=0)
    inner = b.signal
    assert a.mean() == pytest.approx(inner.mean(), rel=0.02)


def test_unresolved_spot_is_diluted_like_the_formula(scene):
    # far away, the central pixel holds the whole facula: its I/F matches the dilution formula
    d = 300000 * u.km
    img = ph.camera_image(scene, d, IFOV, psf_fwhm_px=0)
    x, v = ph.profile(img, "signal")
    expected = ph.diluted_albedo(0.4, 0.09, 10 * u.km, pixel_scale(d, IFOV)).to_value(u.one)
    law = float(ph.lommel_seeliger(1.0, np.cos(np.radians(30)), 1.0))  # the scene's lighting
    assert v.max() / law == pytest.approx(expected, rel=0.05)
    # and the apparent contrast falls as the distance grows
    peaks = [ph.camera_image(scene, D * u.km, IFOV).signal.max() for D in (20000, 80000, 300000)]
    assert peaks[0] > peaks[1] > peaks[2]


def test_saturation_and_exposure(scene):
    low = ph.camera_image(scene, 13500 * u.km, IFOV, exposure=0.25)
    high = ph.camera_image(scene, 13500 * u.km, IFOV, exposure=4.0)
    assert not low.saturated.any() and high.saturated.any()
    assert high.reading.max() == 1.0
    with pytest.raises(ValueError, match="exposure"):
        ph.expose(np.ones(3), 0, 0.09)


def test_psf_conserves_light_and_spreads_it():
    img = np.zeros((21, 21))
    img[10, 10] = 1.0
    out = ph.gaussian_psf(img, 3.0)
    assert out.sum() == pytest.approx(1.0) and out.max() < 0.2
    with pytest.raises(ValueError, match="fwhm"):
        ph.gaussian_psf(img, -1)


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


def test_profile_and_errors(scene):
    img = ph.camera_image(scene, 7200 * u.km, IFOV)
    x, v = ph.profile(img)
    assert len(x) == len(v) == img.n_px
    assert abs(x[img.n_px // 2].to_value(u.km)) < 1e-9  # centred on the facula
    with pytest.raises(ValueError, match="which"):
        ph.profile(img, "colour")
    with pytest.raises(u.UnitsError, match="distance"):
        ph.camera_image(scene, 7200, IFOV)


def test_exercise_1_is_the_lommel_seeliger_law_and_catches_lambert():
    kw = dict(albedo=0.09, incidence=60 * u.deg, emission=75 * u.deg)
    mu0, mu = 0.5, np.cos(np.radians(75))
    expected = expected_answer("06.1", **kw)
    assert expected == pytest.approx(0.09 * 2 * mu0 / (mu0 + mu))
    assert check("06.1", round(expected, 4), **kw).ok
    lambert = check("06.1", 0.09 * mu0, **kw)  # the law the lesson contrasts
    assert lambert.status == "incorrect" and "Lambert" in lambert.message
    swapped = check("06.1", 0.09 * 2 * mu / (mu0 + mu), **kw)
    assert "incidence" in swapped.message
    # the answer follows the inputs: face-on, both laws give A
    assert expected_answer("06.1", albedo=0.09, incidence=0 * u.deg, emission=0 * u.deg) == pytest.approx(0.09)


def test_exercises_2_and_3_follow_their_inputs():
    n = expected_answer("06.2", size=92 * u.km, distance=4400 * u.km, ifov=IFOV)
    assert type(n) is float and n == pytest.approx(92 / (4400 * 93.7e-6))
    assert check("06.2", n, size=92 * u.km, distance=4400 * u.km, ifov=IFOV).ok
    assert not check("06.2", n, size=92 * u.km, distance=1470 * u.km, ifov=IFOV).ok
    half = check("06.2", n / 2, size=92 * u.km, distance=4400 * u.km, ifov=IFOV)
    assert "diameter" in half.message
    inputs = dict(spot_albedo=0.4, background_albedo=0.09, spot_diameter=10 * u.km, distance=146000 * u.km, ifov=IFOV)
    a = expected_answer("06.3", **inputs)
    fill = np.pi * 5**2 / (146000 * 93.7e-6) ** 2
    assert type(a) is float and a == pytest.approx(0.09 + fill * 0.31)
    assert check("06.3", a, **inputs).ok
    ratio = 10 / (146000 * 93.7e-6)  # widths instead of areas: the square-root mistake
    linear = check("06.3", 0.09 + ratio * 0.31, **inputs)
    assert linear.status == "incorrect" and "area" in linear.message
    assert "own albedo" in check("06.3", 0.4, **inputs).message
    # the diameter used as the radius (pi D^2, a covered fraction above 1): its own hint, not "no dilution"
    radius = check("06.3", 4 * fill * 0.4 + (1 - 4 * fill) * 0.09, **inputs)
    assert radius.status == "incorrect" and "radius" in radius.message and "own albedo" not in radius.message


def test_exercise_2_natural_formula_with_the_ifov_as_an_angle_is_accepted():
    kw = dict(size=92 * u.km, distance=4400 * u.km, ifov=IFOV)
    for ifov in (IFOV, IFOV.to(u.rad)):  # 1/urad or 1/rad: a small angle is a pure number in radians
        assert check("06.2", 92 * u.km / (4400 * u.km * ifov), **kw).ok
    assert check("06.2", (92 * u.km / (4400 * u.km * IFOV.to_value(u.rad))).to(u.one), **kw).ok
    plain = check("06.2", "223", **kw)  # a plain-number exercise says so for a wrong type
    assert plain.status == "invalid" and "number" in plain.message


def test_exercise_7_ratio_at_the_low_end_and_its_mistakes():
    kw = dict(spot_albedo=0.4, background_albedo=0.09, spread=0.25)
    r = expected_answer("06.7", **kw)
    assert r == pytest.approx(0.75 * 0.4 / 0.09)
    assert check("06.7", round(r, 2), **kw).ok
    assert check("06.7", 0.75 * 0.4 * u.one / (0.09 * u.one), **kw).ok
    for wrong, word in (
        (0.4 / 0.09, "as read"),
        (1.25 * 0.4 / 0.09, "high end"),
        (0.09 / (0.75 * 0.4), "faculae on top"),
        (0.75 * 0.4 - 0.09, "difference"),
    ):
        res = check("06.7", wrong, **kw)
        assert res.status == "incorrect" and word in res.message, (wrong, res.message)
    # the answer follows the inputs, and a bad spread is refused in words
    assert expected_answer("06.7", spot_albedo=0.4, background_albedo=0.09, spread=0.5) == pytest.approx(0.2 / 0.09)
    bad = check("06.7", 3.3, spot_albedo=0.4, background_albedo=0.09, spread=1.5)
    assert bad.status == "invalid" and "spread" in bad.message.lower()


def test_sphere_through_the_camera():
    far = ph.sphere_camera_image(MODEL, 470 * u.km, 383000 * u.km, IFOV, 0 * u.deg, psf_fwhm_px=0)
    assert far.n_px % 2 == 1 and far.n_px >= 2 * 470 / (383000 * 93.7e-6)
    c = far.n_px // 2
    # the facula (at the disc centre) lifts the central pixel above its neighbours, diluted
    assert far.signal[c, c] > far.signal[c, c + 2]
    assert far.signal[c, c] < 0.2
    near = ph.sphere_camera_image(MODEL, 470 * u.km, 46000 * u.km, IFOV, 0 * u.deg, psf_fwhm_px=0)
    k = near.n_px // 2
    assert near.signal[k, k] == pytest.approx(0.4, abs=0.03)  # resolved: the facula's own albedo
    assert far.signal[0, 0] == 0  # dark sky in the corner
    with pytest.raises(ValueError, match="close"):
        ph.sphere_camera_image(MODEL, 470 * u.km, 4400 * u.km, IFOV, 0 * u.deg)


def test_wrong_types_get_clear_messages(scene):
    with pytest.raises(TypeError, match="exposure is a factor"):
        ph.camera_image(scene, 4400 * u.km, IFOV, exposure="1")
    with pytest.raises(u.UnitsError, match="without a unit"):
        ph.camera_image(scene, 4400 * u.km, IFOV, exposure=1 * u.s)
    with pytest.raises(TypeError, match="fwhm_px is a width in pixels"):
        ph.camera_image(scene, 4400 * u.km, IFOV, psf_fwhm_px=None)
    with pytest.raises(TypeError, match="scene must be Scene"):
        ph.camera_image(MODEL, 4400 * u.km, IFOV)
    with pytest.raises(TypeError, match="model must be OccatorModel"):
        ph.render_sphere(32, "Occator", 470 * u.km, 0 * u.deg)
    with pytest.raises(TypeError, match="zooms must be a tuple"):
        ph.make_scene(MODEL, zooms="10")
    with pytest.raises(TypeError, match="image must be CameraImage"):
        ph.profile(np.ones((3, 3)))
    with pytest.raises(TypeError, match="texture"):
        ph.OccatorModel(0.09, 0.4, 92 * u.km, 10 * u.km, texture="x")


@pytest.mark.parametrize("law", ["lambert", "lommel-seeliger"])
def test_geometric_albedo_is_the_mean_disc_brightness_at_zero_phase(law):
    c = (np.arange(600) + 0.5) / 300 - 1
    rho2 = c[:, None] ** 2 + c[None, :] ** 2
    mu = np.sqrt(1 - rho2[rho2 < 1])
    disc_mean = float(np.mean(ph.LAWS[law](0.3, mu, mu)))
    assert disc_mean == pytest.approx(float(ph.geometric_albedo(0.3, law)), rel=1e-3)
    with pytest.raises(ValueError, match="law must be"):
        ph.geometric_albedo(0.3, "hapke")
