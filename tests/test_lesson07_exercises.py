"""Lesson 07's exercise checks: slips the lesson's own tests name."""

from __future__ import annotations

import astropy.units as u
import numpy as np
import pytest

import nbtools
import utils
from conftest import ROOT
from exercises import calls_shown_before_check, hint_names_not_assigned, names_that_answer
from notebook_namespace import namespace_until


def test_no_public_name_in_utils_thermal_or_photometry_answers_exercise_1():
    """Exercise 1 tests the energy balance S (1 AU / r)**2 (1 - A) = sigma T**4 at the perihelion a (1 - e): no
    name that Tab completion offers in utils.thermal, utils.photometry or utils.camera may return its answer from
    the exercise's inputs (the orbit's a and e, whose perihelion the student works out)."""
    from utils import camera, photometry, thermal

    a, e = utils.fact("ceres.a"), utils.fact("ceres.e")
    values = {
        "solar_constant": utils.fact("solar.tsi"),
        "albedo": utils.fact("occator.faculae_albedo"),
        "distance": None,
        "semi_major_axis": a,
        "eccentricity": e,
    }
    passing = names_that_answer("07.1", values, (thermal, photometry, camera))
    assert not passing, f"{passing} answer exercise 1: make them private or ask for something they do not return"
    # not even the private helper answers from the orbit: the perihelion step is the student's
    assert not names_that_answer("07.1", values, (thermal,), True)
    # given the perihelion distance itself, the search finds the private helper, so it would find a public one
    with_distance = dict(values, distance=a * (1 - e), semi_major_axis=None, eccentricity=None)
    assert "utils.thermal._subsolar_temperature" in names_that_answer("07.1", with_distance, (thermal,), True)


def test_ceres_albedo_in_place_of_the_faculae_gets_the_dark_ground_hint():
    from astropy import constants as const

    kw = dict(solar_constant=utils.fact("solar.tsi"), albedo=utils.fact("occator.faculae_albedo"), distance=2.6 * u.AU)
    for ground in (utils.fact("ceres.albedo"), utils.fact("ceres.albedo_fc")):
        absorbed = kw["solar_constant"] * (u.AU / kw["distance"]) ** 2 * (1 - ground)
        result = utils.check("07.1", ((absorbed / const.sigma_sb) ** 0.25).to(u.K), **kw)
        assert result.status == "incorrect" and "dark ground" in result.message
    right = kw["solar_constant"] * (u.AU / kw["distance"]) ** 2 * (1 - kw["albedo"])
    assert utils.check("07.1", ((right / const.sigma_sb) ** 0.25).to(u.K), **kw).ok


def test_a_square_root_with_its_units_kept_gets_the_fourth_root_hint():
    from astropy import constants as const

    kw = dict(solar_constant=utils.fact("solar.tsi"), albedo=utils.fact("occator.faculae_albedo"), distance=2.6 * u.AU)
    absorbed = kw["solar_constant"] * (u.AU / kw["distance"]) ** 2 * (1 - kw["albedo"])
    result = utils.check("07.1", ((absorbed / const.sigma_sb) ** 0.5).decompose(), **kw)
    assert result.status == "incorrect" and "FOURTH root" in result.message, result


def test_an_answer_in_k4_is_told_to_take_the_fourth_root():
    from astropy import constants as const

    kw = dict(solar_constant=utils.fact("solar.tsi"), albedo=utils.fact("occator.faculae_albedo"), distance=2.6 * u.AU)
    absorbed = kw["solar_constant"] * (u.AU / kw["distance"]) ** 2 * (1 - kw["albedo"])
    for t4 in (absorbed / const.sigma_sb, (absorbed / const.sigma_sb).to(u.K**4)):
        result = utils.check("07.1", t4, **kw)
        assert result.status == "incorrect" and "fourth root" in result.message, result
    assert utils.check("07.1", ((absorbed / const.sigma_sb) ** 0.25).to(u.K), **kw).ok


def test_exercise_1_hints_name_only_variables_the_notebook_sets():
    """A hint that names a variable in backticks names one the notebook assigns (not `distance` for `distance_1`)."""
    assert hint_names_not_assigned("07", "07-ice-or-salt.ipynb") == []


def _inputs_4():
    fact = utils.fact
    return dict(
        solar_constant=fact("solar.tsi"),
        albedo=fact("ceres.albedo"),
        distance=fact("ceres.a"),
        latent_heat=fact("ice.sublimation_latent_heat"),
        density=fact("ice.density"),
        molar_mass=fact("water.molar_mass"),
    )


def test_exercise_4_is_the_energy_limited_loss_and_names_the_free_sublimation_slip():
    from astropy import constants as const

    from utils import thermal

    kw = _inputs_4()
    absorbed = kw["solar_constant"] * (u.AU / kw["distance"]) ** 2 * (1 - kw["albedo"])
    bound = (absorbed / (kw["latent_heat"] * kw["density"]) * u.yr).to(u.m)
    assert 1 < bound.to_value(u.m) < 3  # about 2 m: sunlight alone cannot remove more
    assert utils.check("07.4", bound, **kw).ok and utils.check("07.4", bound.to(u.cm), **kw).ok
    assert not utils.check("07.4", bound * 1.02, **kw).ok  # within 1 %: three figures, as the question asks
    assert "rounded too much" in utils.check("07.4", 2 * u.m, **kw).message
    assert "at 2.77 AU from the Sun" in utils.check("07.4", bound, **kw).name  # the distance the bound is for
    # the ice held at the dry ground's temperature: hundreds of metres, and a hint about energy
    t_dark = thermal._subsolar_temperature(kw["solar_constant"], kw["albedo"], kw["distance"])
    free = thermal.thickness_loss_rate(thermal.sublimation_mass_flux(t_dark, kw["molar_mass"]), kw["density"]) * u.yr
    assert free > 100 * bound
    assert "energy" in utils.check("07.4", free.to(u.m), **kw).message
    # the rate at the balanced temperature lies below the bound and is named
    t_bal = thermal.sublimation_balance_temperature(absorbed, kw["molar_mass"], kw["latent_heat"])
    assert const.sigma_sb * t_bal**4 < absorbed
    bal = thermal.thickness_loss_rate(thermal.sublimation_mass_flux(t_bal, kw["molar_mass"]), kw["density"]) * u.yr
    assert bal < bound
    assert "balanced temperature" in utils.check("07.4", bal.to(u.m), **kw).message
    assert "1 − A" in utils.check("07.4", bound / (1 - kw["albedo"]), **kw).message
    assert "multiply the rate by one year" in utils.check("07.4", (bound / u.yr).to(u.m / u.yr), **kw).message
    # the rate in m / s times a year's seconds as a plain number is still a rate: told to use 1 * u.yr
    for seconds in (3.156e7, 365.25 * 24 * 3600):
        result = utils.check("07.4", (bound / u.yr).to(u.m / u.s) * seconds, **kw)
        assert not result.ok and "`1 * u.yr`" in result.message


def test_exercise_2_names_the_dusty_ice_and_faculae_bright_ice_slips():
    from utils.checks import _expected_answer
    from utils.exercises.lesson07 import _lifetime_dusty_ice, _lifetime_faculae_ice, _loss_rate_from_facts
    from utils.facts import fact

    kw = dict(
        thickness=fact("occator.pit_depth"),
        loss_rate=_loss_rate_from_facts("albedo.bare_ice", day_mean=True),
        noon_loss_rate=_loss_rate_from_facts("albedo.bare_ice", day_mean=False),
    )
    right = _expected_answer("07.2", **kw)
    assert utils.check("07.2", right, **kw).ok
    dusty, bright = _lifetime_dusty_ice(**kw), _lifetime_faculae_ice(**kw)
    assert dusty < bright < right / 5  # both far from the answer, so their hints are reachable
    assert "lifetime at Exercise 4's rate for dark, dusty ice" in utils.check("07.2", dusty, **kw).message
    assert "as bright as the faculae" in utils.check("07.2", bright, **kw).message


@pytest.mark.parametrize(
    "end, years, words",
    [("brightest", (14000, 18000), "brightest centre"), ("darkest", (2300, 3000), "`faculae_low`")],
)
def test_exercise_2_names_the_lifetimes_at_the_ends_of_the_faculae_range(end, years, words):
    """The lifetimes the sensitivity cell prints for the faculae's brightest and darkest ice get named hints."""
    from utils.checks import _expected_answer
    from utils.exercises import lesson07
    from utils.exercises.lesson07 import _loss_rate_from_facts
    from utils.facts import fact

    kw = dict(
        thickness=fact("occator.pit_depth"),
        loss_rate=_loss_rate_from_facts("albedo.bare_ice", day_mean=True),
        noon_loss_rate=_loss_rate_from_facts("albedo.bare_ice", day_mean=False),
        bright_albedo=fact("occator.faculae_reflectance_centre"),
        low_albedo=fact("occator.faculae_reflectance_low"),
    )
    pasted = getattr(lesson07, f"_lifetime_{end}_faculae_ice")(**kw)
    assert years[0] < pasted.to_value("yr") < years[1]  # the lifetime the sensitivity cell prints
    result = utils.check("07.2", pasted, **kw)
    assert not result.ok and words in result.message
    assert utils.check("07.2", _expected_answer("07.2", **kw), **kw).ok


def test_the_rounded_darker_patch_printed_later_is_told_close_and_then_its_own_note():
    """The sensitivity cell prints a darker patch's noon temperature at the mean distance, rounded to 10 K. That
    is also the right answer to two figures: told it is close first, like -60 °C, then the note on the printout."""
    from utils import thermal

    a = utils.fact("ceres.a")
    kw = dict(solar_constant=utils.fact("solar.tsi"), albedo=utils.fact("occator.faculae_albedo"))
    kw["distance"] = a * (1 - utils.fact("ceres.e"))
    low_end = utils.fact("occator.faculae_reflectance_low")  # the first line of the sensitivity cell
    printed = round(thermal._subsolar_temperature(kw["solar_constant"], low_end, a).to_value(u.K), -1)
    right = thermal._subsolar_temperature(**kw).to(u.K)
    assert printed == round(right.to_value(u.K), -1)  # the right answer to two figures, too
    result = utils.check("07.1", printed * u.K, **kw)
    close = utils.check("07.1", round(right.to(u.deg_C, u.temperature()).value, -1) * u.deg_C, **kw)
    assert result.status == "incorrect" and result.message.startswith(close.message), result.message
    assert result.message.count("three figures") == 1 and "Note: If you took it from a printout" in result.message
    assert "another case" in result.message and f"{right.to_value(u.K):.0f}" not in result.message
    # the printed line in Celsius (-53 °C) is no rounding of the answer (-56 °C): the note only, never "close"
    in_celsius = utils.check("07.1", (printed * u.K).to(u.deg_C, u.temperature()).round(), **kw)
    assert "another case" in in_celsius.message and "close" not in in_celsius.message, in_celsius.message
    assert utils.check("07.1", right, **kw).ok


def test_pasted_ages_get_targeted_hints_not_a_unit_hint():
    # 07.2: the deposits' ages pasted in place of the ice's lifetime
    kw9 = dict(thickness=utils.fact("occator.pit_depth"), loss_rate=5 * u.cm / u.yr, noon_loss_rate=37 * u.cm / u.yr)
    for fact_id, name in (("occator.activity_start", "activity_age"), ("occator.young_deposits_age", "young_age")):
        result = utils.check("07.2", utils.fact(fact_id), **kw9)
        assert not result.ok and name in result.message and "factor of about" not in result.message


def test_the_example_answers_in_the_prompts_get_no_power_of_ten_hint():
    """An example such as ``# e.g. 3e5 * u.yr`` must not be a clean power of ten off the answer."""
    import re
    from pathlib import Path

    import nbformat

    from utils.exercises.lesson07 import _loss_rate_from_facts

    fact = utils.fact
    inputs = {
        "1": dict(
            solar_constant=fact("solar.tsi"),
            albedo=fact("occator.faculae_albedo"),
            distance=fact("ceres.a") * (1 - fact("ceres.e")),
        ),
        "4": _inputs_4(),
        "2": dict(
            thickness=fact("occator.pit_depth"),
            loss_rate=_loss_rate_from_facts("albedo.bare_ice", day_mean=True),
            noon_loss_rate=_loss_rate_from_facts("albedo.bare_ice", day_mean=False),
        ),
    }
    nb = nbformat.read(Path(__file__).parents[1] / "notebooks" / "07-ice-or-salt.ipynb", as_version=4)
    source = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    for number, kw in inputs.items():
        example = re.search(rf"answer_{number} = \.\.\.  # e\.g\. (.+)", source).group(1)
        result = utils.check(f"07.{number}", eval(example, {"u": u}), **kw)
        assert not result.ok and "factor of" not in result.message, (number, example)


def test_a_bare_distance_under_the_root_gets_the_ratio_of_distances_hint():
    from astropy import constants as const

    distance = utils.fact("ceres.a") * (1 - utils.fact("ceres.e"))
    kw = dict(solar_constant=utils.fact("solar.tsi"), albedo=utils.fact("occator.faculae_albedo"), distance=distance)
    absorbed = kw["solar_constant"] * (1 / distance) ** 2 * (1 - kw["albedo"])  # 1 in place of 1 AU
    result = utils.check("07.1", (absorbed / const.sigma_sb) ** 0.25, **kw)
    assert result.status == "invalid" and "(1 * u.AU / r)" in result.message


def test_no_library_call_that_answers_exercise_1_is_shown_before_it():
    """Exercise 1 tests a formula (the energy balance): no earlier code cell may hold the one library call that
    gives its answer with the exercise's inputs swapped in."""
    assert calls_shown_before_check("07.1", "07-ice-or-salt.ipynb", "subsolar_temperature(") == []


def test_exercise_2_the_printed_day_rate_passes_and_a_whole_centimetre_rate_gets_the_rounding_hint():
    import astropy.units as u

    from utils.exercises.lesson07 import _loss_rate_from_facts
    from utils.facts import fact

    kw = dict(
        thickness=fact("occator.pit_depth"),
        loss_rate=_loss_rate_from_facts("albedo.bare_ice", day_mean=True),
        noon_loss_rate=_loss_rate_from_facts("albedo.bare_ice", day_mean=False),
    )
    printed = float(f"{kw['loss_rate'].to_value(u.cm / u.yr):.1f}") * u.cm / u.yr  # as the notebook prints it
    assert utils.check("07.2", kw["thickness"] / printed, **kw).ok
    whole = round(kw["loss_rate"].to_value(u.cm / u.yr)) * u.cm / u.yr
    message = utils.check("07.2", kw["thickness"] / whole, **kw).message
    assert "rounded rate" in message and "close" not in message.lower()  # 12 % off: "not right", never "close"


def _notebook_cells():
    import json
    from pathlib import Path

    nb = json.loads((Path(__file__).parents[1] / "notebooks" / "07-ice-or-salt.ipynb").read_text())
    return nb["cells"]


def test_the_deposit_ages_exercise_2_compares_with_are_printed_outside_the_solutions():
    """Students compare the ice's lifetime with `activity_age` and `young_age`: both must be printed, with the
    upper bound named, in a cell the student version keeps."""
    kept = ["".join(c["source"]) for c in _notebook_cells() if "solution" not in c["metadata"].get("tags", [])]
    cell = next(s for s in kept if "activity_age, young_age =" in s)
    printed = [line for line in cell.splitlines() if line.lstrip().startswith("print(")]
    assert any("{activity_age" in line for line in printed) and any("{young_age" in line for line in printed)
    assert any("upper bound" in line for line in printed) and any("source_title" in line for line in printed)


def test_exercise_2_student_and_solution_checks_pass_the_same_inputs():
    calls = {}
    for c in _notebook_cells():
        tail = "".join(c["source"]).split("utils.check(")[-1]
        if c["cell_type"] == "code" and '"07.2"' in tail:
            calls["solution" in c["metadata"].get("tags", [])] = tail
    assert set(calls) == {True, False} and calls[True] == calls[False]


def test_exercise_1_asks_for_three_figures_and_fair_roundings_are_told_they_are_close():
    from utils import thermal

    prompt = next("".join(c["source"]) for c in _notebook_cells() if "### Exercise 1" in "".join(c["source"]))
    assert "three figures" in prompt
    kw = dict(solar_constant=utils.fact("solar.tsi"), albedo=utils.fact("occator.faculae_albedo"))
    kw["distance"] = utils.fact("ceres.a") * (1 - utils.fact("ceres.e"))
    right = thermal._subsolar_temperature(**kw).to(u.K)
    assert utils.check("07.1", right, **kw).ok
    for rounded in (
        round(right.to_value(u.K), -1) * u.K,
        round(right.to(u.deg_C, u.temperature()).value, -1) * u.deg_C,
    ):
        result = utils.check("07.1", rounded, **kw)
        assert result.status == "incorrect" and "three figures" in result.message
    assert "close" not in utils.check("07.1", right * 1.1, **kw).message
    grey = thermal._subsolar_temperature(**kw, emissivity=0.9)  # a radiator that is not perfect: not a rounding
    assert "close" not in utils.check("07.1", grey, **kw).message


def test_exercise_2_about_thirty_thousand_years_is_told_it_is_close():
    from utils.checks import _expected_answer
    from utils.exercises.lesson07 import _loss_rate_from_facts
    from utils.facts import fact

    kw = dict(
        thickness=fact("occator.pit_depth"),
        loss_rate=_loss_rate_from_facts("albedo.bare_ice", day_mean=True),
        noon_loss_rate=_loss_rate_from_facts("albedo.bare_ice", day_mean=False),
    )
    right = _expected_answer("07.2", **kw).to_value(u.yr)
    assert 1.05 < 30000 / right < 1.12  # the lesson's "about thirty thousand years", outside the tolerance
    result = utils.check("07.2", 30000 * u.yr, **kw)
    assert result.status == "incorrect" and "close" in result.message
    assert "close" not in utils.check("07.2", 1.3 * right * u.yr, **kw).message
    # the question asks for two figures: the right answer so rounded passes (the model answer's 28,000 years)
    two_figures = float(f"{right:.2g}")
    assert two_figures == 28000 and utils.check("07.2", two_figures * u.yr, **kw).ok
    # two figures asked for: a neighbour in the second figure (27,000 or 29,000 years) is wrong, and not a rounding
    for neighbour in (two_figures - 1000, two_figures + 1000):
        result = utils.check("07.2", neighbour * u.yr, **kw)
        assert not result.ok and "close" not in result.message


def test_exercise_2_faculae_ice_slip_follows_the_notebooks_faculae():
    from utils.exercises.lesson07 import _lifetime_faculae_ice, _loss_rate_from_facts
    from utils.facts import fact

    kw = dict(
        thickness=fact("occator.pit_depth"),
        loss_rate=_loss_rate_from_facts("albedo.bare_ice", day_mean=True),
        faculae_albedo=0.3 * u.one,  # an instructor's change of `faculae`
    )
    slip = _lifetime_faculae_ice(**kw)
    assert not u.isclose(slip, _lifetime_faculae_ice(**{**kw, "faculae_albedo": None}), rtol=0.05)
    assert "as bright as the faculae" in utils.check("07.2", slip, **kw).message


def test_exercise_2_asks_for_the_precision_its_check_and_the_model_answer_use():
    """The question names its precision, and the pit lifetime the model answer of Exercise 3 states passes."""
    import re

    from utils.checks import _expected_answer
    from utils.exercises.lesson07 import _loss_rate_from_facts
    from utils.facts import fact

    cells = ["".join(c["source"]) for c in _notebook_cells()]
    question = next(s for s in cells if s.startswith("### Exercise 2"))
    assert "two significant figures" in question
    model = next(s for s in cells if s.startswith("*Model answer:* (a) Not old ice."))
    stated = float(re.search(r"sublimate in about ([\d,]+) years", model).group(1).replace(",", ""))
    kw = dict(thickness=fact("occator.pit_depth"), loss_rate=_loss_rate_from_facts("albedo.bare_ice", day_mean=True))
    assert stated == float(f"{_expected_answer('07.2', **kw).to_value(u.yr):.2g}")
    assert utils.check("07.2", stated * u.yr, **kw).ok


def test_exercise_1_the_melting_point_is_not_told_it_forgot_the_square():
    """Forgetting to square the distance gives 274 K here, by chance next to 273 K: only the slip's own three
    figures get its hint, and 273 K or 0 °C get the general one."""
    from utils.exercises.lesson07 import _t_not_squared

    kw = dict(solar_constant=utils.fact("solar.tsi"), albedo=utils.fact("occator.faculae_albedo"))
    kw["distance"] = utils.fact("ceres.a") * (1 - utils.fact("ceres.e"))
    slip = _t_not_squared(**kw).to(u.K)
    for typed in (slip, round(slip.to_value(u.K)) * u.K, round(slip.to(u.deg_C, u.temperature()).value, 1) * u.deg_C):
        assert "SQUARE" in utils.check("07.1", typed, **kw).message, typed
    for guess in (273 * u.K, 273.15 * u.K, 0 * u.deg_C):
        result = utils.check("07.1", guess, **kw)
        assert result.status == "incorrect" and "SQUARE" not in result.message, guess


def _inputs_2():
    from utils.exercises.lesson07 import _loss_rate_from_facts
    from utils.facts import fact

    return dict(
        thickness=fact("occator.pit_depth"),
        loss_rate=_loss_rate_from_facts("albedo.bare_ice", day_mean=True),
        noon_loss_rate=_loss_rate_from_facts("albedo.bare_ice", day_mean=False),
        bright_albedo=fact("occator.faculae_reflectance_centre"),
        low_albedo=fact("occator.faculae_reflectance_low"),
        faculae_albedo=fact("occator.faculae_albedo"),
    )


def test_exercise_2_the_noon_rate_as_printed_gets_the_noon_hint_not_the_faculae_one():
    """The lesson prints the noon rate to the centimetre (11 cm / yr): the pit over that rate, to two figures
    (4,500 yr), is the noon slip, though it lies within 5 % of the faculae-bright ice's printed lifetime."""
    from utils.exercises.lesson07 import _lifetime_faculae_ice

    kw = _inputs_2()
    printed = round(kw["noon_loss_rate"].to_value(u.cm / u.yr)) * u.cm / u.yr
    from_printed = (kw["thickness"] / printed).to(u.yr)
    faculae = _lifetime_faculae_ice(**kw)
    two_figures = float(f"{from_printed.value:.2g}") * u.yr
    assert abs(two_figures / faculae - 1) < 0.05  # the trap: near the faculae-bright ice's lifetime
    for answer in (from_printed, two_figures, (kw["thickness"] / kw["noon_loss_rate"]).to(u.yr)):
        result = utils.check("07.2", answer, **kw)
        assert not result.ok and "rate at noon" in result.message and "faculae" not in result.message, answer
    pasted = float(f"{faculae.value:,.0f}".replace(",", "")) * u.yr  # as the sensitivity cell prints it
    assert "as bright as the faculae" in utils.check("07.2", pasted, **kw).message


def test_exercise_2_the_noon_lifetime_to_one_figure_gets_the_noon_hint():
    """The pit over the noon rate, rounded to one figure (5,000 yr), is the noon slip, not the generic hint;
    the right answer in another unit passes and a generic wrong one gets no noon hint."""
    from utils.checks import _expected_answer

    kw = _inputs_2()
    noon = (kw["thickness"] / kw["noon_loss_rate"]).to(u.yr)
    one_figure = float(f"{noon.value:.1g}") * u.yr
    assert one_figure.value == 5000  # with the shipped facts table
    result = utils.check("07.2", one_figure, **kw)
    assert not result.ok and "noon rate" in result.message and "close" not in result.message.lower()
    assert "as bright as the faculae" not in result.message
    right = _expected_answer("07.2", **kw)
    assert utils.check("07.2", right.to(u.kyr), **kw).ok  # another unit
    wrong = utils.check("07.2", 9000 * u.yr, **kw)
    assert not wrong.ok and "noon" not in wrong.message


def _inputs_1():
    kw = dict(solar_constant=utils.fact("solar.tsi"), albedo=utils.fact("occator.faculae_albedo"))
    kw["distance"] = utils.fact("ceres.a") * (1 - utils.fact("ceres.e"))
    return kw


def test_exercise_1_the_kelvin_slips_are_told_apart_by_the_unit_used():
    from utils import thermal

    kw = _inputs_1()
    kelvin = thermal._subsolar_temperature(**kw).to_value(u.K)
    plus_273 = utils.check("07.1", (kelvin + 273.15) * u.K, **kw)  # 217 K + 273: a kelvin number made bigger
    assert not plus_273.ok and "273 added" in plus_273.message and "unit °C" not in plus_273.message
    typed_c = utils.check("07.1", kelvin * u.deg_C, **kw)  # the kelvin number with the Celsius unit
    assert not typed_c.ok and "unit °C" in typed_c.message and "273 added" not in typed_c.message
    celsius = thermal._subsolar_temperature(**kw).to_value(u.deg_C, u.temperature())
    typed_k = utils.check("07.1", round(celsius) * u.K, **kw)  # about -56 with the kelvin unit
    assert not typed_k.ok and "degrees Celsius" in typed_k.message


@pytest.mark.parametrize("factor", [1000, 100, 100_000])
def test_exercise_2_a_depth_and_rate_in_mixed_length_units_get_the_units_hint(factor):
    """0.5 / 0.018 (km over m a year), 500 / 1.8 (m over cm a year) or 0.5 / 1.8 (km over cm a year) is named."""
    from utils.checks import _expected_answer
    from utils.exercises.lesson07 import _loss_rate_from_facts
    from utils.facts import fact

    kw = dict(
        thickness=fact("occator.pit_depth"),
        loss_rate=_loss_rate_from_facts("albedo.bare_ice", day_mean=True),
        noon_loss_rate=_loss_rate_from_facts("albedo.bare_ice", day_mean=False),
    )
    right = _expected_answer("07.2", **kw)
    for slip in (right / factor, right / factor * 1.021):  # the slip, and one typed from rounded printouts
        result = utils.check("07.2", slip, **kw)
        assert not result.ok and "different length units" in result.message
    result = utils.check("07.2", right.to_value(u.yr) / 1000 * u.yr, **kw)  # 28 * u.yr, meaning thousands
    assert not result.ok and "read in thousands" in result.message


def test_exercise_1_the_faculae_high_albedo_hint_also_names_the_other_albedo():
    """T at faculae_high equals the 1 − A slip when faculae is 0.4: the hint covers both slips."""
    from utils.facts import fact

    kw = dict(solar_constant=fact("solar.tsi"), albedo=fact("occator.faculae_albedo"))
    kw["distance"] = fact("ceres.a") * (1 - fact("ceres.e"))
    high = fact("occator.faculae_reflectance_centre")
    from utils.exercises.lesson07 import _temperature

    result = utils.check("07.1", _temperature(kw["solar_constant"], high, kw["distance"]), **kw)
    assert not result.ok and "1 − A" in result.message and "`faculae` itself" in result.message
    # both causes are named together, neither first as the only one
    assert "Two slips" in result.message and "`faculae_high`" in result.message
    assert "close" not in result.message.lower()


def test_exercise_2_the_years_given_in_days_get_the_time_unit_hint():
    """2.8e4 * u.day (the right number, the wrong unit of time) is told to give years, not the generic hint."""
    from utils.checks import _expected_answer

    kw = _inputs_2()
    right = _expected_answer("07.2", **kw)
    for years in (right.to_value(u.yr), float(f"{right.to_value(u.yr):.2g}")):  # exact, and as the question rounds
        result = utils.check("07.2", years * u.day, **kw)
        assert not result.ok and "in days" in result.message, result.message
    assert utils.check("07.2", float(f"{right.to_value(u.yr):.2g}") * u.yr, **kw).ok


def test_exercise_1_the_printed_dark_ground_and_a_three_figure_near_miss():
    """Ceres' dark ground at its mean distance (printed just above) gets its own hint; 219 K is not a rounding."""
    from astropy import constants as const

    kw = dict(solar_constant=utils.fact("solar.tsi"), albedo=utils.fact("occator.faculae_albedo"))
    a = utils.fact("ceres.a")
    kw["distance"] = a * (1 - utils.fact("ceres.e"))
    sunlight = kw["solar_constant"] * (u.AU / a) ** 2
    t_dark = ((sunlight * (1 - utils.fact("ceres.albedo")) / const.sigma_sb) ** 0.25).to(u.K)
    printed = utils.check("07.1", round(t_dark.to_value(u.K)) * u.K, **kw)
    assert printed.status == "incorrect" and "dark ground" in printed.message and "a (1 − e)" in printed.message
    near = utils.check("07.1", 219 * u.K, **kw)  # not a rounding: the near-miss hint, not "keep three figures"
    assert near.status == "incorrect" and "keep three figures" not in near.message and "close" not in near.message
    assert "from the variables themselves" in near.message
    assert "rounded" in utils.check("07.1", 220 * u.K, **kw).message


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


def test_no_function_the_notebook_defines_gives_exercise_2_its_answer_for_bare_ice():
    from pathlib import Path

    kw = _inputs_2()
    functions = list(_one_argument_functions(Path(__file__).parents[1] / "notebooks" / "07-ice-or-salt.ipynb"))
    assert functions  # Going further's helpers are found
    for function, ns in functions:
        result = function(utils.fact("albedo.bare_ice"))
        if isinstance(result, bool) or not isinstance(result, (float, u.Quantity)):
            continue
        for guess in (result * u.yr, result * ns["young_age"], result * ns["activity_age"]):
            assert not utils.check("07.2", guess, **kw).ok, function.__name__


def _inputs_2_from_flux():
    """Exercise 2's inputs as the notebook passes them: the day-averaged mass flux and the ice's density."""
    from utils import thermal

    fact = utils.fact
    water, latent, rho = fact("water.molar_mass"), fact("ice.sublimation_latent_heat"), fact("ice.density")
    absorbed = thermal.irradiance(fact("solar.tsi"), fact("ceres.a")) * (1 - fact("albedo.bare_ice"))
    t_ice = thermal.sublimation_balance_temperature(absorbed, water, latent)
    return dict(
        thickness=fact("occator.pit_depth"),
        mass_flux=thermal.diurnal_mean_sublimation_flux(absorbed, water, latent_heat=latent),
        density=rho,
        noon_mass_flux=thermal.sublimation_mass_flux(t_ice, water),
        bright_albedo=fact("occator.faculae_reflectance_centre"),
        low_albedo=fact("occator.faculae_reflectance_low"),
        faculae_albedo=fact("occator.faculae_albedo"),
    )


def test_exercise_2_takes_the_mass_flux_and_density_and_names_the_density_slips():
    """Exercise 2 has two steps: flux / density is the rate the surface goes down, the depth over it the lifetime."""
    kw = _inputs_2_from_flux()
    depth, flux, rho = kw["thickness"], kw["mass_flux"], kw["density"]
    right = depth / (flux / rho)
    assert utils.check("07.2", right, **kw).ok and utils.check("07.2", right.to(u.yr), **kw).ok
    assert utils.check("07.2", depth * rho / flux, **kw).ok
    # the same answer as with the rate handed over
    from utils.exercises import lesson07

    rate = (flux / rho).to(u.cm / u.yr)
    assert np.isclose(lesson07._EXERCISES["07.2"].expected(**kw), (depth / rate).to(u.yr))
    # the flux as printed, in whole kg per m2 a year, passes
    printed = round(flux.to_value(u.kg / u.m**2 / u.yr)) * u.kg / u.m**2 / u.yr
    assert utils.check("07.2", depth / (printed / rho), **kw).ok
    # the density forgotten, or multiplied in place of divided: not a time, told to divide by `ice_density`
    for slip in (depth / flux, depth / (flux * rho)):
        result = utils.check("07.2", slip, **kw)
        assert result.status == "incorrect" and "`ice_density`" in result.message, result
        assert "close" not in result.message.lower()
    # the noon flux gets the noon hint; 30,000 years is told to keep more figures
    assert "noon" in utils.check("07.2", depth / (kw["noon_mass_flux"] / rho), **kw).message
    assert "keep more significant figures" in utils.check("07.2", 30000 * u.yr, **kw).message


def test_exercise_2_the_value_of_a_quantity_in_mixed_units_gets_the_to_years_hint():
    """`.value * u.yr` of depth / rate still in km s / m (about 8.95e8 "years"), or in seconds, is named."""
    kw = _inputs_2_from_flux()
    depth, flux, rho = kw["thickness"], kw["mass_flux"], kw["density"]
    mixed = (depth / (flux / rho)).value * u.yr
    assert 8.9e8 < mixed.to_value(u.yr) < 9.0e8  # the number as typed
    for slip in (mixed, (depth / (flux / rho)).si.value * u.yr, (depth / (flux / rho)).decompose().value * u.yr):
        result = utils.check("07.2", slip, **kw)
        assert result.status == "incorrect" and "`.to(u.yr)`" in result.message, result
        assert "close" not in result.message.lower()
        for shown in ("28,", "2.8e", "28 0", "28000"):  # never the answer
            assert shown not in result.message
    # `.value` of a lifetime already in years is the right number and passes
    assert utils.check("07.2", (depth / (flux / rho)).to(u.yr).value * u.yr, **kw).ok


def test_exercise_4_the_reflected_fraction_gets_its_own_hint():
    kw = _inputs_4()
    from utils import thermal

    sunlight = thermal.irradiance(kw["solar_constant"], kw["distance"])
    reflected = (sunlight * kw["albedo"] / (kw["latent_heat"] * kw["density"]) * u.yr).to(u.m)
    result = utils.check("07.4", reflected, **kw)
    assert result.status == "incorrect" and "fraction REFLECTED" in result.message, result


def test_the_close_wording_is_the_same_in_exercises_1_2_and_4():
    """A right answer rounded too far is told so in one wording in every self-checked exercise."""
    kw1 = dict(
        solar_constant=utils.fact("solar.tsi"),
        albedo=utils.fact("occator.faculae_albedo"),
        distance=utils.fact("ceres.a") * (1 - utils.fact("ceres.e")),
    )
    messages = [
        utils.check("07.1", -60 * u.deg_C, **kw1).message,
        utils.check("07.1", 220 * u.K, **kw1).message,  # also a printed line's value: a note follows
        utils.check("07.2", 30000 * u.yr, **_inputs_2_from_flux()).message,
        utils.check("07.4", 2 * u.m, **_inputs_4()).message,
    ]
    for message in messages:
        assert message.startswith("That is not right, but it is close: you rounded too much, so keep "), message


def test_the_widget_marks_a_lifetime_beyond_the_model_as_off_scale():
    """At the top albedo and aphelion the ground is below the vapour-pressure law's 110 K: no result is drawn."""
    from utils.iceviews import IceLifeExplorer

    fact = utils.fact
    ice = dict(
        molar_mass=fact("water.molar_mass"),
        density=fact("ice.density"),
        latent_heat=fact("ice.sublimation_latent_heat"),
    )
    view = IceLifeExplorer(
        fact("solar.tsi"),
        fact("occator.pit_depth"),
        **ice,
        activity_age=fact("occator.activity_start"),
        young_age=fact("occator.young_deposits_age"),
        faculae_low=0.25,
        faculae_high=0.6,
        albedo_stops=np.array([0.45, 0.95]),
        distance_stops=[2.55, 2.98] * u.AU,
    )
    view.update(0.95, 2.98)
    assert view.state[2] < 110 and view.marker.get_marker() == "^"
    assert "longer than the model can say" in view.ax.get_title() and "off scale" in view.off_note.get_text()
    assert "longer than the model can say" in view.alt() and "years" not in view.alt().split(";")[1].split(".")[0]
    view.update(0.45, 2.55)  # an ordinary stop: a circle on the curve, no note
    assert view.marker.get_marker() == "o" and not view.off_note.get_visible()
    assert "dry ground" not in view.ax.get_title() and "no ice to cool it" in view.alt()
    view.update(0.95, 2.98)  # the note by the triangle is one line
    assert view.off_note.get_visible() and "\n" not in view.off_note.get_text()


def _exercise_1_inputs():
    return dict(
        solar_constant=utils.fact("solar.tsi"),
        albedo=utils.fact("occator.faculae_albedo"),
        distance=utils.fact("ceres.a") * (1 - utils.fact("ceres.e")),
    )


@pytest.mark.parametrize(
    "typed, words",
    [
        (229 * u.K, "faculae_low"),  # the low end of the range in place of `faculae`
        (201 * u.K, "aphelion"),  # the farthest point in place of the perihelion
        (247 * u.K, "absorbs all the sunlight"),  # the factor (1 - A) left out
    ],
)
def test_exercise_1_the_low_albedo_the_aphelion_and_a_missing_absorbed_fraction_get_their_own_hints(typed, words):
    result = utils.check("07.1", typed, **_exercise_1_inputs())
    assert result.status == "incorrect" and words in result.message, result
    assert "close" not in result.message.lower()


def test_exercise_1_the_reported_low_albedo_aphelion_and_no_absorbed_fraction_values_are_not_passed():
    # the values as first reported for these slips (236, 197 and 276 K) are wrong answers too
    for typed in (236 * u.K, 197 * u.K, 276 * u.K):
        assert not utils.check("07.1", typed, **_exercise_1_inputs()).ok


def _exercise_2_inputs():
    from utils import thermal

    sunlight = thermal.irradiance(utils.fact("solar.tsi"), utils.fact("ceres.a"))
    water, latent_heat = utils.fact("water.molar_mass"), utils.fact("ice.sublimation_latent_heat")
    absorbed = sunlight * (1 - utils.fact("albedo.bare_ice"))
    t_ice = thermal.sublimation_balance_temperature(absorbed, water, latent_heat)
    return dict(
        thickness=utils.fact("occator.pit_depth"),
        mass_flux=thermal.diurnal_mean_sublimation_flux(absorbed, water, latent_heat=latent_heat),
        density=utils.fact("ice.density"),
        noon_mass_flux=thermal.sublimation_mass_flux(t_ice, water),
        bright_albedo=utils.fact("occator.faculae_reflectance_centre"),
        low_albedo=utils.fact("occator.faculae_reflectance_low"),
        faculae_albedo=utils.fact("occator.faculae_albedo"),
    )


def test_exercise_2_the_printed_flux_by_hand_rounded_to_two_figures_gets_the_rounded_rate_hint():
    kw = _exercise_2_inputs()
    result = utils.check("07.2", 29000 * u.yr, **kw)
    assert result.status == "incorrect" and "rounded rate" in result.message, result
    assert "close" not in result.message.lower()
    per_year = u.kg / u.m**2 / u.yr
    for printed in (round(kw["mass_flux"].to_value(per_year), 1), round(kw["mass_flux"].to_value(per_year))):
        by_hand = (kw["thickness"] * kw["density"] / (printed * per_year)).to(u.yr)
        assert utils.check("07.2", by_hand, **kw).ok  # unrounded, from either printout
    three = round(kw["mass_flux"].to_value(per_year), 1) * per_year  # as the notebook now prints it
    by_hand = (kw["thickness"] * kw["density"] / three).to_value(u.yr)
    assert utils.check("07.2", float(f"{by_hand:.2g}") * u.yr, **kw).ok  # the hand route lands on a pass


def test_exercise_2_prints_the_day_rate_to_three_figures():
    source = "".join("".join(c["source"]) for c in _notebook_cells() if c["cell_type"] == "code")
    assert "flux_day.to_value(per_year):.1f}" in source


def test_exercise_4_an_answer_in_kg_per_square_metre_is_told_to_divide_by_the_density():
    from utils import thermal

    kw = dict(
        solar_constant=utils.fact("solar.tsi"),
        albedo=utils.fact("ceres.albedo"),
        distance=utils.fact("ceres.a"),
        latent_heat=utils.fact("ice.sublimation_latent_heat"),
        density=utils.fact("ice.density"),
        molar_mass=utils.fact("water.molar_mass"),
    )
    sunlight = thermal.irradiance(kw["solar_constant"], kw["distance"])
    per_m2 = (sunlight * (1 - kw["albedo"]) / kw["latent_heat"] * (1 * u.yr)).to(u.kg / u.m**2)
    for typed in (per_m2, round(per_m2.value, -2) * u.kg / u.m**2):
        result = utils.check("07.4", typed, **kw)
        assert result.status == "incorrect" and "ice_density" in result.message, result


def test_exercise_1_two_hundred_kelvin_names_both_the_aphelion_and_a_one_figure_rounding():
    # 200 K is the aphelion's temperature and also the right answer (217 K) to one figure: the hint names both
    result = utils.check("07.1", 200 * u.K, **_exercise_1_inputs())
    assert result.status == "incorrect", result
    assert "aphelion" in result.message and "three" in result.message, result
    assert "217" not in result.message


def _orbit_inputs_1():
    """Exercise 1's inputs as the notebook passes them: the orbit, whose perihelion the student works out."""
    return dict(
        solar_constant=utils.fact("solar.tsi"),
        albedo=utils.fact("occator.faculae_albedo"),
        semi_major_axis=utils.fact("ceres.a"),
        eccentricity=utils.fact("ceres.e"),
    )


def test_exercise_1_from_the_orbit_right_in_kelvin_and_celsius_wrong_told_apart():
    """From a and e the check expects the temperature at a (1 - e), computed here from the facts by hand."""
    from astropy import constants as const

    kw = _orbit_inputs_1()
    perihelion = kw["semi_major_axis"] * (1 - kw["eccentricity"])
    absorbed = kw["solar_constant"] * (1 * u.AU / perihelion) ** 2 * (1 - kw["albedo"])
    right = ((absorbed / const.sigma_sb) ** (1 / 4)).to(u.K)
    assert 216.5 < right.to_value(u.K) < 217.5  # with the shipped facts table
    assert utils.check("07.1", right, **kw).ok
    assert utils.check("07.1", right.to(u.deg_C, u.temperature()), **kw).ok  # another unit
    assert utils.check("07.1", round(right.to_value(u.K)) * u.K, **kw).ok  # three figures
    # the same check with the distance given directly agrees
    assert utils.check("07.1", right, solar_constant=kw["solar_constant"], albedo=kw["albedo"], distance=perihelion).ok
    # the perihelion step skipped: the mean distance
    absorbed_mean = kw["solar_constant"] * (1 * u.AU / kw["semi_major_axis"]) ** 2 * (1 - kw["albedo"])
    mean = utils.check("07.1", ((absorbed_mean / const.sigma_sb) ** (1 / 4)).to(u.K), **kw)
    assert not mean.ok and "average distance" in mean.message and "ceres_e" in mean.message
    # the perihelion typed as a × e
    absorbed_ae = kw["solar_constant"] * (1 * u.AU / (kw["semi_major_axis"] * kw["eccentricity"])) ** 2
    times_e = utils.check("07.1", ((absorbed_ae * (1 - kw["albedo"]) / const.sigma_sb) ** (1 / 4)).to(u.K), **kw)
    assert not times_e.ok and "a times e" in times_e.message and "close" not in times_e.message.lower()
    # the aphelion a (1 + e), of the orbit given
    aphelion = kw["semi_major_axis"] * (1 + kw["eccentricity"])
    absorbed_far = kw["solar_constant"] * (1 * u.AU / aphelion) ** 2 * (1 - kw["albedo"])
    far = utils.check("07.1", ((absorbed_far / const.sigma_sb) ** (1 / 4)).to(u.K), **kw)
    assert not far.ok and "aphelion" in far.message
    for message in (mean.message, times_e.message, far.message):
        assert f"{right.to_value(u.K):.0f}" not in message


def test_exercise_1_title_names_the_orbit_not_the_perihelion_distance():
    """The title shows a and e; the perihelion distance, the exercise's first step, is not printed."""
    kw = _orbit_inputs_1()
    result = utils.check("07.1", ..., **kw)
    assert "e = 0.079" in result.name and "2.77 AU" in result.name and "2.55" not in result.name
    no_e = dict(kw)
    del no_e["eccentricity"]
    assert utils.check("07.1", 217 * u.K, **no_e).status == "invalid"
    hyperbola = dict(kw, eccentricity=1.2 * u.one)
    assert utils.check("07.1", 217 * u.K, **hyperbola).status == "invalid"


def test_exercise_1_a_times_one_minus_e_squared_gets_its_own_hint_not_the_mean_distance_one():
    """a (1 - e²) in place of the perihelion a (1 - e), not the mean distance: its own hint, in plain words, which
    names the factor to check without the answer."""
    from astropy import constants as const

    kw = _orbit_inputs_1()
    a, e = kw["semi_major_axis"], kw["eccentricity"]

    def temperature(distance):
        absorbed = kw["solar_constant"] * (1 * u.AU / distance) ** 2 * (1 - kw["albedo"])
        return ((absorbed / const.sigma_sb) ** (1 / 4)).to(u.K)

    latus = temperature(a * (1 - e**2))
    for typed in (latus, round(latus.to_value(u.K)) * u.K, latus.to(u.deg_C, u.temperature())):
        result = utils.check("07.1", typed, **kw)
        assert not result.ok, typed
        # plain words: the factor used, against the perihelion's; no jargon ("semi-latus rectum")
        assert "a (1 − e²), not the perihelion distance a (1 − e)" in result.message, result.message
        assert "check which factor you used" in result.message and "semi-latus" not in result.message
        assert "average distance" not in result.message
        assert "close" not in result.message.lower()
        assert f"{temperature(a * (1 - e)).to_value(u.K):.0f}" not in result.message
    # the mean distance keeps its own hint
    mean = utils.check("07.1", temperature(a), **kw)
    assert "average distance" in mean.message and "semi-latus" not in mean.message


def _markdown_and_output_text(student_only=True):
    """Every markdown line and printed output a student reads (solution cells left out if student_only)."""
    texts = []
    for c in _notebook_cells():
        if student_only and "solution" in c["metadata"].get("tags", []):
            continue
        if c["cell_type"] == "markdown":
            texts.append("".join(c["source"]))
        for out in c.get("outputs", []):
            texts.append("".join(out.get("text", "")) + "".join(out.get("data", {}).get("text/plain", "")))
    return texts


def test_printed_numbers_are_written_out_not_in_e_notation():
    """No output a reader sees, nor any print format in the lesson, uses e-notation such as 2.8e+04."""
    import re

    for text in _markdown_and_output_text(student_only=False):
        assert not re.search(r"\d\.?\d*e[+-]\d", text), text
    for c in _notebook_cells():
        if c["cell_type"] == "code":
            assert not re.search(r":[,.\d]*e}", "".join(c["source"])), "".join(c["source"])


def test_myr_is_defined_before_any_age_is_printed_in_it():
    cells = _notebook_cells()
    first_use = next(i for i, c in enumerate(cells) if "occator.activity_start" in "".join(c["source"]))
    before = " ".join("".join(c["source"]) for c in cells[:first_use] if c["cell_type"] == "markdown")
    assert "**Myr**" in before and "millions of years" in before


def test_the_night_loss_is_called_almost_nothing_and_the_model_assumption_named():
    text = " ".join("".join(c["source"]) for c in _notebook_cells() if c["cell_type"] == "markdown")
    assert "loses nothing" not in text
    assert "almost nothing" in text and "in this model, nothing" in text  # the sublimation section says it


def test_the_widget_caption_is_short_explains_the_grey_band_once_and_calls_the_still_a_fixed_copy():
    """About five lines: axes, band, lines, marker and the still; why a lifetime is off the scale (110 K) is the
    one-line note the figure shows by its triangle, only when the triangle shows."""
    cell = next(
        "".join(c["source"]) for c in _notebook_cells() if "".join(c["source"]).startswith("*Figure: years a pit")
    )
    caption_lines = cell.split("\n\n")[0].splitlines()
    caption = " ".join(" ".join(caption_lines).split())
    assert len(caption_lines) <= 6 and len(caption.split()) <= 100, caption
    assert caption.count("Grey band") == 1 and caption.count("faculae's reported range") == 1
    assert "fixed copy of the starting view" in caption and "triangle" in caption
    assert "110 K" not in caption and "dry ground" not in caption


def test_exercise_3b_asks_to_apply_the_record_not_to_copy_it():
    """3 (b) asks about two salts of one colour and a mixture; The record does not answer why filters cannot tell
    them apart, nor what a mixture shows."""
    cells = ["".join(c["source"]) for c in _notebook_cells()]
    question = next(s for s in cells if s.startswith("### Exercise 3"))
    record = next(s for s in cells if s.startswith("### The record"))
    part_b = question.split("**(b)")[1]
    assert "same colour" in part_b and "mixes the two" in part_b
    for give_away in ("rough colour", "more than one mineral can match", "mixture", "adds up", "same number"):
        assert give_away not in record, give_away


def test_exercise_2_a_right_lifetime_left_in_a_mixed_unit_is_told_to_convert_it():
    """The pit's depth over the loss rate, without .to(u.yr), is in km s / m: right, and told to convert it."""
    ns, _ = namespace_until("07-ice-or-salt.ipynb", "pit_depth = fact(")
    kw = dict(thickness=ns["pit_depth"], mass_flux=ns["flux_day"], density=ns["ice_density"])
    extra = dict(noon_mass_flux=ns["flux_noon"], bright_albedo=ns["faculae_high"], low_albedo=ns["faculae_low"])
    extra["faculae_albedo"] = ns["faculae"]
    raw = ns["pit_depth"] / (ns["flux_day"] / ns["ice_density"])
    assert raw.unit.physical_type == "time" and raw.unit != u.yr
    result = utils.check("07.2", raw, **kw, **extra)
    assert result.ok and "Convert it with `.to(u.yr)` to compare it with the ages" in result.message
    for plain in (raw.to(u.yr), raw.to(u.Myr), raw.to(u.s)):  # a named time unit: a plain "Correct"
        done = utils.check("07.2", plain, **kw, **extra)
        assert done.ok and "Convert" not in done.message


def test_going_further_waits_for_the_read_off_before_answering_it():
    """Going further 4 and 5 print the albedo ice needs and snow-bright ice's lifetime: both answer the widget's
    read-off, so with Run All (albedo_to_last still None) they print only a pointer to the read-off."""
    import contextlib
    import io

    from astropy import constants as const

    from utils import thermal
    from utils.facts import fact

    ns, _ = namespace_until("07-ice-or-salt.ipynb", "def outlasts(")
    assert ns["albedo_to_last"] is None  # the student's placeholder, as the lesson ships it
    nb = nbtools.read(ROOT / "notebooks" / "07-ice-or-salt.ipynb")
    cells = [nbtools.source(c) for c in nb.cells if c.cell_type == "code"]
    gated = [src for src in cells if "while not outlasts(" in src or 'fact("albedo.fresh_snow")' in src]
    assert len(gated) == 2

    def run(albedo_to_last, years_to_last=None):
        ns["albedo_to_last"], ns["years_to_last"] = albedo_to_last, years_to_last
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            for src in gated:
                exec(compile(src, "07:going-further", "exec"), ns)
        return out.getvalue()

    waiting = run(None)
    assert waiting.count("Do the read-off in Explore first") == 2
    stops = ns["albedo_stops"]
    assert not any(f"{a:.2f}" in waiting for a in stops), waiting
    assert "years" not in waiting.replace("years_to_last", "") and "albedo is above" not in waiting
    view = ns["life_view"]
    right = [float(a) for a in stops if view.reading_ok(a)]
    assert len(right) == 1  # worked out from the widget, not typed
    view.update(right[0], float(min(view.curves)))  # the title's lifetime for that stop at perihelion
    title_years = float(view.ax.get_title().split("lasts about ")[1].split(" years")[0].replace(",", ""))
    # a wrong reading, on either side, keeps both items closed; so does text, a list or True, without a traceback
    unreadable = ["abc", [right[0]], True, {"albedo": right[0]}, float("nan")]
    for wrong in [float(a) for a in stops if float(a) != right[0]] + [0.5, right[0] + 0.03, str(stops[0])] + unreadable:
        closed = run(wrong, title_years)
        assert closed.count("Do the read-off in Explore first") == 2, (wrong, closed)
        assert "years" not in closed.replace("years_to_last", "") and "albedo is above" not in closed, (wrong, closed)
    # the right stop with no lifetime, a wrong one, or one that is not a time keeps them closed too
    for years in (None, 0.5 * title_years, 2 * title_years, "five million", [title_years], 5 * u.m):
        closed = run(right[0], years)
        assert closed.count("Do the read-off in Explore first") == 2, (years, closed)
    for reading in (right[0], f"{right[0]:.2f}"):  # the right reading, as a number or typed in quotes
        done = run(reading, title_years)
        assert "only if its albedo is above about" in done and "would last about" in done
        assert "Do the read-off" not in done
    # item 4 names where each threshold holds: the mean distance's is lower than the read-off, perihelion's is not
    mean_line, peri_line = (done.split(where)[1].split("\n")[1] for where in ("mean distance", "perihelion ("))
    mean_t, peri_t = (float(line.split("above about ")[1]) for line in (mean_line, peri_line))
    assert f"({ns['ceres_a']:.2f})" in done and f"({ns['perihelion']:.2f})" in done
    assert mean_t < right[0] and mean_t < peri_t <= right[0], done
    assert f"your albedo_to_last, {right[0]:.2f}, had to clear" in done
    # the snow line gives the ice's own temperature (cooled by sublimating), not the dry ground's
    snow = fact("albedo.fresh_snow")
    absorbed = ns["sunlight"] * (1 - snow)
    t_ice = thermal.sublimation_balance_temperature(absorbed, ns["water"], ns["latent_heat"])
    t_dry = ((absorbed / const.sigma_sb) ** 0.25).to(u.K)
    assert f"the ice reaches {t_ice:.0f} at noon" in done, done
    assert t_ice < t_dry and "dry" not in done  # this cold, sublimating cools it by under a kelvin


def test_exercise_1_a_minus_sign_lost_in_the_conversion_gets_the_sign_hint():
    """-56 °C typed as +56 °C (or the same in °F) is told to check the sign, never "close", like -217 K."""
    from utils import thermal

    kw = _inputs_1()
    right = thermal._subsolar_temperature(**kw)
    celsius = right.to_value(u.deg_C, u.temperature())
    fahrenheit = right.to_value(u.imperial.deg_F, u.temperature())
    assert celsius < 0 and fahrenheit < 0
    for typed in (-celsius * u.deg_C, round(-celsius) * u.deg_C, -fahrenheit * u.imperial.deg_F):
        result = utils.check("07.1", typed, **kw)
        assert result.status == "incorrect" and "minus sign" in result.message, (typed, result.message)
        assert "close" not in result.message.lower() and f"{abs(celsius):.0f}" not in result.message
    assert "sign" in utils.check("07.1", -right.to(u.K), **kw).message  # the kelvin case, as before
    assert utils.check("07.1", right.to(u.deg_C, u.temperature()), **kw).ok


@pytest.mark.parametrize("factor", [100, 1000, 100_000, 1_000_000])
def test_exercise_2_a_lifetime_too_large_by_a_power_of_ten_gets_its_own_hint(factor):
    """The mirror of the mixed-length-units hint: 28 Myr, 2.8e7 yr or 28,000 kyr (1,000 times too long) are named."""
    from utils.checks import _expected_answer

    kw = _inputs_2()
    right = _expected_answer("07.2", **kw).to(u.yr)
    two_figures = float(f"{right.to_value(u.yr):.2g}") * u.yr
    for slip in (right * factor, two_figures * factor):
        result = utils.check("07.2", slip, **kw)
        assert not result.ok and "too large by a whole factor" in result.message, (slip, result.message)
        assert "close" not in result.message.lower()
    for typed in (two_figures.to_value(u.kyr) * u.Myr, two_figures.to_value(u.yr) * u.kyr):  # 28 Myr, 28,000 kyr
        assert "too large by a whole factor" in utils.check("07.2", typed, **kw).message


def test_exercise_2_the_years_given_in_seconds_get_the_time_unit_hint():
    """28,000 s is treated like 28,000 days: right in years, given in the wrong unit of time."""
    from utils.checks import _expected_answer

    kw = _inputs_2()
    right = _expected_answer("07.2", **kw)
    for years in (right.to_value(u.yr), float(f"{right.to_value(u.yr):.2g}")):
        result = utils.check("07.2", years * u.s, **kw)
        assert not result.ok and "in seconds" in result.message, result.message


def test_exercise_4_the_faculae_albedo_and_a_day_average_get_their_own_hints():
    """Ice as bright as the faculae (1.30 m for `faculae`), and a day's average (the bound over pi, or the balanced
    day-averaged loss of Going further 2, 0.28 m) each get a named hint that gives no value."""
    from utils import thermal
    from utils.checks import _expected_answer

    kw = _inputs_4()
    bound = _expected_answer("07.4", **kw)
    sunlight = thermal.irradiance(kw["solar_constant"], kw["distance"])
    for key in ("occator.faculae_albedo", "occator.faculae_reflectance_low", "occator.faculae_reflectance_centre"):
        bright = (sunlight * (1 - utils.fact(key)) / (kw["latent_heat"] * kw["density"]) * u.yr).to(u.m)
        result = utils.check("07.4", bright, **kw)
        assert not result.ok and "`ceres_albedo`" in result.message and "faculae" in result.message, key
    day_flux = thermal.diurnal_mean_sublimation_flux(
        sunlight * (1 - kw["albedo"]), kw["molar_mass"], latent_heat=kw["latent_heat"]
    )
    balanced_day = (day_flux / kw["density"] * u.yr).to(u.m)
    for slip in (bound / np.pi, round(bound.to_value(u.m) / np.pi, 2) * u.m, balanced_day, 0.28 * u.m):
        result = utils.check("07.4", slip, **kw)
        assert not result.ok and "noon sunlight all year" in result.message, (slip, result.message)
        assert f"{bound.to_value(u.m):.2f}" not in result.message and "close" not in result.message.lower()


def test_no_loss_rate_helper_is_shown_before_exercise_2():
    """The figure's cell before Exercise 2 divides by the density itself: `thickness_loss_rate` would do step 1."""
    assert not calls_shown_before_check("07.2", "07-ice-or-salt.ipynb", "thickness_loss_rate")


def test_the_units_of_a_mass_flux_over_a_density_are_a_speed():
    """A flux per second over a density leaves metres per second, a speed: not 'leaves metres'."""
    cells = ["".join(c["source"]) for c in _notebook_cells()]
    text = " ".join(cells)
    assert "leaves metres:" not in text and "leaves metres)" not in text
    exercise_2 = next(s for s in cells if s.startswith("### Exercise 2"))
    assert "must combine into metres per second, a\nspeed" in " ".join(exercise_2.split(" "))


def test_the_camera_teams_range_is_called_a_reflectance_not_an_albedo():
    recap = next("".join(c["source"]) for c in _notebook_cells() if c.get("id") == "l07-recap")
    assert "*reflectances*" in recap and "not the same thing" in recap


def test_the_prediction_before_exercise_1_has_a_place_and_the_answer_cell_says_how_to_edit_without_a_mouse():
    cells = _notebook_cells()
    check = next(i for i, c in enumerate(cells) if 'utils.check("07.1"' in "".join(c["source"]))
    before = "".join(cells[check - 1]["source"])
    assert 'guess_1 = ...  # your guess first: "warmer" or "colder"' in before
    assert "`guess_1`" in "".join(cells[check - 2]["source"])
    answer = next("".join(c["source"]) for c in cells if "answer" in c["metadata"].get("tags", []))
    assert "select and press Enter" in answer


def test_why_the_loss_climbs_steeply_is_in_going_further_not_the_class_path():
    cells = ["".join(c["source"]) for c in _notebook_cells()]
    summary = next(i for i, s in enumerate(cells) if s.startswith("## Summary"))
    assert not any("break free of the ice" in s for s in cells[:summary])
    item_3 = next(s for s in cells if s.startswith("**3. Why the loss climbs so steeply"))
    assert "**vapour pressure**" in item_3 and "break free of the ice" in item_3


def test_exercise_3b_applies_the_answer_to_occator_and_the_rubric_grades_it():
    cells = _notebook_cells()
    question = next("".join(c["source"]) for c in cells if "".join(c["source"]).startswith("### Exercise 3"))
    part_b = " ".join(question.split("**(b)")[1].split())
    # a question whose answer is The record's table would give itself away: it asks why, which the record does not say
    assert "why could the 2015 colours and the 2016 spectra name different salts at Occator?" in part_b
    model = next("".join(c["source"]) for c in cells if "".join(c["source"]).startswith("*Model answer:*"))
    assert "At Occator, a few broad filters' sums could be matched by a magnesium sulfate" in model
    page = (ROOT / "docs" / "instructors" / "07-ice-or-salt.md").read_text(encoding="utf-8")
    rubric = page.split("**07.3 rubric:**")[1].split("- **Exercise 4**")[0]
    assert "in four parts" in rubric and "why the 2015 colours and the 2016 spectra could name" in rubric
    assert "gives the two salts, not this reason" in page.split("**07.3 model answer:**")[1]


def test_the_syllabus_gives_07s_first_class_parts_the_plans_minutes():
    """The 7-week plan's week 6 does 07's recap and Exercise 1 in class: its minutes are the Plan's two rows."""
    import re

    plan = "".join(_notebook_cells()[1]["source"])
    rows = dict(re.findall(r"^\| ([^|]+?) \| [^|]+ \| (\d+) \|$", plan, flags=re.M))
    minutes = int(rows["Overview, recap"]) + int(rows["How warm is the ground?"])
    syllabus = (ROOT / "docs" / "instructors" / "syllabus.md").read_text(encoding="utf-8")
    assert f"07's recap and the noon temperature (exercise 1, about {minutes} min)" in syllabus


def test_the_opening_and_overview_do_not_state_exercise_3s_verdict():
    """Exercise 3(a) asks whether the spots could be old ice: the text before any physics leaves that open."""
    import re

    before = []
    for cell in _notebook_cells():
        if cell.get("id") == "l07-041":  # the first physics section
            break
        if cell["cell_type"] == "markdown":
            before.append("".join(cell["source"]))
    text = " ".join(before).lower()
    assert "whether old ice can explain the spots" in text
    verdicts = (
        r"\binstead\b",
        r"not (made of )?ice",
        r"rule[sd]? out",
        r"ruled out",
        r"cannot be (old )?ice",
        r"is(n't| not) ice",
        r"salt, not",
        r"turned out",
        r"no ice",
    )
    for words in verdicts:
        assert not re.search(words, text), words


def _inputs_by_exercise():
    from utils import thermal

    fact = utils.fact
    water, latent, rho = fact("water.molar_mass"), fact("ice.sublimation_latent_heat"), fact("ice.density")
    kw1 = dict(solar_constant=fact("solar.tsi"), albedo=fact("occator.faculae_albedo"))
    kw1.update(semi_major_axis=fact("ceres.a"), eccentricity=fact("ceres.e"))
    absorbed = thermal.irradiance(fact("solar.tsi"), fact("ceres.a")) * (1 - fact("albedo.bare_ice"))
    kw2 = dict(thickness=fact("occator.pit_depth"), density=rho, faculae_albedo=fact("occator.faculae_albedo"))
    kw2["mass_flux"] = thermal.diurnal_mean_sublimation_flux(absorbed, water, latent_heat=latent)
    t_ice = thermal.sublimation_balance_temperature(absorbed, water, latent)
    kw2["noon_mass_flux"] = thermal.sublimation_mass_flux(t_ice, water)
    kw2.update(
        bright_albedo=fact("occator.faculae_reflectance_centre"), low_albedo=fact("occator.faculae_reflectance_low")
    )
    kw4 = dict(solar_constant=fact("solar.tsi"), albedo=fact("ceres.albedo"), distance=fact("ceres.a"))
    kw4.update(latent_heat=latent, density=rho, molar_mass=water)
    return {"07.1": kw1, "07.2": kw2, "07.4": kw4}


@pytest.mark.parametrize(
    "ex_id, typed",
    [
        ("07.1", 215 * u.K),  # 0.9 % low: a temperature worked from typed numbers
        ("07.1", -58 * u.deg_C),  # the same slip in Celsius
        ("07.1", 221.5 * u.K),
        ("07.2", 27_000 * u.yr),  # 4.8 % low: a density of cold ice (about 930 kg/m³), or a flux typed as 16.5
        ("07.2", 29_700 * u.yr),
        ("07.4", 1.9 * u.m),  # 3.5 % low: a rounded latent heat or density
        ("07.4", 2.06 * u.m),
    ],
)
def test_an_answer_a_few_percent_off_is_told_to_compute_from_the_variables_and_nothing_more(ex_id, typed):
    """An answer about 1-6 % off that no named mistake explains: "not yet", compute again from the variables, not
    typed or rounded numbers. It stands alone (no "That is not right" in front), says neither "close" nor which way
    nor that the method is right (nothing shows the method), and gives no number."""
    from utils.exercises.lesson07 import NEAR

    result = utils.check(ex_id, typed, **_inputs_by_exercise()[ex_id])
    assert result.status == "incorrect" and result.message.endswith(NEAR), result
    assert "not right" not in result.message and "close" not in result.message.lower()
    assert "method" not in result.message and "right" not in result.message
    for direction in ("too large", "too small", "higher", "lower", "larger", "smaller", "more", "less"):
        assert direction not in NEAR.lower()
    assert not any(ch.isdigit() for ch in NEAR)


@pytest.mark.parametrize(
    "ex_id, factor",
    [("07.1", 0.93), ("07.1", 1.07), ("07.2", 0.92), ("07.2", 1.2), ("07.4", 0.93), ("07.4", 1.08)],
)
def test_an_answer_farther_off_gets_no_near_miss_hint(ex_id, factor):
    from utils.checks import _expected_answer
    from utils.exercises.lesson07 import NEAR

    kw = _inputs_by_exercise()[ex_id]
    result = utils.check(ex_id, _expected_answer(ex_id, **kw) * factor, **kw)
    assert not result.ok and NEAR not in result.message, result


@pytest.mark.parametrize(
    "ex_id, typed, own",
    [
        ("07.1", 208 * u.K, "average distance"),  # the mean distance, 4 % low: its own hint
        ("07.1", 229 * u.K, "faculae_low"),  # 5.5 % high: its own hint
        ("07.1", 220 * u.K, "keep three figures"),  # the right answer rounded too far: told so, not the near hint
        ("07.2", 29_000 * u.yr, "rounded rate"),  # the printed flux rounded by hand: its own hint
        ("07.2", 30_000 * u.yr, "keep more significant figures"),
        ("07.4", 2 * u.m, "keep three figures"),
    ],
)
def test_a_named_mistake_or_a_rounding_in_the_near_band_keeps_its_own_message(ex_id, typed, own):
    from utils.exercises.lesson07 import NEAR

    result = utils.check(ex_id, typed, **_inputs_by_exercise()[ex_id])
    assert not result.ok and own in result.message and NEAR not in result.message, result


def test_no_rate_at_which_the_surface_goes_down_is_printed_before_exercise_2():
    """Exercise 2's first step (the mass flux over the density, a speed) is the student's own: no cell the student
    version keeps prints a loss rate in a length per year, and the sublimation cells print kilograms only."""
    import re

    kept = [c for c in _notebook_cells() if "solution" not in c["metadata"].get("tags", [])]
    check = next(i for i, c in enumerate(kept) if 'utils.check("07.2"' in "".join(c["source"]))
    for cell in kept[:check]:
        if cell["cell_type"] != "code":
            continue
        for line in "".join(cell["source"]).splitlines():
            if "print(" in line or line.lstrip().startswith('f"'):
                assert not re.search(r"u\.(cm|m|mm) / u\.yr|cm a year", line), line
    text = " ".join("".join(c["source"]) for c in kept[:check] if c["cell_type"] == "markdown")
    assert "cm a year" not in text and "centimetres a year" not in text


def test_exercise_3b_numbers_its_four_questions_as_the_rubrics_four_quarter_points():
    cells = ["".join(c["source"]) for c in _notebook_cells()]
    question = next(s for s in cells if s.startswith("### Exercise 3"))
    part_b = question.split("**(b)")[1].split("*Check yourself:*")[0]
    assert [m for m in ("- (i) ", "- (ii) ", "- (iii) ", "- (iv) ") if m in part_b] == [
        "- (i) ",
        "- (ii) ",
        "- (iii) ",
        "- (iv) ",
    ]
    page = (ROOT / "docs" / "instructors" / "07-ice-or-salt.md").read_text(encoding="utf-8")
    rubric = page.split("**07.3 rubric:**")[1].split("- **Exercise 4**")[0]
    for number in ("(i)", "(ii)", "(iii)", "(iv)"):
        assert number in rubric, number


def test_the_still_is_drawn_as_a_still_and_the_explore_text_gives_no_reason_for_the_stops():
    cells = _notebook_cells()
    still = next("".join(c["source"]) for c in cells if c.get("id") == "l07-explore-still")
    assert "still=True" in still and "life_view.alt()" in still
    explore = next("".join(c["source"]) for c in cells if c.get("id") == "l07-explore")
    assert "The stops are not evenly spaced in value: read each label." in " ".join(explore.split())
    assert "0.65" not in explore and "Exercise 2's answer" not in explore


def test_each_key_idea_has_its_own_cell_apart_from_the_next_heading():
    for cell in _notebook_cells():
        text = "".join(cell["source"])
        if cell["cell_type"] == "markdown" and text.startswith("**Key idea:**"):
            assert "\n#" not in text, text[:80]


def test_the_read_off_also_asks_for_the_lifetime_the_title_gives_and_judges_the_two_together():
    """Ten stops could be tried one by one in the cell: the lifetime the title shows for that stop at perihelion is
    asked too, accepted within half a unit of the title's one figure, and one reply covers either being off."""
    ns, _ = namespace_until("07-ice-or-salt.ipynb", "def outlasts(")
    assert ns["years_to_last"] is None  # the placeholder, as the lesson ships it
    view, stops = ns["life_view"], ns["albedo_stops"]
    right = next(float(a) for a in stops if view.reading_ok(a))
    view.update(right, float(min(view.curves)))
    title = view.ax.get_title()
    shown = float(title.split("lasts about ")[1].split(" years")[0].replace(",", ""))
    unit = 10 ** np.floor(np.log10(shown))
    for fair in (shown, int(shown), shown + 0.4 * unit, shown - 0.4 * unit, shown * u.yr, (shown * u.yr).to(u.Myr)):
        assert view.reading_ok(right, fair) and view.reading_feedback(right, fair).startswith("That matches"), fair
    wrong_years = view.reading_feedback(right, shown + 2 * unit)
    wrong_stop = view.reading_feedback(float(stops[stops > right][0]), shown)
    assert wrong_years == wrong_stop and wrong_years.startswith("Not yet")  # one reply: neither is named
    for reply in (wrong_years, view.reading_feedback(right, None), view.reading_feedback(right, "a lot")):
        assert f"{right:.2f}" not in reply and f"{shown:,.0f}" not in reply and str(int(shown)) not in reply, reply
    assert "years_to_last" in view.reading_feedback(right, None)
    assert not view.reading_ok(right, None) and not view.reading_ok(right, shown + 2 * unit)
    cell = next("".join(c["source"]) for c in _notebook_cells() if c.get("id") == "l07-ex3-widget")
    assert "reading_feedback(albedo_to_last, years_to_last)" in cell


@pytest.mark.parametrize(
    "ex_id, sign_flipped, told",
    [
        ("07.1", lambda right: -right.to(u.K), "below absolute zero"),
        ("07.1", lambda right: -right.to(u.K).round(), "below absolute zero"),
        ("07.1", lambda right: (-500) * u.deg_C, "below absolute zero"),
        ("07.2", lambda right: -right.to(u.yr), "cannot be negative"),
        ("07.4", lambda right: -right.to(u.m), "cannot be negative"),
    ],
)
def test_an_impossible_negative_answer_is_told_to_check_the_sign_not_that_it_is_near(ex_id, sign_flipped, told):
    """-217 K, a negative lifetime or a negative depth is impossible, not a near miss: no near-miss or "close" hint."""
    from utils.checks import _expected_answer
    from utils.exercises.lesson07 import NEAR

    kw = _inputs_by_exercise()[ex_id]
    result = utils.check(ex_id, sign_flipped(_expected_answer(ex_id, **kw)), **kw)
    assert result.status == "incorrect" and told in result.message and "check the sign" in result.message, result
    assert NEAR not in result.message and "close" not in result.message.lower()


def test_a_negative_celsius_temperature_above_absolute_zero_is_judged_as_usual():
    from utils.checks import _expected_answer

    kw = _inputs_by_exercise()["07.1"]
    right = _expected_answer("07.1", **kw).to(u.deg_C, equivalencies=u.temperature())
    assert right.value < 0 and utils.check("07.1", right, **kw).ok
