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
    assert np.allclose(y, x * 93.7e-6)  # km per pixel = km x rad
    assert [t.get_text() for t in ax.texts] == ["LAMO", "Survey"]
    assert ax.get_xscale() == "log" and "km" in ax.get_xlabel() and "km" in ax.get_ylabel()
    plt.close(fig)
    fig, ax = plt.subplots()
    with pytest.raises(u.UnitsError, match="distances"):
        camera.plot_pixel_scale(ax, np.geomspace(1, 10, 5), IFOV)
    plt.close(fig)


def test_orbit_labels_stay_off_the_pixel_scale_line():
    """No orbit's name is drawn across the line (lesson 04's five orbits, 35 km to 13,600 km)."""
    fig, ax = plt.subplots(figsize=(5, 3.6))
    marks = {"RC3": 13600 * u.km, "Survey": 4400 * u.km, "HAMO": 1470 * u.km, "LAMO": 385 * u.km, "XMO7": 35 * u.km}
    camera.plot_pixel_scale(ax, np.geomspace(20, 70000, 50) * u.km, IFOV, marks=marks)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    x = np.geomspace(20, 70000, 4000)
    line = ax.transData.transform(np.column_stack([x, x * IFOV.to_value(u.rad)]))
    for label in ax.texts:
        box = label.get_window_extent(renderer)
        inside = (box.x0 <= line[:, 0]) & (line[:, 0] <= box.x1) & (box.y0 <= line[:, 1]) & (line[:, 1] <= box.y1)
        assert not inside.any(), f"the label {label.get_text()!r} touches the line"
    plt.close(fig)


# ------------------------------------------------------------------ the Explore figure of lesson 04


def test_distance_view_texts_follow_the_slider(tmp_path):
    """Headline, note and alt text change with the chosen distance; the fixed layout survives a save."""
    from matplotlib.layout_engine import PlaceHolderLayoutEngine

    from utils.spotviews import DistanceView

    ifov = 93.7 * u.urad
    view = DistanceView(
        ifov,
        92 * u.km,
        10 * u.km,
        {"LAMO": 385 * u.km, "Survey": 4400 * u.km},
        np.geomspace(20, 70000, 60) * u.km,
        field=30 * u.km,
        names=("Occator", "the facula"),
    )
    headlines = {}
    for d in (61000, 7242, 2700, 385, 30):
        fig = view.draw(d).figure
        head = fig.texts[0].get_text()
        scale = (d * u.km * ifov.to_value(u.rad)).to(u.m)
        assert head.startswith(f"From {d:,} km up:")
        shown = f"{scale.to(u.km):.2f}" if scale >= 1 * u.km else f"{scale:.0f}"
        assert shown in head
        facula = 10 / (d * 93.7e-6)
        assert f"the facula {facula:,.{0 if facula >= 10 else 1}f} pixels" in head
        assert f"{d:,} km" in view.alt_text()
        looks = (
            "no shape"
            if facula < 2
            else "a blocky blob"
            if facula < 10
            else ("steps of single pixels" if facula < 50 else "a smooth round disc")
        )
        assert looks in view.alt_text().split("At this distance the facula is ")[1]  # what this distance shows
        # the view narrows as Dawn comes closer (130 real pixels, at least 13 km); only very close are pixels coarse
        assert view.note.get_text().startswith(f"view {min(30, max(130 * scale.to_value(u.km), 13)):.0f} km across")
        assert ("coarser" in view.note.get_text()) == (d <= 340)  # at most 400 pixels across 13 km: coarse below 347 km
        assert view.ring.get_xdata()[0] == d
        headlines[d] = head
        fig.savefig(tmp_path / f"view_{d}.png", bbox_inches="tight")
        assert isinstance(fig.get_layout_engine(), PlaceHolderLayoutEngine)
        # the two-line headline stays above both panels
        assert fig.axes[0].get_position().y1 < 0.8 and fig.axes[1].get_position().y1 < 0.8
    assert len(set(headlines.values())) == 5
    with pytest.raises(ValueError):
        view.draw(-5)


def test_pixel_scale():
    assert camera.pixel_scale(100 * u.km, 93.7 * u.urad).to_value(u.m) == pytest.approx(9.37)
    n = camera._pixels_across(92 * u.km, 4400 * u.km, 93.7 * u.urad)
    assert n.to_value(u.one) == pytest.approx(92 / (4400 * 93.7e-6))
    d = camera._distance_for_pixel_scale(35 * u.m, 93.7 * u.urad)
    assert d.to_value(u.km) == pytest.approx(35 / 93.7e-3 * 1e-3 * 1e3, rel=1e-9)


@pytest.mark.parametrize(
    "args", [(100, 93.7 * u.urad), (100 * u.km, 93.7), (-1 * u.km, 93.7 * u.urad), (100 * u.km, 30 * u.deg)]
)
def test_pixel_scale_rejects_bad_input(args):
    with pytest.raises((ValueError, u.UnitsError)):
        camera.pixel_scale(*args)
