"""Natural formulas and one adaptation for lesson 04's exercises."""

NOTEBOOK = "04-dawn-journey.ipynb"

# For every self-checked exercise: the first thing a student would plausibly type, with the inputs the
# notebook gives, as code that assigns the answer variable.
NATURAL = {
    "04.1": "answer_1 = (fact(event_id) - launch).to(u.day)",
    "04.2": 'answer_2 = mission.distance_between("earth", target, when) / c',
    "04.3": "answer_3 = utils.orbits.period(vesta_radius + vesta_altitude, G * vesta_mass)",
    "04.4": "answer_4 = 3 * np.pi * (ceres_radius + lamo_altitude)**3 / (G * lamo_period**2 * ceres_radius**3)",
    "04.5": "answer_5 = (rock_density - ceres_density) / (rock_density - rho_ice)",
    "04.6": "answer_6 = 2 * ceres_radius / (opnav_distance * ifov.to_value(u.rad))",
    "04.7": "answer_7 = facula / wanted_pixels / ifov.to_value(u.rad)",
}

# Another milestone for exercise 1: the start of the Survey orbit at Ceres instead of the first ion-engine firing.
ADAPT = {
    "exercise": "04.1",
    "replace": (
        'event, event_id = "first ion-engine firing", "dawn.first_thrust"',
        'event, event_id = "start of the Survey orbit", "ceres.orbit_survey_start"',
    ),
    "title_contains": "Survey orbit",
}
