"""The plotting style (utils.style)."""

from __future__ import annotations

import matplotlib
import pytest

from utils import style


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
