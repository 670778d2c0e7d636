"""Lesson 02's second-law widget: its title, legend and alt text follow the day slider."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def second_law():
    from notebook_namespace import namespace_until

    return namespace_until("02-orbits.ipynb", "def draw_second_law")


@pytest.mark.parametrize("day", [0, 400, 800, 1500])
def test_second_law_texts_follow_the_day(second_law, day):
    from matplotlib.colors import to_hex

    from notebook_namespace import small_texts
    from utils.style import PALETTE

    ns, shown = second_law
    ns["draw_second_law"](day=day)
    fig, alt = shown[-1]
    ax = fig.axes[0]
    assert f"day {day}" in ax.get_title()
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert any(f"from day {day}" in t for t in legend)
    assert any(t.endswith(f"on day {day}") for t in legend)
    assert f"day {day}" in alt
    assert not small_texts(fig)
    # the two slices use no body's colour (the Sun keeps its yellow)
    body_colours = {to_hex(c) for k, c in PALETTE.items() if k != "sun"}
    for patch in ax.patches:
        assert to_hex(patch.get_facecolor()) not in body_colours


def test_slice_areas_are_equal_whatever_the_day(second_law):
    ns, shown = second_law
    for day in (100, 900):
        ns["draw_second_law"](day=day, show_areas=True)
        legend = [t.get_text() for t in shown[-1][0].axes[0].get_legend().get_texts()]
        shares = [float(t.split(": ")[1].split(" ")[0]) for t in legend if "of the ellipse" in t]
        assert len(shares) == 2 and shares[0] == pytest.approx(shares[1], abs=2e-4)


def test_the_areas_stay_hidden_until_asked_for(second_law):
    """The prompt asks students to predict which slice is larger: the default figure does not say."""
    ns, shown = second_law
    ns["draw_second_law"](day=800)
    fig, alt = shown[-1]
    legend = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert not any("ellipse" in t for t in legend) and "of the ellipse" not in alt
    ns["draw_second_law"](day=800, show_areas=True)
    fig, alt = shown[-1]
    legend = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert sum("of the ellipse" in t for t in legend) == 2 and "of the ellipse" in alt
    with pytest.raises(TypeError, match="True or False"):
        ns["second_law"].update(800, "yes")


def test_alt_text_says_where_the_olive_slice_is(second_law):
    import astropy.units as u

    ns, shown = second_law
    ns["draw_second_law"](day=0)
    at_start = shown[-1][1]
    assert "near perihelion" in at_start and "overlaps the teal slice" in at_start
    half = int(ns["T_ecc"].to_value(u.day) / 2 - ns["second_law"].slice_days.to_value(u.day) / 2)  # centred on aphelion
    ns["draw_second_law"](day=half)
    at_aphelion = shown[-1][1]
    assert "near aphelion" in at_aphelion and "long and narrow" in at_aphelion
    assert "overlaps" not in at_aphelion
    Q = ns["ecc"]["a"] * (1 + ns["ecc"]["e"])
    r_mid = float(at_aphelion.split("middle is about ")[1].split(" AU")[0])
    assert r_mid == pytest.approx(Q.to_value(u.AU), abs=0.5)  # the middle of the slice is at aphelion
    assert 2 * r_mid == round(2 * r_mid)  # to half an AU: with the printed q, a finer Q would give Q/q
    q_printed = round(u.Quantity(ns["ecc_row"]["q"], u.AU).to_value(u.AU), 2)
    assert (
        not ns["utils"].check("02.9", r_mid / q_printed, e=float(ns["ecc"]["e"])).ok
    )  # exercise 9's answer is not in the alt text
    ns["draw_second_law"](day=400)
    assert "about 3.5 AU" in shown[-1][1]  # the slice's middle is near 3.56 AU there, not 4


def test_alt_text_says_near_aphelion_only_close_to_it(second_law):
    ns, shown = second_law
    ns["draw_second_law"](day=397)  # the slice's middle about 3.5 AU from the Sun, well short of Q (4.1 AU)
    alt = shown[-1][1]
    assert "near aphelion" not in alt and "on the way out" in alt


def test_alt_text_tells_the_overlap_on_every_day_whatever_the_distance(second_law):
    import astropy.units as u

    ns, shown = second_law
    law = ns["second_law"]
    period, span = law.period.to_value(u.day), law.slice_days.to_value(u.day)
    for day in range(0, int(period) + 1):
        law.update(day)
        # the olive slice [day, day + span] against the teal one [-span / 2, span / 2], modulo one period
        overlap = max(0.0, span / 2 - day) + max(0.0, day + span - (period - span / 2))
        if overlap > 2.5:
            assert "overlaps the teal slice" in law.alt, day
        elif overlap < 1.5:
            assert "overlaps" not in law.alt, day
