"""Widget figures of lessons 00, 04, 06 and 07: the imaging model seen with a slider.

A widget that rebuilds its Matplotlib figure on every move of a slider is
slow (a new figure, a layout pass, the inline backend's round trip).  The
figures here are built once on :class:`utils.style.FastFigure`; an update
changes their artists in place and the result is drawn straight to a PNG.  The notebooks only
call :meth:`update` and show the result with :func:`utils.style.show`, so the
plumbing stays out of the students' way and the figures can be tested.

Examples
--------
>>> import astropy.units as u
>>> from utils import imaging
>>> from utils.facts import fact
>>> scene = imaging.make_scene(imaging.occator_model(
...     background=0.09, facula=0.4, crater_diameter=92 * u.km, facula_diameter=10 * u.km), n_px=200)
>>> view = CameraExplorer(scene, fact("fc.ifov"))
>>> view.update(146000, 1.0).figure.axes[1].get_title().splitlines()[0]
'Profile across the facula, 146,000 km'
"""

from __future__ import annotations

import astropy.units as u
import numpy as np

from . import imaging, style
from .camera import _ifov, _pixels_across, pixel_scale, plot_pixel_scale
from .style import FastFigure
from .units import array, instance, integer, number, quantity_map, require, text


def _single(value, unit, name):
    """A positive scalar Quantity convertible to ``unit``, or a clear error naming ``name``."""
    return require(value, unit, name, positive=True, scalar=True)


__all__ = [
    "AltitudeView",
    "DistanceView",
    "CameraExplorer",
    "SharpnessView",
    "DAWN_DISTANCES",
    "dawn_distances",
    "slider_stops",
    "altitude_slider_steps",
]

#: Lesson 08's named distances of Dawn from Ceres' surface (label: fact id), from the first approach image to LAMO.
DAWN_DISTANCES = {
    "13 Jan 2015 images": "ceres.approach_spot_distance",
    "OpNav 3": "ceres.spots_opnav3_distance",
    "two spots": "ceres.spots_two_distance",
    "RC3": "ceres.orbit_rc3_altitude",
    "news image": "news.distance_image",
    "Survey": "ceres.orbit_survey_altitude",
    "HAMO": "ceres.orbit_hamo_altitude",
    "LAMO": "ceres.orbit_lamo_altitude",
}


def dawn_distances(stops: int = 25) -> tuple[dict[str, float], list[float]]:
    """Dawn's named distances in km (:data:`DAWN_DISTANCES`), and slider stops between them.

    The stops are ``stops`` log-spaced distances rounded to 10 km (the two ends dropped), together with
    the named distances themselves, sorted.

    Examples
    --------
    >>> marks, stops = dawn_distances()
    >>> round(marks["news image"]), set(marks.values()) <= set(stops)
    (7242, True)
    """
    from .facts import fact

    n = integer(stops, "stops", low=3, high=1000)
    marks = {k: float(fact(v).to_value(u.km)) for k, v in DAWN_DISTANCES.items()}
    between = np.round(np.geomspace(min(marks.values()), max(marks.values()), n)[1:-1], -1)
    return marks, sorted({float(x) for x in between} | set(marks.values()))


def altitude_slider_steps() -> tuple[list[int], dict[str, int]]:
    """Lesson 00's slider: altitudes in whole miles, and the step nearest each of Dawn's four orbits at Ceres.

    The steps are 10 miles apart from 100 to 990 miles, then 100 miles apart up to 10,000. The orbits (LAMO,
    HAMO, Survey, RC3, lowest first) are read from the facts table and moved to the nearest step, so a menu can
    put the slider on them.

    Examples
    --------
    >>> steps, orbits = altitude_slider_steps()
    >>> steps[0], steps[-1], list(orbits)
    (100, 10000, ['LAMO', 'HAMO', 'Survey', 'RC3'])
    >>> all(m in steps for m in orbits.values())
    True
    """
    from .facts import fact

    steps = [*range(100, 1000, 10), *range(1000, 10001, 100)]
    orbits = {}
    for name in ("LAMO", "HAMO", "Survey", "RC3"):
        altitude = fact(DAWN_DISTANCES[name]).to_value(u.imperial.mile)
        orbits[name] = min(steps, key=lambda m: abs(m - altitude))
    return steps, orbits


class AltitudeView(FastFigure):
    """Lesson 00's Explore figure, built once: Ceres to scale and Dawn at an altitude given in miles.

    A white bar (outlined in black) marks Ceres' radius, a dotted line the altitude from the surface to Dawn; the axis
    counts kilometres from Ceres' centre and zooms in at ``zoom_mi`` and below.  :meth:`draw` moves
    Dawn and rewrites the title, the legend and the alt text, so every text follows the slider.

    Parameters
    ----------
    radius : Quantity
        Ceres' radius.
    far_mi, near_mi, zoom_mi : float
        Altitudes in miles: the widest axis (the slider's end), the zoomed-in axis, and the
        altitude at and below which the axis zooms in.

    Examples
    --------
    >>> import astropy.units as u
    >>> view = AltitudeView(470 * u.km)
    >>> view.draw(2700).figure.axes[0].get_title().splitlines()[1]
    "the altitude (dotted) is longer than Ceres' radius (white bar): about 9×"
    """

    def __init__(self, radius: u.Quantity, far_mi: float = 10000, near_mi: float = 2000, zoom_mi: float = 1500):
        import matplotlib.patheffects as pe
        from matplotlib.patches import Circle

        self.radius = _single(radius, u.km, "radius")
        self.r_km = r_km = self.radius.to_value(u.km)
        self.far_km = (number(far_mi, "far_mi", positive=True, scalar=True) * u.imperial.mile + self.radius).to_value(
            u.km
        )
        self.near_km = (
            number(near_mi, "near_mi", positive=True, scalar=True) * u.imperial.mile + self.radius
        ).to_value(u.km)
        self.zoom_mi = number(zoom_mi, "zoom_mi", nonnegative=True, scalar=True)
        super().__init__((7.5, 4.4), margins={"left": 0.02, "right": 0.98, "bottom": 0.3, "top": 0.86})
        ax = self.ax = self.figure.add_subplot()
        ax.add_patch(Circle((0, 0), r_km, color=style.PALETTE["ceres"], label="Ceres (to scale)"))
        outline = [pe.withStroke(linewidth=4.5, foreground="black")]  # a white line, outlined: seen on the disc
        ax.plot([0, r_km], [0, 0], "-", color="white", linewidth=2.5, path_effects=outline, label="Ceres' radius")
        thin = {"arrowstyle": "-", "color": "0.3", "linewidth": 1}
        self.radius_label = ax.annotate(
            "radius",
            (r_km / 2, 0),
            xytext=(r_km / 2, -0.13 * self.far_km),
            ha="center",
            va="top",
            fontsize=10,
            arrowprops=thin,
        )
        ax.set(aspect="equal", yticks=[], xlabel="distance from Ceres' centre (km)")
        # thousands separators, as in the text (12,500, not 12500); a true minus sign for any tick below zero
        ax.xaxis.set_major_formatter(lambda x, _: f"{x:,.0f}".replace("-", "\u2212"))
        ax.set_axisbelow(True)  # the grid under Ceres' disc and its radius bar
        ax.spines[["left", "right", "top"]].set_visible(False)  # only the distance axis carries a scale
        (self.altitude_line,) = ax.plot([], [], ":", color="0.3", linewidth=2, label="altitude", zorder=4)
        # a small marker under the dotted line, with a white edge, so the short altitude of the lowest orbits shows
        small = {"linestyle": "none", "markersize": 10, "markeredgecolor": "white", "markeredgewidth": 1, "zorder": 3}
        (self.dawn,) = ax.plot([], [], **(style.body_style("dawn") | small))
        self.dawn_label = ax.annotate(
            "Dawn", (0, 0), xytext=(0, 0), ha="center", va="bottom", fontsize=10, arrowprops=thin
        )
        self.legend = ax.legend(
            loc="lower center",
            bbox_to_anchor=(0.5, 0.01),
            bbox_transform=self.figure.transFigure,
            ncol=2,  # four entries in two full rows
            fontsize=10,
        )  # at the foot of the figure, below the drawing
        self.animate(self.altitude_line, self.dawn, self.dawn_label, ax.title, self.legend)
        self._state = None

    def draw(self, altitude_mi: float):
        """Show Dawn ``altitude_mi`` miles (a plain number) above the surface; returns this figure."""
        miles = number(altitude_mi, "altitude_mi", positive=True, scalar=True)
        altitude = miles * u.imperial.mile
        r_km, ax = self.r_km, self.ax
        d = (altitude + self.radius).to_value(u.km)  # distance from Ceres' centre
        span = self.near_km if miles <= self.zoom_mi else self.far_km
        if ax.get_xlim()[1] != 1.05 * span:  # a new range: the parts that stay still are drawn again
            left = min(-0.05 * span, -1.1 * r_km)  # the whole of Ceres' disc stays in view
            ax.set(xlim=(left, 1.05 * span), ylim=(-0.22 * span, 0.25 * span))
            self.radius_label.xyann = (r_km / 2, -max(0.13 * span, 1.3 * r_km))  # below Ceres' disc
            self.invalidate()
        self.altitude_line.set_data([r_km, d], [0, 0])
        self.dawn.set_data([d], [0])
        self.dawn_label.xy, self.dawn_label.xyann = (d, 0), (d, max(0.1 * span, 1.6 * r_km))
        ratio = (altitude / self.radius).to_value(u.one)
        compare = "about as long as" if 0.9 < ratio < 1.1 else ("longer than" if ratio > 1 else "shorter than")
        shown = f"{miles:,.0f}"
        # within 10 % the words alone would blur where the two are equal: the ratio to two decimals says it
        factor = f": {ratio:.2f}×" if compare == "about as long as" else f": about {ratio:.{1 if ratio < 3 else 0}f}×"
        ax.set_title(
            f"Dawn {shown} miles above Ceres' surface, to scale\n"
            f"the altitude (dotted) is {compare} Ceres' radius (white bar){factor}"
        )
        self.legend.get_texts()[2].set_text(f"altitude: {shown} miles")  # the legend follows the slider
        self._state = (shown, compare, round(1.05 * span, -2), ratio, float(f"{d:.2g}"))
        return self

    def _repr_pretty_(self, printer, cycle) -> None:
        # the plain-text form of the figure (a text-only export, a display without images): its alt text
        printer.text(self.alt_text() if self._state is not None else f"<{type(self).__name__}, not drawn yet>")

    def alt_text(self) -> str:
        """A description of what :meth:`draw` last showed (for ``utils.style.show``)."""
        if self._state is None:
            raise ValueError("Call draw(altitude_mi) before alt_text().")
        shown, compare, far, ratio, centre = self._state
        times = (
            f", {ratio:.2f} times as long"
            if compare == "about as long as"
            else f", about {ratio:.{1 if ratio < 3 else 0}f} times as long"
        )
        return (
            f"Ceres drawn to scale as a disc (blue) with Dawn as a plus sign (green) {shown} miles above its surface. "
            "A white bar outlined in black, from the centre to the surface, marks Ceres' radius and a dotted "
            "line continues it from the surface to Dawn (the altitude); together they make Dawn's distance from "
            f"the centre, about {centre:,.0f} km. The altitude is {compare} the radius{times}. The horizontal axis "
            f"counts kilometres from Ceres' centre, up to about {far:,.0f} km (the axis zooms in at "
            f"{self.zoom_mi:,.0f} miles and below)."
        )


def slider_stops(nearest: u.Quantity, farthest: u.Quantity, marks: dict | None = None, n: int = 60) -> list[int]:
    """Whole-km slider stops from ``nearest`` to ``farthest``, with the named distances ``marks`` among them.

    The stops are ``n`` distances spread evenly on a log scale, each rounded to two significant
    figures, and the distances of ``marks`` (label -> distance, rounded down to whole km), sorted.

    Examples
    --------
    >>> slider_stops(100 * u.km, 10000 * u.km, {"LAMO": 385 * u.km}, n=5)
    [100, 320, 385, 1000, 3200, 10000]
    """
    lo, hi = _single(nearest, u.km, "nearest"), _single(farthest, u.km, "farthest")
    if lo >= hi:
        raise ValueError(f"nearest must be below farthest; got {lo:.4g} and {hi:.4g}.")
    n = integer(n, "n", low=2, high=1000)
    marks = quantity_map({} if marks is None else marks, "marks", u.km, positive=True)
    named = [int(d.to_value(u.km)) for d in marks.values()]
    steps = [int(float(f"{x:.2g}")) for x in np.geomspace(lo.to_value(u.km), hi.to_value(u.km), n)]
    return sorted(set(steps + named))


class DistanceView(FastFigure):
    """Lesson 04's Explore figure, built once: pixel scale against distance, and a schematic picture.

    :meth:`draw` moves the ring, redraws the schematic crater with pixels of the
    chosen size and rewrites the headline, so a widget only redraws (fast) and
    every text follows the slider.

    Parameters
    ----------
    ifov : Quantity
        The camera's instantaneous field of view (an angle per pixel).
    crater, spot : Quantity
        Diameters of the crater and of its bright central spot.
    marks : dict
        name -> distance of the science orbits, drawn as labelled squares.
    distances : Quantity
        Distances for the pixel-scale curve.
    field : Quantity, optional
        Widest view of the schematic picture (default three spot diameters).  Closer in, the view
        narrows to ``zoom_pixels`` real pixels across (never below 1.3 spot diameters), so each
        pixel stays big enough on screen to see.
    max_pixels : int
        Most pixels drawn across the picture (finer real pixels are drawn coarser, and the figure says so).
    zoom_pixels : int
        Real pixels across the view before it narrows.
    names : (str, str)
        What to call the crater and the spot in the texts.
    frame_pixels : int, optional
        Pixels across one camera frame; a feature wider than that is said to need a mosaic.

    Examples
    --------
    >>> import astropy.units as u
    >>> view = DistanceView(93.7 * u.urad, 92 * u.km, 10 * u.km, {"LAMO": 385 * u.km},
    ...                     np.geomspace(20, 70000, 50) * u.km)
    >>> view.draw(13500).headline.get_text().splitlines()[0]
    'From 13,500 km up: 1.26 km per pixel'
    """

    def __init__(
        self,
        ifov: u.Quantity,
        crater: u.Quantity,
        spot: u.Quantity,
        marks: dict,
        distances: u.Quantity,
        field: u.Quantity | None = None,
        max_pixels: int = 400,
        names: tuple[str, str] = ("the crater", "the bright spot"),
        zoom_pixels: int = 130,
        frame_pixels: int | None = None,
    ):
        self.ifov = _single(_ifov(ifov), u.rad, "ifov")
        self.crater = _single(crater, u.km, "crater")
        self.spot = _single(spot, u.km, "spot")
        self.field = 3 * self.spot if field is None else _single(field, u.km, "field")
        marks = quantity_map(marks, "marks", u.km, positive=True, min_size=1)
        self.max_pixels = integer(max_pixels, "max_pixels", low=1, high=4000)
        self.zoom_pixels = integer(zoom_pixels, "zoom_pixels", low=1, high=4000)
        self.frame_pixels = None if frame_pixels is None else integer(frame_pixels, "frame_pixels", low=1, high=10**6)
        if not isinstance(names, (tuple, list)) or len(names) != 2:
            raise TypeError(f"names must be two strings (the crater's and the spot's); got {names!r:.60}.")
        self.names = tuple(text(name, "names") for name in names)
        super().__init__((9, 4.1), margins={"left": 0.09, "right": 0.97, "bottom": 0.13, "top": 0.78, "wspace": 0.3})
        fig = self.figure
        ax_scale, ax_pic = fig.subplots(1, 2, width_ratios=[1.3, 1])
        plot_pixel_scale(ax_scale, distances, self.ifov, marks=marks)
        (self.ring,) = ax_scale.plot(
            [], [], "o", ms=11, mfc="none", mec="black", mew=2, clip_on=False, label="your choice"
        )
        (x0, x1), (y0, y1) = ax_scale.get_xlim(), ax_scale.get_ylim()
        pad = 1.6  # a factor on the log axes: the ring stays whole, inside the axes, at both ends of the curve
        # more room above: at the far end the ring stays clear of the top edge
        ax_scale.set(xlim=(x0 / pad, x1 * pad), ylim=(y0 / pad, y1 * pad**2))
        ax_scale.legend(loc="upper left", fontsize=9)
        ax_scale.grid(False)  # fewer artists to redraw
        self.picture = ax_pic.imshow(
            np.zeros((2, 2)), cmap="gray", vmin=0, vmax=1, origin="lower", interpolation="nearest"
        )
        # the view's width changes with the distance: it is written in the note, not on ticks
        ax_pic.set(xlim=(-1, 1), ylim=(-1, 1), xticks=[], yticks=[])
        ax_pic.set_title(f"schematic centre of {names[0]}", fontsize=10)
        ax_pic.grid(False)
        self.note = ax_pic.text(
            0.5,
            0.03,
            "",
            transform=ax_pic.transAxes,
            ha="center",
            va="bottom",
            fontsize=9,
            color="white",
            bbox={"facecolor": "black", "alpha": 0.7, "edgecolor": "none"},
        )
        self.headline = fig.text(0.5, 0.97, "", ha="center", va="top", fontsize=12)
        self.ax_scale, self.ax_pic = ax_scale, ax_pic
        # only these change with the slider (the picture's frame is redrawn over it, as in a full draw)
        self.animate(self.ring, self.picture, self.note, self.headline, *ax_pic.spines.values())

    def draw(self, distance_km: float):
        """Show the view from ``distance_km`` (a plain number of km); returns this figure, ready to show."""
        d = require(distance_km * u.km, u.km, "distance_km", positive=True)
        scale = pixel_scale(d, self.ifov)
        self.ring.set_data([d.to_value(u.km)], [scale.to_value(u.km)])
        width = min(self.field, max(self.zoom_pixels * scale, 1.3 * self.spot))  # closer: a narrower view
        img, half, full = imaging.schematic_view(
            scale, self.crater, self.spot, field=width, max_pixels=self.max_pixels, supersample=2
        )
        self.picture.set_data(img)
        r = (2 * half / width).to_value(u.one)  # whole pixels: the picture can be a little wider than the view
        self.picture.set_extent([-r, r] * 2)
        coarse = "" if full else "\npixels coarser than real"  # a second line: narrower than the picture
        self.note.set_text(f"view {width.to_value(u.km):.0f} km across{coarse}")
        shown = f"{scale.to(u.km):.2f}" if scale >= 1 * u.km else f"{scale.to(u.m):.0f}"
        n_crater, n_spot = (_pixels_across(x, d, self.ifov).to_value(u.one) for x in (self.crater, self.spot))
        spot_text = f"{n_spot:,.{0 if n_spot >= 10 else 1}f}"  # the headline and the alt text say the same
        frame = self.frame_pixels
        wide = [name for name, n in zip(self.names, (n_crater, n_spot), strict=True) if frame is not None and n > frame]
        self._state = (d, shown, n_crater, spot_text, full, width, wide)
        mosaic = (
            "both wider than one frame: mosaics" if len(wide) > 1 else f"{''.join(wide)} wider than one frame: a mosaic"
        )
        self.headline.set_text(
            f"From {d.to_value(u.km):,.0f} km up: {shown} per pixel\n"
            f"{self.names[0]} {n_crater:,.0f} pixels across, {self.names[1]} {spot_text} pixels"
            + (f" ({mosaic})" if wide else "")
        )
        return self

    def alt_text(self) -> str:
        """A description of what :meth:`draw` last showed (for ``utils.style.show``)."""
        d, shown, n_crater, spot_text, full, width, wide = self._state
        how = "pixels of that size" if full else "pixels coarser than the real ones, which are too fine to show"
        n_spot = float(spot_text.replace(",", ""))
        if n_spot < 2:  # what the picture shows at this distance
            looks = "one or two grey pixels, with no shape"
        elif n_spot < 10:
            looks = "a blocky blob of a few pixels"
        elif n_spot < 50:
            looks = "a small disc whose round edge shows steps of single pixels"
        else:
            looks = "a smooth round disc"
        who = " and ".join(wide)
        mosaic = f" {who[:1].upper()}{who[1:]} {'are' if len(wide) > 1 else 'is'} wider than one camera frame: "
        return (
            f"Left: pixel scale against distance on logarithmic axes, a straight line, with the science orbits "
            f"marked and a ring at the chosen {d.to_value(u.km):,.0f} km, where one pixel covers {shown}. "
            f"Right: a schematic centre of {self.names[0]}, {width.to_value(u.km):.0f} km across, drawn with {how}; "
            f"{self.names[1]} "
            f"spans about {spot_text} pixels, {self.names[0]} {n_crater:,.0f}. At this distance "
            f"{self.names[1]} is {looks}." + (mosaic + "a picture needs a mosaic of several frames." if wide else "")
        )


class CameraExplorer(FastFigure):
    """Lesson 06's widget: a model camera image around Occator and the profile through the facula.

    Parameters
    ----------
    scene : utils.imaging.Scene
        From :func:`utils.imaging.make_scene`.
    ifov : Quantity
        The camera's pixel angle.

    Examples
    --------
    See the module's example.
    """

    #: Colours: not a body's colour (the image is grey; these mark the model's readings).
    #: Tol's light yellow: far lighter than the grey ground, so saturated pixels stand out in greyscale too
    #: (a mid-tone such as rose reads as the ground's grey); not teal, too near Dawn's bluish green.
    SATURATED = "#EEDD88"
    PROFILE = style.OTHER_COLOURS["indigo"]
    ROW = PROFILE  # the dotted row and its profile are the same line of pixels
    LIMIT = style.OTHER_COLOURS["black"]
    #: The narrowest view, in facula diameters (at LAMO the 300-pixel default would show about one).
    MIN_FIELD = 3
    #: At most this many image pixels are drawn across: the image's axes are about 260 screen pixels wide at
    #: the figure's 100 dpi, so a finer image (833 pixels at LAMO) only costs drawing time.
    DRAWN_PX = 300

    def __init__(self, scene, ifov):
        from matplotlib import patheffects
        from matplotlib.colors import to_rgb

        instance(scene, imaging.Scene, "scene", hint="from utils.imaging.make_scene")
        ifov = _single(ifov, u.rad, "ifov")
        super().__init__((8.8, 3.8))
        self.scene, self.ifov = scene, ifov
        fig = self.figure
        self.ax_img, self.ax_prof = fig.subplots(1, 2)
        fig.subplots_adjust(left=0.09, right=0.98, bottom=0.15, top=0.83, wspace=0.32)
        self._image = self.ax_img.imshow(np.zeros((3, 3, 3), np.uint8), interpolation="nearest")
        # a white outline keeps the dotted row visible on the dark image at low exposure
        self.ax_img.axhline(
            0,
            color=self.ROW,
            ls=":",
            lw=1.8,
            path_effects=[patheffects.Stroke(linewidth=3.6, foreground="white"), patheffects.Normal()],
        )
        self.ax_img.set_xlabel("east (km)", fontsize=11)
        self.ax_img.set_ylabel("north (km)", fontsize=11)
        (self._line,) = self.ax_prof.step([], [], where="mid", color=self.PROFILE, zorder=3)  # above the limit line
        self.ax_prof.axhline(1, color=self.LIMIT, ls="--", lw=0.8)  # thin, so a saturated plateau stays visible
        self.ax_prof.text(
            0.02,
            1.02,
            "saturation (full scale)",
            va="bottom",
            fontsize=10,
            transform=self.ax_prof.get_yaxis_transform(),
        )
        self.ax_prof.set_xlabel("position along the dotted row (km)", fontsize=11)
        self.ax_prof.set_ylabel("reading (fraction of full)", fontsize=11)
        self.ax_prof.set_ylim(0, 1.15)
        for ax in (self.ax_img, self.ax_prof):
            ax.grid(False)
            ax.locator_params(nbins=4)
            ax.tick_params(labelsize=10)
        self._saturated_rgb = (255 * np.array(to_rgb(self.SATURATED))).astype(np.uint8)
        self.saturated_pixels = 0
        self._images: dict = {}  # distance (km) -> camera image at exposure 1: see image()

    def update(self, distance_km: float, exposure: float = 1.0, view: str = "") -> CameraExplorer:
        """Redraw for a distance (km, a plain number from a slider) and an exposure.

        ``view`` names the distance (e.g. ``"LAMO orbit"``) in the profile's title and the alt text.
        Returns the explorer itself, ready to be shown.
        """
        d = require(
            distance_km * u.km if not isinstance(distance_km, u.Quantity) else distance_km,
            u.km,
            "distance_km",
            positive=True,
        )
        exposure = number(exposure, "exposure", positive=True, scalar=True)
        view = instance(view, str, "view", hint='a name for the distance, e.g. "LAMO orbit", or ""')
        img = self.image(d, exposure)
        x, reading = imaging.profile(img)
        step = int(np.ceil(img.n_px / self.DRAWN_PX))  # every step-th pixel, as the screen would show it anyway
        rgb = np.repeat((255 * img.reading[::step, ::step]).astype(np.uint8)[:, :, None], 3, axis=2)
        rgb[img.saturated[::step, ::step]] = self._saturated_rgb
        self._image.set_data(rgb)
        self._image.set_extent(img.extent_km)
        self.saturated_pixels = int(img.saturated.sum())
        self.mean_reading = float(np.mean(img.reading))  # the whole image's mean reading, 0 to 1, for the alt text
        self.ax_img.set_xlim(*img.extent_km[:2])
        self.ax_img.set_ylim(*img.extent_km[2:])
        n_sat = self.saturated_pixels
        saturated = f"{n_sat:,} pixel{'' if n_sat == 1 else 's'} saturated (yellow)" if n_sat else "no pixels saturated"
        self.ax_img.set_title(
            f"Model image (not Dawn's), {img.pixel_scale.to(u.km):.3f}/pixel\n{saturated}",
            fontsize=11,
            y=1.0,  # where matplotlib puts it (no ticks on top): fixed, so no search of the tick labels per draw
        )
        # the steps run edge to edge of the image, like its pixels (not only between the outer pixels' centres)
        xs, half_px = x.to_value(u.km), img.pixel_scale.to_value(u.km) / 2
        self._line.set_data(np.r_[xs[0] - half_px, xs, xs[-1] + half_px], np.r_[reading[0], reading, reading[-1]])
        self.ax_prof.set_xlim(*img.extent_km[:2])
        named = f"{view}, " if view else ""
        self.ax_prof.set_title(
            f"Profile across the facula, {d.to_value(u.km):,.0f} km\n{named}exposure {exposure:.3g}", fontsize=11, y=1.0
        )
        named = f" ({view})" if view else ""
        self._view = f"{d.to_value(u.km):,.0f} km{named} and exposure {exposure:.3g}"  # for the alt text
        # narrower than the crater: the image shows Occator's centre, not the crater around it
        self._whole_crater = img.extent_km[1] - img.extent_km[0] >= self.scene.model.crater_diameter.to_value(u.km)
        return self

    def image(self, distance: u.Quantity, exposure: float = 1.0) -> imaging.CameraImage:
        """:func:`utils.imaging.camera_image` of the scene, the same arrays, with the exposure-free part kept.

        The pixel averages and the blur depend on the distance alone: they are
        kept for the last 64 distances, so a move of the exposure slider (or
        back to a distance seen before) only applies the exposure again.
        """
        from dataclasses import replace

        distance = _single(distance, u.km, "distance")
        exposure = number(exposure, "exposure", positive=True, scalar=True)
        key = float(distance.to_value(u.km))
        base = self._images.get(key)
        if base is None:
            # close in, widen the view to at least MIN_FIELD facula diameters, so ground shows around the facula
            field = self.MIN_FIELD * self.scene.model.spot_diameter
            n_min = int(np.ceil((field / pixel_scale(distance, self.ifov)).to_value(u.one)))
            base = imaging.camera_image(self.scene, distance, self.ifov, exposure=1.0, max_px=max(300, n_min))
            if len(self._images) >= 64:
                self._images.pop(next(iter(self._images)))
            self._images[key] = base
        reading, saturated = imaging.expose(base.signal, exposure, self.scene.mean_background)
        return replace(base, reading=reading, saturated=saturated)

    def brightness_words(self) -> str:
        """The image's overall brightness in words, from its mean reading (0 black, 1 full scale)."""
        m = getattr(self, "mean_reading", 0.0)
        if m < 0.1:
            return "a nearly black"
        if m < 0.35:
            return "a dark grey"
        if m < 0.65:
            return "a mid-grey"
        return "a light grey"

    def alt(self) -> str:
        """Alt text for the current state, with the readings it shows (the facula's peak, the ground's)."""
        row = np.asarray(self._line.get_ydata(), dtype=float)
        x_km = np.abs(np.asarray(self._line.get_xdata(), dtype=float))
        facula_radius = 0.5 * float(np.asarray(self.scene.model.spot_diameter.to_value(u.km)))
        peak = float(row.max()) if row.size else 0.0
        facula = "saturated: it reads full scale whatever its true brightness" if peak >= 1 else "not saturated"
        if row.size and x_km.max() <= facula_radius:  # the row lies inside the facula from end to end
            readings = f"the facula fills the whole view, so no ground is seen; the row peaks at {peak:.2f}"
        else:
            # the ground is read at the outermost pixels only: close in, the facula covers most of the row
            ends = np.r_[row[:2], row[-2:]] if row.size else row
            ground = float(np.median(ends)) if row.size else 0.0
            most = "the facula fills most of the view; " if facula_radius >= 0.75 * x_km.max() else ""
            readings = (
                f"{most}the facula peaks at {peak:.2f} of full scale and the ground at the outermost pixels of the "
                f"row reads about {ground:.2f}"
            )
        tinted = "saturated pixels in yellow" if self.saturated_pixels else "no saturated pixels"
        where = "around Occator" if self._whole_crater else "of Occator's centre only"
        return (
            f"{self.ax_img.get_title().replace(chr(10), '; ')}. Left: {self.brightness_words()} model camera image "
            f"{where} with {tinted}. Right: the detector reading along the "
            f"dotted row through the facula at {self._view}, with the saturation level as a dashed line. "
            f"Along that row {readings}; the facula "
            f"is {facula}."
        )


class SharpnessView(FastFigure):
    """Lesson 08's widget: a schematic crater and facula averaged into camera pixels.

    Parameters
    ----------
    model : ndarray
        Fine reflectance map from :func:`utils.imaging.facula_model`.
    field : Quantity
        Width of the model map.
    ifov : Quantity
        The camera's pixel angle.
    facula_diameter, crater_diameter : Quantity
        Outlines drawn on top.
    stops : sequence of float, optional
        The slider's distances in km. When given, :meth:`update` draws these distances only, so the view
        cannot be asked for a distance the lesson keeps off the slider (an exercise's answer).
    """

    VIEW_PIXELS = 48  # the view spans this many camera pixels, within the limits below
    VIEW_FACULAE = 3  # but never less than this many facula widths, nor more than the model's field
    RIM = style.OTHER_COLOURS["light grey"]  # dashed; not teal (near Dawn's green), not olive (a verdict's colour)
    FACULA = "white"  # light, with a dark edge (FACULA_EDGE): seen on the grey pixels and on the white facula
    FACULA_EDGE = style.OTHER_COLOURS["indigo"]
    ROUND_FROM = 12  # camera pixels across the facula from which the alt text calls its outline round (RC3: ~8)
    RING = 1.3  # the facula's ring is drawn this many times its radius: just outside, so its pixel edge shows

    def __init__(self, model, field, ifov, facula_diameter, crater_diameter, stops=None):
        from matplotlib import patheffects
        from matplotlib.patches import Circle

        model = array(model, "model", ndim=2, low=0)
        field, ifov = _single(field, u.km, "field"), _single(ifov, u.rad, "ifov")
        self.facula = _single(facula_diameter, u.km, "facula_diameter")
        self.crater = crater = _single(crater_diameter, u.km, "crater_diameter")
        super().__init__((6.4, 5.2))
        self.model, self.field, self.ifov = model, field, ifov
        self.stops = None if stops is None else array(stops, "stops", ndim=1, low=0)
        self.ax = self.figure.add_subplot()
        self.figure.subplots_adjust(left=0.1, right=0.86, bottom=0.19, top=0.85)
        self._image = self.ax.imshow(
            np.zeros((2, 2)), cmap="gray", vmin=0, vmax=float(np.max(model)), origin="lower", interpolation="nearest"
        )
        # the frame follows the distance (see update), from the whole field down to a few facula widths; where
        # the whole camera pixels cover a little less than the field, the margin shows the ground's own shade
        half = field.to_value(u.km) / 2
        self.ax.set(xlim=(-half, half), ylim=(-half, half))
        self._view_km = 2 * half
        self.ax.set_facecolor(self._image.cmap(self._image.norm(float(model[0, 0]))))
        ticks = np.linspace(0, float(np.max(model)), 5)
        bar = self.figure.colorbar(self._image, ax=self.ax, fraction=0.05, pad=0.03, ticks=ticks)
        bar.set_label("reflectance", fontsize=11)
        bar.ax.tick_params(labelsize=10)
        edge = [patheffects.Stroke(linewidth=3.6, foreground=self.FACULA_EDGE), patheffects.Normal()]
        dots = (0, (1, 1.5))  # dense dots, so the ring reads as a ring at every stop
        for radius, ls, lw, colour, effects, label in [
            (crater.to_value(u.km) / 2, "--", 1.8, self.RIM, None, "crater rim"),
            (self.RING * self.facula.to_value(u.km) / 2, dots, 2.0, self.FACULA, edge, "ring around the facula"),
        ]:
            self.ax.add_patch(
                Circle((0, 0), radius, fill=False, ls=ls, lw=lw, color=colour, label=label, path_effects=effects)
            )
        self.ax.set_xlabel("x (km)", fontsize=11)
        self.ax.set_ylabel("y (km)", fontsize=11)
        self.ax.tick_params(labelsize=10)
        self._legend = legend = self._new_legend(rim_seen=True)
        self._rim_in_legend = True
        self.ax.grid(False)
        # between two distances with the same view, the axes and their ticks stay: the rest is redrawn over them,
        # in the order of a full draw (image, outlines, frame, title, legend)
        self.animate(self._image, *self.ax.patches, *self.ax.spines.values(), self.ax.title, legend)

    def _new_legend(self, rim_seen: bool):
        """The legend below the axes (so it never covers the crater); the crater rim has an entry only when
        it is in view."""
        shown = [p for p in self.ax.patches if rim_seen or p.get_label() != "crater rim"]
        return self.ax.legend(handles=shown, loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=2, fontsize=10)

    def update(self, distance_km: float) -> SharpnessView:
        """Redraw for a distance (km, a plain number from a slider)."""
        if isinstance(distance_km, (str, bytes, bool)) or distance_km is None:
            raise TypeError(
                f"distance_km must be a number of km, such as 4400; got {type(distance_km).__name__} "
                f"{distance_km!r:.40}"
            )
        d = require(
            distance_km * u.km if not isinstance(distance_km, u.Quantity) else distance_km,
            u.km,
            "distance_km",
            positive=True,
        )
        if self.stops is not None and not np.any(np.isclose(self.stops, d.to_value(u.km), rtol=1e-9, atol=0)):
            raise ValueError(
                f"distance_km={d.to_value(u.km):,.0f} km is not a stop of this slider; "
                "move the slider, or pick one of its stops (view.stops)"
            )
        pixel = pixel_scale(d, self.ifov)
        self._pixel_km = pixel.to_value(u.km)  # for the alt text
        image, width = imaging.pixelate(self.model, self.field, pixel)
        half = width.to_value(u.km) / 2
        self._image.set_data(image)
        self._image.set_extent((-half, half, -half, half))
        # the view follows the pixel: about VIEW_PIXELS camera pixels across, so closer stops show the facula larger;
        # rounded to one significant figure, so the axes' ends and the title's width agree (60 km, not 61)
        about = float(f"{(self.VIEW_PIXELS * pixel).to_value(u.km):.1g}") * u.km
        view = min(max(about, self.VIEW_FACULAE * self.facula), self.field).to_value(u.km)
        if not np.isclose(view, self._view_km):
            self.ax.set(xlim=(-view / 2, view / 2), ylim=(-view / 2, view / 2))
            self.invalidate()  # new axis limits and ticks: the background is drawn again
        self._view_km = view
        rim_seen = view >= self.crater.to_value(u.km)
        if rim_seen != self._rim_in_legend:  # no legend entry for a rim that is not drawn
            old, self._legend = self._legend, self._new_legend(rim_seen)
            self._legend.set_animated(True)
            self._animated[self._animated.index(old)] = self._legend
            self._rim_in_legend = rim_seen
        cell = (self.field / np.shape(self.model)[0]).to(u.km)
        self._limit = f" (finer than the model's {cell:.2f} cells: no more detail)" if pixel < cell else ""
        note = f" (finer than {cell.to_value(u.km):.2f} km model cells)" if pixel < cell else ""  # on the first line
        shown = (  # three significant figures, in metres below 1 km
            f"{float(f'{pixel.to_value(u.km):.3g}'):g} km"
            if pixel >= 1 * u.km
            else f"{float(f'{pixel.to_value(u.m):.3g}'):g} m"
        )
        self._brightest = float(image.max()) / float(np.max(self.model))  # the facula's reflectance is 1
        self.ax.set_title(
            f"Schematic crater seen from {d.to_value(u.km):,.0f} km{note}\n"
            f"{shown} per pixel, brightest pixel's reflectance {image.max():.2f}; view {view:.0f} km wide",
            fontsize=11,
            y=1.0,  # where matplotlib puts it (no ticks on top): fixed, so no search of the tick labels per draw
        )
        return self

    def alt(self) -> str:
        """Alt text for the current state: the reading, and what to notice at this distance."""
        pixel_km = getattr(self, "_pixel_km", None)  # None until the first update
        across = self.facula.to_value(u.km) / pixel_km if pixel_km else float("nan")  # camera pixels
        if not np.isfinite(across):
            notice = "the figure waits for a distance"
        elif across < 1:
            dimmer = "much darker" if getattr(self, "_brightest", 0.0) < 0.6 else "darker"  # as a fraction of it
            notice = (
                f"the facula spans only {across:.2f} of a pixel, so its light is averaged with the dark ground: "
                f"one pixel is brighter than the rest, {dimmer} than the facula really is"
            )
        elif across < self.ROUND_FROM:
            notice = (
                f"the facula spans about {across:.1f} pixels: a blocky bright blob, roughly round with stepped edges"
            )
        else:
            notice = f"the facula spans about {across:.0f} camera pixels: its round outline shows"
        rim_seen = self._view_km >= self.crater.to_value(u.km)
        if rim_seen:
            notice += "" if across < 5 else " (the model's floor is as dark as the ground outside)"
            # facula_model's dark rim ring: pixels no wider than it show it, coarser ones average it away
            ring_km = 2 * imaging.FACULA_RIM * self.crater.to_value(u.km)
            shadow = ", with a thin darker ring at the rim, its shadow" if pixel_km <= ring_km else ""
            view = f"the whole crater is in view{shadow}"
        else:
            view = f"the view is zoomed in to {self._view_km:.0f} km around the facula (the crater rim is out of view)"
        limit = getattr(self, "_limit", "")
        # the outlines, the ring and the grey bar never change: the notebook's figure caption describes them
        return (
            f"{self.ax.get_title().replace(chr(10), ': ')}{limit}. At this distance {notice}. A schematic, not a "
            f"Dawn image; {view}."
        )
