"""How sharp is a picture? Pixel scale and resolution for a framing camera.

A camera pixel sees a small angle, its instantaneous field of view (IFOV).
From a distance ``d`` one pixel covers about ``d * IFOV`` on the ground
(small-angle approximation, looking straight down).

Examples
--------
>>> import astropy.units as u
>>> pixel_scale(7200 * u.km, 93.7 * u.urad).to(u.km).round(3)
<Quantity 0.675 km>
"""

from __future__ import annotations

import astropy.units as u
import numpy as np

from .units import axes, integer, quantity_map, require

__all__ = ["pixel_scale", "pixels_across", "distance_for_pixel_scale", "schematic_view", "plot_pixel_scale"]


def _ifov(ifov) -> u.Quantity:
    ifov = require(ifov, u.rad, "ifov", positive=True)
    if np.any(ifov > 0.1 * u.rad):
        raise ValueError(f"ifov is a pixel's angle and should be small (microradians); got {ifov}.")
    return ifov


def pixel_scale(distance: u.Quantity, ifov: u.Quantity) -> u.Quantity:
    """Ground size of one pixel seen from ``distance`` (small-angle approximation).

    Parameters
    ----------
    distance : Quantity
        Distance from the camera to the surface (altitude when looking straight down).
    ifov : Quantity
        The angle one pixel sees (e.g. 93.7 µrad for Dawn's Framing Camera).

    Returns
    -------
    Quantity
        Length per pixel, in metres.
    """
    d = require(distance, u.km, "distance", positive=True)
    return (d * _ifov(ifov).to_value(u.rad)).to(u.m)


def pixels_across(size: u.Quantity, distance: u.Quantity, ifov: u.Quantity) -> u.Quantity:
    """How many pixels span a feature of ``size`` seen from ``distance`` (dimensionless)."""
    s = require(size, u.km, "size", positive=True)
    return (s / pixel_scale(distance, ifov)).to(u.one)


def distance_for_pixel_scale(scale: u.Quantity, ifov: u.Quantity) -> u.Quantity:
    """The distance from which one pixel covers ``scale``, in km."""
    s = require(scale, u.m, "scale", positive=True)
    return (s / _ifov(ifov).to_value(u.rad)).to(u.km)


def schematic_view(
    scale: u.Quantity,
    crater_diameter: u.Quantity,
    spot_diameter: u.Quantity,
    field: u.Quantity | None = None,
    max_pixels: int = 200,
    supersample: int = 4,
) -> tuple[np.ndarray, u.Quantity, bool]:
    """A schematic picture of a round crater with a bright central spot, at a given pixel scale.

    Not a real image: the crater floor, the spot and the surroundings get fixed
    relative brightnesses (surroundings 0.35, crater floor 0.2, spot 1.0), and
    each pixel shows the area-weighted mean over its footprint (computed on a
    ``supersample`` x ``supersample`` grid inside every pixel).  It shows only
    how many pixels a feature spans.

    Parameters
    ----------
    scale : Quantity
        Ground size of one pixel (e.g. from :func:`pixel_scale`).
    crater_diameter, spot_diameter : Quantity
        Sizes of the crater and of its central bright spot (spot <= crater).
    field : Quantity, optional
        Width of the square scene; default 1.3 crater diameters.
    max_pixels : int
        Most pixels drawn across the scene (1 to 4000); when the real pixels are finer
        the picture is drawn with this many and ``resolved_fully`` is False.
    supersample : int
        Sub-samples per pixel side (1 to 16).

    Returns
    -------
    image : ndarray
        Shape (n, n), values in [0, 1].
    extent : Quantity
        Half-width of the scene (the picture spans -extent..extent), in km.
    resolved_fully : bool
        True when the picture has the real pixel scale, False when it is capped.

    Examples
    --------
    >>> img, half, full = schematic_view(10 * u.km, 92 * u.km, 10 * u.km)
    >>> img.shape, full
    ((12, 12), True)
    """
    s = require(scale, u.km, "scale", positive=True).to_value(u.km)
    D = require(crater_diameter, u.km, "crater_diameter", positive=True).to_value(u.km)
    d = require(spot_diameter, u.km, "spot_diameter", positive=True).to_value(u.km)
    for name, value in (("scale", s), ("crater_diameter", D), ("spot_diameter", d)):
        if np.ndim(value):
            raise ValueError(
                f"schematic_view draws one scene: give single values, not arrays ({name} has shape {np.shape(value)})."
            )
    if d > D:
        raise ValueError(f"the spot ({d} km) cannot be larger than the crater ({D} km).")
    W = 1.3 * D if field is None else require(field, u.km, "field", positive=True).to_value(u.km)
    if np.ndim(W):
        raise ValueError(f"field must be a single value, not an array; got shape {np.shape(W)}.")
    max_pixels = integer(max_pixels, "max_pixels", low=1, high=4000)
    supersample = integer(supersample, "supersample", low=1, high=16)
    n_true = int(np.ceil(W / s))
    if n_true <= max_pixels:
        W = n_true * s  # whole pixels of exactly ``scale``
    n = min(n_true, int(max_pixels))
    m = n * int(supersample)
    x = (np.arange(m) + 0.5) / m * W - W / 2
    r2 = x[:, None] ** 2 + x[None, :] ** 2
    fine = np.where(r2 <= (d / 2) ** 2, 1.0, np.where(r2 <= (D / 2) ** 2, 0.2, 0.35))
    image = fine.reshape(n, supersample, n, supersample).mean(axis=(1, 3))
    return image, (W / 2) * u.km, n_true <= max_pixels


def plot_pixel_scale(
    ax, distances: u.Quantity, ifov: u.Quantity, marks: dict | None = None, current: u.Quantity | None = None
):
    """Plot helper: pixel scale (km) against distance (km) on log axes.

    Parameters
    ----------
    ax : matplotlib Axes
    distances : Quantity
        Distances for the curve (positive lengths).
    ifov : Quantity
        The camera's IFOV.
    marks : dict, optional
        name -> distance, drawn as labelled squares (e.g. the science orbits).
    current : Quantity, optional
        A distance drawn as a ring (the widget's choice).

    Tick labels are plain numbers (no math text), which keeps redraws fast.
    """
    from .style import PALETTE

    axes(ax)
    d = require(distances, u.km, "distances", positive=True).to_value(u.km)
    if np.ndim(d) != 1 or np.size(d) < 2:
        raise ValueError(f"distances must be a one-dimensional array of at least 2 distances; got shape {np.shape(d)}.")
    if np.ndim(_ifov(ifov)):
        raise ValueError(f"ifov must be a single angle; got shape {np.shape(ifov)}.")
    if marks is not None:
        marks = quantity_map(marks, "marks", u.km, positive=True)
    if current is not None and np.ndim(require(current, u.km, "current", positive=True)):
        raise ValueError(f"current must be a single distance; got shape {np.shape(current)}.")
    ax.loglog(d, pixel_scale(d * u.km, ifov).to_value(u.km), color="0.3", label="pixel scale = d × IFOV")
    if marks:
        md = u.Quantity(list(marks.values())).to_value(u.km)
        ms = pixel_scale(md * u.km, ifov).to_value(u.km)
        ax.plot(md, ms, "s", color=PALETTE["dawn"], label="science orbits")
        for name, x, y in zip(marks, md, ms, strict=True):
            ax.annotate(name, (x, y), xytext=(-4, 8), textcoords="offset points", ha="right", fontsize=9)
    if current is not None:
        c = require(current, u.km, "current", positive=True)
        ax.plot(
            c.to_value(u.km),
            pixel_scale(c, ifov).to_value(u.km),
            "o",
            ms=11,
            mfc="none",
            mec="black",
            mew=2,
            label="your choice",
        )
    lo, hi = d.min(), d.max()
    xt = [10.0**k for k in range(int(np.ceil(np.log10(lo))), int(np.floor(np.log10(hi))) + 1)]
    ax.set_xticks(xt, labels=[f"{x:,g}" for x in xt])
    y = pixel_scale(np.array([lo, hi]) * u.km, ifov).to_value(u.km)
    yt = [10.0**k for k in range(int(np.ceil(np.log10(y[0]))), int(np.floor(np.log10(y[1]))) + 1)]
    ax.set_yticks(yt, labels=[f"{v:g}" for v in yt])
    ax.minorticks_off()
    ax.set(xlim=(lo, hi), ylim=(y[0], y[1]), xlabel="Distance to the surface (km)", ylabel="Pixel scale (km per pixel)")
    ax.legend(loc="upper left", fontsize=9)
    return ax


class DistanceView:
    """The lesson's Explore figure, built once: pixel scale against distance, and a schematic picture.

    :meth:`draw` moves the ring, redraws the schematic crater with pixels of the
    chosen size and rewrites the headline, so a widget only redraws (fast) and
    every text follows the slider.

    Parameters
    ----------
    ifov : Quantity
        The camera's instantaneous field of view (an angle per pixel).
    crater, spot : Quantity
        Diameters of the crater and of its bright central spot.
    marks : dict
        name -> distance of the science orbits, drawn as labelled squares.
    distances : Quantity
        Distances for the pixel-scale curve.
    field : Quantity, optional
        Width of the schematic picture (default three spot diameters).
    max_pixels : int
        Most pixels drawn across the picture (finer real pixels are drawn coarser, and the figure says so).
    names : (str, str)
        What to call the crater and the spot in the texts.

    Examples
    --------
    >>> import astropy.units as u
    >>> view = DistanceView(93.7 * u.urad, 92 * u.km, 10 * u.km, {"LAMO": 385 * u.km},
    ...                     np.geomspace(20, 70000, 50) * u.km)
    >>> view.draw(7242).texts[0].get_text().splitlines()[0]
    'From 7,242 km: 679 m per pixel'
    """

    def __init__(
        self,
        ifov: u.Quantity,
        crater: u.Quantity,
        spot: u.Quantity,
        marks: dict,
        distances: u.Quantity,
        field: u.Quantity | None = None,
        max_pixels: int = 120,
        names: tuple[str, str] = ("the crater", "the bright spot"),
    ):
        import matplotlib.pyplot as plt

        self.ifov = _ifov(ifov)
        self.crater = require(crater, u.km, "crater", positive=True)
        self.spot = require(spot, u.km, "spot", positive=True)
        self.field = 3 * self.spot if field is None else require(field, u.km, "field", positive=True)
        self.max_pixels = max_pixels
        self.names = names
        # layout="none" from the start: a fixed layout (no re-layout at each redraw, and no warning)
        fig, (ax_scale, ax_pic) = plt.subplots(1, 2, figsize=(9, 4.1), width_ratios=[1.3, 1], layout="none")
        # Keep this fixed layout for good: a figure with no layout engine gets the style's constrained
        # layout back the first time it is saved or displayed (matplotlib restores "no engine" from rcParams).
        from matplotlib.layout_engine import PlaceHolderLayoutEngine

        fig.set_layout_engine(PlaceHolderLayoutEngine(adjust_compatible=True, colorbar_gridspec=True))
        fig.subplots_adjust(left=0.09, right=0.97, bottom=0.13, top=0.78, wspace=0.3)
        plt.close(fig)  # shown by the caller (a widget)
        plot_pixel_scale(ax_scale, distances, self.ifov, marks=marks)
        (self.ring,) = ax_scale.plot(
            [], [], "o", ms=11, mfc="none", mec="black", mew=2, clip_on=False, label="your choice"
        )
        ax_scale.legend(loc="upper left", fontsize=9)
        ax_scale.grid(False)  # fewer artists to redraw
        self.picture = ax_pic.imshow(
            np.zeros((2, 2)), cmap="gray", vmin=0, vmax=1, origin="lower", interpolation="nearest"
        )
        half = self.field.to_value(u.km) / 2
        ticks = [-10 * k for k in (1, 0, -1)] if half > 10 else None
        ax_pic.set(xlim=(-half, half), ylim=(-half, half), xlabel="x (km)", ylabel="y (km)")
        if ticks:
            ax_pic.set(xticks=ticks, yticks=ticks)
        ax_pic.set_title(f"schematic centre of {names[0]}", fontsize=10)
        ax_pic.grid(False)
        self.note = ax_pic.text(
            0.5,
            0.03,
            "",
            transform=ax_pic.transAxes,
            ha="center",
            va="bottom",
            fontsize=9,
            color="white",
            bbox={"facecolor": "black", "alpha": 0.7, "edgecolor": "none"},
        )
        self.headline = fig.text(0.5, 0.97, "", ha="center", va="top", fontsize=12)
        self.figure, self.ax_scale, self.ax_pic = fig, ax_scale, ax_pic

    def draw(self, distance_km: float):
        """Show the view from ``distance_km`` (a plain number of km); returns the figure."""
        d = require(distance_km * u.km, u.km, "distance_km", positive=True)
        scale = pixel_scale(d, self.ifov)
        self.ring.set_data([d.to_value(u.km)], [scale.to_value(u.km)])
        img, half, full = schematic_view(scale, self.crater, self.spot, field=self.field, max_pixels=self.max_pixels)
        self.picture.set_data(img)
        self.picture.set_extent([-half.value, half.value] * 2)
        self.note.set_text("" if full else "drawn with coarser pixels\nthan the real ones")
        self.note.set_visible(not full)
        shown = f"{scale.to(u.km):.2f}" if scale >= 1 * u.km else f"{scale.to(u.m):.0f}"
        n_crater, n_spot = (pixels_across(x, d, self.ifov).to_value(u.one) for x in (self.crater, self.spot))
        self._state = (d, shown, n_crater, n_spot, full)
        self.headline.set_text(
            f"From {d.to_value(u.km):,.0f} km: {shown} per pixel\n"
            f"{self.names[0]} {n_crater:,.0f} pixels across, {self.names[1]} "
            f"{n_spot:,.{0 if n_spot >= 10 else 1}f}"
        )
        return self.figure

    def alt_text(self) -> str:
        """A description of what :meth:`draw` last showed (for ``utils.style.show``)."""
        d, shown, n_crater, n_spot, full = self._state
        coarse = "" if full else " (drawn with coarser pixels than the real ones)"
        return (
            f"Left: pixel scale against distance on logarithmic axes, a straight line, with the science orbits "
            f"marked and a ring at the chosen {d.to_value(u.km):,.0f} km, where one pixel covers {shown}. "
            f"Right: a schematic centre of {self.names[0]} drawn with pixels of that size{coarse}; {self.names[1]} "
            f"spans about {n_spot:,.0f} pixels, {self.names[0]} {n_crater:,.0f}. Notice how the spot turns from a "
            "blocky blob into a smooth disc as the distance shrinks."
        )
