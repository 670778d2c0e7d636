"""Mean-motion resonances with Jupiter: period ratios, conjunctions, resonant angles and a belt simulation.

The simulation is the restricted problem studied by Wisdom (1982): the Sun and
Jupiter on a fixed-plane eccentric orbit, with massless test particles (the
asteroids) in the same plane, integrated with REBOUND's symplectic WHFast
integrator.  Other planets are left out: the 3:1, 5:2 and 2:1 gaps are
Jupiter's resonances (Saturn mostly shapes the inner edge of the belt through a
*secular* resonance, which needs millions of years to act).

Masses and distances enter in the units REBOUND uses here: years, AU and solar
masses.  Public functions take astropy Quantities and validate them.

Examples
--------
>>> import astropy.units as u
>>> run = run_belt([2.3, 2.5] * u.AU, 0.1, 100 * u.yr, jupiter_a=5.2 * u.AU, jupiter_e=0.05,
...                danger_distance=1.5 * u.AU, n_out=11)
>>> run.e.shape
(2, 11)

The helpers that compute a period ratio, the nearest main resonance, the conjunctions' longitudes and
whether an angle librates are private (``_period_ratio``, ...): lesson 03 asks students to work these out.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

import astropy.units as u
import numpy as np

from .orbits import _resonance_location, period
from .style import PALETTE, FastFigure, body_style
from .units import (
    ArgumentTypeError,
    array,
    axes,
    instance,
    int_pairs,
    integer,
    number,
    require,
    resonance_pair,
    text,
)
from .units import (
    colour as _colour,
)

__all__ = [
    "KIRKWOOD_RESONANCES",
    "resonant_angle",
    "BeltRun",
    "run_belt",
    "depletion_by_bin",
    "HistoryFigure",
    "draw_conjunctions",
    "eccentricity_alt_text",
    "angle_band_alt_text",
    "real_belt_panels",
]

#: The main resonances with Jupiter inside the belt, as (p, q): p asteroid orbits per q of Jupiter.
KIRKWOOD_RESONANCES: tuple[tuple[int, int], ...] = ((4, 1), (3, 1), (5, 2), (7, 3), (2, 1))


def _plain(x, name: str, *, nonnegative: bool = True) -> np.ndarray:
    """A dimensionless input (number, list, array or Quantity) as a float array, validated."""
    if isinstance(x, u.Quantity) and not x.unit.is_equivalent(u.one):
        raise u.UnitsError(f"{name} must be a plain number (no unit, like e = 0.1); got a value in {x.unit}.")
    if not isinstance(x, u.Quantity):
        try:
            x = np.asarray(x, dtype=float)
        except (TypeError, ValueError):
            raise ValueError(f"{name} must be a number or an array of numbers; got {x!r}.") from None
    return np.asarray(require(x, u.one, name, nonnegative=nonnegative).to_value(u.one), dtype=float)


def _period_ratio(a: u.Quantity, a_perturber: u.Quantity) -> u.Quantity:
    """How many orbits an asteroid at ``a`` makes while the perturber makes one.

    Kepler's third law with the Sun's mass only: ``(a_perturber / a) ** 1.5``.

    Parameters
    ----------
    a, a_perturber : Quantity
        Semi-major axes (lengths), positive.

    Returns
    -------
    Quantity
        Dimensionless ratio ``T_perturber / T``.

    Examples
    --------
    >>> import astropy.units as u
    >>> round(float(_period_ratio(2.0 * u.AU, 5.203 * u.AU)), 2)
    4.2
    """
    a = require(a, u.AU, "a", positive=True)
    a_p = require(a_perturber, u.AU, "a_perturber", positive=True, scalar=True)
    return (period(a_p) / period(a)).to(u.one)


def _single(**values) -> None:
    for name, value in values.items():
        require(value, u.AU, name, positive=True)
        if np.ndim(value) != 0:
            raise ValueError(f"{name} must be a single semi-major axis; got shape {np.shape(value)}.")


def _nearest_resonance(
    a: u.Quantity, a_perturber: u.Quantity, candidates: Sequence[tuple[int, int]] = KIRKWOOD_RESONANCES
) -> tuple[int, int]:
    """The p:q resonance (from ``candidates``) whose location is closest to ``a``, in distance along a.

    "Nearest" is |a - a_p (q/p)^(2/3)|, the rule of lesson 03's exercise 2 and of its Explore widget.
    (Nearest in period ratio p/q differs in thin slivers, such as a = 2.66 AU: 3:1 there, not 5:2.)

    Parameters
    ----------
    a, a_perturber : Quantity
        Semi-major axes of the asteroid and of the (outer) perturber; a scalar ``a``.
    candidates : sequence of (p, q)
        Resonances to choose from (default :data:`KIRKWOOD_RESONANCES`).

    Examples
    --------
    >>> import astropy.units as u
    >>> _nearest_resonance(2.5 * u.AU, 5.203 * u.AU)
    (3, 1)
    """
    _single(a=a, a_perturber=a_perturber)
    a_au = a.to_value(u.AU)
    candidates = int_pairs(candidates, "candidates")
    for p, q in candidates:
        if p <= q:
            raise ValueError(f"candidates: an interior resonance needs p > q (for example 3:1); got {p}:{q}.")
    return tuple(min(candidates, key=lambda pq: abs(a_au - _resonance_location(a_perturber, *pq).to_value(u.AU))))


def _conjunction_longitudes(a: u.Quantity, a_perturber: u.Quantity, n: int = 12) -> u.Quantity:
    """Longitudes where the asteroid and the perturber line up with the Sun (conjunctions).

    Assumes circular, coplanar orbits and a first conjunction at longitude 0.
    Between conjunctions the asteroid gains one full lap on the perturber, which
    takes the synodic period ``S = 1 / (1/T - 1/T_p)``; meanwhile the perturber
    moves on by ``360 deg * S / T_p = 360 deg / (T_p/T - 1)``.  In a p:q
    resonance this step is a multiple of ``360 deg / (p - q)``, so the
    conjunctions fall again and again on the same ``p - q`` places.

    Parameters
    ----------
    a, a_perturber : Quantity
        Semi-major axes; the asteroid must be inside (``a < a_perturber``).
    n : int
        How many conjunctions, counting the first, 1 to 100,000.

    Returns
    -------
    Quantity
        ``n`` longitudes in degrees, each in [0, 360).

    Examples
    --------
    >>> import astropy.units as u
    >>> from utils.orbits import _resonance_location
    >>> a_31 = _resonance_location(5.2 * u.AU, 3, 1)   # the 3:1 resonance
    >>> _conjunction_longitudes(a_31, 5.2 * u.AU, 3).round(6)
    <Quantity [  0., 180.,   0.] deg>
    """
    n = integer(n, "n", low=1, high=100_000)
    _single(a=a, a_perturber=a_perturber)
    ratio = _period_ratio(a, a_perturber).to_value(u.one)
    if ratio <= 1:
        raise ValueError("the asteroid must orbit inside the perturber (a < a_perturber).")
    step = 360.0 / (ratio - 1.0)
    # round away floating-point dust first, so that 359.999999999 and 0 count as one place
    return np.mod(np.round(step * np.arange(n), 9), 360.0) * u.deg


def resonant_angle(lam, varpi, lam_perturber, p: int, q: int) -> u.Quantity:
    """The resonant angle of the p:q resonance, ``phi = p*lam_J - q*lam - (p - q)*varpi``.

    ``lam`` and ``varpi`` are the asteroid's mean longitude and longitude of
    perihelion, ``lam_perturber`` Jupiter's mean longitude.  In resonance phi
    *librates* (swings about a fixed value); outside it *circulates* (runs
    through all angles).

    Parameters
    ----------
    lam, varpi, lam_perturber : Quantity (angle) or array
        Angles; plain numbers are taken as radians.  Broadcast together.
    p, q : int
        The resonance, p > q (3, 1 for the 3:1).

    Returns
    -------
    Quantity
        phi in degrees, wrapped to [-180, 180).

    Examples
    --------
    >>> import astropy.units as u
    >>> resonant_angle(10 * u.deg, 0 * u.deg, 0 * u.deg, 3, 1)
    <Quantity -10. deg>
    """
    p, q = resonance_pair(p, q)

    def rad(x, name):
        if isinstance(x, u.Quantity):
            return np.asarray(require(x, u.rad, name, finite=False).to_value(u.rad), dtype=float)
        if x is None or isinstance(x, (str, bytes, bool, np.bool_)):
            raise ArgumentTypeError(
                f"{name} must be an angle (a Quantity in rad or deg, or a number in radians); got {x!r}."
            )
        return np.asarray(number(x, name, finite=False), dtype=float)

    # NaN marks a removed particle in BeltRun histories and stays NaN; infinities are refused
    values = {
        "lam_perturber": rad(lam_perturber, "lam_perturber"),
        "lam": rad(lam, "lam"),
        "varpi": rad(varpi, "varpi"),
    }
    for name, value in values.items():
        if np.any(np.isinf(value)):
            raise ValueError(f"{name} must be finite (nan only marks a removed particle); got inf.")
    try:
        np.broadcast_shapes(*(v.shape for v in values.values()))
    except ValueError:
        raise ValueError(
            "lam, varpi and lam_perturber must have shapes that broadcast together; got "
            + ", ".join(f"{k} {v.shape}" for k, v in values.items())
            + "."
        ) from None
    with np.errstate(invalid="ignore"):  # nan (a removed particle) stays nan
        phi = p * values["lam_perturber"] - q * values["lam"] - (p - q) * values["varpi"]
    return (np.mod(np.degrees(phi) + 180.0, 360.0) - 180.0) * u.deg


def _perihelion_distance(a: u.Quantity, e) -> u.Quantity:
    """Perihelion distance ``q = a (1 - e)`` for bound orbits (0 <= e < 1), in AU.

    Examples
    --------
    >>> import astropy.units as u
    >>> _perihelion_distance(2.5 * u.AU, 0.4)
    <Quantity 1.5 AU>
    """
    a = require(a, u.AU, "a", positive=True)
    e = _plain(e, "e")
    try:
        np.broadcast_shapes(np.shape(a), np.shape(e))
    except ValueError:
        raise ValueError(f"a and e must have matching shapes; got {np.shape(a)} and {np.shape(e)}.") from None
    if np.any(e >= 1):
        raise ValueError(f"e must be below 1 for a bound orbit with a perihelion; got {e}.")
    return (a * (1 - e)).to(u.AU)


def _crosses_orbit(a: u.Quantity, e, r_orbit: u.Quantity):
    """True where an orbit's perihelion lies inside a circular orbit of radius ``r_orbit``.

    Used with Mars' orbit: an asteroid whose perihelion drops inside it can meet
    Mars, and sooner or later is scattered out of the belt.

    Examples
    --------
    >>> import astropy.units as u
    >>> bool(_crosses_orbit(2.5 * u.AU, 0.45, 1.52 * u.AU))
    True
    """
    r = require(r_orbit, u.AU, "r_orbit", positive=True)
    q = _perihelion_distance(a, e)
    try:
        np.broadcast_shapes(q.shape, r.shape)
    except ValueError:
        raise ValueError(f"r_orbit must be one radius or match the orbits' shape {q.shape}; got {r.shape}.") from None
    return q < r


def _librates(phi) -> bool:
    """True if a resonant angle *librates*: over its whole history it never makes a full turn.

    The angle's samples are unwrapped (each step taken as the shorter way
    round), so they must be close enough in time that the angle moves less
    than half a turn between two of them.  A *circulating* angle runs through
    every value again and again, so its unwrapped history spans many turns; a
    librating one swings back and forth and spans less than one.  NaN samples
    (after an asteroid was removed) are ignored.

    Parameters
    ----------
    phi : Quantity (angle) or array
        The angle's history, in time order; plain numbers are taken as degrees.

    Returns
    -------
    bool

    Examples
    --------
    >>> import numpy as np, astropy.units as u
    >>> t = np.linspace(0, 50, 500)
    >>> _librates((180 + 60 * np.sin(t)) * u.deg), _librates(np.mod(40 * t, 360) * u.deg)
    (True, False)
    """
    if isinstance(phi, u.Quantity):
        if not phi.unit.is_equivalent(u.deg):
            raise u.UnitsError(f"phi must be an angle (deg or rad); got a value in {phi.unit}.")
        values = np.asarray(phi.to_value(u.rad), dtype=float)
    else:
        try:
            values = np.radians(np.asarray(phi, dtype=float))
        except (TypeError, ValueError):
            raise ValueError(f"phi must be an array of angles; got {phi!r}.") from None
    values = values.ravel()
    values = values[np.isfinite(values)]
    if values.size < 3:
        raise ValueError("phi needs at least three finite samples to tell libration from circulation.")
    turned = np.unwrap(values)
    return bool(np.ptp(turned) < 2 * np.pi)


# --------------------------------------------------------------------------
# simulation
# --------------------------------------------------------------------------


def _elements(r: np.ndarray, v: np.ndarray, mu: float) -> dict[str, np.ndarray]:
    """Planar heliocentric elements from positions and velocities (AU, AU/yr), vectorised.

    Returns a, e, varpi (longitude of perihelion) and lam (mean longitude), angles in radians.
    Hyperbolic orbits (e >= 1) get NaN for a and lam.
    """
    # planar: only x and y, and the angular momentum h has only a z component (cheaper than np.cross)
    x, y, vx, vy = r[..., 0], r[..., 1], v[..., 0], v[..., 1]
    rr = np.hypot(x, y)
    v2 = vx * vx + vy * vy
    inv_a = 2 / rr - v2 / mu
    hz = x * vy - y * vx
    ex, ey = vy * hz / mu - x / rr, -vx * hz / mu - y / rr  # the eccentricity vector (v x h) / mu - r / |r|
    e = np.hypot(ex, ey)
    varpi = np.arctan2(ey, ex)
    with np.errstate(invalid="ignore", divide="ignore"):
        a = np.where(inv_a > 0, 1 / inv_a, np.nan)
        cosE = (1 - rr / a) / e
        sinE = (x * vx + y * vy) / (e * np.sqrt(mu * a))
        E = np.arctan2(sinE, cosE)
        M = E - e * np.sin(E)
    # a circular orbit has no perihelion: its mean longitude is the true longitude
    circular = e < 1e-12
    lam = np.where(circular, np.arctan2(y, x), varpi + M)
    return {"a": a, "e": e, "varpi": np.where(circular, 0.0, varpi), "lam": lam}


@dataclass(frozen=True)
class BeltRun:
    """Histories of test particles in a Sun-Jupiter simulation.

    Arrays have one row per particle and one column per output time; after a
    particle is removed (perihelion inside ``danger_distance``) its entries are NaN.

    Attributes
    ----------
    t : Quantity
        Output times (yr), shape (n_out,): the first time step at or after each
        requested, equally spaced time (the integrator never shortens a step).
    a0, e0 : ndarray
        Starting semi-major axes (AU) and eccentricities.
    a, e, lam, varpi : ndarray
        Semi-major axis (AU), eccentricity, mean longitude and longitude of
        perihelion (rad), shape (n_particles, n_out).
    lam_jupiter : ndarray
        Jupiter's mean longitude (rad), shape (n_out,).
    t_removed : Quantity
        When each particle's perihelion first dropped inside ``danger_distance`` (NaN: never).
    params : dict
        Every parameter of the run (for file headers and figure labels).
    """

    t: u.Quantity
    a0: np.ndarray
    e0: np.ndarray
    a: np.ndarray
    e: np.ndarray
    lam: np.ndarray
    varpi: np.ndarray
    lam_jupiter: np.ndarray
    t_removed: u.Quantity
    params: dict = field(default_factory=dict)

    def __post_init__(self):
        require(self.t, u.yr, "t")
        if np.ndim(self.t) != 1 or np.size(self.t) == 0:
            raise ValueError(f"t must be a one-dimensional list of output times; got shape {np.shape(self.t)}.")
        n_out = len(self.t)
        a0 = array(self.a0, "a0", ndim=1)
        n = a0.size
        array(self.e0, "e0", shape=(n,))
        for name in ("a", "e", "lam", "varpi"):
            array(getattr(self, name), name, shape=(n, n_out), finite=False)
        array(self.lam_jupiter, "lam_jupiter", shape=(n_out,))
        require(self.t_removed, u.yr, "t_removed", finite=False)
        if np.shape(self.t_removed) != (n,):
            raise ValueError(f"t_removed must have one time per particle ({n}); got shape {np.shape(self.t_removed)}.")
        if not isinstance(self.params, dict):
            raise TypeError(f"params must be a dict; got {type(self.params).__name__}.")

    @property
    def removed(self) -> np.ndarray:
        """True for particles whose perihelion dropped inside the danger distance."""
        return np.isfinite(self.t_removed.value)

    def angle(self, p: int, q: int) -> u.Quantity:
        """Resonant angle of the p:q resonance for every particle and output (deg, NaN after removal)."""
        return resonant_angle(self.lam, self.varpi, self.lam_jupiter[None, :], p, q)


#: Work limits of :func:`run_belt`: particles, and particles x time steps (the full
#: precomputed run of ``scripts/simulate_kirkwood.py`` needs about 7e8).
MAX_PARTICLES = 10_000
MAX_PARTICLE_STEPS = 1e9


@dataclass(frozen=True)
class _BeltSettings:
    """The validated settings of one :func:`run_belt` call (plain numbers: AU, yr)."""

    a0: np.ndarray
    e0: np.ndarray
    t_end: float
    jupiter_a: float
    jupiter_e: float
    danger: float
    mass_factor: float
    n_out: int
    steps_per_orbit: int
    seed: int


def _belt_settings(
    a0, e0, t_end, jupiter_a, jupiter_e, danger_distance, jupiter_mass_factor, n_out, steps_per_orbit, seed
) -> _BeltSettings:
    """Check every argument of :func:`run_belt` and the work it asks for; plain numbers out."""
    a0 = np.atleast_1d(require(a0, u.AU, "a0", positive=True).to_value(u.AU)).astype(float)
    if a0.ndim != 1 or a0.size == 0:
        raise ValueError("a0 must be a one-dimensional list of at least one semi-major axis.")
    if a0.size > MAX_PARTICLES:
        raise ValueError(f"a0 has {a0.size:,} particles; the limit is {MAX_PARTICLES:,}.")
    e0 = _plain(e0, "e0")
    if np.any(e0 >= 1):
        raise ValueError(f"e0 must be below 1 (bound orbits); got {e0}.")
    if e0.ndim > 1 or e0.size not in (1, a0.size):
        raise ValueError(
            f"e0 must be one eccentricity, or one per starting semi-major axis ({a0.size}); got {e0.size}."
        )
    t_end = require(t_end, u.yr, "t_end", positive=True, scalar=True).to_value(u.yr)
    aj = require(jupiter_a, u.AU, "jupiter_a", positive=True, scalar=True).to_value(u.AU)
    ej = number(jupiter_e, "jupiter_e", nonnegative=True, scalar=True)
    if ej >= 1:
        raise ValueError(f"jupiter_e must be below 1; got {ej}.")
    danger = require(danger_distance, u.AU, "danger_distance", positive=True, scalar=True).to_value(u.AU)
    mass_factor = number(jupiter_mass_factor, "jupiter_mass_factor", positive=True, high=100, scalar=True)
    if np.any(a0 >= 0.9 * aj):
        raise ValueError("every a0 must lie well inside Jupiter's orbit (below 0.9 * jupiter_a).")
    settings = _BeltSettings(
        a0=a0,
        e0=np.broadcast_to(e0, a0.shape).copy(),
        t_end=t_end,
        jupiter_a=aj,
        jupiter_e=ej,
        danger=danger,
        mass_factor=mass_factor,
        n_out=integer(n_out, "n_out", low=2, high=100_000),
        steps_per_orbit=integer(steps_per_orbit, "steps_per_orbit", low=10, high=10_000),
        seed=integer(seed, "seed", low=0),
    )
    n_steps = t_end / (np.sqrt(a0.min() ** 3) / settings.steps_per_orbit)  # periods in yr: P = a**1.5
    if n_steps * a0.size > MAX_PARTICLE_STEPS:
        raise ValueError(
            f"this run needs about {n_steps:.3g} steps for {a0.size} particles, more than the limit of "
            f"{MAX_PARTICLE_STEPS:.0e} particle-steps (hours of computing); shorten t_end, lower "
            "steps_per_orbit or start fewer particles."
        )
    return settings


def _new_simulation(settings: _BeltSettings):
    """The REBOUND simulation at t = 0: Sun, Jupiter at perihelion, asteroids at seeded random angles.

    Returns the simulation and Jupiter's mass in solar masses.
    """
    import rebound
    from astropy.constants import M_jup, M_sun

    rng = np.random.default_rng(settings.seed)
    lam0 = rng.uniform(0, 2 * np.pi, settings.a0.size)
    varpi0 = rng.uniform(0, 2 * np.pi, settings.a0.size)
    m_jup = float((M_jup / M_sun).to_value(u.one)) * float(settings.mass_factor)
    sim = rebound.Simulation()
    sim.units = ("yr", "AU", "Msun")
    sim.add(m=1.0)
    sim.add(m=m_jup, a=settings.jupiter_a, e=settings.jupiter_e, l=0.0, pomega=0.0, primary=sim.particles[0])
    sim.N_active = 2
    for a, e, lam, vp in zip(settings.a0, settings.e0, lam0, varpi0, strict=True):
        sim.add(a=a, e=e, l=lam, pomega=vp, primary=sim.particles[0])
    sim.integrator = "whfast"
    # no conversion to and from Jacobi coordinates at every step (about twice as fast): _integrate
    # synchronizes before each look at the particles and rebuilds the coordinates after a removal
    sim.integrator.safe_mode = 0
    sim.dt = float(2 * np.pi * np.sqrt(settings.a0.min() ** 3 / sim.G) / settings.steps_per_orbit)
    sim.move_to_com()
    return sim, m_jup


def _sample(sim, m_jup: float) -> tuple[dict, dict]:
    """Heliocentric elements of Jupiter and of the asteroids still in the simulation, now."""
    xyz = np.zeros((sim.N, 3))
    vel = np.zeros((sim.N, 3))
    sim.serialize_particle_data(xyz=xyz, vxvyvz=vel)
    jupiter = _elements(xyz[1] - xyz[0], vel[1] - vel[0], sim.G * (1.0 + m_jup))
    asteroids = _elements(xyz[2:] - xyz[0], vel[2:] - vel[0], sim.G)
    return jupiter, asteroids


def _removed(elements: dict, danger: float) -> np.ndarray:
    """Which asteroids count as removed: perihelion inside ``danger`` (AU), or unbound (NaN)."""
    return ~(elements["a"] * (1 - elements["e"]) > danger)


def _integrate(sim, m_jup: float, settings: _BeltSettings) -> dict:
    """Integrate to ``t_end``, sampling ``n_out`` times and removing asteroids as they cross the danger line.

    The work is bounded: WHFast takes fixed steps of ``sim.dt`` and never
    shortens the last one, so the run takes ``t_end / dt`` steps (checked by
    :func:`_belt_settings`) plus at most one.
    """
    n, n_out = settings.a0.size, settings.n_out
    wanted = np.linspace(0.0, settings.t_end, n_out)
    out = {"t": np.empty(n_out), "lam_jupiter": np.full(n_out, np.nan), "t_removed": np.full(n, np.nan)}
    out.update({k: np.full((n, n_out), np.nan) for k in ("a", "e", "lam", "varpi")})
    alive = np.arange(n)  # particle number of simulation index 2, 3, ...
    for j, t_wanted in enumerate(wanted):
        if j:
            # no shortened last step: the orbits do not depend on how often we look at them
            sim.integrate(t_wanted, exact_finish_time=0)
            sim.synchronize()
            sim.integrator.safe_mode = 0
        out["t"][j] = sim.t
        jupiter, asteroids = _sample(sim, m_jup)
        out["lam_jupiter"][j] = jupiter["lam"]
        if alive.size == 0:
            continue
        for k in ("a", "e", "lam", "varpi"):
            out[k][alive, j] = asteroids[k]
        gone = _removed(asteroids, settings.danger)
        if np.any(gone):
            out["t_removed"][alive[gone]] = sim.t
            for idx in sorted(np.nonzero(gone)[0] + 2, reverse=True):
                sim.remove(int(idx))
            # the integrator's own (Jacobi) copy of the particles is now stale: rebuild it from the
            # particles at the next step (safe mode), then go back to the fast mode
            sim.integrator.safe_mode = 1
            alive = alive[~gone]
    return out


def _package(settings: _BeltSettings, history: dict, dt: float, m_jup: float) -> BeltRun:
    """The histories and every parameter of the run as a :class:`BeltRun`."""
    import rebound

    params = {
        "model": "Sun + Jupiter (planar, eccentric) + massless test particles",
        "integrator": f"REBOUND {rebound.__version__} WHFast",
        "dt_yr": dt,
        "t_end_yr": float(history["t"][-1]),
        "n_out": int(settings.n_out),
        "jupiter_a_AU": settings.jupiter_a,
        "jupiter_e": settings.jupiter_e,
        "jupiter_mass_factor": float(settings.mass_factor),
        "jupiter_mass_msun": m_jup,
        "danger_distance_AU": settings.danger,
        "seed": int(settings.seed),
        "n_particles": int(settings.a0.size),
    }
    return BeltRun(
        t=history["t"] * u.yr,
        a0=settings.a0,
        e0=settings.e0,
        a=history["a"],
        e=history["e"],
        lam=history["lam"],
        varpi=history["varpi"],
        lam_jupiter=history["lam_jupiter"],
        t_removed=history["t_removed"] * u.yr,
        params=params,
    )


def run_belt(
    a0: u.Quantity,
    e0,
    t_end: u.Quantity,
    *,
    jupiter_a: u.Quantity,
    jupiter_e: float,
    danger_distance: u.Quantity,
    jupiter_mass_factor: float = 1.0,
    n_out: int = 200,
    steps_per_orbit: int = 20,
    seed: int = 0,
) -> BeltRun:
    """Integrate massless asteroids around the Sun under Jupiter's pull (REBOUND, WHFast, planar).

    Jupiter starts at perihelion on the x-axis (mean longitude 0); each asteroid
    gets a random mean longitude and longitude of perihelion (seeded).  A
    particle is removed as soon as an output shows its perihelion inside
    ``danger_distance`` (Mars' orbit): from then on its history is NaN.

    Parameters
    ----------
    a0 : Quantity
        Starting semi-major axes (lengths), each inside ``0.9 * jupiter_a``.
    e0 : float or array
        Starting eccentricities, 0 <= e0 < 1, broadcast against ``a0``.
    t_end : Quantity
        How long to integrate (a time), positive.
    jupiter_a : Quantity
        Jupiter's semi-major axis.
    jupiter_e : float
        Jupiter's eccentricity, 0 <= e < 1.
    danger_distance : Quantity
        A particle whose perihelion falls inside this distance counts as removed.
    jupiter_mass_factor : float
        Jupiter's mass in units of the real one (``astropy.constants.M_jup``);
        values above 1 give an *accelerated* model.  Between 0 and 100.
    n_out : int
        Number of equally spaced outputs (2 to 100,000).
    steps_per_orbit : int
        Time step = the shortest starting period divided by this (10 to 10,000).
    seed : int
        Seed for the random starting angles (a whole number, at least 0).

    The work is bounded: at most :data:`MAX_PARTICLES` particles and
    :data:`MAX_PARTICLE_STEPS` particle-steps (particles times ``t_end`` / time step);
    a larger run is refused with a ValueError instead of running for days.

    Returns
    -------
    BeltRun

    Examples
    --------
    >>> import astropy.units as u
    >>> run = run_belt([2.3, 2.5] * u.AU, 0.1, 200 * u.yr, jupiter_a=5.2 * u.AU,
    ...                jupiter_e=0.05, danger_distance=1.5 * u.AU, n_out=5)
    >>> run.e.shape
    (2, 5)
    """
    settings = _belt_settings(
        a0, e0, t_end, jupiter_a, jupiter_e, danger_distance, jupiter_mass_factor, n_out, steps_per_orbit, seed
    )
    sim, m_jup = _new_simulation(settings)
    dt = sim.dt
    return _package(settings, _integrate(sim, m_jup, settings), dt, m_jup)


def depletion_by_bin(a0: u.Quantity, removed, bins: u.Quantity):
    """Count started and removed particles per starting semi-major-axis bin.

    Parameters
    ----------
    a0 : Quantity
        Starting semi-major axes.
    removed : array of bool
        Which particles were removed.
    bins : Quantity
        Bin edges (lengths), increasing.

    Returns
    -------
    started, lost : ndarray of int
        Particles started in, and removed from, each bin.

    Examples
    --------
    >>> import astropy.units as u
    >>> depletion_by_bin([2.4, 2.5, 2.6] * u.AU, [False, True, False], [2.3, 2.45, 2.7] * u.AU)
    (array([1, 2]), array([0, 1]))
    """
    a0 = np.atleast_1d(require(a0, u.AU, "a0", positive=True).to_value(u.AU))
    if a0.ndim != 1:
        raise ValueError(f"a0 must be one-dimensional (one value per particle); got shape {a0.shape}.")
    edges = np.asarray(require(bins, u.AU, "bins", positive=True).to_value(u.AU), dtype=float)
    if isinstance(removed, (str, bytes)) or removed is None or not isinstance(removed, (list, tuple, np.ndarray)):
        raise TypeError(f"removed must be an array of True/False, one per particle; got {removed!r}.")
    removed = np.asarray(removed)
    if removed.dtype != bool:
        raise TypeError(f"removed must hold True/False values (e.g. run.removed); got {removed.dtype} values.")
    if removed.shape != a0.shape:
        raise ValueError(f"removed must have one entry per particle of a0 ({a0.size}); got shape {removed.shape}.")
    if edges.ndim != 1 or edges.size < 2 or np.any(np.diff(edges) <= 0):
        raise ValueError("bins must be at least two increasing edges.")
    started, _ = np.histogram(a0, edges)
    lost, _ = np.histogram(a0[removed], edges)
    return started, lost


# --------------------------------------------------------------------------
# plotting (for the lesson's Explore widget)
# --------------------------------------------------------------------------


def _display_angle(phi_deg: np.ndarray) -> np.ndarray:
    """Each row of angles (deg) drawn from -180 to 180 if it swings about 0, else from 0 to 360."""
    with np.errstate(invalid="ignore"):
        mean = np.angle(np.nanmean(np.exp(1j * np.radians(phi_deg)), axis=-1, keepdims=True), deg=True)
    return np.where(np.abs(mean) < 90, np.mod(phi_deg + 180, 360) - 180, np.mod(phi_deg, 360))


def _stops_text(starts: np.ndarray, value: float, name: str, unit: str) -> str:
    """Where a run's starting values lie, in words: their range and step, and, for a ``value`` between two of them
    (2.767 AU between the stops 2.76 and 2.78), its nearest stops on either side."""
    stops = np.unique(np.round(np.asarray(starts, dtype=float), 6))
    stops = stops[np.isfinite(stops)]
    if stops.size == 0:
        return f"{name}: this run has none"
    text = f"{name} runs from {stops[0]:.2f} to {stops[-1]:.2f} {unit}"
    if stops.size > 1:
        text += f" in steps of {np.min(np.diff(stops)):.2f} {unit}"
    if not math.isfinite(value) or np.isclose(stops, value).any():
        return text
    below, above = stops[stops < value], stops[stops > value]
    near = [f"{v:.2f}" for v in (*below[-1:], *above[:1])]
    return f"{text} (nearest stop{'s' if len(near) > 1 else ''} {' and '.join(near)})"


class HistoryFigure(FastFigure):
    """One figure, built once, that shows any asteroid of a :class:`BeltRun`: e and resonant angle.

    :meth:`draw` moves the lines, the title, the labels and the removal mark to
    the asteroid that started at ``(a_start, e_start)``, so a widget only
    redraws (fast) and every text follows the controls.

    Parameters
    ----------
    run : BeltRun
        The simulation to show.
    a_perturber : Quantity
        Jupiter's semi-major axis (for the period ratio and the nearest resonance).
    danger_distance : Quantity
        Mars' distance: the eccentricity at which the perihelion reaches it is drawn.
    colour : str
        Colour of the asteroid's curves (not a body's colour: these are model asteroids).
    model : str
        How the run is named in the time axis label.

    Examples
    --------
    >>> import astropy.units as u
    >>> run = run_belt([2.3, 2.5] * u.AU, 0.1, 100 * u.yr, jupiter_a=5.2 * u.AU, jupiter_e=0.05,
    ...                danger_distance=1.5 * u.AU, n_out=11)
    >>> view = HistoryFigure(run, 5.2 * u.AU, 1.5 * u.AU).draw(2.5, 0.1)
    >>> view.ax_e.get_title()
    'start a = 2.50 AU, e = 0.10: nearest main resonance 3:1'
    """

    def __init__(
        self,
        run: BeltRun,
        a_perturber: u.Quantity,
        danger_distance: u.Quantity,
        colour: str = "#332288",
        model: str = "accelerated model",
    ):
        from matplotlib.ticker import MaxNLocator

        from .style import PALETTE

        self.run = instance(run, BeltRun, "run", hint="from run_belt")
        _colour(colour, "colour")
        text(model, "model")
        self.a_perturber = require(a_perturber, u.AU, "a_perturber", positive=True)
        self.danger = require(danger_distance, u.AU, "danger_distance", positive=True)
        self.t_yr = run.t.to_value(u.yr)
        self._angles: dict[tuple[int, int], np.ndarray] = {}
        self._kept_open: set[int] = set()  # asteroids whose angle the alt text leaves open (see keep_open)
        super().__init__((8, 5.2), margins={"left": 0.11, "right": 0.97, "bottom": 0.1, "top": 0.9, "hspace": 0.1})
        ax_e, ax_phi = self.figure.subplots(2, 1, sharex=True)
        self.ax_e, self.ax_phi = ax_e, ax_phi
        nan = np.full_like(self.t_yr, np.nan)
        (self.line_e,) = ax_e.plot(self.t_yr, nan, color=colour, lw=1.5, label="eccentricity")
        self.line_mars = ax_e.axhline(0.5, color=PALETTE["mars"], ls=":", lw=2)
        self.label_mars = ax_e.text(
            0.01,
            0.51,
            _MARS_LABEL,
            transform=ax_e.get_yaxis_transform(),
            fontsize=10,
            va="bottom",
        )
        (self.cross,) = ax_e.plot([], [], "X", ms=11, color="k")
        self.label_cross = ax_e.annotate("", (0, 0), xytext=(8, 8), textcoords="offset points", fontsize=10)
        (self.dots,) = ax_phi.plot(self.t_yr, nan, "o", ms=1.5, ls="none", color=colour)
        (self.trace,) = ax_phi.plot(self.t_yr, nan, "-", lw=0.5, color=colour)  # the dots joined, broken at wraps
        ax_e.set(ylim=(0, 0.6), yticks=[0, 0.2, 0.4, 0.6], ylabel="eccentricity e")
        ax_phi.set(xlabel=f"time (years, {model})")
        ax_phi.xaxis.set_major_locator(MaxNLocator(5))
        # what changes from one asteroid to the next; the axes are drawn again only when their limits or
        # resonance change
        # (an axis label is drawn by its axis, animated or not: it belongs to the background)
        moving = (self.line_e, self.line_mars, self.label_mars, self.cross, self.label_cross, self.dots, self.trace)
        self.animate(*moving, ax_e.title)
        self._limits = None

    def _index(self, a_start: float, e_start: float) -> int:
        try:
            a_start, e_start = float(a_start), float(e_start)
        except (TypeError, ValueError):
            raise TypeError(
                f"a_start and e_start must be plain numbers (a in AU); got {a_start!r} and {e_start!r}."
            ) from None
        hits = np.flatnonzero(np.isclose(self.run.a0, a_start) & np.isclose(self.run.e0, e_start))
        if hits.size == 0:
            e_values = ", ".join(f"{e:g}" for e in sorted(set(np.round(self.run.e0, 3).tolist())))
            raise ValueError(
                f"no asteroid of this run started at a = {a_start} AU, e = {e_start}. "
                f"{_stops_text(self.run.a0, a_start, 'Starting a', 'AU')}; e is one of {e_values}. "
                "Choose a stop with the sliders, or type one of these values."
            )
        return int(hits[0])

    def _centred_angles(self, p: int, q: int) -> np.ndarray:
        """The p:q angle of every asteroid (deg), each drawn about its own centre (cached). Private: the centre
        is the middle of a librating angle's band, the answer to exercise 03.3."""
        if (p, q) not in self._angles:
            self._angles[(p, q)] = _display_angle(self.run.angle(p, q).to_value(u.deg))
        return self._angles[(p, q)]

    def draw(self, a_start: float, e_start: float):
        """Show the asteroid that started at ``a_start`` (AU) and ``e_start``; returns this figure, ready to show."""
        i = self._index(a_start, e_start)
        a = a_start * u.AU
        p, q = _nearest_resonance(a, self.a_perturber)
        e_mars = float(1 - (self.danger / a).to_value(u.one))
        e = self.run.e[i]
        self.line_e.set_ydata(e)
        self.line_mars.set_ydata([e_mars, e_mars])
        self.label_mars.set_visible(0 < e_mars < 0.58)
        k = np.flatnonzero(np.isfinite(e))[-1]  # last output before removal (or the end)
        gone = bool(self.run.removed[i])
        self.cross.set_data([self.t_yr[k]] * gone, [e[k]] * gone)
        self.label_cross.xy = (self.t_yr[k], e[k])
        self.label_cross.set_text(f"removed after {self.t_yr[k]:,.0f} yr" if gone else "")
        t_show = self.t_yr[-1]
        if gone:  # zoom in on a short life: the axis ends shortly after the removal (never past the run's end)
            t_show = min(max(_AFTER_REMOVAL * self.t_yr[k], 100), self.t_yr[-1])
        # always drawn from 0 to 360 deg: a range that followed the band would give its middle away (exercise 03.3)
        shown = np.mod(self._centred_angles(p, q)[i], 360)
        turns = _turns(shown)
        if not gone and turns > _FAST_TURNS:  # fast turns: show only the first few dozen, each a sloping line
            t_show = _FAST_TURNS * self.t_yr[k] / turns
        # the removal note goes above and left of the cross. A cross near the axis' end: the Mars label at the left,
        # above the line. A cross short of the end (an early removal): the label in two lines at the right end,
        # below the line, where the ended e curve leaves room and the cross is far from it
        cross_left = gone and self.t_yr[k] < 0.75 * t_show
        self.label_mars.set_text(_MARS_LABEL.replace(" (", "\n(") if cross_left else _MARS_LABEL)
        self.label_mars.set_position((0.99, e_mars - 0.015) if cross_left else (0.01, e_mars + 0.01))
        self.label_mars.set_horizontalalignment("right" if cross_left else "left")
        self.label_mars.set_verticalalignment("top" if cross_left else "bottom")
        self.label_cross.xyann = (-8, 8)
        self.label_cross.set_horizontalalignment("right")
        self.label_cross.set_verticalalignment("bottom")
        self.dots.set_ydata(shown)
        with np.errstate(invalid="ignore"):
            self.trace.set_ydata(np.where(np.abs(np.diff(shown, prepend=shown[0])) > 180, np.nan, shown))
        low = 0
        if (t_show, low, p, q) != self._limits:
            self.ax_phi.set(
                xlim=(0, t_show),
                ylim=(low, low + 360),
                yticks=range(low, low + 361, 90),
                ylabel=f"{p}:{q} resonant angle (deg)",
            )
            self._limits = (t_show, low, p, q)
            self.invalidate()
        # no period ratio here: the sliders' neighbours of an exercise's asteroid would give its answer away
        self.ax_e.set_title(
            f"start a = {a_start:.2f} AU, e = {e_start:.2f}: nearest main resonance {p}:{q}", fontsize=12
        )
        self._state = (a_start, e_start, p, q, gone, t_show, e_mars)
        return self

    def keep_open(self, a_start: float, e_start: float) -> None:
        """Leave the angle of the asteroid that started at ``(a_start, e_start)`` out of :meth:`alt_text`.

        For an exercise's own asteroid: the figure shows its angle, but the text does not say whether it
        stays in a band or turns all the way round (that is the exercise's answer).
        """
        self._kept_open.add(self._index(a_start, e_start))

    def alt_text(self) -> str:
        """A description of what :meth:`draw` last showed (for ``utils.style.show``)."""
        a_start, e_start, p, q, gone, t_show, e_mars = self._state
        span = _about_years(t_show)
        span = f"{span.removeprefix('about ')} or so" if span.startswith("about ") else span
        zoom = f", and the time axis zooms in on the first {span}" if t_show < self.t_yr[-1] else ""
        zoom += f" (the angle's first {_FAST_TURNS} turns)" if zoom and not gone else ""  # see draw: fast turns
        fate = (
            "its line stops where it was removed (black cross: its perihelion went inside Mars' orbit, or it "
            "was no longer bound to the Sun)"
            if gone
            else "the asteroid survives to the end of the run (never removed)"
        ) + zoom
        phi = self._centred_angles(p, q)[self._index(a_start, e_start)]  # as drawn, each about its own centre
        samples = int(np.sum(np.isfinite(phi)))
        if self._index(a_start, e_start) in self._kept_open:  # an exercise's asteroid: its answer left open
            angle = (
                "dots over time; whether they stay inside a band or turn all the way round is left to you "
                "(the box 'Without a plot' under the exercise measures it in numbers)"
            )
        elif gone and samples < 50:  # a few outputs before removal cannot tell a band from full turns
            angle = f"only {samples} outputs before removal, too short a history to tell libration from circulation"
        else:
            angle = _describe_angle(phi, self.t_yr)
        return (
            f"Two panels for the model asteroid that started at a = {a_start:.2f} AU with e = {e_start:.2f}. "
            f"Top: its eccentricity against time, with a dotted line at e = {e_mars:.2f}, where the perihelion "
            f"reaches Mars' distance for the starting a (a changes during the run); {fate}. "
            f"Bottom: the {p}:{q} resonant angle against time, in degrees: "
            f"{angle}."
        )


#: A surviving asteroid whose angle makes more full turns than this is shown over its first this-many turns.
_FAST_TURNS = 30

#: A removed asteroid's time axis ends at this multiple of its removal time (a little room after the cross).
_AFTER_REMOVAL = 1.15

#: The label of the Explore's dotted line.
_MARS_LABEL = "perihelion at Mars' distance (for the starting a)"


def _band(width: float) -> str:
    """How a librating angle's band of ``width`` degrees looks (its middle is left to the plot: exercise 03.3)."""
    if width > 300:  # libration in name, but it looks like circulation: say what is seen
        return (
            f"it swings through almost every angle (a band about {width:.0f} degrees wide) but never makes "
            "a full turn: a very wide libration, on the edge of circulating"
        )
    return f"it stays inside a band about {width:.0f} degrees wide, never all the way round"


def _circulates(n_turns: int) -> str:
    if n_turns <= 1:  # one turn or less is not "every angle, again and again": say what it does
        return "it makes about one full turn" if n_turns else "it makes less than a full turn"
    again = " again and again" if n_turns >= 5 else ""
    return f"it runs through every angle{again}, about {n_turns:,} full turns in all"


def _describe_angle(phi_deg: np.ndarray, t_yr: np.ndarray) -> str:
    """What an angle's history (deg, NaN after a removal; at times ``t_yr``) does: a band, turns, or turns then a band.

    Widths and turns are measured on the unwrapped angle, so a band that crosses 0/360 degrees is one band.
    An angle that first circulates and is then captured (it makes no full turn in the last tenth or more of its
    history) is described in two parts: its turns, then the band over the last half of the captured part.
    """
    finite = np.isfinite(phi_deg)
    unwrapped, t_yr = np.degrees(np.unwrap(np.deg2rad(phi_deg[finite]))), np.asarray(t_yr, float)[finite]
    n = unwrapped.size
    if np.ptp(unwrapped) < 360:
        return _band(float(np.ptp(unwrapped)))
    # the span of each tail of the history; the first tail narrower than a full turn starts the libration
    tail = np.maximum.accumulate(unwrapped[::-1])[::-1] - np.minimum.accumulate(unwrapped[::-1])[::-1]
    start = int(np.argmax(tail < 360)) if np.any(tail < 360) else n
    if n - start >= max(50, n // 10):
        settled = (start + n) // 2  # the band's width over the last half of the libration
        turns = round(_turns(unwrapped[: start + 1]))
        first = _circulates(turns).removeprefix("it ")
        width = float(np.ptp(unwrapped[settled:]))
        return (
            f"for the first {_about_years(t_yr[start]).removeprefix('about ')} or so it {first}; after that it "
            f"makes no more full turns, and from about {_about_years(t_yr[settled]).removeprefix('about ')} on it "
            f"stays inside a band about {width:.0f} degrees wide"
        )
    return _circulates(round(_turns(unwrapped)))


def _turns(phi_deg: np.ndarray) -> float:
    """How many full turns an angle's history (deg, NaN after a removal) makes, unwrapped."""
    finite = phi_deg[np.isfinite(phi_deg)]
    return float(np.ptp(np.unwrap(np.deg2rad(finite))) / (2 * np.pi)) if finite.size > 1 else 0.0


def _about_years(t: float) -> str:
    """A time span in years, rounded for reading: "about 1,100 years" (two significant figures)."""
    if not np.isfinite(t) or t <= 0:
        return "years"
    step = 10.0 ** max(np.floor(np.log10(t)) - 1, 0)
    rounded = step * round(t / step)
    return f"{rounded:,.0f} years" if rounded == t else f"about {rounded:,.0f} years"


def _mark_resonances(ax, a_perturber: u.Quantity, resonances=KIRKWOOD_RESONANCES) -> None:
    """Mark each p:q resonance of ``a_perturber`` on ``ax`` as a long-dashed line labelled "p:q" at the top.

    Each line stands at the resonance's distance rounded to 0.01 AU, a plotting precision (a Kirkwood gap is
    a few hundredths of an AU wide): reading a line back gives three figures, too few to answer lesson 01's
    exercise 3 (the 5:2's distance, to four figures), and the same holds for :func:`real_belt_panels`,
    which draws through it. Private: its default list includes the 5:2.

    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> _mark_resonances(ax, 5.2 * u.AU, ((3, 1),))
    >>> round(ax.lines[0].get_xdata()[0], 3), ax.texts[0].get_text()
    (2.5, ' 3:1')
    >>> plt.close(fig)
    """
    axes(ax)
    a_p = require(a_perturber, u.AU, "a_perturber", positive=True, scalar=True)
    pairs = int_pairs(resonances, "resonances")
    for k, (p, q) in enumerate(pairs):  # long dashes (unlike Mars' dots)
        x = round(float((a_p * (q / p) ** (2 / 3)).to_value(u.AU)), 2)  # 0.01 AU: see above
        label = None if k else "Jupiter's resonances"  # one entry in a legend, where the figure has one
        ax.axvline(x, color=PALETTE["jupiter"], ls=(0, (8, 4)), lw=1, label=label)
        ax.text(x, 0.98, f" {p}:{q}", transform=ax.get_xaxis_transform(), va="top", fontsize=10)


#: Where (deg from the x axis) draw_conjunctions puts the arrows that show the direction of motion.
_ARROW_AT = 95


def draw_conjunctions(ax, a: u.Quantity, a_perturber: u.Quantity, n: int = 12) -> None:
    """Top-down view on ``ax``: both circular orbits, the Sun and the first ``n`` conjunctions, numbered.

    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> draw_conjunctions(ax, 5.2 * u.AU * (1 / 3) ** (2 / 3), 5.2 * u.AU, n=4)  # the 3:1
    >>> ax.get_title(), [t.get_text() for t in ax.texts]  # two opposite places
    ('a = 2.50 AU: the 3:1 resonance', ['1,3', '2,4'])
    >>> plt.close(fig)
    """
    from matplotlib.patches import FancyArrowPatch

    axes(ax)
    lon = _conjunction_longitudes(a, a_perturber, n).to_value(u.rad)
    ring = np.linspace(0, 2 * np.pi, 181)
    r, rj = float(a.to_value(u.AU)), float(a_perturber.to_value(u.AU))
    for radius, body, label in [(rj, "jupiter", "Jupiter's orbit"), (r, "belt", "asteroid's orbit")]:
        orbit = dict(color=PALETTE[body], ls=body_style(body)["linestyle"], label=label)
        ax.plot(radius * np.cos(ring), radius * np.sin(ring), **orbit)
        start, end = np.radians(_ARROW_AT), np.radians(_ARROW_AT + 12)  # a short arc, between conjunction places
        ax.add_patch(  # the direction of motion: anticlockwise, seen from above
            FancyArrowPatch(
                radius * np.array([np.cos(start), np.sin(start)]),
                radius * np.array([np.cos(end), np.sin(end)]),
                connectionstyle=f"arc3,rad={0.5 * (end - start) / 2:.3f}",
                arrowstyle="-|>",
                mutation_scale=18,
                color=PALETTE[body],
                lw=1.5,
            )
        )
    for where in np.unique(lon):  # the line-up Sun - asteroid - Jupiter, and the conjunction numbers
        ax.plot([0, rj * np.cos(where)], [0, rj * np.sin(where)], color="k", ls=":", lw=0.8, zorder=0)
        numbers = [str(k + 1) for k in np.flatnonzero(np.isclose(lon, where))]
        text_ = ",".join(numbers[:3]) + ("..." if len(numbers) > 3 else "")
        xy, box = np.array([np.cos(where), np.sin(where)]), dict(fc="white", ec="none")  # legible on the line
        ax.annotate(text_, r * xy, xytext=1.35 * r * xy, ha="center", va="center", fontsize=10, bbox=box)
    bodies = [(r, "o", 8, "belt", "asteroid at conjunction"), (rj, "D", 7, "jupiter", "Jupiter at conjunction")]
    for radius, marker, size, body, label in bodies:
        ax.plot(radius * np.cos(lon), radius * np.sin(lon), marker, ms=size, color=PALETTE[body], mec="k", label=label)
    ax.plot(0, 0, "*", ms=14, color=PALETTE["sun"], mec="k", label="Sun")
    # no period ratio or step in the title: copied with an exercise's asteroid it would answer lesson 03's exercises
    ratio = float(_period_ratio(a, a_perturber))
    on = [(p, q) for p, q in KIRKWOOD_RESONANCES if abs(ratio - p / q) < 1e-6 * ratio]
    title = f"a = {a:.2f}" + (f": the {on[0][0]}:{on[0][1]} resonance" if on else "")
    lim = 1.08 * max(rj, 1.35 * r)
    ax.set(aspect="equal", xlim=(-lim, lim), ylim=(-lim, lim), xlabel="x (AU)", ylabel="y (AU)", title=title)


def eccentricity_alt_text(run: BeltRun, i_res: int, i_out: int, e_line: float, t_max: float) -> str:
    """Alt text for lesson 03's figure of two eccentricity histories: ``i_res`` (in a resonance) and ``i_out``.

    ``e_line`` is the dotted Mars-crossing eccentricity drawn for ``i_res``'s starting a, and ``t_max`` (years)
    the end of the time axis.

    >>> run = run_belt([2.3, 2.5] * u.AU, 0.1, 300 * u.yr, jupiter_a=5.2 * u.AU, jupiter_e=0.05,
    ...                danger_distance=1.5 * u.AU, jupiter_mass_factor=10, n_out=31)
    >>> "the one at 2.30 AU wobbles and drifts slowly between" in eccentricity_alt_text(run, 1, 0, 0.39, 300)
    True
    """
    instance(run, BeltRun, "run")
    i_res, i_out = (integer(i, name, low=0, high=run.a0.size - 1) for i, name in [(i_res, "i_res"), (i_out, "i_out")])
    e_line = float(number(e_line, "e_line", low=0, high=1, scalar=True))
    t_max = float(number(t_max, "t_max", positive=True, scalar=True))
    e_res, e_out = (run.e[i][np.isfinite(run.e[i])] for i in (i_res, i_out))
    side = "just below" if e_res.max() < e_line else "above"
    why = " (optional exercise 9 asks why)" if run.removed[i_res] and side == "just below" else ""
    if run.removed[i_res]:
        under = 100 * np.ceil(run.t_removed[i_res].to_value(u.yr) / 100)  # its removal, up to the next century
        fate = f"and its line stops in under {under:,.0f} years, when its perihelion is inside Mars' orbit"
    else:
        fate = "and it survives to the end of the run"
    return (
        f"Eccentricity against time over {t_max:,.0f} years for two model asteroids that start with "
        f"e = {run.e0[i_res]:.2f}. The one starting at {run.a0[i_res]:.2f} AU climbs in swings to "
        f"e ≈ {e_res.max():.2f}, {side} the dotted line drawn for its starting a{why}, "
        f"{fate}; the one at {run.a0[i_out]:.2f} AU wobbles and drifts slowly between {e_out.min():.2f} and "
        f"{e_out.max():.2f}."
    )


def angle_band_alt_text(run: BeltRun, i_res: int, i_out: int, t_max: float) -> str:
    """Alt text for lesson 03's figure of the 3:1 resonant angle (drawn from 0 to 360 deg) up to ``t_max`` years.

    For ``i_res`` it gives the band's edges (to 10 degrees) and middle (to 5). The spread is measured on the
    unwrapped angle, so a band that crosses 0/360 degrees (drawn in two pieces) is one band, not full turns; an
    angle that spreads over 300 degrees or more is said to run through all angles. For the 3:1 only
    (the figure's resonance): exercise 03.3 asks the same of another asteroid at another resonance.

    >>> run = run_belt([2.3, 2.5] * u.AU, 0.1, 300 * u.yr, jupiter_a=5.2 * u.AU, jupiter_e=0.05,
    ...                danger_distance=1.5 * u.AU, jupiter_mass_factor=10, n_out=61)
    >>> angle_band_alt_text(run, 1, 0, 300).startswith("The 3:1 resonant angle against time over the first 300 years")
    True
    """
    instance(run, BeltRun, "run")
    i_res, i_out = (integer(i, name, low=0, high=run.a0.size - 1) for i, name in [(i_res, "i_res"), (i_out, "i_out")])
    t_max = float(number(t_max, "t_max", positive=True, scalar=True))
    p, q = 3, 1
    phi, t_yr = np.mod(run.angle(p, q).to_value(u.deg), 360), run.t.to_value(u.yr)
    shown = phi[i_res][(t_yr <= t_max) & np.isfinite(phi[i_res])]  # the asteroid's angle, as drawn
    unwrapped = np.degrees(np.unwrap(np.deg2rad(shown)))  # a band across 0/360 degrees stays one band
    if np.ptp(unwrapped) >= 300:
        what = "runs through (almost) all angles"
    else:
        low, high = (np.mod(x, 360) for x in (unwrapped.min(), unwrapped.max()))
        centre = np.mod(unwrapped.min() + np.ptp(unwrapped) / 2, 360)
        low, high, centre = 10 * round(low / 10), 10 * round(high / 10), 5 * round(centre / 5) % 360
        if low <= high:
            where = f"between about {low} and {high} degrees"
        else:  # drawn in two pieces, at the top and at the bottom of the plot
            where = f"from about {low} degrees up through 360 (= 0) to about {high} degrees, drawn in two pieces"
        what = f"swings back and forth {where}, a band centred near {centre} degrees, and never runs all the way round"
    return (
        f"The {p}:{q} resonant angle against time over the first {t_max:,.0f} years, dots joined by thin lines. For "
        f"the asteroid starting at {run.a0[i_res]:.2f} AU it {what}; for the asteroid at {run.a0[i_out]:.2f} AU it "
        f"{_circulation(phi[i_out][(t_yr <= t_max) & np.isfinite(phi[i_out])])}."
    )


def _circulation(shown: np.ndarray) -> str:
    if np.ptp(shown) < 300:
        return "stays in a band"
    return "runs through all angles again and again, each turn a line falling from 360 to 0"


def real_belt_panels(a_real, bins, a_perturber: u.Quantity, title: str):
    """Two panels sharing the x axis: the real belt's histogram of ``a_real`` (AU) on top, an empty one below.

    Both mark the resonances of ``a_perturber`` (to 0.01 AU, see ``_mark_resonances``); returns
    ``(fig, ax_below)`` for a model to be drawn under the belt.

    >>> fig, ax = real_belt_panels([2.2, 2.3, 2.3], [2.2, 2.25, 2.3, 2.35], 5.2 * u.AU, "test")
    >>> fig.axes[0].get_ylabel(), len(ax.lines)
    ('real asteroids\\nper 0.05 AU', 5)
    >>> import matplotlib.pyplot as plt; plt.close(fig)
    """
    import matplotlib.pyplot as plt

    values = array(a_real, "a_real", ndim=1, low=0)
    edges = array(bins, "bins", ndim=1, min_size=2, max_size=10_000, low=0)
    if np.any(np.diff(edges) <= 0):
        raise ValueError("bins must be increasing bin edges in AU, e.g. np.arange(2.0, 3.5001, 0.02).")
    title = text(title, "title")
    require(a_perturber, u.AU, "a_perturber", positive=True, scalar=True)
    fig, (ax_real, ax_below) = plt.subplots(2, 1, figsize=(8, 5.6), sharex=True)
    ax_real.hist(values, bins=edges, color=PALETTE["belt"])
    ax_real.set(ylabel=f"real asteroids\nper {edges[1] - edges[0]:.2f} AU", title=title)
    for ax in (ax_real, ax_below):
        _mark_resonances(ax, a_perturber)
    return fig, ax_below
