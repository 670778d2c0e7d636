"""Exercises of 00 · Start here."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import astropy.units as u
import numpy as np

from ..checks import INCORRECT, INVALID, CheckResult, Exercise, Mistake, RoundedTooFar
from ..units import require

MILE = u.imperial.mile


# --- 00.1: miles to kilometres (a length in any unit but the one it was given in) ---


@dataclass(frozen=True)
class ConvertExercise(Exercise):
    """An exercise on converting a length: the right length still in the input's own unit is refused.

    ``input_name`` names the input whose unit the answer must leave (nothing is refused when that unit is
    already ``target``, e.g. an input given in km for an exercise asking for km).
    """

    input_name: str = "distance"
    target: Any = u.km
    same_unit_hint: str = ""

    def check(self, answer: Any, **inputs: Any) -> CheckResult:
        result = super().check(answer, **inputs)
        if isinstance(answer, u.UnitBase) and result.status == INVALID and "you gave" in result.message:  # u.km alone
            return CheckResult(
                INVALID,
                "This exercise wants a length; you gave a unit without a number. Write the number "
                "times the unit, for example 1234 * u.km.",
                result.name,
            )
        if not result.ok:
            return result
        if np.ndim(answer) > 0:  # [4345] * u.km: right, but a list of one value
            return CheckResult(
                INVALID,
                "This exercise wants one length, not a list: write the number times the unit, for example "
                "1234 * u.km, without square brackets.",
                result.name,
            )
        try:
            given = inputs[self.input_name].unit
            same = isinstance(answer, u.Quantity) and answer.unit == given and given != self.target
        except Exception:  # unusable inputs are reported by Exercise.check already
            same = False
        if same:
            hint = self.same_unit_hint.format(unit=given.to_string())
            return CheckResult(
                INCORRECT, f"The length is the one given, but not converted yet. Hint: {hint}", result.name
            )
        return result


def _miles_to_km(distance):
    return require(distance, u.km, "distance", positive=True).to(u.km)


def _miles_number_called_km(distance):
    # the number of miles with "km" stuck on it: 2700 * u.km
    return require(distance, u.km, "distance", positive=True).to_value(MILE) * u.km


def _miles_divided_not_multiplied(distance):
    # 1 mile = 1.609 km; dividing the number of miles by 1.609 gives too few kilometres
    mile_in_km = (1 * MILE).to_value(u.km)
    return _miles_number_called_km(distance) / mile_in_km


def _miles_rounded_factor(factor_km_per_mile):
    # the number of miles converted with a rounded factor from school (x 1.6, or / 0.62)
    def solve(distance):
        return _miles_number_called_km(distance) * factor_km_per_mile

    return solve


def _factor_kept_in_input_unit(factor_km_per_mile):
    # the Quantity itself multiplied by a factor (survey_altitude * 1.609344): the right number of kilometres,
    # or a school factor's, still labelled in miles, a far longer distance
    def solve(distance):
        d = require(distance, u.km, "distance", positive=True)
        if d.unit != MILE:
            raise ValueError("the hint speaks of miles: the input is in another unit")
        return d * factor_km_per_mile

    return solve


_FACTOR_KEPT_IN_MILES_HINT = (
    "You multiplied the Quantity by a factor, so astropy still labels it in miles: that many miles is a far "
    "longer distance than the altitude. A Quantity converts itself, with no factor to type: use .to(u.km)."
)


_ROUNDED_FACTOR_HINT_KM = (
    "That is a conversion with a rounded factor (such as 1.6 km per mile, or dividing by 0.62): close, but "
    "off by more than the rounding. Let astropy convert the Quantity: use the .to() method with u.km."
)


_FEWER_KM_THAN_MILES_HINT = (
    "A kilometre is shorter than a mile, so a distance has more kilometres than miles. "
    "Let astropy do the conversion with .to(u.km)."
)


def _release_kilometres(distance):
    # the kilometres a NASA release gave for the same orbit, rounded to two figures (2,700 miles: "4,400 km"),
    # copied instead of converted; the facts table keeps them as a Ceres orbit's altitude
    from ..facts import fact, fact_ids

    d = require(distance, u.km, "distance", positive=True)
    for fact_id in fact_ids():
        if fact_id.startswith("ceres.orbit_") and fact_id.endswith("_altitude"):
            km = fact(fact_id).to(u.km)
            if abs((km / d).to_value(u.one) - 1) < 0.02 and not np.isclose(km.to_value(u.km), d.to_value(u.km)):
                return km
    raise ValueError("no release in the facts table gives this distance in kilometres")


def _release_miles_called_km(distance):
    # NASA's kilometres converted to miles, then labelled km again ("2734 mi" copied as 2734 km)
    return _release_kilometres(distance).to_value(MILE) * u.km


_RELEASE_HINT = (
    "That is NASA's own figure for this orbit (or its conversion), not a conversion of survey_altitude. "
    "Convert survey_altitude yourself with the .to() method."
)


def _miles_plus_radius(distance):
    # the distance from Ceres' centre (altitude + radius, exercise 3's question) instead of the conversion alone
    from ..facts import fact

    return (_miles_to_km(distance) + fact("ceres.radius")).to(u.km)


def _other_news_distance(distance, given_as="news.distance_survey"):
    # the other distance the news quoted instead of this one; only where this one is the news distance the hint
    # names (``given_as``): with an instructor's other input, the hint's variable names would be wrong
    from ..facts import fact, fact_ids

    d = require(distance, u.km, "distance", positive=True)
    if not np.isclose(d.to_value(u.km), fact(given_as).to_value(u.km)):
        raise ValueError("the input is not the distance this mistake's hint names")
    others = [fact(i) for i in fact_ids() if i.startswith("news.distance_") and i != given_as]
    if len(others) != 1:
        raise ValueError("no single other news distance")
    return others[0].to(u.km)


_OTHER_DISTANCE_HINT = (
    "That starts from the other distance, the image caption's image_altitude. This exercise is about the "
    "Survey orbit: start from survey_altitude."
)


# --- 00.2: a distance in Ceres radii ---


@dataclass(frozen=True)
class PlainRatioExercise(RoundedTooFar):
    """A ratio of two lengths: right in any units, and a ratio left in mixed units (mi / km) is told how to show it
    as the plain number the exercise asks for."""

    def check(self, answer: Any, **inputs: Any) -> CheckResult:
        result = super().check(answer, **inputs)
        if result.ok and isinstance(answer, u.Quantity) and answer.unit != u.dimensionless_unscaled:
            note = (
                f"astropy shows your value in {answer.unit.to_string()}; end with .to(u.one) to see it as a plain "
                "number."
            )
            return CheckResult(result.status, f"{result.message} {note}".strip(), result.name)
        return result


def _in_ceres_radii(distance, ceres_radius):
    d = require(distance, u.km, "distance", positive=True)
    r = require(ceres_radius, u.km, "ceres_radius", positive=True)
    return (d / r).to(u.dimensionless_unscaled)


def _in_ceres_radii_from_rounded_km(round_km):
    # the distance in km made rough first (a school factor, or a caption's km rounded to two figures)
    def solve(distance, ceres_radius):
        r = require(ceres_radius, u.km, "ceres_radius", positive=True)
        return (round_km(require(distance, u.km, "distance", positive=True)) / r).to(u.one)

    return solve


def _two_figures(value: float) -> float:
    """``value`` rounded to two significant figures (15.42 reads 15, 7242 reads 7200)."""
    if value == 0 or not np.isfinite(value):
        return value
    step = 10.0 ** (np.floor(np.log10(abs(value))) - 1)
    return float(round(value / step) * step)


_ROUNDED_DISTANCE_HINT = (
    "That starts from a rounded number of kilometres (the miles times a school factor such as 1.6 or 1/0.62, "
    "or a caption's kilometres rounded to two figures): too rough here. Keep image_altitude with its "
    "unit and let astropy convert: (a / b).to(u.one)."
)


def _numbers_without_units(distance, ceres_radius):
    # the bare numbers divided: miles by kilometres
    d = require(distance, u.km, "distance", positive=True)
    r = require(ceres_radius, u.km, "ceres_radius", positive=True)
    return (d.value / r.value) * u.dimensionless_unscaled


def _in_ceres_diameters(distance, ceres_radius):
    return _in_ceres_radii(distance, ceres_radius) / 2


def _from_the_centre_in_radii(distance, ceres_radius):
    return _in_ceres_radii(distance, ceres_radius) + 1


def _radius_over_distance(distance, ceres_radius):
    # the ratio the other way round: how many altitudes fit into the radius
    return 1 / _in_ceres_radii(distance, ceres_radius)


# --- 00.3: altitude plus radius ---


def _distance_from_centre(altitude, ceres_radius):
    h = require(altitude, u.km, "altitude", nonnegative=True)
    r = require(ceres_radius, u.km, "ceres_radius", positive=True)
    return (h + r).to(u.km)


def _right_sum_mislabelled(unit_of_number, label):
    """The right distance from the centre, its number in one unit written with another unit's label."""

    def solve(altitude, ceres_radius):
        return _distance_from_centre(altitude, ceres_radius).to_value(unit_of_number) * label

    return solve


_MISLABELLED_HINT = (
    "The number looks like the right sum, but its unit does not match it (a number of kilometres labelled as miles or "
    "metres, or the other way round). Add the two Quantities as they are, survey_altitude + ceres_radius, and "
    "let astropy keep the unit."
)


def _altitude_only(altitude, ceres_radius):
    return require(altitude, u.km, "altitude", nonnegative=True).to(u.km)


def _altitude_minus_radius(altitude, ceres_radius):
    # the radius taken away from the altitude instead of added: up from the surface, not down to the centre
    h = require(altitude, u.km, "altitude", nonnegative=True)
    r = require(ceres_radius, u.km, "ceres_radius", positive=True)
    return (h - r).to(u.km)


def _plus_diameter(altitude, ceres_radius):
    return _distance_from_centre(altitude, ceres_radius) + require(ceres_radius, u.km, "ceres_radius").to(u.km)


def _numbers_added_as_km(altitude, ceres_radius):
    # (2700 + 469.7) * u.km: the number of miles added to the number of kilometres
    h = require(altitude, u.km, "altitude", nonnegative=True)
    r = require(ceres_radius, u.km, "ceres_radius", positive=True)
    if h.unit == u.km:
        raise ValueError("the altitude is already in km: adding the numbers is right")
    return (h.value + r.to_value(u.km)) * u.km


def _numbers_added_as_altitude_unit(altitude, ceres_radius):
    # (2700 + 469.7) * u.imperial.mile: the radius's number of km read as miles
    h = require(altitude, u.km, "altitude", nonnegative=True)
    r = require(ceres_radius, u.km, "ceres_radius", positive=True)
    if h.unit == r.unit:
        raise ValueError("same units: adding the numbers is right")
    return (h.value + r.value) * h.unit


def _release_kilometres_plus_radius(altitude, ceres_radius):
    # NASA's rounded kilometres for the same orbit ("4,400 km") plus the radius, instead of the altitude given
    r = require(ceres_radius, u.km, "ceres_radius", positive=True)
    return (_release_kilometres(altitude) + r).to(u.km)


def _radius_rounded_in_miles(altitude, ceres_radius):
    # Ceres' radius rounded to the nearest hundred miles (292 mi read as 300 mi), then added to the altitude
    h = require(altitude, u.km, "altitude", nonnegative=True)
    r = require(ceres_radius, u.km, "ceres_radius", positive=True)
    rounded = round(r.to_value(MILE), -2)
    if rounded == 0:
        raise ValueError("a radius under 50 miles does not round to a hundred")
    return (h + rounded * MILE).to(u.km)


def _shape_radii(ceres_radius):
    # the body's semi-axes from the radius fact's note, "Shape (964.4 x 964.2 x 891.8) km": the radii that
    # are not the mean one (the polar radius, the smallest, and the equatorial radius, the largest)
    note = getattr(getattr(ceres_radius, "info", None), "meta", None) or {}
    m = re.search(r"Shape \(([\d.]+) x ([\d.]+) x ([\d.]+)\) km", str(note.get("note", "")))
    if not m:
        raise ValueError("the radius given carries no shape")
    axes = sorted(float(a) / 2 for a in m.groups())
    return {"polar": axes[0] * u.km, "equatorial": axes[-1] * u.km}


def _plus_shape_radius(which):
    # the altitude plus the polar or the equatorial radius instead of the mean radius given
    def solve(altitude, ceres_radius):
        h = require(altitude, u.km, "altitude", nonnegative=True)
        return (h + _shape_radii(ceres_radius)[which]).to(u.km)

    return solve


_OTHER_RADIUS_HINT = (
    "You went down to the centre, but not by ceres_radius as given: a radius rounded (for example to the "
    "nearest hundred miles) or Ceres' equatorial radius instead of its mean radius. Add ceres_radius itself, "
    "with its unit, and astropy converts for you."
)


# --- 00.4: find a fact by its name and read the web site of its source; 00.5: convert it to miles ---


def _orbit_fact_id(orbit):
    from ..facts import fact_ids

    if not isinstance(orbit, str) or not orbit.strip():
        raise ValueError(f"the input orbit must be an orbit's short name in quotes, such as 'LAMO'; got {orbit!r}")
    fact_id = f"ceres.orbit_{orbit.strip().lower()}_altitude"
    ids = fact_ids()
    if fact_id not in ids:
        known = sorted(i.split("_")[1].upper() for i in ids if i.startswith("ceres.orbit_") and i.endswith("_altitude"))
        raise ValueError(
            f"the facts table has no altitude for a Ceres orbit called {orbit!r}; "
            f"its Ceres orbits are {', '.join(known)}"
        )
    return fact_id


#: Publishers and their usual names (compared without capitals or punctuation): an answer naming one of
#: them, instead of the web site, gets its own hint in exercise 4.
ALIASES = {
    "NASA/JPL": (
        "nasa",
        "jpl",
        "nasa jpl",
        "jpl nasa",
        "jet propulsion laboratory",
        "the jet propulsion laboratory",
        "nasa jet propulsion laboratory",
        "nasa s jet propulsion laboratory",
        "nasa's jet propulsion laboratory",
        "jpl caltech",
        "nasa jpl caltech",
    ),
    "a newspaper": ("newspaper", "the newspaper", "news", "a news story", "news story"),
    "a science journal": ("science journal", "journal", "a journal", "the science journal"),
    "Wikipedia": ("wiki", "the wikipedia"),
}


def _words(text: str) -> str:
    """Lower case, letters only, single spaces: 'NASA / JPL' and 'nasa-jpl' both read 'nasa jpl'."""
    return " ".join(re.sub(r"[^a-z]+", " ", text.lower()).split())


def _host(orbit):
    from urllib.parse import urlparse

    from ..facts import fact

    host = urlparse(fact(_orbit_fact_id(orbit)).info.meta["source_url"]).netloc.lower()
    return host.removeprefix("www.")


def _site(orbit):
    return _host(orbit)


def _example_site(orbit):
    # the site of the worked example's source (Ceres' radius), copied instead of the orbit's
    from urllib.parse import urlparse

    from ..facts import fact

    _orbit_fact_id(orbit)  # an unknown orbit is reported, not hinted at
    return urlparse(fact("ceres.radius").info.meta["source_url"]).netloc.lower().removeprefix("www.")


def _site_ending(orbit):
    # "jpl.nasa.gov" for "dawn.jpl.nasa.gov": the organisation's domain, which can be guessed without the source
    parts = _host(orbit).split(".")
    if len(parts) < 3:
        raise ValueError("the site's name is its domain already")
    return ".".join(parts[-3:]) if len(parts) > 3 else ".".join(parts[-2:])


def _site_domain(orbit):
    # "nasa.gov" for "dawn.jpl.nasa.gov": the last two labels, guessable too
    parts = _host(orbit).split(".")
    if len(parts) < 4:
        raise ValueError("the last two labels are the site's ending already")
    return ".".join(parts[-2:])


def _site_words(text: str) -> str:
    """A web site as written: no scheme, no 'www.', no path, lower case ('https://www.X.org/a' reads 'x.org')."""
    text = text.strip().lower()
    for scheme in ("https://", "http://"):
        text = text.removeprefix(scheme)
    return text.split("/", 1)[0].removeprefix("www.").strip()


@dataclass(frozen=True)
class SiteExercise(Exercise):
    """The site (host name) of a fact's web address; any capitals, with or without https://, www. or a path.

    A publisher's name ("NASA/JPL") gets its own hint: the exercise asks for what only the citation shows.
    """

    def check(self, answer: Any, **inputs: Any) -> CheckResult:
        if isinstance(answer, str) and not answer.strip():  # the quotes typed, the site not yet
            return CheckResult(
                INVALID,
                'The quotes are empty: put the web site between them, for example "en.wikipedia.org".',
                self.title_for(**inputs),
            )
        if isinstance(answer, str):
            given = _words(answer)
            if any(given == _words(c) or given in {_words(n) for n in ALIASES.get(c, ())} for c in ALIASES):
                return CheckResult(
                    INCORRECT,
                    "That is not right. Hint: That names who published it, which a guess could give. The "
                    'exercise asks for the web site in the address cite("...") prints, the part between // '
                    "and the next /.",
                    self.title_for(**inputs),
                )
            answer = _site_words(answer)
        return super().check(answer, **inputs)


@dataclass(frozen=True)
class MilesNumberExercise(Exercise):
    """A number of miles; the right altitude still carrying its unit gets the "form of your answer" status."""

    def check(self, answer: Any, **inputs: Any) -> CheckResult:
        if isinstance(answer, u.Quantity) and answer.unit.physical_type == "length" and np.size(answer) == 1:
            expected = _orbit_altitude_with_unit(**inputs)
            if np.isclose(answer.to_value(u.km), expected.to_value(u.km), rtol=self.rtol):
                return CheckResult(
                    INVALID,
                    "This is the right altitude, but it still carries its unit. "
                    "The exercise asks for the number of miles: .to_value(u.imperial.mile) converts and keeps "
                    "only the number.",
                    self.title_for(**inputs),
                )
        if isinstance(answer, (int, float, np.number)) and not isinstance(answer, bool) and answer < 0:
            try:
                mirrored = np.isclose(-answer, _miles_of_orbit(inputs["orbit"]), rtol=self.rtol)
            except Exception:  # unusable inputs are reported by Exercise.check
                mirrored = False
            if mirrored:  # the right size with the wrong sign: only the sign to fix, no mistake's hint
                return CheckResult(
                    INCORRECT, "That is not right. Check the sign of your answer.", self.title_for(**inputs)
                )
        return super().check(answer, **inputs)


def _orbit_altitude(orbit):
    from ..facts import fact

    return require(fact(_orbit_fact_id(orbit)), u.km, "the orbit's altitude", positive=True)


def _miles_of_orbit(orbit):
    return _orbit_altitude(orbit).to_value(MILE)


def _orbit_altitude_with_unit(orbit):
    return _orbit_altitude(orbit)


def _km_of_orbit(orbit):
    return _orbit_altitude(orbit).to_value(u.km)


def _rounded_miles_in_note(orbit):
    # the source's own rounded figure in miles, which the facts table keeps in the fact's note ("240 miles")
    import re

    from ..facts import fact

    found = re.search(r"(\d[\d,]*(?:\.\d+)?) miles", fact(_orbit_fact_id(orbit)).info.meta["note"])
    if not found:
        raise ValueError("the note gives no miles")
    return float(found.group(1).replace(",", ""))


def _rounded_miles_in_note_ending(zero: bool):
    # the note's figure, only where it ends in a zero (LAMO: 240) or only where it does not (HAMO: 915), so the
    # hint names the one rounding that fits it
    def solve(orbit):
        miles = _rounded_miles_in_note(orbit)
        if (miles % 10 == 0) != zero:
            raise ValueError("the other kind of rounding")
        return miles

    return solve


_ROUNDED_IN_NOTE_TAIL = (
    " Keep three significant figures of your own conversion, .to_value(u.imperial.mile). It is also the "
    "rounded figure in miles the source itself quoted, in the fact's note."
)


def _another_orbit(other, miles=_miles_of_orbit):
    """Another orbit's altitude in miles: converted, or (``miles=_rounded_miles_in_note``) as its source
    rounded it (HAMO: "915 miles")."""

    def solve(orbit):
        if _orbit_fact_id(orbit) == _orbit_fact_id(other):
            raise ValueError("the same orbit")
        return miles(other)

    return solve


def _vesta_orbit(miles: bool):
    """The orbit of the same name around Vesta, which Dawn orbited first (the id search for "lamo" lists it
    too): its source's web site, or (``miles=True``) its altitude in miles."""

    def solve(orbit):
        from urllib.parse import urlparse

        from ..facts import fact, fact_ids

        fact_id = _orbit_fact_id(orbit).replace("ceres.", "vesta.", 1)
        if fact_id not in fact_ids():
            raise ValueError("Dawn had no orbit of this name around Vesta")
        vesta = fact(fact_id)
        if miles:
            return require(vesta, u.km, "Vesta's orbit altitude", positive=True).to_value(MILE)
        return urlparse(vesta.info.meta["source_url"]).netloc.lower().removeprefix("www.")

    return solve


_VESTA_HINT = (
    "That is Dawn's orbit of that name around Vesta, the asteroid it orbited before Ceres (its id starts "
    "with vesta.). This exercise is about Ceres: take the id that starts with ceres."
)


def _km_times_mile(orbit):
    # the number of kilometres multiplied by 1.609 (km per mile): converted the wrong way round
    return _km_of_orbit(orbit) * (1 * MILE).to_value(u.km)


def _school_factor(convert):
    # the table's kilometres converted with a rounded factor from school (x 0.62, or / 1.6)
    def solve(orbit):
        return convert(_km_of_orbit(orbit))

    return solve


def _slider_step(orbit):
    # the Explore slider's nearest step (10 miles apart below 1,000 miles, 100 above), read off the widget
    miles = _miles_of_orbit(orbit)
    step = 10 if miles < 1000 else 100
    return round(miles / step) * step


_SCHOOL_FACTOR_HINT = (
    "That is a conversion with a rounded factor (such as 0.62 miles per kilometre): close, but too rough "
    "here. Let astropy convert the table's kilometres: .to_value(u.imperial.mile)."
)

_FIND_ID = "Look for the id whose name holds the orbit's short name, in lower case."

_ANOTHER_ORBIT_HINT = "That is the altitude of another of Dawn's orbits. " + _FIND_ID


_EXERCISES = {
    "00.1": ConvertExercise(
        title="Exercise 1 · {distance:,.0f} in kilometres",
        solve=_miles_to_km,
        # tight enough to refuse a rounded school factor (x 1.6 is 0.6 % off, / 0.62 is 0.2 % off), loose
        # enough for the conversion rounded to three significant figures (4,350 km: 0.1 % off)
        rtol=0.0016,
        hint="A Quantity converts itself: try the .to() method with u.km.",
        mistakes=(
            *(
                Mistake(_factor_kept_in_input_unit(factor), _FACTOR_KEPT_IN_MILES_HINT)
                for factor in ((1 * MILE).to_value(u.km), 1.6, 1 / 0.62)
            ),
            Mistake(_miles_rounded_factor(1.6), _ROUNDED_FACTOR_HINT_KM),
            Mistake(_miles_rounded_factor(1 / 0.62), _ROUNDED_FACTOR_HINT_KM),
            Mistake(
                _miles_number_called_km,
                "You kept the number of miles and called it kilometres. A kilometre is shorter than a "
                "mile, so the number of kilometres is different: let astropy convert with .to(u.km).",
            ),
            *(
                Mistake(solve, _FEWER_KM_THAN_MILES_HINT)
                # divided by 1.609 (or a school factor, x 0.62 or / 1.6): fewer kilometres than miles
                for solve in (
                    _miles_divided_not_multiplied,
                    _miles_rounded_factor(0.62),
                    _miles_rounded_factor(1 / 1.6),
                )
            ),
            Mistake(
                _miles_plus_radius,
                "That adds Ceres' radius (the distance from its centre, a later question). This exercise "
                "only converts the altitude to kilometres.",
            ),
            Mistake(_release_kilometres, _RELEASE_HINT),
            Mistake(_release_miles_called_km, _RELEASE_HINT),
            Mistake(_other_news_distance, _OTHER_DISTANCE_HINT),
        ),
        same_unit_hint="Your answer is still in {unit}, the unit of the input. The exercise asks for the "
        "distance in kilometres: convert it with .to(u.km).",
    ),
    "00.2": PlainRatioExercise(
        title="Exercise 2 · how many Ceres radii?",
        solve=_in_ceres_radii,
        # three significant figures pass (15.4: 0.1 % off); a school factor (x 1.6: 0.6 % off, / 0.62: 0.2 %
        # off) and the figure's rounded "15x" (2.7 % off, told it is close: a rounding) do not
        rtol=0.0016,
        band=0.03,
        keep="three significant figures",
        hint="Divide the distance by the radius, ceres_radius; the units cancel when both are lengths.",
        mistakes=(
            # x 1.6 and the kilometres rounded to two figures: a wider tolerance, so that their ratio rounded to three
            # figures (4,500 mi: 7,200 km / 469.7 km = 15.33, written 15.3) still gets this hint
            Mistake(
                _in_ceres_radii_from_rounded_km(lambda d: d.to_value(MILE) * 1.6 * u.km),
                _ROUNDED_DISTANCE_HINT,
                rtol=0.003,
            ),
            Mistake(
                _in_ceres_radii_from_rounded_km(lambda d: d.to_value(MILE) / 0.62 * u.km),
                _ROUNDED_DISTANCE_HINT,
                rtol=0.004,  # 15.45 written 15.5 (0.3 % off), as 15.33 written 15.3 above
            ),
            Mistake(
                _in_ceres_radii_from_rounded_km(lambda d: _two_figures(d.to_value(u.km)) * u.km),
                _ROUNDED_DISTANCE_HINT,
                rtol=0.003,
            ),
            Mistake(
                _numbers_without_units,
                "You divided a number of miles by a number of kilometres. Keep the units on both "
                "values and let astropy convert: (a / b).to(u.one).",
            ),
            Mistake(
                lambda distance, ceres_radius: _in_ceres_radii(
                    _other_news_distance(distance, "news.distance_image"), ceres_radius
                ),
                "That starts from the other distance, survey_altitude. This exercise is about the image "
                "caption's distance: start from image_altitude.",
            ),
            Mistake(_in_ceres_diameters, "You measured in diameters. The exercise asks for radii, half a diameter."),
            Mistake(
                _from_the_centre_in_radii,
                "You counted from the centre. The altitude is measured from the surface: do not "
                "add one radius for the body itself.",
            ),
            Mistake(
                _radius_over_distance,
                "You divided the other way round: the radius by the distance. Divide the distance by the "
                "radius, ceres_radius.",
            ),
        ),
    ),
    "00.3": Exercise(
        title="Exercise 3 · altitude or distance?",
        solve=_distance_from_centre,
        # tight enough to refuse a reading off the Explore figure's axis (4,800 km, 0.3 % off), Ceres' radius
        # rounded to 300 miles (0.3 % off) and the miles divided by 0.62 (0.2 % off), loose enough for three
        # significant figures (4,810 km: 0.1 % off)
        rtol=0.0016,
        hint="An altitude is measured from the surface; the centre is one radius further down.",
        mistakes=(
            Mistake(
                _altitude_only,
                "That is the altitude, measured from the surface. The question asks how far Dawn is "
                "from Ceres' centre: how much further down is the centre?",
            ),
            Mistake(
                lambda altitude, ceres_radius: _release_kilometres(altitude),
                "That looks like NASA's rounded kilometres for the altitude alone, measured from the surface. "
                "Start from survey_altitude, with its unit, and go down to the centre.",
            ),
            Mistake(
                _release_kilometres_plus_radius,
                "You started from the kilometres NASA's release printed, not from the altitude the exercise "
                "gives. Start from survey_altitude, with its unit.",
            ),
            Mistake(
                lambda altitude, ceres_radius: (
                    _other_news_distance(altitude) + require(ceres_radius, u.km, "ceres_radius", positive=True)
                ),
                _OTHER_DISTANCE_HINT,
            ),
            Mistake(
                _altitude_minus_radius,
                "You took the radius away. Dawn is above the surface and the centre is below it, so the centre "
                "is further from Dawn than the surface is, not nearer.",
            ),
            Mistake(_plus_diameter, "You added Ceres' whole diameter. From the surface to the centre is one radius."),
            *(
                Mistake(_right_sum_mislabelled(number, label), _MISLABELLED_HINT, rtol=1e-3)
                for number, label in ((u.km, MILE), (MILE, u.km), (u.km, u.m))
            ),
            # before the rounded factors, whose wrong answers lie near these (2,700 + 300 miles is 4,828 km, 0.07 %
            # from the miles divided by 0.62; the polar radius is 0.03 % from the miles times 1.6): narrow tolerances
            Mistake(_radius_rounded_in_miles, _OTHER_RADIUS_HINT, rtol=5e-4),
            Mistake(_plus_shape_radius("equatorial"), _OTHER_RADIUS_HINT, rtol=5e-4),
            Mistake(
                _plus_shape_radius("polar"),
                "You went down to the centre by Ceres' polar radius (Ceres is flattened). This exercise uses its "
                "mean radius: add ceres_radius itself, with its unit.",
                rtol=2e-4,
            ),
            *(
                Mistake(
                    lambda altitude, ceres_radius, f=factor: (
                        _miles_rounded_factor(f)(altitude) + require(ceres_radius, u.km, "ceres_radius", positive=True)
                    ),
                    "You went down to the centre, but a rounded number crept in: the miles converted with a "
                    "rounded factor (such as 1.6 km per mile, or dividing by 0.62), or a rounded radius. Add "
                    "the two Quantities themselves, survey_altitude and ceres_radius, with their units, and astropy "
                    "converts for you.",
                )
                for factor in (1.6, 1 / 0.62)
            ),
            Mistake(
                lambda altitude, ceres_radius: (
                    _two_figures(_miles_to_km(altitude).to_value(u.km)) * u.km
                    + require(ceres_radius, u.km, "ceres_radius", positive=True)
                ),
                "You went down to the centre, but rounded the altitude in kilometres to two figures first: "
                "keep three significant figures (or add the two Quantities themselves, with their units).",
            ),
            Mistake(
                _numbers_added_as_km,
                "You added a number of miles to a number of kilometres. Add the two Quantities "
                "themselves, with their units, and astropy converts for you.",
            ),
            Mistake(
                _numbers_added_as_altitude_unit,
                "You added the two numbers as if both were in the same unit, but one is in miles and "
                "one in kilometres. Add the Quantities themselves, with their units.",
            ),
        ),
    ),
    "00.4": SiteExercise(
        title="Exercise 4 · where did the course read the {orbit} altitude?",
        solve=_site,
        hint="Print the fact's source with cite(\"...\") and copy the site's name from its web address, "
        "the part between // and the next /.",
        mistakes=(
            *(
                Mistake(
                    ending,
                    "That is only part of the site's name (with or without www., jpl.nasa.gov is JPL's main "
                    "site). The address cite(...) prints names a sub-site: copy everything between // and the next /.",
                )
                for ending in (_site_ending, _site_domain)
            ),
            *(
                Mistake(_another_orbit(name, _site), "That is the web site of another orbit's source. " + _FIND_ID)
                for name in ("survey", "hamo", "lamo", "rc3")
            ),
            Mistake(_vesta_orbit(miles=False), _VESTA_HINT),
            Mistake(
                _example_site,
                "That is the site of the worked example's source (Ceres' radius). Cite the id of the orbit's "
                "altitude instead.",
            ),
        ),
    ),
    "00.5": MilesNumberExercise(
        title="Exercise 5 · Dawn's {orbit} altitude in miles",
        solve=_miles_of_orbit,
        # tight enough to refuse the source's own figure rounded to two significant figures (LAMO: 240),
        # loose enough for the conversion rounded to three (239) for every Ceres orbit in the facts table
        rtol=0.0016,
        hint="Find the fact's id with fact_ids(), read it with fact(...), and give the number of miles "
        "with .to_value(u.imperial.mile).",
        mistakes=(
            Mistake(_km_of_orbit, "That is the number of kilometres the facts table gives. Convert it to miles first."),
            Mistake(
                _rounded_miles_in_note_ending(zero=True),
                "That number is rounded too much: a last zero that only holds the place is not a significant "
                "figure." + _ROUNDED_IN_NOTE_TAIL,
            ),
            Mistake(
                _rounded_miles_in_note_ending(zero=False),
                "That number is rounded too much: rounding to the nearest 5 miles is too rough here."
                + _ROUNDED_IN_NOTE_TAIL,
            ),
            Mistake(_another_orbit("survey"), _ANOTHER_ORBIT_HINT),
            Mistake(_another_orbit("hamo"), _ANOTHER_ORBIT_HINT),
            Mistake(_another_orbit("lamo"), _ANOTHER_ORBIT_HINT),
            Mistake(_another_orbit("rc3"), _ANOTHER_ORBIT_HINT),
            *(
                Mistake(_another_orbit(name, _rounded_miles_in_note), _ANOTHER_ORBIT_HINT)
                for name in ("survey", "hamo", "lamo", "rc3")
            ),
            Mistake(_vesta_orbit(miles=True), _VESTA_HINT),
            Mistake(
                _km_times_mile,
                "You multiplied the kilometres by the kilometres in a mile: that converts the wrong way. A mile "
                "is longer than a kilometre, so there are fewer miles than kilometres. Let astropy convert: "
                ".to_value(u.imperial.mile).",
            ),
            Mistake(
                _slider_step,
                "That looks like a step of the Explore slider, rounded to 10 or 100 miles: too rough here. "
                "Convert the table's kilometres with .to_value(u.imperial.mile).",
                rtol=1e-4,  # the step itself, not a school factor's answer near it (HAMO: 910 and 911.4)
            ),
            Mistake(_school_factor(lambda km: 0.62 * km), _SCHOOL_FACTOR_HINT),
            Mistake(_school_factor(lambda km: km / 1.6), _SCHOOL_FACTOR_HINT),
        ),
    ),
}

#: Written questions, answered in words; model answers and rubrics are on the instructor page.
WRITTEN = {
    "00.6": "Exercise 6 · why restart and run all, and what did a hint teach you?",
}
