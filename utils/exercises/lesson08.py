"""Exercises of 08 · Capstone: fact-check the 2015 news story.

Every expected answer is computed from the inputs the notebook passes; the
``mistakes`` are the likely wrong answers named on the instructor page, each
with a hint that does not give the answer away.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar

import astropy.units as u
import astropy.units.imperial  # noqa: F401  (u.imperial.mi)
import numpy as np
from astropy.time import Time, TimeDelta

from ..camera import _distance_for_pixel_scale, pixel_scale
from ..checks import (
    CORRECT,
    INCORRECT,
    INVALID,
    UNANSWERED,
    CheckResult,
    Exercise,
    Mistake,
    ReasonedExercise,
    RoundedTooFar,
    _is_placeholder,
)
from ..factcheck import (
    KINDS,
    MONTH,
    VERDICT_SYNONYMS,
    VERDICTS,
    in_months,
    read_prediction,
    verdict_word,
)
from ..factcheck import _claim_kind as claim_kind
from ..factcheck import _duration as duration
from ..factcheck import _judge_duration as judge_duration
from ..factcheck import _judge_first as judge_first
from ..units import require


# --- 08.1 · what kind of claim is it? -----------------------------------------------------------
def _kind(claims, claim_id):
    return claim_kind(claims, claim_id)


#: Claims whose kind is a fair judgement call: the other defensible kind, and why it is accepted.
#: (Keyed by claim id and the kind the claims file gives, so an edited claims file drops a stale entry.)
BORDERLINE = {
    ("N01", "number"): (
        "first",
        "'sharpest yet' also asserts that nothing before was sharper; the lesson files it as a number because "
        "the claim asserts a distance and how detailed the pictures were (the table's 'a quantity, a distance').",
    ),
    ("N04", "number"): (
        "date",
        "the claim asserts both a date and an altitude; the lesson files it as a number because the move it "
        "announces is a distance (the table's 'a distance'), and checks the date too.",
    ),
    ("N05", "number"): (
        "first",
        "'biggest' is a superlative like a 'first'; the lesson files it as a number because the claim asserts "
        "a rank (the table's 'a rank').",
    ),
    ("N09", "date"): (
        "number",
        "'14 months' is a measured duration; the lesson files it as a date because the claim asserts how long "
        "something lasted (the table's 'how long').",
    ),
    ("N17", "date"): (
        "interpretation",
        "'keep circling long after' is a prediction; the lesson files it as a date because the claim asserts "
        "how long Dawn would stay (the table's 'how long').",
    ),
    ("N07", "interpretation"): (
        "number",
        "'only three' is a count; the lesson files it as an interpretation because the claim asserts what the "
        "bodies are (the table's 'what something is'): which bodies count as protoplanets is a matter of "
        "definition, which no measurement settles.",
    ),
}


@dataclass(frozen=True)
class KindExercise(Exercise):
    """Exercise 1: also accepts the other defensible kind of a borderline claim, with a note."""

    borderline: Mapping[tuple, tuple] = field(default_factory=dict)

    def check(self, answer: Any, **inputs: Any) -> CheckResult:
        result = super().check(answer, **inputs)
        if result.status != INCORRECT or not isinstance(answer, str):
            return result
        try:
            claim_id = str(inputs["claim_id"]).strip()
            other, why = self.borderline[(claim_id, claim_kind(inputs["claims"], claim_id))]
        except Exception:  # not a borderline claim (or unusable inputs, already reported)
            return result
        if " ".join(answer.strip().lower().split()) == other:
            return CheckResult(CORRECT, f"Defensible: {why}", result.name)
        return result


def _kinds(claims, claim_ids):
    return {str(i).strip().upper(): claim_kind(claims, str(i).strip().upper()) for i in claim_ids}


@dataclass(frozen=True)
class ClaimKindsExercise(Exercise):
    """Exercise 1: a dict ``{claim id: kind}``; each claim is judged by ``one`` (a :class:`KindExercise`).

    A wrong try gets the count of right kinds and one question, on the first claim not yet right; which of the
    others are right is said only once all are. No message names the expected kind.
    """

    one: KindExercise | None = None
    restore_inputs: ClassVar[str] = "Restore claims and claim_ids above and run the cells again"

    def expected(self, **inputs: Any) -> Any:
        ids = inputs.get("claim_ids")
        if isinstance(ids, str):  # ("N05") is a string in brackets, not a tuple
            raise ValueError(
                f"claim_ids is one text, {ids!r}, not a tuple of ids: for one claim write ({ids!r},), with a comma"
            )
        expected = super().expected(**inputs)
        if not expected:
            raise ValueError("The list claim_ids names no claim")
        return expected

    def check(self, answer: Any, **inputs: Any) -> CheckResult:
        title, expected, decided = self._begin(answer, inputs)
        if decided is not None:
            return decided
        ids = ", ".join(expected)
        if not isinstance(answer, Mapping):
            return CheckResult(
                INVALID, f'Give a dict with one kind for each claim: {{"{ids[:3]}": "...", ...}}.', title
            )
        given = {str(k).strip().upper(): _singular(v) for k, v in answer.items()}
        missing = [i for i in expected if i not in given or _is_placeholder(given[i])]
        if len(missing) == len(expected):
            return CheckResult(UNANSWERED, f"Give a kind for each of {ids}.", title)
        extra = sorted(set(given) - set(expected))
        unchecked = [f"Not checked here (not in claim_ids): {', '.join(extra)}."] if extra else []
        if missing:  # no count before every claim has a kind: a count of a few is a count of each
            lines = [f"{claim_id}: not answered yet." for claim_id in missing]
            return CheckResult(UNANSWERED, "\n".join([f"Give a kind for each of {ids}.", *lines, *unchecked]), title)
        results = {c: self.one.check(given[c], claims=inputs["claims"], claim_id=c) for c in expected}
        invalid = [f"{c}: {r.message}" for c, r in results.items() if r.status == INVALID]
        if invalid:  # the format first, and nothing yet on which kinds are right
            return CheckResult(INVALID, "\n".join([*invalid, *unchecked]), title)
        right = sum(r.status == CORRECT for r in results.values())
        head = f"{right} of {len(expected)} claims sorted right."
        if right == len(expected):  # all right: now each claim's line, with the notes on borderline kinds
            lines = [f"{c}: {r.message or 'right.'}" for c, r in results.items()]
            return CheckResult(CORRECT, "\n".join([head, *lines, *unchecked]), title)
        # a wrong try: the count and one question, on the first claim (in claim_ids' order) not yet right; no
        # line says which of the claims after it are right, and none names a kind
        first = next(c for c, r in results.items() if r.status != CORRECT)
        own = self._short(results[first]).removeprefix("not yet.").strip()
        lines = [head, _joined(f"Look again at {first}.", own), f"For each claim: {self.one.hint}"]
        return CheckResult(INCORRECT, "\n".join([*lines, *unchecked]), title)

    def _short(self, result: CheckResult) -> str:
        """One claim's line: 'not yet', with only its own hint; the general hint is said once, at the end."""
        if result.status != INCORRECT:
            return result.message
        text = result.message.replace("That is not right.", "").replace("Hint:", "")
        for general in (self.one.hint, _VERB_QUESTION):
            text = text.replace(general, "")
        text = " ".join(text.split())
        return f"not yet. {text}" if text else "not yet."


def _singular(kind: Any) -> Any:
    """A kind written in the plural ("dates", "firsts") read as the singular the choices use."""
    if isinstance(kind, str):
        word = " ".join(kind.strip().strip("'\"").lower().split())
        if word.endswith("s") and word[:-1] in KINDS:
            return word[:-1]
    return kind


def _if_kind(actual: str, wrong: str):
    """A mistake that applies only to claims of kind ``actual``: answering ``wrong``."""

    def solve(claims, claim_id):
        return wrong if claim_kind(claims, claim_id) == actual else None

    return solve


# --- 08.2 · months at Vesta -----------------------------------------------------------------------
def _months_at_vesta(arrival, departure, claimed_months=None):
    stay = duration(arrival, departure)
    if stay <= 0 * u.day:
        raise ValueError("departure must come after arrival")
    return float(in_months(stay).value)


def _years_not_months(arrival, departure, claimed_months=None):
    return _months_at_vesta(arrival, departure) / 12


def _days_not_months(arrival, departure, claimed_months=None):
    return float(duration(arrival, departure).to_value(u.day))


def _story_months(arrival, departure, claimed_months=None):
    if claimed_months is None:
        raise ValueError("no claimed value given")
    return float(require(claimed_months, u.one, "claimed_months", positive=True))


def _calendar_months(arrival, departure, claimed_months=None):
    """The stay counted on the calendar: whole calendar months from the arrival's day of the month, then the days
    left as a share of the calendar month they fall in (13 months and 20 of August's 31 days: 13.6), one decimal."""
    import calendar
    from datetime import datetime

    start, end = (t if isinstance(t, datetime) else Time(t).to_datetime() for t in (arrival, departure))
    months = (end.year - start.year) * 12 + end.month - start.month
    if end.day < start.day:
        months -= 1
    year, month = start.year + (start.month - 1 + months) // 12, (start.month - 1 + months) % 12 + 1
    day = min(start.day, calendar.monthrange(year, month)[1])
    mark = datetime(year, month, day)
    length = calendar.monthrange(year, month)[1]
    count = months + (end.replace(hour=0, minute=0, second=0, microsecond=0) - mark).days / length
    return round(count, 1)  # with one decimal, as the task asks (13.65 itself is within the right answer's 0.5 %)


def _years_times_twelve(arrival, departure, claimed_months=None):
    """A duration in years multiplied by 12 is still in years: 12 times the stay, read in months."""
    return _months_at_vesta(arrival, departure) * 12


def _days_divided_kept_days(arrival, departure, claimed_months=None):
    """The stay in days divided by about 30, still carrying the unit 'd': a number of months read as days."""
    return _days_not_months(arrival, departure) / 30 / float(MONTH.to(u.day))


def _in_months(answer: Any) -> Any:
    """A duration given as a TimeDelta or a Quantity of time, as a plain number of months."""
    if isinstance(answer, TimeDelta) and answer.isscalar:
        return float(answer.to_value(MONTH))
    if isinstance(answer, u.Quantity) and answer.isscalar and answer.unit.physical_type == "time":
        return float(answer.to_value(MONTH))
    return answer


#: A prediction in exercise 2, read by :func:`utils.factcheck.read_prediction`: a rise means more months.
PREDICTION_MEANINGS = {"up": "more", "down": "fewer", "same": "same"}


#: Exercise 2: the stay counted in 30-day months (13.9 instead of 13.7), a different month from the exercise's.
THIRTY_DAY_HINT = (
    "That matches the count in 30-day months. This exercise's MONTH is a twelfth of a year (about 30.44 "
    "days): convert the difference of the two Times with .to(MONTH) and keep one decimal."
)

#: Exercise 2: a stay in months near the count of calendar months (13.6).
CALENDAR_HINT = (
    "That counts calendar months, which run from 28 to 31 days. This exercise's MONTH is a twelfth of a year: "
    "convert the difference of the two Times with .to(MONTH) and keep one decimal."
)


def _in_month_unit(answer: Any) -> bool:
    """True for a Quantity in MONTH (13.6 * MONTH): the only answer that can be a count of calendar months."""
    return isinstance(answer, u.Quantity) and answer.unit == MONTH


#: Exercise 2: a stay in years or days near the calendar-month count (1.13 yr, 414 d): a slip in the last figure.
OTHER_UNIT_FIGURES_HINT = (
    "Your last figure is off. Convert the difference of the two Times itself into your unit, without rounding "
    "along the way, and keep three significant figures."
)

#: Exercise 2: a duration off in its decimal only (13.8 for 13.7), and how far that reaches.
KEEP_DECIMAL_HINT = (
    "The first decimal is off. Recompute the stay: convert the difference of the two Times with .to(MONTH) "
    "and keep one decimal, the one your calculation gives, without estimating it by hand."
)
DECIMAL_BAND = 0.02

#: How far a rounding to two significant figures may move an answer in exercises 2, 5 and 6: 1.1 yr and
#: 13 months for a 13.7-month stay (4-6 %), 14 pixels for 14.7, 5,000 km for 5,340 km (6.4 %).
ROUNDING_BAND = 0.07


@dataclass(frozen=True)
class MonthsExercise(RoundedTooFar):
    """Exercise 2: a duration with its unit, compared in months; a bare number gets a note to attach one.

    A stay rounded to two figures in the student's own unit of time (1.1 yr) is told it was rounded too much;
    one cut to whole months (13 for 13.7) gets its own hint: keep the part of a month, never told it is near.
    """

    figures: int = 2
    band: float = ROUNDING_BAND
    cut: bool = True
    keep: str = "the part of a month: one decimal of the months, or three figures in your unit"

    def expected(self, **inputs: Any) -> Any:
        inputs.pop("prediction", None)
        return super().expected(**inputs)

    def check(self, answer: Any, **inputs: Any) -> CheckResult:
        prediction = inputs.pop("prediction", None)
        bare = self._bare_number(answer, inputs)
        if bare is not None:
            return bare
        result = self._check_duration(answer, **inputs)
        if result.status == INCORRECT and self._near_thirty_day_count(answer, inputs):
            result = CheckResult(INCORRECT, f"That is not right. Hint: {THIRTY_DAY_HINT}", result.name)
        elif result.status == INCORRECT and result.message.endswith(self.hint) and self._decimal_off(answer, inputs):
            result = CheckResult(INCORRECT, f"That is not right. Hint: {KEEP_DECIMAL_HINT}", result.name)
        elif result.status == INCORRECT and CALENDAR_HINT in result.message and not _in_month_unit(answer):
            # only an answer in months can be a count of calendar months; 1.13 yr or 414 d is a slip in a figure
            result = CheckResult(INCORRECT, f"That is not right. Hint: {OTHER_UNIT_FIGURES_HINT}", result.name)
        note = self._prediction_note(prediction, inputs) if result.status == CORRECT else ""
        if not note:
            return result
        return CheckResult(result.status, " ".join(m for m in (result.message, note) if m), result.name)

    def _bare_number(self, answer: Any, inputs: Mapping[str, Any]) -> CheckResult | None:
        """A plain number near the stay in months (13.7, or 13.9 from days / 30): the missing unit is named
        first, then the 30-day month if the number is that count. None for any other answer."""
        if isinstance(answer, u.Quantity) and answer.isscalar and answer.unit.physical_type == "dimensionless":
            answer = float(answer.to_value(u.one))
        if isinstance(answer, (bool, u.Quantity, TimeDelta)) or not isinstance(answer, (int, float, np.number)):
            return None
        counts = self._counts(answer, inputs)
        if counts is None or not math.isfinite(counts[0]):
            return None
        months, right, thirty = counts
        near_thirty = abs(months / thirty - 1) <= self.rtol
        if not (near_thirty or abs(months / right - 1) <= DECIMAL_BAND):
            return None
        message = (
            "Your answer has no unit: the task asks for a duration. Attach one, for example 10.5 * MONTH, "
            "or convert the difference of the two Times with .to(MONTH)."
        )
        if near_thirty:
            message += f" Then look again at the number. {THIRTY_DAY_HINT}"
        return CheckResult(INVALID, message, self.title_for(**inputs))

    def _decimal_off(self, answer: Any, inputs: Mapping[str, Any]) -> bool:
        """A duration in a unit of time whose months are off in the decimal only (13.8 for 13.7)."""
        timed = isinstance(answer, TimeDelta) or (
            isinstance(answer, u.Quantity) and answer.unit.physical_type == "time"
        )
        counts = self._counts(answer, inputs) if timed else None
        return counts is not None and abs(counts[0] / counts[1] - 1) <= DECIMAL_BAND

    @staticmethod
    def _counts(answer: Any, inputs: Mapping[str, Any]) -> tuple[float, float, float] | None:
        """The answer, the stay in MONTHs and the stay in 30-day months, all in months (None if unusable)."""
        try:
            months = float(_in_months(answer))
            right = _months_at_vesta(inputs["arrival"], inputs["departure"])
            thirty = _days_not_months(inputs["arrival"], inputs["departure"]) / 30
        except Exception:  # unusable inputs or answer: reported elsewhere
            return None
        return months, right, thirty

    def _near_thirty_day_count(self, answer: Any, inputs: Mapping[str, Any]) -> bool:
        """True for a duration within the exercise's tolerance of the stay counted in 30-day months."""
        timed = isinstance(answer, u.Quantity) and answer.unit.physical_type == "time"
        counts = self._counts(answer, inputs) if timed or isinstance(answer, TimeDelta) else None
        return counts is not None and abs(counts[0] / counts[2] - 1) <= self.rtol  # a plain number: unit first

    @staticmethod
    def _prediction_note(prediction: Any, inputs: Mapping[str, Any]) -> str:
        """Once the duration is right: the student's prediction (more or fewer months than the story's) read
        back, and whether it held. An empty prediction gets a nudge to write it first next time; nothing when
        no prediction is passed. Only called once the duration is right, so the answer is never named before."""
        said = " ".join(str(prediction or "").strip().strip("'\"").lower().split())
        if prediction is None:
            return ""
        if not said or said == "...":
            return "You left prediction_2 empty: next time, write your prediction before you run the dates."
        try:
            stay = _months_at_vesta(inputs["arrival"], inputs["departure"])
            story = _story_months(**inputs)
        except Exception:  # unusable inputs: already reported
            return ""
        truth = "fewer" if stay < story else "more" if stay > story else "same"
        stayed = {"fewer": "fewer months than", "more": "more months than", "same": "as many months as"}[truth]
        read = PREDICTION_MEANINGS.get(read_prediction(said) or "")  # "Fewer.", "less than 14", "a decrease"
        if read is None:
            return f"Your prediction was {said!r}; the exercise asked for 'more' or 'fewer' months than the story's."
        if read == truth:
            return f"You predicted {said!r}: right, Dawn stayed {stayed} the story says."
        return f"You predicted {said!r}: not this time, Dawn stayed {stayed} the story says."

    def _check_duration(self, answer: Any, **inputs: Any) -> CheckResult:
        if isinstance(answer, u.Quantity) and not answer.isscalar and answer.size == 1:
            answer = answer.reshape(())  # [13.7] months is 13.7 months
        if isinstance(answer, TimeDelta) and answer.isscalar:
            answer = answer.to(u.day)
        if isinstance(answer, u.Quantity) and answer.isscalar and answer.unit.physical_type == "dimensionless":
            answer = float(answer.to_value(u.one))  # 13.7 * u.one is a plain number: it gets the note below
        if (
            isinstance(answer, u.Quantity)
            and answer.isscalar
            and answer.unit.physical_type not in ("time", "dimensionless")
        ):
            return CheckResult(
                INVALID,
                f"This exercise wants a duration, such as 10.5 * MONTH; yours is in {answer.unit}. Subtract the "
                "two Times and convert the difference with .to(MONTH).",
                self.title_for(**inputs),
            )
        result = super().check(answer, **inputs)
        if "you rounded too much" in result.message and self._cut_to_whole_months(answer, inputs):
            return CheckResult(  # a truncation, not a rounding: its own hint, never told it is near
                result.status,
                "That is not right: you cut the months to a whole number and dropped the part of a month. "
                "Do not cut it off: keep one decimal of the months (or three figures in your unit).",
                result.name,
            )
        if result.status == CORRECT and not isinstance(answer, u.Quantity) and _in_months(answer) is answer:
            return CheckResult(
                INVALID,
                "Your answer has no unit: the task asks for a duration. Attach one, for example 10.5 * MONTH, "
                "or convert the difference of the two Times with .to(MONTH).",
                result.name,
            )
        return result

    def _comparable(self, answer: Any) -> Any:
        return _in_months(answer)

    def _cut_to_whole_months(self, answer: Any, inputs: Mapping[str, Any]) -> bool:
        """Is ``answer`` a whole number of months that cuts off the stay's part of a month (13 for 13.7)?"""
        months = _in_months(answer)
        try:
            months, right = float(months), float(self.expected(**inputs))
        except (TypeError, ValueError):
            return False
        return math.isclose(months, math.floor(right), abs_tol=1e-9) and round(right) != math.floor(right)

    def _expected_quantity(self, inputs: Mapping[str, Any]) -> Any:
        return self.expected(**inputs) * MONTH


# --- 08.3 / 08.4 · verdicts ------------------------------------------------------------------------
def _verdict_months(arrival, departure, claimed_months, tolerance_months=1):
    claimed = require(claimed_months, u.one, "claimed_months", positive=True)
    tol = require(tolerance_months, u.one, "tolerance_months", nonnegative=True)
    return judge_duration(arrival, departure, float(claimed) * MONTH, float(tol) * MONTH)


def _misleading(**inputs):
    return "misleading"


def _verdict_first(dawn_launch, earlier_first_use, record_wording=""):
    """A "first" contradicted by an earlier example is false, unless the record words it more narrowly.

    ``record_wording`` is the mission's own (qualified) wording of the first; when there is one, the
    story's broader words overstate a true achievement: misleading.
    """
    verdict = judge_first(dawn_launch, earlier_first_use)
    if verdict == "false" and str(record_wording or "").strip():
        return "misleading"
    return verdict


# --- 08.7, 08.9, 08.10 · verdicts on three more "firsts" -----------------------------------------------
def _first(claimed_first, earlier):
    return judge_first(claimed_first, earlier)


def _the_other_way(claimed_first, earlier):
    """The verdict a reader gets by reading the date order backwards."""
    return "true" if judge_first(claimed_first, earlier) == "false" else "false"


def _first_without_qualifier(claimed_first, earlier_with_earth):
    """A "first" the story words more broadly than the record: an earlier example exists only if Earth counts.

    True as the record words it (two bodies beyond Earth); as the story words it, an earlier
    craft that orbited Earth and then another body contradicts it, so it overstates: misleading.
    """
    return "misleading" if judge_first(claimed_first, earlier_with_earth) == "false" else "true"


#: Words that name the strict reading of a "first" (its words taken as they stand), in exercises 08.4 and 08.10.
READING_WORDS = (
    "different claim",
    "another claim",
    "not the same claim",
    "strict",
    "literal",
    "as stated",
    "as written",
    "as worded",
    "as printed",
    "story's words",
    "first line",  # the rule's first line: one earlier example makes a first false
    "line 1",
    "one earlier example",
    "rule 1",  # the other ways students name the first line
    "rule one",
    "first rule",
    "rule's first",
    "line one",
)
# Not "came before" or "earlier example": they name the evidence, which both readings share ("DS1 came before
# Dawn, but NASA's claim is narrower" argues the second line).

#: A template's qualifier slot filled with "none" (or "no", "nothing", "n/a", "-"): it names no narrowing word.
_EMPTY_QUALIFIER = re.compile(r"(?:qualifiers?|point to)\s*:\s*(?:none|no|nothing|n/?a|-+)\s*(?=[;,.)]|$)")

#: Exercise 4: the words that narrow "NASA's first ion-driven spacecraft" as NASA's own wording does ("the first
#: mission devoted exclusively to science to be enabled by an ion propulsion system"). The template's
#: 'qualifier:' slot must hold one of them; words the story's claim already has ("ion", "NASA", "spacecraft",
#: "first") narrow nothing. Kept here, not in the notebook, so the prompt does not hand the word over.
NARROWING_QUALIFIERS = (
    "science",
    "scientific",
    "exclusively",
    "devoted",
    "research",  # "research", "research-only", "scientific research": the same narrowing in other words
    "solely",
    "purely",
    "exploratory",  # "first purely exploratory mission": NASA/JPL's other wording, the same narrowing
)

#: What the template's 'qualifier:' slot holds: the words after it, up to the next ';' (None without a slot); or,
#: in a reason of the student's own words, the quoted word after 'qualifier' ("NASA's qualifier 'ion'").
_QUALIFIER_SLOT = re.compile(
    r"(?:qualifiers?|point to)\s*:\s*([^;)]*)|qualifiers?\s+['\"\u2018\u201c]([^'\"\u2019\u201d]+)"
)


def _qualifier_slot(reason: Any) -> str | None:
    """The filled-in 'qualifier:' slot of a reason, in lower case; None when the reason has no slot, or the slot
    is empty, 'none' or still a '<...>' of the template (other messages ask for those)."""
    if not isinstance(reason, str):
        return None
    text = " ".join(reason.lower().split())
    if _EMPTY_QUALIFIER.search(text):
        return None
    found = _QUALIFIER_SLOT.search(text)
    if found is None:
        return None
    slot = (found.group(1) if found.group(1) is not None else found.group(2)).strip().strip("'\".,")
    if not slot or "<" in slot:
        return None
    return slot


#: Exercise 4: the template's qualifier slot filled with a word that does not narrow the claim.
NOT_NARROWING_HINT = (
    "Change the word after 'qualifier:' in reason_4: this word does not narrow the claim the way NASA's wording "
    "does. Which words of NASA's wording, printed above, make its claim smaller than the story's?"
)


#: Exercise 10: its qualifier slot filled with a word that does not narrow the claim (as NOT_NARROWING_HINT).
NOT_NARROWING_N16 = NOT_NARROWING_HINT.replace("reason_4", "reason_10")

#: Exercise 10: the words that narrow "two different bodies" as NASA's wording does (two destinations beyond Earth).
NARROWING_N16 = (
    "extraterrestrial",
    "beyond earth",
    "outside earth",
    "other than earth",
    "besides earth",
    "excluding earth",
    "not counting earth",
    "apart from earth",
    "away from earth",
)

#: Until the reason names the narrowing word, the notes that quote NASA's qualifier are held back for this question.
ASK_NARROWING = "Which words of NASA's wording, printed above, make its claim smaller than the story's?"


#: Words that name the other reading of a "first" (a qualifier the story dropped), in exercises 08.4 and 08.10.
QUALIFIER_WORDS = (
    "qualifier",
    "second line",  # the rule's second line: a qualifier the story left out
    "line 2",
    "rule 2",  # the other ways students name the second line
    "rule two",
    "second rule",
    "rule's second",
    "line two",
    "left out",
    "leaves out",
    "dropped",
    "drops",
    "omit",
    "as nasa words",
    "nasa's wording",
    "broader",
    "narrower",
    "extraterrestrial",
)


#: The words among QUALIFIER_WORDS that name the rule's second line itself (not a weighed qualifier): with
#: 'false' and no first-line word, the reason and the verdict disagree (the second line leads to 'misleading').
LINE_TWO_WORDS = ("second line", "line 2", "rule 2", "rule two", "second rule", "rule's second", "line two")

#: The words that name the rule's first line itself: with 'misleading' and no second-line word, the reason and the
#: verdict disagree (the first line leads to 'false').
LINE_ONE_WORDS = ("first line", "line 1", "rule 1", "rule one", "first rule", "rule's first", "line one")

#: Craft and claim names with a digit (DS1, SMART-1, Apollo 8, RC3, N11): they name no date or number.
_NAMES_WITH_DIGITS = re.compile(r"\b(?:ds|smart-?|apollo\s*|rc|n)\d+\b", re.IGNORECASE)


def _names_a_number(reason: str) -> bool:
    """True when ``reason`` holds a digit outside a craft or claim name ("DS1" alone is no date)."""
    return any(c.isdigit() for c in _NAMES_WITH_DIGITS.sub("", reason))


#: Words that, just before a reading's words, reject that reading ("no qualifier in the story saves it").
_NEGATIONS = frozenset({"no", "not", "without", "nothing", "never", "none", "isn't", "wasn't", "doesn't", "didn't"})


def _joined(*parts: str) -> str:
    """The non-empty ``parts`` as one message, with no stray space."""
    return " ".join(p for p in parts if p)


def _named(word: str, reason: str) -> bool:
    """True when ``reason`` (lower case) names ``word`` other than to reject it: a negation among the three
    words before it, in the same clause, rejects it."""
    start = reason.find(word)
    while start >= 0:
        clause = re.split(r"[;:,.!?]", reason[:start])[-1]
        if not _NEGATIONS & set(clause.split()[-3:]):
            return True
        start = reason.find(word, start + 1)
    return False


_ISO_DATE = re.compile(r"\b(\d{4}-\d{2}-\d{2})\b")


def _dates_out_of_order(reason: str) -> str:
    """The two dates a reason puts the wrong way round ("2015-03-06 before 2015-01-13"), as text, or ""."""
    found = list(_ISO_DATE.finditer(reason))
    for first, second in zip(found, found[1:], strict=False):
        between = reason[first.end() : second.start()].lower()
        before, after = re.search(r"\bbefore\b", between), re.search(r"\bafter\b", between)
        if bool(before) == bool(after):
            continue
        earlier = first.group(1) < second.group(1)
        if (before and not earlier) or (after and earlier):
            return f"{first.group(1)} {'before' if before else 'after'} {second.group(1)}"
    return ""


def _first_gap(names: Mapping[str, str], reason_name: str) -> Callable[[str, str, Mapping[str, Any]], str]:
    """A ``reason_gap`` for a 'first': ``names`` maps words that name an event in a reason ("ds1") to the input
    holding its date. A reason that puts its dates the wrong way round, or says an event came first that the dates
    put later, is asked to make the reason agree with the verdict."""

    def gap(verdict: str, reason: str, inputs: Mapping[str, Any]) -> str:
        text = " ".join(reason.lower().split())
        wrong = _dates_out_of_order(reason)
        if wrong:
            return (
                f"Your reason says {wrong}, the wrong way round: read the two dates again, and make {reason_name} "
                "agree with your verdict."
            )
        if verdict == "misleading":
            return ""  # a qualified first: "Dawn was first, as a science mission" backs it
        said = re.search(r"(\w[\w -]*?)\s*(?:came|was|went|is)?\s+first\b", text)
        if said is None:
            return ""
        dates = {word: Time(inputs[key]) for word, key in names.items()}
        named = [word for word in names if word in said.group(1)]
        if not named:
            return ""
        word = max(named, key=lambda w: said.group(1).rfind(w))  # the event named nearest 'first'
        if all(dates[word] <= other for other in dates.values()):
            return ""
        shown = re.search(re.escape(word), reason, re.IGNORECASE).group(0)  # as the student wrote it
        return (
            f"Your reason says {shown} came first, which the dates "
            f"printed above do not show: read them again, and make {reason_name} agree with your verdict."
        )

    return gap


#: Exercise 3: words that state a rule ("within one month"), not only the numbers it compares.
_RULE_WORDS = ("rule", "within", "month of", "tolerance", "less than", "more than", "under", "over", "±", "+/-")


def _stay_gap(verdict: str, reason: str, inputs: Mapping[str, Any]) -> str:
    """Exercise 3: a reason with its numbers but no rule that turns them into the verdict."""
    text = " ".join(reason.lower().split())
    if not _names_a_number(reason) or any(word in text for word in _RULE_WORDS) or re.search(r"[<>≤≥]", text):
        return ""
    return (
        "Your reason gives the numbers but not the rule that turns them into your verdict: add it to reason_3 "
        "(the rule above, in your own words)."
    )


class _ReasonUnfinished(CheckResult):
    """A right verdict whose reason is not finished yet: accepted (``ok``), but headed so that it does not read as
    praise for the reason ("⚠ Verdict accepted; your reason is not finished yet.")."""

    UNFINISHED = True  # the verdict table marks it (fc.your_checked_verdict)
    LABEL = {**CheckResult.LABEL, CORRECT: "Verdict accepted; your reason is not finished yet"}
    SYMBOL = {**CheckResult.SYMBOL, CORRECT: "⚠"}
    COLOUR = {**CheckResult.COLOUR, CORRECT: "#E69F00"}


@dataclass(frozen=True)
class VerdictExercise(ReasonedExercise):
    """A verdict with its one-line reason.

    When the expected verdict is ``defensible_when``, an answer in ``defensible`` passes with its note only if
    the reason (the input ``reason``, the student's ``reason_k``) names the reading that leads to it: one of
    ``reading_words`` (any case); otherwise it is not counted and ``reading_missing`` says what to add, so
    trying the verdict words in turn earns no tick. The expected answer itself passes with ``right_note`` (the
    other reading, when both are equally good). The reason is otherwise not graded here, but a right verdict
    with an empty reason is told to write one, and one with a reason of one or two words and no digit (no date
    or number) is asked for the evidence and the rule (the instructor page's rubric grades it). With a
    ``reading_prompt`` both readings are treated alike: either verdict passes, and a reason naming no reading
    (none of ``reading_words``) gets the prompt, whichever verdict it backs. Without a prompt, the reading is
    also named by one of ``reading_sources`` together with one of ``reading_hedges`` ("Russell ... a guess").
    """

    defensible: Mapping[str, str] = field(default_factory=dict)
    defensible_when: str = "misleading"
    synonyms: Mapping[str, str] = field(default_factory=lambda: dict(VERDICT_SYNONYMS))
    right_note: str = ""
    missing_reason: str = "the evidence, with its dates or numbers, and the rule that turns it into the verdict."
    short_reason: str = "name the dates or numbers you compared and the rule that turns them into the verdict."
    digits_suffice: bool = True
    reading_words: tuple[str, ...] = ()
    reading_sources: tuple[str, ...] = ()
    reading_hedges: tuple[str, ...] = ()
    reading_missing: str = ""
    reading_prompt: str = ""
    reading_prompt_for: Mapping[str, str] = field(default_factory=dict)
    readings: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    also_argue: Mapping[str, str] = field(default_factory=dict)
    both_fit: str = ""
    needs_number: bool = False
    action_first: bool = False
    narrowing_words: tuple[str, ...] = ()
    not_narrowing: str = ""
    named_qualifier: tuple[str, ...] = ()
    quoted_qualifier: tuple[str, ...] = ()
    #: (verdict, reason, inputs) -> a request when an accepted verdict's reason contradicts it or names no rule
    reason_gap: Callable[[str, str, Mapping[str, Any]], str] | None = None

    def _reason_prompt(self, reason: Any) -> str:
        """As for any reasoned answer; and with ``needs_number`` (a verdict that rests on comparing dates or
        numbers), a reason that names none of them ("because it is false") is asked for them."""
        ask = super()._reason_prompt(reason)
        if not ask and isinstance(reason, str) and re.search(r"<[^<>]*>", reason):
            if self.action_first:
                return (
                    f"Replace each <...> in {self.reason_name} with your own words, then run this cell again. "
                    "Your reason still holds a <...> of the template."
                )
            return (
                f"Your reason in {self.reason_name} still holds a <...> of the template: replace each one with "
                "your own words, then run this cell again."
            )
        short = f"Your reason in {self.reason_name} is very short: "
        if self.action_first and ask.startswith(short):
            return f"Add to {self.reason_name} the dates you compared and the rule you used: your reason is very short."
        if ask or not self.needs_number or not isinstance(reason, str) or not reason.strip():
            return ask
        if _names_a_number(reason):
            return ""
        return (
            f"Your reason in {self.reason_name} names no date or number: "
            f"{self.short_reason} The reason itself is graded by hand with the rubric."
        )

    def _prompt(self, answer: Any) -> str:
        """The request to name a reading, for the verdict ``answer`` (its own, from ``reading_prompt_for``, when
        the task asks that verdict for more, so the student is asked for all of it at once)."""
        return self.reading_prompt_for.get(verdict_word(answer) or "", self.reading_prompt)

    def _prompted(self, answer: Any, message: str) -> str:
        """``message`` with the request to name a reading; the sentence saying both lines fit goes, so the
        message keeps to two sentences."""
        if self.both_fit:
            message = " ".join(message.replace(self.both_fit, "").split())
        return _joined(message, self._prompt(answer))

    def check(self, answer: Any, **inputs: Any) -> CheckResult:
        if "reason" in inputs and inputs["reason"] is None:  # reason_7 = None: asked for a reason, like ""
            inputs["reason"] = ""
        result = self._check_argued(answer, **inputs)
        result = self._lead_with_action(result, inputs) if self.action_first else result
        result = self._hold_qualifier(self._check_qualifier_slot(result, inputs), inputs)
        result = self._hold_defensible(result, inputs)
        if result.ok and self._reason_unfinished(answer, result, inputs):
            return _ReasonUnfinished(result.status, result.message, result.name)
        if result.ok and self.reason_gap is not None and isinstance(inputs.get("reason"), str):
            try:
                gap = self.reason_gap(verdict_word(answer) or "", inputs["reason"], inputs)
            except Exception:  # unusable inputs: the usual checks have reported them
                gap = ""
            if gap:  # the verdict stands; its reason says otherwise, or names no rule
                return _ReasonUnfinished(result.status, gap, result.name)
        return result

    def _hold_defensible(self, result: CheckResult, inputs: Mapping[str, Any]) -> CheckResult:
        """While the reason is still empty, the notes that argue a verdict (the "Defensible: ..." note on the
        other reading, and ``right_note``) are held back, whole or cut to their first sentences: the reason,
        graded by hand, stays the student's own, and the notes come once it is written."""
        reason = inputs.get("reason")
        if not isinstance(reason, str) or reason.strip():
            return result
        notes = [f"Defensible: {text}" for text in self.defensible.values()] + [self.right_note]
        forms = set()
        for note in filter(None, notes):
            for text in (note, " ".join(note.replace(self.both_fit, "").split()) if self.both_fit else note):
                sentences = re.split(r"(?<=[.?!])\s+", text)
                forms.update(" ".join(sentences[:n]) for n in range(1, len(sentences) + 1))
        message = result.message
        for form in sorted(filter(None, forms), key=len, reverse=True):
            message = message.replace(form, " ")
        if message == result.message:
            return result
        return CheckResult(result.status, " ".join(message.split()), result.name)

    def _reason_unfinished(self, answer: Any, result: CheckResult, inputs: Mapping[str, Any]) -> bool:
        """True when a right verdict's message asks for more in its reason: an empty, short or templated reason
        (a '<...>' left in), a qualifier slot whose word does not narrow the claim, a 'misleading' that does not
        yet name the narrowing word, or a reading not yet named."""
        if self._reason_prompt(inputs.get("reason")):
            return True
        if self.not_narrowing and self.not_narrowing in result.message:
            return True
        if self.quoted_qualifier and verdict_word(answer) == "misleading" and ASK_NARROWING in result.message:
            return True  # 'misleading' by the second line: the narrowing word is its argument, still to name
        prompt = self._prompt(answer)
        return bool(prompt) and prompt in result.message

    def _hold_qualifier(self, result: CheckResult, inputs: Mapping[str, Any]) -> CheckResult:
        """With ``quoted_qualifier``: the sentences of the message that quote NASA's qualifier are held back, and
        ``ASK_NARROWING`` asked instead, until the reason names the narrowing word (one of ``named_qualifier``):
        naming the rule's line alone does not earn the word."""
        text = result.message.lower()
        if not (self.quoted_qualifier and any(q in text for q in self.quoted_qualifier)):
            return result
        reason = " ".join(str(inputs.get("reason") or "").lower().split())
        if any(word in reason for word in self.named_qualifier):
            return result
        sentences = re.split(r"(?<=[.?!])\s+", result.message)
        kept = [s for s in sentences if not any(q in s.lower() for q in self.quoted_qualifier)]
        ask = "" if ASK_NARROWING in kept else ASK_NARROWING
        return CheckResult(result.status, _joined(" ".join(kept), ask), result.name)

    def _check_qualifier_slot(self, result: CheckResult, inputs: Mapping[str, Any]) -> CheckResult:
        """With ``narrowing_words``: a reason whose qualifier slot ('point to:' or 'qualifier:') holds a word that
        does not narrow the claim as the record's wording does ("ion") keeps its verdict, as an empty slot does
        (the other messages ask for that one), and gets ``not_narrowing`` as a request, so trying is never
        marked below leaving the slot empty."""
        if not (self.narrowing_words and result.ok and self._two_readings(inputs)):
            return result
        slot = _qualifier_slot(inputs.get("reason"))
        if slot is None or any(word in slot for word in self.narrowing_words):
            return result
        return CheckResult(result.status, self.not_narrowing, result.name)  # the verdict's note would name the word

    def _lead_with_action(self, result: CheckResult, inputs: Mapping[str, Any]) -> CheckResult:
        """``result`` with its one request first, in one sentence, then at most one sentence of why: the
        verdict's note cut to its first sentence (or, for 'qualifier: none', why that slot needs a word)."""
        message, why = result.message, ""
        notes = [f"Defensible: {text}" for text in self.defensible.values()] + [self.right_note]
        forms = [form for note in notes for form in (note, " ".join(note.replace(self.both_fit, "").split()))]
        for form in sorted((f for f in forms if f and self.both_fit), key=len, reverse=True):
            if form in message:
                message, why = message.replace(form, " "), form
                break
        if _NONE_NOTE in message:
            message, why = message.replace(_NONE_NOTE, " "), _NONE_NOTE
        action = " ".join(message.split())
        ask = self._reason_prompt(inputs.get("reason"))
        if ask and ask in action:
            action = ask  # one request at a time: the reason first, its reading in the next run
        if not action or action == result.message:
            return result
        if re.search(r"[.?] \S", action):
            why = ""  # the request carries its own why already
        why = why.split(". ")[0].rstrip(".") + "." if why else ""
        return CheckResult(result.status, _joined(action, why), result.name)

    def _check_argued(self, answer: Any, **inputs: Any) -> CheckResult:
        """The verdict's check; an accepted verdict in ``also_argue``, when the expected verdict is
        ``defensible_when``, is also asked to argue that reading unless the reason names it. That request waits
        until the reason is written and names its own reading, so each message asks for one thing."""
        result = self._check_verdict(answer, **inputs)
        given = verdict_word(answer) or ""
        note = self.also_argue.get(given, "")
        if not (note and result.ok and self._two_readings(inputs)):
            return result
        reason = " ".join(str(inputs.get("reason") or "").lower().split())
        empty_slot = _EMPTY_QUALIFIER.search(reason)
        reason = _EMPTY_QUALIFIER.sub(" ", reason)  # "qualifier: none" names no narrowing word
        words = (*self.readings.get(self.defensible_when, ()), self.defensible_when)
        if any(_named(word, reason) for word in words):
            return result  # the other side is argued already
        if empty_slot:
            note = _NONE_NOTE + " " + note
        if self._reason_prompt(inputs.get("reason")) or (
            self.reading_prompt and self._prompt(answer) in result.message
        ):
            return result  # one request at a time: the reason, then its reading, and only then the other side
        # the note asks for the other reading, so the sentence saying that it also earns the point goes
        message = " ".join(result.message.replace(self.both_fit, "").split()) if self.both_fit else result.message
        return CheckResult(result.status, " ".join(m for m in (message, note) if m), result.name)

    def _check_verdict(self, answer: Any, **inputs: Any) -> CheckResult:
        if isinstance(answer, str) and answer.strip().endswith((".", "!")) and verdict_word(answer):
            answer = verdict_word(answer)  # "Cannot be checked." is the verdict, written as a sentence
        result = super().check(answer, **inputs)
        reason = " ".join(str(inputs.get("reason") or "").lower().split())
        given_text = isinstance(inputs.get("reason"), str)  # the notebook's reason_k, even when still empty
        if self.reading_prompt and self.right_note in result.message and given_text and self._two_readings(inputs):
            if not any(_named(word, reason) for word in self.reading_words):
                # the note names the qualifier the reason should name itself: given only once a reading is named
                kept = " ".join(result.message.replace(self.right_note, "").split())
                result = CheckResult(result.status, kept, result.name)
        if self.reading_prompt and result.ok and reason and self._two_readings(inputs):
            # both verdicts are equally good: either passes, and a reason that names no reading is asked for one
            given = verdict_word(answer)
            own = self.readings.get(given, ())
            named = [word for word in self.reading_words if _named(word, reason)]
            rejected = [word for word in self.reading_words if word in reason and word not in named]
            if not named and any(word in own for word in rejected):
                # the reason weighs the reading that leads to this verdict and rejects it
                return CheckResult(INCORRECT, self._rejects_own(given), result.name)
            if not named and not rejected:
                return CheckResult(result.status, self._prompted(answer, result.message), result.name)
            if given != self.defensible_when:
                # 'false' may weigh the dropped qualifier too: no clash, but its own reading is still asked for
                if any(_named(word, reason) for word in own):
                    return result
                if any(_named(word, reason) for word in LINE_TWO_WORDS):
                    # the rule's second line named outright, not a qualifier weighed and set aside
                    return CheckResult(INCORRECT, self._line_two_clash(given), result.name)
                return CheckResult(result.status, self._prompted(answer, result.message), result.name)
            line_one_leads_to = next((v for v, words in self.readings.items() if "line 1" in words), given)
            if (
                line_one_leads_to != given
                and any(_named(word, reason) for word in LINE_ONE_WORDS)
                and not any(_named(word, reason) for word in LINE_TWO_WORDS)
            ):
                # the rule's first line named outright, with the verdict of the second
                return CheckResult(INCORRECT, self._line_one_clash(given, line_one_leads_to), result.name)
            clash = self._reading_clash(answer, reason)
            if clash:
                return CheckResult(INCORRECT, clash, result.name)
            return result
        if not (result.ok and self.reading_words and not self.reading_prompt and self._is_defensible(answer, inputs)):
            return result
        if any(_named(word, reason) for word in self.reading_words):
            return result
        if any(word in reason for word in self.reading_sources) and any(
            _named(word, reason) for word in self.reading_hedges
        ):
            return result
        return CheckResult(INCORRECT, self.reading_missing, result.name)

    def _line_two_clash(self, given: str) -> str:
        """The note for a verdict ``given`` whose reason names only the rule's second line."""
        return (
            f"Change the verdict, or keep '{given}' and say in {self.reason_name} why you set the qualifier aside. "
            f"Your reason names the rule's second line, which leads to '{self.defensible_when}', not '{given}'."
        )

    def _line_one_clash(self, given: str, leads_to: str) -> str:
        """The note for a verdict ``given`` whose reason names only the rule's first line, which leads to
        ``leads_to``."""
        return (
            f"Change the verdict, or keep '{given}' and write 'line 2' in {self.reason_name} with the narrowing "
            f"word the story left out. Your reason names the rule's first line, which leads to '{leads_to}', "
            f"not '{given}'."
        )

    def _rejects_own(self, given: str) -> str:
        """The note for a reason that rejects the one reading that leads to the verdict ``given``."""
        return (
            "Change the verdict or the reason so that they agree, then run this cell again. Your verdict and your "
            f"reason disagree: the reason rejects the reading that leads to '{given}'."
        )

    def _reading_clash(self, answer: Any, reason: str) -> str:
        """A note when ``reason`` names only the reading that leads to another verdict than ``answer`` (per
        ``readings``: verdict -> the words of the reading that leads to it); else "". Words the reason rejects
        ("no qualifier") name no reading."""
        given = verdict_word(answer)
        own = self.readings.get(given, ())
        if not own or any(_named(word, reason) for word in own):
            return ""
        for other, words in self.readings.items():
            if other != given and any(_named(word, reason) for word in words):
                return (
                    "Change the verdict or the reason so that they agree, then run this cell again. Your verdict "
                    f"and your reason disagree: the reason names the reading that leads to '{other}', not '{given}'."
                )
        return ""

    def _two_readings(self, inputs: Mapping[str, Any]) -> bool:
        """True when the inputs make the expected verdict the one with a defensible rival."""
        try:
            return self.expected(**inputs) == self.defensible_when
        except Exception:  # unusable inputs: already reported
            return False

    def _is_defensible(self, answer: Any, inputs: Mapping[str, Any]) -> bool:
        """True for an accepted verdict that is not the expected one (the other reading)."""
        try:
            expected = self.expected(**inputs)
        except Exception:  # unusable inputs: already reported
            return False
        given = verdict_word(answer)
        return expected == self.defensible_when and given in self.defensible

    def _judge(self, answer: Any, **inputs: Any) -> CheckResult:
        result = super()._judge(answer, **inputs)
        if result.status == CORRECT and self.right_note and isinstance(answer, str):
            if self.expected(**inputs) == self.defensible_when:  # the other reading is as good as this one
                return CheckResult(CORRECT, " ".join(m for m in (result.message, self.right_note) if m), result.name)
        if result.status != INCORRECT or not isinstance(answer, str):
            return result
        try:
            expected = self.expected(**inputs)
        except Exception:  # unusable inputs: already reported by the check above
            return result
        given = verdict_word(answer)
        if expected == self.defensible_when and given in self.defensible:
            return CheckResult(CORRECT, f"Defensible: {self.defensible[given]}", result.name)
        return result


# --- 08.11 · a claim about an intention (N20) ---------------------------------------------------------
def _verdict_aim(claimed_aim, stated_aims):
    """A claim about what something was *meant* for: true only if a source states that aim.

    ``stated_aims`` are the sources' own statements of the aim; a later finding says what happened,
    not what was intended, so without a stated aim the claim cannot be checked.
    """
    aim = str(claimed_aim).strip().lower()
    if not aim:
        raise ValueError("claimed_aim is empty: give the aim the story states")
    if isinstance(stated_aims, str):
        stated_aims = (stated_aims,)
    return "true" if any(aim in str(text).lower() for text in stated_aims) else "cannot be checked"


def _aim_false(claimed_aim, stated_aims):
    return "false" if _verdict_aim(claimed_aim, stated_aims) == "cannot be checked" else None


def _aim_true(claimed_aim, stated_aims):
    return "true" if _verdict_aim(claimed_aim, stated_aims) == "cannot be checked" else None


# --- 08.6 · distance for a sharp facula --------------------------------------------------------------
def _distance_for_pixels(size, pixels, ifov):
    s = require(size, u.km, "size", positive=True)
    n = require(pixels, u.one, "pixels", positive=True)
    return _distance_for_pixel_scale((s / n).to(u.m), ifov).to(u.km)


def _distance_times_pixels(size, pixels, ifov):
    s = require(size, u.km, "size", positive=True)
    n = require(pixels, u.one, "pixels", positive=True)
    return _distance_for_pixel_scale((s * n).to(u.m), ifov).to(u.km)


def _distance_from_centre(size, pixels, ifov):
    """The distance from the surface plus Ceres' radius: the distance from Ceres' centre."""
    from ..facts import fact

    return _distance_for_pixels(size, pixels, ifov) + fact("ceres.radius").to(u.km)


def _distance_half_size(size, pixels, ifov):
    """The facula's width taken as a radius (halved)."""
    return _distance_for_pixels(size / 2, pixels, ifov)


def _distance_one_pixel(size, pixels, ifov):
    return _distance_for_pixels(size, 1, ifov)


def _distance_microradians(size, pixels, ifov):
    """The IFOV's number in microradians used as if it were radians: a distance a million times too small."""
    return _distance_for_pixels(size, pixels, ifov) * float(ifov.to_value(u.rad) / ifov.to_value(u.urad))


def _wide_deposit(size):
    """The wider outline of the bright deposit (about 15 km, facula_apod), or None when ``size`` is that outline."""
    from ..facts import fact

    wide = fact("occator.cerealia_facula_size_apod").to(u.km)
    return None if abs(require(size, u.km, "size", positive=True) - wide) < 1e-9 * wide else wide


def _distance_wide_deposit(size, pixels, ifov):
    """The 15 km deposit (facula_apod) used in place of the lesson's facula."""
    wide = _wide_deposit(size)
    return None if wide is None else _distance_for_pixels(wide, pixels, ifov)


def _distance_upside_down(size, pixels, ifov):
    """pixels / size / IFOV: size / pixels turned over, so a length to the power -1 (1/km)."""
    s = require(size, u.km, "size", positive=True)
    n = require(pixels, u.one, "pixels", positive=True)
    return (n / s / require(ifov, u.rad, "ifov", positive=True).to_value(u.rad)).to(1 / u.km)


def _pixel_size_only(size, pixels, ifov):
    """The ground one pixel must cover (size / pixels), given as the distance: the division by the IFOV left out."""
    return (require(size, u.km, "size", positive=True) / require(pixels, u.one, "pixels", positive=True)).to(u.km)


def _ifov_multiplied(size, pixels, ifov):
    """size / pixels multiplied by the IFOV in radians instead of divided by it: a length far below a metre."""
    return _pixel_size_only(size, pixels, ifov) * float(require(ifov, u.rad, "ifov", positive=True).to_value(u.rad))


def _distance_from_rounded_count(size, pixels, ifov):
    """The news image's distance scaled by exercise 5's pixel count cut to two figures (15 for 14.7 pixels):
    distance x count / pixels, with the count rounded too far before scaling."""
    from ..facts import fact

    d = fact("news.distance_image").to(u.km)
    count = _across(size, _scale(d, ifov))
    rounded = float(f"{count:.2g}")
    if math.isclose(rounded, count, rel_tol=1e-3):
        return None  # a count that rounds to itself: no slip to name
    return d * rounded / float(require(pixels, u.one, "pixels", positive=True))


def _distance_slider_stop(size, pixels, ifov):
    """The stop of the lesson's sharpness slider nearest to the answer, read off the widget instead of computed."""
    from ..spotviews import dawn_distances

    right = _distance_for_pixels(size, pixels, ifov).to_value(u.km)
    marks, stops = dawn_distances()
    stops.remove(marks["news image"])  # not a stop in the lesson
    return min(stops, key=lambda stop: abs(stop - right)) * u.km


# --- 08.5 · pixels across the facula in the news image ---------------------------------------------
def _scale(distance, ifov):
    """One pixel's ground size from ``distance``: d x IFOV, in km (a step of the exercise, not its answer)."""
    d = require(distance, u.km, "distance", positive=True)
    return pixel_scale(d, ifov).to(u.km)


def _across(size, scale):
    return float((require(size, u.km, "size", positive=True) / scale).to_value(u.one))


def _pixels_in_news_image(size, distance, ifov):
    return _across(size, _scale(distance, ifov))


def _pixels_from_centre(size, distance, ifov):
    """The distance read from Ceres' centre: Ceres' radius subtracted to get an altitude."""
    from ..facts import fact

    d = require(distance, u.km, "distance", positive=True) - fact("ceres.radius").to(u.km)
    return _across(size, _scale(d, ifov))


def _pixels_plus_radius(size, distance, ifov):
    """Ceres' radius added to the altitude."""
    from ..facts import fact

    return _across(size, _scale(require(distance, u.km, "distance", positive=True) + fact("ceres.radius"), ifov))


def _pixels_caption_scale(size, distance, ifov):
    """The facula divided by a pixel scale rounded to one significant figure (NASA's caption rounds it so)."""
    scale = _scale(distance, ifov).value
    step = 10.0 ** math.floor(math.log10(scale))
    return _across(size, round(scale / step) * step * u.km)


def _pixels_microradians(size, distance, ifov):
    """The IFOV's number in microradians used as if it were radians."""
    d = require(distance, u.km, "distance", positive=True)
    return _across(size, d * float(ifov.to_value(u.urad)))


def _pixels_miles_as_km(size, distance, ifov):
    """The 4,500 miles typed as 4,500 km."""
    d = require(distance, u.km, "distance", positive=True).to_value(u.imperial.mi) * u.km
    return _across(size, _scale(d, ifov))


def _pixels_half_size(size, distance, ifov):
    """The facula's width taken as a radius (halved)."""
    return _pixels_in_news_image(size / 2, distance, ifov)


def _pixels_wide_deposit(size, distance, ifov):
    """The 15 km deposit (facula_apod) used in place of the lesson's facula."""
    wide = _wide_deposit(size)
    return None if wide is None else _pixels_in_news_image(wide, distance, ifov)


def _pixels_whole(size, distance, ifov):
    """Only the whole pixels counted (14 for 14.7): the part of a pixel dropped."""
    return float(math.floor(_pixels_in_news_image(size, distance, ifov)))


def _pixels_upside_down(size, distance, ifov):
    """The pixel scale divided by the size: a pixel's share of the facula, not the facula in pixels."""
    return 1 / _pixels_in_news_image(size, distance, ifov)


def _pixel_scale_number(size, distance, ifov):
    """One pixel's ground size in km as a plain number: the first step taken, the division by it left out."""
    return float(_scale(distance, ifov).to_value(u.km))


@dataclass(frozen=True)
class PixelsAcrossExercise(RoundedTooFar):
    """Exercise 5: a pure number of pixels; the pixel scale itself (a length) is told it is one step short."""

    def check(self, answer: Any, **inputs: Any) -> CheckResult:
        if isinstance(answer, u.Quantity) and answer.unit == u.pix:  # 14.7 * u.pix is a count of pixels all the same
            answer = answer.value
        unit = getattr(answer, "unit", None)
        if (
            isinstance(answer, u.Quantity)
            and answer.isscalar
            and unit is not None
            and unit.physical_type != "dimensionless"
        ):
            try:
                length = answer.to(u.km, u.dimensionless_angles())
                scale = _scale(inputs["distance"], inputs["ifov"])
                close = math.isclose(length.value, scale.value, rel_tol=0.05)
            except Exception:  # not a length, or unusable inputs: the usual checks report it
                close = False
            if close:
                return CheckResult(
                    INCORRECT,
                    "That is a length: the ground one pixel covers. The question asks how many pixels span the "
                    "facula: divide `facula` by it.",
                    self.title_for(**inputs),
                )
        result = super().check(answer, **inputs)
        if result.status == CORRECT and unit is not None and unit != u.one:
            if unit.physical_type == "dimensionless":
                note = f"Your number is in {unit}, a ratio of lengths, so a pure number: .to_value(u.one) reads it."
            else:  # an angle left in (the IFOV not turned into radians first): a pure number once it is
                note = (
                    f"Your number is in {unit}, with an angle unit left in it; the task asks for a plain number: "
                    "read it with .to_value(u.one, u.dimensionless_angles())."
                )
            return CheckResult(CORRECT, " ".join(m for m in (result.message, note) if m), result.name)
        if result.message == f"That is not right. Hint: {self.hint}" and self._drifted(answer, inputs):
            return CheckResult(INCORRECT, _joined("That is not right.", self.drift_hint), result.name)
        return result

    #: The hint for a count a little off the right one (14.5 or 14.9 for 14.7) that no mistake explains.
    drift_hint: str = (
        "Hint: recompute, keeping every figure. Work with distance_image and ifov_rad as they are, type no "
        "rounded value in between, and round only the final count to one decimal."
    )
    drift: float = 0.02  # how far off (relative) a count may be and still be told to keep every figure

    def _drifted(self, answer: Any, inputs: Mapping[str, Any]) -> bool:
        """True for a plain number within ``drift`` of the expected count (only asked when no mistake and no
        rounding note explained the answer: the generic hint alone)."""
        try:
            value = float(u.Quantity(answer).to_value(u.one))
            expected = float(self.expected(**inputs))
        except Exception:  # not a number, or unusable inputs: the usual message stands
            return False
        return math.isfinite(value) and abs(value / expected - 1) <= self.drift


@dataclass(frozen=True)
class _AngleNoteExercise(RoundedTooFar):
    """A distance check that accepts a length times or per an angle (the IFOV left as an angle) and says how to
    convert it."""

    upside_down: str = (
        "Your fraction is upside down: its unit is 1/km, not a length. The ground one pixel must cover is "
        "size / pixels; divide that by the IFOV in radians."
    )

    #: One over the right distance (such as pixels x IFOV / size): the whole calculation turned over.
    reciprocal: str = (
        "Your answer is upside down: its unit is 1/km, one over a length. Turn your whole calculation over: the "
        "distance is the ground one pixel must cover, size / pixels, divided by the IFOV in radians."
    )

    def check(self, answer: Any, **inputs: Any) -> CheckResult:
        if self._is_upside_down(answer, inputs):
            return CheckResult(INCORRECT, self.upside_down, self.title_for(**inputs))
        if self._is_reciprocal(answer, inputs):
            return CheckResult(INCORRECT, self.reciprocal, self.title_for(**inputs))
        result = super().check(answer, **inputs)
        unit = getattr(answer, "unit", None)
        if result.status == CORRECT and unit is not None and not unit.is_equivalent(u.km):
            note = (
                f"Your answer is in {unit}, a length with an angle unit left in it: a small angle in radians is a "
                "pure number, so it is a distance. Convert it with .to(u.km, u.dimensionless_angles()) to read it "
                "in km."
            )
            return CheckResult(CORRECT, " ".join(m for m in (result.message, note) if m), result.name)
        return result

    @staticmethod
    def _is_upside_down(answer: Any, inputs: Mapping[str, Any]) -> bool:
        """True for pixels / size / IFOV (a length to the power -1) within a few per cent of the right one."""
        if not (isinstance(answer, u.Quantity) and answer.isscalar):
            return False
        try:
            given = answer.to_value(1 / u.km, u.dimensionless_angles())
            turned = _distance_upside_down(inputs["size"], inputs["pixels"], inputs["ifov"]).to_value(1 / u.km)
        except Exception:  # another unit, or unusable inputs: the usual checks report it
            return False
        return math.isclose(given, turned, rel_tol=0.05)

    def _is_reciprocal(self, answer: Any, inputs: Mapping[str, Any]) -> bool:
        """True for one over the right distance (a length to the power -1), within a few per cent."""
        if not (isinstance(answer, u.Quantity) and answer.isscalar):
            return False
        try:
            given = answer.to_value(1 / u.km, u.dimensionless_angles())
            right = self.expected(**inputs).to_value(u.km)
        except Exception:  # another unit, or unusable inputs: the usual checks report it
            return False
        return math.isfinite(given) and given != 0 and math.isclose(1 / given, right, rel_tol=0.05)


def _rounded_figures(value: float, figures: int, cut: bool = False) -> float:
    """``value`` rounded (or, with ``cut``, cut off) to ``figures`` significant figures."""
    if value == 0 or not math.isfinite(value):
        return value
    step = 10.0 ** (math.floor(math.log10(abs(value))) - (figures - 1))
    return (math.floor(value / step) if cut else round(value / step)) * step


#: Exercise 6: an answer within NEAR_BAND of the right one that a rounding slip on the way explains.
NEAR_BAND = 0.03
ROUNDING_SLIP_HINT = (
    "That is not right, but it is close: a number rounded on the way moved it. Recompute keeping every figure, "
    "with facula, n_pixels and ifov_rad themselves."
)
#: Exercise 6: an answer within NEAR_BAND that no rounding explains (a mistyped figure, most likely).
NEAR_NOT_ROUNDING_HINT = (
    "That is not right, and no rounding of the right calculation gives it: check each number you used. "
    "Use the variables facula, n_pixels and ifov_rad themselves, not typed copies of them."
)
#: Exercise 6: the right number of km given in AU.
AU_HINT = (
    "Check the unit: your answer is in AU, the Earth-Sun distance, so it is about 10^8 times too far for a "
    "camera over Ceres. Give the length in km, or convert your Quantity with .to(u.km)."
)


def _distance_km_number_in_au(size, pixels, ifov):
    """The right distance's number of km, given in AU (a unit slip)."""
    return _distance_for_pixels(size, pixels, ifov).to_value(u.km) * u.AU


@dataclass(frozen=True)
class _DistanceExercise(_AngleNoteExercise):
    """Exercise 6: an answer within ``NEAR_BAND`` of the right one, with no other hint, is told "close" only
    when a rounding slip gives it: the IFOV rounded or cut to one or two figures on the way, and the result
    rounded to two or three figures. Any other near answer is asked to check its numbers, never "close"."""

    def check(self, answer: Any, **inputs: Any) -> CheckResult:
        result = super().check(answer, **inputs)
        if result.status == CORRECT and not self._three_figures_right(answer, inputs):
            result = CheckResult(INCORRECT, f"That is not right. Hint: {self.hint}", result.name)
        if result.status != INCORRECT or self.hint not in result.message:  # right, or a mistake's own hint
            return result
        if not (isinstance(answer, u.Quantity) and answer.isscalar and answer.unit.is_equivalent(u.km)):
            return result
        try:
            right = self.expected(**inputs)
            given = float(answer.to_value(answer.unit))
            if not math.isfinite(given) or abs(given / right.to_value(answer.unit) - 1) > NEAR_BAND:
                return result
            slips = self._rounding_slips(inputs, answer.unit)
        except Exception:  # unusable inputs: the usual checks have reported them
            return result
        # a slip gives the same three figures (5,319 km from an IFOV of 94 µrad: 5,320 km), not merely a near one
        slipped = any(_rounded_figures(given, 3) == _rounded_figures(slip, 3) for slip in slips)
        return CheckResult(INCORRECT, ROUNDING_SLIP_HINT if slipped else NEAR_NOT_ROUNDING_HINT, result.name)

    def _three_figures_right(self, answer: Any, inputs: Mapping[str, Any]) -> bool:
        """True unless ``answer``, a length, differs from the right one in its first three significant figures
        (in the answer's own unit): the exercise asks for three, so 5,350 km is not 5,340 km."""
        if not (isinstance(answer, u.Quantity) and answer.isscalar and answer.unit.is_equivalent(u.km)):
            return True  # an angle left in, and the like: judged (with its note) as before
        try:
            given, right = float(answer.value), float(self.expected(**inputs).to_value(answer.unit))
        except Exception:  # unusable inputs: the usual checks have reported them
            return True
        step = 10.0 ** (math.floor(math.log10(abs(right))) - 2)  # one unit of the third figure
        return abs(given - right) <= step / 2 or _rounded_figures(given, 3) == _rounded_figures(right, 3)

    def _rounding_slips(self, inputs: Mapping[str, Any], unit: u.UnitBase) -> list[float]:
        """The distances a rounding slip gives, in ``unit``: the IFOV rounded or cut to one or two figures (in
        its own unit), and each result, the right one too, rounded to two or three figures."""
        ifov = require(inputs["ifov"], u.rad, "ifov", positive=True, scalar=True)
        exact = [self.expected(**inputs).to_value(unit)]
        for figures in (1, 2):
            for cut in (False, True):
                rounded = _rounded_figures(float(ifov.value), figures, cut) * ifov.unit
                exact.append(_distance_for_pixels(inputs["size"], inputs["pixels"], rounded).to_value(unit))
        return exact[1:] + [_rounded_figures(d, f) for d in exact for f in (2, 3)]


#: Exercise 11: a 'true' whose reason rests on Russell's February 2015 words gets a question about those words.
RUSSELL_QUESTION = (
    "Your reason rests on Russell's words of February 2015: read again, were they the June orbit's aim, or a "
    'hedged guess ("may", "wait for better resolution")? What would a source need to say for \'true\'?'
)


@dataclass(frozen=True)
class _AimExercise(VerdictExercise):
    """Exercise 11: a wrong verdict whose reason names Russell or February 2015 is asked about his words (an aim,
    or a hedged guess?), not told about a later finding the student did not use."""

    def check(self, answer: Any, **inputs: Any) -> CheckResult:
        result = super().check(answer, **inputs)
        reason = " ".join(str(inputs.get("reason") or "").lower().split())
        if result.status == INCORRECT and verdict_word(answer) == "true" and re.search(r"russell|\bfeb", reason):
            return CheckResult(INCORRECT, RUSSELL_QUESTION, result.name)
        return result


#: Exercise 4: why a 'qualifier: none' slot needs a word.
_NONE_NOTE = "Your reason says 'qualifier: none', but NASA's wording printed above does narrow the claim."

_BOTH_FIT = "Both lines of the rule fit here, so 'misleading' (a qualifier left out) earns the point too."

_KIND_HINT = "Ask what the claim asserts, not how you would check it."

_VERB_QUESTION = "What is its main verb asserting: a time, a quantity, an order, a person, or something else?"

#: Exercise 1: for each kind a student may pick wrongly, one question about that kind alone. It asks only
#: whether the claim fits the row the student chose, so it never restates (or hints at) the row that fits.
WRONG_KIND_QUESTIONS = {
    "date": "Does the claim assert a day or a duration?",
    "number": "A number may appear, but does the claim itself assert a measured quantity?",
    "first": "Does the claim say that nothing came before?",
    "attribution": "Does the claim report a person's role or words?",
    "interpretation": "Does the claim explain or judge something?",
}

_ONE_KIND = KindExercise(
    title="{claim_id}",
    solve=_kind,
    choices=KINDS,
    borderline=BORDERLINE,
    hint=_KIND_HINT + " " + _VERB_QUESTION + " Then compare it with the table of kinds.",
    mistakes=tuple(
        Mistake(_if_kind(actual, wrong), question + " " + _VERB_QUESTION)
        for wrong, question in WRONG_KIND_QUESTIONS.items()
        for actual in KINDS
        if actual != wrong
    ),
)


_EXERCISES = {
    "08.1": ClaimKindsExercise(
        title="Exercise 1 · what kind of claim is each one?",
        solve=_kinds,
        choices=KINDS,
        one=_ONE_KIND,
    ),
    "08.2": MonthsExercise(
        title="Exercise 2 · how many months at Vesta?",
        solve=_months_at_vesta,
        rtol=0.005,  # one decimal of the months (13.7), or three figures in another unit (1.14 yr)
        hint="Check your subtraction (departure minus arrival), convert the TimeDelta with .to(MONTH) and keep "
        "one decimal.",
        mistakes=(
            Mistake(_years_not_months, "That is the stay in years: the question asks for months."),
            Mistake(_days_not_months, "That is the stay in days: the question asks for months."),
            Mistake(
                _years_times_twelve,
                "Your answer reads as that many years: the number is right for months, but its unit is "
                "'yr'. Give months: convert the difference with .to(MONTH), or put the number with MONTH "
                "(.to_value(u.yr) * 12 * MONTH).",
            ),
            Mistake(
                _days_divided_kept_days,
                "Your answer reads as that many days, about two weeks: the number is about right for months, "
                "but its unit is 'd'. Give months: convert the difference itself with .to(MONTH).",
                rtol=0.03,
            ),
            Mistake(
                _calendar_months,
                CALENDAR_HINT,
                rtol=0.004,  # narrow: a stay within the right answer's 0.5 % is right, not this count
            ),
            Mistake(
                _story_months,
                "That is the story's figure. Compute the stay yourself from the two dates, keep one decimal, "
                "then compare.",
                rtol=0.005,
                copied=True,  # printed in the cell before the exercise
            ),
        ),
    ),
    "08.3": VerdictExercise(
        reason_name="reason_3",
        reason_gap=_stay_gap,
        needs_number=True,
        title="Exercise 3 · your verdict on the stay at Vesta",
        solve=_verdict_months,
        choices=VERDICTS,
        hint="Take the stay you computed in exercise 2 and the story's claimed_months: is abs(stay - "
        "claimed_months) within the rule's tolerance (one month in the notebook, unless your instructor set "
        "another)? Apply the exercise's rule for a stay to that, and give the "
        "verdict word it leads to.",
        mistakes=(
            Mistake(
                _misleading,
                "This exercise sets a rule for the stay: in whole months, within one month of the record "
                "or not. Apply the rule to your two numbers.",
            ),
        ),
    ),
    "08.4": VerdictExercise(
        reason_name="reason_4",
        reason_gap=_first_gap(
            {"ds1": "earlier_first_use", "deep space": "earlier_first_use", "dawn": "dawn_launch"}, "reason_4"
        ),
        action_first=True,
        title="Exercise 4 · your verdict: NASA's first ion-driven spacecraft?",
        solve=_verdict_first,
        choices=VERDICTS,
        hint="Look at the date Deep Space 1's ion engine first fired: before or after Dawn's launch? Then compare "
        "the story's words with NASA's own wording printed above, and apply the rule for a 'first'.",
        defensible={
            "false": "by the rule's first line, on the story's words: Deep Space 1, a NASA craft, ran its ion "
            "engine before Dawn's launch. " + _BOTH_FIT,
        },
        both_fit=_BOTH_FIT,
        reading_words=READING_WORDS + QUALIFIER_WORDS,
        reading_prompt="Name your reading in reason_4, as the templates do: 'line 1' (the story's words taken as "
        "they stand) or 'line 2' (a qualifier left out).",
        reading_prompt_for={
            "false": "Name your reading in reason_4 ('line 1'), as the line-1 template does: the dates and which "
            "came first.",
        },
        readings={"false": READING_WORDS, "misleading": QUALIFIER_WORDS},
        narrowing_words=NARROWING_QUALIFIERS,
        not_narrowing=NOT_NARROWING_HINT,
        named_qualifier=NARROWING_QUALIFIERS,
        quoted_qualifier=("devoted exclusively", "exclusively to science"),
        right_note="By the rule's second line: the story left out the qualifier 'devoted exclusively to science'. "
        "Both lines fit here, so 'false' (the first line) earns the point too.",
        also_argue={
            "false": "Now add one line to reason_4 if you like (optional with line 1): the narrowing word a reader "
            "calling it misleading would point to.",
        },
        mistakes=(
            Mistake(
                lambda dawn_launch, earlier_first_use, record_wording="": "true",
                "Read the two dates again: did a NASA spacecraft run an ion engine before Dawn was launched? "
                "Then compare the story's words with NASA's wording.",
            ),
        ),
    ),
    "08.5": PixelsAcrossExercise(
        title="Exercise 5 · how many pixels span the facula in the news image?",
        solve=_pixels_in_news_image,
        rtol=0.004,  # one decimal, as asked: the half-unit of 14.7 (0.05, 0.34 %); 14.6 and 14.8 are a decimal off
        band=ROUNDING_BAND,
        keep="the decimal your calculation gives: a whole number, even written with '.0', drops it",
        hint="First the ground one pixel covers: the distance times the IFOV in radians (ifov.to_value(u.rad)). "
        "Then divide the facula's size by it; the answer is a plain number.",
        mistakes=(
            Mistake(
                _pixels_microradians,
                "Your number is a million times too small: the IFOV is in microradians. Convert it to radians "
                "first with ifov.to_value(u.rad).",
            ),
            Mistake(
                _pixels_from_centre,
                "If you subtracted Ceres' radius, reading the distance from Ceres' centre: NASA quotes its "
                "distances as altitudes above the surface, so use distance_image as it is.",
                rtol=0.005,  # narrow: a near miss of the right count is not a reading from the centre
            ),
            Mistake(
                _pixels_plus_radius,
                "If you added Ceres' radius: the camera sees the surface below it, so use the altitude, "
                "distance_image, as it is.",
                rtol=0.005,  # narrow: a near miss of the right count is not a radius added
            ),
            Mistake(
                _pixels_caption_scale,
                "That divides by a pixel of 0.7 km, NASA's caption value, or your own scale rounded to one "
                "figure. Keep at least three figures of distance_image times the IFOV before you divide.",
                rtol=0.005,
            ),
            Mistake(
                _pixels_miles_as_km,
                "That reads the 4,500 miles as 4,500 km: typed as km, or a km/mi ratio turned into a number with "
                "'.value' (which keeps the miles). Keep the unit of distance_image, and end with .to_value(u.one).",
            ),
            Mistake(
                _pixels_half_size,
                "The facula's 10 km is a width across, not a radius: count the pixels across the whole of it.",
            ),
            Mistake(
                _pixels_wide_deposit,
                "If you used about 15 km, the wider bright deposit NASA also quotes: this lesson uses facula, "
                "the 10 km central pit.",
            ),
            Mistake(
                _pixels_whole,
                "That counts whole pixels only. The exercise asks for the part of a pixel too: keep the decimal your "
                "calculation gives.",
                rtol=1e-6,
            ),
            Mistake(
                _pixel_scale_number,
                "That is one pixel's ground size in km, the first step: now divide the facula's width by it.",
                rtol=0.005,
            ),
            Mistake(
                _pixels_upside_down,
                "Your fraction is upside down: that is one pixel's share of the facula. Divide the facula's size "
                "by the pixel's size.",
            ),
        ),
    ),
    "08.6": _DistanceExercise(
        title="Exercise 6 · how close for {pixels} pixels across the facula?",
        solve=_distance_for_pixels,
        rtol=0.005,  # 0.5 %, then the three figures the exercise asks for: 5,340 km passes, 5,350 km does not
        band=ROUNDING_BAND,
        keep="three significant figures, as the exercise asks: 1,234 km, say, is 1,230 km to three figures, "
        "not 1,200 km",
        hint="One pixel must cover size / pixels; the distance is that length divided by the IFOV in "
        "radians (ifov.to_value(u.rad)).",
        mistakes=(
            Mistake(
                _distance_microradians,
                "Your distance is a million times too small: the IFOV is in microradians. Convert it to radians "
                "first with ifov.to_value(u.rad).",
            ),
            Mistake(
                _distance_half_size,
                "The facula's 10 km is a width across, not a radius: the pixels must span the whole of it, "
                "so do not halve it.",
            ),
            Mistake(
                _distance_times_pixels,
                "More pixels across means SMALLER pixels, so a closer camera: "
                "divide the facula's size by the number of pixels.",
            ),
            Mistake(
                _distance_from_centre,
                "That matches a distance from Ceres' centre. If you added Ceres' radius: the pixel scale uses "
                "the distance from the camera to the surface, size / pixels / IFOV, and nothing more.",
            ),
            Mistake(
                _distance_wide_deposit,
                "If you used about 15 km, the wider bright deposit NASA also quotes: this lesson uses facula, "
                "the 10 km central pit.",
            ),
            Mistake(
                _distance_one_pixel,
                "That is the distance at which the whole facula fits in one "
                "pixel. Each pixel must cover only a part of it.",
            ),
            Mistake(
                _pixel_size_only,
                "That is the ground one pixel must cover, size / pixels. Now find the distance at which a "
                "pixel covers that much: divide it by the IFOV in radians.",
            ),
            Mistake(
                _ifov_multiplied,
                "Your distance is far below a metre. If you multiplied by the IFOV: a pixel covers distance x "
                "IFOV, so the distance is the ground one pixel must cover divided by the IFOV in radians.",
            ),
            Mistake(
                _distance_from_rounded_count,
                "That scales the news image's distance by a pixel count rounded too far: keep every figure of "
                "the count, or compute the distance directly, size / pixels / IFOV in radians.",
                rtol=0.002,  # narrow: only that rounded route, not a near miss
            ),
            Mistake(_distance_km_number_in_au, AU_HINT, method_right=True),
            Mistake(
                _distance_slider_stop,
                "That is a stop of the slider, not a calculation. Compute size / pixels / IFOV, with the IFOV "
                "in radians.",
                rtol=0.001,
                copied=True,  # a number the widget prints
            ),
        ),
    ),
    "08.7": VerdictExercise(
        reason_name="reason_7",
        reason_gap=_first_gap({"spot": "earlier", "approach": "earlier", "orbit": "claimed_first"}, "reason_7"),
        needs_number=True,
        title="Exercise 7 · your verdict: Dawn's first picture of the spots taken from orbit? (N11)",
        solve=_first,
        choices=VERDICTS,
        hint="Which evidence decides a 'first' (the rule in Exercise 4)? Find it in the dates above.",
        mistakes=(
            Mistake(
                _the_other_way,
                "Read the two dates again, before or after, and place them on the timeline. Which evidence "
                "decides a 'first' (the rule in Exercise 4)?",
            ),
            Mistake(
                _misleading,
                "The claim says the first picture of the spots came from orbit. Compare the two dates "
                "and apply the rule for a 'first'.",
            ),
        ),
    ),
    "08.9": VerdictExercise(
        reason_name="reason_9",
        needs_number=True,  # like Exercise 7: a 'first' rests on two dates, so a dateless reason is asked for them
        reason_gap=_first_gap(
            {"new horizons": "earlier", "pluto": "earlier", "dawn": "claimed_first", "ceres": "claimed_first"},
            "reason_9",
        ),
        title="Exercise 9 · your verdict: the first spacecraft to reach a dwarf planet? (N15)",
        solve=_first,
        choices=VERDICTS,
        hint="Which evidence decides a 'first' (the rule in Exercise 4)? Find the two arrivals at a dwarf "
        "planet in the dates above.",
        mistakes=(
            Mistake(
                _the_other_way,
                "Place Dawn's arrival at Ceres and New Horizons' pass of Pluto on the timeline, then apply "
                "the rule for a 'first' (Exercise 4) to the claim as it is worded.",
            ),
            Mistake(
                _misleading,
                "Compare the two dates on the timeline and apply the rule for a 'first' to the claim as it is worded.",
            ),
        ),
    ),
    "08.10": VerdictExercise(
        reason_name="reason_10",
        right_note="The story dropped NASA's qualifier (two destinations beyond Earth). 'false' is also "
        "defensible: as worded, an earlier craft that orbited Earth and then the Moon contradicts it.",
        title="Exercise 10 · your verdict: the first spacecraft to orbit two different bodies? (N16)",
        solve=_first_without_qualifier,
        choices=VERDICTS,
        hint="Compare the story's words with NASA's wording printed above: which word did the story drop? Then "
        "weigh the earlier missions by the rule in Exercise 4.",
        defensible={
            "false": "as printed, the words are contradicted by an earlier craft that orbited Earth and then "
            "the Moon. The lesson files it as misleading, because NASA's narrower claim (two extraterrestrial "
            "destinations) is true.",
        },
        reading_words=READING_WORDS + QUALIFIER_WORDS,
        reading_prompt="Name your reading in reason_10: write 'line 1' (the story's words as printed) or 'line 2' "
        "(the qualifier NASA uses).",
        readings={"false": READING_WORDS, "misleading": QUALIFIER_WORDS},
        narrowing_words=NARROWING_N16,  # its qualifier slot is read as 08.4 reads its own
        not_narrowing=NOT_NARROWING_N16,
        named_qualifier=NARROWING_N16,
        quoted_qualifier=("beyond earth", "extraterrestrial"),
        mistakes=(
            Mistake(
                lambda claimed_first, earlier_with_earth: "true",
                "Did any spacecraft orbit two bodies before Dawn, if Earth counts as one? Look at SMART-1's "
                "record printed above, and at the word NASA used that the story left out.",
            ),
        ),
    ),
    "08.11": _AimExercise(
        reason_name="reason_11",
        title="Exercise 11 · your verdict: was the June orbit meant to look for {claimed_aim}? (N20)",
        solve=_verdict_aim,
        choices=VERDICTS,
        hint="The claim is about an intention: what the orbit was meant for. Which of the printed sources "
        "states that aim? A later finding tells you what Dawn found, not what it was sent to look for.",
        mistakes=(
            Mistake(
                _aim_false,
                "What would a source need to say for 'false'? Do you hold one among the printed sources?",
            ),
            Mistake(
                _aim_true,
                "Dawn did find signs of activity later, but that says what it found, not what the June orbit "
                "was meant for. What would a source need to say for 'true'? Do you hold one?",
            ),
        ),
        short_reason="name the sources you read and whether any of them states the June orbit's aim.",
        missing_reason="name the sources you read and whether any of them states the June orbit's aim.",
        defensible_when="cannot be checked",
        defensible={
            "misleading": "you read Russell's February 2015 hedged guess, made before arrival, as the record the "
            "story overstated into one orbit's aim. The lesson files it as 'cannot be checked', because no source "
            "in its facts table states what the June orbit was for.",
        },
        # Russell's February 2015 words, not the mission-aim paper (Russell et al. 2004) the lesson also cites
        # "overstates" alone names no source: the student must say whose words, or when, the story overstated
        reading_words=("feb", "before arrival", "before dawn arrived"),
        reading_sources=("russell",),
        reading_hedges=("hedge", "guess", "hope"),
        reading_missing="'misleading' counts here only with the reading that leads to it. Say in reason_11 whose "
        "words the story overstated, and when they were said, and whether they state an aim or a hedged guess. "
        "Then run this cell again.",
        right_note="Here it means not decided by the sources we hold: none states the June orbit's aim (NASA's "
        "orbit plans might). 'misleading' is also defensible if you read Russell's February 2015 hope as the "
        "record the story overstated.",
    ),
}

#: Written questions (no self-check): model answers and rubrics are on the instructor page.
WRITTEN = {
    "08.8": "Exercise 8 · write the corrected paragraph",
    "08.12": "Exercise 12 · argue a misleading verdict",
}
