"""Quantity validation and the plotting style."""
from __future__ import annotations

import astropy.units as u
import matplotlib
import pytest

from utils import style
from utils.units import require


def test_require_accepts_any_compatible_unit():
    assert require(2 * u.AU, u.km, "a") == 2 * u.AU


@pytest.mark.parametrize("value, err, words", [
    (3.0, u.UnitsError, "needs a unit of length"),
    (3 * u.kg, u.UnitsError, "must be a length"),
    (-3 * u.km, ValueError, "positive"),
    (float("nan") * u.km, ValueError, "finite"),
])
def test_require_rejects_with_clear_message(value, err, words):
    with pytest.raises(err, match=words):
        require(value, u.km, "a", positive=True)


def test_require_nonnegative():
    assert require(0 * u.kg, u.kg, "m", nonnegative=True) == 0 * u.kg
    with pytest.raises(ValueError, match="cannot be negative"):
        require(-1 * u.kg, u.kg, "m", nonnegative=True)


def test_style_applies_and_never_uses_latex():
    matplotlib.use("Agg")
    style.use()
    import matplotlib.pyplot as plt

    assert plt.rcParams["text.usetex"] is False
    colours = [c["color"] for c in plt.rcParams["axes.prop_cycle"]]
    assert colours[0] == style.OKABE_ITO["blue"]
    assert len(set(colours)) == len(colours)
    assert plt.rcParams["font.size"] >= 11


def test_body_style_pairs_colour_with_marker_and_line():
    s = style.body_style("ceres")
    assert s["color"] == style.PALETTE["ceres"] and s["marker"] and s["linestyle"]
    with pytest.raises(ValueError, match="known bodies"):
        style.body_style("pluto")


def test_no_two_bodies_share_a_marker_and_earth_and_ceres_differ_in_line_style():
    markers = [style.body_style(b)["marker"] for b in style.PALETTE]
    assert len(set(markers)) == len(markers), markers
    assert style.body_style("earth")["linestyle"] != style.body_style("ceres")["linestyle"]
    assert style.body_style("ceres")["marker"] == "p"          # the pentagon the lesson captions name
