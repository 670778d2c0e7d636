"""Natural formulas and one adaptation for lesson 02's exercises."""

NOTEBOOK = "02-orbits.ipynb"

NATURAL = {
    "02.1": "answer_1 = a_1 * (1 + e_1)",
    "02.2": "answer_2 = (Q_2 - q_2) / (Q_2 + q_2)",
    "02.3": "answer_3 = 2 * np.pi * np.sqrt(a_3**3 / GM_sun)",
    "02.4": (
        "E = E0_4\n"
        "for _ in range(steps_4):\n"
        "    E = E - (E - e_4 * np.sin(E) - M_4) / (1 - e_4 * np.cos(E))\n"
        "answer_4 = E"
    ),
    "02.5": (
        "answer_5 = np.sqrt(GM_sun * (2 / (a_5 * (1 - e_5)) - 1 / a_5))"
        " / np.sqrt(GM_sun * (2 / (a_5 * (1 + e_5)) - 1 / a_5))"
    ),
    "02.6": "answer_6 = np.sqrt(GM_sun * (2 / (a_5 * (1 - e_5)) - 1 / a_5))",
    "02.7": (
        "t_7 = epoch + years_7\n"
        "d_7, v_7 = two_body_difference(name_7, t_7), heliocentric_velocity(name_7.lower(), t_7)\n"
        "answer_7 = (d_7 * v_7).sum() / length(v_7)"
    ),
    "02.8": (
        'r_c8, r_j8 = heliocentric_position("ceres", date_8), heliocentric_position("jupiter", date_8)\n'
        "answer_8 = (GM_jup / length(r_j8 - r_c8) ** 2) / (GM_sun / length(r_c8) ** 2)"
    ),
    "02.9": 'answer_9 = length(heliocentric_position("vesta", departure) - heliocentric_position("ceres", departure))',
    "02.11": (
        "E, change, n = E0_4, 1.0, 0\n"
        "while abs(change) > tol_4:\n"
        "    change = (E - e_4 * np.sin(E) - M_4) / (1 - e_4 * np.cos(E))\n"
        "    E = E - change\n"
        "    n = n + 1\n"
        "answer_11 = n"
    ),
}

ADAPT = {
    "exercise": "02.4",
    "replace": ("M_4, e_4, E0_4 = 0.7, 0.9, 0.7", "M_4, e_4, E0_4 = 2.0, 0.7, 2.0"),
    "title_contains": "e = 0.7",
}
