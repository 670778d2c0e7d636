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

import numpy as np
import astropy.units as u

from .units import require

__all__ = ["pixel_scale", "pixels_across", "distance_for_pixel_scale"]


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
