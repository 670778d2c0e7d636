"""A crater with bright spots, seen through a framing camera: the one imaging model of the lessons.

Everything here is a **model**, not Dawn's data: a crater is an albedo map
(:class:`Crater`) with sourced sizes and albedos and invented detail, and a
camera turns it into pixels in three steps:

1. **pixelation** -- each pixel reports the mean of the map over its ground
   footprint (``distance * IFOV`` wide), computed exactly with one
   summed-area table (:func:`box_means`);
2. **blur** -- a Gaussian point-spread function (:func:`gaussian_psf`);
3. **exposure** -- the detector fills up and saturates (:func:`expose`).

Lesson 04 draws a plain schematic crater (:func:`schematic_view`), lesson 06
a model of Occator lit by the Sun (:func:`occator_model`, :func:`make_scene`,
:func:`camera_image`, :func:`sphere_camera_image`), lesson 08 a crater with
a dark rim and a bright facula (:func:`facula_model`, :func:`pixelate`): the
same map and the same pixelation with different settings.

Examples
--------
>>> import astropy.units as u
>>> crater = Crater(background=0.35, spot=1.0, crater_diameter=92 * u.km, spot_diameter=10 * u.km,
...                 floor=0.2, sharp=True)
>>> float(crater.albedo(0 * u.km, 0 * u.km)), float(crater.albedo(30 * u.km, 0 * u.km))
(1.0, 0.2)
"""

from __future__ import annotations

from dataclasses import dataclass

import astropy.units as u
import numpy as np

from .camera import pixel_scale
from .photometry import _law
from .units import ArgumentTypeError, array, choice, instance, integer, number, require
from .units import albedo as _albedo

__all__ = [
    "Crater",
    "VINALIA_LIKE",
    "occator_model",
    "albedo_map",
    "sample",
    "facula_model",
    "box_means",
    "pixelate",
    "schematic_view",
    "render_sphere",
    "Scene",
    "make_scene",
    "gaussian_psf",
    "expose",
    "CameraImage",
    "camera_image",
    "sphere_camera_image",
    "profile",
]


# --------------------------------------------------------------------------
# the crater: an albedo map
# --------------------------------------------------------------------------

#: Three small patches north-east of Occator's centre, standing in for the fainter
#: Vinalia Faculae (invented): (east, north) offsets in crater diameters, radius in crater radii.
#: The half-width of :func:`facula_model`'s dark rim ring, as a fraction of the crater's diameter.
FACULA_RIM = 0.015

VINALIA_LIKE = ((0.30, 0.22, 0.06), (0.38, 0.10, 0.04), (0.24, 0.36, 0.035))


@dataclass(frozen=True)
class Crater:
    """A round crater with a bright central spot (and optional smaller spots), as an albedo map.

    Parameters
    ----------
    background : float
        Albedo of the ground around the crater (geometric albedo).
    spot : float
        Albedo of the central bright spot.
    crater_diameter, spot_diameter : Quantity
        Diameters of the crater and of its central spot (lengths).
    floor : float, optional
        Albedo of the crater floor; default ``background``.
    rim : float
        Change of brightness on the rim, relative to ``background``: ``0.15`` a
        slightly brighter rim, ``-0.4`` a dark (shadowed) one, 0 none.
    rim_width : Quantity, optional
        Half-width of the rim; default 4 % of the crater's radius.
    texture : float
        Relative amplitude of a smooth, invented albedo texture (0 to below 1).
    side_spots : tuple of (east, north, radius)
        Smaller spots at a third of the central spot's contrast: offsets in crater
        diameters, radii in crater radii (e.g. :data:`VINALIA_LIKE`).
    sharp : bool
        Hard edges (a schematic); otherwise the edges are smooth ramps.
    """

    background: float
    spot: float
    crater_diameter: u.Quantity
    spot_diameter: u.Quantity
    floor: float | None = None
    rim: float = 0.0
    rim_width: u.Quantity | None = None
    texture: float = 0.0
    side_spots: tuple = ()
    sharp: bool = False

    def __post_init__(self):
        _albedo(self.background, "background", scalar=True)
        _albedo(self.spot, "spot", scalar=True)
        if self.floor is not None:
            _albedo(self.floor, "floor", scalar=True)
        crater = require(self.crater_diameter, u.km, "crater_diameter", positive=True, scalar=True)
        spot = require(self.spot_diameter, u.km, "spot_diameter", positive=True, scalar=True)
        if spot > crater:
            raise ValueError(f"the spot ({spot}) cannot be larger than the crater ({crater}).")
        number(self.rim, "rim", low=-1, high=10, scalar=True)
        if self.rim_width is not None:
            require(self.rim_width, u.km, "rim_width", positive=True, scalar=True)
        number(self.texture, "texture", low=0, high=0.999, scalar=True)
        if not isinstance(self.side_spots, tuple) or len(self.side_spots) > 20:
            raise ArgumentTypeError(
                f"side_spots must be a tuple of at most 20 (east, north, radius) triples; got {self.side_spots!r:.60}."
            )
        for spot_ in self.side_spots:
            array(spot_, "side_spots", shape=(3,))
        if not isinstance(self.sharp, (bool, np.bool_)):
            raise ArgumentTypeError(f"sharp must be True or False; got {self.sharp!r}.")

    def albedo(self, x: u.Quantity, y: u.Quantity) -> np.ndarray:
        """Albedo at ground positions ``(x, y)`` (east, north) from the crater's centre.

        Examples
        --------
        >>> import astropy.units as u
        >>> m = occator_model(0.09, 0.4, 92 * u.km, 10 * u.km)
        >>> float(m.albedo(0 * u.km, 0 * u.km)) > 0.35
        True
        """
        xk = np.asanyarray(require(x, u.km, "x").to_value(u.km), dtype=float)
        yk = np.asanyarray(require(y, u.km, "y").to_value(u.km), dtype=float)
        try:
            shape = np.broadcast_shapes(xk.shape, yk.shape)
        except ValueError:
            raise ValueError(
                f"x and y must have shapes that broadcast together; got {xk.shape} and {yk.shape}."
            ) from None
        bg, fac = float(self.background), float(self.spot)
        rc = self.crater_diameter.to_value(u.km) / 2
        rf = self.spot_diameter.to_value(u.km) / 2
        r = np.hypot(xk, yk)
        a = bg if self.floor is None else np.where(r <= rc, float(self.floor), bg)
        if self.texture:
            # a smooth invented texture, written as products so that a row times a column stays cheap
            sx, cx_, sy, cy_ = np.sin(xk / 19.0), np.cos(xk / 19.0), np.sin(yk / 19.0), np.cos(yk / 19.0)
            tex = (np.sin(xk / 37.0 + 0.3) * np.cos(yk / 53.0 - 1.1) + 0.5 * (sx * cy_ + cx_ * sy)) / 1.5
            a = a * (1 + self.texture * tex)
        if self.rim:
            w = 0.04 * rc if self.rim_width is None else self.rim_width.to_value(u.km)
            ring = (np.abs(r - rc) < w) if self.sharp else np.exp(-(((r - rc) / w) ** 2))
            a = a + self.rim * bg * ring
        half = bg + (fac - bg) / 3
        # each spot changes only the points near it: worked out there alone (elsewhere it adds exactly 0)
        a = np.array(np.broadcast_to(a, shape), dtype=float)
        xs, ys = np.broadcast_to(xk, shape), np.broadcast_to(yk, shape)
        for cx, cy, size in self.side_spots:
            x0, y0, width = cx * rc * 2, cy * rc * 2, 0.01 * rc + 0.3
            reach = size * rc + width  # beyond it the ramp is 0 (it ends half a width out)
            near = np.broadcast_to((np.abs(xk - x0) < reach) & (np.abs(yk - y0) < reach), shape)
            d = np.hypot(xs[near] - x0, ys[near] - y0) - size * rc
            a[near] = a[near] + (half - bg) * (d < 0 if self.sharp else _smoothstep(d, width))
        if self.sharp:
            a = np.where(r <= rf, fac, a)
        else:
            width = max(0.05 * rf, 0.1)
            near = np.broadcast_to(r < rf + width, shape)
            a[near] = a[near] + (fac - a[near]) * _smoothstep(np.broadcast_to(r, shape)[near] - rf, width)
        return np.clip(a, 0, None)


def _smoothstep(edge: np.ndarray, width: float) -> np.ndarray:
    """1 inside (edge < 0), 0 outside, a smooth ramp of ``width`` around 0."""
    t = np.clip(0.5 - edge / width, 0.0, 1.0)
    return t * t * (3 - 2 * t)


def occator_model(
    background, facula, crater_diameter: u.Quantity, facula_diameter: u.Quantity, texture: float = 0.05
) -> Crater:
    """Occator as lesson 06 models it: a faint texture, a slightly bright rim, Cerealia Facula
    at the centre and three Vinalia-like patches, all with smooth edges.

    Examples
    --------
    >>> import astropy.units as u
    >>> occator_model(0.09, 0.4, 92 * u.km, 10 * u.km).side_spots == VINALIA_LIKE
    True
    """
    _named(background=background, facula=facula, crater_diameter=crater_diameter, facula_diameter=facula_diameter)
    return Crater(
        background=background,
        spot=facula,
        crater_diameter=crater_diameter,
        spot_diameter=facula_diameter,
        rim=0.15,
        texture=texture,
        side_spots=VINALIA_LIKE,
    )


def _named(**values) -> None:
    """Check the albedos and diameters of a preset under the preset's own argument names."""
    for name, value in values.items():
        if name.endswith("diameter"):
            require(value, u.km, name, positive=True, scalar=True)
        else:
            _albedo(value, name, scalar=True)


def _crater(model, name: str = "model") -> Crater:
    return instance(model, Crater, name, hint="an albedo map such as imaging.occator_model(...)")


def albedo_map(x: u.Quantity, y: u.Quantity, model: Crater) -> np.ndarray:
    """The model's albedo at ground positions ``(x, y)`` (see :meth:`Crater.albedo`).

    Examples
    --------
    >>> import astropy.units as u
    >>> m = occator_model(0.09, 0.4, 92 * u.km, 10 * u.km)
    >>> round(float(albedo_map(0 * u.km, 0 * u.km, m)), 2)
    0.4
    """
    return _crater(model).albedo(x, y)


def _centres(field_km: float, n: int) -> np.ndarray:
    """Centres of ``n`` cells across a field ``field_km`` wide, centred on 0."""
    return (np.arange(n) + 0.5) / n * field_km - field_km / 2


def sample(model: Crater, field: u.Quantity, n: int) -> np.ndarray:
    """The model's albedo at the centres of ``n`` x ``n`` cells of a square field (row 0 at the bottom).

    ``n`` is 1 to 8000.

    Examples
    --------
    >>> import astropy.units as u
    >>> sample(occator_model(0.09, 0.4, 92 * u.km, 10 * u.km), 120 * u.km, 50).shape
    (50, 50)
    """
    _crater(model)
    width = require(field, u.km, "field", positive=True, scalar=True).to_value(u.km)
    n = integer(n, "n", low=1, high=8000)
    x = _centres(width, n)
    return model.albedo(x[None, :] * u.km, x[:, None] * u.km)


def facula_model(
    field: u.Quantity,
    n: int,
    facula_diameter: u.Quantity,
    crater_diameter: u.Quantity,
    albedo_ground: float,
    albedo_facula: float,
) -> np.ndarray:
    """Lesson 08's schematic: ground of ``albedo_ground``, a dark rim, a bright facula disc.

    A *model*, not data: uniform ground, a disc of ``albedo_facula`` and a thin
    darker ring marking the crater rim (a shadow, 60 % of the ground's
    reflectance, at least one cell wide, drawn only so the crater is visible),
    sampled at the centres of ``n`` x ``n`` cells (2 to 8000) across ``field``.

    Examples
    --------
    >>> import astropy.units as u
    >>> m = facula_model(120 * u.km, 100, 10 * u.km, 92 * u.km, 0.09, 0.4)
    >>> round(float(m.max()), 2), m.shape
    (0.4, (100, 100))
    """
    width = require(field, u.km, "field", positive=True, scalar=True)
    n = integer(n, "n", low=2, high=8000)
    crater = require(crater_diameter, u.km, "crater_diameter", positive=True, scalar=True)
    rim = max(FACULA_RIM * crater.to_value(u.km), width.to_value(u.km) / n) * u.km
    for name, a in (("albedo_ground", albedo_ground), ("albedo_facula", albedo_facula)):
        if isinstance(a, u.Quantity):
            raise ArgumentTypeError(f"{name} is an albedo, a plain number such as 0.09; got {a!r}.")
    _named(albedo_ground=albedo_ground, albedo_facula=albedo_facula, facula_diameter=facula_diameter)
    model = Crater(
        background=albedo_ground,
        spot=albedo_facula,
        crater_diameter=crater,
        spot_diameter=facula_diameter,
        rim=-0.4,
        rim_width=rim,
        sharp=True,
    )
    return sample(model, width, n)


# --------------------------------------------------------------------------
# pixelation: exact box means from one summed-area table
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Level:
    """A square map ``2 * half_width_km`` wide in cells of ``step_km``, as a summed-area table."""

    half_width_km: float
    step_km: float
    sat: np.ndarray  # summed-area table, shape (n+1, n+1)

    @classmethod
    def of(cls, image: np.ndarray, width_km: float) -> _Level:
        sat = np.zeros((image.shape[0] + 1, image.shape[1] + 1))
        np.cumsum(np.cumsum(image, axis=0), axis=1, out=sat[1:, 1:])
        return cls(width_km / 2, width_km / image.shape[0], sat)


def box_means(level: _Level, edges_km: np.ndarray, background: float) -> np.ndarray:
    """Exact means of a piecewise-constant map over square pixel boxes with these edges (km).

    The map is a level of :func:`make_scene` (or of :func:`pixelate`); ``edges_km``
    are the pixel edges along both axes, from the map's centre.  Parts of a box
    outside the map count as ``background``.

    Examples
    --------
    >>> lv = _Level.of(np.arange(16.0).reshape(4, 4), 4.0)
    >>> box_means(lv, np.array([-2.0, 0.0, 2.0]), 0.0).tolist()
    [[2.5, 4.5], [10.5, 12.5]]
    """
    instance(level, _Level, "level", hint="a level of a Scene from make_scene")
    edges_km = array(edges_km, "edges_km", ndim=1, min_size=2, max_size=100_001)
    if np.any(np.diff(edges_km) <= 0):
        raise ValueError("edges_km must increase from one pixel edge to the next.")
    background = number(background, "background", scalar=True)
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


def pixelate(image: np.ndarray, field: u.Quantity, pixel: u.Quantity) -> tuple[np.ndarray, u.Quantity]:
    """Average a fine square map into camera pixels of about size ``pixel``.

    Each camera pixel is a whole block of ``k`` x ``k`` cells of the map
    (``k`` = ``pixel`` / cell size, rounded, at least 1), and the blocks are
    centred on the map's centre, so the central feature sits in the middle of
    one pixel (the best case).  Only whole blocks inside the map are kept.
    A pixel smaller than the map's cells returns the map itself: the model has
    no finer detail.

    Returns
    -------
    coarse : ndarray
        ``m`` x ``m`` averages (``m`` odd unless the map itself is returned).
    width : Quantity
        Side of the area the coarse pixels cover, centred on the map (km);
        each coarse pixel is ``width / m`` wide.

    Examples
    --------
    >>> import numpy as np, astropy.units as u
    >>> coarse, width = pixelate(np.ones((100, 100)), 10 * u.km, 3 * u.km)
    >>> coarse.shape, width
    ((3, 3), <Quantity 9. km>)
    """
    image = array(image, "image", max_size=64_000_000)
    if image.ndim != 2 or image.shape[0] != image.shape[1]:
        raise ValueError(f"image must be a square 2-D array; got shape {image.shape}")
    L = require(field, u.km, "field", positive=True, scalar=True).to_value(u.km)
    p = require(pixel, u.km, "pixel", positive=True, scalar=True).to_value(u.km)
    n = image.shape[0]
    k = max(1, int(round(p / (L / n))))
    if k == 1:
        return image.copy(), L * u.km
    half_blocks = int(((n / 2) / k - 0.5) // 1)  # whole blocks on each side of the central one
    if half_blocks < 0:  # a pixel larger than the map: the map is one pixel
        return np.full((1, 1), image.mean()), L * u.km
    m = 2 * half_blocks + 1
    edges = np.round(n / 2 + (np.arange(m + 1) - m / 2) * k).astype(int)
    coarse = box_means(_Level.of(image, L), edges * (L / n) - L / 2, 0.0)
    return coarse, (edges[-1] - edges[0]) * L / n * u.km


def schematic_view(
    scale: u.Quantity,
    crater_diameter: u.Quantity,
    spot_diameter: u.Quantity,
    field: u.Quantity | None = None,
    max_pixels: int = 200,
    supersample: int = 4,
) -> tuple[np.ndarray, u.Quantity, bool]:
    """Lesson 04's schematic: a round crater with a bright central spot, at a given pixel scale.

    Not a real image: the surroundings, the crater floor and the spot get fixed
    relative brightnesses (0.35, 0.2 and 1.0, hard edges), and each pixel shows
    the mean of the map over its footprint, sampled on a ``supersample`` x
    ``supersample`` grid inside every pixel (1 to 16).  It shows only how many
    pixels a feature spans.

    Parameters
    ----------
    scale : Quantity
        Ground size of one pixel (e.g. from :func:`utils.camera.pixel_scale`).
    crater_diameter, spot_diameter : Quantity
        Sizes of the crater and of its central bright spot (spot <= crater).
    field : Quantity, optional
        Width of the square scene; default 1.3 crater diameters.
    max_pixels : int
        Most pixels drawn across the scene (1 to 4000); when the real pixels are finer
        the picture is drawn with this many and ``resolved_fully`` is False.
    supersample : int
        Sub-samples per pixel side (1 to 16).

    Returns
    -------
    image : ndarray
        Shape (n, n), values in [0, 1].
    extent : Quantity
        Half-width of the scene (the picture spans -extent..extent), in km.
    resolved_fully : bool
        True when the picture has the real pixel scale, False when it is capped.

    Examples
    --------
    >>> img, half, full = schematic_view(10 * u.km, 92 * u.km, 10 * u.km)
    >>> img.shape, full
    ((12, 12), True)
    """
    s = require(scale, u.km, "scale", positive=True, scalar=True).to_value(u.km)
    model = Crater(
        background=0.35, spot=1.0, floor=0.2, crater_diameter=crater_diameter, spot_diameter=spot_diameter, sharp=True
    )
    W = (
        1.3 * model.crater_diameter.to_value(u.km)
        if field is None
        else require(field, u.km, "field", positive=True, scalar=True).to_value(u.km)
    )
    max_pixels = integer(max_pixels, "max_pixels", low=1, high=4000)
    supersample = integer(supersample, "supersample", low=1, high=16)
    n_true = int(np.ceil(W / s))
    if n_true <= max_pixels:
        W = n_true * s  # whole pixels of exactly ``scale``
    n = min(n_true, max_pixels)
    fine = sample(model, W * u.km, n * supersample)
    image = box_means(_Level.of(fine, W), np.linspace(-W / 2, W / 2, n + 1), 0.0)
    return np.clip(image, 0, 1), (W / 2) * u.km, n_true <= max_pixels


# --------------------------------------------------------------------------
# the crater lit by the Sun: a whole sphere, or a precomputed window
# --------------------------------------------------------------------------


def render_sphere(
    n_px: int,
    model: Crater,
    radius: u.Quantity,
    phase_angle: u.Quantity,
    law: str = "lommel-seeliger",
    occator_latitude: u.Quantity = 0 * u.deg,
    frame: float = 1.0,
) -> np.ndarray:
    """I/F image of a whole sphere (orthographic view) with the crater facing the viewer.

    The viewer looks along -z at the sphere's centre; the Sun lies in the x-z
    plane at ``phase_angle`` from the viewer's direction (0: full disc).

    Parameters
    ----------
    n_px : int
        Image size in pixels, 8 to 4096 (the disc spans the whole width).
    model : Crater
        The albedo map.
    radius : Quantity
        Radius of the sphere (sets the size of the crater on it).
    phase_angle : Quantity
        Sun-body-viewer angle, 0 to 180 deg.
    law : str
        ``'lambert'`` or ``'lommel-seeliger'`` (see :mod:`utils.photometry`).
    occator_latitude : Quantity
        How far above the disc centre the crater sits (angle on the sphere).
    frame : float
        Half-width of the image in units of the sphere's radius, 1 to 100 (1: the
        disc touches the edges; larger values leave dark sky around it).

    Returns
    -------
    ndarray
        ``(n_px, n_px)`` I/F; 0 off the disc and on the night side.

    Examples
    --------
    >>> import astropy.units as u
    >>> m = occator_model(0.09, 0.4, 92 * u.km, 10 * u.km)
    >>> render_sphere(64, m, 470 * u.km, 0 * u.deg).shape
    (64, 64)
    """
    n_px = integer(n_px, "n_px", low=8, high=4096)
    r_km = require(radius, u.km, "radius", positive=True, scalar=True).to_value(u.km)
    alpha = require(phase_angle, u.deg, "phase_angle", nonnegative=True, high=180, scalar=True).to_value(u.rad)
    lat0 = require(occator_latitude, u.deg, "occator_latitude", scalar=True).to_value(u.rad)
    law_fn = _law(law)
    _crater(model)
    frame = number(frame, "frame", low=1, high=100, scalar=True)
    c = ((np.arange(n_px) + 0.5) / n_px * 2 - 1) * frame
    xx, yy = np.meshgrid(c, -c)
    rho2 = xx**2 + yy**2
    on = rho2 < 1
    # only the pixels on the disc are worked out (the sky around it stays 0)
    xx, yy = xx[on], yy[on]
    zz = np.sqrt(np.clip(1 - rho2[on], 0, None))
    mu = zz
    mu0 = xx * np.sin(alpha) + zz * np.cos(alpha)
    # ground coordinates from the crater's centre (great-circle offsets, km)
    lat = np.arcsin(np.clip(yy, -1, 1))
    lon = np.arctan2(xx, zz)
    gx = r_km * lon * np.cos(lat)
    gy = r_km * (lat - lat0)
    alb = model.albedo(gx * u.km, gy * u.km)
    out = np.zeros(on.shape)
    out[on] = law_fn(alb, np.clip(mu0, -1, 1), np.clip(mu, -1, 1))
    return out


@dataclass(frozen=True)
class Scene:
    """A precomputed high-resolution I/F map around the crater (see :func:`make_scene`)."""

    levels: tuple
    model: Crater
    mean_background: float

    def __post_init__(self):
        _crater(self.model)
        if (
            not isinstance(self.levels, tuple)
            or not self.levels
            or not all(isinstance(lv, _Level) for lv in self.levels)
        ):
            raise ArgumentTypeError(
                "levels must be the tuple of levels make_scene() builds; make a Scene with imaging.make_scene(model)."
            )
        number(self.mean_background, "mean_background", low=0, high=2, scalar=True)

    @property
    def half_width(self) -> u.Quantity:
        """Half the width of the largest precomputed window."""
        return max(lv.half_width_km for lv in self.levels) * u.km


def make_scene(
    model: Crater,
    half_width: u.Quantity = 60 * u.km,
    n_px: int = 800,
    zooms: tuple = (1.0, 2.5, 10.0),
    incidence: u.Quantity = 30 * u.deg,
    law: str = "lommel-seeliger",
) -> Scene:
    """Precompute the model's I/F at high resolution, once, for fast camera views.

    Nested square windows are computed, each ``n_px`` pixels across (16 to
    4000): the full one (``2 * half_width`` across) and, for close views,
    windows ``zooms`` times smaller (and finer) at the centre (1 to 10 zoom
    factors of at least 1). The Sun is at ``incidence`` from the vertical and
    the camera looks straight down; the window is treated as flat.

    Examples
    --------
    >>> import astropy.units as u
    >>> s = make_scene(occator_model(0.09, 0.4, 92 * u.km, 10 * u.km), n_px=200)
    >>> s.half_width
    <Quantity 60. km>
    """
    hw = require(half_width, u.km, "half_width", positive=True, scalar=True).to_value(u.km)
    n_px = integer(n_px, "n_px", low=16, high=4000)
    _crater(model)
    if isinstance(zooms, (str, bytes)) or not isinstance(zooms, (tuple, list)) or not 1 <= len(zooms) <= 10:
        raise ArgumentTypeError(f"zooms must be a tuple of 1 to 10 zoom factors such as (1.0, 2.5); got {zooms!r}.")
    zooms = tuple(number(z, "zooms", low=1, scalar=True) for z in zooms)
    mu0 = np.cos(require(incidence, u.deg, "incidence", scalar=True).to_value(u.rad))
    if mu0 <= 0:
        raise ValueError(f"incidence must be below 90 deg (the Sun above the horizon); got {incidence}.")
    law_fn = _law(law)
    levels = []
    for h in sorted({hw / float(z) for z in zooms}, reverse=True):
        c = _centres(2 * h, n_px)
        rows = [model.albedo(c[None, :] * u.km, c[k : k + 250, None] * u.km) for k in range(0, n_px, 250)]
        levels.append(_Level.of(law_fn(np.vstack(rows), mu0, 1.0), 2 * h))
    bg = float(law_fn(np.asarray(model.background), mu0, 1.0))
    return Scene(tuple(levels), model, bg)


# --------------------------------------------------------------------------
# the camera: blur, exposure, and the images
# --------------------------------------------------------------------------


def gaussian_psf(image: np.ndarray, fwhm_px: float) -> np.ndarray:
    """Blur an image with a Gaussian point-spread function of ``fwhm_px`` pixels (FWHM, 0 to 100).

    Examples
    --------
    >>> img = np.zeros((9, 9)); img[4, 4] = 1
    >>> round(float(gaussian_psf(img, 2.0).sum()), 6)
    1.0
    """
    from scipy.ndimage import gaussian_filter

    image = array(image, "image", ndim=2, max_size=50_000_000)
    fwhm_px = number(fwhm_px, "fwhm_px", low=0, high=100, scalar=True)
    if fwhm_px == 0:
        return np.asarray(image, dtype=float)
    sigma = fwhm_px / (2 * np.sqrt(2 * np.log(2)))
    return gaussian_filter(np.asarray(image, dtype=float), sigma, mode="nearest")


def expose(signal: np.ndarray, exposure: float, reference: float) -> tuple[np.ndarray, np.ndarray]:
    """Detector reading as a fraction of full scale, and where it saturates.

    ``exposure = 1`` is the exposure that puts a surface of I/F ``reference``
    (the average surface) at half of the detector's full scale; brighter
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
    exposure = number(exposure, "exposure", positive=True, scalar=True)
    reference = number(reference, "reference", positive=True, scalar=True)
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
            require(getattr(self, name), u.km, name, positive=True, scalar=True)

    @property
    def extent_km(self) -> list:
        """``[left, right, bottom, top]`` in km for ``imshow``."""
        h = self.half_width.to_value(u.km)
        return [-h, h, -h, h]


def _camera(distance, ifov, psf_fwhm_px, max_px) -> tuple[float, int]:
    """Validated camera settings: the pixel scale (km) and the most pixels across."""
    number(psf_fwhm_px, "psf_fwhm_px", low=0, high=100, scalar=True)
    require(distance, u.km, "distance", positive=True, scalar=True)
    require(ifov, u.rad, "ifov", positive=True, scalar=True)
    return pixel_scale(distance, ifov).to_value(u.km), integer(max_px, "max_px", low=3, high=4000)


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
    window, or ``max_px`` camera pixels across (3 to 4000) when the pixels are
    so fine that the whole window would need more; at least 3 pixels are always shown.

    Examples
    --------
    >>> import astropy.units as u
    >>> m = occator_model(0.09, 0.4, 92 * u.km, 10 * u.km)
    >>> img = camera_image(make_scene(m, n_px=200), 13500 * u.km, 93.7 * u.urad)
    >>> img.n_px, round(float(img.pixel_scale.to_value(u.km)), 2)
    (95, 1.26)
    """
    instance(scene, Scene, "scene", hint="made once with imaging.make_scene(model)")
    scale, max_px = _camera(distance, ifov, psf_fwhm_px, max_px)
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
    signal = box_means(level, edges, scene.mean_background)
    signal = gaussian_psf(signal[::-1], psf_fwhm_px)  # row 0 at the top (north)
    reading, sat = expose(signal, exposure, scene.mean_background)
    return CameraImage(signal, reading, sat, scale * u.km, half * u.km, n)


def sphere_camera_image(
    model: Crater,
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
    >>> m = occator_model(0.09, 0.4, 92 * u.km, 10 * u.km)
    >>> img = sphere_camera_image(m, 470 * u.km, 383000 * u.km, 93.7 * u.urad, 20 * u.deg)
    >>> img.n_px
    31
    """
    scale, max_px = _camera(distance, ifov, psf_fwhm_px, max_px)
    r_km = require(radius, u.km, "radius", positive=True, scalar=True).to_value(u.km)
    subpixel_km = number(subpixel_km, "subpixel_km", positive=True, scalar=True)
    _crater(model)
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
    width = n * scale
    signal = gaussian_psf(
        box_means(_Level.of(fine, width), np.linspace(-width / 2, width / 2, n + 1), 0.0), psf_fwhm_px
    )
    reading, sat = expose(signal, exposure, float(model.background))
    return CameraImage(signal, reading, sat, scale * u.km, n * scale / 2 * u.km, n)


def profile(image: CameraImage, which: str = "reading") -> tuple[u.Quantity, np.ndarray]:
    """Brightness along the row through the image centre (west to east across the facula).

    Returns
    -------
    (x, values) : (Quantity, ndarray)
        Pixel centres in km from the crater's centre, and the row of ``which``
        (``'reading'`` or ``'signal'``).

    Examples
    --------
    >>> import astropy.units as u
    >>> m = occator_model(0.09, 0.4, 92 * u.km, 10 * u.km)
    >>> x, v = profile(camera_image(make_scene(m, n_px=200), 13500 * u.km, 93.7 * u.urad))
    >>> len(x) == len(v)
    True
    """
    instance(image, CameraImage, "image", hint="what camera_image or sphere_camera_image returns")
    which = choice(which, "which", ("reading", "signal"))
    data = getattr(image, which)
    n = image.n_px
    scale = image.pixel_scale.to_value(u.km)
    x = (-image.half_width.to_value(u.km) + (np.arange(n) + 0.5) * scale) * u.km
    return x, data[n // 2].copy()
