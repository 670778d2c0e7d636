"""Lesson 07's Explore figure: how long a pit of exposed ice would last, against the ice's albedo.

The figure is built once, with every curve it can show; :meth:`IceLifeExplorer.update` only moves its curve,
marker and texts.  The physics is :mod:`utils.thermal`'s: the sunlight the ice absorbs sets its day-averaged
sublimation, at the ice's own temperature (cooled by sublimating), and the pit's depth over that rate is its ice's
lifetime. The dry (salt) ground's noon temperature is used only for the alt text and for the 110 K limit of the
vapour-pressure law.
"""

from __future__ import annotations

import astropy.units as u
import numpy as np
from astropy import constants as const

from .style import OTHER_COLOURS, FastFigure
from .thermal import MURPHY_KOOP_TMIN, diurnal_mean_sublimation_flux, irradiance, thickness_loss_rate
from .units import albedo as _albedo
from .units import require

__all__ = ["IceLifeExplorer"]

_NOT_ASKED = object()  # reading_feedback / reading_ok called without a lifetime: the albedo alone is judged


def _noon_temperature(solar_constant: u.Quantity, albedo, distance: u.Quantity) -> u.Quantity:
    """The dry ground's subsolar (noon) temperature: absorbed sunlight radiated as sigma T^4."""
    return ((irradiance(solar_constant, distance) * (1 - np.asarray(albedo)) / const.sigma_sb) ** (1 / 4)).to(u.K)


def _pit_lifetime(albedos, distance, solar_constant, depth, molar_mass, density, latent_heat) -> np.ndarray:
    """Years a pit full of dust-free ice of each albedo would last at ``distance`` (day-averaged loss); inf if none."""
    sunlight = irradiance(solar_constant, distance)
    fluxes = [  # each albedo's noon absorbed sunlight, spread over the day by the function
        diurnal_mean_sublimation_flux(sunlight * (1 - a), molar_mass, latent_heat=latent_heat)
        for a in np.atleast_1d(albedos)
    ]
    with np.errstate(divide="ignore"):  # very bright, cold ice: a flux of 0 is an endless lifetime
        return (depth / thickness_loss_rate(u.Quantity(fluxes), density)).to_value(u.yr)


class IceLifeExplorer:
    """The figure of lesson 07's widget: a pit's ice lifetime against albedo, at one distance from the Sun.

    Parameters
    ----------
    solar_constant : Quantity
        Sunlight at 1 AU (W / m2).
    depth : Quantity
        Depth of the pit full of ice (length).
    molar_mass, density, latent_heat : Quantity
        Water's molar mass, the ice's density and its latent heat of sublimation.
    activity_age, young_age : Quantity
        The deposits' ages (time), drawn as horizontal lines.
    faculae_low, faculae_high : float
        The faculae's albedo range, shaded.
    albedo_stops : array of float
        The albedos the control can take, each from 0 up to (not including) 1.
    distance_stops : Quantity
        The distances from the Sun the other control can take (length, a 1-D array). Every curve is computed
        here, once, so that a move of a control only looks its curve up.
    solar_system_age : Quantity, optional
        The Solar System's age (time): a lifetime longer than it is said to be so. Default: the facts table's
        ``solar_system.age``.

    Examples
    --------
    >>> from utils.facts import fact
    >>> ice = dict(molar_mass=fact("water.molar_mass"), density=fact("ice.density"),
    ...            latent_heat=fact("ice.sublimation_latent_heat"))
    >>> view = IceLifeExplorer(fact("solar.tsi"), 0.5 * u.km, **ice, activity_age=9 * u.Myr, young_age=2 * u.Myr,
    ...                        faculae_low=0.25, faculae_high=0.6, albedo_stops=np.array([0.3, 0.9]),
    ...                        distance_stops=[2.6, 3.0] * u.AU)
    >>> png = view.update(0.9, 3.0)._repr_png_()
    >>> "outlasts both ages" in view.alt()
    True
    """

    def __init__(
        self,
        solar_constant: u.Quantity,
        depth: u.Quantity,
        molar_mass: u.Quantity,
        density: u.Quantity,
        latent_heat: u.Quantity,
        activity_age: u.Quantity,
        young_age: u.Quantity,
        faculae_low: float,
        faculae_high: float,
        albedo_stops,
        distance_stops: u.Quantity,
        solar_system_age: u.Quantity | None = None,
    ):
        self.solar_constant = require(
            solar_constant, u.W / u.m**2, "solar_constant", positive=True, high=1e5, scalar=True
        )
        depth = require(depth, u.km, "depth", positive=True, high=1e3, scalar=True)
        ice = dict(
            molar_mass=require(molar_mass, u.g / u.mol, "molar_mass", positive=True, high=1e3, scalar=True),
            density=require(density, u.kg / u.m**3, "density", positive=True, high=1e5, scalar=True),
            latent_heat=require(latent_heat, u.J / u.kg, "latent_heat", positive=True, high=1e8, scalar=True),
        )
        ages = {
            "activity began (at most this long ago)": require(
                activity_age, u.yr, "activity_age", positive=True, high=1e11, scalar=True
            ),
            "youngest deposits (younger than this)": require(
                young_age, u.yr, "young_age", positive=True, high=1e11, scalar=True
            ),
        }
        band = (
            _albedo(faculae_low, "faculae_low", kind="bond", scalar=True),
            _albedo(faculae_high, "faculae_high", kind="bond", scalar=True),
        )
        stops = np.atleast_1d(_albedo(albedo_stops, "albedo_stops", kind="bond"))
        if stops.ndim != 1 or stops.size == 0 or stops.max() >= 1:
            raise ValueError(f"albedo_stops must be a list of albedos from 0 up to (not including) 1, got {stops}")
        distances = require(distance_stops, u.AU, "distance_stops", positive=True, low=0.1, high=100)
        if distances.ndim != 1 or distances.size == 0:
            raise ValueError(f"distance_stops must be a list of distances from the Sun, got {distances}")
        if solar_system_age is None:
            from .facts import fact

            solar_system_age = fact("solar_system.age")
        self.oldest = require(solar_system_age, u.yr, "solar_system_age", positive=True, high=1e11, scalar=True)
        self.still = False
        self.ages = ages
        self.young_years = ages["youngest deposits (younger than this)"].to_value(u.yr)
        self.stops = np.unique(np.round(stops, 4))
        self.depth = f"{depth.to_value(u.km):g} km"
        self.albedos = np.unique(np.round([*np.linspace(0.01, 0.97, 49), *stops], 4))  # steps of 0.02: a smooth curve
        self.curves = {
            round(float(d), 6): _pit_lifetime(self.albedos, d * u.AU, self.solar_constant, depth, **ice)
            for d in distances.to_value(u.AU)
        }
        self.fast = FastFigure((7.6, 4.2), margins={"left": 0.12, "right": 0.97, "bottom": 0.13, "top": 0.86})
        ax = self.ax = self.fast.figure.add_subplot()
        ax.axvspan(*band, color=OTHER_COLOURS["light grey"], alpha=0.5, label="the faculae's reported range")
        for (label, age), style in zip(ages.items(), ("--", ":"), strict=True):
            ax.axhline(age.to_value(u.yr), color=OTHER_COLOURS["black"], ls=style, lw=1.2, label=label)
        (self.curve,) = ax.plot(self.albedos, np.ones_like(self.albedos), "-", color=OTHER_COLOURS["indigo"])
        self.curve.set_label(f"a pit of ice ({self.depth} deep)")
        (self.marker,) = ax.plot([0.5], [1.0], "o", ms=9, color="white", mec=OTHER_COLOURS["black"], zorder=5)
        self.top = 1e11  # the axis' top: a lifetime beyond it is drawn as an arrow-head there, "off scale"
        self.off_note = ax.text(0.5, 1.0, "", ha="right", va="top", fontsize=9, zorder=6)
        self.off_note.set_bbox(dict(fc="white", ec="none", alpha=0.85))
        ax.set(yscale="log", xlim=(0, 1), ylim=(1e2, self.top), xlabel="the ice's albedo")
        ax.set_ylabel("years the pit's ice would last")
        ax.legend(loc="upper left", fontsize=9)
        self.state: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)

    def update(self, albedo: float, distance_au: float, still: bool = False) -> FastFigure:
        """Redraw for ``albedo`` (an albedo stop) at ``distance_au`` (a distance stop, AU); return the figure.

        With ``still=True`` the title and the alt text say that this is a still of the starting view, which does
        not follow the sliders (for a page read without a live kernel)."""
        if not isinstance(still, (bool, np.bool_)):
            raise TypeError(f"still must be True or False, got {type(still).__name__}: {still!r}")
        albedo, distance_au = self._stop_values(albedo, distance_au)
        years = self.curves[distance_au]  # inf where sublimation is too slow to compute
        here = float(years[np.argmin(abs(self.albedos - albedo))])
        noon = float(_noon_temperature(self.solar_constant, albedo, distance_au * u.AU).to_value(u.K))
        self.curve.set_ydata(years)
        off = self._off_scale(here, noon)
        # off the scale: an up-pointing triangle at the axis' top, with a note; else a circle on the curve
        self.marker.set_data([albedo], [0.6 * self.top if off else here])
        self.marker.set_marker("^" if off else "o")
        cold = noon < MURPHY_KOOP_TMIN.to_value(u.K)  # the vapour-pressure law's limit: no result there
        self.off_note.set_text(f"off scale: {off}" if off else "")  # one line, only with the triangle
        self.off_note.set_visible(bool(off))
        self.off_note.set_position((albedo - 0.02, 0.3 * self.top))  # below and left of the triangle
        lasts = (
            f"outlasts both ages: longer than the model can say (below {MURPHY_KOOP_TMIN.to_value(u.K):.0f} K)"
            if cold
            else f"lasts {_one_figure(here)} years" + self._older(here, ",\n")  # a third line: the title fits
        )
        first = "Still of the starting view (it does not follow the sliders)\n" if still else ""
        self.ax.set_title(
            f"{first}Ice of albedo {albedo:.2f}, if Ceres stayed {distance_au:.2f} AU from the Sun:\n"
            f"the pit's ice {lasts}",
            fontsize=10.5,
        )
        self.still = bool(still)
        self.state = (albedo, distance_au, noon, here)
        return self.fast

    def _older(self, years: float, sep: str = ", ") -> str:
        """``sep`` + "longer than the Solar System's age (...)" for a lifetime beyond it, else ""."""
        if not years > self.oldest.to_value(u.yr):
            return ""
        return f"{sep}longer than the Solar System's age ({self.oldest.to_value(u.Gyr):.1f} billion years)"

    def _stop_values(self, albedo, distance_au) -> tuple[float, float]:
        """``albedo`` and ``distance_au`` as the sliders' stops they match, or a clear error for any other value."""
        values = []
        for name, value, stops, example in (
            ("albedo", albedo, self.stops, "0.35"),
            ("distance_au", distance_au, np.array(list(self.curves)), "2.77"),
        ):
            if isinstance(value, (bool, np.bool_, u.Quantity)) or not isinstance(
                value, (int, float, np.integer, np.floating)
            ):
                raise TypeError(
                    f"{name} must be a plain number such as {example}, got {type(value).__name__}: {value!r}"
                )
            near = np.isclose(stops, float(value), rtol=0, atol=0.005)
            if not near.any():
                shown = ", ".join(f"{v:.2f}" for v in stops)
                raise ValueError(f"{name} must be one of the slider's stops ({shown}), got {value!r}")
            values.append(float(stops[near][0]))
        return values[0], values[1]

    def _outlasts_young(self, albedo: float) -> bool:
        """Does ice of this albedo outlast the youngest deposits' age at every distance stop?"""
        i = np.argmin(abs(self.albedos - albedo))
        return all(years[i] > self.young_years for years in self.curves.values())

    def reading_feedback(self, albedo, years=_NOT_ASKED) -> str:
        """A reply to the albedo a student read off the widget: the lowest stop whose ice outlasts the youngest
        deposits at every distance. A wrong stop gets one reply, whichever side it lies on, and no reply lists
        the stops: the widget, not trial and error here, gives the reading.

        With ``years`` (the lifetime the title gives for that stop at perihelion, the nearest distance stop), the
        two are judged together: one reply if either is off, so that neither can be found by trying stops here,
        and no reply gives a value."""
        if years is not _NOT_ASKED:
            return self._pair_feedback(albedo, years)
        again = "check it at both distances on the widget (perihelion and aphelion)"
        text = f"Type the albedo as a number with two decimals, such as 0.35, not {albedo!r}."
        if isinstance(albedo, (bool, np.bool_)):  # True would read as 1: told like text, not "1 is not a stop"
            return text
        try:
            a = float(albedo)
        except (TypeError, ValueError):
            return text
        if self._stop(a) is None:
            return (
                f"{a:g} is not a stop of the albedo slider: type a stop as the slider shows it, with two decimals, "
                f"such as 0.35, and {again}."
            )
        if not self._is_lowest(self._stop(a)):
            return (
                f"Not yet: {a:.2f} is not the stop asked for. At each distance, find the lowest stop where the "
                f"marker sits above the dotted line; {again}."
            )
        return f"That matches the widget: {a:.2f} is the lowest stop above the dotted line at both distances."

    def _pair_feedback(self, albedo, years) -> str:
        """The reply to the albedo and the lifetime read off together (see :meth:`reading_feedback`)."""
        if years is None:
            return (
                "Fill in years_to_last too: the lifetime the widget's title gives for your albedo stop at "
                "perihelion, in years."
            )
        text = self.reading_feedback(albedo)
        if not text.startswith(("That matches", "Not yet")):  # the albedo cannot be read: its format first
            return text
        try:
            right_years = self._years_ok(self._stop(float(albedo)), years)
        except (TypeError, ValueError, u.UnitsError):
            return (
                "Type years_to_last as a number of years, such as 300000 or 3e5 (or with a time unit, such as "
                f"300 * u.kyr), not {years!r}."
            )
        if text.startswith("That matches") and right_years:
            return (
                f"That matches the widget: {self._stop(float(albedo)):.2f} is the lowest stop above the dotted line "
                "at both distances, and your lifetime is the one its title gives at perihelion."
            )
        return (
            "Not yet: the albedo stop or the lifetime is not the one asked for. At each distance, find the lowest "
            "stop where the marker sits above the dotted line; then, at perihelion, read the pit's lifetime in the "
            "title for that stop. Check both on the widget."
        )

    def _years_ok(self, stop, years) -> bool:
        """Is ``years`` (years, or a time Quantity) the lifetime the title shows for ``stop`` at perihelion, to
        within half a unit of its one figure (a student reading the title meets it)? Raises TypeError/ValueError
        for a value that is not a time."""
        if isinstance(years, (bool, np.bool_)) or not isinstance(
            years, (int, float, np.integer, np.floating, u.Quantity)
        ):
            raise TypeError(f"years must be a number of years or a time, got {type(years).__name__}: {years!r}")
        if np.ndim(years):
            raise ValueError(f"years must be one number of years, got {years!r}")
        if isinstance(years, u.Quantity) and years.unit.physical_type != "time":
            raise u.UnitConversionError(f"years must be a number of years or a time (300 * u.kyr), got {years!r}")
        given = float(years.to_value(u.yr) if isinstance(years, u.Quantity) else years)
        if not np.isfinite(given):
            raise ValueError(f"years must be one finite number of years, got {years!r}")
        if stop is None:
            return False
        i = np.argmin(abs(self.albedos - stop))
        here = float(self.curves[min(self.curves)][i])  # perihelion: the nearest distance stop
        if not here < 1e10:  # the title says "more than ten billion"
            return given > 1e10
        shown = float(f"{here:.1g}")
        unit = 10.0 ** np.floor(np.log10(shown))
        return bool(abs(given - shown) <= 0.5 * unit * (1 + 1e-9))

    def reading_ok(self, albedo, years=_NOT_ASKED) -> bool:
        """True only if ``albedo`` (a number, or a number typed in quotes) is the right reading of the widget: the
        lowest stop whose ice outlasts the youngest deposits at every distance. Any other number gives False.
        With ``years``, that lifetime must also be the one the title gives for the stop at perihelion (None: not
        filled in, False)."""
        if years is not _NOT_ASKED:
            ok = self.reading_ok(albedo)
            if years is None or not ok:
                return False
            return self._years_ok(self._stop(float(albedo)), years)
        if isinstance(albedo, (bool, np.bool_)) or not isinstance(albedo, (int, float, np.integer, np.floating, str)):
            raise TypeError(f"albedo must be a number such as 0.35, got {type(albedo).__name__}: {albedo!r}")
        try:
            a = float(albedo)
        except ValueError:
            raise ValueError(f"albedo must be a number such as 0.35, got {albedo!r}") from None
        stop = self._stop(a)
        return stop is not None and self._is_lowest(stop)

    def _stop(self, a: float) -> float | None:
        """The albedo stop that ``a`` matches (to rounding), or None."""
        if not np.isfinite(a):
            return None
        near = np.isclose(self.stops, a)
        return float(self.stops[near][0]) if near.any() else None

    def _is_lowest(self, stop: float) -> bool:
        """Is this stop the lowest whose ice outlasts the youngest deposits at every distance?"""
        lower = self.stops[self.stops < stop - 1e-9]
        return self._outlasts_young(stop) and not (lower.size and self._outlasts_young(lower[-1]))

    def _off_scale(self, years: float, noon: float) -> str:
        """Why a lifetime is off the axis ("" if it is on it): the ground too cold for the law, or too long."""
        if noon < MURPHY_KOOP_TMIN.to_value(u.K):
            return f"below {MURPHY_KOOP_TMIN.to_value(u.K):.0f} K the loss is negligible"
        return "" if years < self.top else "longer than the axis shows"

    def alt(self) -> str:
        """Alt text for the current state."""
        albedo, distance_au, noon, here = self.state
        outlasted = sum(here > age.to_value(u.yr) for age in self.ages.values())
        verdict = ("is gone before either age", "outlasts one of the ages", "outlasts both ages")[outlasted]
        off = self._off_scale(here, noon)
        if off and noon < MURPHY_KOOP_TMIN.to_value(u.K):
            lasts = (
                f"the pit's ice would last longer than the model can say ({off}): it {verdict}, "
                "marked by a triangle at the top"
            )
        else:
            lasts = f"the pit's ice lasts {_one_figure(here)} years{self._older(here)}: it {verdict}"
            lasts += f" (off scale, {off}: a triangle at the top)" if off else ""
        still = "A still of the starting view, which does not follow the sliders. " if self.still else ""
        low = 5 + 10 * np.floor((noon - 5) / 10)  # a 10 K range whose ends end in 5 (no exercise's rounded answer)
        return (
            f"{still}Years a {self.depth} pit full of dust-free ice would last, on a logarithmic axis, against the "
            f"ice's albedo from 0 to 1, if Ceres stayed {distance_au:.2f} AU from the Sun: the curve climbs steeply "
            f"with albedo. For the marked albedo, {albedo:.2f}, dry ground with no ice to cool it would be between "
            f"{low:.0f} K and {low + 10:.0f} K at noon, and the ice cooler; {lasts}. Horizontal lines mark the "
            "deposits' ages; a grey band marks the faculae's range."
        )


def _one_figure(years: float) -> str:
    """Years to one significant figure, written out ("about 30,000" rather than 3e4); words beyond 1e10."""
    if not years < 1e10:  # also inf: sublimation too slow to compute
        return "more than ten billion"
    return f"about {float(f'{years:.1g}'):,.0f}"
