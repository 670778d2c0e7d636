"""Lesson 08's checks: durations with units, borderline kinds, the reader's own reasons."""

from __future__ import annotations

import re
import shlex

import astropy.units as u
import numpy as np
import pytest
from astropy.time import Time

import nbtools
from conftest import ROOT, run_as_cell, slider_readback_args
from utils import factcheck as F
from utils.checks import _expected_answer, check
from utils.exercises.lesson08 import _EXERCISES
from utils.facts import fact


def test_exercise_2_reads_a_duration_with_a_unit_in_months():
    a, d = fact("dawn.vesta_arrival"), fact("dawn.vesta_departure")
    inputs = dict(arrival=a, departure=d, claimed_months=14)
    for answer in [(d - a).to(F.MONTH), (d - a).to(u.yr), (d - a).to(u.day), d - a]:
        assert check("08.2", answer, **inputs).ok, answer
    for bare in [(d - a).to_value(u.yr) * 12, 13.7]:  # the task asks for a unit, as in exercises 5 and 6
        unitless = check("08.2", bare, **inputs)
        assert unitless.status == "invalid" and "no unit" in unitless.message and "MONTH" in unitless.message
    twelve = check("08.2", (d - a).to(u.yr) * 12, **inputs)  # still in years: 12 times the stay
    assert twelve.status == "incorrect" and ".to_value(u.yr) * 12" in twelve.message
    assert check("08.2", (d - a).to(u.yr) / 12, **inputs).status == "incorrect"
    days = check("08.2", round((d - a).to_value(u.day)), **inputs)  # a plain number of days
    assert days.status == "incorrect" and "stay in days" in days.message
    wrong_kind = check("08.2", 13.7 * u.km, **inputs)
    assert wrong_kind.status == "invalid" and "wants a duration" in wrong_kind.message
    assert ".to(MONTH)" in _EXERCISES["08.2"].hint


def test_exercise_2_a_month_count_with_a_wrong_unit_is_described_not_blamed_on_a_step():
    """13.7 years or 13.7 days: the hint says what the answer reads as, not a step the student may not have taken."""
    a, d = fact("dawn.vesta_arrival"), fact("dawn.vesta_departure")
    inputs = dict(arrival=a, departure=d, claimed_months=14)
    months = (d - a).to_value(F.MONTH)
    for unit, reads in ((u.yr, "years"), (u.day, "days")):
        result = check("08.2", months * unit, **inputs)
        assert result.status == "incorrect" and f"reads as that many {reads}" in result.message, result.message
        assert "You multiplied" not in result.message and "You divided" not in result.message
        assert "close" not in result.message.lower()


def test_exercise_1_accepts_the_second_defensible_kind_of_n07_only():
    claims = F.load_claims()
    assert not check("08.1", {"N22": "attribution"}, claims=claims, claim_ids=["N22"]).ok
    for cid, other in [("N07", "number")]:
        assert check("08.1", {cid: F._claim_kind(claims, cid)}, claims=claims, claim_ids=[cid]).ok
        alt = check("08.1", {cid: other}, claims=claims, claim_ids=[cid])
        assert alt.ok and "Defensible" in alt.message
        assert not check("08.1", {cid: "date"}, claims=claims, claim_ids=[cid]).ok


def test_exercise_1_accepts_number_for_the_duration_claim_n09_with_a_note():
    claims = F.load_claims()
    assert F._claim_kind(claims, "N09") == "date"
    alt = check("08.1", {"N09": "number"}, claims=claims, claim_ids=["N09"])
    assert alt.ok and "Defensible" in alt.message and "measured duration" in alt.message
    assert not check("08.1", {"N09": "first"}, claims=claims, claim_ids=["N09"]).ok


IDS = ("N05", "N06", "N09", "N12", "N13", "N19")


def test_exercise_1_sorts_several_claims_with_feedback_that_never_names_the_kind():
    claims = F.load_claims()
    kinds = {cid: F._claim_kind(claims, cid) for cid in IDS}
    assert len(set(kinds.values())) == 5  # all five kinds
    assert check("08.1", kinds, claims=claims, claim_ids=IDS).ok
    assert check("08.1", {k.lower(): v.upper() for k, v in kinds.items()}, claims=claims, claim_ids=IDS).ok
    for cid in IDS:
        for wrong in set(F.KINDS) - {kinds[cid]}:
            result = check("08.1", {**kinds, cid: wrong}, claims=claims, claim_ids=IDS)
            if result.ok:  # a borderline claim's other defensible kind
                assert "Defensible" in result.message
                continue
            assert result.status == "incorrect" and f"{len(IDS) - 1} of {len(IDS)}" in result.message
            assert f"Look again at {cid}." in result.message, (cid, wrong, result.message)
            assert kinds[cid] not in result.message.lower(), (cid, wrong, result.message)
    partial = check("08.1", {"N06": "date"}, claims=claims, claim_ids=IDS)
    assert partial.status == "unanswered" and "N13: not answered yet" in partial.message
    assert check("08.1", ..., claims=claims, claim_ids=IDS).status == "unanswered"
    assert check("08.1", "date", claims=claims, claim_ids=IDS).status == "invalid"
    assert check("08.1", {c: "opinion" for c in IDS}, claims=claims, claim_ids=IDS).status == "invalid"
    assert check("08.1", kinds, claims=claims, claim_ids=["N99"]).status == "invalid"


def test_your_verdict_keeps_the_readers_reason_on_one_line():
    assert F.your_verdict("N09", "true", "13.7 months\nvs 14").reason == "yours: 13.7 months vs 14"
    for empty in ("", "   ", ...):
        assert F.your_verdict("N12", "false", empty).reason == "yours: " + F.NO_REASON
    refused = F.your_verdict("N12", "true", "dates", accepted=False)  # the check did not accept it: marked
    assert refused.reason == "yours: dates (check: not yet)"
    with pytest.raises(TypeError, match="accepted must be True or False"):
        F.your_verdict("N12", "true", "dates", accepted="no")
    assert F.your_verdict("N12", ..., "a reason") is None
    assert "in quotes" in F.your_verdict("N12", "false", 13.7).reason  # shown in the table, not raised
    with pytest.raises(TypeError, match="finished must be True or False"):
        F.your_verdict("N12", "true", "dates", finished="no")


def test_an_unfinished_reason_is_marked_in_the_verdict_table_as_a_refused_verdict_is():
    n12 = dict(dawn_launch=fact("dawn.launch"), earlier_first_use=fact("ds1.first_thrust"))
    n12["record_wording"] = fact("dawn.first_ion_science")
    dates = "DS1 1998-11-10 vs Dawn 2007-09-27; line 2, qualifier: "
    unfinished = F.your_checked_verdict("N12", "08.4", "misleading", dates + "ion", **n12)
    assert unfinished.verdict == "misleading" and unfinished.reason.endswith(F.REASON_UNFINISHED)
    finished = F.your_checked_verdict("N12", "08.4", "misleading", dates + "science-only", **n12)
    assert "(check:" not in finished.reason
    table = F.verdict_table({"N12": unfinished}, F.load_claims())
    assert str(table["evidence"][0]).endswith(F.REASON_UNFINISHED)
    assert F.REASON_UNFINISHED in F.verdict_table_html(table)


def test_the_hook_word_alien_is_in_a_claim():
    claims = F.load_claims()
    texts = [str(c).lower() for c in claims["claim"]]
    assert any("alien" in t for t in texts)
    row = claims[np.asarray(claims["id"]).astype(str) == "N02"][0]
    assert "alien" in str(row["claim"]).lower()


def test_exercises_7_to_9_judge_three_firsts_from_the_date_order():
    arrival = fact("dawn.ceres_arrival")
    spot, pluto, smart1 = fact("ceres.approach_spot"), fact("newhorizons.pluto_flyby"), fact("smart1.lunar_orbit")
    n11 = dict(claimed_first=arrival, earlier=spot)
    assert check("08.7", "false", **n11).ok
    assert "before or after" in check("08.7", "true", **n11).message
    assert "which evidence decides" in check("08.7", "cannot be checked", **n11).message.lower()
    assert "apply the rule" in check("08.7", "misleading", **n11).message
    n15 = dict(claimed_first=arrival, earlier=pluto)
    assert check("08.9", "true", **n15).ok and not check("08.9", "false", **n15).ok
    n16 = dict(claimed_first=arrival, earlier_with_earth=smart1)
    assert "'false' is also defensible" in check("08.10", "misleading", **n16).message
    strict = check("08.10", "false", **n16, reason="SMART-1 (2004) contradicts the words as printed")  # defensible
    assert strict.ok and "Defensible" in strict.message
    assert "SMART-1" in check("08.10", "true", **n16).message
    # the checks follow their inputs: with the rival event after Dawn, each "first" holds
    later = fact("dawn.operations_end")
    assert check("08.7", "true", claimed_first=arrival, earlier=later).ok
    assert check("08.10", "true", claimed_first=arrival, earlier_with_earth=later).ok
    assert not check("08.10", "false", claimed_first=arrival, earlier_with_earth=later).ok
    assert check("08.7", "mostly true", **n11).status == "invalid"


def test_exercise_4_is_misleading_by_nasas_own_wording_and_accepts_false_as_defensible():
    launch, ds1, wording = fact("dawn.launch"), fact("ds1.first_thrust"), fact("dawn.first_ion_science")
    n12 = dict(dawn_launch=launch, earlier_first_use=ds1, record_wording=wording)
    right = check("08.4", "misleading", **n12, reason="DS1 1998 vs Dawn 2007; line 2 (point to: science)")
    assert right.ok and "so 'false' (the first line) earns the point too" in right.message
    # each reading names the line of the notebook's rule it uses: a dropped qualifier, or a different claim
    assert "qualifier 'devoted exclusively to science'" in right.message and "left out" in right.message
    assert "not a qualifier the story dropped" not in right.message  # that would make it false by the rule
    defensible = check("08.4", "false", **n12, reason="DS1 (1998) came first; NASA's is a different claim")
    assert defensible.ok and "Defensible" in defensible.message and "N16" not in defensible.message
    # the strict reading applies the rule's first line to the story's words; it is not called a misreading
    assert "by the rule's first line, on the story's words" in defensible.message
    assert "different claim" not in defensible.message
    # that reason does not argue the other reading: it is asked for it in one line, in place of "both fit"
    assert "a reader calling it misleading" in defensible.message
    assert not check("08.4", "true", **n12).ok
    later = fact("dawn.operations_end")  # with no earlier example the "first" holds: only "true" passes
    assert check("08.4", "true", dawn_launch=launch, earlier_first_use=later, record_wording=wording).ok
    assert not check("08.4", "misleading", dawn_launch=launch, earlier_first_use=later, record_wording=wording).ok
    # without a narrower wording in the record, an earlier example makes it plainly false
    assert not check("08.4", "misleading", dawn_launch=launch, earlier_first_use=ds1).ok
    assert check("08.4", "false", dawn_launch=launch, earlier_first_use=ds1).ok


def test_exercise_6_names_the_added_radius():
    facula, ifov = fact("occator.cerealia_facula_size"), fact("fc.ifov")
    right = facula / 10 / ifov.to_value(u.rad)
    assert check("08.6", right, size=facula, pixels=10, ifov=ifov).ok
    per_angle = check("08.6", facula / 10 / ifov, size=facula, pixels=10, ifov=ifov)  # IFOV left as an angle
    assert per_angle.ok and "dimensionless_angles" in per_angle.message
    wrong = check("08.6", right + fact("ceres.radius"), size=facula, pixels=10, ifov=ifov)
    assert not wrong.ok and "centre" in wrong.message
    halved = check("08.6", right / 2, size=facula, pixels=10, ifov=ifov)  # the width taken as a radius
    assert not halved.ok and "radius" in halved.message


def test_slider_stops_read_off_the_widget_get_their_own_hint():
    """A slider stop's distance (Ex 6) is named as one; a stop's pixel count (Ex 5) is not called a centre reading."""
    from utils.camera import pixel_scale
    from utils.spotviews import dawn_distances

    facula, ifov, d = fact("occator.cerealia_facula_size"), fact("fc.ifov"), fact("news.distance_image")
    marks, stops = dawn_distances()
    stops.remove(marks["news image"])  # as in the notebook
    right = (facula / 20 / ifov.to_value(u.rad)).to_value(u.km)
    near = min(stops, key=lambda stop: abs(stop - right)) * u.km  # the stop a student could copy
    stop = check("08.6", near, size=facula, pixels=20, ifov=ifov)
    assert stop.status == "incorrect" and "stop of the slider" in stop.message
    assert "stop of the slider" not in check("08.6", near * 1.05, size=facula, pixels=20, ifov=ifov).message
    centre = ((d - fact("ceres.radius")) * ifov.to_value(u.rad)).to_value(u.km)
    stop_d = min(stops, key=lambda s: abs(pixel_scale(s * u.km, ifov).to_value(u.km) - centre))
    count = (facula / pixel_scale(stop_d * u.km, ifov)).to_value(u.one)
    assert 0.005 < abs(centre / pixel_scale(stop_d * u.km, ifov).to_value(u.km) - 1) < 0.02  # next to it, as drawn
    assert "centre" not in check("08.5", count, size=facula, distance=d, ifov=ifov).message


def test_verdicts_accept_fair_wordings_of_cannot_be_checked():
    aims = (fact("dawn.science_goal"),)
    reason = "no source states the aim of the June 2015 orbit"
    for word in ("can't be checked", "Cannot check", "cannot be checked", "cant be checked"):
        assert check("08.11", word, claimed_aim="volcanic activity", stated_aims=aims, reason=reason).ok, word
    assert not check("08.11", "maybe", claimed_aim="volcanic activity", stated_aims=aims, reason=reason).ok


@pytest.mark.parametrize(
    "word",
    ["can't be checked", "Cannot check", "can not be checked", "cannot  be checked", "cannot-be-checked", "maybe"],
)
def test_the_verdict_table_takes_every_wording_the_check_takes(word):
    n20 = dict(claimed_aim="volcanic activity", stated_aims=(fact("dawn.science_goal"),), reason="no source states it")
    accepted = check("08.11", word, **n20).ok
    mine = F.your_verdict("N20", word, "no source states it")
    assert accepted == (mine is not None), word
    if accepted:
        assert mine.verdict == "cannot be checked"
        table = F.verdict_table([mine], F.load_claims())  # shown, not "waits for your verdict"
        assert list(table["verdict"]) == ["cannot be checked"]


def test_exercise_4_quotes_nasa_exactly():
    launch, ds1, wording = fact("dawn.launch"), fact("ds1.first_thrust"), fact("dawn.first_ion_science")
    reason = "DS1 1998 vs Dawn 2007; line 2 (point to: exclusively)"
    note = check("08.4", "misleading", dawn_launch=launch, earlier_first_use=ds1, record_wording=wording, reason=reason)
    note = note.message
    assert "devoted exclusively to science" in note and "devoted exclusively to science" in wording


def test_exercise_5_pixels_across_and_its_mistakes():
    d, ifov, facula = fact("news.distance_image"), fact("fc.ifov"), fact("occator.cerealia_facula_size")
    five = dict(size=facula, distance=d, ifov=ifov)
    scale = (d * ifov.to_value(u.rad)).to(u.km)
    right = (facula / scale).to_value(u.one)
    assert abs(scale.to_value(u.m) - 679) < 1 and abs(right - 14.74) < 0.01
    assert check("08.5", right, **five).ok
    assert check("08.5", facula / scale, **five).ok  # a dimensionless Quantity
    mixed = check("08.5", facula / (d * ifov.to_value(u.rad)), **five)  # km / mi: right, and shown how to read it
    assert mixed.ok and "to_value(u.one)" in mixed.message
    angle = check("08.5", facula / (d * ifov), **five)  # km / (mi urad): right, with the angle unit left in
    assert angle.ok and "angle unit left in" in angle.message and "dimensionless_angles()" in angle.message
    assert check("08.5", 14.7, **five).ok
    assert check("08.5", 14.7 * u.pix, **five).ok  # astropy's pixel unit is a count too
    assert "rounded too much" in check("08.5", 15 * u.pix, **five).message
    assert "rounded too much" in check("08.5", 15, **five).message  # one decimal asked for
    # the pixel scale itself (what lesson 04's camera.pixel_scale returns) is one step short
    for length in (scale, scale.to(u.m), d * ifov):
        short = check("08.5", length, **five)
        assert short.status == "incorrect" and "divide `facula`" in short.message, length
    rounded = check("08.5", (facula / (0.7 * u.km)).to_value(u.one), **five)
    assert not rounded.ok and "0.7 km" in rounded.message and "three figures" in rounded.message
    assert not re.search(r"near|close to|within", rounded.message.split("Hint:")[-1])
    stop = check("08.6", 5120 * u.km, size=10 * u.km, pixels=20, ifov=ifov)
    assert not stop.ok and "slider" in stop.message and not re.search(r"near|close to|within", stop.message)
    micro = check("08.5", (facula / (d.to(u.km) * ifov.value)).to_value(u.one), **five)
    assert not micro.ok and "microradians" in micro.message
    centre = check("08.5", (facula / ((d - fact("ceres.radius")) * ifov.to_value(u.rad))).to_value(u.one), **five)
    assert not centre.ok and "centre" in centre.message
    plus = check("08.5", (facula / ((d + fact("ceres.radius")) * ifov.to_value(u.rad))).to_value(u.one), **five)
    assert not plus.ok and "added Ceres' radius" in plus.message
    miles = check("08.5", (facula / (4500 * u.km * ifov.to_value(u.rad))).to_value(u.one), **five)
    assert not miles.ok and "miles" in miles.message
    assert "radius" in check("08.5", right / 2, **five).message
    assert "upside down" in check("08.5", 1 / right, **five).message


def test_exercise_5_a_near_miss_is_not_called_a_radius_slip():
    """0.71 km per pixel (14.1 pixels) lies 2 % from the right count and 1.7 % from the radius-added one: no
    conceptual hint for a near miss."""
    d, ifov, facula = fact("news.distance_image"), fact("fc.ifov"), fact("occator.cerealia_facula_size")
    five = dict(size=facula, distance=d, ifov=ifov)
    for scale_km in (0.70, 0.71):
        message = check("08.5", (facula / (scale_km * u.km)).to_value(u.one), **five).message
        assert "radius" not in message and "centre" not in message, scale_km


def test_verdict_hints_point_to_the_rule_not_to_a_shortlist():
    for exercise_id in ("08.3", "08.7", "08.9"):
        texts = [_EXERCISES[exercise_id].hint] + [m.hint for m in _EXERCISES[exercise_id].mistakes]
        assert all("plain" not in t for t in texts) and any("rule" in t for t in texts)


def test_exercise_1_names_its_own_inputs_when_they_cannot_be_used():
    claims = F.load_claims()
    assert check("08.1", ..., claims=claims, claim_ids=[]).status == "unanswered"
    for bad in ({"claims": claims, "claim_ids": []}, {"claims": None, "claim_ids": ["N22"]}):
        result = check("08.1", {"N22": "attribution"}, **bad)
        assert result.status == "invalid", bad
        assert "could not be used" in result.message and "Restore claims and claim_ids" in result.message
        assert "Traceback" not in result.message
    empty = check("08.1", {"N22": "attribution"}, claims=claims, claim_ids=[])
    assert "claim_ids names no claim" in empty.message


def test_a_right_verdict_with_an_empty_reason_is_asked_for_one():
    arrival, departure = fact("dawn.vesta_arrival"), fact("dawn.vesta_departure")
    stay = dict(arrival=arrival, departure=departure, claimed_months=14)
    bare = check("08.3", "true", **stay, reason="")
    assert bare.ok and "reason_3" in bare.message
    argued = check("08.3", "true", **stay, reason="13.7 months vs 14: within one month")
    assert argued.ok and "reason_3" not in argued.message
    for not_text in (13.7, ["dates"]):  # the verdict table needs text: said at the check, before the table's cell
        told = check("08.3", "true", **stay, reason=not_text)
        assert "reason_3 as text, your sentence in quotes" in told.message, told.message
    wrong = check("08.3", "false", **stay, reason="")  # a wrong verdict gets its hint, not the reason prompt
    assert not wrong.ok and "reason_3" not in wrong.message
    n12 = dict(dawn_launch=fact("dawn.launch"), earlier_first_use=fact("ds1.first_thrust"))
    strict = check("08.4", "false", **n12, record_wording=fact("dawn.first_ion_science"), reason=" ")
    assert strict.ok and "reason_4" in strict.message  # like "misleading", asked for its reason
    assert _expected_answer("08.4", **n12, record_wording="", reason="") == "false"  # the reason never sets the answer


def test_a_right_verdict_with_a_one_word_reason_is_nudged_for_the_evidence():
    stay = dict(arrival=fact("dawn.vesta_arrival"), departure=fact("dawn.vesta_departure"), claimed_months=14)
    for terse in ("ok", "close enough"):
        nudged = check("08.3", "true", **stay, reason=terse)
        assert nudged.ok and "reason_3" in nudged.message and "dates or numbers" in nudged.message
    kept = check("08.3", "true", **stay, reason="13.7 vs 14, within a month")  # the numbers and the rule
    assert kept.ok and "reason_3" not in kept.message
    no_rule = check("08.3", "true", **stay, reason="13.7 vs 14")  # the numbers alone: the rule is asked for
    assert no_rule.ok and str(no_rule).startswith("⚠") and "the rule" in no_rule.message, no_rule
    words = check("08.3", "true", **stay, reason="within a month of the record, by NASA's dates")  # no number
    assert words.ok and "names no date or number" in words.message
    wrong = check("08.3", "false", **stay, reason="ok")  # a wrong verdict gets its hint, not the nudge
    assert not wrong.ok and "reason_3" not in wrong.message


def test_exercise_10_a_claim_about_an_aim_cannot_be_checked_without_a_stated_aim():
    goal = fact("dawn.science_goal")
    n20 = dict(claimed_aim="volcanic activity", stated_aims=(goal,))
    assert check("08.11", "cannot be checked", **n20).ok
    assert check("08.11", " Cannot  be checked ", **n20).ok
    assert "'misleading' is also defensible" in check("08.11", "cannot be checked", **n20).message
    for wrong, words in (("false", "need to say for 'false'"), ("true", "not what the June orbit")):
        result = check("08.11", wrong, **n20)
        assert result.status == "incorrect" and words in result.message, (wrong, result.message)
        assert "cannot be checked" not in result.message.lower()
    # Russell's hedged February 2015 words make "misleading" defensible, with a note naming the lesson's verdict
    hedged = check("08.11", "misleading", **n20, reason="Russell's February hope became an aim in the story")
    assert hedged.ok and hedged.message.startswith("Defensible") and "Russell" in hedged.message
    # the expected verdict follows the inputs: a source that states the aim makes it checkable (and true)
    stated = dict(claimed_aim="volcanic activity", stated_aims=(goal, "to look for volcanic activity from June"))
    assert _expected_answer("08.11", **stated) == "true"
    assert _expected_answer("08.11", claimed_aim="volcanic activity", stated_aims=goal) == "cannot be checked"
    empty = check("08.11", "cannot be checked", **n20, reason="")
    assert empty.ok and "reason_11" in empty.message
    assert "sources you read" in empty.message and "dates or numbers" not in empty.message  # a claim about an aim
    assert "volcanic activity" in check("08.11", "true", **n20).name
    assert not check("08.11", "misleading", **stated, reason="Russell's hedged guess").ok  # a stated aim: true
    assert not check("08.11", "cannot be checked", claimed_aim=" ", stated_aims=(goal,)).ok
    terse = check("08.11", "cannot be checked", **n20, reason="no source")  # the prompt fits a claim about an aim
    assert terse.ok and "sources you read" in terse.message and "dates or numbers" not in terse.message


def test_the_claims_table_does_not_show_the_kinds():
    claims = F.load_claims()
    assert "category" not in claims.colnames
    assert F._claim_kind(claims, "N12") == "first" and F._claim_kind(claims, "N20") == "interpretation"


def test_no_file_the_student_version_names_holds_the_kinds():
    """The answer key of Exercise 1 lives only in a table the lesson never names, prints or links."""
    nb = nbtools.student_version(nbtools.read(ROOT / "notebooks" / "08-fact-check.ipynb"))
    text = "\n".join(nbtools.source(c) for c in nb.cells)
    assert F._KEY_FILE not in text
    named = set(re.findall(r"data/([\w.-]+)", text)) | set(re.findall(r"\]\((?!https?:)([^)#\s]+)", text))
    key = F._file_categories()
    for name in sorted(named):
        path = next((p for p in (ROOT / "data" / name, ROOT / "notebooks" / name) if p.is_file()), None)
        if path is None or path.suffix not in (".ecsv", ".csv", ".md", ".txt"):
            continue
        body = path.read_text(encoding="utf-8")
        header = [ln for ln in body.splitlines() if ln.startswith(("id ", "# - {name: "))]
        assert not any("category" in ln or "method" in ln for ln in header), path
        rows = {ln.split()[0]: shlex.split(ln) for ln in body.splitlines() if re.match(r"N\d\d ", ln)}
        leaked = [cid for cid, kind in key.items() if kind in rows.get(cid, [])[1:]]  # a field that is the kind
        assert not leaked, (path, leaked)


def test_the_sharpness_alt_text_says_much_darker_only_below_six_tenths_of_the_facula():
    from utils import imaging, spotviews

    ifov, facula, crater = fact("fc.ifov"), fact("occator.cerealia_facula_size"), fact("occator.diameter")
    albedos = float(fact("ceres.albedo")), float(fact("occator.faculae_albedo"))
    view = spotviews.SharpnessView(
        imaging.facula_model(120 * u.km, 480, facula, crater, *albedos), 120 * u.km, ifov, facula, crater
    )
    seen = set()
    for d in spotviews.dawn_distances()[1]:
        view.update(d)
        if "of a pixel" in view.alt():  # the facula spans less than one pixel
            fraction = float(re.search(r"reflectance ([0-9.]+)", view.ax.get_title()).group(1)) / albedos[1]
            assert ("much darker" in view.alt()) == (fraction < 0.6), (d, fraction)
            seen.add(fraction < 0.6)
    assert seen == {True, False}  # both wordings are reached on the slider


def test_no_stop_of_the_sharpness_slider_shows_an_answer():
    """Every stop of the Explore widget, drawn: no number in its title or alt text passes a numeric check."""
    import nbformat

    from exercises import Call, find_leaks
    from utils import imaging, spotviews

    source = (ROOT / "notebooks" / "08-fact-check.ipynb").read_text()
    assert 'stops.remove(marks.pop(\\"news image\\"))' in source  # the notebook's stops are the ones drawn here
    marks, stops = spotviews.dawn_distances()
    stops.remove(marks["news image"])
    ifov, facula, crater = fact("fc.ifov"), fact("occator.cerealia_facula_size"), fact("occator.diameter")
    albedos = float(fact("ceres.albedo")), float(fact("occator.faculae_albedo"))
    model = imaging.facula_model(120 * u.km, 480, facula, crater, *albedos)
    view = spotviews.SharpnessView(model, 120 * u.km, ifov, facula, crater)
    texts = []
    for d in stops:
        view.update(d)
        texts += [view.ax.get_title(), view.alt()]
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("\n\n".join(texts))])
    a, dep = fact("dawn.vesta_arrival"), fact("dawn.vesta_departure")
    calls = [  # the lesson's numeric checks, with the notebook's inputs
        Call("08.2", 0, "", "", dict(arrival=a, departure=dep, claimed_months=14)),
        Call("08.5", 0, "", "", dict(size=facula, distance=fact("news.distance_image"), ifov=ifov)),
        Call("08.6", 0, "", "", dict(size=facula, pixels=20, ifov=ifov)),
    ]
    assert find_leaks(nb, calls) == []
    # the finder does see a count to one decimal, as the stop at the story's distance would come close to giving
    view.update(marks["news image"])
    across = (facula / (fact("news.distance_image") * ifov.to_value(u.rad))).to_value(u.one)
    text = f"{view.ax.get_title()}\n{view.alt()}\nthe facula spans {across:.1f} pixels"
    leaky = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell(text)])
    assert [leak.id for leak in find_leaks(leaky, calls)] == ["08.5"]


SECOND_READINGS = [  # (exercise, the other defensible verdict, a reason naming its reading, one that does not)
    (
        "08.11",
        "misleading",
        "Russell's February 2015 guess became the orbit's aim in the story",
        "no source says so, the 2020 finding came later",
    ),
]


@pytest.mark.parametrize("exercise_id", ["08.4", "08.10"])
def test_both_firsts_read_the_same_reading_words(exercise_id):
    inputs = _n_inputs(exercise_id)
    for named in (
        "taken as stated, DS1 and SMART-1 came first",
        "as written it is contradicted",
        "read as worded",
        "by the rule's first line, an earlier craft came first",
        "one earlier example (1998) makes it false",
    ):
        assert check(exercise_id, "false", **inputs, reason=named).ok, named
    for unnamed in ("the dates printed above show an earlier craft", "an earlier craft came first"):
        asked = check(exercise_id, "false", **inputs, reason=unnamed)
        assert asked.ok and "Name your reading" in asked.message, unnamed


@pytest.mark.parametrize("exercise_id", ["08.4", "08.10"])
def test_both_accepted_verdicts_of_a_first_are_treated_alike(exercise_id):
    """'false' and 'misleading' both pass; a reason naming no reading gets the same prompt for either."""
    inputs = _n_inputs(exercise_id)
    k = exercise_id.split(".")[1]
    unnamed = "DS1 ran its ion engine in 1998, nine years before Dawn"
    readings = (("false", "1998, before Dawn: a different claim"), ("misleading", "1998: qualifier left out"))
    for verdict, named in readings:
        for reason in ("", unnamed):
            result = check(exercise_id, verdict, **inputs, reason=reason)
            assert result.ok and f"reason_{k}" in result.message, (verdict, reason)
        assert "Name your reading" in check(exercise_id, verdict, **inputs, reason=unnamed).message
        assert "Name your reading" not in check(exercise_id, verdict, **inputs, reason=named).message
    # a wrong verdict with a reading named is still wrong
    assert not check(exercise_id, "true", **inputs, reason="a different claim, qualifier left out").ok


def _n_inputs(exercise_id):
    if exercise_id == "08.4":
        return dict(
            dawn_launch=fact("dawn.launch"),
            earlier_first_use=fact("ds1.first_thrust"),
            record_wording=fact("dawn.first_ion_science"),
        )
    if exercise_id == "08.10":
        return dict(claimed_first=fact("dawn.ceres_arrival"), earlier_with_earth=fact("smart1.lunar_orbit"))
    return dict(claimed_aim="volcanic activity", stated_aims=(fact("dawn.science_goal"),))


@pytest.mark.parametrize(("exercise_id", "other", "named", "unnamed"), SECOND_READINGS)
def test_the_second_defensible_verdict_counts_only_with_its_reading_named(exercise_id, other, named, unnamed):
    """Trying the verdict words in turn earns no tick: the other reading needs a reason that names it."""
    inputs = _n_inputs(exercise_id)
    reason_var = "reason_" + exercise_id.split(".")[1]
    for reason in ("", unnamed, None):
        blocked = check(exercise_id, other, **inputs, **({} if reason is None else {"reason": reason}))
        assert blocked.status == "incorrect" and "counts here only with the reading" in blocked.message
        assert reason_var in blocked.message and "Traceback" not in blocked.message
    passed = check(exercise_id, other, **inputs, reason=named)
    assert passed.ok and passed.message.startswith("Defensible")
    assert check(exercise_id, other.upper(), **inputs, reason=named.upper()).ok  # any case
    # the lesson's own verdict still passes with any reason, or none yet (asked for one)
    expected = _expected_answer(exercise_id, **inputs)
    assert expected != other and check(exercise_id, expected, **inputs, reason=unnamed).ok
    assert check(exercise_id, expected, **inputs, reason="").ok
    # a wrong verdict with a reason naming a reading is still wrong
    wrong = next(v for v in F.VERDICTS if v not in (expected, other))
    assert not check(exercise_id, wrong, **inputs, reason=named).ok


@pytest.mark.parametrize(("exercise_id", "answer"), [("08.5", "answer_5"), ("08.6", "answer_6")])
def test_the_placeholder_comment_names_a_conversion_that_passes(exercise_id, answer):
    """ifov is in µrad: the comment's route, ifov_rad (the notebook's ifov.to_value(u.rad)), reaches the check."""
    nb = (ROOT / "notebooks" / "08-fact-check.ipynb").read_text(encoding="utf-8")
    line = next(x for x in nb.splitlines() if f"{answer} = ..." in x)
    defined = next(x for x in nb.splitlines() if '"ifov_rad = ' in x)
    assert "ifov.to_value(u.rad)" in defined and "dimensionless_angles" not in line  # one recipe, as in the text
    if exercise_id == "08.5":
        assert "ifov_rad" in line
    ifov, facula = fact("fc.ifov"), fact("occator.cerealia_facula_size")
    if exercise_id == "08.5":
        d = fact("news.distance_image")
        given = (facula / (d * ifov.to_value(u.rad))).to_value(u.one)
        assert check("08.5", given, size=facula, distance=d, ifov=ifov).ok
    else:
        given = (facula / 20 / ifov.to_value(u.rad)).to(u.km)
        assert check("08.6", given, size=facula, pixels=20, ifov=ifov).ok


def test_exercise_6_the_ifov_left_in_microradians_gets_the_unit_hint():
    """facula / n / ifov.value (the µrad number read as radians) is named as such, as in exercise 5."""
    ifov, facula = fact("fc.ifov"), fact("occator.cerealia_facula_size")
    result = check("08.6", facula / 20 / ifov.value, size=facula, pixels=20, ifov=ifov)
    assert not result.ok and "microradians" in result.message and "close" not in result.message.lower()


@pytest.mark.parametrize("words", ["the story's claim is broader than NASA's", "NASA's narrower wording"])
def test_exercise_9_misleading_with_a_broader_or_narrower_reading_is_not_asked_for_one(words):
    arrival, smart1 = fact("dawn.ceres_arrival"), fact("smart1.lunar_orbit")
    reason = f"SMART-1 orbited Earth, then the Moon from {smart1.iso[:10]}; {words}"
    result = check("08.10", "misleading", claimed_first=arrival, earlier_with_earth=smart1, reason=reason)
    assert result.ok and "name your reading" not in result.message.lower()


def test_no_public_factcheck_name_returns_a_verdict_exercise_asks_for():
    """Tab completion on `fc.` offers no function that, called with an exercise's own inputs, follows its answer.

    A function "follows" an exercise when it passes the check for every case of a group whose right verdicts
    differ (one "false" word for any two different dates answers nothing)."""
    a, d = fact("dawn.vesta_arrival"), fact("dawn.vesta_departure")
    ceres, spot, pluto = fact("dawn.ceres_arrival"), fact("ceres.approach_spot"), fact("newhorizons.pluto_flyby")
    reason = "the dates, and the rule: within one month, or one earlier example"
    stays = [  # exercise 3 with the story's 14 months (true) and with 18 (false)
        ("08.3", dict(arrival=a, departure=d, claimed_months=m, reason=reason), [(a, d, m * F.MONTH), (a, d, m)])
        for m in (14, 18)
    ]
    firsts = [  # exercises 7 and 9 (false, true), and 7 read the other way round (true)
        ("08.7", dict(claimed_first=ceres, earlier=spot, reason=reason), [(ceres, spot)]),
        ("08.9", dict(claimed_first=ceres, earlier=pluto, reason=reason), [(ceres, pluto)]),
        ("08.7", dict(claimed_first=spot, earlier=ceres, reason=reason), [(spot, ceres)]),
    ]
    for group in (stays, firsts):
        for name in (n for n in dir(F) if not n.startswith("_")):
            func = getattr(F, name)
            if not callable(func) or isinstance(func, type):
                continue
            for k in range(len(group[0][2])):
                passed = []
                for exercise, kw, calls in group:
                    try:
                        result = func(*calls[k])
                    except Exception:
                        result = None
                    passed.append(isinstance(result, str) and check(exercise, result, **kw).ok)
                assert not all(passed), (name, [e for e, _, _ in group])
    assert F._judge_first(ceres, spot) == "false" and F._judge_first(ceres, pluto) == "true"  # the private one does


def test_no_variable_of_the_class_path_holds_exercise_5_or_6s_answer():
    """Names left by the cells up to Exercise 7's evidence answer neither exercise 5 nor exercise 6."""
    from notebook_namespace import namespace_until

    ns, _ = namespace_until("08-fact-check.ipynb", "# your verdicts and reasons from Exercises 4 and 7", before=True)
    five = dict(size=ns["facula"], distance=ns["distance_image"], ifov=ns["ifov"])
    six = dict(size=ns["facula"], pixels=ns["n_pixels"], ifov=ns["ifov"])
    for name, value in ns.items():
        if name.startswith("answer_") or not isinstance(value, u.Quantity):
            continue
        for v in np.atleast_1d(value).ravel()[:1000]:
            assert not check("08.5", v, **five).ok, name
            assert not check("08.6", v, **six).ok, name
    for name, value in ns.items():
        if isinstance(value, dict) and not name.startswith("_"):
            for k, v in value.items():
                if isinstance(v, (float, u.Quantity)):
                    length = v * u.km if isinstance(v, float) else v
                    assert not check("08.5", v, **five).ok, (name, k)
                    assert not check("08.6", length, **six).ok, (name, k)


def test_exercise_2_a_stay_in_days_divided_by_a_month_still_in_days_gets_its_hint():
    a, d = fact("dawn.vesta_arrival"), fact("dawn.vesta_departure")
    inputs = dict(arrival=a, departure=d, claimed_months=14)
    for days_per_month in (30, 30.44):
        kept = check("08.2", (d - a).to(u.day) / days_per_month, **inputs)
        assert kept.status == "incorrect" and "its unit is 'd'" in kept.message
    assert check("08.2", (d - a).to_value(u.day) / 30.44 * F.MONTH, **inputs).ok
    story = check("08.2", 14 * F.MONTH, **inputs)
    assert "story's figure" in story.message and "keep one decimal" in story.message


def test_a_reason_that_is_not_text_is_shown_as_one_still_to_write():
    """``reason_3 = 13.7`` or ``reason_3 = print(...)``: the table's cell says what to do, with no traceback."""
    for reason, kind in ((13.7, "float"), (None, "NoneType")):
        verdict = F.your_verdict("N09", "true", reason, accepted=True)
        assert verdict.verdict == "true"
        assert verdict.reason.startswith("yours: no reason in quotes yet") and f"(got a {kind})" in verdict.reason


def test_a_verdict_written_as_a_sentence_counts_and_one_claim_id_without_a_comma_is_named():
    aim = dict(claimed_aim="volcanic activity", stated_aims=("to learn how the solar system formed",))
    for answer in ("Cannot be checked.", "cannot be checked!", "Can't be checked"):
        assert check("08.11", answer, **aim, reason="no source states that aim").ok, answer
    assert not check("08.11", "True.", **aim, reason="no source states that aim").ok
    told = check("08.1", {"N05": "number"}, claims=F.load_claims(), claim_ids=("N05"))
    assert not told.ok and "('N05',)" in told.message


def test_exercise_2_takes_a_one_element_array_of_months():
    from utils.exercises.lesson08 import MONTH
    from utils.facts import fact

    kw = dict(arrival=fact("dawn.vesta_arrival"), departure=fact("dawn.vesta_departure"))
    stay = (kw["departure"] - kw["arrival"]).to(MONTH)
    assert check("08.2", np.array([stay.value]) * MONTH, **kw).ok


def test_a_reason_that_backs_the_other_verdict_is_told_to_agree():
    """Exercises 4 and 10: a verdict whose reason names only the other reading is asked to make them agree."""
    four = dict(dawn_launch=fact("dawn.launch"), earlier_first_use=fact("ds1.first_thrust"))
    four["record_wording"] = fact("dawn.first_ion_science")
    ten = dict(claimed_first=fact("dawn.ceres_arrival"), earlier_with_earth=fact("smart1.lunar_orbit"))
    for exercise_id, inputs, word in (("08.4", four, "science-only"), ("08.10", ten, "extraterrestrial")):
        qualifier = f"Deep Space 1 came first; NASA's qualifier '{word}' left out"
        strict = "Deep Space 1 came first; read as printed, the words are contradicted"
        for verdict, reason in (("false", qualifier), ("misleading", strict)):
            result = check(exercise_id, verdict, **inputs, reason=reason)
            if verdict == "false":
                # a 'false' may weigh the qualifier too (exercise 4 asks it to): no clash; its own reading is asked
                assert result.ok and "Name your reading" in result.message, result
                continue
            assert not result.ok and "disagree" in result.message, (exercise_id, verdict)
            assert "Defensible" not in result.message
        assert check(exercise_id, "false", **inputs, reason=strict).ok
        assert check(exercise_id, "misleading", **inputs, reason=qualifier).ok


@pytest.mark.parametrize("exercise_id", ["08.4", "08.10"])
def test_a_reason_that_rejects_the_other_reading_does_not_clash(exercise_id):
    """A qualifier weighed and rejected ("no qualifier saves it") backs 'false'; a rejected strict reading backs
    'misleading'. A 'false' that names the qualifier without a negation is asked for its own reading, not told
    it clashes (exercise 4 asks a 'false' to argue the qualifier too)."""
    inputs = _n_inputs(exercise_id)
    for reason in (
        "DS1 ran its ion engine 1998-11-10, before Dawn's launch 2007-09-27; no qualifier in the story saves it",
        "SMART-1 orbited Earth then the Moon in 2004, before Dawn; Earth is a body, no qualifier in the story",
        "an earlier craft came first and nothing was left out",
        "1998 came first, without a qualifier to narrow it",
    ):
        result = check(exercise_id, "false", **inputs, reason=reason)
        assert result.ok and "disagree" not in result.message, reason
    rejected_strict = check(
        exercise_id, "misleading", **inputs, reason="1998 came first, but it is not a different claim"
    )
    assert rejected_strict.ok and "disagree" not in rejected_strict.message
    named = check(exercise_id, "false", **inputs, reason="1998 came first; the story dropped NASA's qualifier")
    assert named.ok and "Name your reading" in named.message, named  # no clash: its own reading is asked for


def test_exercise_10_misleading_needs_russells_february_words_not_the_mission_paper():
    n20 = dict(claimed_aim="volcanic activity", stated_aims=(fact("dawn.science_goal"),))
    aim_paper = check("08.11", "misleading", **n20, reason="Russell et al. 2004 states the mission's aim")
    assert not aim_paper.ok
    feb = check("08.11", "misleading", **n20, reason="Russell's February 2015 hedge became the orbit's aim")
    assert feb.ok


@pytest.mark.parametrize(
    ("exercise_id", "answer"),
    [("08.2", 1.1 * u.yr), ("08.2", 13 * F.MONTH), ("08.5", 14), ("08.6", 5000 * u.km)],
)
def test_a_right_answer_rounded_too_far_is_told_so(exercise_id, answer):
    inputs = {
        "08.2": dict(arrival=fact("dawn.vesta_arrival"), departure=fact("dawn.vesta_departure"), claimed_months=14),
        "08.5": dict(
            size=fact("occator.cerealia_facula_size"), distance=fact("news.distance_image"), ifov=fact("fc.ifov")
        ),
        "08.6": dict(size=fact("occator.cerealia_facula_size"), pixels=20, ifov=fact("fc.ifov")),
    }[exercise_id]
    result = check(exercise_id, answer, **inputs)
    told = "whole pixels" if exercise_id == "08.5" else "rounded too much"  # 14 for 14.7: a count cut, not rounded
    if exercise_id == "08.2" and answer.unit == F.MONTH:
        told = "cut the months to a whole number"  # 13 for 13.7: cut, not rounded
    assert result.status == "incorrect" and told in result.message, result.message
    # the story's own 14 months keeps its own hint
    if exercise_id == "08.2":
        assert "story's figure" in check("08.2", 14 * F.MONTH, **inputs).message


def test_exercise_2_months_cut_to_a_whole_number_are_not_called_near():
    """13 * MONTH for a 13.7-month stay is a truncation: its own neutral hint, not a near miss."""
    inputs = dict(arrival=fact("dawn.vesta_arrival"), departure=fact("dawn.vesta_departure"), claimed_months=14)
    for answer in (13 * F.MONTH, 13.0 * F.MONTH):
        result = check("08.2", answer, **inputs)
        assert result.status == "incorrect", result.message
        assert "cut the months to a whole number" in result.message and "part of a month" in result.message
        assert "close" not in result.message.lower() and "13.7" not in result.message
        assert "Check your subtraction" not in result.message


def test_exercise_6_the_pixel_size_alone_gets_the_missing_step():
    inputs = dict(size=fact("occator.cerealia_facula_size"), pixels=20, ifov=fact("fc.ifov"))
    pixel = (inputs["size"] / 20).to(u.km)  # 0.5 km: the ground one pixel must cover
    result = check("08.6", pixel, **inputs)
    assert result.status == "incorrect" and "divide it by the IFOV" in result.message, result.message
    assert "close" not in result.message.lower()


def test_exercise_2_a_dimensionless_quantity_is_a_plain_number():
    """13.7 * u.one has no unit of time, like 13.7: both get the note to attach one, not a tick."""
    kw = dict(arrival=fact("dawn.vesta_arrival"), departure=fact("dawn.vesta_departure"))
    months = round((kw["departure"] - kw["arrival"]).to_value(F.MONTH), 1)
    for answer in (months, months * u.one, months * u.dimensionless_unscaled):
        result = check("08.2", answer, **kw)
        assert not result.ok and "no unit" in result.message, answer
    assert check("08.2", (kw["departure"] - kw["arrival"]).to(F.MONTH), **kw).ok


@pytest.mark.parametrize("exercise_id", ["08.4", "08.10"])
def test_a_reason_that_rejects_its_own_verdicts_reading_is_not_accepted(exercise_id):
    """'misleading' with "no qualifier saves it" argues for 'false': not accepted, and told why; 'false' with
    "not a different claim" likewise. The same words back the other verdict."""
    inputs = _n_inputs(exercise_id)
    for verdict, reason in (
        ("misleading", "DS1 1998 before 2007; no qualifier saves it"),
        ("false", "1998 came first, but it is not a different claim"),
    ):
        result = check(exercise_id, verdict, **inputs, reason=reason)
        assert result.status == "incorrect" and "rejects the reading" in result.message, (verdict, reason)
        assert "Defensible" not in result.message and "By the rule" not in result.message
    # a reading named as well as one rejected still counts
    assert check(exercise_id, "misleading", **inputs, reason="not a different claim: a qualifier left out").ok


@pytest.mark.parametrize(
    ("exercise_id", "make"),
    [
        ("08.5", lambda s, d, i: (s / (d * i.to_value(u.rad))).to_value(u.one)),
        ("08.6", lambda s, d, i: (s / 20 / i.to_value(u.rad)).to(u.km)),
    ],
)
def test_the_wider_15_km_deposit_gets_its_own_hint(exercise_id, make):
    ifov, facula, wide = (
        fact("fc.ifov"),
        fact("occator.cerealia_facula_size"),
        fact("occator.cerealia_facula_size_apod"),
    )
    d = fact("news.distance_image")
    inputs = dict(size=facula, ifov=ifov, **({"distance": d} if exercise_id == "08.5" else {"pixels": 20}))
    result = check(exercise_id, make(wide, d, ifov), **inputs)
    assert (
        result.status == "incorrect"
        and "wider bright deposit" in result.message
        and "close" not in result.message.lower()
    )
    assert check(exercise_id, make(facula, d, ifov), **inputs).ok
    # an instructor who sets size to the wide deposit gets it accepted, with no such hint
    wide_inputs = dict(inputs, size=wide)
    assert check(exercise_id, make(wide, d, ifov), **wide_inputs).ok


def test_the_verdict_table_names_the_reason_variable_and_its_type():
    n11 = dict(claimed_first=fact("dawn.ceres_arrival"), earlier=fact("ceres.approach_spot"))
    number = F.your_checked_verdict("N11", "08.7", "false", 42, **n11)
    assert "write reason_7 as text" in number.reason and "(got an int)" in number.reason
    empty = F.your_checked_verdict("N11", "08.7", "false", "", **n11)
    assert "reason_7" in empty.reason and "reason_ " not in empty.reason


def test_exercise_2_reads_the_prediction_back_only_once_the_duration_is_right():
    arrival, departure = fact("dawn.vesta_arrival"), fact("dawn.vesta_departure")
    stay = (departure - arrival).to(F.MONTH)
    inputs = dict(arrival=arrival, departure=departure, claimed_months=14)
    right = check("08.2", stay, prediction="fewer", **inputs)
    assert right.ok and "You predicted 'fewer': right" in right.message
    wrong_guess = check("08.2", stay, prediction="More", **inputs)
    assert wrong_guess.ok and "'more': not this time" in wrong_guess.message
    empty = check("08.2", stay, prediction="", **inputs)  # a left-empty prediction gets a nudge, no verdict on it
    assert empty.ok and "You left prediction_2 empty" in empty.message and "fewer" not in empty.message, empty
    assert "predict" not in check("08.2", stay, **inputs).message.lower()  # no prediction passed: nothing said
    assert "'more' or 'fewer'" in check("08.2", stay, prediction="maybe", **inputs).message
    # a full stop, or a phrase with one meaning, reads as that word; a negated one is asked again
    for said in ("Fewer.", "less than 14"):
        assert "': right" in check("08.2", stay, prediction=said, **inputs).message, said
    assert "'more' or 'fewer'" in check("08.2", stay, prediction="not more", **inputs).message
    # before the duration is right, the prediction is not judged (that would name the answer)
    for answer in (14 * F.MONTH, 1.1 * u.yr, ...):
        assert "predict" not in check("08.2", answer, prediction="more", **inputs).message.lower()
    # a longer claimed stay turns the comparison round
    assert "'more': right" in check("08.2", stay, prediction="more", **dict(inputs, claimed_months=10)).message


def test_exercise_4_false_with_its_reading_is_asked_to_argue_misleading_too():
    inputs = dict(
        dawn_launch=fact("dawn.launch"),
        earlier_first_use=fact("ds1.first_thrust"),
        record_wording=fact("dawn.first_ion_science"),
    )
    ask = "a reader calling it misleading"
    false_only = check("08.4", "false", reason="DS1 1998 before Dawn 2007: as printed, one earlier example", **inputs)
    assert false_only.ok and ask in false_only.message
    both = "DS1 1998 before Dawn 2007: as printed, false; misleading to a reader, since it dropped NASA's qualifier"
    assert ask not in check("08.4", "false", reason=both, **inputs).message
    qualified = check("08.4", "misleading", reason="DS1 1998, Dawn 2007; the story left out the qualifier", **inputs)
    assert qualified.ok and ask not in qualified.message
    # with no narrower wording in the record, "false" is the one answer and nothing more is asked
    plain = check("08.4", "false", reason="DS1 1998 before Dawn 2007: as printed", **dict(inputs, record_wording=""))
    assert plain.ok and ask not in plain.message


def test_a_date_verdict_whose_reason_names_no_date_or_number_is_asked_for_them():
    stay = dict(
        arrival=fact("dawn.vesta_arrival"), departure=fact("dawn.vesta_departure"), claimed_months=14, reason=None
    )
    spot, arrival = Time("2015-01-13"), Time("2015-03-06")
    for exercise_id, inputs, verdict in (
        ("08.3", stay, "true"),
        ("08.7", dict(claimed_first=arrival, earlier=spot, reason=None), "false"),
    ):
        bare = check(exercise_id, verdict, **{**inputs, "reason": "because it is what the record says"})
        assert bare.ok and "names no date or number" in bare.message and "graded by hand" in bare.message, bare
        argued = check(exercise_id, verdict, **{**inputs, "reason": "13.7 months against 14; spot 2015-01-13 first"})
        assert argued.ok and "names no date" not in argued.message, argued
        wrong = check(exercise_id, "misleading", **{**inputs, "reason": "because it is what the record says"})
        assert not wrong.ok and "names no date" not in wrong.message


def test_exercise_6_the_ifov_multiplied_in_gets_its_own_hint():
    inputs = dict(size=fact("occator.cerealia_facula_size"), pixels=20, ifov=fact("fc.ifov"))
    slip = (inputs["size"] / 20 * inputs["ifov"].to_value(u.rad)).to(u.km)
    result = check("08.6", slip, **inputs)
    assert result.status == "incorrect" and "multiplied by the IFOV" in result.message, result


def test_exercise_2_a_count_in_30_day_months_is_named_and_not_accepted():
    arrival, departure = fact("dawn.vesta_arrival"), fact("dawn.vesta_departure")
    inputs = dict(arrival=arrival, departure=departure, claimed_months=14)
    days = (departure - arrival).to_value(u.day)
    thirty = check("08.2", days / 30 * F.MONTH, **inputs)
    assert thirty.status == "incorrect" and "30-day months" in thirty.message, thirty
    right = check("08.2", (departure - arrival).to(F.MONTH), **inputs)
    assert right.ok and "30-day" not in right.message, right


@pytest.mark.parametrize("verdict", ["false", "misleading"])
@pytest.mark.parametrize(
    "words", ["DS1 came before Dawn", "an earlier example, DS1", "a comparable example came before"]
)
def test_exercise_4_evidence_both_readings_share_is_not_a_reading(verdict, words):
    """Words that state the evidence (DS1 came first) name neither line of the rule: either verdict passes and
    is asked to name its reading, and neither is told that its reason disagrees with it."""
    inputs = dict(
        dawn_launch=fact("dawn.launch"),
        earlier_first_use=fact("ds1.first_thrust"),
        record_wording=fact("dawn.first_ion_science"),
    )
    result = check("08.4", verdict, reason=f"DS1 1998-11-10, Dawn 2007-09-27: {words}", **inputs)
    assert result.ok and "Name your reading" in result.message, result.message
    assert "disagree" not in result.message and "'line 1'" in result.message, result.message


def test_exercise_4_the_first_line_named_gets_the_false_note():
    inputs = dict(
        dawn_launch=fact("dawn.launch"),
        earlier_first_use=fact("ds1.first_thrust"),
        record_wording=fact("dawn.first_ion_science"),
    )
    result = check(
        "08.4", "false", reason="DS1 1998-11-10 came before Dawn 2007-09-27: the rule's first line", **inputs
    )
    assert result.ok and "Name your reading" not in result.message, result.message
    assert "by the rule's first line, on the story's words" in result.message


def test_exercise_10_evidence_is_not_a_reading():
    """The reader's case: 'misleading' with 'SMART-1 2004 came before Dawn 2015' is not told it disagrees."""
    result = check("08.10", "misleading", reason="SMART-1 2004 came before Dawn 2015", **_n_inputs("08.10"))
    assert result.ok and "disagree" not in result.message and "Name your reading" in result.message, result.message


def _inputs_4():
    return dict(
        dawn_launch=fact("dawn.launch"),
        earlier_first_use=fact("ds1.first_thrust"),
        record_wording=fact("dawn.first_ion_science"),
    )


@pytest.mark.parametrize(
    "reason",
    [
        "DS1 1998-11-10 before Dawn 2007-09-27 (rule 1: an earlier comparable example). But a reader could say "
        "misleading, because the story dropped 'science'",
        "DS1 1998-11-10, Dawn 2007-09-27, by the first rule. Could be misleading: NASA's qualifier was omitted",
        "DS1 1998-11-10, Dawn 2007-09-27: line one. A reader could call it misleading, a qualifier was left out",
    ],
)
def test_exercise_4_false_with_the_asked_line_on_misleading_is_not_a_clash(reason):
    """Exercise 4 asks a 'false' for one more line on the misleading reading: naming it is no clash."""
    result = check("08.4", "false", reason=reason, **_inputs_4())
    assert result.ok and "disagree" not in result.message and "Name your reading" not in result.message, result


def test_exercise_4_false_arguing_only_the_other_reading_is_asked_for_its_own():
    reason = "DS1 1998-11-10, Dawn 2007-09-27. A reader could call it misleading: the qualifier was left out"
    result = check("08.4", "false", reason=reason, **_inputs_4())
    assert result.ok and "Name your reading" in result.message and "disagree" not in result.message, result


@pytest.mark.parametrize(
    ("verdict", "words"),
    [
        ("false", "line one"),
        ("false", "rule one"),
        ("false", "rule 1"),
        ("misleading", "line two"),
        ("misleading", "rule 2"),
        ("misleading", "the second rule"),
    ],
)
def test_exercise_4_other_ways_to_name_the_line(verdict, words):
    result = check("08.4", verdict, reason=f"DS1 1998-11-10, Dawn 2007-09-27: {words}", **_inputs_4())
    assert result.ok and "Name your reading" not in result.message and "disagree" not in result.message, result


def test_exercise_10_rule_1_with_the_qualifier_named_is_not_a_clash():
    result = check(
        "08.10",
        "false",
        reason="SMART-1 2004 before Dawn 2015 (rule 1); the qualifier was dropped",
        **_n_inputs("08.10"),
    )
    assert result.ok and "disagree" not in result.message, result


@pytest.mark.parametrize(
    ("reason", "asked"),
    [
        ("", "Now write your one-line reason"),  # nothing written yet: the reason first
        ("DS1 1998 came before Dawn 2007", "Name your reading"),  # a reason: then its reading
        ("first line", "very short"),  # a reading with no evidence: the evidence
    ],
)
def test_exercise_4_false_asks_for_one_thing_at_a_time(reason, asked):
    """A 'false' is asked for one thing per message: the reason, then its reading (with the narrowing word the
    task asks for), and only once both are there the line on the misleading reading."""
    result = check("08.4", "false", reason=reason, **_inputs_4())
    assert result.ok and asked in result.message, result.message
    requests = ("Now write your one-line reason", "Name your reading", "very short", "Now add one line")
    assert sum(r in result.message for r in requests) == 1, result.message
    assert result.message.count("Now ") <= 1, result.message
    named = check("08.4", "false", reason="DS1 1998 came before Dawn 2007: first line", **_inputs_4())
    assert named.ok and "Now add one line" in named.message and "Name your reading" not in named.message


@pytest.mark.parametrize("reason", ["", "DS1 1998-11-10 came before Dawn 2007-09-27"])
def test_exercise_4_misleading_is_not_handed_the_qualifier_before_naming_a_reading(reason):
    """The right-answer note quotes the qualifier; a reason that names no reading is not given it."""
    result = check("08.4", "misleading", reason=reason, **_inputs_4())
    assert result.ok and "devoted exclusively" not in result.message, result.message
    line = check("08.4", "misleading", reason=f"{reason} second line: the qualifier was left out", **_inputs_4())
    assert line.ok and "devoted exclusively" not in line.message, line.message  # the line alone: not the word
    named = check("08.4", "misleading", reason=f"{reason} second line: 'science' was left out", **_inputs_4())
    assert named.ok and "devoted exclusively" in named.message, named.message


def test_exercise_2_wants_the_one_decimal_stay_and_not_30_day_months():
    arrival, departure = fact("dawn.vesta_arrival"), fact("dawn.vesta_departure")
    inputs = dict(arrival=arrival, departure=departure, claimed_months=14)
    for right in (13.7 * F.MONTH, 1.14 * u.yr, (departure - arrival).to(u.day)):
        assert check("08.2", right, **inputs).ok, right
    for loose in (13.5 * F.MONTH, 13.55 * F.MONTH):
        assert not check("08.2", loose, **inputs).ok, loose
    days = (departure - arrival).to_value(u.day)
    thirty = check("08.2", round(days / 30, 1) * F.MONTH, **inputs)
    assert thirty.status == "incorrect" and "30-day months" in thirty.message, thirty


def test_exercise_2_near_misses_in_the_decimal_get_their_own_hints():
    """13.9 MONTH (30-day months) is not yet right; 13.8 is told to keep its own decimal; 13.6 is calendar months."""
    arrival, departure = fact("dawn.vesta_arrival"), fact("dawn.vesta_departure")
    inputs = dict(arrival=arrival, departure=departure, claimed_months=14)
    right = (departure - arrival).to_value(F.MONTH)
    thirty = check("08.2", 13.9 * F.MONTH, **inputs)
    assert thirty.status == "incorrect" and "30-day months" in thirty.message, thirty
    decimal = check("08.2", 13.8 * F.MONTH, **inputs)
    assert decimal.status == "incorrect" and "the one your calculation gives" in decimal.message, decimal
    calendar = check("08.2", 13.6 * F.MONTH, **inputs)
    assert calendar.status == "incorrect" and "calendar months" in calendar.message, calendar
    for result in (thirty, decimal, calendar):
        assert "close" not in result.message.lower() and f"{right:.1f}" not in result.message, result.message


def test_exercise_2_a_bare_number_is_told_its_unit_first():
    arrival, departure = fact("dawn.vesta_arrival"), fact("dawn.vesta_departure")
    inputs = dict(arrival=arrival, departure=departure, claimed_months=14)
    for bare in ((departure - arrival).jd / 30, 13.9):
        result = check("08.2", bare, **inputs)
        assert result.status == "invalid" and result.message.startswith("Your answer has no unit"), result
        assert "30-day months" in result.message, result.message
    for bare in (13.8, 13.7):
        result = check("08.2", bare, **inputs)
        assert result.status == "invalid" and result.message.startswith("Your answer has no unit"), result
        assert "30-day" not in result.message, result.message


def test_exercise_10_false_that_weighs_the_dropped_qualifier_is_not_a_clash():
    """The reader's case: 'false' with SMART-1's date and the qualifier NASA used is a sound reason."""
    reason = (
        "SMART-1 orbited Earth and then the Moon from 2004-11-15, before Dawn, so the story is wrong; "
        "it left out NASA's qualifier extraterrestrial"
    )
    result = check("08.10", "false", reason=reason, **_n_inputs("08.10"))
    assert result.ok and "disagree" not in result.message, result.message


@pytest.mark.parametrize("exercise_id", ["08.4", "08.10"])
@pytest.mark.parametrize("words", ["second line", "rule 2", "line two"])
def test_false_whose_reason_names_the_second_line_is_told_that_line_leads_to_misleading(exercise_id, words):
    """A 'false' that names the rule's second line is neither told it applied the first line nor asked to name
    a reading it already named: it is told the second line leads to 'misleading', and asked to change the
    verdict or say why it set the qualifier aside."""
    inputs = _inputs_4() if exercise_id == "08.4" else _n_inputs(exercise_id)
    reason = f"1998 vs 2007, {words}" if exercise_id == "08.4" else f"SMART-1 2004 before Dawn 2015, {words}"
    result = check(exercise_id, "false", reason=reason, **inputs)
    assert result.status == "incorrect", result
    assert "second line" in result.message and "leads to 'misleading'" in result.message, result.message
    assert "set the qualifier aside" in result.message and "Change the verdict" in result.message
    assert "first line" not in result.message and "Name your reading" not in result.message, result.message
    # the qualifier weighed and set aside, with the story's words as printed: no clash
    aside = check(exercise_id, "false", reason=f"{reason}, set aside: as printed it is false", **inputs)
    assert aside.ok and "disagree" not in aside.message and "leads to 'misleading'" not in aside.message, aside


@pytest.mark.parametrize(
    ("exercise_id", "verdict", "reason"),
    [
        ("08.4", "misleading", "DS1 1998, Dawn 2007"),
        ("08.10", "misleading", "SMART-1 2004-11-15"),
    ],
)
def test_a_reason_naming_no_reading_gets_a_message_with_no_stray_space(exercise_id, verdict, reason):
    inputs = _inputs_4() if exercise_id == "08.4" else _n_inputs(exercise_id)
    result = check(exercise_id, verdict, reason=reason, **inputs)
    assert result.ok and result.message == result.message.strip() and "  " not in result.message, repr(result)


def test_exercise_10_false_names_no_craft_the_student_did_not_name():
    result = check("08.10", "false", reason="Apollo 8 1968 orbited Earth then Moon, first line", **_n_inputs("08.10"))
    assert result.ok and "SMART-1" not in result.message, result.message


def test_exercise_11_misleading_must_name_a_source_not_overstates_alone():
    aims = _n_inputs("08.11")
    for vague in ("the story overstates", "the story overstated it, a hedged guess"):
        result = check("08.11", "misleading", reason=vague, **aims)
        assert result.status == "incorrect" and "Russell" not in result.message, result
        assert "whose words" in result.message, result.message
    for sourced in (
        "Russell's words in Feb 2015 were a hedge; the story overstates",
        "Russell only hoped for better resolution; the story made it the aim",
        "a guess made before arrival became the stated aim",
    ):
        assert check("08.11", "misleading", reason=sourced, **aims).ok, sourced


def test_exercise_2_the_storys_14_months_does_not_say_the_stay_rounds_to_it():
    arrival, departure = fact("dawn.vesta_arrival"), fact("dawn.vesta_departure")
    result = check("08.2", 14 * F.MONTH, arrival=arrival, departure=departure, claimed_months=14)
    assert not result.ok and "story's figure" in result.message, result
    assert "round" not in result.message.lower(), result.message


def test_exercise_7_a_craft_name_is_not_a_date():
    inputs = dict(claimed_first=Time("2015-03-06"), earlier=Time("2015-01-13"))
    for bare in ("DS1", "SMART-1 RC3"):
        result = check("08.7", "false", reason=bare, **inputs)
        assert result.ok and "names no date or number" in result.message, (bare, result.message)
    assert "names no date" not in check("08.7", "false", reason="spot 2015-01-13, orbit 2015-03-06", **inputs).message


def test_exercise_1_a_wrong_try_gives_the_count_and_one_question_and_the_general_hint_once():
    """Six wrong kinds: the count, one question on the first claim, the general question once at the end."""
    claims = F.load_claims()
    answer = {"N05": "date", "N06": "number", "N09": "interpretation", "N12": "interpretation", "N13": "first"}
    answer["N19"] = "first"
    result = check("08.1", answer, claims=claims, claim_ids=list(answer))
    lines = result.message.split("\n")
    assert not result.ok and lines[0] == "0 of 6 claims sorted right." and len(lines) == 3, lines
    assert lines[1].startswith("Look again at N05.") and len(lines[1].split()) < 25, lines
    assert result.message.count("Ask what the claim asserts") == 1 and "Ask what the claim asserts" in lines[-1]
    assert result.message.count("main verb asserting") == 1
    assert len(result.message.split()) < 60, len(result.message.split())
    assert result._repr_html_().count("<br>") == 2


def test_exercise_1_changing_one_kind_at_a_time_learns_no_more_than_the_count():
    """A brute-force run (every kind of every claim in turn): no wrong try names a claim other than the one it
    asks about, says 'right' of any claim or shows a borderline note; all right, each claim's line appears."""
    claims = F.load_claims()
    kinds = {cid: F._claim_kind(claims, cid) for cid in IDS}
    answer = dict.fromkeys(IDS, "date")
    for cid in IDS:
        for kind in F.KINDS:
            answer[cid] = kind
            result = check("08.1", answer, claims=claims, claim_ids=IDS)
            if result.ok:
                continue
            asked = re.findall(r"N\d\d", result.message)
            assert len(asked) == 1 and f"Look again at {asked[0]}." in result.message, result.message
            assert "right." not in result.message.replace("sorted right.", "") and "Defensible" not in result.message
            assert kinds[asked[0]] not in result.message.lower() and "close" not in result.message.lower()
        answer[cid] = kinds[cid]
    done = check("08.1", answer, claims=claims, claim_ids=IDS)
    assert done.ok and all(f"{cid}: right." in done.message for cid in IDS), done.message
    borderline = check("08.1", {**kinds, "N09": "number"}, claims=claims, claim_ids=IDS)
    assert borderline.ok and "N09: Defensible" in borderline.message


def test_exercise_1_a_partial_or_badly_written_answer_gets_no_count():
    claims = F.load_claims()
    kinds = {cid: F._claim_kind(claims, cid) for cid in IDS}
    partial = check("08.1", {"N05": "date", "N06": kinds["N06"]}, claims=claims, claim_ids=IDS)
    assert partial.status == "unanswered" and "sorted right" not in partial.message, partial.message
    bad = check("08.1", {**kinds, "N05": "date", "N13": "opinion"}, claims=claims, claim_ids=IDS)
    assert bad.status == "invalid" and "sorted right" not in bad.message and "N13: Please answer" in bad.message
    assert "N05" not in bad.message


def test_exercise_4_an_accepted_false_gets_two_short_sentences():
    """'false' with its reading named: the defensible note and the one-line request, no extra sentence."""
    result = check("08.4", "false", reason="DS1 1998-11-10 before Dawn 2007-09-27; first line", **_inputs_4())
    assert result.ok and "a reader calling it misleading" in result.message, result.message
    assert "Both lines of the rule fit" not in result.message and "Name your reading" not in result.message
    assert result.message.count(". ") <= 3 and len(result.message.split()) < 50, result.message
    argued = "DS1 1998-11-10 before Dawn 2007-09-27; first line. Misleading to a reader: it dropped 'science'"
    assert "Both lines of the rule fit" in check("08.4", "false", reason=argued, **_inputs_4()).message


def _inputs_5():
    return dict(size=fact("occator.cerealia_facula_size"), distance=fact("news.distance_image"), ifov=fact("fc.ifov"))


def test_exercise_5_the_pixel_size_alone_is_told_to_divide_the_facula_by_it():
    scale = (fact("news.distance_image") * fact("fc.ifov").to_value(u.rad)).to_value(u.km)
    for answer in (0.6786, round(scale, 3), scale):
        result = check("08.5", answer, **_inputs_5())
        assert result.status == "incorrect" and "one pixel's ground size" in result.message, (answer, result)
        assert "close" not in result.message.lower()


@pytest.mark.parametrize("answer", [15.0, 15])
def test_exercise_5_a_whole_number_is_told_to_keep_its_decimal(answer):
    result = check("08.5", answer, **_inputs_5())
    assert result.status == "incorrect" and "keep the decimal your calculation gives" in result.message, result
    assert "one decimal, as the exercise asks" not in result.message


def test_exercise_6_the_fraction_upside_down_is_named():
    """n_pixels / facula / ifov_rad (1/km) is the fraction turned over, not a missing step."""
    facula, ifov = fact("occator.cerealia_facula_size"), fact("fc.ifov")
    inputs = dict(size=facula, pixels=20, ifov=ifov)
    for answer in (20 / facula / ifov.to_value(u.rad), 20 / facula / ifov):
        result = check("08.6", answer, **inputs)
        assert result.status == "incorrect" and "upside down" in result.message, result
        assert "step is missing" not in result.message and "close" not in result.message.lower()
    assert check("08.6", facula / 20 / ifov.to_value(u.rad), **inputs).ok
    assert check("08.6", 3 / u.km, **inputs).status == "invalid"  # another 1/km: the unit hint as before


@pytest.mark.parametrize("word", ["cant be checked", "Cant check"])
def test_cant_without_an_apostrophe_is_a_verdict(word):
    assert F.verdict_word(word) == "cannot be checked"


@pytest.mark.parametrize(
    ("claim_id", "kind", "asked"),
    [
        ("N19", "interpretation", "explain or judge something"),  # "leads the mission from UCLA" as a judgement
        ("N13", "date", "a day or a duration"),
    ],
)
def test_exercise_1_two_likely_confusions_get_a_targeted_question(claim_id, kind, asked):
    claims = F.load_claims()
    answer = {cid: F._claim_kind(claims, cid) for cid in IDS}
    answer[claim_id] = kind
    result = check("08.1", answer, claims=claims, claim_ids=IDS)
    line = next(line for line in result.message.split("\n") if line.startswith(f"Look again at {claim_id}."))
    assert not result.ok and asked in line, result.message
    assert F._claim_kind(claims, claim_id) not in line and "close" not in result.message.lower()


@pytest.mark.parametrize("answer", [14.5, 14.9, 14.5 * u.one])
def test_exercise_5_a_count_drifted_by_rounding_is_told_to_keep_every_figure(answer):
    result = check("08.5", answer, **_inputs_5())
    assert result.status == "incorrect" and "keeping every figure" in result.message, result.message
    assert "close" not in result.message.lower() and "14.7" not in result.message


def test_exercise_5_keep_every_figure_leaves_the_other_hints_alone():
    assert "rounded too much" in check("08.5", 15, **_inputs_5()).message  # two figures: the rounding note
    assert "0.7 km" in check("08.5", 14.3, **_inputs_5()).message  # NASA's caption pixel keeps its own hint
    assert "keeping every figure" not in check("08.5", 13.0, **_inputs_5()).message  # too far off: the method


def test_exercise_11_right_answer_says_what_cannot_be_checked_means_here():
    reason = "no source in our facts table states the June orbit's aim; the 2020 finding is a result"
    result = check("08.11", "cannot be checked", reason=reason, **_n_inputs("08.11"))
    assert result.ok and "not decided by the sources we hold" in result.message, result.message


_OUTCOME = re.compile(
    r"\b(true|false|misleading|held up|holds? up|fail(s|ed)?|wrong|right|correct|needed a qualifier)\b", re.I
)
_ASKED = re.compile(r"\b(first|stay|Vesta|months?|numbers?|dates?|pixels?|N\d\d)", re.I)


def test_the_summary_names_no_verdict_for_a_claim_an_exercise_asks_about():
    """The Summary sits after the exercises but many read it first: it says what was done, not what was found."""
    nb = nbtools.student_version(nbtools.read(ROOT / "notebooks" / "08-fact-check.ipynb"))
    text = "\n".join(nbtools.source(c) for c in nb.cells if c.cell_type == "markdown")
    summary = re.search(r"^## Summary\n(.*?)(?=^##+ )", text, re.M | re.S).group(1)
    sentences = re.split(r"(?<=[.;?!])\s+|\n- ", summary)
    statements = [s for s in sentences if not s.rstrip().endswith("?")]  # a question asks, it does not tell
    told = [s for s in statements if _ASKED.search(s) and _OUTCOME.search(s)]
    assert not told, told
    old = 'In class, the numbers you checked held up, while the two "firsts" failed on a date.'
    assert _ASKED.search(old) and _OUTCOME.search(old)  # the kind of sentence this test refuses


def _sentences(message):
    return len([s for s in re.split(r"(?<=[.?!])\s+", message.strip()) if s])


def test_exercise_4_false_follows_the_task_and_asks_for_both_at_once():
    """The line-1 template asks for the dates and the line. A 'false' naming no line is asked for it (under an
    'unfinished reason' heading, not 'Correct'); one that names its line and the optional word passes with no
    request."""
    unnamed = check("08.4", "false", reason="DS1 1998, Dawn 2007, an earlier example came before", **_inputs_4())
    assert unnamed.ok and "Name your reading" in unnamed.message and "line 1" in unnamed.message
    assert "not finished" in str(unnamed) and "Correct." not in str(unnamed)
    assert "Both lines" not in unnamed.message and _sentences(unnamed.message) <= 2, unnamed.message
    both = "DS1 1998 before Dawn 2007: first line; a misleading reader would point to the dropped word 'science'"
    done = check("08.4", "false", reason=both, **_inputs_4())
    assert done.ok and "Name your reading" not in done.message and "Now add" not in done.message
    assert _sentences(done.message) <= 2, done.message
    right = check("08.4", "misleading", reason="DS1 1998, Dawn 2007, second line", **_inputs_4())
    assert right.ok and _sentences(right.message) <= 2, right.message


def test_exercise_4_prompt_is_the_rule_and_template_and_the_feedback_says_both_lines_fit():
    nb = nbtools.read(ROOT / "notebooks" / "08-fact-check.ipynb")
    text = "\n".join(nbtools.source(c) for c in nb.cells if "### Exercise 4" in nbtools.source(c))
    assert "The rule for a" in text and "line 2, qualifier: <word>" in text and "When both lines fit" not in text
    reason = "DS1 1998-11-10 vs Dawn 2007-09-27; line {}; qualifier: devoted exclusively to science"
    for verdict, line in (("false", 1), ("misleading", 2)):
        result = check("08.4", verdict, reason=reason.format(line), **_inputs_4())
        assert result.ok and "Both lines" in result.message and "earns the point too" in result.message, result


@pytest.mark.parametrize(
    ("exercise_id", "verdict", "reason"),
    [
        (
            "08.10",
            "misleading",
            "SMART-1 2004 orbited Earth then Moon; second line, the story dropped 'extraterrestrial'",
        ),
        ("08.10", "false", "SMART-1 2004, first line"),
        ("08.11", "cannot be checked", "no source in the facts table states the June aim; Russell 2004: origins"),
        ("08.11", "misleading", "Russell's Feb 2015 words were a hedged guess"),
    ],
)
def test_accepted_verdicts_of_10_and_11_get_at_most_two_sentences(exercise_id, verdict, reason):
    result = check(exercise_id, verdict, reason=reason, **_n_inputs(exercise_id))
    assert result.ok and _sentences(result.message) <= 2, result.message


@pytest.mark.parametrize("months", [13.6, 13.8])
def test_exercise_2_a_stay_off_in_its_decimal_is_told_to_keep_one_decimal(months):
    inputs = dict(
        arrival=fact("dawn.vesta_arrival"), departure=fact("dawn.vesta_departure"), claimed_months=14, prediction=""
    )
    result = check("08.2", months * F.MONTH, **inputs)
    assert not result.ok and "keep one decimal" in result.message and "close" not in result.message.lower()
    nb = nbtools.read(ROOT / "notebooks" / "08-fact-check.ipynb")
    task = next(nbtools.source(c) for c in nb.cells if "### Exercise 2" in nbtools.source(c))
    assert "keeping one decimal" in task


def _cell_with(needle):
    nb = nbtools.read(ROOT / "notebooks" / "08-fact-check.ipynb")
    return next(nbtools.source(c) for c in nb.cells if c.cell_type == "code" and needle in nbtools.source(c))


@pytest.mark.parametrize(
    ("said", "read", "told"),
    [
        ("", (None, None, None), "Fill in"),
        ("up", (None, None, None), "Fill in"),
        ("Up", "model", "Right!"),
        ("down", "model", "Open the box"),
        ("up", (0.11, 0.11, 0.11), "look again"),
    ],
)
def test_the_slider_prediction_and_readings_are_read_back(said, read, told, capsys):
    """The Try it's prediction and the three reflectances the student read live in prediction_slider and
    read_values; the next cell compares each reading with the model at its stop, and never prints the model's."""
    from notebook_namespace import namespace_until

    ns, _ = namespace_until("08-fact-check.ipynb", "widgets.interact(", before=True)
    assert 'prediction_slider = ""' in _cell_with("prediction_slider = ")
    assert "read_values = (None, None, None)" in _cell_with("prediction_slider = ")
    if read == "model":
        stops = ("13 Jan 2015 images", "RC3", "Survey")
        pixel = {s: ns["marks"][s] * u.km * ns["ifov"].to_value(u.rad) for s in stops}
        read = tuple(
            round(float(ns["utils"].imaging.pixelate(ns["model"], ns["FIELD"], pixel[s])[0].max()), 2) for s in stops
        )
    ns["prediction_slider"], ns["read_values"] = said, read
    capsys.readouterr()  # only the readback cell's output below
    exec(_cell_with("fc.read_back_slider("), ns)
    out = capsys.readouterr().out
    assert told in out, out
    if told in ("Right!", "Open the box"):
        assert "went up" in out and "RC3" in out and "look again" not in out, out
    printed = {float(x) for x in re.findall(r"\d\.\d+", out)}
    assert printed <= {float(x) for x in (read if None not in read else ())}, out


@pytest.mark.parametrize(
    ("read", "told"),
    [
        ((0.11, 0.21, 0.40), "look again"),  # one reading off: no "Right!" after a "look again"
        ((11, 40, 40), "look again"),  # percentages, not reflectances
        ((0.40, 0.40, 0.40), "look again"),
    ],
)
def test_the_slider_readback_says_right_only_when_every_reading_matches(read, told, capsys):
    from notebook_namespace import namespace_until

    ns, _ = namespace_until("08-fact-check.ipynb", "widgets.interact(", before=True)
    ns["prediction_slider"], ns["read_values"] = "up", read
    capsys.readouterr()
    exec(_cell_with("fc.read_back_slider("), ns)
    out = capsys.readouterr().out
    assert told in out and "Right!" not in out and "went same" not in out, out
    assert "Read again" in out, out


def test_the_slider_readback_says_stayed_the_same():
    """Readings that do not change are read back as 'stayed the same', never 'went same'."""
    import inspect

    code = inspect.getsource(F.read_back_slider)
    assert '"stayed the same"' in code and "went {went}" not in code
    ns = dict(model=np.full((40, 40), 0.4), field=120 * u.km, ifov=93.7 * u.urad)
    stops = {"far": 300_000, "mid": 13_000, "near": 4_000}
    out = F.read_back_slider("same", (0.4, 0.4, 0.4), distances=stops, **ns)
    assert "stayed the same" in out and "Right!" in out, out


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("model", np.ones((3, 4))),
        ("model", "abc"),
        ("field", 5),
        ("ifov", 3 * u.km),
        ("distances", [1, 2, 3]),
        ("distances", {"a": 1, "b": 2}),
        ("distances", {"a": -1, "b": 2, "c": 3}),
        ("prediction", 3),
    ],
)
def test_the_slider_readback_helper_names_a_bad_argument(name, value):
    args = slider_readback_args()
    args[name] = value
    with pytest.raises((TypeError, ValueError, u.UnitsError)) as error:
        F.read_back_slider(**args)
    assert name in str(error.value), error.value


def test_rerunning_the_n01_cell_keeps_later_verdicts_and_the_table_lists_missing_ones(capsys):
    """verdicts is made once, in the show cell: rerunning the N01 cell after Exercise 7 keeps N11 and N12,
    and the homework table names each expected claim that is missing, not only those set to None."""
    from notebook_namespace import namespace_until

    ns, _ = namespace_until("08-fact-check.ipynb", "widgets.interact(", before=True)
    exec(_cell_with("def show("), ns)
    assert "verdicts = {}" not in _cell_with("news_closer = None")
    exec(_cell_with("news_closer = None"), ns)
    for cid in ("N11", "N12"):  # as Exercise 7's cell files them
        ns["verdicts"][cid] = F.Verdict(cid, "false", "a reason")
    exec(_cell_with("news_closer = None").replace("news_closer = None", "news_closer = news_d < rc3_d"), ns)
    assert {"N01", "N11", "N12"} <= set(ns["verdicts"]) and ns["verdicts"]["N11"] is not None
    capsys.readouterr()
    exec(_cell_with("Not in the table yet"), ns)
    out = capsys.readouterr().out
    waiting = next(line for line in out.splitlines() if "Not in the table yet" in line).split("):")[1]
    assert "N09" in waiting and "N11" not in waiting and "N01" not in waiting, waiting
    ns["verdicts"].pop("N12")  # missing, not None: still named
    exec(_cell_with("Not in the table yet"), ns)
    out = capsys.readouterr().out
    assert "N12" in next(line for line in out.splitlines() if "Not in the table yet" in line).split("):")[1]


@pytest.mark.parametrize(
    ("line", "verdict"), [(None, None), ("news_d < rc3_d", "true"), ("news_d * ifov_rad < rc3_d * ifov_rad", "true")]
)
def test_the_n01_verdict_waits_for_the_students_comparison(line, verdict, capsys):
    """The default runs and says what to write; the student's comparison gives the verdict."""
    from notebook_namespace import namespace_until

    ns, _ = namespace_until("08-fact-check.ipynb", "widgets.interact(", before=True)
    exec(_cell_with("def show("), ns)
    code = _cell_with("news_closer = None")
    exec(code if line is None else code.replace("news_closer = None", f"news_closer = {line}"), ns)
    out = capsys.readouterr().out
    if verdict is None:
        assert ns["verdicts"]["N01"] is None and "news_closer" in out
    else:
        assert ns["verdicts"]["N01"].verdict == verdict and "waits" not in out


@pytest.mark.parametrize(
    ("line", "told"),
    [
        ('"yes"', "Write a comparison"),
        ("1", "Write a comparison"),
        ("True", "not True or False typed in"),  # a typed-in bool is not a comparison: no verdict from it
        ("False", "not True or False typed in"),
        ("news_d > rc3_d", "really farther than 13,500 km"),
    ],
)
def test_the_n01_line_questions_a_non_comparison_or_the_reversed_one(line, told, capsys):
    """A value that is not a comparison is asked for one, and the reversed comparison is questioned: neither
    files a verdict (the reversed one would file a wrong 'false' beside evidence that contradicts it)."""
    from notebook_namespace import namespace_until

    ns, _ = namespace_until("08-fact-check.ipynb", "widgets.interact(", before=True)
    exec(_cell_with("def show("), ns)
    capsys.readouterr()  # only the N01 cell's output below
    exec(_cell_with("news_closer = None").replace("news_closer = None", f"news_closer = {line}"), ns)
    out = capsys.readouterr().out
    assert ns["verdicts"]["N01"] is None and told in out, out
    assert "✘" not in out and "✔" not in out


def test_the_answer_key_fills_the_n01_line(capsys):
    """The instructor version (solution cells kept) fills the comparison, so N01 is in its verdict table."""
    from notebook_namespace import namespace_until

    nb = nbtools.read(ROOT / "notebooks" / "08-fact-check.ipynb")
    code = [c for c in nb.cells if c.cell_type == "code"]
    at = next(k for k, c in enumerate(code) if "news_closer = None" in nbtools.source(c))
    solution = code[at + 1]
    assert nbtools.is_solution(solution) and "news_closer = news_d * ifov_rad < rc3_d * ifov_rad" in nbtools.source(
        solution
    )
    assert "(news_d, <, rc3_d)" not in nbtools.source(code[at])
    ns, _ = namespace_until("08-fact-check.ipynb", "widgets.interact(", before=True)
    exec(_cell_with("def show("), ns)
    exec(nbtools.source(code[at]), ns)
    exec(nbtools.source(solution), ns)
    assert ns["verdicts"]["N01"].verdict == "true" and "7,200 km" in ns["verdicts"]["N01"].reason


@pytest.mark.parametrize(
    ("verdict", "reason"),
    [
        ("false", "DS1 1998-11-10 vs Dawn 2007-09-27; line 1; qualifier: devoted exclusively to science"),
        ("misleading", "DS1 1998-11-10 vs Dawn 2007-09-27; line 2; qualifier: devoted exclusively to science"),
    ],
)
def test_exercise_4_the_filled_template_passes_in_one_run(verdict, reason):
    """The prompt's template (dates, line, qualifier) filled in: either verdict passes with nothing more asked."""
    nb = (ROOT / "notebooks" / "08-fact-check.ipynb").read_text(encoding="utf-8")
    assert all(template in nb for template in TEMPLATES_4)
    result = check("08.4", verdict, **_inputs_4(), reason=reason)
    assert result.ok, result.message
    for asked in ("Name your reading", "Now add", "disagree", "template"):
        assert asked not in result.message, result.message


@pytest.mark.parametrize("verdict", ["false", "misleading"])
def test_exercise_4_a_template_left_unfilled_is_asked_to_be_filled(verdict):
    reason = "DS1 <date> vs Dawn <date>; line <1 or 2>; qualifier: <...>"
    result = check("08.4", verdict, **_inputs_4(), reason=reason)
    assert "still holds a <...> of the template" in result.message, result.message
    assert "close" not in result.message.lower()


def test_exercises_5_and_6_tolerances_follow_the_asked_precision_and_the_rounded_count_is_named():
    """About 0.4 % for exercise 5 (one decimal of 14.7: its half-unit), for exercise 6 the three figures it asks;
    5,431 km (the news distance scaled by 15 pixels, exercise 5 rounded too far) is told the count was rounded too
    far, not accepted."""
    ifov, facula, d = fact("fc.ifov"), fact("occator.cerealia_facula_size"), fact("news.distance_image")
    five, six = dict(size=facula, distance=d, ifov=ifov), dict(size=facula, pixels=20, ifov=ifov)
    count = float((facula / (d * ifov.to_value(u.rad))).to_value(u.one))
    far = (facula / 20 / ifov.to_value(u.rad)).to(u.km)
    for exercise_id, right, inputs, tol in (("08.5", count, five, 0.004),):
        inside, outside = 1 + 0.9 * tol, 1 + 1.2 * tol
        assert check(exercise_id, right * inside, **inputs).ok and check(exercise_id, right / inside, **inputs).ok
        assert not check(exercise_id, right * outside, **inputs).ok
        assert not check(exercise_id, right / outside, **inputs).ok
    for off, ok in ((-4, True), (4, True), (8, True), (-6, False), (14, False)):  # 5,336 km: 5,340 to three figures
        assert check("08.6", far + off * u.km, **six).ok is ok, off
    assert check("08.6", 5340 * u.km, **six).ok  # three figures
    assert "keep three significant figures" in check("08.6", 5300 * u.km, **six).message  # two figures
    assert check("08.6", 5332 * u.km, **six).ok  # RC3's 7.9 pixels scaled by distance: proportional reasoning
    assert "rounded too much" in check("08.6", 5000 * u.km, **six).message
    scaled = (d * 15 / 20).to(u.km)  # 5,431 km
    result = check("08.6", scaled, **six)
    assert not result.ok and "rounded too far" in result.message and "close" not in result.message.lower()
    assert not check("08.6", scaled.to(u.imperial.mi), **six).ok


def test_exercise_2_a_calendar_count_is_named():
    """13 calendar months and 20 of August's 31 days, 13.6: told it counted calendar months (no 'close')."""
    a, d = fact("dawn.vesta_arrival"), fact("dawn.vesta_departure")
    inputs = dict(arrival=a, departure=d, claimed_months=14)
    result = check("08.2", 13.6 * F.MONTH, **inputs)
    assert not result.ok and "calendar months" in result.message and "close" not in result.message.lower()
    assert check("08.2", 13.7 * F.MONTH, **inputs).ok and check("08.2", (d - a).to(F.MONTH), **inputs).ok
    assert "calendar" not in check("08.2", 13.0 * F.MONTH, **inputs).message  # cut to whole months: its own hint


def test_exercise_4_false_with_qualifier_none_is_asked_for_the_narrowing_word():
    reason = "DS1 1998-11-10 vs Dawn 2007-09-27; line 1; qualifier: none"
    result = check("08.4", "false", reason=reason, **_inputs_4())
    assert "qualifier: none" in result.message and "narrowing word" in result.message, result.message
    assert "devoted exclusively" not in result.message, result.message
    named = check("08.4", "false", reason=reason.replace("none", "devoted exclusively to science"), **_inputs_4())
    assert named.ok and "narrowing word" not in named.message, named.message


def test_exercise_1_reads_plural_kinds_as_the_singular():
    claims = F.load_claims()
    kinds = {cid: F._claim_kind(claims, cid) for cid in IDS}
    plural = {cid: kind + "s" for cid, kind in kinds.items()}
    assert {"dates", "firsts", "interpretations"} <= set(plural.values())
    result = check("08.1", plural, claims=claims, claim_ids=IDS)
    assert result.ok and "Please answer with one of" not in result.message, result.message


def test_the_dates_homework_asks_the_student_to_call_date_matches_for_n10(capsys):
    """The default runs and says what to fill; the answer key's call gives True for N10."""
    nb = nbtools.read(ROOT / "notebooks" / "08-fact-check.ipynb")
    code = [c for c in nb.cells if c.cell_type == "code"]
    at = next(k for k, c in enumerate(code) if "n10_matches = None" in nbtools.source(c))
    student, solution = nbtools.source(code[at]), code[at + 1]
    assert "date_matches(claimed_n10" not in student  # the call is the student's to write
    ns = {"fc": F, "fact": fact, "claims": F.load_claims()}
    exec(student, ns)
    assert "Fill in n10_matches" in capsys.readouterr().out
    assert nbtools.is_solution(solution)
    exec(nbtools.source(solution), ns)
    assert ns["n10_matches"] is True or bool(ns["n10_matches"]) is True


def test_the_n10_line_explains_a_false_from_the_equals_slip(capsys):
    """The natural slip claimed_n10 == record_n10 prints 'match: False' and one line on why: the record has a
    time of day, and fc.date_matches compares calendar days. The answer key's call prints no such line."""
    nb = nbtools.read(ROOT / "notebooks" / "08-fact-check.ipynb")
    code = [c for c in nb.cells if c.cell_type == "code"]
    student = next(nbtools.source(c) for c in code if "n10_matches = None" in nbtools.source(c))
    ns = {"fc": F, "fact": fact, "claims": F.load_claims()}
    _run_as_cell(student.replace("n10_matches = None", "n10_matches = claimed_n10 == record_n10"), ns)
    out = capsys.readouterr().out
    assert "match: False" in out and "fc.date_matches compares calendar days" in out, out
    exec(student.replace("n10_matches = None", "n10_matches = fc.date_matches(claimed_n10, record_n10)"), ns)
    out = capsys.readouterr().out
    assert "match: True" in out and "calendar days" not in out, out


def test_the_slider_readback_keeps_the_sliders_stops_and_reads_typed_text(capsys):
    """Running the Try it's readback must leave the slider's `stops` as they were (the slider cell can be run
    again), and a reading typed in quotes is read as its number."""
    from notebook_namespace import namespace_until

    ns, _ = namespace_until("08-fact-check.ipynb", "widgets.interact(", before=True)
    stops_before = list(ns["stops"])
    ns["prediction_slider"], ns["read_values"] = "up", ("0.11", "0.11", "0.11")
    exec(_cell_with("fc.read_back_slider("), ns)
    out = capsys.readouterr().out
    assert "look again" in out, out
    assert list(ns["stops"]) == stops_before


def test_the_n01_cell_shows_the_students_line_and_one_call():
    """The grading of the N01 line lives in utils (fc.your_compared_verdict): the cell holds the distances, the
    student's line and one call, and no grading logic."""
    code = _cell_with("news_closer = None")
    assert "fc.your_compared_verdict(" in code and "\nif " not in code and "isinstance" not in code
    assert len(code.splitlines()) <= 7, code


@pytest.mark.parametrize(
    "reason",
    [
        "DS1 1998-11-10 vs Dawn 2007-09-27; line 1; qualifier: science",
        "DS1 1998-11-10 vs Dawn 2007-09-27; line 1; qualifier: none",
    ],
)
def test_exercise_4_misleading_with_the_first_line_named_is_a_clash(reason):
    """The first line leads to 'false', as the second line leads to 'misleading': a reason naming only the first
    line does not pass with 'misleading' (the same check 'false' with 'line 2' already gets)."""
    n12 = _inputs_4()
    result = check("08.4", "misleading", **n12, reason=reason)
    assert result.status == "incorrect" and "first line" in result.message and "'false'" in result.message, result
    right = "DS1 1998-11-10 vs Dawn 2007-09-27; line 2; qualifier: devoted exclusively to science"
    assert check("08.4", "misleading", **n12, reason=right).ok
    assert check("08.4", "false", **n12, reason="DS1 1998-11-10 vs Dawn 2007-09-27; line 1; qualifier: science").ok


_DS1 = "DS1 1998-11-10 vs Dawn 2007-09-27"


@pytest.mark.parametrize(
    ("verdict", "reason", "action"),
    [
        ("misleading", "", "Now write your one-line reason in reason_4"),
        ("false", "", "Now write your one-line reason in reason_4"),
        ("misleading", "ok", "Add to reason_4"),
        ("misleading", "DS1 1998 vs Dawn 2007", "Name your reading in reason_4"),
        ("false", "DS1 1998 vs Dawn 2007", "Name your reading in reason_4"),
        ("false", f"{_DS1}; first line", "Now add one line to reason_4"),
        ("false", f"{_DS1}; line 1; qualifier: none", "Now add one line to reason_4"),
        ("false", f"{_DS1}; line 2; qualifier: science", "Change the verdict"),
        ("misleading", f"{_DS1}; line 1; qualifier: science", "Change the verdict"),
        ("misleading", f"{_DS1}; line 1; qualifier: none", "Change the verdict"),
        ("misleading", "DS1 1998 vs Dawn 2007; first line", "Change the verdict"),
        ("misleading", "1998 vs 2007, no qualifier matters", "Change the verdict"),
        ("false", "DS1 <date> vs Dawn <date>; line <1 or 2>; qualifier: <...>", "Replace each <...> in reason_4"),
    ],
)
def test_exercise_4_a_message_with_something_to_do_leads_with_it(verdict, reason, action):
    """The one action first, in one sentence, then at most one sentence of why."""
    result = check("08.4", verdict, reason=reason, **_inputs_4())
    assert result.message.startswith(action), result.message
    sentences = re.split(r"(?<=[.?])\s+(?=[A-Z'])", result.message)
    assert len(sentences) <= 2, sentences
    assert "close" not in result.message.lower() and "devoted exclusively" not in result.message


@pytest.mark.parametrize("answer", [14, 14.0, 14 * u.one])
def test_exercise_5_whole_pixels_are_told_the_fraction_is_asked_without_bounding_the_answer(answer):
    result = check("08.5", answer, **_inputs_5())
    assert result.status == "incorrect" and "whole pixels only" in result.message, result.message
    assert "part of a pixel too" in result.message
    assert "one more" not in result.message and "15" not in result.message and "14." not in result.message
    assert "close" not in result.message.lower()


@pytest.mark.parametrize("read", [(0.11, 0.40), ("a", "b", "c"), 0.11, (0.11, 0.40, 0.40, 0.40)])
def test_the_slider_readback_asks_for_three_numbers_rather_than_failing(read, capsys):
    """Two readings, text, a single number or four readings get the cell's 'Fill in' message, not a traceback."""
    from notebook_namespace import namespace_until

    ns, _ = namespace_until("08-fact-check.ipynb", "widgets.interact(", before=True)
    ns["prediction_slider"], ns["read_values"] = "up", read
    capsys.readouterr()
    exec(_cell_with("fc.read_back_slider("), ns)
    out = capsys.readouterr().out
    assert "Fill in" in out and "3 numbers" in out and "Right!" not in out, out


def test_the_instructor_page_is_short_and_links_the_note_on_the_checks():
    """The instructor page keeps the answers, rubrics and timings; the check internals live in a linked note,
    which the site's instructor toc picks up with every page of docs/instructors."""
    guide = ROOT / "docs" / "instructors"
    page = (guide / "08-fact-check.md").read_text(encoding="utf-8")
    note = (guide / "checks-08-fact-check.md").read_text(encoding="utf-8")
    assert "](checks-08-fact-check.md" in page and "](08-fact-check.md)" in note
    assert len(page) < 30_000, len(page)
    assert "You left prediction_2 empty" in note and "a Python bool" in note


def test_the_sliders_figure_caption_holds_the_key_to_the_picture():
    """The key to the model picture (the reflectance bar, the rim, the ring) is in the figure's caption, not in
    the box opened after the Try it."""
    nb = nbtools.read(ROOT / "notebooks" / "08-fact-check.ipynb")
    texts = [nbtools.source(c) for c in nb.cells if c.cell_type == "markdown"]
    caption = next(t for t in texts if t.startswith("*Figure: a schematic"))
    assert "bar on the right" in caption and "crater" in caption and "indigo edge" in caption
    box = next(t for t in texts if t.startswith("<details><summary>After you have read the three values"))
    assert "indigo" not in box and "Dashed" not in box


# --- the qualifier slot of exercise 4, the N01 helper, the predictions and exercise 5's decimal ------------------
@pytest.mark.parametrize("verdict", ["false", "misleading"])
@pytest.mark.parametrize("word", ["ion", "NASA", "ion-driven", "spacecraft", "first"])
def test_exercise_4_a_qualifier_that_does_not_narrow_the_claim_is_not_counted(verdict, word):
    """'qualifier: ion' narrows nothing: the verdict is marked as with an empty slot, never ✘ for trying, and the
    request to change the word comes first. It says what a qualifier must do without naming NASA's word."""
    line = 1 if verdict == "false" else 2
    result = check("08.4", verdict, reason=f"{_DS1}; line {line}; qualifier: {word}", **_inputs_4())
    empty = check("08.4", verdict, reason=f"{_DS1}; line {line}", **_inputs_4())
    assert result.status == empty.status == "correct", (result, empty)
    assert result.message.startswith("Change the word after 'qualifier:'"), result.message
    assert "this word does not narrow the claim the way NASA's wording does" in result.message
    assert "already has" not in result.message
    assert "close" not in result.message.lower()
    for hidden in ("science", "exclusively", "devoted"):
        assert hidden not in result.message, result.message


@pytest.mark.parametrize("verdict", ["false", "misleading"])
@pytest.mark.parametrize(
    "word",
    [
        "science-only",
        "devoted exclusively to science",
        "science",
        "only scientific",
        "research",
        "research-only",
        "scientific research",
        "solely for research",
    ],
)
def test_exercise_4_a_narrowing_qualifier_in_nasas_words_passes_with_either_verdict(verdict, word):
    from utils.exercises.lesson08 import NARROWING_QUALIFIERS

    assert any(w in word for w in NARROWING_QUALIFIERS)
    line = 1 if verdict == "false" else 2
    assert check("08.4", verdict, reason=f"{_DS1}; line {line}; qualifier: {word}", **_inputs_4()).ok


def test_exercise_4_the_narrowing_words_stay_out_of_the_student_prompt():
    """The list of accepted qualifiers lives in utils: the prompt asks for the word, never gives it."""
    nb = nbtools.read(ROOT / "notebooks" / "08-fact-check.ipynb")
    text = "\n".join(nbtools.source(c) for c in nb.cells if "### Exercise 4" in nbtools.source(c))
    for word in ("science", "exclusively", "devoted"):
        assert word not in text.lower(), word


#: Exercise 4's two templates, one per line of the rule: a line-1 student is not asked to voice the other reading.
TEMPLATES_4 = (
    "DS1 <date> vs Dawn <date>; line 1: <which came first>",
    "DS1 <date> vs Dawn <date>; line 2, qualifier: <word>",
)


def _table_rows(text):
    return [line for line in text.splitlines() if re.match(r"\s*\| \*(false|misleading)\* \|", line)]


def test_exercise_4_prompt_and_instructor_pages_give_the_same_table():
    """One template per line of the rule, word for word in the notebook's prompt and on both instructor pages;
    no table of what each verdict writes is left anywhere."""
    nb = nbtools.read(ROOT / "notebooks" / "08-fact-check.ipynb")
    prompt = "\n".join(nbtools.source(c) for c in nb.cells if "### Exercise 4" in nbtools.source(c))
    assert all(template in prompt for template in TEMPLATES_4) and not _table_rows(prompt)
    for page in ("08-fact-check.md", "checks-08-fact-check.md"):
        text = (ROOT / "docs" / "instructors" / page).read_text()
        assert all(template in text for template in TEMPLATES_4) and not _table_rows(text), page


def test_your_compared_verdict_files_a_verdict_only_for_a_right_comparison():
    news, rc3 = fact("news.distance_image"), fact("ceres.orbit_rc3_altitude")
    verdict, note = F.your_compared_verdict("N01", news < rc3, news, rc3, "RC3", name="news_closer")
    assert verdict.verdict == "true" and note == "" and "7,200 km" in verdict.reason and "RC3" in verdict.reason
    for typed, said in ((True, "not True or False typed in"), (None, "Fill in"), ("yes", "holds a str"), (1, "int")):
        verdict, note = F.your_compared_verdict("N01", typed, news, rc3, "RC3", name="news_closer")
        assert verdict is None and "news_closer" in note and said in note and "comparison" in note, note
    verdict, note = F.your_compared_verdict("N01", news > rc3, news, rc3, "RC3")
    assert verdict is None and "really farther than 13,500 km" in note
    # a farther claim: the right comparison (False) files 'false'
    verdict, _ = F.your_compared_verdict("N01", rc3 < news, rc3, news, "the news image")
    assert verdict.verdict == "false"


@pytest.mark.parametrize(
    ("kwargs", "error", "word"),
    [
        (dict(claim_id=1), TypeError, "claim_id"),
        (dict(distance=7000), (TypeError, u.UnitsError, ValueError), "distance"),
        (dict(reference=-5 * u.km), ValueError, "reference"),
        (dict(reference_name=None), TypeError, "reference_name"),
        (dict(name=""), ValueError, "name"),
    ],
)
def test_your_compared_verdict_names_a_bad_argument(kwargs, error, word):
    args = dict(claim_id="N01", comparison=np.bool_(True), distance=7000 * u.km, reference=13500 * u.km)
    with pytest.raises(error, match=word):
        F.your_compared_verdict(**{**args, **kwargs})


@pytest.mark.parametrize(
    ("said", "direction"),
    [
        *[(w, "up") for w in ("up", "increase", "it will rise", "grow", "go up", "more", "larger", "higher")],
        ("higher, then the same", "up"),  # up, then no more change: what the readings do
        *[(w, "down") for w in ("down", "decrease", "fall", "drop", "less", "smaller", "lower", "It goes down.")],
        *[(w, "same") for w in ("same", "stays the same", "no change", "unchanged")],
        *[(w, None) for w in ("", "maybe", "not up", "up or down", "the same, then higher")],
    ],
)
def test_read_prediction_understands_synonyms(said, direction):
    assert F.read_prediction(said) == direction


def test_read_prediction_wants_text():
    with pytest.raises(TypeError, match="text"):
        F.read_prediction(None)


@pytest.mark.parametrize(("said", "truth"), [("increase", "more"), ("a decrease", "fewer"), ("it will drop", "fewer")])
def test_exercise_2_reads_a_prediction_in_other_words(said, truth):
    arrival, departure = fact("dawn.vesta_arrival"), fact("dawn.vesta_departure")
    stay = (departure - arrival).to(F.MONTH)
    result = check("08.2", stay, prediction=said, arrival=arrival, departure=departure, claimed_months=14)
    assert result.ok and f"You predicted {said!r}" in result.message and "'more' or 'fewer'" not in result.message
    assert ("right" in result.message) == (truth == "fewer"), result.message


@pytest.mark.parametrize("said", ["increase", "it will rise", "higher"])
def test_the_slider_readback_reads_a_prediction_in_other_words(said, capsys):
    from notebook_namespace import namespace_until

    ns, _ = namespace_until("08-fact-check.ipynb", "widgets.interact(", before=True)
    stops = ("13 Jan 2015 images", "RC3", "Survey")
    pixel = {s: ns["marks"][s] * u.km * ns["ifov"].to_value(u.rad) for s in stops}
    read = tuple(
        round(float(ns["utils"].imaging.pixelate(ns["model"], ns["FIELD"], pixel[s])[0].max()), 2) for s in stops
    )
    ns["prediction_slider"], ns["read_values"] = said, read
    capsys.readouterr()
    exec(_cell_with("fc.read_back_slider("), ns)
    out = capsys.readouterr().out
    assert "Right!" in out and "Fill in" not in out, out


def test_the_predictions_have_their_own_cells_before_what_they_predict():
    """Exercise 2's prediction is written in its own cell before the dates are printed; the Try it's step 5 has a
    line to write in, before the box that explains."""
    nb = nbtools.read(ROOT / "notebooks" / "08-fact-check.ipynb")
    sources = [nbtools.source(c) for c in nb.cells]
    pred = next(k for k, s in enumerate(sources) if s.startswith("prediction_2 = "))
    dates = next(k for k, s in enumerate(sources) if 'print("arrival:' in s)
    assert pred < dates and nb.cells[pred].cell_type == "code" and len(sources[pred].splitlines()) == 1
    assert not any("prediction_2 = " in s for s in sources[pred + 1 :])
    why = next(k for k, s in enumerate(sources) if re.match(r'(?:#[^\n]*\n)*why_reflectance = ""', s))
    box = next(k for k, s in enumerate(sources) if "<details><summary>After you have read the three values" in s)
    assert why < box and "why_reflectance" in sources[why - 2] + sources[why - 3] + "".join(sources[why - 4 : why])


@pytest.mark.parametrize("answer", [14.6, 14.8])
def test_exercise_5_a_count_one_decimal_off_is_told_to_round_only_at_the_end(answer):
    """The exercise asks for one decimal: 14.7 passes, a count a decimal off does not, and gets the rounding
    message (round only the final count to one decimal), never 'right' or 'close'."""
    assert check("08.5", 14.7, **_inputs_5()).ok
    result = check("08.5", answer, **_inputs_5())
    assert result.status == "incorrect" and "round only the final count to one decimal" in result.message, result
    assert "close" not in result.message.lower()


def test_exercise_5_tolerance_is_the_half_unit_of_the_asked_decimal():
    right = _expected_answer("08.5", **_inputs_5())
    assert _EXERCISES["08.5"].rtol <= 0.05 / right + 1e-3  # about 0.4 %: the half-unit of one decimal
    assert check("08.5", round(right, 2), **_inputs_5()).ok


def test_exercise_4_a_quoted_qualifier_in_the_students_own_words_must_narrow_the_claim_too():
    inputs = _inputs_4()
    wrong = check("08.4", "misleading", reason=f"{_DS1}: the story left out NASA's qualifier 'ion'", **inputs)
    assert wrong.status == "correct" and "does not narrow" in wrong.message and "science" not in wrong.message
    right = check("08.4", "misleading", reason=f"{_DS1}: the story left out NASA's qualifier 'science-only'", **inputs)
    assert right.ok, right


def test_a_wrong_verdict_hint_names_the_rule_and_evidence_not_the_verdict():
    """08.7, 08.9 and 08.11: after a wrong verdict the hint points at the rule and the evidence; it names no
    verdict word that settles the answer and asks no question whose answer maps onto the verdict."""
    arrival, spot = fact("dawn.ceres_arrival"), fact("ceres.approach_spot")
    pluto, goal = fact("newhorizons.pluto_flyby"), fact("dawn.science_goal")
    cases = [
        ("08.7", dict(claimed_first=arrival, earlier=spot), "false", ("true", "misleading", "cannot be checked")),
        ("08.9", dict(claimed_first=arrival, earlier=pluto), "true", ("false", "misleading", "cannot be checked")),
        ("08.11", dict(claimed_aim="volcanic activity", stated_aims=(goal,)), "cannot be checked", ("false", "true")),
    ]
    for exercise_id, inputs, right, wrongs in cases:
        for wrong in wrongs:
            result = check(exercise_id, wrong, **inputs)
            text = result.message.lower()
            assert not result.ok, (exercise_id, wrong)
            assert f"is {right}" not in text and f"'{right}'" not in text, (exercise_id, wrong, result.message)
            for settles in ("as soon as", "simply silent", "is enough to decide", "which came first"):
                assert settles not in text, (exercise_id, wrong, result.message)


def test_exercise_4_a_tried_qualifier_is_never_marked_below_an_empty_one():
    """An empty slot and a tried word that does not narrow get the same mark; the clause's narrowing forms
    ('research', 'scientific research') pass without a request."""
    for verdict, line in (("misleading", 2), ("false", 1)):
        empty = check("08.4", verdict, reason=f"{_DS1}; line {line}", **_inputs_4())
        for word in ("ion", "mission", "enabled", "research"):
            tried = check(
                "08.4",
                verdict,
                reason=f"{_DS1}; line {line} (a reader calling it misleading would point to: {word})",
                **_inputs_4(),
            )
            assert tried.status == empty.status == "correct", (verdict, word, tried)
            assert ("does not narrow" in tried.message) == (word != "research"), (verdict, word, tried)


def test_exercise_4_prompt_has_one_optional_clause_and_no_table():
    nb = nbtools.read(ROOT / "notebooks" / "08-fact-check.ipynb")
    text = "\n".join(nbtools.source(c) for c in nb.cells if "### Exercise 4" in nbtools.source(c))
    assert all(template in text for template in TEMPLATES_4) and "would point to: <word>" not in text
    assert "| your verdict |" not in text and "would point to |" not in text


def test_matched_number_hints_of_exercises_5_and_6_state_the_cause_as_an_if():
    ifov, facula, d = fact("fc.ifov"), fact("occator.cerealia_facula_size"), fact("news.distance_image")
    five = dict(size=facula, distance=d, ifov=ifov)
    radius = fact("ceres.radius")
    plus = check("08.5", (facula / ((d + radius) * ifov.to_value(u.rad))).to_value(u.one), **five)
    assert "If you added Ceres' radius" in plus.message and "You added" not in plus.message
    centre = check("08.5", (facula / ((d - radius) * ifov.to_value(u.rad))).to_value(u.one), **five)
    assert "If you subtracted Ceres' radius" in centre.message
    wide = check("08.5", (15 * u.km / (d * ifov.to_value(u.rad))).to_value(u.one), **five)
    assert "If you used about 15 km" in wide.message, wide.message
    six = dict(size=10 * u.km, pixels=20, ifov=ifov)
    right = (10 * u.km / 20 / ifov.to_value(u.rad)).to(u.km)
    assert "If you added Ceres' radius" in check("08.6", right + radius, **six).message
    assert "If you multiplied by the IFOV" in check("08.6", (10 * u.km / 20 * ifov.to_value(u.rad)), **six).message
    for exercise in ("08.5", "08.6"):
        for mistake in _EXERCISES[exercise].mistakes:
            assert not re.search(r"(^|[.:] )You (added|subtracted|used|multiplied)", mistake.hint), mistake.hint


@pytest.mark.parametrize("bad", ["abc", "4400", None, True])
def test_the_sharpness_view_says_distance_km_must_be_a_number_of_km(bad):
    from utils.spotviews import SharpnessView

    view = SharpnessView(np.ones((40, 40)), 120 * u.km, 93.7 * u.urad, 10 * u.km, 92 * u.km)
    with pytest.raises(TypeError, match="distance_km must be a number of km"):
        view.update(bad)


@pytest.mark.parametrize(
    ("exercise_id", "verdict", "reason", "word", "named"),
    [
        ("08.4", "misleading", "DS1 1998, Dawn 2007: line 2", "devoted exclusively", "science"),
        ("08.4", "misleading", "DS1 1998, Dawn 2007: the rule's second line", "exclusively to science", "research"),
        ("08.10", "misleading", "SMART-1 2004, Dawn 2015: line 2", "beyond earth", "extraterrestrial"),
        ("08.10", "false", "SMART-1 2004 before Dawn 2015: line 1, as printed", "extraterrestrial", "beyond earth"),
        ("08.10", "false", "SMART-1 2004 before Dawn 2015: first line", "extraterrestrial", "other than earth"),
    ],
)
def test_qualifier_is_quoted_only_after_the_student_names_it(exercise_id, verdict, reason, word, named):
    """Naming the rule's line is not naming the word: NASA's qualifier waits until the reason names it."""
    inputs = _n_inputs(exercise_id)
    held = check(exercise_id, verdict, reason=reason, **inputs)
    assert word not in held.message.lower(), held.message
    assert "Which words of NASA's wording, printed above, make its claim smaller" in held.message, held.message
    for text in (None, ""):
        bare = (
            check(exercise_id, verdict, **inputs) if text is None else check(exercise_id, verdict, reason="", **inputs)
        )
        assert word not in bare.message.lower(), bare.message
    given = check(exercise_id, verdict, reason=f"{reason}; NASA's word: {named}", **inputs)
    assert given.ok and "Which words of NASA's wording" not in given.message, given.message


def test_exercise_7_answer_is_not_in_the_labels():
    """The slider's stop, the Try-it text, the timeline's label and the printed evidence name the images by
    their date, not as 'approach' pictures: that word is Exercise 7's answer (N11: seen before orbit)."""
    import json

    cells = json.loads((ROOT / "notebooks" / "08-fact-check.ipynb").read_text())["cells"]
    text = "\n".join("".join(c["source"]) for c in cells if "solution" not in c.get("metadata", {}).get("tags", []))
    for giveaway in ("first spot (approach)", "first approach picture", "noted (approach)", "noted in approach"):
        assert giveaway not in text, giveaway
    assert "13 Jan 2015 images" in text
    from utils.spotviews import dawn_distances

    assert not any("approach" in name for name in dawn_distances()[0])


# --- clarity: kinds by what a claim asserts, the N10 and N01 lines, unfinished reasons, near misses -------------
def test_the_borderline_kind_notes_give_what_the_claim_asserts_in_the_tables_words():
    """Exercise 1 sorts by what a claim asserts, not how it is checked: each accepted-answer note says what the
    claim asserts, in a phrase of the notebook's kinds table, and none files a claim by its method."""
    from utils.exercises.lesson08 import BORDERLINE

    table = _markdown_with("| kind | what the claim asserts |")
    for (claim_id, _), (_, why) in BORDERLINE.items():
        assert "the claim asserts" in why and "decide" not in why, (claim_id, why)
        phrase = re.search(r"the table's '([^']+)'", why)
        assert phrase and all(p.strip() in table for p in phrase.group(1).split(",")), (claim_id, why)
    claims = F.load_claims()
    note = check("08.1", {"N09": "number"}, claims=claims, claim_ids=["N09"]).message
    assert "how long" in note and "two dates decide" not in note


def _markdown_with(needle):
    nb = nbtools.read(ROOT / "notebooks" / "08-fact-check.ipynb")
    return next(nbtools.source(c) for c in nb.cells if c.cell_type == "markdown" and needle in nbtools.source(c))


def _n10_namespace():
    from notebook_namespace import namespace_until

    ns, _ = namespace_until("08-fact-check.ipynb", "widgets.interact(", before=True)
    exec(_cell_with("def show("), ns)
    ns["verdicts"] = {}
    return ns


def test_the_dates_cell_does_not_show_the_n10_call_or_its_verdict_before_the_line_is_filled(capsys):
    """The cell after the N10 line checks N06 and N08 in a helper and files N10 only from the student's line: its
    code holds no date_matches call to copy, and with the line blank it prints no N10 verdict."""
    code = _cell_with("fc.your_date_verdict(")
    assert "date_matches(" not in code and "month_only" not in code and "dawn.ceres_arrival" not in code
    ns = _n10_namespace()
    exec(_cell_with("n10_matches = None"), ns)
    capsys.readouterr()
    exec(code, ns)
    out = capsys.readouterr().out
    assert "N06" in out and "N08" in out and ns["verdicts"]["N10"] is None
    assert "N10 ✔" not in out and "N10 ✘" not in out and "n10_matches" in out, out
    for line, verdict in (("fc.date_matches(claimed_n10, record_n10)", "true"), ("claimed_n10 == record_n10", None)):
        exec(_cell_with("n10_matches = None").replace("n10_matches = None", f"n10_matches = {line}"), ns)
        capsys.readouterr()
        exec(code, ns)
        out = capsys.readouterr().out
        if verdict is None:
            assert ns["verdicts"]["N10"] is None and "Look again" in out and "N10 ✘" not in out, out
        else:
            assert ns["verdicts"]["N10"].verdict == verdict and ns["verdicts"]["N10"].reason.startswith("yours:")


def test_date_verdicts_reads_a_month_claim_by_its_month_and_your_date_verdict_asks_for_a_bool():
    claims = F.load_claims()
    got = F.date_verdicts(claims, {"N06": "dawn.launch", "N08": "dawn.vesta_arrival"})
    assert got["N06"].verdict == got["N08"].verdict == "true"
    for typed in (None, ..., "yes", 1):
        verdict, note = F.your_date_verdict("N10", typed, "2015-03-06", "2015-03-06T12:29", name="n10_matches")
        assert verdict is None and "n10_matches" in note
    with pytest.raises(TypeError):
        F.date_verdicts(claims, ["N06"])


def _run_as_cell(code, ns, name="<n01-cell>"):
    run_as_cell(code, ns, name)


@pytest.mark.parametrize(
    ("line", "told"),
    [
        ("news_d < 13500", "bare number"),  # a Quantity compared with a bare number: astropy would raise deep inside
        ("news_d * ifov_rad < 13500 * ifov_rad", "bare number"),
        ("news_d.value < rc3_d.value", "takes .value"),  # 4,500 (miles) against 13,500 (km)
        ("news_d.value * ifov_rad < rc3_d.value * ifov_rad", "takes .value"),
    ],
)
def test_the_n01_line_names_a_unit_slip_in_a_short_note_not_a_traceback(line, told, capsys):
    from notebook_namespace import namespace_until

    ns, _ = namespace_until("08-fact-check.ipynb", "widgets.interact(", before=True)
    exec(_cell_with("def show("), ns)
    capsys.readouterr()
    _run_as_cell(_cell_with("news_closer = None").replace("news_closer = None", f"news_closer = {line}"), ns)
    out = capsys.readouterr().out
    assert told in out and ns["verdicts"]["N01"] is None and "✔" not in out and "Traceback" not in out, out
    assert "ifov_rad" in out or "Quantities" in out


def test_the_n01_line_with_quantities_files_the_verdict(capsys):
    from notebook_namespace import namespace_until

    ns, _ = namespace_until("08-fact-check.ipynb", "widgets.interact(", before=True)
    exec(_cell_with("def show("), ns)
    line = "news_d * ifov_rad < rc3_d * ifov_rad"
    _run_as_cell(_cell_with("news_closer = None").replace("news_closer = None", f"news_closer = {line}"), ns)
    out = capsys.readouterr().out
    assert ns["verdicts"]["N01"].verdict == "true" and ".value" not in out, out
    assert "not .value" in _cell_with("news_closer = None")


def test_your_line_lets_other_errors_through_and_names_its_variable():
    with pytest.raises(ZeroDivisionError):
        with F.your_line("x"):
            1 / 0  # noqa: B018
    with pytest.raises(TypeError):
        F.your_line(3)


@pytest.mark.parametrize(
    ("said", "read", "told"),
    [
        ("not up", (0.1, 0.2, 0.4), "I could not read 'not up' as up, down or same"),
        ("up and down", (0.1, 0.2, 0.4), "I could not read 'up and down'"),
        ("up", (0.1, 0.2), "it holds 2 values"),
        ("up", (0.1, None, 0.4), "reading 2 is still None"),
        ("up", (0.1, "abc", 0.4), "reading 2 ('abc') is not a plain number"),
        ("", (0.1, 0.2, 0.4), "Fill in prediction_slider"),
    ],
)
def test_the_slider_readback_says_which_entry_it_could_not_read(said, read, told, capsys):
    from notebook_namespace import namespace_until

    ns, _ = namespace_until("08-fact-check.ipynb", "widgets.interact(", before=True)
    ns["prediction_slider"], ns["read_values"] = said, read
    capsys.readouterr()
    exec(_cell_with("fc.read_back_slider("), ns)
    out = capsys.readouterr().out
    assert told in out and "Right!" not in out, out
    if said and said != "up":
        assert "read_values" not in out, out  # the readings were filled in: only the prediction is asked for


@pytest.mark.parametrize(
    "reason",
    [
        f"{_DS1}; line 2, qualifier: ion",  # a word that does not narrow the claim
        "DS1 <date> vs Dawn <date>; line 2, qualifier: <word>",  # the template left as it is
        f"{_DS1}; line 2, qualifier: <word>",
        "",
    ],
)
def test_exercise_4_an_unfinished_reason_is_never_headed_correct(reason):
    result = check("08.4", "misleading", reason=reason, **_inputs_4())
    assert result.ok and result.status == "correct"  # the verdict itself is accepted
    shown = str(result)
    assert shown.startswith("⚠") and "Verdict accepted; your reason is not finished yet" in shown, shown
    assert "Correct." not in shown and "✔" not in shown and "Correct." not in result._repr_html_()


def test_exercise_4_a_finished_reason_is_headed_correct():
    for verdict, reason in (
        ("misleading", f"{_DS1}; line 2, qualifier: science-only, which the story left out"),
        ("false", f"{_DS1}; line 1: DS1 came first"),
    ):
        shown = str(check("08.4", verdict, reason=reason, **_inputs_4()))
        assert shown.startswith("✔") and "Correct." in shown and "not finished" not in shown, shown


def test_the_notes_and_timings_agree_with_the_plan():
    """The checks note's sums are right and match the Plan: 80 + 10 minutes in class, 43 of homework."""
    text = (ROOT / "docs" / "instructors" / "checks-08-fact-check.md").read_text(encoding="utf-8")
    sums = re.findall(r"((?:\d+ \+ )+\d+) = (\d+) minutes", text)
    assert len(sums) >= 2
    for terms, total in sums:
        assert sum(int(t) for t in terms.split(" + ")) == int(total), (terms, total)
    assert "= 80 minutes and 10 in hand" in text and "= 43 minutes" in text
    guide = (ROOT / "docs" / "instructors" / "08-fact-check.md").read_text(encoding="utf-8")
    assert "(19)" in guide and "(26)" in guide and "slack (10)" in guide and "about 43 min" in guide


def test_the_science_wording_of_the_chemical_isp_and_the_planned_survey_orbit():
    assert "low end of chemical" not in _cell_with("ratio_chem = ")
    assert "bipropellant" in _cell_with("ratio_chem = ")
    facts_text = (ROOT / "data" / "facts.ecsv").read_text(encoding="utf-8")
    row = next(line for line in facts_text.splitlines() if line.startswith("chem.r4d_isp "))
    assert "Stands for the low end" not in row and "storable bipropellant" in row and "not the low end" in row
    plan = _markdown_with("### The Survey orbit as planned in 2015 (N04)")
    assert "judged\nagainst the plan" in plan or "judged against the plan" in " ".join(plan.split())
    assert "as planned:" in _cell_with("why_n04 = (")


def test_small_clarity_fixes_of_the_lesson_text():
    box = _markdown_with("<details><summary>After you have read the three values")
    assert "why_reflectance" in box
    assert "another kind of electric thruster" in _cell_with("Hall thruster")
    assert "Do Exercise 5 and the N01 line first" in _markdown_with("### RC3 and NASA's caption")


def _six(answer):
    return check("08.6", answer, size=fact("occator.cerealia_facula_size"), pixels=20, ifov=fact("fc.ifov"))


@pytest.mark.parametrize("answer", [5400 * u.km, 5.4 * u.Mm, 5_400_000 * u.m])
def test_exercise_6_a_rounding_slip_a_few_per_cent_off_is_close(answer):
    """5,400 km: the IFOV cut to 93 µrad on the way (5,376 km), then rounded to two figures."""
    result = _six(answer)
    assert result.status == "incorrect" and "close" in result.message and "every figure" in result.message


@pytest.mark.parametrize("answer", [5280 * u.km, 5200 * u.km, 5460 * u.km])
def test_exercise_6_a_near_miss_no_rounding_explains_is_not_close(answer):
    result = _six(answer)
    assert result.status == "incorrect" and "close" not in result.message.lower(), result.message
    assert "no rounding" in result.message and "facula, n_pixels and ifov_rad" in result.message


def test_exercise_6_the_km_number_in_au_gets_a_unit_hint_and_far_answers_no_close():
    right = _six(1 * u.km).status  # any wrong answer: only its form matters here
    assert right == "incorrect"
    au = _six(float(f"{(10 * u.km / 20 / fact('fc.ifov').to_value(u.rad)).to_value(u.km):.0f}") * u.AU)
    assert au.status == "incorrect" and "AU" in au.message and "10^8" in au.message and "close" not in au.message
    for far in (5600 * u.km, 6000 * u.km, 4800 * u.km):
        assert "close" not in _six(far).message.lower(), far


@pytest.mark.parametrize(
    ("slot", "finished"),
    [
        ("line 2, qualifier: spacecraft", False),
        ("line 2, qualifier: science-only", False),  # Exercise 4's word, not this claim's
        ("line 2", False),  # 'misleading' by the second line, with no narrowing word yet
        ("line 2, qualifier: extraterrestrial", True),
        ("line 2, qualifier: beyond Earth", True),
    ],
)
def test_exercise_10_reads_its_qualifier_slot_as_exercise_4_does(slot, finished):
    ten = dict(claimed_first=fact("dawn.ceres_arrival"), earlier_with_earth=fact("smart1.lunar_orbit"))
    result = check("08.10", "misleading", **ten, reason=f"SMART-1 Moon 2004-11-15 vs Dawn Ceres 2015-03-06; {slot}")
    assert result.ok, result
    assert str(result).startswith("✔") == finished, result
    if not finished:
        assert str(result).startswith("⚠") and "Verdict accepted; your reason is not finished yet" in str(result)
        assert "extraterrestrial" not in result.message.lower(), result  # the word is the student's to find


def test_exercise_4_line_2_without_its_word_is_not_headed_correct():
    four = dict(dawn_launch=fact("dawn.launch"), earlier_first_use=fact("ds1.first_thrust"))
    four["record_wording"] = fact("dawn.first_ion_science")
    result = check("08.4", "misleading", **four, reason="DS1 1998-11-10 vs Dawn 2007-09-27; line 2")
    assert result.ok and str(result).startswith("⚠"), result


@pytest.mark.parametrize(
    "reason", ["Russell Feb 2015 said volcano-like origin: an aim", "in February 2015 the team said volcano-like"]
)
def test_exercise_11_true_from_russells_words_is_asked_about_those_words(reason):
    from utils.exercises.lesson08 import RUSSELL_QUESTION

    aim = dict(claimed_aim="volcanic activity", stated_aims=("to learn how the solar system formed",))
    result = check("08.11", "true", **aim, reason=reason)
    assert not result.ok and result.message == RUSSELL_QUESTION, result
    later = check("08.11", "true", **aim, reason="Dawn found cryovolcanism at Occator in 2020")
    assert not later.ok and "found later" not in later.message and "what it found" in later.message, later


def test_the_try_it_steps_are_named_at_the_head_of_their_cells():
    """Steps 1 and 3, 4 and 5 of the slider's Try it each open their cell with a comment naming the step."""
    nb = nbtools.read(ROOT / "notebooks" / "08-fact-check.ipynb")
    heads = [nbtools.source(c).splitlines()[0] for c in nb.cells if c.cell_type == "code" and nbtools.source(c)]
    for step in ("step 1", "step 4", "step 5"):
        assert any(h.startswith("# Try it, " + step) for h in heads), step


@pytest.mark.parametrize(
    ("exercise", "verdict", "reason"),
    [
        ("08.4", "false", "DS1 1998-11-10 vs Dawn 2007-09-27; line 1: Dawn came first"),
        ("08.7", "false", "Dawn arrived 2015-03-06 before spot 2015-01-13"),
        ("08.9", "true", "Dawn orbited Ceres 2015-03-06; New Horizons passed Pluto 2015-07-14: New Horizons first"),
        ("08.3", "true", "13.7 vs 14 months"),
    ],
)
def test_a_reason_that_contradicts_its_verdict_or_names_no_rule_is_not_headed_correct(exercise, verdict, reason):
    inputs = {
        "08.3": dict(arrival=fact("dawn.vesta_arrival"), departure=fact("dawn.vesta_departure"), claimed_months=14),
        "08.4": dict(
            dawn_launch=fact("dawn.launch"),
            earlier_first_use=fact("ds1.first_thrust"),
            record_wording=fact("dawn.first_ion_science"),
        ),
        "08.7": dict(claimed_first=fact("dawn.ceres_arrival"), earlier=fact("ceres.approach_spot")),
        "08.9": dict(claimed_first=fact("dawn.ceres_arrival"), earlier=fact("newhorizons.pluto_flyby")),
    }[exercise]
    told = check(exercise, verdict, **inputs, reason=reason)
    assert told.ok and str(told).startswith("⚠") and f"reason_{exercise[-1]}" in told.message, told
    fixed = {
        "08.4": reason.replace("Dawn came first", "DS1 came first"),
        "08.7": "spot 2015-01-13, before Dawn entered orbit 2015-03-06",
        "08.9": reason.replace(": New Horizons first", ": Dawn first"),
        "08.3": reason + ", within one month",
    }[exercise]
    assert str(check(exercise, verdict, **inputs, reason=fixed)).startswith("✔"), fixed
