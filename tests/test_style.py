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


def test_no_two_bodies_share_a_marker_and_earth_and_ceres_differ_in_line_style():
    markers = [style.body_style(b)["marker"] for b in style.PALETTE]
    assert len(set(markers)) == len(markers), markers
    assert style.body_style("earth")["linestyle"] != style.body_style("ceres")["linestyle"]
    assert style.body_style("ceres")["marker"] == "p"  # the pentagon the lesson captions name


# ---------------------------------------------------------------- FastFigure: the widgets' fast-redraw figure


def _png_pixels(png: bytes):
    import io

    import numpy as np
    from PIL import Image

    return np.asarray(Image.open(io.BytesIO(png)))


def test_fast_figure_draws_a_png_of_its_size_with_a_fixed_layout():
    f = style.FastFigure((4, 3), dpi=50, margins={"left": 0.2, "right": 0.9, "bottom": 0.25, "top": 0.8})
    ax = f.figure.add_subplot()
    ax.set_title("a title that would move the axes under a layout engine")
    before = ax.get_position().bounds
    png = f.png()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert _png_pixels(png).shape[:2] == (150, 200)
    assert ax.get_position().bounds == before == pytest.approx((0.2, 0.25, 0.7, 0.55))


def test_fast_figure_is_not_a_pyplot_figure_and_follows_its_artists():
    import matplotlib.pyplot as plt

    open_before = plt.get_fignums()
    f = style.FastFigure((3, 2), dpi=40)
    (line,) = f.figure.add_subplot().plot([0, 1], [0, 1])
    assert plt.get_fignums() == open_before
    first = f.png()
    assert f.png() == first  # same artists, same picture
    line.set_ydata([1, 0])
    assert f.png() != first  # the artist made once, updated: a new picture
    line.set_ydata([0, 1])
    assert f.png() == first


def test_fast_figure_blit_of_animated_artists_matches_a_full_draw():
    import numpy as np

    def build(animated):
        f = style.FastFigure((3, 2), dpi=50, margins={"left": 0.15, "bottom": 0.2})
        ax = f.figure.add_subplot()
        ax.set(xlim=(0, 10), ylim=(0, 10), xlabel="x (unit)")
        ax.grid(False)  # blitted artists are drawn last: keep them clear of grid lines and spines
        bar = ax.barh([5], [2], left=1, height=2)[0]
        label = ax.text(1, 8, "")
        if animated:
            f.animate(bar, label)
        return f, bar, label

    fast, bar_fast, label_fast = build(True)
    full, bar_full, label_full = build(False)
    for width, text in ((2, "two"), (7, "seven"), (1, "one")):
        for bar, label in ((bar_fast, label_fast), (bar_full, label_full)):
            bar.set_width(width)
            label.set_text(text)
        assert np.array_equal(_png_pixels(fast.png()), _png_pixels(full.png())), width
    fast.invalidate()  # a redraw from scratch gives the same picture
    assert np.array_equal(_png_pixels(fast.png()), _png_pixels(full.png()))


def test_fast_figure_is_shown_with_its_alt_text(monkeypatch):
    import IPython.display

    shown = []
    monkeypatch.setattr(IPython.display, "display", lambda obj, metadata=None: shown.append((obj, metadata)))
    f = style.FastFigure((3, 2), dpi=40)
    f.figure.add_subplot().set_title("x")
    style.show(f, alt="A test figure with one empty axes titled x.")
    ((obj, metadata),) = shown
    assert obj.figure is f and f._repr_png_()[:4] == b"\x89PNG"
    assert repr(obj) == "A test figure with one empty axes titled x."  # what a page without images prints
    assert metadata == {
        "alt": "A test figure with one empty axes titled x.",
        "image/png": {"alt": "A test figure with one empty axes titled x."},
    }
    assert f.texts() == ["x"]


@pytest.mark.parametrize(
    "kwargs, words",
    [
        ({"figsize": (0, 3)}, "figsize"),
        ({"figsize": (40, 3)}, "figsize"),
        ({"dpi": -5}, "dpi"),
        ({"margins": {"left": 1.5}}, "left"),
        ({"margins": {"middle": 0.5}}, "margins"),
        ({"margins": "tight"}, "margins"),
    ],
)
def test_fast_figure_refuses_bad_sizes_and_margins(kwargs, words):
    with pytest.raises((ValueError, TypeError), match=words):
        style.FastFigure(**kwargs)


def test_every_explore_widget_figure_is_a_fast_figure():
    from utils import belt, propulsion, resonance, spotviews

    for cls in (
        belt.KirkwoodFigure,
        spotviews.DistanceView,
        propulsion.RatioBars,
        resonance.HistoryFigure,
        spotviews.CameraExplorer,
        spotviews.SharpnessView,
    ):
        assert issubclass(cls, style.FastFigure), cls.__name__


def test_no_notebook_builds_a_canvas_by_hand():
    """Widgets draw through utils.style.FastFigure: no canvas or PNG plumbing in a lesson."""
    import re

    import nbtools

    plumbing = re.compile(r"FigureCanvas|\.canvas\b|print_png|buffer_rgba|copy_from_bbox|BytesIO")
    for path in nbtools.lesson_notebooks():
        for cell in nbtools.read(path).cells:
            if cell.cell_type == "code":
                found = plumbing.findall(nbtools.source(cell))
                assert not found, f"{path.name}: {found} in\n{nbtools.source(cell)[:300]}"


def test_widget_blits_match_a_fresh_draw_after_every_move():
    """A widget that redraws only its moving parts shows what a full redraw would (no stale background)."""
    import astropy.units as u
    import numpy as np

    from utils import imaging, resonance, spotviews

    run = resonance.run_belt(
        [2.10, 2.50, 2.82, 3.30] * u.AU,
        0.1,
        1000 * u.yr,
        jupiter_a=5.2 * u.AU,
        jupiter_e=0.048,
        jupiter_mass_factor=10,
        danger_distance=1.5237 * u.AU,
        n_out=101,
        seed=3,
    )
    history = resonance.HistoryFigure(run, 5.2 * u.AU, 1.5237 * u.AU)
    view = spotviews.DistanceView(
        93.7 * u.urad, 92 * u.km, 10 * u.km, {"LAMO": 385 * u.km}, np.geomspace(20, 70000, 40) * u.km, field=30 * u.km
    )
    field = 120 * u.km
    sharp = spotviews.SharpnessView(
        imaging.facula_model(field, 240, 10 * u.km, 92 * u.km, 0.09, 0.4), field, 93.7 * u.urad, 10 * u.km, 92 * u.km
    )
    moves = [
        (history, lambda a: history.draw(a, 0.1), [2.50, 2.10, 3.30, 2.82, 2.50]),
        (view, view.draw, [61000, 7242, 385, 1500, 61000]),
        (sharp, sharp.update, [385, 1470, 46000, 7242, 385, 1470]),  # 385 then 1470 km: same axes, a blit
    ]
    for figure, move, values in moves:
        for value in values:
            blitted = _png_pixels(move(value).png())
            figure.invalidate()
            assert np.array_equal(blitted, _png_pixels(figure.png())), (type(figure).__name__, value)


def test_png_writer_round_trips_any_rgb_image():
    import io

    import numpy as np
    from PIL import Image

    rng = np.random.default_rng(1)
    for shape in ((1, 1, 3), (7, 5, 3), (120, 333, 3)):
        rgb = rng.integers(0, 256, shape, dtype=np.uint8)
        back = Image.open(io.BytesIO(style._png_rgb(rgb)))
        assert back.mode == "RGB" and np.array_equal(np.asarray(back), rgb)


def test_fast_figure_reused_text_layouts_draw_what_a_plain_canvas_draws():
    """The widget figures reuse text layouts, font metrics and glyphs between redraws: the pixels stay the same.

    (Figures drawn in full on every move; a plain canvas leaves out the artists a blitting figure animates.)
    """
    import astropy.units as u
    import numpy as np
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from utils import belt, imaging, spotviews
    from utils.facts import fact

    style.use()
    model = imaging.occator_model(background=0.09, facula=0.4, crater_diameter=92 * u.km, facula_diameter=10 * u.km)
    explorer = spotviews.CameraExplorer(imaging.make_scene(model, n_px=200), fact("fc.ifov"))
    gaps = belt.KirkwoodFigure(belt.kirkwood_resonances(5.2 * u.AU), (2.0, 3.5))
    rng = np.random.default_rng(2)
    a = rng.uniform(2.0, 3.5, 3000)

    def histogram(width):
        counts, edges = np.histogram(a, bins=np.arange(2.0, 3.5 + width / 2, width))
        gaps.update(counts, edges)
        gaps.ax.set_title(f"bins {width:.3f} AU wide")
        return gaps

    moves = [
        (lambda d: explorer.update(d, 1.0), [385, 4400, 146000, 4400]),
        (histogram, [0.01, 0.05, 0.002, 0.01]),
    ]
    for move, values in moves:
        for value in values:
            fast = move(value)
            shown = _png_pixels(fast.png())
            plain = FigureCanvasAgg(fast.figure)  # a new canvas, its own renderer with nothing reused
            plain.draw()
            assert np.array_equal(shown, np.asarray(plain.buffer_rgba())[:, :, :3]), (type(fast).__name__, value)
            fast.canvas.figure.set_canvas(fast.canvas)
    assert style._TEXT_LAYOUTS  # the layouts were reused, not only drawn afresh
    assert any("Profile across the facula, 4,400 km" in t for t in explorer.update(4400, 1.0).texts())


def test_fast_figure_text_falls_back_to_matplotlib_when_its_internals_differ(monkeypatch):
    """If the text cache's own path fails (matplotlib's internals not as it expects), text is drawn as usual."""
    import numpy as np
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    class Broken(dict):
        def get(self, key, default=None):
            raise AttributeError("not as expected")

    monkeypatch.setattr(style, "_GLYPHS", Broken())
    monkeypatch.setattr(style, "_TEXT_LAYOUTS", {})
    monkeypatch.setattr(style, "_FAST_TEXT", True)
    fast = style.FastFigure(figsize=(4, 3), dpi=72)
    ax = fast.figure.add_subplot()
    ax.plot([0, 1], [0, 1])
    ax.set_title("a title with glyphs 0123")
    shown = _png_pixels(fast.png())
    assert style._FAST_TEXT is False  # the cache gave up, for good
    plain = FigureCanvasAgg(fast.figure)
    plain.draw()
    assert np.array_equal(shown, np.asarray(plain.buffer_rgba())[:, :, :3])
    assert shown.min() < 128  # something dark was drawn: the line and the text


def test_use_sets_the_style_without_importing_pyplot():
    # a lesson whose figures are all FastFigures never imports pyplot; the style is the same as pyplot's style.use
    import subprocess
    import sys

    code = (
        "import sys, matplotlib; from utils import style; style.use(); print('matplotlib.pyplot' in sys.modules); "
        "import matplotlib.pyplot as plt; rc = dict(plt.rcParams); plt.style.use(style.STYLE_FILE); "
        "plt.rcParams['axes.prop_cycle'] = rc['axes.prop_cycle']; print(rc == dict(plt.rcParams))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "True"]


@pytest.mark.parametrize("kind", ["fast", "matplotlib"])
def test_a_shown_figure_s_plain_text_is_its_alt_text(monkeypatch, kind):
    """A page, terminal or screen reader that shows no image gets the alt text as the output's text/plain, not
    "<Figure size ...>" or an object's address; the PNG is the one IPython makes for the figure itself."""
    import IPython
    import IPython.display
    from IPython.core.formatters import DisplayFormatter
    from matplotlib.figure import Figure

    formatter = DisplayFormatter()
    formatter.formatters["image/png"].for_type(Figure, _png)  # as the inline backend registers one
    monkeypatch.setattr(IPython, "get_ipython", lambda: type("Shell", (), {"display_formatter": formatter})())
    shown = []
    monkeypatch.setattr(IPython.display, "display", lambda obj, metadata=None: shown.append((obj, metadata)))
    if kind == "fast":
        figure = style.FastFigure((3, 2), dpi=40)
        figure.figure.add_subplot().set_title("x")
    else:
        figure = Figure(figsize=(3, 2), dpi=40)
        figure.add_subplot().set_title("x")
    alt = "A test figure with one empty axes titled x, shown with its description."
    style.show(figure, alt="  " + alt + "\n")
    ((obj, metadata),) = shown
    data, _ = obj._repr_mimebundle_()
    assert data["text/plain"] == alt == metadata["image/png"]["alt"]
    assert data["image/png"][:4] == b"\x89PNG"
    assert repr(obj) == alt


def _png(figure) -> bytes:
    import io

    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()


def test_show_thins_minor_ticks_of_wide_log_axes_only(monkeypatch):
    """Log axes over more than two decades keep minor ticks at 2 and 5 only; a narrow log axis, a linear axis
    and an axis with its own minor locator are left as they were."""
    import matplotlib.pyplot as plt
    from matplotlib.ticker import AutoMinorLocator, LogLocator

    monkeypatch.setattr("IPython.display.display", lambda *a, **k: None)
    fig, (wide, narrow, own) = plt.subplots(1, 3, figsize=(24, 6))  # room for every tick matplotlib would draw
    wide.loglog([1, 1e5], [1, 10])
    narrow.semilogx([1, 50], [0, 1])
    own.semilogy([0, 1], [1, 1e6])
    own.yaxis.set_minor_locator(AutoMinorLocator())
    style.show(fig, alt="Three test axes: a wide log-log, a narrow log and one with its own minor ticks.")

    def minor_between(axis, low, high):
        return [t for t in axis.get_minor_locator().tick_values(1, 1e5) if low < t < high]

    assert minor_between(wide.xaxis, 10, 100) == pytest.approx([20, 50])
    assert len(minor_between(wide.yaxis, 1, 10)) == 8  # one decade: all of 2-9 kept
    assert len(minor_between(narrow.xaxis, 10, 100)) == 8
    assert isinstance(own.yaxis.get_minor_locator(), AutoMinorLocator)
    assert type(wide.yaxis.get_minor_locator()) is LogLocator
