"""The widget figures of lessons 04, 06 and 07: titles follow the controls, text is readable, redraws are fast."""

from __future__ import annotations

import astropy.units as u
import numpy as np
import pytest

from utils import imaging, style
from utils.facts import fact
from utils.spotviews import CameraExplorer, SharpnessView
from utils.style import FastFigure

IFOV = fact("fc.ifov")


@pytest.fixture(scope="module")
def explorer():
    model = imaging.occator_model(background=0.09, facula=0.4, crater_diameter=92 * u.km, facula_diameter=10 * u.km)
    return CameraExplorer(imaging.make_scene(model, n_px=300), IFOV)


@pytest.fixture(scope="module")
def sharpness():
    field = 120 * u.km
    model = imaging.facula_model(field, 240, 10 * u.km, 92 * u.km, 0.09, 0.4)
    return SharpnessView(model, field, IFOV, 10 * u.km, 92 * u.km)


def _font_sizes(fig):
    sizes = []
    for ax in fig.figure.axes:
        sizes += [ax.title.get_fontsize(), ax.xaxis.label.get_fontsize(), ax.yaxis.label.get_fontsize()]
        sizes += [t.get_fontsize() for t in ax.texts]
        sizes += [t.get_fontsize() for t in ax.get_xticklabels() + ax.get_yticklabels()]
        if ax.get_legend() is not None:
            sizes += [t.get_fontsize() for t in ax.get_legend().get_texts()]
    return sizes


def test_camera_explorer_titles_follow_the_sliders(explorer):
    seen = {}
    for d, exposure, shown in [
        (385, 1.0, "1"),
        (4400, 0.25, "0.25"),
        (146000, 1.0, "1"),
        (383000, 2**0.5, "1.41"),
        (385, 2**-3, "0.125"),
    ]:  # as the log slider's readout (3 significant figures): 2^0.5 shows as 1.41, 2^-3 as 0.125
        texts = explorer.update(d, exposure).texts()
        joined = " | ".join(texts)
        assert f"{d:,} km" in joined and any(t.endswith(f"exposure {shown}") for t in texts), texts
        assert f"{(d * IFOV.to_value(u.rad)):.3f} km/pixel" in joined.replace(" km / pix", " km/pix")
        assert "east (km)" in texts and "reading (fraction of full)" in texts
        seen[(d, exposure)] = tuple(texts)
        n_sat = explorer.saturated_pixels
        assert (str(n_sat) if n_sat else "no pixels") in explorer.ax_img.get_title().replace(",", "")
    assert len(set(seen.values())) == 5  # every state has its own titles
    assert "Model image" in explorer.alt() and ("yellow" in explorer.alt()) == bool(explorer.saturated_pixels)


def test_camera_explorer_row_has_a_white_outline(explorer):
    """The dotted row stays visible on the dark image at low exposure: it is drawn over a white stroke."""
    (row,) = [line for line in explorer.ax_img.lines if line.get_linestyle() == ":"]
    effects = row.get_path_effects()
    assert effects and any(getattr(e, "_gc", {}).get("foreground") == "white" for e in effects)


def test_camera_explorer_saturation_counts_with_exposure(explorer):
    low = explorer.update(4400, 0.125).saturated_pixels
    high = explorer.update(4400, 1.41).saturated_pixels
    assert high > low


def test_sharpness_view_title_follows_the_slider(sharpness):
    titles = []
    for d in (385, 7242, 146000, 383000):
        texts = sharpness.update(d).texts()
        assert texts[0].startswith(f"Schematic crater seen from {d:,} km")
        assert "ring around the facula" in texts
        # the legend has a crater-rim entry only when the rim is in view (drawn)
        rim_in_view = sharpness.ax.get_xlim()[1] * 2 >= sharpness.crater.to_value(u.km)
        assert [t for t in texts if t.startswith("crater rim")] == (["crater rim"] if rim_in_view else [])
        assert sharpness.ax.get_legend() is sharpness._legend and sharpness._legend.get_animated()
        assert "brightest pixel's reflectance" in texts[0]
        # below the model's 0.5 km cells (120 km / 240) the title's first line and the alt text say so
        finer = d * IFOV.to_value(u.rad) < 0.5
        assert ("(finer than 0.50 km model cells)" in texts[0].splitlines()[0]) == finer
        assert ("model's 0.50 km cells" in sharpness.alt()) == finer
        fig = sharpness.figure
        fig.canvas.draw()
        title = sharpness.ax.title.get_window_extent(fig.canvas.get_renderer())
        assert title.x0 >= 0 and title.x1 <= fig.bbox.width  # the title stays within the figure
        titles.append(texts[0])
    assert len(set(titles)) == 4
    assert sharpness.update(383000).texts().count("crater rim") == 1  # the whole crater in view
    assert not any(t.startswith("crater rim") for t in sharpness.update(385).texts())  # the rim is not drawn
    assert sharpness.update(383000).texts().count("crater rim") == 1  # and its entry comes back
    assert sharpness._legend in sharpness._animated and len(sharpness._animated) == len(set(sharpness._animated))
    assert "schematic" in sharpness.alt().lower()


def test_no_text_under_9_points_and_no_body_colours(explorer, sharpness):
    for fig in (explorer.update(146000, 1.0), sharpness.update(7242)):
        assert min(_font_sizes(fig)) >= 9
    for colour in (
        CameraExplorer.SATURATED,
        CameraExplorer.PROFILE,
        CameraExplorer.ROW,
        SharpnessView.RIM,
        SharpnessView.FACULA,
    ):
        assert colour not in style.PALETTE.values()


def test_sharpness_frame_follows_the_distance_and_rim_is_not_a_verdict_colour(sharpness):
    """The view spans about VIEW_PIXELS camera pixels, from the whole field down to a few facula widths."""
    widths = []
    for d in (385, 7242, 146000, 383000):
        lo, hi = sharpness.update(d).ax.get_xlim()
        assert sharpness.ax.get_ylim() == (lo, hi) and lo == -hi  # square, centred on the facula
        assert f"view {hi - lo:.0f} km wide" in sharpness.ax.get_title()
        widths.append(hi - lo)
    assert widths[0] == 3 * 10 and widths[-1] == 120  # three facula widths close in; the model's field far out
    assert widths == sorted(widths)
    assert SharpnessView.RIM != style.OTHER_COLOURS["olive"]


def test_redraw_gives_a_png_of_the_new_state(explorer):
    # Speed is measured by tools/benchmark.py on a quiet machine; here only that each redraw is a new PNG.
    first = explorer.update(46000, 1.0).png()
    second = explorer.update(4400, 1.0).png()
    assert first[:8] == second[:8] == b"\x89PNG\r\n\x1a\n"
    assert first != second


def test_bad_controls_are_refused_clearly(explorer, sharpness):
    with pytest.raises(ValueError, match="distance_km"):
        explorer.update(-5, 1.0)
    with pytest.raises(ValueError, match="exposure"):
        explorer.update(4400, 0)
    with pytest.raises(ValueError, match="distance_km"):
        sharpness.update(0)
    with pytest.raises(TypeError, match="view"):
        explorer.update(4400, 1.0, view=3)


def test_no_warning_under_the_course_style():
    import warnings

    import matplotlib

    with matplotlib.rc_context():
        style.use()  # constrained layout is the course default
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            field = 60 * u.km
            view = SharpnessView(
                imaging.facula_model(field, 60, 10 * u.km, 40 * u.km, 0.09, 0.4), field, IFOV, 10 * u.km, 40 * u.km
            )
            view.update(7242).png()


def test_fast_figure_shows_through_style_show():
    f = FastFigure((3, 2))
    f.figure.add_subplot().set_title("x")
    assert f._repr_png_()[:4] == b"\x89PNG"
    assert f.texts() == ["x"]


def test_camera_explorer_alt_text_gives_the_readings_and_says_saturated_in_words(explorer):
    close_dim = explorer.update(4400, 0.125).alt()
    assert "of full scale" in close_dim and "the facula is not saturated" in close_dim
    glowing = explorer.update(46000, 1.41).alt()
    assert "the facula is saturated" in glowing and "peaks at 1.00 of full scale" in glowing


def test_camera_explorer_alt_text_describes_the_image_brightness_from_its_mean_reading(explorer):
    far_dim = explorer.update(383000, 0.125).alt()
    assert explorer.mean_reading < 0.1 and "a nearly black model camera image" in far_dim
    assert "a mid-grey model camera image" in explorer.update(46000, 1.0).alt()
    bright = explorer.update(4400, 1.41).alt()
    assert explorer.mean_reading >= 0.65 and "a light grey model camera image" in bright


def test_camera_explorer_alt_text_reads_the_ground_at_the_outermost_pixels(explorer):
    """Close in (LAMO, 385 km) the ground is the ends' reading, not the peak, and the view stays wide enough."""
    for distance in (385, 46000):
        alt = explorer.update(distance, 1.41).alt()
        row = np.asarray(explorer._line.get_ydata(), dtype=float)
        ground = float(np.median(np.r_[row[:2], row[-2:]]))
        assert ground < 0.9 and f"outermost pixels of the row reads about {ground:.2f}" in alt
    assert "1.00" not in explorer.update(385, 1.41).alt().split("reads about")[1]
    assert "fills most" not in explorer.update(385, 1.41).alt()  # the view is kept at least 3 facula diameters
    assert 2 * np.abs(explorer._line.get_xdata()).max() >= 0.99 * CameraExplorer.MIN_FIELD * 10
    assert "fills most" not in explorer.update(46000, 1.41).alt()


def test_camera_explorer_says_when_the_facula_fills_the_view(monkeypatch):
    monkeypatch.setattr(CameraExplorer, "MIN_FIELD", 0)  # the 300-pixel default view, narrower than the facula
    model = imaging.occator_model(background=0.09, facula=0.4, crater_diameter=92 * u.km, facula_diameter=30 * u.km)
    alt = CameraExplorer(imaging.make_scene(model, n_px=300), IFOV).update(385, 1.0).alt()
    assert "the facula fills the whole view" in alt and "ground at the outermost" not in alt


def test_sharpness_alt_text_follows_the_distance_and_says_what_to_notice(sharpness):
    """Moved from far to near, the alt text gives the new distance and what the facula looks like there."""
    far = sharpness.update(383000).alt()
    assert "383,000 km" in far and "only" in far and "of a pixel" in far
    near = sharpness.update(1500).alt()
    assert "1,500 km" in near and "round outline" in near and near != far
    assert "crater floor show" not in near  # the model's floor is as dark as the ground outside
    assert "zoomed in" in near and "rim is out of view" in near  # close in, the view shows the facula only
    middle = sharpness.update(60000).alt()
    assert "60,000 km" in middle and "blob" in middle
    # facula_model draws the rim as a dark shadow ring a few km wide: coarse pixels average it away
    assert "shadow" not in middle
    nearer = sharpness.update(21580).alt()  # 2 km pixels, finer than the ring's width
    assert "whole crater is in view" in nearer and "darker ring" in nearer and "shadow" in nearer
    assert sharpness.update(383000).alt() == far  # moving back restores the text


def test_sharpness_alt_text_calls_rc3_blocky_and_survey_round(sharpness):
    """As the Try it expects: at RC3 (13,500 km, about 8 pixels) a blocky blob; at Survey (4,400 km) round."""
    rc3 = sharpness.update(13500).alt()
    assert "blocky" in rc3 and "stepped edges" in rc3 and "round outline" not in rc3
    survey = sharpness.update(4400).alt()
    assert "round outline" in survey and "blocky" not in survey


def test_camera_explorer_kept_images_equal_a_fresh_camera_image(explorer):
    """The explorer keeps the exposure-free part per distance: what it shows is camera_image's result."""
    for d, exposure in [(4400, 1.0), (4400, 0.25), (146000, 2**0.5), (4400, 0.25), (385, 0.125)]:
        kept = explorer.image(d * u.km, exposure)
        max_px = max(300, kept.n_px)  # close in, the explorer widens the view to MIN_FIELD facula diameters
        fresh = imaging.camera_image(explorer.scene, d * u.km, IFOV, exposure=exposure, max_px=max_px)
        for name in ("signal", "reading", "saturated"):
            assert np.array_equal(getattr(kept, name), getattr(fresh, name)), (d, exposure, name)
        assert kept.pixel_scale == fresh.pixel_scale and kept.half_width == fresh.half_width
        explorer.update(d, exposure)
        assert explorer.saturated_pixels == int(fresh.saturated.sum())
        assert f"{explorer.saturated_pixels:,}" in explorer.ax_img.get_title()
    with pytest.raises((ValueError, TypeError, u.UnitsError), match="distance"):
        explorer.image(4400, 1.0)  # a bare number: km or m? refused with a clear message


def test_altitude_view_texts_follow_the_altitude_and_bad_input_is_refused():
    from utils.spotviews import AltitudeView

    view = AltitudeView(470 * u.km)
    with pytest.raises(ValueError, match="draw"):
        view.alt_text()  # nothing drawn yet
    for miles, words, far in (
        (240, "shorter than", "3,900"),
        (292, "about as long as", "3,900"),
        (2700, "longer than", "17,400"),
    ):
        view.draw(miles)
        title = view.figure.axes[0].get_title()
        assert f"{miles:,} miles" in title and f"is {words} Ceres' radius" in title
        ratio = (miles * u.imperial.mile / (470 * u.km)).to_value(u.one)  # the title gives the ratio too
        assert (f"about {ratio:.{1 if ratio < 3 else 0}f}×" in title) == (words != "about as long as")
        if words == "about as long as":  # within 10 %: the ratio to two decimals tells 290 from 300 miles
            assert f"radius (white bar): {ratio:.2f}×" in title and f"{ratio:.2f} times as long" in view.alt_text()
        assert f"{miles:,} miles" in view.alt_text() and f"up to about {far} km" in view.alt_text()
        centre = float(f"{(miles * u.imperial.mile + 470 * u.km).to_value(u.km):.2g}")  # two figures only
        assert f"from the centre, about {centre:,.0f} km." in view.alt_text()
        assert view.png()[:4] == b"\x89PNG"
    for bad in (-5, 0, "far", float("nan")):
        with pytest.raises((ValueError, TypeError)):
            view.draw(bad)
    with pytest.raises((ValueError, u.UnitsError, TypeError)):
        AltitudeView(470)  # no unit


def test_camera_explorer_alt_text_names_the_distance_and_the_exact_exposure(explorer):
    alt = explorer.update(385, 0.125).alt()
    assert "at 385 km and exposure 0.125" in alt and "exposure 0.12," not in alt
    assert "exposure 0.125" in explorer.figure.axes[1].get_title()


def test_sharpness_view_has_a_reflectance_colour_bar(sharpness):
    bars = [ax for ax in sharpness.figure.axes if ax is not sharpness.ax]
    assert len(bars) == 1 and bars[0].get_ylabel() == "reflectance"
    low, high = bars[0].get_ylim()
    assert low == 0 and high == pytest.approx(0.4)  # the model's range: black = 0, white = the facula's 0.40


def test_sharpness_title_uses_metres_below_one_km():
    import astropy.units as u

    from utils.facts import fact
    from utils.imaging import facula_model
    from utils.spotviews import SharpnessView

    facula, rim = fact("occator.cerealia_facula_size"), fact("occator.diameter")
    model = facula_model(120 * u.km, 120, facula, rim, 0.09, 0.4)
    view = SharpnessView(model, 120 * u.km, fact("fc.ifov"), facula, rim)
    assert "36.1 m per pixel" in view.update(385).ax.get_title()  # three significant figures
    assert "1.26 km per pixel" in view.update(13_450).ax.get_title()
    assert "35.9 km per pixel" in view.update(383_000).ax.get_title()


def test_camera_explorer_alt_text_names_yellow_only_when_pixels_saturate(explorer):
    for distance, exposure in ((383000, 0.125), (4400, 1.41)):
        left = explorer.update(distance, exposure).alt().split("Left:")[1].split("Right:")[0]
        if explorer.saturated_pixels:
            assert "saturated pixels in yellow" in left
        else:
            assert "no saturated pixels" in left and "yellow" not in left


def test_camera_explorer_title_says_pixel_for_one_and_pixels_otherwise(explorer):
    """The count stays before the word ("1 pixel saturated", "12 pixels saturated"); none reads "no pixels"."""
    for d in (383000, 146000, 40000, 13600, 4400):
        for exposure in (2**-3, 1.0, 2**0.5):
            n = explorer.update(d, exposure).saturated_pixels
            word = "pixel" if n == 1 else "pixels"
            title = explorer.ax_img.get_title()
            if n:
                assert f"{n:,} {word} saturated" in title
            else:
                assert "no pixels saturated" in title and "0 pixels" not in title and "yellow" not in title


def test_camera_explorer_names_the_stop_and_what_the_view_covers(explorer):
    """At a named stop the profile's title and the alt text name it; close in, the alt says it shows the centre."""
    close = explorer.update(385, 1.0, view="LAMO orbit")
    assert "LAMO orbit, exposure 1" in close.ax_prof.get_title()
    alt = close.alt()
    assert "385 km (LAMO orbit)" in alt and "of Occator's centre only" in alt and "around Occator" not in alt
    far = explorer.update(46000, 1.0).alt()  # a 300-pixel view from 46,000 km spans more than the 92-km crater
    assert "around Occator" in far and "(" not in far.split("facula at")[1].split("and exposure")[0]


def test_camera_explorer_draws_at_most_drawn_px_pixels_across_and_counts_every_saturated_one():
    """Close in (LAMO, 385 km) the camera image is hundreds of pixels wider than the figure shows: only every
    step-th is drawn, while the title's pixel scale and saturated count still come from the whole image."""
    model = imaging.occator_model(0.09, 0.4, 92 * u.km, 10 * u.km)
    explorer = CameraExplorer(imaging.make_scene(model), IFOV).update(385, 8.0)
    img = explorer.image(385 * u.km, 8.0)
    drawn = explorer._image.get_array()
    assert img.n_px > CameraExplorer.DRAWN_PX >= drawn.shape[0] > CameraExplorer.DRAWN_PX / 2
    assert explorer.saturated_pixels == int(img.saturated.sum()) > 0
    assert f"{img.pixel_scale.to(u.km):.3f}/pixel" in explorer.ax_img.get_title()


def test_a_sharpness_view_with_stops_draws_those_stops_only():
    model = np.full((40, 40), 0.1)
    view = SharpnessView(model, 120 * u.km, IFOV, 10 * u.km, 92 * u.km, stops=[1000.0, 5000.0])
    assert "5,000 km" in view.update(5000.0).ax.get_title()
    with pytest.raises(ValueError, match="not a stop"):
        view.update(7242.0)
    assert "7,242 km" in SharpnessView(model, 120 * u.km, IFOV, 10 * u.km, 92 * u.km).update(7242.0).ax.get_title()


def test_altitude_view_plain_text_is_its_alt_text():
    """A display without images (a text-only export) shows the figure's description, not an object's address."""
    from IPython.core.formatters import PlainTextFormatter

    from utils.spotviews import AltitudeView

    view = AltitudeView(470 * u.km)
    assert "not drawn yet" in PlainTextFormatter()(view)
    view.draw(2700)
    assert PlainTextFormatter()(view) == view.alt_text()


def test_altitude_view_ticks_have_thousands_separators():
    from utils.spotviews import AltitudeView

    view = AltitudeView(470 * u.km).draw(8400)
    view.figure.canvas.draw()
    labels = [t.get_text() for t in view.ax.get_xticklabels() if t.get_text()]
    assert any("," in s for s in labels), labels
    assert all(s.replace(",", "").lstrip("\u2212").isdigit() for s in labels), labels


def test_saturated_tint_is_far_lighter_than_the_ground_in_greyscale():
    """At exposure 1 the average ground reads 0.5 (mid-grey): the tint must not vanish into it in greyscale."""
    from matplotlib.colors import to_rgb

    r, g, b = to_rgb(CameraExplorer.SATURATED)
    grey = 0.299 * r + 0.587 * g + 0.114 * b  # the usual greyscale conversion (ITU-R BT.601)
    assert grey > 0.5 + 0.3
