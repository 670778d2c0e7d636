"""Two-body orbits: Kepler's third law, resonances, vis-viva and Kepler's equation.

All functions take and return astropy Quantities and validate them.  The
gravitational parameter defaults to the Sun's (``astropy.constants.GM_sun``).

Examples
--------
>>> import astropy.units as u
>>> round(float(period(1 * u.AU).to_value(u.yr)), 3)
1.0
"""

from __future__ import annotations

import astropy.units as u
import numpy as np

from .style import FastFigure
from .units import gravitational_parameter, integer, number, pair, require, resonance_pair, text

__all__ = [
    "period",
    "peak_indices",
    "circular_speed",
    "solve_kepler",
    "true_anomaly",
    "plot_eccentric_anomaly",
    "plot_orbits_to_scale",
    "plot_third_law",
    "plot_distance_from_sun",
    "plot_two_body_error",
    "plot_earth_ceres",
    "SecondLawFigure",
]


def _mu(mu) -> u.Quantity:
    return gravitational_parameter(mu, "mu")


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
    >>> round(float(period(2.77 * u.AU).to_value(u.yr)), 2)
    4.61
    """
    a = require(a, u.km, "a", positive=True)
    return (2 * np.pi * np.sqrt(a**3 / _mu(mu))).to(u.day)


def _semi_major_axis(T: u.Quantity, mu: u.Quantity | None = None) -> u.Quantity:
    """Semi-major axis for an orbital period (Kepler's third law inverted), in AU.

    Examples
    --------
    >>> import astropy.units as u
    >>> round(float(_semi_major_axis(1 * u.yr).to_value(u.AU)), 3)
    1.0
    """
    T = require(T, u.s, "T", positive=True)
    return np.cbrt(_mu(mu) * (T / (2 * np.pi)) ** 2).to(u.AU)


def _resonance_location(a_perturber: u.Quantity, p: int, q: int) -> u.Quantity:
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
    >>> round(float(_resonance_location(5.2026 * u.AU, 3, 1).to_value(u.AU)), 3)
    2.501
    """
    a = require(a_perturber, u.AU, "a_perturber", positive=True)
    p, q = resonance_pair(p, q)
    return (a * (q / p) ** (2 / 3)).to(u.AU)


def _vis_viva_speed(r: u.Quantity, a: u.Quantity, mu: u.Quantity | None = None) -> u.Quantity:
    """Orbital speed at distance ``r`` on an orbit of semi-major axis ``a``: :math:`v^2 = \\mu(2/r - 1/a)`.

    Raises ``ValueError`` if ``r`` is beyond the aphelion distance allowed by ``a``
    (``r > 2a`` gives no real speed).

    Examples
    --------
    >>> import astropy.units as u
    >>> round(float(_vis_viva_speed(1 * u.AU, 1 * u.AU).to_value(u.km / u.s)), 1)
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
    return _vis_viva_speed(r, r, mu)


def _check_e(e, name: str = "e") -> np.ndarray:
    if isinstance(e, u.Quantity) and not e.unit.is_equivalent(u.one):
        raise u.UnitsError(f"{name} is an eccentricity, a plain number (0 <= e < 1) without a unit; got {e.unit}.")
    try:
        e_arr = np.asarray(number(e, name, finite=False), dtype=float)
    except ValueError as err:  # ArgumentTypeError is a ValueError too
        raise type(err)(f"eccentricity: {err} (0 <= e < 1)") from None
    if not np.all(np.isfinite(e_arr)):
        raise ValueError(f"eccentricity {name} must be a finite number; got {e!r}.")
    if e_arr.size == 0:
        raise ValueError(f"{name} is empty; give an eccentricity (0 <= e < 1).")
    if np.any(e_arr >= 1) or np.any(e_arr < 0):
        raise ValueError(
            f"Kepler's equation here is for ellipses: eccentricity {name} must satisfy 0 <= e < 1; "
            f"got {e_arr if e_arr.ndim else float(e_arr)}."
        )
    return e_arr


def _anomaly(value, name: str) -> np.ndarray:
    """An angle Quantity, or plain numbers taken as radians, as a float array of radians."""
    if isinstance(value, u.Quantity):
        return np.asarray(require(value, u.rad, name).to_value(u.rad), dtype=float)
    try:
        arr = number(value, name)
    except ValueError as err:
        raise type(err)(
            f"the mean anomaly or angle {err} (an angle such as 30 * u.deg, or a number in radians)"
        ) from None
    return np.asarray(arr, dtype=float)


def _broadcast(**arrays) -> list:
    """np.broadcast_arrays with a message that names the arguments."""
    try:
        return np.broadcast_arrays(*arrays.values())
    except ValueError:
        shapes = ", ".join(f"{k} {np.shape(v)}" for k, v in arrays.items())
        raise ValueError(
            f"{', '.join(arrays)} must have matching shapes (one value, or one per orbit); got {shapes}."
        ) from None


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
        Convergence tolerance on the Newton step, in radians (1e-15 to 1e-3).
    max_iter : int
        Maximum Newton steps (1 to 1000).

    Returns
    -------
    Quantity
        Eccentric anomaly in radians, with M's shape.

    Examples
    --------
    >>> import astropy.units as u
    >>> E = solve_kepler(1.0 * u.rad, 0.5).to_value(u.rad)
    >>> round(float(E - 0.5 * np.sin(E)), 12)
    1.0
    """
    M_rad = _anomaly(M, "M")
    e_arr = _check_e(e)
    tol = number(tol, "tol", low=1e-15, high=1e-3, scalar=True)
    max_iter = integer(max_iter, "max_iter", low=1, high=1000)
    M_w = np.remainder(M_rad + np.pi, 2 * np.pi) - np.pi  # wrap to [-pi, pi)
    M_w, e_b = _broadcast(M=M_w, e=e_arr)
    E = M_w + 0.85 * e_b * np.sign(np.sin(M_w))
    for _ in range(max_iter):
        f = E - e_b * np.sin(E) - M_w
        step = f / (1 - e_b * np.cos(E))
        E = E - step
        if np.all(np.abs(step) < tol):
            break
    else:
        raise ValueError(
            f"Kepler's equation did not converge to tol={tol:g} in max_iter={max_iter} steps; "
            "allow more steps or a larger tolerance."
        )
    E = E + (M_rad - M_w)  # undo the wrap so E tracks M continuously
    return E * u.rad


def true_anomaly(E, e) -> u.Quantity:
    """True anomaly from eccentric anomaly (radians), for 0 <= e < 1."""
    E_rad = _anomaly(E, "E")
    e_arr = _check_e(e)
    _broadcast(E=E_rad, e=e_arr)
    return 2 * np.arctan2(np.sqrt(1 + e_arr) * np.sin(E_rad / 2), np.sqrt(1 - e_arr) * np.cos(E_rad / 2)) * u.rad


def _orbit_radius(a: u.Quantity, e, E) -> u.Quantity:
    """Distance from the focus, :math:`r = a(1 - e\\cos E)`.

    Private: called with E = pi it returns the aphelion Q that exercise 02.1 asks students to compute.
    """
    a = require(a, u.km, "a", positive=True)
    e_arr = _check_e(e)
    E_rad = _anomaly(E, "E")
    _broadcast(a=a, e=e_arr, E=E_rad)
    return a * (1 - e_arr * np.cos(E_rad))


# --------------------------------------------------------------------------
# elements <-> vectors, orbit paths and two-body propagation
# --------------------------------------------------------------------------

__all__ += [
    "mean_motion",
    "elements_from_state",
    "propagate",
    "elements_from_catalogue",
    "sector_area",
]


def _angle(value, name: str) -> np.ndarray:
    """An angle Quantity (deg or rad) as radians; plain numbers are refused."""
    value = require(value, u.rad, name)
    return np.asarray(value.to_value(u.rad), dtype=float)


def mean_motion(a: u.Quantity, mu: u.Quantity | None = None) -> u.Quantity:
    """Mean motion :math:`n = \\sqrt{\\mu / a^3}`, the average angular speed, in deg/day.

    Examples
    --------
    >>> import astropy.units as u
    >>> round(float(mean_motion(1 * u.AU).to_value(u.deg / u.day)), 4)
    0.9856
    """
    a = require(a, u.km, "a", positive=True)
    return (np.sqrt(_mu(mu) / a**3) * u.rad).to(u.deg / u.day)


def _rotation(i, node, peri):
    """Unit vectors P (to perihelion) and Q (90 deg ahead, in the orbit plane), ecliptic axes."""
    ci, si = np.cos(i), np.sin(i)
    cO, sO = np.cos(node), np.sin(node)
    cw, sw = np.cos(peri), np.sin(peri)
    P = np.stack([cO * cw - sO * sw * ci, sO * cw + cO * sw * ci, sw * si])
    Q = np.stack([-cO * sw - sO * cw * ci, -sO * sw + cO * cw * ci, cw * si])
    return P, Q


def _state_from_elements(
    a: u.Quantity, e, i: u.Quantity, node: u.Quantity, peri: u.Quantity, M, mu: u.Quantity | None = None
) -> tuple[u.Quantity, u.Quantity]:
    """Heliocentric position and velocity from osculating orbital elements.

    The frame is the one the elements refer to (for the JPL catalogue: the
    mean ecliptic and equinox of J2000, x towards the equinox, z towards the
    ecliptic north pole).  Vectorised: the elements and ``M`` broadcast.

    Parameters
    ----------
    a : Quantity
        Semi-major axis (length).
    e : float or array
        Eccentricity, 0 <= e < 1.
    i, node, peri : Quantity
        Inclination, longitude of the ascending node, argument of perihelion (angles).
    M : Quantity or array
        Mean anomaly (angle; plain numbers are radians, as in :func:`solve_kepler`).
    mu : Quantity, optional
        Gravitational parameter; the Sun's by default.

    Returns
    -------
    r, v : Quantity
        Position in AU and velocity in km/s, each of shape ``(3,) + shape``.

    Examples
    --------
    >>> import astropy.units as u
    >>> r, v = _state_from_elements(1 * u.AU, 0.0, 0 * u.deg, 0 * u.deg, 0 * u.deg, 90 * u.deg)
    >>> np.round(r.to_value(u.AU), 6) + 0.0, round(float(v[0].to_value(u.km / u.s)), 2)
    (array([0., 1., 0.]), -29.78)
    """
    a = require(a, u.km, "a", positive=True)
    e_arr = _check_e(e)
    i_r, node_r, peri_r = _angle(i, "i"), _angle(node, "node"), _angle(peri, "peri")
    _broadcast(a=a, e=e_arr, i=i_r, node=node_r, peri=peri_r, M=_anomaly(M, "M"))
    E = solve_kepler(M, e_arr).to_value(u.rad)
    a_au = a.to_value(u.AU)
    E, e_b, a_b, i_r, node_r, peri_r = np.broadcast_arrays(E, e_arr, a_au, i_r, node_r, peri_r)
    P, Q = _rotation(i_r, node_r, peri_r)
    root = np.sqrt(1 - e_b**2)
    cE, sE = np.cos(E), np.sin(E)
    r = a_b * ((cE - e_b) * P + root * sE * Q)
    n = np.sqrt(_mu(mu) / (a_b * u.AU) ** 3).to_value(1 / u.s)
    v = (n * a_b / (1 - e_b * cE)) * (-sE * P + root * cE * Q)
    return r * u.AU, (v * u.AU / u.s).to(u.km / u.s)


def _position_from_elements(a: u.Quantity, e, i: u.Quantity, node: u.Quantity, peri: u.Quantity, M) -> u.Quantity:
    """Heliocentric position (AU) from orbital elements; see ``_state_from_elements``.

    Examples
    --------
    >>> import astropy.units as u
    >>> r = _position_from_elements(2 * u.AU, 0.5, 90 * u.deg, 0 * u.deg, 0 * u.deg, 0 * u.deg)
    >>> np.round(r.to_value(u.AU), 6) + 0.0   # perihelion, on the x axis at a(1 - e)
    array([1., 0., 0.])
    """
    return _state_from_elements(a, e, i, node, peri, M)[0]


def elements_from_state(r: u.Quantity, v: u.Quantity, mu: u.Quantity | None = None) -> dict:
    """Osculating orbital elements from a position and velocity (the inverse of
    ``_state_from_elements``).

    Parameters
    ----------
    r : Quantity
        Position (length), shape ``(3,)`` or ``(3, N)``.
    v : Quantity
        Velocity (speed), same shape.
    mu : Quantity, optional
        Gravitational parameter; the Sun's by default.

    Returns
    -------
    dict
        ``a`` (AU), ``e``, ``i``, ``node``, ``peri``, ``M`` (deg, ``node`` and
        ``peri`` in [0, 360)), ``q`` and ``Q`` (perihelion and aphelion distances, AU).

    Raises
    ------
    ValueError
        If the state is not on a bound (elliptical) orbit.

    Examples
    --------
    >>> import astropy.units as u
    >>> r, v = _state_from_elements(2.77 * u.AU, 0.08, 10.6 * u.deg, 80 * u.deg, 73 * u.deg, 60 * u.deg)
    >>> el = elements_from_state(r, v)
    >>> round(float(el["a"].to_value(u.AU)), 6), round(float(el["M"].to_value(u.deg)), 6)
    (2.77, 60.0)
    """
    r = require(r, u.km, "r")
    v = require(v, u.km / u.s, "v")
    if r.shape[:1] != (3,) or v.shape != r.shape:
        raise ValueError(f"r and v must both have shape (3,) or (3, N); got {r.shape} and {v.shape}.")
    mu_v = _mu(mu).to_value(u.km**3 / u.s**2)
    rv, vv = r.to_value(u.km), v.to_value(u.km / u.s)
    rn = np.linalg.norm(rv, axis=0)
    if np.any(rn == 0):
        raise ValueError("r must not be zero (the body cannot sit at the centre of attraction).")
    h = np.cross(rv, vv, axis=0)
    hn = np.linalg.norm(h, axis=0)
    energy = 0.5 * np.sum(vv**2, axis=0) - mu_v / rn
    if np.any(energy >= 0) or np.any(hn == 0):
        raise ValueError(
            "this position r and velocity v are not on a bound elliptical orbit (energy >= 0 "
            "or motion straight along r)."
        )
    a = -mu_v / (2 * energy)
    e_vec = ((np.sum(vv**2, axis=0) - mu_v / rn) * rv - np.sum(rv * vv, axis=0) * vv) / mu_v
    e = np.linalg.norm(e_vec, axis=0)
    i = np.arccos(np.clip(h[2] / hn, -1, 1))
    node = np.arctan2(h[0], -h[1])
    n_vec = np.stack([np.cos(node), np.sin(node), np.zeros_like(node)])
    hat = h / hn
    peri = np.arctan2(np.sum(np.cross(n_vec, e_vec, axis=0) * hat, axis=0), np.sum(n_vec * e_vec, axis=0))
    nu = np.arctan2(np.sum(np.cross(e_vec, rv, axis=0) * hat, axis=0), np.sum(e_vec * rv, axis=0))
    # circular orbit: no perihelion; measure from the ascending node (peri = 0) instead
    circular = e < 1e-12
    if np.any(circular):
        latitude = np.arctan2(np.sum(np.cross(n_vec, rv, axis=0) * hat, axis=0), np.sum(n_vec * rv, axis=0))
        peri = np.where(circular, 0.0, peri)
        nu = np.where(circular, latitude, nu)
    E = 2 * np.arctan2(np.sqrt(1 - e) * np.sin(nu / 2), np.sqrt(1 + e) * np.cos(nu / 2))
    M = E - e * np.sin(E)
    a_q = (a * u.km).to(u.AU)
    deg = lambda x: np.degrees(x) * u.deg  # noqa: E731
    return {
        "a": a_q,
        "e": e,
        "i": deg(i),
        "node": deg(np.remainder(node, 2 * np.pi)),
        "peri": deg(np.remainder(peri, 2 * np.pi)),
        "M": deg(np.remainder(M, 2 * np.pi)),
        "q": a_q * (1 - e),
        "Q": a_q * (1 + e),
    }


def _orbit_path(
    a: u.Quantity,
    e,
    i: u.Quantity = 0 * u.deg,
    node: u.Quantity = 0 * u.deg,
    peri: u.Quantity = 0 * u.deg,
    n: int = 361,
) -> u.Quantity:
    """Points around a whole orbit (for drawing it), spaced evenly in eccentric anomaly.

    ``n`` (the number of points) is at most 1,000,000.

    Returns
    -------
    Quantity
        Shape ``(3, n)`` in AU; the first and last points coincide (a closed curve).

    Examples
    --------
    >>> import astropy.units as u
    >>> xyz = _orbit_path(2 * u.AU, 0.5, n=5)
    >>> np.round(xyz[0].to_value(u.AU), 6) + 0.0   # perihelion, aphelion, perihelion
    array([ 1., -1., -3., -1.,  1.])
    """
    n = integer(n, "n", low=3, high=1_000_000)
    a = require(a, u.km, "a", positive=True)
    e_arr = _check_e(e)
    for name, value in (("a", a), ("e", e_arr), ("i", i), ("node", node), ("peri", peri)):
        if np.ndim(value):
            raise ValueError(
                f"An orbit path is drawn for one orbit: {name} must be a single value; got shape {np.shape(value)}."
            )
    e_arr = float(e_arr)
    P, Q = _rotation(_angle(i, "i"), _angle(node, "node"), _angle(peri, "peri"))
    E = np.linspace(0, 2 * np.pi, n)
    a_au = a.to_value(u.AU)
    xyz = a_au * (np.outer(P, np.cos(E) - e_arr) + np.outer(Q, np.sqrt(1 - e_arr**2) * np.sin(E)))
    return xyz * u.AU


def propagate(elements: dict, times, mu: u.Quantity | None = None) -> u.Quantity:
    """Two-body (Kepler) positions at ``times`` from osculating elements at an epoch.

    Only the Sun's gravity is included: the mean anomaly grows at the constant
    rate :func:`mean_motion` and every other element stays fixed.  The real
    orbit drifts away from this because the planets (above all Jupiter) and the
    largest asteroids also pull.

    Parameters
    ----------
    elements : dict
        Keys ``a``, ``e``, ``i``, ``node``, ``peri``, ``M`` (as returned by
        :func:`elements_from_state` or :func:`elements_from_catalogue`) and
        ``epoch`` (an astropy Time: the instant at which ``M`` holds).
    times : astropy.time.Time
        Scalar or array of times (any scale; TDB is used).
    mu : Quantity, optional
        Gravitational parameter; the Sun's by default.

    Returns
    -------
    Quantity
        Positions in AU, shape ``(3,) + times.shape``, in the elements' frame.

    Examples
    --------
    >>> import astropy.units as u
    >>> from astropy.time import Time
    >>> el = dict(a=1 * u.AU, e=0.0, i=0 * u.deg, node=0 * u.deg, peri=0 * u.deg, M=0 * u.deg,
    ...           epoch=Time("2020-01-01", scale="tdb"))
    >>> r = propagate(el, el["epoch"] + period(1 * u.AU) / 4)
    >>> np.round(r.to_value(u.AU), 6) + 0.0
    array([0., 1., 0.])
    """
    from astropy.time import Time

    if not isinstance(elements, dict):
        raise TypeError("elements must be a dict with keys a, e, i, node, peri, M and epoch.")
    missing = [k for k in ("a", "e", "i", "node", "peri", "M", "epoch") if k not in elements]
    if missing:
        raise ValueError(f"elements is missing {', '.join(missing)} (needed: a, e, i, node, peri, M, epoch).")
    epoch = elements["epoch"]
    if not isinstance(epoch, Time) or not isinstance(times, Time):
        raise TypeError("epoch and times must be astropy Time objects, e.g. Time('2015-03-06').")
    dt = (times.tdb - epoch.tdb).to(u.day)
    M = _angle(elements["M"], "M") * u.rad + (mean_motion(elements["a"], mu) * dt).to(u.rad)
    return _state_from_elements(elements["a"], elements["e"], elements["i"], elements["node"], elements["peri"], M, mu)[
        0
    ]


def elements_from_catalogue(row) -> dict:
    """Orbital elements of one catalogue row (see :func:`utils.data.load_catalogue`) as a dict
    for :func:`propagate`.

    Examples
    --------
    >>> from utils.data import load_catalogue
    >>> cat = load_catalogue()
    >>> el = elements_from_catalogue(cat[cat["name"] == "Ceres"][0])
    >>> sorted(el), el["epoch"].scale
    (['M', 'a', 'e', 'epoch', 'i', 'node', 'peri'], 'tdb')
    """
    from astropy.table import Row, Table

    if not isinstance(row, (Row, Table)) or (isinstance(row, Table) and len(row) != 1):
        raise TypeError(
            f"row must be one row of the catalogue, e.g. cat[cat['name'] == 'Ceres'][0]; got {type(row).__name__}."
        )
    if isinstance(row, Table):
        row = row[0]
    from astropy.time import Time

    try:
        return {
            "a": row["a"],
            "e": float(row["e"]),
            "i": row["i"],
            "node": row["om"],
            "peri": row["w"],
            "M": row["ma"],
            "epoch": Time(float(u.Quantity(row["epoch_mjd"], u.day).value), format="mjd", scale="tdb"),
        }
    except KeyError as err:
        raise ValueError(f"row must be a row of the catalogue (utils.data.load_catalogue); missing {err}.") from None


def sector_area(x: u.Quantity, y: u.Quantity) -> u.Quantity:
    """Area swept by the line from the origin (the Sun) along the path ``(x, y)``.

    The path is treated as straight segments; the area is the sum of the
    triangles (origin, point k, point k+1), positive for counter-clockwise
    motion.  With finely sampled points it measures the area of Kepler's
    second law.

    Examples
    --------
    >>> import astropy.units as u
    >>> t = np.linspace(0, np.pi / 2, 2001)
    >>> round(float(sector_area(np.cos(t) * u.AU, np.sin(t) * u.AU).to_value(u.AU**2)), 6)  # pi / 4
    0.785398
    """
    x = require(x, u.km, "x")
    y = require(y, u.km, "y").to(x.unit)
    if x.shape != y.shape or x.ndim != 1 or x.size < 2:
        raise ValueError("x and y must be 1-D arrays of the same length (at least 2 points).")
    xv, yv = x.value, y.value
    return 0.5 * np.sum(xv[:-1] * yv[1:] - xv[1:] * yv[:-1]) * x.unit**2


# --------------------------------------------------------------------------
# plotting helpers (kept apart from the computations)
# --------------------------------------------------------------------------

_ELEMENT_KEYS = ("a", "e", "i", "node", "peri", "M", "epoch")


def _elements_map(elements, name: str = "elements") -> dict:
    """Check a mapping of body name -> elements dict (the keys of :func:`propagate`, plus ``epoch``)."""
    from collections.abc import Mapping

    if not isinstance(elements, Mapping) or not elements:
        raise TypeError(f"{name} must be a non-empty dict of body name -> elements; got {type(elements).__name__}.")
    for body, el in elements.items():
        if not isinstance(body, str) or not isinstance(el, Mapping) or not set(_ELEMENT_KEYS) <= set(el):
            raise ValueError(
                f"{name} must map body names to elements dicts with keys {', '.join(_ELEMENT_KEYS)}; "
                f"got {body!r} -> {type(el).__name__}."
            )
    return dict(elements)


def plot_eccentric_anomaly(e: float = 0.6, E=115 * u.deg):
    """Sketch of the eccentric anomaly E and the true anomaly ν on an ellipse of semi-major axis 1.

    Draws the ellipse (centre at the origin, perihelion towards +x), its auxiliary circle (radius a, same
    centre), the Sun at the focus (a e, 0), the body at (a cos E, b sin E), the point of the circle straight
    above or below the body (a cos E, a sin E), the angle E at the centre and the angle ν at the Sun.
    The drawn points carry ``gid`` names (``"ellipse"``, ``"circle"``, ``"sun"``, ``"body"``,
    ``"circle point"``, ``"radius to E"``, ``"E arc"``, ``"nu arc"``), so a test can read them back.

    Parameters
    ----------
    e : float
        Eccentricity, 0.2 <= e <= 0.9 (smaller is too round to tell the ellipse from the circle).
    E : Quantity (angle) or float
        Eccentric anomaly, 20 to 160 degrees (plain numbers are radians), so the angle can be drawn.

    Returns
    -------
    matplotlib.figure.Figure
        The figure (show it with :func:`utils.style.show`).

    Examples
    --------
    >>> fig = plot_eccentric_anomaly(e=0.6, E=115 * u.deg)
    >>> [p.get_gid() for p in fig.axes[0].patches]
    ['E arc', 'nu arc']
    """
    import matplotlib.pyplot as plt
    from matplotlib.patches import Arc

    from .style import OTHER_COLOURS, PALETTE, body_style

    e_val = float(_check_e(e))
    if not 0.2 <= e_val <= 0.9:
        raise ValueError(f"e must be between 0.2 and 0.9 for a sketch that tells ellipse and circle apart; got {e!r}.")
    E_rad = _anomaly(E, "E")
    if E_rad.size != 1:
        raise ValueError(f"E must be a single angle; got {E_rad.size} values.")
    E_deg = float(np.degrees(E_rad))
    if not 20 <= E_deg <= 160:
        raise ValueError(f"E must be between 20 and 160 degrees for the sketch; got {E_deg:.4g} degrees.")
    b = np.sqrt(1 - e_val**2)
    nu_deg = float(true_anomaly(np.radians(E_deg), e_val).to_value(u.deg))
    body_xy = (np.cos(np.radians(E_deg)), b * np.sin(np.radians(E_deg)))
    point_xy = (np.cos(np.radians(E_deg)), np.sin(np.radians(E_deg)))
    t = np.linspace(0, 2 * np.pi, 400)
    fig, ax = plt.subplots(figsize=(7.5, 5.4))
    ax.plot(np.cos(t), b * np.sin(t), color="k", linewidth=2, gid="ellipse", label="orbit (ellipse)")
    grey = OTHER_COLOURS["light grey"]
    ax.plot(np.cos(t), np.sin(t), color="0.45", linestyle="--", gid="circle", label="circle of radius a")
    ax.plot([-1.05, 1.05], [0, 0], color=grey, linestyle="-", linewidth=1, zorder=0)  # the long axis
    ax.plot([body_xy[0]] * 2, [body_xy[1], point_xy[1]], color="k", linestyle=":", linewidth=1.5)  # up to the circle
    indigo, teal = OTHER_COLOURS["indigo"], OTHER_COLOURS["teal"]
    ax.plot([0, point_xy[0]], [0, point_xy[1]], color=indigo, linestyle="-", linewidth=1.5, gid="radius to E")
    ax.plot([e_val, body_xy[0]], [0, body_xy[1]], color=teal, linestyle="-.", linewidth=1.5)
    ax.add_patch(Arc((0, 0), 0.5, 0.5, theta1=0, theta2=E_deg, color=indigo, linewidth=2, gid="E arc"))
    ax.add_patch(Arc((e_val, 0), 0.3, 0.3, theta1=0, theta2=nu_deg, color=teal, linewidth=2, gid="nu arc"))
    half_E, half_nu = np.radians(E_deg / 2), np.radians(nu_deg / 2)
    label = dict(fontsize=14, ha="center", va="center")
    ax.text(0.14 * np.cos(half_E), 0.14 * np.sin(half_E), "E", color=indigo, **label)
    ax.text(e_val + 0.23 * np.cos(half_nu), 0.23 * np.sin(half_nu), "ν", color=teal, **label)
    ax.plot(0, 0, "k+", markersize=10)
    ax.annotate("centre", (0, 0), xytext=(-8, -16), textcoords="offset points", ha="right")
    sun = dict(marker="*", color=PALETTE["sun"], markersize=18, markeredgecolor="k", linestyle="none")
    ax.plot(e_val, 0, **sun, gid="sun")
    ax.annotate("Sun (focus)", (e_val, 0), xytext=(0, -20), textcoords="offset points", ha="center")
    ax.plot(1, 0, "k|", markersize=12)
    ax.annotate("perihelion", (1, 0), xytext=(6, 6), textcoords="offset points", ha="left")
    belt = body_style("belt")["color"]
    ax.plot(*body_xy, marker="o", color=belt, markeredgecolor="k", markersize=10, linestyle="none", gid="body")
    ax.annotate("body", body_xy, xytext=(-12, -16), textcoords="offset points", ha="right")
    ax.plot(*point_xy, marker="s", color="w", markeredgecolor="k", markersize=8, linestyle="none", gid="circle point")
    ax.annotate("point on the circle", point_xy, xytext=(-10, 8), textcoords="offset points", ha="right")
    ax.set(aspect="equal", xlim=(-1.35, 1.6), ylim=(-1.15, 1.2))
    ax.set_axis_off()
    ax.set_title(f"Eccentric anomaly E = {E_deg:.0f}° and true anomaly ν\non an ellipse with e = {e_val:.1f}")
    ax.legend(loc="lower left", fontsize="small", handlelength=3)
    return fig


def plot_orbits_to_scale(elements: dict):
    """Draw orbits to scale, seen from above the ecliptic and edge-on, with each body at its epoch.

    Each body gets its colour, line style and marker from :func:`utils.style.body_style`.  In the
    edge-on view only the bodies inclined by more than 3 degrees are labelled, so that the planets'
    labels do not crowd the Sun.

    Parameters
    ----------
    elements : dict
        Body name (a key of :data:`utils.style.PALETTE`, any case) -> elements dict as returned by
        :func:`elements_from_catalogue` or :func:`elements_from_state` plus an ``epoch``; the legend
        follows the dict's order.

    Returns
    -------
    matplotlib.figure.Figure
        The figure (show it with :func:`utils.style.show`).
    """
    import matplotlib.pyplot as plt

    from .style import PALETTE, body_style

    elements = _elements_map(elements)
    styles = {body: body_style(body) for body in elements}
    fig, (top, side) = plt.subplots(1, 2, figsize=(11, 5))
    for body, el in elements.items():
        style = styles[body]
        xyz = _orbit_path(el["a"], el["e"], el["i"], el["node"], el["peri"]).to_value(u.AU)
        now = propagate(el, el["epoch"]).to_value(u.AU)
        steep = abs(float(u.Quantity(el["i"], u.deg).to_value(u.deg))) > 3
        for ax, k in ((top, 1), (side, 2)):
            ax.plot(xyz[0], xyz[k], color=style["color"], linestyle=style["linestyle"], label=body if k == 1 else None)
            ax.plot(now[0], now[k], marker=style["marker"], color=style["color"], linestyle="none")
            if k == 1 or steep:
                ax.annotate(body, (now[0], now[k]), xytext=(5, 5), textcoords="offset points", fontsize="small")
    for ax in (top, side):
        ax.plot(0, 0, marker="*", color=PALETTE["sun"], markersize=15, markeredgecolor="k", linestyle="none")
    top.set(aspect="equal", xlabel="x (AU)", ylabel="y (AU)", title="Seen from above the ecliptic")
    side.set(xlabel="x (AU)", ylabel="z, height above the ecliptic (AU)", ylim=(-0.7, 0.7))
    side.set_title("Seen edge-on (height stretched)")
    fig.legend(loc="outside lower center", ncol=len(elements), handlelength=4)
    return fig


def plot_third_law(a, T, measured: dict, fit: tuple[float, float]):
    """Kepler's third law on log-log axes: catalogue periods, a fitted line and periods measured apart.

    Parameters
    ----------
    a, T : Quantity arrays
        The catalogue's semi-major axes (lengths) and periods (times), one pair per asteroid (grey dots).
    measured : dict
        Body name (a key of :data:`utils.style.PALETTE`, any case) -> ``{"a": length, "T": time}``,
        periods measured without the law (large labelled markers).
    fit : (float, float)
        Slope and intercept of log10(T / yr) against log10(a / AU) (as from :func:`numpy.polyfit`).

    Returns
    -------
    matplotlib.figure.Figure
        The figure (show it with :func:`utils.style.show`).
    """
    from collections.abc import Mapping

    import matplotlib.pyplot as plt

    from .style import PALETTE, body_style

    a = require(a, u.AU, "a", positive=True).to_value(u.AU)
    T = require(T, u.yr, "T", positive=True).to_value(u.yr)
    if a.ndim != 1 or a.shape != T.shape or a.size == 0:
        raise ValueError(f"a and T must be two 1-D arrays of the same, non-zero length; got {a.shape} and {T.shape}.")
    if not isinstance(measured, Mapping) or not measured:
        raise TypeError(
            f"measured must be a non-empty dict of body name -> {{'a', 'T'}}; got {type(measured).__name__}."
        )
    points = {}
    for body, m in measured.items():
        if not isinstance(m, Mapping) or not {"a", "T"} <= set(m):
            raise ValueError(f"measured[{body!r}] must be a dict with keys 'a' and 'T'.")
        points[body] = (
            float(require(m["a"], u.AU, f"measured[{body!r}]['a']", positive=True, scalar=True).to_value(u.AU)),
            float(require(m["T"], u.yr, f"measured[{body!r}]['T']", positive=True, scalar=True).to_value(u.yr)),
        )
    slope, intercept = pair(fit, "fit")
    if not (abs(slope) <= 10 and abs(intercept) <= 10):
        raise ValueError(f"fit must be (slope, intercept) of log10 T against log10 a, each within +-10; got {fit!r}.")
    fig, ax = plt.subplots(figsize=(7.5, 5))
    dots = dict(markersize=3, color=PALETTE["belt"], rasterized=True, zorder=3)
    ax.loglog(a, T, ".", **dots, label=f"JPL catalogue, {a.size:,} small bodies (T computed from a)")
    a_line = np.geomspace(min(0.8, a.min()), a.max(), 50)
    ax.loglog(a_line, 10**intercept * a_line**slope, "k--", linewidth=1, label=f"fitted line, slope {slope:.3f}")
    big = dict(markeredgecolor="k", markersize=9, linestyle="none", zorder=4)
    leader = dict(xytext=(-6, 22), ha="right", arrowprops=dict(arrowstyle="-", color="0.4"))  # Vesta: clear of Mars
    for body, a_T in points.items():
        style = body_style(body)
        ax.loglog(*a_T, marker=style["marker"], color=style["color"], **big, label=f"{style['label']}, measured")
        place = leader if body.lower() == "vesta" else {"xytext": (9, -10)}
        ax.annotate(style["label"], a_T, textcoords="offset points", fontsize="small", **place)
    ax.set(xlabel="semi-major axis a (AU)", ylabel="orbital period T (years)", title="Kepler's third law: T² ∝ a³")
    ax.legend(fontsize="small", loc="upper left")
    return fig


def _times(value, name: str = "times"):
    from astropy.time import Time

    if not isinstance(value, Time) or value.isscalar or len(value) < 2:
        raise TypeError(f"{name} must be an astropy Time array of at least two dates; got {type(value).__name__}.")
    return value


def _line_style(name: str) -> dict:
    # a body's colour and line style; any other object (an asteroid without a colour of its own) in black dashes
    from .style import OTHER_COLOURS, PALETTE, body_style

    if name.lower() in PALETTE:
        style = body_style(name)
        return {"color": style["color"], "linestyle": style["linestyle"]}
    return {"color": OTHER_COLOURS["black"], "linestyle": "--"}


def plot_distance_from_sun(elements: dict, times):
    """Two-body distance from the Sun against time, one line per orbit.

    Parameters
    ----------
    elements : dict
        Name -> elements dict (as for :func:`propagate`, plus ``epoch``).  A body of
        :data:`utils.style.PALETTE` gets its own colour and line style; any other name black dashes.
    times : astropy.time.Time
        The dates (at least two); the x axis counts years from the first.

    Returns
    -------
    matplotlib.figure.Figure
    """
    import matplotlib.pyplot as plt

    elements = _elements_map(elements)
    times = _times(times)
    years = (times - times[0]).to_value(u.yr)
    fig, ax = plt.subplots(figsize=(7.5, 4))
    for name, el in elements.items():
        r = np.sqrt((propagate(el, times) ** 2).sum(axis=0)).to_value(u.AU)
        ax.plot(years, r, **_line_style(name), label=name)
    ax.set(xlabel=f"years after {times[0].iso[:10]}", ylabel="distance from the Sun (AU)")
    ax.set_title("Two-body distance from the Sun over time")
    ax.legend(handlelength=4)
    return fig


def plot_two_body_error(times, errors: dict, epoch):
    """Distance between two-body and ephemeris positions against time, on a logarithmic axis.

    Parameters
    ----------
    times : astropy.time.Time
        The dates (at least two).
    errors : dict
        Body name -> distances (lengths), one per date.
    epoch : astropy.time.Time
        The elements' epoch, drawn as a vertical line.

    Returns
    -------
    matplotlib.figure.Figure
    """
    from collections.abc import Mapping

    import matplotlib.pyplot as plt
    from astropy.time import Time

    times = _times(times)
    if not isinstance(epoch, Time) or not epoch.isscalar:
        raise TypeError(f"epoch must be one astropy Time; got {type(epoch).__name__}.")
    if not isinstance(errors, Mapping) or not errors:
        raise TypeError(f"errors must be a non-empty dict of body name -> distances; got {type(errors).__name__}.")
    fig, ax = plt.subplots(figsize=(7.5, 4.5))
    for name, d in errors.items():
        km = require(d, u.km, f"errors[{name!r}]", nonnegative=True).to_value(u.km)
        if km.shape != times.shape:
            raise ValueError(f"errors[{name!r}] has {km.size} values for {len(times)} dates.")
        ax.semilogy(times.decimalyear, np.maximum(km, 1e-3), **_line_style(str(name)), label=name)
    ax.axvline(epoch.decimalyear, color="0.45", linewidth=1.5, linestyle="-", label="epoch of the elements")
    ax.set(xlabel="year", ylabel="distance between two-body and JPL positions (km)", ylim=(10, 2e7))
    ax.set_title("How far the Sun-only orbit drifts from JPL's ephemeris")
    ax.legend(loc="lower left", handlelength=4)
    return fig


def plot_earth_ceres(times, distance, closest, arrival):
    """The Earth-Ceres distance against time, with the closest approach and Dawn's arrival marked.

    Parameters
    ----------
    times : astropy.time.Time
        The dates (at least two).
    distance : Quantity
        The Earth-Ceres distance on each date (a length).
    closest, arrival : (Time, Quantity)
        The date and distance of the closest approach, and of Dawn's arrival at Ceres.

    Returns
    -------
    matplotlib.figure.Figure
    """
    import matplotlib.pyplot as plt
    from astropy.time import Time

    from .style import PALETTE

    times = _times(times)
    d = require(distance, u.AU, "distance", positive=True).to_value(u.AU)
    if d.shape != times.shape:
        raise ValueError(f"distance has {d.size} values for {len(times)} dates.")
    marks = {}
    for name, mark in (("closest", closest), ("arrival", arrival)):
        if not isinstance(mark, tuple) or len(mark) != 2 or not isinstance(mark[0], Time) or not mark[0].isscalar:
            raise TypeError(f"{name} must be a (Time, distance) pair; got {type(mark).__name__}.")
        marks[name] = mark[0], float(require(mark[1], u.AU, name, positive=True, scalar=True).to_value(u.AU))
    fig, ax = plt.subplots(figsize=(7.5, 4))
    ax.plot(times.decimalyear, d, color=PALETTE["ceres"], label="Earth-Ceres distance")
    t, r = marks["closest"]
    ax.plot(t.decimalyear, r, "v", color="k", markersize=9, linestyle="none", label=f"closest, {t.iso[:10]}")
    t, r = marks["arrival"]
    label = f"Dawn arrives at Ceres, {t.iso[:10]}"
    ax.plot(t.decimalyear, r, "P", color=PALETTE["dawn"], markersize=10, linestyle="none", label=label)
    ax.set(xlabel="year", ylabel="distance (AU)", ylim=(1.4, 5.0))
    ax.set_title(f"How far Ceres was from Earth, {times[0].iso[:4]} to {times[-1].iso[:7]}")
    ax.legend(loc="upper left", fontsize="small")
    return fig


class SecondLawFigure(FastFigure):
    """Kepler's second law on one orbit: two slices swept in equal times, one around perihelion.

    The figure is built once; :meth:`update` moves the second slice and the body to a new day
    and rewrites the title, legend and alt text (a :class:`utils.style.FastFigure`, for widgets).

    Parameters
    ----------
    elements : dict
        The orbit: ``a`` (a length) and ``e`` (0 <= e < 1), e.g. from :func:`elements_from_catalogue`.
    name : str
        The body's name, for the title, legend and alt text.
    n_slices : int
        Each slice is swept in one ``n_slices``-th of the period.

    Examples
    --------
    >>> import astropy.units as u
    >>> law = SecondLawFigure({"a": 2.0 * u.AU, "e": 0.5}, "test body")
    >>> shares = law.update(300)
    >>> round(shares[0], 4) == round(shares[1], 4) == round(1 / 12, 4)
    True
    """

    def __init__(self, elements: dict, name: str, n_slices: int = 12) -> None:
        from collections.abc import Mapping

        from .style import OTHER_COLOURS, PALETTE

        if not isinstance(elements, Mapping) or not {"a", "e"} <= set(elements):
            raise TypeError(f"elements must be a dict with keys 'a' and 'e'; got {type(elements).__name__}.")
        self.a = require(elements["a"], u.AU, "elements['a']", positive=True, scalar=True).to(u.AU)
        e = _check_e(elements["e"], "elements['e']")
        if e.size != 1:
            raise ValueError(f"elements['e'] must be one eccentricity; got {e.size} values.")
        self.e = float(e.reshape(()))
        self.name = text(name, "name")
        self.n_slices = integer(n_slices, "n_slices", low=2, high=360)
        self.period = period(self.a).to(u.day)
        self.slice_days = self.period / self.n_slices
        self.ellipse_area = np.pi * self.a**2 * np.sqrt(1 - self.e**2)
        orbit_x, orbit_y = self._sweep(0, 2 * np.pi, 721)
        self._peri = self._sweep(-np.pi / self.n_slices, np.pi / self.n_slices)  # centred on perihelion
        pad = 0.05 * (orbit_x.max() - orbit_x.min()).value  # fixed limits, with room for the legend
        x_lim = (orbit_x.min().value - pad, orbit_x.max().value + pad)
        y_lim = (orbit_y.min().value - pad, orbit_y.min().value - pad + 1.05 * (x_lim[1] - x_lim[0]))
        super().__init__((6.6, 6.6), margins={"left": 0.11, "right": 0.98, "bottom": 0.09, "top": 0.88})
        ax = self.ax = self.figure.add_subplot()
        ax.plot(orbit_x.value, orbit_y.value, color="0.4", linewidth=1)
        self.patches = [
            ax.fill([0], [0], facecolor=OTHER_COLOURS[colour], edgecolor="k", hatch=hatch, alpha=0.7)[0]
            for colour, hatch in (("teal", "//"), ("olive", ".."))
        ]
        px, py = self._peri  # the teal slice's hatched outline, drawn again over the olive slice so both show
        (teal_top,) = ax.fill(np.r_[0, px.value], np.r_[0, py.value], facecolor="none", edgecolor="k", hatch="//")
        (self.dot,) = ax.plot([], [], "o", color="k")
        (sun,) = ax.plot(0, 0, marker="*", color=PALETTE["sun"], markersize=15, markeredgecolor="k", linestyle="none")
        ax.set(aspect="equal", xlim=x_lim, ylim=y_lim, xlabel="x (AU), towards perihelion", ylabel="y (AU)")
        self.legend = ax.legend(
            [*self.patches, self.dot], ["", "", ""], loc="upper left", fontsize="small", framealpha=0.9
        )
        self.animate(self.patches[1], teal_top, self.dot, sun, ax.title, self.legend)  # the Sun stays on top
        self.alt = ""

    def _sweep(self, M0, M1, n=201):
        # points along the orbit between mean anomalies M0 and M1 (radians), in the orbit's own plane
        zero = 0 * u.deg
        r = _position_from_elements(self.a, self.e, zero, zero, zero, np.linspace(M0, M1, n) * u.rad)
        return r[0].to(u.AU), r[1].to(u.AU)

    def _share(self, x, y) -> float:
        return float((sector_area(x, y) / self.ellipse_area).to_value(u.one))

    def all_slices(self) -> tuple[np.ndarray, u.Quantity]:
        """Each slice's share of the ellipse and the distance travelled along it, over one period."""
        shares, arcs = [], []
        for k in range(self.n_slices):
            x, y = self._sweep(2 * np.pi * k / self.n_slices, 2 * np.pi * (k + 1) / self.n_slices)
            shares.append(self._share(x, y))
            arcs.append(np.hypot(np.diff(x), np.diff(y)).sum().to_value(u.AU))
        return np.array(shares), arcs * u.AU

    def _where(self, r_mid, day) -> str:
        # a few words for the alt text: which part of the orbit the second slice covers
        q, Q = self.a * (1 - self.e), self.a * (1 + self.e)
        if r_mid < q + (Q - q) / 6:
            where = "near perihelion, so it is short and wide"
        elif r_mid > Q - (Q - q) / 6:
            where = "near aphelion, so it is long and narrow"
        else:
            where = "on the way out" if day < self.period.to_value(u.day) / 2 else "on the way in"
        # the teal slice spans half a slice either side of perihelion: an overlap is told whatever the distance
        half, last = (0.5 * self.slice_days).to_value(u.day), (self.period - 1.5 * self.slice_days).to_value(u.day)
        if day < half - 2 or day > last + 2:  # a margin of 2 days: a narrower overlap cannot be seen
            where += ", and it overlaps the teal slice"
        return where

    def update(self, day, show_areas: bool = True) -> list[float]:
        """Start the second slice ``day`` days after perihelion; return both slices' shares of the ellipse.

        With ``show_areas=False`` the legend and alt text leave the shares out, so that a student can
        predict which slice is larger before the figure says it.
        """
        day = number(day, "day", scalar=True, low=0, high=float(self.period.to_value(u.day)))
        if not isinstance(show_areas, (bool, np.bool_)):
            raise TypeError(f"show_areas must be True or False; got {show_areas!r}.")
        M0 = 2 * np.pi * day / self.period.to_value(u.day)
        x, y = self._sweep(M0, M0 + 2 * np.pi / self.n_slices)
        shares = []
        for patch, (sx, sy) in zip(self.patches, (self._peri, (x, y)), strict=True):
            shares.append(self._share(sx, sy))
            patch.set_xy(np.c_[np.r_[0, sx.value], np.r_[0, sy.value]])
        self.dot.set_data([x[0].value], [y[0].value])
        r_mid = np.hypot(x[len(x) // 2], y[len(y) // 2])
        r_half = np.round(2 * r_mid.to_value(u.AU)) / 2 * u.AU  # to half an AU: finer would give Q/q
        day_text = f"{day:.0f}"
        span = f"{self.slice_days.to_value(u.day):.0f} days"
        areas = [f": {share:.4f} of the ellipse" if show_areas else "" for share in shares]
        labels = [
            f"{span} around perihelion{areas[0]}",
            f"{span} from day {day_text}{areas[1]}",
            f"{self.name} on day {day_text}",
        ]
        for legend_text, label in zip(self.legend.get_texts(), labels, strict=True):
            legend_text.set_text(label)
        self.ax.set_title(f"Kepler's second law for {self.name}\nday {day_text} after perihelion")
        self.alt = (
            f"The orbit of {self.name} with the Sun at one focus: a teal slice swept in {span} "
            f"around perihelion{f' ({shares[0]:.4f} of the ellipse)' if show_areas else ''} and an olive slice "
            f"swept in the same time from day {day_text}{f' ({shares[1]:.4f})' if show_areas else ''}. "
            f"The olive slice's middle is about {r_half:.1f} from the Sun, "
            f"{self._where(r_mid, day)}."
        )
        return shares

    def __repr__(self) -> str:
        return f"<SecondLawFigure: {self.name}>"


def peak_indices(values, min_separation: int) -> np.ndarray:
    """Indices of the local maxima of ``values`` that are at least ``min_separation`` samples apart.

    Where two maxima are closer, the higher one is kept (as ``scipy.signal.find_peaks`` with ``distance``,
    without importing ``scipy.signal``, which takes about a second).

    >>> peak_indices([0, 2, 1, 3, 0, 1, 0], 1).tolist()
    [1, 3, 5]
    >>> peak_indices([0, 2, 1, 3, 0, 1, 0], 3).tolist()
    [3]
    """
    try:
        v = np.asarray(values, dtype=float)
    except (TypeError, ValueError):
        raise ValueError(f"values must be a sequence of numbers; got {values!r:.80}") from None
    if v.ndim != 1 or v.size < 3 or not np.all(np.isfinite(v)):
        raise ValueError(f"values must be a one-dimensional sequence of at least 3 finite numbers; got {values!r:.80}")
    if isinstance(min_separation, bool) or not isinstance(min_separation, (int, np.integer)) or min_separation < 1:
        raise ValueError(f"min_separation must be a whole number of samples, at least 1; got {min_separation!r}")
    candidates = np.flatnonzero((v[1:-1] > v[:-2]) & (v[1:-1] >= v[2:])) + 1
    kept: list[int] = []
    for i in candidates[np.argsort(-v[candidates], kind="stable")]:
        if all(abs(int(i) - k) >= min_separation for k in kept):
            kept.append(int(i))
    return np.array(sorted(kept), dtype=int)
