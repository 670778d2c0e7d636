"""How bright does a surface look? Reflectance laws.

Brightness is given as the *radiance factor* I/F: the surface's brightness
divided by that of a perfect white screen facing the Sun at the same distance.

* Lambert's law: ``I/F = A * mu0`` (a matte surface: brightness depends on the
  Sun's height only).
* Lommel-Seeliger law: ``I/F = A * 2 mu0 / (mu0 + mu)`` (single scattering in a
  dark, porous surface such as the Moon's or Ceres'), scaled here so that both
  laws give ``A`` for a surface lit and seen face-on (``mu0 = mu = 1``).

Seen at zero phase, a Lambert sphere of normal albedo ``A`` has geometric
albedo ``2A/3`` and a Lommel-Seeliger sphere ``A`` (see :func:`geometric_albedo`).

``mu0`` and ``mu`` are the cosines of the angles of the Sun and of the viewer
from the local vertical (incidence and emission angles).

Albedo rules (:func:`utils.units.albedo`): a Lambert surface's albedo is also
its Bond albedo (the light it sends in all directions), so it is at most 1;
the Lommel-Seeliger albedo here is the sphere's geometric albedo, which can
exceed 1 (Enceladus).  A pixel that holds a small spot reports the
area-weighted mean of the albedos (:func:`diluted_albedo`).  The model of a
crater seen through a camera is :mod:`utils.imaging`.

The two laws themselves (``_lambert``, ``_lommel_seeliger``) are private: the
lesson asks students to write them out, and :func:`utils.imaging.render_sphere`
applies them to a whole sphere.

Examples
--------
>>> round(float(geometric_albedo(0.1, "lambert")), 3), round(float(geometric_albedo(0.1, "lommel-seeliger")), 3)
(0.067, 0.1)
"""

from __future__ import annotations

import astropy.units as u
import numpy as np

from .units import albedo as _albedo
from .units import choice, require

__all__ = [
    "geometric_albedo",
    "diluted_albedo",
]


# --------------------------------------------------------------------------
# photometric laws
# --------------------------------------------------------------------------


def _cosine(value, name: str) -> np.ndarray:
    c = np.asanyarray(require(value, u.one, name).to_value(u.one), dtype=float)
    if np.any(c > 1 + 1e-12) or np.any(c < -1 - 1e-12):
        raise ValueError(f"{name} is a cosine and must lie between -1 and 1; got values up to {np.max(np.abs(c))}.")
    return c


def _lambert(albedo, mu0) -> np.ndarray:
    """Radiance factor I/F of a Lambert (perfectly matte) surface: ``A * mu0``.

    Parameters
    ----------
    albedo : float or array
        Albedo of the surface, 0 to 1 (for a Lambert surface also its Bond albedo).
    mu0 : float or array
        Cosine of the incidence angle (the Sun's angle from the vertical).
        Negative values (Sun below the horizon) give 0.

    Returns
    -------
    ndarray
        I/F, dimensionless.

    Examples
    --------
    >>> float(_lambert(0.09, 1.0))
    0.09
    """
    a, m0 = np.asarray(_albedo(albedo, "albedo", kind="bond")), _cosine(mu0, "mu0")
    return a * np.clip(m0, 0, None)


def _lommel_seeliger(albedo, mu0, mu) -> np.ndarray:
    """Radiance factor I/F of a Lommel-Seeliger surface: ``A * 2 mu0 / (mu0 + mu)``.

    Light is scattered once inside a dark, porous surface; the path in and out
    of the grains, not the tilt alone, sets the brightness. Seen with the Sun
    behind the viewer (``mu0 = mu``) every point of a sphere has the same I/F:
    the disc looks flat, with no darkening towards the edge.

    Parameters
    ----------
    albedo : float or array
        Normal albedo (I/F seen and lit face-on), a geometric albedo (0 to 2).
    mu0, mu : float or array
        Cosines of the incidence and emission angles. Points not lit or not
        seen (cosine <= 0) give 0.

    Examples
    --------
    >>> float(_lommel_seeliger(0.09, 0.3, 0.3))
    0.09
    """
    a, m0, m = np.asarray(_albedo(albedo, "albedo")), _cosine(mu0, "mu0"), _cosine(mu, "mu")
    m0c, mc = np.clip(m0, 0, None), np.clip(m, 0, None)
    denom = m0c + mc
    with np.errstate(invalid="ignore", divide="ignore"):
        out = np.where((m0c > 0) & (mc > 0), 2 * a * m0c / np.where(denom > 0, denom, 1), 0.0)
    return out


_LAWS = {"lambert": lambda a, m0, m: _lambert(a, m0), "lommel-seeliger": _lommel_seeliger}

#: Geometric albedo of a sphere / normal albedo A, for each law as normalised here.
#: At zero phase (mu0 = mu) Lambert's disc averages A * mu over the disc, 2A/3;
#: the Lommel-Seeliger disc is uniformly A.
_GEOMETRIC_FACTOR = {"lambert": 2 / 3, "lommel-seeliger": 1.0}


def geometric_albedo(albedo, law: str = "lommel-seeliger") -> np.ndarray:
    """Geometric albedo of a sphere whose surface follows ``law`` with normal albedo ``albedo``.

    The geometric albedo compares the sphere seen at zero phase with a white
    Lambert disc of the same size, so it is the mean I/F over the disc at zero
    phase: ``2 A / 3`` for a Lambert sphere, ``A`` for a Lommel-Seeliger one
    (both laws normalised so that ``I/F = A`` lit and seen face-on).

    Examples
    --------
    >>> float(geometric_albedo(0.09, "lambert")), float(geometric_albedo(0.09, "lommel-seeliger"))
    (0.06, 0.09)
    """
    key = _key(law)
    kind = "bond" if key == "lambert" else "geometric"
    return np.asarray(_albedo(albedo, "albedo", kind=kind)) * _GEOMETRIC_FACTOR[key]


def _key(name: str) -> str:
    key = name.lower().replace("_", "-").replace(" ", "-") if isinstance(name, str) else name
    return choice(key, "law", _LAWS)


def _law(name: str):
    """The law called ``name`` (``'lambert'`` or ``'lommel-seeliger'``; ``_`` and spaces work for ``-``)."""
    return _LAWS[_key(name)]


# --------------------------------------------------------------------------
# areal mixing: what one pixel reports of a small spot
# --------------------------------------------------------------------------


def diluted_albedo(spot_albedo, background_albedo, spot_diameter: u.Quantity, pixel_size: u.Quantity):
    """Apparent albedo of the one pixel holding a small round spot (no blur).

    The pixel averages the light from its whole footprint: a spot covering a
    fraction ``f`` of the pixel's area gives
    ``A_pixel = f * A_spot + (1 - f) * A_background``. A spot larger than the
    pixel fills it (``f = 1``).

    Parameters
    ----------
    spot_albedo, background_albedo : float
        Geometric albedos (0 to 2).
    spot_diameter : Quantity
        Diameter of the (round) spot.
    pixel_size : Quantity
        Ground size of one (square) pixel, e.g. from ``utils.camera.pixel_scale``.

    Returns
    -------
    Quantity
        Dimensionless apparent albedo.

    Examples
    --------
    >>> import astropy.units as u
    >>> diluted_albedo(0.5, 0.1, 5 * u.km, 20 * u.km).round(3)
    <Quantity 0.12>
    """
    a_s, a_b = _albedo(spot_albedo, "spot_albedo"), _albedo(background_albedo, "background_albedo")
    d = require(spot_diameter, u.km, "spot_diameter", positive=True)
    p = require(pixel_size, u.km, "pixel_size", positive=True)
    fill = np.clip((np.pi * (d / 2) ** 2 / p**2).to_value(u.one), 0, 1)
    return (fill * a_s + (1 - fill) * a_b) * u.one
