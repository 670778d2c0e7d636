"""Lesson 07's Explore figure: how long a pit of exposed ice would last, against the ice's albedo.

The figure is built once; :meth:`IceLifeExplorer.update` moves its curve, marker and texts.  The physics is
:mod:`utils.thermal`'s: the dry (salt) ground's noon temperature sets the day-averaged sublimation of bare ice,
and the pit's depth over that rate is its ice's lifetime.
"""

from __future__ import annotations

import astropy.units as u
import numpy as np
from astropy import constants as const

from .style import OTHER_COLOURS, FastFigure
from .thermal import diurnal_mean_sublimation_flux, irradiance, thickness_loss_rate
from .units import require

__all__ = ["IceLifeExplorer", "pit_lifetime"]


def pit_lifetime(
    albedo, distance: u.Quantity, solar_constant: u.Quantity, depth: u.Quantity, molar_mass, density, latent_heat
) -> u.Quantity:
    """Years a pit full of bare ice of ``albedo`` would last at ``distance`` from the Sun (day-averaged loss).

    Parameters
    ----------
    albedo : float or array or Quantity
        The ice's albedo, 0 to 1.
    distance : Quantity
        Distance from the Sun (length).
    solar_constant : Quantity
        Sunlight at 1 AU (W / m2).
    depth : Quantity
        Depth of the pit (length).
    molar_mass, density, latent_heat : Quantity
        Water's molar mass, the ice's density and its latent heat of sublimation.

    Returns
    -------
    Quantity
        The lifetime, in years.

    Examples
    --------
    >>> from utils.facts import fact
    >>> args = fact("water.molar_mass"), fact("ice.density"), fact("ice.sublimation_latent_heat")
    >>> life = pit_lifetime(0.9, 2.77 * u.AU, fact("solar.tsi"), 0.5 * u.km, *args)
    >>> bool(life > 1e6 * u.yr)
    True
    """
    albedo = np.asarray(u.Quantity(albedo, u.one).value, dtype=float)  # a plain number or an array
    if np.any((albedo < 0) | (albedo >= 1)):
        raise ValueError(f"an albedo runs from 0 up to (not including) 1, got {albedo}")
    require(distance, u.m, "distance")
    require(depth, u.m, "depth")
    sunlight = irradiance(solar_constant, distance)
    t_dry = ((sunlight * (1 - np.atleast_1d(albedo)) / const.sigma_sb) ** (1 / 4)).to(u.K)
    flux = u.Quantity([diurnal_mean_sublimation_flux(t, molar_mass, latent_heat=latent_heat) for t in t_dry])
    years = (depth / thickness_loss_rate(flux, density)).to(u.yr)
    return years.reshape(albedo.shape)


class IceLifeExplorer:
    """The figure of lesson 07's widget: a pit's ice lifetime against albedo, at one distance from the Sun.

    Parameters
    ----------
    lifetime : callable
        ``lifetime(albedos, distance)``: the lifetimes (Quantity, time) for an array of albedos.
    temperature : callable
        ``temperature(albedo, distance)``: the dry ground's noon temperature (Quantity, K).
    ages : dict
        Label: age (Quantity, time), drawn as horizontal lines (the deposits' ages).
    band : (float, float)
        The faculae's albedo range, shaded.
    depth : Quantity
        The pit's depth, for the labels.
    albedo_stops, distance_stops : sequence of float
        The values the controls can take (albedo; distance in AU). Every curve is computed here, once, so that
        a move of a control only looks its curve up.
    """

    def __init__(
        self,
        lifetime,
        temperature,
        ages: dict,
        band: tuple[float, float],
        depth: u.Quantity,
        albedo_stops,
        distance_stops,
    ):
        self.temperature, self.ages = temperature, ages
        self.depth = f"{depth.to_value(u.km):g} km"
        self.albedos = np.unique(np.round([*np.linspace(0.01, 0.97, 17), *albedo_stops], 4))
        self.curves = {float(d): lifetime(self.albedos, d * u.AU).to_value(u.yr) for d in distance_stops}
        self.fast = FastFigure((7.6, 4.2), margins={"left": 0.12, "right": 0.97, "bottom": 0.13, "top": 0.86})
        ax = self.ax = self.fast.figure.add_subplot()
        ax.axvspan(*band, color=OTHER_COLOURS["light grey"], alpha=0.5, label="the faculae's reported range")
        for (label, age), style in zip(ages.items(), ("--", ":"), strict=False):
            ax.axhline(age.to_value(u.yr), color=OTHER_COLOURS["black"], ls=style, lw=1.2, label=label)
        (self.curve,) = ax.plot(self.albedos, np.ones_like(self.albedos), "-", color=OTHER_COLOURS["indigo"])
        self.curve.set_label(f"a pit of ice ({self.depth} deep)")
        (self.marker,) = ax.plot([0.5], [1.0], "o", ms=9, color="white", mec=OTHER_COLOURS["black"], zorder=5)
        ax.set(yscale="log", xlim=(0, 1), ylim=(1e2, 1e11), xlabel="the ice's albedo")
        ax.set_ylabel("years the pit's ice would last")
        ax.legend(loc="upper left", fontsize=9)
        self.state: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)

    def update(self, albedo: float, distance_au: float) -> FastFigure:
        """Redraw for ``albedo`` (an albedo stop) at ``distance_au`` (a distance stop, AU); return the figure."""
        years = self.curves[float(distance_au)]
        here = float(years[np.argmin(abs(self.albedos - albedo))])
        noon = float(self.temperature(albedo, distance_au * u.AU).to_value(u.K))
        self.curve.set_ydata(years)
        self.marker.set_data([albedo], [here])
        self.ax.set_title(
            f"Ice of albedo {albedo:.2f}, {distance_au:.2f} AU from the Sun:\n"
            f"ground about {noon:.0f} K at noon; the pit's ice lasts about {_one_figure(here)} years"
        )
        self.state = (albedo, distance_au, noon, here)
        return self.fast

    def alt(self) -> str:
        """Alt text for the current state."""
        albedo, distance_au, noon, here = self.state
        outlasts = [label for label, age in self.ages.items() if here > age.to_value(u.yr)]
        verdict = "outlasts " + " and ".join(outlasts) if outlasts else "is gone before either age"
        return (
            f"Years a {self.depth} pit full of bare ice would last, on a logarithmic axis, against the ice's "
            f"albedo from 0 to 1, at {distance_au:.2f} AU from the Sun: the curve climbs steeply with albedo. "
            f"The marked ice, of albedo {albedo:.2f}, sits on ground about {noon:.0f} K at noon and lasts "
            f"about {_one_figure(here)} years: it {verdict}. Horizontal lines mark the deposits' ages; a grey "
            "band marks the faculae's range."
        )


def _one_figure(years: float) -> str:
    """A number of years to one significant figure, written out (30,000 rather than 3e4)."""
    return f"{float(f'{years:.1g}'):,.0f}"
