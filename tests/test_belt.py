"""The asteroid-belt helpers of lesson 01 (utils.belt)."""

from __future__ import annotations

import astropy.units as u
import matplotlib.colors
import numpy as np
import pytest
from astropy.table import QTable
from astropy.utils.masked import Masked
from hypothesis import given, settings
from hypothesis import strategies as st

from utils import belt
from utils.data import load_catalogue
from utils.facts import fact

# --- size from H and albedo -------------------------------------------------------------


def test_diameter_constant_from_the_suns_magnitude():
    # K = 2 AU 10^(V_sun/5); the literature value is 1329 km for V_sun = -26.762
    assert belt.diameter_constant(-26.762 * u.mag).to_value(u.km) == pytest.approx(1329, abs=0.5)
    assert belt.diameter_constant().to_value(u.km) == pytest.approx(
        belt.diameter_constant(fact("sun.v_apparent")).to_value(u.km)
    )
    # one magnitude brighter Sun -> K larger by 10^(1/5)
    ratio = belt.diameter_constant(-27.762 * u.mag) / belt.diameter_constant(-26.762 * u.mag)
    assert ratio.to_value(u.one) == pytest.approx(10 ** (-1 / 5))


def test_diameter_worked_example_by_hand():
    # H = 0, p = 1: D = K exactly; H = 5, p = 0.25: D = K / 0.5 / 10
    K = 1329 * u.km
    assert belt._diameter_from_h(0 * u.mag, 1.0, K).to_value(u.km) == pytest.approx(1329)
    assert belt._diameter_from_h(5.0, 0.25, K).to_value(u.km) == pytest.approx(265.8)


@settings(max_examples=200, deadline=None)
@given(st.floats(-2, 25), st.floats(0.01, 1.0))
def test_h_and_diameter_are_inverse(H, p):
    D = belt._diameter_from_h(H * u.mag, p)
    assert belt.h_from_diameter(D, p).to_value(u.mag) == pytest.approx(H, abs=1e-9)


@settings(max_examples=100, deadline=None)
@given(st.floats(0, 20), st.floats(0.01, 0.5))
def test_five_magnitudes_is_a_factor_ten_and_four_times_albedo_halves(H, p):
    d = belt._diameter_from_h(H, p)
    assert (belt._diameter_from_h(H + 5, p) / d).to_value(u.one) == pytest.approx(0.1)
    assert (belt._diameter_from_h(H, 4 * p) / d).to_value(u.one) == pytest.approx(0.5)


def test_ceres_size_from_its_h_and_albedo():
    cat = load_catalogue()
    ceres = cat[cat["name"] == "Ceres"][0]
    d = belt._diameter_from_h(ceres["H"], ceres["albedo"].unmasked)
    # the formula reproduces the measured mean diameter (939.4 km) to a few per cent
    assert d.to_value(u.km) == pytest.approx(ceres["diameter"].unmasked.to_value(u.km), rel=0.03)


@pytest.mark.parametrize("albedo", [0, -0.1, 9, np.nan])
def test_bad_albedo_is_refused(albedo):
    with pytest.raises(ValueError, match="albedo"):
        belt._diameter_from_h(10, albedo)


def test_a_geometric_albedo_above_one_is_physics():
    # Enceladus' geometric albedo is about 1.4: allowed, and brighter means smaller for the same H
    assert belt._diameter_from_h(10, 1.4) < belt._diameter_from_h(10, 0.9)


def test_bad_units_are_refused_with_a_clear_message():
    with pytest.raises(u.UnitsError, match="H must be a magnitude"):
        belt._diameter_from_h(10 * u.km, 0.1)
    with pytest.raises(u.UnitsError, match="albedo"):
        belt._diameter_from_h(10, 0.1 * u.km)
    with pytest.raises(TypeError, match="magnitude"):
        belt._diameter_from_h("ten", 0.1)
    with pytest.raises(u.UnitsError, match="diameter"):
        belt.h_from_diameter(10, 0.1)


# --- mass, volume, spacing, encounters ----------------------------------------------------


def test_sphere_mass_of_ceres_matches_its_measured_mass():
    d = 2 * fact("ceres.radius")
    m = belt._sphere_mass(d, fact("ceres.density"))
    assert m.to_value(u.kg) == pytest.approx(fact("ceres.mass").to_value(u.kg), rel=0.01)


def test_sphere_mass_refuses_nonsense():
    with pytest.raises(ValueError, match="density must be positive"):
        belt._sphere_mass(10 * u.km, -1 * u.g / u.cm**3)
    with pytest.raises(u.UnitsError, match="density"):
        belt._sphere_mass(10 * u.km, 2 * u.kg)


def test_ring_volume_by_hand_and_errors():
    v = belt.ring_volume(1 * u.AU, 2 * u.AU, 0.5 * u.AU)
    assert v.to_value(u.AU**3) == pytest.approx(3 * np.pi)
    with pytest.raises(ValueError, match="larger than r_inner"):
        belt.ring_volume(3 * u.AU, 2 * u.AU, 0.5 * u.AU)
    with pytest.raises(ValueError, match="half_thickness must be positive"):
        belt.ring_volume(1 * u.AU, 2 * u.AU, 0 * u.AU)


@settings(max_examples=100, deadline=None)
@given(st.floats(1, 1e9), st.floats(1e-3, 1e3))
def test_spacing_cubed_times_n_is_the_volume(n, side_km):
    volume = n * (side_km * u.km) ** 3
    assert belt._mean_spacing(n, volume).to_value(u.km) == pytest.approx(side_km, rel=1e-9)


def test_spacing_scales_as_inverse_cube_root():
    v = 1e25 * u.km**3
    assert (belt._mean_spacing(8e6, v) / belt._mean_spacing(1e6, v)).to_value(u.one) == pytest.approx(0.5)
    for bad in (0, -5, "many", True, np.nan):
        with pytest.raises(ValueError, match="n_objects"):
            belt._mean_spacing(bad, v)


def test_encounters_cylinder_by_hand():
    # 1 per 1000 km^3, within 10 km, over 100 km: pi * 100 * 100 / 1000 = 10 pi
    n = belt._expected_encounters(1e-3 / u.km**3, 10 * u.km, 100 * u.km)
    assert n.unit == u.one and n.value == pytest.approx(10 * np.pi)
    assert belt._expected_encounters(1e-3 / u.km**3, 0 * u.km, 100 * u.km).value == 0
    with pytest.raises(u.UnitsError, match="number_density"):
        belt._expected_encounters(1e-3, 10 * u.km, 100 * u.km)


@settings(max_examples=100, deadline=None)
@given(st.floats(1e-25, 1e-15), st.floats(1, 1e7), st.floats(1, 1e9))
def test_encounters_grow_with_the_square_of_distance(n, d, L):
    one = belt._expected_encounters(n / u.km**3, d * u.km, L * u.km)
    two = belt._expected_encounters(n / u.km**3, 2 * d * u.km, L * u.km)
    assert (two / one).to_value(u.one) == pytest.approx(4)


# --- resonances ---------------------------------------------------------------------------


def test_kirkwood_resonances_match_kepler_and_are_ordered():
    res = belt._kirkwood_resonances(5.203 * u.AU)
    assert list(res) == ["4:1", "3:1", "5:2", "7:3", "2:1"]
    a = np.array([r.to_value(u.AU) for r in res.values()])
    assert np.all(np.diff(a) > 0)
    assert res["3:1"].to_value(u.AU) == pytest.approx(5.203 * 3 ** (-2 / 3))
    assert res["2:1"].to_value(u.AU) == pytest.approx(3.28, abs=0.005)
    # default: Jupiter's sourced semi-major axis
    assert belt.kirkwood_resonances()["3:1"].to_value(u.AU) == pytest.approx(
        fact("jupiter.a").to_value(u.AU) * 3 ** (-2 / 3)
    )
    # the public helper gives the marked lines only: the same values, without the 5:2
    marked = belt.kirkwood_resonances(5.203 * u.AU)
    assert list(marked) == ["4:1", "3:1", "7:3", "2:1"]
    assert all(marked[k] == res[k] for k in marked)


def test_kirkwood_resonance_bad_ratio():
    with pytest.raises(ValueError, match="p > q"):
        belt._kirkwood_resonances(5.2 * u.AU, ratios=[(1, 2)])


# --- selection helpers on the real catalogue ----------------------------------------------


@pytest.fixture(scope="module")
def cat():
    return load_catalogue()


def test_class_groups_cover_the_catalogue(cat):
    groups = belt.class_group(cat["class"])
    assert len(groups) == len(cat)
    main = belt.is_main_belt(cat["class"])
    assert np.array_equal(main, groups == "main belt")
    # main-belt orbits lie between Mars and Jupiter
    a = cat["a"][main].to_value(u.AU)
    assert a.min() > fact("mars.a").to_value(u.AU) and a.max() < fact("jupiter.a").to_value(u.AU)
    assert set(groups[cat["class"] == "TJN"]) == {"Jupiter Trojans"}


def test_best_diameters_uses_measurements_first(cat):
    d, measured = belt._best_diameters(cat, 0.1)
    assert np.all(np.isfinite(d.value)) and np.all(d.value > 0)
    known = ~cat["diameter"].mask
    assert np.array_equal(measured, known)
    assert np.allclose(d[known].to_value(u.km), cat["diameter"][known].unmasked.to_value(u.km))
    est = belt._diameter_from_h(cat["H"][~known], 0.1)
    assert np.allclose(d[~known].to_value(u.km), est.to_value(u.km))


def test_best_diameters_with_a_small_masked_table():
    t = QTable()
    t["H"] = [5.0, 10.0] * u.mag
    t["diameter"] = Masked([100.0, 0.0] * u.km, mask=[False, True])
    d, measured = belt._best_diameters(t, 0.25, K=1329 * u.km)
    assert measured.tolist() == [True, False]
    assert d[1].to_value(u.km) == pytest.approx(1329 / 0.5 * 1e-2)
    with pytest.raises(ValueError, match="'diameter' column"):
        belt._best_diameters(QTable({"H": [1.0] * u.mag}), 0.1)


def test_largest_puts_ceres_first(cat):
    main = belt.is_main_belt(cat["class"])
    top = belt.largest(cat[main], 4)
    assert list(top["name"]) == ["Ceres", "Vesta", "Pallas", "Hygiea"]
    with pytest.raises(ValueError, match="positive whole number"):
        belt.largest(cat, 0)
    with pytest.raises(ValueError, match="rows"):
        belt.largest(cat, 3, [1.0, 2.0] * u.km)


def test_draw_kirkwood_makes_bars_lines_and_labels():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    a = np.array([2.2, 2.3, 2.7, 3.1])
    counts, edges = np.histogram(a, bins=np.arange(2.0, 3.5, 0.1))
    fig, ax = plt.subplots()
    belt.draw_kirkwood(ax, a, counts, edges, belt._kirkwood_resonances(5.2 * u.AU))
    assert [t.get_text() for t in ax.texts] == ["4:1", "3:1", "5:2", "7:3", "2:1"]
    assert ax.get_ylim()[1] > counts.max()
    plt.close(fig)


def test_kirkwood_figure_updates_in_place_and_renders():
    res = belt._kirkwood_resonances(5.2 * u.AU)
    gaps = belt.KirkwoodFigure(res, (2.0, 3.5))
    fig_id = id(gaps.figure)
    for counts, edges in [
        np.histogram([2.2, 2.7, 3.1], bins=np.arange(2.0, 3.55, 0.1)),
        np.histogram(np.linspace(2.1, 3.4, 500), bins=np.arange(2.0, 3.505, 0.005)),
    ]:
        gaps.update(counts, edges)
        top = counts.max()
        assert gaps.ax.get_ylim()[1] == pytest.approx(1.15 * top)
        assert [t.get_position()[1] for t in gaps.artists["labels"]] == pytest.approx([1.05 * top] * 5)
        heights = [seg[:, 1].max() for seg in gaps.artists["lines"].get_segments()]
        assert heights == pytest.approx([1.04 * top] * 5)
        assert gaps.legend.get_texts()[0].get_text() == f"{counts.sum():,} objects"
        assert gaps.artists["bars"].get_data().values.tolist() == counts.tolist()
        png = gaps._repr_png_()
        assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 1000
    assert id(gaps.figure) == fig_id and len(gaps.figure.axes) == 1
    gaps.update(np.zeros(3, dtype=int), np.array([2.0, 2.5, 3.0, 3.5]))  # an empty selection still draws
    assert gaps.ax.get_ylim()[1] > 0 and gaps._repr_png_()


def test_kirkwood_figure_refuses_mismatched_input():
    gaps = belt.KirkwoodFigure(belt.kirkwood_resonances(5.2 * u.AU), (2.0, 3.5))
    with pytest.raises(ValueError, match="one more edge"):
        gaps.update(np.ones(3), np.arange(3.0))
    with pytest.raises(ValueError, match="negative"):
        gaps.update(-np.ones(2), np.arange(3.0))
    with pytest.raises(ValueError, match="low < high"):
        belt.KirkwoodFigure(belt.kirkwood_resonances(5.2 * u.AU), (3.5, 2.0))


def test_apparent_magnitude_by_hand_and_inverse_square():
    # at 1 AU from the Sun and from the observer, V = H
    assert belt.apparent_magnitude(7 * u.mag, 1 * u.AU, 1 * u.AU).to_value(u.mag) == pytest.approx(7)
    # Ceres at opposition: 3.34 + 5 log10(2.77 * 1.77) = 6.79, worked by hand
    assert belt.apparent_magnitude(3.34 * u.mag, 2.77 * u.AU, 1.77 * u.AU).to_value(u.mag) == pytest.approx(
        6.79, abs=0.01
    )
    # ten times farther from the observer: 100 times fainter, 5 magnitudes
    v1 = belt.apparent_magnitude(10.0, 2.5 * u.AU, 0.1 * u.AU)
    v2 = belt.apparent_magnitude(10.0, 2.5 * u.AU, 1.0 * u.AU)
    assert (v2 - v1).to_value(u.mag) == pytest.approx(5)
    assert belt.apparent_magnitude(10.0, 1.5e8 * u.km, 1.5e8 * u.km).unit == u.mag


def test_apparent_magnitude_refuses_bad_input():
    with pytest.raises(u.UnitsError, match="r"):
        belt.apparent_magnitude(7 * u.mag, 2.5, 1 * u.AU)
    with pytest.raises(u.UnitsError):
        belt.apparent_magnitude(7 * u.mag, 2.5 * u.AU, 1 * u.kg)
    with pytest.raises(ValueError, match="delta"):
        belt.apparent_magnitude(7 * u.mag, 2.5 * u.AU, -1 * u.AU)
    with pytest.raises(TypeError, match="magnitude"):
        belt.apparent_magnitude("bright", 2.5 * u.AU, 1 * u.AU)


def test_albedo_as_text_and_jupiter_without_unit_get_clear_messages():
    with pytest.raises(TypeError, match="geometric albedo such as 0.09"):
        belt._diameter_from_h(5, "0.1")
    with pytest.raises(u.UnitsError, match="a_jupiter"):
        belt.kirkwood_resonances(5.2)


@given(st.floats(-5, 30), st.floats(0.1, 50), st.floats(1e-4, 50), st.floats(1.01, 1000))
@settings(max_examples=50, deadline=None)
def test_apparent_magnitude_follows_the_inverse_square_law(H, r, delta, k):
    # k times farther from the observer (or from the Sun): k^2 less light, 5 log10(k) magnitudes fainter
    v = belt.apparent_magnitude(H, r * u.AU, delta * u.AU).to_value(u.mag)
    farther = belt.apparent_magnitude(H, r * u.AU, k * delta * u.AU).to_value(u.mag)
    from_sun = belt.apparent_magnitude(H, k * r * u.AU, delta * u.AU).to_value(u.mag)
    assert farther - v == pytest.approx(5 * np.log10(k), abs=1e-9)
    assert from_sun == pytest.approx(farther, abs=1e-9)


def test_mystery_orbit_hands_over_a_e_and_i_only():
    cat = load_catalogue()
    for label, number in belt._MYSTERY_OBJECTS.items():
        row = cat[cat["number"] == number]
        assert belt.mystery_orbit(cat, label) == (row["a"][0], row["e"][0], row["i"][0])
    assert belt.mystery_orbit(cat, number=617)[0] == cat[cat["number"] == 617]["a"][0]
    for bad in ({}, {"label": "C"}, {"label": "A", "number": 617}, {"number": -5}):
        with pytest.raises(ValueError):
            belt.mystery_orbit(cat, **bad)


def test_inner_and_outer_belt_split_at_the_3_1_and_5_2_and_return_only_masks():
    from utils.facts import fact

    res = belt._kirkwood_resonances(fact("jupiter.a"))
    a = np.array([2.2, 2.49, 2.51, 2.81, 2.83, 3.2]) * u.AU
    inner, outer = belt.inner_and_outer_belt(a)
    assert inner.dtype == bool and outer.dtype == bool
    assert inner.tolist() == (a < res["3:1"]).tolist() == [True, True, False, False, False, False]
    assert outer.tolist() == (a > res["5:2"]).tolist()
    with pytest.raises((ValueError, u.UnitsError)):
        belt.inner_and_outer_belt([2.5] * u.s)


def test_inner_and_outer_belt_splits_the_catalogue_as_the_exact_resonances_do():
    """The boundaries, rounded to 0.01 AU, still lie inside the gaps: not one catalogue object changes side."""
    from utils.data import load_catalogue
    from utils.facts import fact

    a = load_catalogue()["a"]
    res = belt._kirkwood_resonances(fact("jupiter.a"))
    inner, outer = belt.inner_and_outer_belt(a)
    assert inner.tolist() == (a < res["3:1"]).tolist()
    assert outer.tolist() == (a > res["5:2"]).tolist()


def test_orbit_group_styles_one_marker_and_colour_per_group_none_a_body_colour():
    from utils.style import PALETTE

    styles = belt.orbit_group_styles()
    assert list(styles) == list(belt.CLASS_GROUPS)
    assert len({s["marker"] for s in styles.values()}) == len(styles)
    colours = [s.get("color", s.get("edgecolors")) for s in styles.values()]
    assert len(set(colours)) == len(colours)
    bodies = {c for name, c in PALETTE.items() if name != "belt"}
    assert not bodies & set(colours)
    assert styles["main belt"]["color"] == PALETTE["belt"]
    assert styles["Jupiter Trojans"]["facecolors"] == "none"
    # the Trojans' markers sit on Jupiter's orange line: their colour must stay far from it
    trojan, jupiter = (
        np.array(matplotlib.colors.to_rgb(c)) for c in (styles["Jupiter Trojans"]["edgecolors"], PALETTE["jupiter"])
    )
    assert np.linalg.norm(trojan - jupiter) > 0.6


def test_orbit_map_plots_every_group_counts_the_far_objects_and_draws_the_planets(cat):
    import matplotlib.pyplot as plt

    from utils.style import PALETTE

    fig, alt = belt.plot_orbit_map(cat, {"mars": fact("mars.a"), "jupiter": fact("jupiter.a")})
    try:
        groups = belt.class_group(cat["class"])
        _, labels = fig.axes[0].get_legend_handles_labels()
        expected = [f"{g} ({np.sum(groups == g):,})" for g in belt.CLASS_GROUPS if np.any(groups == g)]
        assert labels == expected + ["Mars", "Jupiter"]  # every group with its count, then the planets' orbits
        n_far = int(np.sum(cat["a"] > 100 * u.AU))
        assert f"{n_far} beyond 100 AU not shown" in fig._suptitle.get_text()
        assert f"({n_far} more beyond 100 AU, off the plot)" in alt
        for ax in fig.axes[:2]:
            lines = {line.get_label(): line for line in ax.get_lines()}
            for body in ("mars", "jupiter"):
                line = lines[body.capitalize()]
                assert matplotlib.colors.same_color(line.get_color(), PALETTE[body])
                # named on the plot too, in its colour, beside its line: not told apart by hue and dashes alone
                (name,) = [t for t in ax.texts if t.get_text() == body.capitalize()]
                assert matplotlib.colors.same_color(name.get_color(), PALETTE[body]) and name.get_fontsize() >= 9
                assert name.get_position()[0] == pytest.approx(line.get_xdata()[0], rel=0.05)
                assert line.get_xdata()[0] == pytest.approx(fact(f"{body}.a").to_value(u.AU))
        with pytest.raises(ValueError, match="planets"):
            belt.plot_orbit_map(cat[:10], {"pluto-ish": 40 * u.AU})
        with pytest.raises(ValueError, match="'i'"):
            belt.plot_orbit_map(cat[:10]["class", "a", "e"], {"mars": 1.5 * u.AU})
    finally:
        plt.close("all")


def test_albedo_histograms_add_up_to_one_per_group_and_mark_ceres_and_vesta():
    import matplotlib.pyplot as plt

    from utils.style import PALETTE

    albedo = np.array([0.04, 0.05, np.nan, 0.06, 0.25, 0.3])
    inner = np.array([False, False, False, False, True, True])
    fig, alt = belt.plot_albedo_histograms(albedo, inner, ~inner, 0.09, 0.42)
    try:
        ax = fig.axes[0]
        labels = [t.get_text() for t in ax.get_legend().get_texts()]
        assert labels[:2] == ["inner belt (a < 3:1): 2 objects", "outer belt (a > 5:2): 3 objects"]  # nan dropped
        for patch in ax.patches[:2]:  # each step outline encloses bars that add up to 1
            heights = patch.get_path().vertices[:, 1]
            assert heights.max() <= 1 and np.isclose(heights[1:-1:2].sum(), 1)
        lines = {line.get_label(): line for line in ax.get_lines()}
        assert lines["Ceres"].get_xdata()[0] == 0.09 and lines["Vesta"].get_xdata()[0] == 0.42
        assert matplotlib.colors.same_color(lines["Ceres"].get_color(), PALETTE["ceres"])
        assert "Ceres' albedo" in alt and "Vesta's" in alt
        with pytest.raises(ValueError, match="inner"):
            belt.plot_albedo_histograms(albedo, inner[:3], ~inner, 0.09, 0.42)
        with pytest.raises(ValueError, match="vesta"):
            belt.plot_albedo_histograms(albedo, inner, ~inner, 0.09, -0.4)
    finally:
        plt.close("all")


def test_fact_range_is_the_value_plus_and_minus_its_uncertainty():
    from utils.facts import uncertainty

    low, high = belt.fact_range("belt.n_larger_1km")
    n, sigma = fact("belt.n_larger_1km"), uncertainty("belt.n_larger_1km")
    assert (low, high) == (n - sigma, n + sigma) and low < n < high
    with pytest.raises(ValueError, match="uncertainty"):
        belt.fact_range("dawn.thrust")


def test_kirkwood_alt_text_counts_and_places_the_unmarked_resonance_without_its_distance():
    marked = {"3:1": 2.5 * u.AU, "7:3": 2.96 * u.AU, "2:1": 3.28 * u.AU}
    text = belt.kirkwood_alt_text([2.495, 2.503, 2.7, 3.0], marked, 5, 2)
    assert "3:1: 2; 7:3: 0; 2:1: 0" in text
    assert "between the 3:1 and the 7:3 lines: look there" in text
    assert "2.8" not in text  # the unmarked resonance's distance is never given
    few = belt.kirkwood_alt_text([], marked, 5, 2, state="few")
    assert few.endswith("the 7:3 lines.")
    assert "within 0.01 AU" not in few  # too few objects: no counts that would read as gaps found
    assert "beyond all the lines" in belt.kirkwood_alt_text([2.0], {"4:1": 2.06 * u.AU}, 5, 2)


@pytest.mark.parametrize(
    "kwargs",
    [
        dict(resonances={"three to one": 2.5 * u.AU}),
        dict(state="maybe"),
        dict(p=2, q=5),
    ],
)
def test_kirkwood_alt_text_rejects_bad_input_clearly(kwargs):
    args = dict(a_au=[2.2], resonances={"3:1": 2.5 * u.AU}, p=5, q=2) | kwargs
    with pytest.raises((ValueError, TypeError)):
        belt.kirkwood_alt_text(**args)


def test_kirkwood_figure_draw_fills_the_window_and_advises_within_the_sliders():
    gaps = belt.KirkwoodFigure({"3:1": 2.5 * u.AU, "2:1": 3.28 * u.AU}, (1.9, 3.6))
    a = np.linspace(1.95, 3.55, 3000)
    alt = gaps.draw(a, 0.03, 12.0, unmarked=(5, 2), slider_tops=(0.05, 12.0))
    edges = gaps.artists["bars"].get_data().edges
    assert edges[0] == pytest.approx(1.9) and edges[-1] == pytest.approx(3.6) and edges.size == 58
    assert gaps.ax.get_ylabel() == "objects per 0.0298 AU bin"  # 57 whole bins (1.7 / 57 AU), not 0.03 AU
    assert "in bins 0.0298 AU wide" in alt
    gaps.draw(a, 0.01, 12.0, unmarked=(5, 2))
    assert gaps.ax.get_ylabel() == "objects per 0.01 AU bin"  # no trailing zeros: the slider's own 0.01
    assert gaps.ax.get_title().endswith("H ≤ 12.0") and "3,000 catalogue objects" in alt
    assert "the 5:2 of exercise 3 is left unmarked" in alt and "look for the dips" in alt
    narrow = gaps.draw(a[:400], 0.0025, 9.0, unmarked=(5, 2), slider_tops=(0.05, 12.0))
    assert "400 objects in 680 bins" in narrow and "widen the bins, or raise the H cut" in narrow
    at_tops = gaps.draw(a[:400], 0.0025, 12.0, unmarked=(5, 2), slider_tops=(0.0025, 12.0))
    assert "chance dips look like gaps." in at_tops  # neither slider can help any more
    few = gaps.draw(a[:50], 0.05, 6.0, unmarked=(5, 2))
    assert "Only 50 objects are left" in few and "within 0.01 AU" not in few


@pytest.mark.parametrize(
    "kwargs",
    [dict(bin_width=0.0), dict(bin_width=-0.01), dict(unmarked=5), dict(unmarked=(2, 5)), dict(slider_tops=0.05)],
)
def test_kirkwood_figure_draw_rejects_bad_input_clearly(kwargs):
    gaps = belt.KirkwoodFigure({"3:1": 2.5 * u.AU}, (2.0, 3.5))
    args = dict(a_au=[2.2, 2.6], bin_width=0.01, h_max=12.0, unmarked=(5, 2)) | kwargs
    with pytest.raises((ValueError, TypeError)):
        gaps.draw(**args)


def test_size_distribution_counts_each_diameter_and_marks_the_cut_and_ceres():
    import matplotlib.pyplot as plt

    from utils.style import PALETTE

    fig, alt = belt.plot_size_distribution([50, np.nan, 900, 200] * u.km, 30 * u.km, 10 * u.km, 940 * u.km, "cut")
    try:
        ax = fig.axes[0]
        steps = ax.get_lines()[0]
        assert list(steps.get_xdata()) == [900, 200, 50] and list(steps.get_ydata()) == [1, 2, 3]  # nan dropped
        assert [t.get_text() for t in ax.get_legend().get_texts()][:2] == ["catalogue main belt", "cut"]
        band = ax.patches[0].get_extents().transformed(ax.transData.inverted())
        assert np.allclose([band.x0, band.x1], [10, 30])  # the band's edges, given in either order
        ceres = ax.get_lines()[1]
        assert ceres.get_xdata()[0] == 940 and matplotlib.colors.same_color(ceres.get_color(), PALETTE["ceres"])
        assert "3 objects at about 50 km" in alt and "Ceres' size" in alt
    finally:
        plt.close("all")
    with pytest.raises(ValueError, match="no finite value"):
        belt.plot_size_distribution([np.nan] * u.km, 1 * u.km, 2 * u.km, 940 * u.km, "cut")
    with pytest.raises(TypeError, match="band_label"):
        belt.plot_size_distribution([5] * u.km, 1 * u.km, 2 * u.km, 940 * u.km, 12)
    with pytest.raises(u.UnitsError):
        belt.plot_size_distribution([5] * u.s, 1 * u.km, 2 * u.km, 940 * u.km, "cut")
