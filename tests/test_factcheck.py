"""utils.factcheck, the claims file data/news_claims.ecsv and the exercises of lesson 08."""

from __future__ import annotations

import hashlib
import shutil

import astropy.units as u
import numpy as np
import pytest
from astropy.time import Time
from astropy.units import imperial

from utils import factcheck as F
from utils.checks import _expected_answer, check
from utils.data import DataFileError, data_dir, load_catalogue
from utils.facts import fact, fact_ids

# --------------------------------------------------------------------------
# the claims file
# --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def claims():
    return F.load_claims()


def test_claims_columns_ids_and_provenance(claims):
    assert tuple(claims.colnames) == F.COLUMNS
    ids = [str(i) for i in claims["id"]]
    assert len(ids) == len(set(ids)) >= 10
    assert "paraphrased" in claims.meta["provenance"].lower()
    assert all(str(c).strip() for c in claims["claim"])


def test_every_fact_id_exists(claims):
    known = set(fact_ids())
    for row in claims:
        for fid in str(row["fact_ids"]).split():
            assert fid in known, f"{row['id']}: unknown fact id {fid}"


def test_claimed_values_parse(claims):
    parsed = 0
    for row in claims:
        text = str(row["claimed"]).strip()
        for part in range(len(text.split(";")) if text else 0):
            value = F.claimed_value(claims, str(row["id"]), part)
            assert isinstance(value, (Time, u.Quantity))
            parsed += 1
    assert parsed >= 5
    assert F.claimed_value(claims, "N04", 0).to(u.km).value == pytest.approx(4345.2, abs=0.1)
    assert F.claimed_value(claims, "N07") is None
    with pytest.raises(IndexError, match="part 1"):
        F.claimed_value(claims, "N06", 1)


def test_claims_cover_the_required_kinds(claims):
    assert "category" not in claims.colnames  # the kinds are the answer of lesson 08's exercise 1
    assert "method" not in claims.colnames  # how a claim is checked points at its kind
    assert not {"category", "method"} & set(claims.meta["columns"])
    assert "categories" not in claims.meta and not hasattr(F, "claim_kind")  # no public answer key
    key = F._file_categories()
    assert sorted(key) == sorted(str(i) for i in claims["id"])  # one kind for every claim, no more
    cats = set(key.values())
    assert {"date", "duration", "distance", "first", "ranking", "propulsion"} <= cats


def test_unknown_claim_id_lists_the_ids(claims):
    with pytest.raises(KeyError, match="N01"):
        F.claim_text(claims, "X99")
    with pytest.raises(TypeError):
        F.claim_text(claims, 1)


@pytest.fixture
def data_copy(tmp_path):
    dst = tmp_path / "data"
    dst.mkdir()
    shutil.copy(data_dir() / F.FILE, dst / F.FILE)
    digest = hashlib.sha256((dst / F.FILE).read_bytes()).hexdigest()
    (dst / "MANIFEST.sha256").write_text(f"{digest}  {F.FILE}\n")
    return dst


def test_copy_loads(data_copy):
    assert len(F.load_claims(data_copy)) == len(F.load_claims())


def test_missing_file_is_a_clear_error(data_copy):
    (data_copy / F.FILE).unlink()
    with pytest.raises(DataFileError, match="news_claims.ecsv"):
        F.load_claims(data_copy)


def test_corrupted_file_is_a_clear_error(data_copy):
    path = data_copy / F.FILE
    path.write_text(path.read_text().replace("N01", "M01"))
    with pytest.raises(DataFileError, match="news_claims.ecsv"):
        F.load_claims(data_copy)


def test_unparseable_or_incomplete_file_is_a_clear_error(data_copy):
    path = data_copy / F.FILE
    for text, match in (
        ("not an ecsv file\n", "could not parse"),
        (
            "# %ECSV 1.0\n# ---\n# datatype:\n# - {name: id, datatype: string}\n# schema: astropy-2.0\nid\nN01\n",
            "lacks the column",
        ),
    ):
        path.write_text(text)
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        (data_copy / "MANIFEST.sha256").write_text(f"{digest}  {F.FILE}\n")
        with pytest.raises(DataFileError, match=match):
            F.load_claims(data_copy)


# --------------------------------------------------------------------------
# verdicts and the table
# --------------------------------------------------------------------------


def test_verdict_normalises_and_validates():
    v = F.Verdict("N12", " FALSE ", "Deep Space 1 first")
    assert v.verdict == "false" and v.symbol == "✘" and "N12" in str(v)
    assert "false" in v._repr_html_()
    with pytest.raises(ValueError, match="cannot be checked"):
        F.Verdict("N12", "mostly true", "x")
    with pytest.raises(ValueError, match="reason"):
        F.Verdict("N12", "true", "  ")
    with pytest.raises(ValueError, match="one line"):
        F.Verdict("N12", "true", "a\nb")
    with pytest.raises(ValueError, match="claim_id"):
        F.Verdict("", "true", "x")


def test_verdict_table_order_text_and_html(claims):
    verdicts = [
        F.Verdict("N10", "true", "record 2015-03-06"),
        F.Verdict("N01", "true", "a" * 200),
        F.Verdict("N10", "false", "replaced"),
    ]
    table = F.verdict_table(verdicts, claims)
    assert [str(i) for i in table["id"]] == ["N01", "N10"]
    assert str(table["verdict"][1]) == "false"
    text = F.format_verdict_table(table, claim_width=30, evidence_width=40)
    lines = text.splitlines()
    assert len(lines) > 4 and lines[0].startswith("id")
    assert all(len(line) <= 4 + 1 + 30 + 2 + 19 + 2 + 40 for line in lines[2:])
    starts = [k for k, line in enumerate(lines) if k >= 2 and line[:4].strip()]  # rows begin with their id
    assert [lines[k][:3] for k in starts] == ["N01", "N10"] and "✘ false" in lines[starts[1]]
    assert "".join(line[58:] for line in lines[2 : starts[1]]) == "a" * 200  # wrapped, never cut
    assert F.format_verdict_table(table) == F.format_verdict_table(table)  # stable
    page = F.verdict_table_html(table)
    assert page.count("<tr>") == 3 and "✔ true" in page
    assert F.verdict_counts(table) == {"true": 1, "false": 1, "misleading": 0, "cannot be checked": 0}


def test_verdict_table_rejects_bad_input(claims):
    with pytest.raises(KeyError, match="X1"):
        F.verdict_table([F.Verdict("X1", "true", "x")], claims)
    with pytest.raises(TypeError, match="Verdict"):
        F.verdict_table(["true"], claims)
    with pytest.raises(ValueError, match="at least 10"):
        F.format_verdict_table(F.verdict_table([], claims), claim_width=3)
    assert len(F.verdict_table({}, claims)) == 0


# --------------------------------------------------------------------------
# evidence helpers
# --------------------------------------------------------------------------


def test_duration_and_months():
    stay = F._duration(fact("dawn.vesta_arrival"), fact("dawn.vesta_departure"))
    assert stay.unit == u.day and stay.value == pytest.approx(417.06, abs=0.01)
    assert F.in_months(stay).value == pytest.approx(13.70, abs=0.01)
    assert F._duration("2015-03-06", "2015-03-05").value == pytest.approx(-1)
    assert F._duration("2001-01-01", "2002-01-01", F.MONTH).value == pytest.approx(12.0, abs=0.02)
    with pytest.raises(u.UnitsError, match="time"):
        F._duration("2015-03-06", "2015-03-07", u.km)
    with pytest.raises(ValueError, match="date"):
        F._duration("March", "2015-03-07")
    with pytest.raises(TypeError, match="Time"):
        F._duration(2015, "2015-03-07")
    with pytest.raises(u.UnitsError):
        F.in_months(3)


def test_date_matches_tolerance_and_month():
    assert F.date_matches("2011-07-15", fact("dawn.vesta_arrival"))  # Pacific date, within a day
    assert not F.date_matches("2011-07-14", fact("dawn.vesta_arrival"))
    assert not F.date_matches("2015-03-06", "2015-03-08T00:00")
    assert F.date_matches("2011-07-13", fact("dawn.vesta_arrival"), tolerance=3 * u.day)
    assert F.date_matches("2007-09-01", fact("dawn.launch"), month_only=True)
    assert not F.date_matches("2007-10-01", fact("dawn.launch"), month_only=True)
    with pytest.raises(ValueError, match="negative"):
        F.date_matches("2015-03-06", "2015-03-06", tolerance=-1 * u.day)
    with pytest.raises(ValueError, match="month_only"):
        F.date_matches("2011-07-16", "2012-09-05", tolerance=14 * F.MONTH)  # a duration is not a date tolerance


def test_number_matches():
    assert F.number_matches(fact("news.distance_survey"), fact("ceres.orbit_survey_altitude"))
    assert not F.number_matches(fact("news.distance_survey"), fact("ceres.orbit_survey_altitude"), rtol=0.001)
    assert F._judge_number(4500 * imperial.mile, 4400 * u.km) == "false"
    assert "judge_number" not in dir(F)  # a public 5 % rule would seem to answer lesson 08's Exercise 3
    with pytest.raises(u.UnitsError, match="length"):
        F.number_matches(3 * u.kg, 4400 * u.km)
    with pytest.raises(ValueError, match="rtol"):
        F.number_matches(3 * u.km, 3 * u.km, rtol=2)


def test_judge_first_and_duration():
    assert F._judge_first(fact("dawn.launch"), fact("ds1.first_thrust")) == "false"
    assert F._judge_first(fact("ds1.first_thrust"), fact("dawn.launch")) == "true"
    a, d = fact("dawn.vesta_arrival"), fact("dawn.vesta_departure")
    assert F._judge_duration(a, d, 14 * F.MONTH) == "true"
    assert F._judge_duration(a, d, 18 * F.MONTH) == "false"
    with pytest.raises(u.UnitsError):
        F._judge_duration(a, d, 14)
    with pytest.raises(TypeError, match="array of 2"):
        F._judge_first(Time(["2007-09-27", "2011-07-16"]), fact("ds1.first_thrust"))


def test_evidence_behind_the_closest_verdicts():
    """The facts that decide the borderline verdicts of the lesson (N09, N11, N16) still say so."""
    d = fact("dawn.vesta_departure")
    year = d.datetime.year
    through = F._duration(f"{year}-01-01", d) / F._duration(f"{year}-01-01", f"{year + 1}-01-01")
    assert 2 / 3 <= through.to_value(u.one) < 3 / 4  # "late 2012" holds only with a last-third rule
    assert F._judge_first(fact("dawn.ceres_arrival"), fact("ceres.spots_opnav3")) == "false"
    # orbiting two bodies: true beyond Earth only; SMART-1 orbited Earth and then the Moon first
    assert F._judge_first(fact("dawn.vesta_arrival"), fact("smart1.lunar_orbit")) == "false"
    assert fact("smart1.earth_orbits").to_value(u.one) > 1


def test_rank_by_catalogue():
    cat = load_catalogue()
    belt = cat[np.isin(np.asarray(cat["class"]).astype(str), ["IMB", "MBA", "OMB"])]
    assert F.rank_by(belt, "diameter", "Ceres") == 1
    assert F.rank_by(belt, "diameter", "Vesta") == 2
    with pytest.raises(KeyError, match="Pluto"):
        F.rank_by(belt, "diameter", "Pluto")
    with pytest.raises(KeyError, match="column"):
        F.rank_by(belt, "size", "Ceres")


# --------------------------------------------------------------------------
# exercises of lesson 08: answers follow the inputs
# --------------------------------------------------------------------------


def test_exercise_answers_follow_inputs():
    claims = F.load_claims()
    assert _expected_answer("08.1", claims=claims, claim_ids=["N13"]) == {"N13": "interpretation"}
    assert _expected_answer("08.1", claims=claims, claim_ids=["N12"]) == {"N12": "first"}
    assert _expected_answer("08.1", claims=claims, claim_ids=["N06"]) == {"N06": "date"}
    a, d = fact("dawn.vesta_arrival"), fact("dawn.vesta_departure")
    assert _expected_answer("08.2", arrival=a, departure=d) == pytest.approx(13.70, abs=0.01)
    assert _expected_answer("08.2", arrival=a, departure=Time("2012-07-16")) == pytest.approx(12.0, abs=0.05)
    assert _expected_answer("08.3", arrival=a, departure=d, claimed_months=14) == "true"
    assert _expected_answer("08.3", arrival=a, departure=d, claimed_months=20) == "false"
    launch, ds1, wording = fact("dawn.launch"), fact("ds1.first_thrust"), fact("dawn.first_ion_science")
    # an earlier example makes a "first" false, unless the record's own narrower wording makes it true: misleading
    assert _expected_answer("08.4", dawn_launch=launch, earlier_first_use=ds1, record_wording=wording) == "misleading"
    assert _expected_answer("08.4", dawn_launch=launch, earlier_first_use=ds1, record_wording="") == "false"
    assert _expected_answer("08.4", dawn_launch=launch, earlier_first_use=ds1) == "false"
    later = Time("2010-01-01")
    assert _expected_answer("08.4", dawn_launch=launch, earlier_first_use=later, record_wording=wording) == "true"
    dist = _expected_answer("08.6", size=10 * u.km, pixels=20, ifov=fact("fc.ifov"))
    assert dist.to(u.km).value == pytest.approx(5336.2, abs=0.1)
    half = _expected_answer("08.6", size=10 * u.km, pixels=40, ifov=fact("fc.ifov"))
    assert half.to_value(u.km) == pytest.approx(dist.to_value(u.km) / 2)


def test_exercise_checks_judge_answers():
    claims = F.load_claims()
    assert check("08.1", {"N13": "Interpretation"}, claims=claims, claim_ids=["N13"]).ok
    first = check("08.1", {"N13": "first"}, claims=claims, claim_ids=["N13"])
    assert first.status == "incorrect" and "nothing came before" in first.message
    by_method = check("08.1", {"N12": "date"}, claims=claims, claim_ids=["N12"])  # sorted by how it is checked
    assert by_method.status == "incorrect" and "order" in by_method.message
    assert check("08.1", {"N13": "opinion"}, claims=claims, claim_ids=["N13"]).status == "invalid"
    a, d = fact("dawn.vesta_arrival"), fact("dawn.vesta_departure")
    assert check("08.3", "true", arrival=a, departure=d, claimed_months=14).ok
    assert check("08.3", "misleading", arrival=a, departure=d, claimed_months=14).status == "incorrect"
    assert "one of" in check("08.3", "yes", arrival=a, departure=d, claimed_months=14).message
    assert check("08.2", ..., arrival=a, departure=d).status == "unanswered"
    assert "years" in check("08.2", 13.7 / 12, arrival=a, departure=d).message
    bad = check("08.2", 13.7, arrival=d, departure=a)
    assert bad.status == "invalid" and "after arrival" in bad.message
    assert check("08.6", 5.34e3 * u.km, size=10 * u.km, pixels=20, ifov=fact("fc.ifov")).ok
    far = check("08.6", 5336.2 * 400 * u.km, size=10 * u.km, pixels=20, ifov=fact("fc.ifov"))
    assert far.status == "incorrect" and "SMALLER" in far.message


def test_exercise_feedback_on_borderline_kinds_and_pasted_values():
    claims = F.load_claims()
    # a borderline claim accepts its other defensible kind, with a note, and nothing else
    for cid, other in [("N01", "first"), ("N04", "date"), ("N05", "first"), ("N17", "interpretation")]:
        main = F._claim_kind(claims, cid)
        assert check("08.1", {cid: main}, claims=claims, claim_ids=[cid]).ok
        alt = check("08.1", {cid: other}, claims=claims, claim_ids=[cid])
        assert alt.ok and "Defensible" in alt.message
        assert not check("08.1", {cid: "attribution"}, claims=claims, claim_ids=[cid]).ok
    assert not check("08.1", {"N06": "first"}, claims=claims, claim_ids=["N06"]).ok  # not a borderline claim
    number = check("08.1", {"N06": "number"}, claims=claims, claim_ids=["N06"])
    assert number.status == "incorrect" and "measured quantity" in number.message
    # the story's own figure pasted into Exercise 2
    a, d = fact("dawn.vesta_arrival"), fact("dawn.vesta_departure")
    pasted = check("08.2", 14 * F.MONTH, arrival=a, departure=d, claimed_months=14)
    assert pasted.status == "incorrect" and "story's figure" in pasted.message
    near = check("08.2", 14.2 * F.MONTH, arrival=a, departure=d, claimed_months=14)  # not the story's 14
    assert "story's figure" not in near.message
    assert check("08.2", 13.7 * F.MONTH, arrival=a, departure=d, claimed_months=14).ok
    assert check("08.2", 13.7, arrival=a, departure=d, claimed_months=14).status == "invalid"  # no unit
    # N12 is misleading by the lesson's rule (NASA's own wording is narrower and true); "false" (the printed words
    # are contradicted) is defensible, with a note saying why the lesson files it as misleading; "true" is wrong
    # and points to the date order
    ds1, launch, wording = fact("ds1.first_thrust"), fact("dawn.launch"), fact("dawn.first_ion_science")
    assert check("08.4", "misleading", dawn_launch=launch, earlier_first_use=ds1, record_wording=wording).ok
    reading = "DS1 ran its ion engine in 1998, before Dawn; NASA's science-only first is a different claim"
    strict = check("08.4", "false", dawn_launch=launch, earlier_first_use=ds1, record_wording=wording, reason=reading)
    assert strict.ok and "Defensible" in strict.message and "misleading" in strict.message
    wrong = check("08.4", "true", dawn_launch=launch, earlier_first_use=ds1, record_wording=wording)
    assert wrong.status == "incorrect" and "dates" in wrong.message
    unsure = check("08.4", "cannot be checked", dawn_launch=launch, earlier_first_use=ds1, record_wording=wording)
    assert unsure.status == "incorrect" and "misleading" not in unsure.message.lower()
    # without a narrower wording in the record, the same dates make the "first" plainly false
    assert not check("08.4", "misleading", dawn_launch=launch, earlier_first_use=ds1, record_wording="").ok
    # the natural formula with the IFOV left as an angle (a length times an angle) is right: small angles are
    # pure numbers in radians (astropy's dimensionless_angles), as the check applies
    facula, ifov = 10 * u.km, fact("fc.ifov")
    assert check("08.6", facula / 20 / ifov, size=facula, pixels=20, ifov=ifov).ok
    assert check("08.6", (facula / 20 / ifov).to(u.km, u.dimensionless_angles()), size=facula, pixels=20, ifov=ifov).ok


def test_claim_kinds_cover_every_category():
    claims = F.load_claims()
    for cid in claims["id"]:
        assert F._claim_kind(claims, str(cid)) in F.KINDS
    assert set(F._KIND_OF_CATEGORY.values()) == set(F.KINDS)
    with pytest.raises(KeyError, match="N99"):
        F._claim_kind(claims, "N99")


def test_your_verdict_and_combined_verdicts():
    assert F.your_verdict("N12", ..., "x") is None
    assert F.your_verdict("N12", "not sure", "x") is None
    assert F.your_verdict("N12", " False ", "dates").verdict == "false"
    assert F.combine_verdicts("true", "true") == "true"
    assert F.combine_verdicts("true", "false") == "false"
    assert F.combine_verdicts("misleading", "true") == "misleading"
    assert F.combine_verdicts("cannot be checked", "true") == "cannot be checked"
    with pytest.raises(ValueError):
        F.combine_verdicts("true", "maybe")
    with pytest.raises(ValueError):
        F.combine_verdicts()
    # a claim not judged yet is left out of the table, never shown with a made-up verdict
    table = F.verdict_table({"N06": F.Verdict("N06", "true", "27 Sep 2007"), "N12": None}, F.load_claims())
    assert [str(i) for i in table["id"]] == ["N06"]


def test_first_spot_is_the_same_in_both_lessons():
    """Lesson 06 and 07 both date the first spot to the January approach images, before OpNav 3."""
    first, opnav = fact("ceres.approach_spot"), fact("ceres.spots_opnav3")
    assert first < opnav < fact("dawn.ceres_arrival")
    assert fact("ceres.approach_spot_distance") > fact("ceres.spots_opnav3_distance")
    claims = F.load_claims()
    row = claims[np.asarray(claims["id"]).astype(str) == "N11"][0]
    assert "ceres.approach_spot" in str(row["fact_ids"]).split()
    assert F._judge_first(fact("dawn.ceres_arrival"), first) == "false"


def test_verdict_colours_come_from_the_style_and_olive_means_misleading_only():
    from utils import factcheck, style

    assert set(factcheck._COLOUR.values()) <= set(style.OTHER_COLOURS.values())
    assert [v for v, c in factcheck._COLOUR.items() if c == style.OTHER_COLOURS["olive"]] == ["misleading"]


def test_fact_phrase_reads_the_words_between_two_markers_of_a_fact_or_its_note():
    assert F.fact_phrase("dawn.principal_investigator", upto=",") == "Christopher T. Russell"
    assert F.fact_phrase("ceres.orbit_rc3_altitude", note=True, after="(", upto=")") == "23 Apr - 9 May 2015"
    goal = str(fact("dawn.science_goal"))
    assert F.fact_phrase("dawn.science_goal") == goal
    assert F.fact_phrase("dawn.science_goal", after="to ", upto=" by ") in goal
    assert F.fact_phrase("dawn.science_goal", after=", ").startswith("two protoplanets")
    assert F.fact_phrase("occator.composition_2016", upto=",") == "sodium carbonate (Na2CO3) dominant"


def test_fact_phrase_refuses_a_missing_marker_or_a_bad_argument_with_a_clear_message():
    with pytest.raises(ValueError, match="no '#' to stop at"):
        F.fact_phrase("dawn.principal_investigator", upto="#")
    with pytest.raises(ValueError, match="note of fact 'ceres.orbit_rc3_altitude' has no"):
        F.fact_phrase("ceres.orbit_rc3_altitude", note=True, after="[")
    with pytest.raises(ValueError, match="upto must be a non-empty string"):
        F.fact_phrase("dawn.principal_investigator", upto="")
    with pytest.raises(KeyError):
        F.fact_phrase("no.such_fact")
    with pytest.raises(Exception, match="note must be True or False"):
        F.fact_phrase("dawn.principal_investigator", note="yes")


def test_your_checked_verdict_marks_a_verdict_its_check_did_not_accept():
    n20 = dict(claimed_aim="volcanic activity", stated_aims=(fact("dawn.science_goal"),))
    right = F.your_checked_verdict("N20", "08.11", "cannot be checked", "no source states that aim", **n20)
    assert right.verdict == "cannot be checked" and "not yet" not in right.reason
    wrong = F.your_checked_verdict("N20", "08.11", "true", "it erupted", **n20)
    assert wrong.verdict == "true" and wrong.reason.endswith("(check: not yet)")
    assert F.your_checked_verdict("N20", "08.11", ..., "", **n20) is None
