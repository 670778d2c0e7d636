"""Exercises of 06 · The bright spots: why Occator shines.

Every expected answer is computed from the inputs the notebook passes; the
``mistakes`` are the likely wrong answers named on the instructor page, each
with a hint that does not give the answer away.
"""

from __future__ import annotations

import inspect
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import astropy.units as u
import numpy as np
from astropy import constants as const

from ..camera import _ifov, pixel_scale
from ..checks import CheckResult, Exercise, Mistake, RoundedTooFar
from ..photometry import _lambert, diluted_albedo
from ..photometry import _lommel_seeliger as _ls_law
from ..thermal import (
    _subsolar_temperature,
    irradiance,
    sublimation_balance_temperature,
    sublimation_mass_flux,
    thickness_loss_rate,
)
from ..units import require


# --- 06.1 · the Lommel-Seeliger law at one point --------------------------------------------
def _cosines(incidence, emission):
    i = require(incidence, u.deg, "incidence")
    e = require(emission, u.deg, "emission")
    return np.cos(i).to_value(u.one), np.cos(e).to_value(u.one)


def _lommel_seeliger(albedo, incidence, emission):
    mu0, mu = _cosines(incidence, emission)
    return float(_ls_law(albedo, mu0, mu))


def _lommel_seeliger_cut(albedo, incidence, emission):
    """The right value cut off (not rounded) after three significant figures (0.118 for 0.1186)."""
    value = _lommel_seeliger(albedo, incidence, emission)
    scale = 10 ** (2 - math.floor(math.log10(abs(value))))
    return math.trunc(value * scale) / scale


def _lambert_instead(albedo, incidence, emission):
    mu0, _ = _cosines(incidence, emission)
    return float(_lambert(albedo, mu0))


def _angles_swapped(albedo, incidence, emission):
    mu0, mu = _cosines(incidence, emission)
    return float(_ls_law(albedo, mu, mu0))


def _degrees_read_as_radians(albedo, incidence, emission):
    """np.cos(60): the angles typed as plain numbers of degrees, which np.cos reads as radians."""
    a = require(albedo, u.one, "albedo").to_value(u.one)
    mu0 = np.cos(require(incidence, u.deg, "incidence").to_value(u.deg))  # cosines of radians, as typed
    mu = np.cos(require(emission, u.deg, "emission").to_value(u.deg))
    return float(a * 2 * mu0 / (mu0 + mu))  # written out: the law itself would treat mu0 < 0 as unlit


def _factor_two_lost(albedo, incidence, emission):
    return _lommel_seeliger(albedo, incidence, emission) / 2


def _albedo_left_out(albedo, incidence, emission):
    """2μ₀/(μ₀+μ) alone: the law's angular factor without the albedo A."""
    mu0, mu = _cosines(incidence, emission)
    return float(2 * mu0 / (mu0 + mu))


def _albedo_alone(albedo, incidence, emission):
    """A alone: the face-on value (Sun and camera overhead), the angles left out."""
    return float(require(albedo, u.one, "albedo").to_value(u.one))


# --- 06.7 · a rendered sphere: limb against centre ---------------------------------------------
def _middle_row(model, radius, phase, law, n_px, column, latitude=20 * u.deg):
    from ..imaging import render_sphere
    from ..units import integer

    n = integer(n_px, "n_px", low=8, high=4096)
    col = integer(column, "column", low=0, high=n - 1)
    row = render_sphere(n, model, radius, phase, law=law, occator_latitude=latitude)[n // 2]
    if row[col] <= 0 or row[n // 2] <= 0:
        raise ValueError(
            f"column {col} or the centre of the middle row is dark (off the disc or on the night side); "
            "choose a sunlit column inside the disc."
        )
    return row, col, n


def _limb_to_centre(model, radius, phase, law, n_px, column):
    row, col, n = _middle_row(model, radius, phase, law, n_px, column)
    return float(row[col] / row[n // 2])


def _limb_to_centre_facula_centred(model, radius, phase, law, n_px, column):
    """The ratio with Occator left at the disc centre (no occator_latitude): the centre pixel is the facula."""
    row, col, n = _middle_row(model, radius, phase, law, n_px, column, latitude=0 * u.deg)
    return float(row[col] / row[n // 2])


def _other_law(law):
    return {"lambert": "lommel-seeliger", "lommel-seeliger": "lambert"}.get(str(law).lower().replace(" ", "-"), law)


def _limb_to_centre_other_law(model, radius, phase, law, n_px, column):
    return _limb_to_centre(model, radius, phase, _other_law(law), n_px, column)


def _limb_to_centre_textured(model, radius, phase, law, n_px, column):
    """The ratio on ``occator`` (the model with its faint invented texture) instead of ``smooth``."""
    import dataclasses

    from ..imaging import occator_model

    texture = inspect.signature(occator_model).parameters["texture"].default
    return _limb_to_centre(dataclasses.replace(model, texture=texture), radius, phase, law, n_px, column)


def _limb_to_centre_next_column(model, radius, phase, law, n_px, column):
    """The ratio one column further in (an off-by-one count of the columns)."""
    return _limb_to_centre(model, radius, phase, law, n_px, int(column) + 1)


def _limb_to_centre_previous_column(model, radius, phase, law, n_px, column):
    """The ratio one column further out (an off-by-one count of the columns)."""
    return _limb_to_centre(model, radius, phase, law, n_px, int(column) - 1)


def _limb_to_centre_edge_column(model, radius, phase, law, n_px, column):
    """The ratio at the image's first column (column 0) taken for the limb, instead of ``limb_col``."""
    return _limb_to_centre(model, radius, phase, law, n_px, 0)


# the two laws' figure renders at these; Exercise 7 tells students to write its call "as in the figure's cell"
_FIGURE_PHASE = 20 * u.deg
_FIGURE_PIXELS = 300


def _limb_to_centre_figure_phase(model, radius, phase, law, n_px, column):
    """The figure's phase angle copied in place of ``phase_7``."""
    return _limb_to_centre(model, radius, _FIGURE_PHASE, law, n_px, column)


def _limb_to_centre_figure_size(model, radius, phase, law, n_px, column):
    """The figure's image size copied in place of ``n_7``: its middle row (150) and the column ``limb_col``."""
    return _limb_to_centre(model, radius, phase, law, _FIGURE_PIXELS, column)


_NEIGHBOUR_COLUMN = (
    "That is the ratio in a column next to `limb_col`. Columns count from 0 at the left edge: take "
    "`image[n_7 // 2, limb_col]` itself."
)


def _limb_to_centre_swapped(model, radius, phase, law, n_px, column):
    """Row and column swapped, ``image[limb_col, n // 2]``: the top limb of the middle column, over the centre.

    At zero phase the disc is symmetric and this equals the right ratio (and passes); at other phases it does not.
    """
    from ..imaging import render_sphere
    from ..units import integer

    n = integer(n_px, "n_px", low=8, high=4096)
    col = integer(column, "column", low=0, high=n - 1)
    image = render_sphere(n, model, radius, phase, law=law, occator_latitude=20 * u.deg)
    return float(image[col, n // 2] / image[n // 2, n // 2]) if image[n // 2, n // 2] > 0 else float("nan")


def _centre_to_limb(model, radius, phase, law, n_px, column):
    return 1 / _limb_to_centre(model, radius, phase, law, n_px, column)


def _limb_value_alone(model, radius, phase, law, n_px, column):
    row, col, _ = _middle_row(model, radius, phase, law, n_px, column)
    return float(row[col])


# --- 06.9 · the distance from which a feature spans a number of pixels -------------------------
def _distance_for_pixels(size, pixels, ifov):
    # n pixels of ground size d x IFOV span the feature: d = size / (n x IFOV)
    n = require(pixels, u.one, "pixels", positive=True).to_value(u.one)
    return (require(size, u.km, "size", positive=True) / (n * _ifov_rad(ifov))).to(u.km)


def _ifov_rad(ifov):
    return _ifov(ifov).to_value(u.rad)


def _distance_to_centre(size, pixels, ifov):
    # the other reading: the distance runs to Ceres' centre, one radius beyond the ground
    from ..facts import fact

    return _distance_for_pixels(size, pixels, ifov) + fact("ceres.radius")


def _distance_half_size(size, pixels, ifov):
    return _distance_for_pixels(size, pixels, ifov) / 2


def _distance_radius_taken_off(size, pixels, ifov):
    # Ceres' radius taken off: wrong under either reading
    from ..facts import fact

    return _distance_for_pixels(size, pixels, ifov) - fact("ceres.radius")


@dataclass(frozen=True)
class _EitherReading(Exercise):
    """An exercise with a second correct answer, ``also(**inputs)``, judged with the same tolerance."""

    also: Callable[..., Any] | None = None

    def check(self, answer: Any, **inputs: Any) -> CheckResult:
        result = super().check(answer, **inputs)
        if result.ok or self.also is None:
            return result
        try:
            other = self._compare(answer, self.also(**{**self.defaults, **inputs}), result.name)
        except Exception:
            return result
        if other.ok:
            return other
        # the second reading rounded to a whole count (22 for 21.6) is told it is close, as the first reading's
        # rounding is, unless a likely mistake already gave its own hint
        caught = any(m.hint in result.message for m in self.mistakes)
        try:
            rounded = float(answer) == round(float(self.also(**{**self.defaults, **inputs})))
        except Exception:  # a string, an array or a quantity: judged above
            rounded = False
        if rounded and not caught and "close" not in result.message:
            return CheckResult(
                "incorrect",
                f"That is not right. You are close: you may have rounded too much, so keep more significant "
                f"figures. Hint: {self.hint}",
                result.name,
            )
        return result


def _distance_for_facula(size, pixels, ifov):
    # the small facula's size in place of the whole crater's
    from ..facts import fact

    return _distance_for_pixels(fact("occator.cerealia_facula_size"), pixels, ifov)


# --- 06.2 · dilution ----------------------------------------------------------------------------
def _diluted(spot_albedo, background_albedo, spot_diameter, distance, ifov):
    return float(
        diluted_albedo(spot_albedo, background_albedo, spot_diameter, pixel_scale(distance, ifov)).to_value(u.one)
    )


def _fill(spot_diameter, distance, ifov, shape, cap=True):
    ratio = (require(spot_diameter, u.km, "spot_diameter") / pixel_scale(distance, ifov)).to_value(u.one)
    f = {"area": np.pi / 4 * ratio**2, "linear": ratio, "square": ratio**2, "radius-as-diameter": np.pi * ratio**2}[
        shape
    ]
    return min(1.0, f) if cap else f


def _mix(spot_albedo, background_albedo, f):
    a_s = require(spot_albedo, u.one, "spot_albedo").to_value(u.one)
    a_b = require(background_albedo, u.one, "background_albedo").to_value(u.one)
    return float(f * a_s + (1 - f) * a_b)


def _dilution_linear(spot_albedo, background_albedo, spot_diameter, distance, ifov):
    return _mix(spot_albedo, background_albedo, _fill(spot_diameter, distance, ifov, "linear"))


def _dilution_square(spot_albedo, background_albedo, spot_diameter, distance, ifov):
    return _mix(spot_albedo, background_albedo, _fill(spot_diameter, distance, ifov, "square"))


def _dilution_radius(spot_albedo, background_albedo, spot_diameter, distance, ifov):
    # written as a student would: pi D^2 / pixel^2, not capped at 1 (a cap would give the no-dilution value)
    return _mix(spot_albedo, background_albedo, _fill(spot_diameter, distance, ifov, "radius-as-diameter", cap=False))


def _no_dilution(spot_albedo, background_albedo, spot_diameter, distance, ifov):
    return float(require(spot_albedo, u.one, "spot_albedo").to_value(u.one))


def _no_background(spot_albedo, background_albedo, spot_diameter, distance, ifov):
    return float(
        _fill(spot_diameter, distance, ifov, "area") * require(spot_albedo, u.one, "spot_albedo").to_value(u.one)
    )


def _brightening(spot_albedo, background_albedo, spot_diameter, distance, far_distance, ifov):
    near = _diluted(spot_albedo, background_albedo, spot_diameter, distance, ifov)
    return near / _diluted(spot_albedo, background_albedo, spot_diameter, far_distance, ifov)


def _brightening_inverted(spot_albedo, background_albedo, spot_diameter, distance, far_distance, ifov):
    return 1 / _brightening(spot_albedo, background_albedo, spot_diameter, distance, far_distance, ifov)


def _brightening_increase(spot_albedo, background_albedo, spot_diameter, distance, far_distance, ifov):
    # near / far - 1: how much MORE the near pixel reads (1.02 read as "102 % brighter"), not how many times
    return _brightening(spot_albedo, background_albedo, spot_diameter, distance, far_distance, ifov) - 1


def _fill_ratio(spot_albedo, background_albedo, spot_diameter, distance, far_distance, ifov):
    near = _fill(spot_diameter, distance, ifov, "area")
    return near / _fill(spot_diameter, far_distance, ifov, "area")


def _distance_ratio(spot_albedo, background_albedo, spot_diameter, distance, far_distance, ifov):
    far = require(far_distance, u.km, "far_distance", positive=True)
    return float((far / require(distance, u.km, "distance", positive=True)).to_value(u.one))


def _distance_as_pixel(spot_albedo, background_albedo, spot_diameter, distance, far_distance, ifov):
    """diluted_albedo given the distance in place of the pixel's footprint: the spot vanishes, a ratio near 1."""

    def pixel(d):
        d = require(d, u.km, "distance", positive=True)
        size = require(spot_diameter, u.km, "spot_diameter", positive=True)
        return _mix(spot_albedo, background_albedo, min(1.0, float(np.pi * (size / 2 / d) ** 2)))

    return pixel(distance) / pixel(far_distance)


def _no_change(spot_albedo, background_albedo, spot_diameter, distance, far_distance, ifov):
    """Exactly 1: "the spot does not change, so the pixel does not brighten", the idea exercise 2 corrects."""
    return 1.0


def _near_pixel_alone(spot_albedo, background_albedo, spot_diameter, distance, far_distance, ifov):
    return _diluted(spot_albedo, background_albedo, spot_diameter, distance, ifov)


def _measured_with_blur(spot_albedo, background_albedo, spot_diameter, distance, far_distance, ifov):
    # the notebook's measurement with the camera's default blur left on (no psf_fwhm_px=0)
    from .. import imaging
    from ..facts import fact

    a_s = require(spot_albedo, u.one, "spot_albedo").to_value(u.one)
    a_b = require(background_albedo, u.one, "background_albedo").to_value(u.one)
    model = imaging.occator_model(a_b, a_s, fact("occator.diameter"), require(spot_diameter, u.km, "spot_diameter"))
    scene = imaging.make_scene(model)
    near, far = (imaging.camera_image(scene, d, ifov).signal.max() for d in (distance, far_distance))
    return float(near / far)


def _brightening_with_fill(
    shape, spot_albedo, background_albedo, spot_diameter, distance, far_distance, ifov, cap=False
):
    def pixel(d):
        return _mix(spot_albedo, background_albedo, _fill(spot_diameter, d, ifov, shape, cap=cap))

    return pixel(distance) / pixel(far_distance)


def _brightening_radius_as_diameter(spot_albedo, background_albedo, spot_diameter, distance, far_distance, ifov):
    # the diameter used as the radius: pi D^2 / pixel^2
    return _brightening_with_fill("radius-as-diameter", **locals())


def _brightening_radius_as_diameter_capped(spot_albedo, background_albedo, spot_diameter, distance, far_distance, ifov):
    # the same slip with the cap the notebook's formula asks for: f = min(1, pi D^2 / pixel^2)
    return _brightening_with_fill("radius-as-diameter", cap=True, **locals())


def _brightening_spot_fills_near(spot_albedo, background_albedo, spot_diameter, distance, far_distance, ifov):
    """A nearer view where the spot fills whole pixels (capture or "two spots", not OpNav 3): the near pixel
    shows the spot's own albedo."""
    return require(spot_albedo, u.one, "spot_albedo").to_value(u.one) / _diluted(
        spot_albedo, background_albedo, spot_diameter, far_distance, ifov
    )


def _brightening_square_spot(spot_albedo, background_albedo, spot_diameter, distance, far_distance, ifov):
    # pi dropped: a square spot D^2 / pixel^2
    return _brightening_with_fill("square", **locals())


def _near_against_ground(spot_albedo, background_albedo, spot_diameter, distance, far_distance, ifov):
    a_b = require(background_albedo, u.one, "background_albedo").to_value(u.one)
    return _diluted(spot_albedo, background_albedo, spot_diameter, distance, ifov) / a_b


def _full_contrast(spot_albedo, background_albedo, spot_diameter, distance, far_distance, ifov):
    # the facula's own albedo over the ground's: the contrast of a resolved spot, with no dilution
    a_s = require(spot_albedo, u.one, "spot_albedo").to_value(u.one)
    return a_s / require(background_albedo, u.one, "background_albedo").to_value(u.one)


# --- 06.4 · subsolar temperature ---------------------------------------------------------------
def _temperature(solar_constant, albedo, distance):
    return _subsolar_temperature(solar_constant, albedo, distance).to(u.K)


def _absorbed(solar_constant, albedo, distance, fraction=None):
    a = require(albedo, u.one, "albedo").to_value(u.one)
    return irradiance(solar_constant, distance) * ((1 - a) if fraction is None else fraction(a))


def _t_square_root(solar_constant, albedo, distance):
    return ((_absorbed(solar_constant, albedo, distance) / const.sigma_sb).to_value(u.K**4) ** 0.5) * u.K


def _t_square_root_kept_units(solar_constant, albedo, distance):
    """The square root with the units kept: K² (the fourth root's one step short)."""
    return ((_absorbed(solar_constant, albedo, distance) / const.sigma_sb) ** 0.5).to(u.K**2)


def _t_fourth_power(solar_constant, albedo, distance):
    """power / σ itself, in K⁴: the fourth root not taken."""
    return (_absorbed(solar_constant, albedo, distance) / const.sigma_sb).to(u.K**4)


def _t_reflected(solar_constant, albedo, distance):
    return ((_absorbed(solar_constant, albedo, distance, lambda a: a) / const.sigma_sb) ** 0.25).to(u.K)


def _t_ceres_albedo(solar_constant, albedo, distance):
    from ..facts import fact

    return _temperature(solar_constant, fact("ceres.albedo"), distance)


def _t_dark_ground_mean_distance(solar_constant, albedo, distance):
    # the dark ground's noon temperature at Ceres' mean distance, printed just before the exercise
    from ..facts import fact

    require(albedo, u.one, "albedo")
    return _temperature(solar_constant, fact("ceres.albedo"), fact("ceres.a"))


def _t_at_earth(solar_constant, albedo, distance):
    return _temperature(solar_constant, albedo, 1 * u.AU)


def _t_not_squared(solar_constant, albedo, distance):
    r = require(distance, u.AU, "distance", positive=True).to_value(u.AU)
    return _temperature(solar_constant, albedo, np.sqrt(r) * u.AU)


def _t_whole_body(solar_constant, albedo, distance):
    return _temperature(solar_constant, albedo, distance) / 4**0.25


def _t_mean_distance(solar_constant, albedo, distance):
    from ..facts import fact

    return _temperature(solar_constant, albedo, fact("ceres.a"))


def _t_mean_distance_rounded(solar_constant, albedo, distance):
    # the mean-distance value rounded to 10 K, as the sensitivity cell prints it
    return np.round(_t_mean_distance(solar_constant, albedo, distance).to_value(u.K), -1) * u.K


def _t_lower_albedo_mean_distance_rounded(solar_constant, albedo, distance):
    # the sensitivity cell's first line: the low end of the faculae's reported range, at the mean distance,
    # rounded to 10 K
    from ..facts import fact

    require(albedo, u.one, "albedo")
    darker = fact("occator.faculae_reflectance_low")
    return np.round(_temperature(solar_constant, darker, fact("ceres.a")).to_value(u.K), -1) * u.K


def _t_kelvin_as_celsius(solar_constant, albedo, distance):
    # the right number of kelvin, typed with the Celsius unit; the same temperature given in kelvin is the
    # kelvin value with 273 added (217 K + 273 = 490 K): the hint is worded by the answer's unit
    return _temperature(solar_constant, albedo, distance).to_value(u.K) * u.deg_C


def _t_celsius_as_kelvin(solar_constant, albedo, distance):
    # the right number of degrees Celsius (about -56), typed with the kelvin unit
    return _temperature(solar_constant, albedo, distance).to_value(u.deg_C, u.temperature()) * u.K


_KELVIN_AS_CELSIUS = (
    "Your number looks like kelvin, but you gave it the unit °C. Write it with `u.K` (or convert it to Celsius first)."
)
_KELVIN_PLUS_273 = (
    "Your number looks like a kelvin temperature with 273 added. The formula gives kelvin already "
    "(σ is in W m⁻² K⁻⁴): keep that number with `u.K`, or subtract 273.15 to get °C."
)


# --- 06.10 · the most ice sunlight can remove in a year -----------------------------------------
def _energy_limited_loss(solar_constant, albedo, distance, latent_heat, density, molar_mass=None):
    # every watt absorbed goes into sublimation: (1 - A) S (1 AU / r)**2 / (L rho), for one year
    absorbed = _absorbed(solar_constant, albedo, distance)
    L = require(latent_heat, u.J / u.kg, "latent_heat", positive=True)
    rho = require(density, u.kg / u.m**3, "density", positive=True)
    return (absorbed / (L * rho) * (1 * u.yr)).to(u.m)


def _loss_free_at_dry_temperature(solar_constant, albedo, distance, latent_heat, density, molar_mass=None):
    # the ice held at the dry ground's temperature, sublimating freely (no energy cost)
    if molar_mass is None:
        return None
    flux = sublimation_mass_flux(_temperature(solar_constant, albedo, distance), molar_mass)
    return (thickness_loss_rate(flux, density) * (1 * u.yr)).to(u.m)


def _loss_at_balance(solar_constant, albedo, distance, latent_heat, density, molar_mass=None):
    # the loss at the balanced (sublimation-cooled) noon temperature: below the bound
    if molar_mass is None:
        return None
    absorbed = _absorbed(solar_constant, albedo, distance)
    flux = sublimation_mass_flux(sublimation_balance_temperature(absorbed, molar_mass, latent_heat), molar_mass)
    return (thickness_loss_rate(flux, density) * (1 * u.yr)).to(u.m)


def _energy_all_sunlight(solar_constant, albedo, distance, latent_heat, density, molar_mass=None):
    return _energy_limited_loss(solar_constant, 0, distance, latent_heat, density)


def _energy_at_earth(solar_constant, albedo, distance, latent_heat, density, molar_mass=None):
    return _energy_limited_loss(solar_constant, albedo, 1 * u.AU, latent_heat, density)


def _energy_bare_ice(solar_constant, albedo, distance, latent_heat, density, molar_mass=None):
    from ..facts import fact

    return _energy_limited_loss(solar_constant, fact("albedo.bare_ice"), distance, latent_heat, density)


def _energy_rate_not_times_year(solar_constant, albedo, distance, latent_heat, density, molar_mass=None):
    return _energy_limited_loss(solar_constant, albedo, distance, latent_heat, density) / (1 * u.yr)


def _energy_rate_times_seconds(solar_constant, albedo, distance, latent_heat, density, molar_mass=None):
    # the rate in m / s times a year's seconds typed as a plain number: still a rate, in m / s
    rate = _energy_rate_not_times_year(solar_constant, albedo, distance, latent_heat, density).to(u.m / u.s)
    return rate * (1 * u.yr).to_value(u.s)


# --- 06.5 · how long would a pit full of ice last? ---------------------------------------------
def _lifetime(thickness, loss_rate, noon_loss_rate=None, bright_albedo=None, low_albedo=None, faculae_albedo=None):
    h = require(thickness, u.m, "thickness", positive=True)
    rate = require(loss_rate, u.m / u.yr, "loss_rate", positive=True)
    return (h / rate).to(u.yr)


def _lifetime_noon(thickness, loss_rate, noon_loss_rate=None, bright_albedo=None, low_albedo=None, faculae_albedo=None):
    if noon_loss_rate is None:
        return None
    return _lifetime(thickness, noon_loss_rate)


def _lifetime_rounded_rate(
    thickness, loss_rate, noon_loss_rate=None, bright_albedo=None, low_albedo=None, faculae_albedo=None
):
    # the day-averaged rate rounded to whole centimetres a year before dividing
    rate = require(loss_rate, u.m / u.yr, "loss_rate", positive=True)
    return _lifetime(thickness, max(round(rate.to_value(u.cm / u.yr)), 1) * u.cm / u.yr)


def _lifetime_noon_printed(
    thickness, loss_rate, noon_loss_rate=None, bright_albedo=None, low_albedo=None, faculae_albedo=None
):
    # the noon rate as the lesson prints it, rounded to whole centimetres a year (11 cm / yr)
    if noon_loss_rate is None:
        return None
    rate = require(noon_loss_rate, u.m / u.yr, "noon_loss_rate", positive=True)
    return _lifetime(thickness, max(round(rate.to_value(u.cm / u.yr)), 1) * u.cm / u.yr)


def _lifetime_km_over_m(
    thickness, loss_rate, noon_loss_rate=None, bright_albedo=None, low_albedo=None, faculae_albedo=None
):
    # the depth typed in km over the rate typed in m a year (0.5 / 0.018): 1,000 times too short
    return _lifetime(thickness, loss_rate) / 1000


def _lifetime_m_over_cm(
    thickness, loss_rate, noon_loss_rate=None, bright_albedo=None, low_albedo=None, faculae_albedo=None
):
    # the depth typed in m over the rate typed in cm a year (500 / 1.8): 100 times too short
    return _lifetime(thickness, loss_rate) / 100


def _lifetime_km_over_cm(
    thickness, loss_rate, noon_loss_rate=None, bright_albedo=None, low_albedo=None, faculae_albedo=None
):
    # the depth typed in km over the rate typed in cm a year (0.5 / 1.8): 100,000 times too short
    return _lifetime(thickness, loss_rate) / 100_000


def _lifetime_years_as_days(
    thickness, loss_rate, noon_loss_rate=None, bright_albedo=None, low_albedo=None, faculae_albedo=None
):
    # the right number of years given the unit u.day
    return (_lifetime(thickness, loss_rate).to_value(u.yr) * u.day).to(u.yr)


_MIXED_LENGTH_UNITS = (
    "Your number is too small by a whole factor of 100, 1,000 or more. Were the depth and the loss rate "
    "typed in different length units (km, m, cm), or a number read in thousands? Divide the quantities "
    "themselves, `pit_depth` by the day-averaged rate, and convert with `.to(u.yr)`."
)


def _activity_age(thickness, loss_rate, noon_loss_rate=None, bright_albedo=None, low_albedo=None, faculae_albedo=None):
    # the age printed as `activity_age`, pasted in place of the ice's lifetime
    from ..facts import fact

    return fact("occator.activity_start").to(u.yr)


def _young_deposits_age(
    thickness, loss_rate, noon_loss_rate=None, bright_albedo=None, low_albedo=None, faculae_albedo=None
):
    from ..facts import fact

    return fact("occator.young_deposits_age").to(u.yr)


def _loss_rate_from_facts(albedo_id, day_mean):
    # an ice surface's loss rate at Ceres' average distance, with the lesson's facts (for the likely slips)
    from .. import thermal
    from ..facts import fact

    albedo = fact(albedo_id) if isinstance(albedo_id, str) else albedo_id  # a fact's id or an albedo
    t = thermal._subsolar_temperature(fact("solar.tsi"), albedo, fact("ceres.a"))  # dry ground at noon
    water, latent = fact("water.molar_mass"), fact("ice.sublimation_latent_heat")
    if day_mean:
        flux = thermal.diurnal_mean_sublimation_flux(t, water, latent_heat=latent)
    else:
        flux = thermal.sublimation_mass_flux(
            thermal.sublimation_balance_temperature(const.sigma_sb * t**4, water, latent), water
        )
    return thermal.thickness_loss_rate(flux, fact("ice.density"))


def _lifetime_dusty_ice(
    thickness, loss_rate, noon_loss_rate=None, bright_albedo=None, low_albedo=None, faculae_albedo=None
):
    # Exercise 10's upper bound for dark, dusty ice (all noon sunlight spent on sublimation, all year)
    from ..facts import fact

    bound = _energy_limited_loss(
        fact("solar.tsi"),
        fact("ceres.albedo"),
        fact("ceres.a"),
        fact("ice.sublimation_latent_heat"),
        fact("ice.density"),
    )
    return _lifetime(thickness, bound / (1 * u.yr))


def _lifetime_faculae_ice(
    thickness, loss_rate, noon_loss_rate=None, bright_albedo=None, low_albedo=None, faculae_albedo=None
):
    # ice as bright as the faculae (the notebook's `faculae`, else the table's value), day-averaged
    albedo = "occator.faculae_albedo" if faculae_albedo is None else require(faculae_albedo, u.one, "faculae_albedo")
    return _lifetime(thickness, _loss_rate_from_facts(albedo, day_mean=True))


def _lifetime_brightest_faculae_ice(
    thickness, loss_rate, noon_loss_rate=None, bright_albedo=None, low_albedo=None, faculae_albedo=None
):
    # the lifetime printed later for ice at the top of the faculae's albedo range (`bright_albedo`)
    if bright_albedo is None:
        return None
    albedo = require(bright_albedo, u.one, "bright_albedo", positive=True)
    return _lifetime(thickness, _loss_rate_from_facts(albedo, day_mean=True))


def _lifetime_darkest_faculae_ice(
    thickness, loss_rate, noon_loss_rate=None, bright_albedo=None, low_albedo=None, faculae_albedo=None
):
    # the lifetime printed later for ice at the bottom of the faculae's albedo range (`low_albedo`)
    if low_albedo is None:
        return None
    albedo = require(low_albedo, u.one, "low_albedo", positive=True)
    return _lifetime(thickness, _loss_rate_from_facts(albedo, day_mean=True))


# --- 06.11 · the faculae against Ceres, at the low end of the faculae's range ---------------------
def _albedos(spot_albedo, background_albedo, spread, background_error=0):
    a_s = require(spot_albedo, u.one, "spot_albedo", positive=True).to_value(u.one)
    a_b = require(background_albedo, u.one, "background_albedo", positive=True).to_value(u.one)
    f = require(spread, u.one, "spread").to_value(u.one)
    if not 0 <= f < 1:
        raise ValueError(f"spread must be a fraction between 0 and 1; got {f:g}")
    err = require(background_error, u.one, "background_error", nonnegative=True).to_value(u.one)
    return a_s, a_b + err, f


def _ratio_error_ignored(spot_albedo, background_albedo, spread, background_error=0):
    return _ratio_low(spot_albedo, background_albedo, spread)


def _ratio_error_subtracted(spot_albedo, background_albedo, spread, background_error=0):
    err = require(background_error, u.one, "background_error", nonnegative=True).to_value(u.one)
    a_b = require(background_albedo, u.one, "background_albedo", positive=True).to_value(u.one)
    if err >= a_b:
        return None
    return _ratio_low(spot_albedo, a_b - err, spread)


def _ratio_low(spot_albedo, background_albedo, spread, background_error=0):
    a_s, a_b, f = _albedos(spot_albedo, background_albedo, spread, background_error)
    return (1 - f) * a_s / a_b


def _ratio_divided_by_spread(spot_albedo, background_albedo, spread, background_error=0):
    a_s, a_b, f = _albedos(spot_albedo, background_albedo, spread, background_error)
    return a_s / (1 + f) / a_b


def _ratio_as_read(spot_albedo, background_albedo, spread, background_error=0):
    a_s, a_b, _ = _albedos(spot_albedo, background_albedo, spread, background_error)
    return a_s / a_b


def _ratio_as_printed(spot_albedo, background_albedo, spread, background_error=0):
    a_s, a_b, _ = _albedos(spot_albedo, background_albedo, spread)  # Ceres' albedo as read, no uncertainty
    return a_s / a_b


def _ratio_high(spot_albedo, background_albedo, spread, background_error=0):
    a_s, a_b, f = _albedos(spot_albedo, background_albedo, spread, background_error)
    return (1 + f) * a_s / a_b


def _ratio_inverted(spot_albedo, background_albedo, spread, background_error=0):
    return 1 / _ratio_low(spot_albedo, background_albedo, spread, background_error)


def _low_albedo_only(spot_albedo, background_albedo, spread, background_error=0):
    a_s, _, f = _albedos(spot_albedo, background_albedo, spread, background_error)
    return (1 - f) * a_s


def _spread_subtracted(spot_albedo, background_albedo, spread, background_error=0):
    a_s, a_b, f = _albedos(spot_albedo, background_albedo, spread, background_error)
    return (a_s - f) / a_b


def _difference_low(spot_albedo, background_albedo, spread, background_error=0):
    a_s, a_b, f = _albedos(spot_albedo, background_albedo, spread, background_error)
    return (1 - f) * a_s - a_b


_EXERCISES = {
    "06.1": RoundedTooFar(
        title="Exercise 1 · a Lommel-Seeliger patch lit at {incidence} and seen at {emission}",
        solve=_lommel_seeliger,
        rtol=0.005,  # three figures (0.119 for 0.1186); 0.12 or 0.1 are told to keep three
        figures=2,
        band=0.2,
        keep="three significant figures",
        hint="μ₀ is the cosine of the Sun's angle from the vertical (incidence), μ the cosine of the "
        "camera's (emission); the Lommel-Seeliger law is I/F = A · 2μ₀ / (μ₀ + μ).",
        mistakes=(
            Mistake(
                _lommel_seeliger_cut,
                "If your method is right, you cut the value off after three figures: round it instead "
                "(look at the fourth figure).",
                rtol=1e-9,
                method_right=True,
            ),
            Mistake(
                _lambert_instead,
                "That is Lambert's law (A μ₀), the matte surface. The lesson asks "
                "for the law of a dark, porous surface, which also depends on μ.",
            ),
            Mistake(
                _angles_swapped,
                "Check which angle belongs to the Sun: μ₀ (in the numerator) is the "
                "cosine of the incidence angle, μ that of the emission angle.",
            ),
            Mistake(
                _degrees_read_as_radians,
                "np.cos read your angles as radians: 60 radians is not 60°. "
                "Use `incidence` and `emission` as they are (they carry "
                "degrees), or convert plain numbers with np.radians first.",
            ),
            Mistake(
                _factor_two_lost,
                "Your value is half of the law's: keep the factor 2 that makes a "
                "patch lit and seen face-on show exactly A.",
            ),
            Mistake(
                _albedo_alone,
                "That is the albedo alone, the face-on value (Sun and camera overhead). Here the Sun and the "
                "camera are at angles, and the angles change it: multiply by the law's angle factor.",
            ),
            Mistake(
                _albedo_left_out,
                "You left out the albedo A: the law's angle factor 2μ₀ / (μ₀ + μ) multiplies Ceres' albedo "
                "(`ceres_albedo`).",
            ),
        ),
    ),
    "06.7": RoundedTooFar(
        title="Exercise 7 · limb against centre on a rendered {law} sphere at phase {phase:.0f}",
        solve=_limb_to_centre,
        rtol=0.005,  # three figures: 0.446 passes, 0.45 and 0.44 are told to keep three
        # two figures or fewer, rounded or cut off (0.446 written 0.44), is told to keep three, not to render again
        figures=2,
        cut=True,
        keep="three significant figures",
        hint="Render the smooth model with imaging.render_sphere at this exercise's inputs (size, phase and law, "
        "with Occator's latitude as in the example above), take the row of pixels through the middle, and "
        "divide the value at the limb column by the value at the centre column.",
        mistakes=(
            Mistake(
                _limb_to_centre_other_law,
                "That is the ratio for the other law (1 would be an evenly bright disc). Render the sphere with "
                "law=law_7 and measure the centre and the limb.",
            ),
            Mistake(
                _limb_to_centre_figure_phase,
                "You rendered at the figure's phase angle, 20°. This exercise's phase is `phase_7`: pass it to "
                "imaging.render_sphere in place of the figure's `phase`.",
            ),
            Mistake(
                _limb_to_centre_figure_size,
                "You rendered with the figure's 300 pixels. Use `n_7` pixels, and take the middle row `n_7 // 2` "
                "and the centre column `n_7 // 2` of that image.",
            ),
            # a neighbouring column lies within 0.5 % of the textured model's value: each is told only
            # when the answer is that close to it (a computed ratio is exact)
            Mistake(_limb_to_centre_next_column, _NEIGHBOUR_COLUMN, rtol=0.002),
            Mistake(_limb_to_centre_previous_column, _NEIGHBOUR_COLUMN, rtol=0.002),
            Mistake(
                _limb_to_centre_textured,
                "That is the ratio on `occator`, the model with its faint invented texture, which shifts "
                "single pixels by a few per cent. Render `smooth` instead.",
            ),
            # before the facula's hint: with these inputs the first column's ratio lies 0.6 % from it
            Mistake(
                _limb_to_centre_edge_column,
                "That is the ratio at the image's first column, column 0. The limb pixel the exercise means is "
                "the one in column `limb_col` of the middle row.",
                rtol=0.002,
            ),
            Mistake(
                _limb_to_centre_facula_centred,
                "Your centre pixel is on the bright facula, so the ratio comes out far too small. Render with "
                "occator_latitude=20 * u.deg, as above, so that Occator sits above the middle row.",
            ),
            Mistake(
                _limb_to_centre_swapped,
                "That is the pixel in row `limb_col` of the middle column, near the top limb: `image[row, column]` "
                "takes the row first. Use the middle row, `n_7 // 2`, and the column `limb_col`.",
            ),
            Mistake(
                _centre_to_limb,
                "That is the centre over the limb. Put the limb pixel on top: limb / centre.",
            ),
            Mistake(
                _limb_value_alone,
                "That is the limb pixel's I/F itself. Divide it by the I/F of the centre pixel of the same row.",
            ),
        ),
    ),
    "06.9": _EitherReading(
        title="Exercise 9 · from how far does Occator span {pixels:.0f} pixels?",
        solve=_distance_for_pixels,
        # the camera-to-ground distance passes, and so does the distance to Ceres' centre (one radius farther):
        # the sources do not say which an approach distance means. Each reading has its own 0.5 % window; the
        # radius taken off (wrong either way) gets its hint within 0.2 %; the camera widget's slider leaves out
        # every stop near a reading or a mistake (utils.camera.stops_clear_of; a test checks each).
        also=_distance_to_centre,
        rtol=0.005,
        hint="One pixel covers distance × IFOV on the ground, with the IFOV in radians (ifov.to_value(u.rad)). "
        "The crater spans `pixels_9` such pixels: solve size = pixels × distance × IFOV for the distance.",
        mistakes=(
            Mistake(
                _distance_half_size,
                "That distance makes half the crater span the pixels: the size given is a diameter, the whole width.",
            ),
            Mistake(
                _distance_radius_taken_off,
                "You took Ceres' radius off the distance. The camera-to-ground distance is the answer (or, read "
                "the other way, the distance to Ceres' centre, one radius farther): never nearer.",
                rtol=0.002,  # the hint says where the number came from: a nearby guess is not told so
            ),
            Mistake(
                _distance_for_facula,
                "That is the distance for the small central facula. The question is about the whole crater: use "
                "its diameter, `crater_size`.",
            ),
        ),
    ),
    "06.2": RoundedTooFar(
        title="Exercise 2 · how much brighter does the spot's pixel look from {distance:,.0f} than from "
        "{far_distance:,.0f}?",
        solve=_brightening,
        # 0.5 %: the formula (2.02) and the model camera's measurement (2.017) pass; the question asks for three
        # figures, since a rounded 2 (1 % off) would also be every bare "2" a student can read in the lesson
        rtol=0.005,
        band=0.015,  # 2.0 (1.0 % off), the two-figure rounding, is told to keep more figures; 2.05, 1.9, 2.1 are not
        hint="For each distance: find the pixel's ground size, then the fraction f of its AREA the round spot "
        "covers (π r² / pixel²); the pixel shows f × A_spot + (1 − f) × A_background. Then divide the near "
        "value by the far one.",
        mistakes=(
            Mistake(
                _brightening_inverted,
                "That is the far pixel over the near one. The question asks how many times brighter the "
                "pixel looks from closer: near value on top.",
            ),
            Mistake(
                _brightening_increase,
                "That looks like the increase: how much MORE the near pixel reads, as a fraction of the far "
                "one. The question asks how many times brighter: the near value divided by the far one, with "
                "nothing taken away.",
            ),
            Mistake(
                _fill_ratio,
                "That is how much more of the pixel the spot fills, (far / near)². The pixel also holds dark "
                "ground, which reflects too: compare the whole pixel's albedo, f × A_spot + (1 − f) × A_ground.",
            ),
            Mistake(
                _full_contrast,
                "That is the facula's full contrast with the ground, as if it filled whole pixels. From both "
                "distances it was smaller than a pixel, so each pixel mixes it with dark ground: use the fill "
                "fractions.",
            ),
            Mistake(
                _distance_ratio,
                "That is the ratio of the distances. The pixel averages over its area: work out the pixel's "
                "albedo at each distance, then divide.",
            ),
            Mistake(
                _no_change,
                "A ratio of 1 says the pixel looks just as bright from both distances. The spot does not change, "
                "but the pixel's footprint on the ground does: from nearer the spot fills more of the pixel, so "
                "less dark ground is mixed in. Work out the pixel's albedo at each distance, then divide.",
                rtol=1e-9,
            ),
            Mistake(
                _distance_as_pixel,
                "A ratio of about 1 often comes from a slip: the distance passed where the pixel's footprint "
                "goes, or lengths in different units compared as plain numbers (.value of a length in m against "
                "one in km, or of the IFOV in µrad). Pass the pixel's ground size at each distance, "
                "`pixel_scale(d, ifov)` (d × IFOV), with its unit.",
            ),
            Mistake(
                _near_pixel_alone,
                "That is the pixel's albedo from the nearer distance alone. Work it out from the farther "
                "distance too, and divide.",
            ),
            Mistake(
                _measured_with_blur,
                "That is the measurement with the camera's blur left on, which spreads the spot's light into "
                "neighbouring pixels (a reading off the widget is blurred too). Use the dilution formula, or pass "
                "`psf_fwhm_px=0` to `imaging.camera_image` at both distances.",
                rtol=0.01,
            ),
            Mistake(
                _brightening_spot_fills_near,
                "From that nearer view the spot fills whole pixels, so its pixel shows the spot's own albedo. The "
                "exercise's nearer view is OpNav 3 (`distance_2`), where the spot is still smaller than a pixel.",
                rtol=0.001,
            ),
            Mistake(
                _brightening_radius_as_diameter,
                "You used the spot's diameter as its radius (π D² / pixel²), which makes the spot four times "
                "too big. `facula_size` is a diameter: the radius is half of it, so f = π (D/2)² / pixel².",
                rtol=0.002,
            ),
            Mistake(
                _brightening_radius_as_diameter_capped,
                "You used the spot's diameter as its radius (π D² / pixel², capped at a full pixel), which makes "
                "the spot four times too big. `facula_size` is a diameter: the radius is half of it, so "
                "f = π (D/2)² / pixel², at most 1.",
                rtol=0.002,
            ),
            Mistake(
                _brightening_square_spot,
                "You took the covered area as D² / pixel², as if the spot were a square. The spot is round: "
                "its area is π (D/2)², so f = π (D/2)² / pixel².",
            ),
            Mistake(
                _near_against_ground,
                "That compares the nearer pixel with Ceres' ground. The question compares the same pixel "
                "seen from two distances: divide by the far pixel's albedo.",
            ),
        ),
    ),
    "06.4": RoundedTooFar(
        title="Exercise 4 · the noon temperature of a bright patch {distance:.2f} from the Sun",
        solve=_temperature,
        rtol=0.005,  # 3 significant figures pass, as the question asks; the patch at Ceres' mean distance is 4 % colder
        band=0.02,  # 220 K or -60 °C (two figures): told to keep three; an emissivity of 0.9 (2.7 % off) is not
        keep="three figures, as the question asks",
        hint="Scale the solar constant by (1 AU / r)², keep the fraction (1 − A) that is absorbed, "
        "and solve σT⁴ = absorbed power for T (use astropy.constants.sigma_sb). Any temperature "
        "unit is fine.",
        mistakes=(
            Mistake(
                _t_mean_distance,
                "That is the temperature at Ceres' average distance. This exercise "
                "puts the patch at the distance given in `distance_4` (perihelion).",
            ),
            Mistake(
                _t_mean_distance_rounded,
                "That looks like the temperature at Ceres' average distance. This exercise puts the patch at "
                "the distance given in `distance_4` (perihelion).",
            ),
            Mistake(
                _t_lower_albedo_mean_distance_rounded,
                "If you rounded your own result, keep three figures. If you took it from a printout, "
                "that line is another case: a darker patch at Ceres' average distance. Compute it for the "
                "albedo `faculae` at the perihelion distance `distance_4`.",
                copied=True,
                rtol=0.002,  # only the printed 220 K (or -53 °C): 219 K is not a rounding of anything printed
            ),
            Mistake(
                _t_dark_ground_mean_distance,
                "That is the dark ground's noon temperature at Ceres' average distance, printed above the "
                "exercise. Compute it for the bright patch's albedo, `faculae`, at the perihelion distance "
                "`distance_4`.",
                copied=True,
                rtol=0.005,
            ),
            Mistake(_t_kelvin_as_celsius, _KELVIN_PLUS_273, unit_hints={"deg_C": _KELVIN_AS_CELSIUS}),
            Mistake(
                _t_celsius_as_kelvin,
                "Your number looks like degrees Celsius, but you gave it the unit K. Write it with `u.deg_C`, "
                "or keep the kelvin value the formula gives.",
            ),
            Mistake(_t_square_root, "σT⁴ = power: T is the FOURTH root of (power / σ), not the square root."),
            Mistake(
                _t_square_root_kept_units,
                "σT⁴ = power: T is the FOURTH root of (power / σ), `** 0.25`, not the square root (K² is the sign).",
            ),
            Mistake(
                _t_fourth_power,
                "Your answer is in K⁴: that is T⁴. σT⁴ = power, so take the fourth root of power / σ, "
                "`** 0.25`, to get T.",
                rtol=0.9,  # any K⁴ answer lacks the fourth root; within this window the hint names that step
            ),
            Mistake(
                _t_reflected,
                "The albedo is the fraction REFLECTED; the ground is warmed by the fraction absorbed, 1 − A. "
                "Check too that you used the albedo `faculae` itself, not another value from the albedo section.",
            ),
            Mistake(
                _t_ceres_albedo,
                "That albedo is the dark ground's (Ceres' average). The bright patch reflects far more, so it "
                "absorbs less: use the faculae's albedo, `faculae`.",
            ),
            Mistake(_t_at_earth, "Sunlight at Ceres is weaker than at Earth: scale the solar constant by (1 AU / r)²."),
            Mistake(
                _t_not_squared,
                "Sunlight weakens with the SQUARE of the distance from the Sun.",
                # three figures of this slip pass; 273 K or 0 °C (the melting point, a guess) lie 0.5 % away
                rtol=0.002,
            ),
            Mistake(
                _t_whole_body,
                "That is the whole-body temperature of an evenly warmed sphere (sunlight spread "
                "over 4πR²). The question is about the point with the Sun overhead.",
            ),
        ),
    ),
    "06.10": Exercise(
        title="Exercise 10 · the most ice sunlight can remove in a year at {distance:.2f} from the Sun",
        solve=_energy_limited_loss,
        rtol=0.01,  # three figures, as the question asks: a rounded 2 m would be every bare "2" in the lesson
        hint="Absorbed power per m² is (1 − A) S (1 AU / r)²; dividing by the latent heat gives kg per m² per "
        "second; divide by the density of ice and multiply by one year.",
        mistakes=(
            Mistake(
                _loss_free_at_dry_temperature,
                "That holds the ice at the dry ground's temperature: sublimating that fast would take far more "
                "energy than the Sun delivers. Spend the absorbed sunlight on sublimation instead.",
            ),
            Mistake(
                _loss_at_balance,
                "That is the loss at the balanced temperature, where part of the sunlight is radiated. The "
                "question asks for the upper bound: all the absorbed sunlight goes into sublimation.",
            ),
            Mistake(_energy_all_sunlight, "Ground of albedo A reflects that fraction: only 1 − A is absorbed."),
            Mistake(
                _energy_at_earth, "That is sunlight at Earth's distance: scale it by (1 AU / r)² for Ceres' distance."
            ),
            Mistake(
                _energy_bare_ice,
                "That is bright, bare ice. Dusty ice is as dark as Ceres: use the albedo given in the exercise.",
            ),
            Mistake(
                _energy_rate_not_times_year,
                "That is a rate (a length per unit time). The question asks for the thickness lost in one "
                "year: multiply the rate by one year (1 * u.yr) to get a length.",
            ),
            Mistake(
                _energy_rate_times_seconds,
                "You multiplied by the seconds in a year as a plain number, which carries no unit, so the answer "
                "is still a rate (m / s). Multiply by `1 * u.yr` instead.",
            ),
        ),
    ),
    "06.5": RoundedTooFar(
        title="Exercise 5 · how long would a pit full of ice last?",
        solve=_lifetime,
        # about half a unit in the second figure asked for (28,368 yr: 28,000 passes, 27,000 and 29,000 do
        # not); the rate as printed, 1.8 cm a year, gives 27,778 yr (2.1 % low) and passes
        rtol=0.021,
        band=0.12,  # the question asks for two figures: 30,000 yr (6 % high) is told to keep more figures
        hint="A layer of thickness h lowered by v per year lasts h / v years.",
        mistakes=(
            Mistake(
                _lifetime_noon,
                "You used the loss rate at noon. Over a whole day the Sun rises and "
                "sets: use the rate averaged over Ceres' day.",
            ),
            Mistake(
                _lifetime_rounded_rate,
                "Close, but you used a rounded rate. Use the variable `ice_loss_mean` itself, not a number "
                "typed from the printout.",
            ),
            Mistake(
                _activity_age,
                "That is the deposits' age (`activity_age`). The question asks how long the ice would last: "
                "divide the pit's depth by the yearly loss.",
            ),
            Mistake(
                _young_deposits_age,
                "That is an age of the deposits (`young_age`). The question asks how long the ice would last: "
                "divide the pit's depth by the yearly loss.",
            ),
            Mistake(
                _lifetime_dusty_ice,
                "That is the lifetime at Exercise 10's rate for dark, dusty ice held at noon all year. This pit "
                "is filled with bare ice: use its day-averaged rate, `ice_loss_mean`.",
            ),
            Mistake(
                _lifetime_faculae_ice,
                "That is ice as bright as the faculae. The pit here is filled with bare ice (as bright as bare "
                "sea ice): use `ice_loss_mean`, the rate printed for bare ice.",
                # the lesson prints this lifetime; 1 %, so that the noon rate as printed (4,500 for 4,545 yr,
                # 1.8 % from it) gets the noon hint below instead
                rtol=0.01,
                copied=True,
            ),
            Mistake(
                _lifetime_brightest_faculae_ice,
                "That is ice as bright as the faculae's brightest centre (`faculae_high`). The pit here is "
                "filled with bare ice: use `ice_loss_mean`, the rate printed for bare ice.",
            ),
            Mistake(
                _lifetime_darkest_faculae_ice,
                "That is ice as dark as the low end of the faculae's range (`faculae_low`). The pit here is "
                "filled with bare ice: use `ice_loss_mean`, the rate printed for bare ice.",
            ),
            Mistake(_lifetime_km_over_m, _MIXED_LENGTH_UNITS),
            Mistake(_lifetime_m_over_cm, _MIXED_LENGTH_UNITS),
            Mistake(_lifetime_km_over_cm, _MIXED_LENGTH_UNITS),
            Mistake(
                _lifetime_years_as_days,
                "Your number would be right in years, but you gave it in days. The loss rate is per year: "
                "give the lifetime in years (`u.yr`), or convert with `.to(u.yr)`.",
            ),
            Mistake(
                _lifetime_noon_printed,  # after the faculae's lifetime, which lies 3 % from it and is printed
                "You used the loss rate at noon. Over a whole day the Sun rises and "
                "sets: use the rate averaged over Ceres' day.",
            ),
        ),
    ),
    "06.11": Exercise(
        title="Exercise 11 · the faculae against Ceres, at the least favourable end ({spread:.0%} lower, "
        "Ceres off by {background_error:.3f})",
        solve=_ratio_low,
        rtol=0.01,  # 3 significant figures pass; leaving Ceres' uncertainty out gives a ratio 3 % higher
        hint="The contrast is least with the faculae darkest and Ceres brightest: multiply the faculae's albedo "
        "by 1 − spread and divide by Ceres' albedo moved by its uncertainty in that direction.",
        mistakes=(
            Mistake(
                _spread_subtracted,
                "`spread` is a fraction of the faculae's albedo, not an albedo: subtracting it takes off far too "
                "much. A fraction `spread` lower means `(1 - spread) * faculae`.",
            ),
            Mistake(
                _ratio_error_ignored,
                "You left Ceres' albedo as read. In the least favourable case Ceres is brighter by its "
                "uncertainty: add `ceres_error` to it before dividing.",
            ),
            Mistake(
                _ratio_divided_by_spread,
                "Check two steps. A fraction `spread` lower means multiplying the faculae's albedo by "
                "(1 − spread); dividing by (1 + spread) lowers it by less. And the least favourable case "
                "raises Ceres' albedo by its uncertainty (add `ceres_error`), it does not lower it.",
            ),
            Mistake(
                _ratio_error_subtracted,
                "You made Ceres darker, which makes the faculae look even brighter against it. The least "
                "favourable case raises Ceres' albedo by its uncertainty.",
            ),
            Mistake(
                _ratio_as_read,
                "That keeps the faculae's albedo as read. The question asks for the low end of its range: "
                "lower it by `spread` first.",
            ),
            Mistake(
                _ratio_as_printed,
                "That is the ratio of the two albedos as read. The question asks for the least favourable case: "
                "lower the faculae's albedo by `spread` and raise Ceres' by `ceres_error` first.",
            ),
            Mistake(
                _ratio_high,
                "That is the high end of the range. Lower the faculae's albedo by `spread`, do not raise it.",
            ),
            Mistake(
                _ratio_inverted,
                "The answer is a number of times, larger than 1: divide the "
                "faculae's lowered albedo BY Ceres' albedo (faculae on top).",
            ),
            Mistake(
                _low_albedo_only,
                "That is the faculae's lowered albedo itself. The question asks how "
                "many times Ceres' albedo it is: divide by Ceres' raised albedo.",
            ),
            Mistake(
                _difference_low, "That is a difference of albedos. The question asks how many TIMES brighter: divide."
            ),
        ),
    ),
}

#: Written questions (no self-check): model answers and rubrics are on the instructor page.
WRITTEN = {
    "06.8": "Exercise 8 · why do the two laws part near the limb?",
    "06.3": "Exercise 3 · a lamp, or a patch lit by the Sun?",
    "06.6": "Exercise 6 · ice or salt, and how did the answer change?",
}
