"""How bright does a surface look? Photometric laws and a camera model of Occator.

Everything here is a **model**: a sphere with an invented albedo map in which
Occator crater and its bright Cerealia Facula are discs with sourced sizes and
albedos. It stands in for Dawn's images; it is not one.

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

Examples
--------
>>> round(float(lambert(0.1, 0.5)), 3), round(float(lommel_seeliger(0.1, 0.5, 0.5)), 3)
(0.05, 0.1)
"""

from __future__ import annotations

from dataclasses import dataclass

import astropy.units as u
import numpy as np

from .camera import pixel_scale
from .units import MAX_MAGNITUDE, ArgumentTypeError, array, integer, require

__all__ = [
    "lambert",
    "lommel_seeliger",
    "LAWS",
    "geometric_albedo",
    "OccatorModel",
    "albedo_map",
    "render_sphere",
    "Scene",
    "make_scene",
    "camera_image",
    "sphere_camera_image",
    "CameraImage",
    "gaussian_psf",
    "expose",
    "profile",
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


def _number(value, name: str, what: str) -> float:
    """A plain number (or dimensionless Quantity) as a float, with a clear message otherwise."""
    if isinstance(value, u.Quantity):
        if not value.unit.is_equivalent(u.one):
            raise u.UnitsError(f"{name} is {what}, a plain number without a unit; got {value}.")
        value = value.to_value(u.one)
    try:
        if isinstance(value, (str, bytes, bool, np.bool_)) or np.ndim(value):
            raise TypeError
        out = float(value)
    except (TypeError, ValueError):
        raise ArgumentTypeError(f"{name} is {what}, a single plain number; got {value!r}.") from None
    if not np.isfinite(out) or abs(out) > MAX_MAGNITUDE:
        raise ValueError(f"{name} must be a finite number (at most {MAX_MAGNITUDE:g} in size); got {value!r}.")
    return out


def _expect(obj, cls, name: str, hint: str):
    if not isinstance(obj, cls):
        raise TypeError(f"{name} must be {cls.__name__} ({hint}); got {type(obj).__name__}.")


def _one(value, unit, name: str, **conditions) -> u.Quantity:
    """:func:`require` for an argument that must be a single value (not an array)."""
    q = require(value, unit, name, **conditions)
    if np.ndim(q):
        raise ValueError(f"{name} must be a single value, not an array; got shape {np.shape(q)}.")
    return q


def _psf_width(value) -> float:
    w = _number(value, "psf_fwhm_px", "a width in pixels")
    if not 0 <= w <= 100:
        raise ValueError(f"psf_fwhm_px is a blur width from 0 to 100 pixels; got {w}.")
    return w


def _albedo(value, name: str = "albedo") -> np.ndarray:
    a = np.asanyarray(require(value, u.one, name, nonnegative=True).to_value(u.one), dtype=float)
    if np.any(a > 1):
        raise ValueError(f"{name} is a fraction of light reflected, between 0 and 1; got {np.max(a)}.")
    return a


def lambert(albedo, mu0) -> np.ndarray:
    """Radiance factor I/F of a Lambert (perfectly matte) surface: ``A * mu0``.

    Parameters
    ----------
    albedo : float or array
        Normal albedo of the surface, 0 to 1.
    mu0 : float or array
        Cosine of the incidence angle (the Sun's angle from the vertical).
        Negative values (Sun below the horizon) give 0.

    Returns
    -------
    ndarray
        I/F, dimensionless.

    Examples
    --------
    >>> float(lambert(0.09, 1.0))
    0.09
    """
    a, m0 = _albedo(albedo), _cosine(mu0, "mu0")
    return a * np.clip(m0, 0, None)


def lommel_seeliger(albedo, mu0, mu) -> np.ndarray:
    """Radiance factor I/F of a Lommel-Seeliger surface: ``A * 2 mu0 / (mu0 + mu)``.

    Light is scattered once inside a dark, porous surface; the path in and out
    of the grains, not the tilt alone, sets the brightness. Seen with the Sun
    behind the viewer (``mu0 = mu``) every point of a sphere has the same I/F:
    the disc looks flat, with no darkening towards the edge.

    Parameters
    ----------
    albedo : float or array
        Normal albedo (I/F seen and lit face-on), 0 to 1.
    mu0, mu : float or array
        Cosines of the incidence and emission angles. Points not lit or not
        seen (cosine <= 0) give 0.

    Examples
    --------
    >>> float(lommel_seeliger(0.09, 0.3, 0.3))
    0.09
    """
    a, m0, m = _albedo(albedo), _cosine(mu0, "mu0"), _cosine(mu, "mu")
    m0c, mc = np.clip(m0, 0, None), np.clip(m, 0, None)
    denom = m0c + mc
    with np.errstate(invalid="ignore", divide="ignore"):
        out = np.where((m0c > 0) & (mc > 0), 2 * a * m0c / np.where(denom > 0, denom, 1), 0.0)
    return out


LAWS = {"lambert": lambda a, m0, m: lambert(a, m0), "lommel-seeliger": lommel_seeliger}

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
    _law(law)
    key = str(law).lower().replace("_", "-").replace(" ", "-")
    return _albedo(albedo) * _GEOMETRIC_FACTOR[key]


def _law(name: str):
    key = str(name).lower().replace("_", "-").replace(" ", "-")
    if key not in LAWS:
        raise ValueError(f"law must be one of {', '.join(LAWS)}; got {name!r}.")
    return LAWS[key]


# --------------------------------------------------------------------------
# the model albedo map
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class OccatorModel:
    """Sizes and albedos of the model map (all Quantities or plain fractions).

    Parameters
    ----------
    background : float
        Albedo of Ceres' average surface.
    facula : float
        Albedo of Cerealia Facula (the bright centre).
    crater_diameter, facula_diameter : Quantity
        Diameters of Occator and of the central facula.
    texture : float
        Relative amplitude of a smooth, invented albedo texture (model only).
    """

    background: float
    facula: float
    crater_diameter: u.Quantity
    facula_diameter: u.Quantity
    texture: float = 0.05

    def __post_init__(self):
        _albedo(self.background, "background")
        _albedo(self.facula, "facula")
        require(self.crater_diameter, u.km, "crater_diameter", positive=True)
        require(self.facula_diameter, u.km, "facula_diameter", positive=True)
        if not 0 <= _number(self.texture, "texture", "a relative amplitude") < 1:
            raise ValueError(f"texture is a relative amplitude between 0 and 1; got {self.texture}.")


def _smoothstep(edge: np.ndarray, width: float) -> np.ndarray:
    """1 inside (edge < 0), 0 outside, a smooth ramp of ``width`` around 0."""
    t = np.clip(0.5 - edge / width, 0.0, 1.0)
    return t * t * (3 - 2 * t)


def albedo_map(x: u.Quantity, y: u.Quantity, model: OccatorModel) -> np.ndarray:
    """Model albedo at ground positions ``(x, y)`` measured from Occator's centre.

    The map is invented except for its sourced sizes and albedos: a faint
    smooth texture on Ceres' average albedo, Occator's rim a little brighter,
    the central facula (a disc) at the facula albedo, and three small patches
    north-east of the centre at a third of the contrast, standing in for the fainter
    Vinalia Faculae.

    Examples
    --------
    >>> import astropy.units as u
    >>> m = OccatorModel(0.09, 0.4, 92 * u.km, 10 * u.km)
    >>> float(albedo_map(0 * u.km, 0 * u.km, m)) > 0.35
    True
    """
    _expect(model, OccatorModel, "model", "the albedo map, photometry.OccatorModel(...)")
    xk = np.asanyarray(require(x, u.km, "x").to_value(u.km), dtype=float)
    yk = np.asanyarray(require(y, u.km, "y").to_value(u.km), dtype=float)
    try:
        np.broadcast_shapes(xk.shape, yk.shape)
    except ValueError:
        raise ValueError(f"x and y must have shapes that broadcast together; got {xk.shape} and {yk.shape}.") from None
    bg, fac = float(model.background), float(model.facula)
    rc = model.crater_diameter.to_value(u.km) / 2
    rf = model.facula_diameter.to_value(u.km) / 2
    # a smooth invented texture, written as products so that a row times a column stays cheap
    sx, cx_, sy, cy_ = np.sin(xk / 19.0), np.cos(xk / 19.0), np.sin(yk / 19.0), np.cos(yk / 19.0)
    tex = (np.sin(xk / 37.0 + 0.3) * np.cos(yk / 53.0 - 1.1) + 0.5 * (sx * cy_ + cx_ * sy)) / 1.5
    a = bg * (1 + model.texture * tex)
    r = np.hypot(xk, yk)
    a = a + 0.15 * bg * np.exp(-(((r - rc) / (0.04 * rc)) ** 2))  # the rim
    half = bg + (fac - bg) / 3
    for cx, cy, size in ((0.30, 0.22, 0.06), (0.38, 0.10, 0.04), (0.24, 0.36, 0.035)):  # Vinalia-like
        d = np.hypot(xk - cx * rc * 2, yk - cy * rc * 2) - size * rc
        a = a + (half - bg) * _smoothstep(d, 0.01 * rc + 0.3)
    a = a + (fac - a) * _smoothstep(r - rf, max(0.05 * rf, 0.1))
    a = np.broadcast_to(a, np.broadcast_shapes(xk.shape, yk.shape))
    return np.clip(a, 0, 1)


def render_sphere(
    n_px: int,
    model: OccatorModel,
    radius: u.Quantity,
    phase_angle: u.Quantity,
    law: str = "lommel-seeliger",
    occator_latitude: u.Quantity = 0 * u.deg,
    frame: float = 1.0,
) -> np.ndarray:
    """I/F image of a whole sphere (orthographic view) with Occator facing the viewer.

    The viewer looks along -z at the sphere's centre; the Sun lies in the x-z
    plane at ``phase_angle`` from the viewer's direction (0: full disc).

    Parameters
    ----------
    n_px : int
        Image size in pixels (the disc spans the whole width).
    model : OccatorModel
        The albedo map.
    radius : Quantity
        Radius of the sphere (sets the size of Occator on it).
    phase_angle : Quantity
        Sun-body-viewer angle, 0 to 180 deg.
    law : str
        ``'lambert'`` or ``'lommel-seeliger'``.
    occator_latitude : Quantity
        How far above the disc centre Occator sits (angle on the sphere).
    frame : float
        Half-width of the image in units of the sphere's radius (1: the disc
        touches the edges; larger values leave dark sky around it).

    Returns
    -------
    ndarray
        ``(n_px, n_px)`` I/F; 0 off the disc and on the night side.

    Examples
    --------
    >>> import astropy.units as u
    >>> m = OccatorModel(0.09, 0.4, 92 * u.km, 10 * u.km)
    >>> render_sphere(64, m, 470 * u.km, 0 * u.deg).shape
    (64, 64)
    """
    if not isinstance(n_px, (int, np.integer)) or not 8 <= n_px <= 4096:
        raise ValueError(f"n_px must be an integer from 8 to 4096; got {n_px!r}.")
    r_km = _one(radius, u.km, "radius", positive=True).to_value(u.km)
    alpha = _one(phase_angle, u.deg, "phase_angle", nonnegative=True).to_value(u.rad)
    if alpha > np.pi:
        raise ValueError(f"phase_angle must be at most 180 deg; got {phase_angle}.")
    lat0 = _one(occator_latitude, u.deg, "occator_latitude").to_value(u.rad)
    law_fn = _law(law)
    _expect(model, OccatorModel, "model", "the albedo map, photometry.OccatorModel(...)")
    frame = _number(frame, "frame", "a half-width in units of the radius")
    if not 0 < frame <= 100:
        raise ValueError(f"frame is a half-width from 0 to 100 radii; got {frame}.")
    if frame < 1:
        raise ValueError(f"frame must be at least 1 (the whole disc in view); got {frame!r}.")
    c = ((np.arange(n_px) + 0.5) / n_px * 2 - 1) * frame
    xx, yy = np.meshgrid(c, -c)
    rho2 = xx**2 + yy**2
    on = rho2 < 1
    zz = np.sqrt(np.clip(1 - rho2, 0, None))
    mu = zz
    mu0 = xx * np.sin(alpha) + zz * np.cos(alpha)
    # ground coordinates from Occator's centre (great-circle offsets, km)
    lat = np.arcsin(np.clip(yy, -1, 1))
    lon = np.arctan2(xx, zz)
    gx = r_km * lon * np.cos(lat)
    gy = r_km * (lat - lat0)
    alb = albedo_map(gx * u.km, gy * u.km, model)
    out = law_fn(alb, np.clip(mu0, -1, 1), np.clip(mu, -1, 1))
    return np.where(on, out, 0.0)


# --------------------------------------------------------------------------
# camera model
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Level:
    half_width_km: float
    step_km: float
    sat: np.ndarray  # summed-area table, shape (n+1, n+1)


@dataclass(frozen=True)
class Scene:
    """A precomputed high-resolution I/F map around Occator (see :func:`make_scene`)."""

    levels: tuple
    model: OccatorModel
    mean_background: float

    def __post_init__(self):
        _expect(self.model, OccatorModel, "model", "photometry.OccatorModel(...)")
        if (
            not isinstance(self.levels, tuple)
            or not self.levels
            or not all(isinstance(lv, _Level) for lv in self.levels)
        ):
            raise ArgumentTypeError(
                "levels must be the tuple of levels make_scene() builds; "
                "make a Scene with photometry.make_scene(model)."
            )
        if not 0 <= _number(self.mean_background, "mean_background", "an albedo") <= 1:
            raise ValueError(f"mean_background is an albedo between 0 and 1; got {self.mean_background}.")

    @property
    def half_width(self) -> u.Quantity:
        """Half the width of the largest precomputed window."""
        return max(lv.half_width_km for lv in self.levels) * u.km


def _summed_area(img: np.ndarray) -> np.ndarray:
    sat = np.zeros((img.shape[0] + 1, img.shape[1] + 1))
    np.cumsum(np.cumsum(img, axis=0), axis=1, out=sat[1:, 1:])
    return sat


def make_scene(
    model: OccatorModel,
    half_width: u.Quantity = 60 * u.km,
    n_px: int = 800,
    zooms: tuple = (1.0, 2.5, 10.0),
    incidence: u.Quantity = 30 * u.deg,
    law: str = "lommel-seeliger",
) -> Scene:
    """Precompute the model's I/F at high resolution, once, for fast camera views.

    Nested square windows are computed, each ``n_px`` pixels across: the
    full one (``2 * half_width`` across) and, for close views, windows
    ``zooms`` times smaller (and finer) at the centre. The Sun is at
    ``incidence`` from the vertical and the camera looks straight down; the
    window is treated as flat.

    Examples
    --------
    >>> import astropy.units as u
    >>> m = OccatorModel(0.09, 0.4, 92 * u.km, 10 * u.km)
    >>> s = make_scene(m, n_px=200)
    >>> s.half_width
    <Quantity 60. km>
    """
    hw = _one(half_width, u.km, "half_width", positive=True).to_value(u.km)
    if not isinstance(n_px, (int, np.integer)) or not 16 <= n_px <= 4000:
        raise ValueError(f"n_px must be an integer from 16 to 4000; got {n_px!r}.")
    _expect(model, OccatorModel, "model", "the albedo map, photometry.OccatorModel(...)")
    if isinstance(zooms, (str, bytes)) or not np.iterable(zooms) or not len(zooms):
        raise TypeError(f"zooms must be a tuple of zoom factors such as (1.0, 2.5, 10.0); got {zooms!r}.")
    if isinstance(zooms, (str, bytes)) or not isinstance(zooms, (tuple, list)) or not 1 <= len(zooms) <= 10:
        raise ArgumentTypeError(f"zooms must be a tuple of 1 to 10 zoom factors such as (1.0, 2.5); got {zooms!r}.")
    zooms = tuple(_number(z, "zooms", "a zoom factor") for z in zooms)
    if any(z < 1 for z in zooms):
        raise ValueError(f"zooms must be factors of at least 1; got {zooms!r}.")
    mu0 = np.cos(_one(incidence, u.deg, "incidence").to_value(u.rad))
    if mu0 <= 0:
        raise ValueError(f"incidence must be below 90 deg (the Sun above the horizon); got {incidence}.")
    law_fn = _law(law)
    levels = []
    for h in sorted({hw / float(z) for z in zooms}, reverse=True):
        step = 2 * h / n_px
        c = -h + (np.arange(n_px) + 0.5) * step
        rows = [albedo_map(c[None, :] * u.km, c[k : k + 250, None] * u.km, model) for k in range(0, n_px, 250)]
        iof = law_fn(np.vstack(rows), mu0, 1.0)
        levels.append(_Level(h, step, _summed_area(iof)))
    bg = float(law_fn(np.asarray(model.background), mu0, 1.0))
    return Scene(tuple(levels), model, bg)


def _box_means(level: _Level, edges_km: np.ndarray, background: float) -> np.ndarray:
    """Exact means of the piecewise-constant map over square pixel boxes with these edges.

    Parts of a box outside the precomputed window count as ``background``.
    """
    h = level.half_width_km
    clipped = np.clip(edges_km, -h, h)
    idx = (clipped + h) / level.step_km
    s = level.sat
    i0 = np.floor(idx).astype(int).clip(0, s.shape[0] - 2)
    f = idx - i0
    g = 1 - f
    # the summed-area table is bilinear between its nodes: interpolate it at the edges
    a = (
        s[np.ix_(i0, i0)] * np.outer(g, g)
        + s[np.ix_(i0 + 1, i0)] * np.outer(f, g)
        + s[np.ix_(i0, i0 + 1)] * np.outer(g, f)
        + s[np.ix_(i0 + 1, i0 + 1)] * np.outer(f, f)
    )
    inner = (a[1:, 1:] - a[:-1, 1:] - a[1:, :-1] + a[:-1, :-1]) * level.step_km**2
    side = np.diff(edges_km)
    inner_side = np.diff(clipped)
    total = np.outer(side, side)
    return (inner + background * (total - np.outer(inner_side, inner_side))) / total


def gaussian_psf(image: np.ndarray, fwhm_px: float) -> np.ndarray:
    """Blur an image with a Gaussian point-spread function of ``fwhm_px`` pixels (FWHM).

    Examples
    --------
    >>> img = np.zeros((9, 9)); img[4, 4] = 1
    >>> round(float(gaussian_psf(img, 2.0).sum()), 6)
    1.0
    """
    from scipy.ndimage import gaussian_filter

    image = array(image, "image", ndim=2, max_size=50_000_000)
    fwhm_px = _number(fwhm_px, "fwhm_px", "a width in pixels")
    if not 0 <= fwhm_px <= 100:
        raise ValueError(f"fwhm_px is a blur width from 0 to 100 pixels; got {fwhm_px}.")
    if fwhm_px < 0:
        raise ValueError(f"fwhm_px must be a non-negative number of pixels; got {fwhm_px!r}.")
    if fwhm_px == 0:
        return np.asarray(image, dtype=float)
    sigma = fwhm_px / (2 * np.sqrt(2 * np.log(2)))
    return gaussian_filter(np.asarray(image, dtype=float), sigma, mode="nearest")


def expose(signal: np.ndarray, exposure: float, reference: float) -> tuple[np.ndarray, np.ndarray]:
    """Detector reading as a fraction of full scale, and where it saturates.

    ``exposure = 1`` is the exposure that puts a surface of I/F ``reference``
    (Ceres' average surface) at half of the detector's full scale; brighter
    pixels fill up proportionally until they saturate at 1.

    Returns
    -------
    (reading, saturated) : tuple of ndarray
        Reading clipped to 0-1, and a boolean mask of saturated pixels.

    Examples
    --------
    >>> r, s = expose(np.array([0.09, 0.4]), 1.0, 0.09)
    >>> r.tolist(), s.tolist()
    ([0.5, 1.0], [False, True])
    """
    signal = array(signal, "signal", max_size=50_000_000)
    exposure = _number(exposure, "exposure", "a factor (1: Ceres' average surface at half of full scale)")
    reference = _number(reference, "reference", "an I/F")
    if exposure <= 0:
        raise ValueError(f"exposure must be a positive factor; got {exposure!r}.")
    if reference <= 0:
        raise ValueError(f"reference must be a positive I/F; got {reference!r}.")
    raw = 0.5 * exposure * np.asarray(signal, dtype=float) / reference
    return np.clip(raw, 0, 1), raw >= 1


@dataclass(frozen=True)
class CameraImage:
    """What :func:`camera_image` returns: the model image and how it was made."""

    signal: np.ndarray  # I/F per camera pixel after the PSF (no saturation)
    reading: np.ndarray  # detector reading, 0-1 (saturated at 1)
    saturated: np.ndarray  # boolean mask
    pixel_scale: u.Quantity  # ground size of one pixel
    half_width: u.Quantity  # half the ground width shown
    n_px: int

    def __post_init__(self):
        n = integer(self.n_px, "n_px", low=1, high=100_000)
        for name in ("signal", "reading"):
            array(getattr(self, name), name, shape=(n, n))
        sat = self.saturated
        if not isinstance(sat, np.ndarray) or sat.dtype != bool or sat.shape != (n, n):
            raise ArgumentTypeError(f"saturated must be a boolean array of shape ({n}, {n}); got {sat!r:.60}.")
        for name in ("pixel_scale", "half_width"):
            _one(getattr(self, name), u.km, name, positive=True)

    @property
    def extent_km(self) -> list:
        """``[left, right, bottom, top]`` in km for ``imshow``."""
        h = self.half_width.to_value(u.km)
        return [-h, h, -h, h]


def camera_image(
    scene: Scene,
    distance: u.Quantity,
    ifov: u.Quantity,
    exposure: float = 1.0,
    psf_fwhm_px: float = 1.5,
    max_px: int = 300,
) -> CameraImage:
    """Model of what a framing camera sees of the scene from ``distance``, looking straight down.

    Each camera pixel averages the scene over its ground footprint
    (``distance * ifov``), the image is blurred by a Gaussian PSF, and the
    detector saturates (see :func:`expose`). The view is the scene's full
    window, or ``max_px`` camera pixels across when the pixels are so fine that
    the whole window would need more; at least 3 pixels are always shown.

    Examples
    --------
    >>> import astropy.units as u
    >>> m = OccatorModel(0.09, 0.4, 92 * u.km, 10 * u.km)
    >>> img = camera_image(make_scene(m, n_px=200), 13500 * u.km, 93.7 * u.urad)
    >>> img.n_px, round(float(img.pixel_scale.to_value(u.km)), 2)
    (95, 1.26)
    """
    _expect(scene, Scene, "scene", "made once with photometry.make_scene(model)")
    _psf_width(psf_fwhm_px)
    _one(distance, u.km, "distance", positive=True)
    _one(ifov, u.rad, "ifov", positive=True)
    scale = pixel_scale(distance, ifov).to_value(u.km)
    max_px = integer(max_px, "max_px", low=3, high=4000)
    full = max(lv.half_width_km for lv in scene.levels)
    n = int(min(np.ceil(2 * full / scale), max_px))
    n = max(n, 3)
    if n % 2 == 0:
        n += 1  # an odd number of pixels: one pixel centred on the facula
    half = n * scale / 2
    # the finest precomputed level that covers the view, else the coarsest
    level = min(
        (lv for lv in scene.levels if lv.half_width_km >= half),
        key=lambda lv: lv.step_km,
        default=max(scene.levels, key=lambda lv: lv.half_width_km),
    )
    edges = -half + np.arange(n + 1) * scale
    signal = _box_means(level, edges, scene.mean_background)
    signal = gaussian_psf(signal[::-1], psf_fwhm_px)  # row 0 at the top (north)
    reading, sat = expose(signal, exposure, scene.mean_background)
    return CameraImage(signal, reading, sat, scale * u.km, half * u.km, n)


def sphere_camera_image(
    model: OccatorModel,
    radius: u.Quantity,
    distance: u.Quantity,
    ifov: u.Quantity,
    phase_angle: u.Quantity,
    law: str = "lommel-seeliger",
    exposure: float = 1.0,
    psf_fwhm_px: float = 1.5,
    occator_latitude: u.Quantity = 0 * u.deg,
    max_px: int = 400,
    subpixel_km: float = 1.5,
) -> CameraImage:
    """Model of a framing camera's view of the whole sphere from far away (approach images).

    The sphere is rendered finely (sub-pixels of about ``subpixel_km``), each
    camera pixel averages its sub-pixels, then the PSF and saturation are
    applied as in :func:`camera_image`. The pixel scale is ``distance * ifov``
    with ``distance`` measured to the sphere's centre.

    Raises
    ------
    ValueError
        When the disc would be wider than ``max_px`` pixels (too close for a
        whole-disc view: use :func:`camera_image`).

    Examples
    --------
    >>> import astropy.units as u
    >>> m = OccatorModel(0.09, 0.4, 92 * u.km, 10 * u.km)
    >>> img = sphere_camera_image(m, 470 * u.km, 383000 * u.km, 93.7 * u.urad, 20 * u.deg)
    >>> img.n_px
    31
    """
    _psf_width(psf_fwhm_px)
    max_px = integer(max_px, "max_px", low=3, high=4000)
    r_km = _one(radius, u.km, "radius", positive=True).to_value(u.km)
    _one(distance, u.km, "distance", positive=True)
    _one(ifov, u.rad, "ifov", positive=True)
    scale = pixel_scale(distance, ifov).to_value(u.km)
    subpixel_km = _number(subpixel_km, "subpixel_km", "a size in km")
    if not subpixel_km > 0:
        raise ValueError(f"subpixel_km must be positive; got {subpixel_km!r}.")
    n = int(np.ceil(2 * r_km / scale)) + 4
    n += 1 - n % 2  # odd: a pixel centred on the disc
    if n > max_px:
        raise ValueError(
            f"from {distance} the disc spans about {n} pixels, more than max_px={max_px}; "
            "use camera_image for close views."
        )
    k = int(min(max(1, np.ceil(scale / subpixel_km)), max(1, 1600 // n)))
    fine = render_sphere(
        n * k, model, radius, phase_angle, law=law, occator_latitude=occator_latitude, frame=n * scale / (2 * r_km)
    )
    signal = gaussian_psf(fine.reshape(n, k, n, k).mean(axis=(1, 3)), psf_fwhm_px)
    reading, sat = expose(signal, exposure, float(model.background))
    return CameraImage(signal, reading, sat, scale * u.km, n * scale / 2 * u.km, n)


def profile(image: CameraImage, which: str = "reading") -> tuple[u.Quantity, np.ndarray]:
    """Brightness along the row through the image centre (west to east across the facula).

    Returns
    -------
    (x, values) : (Quantity, ndarray)
        Pixel centres in km from Occator's centre, and the row of ``which``
        (``'reading'`` or ``'signal'``).

    Examples
    --------
    >>> import astropy.units as u
    >>> m = OccatorModel(0.09, 0.4, 92 * u.km, 10 * u.km)
    >>> x, v = profile(camera_image(make_scene(m, n_px=200), 13500 * u.km, 93.7 * u.urad))
    >>> len(x) == len(v)
    True
    """
    _expect(image, CameraImage, "image", "what camera_image or sphere_camera_image returns")
    if which not in ("reading", "signal"):
        raise ValueError(f"which must be 'reading' or 'signal'; got {which!r}.")
    data = getattr(image, which)
    n = image.n_px
    scale = image.pixel_scale.to_value(u.km)
    x = (-image.half_width.to_value(u.km) + (np.arange(n) + 0.5) * scale) * u.km
    return x, data[n // 2].copy()


def diluted_albedo(spot_albedo, background_albedo, spot_diameter: u.Quantity, pixel_size: u.Quantity):
    """Apparent albedo of the one pixel holding a small round spot (no blur).

    The pixel averages the light from its whole footprint: a spot covering a
    fraction ``f`` of the pixel's area gives
    ``A_pixel = f * A_spot + (1 - f) * A_background``. A spot larger than the
    pixel fills it (``f = 1``).

    Parameters
    ----------
    spot_albedo, background_albedo : float
        Albedos, 0 to 1.
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
    >>> diluted_albedo(0.4, 0.09, 10 * u.km, 36 * u.km).round(3)
    <Quantity 0.109>
    """
    a_s, a_b = _albedo(spot_albedo, "spot_albedo"), _albedo(background_albedo, "background_albedo")
    d = require(spot_diameter, u.km, "spot_diameter", positive=True)
    p = require(pixel_size, u.km, "pixel_size", positive=True)
    fill = np.clip((np.pi * (d / 2) ** 2 / p**2).to_value(u.one), 0, 1)
    return (fill * a_s + (1 - fill) * a_b) * u.one
