"""Lesson 08: feedback on the student's own lines (N10, N01, Exercises 5 and 6), on verdict reasons, on the
stay at Vesta in other units, on slider readings typed as percentages, and on Exercise 1's wrong kinds."""

import re
from pathlib import Path

import astropy.units as u
import numpy as np
import pytest

import nbtools
from conftest import run_as_cell
from utils import factcheck as F
from utils.checks import check
from utils.exercises.lesson08 import KINDS, MONTH
from utils.facts import fact

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "notebooks" / "08-fact-check.ipynb"


def _cell_with(needle):
    nb = nbtools.read(NOTEBOOK)
    return next(nbtools.source(c) for c in nb.cells if c.cell_type == "code" and needle in nbtools.source(c))


def _run_as_cell(code, ns, name="<cell-08-feedback>"):
    run_as_cell(code, ns, name)


def _n10(line, capsys):
    """Run the N10 cell with ``line`` in it, then the verdict cell: (verdict, what both cells printed)."""
    ns = {"fc": F, "fact": fact, "claims": F.load_claims(), "verdicts": {}, "show": print, "np": np}
    _run_as_cell(_cell_with("n10_matches = None").replace("n10_matches = None", f"n10_matches = {line}"), ns)
    code = _cell_with("fc.your_date_verdict(")
    exec(code, ns)
    return ns["verdicts"]["N10"], capsys.readouterr().out


@pytest.mark.parametrize("typed", ["True", "False", "np.True_"])
def test_n10_rejects_true_or_false_typed_in(typed, capsys):
    verdict, out = _n10(typed, capsys)
    assert verdict is None and "not True or False typed in" in out and "fc.date_matches" in out, out


def test_n10_names_the_equals_slip_only_for_a_line_with_equals(capsys):
    verdict, out = _n10("claimed_n10 == record_n10", capsys)
    assert verdict is None and "== compares" in out and "which record" not in out, out
    verdict, out = _n10('fc.date_matches(claimed_n10, fact("dawn.vesta_arrival"))', capsys)
    assert verdict is None and "==" not in out and "which record you compared" in out, out
    verdict, out = _n10("fc.date_matches(claimed_n10, record_n10)", capsys)
    assert verdict.verdict == "true" and "Look again" not in out, out


def test_n10_cell_shows_how_date_matches_is_called():
    code = _cell_with("n10_matches = None")
    assert "fc.date_matches(claimed, record)" in code and "date_matches(claimed_n10" not in code


def test_your_date_verdict_source_names_a_bad_argument():
    with pytest.raises(TypeError, match="source"):
        F.your_date_verdict("N10", True, "2015-03-06", "2015-03-06T12:29", source=3)


def test_n01_value_slip_gets_one_note_only(capsys):
    code = _cell_with('fc.your_line("news_closer")').replace(
        "news_closer = None", "news_closer = news_d.value * ifov_rad < rc3_d.value * ifov_rad"
    )
    ns = {"fc": F, "fact": fact, "claims": F.load_claims(), "verdicts": {}, "show": print}
    ns["ifov_rad"] = fact("fc.ifov").to_value(u.rad)
    _run_as_cell(code, ns)
    out = capsys.readouterr().out
    assert "Your line takes .value" in out and "not True or False typed in" not in out, out
    assert ns["verdicts"]["N01"] is None


def _n01(line, capsys):
    """Run the N01 cell with ``line`` as the student's comparison: (verdict, what it printed)."""
    code = _cell_with('fc.your_line("news_closer")').replace("news_closer = None", f"news_closer = {line}")
    ns = {"fc": F, "fact": fact, "claims": F.load_claims(), "verdicts": {}, "show": print, "u": u}
    ns["ifov_rad"] = fact("fc.ifov").to_value(u.rad)
    _run_as_cell(code, ns)
    return ns["verdicts"]["N01"], capsys.readouterr().out


@pytest.mark.parametrize(
    "line",
    ["news_d * ifov_rad < rc3_d", "news_d < rc3_d * ifov_rad", "news_d.to(u.km).value * ifov_rad < rc3_d.value"],
)
def test_n01_a_pixel_compared_with_a_distance_is_told_to_compare_like_with_like(line, capsys):
    verdict, out = _n01(line, capsys)
    assert verdict is None and "Compare like with like" in out and "✔" not in out, out


@pytest.mark.parametrize("line", ["news_d * ifov_rad < rc3_d * ifov_rad", "news_d < rc3_d"])
def test_n01_like_with_like_is_judged_without_a_note(line, capsys):
    verdict, out = _n01(line, capsys)
    assert verdict.verdict == "true" and "like with like" not in out and ".value" not in out, out


@pytest.mark.parametrize(
    "line",
    [
        "news_d.to(u.km).value * ifov_rad < rc3_d.value * ifov_rad",
        "news_d.to(u.km).value < rc3_d.to(u.km).value",
    ],
)
def test_n01_value_numbers_in_one_unit_are_judged_with_a_nudge(line, capsys):
    verdict, out = _n01(line, capsys)
    assert verdict.verdict == "true" and "all in km" in out and "miles" not in out, out
    verdict, out = _n01(line.replace("<", ">"), capsys)
    assert verdict is None and "Look again" in out, out


@pytest.mark.parametrize("line", ["news_d.value < rc3_d.value", "news_d.to(u.km).value < 13500"])
def test_n01_value_numbers_in_other_or_unknown_units_file_nothing(line, capsys):
    verdict, out = _n01(line, capsys)
    assert verdict is None and "Your line takes .value" in out and "all in" not in out, out


@pytest.mark.parametrize(
    ("name", "slip"),
    [
        ("answer_5", "(distance_image * ifov).to(u.km)"),
        ("answer_6", "(facula / n_pixels / ifov).to(u.km)"),
    ],
)
def test_exercises_5_and_6_give_a_short_note_for_microradians_left_in(name, slip, capsys):
    code = _cell_with(f'fc.your_line("{name}"')
    assert f'"08.{name[-1]}"' in code
    code = code.replace(f"{name} = ...", f"{name} = {slip}")
    ns = {"fc": F, "u": u, "utils": __import__("utils"), "n_pixels": 20}
    ns.update(ifov=fact("fc.ifov"), facula=fact("occator.cerealia_facula_size"))
    ns["distance_image"] = fact("news.distance_image")
    _run_as_cell(code, ns)
    out = capsys.readouterr().out
    assert "µrad left in: use ifov_rad" in out and "Traceback" not in out, out
    inputs = dict(size=ns["facula"], ifov=ns["ifov"])
    inputs.update(distance=ns["distance_image"]) if name == "answer_5" else inputs.update(pixels=20)
    told = check(f"08.{name[-1]}", ns[name], **inputs)
    assert not told.ok and "note above" in told.message and "None" not in told.message, told.message


@pytest.mark.parametrize("name", ["answer_5", "answer_6"])
def test_exercises_5_and_6_give_a_one_line_note_for_u_mi(name, capsys):
    code = _cell_with(f'fc.your_line("{name}"').replace(f"{name} = ...", f"{name} = 3316 * u.mi")
    ns = {"fc": F, "u": u, "utils": __import__("utils"), "n_pixels": 20}
    ns.update(ifov=fact("fc.ifov"), facula=fact("occator.cerealia_facula_size"))
    ns["distance_image"] = fact("news.distance_image")
    _run_as_cell(code, ns)
    out = capsys.readouterr().out
    assert "u.imperial.mi" in out and "Traceback" not in out and len(out.strip().splitlines()) <= 2, out
    inputs = dict(size=ns["facula"], ifov=ns["ifov"])
    inputs.update(distance=ns["distance_image"]) if name == "answer_5" else inputs.update(pixels=20)
    assert not check(f"08.{name[-1]}", ns[name], **inputs).ok


def test_your_line_lets_other_attribute_errors_through():
    with pytest.raises(AttributeError), F.your_line("x", unit_note="note"):
        x = u.no_such_unit  # noqa: F841
    with pytest.raises(AttributeError), F.your_line("x"):
        x = np.no_such_thing  # noqa: F841


def test_your_line_with_a_unit_note_lets_other_errors_through():
    with pytest.raises(ZeroDivisionError), F.your_line("x", unit_note="note"):
        x = 1 / 0  # noqa: F841
    with pytest.raises(TypeError), F.your_line("x", unit_note="note"):
        x = 1 + "a"  # noqa: F841
    with pytest.raises(TypeError, match="unit_note"):
        F.your_line("x", unit_note=3)


@pytest.mark.parametrize("exercise", ["08.7"])
def test_a_reason_of_none_is_asked_for_like_an_empty_one(exercise):
    arrival = fact("dawn.ceres_arrival")
    inputs = dict(claimed_first=arrival, earlier=arrival - 30 * u.day)
    empty = check(exercise, "false", **inputs, reason="")
    none = check(exercise, "false", **inputs, reason=None)
    assert "reason_7" in none.message and none.message == empty.message and none.ok == empty.ok


@pytest.mark.parametrize("answer", [1.13 * u.yr, 414 * u.day])
def test_a_stay_in_years_or_days_is_not_told_about_calendar_months(answer):
    result = check("08.2", answer, arrival=fact("dawn.vesta_arrival"), departure=fact("dawn.vesta_departure"))
    assert not result.ok and "calendar months" not in result.message and "three significant figures" in result.message


def test_a_stay_in_months_from_the_calendar_keeps_its_hint():
    result = check("08.2", 13.6 * MONTH, arrival=fact("dawn.vesta_arrival"), departure=fact("dawn.vesta_departure"))
    assert not result.ok and "calendar months" in result.message


def test_slider_readings_typed_as_percentages_are_told_the_title_gives_a_fraction():
    args = dict(model=np.full((40, 40), 0.4), field=120 * u.km, ifov=93.7 * u.urad)
    stops = {"far": 300_000, "mid": 13_000, "near": 4_000}
    assert F.PERCENT_NOTE in F.read_back_slider("same", (40, 40, 40), distances=stops, **args)
    assert F.PERCENT_NOTE not in F.read_back_slider("same", (0.4, 0.4, 0.4), distances=stops, **args)
    assert F.PERCENT_NOTE not in F.read_back_slider("same", (0.1, 0.4, 0.4), distances=stops, **args)
    assert not re.search(r"0\.\d", F.PERCENT_NOTE)  # names no reading


def _slider_readback(prediction, read):
    from notebook_namespace import namespace_until

    ns, _ = namespace_until("08-fact-check.ipynb", "widgets.interact(", before=True)
    stops = {s: ns["marks"][s] for s in ("13 Jan 2015 images", "RC3", "Survey")}
    if read == "model":
        pixel = {s: km * u.km * ns["ifov"].to_value(u.rad) for s, km in stops.items()}
        read = tuple(
            round(float(ns["utils"].imaging.pixelate(ns["model"], ns["FIELD"], pixel[s])[0].max()), 2) for s in stops
        )
    return F.read_back_slider(prediction, read, ns["model"], ns["FIELD"], ns["ifov"], stops)


@pytest.mark.parametrize("read", [(35.9, 1.26, 0.412), (35.9, 1.26, 412)])
def test_slider_readings_of_the_pixel_size_are_told_so(read):
    out = _slider_readback("up", read)
    assert out.count(F.PIXEL_SIZE_NOTE) == 3 and "matches the title." not in out and F.PERCENT_NOTE not in out, out
    assert "Right!" not in out and "Read again" in out


@pytest.mark.parametrize("prediction", ["up then same", "it rises, then stays flat", "goes up until it levels off"])
def test_slider_prediction_up_then_same_is_read_as_up(prediction):
    assert F.read_prediction(prediction) == "up"
    assert "Right!" in _slider_readback(prediction, "model")


@pytest.mark.parametrize("prediction", ["same then up", "up then down", "brightness level goes up", "not up"])
def test_slider_prediction_a_direction_then_same_needs_that_order(prediction):
    assert F.read_prediction(prediction) == {"brightness level goes up": "up"}.get(prediction)


def test_exercise_6_two_figures_are_told_to_keep_three():
    inputs = dict(size=fact("occator.cerealia_facula_size"), pixels=20, ifov=fact("fc.ifov"))
    message = check("08.6", 5300 * u.km, **inputs).message
    assert "three significant figures" in message and "1,230 km" in message  # an example, not the answer
    assert not re.search(r"5,?3\d", message), message
    assert check("08.6", 5340 * u.km, **inputs).ok


def test_exercise_6_task_says_how_many_figures_and_the_docs_agree_with_the_check():
    assert "three significant figures" in _cell_with_markdown("### Exercise 6")
    inputs = dict(size=fact("occator.cerealia_facula_size"), pixels=20, ifov=fact("fc.ifov"))
    for page in ("08-fact-check.md", "checks-08-fact-check.md"):
        text = (ROOT / "docs" / "instructors" / page).read_text(encoding="utf-8")
        assert "5,300 km passes" not in text and "5,330 km and 5,340 km pass" not in text, page
        assert "third figure" in text, page
    assert not check("08.6", 5300 * u.km, **inputs).ok and check("08.6", 5340 * u.km, **inputs).ok


@pytest.mark.parametrize("km", [5310, 5330, 5350])
def test_exercise_6_takes_only_the_three_figures_it_asks_for(km):
    """5,336 km is 5,340 km to three figures: a third figure off (5,330 or 5,350 km) is not right, nor 'close'."""
    inputs = dict(size=fact("occator.cerealia_facula_size"), pixels=20, ifov=fact("fc.ifov"))
    result = check("08.6", km * u.km, **inputs)
    assert not result.ok and "close" not in result.message.lower(), result.message
    for right in (5336 * u.km, 5340 * u.km, 5344 * u.km, 3320 * u.imperial.mi, 5.34e6 * u.m):
        assert check("08.6", right, **inputs).ok, right


def _cell_with_markdown(needle):
    nb = nbtools.read(NOTEBOOK)
    return next(nbtools.source(c) for c in nb.cells if c.cell_type == "markdown" and needle in nbtools.source(c))


@pytest.mark.parametrize("turned", ["n_pixels * ifov_rad / facula", "n_pixels * ifov / facula"])
def test_exercise_6_one_over_the_distance_is_told_it_is_upside_down(turned):
    ns = {"u": u, "n_pixels": 20, "ifov": fact("fc.ifov"), "facula": fact("occator.cerealia_facula_size")}
    ns["ifov_rad"] = ns["ifov"].to_value(u.rad)
    answer = eval(turned, ns)
    message = check("08.6", answer, size=ns["facula"], pixels=20, ifov=ns["ifov"]).message
    assert "upside down" in message and "multiply it by" not in message, message


def test_exploratory_counts_as_a_narrowing_qualifier():
    from utils.exercises.lesson08 import NARROWING_QUALIFIERS

    assert "exploratory" in NARROWING_QUALIFIERS


def test_every_wrong_kind_in_exercise_1_gets_a_question_of_its_own():
    claims = F.load_claims()
    ids = ("N05", "N06", "N09", "N12", "N13", "N19")
    right = {i: F._claim_kind(claims, i) for i in ids}
    for claim_id in ids:
        for kind in KINDS:
            answer = {**right, claim_id: kind}
            message = check("08.1", answer, claims=claims, claim_ids=ids).message
            if message.startswith(f"{len(ids)} of"):
                continue  # a defensible other kind
            line = message.splitlines()[1]
            assert line != f"Look again at {claim_id}.", (claim_id, kind)
            assert right[claim_id] not in line.lower(), (claim_id, line)  # never names the kind it should be


#: Words of each kind's row in the table of kinds (and their paraphrases): a hint for a wrong kind uses none of
#: the right kind's words, so one wrong try does not give the right kind away.
_ROW_WORDS = {
    "date": (r"\bwhen\b", r"how long", r"\btimes?\b", r"\bdate", r"\bduration", r"\bday\b", r"\bmonth"),
    "number": (r"measur", r"quantit", r"\bsize\b", r"how big", r"\bdistance", r"\brank", r"\bvalue"),
    "first": (r"\bbefore\b", r"\bfirst", r"came earlier", r"\bothers\b"),
    "attribution": (r"\bwho\b", r"\brole\b", r"\bperson", r"\bsaid\b", r"\bwords\b", r"someone"),
    "interpretation": (r"\bexplain", r"\bwhy\b", r"\bmeans?\b", r"\bjudge", r"made something possible"),
}


def test_no_hint_for_a_wrong_kind_names_or_paraphrases_the_right_kind():
    from utils.exercises.lesson08 import _VERB_QUESTION

    claims = F.load_claims()
    ids = tuple(str(i) for i in claims["id"])
    right = {i: F._claim_kind(claims, i) for i in ids}
    asked = 0
    for claim_id in ids:
        for kind in KINDS:
            if kind == right[claim_id]:
                continue
            result = check("08.1", {**right, claim_id: kind}, claims=claims, claim_ids=ids)
            if result.ok:
                continue  # a defensible other kind
            line = next(x for x in result.message.splitlines() if x.startswith(f"Look again at {claim_id}."))
            own = line.replace(_VERB_QUESTION, "").lower()  # the general question names all five alike
            assert own != f"look again at {claim_id.lower()}.", (claim_id, kind)
            for pattern in _ROW_WORDS[right[claim_id]]:
                assert not re.search(pattern, own), (claim_id, kind, pattern, line)
            asked += 1
    assert asked > 20


def test_the_lesson_explains_the_central_pit_and_the_guide_gives_the_range_of_pixels():
    nb = nbtools.read(NOTEBOOK)
    text = "\n".join(nbtools.source(c) for c in nb.cells if c.cell_type == "markdown")
    assert "the pit in the middle of Occator crater's floor" in text
    guide = (ROOT / "docs" / "instructors" / "08-fact-check.md").read_text()
    assert "between about 30 and 75 camera pixels across" in guide and "about 48 camera pixels" not in guide


def _verdict_inputs():
    return {
        "08.4": dict(
            dawn_launch=fact("dawn.launch"),
            earlier_first_use=fact("ds1.first_thrust"),
            record_wording=fact("dawn.first_ion_science"),
        ),
        "08.10": dict(claimed_first=fact("dawn.ceres_arrival"), earlier_with_earth=fact("smart1.lunar_orbit")),
        "08.11": dict(claimed_aim="volcanic activity", stated_aims=(fact("dawn.science_goal"),)),
    }


@pytest.mark.parametrize(
    ("exercise", "verdict", "argument"),
    [
        ("08.4", "false", "Deep Space 1, a NASA craft"),
        ("08.10", "false", "an earlier craft that orbited Earth"),
        ("08.11", "cannot be checked", "none states the June orbit's aim"),
    ],
)
@pytest.mark.parametrize("empty", ["", "   ", None])
def test_an_empty_reason_gets_no_argument_for_the_verdict(exercise, verdict, argument, empty):
    inputs = _verdict_inputs()[exercise]
    result = check(exercise, verdict, reason=empty, **inputs)
    assert result.ok and getattr(result, "UNFINISHED", False), result.message
    assert "Defensible" not in result.message and argument not in result.message, result.message
    assert "write your one-line reason" in result.message, result.message
    # once the student's own reason is written, the note on the other reading comes
    written = check(exercise, verdict, reason="my own reason, with the dates 1998 and 2007, line 1", **inputs)
    assert "Defensible" in written.message or "also defensible" in written.message, written.message


@pytest.mark.parametrize(
    "line",
    [
        "fc.date_matches(claimed_n10)",
        "fc.date_matches(claimed_n10, 2015)",
        "fc.date_matches(claimed_n10, '6 March 2015')",
    ],
)
def test_n10_a_helper_called_wrongly_gets_a_one_line_note_and_no_traceback(line, capsys):
    verdict, out = _n10(line, capsys)
    notes = [x for x in out.splitlines() if "Give fc.date_matches two dates." in x]
    assert verdict is None and len(notes) == 1, out
    assert "Traceback" not in out and "factcheck.py" not in out and "match:" not in out, out
    assert "Fill in n10_matches" not in out, out  # one note, not a second one on the same line


def _n01_line(line, capsys):
    code = _cell_with('fc.your_line("news_closer")').replace("news_closer = None", f"news_closer = {line}")
    ns = {"fc": F, "fact": fact, "claims": F.load_claims(), "verdicts": {}, "show": print}
    ns["u"], ns["ifov"] = u, fact("fc.ifov")
    ns["ifov_rad"] = ns["ifov"].to_value(u.rad)
    _run_as_cell(code, ns)
    return ns["verdicts"]["N01"], capsys.readouterr().out


def test_n01_unlike_units_are_told_like_with_like_not_a_bare_number(capsys):
    verdict, out = _n01_line("news_d < rc3_d * ifov", capsys)
    assert verdict is None and "Compare like with like" in out and "bare number" not in out, out
    verdict, out = _n01_line("news_d < 13500", capsys)
    assert verdict is None and "bare number" in out, out


def test_n01_untouched_line_is_asked_to_be_filled_in(capsys):
    verdict, out = _n01_line("None", capsys)
    assert verdict is None and "Fill in news_closer above with a comparison" in out, out
    assert "typed in" not in out, out
    verdict, out = _n01_line("True", capsys)
    assert verdict is None and "not True or False typed in" in out, out


def _answer_line(name, line):
    """Run ``line`` inside the lesson's your_line for ``name`` (answer_5 or answer_6): the variable's value."""
    import contextlib
    import io

    ifov = fact("fc.ifov")
    ns = {"fc": F, "u": u, "ifov": ifov, "ifov_rad": ifov.to_value(u.rad), "facula": 9 * u.km}
    ns["distance_image"] = fact("news.distance_image")
    code = f'with fc.your_line("{name}", unit_note="µrad left in: use ifov_rad."):\n    {name} = {line}\n'
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        _run_as_cell(code, ns)
    return out.getvalue()


@pytest.mark.parametrize(
    ("name", "line", "said", "not_said"),
    [
        ("answer_5", "(facula / (distance_image * ifov_rad)).to(u.km)", ".to_value(u.one)", "µrad"),
        ("answer_5", "(facula / (distance_image * ifov)).to_value(u.one)", "µrad left in", "lengths cancel"),
        ("answer_6", "(facula / (20 * ifov_rad)).to_value(u.one)", "result is in km", "µrad"),
        ("answer_6", "(facula / (20 * ifov)).to(u.km)", "µrad left in", "cannot become"),
    ],
)
def test_the_micro_radian_note_only_when_an_angle_is_in_the_way(name, line, said, not_said):
    out = _answer_line(name, line)
    assert said in out and not_said not in out and len(out.strip().splitlines()) == 1, out


@pytest.mark.parametrize(
    ("exercise", "verdict", "earlier"),
    [("08.7", "false", "ceres.approach_spot"), ("08.9", "true", "newhorizons.pluto_flyby")],
)
def test_exercises_7_and_9_ask_a_dateless_reason_for_its_dates(exercise, verdict, earlier):
    inputs = dict(claimed_first=fact("dawn.ceres_arrival"), earlier=fact(earlier))
    number = exercise.rpartition(".")[2]
    result = check(exercise, verdict, reason="Dawn came first", **inputs)
    assert result.ok and getattr(result, "UNFINISHED", False), result.message
    assert f"reason_{number} names no date or number" in result.message, result.message
    dated = check(exercise, verdict, reason="6 March 2015 vs the other date; the earlier one is first", **inputs)
    assert dated.ok and not getattr(dated, "UNFINISHED", False), dated.message
    prompt = _cell_with_markdown(f"### Exercise {number} ·") + _cell_with_markdown(f"in `reason_{number}`")
    assert "two dates and the rule" in prompt, prompt


def test_the_syllabus_marks_exercise_11_as_going_further_beyond_g3():
    text = (ROOT / "docs" / "instructors" / "syllabus.md").read_text(encoding="utf-8")
    row = next(line for line in text.splitlines() if line.startswith("| G3 Judge a claim"))
    assert "(N20) (going further, beyond G3)" in row and "(N15) (going" not in row, row


def test_the_words_box_defines_principal_investigator_and_ucla():
    words = _cell_with_markdown("Words you will meet")
    assert "**principal investigator**:" in words and "**UCLA**: the University of California, Los Angeles" in words


def test_the_instructor_page_names_what_to_cut_first_if_the_class_runs_long():
    text = (ROOT / "docs" / "instructors" / "08-fact-check.md").read_text(encoding="utf-8")
    part = text.split("**If the class runs long**", 1)[1].split("**A 45-minute path:**", 1)[0]
    assert part.index("step 5") < part.index("N01 line") < part.index("checklist"), part
