"""Exercises of 01 · The asteroid belt."""

from __future__ import annotations

import dataclasses

import astropy.units as u
import numpy as np

from .. import belt
from ..checks import CheckResult, Exercise, Mistake, ReasonedExercise
from ..orbits import _resonance_location
from ..units import require

GROUPS = ("main belt", "near-Earth and Mars-crossers", "Jupiter Trojans", "centaurs", "trans-Neptunian")

#: Other fair words for the groups: singulars, common names and JPL's class codes (IMB, TJN, CEN, ...).
GROUP_SYNONYMS = {
    **{code: group for group, codes in belt.CLASS_GROUPS.items() if group in GROUPS for code in codes},
    "main belt asteroid": "main belt",
    "main belt asteroids": "main belt",
    "near-Earth": "near-Earth and Mars-crossers",
    **dict.fromkeys(
        (
            "near-Earth object",
            "near-Earth objects",
            "near-Earth asteroid",
            "near-Earth asteroids",
            "NEO",
            "NEOs",
            "NEA",
            "NEAs",
            "Amor",
            "Amors",
        ),
        "near-Earth and Mars-crossers",
    ),
    "Mars-crosser": "near-Earth and Mars-crossers",
    "Mars-crossers": "near-Earth and Mars-crossers",
    "Jupiter Trojan": "Jupiter Trojans",
    "Trojan": "Jupiter Trojans",
    "Trojans": "Jupiter Trojans",
    "centaur": "centaurs",
    "trans-Neptunian object": "trans-Neptunian",
    "trans-Neptunian objects": "trans-Neptunian",
    **dict.fromkeys(
        ("Kuiper belt", "Kuiper belt object", "Kuiper belt objects", "KBO", "KBOs"), "trans-Neptunian"
    ),  # the Kuiper belt is the best-known part of the trans-Neptunian region
}


# 01.1 · which group? --------------------------------------------------------


def _group(a, e):
    return belt._orbit_group(a, e)


def _always(word):
    return lambda a, e: word


def _main_belt_by_a(a, e):
    """The answer "main belt" for an orbit whose a alone would put it in the belt (its e may not: a Mars-crosser)."""
    if belt._orbit_group(a, 0) != "main belt":
        raise ValueError("a is outside the main belt's range: the next hint applies")
    return "main belt"


# 01.3 · resonance --------------------------------------------------------------


def _resonance(a_jupiter, p, q):
    a_j = require(a_jupiter, u.AU, "a_jupiter", positive=True, scalar=True)  # named as in the notebook
    return _resonance_location(a_j, p, q).to(u.AU)


def _three_figures(a_jupiter, p, q, rounding):
    """The resonance's distance in AU cut to three significant figures (2.82 or 2.83 for the 5:2), as read
    off the histogram or rounded too soon."""
    a = _resonance(a_jupiter, p, q).to_value(u.AU)
    step = 10.0 ** (np.floor(np.log10(abs(a))) - 2)
    return rounding(a / step) * step * u.AU


def _three_figures_down(a_jupiter, p, q):
    return _three_figures(a_jupiter, p, q, np.floor)


def _three_figures_up(a_jupiter, p, q):
    return _three_figures(a_jupiter, p, q, np.ceil)


def _read_off(a_jupiter, p, q, factor):
    """A value near the resonance but outside the check's 0.1 %, as a histogram reading gives: the centre of a
    band from 0.1 % to 0.6 % below (``factor`` < 1) or above it."""
    return _resonance(a_jupiter, p, q) * factor


def _read_off_below(a_jupiter, p, q):
    return _read_off(a_jupiter, p, q, 0.9965)


def _read_off_above(a_jupiter, p, q):
    return _read_off(a_jupiter, p, q, 1.0035)


def _period_ratio_as_distance(a_jupiter, p, q):
    return (require(a_jupiter, u.AU, "a_jupiter", positive=True) * q / p).to(u.AU)


def _another_resonance(ratio):
    """The distance of another of Jupiter's resonances (one printed in the notebook), pasted in by mistake."""

    def solve(a_jupiter, p, q):
        if (p, q) == ratio:  # this one is the right answer, not a mistake
            return np.nan * u.AU
        return _resonance_location(a_jupiter, *ratio).to(u.AU)

    return solve


def _ratio_upside_down(a_jupiter, p, q):
    return (require(a_jupiter, u.AU, "a_jupiter", positive=True) * (p / q) ** (2 / 3)).to(u.AU)


def _exponent_upside_down(a_jupiter, p, q):
    return (require(a_jupiter, u.AU, "a_jupiter", positive=True) * (q / p) ** (3 / 2)).to(u.AU)


def _exponent_unbracketed(a_jupiter, p, q):
    # a_jupiter * (q / p) ** 2 / 3: Python squares first, then divides by 3
    return (require(a_jupiter, u.AU, "a_jupiter", positive=True) * (q / p) ** 2 / 3).to(u.AU)


def _exponent_rounded(a_jupiter, p, q):
    # a_jupiter * (q / p) ** 0.67: the exponent rounded to two figures
    return (require(a_jupiter, u.AU, "a_jupiter", positive=True) * (q / p) ** 0.67).to(u.AU)


# 01.4 · diameter -------------------------------------------------------------------


def _diameter(H, albedo):
    return belt._diameter_from_h(H, albedo).to(u.km)


def _albedo_not_square_rooted(H, albedo):
    # D = K / p * 10**(-H/5): the albedo itself instead of its square root
    p = float(np.sqrt(belt._albedo(albedo)))
    return _diameter(H, albedo) / p


def _albedo_square_root_multiplied(H, albedo):
    # D = K * sqrt(p) * 10**(-H/5): multiplied by the square root of the albedo instead of divided
    return _diameter(H, albedo) * float(belt._albedo(albedo))


def _magnitude_over_2_5(H, albedo):
    h = belt._mag(H, "H")
    return _diameter(H, albedo) * 10 ** (-h / 5)  # 10**(-H/2.5) = 10**(-H/5) squared


def _radius_not_diameter(H, albedo):
    return _diameter(H, albedo) / 2


def _magnitude_unbracketed(H, albedo):
    # K / sqrt(p) * 10**-H / 5: Python takes 10**-H first, then divides by 5
    h = float(belt._mag(H, "H"))
    return _diameter(H, albedo) * 10 ** (h / 5) * 10.0**-h / 5


def _square_root_unbracketed(H, albedo):
    # K / p**1 / 2 * 10**(-H/5): Python divides by p, then by 2
    p = float(belt._albedo(albedo))
    return _diameter(H, albedo) * np.sqrt(p) / p / 2


def _square_root_unbracketed_in_brackets(H, albedo):
    # K / (p**1 / 2) * 10**(-H/5): p / 2 instead of the square root of p
    return 4 * _square_root_unbracketed(H, albedo)


def _catalogue_diameter(H, albedo):
    """The measured diameter of the catalogue object with this H and albedo (copied, not computed)."""
    from ..data import load_catalogue

    cat = load_catalogue()
    h = float(belt._mag(H, "H"))
    p = float(belt._albedo(albedo))
    rows = cat[
        (np.abs(cat["H"].to_value(u.mag) - h) < 1e-6)
        & (np.abs(np.ma.filled(cat["albedo"].to_value(u.one), np.nan) - p) < 1e-6)
    ]
    if len(rows) != 1 or np.ma.is_masked(rows["diameter"][0]):
        raise ValueError("no single catalogue object with this H and albedo")
    return u.Quantity(rows["diameter"][0]).to(u.km)


# 01.5 · a mass from a stated density ------------------------------------------------------


def _sphere_mass(diameter, density):
    return belt._sphere_mass(diameter, density).to(u.kg)


def _radius_for_diameter(diameter, density):
    # rho * pi * r**3 / 6: the radius put where the diameter belongs
    return _sphere_mass(diameter, density) / 8


def _diameter_for_radius(diameter, density):
    # 4/3 * pi * D**3 * rho: the radius formula fed the diameter
    return _sphere_mass(diameter, density) * 8


def _density_over_volume(diameter, density):
    # rho / (pi D^3 / 6): the density divided by the volume instead of multiplied by it
    d = require(diameter, u.km, "diameter", positive=True)
    rho = require(density, u.kg / u.m**3, "density", positive=True)
    return (rho / (np.pi * d**3 / 6)).to(u.kg / u.m**6)


def _catalogue_row_of_diameter(diameter):
    """The one catalogue object whose measured diameter is this one (the object exercise 5 is about)."""
    from ..data import load_catalogue

    cat = load_catalogue()
    d = require(diameter, u.km, "diameter", positive=True).to_value(u.km)
    rows = cat[np.abs(np.ma.filled(cat["diameter"].to_value(u.km), np.nan) - d) < 1e-6]
    if len(rows) != 1:
        raise ValueError("no single catalogue object with this measured diameter")
    return rows[0]


def _mass_from_formula_diameter(diameter, density):
    # the right formula with exercise 4's diameter (from H and albedo) instead of the measured one
    row = _catalogue_row_of_diameter(diameter)
    return _sphere_mass(_diameter(row["H"], float(row["albedo"])), density)


def _mass_from_imaged_diameter(diameter, density):
    # the right formula with the diameter from the VLT/SPHERE images (Hygiea only) instead of the measured one
    from ..facts import fact

    if _catalogue_row_of_diameter(diameter)["name"] != "Hygiea":
        raise ValueError("only Hygiea has an imaged diameter in the facts table")
    return _sphere_mass(2 * fact("hygiea.radius"), density)


# 01.6 · the belt and the Moon --------------------------------------------------------


def _belts_per_moon(moon_mass, belt_mass):
    m_moon = require(moon_mass, u.kg, "moon_mass", positive=True)
    m_belt = require(belt_mass, u.kg, "belt_mass", positive=True)
    return float((m_moon / m_belt).to_value(u.one))


def _moons_per_belt(moon_mass, belt_mass):
    return 1 / _belts_per_moon(moon_mass, belt_mass)


def _as_percentage(moon_mass, belt_mass):
    return 100 / _belts_per_moon(moon_mass, belt_mass)


# 01.7 · mean spacing ---------------------------------------------------------------


def _spacing(n_asteroids, belt_volume, n_catalogue=None):
    return belt._mean_spacing(n_asteroids, belt_volume).to(u.km)


def _volume_per_asteroid(n_asteroids, belt_volume, n_catalogue=None):
    # the cube's volume, without the cube root
    v = require(belt_volume, u.km**3, "belt_volume", positive=True)
    n = require(n_asteroids, u.one, "n_asteroids", positive=True)
    return (v / n).to(u.km**3)


def _volume_per_asteroid_cubed(n_asteroids, belt_volume, n_catalogue=None):
    # (volume / n) ** 3: the power 3 where the cube root belongs
    return _volume_per_asteroid(n_asteroids, belt_volume) ** 3


def _asteroids_per_volume(n_asteroids, belt_volume, n_catalogue=None):
    # n / V: the volume shared the wrong way round (asteroids per unit volume)
    return (1 / _volume_per_asteroid(n_asteroids, belt_volume)).to(u.km**-3)


def _cube_root_of_asteroids_per_volume(n_asteroids, belt_volume, n_catalogue=None):
    # (n / V) ** (1 / 3): the cube root taken, but of the inverse share
    return (1 / _spacing(n_asteroids, belt_volume)).to(1 / u.km)


def _cube_root_unbracketed(n_asteroids, belt_volume, n_catalogue=None):
    # (volume / n) ** 1 / 3: Python takes the power 1 first, then divides by 3
    return _volume_per_asteroid(n_asteroids, belt_volume) / 3


def _square_root_not_cube_root(n_asteroids, belt_volume, n_catalogue=None):
    return _volume_per_asteroid(n_asteroids, belt_volume) ** 0.5


def _sphere_radius(n_asteroids, belt_volume, n_catalogue=None):
    # each asteroid given a sphere of that volume, and its radius taken: (3 V / (4 pi N))**(1/3)
    return _spacing(n_asteroids, belt_volume) * (3 / (4 * np.pi)) ** (1 / 3)


def _nearest_neighbour(n_asteroids, belt_volume, n_catalogue=None):
    # the printed random nearest-neighbour distance pasted in, about 0.55 times the cube's side
    return belt.nearest_neighbour_distance(n_asteroids, belt_volume).to(u.km)


def _nearest_neighbour_doubled(n_asteroids, belt_volume, n_catalogue=None):
    # "roughly half as far" undone: twice the random nearest-neighbour distance, 1.11 times the cube's side
    return 2 * _nearest_neighbour(n_asteroids, belt_volume)


def _catalogue_count(n_asteroids, belt_volume, n_catalogue=None):
    if n_catalogue is None:
        raise ValueError("no catalogue count given")
    return _spacing(n_catalogue, belt_volume)


# 01.8 · encounters -----------------------------------------------------------------


def _encounters(n_asteroids, belt_volume, distance, path_length):
    v = require(belt_volume, u.km**3, "belt_volume", positive=True)
    n = require(n_asteroids, u.one, "n_asteroids", positive=True)
    # a plain number, so that an answer with a unit gets "wants a plain number without a unit"
    return float(belt._expected_encounters(n / v, distance, path_length).to_value(u.one))


def _encounters_cubes_crossed(n_asteroids, belt_volume, distance, path_length):
    # the path length over the mean spacing: how many cubes the path crosses, not a count within `distance`
    v = require(belt_volume, u.km**3, "belt_volume", positive=True)
    n = require(n_asteroids, u.one, "n_asteroids", positive=True)
    return float((require(path_length, u.km, "path_length") / belt._mean_spacing(n, v)).to_value(u.one))


def _encounters_units_stripped(n_asteroids, belt_volume, distance, path_length):
    # `.value` on inputs in different units (AU and km): the numbers no longer share a unit
    values = [q.value if isinstance(q, u.Quantity) else float(q) for q in (belt_volume, distance, path_length)]
    n = require(n_asteroids, u.one, "n_asteroids", positive=True)
    return float(n / values[0] * np.pi * values[1] ** 2 * values[2])


def _encounters_without_path(n_asteroids, belt_volume, distance, path_length):
    # n / V times the cylinder's cross-section, pi d^2, with no path length: a number per km
    v = require(belt_volume, u.km**3, "belt_volume", positive=True)
    n = require(n_asteroids, u.one, "n_asteroids", positive=True)
    return (n / v * np.pi * require(distance, u.km, "distance") ** 2).to(1 / u.km)


def _encounters_times_ten(n_asteroids, belt_volume, distance, path_length):
    return 10 * _encounters(n_asteroids, belt_volume, distance, path_length)  # a power of ten slipped


def _encounters_over_ten(n_asteroids, belt_volume, distance, path_length):
    return _encounters(n_asteroids, belt_volume, distance, path_length) / 10


def _resonance_in_km(a_jupiter, p, q):
    # the right number with the wrong length unit (2.825 km): no conversion would give it
    return _resonance(a_jupiter, p, q).to_value(u.AU) * u.km


def _resonance_in_m(a_jupiter, p, q):
    return _resonance(a_jupiter, p, q).to_value(u.AU) * u.m


def _encounters_with_diameter(n_asteroids, belt_volume, distance, path_length):
    return 4 * _encounters(n_asteroids, belt_volume, distance, path_length)  # (2d)^2 instead of d^2


def _encounters_halved_distance(n_asteroids, belt_volume, distance, path_length):
    return _encounters(n_asteroids, belt_volume, distance, path_length) / 4  # (d/2)^2: distance taken as a diameter


def _encounters_without_pi(n_asteroids, belt_volume, distance, path_length):
    return _encounters(n_asteroids, belt_volume, distance, path_length) / np.pi


def _to_figures(value, figures, rounding):
    """`value` cut to `figures` significant figures by `rounding` (np.round, np.ceil, ...), units kept."""
    number = value.value if isinstance(value, u.Quantity) else value
    step = 10.0 ** (np.floor(np.log10(abs(number))) - figures + 1)
    return rounding(value / step) * step


def _spacing_one_figure(n_asteroids, belt_volume, n_catalogue=None):
    return _to_figures(_spacing(n_asteroids, belt_volume), 1, np.round)


def _spacing_one_figure_in_au(n_asteroids, belt_volume, n_catalogue=None):
    return _to_figures(_spacing(n_asteroids, belt_volume).to(u.AU), 1, np.round)


def _spacing_two_figures_cut(n_asteroids, belt_volume, n_catalogue=None):
    # the third figure dropped instead of rounded (3.88 -> 3.8)
    return _to_figures(_spacing(n_asteroids, belt_volume), 2, np.floor)


def _spacing_two_figures_cut_in_au(n_asteroids, belt_volume, n_catalogue=None):
    return _to_figures(_spacing(n_asteroids, belt_volume).to(u.AU), 2, np.floor)


def _ten_earth_moon_distances(n_asteroids, belt_volume, n_catalogue=None):
    # a round guess typed in: ten Earth-Moon distances, not computed from the volume and the count
    from ..facts import fact

    return (10 * fact("moon.a")).to(u.km)


def _belts_per_moon_one_figure(moon_mass, belt_mass):
    return float(_to_figures(_belts_per_moon(moon_mass, belt_mass), 1, np.round))


def _encounters_two_figures_up(n_asteroids, belt_volume, distance, path_length):
    return _to_figures(_encounters(n_asteroids, belt_volume, distance, path_length), 2, np.ceil)


def _encounters_rounded(n_asteroids, belt_volume, distance, path_length):
    # a whole number of asteroids: the expected number rounded
    return float(round(_encounters(n_asteroids, belt_volume, distance, path_length)))


# 01.9 · the darker outer belt -----------------------------------------------------------


def _albedo_trend():
    # An "explain" question: the answer is a choice, not a number.
    return "composition"


@dataclasses.dataclass(frozen=True)
class ChoiceWithReason(ReasonedExercise):
    """A choice with its one-line reason.

    The reason (the input ``reason``, the student's ``reason_9``) is graded by the instructor page's rubric,
    not here. A right choice with an empty reason is asked to write one; a reason of one, two or three words is
    asked why the other explanations fail. A choice won by elimination thus still asks for the argument.
    """

    reason_name: str = "reason_9"
    missing_reason: str = "why do the other two explanations not fit? Name what rules each one out."
    short_reason: str = "say in a sentence why distance and why size do not explain the darker outer belt."
    min_reason_words: int = 4
    #: Word stems that show a reason takes up distance or size; a reason with none of them is nudged (not graded).
    other_options: tuple[tuple[str, ...], ...] = (
        ("distan", "far", "light", "sun"),
        ("size", "small", "larg", "big", "diamet"),
    )
    neither_option: str = "names neither distance nor size: say what rules out each of the other two."
    graded_by_hand: str = "That is the right choice; your instructor grades the reason."

    def _reason_prompt(self, reason):
        # no reason passed at all (reason=None, or the argument left out) is asked for one, like an empty one
        ask = super()._reason_prompt("" if reason is None else reason)
        if ask:
            return ask
        text = str(reason).lower()
        if any(stem in text for stems in self.other_options for stem in stems):
            return self.graded_by_hand
        return f"Your reason in {self.reason_name} {self.neither_option}"


# 01.1 and 01.2 · which group? One check, asked for two objects ----------------------------


def _near_earth_subclass(a, e):
    """JPL's near-Earth class of an orbit ("Amor", "Apollo", "Aten" or "Atira"), or None when q >= 1.3 AU."""
    a_au = float(require(a, u.AU, "a", positive=True).to_value(u.AU))
    ecc = float(require(e, u.one, "e", nonnegative=True).to_value(u.one))
    if a_au * (1 - ecc) >= 1.3:
        return None
    if a_au < 1:  # inside Earth's orbit: Q = a(1 + e) decides
        return "Atira" if a_au * (1 + ecc) < 0.983 else "Aten"
    return "Apollo" if a_au * (1 - ecc) < 1.017 else "Amor"


_SUBCLASS_WORDS = {
    **dict.fromkeys(("apollo", "apollos"), "Apollo"),
    **dict.fromkeys(("aten", "atens"), "Aten"),
    **dict.fromkeys(("atira", "atiras"), "Atira"),
}


@dataclasses.dataclass(frozen=True)
class _GroupExercise(Exercise):
    """The group question, where a near-Earth class that does not fit the orbit is wrong, not badly formed.

    A finer class that fits (an Apollo called "Apollo") stays a request for the lesson's broader group.
    """

    def check(self, answer, **inputs):
        result = super().check(answer, **inputs)
        word = _SUBCLASS_WORDS.get(" ".join(answer.lower().split())) if isinstance(answer, str) else None
        if word is None or result.status != "invalid":
            return result
        try:
            fits = _near_earth_subclass(**inputs) == word
        except Exception:  # inputs the check itself reports on
            return result
        if fits:
            return result
        hint = next(iter(self.incomplete.values()))
        return CheckResult("incorrect", f"That is not right. Hint: {hint}", result.name)


_WHICH_GROUP = _GroupExercise(
    title="Exercise 1 · which group orbits at a = {a:.2f}?",
    solve=_group,
    choices=GROUPS,
    synonyms=GROUP_SYNONYMS,
    # near-Earth subclasses the lesson's groups do not list: a hint about the orbit, not a format error
    incomplete=dict.fromkeys(
        ("Apollo", "Apollos", "Aten", "Atens", "Atira", "Atiras"),
        "Apollo, Aten and Atira are finer classes, for orbits that come within Earth's distance from the Sun. "
        "This lesson sorts orbits into broader groups: compute the object's perihelion q = a(1 - e) and "
        "compare it with the groups' definitions.",
    ),
    hint="Find the object's a and e on the a-e plot and see which cloud of markers is there; "
    "compare with the lines of Mars and Jupiter, and with 30 AU, Neptune's distance.",
    mistakes=(
        Mistake(
            _main_belt_by_a,
            "Its a is in the belt's range, but a group depends on e too: how close to the Sun does this orbit "
            "come? Compute its perihelion q = a(1 - e) and compare it with the groups' definitions.",
        ),
        Mistake(
            _always("main belt"),
            "The main belt lies between Mars and Jupiter, mostly at a of about 2 to 3.5 AU; "
            "this object's a is not there.",
        ),
        Mistake(
            _always("Jupiter Trojans"),
            "Trojans share Jupiter's orbit: a close to Jupiter's and a "
            "small eccentricity. Compare this object's a and e with that.",
        ),
        Mistake(
            _always("centaurs"),
            "Centaurs orbit between Jupiter and Neptune (about 5.5 to 30 AU). Is this object's a in that range?",
        ),
        Mistake(_always("trans-Neptunian"), "Trans-Neptunian objects have a beyond Neptune's, about 30 AU."),
        Mistake(
            _always("near-Earth and Mars-crossers"),
            "Near-Earth objects and Mars-crossers come close to the Sun: their perihelion (the orbit's "
            "point closest to the Sun), q = a(1 - e), is below about 1.67 AU. Compute this object's q.",
        ),
    ),
)


_EXERCISES = {
    "01.1": _WHICH_GROUP,
    # a second object for the same question: another title, the same check and hints
    "01.2": dataclasses.replace(_WHICH_GROUP, title="Exercise 2 · a second object, at a = {a:.2f}: which group?"),
    "01.3": Exercise(
        title="Exercise 3 · where is the {p}:{q} resonance?",
        solve=_resonance,
        rtol=0.001,  # 4 significant figures pass, and so does a_J rounded to 5.2 AU (2.823 AU, 0.06 % off);
        # 2.82 or 2.83 AU (0.16 % and 0.19 % off), what a histogram bin gives, do not
        hint="In the p:q resonance the asteroid's period is q/p of Jupiter's; "
        "Kepler's third law says a is proportional to T^(2/3).",
        mistakes=(
            *(
                Mistake(
                    solve,
                    "The number looks right, but the unit is not: a_jupiter is in AU, so the distance is too "
                    "(end with `* u.AU`, or keep the unit a_jupiter brings).",
                )
                for solve in (_resonance_in_km, _resonance_in_m)
            ),
            Mistake(
                _period_ratio_as_distance,
                "q/p is the ratio of the periods, not of the distances. Kepler's third law turns a "
                "period ratio into a distance ratio: which power?",
            ),
            Mistake(
                _ratio_upside_down,
                "Your answer puts the resonance outside Jupiter's orbit. The asteroid makes more orbits than Jupiter, "
                "so its period is shorter and its orbit smaller: check which way up the fraction goes.",
            ),
            Mistake(
                _exponent_upside_down,
                "T^2 is proportional to a^3, so a is proportional to T to the power 2/3, not 3/2.",
            ),
            Mistake(
                _exponent_unbracketed,
                "Python reads `x ** 2 / 3` as x squared, then divided by 3. Put the whole exponent in brackets.",
            ),
            Mistake(
                _exponent_rounded,
                "That is what the exponent 0.67 gives: 0.67 is not exactly 2/3, and four significant figures show "
                "the difference. Write the exponent as a fraction, 2 / 3.",
                rtol=5e-5,  # only that exponent's result, not the values a histogram bin gives nearby (2.815)
            ),
            *(
                Mistake(
                    _another_resonance(ratio),
                    "That is another resonance's distance. Use p_res and q_res for this exercise's resonance.",
                )
                for ratio in ((4, 1), (3, 1), (5, 2), (7, 3), (2, 1))
            ),
            *(
                Mistake(
                    solve,
                    "Close, but only to three figures: a histogram bin or an early rounding is not precise enough "
                    "here. Compute the distance with Kepler's law and keep at least four significant figures.",
                    rtol=2e-4,  # the three-figure value itself (2.82 or 2.83), not a four-figure one near it
                )
                for solve in (_three_figures_down, _three_figures_up)
            ),
            *(
                Mistake(
                    solve,
                    "Close, but not precise enough: a value read off the histogram, or rounded too soon, misses by "
                    "more than the check allows. Compute the distance with Kepler's law and keep at least four "
                    "significant figures.",
                    rtol=0.0026,  # 0.1 % to 0.6 % off, either way: near, but outside the exercise's 0.1 %
                )
                for solve in (_read_off_below, _read_off_above)
            ),
        ),
    ),
    "01.4": Exercise(
        title="Exercise 4 · a diameter from H and albedo",
        solve=_diameter,
        rtol=0.002,  # three figures pass (377 km), a wrong third figure (375 km) does not
        hint="D = K / sqrt(albedo) * 10**(-H/5), with K = 2 AU * 10**(V_sun/5) (the K printed above).",
        mistakes=(
            Mistake(
                _albedo_not_square_rooted,
                "The flux grows with albedo times D squared, so D goes with one over the square root "
                "of the albedo, not one over the albedo.",
            ),
            Mistake(
                _albedo_square_root_multiplied,
                "A brighter surface reflects more light, so for the same H it belongs to a smaller body: "
                "divide by the square root of the albedo, do not multiply by it.",
            ),
            Mistake(
                _magnitude_over_2_5,
                "Five magnitudes are a factor 100 in flux, but only a factor 10 in diameter: the exponent is -H/5.",
            ),
            Mistake(_radius_not_diameter, "That is the radius; the formula gives the diameter."),
            Mistake(
                _magnitude_unbracketed,
                "Python reads `10**-H / 5` as 10**-H, then divided by 5. Put the whole exponent in brackets.",
            ),
            *(
                Mistake(
                    solve,
                    "Python reads `p**1 / 2` as p divided by 2, not its square root. "
                    "Put the exponent in brackets, or use np.sqrt.",
                )
                for solve in (_square_root_unbracketed, _square_root_unbracketed_in_brackets)
            ),
            Mistake(
                _catalogue_diameter,
                "That is the catalogue's measured diameter. The exercise asks you to compute the diameter "
                "from H and the albedo with the formula, then compare.",
                rtol=0.002,  # only the copied value itself, not a nearby round guess
            ),
        ),
    ),
    "01.5": Exercise(
        title="Exercise 5 · a mass from a stated density",
        solve=_sphere_mass,
        rtol=0.01,
        hint="A sphere of diameter D has the volume pi D^3 / 6; multiply by the density. "
        "astropy converts g/cm3 times km^3 to kg with .to(u.kg).",
        mistakes=(
            Mistake(
                _radius_for_diameter,
                "Your mass is eight times too small: pi D^3 / 6 wants the diameter, and you used the radius.",
            ),
            Mistake(
                _diameter_for_radius,
                "Your mass is eight times too large: 4/3 pi r^3 wants the radius, half the diameter.",
            ),
            *(
                Mistake(
                    solve,
                    "Your formula is right, but with another diameter: use `d_hygiea`, the measured diameter.",
                    rtol=0.005,  # that diameter itself, not a nearby guess
                )
                for solve in (_mass_from_formula_diameter, _mass_from_imaged_diameter)
            ),
            Mistake(
                _density_over_volume,
                "You divided the density by the volume. A density is mass per volume, so the mass is the density "
                "times the volume.",
            ),
        ),
    ),
    "01.6": Exercise(
        title="Exercise 6 · how many belts make one Moon?",
        solve=_belts_per_moon,
        rtol=0.005,
        hint="Divide the Moon's mass by the belt's mass; the units cancel.",
        mistakes=(
            Mistake(
                _moons_per_belt,
                "That is the belt as a fraction of the Moon. The question asks how many belts it "
                "takes to make one Moon: divide the other way round.",
                rtol=0.03,  # two significant figures too
            ),
            Mistake(
                _belts_per_moon_one_figure,
                "Close, but rounded to one figure (or cut to a whole number, as `int` does): give three "
                "significant figures.",
                rtol=0.002,  # the rounded value itself, not a nearby answer
            ),
            Mistake(
                _as_percentage,
                "That is the belt's mass as a percentage of the Moon's. The question asks how many belts "
                "make one Moon.",
                rtol=0.03,
            ),
        ),
    ),
    "01.7": Exercise(
        title="Exercise 7 · how far apart are the asteroids?",
        solve=_spacing,
        # 0.8 %: the two-figure answer (0.5 % off) passes, ten Earth-Moon distances (1.0 % off), a round guess, does not
        rtol=0.008,
        hint="Share the volume out: each asteroid gets `volume / n_km`. That is the volume of its cube; "
        "the cube's side is a length.",
        mistakes=(
            Mistake(
                _volume_per_asteroid,
                "That is the volume of each asteroid's cube. The spacing is the cube's side: take the "
                "cube root, ** (1 / 3).",
            ),
            Mistake(
                _volume_per_asteroid_cubed,
                "You raised the volume to the power 3. The side of a cube is the cube root of its volume: ** (1 / 3).",
            ),
            *(
                Mistake(
                    solve,
                    "You divided the wrong way: `n_km / volume` is the number of asteroids per unit volume. "
                    "Each asteroid's share of the ring is the volume divided by the number of asteroids.",
                )
                for solve in (_asteroids_per_volume, _cube_root_of_asteroids_per_volume)
            ),
            Mistake(
                _cube_root_unbracketed,
                "Python reads `x ** 1 / 3` as x to the power 1, then divided by 3. "
                "Put the exponent in brackets: ** (1 / 3).",
            ),
            Mistake(
                _square_root_not_cube_root,
                "A cube's volume is its side to the power 3: take the cube root, ** (1 / 3), not the square root.",
            ),
            Mistake(
                _sphere_radius,
                "You gave each asteroid a sphere and took its radius. The model here is a cube: its side "
                "is the cube root of the volume per asteroid.",
            ),
            Mistake(
                _nearest_neighbour,
                "That is the distance to the nearest neighbour for asteroids placed at random. The question "
                "asks for the side of each asteroid's cube: the cube root of `volume / n_km`.",
            ),
            Mistake(
                _nearest_neighbour_doubled,
                "That is the nearest-neighbour distance scaled by a rough factor. The question asks for the "
                "side of each asteroid's cube: the cube root of `volume / n_km`.",
            ),
            Mistake(
                _ten_earth_moon_distances,
                "That looks like a round guess in Earth-Moon distances. Compute the spacing: the side of a cube "
                "of volume `volume / n_km`.",
                rtol=0.002,  # that round number itself, not a nearby computed answer
            ),
            Mistake(
                _catalogue_count,
                "You shared the volume among the catalogue's main-belt objects only, the bright giants. "
                "Use `n_km`, the number of asteroids larger than 1 km.",
            ),
            *(
                # exact roundings only: 0.03 AU is 4.49e6 km, so a 2 % band would call 4.4e6 km "rounded"
                Mistake(solve, "Close, but rounded to one figure: keep at least two significant figures.", rtol=1e-6)
                for solve in (_spacing_one_figure, _spacing_one_figure_in_au)
            ),
            *(
                Mistake(
                    solve,
                    "Close, but cut short rather than rounded: round to two significant figures (look at the "
                    "third figure to decide whether the second goes up).",
                    rtol=1e-6,
                )
                for solve in (_spacing_two_figures_cut, _spacing_two_figures_cut_in_au)
            ),
        ),
    ),
    "01.8": Exercise(
        title="Exercise 8 · how many asteroids would you pass?",
        solve=_encounters,
        rtol=0.03,
        hint="Your path sweeps a cylinder of radius `distance` and length `path_length`; "
        "multiply its volume by the number of asteroids per unit volume.",
        mistakes=(
            Mistake(
                _encounters_with_diameter,
                "`distance` is the radius of the cylinder your path sweeps, not its diameter.",
            ),
            Mistake(
                _encounters_halved_distance,
                "`distance` is already the radius of the cylinder your path sweeps: do not halve it.",
            ),
            Mistake(
                _encounters_without_pi,
                "The cylinder's cross-section is a circle: its area is pi times the radius squared.",
            ),
            Mistake(
                _encounters_cubes_crossed,
                "That counts the cubes your path crosses, not the asteroids within `distance` of it: count "
                "the asteroids in the cylinder of radius `distance` around the path.",
            ),
            Mistake(
                _encounters_without_path,
                "A length is missing: your answer is a number per km. Multiply by `path_length`, the length "
                "of the cylinder.",
            ),
            Mistake(
                _encounters_units_stripped,
                "Your inputs are in different units (AU and km), and `.value` dropped them: keep the units, "
                "and end with `.to(u.one)`.",
            ),
            Mistake(
                _encounters_rounded,
                "That looks rounded to a whole number. An expected number (an average over many crossings) "
                "need not be a whole number: give the unrounded value to two significant figures.",
            ),
            Mistake(
                _encounters_two_figures_up,
                "Close, but rounded the wrong way or too soon: keep more figures in the steps and round to two "
                "significant figures once, at the end.",
            ),
            *(
                Mistake(
                    solve,
                    "Off by a factor of about 10: check the powers of ten, and let astropy convert the units "
                    "(end with `.to(u.one)`).",
                )
                for solve in (_encounters_times_ten, _encounters_over_ten)
            ),
        ),
    ),
    "01.9": ChoiceWithReason(
        title="Exercise 9 · why is the outer belt darker?",
        solve=_albedo_trend,
        choices=("distance", "composition", "size"),
        hint="What does an albedo compare the surface with, and under which light? "
        "And which asteroids does the H ≤ 12 cut let into the catalogue?",
        mistakes=(
            Mistake(
                lambda: "distance",
                "What does an albedo compare? If a body and the white disc it is compared with both moved "
                "farther from the Sun, would that ratio change?",
            ),
            Mistake(
                lambda: "size",
                "Compare the median diameters printed beside the albedos: is the darker outer sample made of "
                "smaller asteroids? And which surface, dark or bright, needs the larger body to reach H = 12?",
            ),
        ),
    ),
}

#: Written questions, answered in words; model answers and rubrics are on the instructor page.
WRITTEN = {
    "01.10": "Exercise 10 · what does a bright-only catalogue hide?",
}
