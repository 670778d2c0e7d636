"""One plotting style for every lesson.

The palette is Okabe & Ito's colour-blind-safe set; figures also vary line
style and marker so that no information is carried by colour alone.

Examples
--------
>>> from utils import style
>>> style.use()
>>> style.PALETTE["ceres"]
'#0072B2'
"""

from __future__ import annotations

import sys
from itertools import cycle
from pathlib import Path

__all__ = [
    "OKABE_ITO",
    "PALETTE",
    "OTHER_COLOURS",
    "LINESTYLES",
    "MARKERS",
    "STYLE_FILE",
    "WIDGET_STYLE",
    "use",
    "body_style",
    "show",
    "FastFigure",
]

#: Okabe & Ito (2008), "Color Universal Design": distinguishable with the common colour-vision deficiencies.
#: ``style=`` for ipywidgets controls: show the whole label ("altitude (mi)")
#: instead of cutting it to the default width.
WIDGET_STYLE = {"description_width": "initial"}

OKABE_ITO = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky blue": "#56B4E9",
    "bluish green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish purple": "#CC79A7",
}

#: Fixed colours for the bodies that recur across lessons (same body, same colour everywhere).
#: Okabe & Ito's eight colours, plus two of Paul Tol's colour-blind-safe set for the inner planets
#: and a neutral grey for asteroids in general.  No other figure element may use these colours.
PALETTE = {
    "sun": OKABE_ITO["yellow"],
    "mercury": "#882255",  # Tol's wine
    "venus": "#DDCC77",  # Tol's sand
    "earth": OKABE_ITO["sky blue"],
    "mars": OKABE_ITO["vermillion"],
    "jupiter": OKABE_ITO["orange"],
    "vesta": OKABE_ITO["reddish purple"],
    "ceres": OKABE_ITO["blue"],
    "dawn": OKABE_ITO["bluish green"],
    "belt": "#7f7f7f",  # asteroids in general (the belt, a catalogue, a sketch); simulated ones use OTHER_COLOURS
}

#: Colours for things that are not bodies (groups, models, methods): none of them is a body's colour.
OTHER_COLOURS = {
    "black": OKABE_ITO["black"],
    "indigo": "#332288",  # Tol
    "olive": "#999933",  # Tol
    "teal": "#44AA99",  # Tol
    "rose": "#CC6677",  # Tol
    "dark green": "#225522",  # Tol's dark scheme: far from every body colour, also under deuteranopia
    "light grey": "#BBBBBB",
}

#: Line styles and markers to pair with colours.
LINESTYLES = ["-", "--", ":", "-."]
MARKERS = ["o", "s", "^", "D", "v", "P", "X"]

#: Each body's line style and marker.  No two bodies share a marker, and Earth and Ceres (sky blue and blue)
#: differ in line style too, so no pair of bodies is told apart by colour alone.
_DASH_DOT_DOT = (0, (8, 2, 2, 2, 2, 2))
_BODY_STYLE = {
    "sun": ("-", "*"),
    "mercury": (":", "v"),
    "venus": ("--", "h"),
    "earth": ("-", "o"),
    "mars": ("--", "s"),
    "jupiter": ("-.", "D"),
    "vesta": (":", "^"),
    "ceres": (_DASH_DOT_DOT, "p"),  # dash-dot-dot line, pentagon marker
    "dawn": ("--", "P"),
    "belt": ("-", "."),
}

STYLE_FILE = Path(__file__).with_name("bright_spots.mplstyle")


def body_style(body: str) -> dict:
    """Matplotlib keyword arguments (colour, line style, marker, label) for a body.

    Parameters
    ----------
    body : str
        One of the keys of :data:`PALETTE`, case-insensitive.

    Examples
    --------
    >>> body_style("Mars")["color"]
    '#D55E00'
    """
    key = body.lower() if isinstance(body, str) else None
    if key not in PALETTE:
        raise ValueError(f"No style for body {body!r}; known bodies: {', '.join(PALETTE)}.")
    ls, marker = _BODY_STYLE[key]
    return {"color": PALETTE[key], "linestyle": ls, "marker": marker, "label": key.capitalize()}


def use() -> None:
    """Apply the Bright Spots style (readable sizes, colour-blind-safe cycle, no LaTeX).

    Sets matplotlib's ``rcParams`` (``matplotlib.style`` is ``pyplot.style``) without importing
    pyplot: a lesson whose figures are all widgets' :class:`FastFigure` never needs it.
    """
    import matplotlib
    import matplotlib.style
    from cycler import cycler

    matplotlib.style.use(STYLE_FILE)
    colours = [
        OKABE_ITO[k]
        for k in ("blue", "orange", "bluish green", "vermillion", "reddish purple", "sky blue", "black", "yellow")
    ]
    styles = [ls for ls, _ in zip(cycle(LINESTYLES), colours)]
    matplotlib.rcParams["axes.prop_cycle"] = cycler(color=colours) + cycler(linestyle=styles)


def show(figure, alt: str) -> None:
    """Display a figure with its alt text, then close it.

    The alt text goes into the output's metadata (``{"alt": ...}``, also under
    ``image/png``), so JupyterLab, HTML exports and the course site all carry
    it for screen readers.  The alt text is also the output's plain-text form
    (``text/plain``), so a page, terminal or reader that shows no images gives
    the description, not ``<Figure size 800x360 with 1 Axes>`` or an object's
    address.  Works for a Matplotlib figure and for any object that draws
    itself as a PNG (``_repr_png_``).

    Parameters
    ----------
    figure : matplotlib.figure.Figure or object with ``_repr_png_``
        What to show.
    alt : str
        A description written for this figure: what it shows and what a reader
        should see in it (not "a plot").
    """
    if not isinstance(alt, str) or len(alt.strip()) < 20:
        raise ValueError("alt must describe the figure in words (at least 20 characters).")
    from matplotlib.figure import Figure

    if not isinstance(figure, Figure) and not callable(getattr(figure, "_repr_png_", None)):
        raise TypeError(
            f"figure must be a matplotlib Figure (or an object with _repr_png_); got {type(figure).__name__}."
        )
    from IPython.display import display

    if isinstance(figure, Figure):
        _thin_log_minor_ticks(figure)
    display(_Described(figure, alt.strip()), metadata={"alt": alt.strip(), "image/png": {"alt": alt.strip()}})
    fig = getattr(figure, "figure", figure)
    plt = sys.modules.get("matplotlib.pyplot")  # not imported yet: no pyplot figure to close
    try:
        if plt is not None:
            plt.close(fig)
    except Exception:  # not a pyplot figure: nothing to close
        pass


class _Described:
    """A figure shown with its alt text as its plain-text form (see :func:`show`).

    Its PNG (and any other image form) is the one IPython makes for the figure
    itself: the inline backend's for a Matplotlib figure, ``_repr_png_`` for a
    :class:`FastFigure`.  Only ``text/plain`` changes.
    """

    def __init__(self, figure, alt: str):
        self.figure, self.alt = figure, alt

    def _repr_mimebundle_(self, include=None, exclude=None):
        from IPython import get_ipython

        shell = get_ipython()
        if shell is not None:
            data, metadata = shell.display_formatter.format(self.figure)
        else:  # IPython.display.display prints the repr outside a shell: nothing to format
            data, metadata = {}, {}
        data = {kind: value for kind, value in data.items() if kind != "text/plain"}
        data["text/plain"] = self.alt
        return data, metadata

    def __repr__(self) -> str:
        return self.alt


def _thin_log_minor_ticks(figure) -> None:
    """Minor ticks at 2 and 5 of each decade (not at 2-9) on log axes spanning more than two decades.

    Still enough to read a value off the axis, and each tick is an object matplotlib lays out and draws: a
    log-log figure over five decades draws in about a third less time.  Axes with their own minor locator
    are left alone.
    """
    import math

    from matplotlib.ticker import LogLocator

    for ax in figure.axes:
        for axis in (ax.xaxis, ax.yaxis):
            minor = axis.get_minor_locator()
            if axis.get_scale() != "log" or type(minor) is not LogLocator:
                continue
            low, high = sorted(axis.get_view_interval())
            if low > 0 and math.isfinite(high) and math.log10(high / low) > 2:
                axis.set_minor_locator(LogLocator(base=10, subs=(2.0, 5.0)))


def _png_rgb(rgb) -> bytes:
    """An 8-bit RGB image (height x width x 3 array) as PNG bytes: no row filter, zlib level 1.

    About twice as fast as Pillow's encoder at its fastest setting, for a few
    percent more bytes: a widget redraws on every move of a slider.
    """
    import struct
    import zlib

    import numpy as np

    h, w, _ = rgb.shape
    rows = np.empty((h, 3 * w + 1), np.uint8)
    rows[:, 0] = 0  # filter type 0 (none) for every row
    rows[:, 1:] = rgb.reshape(h, 3 * w)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(rows.tobytes(), 1))
        + chunk(b"IEND", b"")
    )


_TEXT_LAYOUTS: dict = {}  # (font properties, dpi, text, ...) -> (font, glyph layout): see _text_renderer
_GLYPHS: dict = {}  # (font, size, dpi, glyph, angle, sub-pixel offset, ...) -> its bitmap: see _text_renderer
_FAST_TEXT = True  # False once matplotlib's internals were found not to be as _text_renderer expects


def _text_renderer(renderer):
    """``renderer`` (an Agg renderer) made to reuse what it worked out for texts it has drawn before.

    Text is most of a widget figure's drawing time, and a widget draws the
    same tick labels, axis labels and digits on every move.  Kept between
    draws: the layout of each string (shaping it into glyphs, FreeType's
    ``_layout``: it depends on the font, size, resolution and string, never
    on where the text goes), each font's height metrics, and each glyph's
    bitmap per sub-pixel offset.  The pixels drawn are exactly those of a
    plain Agg renderer (tests/test_style.py compares them).

    This leans on matplotlib's Agg and FreeType internals as they are in the
    pinned release (requirements/lock.txt).  Where they are missing (another
    release), or the first time a text fails to draw this way, the renderer
    is left as matplotlib made it: slower, never wrong.
    """
    import math

    import numpy as np
    from matplotlib import ft2font
    from matplotlib import rcParams as rc
    from matplotlib.backends.backend_agg import RendererAgg, get_hinting_flag
    from matplotlib.font_manager import fontManager, get_font

    global _FAST_TEXT
    needed = (
        hasattr(RendererAgg, "_prepare_font")
        and hasattr(ft2font, "RenderMode")
        and all(hasattr(ft2font.FT2Font, name) for name in ("_layout", "_set_transform", "_render_glyph"))
        and hasattr(fontManager, "_find_fonts_by_props")
    )
    if not (_FAST_TEXT and needed) or type(renderer) is not RendererAgg:  # leave it as matplotlib made it
        return renderer
    RenderMode = ft2font.RenderMode

    def draw_text(gc, x, y, s, prop, angle, ismath=False, mtext=None):
        global _FAST_TEXT
        if ismath or not _FAST_TEXT:
            return RendererAgg.draw_text(renderer, gc, x, y, s, prop, angle, ismath, mtext)
        drawn = 0
        try:
            for buffer, left, top in _plain_text_glyphs(gc, x, y, s, prop, angle, mtext):
                renderer._renderer.draw_text_image(buffer, left, top, 0, gc)
                drawn += 1
        except Exception:  # internals not as expected: matplotlib's own drawing from now on
            _FAST_TEXT = False
            if drawn:  # cannot happen (every glyph is drawn by the same call), and must not draw it twice
                raise
            RendererAgg.draw_text(renderer, gc, x, y, s, prop, angle, ismath, mtext)

    def _plain_text_glyphs(gc, x, y, s, prop, angle, mtext):
        """Each glyph of ``s`` as (bitmap, left, top) in the canvas, laid out and rendered as matplotlib does."""
        features = mtext.get_fontfeatures() if mtext is not None else None
        language = mtext.get_language() if mtext is not None else None
        flags = get_hinting_flag()
        fonts = tuple(str(rc[k]) for k in ("font.family", "font.sans-serif", "font.serif", "font.monospace"))
        key = (hash(prop), fonts, renderer.dpi, s, flags, repr(features), repr(language))
        hit = _TEXT_LAYOUTS.get(key)
        if hit is None:
            font = renderer._prepare_font(prop)
            items = tuple(font._layout(s, flags=flags, features=features, language=language))
            if len(_TEXT_LAYOUTS) > 4096:
                _TEXT_LAYOUTS.clear()
            hit = _TEXT_LAYOUTS[key] = (font, items)
        size, dpi, height = prop.get_size_in_points(), renderer.dpi, renderer.height
        # as RendererAgg._draw_text_glyphs_and_boxes, with each glyph's bitmap kept: FreeType draws a glyph
        # moved by whole pixels as the same bitmap moved, so only the sub-pixel offset (1/64 px) is in the key
        cos, sin = math.cos(math.radians(angle)), math.sin(math.radians(angle))
        mode = RenderMode.NORMAL if gc.get_antialiased() else RenderMode.MONO
        matrix, placed = None, []
        for item in hit[1]:
            font = item.ft_object
            tx = round(0x40 * (x + item.x * cos - item.y * sin))
            ty = round(0x40 * (height - y + item.x * sin + item.y * cos))
            gkey = (id(font), size, dpi, item.glyph_index, angle, mode, flags, tx & 63, ty & 63)
            glyph = _GLYPHS.get(gkey)
            if glyph is None:
                if matrix is None:
                    matrix = (0x10000 * np.array([[cos, -sin], [sin, cos]])).round().astype(int)
                font.set_size(size, dpi)
                font._set_transform(matrix, [tx & 63, ty & 63])
                bitmap = font._render_glyph(item.glyph_index, flags, mode)
                buffer = np.array(bitmap.buffer)  # a copy: the font may reuse its own
                if mode is not RenderMode.NORMAL:
                    buffer *= 0xFF
                if len(_GLYPHS) > 50_000:
                    _GLYPHS.clear()
                glyph = _GLYPHS[gkey] = (buffer, bitmap.left, bitmap.top, font)
            buffer = glyph[0]
            placed.append((buffer, glyph[1] + (tx >> 6), int(height) - glyph[2] - (ty >> 6) + buffer.shape[0]))
        return placed  # every glyph worked out before the first is drawn: a failure draws nothing twice

    heights: dict = {}

    def font_height_metrics(prop):
        # what matplotlib.text.Text._get_layout reads from the font's tables for every text, once per font
        fonts = tuple(str(rc[k]) for k in ("font.family", "font.sans-serif", "font.serif", "font.monospace"))
        key = (hash(prop), fonts, renderer.dpi)
        if key not in heights:
            font = get_font(fontManager._find_fonts_by_props(prop))
            found = (None, None, None)
            for table_name, gap_key, ascent_key, descent_key in (
                ("OS/2", "sTypoLineGap", "sTypoAscender", "sTypoDescender"),
                ("hhea", "lineGap", "ascent", "descent"),
            ):
                table = font.get_sfnt_table(table_name)
                if table is None:
                    continue
                scale = 1 / font.get_sfnt_table("head")["unitsPerEm"] * prop.get_size_in_points() * renderer.dpi / 72
                found = (table[ascent_key] * scale, -table[descent_key] * scale, table[gap_key] * scale)
                break
            heights[key] = found
        return heights[key]

    renderer.draw_text = draw_text
    if not hasattr(renderer, "_get_font_height_metrics"):  # unless the renderer has its own
        renderer._get_font_height_metrics = font_height_metrics
    return renderer


class FastFigure:
    """A widget's figure: fixed layout, artists made once and updated, drawn straight to a PNG.

    Every Explore widget draws with one of these.  Build the axes and artists
    once (``figure.add_subplot``, ``ax.plot``, ...); on each move of a control,
    change the artists' data and texts and show the object with
    :func:`show` (``show(fast_figure, alt=...)``), which publishes its PNG and
    alt text like any other figure.  Against a new pyplot figure per update it
    saves building the figure, the layout engine's pass and the inline
    backend's tight-bounding-box second draw.

    Artists passed to :meth:`animate` are redrawn over a saved background:
    only they change between frames (they are drawn in z-order, over
    everything else).  Call :meth:`invalidate` when anything else changes
    (axis limits, ticks, a label that is not animated).

    The figure is not registered with pyplot, so the inline backend never
    shows it on its own and it needs no closing.

    Parameters
    ----------
    figsize : (float, float)
        Width and height in inches (each at most 30).
    dpi : float
        Resolution of the PNG (at most 600).
    margins : dict, optional
        ``left``, ``right``, ``bottom``, ``top``, ``wspace``, ``hspace`` for
        ``Figure.subplots_adjust`` (figure fractions): the fixed layout.

    Examples
    --------
    >>> f = FastFigure((3, 2), margins={"left": 0.2, "bottom": 0.2})
    >>> ax = f.figure.add_subplot()
    >>> (line,) = ax.plot([0, 1], [0, 1])
    >>> line.set_ydata([1, 0])
    >>> f.png()[:4] == b"\\x89PNG"
    True
    """

    def __init__(self, figsize: tuple[float, float] = (8.8, 3.8), dpi: float = 100, *, margins: dict | None = None):
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure
        from matplotlib.layout_engine import PlaceHolderLayoutEngine

        from .units import number, pair

        figsize = pair(figsize, "figsize", positive=True, high=30)
        dpi = number(dpi, "dpi", positive=True, scalar=True, high=600)
        # layout="none": no layout engine pass on a redraw (the margins below stay as they are)
        self.figure = Figure(figsize=figsize, dpi=dpi, layout="none")
        # and keep it: a figure with no layout engine gets the style's constrained layout back when it
        # is saved (matplotlib restores "no engine" from rcParams)
        self.figure.set_layout_engine(PlaceHolderLayoutEngine(adjust_compatible=True, colorbar_gridspec=True))
        self.canvas = FigureCanvasAgg(self.figure)
        self._text_renderer = None
        base_renderer = self.canvas.get_renderer

        def get_renderer():  # the canvas's renderer, with the text layouts reused (see _text_renderer)
            renderer = base_renderer()
            if renderer is not self._text_renderer:
                self._text_renderer = _text_renderer(renderer)
            return renderer

        self.canvas.get_renderer = get_renderer
        if margins is not None:
            allowed = {"left", "right", "bottom", "top", "wspace", "hspace"}
            if not isinstance(margins, dict) or not set(margins) <= allowed:
                raise ValueError(f"margins must be a dict with keys among {sorted(allowed)}; got {margins!r}.")
            for key, value in margins.items():
                number(
                    value, f"margins[{key!r}]", low=0, high=1 if key not in ("wspace", "hspace") else 10, scalar=True
                )
            self.figure.subplots_adjust(**margins)
        self._animated: list = []
        self._background = None

    def animate(self, *artists) -> None:
        """Redraw only these artists on each :meth:`png`, over a background saved once."""
        for artist in artists:
            artist.set_animated(True)
            self._animated.append(artist)
        self._background = None

    def invalidate(self) -> None:
        """Draw the background again at the next :meth:`png` (after a change to anything not animated)."""
        self._background = None

    def png(self) -> bytes:
        """The figure as PNG bytes: one plain draw (or a blit), light compression."""
        import numpy as np

        if self._animated:
            if self._background is None:
                self.canvas.draw()  # everything but the animated artists
                self._background = self.canvas.copy_from_bbox(self.figure.bbox)
            else:
                self.canvas.restore_region(self._background)
            renderer = self.canvas.get_renderer()
            for artist in sorted(self._animated, key=lambda a: a.get_zorder()):  # as a full draw orders them
                if artist.get_visible():
                    artist.draw(renderer)
        else:
            self.canvas.draw()
        # RGB, not RGBA (the figure is opaque): a quarter fewer bytes to compress and to send
        return _png_rgb(np.asarray(self.canvas.buffer_rgba())[:, :, :3])

    def _repr_png_(self) -> bytes:
        return self.png()

    def texts(self) -> list[str]:
        """Every title, axis label, legend entry and text of the figure (for tests and alt text)."""
        found = [t.get_text() for t in self.figure.texts]
        for ax in self.figure.axes:
            found += [ax.get_title(), ax.get_xlabel(), ax.get_ylabel()]
            found += [t.get_text() for t in ax.texts]
            legend = ax.get_legend()
            if legend is not None:
                found += [t.get_text() for t in legend.get_texts()]
        return [t for t in found if t]
