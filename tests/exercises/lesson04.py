"""Natural formulas and one adaptation for lesson 04's exercises."""

NOTEBOOK = "04-dawn-journey.ipynb"

# For every self-checked exercise: the first thing a student would plausibly type, with the inputs the
# notebook gives, as code that assigns the answer variable.
NATURAL = {
    "04.1": "answer_1 = (fact(end_id) - start).to(u.day)",
    "04.2": 'answer_2 = np.linalg.norm(heliocentric_position(target, when) - heliocentric_position("earth", when)) / c',
    "04.3": "answer_3 = utils.orbits.period(vesta_radius + vesta_altitude, G * vesta_mass)",
    "04.6": "answer_6 = 3 * np.pi * (ceres_radius + lamo_altitude)**3 / (G * lamo_period**2 * ceres_radius**3)",
    "04.7": "answer_7 = (rock_density - ceres_density) / (rock_density - rho_ice)",
    "04.4": "answer_4 = 2 * ceres_radius / (opnav_distance * ifov.to_value(u.rad))",
    "04.5": "answer_5 = facula / wanted_pixels / ifov.to_value(u.rad)",
}

# Another phase for exercise 1: from launch to the first ion-engine firing instead of the prime mission at Ceres.
ADAPT = {
    "exercise": "04.1",
    "replace": (
        'phase, start, end_id = "prime mission at Ceres", arrival, "dawn.prime_mission_end"',
        'phase, start, end_id = "wait for the first ion-engine firing", launch, "dawn.first_thrust"',
    ),
    "title_contains": "first ion-engine firing",
}
