"""The imaging model (utils.imaging): a crater with bright spots as an albedo map, pixels, blur, exposure."""

from __future__ import annotations

import astropy.units as u
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from utils import imaging as I
from utils.camera import pixel_scale
from utils.facts import fact
from utils.photometry import _lommel_seeliger, diluted_albedo

IFOV = 93.7 * u.urad
MODEL = I.occator_model(0.09, 0.4, 92 * u.km, 10 * u.km)


@pytest.fixture(scope="module")
def scene():
    return I.make_scene(MODEL, n_px=400)


# --------------------------------------------------------------------------
# one map for the three lessons
# --------------------------------------------------------------------------


def test_the_three_lesson_maps_are_one_crater_model():
    x = np.array([0.0, 30.0, 46.0, 55.0]) * u.km  # centre, floor, rim, outside
    schematic = I.Crater(
        background=0.35, spot=1.0, floor=0.2, crater_diameter=92 * u.km, spot_diameter=10 * u.km, sharp=True
    )
    assert schematic.albedo(x, 0 * u.km).tolist() == [1.0, 0.2, 0.2, 0.35]
    dark_rim = I.Crater(
        background=0.09,
        spot=0.4,
        crater_diameter=92 * u.km,
        spot_diameter=10 * u.km,
        rim=-0.4,
        rim_width=1.5 * u.km,
        sharp=True,
    )
    assert dark_rim.albedo(x, 0 * u.km) == pytest.approx([0.4, 0.09, 0.6 * 0.09, 0.09])
    occator = MODEL.albedo(x, 0 * u.km)
    assert occator[0] == pytest.approx(0.4, abs=0.01) and occator[2] > occator[1]  # a brighter rim
    assert MODEL.side_spots == I.VINALIA_LIKE and not MODEL.sharp


def test_crater_refuses_impossible_maps():
    with pytest.raises(ValueError, match="cannot be larger"):
        I.Crater(0.09, 0.4, 10 * u.km, 20 * u.km)
    with pytest.raises(ValueError, match="texture"):
        I.Crater(0.09, 0.4, 92 * u.km, 10 * u.km, texture=1.5)
    with pytest.raises(TypeError, match="side_spots"):
        I.Crater(0.09, 0.4, 92 * u.km, 10 * u.km, side_spots=[(0.3, 0.2, 0.1)])
    with pytest.raises(ValueError, match="single value"):
        I.Crater(0.09, 0.4, [92, 93] * u.km, 10 * u.km)


def test_sample_is_the_map_at_cell_centres():
    grid = I.sample(MODEL, 120 * u.km, 60)
    x = (np.arange(60) + 0.5) * 2.0 - 60
    assert grid[7, 41] == pytest.approx(float(MODEL.albedo(x[41] * u.km, x[7] * u.km)))
    with pytest.raises(ValueError, match="n must be"):
        I.sample(MODEL, 120 * u.km, 0)


def test_box_means_are_exact_for_whole_and_partial_cells():
    image = np.arange(16.0).reshape(4, 4)
    level = I._Level.of(image, 4.0)
    whole = I.box_means(level, np.array([-2.0, -1.0, 0.0, 1.0, 2.0]), 0.0)
    assert np.allclose(whole, image)
    # a box over the whole map and a margin outside it that counts as the background
    wide = I.box_means(level, np.array([-3.0, 3.0]), 1.0)
    assert wide[0, 0] == pytest.approx((image.sum() + 1.0 * (36 - 16)) / 36)
    with pytest.raises(ValueError, match="increase"):
        I.box_means(level, np.array([1.0, 0.0]), 0.0)


def test_albedo_map_has_the_facula_and_the_background():
    assert float(I.albedo_map(0 * u.km, 0 * u.km, MODEL)) == pytest.approx(0.4, abs=0.01)
    far = I.albedo_map(np.array([-30.0, -20.0]) * u.km, np.array([-30.0, -25.0]) * u.km, MODEL)
    assert np.all(np.abs(far - 0.09) < 0.01)
    with pytest.raises(u.UnitsError):
        I.albedo_map(0, 0 * u.km, MODEL)
    with pytest.raises(ValueError, match="facula must be a geometric albedo"):
        I.occator_model(0.09, 9, 92 * u.km, 10 * u.km)  # a percentage typed in


def test_albedo_is_the_same_on_a_grid_on_scattered_points_and_point_by_point():
    # the spots are worked out only near themselves: every shape of input must give the same map
    rng = np.random.default_rng(3)
    x = np.linspace(-60, 60, 121)
    for model in (
        I.occator_model(0.09, 0.4, 92 * u.km, 10 * u.km),
        I.Crater(0.09, 0.4, 92 * u.km, 10 * u.km, floor=0.05, rim=-0.4, sharp=True, side_spots=I.VINALIA_LIKE),
    ):
        grid = model.albedo(x[None, :] * u.km, x[:, None] * u.km)
        xx, yy = np.meshgrid(x, x)
        assert np.array_equal(model.albedo(xx.ravel() * u.km, yy.ravel() * u.km), grid.ravel())
        for i, j in rng.integers(0, len(x), size=(40, 2)):
            assert model.albedo(x[j] * u.km, x[i] * u.km) == grid[i, j]
        # a side spot is there at its centre and gone just beyond its edge
        east, north, radius = I.VINALIA_LIKE[0]
        centre = np.array([east, north]) * 92
        ground = model.background if model.floor is None else model.floor  # the spots lie inside the crater
        assert model.albedo(*(centre * u.km)) > model.background
        outside = centre + [radius * 46 + 1.0, 0]
        assert model.albedo(*(outside * u.km)) == pytest.approx(ground, rel=0.1)


def test_sphere_full_disc_lommel_seeliger_is_flat():
    flat = I.occator_model(0.09, 0.09, 92 * u.km, 10 * u.km, texture=0.0)
    img = I.render_sphere(101, flat, 470 * u.km, 0 * u.deg, law="lommel-seeliger")
    disc = img[img > 0]
    assert np.mean(np.abs(disc - 0.09) < 1e-3) > 0.95  # all but Occator's (brighter) rim
    assert img[50, 2] == pytest.approx(img[50, 25]) == pytest.approx(0.09)
    lam = I.render_sphere(101, flat, 470 * u.km, 0 * u.deg, law="lambert")
    assert lam[50, 50] > 3 * lam[50, 1]  # limb darkening
    half = I.render_sphere(101, flat, 470 * u.km, 90 * u.deg, law="lambert")
    assert half[50, 10] == 0 and half[50, 90] > 0  # the Sun on the right: left half in the dark


def test_camera_pixel_scale_and_size(scene):
    img = I.camera_image(scene, 4400 * u.km, IFOV, psf_fwhm_px=0)
    assert img.pixel_scale.to_value(u.m) == pytest.approx(pixel_scale(4400 * u.km, IFOV).to_value(u.m))
    assert img.n_px % 2 == 1 and img.reading.shape == (img.n_px, img.n_px)
    near = I.camera_image(scene, 385 * u.km, IFOV, max_px=101)
    assert near.n_px == 101


def test_camera_conserves_light_when_resolved(scene):
    # the mean I/F over the window does not depend on the pixel size
    a = I.camera_image(scene, 4400 * u.km, IFOV, psf_fwhm_px=0).signal
    b = I.camera_image(scene, 13500 * u.km, IFOV, psf_fwhm_px=0)
    inner = b.signal
    assert a.mean() == pytest.approx(inner.mean(), rel=0.02)


def test_unresolved_spot_is_diluted_like_the_formula(scene):
    # far away, the central pixel holds the whole facula: its I/F matches the dilution formula
    d = 300000 * u.km
    img = I.camera_image(scene, d, IFOV, psf_fwhm_px=0)
    x, v = I.profile(img, "signal")
    expected = diluted_albedo(0.4, 0.09, 10 * u.km, pixel_scale(d, IFOV)).to_value(u.one)
    law = float(_lommel_seeliger(1.0, np.cos(np.radians(30)), 1.0))  # the scene's lighting
    assert v.max() / law == pytest.approx(expected, rel=0.05)
    # and the apparent contrast falls as the distance grows
    peaks = [I.camera_image(scene, D * u.km, IFOV).signal.max() for D in (20000, 80000, 300000)]
    assert peaks[0] > peaks[1] > peaks[2]


def test_saturation_and_exposure(scene):
    low = I.camera_image(scene, 13500 * u.km, IFOV, exposure=0.25)
    high = I.camera_image(scene, 13500 * u.km, IFOV, exposure=4.0)
    assert not low.saturated.any() and high.saturated.any()
    assert high.reading.max() == 1.0
    with pytest.raises(ValueError, match="exposure must be positive"):
        I.expose(np.ones(3), 0, 0.09)


def test_psf_conserves_light_and_spreads_it():
    img = np.zeros((21, 21))
    img[10, 10] = 1.0
    out = I.gaussian_psf(img, 3.0)
    assert out.sum() == pytest.approx(1.0) and out.max() < 0.2
    with pytest.raises(ValueError, match="fwhm"):
        I.gaussian_psf(img, -1)


def test_profile_and_errors(scene):
    img = I.camera_image(scene, 7200 * u.km, IFOV)
    x, v = I.profile(img)
    assert len(x) == len(v) == img.n_px
    assert abs(x[img.n_px // 2].to_value(u.km)) < 1e-9  # centred on the facula
    with pytest.raises(ValueError, match="which"):
        I.profile(img, "colour")
    with pytest.raises(u.UnitsError, match="distance"):
        I.camera_image(scene, 7200, IFOV)


def test_sphere_through_the_camera():
    far = I.sphere_camera_image(MODEL, 470 * u.km, 383000 * u.km, IFOV, 0 * u.deg, psf_fwhm_px=0)
    assert far.n_px % 2 == 1 and far.n_px >= 2 * 470 / (383000 * 93.7e-6)
    c = far.n_px // 2
    # the facula (at the disc centre) lifts the central pixel above its neighbours, diluted
    assert far.signal[c, c] > far.signal[c, c + 2]
    assert far.signal[c, c] < 0.2
    near = I.sphere_camera_image(MODEL, 470 * u.km, 46000 * u.km, IFOV, 0 * u.deg, psf_fwhm_px=0)
    k = near.n_px // 2
    assert near.signal[k, k] == pytest.approx(0.4, abs=0.03)  # resolved: the facula's own albedo
    assert far.signal[0, 0] == 0  # dark sky in the corner
    with pytest.raises(ValueError, match="close"):
        I.sphere_camera_image(MODEL, 470 * u.km, 4400 * u.km, IFOV, 0 * u.deg)


def test_wrong_types_get_clear_messages(scene):
    with pytest.raises(TypeError, match="exposure must be a plain number"):
        I.camera_image(scene, 4400 * u.km, IFOV, exposure="1")
    with pytest.raises(u.UnitsError, match="exposure is a plain number"):
        I.camera_image(scene, 4400 * u.km, IFOV, exposure=1 * u.s)
    with pytest.raises(TypeError, match="psf_fwhm_px must be a plain number"):
        I.camera_image(scene, 4400 * u.km, IFOV, psf_fwhm_px=None)
    with pytest.raises(TypeError, match="scene must be a Scene"):
        I.camera_image(MODEL, 4400 * u.km, IFOV)
    with pytest.raises(TypeError, match="model must be a Crater"):
        I.render_sphere(32, "Occator", 470 * u.km, 0 * u.deg)
    with pytest.raises(TypeError, match="zooms must be a tuple"):
        I.make_scene(MODEL, zooms="10")
    with pytest.raises(TypeError, match="image must be a CameraImage"):
        I.profile(np.ones((3, 3)))
    with pytest.raises(TypeError, match="texture"):
        I.occator_model(0.09, 0.4, 92 * u.km, 10 * u.km, texture="x")


@settings(max_examples=40, deadline=None)
@given(n=st.integers(2, 60), pixel=st.floats(0.05, 500), seed=st.integers(0, 10**6))
def test_pixelate_averages_whole_blocks_and_never_adds_detail(n, pixel, seed):
    rng = np.random.default_rng(seed)
    image = rng.random((n, n))
    out, width = I.pixelate(image, 30 * u.km, pixel * u.km)
    m = out.shape[0]
    assert 1 <= m <= n and out.shape == (m, m)
    assert 0 < width.to_value(u.km) <= 30 + 1e-9
    assert out.min() >= image.min() - 1e-12 and out.max() <= image.max() + 1e-12
    if m < n:  # odd number of blocks, centred
        assert m % 2 == 1
    flat, _ = I.pixelate(np.full((n, n), 0.3), 30 * u.km, pixel * u.km)
    assert np.allclose(flat, 0.3)


def test_pixelate_sizes():
    img = np.zeros((100, 100))
    out, width = I.pixelate(img, 100 * u.km, 10 * u.km)
    assert out.shape == (9, 9) and width.to_value(u.km) == pytest.approx(90)
    out, width = I.pixelate(img, 100 * u.km, 0.1 * u.km)  # finer than the map: the map itself
    assert out.shape == (100, 100) and width.to_value(u.km) == pytest.approx(100)
    out, width = I.pixelate(img + 1, 100 * u.km, 500 * u.km)  # larger than the map: one pixel
    assert out.shape == (1, 1) and out[0, 0] == pytest.approx(1)


def test_facula_model_and_pixelate_errors():
    m = I.facula_model(
        120 * u.km,
        240,
        fact("occator.cerealia_facula_size"),
        fact("occator.diameter"),
        float(fact("ceres.albedo")),
        float(fact("occator.faculae_albedo")),
    )
    assert m.shape == (240, 240) and m.max() == pytest.approx(0.4) and m[0, 0] == pytest.approx(0.09)
    far, _ = I.pixelate(m, 120 * u.km, 20 * u.km)
    assert far.shape == (5, 5)
    assert 0.09 < far[2, 2] < 0.2 and far.max() == far[2, 2]  # the spot is diluted in one big pixel
    near, _ = I.pixelate(m, 120 * u.km, 2 * u.km)
    assert near.max() == pytest.approx(0.4)  # resolved: pixels inside the facula are as bright as it is
    with pytest.raises(ValueError, match="square"):
        I.pixelate(np.ones((3, 4)), 1 * u.km, 1 * u.km)
    with pytest.raises(u.UnitsError, match="pixel"):
        I.pixelate(m, 120 * u.km, 5)
    with pytest.raises(ValueError, match="geometric albedo"):
        I.facula_model(120 * u.km, 10, 10 * u.km, 92 * u.km, 0.09, 4)
    with pytest.raises(ValueError, match="whole number"):
        I.facula_model(120 * u.km, 1.5, 10 * u.km, 92 * u.km, 0.09, 0.4)
    for bad in ("a", 0.4 * u.one, None):
        with pytest.raises(TypeError, match="albedo_facula|spot"):
            I.facula_model(120 * u.km, 10, 10 * u.km, 92 * u.km, 0.09, bad)


def test_schematic_view_pixel_count_and_values():
    img, half, full = I.schematic_view(1 * u.km, 92 * u.km, 10 * u.km)
    n = int(np.ceil(1.3 * 92))
    assert img.shape == (n, n) and full
    assert half.to_value(u.km) == pytest.approx(n / 2)  # whole pixels of exactly 1 km
    assert img.min() >= 0 and img.max() <= 1
    assert img[n // 2, n // 2] == pytest.approx(1.0)  # the bright spot at the centre
    assert img[0, 0] == pytest.approx(0.35)  # surroundings in the corner
    assert img[n // 2, n // 2 + 30] == pytest.approx(0.2)  # crater floor, 30 km from the centre


def test_schematic_view_is_capped_for_fine_pixels():
    img, half, full = I.schematic_view(3 * u.m, 92 * u.km, 10 * u.km, max_pixels=50)
    assert img.shape == (50, 50) and not full
    assert half.to_value(u.km) == pytest.approx(1.3 * 92 / 2)


def test_schematic_view_unresolved_crater_is_one_grey_pixel():
    img, _, full = I.schematic_view(500 * u.km, 92 * u.km, 10 * u.km)
    assert img.shape == (1, 1) and full
    assert 0.2 < img[0, 0] < 1.0  # a blend of floor, spot and surroundings


@settings(max_examples=40, deadline=None)
@given(scale_km=st.floats(0.05, 200), spot=st.floats(0.5, 40))
def test_schematic_view_keeps_brightness_bounded_and_square(scale_km, spot):
    img, half, _ = I.schematic_view(scale_km * u.km, 92 * u.km, spot * u.km, max_pixels=80, supersample=2)
    assert img.ndim == 2 and img.shape[0] == img.shape[1] <= 80
    assert np.all((img >= 0.2 - 1e-12) & (img <= 1 + 1e-12))
    assert half.to_value(u.km) > 0


def test_schematic_view_bad_input():
    with pytest.raises(ValueError, match="cannot be larger"):
        I.schematic_view(1 * u.km, 10 * u.km, 20 * u.km)
    with pytest.raises(u.UnitsError, match="scale"):
        I.schematic_view(1.0, 92 * u.km, 10 * u.km)
    with pytest.raises(ValueError, match="max_pixels"):
        I.schematic_view(1 * u.km, 92 * u.km, 10 * u.km, max_pixels=0)
    with pytest.raises(ValueError, match="single value"):
        I.schematic_view([1, 2] * u.km, 92 * u.km, 10 * u.km)
    with pytest.raises(ValueError, match="positive"):
        I.schematic_view(1 * u.km, 92 * u.km, 10 * u.km, field=-5 * u.km)
