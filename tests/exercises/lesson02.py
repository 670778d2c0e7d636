"""Natural formulas and one adaptation for lesson 02's exercises."""

NOTEBOOK = "02-orbits.ipynb"

NATURAL = {
    "02.1": "answer_1 = a_1 * (1 + e_1)",
    "02.2": "answer_2 = 2 * np.pi * np.sqrt(interamnia_a**3 / GM_sun)",
    "02.3": "answer_3 = E0_3 - (E0_3 - e_3 * np.sin(E0_3) - M_3) / (1 - e_3 * np.cos(E0_3))",
    "02.4": (
        "answer_4 = np.sqrt(GM_sun * (2 / (a_4 * (1 - e_4)) - 1 / a_4))"
        " / np.sqrt(GM_sun * (2 / (a_4 * (1 + e_4)) - 1 / a_4))"
    ),
    "02.5": "answer_5 = np.sqrt(GM_sun * (2 / (a_4 * (1 - e_4)) - 1 / a_4))",
    "02.6": "answer_6 = two_body_error(name_6, epoch + years_6)",
    "02.7": 'answer_7 = "jupiter"',
    "02.8": 'answer_8 = length(heliocentric_position("vesta", departure) - heliocentric_position("ceres", departure))',
}

ADAPT = {
    "exercise": "02.3",
    "replace": ("M_3, e_3, E0_3 = 1.0, 0.5, 1.0", "M_3, e_3, E0_3 = 2.0, 0.9, 2.0"),
    "title_contains": "e = 0.9",
}
