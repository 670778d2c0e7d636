"""Two-body orbits: Kepler's third law, resonances, vis-viva and Kepler's equation.

All functions take and return astropy Quantities and validate them.  The
gravitational parameter defaults to the Sun's (``astropy.constants.GM_sun``).

Examples
--------
>>> import astropy.units as u
>>> period(1 * u.AU).to(u.yr).round(3)
<Quantity 1. yr>
"""
from __future__ import annotations

import numpy as np
import astropy.units as u
from astropy.constants import GM_sun

from .units import require

__all__ = [
    "period",
    "semi_major_axis",
    "resonance_location",
    "vis_viva_speed",
    "circular_speed",
    "solve_kepler",
    "true_anomaly",
    "orbit_radius",
]

_MU = u.km**3 / u.s**2


def _mu(mu) -> u.Quantity:
    return GM_sun if mu is None else require(mu, _MU, "mu", positive=True)


def period(a: u.Quantity, mu: u.Quantity | None = None) -> u.Quantity:
    """Orbital period from Kepler's third law, :math:`T = 2\\pi\\sqrt{a^3/\\mu}`.

    Parameters
    ----------
    a : Quantity
        Semi-major axis (a length), positive.
    mu : Quantity, optional
        Gravitational parameter G(M + m) of the central body (km3 / s2);
        defaults to the Sun's.

    Returns
    -------
    Quantity
        The period, in days.

    Examples
    --------
    >>> import astropy.units as u
    >>> round(period(2.77 * u.AU).to_value(u.yr), 2)
    4.61
    """
    a = require(a, u.km, "a", positive=True)
    return (2 * np.pi * np.sqrt(a**3 / _mu(mu))).to(u.day)


def semi_major_axis(T: u.Quantity, mu: u.Quantity | None = None) -> u.Quantity:
    """Semi-major axis for an orbital period (Kepler's third law inverted), in AU.

    Examples
    --------
    >>> import astropy.units as u
    >>> round(semi_major_axis(1 * u.yr).to_value(u.AU), 3)
    1.0
    """
    T = require(T, u.s, "T", positive=True)
    return np.cbrt(_mu(mu) * (T / (2 * np.pi)) ** 2).to(u.AU)


def resonance_location(a_perturber: u.Quantity, p: int, q: int) -> u.Quantity:
    """Semi-major axis of the p:q mean-motion resonance with an outer perturber.

    An asteroid in the p:q resonance makes ``p`` orbits while the perturber
    (Jupiter) makes ``q``, so its period is ``q/p`` of the perturber's and, by
    Kepler's third law, ``a = a_perturber * (q/p)**(2/3)``.  Both bodies'
    masses are neglected against the Sun's.

    Parameters
    ----------
    a_perturber : Quantity
        The perturber's semi-major axis.
    p, q : int
        Positive integers with ``p > q`` (an interior resonance, e.g. 3:1).

    Examples
    --------
    >>> import astropy.units as u
    >>> round(resonance_location(5.2026 * u.AU, 3, 1).to_value(u.AU), 3)
    2.501
    """
    a = require(a_perturber, u.AU, "a_perturber", positive=True)
    for name, n in (("p", p), ("q", q)):
        if not isinstance(n, (int, np.integer)) or isinstance(n, bool) or n <= 0:
            raise ValueError(f"{name} must be a positive whole number; got {n!r}.")
    if p <= q:
        raise ValueError(f"an interior resonance needs p > q (for example 3:1); got {p}:{q}.")
    return (a * (q / p) ** (2 / 3)).to(u.AU)


def vis_viva_speed(r: u.Quantity, a: u.Quantity, mu: u.Quantity | None = None) -> u.Quantity:
    """Orbital speed at distance ``r`` on an orbit of semi-major axis ``a``: :math:`v^2 = \\mu(2/r - 1/a)`.

    Raises ``ValueError`` if ``r`` is beyond the aphelion distance allowed by ``a``
    (``r > 2a`` gives no real speed).

    Examples
    --------
    >>> import astropy.units as u
    >>> round(vis_viva_speed(1 * u.AU, 1 * u.AU).to_value(u.km / u.s), 1)
    29.8
    """
    r = require(r, u.km, "r", positive=True)
    a = require(a, u.km, "a", positive=True)
    v2 = _mu(mu) * (2 / r - 1 / a)
    if np.any(v2.value < 0):
        raise ValueError("r cannot exceed 2a on a bound orbit (vis-viva gives no real speed there).")
    return np.sqrt(v2).to(u.km / u.s)


def circular_speed(r: u.Quantity, mu: u.Quantity | None = None) -> u.Quantity:
    """Speed on a circular orbit of radius ``r``, :math:`\\sqrt{\\mu/r}`, in km/s."""
    return vis_viva_speed(r, r, mu)


def _check_e(e) -> np.ndarray:
    e_arr = np.asarray(e.to_value(u.one) if isinstance(e, u.Quantity) else e, dtype=float)
    if not np.all(np.isfinite(e_arr)):
        raise ValueError("eccentricity must be a finite number.")
    if np.any(e_arr < 0) or np.any(e_arr >= 1):
        raise ValueError(
            "Kepler's equation here is for ellipses: eccentricity must satisfy 0 <= e < 1; "
            f"got {e_arr if e_arr.ndim else float(e_arr)}."
        )
    return e_arr


def solve_kepler(M, e, tol: float = 1e-14, max_iter: int = 50) -> u.Quantity:
    """Solve Kepler's equation :math:`M = E - e\\sin E` for the eccentric anomaly E.

    Newton's method, vectorised over ``M`` and ``e``, started from
    ``E0 = M + 0.85 e sign(sin M)`` (robust up to e = 0.99).

    Parameters
    ----------
    M : Quantity (angle) or array
        Mean anomaly; plain numbers are taken as radians.
    e : float or array
        Eccentricity, 0 <= e < 1.
    tol : float
        Convergence tolerance on the residual, in radians.
    max_iter : int
        Maximum Newton steps.

    Returns
    -------
    Quantity
        Eccentric anomaly in radians, with M's shape.

    Examples
    --------
    >>> import astropy.units as u
    >>> E = solve_kepler(1.0 * u.rad, 0.5)
    >>> round(float((E - 0.5 * np.sin(E)).to_value(u.rad)), 12)
    1.0
    """
    if isinstance(M, u.Quantity):
        if not M.unit.is_equivalent(u.rad):
            raise u.UnitsError(f"M must be an angle (rad or deg); got {M.unit}.")
        M_rad = M.to_value(u.rad)
    else:
        M_rad = np.asarray(M, dtype=float)
    if not np.all(np.isfinite(M_rad)):
        raise ValueError("mean anomaly must be finite.")
    e_arr = _check_e(e)
    M_w = np.remainder(M_rad + np.pi, 2 * np.pi) - np.pi  # wrap to [-pi, pi)
    M_w, e_b = np.broadcast_arrays(M_w, e_arr)
    E = M_w + 0.85 * e_b * np.sign(np.sin(M_w))
    for _ in range(max_iter):
        f = E - e_b * np.sin(E) - M_w
        step = f / (1 - e_b * np.cos(E))
        E = E - step
        if np.all(np.abs(step) < tol):
            break
    else:  # pragma: no cover - not reached for 0 <= e <= 0.99
        raise RuntimeError("Kepler's equation did not converge.")
    E = E + (M_rad - M_w)  # undo the wrap so E tracks M continuously
    return E * u.rad


def true_anomaly(E, e) -> u.Quantity:
    """True anomaly from eccentric anomaly (radians), for 0 <= e < 1."""
    E_rad = E.to_value(u.rad) if isinstance(E, u.Quantity) else np.asarray(E, dtype=float)
    e_arr = _check_e(e)
    return 2 * np.arctan2(np.sqrt(1 + e_arr) * np.sin(E_rad / 2), np.sqrt(1 - e_arr) * np.cos(E_rad / 2)) * u.rad


def orbit_radius(a: u.Quantity, e, E) -> u.Quantity:
    """Distance from the focus, :math:`r = a(1 - e\\cos E)`."""
    a = require(a, u.km, "a", positive=True)
    e_arr = _check_e(e)
    E_rad = E.to_value(u.rad) if isinstance(E, u.Quantity) else np.asarray(E, dtype=float)
    return a * (1 - e_arr * np.cos(E_rad))
