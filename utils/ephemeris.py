"""Offline heliocentric positions of Earth, Mars, Jupiter, Vesta and Ceres.

Positions come from two small excerpts of JPL ephemerides in ``data/``
(built by ``scripts/build_ephemeris.py``), both covering 2000-01-01 to
2030-12-31 (TDB):

* ``planets_de421_2000_2030.bsp`` -- JPL DE421 (Folkner et al. 2009): Sun,
  Earth-Moon barycentre, Earth, Mars and Jupiter system barycentres;
* ``sb441_ceres_vesta_2000_2030.bsp`` -- JPL's DE441 small-body kernel
  ``sb441-n16`` (Ceres 2000001, Vesta 2000004, relative to the Sun).

Accuracy: the kernels reproduce the JPL ephemerides to better than a metre;
the JPL solutions themselves are good to kilometres or better for these
bodies, far below anything a plot can show.  "Mars" and "Jupiter" are the
system barycentres (moons included): Mars' barycentre is within a metre of
the planet, Jupiter's within about 1,000 km (7e-6 AU).

Examples
--------
>>> from astropy.time import Time
>>> from utils.ephemeris import heliocentric_position
>>> r = heliocentric_position("ceres", Time("2015-03-06 12:39"))
>>> r.shape
(3,)
>>> round(float((r ** 2).sum() ** 0.5 / r.unit), 3)
2.868
"""

from __future__ import annotations

import atexit
import os
from typing import TYPE_CHECKING

import numpy as np

from .data import data_path

if TYPE_CHECKING:  # pragma: no cover
    import astropy.units as u
    from astropy.time import Time

__all__ = ["BODIES", "FRAMES", "heliocentric_position", "heliocentric_velocity", "coverage"]

PLANETS = "planets_de421_2000_2030.bsp"
SMALL = "sb441_ceres_vesta_2000_2030.bsp"

# body -> list of (kernel file, center, target, sign); the sum gives the
# heliocentric vector.
_CHAINS: dict[str, list[tuple[str, int, int, int]]] = {
    "earth": [(PLANETS, 0, 3, +1), (PLANETS, 3, 399, +1), (PLANETS, 0, 10, -1)],
    "mars": [(PLANETS, 0, 4, +1), (PLANETS, 0, 10, -1)],
    "jupiter": [(PLANETS, 0, 5, +1), (PLANETS, 0, 10, -1)],
    "vesta": [(SMALL, 10, 2000004, +1)],
    "ceres": [(SMALL, 10, 2000001, +1)],
}
BODIES = tuple(_CHAINS)
FRAMES = ("ecliptic", "icrs")
AU_KM = 149597870.7  # IAU 2012 definition of the astronomical unit, in km

_KERNELS: dict[tuple[str, int, int], object] = {}
_ECL = None


def _kernel(name: str, data_dir=None):
    from jplephem.spk import SPK

    path = data_path(name, data_dir)  # verifies the checksum (cached)
    st = path.stat()
    key = (str(path.resolve()), st.st_mtime_ns, st.st_size)
    k = _KERNELS.get(key)
    if k is None:
        k = SPK.open(str(path))
        for stale in [old for old in _KERNELS if old[0] == key[0]]:
            _KERNELS.pop(stale).close()  # an older version of the same file: release its file and memory map
        _KERNELS[key] = k
    return k


def _close_kernels() -> None:
    """Close every open kernel: at exit, so none is left for the garbage collector to warn about."""
    while _KERNELS:
        _KERNELS.popitem()[1].close()


atexit.register(_close_kernels)


def _ecliptic_matrix() -> np.ndarray:
    """ICRS -> mean ecliptic and equinox of J2000 (IAU 2006, as astropy)."""
    global _ECL
    if _ECL is None:
        import erfa

        _ECL = erfa.ecm06(2451545.0, 0.0)
    return _ECL


def _check_body(body: str) -> str:
    if not isinstance(body, str):
        raise TypeError(f"body must be a name such as 'ceres'; known bodies: {', '.join(BODIES)}")
    key = body.strip().lower()
    if key not in _CHAINS:
        raise ValueError(f"unknown body {body!r}; known bodies: {', '.join(BODIES)}")
    return key


def _check_time(time) -> Time:
    from astropy.time import Time

    if not isinstance(time, Time):
        raise TypeError(f"time must be an astropy.time.Time, e.g. Time('2015-03-06'), got {type(time).__name__}")
    return time


def _check_frame(frame: str) -> str:
    if frame not in FRAMES:
        raise ValueError(f"frame must be one of {FRAMES}, got {frame!r}")
    return frame


def coverage(data_dir: str | os.PathLike | None = None) -> Time:
    """First and last instant covered by every body (TDB), as a Time of shape (2,).

    Examples
    --------
    >>> from utils.ephemeris import coverage
    >>> [t.iso[:10] for t in coverage()]
    ['2000-01-01', '2030-12-31']
    """
    from astropy.time import Time

    start, end = -np.inf, np.inf
    for name in (PLANETS, SMALL):
        for seg in _kernel(name, data_dir).segments:
            start = max(start, seg.start_jd)
            end = min(end, seg.end_jd)
    return Time([start, end], format="jd", scale="tdb")


def _segment_eval(kernel, center, target, jd1, jd2, derivative: bool):
    """Evaluate the (center, target) segments of ``kernel`` choosing, for
    every time, the segment that covers it (kernels may hold several)."""
    segs = [s for s in kernel.segments if s.center == center and s.target == target]
    jd = jd1 + jd2
    pos = np.full((3,) + jd.shape, np.nan)
    vel = np.full((3,) + jd.shape, np.nan) if derivative else None
    todo = np.ones(jd.shape, dtype=bool)
    for seg in segs:
        sel = todo & (jd >= seg.start_jd) & (jd <= seg.end_jd)
        if not sel.any():
            continue
        if derivative:
            p, v = seg.compute_and_differentiate(jd1[sel], jd2[sel])
            vel[:, sel] = v
        else:
            p = seg.compute(jd1[sel], jd2[sel])
        pos[:, sel] = p
        todo &= ~sel
    return pos, vel, todo


def _evaluate(body: str, time, frame: str, derivative: bool, data_dir=None):
    body = _check_body(body)
    time = _check_time(time)
    frame = _check_frame(frame)
    import warnings

    with warnings.catch_warnings():
        # UTC after the last known leap second is 'dubious' to ERFA; the
        # sub-second effect is irrelevant for these positions.
        warnings.filterwarnings("ignore", message=".*dubious year.*")
        tdb = time.tdb
    jd1 = np.atleast_1d(np.asarray(tdb.jd1, dtype=float)).ravel()
    jd2 = np.atleast_1d(np.asarray(tdb.jd2, dtype=float)).ravel()
    pos = np.zeros((3, jd1.size))
    vel = np.zeros((3, jd1.size)) if derivative else None
    for fname, center, target, sign in _CHAINS[body]:
        p, v, missing = _segment_eval(_kernel(fname, data_dir), center, target, jd1, jd2, derivative)
        if missing.any():
            cov = coverage(data_dir)
            bad = time.ravel()[missing][0] if time.shape else time
            with warnings.catch_warnings():
                warnings.filterwarnings("ignore", message=".*dubious year.*")
                bad_iso = bad.utc.iso
            raise ValueError(
                f"{body}: date {bad_iso} is outside the offline ephemeris, which covers "
                f"{cov[0].iso[:10]} to {cov[1].iso[:10]} (TDB): choose a date in that range "
                "(a course maintainer can widen it with scripts/build_ephemeris.py)"
            )
        pos += sign * p
        if derivative:
            vel += sign * v
    out = vel if derivative else pos
    out = out / AU_KM  # km -> AU (velocity: km/day -> AU/day)
    if frame == "ecliptic":
        out = _ecliptic_matrix() @ out
    shape = (3,) + tuple(time.shape)
    return out.reshape(shape)


def heliocentric_position(
    body: str, time: Time, frame: str = "ecliptic", data_dir: str | os.PathLike | None = None
) -> u.Quantity:
    """Heliocentric position of a body from the offline JPL ephemerides.

    Parameters
    ----------
    body : {'earth', 'mars', 'jupiter', 'vesta', 'ceres'}
        Case-insensitive.  Mars and Jupiter are their system barycentres.
    time : astropy.time.Time
        Scalar or array, any scale (converted to TDB), within 2000-2030.
    frame : {'ecliptic', 'icrs'}
        ``'ecliptic'`` (default): mean ecliptic and equinox of J2000, x toward
        the equinox, z toward the ecliptic north pole -- the frame of the
        SBDB orbital elements and of orbit plots.  ``'icrs'``: the kernels'
        equatorial J2000/ICRF axes.
    data_dir : path-like, optional
        Data directory (see :func:`utils.data.data_dir`).

    Returns
    -------
    astropy.units.Quantity
        Shape ``(3,)`` for a scalar time, ``(3,) + time.shape`` otherwise, in AU.

    Raises
    ------
    ValueError
        Unknown body or frame, or a date outside the covered range.
    TypeError
        ``time`` is not an astropy Time.

    Examples
    --------
    >>> import numpy as np
    >>> from astropy.time import Time
    >>> from utils.ephemeris import heliocentric_position
    >>> t = Time(["2015-01-01", "2015-07-01"])
    >>> r = heliocentric_position("earth", t)
    >>> r.shape, r.unit
    ((3, 2), Unit("AU"))
    >>> np.round(np.linalg.norm(r.value, axis=0), 3)
    array([0.983, 1.017])
    """
    import astropy.units as u

    return _evaluate(body, time, frame, False, data_dir) * u.AU


def heliocentric_velocity(
    body: str, time: Time, frame: str = "ecliptic", data_dir: str | os.PathLike | None = None
) -> u.Quantity:
    """Heliocentric velocity, same conventions as :func:`heliocentric_position`.

    Returns
    -------
    astropy.units.Quantity
        In AU/day, shape ``(3,)`` or ``(3,) + time.shape``.

    Examples
    --------
    >>> from astropy.time import Time
    >>> from utils.ephemeris import heliocentric_velocity
    >>> v = heliocentric_velocity("earth", Time("2015-01-04"))
    >>> round(float(((v ** 2).sum() ** 0.5).to_value("km/s")), 1)
    30.3
    """
    import astropy.units as u

    return _evaluate(body, time, frame, True, data_dir) * (u.AU / u.day)
