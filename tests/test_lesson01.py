"""Exercises of lesson 01 check the right answers for whatever inputs they are given."""

from __future__ import annotations

import astropy.units as u
import numpy as np
import pytest

from conftest import returns_an_answer
from utils import check
from utils.checks import _expected_answer


def test_resonance_exercise_follows_its_inputs():
    # 5.203 * (1/3)^(2/3) = 2.5013 AU: four significant figures pass
    assert check("01.3", 2.501 * u.AU, a_jupiter=5.203 * u.AU, p=3, q=1).ok
    assert check("01.3", 2.501 * u.AU, a_jupiter=5.203 * u.AU, p=3, q=1).status == "correct"
    # another resonance, worked by hand: 5.203 * (1/2)^(2/3) = 3.278 AU
    assert check("01.3", 3.278 * u.AU, a_jupiter=5.203 * u.AU, p=2, q=1).ok
    assert not check("01.3", 2.50 * u.AU, a_jupiter=5.203 * u.AU, p=2, q=1).ok
    # a different planet-sized perturber moves the answer
    assert not check("01.3", 2.50 * u.AU, a_jupiter=6 * u.AU, p=3, q=1).ok
    # the period ratio instead of the distance ratio (a common slip): 5.203/3
    assert not check("01.3", 5.203 / 3 * u.AU, a_jupiter=5.203 * u.AU, p=3, q=1).ok
    assert check("01.3", ..., a_jupiter=5.203 * u.AU, p=3, q=1).status == "unanswered"
    assert check("01.3", 2.5, a_jupiter=5.203 * u.AU, p=3, q=1).status == "invalid"


def test_resonance_read_off_the_histogram_does_not_pass():
    # the 5:2 lies at 5.203 * (2/5)^(2/3) = 2.8247 AU; three figures (2.82 or 2.83, what a histogram bin of
    # 0.0025-0.01 AU gives) fail with a hint to compute it and keep four figures, without giving the value
    inputs = dict(a_jupiter=5.203 * u.AU, p=5, q=2)
    assert check("01.3", 2.825 * u.AU, **inputs).ok
    # Jupiter's a rounded to 5.2 AU gives 5.2 * 0.4^(2/3) = 2.8230 AU, 0.06 % off: the law applied right passes
    assert check("01.3", 5.2 * u.AU * 0.4 ** (2 / 3), **inputs).ok
    for read_off in (2.82, 2.83):
        result = check("01.3", read_off * u.AU, **inputs)
        assert not result.ok
        assert "four significant figures" in str(result)
        assert "2.82" not in str(result)
    assert "four significant figures" not in str(check("01.3", 2.7 * u.AU, **inputs))


def test_diameter_exercise_by_hand():
    # D = 1329 km / sqrt(0.0717) * 10^(-5.6/5) = 376.5 km (Hygiea's catalogue H and albedo)
    assert check("01.4", 376.5 * u.km, H=5.6 * u.mag, albedo=0.0717).ok
    assert check("01.4", 376.5e3 * u.m, H=5.6 * u.mag, albedo=0.0717).ok
    assert not check("01.4", 407 * u.km, H=5.6 * u.mag, albedo=0.0717).ok  # the measured value differs
    assert check("01.4", 377 * u.km, H=5.6 * u.mag, albedo=0.0717).ok  # three figures
    assert not check("01.4", 375 * u.km, H=5.6 * u.mag, albedo=0.0717).ok  # a wrong third figure
    # squaring instead of square-rooting the albedo
    assert not check("01.4", (1329 / 0.0717 * 10 ** (-5.6 / 5)) * u.km, H=5.6 * u.mag, albedo=0.0717).ok
    assert check("01.4", 1329 * u.km, H=0 * u.mag, albedo=1.0).ok
    assert check("01.4", 376.5 * u.km, H=5.6 * u.mag, albedo=-1).status == "invalid"  # bad input, no traceback


def test_encounter_exercise_by_hand():
    # n = 1e6 / 1e25 km^3, d = 4e5 km, L = 2e8 km -> 1e-19 * pi * 1.6e11 * 2e8 = 3.2 pi
    inputs = dict(n_asteroids=1e6, belt_volume=1e25 * u.km**3, distance=4e5 * u.km, path_length=2e8 * u.km)
    assert check("01.8", 3.2 * np.pi, **inputs).ok
    assert not check("01.8", 3.2, **inputs).ok
    assert check("01.8", 12.8 * np.pi, **{**inputs, "distance": 8e5 * u.km}).ok  # twice as close: four times
    assert isinstance(_expected_answer("01.8", **inputs), float)
    assert check("01.8", 3.2 * np.pi * u.one, **inputs).ok  # a dimensionless Quantity is fine
    wrong_unit = check("01.8", 3.2 * np.pi * u.km, **inputs)
    assert wrong_unit.status == "invalid" and "plain number" in wrong_unit.message


def test_encounter_exercise_named_slips():
    # the path in AU, the rest in km: L = 2e8 km, spacing (1e25 / 1e6)^(1/3) km = 2.154e6 km
    path = (2e8 * u.km).to(u.AU)
    inputs = dict(n_asteroids=1e6, belt_volume=1e25 * u.km**3, distance=4e5 * u.km, path_length=path)
    assert check("01.8", 3.2 * np.pi, **inputs).ok
    cubes = check("01.8", 2e8 / 1e19 ** (1 / 3), **inputs)  # the cubes the path crosses
    assert not cubes.ok and "cubes your path crosses" in cubes.message
    stripped = check("01.8", 1e6 / 1e25 * np.pi * 4e5**2 * path.value, **inputs)  # `.value` on AU and km
    assert not stripped.ok and "different units" in stripped.message
    # with every input in km, `.value` changes nothing: the right answer is not called a slip
    same_unit = {**inputs, "path_length": 2e8 * u.km}
    assert check("01.8", 1e6 / 1e25 * np.pi * 4e5**2 * 2e8, **same_unit).ok
    # no path length: a number per km, told which length is missing rather than named by its unit
    per_km = check("01.8", 1e6 / (1e25 * u.km**3) * np.pi * (4e5 * u.km) ** 2, **inputs)
    assert not per_km.ok and "path_length" in per_km.message and "wavenumber" not in per_km.message


def test_spacing_exercise_by_hand():
    # 8e24 km^3 shared by 1e6 asteroids: cubes of 8e18 km^3, side 2e6 km
    inputs = dict(n_asteroids=1e6, belt_volume=8e24 * u.km**3, n_catalogue=1000)
    assert check("01.7", 2e6 * u.km, **inputs).ok
    assert check("01.7", (2e6 * u.km).to(u.AU), **inputs).ok
    assert check("01.7", 4e6 * u.km, **{**inputs, "belt_volume": 6.4e25 * u.km**3}).ok  # 8 times the volume
    assert not check("01.7", 2e6 * u.km, **{**inputs, "n_asteroids": 8e6}).ok
    assert check("01.7", 2e6, **inputs).status == "invalid"  # no unit


def test_spacing_mistakes_get_their_hints():
    inputs = dict(n_asteroids=1e6, belt_volume=8e24 * u.km**3, n_catalogue=1000)
    cube = check("01.7", 8e18 * u.km**3, **inputs)  # the volume per asteroid, no cube root
    assert cube.status == "incorrect" and "cube root" in cube.message
    square = check("01.7", (8e18 * u.km**3) ** 0.5, **inputs)
    assert "not the square root" in square.message
    for cubed in ((8e18 * u.km**3) ** 3, ((8e18 * u.km**3).to(u.AU**3)) ** 3):  # ** 3 for the cube root
        power = check("01.7", cubed, **inputs)
        assert power.status == "incorrect" and "power 3" in power.message, power.message
        assert "left in your unit" not in power.message
    sphere = check("01.7", 2e6 * u.km * (3 / (4 * np.pi)) ** (1 / 3), **inputs)
    assert "sphere" in sphere.message
    few = check("01.7", 2e6 * u.km * 10, **inputs)  # shared among 1000 catalogue objects
    assert "n_km" in few.message
    # with no catalogue count given, that mistake is skipped, not an error
    assert check("01.7", 2e7 * u.km, n_asteroids=1e6, belt_volume=8e24 * u.km**3).status == "incorrect"


def test_albedo_choice():
    assert check("01.9", "composition").ok
    assert check("01.9", "Composition ").ok
    assert not check("01.9", "distance").ok
    assert not check("01.9", "size").ok
    assert check("01.9", "colour").status == "invalid"


def test_second_object_uses_the_same_check_with_its_own_title():
    assert check("01.2", "Jupiter Trojans", a=5.27 * u.AU, e=0.023).ok  # (624) Hektor
    assert not check("01.2", "centaurs", a=5.27 * u.AU, e=0.023).ok
    assert "Centaurs orbit between" in check("01.2", "centaurs", a=5.27 * u.AU, e=0.023).message
    assert check("01.2", "main belt", a=2.64 * u.AU, e=0.19).ok  # Eunomia
    assert check("01.2", "jupiter trojans", a=5.27 * u.AU, e=0.023).name.startswith("Exercise 2 ·")
    # Hektor called main belt: the targeted hint, not the answer
    belt_answer = check("01.2", "main belt", a=5.27 * u.AU, e=0.023)
    assert not belt_answer.ok and "about 2 to 3.5 AU" in belt_answer.message
    assert "Trojan" not in belt_answer.message
    # Hilda (3.98 AU) is outer main belt in JPL's classes, not a Trojan
    trojan = check("01.2", "Jupiter Trojans", a=3.98 * u.AU, e=0.14)
    assert not trojan.ok and "Trojans share Jupiter's orbit" in trojan.message


def test_object_b_is_classified_by_its_eccentricity_too():
    """Goal 1 says "by its orbit (a and e)": object B's a alone would put it in the main belt."""
    from utils import belt
    from utils.data import load_catalogue

    a, e, _ = belt.mystery_orbit(load_catalogue(), "B")
    assert belt._orbit_group(a, 0) == "main belt"
    assert belt._orbit_group(a, e) == "near-Earth and Mars-crossers"
    assert check("01.2", "near-Earth and Mars-crossers", a=a, e=e).ok
    by_a = check("01.2", "main belt", a=a, e=e)  # a read off alone: the hint asks for the perihelion
    assert not by_a.ok and "q = a(1 - e)" in by_a.message and "Mars-crosser" not in by_a.message


def test_group_exercise_reads_the_orbit():
    assert check("01.1", "centaurs", a=13.7 * u.AU, e=0.38).ok
    assert check("01.1", "Jupiter Trojans", a=5.25 * u.AU, e=0.05).ok
    assert check("01.1", "main belt", a=2.77 * u.AU, e=0.08).ok
    assert check("01.1", "trans-Neptunian", a=44 * u.AU, e=0.1).ok
    assert check("01.1", "near-Earth and Mars-crossers", a=1.46 * u.AU, e=0.22).ok  # Eros: q = 1.14 AU
    wrong = check("01.1", "Jupiter Trojans", a=13.7 * u.AU, e=0.38)
    assert wrong.status == "incorrect" and "share Jupiter's orbit" in wrong.message
    assert "13.70 AU" in wrong.name  # the title follows the input
    assert check("01.1", "comet", a=13.7 * u.AU, e=0.38).status == "invalid"  # not one of the names


def test_orbit_group_agrees_with_jpl_classes():
    import utils
    from utils import belt

    cat = utils.load_catalogue()
    jpl = belt.class_group(cat["class"])
    ours = np.array([belt._orbit_group(a, e) for a, e in zip(cat["a"], cat["e"], strict=True)])
    known = jpl != "other"
    assert np.mean(ours[known] == jpl[known]) > 0.99
    with pytest.raises(ValueError):
        belt._orbit_group(2 * u.AU, 1.2)
    with pytest.raises(u.UnitsError):
        belt._orbit_group(2, 0.1)


def test_resonance_mistakes_get_their_hints():
    inputs = dict(a_jupiter=5.203 * u.AU, p=5, q=2)
    assert check("01.3", 5.203 * (2 / 5) ** (2 / 3) * u.AU, **inputs).ok
    assert "5:2" in check("01.3", ..., **inputs).name
    for wrong, words in (
        (5.203 * 2 / 5, "ratio of the periods"),
        (5.203 * (5 / 2) ** (2 / 3), "outside Jupiter"),
        (5.203 * (2 / 5) ** 1.5, "2/3, not 3/2"),
    ):
        result = check("01.3", wrong * u.AU, **inputs)
        assert result.status == "incorrect" and words in result.message, result


def test_diameter_with_a_plain_magnitude_and_its_mistakes():
    import utils

    # H as a plain number (the notebook hands it over so): the natural formula composes
    assert check("01.4", 1329 * u.km / np.sqrt(0.0717) * 10 ** (-5.6 / 5), H=5.6, albedo=0.0717).ok
    not_rooted = check("01.4", 1329 * u.km / 0.0717 * 10 ** (-5.6 / 5), H=5.6, albedo=0.0717)
    assert "square root" in not_rooted.message
    over_2_5 = check("01.4", 1329 * u.km / np.sqrt(0.0717) * 10 ** (-5.6 / 2.5), H=5.6, albedo=0.0717)
    assert "-H/5" in over_2_5.message
    cat = utils.load_catalogue()
    hygiea = cat[cat["name"] == "Hygiea"][0]
    copied = check("01.4", hygiea["diameter"], H=hygiea["H"].to_value(u.mag), albedo=hygiea["albedo"])
    assert copied.status == "incorrect" and "measured diameter" in copied.message


def test_belts_per_moon():
    moon, belt_mass = 7.346e22 * u.kg, 2.4e21 * u.kg
    assert check("01.6", 30.6, moon_mass=moon, belt_mass=belt_mass).ok  # 7.346 / 0.24 = 30.6
    assert check("01.6", moon / belt_mass, moon_mass=moon, belt_mass=belt_mass).ok
    assert "other way round" in check("01.6", 0.0327, moon_mass=moon, belt_mass=belt_mass).message
    assert "percentage" in check("01.6", 3.27, moon_mass=moon, belt_mass=belt_mass).message
    assert check("01.6", 30.6 * u.kg, moon_mass=moon, belt_mass=belt_mass).status == "invalid"


def test_encounter_mistakes():
    inputs = dict(n_asteroids=1e6, belt_volume=1e25 * u.km**3, distance=4e5 * u.km, path_length=2e8 * u.km)
    assert "radius" in check("01.8", 12.8 * np.pi, **inputs).message
    assert "pi times" in check("01.8", 3.2, **inputs).message
    # 1.44 expected: the whole number 1 gets a hint about rounding, not the generic one
    one = dict(n_asteroids=1.2e6, belt_volume=7e25 * u.km**3, distance=384400 * u.km, path_length=1.81e8 * u.km)
    assert _expected_answer("01.8", **one) == pytest.approx(1.44, abs=0.01)
    assert "need not be a whole number" in check("01.8", 1, **one).message
    assert check("01.8", 1.44, **one).ok
    assert "white disc" in check("01.9", "distance").message


def test_nearest_neighbour_is_0_554_of_the_mean_spacing():
    from math import gamma

    from utils import belt

    v = 7e25 * u.km**3
    ratio = (belt.nearest_neighbour_distance(1.2e6, v) / belt._mean_spacing(1.2e6, v)).to_value(u.one)
    assert ratio == pytest.approx(gamma(4 / 3) * (3 / (4 * np.pi)) ** (1 / 3), rel=1e-12)
    assert ratio == pytest.approx(0.554, abs=5e-4)
    # a Monte Carlo check with seeded random points in a unit cube (away from its walls)
    rng = np.random.default_rng(1)
    pts = rng.random((4000, 3))
    inner = np.all((pts > 0.2) & (pts < 0.8), axis=1)
    d = np.sqrt(((pts[inner, None, :] - pts[None, :, :]) ** 2).sum(-1))
    d[d == 0] = np.inf
    expected = belt.nearest_neighbour_distance(4000, 1 * u.km**3).to_value(u.km)
    assert d.min(axis=1).mean() == pytest.approx(expected, rel=0.05)
    with pytest.raises(ValueError):
        belt.nearest_neighbour_distance(0, v)


@pytest.fixture(scope="module")
def gap_widget():
    from notebook_namespace import namespace_until

    return namespace_until("01-asteroid-belt.ipynb", "def draw_gaps")


@pytest.mark.parametrize("bin_width, h_max", [(0.01, 12.0), (0.0025, 12.0), (0.05, 9.0), (0.02, 8.0)])
def test_gap_widget_texts_follow_the_sliders(gap_widget, bin_width, h_max):
    from notebook_namespace import small_texts

    ns, shown = gap_widget
    ns["draw_gaps"](bin_width=bin_width, h_max=h_max)
    fig, alt = shown[-1]
    ax = fig.axes[0]
    assert f"H ≤ {h_max:.1f}" in ax.get_title()
    assert ax.get_ylabel() == f"objects per {bin_width:g} AU bin"  # as the slider reads, no trailing zeros
    assert f"in bins {bin_width:g} AU wide" in alt
    n = int(np.sum(ns["h_sel"] <= h_max))
    assert ax.get_legend().get_texts()[0].get_text() == f"{n:,} objects"
    assert f"{n:,}" in alt and f"{h_max:.1f}" in alt
    assert not small_texts(fig)
    from matplotlib.colors import to_hex

    from utils.style import PALETTE

    line_colour = to_hex(ax.collections[-1].get_color()[0]) if hasattr(ax.collections[-1], "get_color") else None
    assert line_colour not in {to_hex(c) for k, c in PALETTE.items() if k != "belt"}


def test_gap_widget_advice_names_the_count_and_the_objects_per_bin(gap_widget):
    ns, shown = gap_widget
    ns["draw_gaps"](bin_width=0.01, h_max=9.5)  # a few hundred objects in 170 bins: under 5 per bin
    n = int(np.sum(ns["h_sel"] <= 9.5))
    alt = shown[-1][1]
    assert f"{n:,} objects in 170 bins leave about {n / 170:.1f} per bin" in alt
    ns["draw_gaps"](bin_width=0.05, h_max=9.5)  # the same objects in 34 bins: enough per bin
    assert f"With about {n / 34:.0f} objects per bin" in shown[-1][1]
    assert "may blur the narrow gaps" in shown[-1][1]  # 0.05 AU bins smear the 7:3
    ns["draw_gaps"](bin_width=0.01, h_max=9.5)
    assert "raise the H cut" in shown[-1][1] and "blur" not in shown[-1][1]


def test_gap_widget_advice_offers_no_higher_cut_at_the_top(gap_widget):
    ns, shown = gap_widget
    ns["draw_gaps"](bin_width=0.0025, h_max=ns["h_top"])  # 680 bins: under 5 per bin, H cut already at its top
    alt = shown[-1][1]
    assert "widen the bins." in alt and "raise the H cut" not in alt


def test_diameter_halved_is_called_a_radius():
    # D = 1329 km / sqrt(0.0717) * 10^(-5.6/5) = 376.5 km; its half is the radius
    result = check("01.4", 376.5 / 2 * u.km, H=5.6, albedo=0.0717)
    assert result.status == "incorrect" and "That is the radius" in result.message


def test_mass_from_a_stated_density_by_hand():
    # rho pi D^3 / 6 = 2162 kg/m3 * pi * (407.12e3 m)^3 / 6 = 7.639e19 kg, worked out by hand
    inputs = dict(diameter=407.12 * u.km, density=2.162 * u.g / u.cm**3)
    assert check("01.5", 7.64e19 * u.kg, **inputs).ok  # three significant figures
    assert check("01.5", 7.64e22 * u.g, **inputs).ok  # any mass unit
    assert not check("01.5", 7.2e19 * u.kg, **inputs).ok  # 6 % off
    radius = check("01.5", 7.639e19 / 8 * u.kg, **inputs)  # rho pi (D/2)^3 / 6
    assert radius.status == "incorrect" and "eight times too small" in radius.message
    four_thirds = check("01.5", 7.639e19 * 8 * u.kg, **inputs)  # 4/3 pi D^3 rho
    assert four_thirds.status == "incorrect" and "eight times too large" in four_thirds.message
    assert check("01.5", 7.64e19, **inputs).status == "invalid"  # a mass needs its unit
    assert check("01.5", 7.64e19 * u.kg, diameter=407.12 * u.km, density=-1 * u.g / u.cm**3).status == "invalid"


def test_belts_per_moon_three_significant_figures():
    moon, belt_mass = 7.346e22 * u.kg, 2.39e21 * u.kg  # 30.74 belts
    assert check("01.6", 30.7, moon_mass=moon, belt_mass=belt_mass).ok
    assert not check("01.6", 31, moon_mass=moon, belt_mass=belt_mass).ok  # two figures: the text asks for three


@pytest.mark.parametrize("bin_width", [0.0025, 0.0075, 0.0325, 0.05])
def test_gap_widget_bins_end_at_the_window(gap_widget, bin_width):
    ns, shown = gap_widget
    ns["draw_gaps"](bin_width=bin_width, h_max=12.0)
    edges = ns["gaps"].artists["bars"].get_data().edges
    lo, hi = ns["a_window"]
    assert edges[0] == pytest.approx(lo) and edges[-1] == pytest.approx(hi)
    assert np.diff(edges) == pytest.approx(bin_width, rel=0.05)  # close to the slider's width
    assert f"{round(np.diff(edges)[0], 4):g} AU" in shown[-1][0].axes[0].get_ylabel()


def test_no_variable_holds_the_resonance_of_exercise_3():
    """A student who runs the cells after exercise 3 first finds its answer in no variable."""
    from notebook_namespace import namespace_until

    ns, _ = namespace_until("01-asteroid-belt.ipynb", "the neighbour looks")  # the last code cell (Going further)
    answer = _expected_answer("01.3", a_jupiter=ns["a_jupiter"], p=ns["p_res"], q=ns["q_res"]).to_value(u.AU)

    def values(name, value, depth=0):
        if isinstance(value, dict) and depth < 2:
            for key, item in value.items():
                yield from values(f"{name}[{key!r}]", item, depth + 1)
        elif isinstance(value, (list, tuple)) and len(value) <= 20 and depth < 2:
            for k, item in enumerate(value):
                yield from values(f"{name}[{k}]", item, depth + 1)
        elif isinstance(value, u.Quantity) and value.size <= 20 and value.unit.physical_type == "length":
            yield name, value.to_value(u.AU)
        elif isinstance(value, (float, np.floating)) or (isinstance(value, np.ndarray) and 0 < value.size <= 20):
            if np.issubdtype(np.asarray(value).dtype, np.floating):
                yield name, np.asarray(value)  # a plain number in AU would give it away too

    found = [
        name
        for key, value in ns.items()
        if not key.startswith("__")
        for name, number in values(key, value)
        if np.any(np.isclose(number, answer, rtol=0.002))
    ]
    assert not found, f"variables holding exercise 3's answer ({answer:.3f} AU): {found}"
    assert "resonances" in ns and len(ns["resonances"]) == 4  # the other four are still there


@pytest.mark.parametrize("word", ["centaur", "Centaur", "CEN", "centaurs"])
def test_group_exercise_accepts_singulars_and_class_codes(word):
    chiron = dict(a=13.69 * u.AU, e=0.379)  # (2060) Chiron, a centaur
    assert check("01.1", word, **chiron).ok
    trojan = check("01.2", "Jupiter Trojan", **chiron)  # a fair word for the wrong group: its hint, not a list
    assert trojan.status == "incorrect" and "share Jupiter's orbit" in trojan.message
    assert check("01.2", "TJN", a=5.26 * u.AU, e=0.024).ok  # (624) Hektor by its class code
    assert check("01.1", "asteroid", **chiron).status == "invalid"  # not a group: the list of choices


def test_exercise_9_asks_for_the_reason_after_a_right_choice():
    prompt = check("01.9", "composition", reason="")
    assert prompt.ok and "reason_9" in prompt.message  # won by elimination: still asked why
    assert "very short" in check("01.9", "composition", reason="dark rock").message
    full = check("01.9", "composition", reason="albedo cancels distance, and dark ones must be larger at the cut")
    assert full.ok and "reason_9" not in full.message
    assert "instructor grades the reason" in full.message  # "Correct" is the choice's, not the reason's
    for left_out in (check("01.9", "composition", reason=None), check("01.9", "composition")):
        assert left_out.ok and "reason_9" in left_out.message  # no reason given is asked for one too
    wrong = check("01.9", "size", reason="")
    assert not wrong.ok and "reason_9" not in wrong.message  # a wrong choice gets its hint, not the prompt
    assert _expected_answer("01.9", reason="anything") == "composition"


@pytest.mark.parametrize("wrong", ["distance", "size"])
def test_exercise_9_hints_ask_questions_and_do_not_state_the_graded_reason(wrong):
    message = check("01.9", wrong).message
    assert "?" in message
    for reason in ("same light", "cancel", "stay the same", "must be larger", "not made of small", "does not change"):
        assert reason not in message, reason


def test_gap_widget_advice_offers_no_wider_bins_at_the_widest(gap_widget):
    ns, shown = gap_widget
    ns["draw_gaps"](bin_width=ns["bin_top"], h_max=8.0)  # few objects even in the widest bins
    alt = shown[-1][1]
    assert "widen the bins" not in alt and "raise the H cut to keep more objects." in alt
    ns["draw_gaps"](bin_width=ns["bin_top"], h_max=ns["h_top"])
    assert "widen" not in shown[-1][1] and "gaps:" not in shown[-1][1]


def test_gap_slider_view_never_advises_wider_bins(gap_widget):
    ns, shown = gap_widget
    ns["draw_h_cut"](h_max=9.0)  # the slider has no bin control
    alt = shown[-1][1]
    assert "widen" not in alt and "raise the H cut" in alt


def test_gap_figure_names_the_catalogue_cut_and_an_empty_selection(gap_widget):
    ns, shown = gap_widget
    ns["draw_gaps"](bin_width=0.01, h_max=20.0)  # fainter than the catalogue holds: its cut, H = 12
    assert "H ≤ 12.0" in shown[-1][0].axes[0].get_title()
    ns["draw_gaps"](bin_width=0.01, h_max=3.0)  # nothing is that bright
    assert "No objects are left" in shown[-1][1] and "Only 0" not in shown[-1][1]


def test_another_resonance_pasted_gets_its_own_hint():
    from utils.facts import fact
    from utils.orbits import _resonance_location as resonance_location

    a_jupiter = fact("jupiter.a")
    pasted = check("01.3", resonance_location(a_jupiter, 3, 1).to(u.AU).round(3), a_jupiter=a_jupiter, p=5, q=2)
    assert pasted.status == "incorrect" and "another resonance" in pasted.message
    assert check("01.3", resonance_location(a_jupiter, 3, 1), a_jupiter=a_jupiter, p=3, q=1).ok


@pytest.mark.parametrize(
    "word", ["near-Earth objects", "Mars-crossers", "NEO", "NEA", "Amor", "near-Earth object", "Mars-crosser"]
)
def test_group_exercise_accepts_the_notebooks_plurals_and_near_earth_names(word):
    ganymed = dict(a=2.666 * u.AU, e=0.533)  # (1036) Ganymed, an Amor near-Earth object
    assert check("01.2", word, **ganymed).ok


def test_encounters_with_distance_halved_get_a_radius_hint():
    inputs = dict(n_asteroids=1.2e6, belt_volume=1e26 * u.km**3, distance=1e6 * u.km, path_length=3e8 * u.km)
    right = _expected_answer("01.8", **inputs)
    halved = check("01.8", right / 4, **inputs)
    assert halved.status == "incorrect" and "already the radius" in halved.message
    assert "already the radius" not in check("01.8", right * 4, **inputs).message


def test_fair_albedo_comparison_on_the_instructor_page_is_computed():
    """Exercise 10(c)'s model answer quotes the albedo medians of objects too large for the cut to select by albedo.

    The notebook prints only the whole sample's medians (the fair-cut ones would answer 10(c)); the instructor
    page quotes the fair-cut result, and this test computes it from the catalogue, as the notebook defines
    ``d_dark``, ``inner`` and ``outer``, so that the quoted numbers are not typed guesses.
    """
    from conftest import ROOT
    from utils import belt
    from utils.data import load_catalogue

    cat = load_catalogue()
    main = belt.is_main_belt(cat["class"])
    albedo = np.ma.filled(cat["albedo"][main].to_value(u.one), np.nan)
    diameter = np.ma.filled(cat["diameter"][main].to_value(u.km), np.nan)
    h_cut = np.ceil(cat["H"].max().to_value(u.mag)) * u.mag
    d_dark = belt._diameter_from_h(h_cut, np.nanpercentile(albedo, 10)).to_value(u.km)
    inner, outer = belt.inner_and_outer_belt(cat["a"][main])
    measured = np.isfinite(albedo)
    fair = measured & (diameter > d_dark)
    page = " ".join((ROOT / "docs" / "instructors" / "01-asteroid-belt.md").read_text(encoding="utf-8").split())
    assert f"above `d_dark` ({d_dark:.2f} km, unrounded" in page  # the exact cut, so the counts reproduce
    medians = {}
    for region, sel in (("inner", inner), ("outer", outer)):
        keep = sel & fair
        medians[region] = np.median(albedo[keep])
        assert f"{region} belt {medians[region]:.2g} ({keep.sum()} objects)" in page
        whole = np.median(albedo[sel & measured])
        assert f"{whole:.2f}" in page and medians[region] < whole  # as the notebook prints them; both were brighter
    assert medians["outer"] < medians["inner"] / 2  # the contrast survives the fair cut
    # exercise 9's "size" option: the darker outer sample is not made of smaller asteroids
    d_inner, d_outer = (np.nanmedian(diameter[sel & measured]) for sel in (inner, outer))
    assert d_outer > d_inner
    assert f"about {d_outer:.0f} km against {d_inner:.0f} km inner" in page


def test_encounters_to_two_significant_figures_pass():
    # the notebook asks for two significant figures: 1.4 for 1.44 passes, 1.5 does not
    one = dict(n_asteroids=1.2e6, belt_volume=7e25 * u.km**3, distance=384400 * u.km, path_length=1.81e8 * u.km)
    expected = _expected_answer("01.8", **one)
    assert check("01.8", float(f"{expected:.2g}"), **one).ok
    assert not check("01.8", 1.5, **one).ok
    assert "two significant figures" in check("01.8", round(expected), **one).message


def test_rounding_slips_in_exercises_7_and_8_get_a_targeted_hint():
    # the slips are computed from the answer: 01.7 cut to one figure, 01.8 rounded up at two figures
    seven = dict(n_asteroids=1.2e6, belt_volume=7e25 * u.km**3, n_catalogue=1000)
    spacing = _expected_answer("01.7", **seven).to_value(u.km)
    one_figure = float(f"{spacing:.1g}")
    assert abs(one_figure / spacing - 1) > 0.02  # outside the tolerance, so the slip matters
    assert "rounded to one figure" in check("01.7", one_figure * u.km, **seven).message
    eight = dict(n_asteroids=1.2e6, belt_volume=7e25 * u.km**3, distance=384400 * u.km, path_length=1.81e8 * u.km)
    expected = _expected_answer("01.8", **eight)
    up = np.ceil(expected * 10 ** (1 - np.floor(np.log10(expected)))) / 10 ** (1 - np.floor(np.log10(expected)))
    assert not check("01.8", up, **eight).ok
    assert "round to two significant figures once" in check("01.8", up, **eight).message


def test_nearest_neighbour_factor_is_not_printed_precisely_enough_to_divide_by():
    """`nearest / factor` must not pass exercise 7: the student version gives the factor only roughly."""
    import re

    import nbtools
    from conftest import ROOT
    from utils import belt

    nb = nbtools.student_version(nbtools.read(ROOT / "notebooks" / "01-asteroid-belt.ipynb"))
    text = "\n".join(nbtools.source(c) for c in nb.cells)
    assert "roughly half" in text
    assert not re.search(r"0\.5[45]", text), "the nearest-neighbour factor 0.554 is stated to two figures"
    doc = belt.nearest_neighbour_distance.__doc__  # public: a student reads it with Shift+Tab or help()
    assert not re.search(r"0\.5[45]", doc), "the public docstring states the factor 0.554"
    inputs = dict(n_asteroids=1.2e6, belt_volume=7e25 * u.km**3, n_catalogue=2300)
    nearest = belt.nearest_neighbour_distance(1.2e6, 7e25 * u.km**3)
    doubled = check("01.7", nearest / 0.5, **inputs)  # "roughly half" undone
    assert doubled.status == "incorrect" and "rough factor" in doubled.message
    assert "placed at random" in check("01.7", nearest, **inputs).message


def test_exercise_9_nudges_a_reason_that_names_neither_other_option():
    nudge = "names neither distance nor size"
    for filler in ("x x x x", "they are made of darker material"):
        result = check("01.9", "composition", reason=filler)
        assert result.ok and nudge in result.message  # a nudge, not a grade
    for reason in (
        "farther asteroids get less sunlight but so does the white disc, and small ones are not darker",
        "albedo is a ratio, and at the cut dark asteroids must be larger",
        "the outer belt's median diameter is not smaller",
    ):
        assert nudge not in check("01.9", "composition", reason=reason).message, reason
    assert nudge not in check("01.9", "size", reason="x x x x").message  # a wrong choice gets its hint only
    assert "composition" not in check("01.9", "composition", reason="x x x x").message  # no answer given


@pytest.mark.parametrize("word", ["Apollo", "aten", "Atiras"])
def test_a_near_earth_class_that_does_not_fit_is_wrong_with_an_orbit_hint(word):
    for a, e in ((2.66 * u.AU, 0.53), (13.7 * u.AU, 0.38)):  # (1036) Ganymed, an Amor; (2060) Chiron, a centaur
        result = check("01.2", word, a=a, e=e)
        assert result.status == "incorrect" and "q = a(1 - e)" in result.message
        assert "Please answer with one of" not in result.message


def test_a_near_earth_class_that_fits_is_asked_for_the_broader_group():
    toutatis = dict(a=2.53 * u.AU, e=0.63)  # q = 0.94 AU: an Apollo
    result = check("01.2", "Apollo", **toutatis)
    assert result.status == "invalid" and "q = a(1 - e)" in result.message
    assert check("01.2", "Aten", **toutatis).status == "incorrect"
    assert check("01.2", "Apollo", a=0.92 * u.AU, e=0.19).status == "incorrect"  # Q = 1.09 AU: an Aten
    assert check("01.2", "Aten", a=0.92 * u.AU, e=0.19).status == "invalid"
    assert check("01.2", "Apollo", a="x", e=0.5).status == "invalid"  # bad inputs: the check's own message


RESONANCE_5_2 = dict(a_jupiter=5.203 * u.AU, p=5, q=2)


@pytest.mark.parametrize(
    ("exercise", "slip", "right", "inputs", "words"),
    [
        # a_J * (q/p)**2/3: Python squares, then divides by 3
        (
            "01.3",
            5.203 * (2 / 5) ** 2 / 3,
            5.203 * (2 / 5) ** (2 / 3),
            dict(a_jupiter=5.203 * u.AU, p=5, q=2),
            "brackets",
        ),
        # the exponent 2/3 typed as 0.67: 0.3 % off, outside the 0.1 % tolerance
        ("01.3", 5.203 * (2 / 5) ** 0.67, 5.203 * (2 / 5) ** (2 / 3), RESONANCE_5_2, "0.67"),
        # 1329 km / sqrt(p) * 10**-H/5 and 1329 km / p**1/2 * 10**(-H/5), in both bracketings
        ("01.4", 1329 / np.sqrt(0.0717) * 10**-5.6 / 5, 376.5, dict(H=5.6, albedo=0.0717), "brackets"),
        ("01.4", 1329 / 0.0717**1 / 2 * 10 ** (-5.6 / 5), 376.5, dict(H=5.6, albedo=0.0717), "p divided by 2"),
        ("01.4", 1329 / (0.0717**1 / 2) * 10 ** (-5.6 / 5), 376.5, dict(H=5.6, albedo=0.0717), "p divided by 2"),
        # (volume / n) ** 1 / 3: the volume per asteroid divided by 3
        ("01.7", 8e18 / 3, 2e6, dict(n_asteroids=1e6, belt_volume=8e24 * u.km**3, n_catalogue=1000), "brackets"),
    ],
)
def test_python_precedence_slips_get_their_hints(exercise, slip, right, inputs, words):
    unit = {"01.3": u.AU, "01.4": u.km, "01.7": u.km}[exercise]
    slip_unit = u.km**3 if exercise == "01.7" else unit
    result = check(exercise, slip * slip_unit, **inputs)
    assert result.status == "incorrect" and words in result.message
    assert check(exercise, right * unit, **inputs).ok
    expected = _expected_answer(exercise, **inputs).to_value(unit)
    for shown in (f"{expected:.2f}", f"{expected:.3g}", f"{expected:.1e}"):
        assert shown not in result.message  # the hint never gives the answer


def test_belts_per_moon_slips_at_two_figures_get_their_hints():
    # Moon 7.35e22 kg, belt 2.4e21 kg: 30.6 belts per Moon; the inverse 0.0327 and 3.27 % also at two figures
    inputs = dict(moon_mass=7.35e22 * u.kg, belt_mass=2.4e21 * u.kg)
    assert check("01.6", 7.35e22 / 2.4e21, **inputs).ok
    for inverse in (2.4e21 / 7.35e22, 0.033, 0.032):
        assert "other way round" in check("01.6", inverse, **inputs).message
    for percent in (100 * 2.4e21 / 7.35e22, 3.3, 3.2):
        assert "percentage" in check("01.6", percent, **inputs).message
    assert "31" not in check("01.6", 0.033, **inputs).message and "30." not in check("01.6", 3.3, **inputs).message


def _exercise_calls():
    """Each self-checked numeric exercise, its inputs, and the ways a student might feed them to a helper."""
    from utils import belt
    from utils.facts import fact

    a_j, n, v = fact("jupiter.a"), 1.2e6, 7e25 * u.km**3
    gcc = u.g / u.cm**3
    return [
        ("01.3", dict(a_jupiter=a_j, p=5, q=2), [(a_j,), (a_j, 5, 2), (a_j, 2, 5)]),
        (
            "01.4",
            dict(H=5.6, albedo=0.0717),
            [(5.6, 0.0717), (5.6 * u.mag, 0.0717), (5.6 * u.mag, 0.0717, belt.diameter_constant())],
        ),
        ("01.5", dict(diameter=407 * u.km, density=2.162 * gcc), [(407 * u.km, 2.162 * gcc)]),
        ("01.7", dict(n_asteroids=n, belt_volume=v, n_catalogue=1000), [(n, v), (v, n)]),
        (
            "01.8",
            dict(n_asteroids=n, belt_volume=v, distance=3.8e5 * u.km, path_length=3e8 * u.km),
            [(n / v, 3.8e5 * u.km, 3e8 * u.km), (n, v, 3.8e5 * u.km, 3e8 * u.km)],
        ),
    ]


# a public helper that answers an exercise when used on purpose; the instructor page names the shortcut
# (none: `belt.kirkwood_resonances` leaves exercise 3's 5:2 out, and the general form is private)
NAMED_ON_THE_INSTRUCTOR_PAGE: set[tuple[str, str]] = set()


@pytest.mark.parametrize("exercise, kw, calls", _exercise_calls(), ids=lambda x: x if isinstance(x, str) else "")
def test_no_public_name_in_utils_belt_answers_an_exercise(exercise, kw, calls):
    """Exercises 3-5, 7 and 8 test a formula: no name that Tab completion offers in `utils.belt` may return the
    answer from the exercise's inputs (also as a value of a returned dict)."""
    import matplotlib.pyplot as plt

    from utils import belt

    passing = []
    for name in (n for n in dir(belt) if not n.startswith("_")):
        func = getattr(belt, name)
        if callable(func) and not isinstance(func, type) and returns_an_answer(func, exercise, kw, calls):
            passing.append(name)
    plt.close("all")
    unexpected = set(passing) - {name for ex, name in NAMED_ON_THE_INSTRUCTOR_PAGE if ex == exercise}
    assert not unexpected, f"utils.belt.{sorted(unexpected)} answer exercise {exercise}: keep such helpers private"


def test_hygiea_diameter_needs_the_formula_not_the_median_ratio():
    """Exercise 4: three significant figures pass; the printed median ratio (two decimals) times the catalogue's
    diameter does not, nor does the rounded 2 % that tolerance once allowed."""
    from utils.data import load_catalogue

    cat = load_catalogue()
    hygiea = cat[cat["name"] == "Hygiea"][0]
    inputs = dict(H=hygiea["H"].to_value(u.mag), albedo=float(hygiea["albedo"].unmasked))
    expected = _expected_answer("01.4", **inputs).to_value(u.km)
    assert check("01.4", float(f"{expected:.3g}") * u.km, **inputs).ok
    from utils import belt

    both = belt.is_main_belt(cat["class"]) & ~cat["diameter"].mask & ~cat["albedo"].mask & (cat["name"] != "Hygiea")
    d_formula = belt._diameter_from_h(cat["H"][both], cat["albedo"][both].unmasked)
    median = np.median((d_formula / cat["diameter"][both].unmasked).to_value(u.one))
    d_measured = float(hygiea["diameter"].unmasked.to_value(u.km))
    for ratio in (round(float(median), 2), round(expected / d_measured, 2)):  # both printed to two decimals
        shortcut = ratio * d_measured
        assert abs(shortcut / expected - 1) > 0.005
        assert not check("01.4", shortcut * u.km, **inputs).ok


def test_no_helper_called_in_the_student_version_answers_an_exercise():
    """No code a student sees, before or after an exercise's check, calls a `utils.belt` function (public or
    private) that returns the answer from that exercise's inputs: such a call shows the shortcut."""
    import re

    import matplotlib.pyplot as plt

    import nbtools
    from conftest import ROOT
    from utils import belt

    nb = nbtools.student_version(nbtools.read(ROOT / "notebooks" / "01-asteroid-belt.ipynb"))
    cells = [nbtools.source(c) for c in nb.cells if c.cell_type == "code"]
    shortcuts = []
    for exercise, kw, calls in _exercise_calls():
        called = {name for src in cells for name in re.findall(r"\bbelt\.(\w+)\(", src)}
        shortcuts += [
            (exercise, name) for name in sorted(called) if returns_an_answer(getattr(belt, name), exercise, kw, calls)
        ]
    plt.close("all")
    assert not shortcuts, f"shown before the exercise, these calls answer it: {sorted(set(shortcuts))}"


def test_no_cell_anywhere_calls_a_helper_that_places_the_exercise_3_resonance():
    """Exercise 3 asks for a resonance's distance. No code cell of the student version, before or after the
    exercise, calls a `utils.belt` function (public or private) that returns it from the exercise's inputs, and
    the helper that draws the histogram's lines leaves it out: copying any shown call gives no shortcut."""
    import re

    import matplotlib.pyplot as plt

    import nbtools
    from conftest import ROOT
    from utils import belt

    nb = nbtools.student_version(nbtools.read(ROOT / "notebooks" / "01-asteroid-belt.ipynb"))
    called = {
        name for c in nb.cells if c.cell_type == "code" for name in re.findall(r"\bbelt\.(\w+)\(", nbtools.source(c))
    }
    exercise, kw, calls = next(x for x in _exercise_calls() if x[0] == "01.3")
    shortcuts = sorted(name for name in called if returns_an_answer(getattr(belt, name), exercise, kw, calls))
    plt.close("all")
    assert not shortcuts, f"these calls in the student version answer exercise 3: {shortcuts}"
    assert f"{kw['p']}:{kw['q']}" not in belt.kirkwood_resonances(kw["a_jupiter"])


def test_no_public_name_in_utils_belt_names_a_mystery_object_or_its_group():
    """Exercises 1 and 2: Tab completion on `belt.` offers no function that returns a group passing the check
    from the object's (a, e), and no constant holding the objects' catalogue numbers."""
    import matplotlib.pyplot as plt

    from utils import belt
    from utils.data import load_catalogue

    cat = load_catalogue()
    numbers = {int(n) for n in np.ma.filled(cat["number"], 0)}
    found = []
    for exercise, label in (("01.1", "A"), ("01.2", "B")):
        a, e, _ = belt.mystery_orbit(cat, label)
        for name in (n for n in dir(belt) if not n.startswith("_")):
            obj = getattr(belt, name)
            if callable(obj) and not isinstance(obj, type):
                try:
                    result = obj(a, e)
                except Exception:
                    continue
                if isinstance(result, str) and check(exercise, result, a=a, e=e).ok:
                    found.append((exercise, name))
    for name in (n for n in dir(belt) if not n.startswith("_")):
        obj = getattr(belt, name)
        if isinstance(obj, dict) and set(obj) == {"A", "B"} and set(obj.values()) <= numbers:
            found.append(("01.1/01.2", name))
    plt.close("all")
    assert not found, f"public names of utils.belt answer exercises 1-2: {found}"


def test_lesson_writes_keplers_law_out_and_never_points_to_utils_orbits():
    """Lesson 01's student version neither calls nor names `utils.orbits` (its exercise 3 writes Kepler's
    third law out)."""
    import nbtools
    from conftest import ROOT

    nb = nbtools.student_version(nbtools.read(ROOT / "notebooks" / "01-asteroid-belt.ipynb"))
    sources = [nbtools.source(c) for c in nb.cells]
    assert not [i for i, src in enumerate(sources) if "utils.orbits" in src or "import orbits" in src]


def test_a_share_taken_the_wrong_way_round_is_called_so():
    """Exercise 7's n / V (and its cube root), and exercise 5's density divided by the volume: the hint names the
    division, not a distance left in the unit."""
    inputs = dict(n_asteroids=1e6, belt_volume=8e24 * u.km**3, n_catalogue=1000)
    for wrong in (1e6 / (8e24 * u.km**3), (1e6 / (8e24 * u.km**3)) ** (1 / 3)):
        result = check("01.7", wrong, **inputs)
        assert result.status == "incorrect" and "divided the wrong way" in result.message, wrong
        assert "distance is left" not in result.message
    rho, d = 2.162 * u.g / u.cm**3, 407.12 * u.km
    wrong = check("01.5", rho / (np.pi * d**3 / 6), diameter=d, density=rho)
    assert wrong.status == "incorrect" and "divided the density by the volume" in wrong.message
    assert "distance is left" not in wrong.message
    assert check("01.5", (rho * np.pi * d**3 / 6).to(u.kg), diameter=d, density=rho).ok


def test_one_figure_roundings_of_exercises_6_and_7_are_called_rounded():
    """A right answer rounded to one figure gets the rounding hint (not the generic one), in km and in AU."""
    from utils import belt

    moon, mass = 7.342e22 * u.kg, 2.39e21 * u.kg  # 30.7 belts per Moon
    assert "rounded to one figure" in check("01.6", 30, moon_mass=moon, belt_mass=mass).message
    assert "`int`" in check("01.6", 30, moon_mass=moon, belt_mass=mass).message  # 30 may be int(...), not a rounding
    inputs = dict(n_asteroids=1.2e6, belt_volume=7e25 * u.km**3, n_catalogue=1000)
    spacing = belt._mean_spacing(1.2e6, 7e25 * u.km**3)
    for unit in (u.km, u.AU):
        value = spacing.to_value(unit)
        one_figure = round(value, -int(np.floor(np.log10(value)))) * unit
        assert "rounded to one figure" in check("01.7", one_figure, **inputs).message, one_figure


def test_exercise_3_values_read_off_the_histogram_are_not_told_about_the_exponent():
    """Bin edges read off the widget (2.815, 2.8175 AU) and a four-figure value just outside the tolerance
    (2.8275 AU) are told to compute with Kepler's law, not that their exponent 0.67 is wrong or that they kept
    three figures; 0.67 itself and the three-figure values keep their own hints."""
    from utils.facts import fact

    a_j = fact("jupiter.a")
    inputs = dict(a_jupiter=a_j, p=5, q=2)
    for read_off in (2.815, 2.8175, 2.8275, 2.81625):
        result = check("01.3", read_off * u.AU, **inputs)
        assert result.status == "incorrect", read_off
        assert "0.67" not in result.message and "three figures" not in result.message, (read_off, result)
        assert "Kepler's law" in result.message and "four significant figures" in result.message
    assert "0.67" in check("01.3", a_j * 0.4**0.67, **inputs).message
    for rounded in (2.82, 2.83):
        assert "three figures" in check("01.3", rounded * u.AU, **inputs).message
    assert check("01.3", 2.8246 * u.AU, **inputs).ok


def test_exercise_3_input_errors_name_the_notebooks_variable():
    result = check("01.3", 2.8 * u.AU, a_jupiter=5.203, p=5, q=2)
    assert result.status == "invalid" and "a_jupiter" in result.message and "a_perturber" not in result.message


def test_exercise_3_cannot_be_read_off_a_public_helper():
    """Bisecting the belt split the notebook uses, or reading the lines any public `utils.resonance` helper draws
    with Jupiter's a, gives no value that passes exercise 3."""
    import inspect

    import matplotlib.pyplot as plt

    from utils import belt, resonance
    from utils.facts import fact

    a_j = fact("jupiter.a")
    inputs = dict(a_jupiter=a_j, p=5, q=2)
    lo, hi = 2.6, 2.95  # the outer belt's edge by bisection, to far better than the check's tolerance
    for _ in range(60):
        mid = (lo + hi) / 2
        lo, hi = (lo, mid) if belt.inner_and_outer_belt([mid] * u.AU)[1][0] else (mid, hi)
    assert not check("01.3", hi * u.AU, **inputs).ok, f"bisecting inner_and_outer_belt gives {hi:.6f} AU"
    found = []
    for name in (n for n in dir(resonance) if not n.startswith("_")):
        func = getattr(resonance, name)
        if not inspect.isfunction(func) or list(inspect.signature(func).parameters)[:2] != ["ax", "a_perturber"]:
            continue
        fig, ax = plt.subplots()
        try:
            func(ax, a_j)
        except Exception:
            plt.close(fig)
            continue
        xs = [x for line in ax.lines for x in np.atleast_1d(line.get_xdata())]
        xs += [t.get_position()[0] for t in ax.texts]
        found += [(name, x) for x in xs if check("01.3", float(x) * u.AU, **inputs).ok]
        plt.close(fig)
    assert not found, f"public utils.resonance helpers draw exercise 3's answer: {found}"
    assert "mark_resonances" not in resonance.__all__ and not hasattr(resonance, "mark_resonances")


def _numbers_read_back(value, depth: int = 0) -> list[float]:
    """Every number in a helper's return value (a Quantity convertible to AU, a number, or a dict, list or tuple
    holding them), in AU: plain numbers are taken as AU, as a student would attach the unit."""
    if depth > 3:
        return []
    if isinstance(value, dict):
        return [x for v in value.values() for x in _numbers_read_back(v, depth + 1)]
    if isinstance(value, (list, tuple)):
        return [x for v in value for x in _numbers_read_back(v, depth + 1)]
    if isinstance(value, u.Quantity):
        return list(np.ravel(value.to_value(u.AU))) if value.unit.is_equivalent(u.AU) else []
    try:
        return [float(x) for x in np.ravel(np.asarray(value, dtype=float))]
    except (TypeError, ValueError):
        return []


def _numbers_drawn(figure) -> list[float]:
    """Every number a student can read back from a figure: each line's data, each text's position and each number
    written in a text, a title, an axis label or a legend."""
    import re

    found = []
    for ax in figure.axes:
        for line in ax.lines:
            for data in (line.get_xdata(), line.get_ydata()):
                found += _numbers_read_back(data)
        texts = [*ax.texts, ax.title, ax.xaxis.label, ax.yaxis.label]
        texts += ax.get_legend().get_texts() if ax.get_legend() else []
        for t in texts:
            found += _numbers_read_back(t.get_position())
            found += [float(x) for x in re.findall(r"\d+\.\d+|\d+", t.get_text().replace(",", ""))]
    return found


@pytest.mark.parametrize("module_name", ["resonance", "orbits"])
def test_no_public_function_of_resonance_or_orbits_returns_or_draws_exercise_3(module_name):
    """Exercise 3 asks where the 5:2 lies. No public callable of `utils.resonance` or `utils.orbits` (what Tab
    completion offers), called with `a_jupiter` (with 5 and 2, the pair, or a catalogue and bins where it draws a
    histogram), returns or draws a value that passes: the resonance lines are drawn to 0.01 AU only."""
    import importlib
    import inspect

    import matplotlib.pyplot as plt

    from utils.facts import fact

    module = importlib.import_module(f"utils.{module_name}")
    a_j = fact("jupiter.a")
    inputs = dict(a_jupiter=a_j, p=5, q=2)
    target = _expected_answer("01.3", **inputs).to_value(u.AU)
    fillers = dict(
        a_real=np.linspace(2.0, 3.5, 301), bins=np.arange(2.0, 3.5001, 0.02), title="t", p=5, q=2, n=12,
        resonances=((5, 2),), candidates=((5, 2),),
    )  # fmt: skip
    lengths = {"a", "a_perturber", "a_jupiter", "r", "r_orbit"}
    found = []
    for name in (n for n in dir(module) if not n.startswith("_")):
        func = getattr(module, name)
        if not callable(func):
            continue
        try:
            params = list(inspect.signature(func).parameters.values())
        except (TypeError, ValueError):
            continue
        first_ax = bool(params) and params[0].name == "ax"
        calls = [(a_j,), (a_j, 5, 2), (a_j, 2, 5), (a_j, (5, 2)), (a_j, ((5, 2),))]
        required = [p for p in params if p.default is p.empty and p.kind is p.POSITIONAL_OR_KEYWORD]
        calls = [("ax", *args) for args in calls] if first_ax else calls
        if all(p.name in lengths or p.name in fillers or p.name == "ax" for p in required):
            calls.append(tuple(a_j if p.name in lengths else fillers.get(p.name, p.name) for p in required))
        for args in calls:
            plt.close("all")
            args = tuple(plt.subplots()[1] if isinstance(x, str) and x == "ax" else x for x in args)
            try:
                result = func(*args)
            except Exception:
                continue
            values = _numbers_read_back(result)
            for number in plt.get_fignums():
                values += _numbers_drawn(plt.figure(number))
            near = {x for x in values if np.isfinite(x) and abs(x / target - 1) < 0.01}
            found += [(name, x) for x in sorted(near) if check("01.3", x * u.AU, **inputs).ok]
    plt.close("all")
    assert not found, f"public utils.{module_name} callables give exercise 3's answer: {sorted(set(found))}"


def test_gap_counts_skip_an_exercise_3_entry_that_is_not_a_length(capsys):
    """Going further says "run `resonances[exercise_3] = answer_3`": done before exercise 3 is solved (`...`) or
    with a plain number, the gap-count cell prints a note for that entry instead of a traceback."""
    import nbtools
    from conftest import ROOT
    from notebook_namespace import namespace_until

    ns, _ = namespace_until("01-asteroid-belt.ipynb", "just inside", before=True)
    nb = nbtools.read(ROOT / "notebooks" / "01-asteroid-belt.ipynb")
    cell = next(nbtools.source(c) for c in nb.cells if c.cell_type == "code" and "just inside" in nbtools.source(c))
    for answer in (..., 2.8246):
        capsys.readouterr()
        run = {**ns, "resonances": {**ns["resonances"], ns["exercise_3"]: answer}}
        exec(compile(cell, "gap counts", "exec"), run)
        out = capsys.readouterr().out
        assert "skipped, solve exercise 3 first" in out and out.count("within 0.01 AU") == 4, out


def test_spacing_cut_short_at_two_figures_gets_the_rounding_hint():
    """Exercise 7 asks for two significant figures: 3.89e6 km cut to 3.8e6 (2.3 % off) is told it was cut, not
    sent back to the volume sharing; rounded right, it passes. The same in AU."""
    inputs = dict(n_asteroids=1.2e6, belt_volume=7.06e25 * u.km**3, n_catalogue=1000)
    spacing = (7.06e25 / 1.2e6) ** (1 / 3)  # 3.889e6 km, by hand
    assert abs(_expected_answer("01.7", **inputs).to_value(u.km) / spacing - 1) < 1e-9
    for unit, cut, rounded in ((u.km, 3.8e6, 3.9e6), (u.AU, 0.025, 0.026)):
        result = check("01.7", cut * unit, **inputs)
        assert result.status == "incorrect" and "cut short rather than rounded" in result.message, (unit, result)
        assert "Share the volume out" not in result.message
        assert check("01.7", rounded * unit, **inputs).ok


@pytest.mark.parametrize("word", ["Kuiper belt", "kuiper belt object", "KBO"])
def test_kuiper_belt_names_the_trans_neptunian_group(word):
    """The Kuiper belt is the best-known part of the trans-Neptunian region: the word is right for a Kuiper belt
    orbit and, for a centaur, gets the trans-Neptunian hint instead of a list of the choices."""
    assert check("01.1", word, a=45.4 * u.AU, e=0.16).ok  # (136472) Makemake
    result = check("01.1", word, a=13.69 * u.AU, e=0.379)  # (2060) Chiron, a centaur
    assert result.status == "incorrect" and "beyond Neptune" in result.message


def test_diameter_multiplied_by_the_albedo_root_is_told_brighter_means_smaller():
    H, p = 5.6 * u.mag, 0.0717
    wrong = 1329 * u.km * np.sqrt(p) * 10 ** (-5.6 / 5)  # 27 km: times sqrt(p) instead of divided by it
    result = check("01.4", wrong, H=H, albedo=p)
    assert result.status == "incorrect" and "smaller body" in result.message


def test_spacing_rounding_hints_fire_only_for_the_rounding_itself():
    """The one-figure and cut-short hints match their own numbers exactly, in km or in AU: 4.4e6 km is not
    0.03 AU "rounded to one figure" (it is 13 % off), nor is 3.7e6 km the right spacing "cut short"."""
    inputs = dict(n_asteroids=1.2e6, belt_volume=7.06e25 * u.km**3, n_catalogue=1000)
    for wrong in (4.4e6 * u.km, 4.5e6 * u.km, 0.027 * u.AU, 3.7e6 * u.km):
        message = check("01.7", wrong, **inputs).message
        assert "rounded to one figure" not in message and "cut short" not in message, (wrong, message)
    for one_figure in (4e6 * u.km, 0.03 * u.AU):
        assert "rounded to one figure" in check("01.7", one_figure, **inputs).message


def test_a_round_guess_in_earth_moon_distances_does_not_pass_exercise_7():
    """Exercise 7 asks for a guess in Earth-Moon distances first: ten of them (1 % off the spacing) is that guess,
    not the computation, so it must not pass; the two-figure answer, in km or AU, still does."""
    from utils.facts import fact

    inputs = dict(n_asteroids=1.2e6, belt_volume=7.06e25 * u.km**3, n_catalogue=1000)
    spacing = _expected_answer("01.7", **inputs)
    guess = 10 * fact("moon.a")
    assert 0.008 < abs((guess / spacing).to_value(u.one) - 1) < 0.02
    assert not check("01.7", guess, **inputs).ok
    assert check("01.7", float(f"{spacing.to_value(u.km):.2g}") * u.km, **inputs).ok
    assert check("01.7", float(f"{spacing.to_value(u.AU):.2g}") * u.AU, **inputs).ok


def test_exercise_3_number_in_another_length_unit_gets_a_unit_hint():
    """2.825 m or 2.825 km has the right number but the wrong unit: say so, not the generic Kepler hint."""
    inputs = dict(a_jupiter=5.2034 * u.AU, p=5, q=2)
    number = _expected_answer("01.3", **inputs).to_value(u.AU)
    for unit in (u.m, u.km):
        result = check("01.3", round(number, 4) * unit, **inputs)
        assert result.status == "incorrect" and "unit" in result.message and "Kepler" not in result.message


def test_exercise_8_off_by_ten_gets_a_powers_of_ten_hint():
    inputs = dict(n_asteroids=1.2e6, belt_volume=7e25 * u.km**3, distance=384400 * u.km, path_length=1.81e8 * u.km)
    expected = _expected_answer("01.8", **inputs)
    for wrong in (10 * expected, expected / 10):
        result = check("01.8", float(f"{wrong:.2g}"), **inputs)
        assert result.status == "incorrect" and "factor of about 10" in result.message, (wrong, result.message)


def test_mass_with_another_diameter_than_the_measured_one_names_d_hygiea():
    import utils
    from utils.facts import fact

    cat = utils.load_catalogue()
    hygiea = cat[cat["name"] == "Hygiea"][0]
    inputs = dict(diameter=hygiea["diameter"].unmasked, density=fact("ceres.density"))

    def mass(d):
        return (inputs["density"] * np.pi * d**3 / 6).to(u.kg)

    assert check("01.5", mass(inputs["diameter"]), **inputs).ok
    k = 2 * u.AU * 10 ** (fact("sun.v_apparent").to_value(u.mag) / 5)  # K = 2 AU 10^(V_sun / 5), by hand
    from_h = (k / np.sqrt(float(hygiea["albedo"])) * 10 ** (-hygiea["H"].to_value(u.mag) / 5)).to(u.km)
    for d in (from_h, 2 * fact("hygiea.radius")):  # exercise 4's diameter; the imaged one (VLT/SPHERE)
        result = check("01.5", mass(d), **inputs)
        assert result.status == "incorrect" and "d_hygiea" in result.message and "close" not in result.message
    assert "d_hygiea" not in check("01.5", mass(300 * u.km), **inputs).message  # a wrong guess gets the method


def test_ten_earth_moon_distances_is_called_a_round_guess():
    from utils.facts import fact

    inputs = dict(n_asteroids=fact("belt.n_larger_1km"), belt_volume=2.3e25 * u.km**3, n_catalogue=2300)
    result = check("01.7", 10 * fact("moon.a"), **inputs)
    assert result.status == "incorrect" and "round guess" in result.message
    computed = ((inputs["belt_volume"] / inputs["n_asteroids"]) ** (1 / 3)).to(u.km)
    assert check("01.7", computed, **inputs).ok


def test_near_earth_asteroid_is_a_fair_word():
    ganymed = dict(a=2.666 * u.AU, e=0.533)
    assert check("01.2", "near-Earth asteroid", **ganymed).ok
    assert check("01.2", "near-Earth asteroids", **ganymed).ok
