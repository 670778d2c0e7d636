"""Dawn's journey: timeline, where the bodies were, an approximate path and the orbits at Ceres.

Everything here is built from the sourced facts (``data/facts.ecsv``) and the
offline JPL ephemerides (:mod:`utils.ephemeris`):

* :func:`timeline` -- the mission's milestones as astropy ``Time`` values;
* :func:`phases` -- cruise and stay durations between milestones;
* :func:`milestone_positions` -- heliocentric positions of the bodies at each milestone;
* :func:`interpolated_path` -- an **interpolated** heliocentric path through
  the milestones.  It is *not* Dawn's real trajectory: between milestones it
  joins the bodies' positions smoothly (cubic Hermite in distance, longitude
  and height above the ecliptic), with the bodies' own velocities as end
  slopes;
* :func:`science_orbits` -- the Ceres science orbits, their semi-major axes and
  Kepler periods;
* ``_gm_from_orbit``, ``_mass_from_orbit``, ``_bulk_density``, ``_ice_fraction`` -- weighing
  Ceres from an orbit and reading its density (private: they answer lesson 04's exercises).

Plot helpers (``plot_*``) are separate from the computations.

Examples
--------
>>> from utils.mission import timeline
>>> t = timeline()
>>> [str(k) for k in t["key"][:2]]
['launch', 'mars_flyby']
>>> round(float((t["time"][4] - t["time"][0]).to_value("yr")), 2)
7.44
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import astropy.units as u
import numpy as np
from astropy.constants import G, c

from .units import MU_UNIT, ArgumentTypeError, array, axes, integer, number, require

if TYPE_CHECKING:  # pragma: no cover
    from astropy.table import QTable, Table
    from astropy.time import Time

__all__ = [
    "MILESTONES",
    "CRUISE_LEGS",
    "SCIENCE_ORBITS",
    "timeline",
    "phases",
    "milestone_positions",
    "interpolated_path",
    "hermite_polar",
    "science_orbits",
    "orbit_periods_table",
    "orbit_pixels_table",
    "figure_style",
    "plot_timeline",
    "plot_positions",
    "plot_densities",
]

#: (key, fact id, label, body Dawn was at)
MILESTONES: tuple[tuple[str, str, str, str], ...] = (
    ("launch", "dawn.launch", "Launch", "earth"),
    ("mars_flyby", "dawn.mars_flyby", "Mars flyby", "mars"),
    ("vesta_arrival", "dawn.vesta_arrival", "Vesta arrival", "vesta"),
    ("vesta_departure", "dawn.vesta_departure", "Vesta departure", "vesta"),
    ("ceres_arrival", "dawn.ceres_arrival", "Ceres arrival", "ceres"),
    ("end_of_mission", "dawn.end_of_mission", "End of mission", "ceres"),
)

#: Phases between consecutive milestones: (name, start key, end key, kind)
_PHASES = (
    ("Earth to Mars", "launch", "mars_flyby", "cruise"),
    ("Mars to Vesta", "mars_flyby", "vesta_arrival", "cruise"),
    ("At Vesta", "vesta_arrival", "vesta_departure", "stay"),
    ("Vesta to Ceres", "vesta_departure", "ceres_arrival", "cruise"),
    ("At Ceres", "ceres_arrival", "end_of_mission", "stay"),
)

#: Cruise legs of the interpolated path (start key, end key).
CRUISE_LEGS = tuple((a, b) for _, a, b, kind in _PHASES if kind == "cruise")

#: Ceres science orbits: name -> fact ids (altitudes above the mean surface; the
#: last orbit is elliptical, given by periapsis and apoapsis altitudes).
SCIENCE_ORBITS: dict[str, dict[str, str]] = {
    "RC3": {"altitude": "ceres.orbit_rc3_altitude", "period": "ceres.orbit_rc3_period"},
    "Survey": {"altitude": "ceres.orbit_survey_altitude", "period": "ceres.orbit_survey_period"},
    "HAMO": {"altitude": "ceres.orbit_hamo_altitude"},
    "LAMO": {"altitude": "ceres.orbit_lamo_altitude", "period": "ceres.orbit_lamo_period"},
    "XMO7": {
        "periapsis": "ceres.orbit_xmo7_periapsis",
        "apoapsis": "ceres.orbit_xmo7_apoapsis",
        "period": "ceres.orbit_xmo7_period",
    },
}


# --------------------------------------------------------------------------
# timeline
# --------------------------------------------------------------------------


def timeline(data_dir=None) -> QTable:
    """The mission's milestones, read from the facts table.

    Returns
    -------
    QTable
        Columns ``key``, ``event``, ``body`` (where Dawn was), ``fact_id``,
        ``time`` (astropy Time, UTC) and ``since_launch`` (days), in time order.

    Examples
    --------
    >>> t = timeline()
    >>> t["time"][0].isot[:10], str(t["body"][1])
    ('2007-09-27', 'mars')
    """
    from astropy.table import QTable
    from astropy.time import Time

    from .facts import fact

    times = [fact(fid, data_dir) for _, fid, _, _ in MILESTONES]
    t = Time([x.isot for x in times], scale="utc", format="isot")
    table = QTable()
    table["key"] = [m[0] for m in MILESTONES]
    table["event"] = [m[2] for m in MILESTONES]
    table["body"] = [m[3] for m in MILESTONES]
    table["fact_id"] = [m[1] for m in MILESTONES]
    table["time"] = t
    table["since_launch"] = (t - t[0]).to(u.day)
    if np.any(np.diff(t.jd) <= 0):
        raise ValueError("the milestone dates in the facts table are not in time order; check data/facts.ecsv")
    return table


def _timeline_table(table, data_dir=None):
    """``table``, or a fresh :func:`timeline` when None; a clear error for anything else."""
    if table is None:
        return timeline(data_dir)
    names = getattr(table, "colnames", None)
    if names is None or not {"key", "time"} <= set(names):
        raise TypeError(
            "table must be the milestone table from mission.timeline() "
            f"(columns 'key', 'time', ...); got {type(table).__name__}"
        )
    return table


def _row(table, key: str):
    keys = list(table["key"])
    if key not in keys:
        raise KeyError(f"no milestone {key!r}; known: {', '.join(keys)}")
    return table[keys.index(key)]


def phases(table: QTable | None = None) -> QTable:
    """Cruise legs and stays between milestones, with their durations.

    Parameters
    ----------
    table : QTable, optional
        A table from :func:`timeline` (default: a fresh one).

    Returns
    -------
    QTable
        Columns ``phase``, ``kind`` ('cruise' or 'stay'), ``start``, ``end``
        (Time), ``days`` and ``months`` (months of 30.44 days,
        one twelfth of a Julian year).

    Examples
    --------
    >>> p = phases()
    >>> str(p["phase"][2]), round(float(p["months"][2].value), 1)
    ('At Vesta', 13.7)
    """
    from astropy.table import QTable
    from astropy.time import Time

    table = _timeline_table(table)
    rows = [(name, kind, _row(table, a)["time"], _row(table, b)["time"]) for name, a, b, kind in _PHASES]
    out = QTable()
    out["phase"] = [r[0] for r in rows]
    out["kind"] = [r[1] for r in rows]
    out["start"] = Time([r[2] for r in rows])
    out["end"] = Time([r[3] for r in rows])
    out["days"] = (out["end"] - out["start"]).to(u.day)
    out["months"] = (out["days"] / (u.year / 12)).to(u.one)  # one month = 1/12 Julian year
    return out


# --------------------------------------------------------------------------
# positions
# --------------------------------------------------------------------------


def milestone_positions(
    table: QTable | None = None, bodies: Sequence[str] = ("earth", "mars", "vesta", "ceres"), data_dir=None
) -> dict[str, u.Quantity]:
    """Heliocentric ecliptic positions of ``bodies`` at every milestone.

    Returns
    -------
    dict
        body -> Quantity of shape (3, number of milestones), in AU.

    Examples
    --------
    >>> pos = milestone_positions(bodies=("earth",))
    >>> pos["earth"].shape
    (3, 6)
    """
    from .ephemeris import heliocentric_position

    table = _timeline_table(table, data_dir)
    if (
        isinstance(bodies, (str, bytes))
        or not isinstance(bodies, (list, tuple))
        or not bodies
        or not all(isinstance(b, str) for b in bodies)
    ):
        raise ArgumentTypeError(f"bodies must be a list of body names such as ('earth', 'ceres'); got {bodies!r}.")
    return {b: heliocentric_position(b, table["time"], data_dir=data_dir) for b in bodies}


def _distance_between(body_a: str, body_b: str, time: Time, data_dir=None) -> u.Quantity:
    """Distance between two bodies at ``time`` from the ephemerides (AU).

    Examples
    --------
    >>> from astropy.time import Time
    >>> d = _distance_between("earth", "ceres", Time("2015-03-06 12:39"))
    >>> round(float(d.to_value(u.AU)), 2)
    3.33
    """
    from .ephemeris import BODIES, heliocentric_position

    for name, body in (("body_a", body_a), ("body_b", body_b)):
        if not isinstance(body, str) or body.strip().lower() not in BODIES:
            raise ValueError(f"{name} must be one of {', '.join(BODIES)}; got {body!r}.")
    ra = heliocentric_position(body_a, time, data_dir=data_dir)
    rb = heliocentric_position(body_b, time, data_dir=data_dir)
    return np.sqrt(((ra - rb) ** 2).sum(axis=0)).to(u.AU)


def _light_time(distance: u.Quantity) -> u.Quantity:
    """One-way light travel time over ``distance`` (in minutes), ``distance / c``.

    Examples
    --------
    >>> round(float(_light_time(1 * u.AU).to_value(u.s)), 1)
    499.0
    """
    d = require(distance, u.km, "distance", nonnegative=True)
    return (d / c).to(u.min)


# --------------------------------------------------------------------------
# interpolated path
# --------------------------------------------------------------------------


def _polar(pos: np.ndarray, vel: np.ndarray):
    """(r, lon, z) and their time derivatives from Cartesian position/velocity (AU, AU/day)."""
    x, y, z = pos
    vx, vy, vz = vel
    rho2 = x * x + y * y
    rho = np.sqrt(rho2)
    lon = np.arctan2(y, x)
    drho = (x * vx + y * vy) / rho
    dlon = (x * vy - y * vx) / rho2
    return (rho, lon, z), (drho, dlon, vz)


def hermite_polar(t0: float, t1: float, state0, state1, t: np.ndarray) -> np.ndarray:
    """Cubic Hermite interpolation in cylindrical coordinates between two states.

    The in-plane distance, longitude (unwrapped, direction of motion) and height
    above the ecliptic each follow a cubic in time matching the values and
    rates at both ends.  The number of whole turns added to the longitude is
    the one whose mean angular rate is closest to the mean of the two end
    rates.

    Parameters
    ----------
    t0, t1 : float
        Start and end times in days (t1 > t0).
    state0, state1 : tuple of arrays
        ``(position, velocity)`` in AU and AU/day, each of shape (3,).
    t : array
        Times in days, within [t0, t1].

    Returns
    -------
    ndarray
        Positions, shape (3, len(t)), in AU.

    Examples
    --------
    >>> import numpy as np
    >>> s0 = (np.array([1.0, 0, 0]), np.array([0, 0.0172, 0]))
    >>> s1 = (np.array([0, 1.0, 0]), np.array([-0.0172, 0, 0]))
    >>> p = hermite_polar(0, 91.3, s0, s1, np.array([0, 91.3]))
    >>> np.allclose(p[:, -1], [0, 1, 0])
    True
    """
    t0 = number(t0, "t0", scalar=True)
    t1 = number(t1, "t1", scalar=True)
    if not t1 > t0:
        raise ValueError(f"the leg must end after it starts; got t0={t0}, t1={t1}")
    t = array(t, "t", ndim=1, low=t0, high=t1, max_size=10_000_000)
    states = []
    for name, state in (("state0", state0), ("state1", state1)):
        if isinstance(state, (str, bytes)) or not isinstance(state, (tuple, list)) or len(state) != 2:
            raise ArgumentTypeError(f"{name} must be a (position, velocity) pair of 3-vectors; got {state!r}.")
        pos = array(state[0], name, shape=(3,))
        vel = array(state[1], name, shape=(3,))
        if np.hypot(pos[0], pos[1]) == 0:
            raise ValueError(f"{name}: the position must be off the z axis (x and y not both 0).")
        states.append((pos, vel))
    (r0, l0, z0), (dr0, dl0, dz0) = _polar(*states[0])
    (r1, l1, z1), (dr1, dl1, dz1) = _polar(*states[1])
    h = t1 - t0
    dl = np.remainder(l1 - l0, 2 * np.pi)  # prograde: longitude increases
    mean_rate = 0.5 * (dl0 + dl1)
    turns = np.round((mean_rate * h - dl) / (2 * np.pi))
    dl = dl + 2 * np.pi * max(turns, 0)
    s = (t - t0) / h
    h00, h10 = 2 * s**3 - 3 * s**2 + 1, s**3 - 2 * s**2 + s
    h01, h11 = -2 * s**3 + 3 * s**2, s**3 - s**2

    def cubic(a, da, b, db):
        return h00 * a + h10 * h * da + h01 * b + h11 * h * db

    r = cubic(r0, dr0, r1, dr1)
    lon = cubic(0.0, dl0, dl, dl1) + l0
    z = cubic(z0, dz0, z1, dz1)
    return np.array([r * np.cos(lon), r * np.sin(lon), z])


def interpolated_path(
    table: QTable | None = None, points_per_leg: int = 200, data_dir=None
) -> tuple[Time, u.Quantity, np.ndarray]:
    """An **interpolated** heliocentric path for Dawn through its milestones.

    At each milestone Dawn is put at the position of the body it met (Earth at
    launch, Mars at the flyby, Vesta, Ceres).  At Vesta and at Ceres the path
    follows the body's ephemeris (Dawn orbited it).  Each cruise leg is a cubic
    Hermite curve (:func:`hermite_polar`) whose end slopes are the bodies'
    velocities.  This is a smooth guide for the eye, not Dawn's real
    trajectory: the real path was shaped by years of ion thrusting and, at
    Mars, by a flyby whose speed relative to Mars the interpolation ignores.

    Parameters
    ----------
    table : QTable, optional
        From :func:`timeline`.
    points_per_leg : int
        Samples per leg (at least 2).

    Returns
    -------
    times : Time
        Sample times.
    positions : Quantity
        Shape (3, N), in AU (ecliptic J2000 frame).
    is_interpolated : ndarray of bool
        True where the point is interpolated (cruise), False where it follows
        a body's ephemeris (at Vesta and at Ceres).

    Examples
    --------
    >>> t, r, interp = interpolated_path(points_per_leg=20)
    >>> r.shape[0], bool(interp.any()), bool((~interp).any())
    (3, True, True)
    """
    from astropy.time import Time

    from .ephemeris import heliocentric_position, heliocentric_velocity

    points_per_leg = integer(points_per_leg, "points_per_leg", low=2, high=100_000)
    table = _timeline_table(table, data_dir)
    jd_all, pos_all, flag_all = [], [], []
    for _name, a, b, kind in _PHASES:
        ra, rb = _row(table, a), _row(table, b)
        ta, tb = ra["time"].tdb, rb["time"].tdb
        jd = np.linspace(ta.jd, tb.jd, points_per_leg)
        if kind == "stay":
            times = Time(jd, format="jd", scale="tdb")
            pos = heliocentric_position(str(ra["body"]), times, data_dir=data_dir).to_value(u.AU)
        else:
            s0 = (
                heliocentric_position(str(ra["body"]), ta, data_dir=data_dir).to_value(u.AU),
                heliocentric_velocity(str(ra["body"]), ta, data_dir=data_dir).to_value(u.AU / u.day),
            )
            s1 = (
                heliocentric_position(str(rb["body"]), tb, data_dir=data_dir).to_value(u.AU),
                heliocentric_velocity(str(rb["body"]), tb, data_dir=data_dir).to_value(u.AU / u.day),
            )
            pos = hermite_polar(ta.jd, tb.jd, s0, s1, jd)
        jd_all.append(jd)
        pos_all.append(pos)
        flag_all.append(np.full(jd.size, kind == "cruise"))
    times = Time(np.concatenate(jd_all), format="jd", scale="tdb")
    return times, np.concatenate(pos_all, axis=1) * u.AU, np.concatenate(flag_all)


# --------------------------------------------------------------------------
# orbits at Ceres
# --------------------------------------------------------------------------


def _semi_major_axis_from_altitudes(
    periapsis_altitude: u.Quantity, apoapsis_altitude: u.Quantity, radius: u.Quantity
) -> u.Quantity:
    """Semi-major axis of an orbit given its lowest and highest altitudes.

    Altitudes are measured from the surface, so the distances from the centre
    are ``radius + altitude`` and ``a`` is their mean:
    ``a = radius + (h_peri + h_apo) / 2``.  For a circular orbit pass the same
    altitude twice.

    Examples
    --------
    >>> _semi_major_axis_from_altitudes(35 * u.km, 4000 * u.km, 469.7 * u.km)
    <Quantity 2487.2 km>
    """
    hp = require(periapsis_altitude, u.km, "periapsis_altitude", nonnegative=True)
    ha = require(apoapsis_altitude, u.km, "apoapsis_altitude", nonnegative=True)
    r = require(radius, u.km, "radius", positive=True)
    if np.any(hp > ha):
        raise ValueError(f"periapsis_altitude ({hp}) cannot be above apoapsis_altitude ({ha}).")
    return (r + (hp + ha) / 2).to(u.km)


def science_orbits(data_dir=None) -> QTable:
    """Dawn's science orbits at Ceres with Kepler-law periods.

    Altitudes come from the facts table; the orbits are treated as two-body
    Keplerian orbits around a point mass with Ceres' GM (``ceres.gm``) and
    mean radius (``ceres.radius``).  The last orbit (XMO7) is elliptical: its
    semi-major axis is the mean of its periapsis and apoapsis distances.

    Returns
    -------
    QTable
        Columns ``orbit``, ``altitude`` (km; for XMO7 the mean of periapsis and
        apoapsis altitude), ``periapsis_altitude``, ``apoapsis_altitude``,
        ``a`` (semi-major axis, km), ``period`` (Kepler, h) and
        ``published_period`` (h; NaN where no period is published).

    Examples
    --------
    >>> t = science_orbits()
    >>> round(float(t["period"][1].to_value(u.day)), 2)  # Survey
    3.12
    """
    from astropy.table import QTable

    from .facts import fact
    from .orbits import period

    R = fact("ceres.radius", data_dir)
    mu = fact("ceres.gm", data_dir)
    rows = []
    for name, ids in SCIENCE_ORBITS.items():
        if "altitude" in ids:
            hp = ha = fact(ids["altitude"], data_dir)
        else:
            hp, ha = fact(ids["periapsis"], data_dir), fact(ids["apoapsis"], data_dir)
        a = _semi_major_axis_from_altitudes(hp, ha, R)
        pub = fact(ids["period"], data_dir).to(u.h) if "period" in ids else np.nan * u.h
        rows.append((name, hp.to(u.km), ha.to(u.km), a, period(a, mu).to(u.h), pub))
    t = QTable()
    t["orbit"] = [r[0] for r in rows]
    t["periapsis_altitude"] = u.Quantity([r[1] for r in rows])
    t["apoapsis_altitude"] = u.Quantity([r[2] for r in rows])
    t["altitude"] = (t["periapsis_altitude"] + t["apoapsis_altitude"]) / 2
    t["a"] = u.Quantity([r[3] for r in rows])
    t["period"] = u.Quantity([r[4] for r in rows])
    t["published_period"] = u.Quantity([r[5] for r in rows])
    return t


def _printable(columns: dict) -> Table:
    """A plain astropy Table of rounded numbers to print; NaN entries are masked (printed as ``--``)."""
    from astropy.table import MaskedColumn, Table

    out = Table()
    for name, (values, fmt) in columns.items():
        if fmt is None:
            out[name] = [str(v) for v in values]
            out[name].info.format = "<"
            continue
        values = np.asarray(values, dtype=float)
        out[name] = MaskedColumn(np.where(np.isfinite(values), values, 0.0), mask=~np.isfinite(values))
        out[name].info.format = fmt
    return out


def orbit_periods_table(data_dir=None) -> Table:
    """Dawn's science orbits at Ceres as a table to print (numbers rounded, units in the headings).

    Columns: the orbit, its lowest altitude (km), its semi-major axis ``a`` (km, from Ceres' centre),
    the period from Kepler's third law and NASA's published period (h; ``--`` where none is published)
    and how much longer Kepler's period is (%).  Built from :func:`science_orbits`.

    Examples
    --------
    >>> t = orbit_periods_table()
    >>> " ".join(t["orbit"])
    'RC3 Survey HAMO LAMO XMO7'
    """
    t = science_orbits(data_dir)
    kepler = t["period"].to_value(u.h)
    nasa = t["published_period"].to_value(u.h)
    return _printable(
        {
            "orbit": (t["orbit"], None),
            "lowest (km)": (t["periapsis_altitude"].to_value(u.km), ".0f"),
            "a (km)": (t["a"].to_value(u.km), ".0f"),
            "Kepler (h)": (kepler, ".1f"),
            "NASA (h)": (nasa, ".1f"),
            "Kepler vs NASA (%)": (100 * (kepler / nasa - 1), "+.1f"),
        }
    )


def orbit_pixels_table(ifov: u.Quantity, data_dir=None) -> Table:
    """How sharp the Framing Camera's pictures are from each science orbit at Ceres, as a table to print.

    For each orbit's lowest altitude (km): the pixel scale ``altitude x ifov`` (m per pixel), the pixels
    across Occator crater (``occator.diameter``) and across the Cerealia Facula
    (``occator.cerealia_facula_size``), and the width of one frame (``fc.pixels`` pixels, km).

    Examples
    --------
    >>> t = orbit_pixels_table(93.7 * u.urad)
    >>> " ".join(t["orbit"])
    'RC3 Survey HAMO LAMO XMO7'
    """
    from .camera import pixel_scale
    from .facts import fact

    if np.ndim(getattr(ifov, "value", ifov)) != 0:
        raise ArgumentTypeError(f"ifov must be one angle, such as 93.7 * u.urad; got {np.size(ifov)} values.")
    t = science_orbits(data_dir)
    scale = pixel_scale(t["periapsis_altitude"], ifov)
    occator, facula = fact("occator.diameter", data_dir), fact("occator.cerealia_facula_size", data_dir)
    frame = float(fact("fc.pixels", data_dir))
    return _printable(
        {
            "orbit": (t["orbit"], None),
            "lowest (km)": (t["periapsis_altitude"].to_value(u.km), ".0f"),
            "m per pixel": (scale.to_value(u.m), ".0f"),
            "Occator (px)": ((occator / scale).to_value(u.one), ".0f"),
            "facula (px)": ((facula / scale).to_value(u.one), ".0f"),
            "frame (km)": ((frame * scale).to_value(u.km), ".0f"),
        }
    )


def _gm_from_orbit(a: u.Quantity, period: u.Quantity) -> u.Quantity:
    """Gravitational parameter from an orbit (Kepler's third law): ``GM = 4 pi^2 a^3 / T^2``.

    The orbiter's own mass is neglected.

    Examples
    --------
    >>> round(float(_gm_from_orbit(1 * u.AU, 1 * u.yr).to_value(u.km**3 / u.s**2)) / 1e11, 3)
    1.327
    """
    a = require(a, u.km, "a", positive=True)
    T = require(period, u.s, "period", positive=True)
    return (4 * np.pi**2 * a**3 / T**2).to(MU_UNIT)


def _mass_from_orbit(a: u.Quantity, period: u.Quantity) -> u.Quantity:
    """Mass of the central body from an orbit's semi-major axis and period, ``GM / G`` (kg).

    Examples
    --------
    >>> m = _mass_from_orbit(1 * u.AU, 1 * u.yr)
    >>> round(float(m.to_value(u.kg)) / 1e30, 3)
    1.988
    """
    return (_gm_from_orbit(a, period) / G).to(u.kg)


def _bulk_density(mass: u.Quantity, radius: u.Quantity) -> u.Quantity:
    """Mean density of a sphere, ``M / (4/3 pi R^3)``, in g/cm3.

    Examples
    --------
    >>> round(float(_bulk_density(9.3835e20 * u.kg, 469.7 * u.km).value), 3)
    2.162
    """
    m = require(mass, u.kg, "mass", positive=True)
    r = require(radius, u.km, "radius", positive=True)
    return (m / (4 / 3 * np.pi * r**3)).to(u.g / u.cm**3)


def _ice_fraction(
    density: u.Quantity, ice_density: u.Quantity, rock_density: u.Quantity, by: str = "volume"
) -> u.Quantity:
    """Share of ice in a two-component ice-rock body of the given bulk density.

    A simple mixing model: no porosity and no compression, so the volumes add:
    ``density = phi * ice + (1 - phi) * rock`` gives the volume fraction
    ``phi``; the mass fraction is ``phi * ice / density``.

    Parameters
    ----------
    density, ice_density, rock_density : Quantity
        Densities, with ``ice_density < rock_density``.
    by : {'volume', 'mass'}
        Which fraction to return.

    Returns
    -------
    Quantity
        Dimensionless; outside [0, 1] when ``density`` is outside the range the
        two components can make (then the model cannot explain the body).

    Examples
    --------
    >>> gcc = u.g / u.cm**3
    >>> float(_ice_fraction(2 * gcc, 1 * gcc, 3 * gcc))
    0.5
    """
    rho = require(density, u.kg / u.m**3, "density", positive=True)
    ri = require(ice_density, u.kg / u.m**3, "ice_density", positive=True)
    rr = require(rock_density, u.kg / u.m**3, "rock_density", positive=True)
    if np.any(ri >= rr):
        raise ValueError(f"ice_density ({ri}) must be smaller than rock_density ({rr}).")
    phi = ((rr - rho) / (rr - ri)).to(u.one)
    if by == "volume":
        return phi
    if by == "mass":
        return (phi * ri / rho).to(u.one)
    raise ValueError(f"by must be 'volume' or 'mass'; got {by!r}")


# --------------------------------------------------------------------------
# plot helpers
# --------------------------------------------------------------------------

#: Overrides so that no two bodies of these figures share a marker and line style
#: (Earth and Ceres share both in :func:`utils.style.body_style`).
_FIGURE_OVERRIDES = {"ceres": {"marker": "h", "linestyle": "-."}}
#: Plain names of two close hues, so a legend tells Earth's light blue from Ceres' dark blue in words.
_HUE_NAMES = {"earth": "light blue", "ceres": "dark blue"}
#: Plain names of the markers, for legends that name each body's shape.
_SHAPE_NAMES = {
    "o": "circles",
    "s": "squares",
    "^": "triangles",
    "v": "down triangles",
    "h": "hexagons",
    "p": "pentagons",
    "D": "diamonds",
    "P": "plus signs",
    "*": "stars",
}


def figure_style(body: str) -> dict:
    """Colour, line style, marker and label for a body in this lesson's figures.

    :func:`utils.style.body_style` with Ceres given its own marker and line
    style, so that Earth and Ceres differ by more than colour.

    Examples
    --------
    >>> figure_style("ceres")["marker"] != figure_style("earth")["marker"]
    True
    """
    from .style import body_style

    if not isinstance(body, str):
        raise ArgumentTypeError(f"body must be a body's name such as 'ceres'; got {body!r}.")
    return body_style(body) | _FIGURE_OVERRIDES.get(str(body).lower(), {})


def _body_positions(value, name: str, n: int | None) -> dict:
    """A dict body -> (3, N) positions (length), for the plot helpers."""
    from collections.abc import Mapping

    from .style import PALETTE

    if not isinstance(value, Mapping):
        raise ArgumentTypeError(
            f"{name} must be a dict of body -> positions of shape (3, N), such as "
            f"milestone_positions() gives; got {type(value).__name__}."
        )
    for body, pos in value.items():
        if not isinstance(body, str) or body.lower() not in PALETTE:
            raise ValueError(f"{name}: unknown body {body!r}; known bodies: {', '.join(PALETTE)}.")
        require(pos, u.AU, f"{name}[{body!r}]")
        if np.ndim(pos) != 2 or np.shape(pos)[0] != 3 or (n is not None and np.shape(pos)[1] != n):
            want = f"(3, {n})" if n is not None else "(3, N)"
            raise ValueError(f"{name}[{body!r}] must have shape {want}; got {np.shape(pos)}.")
    return dict(value)


def plot_timeline(ax, table: QTable, phase_table: QTable | None = None):
    """Draw the milestones (markers) and phases (bars) on a time axis (years).

    Cruises are hatched in Dawn's colour; a stay at a body is solid, in that body's colour.
    """
    from .style import MARKERS, PALETTE

    axes(ax)
    if table is None:
        raise ArgumentTypeError("table must be the milestone table from mission.timeline(); got None.")
    table = _timeline_table(table)
    if phase_table is not None:
        from .units import table as _table

        _table(phase_table, "phase_table", ("phase", "days"), hint="from mission.phases()")
    phase_table = phases(table) if phase_table is None else phase_table
    for row in phase_table:
        y0, y1 = row["start"].decimalyear, row["end"].decimalyear
        cruise = row["kind"] == "cruise"
        body = str(row["phase"]).split()[-1].lower()
        colour = PALETTE["dawn"] if cruise or body not in PALETTE else PALETTE[body]
        ax.barh(
            0,
            y1 - y0,
            left=y0,
            height=0.35,
            color=colour,
            hatch="//" if cruise else None,
            edgecolor="black",
            linewidth=0.6,
        )
        ax.text(
            (y0 + y1) / 2,
            0.3,
            f"{row['phase']}\n{row['days'].to_value(u.day):.0f} d",
            ha="center",
            va="bottom",
            fontsize=9,
        )
    for k, row in enumerate(table):
        y = row["time"].decimalyear
        ax.plot(
            y,
            -0.32,
            marker=MARKERS[k % len(MARKERS)],
            color="black",
            ms=7,
            ls="none",
            label=f"{row['event']} ({row['time'].iso[:10]})",
        )
    t0, t1 = table["time"][0].decimalyear, table["time"][-1].decimalyear
    ax.set_xlim(t0 - 0.02 * (t1 - t0), t1 + 0.02 * (t1 - t0))
    ax.set_ylim(-0.6, 0.95)
    ax.set_yticks([])
    ax.set_xlabel("Date (year)")
    return ax


def plot_positions(ax, table: QTable, positions: dict[str, u.Quantity], orbits: dict[str, u.Quantity] | None = None):
    """Top view (ecliptic x, y in AU) of the bodies at every milestone.

    Each body keeps its colour and marker from :func:`utils.style.body_style`;
    the body Dawn was at is drawn larger and numbered with the milestone.

    Parameters
    ----------
    ax : matplotlib Axes
    table : QTable
        From :func:`timeline`.
    positions : dict
        From :func:`milestone_positions`.
    orbits : dict, optional
        body -> (3, N) positions over one orbit, drawn as thin lines.
    """
    from .style import PALETTE

    axes(ax)
    if table is None:
        raise ArgumentTypeError("table must be the milestone table from mission.timeline(); got None.")
    table = _timeline_table(table)
    positions = _body_positions(positions, "positions", len(table))
    if orbits is not None:
        orbits = _body_positions(orbits, "orbits", None)
    ax.plot(0, 0, marker="*", color=PALETTE["sun"], ms=14, ls="none", mec="black", label="Sun")
    for body, pos in positions.items():
        st = figure_style(body)
        xy = pos.to_value(u.AU)
        if orbits and body in orbits:
            o = orbits[body].to_value(u.AU)
            # lines thick enough that their dash patterns read at the figure's size; a dotted line has the
            # least ink, so it is drawn thicker
            lw = 2.4 if st["linestyle"] in (":", "dotted") else 1.5
            ax.plot(o[0], o[1], color=st["color"], ls=st["linestyle"], lw=lw)
        shape = _SHAPE_NAMES.get(st["marker"])  # the legend names the shape: no body told apart by colour alone
        words = ", ".join(w for w in (_HUE_NAMES.get(str(body).lower()), shape) if w)
        ax.plot(
            xy[0],
            xy[1],
            ls="none",
            marker=st["marker"],
            color=st["color"],
            ms=5,
            mec="black",
            mew=0.4,
            label=f"{st['label']} ({words})" if words else st["label"],
        )
        for k, row in enumerate(table):
            if str(row["body"]) == body:
                ax.plot(xy[0, k], xy[1, k], ls="none", marker=st["marker"], color=st["color"], ms=11, mec="black")
                ax.annotate(
                    str(k + 1),
                    (xy[0, k], xy[1, k]),
                    xytext=(6, 6),
                    textcoords="offset points",
                    fontsize=9,
                    weight="bold",
                )
    ax.set_aspect("equal")
    ax.set_xlabel("x in the ecliptic frame (AU)")
    ax.set_ylabel("y in the ecliptic frame (AU)")
    return ax


def plot_densities(ax, densities: dict[str, u.Quantity], ice: str, rock: tuple[str, str]):
    """Mean densities on one scale, with the band of ice-rock mixes and the band of rock.

    Each density is a marker with its name (Ceres larger, Ceres and Vesta in
    their colours from :data:`utils.style.PALETTE`, every marker a different
    shape). A grey band spans mixes of ice and the lighter rock; a hatched band
    spans rock, from the lighter to the denser of the two rocks.

    Parameters
    ----------
    ax : matplotlib Axes
    densities : dict
        name -> mean density (a Quantity convertible to g/cm³), at most five.
    ice : str
        The key of the ice's density in ``densities``.
    rock : (str, str)
        The keys of the lightest and the densest rock in ``densities``.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> rho = {"ice": 0.92 * u.g / u.cm**3, "crust": 2.97 * u.g / u.cm**3, "Moon": 3.34 * u.g / u.cm**3}
    >>> len(plot_densities(ax, rho, "ice", ("crust", "Moon")).get_lines())
    3
    >>> plt.close(fig)
    """
    from .style import PALETTE

    axes(ax)
    if not isinstance(densities, dict) or not 1 <= len(densities) <= 5:
        raise ArgumentTypeError(f"densities must be a dict name -> density with 1 to 5 entries; got {densities!r:.80}")
    rho = {str(name): require(value, u.g / u.cm**3, f"the density of {name}") for name, value in densities.items()}
    if not isinstance(rock, (tuple, list)) or len(rock) != 2:
        raise ArgumentTypeError(f"rock must be two names from densities, light then dense; got {rock!r:.80}")
    for key in (ice, *rock):
        if key not in rho:
            raise ValueError(f"{key!r} is not one of the densities ({', '.join(rho)})")
    values = {name: value.to_value(u.g / u.cm**3) for name, value in rho.items()}
    rock_lo, rock_hi = values[rock[0]], values[rock[1]]
    for k, (name, value) in enumerate(values.items()):
        colour = PALETTE.get(name.lower(), "0.25")  # Ceres and Vesta in their colours
        ax.plot(value, 0, marker="vosD^"[k], ms=12 if name == "Ceres" else 9, color=colour, ls="none")
        ha = "right" if name == rock[0] else "center"  # the lighter rock's label ends at its marker
        xytext = (6 * (ha == "right"), 36 * (k % 2) - 22)  # labels alternate above and below
        ax.annotate(name, (value, 0), xytext=xytext, textcoords="offset points", ha=ha, fontsize=9)
    ax.axvspan(values[ice], rock_lo, color="0.9", zorder=0)  # grey: mixes of ice and the lighter rock
    ax.axvspan(rock_lo, rock_hi, facecolor="none", edgecolor="0.5", hatch="//", zorder=0)
    ax.text((rock_lo + rock_hi) / 2, 0.7, "rock", ha="center", fontsize=9, bbox={"facecolor": "white", "ec": "none"})
    low, high = min(values.values()), max(values.values())
    ax.set(xlim=(low - 0.4, high + 0.35), ylim=(-1, 1), yticks=[], xlabel="Mean density (g/cm³)")
    return ax
