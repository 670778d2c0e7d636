"""How sharp is a picture? Pixel scale and resolution for a framing camera.

A camera pixel sees a small angle, its instantaneous field of view (IFOV).
From a distance ``d`` one pixel covers about ``d * IFOV`` on the ground
(small-angle approximation, looking straight down).

Examples
--------
>>> import astropy.units as u
>>> pixel_scale(13500 * u.km, 93.7 * u.urad).to(u.km).round(2)
<Quantity 1.26 km>
"""

from __future__ import annotations

import astropy.units as u
import numpy as np

from .units import axes, quantity_map, require

__all__ = ["pixel_scale", "plot_pixel_scale"]


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


def _pixels_across(size: u.Quantity, distance: u.Quantity, ifov: u.Quantity) -> u.Quantity:
    """How many pixels span a feature of ``size`` seen from ``distance`` (dimensionless)."""
    s = require(size, u.km, "size", positive=True)
    return (s / pixel_scale(distance, ifov)).to(u.one)


def _distance_for_pixel_scale(scale: u.Quantity, ifov: u.Quantity) -> u.Quantity:
    """The distance from which one pixel covers ``scale``, in km."""
    s = require(scale, u.m, "scale", positive=True)
    return (s / _ifov(ifov).to_value(u.rad)).to(u.km)


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
            # the leftmost label goes down and right of its mark: off the rising line, clear of the ring
            first = x == md.min()
            where = {"xytext": (9, -3), "ha": "left", "va": "top"} if first else {"xytext": (-4, 8), "ha": "right"}
            ax.annotate(name, (x, y), textcoords="offset points", fontsize=9, **where)
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


def stops_clear_of(stops_km, size, pixels, ifov, offset, margin=0.01):
    """The slider stops (km) that lie over ``margin`` from every distance at which a feature of ``size`` spans
    ``pixels`` pixels: read to the ground, ``offset`` farther or nearer, or with half the size.

    A slider of distances leaves these out so that no stop answers an exercise that asks for such a distance.
    """
    ground = (require(size, u.km, "size", positive=True) / (pixels * _ifov(ifov).to_value(u.rad))).to_value(u.km)
    step = require(offset, u.km, "offset").to_value(u.km)
    avoid = (ground - step, ground, ground + step, ground / 2)
    return [km for km in stops_km if all(abs(km / d - 1) > margin for d in avoid)]
