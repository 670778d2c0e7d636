"""Exercises of 06 · The bright spots: why they looked like lights.

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

from ..camera import _ifov, pixel_scale
from ..checks import CheckResult, Exercise, Mistake, RoundedTooFar
from ..photometry import _lambert, diluted_albedo
from ..photometry import _lommel_seeliger as _ls_law
from ..units import require


# --- 06.1 · the faculae against Ceres, at the low end of the faculae's range ---------------------
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


def _ratio_divided_by_spread_error_subtracted(spot_albedo, background_albedo, spread, background_error=0):
    a_s, _, f = _albedos(spot_albedo, background_albedo, spread, background_error)
    err = require(background_error, u.one, "background_error", nonnegative=True).to_value(u.one)
    a_b = require(background_albedo, u.one, "background_albedo", positive=True).to_value(u.one)
    if err >= a_b:
        return None
    return a_s / (1 + f) / (a_b - err)


def _high_end(spot_albedo, background_albedo, spread, background_error=0):
    """The bright centre's value (`faculae_high`) over Ceres raised by its uncertainty: the wrong end of the range."""
    from ..facts import fact

    _, a_b, _ = _albedos(spot_albedo, background_albedo, spread, background_error)
    return fact("occator.faculae_reflectance_centre").to_value(u.one) / a_b


def _high_end_as_read(spot_albedo, background_albedo, spread, background_error=0):
    """`faculae_high` over Ceres' albedo as read."""
    from ..facts import fact

    _, a_b, _ = _albedos(spot_albedo, background_albedo, spread)
    return fact("occator.faculae_reflectance_centre").to_value(u.one) / a_b


def _ratio_increase(spot_albedo, background_albedo, spread, background_error=0):
    """ratio - 1: how much MORE the faculae reflect, as a fraction of Ceres (1.69 read as "169 % brighter")."""
    return _ratio_low(spot_albedo, background_albedo, spread, background_error) - 1


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


# --- 06.2 · the Lommel-Seeliger law at one point --------------------------------------------
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


# --- 06.3 · dilution ----------------------------------------------------------------------------
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
    """Exactly 1: "the spot does not change, so the pixel does not brighten", the idea exercise 3 corrects."""
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


# --- 06.5 · a rendered sphere: limb against centre ---------------------------------------------
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


# the two laws' figure renders at these; Exercise 5 tells students to write its call "as in the figure's cell"
_FIGURE_PHASE = 20 * u.deg
_FIGURE_PIXELS = 300


def _limb_to_centre_figure_phase(model, radius, phase, law, n_px, column):
    """The figure's phase angle copied in place of ``phase_5``."""
    return _limb_to_centre(model, radius, _FIGURE_PHASE, law, n_px, column)


def _limb_to_centre_figure_size(model, radius, phase, law, n_px, column):
    """The figure's image size copied in place of ``n_5``: its middle row (150) and the column ``limb_col``."""
    return _limb_to_centre(model, radius, phase, law, _FIGURE_PIXELS, column)


_NEIGHBOUR_COLUMN = (
    "That is the ratio in a column next to `limb_col`. Columns count from 0 at the left edge: take "
    "`image[n_5 // 2, limb_col]` itself."
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


# --- 06.7 · the distance from which a feature spans a number of pixels -------------------------
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


_EXERCISES = {
    "06.1": RoundedTooFar(
        title="Exercise 1 · the faculae against Ceres, at the least favourable end ({spread:.0%} lower, "
        "Ceres off by {background_error:.3f})",
        solve=_ratio_low,
        rtol=0.01,  # 3 significant figures pass; leaving Ceres' uncertainty out gives a ratio 3 % higher
        # the ratio rounded to one figure (3 for 2.69, 12 % off) is told to keep more figures, as in 06.2, 06.3
        # and 06.7; only exact roundings count, so 2.78 (Ceres' uncertainty left out) keeps its own hint
        figures=2,
        band=0.15,
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
                "A fraction `spread` lower means multiplying the faculae's albedo by (1 − spread); dividing by "
                "(1 + spread) lowers it by less.",
            ),
            Mistake(
                _ratio_divided_by_spread_error_subtracted,
                "Check two steps. A fraction `spread` lower means multiplying the faculae's albedo by "
                "(1 − spread); dividing by (1 + spread) lowers it by less. And the least favourable case "
                "raises Ceres' albedo by its uncertainty (add `ceres_error`), it does not lower it.",
            ),
            Mistake(
                _high_end,
                "That takes the faculae at the high end of their range, `faculae_high` (the bright centre). "
                "The least favourable case takes them at their darkest: the low end, `faculae_low`.",
            ),
            Mistake(
                _high_end_as_read,
                "Check two steps. That takes the faculae at the high end of their range, `faculae_high` (the "
                "bright centre): the least favourable case takes them at their darkest, `faculae_low`. And "
                "it raises Ceres' albedo by its uncertainty (add `ceres_error`).",
            ),
            Mistake(
                _ratio_increase,
                "That looks like the increase: how much MORE the faculae reflect, as a fraction of Ceres' "
                "albedo. The question asks how many times: the faculae's albedo divided by Ceres', with "
                "nothing taken away.",
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
    "06.2": RoundedTooFar(
        title="Exercise 2 · a Lommel-Seeliger patch lit at {incidence} and seen at {emission}",
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
                "If your method is right, one of two slips gave this value: you cut the answer off after "
                "three figures (round it instead: look at the fourth figure), or you rounded a value on the way, "
                "such as μ₀ or μ: keep those unrounded and round only the final answer.",
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
    "06.3": RoundedTooFar(
        title="Exercise 3 · how much brighter does the spot's pixel look from {distance:,.0f} than from "
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
                rtol=1e-15,  # exactly 1 only: a ratio a hair above 1 is a unit slip, the next hint
            ),
            Mistake(
                _distance_as_pixel,
                "A ratio of about 1 often comes from a slip: the distance passed where the pixel's footprint "
                "goes, or lengths in different units compared as plain numbers (.value of a length in m against "
                "one in km, or `ifov.value`, the IFOV in µrad used as radians). Pass the pixel's ground size "
                "at each distance, `pixel_scale(d, ifov)` (d × IFOV), with its unit.",
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
                "exercise's nearer view is OpNav 3 (`distance_3`), where the spot is still smaller than a pixel.",
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
    "06.5": RoundedTooFar(
        title="Exercise 5 · limb against centre on a rendered {law} sphere at phase {phase:.0f}",
        solve=_limb_to_centre,
        rtol=0.005,  # three figures: 0.446 passes, 0.45 and 0.44 are told to keep three
        # two figures or fewer, rounded or cut off (0.446 written 0.44, or 0.4), is told to keep three, not to
        # render again; only exact roundings or cuts of the right ratio count, so the band can reach one figure
        figures=2,
        cut=True,
        band=0.15,
        keep="three significant figures",
        hint="Render the smooth model with imaging.render_sphere at this exercise's inputs (size, phase and law, "
        "with Occator's latitude as in the example above), take the row of pixels through the middle, and "
        "divide the value at the limb column by the value at the centre column.",
        mistakes=(
            Mistake(
                _limb_to_centre_other_law,
                "That looks like the other law's ratio. Render the sphere with law=law_5 and measure the "
                "centre and the limb.",
            ),
            Mistake(
                _limb_to_centre_figure_phase,
                "You rendered at the figure's phase angle, 20°. This exercise's phase is `phase_5`: pass it to "
                "imaging.render_sphere in place of the figure's `phase`.",
            ),
            Mistake(
                _limb_to_centre_figure_size,
                "You rendered with the figure's 300 pixels. Use `n_5` pixels, and take the middle row `n_5 // 2` "
                "and the centre column `n_5 // 2` of that image.",
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
                "takes the row first. Use the middle row, `n_5 // 2`, and the column `limb_col`.",
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
    "06.7": _EitherReading(
        title="Exercise 7 · from how far does Occator span {pixels:.0f} pixels?",
        solve=_distance_for_pixels,
        # the camera-to-ground distance passes, and so does the distance to Ceres' centre (one radius farther):
        # the sources do not say which an approach distance means. Each reading has its own 0.5 % window; the
        # radius taken off (wrong either way) gets its hint within 0.2 %; the camera widget's slider leaves out
        # every stop near a reading or a mistake (utils.camera.stops_clear_of; a test checks each).
        also=_distance_to_centre,
        rtol=0.005,
        hint="One pixel covers distance × IFOV on the ground, with the IFOV in radians (ifov.to_value(u.rad)). "
        "The crater spans `pixels_7` such pixels: solve size = pixels × distance × IFOV for the distance.",
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
}

#: Written questions (no self-check): model answers and rubrics are on the instructor page.
WRITTEN = {
    "06.4": "Exercise 4 · a lamp, or a patch lit by the Sun?",
    "06.6": "Exercise 6 · the two laws at phase 60°",
}
