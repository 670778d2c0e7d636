"""Widget figures of lessons 06 and 07, and a fast-redraw helper for widgets.

A widget that rebuilds its Matplotlib figure on every move of a slider is
slow (a new figure, a layout pass, the inline backend's round trip).  The
figures here are built once; an update changes their artists in place and
:class:`FastFigure` draws the result straight to a PNG.  The notebooks only
call :meth:`update` and show the result with :func:`utils.style.show`, so the
plumbing stays out of the students' way and the figures can be tested.

Examples
--------
>>> import astropy.units as u
>>> from utils import photometry
>>> from utils.facts import fact
>>> scene = photometry.make_scene(photometry.OccatorModel(
...     background=0.09, facula=0.4, crater_diameter=92 * u.km, facula_diameter=10 * u.km), n_px=200)
>>> view = CameraExplorer(scene, fact("fc.ifov"))
>>> print(view.update(146000, 1.0).figure.axes[1].get_title())
Profile across the facula, 146,000 km
exposure 1
"""

from __future__ import annotations

import io

import astropy.units as u
import numpy as np

from . import style
from .camera import pixel_scale
from .units import array, instance, number, pair, require


def _single(value, unit, name):
    """A positive scalar Quantity convertible to ``unit``, or a clear error naming ``name``."""
    q = require(value, unit, name, positive=True)
    if q.ndim:
        raise ValueError(f"{name} must be a single value; got shape {q.shape}.")
    return q


__all__ = ["FastFigure", "CameraExplorer", "SharpnessView"]


class FastFigure:
    """A Matplotlib figure that draws itself straight to PNG bytes.

    It is not registered with pyplot, so the inline backend never shows it on
    its own; display it with ``utils.style.show(fast_figure, alt=...)``
    (anything with ``_repr_png_`` can be shown that way).

    Parameters
    ----------
    figsize : tuple of float
        Width and height in inches (each at most 30).
    dpi : float
        Resolution of the PNG (at most 600).

    Examples
    --------
    >>> f = FastFigure((3, 2))
    >>> ax = f.figure.add_subplot()
    >>> f.png()[:4] == b"\\x89PNG"
    True
    """

    def __init__(self, figsize: tuple[float, float] = (8.8, 3.8), dpi: float = 100):
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure

        figsize = pair(figsize, "figsize", positive=True, high=30)
        dpi = number(dpi, "dpi", positive=True, scalar=True, high=600)
        # a fixed layout: no layout engine pass on each redraw (and no clash with subplots_adjust)
        self.figure = Figure(figsize=figsize, dpi=dpi, layout="none")
        self._canvas = FigureCanvasAgg(self.figure)

    def png(self) -> bytes:
        """The figure as PNG bytes (one plain draw, light compression: fast)."""
        buffer = io.BytesIO()
        self._canvas.print_png(buffer, pil_kwargs={"compress_level": 1})
        return buffer.getvalue()

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


class CameraExplorer(FastFigure):
    """Lesson 06's widget: a model camera image around Occator and the profile through the facula.

    Parameters
    ----------
    scene : utils.photometry.Scene
        From :func:`utils.photometry.make_scene`.
    ifov : Quantity
        The camera's pixel angle.

    Examples
    --------
    See the module's example.
    """

    #: Colours: not a body's colour (the image is grey; these mark the model's readings).
    SATURATED = style.OTHER_COLOURS["teal"]
    PROFILE = style.OTHER_COLOURS["indigo"]
    ROW = PROFILE  # the dotted row and its profile are the same line of pixels
    LIMIT = style.OTHER_COLOURS["black"]

    def __init__(self, scene, ifov):
        from matplotlib import patheffects
        from matplotlib.colors import to_rgb

        from .photometry import Scene

        instance(scene, Scene, "scene", hint="from utils.photometry.make_scene")
        ifov = _single(ifov, u.rad, "ifov")
        super().__init__((8.8, 3.8))
        self.scene, self.ifov = scene, ifov
        fig = self.figure
        self.ax_img, self.ax_prof = fig.subplots(1, 2)
        fig.subplots_adjust(left=0.09, right=0.98, bottom=0.15, top=0.83, wspace=0.32)
        self._image = self.ax_img.imshow(np.zeros((3, 3, 3), np.uint8), interpolation="nearest")
        # a white outline keeps the dotted row visible on the dark image at low exposure
        self.ax_img.axhline(
            0,
            color=self.ROW,
            ls=":",
            lw=1.8,
            path_effects=[patheffects.Stroke(linewidth=3.6, foreground="white"), patheffects.Normal()],
        )
        self.ax_img.set_xlabel("east (km)", fontsize=11)
        self.ax_img.set_ylabel("north (km)", fontsize=11)
        (self._line,) = self.ax_prof.step([], [], where="mid", color=self.PROFILE)
        self.ax_prof.axhline(1, color=self.LIMIT, ls="--")
        self.ax_prof.text(
            0.02,
            1.02,
            "saturation (full scale)",
            va="bottom",
            fontsize=10,
            transform=self.ax_prof.get_yaxis_transform(),
        )
        self.ax_prof.set_xlabel("position along the dotted row (km)", fontsize=11)
        self.ax_prof.set_ylabel("reading (fraction of full)", fontsize=11)
        self.ax_prof.set_ylim(0, 1.15)
        for ax in (self.ax_img, self.ax_prof):
            ax.grid(False)
            ax.locator_params(nbins=4)
            ax.tick_params(labelsize=10)
        self._saturated_rgb = (255 * np.array(to_rgb(self.SATURATED))).astype(np.uint8)
        self.saturated_pixels = 0

    def update(self, distance_km: float, exposure: float = 1.0) -> CameraExplorer:
        """Redraw for a distance (km, a plain number from a slider) and an exposure.

        Returns the explorer itself, ready to be shown.
        """
        from . import photometry

        d = require(
            distance_km * u.km if not isinstance(distance_km, u.Quantity) else distance_km,
            u.km,
            "distance_km",
            positive=True,
        )
        if not np.isfinite(exposure) or exposure <= 0:
            raise ValueError(f"exposure must be a positive number; got {exposure!r}")
        img = photometry.camera_image(self.scene, d, self.ifov, exposure=exposure)
        x, reading = photometry.profile(img)
        rgb = np.repeat((255 * img.reading).astype(np.uint8)[:, :, None], 3, axis=2)
        rgb[img.saturated] = self._saturated_rgb
        self._image.set_data(rgb)
        self._image.set_extent(img.extent_km)
        self.saturated_pixels = int(img.saturated.sum())
        self.ax_img.set_xlim(*img.extent_km[:2])
        self.ax_img.set_ylim(*img.extent_km[2:])
        self.ax_img.set_title(
            f"Model image (not Dawn's), {img.pixel_scale.to(u.km):.3f}/pixel\n"
            f"saturated pixels (teal): {self.saturated_pixels:,}",
            fontsize=11,
        )
        self._line.set_data(x.to_value(u.km), reading)
        self.ax_prof.set_xlim(*img.extent_km[:2])
        self.ax_prof.set_title(
            f"Profile across the facula, {d.to_value(u.km):,.0f} km\nexposure {exposure:.2g}", fontsize=11
        )
        return self

    def alt(self) -> str:
        """Alt text for the current state."""
        return (
            f"{self.ax_img.get_title().replace(chr(10), '; ')}. Left: a grey model camera image "
            f"around Occator with saturated pixels in teal. Right: the detector reading along the "
            f"dotted row through the facula, with the saturation level as a dashed line "
            f"({self.ax_prof.get_title().replace(chr(10), ', ')})."
        )


class SharpnessView(FastFigure):
    """Lesson 07's widget: a schematic crater and facula averaged into camera pixels.

    Parameters
    ----------
    model : ndarray
        Fine reflectance map from :func:`utils.factcheck.facula_model`.
    field : Quantity
        Width of the model map.
    ifov : Quantity
        The camera's pixel angle.
    facula_diameter, crater_diameter : Quantity
        Outlines drawn on top.
    """

    RIM = style.OTHER_COLOURS["teal"]
    FACULA = style.OTHER_COLOURS["olive"]

    def __init__(self, model, field, ifov, facula_diameter, crater_diameter):
        from matplotlib.patches import Circle

        model = array(model, "model", ndim=2, low=0)
        field, ifov = _single(field, u.km, "field"), _single(ifov, u.rad, "ifov")
        self.facula = _single(facula_diameter, u.km, "facula_diameter")
        crater = _single(crater_diameter, u.km, "crater_diameter")
        super().__init__((6.4, 5.2))
        self.model, self.field, self.ifov = model, field, ifov
        self.ax = self.figure.add_subplot()
        self.figure.subplots_adjust(left=0.14, right=0.97, bottom=0.11, top=0.85)
        self._image = self.ax.imshow(
            np.zeros((2, 2)), cmap="gray", vmin=0, vmax=float(np.max(model)), origin="lower", interpolation="nearest"
        )
        for dia, ls, colour, label in [
            (crater, "--", self.RIM, "crater rim"),
            (self.facula, ":", self.FACULA, "facula outline"),
        ]:
            self.ax.add_patch(
                Circle((0, 0), dia.to_value(u.km) / 2, fill=False, ls=ls, lw=1.8, color=colour, label=label)
            )
        self.ax.set_xlabel("x (km)", fontsize=11)
        self.ax.set_ylabel("y (km)", fontsize=11)
        self.ax.tick_params(labelsize=10)
        self.ax.legend(loc="lower right", fontsize=10)
        self.ax.grid(False)

    def update(self, distance_km: float) -> SharpnessView:
        """Redraw for a distance (km, a plain number from a slider)."""
        from .factcheck import pixelate

        d = require(
            distance_km * u.km if not isinstance(distance_km, u.Quantity) else distance_km,
            u.km,
            "distance_km",
            positive=True,
        )
        pixel = pixel_scale(d, self.ifov)
        image, width = pixelate(self.model, self.field, pixel)
        half = width.to_value(u.km) / 2
        self._image.set_data(image)
        self._image.set_extent((-half, half, -half, half))
        self.ax.set_xlim(-half, half)
        self.ax.set_ylim(-half, half)
        cell = (self.field / np.shape(self.model)[0]).to(u.km)
        limit = f" (model limit {cell:.2f})" if pixel < cell else ""
        self.ax.set_title(
            f"Schematic crater seen from {d.to_value(u.km):,.0f} km\n"
            f"{pixel.to(u.km):.2f} per pixel{limit}, brightest pixel reflectance "
            f"{image.max():.2f}",
            fontsize=11,
        )
        return self

    def alt(self) -> str:
        """Alt text for the current state."""
        return (
            f"{self.ax.get_title().replace(chr(10), ': ')}. A schematic, not a Dawn image: grey "
            "squares are camera pixels over a bright round facula in a dark crater, with the true "
            "outlines of the crater rim (dashed) and of the facula (dotted) drawn on top."
        )
