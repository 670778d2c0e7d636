"""Pixel scale and the pixel-scale plot helper in utils.camera."""
from __future__ import annotations

import astropy.units as u
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from utils import camera  # noqa: E402

IFOV = 93.7 * u.urad


def test_pixel_scale_at_the_news_distance():
    # 4,500 miles = 7,242 km; 7,242 km x 93.7 urad = 0.679 km
    d = (4500 * u.imperial.mile).to(u.km)
    assert camera.pixel_scale(d, IFOV).to_value(u.km) == pytest.approx(0.6786, abs=1e-3)


def test_plot_pixel_scale_draws_the_line_marks_and_choice():
    fig, ax = plt.subplots()
    d = np.geomspace(20, 70000, 50) * u.km
    camera.plot_pixel_scale(ax, d, IFOV, marks={"LAMO": 385 * u.km, "Survey": 4400 * u.km}, current=7242 * u.km)
    lines = ax.get_lines()
    assert len(lines) == 3
    x, y = lines[0].get_data()
    assert np.allclose(y, x * 93.7e-6)                      # km per pixel = km x rad
    assert [t.get_text() for t in ax.texts] == ["LAMO", "Survey"]
    assert ax.get_xscale() == "log" and "km" in ax.get_xlabel() and "km" in ax.get_ylabel()
    plt.close(fig)
    fig, ax = plt.subplots()
    with pytest.raises(u.UnitsError, match="distances"):
        camera.plot_pixel_scale(ax, np.geomspace(1, 10, 5), IFOV)
    plt.close(fig)
