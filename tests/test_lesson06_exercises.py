"""Lesson 06's exercise checks: slips the lesson's own tests name."""

from __future__ import annotations

import astropy.units as u
import numpy as np
import pytest

import utils
from exercises import calls_shown_before_check, hint_names_not_assigned, names_that_answer


def test_cosines_of_plain_degrees_get_a_degrees_hint():
    kw = dict(albedo=0.09 * u.one, incidence=60 * u.deg, emission=75 * u.deg)
    typed = 0.09 * 2 * np.cos(60) / (np.cos(60) + np.cos(75))  # np.cos reads 60 as radians
    result = utils.check("06.2", typed, **kw)
    assert result.status == "incorrect" and "radians" in result.message
    assert utils.check(
        "06.2", 0.09 * 2 * np.cos(np.radians(60)) / (np.cos(np.radians(60)) + np.cos(np.radians(75))), **kw
    ).ok


def test_the_ifov_left_as_an_angle_is_simply_correct():
    ifov = utils.fact("fc.ifov")
    kw = dict(size=92 * u.km, pixels=50, ifov=ifov)
    assert utils.check("06.7", kw["size"] / (kw["pixels"] * ifov), **kw).ok


def test_no_public_name_in_utils_camera_or_photometry_answers_exercise_9():
    """Exercise 7 tests the formula size = pixels x distance x IFOV: no name that Tab completion offers in
    utils.camera or utils.photometry may return its answer from the exercise's inputs, in any order."""
    from utils import camera, photometry

    values = {"size": 92 * u.km, "distance": 19_600 * u.km, "pixels": 50, "ifov": utils.fact("fc.ifov")}
    passing = names_that_answer("06.7", values, (camera, photometry))
    assert not passing, f"{passing} answer exercise 7: ask for something they do not return"


def test_exercise_1_hints_name_only_variables_the_notebook_sets():
    """A hint that names a variable in backticks names one the notebook assigns (not `distance` for `distance_1`)."""
    assert hint_names_not_assigned("06", "06-bright-spots.ipynb") == []


def test_the_textured_model_in_place_of_smooth_gets_a_hint_naming_smooth():
    from utils import imaging

    sizes = utils.fact("occator.diameter"), utils.fact("occator.cerealia_facula_size")
    albedos = utils.fact("ceres.albedo").value, utils.fact("occator.faculae_albedo").value
    smooth = imaging.occator_model(*albedos, *sizes, texture=0)
    textured = imaging.occator_model(*albedos, *sizes)
    kw = dict(model=smooth, radius=utils.fact("ceres.radius"), phase=0 * u.deg, n_px=200, column=10)
    for law in ("lambert", "lommel-seeliger"):
        image = imaging.render_sphere(200, textured, kw["radius"], kw["phase"], law=law, occator_latitude=20 * u.deg)
        result = utils.check("06.5", image[100, 10] / image[100, 100], law=law, **kw)
        assert result.status == "incorrect" and "`smooth`" in result.message
    generic = utils.check("06.5", 0.3, law="lambert", **kw)
    assert "smooth" in generic.message and "occator," not in generic.message


def _smooth_lambert_middle_row():
    """Exercise 5's inputs for the smooth model at zero phase (Lambert, 200 pixels), and its middle row."""
    from utils import imaging

    sizes = utils.fact("occator.diameter"), utils.fact("occator.cerealia_facula_size")
    albedos = utils.fact("ceres.albedo").value, utils.fact("occator.faculae_albedo").value
    smooth = imaging.occator_model(*albedos, *sizes, texture=0)
    kw = dict(model=smooth, radius=utils.fact("ceres.radius"), phase=0 * u.deg, law="lambert", n_px=200, column=10)
    row = imaging.render_sphere(200, smooth, kw["radius"], kw["phase"], law="lambert", occator_latitude=20 * u.deg)[100]
    return kw, row


def test_exercise_5_a_ratio_cut_to_two_figures_is_told_to_keep_three():
    kw, row = _smooth_lambert_middle_row()
    right = row[10] / row[100]
    assert utils.check("06.5", round(right, 3), **kw).ok
    cut = utils.check("06.5", int(right * 100) / 100, **kw)  # 0.446 written 0.44
    assert cut.status == "incorrect" and "rounded too much" in cut.message, cut
    far = utils.check("06.5", right * 0.7, **kw)  # a wrong rendering is not called close
    assert "close" not in far.message, far


def test_exercise_5_two_figures_rounded_or_cut_are_both_asked_for_three():
    # three figures are asked: 0.446 passes; rounded to 0.45 or cut to 0.44, both are told to keep three
    kw, row = _smooth_lambert_middle_row()
    right = row[10] / row[100]
    assert round(right, 2) == 0.45 and int(right * 100) / 100 == 0.44
    assert utils.check("06.5", round(right, 3), **kw).ok
    for short in (0.45, 0.44):
        result = utils.check("06.5", short, **kw)
        assert not result.ok and "three" in result.message, (short, result.message)


def test_exercise_1_dividing_by_one_plus_spread_gets_the_spread_hint():
    from utils.facts import uncertainty

    spot, ground, error = utils.fact("occator.faculae_albedo"), utils.fact("ceres.albedo"), uncertainty("ceres.albedo")
    kw = dict(spot_albedo=spot, background_albedo=ground, spread=0.25, background_error=error)
    assert utils.check("06.1", (1 - 0.25) * spot / (ground + error), **kw).ok
    result = utils.check("06.1", spot / (1 + 0.25) / (ground + error), **kw)
    assert result.status == "incorrect" and "(1 + spread)" in result.message


def test_exercise_1_subtracting_spread_from_the_albedo_gets_its_own_hint():
    from utils.facts import uncertainty

    spot, ground, error = utils.fact("occator.faculae_albedo"), utils.fact("ceres.albedo"), uncertainty("ceres.albedo")
    kw = dict(spot_albedo=spot, background_albedo=ground, spread=0.25, background_error=error)
    result = utils.check("06.1", (spot - 0.25) / (ground + error), **kw)
    assert result.status == "incorrect" and "not an albedo" in result.message
    assert "factor of about 10" not in result.message


def test_pasted_or_partial_answers_get_targeted_hints_not_a_unit_hint():
    # 06.2: the angle factor 2 mu0 / (mu0 + mu) without the albedo
    kw1 = dict(albedo=0.09 * u.one, incidence=60 * u.deg, emission=75 * u.deg)
    mu0, mu = np.cos(np.radians(60)), np.cos(np.radians(75))
    result = utils.check("06.2", 2 * mu0 / (mu0 + mu), **kw1)
    assert not result.ok and "left out the albedo" in result.message and "factor of about" not in result.message
    # 06.7: the facula's size in place of the crater's
    ifov = utils.fact("fc.ifov")
    kw4 = dict(size=utils.fact("occator.diameter"), pixels=50, ifov=ifov)
    facula = utils.fact("occator.cerealia_facula_size") / (50 * ifov.to_value(u.rad))
    result = utils.check("06.7", facula, **kw4)
    assert not result.ok and "whole crater" in result.message and "factor of about" not in result.message


def test_occator_left_at_the_disc_centre_gets_the_latitude_hint():
    from utils import imaging

    fact = utils.fact
    smooth = imaging.occator_model(
        fact("ceres.albedo").value,
        fact("occator.faculae_albedo").value,
        fact("occator.diameter"),
        fact("occator.cerealia_facula_size"),
        texture=0,
    )
    kw = dict(model=smooth, radius=fact("ceres.radius"), phase=0 * u.deg, law="lambert", n_px=200, column=10)
    centred = imaging.render_sphere(200, smooth, kw["radius"], kw["phase"], law="lambert")[100]
    result = utils.check("06.5", centred[10] / centred[100], **kw)
    assert not result.ok and "occator_latitude" in result.message
    above = imaging.render_sphere(200, smooth, kw["radius"], kw["phase"], law="lambert", occator_latitude=20 * u.deg)
    assert utils.check("06.5", above[100, 10] / above[100, 100], **kw).ok
    # the first column taken for the limb lies near the facula's ratio: it is told about the column, not the facula
    edge = utils.check("06.5", above[100, 0] / above[100, 100], **kw)
    assert not edge.ok and "column 0" in edge.message and "facula" not in edge.message, edge.message


def test_exercise_7_accepts_either_reading_of_the_distance_but_not_the_radius_taken_off():
    ifov, radius = utils.fact("fc.ifov"), utils.fact("ceres.radius")
    kw = dict(size=utils.fact("occator.diameter"), pixels=50, ifov=ifov)
    to_ground = (kw["size"] / (50 * ifov.to_value(u.rad))).to(u.km)
    for answer in (to_ground, to_ground + radius, round(to_ground.value, -1) * u.km):
        assert utils.check("06.7", answer, **kw).ok
    for answer in (to_ground - radius, to_ground / 2, to_ground * 1.1):
        assert not utils.check("06.7", answer, **kw).ok
    result = utils.check("06.7", to_ground - radius, **kw)
    assert "took Ceres' radius off" in result.message


def test_exercise_1_the_ratio_as_printed_gets_a_named_hint():
    from utils.facts import uncertainty

    spot, ground, error = utils.fact("occator.faculae_albedo"), utils.fact("ceres.albedo"), uncertainty("ceres.albedo")
    kw = dict(spot_albedo=spot, background_albedo=ground, spread=0.25, background_error=error)
    for pasted in ((spot / ground).to_value(u.one), round((spot / ground).to_value(u.one), 1)):
        result = utils.check("06.1", pasted, **kw)
        assert not result.ok and "as read" in result.message


def test_exercise_3_measured_with_the_blur_on_gets_the_blur_hint():
    from utils import imaging

    kw = _inputs_3()
    ifov, size, spot, ground = kw["ifov"], kw["spot_diameter"], kw["spot_albedo"], kw["background_albedo"]
    near, far = kw["distance"], kw["far_distance"]
    scene = imaging.make_scene(imaging.occator_model(ground.value, spot.value, utils.fact("occator.diameter"), size))
    blurred, sharp = (
        [imaging.camera_image(scene, d, ifov, **opt).signal.max() for d in (near, far)]
        for opt in ({}, {"psf_fwhm_px": 0})
    )
    result = utils.check("06.3", blurred[0] / blurred[1], **kw)
    assert not result.ok and "psf_fwhm_px=0" in result.message
    assert "widget" in result.message and "dilution formula" in result.message  # a reading off the widget too
    assert utils.check("06.3", sharp[0] / sharp[1], **kw).ok
    result = utils.check("06.3", 2.0, **kw)  # two figures: told to keep three, as the question asks
    assert not result.ok and "rounded too much" in result.message


def test_exercise_3_radius_as_diameter_and_square_spot_get_named_hints():
    ifov, size = utils.fact("fc.ifov"), utils.fact("occator.cerealia_facula_size")
    spot, ground = utils.fact("occator.faculae_albedo").value, utils.fact("ceres.albedo").value
    near, far = utils.fact("ceres.approach_opnav3_distance"), utils.fact("ceres.approach_spot_distance")
    kw = dict(
        spot_albedo=spot, background_albedo=ground, spot_diameter=size, distance=near, far_distance=far, ifov=ifov
    )

    def pixel(d, area):  # as a student would write it, with no cap at a full pixel
        f = (area / (d * ifov.to_value(u.rad)) ** 2).to_value(u.one)
        return f * spot + (1 - f) * ground

    for area, words in ((np.pi * size**2, "diameter as its radius"), (size**2, "as if the spot were a square")):
        result = utils.check("06.3", pixel(near, area) / pixel(far, area), **kw)
        assert not result.ok and words in result.message, result.message

    def capped(d, area):  # the formula as the notebook writes it: the covered fraction at most 1
        f = min(1.0, (area / (d * ifov.to_value(u.rad)) ** 2).to_value(u.one))
        return f * spot + (1 - f) * ground

    result = utils.check("06.3", capped(near, np.pi * size**2) / capped(far, np.pi * size**2), **kw)
    assert not result.ok and "diameter as its radius" in result.message, result.message
    assert "capped at a full pixel" in result.message, result.message


def test_no_library_call_that_answers_exercise_7_is_shown_before_it():
    """Exercise 7 tests a formula (size over d x IFOV): no earlier code cell may hold the one library call that
    gives its answer with the exercise's inputs swapped in."""
    assert calls_shown_before_check("06.7", "06-bright-spots.ipynb", "distance_for_pixel_scale(") == []


@pytest.mark.parametrize("answer", [2.0, 1.9, 2.1, 2.05, 1.99])
def test_exercise_3_only_a_two_figure_rounding_is_told_it_is_close(answer):
    from utils.checks import _expected_answer
    from utils.facts import fact

    views = {"near": 146_000 * u.km, "far": 383_000 * u.km}
    kw = dict(
        spot_albedo=fact("occator.faculae_albedo"),
        background_albedo=fact("ceres.albedo"),
        spot_diameter=fact("occator.cerealia_facula_size"),
        distance=views["near"],
        far_distance=views["far"],
        ifov=fact("fc.ifov"),
    )
    assert abs(answer / _expected_answer("06.3", **kw) - 1) > 0.005  # outside the tolerance
    result = utils.check("06.3", answer, **kw)
    rounding = answer == round(_expected_answer("06.3", **kw), 1)
    assert result.status == "incorrect" and ("close" in result.message) == rounding
    assert "close" not in utils.check("06.3", 2.5, **kw).message


def test_exercise_3_the_increase_in_place_of_the_ratio_gets_its_own_hint():
    from utils.checks import _expected_answer

    ifov, size = utils.fact("fc.ifov"), utils.fact("occator.cerealia_facula_size")
    near, far = utils.fact("ceres.approach_opnav3_distance"), utils.fact("ceres.approach_spot_distance")
    kw = dict(
        spot_albedo=utils.fact("occator.faculae_albedo"),
        background_albedo=utils.fact("ceres.albedo"),
        spot_diameter=size,
        distance=near,
        far_distance=far,
        ifov=ifov,
    )
    increase = _expected_answer("06.3", **kw) - 1  # "1.02 times brighter" for "102 % brighter"
    for typed in (increase, round(increase, 2)):
        result = utils.check("06.3", typed, **kw)
        assert result.status == "incorrect" and "nothing taken away" in result.message, typed


def test_exercise_5_a_neighbouring_column_is_not_told_it_used_the_textured_model():
    kw, row = _smooth_lambert_middle_row()
    for col in (9, 11):
        result = utils.check("06.5", row[col] / row[100], **kw)
        assert not result.ok and "next to `limb_col`" in result.message and "texture" not in result.message
    assert utils.check("06.5", row[10] / row[100], **kw).ok


def test_exercise_5_row_and_column_swapped_gets_its_own_hint_away_from_zero_phase():
    from utils import imaging

    sizes = utils.fact("occator.diameter"), utils.fact("occator.cerealia_facula_size")
    albedos = utils.fact("ceres.albedo").value, utils.fact("occator.faculae_albedo").value
    smooth = imaging.occator_model(*albedos, *sizes, texture=0)
    for phase in (0, 20):
        kw = dict(
            model=smooth, radius=utils.fact("ceres.radius"), phase=phase * u.deg, law="lambert", n_px=200, column=10
        )
        image = imaging.render_sphere(
            200, smooth, kw["radius"], kw["phase"], law="lambert", occator_latitude=20 * u.deg
        )
        result = utils.check("06.5", image[10, 100] / image[100, 100], **kw)
        if phase == 0:  # the disc is symmetric at zero phase: the swapped pixel gives the same ratio
            assert result.ok
        else:
            assert not result.ok and "takes the row first" in result.message
        assert utils.check("06.5", image[100, 10] / image[100, 100], **kw).ok


def test_exercise_5_the_figures_phase_or_size_copied_gets_a_hint_naming_it():
    """Copied from the two laws' figure: its phase (20°) for ``phase_5``, or its 300 pixels (row 150) for ``n_5``."""
    from utils import imaging

    sizes = utils.fact("occator.diameter"), utils.fact("occator.cerealia_facula_size")
    albedos = utils.fact("ceres.albedo").value, utils.fact("occator.faculae_albedo").value
    smooth = imaging.occator_model(*albedos, *sizes, texture=0)
    radius = utils.fact("ceres.radius")
    kw = dict(model=smooth, radius=radius, phase=0 * u.deg, n_px=200, column=10)
    for law in ("lambert", "lommel-seeliger"):
        at_20 = imaging.render_sphere(200, smooth, radius, 20 * u.deg, law=law, occator_latitude=20 * u.deg)
        result = utils.check("06.5", at_20[100, 10] / at_20[100, 100], law=law, **kw)
        assert not result.ok and "`phase_5`" in result.message and "20°" in result.message
    # at zero phase the Lommel-Seeliger disc is even, so the figure's size gives the right ratio there too
    big = imaging.render_sphere(300, smooth, radius, 0 * u.deg, law="lambert", occator_latitude=20 * u.deg)
    result = utils.check("06.5", big[150, 10] / big[150, 150], law="lambert", **kw)
    assert not result.ok and "`n_5` pixels" in result.message and "300" in result.message
    right = imaging.render_sphere(200, smooth, radius, 0 * u.deg, law="lambert", occator_latitude=20 * u.deg)
    assert utils.check("06.5", right[100, 10] / right[100, 100], law="lambert", **kw).ok
    # an instructor's phase_5 of 20°: the figure's phase is then the right one and passes
    at_20 = imaging.render_sphere(200, smooth, radius, 20 * u.deg, law="lambert", occator_latitude=20 * u.deg)
    assert utils.check("06.5", at_20[100, 10] / at_20[100, 100], law="lambert", **{**kw, "phase": 20 * u.deg}).ok


def test_exercise_3_the_full_contrast_is_named_as_undiluted():
    """The facula's albedo over Ceres' (about 4.4, the figure's plateau) is told it leaves out dilution."""
    kw = dict(spot_albedo=utils.fact("occator.faculae_albedo"), background_albedo=utils.fact("ceres.albedo"))
    kw.update(spot_diameter=utils.fact("occator.cerealia_facula_size"), ifov=utils.fact("fc.ifov"))
    kw["distance"] = utils.fact("ceres.approach_opnav3_distance")
    kw["far_distance"] = utils.fact("ceres.approach_spot_distance")
    contrast = (kw["spot_albedo"] / kw["background_albedo"]).to_value(u.one)
    result = utils.check("06.3", round(contrast, 2), **kw)
    assert result.status == "incorrect" and "full contrast" in result.message and "close" not in result.message


def test_exercise_2_asks_for_three_figures_and_says_so_to_a_rounder():
    albedo, incidence, emission = utils.fact("ceres.albedo"), 60 * u.deg, 75 * u.deg
    mu0, mu = np.cos(incidence), np.cos(emission)
    right = (albedo * 2 * mu0 / (mu0 + mu)).to_value(u.one)
    kw = dict(albedo=albedo, incidence=incidence, emission=emission)
    assert utils.check("06.2", round(right, 3), **kw).ok
    for rounded in (round(right, 2), round(right, 1)):
        result = utils.check("06.2", rounded, **kw)
        assert not result.ok and "rounded too much" in result.message, (rounded, result)
    lambert = utils.check("06.2", (albedo * mu0).to_value(u.one), **kw)
    assert "Lambert" in lambert.message and "close" not in lambert.message, lambert


def test_exercise_2_the_bare_albedo_gets_the_face_on_hint():
    albedo = utils.fact("ceres.albedo")
    result = utils.check("06.2", albedo.to_value(u.one), albedo=albedo, incidence=60 * u.deg, emission=75 * u.deg)
    assert result.status == "incorrect" and "face-on" in result.message and "close" not in result.message


def test_exercise_3_the_distance_in_place_of_the_pixel_footprint_gets_its_own_hint():
    from utils import photometry

    kw = dict(spot_albedo=utils.fact("occator.faculae_albedo"), background_albedo=utils.fact("ceres.albedo"))
    kw.update(spot_diameter=utils.fact("occator.cerealia_facula_size"), ifov=utils.fact("fc.ifov"))
    kw["distance"] = utils.fact("ceres.approach_opnav3_distance")
    kw["far_distance"] = utils.fact("ceres.approach_spot_distance")
    near, far = (
        photometry.diluted_albedo(kw["spot_albedo"], kw["background_albedo"], kw["spot_diameter"], kw[d])
        for d in ("distance", "far_distance")
    )
    for typed in ((near / far).to_value(u.one), 1.0, 1):
        result = utils.check("06.3", typed, **kw)
        assert result.status == "incorrect" and "footprint" in result.message and "close" not in result.message


def test_exercise_2_the_right_value_cut_off_is_told_to_round():
    from utils.exercises.lesson06 import _lommel_seeliger, _lommel_seeliger_cut

    kw = dict(albedo=utils.fact("ceres.albedo"), incidence=60 * u.deg, emission=75 * u.deg)  # the lesson's angles
    right, cut = _lommel_seeliger(**kw), _lommel_seeliger_cut(**kw)
    assert cut != round(right, 3 - 1 - int(np.floor(np.log10(abs(right))))), "pick angles where cutting differs"
    result = utils.check("06.2", cut, **kw)
    assert result.status == "incorrect" and "round it" in result.message, result
    assert "not right" not in result.message, result  # "if your method is right" stands alone
    assert utils.check("06.2", right, **kw).ok


def test_no_camera_widget_stop_answers_exercise_7_or_gets_a_mistakes_hint():
    """Every distance stop of the camera widget, checked as an answer to 06.7 with the notebook's own inputs:
    none passes, none lies within 1 % of either correct reading, and none is told it made a likely mistake."""
    import nbformat

    from notebook_namespace import ROOT, explore_widget
    from utils.exercises.lesson06 import _EXERCISES, _distance_for_pixels, _distance_to_centre

    nb = nbformat.read(ROOT / "notebooks" / "06-bright-spots.ipynb", as_version=4)
    ns = {"fact": utils.fact}
    exec(next(c.source for c in nb.cells if c.source.startswith("crater_size, pixels_7 =")), ns)  # the inputs
    kw = dict(size=ns["crater_size"], pixels=ns["pixels_7"], ifov=utils.fact("fc.ifov"))
    readings = [f(**kw).to_value(u.km) for f in (_distance_for_pixels, _distance_to_centre)]
    hints = [m.hint for m in _EXERCISES["06.7"].mistakes]
    stops = explore_widget("06-bright-spots.ipynb").stops("distance_km")
    assert len(stops) > 100
    for km in stops:
        result = utils.check("06.7", km * u.km, **kw)
        assert not result.ok, km
        assert all(abs(km / r - 1) > 0.01 for r in readings), km
        assert not any(h in result.message for h in hints), (km, result.message)


def test_the_radius_taken_off_hint_is_kept_for_that_number():
    kw = dict(size=utils.fact("occator.diameter"), pixels=50, ifov=utils.fact("fc.ifov"))
    from utils.exercises.lesson06 import _distance_radius_taken_off

    wrong = _distance_radius_taken_off(**kw)
    assert "radius off" in utils.check("06.7", wrong, **kw).message
    assert "radius off" not in utils.check("06.7", wrong * 1.004, **kw).message  # a nearby guess is not told so


def _inputs_3():
    """Exercise 3's inputs, as the notebook sets them."""
    ifov, size = utils.fact("fc.ifov"), utils.fact("occator.cerealia_facula_size")
    spot, ground = utils.fact("occator.faculae_albedo"), utils.fact("ceres.albedo")
    near, far = utils.fact("ceres.approach_opnav3_distance"), utils.fact("ceres.approach_spot_distance")
    kw = dict(
        spot_albedo=spot, background_albedo=ground, spot_diameter=size, distance=near, far_distance=far, ifov=ifov
    )
    return kw


def test_exercise_3_a_ratio_of_exactly_one_is_the_misconception_not_a_slip():
    kw = _inputs_3()
    for same in (1, 1.0):
        result = utils.check("06.3", same, **kw)
        assert not result.ok and "footprint on the ground does" in result.message, result.message
        assert "close" not in result.message.lower()


def test_exercise_3_a_nearer_view_where_the_spot_fills_pixels_is_named_not_the_radius_slip():
    kw = _inputs_3()
    spot, ground, size = kw["spot_albedo"], kw["background_albedo"], kw["spot_diameter"]
    from utils import photometry

    pixel_far = utils.camera.pixel_scale(kw["far_distance"], kw["ifov"])
    wrong_row = (spot / photometry.diluted_albedo(spot, ground, size, pixel_far)).to_value(u.one)
    result = utils.check("06.3", round(wrong_row, 3), **kw)
    assert not result.ok and "fills whole pixels" in result.message and "radius" not in result.message, result


def _inputs_1():
    """Exercise 1's inputs, as the notebook sets them."""
    from utils.facts import uncertainty

    spot, ground = utils.fact("occator.faculae_albedo"), utils.fact("ceres.albedo")
    spread = (1 - utils.fact("occator.faculae_reflectance_low") / spot).to_value(u.one)
    return dict(spot_albedo=spot, background_albedo=ground, spread=spread, background_error=uncertainty("ceres.albedo"))


def test_exercise_1_dividing_by_one_plus_spread_is_told_only_what_it_got_wrong():
    kw = _inputs_1()
    spot, ground, spread, error = kw.values()
    # Ceres raised by its uncertainty, as asked: only the spread step is named
    result = utils.check("06.1", spot / (1 + spread) / (ground + error), **kw)
    assert not result.ok and "(1 + spread)" in result.message and "ceres_error" not in result.message, result
    # Ceres lowered too: both steps are named
    result = utils.check("06.1", spot.value / (1 + spread) / (ground.value - error.value), **kw)
    assert not result.ok and "(1 + spread)" in result.message and "add `ceres_error`" in result.message, result


def test_exercise_1_the_high_end_of_the_range_gets_a_hint_naming_faculae_low():
    kw = _inputs_1()
    ground, error = kw["background_albedo"], kw["background_error"]
    high = utils.fact("occator.faculae_reflectance_centre")
    for typed, both in ((high / (ground + error), False), (high / ground, True), (0.6 / 0.09, True)):
        result = utils.check("06.1", typed, **kw)
        assert not result.ok and "`faculae_low`" in result.message, (typed, result.message)
        assert ("add `ceres_error`" in result.message) == both, (typed, result.message)
        assert "close" not in result.message


def test_exercise_1_the_relative_increase_gets_the_increase_hint():
    kw = _inputs_1()
    result = utils.check("06.1", (0.25 - 0.093) / 0.093, **kw)
    assert not result.ok and "increase" in result.message and "close" not in result.message, result


def test_exercise_3_the_ifov_value_used_as_radians_gets_the_unit_slip_hint():
    from utils import photometry

    kw = _inputs_3()
    ifov = kw["ifov"]
    near, far = (
        photometry.diluted_albedo(kw["spot_albedo"], kw["background_albedo"], kw["spot_diameter"], d * ifov.value)
        for d in (kw["distance"], kw["far_distance"])
    )
    typed = (near / far).to_value(u.one)
    assert typed != 1
    result = utils.check("06.3", typed, **kw)
    assert not result.ok and "`ifov.value`" in result.message, result.message
    assert "footprint on the ground does" not in result.message


def test_exercise_5_the_other_laws_ratio_does_not_name_that_ratio():
    from utils.exercises.lesson06 import _limb_to_centre

    smooth = utils.imaging.occator_model(
        0.09,
        0.4,
        utils.fact("occator.diameter"),
        utils.fact("occator.cerealia_facula_size"),
        texture=0,
    )
    kw = dict(model=smooth, radius=utils.fact("ceres.radius"), phase=0 * u.deg, law="lambert", n_px=200, column=10)
    other = _limb_to_centre(**{**kw, "law": "lommel-seeliger"})
    for typed in (1, round(other, 3)):
        result = utils.check("06.5", typed, **kw)
        assert not result.ok and "other law" in result.message, result.message
        assert "evenly bright" not in result.message and "1" not in result.message.replace("law_5", "")


def test_exercise_2_a_value_from_rounded_cosines_is_not_sent_round_in_circles():
    # mu = cos 75 deg rounded to 0.26 gives 0.1184..., written 0.118: rounding it again gives 0.118, so the hint
    # must also name a rounded intermediate value, not only the cut-off answer
    albedo = utils.fact("ceres.albedo")
    kw = dict(albedo=albedo, incidence=60 * u.deg, emission=75 * u.deg)
    typed = round(albedo.value * 2 * 0.5 / (0.5 + 0.26), 3)
    assert typed == 0.118
    result = utils.check("06.2", typed, **kw)
    assert result.status == "incorrect" and "unrounded" in result.message and "μ" in result.message, result
    assert "close" not in result.message


def test_exercise_1_and_5_one_figure_roundings_are_told_to_keep_more_figures():
    # as in 06.2 (0.1), 06.3 (2) and 06.7 (2e4 km): the right answer rounded to one figure is told it rounded too far
    from utils.facts import uncertainty

    faculae, ceres = utils.fact("occator.faculae_albedo"), utils.fact("ceres.albedo")
    spread = (1 - utils.fact("occator.faculae_reflectance_low") / faculae).to_value(u.one)
    kw1 = dict(
        spot_albedo=faculae, background_albedo=ceres, spread=spread, background_error=uncertainty("ceres.albedo")
    )
    for typed in (3, 3.0):
        result = utils.check("06.1", typed, **kw1)
        assert result.status == "incorrect" and "rounded too much" in result.message, result
    for slip in (2.78, 2.8, 4):  # Ceres' uncertainty left out keeps its own hint; 4 is no rounding of the ratio
        assert "close" not in utils.check("06.1", slip, **kw1).message, slip
    kw5, row = _smooth_lambert_middle_row()
    assert round(row[10] / row[100], 1) == 0.4
    result = utils.check("06.5", 0.4, **kw5)
    assert result.status == "incorrect" and "three significant figures" in result.message, result
    assert "close" not in utils.check("06.5", 0.5, **kw5).message


def test_a_zero_dimensional_array_is_read_as_its_number():
    kw = dict(albedo=utils.fact("ceres.albedo"), incidence=60 * u.deg, emission=75 * u.deg)
    assert utils.check("06.2", np.array(0.1186), **kw).ok
    assert "rounded too much" in utils.check("06.2", np.array(0.12), **kw).message
    assert utils.check("06.2", np.array("0.1186"), **kw).status == "invalid"
