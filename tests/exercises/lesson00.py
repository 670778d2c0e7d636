"""Natural formulas and one adaptation for lesson 00's exercises."""
NOTEBOOK = "00-start-here.ipynb"

NATURAL = {
    "00.1": "answer_1 = survey_altitude.to(u.km)",
    "00.2": "answer_2 = image_altitude / ceres_radius",
    "00.3": "answer_3 = survey_altitude + ceres_radius",
    "00.4": "answer_4 = fact(fact_id).to(u.imperial.mile)",
}

ADAPT = {
    "exercise": "00.4",
    "replace": ('fact_id = "ceres.orbit_lamo_altitude"', 'fact_id = "ceres.orbit_hamo_altitude"'),
    "title_contains": "ceres.orbit_hamo_altitude",
}
