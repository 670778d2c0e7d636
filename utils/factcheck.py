"""Fact-checking a news story: its claims, verdicts and the evidence helpers.

The claims of the 2015 news story about Ceres' bright spots are stored,
paraphrased, in ``data/news_claims.ecsv`` (id, claim, fact ids, claimed
value); each claim's kind is in a separate key table read only by the
checks.  A :class:`Verdict` records the judgement on one
claim (``true``, ``false``, ``misleading`` or ``cannot be checked``) with its
reason and a one-line summary of the evidence.  The helpers below turn
sourced facts into evidence: durations between dates, whether a claimed date
or number matches the record, who came first, and the rank of a body in a
catalogue.  :func:`verdict_table` collects verdicts into an astropy Table
that prints as fixed-width text (:func:`format_verdict_table`) or renders as
HTML (:func:`verdict_table_html`).

Examples
--------
>>> from utils.factcheck import load_claims, Verdict
>>> claims = load_claims()
>>> str(claims["id"][0])
'N01'
>>> Verdict("N06", "true", "launched 27 Sep 2007").verdict
'true'
"""

from __future__ import annotations

import html
import math
import os
import re
import textwrap
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import zip_longest
from typing import TYPE_CHECKING

import astropy.units as u
import numpy as np

from . import style as _style
from .data import DataFileError, _cached_ecsv, read_ecsv
from .units import flag, integer, positive, require
from .units import table as _table
from .units import text as _text

if TYPE_CHECKING:  # pragma: no cover
    from astropy.table import Table
    from astropy.time import Time

__all__ = [
    "FILE",
    "COLUMNS",
    "VERDICTS",
    "MONTH",
    "Verdict",
    "load_claims",
    "claim_text",
    "claimed_value",
    "fact_phrase",
    "in_months",
    "date_matches",
    "number_matches",
    "rank_by",
    "verdict_table",
    "format_verdict_table",
    "verdict_table_html",
    "verdict_counts",
    "UnknownIdError",
    "PartError",
    "KINDS",
    "your_verdict",
    "your_checked_verdict",
    "your_compared_verdict",
    "your_line",
    "date_verdicts",
    "your_date_verdict",
    "PREDICTION_SYNONYMS",
    "read_prediction",
    "read_back_slider",
    "combine_verdicts",
    "VERDICT_SYNONYMS",
    "verdict_word",
]

FILE = "news_claims.ecsv"
COLUMNS = ("id", "claim", "fact_ids", "claimed")
#: Each claim's category and method: the answer key of lesson 08's sorting exercise, read only by its check.
_KEY_FILE = "news_claims_key.ecsv"
_KEY_COLUMNS = ("id", "category", "method")
#: The four verdicts, from the most to the least decided.
VERDICTS = ("true", "false", "misleading", "cannot be checked")
#: Other fair wordings of a verdict, each counted as the verdict it means.
VERDICT_SYNONYMS = {
    "can't be checked": "cannot be checked",
    "cannot check": "cannot be checked",
    "can not be checked": "cannot be checked",
    "can't check": "cannot be checked",
    "cant be checked": "cannot be checked",
    "cant check": "cannot be checked",
}
#: A mean calendar month (a twelfth of a Julian year), for the story's "14 months".
MONTH = u.def_unit("month", u.yr / 12, doc="a twelfth of a Julian year")

#: The kinds a reader sorts claims into before checking them (lesson 08, goal 1).
KINDS = ("date", "number", "first", "attribution", "interpretation")
#: How each category of the claims file falls into one of :data:`KINDS`:
#: durations are checked with dates, distances and rankings are numbers,
#: and claims about physics, propulsion or meaning interpret the facts.
_KIND_OF_CATEGORY = {
    "date": "date",
    "duration": "date",
    "distance": "number",
    "ranking": "number",
    "first": "first",
    "attribution": "attribution",
    "physics": "interpretation",
    "propulsion": "interpretation",
    "interpretation": "interpretation",
}

_SYMBOL = {"true": "✔", "false": "✘", "misleading": "≈", "cannot be checked": "?"}
#: Verdict colours, from utils.style.OTHER_COLOURS (dark green, rose, olive, light grey): none of them is a body's
#: colour (utils.style.PALETTE), olive is kept for "misleading" only, and the symbols above carry the verdict as well.
_COLOUR = {
    "true": _style.OTHER_COLOURS["dark green"],
    "false": _style.OTHER_COLOURS["rose"],
    "misleading": _style.OTHER_COLOURS["olive"],
    "cannot be checked": _style.OTHER_COLOURS["light grey"],
}


# --------------------------------------------------------------------------
# the claims
# --------------------------------------------------------------------------


def load_claims(data_dir: str | os.PathLike | None = None) -> Table:
    """Load the paraphrased claims of the 2015 news story.

    Parameters
    ----------
    data_dir : path-like, optional
        Data directory (default: see :func:`utils.data.data_dir`).

    Returns
    -------
    astropy.table.Table
        Columns ``id``, ``claim``, ``fact_ids`` (space-separated ids of
        ``data/facts.ecsv``) and ``claimed`` (the story's value, or empty).
        ``meta`` holds the provenance.  The claims' kinds are not in this
        file: they are the answer key of lesson 08's sorting exercise, kept
        in a separate table that only its check reads.

    Raises
    ------
    DataFileError
        The file is missing, does not match its checksum, cannot be parsed
        or lacks a column; the message says how to restore it.

    Examples
    --------
    >>> from utils.factcheck import load_claims
    >>> len(load_claims()) >= 10
    True
    """
    return read_ecsv(FILE, data_dir, prepare=_checked_claims)  # a copy of its own


def _file_categories(data_dir: str | os.PathLike | None = None) -> dict[str, str]:
    """Each claim's category from the file ({claim id: category}), for the checks only."""
    table = _cached_ecsv(_KEY_FILE, data_dir, prepare=_checked_key)  # read only: no copy
    return {str(i): str(c).strip() for i, c in zip(table["id"], table["category"], strict=True)}


def _checked(table: Table, file: str, columns: tuple[str, ...]) -> Table:
    """A claims table (``file``) with its ``columns`` present, blanks as "" and no repeated claim id."""
    missing = [c for c in columns if c not in table.colnames]
    if missing:
        raise DataFileError(f"data/{file} lacks the column(s) {', '.join(missing)}; expected {', '.join(columns)}")
    if table.has_masked_values or table.masked:
        table = table.filled("")
    ids = [str(i) for i in table["id"]]
    if len(set(ids)) != len(ids):
        raise DataFileError(f"data/{file} has repeated claim ids")
    return table


def _checked_claims(table: Table) -> Table:
    return _checked(table, FILE, COLUMNS)


def _checked_key(table: Table) -> Table:
    return _checked(table, _KEY_FILE, _KEY_COLUMNS)


class UnknownIdError(KeyError, ValueError):
    """An id or name that is not in the table (a ``KeyError`` and a ``ValueError``)."""

    def __str__(self) -> str:  # KeyError would show the message in quotes
        return str(self.args[0]) if self.args else ""


class PartError(IndexError, ValueError):
    """A part of a claim that does not exist (an ``IndexError`` and a ``ValueError``)."""


def _claims_table(claims, name: str = "claims"):
    return _table(claims, name, ("id", "claim", "claimed"), hint="from load_claims()")


def _verdicts_table(table, name: str = "table"):
    _table(table, name, ("id", "claim", "verdict", "evidence"), hint="from verdict_table()")
    bad = sorted({str(v) for v in table["verdict"]} - set(VERDICTS))
    if bad:
        raise ValueError(f"{name} has unknown verdicts {bad}; expected one of {VERDICTS}.")
    return table


def _find(claims: Table, claim_id: str):
    _claims_table(claims)
    if not isinstance(claim_id, str):
        raise TypeError(f"claim_id is a string such as 'N01', got {type(claim_id).__name__}")
    hits = np.flatnonzero(np.asarray(claims["id"]).astype(str) == claim_id)
    if not len(hits):
        raise UnknownIdError(f"unknown claim_id {claim_id!r}; the ids are {', '.join(map(str, claims['id']))}")
    return claims[int(hits[0])]


def claim_text(claims: Table, claim_id: str) -> str:
    """The paraphrased claim with id ``claim_id``.

    Examples
    --------
    >>> from utils.factcheck import load_claims, claim_text
    >>> claim_text(load_claims(), "N06")
    'Dawn was launched in September 2007.'
    """
    return str(_find(claims, claim_id)["claim"])


def fact_phrase(fact_id: str, after: str | None = None, upto: str | None = None, note: bool = False) -> str:
    """The words of a sourced fact (or of its note) between two markers.

    Reads ``fact(fact_id)`` (its text, or with ``note=True`` the note in the
    facts table) and returns the part after the first ``after`` and before the
    next ``upto``; a marker left out means the start or the end.

    Raises
    ------
    KeyError
        Unknown fact id.
    ValueError
        A marker that is not in the text (the message shows the text).

    Examples
    --------
    >>> from utils.factcheck import fact_phrase
    >>> fact_phrase("dawn.principal_investigator", upto=",")
    'Christopher T. Russell'
    >>> fact_phrase("ceres.orbit_rc3_altitude", note=True, after="(", upto=")")
    '23 Apr - 9 May 2015'
    """
    from .facts import fact

    value = fact(fact_id)
    note = flag(note, "note")
    text = str(value.info.meta["note"] if note else value)
    where = f"the note of fact {fact_id!r}" if note else f"fact {fact_id!r}"
    for name, marker in (("after", after), ("upto", upto)):
        if marker is not None and (not isinstance(marker, str) or not marker):
            raise ValueError(f"{name} must be a non-empty string, not {marker!r}")
    if after is not None:
        if after not in text:
            raise ValueError(f"after: {where} has no {after!r} to start after: {text!r}")
        text = text.split(after, 1)[1]
    if upto is not None:
        if upto not in text:
            raise ValueError(f"upto: {where} has no {upto!r} to stop at: {text!r}")
        text = text.split(upto, 1)[0]
    return text.strip()


def claimed_value(claims: Table, claim_id: str, part: int = 0):
    """The value the story states for a claim, as a Time, a Quantity or ``None``.

    A date ``YYYY-MM-DD`` becomes a :class:`~astropy.time.Time`; a month
    ``YYYY-MM`` becomes the Time at the start of that month (see
    :func:`date_matches` for month precision); ``"14 month"`` becomes a
    Quantity (``month`` is :data:`MONTH`); several values are separated by
    ``"; "`` and picked with ``part``.

    Examples
    --------
    >>> from utils.factcheck import load_claims, claimed_value
    >>> claimed_value(load_claims(), "N09")
    <Quantity 14. month>
    """
    from astropy.time import Time
    from astropy.units import imperial

    text = str(_find(claims, claim_id)["claimed"]).strip()
    part = integer(part, "part", low=0)
    if not text:
        return None
    parts = [p.strip() for p in text.split(";")]
    if not 0 <= part < len(parts):
        raise PartError(f"claim {claim_id} states {len(parts)} value(s); part {part} does not exist")
    value = parts[part]
    if _MONTH_ONLY.fullmatch(value):
        return Time(value + "-01", scale="utc")
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return Time(value, scale="utc")
    with imperial.enable(), u.add_enabled_units([MONTH]):
        return u.Quantity(value)


#: A claimed value that names only a month (``YYYY-MM``): it is read as the month's first day, and judged by month.
_MONTH_ONLY = re.compile(r"\d{4}-\d{2}")


def _claim_kind(claims: Table, claim_id: str) -> str:
    """Which of :data:`KINDS` a claim is (the answer key of lesson 08's exercise 1, for its check).

    One of ``"date"``, ``"number"``, ``"first"``, ``"attribution"`` or ``"interpretation"``, from the
    table's ``category`` column if it has one, else from the key table.
    """
    row = _find(claims, claim_id)
    if "category" in claims.colnames:  # a table built by hand with the file's column
        category = str(row["category"]).strip()
    else:
        category = _file_categories().get(claim_id, "")
    try:
        return _KIND_OF_CATEGORY[category]
    except KeyError:
        raise ValueError(
            f"claim {claim_id} has the unknown category {category!r}; known: {', '.join(_KIND_OF_CATEGORY)}"
        ) from None


# --------------------------------------------------------------------------
# verdicts
# --------------------------------------------------------------------------


def verdict_word(text) -> str | None:
    """The verdict in :data:`VERDICTS` that ``text`` means, or ``None`` if it names none.

    Case, spaces, hyphens and underscores do not matter, and the wordings in
    :data:`VERDICT_SYNONYMS` count as the verdict they mean. Lesson 08's checks
    and :func:`your_verdict` both read a verdict through this function.

    Examples
    --------
    >>> verdict_word("  Can't   be-checked "), verdict_word("False."), verdict_word("maybe")
    ('cannot be checked', 'false', None)
    """
    if not isinstance(text, str):
        return None
    word = " ".join(text.strip().lower().replace("-", " ").replace("_", " ").split()).rstrip(".!")  # "True."
    word = VERDICT_SYNONYMS.get(word, word)
    return word if word in VERDICTS else None


def _check_verdict(verdict: str) -> str:
    word = verdict_word(verdict)
    if word is None:
        raise ValueError(f"a verdict is one of {', '.join(repr(v) for v in VERDICTS)}; got {verdict!r}")
    return word


@dataclass(frozen=True)
class Verdict:
    """The judgement on one claim.

    Parameters
    ----------
    claim_id : str
        Id of the claim (``"N01"`` ...).
    verdict : str
        One of :data:`VERDICTS`: ``"true"``, ``"false"``, ``"misleading"``
        (literally defensible but leaves a wrong impression) or
        ``"cannot be checked"`` (no evidence could decide it).
    reason : str
        One line of evidence, e.g. ``"record: 2011-07-16"``.

    Examples
    --------
    >>> v = Verdict("N08", "True", "record: 2011-07-16")
    >>> v.verdict, v.symbol
    ('true', '✔')
    """

    claim_id: str
    verdict: str
    reason: str

    def __post_init__(self):
        if not isinstance(self.claim_id, str) or not self.claim_id.strip():
            raise ValueError(f"claim_id must be a non-empty string such as 'N01'; got {self.claim_id!r}")
        object.__setattr__(self, "verdict", _check_verdict(self.verdict))
        if not isinstance(self.reason, str) or not self.reason.strip():
            raise ValueError(f"a verdict needs a reason (one line of evidence) for claim {self.claim_id}")
        if "\n" in self.reason:
            raise ValueError("the reason must fit on one line")

    @property
    def symbol(self) -> str:
        """A symbol for the verdict, so that it is not carried by colour alone."""
        return _SYMBOL[self.verdict]

    def __str__(self) -> str:
        return f"{self.claim_id}: {self.symbol} {self.verdict} ({self.reason})"

    def _repr_html_(self) -> str:
        return (
            f'<div style="border-left:6px solid {_COLOUR[self.verdict]};padding:2px 8px">'
            f"<b>{html.escape(self.claim_id)} · {self.symbol} {html.escape(self.verdict)}</b>: "
            f"{html.escape(self.reason)}</div>"
        )


# --------------------------------------------------------------------------
# evidence helpers
# --------------------------------------------------------------------------


def _time(value, name: str) -> Time:
    from astropy.time import Time

    if isinstance(value, str):
        try:
            return Time(value, scale="utc")
        except ValueError:
            raise ValueError(f"{name} must be a date such as '2015-03-06'; got {value!r}") from None
    if not isinstance(value, Time):
        raise TypeError(f"{name} must be a single astropy Time (or text like '2015-03-06'); got {type(value).__name__}")
    if value.shape != ():
        raise TypeError(f"{name} must be a single astropy Time, not an array of {value.size} times")
    return value


def _duration(start, end, unit: u.UnitBase | str = u.day) -> u.Quantity:
    """Time from ``start`` to ``end`` (negative if ``end`` is earlier).

    Private: with ``MONTH`` it answers lesson 08's exercise 2, which asks students to subtract the two Times.

    Parameters
    ----------
    start, end : Time or str
        Dates (astropy Time, or ISO text such as ``"2011-07-16"``).
    unit : Unit
        Unit of the result (a unit of time; :data:`MONTH` works too).

    Examples
    --------
    >>> _duration("2020-01-01", "2020-03-01").round(1)
    <Quantity 60. d>
    """
    t0, t1 = _time(start, "start"), _time(end, "end")
    if not isinstance(unit, (str, u.UnitBase)):
        raise TypeError(f"unit must be a unit of time such as u.day; got {unit!r}")
    try:
        unit = u.Unit(unit)
    except ValueError:
        raise ValueError(f"unit must be a unit of time such as u.day; got {unit!r}") from None
    if unit.physical_type != "time":
        raise u.UnitsError(f"unit must be a unit of time such as u.day; got {unit}")
    return (t1 - t0).to(unit)


def in_months(interval: u.Quantity) -> u.Quantity:
    """Express a time interval in mean months (:data:`MONTH`).

    Examples
    --------
    >>> import astropy.units as u
    >>> in_months(1 * u.yr)
    <Quantity 12. month>
    """
    return require(interval, u.day, "interval").to(MONTH)


def date_matches(claimed, actual, tolerance: u.Quantity = 1 * u.day, month_only: bool = False) -> bool:
    """Whether a claimed date agrees with the recorded one.

    Parameters
    ----------
    claimed, actual : Time or str
        The story's date and the sourced date.
    tolerance : Quantity
        Allowed difference in calendar days (UTC), default one day: a date
        quoted in US time can be one day earlier than the UTC date. At most 31 days.
    month_only : bool
        The story gives only a month: true when ``actual`` lies in that month.

    Examples
    --------
    >>> date_matches("2007-09-01", "2007-09-27", month_only=True)
    True
    >>> date_matches("2015-03-06", "2015-03-08")
    False
    """
    c, a = _time(claimed, "claimed"), _time(actual, "actual")
    tol = require(tolerance, u.day, "tolerance", nonnegative=True, scalar=True)
    if tol > 31 * u.day:
        raise ValueError(
            f"tolerance is how far two dates may differ and still count as the same date (days); got {tol}. "
            "For a claim that names only a month, use month_only=True; to compare a duration, subtract the dates."
        )
    month_only = flag(month_only, "month_only")
    if month_only:
        return c.datetime.year == a.datetime.year and c.datetime.month == a.datetime.month
    days_apart = abs(np.floor(a.utc.mjd) - np.floor(c.utc.mjd))  # whole calendar days (UTC)
    return bool(days_apart <= tol.to_value(u.day))


def number_matches(claimed: u.Quantity, actual: u.Quantity, rtol: float = 0.05) -> bool:
    """Whether a claimed quantity agrees with the recorded one within ``rtol``.

    Examples
    --------
    >>> import astropy.units as u
    >>> from astropy.units import imperial
    >>> number_matches(2700 * imperial.mile, 4400 * u.km)
    True
    """
    c = require(claimed, claimed.unit if isinstance(claimed, u.Quantity) else u.one, "claimed", positive=True)
    if isinstance(actual, u.Quantity) and not actual.unit.is_equivalent(c.unit):
        raise u.UnitsError(
            f"actual ({actual.unit}, a {actual.unit.physical_type}) must be the same kind of "
            f"quantity as the claimed value ({c.unit}, a {c.unit.physical_type})."
        )
    a = require(actual, c.unit, "actual", positive=True, scalar=True)
    require(c, c.unit, "claimed", scalar=True)
    if isinstance(rtol, (bool, np.bool_)) or not isinstance(rtol, (int, float)) or not 0 <= rtol < 1:
        raise ValueError(f"rtol is a fraction between 0 and 1; got {rtol!r}")
    return bool(abs((c - a) / a).to_value(u.one) <= rtol)


def _judge_number(claimed: u.Quantity, actual: u.Quantity, rtol: float = 0.05) -> str:
    """``"true"`` if the claimed number matches the record within ``rtol``, else ``"false"``.

    Private: its relative rule is not the one-month rule of lesson 08's Exercise 3, which it would seem to answer.
    """
    return "true" if number_matches(claimed, actual, rtol) else "false"


def _judge_duration(start, end, claimed: u.Quantity, tolerance: u.Quantity = 1 * MONTH) -> str:
    """``"true"`` if the time from ``start`` to ``end`` is the claimed one within ``tolerance``.

    Examples
    --------
    >>> _judge_duration("2020-01-01", "2020-07-01", 6 * MONTH)
    'true'
    """
    c = require(claimed, u.day, "claimed", positive=True, scalar=True)
    tol = require(tolerance, u.day, "tolerance", nonnegative=True, scalar=True)
    return "true" if abs(_duration(start, end) - c) <= tol else "false"


def _judge_first(claimed_first, earlier) -> str:
    """Verdict on "X was the first": ``"false"`` if a comparable ``earlier`` event came before.

    Parameters
    ----------
    claimed_first : Time or str
        When the thing said to be first happened.
    earlier : Time or str
        The earliest known comparable event.

    Examples
    --------
    >>> _judge_first("1969-07-20", "1961-04-12")   # a first dated after an earlier example
    'false'
    """
    a, b = _time(claimed_first, "claimed_first"), _time(earlier, "earlier")
    return "false" if b < a else "true"


#: How the verdict table marks a reader's own verdict, and one its exercise's check has not accepted.
YOURS, NOT_ACCEPTED = "yours: ", "(check: not yet)"
#: The mark of a verdict its check accepted with a reason still to finish ("⚠ Verdict accepted; ...").
REASON_UNFINISHED = "(check: reason not finished)"
#: What the verdict table shows for a verdict whose reason was left empty.
NO_REASON = "no reason given yet: write one line in the reason_ variable of your exercise and run it again"


def _no_reason(reason_name: str) -> str:
    """:data:`NO_REASON`, naming the variable ``reason_name`` (such as ``reason_7``) when it is known."""
    if not reason_name:
        return NO_REASON
    return f"no reason given yet: write one line in {reason_name} and run it again"


def your_verdict(
    claim_id: str, answer, reason: str, accepted: bool = True, reason_name: str = "", finished: bool = True
) -> Verdict | None:
    """A reader's own verdict (an exercise's answer) as a :class:`Verdict`, or ``None`` if not given yet.

    ``None`` (or ``...``, the unanswered placeholder, or any text that is not
    one of :data:`VERDICTS`) means "not judged yet": :func:`verdict_table`
    leaves such a claim out, so a table never shows a verdict the reader has
    not given.

    Examples
    --------
    >>> your_verdict("N08", ..., "dates compared") is None
    True
    >>> your_verdict("N08", "True", "dates compared").verdict
    'true'

    The reason is the reader's own text: it is put on one line, and an empty
    one (or ``...``) is shown as such rather than refused; anything but text
    (a number, or ``None`` from ``print``) is shown as a reason still to write, in quotes:

    >>> your_verdict("N08", "true", 13.7).reason
    'yours: no reason in quotes yet: write reason_ as text, such as "dates compared" (got a float)'
    >>> your_verdict("N08", "true", 42, reason_name="reason_7").reason
    'yours: no reason in quotes yet: write reason_7 as text, such as "dates compared" (got an int)'

    >>> your_verdict("N08", "true", "  two dates,\\n compared ").reason
    'yours: two dates, compared'
    >>> your_verdict("N08", "true", "").reason
    'yours: no reason given yet: write one line in the reason_ variable of your exercise and run it again'
    >>> your_verdict("N08", "true", "", reason_name="reason_7").reason
    'yours: no reason given yet: write one line in reason_7 and run it again'

    The reason starts with "yours:", so a table never passes a reader's verdict
    off as a worked one; ``accepted=False`` (the exercise's check did not accept
    it) adds a mark:

    >>> your_verdict("N08", "true", "dates", accepted=False).reason
    'yours: dates (check: not yet)'

    and ``finished=False`` (accepted, with a reason still to finish) another:

    >>> your_verdict("N08", "true", "dates", finished=False).reason
    'yours: dates (check: reason not finished)'
    """
    word = verdict_word(answer)
    if word is None:
        return None
    if reason is Ellipsis:
        reason = ""
    if not isinstance(reason, str):  # the check has said so too; the table shows it rather than a traceback
        from .checks import _article  # the checks import this module: import them only when used

        name = reason_name or "reason_"
        got = _article(type(reason).__name__)
        reason = f'no reason in quotes yet: write {name} as text, such as "dates compared" (got {got})'
    finished = flag(finished, "finished")
    mark = f" {NOT_ACCEPTED}" if not flag(accepted, "accepted") else "" if finished else f" {REASON_UNFINISHED}"
    return Verdict(claim_id, word, f"{YOURS}{' '.join(reason.split()) or _no_reason(reason_name)}{mark}")


def your_checked_verdict(claim_id: str, exercise_id: str, answer, reason: str, **inputs) -> Verdict | None:
    """:func:`your_verdict` for an exercise's answer, marked "(check: not yet)" unless the exercise's
    check, run silently with ``inputs`` and ``reason``, accepts it, and "(check: reason not finished)" if it
    accepts the verdict with a reason still to finish.

    ``None`` until an answer is given.  This copies a reader's verdict into the verdict table; it never
    judges a claim itself.

    Examples
    --------
    >>> your_checked_verdict("N20", "08.11", ..., "") is None
    True
    """
    from .checks import check  # the checks import this module: import them only when used

    if verdict_word(answer) is None:
        return None
    result = check(exercise_id, answer, **inputs, reason=reason)
    finished = not getattr(result, "UNFINISHED", False)  # "⚠ Verdict accepted; your reason is not finished yet"
    number = str(exercise_id).rpartition(".")[2]
    reason_name = f"reason_{number}" if number.isdigit() else ""  # "08.7": the notebook's reason_7
    return your_verdict(claim_id, answer, reason, accepted=result.ok, reason_name=reason_name, finished=finished)


def your_compared_verdict(
    claim_id: str,
    comparison,
    distance: u.Quantity,
    reference: u.Quantity,
    reference_name: str = "the reference",
    name: str = "your line",
) -> tuple[Verdict | None, str]:
    """A "sharpest yet" claim judged by the reader's own comparison: ``(verdict, note)``.

    ``comparison`` is the reader's one line, a comparison of quantities meant to give True when the pictures
    taken from ``distance`` had smaller pixels than those taken from ``reference`` (a pixel's ground size grows
    with the distance, so the nearer distance wins). A comparison of quantities gives a numpy bool; a ``True`` or
    ``False`` typed in, ``None`` (the line not written yet) or anything else gives no verdict, and the note says
    what to write. A comparison that gets the order wrong gives no verdict either: the note asks the reader to
    look again, without saying which way. A right comparison gives the claim's verdict ("true" if ``distance`` is
    the nearer) with a reason that names both distances, and an empty note.

    Parameters
    ----------
    claim_id : str
        The claim's id, such as ``"N01"``.
    comparison : numpy bool
        The reader's comparison.
    distance, reference : Quantity
        The claim's distance and the earlier best one (lengths, positive).
    reference_name : str
        What the reference distance was, for the reason ("RC3").
    name : str
        The variable that holds the reader's comparison, for the note ("news_closer").

    Examples
    --------
    >>> import astropy.units as u
    >>> import numpy as np
    >>> verdict, note = your_compared_verdict("N01", np.bool_(True), 3000 * u.km, 8000 * u.km, "an orbit")
    >>> verdict.verdict, note
    ('true', '')
    >>> your_compared_verdict("N01", True, 3000 * u.km, 8000 * u.km)[0] is None
    True
    """
    claim_id = _text(claim_id, "claim_id")
    d = require(distance, u.km, "distance", positive=True, scalar=True).to(u.km)
    ref = require(reference, u.km, "reference", positive=True, scalar=True).to(u.km)
    reference_name = _text(reference_name, "reference_name")
    name = _text(name, "name")
    if comparison is None and name in _SLIPPED:  # your_line has printed its note on this line: no second one
        return None, ""
    how = "compare the pixel sizes (each distance times ifov_rad) as Quantities, units and all."
    if comparison is None:  # the line not written yet
        return None, f"Fill in {name} above with a comparison: {how} Then run this cell again."
    if isinstance(comparison, bool):  # a comparison of quantities gives a numpy bool; a typed-in True does not
        return None, f"Write a comparison in {name} above, not True or False typed in: {how} Then run this cell again."
    if not isinstance(comparison, np.bool_):
        kind = type(comparison).__name__
        return None, f"Write a comparison in {name} above (it now holds a {kind}): {how} Then run this cell again."
    shown = float(f"{d.value:.2g}") * u.km  # the claim's distance to two figures, as a news story rounds it
    nearer = bool(d < ref)
    if bool(comparison) != nearer:
        way = "nearer" if comparison else "farther"
        return None, f"Look again: is {shown:,.0f} really {way} than {ref:,.0f}?"
    reason = f"taken from {shown:,.0f}; before it, {reference_name} from about {ref:,.0f}; a pixel grows with distance"
    return Verdict(claim_id, "true" if nearer else "false", reason), ""


#: What a comparison of a Quantity with a bare number gets, instead of astropy's long traceback.
BARE_NUMBER_NOTE = (
    "Your line compares a Quantity with a bare number, such as 13500: a bare number has no unit, so astropy "
    "cannot compare them. Compare Quantities, units and all: the pixel sizes news_d * ifov_rad and "
    "rc3_d * ifov_rad, as the text says."
)
#: What a comparison of .value numbers gets when they are in different units, or their units cannot be read.
VALUE_NOTE = (
    "Your line takes .value, which drops the unit, so its bare numbers compare only if they share one: news_d is "
    "in miles and rc3_d in km. Compare the Quantities themselves (such as the pixel sizes), units and all."
)
#: What a comparison of .value numbers in one unit gets: it is judged, with a nudge to keep the Quantities.
SAME_UNIT_VALUE_NOTE = (
    "Your line takes .value, which drops the unit. It works here because its numbers are all in {unit}, but a "
    "missed conversion would go unnoticed: next time compare the Quantities themselves, and astropy converts."
)
#: What a comparison whose two sides have units astropy cannot compare gets (a distance with a distance times
#: an angle in µrad, say), instead of astropy's long traceback.
UNLIKE_UNITS_NOTE = (
    "Compare like with like: the two sides of your line have units that astropy cannot compare (a distance "
    "with a distance times ifov, in µrad, perhaps). Compare pixel with pixel (each distance times ifov_rad), or "
    "distance with distance."
)
#: What an answer line whose units do not fit gets when no angle is involved ({have}: the result's unit).
UNITS_MISFIT_NOTE = "Your line's units do not fit: its result is {have}, which cannot become {want}."
#: What a comparison of a pixel's ground size with a distance gets (two lengths a thousand times apart).
LIKE_NOTE = (
    "Compare like with like: your line compares one pixel's patch of ground with a whole distance. Compare "
    "pixel with pixel (each distance times ifov_rad), or distance with distance."
)
_DROPS_UNIT = re.compile(r"\.value\b|\.to_value\(\s*\)")
#: Two sides of a comparison further apart than this compare unlike things (a pixel is 1/IFOV, ~10^4, smaller).
_UNLIKE_RATIO = 1000
#: The methods a side of the reader's comparison may call for it to be evaluated again (no other calls).
_SAFE_METHODS = frozenset({"to", "to_value", "decompose"})


def _safe_expression(node) -> bool:
    """True if ``node`` (an ast expression) uses only names, attributes, numbers, arithmetic and unit
    conversions (``.to``, ``.to_value``, ``.decompose``): evaluating it again has no side effect."""
    import ast

    if isinstance(node, (ast.Name, ast.Constant)):
        return True
    if isinstance(node, ast.Attribute):
        return _safe_expression(node.value)
    if isinstance(node, ast.BinOp):
        return _safe_expression(node.left) and _safe_expression(node.right)
    if isinstance(node, ast.UnaryOp):
        return _safe_expression(node.operand)
    if isinstance(node, ast.Call):
        func = node.func
        return (
            isinstance(func, ast.Attribute)
            and func.attr in _SAFE_METHODS
            and _safe_expression(func.value)
            and not node.keywords
            and all(_safe_expression(a) for a in node.args)
        )
    return False


def _evaluate(node, frame):
    """The value of the safe ast expression ``node`` in ``frame``'s namespace (``ValueError`` if not safe)."""
    import ast

    if not _safe_expression(node):
        raise ValueError("not a plain expression")
    code = compile(ast.Expression(body=node), "<your line>", "eval")
    return eval(code, frame.f_globals, frame.f_locals)  # noqa: S307 (names, arithmetic and unit conversions only)


def _your_comparison(source: str, name: str):
    """The ast ``Compare`` node of ``name = a < b`` in ``source`` (one comparison), or None."""
    import ast

    try:
        tree = ast.parse(textwrap.dedent(source))
    except SyntaxError:
        return None
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Assign)
            and any(isinstance(t, ast.Name) and t.id == name for t in node.targets)
            and isinstance(node.value, ast.Compare)
            and len(node.value.comparators) == 1
        ):
            return node.value
    return None


def _dropped_units(compare, frame) -> set | None:
    """The units that each ``.value`` (or bare ``.to_value()``) in ``compare`` drops, or None if one is unknown."""
    import ast

    units = set()
    for node in ast.walk(compare):
        if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)) and not isinstance(node.value, bool):
            return None  # a number typed in: its unit is unknown
        if isinstance(node, ast.Attribute) and node.attr == "value":
            base = node.value
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "to_value":
            if node.args or node.keywords:
                continue  # .to_value(u.km) names its unit
            base = node.func.value
        else:
            continue
        try:
            unit = getattr(_evaluate(base, frame), "unit", None)
        except Exception:  # not a plain expression, or an error: the unit is unknown
            return None
        if unit is None:
            return None
        units.add(unit)
    return units or None


def _unlike_sides(compare, frame) -> bool:
    """True if the two sides of ``compare`` are lengths (or bare numbers) more than ``_UNLIKE_RATIO`` apart."""
    try:
        a, b = _evaluate(compare.left, frame), _evaluate(compare.comparators[0], frame)
        if isinstance(a, u.Quantity) or isinstance(b, u.Quantity):
            a, b = u.Quantity(a).to_value(u.km), u.Quantity(b).to_value(u.km)
        a, b = abs(float(a)), abs(float(b))
    except Exception:  # not lengths, not plain, or not evaluated: nothing to say
        return False
    if not (math.isfinite(a) and math.isfinite(b)) or min(a, b) == 0:
        return False
    return max(a, b) / min(a, b) > _UNLIKE_RATIO


def _block_source(frame, start: int) -> str:
    """The code (without comments) of the block under line ``start`` of ``frame``'s source, or "" if unknown."""
    import linecache

    lines = linecache.getlines(frame.f_code.co_filename)
    if not 0 < start <= len(lines):
        return ""
    head = lines[start - 1]
    indent = len(head) - len(head.lstrip())
    block = []
    for line in lines[start:]:
        if line.strip() and len(line) - len(line.lstrip()) <= indent:
            break
        block.append(line.split("#", 1)[0])
    return "".join(block)


#: What ``u.mi`` (or another imperial unit written as u.<name>) gets: astropy keeps them in ``u.imperial``.
IMPERIAL_NOTE = "astropy keeps {name} in u.imperial: write u.imperial.{name} (there is no u.{name})."


def _imperial_slip(error) -> str:
    """:data:`IMPERIAL_NOTE` for an ``AttributeError`` from ``u.mi`` (a unit only ``u.imperial`` has), or ""."""
    from astropy.units import imperial

    name = getattr(error, "name", None)
    if getattr(error, "obj", None) is not u or not isinstance(name, str) or not hasattr(imperial, name):
        return ""
    return IMPERIAL_NOTE.format(name=name)


#: The variables whose last line got a unit-slip note from :func:`your_line` (and were set to None): a verdict
#: helper then adds no second note about them.
_SLIPPED: set[str] = set()


class _YourLine:
    """The context manager of :func:`your_line`."""

    def __init__(self, name: str, unit_note: str = ""):
        self.name, self.note, self.unit_note, self.source = name, "", unit_note, ""

    def __enter__(self):
        import sys

        self._frame = sys._getframe(1)
        self._start = self._frame.f_lineno
        return self

    def __exit__(self, kind, error, traceback) -> bool:
        frame, self._frame = self._frame, None
        self.source = _block_source(frame, self._start)
        _SLIPPED.discard(self.name)
        caught = (u.UnitsError,) if self.unit_note else (u.UnitsError, TypeError)
        imperial = _imperial_slip(error) if kind is not None and issubclass(kind, AttributeError) else ""
        from_utils = kind is not None and issubclass(kind, (TypeError, ValueError)) and _raised_in_utils(traceback)
        if self.unit_note and kind is not None and issubclass(kind, TypeError) and _CALL_SLIP.search(str(error)):
            from_utils = True  # a helper called with too few or too many arguments: a one-line note too
        if kind is not None and not imperial and not from_utils and not issubclass(kind, caught):
            return False  # any other error is the reader's to see
        if imperial:
            self.note = imperial
        elif kind is not None and not issubclass(kind, u.UnitsError):
            # a TypeError or ValueError: a helper's own clear message, in one line, without the traceback
            first = str(error).strip().splitlines()[0] if str(error).strip() else kind.__name__
            self.note = _joined_note(first, self.unit_note) if from_utils or self.unit_note else BARE_NUMBER_NOTE
        elif kind is not None:
            self.note = self._units_note(error)
        elif not self.unit_note:
            self.note = self._comparison_note(frame)
        if self.note:
            _SLIPPED.add(self.name)
            print(self.note)
            if frame.f_locals is frame.f_globals:  # a notebook cell: the line's variable is not judged
                from .checks import NOTED_SLIP  # the checks import this module: import them only when used

                frame.f_globals[self.name] = NOTED_SLIP if self.unit_note else None
        return True

    def _units_note(self, error) -> str:
        """The note on a units error: without ``unit_note`` (a comparison), a bare number or unlike units; with
        it (an answer), ``unit_note`` only when an angle unit is in the way, else what the units are."""
        text = str(error)
        if not self.unit_note:
            return BARE_NUMBER_NOTE if "not a quantity" in text else UNLIKE_UNITS_NOTE
        units = re.findall(r"'([^']*)'", text)
        if re.search(r"rad|deg|arcsec|arcmin", text) or (not units and re.search(r"\bifov\b", self.source)):
            return self.unit_note  # an angle left in (such as µrad): the note the lesson gives for it
        if len(units) < 2:
            return "Your line's units do not fit: two of its parts have units that cannot be added or compared."
        have, want = (f"in {unit}" if unit else "a plain number (no unit)" for unit in units[:2])
        note = UNITS_MISFIT_NOTE.format(have=have, want=want.removeprefix("in "))
        from astropy.units import imperial

        try:
            with u.add_enabled_units(imperial):  # a mile left in reads back too
                plain = units[0] == "" or u.Unit(units[0]).physical_type == "dimensionless"
        except ValueError:  # a unit astropy cannot read back: say no more
            plain = False
        if plain and units[1] != "":
            note += " The lengths cancel, so it is a plain number: for a count, end with .to_value(u.one)."
        return note

    def _comparison_note(self, frame) -> str:
        """The note on a comparison line that ran: sides a thousand times apart (a pixel with a distance), or
        ``.value`` numbers in different or unknown units ("" if the line is judged; a ``.value`` line in one
        unit is judged, and a nudge is printed)."""
        compare = _your_comparison(self.source, self.name)
        if compare is not None and _unlike_sides(compare, frame):
            return LIKE_NOTE
        if not _DROPS_UNIT.search(self.source):
            return ""
        units = None if compare is None else _dropped_units(compare, frame)
        if units is None or len(units) != 1:
            return VALUE_NOTE
        print(SAME_UNIT_VALUE_NOTE.format(unit=units.pop()))
        return ""


#: A TypeError from calling a function with the wrong number of arguments ("missing 1 required positional ...").
_CALL_SLIP = re.compile(r"\w+\(\) (?:missing \d+ required|takes \d+|got an unexpected keyword)")


def _raised_in_utils(traceback) -> bool:
    """True when the innermost frame of ``traceback`` lies in this package (a helper's own check on its
    arguments), not in the reader's line."""
    from pathlib import Path

    package = Path(__file__).resolve().parent
    last = traceback
    while last is not None and last.tb_next is not None:
        last = last.tb_next
    if last is None:
        return False
    try:
        return Path(last.tb_frame.f_code.co_filename).resolve().is_relative_to(package)
    except (OSError, ValueError):
        return False


def _joined_note(first: str, second: str) -> str:
    """Two sentences joined, with a full stop after the first."""
    first = first.rstrip()
    if first and first[-1] not in ".?!":
        first += "."
    return " ".join(part for part in (first, second) if part)


def your_line(name: str, unit_note: str = "") -> _YourLine:
    """A ``with`` block around the reader's one line (a comparison of quantities, or an answer).

    A unit slip in the line gets a short note instead of a long traceback, and the line's variable ``name``
    is set to ``None`` (not judged): comparing a Quantity with a bare number (``news_d < 13500``), or
    comparing bare ``.value`` numbers whose units may differ, or sides whose units cannot be compared. With
    ``unit_note``, a units error is caught, and that note is printed when an angle unit is in the way (such as
    "µrad left in: use ifov_rad" for an answer), else a note on what the line's units are; the variable is then
    set to a marker that an exercise's check reads as "not answered yet", not to ``None``. A TypeError or
    ValueError raised by a helper of this package (or a helper called with the wrong number of arguments)
    becomes the helper's own message in one line, followed by ``unit_note``. An imperial unit
    written as ``u.mi`` (astropy has only ``u.imperial.mi``) gets a one-line note in either case. Any other error
    is raised as usual. After the block, ``.source`` holds the block's code (without comments; "" if unknown), so a
    later check can read how the line was written.

    Examples
    --------
    >>> import astropy.units as u
    >>> with your_line("closer"):
    ...     closer = 3 * u.km < 5
    Your line compares a Quantity with a bare number, such as 13500: ...
    """
    if not isinstance(unit_note, str):
        raise TypeError(f"unit_note must be a string (the note for a unit slip); got {type(unit_note).__name__}")
    return _YourLine(_text(name, "name"), unit_note.strip())


def date_verdicts(claims: Table, fact_ids: Mapping[str, str]) -> dict[str, Verdict]:
    """The verdicts on date claims, each against its sourced date: ``{claim id: Verdict}``.

    ``fact_ids`` maps a claim id to the fact id of its record. A claimed month (``YYYY-MM`` in the claims
    file) passes if the record lies in that month; a claimed day, within one calendar day (UTC).

    Examples
    --------
    >>> date_verdicts(load_claims(), {"N06": "dawn.launch"})["N06"].verdict
    'true'
    """
    from .facts import fact

    claims = _claims_table(claims)
    if not isinstance(fact_ids, Mapping) or not fact_ids:
        raise TypeError('fact_ids must be a dict of claim ids to fact ids, such as {"N06": "dawn.launch"}')
    out = {}
    for claim_id, fact_id in fact_ids.items():
        claim_id, fact_id = _text(claim_id, "claim id"), _text(fact_id, f"fact_ids[{claim_id!r}]")
        claimed, record = claimed_value(claims, claim_id), _time(fact(fact_id), f"fact_ids[{claim_id!r}]")
        month_only = bool(_MONTH_ONLY.fullmatch(str(_find(claims, claim_id)["claimed"]).strip()))
        ok = date_matches(_time(claimed, f"claim {claim_id}'s value"), record, month_only=month_only)
        out[claim_id] = Verdict(claim_id, "true" if ok else "false", f"record: {record.iso[:16]} UTC ({fact_id})")
    return out


#: A line that assigns True or False typed in (``n10_matches = True``), not a comparison or a call.
_TYPED_BOOL = re.compile(r"(?<![=!<>])=\s*(?:np\.)?(?:True|False|bool_\((?:True|False)\))_?\s*$", re.MULTILINE)


def your_date_verdict(
    claim_id: str, matches, claimed, record, name: str = "your line", source: str = ""
) -> tuple[Verdict | None, str]:
    """A date claim judged by the reader's own line (``matches``, True if the dates agree): ``(verdict, note)``.

    ``None`` (the line not written yet), anything but True or False, or an answer that disagrees with
    :func:`date_matches` (a full date, within one day) gives no verdict and a note saying what to do.
    ``source`` is the line's code (from :func:`your_line`'s ``.source``), when known: a True or False typed in
    gives no verdict; a disagreeing line is told about the time of day only if it uses ``==``, and otherwise
    to check which record it compared.

    Examples
    --------
    >>> your_date_verdict("N10", None, "2015-03-06", "2015-03-06T12:29")[0] is None
    True
    """
    claim_id, name = _text(claim_id, "claim_id"), _text(name, "name")
    c, r = _time(claimed, "claimed"), _time(record, "record")
    if matches is None or matches is Ellipsis:
        return None, f"{claim_id} waits for your line: fill in {name} above with a call to fc.date_matches."
    if not isinstance(source, str):
        raise TypeError(f"source must be a string (the line's code); got {type(source).__name__}")
    if not isinstance(matches, (bool, np.bool_)):
        return None, f"{name} should be True or False, from a call to fc.date_matches; got {type(matches).__name__}."
    if _TYPED_BOOL.search(source):
        return None, f"Write a call to fc.date_matches in {name} above, not True or False typed in."
    if bool(matches) != date_matches(c, r):
        if "==" in source or not source.strip():
            return None, (
                f"Look again at {name}: does your line compare calendar days, within one day? == compares the "
                "time of day too."
            )
        return None, f"Look again at {name}: check which record you compared the claimed date with."
    verdict = "true" if matches else "false"
    return Verdict(claim_id, verdict, f"{YOURS}claimed {c.iso[:10]}; record {r.iso[:16]} UTC"), ""


#: The words a written prediction may use for each direction: a rise, a fall, or no change (lesson 08's
#: Try it asks "up", "down" or "same"; its Exercise 2, "more" or "fewer" months).
PREDICTION_SYNONYMS = {
    "up": (
        *"up increase increases increased increasing rise rises rising grow grows growing more larger".split(),
        *"bigger higher greater brighter longer".split(),
        "goes up",
        "go up",
    ),
    "down": (
        *"down decrease decreases decreased decreasing fall falls falling drop drops dropping less fewer".split(),
        *"smaller lower dimmer darker shorter".split(),
        "goes down",
        "go down",
    ),
    "same": (
        *"same unchanged constant equal flat flattens plateau plateaus".split(),
        *("no change", "does not change", "doesn't change", "stays level", "stay level", "levels off", "level off"),
    ),
}

#: A direction, then "same" ("up then same", "rises and then levels off"): the prediction names the direction, as
#: the slider's readings first go up, then stop changing.
_THEN = re.compile(r"\b(?:then|until|before|and after that)\b")

#: Words that, in a prediction, turn a direction around ("not up"): such a prediction is read as no direction.
_PREDICTION_NEGATIONS = frozenset({"not", "no", "never", "won't", "doesn't", "don't", "isn't"})


def read_prediction(text: str) -> str | None:
    """The direction a written prediction names: ``"up"``, ``"down"`` or ``"same"``; ``None`` if it names none,
    several, or negates one ("not up", which could mean down or the same).

    Examples
    --------
    >>> read_prediction("It will increase.")
    'up'
    >>> read_prediction("fewer months"), read_prediction("stays the same"), read_prediction("not up")
    ('down', 'same', None)
    >>> read_prediction("up then same"), read_prediction("rises, then levels off"), read_prediction("same then up")
    ('up', 'up', None)
    """
    if not isinstance(text, str):
        raise TypeError(f'text must be a string, such as "up"; got {type(text).__name__}')
    said = " ".join(re.findall(r"[a-z']+", text.lower()))
    for word in PREDICTION_SYNONYMS["same"]:
        if " " in word:  # "no change": its "no" is part of the phrase, not a negation
            said = re.sub(rf"\b{re.escape(word)}\b", "same", said)
    words = said.split()
    if _PREDICTION_NEGATIONS & set(words):
        return None
    first = {}  # each direction named, and where its first word starts
    for direction, synonyms in PREDICTION_SYNONYMS.items():
        for word in synonyms:
            hit = re.search(rf"\b{re.escape(word)}\b", said)
            if hit:
                first[direction] = min(first.get(direction, hit.start()), hit.start())
    if len(first) == 2 and "same" in first:  # "up then same": a direction, then no more change
        (moved,) = set(first) - {"same"}
        then = _THEN.search(said, first[moved])
        if then and first[moved] < then.start() < first["same"]:
            return moved
    return first.popitem()[0] if len(first) == 1 else None


def _reading(value) -> float | None:
    """One reading typed by the reader: a plain number (0.1, "0.1"), or None if it is none."""
    if isinstance(value, bool) or not isinstance(value, (int, float, str, np.number)):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError, OverflowError):
        return None
    return number if np.isfinite(number) else None


def _count(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def read_back_slider(prediction: str, read_values, model, field: u.Quantity, ifov: u.Quantity, distances) -> str:
    """Read the slider's prediction and three readings back: the lines to print.

    ``distances`` maps three stop names to their distances in km, farthest first. Each reading is compared with
    the brightest pixel of ``model`` (a square reflectance map ``field`` wide) seen through pixels of
    distance x ``ifov``, within the title's rounding (0.015); the direction of the readings is compared with the
    ``prediction`` ("up", "down" or "same", in the reader's words). ``read_values`` that are not three numbers
    give the request to fill them in.
    """
    from .imaging import pixelate
    from .units import array

    image = array(model, "model", ndim=2, max_size=64_000_000)
    if image.shape[0] != image.shape[1]:
        raise ValueError(f"model must be a square 2-D array; got shape {image.shape}")
    width = require(field, u.km, "field", positive=True, scalar=True)
    angle = require(ifov, u.rad, "ifov", positive=True, scalar=True).to_value(u.rad)
    if not isinstance(distances, Mapping) or len(distances) != 3:
        raise TypeError("distances must be a dict of three stop names to distances in km, farthest first")
    stops = {}
    for name, km in distances.items():
        if not isinstance(name, str):
            raise TypeError(f"distances must have stop names (strings) as keys; got {type(name).__name__}")
        stops[name] = float(positive(km, f"distances[{name!r}]", scalar=True))
    if not isinstance(prediction, str):
        raise TypeError(f'prediction must be a string, such as "up"; got {type(prediction).__name__}')
    said = read_prediction(prediction)
    values = list(read_values) if isinstance(read_values, (list, tuple, np.ndarray)) else [read_values]
    readings = [_reading(v) for v in values[:4]]
    asks = []
    if not prediction.strip():
        asks.append('Fill in prediction_slider: "up", "down" or "same".')
    elif said is None:
        shown = " ".join(prediction.split())
        shown = shown if len(shown) <= 40 else shown[:37] + "..."
        asks.append(f"I could not read '{shown}' as up, down or same: write one of the three in prediction_slider.")
    if all(v is None for v in values) and len(values) == 3:
        asks.append("Fill in read_values: 3 numbers, one per stop.")
    elif len(values) != 3:
        asks.append(f"Fill in read_values with 3 numbers, one per stop: it holds {_count(len(values), 'value')}.")
    elif None in readings:
        k = readings.index(None)
        got = repr(values[k]) if isinstance(values[k], str) and len(values[k]) <= 20 else type(values[k]).__name__
        got = "is still None" if values[k] is None else f"({got}) is not a plain number"
        asks.append(f"Fill in read_values with 3 numbers: reading {k + 1} {got}; give one such as 0.1.")
    if asks:
        return "\n".join(asks) + "\nThen run both cells."
    lines, matched, off = [], [], []
    for (name, km), value in zip(stops.items(), readings, strict=True):
        expected = float(pixelate(image, width, km * u.km * angle)[0].max())
        if _is_pixel_size(value, km * angle):  # the title's other number: km (or m) per pixel
            matched.append(False)
            lines.append(f"{name}: you read {value:g}: {PIXEL_SIZE_NOTE}")
            continue
        matched.append(abs(value - expected) <= 0.015)
        off += [] if matched[-1] else [value]
        lines.append(f"{name}: you read {value:g}: " + ("matches the title." if matched[-1] else "look again."))
    far, near = readings[0], readings[2]
    went = "went up" if near > 1.05 * far else "went down" if near < far / 1.05 else "stayed the same"
    told = f"You predicted '{said}'; your readings {went}. " + ("Right!" if went.endswith(said) else "Open the box.")
    if any(v > 1 for v in off):
        lines.append(PERCENT_NOTE)  # 40 typed for a reading of 0.40: a reflectance is a fraction, not a percentage
    lines.append(
        told if all(matched) else "Read again each value not marked 'matches the title', then run this cell again."
    )
    return "\n".join(lines)


#: What a slider reading typed as a percentage gets (the title gives a fraction).
PERCENT_NOTE = "The title gives a fraction from 0 to 1, not a percentage: divide a percentage by 100."
#: What a slider reading equal to the title's pixel size gets.
PIXEL_SIZE_NOTE = "that is the pixel size (km or m per pixel); read the reflectance after it, the brightest pixel's."


def _is_pixel_size(value: float, pixel_km: float) -> bool:
    """True if ``value`` is the pixel size ``pixel_km`` as the title shows it (three figures), in km or in m."""
    return any(math.isclose(value, float(f"{size:.3g}"), rel_tol=2e-3) for size in (pixel_km, pixel_km * 1000))


def combine_verdicts(*parts: str) -> str:
    """One verdict for a claim made of several parts, each judged on its own.

    All parts true: ``"true"``; any part false: ``"false"``; otherwise any
    part misleading: ``"misleading"``; else ``"cannot be checked"``.

    Examples
    --------
    >>> combine_verdicts("true", "true"), combine_verdicts("true", "false")
    ('true', 'false')
    >>> combine_verdicts("true", "misleading")
    'misleading'
    """
    if not parts:
        raise ValueError("combine_verdicts needs at least one verdict in parts")
    for k, part in enumerate(parts):
        if verdict_word(part) is None:
            raise ValueError(
                f"parts[{k}] is not a verdict: a verdict is one of {', '.join(repr(v) for v in VERDICTS)}; got {part!r}"
            )
    words = [_check_verdict(p) for p in parts]
    if all(w == "true" for w in words):
        return "true"
    for word in ("false", "misleading"):
        if word in words:
            return word
    return "cannot be checked"


def rank_by(table, column: str, name: str, name_column: str = "name") -> int:
    """Rank (1 = largest) of the row called ``name`` by descending ``column``.

    Rows where ``column`` is masked (unknown) are left out.

    Examples
    --------
    >>> from utils.data import load_catalogue
    >>> rank_by(load_catalogue(), "diameter", "Ceres")
    1
    """
    _table(table, "table", hint="such as load_catalogue()")
    for label, col in (("column", column), ("name_column", name_column)):
        if not isinstance(col, str):
            raise TypeError(f"{label} must be a column name (a string); got {col!r}")
        if col not in table.colnames:
            raise UnknownIdError(f"no column {col!r} ({label}); the table has {', '.join(table.colnames)}")
    if not isinstance(name, str):
        raise TypeError(f"name must be a string such as 'Ceres'; got {name!r}")
    if table[column].dtype.kind not in "iuf":
        raise TypeError(f"column {column!r} must hold numbers to rank by; it holds {table[column].dtype}.")
    values = table[column]
    values = values.value if isinstance(values, u.Quantity) else np.asarray(values)
    mask = np.ma.getmaskarray(table[column]) | ~np.isfinite(np.ma.getdata(values).astype(float))
    names = np.asarray(table[name_column]).astype(str)
    hits = np.flatnonzero((names == name) & ~mask)
    if not len(hits):
        raise UnknownIdError(f"no row with name {name!r} and a known {column}")
    target = float(np.ma.getdata(values)[hits[0]])
    data = np.ma.getdata(values).astype(float)[~mask]
    return int(np.sum(data > target)) + 1


# --------------------------------------------------------------------------
# the verdict table
# --------------------------------------------------------------------------


def verdict_table(verdicts: Iterable[Verdict] | Mapping[str, Verdict], claims: Table) -> Table:
    """Collect verdicts into a table, in the order of the claims file.

    Parameters
    ----------
    verdicts : iterable or mapping of Verdict
        One verdict per claim id (later ones replace earlier ones); ``None``
        entries (claims not judged yet, see :func:`your_verdict`) are skipped.
    claims : Table
        From :func:`load_claims`.

    Returns
    -------
    astropy.table.Table
        Columns ``id``, ``claim``, ``verdict``, ``evidence``; claims without
        a verdict are left out.

    Examples
    --------
    >>> from utils.factcheck import load_claims, verdict_table, Verdict
    >>> t = verdict_table([Verdict("N06", "true", "27 Sep 2007")], load_claims())
    >>> [str(v) for v in t["verdict"]]
    ['true']
    """
    from astropy.table import Table

    _claims_table(claims)
    if (
        isinstance(verdicts, Verdict)
        or isinstance(verdicts, (str, bytes))
        or not isinstance(verdicts, (Mapping, list, tuple))
    ):
        raise TypeError(f"verdicts must be a list (or dict) of Verdict objects; got {type(verdicts).__name__}")
    items = verdicts.values() if isinstance(verdicts, Mapping) else verdicts
    by_id: dict[str, Verdict] = {}
    for v in items:
        if v is None:  # a claim the reader has not judged yet (see your_verdict)
            continue
        if not isinstance(v, Verdict):
            raise TypeError(f"verdicts must hold Verdict objects, got {type(v).__name__}")
        by_id[v.claim_id] = v
    known = [str(i) for i in claims["id"]]
    unknown = sorted(set(by_id) - set(known))
    if unknown:
        raise UnknownIdError(f"verdicts for unknown claim ids: {', '.join(unknown)}")
    rows = [(i, claim_text(claims, i), by_id[i].verdict, by_id[i].reason) for i in known if i in by_id]
    return Table(rows=rows or None, names=["id", "claim", "verdict", "evidence"], dtype=[str, str, str, str])


def _wrap(text: str, width: int) -> list[str]:
    return textwrap.wrap(text, width) or [""]


def format_verdict_table(table: Table, claim_width: int = 48, evidence_width: int = 70) -> str:
    """The verdict table as fixed-width text (stable, for printing).

    Long claims and evidence are wrapped onto further lines (never cut), so a
    reader's own reason shows in full.

    Examples
    --------
    >>> from utils.factcheck import load_claims, verdict_table, Verdict
    >>> t = verdict_table([Verdict("N06", "true", "27 Sep 2007")], load_claims())
    >>> print(format_verdict_table(t).splitlines()[2])
    N06  Dawn was launched in September 2007.              ✔ true               27 Sep 2007
    """
    _verdicts_table(table)
    claim_width = integer(claim_width, "claim_width", low=10, high=1000)
    evidence_width = integer(evidence_width, "evidence_width", low=10, high=1000)
    head = f"{'id':<4} {'claim':<{claim_width}}  {'verdict':<19}  evidence"
    lines = [head, "-" * (len(head) + evidence_width - len("evidence"))]
    for row in table:
        first = (str(row["id"]), f"{_SYMBOL[str(row['verdict'])]} {row['verdict']}")
        parts = zip_longest(_wrap(str(row["claim"]), claim_width), _wrap(str(row["evidence"]), evidence_width))
        for k, (claim, evidence) in enumerate(parts):
            cid, verdict = first if k == 0 else ("", "")
            lines.append(f"{cid:<4} {claim or '':<{claim_width}}  {verdict:<19}  {evidence or ''}".rstrip())
    return "\n".join(lines)


def verdict_table_html(table: Table) -> str:
    """The verdict table as an HTML table (symbols and colours for the verdicts)."""
    _verdicts_table(table)
    cells = []
    for row in table:
        v = str(row["verdict"])
        cells.append(
            "<tr>" + f"<td>{html.escape(str(row['id']))}</td><td>{html.escape(str(row['claim']))}</td>"
            f'<td style="border-left:6px solid {_COLOUR[v]};white-space:nowrap"><b>{_SYMBOL[v]} {v}</b></td>'
            f"<td>{html.escape(str(row['evidence']))}</td></tr>"
        )
    head = "<tr><th>id</th><th>claim (paraphrased)</th><th>verdict</th><th>evidence</th></tr>"
    return f'<table style="text-align:left">{head}{"".join(cells)}</table>'


def verdict_counts(table: Table) -> dict[str, int]:
    """How many claims got each verdict (all four keys, in :data:`VERDICTS` order).

    Examples
    --------
    >>> from utils.factcheck import load_claims, verdict_table, Verdict
    >>> verdict_counts(verdict_table([Verdict("N06", "true", "ok")], load_claims()))["true"]
    1
    """
    _verdicts_table(table)
    values = [str(v) for v in table["verdict"]]
    return {v: values.count(v) for v in VERDICTS}
