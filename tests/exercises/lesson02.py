"""Natural formulas and one adaptation for lesson 02's exercises."""

NOTEBOOK = "02-orbits.ipynb"

NATURAL = {
    "02.1": "answer_1 = a_1 * (1 + e_1)",
    "02.2": "answer_2 = (Q_2 - q_2) / (Q_2 + q_2)",
    "02.3": "answer_3 = np.cbrt(GM_sun * (T_3 / (2 * np.pi)) ** 2)",
    "02.4": (
        "E = E0_4\n"
        "for _ in range(steps_4):\n"
        "    E = E - (E - e_4 * np.sin(E) - M_4) / (1 - e_4 * np.cos(E))\n"
        "answer_4 = E"
    ),
    "02.5": (
        "E, change = E0_4, 1.0\n"
        "while abs(change) > tol_5:\n"
        "    change = (E - e_4 * np.sin(E) - M_4) / (1 - e_4 * np.cos(E))\n"
        "    E = E - change\n"
        "answer_5 = abs(change)"
    ),
    "02.9": (
        "answer_9 = np.sqrt(GM_sun * (2 / (a_7 * (1 - e_7)) - 1 / a_7))"
        " / np.sqrt(GM_sun * (2 / (a_7 * (1 + e_7)) - 1 / a_7))"
    ),
    "02.7": "answer_7 = np.sqrt(GM_sun * (2 / (a_7 * (1 - e_7)) - 1 / a_7))",
    "02.6": (
        "t_6 = epoch + years_6\n"
        "d_6, v_6 = two_body_difference(name_6, t_6), heliocentric_velocity(name_6.lower(), t_6)\n"
        "answer_6 = (d_6 * v_6).sum() / length(v_6)"
    ),
    "02.10": (
        'r_c, r_j = heliocentric_position("ceres", date_10), heliocentric_position("jupiter", date_10)\n'
        "answer_10 = (GM_jup / length(r_j - r_c) ** 2) / (GM_sun / length(r_c) ** 2)"
    ),
    "02.11": (
        'answer_11 = length(heliocentric_position("ceres", arrival) - heliocentric_position("vesta", departure))'
    ),
}

ADAPT = {
    "exercise": "02.4",
    "replace": ("M_4, e_4, E0_4 = 0.7, 0.9, 0.7", "M_4, e_4, E0_4 = 2.0, 0.7, 2.0"),
    "title_contains": "e = 0.7",
}
