"""Lesson 06's exercise checks: slips the lesson's own tests name."""

from __future__ import annotations

import astropy.units as u
import numpy as np
import pytest

import utils


def test_cosines_of_plain_degrees_get_a_degrees_hint():
    kw = dict(albedo=0.09 * u.one, incidence=60 * u.deg, emission=75 * u.deg)
    typed = 0.09 * 2 * np.cos(60) / (np.cos(60) + np.cos(75))  # np.cos reads 60 as radians
    result = utils.check("06.1", typed, **kw)
    assert result.status == "incorrect" and "radians" in result.message
    assert utils.check(
        "06.1", 0.09 * 2 * np.cos(np.radians(60)) / (np.cos(np.radians(60)) + np.cos(np.radians(75))), **kw
    ).ok


def test_the_ifov_left_as_an_angle_is_simply_correct():
    ifov = utils.fact("fc.ifov")
    kw = dict(size=92 * u.km, pixels=50, ifov=ifov)
    assert utils.check("06.9", kw["size"] / (kw["pixels"] * ifov), **kw).ok


def _names_that_answer(check_id, values, modules, include_private=False):
    """The names in ``modules`` (those Tab completion offers, or all with ``include_private``) whose call with
    2 or 3 of the exercise's inputs, in any order, passes its check."""
    import inspect
    from itertools import permutations

    from utils.exercises.lesson06 import _EXERCISES

    kw = {k: values[k] for k in inspect.signature(_EXERCISES[check_id].solve).parameters}
    passing = []
    for module in modules:
        for name in (n for n in dir(module) if include_private or not n.startswith("_")):
            func = getattr(module, name)
            if not callable(func) or isinstance(func, type):
                continue
            for args in (p for r in (2, 3) for p in permutations(kw.values(), r)):
                try:
                    result = func(*args)
                except Exception:
                    continue
                if isinstance(result, (u.Quantity, float)) and np.size(result) == 1:
                    if utils.check(check_id, result, **kw).ok:
                        passing.append(f"{module.__name__}.{name}")
                        break
    return passing


def test_no_public_name_in_utils_camera_or_photometry_answers_exercise_9():
    """Exercise 9 tests the formula size = pixels x distance x IFOV: no name that Tab completion offers in
    utils.camera or utils.photometry may return its answer from the exercise's inputs, in any order."""
    from utils import camera, photometry

    values = {"size": 92 * u.km, "distance": 19_600 * u.km, "pixels": 50, "ifov": utils.fact("fc.ifov")}
    passing = _names_that_answer("06.9", values, (camera, photometry))
    assert not passing, f"{passing} answer exercise 9: ask for something they do not return"


def test_no_public_name_in_utils_thermal_or_photometry_answers_exercise_4():
    """Exercise 4 tests the energy balance S (1 AU / r)**2 (1 - A) = sigma T**4: no name that Tab completion
    offers in utils.thermal, utils.photometry or utils.camera may return its answer from the exercise's inputs."""
    from utils import camera, photometry, thermal

    values = {
        "solar_constant": utils.fact("solar.tsi"),
        "albedo": utils.fact("occator.faculae_albedo"),
        "distance": utils.fact("ceres.a") * (1 - utils.fact("ceres.e")),
    }
    passing = _names_that_answer("06.4", values, (thermal, photometry, camera))
    assert not passing, f"{passing} answer exercise 4: make them private or ask for something they do not return"
    # the search finds the private helper that does answer it, so it would find a public one
    assert "utils.thermal._subsolar_temperature" in _names_that_answer("06.4", values, (thermal,), True)


def test_ceres_albedo_in_place_of_the_faculae_gets_the_dark_ground_hint():
    from astropy import constants as const

    kw = dict(solar_constant=utils.fact("solar.tsi"), albedo=utils.fact("occator.faculae_albedo"), distance=2.6 * u.AU)
    for ground in (utils.fact("ceres.albedo"), utils.fact("ceres.albedo_fc")):
        absorbed = kw["solar_constant"] * (u.AU / kw["distance"]) ** 2 * (1 - ground)
        result = utils.check("06.4", ((absorbed / const.sigma_sb) ** 0.25).to(u.K), **kw)
        assert result.status == "incorrect" and "dark ground" in result.message
    right = kw["solar_constant"] * (u.AU / kw["distance"]) ** 2 * (1 - kw["albedo"])
    assert utils.check("06.4", ((right / const.sigma_sb) ** 0.25).to(u.K), **kw).ok


def test_a_square_root_with_its_units_kept_gets_the_fourth_root_hint():
    from astropy import constants as const

    kw = dict(solar_constant=utils.fact("solar.tsi"), albedo=utils.fact("occator.faculae_albedo"), distance=2.6 * u.AU)
    absorbed = kw["solar_constant"] * (u.AU / kw["distance"]) ** 2 * (1 - kw["albedo"])
    result = utils.check("06.4", ((absorbed / const.sigma_sb) ** 0.5).decompose(), **kw)
    assert result.status == "incorrect" and "FOURTH root" in result.message, result


def test_an_answer_in_k4_is_told_to_take_the_fourth_root():
    from astropy import constants as const

    kw = dict(solar_constant=utils.fact("solar.tsi"), albedo=utils.fact("occator.faculae_albedo"), distance=2.6 * u.AU)
    absorbed = kw["solar_constant"] * (u.AU / kw["distance"]) ** 2 * (1 - kw["albedo"])
    for t4 in (absorbed / const.sigma_sb, (absorbed / const.sigma_sb).to(u.K**4)):
        result = utils.check("06.4", t4, **kw)
        assert result.status == "incorrect" and "fourth root" in result.message, result
    assert utils.check("06.4", ((absorbed / const.sigma_sb) ** 0.25).to(u.K), **kw).ok


def test_exercise_4_hints_name_only_variables_the_notebook_sets():
    """A hint that names a variable in backticks names one the notebook assigns (not `distance` for `distance_4`)."""
    import ast
    import json
    import re
    from pathlib import Path

    from utils.exercises import lesson06

    nb = json.loads((Path(__file__).parents[1] / "notebooks" / "06-bright-spots.ipynb").read_text(encoding="utf-8"))
    assigned = set()
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            for node in ast.walk(ast.parse("".join(cell["source"]))):
                if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                    assigned.add(node.id)
    for exercise in lesson06._EXERCISES.values():
        for hint in (exercise.hint, *(h for m in exercise.mistakes for h in m.hints())):
            for name in re.findall(r"`([A-Za-z_][A-Za-z0-9_]*)`", hint):
                assert name in assigned, (name, hint)


def test_the_textured_model_in_place_of_smooth_gets_a_hint_naming_smooth():
    from utils import imaging

    sizes = utils.fact("occator.diameter"), utils.fact("occator.cerealia_facula_size")
    albedos = utils.fact("ceres.albedo").value, utils.fact("occator.faculae_albedo").value
    smooth = imaging.occator_model(*albedos, *sizes, texture=0)
    textured = imaging.occator_model(*albedos, *sizes)
    kw = dict(model=smooth, radius=utils.fact("ceres.radius"), phase=0 * u.deg, n_px=200, column=10)
    for law in ("lambert", "lommel-seeliger"):
        image = imaging.render_sphere(200, textured, kw["radius"], kw["phase"], law=law, occator_latitude=20 * u.deg)
        result = utils.check("06.7", image[100, 10] / image[100, 100], law=law, **kw)
        assert result.status == "incorrect" and "`smooth`" in result.message
    generic = utils.check("06.7", 0.3, law="lambert", **kw)
    assert "smooth" in generic.message and "occator," not in generic.message


def _smooth_lambert_middle_row():
    """Exercise 7's inputs for the smooth model at zero phase (Lambert, 200 pixels), and its middle row."""
    from utils import imaging

    sizes = utils.fact("occator.diameter"), utils.fact("occator.cerealia_facula_size")
    albedos = utils.fact("ceres.albedo").value, utils.fact("occator.faculae_albedo").value
    smooth = imaging.occator_model(*albedos, *sizes, texture=0)
    kw = dict(model=smooth, radius=utils.fact("ceres.radius"), phase=0 * u.deg, law="lambert", n_px=200, column=10)
    row = imaging.render_sphere(200, smooth, kw["radius"], kw["phase"], law="lambert", occator_latitude=20 * u.deg)[100]
    return kw, row


def test_exercise_7_a_ratio_cut_to_two_figures_is_told_to_keep_three():
    kw, row = _smooth_lambert_middle_row()
    right = row[10] / row[100]
    assert utils.check("06.7", round(right, 3), **kw).ok
    cut = utils.check("06.7", int(right * 100) / 100, **kw)  # 0.446 written 0.44
    assert cut.status == "incorrect" and "rounded too much" in cut.message, cut
    far = utils.check("06.7", right * 0.7, **kw)  # a wrong rendering is not called close
    assert "close" not in far.message, far


def test_exercise_7_two_figures_rounded_or_cut_are_both_asked_for_three():
    # three figures are asked: 0.446 passes; rounded to 0.45 or cut to 0.44, both are told to keep three
    kw, row = _smooth_lambert_middle_row()
    right = row[10] / row[100]
    assert round(right, 2) == 0.45 and int(right * 100) / 100 == 0.44
    assert utils.check("06.7", round(right, 3), **kw).ok
    for short in (0.45, 0.44):
        result = utils.check("06.7", short, **kw)
        assert not result.ok and "three" in result.message, (short, result.message)


def _inputs_10():
    fact = utils.fact
    return dict(
        solar_constant=fact("solar.tsi"),
        albedo=fact("ceres.albedo"),
        distance=fact("ceres.a"),
        latent_heat=fact("ice.sublimation_latent_heat"),
        density=fact("ice.density"),
        molar_mass=fact("water.molar_mass"),
    )


def test_exercise_10_is_the_energy_limited_loss_and_names_the_free_sublimation_slip():
    from astropy import constants as const

    from utils import thermal

    kw = _inputs_10()
    absorbed = kw["solar_constant"] * (u.AU / kw["distance"]) ** 2 * (1 - kw["albedo"])
    bound = (absorbed / (kw["latent_heat"] * kw["density"]) * u.yr).to(u.m)
    assert 1 < bound.to_value(u.m) < 3  # about 2 m: sunlight alone cannot remove more
    assert utils.check("06.10", bound, **kw).ok and utils.check("06.10", bound.to(u.cm), **kw).ok
    assert not utils.check("06.10", bound * 1.02, **kw).ok  # within 1 %: three figures, as the question asks
    assert "rounded too much" in utils.check("06.10", 2 * u.m, **kw).message
    assert "at 2.77 AU from the Sun" in utils.check("06.10", bound, **kw).name  # the distance the bound is for
    # the ice held at the dry ground's temperature: hundreds of metres, and a hint about energy
    t_dark = thermal._subsolar_temperature(kw["solar_constant"], kw["albedo"], kw["distance"])
    free = thermal.thickness_loss_rate(thermal.sublimation_mass_flux(t_dark, kw["molar_mass"]), kw["density"]) * u.yr
    assert free > 100 * bound
    assert "energy" in utils.check("06.10", free.to(u.m), **kw).message
    # the rate at the balanced temperature lies below the bound and is named
    t_bal = thermal.sublimation_balance_temperature(absorbed, kw["molar_mass"], kw["latent_heat"])
    assert const.sigma_sb * t_bal**4 < absorbed
    bal = thermal.thickness_loss_rate(thermal.sublimation_mass_flux(t_bal, kw["molar_mass"]), kw["density"]) * u.yr
    assert bal < bound
    assert "balanced temperature" in utils.check("06.10", bal.to(u.m), **kw).message
    assert "1 − A" in utils.check("06.10", bound / (1 - kw["albedo"]), **kw).message
    assert "multiply the rate by one year" in utils.check("06.10", (bound / u.yr).to(u.m / u.yr), **kw).message
    # the rate in m / s times a year's seconds as a plain number is still a rate: told to use 1 * u.yr
    for seconds in (3.156e7, 365.25 * 24 * 3600):
        result = utils.check("06.10", (bound / u.yr).to(u.m / u.s) * seconds, **kw)
        assert not result.ok and "`1 * u.yr`" in result.message


def test_exercise_5_names_the_dusty_ice_and_faculae_bright_ice_slips():
    from utils.checks import _expected_answer
    from utils.exercises.lesson06 import _lifetime_dusty_ice, _lifetime_faculae_ice, _loss_rate_from_facts
    from utils.facts import fact

    kw = dict(
        thickness=fact("occator.pit_depth"),
        loss_rate=_loss_rate_from_facts("albedo.bare_ice", day_mean=True),
        noon_loss_rate=_loss_rate_from_facts("albedo.bare_ice", day_mean=False),
    )
    right = _expected_answer("06.5", **kw)
    assert utils.check("06.5", right, **kw).ok
    dusty, bright = _lifetime_dusty_ice(**kw), _lifetime_faculae_ice(**kw)
    assert dusty < bright < right / 5  # both far from the answer, so their hints are reachable
    assert "lifetime at Exercise 10's rate for dark, dusty ice" in utils.check("06.5", dusty, **kw).message
    assert "as bright as the faculae" in utils.check("06.5", bright, **kw).message


@pytest.mark.parametrize(
    "end, years, words",
    [("brightest", (14000, 18000), "brightest centre"), ("darkest", (2300, 3000), "`faculae_low`")],
)
def test_exercise_5_names_the_lifetimes_at_the_ends_of_the_faculae_range(end, years, words):
    """The lifetimes the sensitivity cell prints for the faculae's brightest and darkest ice get named hints."""
    from utils.checks import _expected_answer
    from utils.exercises import lesson06
    from utils.exercises.lesson06 import _loss_rate_from_facts
    from utils.facts import fact

    kw = dict(
        thickness=fact("occator.pit_depth"),
        loss_rate=_loss_rate_from_facts("albedo.bare_ice", day_mean=True),
        noon_loss_rate=_loss_rate_from_facts("albedo.bare_ice", day_mean=False),
        bright_albedo=fact("occator.faculae_reflectance_centre"),
        low_albedo=fact("occator.faculae_reflectance_low"),
    )
    pasted = getattr(lesson06, f"_lifetime_{end}_faculae_ice")(**kw)
    assert years[0] < pasted.to_value("yr") < years[1]  # the lifetime the sensitivity cell prints
    result = utils.check("06.5", pasted, **kw)
    assert not result.ok and words in result.message
    assert utils.check("06.5", _expected_answer("06.5", **kw), **kw).ok


def test_exercise_11_dividing_by_one_plus_spread_gets_the_spread_hint():
    from utils.facts import uncertainty

    spot, ground, error = utils.fact("occator.faculae_albedo"), utils.fact("ceres.albedo"), uncertainty("ceres.albedo")
    kw = dict(spot_albedo=spot, background_albedo=ground, spread=0.25, background_error=error)
    assert utils.check("06.11", (1 - 0.25) * spot / (ground + error), **kw).ok
    result = utils.check("06.11", spot / (1 + 0.25) / (ground + error), **kw)
    assert result.status == "incorrect" and "(1 + spread)" in result.message


def test_exercise_11_subtracting_spread_from_the_albedo_gets_its_own_hint():
    from utils.facts import uncertainty

    spot, ground, error = utils.fact("occator.faculae_albedo"), utils.fact("ceres.albedo"), uncertainty("ceres.albedo")
    kw = dict(spot_albedo=spot, background_albedo=ground, spread=0.25, background_error=error)
    result = utils.check("06.11", (spot - 0.25) / (ground + error), **kw)
    assert result.status == "incorrect" and "not an albedo" in result.message
    assert "factor of about 10" not in result.message


def test_the_rounded_darker_patch_printed_later_gets_its_own_hint_not_close():
    """The sensitivity cell prints a darker patch's noon temperature at the mean distance, rounded to 10 K."""
    from utils import thermal

    a = utils.fact("ceres.a")
    kw = dict(solar_constant=utils.fact("solar.tsi"), albedo=utils.fact("occator.faculae_albedo"))
    kw["distance"] = a * (1 - utils.fact("ceres.e"))
    low_end = utils.fact("occator.faculae_reflectance_low")  # the first line of the sensitivity cell
    printed = round(thermal._subsolar_temperature(kw["solar_constant"], low_end, a).to_value(u.K), -1)
    result = utils.check("06.4", printed * u.K, **kw)
    assert result.status == "incorrect" and "another case" in result.message and "close" not in result.message
    assert utils.check("06.4", thermal._subsolar_temperature(**kw), **kw).ok


def test_pasted_or_partial_answers_get_targeted_hints_not_a_unit_hint():
    # 06.1: the angle factor 2 mu0 / (mu0 + mu) without the albedo
    kw1 = dict(albedo=0.09 * u.one, incidence=60 * u.deg, emission=75 * u.deg)
    mu0, mu = np.cos(np.radians(60)), np.cos(np.radians(75))
    result = utils.check("06.1", 2 * mu0 / (mu0 + mu), **kw1)
    assert not result.ok and "left out the albedo" in result.message and "factor of about" not in result.message
    # 06.9: the facula's size in place of the crater's
    ifov = utils.fact("fc.ifov")
    kw4 = dict(size=utils.fact("occator.diameter"), pixels=50, ifov=ifov)
    facula = utils.fact("occator.cerealia_facula_size") / (50 * ifov.to_value(u.rad))
    result = utils.check("06.9", facula, **kw4)
    assert not result.ok and "whole crater" in result.message and "factor of about" not in result.message
    # 06.5: the deposits' ages pasted in place of the ice's lifetime
    kw9 = dict(thickness=utils.fact("occator.pit_depth"), loss_rate=5 * u.cm / u.yr, noon_loss_rate=37 * u.cm / u.yr)
    for fact_id, name in (("occator.activity_start", "activity_age"), ("occator.young_deposits_age", "young_age")):
        result = utils.check("06.5", utils.fact(fact_id), **kw9)
        assert not result.ok and name in result.message and "factor of about" not in result.message


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
    result = utils.check("06.7", centred[10] / centred[100], **kw)
    assert not result.ok and "occator_latitude" in result.message
    above = imaging.render_sphere(200, smooth, kw["radius"], kw["phase"], law="lambert", occator_latitude=20 * u.deg)
    assert utils.check("06.7", above[100, 10] / above[100, 100], **kw).ok
    # the first column taken for the limb lies near the facula's ratio: it is told about the column, not the facula
    edge = utils.check("06.7", above[100, 0] / above[100, 100], **kw)
    assert not edge.ok and "column 0" in edge.message and "facula" not in edge.message, edge.message


def test_exercise_9_accepts_either_reading_of_the_distance_but_not_the_radius_taken_off():
    ifov, radius = utils.fact("fc.ifov"), utils.fact("ceres.radius")
    kw = dict(size=utils.fact("occator.diameter"), pixels=50, ifov=ifov)
    to_ground = (kw["size"] / (50 * ifov.to_value(u.rad))).to(u.km)
    for answer in (to_ground, to_ground + radius, round(to_ground.value, -1) * u.km):
        assert utils.check("06.9", answer, **kw).ok
    for answer in (to_ground - radius, to_ground / 2, to_ground * 1.1):
        assert not utils.check("06.9", answer, **kw).ok
    result = utils.check("06.9", to_ground - radius, **kw)
    assert "took Ceres' radius off" in result.message


def test_exercise_11_the_ratio_as_printed_gets_a_named_hint():
    from utils.facts import uncertainty

    spot, ground, error = utils.fact("occator.faculae_albedo"), utils.fact("ceres.albedo"), uncertainty("ceres.albedo")
    kw = dict(spot_albedo=spot, background_albedo=ground, spread=0.25, background_error=error)
    for pasted in ((spot / ground).to_value(u.one), round((spot / ground).to_value(u.one), 1)):
        result = utils.check("06.11", pasted, **kw)
        assert not result.ok and "as read" in result.message


def test_exercise_2_measured_with_the_blur_on_gets_the_blur_hint():
    from utils import imaging

    kw = _inputs_2()
    ifov, size, spot, ground = kw["ifov"], kw["spot_diameter"], kw["spot_albedo"], kw["background_albedo"]
    near, far = kw["distance"], kw["far_distance"]
    scene = imaging.make_scene(imaging.occator_model(ground.value, spot.value, utils.fact("occator.diameter"), size))
    blurred, sharp = (
        [imaging.camera_image(scene, d, ifov, **opt).signal.max() for d in (near, far)]
        for opt in ({}, {"psf_fwhm_px": 0})
    )
    result = utils.check("06.2", blurred[0] / blurred[1], **kw)
    assert not result.ok and "psf_fwhm_px=0" in result.message
    assert "widget" in result.message and "dilution formula" in result.message  # a reading off the widget too
    assert utils.check("06.2", sharp[0] / sharp[1], **kw).ok
    result = utils.check("06.2", 2.0, **kw)  # two figures: told to keep three, as the question asks
    assert not result.ok and "rounded too much" in result.message


def test_exercise_2_radius_as_diameter_and_square_spot_get_named_hints():
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
        result = utils.check("06.2", pixel(near, area) / pixel(far, area), **kw)
        assert not result.ok and words in result.message, result.message

    def capped(d, area):  # the formula as the notebook writes it: the covered fraction at most 1
        f = min(1.0, (area / (d * ifov.to_value(u.rad)) ** 2).to_value(u.one))
        return f * spot + (1 - f) * ground

    result = utils.check("06.2", capped(near, np.pi * size**2) / capped(far, np.pi * size**2), **kw)
    assert not result.ok and "diameter as its radius" in result.message, result.message
    assert "capped at a full pixel" in result.message, result.message


def test_the_example_answers_in_the_prompts_get_no_power_of_ten_hint():
    """An example such as ``# e.g. 3e5 * u.yr`` must not be a clean power of ten off the answer."""
    import re
    from pathlib import Path

    import nbformat

    from utils.exercises.lesson06 import _loss_rate_from_facts

    fact = utils.fact
    inputs = {
        "4": dict(
            solar_constant=fact("solar.tsi"),
            albedo=fact("occator.faculae_albedo"),
            distance=fact("ceres.a") * (1 - fact("ceres.e")),
        ),
        "10": _inputs_10(),
        "5": dict(
            thickness=fact("occator.pit_depth"),
            loss_rate=_loss_rate_from_facts("albedo.bare_ice", day_mean=True),
            noon_loss_rate=_loss_rate_from_facts("albedo.bare_ice", day_mean=False),
        ),
    }
    nb = nbformat.read(Path(__file__).parents[1] / "notebooks" / "06-bright-spots.ipynb", as_version=4)
    source = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    for number, kw in inputs.items():
        example = re.search(rf"answer_{number} = \.\.\.  # e\.g\. (.+)", source).group(1)
        result = utils.check(f"06.{number}", eval(example, {"u": u}), **kw)
        assert not result.ok and "factor of" not in result.message, (number, example)


def test_a_bare_distance_under_the_root_gets_the_ratio_of_distances_hint():
    from astropy import constants as const

    distance = utils.fact("ceres.a") * (1 - utils.fact("ceres.e"))
    kw = dict(solar_constant=utils.fact("solar.tsi"), albedo=utils.fact("occator.faculae_albedo"), distance=distance)
    absorbed = kw["solar_constant"] * (1 / distance) ** 2 * (1 - kw["albedo"])  # 1 in place of 1 AU
    result = utils.check("06.4", (absorbed / const.sigma_sb) ** 0.25, **kw)
    assert result.status == "invalid" and "(1 * u.AU / r)" in result.message


def test_no_library_call_that_answers_exercise_9_or_7_is_shown_before_it():
    """Exercises 9 and 4 test a formula (size over d x IFOV; the energy balance): no earlier code cell may hold
    the one library call that gives each answer with the exercise's inputs swapped in."""
    import json
    from pathlib import Path

    nb = json.loads((Path(__file__).parents[1] / "notebooks" / "06-bright-spots.ipynb").read_text())
    sources = ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code"]
    for check_id, call in (("06.9", "distance_for_pixel_scale("), ("06.4", "subsolar_temperature(")):
        first_check = next(i for i, s in enumerate(sources) if f'utils.check("{check_id}"' in s)
        assert not any(call in s for s in sources[:first_check]), (check_id, call)


def test_exercise_5_the_printed_day_rate_passes_and_a_whole_centimetre_rate_gets_the_rounding_hint():
    import astropy.units as u

    from utils.exercises.lesson06 import _loss_rate_from_facts
    from utils.facts import fact

    kw = dict(
        thickness=fact("occator.pit_depth"),
        loss_rate=_loss_rate_from_facts("albedo.bare_ice", day_mean=True),
        noon_loss_rate=_loss_rate_from_facts("albedo.bare_ice", day_mean=False),
    )
    printed = float(f"{kw['loss_rate'].to_value(u.cm / u.yr):.1f}") * u.cm / u.yr  # as the notebook prints it
    assert utils.check("06.5", kw["thickness"] / printed, **kw).ok
    whole = round(kw["loss_rate"].to_value(u.cm / u.yr)) * u.cm / u.yr
    assert "rounded rate" in utils.check("06.5", kw["thickness"] / whole, **kw).message


def _notebook_cells():
    import json
    from pathlib import Path

    nb = json.loads((Path(__file__).parents[1] / "notebooks" / "06-bright-spots.ipynb").read_text())
    return nb["cells"]


def test_the_deposit_ages_exercise_5_and_11_compare_with_are_printed_outside_the_solutions():
    """Students compare the ice's lifetime with `activity_age` and `young_age`: both must be printed, with the
    upper bound named, in a cell the student version keeps."""
    kept = ["".join(c["source"]) for c in _notebook_cells() if "solution" not in c["metadata"].get("tags", [])]
    cell = next(s for s in kept if "activity_age, young_age =" in s)
    printed = [line for line in cell.splitlines() if line.lstrip().startswith("print(")]
    assert any("{activity_age" in line for line in printed) and any("{young_age" in line for line in printed)
    assert any("upper bound" in line for line in printed) and any("source_title" in line for line in printed)


def test_exercise_5_student_and_solution_checks_pass_the_same_inputs():
    calls = {}
    for c in _notebook_cells():
        tail = "".join(c["source"]).split("utils.check(")[-1]
        if c["cell_type"] == "code" and '"06.5"' in tail:
            calls["solution" in c["metadata"].get("tags", [])] = tail
    assert set(calls) == {True, False} and calls[True] == calls[False]


def test_exercise_4_asks_for_three_figures_and_fair_roundings_are_told_they_are_close():
    from utils import thermal

    prompt = next("".join(c["source"]) for c in _notebook_cells() if "### Exercise 4" in "".join(c["source"]))
    assert "three figures" in prompt
    kw = dict(solar_constant=utils.fact("solar.tsi"), albedo=utils.fact("occator.faculae_albedo"))
    kw["distance"] = utils.fact("ceres.a") * (1 - utils.fact("ceres.e"))
    right = thermal._subsolar_temperature(**kw).to(u.K)
    assert utils.check("06.4", right, **kw).ok
    for rounded in (
        round(right.to_value(u.K), -1) * u.K,
        round(right.to(u.deg_C, u.temperature()).value, -1) * u.deg_C,
    ):
        result = utils.check("06.4", rounded, **kw)
        assert result.status == "incorrect" and "three figures" in result.message
    assert "close" not in utils.check("06.4", right * 1.1, **kw).message
    grey = thermal._subsolar_temperature(**kw, emissivity=0.9)  # a radiator that is not perfect: not a rounding
    assert "close" not in utils.check("06.4", grey, **kw).message


def test_exercise_5_about_thirty_thousand_years_is_told_it_is_close():
    from utils.checks import _expected_answer
    from utils.exercises.lesson06 import _loss_rate_from_facts
    from utils.facts import fact

    kw = dict(
        thickness=fact("occator.pit_depth"),
        loss_rate=_loss_rate_from_facts("albedo.bare_ice", day_mean=True),
        noon_loss_rate=_loss_rate_from_facts("albedo.bare_ice", day_mean=False),
    )
    right = _expected_answer("06.5", **kw).to_value(u.yr)
    assert 1.05 < 30000 / right < 1.12  # the lesson's "about thirty thousand years", outside the tolerance
    result = utils.check("06.5", 30000 * u.yr, **kw)
    assert result.status == "incorrect" and "close" in result.message
    assert "close" not in utils.check("06.5", 1.3 * right * u.yr, **kw).message
    # the question asks for two figures: the right answer so rounded passes (the model answer's 28,000 years)
    two_figures = float(f"{right:.2g}")
    assert two_figures == 28000 and utils.check("06.5", two_figures * u.yr, **kw).ok
    # two figures asked for: a neighbour in the second figure (27,000 or 29,000 years) is wrong, and not a rounding
    for neighbour in (two_figures - 1000, two_figures + 1000):
        result = utils.check("06.5", neighbour * u.yr, **kw)
        assert not result.ok and "close" not in result.message


def test_exercise_5_faculae_ice_slip_follows_the_notebooks_faculae():
    from utils.exercises.lesson06 import _lifetime_faculae_ice, _loss_rate_from_facts
    from utils.facts import fact

    kw = dict(
        thickness=fact("occator.pit_depth"),
        loss_rate=_loss_rate_from_facts("albedo.bare_ice", day_mean=True),
        faculae_albedo=0.3 * u.one,  # an instructor's change of `faculae`
    )
    slip = _lifetime_faculae_ice(**kw)
    assert not u.isclose(slip, _lifetime_faculae_ice(**{**kw, "faculae_albedo": None}), rtol=0.05)
    assert "as bright as the faculae" in utils.check("06.5", slip, **kw).message


@pytest.mark.parametrize("answer", [2.0, 1.9, 2.1, 2.05, 1.99])
def test_exercise_2_only_a_two_figure_rounding_is_told_it_is_close(answer):
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
    assert abs(answer / _expected_answer("06.2", **kw) - 1) > 0.005  # outside the tolerance
    result = utils.check("06.2", answer, **kw)
    rounding = answer == round(_expected_answer("06.2", **kw), 1)
    assert result.status == "incorrect" and ("close" in result.message) == rounding
    assert "close" not in utils.check("06.2", 2.5, **kw).message


def test_exercise_5_asks_for_the_precision_its_check_and_the_model_answer_use():
    """The question names its precision, and the pit lifetime the model answer of Exercise 6 states passes."""
    import re

    from utils.checks import _expected_answer
    from utils.exercises.lesson06 import _loss_rate_from_facts
    from utils.facts import fact

    cells = ["".join(c["source"]) for c in _notebook_cells()]
    question = next(s for s in cells if s.startswith("### Exercise 5"))
    assert "two significant figures" in question
    model = next(s for s in cells if s.startswith("*Model answer:* (a) Not old ice."))
    stated = float(re.search(r"sublimate in about ([\d,]+) years", model).group(1).replace(",", ""))
    kw = dict(thickness=fact("occator.pit_depth"), loss_rate=_loss_rate_from_facts("albedo.bare_ice", day_mean=True))
    assert stated == float(f"{_expected_answer('06.5', **kw).to_value(u.yr):.2g}")
    assert utils.check("06.5", stated * u.yr, **kw).ok


def test_exercise_4_the_melting_point_is_not_told_it_forgot_the_square():
    """Forgetting to square the distance gives 274 K here, by chance next to 273 K: only the slip's own three
    figures get its hint, and 273 K or 0 °C get the general one."""
    from utils.exercises.lesson06 import _t_not_squared

    kw = dict(solar_constant=utils.fact("solar.tsi"), albedo=utils.fact("occator.faculae_albedo"))
    kw["distance"] = utils.fact("ceres.a") * (1 - utils.fact("ceres.e"))
    slip = _t_not_squared(**kw).to(u.K)
    for typed in (slip, round(slip.to_value(u.K)) * u.K, round(slip.to(u.deg_C, u.temperature()).value, 1) * u.deg_C):
        assert "SQUARE" in utils.check("06.4", typed, **kw).message, typed
    for guess in (273 * u.K, 273.15 * u.K, 0 * u.deg_C):
        result = utils.check("06.4", guess, **kw)
        assert result.status == "incorrect" and "SQUARE" not in result.message, guess


def test_exercise_2_the_increase_in_place_of_the_ratio_gets_its_own_hint():
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
    increase = _expected_answer("06.2", **kw) - 1  # "1.02 times brighter" for "102 % brighter"
    for typed in (increase, round(increase, 2)):
        result = utils.check("06.2", typed, **kw)
        assert result.status == "incorrect" and "nothing taken away" in result.message, typed


def _inputs_5():
    from utils.exercises.lesson06 import _loss_rate_from_facts
    from utils.facts import fact

    return dict(
        thickness=fact("occator.pit_depth"),
        loss_rate=_loss_rate_from_facts("albedo.bare_ice", day_mean=True),
        noon_loss_rate=_loss_rate_from_facts("albedo.bare_ice", day_mean=False),
        bright_albedo=fact("occator.faculae_reflectance_centre"),
        low_albedo=fact("occator.faculae_reflectance_low"),
        faculae_albedo=fact("occator.faculae_albedo"),
    )


def test_exercise_5_the_noon_rate_as_printed_gets_the_noon_hint_not_the_faculae_one():
    """The lesson prints the noon rate to the centimetre (11 cm / yr): the pit over that rate, to two figures
    (4,500 yr), is the noon slip, though it lies within 5 % of the faculae-bright ice's printed lifetime."""
    from utils.exercises.lesson06 import _lifetime_faculae_ice

    kw = _inputs_5()
    printed = round(kw["noon_loss_rate"].to_value(u.cm / u.yr)) * u.cm / u.yr
    from_printed = (kw["thickness"] / printed).to(u.yr)
    faculae = _lifetime_faculae_ice(**kw)
    two_figures = float(f"{from_printed.value:.2g}") * u.yr
    assert abs(two_figures / faculae - 1) < 0.05  # the trap: near the faculae-bright ice's lifetime
    for answer in (from_printed, two_figures, (kw["thickness"] / kw["noon_loss_rate"]).to(u.yr)):
        result = utils.check("06.5", answer, **kw)
        assert not result.ok and "rate at noon" in result.message and "faculae" not in result.message, answer
    pasted = float(f"{faculae.value:,.0f}".replace(",", "")) * u.yr  # as the sensitivity cell prints it
    assert "as bright as the faculae" in utils.check("06.5", pasted, **kw).message


def _inputs_4():
    kw = dict(solar_constant=utils.fact("solar.tsi"), albedo=utils.fact("occator.faculae_albedo"))
    kw["distance"] = utils.fact("ceres.a") * (1 - utils.fact("ceres.e"))
    return kw


def test_exercise_4_the_kelvin_slips_are_told_apart_by_the_unit_used():
    from utils import thermal

    kw = _inputs_4()
    kelvin = thermal._subsolar_temperature(**kw).to_value(u.K)
    plus_273 = utils.check("06.4", (kelvin + 273.15) * u.K, **kw)  # 217 K + 273: a kelvin number made bigger
    assert not plus_273.ok and "273 added" in plus_273.message and "unit °C" not in plus_273.message
    typed_c = utils.check("06.4", kelvin * u.deg_C, **kw)  # the kelvin number with the Celsius unit
    assert not typed_c.ok and "unit °C" in typed_c.message and "273 added" not in typed_c.message
    celsius = thermal._subsolar_temperature(**kw).to_value(u.deg_C, u.temperature())
    typed_k = utils.check("06.4", round(celsius) * u.K, **kw)  # about -56 with the kelvin unit
    assert not typed_k.ok and "degrees Celsius" in typed_k.message


def test_exercise_7_a_neighbouring_column_is_not_told_it_used_the_textured_model():
    kw, row = _smooth_lambert_middle_row()
    for col in (9, 11):
        result = utils.check("06.7", row[col] / row[100], **kw)
        assert not result.ok and "next to `limb_col`" in result.message and "texture" not in result.message
    assert utils.check("06.7", row[10] / row[100], **kw).ok


def test_exercise_7_row_and_column_swapped_gets_its_own_hint_away_from_zero_phase():
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
        result = utils.check("06.7", image[10, 100] / image[100, 100], **kw)
        if phase == 0:  # the disc is symmetric at zero phase: the swapped pixel gives the same ratio
            assert result.ok
        else:
            assert not result.ok and "takes the row first" in result.message
        assert utils.check("06.7", image[100, 10] / image[100, 100], **kw).ok


@pytest.mark.parametrize("factor", [1000, 100, 100_000])
def test_exercise_5_a_depth_and_rate_in_mixed_length_units_get_the_units_hint(factor):
    """0.5 / 0.018 (km over m a year), 500 / 1.8 (m over cm a year) or 0.5 / 1.8 (km over cm a year) is named."""
    from utils.checks import _expected_answer
    from utils.exercises.lesson06 import _loss_rate_from_facts
    from utils.facts import fact

    kw = dict(
        thickness=fact("occator.pit_depth"),
        loss_rate=_loss_rate_from_facts("albedo.bare_ice", day_mean=True),
        noon_loss_rate=_loss_rate_from_facts("albedo.bare_ice", day_mean=False),
    )
    right = _expected_answer("06.5", **kw)
    for slip in (right / factor, right / factor * 1.021):  # the slip, and one typed from rounded printouts
        result = utils.check("06.5", slip, **kw)
        assert not result.ok and "different length units" in result.message
    result = utils.check("06.5", right.to_value(u.yr) / 1000 * u.yr, **kw)  # 28 * u.yr, meaning thousands
    assert not result.ok and "read in thousands" in result.message


def test_exercise_4_the_faculae_high_albedo_hint_also_names_the_other_albedo():
    """T at faculae_high equals the 1 − A slip when faculae is 0.4: the hint covers both slips."""
    from utils.facts import fact

    kw = dict(solar_constant=fact("solar.tsi"), albedo=fact("occator.faculae_albedo"))
    kw["distance"] = fact("ceres.a") * (1 - fact("ceres.e"))
    high = fact("occator.faculae_reflectance_centre")
    from utils.exercises.lesson06 import _temperature

    result = utils.check("06.4", _temperature(kw["solar_constant"], high, kw["distance"]), **kw)
    assert not result.ok and "1 − A" in result.message and "`faculae` itself" in result.message


def test_exercise_5_the_years_given_in_days_get_the_time_unit_hint():
    """2.8e4 * u.day (the right number, the wrong unit of time) is told to give years, not the generic hint."""
    from utils.checks import _expected_answer

    kw = _inputs_5()
    right = _expected_answer("06.5", **kw)
    for years in (right.to_value(u.yr), float(f"{right.to_value(u.yr):.2g}")):  # exact, and as the question rounds
        result = utils.check("06.5", years * u.day, **kw)
        assert not result.ok and "in days" in result.message, result.message
    assert utils.check("06.5", float(f"{right.to_value(u.yr):.2g}") * u.yr, **kw).ok


def test_exercise_7_the_figures_phase_or_size_copied_gets_a_hint_naming_it():
    """Copied from the two laws' figure: its phase (20°) for ``phase_7``, or its 300 pixels (row 150) for ``n_7``."""
    from utils import imaging

    sizes = utils.fact("occator.diameter"), utils.fact("occator.cerealia_facula_size")
    albedos = utils.fact("ceres.albedo").value, utils.fact("occator.faculae_albedo").value
    smooth = imaging.occator_model(*albedos, *sizes, texture=0)
    radius = utils.fact("ceres.radius")
    kw = dict(model=smooth, radius=radius, phase=0 * u.deg, n_px=200, column=10)
    for law in ("lambert", "lommel-seeliger"):
        at_20 = imaging.render_sphere(200, smooth, radius, 20 * u.deg, law=law, occator_latitude=20 * u.deg)
        result = utils.check("06.7", at_20[100, 10] / at_20[100, 100], law=law, **kw)
        assert not result.ok and "`phase_7`" in result.message and "20°" in result.message
    # at zero phase the Lommel-Seeliger disc is even, so the figure's size gives the right ratio there too
    big = imaging.render_sphere(300, smooth, radius, 0 * u.deg, law="lambert", occator_latitude=20 * u.deg)
    result = utils.check("06.7", big[150, 10] / big[150, 150], law="lambert", **kw)
    assert not result.ok and "`n_7` pixels" in result.message and "300" in result.message
    right = imaging.render_sphere(200, smooth, radius, 0 * u.deg, law="lambert", occator_latitude=20 * u.deg)
    assert utils.check("06.7", right[100, 10] / right[100, 100], law="lambert", **kw).ok
    # an instructor's phase_7 of 20°: the figure's phase is then the right one and passes
    at_20 = imaging.render_sphere(200, smooth, radius, 20 * u.deg, law="lambert", occator_latitude=20 * u.deg)
    assert utils.check("06.7", at_20[100, 10] / at_20[100, 100], law="lambert", **{**kw, "phase": 20 * u.deg}).ok


def test_exercise_4_the_printed_dark_ground_and_a_three_figure_near_miss():
    """Ceres' dark ground at its mean distance (printed just above) gets its own hint; 219 K is not a rounding."""
    from astropy import constants as const

    kw = dict(solar_constant=utils.fact("solar.tsi"), albedo=utils.fact("occator.faculae_albedo"))
    a = utils.fact("ceres.a")
    kw["distance"] = a * (1 - utils.fact("ceres.e"))
    sunlight = kw["solar_constant"] * (u.AU / a) ** 2
    t_dark = ((sunlight * (1 - utils.fact("ceres.albedo")) / const.sigma_sb) ** 0.25).to(u.K)
    printed = utils.check("06.4", round(t_dark.to_value(u.K)) * u.K, **kw)
    assert printed.status == "incorrect" and "dark ground" in printed.message and "distance_4" in printed.message
    near = utils.check("06.4", 219 * u.K, **kw)
    assert near.status == "incorrect" and "rounded" not in near.message and "close" not in near.message
    assert "rounded" in utils.check("06.4", 220 * u.K, **kw).message


def test_exercise_2_the_full_contrast_is_named_as_undiluted():
    """The facula's albedo over Ceres' (about 4.4, the figure's plateau) is told it leaves out dilution."""
    kw = dict(spot_albedo=utils.fact("occator.faculae_albedo"), background_albedo=utils.fact("ceres.albedo"))
    kw.update(spot_diameter=utils.fact("occator.cerealia_facula_size"), ifov=utils.fact("fc.ifov"))
    kw["distance"] = utils.fact("ceres.approach_opnav3_distance")
    kw["far_distance"] = utils.fact("ceres.approach_spot_distance")
    contrast = (kw["spot_albedo"] / kw["background_albedo"]).to_value(u.one)
    result = utils.check("06.2", round(contrast, 2), **kw)
    assert result.status == "incorrect" and "full contrast" in result.message and "close" not in result.message


def test_exercise_1_asks_for_three_figures_and_says_so_to_a_rounder():
    albedo, incidence, emission = utils.fact("ceres.albedo"), 60 * u.deg, 75 * u.deg
    mu0, mu = np.cos(incidence), np.cos(emission)
    right = (albedo * 2 * mu0 / (mu0 + mu)).to_value(u.one)
    kw = dict(albedo=albedo, incidence=incidence, emission=emission)
    assert utils.check("06.1", round(right, 3), **kw).ok
    for rounded in (round(right, 2), round(right, 1)):
        result = utils.check("06.1", rounded, **kw)
        assert not result.ok and "rounded too much" in result.message, (rounded, result)
    lambert = utils.check("06.1", (albedo * mu0).to_value(u.one), **kw)
    assert "Lambert" in lambert.message and "close" not in lambert.message, lambert


def test_exercise_1_the_bare_albedo_gets_the_face_on_hint():
    albedo = utils.fact("ceres.albedo")
    result = utils.check("06.1", albedo.to_value(u.one), albedo=albedo, incidence=60 * u.deg, emission=75 * u.deg)
    assert result.status == "incorrect" and "face-on" in result.message and "close" not in result.message


def test_exercise_2_the_distance_in_place_of_the_pixel_footprint_gets_its_own_hint():
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
        result = utils.check("06.2", typed, **kw)
        assert result.status == "incorrect" and "footprint" in result.message and "close" not in result.message


def _one_argument_functions(nb_path):
    """The notebook's one-argument functions outside solution cells, defined with the names they use."""
    import ast
    import json
    from pathlib import Path

    from astropy import constants as const

    from utils import thermal

    facts = utils.fact
    ns = dict(u=u, np=np, const=const, thermal=thermal, water=facts("water.molar_mass"))
    ns.update(sunlight=thermal.irradiance(facts("solar.tsi"), facts("ceres.a")), ice_density=facts("ice.density"))
    ns.update(latent_heat=facts("ice.sublimation_latent_heat"), pit_depth=facts("occator.pit_depth"))
    ns.update(young_age=facts("occator.young_deposits_age"), activity_age=facts("occator.activity_start"))
    cells = json.loads(Path(nb_path).read_text(encoding="utf-8"))["cells"]
    for cell in cells:
        if cell["cell_type"] != "code" or "solution" in cell["metadata"].get("tags", []):
            continue
        for node in ast.parse("".join(cell["source"])).body:
            if isinstance(node, ast.FunctionDef) and len(node.args.args) == 1:
                exec(compile(ast.Module([node], []), "<notebook>", "exec"), ns)
                yield ns[node.name], ns


def test_no_function_the_notebook_defines_gives_exercise_5_its_answer_for_bare_ice():
    from pathlib import Path

    kw = _inputs_5()
    functions = list(_one_argument_functions(Path(__file__).parents[1] / "notebooks" / "06-bright-spots.ipynb"))
    assert functions  # Going further's helpers are found
    for function, ns in functions:
        result = function(utils.fact("albedo.bare_ice"))
        if isinstance(result, bool) or not isinstance(result, (float, u.Quantity)):
            continue
        for guess in (result * u.yr, result * ns["young_age"], result * ns["activity_age"]):
            assert not utils.check("06.5", guess, **kw).ok, function.__name__


def test_exercise_1_the_right_value_cut_off_is_told_to_round():
    from utils.exercises.lesson06 import _lommel_seeliger, _lommel_seeliger_cut

    kw = dict(albedo=utils.fact("ceres.albedo"), incidence=60 * u.deg, emission=75 * u.deg)  # the lesson's angles
    right, cut = _lommel_seeliger(**kw), _lommel_seeliger_cut(**kw)
    assert cut != round(right, 3 - 1 - int(np.floor(np.log10(abs(right))))), "pick angles where cutting differs"
    result = utils.check("06.1", cut, **kw)
    assert result.status == "incorrect" and "round it" in result.message, result
    assert "not right" not in result.message, result  # "if your method is right" stands alone
    assert utils.check("06.1", right, **kw).ok


def test_no_camera_widget_stop_answers_exercise_9_or_gets_a_mistakes_hint():
    """Every distance stop of the camera widget, checked as an answer to 06.9 with the notebook's own inputs:
    none passes, none lies within 1 % of either correct reading, and none is told it made a likely mistake."""
    import nbformat

    from notebook_namespace import ROOT, explore_widget
    from utils.exercises.lesson06 import _EXERCISES, _distance_for_pixels, _distance_to_centre

    nb = nbformat.read(ROOT / "notebooks" / "06-bright-spots.ipynb", as_version=4)
    ns = {"fact": utils.fact}
    exec(next(c.source for c in nb.cells if c.source.startswith("crater_size, pixels_9 =")), ns)  # the inputs
    kw = dict(size=ns["crater_size"], pixels=ns["pixels_9"], ifov=utils.fact("fc.ifov"))
    readings = [f(**kw).to_value(u.km) for f in (_distance_for_pixels, _distance_to_centre)]
    hints = [m.hint for m in _EXERCISES["06.9"].mistakes]
    stops = explore_widget("06-bright-spots.ipynb").stops("distance_km")
    assert len(stops) > 100
    for km in stops:
        result = utils.check("06.9", km * u.km, **kw)
        assert not result.ok, km
        assert all(abs(km / r - 1) > 0.01 for r in readings), km
        assert not any(h in result.message for h in hints), (km, result.message)


def test_the_radius_taken_off_hint_is_kept_for_that_number():
    kw = dict(size=utils.fact("occator.diameter"), pixels=50, ifov=utils.fact("fc.ifov"))
    from utils.exercises.lesson06 import _distance_radius_taken_off

    wrong = _distance_radius_taken_off(**kw)
    assert "radius off" in utils.check("06.9", wrong, **kw).message
    assert "radius off" not in utils.check("06.9", wrong * 1.004, **kw).message  # a nearby guess is not told so


def _inputs_2():
    """Exercise 2's inputs, as the notebook sets them."""
    ifov, size = utils.fact("fc.ifov"), utils.fact("occator.cerealia_facula_size")
    spot, ground = utils.fact("occator.faculae_albedo"), utils.fact("ceres.albedo")
    near, far = utils.fact("ceres.approach_opnav3_distance"), utils.fact("ceres.approach_spot_distance")
    kw = dict(
        spot_albedo=spot, background_albedo=ground, spot_diameter=size, distance=near, far_distance=far, ifov=ifov
    )
    return kw


def test_exercise_2_a_ratio_of_exactly_one_is_the_misconception_not_a_slip():
    kw = _inputs_2()
    for same in (1, 1.0):
        result = utils.check("06.2", same, **kw)
        assert not result.ok and "footprint on the ground does" in result.message, result.message
        assert "close" not in result.message.lower()


def test_exercise_2_a_nearer_view_where_the_spot_fills_pixels_is_named_not_the_radius_slip():
    kw = _inputs_2()
    spot, ground, size = kw["spot_albedo"], kw["background_albedo"], kw["spot_diameter"]
    from utils import photometry

    pixel_far = utils.camera.pixel_scale(kw["far_distance"], kw["ifov"])
    wrong_row = (spot / photometry.diluted_albedo(spot, ground, size, pixel_far)).to_value(u.one)
    result = utils.check("06.2", round(wrong_row, 3), **kw)
    assert not result.ok and "fills whole pixels" in result.message and "radius" not in result.message, result
