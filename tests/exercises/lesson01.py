"""Natural formulas and one adaptation for lesson 01's exercises."""

NOTEBOOK = "01-asteroid-belt.ipynb"

NATURAL = {
    "01.1": 'answer_1 = "centaurs"',
    "01.2": 'answer_2 = "near-Earth and Mars-crossers"',
    "01.3": "answer_3 = a_jupiter * (q_res / p_res) ** (2 / 3)",
    "01.4": "answer_4 = 1329 * u.km / np.sqrt(p_hygiea) * 10 ** (-H_hygiea / 5)",
    "01.5": "answer_5 = rho_hygiea * np.pi * d_hygiea**3 / 6",
    "01.6": "answer_6 = moon_mass / m_belt",
    "01.7": "answer_7 = (volume / n_km) ** (1 / 3)",
    "01.8": "answer_8 = n_km / volume * np.pi * earth_moon**2 * path_length",
    "01.9": 'answer_9 = "composition"',
}

ADAPT = {"exercise": "01.3", "replace": ("p_res, q_res = 5, 2", "p_res, q_res = 9, 4"), "title_contains": "9:4"}
