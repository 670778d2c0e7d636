"""Every stop of every lesson's Explore widget: its texts follow the controls and give no answer away.

The notebook's own draw function is called for every combination of the controls'
stops when there are few (lesson 07's two sliders), else for every value a student can
set each control to (the others at their starting values) and for every corner of the
controls together.  Each control must change what the figure says (its texts or its
alt text) between its two ends, and no number the figure shows as a result (in a title,
label, legend or alt text; the controls' own values echoed back are the student's
choice, not results) may pass one of the lesson's checks with the inputs its student
version passes (the leak finder of ``test_exercises_leaks.py``).
"""

from __future__ import annotations

import itertools
import math

import nbformat
import pytest

from exercises import NOTEBOOKS, find_leaks, find_numbers
from notebook_namespace import explore_widget, texts

ALL_PAIRS_UP_TO = 60  # a widget with at most this many states is drawn in every one of them


def _states(widget) -> list[dict]:
    """Every combination of the controls' stops when there are at most ``ALL_PAIRS_UP_TO``; otherwise every stop
    of each control with the others at their defaults, then every corner of all controls."""
    every = [dict(zip(widget.controls, c, strict=True)) for c in itertools.product(*map(widget.stops, widget.controls))]
    if len(every) <= ALL_PAIRS_UP_TO:
        return every
    states = [{name: value} for name in widget.controls for value in widget.stops(name)]
    ends = [(widget.stops(name)[0], widget.stops(name)[-1]) for name in widget.controls]
    states += [dict(zip(widget.controls, corner, strict=True)) for corner in itertools.product(*ends)]
    return states


def _what_it_says(widget, values) -> tuple[tuple[str, ...], str]:
    figure, alt = widget.draw(**values)
    return tuple(texts(figure)), alt


def _results(widget, values, words, alt) -> list[str]:
    """The numbers a drawn state shows, with their units, leaving out the controls' own values echoed back.

    A slider's readout, or a title that repeats it ("Isp 2,800 s"), is the student's own choice, not a result;
    every other number (a computed thrust, a pixel count, a distance in the alt text) is kept.
    """
    settings = [float(v) for v in {**widget.defaults(), **values}.values() if isinstance(v, (int, float))]
    kept = []
    for n in find_numbers("\n".join(words) + "\n" + alt):
        if not any(math.isclose(n.value, s, rel_tol=5e-3) for s in settings):
            kept.append(f"{n.value!r} {n.unit_token or ''}".strip())
    return kept


@pytest.fixture(scope="module", params=NOTEBOOKS, ids=lambda p: p.name)
def drawn(request):
    widget = explore_widget(request.param.name)
    said = [(values, *_what_it_says(widget, values)) for values in _states(widget)]
    return request.param, widget, said


def test_each_control_changes_what_the_figure_says(drawn):
    path, widget, _ = drawn
    for name in widget.controls:
        first, last = widget.stops(name)[0], widget.stops(name)[-1]
        texts_first, alt_first = _what_it_says(widget, {name: first})
        texts_last, alt_last = _what_it_says(widget, {name: last})
        assert alt_first != alt_last, f"{path.name}: the alt text is the same at {name}={first} and {name}={last}"
        assert texts_first != texts_last, f"{path.name}: the figure's texts are the same at both ends of {name}"


# Numbers a widget shows that pass a check by coincidence, by notebook: {notebook name: {exercise ids}}.  None is
# accepted now; an entry would keep the test honest about one it cannot avoid.
COINCIDENCES: dict[str, set[str]] = {}


def test_no_stop_of_the_widget_passes_a_check(drawn, runner):
    path, widget, said = drawn
    run = runner.student(path)
    assert run.error is None, f"the student version did not run: {run.error}"
    assert run.calls, f"{path.name}: no check ran in the student version"
    shown = sorted({line for values, words, alt in said for line in _results(widget, values, words, alt)})
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("\n".join(shown))])
    leaks = find_leaks(nb, run.calls)
    known = COINCIDENCES.get(path.name, set())
    unexpected = [leak for leak in leaks if leak.id not in known]
    assert not unexpected, f"{path.name}: numbers the widget shows pass a check:\n" + "\n".join(map(str, unexpected))
    assert {leak.id for leak in leaks} == known, f"{path.name}: a listed coincidence is gone: update COINCIDENCES"


def test_the_finder_sees_a_widget_that_prints_an_answer(runner):
    """Lesson 08's view, drawn at the news image's distance, shows Exercise 5's answer in whole pixels.

    So the lesson's view draws its slider's stops only: asked for that distance (from a cell, say
    ``sharp.update(distance_image)``), it refuses.
    """
    from utils import fact

    path = next(p for p in NOTEBOOKS if p.name.startswith("08-"))
    widget = explore_widget(path.name)
    news = fact("news.distance_image").to_value("km")
    view = widget.function.__globals__["sharp"]
    with pytest.raises(ValueError, match="not a stop"):
        view.update(news)
    with pytest.raises(ValueError, match="not a stop"):
        widget.draw(distance_km=news)
    stops, view.stops = view.stops, None  # the same view without its guard
    try:
        words, alt = _what_it_says(widget, {"distance_km": news})
    finally:
        view.stops = stops
    shown = _results(widget, {"distance_km": news}, words, alt)
    # Exercise 5 asks for the facula's width in pixels to one decimal; the view gives it in whole pixels (15 for
    # 14.7), one rounding away, so it stays off the slider
    facula = fact("occator.cerealia_facula_size")
    across = (facula / (fact("news.distance_image") * fact("fc.ifov").to_value("rad"))).to_value("")
    assert f"{round(across):.1f} camera" in shown, shown  # the pixels across, as the finder reads the alt text
    assert runner.student(path).calls  # the lesson's checks ran in the student version the other tests search


def test_lesson_08_view_follows_the_stop():
    """Lesson 08's view zooms in as Dawn comes closer, and its title and alt text say how wide it is.

    With a fixed field every orbit stop would show the facula as the same small disc; the view spans a fixed
    number of camera pixels instead (between a few facula widths and the model's field).
    """
    from utils import fact

    path = next(p for p in NOTEBOOKS if p.name.startswith("08-"))
    widget = explore_widget(path.name)
    view = widget.function.__globals__["sharp"]
    stops = sorted(widget.stops("distance_km"))
    facula = fact("occator.cerealia_facula_size").to_value("km")
    widths, shares = [], []
    for d in stops:
        figure, alt = widget.draw(distance_km=d)
        lo, hi = view.ax.get_xlim()
        assert view.ax.get_ylim() == (lo, hi)
        width = hi - lo
        title = "\n".join(texts(figure))
        assert f"view {width:.0f} km wide" in title, title
        assert f"view {width:.0f} km wide" in alt or f"zoomed in to {width:.0f} km" in alt, alt
        widths.append(width)
        shares.append(facula / width)
    assert widths == sorted(widths), widths  # closer never shows a wider view
    assert widths[0] <= 3 * facula + 1e-9 < widths[-1], widths  # the closest stops show the facula large
    assert len(set(round(w) for w in widths)) >= 3, widths  # the orbits' stops do not all look the same
    assert shares[0] >= 0.3 and shares[-1] < 0.1, shares


def test_every_parameter_of_the_draw_function_is_a_control(drawn):
    """``widgets.interact`` makes a control of its own for each parameter it is not given (a default 0.01
    becomes a slider from -0.01 to 0.03), which the student would see and could set to a value the draw
    function refuses; so every parameter must be one of the controls the notebook passes."""
    import inspect

    path, widget, _ = drawn
    parameters = list(inspect.signature(widget.function).parameters)
    extra = [name for name in parameters if name not in widget.controls]
    assert not extra, f"{path.name}: widgets.interact would add controls for {extra}"
