"""Natural formulas and one adaptation for lesson 00's exercises."""

NOTEBOOK = "00-start-here.ipynb"

NATURAL = {
    "00.1": "answer_1 = survey_altitude.to(u.km)",
    "00.2": "answer_2 = image_altitude / ceres_radius",
    "00.3": "answer_3 = survey_altitude + ceres_radius",
    "00.4": 'answer_4 = "dawn.jpl.nasa.gov"',
    "00.5": 'answer_5 = fact("ceres.orbit_lamo_altitude").to_value(u.imperial.mile)',
}

# Exercise 1 on another distance in miles (it moves exercise 3 too): the title shows the new distance.
ADAPT = {
    "exercise": "00.1",
    "replace": ('survey_altitude = fact("news.distance_survey")', 'survey_altitude = fact("news.distance_image")'),
    "title_contains": "4,500 mi",
}
