"""The asteroid belt as a population: sizes, masses, spacing, resonances, selection.

Helpers for lesson 01.  Every function takes and returns astropy
Quantities (or plain arrays for dimensionless numbers such as albedo) and
checks its inputs with :func:`utils.units.require`.  Sourced numbers
(the Sun's apparent magnitude, Jupiter's orbit) come from ``data/facts.ecsv``
through :func:`utils.facts.fact` when a caller does not pass them.

Examples
--------
>>> import astropy.units as u
>>> round(float(_diameter_from_h(3.34 * u.mag, 0.09).to_value(u.km)))
952
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import astropy.units as u
import numpy as np

from .orbits import _resonance_location
from .resonance import KIRKWOOD_RESONANCES
from .style import FastFigure
from .units import (
    albedo as check_albedo,
)
from .units import (
    array,
    axes,
    choice,
    colour,
    int_pairs,
    integer,
    number,
    pair,
    quantity_map,
    require,
    resonance_pair,
)
from .units import (
    table as _table,
)

__all__ = [
    "mystery_orbit",
    "MAIN_BELT_CLASSES",
    "CLASS_GROUPS",
    "diameter_constant",
    "h_from_diameter",
    "apparent_magnitude",
    "ring_volume",
    "nearest_neighbour_distance",
    "kirkwood_resonances",
    "MARKED_RESONANCES",
    "inner_and_outer_belt",
    "class_group",
    "is_main_belt",
    "largest",
    "orbit_group_styles",
    "plot_orbit_map",
    "plot_albedo_histograms",
    "plot_size_distribution",
    "fact_range",
    "draw_kirkwood",
    "kirkwood_alt_text",
    "KirkwoodFigure",
]

#: SBDB orbit classes of the main belt: inner (a < 2.0 AU), main, outer (a > 3.2 AU).
MAIN_BELT_CLASSES = ("IMB", "MBA", "OMB")

#: SBDB orbit class codes grouped for plots (label -> codes).
CLASS_GROUPS: Mapping[str, tuple[str, ...]] = {
    "main belt": MAIN_BELT_CLASSES,
    "near-Earth and Mars-crossers": ("ATE", "APO", "AMO", "MCA", "IEO"),
    "Jupiter Trojans": ("TJN",),
    "centaurs": ("CEN",),
    "trans-Neptunian": ("TNO",),
    "other": ("AST", "PAA", "HYA"),
}


def _albedo(albedo, name: str = "albedo") -> np.ndarray:
    """A geometric albedo (it divides: positive)."""
    return check_albedo(albedo, name, kind="geometric", positive=True)


def _mag(value, name: str) -> np.ndarray:
    if isinstance(value, u.Quantity):
        if not value.unit.is_equivalent(u.mag):
            raise u.UnitsError(
                f"{name} must be a magnitude (a number or a Quantity in mag, e.g. 5.6 * u.mag); "
                f"got a value in {value.unit}."
            )
        return require(value, u.mag, name, low=-100, high=100).to_value(u.mag)
    if (
        value is None
        or isinstance(value, (str, bytes, bool, np.bool_))
        or not isinstance(value, (int, float, np.number, np.ndarray, list, tuple))
    ):
        raise TypeError(f"{name} must be a magnitude (a number or a Quantity in mag); got {value!r}.")
    return np.asarray(number(value, name, low=-100, high=100), dtype=float)


def diameter_constant(sun_magnitude: u.Quantity | float | None = None) -> u.Quantity:
    """The constant K of :math:`D = K\\,p^{-1/2}\\,10^{-H/5}`, in km.

    An asteroid's absolute magnitude H is its brightness seen from the Sun at
    1 AU from both Sun and observer.  A disc of diameter D and geometric albedo
    p at 1 AU reflects :math:`p\\,(D/2)^2/(1\\,\\mathrm{AU})^2` of the sunlight,
    so :math:`H - V_\\odot = -2.5\\log_{10}[p\\,D^2/(4\\,\\mathrm{AU}^2)]`, which
    gives :math:`K = 2\\,\\mathrm{AU}\\times 10^{V_\\odot/5}`.

    Parameters
    ----------
    sun_magnitude : Quantity or float, optional
        The Sun's apparent V magnitude at 1 AU; default ``fact("sun.v_apparent")``.

    Examples
    --------
    >>> import astropy.units as u
    >>> round(float(diameter_constant(-26.762 * u.mag).to_value(u.km)))
    1329
    """
    if sun_magnitude is None:
        from .facts import fact

        sun_magnitude = fact("sun.v_apparent")
    v_sun = _mag(sun_magnitude, "sun_magnitude")
    return (2 * u.AU * 10 ** (v_sun / 5)).to(u.km)


def _diameter_from_h(H, albedo, K: u.Quantity | None = None) -> u.Quantity:
    """Diameter of a sphere with absolute magnitude ``H`` and geometric albedo ``albedo``.

    :math:`D = K / \\sqrt{p}\\;10^{-H/5}` with :math:`K` from :func:`diameter_constant`.

    Parameters
    ----------
    H : Quantity (mag) or float or array
        Absolute magnitude.
    albedo : float or array
        Geometric albedo, a positive fraction (0.09 for Ceres; at most 2).
    K : Quantity, optional
        The constant (a length); default :func:`diameter_constant`.

    Returns
    -------
    Quantity
        Diameter in km.

    Raises
    ------
    ValueError
        An albedo that is not positive (or above 2: a percentage typed in), or a non-finite H.

    Examples
    --------
    >>> import astropy.units as u
    >>> round(float(_diameter_from_h(12 * u.mag, 0.25, K=1329 * u.km).to_value(u.km)), 1)
    10.6
    """
    h = _mag(H, "H")
    p = _albedo(albedo)
    k = diameter_constant() if K is None else require(K, u.km, "K", positive=True)
    return (k / np.sqrt(p) * 10 ** (-h / 5)).to(u.km)


def h_from_diameter(diameter: u.Quantity, albedo, K: u.Quantity | None = None) -> u.Quantity:
    """Absolute magnitude of a sphere of given diameter and albedo (inverse of :func:`_diameter_from_h`).

    Examples
    --------
    >>> import astropy.units as u
    >>> round(float(h_from_diameter(10.6 * u.km, 0.25, K=1329 * u.km).to_value(u.mag)), 2)
    12.0
    """
    d = require(diameter, u.km, "diameter", positive=True)
    p = _albedo(albedo)
    k = diameter_constant() if K is None else require(K, u.km, "K", positive=True)
    return 5 * np.log10((k / (d * np.sqrt(p))).to_value(u.one)) * u.mag


def apparent_magnitude(H, r: u.Quantity, delta: u.Quantity) -> u.Quantity:
    """How bright a body of absolute magnitude ``H`` looks, fully lit, at distances ``r`` and ``delta``.

    H is the magnitude at 1 AU from the Sun and 1 AU from the observer.  The
    sunlight reaching the body falls as :math:`1/r^2` and the light reaching the
    observer as :math:`1/\\Delta^2`, so :math:`V = H + 5\\log_{10}(r\\,\\Delta/\\mathrm{AU}^2)`.
    The phase angle is taken as zero (the observer sees the lit face): a real
    view from the side is fainter still.

    Parameters
    ----------
    H : Quantity (mag) or float or array
        Absolute magnitude.
    r : Quantity
        Distance of the body from the Sun.
    delta : Quantity
        Distance of the body from the observer.

    Returns
    -------
    Quantity
        Apparent V magnitude (mag); larger means fainter.

    Examples
    --------
    >>> import astropy.units as u
    >>> round(float(apparent_magnitude(3.34 * u.mag, 2.77 * u.AU, 1.77 * u.AU).to_value(u.mag)), 2)
    6.79
    """
    h = _mag(H, "H")
    r_au = require(r, u.AU, "r", positive=True).to_value(u.AU)
    d_au = require(delta, u.AU, "delta", positive=True).to_value(u.AU)
    return (h + 5 * np.log10(r_au * d_au)) * u.mag


def _sphere_mass(diameter: u.Quantity, density: u.Quantity) -> u.Quantity:
    """Mass of a uniform sphere, :math:`\\rho\\,\\pi D^3/6`, in kg.

    Examples
    --------
    >>> import astropy.units as u
    >>> f"{_sphere_mass(939.4 * u.km, 2.162 * u.g / u.cm**3):.3e}"
    '9.384e+20 kg'
    """
    d = require(diameter, u.km, "diameter", positive=True)
    rho = require(density, u.kg / u.m**3, "density", positive=True)
    return (rho * np.pi * d**3 / 6).to(u.kg)


def ring_volume(r_inner: u.Quantity, r_outer: u.Quantity, half_thickness: u.Quantity) -> u.Quantity:
    """Volume of a flat ring (annular slab): :math:`\\pi (r_o^2 - r_i^2)\\,2h`, in AU^3.

    The model of the belt used in lesson 01: everything between two distances
    from the Sun, up to a height ``half_thickness`` above and below the ecliptic.

    Examples
    --------
    >>> import astropy.units as u
    >>> round(float(ring_volume(2 * u.AU, 3 * u.AU, 0.5 * u.AU).to_value(u.AU**3)), 3)
    15.708
    """
    ri = require(r_inner, u.AU, "r_inner", nonnegative=True)
    ro = require(r_outer, u.AU, "r_outer", positive=True)
    h = require(half_thickness, u.AU, "half_thickness", positive=True)
    if np.any(ro <= ri):
        raise ValueError(f"r_outer must be larger than r_inner; got {r_inner} and {r_outer}.")
    return (np.pi * (ro**2 - ri**2) * 2 * h).to(u.AU**3)


def _count(n, name: str) -> float:
    return number(n, name, positive=True, scalar=True)


def _mean_spacing(n_objects, volume: u.Quantity) -> u.Quantity:
    """Typical distance between neighbours: :math:`(V/N)^{1/3}`, in km.

    Each object gets a cube of volume V/N to itself; the cube's side is the
    mean spacing (a uniform spread is assumed).

    Parameters
    ----------
    n_objects : float
        How many objects share the volume.
    volume : Quantity
        The volume (any volume unit).

    Examples
    --------
    >>> import astropy.units as u
    >>> _mean_spacing(8, 1 * u.km**3)
    <Quantity 0.5 km>
    """
    n = _count(n_objects, "n_objects")
    v = require(volume, u.km**3, "volume", positive=True)
    return np.cbrt(v / n).to(u.km)


def nearest_neighbour_distance(n_objects, volume: u.Quantity) -> u.Quantity:
    r"""Mean distance from an object to its nearest neighbour, for objects scattered at random.

    For points placed independently and uniformly at number density n, the
    distance to the nearest one is on average
    :math:`\Gamma(4/3)\,(3/(4\pi n))^{1/3}`
    (Chandrasekhar 1943, Rev. Mod. Phys. 15, 1, eq. 29): roughly half the side of
    the cube each point would get on a regular grid, since random points sit
    closer to their nearest neighbour than points on a grid.

    Examples
    --------
    >>> import astropy.units as u
    >>> f"{nearest_neighbour_distance(1.2e6, 7.0e25 * u.km**3):.1e}"
    '2.1e+06 km'
    """
    from math import gamma

    n = _count(n_objects, "n_objects")
    v = require(volume, u.km**3, "volume", positive=True)
    return (gamma(4 / 3) * np.cbrt(3 * v / (4 * np.pi * n))).to(u.km)


def _expected_encounters(number_density: u.Quantity, distance: u.Quantity, path_length: u.Quantity) -> u.Quantity:
    """Expected number of objects passed within ``distance`` along a straight path.

    The path sweeps a cylinder of radius ``distance`` and length ``path_length``;
    with objects spread uniformly at ``number_density`` the expected count is
    :math:`n\\,\\pi d^2 L` (a dimensionless Quantity).

    Examples
    --------
    >>> import astropy.units as u
    >>> round(float(_expected_encounters(1 / u.km**3, 1 * u.km, 2 * u.km)), 3)
    6.283
    """
    n = require(number_density, u.km**-3, "number_density", nonnegative=True)
    d = require(distance, u.km, "distance", nonnegative=True)
    length = require(path_length, u.km, "path_length", nonnegative=True)
    return (n * np.pi * d**2 * length).to(u.one)


#: The resonances lesson 01 marks on its histogram: every one of KIRKWOOD_RESONANCES but the 5:2, which the
#: lesson's exercise 3 asks students to place with Kepler's third law (no public helper here computes it).
MARKED_RESONANCES: tuple[tuple[int, int], ...] = tuple(r for r in KIRKWOOD_RESONANCES if r != (5, 2))


def kirkwood_resonances(a_jupiter: u.Quantity | None = None) -> dict[str, u.Quantity]:
    """Semi-major axes of the Kirkwood resonances lesson 01 marks (4:1, 3:1, 7:3, 2:1), not the 5:2.

    Uses Kepler's third law, :math:`a = a_J (q/p)^{2/3}`. The 5:2 is left out on purpose: lesson 01's
    exercise 3 asks for it.

    Parameters
    ----------
    a_jupiter : Quantity, optional
        Jupiter's semi-major axis; default ``fact("jupiter.a")``.

    Returns
    -------
    dict
        ``{"4:1": <Quantity 2.06 AU>, "3:1": ..., "7:3": ..., "2:1": ...}``, inner to outer.

    Examples
    --------
    >>> import astropy.units as u
    >>> res = kirkwood_resonances(5.203 * u.AU)
    >>> list(res), round(float(res["3:1"].to_value(u.AU)), 3)
    (['4:1', '3:1', '7:3', '2:1'], 2.501)
    """
    return _kirkwood_resonances(a_jupiter, MARKED_RESONANCES)


def _kirkwood_resonances(
    a_jupiter: u.Quantity | None = None, ratios: Iterable[Sequence[int]] = KIRKWOOD_RESONANCES
) -> dict[str, u.Quantity]:
    """Semi-major axes of interior mean-motion resonances with Jupiter, ``{"p:q": a}`` in the order given.

    Private: with its default ``ratios`` (all of :data:`utils.resonance.KIRKWOOD_RESONANCES`) it would answer
    lesson 01's exercise 3. Uses ``utils.orbits._resonance_location`` (Kepler's third law).
    """
    if a_jupiter is None:
        from .facts import fact

        a_jupiter = fact("jupiter.a")
    require(a_jupiter, u.AU, "a_jupiter", positive=True, scalar=True)
    out = {}
    for p, q in int_pairs(ratios, "ratios"):
        resonance_pair(p, q, "ratios")
        out[f"{p}:{q}"] = _resonance_location(a_jupiter, p, q)
    return out


def inner_and_outer_belt(a: u.Quantity) -> tuple[np.ndarray, np.ndarray]:
    """Which semi-major axes lie in the inner belt and which in the outer belt.

    The inner belt lies inside the 3:1 resonance with Jupiter, the outer belt beyond the 5:2. Each boundary is
    the resonance of Jupiter's ``fact("jupiter.a")`` rounded to 0.01 AU: that still falls inside the gap the
    resonance clears (no catalogue object lies between the rounded and the exact distance), so the split is the
    same, but no boundary found from these masks is precise enough to answer lesson 01's exercise 3. Only the
    two masks are returned, not the distances.

    Parameters
    ----------
    a : Quantity
        Semi-major axes (a length).

    Returns
    -------
    (inner, outer) : tuple of bool arrays
        ``a`` inside the 3:1, and ``a`` beyond the 5:2.

    Examples
    --------
    >>> import astropy.units as u
    >>> inner, outer = inner_and_outer_belt([2.3, 2.7, 3.1] * u.AU)
    >>> inner.tolist(), outer.tolist()
    ([True, False, False], [False, False, True])
    """
    a_au = require(a, u.AU, "a").to_value(u.AU)
    inner_edge, outer_edge = _belt_split()
    return a_au < inner_edge, a_au > outer_edge


def _belt_split() -> tuple[float, float]:
    """The inner belt's outer edge and the outer belt's inner edge, in AU: Jupiter's 3:1 and 5:2 to 0.01 AU."""
    edges = _kirkwood_resonances(None, ratios=((3, 1), (5, 2)))
    return tuple(round(float(edges[k].to_value(u.AU)), 2) for k in ("3:1", "5:2"))


# --------------------------------------------------------------------------
# selection helpers for the catalogue (an astropy Table from utils.load_catalogue)
# --------------------------------------------------------------------------

#: JPL's orbit-class boundaries (PDS Small Bodies Node, "Orbit classes"), in AU, used by :func:`_orbit_group`.
_Q_MARS_CROSSER = 1.666  # perihelion below this: Mars-crossers (with a < 3.2 AU) ...
_A_MARS_CROSSER_MAX = 3.2
_Q_NEAR_EARTH = 1.3  # ... or near-Earth objects, whatever their a
_A_MAIN_BELT_MAX = 4.6  # inner, main and outer belt: a up to 4.6 AU
_A_TROJANS = (4.6, 5.5)  # Jupiter Trojans, with e < 0.3
_E_TROJANS_MAX = 0.3
_A_NEPTUNE = 30.1  # centaurs between 5.5 AU and Neptune's a; trans-Neptunian objects beyond


def _orbit_group(a: u.Quantity, e) -> str:
    """The group of :data:`CLASS_GROUPS` an orbit belongs to, by JPL's class boundaries.

    Follows JPL's definitions from a and the perihelion q = a(1 - e): q < 1.3 AU
    near-Earth, q < 1.666 AU with a < 3.2 AU Mars-crosser; a < 4.6 AU main belt (inner, main, outer);
    4.6 < a < 5.5 AU with e < 0.3 Jupiter Trojans; a < 30.1 AU centaurs; beyond,
    trans-Neptunian.  Hildas and other special classes are counted with the group
    their a falls in, so this is a sketch of JPL's scheme, not a replacement.

    Examples
    --------
    >>> import astropy.units as u
    >>> _orbit_group(2.77 * u.AU, 0.08), _orbit_group(5.2 * u.AU, 0.1), _orbit_group(13.7 * u.AU, 0.38)
    ('main belt', 'Jupiter Trojans', 'centaurs')
    """
    a_q, e_q = require(a, u.AU, "a", positive=True), require(e, u.one, "e", nonnegative=True)
    for name, q in (("a", a_q), ("e", e_q)):
        if q.ndim:
            raise ValueError(f"one orbit at a time: {name} must be a single value; got shape {q.shape}.")
    a_au, ecc = float(a_q.to_value(u.AU)), float(e_q.to_value(u.one))
    if ecc >= 1:
        raise ValueError(f"e must be below 1 for a closed orbit; got {ecc}.")
    q_au = a_au * (1 - ecc)
    crosser = q_au < _Q_NEAR_EARTH or (q_au < _Q_MARS_CROSSER and a_au < _A_MARS_CROSSER_MAX)
    if crosser and a_au < _A_TROJANS[1]:
        return "near-Earth and Mars-crossers"
    if a_au < _A_MAIN_BELT_MAX:
        return "main belt"
    if a_au < _A_TROJANS[1]:
        return "Jupiter Trojans" if ecc < _E_TROJANS_MAX else "centaurs"
    if a_au < _A_NEPTUNE:
        return "centaurs"
    return "trans-Neptunian"


#: The catalogue numbers of lesson 01's two mystery objects (exercises 1 and 2), kept here so that the notebook
#: names neither.
_MYSTERY_OBJECTS = {"A": 2060, "B": 1036}


def mystery_orbit(catalogue, label: str | None = None, *, number: int | None = None):
    """The orbit (a, e, i) of a catalogue object, without its name, number or class.

    ``label`` is ``"A"`` or ``"B"`` (lesson 01's exercises 1 and 2); an instructor may pass another
    catalogue ``number`` instead (for example ``number=617``, Patroclus).
    """
    if (label is None) == (number is None):
        raise ValueError("Give either label ('A' or 'B') or number=, the catalogue number of another object.")
    catalogue = _table(catalogue, "catalogue", ("number", "a", "e", "i"), hint="from utils.load_catalogue()")
    if label is not None:
        wanted = _MYSTERY_OBJECTS[choice(label, "label", _MYSTERY_OBJECTS)]
    else:
        wanted = integer(number, "number", low=1)
    rows = catalogue[np.asarray(np.ma.filled(catalogue["number"] == wanted, False), dtype=bool)]
    if len(rows) != 1:
        name = "label" if label is not None else "number"
        raise ValueError(f"{name}: the catalogue has no single object numbered {wanted} (use utils.load_catalogue()).")
    return rows["a"][0], rows["e"][0], rows["i"][0]


def _codes(classes) -> np.ndarray:
    """SBDB class codes (a list, array or table column of strings) as a string array."""
    if isinstance(classes, (str, bytes)) or not isinstance(classes, (list, tuple, np.ndarray)):
        raise TypeError(
            f"classes must be a list or column of SBDB class codes such as ['MBA', 'TJN']; "
            f"got {classes!r} ({type(classes).__name__})."
        )
    arr = np.asarray(classes)
    if arr.dtype.kind not in "US" and not (arr.dtype == object and all(isinstance(c, str) for c in arr.flat)):
        raise TypeError(f"classes must hold strings (SBDB class codes such as 'MBA'); got {arr.dtype} values.")
    return arr.astype(str)


def class_group(classes) -> np.ndarray:
    """Map SBDB orbit class codes to the groups of :data:`CLASS_GROUPS` ("other" if unknown).

    Examples
    --------
    >>> class_group(["MBA", "TJN", "XYZ"]).tolist()
    ['main belt', 'Jupiter Trojans', 'other']
    """
    codes = _codes(classes)
    out = np.full(codes.shape, "other", dtype=object)
    for label, members in CLASS_GROUPS.items():
        out[np.isin(codes, members)] = label
    return out.astype(str)


def is_main_belt(classes) -> np.ndarray:
    """Boolean mask: True for main-belt orbit classes (IMB, MBA, OMB).

    Examples
    --------
    >>> is_main_belt(["MBA", "OMB", "TJN"]).tolist()
    [True, True, False]
    """
    return np.isin(_codes(classes), MAIN_BELT_CLASSES)


def _values_and_mask(column, unit) -> tuple[np.ndarray, np.ndarray]:
    """Plain float values in ``unit`` and a mask (True = unknown) for a possibly masked column."""
    raw_mask = getattr(column, "mask", None)
    mask = np.zeros(np.shape(column), dtype=bool) if raw_mask is None else np.asarray(raw_mask, dtype=bool)
    data = getattr(column, "unmasked", column)
    values = np.array(u.Quantity(data).to_value(unit), dtype=float)
    mask = np.broadcast_to(mask, values.shape) | ~np.isfinite(values)
    return values, mask


def _best_diameters(table, fallback_albedo, K: u.Quantity | None = None) -> tuple[u.Quantity, np.ndarray]:
    """Measured diameter where the catalogue has one, otherwise one from H and an albedo.

    Private (not in ``__all__``): lesson 01 calls it only in *Going further*.

    Parameters
    ----------
    table : astropy Table
        Needs columns ``diameter`` (masked where unknown), ``albedo`` (masked)
        and ``H``.
    fallback_albedo : float
        Albedo assumed where none is measured.
    K : Quantity, optional
        Passed to :func:`_diameter_from_h`.

    Returns
    -------
    diameters : Quantity
        In km, one per row.
    measured : ndarray of bool
        True where the diameter was measured.
    """
    _table(table, "table", ("diameter", "H"), hint="use utils.load_catalogue()")
    _albedo(fallback_albedo, "fallback_albedo")
    if np.ndim(fallback_albedo):
        raise ValueError(f"fallback_albedo must be a single albedo; got shape {np.shape(fallback_albedo)}.")
    if K is not None and np.ndim(require(K, u.km, "K", positive=True)):
        raise ValueError(f"K must be a single length; got shape {np.shape(K)}.")
    d_meas, mask = _values_and_mask(table["diameter"], u.km)
    h, _ = _values_and_mask(table["H"], u.mag)
    d_est = _diameter_from_h(h, fallback_albedo, K).to_value(u.km)
    return np.where(mask, d_est, d_meas) * u.km, ~mask


def largest(table, n: int, diameters: u.Quantity | None = None):
    """The ``n`` rows with the largest diameters, largest first.

    Parameters
    ----------
    table : astropy Table
    n : int
        How many rows (positive).
    diameters : Quantity, optional
        One diameter per row; default the ``diameter`` column (unknown = 0).
    """
    _table(table, "table", ("diameter",) if diameters is None else (), hint="use utils.load_catalogue()")
    n = integer(n, "n", low=1, high=10_000_000)
    if diameters is None:
        values, mask = _values_and_mask(table["diameter"], u.km)
        diameters = np.where(mask, 0.0, values) * u.km
    d = require(diameters, u.km, "diameters", nonnegative=True)
    if d.ndim != 1 or len(d) != len(table):
        raise ValueError(f"diameters has {len(d)} values for a table of {len(table)} rows.")
    order = np.argsort(-d.to_value(u.km), kind="stable")[:n]
    return table[order]


# --------------------------------------------------------------------------
# plotting helper (kept apart from the computations)
# --------------------------------------------------------------------------


def orbit_group_styles() -> dict[str, dict]:
    """Scatter keyword arguments for each group of :data:`CLASS_GROUPS` on a map of orbits (a against e or i).

    One marker and one colour per group, none of them a body's colour: the belt's grey for the main belt, then
    Paul Tol's colours.  The Trojans are open squares with a thick edge (Jupiter's line shows through them),
    the rare groups get larger markers, and the rose "other" a dark outline so that it shows beside the belt.
    The Trojans' teal stays far from Jupiter's orange, also under deuteranopia.

    Examples
    --------
    >>> styles = orbit_group_styles()
    >>> styles["main belt"]["marker"], styles["Jupiter Trojans"]["facecolors"]
    ('o', 'none')
    """
    from .style import OTHER_COLOURS, PALETTE

    colours = [PALETTE["belt"]] + [OTHER_COLOURS[k] for k in ("indigo", "teal", "dark green", "black", "rose")]
    styles = {}
    for group, marker, c in zip(CLASS_GROUPS, "o^sDvP", colours, strict=True):
        styles[group] = {"marker": marker, "s": 5, "alpha": 0.6, "zorder": 2, "rasterized": True, "color": c}
    trojans = styles["Jupiter Trojans"]
    trojans |= {"facecolors": "none", "edgecolors": trojans.pop("color"), "linewidths": 2}
    styles["other"] |= {"edgecolors": "0.3", "linewidths": 0.8, "s": 40}
    for rare in ("near-Earth and Mars-crossers", "centaurs", "trans-Neptunian"):  # shapes that show at this size
        styles[rare]["s"] = 20
    return styles


def plot_orbit_map(table, planets: Mapping[str, u.Quantity]):
    """Two maps of orbits, semi-major axis against e and i, one marker and colour per group; and their alt text.

    ``table`` needs the columns ``class``, ``a``, ``e`` and ``i`` (as the catalogue has them); ``planets`` maps
    body names of :data:`utils.style.PALETTE` to their semi-major axes, drawn as thin lines over the markers.

    Returns
    -------
    (Figure, str)
        The figure (1 to 100 AU on a log scale, legend below both panels) and its alt text.

    Examples
    --------
    >>> from utils.data import load_catalogue
    >>> fig, alt = plot_orbit_map(load_catalogue()[:50], {"jupiter": 5.2 * u.AU})
    >>> len(fig.axes), alt.startswith("Two scatter plots")
    (2, True)
    """
    import matplotlib.pyplot as plt

    from .style import PALETTE, body_style

    table = _table(table, "table", ("class", "a", "e", "i"), hint="the catalogue, utils.load_catalogue()")
    planets = quantity_map(planets, "planets", u.AU, positive=True, max_size=8)
    for body in planets:
        choice(body, "planets' names", PALETTE)
    a_au = require(table["a"], u.AU, "table['a']").to_value(u.AU)
    panels = [
        ("eccentricity e", require(table["e"], u.one, "table['e']").to_value(u.one)),
        ("inclination i (deg)", require(table["i"], u.deg, "table['i']").to_value(u.deg)),
    ]
    group = class_group(table["class"])
    n_far = int(np.sum(a_au > 100))  # objects beyond the plot's right edge, 100 AU
    over = {"marker": None, "zorder": 3, "linewidth": 1}  # the planets' orbits: thin lines over the objects
    fig, axs = plt.subplots(1, 2, figsize=(9.5, 5.2), sharex=True, layout="constrained")
    for ax, (ylabel, y) in zip(axs, panels, strict=True):
        for g, style in orbit_group_styles().items():
            sel = group == g
            if sel.any():
                ax.scatter(a_au[sel], y[sel], label=f"{g} ({sel.sum():,})", **style)
        for body, a in planets.items():
            ax.axvline(a.to_value(u.AU), **(body_style(body) | over))
            # the name beside the line's top, so that the line is told apart by more than its colour and dashes
            label = dict(color=PALETTE[body], fontsize=10, rotation=90, va="top", ha="right", zorder=4)
            ax.text(a.to_value(u.AU) * 0.97, 0.98, body.capitalize(), transform=ax.get_xaxis_transform(), **label)
        ax.set(xscale="log", xlim=(1, 100), xlabel="semi-major axis a (AU, log scale)", ylabel=ylabel)
    handles, labels = axs[0].get_legend_handles_labels()  # a legend below both panels hides no data
    fig.legend(handles, labels, loc="outside lower center", ncols=3, fontsize=10, markerscale=2, handlelength=4)
    fig.suptitle(f"Where the catalogue's objects orbit (JPL SBDB, H ≤ 12; {n_far} beyond 100 AU not shown)")
    alt = (
        "Two scatter plots of the catalogue against semi-major axis (log scale, 1 to 100 AU): eccentricity on the "
        "left, inclination on the right, one marker and colour per group. The grey main belt crowds between Mars' "
        "orbit (vermilion dashed line) and Jupiter's (orange dash-dotted), both drawn over the markers and named "
        "at their tops; the Trojans "
        "(open teal squares) form a stripe along Jupiter's line, centaurs scatter beyond it and trans-Neptunian "
        f"objects gather beyond 30 AU ({n_far} more beyond 100 AU, off the plot). The few near-Earth objects and "
        "Mars-crossers (indigo triangles) sit above or left of the belt's cloud (larger e, or smaller a); one "
        "'other' object (rose plus) sits just inside Jupiter's line. The legend names the groups and counts."
    )
    return fig, alt


def _mask(value, name: str, shape: tuple) -> np.ndarray:
    mask = np.asarray(value) if isinstance(value, (np.ndarray, list, tuple)) else None
    if mask is None or mask.dtype != bool:
        raise TypeError(f"{name} must be an array of True/False, one per albedo; got {type(value).__name__}.")
    if mask.shape != shape:
        raise ValueError(f"{name} must have one True/False per albedo, shape {shape}; got shape {mask.shape}.")
    return mask


def plot_albedo_histograms(albedo, inner, outer, ceres, vesta):
    """Histograms of albedo (log scale) for the inner and outer belt, each group's bars adding up to 1; and alt text.

    ``albedo`` holds plain numbers (nan where not measured); ``inner`` and ``outer`` are masks of the same length
    (as from :func:`inner_and_outer_belt`); ``ceres`` and ``vesta`` are those bodies' albedos, drawn as vertical
    lines in their colours.  Both groups use the belt's grey, told apart by line style.

    Examples
    --------
    >>> fig, alt = plot_albedo_histograms([0.05, 0.06, 0.25], [False, False, True], [True, True, False], 0.09, 0.4)
    >>> fig.axes[0].get_legend().get_texts()[0].get_text()
    'inner belt (a < 3:1): 1 objects'
    """
    import matplotlib.pyplot as plt

    from .style import PALETTE, body_style

    albedo = array(albedo, "albedo", ndim=1, min_size=1, finite=False)
    inner, outer = (_mask(m, name, albedo.shape) for m, name in ((inner, "inner"), (outer, "outer")))
    bodies = {
        body: check_albedo(p, body, positive=True, scalar=True) for body, p in (("ceres", ceres), ("vesta", vesta))
    }
    bins = np.logspace(np.log10(0.02), np.log10(0.7), 30)  # albedo bins, log-spaced
    ticks = [0.02, 0.05, 0.1, 0.2, 0.5]
    fig, ax = plt.subplots(figsize=(8, 4.2))
    for sel, label, ls in ((inner, "inner belt (a < 3:1)", "-"), (outer, "outer belt (a > 5:2)", "--")):
        values = albedo[sel & np.isfinite(albedo)]
        weights = np.full(values.size, 1 / max(values.size, 1))  # each group's bars add up to 1
        style = dict(histtype="step", color=PALETTE["belt"], linestyle=ls, linewidth=2)
        ax.hist(values, bins=bins, weights=weights, label=f"{label}: {values.size} objects", **style)
    for body, p in bodies.items():
        ax.axvline(float(p), **(body_style(body) | {"marker": None}))
    ax.set(xscale="log", xticks=ticks, xticklabels=[str(t) for t in ticks], xlabel="geometric albedo (log scale)")
    ax.set(ylabel="fraction of the group per bin", title="Albedos of main-belt asteroids (JPL SBDB, H ≤ 12)")
    ax.minorticks_off()
    ax.set_ylim(0, ax.get_ylim()[1] * 1.35)  # head room: the legend sits above the histograms
    ax.legend(loc="upper left", fontsize=9, handlelength=4)
    alt = (
        "Histograms of measured albedo on a log scale for the inner belt (grey solid line) and the outer belt (grey "
        "dashed line), with vertical lines at Ceres' albedo (blue dash-dot-dot) and Vesta's (reddish-purple dotted). "
        "The outer belt peaks at dark albedos near 0.05; the inner belt peaks at bright albedos around 0.2 to 0.3, "
        "with a smaller dark peak near 0.05. Ceres lies near the outer belt's median, darker than most of the inner "
        "belt."
    )
    return fig, alt


def plot_size_distribution(diameters, d_bright, d_dark, ceres_diameter, band_label: str):
    """The cumulative number of asteroids larger than each diameter, on log-log axes; and its alt text.

    ``diameters`` are the asteroids' diameters (a length Quantity, nan dropped); ``d_bright`` and ``d_dark`` bound
    a hatched band (the diameters where a magnitude cut bites, labelled ``band_label``); Ceres' diameter is marked
    in its colour.

    Examples
    --------
    >>> fig, alt = plot_size_distribution([900, 500, 50] * u.km, 10 * u.km, 20 * u.km, 940 * u.km, "cut")
    >>> fig.axes[0].get_legend().get_texts()[1].get_text()
    'cut'
    """
    import matplotlib.pyplot as plt

    from .style import OTHER_COLOURS, PALETTE, body_style

    d = require(diameters, u.km, "diameters", positive=True, finite=False).to_value(u.km)
    d = np.sort(np.atleast_1d(d)[np.isfinite(d)])[::-1]
    if d.size == 0:
        raise ValueError("diameters holds no finite value: give at least one diameter, such as [500] * u.km.")
    edges = ((d_bright, "d_bright"), (d_dark, "d_dark"))
    low, high = sorted(float(require(x, u.km, name, positive=True, scalar=True).to_value(u.km)) for x, name in edges)
    ceres = float(require(ceres_diameter, u.km, "ceres_diameter", positive=True, scalar=True).to_value(u.km))
    if not isinstance(band_label, str):
        raise TypeError(f"band_label must be a text (str), such as 'D at H = 12'; got {type(band_label).__name__}.")
    fig, ax = plt.subplots(figsize=(7, 4.3))
    ax.step(d, np.arange(1, d.size + 1), where="post", color=PALETTE["belt"], label="catalogue main belt")
    band = dict(facecolor="none", edgecolor=OTHER_COLOURS["black"], alpha=0.4, hatch="//", linewidth=0)
    ax.axvspan(low, high, ymax=0.78, label=band_label, **band)  # stops below the legend
    ax.plot(ceres, 1, **(body_style("ceres") | {"linestyle": "none"}))
    ax.set(xscale="log", yscale="log", xlabel="diameter D (km)", ylabel="number of asteroids larger than D")
    ax.set_title("Main-belt size distribution (JPL SBDB, H ≤ 12)")
    ax.set_ylim(top=ax.get_ylim()[1] * 8)  # head room on the log axis: the legend sits above the curve
    ax.legend(loc="upper right", fontsize=9)
    alt = (
        f"Cumulative number of main-belt asteroids larger than a diameter, on log-log axes: a grey step curve "
        f"falling from {d.size:,} objects at about {d[-1]:.0f} km to one at Ceres' size (blue pentagon). A hatched "
        "grey band marks the sizes where the H ≤ 12 cut bites; towards it the curve flattens."
    )
    return fig, alt


def fact_range(fact_id: str, data_dir=None) -> tuple:
    """A sourced value minus and plus its stated uncertainty, from ``data/facts.ecsv``.

    Examples
    --------
    >>> low, high = fact_range("belt.n_larger_1km")
    >>> f"{low / 1e6:.1f} to {high / 1e6:.1f} million"
    '0.7 to 1.7 million'
    """
    from .facts import fact, uncertainty

    value, sigma = fact(fact_id, data_dir), uncertainty(fact_id, data_dir)
    if sigma is None:
        raise ValueError(f"fact_id {fact_id!r} has no stated uncertainty in facts.ecsv.")
    return value - sigma, value + sigma


def draw_kirkwood(
    ax,
    a_au: np.ndarray,
    counts: np.ndarray,
    edges: np.ndarray,
    resonances: Mapping[str, u.Quantity],
    *,
    color: str = "#7f7f7f",
) -> dict:
    """Draw a semi-major-axis histogram as a step line with resonances as vertical lines.

    ``counts`` and ``edges`` come from :func:`numpy.histogram` of ``a_au``
    (values in AU).  Each resonance gets a dashed line and a label at the top.

    Returns
    -------
    dict
        The artists, so that a widget can update them instead of drawing anew:
        ``"bars"`` (the step patch), ``"lines"`` (the resonance lines) and
        ``"labels"`` (their texts).
    """
    from matplotlib.colors import to_rgba

    from .style import OTHER_COLOURS

    axes(ax)
    a_au = array(a_au, "a_au", ndim=1, min_size=0)
    counts = array(counts, "counts", ndim=1, min_size=1)
    if np.any(counts < 0):
        raise ValueError("counts must not be negative.")
    edges = array(edges, "edges", shape=(counts.size + 1,))
    if np.any(np.diff(edges) <= 0):
        raise ValueError("edges must increase (as from numpy.histogram).")
    resonances = quantity_map(resonances, "resonances", u.AU, positive=True)
    color = colour(color, "color")
    accent = OTHER_COLOURS["black"]  # neutral black dashes: not a body's colour, and no group in this figure
    bars = ax.stairs(
        counts,
        edges,
        fill=True,
        facecolor=to_rgba(color, 0.35),
        edgecolor=color,
        linewidth=1.2,
        label=f"{len(a_au):,} objects",
    )
    top = _top(counts)
    xs = [float(a.to_value(u.AU)) for a in resonances.values()]
    lines = ax.vlines(xs, 0, 1.04 * top, colors=accent, linestyles="--", linewidth=1.2, label="resonance with Jupiter")
    labels = [
        ax.text(x, 1.05 * top, label, ha="center", va="bottom", fontsize=9, color=accent)
        for x, label in zip(xs, resonances, strict=True)
    ]
    ax.set_ylim(0, 1.15 * top)
    return {"bars": bars, "lines": lines, "labels": labels}


def kirkwood_alt_text(a_au, resonances: Mapping[str, u.Quantity], p, q, *, state: str = "ok") -> str:
    """Alt-text sentences for a Kirkwood histogram that leaves the ``p:q`` resonance unmarked.

    Gives the number of objects within 0.01 AU of each marked resonance, and between which marked lines the
    unmarked one lies, ordered by period ratio q/p (no distance, so a reader still has to find it).
    ``state="few"`` (too few objects to see any gap) drops the counts, which would read as gaps found, and the
    advice to look for the dip.

    Examples
    --------
    >>> text = kirkwood_alt_text([2.2, 2.6, 2.9], {"3:1": 2.5 * u.AU, "7:3": 2.96 * u.AU}, 5, 2)
    >>> "The unmarked 5:2 gap lies between the 3:1 and the 7:3 lines" in text
    True
    """
    a_au = array(a_au, "a_au", ndim=1, min_size=0)
    resonances = quantity_map(resonances, "resonances", u.AU, positive=True)
    p, q = resonance_pair(p, q)
    state = choice(state, "state", ("ok", "few", "narrow"))
    pairs = {label: label.split(":") for label in resonances}
    if not all(len(pq) == 2 and all(x.strip().isdigit() and int(x) > 0 for x in pq) for pq in pairs.values()):
        raise ValueError(f"resonances must be labelled 'p:q' with whole numbers, e.g. '3:1'; got {list(resonances)}.")
    near = "; ".join(f"{label}: {np.sum(np.abs(a_au - a.to_value(u.AU)) < 0.01):,}" for label, a in resonances.items())
    ratio = {label: int(pq[1]) / int(pq[0]) for label, pq in pairs.items()}
    inner = [label for label in resonances if ratio[label] < q / p]
    outer = [label for label in resonances if ratio[label] > q / p]
    if inner and outer:
        where = f"between the {max(inner, key=ratio.get)} and the {min(outer, key=ratio.get)} lines"
    else:
        where = ("inward of" if outer else "beyond") + " all the lines"
    unmarked = f"The unmarked {p}:{q} gap lies {where}"
    if state == "few":
        return unmarked + "."
    return f"Objects within 0.01 AU of each dashed line: {near}. {unmarked}: look there for a dip with no line."


def _top(counts) -> float:
    return max(float(np.max(counts)) if len(counts) else 1.0, 1.0)


class KirkwoodFigure(FastFigure):
    """A semi-major-axis histogram with Jupiter's resonances, built once and updated in place.

    Building a matplotlib figure (axes, ticks, texts, legend) costs about as
    much as drawing it.  A widget that shows the same plot with new numbers
    should therefore keep one figure and change only the histogram, the
    heights of the resonance lines and the y limit; Jupyter then shows the
    object as a PNG drawn in a single pass (a :class:`utils.style.FastFigure`).

    Parameters
    ----------
    resonances : mapping of str to Quantity
        Labels and locations, e.g. from :func:`kirkwood_resonances`.
    window : (float, float)
        The range of semi-major axes shown, in AU.
    color : str
        Colour of the histogram.
    figsize : (float, float)
        Figure size in inches.

    Examples
    --------
    >>> import astropy.units as u, numpy as np
    >>> fig = KirkwoodFigure(kirkwood_resonances(5.2 * u.AU), (2.0, 3.5))
    >>> counts, edges = np.histogram([2.2, 2.7, 3.1], bins=np.arange(2.0, 3.55, 0.1))
    >>> fig.update(counts, edges)
    >>> fig.legend.get_texts()[0].get_text()
    '3 objects'
    """

    def __init__(
        self,
        resonances: Mapping[str, u.Quantity],
        window: tuple[float, float],
        *,
        color: str = "#7f7f7f",
        figsize: tuple[float, float] = (9.5, 3.8),
    ) -> None:
        resonances = quantity_map(resonances, "resonances", u.AU, positive=True)
        lo, hi = pair(window, "window", increasing=True)
        color = colour(color, "color")
        super().__init__(figsize, margins={"left": 0.08, "right": 0.98, "bottom": 0.14, "top": 0.9})
        self.ax = self.figure.add_subplot()
        self.artists = draw_kirkwood(self.ax, np.empty(0), np.zeros(1), np.array([lo, hi]), resonances, color=color)
        self.ax.set(xlim=(lo, hi), xlabel="semi-major axis a (AU)")
        self.ax.yaxis.get_major_locator().set_params(integer=True)
        self.legend = self.ax.legend(loc="center left", fontsize=9)

    def update(self, counts: np.ndarray, edges: np.ndarray) -> None:
        """Show a new histogram (``counts``, ``edges`` as from :func:`numpy.histogram`)."""
        counts = array(counts, "counts", ndim=1)
        edges = array(edges, "edges", ndim=1)
        if edges.shape != (counts.size + 1,):
            raise ValueError(f"need one more edge than counts; got {edges.size} edges for {counts.size} counts.")
        if np.any(counts < 0):
            raise ValueError("counts must not be negative.")
        top = _top(counts)
        self.artists["bars"].set_data(counts, edges)
        self.artists["lines"].set_segments(
            [[(x, 0), (x, 1.04 * top)] for x in (t.get_position()[0] for t in self.artists["labels"])]
        )
        for text in self.artists["labels"]:
            text.set_y(1.05 * top)
        self.ax.set_ylim(0, 1.15 * top)
        self.legend.get_texts()[0].set_text(f"{int(counts.sum()):,} objects")

    def draw(
        self,
        a_au,
        bin_width: float,
        h_max: float,
        *,
        unmarked: tuple[int, int],
        slider_tops: tuple[float, float] | None = None,
    ) -> str:
        """Histogram ``a_au`` (AU, objects with H at most ``h_max``) and return the figure's alt text.

        The bins are close to ``bin_width`` but stretched so that whole bins fill the window; the y label
        gives the width used.  The alt text says how many objects are shown, places the unmarked ``p:q``
        resonance (:func:`kirkwood_alt_text`) and advises what to look for: dips at the lines, or, with
        too few objects per bin, wider bins or a higher H cut, as far as the sliders' maxima
        ``slider_tops = (widest bin, highest H cut)`` allow (``None``: no maxima).

        Examples
        --------
        >>> fig = KirkwoodFigure({"3:1": 2.5 * u.AU}, (2.0, 3.5))
        >>> alt = fig.draw(np.linspace(2.1, 3.4, 2000), 0.03, 12.0, unmarked=(5, 2))
        >>> fig.ax.get_ylabel(), "about 40 objects per bin" in alt
        ('objects per 0.03 AU bin', True)
        """
        a_au = array(a_au, "a_au", ndim=1, min_size=0)
        bin_width = float(number(bin_width, "bin_width", positive=True, scalar=True))
        h_max = float(number(h_max, "h_max", scalar=True))
        bin_top, h_top = (np.inf, np.inf) if slider_tops is None else pair(slider_tops, "slider_tops", positive=True)
        lo, hi = self.ax.get_xlim()
        n_bins = max(1, round((hi - lo) / bin_width))  # whole bins that fill the window exactly
        edges = np.linspace(lo, hi, n_bins + 1)
        width, per_bin = edges[1] - edges[0], a_au.size / n_bins
        self.update(*np.histogram(a_au, bins=edges))
        width_text = f"{round(width, 4):g}"  # the slider's 0.01 as "0.01", not "0.0100"
        self.ax.set_ylabel(f"objects per {width_text} AU bin")
        self.ax.set_title(f"Semi-major axes of catalogue objects with H ≤ {h_max:.1f}")
        state = "few" if a_au.size < 100 else "narrow" if per_bin < 5 else "ok"
        fixes = (
            ("widen the bins", bin_width < bin_top - 1e-6),
            ("raise the H cut to keep more objects", h_max < h_top),
        )
        helps = [text for text, ok in fixes if ok]
        fix = ": " + ", or ".join(helps) if helps else ""
        advice = {
            "ok": f"With about {per_bin:.0f} objects per bin, look for the dips in the counts at the dashed lines."
            + (" Bins this wide may blur the narrow gaps, such as the 7:3." if width > 0.03 else ""),
            "few": (f"Only {a_au.size:,} objects are left" if a_au.size else "No objects are left")
            + ", too few for any bin width: the gaps cannot be made out.",
            "narrow": f"{a_au.size:,} objects in {n_bins} bins leave about {per_bin:.1f} per bin, "
            f"so chance dips look like gaps{fix}.",
        }[state]
        resonances = {t.get_text(): t.get_position()[0] * u.AU for t in self.artists["labels"]}
        marked = list(resonances)
        if not isinstance(unmarked, (tuple, list)) or len(unmarked) != 2:
            raise TypeError(f"unmarked must be a resonance (p, q) such as (5, 2); got {unmarked!r}.")
        p, q = resonance_pair(*unmarked)
        return (
            f"Histogram of the semi-major axes of the {a_au.size:,} catalogue objects with H at most {h_max:.1f} "
            f"between {lo:g} and {hi:g} AU, in bins {width_text} AU wide, with dashed lines at Jupiter's "
            f"{', '.join(marked)} resonances; the {p}:{q} of exercise 3 is left unmarked. "
            f"{kirkwood_alt_text(a_au, resonances, p, q, state=state)} {advice}"
        )

    def __repr__(self) -> str:
        return f"<KirkwoodFigure: {self.ax.get_title()!r}>"
